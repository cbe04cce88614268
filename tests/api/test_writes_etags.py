"""Versions as ETags, and If-Match: an editor who edits what they read never
overwrites someone else's edit unknowingly.

GET and every write answer `ETag: "N.<hash>"`: N is the record's version, the
16 hex digits a hash of the representation (it changes when a derived part
such as an actor's statement count does). A PATCH or DELETE with If-Match
naming version N (the full tag, or just `"N"`, or a list of tags) applies
only while the record is still at version N (else 412 and nothing changes);
weak tags (W/) never match; `If-Match: *` and no If-Match at all always apply
(last writer wins)."""
import threading

import pytest

from conftest import assert_problem, fetch, lit, sql_value
from writes_support import (call, count, delete, etag_version, make_actor, make_role,
                            make_source, make_statement, make_topic, max_position, patch, post)


@pytest.fixture
def actor(write_keys):
    a = make_actor(write_keys.editor)
    return "/v1/actors/" + a["slug"]


def _version(path):
    r = call("GET", path)
    assert r.status == 200, r
    return etag_version(r)


def test_a_new_record_is_version_1_on_get_and_head(actor):
    r = call("GET", actor)
    assert etag_version(r) == 1
    h = fetch(actor, method="HEAD")
    assert h.status == 200 and h.header("ETag") == r.header("ETag")


def test_if_match_current_version_applies_and_bumps_it(write_keys, actor):
    r = patch(actor, {"name": "Alan Test"}, write_keys.editor, headers={"If-Match": '"1"'})
    assert r.status == 200, r
    assert etag_version(r) == 2
    # The PATCH answer and a later GET show the same representation: the same tag.
    assert call("GET", actor).header("ETag") == r.header("ETag")


def test_if_match_takes_the_full_tag_a_get_returned(write_keys, actor):
    tag = call("GET", actor).header("ETag")
    r = patch(actor, {"note": "edited from the tag"}, write_keys.editor, headers={"If-Match": tag})
    assert r.status == 200, r
    assert etag_version(r) == 2
    # The same tag again is stale now.
    r = patch(actor, {"note": "again"}, write_keys.editor, headers={"If-Match": tag})
    assert_problem(r, 412, code="precondition-failed")


def test_if_match_compares_the_version_not_the_hash(write_keys, actor):
    """The hash only tells caches that a derived part changed; the version
    decides whether an edit is based on the current record."""
    r = patch(actor, {"note": "x"}, write_keys.editor,
              headers={"If-Match": '"1.0000000000000000"'})
    assert r.status == 200, r
    assert etag_version(r) == 2


def test_a_weak_tag_never_matches(write_keys, actor):
    """RFC 9110 13.1.1: If-Match uses the strong comparison."""
    tag = call("GET", actor).header("ETag")
    for value in ("W/" + tag, 'W/"1"', 'W/"1", W/' + tag):
        r = patch(actor, {"note": "x"}, write_keys.editor, headers={"If-Match": value})
        assert_problem(r, 412, code="precondition-failed")
    assert call("GET", actor).header("ETag") == tag


def test_if_match_stale_version_is_412_and_changes_nothing(write_keys, actor):
    assert patch(actor, {"name": "First edit"}, write_keys.editor,
                 headers={"If-Match": '"1"'}).status == 200
    old = call("GET", actor)
    changes = max_position()
    r = patch(actor, {"name": "Second edit, from a stale copy"}, write_keys.editor2,
              headers={"If-Match": '"1"'})
    body = assert_problem(r, 412, code="precondition-failed")
    assert "2" in body["detail"]
    now = call("GET", actor)
    assert now.body == old.body and now.body["name"] == "First edit"
    assert now.header("ETag") == old.header("ETag") and etag_version(now) == 2
    assert max_position() == changes


def test_delete_with_a_stale_if_match_is_412(write_keys, actor):
    assert patch(actor, {"note": "edited"}, write_keys.editor).status == 200
    r = delete(actor, write_keys.admin, headers={"If-Match": '"1"'})
    assert_problem(r, 412, code="precondition-failed")
    assert call("GET", actor).status == 200
    r = delete(actor, write_keys.admin, headers={"If-Match": '"2"'})
    assert r.status == 204, r
    assert call("GET", actor).status == 404


def test_if_match_star_applies_to_any_version(write_keys, actor):
    for n in (1, 2, 3):
        r = patch(actor, {"note": "edit %d" % n}, write_keys.editor, headers={"If-Match": "*"})
        assert r.status == 200, r
        assert etag_version(r) == n + 1
    assert delete(actor, write_keys.admin, headers={"If-Match": "*"}).status == 204


def test_without_if_match_the_last_writer_wins(write_keys, actor):
    """No precondition: both edits apply, the later one is what remains."""
    assert patch(actor, {"name": "Edit by the first editor"}, write_keys.editor).status == 200
    r = patch(actor, {"name": "Edit by the second editor"}, write_keys.editor2)
    assert r.status == 200 and etag_version(r) == 3
    assert call("GET", actor).body["name"] == "Edit by the second editor"


