"""The answer cache: a dashboard refreshing a search (or the stance
statistics) every few seconds gets the whole answer from the server's
memory, without a database round trip, until something is written. Only
reads that ran a costly query are kept (their query files say "-- Costly:",
server/embed_sql.py); a write through this server is seen by its very next
read, a write straight into PostgreSQL within 100 ms (its NOTIFY);
`Cache-Control: no-cache` on a request asks for a fresh answer
(server/vcache.c). Desks asking for the same new search at once cost one
search: the first ask runs it, the others wait for its answer
(server/flight.h)."""
import gzip
import http.client
import json
import signal
import threading
import time

from conftest import fetch, sql_value
from test_pipelined_reads import _backends, _Locked
from test_validator_cache import INVALIDATION_S, sql_write, worker_queries_since
from writes_support import SecondServer, make_actor, make_source, make_statement, patch

SEARCH = "/v1/statements?q=referendum&sort=relevance&limit=3"


def ids(r):
    return [s["id"] for s in r.body["data"]]


def test_a_refreshed_search_is_answered_from_memory(seeded):
    first = fetch(SEARCH)
    assert first.status == 200
    assert ids(first) == [17, 19, 18]  # the referendum of 2022, best match first
    t0 = sql_value("SELECT clock_timestamp()")
    for _ in range(5):
        again = fetch(SEARCH)
        assert again.status == 200
        assert again.raw == first.raw
        assert again.header("ETag") == first.header("ETag")
        assert again.header("Link") == first.header("Link")
        assert again.header("Content-Type") == first.header("Content-Type")
    assert worker_queries_since(t0) == 0


def test_the_kept_answer_is_gzipped_like_a_fresh_one(seeded):
    plain = fetch(SEARCH)
    zipped = fetch(SEARCH, headers={"Accept-Encoding": "gzip"})
    if zipped.header("Content-Encoding") == "gzip":
        assert gzip.decompress(zipped.raw) == plain.raw
    else:
        assert zipped.raw == plain.raw
    assert zipped.header("ETag") == plain.header("ETag")
    # and a conditional request for it is still a 304
    assert fetch(SEARCH, headers={"If-None-Match": plain.header("ETag")}).status == 304


def test_no_cache_asks_the_database_again(seeded):
    kept = fetch(SEARCH)
    t0 = sql_value("SELECT clock_timestamp()")
    fresh = fetch(SEARCH, headers={"Cache-Control": "max-age=0, No-Cache"})
    assert worker_queries_since(t0) >= 1
    assert fresh.raw == kept.raw


def test_the_stance_statistics_are_kept_too(seeded):
    path = "/v1/stats/stances?topic=south-ossetia-joins-russia&interval=year"
    first = fetch(path)
    assert first.status == 200
    t0 = sql_value("SELECT clock_timestamp()")
    assert fetch(path).raw == first.raw
    assert worker_queries_since(t0) == 0


def test_a_statement_by_id_is_not_kept(seeded):
    fetch("/v1/statements/41")
    t0 = sql_value("SELECT clock_timestamp()")
    assert fetch("/v1/statements/41").status == 200
    assert worker_queries_since(t0) >= 1


def test_a_write_through_the_api_is_in_the_very_next_search(write_keys):
    actor = make_actor(write_keys.editor)
    source = make_source(write_keys.editor)
    path = "/v1/statements?q=zeppelinfield"
    assert fetch(path).body["data"] == []
    assert fetch(path).body["data"] == []  # kept
    made = make_statement(write_keys.editor, actor["slug"], [source["id"]], reports=[
        {"source": source["id"], "wording": "We met at the Zeppelinfield."}])
    # no wait: this server made the cache stale before it answered the POST
    assert ids(fetch(path)) == [made["id"]]
    r = patch("/v1/statements/%d" % made["id"], {"reports": [
        {"source": source["id"], "wording": "We met at the field."}]}, write_keys.editor)
    assert r.status == 200
    assert fetch(path).body["data"] == []


