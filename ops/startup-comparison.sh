#!/usr/bin/env bash
# Start-up time and memory of MSED beside a bare Camunda 7.24 + Spring Boot application (ops/bare-camunda:
# webapp and REST starters on the same embedded PostgreSQL 17), measured in one run on one machine.
#
#   ops/startup-comparison.sh            # RUNS=3 rounds; SKIP_BUILD=1 to reuse the built jars
#   LAYOUT=extracted ops/startup-comparison.sh   # both jars extracted first (java -Djarmode=tools -jar … extract),
#                                                # the layout Spring Boot recommends for production
#
# Each round starts each application on an empty data directory (first start: schema, deployments,
# demo data) and then again on the same directory (a restart), alternating the two, and takes:
#   ready   — seconds from launching java until the application answers: MSED's readiness probe
#             (after its start-up steps), the bare application's REST API;
#   rss     — resident memory of the JVM 10 s after it was ready (VmRSS), and of its PostgreSQL processes.
# Prints a table with the medians and their ratio, and writes target/startup-comparison.json.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
PORT=${PORT:-8991}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
WORK=target/startup-comparison
MSED_JAR=$(ls target/msed-*.jar 2>/dev/null | grep -v original | head -1 || true)
BARE_JAR=ops/bare-camunda/target/bare-camunda-1.jar

if [ -z "${SKIP_BUILD:-}" ] || [ -z "$MSED_JAR" ] || [ ! -f "$BARE_JAR" ]; then
  ./mvnw -q -B -DskipTests package
  ./mvnw -q -B -f ops/bare-camunda/pom.xml -DskipTests package
  MSED_JAR=$(ls target/msed-*.jar | grep -v original | head -1)
fi
rm -rf "$WORK" && mkdir -p "$WORK"
if [ "${LAYOUT:-packaged}" = extracted ]; then
  # Same classes, read from plain jars on the class path instead of jars nested in the fat jar.
  java -Djarmode=tools -jar "$MSED_JAR" extract --destination "$WORK/msed-app" >/dev/null
  java -Djarmode=tools -jar "$BARE_JAR" extract --destination "$WORK/bare-app" >/dev/null
  MSED_JAR="$WORK/msed-app/$(basename "$MSED_JAR")"
  BARE_JAR="$WORK/bare-app/$(basename "$BARE_JAR")"
fi

# rss_kb PID: the process's VmRSS in KiB
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
# postgres_rss_kb DATADIR: the summed VmRSS of the PostgreSQL processes serving that directory
postgres_rss_kb() {
  local master total=0 pid
  master=$(head -1 "$1/postmaster.pid" 2>/dev/null || true)
  [ -n "$master" ] || { echo 0; return; }
  for pid in $master $(pgrep -P "$master" || true); do
    total=$((total + $(rss_kb "$pid" 2>/dev/null || echo 0)))
  done
  echo $total
}

# start NAME JAR DATADIR READY_PATH ARGS...: prints "seconds jvm_kb postgres_kb"
start() {
  local name=$1 jar=$2 data=$3 ready=$4; shift 4
  local log="$WORK/$name.log" begin end pid
  begin=$(date +%s%N)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$jar" --server.port="$PORT" "$@" >>"$log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null -f "http://localhost:$PORT$ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "$name did not start, see $log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  sleep 10
  echo "$(( (end - begin) / 1000000 )) $(rss_kb $pid) $(postgres_rss_kb "$data")"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

msed() {
  start msed "$MSED_JAR" "$WORK/msed-pg" /actuator/health/readiness \
    --msed.embedded-postgres.data-directory="$WORK/msed-pg" --msed.files.directory="$WORK/msed-files"
}
bare() {
  start bare "$BARE_JAR" "$WORK/bare-pg" /engine-rest/engine --bare.data-directory="$WORK/bare-pg"
}

results="$WORK/results.txt"
: >"$results"
for round in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/msed-pg" "$WORK/msed-files" "$WORK/bare-pg"
  echo "msed first $(msed)" | tee -a "$results"
  echo "bare first $(bare)" | tee -a "$results"
  echo "msed restart $(msed)" | tee -a "$results"
  echo "bare restart $(bare)" | tee -a "$results"
done

python3 - "$results" "$WORK/../startup-comparison.json" "${LAYOUT:-packaged}" <<'PY'
import json, statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
def median(app, start, column):
    return statistics.median(float(r[column]) for r in rows if r[0] == app and r[1] == start)
report = {}
print("%-8s %-8s %10s %12s %14s" % ("", "start", "ready, s", "JVM RSS MiB", "PostgreSQL MiB"))
for start in ("first", "restart"):
    entry = {}
    for app in ("msed", "bare"):
        entry[app] = {"readySeconds": round(median(app, start, 2) / 1000, 2), "jvmRssMiB": round(median(app, start, 3) / 1024),
                      "postgresRssMiB": round(median(app, start, 4) / 1024)}
        print("%-8s %-8s %10.2f %12d %14d" % (app, start, entry[app]["readySeconds"], entry[app]["jvmRssMiB"],
                                              entry[app]["postgresRssMiB"]))
    entry["ratio"] = {"ready": round(entry["msed"]["readySeconds"] / entry["bare"]["readySeconds"], 2),
                      "jvmRss": round(entry["msed"]["jvmRssMiB"] / entry["bare"]["jvmRssMiB"], 2)}
    print("%-8s %-8s %10.2fx %11.2fx" % ("ratio", start, entry["ratio"]["ready"], entry["ratio"]["jvmRss"]))
    report[start] = entry
report["runs"] = len(rows) // 4
report["layout"] = sys.argv[3]
json.dump(report, open(sys.argv[2], "w"), indent=2)
PY
