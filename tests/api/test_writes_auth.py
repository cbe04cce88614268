"""Who may write: every write endpoint against every kind of caller.

Reads are open; POST and PATCH need an editor (or admin) key; DELETE needs
an admin key. No key, an unknown key or a revoked key is 401 with a Bearer
challenge; a key whose role is too low is 403. A refused write changes
nothing. With ONRECORD_READ_REQUIRES_KEY=1 reads need a key too (a second
server checks that). Keys are stored as SHA-256 hashes only."""
import datetime
import itertools

import pytest

from conftest import assert_problem, get, lit, sql_value
from writes_support import (PREFIX, Keys, SecondServer, actor_body, call, delete, etag_version,
                            make_actor, make_outlet, make_source, make_statement, make_topic,
                            max_position, outlet_body, patch, post, run_onrecord, source_body,
                            statement_body, topic_body, uniq)

RESOURCES = ["actors", "roles", "outlets", "sources", "statements", "topics", "stances",
             "recognitions"]
CALLERS = ["none", "unknown", "revoked", "editor", "admin"]

_dates = itertools.count(1)


def _recognition_date():
    """A different recognized_on for every recognition (state, territory, date is unique)."""
    return (datetime.date(1900, 1, 1) + datetime.timedelta(days=next(_dates))).isoformat()


@pytest.fixture(scope="module")
def world(write_keys):
    """Records the bodies refer to, made by the admin: a person, a territory,
    an outlet, a source, a statement."""
    k = write_keys.admin
    w = {"actor": make_actor(k)["slug"],
         "territory": make_actor(k, kind="territory", name="Test Territory")["slug"],
         "outlet": make_outlet(k)["slug"]}
    w["source"] = make_source(k, outlet=w["outlet"])["id"]
    w["statement"] = make_statement(k, w["actor"], [w["source"]])["id"]
    return w


def new_body(resource, w, key):
    """A valid POST body for resource that creates a new record."""
    if resource == "actors":
        return actor_body()
    if resource == "roles":
        return {"actor": w["actor"], "title": "Deputy minister of foreign affairs",
                "start": "2022-06"}
    if resource == "outlets":
        return outlet_body(url="https://example.org")
    if resource == "sources":
        return source_body(outlet=w["outlet"], published_on="2024-08")
    if resource == "statements":
        return statement_body(w["actor"], [w["source"]])
    if resource == "topics":
        return topic_body()
    if resource == "stances":  # a fresh topic: one stance per (statement, topic)
        return {"statement": w["statement"], "topic": make_topic(key)["slug"],
                "position": "opposes"}
    if resource == "recognitions":
        return {"state": w["actor"], "territory": w["territory"],
                "recognized_on": _recognition_date()}
    raise AssertionError(resource)


PATCHES = {
    "actors": {"note": "Checked against the party register."},
    "roles": {"title": "Minister of foreign affairs"},
    "outlets": {"note": "Editorially independent."},
    "sources": {"note": "Archived copy checked."},
    "statements": {"context": "At a press conference in Tskhinvali."},
    "topics": {"description": "As put to the parliament."},
    "stances": {"note": "Stated twice in the interview."},
    "recognitions": {"note": "Announced by the foreign ministry."},
}


def make_target(resource, w, key):
    """Creates a record (with key) and returns its path."""
    r = post("/v1/" + resource, new_body(resource, w, key), key)
    assert r.status == 201, r
    return r.header("Location")


@pytest.fixture(scope="module")
def shared_targets(world, write_keys):
    """One record per resource for the refused calls, which must not change it."""
    return {res: make_target(res, world, write_keys.admin) for res in RESOURCES}


def _key(write_keys, caller):
    return None if caller == "none" else getattr(write_keys, caller)


def _assert_unauthorized(r, caller):
    assert_problem(r, 401, code="unauthorized")
    challenge = r.header("WWW-Authenticate")
    assert challenge and challenge.startswith("Bearer "), challenge
    assert 'realm="onrecord"' in challenge
    if caller != "none":
        assert 'error="invalid_token"' in challenge


