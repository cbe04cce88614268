"""Helpers for the write-side API tests (test_writes_*.py).

Every record these tests create has a slug (or title) starting with
`zz-<RUN>-`, RUN being unique to this pytest process, so the tests never
touch the seed records and never collide with each other or with an earlier
run against the same database. API keys come from the session fixture
`write_keys` in conftest.py (created with `onrecord keys create`).

Standard library only.
"""
import http.client
import itertools
import json
import os
import re
import signal
import socket
import subprocess
import tempfile
import threading
import time

from conftest import (DATABASE_URL, assert_problem, fetch, lit, onrecord_bin,
                      sql_value)

RUN = "r%d%d" % (os.getpid(), int(time.time() * 1000) % 1000000)
PREFIX = "zz-%s-" % RUN

_counter = itertools.count(1)
_counter_lock = threading.Lock()


def uniq(label="x"):
    """A slug no other call in this run returns: zz-<RUN>-<label>-<n>."""
    with _counter_lock:
        n = next(_counter)
    return "%s%s-%d" % (PREFIX, label, n)


# ---------------------------------------------------------------- HTTP


def call(method, path, body=None, key=None, headers=None, ctype="application/json",
         conn=None):
    """One request with an optional JSON body (dict/list/str/... or raw bytes)
    and an optional Bearer key; returns conftest.Response."""
    h = {}
    if key is not None:
        h["Authorization"] = "Bearer " + key
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        if ctype is not None:
            h["Content-Type"] = ctype
    h.update(headers or {})
    return fetch(path, method, h, data, conn)


def post(path, body, key, **kw):
    return call("POST", path, body, key, **kw)


def patch(path, body, key, **kw):
    kw.setdefault("ctype", "application/merge-patch+json")
    return call("PATCH", path, body, key, **kw)


def delete(path, key, **kw):
    return call("DELETE", path, None, key, **kw)


RECORD_ETAG = re.compile(r'^"([1-9][0-9]*)\.([0-9a-f]{16})"$')


def etag_parts(r):
    """A record's strong ETag, '"3.9f2c04e1a7b3d655"' -> (3, '9f2c04e1a7b3d655'): the
    version (what If-Match compares) and a hash of the representation."""
    tag = r.header("ETag")
    m = RECORD_ETAG.match(tag or "")
    assert m, "not a record ETag \"<version>.<16 hex>\": %r" % (tag,)
    return int(m.group(1)), m.group(2)


def etag_version(r):
    """The version in a record's ETag header: '"3.9f2c04e1a7b3d655"' -> 3."""
    return etag_parts(r)[0]


def pointers(r):
    return [e["pointer"] for e in r.body.get("errors", [])]


def assert_invalid(r, *expected_pointers):
    """A 422 invalid-body problem listing exactly these pointers (in any order)."""
    body = assert_problem(r, 422, code="invalid-body")
    got = sorted(pointers(r))
    assert got == sorted(expected_pointers), body
    for e in body["errors"]:
        assert isinstance(e["detail"], str) and e["detail"], body
    return body


# ---------------------------------------------------------------- records


def actor_body(slug=None, **over):
    body = {"slug": slug or uniq("actor"), "name": "Test Person %s" % RUN, "kind": "person"}
    body.update(over)
    return body


def topic_body(slug=None, **over):
    slug = slug or uniq("topic")
    body = {"slug": slug, "proposition": "Proposition %s should pass" % slug}
    body.update(over)
    return body


def outlet_body(slug=None, **over):
    body = {"slug": slug or uniq("outlet"), "name": "Test Outlet %s" % RUN,
            "state_owned": False}
    body.update(over)
    return body


def source_body(**over):
    body = {"title": "%s report %d" % (PREFIX, next(_counter)), "language": "en",
            "kind": "article"}
    body.update(over)
    return body


def statement_body(actor, sources, stances=None, **over):
    """A statement by `actor` (a slug) reported in `sources` (ids)."""
    body = {"actor": actor, "said_on": "2024-08-15", "kind": "direct_quote", "language": "en",
            "summary": "Test statement by %s" % actor,
            "reports": [{"source": s, "wording": "We said this (%s)." % s} for s in sources]}
    if stances is not None:
        body["stances"] = stances
    body.update(over)
    return body


def create(path, body, key):
    """POSTs body to path; must answer 201. Returns the Response."""
    r = post(path, body, key)
    assert r.status == 201, (path, body, r)
    return r


def make_actor(key, **over):
    return create("/v1/actors", actor_body(**over), key).body


def make_topic(key, **over):
    return create("/v1/topics", topic_body(**over), key).body


def make_outlet(key, **over):
    return create("/v1/outlets", outlet_body(**over), key).body


