#!/usr/bin/env python3
"""Drives prometheus-blackbox-exporter at a fixed rate of probes, the way Prometheus would scrape it.

Each GET /probe?module=M&target=T makes the exporter run one probe and answer with its metrics page.
THREADS threads share the rate: thread i sends at start + (i + k * THREADS) / RATE for k = 0, 1, ...
over its own keep-alive connection, so the exporter sees RATE probes/s spread evenly, never a burst.
A thread that falls behind sends at once until it is back on its plan (and counts those as late).
Targets are taken in turn. A probe counts as a success when the page says "probe_success 1".

On SIGUSR1 the driver appends one line to COUNTS: "monotonic_seconds sent ok failed errors late",
cumulative since start, so a caller can take the rate over exactly the window it measures CPU in.
It stops after SECONDS (bounded) and on SIGTERM. Only 127.0.0.1 is accepted as the exporter's host.
"""
import argparse
import http.client
import signal
import sys
import threading
import time
import urllib.parse


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--exporter", required=True, help="host:port of the exporter, on 127.0.0.1")
    p.add_argument("--module", default="http_2xx")
    p.add_argument("--target", action="append", required=True, help="probe target URL; repeat for several")
    p.add_argument("--rate", type=float, default=1000.0, help="probes per second in all")
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--seconds", type=float, required=True, help="stop after this long (at most 3600)")
    p.add_argument("--counts", required=True, help="file the SIGUSR1 lines are appended to")
    a = p.parse_args()
    host, _, port = a.exporter.rpartition(":")
    if host != "127.0.0.1" or not port.isdigit():
        sys.exit("--exporter: expected 127.0.0.1:PORT, found " + a.exporter)
    if not (0 < a.rate <= 100_000 and 1 <= a.threads <= 256 and 0 < a.seconds <= 3600):
        sys.exit("--rate 0..100000, --threads 1..256, --seconds 0..3600")
    paths = ["/probe?" + urllib.parse.urlencode({"module": a.module, "target": t}) for t in a.target]

    # one slot per thread, each written only by its own thread; summed on demand
    sent = [0] * a.threads
    ok = [0] * a.threads
    failed = [0] * a.threads
    errors = [0] * a.threads
    late = [0] * a.threads
    start = time.monotonic()
    deadline = start + a.seconds
    stop = threading.Event()

    def worker(i):
        conn = None
        step = a.threads / a.rate
        due = start + i / a.rate
        k = i
        while not stop.is_set():
            now = time.monotonic()
            if due >= deadline:
                break
            if due > now:
                time.sleep(due - now)
            elif now - due > step:
                late[i] += 1
            path = paths[k % len(paths)]
            k += a.threads
            due += step
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(host, int(port), timeout=10)
                conn.request("GET", path)
                resp = conn.getresponse()
                body = resp.read()
                sent[i] += 1
                if resp.status == 200 and b"\nprobe_success 1\n" in body:
                    ok[i] += 1
                else:
                    failed[i] += 1
            except (OSError, http.client.HTTPException):
                sent[i] += 1
                errors[i] += 1
                if conn is not None:
                    conn.close()
                conn = None
        if conn is not None:
            conn.close()

    def report(*_):
        with open(a.counts, "a") as f:
            f.write("%.6f %d %d %d %d %d\n" % (time.monotonic(), sum(sent), sum(ok), sum(failed), sum(errors), sum(late)))

    signal.signal(signal.SIGUSR1, report)
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(a.threads)]
    for t in threads:
        t.start()
    while not stop.is_set() and time.monotonic() < deadline + 1:
        time.sleep(0.1)
    stop.set()
    for t in threads:
        t.join(timeout=12)
    report()


if __name__ == "__main__":
    main()
