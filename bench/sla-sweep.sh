#!/usr/bin/env bash
# Times the SLA sweep over 100,000 running targets (open tickets) on H2 and on PostgreSQL (the test database of
# README's "Test it": 127.0.0.1:5432, rapport_test; RAPPORT_TEST_PG_* override). See docs/sla.md and
# docs/benchmarks.md ("SLA sweep"). The numbers are printed and kept in target/sla-sweep-bench.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f target/sla-sweep-bench.txt
./mvnw -o -q test -Dtest=SlaSweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
cat target/sla-sweep-bench.txt
