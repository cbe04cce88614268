"""Errors: every malformed request gets a 4xx problem naming what was wrong,
never a 5xx, and the server keeps serving afterwards."""
import http.client
import urllib.parse

import pytest

from conftest import (PROBLEM_TYPE, Response, assert_problem, connect, fetch, get_all, get_ok,
                      lit, raw_request, server_alive, sql_col, sql_value)

# ---------------------------------------------------------------- unknown and repeated parameters


@pytest.mark.parametrize("path,name", [
    ("/v1/actors?bogus=1", "bogus"),
    ("/v1/actors?Kind=state", "Kind"),
    ("/v1/statements?actor=alan-gagloev&speaker=x", "speaker"),
    ("/v1/statements?page=2", "page"),
    ("/v1/statements?offset=10", "offset"),
    ("/v1/topics?q=union", "q"),
    ("/v1/recognitions?date=2012-01-01", "date"),
    ("/v1/sources?state_owned=true", "state_owned"),
    ("/v1/outlets?kind=article", "kind"),
    ("/v1/actors/south-ossetia?verbose=1", "verbose"),
    ("/v1/statements/1?fields=id", "fields"),
    ("/v1/topics/south-ossetia-joins-russia/stances?stance=supports", "stance"),
    ("/healthz?x", "x"),
    ("/readyz?x=1", "x"),
    ("/?x=1", "x"),
])
def test_an_unknown_query_parameter_is_400_naming_it(path, name):
    body = assert_problem(fetch(path), 400, code="unknown-parameter", parameter=name)
    assert body["invalid_params"][0]["name"] == name


@pytest.mark.parametrize("path,name", [
    ("/v1/actors/south-ossetia/statements?actor=alan-gagloev", "actor"),
    ("/v1/actors/south-ossetia/recognitions?actor=russia", "actor"),
    ("/v1/topics/south-ossetia-joins-russia/stances?topic=x", "topic"),
])
def test_a_filter_fixed_by_the_path_cannot_be_given_again(path, name):
    assert_problem(fetch(path), 400, parameter=name)


@pytest.mark.parametrize("path,name", [
    ("/v1/actors?limit=1&limit=2", "limit"),
    ("/v1/actors?kind=state&kind=state", "kind"),
    ("/v1/statements?actor=alan-gagloev&actor=anatoly-bibilov", "actor"),
    ("/v1/recognitions?as_of=2012-01-01&territory=south-ossetia&as_of=2015-01-01", "as_of"),
    ("/v1/statements?q=a&q=b", "q"),
])
def test_a_repeated_parameter_is_400(path, name):
    assert_problem(fetch(path), 400, code="bad-parameter", parameter=name)


# ---------------------------------------------------------------- malformed values

BAD_VALUES = [
    # slugs
    ("/v1/statements", "actor", "Alan-Gagloev"),
    ("/v1/statements", "actor", "alan_gagloev"),
    ("/v1/statements", "actor", "-alan"),
    ("/v1/statements", "actor", "alan-"),
    ("/v1/statements", "actor", "alan--gagloev"),
    ("/v1/statements", "actor", "alan gagloev"),
    ("/v1/statements", "actor", "a" * 101),
    ("/v1/statements", "actor", ""),
    ("/v1/statements", "topic", "union/state"),
    ("/v1/statements", "outlet", "TASS"),
    ("/v1/recognitions", "territory", "south.ossetia"),
    ("/v1/recognitions", "state", "x';drop"),
    ("/v1/sources", "outlet", "tass'"),
    # dates
    ("/v1/statements", "from", "2023-02-29"),
    ("/v1/statements", "from", "2024-13-01"),
    ("/v1/statements", "from", "2024-00-10"),
    ("/v1/statements", "from", "2024-04-31"),
    ("/v1/statements", "from", "2024-1-01"),
    ("/v1/statements", "from", "20240101"),
    ("/v1/statements", "from", "2024-08"),
    ("/v1/statements", "to", "2024"),
    ("/v1/statements", "to", "2024-08-15T00:00:00"),
    ("/v1/statements", "to", "yesterday"),
    ("/v1/statements", "to", "0000-01-01"),
    ("/v1/recognitions", "as_of", "2011-02-30"),
    ("/v1/recognitions", "as_of", "1900-02-29"),
    ("/v1/recognitions", "as_of", ""),
    ("/v1/topics/south-ossetia-joins-russia/stances", "from", "2022-3-30"),
    # ids
    ("/v1/statements", "source", "0"),
    ("/v1/statements", "source", "-1"),
    ("/v1/statements", "source", "abc"),
    ("/v1/statements", "source", "1.5"),
    ("/v1/statements", "source", "01"),
    ("/v1/statements", "source", "+1"),
    ("/v1/statements", "source", "99999999999999999999"),
    ("/v1/statements", "source", "9223372036854775808"),
    # enums
    ("/v1/actors", "kind", "State"),
    ("/v1/actors", "kind", "country"),
    ("/v1/actors", "kind", ""),
    ("/v1/statements", "stance", "maybe"),
    ("/v1/statements", "stance", "SUPPORTS"),
    ("/v1/outlets", "state_owned", "yes"),
    ("/v1/outlets", "state_owned", "1"),
    ("/v1/sources", "kind", "tweet"),
    ("/v1/topics/south-ossetia-joins-russia/stances", "position", "for"),
    # language tags
    ("/v1/statements", "lang", "EN"),
    ("/v1/statements", "lang", "e"),
    ("/v1/statements", "lang", "en_US"),
    ("/v1/statements", "lang", "en-"),
    ("/v1/statements", "lang", "english"),
    ("/v1/sources", "lang", "ru-x"),
    # text
    ("/v1/statements", "q", ""),
    ("/v1/statements", "q", "x" * 201),
    ("/v1/actors", "q", ""),
    # limit
    ("/v1/actors", "limit", "0"),
    ("/v1/actors", "limit", "201"),
    ("/v1/actors", "limit", "abc"),
    ("/v1/actors", "limit", "-1"),
    ("/v1/actors", "limit", "1.0"),
    ("/v1/actors", "limit", "010"),
    ("/v1/actors", "limit", ""),
    ("/v1/statements", "limit", "100000000000000000000000"),
]


