"""kill -9 of the postmaster in the middle of a loop of POST /v1/statements,
each with its own Idempotency-Key (its orphaned backends exit on their own
or are killed, and the cluster restarts, recovering from its WAL). Every
write answered 201 is in the database afterwards; every other one (503,
or anything else) retried with the same key and body is written once, and
retrying an acknowledged one creates nothing: one statement per key.

The cluster runs with synchronous_commit=on (conftest.py): PostgreSQL
acknowledges a commit only once its WAL is written, so an acknowledged
write survives the death of every PostgreSQL process."""
import http.client
import threading
import time

from conftest import Server, report

WRITERS = 4
MAX_WRITES = 500  # per writer
RUN = "%x" % (int(time.time() * 1000) % 0xFFFFFFF)


def body(summary):
    return {"actor": "alan-gagloev", "said_on": "2024-08", "kind": "paraphrase",
            "language": "en", "summary": summary,
            "reports": [{"source": 1, "wording": "one of the most promising options"}],
            "stances": [{"topic": "south-ossetia-joins-union-state", "position": "supports"}]}


class Writer(threading.Thread):
    """POSTs statements, one key each, on a keep-alive connection, until told
    to stop; records each key's outcome."""

    def __init__(self, server, key, n, stop):
        super().__init__(daemon=True)
        self.server, self.key, self.n, self.stop = server, key, n, stop
        self.outcomes = []  # (idempotency key, summary, start, Response or error text)

    def run(self):
        conn = None
        for i in range(MAX_WRITES):
            if self.stop.is_set():
                break
            ikey = "zz-kill-%s-%d-%d" % (RUN, self.n, i)
            summary = "zz-kill %s %d-%d" % (RUN, self.n, i)
            conn = conn or http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=15)
            t0 = time.monotonic()
            try:
                r = self.server.post("/v1/statements", body(summary), self.key, ikey, conn=conn)
            except Exception as e:  # a broken connection, a timeout, a spec violation
                r = "%s: %s" % (type(e).__name__, e)
                conn.close()
                conn = None
                time.sleep(0.05)
            self.outcomes.append((ikey, summary, t0, r))
            if not isinstance(r, str) and r.status == 503:
                time.sleep(0.02)
        if conn:
            conn.close()


def test_acknowledged_writes_survive_a_kill_9_and_retries_make_no_duplicates(db, editor_key):
    with Server(db) as server:
        stop = threading.Event()
        writers = [Writer(server, editor_key, n, stop) for n in range(WRITERS)]
        for w in writers:
            w.start()
        try:
            time.sleep(1.5)
            t_kill = time.monotonic()
            orphans, exited = db.kill9()
            time.sleep(1.0)  # the writes go on against nothing
        finally:
            db.start()  # crash recovery
        t_up = time.monotonic()
        time.sleep(1.5)  # and against the recovered cluster
        stop.set()
        for w in writers:
            w.join(30)
        assert server.alive()
        outcomes = [o for w in writers for o in w.outcomes]
        acked = {k: (s, r) for k, s, _, r in outcomes if not isinstance(r, str) and r.status == 201}
        others = [(k, s, r) for k, s, _, r in outcomes if k not in acked]
        assert not [r for _, _, r in others if not isinstance(r, str) and r.status == 500]
        for _, _, r in others:
            if not isinstance(r, str):
                assert r.is_problem(503) and r.header("Retry-After"), r
        acked_before_kill = sum(1 for k, _, t0, _ in outcomes if k in acked and t0 < t_kill)
        acked_after_up = sum(1 for k, _, t0, _ in outcomes if k in acked and t0 >= t_up)
        assert acked_before_kill > 0 and acked_after_up > 0, (acked_before_kill, acked_after_up)

        # Every acknowledged write is there, with the id it was answered with.
        rows = db.psql("SELECT summary, id FROM statements WHERE summary LIKE 'zz-kill %s %%'"
                       % RUN)
        found = {}
        for summary, sid in rows:
            found.setdefault(summary, []).append(int(sid))
        lost = [(k, s) for k, (s, r) in acked.items() if found.get(s) != [r.body["id"]]]
        assert lost == [], lost[:5]

        # Unanswered but committed: the commit's answer was lost with its backend.
        committed_unanswered = sum(1 for _, s, _ in others if s in found)
        # Retry everything that was not acknowledged, and the acknowledged too.
        retried = 0
        for k, s, _ in others:
            r = server.post("/v1/statements", body(s), editor_key, k)
            assert r.status == 201, (k, r)
            retried += 1
        replays = 0
        for k, (s, first) in acked.items():
            r = server.post("/v1/statements", body(s), editor_key, k)
            assert r.status == 201 and r.body["id"] == first.body["id"], (k, r)
            replays += 1
        counts = dict(db.psql("SELECT summary, count(*) FROM statements "
                              "WHERE summary LIKE 'zz-kill %s %%' GROUP BY summary" % RUN))
        duplicates = {s: n for s, n in counts.items() if n != "1"}
        assert duplicates == {}, list(duplicates.items())[:5]
        assert len(counts) == len(outcomes)
        keys = int(db.value("SELECT count(*) FROM idempotency_keys WHERE idempotency_key "
                            "LIKE 'zz-kill-%s-%%' AND status = 201" % RUN))
        assert keys == len(outcomes)

        figures = {
            "writes sent": len(outcomes),
            "acknowledged 201": len(acked),
            "acknowledged and found after restart": len(acked) - len(lost),
            "answered 503": sum(1 for _, _, r in others if not isinstance(r, str)),
            "connection errors": sum(1 for _, _, r in others if isinstance(r, str)),
            "unanswered but committed before the retry": committed_unanswered,
            "retried unanswered, written once": retried,
            "acknowledged retried, replayed": replays,
            "duplicates": len(duplicates),
            "backends orphaned": orphans,
            "of which exited on their own": exited,
        }
        figures["connection errors seen"] = sorted(
            {r.split(":")[0] for _, _, r in others if isinstance(r, str)})
        report("kill -9 of the postmaster during writes", figures)
