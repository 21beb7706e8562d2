#!/usr/bin/env bash
# TRQP benchmark: a realistic registry (10,000 issuers across 10 registries, each with a history), then
# POST /v2/authorization with mixed current and past-time queries from wrk on loopback, while a sample
# of answers is checked. Usage: bench/run.sh   (env: ISSUERS, REGISTRIES, DURATION, CONNECTIONS)
# Needs: JDK 17, python3, wrk (apt-get install wrk). Run as a normal user or as root (embedded PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
PORT=${PORT:-8089}
export BASE=http://127.0.0.1:$PORT KEY=bench-admin-key-0123456789
DATA=$(mktemp -d /tmp/trust-registry-bench.XXXXXX)
[ -f "$ROOT/server/target/trust-registry.jar" ] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
TRUST_REGISTRY_DATA_DIR=$DATA TRUST_REGISTRY_PORT=$PORT TRUST_REGISTRY_BOOTSTRAP_ADMIN_KEY=$KEY \
  java -Xmx2g -jar "$ROOT/server/target/trust-registry.jar" \
  --trust-registry.http.read-your-writes-timeout=0s --logging.level.root=WARN > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
export OUT=$DATA/queries.json
python3 load.py
# let the projections catch up with the load before measuring
waited=0
while true; do
  lag=$(curl -s -H "X-API-Key: $KEY" "$BASE/v2/admin/projections" | python3 -c 'import json,sys; print(max(p["lag"] for p in json.load(sys.stdin)))')
  [ "$lag" = 0 ] && break
  waited=$((waited + 1)); [ $((waited % 10)) = 0 ] && echo "projections still $lag events behind after ${waited}s" >&2
  [ $waited -ge 900 ] && { echo "projections did not catch up; see $DATA/server.log" >&2; trap - EXIT; exit 1; }
  sleep 1
done
echo "projections caught up ${waited}s after the load" >&2
python3 queries.lua.py && mv trqp.lua "$DATA/trqp.lua"
wrk -t2 -c"${CONNECTIONS:-12}" -d10s -s "$DATA/trqp.lua" "$BASE" > /dev/null   # warm-up
SAMPLE=500 python3 check.py & CHECK=$!
wrk -t2 -c"${CONNECTIONS:-12}" -d"${DURATION:-30s}" --latency -s "$DATA/trqp.lua" "$BASE"
wait $CHECK
