#!/usr/bin/env python3
"""A local stand-in for an app's "who am I" endpoint, for `status` benchmarks.

  slow_server.py serve [--delay 0.1] [--port 0] [--lifetime 900]
      Listens on 127.0.0.1 only, answers every request after DELAY seconds with
      200 and `{}` (HTTP/1.1, keep-alive, one thread per connection), prints
      "PORT <n>" on stdout once listening, and exits by itself after LIFETIME
      seconds or on SIGTERM. It counts the requests in flight per first path
      segment (`/app-1/whoami` counts for `app-1`): `GET /__peak` answers at
      once with the most seen at one time, per segment, and starts counting
      afresh.

      It is also an OAuth2 token endpoint that rotates refresh tokens:
      `POST /oauth/token` with `grant_type=refresh_token` answers (after
      DELAY) with a new access token and a new refresh token when the refresh
      token it got was issued by it, or starts with `bench-seed-`, and was
      never used before; a refresh token used twice gets 400 `invalid_grant`
      (as apps with rotation answer a replay). `GET /__grants` answers at once
      with {"refresh": grants so far, "replayed": refused replays so far,
      "access_token": the newest access token issued}.

  slow_server.py load --port N [--concurrency 64] [--requests 2000]
      Measures the server's own capacity: CONCURRENCY client threads, each on
      one keep-alive connection, send REQUESTS requests in all; prints
      throughput and latency percentiles. Bounded in count and time.
"""

import argparse
import http.client
import json
import secrets
import signal
import socket
import statistics
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BODY = b"{}"
RESPONSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    b"Content-Length: %d\r\n\r\n%s" % (len(BODY), BODY)
)


GRANTS = {"refresh": 0, "replayed": 0, "access_token": None}
ISSUED = set()  # refresh tokens this server issued and nobody has used yet
USED = set()  # refresh tokens already exchanged
IN_FLIGHT = {}  # first path segment -> requests in flight now
PEAK = {}  # first path segment -> most in flight at once since the last /__peak
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: reqwest reuses its connections
    delay = 0.1

    def setup(self):
        super().setup()
        # Without this, Nagle's algorithm plus the client's delayed ACK adds
        # ~40 ms to an answer written in more than one piece.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def answer(self, status, value):
        body = json.dumps(value).encode()
        reason = b"OK" if status == 200 else b"Bad Request"
        self.wfile.write(
            b"HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (status, reason, len(body), body)
        )

    def do_GET(self):  # noqa: N802 (http.server naming)
        segment = self.path.lstrip("/").split("/", 1)[0]
        if segment == "__peak":
            with LOCK:
                body = dict(PEAK)
                PEAK.clear()
            self.answer(200, body)
            return
        if segment == "__grants":
            with LOCK:
                body = dict(GRANTS)
            self.answer(200, body)
            return
        with LOCK:
            IN_FLIGHT[segment] = IN_FLIGHT.get(segment, 0) + 1
            PEAK[segment] = max(PEAK.get(segment, 0), IN_FLIGHT[segment])
        try:
            if self.delay > 0:
                time.sleep(self.delay)
        finally:
            with LOCK:
                IN_FLIGHT[segment] -= 1
        # One write for the whole answer (status line, headers, body).
        self.wfile.write(RESPONSE)

    def do_POST(self):  # noqa: N802
        if self.path.split("?", 1)[0] != "/oauth/token":
            return self.do_GET()
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
        if self.delay > 0:
            time.sleep(self.delay)
        grant = form.get("grant_type", [""])[0]
        old = form.get("refresh_token", [""])[0]
        with LOCK:
            fresh = old not in USED and (old in ISSUED or old.startswith("bench-seed-"))
            if grant != "refresh_token" or not fresh:
                GRANTS["replayed"] += grant == "refresh_token"
                answer = (400, {"error": "invalid_grant"})
            else:
                USED.add(old)
                ISSUED.discard(old)
                GRANTS["refresh"] += 1
                n = GRANTS["refresh"]
                tag = secrets.token_hex(4)
                access, refresh = f"bench-at-{n}-{tag}", f"bench-rt-{n}-{tag}"
                ISSUED.add(refresh)
                GRANTS["access_token"] = access
                answer = (200, {"access_token": access, "token_type": "Bearer", "expires_in": 3600,
                                "refresh_token": refresh})
        self.answer(*answer)

    def log_message(self, *args):  # quiet
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # The default listen backlog is 5: a burst of 64 connects would overflow
    # it and the kernel would drop SYNs (1 s retransmit). Make it large.
    request_queue_size = 1024


def serve(args):
    Handler.delay = args.delay
    srv = Server(("127.0.0.1", args.port), Handler)
    print(f"PORT {srv.server_address[1]}", flush=True)

    def stop(*_):
        threading.Thread(target=srv.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    timer = threading.Timer(args.lifetime, stop)
    timer.daemon = True
    timer.start()
    srv.serve_forever(poll_interval=0.2)
    srv.server_close()


def load(args):
    per = [args.requests // args.concurrency] * args.concurrency
    for i in range(args.requests % args.concurrency):
        per[i] += 1
    lat = [[] for _ in range(args.concurrency)]
    errors = [0]
    deadline = time.monotonic() + args.max_seconds

    def connect():
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
        conn.connect()
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return conn

    def worker(i):
        conn = connect()
        for _ in range(per[i]):
            if time.monotonic() > deadline:
                break
            t = time.perf_counter()
            try:
                conn.request("GET", "/whoami", headers={"X-Api-Key": "k"})
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    errors[0] += 1
            except OSError:
                errors[0] += 1
                conn.close()
                conn = connect()
            lat[i].append(time.perf_counter() - t)
        conn.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.concurrency)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    all_lat = sorted(x for l in lat for x in l)
    n = len(all_lat)
    q = lambda p: all_lat[min(n - 1, int(p * n))] * 1000  # noqa: E731
    print(
        f"requests={n} errors={errors[0]} concurrency={args.concurrency} "
        f"wall={wall:.3f}s throughput={n / wall:.0f}/s "
        f"latency_ms p50={q(0.5):.1f} p90={q(0.9):.1f} p99={q(0.99):.1f} "
        f"max={all_lat[-1] * 1000:.1f} mean={statistics.fmean(all_lat) * 1000:.1f}"
    )


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="what", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--delay", type=float, default=0.1)
    s.add_argument("--port", type=int, default=0)
    s.add_argument("--lifetime", type=float, default=900)
    l = sub.add_parser("load")
    l.add_argument("--port", type=int, required=True)
    l.add_argument("--concurrency", type=int, default=64)
    l.add_argument("--requests", type=int, default=2000)
    l.add_argument("--max-seconds", type=float, default=60)
    a = p.parse_args(argv)
    serve(a) if a.what == "serve" else load(a)


if __name__ == "__main__":
    main(sys.argv[1:])
