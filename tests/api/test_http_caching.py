"""HTTP for newsroom clients and caches: validators and conditional GET (ETag,
If-None-Match, 304), HEAD wherever GET is, gzip, Cache-Control, Vary, CORS
for a browser desk on another origin (a second server with
ONRECORD_CORS_ORIGINS), request ids and Link headers.

ETags: a record's is strong, "<version>.<16 hex hash>"; a list's (and any
other GET's) is weak, W/"<16 hex hash>". Both change when the body does."""
import gzip
import re
import urllib.parse

import pytest

from conftest import assert_problem, connect, fetch, get_ok
from newsroom_support import fetch_export
from writes_support import SecondServer, etag_parts

STRONG = re.compile(r'^"[1-9][0-9]*\.[0-9a-f]{16}"$')
WEAK = re.compile(r'^W/"[0-9a-f]{16}"$')

RECORDS = [
    "/v1/actors/alan-gagloev",
    "/v1/roles/2",
    "/v1/statements/41",
    "/v1/statements/15",  # over 1 KiB: gzipped for clients that take it
    "/v1/stances/15/south-ossetia-joins-russia",
    "/v1/sources/1",
    "/v1/outlets/jamnews",
    "/v1/topics/south-ossetia-joins-russia",
    "/v1/recognitions/1",
]
LISTS = [
    "/v1/actors",
    "/v1/actors?kind=person",
    "/v1/statements?limit=200",
    "/v1/statements?q=utopia&sort=relevance&highlight=1",
    "/v1/statements?include=actor,reports,stances&limit=3",
    "/v1/sources",
    "/v1/outlets",
    "/v1/topics",
    "/v1/recognitions",
    "/v1/changes?limit=5",
    "/v1/actors/alan-gagloev/statements",
    "/v1/actors/russia/recognitions",
    "/v1/actors/alan-gagloev/positions",
    "/v1/topics/south-ossetia-joins-russia/stances",
    "/v1/topics/south-ossetia-joins-union-state/timeline",
    "/v1/statements/15/history",
    "/v1/stats/stances?topic=south-ossetia-joins-russia&interval=quarter",
]
OTHER_GETS = ["/"]
HEALTH = ["/healthz", "/readyz"]
ERRORS = [
    ("/v1/actors/no-such-actor", 404),
    ("/v1/statements?sort=relevance", 400),
    ("/v1/topics/no-such-topic/timeline", 404),
    ("/v1/stats/stances?interval=week", 400),
    ("/nope", 404),
]


# ---------------------------------------------------------------- ETag and 304


@pytest.mark.parametrize("path", RECORDS)
def test_a_record_has_a_strong_etag_of_version_and_hash(path):
    r = fetch(path)
    assert r.status == 200, r
    assert STRONG.match(r.header("ETag") or ""), r.header("ETag")
    version, _ = etag_parts(r)
    assert version >= 1
    assert fetch(path).header("ETag") == r.header("ETag"), "the ETag is not stable"


@pytest.mark.parametrize("path", LISTS + OTHER_GETS)
def test_a_list_and_any_other_get_has_a_weak_etag(path):
    r = fetch(path)
    assert r.status == 200, r
    assert WEAK.match(r.header("ETag") or ""), r.header("ETag")
    assert fetch(path).header("ETag") == r.header("ETag"), "the ETag is not stable"


@pytest.mark.parametrize("path", HEALTH)
def test_health_checks_are_not_stored_and_carry_no_etag(path):
    r = fetch(path)
    assert r.status == 200, r
    assert r.header("Cache-Control") == "no-store"
    assert r.header("ETag") is None


def test_different_bodies_have_different_etags():
    tags = {fetch(p).header("ETag") for p in LISTS + RECORDS}
    assert len(tags) == len(LISTS + RECORDS)
    # The same list in another shape is another representation.
    assert fetch("/v1/statements?fields=id").header("ETag") != \
        fetch("/v1/statements").header("ETag")


@pytest.mark.parametrize("path", RECORDS + LISTS)
def test_if_none_match_with_the_etag_is_304_without_a_body(path):
    r = fetch(path)
    tag = r.header("ETag")
    n = fetch(path, headers={"If-None-Match": tag})
    assert n.status == 304, n
    assert n.raw == b""
    assert n.header("ETag") == tag
    assert n.header("Content-Type") is None
    assert n.header("Cache-Control") == "no-cache"
    assert n.header("X-Request-Id")


