"""The authorization matrix (issue 19, part 6): every route of the route table
against every kind of credential, table-driven.

The routes come from the server itself: `onrecord routes` prints each route
with its access level (public, read, editor, admin), so a new route is in the
matrix the day it is added. The credentials are the table CREDS below: no key,
malformed headers of every sort, keys in places the server does not take them
from, unknown, revoked, editor and admin keys, in the forms RFC 9110 and
RFC 6750 allow (the scheme in any case, one or more spaces, whitespace around
the value). The server has no read-only role (a key is editor or admin).

What each answer must be:
* no Bearer credentials (no header, another scheme, the key elsewhere):
  401, `WWW-Authenticate: Bearer realm="onrecord"` with no error code
  (RFC 6750 3); `Bearer` without a key, or several Authorization headers:
  401 with error="invalid_request" (RFC 6750 3.1; its SHOULD 400 is not
  followed: issue 19 asks for 401 for every failed authentication, and the
  client's remedy is the same); a bad, unknown or revoked key: 401 with
  error="invalid_token". Every 401/403 is a problem+json document that does
  not echo the key or header sent.
* an editor key on an admin route (every DELETE): 403, no challenge.
* an allowed key: the write is done (201, 200, 204).
* the key is checked before anything else about the request but the path
  and method: a refused request with a broken body, bad query parameters, a
  bad path key, a bad Idempotency-Key or If-Match gets 401/403, not 400,
  415, 422 or 404, so nothing about the request or the data leaks.

Writes are checked on the suite's server (ONRECORD_URL) and on a second server
started here from ONRECORD_BIN with ONRECORD_READ_REQUIRES_KEY=1 and the access
log on; reads are checked on the second one: every GET route under /v1 (lists,
records, history, changes, stats, exports, HEAD, conditional requests, the
answer cache, identical reads in flight) is 401 without a valid key and 200
with one. Kept open (public), whatever the Authorization header says: `/`,
`/healthz` and `/readyz` (load balancers and orchestrators probe them without
keys), `/openapi.yaml`, `/openapi.json` and `/docs` (the contract is public;
it holds no data), and OPTIONS (a CORS preflight never carries credentials).
Last, the second server's whole stderr is searched for every key and header
value sent, and for "Bearer": none may be there.
"""
import http.client
import json
import re
import signal
import subprocess
import threading
import urllib.parse

import pytest

import conformance
from conftest import (HOST, PORT, TIMEOUT, Response, assert_problem, fetch, onrecord_bin,
                      sql_value)
from writes_support import (PREFIX, Keys, SecondServer, actor_body, etag_version, make_actor,
                            make_outlet, make_source, make_statement, make_topic, outlet_body,
                            post, source_body, statement_body, topic_body, uniq)

# ---------------------------------------------------------------- the route table


def _route_table():
    out = subprocess.run([onrecord_bin(), "routes"], check=True, capture_output=True, text=True,
                         timeout=30).stdout
    routes = []
    for line in out.splitlines():
        if line.strip():
            method, pattern, access = line.split()
            routes.append((method, pattern, access))
    return routes


ROUTES = _route_table()
WRITE_ROUTES = [r for r in ROUTES if r[0] not in ("GET", "HEAD")]
READ_ROUTES = [r for r in ROUTES if r[0] == "GET" and r[2] == "read"]
PUBLIC_ROUTES = [r for r in ROUTES if r[2] == "public"]
# The paths that stay open when reads need a key (the docstring says why).
OPEN_PATHS = {"/", "/healthz", "/readyz", "/openapi.yaml", "/openapi.json", "/docs",
              "/docs/redoc.standalone.js", "/docs/redoc.LICENSE"}


def _rid(route):
    return "%s %s" % (route[0], route[1])


def _resource(pattern):
    return pattern.split("/")[2]


def test_the_route_table_is_read():
    assert len(WRITE_ROUTES) >= 24 and len(READ_ROUTES) >= 20, ROUTES


def test_no_route_writes_without_a_key():
    """Every method but GET needs editor or admin; DELETE needs admin."""
    for method, pattern, access in ROUTES:
        if method != "GET":
            assert access in ("editor", "admin"), (method, pattern, access)
        if method == "DELETE":
            assert access == "admin", (method, pattern, access)
        if method in ("POST", "PATCH"):
            assert access == "editor", (method, pattern, access)


def test_only_health_and_the_documents_are_public():
    assert {p for _, p, _ in PUBLIC_ROUTES} == OPEN_PATHS
    assert all(m == "GET" for m, _, _ in PUBLIC_ROUTES)


