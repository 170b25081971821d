"""Summarizes `jfr print --events jdk.ExecutionSample` output: the hottest methods by own samples (top frame) and
by inclusive samples (anywhere on the stack), and the share of samples under chosen parts of the code."""
import collections
import sys

from jfr_samples import samples


PARTS = [
    ("Spring Modulith event registry (store, serialize, complete)", "org.springframework.modulith.events"),
    ("Jackson", "tools.jackson"),
    ("Hibernate", "org.hibernate"),
    ("PostgreSQL JDBC driver", "org.postgresql"),
    ("HikariCP", "com.zaxxer.hikari"),
    ("Spring Security filters", "org.springframework.security"),
    ("HTML sanitizer", "org.owasp.html"),
    ("Tomcat", "org.apache.catalina"),
    ("Rapport code", "io.rapport"),
    ("notifications listener", "io.rapport.notifications"),
    ("search keys", "TicketSearch"),
    ("JIT/GC (no Java frame)", None),
]


def main():
    own = collections.Counter()
    incl = collections.Counter()
    parts = collections.Counter()
    total = 0
    for stack in samples(sys.argv[1]):
        total += 1
        if not stack:
            parts["JIT/GC (no Java frame)"] += 1
            continue
        own[stack[0]] += 1
        for method in set(stack):
            incl[method] += 1
        for label, needle in PARTS:
            if needle and any(needle in frame for frame in stack):
                parts[label] += 1
    print(f"{total} execution samples")
    print("\nshare of samples with the part anywhere on the stack:")
    for label, _ in PARTS:
        print(f"  {100.0 * parts[label] / max(total, 1):5.1f}%  {label}")
    print("\nhottest methods, own samples:")
    for method, n in own.most_common(25):
        print(f"  {100.0 * n / total:5.1f}%  {method}")
    print("\nhottest io.rapport / modulith methods, inclusive:")
    shown = 0
    for method, n in incl.most_common():
        if method.startswith(("io.rapport", "org.springframework.modulith")):
            print(f"  {100.0 * n / total:5.1f}%  {method}")
            shown += 1
            if shown == 30:
                break


main()
