"""Counts the SQL statements in a server log (Hibernate's org.hibernate.SQL and JdbcTemplate debug lines) and
prints them per request, grouped by statement."""
import collections
import re
import sys

HIBERNATE = re.compile(r"org\.hibernate\.SQL\s*:\s*(.*)$")
JDBC = re.compile(r"Executing (?:prepared )?SQL (?:update|query|statement|batch update)? ?\[(.*)$")

counts = collections.Counter()
with open(sys.argv[1]) as f:
    text = f.read()
lines = []
for line in text.splitlines():
    if lines and not re.match(r"^\d{4}-\d\d-\d\d", line):
        lines[-1] += " " + line  # a statement over several lines
    else:
        lines.append(line)
for line in lines:
    m = HIBERNATE.search(line) or JDBC.search(line)
    if m:
        statement = re.sub(r"\s+", " ", m.group(1)).strip().rstrip("]")
        counts[statement[:140]] += 1
requests = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] else 1
print(f"{sum(counts.values())} statements for {requests} requests: {sum(counts.values()) / requests:.2f} per request")
for statement, n in counts.most_common():
    print(f"  {n / requests:6.2f}  {statement}")