def test_if_match_may_list_several_versions(write_keys, actor):
    """RFC 9110 13.1.1: If-Match is a list; it matches when any tag does."""
    assert patch(actor, {"note": "v2"}, write_keys.editor).status == 200
    r = patch(actor, {"note": "v3"}, write_keys.editor, headers={"If-Match": '"1", "2"'})
    assert r.status == 200, r
    assert etag_version(r) == 3
    r = patch(actor, {"note": "v4"}, write_keys.editor, headers={"If-Match": '"1", "2"'})
    assert_problem(r, 412, code="precondition-failed")
    # Full tags in a list, with a weak one that would match but must not.
    tag = call("GET", actor).header("ETag")
    r = patch(actor, {"note": "v4"}, write_keys.editor,
              headers={"If-Match": 'W/%s, "1.0123456789abcdef"' % tag})
    assert_problem(r, 412, code="precondition-failed")
    r = patch(actor, {"note": "v4"}, write_keys.editor,
              headers={"If-Match": '"1.0123456789abcdef", %s' % tag})
    assert r.status == 200 and etag_version(r) == 4


def test_a_version_that_is_not_a_number_never_matches(write_keys, actor):
    for value in ('"one"', '"1 "', '"01"', '"-1"', '"1x"', '"+1"', '""'):
        r = patch(actor, {"note": "x"}, write_keys.editor, headers={"If-Match": value})
        assert_problem(r, 412, code="precondition-failed")
    assert _version(actor) == 1


@pytest.mark.parametrize("value", ["1 OR 1=1", "1"])
def test_an_unquoted_if_match_is_no_entity_tag_and_never_matches(write_keys, actor, value):
    """RFC 9110 8.8.3: an entity-tag is quoted. `If-Match: 1 OR 1=1` names no
    version at all; it must not pass as "version 1" (it did not before the
    list parsing of If-Match came in)."""
    r = patch(actor, {"note": "x"}, write_keys.editor, headers={"If-Match": value})
    assert_problem(r, 412, code="precondition-failed")
    assert _version(actor) == 1


def test_two_editors_racing_exactly_one_wins(write_keys):
    """Both read version N and PATCH with If-Match N at the same moment: one 200,
    one 412, and the record holds the winner's edit. Five rounds."""
    a = make_actor(write_keys.editor)
    path = "/v1/actors/" + a["slug"]
    for round_ in range(5):
        version = _version(path)
        barrier = threading.Barrier(2)
        results = {}

        def edit(label):
            body = {"name": "Edit by %s in round %d" % (label, round_)}
            barrier.wait()
            results[label] = patch(path, body, getattr(write_keys, label),
                                   headers={"If-Match": '"%d"' % version})

        threads = [threading.Thread(target=edit, args=(label,))
                   for label in ("editor", "editor2")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        statuses = sorted(r.status for r in results.values())
        assert statuses == [200, 412], results
        winner = [label for label, r in results.items() if r.status == 200][0]
        now = call("GET", path)
        assert now.body["name"] == "Edit by %s in round %d" % (winner, round_)
        assert etag_version(now) == version + 1
    assert int(sql_value(
        "SELECT count(*) FROM changes WHERE resource = 'actors' AND op = 'update' AND "
        "after->>'slug' = %s" % lit(a["slug"]))) == 5


def test_the_version_covers_what_the_representation_shows(write_keys):
    """A statement's ETag changes when its stances change (they are in its
    body); an actor's when its roles do."""
    k = write_keys.editor
    a = make_actor(k)
    st = make_statement(k, a["slug"], [make_source(k)["id"]])
    spath = "/v1/statements/%d" % st["id"]
    assert _version(spath) == 1
    topic = make_topic(k)["slug"]
    r = post("/v1/stances", {"statement": st["id"], "topic": topic, "position": "neutral"}, k)
    assert r.status == 201 and etag_version(r) == 1
    assert _version(spath) == 2
    r = patch("/v1/stances/%d/%s" % (st["id"], topic), {"position": "opposes"}, k)
    assert r.status == 200 and etag_version(r) == 2
    assert _version(spath) == 3
    assert delete("/v1/stances/%d/%s" % (st["id"], topic), write_keys.admin).status == 204
    assert _version(spath) == 4

    apath = "/v1/actors/" + a["slug"]
    assert _version(apath) == 1
    role = make_role(k, a["slug"])
    assert _version(apath) == 2
    assert patch("/v1/roles/%d" % role["id"], {"title": "Speaker"}, k).status == 200
    assert _version(apath) == 3
    assert delete("/v1/roles/%d" % role["id"], write_keys.admin).status == 204
    assert _version(apath) == 4
    # Touching the parent is not an edit of it: no change recorded for the actor.
    assert count("changes", "resource = 'actors' AND after->>'slug' = %s" % lit(a["slug"])) == 1
