#!/usr/bin/env bash
# Times the reports and the support lead's dashboard on PostgreSQL with a large read model: starts Rapport on an
# empty database (Flyway makes the tables), loads generated rows into the analytics tables (bench/reports-load.sql:
# 1,000,000 tickets and about 200,000 survey answers by default), then asks each report for the last 90 days, by
# each grouping, and the dashboard page, RUNS times each, and prints the median and the slowest in ms. Writes the
# query plans of the dashboard's queries to bench/results/<stamp>/plans.txt.
#   TICKETS=1000000 CSAT=160000 NPS=50000 RUNS=7 SKIP_BUILD=1 bench/reports.sh
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
TICKETS=${TICKETS:-1000000}
CSAT=${CSAT:-160000}
NPS=${NPS:-50000}
RUNS=${RUNS:-7}
DAYS=${DAYS:-90}
PORT=${BENCH_PORT:-8084}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_DB=${PG_DB:-rapport_reports_bench}
SERVER_JAVA=${SERVER_JAVA:-$( [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && echo /usr/lib/jvm/temurin-25-jdk-amd64/bin/java || echo java )}
SERVER_OPTS=${SERVER_OPTS:-"-Xms512m -Xmx1g"}
PASSWORD=admin-password-1
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/reports-$STAMP"
mkdir -p "$OUT"
JAR=${JAR:-"$ROOT/target/rapport-0.1.0-SNAPSHOT.jar"}
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -q -B -o -DskipTests package
fi
PSQL=(psql -h "$PG_HOST" -U postgres -d "$PG_DB" -v ON_ERROR_STOP=1 -q)

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
}
trap stop_server EXIT

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
  echo "java: $("$SERVER_JAVA" -version 2>&1 | head -1)"
  echo "postgresql: $(psql -h "$PG_HOST" -U postgres -tAc 'show server_version')"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rows asked: tickets=$TICKETS csat=$CSAT nps=$NPS, period $DAYS days, $RUNS runs each"
} | tee "$OUT/summary.txt"

if [ "${SKIP_LOAD:-0}" != 1 ]; then
  dropdb -h "$PG_HOST" -U postgres --if-exists "$PG_DB"
  createdb -h "$PG_HOST" -U postgres "$PG_DB"
fi
RAPPORT_DEMO=false RAPPORT_ADMIN_PASSWORD=$PASSWORD PORT=$PORT RAPPORT_DATA_DIR="$OUT/data" \
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:5432/$PG_DB" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD=postgres "$SERVER_JAVA" $SERVER_OPTS -jar "$JAR" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
ready=0
for _ in $(seq 1200); do # a busy machine takes minutes to start it
  curl -fs "http://127.0.0.1:$PORT/login" >/dev/null 2>&1 && { ready=1; break; }
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.5
done
[ "$ready" = 1 ] || { echo "Rapport did not start: see $OUT/server.log" >&2; exit 1; }

if [ "${SKIP_LOAD:-0}" != 1 ]; then
  start=$(date +%s)
  "${PSQL[@]}" -v tickets="$TICKETS" -v csat="$CSAT" -v nps="$NPS" -f bench/reports-load.sql | tee -a "$OUT/summary.txt"
  echo "loaded in $(( $(date +%s) - start )) s" | tee -a "$OUT/summary.txt"
fi

