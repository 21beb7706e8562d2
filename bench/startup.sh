#!/usr/bin/env bash
# Cold start: time from the start command to ready (GET /actuator/health answers 200), on a fresh data directory
# and then on the existing one, RUNS times each (3), for `java -jar` and for bin/trust-registry (the same jar with
# a class-data-sharing archive, made by one training start and stop first). Prints each figure and the median,
# beside the time a bare JVM takes to start and stop in the same run (`java -version`), the floor under any Java
# server. Usage: bench/startup.sh   (env: RUNS, PORT, JAVA_OPTS)   Needs: JDK 17, curl.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
PORT=${PORT:-8091}
RUNS=${RUNS:-3}
JAR=$ROOT/server/target/trust-registry.jar
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
DATA=$(mktemp -d /tmp/trust-registry-startup.XXXXXX)
export TRUST_REGISTRY_CDS_DIR=$DATA/cds TRUST_REGISTRY_PORT=$PORT \
  TRUST_REGISTRY_BOOTSTRAP_ADMIN_KEY=startup-admin-key-0123456789
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; wait 2>/dev/null || true; rm -rf "$DATA"' EXIT

ms() { date +%s%3N; }

# one start of "$2…" on data directory $1: prints the milliseconds to ready, then stops the server (SIGTERM)
start() {
  local dir=$1 t0 t1
  shift
  t0=$(ms)
  TRUST_REGISTRY_DATA_DIR=$dir "$@" > "$DATA/server.log" 2>&1 &
  SERVER=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; do
    kill -0 $SERVER 2>/dev/null || { echo "the server stopped; see its log:" >&2; tail -20 "$DATA/server.log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(ms)
  kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=
  echo $((t1 - t0))
}

median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

# shellcheck disable=SC2206
plain=(java ${JAVA_OPTS:-} -jar "$JAR")
launcher=("$ROOT/bin/trust-registry")
start "$DATA/training" "${launcher[@]}" > /dev/null   # writes the archive as it stops
[ -s "$DATA/cds/trust-registry.jsa" ] || { echo "no class-data-sharing archive was written" >&2; exit 1; }
jvm=(); fresh=(); existing=(); cfresh=(); cexisting=()
for _ in $(seq 1 "$RUNS"); do
  t0=$(ms); java -version 2>/dev/null; jvm+=($(( $(ms) - t0 )))
  rm -rf "$DATA/run"; fresh+=("$(start "$DATA/run" "${plain[@]}")"); existing+=("$(start "$DATA/run" "${plain[@]}")")
  rm -rf "$DATA/run"; cfresh+=("$(start "$DATA/run" "${launcher[@]}")")
  cexisting+=("$(start "$DATA/run" "${launcher[@]}")")
done
echo "bare JVM start (java -version), ms:                  ${jvm[*]}  median $(echo "${jvm[*]}" | median)"
echo "java -jar, ready on a fresh data directory, ms:       ${fresh[*]}  median $(echo "${fresh[*]}" | median)"
echo "java -jar, ready on the existing data directory, ms:  ${existing[*]}  median $(echo "${existing[*]}" | median)"
echo "bin/trust-registry (CDS), fresh data directory, ms:   ${cfresh[*]}  median $(echo "${cfresh[*]}" | median)"
echo "bin/trust-registry (CDS), existing data directory, ms: ${cexisting[*]}  median $(echo "${cexisting[*]}" | median)"
