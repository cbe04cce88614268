"""The validator cache's LISTEN connection (application_name `onrecord
listener`, server/vcache.c) is cut with pg_terminate_backend, and a write
is made behind the server's back (psql, or a second onrecord process) at
once, in the window before the listener has noticed, or while it waits to
reconnect. Its NOTIFY never reaches the server. Yet no stale 304 and no
stale kept answer (a search, the stance statistics, a timeline) may be
served: not while the listener is down, and not after it is back (what was
cached before the cut must not count again). Once it is back, the cache
answers again."""
import os
import signal
import time

from conftest import Server, request

RECORD = "/v1/statements/17"
SEARCH = "/v1/statements?q=referendum&sort=relevance&limit=3"  # 17 is among them
STATS = "/v1/stats/stances?topic=south-ossetia-joins-russia&interval=year&group_by=position"
TIMELINE = "/v1/topics/south-ossetia-joins-russia/timeline"
KEPT = [SEARCH, STATS, TIMELINE]  # costly reads: their answers are kept whole
BACK_S = 10  # the listener reconnects within this (its backoff is 0.1-2 s)
LEASE_S = 1.0  # server/vcache.c: LEASE_MS, how long the cache trusts a silent listener


def listener(db, not_pid=0):
    """(pid, state, query) of the listener's backend (not not_pid), or None."""
    rows = db.psql("SELECT pid, state, query FROM pg_stat_activity "
                   "WHERE application_name = 'onrecord listener' AND datname = 'onrecord' "
                   "AND pid <> %d" % (not_pid or 0))
    assert len(rows) <= 1, rows  # one server on this database
    return (int(rows[0][0]), rows[0][1], rows[0][2]) if rows else None


def wait_listening(db, not_pid=None):
    """Waits until a listener other than not_pid has run its LISTEN; its pid."""
    deadline = time.monotonic() + BACK_S
    while True:
        now = listener(db, not_pid)
        if now and now[0] != not_pid and now[1] == "idle" and (
                now[2].startswith("LISTEN") or now[2] == "SELECT 1"):  # its heartbeat
            return now[0]
        assert time.monotonic() < deadline, "the listener never came back: %r" % (now,)
        time.sleep(0.02)


def wait_cached(server, path, etag):
    """The cache answers again: a conditional GET gets 304 (polled, bounded)."""
    deadline = time.monotonic() + BACK_S
    while server.get(path, headers={"If-None-Match": etag}).status != 304:
        assert time.monotonic() < deadline, "the cache never answered again: " + path
        time.sleep(0.05)


def flip_sql(n):
    """A write that shows in all four reads: statement 17's summary, and one
    stance on the topic (the statistics and the timeline)."""
    return ("UPDATE statements SET summary = regexp_replace(summary, ' \\[zz-\\d+\\]$', '') "
            "|| ' [zz-%d]' WHERE id = 17; "
            "UPDATE stances SET condition = NULL, position = CASE position "
            "WHEN 'supports' THEN 'neutral' ELSE 'supports' END "
            "WHERE (statement_id, topic_id) = "
            "(SELECT min(statement_id), topic_id FROM stances WHERE topic_id = "
            "(SELECT id FROM topics WHERE slug = 'south-ossetia-joins-russia') "
            "GROUP BY topic_id)" % n)


def warm(server):
    """Every read answered and cached: path -> the Response."""
    answers = {}
    for path in [RECORD] + KEPT:
        r = server.get(path)
        assert r.status == 200, r
        wait_cached(server, path, r.header("ETag"))
        answers[path] = r
    return answers


def assert_fresh(server, old):
    """No answer from before the write: a conditional read with the old
    ETag, and a plain read of a kept answer, are each the fresh answer (asked
    for last, with no-cache, which stores it), not what was cached."""
    for path, before in old.items():
        served = [server.get(path, headers={"If-None-Match": before.header("ETag")})]
        if path in KEPT:
            served.append(server.get(path))
        fresh = server.get(path, headers={"Cache-Control": "no-cache"})
        assert fresh.status == 200 and fresh.raw != before.raw, path
        for r in served:
            assert r.status == 200 and r.raw == fresh.raw, (path, r)


