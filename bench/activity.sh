#!/usr/bin/env bash
# Usage-event ingest on PostgreSQL: POST /v1/batch (500 events per batch, concurrency 8) against COPY of the same
# rows into the same table, in the same run (bench/src/ActivityBench.java), and the floor: PostgreSQL alone running the
# ingest's claim, COPY and rollup statements over JDBC (FLOOR=0 leaves it out, FLOOR=claims leaves out the rollups).
# Targets: >= 50,000 events/s and >= 30% of COPY. Results go to bench/results/<stamp>/activity.txt; record them in docs/benchmarks.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROUNDS=${ROUNDS:-3}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-20}
PORT=${BENCH_PORT:-8084}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_DB=${PG_DB:-rapport_bench_activity}
PG_USER=${PG_USER:-postgres}
PG_PASSWORD=${PG_PASSWORD:-postgres}
SERVER_JAVA=${SERVER_JAVA:-$( [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && echo /usr/lib/jvm/temurin-25-jdk-amd64/bin/java || echo java )}
SERVER_OPTS=${SERVER_OPTS:-"-Xms512m -Xmx1g"}

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP"
mkdir -p "$OUT" "$ROOT/bench/target/activity/classes" "$ROOT/bench/target/activity/lib"
JAR=${JAR:-"$ROOT/target/rapport-0.1.0-SNAPSHOT.jar"}
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -q -B -o -DskipTests package
fi
(cd "$ROOT/bench/target/activity/lib" && rm -f ./*.jar \
  && jar tf "$JAR" | grep -E 'BOOT-INF/lib/postgresql-[0-9.]+\.jar' | xargs jar xf "$JAR" \
  && mv BOOT-INF/lib/*.jar . && rm -rf BOOT-INF)
CP="$ROOT/bench/target/activity/classes:$(ls "$ROOT"/bench/target/activity/lib/*.jar | tr '\n' ':')"
javac -cp "$CP" -d "$ROOT/bench/target/activity/classes" "$ROOT/bench/src/ActivityBench.java"

export PGPASSWORD=$PG_PASSWORD
psql -h "$PG_HOST" -U "$PG_USER" -d postgres -qc "drop database if exists $PG_DB" -c "create database $PG_DB"
JDBC="jdbc:postgresql://$PG_HOST/$PG_DB"

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
}
trap stop_server EXIT
RAPPORT_DEMO=false RAPPORT_ADMIN_PASSWORD=admin-password-1 RAPPORT_MAIL_SANDBOX=false PORT="$PORT" \
  SERVER_PORT="$PORT" SPRING_DATASOURCE_URL="$JDBC" SPRING_DATASOURCE_USERNAME="$PG_USER" \
  SPRING_DATASOURCE_PASSWORD="$PG_PASSWORD" RAPPORT_DATA_DIR="$OUT/data" \
  "$SERVER_JAVA" $SERVER_OPTS -jar "$JAR" >"$OUT/server-activity.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq "${START_SECONDS:-240}"); do # a loaded machine may take minutes
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died: $OUT/server-activity.log"; exit 1; }
  sleep 1
done

JDK_BIN=$(dirname "$(readlink -f "$(command -v "$SERVER_JAVA")")")
if [ "${PROFILE:-0}" = 1 ]; then # JFR of the server from PROFILE_DELAY on (past the warm-up), dumped at the end
  "$JDK_BIN/jcmd" "$SERVER_PID" JFR.start name=activity settings=profile delay="${PROFILE_DELAY:-30s}" >/dev/null
fi
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "jdk: $("$SERVER_JAVA" -version 2>&1 | head -1)"
  echo "postgresql: $(psql -h "$PG_HOST" -U "$PG_USER" -d postgres -Atc 'show server_version')"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp "$CP" ActivityBench "http://127.0.0.1:$PORT" "$JDBC?user=$PG_USER&password=$PG_PASSWORD" \
    "$SECONDS_PER_ROUND" "$ROUNDS" "$SERVER_PID"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rows: $(psql -h "$PG_HOST" -U "$PG_USER" -d "$PG_DB" -Atc 'select count(*) from activity_events')"
} | tee "$OUT/activity.txt"
if [ "${PROFILE:-0}" = 1 ]; then
  "$JDK_BIN/jcmd" "$SERVER_PID" JFR.dump name=activity filename="$OUT/server.jfr" >/dev/null
  "$JDK_BIN/jfr" print --events jdk.ExecutionSample --stack-depth 512 "$OUT/server.jfr" >"$OUT/samples.txt"
  python3 bench/jfr-hot.py "$OUT/samples.txt" | tee "$OUT/summary.txt"
fi
