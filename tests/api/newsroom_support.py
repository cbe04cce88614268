"""Helpers for the newsroom feature tests: search, positions over time,
exports (CSV / NDJSON) and HTTP caching (test_newsroom_search.py,
test_newsroom_positions.py, test_exports.py, test_http_caching.py).

Standard library only. The psql helper here may write (conftest's helpers are
read-only): only test_exports.py uses it, for a large generated data set that
it removes again.
"""
import csv
import glob
import io
import json
import os
import subprocess

import conformance
from conftest import DATABASE_URL, PORT, Response, connect, get_all, url

# A statement list item without include= (db/NEWSROOM.md), in this order.
LEAN_KEYS = ["id", "actor", "attribution", "said_on", "said_precision", "kind", "status",
             "language", "context", "summary"]
# include=actor: the actor object, in this order.
FULL_ACTOR_KEYS = ["slug", "name", "kind", "country", "other_names", "description",
                   "roles_at_time"]

GAGLOEV_STATEMENTS = [37, 32, 31, 30, 29, 28, 27, 26, 25, 24, 19]  # newest first


def ids(path, **params):
    return [s["id"] for s in get_all(path, **params)]


def with_params(path, **params):
    """url() that also works when path already has a query string."""
    full = url("", **params)
    if not full:
        return path
    return path + ("&" if "?" in path else "?") + full[1:]


# ---------------------------------------------------------------- exports


def csv_rows(raw):
    """A CSV body (RFC 4180: header row, CRLF, UTF-8) -> (header, rows as dicts).
    Checks the framing on the way: no BOM, CRLF line ends, every row as wide
    as the header."""
    assert raw.endswith(b"\r\n"), raw[-50:]
    assert not raw.startswith(b"\xef\xbb\xbf"), "a BOM before the header"
    text = raw.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    table = list(reader)
    header = table[0]
    for row in table[1:]:
        assert len(row) == len(header), (header, row)
    # Outside quoted fields, every line break is CRLF.
    outside, quoted = [], False
    for part in text.split('"'):
        if not quoted:
            outside.append(part)
        quoted = not quoted
    bare = "".join(outside).replace("\r\n", "")
    assert "\n" not in bare and "\r" not in bare, "a line break that is not CRLF"
    return header, [dict(zip(header, row)) for row in table[1:]]


def ndjson_items(raw):
    """An NDJSON body -> its items: one JSON object per line, each line ended by \\n."""
    text = raw.decode("utf-8")
    if not text:
        return []
    assert text.endswith("\n"), text[-50:]
    lines = text[:-1].split("\n")
    items = []
    for line in lines:
        assert line.strip(), "an empty line in NDJSON"
        items.append(json.loads(line))
    return items


def lookup(item, path):
    """The value at a dotted path ("actor.slug") of an item; None when absent."""
    value = item
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def cell_matches(cell, value):
    """A CSV cell shows this JSON value: text as is, null/absent empty, true/false,
    numbers by value, arrays and objects as compact JSON."""
    if value is None:
        return cell == ""
    if isinstance(value, bool):
        return cell == ("true" if value else "false")
    if isinstance(value, str):
        return cell == value
    if isinstance(value, int):
        return cell == str(value)
    if isinstance(value, float):
        return cell != "" and float(cell) == value
    return cell != "" and json.loads(cell) == value


class Export(Response):
    """An answer whose body is parsed as JSON only when it is plain JSON
    (conftest's Response would try to parse application/x-ndjson as one
    document, and a gzipped body as text)."""

    def __init__(self, status, headers, raw):
        ctype = (headers.get("Content-Type", "") or "").split(";")[0].strip()
        parse = ctype in ("application/json", "application/problem+json") and \
            not headers.get("Content-Encoding")
        super().__init__(status, headers if parse else _NoType(headers), raw)
        self.headers = headers


class _NoType(dict):
    def __init__(self, headers):
        super().__init__()
        self.original = headers

    def get(self, name, default=None):
        return default if name.lower() == "content-type" else self.original.get(name, default)


def fetch_export(path, headers=None, method="GET"):
    """GET (or HEAD) path on a fresh connection; returns an Export (any body)."""
    c = connect()
    try:
        c.request(method, path, headers=headers or {})
        r = c.getresponse()
        raw = r.read()
        conformance.check(method, path, r.status, r.headers, raw)  # per the spec, or fail
        return Export(r.status, r.headers, raw)
    finally:
        c.close()


def export(path, fmt=None, accept=None, **params):
    """GET an export: with format=<fmt> or with an Accept header."""
    headers = {"Accept": accept} if accept else {}
    if fmt:
        params["format"] = fmt
    return fetch_export(with_params(path, **params), headers=headers)


# ---------------------------------------------------------------- psql that writes


def _psql_path():
    import shutil
    return shutil.which("psql") or "/usr/lib/postgresql/15/bin/psql"


def psql_write(sql, timeout=120):
    """Runs SQL (may write) with psql in one session; returns stdout."""
    assert DATABASE_URL, "DATABASE_URL is not set"
    p = subprocess.run([_psql_path(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                        "-d", DATABASE_URL], input=sql, capture_output=True, text=True,
                       timeout=timeout, env=dict(os.environ, PGCLIENTENCODING="UTF8"))
    assert p.returncode == 0, p.stderr
    return p.stdout


# ---------------------------------------------------------------- the server process


def _listening_inodes(port):
    inodes = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(name) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    local, state, inode = fields[1], fields[3], fields[9]
                    if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                        inodes.add(inode)
        except OSError:
            pass
    return inodes


def server_pid(port=PORT):
    """The pid of the process listening on 127.0.0.1:port (the server under
    test), found through /proc/net/tcp and /proc/*/fd; None if not visible."""
    inodes = _listening_inodes(port)
    if not inodes:
        return None
    wanted = {"socket:[%s]" % i for i in inodes}
    for fd_dir in glob.glob("/proc/[0-9]*/fd"):
        try:
            for fd in os.listdir(fd_dir):
                try:
                    if os.readlink(os.path.join(fd_dir, fd)) in wanted:
                        return int(fd_dir.split("/")[2])
                except OSError:
                    continue
        except OSError:
            continue
    return None


def rss_kib(pid):
    """VmRSS of a process, in KiB."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS for pid %d" % pid)