@pytest.mark.parametrize("path,name,value", BAD_VALUES)
def test_a_malformed_value_is_400_naming_the_parameter(path, name, value):
    r = fetch(path + "?" + urllib.parse.urlencode({name: value}))
    body = assert_problem(r, 400, code="bad-parameter", parameter=name)
    assert body["invalid_params"] == [{"name": name, "reason": body["detail"]}]


@pytest.mark.parametrize("path,name,value", [
    ("/v1/statements", "from", "2024-02-29"),
    ("/v1/statements", "to", "2000-02-29"),
    ("/v1/recognitions", "as_of", "0001-01-01"),
    ("/v1/recognitions", "as_of", "9999-12-31"),
    ("/v1/statements", "source", "9223372036854775807"),
    ("/v1/statements", "lang", "en-GB"),
    ("/v1/statements", "lang", "os"),
    ("/v1/statements", "q", "x" * 200),
    ("/v1/actors", "limit", "1"),
    ("/v1/actors", "limit", "200"),
    ("/v1/actors", "q", "\u0426\u0445\u0438\u043d\u0432\u0430\u043b"),
    ("/v1/statements", "actor", "a" * 100),
])
def test_edge_values_that_are_well_formed_are_accepted(path, name, value):
    r = fetch(path + "?" + urllib.parse.urlencode({name: value}))
    assert r.status == 200, r


@pytest.mark.parametrize("path,name", [
    ("/v1/actors/Alan-Gagloev", "slug"),
    ("/v1/actors/alan_gagloev", "slug"),
    ("/v1/actors/alan%20gagloev", "slug"),
    ("/v1/actors/%2e%2e", "slug"),
    ("/v1/actors/BAD/statements", "slug"),
    ("/v1/actors/BAD/recognitions", "slug"),
    ("/v1/topics/Union/stances", "slug"),
    ("/v1/topics/a--b", "slug"),
    ("/v1/outlets/TASS", "slug"),
    ("/v1/statements/0", "id"),
    ("/v1/statements/-1", "id"),
    ("/v1/statements/abc", "id"),
    ("/v1/statements/1e3", "id"),
    ("/v1/statements/99999999999999999999", "id"),
    ("/v1/sources/0", "id"),
    ("/v1/sources/x", "id"),
])
def test_a_malformed_path_parameter_is_400(path, name):
    assert_problem(fetch(path), 400, code="bad-parameter", parameter=name)


def test_a_problem_for_a_path_with_invalid_utf8_still_has_an_instance():
    """The instance member must not vanish when the path is not UTF-8."""
    r = fetch("/v1/actors/x%ffy")
    body = assert_problem(r, 400, code="bad-parameter", parameter="slug")
    assert body["instance"].startswith("/v1/actors/x")


