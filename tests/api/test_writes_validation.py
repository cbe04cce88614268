"""Body validation: every rule answers its documented status and names the
offending field by JSON pointer, and a refused write leaves NOTHING behind
(row counts of every table a write touches, the change history and the
idempotency keys are compared before and after)."""
import http.client
import json

import pytest

from conftest import HOST, PORT, Response, assert_problem, lit
from writes_support import (PREFIX, actor_body, assert_invalid, call, count, make_actor,
                            make_source, make_statement, make_topic, outlet_body, patch, post,
                            source_body, statement_body, table_counts, topic_body, uniq)


@pytest.fixture(scope="module")
def refs(write_keys):
    """An actor, three sources and a topic of this run to refer to."""
    k = write_keys.editor
    return {"actor": make_actor(k)["slug"],
            "sources": [make_source(k)["id"] for _ in range(3)],
            "topic": make_topic(k)["slug"],
            "territory": make_actor(k, kind="territory")["slug"]}


@pytest.fixture
def unchanged():
    """Call it at the end of a test: asserts no table changed since the start."""
    before = table_counts()

    def check():
        after = table_counts()
        assert after == before, "a refused write left rows behind: %r -> %r" % (before, after)
    return check


# ---------------------------------------------------------------- fields


def test_missing_required_field(write_keys, unchanged):
    body = actor_body()
    del body["name"]
    r = post("/v1/actors", body, write_keys.editor)
    body = assert_invalid(r, "/name")
    assert body["errors"][0]["detail"] == "is required"
    unchanged()


def test_required_field_given_as_null(write_keys, unchanged):
    r = post("/v1/actors", actor_body(name=None), write_keys.editor)
    assert_invalid(r, "/name")
    unchanged()


def test_wrong_type(write_keys, unchanged):
    r = post("/v1/outlets", outlet_body(state_owned="yes"), write_keys.editor)
    assert_invalid(r, "/state_owned")
    unchanged()


@pytest.mark.parametrize("value", [1, "1", "true", None])
def test_wrong_type_for_a_boolean(write_keys, unchanged, value):
    r = post("/v1/outlets", outlet_body(state_owned=value), write_keys.editor)
    assert_invalid(r, "/state_owned")
    unchanged()


def test_bad_enum(write_keys, unchanged):
    r = post("/v1/actors", actor_body(kind="journalist"), write_keys.editor)
    body = assert_invalid(r, "/kind")
    assert "person" in body["errors"][0]["detail"]  # the choices are listed
    unchanged()


@pytest.mark.parametrize("said_on", ["2024-13", "2024-02-30", "24-01-01", "2023-02-29",
                                     "2024-00", "2024-1-05", "2024/01/05", "15.08.2024",
                                     "", "2024-08-15T10:00:00Z"])
def test_bad_date(write_keys, refs, unchanged, said_on):
    r = post("/v1/statements", statement_body(refs["actor"], refs["sources"][:1],
                                              said_on=said_on), write_keys.editor)
    assert_invalid(r, "/said_on")
    unchanged()


@pytest.mark.parametrize("said_on,precision", [("2024", "year"), ("2024-08", "month"),
                                               ("2024-02-29", "day")])
def test_partial_dates_keep_their_precision(write_keys, refs, said_on, precision):
    r = post("/v1/statements", statement_body(refs["actor"], refs["sources"][:1],
                                              said_on=said_on), write_keys.editor)
    assert r.status == 201, r
    assert r.body["said_on"] == said_on and r.body["said_precision"] == precision


@pytest.mark.parametrize("url", ["ftp://x", "http://a b", "tass.com", "https://", "http:///x",
                                 "javascript:alert(1)", "https://x.org/\"q\""])
def test_bad_url(write_keys, unchanged, url):
    r = post("/v1/outlets", outlet_body(url=url), write_keys.editor)
    assert_invalid(r, "/url")
    unchanged()


def test_string_limits_are_in_bytes(write_keys, unchanged):
    """name: at most 300 bytes. 301 ASCII bytes, or 101 Georgian letters (303
    bytes), are refused; 300 bytes are fine either way."""
    for name in ("x" * 301, "\u10d0" * 101):
        r = post("/v1/actors", actor_body(name=name), write_keys.editor)
        body = assert_invalid(r, "/name")
        assert "300" in body["errors"][0]["detail"]
    unchanged()
    for name in ("x" * 300, "\u10d0" * 100):
        r = post("/v1/actors", actor_body(name=name), write_keys.editor)
        assert r.status == 201, r
        assert r.body["name"] == name


