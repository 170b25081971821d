#!/usr/bin/env bash
# Profiles one scenario of Rapport's API on PostgreSQL: a JFR recording of the server under load, and/or a count of
# the SQL statements per request. See bench/README.md ("Profiling").
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SCENARIO=${SCENARIO:-create}            # create | reply | list
SECONDS_PER_SCENARIO=${SECONDS_PER_SCENARIO:-20}
CONCURRENCY=${CONCURRENCY:-16}
PORT=${BENCH_PORT:-8083}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_DB=${PG_DB:-rapport_profile}
PG_PARAMS=${PG_PARAMS:-reWriteBatchedInserts=true}
SERVER_JAVA=${SERVER_JAVA:-$( [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && echo /usr/lib/jvm/temurin-25-jdk-amd64/bin/java || echo java )}
SERVER_OPTS=${SERVER_OPTS:-"-Xms512m -Xmx1g"}
MODE=${MODE:-jfr}                       # jfr: record the server; sql: count statements per request (one client)
JAR=${JAR:-"$ROOT/target/rapport-0.1.0-SNAPSHOT.jar"} # another build for an A/B run
JDK_BIN=$(dirname "$(readlink -f "$(command -v "$SERVER_JAVA")")")
JFR_TOOL=${JFR_TOOL:-$( [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr ] && echo /usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr || echo jfr )}

OUT="$ROOT/bench/results/profile-$(date -u +%Y%m%dT%H%M%SZ)-$MODE-$SCENARIO-$(basename "$(dirname "$JDK_BIN")")-$PORT" # two at once: one each
mkdir -p "$OUT" "$ROOT/bench/target/classes"
javac -d "$ROOT/bench/target/classes" "$ROOT/bench/src/Bench.java"
bench() { java -cp "$ROOT/bench/target/classes" Bench "$@"; }

read -r -a EXTRA <<<"${SERVER_ARGS:-}" # e.g. "--some.property=value" for an A/B run
if [ "$MODE" = sql ]; then
  EXTRA+=(--logging.level.org.hibernate.SQL=debug --logging.level.org.springframework.jdbc.core.JdbcTemplate=debug)
fi
# JFR_AT_LAUNCH=1: record from the server's start and keep only the measured window, instead of starting the recording
# before the window: on Java 17 starting a recording in a running server throws compiled code away (a create cost 6.6
# ms of CPU before JFR.start and 14.1 ms after, 57% of the samples interpreted), so the window would show the JIT.
AT_LAUNCH=()
[ "${JFR_AT_LAUNCH:-0}" = 1 ] && [ "$MODE" != sql ] && AT_LAUNCH=("-XX:StartFlightRecording=name=bench,settings=profile")
dropdb -h "$PG_HOST" -U postgres --if-exists "$PG_DB"
createdb -h "$PG_HOST" -U postgres "$PG_DB"
env SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:5432/$PG_DB${PG_PARAMS:+?$PG_PARAMS}" \
  SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
  RAPPORT_DATA_DIR="$OUT/data" RAPPORT_DEMO=false RAPPORT_ADMIN_PASSWORD=admin-password-1 PORT="$PORT" \
  "$SERVER_JAVA" $SERVER_OPTS -XX:+FlightRecorder -XX:FlightRecorderOptions:stackdepth=512 "${AT_LAUNCH[@]}" -jar "$JAR" "${EXTRA[@]}" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
export BENCH_SERVER_PID=$SERVER_PID
trap 'kill $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true' EXIT
bench wait "http://127.0.0.1:$PORT" "${START_SECONDS:-300}" # a busy machine starts it in minutes

export BENCH_TOKEN # minted once: the recording holds no bcrypt (minting one per run was up to 17% of the samples)
BENCH_TOKEN=$(bench token "http://127.0.0.1:$PORT")
WARMUP_SECONDS=${WARMUP_SECONDS:-60} # the JIT compiles for about a minute on 2 busy cores
echo "warm-up: $SCENARIO for $WARMUP_SECONDS s" | tee "$OUT/summary.txt"
bench profile "http://127.0.0.1:$PORT" "$WARMUP_SECONDS" "$CONCURRENCY" "$SCENARIO" | tee -a "$OUT/summary.txt"
if [ "$MODE" = sql ]; then
  sleep 2 # the asynchronous listeners finish
  from=$(wc -l <"$OUT/server.log")
  commits() { psql -h "$PG_HOST" -U postgres -At -c "select xact_commit from pg_stat_database where datname = '$PG_DB'"; }
  commits_before=$(commits)
  bench profile "http://127.0.0.1:$PORT" 3 1 "$SCENARIO" | tee -a "$OUT/summary.txt"
  sleep 2
  commits_after=$(commits) # counts the scheduled jobs' few transactions too
  tail -n +"$((from + 1))" "$OUT/server.log" >"$OUT/sql.log"
  python3 "$ROOT/bench/sql-count.py" "$OUT/sql.log" "$(grep -oE '\(([0-9]+) requests' "$OUT/summary.txt" | tail -1 | tr -dc 0-9)" \
    | tee -a "$OUT/summary.txt"
  requests=$(grep -oE '\(([0-9]+) requests' "$OUT/summary.txt" | tail -1 | tr -dc 0-9)
  echo "PostgreSQL commits: $((commits_after - commits_before)) for $requests requests" | tee -a "$OUT/summary.txt"
else
  WINDOW_START=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  [ "${#AT_LAUNCH[@]}" = 0 ] && "$JDK_BIN/jcmd" "$SERVER_PID" JFR.start name=bench settings=profile >/dev/null
  python3 "$ROOT/bench/thread-cpu.py" snap "$SERVER_PID" "$OUT/threads-before.json"
  bench profile "http://127.0.0.1:$PORT" "$SECONDS_PER_SCENARIO" "$CONCURRENCY" "$SCENARIO" | tee -a "$OUT/summary.txt"
  python3 "$ROOT/bench/thread-cpu.py" snap "$SERVER_PID" "$OUT/threads-after.json"
  python3 "$ROOT/bench/thread-cpu.py" diff "$OUT/threads-before.json" "$OUT/threads-after.json" \
    "$(grep -oE '\(([0-9]+) requests' "$OUT/summary.txt" | tail -1 | tr -dc 0-9)" | tee -a "$OUT/summary.txt"
  if [ "${#AT_LAUNCH[@]}" = 0 ]; then
    "$JDK_BIN/jcmd" "$SERVER_PID" JFR.dump name=bench filename="$OUT/server.jfr" >/dev/null
  else # the recording since launch, from the window's start on
    "$JDK_BIN/jcmd" "$SERVER_PID" JFR.dump name=bench begin="$WINDOW_START" filename="$OUT/server.jfr" >/dev/null
  fi
  "$JDK_BIN/jcmd" "$SERVER_PID" JFR.stop name=bench >/dev/null
  "$JFR_TOOL" print --events jdk.ExecutionSample --stack-depth 512 "$OUT/server.jfr" >"$OUT/samples.txt"
  python3 "$ROOT/bench/jfr-hot.py" "$OUT/samples.txt" | tee -a "$OUT/summary.txt"
  "$JFR_TOOL" print --json --events jdk.ExecutionSample --stack-depth 1 "$OUT/server.jfr" >"$OUT/top-frames.json"
  python3 "$ROOT/bench/jfr-tiers.py" "$OUT/top-frames.json" | tee -a "$OUT/summary.txt"
fi
echo "Profile: $OUT"
