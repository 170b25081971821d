"""Reads `jfr print --events jdk.ExecutionSample` output: each sample's stack as a list of method names, top frame
first. Shared by jfr-hot.py and jfr-under.py."""
import re

FRAME = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")


def samples(path):
    stack = None
    with open(path) as f:
        for line in f:
            if line.startswith("jdk.ExecutionSample"):
                stack = []
            elif stack is not None:
                m = FRAME.match(line)
                if m:
                    stack.append(m.group(1))
                elif line.startswith("}"):
                    yield stack
                    stack = None