@pytest.mark.parametrize("path", ["/v1/actors/alan-gagloev", "/v1/topics"])
def test_if_none_match_uses_the_weak_comparison_and_takes_lists(path):
    """RFC 9110 13.1.2: W/"x" matches "x"; a list matches when one tag does; * matches."""
    tag = fetch(path).header("ETag")
    opaque = tag[2:] if tag.startswith("W/") else tag
    for value in (opaque, "W/" + opaque, '"0000000000000000", ' + tag, "*",
                  'W/"nope",%s' % tag):
        assert fetch(path, headers={"If-None-Match": value}).status == 304, value
    for value in ('"0000000000000000"', 'W/"nope"', opaque[:-2] + '"'):
        r = fetch(path, headers={"If-None-Match": value})
        assert r.status == 200 and r.header("ETag") == tag, value


def test_a_304_keeps_the_connection_open():
    conn = connect()
    try:
        conn.request("GET", "/v1/topics")
        r = conn.getresponse()
        r.read()
        sock = conn.sock
        for _ in range(3):
            conn.request("GET", "/v1/topics", headers={"If-None-Match": r.getheader("ETag")})
            n = conn.getresponse()
            assert n.status == 304 and n.read() == b""
        conn.request("GET", "/healthz")
        h = conn.getresponse()
        assert h.status == 200 and h.read() == b'{"status":"ok"}'
        assert conn.sock is sock
    finally:
        conn.close()


def test_a_304_answers_a_head_too():
    tag = fetch("/v1/statements/41").header("ETag")
    r = fetch("/v1/statements/41", method="HEAD", headers={"If-None-Match": tag})
    assert r.status == 304 and r.header("ETag") == tag and r.raw == b""


def test_errors_and_exports_have_no_etag():
    for path, status in ERRORS:
        r = fetch(path)
        assert r.status == status and r.header("ETag") is None, path
    r = fetch_export("/v1/topics?format=csv")
    assert r.status == 200 and r.header("ETag") is None  # streamed: no hash of the whole


# ---------------------------------------------------------------- HEAD


ALL_GETS = RECORDS + LISTS + OTHER_GETS + ["/openapi.yaml", "/v1/actors/alan-gagloev/history"]


@pytest.mark.parametrize("path", ALL_GETS + [p for p, _ in ERRORS])
def test_head_answers_wherever_get_does_with_the_same_headers(path):
    g = fetch(path)
    h = fetch(path, method="HEAD")
    assert h.status == g.status
    assert h.raw == b""
    for name in ("Content-Type", "Content-Length", "ETag", "Cache-Control", "Vary",
                 "Content-Encoding", "Link"):
        assert h.header(name) == g.header(name), (path, name)


# ---------------------------------------------------------------- gzip and Vary


def test_a_big_list_is_gzipped_for_a_client_that_takes_gzip():
    plain = fetch("/v1/statements?limit=200")
    assert len(plain.raw) > 4096 and plain.header("Content-Encoding") is None
    zipped = fetch_export("/v1/statements?limit=200", headers={"Accept-Encoding": "gzip"})
    assert zipped.status == 200
    assert zipped.header("Content-Encoding") == "gzip"
    assert int(zipped.header("Content-Length")) == len(zipped.raw) < len(plain.raw)
    assert gzip.decompress(zipped.raw) == plain.raw
    assert zipped.header("ETag") == plain.header("ETag")
    for r in (plain, zipped):
        assert "Accept-Encoding" in [v.strip() for v in r.header("Vary").split(",")]


@pytest.mark.parametrize("accept_encoding,gzipped", [
    ("gzip", True), ("gzip, deflate, br", True), ("br;q=1.0, gzip;q=0.8", True), ("*", True),
    ("GZIP", True), ("identity", False), ("gzip;q=0", False), ("deflate", False), ("", False),
])
def test_gzip_follows_accept_encoding(accept_encoding, gzipped):
    r = fetch_export("/v1/statements?limit=200", headers={"Accept-Encoding": accept_encoding})
    assert r.status == 200
    assert (r.header("Content-Encoding") == "gzip") == gzipped, accept_encoding


def test_a_gzipped_record_is_the_record():
    plain = fetch("/v1/statements/15")
    zipped = fetch_export("/v1/statements/15", headers={"Accept-Encoding": "gzip"})
    assert zipped.header("Content-Encoding") == "gzip"
    assert gzip.decompress(zipped.raw) == plain.raw


def test_small_bodies_are_not_compressed():
    for path in ("/v1/actors/alan-gagloev", "/healthz", "/v1/topics/south-ossetia-joins-russia",
                 "/v1/actors/no-such-actor"):
        r = fetch(path, headers={"Accept-Encoding": "gzip"})
        assert len(r.raw) < 1024, path
        assert r.header("Content-Encoding") is None, path


