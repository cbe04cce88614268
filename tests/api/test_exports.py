"""Exports: every list answers CSV (Accept: text/csv or format=csv) and NDJSON
(Accept: application/x-ndjson or format=ndjson) with the same filters and
order as its JSON pages, streamed (chunked) row by row: all rows unless a
limit is asked for, in flat server memory however many rows there are.

CSV is RFC 4180 (header row, CRLF, quotes doubled), UTF-8 without BOM, one
column per field the list names (dotted paths such as actor.slug); nested
arrays and objects are compact JSON in their cell.

The last tests generate 20,000 statements with psql (one transaction) and
delete them again, so the tests after this file see the seed."""
import http.client
import json
import os
import urllib.parse

import pytest

from conftest import (HOST, PORT, assert_problem, fetch, get_all, get_ok, lit, sql_col,
                      sql_rows, sql_value)
from newsroom_support import (cell_matches, csv_rows, export, fetch_export, lookup, ndjson_items,
                              psql_write, rss_kib, server_pid)

STATEMENT_COLUMNS = ["id", "said_on", "said_precision", "actor.slug", "actor.name",
                     "attribution", "kind", "status", "language", "context", "summary",
                     "reports", "stances", "score", "highlight"]
CHANGE_COLUMNS = ["position", "resource", "id", "op", "actor", "changed_at", "before", "after"]
RECOGNITION_COLUMNS = ["id", "state.slug", "territory.slug", "recognized_on",
                       "recognized_precision", "withdrawn_on", "withdrawn_precision", "note"]

# Every list, with filters, and the CSV columns it exports.
LISTS = [
    ("/v1/actors", ["slug", "name", "kind", "country", "other_names", "description"]),
    ("/v1/actors?kind=person&q=alan", ["slug", "name", "kind", "country", "other_names",
                                       "description"]),
    ("/v1/statements", STATEMENT_COLUMNS),
    ("/v1/statements?topic=south-ossetia-joins-russia&stance=supports", STATEMENT_COLUMNS),
    ("/v1/statements?q=referendum&sort=relevance&highlight=1&include=actor,reports,stances",
     STATEMENT_COLUMNS),
    ("/v1/statements?sort=said_on&lang=en", STATEMENT_COLUMNS),
    ("/v1/sources", ["id", "title", "url", "outlet.slug", "published_on", "published_precision",
                     "language", "kind", "relays.id", "note"]),
    ("/v1/sources?outlet=jamnews", ["id", "title", "url", "outlet.slug", "published_on",
                                    "published_precision", "language", "kind", "relays.id",
                                    "note"]),
    ("/v1/outlets", ["slug", "name", "country", "state_owned", "url", "note"]),
    ("/v1/topics", ["slug", "proposition", "description"]),
    ("/v1/recognitions", RECOGNITION_COLUMNS),
    ("/v1/changes?resource=actors", CHANGE_COLUMNS),
    ("/v1/actors/alan-gagloev/statements?from=2024-01-01", STATEMENT_COLUMNS),
    ("/v1/actors/russia/recognitions", RECOGNITION_COLUMNS),
    ("/v1/actors/alan-gagloev/positions", ["topic.slug", "current.position",
                                           "current.condition", "current.said_on", "changes"]),
    ("/v1/topics/south-ossetia-joins-russia/stances?position=conditional",
     ["statement_id", "said_on", "said_precision", "actor.slug", "attribution", "position",
      "condition", "summary"]),
    ("/v1/topics/south-ossetia-joins-union-state/timeline",
     ["actor.slug", "attribution", "first_said_on", "last_said_on", "current_position",
      "stances"]),
    ("/v1/statements/15/history", CHANGE_COLUMNS),
    ("/v1/actors/alan-gagloev/history", CHANGE_COLUMNS),
]
LIST_IDS = [path for path, _ in LISTS]


def _json_items(path):
    """Every item of the JSON list (pages of 200)."""
    parts = urllib.parse.urlsplit(path)
    return get_all(parts.path, limit=200, **dict(urllib.parse.parse_qsl(parts.query)))


