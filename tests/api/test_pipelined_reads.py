"""Reads are pipelined (server/db.c, docs/ARCHITECTURE.md): a worker sends
the queries of every read it has in hand down its database connections for
reads, taken in turn, without waiting, and answers each request from its
own result. Most of these tests ask a second server with a single worker
and a single connection for reads, so that concurrent readers share it and
their queries go out in the same batches:

- twelve desks reading at once each get exactly what a lone reader gets;
- a query the database refuses (a chart of more than 1000 buckets: 400)
  does not spoil the queries sent in the same batch, which PostgreSQL skips
  after an error until the batch ends, and the server sends again;
- when the database ends the connection, a request waiting on it gets 503
  (never a wrong answer or a 500), and the next ones are served on a new
  connection, without a restart; under load, too;
- SIGTERM lets a read waiting on the database finish before the server
  exits;
- a client's connections are spread evenly over the workers;
- a worker with several connections for reads sends its reads down each in
  turn, and readers sharing them still get their own answers."""
import http.client
import json
import os
import signal
import subprocess
import threading
import time

import pytest

from conftest import DATABASE_URL, _psql_path, fetch, lit, sql_col, sql_value
from writes_support import SecondServer

DESKS = 12
ROUNDS = 3


def _server(workers="1", read_connections="1"):
    """A second server with `workers` worker threads, each sending its reads
    down `read_connections` database connections."""
    return SecondServer(ONRECORD_THREADS=workers, ONRECORD_READ_CONNECTIONS=read_connections,
                        ONRECORD_ACCESS_LOG="0")


def _mix():
    """(path, status) pairs: single records, lists, misses and refused charts."""
    ids = [int(i) for i in sql_col("SELECT id FROM statements ORDER BY id LIMIT 40")]
    paths = ["/v1/statements/%d" % i for i in ids]
    paths += ["/v1/statements/%s" % sql_value("SELECT max(id) + 1000 FROM statements"),  # 404
              "/v1/stats/stances?interval=month&from=1900-01-01&to=2024-01-01",  # 400 (ORBP0)
              "/v1/actors/alan-gagloev/statements?limit=3",
              "/v1/topics/south-ossetia-joins-russia/stances",
              "/v1/statements?q=union+state&sort=relevance&limit=5",
              "/v1/recognitions?territory=south-ossetia&on=2012-01-01",
              "/v1/stats/stances?topic=no-such-topic"]                # 404 from a first query
    return paths


def _comparable(r):
    """Status and body, without the fields that differ between two asks."""
    body = r.body
    if isinstance(body, dict):
        body = {k: v for k, v in body.items() if k not in ("request_id",)}
    return r.status, body


class _Answer:
    def __init__(self, status, raw):
        self.status = status
        self.body = json.loads(raw)


def _ask(conn, path):
    """A GET on a kept-alive connection (no spec check: thousands of these)."""
    conn.request("GET", path)
    r = conn.getresponse()
    return _Answer(r.status, r.read())