def test_empty_string_is_refused(write_keys, unchanged):
    r = post("/v1/topics", topic_body(proposition=""), write_keys.editor)
    assert_invalid(r, "/proposition")
    unchanged()


@pytest.mark.parametrize("slug", ["Upper-Case", "two--dashes", "-lead", "trail-", "with space",
                                  "x" * 101, "ünicode"])
def test_bad_slug(write_keys, unchanged, slug):
    r = post("/v1/topics", topic_body(slug=slug), write_keys.editor)
    assert_invalid(r, "/slug")
    unchanged()


def test_unknown_field(write_keys, unchanged):
    r = post("/v1/actors", actor_body(colour="red"), write_keys.editor)
    body = assert_invalid(r, "/colour")
    assert "not a field" in body["errors"][0]["detail"]
    unchanged()


def test_read_only_fields_are_unknown_fields(write_keys, unchanged):
    r = post("/v1/actors", actor_body(statement_count=3, roles=[]), write_keys.editor)
    assert_invalid(r, "/statement_count", "/roles")
    unchanged()


def test_several_bad_fields_are_all_listed(write_keys, unchanged):
    body = {"said_on": "2024-13", "kind": "rumour", "language": "english", "summary": "",
            "colour": 1, "reports": [{"source": 0, "wording": ""}],
            "stances": [{"topic": "Bad Slug", "position": "maybe"}]}
    r = post("/v1/statements", body, write_keys.editor)
    problem = assert_invalid(r, "/colour", "/said_on", "/kind", "/language", "/summary",
                             "/reports/0/source", "/reports/0/wording", "/stances/0/topic",
                             "/stances/0/position", "/actor")
    assert problem["detail"].startswith("10 fields")
    unchanged()


def test_pointers_escape_slash_and_tilde(write_keys, unchanged):
    r = post("/v1/actors", actor_body(**{"a/b": 1, "c~d": 2}), write_keys.editor)
    assert_invalid(r, "/a~1b", "/c~0d")
    unchanged()


# ---------------------------------------------------------------- the body as a whole


def test_invalid_utf8_body(write_keys, unchanged):
    raw = ('{"slug": "%s", "name": "Gagloev \xff", "kind": "person"}' % uniq()).encode("latin-1")
    r = call("POST", "/v1/actors", raw, write_keys.editor)
    body = assert_invalid(r, "")
    assert "UTF-8" in body["detail"]
    unchanged()


def test_escaped_nul_in_a_string_is_malformed_json(write_keys, unchanged):
    """Jansson refuses \\u0000 (without JSON_ALLOW_NUL): 400 malformed-json."""
    raw = b'{"slug": "%s", "name": "Ala\\u0000n", "kind": "person"}' % uniq().encode()
    r = call("POST", "/v1/actors", raw, write_keys.editor)
    body = assert_problem(r, 400, code="malformed-json")
    assert body["line"] == 1 and body["column"] > 0
    unchanged()


def test_raw_nul_byte_in_the_body(write_keys, unchanged):
    raw = b'{"slug": "%s", "name": "Ala\x00n", "kind": "person"}' % uniq().encode()
    r = call("POST", "/v1/actors", raw, write_keys.editor)
    assert_invalid(r, "")
    unchanged()


def test_malformed_json_gives_line_and_column(write_keys, unchanged):
    raw = b'{"slug": "zz-a",\n "name": }'  # line 2: ' "name": }' -> the } is column 10
    r = call("POST", "/v1/actors", raw, write_keys.editor)
    body = assert_problem(r, 400, code="malformed-json")
    assert (body["line"], body["column"]) == (2, 10), body
    assert "line 2, column 10" in body["detail"]
    unchanged()


def test_truncated_json_gives_its_position(write_keys, unchanged):
    raw = b'{\n  "slug": "zz-a",\n  "name": "Al'
    r = call("POST", "/v1/actors", raw, write_keys.editor)
    body = assert_problem(r, 400, code="malformed-json")
    assert body["line"] == 3, body
    unchanged()


def test_duplicate_keys_are_malformed(write_keys, unchanged):
    raw = b'{"slug": "zz-a", "slug": "zz-b", "name": "A", "kind": "person"}'
    r = call("POST", "/v1/actors", raw, write_keys.editor)
    assert_problem(r, 400, code="malformed-json")
    unchanged()


