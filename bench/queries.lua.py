#!/usr/bin/env python3
"""Turns queries.json into a wrk Lua script that posts them round-robin."""
import json, os
queries = json.load(open(os.environ.get("OUT", "queries.json")))
with open("trqp.lua", "w") as f:
    f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nlocal bodies = {\n')
    for q in queries:
        f.write("  " + json.dumps(json.dumps(q["body"])) + ",\n")
    f.write("}\nlocal i = 0\nrequest = function()\n  i = i % #bodies + 1\n"
            "  return wrk.format(nil, \"/v2/authorization\", nil, bodies[i])\nend\n"
            "done = function(summary, latency, requests)\n"
            "  io.write(string.format(\"requests %d, errors %d (status %d)\\n\", summary.requests, "
            "summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + "
            "summary.errors.timeout, summary.errors.status))\n"
            "  io.write(string.format(\"throughput %.0f queries/s, p50 %.2f ms, p99 %.2f ms\\n\", "
            "summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))\nend\n")
