# Sourced by bench/mail.sh and bench/mail-kill.sh (with ROOT and JAR set): builds the app jar unless SKIP_BUILD=1,
# takes the JDBC driver and a GreenMail server (SMTP + IMAP, any login accepted) from the app's own libraries,
# compiles the load generator, and sets CP to run it.
mkdir -p "$ROOT/bench/target/classes" "$ROOT/bench/target/mail-lib"
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -q -B -DskipTests package
fi
(cd "$ROOT/bench/target/mail-lib" && rm -rf ./*.jar BOOT-INF \
  && jar tf "$JAR" | grep -E 'BOOT-INF/lib/(postgresql|greenmail|jakarta\.mail|angus|jakarta\.activation|slf4j-api)[-a-z]*-[0-9.]+(-[a-z0-9]+)?\.jar' \
     | xargs jar xf "$JAR" && mv BOOT-INF/lib/*.jar . && rm -rf BOOT-INF)
CP="$ROOT/bench/target/classes:$(ls "$ROOT"/bench/target/mail-lib/*.jar | tr '\n' ':')"
javac -d "$ROOT/bench/target/classes" -cp "$CP" "$ROOT/bench/src/Bench.java" "$ROOT/bench/src/MailBench.java" \
  "$ROOT/bench/src/MailServer.java"