def test_a_write_straight_into_postgresql_is_seen_within_100_ms(write_keys):
    actor = make_actor(write_keys.editor)
    source = make_source(write_keys.editor)
    made = make_statement(write_keys.editor, actor["slug"], [source["id"]], reports=[
        {"source": source["id"], "wording": "We spoke at the Tempelhofhangar."}])
    path = "/v1/statements?q=tempelhofhangar&sort=relevance"
    assert ids(fetch(path)) == [made["id"]]
    assert ids(fetch(path)) == [made["id"]]  # kept
    sql_write("UPDATE statement_reports SET wording = 'We spoke at the airfield.' "
              "WHERE statement_id = %d" % made["id"])
    time.sleep(INVALIDATION_S)
    assert fetch(path).body["data"] == []


MERGED = "/v1/statements?q=referendum&sort=relevance&limit=4"


class _Desk(threading.Thread):
    """One desk's ask on a connection of its own; .sent is set once the
    request is out, and the answer is in .status, .raw and .etag."""

    def __init__(self, port, path, headers=None):
        super().__init__()
        self.port, self.path, self.headers = port, path, headers or {}
        self.sent = threading.Event()
        self.status = self.raw = self.etag = None

    def run(self):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            c.request("GET", self.path, headers=self.headers)
            self.sent.set()
            r = c.getresponse()
            self.status, self.raw, self.etag = r.status, r.read(), r.getheader("ETag")
        finally:
            c.close()


def _waiting_on_the_lock(pids):
    return int(sql_value("SELECT count(*) FROM pg_stat_activity WHERE pid IN (%s) "
                         "AND wait_event_type = 'Lock'" % ",".join(pids)))


class _HeldSearch:
    """A second server, its access log on, and statement_reports locked: the
    first search's query waits in PostgreSQL while the other desks come in,
    until release(). With two workers, the desks' connections are shared
    out between them, so some follow a leader on the other worker."""

    def __init__(self, workers=2, read_connections=1, **env):
        self.connections = workers * read_connections
        self.server = SecondServer(ONRECORD_THREADS=str(workers),
                                   ONRECORD_READ_CONNECTIONS=str(read_connections),
                                   ONRECORD_ACCESS_LOG="1", **env)
        self.lock = _Locked("statement_reports")

    def __enter__(self):
        before = _backends()
        self.server.__enter__()
        # a read down each connection opens it (the workers' in turn, as
        # each new client connection goes to the worker with fewest)
        for _ in range(self.connections):
            assert self.server.fetch("/v1/statements/17").status == 200
        self.pids = sorted(_backends() - before)
        assert len(self.pids) == self.connections
        self.lock.__enter__()
        return self

    def wait_for_queries(self, n):
        """Until n of the server's connections wait on the lock."""
        deadline = time.monotonic() + 15
        while _waiting_on_the_lock(self.pids) < n:
            assert time.monotonic() < deadline, "fewer than %d queries wait on the lock" % n
            time.sleep(0.02)

    def ask(self, desks):
        """Starts the first desk, waits until its query waits on the lock,
        then starts the others and waits until their requests are out."""
        desks[0].start()
        self.wait_for_queries(1)
        for d in desks[1:]:
            d.start()
        for d in desks:
            assert d.sent.wait(15)
        time.sleep(0.3)  # for the server to read them; they wait for the lock either way

    def release(self, desks):
        self.lock.release()
        for d in desks:
            d.join(30)
            assert not d.is_alive()

    def searches_run(self, asks):
        """(asks answered by running the search, asks answered from memory),
        once the access log has a line for each of `asks` answers (the
        server writes it after the answer is sent, so a desk may have its
        answer a moment before the line is there)."""
        deadline = time.monotonic() + 15
        while True:
            lines = [line for line in self.server.log().splitlines()
                     if line.startswith("GET /v1/statements 200 ")]
            if len(lines) >= asks or time.monotonic() > deadline:
                break
            time.sleep(0.02)
        cached = sum(1 for line in lines if "(cached)" in line)
        return len(lines) - cached, cached

    def __exit__(self, *exc):
        try:
            self.lock.__exit__(*exc)
        finally:
            self.server.__exit__(*exc)
        return False


