#!/usr/bin/python3
# bench/report.py: turns the raw outputs of bench/run's measurements into
# result records, and the records into the final table. Python 3 stdlib only.
#
#   report.py wrk OUT_FILE RESULTS --scenario S --side X --round R [--extra JSON]
#       reads the "BENCH-WRK {...}" line bench/wrk/bench.lua's done() printed
#   report.py pgbench OUT_FILE LOG_PREFIX RESULTS --scenario S --side X --round R
#       tps from pgbench's output, p50/p99 from its --log files (then deleted)
#   report.py add RESULTS JSON
#       any other record (import, memory), given whole
#   report.py soak RUN_DIR
#       bench/soak's summary from RUN_DIR's config.json, wrk.json (written
#       by bench/wrk/soak.lua's done()), rss.csv and onrecord.log: prints it,
#       writes RUN_DIR/summary.json, exits 1 when a target or check is missed
#   report.py summarize RUN_DIR OUT_BASE
#       RUN_DIR holds results.ndjson and config.json; prints the table and the
#       ratio lines, and writes OUT_BASE.json (everything, raw) and OUT_BASE.md
#
# RESULTS is an NDJSON file, one record a line:
#   {"scenario", "side", "round", "rps", "p50_ms", "p99_ms", "errors", ...}
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys


def opt(args, name, default=None):
    if name in args:
        i = args.index(name)
        v = args[i + 1]
        del args[i:i + 2]
        return v
    return default


def append(results, rec):
    with open(results, "a", encoding="utf-8") as f:
        f.write(json.dumps(rec) + "\n")


def common(args):
    return {"scenario": opt(args, "--scenario"), "side": opt(args, "--side"),
            "round": int(opt(args, "--round", "1"))}


def cmd_wrk(args):
    base = common(args)
    extra = json.loads(opt(args, "--extra", "{}"))
    out, results = args
    line = None
    with open(out, encoding="utf-8", errors="replace") as f:
        for l in f:
            if l.startswith("BENCH-WRK "):
                line = l[len("BENCH-WRK "):]
    if line is None:
        sys.exit(f"report.py: no BENCH-WRK line in {out} (wrk failed?)")
    w = json.loads(line)
    secs = w["duration_us"] / 1e6
    socket_errors = w["connect"] + w["read"] + w["write"] + w["timeout"]
    rec = dict(base, tool="wrk", rps=w["requests"] / secs if secs else 0.0,
               p50_ms=w["p50_us"] / 1000, p99_ms=w["p99_us"] / 1000,
               errors=socket_errors + w["unexpected"], requests=w["requests"],
               seconds=secs, wrk=w, **extra)
    append(results, rec)
    print(f"    {base['scenario']:<12} {base['side']:<16} round {base['round']}: "
          f"{rec['rps']:10.0f} req/s  p50 {rec['p50_ms']:7.2f} ms  p99 {rec['p99_ms']:7.2f} ms"
          f"  errors {rec['errors']}")


def percentile(sorted_vals, p):
    if not sorted_vals:
        return 0.0
    k = (len(sorted_vals) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (k - lo)


def cmd_pgbench(args):
    # One pgbench process runs the warm-up and the measurement (so its
    # connections, like onrecord's, are prepared and warm when measuring);
    # the measured window is [start + warmup, start + warmup + duration] of
    # the per-transaction log, where start is the first transaction's start.
    base = common(args)
    warmup = float(opt(args, "--warmup", "0"))
    duration = float(opt(args, "--duration"))
    out, prefix, results = args
    text = open(out, encoding="utf-8", errors="replace").read()
    m = re.search(r"^tps = ([0-9.]+) \(without initial connection time\)", text, re.M)
    if not m:
        sys.exit(f"report.py: no tps line in {out} (pgbench failed?)\n{text[-2000:]}")
    failed = re.search(r"^number of failed transactions: (\d+)", text, re.M)
    tx = []  # (end time in us since the epoch, latency us)
    for path in glob.glob(prefix + ".*"):
        with open(path) as f:
            for line in f:
                # client_id transaction_no time script_no time_epoch time_us [lag]
                p = line.split()
                if len(p) >= 6 and p[2].isdigit():
                    tx.append((int(p[4]) * 1_000_000 + int(p[5]), int(p[2])))
        os.unlink(path)
    if not tx:
        sys.exit(f"report.py: no pgbench log lines under {prefix}.*")
    start = min(end - lat for end, lat in tx)
    lo, hi = start + warmup * 1e6, start + (warmup + duration) * 1e6
    lat = sorted(l for end, l in tx if lo <= end < hi)
    rec = dict(base, tool="pgbench", rps=len(lat) / duration, p50_ms=percentile(lat, 50) / 1000,
               p99_ms=percentile(lat, 99) / 1000,
               errors=int(failed.group(1)) if failed else 0, requests=len(lat),
               pgbench_tps_whole_run=float(m.group(1)))
    append(results, rec)
    print(f"    {base['scenario']:<12} {base['side']:<16} round {base['round']}: "
          f"{rec['rps']:10.0f} tx/s   p50 {rec['p50_ms']:7.2f} ms  p99 {rec['p99_ms']:7.2f} ms"
          f"  errors {rec['errors']}")


def cmd_add(args):
    results, rec = args
    append(results, json.loads(rec))


# ------------------------------------------------------------------ summary

def sh(cmd):
    try:
        p = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=20)
        return (p.stdout + p.stderr).strip().splitlines()[0] if (p.stdout + p.stderr).strip() else ""
    except Exception:
        return ""