def test_exports_are_not_gzipped_but_stream():
    r = fetch_export("/v1/statements?format=csv", headers={"Accept-Encoding": "gzip"})
    assert r.status == 200 and r.header("Content-Encoding") is None
    assert r.raw.startswith(b"id,said_on,")


def test_a_list_that_answers_csv_for_another_accept_says_it_varies_by_accept():
    """The same URL gives JSON or CSV depending on Accept: without
    `Vary: Accept` a browser cache that stored the CSV answers a later JSON
    request with it (RFC 9110 12.5.5)."""
    for path, accept in (("/v1/topics", None), ("/v1/topics", "text/csv"),
                         ("/v1/statements?limit=200", None),
                         ("/v1/statements", "application/x-ndjson")):
        r = fetch_export(path, headers={"Accept": accept} if accept else {})
        assert r.status == 200
        vary = [v.strip().lower() for v in (r.header("Vary") or "").split(",")]
        assert "accept" in vary, (path, accept, r.header("Vary"))


# ---------------------------------------------------------------- Cache-Control


@pytest.mark.parametrize("path", RECORDS + LISTS + ["/"])
def test_data_is_cacheable_but_revalidated(path):
    assert fetch(path).header("Cache-Control") == "no-cache"


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_checks_are_never_stored(path):
    """A cached "ok" would hide an outage from the load balancer."""
    r = fetch(path)
    assert r.status == 200 and r.header("Cache-Control") == "no-store"


def test_exports_are_revalidated_too():
    for query in ("format=csv", "format=ndjson"):
        r = fetch_export("/v1/topics?" + query)
        assert r.status == 200 and r.header("Cache-Control") == "no-cache"


@pytest.mark.parametrize("path,status", ERRORS)
def test_errors_are_not_stored(path, status):
    r = fetch(path)
    assert r.status == status
    assert r.header("Cache-Control") == "no-store"


def test_refused_writes_and_options_are_not_stored():
    r = fetch("/v1/actors", method="POST", body=b"{}",
              headers={"Content-Type": "application/json"})
    assert_problem(r, 401)
    assert r.header("Cache-Control") == "no-store"
    r = fetch("/v1/actors/alan-gagloev", method="PUT")
    assert r.status == 405 and r.header("Cache-Control") == "no-store"
    r = fetch("/v1/actors", method="OPTIONS")
    assert r.status == 204 and r.header("Cache-Control") == "no-store"


# ---------------------------------------------------------------- request ids and Link


@pytest.mark.parametrize("path,method,headers", [
    ("/v1/statements/41", "GET", {}),
    ("/v1/statements/41", "HEAD", {}),
    ("/v1/statements?limit=200", "GET", {"Accept-Encoding": "gzip"}),
    ("/v1/stats/stances", "GET", {}),
    ("/v1/topics", "OPTIONS", {}),
])
def test_a_client_request_id_is_echoed(path, method, headers):
    r = fetch_export(path, method=method, headers=dict(headers, **{"X-Request-Id": "desk-42.a"}))
    assert r.header("X-Request-Id") == "desk-42.a"


def test_a_request_id_is_echoed_on_a_304_and_an_export():
    tag = fetch("/v1/topics").header("ETag")
    r = fetch("/v1/topics", headers={"If-None-Match": tag, "X-Request-Id": "desk-304"})
    assert r.status == 304 and r.header("X-Request-Id") == "desk-304"
    r = fetch_export("/v1/topics?format=csv", headers={"X-Request-Id": "desk-csv"})
    assert r.status == 200 and r.header("X-Request-Id") == "desk-csv"


@pytest.mark.parametrize("path", [
    "/v1/statements?q=gagloev&sort=relevance&limit=4",
    "/v1/statements?sort=said_on&include=reports&fields=id,reports&limit=10",
    "/v1/topics/south-ossetia-joins-russia/timeline?limit=3",
    "/v1/actors/alan-gagloev/positions?limit=2",
    "/v1/changes?limit=50",
])
def test_a_page_with_more_links_to_the_next_keeping_every_parameter(path):
    r = fetch(path)
    assert r.status == 200 and r.body["next_cursor"], r
    m = re.fullmatch(r'<([^>]*)>; rel="next"', r.header("Link") or "")
    assert m, r.header("Link")
    target = urllib.parse.urlsplit(m.group(1))
    given = urllib.parse.urlsplit(path)
    assert target.path == given.path
    query = urllib.parse.parse_qs(target.query)
    assert query.pop("cursor") == [r.body["next_cursor"]]
    assert query == urllib.parse.parse_qs(given.query)
    nxt = fetch(m.group(1))
    assert nxt.status == 200
    assert nxt.body == get_ok(given.path, cursor=r.body["next_cursor"],
                              **{k: v[0] for k, v in urllib.parse.parse_qs(given.query).items()})


