#!/usr/bin/env bash
# The email channel's benchmark on PostgreSQL: push endpoint, IMAP polling and the outbox, with the same tickets
# created through POST /api/v1/tickets as the baseline, all in one run. See bench/README.md ("Mail").
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
COUNT=${COUNT:-10000}
CONCURRENCY=${CONCURRENCY:-8}
PORT=${BENCH_PORT:-8084}
SMTP_PORT=${BENCH_SMTP_PORT:-3925}
IMAP_PORT=${BENCH_IMAP_PORT:-3943}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_DB=${PG_DB:-rapport_mailbench}
SERVER_JAVA=${SERVER_JAVA:-java}
SERVER_OPTS=${SERVER_OPTS:-"-Xms512m -Xmx1500m"}
SCENARIOS=${SCENARIOS:-"push floor api imap outbox"} # floor: after push, whose mails it copies
export WARMUP=${WARMUP:-1000} # mails (and tickets) before the push and API scenarios measure
PROFILE=${PROFILE:-0} # 1: a JFR recording of the server during the push scenario, summarized by bench/jfr-hot.py
PROFILE_SCENARIOS=${PROFILE_SCENARIOS:-push} # which scenarios PROFILE=1 records, each in its own file
JDK_BIN=$(dirname "$(readlink -f "$(command -v "$SERVER_JAVA")")")
[ "$PROFILE" = 1 ] && SERVER_OPTS="$SERVER_OPTS -XX:FlightRecorderOptions:stackdepth=512" # whole stacks: Spring's are deep

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/mail-$STAMP"
mkdir -p "$OUT"
JAR=${JAR:-"$ROOT/target/rapport-0.1.0-SNAPSHOT.jar"}
. "$ROOT/bench/mail-lib.sh"

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

java -cp "$CP" MailServer "$SMTP_PORT" "$IMAP_PORT" >"$OUT/greenmail.log" 2>&1 &
PIDS+=($!)

dropdb -h "$PG_HOST" -U postgres --if-exists "$PG_DB"
# a new database needs a new data directory: the search index of an earlier run would hold its tickets under the ids
# this run gives again, and every update would delete one of them (merges grew to a quarter of the CPU over runs)
rm -rf /tmp/rapport-mailbench
createdb -h "$PG_HOST" -U postgres "$PG_DB"
URL="jdbc:postgresql://$PG_HOST:5432/$PG_DB?reWriteBatchedInserts=true"
env RAPPORT_DEMO=false RAPPORT_MAIL_SANDBOX=false RAPPORT_ADMIN_PASSWORD=admin-password-1 PORT="$PORT" \
  SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
  RAPPORT_DATA_DIR=/tmp/rapport-mailbench "$SERVER_JAVA" $SERVER_OPTS -jar "$JAR" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
PIDS+=($SERVER_PID)
export BENCH_SERVER_PID=$SERVER_PID
java -cp "$CP" Bench wait "http://127.0.0.1:$PORT" "${START_SECONDS:-300}" # a busy machine starts it in minutes

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "server java: $("$SERVER_JAVA" -version 2>&1 | head -1)"
  echo "postgresql: $(psql -h "$PG_HOST" -U postgres -tAc 'show server_version' 2>/dev/null || echo n/a)"
  echo "mails: $COUNT, push concurrency $CONCURRENCY; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"

M() { java -cp "$CP" MailBench "$@"; }
jfr_start() { [ "$PROFILE" = 1 ] && "$JDK_BIN/jcmd" "$SERVER_PID" JFR.start name=mail settings=profile >/dev/null || true; }
jfr_stop() {
  [ "$PROFILE" = 1 ] || return 0
  "$JDK_BIN/jcmd" "$SERVER_PID" JFR.dump name=mail filename="$OUT/$1.jfr" >/dev/null
  "$JDK_BIN/jcmd" "$SERVER_PID" JFR.stop name=mail >/dev/null
  "$JDK_BIN/jfr" print --events jdk.ExecutionSample --stack-depth 512 "$OUT/$1.jfr" >"$OUT/$1-samples.txt"
  python3 "$ROOT/bench/jfr-hot.py" "$OUT/$1-samples.txt" >"$OUT/$1-hot.txt"
}
for s in $SCENARIOS; do
  profiled=0; [[ " $PROFILE_SCENARIOS " == *" $s "* ]] && profiled=1
  if [ "$profiled" = 1 ]; then jfr_start; fi
  case $s in
    push) M push postgresql "http://127.0.0.1:$PORT" "$COUNT" "$CONCURRENCY" "$OUT/results.tsv" ;;
    floor) M floor postgresql "$URL" "$CONCURRENCY" "${FLOOR_SECONDS:-20}" "$OUT/results.tsv" ;;
    api) M api postgresql "http://127.0.0.1:$PORT" "$COUNT" "$CONCURRENCY" "$OUT/results.tsv" ;;
    imap) M imap postgresql "http://127.0.0.1:$PORT" "$URL" "$SMTP_PORT" "$IMAP_PORT" "$COUNT" "$OUT/results.tsv" ;;
    outbox) M outbox postgresql "http://127.0.0.1:$PORT" "$URL" "$SMTP_PORT" "$COUNT" "$OUT/results.tsv" ;;
  esac
  if [ "$profiled" = 1 ]; then jfr_stop "$s"; fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
java -cp "$CP" Bench report "$OUT/results.tsv" | tee "$OUT/summary.md"
echo "Raw results: $OUT"