def machine(cfg):
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    root = cfg.get("root", ".")
    commit = sh(f"git -C '{root}' rev-parse --short=12 HEAD")
    dirty = sh(f"git -C '{root}' status --porcelain --untracked-files=no -- server db meson.build")
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram": mem,
        "kernel": platform.release(),
        "postgresql": sh(f"'{cfg.get('pg_bindir', '')}/postgres' --version"),
        "nginx": sh("nginx -v"),
        "node": sh("node --version"),
        "wrk": re.sub(r"\s+Copyright.*", "", sh("wrk -v")),
        "python": platform.python_version(),
        "onrecord_commit": commit + (" (with uncommitted changes in server/ or db/)" if dirty else ""),
    }


def fmt(v, digits=2):
    if v is None:
        return "-"
    if isinstance(v, float):
        if abs(v) >= 100:
            return f"{v:,.0f}"
        return f"{v:.{digits}f}"
    return str(v)


def median(vals):
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None


EXPECTED = {
    "get": ["onrecord", "peer", "pgbench"], "healthz": ["onrecord", "nginx"],
    "filtered": ["onrecord", "peer", "pgbench"],
    "search": ["onrecord", "onrecord no-cache", "peer", "pgbench"],
    "burst": ["onrecord", "onrecord no-cache"],
    "conditional": ["onrecord 304", "onrecord healthz"],
    "memory": ["idle connections", "csv export"], "import": ["onrecord import", "psql \\copy"],
}