def make_source(key, **over):
    return create("/v1/sources", source_body(**over), key).body


def make_statement(key, actor, sources, stances=None, **over):
    return create("/v1/statements", statement_body(actor, sources, stances, **over), key).body


def make_role(key, actor, **over):
    body = {"actor": actor, "title": "Test minister"}
    body.update(over)
    return create("/v1/roles", body, key).body


# ---------------------------------------------------------------- psql


def count(table, where="true"):
    return int(sql_value("SELECT count(*) FROM %s WHERE %s" % (table, where)))


def max_position():
    return int(sql_value("SELECT coalesce(max(position), 0) FROM changes"))


def table_counts():
    """Row counts of every table a write can touch (one psql call)."""
    tables = ("actors", "roles", "outlets", "sources", "statements", "statement_reports",
              "topics", "stances", "recognitions", "recognition_sources", "changes",
              "idempotency_keys")
    row = sql_value("SELECT concat_ws(',', %s)" % ", ".join(
        "(SELECT count(*) FROM %s)" % t for t in tables))
    return dict(zip(tables, (int(x) for x in row.split(","))))


def slug_count(table, prefix):
    return count(table, "slug LIKE %s" % lit(prefix.replace("_", "\\_") + "%"))


# ---------------------------------------------------------------- the binary


def run_onrecord(*args, stdin=None, timeout=120):
    """Runs ONRECORD_BIN with args against DATABASE_URL; returns CompletedProcess."""
    env = dict(os.environ, DATABASE_URL=DATABASE_URL)
    return subprocess.run([onrecord_bin()] + list(args), env=env, capture_output=True,
                          text=True, timeout=timeout, input=stdin)


class Keys:
    """The plain API keys of this run (and their names)."""

    def __init__(self):
        self.names = {}
        self.plain = {}

    def create(self, label, role):
        name = "t-%s-%s" % (RUN, label)
        p = run_onrecord("keys", "create", "--name", name, "--role", role)
        assert p.returncode == 0, p.stderr
        key = p.stdout.strip()
        assert key and "\n" not in key, p.stdout
        self.names[label] = name
        self.plain[label] = key
        return key

    def revoke(self, label):
        p = run_onrecord("keys", "revoke", self.names[label])
        assert p.returncode == 0, p.stderr

    def __getattr__(self, label):
        try:
            return self.__dict__["plain"][label]
        except KeyError:
            raise AttributeError(label)

    def name(self, label):
        return self.names[label]


def make_keys():
    keys = Keys()
    keys.create("editor", "editor")
    keys.create("editor2", "editor")
    keys.create("admin", "admin")
    keys.create("revoked", "admin")
    keys.revoke("revoked")
    # Well formed (the server's alphabet and length), but never issued.
    keys.plain["unknown"] = "ork_" + "Q" * 43
    keys.names["unknown"] = None
    return keys



# ---------------------------------------------------------------- a second server


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class SecondServer:
    """`ONRECORD_BIN serve` on a free port with extra environment, same
    database; a context manager. .fetch(path, headers) asks it; .log() is
    everything it printed; leaving the block sends SIGTERM and checks exit 0."""

    def __init__(self, **env):
        self.port = free_port()
        self.env = dict(os.environ, DATABASE_URL=DATABASE_URL, ONRECORD_HOST="127.0.0.1",
                        ONRECORD_PORT=str(self.port), ONRECORD_THREADS="2")
        self.env.update(env)
        self.proc = None
        self.logfile = None

    def __enter__(self):
        self.logfile = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([onrecord_bin(), "serve"], env=self.env,
                                     stdout=self.logfile, stderr=self.logfile,
                                     stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            assert self.proc.poll() is None, "second server exited: %s" % self.log()
            try:
                if self.fetch("/healthz").status == 200:
                    return self
            except OSError:
                pass
            assert time.monotonic() < deadline, "second server never answered: " + self.log()
            time.sleep(0.05)

    def fetch(self, path, headers=None, method="GET", body=None):
        """conftest.fetch (spec conformance included) against this server."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        try:
            return fetch(path, method=method, headers=headers, body=body, conn=c)
        finally:
            c.close()

    def log(self):
        self.logfile.seek(0)
        return self.logfile.read().decode("utf-8", "replace")

    def __exit__(self, *exc):
        try:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.rc = self.proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
                    raise AssertionError("second server ignored SIGTERM")
            else:
                self.rc = self.proc.returncode
            if exc[0] is None:
                log = self.log()
                assert self.rc == 0, "second server exited %s: %s" % (self.rc, log[-3000:])
                for marker in ("AddressSanitizer", "LeakSanitizer", "runtime error:"):
                    assert marker not in log, log[-5000:]
        finally:
            self.logfile.close()
        return False