def test_the_spec_says_what_the_route_table_enforces():
    """security: [] on public routes, no key or a key on reads, a key on writes;
    the admin routes' descriptions say admin."""
    paths = conformance.spec()["paths"]
    for method, pattern, access in ROUTES:
        op = paths[pattern][method.lower()]
        security = op.get("security", conformance.spec().get("security"))
        want = {"public": [], "read": [{}, {"bearerAuth": []}],
                "editor": [{"bearerAuth": []}], "admin": [{"bearerAuth": []}]}[access]
        assert security == want, (method, pattern, access, security)
        if access in ("editor", "admin"):
            assert "401" in op["responses"], (method, pattern)
        if access == "admin":
            assert "403" in op["responses"] and "`admin` role" in op["description"], pattern
        if access == "read":
            assert "401" in op["responses"], (method, pattern)


# ---------------------------------------------------------------- the credentials

# kind: what the server must make of it. "none" (401, no error code),
# "invalid_request" / "invalid_token" (401 with that error code), "refused"
# (401, any challenge), "editor", "admin".
# headers: a function of the keys (writes_support.Keys) -> [(name, value)];
# query: the same, for a query string added to the path.
CREDS = [
    # No Bearer credentials at all.
    ("no-header", "none", lambda k: []),
    ("empty-value", "none", lambda k: [("Authorization", "")]),
    ("basic", "none", lambda k: [("Authorization", "Basic dXNlcjpwYXNzd29yZA==")]),
    ("basic-with-admin-key", "none", lambda k: [("Authorization", "Basic " + k.admin)]),
    ("token-scheme-admin", "none", lambda k: [("Authorization", "Token " + k.admin)]),
    ("bare-admin-key", "none", lambda k: [("Authorization", k.admin)]),
    ("bearerx-scheme-admin", "none", lambda k: [("Authorization", "Bearerx " + k.admin)]),
    ("x-api-key-admin", "none", lambda k: [("X-API-Key", k.admin)]),
    ("cookie-admin", "none", lambda k: [("Cookie", "access_token=" + k.admin)]),
    # RFC 6750 2.3 (a key in the query string) is not supported: no credentials.
    ("access-token-query-admin", "none", lambda k: [], lambda k: {"access_token": k.admin}),
    # Bearer, malformed.
    ("bearer-alone", "invalid_request", lambda k: [("Authorization", "Bearer")]),
    ("bearer-space", "invalid_request", lambda k: [("Authorization", "Bearer ")]),
    ("bearer-spaces", "invalid_request", lambda k: [("Authorization", "Bearer    ")]),
    ("bearer-tab-admin", "invalid_request", lambda k: [("Authorization", "Bearer\t" + k.admin)]),
    ("bearer-colon-admin", "invalid_request", lambda k: [("Authorization", "Bearer:" + k.admin)]),
    ("two-headers-admin-admin", "invalid_request",
     lambda k: [("Authorization", "Bearer " + k.admin), ("Authorization", "Bearer " + k.admin)]),
    ("two-headers-editor-junk", "invalid_request",
     lambda k: [("Authorization", "Bearer " + k.editor), ("Authorization", "Basic eDp5")]),
    ("two-headers-junk-admin", "invalid_request",
     lambda k: [("Authorization", "Bearer ork_junkjunkjunk"),
                ("Authorization", "Bearer " + k.admin)]),
    ("two-headers-other-case", "invalid_request",
     lambda k: [("authorization", "Bearer " + k.admin), ("AUTHORIZATION", "Bearer " + k.admin)]),
    # obs-fold: libmicrohttpd drops the folded header; any 401 will do.
    ("obs-fold-admin", "refused",
     lambda k: [("Authorization", "Bearer\r\n " + k.admin)]),
    # Bearer with a key that is not one.
    ("bad-characters", "invalid_token", lambda k: [("Authorization", "Bearer ork_" + "%" * 40)]),
    ("short", "invalid_token", lambda k: [("Authorization", "Bearer short")]),
    ("overlong-admin", "invalid_token",
     lambda k: [("Authorization", "Bearer " + k.admin + "Q" * 200)]),
    ("admin-then-junk", "invalid_token", lambda k: [("Authorization", "Bearer %s x" % k.admin)]),
    ("admin-comma-admin", "invalid_token",
     lambda k: [("Authorization", "Bearer %s, %s" % (k.admin, k.admin))]),
    ("nul-inside-admin", "invalid_token",
     lambda k: [("Authorization", "Bearer " + k.admin[:12] + "\x00" + k.admin[12:])]),
    ("control-after-admin", "invalid_token",
     lambda k: [("Authorization", "Bearer " + k.admin + "\x01")]),
    ("latin1-after-admin", "invalid_token",
     lambda k: [("Authorization", ("Bearer " + k.admin).encode() + b"\xe9")]),
    ("utf8-after-admin", "invalid_token",
     lambda k: [("Authorization", ("Bearer " + k.admin + "\u00e9").encode("utf-8"))]),
    ("padding-inside-admin", "invalid_token",
     lambda k: [("Authorization", "Bearer " + k.admin[:20] + "=" + k.admin[20:])]),
    ("admin-case-swapped", "invalid_token",
     lambda k: [("Authorization", "Bearer " + k.admin[:4] + k.admin[4:].swapcase())]),
    ("admin-last-char-changed", "invalid_token",
     lambda k: [("Authorization",
                 "Bearer " + k.admin[:-1] + ("A" if k.admin[-1] != "A" else "B"))]),
    ("unknown", "invalid_token", lambda k: [("Authorization", "Bearer " + k.unknown)]),
    ("revoked", "invalid_token", lambda k: [("Authorization", "Bearer " + k.revoked)]),
    ("revoked-lowercase-scheme", "invalid_token",
     lambda k: [("Authorization", "bearer " + k.revoked)]),
    # Valid keys, in every form the RFCs allow.
    ("editor", "editor", lambda k: [("Authorization", "Bearer " + k.editor)]),
    ("editor-lowercase-scheme", "editor", lambda k: [("Authorization", "bearer " + k.editor)]),
    ("editor-two-spaces", "editor", lambda k: [("Authorization", "Bearer  " + k.editor)]),
    ("editor-trailing-space", "editor", lambda k: [("Authorization", "Bearer " + k.editor + " ")]),
    ("editor-trailing-tab", "editor", lambda k: [("Authorization", "Bearer " + k.editor + "\t")]),
    ("editor-other-header-case", "editor", lambda k: [("authorization", "Bearer " + k.editor)]),
    ("admin", "admin", lambda k: [("Authorization", "Bearer " + k.admin)]),
    ("admin-uppercase-scheme", "admin", lambda k: [("Authorization", "BEARER " + k.admin)]),
    ("admin-leading-space", "admin", lambda k: [("Authorization", "  Bearer " + k.admin)]),
]
CRED_IDS = [c[0] for c in CREDS]
_BY_ID = {c[0]: c for c in CREDS}
REFUSED = ("none", "invalid_request", "invalid_token", "refused")
# Every route gets these; every credential above goes to one route of each
# method (PROBE_RESOURCE's): the header is parsed the same for every route,
# while what a key may do depends on the route's access level.
CORE = ["no-header", "bearer-alone", "two-headers-junk-admin", "bad-characters", "unknown",
        "revoked", "editor", "admin"]