@pytest.mark.parametrize("raw", [b"[]", b'[{"slug": "zz-a"}]', b'"actor"', b"42", b"null",
                                 b"true"])
def test_a_body_that_is_not_an_object(write_keys, unchanged, raw):
    r = call("POST", "/v1/actors", raw, write_keys.editor)
    assert_invalid(r, "")
    unchanged()


def test_an_empty_body(write_keys, unchanged):
    r = call("POST", "/v1/actors", b"", write_keys.editor)
    assert_invalid(r, "")
    unchanged()


@pytest.mark.parametrize("ctype", ["text/plain", "application/x-www-form-urlencoded",
                                   "application/merge-patch+json", "application/jsonx", None])
def test_post_with_the_wrong_content_type(write_keys, unchanged, ctype):
    r = call("POST", "/v1/topics", json.dumps(topic_body()).encode(), write_keys.editor,
             ctype=ctype)
    assert_problem(r, 415, code="unsupported-media-type")
    assert r.header("Accept-Post") == "application/json"
    unchanged()


@pytest.mark.parametrize("ctype", ["application/json; charset=utf-8", "Application/JSON"])
def test_post_content_type_parameters_and_case(write_keys, ctype):
    r = call("POST", "/v1/topics", json.dumps(topic_body()).encode(), write_keys.editor,
             ctype=ctype)
    assert r.status == 201, r


def test_patch_with_the_wrong_content_type(write_keys, refs, unchanged):
    r = call("PATCH", "/v1/actors/" + refs["actor"], b'{"note": "x"}', write_keys.editor,
             ctype="text/plain")
    assert_problem(r, 415, code="unsupported-media-type")
    accepted = [t.strip() for t in r.header("Accept-Patch", "").split(",")]
    assert "application/merge-patch+json" in accepted and "application/json" in accepted
    unchanged()


def test_a_body_over_one_mebibyte_is_413(write_keys, unchanged):
    limit = 1 << 20
    note = "x" * limit
    raw = json.dumps(actor_body(note=note)).encode()[:limit + 1]
    raw = raw[:-1] + b"}"
    assert len(raw) == limit + 1
    r = call("POST", "/v1/actors", raw, write_keys.editor)
    assert_problem(r, 413, code="body-too-large")
    # Exactly the limit is read and validated (the note is too long: 422, not 413).
    body = actor_body(note="")
    pad = limit - len(json.dumps(body).encode())
    body["note"] = "x" * pad
    raw = json.dumps(body).encode()
    assert len(raw) == limit
    r = call("POST", "/v1/actors", raw, write_keys.editor)
    assert_invalid(r, "/note")
    unchanged()


def _post_chunked(path, chunks, key):
    c = http.client.HTTPConnection(HOST, PORT, timeout=30)
    try:
        c.request("POST", path, body=iter(chunks), encode_chunked=True,
                  headers={"Authorization": "Bearer " + key,
                           "Content-Type": "application/json"})
        r = c.getresponse()
        return Response(r.status, r.headers, r.read())
    finally:
        c.close()


def test_a_chunked_body_is_read_and_limited_too(write_keys, unchanged):
    """Transfer-Encoding: chunked (no Content-Length): small bodies work, and
    the 1 MiB limit still holds."""
    body = json.dumps(topic_body(description="x" * (1 << 20))).encode()
    r = _post_chunked("/v1/topics", [body[i:i + 65536] for i in range(0, len(body), 65536)],
                      write_keys.editor)
    assert_problem(r, 413, code="body-too-large")
    unchanged()
    body = topic_body()
    raw = json.dumps(body).encode()
    r = _post_chunked("/v1/topics", [raw[:10], raw[10:]], write_keys.editor)
    assert r.status == 201 and r.body["slug"] == body["slug"], r


# ---------------------------------------------------------------- references and uniqueness


def test_reference_to_a_missing_actor(write_keys, refs, unchanged):
    missing = PREFIX + "nobody"
    r = post("/v1/statements", statement_body(missing, refs["sources"][:1]), write_keys.editor)
    body = assert_invalid(r, "/actor")
    assert missing in body["errors"][0]["detail"]
    unchanged()