def _assert_csv_matches(path, columns, raw):
    header, rows = csv_rows(raw)
    assert header == columns, path
    items = _json_items(path)
    assert len(rows) == len(items), path
    for row, item in zip(rows, items):
        for column in columns:
            assert cell_matches(row[column], lookup(item, column)), (path, column, row[column],
                                                                      lookup(item, column))
    return rows, items


# ---------------------------------------------------------------- CSV


@pytest.mark.parametrize("path,columns", LISTS, ids=LIST_IDS)
def test_csv_export_matches_the_json_list(path, columns):
    r = export(path, "csv")
    assert r.status == 200, r
    assert r.header("Content-Type") == "text/csv; charset=utf-8"
    assert r.header("Transfer-Encoding") == "chunked"
    assert r.header("Content-Length") is None
    rows, items = _assert_csv_matches(path, columns, r.raw)
    assert rows, "%s: the seed should give rows" % path


@pytest.mark.parametrize("path,columns", LISTS, ids=LIST_IDS)
def test_accept_text_csv_gives_the_same_export_as_format_csv(path, columns):
    by_accept = export(path, accept="text/csv")
    assert by_accept.status == 200 and by_accept.header("Content-Type").startswith("text/csv")
    assert by_accept.raw == export(path, "csv").raw


def test_csv_doubles_quotes_inside_quoted_fields_and_keeps_utf8():
    header, rows = csv_rows(export("/v1/sources", "csv").raw)
    titles = dict(sql_rows("SELECT id, title FROM sources"))
    assert {int(r["id"]): r["title"] for r in rows} == {int(k): v for k, v in titles.items()}
    assert rows[0]["title"].startswith('"Utopia and demagogy"')
    raw = export("/v1/sources", "csv").raw
    assert b'"""Utopia and demagogy"": South Ossetian' in raw  # quoted, quotes doubled
    _, actors = csv_rows(export("/v1/actors", "csv", q="gagloev").raw)
    assert json.loads(actors[0]["other_names"]) == ["Alan Gagloyev", "Gagloyev",
                                                    "\u0410\u043b\u0430\u043d "
                                                    "\u0413\u0430\u0433\u043b\u043e\u0435\u0432"]


def test_csv_of_booleans_and_nulls():
    _, rows = csv_rows(export("/v1/outlets", "csv").raw)
    assert {r["state_owned"] for r in rows} == {"true", "false"}
    tass = [r for r in rows if r["slug"] == "tass"][0]
    assert tass["state_owned"] == "true"
    in_db = sql_value("SELECT count(*) FROM outlets WHERE url IS NULL")
    assert sum(1 for r in rows if r["url"] == "") == int(in_db)


def test_csv_embeds_arrays_and_objects_as_json():
    _, rows = csv_rows(export("/v1/statements", "csv", include="reports,stances",
                              actor="alan-gagloev", topic="south-ossetia-joins-union-state").raw)
    [row] = rows
    detail = get_ok("/v1/statements/37")
    assert json.loads(row["reports"]) == detail["reports"]
    assert json.loads(row["stances"]) == detail["stances"]
    assert row["score"] == "" and row["highlight"] == ""


def test_csv_scores_read_as_the_json_shows_them():
    """The relevance score is a float4 that the JSON prints shortest-exact
    (0.043524437); the CSV must not turn it into 0.043524436999999999."""
    items = get_all("/v1/statements", q="referendum", sort="relevance")
    _, rows = csv_rows(export("/v1/statements", "csv", q="referendum", sort="relevance").raw)
    assert [int(r["id"]) for r in rows] == [s["id"] for s in items]
    for row, item in zip(rows, items):
        assert float(row["score"]) == item["score"]
        assert row["score"] == repr(item["score"]), (row["score"], item["score"])


# ---------------------------------------------------------------- NDJSON


