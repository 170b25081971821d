"""Where the samples under one method go: `jfr print --events jdk.ExecutionSample rec.jfr > s.txt`, then
`python3 bench/jfr-under.py s.txt ArticleSearch.search [depth]`. Keeps the samples with a frame containing the
root, prints their count, the hottest top frames among them, and a tree of callees below the root's outermost
frame (inclusive shares, down to `depth` levels, children under 1% left out)."""
import collections
import sys

from jfr_samples import samples


def main():
    path, root = sys.argv[1], sys.argv[2]
    depth = int(sys.argv[3]) if len(sys.argv) > 3 else 6
    total = 0
    kept = []
    for stack in samples(path):
        total += 1
        # outermost frame naming the root (stacks are printed innermost first)
        idx = [i for i, f in enumerate(stack) if root in f]
        if idx:
            kept.append(list(reversed(stack[: idx[-1] + 1])))
    n = len(kept)
    print(f"{total} samples in all, {n} under {root}")
    own = collections.Counter(s[-1] for s in kept)
    print("\nhottest top frames under it:")
    for m, c in own.most_common(30):
        print(f"  {100.0 * c / max(n, 1):5.1f}%  {m}")
    tree = {}
    for s in kept:
        node = tree
        for f in s[1 : depth + 1]:
            entry = node.setdefault(f, [0, {}])
            entry[0] += 1
            node = entry[1]

    def show(node, level):
        for f, (c, children) in sorted(node.items(), key=lambda kv: -kv[1][0]):
            if c * 100.0 / max(n, 1) < 1.0:
                continue
            print(f"  {'  ' * level}{100.0 * c / max(n, 1):5.1f}%  {f}")
            show(children, level + 1)

    print(f"\ncallees of {root} (inclusive):")
    show(tree, 0)


main()