PROBE_RESOURCE = "topics"


def _cases(routes, probes=True):
    """(route, credential) pairs: CORE for every route, all CREDS for the probes."""
    out = []
    for route in routes:
        probe = route[1].startswith("/v1/%s" % PROBE_RESOURCE) and route[1].count("/") <= 3
        for cid in CRED_IDS if probe and probes else CORE:
            out.append(pytest.param(route, cid, id="%s-%s" % (_rid(route), cid)))
    return out


# Every value sent, so the log check can look for each one.
_sent = set()


def _cred(cid, keys):
    c = _BY_ID[cid]
    headers = c[2](keys)
    query = c[3](keys) if len(c) > 3 else {}
    return c[1], headers, query


def _secrets(keys):
    """What must never come back in an answer or show in a log line: every key,
    and every Authorization value sent (without its scheme) 8 bytes or longer."""
    out = {keys.editor, keys.editor2, keys.admin, keys.revoked, keys.unknown}
    for value in _sent:
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        for part in re.split(r"[\s\x00,:]+", text):
            if len(part) >= 8:
                out.add(part)
    return out


# ---------------------------------------------------------------- requests


class Target:
    """Where requests go: the suite's server or the second one."""

    def __init__(self, name, host, port):
        self.name, self.host, self.port = name, host, port


def send(target, method, path, headers=(), body=None, query=None, keys=None):
    """One request with headers as a list of (name, value) (repeats allowed, bytes
    values sent as they are); checked against the spec and for echoed secrets."""
    if query:
        path += ("&" if "?" in path else "?") + urllib.parse.urlencode(query)
    c = http.client.HTTPConnection(target.host, target.port, timeout=TIMEOUT)
    try:
        c.putrequest(method, path, skip_accept_encoding=True)
        for name, value in headers:
            c.putheader(name, value)
            if name.lower() in ("authorization", "x-api-key", "cookie"):
                _sent.add(value)
        for v in (query or {}).values():
            _sent.add(v)
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            if not any(n.lower() == "content-type" for n, _ in headers):
                c.putheader("Content-Type", "application/merge-patch+json" if method == "PATCH"
                            else "application/json")
            c.putheader("Content-Length", str(len(data)))
        c.endheaders(data)
        r = c.getresponse()
        raw = r.read()
        conformance.check(method, path, r.status, r.headers, raw)
        resp = Response(r.status, r.headers, raw)
    finally:
        c.close()
    if keys is not None:
        echoed = [s for s in _secrets(keys)
                  if s.encode("latin-1", "replace") in raw
                  or any(s in v for _, v in resp.headers.items())]
        assert not echoed, "the answer echoes what was sent: %r in %r" % (echoed, resp)
    return resp


