#!/usr/bin/env bash
# Search benchmark: the app's article and ticket search against PostgreSQL full-text search on the same corpus,
# and the app's reindex of it. See bench/README.md ("Search") and docs/benchmarks.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
ARTICLES=${ARTICLES:-100000}
TICKETS=${TICKETS:-100000}
MESSAGES=${MESSAGES:-1000000}
SEED=${SEED:-7}
ROUNDS=${ROUNDS:-3}
SECONDS_PER_SCENARIO=${SECONDS_PER_SCENARIO:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-40}
CONCURRENCY=${CONCURRENCY:-8}
PORT=${BENCH_PORT:-8190}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_DB=${PG_DB:-rapport_searchbench}
PG_PARAMS=${PG_PARAMS:-reWriteBatchedInserts=true}
# One or more JVMs for the server, measured one after the other on the same database and index.
SERVER_JAVAS=${SERVER_JAVAS:-java}
SERVER_OPTS=${SERVER_OPTS:-"-Xms1g -Xmx2g"}
REINDEX_TIMEOUT=${REINDEX_TIMEOUT:-3600}
REINDEX_TYPES=${REINDEX_TYPES:-"ArticleTranslation Ticket"} # rebuilt and measured in this order
KINDS=${KINDS:-articles,tickets}                             # what the other JVMs (and REUSE) measure

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
# REUSE=<an earlier run's directory>: measure search again on its database and index (no load, no reindex), e.g.
# with another build (JAR) or JVM; LABEL_SUFFIX tells the runs apart in its results.tsv.
REUSE=${REUSE:-}
OUT=${REUSE:-"$ROOT/bench/results/search-$STAMP"}
LABEL_SUFFIX=${LABEL_SUFFIX:-}
DATA="$OUT/data" # RAPPORT_DATA_DIR: the Lucene index lives here
mkdir -p "$OUT" "$ROOT/bench/target/classes" "$ROOT/bench/target/lib"
JAR=${JAR:-"$ROOT/target/rapport-0.1.0-SNAPSHOT.jar"}

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -o -q -B -DskipTests package
fi
# The PostgreSQL driver the app ships with; the app's classes (the demo's texts, SearchText) from its jar.
(cd "$ROOT/bench/target/lib" && rm -rf ./*.jar app-classes \
  && jar tf "$JAR" | grep -E 'BOOT-INF/lib/postgresql-[0-9.]+\.jar' | xargs jar xf "$JAR" \
  && mv BOOT-INF/lib/*.jar . && rm -rf BOOT-INF \
  && mkdir app-classes && cd app-classes && jar xf "$JAR" BOOT-INF/classes && mv BOOT-INF/classes/* . && rm -rf BOOT-INF)
javac -d "$ROOT/bench/target/classes" -cp "$(ls "$ROOT"/bench/target/lib/*.jar | tr '\n' ':')" \
  "$ROOT/bench/src/Bench.java" "$ROOT/bench/src/SearchBench.java"
CP="$ROOT/bench/target/classes:$ROOT/bench/target/lib/app-classes:$(ls "$ROOT"/bench/target/lib/*.jar | tr '\n' ':')"
sb() { java -Dbench.root="$ROOT" -cp "$CP" SearchBench "$@"; }

URL="jdbc:postgresql://$PG_HOST:5432/$PG_DB${PG_PARAMS:+?$PG_PARAMS}"
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

start_server() { # $1: label, $2: java
  local label=$1 java=$2
  # Tomcat's access log gives each request's server-side time in microseconds (%{us}T: from reading the request
  # to the response written), so the app's time can be compared without the HTTP client's share.
  env RAPPORT_DEMO=false RAPPORT_ADMIN_PASSWORD=admin-password-1 PORT="$PORT" RAPPORT_DATA_DIR="$DATA" \
    SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
    SERVER_TOMCAT_BASEDIR="$OUT/tomcat-$label" SERVER_TOMCAT_ACCESSLOG_ENABLED=true \
    SERVER_TOMCAT_ACCESSLOG_DIRECTORY="$OUT/access-$label" SERVER_TOMCAT_ACCESSLOG_PATTERN='%m %U %s %{us}T' \
    "$java" $SERVER_OPTS -jar "$JAR" >"$OUT/server-$label.log" 2>&1 &
  SERVER_PID=$!
  export BENCH_SERVER_PID=$SERVER_PID # Bench.measured reads the server's CPU time from /proc
  java -cp "$CP" Bench wait "http://127.0.0.1:$PORT" "${START_SECONDS:-900}"
}

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cores: $(nproc); memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}'); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "server javas: $(for j in $SERVER_JAVAS; do "$j" -version 2>&1 | head -1; done | paste -sd';'); load generator java: $(java -version 2>&1 | head -1)"
  echo "postgresql: $(psql -h "$PG_HOST" -U postgres -tAc 'show server_version' 2>/dev/null || echo n/a)"
  echo "corpus: $ARTICLES articles, $TICKETS tickets, $MESSAGES messages, seed $SEED"
  echo "rounds: $ROUNDS x ${SECONDS_PER_SCENARIO}s per scenario, warm-up ${WARMUP_SECONDS}s, concurrency $CONCURRENCY; server opts: $SERVER_OPTS"
  echo "jar: $JAR ($(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC'))"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$OUT/machine.txt"

measure() { # $1: label, $2: kinds
  sb run "http://127.0.0.1:$PORT" "$URL" "$OUT" "$1" "$ROUNDS" "$SECONDS_PER_SCENARIO" "$CONCURRENCY" \
    "$WARMUP_SECONDS" "$2" | tee -a "$OUT/run.txt"
}
label_of() { echo "jdk$("$1" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/')"$LABEL_SUFFIX; }
FIRST_JAVA=${SERVER_JAVAS%% *}
i=0
if [ -z "$REUSE" ]; then
# 1. A fresh database, migrated by the app itself (Flyway at start); the server keeps running, its indexes empty.
dropdb -h "$PG_HOST" -U postgres --if-exists "$PG_DB"
createdb -h "$PG_HOST" -U postgres "$PG_DB"
LABEL=$(label_of "$FIRST_JAVA")
start_server "$LABEL" "$FIRST_JAVA"

# 2. The corpus, with COPY into the app's tables (beside the running app, as an import would); the query lists;
#    PostgreSQL's full-text tables over the same text.
sb load "$URL" "$ARTICLES" "$TICKETS" "$MESSAGES" "$SEED" "$OUT" | tee "$OUT/load.txt"
sb fts "$URL" | tee -a "$OUT/load.txt"
echo "load average after loading: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"

# 3. Per type, articles then tickets: the app's online reindex, asked for as an admin does (Admin -> Search, the
#    type's rebuild button: SearchIndexes rebuilds it batch by batch; search_reindex_runs records when it started
#    and finished), then the searches of that type on a quiet server (4).
echo -e "entity\tstatus\treason\ttotal\tdone\tseconds\trows/s\terror\tserver cpu s\tcpu s/1000 rows" > "$OUT/reindex.tsv"
for type in $REINDEX_TYPES; do
  sb rebuild "http://127.0.0.1:$PORT" "$type"
  if ! sb reindex "$URL" "$REINDEX_TIMEOUT" "$type" | tee -a "$OUT/reindex.tsv"; then
    echo "the reindex of $type did not finish within $REINDEX_TIMEOUT s: its search is not measured" | tee -a "$OUT/reindex.tsv"
    continue
  fi
  echo "load average after the reindex of $type: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
  case $type in
    ArticleTranslation) measure "$LABEL" articles ;;
    Ticket) measure "$LABEL" tickets ;;
  esac
done
stop_server
sb access "$OUT/access-$LABEL" "$OUT/results.tsv"
i=1
fi

# 4. Search on the other JVMs (or, with REUSE, on every one), the same database and index.
n=0
for java in $SERVER_JAVAS; do
  n=$((n + 1))
  label=$(label_of "$java")
  if [ $n -gt $i ]; then
    start_server "$label" "$java"
    measure "$label" "$KINDS"
    stop_server
    sb access "$OUT/access-$label" "$OUT/results.tsv"
  fi
done

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
{
  echo "## Reindex"; echo; echo '```'; cat "$OUT/reindex.tsv"; echo '```'
  echo; echo "## Queries that found something"; echo; echo '```'; echo -e "label\tkind\tlocale\tqueries\tapp\tpostgresql"; cat "$OUT/found.tsv"; echo '```'
  echo; echo "## Latency (medians of $ROUNDS rounds, concurrency $CONCURRENCY)"
  sb report "$OUT/results.tsv"
} | tee "$OUT/summary.md"
echo "Raw results: $OUT"
