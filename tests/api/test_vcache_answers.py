"""The answer cache: a dashboard refreshing a search (or the stance
statistics) every few seconds gets the whole answer from the server's
memory, without a database round trip, until something is written. Only
reads that ran a costly query are kept (their query files say "-- Costly:",
server/embed_sql.py); a write through this server is seen by its very next
read, a write straight into PostgreSQL within 100 ms (its NOTIFY);
`Cache-Control: no-cache` on a request asks for a fresh answer
(server/vcache.c)."""
import gzip
import time

from conftest import fetch, sql_value
from test_validator_cache import INVALIDATION_S, sql_write, worker_queries_since
from writes_support import make_actor, make_source, make_statement, patch

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