def assert_refused(r, kind):
    """401 with the challenge RFC 6750 asks for this kind of credential."""
    body = assert_problem(r, 401, code="unauthorized")
    assert r.header("Content-Type") == "application/problem+json; charset=utf-8"
    assert r.header("Cache-Control") == "no-store"
    challenges = r.headers.get_all("WWW-Authenticate") or []
    assert len(challenges) == 1, challenges
    challenge = challenges[0]
    if kind == "none":
        assert challenge == 'Bearer realm="onrecord"', challenge
    elif kind == "refused":
        assert re.fullmatch(r'Bearer realm="onrecord"(, error="invalid_(request|token)")?',
                            challenge), challenge
    else:
        assert challenge == 'Bearer realm="onrecord", error="%s"' % kind, challenge
    return body


def assert_refused_head(r, kind):
    """A HEAD's 401: the headers of the GET's, no body."""
    assert r.status == 401 and r.raw == b"", r
    assert r.header("Content-Type") == "application/problem+json; charset=utf-8"
    want = 'Bearer realm="onrecord"' + ('' if kind == "none" else ', error="%s"' % kind)
    assert r.headers.get_all("WWW-Authenticate") == [want], r.headers


def assert_forbidden(r, keys):
    body = assert_problem(r, 403, code="forbidden")
    assert r.header("WWW-Authenticate") is None
    assert keys.name("editor") in body["detail"]  # the key's name, never the key
    return body


def expected(kind, access):
    """'401', '403' or 'ok' for this kind of credential on a route of this access."""
    if kind in REFUSED:
        return "401"
    if access == "admin" and kind == "editor":
        return "403"
    return "ok"


# ---------------------------------------------------------------- the records


REFUSED_PREFIX = "%srefused-" % PREFIX  # in every body a refused write sends


@pytest.fixture(scope="module")
def world(write_keys):
    """What the bodies refer to, made by the admin through the suite's server."""
    k = write_keys.admin
    w = {"actor": make_actor(k)["slug"],
         "territory": make_actor(k, kind="territory", name="Test Territory")["slug"],
         "outlet": make_outlet(k)["slug"]}
    w["source"] = make_source(k, outlet=w["outlet"])["id"]
    w["statement"] = make_statement(k, w["actor"], [w["source"]])["id"]
    w["refused_topic"] = make_topic(k, slug=REFUSED_PREFIX + "topic")["slug"]
    return w


_day = [0]
_day_lock = threading.Lock()


def _new_date():
    """A different recognized_on for each recognition made here (2100-01-01 on)."""
    import datetime
    with _day_lock:
        _day[0] += 1
        n = _day[0]
    return (datetime.date(2100, 1, 1) + datetime.timedelta(days=n)).isoformat()


def new_body(resource, w, keys, refused=False):
    """A POST body that would create a record; for a refused write one marked
    with REFUSED_PREFIX, so the check at the end can find it if it was made."""
    tag = REFUSED_PREFIX if refused else PREFIX
    slug = uniq("r" if refused else "a").replace(PREFIX, tag, 1)
    if resource == "actors":
        return actor_body(slug=slug)
    if resource == "roles":
        return {"actor": w["actor"], "title": "Minister %s" % slug, "start": "2022-06"}
    if resource == "outlets":
        return outlet_body(slug=slug)
    if resource == "sources":
        return source_body(title="%s source" % slug)
    if resource == "statements":
        return statement_body(w["actor"], [w["source"]], summary="%s statement" % slug)
    if resource == "topics":
        return topic_body(slug=slug)
    if resource == "stances":
        topic = w["refused_topic"] if refused else make_topic(keys.admin)["slug"]
        return {"statement": w["statement"], "topic": topic, "position": "opposes"}
    if resource == "recognitions":
        return {"state": w["actor"], "territory": w["territory"],
                "recognized_on": "1800-01-01" if refused else _new_date()}
    return None


PATCHES = {
    "actors": {"note": "Checked against the register."},
    "roles": {"title": "Minister of foreign affairs"},
    "outlets": {"note": "Editorially independent."},
    "sources": {"note": "Archived copy checked."},
    "statements": {"context": "At a press conference."},
    "topics": {"description": "As put to the parliament."},
    "stances": {"note": "Stated twice."},
    "recognitions": {"note": "Announced by the foreign ministry."},
}
REFUSED_PATCH_VALUE = REFUSED_PREFIX + "patched"


def refused_patch(resource):
    field = next(iter(PATCHES[resource]))
    return {field: REFUSED_PATCH_VALUE}


def make_target(resource, w, keys):
    r = post("/v1/" + resource, new_body(resource, w, keys), keys.admin)
    assert r.status == 201, r
    return r.header("Location")


