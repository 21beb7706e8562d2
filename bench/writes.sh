#!/usr/bin/env bash
# Write benchmark (issue "Fast on one machine", point 1): POST /v2/issuers from wrk at CONNECTIONS (16)
# connections with the server's default settings (read-your-writes on), then one client in sequence,
# then pgbench's TPS for a one-row transaction on the same PostgreSQL, and the ratios.
# Usage: bench/writes.sh   (env: CONNECTIONS, DURATION, SEQUENTIAL, WARMUP, JAR: another build for A/B runs,
#        JAVA_OPTS: extra JVM options)
# The warm-up (60 s) is long because the JIT compiler takes a core for the first minute of load (async-profiler):
# with 10 s the figures measured the compiler, not the server a registry runs for months.
# Needs: JDK 17, python3, wrk and pgbench (apt-get install wrk postgresql-contrib). As a normal user, or as
# root (the embedded PostgreSQL then runs under the unshare the server sets up).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
PORT=${PORT:-8091}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-30s}
export BASE=http://127.0.0.1:$PORT KEY=bench-admin-key-0123456789
DATA=$(mktemp -d /tmp/trust-registry-writes.XXXXXX)
JAR=${JAR:-$ROOT/server/target/trust-registry.jar}
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
TRUST_REGISTRY_DATA_DIR=$DATA TRUST_REGISTRY_PORT=$PORT TRUST_REGISTRY_BOOTSTRAP_ADMIN_KEY=$KEY \
  java -Xmx2g ${JAVA_OPTS:-} -jar "$JAR" --logging.level.root=WARN > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health/readiness" >/dev/null && break; sleep 1; done

REGISTRY=$(curl -sf -H "X-API-Key: $KEY" -H 'Content-Type: application/json' "$BASE/v2/registries" \
  -d '{"name":"Bench","ecosystemDid":"did:web:bench.example"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
cat > "$DATA/writes.lua" <<LUA
-- every request registers a new issuer (a new DID) in the bench registry
local counter = 0

local threads = {}
function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  counter = 0
  -- a new seed per run and thread: the warm-up and the measured run must not register the same DIDs (409)
  math.randomseed(os.time() * 100 + thread_id)
  run = math.random(1, 1000000000)
end
request = function()
  counter = counter + 1
  local body = string.format('{"did":"did:web:w%d-%d-%d.bench.example","registryId":"$REGISTRY","name":"Issuer %d"}',
    run, thread_id, counter, counter)
  return wrk.format("POST", "/v2/issuers", {["Content-Type"] = "application/json", ["X-API-Key"] = "$KEY"}, body)
end
statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  local answers = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do answers[status] = (answers[status] or 0) + n end
  end
  local listed = {}
  for status, n in pairs(answers) do table.insert(listed, string.format("%d x %d", n, status)) end
  io.write("statuses: " .. table.concat(listed, ", ") .. "\n")
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("writes: %d requests, %d not 201, %.0f/s, p50 %.2f ms, p99 %.2f ms\n", summary.requests,
    failed, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
LUA
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-60s}" -s "$DATA/writes.lua" "$BASE" > /dev/null   # warm-up
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$DATA/writes.lua" "$BASE" > "$DATA/wrk.out"
grep '^statuses:' "$DATA/wrk.out" || true
WRK=$(grep '^writes:' "$DATA/wrk.out")
echo "$WRK"

SEQ=$(REGISTRY=$REGISTRY N=${SEQUENTIAL:-300} python3 - <<'PY'
import http.client, json, os, statistics, time, uuid
c = http.client.HTTPConnection("127.0.0.1", int(os.environ["BASE"].rsplit(":", 1)[1]))
times = []
for i in range(int(os.environ["N"])):
    body = json.dumps({"did": f"did:web:s{uuid.uuid4().hex[:12]}.bench.example", "registryId": os.environ["REGISTRY"],
                       "name": f"Sequential {i}"})
    t = time.perf_counter()
    c.request("POST", "/v2/issuers", body, {"Content-Type": "application/json", "X-API-Key": os.environ["KEY"]})
    r = c.getresponse(); r.read()
    times.append((time.perf_counter() - t) * 1000)
    assert r.status == 201, r.status
times.sort()
print(f"sequential: {len(times)} writes, {len(times) / (sum(times) / 1000):.1f}/s, p50 {statistics.median(times):.2f} ms, "
      f"p99 {times[int(len(times) * 0.99) - 1]:.2f} ms")
PY
)
echo "$SEQ"

# the reference: pgbench, one-row transactions on the same PostgreSQL, same number of clients
PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
psql -q -h localhost -p "$PGPORT" -U postgres -c 'CREATE DATABASE pgbench_ref' postgres
psql -q -h localhost -p "$PGPORT" -U postgres -c 'CREATE TABLE one_row (id bigserial PRIMARY KEY, v int)' pgbench_ref
printf '\\set v random(1, 1000000)\nINSERT INTO one_row (v) VALUES (:v);\n' > "$DATA/one-row.sql"
PGB=$(pgbench -n -h localhost -p "$PGPORT" -U postgres -c "$CONNECTIONS" -j 2 -T 15 -f "$DATA/one-row.sql" pgbench_ref \
  2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
echo "pgbench: one-row transactions, $CONNECTIONS clients: $PGB tps"
python3 - "$WRK" "$PGB" <<'PY'
import re, sys
writes = float(re.search(r"([0-9.]+)/s", sys.argv[1]).group(1))
print(f"ratio: {writes:.0f} writes/s = {100 * writes / float(sys.argv[2]):.1f} % of pgbench's one-row TPS")
PY