def test_the_last_page_has_no_link():
    r = fetch("/v1/statements?q=utopia")
    assert r.body["next_cursor"] is None and r.header("Link") is None


# ---------------------------------------------------------------- CORS

DESK = "https://desk.example"


@pytest.fixture(scope="module")
def cors_server():
    with SecondServer(ONRECORD_CORS_ORIGINS=DESK) as server:
        yield server


def _allowed(r, name):
    return [v.strip() for v in (r.headers.get(name) or "").split(",") if v.strip()]


def test_a_preflight_from_the_desk_is_answered(cors_server):
    r = cors_server.fetch("/v1/actors/alan-gagloev", method="OPTIONS", headers={
        "Origin": DESK, "Access-Control-Request-Method": "PATCH",
        "Access-Control-Request-Headers": "authorization, content-type, if-match"})
    assert r.status == 204 and r.raw == b""
    assert r.headers.get("Access-Control-Allow-Origin") == DESK
    assert set(_allowed(r, "Access-Control-Allow-Methods")) >= {"GET", "PATCH", "DELETE"}
    allowed_headers = {h.lower() for h in _allowed(r, "Access-Control-Allow-Headers")}
    assert {"authorization", "content-type", "if-match", "if-none-match",
            "idempotency-key"} <= allowed_headers
    assert int(r.headers.get("Access-Control-Max-Age")) > 0
    assert "Origin" in _allowed(r, "Vary")


def test_a_preflight_names_the_origin_once(cors_server):
    """Two Access-Control-Allow-Origin fields (or one with two values) make
    browsers reject the preflight: the desk could never PATCH."""
    r = cors_server.fetch("/v1/actors/alan-gagloev", method="OPTIONS", headers={
        "Origin": DESK, "Access-Control-Request-Method": "PATCH"})
    assert r.status == 204
    assert r.headers.get_all("Access-Control-Allow-Origin") == [DESK]


def test_a_get_from_the_desk_may_be_read_by_the_page(cors_server):
    r = cors_server.fetch("/v1/statements?q=utopia", headers={"Origin": DESK})
    assert r.status == 200
    assert r.headers.get_all("Access-Control-Allow-Origin") == [DESK]
    exposed = set(_allowed(r, "Access-Control-Expose-Headers"))
    assert {"ETag", "Link", "X-Request-Id"} <= exposed
    assert "Origin" in _allowed(r, "Vary")
    # Errors too, so the page can read the problem.
    r = cors_server.fetch("/v1/actors/no-such-actor", headers={"Origin": DESK})
    assert r.status == 404 and r.headers.get("Access-Control-Allow-Origin") == DESK


@pytest.mark.parametrize("origin", ["https://evil.example", "https://desk.example.evil",
                                    "http://desk.example", "null"])
def test_another_origin_gets_no_cors_headers(cors_server, origin):
    r = cors_server.fetch("/v1/actors/alan-gagloev", headers={"Origin": origin})
    assert r.status == 200
    assert r.headers.get("Access-Control-Allow-Origin") is None
    assert r.headers.get("Access-Control-Expose-Headers") is None
    p = cors_server.fetch("/v1/actors", method="OPTIONS", headers={
        "Origin": origin, "Access-Control-Request-Method": "GET"})
    assert p.status == 204
    assert p.headers.get("Access-Control-Allow-Origin") is None
    assert p.headers.get("Access-Control-Allow-Methods") is None


def test_a_preflight_for_an_unknown_path_is_404(cors_server):
    r = cors_server.fetch("/v1/nothing", method="OPTIONS", headers={
        "Origin": DESK, "Access-Control-Request-Method": "GET"})
    assert r.status == 404


def test_without_configured_origins_there_is_no_cors():
    r = fetch("/v1/actors/alan-gagloev", headers={"Origin": DESK})
    assert r.status == 200 and r.header("Access-Control-Allow-Origin") is None
    r = fetch("/v1/actors", method="OPTIONS",
              headers={"Origin": DESK, "Access-Control-Request-Method": "GET"})
    assert r.status == 204 and r.header("Access-Control-Allow-Origin") is None
