#!/usr/bin/env python3
"""Seeds one account with a year of product usage through Segment's tracking API (POST /v1/batch), as a customer's
Segment library would send it, plus tickets through the REST API: the data of the customer 360 benchmark
(bench/account360.sh). Deterministic (seeded). Prints the account id.

usage: account360-seed.py BASE_URL ADMIN_TOKEN PEOPLE TICKETS
"""
import base64
import datetime as dt
import json
import random
import sys
import urllib.request

base, token, people, tickets = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(360)
FEATURES = ["Report Exported", "Dashboard Shared", "Invoice Sent", "Integration Connected", "Team Member Invited"]


def call(method, path, body, auth):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method,
                                 headers={"Content-Type": "application/json", "Authorization": auth})
    with urllib.request.urlopen(req, timeout=300) as answer:
        text = answer.read().decode()
        return json.loads(text) if text else None


bearer = "Bearer " + token
stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S")
domain = f"bench360-{stamp}.example"
account = call("POST", "/api/v1/accounts", {"name": f"Bench 360 {stamp}", "domain": domain,
                                            "externalId": f"bench360-{stamp}"}, bearer)
key = call("POST", "/api/v1/write-keys", {"name": f"bench360 {stamp}"}, bearer)["key"]
basic = "Basic " + base64.b64encode((key + ":").encode()).decode()

now = dt.datetime.now(dt.timezone.utc)
sent = now.isoformat().replace("+00:00", "Z")
batch, total = [], 0


def send(force=False):
    global batch, total
    if batch and (force or len(batch) >= 2000):
        answer = call("POST", "/v1/batch", {"batch": batch, "sentAt": sent}, basic)
        total += answer["accepted"]
        batch = []


for p in range(people):
    user = f"u{p}"
    batch.append({"type": "identify", "userId": user, "messageId": f"{stamp}-id-{p}",
                  "traits": {"email": f"person{p}@{domain}", "name": f"Person {p}"}})
    batch.append({"type": "group", "userId": user, "groupId": f"bench360-{stamp}", "messageId": f"{stamp}-g-{p}"})
send(True)
for day in range(365, -1, -1):
    date = now - dt.timedelta(days=day)
    weekend = date.weekday() >= 5
    for p in range(people):
        if rnd.random() > (0.15 if weekend else 0.7):
            continue
        start = date.replace(hour=7, minute=0, second=0, microsecond=0) + dt.timedelta(minutes=rnd.randint(0, 600))
        if start > now:
            start = now - dt.timedelta(minutes=5)
        at = lambda m: (start + dt.timedelta(minutes=m)).isoformat().replace("+00:00", "Z")
        mid = f"{stamp}-{p}-{day}"
        batch.append({"type": "track", "userId": f"u{p}", "event": "Signed In", "timestamp": at(0),
                      "messageId": mid + "-in"})
        for u in range(rnd.randint(1, 4)):
            batch.append({"type": "track", "userId": f"u{p}", "event": FEATURES[min(4, int(abs(rnd.gauss(0, 1.6))))],
                          "timestamp": at(1 + u), "messageId": f"{mid}-f{u}"})
        seconds = rnd.randint(300, 3600)
        batch.append({"type": "track", "userId": f"u{p}", "event": "Session Ended", "timestamp": at(seconds // 60),
                      "properties": {"durationSeconds": seconds}, "messageId": mid + "-out"})
        send()
send(True)
for t in range(tickets):
    call("POST", "/api/v1/tickets", {"subject": f"Bench question {t}", "description": "How do I export this report?",
                                     "requester": {"email": f"person{t % people}@{domain}"}}, bearer)
print(account["id"], total, file=sys.stdout)
