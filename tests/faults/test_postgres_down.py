"""PostgreSQL stops for a few seconds under read load (several desks reading
lists and records, some with If-None-Match). While it is down every answer
is a 503 problem with Retry-After, none takes longer than the statement
timeout, /readyz says not ready and /healthz still answers; within 2 s of
PostgreSQL's return every read is answered as before, by the same server
process."""
import http.client
import threading
import time

from conftest import Server, report

PATHS = [
    "/v1/statements?limit=5",
    "/v1/statements/41",
    "/v1/actors",
    "/v1/actors/alan-gagloev",
    "/v1/topics",
    "/v1/statements?q=referendum&sort=relevance&limit=3",  # kept whole (answer cache)
    "/v1/stats/stances?topic=south-ossetia-joins-russia&interval=year",
    "/v1/topics/south-ossetia-joins-russia/timeline",
]
STATEMENT_TIMEOUT_S = 2.0
REQUEST_BOUND_S = STATEMENT_TIMEOUT_S + 1.0  # no answer may take longer
DOWN_S = 3.0
RECOVERY_S = 2.0  # the bound
DESKS = 4
MAX_REQUESTS = 4000  # per desk


class Desk(threading.Thread):
    """Reads PATHS in turn (every other one conditional) on one keep-alive
    connection until told to stop; records every answer."""

    def __init__(self, server, n, expected, stop):
        super().__init__(daemon=True)
        self.server, self.n, self.expected, self.stop = server, n, expected, stop
        self.log = []  # (start, end, path, Response or exception text)

    def run(self):
        conn = None
        for i in range(MAX_REQUESTS):
            if self.stop.is_set():
                break
            path = PATHS[(i + self.n) % len(PATHS)]
            headers = {}
            if (i // len(PATHS)) % 2:
                headers["If-None-Match"] = self.expected[path].header("ETag")
            conn = conn or http.client.HTTPConnection("127.0.0.1", self.server.port,
                                                      timeout=REQUEST_BOUND_S)
            t0 = time.monotonic()
            try:
                r = self.server.get(path, headers=headers, conn=conn)
            except Exception as e:  # a timeout, a broken connection, a spec violation
                r = "%s: %s" % (type(e).__name__, e)
                conn.close()
                conn = None
            self.log.append((t0, time.monotonic(), path, r))
            time.sleep(0.005)
        if conn:
            conn.close()


def test_reads_while_postgresql_is_down_are_503_then_recover(db):
    with Server(db, ONRECORD_STATEMENT_TIMEOUT=str(int(STATEMENT_TIMEOUT_S * 1000))) as server:
        pid = server.proc.pid
        expected = {p: server.get(p) for p in PATHS}
        assert all(r.status == 200 for r in expected.values()), expected
        stop = threading.Event()
        desks = [Desk(server, n, expected, stop) for n in range(DESKS)]
        for d in desks:
            d.start()
        time.sleep(0.5)
        checks = []  # /readyz and /healthz while down
        try:
            db.stop("fast")
            t_down = time.monotonic()
            while time.monotonic() < t_down + DOWN_S:
                checks.append((server.get("/readyz", timeout=REQUEST_BOUND_S),
                               server.get("/healthz", timeout=REQUEST_BOUND_S)))
                time.sleep(0.2)
            t_starting = time.monotonic()
        finally:
            db.start()
        t_up = time.monotonic()
        time.sleep(RECOVERY_S + 1.0)
        stop.set()
        for d in desks:
            d.join(REQUEST_BOUND_S + 5)
        assert server.alive() and server.proc.pid == pid
        log = sorted(entry for d in desks for entry in d.log)

        broken = [e for e in log if isinstance(e[3], str)]
        assert broken == [], broken[:5]
        slow = [e for e in log if e[1] - e[0] >= REQUEST_BOUND_S]
        assert slow == [], slow[:5]
        statuses = {e[3].status for e in log}
        assert statuses <= {200, 304, 503}, statuses
        for _, _, path, r in log:
            if r.status == 503:
                assert r.is_problem(503) and r.body["code"] in ("unavailable", "query-timeout"), r
                assert r.header("Retry-After") in ("2", "5"), r.headers
            elif r.status == 200:
                assert r.raw == expected[path].raw, (path, r)
            else:
                assert r.header("ETag") == expected[path].header("ETag"), (path, r)

        while_down = [e for e in log if e[0] >= t_down and e[1] <= t_starting]
        assert len(while_down) >= DESKS * 10, len(while_down)  # the load went on
        wrong = [e for e in while_down if e[3].status != 503]
        assert wrong == [], wrong[:5]
        for ready, live in checks:
            assert ready.is_problem(503, "unavailable") and ready.header("Retry-After"), ready
            assert live.status == 200 and live.body == {"status": "ok"}, live

        # Back within RECOVERY_S of PostgreSQL's return, for every path.
        late = [e for e in log if e[0] >= t_up + RECOVERY_S and e[3].status == 503]
        assert late == [], late[:5]
        first_ok = {}
        for t0, t1, path, r in log:
            if t0 >= t_up and r.status != 503:
                first_ok.setdefault(path, t1 - t_up)
        assert set(first_ok) == set(PATHS), first_ok
        last_503 = max([e[1] for e in log if e[3].status == 503], default=t_up) - t_up
        assert server.get("/readyz").status == 200
        for p in PATHS:
            assert server.get(p).raw == expected[p].raw
        figures = {
            "requests": len(log),
            "answered 503 while down": len(while_down),
            "503 in all": sum(1 for e in log if e[3].status == 503),
            "slowest answer s": round(max(e[1] - e[0] for e in log), 3),
            "first read served after return s": round(min(first_ok.values()), 3),
            "every path served after return s": round(max(first_ok.values()), 3),
            # pg_ctl start -w polls: reads may be served again before it returns
            "last 503 relative to pg_ctl start returning s": round(last_503, 3),
        }
        report("PostgreSQL down %.0f s under read load" % DOWN_S, figures)
