"""Shared helpers for the black-box API tests of onrecord.

The suite talks to a running server (ONRECORD_URL) over plain HTTP and reads
the same database (DATABASE_URL) with psql to derive expected answers. It
never writes to the database. Standard library + pytest + yaml only.

Environment:
  ONRECORD_URL   base URL of the server under test (default http://127.0.0.1:8080)
  DATABASE_URL   libpq URI of the database that server uses (for psql)
  ONRECORD_BIN   the onrecord binary under test, for tests that start a second
                 process (default: build/onrecord in the repository)
"""
import http.client
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.parse

import pytest

import conformance

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

BASE_URL = os.environ.get("ONRECORD_URL", "http://127.0.0.1:8080").rstrip("/")
_base = urllib.parse.urlsplit(BASE_URL)
HOST = _base.hostname or "127.0.0.1"
PORT = _base.port or 80
TIMEOUT = 15

DATABASE_URL = os.environ.get("DATABASE_URL", "")

JSON_TYPE = "application/json; charset=utf-8"
PROBLEM_TYPE = "application/problem+json"


def onrecord_bin():
    """Path of the binary under test (ONRECORD_BIN, default build/onrecord)."""
    path = os.environ.get("ONRECORD_BIN") or "build/onrecord"
    if not os.path.isabs(path):
        path = os.path.join(REPO_ROOT, path)
    return path


# ---------------------------------------------------------------- HTTP


class Response:
    """One HTTP answer: status, headers (case-insensitive), raw body, parsed body."""

    def __init__(self, status, headers, raw):
        self.status = status
        self.headers = headers
        self.raw = raw
        self.body = None
        ctype = (headers.get("Content-Type", "") or "").split(";")[0].strip()
        encoded = (headers.get("Content-Encoding", "") or "").strip()
        # Only whole JSON documents are parsed; NDJSON, CSV and gzip stay raw.
        if raw and not encoded and ctype in ("application/json", "application/problem+json"):
            self.body = json.loads(raw.decode("utf-8"))

    def header(self, name, default=None):
        return self.headers.get(name, default)

    def __iter__(self):  # status, headers, body = fetch(...)
        return iter((self.status, self.headers, self.body))

    def __repr__(self):
        return "<Response %d %r>" % (self.status, self.raw[:300])


def connect():
    return http.client.HTTPConnection(HOST, PORT, timeout=TIMEOUT)


def fetch(path, method="GET", headers=None, body=None, conn=None):
    """Sends one request (on `conn` when given, else a fresh connection)."""
    own = conn is None
    c = conn or connect()
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        raw = r.read()
        conformance.check(method, path, r.status, r.headers, raw)  # AssertionError if not per spec
        return Response(r.status, r.headers, raw)
    finally:
        if own:
            c.close()


def get(path, headers=None):
    """GET path -> (status, headers, parsed JSON body or None)."""
    r = fetch(path, headers=headers)
    return r.status, r.headers, r.body


def url(path, **params):
    """path?urlencoded(params); None values are left out."""
    items = [(k, v) for k, v in params.items() if v is not None]
    if not items:
        return path
    return path + "?" + urllib.parse.urlencode(items)


def get_ok(path, **params):
    """GET that must answer 200 JSON; returns the parsed body."""
    r = fetch(url(path, **params))
    assert r.status == 200, r
    assert r.header("Content-Type") == JSON_TYPE
    return r.body


def get_all(path, **params):
    """Every item of a list, following next_cursor to the end."""
    items = []
    cursor = None
    for _ in range(1000):
        body = get_ok(path, **dict(params, cursor=cursor))
        items.extend(body["data"])
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination of %s never ended" % path)


def period_start(said_on):
    """First day of a printed date period: 2024 -> 2024-01-01, 2024-08 -> 2024-08-01."""
    return (said_on + "-01-01")[:10] if len(said_on) == 4 else (said_on + "-01")[:10]


def raw_request(data, timeout=TIMEOUT):
    """Sends raw bytes on a new socket; returns (status or None, head bytes, body bytes)."""
    s = socket.create_connection((HOST, PORT), timeout=timeout)
    try:
        s.sendall(data)
        out = b""
        while True:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            out += chunk
            head, sep, rest = out.partition(b"\r\n\r\n")
            if sep:
                length = None
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                if length is not None and len(rest) >= length:
                    break
    finally:
        s.close()
    head, _, rest = out.partition(b"\r\n\r\n")
    status = None
    if head.startswith(b"HTTP/1."):
        status = int(head.split(b" ")[1])
    conformance.check_raw(data, status, head, rest)  # AssertionError if not per spec
    return status, head, rest


def assert_problem(r, status, code=None, parameter=None, instance=None):
    """r is an RFC 9457 problem with this status (and code / parameter)."""
    assert r.status == status, r
    assert r.header("Content-Type", "").startswith(PROBLEM_TYPE), r.header("Content-Type")
    body = r.body
    assert isinstance(body, dict), r
    for field in ("type", "title", "status", "code", "detail", "instance"):
        assert field in body, "problem without %s: %r" % (field, body)
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    assert body["type"].endswith(body["code"])
    if code is not None:
        assert body["code"] == code, body
    if parameter is not None:
        assert body.get("parameter") == parameter, body
    if instance is not None:
        assert body["instance"] == instance, body
    return body


def server_alive():
    r = fetch("/healthz")
    return r.status == 200


# ---------------------------------------------------------------- psql


def _psql_path():
    return shutil.which("psql") or "/usr/lib/postgresql/15/bin/psql"


def sql_rows(query):
    """Runs a read-only query with psql; returns rows as tuples of strings."""
    assert DATABASE_URL, "DATABASE_URL is not set"
    out = subprocess.run(
        [_psql_path(), "-X", "-q", "-A", "-t", "-F", "\x1f", "-v", "ON_ERROR_STOP=1",
         "-d", DATABASE_URL, "-c", query],
        check=True, capture_output=True, text=True, timeout=30,
        env=dict(os.environ, PGOPTIONS="-c default_transaction_read_only=on"),
    ).stdout
    return [tuple(line.split("\x1f")) for line in out.splitlines() if line != ""]


def sql_col(query):
    """First column of every row."""
    return [row[0] for row in sql_rows(query)]


def sql_value(query):
    rows = sql_rows(query)
    assert len(rows) == 1, rows
    return rows[0][0]


def sql_json(query):
    """A query returning one json value, parsed (coalesce to '[]' yourself)."""
    return json.loads(sql_value(query))


def lit(s):
    """A SQL string literal."""
    return "'" + s.replace("'", "''") + "'"


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session", autouse=True)
def server_up():
    """Fails fast, with a clear message, when no server answers."""
    deadline = time.monotonic() + 10
    while True:
        try:
            if fetch("/healthz").status == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.exit("no onrecord server answers at %s" % BASE_URL, returncode=1)
        time.sleep(0.2)


@pytest.fixture(scope="session")
def seeded():
    """The seed dataset is loaded (the newsroom tests need it)."""
    n = int(sql_value("SELECT count(*) FROM statements"))
    assert n > 0, "the database has no statements: was `onrecord seed` run?"
    return n


@pytest.fixture(scope="session")
def write_keys():
    """API keys for the write tests (writes_support.Keys): .editor, .editor2,
    .admin, .revoked (an admin key, revoked) and .unknown (never issued);
    .name(label) is the key's name, as recorded in the change history."""
    import writes_support
    return writes_support.make_keys()
