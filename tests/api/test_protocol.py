"""HTTP protocol behaviour: keep-alive, request ids, content types, HEAD and
OPTIONS, pagination (cursor and Link), and the database-down / recovery /
graceful-shutdown life cycle of a second server process."""
import http.client
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse

import pytest
import yaml

from conftest import (DATABASE_URL, JSON_TYPE, PROBLEM_TYPE, Response, assert_problem, connect,
                      fetch, get, get_all, get_ok, onrecord_bin, period_start, url)

JSON_PATHS = [
    "/",
    "/healthz",
    "/readyz",
    "/v1/actors",
    "/v1/actors?kind=state",
    "/v1/statements",
    "/v1/sources",
    "/v1/outlets",
    "/v1/topics",
    "/v1/recognitions",
]

REQUEST_ID_CHARS = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


# ---------------------------------------------------------------- keep-alive


def test_two_requests_share_one_keep_alive_connection():
    conn = connect()
    try:
        conn.request("GET", "/v1/actors")
        r1 = conn.getresponse()
        r1.read()
        assert r1.status == 200
        assert (r1.getheader("Connection") or "").lower() != "close"
        assert not r1.will_close
        sock = conn.sock
        assert sock is not None

        conn.request("GET", "/v1/topics")
        r2 = conn.getresponse()
        r2.read()
        assert r2.status == 200
        assert conn.sock is sock, "the server closed the connection between two requests"
    finally:
        conn.close()


def test_an_error_response_keeps_the_connection_open():
    conn = connect()
    try:
        conn.request("GET", "/no/such/path")
        r1 = conn.getresponse()
        r1.read()
        assert r1.status == 404
        assert (r1.getheader("Connection") or "").lower() != "close"
        sock = conn.sock
        for path, status in (("/v1/actors?bogus=1", 400), ("/healthz", 200)):
            conn.request("GET", path)
            r = conn.getresponse()
            r.read()
            assert r.status == status
            assert conn.sock is sock
    finally:
        conn.close()


def test_many_requests_on_one_connection():
    conn = connect()
    try:
        conn.request("GET", "/healthz")
        conn.getresponse().read()
        sock = conn.sock
        for i in range(50):
            conn.request("GET", "/v1/actors?limit=1" if i % 2 else "/v1/actors/no-such-actor")
            r = conn.getresponse()
            r.read()
            assert r.status in (200, 404)
        assert conn.sock is sock
    finally:
        conn.close()


# ---------------------------------------------------------------- request ids


@pytest.mark.parametrize("path", ["/healthz", "/v1/actors", "/nope", "/v1/actors?x=1"])
def test_every_response_has_a_request_id(path):
    r = fetch(path)
    rid = r.header("X-Request-Id")
    assert rid and REQUEST_ID_CHARS.match(rid), rid


def test_request_ids_are_unique():
    ids = {fetch("/healthz").header("X-Request-Id") for _ in range(20)}
    assert len(ids) == 20


@pytest.mark.parametrize("given", ["abc-123", "req.42:a_B", "x" * 64, "0"])
def test_a_valid_client_request_id_is_echoed(given):
    r = fetch("/v1/actors?limit=1", headers={"X-Request-Id": given})
    assert r.header("X-Request-Id") == given
    r = fetch("/v1/actors/no-such-actor", headers={"X-Request-Id": given})
    assert r.status == 404
    assert r.header("X-Request-Id") == given
    assert r.body["request_id"] == given


@pytest.mark.parametrize("given", ["x" * 65, "a b", "abc/def", "<script>", "id;drop",
                                   "\u00e9t\u00e9"])
def test_an_invalid_client_request_id_is_replaced(given):
    r = fetch("/healthz", headers={"X-Request-Id": given.encode("utf-8")})
    rid = r.header("X-Request-Id")
    assert rid and rid != given
    assert REQUEST_ID_CHARS.match(rid), rid


def test_problem_body_carries_the_request_id_of_the_header():
    r = fetch("/v1/statements/abc")
    assert r.status == 400
    assert r.body["request_id"] == r.header("X-Request-Id")


# ---------------------------------------------------------------- content types


@pytest.mark.parametrize("path", JSON_PATHS)
def test_json_responses_are_utf8_json(path):
    r = fetch(path)
    assert r.status == 200, r
    assert r.header("Content-Type") == JSON_TYPE
    assert r.body is not None
    assert int(r.header("Content-Length")) == len(r.raw)


@pytest.mark.parametrize("path", ["/v1/actors", "/v1/statements", "/v1/sources", "/v1/outlets",
                                  "/v1/topics", "/v1/recognitions"])
def test_lists_have_the_data_and_next_cursor_envelope(path):
    body = get_ok(path)
    assert set(body) == {"data", "next_cursor"}
    assert isinstance(body["data"], list)
    assert body["next_cursor"] is None or isinstance(body["next_cursor"], str)


def test_index_links_to_every_collection():
    body = get_ok("/")
    assert body["name"] == "onrecord"
    for path in body["links"].values():
        assert fetch(path).status == 200, path