def test_a_write_in_the_window_of_the_cut_is_never_served_stale(db):
    """The listener is terminated and the write commits right after, in the
    same psql call: before the listener has noticed, or just after."""
    with Server(db) as server:
        for n in range(1, 4):
            pid = wait_listening(db)
            old = warm(server)
            db.psql("SELECT pg_terminate_backend(%d); %s" % (pid, flip_sql(n)))
            assert_fresh(server, old)  # at once: no waiting for any notification
            # back, and caching again
            wait_listening(db, not_pid=pid)
            for path in old:
                r = server.get(path)
                wait_cached(server, path, r.header("ETag"))


def test_a_notify_missed_while_disconnected_does_not_revive_old_entries(db):
    """The listener is kept from reconnecting (the database refuses new
    connections; the server's read connections stay open), the write
    commits while it is surely down, and reads go on meanwhile: each is
    answered afresh. Once it listens again, nothing cached before the cut
    answers, and the cache answers again."""
    with Server(db) as server:
        # The database is closed to new connections from another one.
        with db.session("zz-faults-hold", db.admin_url) as hold, \
                db.session("zz-faults-write") as writer:
            for n in range(10, 13):
                pid = wait_listening(db)
                old = warm(server)
                try:
                    hold.run("ALTER DATABASE onrecord ALLOW_CONNECTIONS false;")
                    writer.run("SELECT pg_terminate_backend(%d, 5000);" % pid)
                    writer.run(flip_sql(n) + ";")
                    time.sleep(0.3)  # the listener tries again, and is refused
                    assert writer.run("SELECT count(*) FROM pg_stat_activity WHERE "
                                      "application_name = 'onrecord listener';") == ["0"]
                    assert_fresh(server, old)
                finally:
                    hold.run("ALTER DATABASE onrecord ALLOW_CONNECTIONS true;")
                wait_listening(db, not_pid=pid)
                assert_fresh(server, old)
        for path in [RECORD] + KEPT:
            r = server.get(path)
            wait_cached(server, path, r.header("ETag"))
        assert "listener cannot connect" in server.log()


def test_a_listener_connection_that_stops_answering_turns_the_cache_off(db):
    """The listener's backend is frozen (SIGSTOP): its connection neither
    breaks nor delivers, like a network path that drops an idle connection's
    packets. The server's heartbeat goes unanswered, so within its lease
    (LEASE_S after the last answer) the cache answers nothing; after a few
    silent seconds the listener connects again."""
    with Server(db) as server:
        pid = wait_listening(db)
        old = warm(server)
        os.kill(pid, signal.SIGSTOP)
        try:
            db.psql(flip_sql(30))  # its NOTIFY waits at the frozen backend
            time.sleep(LEASE_S)
            assert_fresh(server, old)
            new_pid = wait_listening(db, not_pid=pid)
            assert new_pid != pid
            assert_fresh(server, old)
        finally:
            os.kill(pid, signal.SIGCONT)
        for path in [RECORD] + KEPT:
            r = server.get(path)
            wait_cached(server, path, r.header("ETag"))
        assert "the listener's connection is silent" in server.log()


def test_a_second_server_writing_while_the_listener_is_down(db, editor_key):
    """The write comes through another onrecord process on the same database
    (reads there need a key, so it has no listener of its own)."""
    with Server(db) as server:
        pid = wait_listening(db)
        old = warm(server)
        with Server(db, ONRECORD_THREADS="1", ONRECORD_READ_REQUIRES_KEY="1") as writer:
            assert listener(db)[0] == pid  # the second server does not listen
            db.psql("SELECT pg_terminate_backend(%d, 5000)" % pid)
            r = request(writer.port, "/v1/statements/17", method="PATCH",
                        headers={"Authorization": "Bearer " + editor_key,
                                 "Content-Type": "application/merge-patch+json"},
                        body=b'{"summary": "Rewritten by desk 2"}')
            assert r.status == 200, r
        old = {p: old[p] for p in (RECORD, SEARCH)}  # what a summary shows in
        assert_fresh(server, old)
        wait_listening(db, not_pid=pid)
        assert_fresh(server, old)