def test_desks_asking_for_the_same_new_search_at_once_cost_one_search(seeded):
    """On the day of the news, eight desks type the same word at once: the
    server runs the search once, while the first ask waits in PostgreSQL,
    and answers the other seven with its answer, byte for byte, on either
    worker."""
    lone = fetch(MERGED)
    assert ids(lone)[:3] == [17, 19, 18]
    with _HeldSearch() as held:
        desks = [_Desk(held.server.port, MERGED) for _ in range(8)]
        held.ask(desks)
        held.release(desks)
        assert [d.status for d in desks] == [200] * 8
        assert all(d.raw == lone.raw for d in desks)
        assert all(d.etag == lone.header("ETag") for d in desks)
        assert held.searches_run(8) == (1, 7)


def test_a_desk_asking_for_no_cache_does_not_wait_for_another(seeded):
    """`Cache-Control: no-cache` asks for the database's own answer: such an
    ask runs the search itself at once, even while the same search is in
    flight. With one worker and two connections for reads, its query waits
    on the lock beside the first ask's."""
    with _HeldSearch(workers=1, read_connections=2) as held:
        plain = [_Desk(held.server.port, MERGED) for _ in range(4)]
        fresh = [_Desk(held.server.port, MERGED, {"Cache-Control": "no-cache"})
                 for _ in range(2)]
        desks = plain + fresh
        held.ask(desks)
        held.wait_for_queries(2)
        held.release(desks)
        assert [d.status for d in desks] == [200] * 6
        assert len({d.raw for d in desks}) == 1
        # the first plain ask and the two no-cache ones ran it
        assert held.searches_run(6) == (3, 3)


def test_sigterm_lets_desks_waiting_for_another_ask_finish(seeded):
    lone = fetch(MERGED)
    with _HeldSearch() as held:
        desks = [_Desk(held.server.port, MERGED) for _ in range(4)]
        held.ask(desks)
        held.server.proc.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert held.server.proc.poll() is None, "the server did not wait for the reads"
        held.release(desks)
        assert [d.status for d in desks] == [200] * 4
        assert all(d.raw == lone.raw for d in desks)
        assert held.server.proc.wait(10) == 0


def test_desks_waiting_for_another_ask_get_503_when_the_server_stops_first(seeded):
    """SIGTERM, and the first ask's query is still held when the server has
    waited for it long enough (5 s): that ask and every desk that waited for
    it get 503 (never a dropped connection), and the server exits cleanly."""
    with _HeldSearch() as held:
        desks = [_Desk(held.server.port, MERGED) for _ in range(4)]
        held.ask(desks)
        held.server.proc.send_signal(signal.SIGTERM)
        for d in desks:
            d.join(30)
        assert [d.status for d in desks] == [503] * 4
        assert held.server.proc.wait(10) == 0


def test_desks_waiting_for_an_ask_that_times_out_are_not_kept_waiting_twice(seeded):
    """The first ask runs past the statement timeout (2 s here, the lock
    held throughout): the desks that waited for it get the same 503 at the
    same moment, saying so, instead of each running the search again into
    the same timeout."""
    with _HeldSearch(ONRECORD_STATEMENT_TIMEOUT="2000") as held:
        desks = [_Desk(held.server.port, MERGED) for _ in range(4)]
        held.ask(desks)
        for d in desks:
            d.join(30)
        assert [d.status for d in desks] == [503] * 4
        details = sorted(json.loads(d.raw)["detail"] for d in desks)
        assert [json.loads(d.raw)["code"] for d in desks] == ["query-timeout"] * 4
        assert details == ["the query ran longer than the statement timeout; narrow it"] + [
            "the same request, asked at the same time, ran longer than the statement "
            "timeout; narrow it"] * 3
