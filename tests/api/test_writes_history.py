"""The record of who changed what: per-record history and the change feed.

GET /v1/<resource>/<key>/history lists a record's changes and its children's
(an actor's roles; a statement's reports and stances), oldest first, each
with op, actor (the API key's name), before and after. GET /v1/changes is
every change in commit order: a dashboard that keeps the last position it saw
and asks again with after=<position> sees every later change exactly once."""
import re
import threading

import pytest

from conftest import assert_problem, get_all, get_ok, lit, sql_col, sql_value
from writes_support import (PREFIX, call, delete, make_actor, make_source, make_statement,
                            make_topic, max_position, patch, post, topic_body)

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")


def _id_of_actor(slug):
    return int(sql_value("SELECT id FROM actors WHERE slug = %s" % lit(slug)))


def _check_shape(change):
    assert set(change) == {"position", "resource", "id", "parent", "op", "actor", "changed_at",
                           "before", "after"}, change
    assert TIMESTAMP.match(change["changed_at"]), change["changed_at"]
    assert (change["before"] is None) == (change["op"] == "create")
    assert (change["after"] is None) == (change["op"] == "delete")


def test_an_actor_edit_sequence_is_its_history(write_keys):
    k = write_keys
    a = make_actor(k.editor, name="Anatoly Testov")
    slug = a["slug"]
    path = "/v1/actors/" + slug
    assert patch(path, {"name": "Anatoliy Testov"}, k.editor2).status == 200
    assert patch(path, {"other_names": ["Анатолий Тестов"]}, k.editor).status == 200
    r = post("/v1/roles", {"actor": slug, "title": "Speaker of parliament", "start": "2019-06"},
             k.editor)
    assert r.status == 201, r
    role = r.body["id"]
    assert delete("/v1/roles/%d" % role, k.admin).status == 204

    history = get_all(path + "/history")
    for c in history:
        _check_shape(c)
    assert [(c["resource"], c["op"], c["actor"]) for c in history] == [
        ("actors", "create", k.name("editor")),
        ("actors", "update", k.name("editor2")),
        ("actors", "update", k.name("editor")),
        ("roles", "create", k.name("editor")),
        ("roles", "delete", k.name("admin")),
    ]
    positions = [c["position"] for c in history]
    assert positions == sorted(positions) and len(set(positions)) == 5
    actor_id = _id_of_actor(slug)
    create, rename, names, role_create, role_delete = history
    assert create["id"] == actor_id and create["parent"] is None
    assert create["after"]["name"] == "Anatoly Testov" and create["after"]["slug"] == slug
    assert create["after"]["other_names"] == []
    assert "version" not in create["after"] and "search_names" not in create["after"]
    assert rename["before"]["name"] == "Anatoly Testov"
    assert rename["after"]["name"] == "Anatoliy Testov"
    assert {f for f in rename["after"] if rename["after"][f] != rename["before"][f]} == {"name"}
    assert names["before"]["other_names"] == [] and \
        names["after"]["other_names"] == ["Анатолий Тестов"]
    assert role_create["id"] == role and role_create["parent"] == {"resource": "actors",
                                                                   "id": actor_id}
    assert role_create["after"]["title"] == "Speaker of parliament"
    assert role_create["after"]["actor_id"] == actor_id
    assert role_delete["id"] == role and role_delete["after"] is None
    assert role_delete["before"] == role_create["after"]

    # The deleted role still has its history; the role itself is gone.
    assert_problem(call("GET", "/v1/roles/%d" % role), 404)
    assert [c["op"] for c in get_all("/v1/roles/%d/history" % role)] == ["create", "delete"]


def test_history_pages_oldest_first(write_keys):
    a = make_actor(write_keys.editor)
    path = "/v1/actors/" + a["slug"]
    for n in range(5):
        assert patch(path, {"note": "edit %d" % n}, write_keys.editor).status == 200
    pages = []
    body = get_ok(path + "/history", limit=2)
    pages.append(body["data"])
    while body["next_cursor"]:
        body = get_ok(path + "/history", limit=2, cursor=body["next_cursor"])
        pages.append(body["data"])
    assert [len(p) for p in pages] == [2, 2, 2]
    notes = [c["after"]["note"] for p in pages for c in p]
    assert notes == [None] + ["edit %d" % n for n in range(5)]


