"""Per-thread CPU of a process, grouped by thread name (digits folded), from /proc/<pid>/task/*/stat.

    python3 bench/thread-cpu.py snap <pid> <file>          # save a snapshot
    python3 bench/thread-cpu.py diff <before> <after> [n]  # CPU seconds per thread group between two snapshots,
                                                           # and per request when n (requests answered) is given
Shows where a server's CPU goes under load: request threads, JIT compilers, GC, listeners."""
import json
import os
import re
import sys


def snapshot(pid):
    ticks = os.sysconf("SC_CLK_TCK")
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        threads[tid] = [name, (int(fields[11]) + int(fields[12])) / ticks]
    return threads


def group(name):
    return re.sub(r"\d+", "#", name)


def diff(before, after, requests):
    groups = {}
    for tid, (name, cpu) in after.items():
        spent = cpu - before.get(tid, [name, 0.0])[1]
        g = groups.setdefault(group(name), [0.0, 0])
        g[0] += spent
        g[1] += 1
    total = sum(g[0] for g in groups.values())
    print(f"{'thread group':<28}{'threads':>8}{'CPU s':>9}{'share':>8}" + (f"{'ms/req':>9}" if requests else ""))
    for name, (cpu, n) in sorted(groups.items(), key=lambda e: -e[1][0]):
        if cpu <= 0:
            continue
        line = f"{name:<28}{n:>8}{cpu:>9.2f}{100 * cpu / max(total, 1e-9):>7.1f}%"
        if requests:
            line += f"{1000 * cpu / requests:>9.3f}"
        print(line)
    print(f"{'total':<28}{len(after):>8}{total:>9.2f}" + (f"{'':>8}{1000 * total / requests:>9.3f}" if requests else ""))


def main():
    if sys.argv[1] == "snap":
        with open(sys.argv[3], "w") as f:
            json.dump(snapshot(sys.argv[2]), f)
    else:
        with open(sys.argv[2]) as f:
            before = json.load(f)
        with open(sys.argv[3]) as f:
            after = json.load(f)
        diff(before, after, int(sys.argv[4]) if len(sys.argv) > 4 else 0)


if __name__ == "__main__":
    main()
