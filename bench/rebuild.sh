#!/usr/bin/env bash
# Rebuild benchmark (issue "Fast on one machine", point 2): a history of EVENTS events (1,000,000), then every
# projection rebuilt at once, timed until all have caught up; beside it pgbench's TPS on the same PostgreSQL.
# The history: bench/load.py writes BASE_ISSUERS issuers with their histories through the HTTP API (the command
# model), then bench/clone.py appends copies of those events, each a registry world of its own (new ids, new DIDs),
# until the store holds EVENTS.
# Usage: bench/rebuild.sh   (env: EVENTS, BASE_ISSUERS, REGISTRIES, JAR: another build for A/B runs,
#        JAVA_OPTS: extra JVM options, e.g. a profiler agent)
# Needs: JDK 17, python3, psql and pgbench (apt-get install postgresql-client postgresql-contrib).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
PORT=${PORT:-8092}
EVENTS=${EVENTS:-1000000}
export BASE=http://127.0.0.1:$PORT KEY=bench-admin-key-0123456789
DATA=$(mktemp -d /tmp/trust-registry-rebuild.XXXXXX)
JAR=${JAR:-$ROOT/server/target/trust-registry.jar}
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
TRUST_REGISTRY_DATA_DIR=$DATA TRUST_REGISTRY_PORT=$PORT TRUST_REGISTRY_BOOTSTRAP_ADMIN_KEY=$KEY \
  java -Xmx2g ${JAVA_OPTS:-} -jar "$JAR" \
  --trust-registry.http.read-your-writes-timeout=0s --logging.level.root=WARN > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health/readiness" >/dev/null && break; sleep 1; done
PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
export PGPORT

projections() { curl -s -H "X-API-Key: $KEY" "$BASE/v2/admin/projections"; }
caught_up() { projections | python3 -c 'import json,sys; print(all(p["caughtUp"] for p in json.load(sys.stdin)))'; }

OUT=$DATA/queries.json ISSUERS=${BASE_ISSUERS:-1000} REGISTRIES=${REGISTRIES:-2} python3 load.py
TARGET=$EVENTS COPIES=100000 python3 clone.py
TOTAL=$(psql -At -h localhost -p "$PGPORT" -U postgres -d postgres -c 'SELECT count(*) FROM domain_event_entry')
echo "event store: $TOTAL events"

START=$(date +%s.%N)
for name in $(projections | python3 -c 'import json,sys; print(" ".join(p["name"] for p in json.load(sys.stdin)))'); do
  curl -sf -o /dev/null -X POST -H "X-API-Key: $KEY" "$BASE/v2/admin/projections/$name/rebuild"
done
sleep 1
until [ "$(caught_up)" = True ]; do sleep 0.5; done
END=$(date +%s.%N)
projections | python3 -c '
import json, sys
listed = json.load(sys.stdin)
bad = [p["name"] for p in listed if not p["caughtUp"] or p["errors"] or p["lag"]]
sys.exit(f"not rebuilt cleanly: {bad}" if bad else 0)'
RATE=$(python3 -c "print(round($TOTAL / ($END - $START)))")
echo "rebuild: all projections, $TOTAL events in $(python3 -c "print(round($END - $START, 1))") s = $RATE events/s"

# the reference: pgbench's built-in TPC-B-like transaction on the same PostgreSQL, 2 clients (a rebuild is 12
# projections on 2 cores)
psql -q -h localhost -p "$PGPORT" -U postgres -c 'CREATE DATABASE pgbench_ref' postgres
pgbench -q -i -s 10 -h localhost -p "$PGPORT" -U postgres pgbench_ref >/dev/null 2>&1
PGB=$(pgbench -n -h localhost -p "$PGPORT" -U postgres -c 2 -j 2 -T 15 pgbench_ref 2>/dev/null \
  | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
echo "pgbench: TPC-B-like, 2 clients: $PGB tps"
echo "ratio: $RATE events/s = $(python3 -c "print(round($RATE / $PGB, 2))") x pgbench's TPS"