def test_reference_to_a_missing_source(write_keys, refs, unchanged):
    r = post("/v1/statements", statement_body(refs["actor"], [999999999]), write_keys.editor)
    body = assert_invalid(r, "/reports/0/source")
    assert "999999999" in body["errors"][0]["detail"]
    unchanged()


def test_reference_to_a_missing_topic(write_keys, refs, unchanged):
    missing = PREFIX + "no-such-topic"
    r = post("/v1/statements",
             statement_body(refs["actor"], refs["sources"][:1],
                            stances=[{"topic": missing, "position": "supports"}]),
             write_keys.editor)
    body = assert_invalid(r, "/stances/0/topic")
    assert missing in body["errors"][0]["detail"]
    unchanged()


def test_references_of_other_resources(write_keys, refs, unchanged):
    k = write_keys.editor
    missing = PREFIX + "nobody"
    assert_invalid(post("/v1/roles", {"actor": missing, "title": "Minister"}, k), "/actor")
    assert_invalid(post("/v1/roles", {"actor": refs["actor"], "title": "Minister",
                                      "organization": missing}, k), "/organization")
    assert_invalid(post("/v1/sources", source_body(outlet=missing), k), "/outlet")
    assert_invalid(post("/v1/sources", source_body(relays=999999999), k), "/relays")
    assert_invalid(post("/v1/stances", {"statement": 999999999, "topic": refs["topic"],
                                        "position": "neutral"}, k), "/statement")
    assert_invalid(post("/v1/recognitions", {"state": refs["actor"], "territory": missing,
                                             "recognized_on": "2008-08-26"}, k), "/territory")
    assert_invalid(post("/v1/recognitions", {"state": refs["actor"],
                                             "territory": refs["territory"],
                                             "recognized_on": "2008-08-26",
                                             "sources": [refs["sources"][0], 999999999]}, k),
                   "/sources/1")
    unchanged()


@pytest.mark.parametrize("path,make", [
    ("/v1/actors", actor_body), ("/v1/topics", topic_body), ("/v1/outlets", outlet_body)])
def test_duplicate_slug_is_409(write_keys, path, make):
    body = make()
    assert post(path, body, write_keys.editor).status == 201
    before = table_counts()
    other = make(slug=body["slug"])
    r = post(path, other, write_keys.editor)
    problem = assert_problem(r, 409, code="conflict")
    assert body["slug"] in problem["detail"]
    assert table_counts() == before


def test_the_same_source_twice_in_reports(write_keys, refs, unchanged):
    s = refs["sources"][0]
    r = post("/v1/statements", statement_body(refs["actor"], [s, s]), write_keys.editor)
    assert_invalid(r, "/reports")
    unchanged()


def test_the_same_topic_twice_in_stances(write_keys, refs, unchanged):
    stance = {"topic": refs["topic"], "position": "supports"}
    r = post("/v1/statements", statement_body(refs["actor"], refs["sources"][:1],
                                              stances=[stance, dict(stance, position="opposes")]),
             write_keys.editor)
    assert r.status == 422, r
    assert "/stances/1/topic" in [e["pointer"] for e in r.body["errors"]]
    unchanged()


# ---------------------------------------------------------------- statement rules


def test_conditional_stance_without_condition(write_keys, refs, unchanged):
    r = post("/v1/statements",
             statement_body(refs["actor"], refs["sources"][:1],
                            stances=[{"topic": refs["topic"], "position": "conditional"}]),
             write_keys.editor)
    assert_invalid(r, "/stances/0/condition")
    r = post("/v1/stances", {"statement": 1, "topic": refs["topic"], "position": "conditional"},
             write_keys.editor)
    assert_invalid(r, "/condition")
    unchanged()


def test_condition_with_a_stance_that_is_not_conditional(write_keys, refs, unchanged):
    for position in ("supports", "opposes", "neutral"):
        r = post("/v1/statements",
                 statement_body(refs["actor"], refs["sources"][:1],
                                stances=[{"topic": refs["topic"], "position": position,
                                          "condition": "if Russia agrees"}]),
                 write_keys.editor)
        assert_invalid(r, "/stances/0/condition")
    unchanged()


def test_statement_without_actor_or_attribution(write_keys, refs, unchanged):
    body = statement_body(refs["actor"], refs["sources"][:1])
    del body["actor"]
    r = post("/v1/statements", body, write_keys.editor)
    assert_invalid(r, "/actor")
    r = post("/v1/statements", dict(body, actor=None, attribution=None), write_keys.editor)
    assert_invalid(r, "/actor")
    unchanged()


