"""The fault suite's own PostgreSQL cluster and onrecord servers.

Each run makes a throwaway cluster under /tmp (initdb, pg_ctl, as the
`postgres` OS user when run as root, like script/lib.sh), listening on a
Unix socket in its own directory only, with synchronous_commit=on: a commit
is acknowledged only once its WAL is written to the OS, so killing every
PostgreSQL process (the OS survives) loses nothing acknowledged. fsync stays
off, since the OS does not crash here.

Servers are `ONRECORD_BIN serve` (default build/onrecord) on free loopback
ports, each with its own log; leaving a server checks that it exited 0 on
SIGTERM and that its log has no sanitizer report. Every HTTP answer goes
through tests/api/conformance.py, as in the API suite.

Standard library + pytest + PyYAML + jsonschema only.
"""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO_ROOT, "tests", "api"))
import conformance  # noqa: E402  (tests/api/conformance.py)

PG_BINDIR = os.environ.get("ONRECORD_PG_BINDIR", "/usr/lib/postgresql/15/bin")
IS_ROOT = os.geteuid() == 0
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:")
PROBLEM_TYPE = "application/problem+json"


def onrecord_bin():
    path = os.environ.get("ONRECORD_BIN") or "build/onrecord"
    return path if os.path.isabs(path) else os.path.join(REPO_ROOT, path)


def as_pg(args):
    """args run as the cluster's owner (PostgreSQL refuses to run as root)."""
    if IS_ROOT:
        runuser = shutil.which("runuser") or "/usr/sbin/runuser"
        return [runuser, "-u", "postgres", "--"] + args
    return args


# ---------------------------------------------------------------- PostgreSQL


