"""Share of JFR execution samples whose running method is interpreted, JIT-compiled or inlined, from
`jfr print --json --events jdk.ExecutionSample --stack-depth 1 server.jfr`. A warm server runs compiled code; a
large interpreted share means the JIT has not caught up (see docs/benchmarks.md, 2026-12-01 18:00-19:30)."""
import collections
import json
import sys


def main():
    with open(sys.argv[1]) as f:
        events = json.load(f)["recording"]["events"]
    kinds = collections.Counter()
    interpreted = collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"]
        kinds[frames[0]["type"] if frames else "no Java frame"] += 1
        if frames and frames[0]["type"] == "Interpreted":
            method = frames[0]["method"]
            interpreted[method["type"]["name"] + "." + method["name"]] += 1
    total = max(1, sum(kinds.values()))
    print(f"top frame of {sum(kinds.values())} samples:")
    for kind, n in kinds.most_common():
        print(f"  {100 * n / total:5.1f}%  {kind}")
    if interpreted:
        print("methods most often running interpreted (a method the JIT never compiles stays here):")
        for method, n in interpreted.most_common(15):
            print(f"  {n:5d}  {method}")


if __name__ == "__main__":
    main()
