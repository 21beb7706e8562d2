#!/usr/bin/env python3
"""Loads a realistic registry for the TRQP benchmark: REGISTRIES registries, ISSUERS issuers in all,
each with a history (activated; some suspended and reinstated, some revoked, some with a credential
type withdrawn), through the public HTTP API. Writes the expectations (queries with their known
answers, at current and past times) to queries.json for the load run and its correctness check."""
import json, os, random, sys, time, uuid, urllib.request
from concurrent.futures import ThreadPoolExecutor

BASE = os.environ.get("BASE", "http://127.0.0.1:8080")
KEY = os.environ["KEY"]
REGISTRIES = int(os.environ.get("REGISTRIES", "10"))
ISSUERS = int(os.environ.get("ISSUERS", "10000"))
random.seed(int(os.environ.get("SEED", "42")))

def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method,
                                 headers={"X-API-Key": KEY, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read() or b"null")

def status(iid, s, reason=None):
    body = {"status": s}
    if reason:
        body["reason"] = reason
    return call("PATCH", f"/v2/issuers/{iid}/status", body)

run = uuid.uuid4().hex[:6]
registries = []
for r in range(REGISTRIES):
    reg = call("POST", "/v2/registries", {"name": f"Bench registry {r}", "ecosystemDid": f"did:web:bench-{run}-{r}.example"})
    types = [f"BenchCredential{r}x{t}" for t in range(3)]
    schemas = [call("POST", "/v2/schemas", {"registryId": reg["id"], "name": t, "type": t,
                                            "jsonSchema": {"type": "object"}})["id"] for t in types]
    registries.append((reg, types, schemas))

def make(i):
    reg, types, schemas = registries[i % REGISTRIES]
    did = f"did:web:issuer-{run}-{i}.example"
    k = random.Random(i).randrange(3)
    iss = call("POST", "/v2/issuers", {"did": did, "registryId": reg["id"], "name": f"Issuer {i}",
                                       "credentialTypes": [schemas[k]]})
    status(iss["id"], "ACTIVE")
    t_active = time.time()
    fate = random.Random(i * 7).randrange(4)
    if fate == 1:
        status(iss["id"], "SUSPENDED", "audit"); status(iss["id"], "ACTIVE", "audit passed")
    elif fate == 2:
        status(iss["id"], "REVOKED", "closed")
    elif fate == 3:
        call("DELETE", f"/v2/issuers/{iss['id']}/credential-types/{schemas[k]}?reason=lapsed")
    return {"authority": reg["ecosystemDid"], "did": did, "type": types[k], "active_at": t_active, "fate": fate}

start = time.time()
with ThreadPoolExecutor(max_workers=int(os.environ.get("LOADERS", "8"))) as pool:
    issuers = list(pool.map(make, range(ISSUERS)))
print(f"loaded {ISSUERS} issuers in {REGISTRIES} registries in {time.time() - start:.0f} s", file=sys.stderr)

# a moment at which every issuer was active, and the present: the expected answer is known for both
time.sleep(1)
past = max(i["active_at"] for i in issuers)
queries = []
for i in issuers:
    # just after its activation every issuer held its type; "past" is a single instant, so use each one's own
    t = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(i["active_at"])) + ".%06dZ" % int((i["active_at"] % 1) * 1e6)
    queries.append({"body": {"authority_id": i["authority"], "entity_id": i["did"], "action": "issue",
                             "resource": i["type"], "context": {"time": t}}, "expected": True})
    queries.append({"body": {"authority_id": i["authority"], "entity_id": i["did"], "action": "issue",
                             "resource": i["type"]}, "expected": i["fate"] in (0, 1)})
json.dump(queries, open(os.environ.get("OUT", "queries.json"), "w"))