@pytest.fixture(scope="module")
def refused_targets(world, write_keys):
    """One record per resource that every refused PATCH and DELETE aims at."""
    return {res: make_target(res, world, write_keys)
            for res in {_resource(p) for _, p, _ in WRITE_ROUTES} if res in PATCHES}


@pytest.fixture(scope="module")
def patch_targets(world, write_keys):
    """One record per resource for the allowed PATCHes."""
    return {res: make_target(res, world, write_keys)
            for res in {_resource(p) for _, p, _ in WRITE_ROUTES} if res in PATCHES}


def test_every_write_route_has_a_body_here():
    """A new resource's routes are in the matrix anyway (with an empty body and
    a made-up key in the path); this asks for real bodies, so an allowed key is
    seen to succeed."""
    missing = sorted({_resource(p) for _, p, _ in WRITE_ROUTES} - set(PATCHES))
    assert not missing, "add bodies for %s to new_body() and PATCHES" % missing


def _fill(pattern, target_path=None):
    """The route's path: the target record's, or made-up keys (a new resource)."""
    if target_path:
        return target_path
    return re.sub(r"\{[^}]+\}", "999999999", pattern)


# ---------------------------------------------------------------- servers


@pytest.fixture(scope="module")
def second(write_keys):
    """ONRECORD_BIN serve with reads requiring a key and the access log on; its
    stderr is kept (SecondServer), searched by the last test of this file."""
    srv = SecondServer(ONRECORD_READ_REQUIRES_KEY="1", ONRECORD_ACCESS_LOG="1")
    srv.__enter__()
    yield srv
    if srv.proc.poll() is None:
        srv.__exit__(None, None, None)


@pytest.fixture(scope="module")
def targets(second):
    return {"main": Target("main", HOST, PORT),
            "readkey": Target("readkey", "127.0.0.1", second.port)}


# ---------------------------------------------------------------- writes


def _write_cases():
    """The second server gets the whole table; the suite's server (reads open)
    CORE on every route: the key is checked the same in both modes."""
    return ([pytest.param("readkey", *p.values, id="readkey-" + p.id)
             for p in _cases(WRITE_ROUTES)] +
            [pytest.param("main", *p.values, id="main-" + p.id)
             for p in _cases(WRITE_ROUTES, probes=False)])


@pytest.mark.parametrize("server,route,cid", _write_cases())
def test_write(server, route, cid, targets, world, refused_targets, patch_targets, write_keys):
    method, pattern, access = route
    kind, headers, query = _cred(cid, write_keys)
    want = expected(kind, access)
    resource = _resource(pattern)
    known = resource in PATCHES
    t = targets[server]
    if method == "POST":
        path = pattern
        body = new_body(resource, world, write_keys, refused=want != "ok") if known else {}
    elif method == "PATCH":
        path = _fill(pattern, (refused_targets if want != "ok" else patch_targets).get(resource))
        body = (refused_patch(resource) if want != "ok" else PATCHES[resource]) if known else {}
    elif method == "DELETE":
        path = _fill(pattern, (refused_targets.get(resource) if want != "ok" else
                               make_target(resource, world, write_keys) if known else None))
        body = None
    else:
        raise AssertionError("a write method this test does not know: %s" % method)
    r = send(t, method, path, headers, body, query, keys=write_keys)
    if want == "401":
        assert_refused(r, kind)
    elif want == "403":
        assert_forbidden(r, write_keys)
    elif not known:
        assert r.status not in (401, 403), r
    else:
        assert r.status == {"POST": 201, "PATCH": 200, "DELETE": 204}[method], r
        assert r.header("Cache-Control") == "no-store"
        if method == "POST":
            assert etag_version(r) == 1
            location = r.header("Location")
            assert location.startswith("/v1/%s/" % resource), location
            again = fetch(location)
            assert again.status == 200 and again.body == r.body, again
            assert again.header("ETag") == r.header("ETag")
        elif method == "PATCH":
            field, value = next(iter(PATCHES[resource].items()))
            assert r.body[field] == value, r
            again = fetch(path)
            assert again.body == r.body and again.header("ETag") == r.header("ETag")
        else:
            assert r.raw == b""
            assert_problem(fetch(path), 404, code="not-found")


# Broken in every way the server looks at after the key: each must still get 401/403.
BROKEN = [
    ("invalid-json", lambda p: (p, b"{not json", [("Content-Type", "application/json")])),
    ("text-plain", lambda p: (p, b"{}", [("Content-Type", "text/plain")])),
    ("no-content-type", lambda p: (p, b'{"slug": 1}', [("Content-Type", "")])),
    ("unknown-fields", lambda p: (p, b'{"colour": 1, "id": 5}', [])),
    ("not-an-object", lambda p: (p, b"[1, 2]", [])),
    ("unknown-query-parameter", lambda p: (p + "?colour=red&limit=x", b"{}", [])),
    ("bad-path-key", lambda p: (re.sub(r"\{[^}]+\}", "NOT%20A%20KEY", p), b"{}", [])),
    ("missing-record", lambda p: (re.sub(r"\{[^}]+\}", "999999999", p), b"{}", [])),
    ("bad-idempotency-key", lambda p: (p, b"{}", [("Idempotency-Key", "not valid " * 30)])),
    ("bad-if-match", lambda p: (p, b"{}", [("If-Match", "garbage, W/")])),
]