def cmd_summarize(args):
    strict = "--strict" in args
    if strict:
        args.remove("--strict")
    run_dir, out_base = args
    cfg = json.load(open(os.path.join(run_dir, "config.json")))
    recs = []
    path = os.path.join(run_dir, "results.ndjson")
    if os.path.exists(path):
        recs = [json.loads(l) for l in open(path) if l.strip()]
    # median per (scenario, side) over the rounds
    groups = {}
    for r in recs:
        groups.setdefault((r["scenario"], r["side"]), []).append(r)
    agg = {}
    for key, rs in groups.items():
        agg[key] = {
            "rounds": len(rs),
            "rps": median([r.get("rps") for r in rs]),
            "p50_ms": median([r.get("p50_ms") for r in rs]),
            "p99_ms": median([r.get("p99_ms") for r in rs]),
            "errors": sum(r.get("errors", 0) or 0 for r in rs),
            "unit": rs[0].get("unit", "req/s"),
            "records": rs,
        }

    def get(sc, side, field="rps"):
        a = agg.get((sc, side))
        return a[field] if a else None

    checks = []  # (name, value text, target text, met bool|None)

    def ratio(name, sc, a, b, target, sc_b=None, strict=False):
        x, y = get(sc, a), get(sc_b or sc, b)
        if x is None or y is None or not y:
            return
        r = x / y
        met = r > target if strict else r >= target
        checks.append((name, f"{r:.2f}x", (">" if strict else ">=") + f" {target}x", met))

    def limit(name, value, target, unit, le=True):
        if value is None:
            return
        met = value <= target if le else value >= target
        checks.append((name, f"{value:.2f} {unit}", ("<=" if le else ">=") + f" {target} {unit}", met))

    C = cfg["connections"]
    ratio("get: onrecord / pgbench (same SQL, same clients)", "get", "onrecord", "pgbench", 0.7)
    ratio("get: onrecord / peer", "get", "onrecord", "peer", 2.5)
    ratio("healthz: onrecord / nginx return 200", "healthz", "onrecord", "nginx", 0.8)
    if ("healthz", "onrecord") in agg:
        # TcpPassiveOpens counts every connection accepted in the network
        # namespace; wrk itself connects once to probe the address before it
        # starts (subtracted). Other programs' connections add to it too, so
        # when it is over, the distinct client connections seen on onrecord's
        # port (sampled with ss) tell whether onrecord's clients reconnected.
        vals, met = [], True
        for r in agg[("healthz", "onrecord")]["records"]:
            accepted = r.get("tcp_passive_opens", 0) - 1
            seen = r.get("client_connections_seen")
            vals.append(f"{accepted} (seen on the port: {seen})")
            if accepted != C and seen != C:
                met = False
            elif accepted != C:
                vals[-1] += " [the counter includes other programs' connections]"
            if accepted < C:
                met = False
        checks.append(("healthz: TCP connections accepted per run (more = reconnects)",
                       "; ".join(vals), f"= {C}", met))
    # "onrecord no-cache": the searches with Cache-Control: no-cache, so every
    # one runs its SQL (plain "onrecord" may answer from its answer cache).
    for sc, side, p99 in (("filtered", "onrecord", 15), ("search", "onrecord", 50),
                          ("search", "onrecord no-cache", 50)):
        what = f"{sc}: {side}"
        limit(f"{what} p99 at {C} connections", get(sc, side, "p99_ms"), p99, "ms")
        ratio(f"{what} / pgbench (same SQL, same clients)", sc, side, "pgbench", 0.7)
        ratio(f"{what} / peer", sc, side, "peer", 1.0, strict=True)
    ratio("import: onrecord import / psql \\copy (rows/s)", "import", "onrecord import", "psql \\copy", 0.5)
    if ("memory", "idle connections") in agg:
        rec = agg[("memory", "idle connections")]["records"][-1]
        mib = rec["rss_idle_kib"] / 1024
        checks.append((f"memory: onrecord RSS with {rec['connections']} idle keep-alive connections"
                       + (f" ({rec['wanted']} wanted)" if rec.get("wanted") != rec["connections"] else ""),
                       f"{mib:.1f} MiB", "<= 64 MiB",
                       mib <= 64 and rec.get("wanted") == rec["connections"]))
    if ("memory", "csv export") in agg:
        rec = agg[("memory", "csv export")]["records"][-1]
        checks.append(("memory: RSS growth during the CSV export of every statement",
                       f"{rec['rss_growth_kib'] / 1024:.1f} MiB", "<= 16 MiB",
                       rec["rss_growth_kib"] / 1024 <= 16))
        checks.append(("memory: CSV export rows = statements in the database",
                       f"{rec['rows']} / {rec['expected_rows']}", "equal",
                       rec["rows"] == rec["expected_rows"] and rec["status"] == 200))
    ratio("conditional: 304 / healthz (onrecord)", "conditional", "onrecord 304", "onrecord healthz", 0.5)
    if ("conditional", "onrecord 304") in agg:
        bad = agg[("conditional", "onrecord 304")]["errors"]
        checks.append(("conditional: responses other than 304", str(bad), "0", bad == 0))

    # ------------------------------------------------------------ the table
    order = ["get", "healthz", "filtered", "search", "burst", "conditional", "import", "memory"]
    rows = []
    for (sc, side), a in sorted(agg.items(), key=lambda kv: (order.index(kv[0][0]) if kv[0][0] in order else 99)):
        if sc == "memory":
            continue
        rows.append([sc, side, fmt(a["rps"]) + ("" if a["unit"] == "req/s" else " " + a["unit"]),
                     fmt(a["p50_ms"]), fmt(a["p99_ms"]), str(a["errors"]), str(a["rounds"])])
    mem_rows = []
    for (sc, side), a in agg.items():
        if sc != "memory":
            continue
        rec = a["records"][-1]
        if side == "idle connections":
            mem_rows.append([side, f"{rec['connections']} connections open "
                             f"({rec['failed']} failed, {rec['still_open']} still open at the read)",
                             f"RSS {rec['rss_before_kib'] / 1024:.1f} MiB before, "
                             f"{rec['rss_idle_kib'] / 1024:.1f} MiB with them idle"])
        else:
            mem_rows.append([side, f"{rec['rows']} rows, {rec['bytes'] / 1e6:.1f} MB in {rec['seconds']:.2f} s "
                             f"(HTTP {rec['status']})",
                             f"RSS {rec['rss_before_kib'] / 1024:.1f} MiB before, "
                             f"max {rec['rss_max_kib'] / 1024:.1f} MiB ({rec['samples']} samples)"])
    head = ["scenario", "side", "req/s", "p50 ms", "p99 ms", "errors", "rounds"]
    widths = [max(len(str(x[i])) for x in [head] + rows) for i in range(len(head))]

    def line(cells):
        return "  ".join(str(c).rjust(w) if i >= 2 else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    print()
    print(f"onrecord benchmark: {cfg['statements']:,} statements, {C} connections, "
          f"{cfg['duration']} s runs after {cfg['warmup']} s warm-up, {cfg['rounds']} round(s), "
          f"median per side" + ("  [SMOKE: numbers mean nothing]" if cfg.get("smoke") else ""))
    if rows:
        print(line(head))
        print(line(["-" * w for w in widths]))
        for r in rows:
            print(line(r))
    for m in mem_rows:
        print(f"memory  {m[0]}: {m[1]}; {m[2]}")
    print()
    for name, val, target, met in checks:
        print(f"  {name}: {val} (target {target}) {'met' if met else 'MISSED'}")
    print()

    info = machine(cfg)
    out = {"config": cfg, "machine": info,
           "summary": [{"scenario": sc, "side": side, **{k: v for k, v in a.items() if k != "records"}}
                       for (sc, side), a in agg.items()],
           "checks": [{"check": n, "value": v, "target": t, "met": m} for n, v, t, m in checks],
           "records": recs}
    with open(out_base + ".json", "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    md = [f"# onrecord benchmark, {cfg['started']}", ""]
    rc = cfg.get("read_connections", 1)
    if cfg.get("smoke"):
        md += ["Smoke run (tiny data, 1 s runs): the numbers mean nothing.", ""]
    md += [f"{cfg['statements']:,} statements (seed {cfg['seed']}), {C} connections, "
           f"{cfg['duration']} s per run after a {cfg['warmup']} s warm-up, {cfg['rounds']} "
           f"alternating round(s), median per side. onrecord with {cfg['threads']} threads "
           f"({rc} pipelined database connection(s) each for reads); the peer with "
           f"PEER_POOL={cfg['threads'] * rc}; "
           f"pgbench -M prepared with {C} clients.", ""]
    md += ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] * 2 + ["---:"] * (len(head) - 2)) + "|"]
    md += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
    if mem_rows:
        md += ["", "| memory | what | RSS |", "|---|---|---|"]
        md += ["| " + " | ".join(m) + " |" for m in mem_rows]
    md += ["", "| check | value | target | |", "|---|---:|---|---|"]
    md += ["| " + " | ".join([n.replace("|", "\\|"), v, t, "met" if m else "**missed**"]) + " |"
           for n, v, t, m in checks]
    md += ["", "Machine:", ""]
    md += [f"- {k}: {v}" for k, v in info.items()]
    md += ["", f"Command: `{cfg['command']}`", ""]
    with open(out_base + ".md", "w", encoding="utf-8") as f:
        f.write("\n".join(md))
    print(f"==> results: {out_base}.json, {out_base}.md")
    if strict:
        # The harness must have measured every side, each with work done and
        # no errors (timings and targets are never checked here).
        problems = []
        for sc in cfg["scenarios"]:
            for side in EXPECTED.get(sc, []):
                a = agg.get((sc, side))
                if not a:
                    problems.append(f"{sc} / {side}: no result")
                    continue
                for r in a["records"]:
                    if r.get("errors"):
                        problems.append(f"{sc} / {side} round {r['round']}: {r['errors']} errors")
                    if r.get("tool") and not r.get("requests"):
                        problems.append(f"{sc} / {side} round {r['round']}: no requests done")
        for p in problems:
            print(f"!!! {p}", file=sys.stderr)
        if problems:
            sys.exit(1)