# ---------------------------------------------------------------- the matrix


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("resource", RESOURCES)
def test_post(resource, caller, world, write_keys):
    key = _key(write_keys, caller)
    body = new_body(resource, world, write_keys.admin)
    before = max_position()
    r = post("/v1/" + resource, body, key)
    if caller in ("none", "unknown", "revoked"):
        _assert_unauthorized(r, caller)
        assert max_position() == before, "a refused POST wrote something"
        return
    assert r.status == 201, r
    assert etag_version(r) == 1
    assert r.header("Cache-Control") == "no-store"
    location = r.header("Location")
    assert location.startswith("/v1/%s/" % resource), location
    again = call("GET", location)
    assert again.status == 200 and again.body == r.body
    assert again.header("ETag") == r.header("ETag")


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("resource", RESOURCES)
def test_patch(resource, caller, world, shared_targets, write_keys):
    key = _key(write_keys, caller)
    field, value = next(iter(PATCHES[resource].items()))
    if caller in ("none", "unknown", "revoked"):
        path = shared_targets[resource]
        old = call("GET", path)
        before = max_position()
        r = patch(path, PATCHES[resource], key)
        _assert_unauthorized(r, caller)
        assert max_position() == before, "a refused PATCH wrote something"
        now = call("GET", path)
        assert now.body == old.body and now.header("ETag") == old.header("ETag")
        return
    path = make_target(resource, world, write_keys.admin)
    r = patch(path, PATCHES[resource], key)
    assert r.status == 200, r
    assert etag_version(r) == 2
    assert r.header("Cache-Control") == "no-store"
    assert r.body[field] == value
    again = call("GET", path)
    assert again.body == r.body and again.header("ETag") == r.header("ETag")


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("resource", RESOURCES)
def test_delete(resource, caller, world, shared_targets, write_keys):
    key = _key(write_keys, caller)
    if caller in ("none", "unknown", "revoked", "editor"):
        path = shared_targets[resource]
        old = call("GET", path)
        before = max_position()
        r = delete(path, key)
        if caller == "editor":
            body = assert_problem(r, 403, code="forbidden")
            assert write_keys.name("editor") in body["detail"]
            assert r.header("WWW-Authenticate") is None
        else:
            _assert_unauthorized(r, caller)
        assert max_position() == before, "a refused DELETE wrote something"
        now = call("GET", path)
        assert now.status == 200 and now.body == old.body
        return
    path = make_target(resource, world, write_keys.admin)
    r = delete(path, key)
    assert r.status == 204, r
    assert r.raw == b""
    assert r.header("Cache-Control") == "no-store"
    assert_problem(call("GET", path), 404, code="not-found")


# ---------------------------------------------------------------- around the matrix


def test_authentication_comes_before_the_body_is_looked_at():
    """No key and a broken body: 401, not 400/415/422 (nothing about the body leaks)."""
    for body, ctype in ((b"{not json", "application/json"), (b"{}", "text/plain"),
                        (b'{"colour": 1}', "application/json")):
        r = call("POST", "/v1/actors", body, None, ctype=ctype)
        _assert_unauthorized(r, "none")


def test_editor_deleting_a_missing_record_is_still_403(write_keys):
    r = delete("/v1/actors/%snobody" % PREFIX, write_keys.editor)
    assert_problem(r, 403, code="forbidden")


@pytest.mark.parametrize("header", [
    "Basic dXNlcjpwYXNz",
    "Bearer",
    "Bearer ",
    "Bearer short",
    "Bearer ork_" + "%" * 40,
    "Token ork_" + "Q" * 43,
])
def test_malformed_authorization_headers_are_401(header):
    r = call("POST", "/v1/topics", topic_body(), None, headers={"Authorization": header})
    assert_problem(r, 401, code="unauthorized")
    assert r.header("WWW-Authenticate", "").startswith("Bearer ")


def test_the_bearer_scheme_is_case_insensitive(write_keys):
    r = call("POST", "/v1/topics", topic_body(), None,
             headers={"Authorization": "bearer " + write_keys.editor})
    assert r.status == 201, r


def test_the_change_is_recorded_under_the_keys_name(write_keys):
    r = post("/v1/topics", topic_body(), write_keys.editor2)
    assert r.status == 201, r
    slug = r.body["slug"]
    assert sql_value("SELECT actor FROM changes WHERE resource = 'topics' AND op = 'create' "
                     "AND after->>'slug' = %s" % lit(slug)) == write_keys.name("editor2")


@pytest.mark.parametrize("path", ["/v1/actors", "/v1/statements", "/v1/topics",
                                  "/v1/changes?limit=1", "/v1/statements/1/history"])
def test_reads_stay_open_without_a_key(path):
    status, _, body = get(path)
    assert status == 200, body


def test_reads_with_a_revoked_key_are_still_open_by_default(write_keys):
    """By default reads ignore the key entirely (a stale key in a dashboard keeps working)."""
    status, _, _ = get("/v1/actors", headers={"Authorization": "Bearer " + write_keys.revoked})
    assert status == 200