def test_a_statement_history_includes_its_reports_and_stances(write_keys):
    k = write_keys
    a = make_actor(k.editor)
    s1, s2 = make_source(k.editor)["id"], make_source(k.editor)["id"]
    t1, t2 = make_topic(k.editor)["slug"], make_topic(k.editor)["slug"]
    st = make_statement(k.editor, a["slug"], [s1, s2],
                        stances=[{"topic": t1, "position": "supports"}])
    sid = st["id"]
    path = "/v1/statements/%d" % sid
    assert patch(path, {"stances": [{"topic": t1, "position": "conditional",
                                     "condition": "if the people vote for it"}]},
                 k.editor2).status == 200
    assert patch(path, {"reports": [{"source": s2, "wording": "Only the second outlet."}]},
                 k.editor).status == 200
    assert post("/v1/stances", {"statement": sid, "topic": t2, "position": "neutral"},
                k.editor).status == 201
    assert delete("/v1/stances/%d/%s" % (sid, t2), k.admin).status == 204

    history = get_all(path + "/history")
    for c in history:
        _check_shape(c)
        if c["resource"] != "statements":
            assert c["parent"] == {"resource": "statements", "id": sid}
    got = [(c["resource"], c["op"]) for c in history]
    assert got == [
        ("statements", "create"),
        ("statement_reports", "create"),
        ("statement_reports", "create"),
        ("stances", "create"),
        ("stances", "update"),          # supports -> conditional
        ("statement_reports", "delete"),  # s1 dropped
        ("statement_reports", "update"),  # s2 reworded
        ("stances", "create"),
        ("stances", "delete"),
    ], history
    assert {history[1]["after"]["source_id"], history[2]["after"]["source_id"]} == {s1, s2}
    assert history[4]["before"]["position"] == "supports"
    assert history[4]["after"]["condition"] == "if the people vote for it"
    assert history[4]["actor"] == k.name("editor2")
    assert history[5]["before"]["source_id"] == s1
    assert history[6]["after"]["wording"] == "Only the second outlet."
    assert history[8]["actor"] == k.name("admin") and history[8]["after"] is None
    # The stance's own history, also after it was deleted.
    assert [c["op"] for c in get_all("/v1/stances/%d/%s/history" % (sid, t2))] == \
        ["create", "delete"]
    assert [c["op"] for c in get_all("/v1/stances/%d/%s/history" % (sid, t1))] == \
        ["create", "update"]


def test_a_deleted_and_a_renamed_record_keep_their_history(write_keys):
    a = make_actor(write_keys.editor)
    old = a["slug"]
    new = old + "-new"
    assert patch("/v1/actors/" + old, {"slug": new}, write_keys.editor).status == 200
    by_new = get_all("/v1/actors/%s/history" % new)
    assert [c["op"] for c in by_new] == ["create", "update"]
    assert get_all("/v1/actors/%s/history" % old) == by_new  # the old slug still finds it
    assert delete("/v1/actors/" + new, write_keys.admin).status == 204
    after = get_all("/v1/actors/%s/history" % new)
    assert [c["op"] for c in after] == ["create", "update", "delete"]
    assert after[-1]["before"]["slug"] == new and after[-1]["after"] is None


@pytest.mark.parametrize("path", [
    "/v1/actors/%snobody/history" % PREFIX,
    "/v1/topics/%snothing/history" % PREFIX,
    "/v1/outlets/%snothing/history" % PREFIX,
    "/v1/statements/999999999/history",
    "/v1/sources/999999999/history",
    "/v1/roles/999999999/history",
    "/v1/recognitions/999999999/history",
    "/v1/stances/999999999/%snothing/history" % PREFIX,
])
def test_history_of_an_unknown_record_is_404(path):
    assert_problem(call("GET", path), 404, code="not-found")


def test_history_path_keys_are_checked():
    assert_problem(call("GET", "/v1/actors/Not%20A%20Slug/history"), 400)
    assert_problem(call("GET", "/v1/statements/-1/history"), 400)
    # The record comes from the path only.
    for param in ("resource=topics", "target=1"):
        assert_problem(call("GET", "/v1/actors/alan-gagloev/history?" + param), 400,
                       code="unknown-parameter")


# ---------------------------------------------------------------- the change feed


def _feed(after, limit=5, **params):
    """Every change after `after`, following next_cursor."""
    return get_all("/v1/changes", after=after, limit=limit, **params)


def _some_writes(k):
    """A dozen changes of every kind, a deletion among them."""
    a = make_actor(k.editor)
    t = make_topic(k.editor)
    s = make_source(k.editor)
    st = make_statement(k.editor, a["slug"], [s["id"]],
                        stances=[{"topic": t["slug"], "position": "opposes"}])
    patch("/v1/actors/" + a["slug"], {"note": "checked"}, k.editor2)
    role = post("/v1/roles", {"actor": a["slug"], "title": "Envoy"}, k.editor).body
    delete("/v1/roles/%d" % role["id"], k.admin)
    patch("/v1/statements/%d" % st["id"], {"summary": "Reworded summary"}, k.editor)
    return a, role