# ---------------------------------------------------------------- cursors


def _b64(raw):
    import base64
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


# A cursor is base64url("v1", the name of the list query that made it, the sort
# key's parts), tab-joined: it only fits the list (and order) that produced it.
@pytest.mark.parametrize("path,cursor", [
    ("/v1/actors", "zzz"),
    ("/v1/actors", "!!!!"),
    ("/v1/actors", "a"),
    ("/v1/actors", "x" * 1000),
    ("/v1/actors", _b64(b"v2\tactors_list\talan-gagloev")),
    ("/v1/actors", _b64(b"v1\tactors_list\tAlan Gagloev")),
    ("/v1/actors", _b64(b"v1\tactors_list\talan-gagloev\textra")),
    ("/v1/actors", _b64(b"v1\tactors_list\tx\x00y")),
    ("/v1/actors", _b64(b"v1\tactors_list\t\xff\xfe")),
    ("/v1/actors", _b64(b"v1\tactors_list")),
    ("/v1/actors", _b64(b"v1\talan-gagloev")),  # no list name: the format before 0004
    ("/v1/actors", _b64(b"v1\toutlets_list\talan-gagloev")),  # another list's name
    ("/v1/actors", _b64(b"v1\tACTORS_LIST\talan-gagloev")),
    ("/v1/statements", _b64(b"v1\tstatements_newest\talan-gagloev")),
    ("/v1/statements", _b64(b"v1\tstatements_newest\t2023-02-29\t5")),
    ("/v1/statements", _b64(b"v1\tstatements_newest\t2022-01-01\t0")),
    ("/v1/statements", _b64(b"v1\tstatements_newest\t2022-01-01\t99999999999999999999")),
    ("/v1/statements", _b64(b"v1\tstatements_newest\t2022-01-01")),
    ("/v1/statements", _b64(b"v1\tstatements_newest\t2022-01-01\t1") + "="),
    ("/v1/statements", _b64(b"v1\t2022-01-01\t1")),  # well formed before 0004
    ("/v1/statements?sort=said_on", _b64(b"v1\tstatements_newest\t2022-01-01\t1")),
    ("/v1/statements?q=referendum&sort=relevance",
     _b64(b"v1\tstatements_relevance\tnan\t17")),
    ("/v1/statements?q=referendum&sort=relevance",
     _b64(b"v1\tstatements_newest\t2022-01-01\t17")),
    ("/v1/sources", _b64(b"v1\tsources_list\t-3")),
    ("/v1/recognitions", _b64(b"v1\trecognitions_list\t2012-01-01\tx")),
    ("/v1/topics", ""),
])
def test_a_garbage_cursor_is_400(path, cursor):
    sep = "&" if "?" in path else "?"
    assert_problem(fetch(path + sep + "cursor=" + urllib.parse.quote(cursor, safe="")), 400,
                   code="bad-cursor", parameter="cursor")


def test_a_well_formed_cursor_is_accepted():
    first = get_ok("/v1/statements", limit=2)
    r = fetch("/v1/statements?limit=2&cursor=" + first["next_cursor"])
    assert r.status == 200, r
    assert len(r.body["data"]) == 2
    assert not {s["id"] for s in r.body["data"]} & {s["id"] for s in first["data"]}


def test_a_cursor_of_another_list_is_refused():
    outlets = get_ok("/v1/outlets", limit=1)["next_cursor"]
    assert outlets
    # An outlet's slug would be a valid actor key: only the list name tells them apart.
    assert get_ok("/v1/outlets", limit=1, cursor=outlets)["data"]
    body = assert_problem(fetch("/v1/actors?cursor=" + outlets), 400, code="bad-cursor",
                          parameter="cursor")
    assert "cursor" in body["detail"]


def test_a_cursor_of_another_sort_order_is_refused():
    newest = get_ok("/v1/statements", limit=1)["next_cursor"]
    assert_problem(fetch("/v1/statements?sort=said_on&cursor=" + newest), 400,
                   code="bad-cursor", parameter="cursor")
    oldest = get_ok("/v1/statements", limit=1, sort="said_on")["next_cursor"]
    assert fetch("/v1/statements?sort=said_on&cursor=" + oldest).status == 200
    assert_problem(fetch("/v1/statements?cursor=" + oldest), 400, code="bad-cursor")
    relevance = get_ok("/v1/statements", q="referendum", sort="relevance",
                       limit=1)["next_cursor"]
    assert_problem(fetch("/v1/statements?q=referendum&cursor=" + relevance), 400,
                   code="bad-cursor")