def test_read_requires_key_mode(write_keys):
    """ONRECORD_READ_REQUIRES_KEY=1: reads need any valid key; health checks stay open.
    The plain key never appears in that server's log."""
    with SecondServer(ONRECORD_READ_REQUIRES_KEY="1", ONRECORD_ACCESS_LOG="1") as srv:
        r = srv.fetch("/v1/actors")
        assert_problem(r, 401, code="unauthorized")
        assert r.header("WWW-Authenticate", "").startswith("Bearer ")
        for label in ("unknown", "revoked"):
            r = srv.fetch("/v1/actors",
                          {"Authorization": "Bearer " + getattr(write_keys, label)})
            assert_problem(r, 401, code="unauthorized")
        for label in ("editor", "admin"):
            r = srv.fetch("/v1/actors", {"Authorization": "Bearer " + getattr(write_keys, label)})
            assert r.status == 200, r
            r = srv.fetch("/v1/statements/1",
                          {"Authorization": "Bearer " + getattr(write_keys, label)})
            assert r.status == 200, r
        assert_problem(srv.fetch("/v1/statements/1"), 401)
        for path in ("/healthz", "/readyz"):
            assert srv.fetch(path).status == 200
        # Writes are unchanged: editor may PATCH, not DELETE.
        r = srv.fetch("/v1/topics", {"Authorization": "Bearer " + write_keys.editor,
                                     "Content-Type": "application/json"},
                      method="POST", body=('{"slug": "%s", "proposition": "Kept open"}'
                                           % uniq("topic")).encode())
        assert r.status == 201, r
        log = srv.log()
    for label in ("editor", "admin", "revoked"):
        assert getattr(write_keys, label) not in log


def test_keys_list_shows_names_and_roles_but_never_keys(write_keys):
    p = run_onrecord("keys", "list")
    assert p.returncode == 0, p.stderr
    out = p.stdout + p.stderr
    for label in ("editor", "editor2", "admin", "revoked"):
        assert write_keys.name(label) in out
        assert getattr(write_keys, label) not in out
    lines = {line.split()[0]: line.split() for line in p.stdout.splitlines()[1:] if line.strip()}
    assert lines[write_keys.name("editor")][1] == "editor"
    assert lines[write_keys.name("admin")][1] == "admin"
    assert lines[write_keys.name("editor")][-1] == "-"  # not revoked
    assert lines[write_keys.name("revoked")][-1] != "-"  # revoked: when


def test_keys_are_stored_as_sha256_hashes_only(write_keys):
    assert sql_value("SELECT count(*) FROM api_keys WHERE octet_length(key_hash) <> 32") == "0"
    for label in ("editor", "editor2", "admin", "revoked"):
        plain = getattr(write_keys, label)
        name = write_keys.name(label)
        assert sql_value("SELECT key_hash = sha256(convert_to(%s, 'UTF8')) FROM api_keys "
                         "WHERE name = %s" % (lit(plain), lit(name))) == "t"
        # The plain key is nowhere in the row, in any column.
        assert sql_value("SELECT count(*) FROM api_keys k WHERE k::text LIKE %s"
                         % lit("%" + plain + "%")) == "0"


def test_keys_create_refuses_a_taken_name_and_revoke_an_unknown_one(write_keys):
    p = run_onrecord("keys", "create", "--name", write_keys.name("editor"), "--role", "editor")
    assert p.returncode != 0 and p.stdout.strip() == "", p
    p = run_onrecord("keys", "revoke", write_keys.name("revoked"))  # already revoked
    assert p.returncode != 0, p
    p = run_onrecord("keys", "create", "--name", "x", "--role", "owner")
    assert p.returncode == 2 and p.stdout.strip() == "", p


def test_a_key_revoked_while_in_use_stops_working_at_once():
    keys = Keys()
    label = uniq("in-use")[len(PREFIX):]
    key = keys.create(label, "editor")
    assert post("/v1/topics", topic_body(), key).status == 201
    keys.revoke(label)
    r = post("/v1/topics", topic_body(), key)
    _assert_unauthorized(r, "revoked")


@pytest.mark.parametrize("path,allow", [
    ("/v1/actors", "GET, HEAD, POST"),
    ("/v1/actors/alan-gagloev", "GET, HEAD, PATCH, DELETE"),
    ("/v1/roles/1", "GET, HEAD, PATCH, DELETE"),
    ("/v1/stances", "POST"),
    ("/v1/stances/1/south-ossetia-joins-russia", "GET, HEAD, PATCH, DELETE"),
    ("/v1/statements/1/history", "GET, HEAD"),
    ("/v1/changes", "GET, HEAD"),
    ("/v1/roles", "POST"),
    ("/v1/topics/south-ossetia-joins-russia/history", "GET, HEAD"),
    ("/v1/actors/alan-gagloev/positions", "GET, HEAD"),
    ("/v1/topics/south-ossetia-joins-russia/timeline", "GET, HEAD"),
    ("/v1/stats/stances", "GET, HEAD"),
])
def test_write_methods_are_advertised(path, allow):
    r = call("OPTIONS", path)
    assert r.status == 204 and r.header("Allow") == allow
    r = call("PUT", path, {"x": 1})
    assert_problem(r, 405, code="method-not-allowed")
    assert r.header("Allow") == allow