def _stat(pid):
    """(state, ppid, starttime) of a process, or None when it is gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return fields[0], int(fields[1]), int(fields[19])


def _alive(pid, starttime=None):
    st = _stat(pid)
    return st is not None and st[0] != "Z" and (starttime is None or st[2] == starttime)


class Cluster:
    """A private PostgreSQL 15 cluster on a Unix socket in its own directory."""

    def __init__(self):
        self.base = tempfile.mkdtemp(prefix="onrecord-faults-", dir="/tmp")
        os.chmod(self.base, 0o700)
        if IS_ROOT:
            shutil.chown(self.base, "postgres", "postgres")
        self.data = os.path.join(self.base, "data")
        self.log = os.path.join(self.base, "postgres.log")
        self.port = 5432  # names the socket file only: no TCP listener
        self.url = "postgresql:///onrecord?host=%s&port=%d&user=onrecord" % (self.base, self.port)
        self.admin_url = self.url.replace("///onrecord?", "///postgres?")

    def init(self):
        out = subprocess.run(as_pg([os.path.join(PG_BINDIR, "initdb"), "-D", self.data,
                                    "--username=onrecord", "--auth=trust", "-E", "UTF8",
                                    "--locale=C.UTF-8", "--no-sync"]),
                             cwd="/", capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stdout + out.stderr
        conf = "\n".join([
            "", "# onrecord fault suite (tests/faults/conftest.py)",
            "listen_addresses = ''",
            "unix_socket_directories = '%s'" % self.base,
            "port = %d" % self.port,
            "jit = off",
            "random_page_cost = 1.1",
            # Only processes die in these tests, never the OS: WAL written to
            # the OS at commit survives, so fsync may stay off ...
            "fsync = off",
            # ... but a commit must not be acknowledged before its WAL is
            # written: with synchronous_commit = off a kill -9 loses
            # acknowledged writes, and the durability test means nothing.
            "synchronous_commit = on",
            "max_connections = 100",
            "log_min_messages = warning",
            "",
        ])
        subprocess.run(as_pg(["tee", "-a", os.path.join(self.data, "postgresql.conf")]),
                       input=conf, text=True, cwd="/", check=True, capture_output=True)

    def pg_ctl(self, *args, timeout=60):
        return subprocess.run(as_pg([os.path.join(PG_BINDIR, "pg_ctl"), "-D", self.data] +
                                    list(args)), cwd="/", capture_output=True, text=True,
                              timeout=timeout)

    def start(self):
        out = self.pg_ctl("-l", self.log, "-w", "-t", "60", "-s", "start", timeout=90)
        assert out.returncode == 0, out.stdout + out.stderr + self.log_tail()

    def stop(self, mode="fast"):
        out = self.pg_ctl("-m", mode, "-w", "-t", "60", "-s", "stop", timeout=90)
        assert out.returncode == 0, out.stdout + out.stderr + self.log_tail()

    def running(self):
        return self.pg_ctl("status").returncode == 0

    def log_tail(self, n=3000):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()[-n:]
        except OSError:
            return ""

    def postmaster_pid(self):
        with open(os.path.join(self.data, "postmaster.pid")) as f:
            return int(f.readline())

    def children(self, pm):
        """(pid, starttime) of every process whose parent is the postmaster pm."""
        out = []
        for name in os.listdir("/proc"):
            if name.isdigit():
                st = _stat(int(name))
                if st and st[1] == pm:
                    out.append((int(name), st[2]))
        return out

    def kill9(self, orphans_grace=3.0):
        """kill -9 of the postmaster, as a crash would. Its backends, orphaned,
        notice and exit on their own; those still there after orphans_grace
        seconds are killed too (only processes this cluster's postmaster
        started), so that the cluster can start again. Returns
        (backends orphaned, of which exited on their own)."""
        pm = self.postmaster_pid()
        pm_start = _stat(pm)[2]
        kids = self.children(pm)
        os.kill(pm, signal.SIGKILL)
        # Gone, not only dead: a new postmaster takes a zombie for a running
        # one (kill(pid, 0) succeeds) until its parent, init, reaps it.
        deadline = time.monotonic() + 15
        while _stat(pm) and _stat(pm)[2] == pm_start:
            assert time.monotonic() < deadline, "the postmaster was never reaped"
            time.sleep(0.01)
        deadline = time.monotonic() + orphans_grace
        while any(_alive(p, s) for p, s in kids) and time.monotonic() < deadline:
            time.sleep(0.05)
        stubborn = [(p, s) for p, s in kids if _alive(p, s)]
        for p, s in stubborn:
            try:
                os.kill(p, signal.SIGKILL)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 10
        while any(_alive(p, s) for p, s in stubborn):
            assert time.monotonic() < deadline, "orphaned backends survived SIGKILL"
            time.sleep(0.01)
        return len(kids), len(kids) - len(stubborn)

    def psql(self, sql, url=None, app="zz-faults", timeout=30):
        """Runs sql with psql (stops at the first error); rows as lists of
        strings. A list of strings runs each as its own transaction, in turn."""
        commands = []
        for one in [sql] if isinstance(sql, str) else sql:
            commands += ["-c", one]
        out = subprocess.run(
            [os.path.join(PG_BINDIR, "psql"), "-X", "-q", "-A", "-t", "-F", "\x1f",
             "-v", "ON_ERROR_STOP=1", "-d", url or self.url] + commands,
            capture_output=True, text=True, timeout=timeout,
            env=dict(os.environ, PGAPPNAME=app))
        assert out.returncode == 0, out.stderr
        return [line.split("\x1f") for line in out.stdout.splitlines() if line != ""]

    def value(self, sql, **kw):
        rows = self.psql(sql, **kw)
        assert len(rows) == 1 and len(rows[0]) == 1, rows
        return rows[0][0]

    def wait_until(self, sql, seconds=10):
        """Polls sql (a boolean query) until it is true; fails after seconds."""
        deadline = time.monotonic() + seconds
        while self.value(sql) != "t":
            assert time.monotonic() < deadline, "never true: " + sql
            time.sleep(0.02)

    def session(self, app, url=None):
        """A psql session held open on stdin (for locks): see Session."""
        return Session(self, app, url)

    def onrecord(self, *args, timeout=120):
        return subprocess.run([onrecord_bin()] + list(args), capture_output=True, text=True,
                              timeout=timeout, env=dict(os.environ, DATABASE_URL=self.url))

    def destroy(self):
        if os.path.exists(os.path.join(self.data, "postmaster.pid")) and self.running():
            self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)


class Session:
    """An interactive psql session (a context manager): .run(sql) sends SQL
    and waits until it has run; leaving the block ends the session."""

    def __init__(self, cluster, app, url=None):
        self.cluster = cluster
        self.app = app
        self.proc = subprocess.Popen(
            [os.path.join(PG_BINDIR, "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
             "-d", url or cluster.url], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, env=dict(os.environ, PGAPPNAME=app))
        self.marks = 0

    def run(self, sql, timeout=10):
        """Sends sql and waits until it has run; the lines it printed."""
        self.marks += 1
        mark = "zz-done-%d" % self.marks
        self.proc.stdin.write(sql + "\n\\echo " + mark + "\n")
        self.proc.stdin.flush()
        deadline = time.monotonic() + timeout
        lines = []
        while True:
            assert time.monotonic() < deadline, "psql session did not finish: " + sql
            line = self.proc.stdout.readline()
            assert line, "psql session ended: " + self.proc.stderr.read()
            if line.strip() == mark:
                return lines
            lines.append(line.rstrip("\n"))

    def pid(self):
        return int(self.cluster.value(
            "SELECT pid FROM pg_stat_activity WHERE application_name = '%s'" % self.app))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return False


# ---------------------------------------------------------------- HTTP


class Response:
    def __init__(self, status, headers, raw, elapsed):
        self.status = status
        self.headers = headers
        self.raw = raw
        self.elapsed = elapsed
        self.body = None
        ctype = (headers.get("Content-Type") or "").split(";")[0].strip()
        if raw and not headers.get("Content-Encoding") and ctype in (
                "application/json", PROBLEM_TYPE):
            self.body = json.loads(raw.decode("utf-8"))

    def header(self, name, default=None):
        return self.headers.get(name, default)

    def is_problem(self, status, code=None):
        b = self.body
        return (self.status == status and
                (self.header("Content-Type") or "").startswith(PROBLEM_TYPE) and
                isinstance(b, dict) and b.get("status") == status and
                (code is None or b.get("code") == code))

    def __repr__(self):
        return "<Response %d %.3fs %r>" % (self.status, self.elapsed, self.raw[:300])


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def request(port, path, method="GET", headers=None, body=None, timeout=15, conn=None):
    """One request (on conn when given, else a new connection); a Response,
    checked against the API spec. Socket errors and timeouts propagate."""
    own = conn is None
    c = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    t0 = time.monotonic()
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        raw = r.read()
        elapsed = time.monotonic() - t0
        conformance.check(method, path, r.status, r.headers, raw)
        return Response(r.status, r.headers, raw, elapsed)
    finally:
        if own:
            c.close()


class Server:
    """`ONRECORD_BIN serve` on a free port against the cluster (a context
    manager). Leaving the block sends SIGTERM and checks exit 0 and a log
    without sanitizer reports."""

    def __init__(self, cluster, **env):
        self.cluster = cluster
        self.port = free_port()
        self.env = dict(os.environ, DATABASE_URL=cluster.url, ONRECORD_HOST="127.0.0.1",
                        ONRECORD_PORT=str(self.port), ONRECORD_THREADS="2")
        lsan = os.path.join(REPO_ROOT, "tests", "lsan.supp")
        self.env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0:halt_on_error=1")
        self.env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
        if os.path.exists(lsan):
            self.env.setdefault("LSAN_OPTIONS", "suppressions=" + lsan)
        self.env.update(env)
        self.logpath = os.path.join(tempfile.gettempdir(), "onrecord-faults-server-%d.log"
                                    % self.port)
        self.proc = None

    def __enter__(self):
        self.logfile = open(self.logpath, "wb")
        self.proc = subprocess.Popen([onrecord_bin(), "serve"], env=self.env,
                                     stdout=self.logfile, stderr=self.logfile,
                                     stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            assert self.proc.poll() is None, "server exited: " + self.log()
            try:
                if self.get("/readyz", timeout=5).status == 200:
                    return self
            except OSError:
                pass
            assert time.monotonic() < deadline, "server never became ready: " + self.log()
            time.sleep(0.05)

    def get(self, path, headers=None, timeout=15, conn=None):
        return request(self.port, path, headers=headers, timeout=timeout, conn=conn)

    def post(self, path, body, key, idempotency_key=None, timeout=15, conn=None):
        headers = {"Authorization": "Bearer " + key, "Content-Type": "application/json"}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        return request(self.port, path, method="POST", headers=headers,
                       body=json.dumps(body).encode(), timeout=timeout, conn=conn)

    def alive(self):
        return self.proc.poll() is None

    def log(self):
        with open(self.logpath, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def __exit__(self, *exc):
        try:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    rc = self.proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
                    raise AssertionError("server ignored SIGTERM: " + self.log()[-3000:])
            else:
                rc = self.proc.returncode
            self.logfile.close()
            log = self.log()
            for marker in SANITIZER_MARKERS:
                assert marker not in log, "sanitizer report in the server log:\n" + \
                    log[log.find(marker) - 200:][:6000]
            if exc[0] is None:
                assert rc == 0, "server exited %s: %s" % (rc, log[-3000:])
        finally:
            if not self.logfile.closed:
                self.logfile.close()
            if exc[0] is None:
                os.unlink(self.logpath)
        return False


def report(title, figures):
    """Prints a test's measured figures (seen with pytest -s or -rP) and
    appends them as one JSON line to $ONRECORD_FAULTS_FIGURES when set."""
    print("\nfault figures (%s): %s" % (title, json.dumps(figures)))
    path = os.environ.get("ONRECORD_FAULTS_FIGURES")
    if path:
        with open(path, "a") as f:
            f.write(json.dumps({"test": title, "figures": figures}) + "\n")


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def cluster():
    """The suite's cluster, migrated and seeded; removed at the end."""
    for tool in ("initdb", "pg_ctl", "postgres", "psql"):
        assert os.access(os.path.join(PG_BINDIR, tool), os.X_OK), "no %s in %s" % (tool,
                                                                                   PG_BINDIR)
    assert os.access(onrecord_bin(), os.X_OK), "no onrecord binary at " + onrecord_bin()
    c = Cluster()
    try:
        c.init()
        c.start()
        c.psql("CREATE DATABASE onrecord", url=c.admin_url)
        for step in ("migrate", "seed"):
            out = c.onrecord(step)
            assert out.returncode == 0, out.stdout + out.stderr
        assert c.value("SHOW synchronous_commit") == "on"
        yield c
    finally:
        c.destroy()


@pytest.fixture
def db(cluster):
    """The cluster, running (a test that stops or kills it restarts it, but
    a failed one may not have)."""
    if not cluster.running():
        cluster.start()
    yield cluster
    if not cluster.running():
        cluster.start()


@pytest.fixture(scope="session")
def editor_key(cluster):
    out = cluster.onrecord("keys", "create", "--name", "faults-editor", "--role", "editor")
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()
