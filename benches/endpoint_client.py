#!/usr/bin/env python3
"""benches/endpoint_client.py PATH N — run by `fourgent connections exec`:
asks the token endpoint ($FOURGENT_TOKEN_URL/PATH, with the bearer from
$FOURGENT_TOKEN_AUTH) N times, one request after the other, each on a new
connection (the endpoint closes it), and prints one JSON line of latencies
in seconds: {"n", "median", "p90", "p99", "min", "max", "mean", "stddev"}.
Every answer must be 200 with a token; anything else exits 1."""

import http.client
import json
import os
import statistics
import sys
import time
import urllib.parse


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    url = urllib.parse.urlsplit(os.environ["FOURGENT_TOKEN_URL"])
    headers = {"Authorization": "Bearer " + os.environ["FOURGENT_TOKEN_AUTH"]}
    times = []
    for i in range(n + 10):
        t0 = time.perf_counter()
        c = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        c.request("GET", "/" + path, headers=headers)
        r = c.getresponse()
        body = r.read()
        c.close()
        dt = time.perf_counter() - t0
        if r.status != 200 or not json.loads(body).get("token"):
            print(f"endpoint_client.py: answer {r.status}: {body[:200]!r}", file=sys.stderr)
            sys.exit(1)
        if i >= 10:  # the first ten warm up
            times.append(dt)
    times.sort()
    q = lambda p: times[min(len(times) - 1, int(p * len(times)))]
    print(json.dumps({
        "n": n, "median": statistics.median(times), "p90": q(0.90), "p99": q(0.99),
        "min": times[0], "max": times[-1], "mean": statistics.fmean(times),
        "stddev": statistics.stdev(times) if n > 1 else 0.0, "times": times,
    }))


if __name__ == "__main__":
    main()