def test_openapi_document_is_yaml():
    r = fetch("/openapi.yaml")
    assert r.status == 200
    assert r.header("Content-Type").startswith("application/yaml")
    doc = yaml.safe_load(r.raw.decode("utf-8"))
    assert isinstance(doc, dict) and "openapi" in doc


@pytest.mark.parametrize("path,status", [
    ("/nope", 404),
    ("/v1/actors/no-such-actor", 404),
    ("/v1/actors?kind=planet", 400),
    ("/v1/statements/abc", 400),
])
def test_errors_are_problem_json(path, status):
    r = fetch(path)
    assert r.header("Content-Type") == PROBLEM_TYPE + "; charset=utf-8"
    assert_problem(r, status, instance=path.split("?")[0])


def test_healthz_and_readyz():
    assert get("/healthz")[2] == {"status": "ok"}
    status, _, body = get("/readyz")
    assert status == 200
    assert body["status"] == "ready"


# ---------------------------------------------------------------- HEAD, OPTIONS


@pytest.mark.parametrize("path", ["/", "/healthz", "/v1/actors", "/v1/statements?limit=2",
                                  "/v1/topics", "/nope", "/v1/actors/no-such-actor",
                                  "/v1/actors?bogus=1", "/openapi.yaml"])
def test_head_answers_like_get_without_a_body(path):
    g = fetch(path)
    conn = connect()
    try:
        conn.request("HEAD", path)
        h = conn.getresponse()
        assert h.read() == b""
        assert h.status == g.status
        assert h.getheader("Content-Type") == g.header("Content-Type")
        assert int(h.getheader("Content-Length")) == len(g.raw)
        assert h.getheader("X-Request-Id")
        # No stray body bytes: the next answer on this connection parses.
        conn.request("GET", "/healthz")
        r = conn.getresponse()
        assert r.status == 200
        assert r.read() == b'{"status":"ok"}'
    finally:
        conn.close()


@pytest.mark.parametrize("path,allow", [
    ("/v1/actors", "GET, HEAD, POST"), ("/v1/actors/south-ossetia", "GET, HEAD, PATCH, DELETE"),
    ("/v1/actors/south-ossetia/statements", "GET, HEAD"),
    ("/v1/statements/1", "GET, HEAD, PATCH, DELETE"), ("/v1/topics", "GET, HEAD, POST"),
    ("/healthz", "GET, HEAD"), ("/", "GET, HEAD"),
    ("/v1/actors/alan-gagloev/positions", "GET, HEAD"),
    ("/v1/topics/south-ossetia-joins-russia/timeline", "GET, HEAD"),
    ("/v1/stats/stances", "GET, HEAD"),
    ("/v1/sources/1/history", "GET, HEAD")])
def test_options_on_a_known_path_lists_the_allowed_methods(path, allow):
    r = fetch(path, method="OPTIONS")
    assert r.status == 204
    assert r.header("Allow") == allow
    assert r.raw == b""


def test_options_on_an_unknown_path_is_404():
    assert_problem(fetch("/nope", method="OPTIONS"), 404)


# ---------------------------------------------------------------- pagination


def _walk(path, limit, **params):
    """Follows next_cursor; checks the Link header on every page. Returns pages."""
    pages = []
    cursor = None
    for _ in range(500):
        r = fetch(url(path, limit=limit, cursor=cursor, **params))
        assert r.status == 200, r
        body = r.body
        assert len(body["data"]) <= limit
        link = r.header("Link")
        if body["next_cursor"] is None:
            assert link is None, link
        else:
            assert len(body["data"]) == limit
            assert link is not None, "a page with next_cursor has no Link header"
            m = re.fullmatch(r'<([^>]*)>; rel="next"', link)
            assert m, link
            target = m.group(1)
            parsed = urllib.parse.urlsplit(target)
            assert parsed.path == path
            query = urllib.parse.parse_qs(parsed.query, keep_blank_values=True)
            assert query["cursor"] == [body["next_cursor"]]
            assert query["limit"] == [str(limit)]
            for k, v in params.items():
                assert query[k] == [str(v)], "the Link dropped filter %s" % k
            # Following the Link gives the same page as using the cursor.
            via_link = fetch(target)
            via_cursor = fetch(url(path, limit=limit, cursor=body["next_cursor"], **params))
            assert via_link.status == 200
            assert via_link.body == via_cursor.body
        pages.append(body["data"])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages
    raise AssertionError("pagination never ended")


def test_walking_actors_three_at_a_time_gives_every_actor_once_in_slug_order(seeded):
    pages = _walk("/v1/actors", 3)
    assert len(pages) >= 2, "too few actors to page through"
    slugs = [a["slug"] for page in pages for a in page]
    assert len(slugs) == len(set(slugs))
    assert slugs == sorted(slugs)
    everything = get_ok("/v1/actors", limit=200)
    assert everything["next_cursor"] is None
    assert slugs == [a["slug"] for a in everything["data"]]


def test_default_page_size_is_50_and_limit_200_is_allowed(seeded):
    total = len(get_all("/v1/actors", limit=200))
    body = get_ok("/v1/actors")
    assert len(body["data"]) == min(total, 50)
    assert (body["next_cursor"] is None) == (total <= 50)


