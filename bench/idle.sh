#!/usr/bin/env bash
# Idle benchmark (issue "Fast on one machine", point 5): the server's CPU with no traffic. Starts the server on a
# fresh data directory, registers REGISTRIES (20) registries so the projections and monitors have data, then
# reads the CPU time (utime+stime from /proc) of the java process and of all of the embedded PostgreSQL's
# processes over WINDOW seconds (120), once from AFTER seconds after start (120: the JIT compiler is still
# finishing the start-up's methods) and once from LATE seconds (360: the steady state a registry runs in).
# Prints each as a percentage of one core. Nothing else should run on the machine meanwhile.
# Usage: bench/idle.sh   (env: PORT, REGISTRIES, WINDOW, AFTER, LATE). Needs: JDK 17, curl, bc.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
PORT=${PORT:-8095}
WINDOW=${WINDOW:-120}
KEY=bench-admin-key-0123456789
DATA=$(mktemp -d /tmp/trust-registry-idle.XXXXXX)
[ -f "$ROOT/server/target/trust-registry.jar" ] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
TICKS=$(getconf CLK_TCK)
SECONDS=0
TRUST_REGISTRY_DATA_DIR=$DATA TRUST_REGISTRY_PORT=$PORT TRUST_REGISTRY_BOOTSTRAP_ADMIN_KEY=$KEY \
  java -Xmx2g -jar "$ROOT/server/target/trust-registry.jar" --logging.level.root=WARN > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done
for i in $(seq 1 "${REGISTRIES:-20}"); do
  curl -sf -o /dev/null -H "X-API-Key: $KEY" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/v2/registries" \
    -d "{\"name\":\"Idle $i\",\"ecosystemDid\":\"did:web:idle$i.example\"}"
done
java_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
postgres_ticks() {
  # the embedded PostgreSQL: the postmaster with the children it has reaped (cutime, cstime: closed
  # connections), and its living children (backends, checkpointer, writers)
  local postmaster total pid
  postmaster=$(head -1 "$DATA/postgres/postmaster.pid")
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
  for pid in $(pgrep -P "$postmaster" || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
for from in "${AFTER:-120}" "${LATE:-360}"; do
  [ "$SECONDS" -lt "$from" ] && sleep $((from - SECONDS))
  j0=$(java_ticks); p0=$(postgres_ticks)
  sleep "$WINDOW"
  j1=$(java_ticks); p1=$(postgres_ticks)
  echo "idle from ${from} s after start, over ${WINDOW} s: java $(echo "scale=2; 100 * ($j1 - $j0) / $TICKS / $WINDOW" | bc) %" \
    "of one core, PostgreSQL $(echo "scale=2; 100 * ($p1 - $p0) / $TICKS / $WINDOW" | bc) %"
done
