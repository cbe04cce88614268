"""PATCH is a JSON merge patch (RFC 7396): absent keys keep their value,
null clears an optional field, arrays are replaced whole. A statement's
`reports` and `stances` are replaced whole too, and the history shows only
what really changed."""
import pytest

from conftest import assert_problem, get_ok, sql_value
from writes_support import (assert_invalid, call, count, etag_version, make_actor, make_source,
                            make_statement, make_topic, max_position, patch, table_counts)


@pytest.fixture
def actor(write_keys):
    a = make_actor(write_keys.editor, country="GE", description="Leader of a test party.",
                   other_names=["Test Person", "Тест"], note="From the party register.")
    return a


def test_absent_keys_keep_their_value(write_keys, actor):
    r = patch("/v1/actors/" + actor["slug"], {"name": "Renamed Person"}, write_keys.editor)
    assert r.status == 200, r
    expected = dict(actor, name="Renamed Person")
    assert r.body == expected
    assert get_ok("/v1/actors/" + actor["slug"]) == expected


def test_null_clears_an_optional_field(write_keys, actor):
    r = patch("/v1/actors/" + actor["slug"], {"description": None, "country": None},
              write_keys.editor)
    assert r.status == 200, r
    assert r.body["description"] is None and r.body["country"] is None
    assert r.body["note"] == "From the party register."
    assert get_ok("/v1/actors/" + actor["slug"]) == r.body


@pytest.mark.parametrize("field", ["name", "kind", "slug"])
def test_a_required_field_cannot_be_nulled(write_keys, actor, field):
    before = table_counts()
    r = patch("/v1/actors/" + actor["slug"], {field: None}, write_keys.editor)
    body = assert_invalid(r, "/" + field)
    assert "required" in body["errors"][0]["detail"]
    assert table_counts() == before
    assert get_ok("/v1/actors/" + actor["slug"]) == actor


def test_arrays_are_replaced_not_merged(write_keys, actor):
    path = "/v1/actors/" + actor["slug"]
    r = patch(path, {"other_names": ["Третий"]}, write_keys.editor)
    assert r.status == 200 and r.body["other_names"] == ["Третий"]
    r = patch(path, {"other_names": []}, write_keys.editor)
    assert r.status == 200 and r.body["other_names"] == []
    r = patch(path, {"other_names": ["A", "B"]}, write_keys.editor)
    r = patch(path, {"other_names": None}, write_keys.editor)  # null: cleared, i.e. []
    assert r.status == 200 and r.body["other_names"] == []


def test_an_unknown_field_is_422_and_nothing_changes(write_keys, actor):
    before = table_counts()
    r = patch("/v1/actors/" + actor["slug"], {"name": "Renamed", "colour": "red"},
              write_keys.editor)
    assert_invalid(r, "/colour")
    assert table_counts() == before
    assert get_ok("/v1/actors/" + actor["slug"]) == actor


@pytest.mark.parametrize("ctype", ["application/merge-patch+json", "application/json"])
def test_both_content_types_are_merge_patches(write_keys, actor, ctype):
    r = patch("/v1/actors/" + actor["slug"], {"note": None}, write_keys.editor, ctype=ctype)
    assert r.status == 200, r
    assert r.body["note"] is None and r.body["description"] == actor["description"]


def test_an_empty_patch_changes_nothing(write_keys, actor):
    changes = count("changes", "true")
    r = patch("/v1/actors/" + actor["slug"], {}, write_keys.editor)
    assert r.status == 200, r
    assert r.body == actor
    assert count("changes", "true") == changes  # nothing recorded


def test_a_slug_can_be_changed(write_keys, actor):
    new = actor["slug"] + "-renamed"
    r = patch("/v1/actors/" + actor["slug"], {"slug": new}, write_keys.editor)
    assert r.status == 200, r
    assert r.header("Location") == "/v1/actors/" + new
    assert get_ok("/v1/actors/" + new)["name"] == actor["name"]
    assert_problem(call("GET", "/v1/actors/" + actor["slug"]), 404)


# ---------------------------------------------------------------- statements


@pytest.fixture
def statement(write_keys):
    k = write_keys.editor
    a = make_actor(k)
    sources = [make_source(k, published_on="2024-08-%02d" % d)["id"] for d in (1, 2, 3)]
    topics = [make_topic(k)["slug"] for _ in range(3)]
    st = make_statement(k, a["slug"], sources[:2],
                        stances=[{"topic": topics[0], "position": "supports"},
                                 {"topic": topics[1], "position": "conditional",
                                  "condition": "if Russia agrees"}])
    return {"id": st["id"], "path": "/v1/statements/%d" % st["id"], "sources": sources,
            "topics": topics, "body": st}


def _report_sources(body):
    return [rep["source"]["id"] for rep in body["reports"]]


def test_patching_reports_replaces_them_all(write_keys, statement):
    s = statement["sources"]
    r = patch(statement["path"], {"reports": [{"source": s[2], "wording": "Only this one."}]},
              write_keys.editor)
    assert r.status == 200, r
    assert _report_sources(r.body) == [s[2]]
    assert r.body["reports"][0]["wording"] == "Only this one."
    assert _report_sources(get_ok(statement["path"])) == [s[2]]
    assert sql_value("SELECT count(*) FROM statement_reports WHERE statement_id = %d"
                     % statement["id"]) == "1"
    # Stances were not in the patch: kept.
    assert r.body["stances"] == statement["body"]["stances"]


def test_replacing_reports_records_only_what_changed(write_keys, statement):
    s = statement["sources"]
    before = statement["body"]["reports"]
    new = [{"source": s[0], "wording": before[0]["wording"]},          # unchanged
           {"source": s[1], "wording": "A corrected translation."},   # changed
           {"source": s[2], "wording": "A third outlet."}]             # added
    start = max_position()
    r = patch(statement["path"], {"reports": new}, write_keys.editor)
    assert r.status == 200, r
    assert _report_sources(r.body) == s
    changes = get_ok(statement["path"] + "/history", limit=200)["data"]
    recorded = sorted((c["resource"], c["op"], (c["after"] or c["before"]).get("source_id"))
                      for c in changes if c["position"] > start)
    # The statement row itself did not change (only its version): not recorded.
    assert recorded == [("statement_reports", "create", s[2]),
                        ("statement_reports", "update", s[1])], changes


def test_patching_stances_replaces_them_and_null_removes_them(write_keys, statement):
    t = statement["topics"]
    r = patch(statement["path"], {"stances": [{"topic": t[2], "position": "opposes"}]},
              write_keys.editor)
    assert r.status == 200, r
    assert [(x["topic"], x["position"]) for x in r.body["stances"]] == [(t[2], "opposes")]
    r = patch(statement["path"], {"stances": None}, write_keys.editor)
    assert r.status == 200 and r.body["stances"] == []
    assert sql_value("SELECT count(*) FROM stances WHERE statement_id = %d"
                     % statement["id"]) == "0"


def test_a_bad_report_in_a_patch_changes_nothing(write_keys, statement):
    tag = call("GET", statement["path"]).header("ETag")
    before = table_counts()
    s = statement["sources"]
    r = patch(statement["path"], {"summary": "Changed", "reports": [
        {"source": s[0], "wording": "x"}, {"source": 999999999, "wording": "y"}]},
        write_keys.editor)
    assert_invalid(r, "/reports/1/source")
    assert table_counts() == before
    now = call("GET", statement["path"])
    assert now.body == statement["body"]
    # Same version, same representation: the very same tag as before the PATCH.
    assert etag_version(now) == 1 and now.header("ETag") == tag
