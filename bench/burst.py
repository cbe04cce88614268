#!/usr/bin/env python3
"""bench/burst.py: the news-day burst. Many desks ask for the same search at
the same moment, and no one has asked for it since the last write. onrecord
runs it once and answers the others from that (server/flight.h);
with `Cache-Control: no-cache` every ask runs it. Both sides are measured
in the same run, alternating, each on its own search words, against a
running server (bench/README.md):

    bench/burst.py URL REQUESTS_FILE [--desks 32] [--rounds 2] [--paths N]
                   [--ndjson RESULTS]

REQUESTS_FILE is bench/run's search.req (one path per line; the first
field). For each path, all desks connect, then send the same request at
once; the burst's time is from the first send to the last answer. A path
is asked once per side and round, each time with a `limit` of its own
(49, 48, ...; the search scenario asks for 50), so on a server started for
the run its answer is never in the cache already. Prints one
table and one JSON line; with --ndjson, also appends one record per side to
bench/run's results (scenario "burst": rps = asks answered per second of
burst, p50_ms and p99_ms over every desk's ask, median_burst_ms).
"""
import argparse
import http.client
import json
import statistics
import threading
import time
import urllib.parse

from report import percentile  # bench/report.py, beside this file


def burst(host, port, path, desks, headers):
    """Sends `path` from `desks` connections at once; returns (seconds for
    the whole burst, each desk's latency in seconds, statuses)."""
    conns = [http.client.HTTPConnection(host, port, timeout=120) for _ in range(desks)]
    for c in conns:
        c.connect()
    ready = threading.Barrier(desks + 1)
    lat = [None] * desks
    status = [None] * desks

    def ask(i):
        ready.wait()
        t = time.monotonic()
        conns[i].request("GET", path, headers=headers)
        r = conns[i].getresponse()
        r.read()
        lat[i] = time.monotonic() - t
        status[i] = r.status

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(desks)]
    for t in threads:
        t.start()
    t0 = time.monotonic()
    ready.wait()
    for t in threads:
        t.join()
    took = time.monotonic() - t0
    for c in conns:
        c.close()
    return took, lat, status


def with_limit(path, limit):
    parts = urllib.parse.urlsplit(path)
    q = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "limit"]
    q.append(("limit", str(limit)))
    return urllib.parse.urlunsplit(("", "", parts.path, urllib.parse.urlencode(q), ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("requests")
    ap.add_argument("--desks", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--paths", type=int, default=0, help="only the first N lines")
    ap.add_argument("--ndjson")
    args = ap.parse_args()
    u = urllib.parse.urlsplit(args.url)
    paths = [line.split("\t")[0] for line in open(args.requests) if line.strip()]
    if args.paths:
        paths = paths[:args.paths]
    sides = {"merged": {}, "no-cache": {"Cache-Control": "no-cache"}}
    took = {s: [] for s in sides}
    lat = {s: [] for s in sides}
    bad = {s: 0 for s in sides}
    for rnd in range(args.rounds):
        for k, path in enumerate(paths):
            order = list(sides) if (rnd + k) % 2 == 0 else list(sides)[::-1]
            for side in order:
                limit = 49 - len(sides) * rnd - list(sides).index(side)  # never asked before
                t, ls, st = burst(u.hostname, u.port or 80, with_limit(path, limit), args.desks,
                                  sides[side])
                took[side].append(t)
                lat[side].extend(ls)
                bad[side] += sum(1 for s in st if s != 200)
    out = {"desks": args.desks, "bursts": len(took["merged"]), "not_200": sum(bad.values())}
    print("| side | bursts | median burst ms | p50 ask ms | p99 ask ms |")
    print("|---|---:|---:|---:|---:|")
    for side in sides:
        ls = sorted(lat[side])
        p50 = percentile(ls, 50) * 1e3
        p99 = percentile(ls, 99) * 1e3
        med = statistics.median(took[side]) * 1e3
        out[side] = {"median_burst_ms": round(med, 1), "p50_ask_ms": round(p50, 1),
                     "p99_ask_ms": round(p99, 1)}
        print("| %s | %d | %.1f | %.1f | %.1f |" % (side, len(took[side]), med, p50, p99))
    out["ratio"] = round(out["no-cache"]["median_burst_ms"] / out["merged"]["median_burst_ms"], 2)
    print("no-cache / merged, median burst: %.2fx; answers not 200: %d"
          % (out["ratio"], out["not_200"]))
    print("BENCH-BURST " + json.dumps(out))
    if args.ndjson:
        with open(args.ndjson, "a", encoding="utf-8") as f:
            for side, name in (("merged", "onrecord"), ("no-cache", "onrecord no-cache")):
                rec = {"scenario": "burst", "side": name, "round": 1, "unit": "asks/s",
                       "rps": len(lat[side]) / sum(took[side]),
                       "p50_ms": out[side]["p50_ask_ms"], "p99_ms": out[side]["p99_ask_ms"],
                       "median_burst_ms": out[side]["median_burst_ms"],
                       "bursts": len(took[side]), "desks": args.desks, "errors": bad[side]}
                f.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    main()