@pytest.mark.parametrize("broken", [b[0] for b in BROKEN])
@pytest.mark.parametrize("route", WRITE_ROUTES, ids=_rid)
def test_the_key_is_checked_before_the_request(route, broken, targets, write_keys):
    """401/403 whatever else is wrong: no 400, 404, 415 or 422 tells a caller
    without the right key anything about the request or the records."""
    method, pattern, access = route
    path, body, extra = dict(BROKEN)[broken](pattern)
    extra = [(n, v) for n, v in extra if v]
    if method == "DELETE" and broken in ("invalid-json", "text-plain", "not-an-object"):
        body = None
    for cid in ("no-header", "revoked", "editor"):
        kind, headers, _ = _cred(cid, write_keys)
        want = expected(kind, access)
        if want == "ok":
            continue  # an allowed key gets the next check's answer: test_writes_*.py
        if broken == "no-content-type":
            r = _send_without_content_type(targets["main"], method, path, headers + extra, body)
        else:
            r = send(targets["main"], method, path, headers + extra, body, keys=write_keys)
        if want == "401":
            assert_refused(r, kind)
        else:
            assert_forbidden(r, write_keys)


def _send_without_content_type(target, method, path, headers, body):
    c = http.client.HTTPConnection(target.host, target.port, timeout=TIMEOUT)
    try:
        c.putrequest(method, path, skip_accept_encoding=True)
        for name, value in headers:
            c.putheader(name, value)
        c.putheader("Content-Length", str(len(body or b"")))
        c.endheaders(body)
        r = c.getresponse()
        raw = r.read()
        conformance.check(method, path, r.status, r.headers, raw)
        return Response(r.status, r.headers, raw)
    finally:
        c.close()


def test_refused_writes_wrote_nothing(refused_targets, world):
    """No record a refused POST carried, no refused PATCH, no refused DELETE."""
    like = REFUSED_PREFIX.replace("_", "\\_") + "%"
    for table, column in (("actors", "slug"), ("outlets", "slug"), ("topics", "slug"),
                          ("roles", "title"), ("sources", "title"),
                          ("statements", "summary")):
        n = sql_value("SELECT count(*) FROM %s WHERE %s LIKE '%s' AND %s <> '%s'"
                      % (table, column, like, column, world["refused_topic"]))
        assert n == "0", "a refused POST made %s %s" % (n, table)
    assert sql_value("SELECT count(*) FROM stances s JOIN topics t ON t.id = s.topic_id "
                     "WHERE t.slug = '%s'" % world["refused_topic"]) == "0"
    assert sql_value("SELECT count(*) FROM recognitions WHERE recognized_on = '1800-01-01'") == "0"
    patched = "'%%%s%%'" % REFUSED_PATCH_VALUE
    assert sql_value("SELECT count(*) FROM changes WHERE before::text LIKE %s OR "
                     "after::text LIKE %s" % (patched, patched)) == "0"
    for resource, path in refused_targets.items():
        r = fetch(path)
        assert r.status == 200, (resource, r)
        assert r.header("ETag").startswith('"1.'), (resource, r.header("ETag"))


def test_a_key_revoked_while_the_server_runs_is_refused_at_once(targets):
    """Revoked between two requests on the same keep-alive connection: the
    second is refused (nothing about a key is remembered between requests)."""
    keys = Keys()
    for t in targets.values():
        label = "matrix-%s" % t.name
        key = keys.create(label, "admin")
        _sent.add(key)
        c = http.client.HTTPConnection(t.host, t.port, timeout=TIMEOUT)
        try:
            h = {"Authorization": "Bearer " + key, "Content-Type": "application/json"}
            c.request("POST", "/v1/topics", json.dumps(topic_body()), h)
            r = c.getresponse()
            r.read()
            assert r.status == 201
            keys.revoke(label)
            c.request("POST", "/v1/topics", json.dumps(topic_body()), h)
            r = c.getresponse()
            raw = r.read()
            assert r.status == 401, raw
            assert r.getheader("WWW-Authenticate") == \
                'Bearer realm="onrecord", error="invalid_token"'
        finally:
            c.close()


# ---------------------------------------------------------------- reads (reads need a key)