TOKEN=$(curl -fs -u "admin@localhost:$PASSWORD" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "http://127.0.0.1:$PORT/api/v1/me/tokens" | sed -E 's/.*"token" *: *"([^"]+)".*/\1/')
# A browser session for the page: the sign-in form with its CSRF token.
JAR_FILE="$OUT/cookies"
CSRF=$(curl -fs -c "$JAR_FILE" "http://127.0.0.1:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -b "$JAR_FILE" -c "$JAR_FILE" -o /dev/null --data-urlencode "email=admin@localhost" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "http://127.0.0.1:$PORT/login" || true

TO=$(date -u +%Y-%m-%d)
FROM=$(date -u -d "$TO - $((DAYS - 1)) days" +%Y-%m-%d)
# Prints "median max" in ms of RUNS timed requests after one warm-up; $1 the URL, $2.. extra curl arguments.
timed() {
  local url=$1; shift
  curl -fs -o /dev/null "$@" "$url"
  for _ in $(seq "$RUNS"); do curl -fs -o /dev/null -w '%{time_total}\n' "$@" "$url"; done \
    | sort -n | awk '{ a[NR] = $1 * 1000 } END { printf "%.0f %.0f\n", a[int((NR + 1) / 2)], a[NR] }'
}

{
  echo
  echo "| request (last $DAYS days) | median ms | slowest ms |"
  echo "|---|---:|---:|"
  for kind in asa csat nps sla volume; do
    for by in "" channel group agent account priority day week month; do
      [ "$kind" = nps ] && [ -n "$by" ] && [ "$by" != account ] && [ "$by" != day ] && [ "$by" != week ] && [ "$by" != month ] && continue
      url="http://127.0.0.1:$PORT/api/v1/reports/$kind?from=$FROM&to=$TO${by:+&groupBy=$by}"
      read -r median max < <(timed "$url" -H "Authorization: Bearer $TOKEN")
      echo "| \`$kind${by:+ by $by}\` | $median | $max |"
    done
  done
  read -r median max < <(timed "http://127.0.0.1:$PORT/api/v1/reports/asa?from=$FROM&to=$TO&channel=EMAIL&group=tier1" -H "Authorization: Bearer $TOKEN")
  echo "| \`asa\` channel=EMAIL group=tier1 | $median | $max |"
  read -r median max < <(timed "http://127.0.0.1:$PORT/analytics?days=$DAYS" -b "$JAR_FILE")
  echo "| **dashboard page** \`/analytics?days=$DAYS\` | $median | $max |"
  read -r median max < <(timed "http://127.0.0.1:$PORT/analytics?days=$DAYS&channel=CHAT&group=tier1&account=17" -b "$JAR_FILE")
  echo "| dashboard page, channel + group + account | $median | $max |"
  echo
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$OUT/summary.txt"

# The plans of the heaviest dashboard queries, as PostgreSQL runs them on this data.
NOW=$(date -u +%s)
{
  for sql in \
    "select count(*), avg(cast(t.asa_seconds as double precision)), percentile_cont(0.5) within group (order by t.asa_seconds), percentile_cont(0.9) within group (order by t.asa_seconds) from analytics_tickets t where t.created_day between '$FROM' and '$TO' and t.asa_seconds is not null" \
    "select t.created_day, count(*), percentile_cont(0.5) within group (order by t.asa_seconds) from analytics_tickets t where t.created_day between '$FROM' and '$TO' and t.asa_seconds is not null group by t.created_day" \
    "select count(*), min(t.created_epoch) from analytics_tickets t where t.first_answer_at is null and t.status in ('NEW','OPEN','PENDING','ON_HOLD') and t.created_day <= '$TO'" \
    "select t.group_key, count(*) from analytics_tickets t where t.status in ('NEW','OPEN','PENDING','ON_HOLD') group by t.group_key" \
    "select count(*) from analytics_tickets t where t.solved_day between '$FROM' and '$TO'" \
    "select count(*), sum(case when c.rating >= 4 then 1 else 0 end) from analytics_csat c where c.answered_day between '$FROM' and '$TO'" \
    "select count(*) from analytics_sla s where s.ended_day between '$FROM' and '$TO'" \
    "select count(*) from analytics_tickets t where t.created_day between '$FROM' and '$TO' and t.account_id = 17"; do
    echo "== $sql"
    "${PSQL[@]}" -c "explain (analyze, buffers off, timing on) $sql"
  done
} > "$OUT/plans.txt" 2>&1
echo "plans: $OUT/plans.txt (now=$NOW)"
