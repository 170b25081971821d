#!/usr/bin/env bash
# The business metrics (issue 10) and the health rescoring (issue 9) at scale, on PostgreSQL. Starts the app once on a
# fresh database so Flyway creates the schema (no demo data), stops it, writes the data set-based straight into the
# app's tables (bench/metrics-seed.sql: 100,000 accounts, 1,000,000 people, 24 months of subscription movements,
# 10,000,000 usage rollup rows over the last 12 months and the same usage as raw events; SCALE multiplies the
# counts), starts the app again, rebuilds the revenue read model (Admin -> Business metrics -> Rebuild), then times
# over HTTP, median of RUNS after one warm-up:
#   GET /api/v1/metrics/{churn|mrr|nrr|clv|ltv-cac|adoption|ttv} for 12 months          (target < 1 s each)
#   GET /api/v1/metrics/retention?level=users&period=week&from=<26 weeks ago>&periods=26  (target < 2 s)
#   the same retention table by one SQL query on the raw events in psql (bench/metrics-retention.sql, the baseline)
#   POST /api/v1/health/recompute: every account's health score of today         (target < 30 s for 100,000)
# An endpoint that answers 404 (not built on this branch) is skipped with a line saying so.
# REUSE=1 measures again on the database of an earlier run (REBUILD=0 also skips the rebuild); SERVER_JAVA picks the
# JDK (default: java, Java 17 here).
# Results go to bench/results/metrics-<stamp>/metrics.txt; quote them in docs/benchmarks.md only for runs done.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SCALE=${SCALE:-1}
SEED=${SEED:-10}
RUNS=${RUNS:-5}
RECOMPUTE_RUNS=${RECOMPUTE_RUNS:-3}
PORT=${BENCH_PORT:-8087}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_DB=${PG_DB:-rapport_bench_metrics}
PASSWORD=admin-password-1
SERVER_JAVA=${SERVER_JAVA:-java}
SERVER_OPTS=${SERVER_OPTS:-"-Xms1g -Xmx2g"}
START_SECONDS=${START_SECONDS:-600}
JAR=${JAR:-"$ROOT/target/rapport-0.1.0-SNAPSHOT.jar"}
OUT="$ROOT/bench/results/metrics-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
ACCOUNTS=$(awk -v s="$SCALE" 'BEGIN { printf "%d", 100000 * s }')
USERS=$(awk -v s="$SCALE" 'BEGIN { printf "%d", 1000000 * s }')
ROWS=$(awk -v s="$SCALE" 'BEGIN { printf "%d", 10000000 * s }')
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -q -B -o -DskipTests package
fi

export PGPASSWORD=${PG_PASSWORD:-postgres}
PSQL=(psql -h "$PG_HOST" -U postgres -v ON_ERROR_STOP=1)
BASE="http://127.0.0.1:$PORT"
SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 120); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
trap stop_server EXIT
start_server() { # $1 log name
  RAPPORT_DEMO=false RAPPORT_ADMIN_PASSWORD=$PASSWORD RAPPORT_MAIL_SANDBOX=false PORT=$PORT SERVER_PORT=$PORT \
    RAPPORT_DATA_DIR="$OUT/data" SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:5432/$PG_DB" \
    SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD="$PGPASSWORD" \
    "$SERVER_JAVA" $SERVER_OPTS -jar "$JAR" >"$OUT/$1.log" 2>&1 &
  SERVER_PID=$!
  local ready=0
  for _ in $(seq $((START_SECONDS * 2))); do
    curl -fs "$BASE/login" >/dev/null 2>&1 && { ready=1; break; }
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  [ "$ready" = 1 ] || { echo "Rapport did not start: see $OUT/$1.log" >&2; exit 1; }
}
seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1048576 }' /proc/meminfo)"
  echo "jdk: $("$SERVER_JAVA" -version 2>&1 | head -1)"
  echo "postgresql: $("${PSQL[@]}" -d postgres -Atc 'show server_version'), autovacuum $("${PSQL[@]}" -d postgres -Atc 'show autovacuum')"
  echo "scale $SCALE: $ACCOUNTS accounts, $USERS people, $ROWS usage rows (seed $SEED)"
} | tee "$OUT/metrics.txt"
count() { "${PSQL[@]}" -d "$PG_DB" -Atc "$1"; }