@pytest.fixture(scope="module")
def samples():
    """A real key for each path parameter of the read routes, from the seed."""
    stance = sql_value("SELECT s.statement_id || '/' || t.slug FROM stances s JOIN topics t "
                       "ON t.id = s.topic_id ORDER BY s.statement_id, t.slug LIMIT 1")
    return {
        "actors": sql_value("SELECT slug FROM actors WHERE slug = 'alan-gagloev'"),
        "roles": sql_value("SELECT min(id) FROM roles"),
        "statements": sql_value("SELECT min(id) FROM statements"),
        "sources": sql_value("SELECT min(id) FROM sources"),
        "outlets": sql_value("SELECT min(slug) FROM outlets"),
        "topics": sql_value("SELECT t.slug FROM topics t JOIN stances s ON s.topic_id = t.id "
                            "ORDER BY t.slug LIMIT 1"),
        "recognitions": sql_value("SELECT min(id) FROM recognitions"),
        "stances": stance,
    }


def read_path(pattern, samples):
    """The pattern with a real record's key (stances take statement/topic)."""
    if "{" not in pattern:
        return pattern
    resource = _resource(pattern)
    assert resource in samples, "add a sample record for %s to samples()" % resource
    value = samples[resource]
    if pattern.count("{") == 2:
        return re.sub(r"\{[^}]+\}/\{[^}]+\}", value, pattern)
    return re.sub(r"\{[^}]+\}", value, pattern)


@pytest.mark.parametrize("route,cid", _cases(READ_ROUTES))
def test_read(route, cid, targets, samples, write_keys):
    _, pattern, access = route
    kind, headers, query = _cred(cid, write_keys)
    path = read_path(pattern, samples)
    r = send(targets["readkey"], "GET", path, headers, query=query, keys=write_keys)
    if expected(kind, access) == "401":
        assert_refused(r, kind)
    else:
        assert r.status == 200, r
        assert r.header("Cache-Control") == "no-cache"


@pytest.mark.parametrize("route", PUBLIC_ROUTES, ids=_rid)
def test_public_routes_stay_open_whatever_the_header(route, targets, write_keys):
    for cid in ("no-header", "basic", "bearer-alone", "two-headers-admin-admin", "revoked",
                "unknown", "admin"):
        _, headers, _ = _cred(cid, write_keys)
        for t in targets.values():
            r = send(t, "GET", route[1], headers, keys=write_keys)
            assert r.status == 200, (cid, r)
            assert r.header("WWW-Authenticate") is None


def _list_routes():
    """Read routes that answer CSV (exports): the spec's 200 has text/csv."""
    paths = conformance.spec()["paths"]
    return [r for r in READ_ROUTES
            if "text/csv" in (conformance.deref(paths[r[1]]["get"]["responses"]["200"])
                              .get("content", {}))]


@pytest.mark.parametrize("export", ["format=csv", "format=ndjson", "accept-csv", "accept-ndjson"])
@pytest.mark.parametrize("route", _list_routes(), ids=_rid)
def test_exports(route, export, targets, samples, write_keys):
    path = read_path(route[1], samples) + "?limit=2"  # each line is checked: keep it short
    extra = []
    if export.startswith("format="):
        path += "&" + export
    else:
        extra = [("Accept", "text/csv" if export == "accept-csv" else "application/x-ndjson")]
    for cid in ("no-header", "revoked", "editor"):
        kind, headers, _ = _cred(cid, write_keys)
        r = send(targets["readkey"], "GET", path, headers + extra, keys=write_keys)
        if kind in REFUSED:
            assert_refused(r, kind)
        else:
            assert r.status == 200, r
            assert r.header("Content-Type").split(";")[0] in ("text/csv", "application/x-ndjson")


@pytest.mark.parametrize("route", READ_ROUTES, ids=_rid)
def test_head_conditional_and_options(route, targets, samples, write_keys):
    """HEAD is 401 without a key; a conditional GET whose ETag matches is 401
    without a valid key (never 304: a 304 says the record is there and
    unchanged) and 304 with one; OPTIONS is open (a CORS preflight carries no
    key)."""
    t = targets["readkey"]
    path = read_path(route[1], samples)
    admin = [("Authorization", "Bearer " + write_keys.admin)]
    editor = [("Authorization", "Bearer " + write_keys.editor)]
    revoked = [("Authorization", "Bearer " + write_keys.revoked)]
    assert_refused_head(send(t, "HEAD", path, keys=write_keys), "none")
    assert_refused_head(send(t, "HEAD", path, revoked, keys=write_keys), "invalid_token")
    assert send(t, "HEAD", path, admin, keys=write_keys).status == 200
    first = send(t, "GET", path, admin, keys=write_keys)
    assert first.status == 200, first
    etag = first.header("ETag")
    assert etag, first
    for h, kind in (([], "none"), (revoked, "invalid_token")):
        for inm in (etag, "*"):
            r = send(t, "GET", path, h + [("If-None-Match", inm)], keys=write_keys)
            assert_refused(r, kind)
            r = send(t, "HEAD", path, h + [("If-None-Match", inm)], keys=write_keys)
            assert_refused_head(r, kind)
    again = send(t, "GET", path, editor + [("If-None-Match", etag)], keys=write_keys)
    assert again.status == 304, again
    r = send(t, "OPTIONS", path)
    assert r.status == 204 and "GET" in r.header("Allow"), r