@pytest.mark.parametrize("path,columns", LISTS, ids=LIST_IDS)
def test_ndjson_export_is_the_json_items_one_per_line(path, columns):
    r = export(path, "ndjson")
    assert r.status == 200, r
    assert r.header("Content-Type") == "application/x-ndjson; charset=utf-8"
    assert r.header("Transfer-Encoding") == "chunked"
    assert ndjson_items(r.raw) == _json_items(path)
    assert export(path, accept="application/x-ndjson").raw == r.raw


def test_an_export_with_no_rows_is_a_header_or_nothing():
    r = export("/v1/statements", "csv", q="zeppelin")
    assert r.status == 200
    assert r.raw == (",".join(STATEMENT_COLUMNS) + "\r\n").encode()
    r = export("/v1/statements", "ndjson", q="zeppelin")
    assert r.status == 200 and r.raw == b""


# ---------------------------------------------------------------- paging, limits, negotiation


def test_an_export_has_every_row_not_one_page():
    everything = get_all("/v1/changes", limit=200)
    assert len(everything) > 50, "the seed history should be longer than a page"
    _, rows = csv_rows(export("/v1/changes", "csv").raw)
    assert [int(r["position"]) for r in rows] == [c["position"] for c in everything]
    assert len(ndjson_items(export("/v1/changes", "ndjson").raw)) == len(everything)


def test_an_export_honours_limit_and_cursor():
    first = get_ok("/v1/statements", limit=7)
    _, rows = csv_rows(export("/v1/statements", "csv", limit=7).raw)
    assert [int(r["id"]) for r in rows] == [s["id"] for s in first["data"]]
    rest = get_ok("/v1/statements", cursor=first["next_cursor"], limit=200)["data"]
    items = ndjson_items(export("/v1/statements", "ndjson", cursor=first["next_cursor"]).raw)
    assert items == rest
    assert_problem(export("/v1/statements", "csv", limit=0), 400, code="bad-parameter",
                   parameter="limit")


def test_format_json_wins_over_accept():
    r = fetch("/v1/topics?format=json", headers={"Accept": "text/csv"})
    assert r.status == 200 and r.header("Content-Type") == "application/json; charset=utf-8"
    assert r.body == get_ok("/v1/topics")


@pytest.mark.parametrize("accept", ["application/json", "*/*", "text/html, */*;q=0.8", ""])
def test_other_accept_headers_get_json(accept):
    r = fetch("/v1/topics", headers={"Accept": accept} if accept else {})
    assert r.status == 200 and r.header("Content-Type") == "application/json; charset=utf-8"


@pytest.mark.parametrize("accept", ["application/json, text/csv;q=0.5", "text/csv;q=0",
                                    "application/json;q=1, application/x-ndjson;q=0.1"])
def test_accept_quality_values_are_respected(accept):
    """RFC 9110 12.5.1: the client prefers JSON here (q=0 means "not CSV at
    all"); picking CSV because the string mentions it is wrong."""
    r = fetch_export("/v1/topics", headers={"Accept": accept})
    assert r.status == 200
    assert r.header("Content-Type") == "application/json; charset=utf-8", accept


@pytest.mark.parametrize("path,status,code", [
    ("/v1/statements?format=xml", 400, "bad-parameter"),
    ("/v1/statements?format=CSV", 400, "bad-parameter"),
    ("/v1/statements?format=csv&format=csv", 400, "bad-parameter"),
    ("/v1/statements?format=csv&stance=maybe", 400, "bad-parameter"),
    ("/v1/statements?format=csv&sort=relevance", 400, "bad-parameter"),
    ("/v1/statements?format=csv&cursor=zzz", 400, "bad-cursor"),
    ("/v1/actors/no-such-actor/statements?format=csv", 404, "not-found"),
    ("/v1/actors/no-such-actor/positions?format=ndjson", 404, "not-found"),
    ("/v1/topics/no-such-topic/timeline?format=csv", 404, "not-found"),
    ("/v1/statements/999999999/history?format=csv", 404, "not-found"),
])
def test_a_bad_export_request_is_a_problem_not_a_file(path, status, code):
    r = fetch(path, headers={"Accept": "text/csv"})
    assert_problem(r, status, code=code)
    assert r.header("Cache-Control") == "no-store"


