#!/usr/bin/env bash
# The dashboard page of two builds side by side, on the same machine at the same time: starts build A (JAR_A on
# database DB_A) and build B (JAR_B on DB_B), both loaded by bench/reports.sh (DB_A a copy with A's schema), then
# asks each for /analytics?days=90 (and the filtered page) in turns, RUNS times, and prints both medians and the
# ratio B/A. Turns share whatever else the machine does, so the ratio holds where the absolute times do not.
#   JAR_A=/tmp/base.jar DB_A=rapport_reports_base JAR_B=target/rapport-0.1.0-SNAPSHOT.jar DB_B=rapport_reports_bench bench/reports-ab.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
PG_HOST=${PG_HOST:-127.0.0.1}
SERVER_JAVA=${SERVER_JAVA:-$( [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && echo /usr/lib/jvm/temurin-25-jdk-amd64/bin/java || echo java )}
PASSWORD=admin-password-1
OUT="bench/results/reports-ab-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

start() { # $1 name, $2 jar, $3 database, $4 port
  RAPPORT_DEMO=false RAPPORT_ADMIN_PASSWORD=$PASSWORD PORT=$4 RAPPORT_DATA_DIR="$OUT/data-$1" \
    SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:5432/$3" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATASOURCE_PASSWORD=postgres "$SERVER_JAVA" -Xms512m -Xmx1g -jar "$2" >"$OUT/server-$1.log" 2>&1 &
  PIDS+=($!)
}
ready() { # $1 port
  for _ in $(seq 1200); do curl -fs "http://127.0.0.1:$1/login" >/dev/null 2>&1 && return 0; sleep 0.5; done
  return 1
}
login() { # $1 port, $2 cookie jar
  local csrf
  csrf=$(curl -fs -c "$2" "http://127.0.0.1:$1/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -b "$2" -c "$2" -o /dev/null --data-urlencode "email=admin@localhost" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$1/login" || true
}
median() { sort -n | awk '{ a[NR] = $1 * 1000 } END { printf "%.0f", a[int((NR + 1) / 2)] }'; }

start a "$JAR_A" "$DB_A" 8095
start b "$JAR_B" "$DB_B" 8096
ready 8095 && ready 8096 || { echo "a server did not start: see $OUT" >&2; exit 1; }
login 8095 "$OUT/a.cookies"
login 8096 "$OUT/b.cookies"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; java: $("$SERVER_JAVA" -version 2>&1 | head -1)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $RUNS turns each"
  echo "| page | A median ms | B median ms | B/A |"
  echo "|---|---:|---:|---:|"
  for path in "/analytics?days=90" "/analytics?days=90&channel=CHAT&group=tier1&account=17"; do
    for side in a b; do curl -fs -o /dev/null -b "$OUT/$side.cookies" "http://127.0.0.1:$([ $side = a ] && echo 8095 || echo 8096)$path"; done
    : >"$OUT/a.times"; : >"$OUT/b.times"
    for _ in $(seq "$RUNS"); do
      curl -fs -o /dev/null -w '%{time_total}\n' -b "$OUT/a.cookies" "http://127.0.0.1:8095$path" >>"$OUT/a.times"
      curl -fs -o /dev/null -w '%{time_total}\n' -b "$OUT/b.cookies" "http://127.0.0.1:8096$path" >>"$OUT/b.times"
    done
    a=$(median <"$OUT/a.times"); b=$(median <"$OUT/b.times")
    echo "| \`$path\` | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }') |"
  done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/summary.txt"