def test_statement_with_only_an_attribution(write_keys, refs):
    body = statement_body(refs["actor"], refs["sources"][:1],
                          attribution="a South Ossetian official, speaking anonymously")
    del body["actor"]
    r = post("/v1/statements", body, write_keys.editor)
    assert r.status == 201, r
    assert r.body["actor"] is None
    assert r.body["attribution"] == "a South Ossetian official, speaking anonymously"


def test_statement_with_no_reports(write_keys, refs, unchanged):
    r = post("/v1/statements", statement_body(refs["actor"], []), write_keys.editor)
    assert_invalid(r, "/reports")
    body = statement_body(refs["actor"], [])
    del body["reports"]
    r = post("/v1/statements", body, write_keys.editor)
    assert_invalid(r, "/reports")
    unchanged()


def test_a_bad_second_report_writes_nothing_at_all(write_keys, refs, unchanged):
    """Atomic: the statement and its (good) first report are not written either."""
    summary = "Atomicity check %s" % uniq()
    body = statement_body(refs["actor"], [refs["sources"][0], 999999999], summary=summary)
    r = post("/v1/statements", body, write_keys.editor)
    assert_invalid(r, "/reports/1/source")
    assert count("statements", "summary = %s" % lit(summary)) == 0
    unchanged()


def test_a_bad_stance_writes_no_statement_and_no_report(write_keys, refs, unchanged):
    summary = "Atomicity check %s" % uniq()
    body = statement_body(refs["actor"], refs["sources"][:2], summary=summary,
                          stances=[{"topic": refs["topic"], "position": "supports"},
                                   {"topic": PREFIX + "missing", "position": "opposes"}])
    r = post("/v1/statements", body, write_keys.editor)
    assert_invalid(r, "/stances/1/topic")
    assert count("statements", "summary = %s" % lit(summary)) == 0
    unchanged()


@pytest.mark.parametrize("status", ["retracted", "disputed"])
def test_status_other_than_published_needs_a_note(write_keys, refs, unchanged, status):
    r = post("/v1/statements", statement_body(refs["actor"], refs["sources"][:1], status=status),
             write_keys.editor)
    body = assert_invalid(r, "/status_note")
    assert status in body["errors"][0]["detail"]
    unchanged()


def test_unknown_status(write_keys, refs, unchanged):
    r = post("/v1/statements", statement_body(refs["actor"], refs["sources"][:1],
                                              status="deleted", status_note="x"),
             write_keys.editor)
    assert_invalid(r, "/status")
    unchanged()


def test_role_ending_before_it_starts(write_keys, refs, unchanged):
    r = post("/v1/roles", {"actor": refs["actor"], "title": "Minister", "start": "2022-05",
                           "end": "2021"}, write_keys.editor)
    assert_invalid(r, "/end")
    unchanged()


def test_recognition_of_itself_and_withdrawn_before_recognized(write_keys, refs, unchanged):
    r = post("/v1/recognitions", {"state": refs["actor"], "territory": refs["actor"],
                                  "recognized_on": "2008-08-26", "withdrawn_on": "2008"},
             write_keys.editor)
    assert_invalid(r, "/territory", "/withdrawn_on")
    unchanged()


# ---------------------------------------------------------------- PATCH bodies


def test_patch_is_validated_like_post(write_keys, refs, unchanged):
    r = patch("/v1/actors/" + refs["actor"], {"kind": "journalist", "colour": "red",
                                              "name": "x" * 301}, write_keys.editor)
    assert_invalid(r, "/kind", "/colour", "/name")
    unchanged()


def test_patch_of_a_missing_record_is_404(write_keys, unchanged):
    r = patch("/v1/actors/%snobody" % PREFIX, {"note": "x"}, write_keys.editor)
    assert_problem(r, 404, code="not-found")
    r = patch("/v1/statements/999999999", {"note": "x"}, write_keys.editor)
    assert_problem(r, 404, code="not-found")
    unchanged()