def _desk(port, paths, offset, expected, failures, allow_503=False):
    """One reader on one keep-alive connection, asking every path in turn."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        for k in range(len(paths) * ROUNDS):
            path = paths[(offset + k) % len(paths)]
            r = _ask(conn, path)
            if allow_503 and r.status == 503:
                if r.body.get("code") != "unavailable":
                    failures.append((path, r.status, r.body))
                continue
            if _comparable(r) != expected[path]:
                failures.append((path, r.status, r.body))
    except Exception as e:  # noqa: BLE001 - reported by the test
        failures.append(("exception", repr(e)))
    finally:
        conn.close()


def _run_desks(port, paths, expected, allow_503=False, during=None):
    failures = []
    threads = [threading.Thread(target=_desk,
                                args=(port, paths, i * 7, expected, failures, allow_503))
               for i in range(DESKS)]
    for t in threads:
        t.start()
    if during:
        during()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads), "a desk never got its answers"
    return failures


@pytest.mark.parametrize("read_connections", ["1", "3"])
def test_concurrent_readers_sharing_connections_each_get_their_own_answer(seeded,
                                                                          read_connections):
    paths = _mix()
    # What a lone reader gets from the suite's server.
    expected = {p: _comparable(fetch(p)) for p in paths}
    statuses = sorted({s for s, _ in expected.values()})
    assert statuses == [200, 400, 404], statuses
    with _server(read_connections=read_connections) as server:
        failures = _run_desks(server.port, paths, expected)
        assert failures == [], failures[:5]
        log = server.log()
    # The refused charts were answered 400; nothing was logged as a bug.
    assert "this is a bug" not in log and "failed (" not in log, log[-3000:]


def _backends():
    return set(sql_col("SELECT pid FROM pg_stat_activity WHERE application_name = 'onrecord' "
                       "AND datname = current_database()"))


def _wait_until(query, seconds=15):
    deadline = time.monotonic() + seconds
    while sql_value(query) != "t":
        assert time.monotonic() < deadline, "never true: " + query
        time.sleep(0.02)


class _Locked:
    """`table` locked by another session (a context manager), so a read
    that uses it waits in PostgreSQL until release(); statement_documents
    holds up a read of a statement."""

    def __init__(self, table="statement_documents"):
        self.app = "zz-lock-%d" % os.getpid()
        self.table = table
        self.proc = None

    def __enter__(self):
        self.proc = subprocess.Popen(
            [_psql_path(), "-X", "-q", "-d", DATABASE_URL, "-c",
             "BEGIN; LOCK TABLE %s IN ACCESS EXCLUSIVE MODE; "
             "SELECT pg_sleep(30); COMMIT" % self.table],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=dict(os.environ, PGAPPNAME=self.app))
        _wait_until("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = "
                    "%s AND wait_event = 'PgSleep')" % lit(self.app))
        return self

    def release(self):
        sql_value("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                  "WHERE application_name = %s" % lit(self.app))
        self.proc.wait(15)

    def __exit__(self, *exc):
        self.release()
        return False


def _ask_in_background(server, path):
    answers = []
    asker = threading.Thread(target=lambda: answers.append(server.fetch(path)))
    asker.start()
    return asker, answers


def _wait_for_lock(pid):
    _wait_until("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = %d "
                "AND wait_event_type = 'Lock')" % pid)


def test_a_read_waiting_when_the_database_ends_the_connection_gets_503(seeded):
    """The read is held in PostgreSQL behind a lock, so it is surely in
    flight when its connection is ended."""
    path = "/v1/statements/%s" % sql_value("SELECT min(id) FROM statements")
    expected = _comparable(fetch(path))
    before = _backends()
    with _server() as server:
        assert _comparable(server.fetch(path)) == expected
        ours = _backends() - before
        assert len(ours) == 1, ours
        pid = int(ours.pop())
        with _Locked():
            asker, answers = _ask_in_background(server, path)
            _wait_for_lock(pid)
            sql_value("SELECT pg_terminate_backend(%d)" % pid)
            asker.join(15)
            assert answers, "the waiting read was never answered"
            r = answers[0]
            assert r.status == 503 and r.body["code"] == "unavailable", (r.status, r.body)
            assert r.header("Retry-After") == "2"
        # The next read connects again and gets its answer.
        assert _comparable(server.fetch(path)) == expected


def test_sigterm_lets_a_read_waiting_on_the_database_finish(seeded):
    path = "/v1/statements/%s" % sql_value("SELECT min(id) FROM statements")
    expected = _comparable(fetch(path))
    before = _backends()
    with _server() as server:
        assert _comparable(server.fetch(path)) == expected
        (pid,) = [int(p) for p in _backends() - before]
        with _Locked() as lock:
            asker, answers = _ask_in_background(server, path)
            _wait_for_lock(pid)
            server.proc.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            assert server.proc.poll() is None, "the server did not wait for the read"
            lock.release()
            asker.join(15)
        assert answers and _comparable(answers[0]) == expected
        assert server.proc.wait(10) == 0


@pytest.mark.parametrize("read_connections", ["1", "2"])
def test_connections_the_database_ends_under_load_give_503_then_recover(seeded,
                                                                        read_connections):
    paths = [p for p in _mix() if "q=" not in p]
    expected = {p: _comparable(fetch(p)) for p in paths}
    before = _backends()
    with _server(read_connections=read_connections) as server:
        for p in paths[:2]:  # one read down each connection
            assert server.fetch(p).status == 200
        ours = _backends() - before
        assert len(ours) == int(read_connections), ours

        def terminate():
            time.sleep(0.2)
            for pid in ours:
                sql_value("SELECT pg_terminate_backend(%d)" % int(pid))

        failures = _run_desks(server.port, paths, expected, allow_503=True, during=terminate)
        assert failures == [], failures[:5]
        # Served again on a new connection, by the same process.
        for p in paths:
            assert _comparable(server.fetch(p)) == expected[p], p
        assert not (_backends() - before) & ours


def test_a_clients_connections_are_spread_over_the_workers(seeded):
    """Four connections to a server of four workers: each worker gets one,
    so the reads on them go down four database connections, not one or two
    (server/http.c, acceptor_main)."""
    path = "/v1/statements/%s" % sql_value("SELECT min(id) FROM statements")
    expected = _comparable(fetch(path))
    before = _backends()
    with _server(workers="4") as server:
        conns = [http.client.HTTPConnection("127.0.0.1", server.port, timeout=15)
                 for _ in range(4)]
        try:
            for c in conns:
                c.connect()  # all four open before the first request
            for c in conns:
                assert _comparable(_ask(c, path)) == expected
        finally:
            for c in conns:
                c.close()
        assert len(_backends() - before) == 4


def test_a_worker_sends_its_reads_down_its_connections_in_turn(seeded):
    """One worker with three connections for reads: three reads in a row
    open all three, the next three reuse them, and a read held in one of
    them (behind a lock) does not hold up reads sent down the others."""
    path = "/v1/statements/%s" % sql_value("SELECT min(id) FROM statements")
    other = "/v1/topics/south-ossetia-joins-russia"
    expected = _comparable(fetch(path))
    expected_other = _comparable(fetch(other))
    before = _backends()
    with _server(read_connections="3") as server:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=15)
        try:
            for k in range(3):
                assert _comparable(_ask(conn, path)) == expected
                assert len(_backends() - before) == k + 1
            ours = _backends() - before
            for _ in range(3):
                assert _comparable(_ask(conn, path)) == expected
            assert _backends() - before == ours
            with _Locked():
                # The next read goes down the first connection and waits there.
                asker, answers = _ask_in_background(server, path)
                _wait_until("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE "
                            "application_name = 'onrecord' AND wait_event_type = 'Lock')")
                # The two after it go down the other two, and are answered.
                for _ in range(2):
                    assert _comparable(_ask(conn, other)) == expected_other
                assert not answers, "the locked read was answered early"
            asker.join(15)
            assert answers and _comparable(answers[0]) == expected
        finally:
            conn.close()