def test_a_filtered_walk_keeps_its_filter_in_the_link(seeded):
    pages = _walk("/v1/actors", 1, kind="person")
    assert len(pages) >= 2
    assert all(a["kind"] == "person" for page in pages for a in page)


def test_walking_statements_two_at_a_time_is_newest_first_without_duplicates(seeded):
    pages = _walk("/v1/statements", 2)
    items = [s for page in pages for s in page]
    ids = [s["id"] for s in items]
    assert len(ids) == len(set(ids))
    assert ids == [s["id"] for s in get_all("/v1/statements", limit=200)]
    # newest first: (first day of the said_on period, id) descending
    keys = [(period_start(s["said_on"]), s["id"]) for s in items]
    assert keys == sorted(keys, reverse=True)


@pytest.mark.parametrize("path", ["/v1/sources", "/v1/outlets", "/v1/topics", "/v1/recognitions",
                                  "/v1/topics/south-ossetia-joins-russia/stances"])
def test_walking_other_lists_one_at_a_time_matches_one_big_page(path, seeded):
    pages = _walk(path, 1)
    one = get_ok(path, limit=200)
    assert [x for p in pages for x in p] == one["data"]


# ---------------------------------------------------------------- database down, recovery, SIGTERM


def _free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _socket_of(database_url):
    """(socket directory, port) named by a postgresql:// URI with host=/dir."""
    parts = urllib.parse.urlsplit(database_url)
    query = urllib.parse.parse_qs(parts.query)
    host = query.get("host", [None])[0] or parts.hostname
    port = query.get("port", [None])[0] or parts.port or 5432
    if not host or not host.startswith("/"):
        return None, None
    return host, int(port)


def _with_host(database_url, host):
    parts = urllib.parse.urlsplit(database_url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "host"]
    query.append(("host", host))
    # urlunsplit would drop the empty authority of postgresql:///db.
    return "%s://%s%s?%s" % (parts.scheme, parts.netloc, parts.path, urllib.parse.urlencode(query))


def _wait_for(port, path, proc, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the second server exited with %s" % proc.returncode
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", path)
            r = c.getresponse()
            r.read()
            c.close()
            return r.status
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the second server never answered on port %d" % port)


def _ask(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        c.request("GET", path)
        r = c.getresponse()
        return Response(r.status, r.headers, r.read())
    finally:
        c.close()


def test_database_down_gives_503_then_recovers_without_restart_and_sigterm_exits_0(seeded):
    binary = onrecord_bin()
    assert os.access(binary, os.X_OK), "ONRECORD_BIN %s is not an executable" % binary
    sockdir, pgport = _socket_of(DATABASE_URL)
    if sockdir is None:
        pytest.skip("DATABASE_URL does not name a Unix socket directory")
    real_socket = os.path.join(sockdir, ".s.PGSQL.%d" % pgport)
    assert os.path.exists(real_socket), real_socket

    with tempfile.TemporaryDirectory(prefix="onr-", dir="/tmp") as empty:
        port = _free_port()
        env = dict(os.environ,
                   DATABASE_URL=_with_host(DATABASE_URL, empty),
                   ONRECORD_HOST="127.0.0.1", ONRECORD_PORT=str(port),
                   ONRECORD_THREADS="2", ONRECORD_ACCESS_LOG="0")
        log = tempfile.TemporaryFile()
        proc = subprocess.Popen([binary, "serve"], env=env, stdout=log, stderr=log,
                                stdin=subprocess.DEVNULL)
        try:
            assert _wait_for(port, "/healthz", proc) == 200

            # The database is unreachable: 503 with Retry-After, but alive.
            for path in ("/readyz", "/v1/actors", "/v1/statements/1", "/v1/actors/south-ossetia"):
                r = _ask(port, path)
                assert_problem(r, 503, code="unavailable")
                assert r.header("Content-Type").startswith(PROBLEM_TYPE)
                retry = r.header("Retry-After")
                assert retry is not None and retry.isdigit() and int(retry) > 0, retry
            assert _ask(port, "/healthz").status == 200
            # Errors that need no database are still answered as before.
            assert _ask(port, "/v1/actors?bogus=1").status == 400
            assert _ask(port, "/nope").status == 404

            # The database comes back: the very same process recovers.
            os.symlink(real_socket, os.path.join(empty, ".s.PGSQL.%d" % pgport))
            statuses = []
            for _ in range(4):  # every worker thread gets a chance to reconnect
                statuses.append(_ask(port, "/readyz").status)
            assert statuses == [200] * 4, statuses
            r = _ask(port, "/v1/actors?limit=200")
            assert r.status == 200
            assert r.body == get_ok("/v1/actors", limit=200)
            r = _ask(port, "/v1/actors/south-ossetia")
            assert r.status == 200 and r.body["slug"] == "south-ossetia"

            # Graceful shutdown: SIGTERM, exit status 0 within a few seconds.
            proc.send_signal(signal.SIGTERM)
            try:
                rc = proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pytest.fail("the server did not exit within 10 s of SIGTERM")
            log.seek(0)
            assert rc == 0, log.read().decode("utf-8", "replace")[-3000:]
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            log.close()