def test_head_of_an_export_has_its_headers_and_no_body():
    conn = http.client.HTTPConnection(HOST, PORT, timeout=15)
    try:
        conn.request("HEAD", "/v1/statements?format=csv")
        r = conn.getresponse()
        assert r.read() == b""
        assert r.status == 200
        assert r.getheader("Content-Type") == "text/csv; charset=utf-8"
        # The connection is still usable: no stray body bytes.
        conn.request("GET", "/healthz")
        r = conn.getresponse()
        assert r.status == 200 and r.read() == b'{"status":"ok"}'
    finally:
        conn.close()


def test_exports_on_a_keep_alive_connection():
    conn = http.client.HTTPConnection(HOST, PORT, timeout=15)
    try:
        bodies = []
        for fmt in ("csv", "ndjson", "csv"):
            conn.request("GET", "/v1/topics?format=" + fmt)
            r = conn.getresponse()
            assert r.status == 200
            bodies.append(r.read())
        assert bodies[0] == bodies[2]
        assert len(ndjson_items(bodies[1])) == len(get_all("/v1/topics", limit=200))
    finally:
        conn.close()


# ---------------------------------------------------------------- a large export

LOAD_ROWS = 20000
LOAD_LABEL = "zz-export-load-%d" % os.getpid()


def _drop_load(label_pattern):
    psql_write("""
        BEGIN;
        SET LOCAL onrecord.actor = 'zz-export-load';
        DELETE FROM statements WHERE actor_id IN (SELECT id FROM actors WHERE slug LIKE %(p)s);
        DELETE FROM actors WHERE slug LIKE %(p)s;
        DELETE FROM changes WHERE actor LIKE 'zz-export-load%%';
        COMMIT;
    """ % {"p": lit(label_pattern)})


@pytest.fixture(scope="module")
def big_set():
    """LOAD_ROWS statements by a test actor, each reported by source 1, made in
    one transaction with psql; removed again (with their change history) when
    the module ends, so later tests see the seed."""
    _drop_load("zz-export-load-%")  # left over by an interrupted run
    before = int(sql_value("SELECT count(*) FROM statements"))
    psql_write("""
        BEGIN;
        SET LOCAL onrecord.actor = %(label)s;
        INSERT INTO actors (slug, name, kind) VALUES (%(label)s, 'Export Load Test', 'person');
        INSERT INTO statements (actor_id, said_on, said_precision, kind, language, summary,
                                context)
        SELECT a.id, DATE '1990-01-01' + (g %% 7000), 'day', 'paraphrase', 'en',
               'Generated statement ' || g || ' with "quotes", commas, a line' || chr(10) ||
               'break and Кириллица.', 'Load test'
        FROM generate_series(1, %(n)d) g, (SELECT id FROM actors WHERE slug = %(label)s) a;
        INSERT INTO statement_reports (statement_id, source_id, wording)
        SELECT s.id, 1, 'Generated wording of statement ' || s.id || '.'
        FROM statements s JOIN actors a ON a.id = s.actor_id WHERE a.slug = %(label)s;
        COMMIT;
    """ % {"label": lit(LOAD_LABEL), "n": LOAD_ROWS}, timeout=300)
    total = int(sql_value("SELECT count(*) FROM statements"))
    assert total == before + LOAD_ROWS
    try:
        yield total
    finally:
        _drop_load(LOAD_LABEL)
        assert sql_value("SELECT count(*) FROM statements WHERE actor_id IN (SELECT id FROM "
                         "actors WHERE slug LIKE 'zz-export-load-%')") == "0"


