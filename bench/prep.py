#!/usr/bin/python3
# bench/prep.py: the inputs bench/run feeds to wrk and pgbench, built from
# bench/gen's params.json and onrecord's own SQL (db/queries). Python 3
# standard library only. Subcommands:
#
#   prep.py inputs PARAMS_JSON QUERIES_DIR OUT_DIR [--max N]
#       For each scenario (get, filtered, search, healthz): OUT_DIR/<s>.req,
#       (and search-no-cache.req: the searches with Cache-Control: no-cache),
#       one wrk request a line (bench/wrk/bench.lua), and for the database
#       scenarios OUT_DIR/pgbench-<s>/NNN.sql, one pgbench script per
#       parameter tuple: the endpoint's SQL with every $n replaced by the
#       value onrecord binds to it, as an SQL literal (pgbench's \set cannot
#       hold strings). At most N tuples per scenario (pgbench takes at most
#       128 scripts).
#   prep.py etags BASE_URL IDS_REQ_FILE OUT_FILE
#       GETs each path of IDS_REQ_FILE and writes "path<TAB>If-None-Match:
#       <its ETag>" lines: the conditional-GET requests.
#   prep.py subset DATA_DIR K OUT_DIR
#       The first K statements of DATA_DIR (ids 1..K, with their reports and
#       stances) as a data directory for `bench/gen/load --only statements`,
#       plus import.ndjson's first K lines: both import sides get the same rows.
#   prep.py ports START COUNT
#       COUNT free TCP ports on 127.0.0.1, the first at or after START.
#   prep.py soak PARAMS_JSON BASE_URL OUT_DIR
#       bench/soak's other.req (reads of actors, topics, timelines, stances,
#       stats, changes, sources) and export.req (CSV exports of one actor's
#       statements on one topic), from params.json; then GETs every line of
#       those and the first line of OUT_DIR's other lists, and fails unless
#       each answers 200 (or 304 with its If-None-Match): a mistake in the
#       mix shows before a long run, not as errors in it.
import json
import os
import re
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request

# The parameters of db/queries/statements_*.sql in the order
# server/statements.c declares its filters ($1..$13), then the cursor
# ($14, $15) and the row limit ($16), which server/list.c sets to limit + 1.
LIST_PARAMS = ["actor", "topic", "stance", "source", "outlet", "from", "to", "lang", "q",
               "status", "include", "fields", "highlight", "cursor_key", "cursor_id", "limit"]
PAGE = 50  # the limit= every list request of the benchmark asks for


def sql_text(path):
    """A query file without its leading comment lines."""
    lines = open(path, encoding="utf-8").read().splitlines()
    while lines and (lines[0].startswith("--") or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines).rstrip().rstrip(";")


def literal(v):
    # Untyped literals, like onrecord's untyped text parameters: PostgreSQL
    # resolves both to the type the query casts them to.
    if v is None:
        return "NULL"
    v = str(v)
    if ":" in v:
        raise ValueError(f"pgbench would read ':' in {v!r} as a variable")
    return "'" + v.replace("'", "''") + "'"


def bind(sql, values):
    """Replace $1..$n with the literals of values (a list, $1 first)."""
    return re.sub(r"\$(\d+)", lambda m: literal(values[int(m.group(1)) - 1]), sql)


def list_values(**given):
    vals = [given.get(name) for name in LIST_PARAMS]
    vals[LIST_PARAMS.index("limit")] = str(PAGE + 1)
    return vals


def write_scripts(out_dir, name, scripts):
    d = os.path.join(out_dir, "pgbench-" + name)
    os.makedirs(d, exist_ok=True)
    for i, s in enumerate(scripts):
        with open(os.path.join(d, f"{i:03d}.sql"), "w", encoding="utf-8") as f:
            f.write(s + ";\n")


