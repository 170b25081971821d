"""Folds `jfr print --events jdk.ExecutionSample` stacks of the usage-event ingest into its stages: the share of
samples under each (innermost stage wins), from an optional start time on (HH:MM:SS, to leave out the warm-up).

    python3 bench/jfr-ingest.py samples.txt [HH:MM:SS]"""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w$.<>/]+)\(")

# innermost first: the first stage found walking up from the top frame is the sample's stage
STAGES = [
    ("write key lookup", "WriteKeys.authenticate"),
    ("claim messageIds", "MessageIds.claim"),
    ("tracked-user lookup", "People.find"),
    ("groupId lookup", "People.accountsFor"),
    ("identify/group", "People.identify"),
    ("raw events: COPY text", "RawEvents.copyText"),
    ("raw events: COPY send", "RawEvents.copy"),
    ("rollups upsert", "Rollups.add"),
    ("rollups sums", "Rollups$Sums.add"),
    ("event kinds", "EventKinds.remember"),
    ("transaction: the rest (Ingest.store's own loop, begin, commit; other jobs')", "TransactionTemplate.execute"),
    ("check: timestamps", "SegmentRules.corrected"),
    ("check: payload JSON", "SegmentRules.payload"),
    ("check loop (and, before, the size check by re-serializing)", "Ingest.messages"),  # not under check/store
    ("check: other rules", "SegmentRules.check"),
    ("JSON parse of the body", "TrackingController.parse"),
    ("JSON parse of the body", "TrackingController.read"),
    ("answer (JSON out)", "TrackingController.answer"),
    ("controller other", "TrackingController.batch"),
    ("response writing", "HttpMessageConverter"),
    ("filters and Tomcat", "org.apache.catalina"),
    ("filters and Tomcat", "org.apache.tomcat"),
]


def samples(path, since):
    stack, at = None, None
    with open(path) as f:
        for line in f:
            if line.startswith("jdk.ExecutionSample"):
                stack, at = [], None
            elif stack is not None and line.startswith("  startTime = "):
                at = line.split("=")[1].strip()[:8]
            elif stack is not None:
                m = FRAME.match(line)
                if m:
                    stack.append(m.group(1))
                elif line.startswith("}"):
                    if since is None or (at or "") >= since:
                        yield stack
                    stack = None


def main():
    since = sys.argv[2] if len(sys.argv) > 2 else None
    stages = collections.Counter()
    total = 0
    for stack in samples(sys.argv[1], since):
        total += 1
        stage = "other (no ingest frame)"
        for frame in stack:
            hit = next((label for label, needle in STAGES if needle in frame), None)
            if hit:
                stage = hit
                break
        stages[stage] += 1
    print(f"{total} execution samples" + (f" from {since}" if since else ""))
    for label, n in stages.most_common():
        print(f"  {100.0 * n / max(total, 1):5.1f}%  {label}")


main()
