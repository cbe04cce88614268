#!/usr/bin/python3
# bench/export_rss.py: onrecord's memory during a CSV export of every
# statement (bench/run's "memory" scenario). Python 3 stdlib only.
#
#   export_rss.py URL PID [--interval MS]
#
# Streams URL (e.g. http://127.0.0.1:P/v1/statements?format=csv: no limit
# means every row), counting CSV records with the csv module (quoted fields
# may hold newlines), while a thread reads VmRSS of PID from /proc/PID/status
# every --interval ms (default 25). Prints one JSON line:
#   {"status": 200, "rows": n (records after the header), "bytes": n,
#    "seconds": s, "rss_before_kib": .., "rss_max_kib": .., "rss_growth_kib": ..,
#    "samples": n}
import csv
import http.client
import io
import json
import sys
import threading
import time
import urllib.parse

import procfs  # bench/procfs.py


def rss_kib(pid):
    return procfs.vm_kib(pid) or 0


class Counter(io.RawIOBase):
    """Wraps the response to count bytes."""

    def __init__(self, resp):
        self.resp, self.n = resp, 0

    def readable(self):
        return True

    def readinto(self, b):
        data = self.resp.read(len(b))
        self.n += len(data)
        b[:len(data)] = data
        return len(data)


def main():
    args = sys.argv[1:]
    interval = 25
    if "--interval" in args:
        i = args.index("--interval")
        interval = int(args[i + 1])
        del args[i:i + 2]
    url, pid = args[0], int(args[1])
    before = rss_kib(pid)
    peak = [before]
    samples = [0]
    stop = threading.Event()

    def poll():
        while not stop.is_set():
            peak[0] = max(peak[0], rss_kib(pid))
            samples[0] += 1
            stop.wait(interval / 1000)

    t = threading.Thread(target=poll, daemon=True)
    t.start()
    u = urllib.parse.urlsplit(url)
    t0 = time.monotonic()
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
    conn.request("GET", u.path + ("?" + u.query if u.query else ""))
    resp = conn.getresponse()
    rows = -1
    raw = Counter(resp)
    if resp.status == 200:
        text = io.TextIOWrapper(io.BufferedReader(raw, 1 << 16), encoding="utf-8", newline="")
        for _ in csv.reader(text):
            rows += 1
    else:
        resp.read()
    secs = time.monotonic() - t0
    stop.set()
    t.join()
    peak[0] = max(peak[0], rss_kib(pid))
    print(json.dumps({"status": resp.status, "rows": max(rows, 0), "bytes": raw.n,
                      "seconds": round(secs, 3), "rss_before_kib": before, "rss_max_kib": peak[0],
                      "rss_growth_kib": peak[0] - before, "samples": samples[0]}))


if __name__ == "__main__":
    main()
