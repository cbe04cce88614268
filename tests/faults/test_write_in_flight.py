"""A write in flight when its database connection goes: PostgreSQL restarts
(fast shutdown: its backends are told to end), or that one backend is
ended with pg_terminate_backend. The write is held in PostgreSQL behind
another session's lock, so it is surely in flight. It must be answered 503
with Retry-After, never a success it did not have; nothing is written; the
same request retried is written once; and the same server process goes on
(the next request opens a new connection)."""
import threading
import time

from conftest import Server

BODY = {"actor": "alan-gagloev", "said_on": "2024-08", "kind": "paraphrase", "language": "en",
        "reports": [{"source": 1, "wording": "a wording in flight"}]}


def write_backend(db, read_pids):
    """pid of the server's write connection: its worker connection that is not a reader."""
    rows = db.psql("SELECT pid FROM pg_stat_activity WHERE application_name = 'onrecord' "
                   "AND datname = 'onrecord'")
    pids = {int(r[0]) for r in rows} - read_pids
    assert len(pids) == 1, pids
    return pids.pop()


def held_write(db, server, key, ikey, summary, cut):
    """POSTs while `statements` is locked; once the write waits for the lock,
    cut(pid of its backend) ends its connection. The answer."""
    body = dict(BODY, summary=summary)
    answers = []
    with db.session("zz-faults-lock") as lock:
        lock.run("BEGIN; LOCK TABLE statements IN ACCESS EXCLUSIVE MODE;")
        t = threading.Thread(target=lambda: answers.append(
            server.post("/v1/statements", body, key, ikey, timeout=20)))
        t.start()
        db.wait_until("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE "
                      "application_name = 'onrecord' AND wait_event_type = 'Lock')")
        pid = int(db.value("SELECT pid FROM pg_stat_activity WHERE application_name = "
                           "'onrecord' AND wait_event_type = 'Lock'"))
        cut(pid)
        t.join(25)
    assert answers, "the write in flight was never answered"
    return answers[0], body


def check_then_retry(db, server, key, ikey, r, body):
    """The write was cut while it waited for the lock, so it cannot have
    committed: 503 is the only right answer. Retried at once (the next
    request must get a new connection, not the dying one), it is written."""
    assert r.is_problem(503, "unavailable"), r
    assert r.header("Retry-After") == "2"
    again = server.post("/v1/statements", body, key, ikey)
    assert again.status == 201, again
    count = "SELECT count(*) FROM statements WHERE summary = '%s'" % body["summary"]
    assert db.value(count) == "1"
    # and once more: the stored answer, nothing new
    third = server.post("/v1/statements", body, key, ikey)
    assert third.status == 201 and third.body["id"] == again.body["id"]
    assert db.value(count) == "1"


def test_a_write_in_flight_when_postgresql_restarts_is_503_not_a_success(db, editor_key):
    with Server(db, ONRECORD_THREADS="1") as server:
        pid = server.proc.pid
        # A first write: the write connection is open before the lock.
        assert server.post("/v1/statements", dict(BODY, summary="zz-inflight 0"), editor_key,
                           "zz-inflight-0").status == 201

        def restart(_):
            db.stop("fast")  # the lock's session ends too
            db.start()

        r, body = held_write(db, server, editor_key, "zz-inflight-1", "zz-inflight 1", restart)
        check_then_retry(db, server, editor_key, "zz-inflight-1", r, body)
        assert server.alive() and server.proc.pid == pid


def test_a_write_whose_backend_is_terminated_is_503_not_a_success(db, editor_key):
    with Server(db, ONRECORD_THREADS="1") as server:
        assert server.post("/v1/statements", dict(BODY, summary="zz-inflight 2"), editor_key,
                           "zz-inflight-2").status == 201
        before = db.value("SELECT count(*) FROM pg_stat_activity WHERE "
                          "application_name = 'onrecord'")

        def terminate(backend):
            db.psql("SELECT pg_terminate_backend(%d)" % backend)

        r, body = held_write(db, server, editor_key, "zz-inflight-3", "zz-inflight 3", terminate)
        check_then_retry(db, server, editor_key, "zz-inflight-3", r, body)
        # reconnected once: as many connections as before
        assert db.value("SELECT count(*) FROM pg_stat_activity WHERE "
                        "application_name = 'onrecord'") == before


def test_a_read_whose_backend_is_terminated_is_503_then_served(db):
    path = "/v1/statements/41"
    with Server(db, ONRECORD_THREADS="1") as server:
        expected = server.get(path)
        (reader,) = [int(r[0]) for r in db.psql(
            "SELECT pid FROM pg_stat_activity WHERE application_name = 'onrecord'")]
        answers = []
        with db.session("zz-faults-lock") as lock:
            lock.run("BEGIN; LOCK TABLE statement_documents IN ACCESS EXCLUSIVE MODE;")
            t = threading.Thread(target=lambda: answers.append(server.get(path, timeout=20)))
            t.start()
            db.wait_until("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = %d "
                          "AND wait_event_type = 'Lock')" % reader)
            db.psql("SELECT pg_terminate_backend(%d)" % reader)
            t.join(25)
        assert answers and answers[0].is_problem(503, "unavailable"), answers
        assert answers[0].header("Retry-After") == "2"
        t0 = time.monotonic()
        r = server.get(path)
        assert r.status == 200 and r.raw == expected.raw
        assert time.monotonic() - t0 < 2.0