# 1. the schema, by the app itself (REUSE=1: measure again on the database of an earlier run)
if [ "${REUSE:-0}" != 1 ]; then
"${PSQL[@]}" -d postgres -qc "drop database if exists $PG_DB" -c "create database $PG_DB"
start_server server-schema
stop_server

# 2. the data
echo "load average before seeding: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/metrics.txt"
start=$(date +%s.%N)
"${PSQL[@]}" -d "$PG_DB" -q -v accounts="$ACCOUNTS" -v users="$USERS" -v rows="$ROWS" -v seed="$SEED" \
  -f bench/metrics-seed.sql >"$OUT/seed.log" 2>&1 || { echo "seeding failed: $OUT/seed.log" >&2; exit 1; }
SEEDED=$(seconds_since "$start")
{
  echo "seeded in $SEEDED s (steps: $OUT/seed.log):" \
    "$(count 'select count(*) from accounts') accounts," \
    "$(count 'select count(*) from activity_users') tracked people," \
    "$(count 'select count(*) from subscription_movements') subscription movements" \
    "($(count "select string_agg(kind || ' ' || n, ', ' order by n desc) from (select kind, count(*) n from subscription_movements group by kind) k")),"
  echo "  $(count 'select count(*) from activity_daily') rollup rows," \
    "$(count 'select count(*) from activity_events') raw events" \
    "($(count "select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'activity_events'::regclass")," \
    "rollups $(count "select pg_size_pretty(pg_total_relation_size('activity_daily'))"))"
} | tee -a "$OUT/metrics.txt"
fi