# ---------------------------------------------------------------- not found


@pytest.mark.parametrize("path", [
    "/v1", "/v1/", "/v2/actors", "/v1/actors/", "/v1/actorsx", "/V1/actors", "/v1//actors",
    "/v1/actors/south-ossetia/", "/v1/actors/south-ossetia/statements/1",
    "/v1/actors/south-ossetia/roles", "/v1/statements/1/reports", "/v1/events",
    "/healthz/", "/index.html", "/favicon.ico", "//", "/%2e%2e/etc/passwd",
])
def test_an_unknown_path_is_404(path):
    assert_problem(fetch(path), 404, code="not-found")


@pytest.mark.parametrize("path", [
    "/v1/actors/no-such-actor",
    "/v1/statements/999999999",
    "/v1/statements/9223372036854775807",
    "/v1/sources/999999999",
    "/v1/outlets/no-such-outlet",
    "/v1/topics/no-such-topic",
    "/v1/actors/no-such-actor/statements",
    "/v1/actors/no-such-actor/recognitions",
    "/v1/topics/no-such-topic/stances",
])
def test_an_unknown_record_is_404(path):
    body = assert_problem(fetch(path), 404, code="not-found", instance=path)
    assert "parameter" not in body


def test_a_filter_naming_an_unknown_record_is_an_empty_list():
    for path in ("/v1/statements?actor=no-such-actor", "/v1/statements?topic=no-such-topic",
                 "/v1/sources?outlet=no-such-outlet", "/v1/recognitions?territory=no-such-place",
                 "/v1/statements?source=999999999"):
        assert get_ok(path) == {"data": [], "next_cursor": None}, path


def test_nested_lists_with_filters_still_404_for_an_unknown_parent():
    assert_problem(fetch("/v1/actors/no-such-actor/statements?topic=x&limit=5"), 404)
    assert_problem(fetch("/v1/topics/no-such-topic/stances?position=supports"), 404)


# ---------------------------------------------------------------- methods


# What each path allows; any other method is 405 with this Allow header.
ALLOWED = {
    "/v1/actors": "GET, HEAD, POST",
    "/v1/actors/south-ossetia": "GET, HEAD, PATCH, DELETE",
    "/v1/actors/south-ossetia/statements": "GET, HEAD",
    "/v1/statements/1": "GET, HEAD, PATCH, DELETE",
    "/v1/statements/1/history": "GET, HEAD",
    "/v1/recognitions": "GET, HEAD, POST",
    "/v1/changes": "GET, HEAD",
    "/healthz": "GET, HEAD",
    "/": "GET, HEAD",
    # Routes of the newsroom round.
    "/v1/actors/alan-gagloev/positions": "GET, HEAD",
    "/v1/actors/alan-gagloev/history": "GET, HEAD",
    "/v1/topics/south-ossetia-joins-russia": "GET, HEAD, PATCH, DELETE",
    "/v1/topics/south-ossetia-joins-russia/timeline": "GET, HEAD",
    "/v1/topics/south-ossetia-joins-russia/stances": "GET, HEAD",
    "/v1/topics/south-ossetia-joins-russia/history": "GET, HEAD",
    "/v1/stats/stances": "GET, HEAD",
    "/v1/roles": "POST",
    "/v1/stances": "POST",
}


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", sorted(ALLOWED))
def test_a_method_a_path_does_not_take_is_405_with_allow(method, path):
    if method in ALLOWED[path].split(", "):
        pytest.skip(f"{path} takes {method}")
    body = b'{"name": "x"}' if method in ("POST", "PUT", "PATCH") else None
    headers = {"Content-Type": "application/json"} if body else {}
    r = fetch(path, method=method, body=body, headers=headers)
    assert_problem(r, 405, code="method-not-allowed", instance=path)
    assert r.header("Allow") == ALLOWED[path]