def write_requests(out_dir, name, lines):
    with open(os.path.join(out_dir, name + ".req"), "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines))


def cmd_inputs(params_json, queries, out_dir, maxn=100):
    p = json.load(open(params_json, encoding="utf-8"))
    os.makedirs(out_dir, exist_ok=True)
    q_get = sql_text(os.path.join(queries, "statements_get.sql"))
    # With an actor and a topic and no q, onrecord lists from
    # statements_newest_by_actor_topic.sql (server/statements.c): every
    # filtered tuple names both.
    q_by_actor = sql_text(os.path.join(queries, "statements_newest_by_actor_topic.sql"))
    # With q alone, relevance is statements_search.sql.
    q_rel = sql_text(os.path.join(queries, "statements_search.sql"))

    ids = p["statement_ids"][:maxn]
    write_requests(out_dir, "get", [f"/v1/statements/{i}" for i in ids])
    write_scripts(out_dir, "get", [bind(q_get, [str(i)]) for i in ids])

    tuples = [t for t in p["filtered"] if ":" not in "".join(str(v) for v in t.values())][:maxn]
    write_requests(out_dir, "filtered", [
        "/v1/statements?" + urllib.parse.urlencode(
            {"actor": t["actor"], "topic": t["topic"], "from": t["from"], "to": t["to"],
             "limit": PAGE}, quote_via=urllib.parse.quote) for t in tuples])
    write_scripts(out_dir, "filtered", [
        bind(q_by_actor, list_values(actor=t["actor"], topic=t["topic"], **{"from": t["from"], "to": t["to"]}))
        for t in tuples])

    searches = [s for s in p["search"] if ":" not in s["q"]][:maxn]
    search_paths = [
        "/v1/statements?" + urllib.parse.urlencode(
            {"q": s["q"], "sort": "relevance", "limit": PAGE}, quote_via=urllib.parse.quote)
        for s in searches]
    write_requests(out_dir, "search", search_paths)
    # The same searches asking for a fresh answer: onrecord then runs the SQL
    # every time instead of answering from its answer cache (server/vcache.h).
    write_requests(out_dir, "search-no-cache", [p + "\tCache-Control: no-cache" for p in search_paths])
    write_scripts(out_dir, "search", [bind(q_rel, list_values(q=s["q"])) for s in searches])

    write_requests(out_dir, "healthz", ["/healthz"])
    for name, n in (("get", len(ids)), ("filtered", len(tuples)), ("search", len(searches))):
        if n == 0:
            sys.exit(f"prep.py: params.json gives no {name} parameters")
    print(f"inputs: {len(ids)} ids, {len(tuples)} filter tuples, {len(searches)} search queries")


def cmd_etags(base, req_file, out_file):
    out = []
    for line in open(req_file, encoding="utf-8"):
        path = line.rstrip("\n").split("\t")[0]
        if not path:
            continue
        with urllib.request.urlopen(base + path, timeout=10) as r:
            etag = r.headers.get("ETag")
            r.read()
        if not etag:
            sys.exit(f"prep.py: no ETag on {path}")
        out.append(f"{path}\tIf-None-Match: {etag}")
    write_requests(os.path.dirname(out_file) or ".", os.path.basename(out_file).removesuffix(".req"), out)


def cmd_subset(data, k, out):
    k = int(k)
    os.makedirs(out, exist_ok=True)
    manifest = []
    for line in open(os.path.join(data, "manifest.tsv"), encoding="utf-8"):
        table, group, rows, cols = line.rstrip("\n").split("\t")
        if group != "statements":
            continue
        cols_l = cols.split(",")
        key = cols_l.index("id" if table == "statements" else "statement_id")
        n = 0
        with open(os.path.join(data, table + ".copy"), encoding="utf-8", newline="\n") as src, \
                open(os.path.join(out, table + ".copy"), "w", encoding="utf-8", newline="\n") as dst:
            for row in src:
                if int(row.split("\t", key + 1)[key]) <= k:
                    dst.write(row)
                    n += 1
        manifest.append(f"{table}\t{group}\t{n}\t{cols}\n")
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("".join(manifest))
    n = 0
    with open(os.path.join(data, "import.ndjson"), encoding="utf-8", newline="\n") as src, \
            open(os.path.join(out, "import.ndjson"), "w", encoding="utf-8", newline="\n") as dst:
        for line in src:
            if n == k:
                break
            dst.write(line)
            n += 1
    if n != k:
        sys.exit(f"prep.py: import.ndjson has only {n} lines, {k} wanted")


def cmd_ports(start, count):
    found, port = [], int(start)
    while len(found) < int(count) and port < 65000:
        s = socket.socket()
        try:
            s.bind(("127.0.0.1", port))
            found.append(port)
        except OSError:
            pass
        finally:
            s.close()
        port += 1
    print(" ".join(map(str, found)))


def cmd_soak(params_json, base, out_dir):
    p = json.load(open(params_json, encoding="utf-8"))
    q = urllib.parse.quote
    actors = [a["actor"] for a in p["busiest_actors"]][:10]
    topics = p["topics"][:10]
    other = []
    for a in actors:
        other += [f"/v1/actors/{q(a)}", f"/v1/actors/{q(a)}/statements?limit=20",
                  f"/v1/actors/{q(a)}/positions",
                  f"/v1/statements?actor={q(a)}&limit=20&include=actor,reports,stances"]
    for t in topics:
        other += [f"/v1/topics/{q(t)}", f"/v1/topics/{q(t)}/timeline",
                  f"/v1/topics/{q(t)}/stances?limit=20", f"/v1/stats/stances?topic={q(t)}"]
    other += ["/v1/changes?limit=50", "/v1/sources?limit=20", "/v1/outlets?limit=20",
              "/v1/actors?limit=50", "/v1/topics?limit=50", "/v1/statements?limit=50",
              "/v1/recognitions?limit=20", "/v1/statements/1/history", "/healthz"]
    write_requests(out_dir, "other", other)
    tuples = p["filtered"][:10]
    write_requests(out_dir, "export", [
        "/v1/statements?" + urllib.parse.urlencode(
            {"format": "csv", "actor": t["actor"], "topic": t["topic"]}, quote_via=q)
        for t in tuples])
    check = []
    for name in ("other", "export", "get", "filtered", "search", "conditional"):
        lines = [l.rstrip("\n") for l in open(os.path.join(out_dir, name + ".req"), encoding="utf-8") if l.strip()]
        check += lines if name in ("other", "export") else lines[:1]
    bad = []
    for line in check:
        path, *hdrs = line.split("\t")
        req = urllib.request.Request(base + path, headers=dict(h.split(": ", 1) for h in hdrs))
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                r.read()
                status = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        if status != (304 if hdrs else 200):
            bad.append(f"{status} {path}")
    if bad:
        sys.exit("prep.py: soak requests that do not answer as expected:\n  " + "\n  ".join(bad))
    print(f"soak inputs: {len(other)} other reads, {len(tuples)} exports; {len(check)} requests checked")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__ if __doc__ else "usage: see the header of bench/prep.py")
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "inputs":
        maxn = 100
        if "--max" in args:
            i = args.index("--max")
            maxn = int(args[i + 1])
            del args[i:i + 2]
        cmd_inputs(*args, maxn=maxn)
    elif cmd == "etags":
        cmd_etags(*args)
    elif cmd == "subset":
        cmd_subset(*args)
    elif cmd == "ports":
        cmd_ports(*args)
    elif cmd == "soak":
        cmd_soak(*args)
    else:
        sys.exit(f"prep.py: unknown command {cmd}")


if __name__ == "__main__":
    main()