def test_what_a_refused_read_does_not_say(targets, samples, write_keys):
    """Without a key, a missing record and bad parameters are 401 like any other
    read (so existence is not told); an unknown path is still 404 (the route
    table is public)."""
    t = targets["readkey"]
    admin = [("Authorization", "Bearer " + write_keys.admin)]
    for path, with_key in (("/v1/actors/zz-nobody-at-all", 404), ("/v1/statements/999999999", 404),
                           ("/v1/actors?colour=red", 400), ("/v1/statements?limit=abc", 400),
                           ("/v1/statements?cursor=forged", 400),
                           ("/v1/actors/alan-gagloev/history?limit=0", 400)):
        assert_refused(send(t, "GET", path, keys=write_keys), "none")
        assert send(t, "GET", path, admin, keys=write_keys).status == with_key, path
    assert_problem(send(t, "GET", "/v1/no-such-thing", keys=write_keys), 404)


COSTLY = ["/v1/statements?q=referendum", "/v1/stats/stances",
          "/v1/statements?q=referendum&format=ndjson"]


@pytest.mark.parametrize("path", COSTLY)
def test_the_answer_cache_serves_no_one_without_a_key(path, targets, write_keys):
    """The answers a server keeps for costly reads (the answer cache) and its
    validators: asked twice with a key, then without one, the answer is 401."""
    t = targets["readkey"]
    admin = [("Authorization", "Bearer " + write_keys.admin)]
    a = send(t, "GET", path, admin, keys=write_keys)
    b = send(t, "GET", path, admin, keys=write_keys)
    assert a.status == b.status == 200, (a, b)
    etag = a.header("ETag")
    assert_refused(send(t, "GET", path, keys=write_keys), "none")
    if etag:  # exports are streamed, without one
        assert_refused(send(t, "GET", path, [("If-None-Match", etag)], keys=write_keys), "none")
    assert_refused(send(t, "GET", path, [("Authorization", "Bearer " + write_keys.revoked)],
                        keys=write_keys), "invalid_token")


def test_identical_reads_in_flight_are_not_shared_with_a_caller_without_a_key(targets,
                                                                               write_keys):
    """The same costly read asked at once with and without a key (flight.c
    would have the later ones wait for the first): each gets its own answer."""
    t = targets["readkey"]
    path = "/v1/statements?q=%s" % urllib.parse.quote("referendum independence")
    results = {}

    def ask(i):
        h = [("Authorization", "Bearer " + write_keys.admin)] if i % 2 == 0 else []
        try:
            results[i] = send(t, "GET", path, h).status
        except Exception as e:  # recorded, asserted below
            results[i] = repr(e)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(16)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    assert not any(th.is_alive() for th in threads), "a read did not finish within 30 s"
    assert results == {i: 200 if i % 2 == 0 else 401 for i in range(16)}, results


def test_writes_on_the_second_server_reach_reads_there(targets, write_keys):
    """A read right after a write, on the server whose reads need a key: fresh."""
    t = targets["readkey"]
    admin = [("Authorization", "Bearer " + write_keys.admin)]
    body = topic_body()
    r = send(t, "POST", "/v1/topics", admin, body, keys=write_keys)
    assert r.status == 201, r
    got = send(t, "GET", "/v1/topics/" + body["slug"], admin, keys=write_keys)
    assert got.status == 200 and got.body["slug"] == body["slug"]
    assert_refused(send(t, "GET", "/v1/topics/" + body["slug"], keys=write_keys), "none")


# ---------------------------------------------------------------- the log (keep last)


def test_no_key_or_authorization_value_in_the_log(second, write_keys):
    """After everything above, the second server is stopped (so every access
    log line is written) and its whole stderr searched: no key, no
    Authorization value sent, no "Bearer"; and it logged the requests."""
    second.proc.send_signal(signal.SIGTERM)
    second.proc.wait(30)
    log = second.log()
    second.__exit__(None, None, None)  # exit 0, no sanitizer report
    lines = log.splitlines()
    assert sum(1 for line in lines if re.match(r"^(GET|HEAD|POST|PATCH|DELETE|OPTIONS) /", line)) \
        >= 100, "the access log is not on: %r" % log[-2000:]
    secrets = _secrets(write_keys)
    assert len(secrets) >= 10, secrets
    found = sorted(s for s in secrets if s in log)
    assert not found, "in the log: %r" % found
    for word in ("Bearer", "bearer", "BEARER", "Basic", "access_token", "Authorization"):
        assert word not in log, [line for line in lines if word in line][:5]