def test_patch_removing_every_report_names_reports(write_keys, refs):
    """`reports: null` would leave the statement unsourced: 422 at /reports.
    (The database says so, with /reports as its DETAIL; the pointer must reach
    the client, as it does for `reports: []`.)"""
    st = make_statement(write_keys.editor, refs["actor"], refs["sources"][:1])
    before = table_counts()
    for reports in ([], None):
        r = patch("/v1/statements/%d" % st["id"], {"reports": reports}, write_keys.editor)
        assert_invalid(r, "/reports")
    assert table_counts() == before


def _cross_field_case(case, k, refs):
    """Makes a record and returns (path, patch that breaks a rule across fields
    kept by the database, the pointer the client must be shown)."""
    if case == "status_note":
        st = make_statement(k, refs["actor"], refs["sources"][:1], status="retracted",
                            status_note="The outlet withdrew the interview.")
        return "/v1/statements/%d" % st["id"], {"status_note": None}, "/status_note"
    if case == "actor":
        st = make_statement(k, refs["actor"], refs["sources"][:1])
        return "/v1/statements/%d" % st["id"], {"actor": None}, "/actor"
    if case == "condition":
        st = make_statement(k, refs["actor"], refs["sources"][:1],
                            stances=[{"topic": refs["topic"], "position": "conditional",
                                      "condition": "if the people vote for it"}])
        return ("/v1/stances/%d/%s" % (st["id"], refs["topic"]), {"position": "supports"},
                "/condition")
    if case == "end":
        role = post("/v1/roles", {"actor": refs["actor"], "title": "Minister",
                                  "start": "2022-05"}, k).body
        return "/v1/roles/%d" % role["id"], {"end": "2021"}, "/end"
    if case in ("withdrawn_on", "territory"):
        rec = post("/v1/recognitions", {"state": refs["actor"], "territory": refs["territory"],
                                        "recognized_on": "2008-08-%02d" % (10 + len(case))},
                   k).body
        patch_ = {"withdrawn_on": "2001"} if case == "withdrawn_on" else \
            {"territory": refs["actor"]}
        return "/v1/recognitions/%d" % rec["id"], patch_, "/" + case
    raise AssertionError(case)


@pytest.mark.parametrize("case", ["status_note", "actor", "condition", "end", "withdrawn_on",
                                  "territory"])
def test_patch_breaking_a_rule_across_fields_names_the_field(write_keys, refs, case):
    """A PATCH can break a rule whose other half is stored (clearing the note of
    a retracted statement, the actor of an unattributed statement, making a
    conditional stance unconditional but keeping its condition, ending a role
    before it started ...). The database refuses it; the client must still be
    told which field, as for a POST: 422 at that pointer, and nothing changes."""
    path, body, pointer = _cross_field_case(case, write_keys.editor, refs)
    old = call("GET", path)
    before = table_counts()
    r = patch(path, body, write_keys.editor)
    assert_invalid(r, pointer)
    assert table_counts() == before
    assert call("GET", path).body == old.body


def test_deleting_a_record_still_referenced_is_409(write_keys, refs):
    st = make_statement(write_keys.editor, refs["actor"], refs["sources"][1:2],
                        stances=[{"topic": refs["topic"], "position": "neutral"}])
    before = table_counts()
    for path in ("/v1/actors/" + refs["actor"], "/v1/sources/%d" % refs["sources"][1],
                 "/v1/topics/" + refs["topic"]):
        r = call("DELETE", path, None, write_keys.admin)
        body = assert_problem(r, 409, code="conflict")
        assert "referenced" in body["detail"]
        assert call("GET", path).status == 200
    assert table_counts() == before
    assert call("GET", "/v1/statements/%d" % st["id"]).status == 200


def test_a_second_stance_on_the_same_topic_is_409(write_keys, refs):
    st = make_statement(write_keys.editor, refs["actor"], refs["sources"][:1],
                        stances=[{"topic": refs["topic"], "position": "neutral"}])
    before = table_counts()
    r = post("/v1/stances", {"statement": st["id"], "topic": refs["topic"],
                             "position": "supports"}, write_keys.editor)
    assert_problem(r, 409, code="conflict")
    assert table_counts() == before


def test_every_unknown_field_is_listed(write_keys, unchanged):
    """A client posting a whole record from another system: each of its 20
    extra columns is named, not just the first few."""
    extra = dict(("legacy_column_%02d" % i, i) for i in range(20))
    r = post("/v1/actors", actor_body(**extra), write_keys.editor)
    body = assert_invalid(r, *["/" + name for name in extra])
    assert body["detail"].startswith("20 fields")
    unchanged()
