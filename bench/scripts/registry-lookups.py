#!/usr/bin/env python3
"""Latency of registry lookups through a running platform's API, end to end over HTTP.

usage: registry-lookups.py PORT JSESSIONID PATH_PREFIX KEYS_FILE
  e.g. registry-lookups.py 8080 "$SID" /api/registry/enterprises/ codes.txt
KEYS_FILE holds one key per line (a header line credit_code/shop_id is skipped). The first 200 requests warm up
and are not counted. Log in with the form (/login) first and pass the session cookie's value.
"""
import http.client
import sys
import time

port, sid, prefix, keys_file = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
keys = [l.strip() for l in open(keys_file, encoding="utf-8")
        if l.strip() and not l.startswith(("credit_code", "shop_id"))]
conn = http.client.HTTPConnection("localhost", int(port))
latencies, statuses = [], {}
for i, key in enumerate(keys):
    start = time.perf_counter()
    conn.request("GET", prefix + key, headers={"Cookie": "JSESSIONID=" + sid})
    response = conn.getresponse()
    response.read()
    elapsed = (time.perf_counter() - start) * 1000
    statuses[response.status] = statuses.get(response.status, 0) + 1
    if i >= 200:
        latencies.append(elapsed)
latencies.sort()
n = len(latencies)
print("%s n=%d statuses=%s p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms" % (
    prefix, n, statuses, latencies[n // 2], latencies[int(n * .95)], latencies[int(n * .99)], latencies[-1]))