def test_resuming_from_every_position_gives_every_later_change_once(write_keys):
    start = max_position()
    actor, role = _some_writes(write_keys)
    full = _feed(start)
    positions = [c["position"] for c in full]
    assert positions == sorted(set(positions)), positions
    assert positions == [int(p) for p in sql_col(
        "SELECT position FROM changes WHERE position > %d ORDER BY position" % start)]
    assert len(full) >= 10
    for c in full:
        _check_shape(c)
    for i, p in enumerate([start] + positions):
        assert _feed(p) == full[i:], "resuming after %d" % p
    # Filtered by resource: the same changes, only that resource's.
    assert _feed(start, resource="roles") == [c for c in full if c["resource"] == "roles"]
    # The deletion.
    deleted = [c for c in full if c["op"] == "delete"]
    assert len(deleted) == 1
    d = deleted[0]
    assert d["resource"] == "roles" and d["id"] == role["id"] and d["after"] is None
    assert d["before"]["title"] == "Envoy" and d["actor"] == write_keys.name("admin")


def test_a_change_written_while_a_reader_pages_is_seen_later(write_keys):
    start = max_position()
    _some_writes(write_keys)
    seen = []
    page = get_ok("/v1/changes", after=start, limit=3)
    seen.extend(page["data"])
    # Someone writes while the reader is in the middle of its walk.
    late = topic_body()
    assert post("/v1/topics", late, write_keys.editor).status == 201
    while page["next_cursor"]:
        page = get_ok("/v1/changes", after=start, limit=3, cursor=page["next_cursor"])
        seen.extend(page["data"])
    # The reader resumes from the last position it saw.
    seen.extend(_feed(seen[-1]["position"]))
    positions = [c["position"] for c in seen]
    assert positions == sorted(set(positions))
    assert positions == [int(p) for p in sql_col(
        "SELECT position FROM changes WHERE position > %d ORDER BY position" % start)]
    assert [c for c in seen if c["resource"] == "topics" and c["op"] == "create"
            and c["after"]["slug"] == late["slug"]]


def test_a_reader_polling_during_concurrent_writes_misses_nothing(write_keys):
    """Positions follow commit order: a reader that keeps resuming after the
    last position it saw, while 4 writers commit, ends with every change
    exactly once."""
    start = max_position()
    stop = threading.Event()
    errors = []

    def writer(label, n):
        try:
            for i in range(n):
                r = post("/v1/topics", topic_body(), getattr(write_keys, label))
                if r.status != 201:
                    errors.append(r)
        except Exception as e:  # reported below
            errors.append(e)

    seen = []

    def reader():
        last = start
        while True:
            done = stop.is_set()
            page = get_ok("/v1/changes", after=last, limit=200)
            seen.extend(page["data"])
            if page["data"]:
                last = page["data"][-1]["position"]
            elif done:
                return

    threads = [threading.Thread(target=writer, args=(label, 40))
               for label in ("editor", "editor2", "admin", "editor")]
    r = threading.Thread(target=reader)
    r.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    stop.set()
    r.join(300)
    assert not errors, errors[:5]
    positions = [c["position"] for c in seen]
    assert len(positions) == len(set(positions)), "a change was seen twice"
    assert positions == sorted(positions)
    assert positions == [int(p) for p in sql_col(
        "SELECT position FROM changes WHERE position > %d ORDER BY position" % start)]
    assert len(positions) >= 160


def test_changes_feed_parameters():
    assert_problem(call("GET", "/v1/changes?after=-1"), 400, parameter="after")
    assert_problem(call("GET", "/v1/changes?after=x"), 400, parameter="after")
    assert_problem(call("GET", "/v1/changes?resource=people"), 400, parameter="resource")
    assert_problem(call("GET", "/v1/changes?limit=0"), 400, parameter="limit")
    big = get_ok("/v1/changes", after=10 ** 15)
    assert big == {"data": [], "next_cursor": None}


def test_a_role_moved_to_another_actor_shows_in_both_histories(write_keys):
    """A role filed under the wrong person (two similar names) is moved to the
    right one. The wrong person's history must show the role leaving; the
    right person's, the role arriving."""
    k = write_keys
    wrong = make_actor(k.editor, name="Dmitry Testoev")["slug"]
    right = make_actor(k.editor, name="Dmitriy Testoyev")["slug"]
    role = post("/v1/roles", {"actor": wrong, "title": "Deputy prime minister"}, k.editor).body
    assert patch("/v1/roles/%d" % role["id"], {"actor": right}, k.editor2).status == 200
    assert get_ok("/v1/actors/" + wrong)["roles"] == []
    wrong_history = [(c["resource"], c["op"]) for c in get_all("/v1/actors/%s/history" % wrong)]
    right_history = [(c["resource"], c["op"]) for c in get_all("/v1/actors/%s/history" % right)]
    assert wrong_history == [("actors", "create"), ("roles", "create"), ("roles", "update")]
    assert right_history == [("actors", "create"), ("roles", "update")]
