#!/usr/bin/env bash
# Load test of Rapport's API on H2 and on PostgreSQL, with a raw-JDBC baseline. See bench/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROUNDS=${ROUNDS:-3}
SECONDS_PER_SCENARIO=${SECONDS_PER_SCENARIO:-15}
CONCURRENCY=${CONCURRENCY:-16}
PORT=${BENCH_PORT:-8083}
DATABASES=${DATABASES:-"h2 postgresql"}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_DB=${PG_DB:-rapport_bench}
PG_PARAMS=${PG_PARAMS:-reWriteBatchedInserts=true}
# The server runs on a JDK with virtual threads (21+) when there is one; the code itself targets Java 17.
SERVER_JAVA=${SERVER_JAVA:-$( [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && echo /usr/lib/jvm/temurin-25-jdk-amd64/bin/java || echo java )}
SERVER_OPTS=${SERVER_OPTS:-"-Xms512m -Xmx1g"}
SERVER_CPUS=${SERVER_CPUS:-}   # e.g. "0,1": taskset list for the server; empty: no pinning
BENCH_CPUS=${BENCH_CPUS:-}     # the same for the load generator

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/bench/results/$STAMP"
mkdir -p "$OUT" "$ROOT/bench/target/classes" "$ROOT/bench/target/lib"
JAR=${JAR:-"$ROOT/target/rapport-0.1.0-SNAPSHOT.jar"} # another build (e.g. the one before a change) for an A/B run

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -q -B -DskipTests package
fi
# The JDBC drivers the app ships with, for the raw-JDBC baseline.
(cd "$ROOT/bench/target/lib" && rm -f ./*.jar \
  && jar tf "$JAR" | grep -E 'BOOT-INF/lib/(postgresql|h2)-[0-9.]+\.jar' | xargs jar xf "$JAR" \
  && mv BOOT-INF/lib/*.jar . && rm -rf BOOT-INF)
javac -d "$ROOT/bench/target/classes" "$ROOT/bench/src/Bench.java"
CP="$ROOT/bench/target/classes:$(ls "$ROOT"/bench/target/lib/*.jar | tr '\n' ':')"

pin() { if [ -n "$1" ] && command -v taskset >/dev/null; then echo "taskset -c $1"; fi; }
bench() { $(pin "$BENCH_CPUS") java -Dbench.root="$ROOT" -cp "$CP" Bench "$@"; }

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
trap stop_server EXIT

start_server() { # $1: label; remaining: env assignments
  local label=$1; shift
  env "$@" RAPPORT_DEMO=false RAPPORT_ADMIN_PASSWORD=admin-password-1 PORT="$PORT" \
    $(pin "$SERVER_CPUS") "$SERVER_JAVA" $SERVER_OPTS -jar "$JAR" >"$OUT/server-$label.log" 2>&1 &
  SERVER_PID=$!
  export BENCH_SERVER_PID=$SERVER_PID # the generator reads the server's CPU time from /proc
  bench wait "http://127.0.0.1:$PORT" 120
}

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cores: $(nproc); memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}'); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "server java: $("$SERVER_JAVA" -version 2>&1 | head -1); load generator java: $(java -version 2>&1 | head -1)"
  echo "postgresql: $(psql -h "$PG_HOST" -U postgres -tAc 'show server_version' 2>/dev/null || echo n/a)"
  echo "rounds: $ROUNDS x ${SECONDS_PER_SCENARIO}s per scenario, concurrency $CONCURRENCY; server opts: $SERVER_OPTS; pinning: server '${SERVER_CPUS}' generator '${BENCH_CPUS}'"
  echo "jar: $JAR ($(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC'))"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"

for db in $DATABASES; do
  case $db in
    h2)
      H2_DIR=/tmp/rapport-bench-h2
      rm -rf "$H2_DIR"
      start_server h2 RAPPORT_DATA_DIR="$H2_DIR"
      bench http h2 "http://127.0.0.1:$PORT" - "$ROUNDS" "$SECONDS_PER_SCENARIO" "$CONCURRENCY" "$OUT/results.tsv"
      stop_server
      # H2 is embedded: its file can have one process, so the baseline runs on the same file once the server is gone.
      BENCH_DB_USER=sa bench jdbc h2 \
        "jdbc:h2:file:$H2_DIR/rapport;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
        "$ROUNDS" "$SECONDS_PER_SCENARIO" "$CONCURRENCY" "$OUT/results.tsv"
      ;;
    postgresql)
      dropdb -h "$PG_HOST" -U postgres --if-exists "$PG_DB"
      createdb -h "$PG_HOST" -U postgres "$PG_DB"
      URL="jdbc:postgresql://$PG_HOST:5432/$PG_DB${PG_PARAMS:+?$PG_PARAMS}"
      start_server postgresql RAPPORT_DATA_DIR="$OUT/data-postgresql" SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=
      bench http postgresql "http://127.0.0.1:$PORT" "$URL" "$ROUNDS" "$SECONDS_PER_SCENARIO" "$CONCURRENCY" "$OUT/results.tsv"
      stop_server
      ;;
    *) echo "unknown database $db" >&2; exit 2 ;;
  esac
done

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
bench report "$OUT/results.tsv" | tee "$OUT/summary.md"
echo "Raw results: $OUT"
