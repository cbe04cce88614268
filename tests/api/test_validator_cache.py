"""A dashboard polling with If-None-Match: while nothing has been written,
the server answers 304 from its validator cache without asking the
database; a committed write (through the API or straight into PostgreSQL)
makes every cached validator stale within 100 ms, because the write's
NOTIFY reaches the server's listener (server/vcache.c,
db/migrations/0006_change_notify.sql)."""
import os
import subprocess
import time

from conftest import DATABASE_URL, _psql_path, fetch, sql_value
from writes_support import make_actor, make_source, make_statement, patch

# The cache must see a write within this long of its commit (issue 6).
INVALIDATION_S = 0.100


def conditional(path, etag):
    return fetch(path, headers={"If-None-Match": etag})


def worker_queries_since(t0):
    """Queries the server's workers (application_name 'onrecord') started at or after t0."""
    return int(sql_value(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'onrecord' "
        "AND datname = current_database() AND query_start >= '%s'" % t0))


def sql_write(statement):
    subprocess.run([_psql_path(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", DATABASE_URL,
                    "-c", statement], check=True, capture_output=True, timeout=30,
                   env=dict(os.environ))


def test_a_polling_dashboard_gets_304s_without_a_database_round_trip(seeded):
    path = "/v1/statements/41"
    etag = fetch(path).header("ETag")
    assert conditional(path, etag).status == 304  # now cached, if it was not already
    t0 = sql_value("SELECT clock_timestamp()")
    for _ in range(20):
        r = conditional(path, etag)
        assert r.status == 304
        assert r.header("ETag") == etag
        assert r.raw == b""
    assert worker_queries_since(t0) == 0
    # a list is cached the same way, with its Vary: Accept
    lst = "/v1/statements?actor=alan-gagloev&limit=5"
    first = fetch(lst)
    assert conditional(lst, first.header("ETag")).status == 304
    t1 = sql_value("SELECT clock_timestamp()")
    r = conditional(lst, first.header("ETag"))
    assert r.status == 304
    assert "Accept" in [v.strip() for v in r.header("Vary").split(",")]
    assert worker_queries_since(t1) == 0


def test_a_stale_validator_still_gets_the_new_representation(seeded):
    path = "/v1/statements/41"
    assert conditional(path, '"1.0000000000000000"').status == 200


def test_renaming_an_actor_invalidates_its_statements_cached_etag(write_keys):
    actor = make_actor(write_keys.editor)
    source = make_source(write_keys.editor)
    statement = make_statement(write_keys.editor, actor["slug"], [source["id"]])
    path = "/v1/statements/%d" % statement["id"]
    old = fetch(path)
    assert conditional(path, old.header("ETag")).status == 304

    r = patch("/v1/actors/" + actor["slug"], {"name": "Renamed Person"}, write_keys.editor)
    assert r.status == 200
    time.sleep(INVALIDATION_S)

    fresh = conditional(path, old.header("ETag"))
    assert fresh.status == 200
    assert fresh.body["actor"]["name"] == "Renamed Person"
    assert fresh.header("ETag") != old.header("ETag")
    assert conditional(path, fresh.header("ETag")).status == 304


def test_a_write_straight_into_postgresql_invalidates_too(write_keys):
    actor = make_actor(write_keys.editor)
    source = make_source(write_keys.editor)
    statement = make_statement(write_keys.editor, actor["slug"], [source["id"]])
    path = "/v1/statements/%d" % statement["id"]
    old = fetch(path)
    assert conditional(path, old.header("ETag")).status == 304

    sql_write("UPDATE statements SET summary = 'Corrected by the desk' WHERE id = %d"
              % statement["id"])
    time.sleep(INVALIDATION_S)

    fresh = conditional(path, old.header("ETag"))
    assert fresh.status == 200
    assert fresh.body["summary"] == "Corrected by the desk"


def test_a_rolled_back_write_changes_nothing(write_keys):
    actor = make_actor(write_keys.editor)
    path = "/v1/actors/" + actor["slug"]
    etag = fetch(path).header("ETag")
    sql_write("BEGIN; UPDATE actors SET name = 'Never' WHERE slug = '%s'; ROLLBACK"
              % actor["slug"])
    time.sleep(INVALIDATION_S)
    assert conditional(path, etag).status == 304
