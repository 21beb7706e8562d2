#!/usr/bin/env python3
"""Grows an event store for the rebuild benchmark: the registry-domain events the command model wrote (read
from domain_event_entry) are appended again COPIES times, each copy a world of its own. Every UUID in an
event (aggregate id, event id, ids inside the payload and metadata) is mapped to a new one per copy, the same
way everywhere, and every DID gets a copy prefix, so the copies are what the command side would have written
for that many more registries with the same histories: every projection stores them as it stores the originals.
API key events and access refusals are not copied (they are not the registry's history).

Usage: PGPORT=... COPIES=... bench/clone.py   (psql on the PATH; the database is trust_registry's "postgres")
"""
import os, re, subprocess, sys, uuid

PGPORT = os.environ["PGPORT"]
COPIES = int(os.environ.get("COPIES", "100"))
TARGET = int(os.environ.get("TARGET", "0"))  # stop once the store holds this many events (0: all copies)
PSQL = ["psql", "-q", "-h", "localhost", "-p", PGPORT, "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1"]

UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DID = re.compile(rb"did:web:")
COLUMNS = "aggregate_identifier, sequence_number, type, event_identifier, payload_type, payload_revision, " \
          "time_stamp, payload, meta_data"

originals = subprocess.run(PSQL + ["-At", "-F", "\t", "-c",
    "SELECT " + COLUMNS.replace("payload, meta_data", "encode(payload, 'hex'), encode(meta_data, 'hex')") + " "
    "FROM domain_event_entry WHERE payload_type NOT LIKE 'org.trustregistry.events.apikey.%' "
    "AND payload_type NOT LIKE 'org.trustregistry.events.access.%' ORDER BY global_index"],
    check=True, capture_output=True).stdout.decode().splitlines()
rows = [line.split("\t") for line in originals]
have = int(subprocess.run(PSQL + ["-At", "-c", "SELECT count(*) FROM domain_event_entry"], check=True,
                          capture_output=True).stdout)
print(f"{len(rows)} registry events to copy {COPIES} times ({have} in the store)", file=sys.stderr)


def mapper(copy):
    namespace = uuid.UUID(int=copy)
    cache = {}

    def one(match):
        found = match.group(0)
        if found not in cache:
            cache[found] = str(uuid.uuid5(namespace, found.decode())).encode()
        return cache[found]

    def text(value):
        return DID.sub(b"did:web:c%d-" % copy, UUID.sub(one, value))
    return text


# one transaction that registers itself first, as every append of the server does (CommitOrder): a server running
# meanwhile then knows the stream is not final above the rows being copied, and its projections wait for them
# instead of passing over rows not committed yet
REGISTER = ("SELECT pg_advisory_xact_lock_shared((" + str(0x54520000) + " | (last_value >> 32))::int, "
            "last_value::bit(32)::int) FROM domain_event_entry_global_index_seq")
copy_in = subprocess.Popen(PSQL + ["-1", "-c", REGISTER, "-c", f"COPY domain_event_entry ({COLUMNS}) FROM STDIN"],
                           stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
written = 0
for copy in range(1, COPIES + 1):
    text = mapper(copy)
    out = []
    for aggregate, sequence, kind, event_id, payload_type, revision, stamp, payload, meta in rows:
        out.append(b"\t".join([
            text(aggregate.encode()), sequence.encode(), kind.encode(), text(event_id.encode()),
            payload_type.encode(), revision.encode() if revision else rb"\N", stamp.encode(),
            b"\\\\x" + text(bytes.fromhex(payload)).hex().encode(),
            b"\\\\x" + text(bytes.fromhex(meta)).hex().encode()]) + b"\n")
    copy_in.stdin.write(b"".join(out))
    written += len(rows)
    if TARGET and have + written >= TARGET:
        break
copy_in.stdin.close()
if copy_in.wait() != 0:
    sys.exit("COPY failed")
print(f"appended {written} events", file=sys.stderr)
