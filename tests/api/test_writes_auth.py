"""API keys around the authorization matrix: who a change is recorded under,
reads open by default (even with a revoked key), `onrecord keys` (names and
roles, never keys; SHA-256 hashes only), a key revoked while in use, and the
write methods each path advertises.

Reads are open; POST and PATCH need an editor (or admin) key; DELETE needs
an admin key. Every write route against every kind of caller, malformed
headers, the order of checks and ONRECORD_READ_REQUIRES_KEY=1 are
test_writes_auth_matrix.py's."""
import pytest

from conftest import assert_problem, get, lit, sql_value
from writes_support import PREFIX, Keys, call, post, run_onrecord, topic_body, uniq

def _assert_unauthorized(r, caller):
    assert_problem(r, 401, code="unauthorized")
    challenge = r.header("WWW-Authenticate")
    assert challenge and challenge.startswith("Bearer "), challenge
    assert 'realm="onrecord"' in challenge
    if caller != "none":
        assert 'error="invalid_token"' in challenge


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
