#!/usr/bin/env python3
"""Checks a random sample of the benchmark's queries against their known answers (run it while the
load runs: the answers must stay right under load). Exits non-zero on any wrong answer."""
import json, os, random, sys, urllib.request
BASE = os.environ.get("BASE", "http://127.0.0.1:8080")
queries = json.load(open(os.environ.get("OUT", "queries.json")))
sample = random.Random(7).sample(queries, min(int(os.environ.get("SAMPLE", "1000")), len(queries)))
wrong = 0
for q in sample:
    req = urllib.request.Request(BASE + "/v2/authorization", data=json.dumps(q["body"]).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        answer = json.loads(r.read())
    if answer["authorized"] != q["expected"]:
        wrong += 1
        print("WRONG", q, answer, file=sys.stderr)
print(f"correctness: {len(sample) - wrong}/{len(sample)} sampled answers right")
sys.exit(1 if wrong else 0)
