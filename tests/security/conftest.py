"""The stack the sqlmap tests run against, all of it their own.

A throwaway PostgreSQL cluster (script/lib.sh's functions, under a fresh
mktemp directory), migrated and seeded; an editor key; an onrecord server
(ONRECORD_BIN, default build/onrecord) on a free loopback port with its
access log on stderr in a file; and the positive control (injectable.py).
sqlmap's thousands of requests and writes touch nothing else. Everything is
stopped at the end of the session, by pid.

Environment:
  ONRECORD_BIN               the server under test (default build/onrecord)
  ONRECORD_SECURITY_PROFILE  short (default) or full (sqlmap_harness.PROFILES)
  ONRECORD_SECURITY_OUT      where sqlmap's output directories and the verdict
                             table go (default var/security/<profile>)
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import pytest

import sqlmap_harness
from injectable import InjectableServer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROFILE = os.environ.get("ONRECORD_SECURITY_PROFILE", "short")
if PROFILE not in sqlmap_harness.PROFILES:
    raise SystemExit("ONRECORD_SECURITY_PROFILE must be one of %s" % sorted(sqlmap_harness.PROFILES))
OUT = os.environ.get("ONRECORD_SECURITY_OUT") or os.path.join(ROOT, "var", "security", PROFILE)

# Placeholders in the target table (targets are collected before the stack runs).
BASE, KEY, CONTROL = "http://onrecord.invalid", "KEY-PLACEHOLDER", "http://control.invalid"

# One access log line per request (server/http.c, on_completed), its method
# and path escaped (no spaces, no newlines): "GET /v1/statements 200 0.52ms id=..."
ACCESS = re.compile(r"^(?P<method>\S+) (?P<path>\S+) (?P<status>\d{3}) [\d.]+ms id=\S+")
# sqlmap's traffic file: "HTTP response [#12] (500 Internal Server Error):"
TRAFFIC_STATUS = re.compile(r"^HTTP (?:response|error) \[#\d+\] \((?P<status>\d{3})[^)]*\)", re.M)
SANITIZER = re.compile(r"ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:")


def onrecord_bin():
    path = os.environ.get("ONRECORD_BIN") or "build/onrecord"
    return path if os.path.isabs(path) else os.path.join(ROOT, path)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def lib_sh(script, *args, timeout=120):
    """Runs bash with script/lib.sh sourced (cwd: the repository); its stdout."""
    cmd = ["bash", "-c", "set -euo pipefail; . script/lib.sh; " + script, "lib.sh"] + list(args)
    return subprocess.run(cmd, cwd=ROOT, check=True, timeout=timeout, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE).stdout.decode()


def http_get(url, timeout=10):
    """(status, body bytes); errors are answers too."""
    req = urllib.request.Request(url, headers={"Cache-Control": "no-cache"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


class Stack:
    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix="onrecord-sec.", dir="/tmp")
        os.chmod(self.tmp, 0o755)
        self.pg_base = os.path.join(self.tmp, "pg")
        self.server = None
        self.control = None
        self.results = {}  # target id -> Result
        self.rows = []  # the verdict table
        self.five_hundreds = []  # (target id, access log line or sqlmap's record of one)
        self.unlogged = []  # (target id, requests sqlmap sent, lines the access log has)
        shutil.rmtree(OUT, ignore_errors=True)
        os.makedirs(OUT)
        self.log_path = os.path.join(OUT, "server.log")

    def start(self):
        self.database_url = lib_sh(
            'pg_check_tools; pg_prepare "$1"; pg_init throwaway >&2; pg_start >&2; pg_url',
            self.pg_base).strip()
        env = dict(os.environ, DATABASE_URL=self.database_url)
        self.env = env
        for cmd in (["migrate"], ["seed"]):
            subprocess.run([onrecord_bin()] + cmd, env=env, check=True, timeout=300,
                           stdout=subprocess.DEVNULL)
        self.key = subprocess.run(
            [onrecord_bin(), "keys", "create", "--name", "zz-sqlmap", "--role", "editor"],
            env=env, check=True, timeout=60, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL).stdout.decode().strip()
        assert re.fullmatch(r"\S+", self.key), "keys create printed %r" % self.key
        port = free_port()
        self.base = "http://127.0.0.1:%d" % port
        senv = dict(env, ONRECORD_HOST="127.0.0.1", ONRECORD_PORT=str(port), ONRECORD_ACCESS_LOG="1")
        senv.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0:halt_on_error=1")
        senv.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
        supp = os.path.join(ROOT, "tests", "lsan.supp")
        if os.path.isfile(supp):
            senv.setdefault("LSAN_OPTIONS", "suppressions=" + supp)
        self.log = open(self.log_path, "wb")
        self.server = subprocess.Popen([onrecord_bin(), "serve"], env=senv, stdout=self.log,
                                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        for _ in range(600):  # 60 s
            if self.server.poll() is not None:
                raise RuntimeError("onrecord exited %s:\n%s" % (self.server.returncode, self.log_text()))
            try:
                if http_get(self.base + "/readyz", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            raise RuntimeError("onrecord never became ready:\n" + self.log_text()[-3000:])
        self.control = InjectableServer()

    def log_text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def log_size(self):
        return os.path.getsize(self.log_path)

    def resolve(self, target):
        """target with the placeholders filled in (a copy)."""
        t = sqlmap_harness.Target(target.endpoint, target.points, target.kind, target.url,
                                  data=target.data, method=target.method, headers=target.headers,
                                  extra=target.extra, expect=target.expect,
                                  onrecord=target.onrecord, answers=target.answers,
                                  dbms=target.dbms)

        def fill(s):
            return s.replace(BASE, self.base).replace(KEY, self.key).replace(CONTROL, self.control.url)

        t.url = fill(t.url)
        t.headers = [fill(h) for h in t.headers]
        if "{cursor}" in t.url:
            list_url = t.url.split("?")[0] + "?limit=1"
            status, body = http_get(list_url)
            assert status == 200, "GET %s answered %d" % (list_url, status)
            cursor = json.loads(body).get("next_cursor")
            if not cursor and list_url.split("?")[0].endswith("/history"):
                # A record written once has one change: a page after the
                # first change there is (positions start at 1) is not empty.
                cursor = sqlmap_harness.cursor_of(["history", "1"])
            assert cursor, "GET %s has no next page: no cursor to test" % list_url
            t.url = t.url.replace("{cursor}", cursor)
        return t

    def check_base(self, t):
        """A GET target's own URL (no payload) must answer a non-empty 200."""
        if t.method or t.data is not None:
            return
        url = t.url.replace("*", "")
        status, body = http_get(url)
        assert status == 200, "base request GET %s answered %d: %s" % (url, status, body[:300])
        doc = json.loads(body)
        if isinstance(doc, dict) and "data" in doc:
            assert doc["data"], "base request GET %s answers an empty list" % url

    def run(self, target):
        """The Result of target's run, running it the first time."""
        if target.id in self.results:
            return self.results[target.id]
        t = self.resolve(target)
        if t.onrecord:
            self.check_base(t)
        before = self.log_size()
        result = sqlmap_harness.run(t, PROFILE, OUT)
        self.results[target.id] = result
        if t.onrecord:
            with open(self.log_path, "rb") as f:
                f.seek(before)
                lines = f.read().decode("utf-8", "replace").splitlines()
            logged = 0
            for line in lines:
                m = ACCESS.match(line)
                if m:
                    logged += 1
                if m and m.group("status").startswith("5") and m.group("status") != "503":
                    self.five_hundreds.append((target.id, "server log: " + line))
            # The client's side too: an answer MHD gave without the handler is not logged.
            traffic = sqlmap_harness.read_text(os.path.join(result.out, "traffic.txt"))
            for m in TRAFFIC_STATUS.finditer(traffic):
                if m.group("status").startswith("5") and m.group("status") != "503":
                    self.five_hundreds.append((target.id, "sqlmap got: " + m.group(0)))
            if logged < result.total:
                self.unlogged.append((target.id, result.total, logged))
        for label, name in target.points:
            v, _ = result.verdict(name)
            self.rows.append((target.endpoint, label, PROFILE, v, result.requests.get(name, 0),
                              result.total, round(result.seconds, 1)))
        self.write_table()  # as it goes: a long run cut short keeps what it found
        return result

    def write_table(self):
        rows = ["| endpoint | parameter | profile | verdict | requests | run's requests | run's seconds |",
                "| --- | --- | --- | --- | ---: | ---: | ---: |"]
        rows += ["| %s | %s | %s | %s | %d | %d | %.1f |" % r for r in self.rows]
        with open(os.path.join(OUT, "verdicts.md"), "w") as f:
            f.write("\n".join(rows) + "\n")
        with open(os.path.join(OUT, "verdicts.json"), "w") as f:
            json.dump([dict(zip(("endpoint", "parameter", "profile", "verdict", "requests",
                                 "run_requests", "run_seconds"), r)) for r in self.rows], f, indent=1)

    def stop_server(self):
        """SIGTERM the server; its exit status (None if it had already died)."""
        if self.server is None:
            return None
        if self.server.poll() is not None:
            rc = self.server.returncode
            self.server = None
            return ("died", rc)
        self.server.send_signal(signal.SIGTERM)
        try:
            rc = self.server.wait(30)
        except subprocess.TimeoutExpired:
            self.server.kill()
            rc = self.server.wait(10)
        self.server = None
        return ("stopped", rc)

    def close(self):
        try:
            self.stop_server()
        finally:
            if self.control:
                self.control.stop()
            if getattr(self, "log", None):
                self.log.close()
            if os.path.isdir(os.path.join(self.pg_base, "data")):
                try:
                    lib_sh('pg_prepare "$1"; PG_STARTED=1; pg_stop >&2', self.pg_base)
                except subprocess.SubprocessError:
                    pass
            shutil.rmtree(self.tmp, ignore_errors=True)


_STACK = []


@pytest.fixture(scope="session")
def stack():
    s = Stack()
    _STACK.append(s)
    try:
        s.start()
        yield s
    finally:
        s.write_table()
        s.close()


def pytest_terminal_summary(terminalreporter):
    if not _STACK or not _STACK[0].rows:
        return
    s = _STACK[0]
    tr = terminalreporter
    tr.section("sqlmap verdicts (%s profile)" % PROFILE)
    counts = {}
    for row in s.rows:
        counts[row[3]] = counts.get(row[3], 0) + 1
    tr.write_line("points: %s; runs: %d; requests: %d; table: %s" % (
        ", ".join("%d %s" % (n, v) for v, n in sorted(counts.items())), len(s.results),
        sum(r.total for r in s.results.values()), os.path.join(OUT, "verdicts.md")))
    for row in s.rows:
        if row[3] != "clean":
            tr.write_line("  %s %s: %s" % (row[0], row[1], row[3]))