# 3. the app on the data: an API token for the admin, a session for the admin page's rebuild
start_server server
TOKEN=$(curl -fs -u "admin@localhost:$PASSWORD" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "$BASE/api/v1/me/tokens" | sed -E 's/.*"token" *: *"([^"]+)".*/\1/')
COOKIES="$OUT/cookies"
csrf() { curl -fs -b "$COOKIES" -c "$COOKIES" "$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
CSRF=$(csrf "$BASE/login")
curl -fs -b "$COOKIES" -c "$COOKIES" -o /dev/null --data-urlencode "email=admin@localhost" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/login" || true
# REUSE=1 REBUILD=0: the read models as the earlier run left them (another JDK on the same data, without 8 minutes
# of rebuild)
if [ "${REBUILD:-1}" = 1 ]; then
CSRF=$(csrf "$BASE/admin/metrics")
start=$(date +%s.%N)
curl -fs -b "$COOKIES" -c "$COOKIES" -o /dev/null --data-urlencode "_csrf=$CSRF" "$BASE/admin/metrics/rebuild"
echo "read models rebuilt (POST /admin/metrics/rebuild: revenue, then usage) in $(seconds_since "$start") s:" \
  "$(count 'select count(*) from analytics_revenue_movements') movements," \
  "$(count 'select count(*) from analytics_mrr_segments') month-end MRR segments" | tee -a "$OUT/metrics.txt"
fi

# 4. the measurements. median in ms of RUNS, after one warm-up; $1 a label, $2 a command that prints seconds
median() { sort -n | awk '{ a[NR] = $1 * 1000 } END { printf "%.0f", a[int((NR + 1) / 2)] }'; }
TABLE="$OUT/table.md"
printf '| request | median of %s (ms) | target | |\n|---|---:|---:|---|\n' "$RUNS" >"$TABLE"
row() { # label, median, target ms
  local verdict=""
  [ -z "$3" ] || [[ ! "$2" =~ ^[0-9]+$ ]] || verdict=$([ "$2" -lt "$3" ] && echo "met" || echo "missed")
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "${3:+< $3}" "$verdict" >>"$TABLE"
}
api() { # path: prints seconds, fails on an error status
  curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -w '%{time_total}\n' "$BASE$1"
}
timed_api() { # label, path, target ms
  local status
  status=$(curl -s -o "$OUT/answer.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$2")
  # not built here: 404, or the metrics endpoint's 400 for an unknown kind (field "metric")
  if [ "$status" = 404 ] || { [ "$status" = 400 ] && grep -q '"field":"metric"' "$OUT/answer.json"; }; then
    echo "SKIPPED $1: GET $2 answers $status (not on this branch)" | tee -a "$OUT/metrics.txt"
    row "$1" "skipped: $status, not on this branch" ""
    return
  fi
  [ "$status" = 200 ] || { echo "GET $2 answered $status: $(head -c 400 "$OUT/answer.json")" >&2; exit 1; }
  cp "$OUT/answer.json" "$OUT/answer-$(echo "$1" | tr -c 'a-z0-9\n-' '_').json"
  local m
  m=$(for _ in $(seq "$RUNS"); do api "$2"; done | median)
  row "$1" "$m" "$3"
  echo "$1: median $m ms" | tee -a "$OUT/metrics.txt"
}
THIS_MONTH=$(date -u +%Y-%m)
FIRST_MONTH=$(date -u -d "$(date -u +%Y-%m-01) -11 months" +%Y-%m)
# With autovacuum off (as on the machine of docs/benchmarks.md), nothing clears the dead rows each rebuild leaves in
# the revenue read model: vacuum what autovacuum would have, so repeated runs measure the same tables.
if [ "$(count 'show autovacuum')" = off ]; then
  "${PSQL[@]}" -d "$PG_DB" -qc "vacuum (analyze) analytics_revenue_movements, analytics_mrr_segments"
  echo "autovacuum is off: vacuumed the revenue read model" | tee -a "$OUT/metrics.txt"
fi
echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/metrics.txt"
for metric in churn mrr nrr clv ltv-cac adoption ttv; do
  timed_api "GET /api/v1/metrics/$metric (12 months)" "/api/v1/metrics/$metric?from=$FIRST_MONTH&to=$THIS_MONTH" 1000
done
# cohorts: the Monday 25 weeks before this week's, so 26 weekly cohorts up to this one
MONDAY=$(date -u -d "$(date -u +%F) -$(( $(date -u +%u) - 1 )) days" +%F)
FROM=$(date -u -d "$MONDAY -25 weeks" +%F)
timed_api "GET /api/v1/metrics/retention (users, 26 weeks)" \
  "/api/v1/metrics/retention?level=users&period=week&from=$FROM&periods=26" 2000
raw() {
  local s
  s=$(date +%s.%N)
  "${PSQL[@]}" -d "$PG_DB" -Atq -v from="$FROM" -v periods=26 -f bench/metrics-retention.sql >"$OUT/raw-retention.txt"
  seconds_since "$s"; echo
}
if [ "${RAW:-1}" = 1 ]; then
raw >/dev/null
m=$(for _ in $(seq "$RUNS"); do raw; done | median)
row "retention from raw events, one SQL query in psql (baseline)" "$m" ""
echo "raw-events retention (psql): median $m ms, $(wc -l <"$OUT/raw-retention.txt") cells" | tee -a "$OUT/metrics.txt"
fi

# RAW=0 skips the baseline (on a loaded machine one run took longer than 25 minutes at SCALE=0.3)

# 5. rescoring: synchronous, every account's snapshot of today over the year of rollups (HEALTH=0 skips it: the
#    first recompute of a day raises every flag and starts playbooks, which takes long at full scale)
if [ "${HEALTH:-1}" = 1 ]; then
recompute() {
  local s
  # each recompute of the same day replaces 13 measure values per account: with autovacuum off nothing would clear
  # the dead rows, and every run would check more of them than the one before (2.3 million after 18 runs at 10%)
  [ "$(count 'show autovacuum')" = on ] || "${PSQL[@]}" -d "$PG_DB" -qc "vacuum health_measure_values, health_snapshots"
  s=$(date +%s.%N)
  curl -fsS -X POST -o "$OUT/recompute.json" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/health/recompute"
  seconds_since "$s"; echo
}
recompute >/dev/null
secs=$(for _ in $(seq "$RECOMPUTE_RUNS"); do recompute; done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
scored=$(sed -E 's/.*"accounts" *: *([0-9]+).*/\1/' "$OUT/recompute.json")
rate=$(awk -v n="$scored" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
printf '| POST /api/v1/health/recompute (%s accounts; median of %s) | %s s (%s accounts/s) | < 30 s per 100,000 | %s |\n' \
  "$scored" "$RECOMPUTE_RUNS" "$secs" "$rate" \
  "$(awk -v r="$rate" 'BEGIN { print (r >= 100000 / 30 ? "met" : "missed") }')" >>"$TABLE"
echo "health recompute: $(cat "$OUT/recompute.json"): median $secs s, $rate accounts/s" | tee -a "$OUT/metrics.txt"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/metrics.txt"
echo | tee -a "$OUT/metrics.txt"
tee -a "$OUT/metrics.txt" <"$TABLE"
