#!/usr/bin/env bash
# kill -9 while mails are being taken in from IMAP, then restart: every mail must end in exactly one ticket or
# message (issue 6, "No mail lost, none duplicated"). PostgreSQL; a GreenMail server from the app's libraries.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
COUNT=${COUNT:-500}
KILLS=${KILLS:-3}
PORT=${BENCH_PORT:-8085}
SMTP_PORT=${BENCH_SMTP_PORT:-3926}
IMAP_PORT=${BENCH_IMAP_PORT:-3944}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_DB=${PG_DB:-rapport_mailkill}
SERVER_JAVA=${SERVER_JAVA:-java}
JAR=${JAR:-"$ROOT/target/rapport-0.1.0-SNAPSHOT.jar"}
OUT="$ROOT/bench/results/mail-kill-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
. "$ROOT/bench/mail-lib.sh"

GREENMAIL=; SERVER=
cleanup() { for p in $SERVER $GREENMAIL; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
java -cp "$CP" MailServer "$SMTP_PORT" "$IMAP_PORT" >"$OUT/greenmail.log" 2>&1 &
GREENMAIL=$!

dropdb -h "$PG_HOST" -U postgres --if-exists "$PG_DB"
createdb -h "$PG_HOST" -U postgres "$PG_DB"
URL="jdbc:postgresql://$PG_HOST:5432/$PG_DB"
start() {
  env RAPPORT_DEMO=false RAPPORT_MAIL_SANDBOX=false RAPPORT_ADMIN_PASSWORD=admin-password-1 PORT="$PORT" \
    SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
    RAPPORT_DATA_DIR=/tmp/rapport-mailkill "$SERVER_JAVA" -Xmx1g -jar "$JAR" >>"$OUT/server.log" 2>&1 &
  SERVER=$!
  java -cp "$CP" Bench wait "http://127.0.0.1:$PORT" 180
}
count() { psql -h "$PG_HOST" -U postgres -d "$PG_DB" -tAc "$1"; }

start
ADDRESS="kill-$(date +%s)@bench.example"
java -cp "$CP" MailBench deliver "$SMTP_PORT" "$ADDRESS" "$COUNT" "k$(date +%s)"
MAILBOX=$(java -cp "$CP" MailBench mailbox "http://127.0.0.1:$PORT" "$ADDRESS" "$IMAP_PORT")
echo "mailbox $MAILBOX: $COUNT mails waiting on the IMAP server"
for k in $(seq 1 "$KILLS"); do
  target=$(( COUNT * k / (KILLS + 1) ))
  until [ "$(count "select count(*) from inbound_mails where mailbox_id = $MAILBOX")" -ge "$target" ]; do sleep 0.2; done
  kill -9 "$SERVER"; wait "$SERVER" 2>/dev/null || true
  echo "kill -9 number $k after $(count "select count(*) from inbound_mails where mailbox_id = $MAILBOX") mails taken in"
  start
done
for _ in $(seq 1 600); do
  [ "$(count "select count(*) from inbound_mails where mailbox_id = $MAILBOX and not (status = 'RECEIVED')")" -ge "$COUNT" ] && break
  sleep 1
done
java -cp "$CP" MailBench check "$URL" "$MAILBOX" "$COUNT" | tee "$OUT/check.txt"
