#!/usr/bin/env bash
# The customer 360 page of an account with a year of events (issue 9: < 300 ms), on PostgreSQL. Seeds one account
# through Segment's POST /v1/batch (PEOPLE people, a year of sign-ins, feature use and sessions: bench/account360-seed.py)
# and TICKETS tickets through the API, then times GET /accounts/{id} signed in as the admin (RUNS requests after one
# warm-up). Results go to bench/results/<stamp>/account360.txt; quote them in docs/benchmarks.md only when measured
# on a quiet machine (load average under 3).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${RUNS:-30}
PEOPLE=${PEOPLE:-25}
TICKETS=${TICKETS:-120}
PORT=${BENCH_PORT:-8086}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_DB=${PG_DB:-rapport_bench_360}
PASSWORD=admin-password-1
SERVER_JAVA=${SERVER_JAVA:-java}
SERVER_OPTS=${SERVER_OPTS:-"-Xms512m -Xmx1g"}
JAR=${JAR:-"$ROOT/target/rapport-0.1.0-SNAPSHOT.jar"}
OUT="$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -q -B -o -DskipTests package
fi

export PGPASSWORD=${PG_PASSWORD:-postgres}
psql -h "$PG_HOST" -U postgres -d postgres -qc "drop database if exists $PG_DB" -c "create database $PG_DB"
PG_LOG=${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
if [ "${SQL_LOG:-0}" = 1 ]; then # every statement of this database into the server's log, to list one request's
  psql -h "$PG_HOST" -U postgres -d postgres -qc "alter database $PG_DB set log_min_duration_statement = 0"
fi
SERVER_PID=
stop_server() { [ -z "$SERVER_PID" ] || kill "$SERVER_PID" 2>/dev/null || true; }
trap stop_server EXIT
RAPPORT_DEMO=false RAPPORT_ADMIN_PASSWORD=$PASSWORD RAPPORT_MAIL_SANDBOX=false PORT=$PORT SERVER_PORT=$PORT \
  RAPPORT_DATA_DIR="$OUT/data" SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:5432/$PG_DB" \
  SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD="$PGPASSWORD" \
  "$SERVER_JAVA" $SERVER_OPTS -jar "$JAR" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
ready=0
for _ in $(seq 1200); do
  curl -fs "http://127.0.0.1:$PORT/login" >/dev/null 2>&1 && { ready=1; break; }
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.5
done
[ "$ready" = 1 ] || { echo "Rapport did not start: see $OUT/server.log" >&2; exit 1; }

BASE="http://127.0.0.1:$PORT"
TOKEN=$(curl -fs -u "admin@localhost:$PASSWORD" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "$BASE/api/v1/me/tokens" | sed -E 's/.*"token" *: *"([^"]+)".*/\1/')
start=$(date +%s)
read -r ACCOUNT EVENTS < <(python3 bench/account360-seed.py "$BASE" "$TOKEN" "$PEOPLE" "$TICKETS")
SEEDED=$(( $(date +%s) - start ))
COOKIES="$OUT/cookies"
CSRF=$(curl -fs -c "$COOKIES" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -b "$COOKIES" -c "$COOKIES" -o /dev/null --data-urlencode "email=admin@localhost" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/login" || true

# A live database is analyzed by autovacuum soon after a load; this machine's PostgreSQL runs without it, and the
# unanalyzed rollups got sorts instead of hash aggregates (docs/benchmarks.md). ANALYZE=0 measures without.
if [ "${ANALYZE:-1}" = 1 ]; then
  psql -h "$PG_HOST" -U postgres -d "$PG_DB" -qc "analyze"
fi

# median and 95th percentile in ms of RUNS requests, after WARMUP requests (default 1); $1 the URL
timed() {
  for _ in $(seq "${WARMUP:-1}"); do curl -fs -o /dev/null -b "$COOKIES" "$1"; done
  for _ in $(seq "$RUNS"); do curl -fs -o /dev/null -b "$COOKIES" -w '%{time_total}\n' "$1"; done \
    | sort -n | awk '{ a[NR] = $1 * 1000 } END { i = int(NR * 0.95 + 0.5); if (i < 1) i = 1;
        printf "%.0f %.0f\n", a[int((NR + 1) / 2)], a[i] }'
}
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "postgresql: $(psql -h "$PG_HOST" -U postgres -d postgres -Atc 'show server_version')"
  echo "account $ACCOUNT: $EVENTS events over a year by $PEOPLE people, $TICKETS tickets (seeded in $SEEDED s)"
  echo "rollup rows: $(psql -h "$PG_HOST" -U postgres -d "$PG_DB" -Atc "select count(*) from activity_daily where account_id = $ACCOUNT")"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); warm-up: ${WARMUP:-1} requests; analyzed: ${ANALYZE:-1}"
  read -r median p95 < <(timed "$BASE/accounts/$ACCOUNT")
  echo "GET /accounts/$ACCOUNT: median $median ms, p95 $p95 ms ($RUNS runs)"
  read -r median p95 < <(timed "$BASE/accounts/$ACCOUNT/timeline?kind=usage")
  echo "GET /accounts/$ACCOUNT/timeline?kind=usage: median $median ms, p95 $p95 ms"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/account360.txt"
if [ "${SQL_LOG:-0}" = 1 ]; then
  # the statements of one more page request, with their durations as PostgreSQL logged them
  sleep 1
  from=$(wc -c <"$PG_LOG")
  curl -fs -o /dev/null -b "$COOKIES" "$BASE/accounts/$ACCOUNT"
  sleep 1
  tail -c +"$((from + 1))" "$PG_LOG" | grep -a "@$PG_DB " >"$OUT/sql.log" || true
  psql -h "$PG_HOST" -U postgres -d postgres -qc "alter database $PG_DB reset log_min_duration_statement"
  python3 - "$OUT/sql.log" <<'PY' | tee -a "$OUT/account360.txt"
import re, sys
rows = []
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"duration: ([0-9.]+) ms\s+(?:execute [^:]*|statement|parse [^:]*|bind [^:]*): (.*)", line)
    if m and "parse " not in line and "bind " not in line:
        rows.append((float(m.group(1)), m.group(2).strip()))
print(f"one GET /accounts/{{id}}: {len(rows)} statements, {sum(r[0] for r in rows):.1f} ms in PostgreSQL; slowest:")
for ms, sql in sorted(rows, reverse=True)[:12]:
    print(f"  {ms:8.2f} ms  {sql[:160]}")
PY
fi