@pytest.mark.parametrize("method", ["POST", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", ["/v1/actors", "/v1/actors/south-ossetia", "/v1/statements/1"])
def test_a_write_without_a_key_is_401_before_anything_else(method, path):
    if method not in ALLOWED[path].split(", "):
        pytest.skip(f"{path} does not take {method}")
    r = fetch(path, method=method, body=b"{", headers={"Content-Type": "application/json"})
    assert_problem(r, 401, code="unauthorized", instance=path)
    assert r.header("WWW-Authenticate").startswith("Bearer")


def test_a_write_method_on_an_unknown_path_is_404():
    assert_problem(fetch("/v1/nothing", method="DELETE"), 404)


def test_an_unknown_method_is_answered_with_4xx():
    r = fetch("/v1/actors", method="BREW")
    assert 400 <= r.status < 500
    assert server_alive()


# ---------------------------------------------------------------- sizes


def test_a_body_over_one_mib_is_413_and_the_server_keeps_serving():
    body = b"x" * (1024 * 1024 + 1)
    try:
        r = fetch("/v1/actors", method="POST", body=body,
                  headers={"Content-Type": "application/octet-stream"})
    except (ConnectionError, http.client.HTTPException) as e:
        r = None
        err = e
    assert server_alive()
    assert r is not None, "no response to a 1 MiB + 1 byte body: %r" % (err,)
    assert_problem(r, 413, code="body-too-large")


def test_a_large_body_on_get_is_413():
    body = b"{" + b" " * (2 * 1024 * 1024) + b"}"
    try:
        r = fetch("/v1/statements", method="GET", body=body)
    except (ConnectionError, http.client.HTTPException) as e:
        r = None
        err = e
    assert server_alive()
    assert r is not None, "no response to a 2 MiB body: %r" % (err,)
    assert_problem(r, 413, code="body-too-large")


def test_a_declared_body_over_one_mib_with_expect_100_continue_gets_413_before_sending_it():
    status, head, body = raw_request(
        b"POST /v1/actors HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 1048577\r\nExpect: 100-continue\r\n\r\n", timeout=5)
    assert status == 413, head
    assert b"application/problem+json" in head
    assert server_alive()


def test_a_body_of_exactly_one_mib_is_read_and_then_the_method_is_refused():
    r = fetch("/v1/actors/south-ossetia/statements", method="POST", body=b"x" * (1024 * 1024),
              headers={"Content-Type": "application/octet-stream"})
    assert_problem(r, 405)


def test_a_chunked_body_over_one_mib_is_413():
    conn = connect()
    try:
        conn.request("POST", "/v1/actors", body=iter([b"x" * 600000, b"y" * 600000]),
                     headers={"Transfer-Encoding": "chunked"}, encode_chunked=True)
        resp = conn.getresponse()
        r = Response(resp.status, resp.headers, resp.read())
    except (ConnectionError, http.client.HTTPException) as e:
        r = None
        err = e
    finally:
        conn.close()
    assert server_alive()
    assert r is not None, "no response to a 1.2 MB chunked body: %r" % (err,)
    assert_problem(r, 413, code="body-too-large")


def test_a_small_body_on_get_is_ignored_and_the_connection_is_reused():
    conn = connect()
    try:
        conn.request("GET", "/v1/actors?limit=1", body=b"x" * 1000)
        r = conn.getresponse()
        r.read()
        assert r.status == 200
        sock = conn.sock
        conn.request("GET", "/healthz")
        r = conn.getresponse()
        assert r.status == 200 and r.read() == b'{"status":"ok"}'
        assert conn.sock is sock
    finally:
        conn.close()


def test_a_path_over_2048_bytes_is_414():
    path = "/v1/actors/" + "a" * 3000
    r = fetch(path)
    assert_problem(r, 414, code="uri-too-long")
    assert server_alive()


def test_more_than_32_query_parameters_is_400():
    query = "&".join("p%d=1" % i for i in range(40))
    assert_problem(fetch("/v1/actors?" + query), 400)
    query = "&".join(["limit=1"] * 33)
    assert_problem(fetch("/v1/actors?" + query), 400)


def test_32_query_parameters_are_not_too_many():
    query = "&".join("p%d=1" % i for i in range(32))
    assert_problem(fetch("/v1/actors?" + query), 400, code="unknown-parameter", parameter="p0")


# ---------------------------------------------------------------- junk bytes


@pytest.mark.parametrize("query", ["q=%ff", "q=%c3%28", "q=%ed%a0%80", "q=%f4%90%80%80",
                                   "q=%c0%af", "%ff=1", "q=ok&%fe%ff=2"])
def test_invalid_utf8_in_the_query_is_400(query):
    assert_problem(fetch("/v1/actors?" + query), 400, code="bad-parameter")


@pytest.mark.parametrize("query", ["q=%ff", "q=%c3%28"])
def test_invalid_utf8_in_a_statement_search_is_400(query):
    assert_problem(fetch("/v1/statements?" + query), 400, code="bad-parameter")


@pytest.mark.parametrize("raw", [b"q=\xff\xfe", b"q=a\x01b", b"q=a\x7fb", b"q=a\x1bb"])
def test_raw_junk_bytes_in_the_query_are_400(raw):
    status, head, body = raw_request(b"GET /v1/actors?" + raw + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status == 400, head + body
    assert server_alive()


@pytest.mark.parametrize("query", ["q=a%01b", "q=%1b%5b2J", "q=a%7f"])
def test_percent_escaped_control_characters_in_the_query_are_400(query):
    assert_problem(fetch("/v1/actors?" + query), 400, parameter="q")


@pytest.mark.parametrize("path", ["/v1/actors?q=tskhinval%00zzzz", "/v1/actors?kind=state%00x",
                                  "/v1/actors%00/x", "/v1/actors/south-ossetia%00x"])
def test_an_escaped_nul_byte_does_not_cut_the_request_short(path):
    """%00 must not be read as the end of the path or value: 400 (or 404)."""
    r = fetch(path)
    assert r.status in (400, 404), r
    assert r.header("Content-Type", "").startswith(PROBLEM_TYPE)


@pytest.mark.parametrize("data", [
    b"GARBAGE\r\n\r\n",
    b"GET\r\n\r\n",
    b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
    b"GET /v1/actors HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
    b"GET /v1/actors HTTP/1.1\r\nHost: x\r\nContent-Length: zz\r\n\r\n",
    b"GET /v1/actors HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"GET /v1/actors HTTP/1.1\r\nBad Header Line\r\n\r\n",
    b"\x00\x01\x02\x03\r\n\r\n",
    b"GET /v1/act\x00ors HTTP/1.1\r\nHost: x\r\n\r\n",
])
def test_malformed_http_is_never_5xx_and_the_server_stays_up(data):
    status, head, _ = raw_request(data, timeout=5)
    if b"HTTP/9.9" in data:
        assert status == 505, head  # HTTP Version Not Supported is the right answer
    else:
        assert status is None or 400 <= status < 500, head
    assert server_alive()


# ---------------------------------------------------------------- injection


@pytest.mark.parametrize("q", ["' OR 1=1 --", "x' OR 'a'='a", "%", "_", "\\",
                               "'; DROP TABLE actors; --", "\" OR \"\"=\""])
def test_sql_looking_actor_search_is_an_empty_result_or_400(q):
    r = fetch("/v1/actors?q=" + urllib.parse.quote(q, safe=""))
    assert r.status in (200, 400), r
    if r.status == 200:
        assert r.body == {"data": [], "next_cursor": None}, "name search matched %r" % q


@pytest.mark.parametrize("q", ["' OR 1=1 --", "referendum') OR ('1'='1", "!!& | <-> :*",
                               "\"unterminated", "-", "or", "'; DROP TABLE statements; --",
                               "$1", "%s%s%s%n"])
def test_sql_looking_statement_search_is_the_plain_text_search_result_or_400(q):
    r = fetch("/v1/statements?limit=200&q=" + urllib.parse.quote(q, safe=""))
    assert r.status in (200, 400), r
    if r.status == 200:
        # Whatever matches must be what PostgreSQL's own full-text search of
        # these words over the stored wordings finds: nothing more.
        expected = sql_col(
            "SELECT s.id FROM statements s WHERE EXISTS (SELECT 1 FROM statement_reports r "
            "WHERE r.statement_id = s.id AND r.wording_tsv @@ websearch_to_tsquery('english', "
            "onrecord_fold(%s))) ORDER BY s.said_on DESC, s.id DESC" % lit(q))
        assert [str(x["id"]) for x in r.body["data"]] == expected


@pytest.mark.parametrize("path", [
    "/v1/statements?actor=" + urllib.parse.quote("x';drop table statements;--"),
    "/v1/recognitions?territory=" + urllib.parse.quote("south-ossetia' OR '1'='1"),
    "/v1/actors/" + urllib.parse.quote("x';drop table actors;--", safe=""),
    "/v1/statements/" + urllib.parse.quote("1 OR 1=1", safe=""),
    "/v1/statements?source=" + urllib.parse.quote("1 OR 1=1"),
])
def test_sql_in_typed_parameters_is_400(path):
    assert_problem(fetch(path), 400, code="bad-parameter")


def test_the_data_is_all_still_there_after_the_injection_attempts():
    n = int(sql_value("SELECT count(*) FROM statements"))
    assert len(get_all("/v1/statements", limit=200)) == n
    assert len(get_all("/v1/actors", limit=200)) == int(sql_value("SELECT count(*) FROM actors"))