# ------------------------------------------------------------------ soak

SANITIZER = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:")


def cmd_soak(args):
    import csv
    (run_dir,) = args
    cfg = json.load(open(os.path.join(run_dir, "config.json")))
    w = None
    try:
        w = json.load(open(os.path.join(run_dir, "wrk.json")))
    except (OSError, ValueError):
        for l in open(os.path.join(run_dir, "wrk.txt"), errors="replace"):
            if l.startswith("SOAK-WRK "):
                w = json.loads(l[len("SOAK-WRK "):])
    rss = []
    with open(os.path.join(run_dir, "rss.csv")) as f:
        for r in csv.DictReader(f):
            rss.append({k: float(v) for k, v in r.items()})
    log = open(os.path.join(run_dir, "onrecord.log"), errors="replace").read()
    checks = []  # (name, value, target, met, is_target)

    if w is None:
        print("!!! no result from wrk (see wrk.txt)", file=sys.stderr)
        checks.append(("wrk finished and reported", "no", "yes", False, False))
        w = {"requests": 0, "duration_us": 1, "kinds": {}, "bad": {}, "expected": {},
             "socket_errors": {}, "latency_us": {}, "unmatched": 0, "created": 0, "deleted": 0}
    secs = w["duration_us"] / 1e6
    statuses = {}
    for kind, st in w["kinds"].items():
        for code, n in st.items():
            statuses[code] = statuses.get(code, 0) + n
    bad = w["bad"] or {}
    expected = w["expected"] or {}
    n5xx = sum(e["count"] for code, e in bad.items() if code.isdigit() and int(code) >= 500)
    n_other_bad = sum(e["count"] for code, e in bad.items()) - n5xx
    sock = w["socket_errors"] or {}
    n_sock = sum(sock.values())

    # RSS "after the first minute" and "at the end": the median of the
    # samples of the second minute (baseline_s .. 2 x baseline_s) and of the
    # last minute (the last sample is taken as wrk stops). One sample swings
    # by 10% and more within seconds (the answers in flight on 256
    # connections, malloc trimming its heaps), so single samples would make
    # the target a coin toss; they are reported too.
    b0, last = cfg["baseline_s"], rss[-1]["seconds"] if rss else 0
    win_base = [r["vmrss_kib"] for r in rss if b0 - 0.5 <= r["seconds"] <= 2 * b0 + 0.5]
    win_end = [r["vmrss_kib"] for r in rss if r["seconds"] >= last - b0 - 0.5]
    base = next((r for r in rss if r["seconds"] >= b0 - 0.5), None)
    end = rss[-1] if rss else None
    pct = pct1 = None
    med_base = statistics.median(win_base) if win_base else None
    med_end = statistics.median(win_end) if win_end else None
    if med_base and med_end:
        pct = 100.0 * (med_end - med_base) / med_base
    if base and end and base["vmrss_kib"] > 0:
        pct1 = 100.0 * (end["vmrss_kib"] - base["vmrss_kib"]) / base["vmrss_kib"]
    san = [l for l in log.splitlines() if any(m in l for m in SANITIZER)]

    checks.append(("5xx answers", str(n5xx), "0", n5xx == 0, True))
    if pct is not None:
        checks.append((f"VmRSS, median of {b0}..{2 * b0} s -> median of the last {b0} s "
                       f"({len(win_base)} and {len(win_end)} samples)",
                       f"{med_base / 1024:.1f} -> {med_end / 1024:.1f} MiB ({pct:+.2f}%)",
                       f"within {cfg['tolerance_percent']}%", abs(pct) <= cfg["tolerance_percent"], True))
    else:
        checks.append(("VmRSS samples (baseline and end)", f"{len(rss)} samples", "both", False, True))
    checks.append(("other unexpected answers (4xx not by design, stale If-Match accepted)",
                   str(n_other_bad), "0", n_other_bad == 0, False))
    checks.append(("socket errors (connect, read, write, timeout)",
                   ", ".join(f"{k} {v}" for k, v in sorted(sock.items())) or "-", "0", n_sock == 0, False))
    checks.append(("answers wrk could not match to a request", str(w["unmatched"]), "0", w["unmatched"] == 0, False))
    checks.append(("server alive and ready after the load, then exit 0 on SIGTERM",
                   f"alive {cfg['server_alive']}, /readyz {cfg['readyz_after']}, exit {cfg['server_exit']}",
                   "yes, 200, 0", cfg["server_alive"] and cfg["readyz_after"] == "200" and cfg["server_exit"] == 0, False))
    checks.append(("sanitizer reports in the server's log", str(len(san)), "0", not san, False))
    # Writes still in flight when wrk stopped may or may not have committed.
    left, fl = w["created"] - w["deleted"], w.get("inflight") or {}
    lo, hi = left - fl.get("delete", 0), left + fl.get("post", 0)
    checks.append(("statements created minus deleted = soak rows left in the database",
                   f"{w['created']} - {w['deleted']} = {left}; found {cfg['soak_rows_left']}",
                   f"{lo}..{hi} (writes in flight at the end: {fl.get('post', 0)} POST, "
                   f"{fl.get('delete', 0)} DELETE)", lo <= cfg["soak_rows_left"] <= hi, False))

    lat = w.get("latency_us") or {}
    print()
    print(f"onrecord soak: {cfg['minutes']} min, {cfg['connections']} connections, {cfg['wrk_threads']} wrk threads, "
          f"{cfg['statements']:,} statements, {cfg['started']} .. {cfg['ended']}")
    print(f"  requests: {w['requests']:,} in {secs:.1f} s = {w['requests'] / secs:,.0f} req/s; "
          f"latency p50 {lat.get('p50', 0) / 1000:.2f} ms, p99 {lat.get('p99', 0) / 1000:.2f} ms, "
          f"max {lat.get('max', 0) / 1000:.0f} ms")
    print("  statuses: " + ", ".join(f"{c} {n:,}" for c, n in sorted(statuses.items())))
    print("  by kind:  " + "; ".join(
        f"{k} " + "/".join(f"{c}:{n}" for c, n in sorted(st.items())) for k, st in sorted(w["kinds"].items())))
    print(f"  writes: {w['created']} statements created, {w['deleted']} deleted")
    for title, tbl in (("unexpected", bad), ("expected by design", expected)):
        for code, e in sorted(tbl.items()):
            top = sorted(e["paths"].items(), key=lambda kv: -kv[1])[:5]
            print(f"  {title} {code}: {e['count']}  e.g. " + "; ".join(f"{p} x{n}" for p, n in top))
            for b in e.get("bodies") or []:
                print(f"      body: {b[:200]}")
    if rss:
        v = [r["vmrss_kib"] / 1024 for r in rss]
        print(f"  VmRSS (MiB, {len(v)} samples every {cfg['interval']} s): start {v[0]:.1f}, min {min(v):.1f}, "
              f"max {max(v):.1f}, end {v[-1]:.1f}; at each minute: " +
              " ".join(f"{r['vmrss_kib'] / 1024:.1f}" for r in rss if int(r["seconds"] + 0.5) % 60 == 0))
        if pct1 is not None:
            print(f"  VmRSS single samples: at {base['seconds']:.0f} s {base['vmrss_kib'] / 1024:.1f} MiB, "
                  f"at the end ({end['seconds']:.0f} s) {end['vmrss_kib'] / 1024:.1f} MiB ({pct1:+.2f}%); "
                  f"peak (VmHWM) {end['vmhwm_kib'] / 1024:.1f} MiB")
    for l in san[:5]:
        print(f"  sanitizer: {l}")
    print()
    for name, val, target, met, is_target in checks:
        print(f"  {'target' if is_target else 'check '} {name}: {val} (want {target}) {'met' if met else 'MISSED'}")
    print()
    info = machine(cfg)
    out = {"config": cfg, "machine": info, "requests": w["requests"], "seconds": secs,
           "rps": w["requests"] / secs, "statuses": statuses, "wrk": w, "rss": rss,
           "rss_baseline_sample": base, "rss_end_sample": end, "rss_change_percent_samples": pct1,
           "rss_baseline_median_kib": med_base, "rss_end_median_kib": med_end,
           "rss_change_percent": pct, "sanitizer": san[:20],
           "checks": [{"check": n, "value": v, "target": t, "met": m, "target_of_issue": it}
                      for n, v, t, m, it in checks]}
    with open(os.path.join(run_dir, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"==> onrecord {info['onrecord_commit']}; results: {run_dir}/summary.json")
    if not all(c[3] for c in checks):
        sys.exit(1)


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    {"wrk": cmd_wrk, "pgbench": cmd_pgbench, "add": cmd_add, "summarize": cmd_summarize,
     "soak": cmd_soak}[cmd](args)


if __name__ == "__main__":
    main()
