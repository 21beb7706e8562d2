#!/usr/bin/env bash
# TRQP benchmark: a realistic registry (10,000 issuers across 10 registries, each with a history), then
# POST /v2/authorization with mixed current and past-time queries from wrk on loopback, while a sample
# of answers is checked. Usage: bench/run.sh   (env: ISSUERS, REGISTRIES, DURATION, CONNECTIONS, CLONES, JAVA_OPTS,
# JAR, PUBLIC_LISTS)
# CLONES=10 appends nine copies of the loaded history, each a world of its own (bench/clone.py): 100,000 issuers
# from a 10,000-issuer load. At the end the server's heap after a full GC (jcmd) is printed. PUBLIC_LISTS=1 also
# drives the first page of GET /v2/public/issuers (all registries, then one) from wrk (LIST_DURATION, 20s).
# Then nginx answers a fixed TRQP answer on the same machine, driven by the same wrk script: the HTTP ceiling,
# and the ratio to it.
# Needs: JDK 17, python3, wrk, nginx, psql (apt-get install wrk nginx postgresql-client). Run as a normal user or
# as root.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
PORT=${PORT:-8089}
export BASE=http://127.0.0.1:$PORT KEY=bench-admin-key-0123456789
DATA=$(mktemp -d /tmp/trust-registry-bench.XXXXXX)
JAR=${JAR:-$ROOT/server/target/trust-registry.jar}
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
TRUST_REGISTRY_DATA_DIR=$DATA TRUST_REGISTRY_PORT=$PORT TRUST_REGISTRY_BOOTSTRAP_ADMIN_KEY=$KEY \
  java -Xmx2g ${JAVA_OPTS:-} -jar "$JAR" \
  --trust-registry.http.read-your-writes-timeout=0s --logging.level.root=WARN > "$DATA/server.log" 2>&1 &
SERVER=$!
NGINX_PORT=${NGINX_PORT:-8098}
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; [ -f "$DATA/nginx.pid" ] && kill "$(cat "$DATA/nginx.pid")"; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
export OUT=$DATA/queries.json
python3 load.py
if [ "${CLONES:-1}" -gt 1 ]; then
  # CLONES worlds like the one loaded, appended as the command side would have written them (bench/clone.py): the
  # queries still ask about the loaded world, now among CLONES times as many issuers and histories
  PGPORT=$(sed -n 4p "$DATA/postgres/postmaster.pid") COPIES=$((CLONES - 1)) python3 clone.py
fi
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
wrk -t2 -c"${CONNECTIONS:-12}" -d"${DURATION:-30s}" --latency -s "$DATA/trqp.lua" "$BASE" | tee "$DATA/trqp.out"
wait $CHECK
if [ "${PUBLIC_LISTS:-0}" = 1 ]; then
  # the public list a wallet pages through: the first page of the active issuers of every registry, and of one
  wrk -t1 -c4 -d10s "$BASE/v2/public/issuers?size=20" > /dev/null   # warm-up
  wrk -t2 -c4 -d"${LIST_DURATION:-20s}" --latency "$BASE/v2/public/issuers?size=20" | grep -E 'Requests/sec|50%|99%' \
    | sed 's/^/public issuers, all registries: /'
  REG_ID=$(curl -s "$BASE/v2/public/registries?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  wrk -t2 -c4 -d"${LIST_DURATION:-20s}" --latency "$BASE/v2/public/issuers?size=20&registryId=$REG_ID" \
    | grep -E 'Requests/sec|50%|99%' | sed 's/^/public issuers, one registry: /'
fi
jcmd $SERVER GC.run > /dev/null
HEAP=$(jcmd $SERVER GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1)
ISSUERS_STORED=$(psql -At -h localhost -p "$(sed -n 4p "$DATA/postgres/postmaster.pid")" -U postgres -d postgres \
  -c 'SELECT count(*) FROM issuers')
echo "server heap after a full GC: $((HEAP / 1024)) MB with $ISSUERS_STORED issuers"

# the reference: nginx answering one real TRQP answer (taken from the server) to the same requests
ANSWER=$(curl -s -H 'Content-Type: application/json' "$BASE/v2/authorization" \
  -d "$(python3 -c 'import json,os; print(json.dumps(json.load(open(os.environ["OUT"]))[1]["body"]))')")
mkdir -p "$DATA/nginx"
python3 - "$DATA" "$NGINX_PORT" "$ANSWER" <<'PY'
import sys
data, port, answer = sys.argv[1], sys.argv[2], sys.argv[3]
escaped = answer.replace("\\", "\\\\").replace("'", "\\'")
open(f"{data}/nginx.conf", "w").write(f"""
worker_processes auto;
pid {data}/nginx.pid;
error_log {data}/nginx/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {data}/nginx; proxy_temp_path {data}/nginx; fastcgi_temp_path {data}/nginx;
  uwsgi_temp_path {data}/nginx; scgi_temp_path {data}/nginx;
  server {{
    listen 127.0.0.1:{port};
    location = /v2/authorization {{ default_type application/json; return 200 '{escaped}'; }}
  }}
}}
""")
PY
nginx -c "$DATA/nginx.conf" -p "$DATA/nginx"
for _ in $(seq 1 50); do [ -f "$DATA/nginx.pid" ] && break; sleep 0.1; done
wrk -t2 -c"${CONNECTIONS:-12}" -d5s -s "$DATA/trqp.lua" "http://127.0.0.1:$NGINX_PORT" > /dev/null   # warm-up
echo "nginx, a fixed TRQP answer, the same requests:"
wrk -t2 -c"${CONNECTIONS:-12}" -d"${DURATION:-30s}" --latency -s "$DATA/trqp.lua" "http://127.0.0.1:$NGINX_PORT" \
  | tee "$DATA/nginx.out"
python3 - "$DATA/trqp.out" "$DATA/nginx.out" <<'PY'
import re, sys
def rate(path):
    return float(re.search(r"throughput ([0-9.]+) queries/s", open(path).read()).group(1))
ours, ceiling = rate(sys.argv[1]), rate(sys.argv[2])
print(f"ratio: TRQP {ours:.0f}/s = {100 * ours / ceiling:.1f} % of nginx's {ceiling:.0f}/s")
PY