def test_a_large_export_has_every_row_in_the_order_of_the_json_pages(big_set):
    r = export("/v1/statements", "csv")
    assert r.status == 200 and r.header("Transfer-Encoding") == "chunked"
    header, rows = csv_rows(r.raw)
    assert header == STATEMENT_COLUMNS
    assert len(rows) == big_set  # 20,045 on the seed
    in_db = [int(x) for x in sql_col("SELECT id FROM statements ORDER BY said_on DESC, id DESC")]
    assert [int(x["id"]) for x in rows] == in_db
    # The first 200 and the last 200 rows against JSON pages, cell by cell (the
    # last ones are the oldest: the first page of sort=said_on, reversed).
    first = get_ok("/v1/statements", limit=200)["data"]
    last = get_ok("/v1/statements", limit=200, sort="said_on")["data"][::-1]
    for chunk, page in ((rows[:200], first), (rows[-200:], last)):
        assert [int(x["id"]) for x in chunk] == [s["id"] for s in page]
        for row, item in zip(chunk, page):
            for column in STATEMENT_COLUMNS:
                assert cell_matches(row[column], lookup(item, column)), (column, row, item)
    generated = [x for x in rows if x["actor.slug"] == LOAD_LABEL]
    assert len(generated) == LOAD_ROWS
    assert all(x["summary"].endswith("line\nbreak and \u041a\u0438\u0440\u0438\u043b\u043b"
                                     "\u0438\u0446\u0430.") for x in generated)
    ndjson = ndjson_items(export("/v1/statements", "ndjson", fields="id").raw)
    assert [x["id"] for x in ndjson] == in_db


def test_the_first_bytes_of_a_large_export_come_before_the_last_row_is_read(big_set):
    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
    try:
        conn.request("GET", "/v1/statements?format=csv")
        r = conn.getresponse()
        assert r.status == 200
        assert r.getheader("Transfer-Encoding") == "chunked"
        first = r.read1(1 << 20)  # one chunk
        assert first.startswith(b"id,said_on,")
        rest = r.read()
        total = len(first) + len(rest)
        assert len(first) < total // 10, (len(first), total)
        assert (first + rest).count(b"\r\n") >= big_set + 1
    finally:
        conn.close()


def test_abandoned_exports_free_their_slot_and_connection(big_set):
    """A client that stops reading after the first chunk ten times (more than
    the 8 exports that may run at once) leaves the server able to export."""
    for _ in range(10):
        conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
        try:
            conn.request("GET", "/v1/statements?format=csv")
            r = conn.getresponse()
            assert r.status == 200, r.read()[:300]
            r.read1(1 << 16)
        finally:
            conn.close()
    r = export("/v1/statements", "ndjson", fields="id", limit=5)
    assert r.status == 200 and len(ndjson_items(r.raw)) == 5
    r = export("/v1/statements", "csv", actor=LOAD_LABEL)
    assert r.status == 200 and len(csv_rows(r.raw)[1]) == LOAD_ROWS


def test_a_large_export_keeps_server_memory_flat(big_set):
    if os.environ.get("ONRECORD_SANITIZED") == "1":
        pytest.skip("AddressSanitizer keeps freed memory in quarantine (up to 256 MiB): "
                    "RSS says nothing about streaming there; the release pass checks it")
    pid = server_pid()
    if pid is None:
        pytest.skip("the server's process is not visible from here")
    # Warm up the export path (libpq, a connection, buffers) before measuring.
    assert export("/v1/statements", "csv", limit=100).status == 200
    before = rss_kib(pid)
    peak = before
    conn = http.client.HTTPConnection(HOST, PORT, timeout=60)
    received = 0
    try:
        conn.request("GET", "/v1/statements?format=csv")
        r = conn.getresponse()
        assert r.status == 200
        while True:
            block = r.read(256 * 1024)
            if not block:
                break
            received += len(block)
            peak = max(peak, rss_kib(pid))
    finally:
        conn.close()
    peak = max(peak, rss_kib(pid))
    assert received > 3 * 1024 * 1024, "the export is smaller than expected: %d" % received
    grew = peak - before
    assert grew < 16 * 1024, "RSS grew by %d KiB while streaming %d bytes" % (grew, received)
