"""The stored statement document (db/migrations/0009_statement_documents.sql)
never goes stale: after each kind of edit a newsroom makes, through the API's
write endpoints (or straight into PostgreSQL where the API has none),
GET /v1/statements/{id} shows the edit, and the row in statement_documents
equals onrecord_statement_json(s)::text again. The statement's rows in
topic_statements (0013), rebuilt along with the document, equal the
topic_statement_rows view's.

Each test builds its own small desk (`desk` fixture): a speaker who is
minister in a test ministry from 2024-01-10, an outlet with two sources, a
third source without outlet, two topics, and two statements by the speaker:
`during` (2024-08-15, in office, reported by both outlet sources, one stance)
and `before` (May 2023, before the office, reported by the first source).
Every record it or its test makes is deleted when the test ends, so the
newsroom tests keep seeing the pristine seed whatever the order."""
import json
import os
import subprocess
import threading
import time

import pytest

from conftest import DATABASE_URL, _psql_path, fetch, get_ok, lit, sql_rows, sql_value
from writes_support import PREFIX, RUN, create, delete, patch, post, uniq

# How long the server's validator cache may take to see a commit (test_validator_cache.py).
INVALIDATION_S = 0.100

SQL_ACTOR = "zz-%s-documents-sql" % RUN  # onrecord.actor of this file's own SQL writes


# ---------------------------------------------------------------- psql that may write


def psql(script, timeout=60):
    """Runs a psql script that may write (conftest's helpers are read-only) and
    returns the rows of every query in it, as tuples of strings."""
    p = subprocess.run(
        [_psql_path(), "-X", "-q", "-A", "-t", "-F", "\x1f", "-v", "ON_ERROR_STOP=1",
         "-d", DATABASE_URL],
        input=script, capture_output=True, text=True, timeout=timeout)
    assert p.returncode == 0, "psql failed:\n%s\n%s" % (script, p.stderr)
    return [tuple(line.split("\x1f")) for line in p.stdout.splitlines() if line != ""]


def sql_write(*statements):
    """Each statement in its own committed transaction, as a desk script would."""
    psql("SET onrecord.actor = %s;\n" % lit(SQL_ACTOR) + "".join(s + ";\n" for s in statements))


def stale_ids_sql():
    """A query for the ids in statement_documents_stale (visible: this transaction's)."""
    return ("SELECT 'stale', coalesce(string_agg(statement_id::text, ',' "
            "ORDER BY statement_id), '') FROM statement_documents_stale;\n")


def parse_ids(text):
    return [int(x) for x in text.split(",")] if text else []


# ---------------------------------------------------------------- the document


def document(sid):
    """GET /v1/statements/{sid}: what a reader sees."""
    return get_ok("/v1/statements/%d" % sid)


def stored(sid):
    """The stored body of statement sid."""
    return sql_value("SELECT coalesce((SELECT body FROM statement_documents "
                     "WHERE statement_id = %d), '')" % sid)


def row_version(*sids):
    """xmin of each statement's document row: changes exactly when it is rebuilt."""
    return sql_rows("SELECT statement_id, xmin::text FROM statement_documents "
                    "WHERE statement_id IN (%s) ORDER BY 1" % ",".join(str(s) for s in sids))


TOPIC_ROWS = ("SELECT statement_id, topic_id, position, actor_id, said_on, said_until, %s "
              "FROM %s WHERE statement_id = %d ORDER BY topic_id")


def topic_rows(sid, items=True):
    """Statement sid's topic_statements rows, and what topic_statement_rows says they
    should be (with items, or with the NULL item of a write outside READ COMMITTED)."""
    return (sql_rows(TOPIC_ROWS % ("coalesce(item, 'NULL')", "topic_statements", sid)),
            sql_rows(TOPIC_ROWS % ("item" if items else "'NULL'", "topic_statement_rows", sid)))


def assert_fresh(*sids):
    """Each statement's stored row exists, equals a fresh build, and is what GET answers;
    its topic_statements rows equal a fresh build; and no stale mark survived a commit."""
    for sid in sids:
        have, want = topic_rows(sid)
        assert have == want, "statement %d: topic_statements rows stale" % sid
        rows = sql_rows("SELECT d.body IS NOT NULL, "
                        "coalesce(d.body = onrecord_statement_json(s)::text, false) "
                        "FROM statements s LEFT JOIN statement_documents d "
                        "ON d.statement_id = s.id WHERE s.id = %d" % sid)
        assert rows == [("t", "t")], "statement %d: stored document missing or stale %r" % (
            sid, rows)
        assert json.loads(stored(sid)) == document(sid)
    assert sql_value("SELECT count(*) FROM statement_documents_stale") == "0"


def outlets_of(doc):
    return [r["source"]["outlet"] for r in doc["reports"]]


def report_sources(doc):
    return [r["source"]["id"] for r in doc["reports"]]


# ---------------------------------------------------------------- the desk


class Desk:
    """The records of one test, made through the API and deleted again at its end."""

    def __init__(self, keys):
        self.keys = keys
        self.k = keys.editor
        self.actor_ids, self.outlet_ids, self.topic_ids = [], [], []
        self.source_ids, self.statement_ids = [], []

    # -- making records

    def actor(self, name, kind="person", **over):
        body = dict({"slug": uniq(kind.replace("_", "-")), "name": name, "kind": kind}, **over)
        a = create("/v1/actors", body, self.k).body
        self.actor_ids.append(self.id_of("actors", a["slug"]))
        return a

    def outlet(self, name, state_owned=False, **over):
        body = dict({"slug": uniq("outlet"), "name": name, "state_owned": state_owned}, **over)
        o = create("/v1/outlets", body, self.k).body
        self.outlet_ids.append(self.id_of("outlets", o["slug"]))
        return o

    def topic(self, label, proposition):
        t = create("/v1/topics", {"slug": uniq(label), "proposition": proposition}, self.k).body
        self.topic_ids.append(self.id_of("topics", t["slug"]))
        return t

    def source(self, title, **over):
        body = dict({"title": PREFIX + title, "language": "en", "kind": "article"}, **over)
        s = create("/v1/sources", body, self.k).body
        self.source_ids.append(s["id"])
        return s

    def statement(self, actor, reports, **over):
        body = dict({"actor": actor, "said_on": "2024-08-15", "kind": "direct_quote",
                     "language": "en", "summary": "The minister spoke.",
                     "reports": [{"source": s, "wording": "Wording in source %d." % s}
                                 for s in reports]}, **over)
        st = create("/v1/statements", body, self.k).body
        self.statement_ids.append(st["id"])
        return st

    def role(self, actor, title, **over):
        return create("/v1/roles", dict({"actor": actor, "title": title}, **over), self.k).body

    @staticmethod
    def id_of(table, slug):
        return int(sql_value("SELECT id FROM %s WHERE slug = %s" % (table, lit(slug))))

    # -- the standard scene

    def build(self):
        self.speaker = self.actor("Zaur Testiev")
        self.ministry = self.actor("Test Ministry of Foreign Affairs", kind="government_body",
                                   description="Set up in 1991.")
        self.minister = self.role(self.speaker["slug"], "Minister of Foreign Affairs",
                                  organization=self.ministry["slug"], start="2024-01-10")
        self.daily = self.outlet("Test Daily Herald", country="GE", note="Founded in 2001.")
        self.interview = self.source("interview with the minister", kind="interview",
                                     outlet=self.daily["slug"], published_on="2024-08-16")
        self.release = self.source("press release of the ministry", kind="press_release",
                                   outlet=self.daily["slug"], published_on="2024-08-17")
        self.wire = self.source("wire report", kind="news_agency_report",
                                published_on="2024-08-20")
        self.topic_a = self.topic("topic-a", "The border should be reopened")
        self.topic_b = self.topic("topic-b", "The talks should resume in Geneva")
        self.during = self.statement(self.speaker["slug"],
                                     [self.interview["id"], self.release["id"]],
                                     stances=[{"topic": self.topic_a["slug"],
                                               "position": "supports"}])["id"]
        self.before = self.statement(self.speaker["slug"], [self.interview["id"]],
                                     said_on="2023-05",
                                     summary="The future minister spoke.")["id"]
        return self

    # -- expected pieces

    def ref(self, actor):
        return {"slug": actor["slug"], "name": actor["name"], "kind": actor["kind"]}

    def minister_role(self, **over):
        role = {"title": "Minister of Foreign Affairs", "organization": self.ref(self.ministry)}
        role.update(over)
        return role

    # -- cleaning up

    def cleanup(self):
        def ids(xs):
            return ",".join(str(x) for x in xs) or "NULL"
        statements = "id IN (%s) OR actor_id IN (%s) OR id IN (SELECT statement_id FROM " \
                     "statement_reports WHERE source_id IN (%s))" % (
                         ids(self.statement_ids), ids(self.actor_ids), ids(self.source_ids))
        gone = sql_rows("SELECT id FROM statements WHERE %s" % statements)
        psql("""
            BEGIN;
            SET LOCAL onrecord.actor = %(who)s;
            DELETE FROM statements WHERE %(statements)s;
            DELETE FROM roles WHERE actor_id IN (%(actors)s) OR organization_id IN (%(actors)s);
            UPDATE sources SET relays_source_id = NULL WHERE relays_source_id IN (%(sources)s);
            DELETE FROM sources WHERE id IN (%(sources)s);
            DELETE FROM outlets WHERE id IN (%(outlets)s);
            DELETE FROM topics WHERE id IN (%(topics)s);
            DELETE FROM actors WHERE id IN (%(actors)s);
            COMMIT;
        """ % {"who": lit(SQL_ACTOR), "statements": statements, "actors": ids(self.actor_ids),
               "sources": ids(self.source_ids), "outlets": ids(self.outlet_ids),
               "topics": ids(self.topic_ids)})
        # A deleted statement takes its document with it.
        if gone:
            assert sql_value("SELECT count(*) FROM statement_documents WHERE statement_id IN "
                             "(%s)" % ",".join(g[0] for g in gone)) == "0"


@pytest.fixture
def desk(write_keys):
    d = Desk(write_keys)
    try:
        d.build()
        yield d
    finally:
        d.cleanup()


def test_a_new_statement_has_its_document_at_once(desk):
    doc = document(desk.during)
    assert doc["actor"] == {"slug": desk.speaker["slug"], "name": "Zaur Testiev",
                            "kind": "person"}
    assert doc["roles_at_time"] == [desk.minister_role()]
    assert document(desk.before)["roles_at_time"] == []
    assert_fresh(desk.during, desk.before)


# ---------------------------------------------------------------- actors


def test_after_the_desk_renames_the_speaker_every_statement_shows_the_new_name(desk):
    new_slug = uniq("person")
    r = patch("/v1/actors/" + desk.speaker["slug"], {"name": "Zaur Testiyev", "slug": new_slug},
              desk.k)
    assert r.status == 200, r
    expected = {"slug": new_slug, "name": "Zaur Testiyev", "kind": "person"}
    assert document(desk.during)["actor"] == expected
    assert document(desk.before)["actor"] == expected
    assert_fresh(desk.during, desk.before)


def test_after_the_ministry_is_renamed_the_ministers_roles_at_time_show_the_new_name(desk):
    """The ministry appears in no statement except as the organization of the
    speaker's role (roles_at_time[].organization)."""
    r = patch("/v1/actors/" + desk.ministry["slug"],
              {"name": "Test Ministry of Foreign Affairs and Trade", "kind": "organization"},
              desk.k)
    assert r.status == 200, r
    assert document(desk.during)["roles_at_time"] == [{
        "title": "Minister of Foreign Affairs",
        "organization": {"slug": desk.ministry["slug"],
                         "name": "Test Ministry of Foreign Affairs and Trade",
                         "kind": "organization"}}]
    assert document(desk.before)["roles_at_time"] == []
    assert_fresh(desk.during, desk.before)


# ---------------------------------------------------------------- roles


def test_a_role_added_for_the_statement_date_shows_in_roles_at_time_and_only_there(desk):
    envoy = desk.role(desk.speaker["slug"], "Special envoy to the Geneva talks",
                      start="2024-08", end="2024-09")
    assert document(desk.during)["roles_at_time"] == [
        desk.minister_role(),  # from 2024-01-10: ordered by start, then id
        {"title": "Special envoy to the Geneva talks", "organization": None}]
    assert document(desk.before)["roles_at_time"] == []
    # A role that began before May 2023 covers the earlier statement too.
    deputy = desk.role(desk.speaker["slug"], "Deputy minister", organization=desk.ministry["slug"],
                       start="2022", end="2023-12")
    assert document(desk.before)["roles_at_time"] == [
        {"title": "Deputy minister", "organization": desk.ref(desk.ministry)}]
    assert [x["title"] for x in document(desk.during)["roles_at_time"]] == [
        "Minister of Foreign Affairs", "Special envoy to the Geneva talks"]
    assert envoy["id"] != deputy["id"]
    assert_fresh(desk.during, desk.before)


def test_a_retitled_role_shows_its_new_title_and_an_ended_one_drops_out(desk):
    path = "/v1/roles/%d" % desk.minister["id"]
    r = patch(path, {"title": "Minister of Foreign Affairs and Trade"}, desk.k)
    assert r.status == 200, r
    assert document(desk.during)["roles_at_time"] == [
        desk.minister_role(title="Minister of Foreign Affairs and Trade")]
    # Ended in July 2024: no longer minister on 15 August.
    assert patch(path, {"end": "2024-07"}, desk.k).status == 200
    assert document(desk.during)["roles_at_time"] == []
    assert_fresh(desk.during, desk.before)
    # Ended in August 2024 (month precision): still minister on 15 August.
    assert patch(path, {"end": "2024-08"}, desk.k).status == 200
    assert document(desk.during)["roles_at_time"] == [
        desk.minister_role(title="Minister of Foreign Affairs and Trade")]
    # Moved back to 2023-01: now it covers May 2023 as well.
    assert patch(path, {"start": "2023-01"}, desk.k).status == 200
    assert document(desk.before)["roles_at_time"] == [
        desk.minister_role(title="Minister of Foreign Affairs and Trade")]
    assert_fresh(desk.during, desk.before)


def test_a_role_moved_to_another_actor_leaves_one_statement_and_joins_the_other(desk):
    other = desk.actor("Inal Otherov")
    theirs = desk.statement(other["slug"], [desk.wire["id"]])["id"]
    assert document(theirs)["roles_at_time"] == []
    r = patch("/v1/roles/%d" % desk.minister["id"], {"actor": other["slug"]}, desk.k)
    assert r.status == 200, r
    assert document(desk.during)["roles_at_time"] == []
    assert document(theirs)["roles_at_time"] == [desk.minister_role()]
    assert_fresh(desk.during, desk.before, theirs)


def test_a_deleted_role_no_longer_shows(desk):
    assert delete("/v1/roles/%d" % desk.minister["id"], desk.keys.admin).status == 204
    assert document(desk.during)["roles_at_time"] == []
    assert_fresh(desk.during, desk.before)


# ---------------------------------------------------------------- sources and outlets


def test_a_corrected_source_title_shows_in_every_statement_it_reports(desk):
    title = PREFIX + "Interview with the minister (corrected headline)"
    r = patch("/v1/sources/%d" % desk.interview["id"],
              {"title": title, "url": "https://example.org/interview"}, desk.k)
    assert r.status == 200, r
    for sid in (desk.during, desk.before):
        source = document(sid)["reports"][0]["source"]
        assert source == {"id": desk.interview["id"], "title": title,
                          "url": "https://example.org/interview",
                          "outlet": {"slug": desk.daily["slug"], "name": "Test Daily Herald",
                                     "state_owned": False},
                          "published_on": "2024-08-16", "language": "en", "kind": "interview"}
    assert_fresh(desk.during, desk.before)


def test_a_redated_source_moves_its_report_in_date_order(desk):
    """Reports are ordered by their source's date (undated last), then id."""
    i, p = desk.interview["id"], desk.release["id"]
    assert report_sources(document(desk.during)) == [i, p]
    assert patch("/v1/sources/%d" % i, {"published_on": "2024-08-18"}, desk.k).status == 200
    doc = document(desk.during)
    assert report_sources(doc) == [p, i]
    assert [r["source"]["published_on"] for r in doc["reports"]] == ["2024-08-17", "2024-08-18"]
    assert_fresh(desk.during)
    # The same day at month precision: printed as 2024-08, sorted as 1 August.
    assert patch("/v1/sources/%d" % i, {"published_on": "2024-08"}, desk.k).status == 200
    doc = document(desk.during)
    assert report_sources(doc) == [i, p]
    assert [r["source"]["published_on"] for r in doc["reports"]] == ["2024-08", "2024-08-17"]
    assert document(desk.before)["reports"][0]["source"]["published_on"] == "2024-08"
    # Undated: last.
    assert patch("/v1/sources/%d" % i, {"published_on": None}, desk.k).status == 200
    doc = document(desk.during)
    assert report_sources(doc) == [p, i]
    assert doc["reports"][1]["source"]["published_on"] is None
    assert_fresh(desk.during, desk.before)


def test_a_source_moved_to_another_outlet_shows_that_outlet(desk):
    tass = desk.outlet("Test Wire Agency", state_owned=True)
    r = patch("/v1/sources/%d" % desk.release["id"], {"outlet": tass["slug"]}, desk.k)
    assert r.status == 200, r
    assert outlets_of(document(desk.during)) == [
        {"slug": desk.daily["slug"], "name": "Test Daily Herald", "state_owned": False},
        {"slug": tass["slug"], "name": "Test Wire Agency", "state_owned": True}]
    assert patch("/v1/sources/%d" % desk.release["id"], {"outlet": None}, desk.k).status == 200
    assert outlets_of(document(desk.during))[1] is None
    assert_fresh(desk.during, desk.before)


def test_after_the_desk_renames_the_outlet_the_statement_shows_the_new_outlet_name(desk):
    path = "/v1/statements/%d" % desk.during
    old_tag = fetch(path).header("ETag")
    new_slug = uniq("outlet")
    r = patch("/v1/outlets/" + desk.daily["slug"],
              {"name": "Test Daily Herald Europe", "slug": new_slug, "state_owned": True}, desk.k)
    assert r.status == 200, r
    renamed = {"slug": new_slug, "name": "Test Daily Herald Europe", "state_owned": True}
    assert outlets_of(document(desk.during)) == [renamed, renamed]
    assert outlets_of(document(desk.before)) == [renamed]
    assert_fresh(desk.during, desk.before)
    # A client holding the old ETag gets the new document, not 304.
    time.sleep(INVALIDATION_S)
    fresh = fetch(path, headers={"If-None-Match": old_tag})
    assert fresh.status == 200, fresh
    assert outlets_of(fresh.body) == [renamed, renamed]


# ---------------------------------------------------------------- topics


def test_a_reworded_topic_shows_its_new_proposition_and_a_renamed_one_resorts(desk):
    a, b = desk.topic_a["slug"], desk.topic_b["slug"]
    r = patch("/v1/topics/" + a, {"proposition": "The Zemo Nikozi crossing should be reopened"},
              desk.k)
    assert r.status == 200, r
    assert document(desk.during)["stances"] == [
        {"topic": a, "proposition": "The Zemo Nikozi crossing should be reopened",
         "position": "supports", "condition": None, "note": None}]
    assert_fresh(desk.during)
    # Stances are ordered by topic slug: a second stance, then a renamed first topic.
    assert post("/v1/stances", {"statement": desk.during, "topic": b, "position": "neutral"},
                desk.k).status == 201
    assert [s["topic"] for s in document(desk.during)["stances"]] == [a, b]
    z = uniq("topic-z")
    assert patch("/v1/topics/" + a, {"slug": z}, desk.k).status == 200
    assert [(s["topic"], s["position"]) for s in document(desk.during)["stances"]] == [
        (b, "neutral"), (z, "supports")]
    assert_fresh(desk.during, desk.before)


# ---------------------------------------------------------------- reports and stances


def test_adding_and_removing_a_report_through_a_statement_patch(desk):
    i, p, w = desk.interview["id"], desk.release["id"], desk.wire["id"]
    path = "/v1/statements/%d" % desk.during
    reports = [{"source": i, "wording": "Wording in source %d." % i},
               {"source": p, "wording": "Wording in source %d." % p},
               {"source": w, "wording": "The minister said the border would reopen.",
                "note": "Agency paraphrase."}]
    assert patch(path, {"reports": reports}, desk.k).status == 200
    doc = document(desk.during)
    assert report_sources(doc) == [i, p, w]
    assert doc["reports"][2]["wording"] == "The minister said the border would reopen."
    assert doc["reports"][2]["note"] == "Agency paraphrase."
    assert doc["reports"][2]["source"]["outlet"] is None
    assert_fresh(desk.during)
    assert patch(path, {"reports": [reports[2]]}, desk.k).status == 200
    assert report_sources(document(desk.during)) == [w]
    assert_fresh(desk.during, desk.before)


def test_adding_changing_and_deleting_a_stance(desk):
    a, b = desk.topic_a["slug"], desk.topic_b["slug"]
    r = post("/v1/stances", {"statement": desk.during, "topic": b, "position": "neutral"},
             desk.k)
    assert r.status == 201, r
    assert document(desk.during)["stances"][1] == {
        "topic": b, "proposition": "The talks should resume in Geneva", "position": "neutral",
        "condition": None, "note": None}
    path = "/v1/stances/%d/%s" % (desk.during, b)
    r = patch(path, {"position": "conditional", "condition": "if Moscow agrees",
                     "note": "Said at the press conference."}, desk.k)
    assert r.status == 200, r
    assert document(desk.during)["stances"][1] == {
        "topic": b, "proposition": "The talks should resume in Geneva",
        "position": "conditional", "condition": "if Moscow agrees",
        "note": "Said at the press conference."}
    assert_fresh(desk.during)
    assert delete(path, desk.keys.admin).status == 204
    assert [s["topic"] for s in document(desk.during)["stances"]] == [a]
    # A stance moved to the other statement leaves one and joins the other.
    r = patch("/v1/stances/%d/%s" % (desk.during, a), {"statement": desk.before}, desk.k)
    assert r.status == 200, r
    assert document(desk.during)["stances"] == []
    assert [(s["topic"], s["position"]) for s in document(desk.before)["stances"]] == [
        (a, "supports")]
    assert_fresh(desk.during, desk.before)


def test_reports_and_stances_written_straight_into_postgresql(desk):
    """The API touches the statement row on every report or stance write, which
    would rebuild the document by itself; a desk script writing the child rows
    in SQL does not, so here only the children's own triggers can do it."""
    s, before = desk.during, desk.before
    b = Desk.id_of("topics", desk.topic_b["slug"])
    a = Desk.id_of("topics", desk.topic_a["slug"])
    version = sql_value("SELECT version FROM statements WHERE id = %d" % s)

    sql_write("INSERT INTO stances (statement_id, topic_id, position) VALUES (%d, %d, 'opposes')"
              % (s, b))
    assert [(x["topic"], x["position"]) for x in document(s)["stances"]] == [
        (desk.topic_a["slug"], "supports"), (desk.topic_b["slug"], "opposes")]
    sql_write("UPDATE stances SET position = 'neutral', note = 'Softened later.' "
              "WHERE statement_id = %d AND topic_id = %d" % (s, b))
    assert document(s)["stances"][1]["position"] == "neutral"
    assert document(s)["stances"][1]["note"] == "Softened later."
    sql_write("DELETE FROM stances WHERE statement_id = %d AND topic_id = %d" % (s, b))
    assert [x["topic"] for x in document(s)["stances"]] == [desk.topic_a["slug"]]
    sql_write("UPDATE stances SET statement_id = %d WHERE statement_id = %d AND topic_id = %d"
              % (before, s, a))
    assert document(s)["stances"] == []
    assert [x["topic"] for x in document(before)["stances"]] == [desk.topic_a["slug"]]
    assert_fresh(s, before)

    w = desk.wire["id"]
    sql_write("INSERT INTO statement_reports (statement_id, source_id, wording) "
              "VALUES (%d, %d, 'First wording.')" % (s, w))
    assert report_sources(document(s)) == [desk.interview["id"], desk.release["id"], w]
    sql_write("UPDATE statement_reports SET wording = 'Corrected wording.', note = 'Checked.' "
              "WHERE statement_id = %d AND source_id = %d" % (s, w))
    assert document(s)["reports"][2]["wording"] == "Corrected wording."
    assert document(s)["reports"][2]["note"] == "Checked."
    sql_write("DELETE FROM statement_reports WHERE statement_id = %d AND source_id = %d" % (s, w))
    assert report_sources(document(s)) == [desk.interview["id"], desk.release["id"]]
    sql_write("UPDATE statement_reports SET statement_id = %d WHERE statement_id = %d "
              "AND source_id = %d" % (before, s, desk.release["id"]))
    assert report_sources(document(s)) == [desk.interview["id"]]
    assert report_sources(document(before)) == [desk.interview["id"], desk.release["id"]]
    # The statement row itself was never written.
    assert sql_value("SELECT version FROM statements WHERE id = %d" % s) == version
    assert_fresh(s, before)


# ---------------------------------------------------------------- the statement itself


def test_patching_the_statement_itself(desk):
    path = "/v1/statements/%d" % desk.during
    r = patch(path, {"summary": "The minister said the border would reopen in September.",
                     "context": "Press conference in Tskhinvali.",
                     "status": "disputed", "status_note": "The ministry denies the quote.",
                     "said_on": "2023-12"}, desk.k)
    assert r.status == 200, r
    doc = document(desk.during)
    assert (doc["summary"], doc["context"], doc["status"], doc["status_note"],
            doc["said_on"], doc["said_precision"]) == (
        "The minister said the border would reopen in September.",
        "Press conference in Tskhinvali.", "disputed", "The ministry denies the quote.",
        "2023-12", "month")
    # December 2023 is before the office began (2024-01-10).
    assert doc["roles_at_time"] == []
    assert_fresh(desk.during)
    other = desk.actor("Inal Otherov")
    r = patch(path, {"actor": other["slug"], "attribution": "A spokesman for the minister",
                     "said_on": "2024-08-15"}, desk.k)
    assert r.status == 200, r
    doc = document(desk.during)
    assert doc["actor"] == desk.ref(other)
    assert doc["attribution"] == "A spokesman for the minister"
    assert doc["roles_at_time"] == []
    r = patch(path, {"actor": desk.speaker["slug"], "status": "published", "status_note": None},
              desk.k)
    assert r.status == 200, r
    doc = document(desk.during)
    assert doc["actor"] == desk.ref(desk.speaker) and doc["status"] == "published"
    assert doc["roles_at_time"] == [desk.minister_role()]
    assert_fresh(desk.during, desk.before)


# ---------------------------------------------------------------- rollbacks


def test_a_rolled_back_write_leaves_the_document_as_it_was(desk):
    ids = (desk.during, desk.before)
    docs = [document(s) for s in ids]
    bodies = [stored(s) for s in ids]
    rows = row_version(*ids)
    out = psql("""
        BEGIN;
        SET LOCAL onrecord.actor = %(who)s;
        UPDATE outlets SET name = 'Never Printed' WHERE slug = %(outlet)s;
        UPDATE actors SET name = 'Never Named' WHERE slug = %(speaker)s;
        INSERT INTO roles (actor_id, title) SELECT id, 'Never appointed' FROM actors
            WHERE slug = %(speaker)s;
        UPDATE topics SET proposition = 'Never proposed' WHERE slug = %(topic)s;
        %(stale)s
        ROLLBACK;
    """ % {"who": lit(SQL_ACTOR), "outlet": lit(desk.daily["slug"]),
           "speaker": lit(desk.speaker["slug"]), "topic": lit(desk.topic_a["slug"]),
           "stale": stale_ids_sql()})
    # Inside the transaction both statements were marked ...
    assert [(k, parse_ids(v)) for k, v in out] == [("stale", sorted(ids))]
    # ... and after the rollback nothing was rebuilt and nothing shows.
    assert [document(s) for s in ids] == docs
    assert [stored(s) for s in ids] == bodies
    assert row_version(*ids) == rows
    assert_fresh(*ids)


def test_a_refused_api_write_leaves_the_document_as_it_was(desk):
    rows = row_version(desk.during)
    doc = document(desk.during)
    r = patch("/v1/statements/%d" % desk.during, {
        "summary": "Changed", "reports": [{"source": desk.wire["id"], "wording": "x"},
                                          {"source": 999999999, "wording": "y"}]}, desk.k)
    assert r.status == 422, r
    assert document(desk.during) == doc
    assert row_version(desk.during) == rows
    assert_fresh(desk.during)


def test_a_write_undone_by_a_savepoint_is_not_shown_and_the_rest_is(desk):
    def script(*steps):
        return "BEGIN;\nSET LOCAL onrecord.actor = %s;\n%s\nCOMMIT;\n" % (
            lit(SQL_ACTOR), "\n".join(steps))
    rename = "UPDATE outlets SET name = %%s WHERE slug = %s;" % lit(desk.daily["slug"])
    # Kept, then a later rename undone.
    psql(script(rename % "'Kept Name'", "SAVEPOINT a;", rename % "'Dropped Name'",
                "ROLLBACK TO SAVEPOINT a;"))
    assert [o["name"] for o in outlets_of(document(desk.during))] == ["Kept Name"] * 2
    assert_fresh(desk.during, desk.before)
    # The first mark undone, the same statements marked again afterwards.
    psql(script("SAVEPOINT a;", rename % "'Dropped Again'", "ROLLBACK TO SAVEPOINT a;",
                rename % "'Kept Again'"))
    assert [o["name"] for o in outlets_of(document(desk.during))] == ["Kept Again"] * 2
    assert outlets_of(document(desk.before))[0]["name"] == "Kept Again"
    assert_fresh(desk.during, desk.before)


# ---------------------------------------------------------------- batches (0011)


def test_statements_marked_after_an_early_build_are_built_at_commit(desk):
    """0011 builds every marked document at the first firing. SET CONSTRAINTS ...
    IMMEDIATE fires them mid-transaction (and keeps the trigger immediate); a
    stance written afterwards marks the statement again, and that mark's own
    firing must build it a second time, not take it for part of the first batch."""
    b = Desk.id_of("topics", desk.topic_b["slug"])
    out = psql("BEGIN;\nSET LOCAL onrecord.actor = %s;\n"
               "UPDATE outlets SET name = 'Early Name' WHERE slug = %s;\n%s"
               "SET CONSTRAINTS statement_documents_refresh IMMEDIATE;\n%s"
               "SELECT 'early', count(*) FROM statement_documents "
               "WHERE statement_id IN (%d, %d) AND body LIKE '%%Early Name%%';\n"
               "INSERT INTO stances (statement_id, topic_id, position) "
               "VALUES (%d, %d, 'opposes');\n%s"
               "COMMIT;\n" % (lit(SQL_ACTOR), lit(desk.daily["slug"]), stale_ids_sql(),
                              stale_ids_sql(), desk.during, desk.before, desk.during, b,
                              stale_ids_sql()))
    assert [(k, parse_ids(v) if k == "stale" else v) for k, v in out] == [
        ("stale", sorted([desk.during, desk.before])),
        ("stale", []),
        ("early", "2"),
        ("stale", [])]
    assert [x["topic"] for x in document(desk.during)["stances"]] == [
        desk.topic_a["slug"], desk.topic_b["slug"]]
    assert outlets_of(document(desk.during)) == [outlets_of(document(desk.during))[0]] * 2
    assert outlets_of(document(desk.during))[0]["name"] == "Early Name"
    assert_fresh(desk.during, desk.before)


def test_a_transaction_marking_many_statements_analyzes_the_tables_first(desk):
    """A bulk load with triggers on writes rows that have no column statistics
    yet; past onrecord_documents_analyze_threshold() marked statements the build
    runs ANALYZE first, inside the transaction. The threshold is lowered to 2
    for this (rolled back) transaction, and the rename marks two statements."""
    counts = ("SELECT 'analyzed', pg_stat_get_analyze_count('stances'::regclass) "
              "+ pg_stat_get_autoanalyze_count('stances'::regclass);\n")
    out = psql("BEGIN;\nSET LOCAL stats_fetch_consistency = none;\n"
               "SET LOCAL onrecord.actor = %s;\n"
               "CREATE OR REPLACE FUNCTION onrecord_documents_analyze_threshold() "
               "RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN 2;\n%s"
               "UPDATE outlets SET name = 'Bulk Name' WHERE slug = %s;\n"
               "SET CONSTRAINTS statement_documents_refresh IMMEDIATE;\n%s"
               "SELECT 'fresh', count(*) FROM statements s JOIN statement_documents d "
               "ON d.statement_id = s.id WHERE s.id IN (%d, %d) "
               "AND d.body = onrecord_statement_json(s)::text AND d.body LIKE '%%Bulk Name%%';\n"
               "ROLLBACK;\n" % (lit(SQL_ACTOR), counts, lit(desk.daily["slug"]), counts,
                                desk.during, desk.before))
    (_, before), (_, after), fresh = out
    assert int(after) >= int(before) + 1
    assert fresh == ("fresh", "2")
    # Rolled back: the threshold is the shipped one again, the documents as they were.
    assert sql_value("SELECT onrecord_documents_analyze_threshold()") == "50000"
    assert "Bulk Name" not in stored(desk.during)
    assert_fresh(desk.during, desk.before)


# ---------------------------------------------------------------- what does not count


HIDDEN_EDITS = [
    # table, which desk record, an edit the document does not show, one it shows,
    # which statements the shown edit marks
    ("actors", "speaker", "description = 'Born in Tskhinvali.', note = 'Checked.', "
     "country = 'GE', other_names = ARRAY['Заур Тестиев']", "name = 'Zaur T.'",
     ("during", "before")),
    ("actors", "ministry", "description = 'Reorganized in 2024.'", "kind = 'organization'",
     ("during", "before")),
    ("outlets", "daily", "note = 'Independent.', url = 'https://example.org', country = 'AM'",
     "state_owned = true", ("during", "before")),
    ("sources", "release", "note = 'Archived copy checked.', relays_source_id = %(wire)s",
     "language = 'ru'", ("during",)),
    ("topics", "topic_a", "description = 'As put to the parliament.'",
     "proposition = 'The border must be reopened'", ("during",)),
]


@pytest.mark.parametrize("table,record,hidden,shown,marked", HIDDEN_EDITS,
                         ids=["%s-%s" % (t, r) for t, r, _, _, _ in HIDDEN_EDITS])
def test_an_edit_of_a_field_no_document_shows_marks_no_statement_stale(
        desk, table, record, hidden, shown, marked):
    rec = getattr(desk, record)
    where = "id = %d" % rec["id"] if table == "sources" else "slug = %s" % lit(rec["slug"])
    values = {"wire": desk.wire["id"]}
    out = psql("BEGIN;\nUPDATE %s SET %s WHERE %s;\n%sUPDATE %s SET %s WHERE %s;\n%sROLLBACK;\n" % (
        table, hidden % values, where, stale_ids_sql(), table, shown, where, stale_ids_sql()))
    assert [(k, parse_ids(v)) for k, v in out] == [
        ("stale", []),
        ("stale", sorted(getattr(desk, m) for m in marked))]


def test_editing_a_biography_through_the_api_rebuilds_no_document(desk):
    """An edit of fields the actor, outlet, source and topic references do not
    show leaves the document rows untouched (same xmin: not rewritten)."""
    ids = (desk.during, desk.before)
    rows = row_version(*ids)
    k = desk.k
    assert patch("/v1/actors/" + desk.speaker["slug"],
                 {"description": "Born in Tskhinvali in 1970.", "country": "GE",
                  "other_names": ["Заур Тестиев"], "note": "Checked with the ministry."},
                 k).status == 200
    assert patch("/v1/actors/" + desk.ministry["slug"], {"description": None}, k).status == 200
    assert patch("/v1/outlets/" + desk.daily["slug"], {"note": "Independent.",
                                                       "url": "https://example.org"},
                 k).status == 200
    assert patch("/v1/sources/%d" % desk.interview["id"], {"note": "Archived."}, k).status == 200
    assert patch("/v1/topics/" + desk.topic_a["slug"], {"description": "As put to parliament."},
                 k).status == 200
    assert row_version(*ids) == rows
    # A shown field does rewrite them.
    assert patch("/v1/actors/" + desk.speaker["slug"], {"name": "Zaur T."}, k).status == 200
    after = row_version(*ids)
    assert [r[0] for r in after] == [r[0] for r in rows]
    assert all(a[1] != b[1] for a, b in zip(after, rows)), (rows, after)
    assert document(desk.during)["actor"]["name"] == "Zaur T."
    assert_fresh(*ids)


# ---------------------------------------------------------------- two desks at once


class HeldTransaction:
    """A psql session kept open between steps: send() feeds it statements;
    finish() ends its input and returns (returncode, stderr)."""

    def __init__(self, label):
        self.app = "zz-%s-%s" % (RUN, label)
        self.proc = subprocess.Popen(
            [_psql_path(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", DATABASE_URL],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True, env=dict(os.environ, PGAPPNAME=self.app))

    def send(self, sql):
        self.proc.stdin.write(sql + "\n")
        self.proc.stdin.flush()

    def wait_idle_in_transaction(self):
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if sql_value("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s "
                         "AND state = 'idle in transaction'" % lit(self.app)) == "1":
                return
            assert self.proc.poll() is None, self.proc.stderr.read()
            time.sleep(0.02)
        raise AssertionError("psql session %s never got to 'idle in transaction'" % self.app)

    def finish(self):
        _, err = self.proc.communicate(timeout=60)
        return self.proc.returncode, err

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def test_a_report_added_while_another_desk_renames_its_outlet(desk):
    """Read committed, as the server writes: one desk renames the outlet in a
    transaction still open while another adds that outlet's source to a
    statement that showed no source of it; whichever commits last, the
    document shows the new name."""
    theirs = desk.statement(desk.speaker["slug"], [desk.wire["id"]])["id"]
    t1 = HeldTransaction("rename")
    result = {}
    try:
        t1.send("BEGIN;\nSET LOCAL onrecord.actor = %s;\n"
                "UPDATE outlets SET name = 'Test Daily Herald Europe' WHERE slug = %s;"
                % (lit(SQL_ACTOR), lit(desk.daily["slug"])))
        t1.wait_idle_in_transaction()

        def add_report():
            result["r"] = patch("/v1/statements/%d" % theirs, {"reports": [
                {"source": desk.wire["id"], "wording": "Wire wording."},
                {"source": desk.release["id"], "wording": "Release wording."}]}, desk.k)
        writer = threading.Thread(target=add_report)
        writer.start()
        # Let the API's write get as far as it can: today it waits for the change-feed
        # lock the open transaction holds (0003); were that lock gone, it would commit.
        deadline = time.monotonic() + 5
        while writer.is_alive() and time.monotonic() < deadline:
            if sql_value("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                         "AND NOT granted") != "0":
                break
            time.sleep(0.02)
        t1.send("COMMIT;")
        rc, err = t1.finish()
        assert rc == 0, err
        writer.join(30)
        assert not writer.is_alive()
    finally:
        t1.kill()
    assert result["r"].status == 200, result["r"]
    assert outlets_of(document(theirs)) == [
        {"slug": desk.daily["slug"], "name": "Test Daily Herald Europe", "state_owned": False},
        None]
    assert_fresh(theirs, desk.during, desk.before)


@pytest.mark.parametrize("shown_before", [True, False],
                         ids=["statement-already-showed-the-outlet", "statement-did-not-show-the-outlet"])
def test_a_repeatable_read_writer_never_leaves_a_stale_document(desk, shown_before):
    """A REPEATABLE READ writer's snapshot may predate the outlet's rename, so 0009
    has it store no document: either its write fails with a serialization error, or
    the statement is left without a stored row and GET builds it fresh."""
    if shown_before:
        target = desk.before  # reported by the interview (Test Daily Herald)
    else:
        target = desk.statement(desk.speaker["slug"], [desk.wire["id"]])["id"]
    t2 = HeldTransaction("rr")
    try:
        t2.send("BEGIN ISOLATION LEVEL REPEATABLE READ;\nSET LOCAL onrecord.actor = %s;\n"
                "SELECT count(*) FROM statements;" % lit(SQL_ACTOR))
        t2.wait_idle_in_transaction()
        r = patch("/v1/outlets/" + desk.daily["slug"], {"name": "Test Daily Herald Europe"},
                  desk.k)
        assert r.status == 200, r
        t2.send("INSERT INTO statement_reports (statement_id, source_id, wording) "
                "VALUES (%d, %d, 'Release wording.');\nCOMMIT;" % (target, desk.release["id"]))
        rc, err = t2.finish()
    finally:
        t2.kill()
    if rc != 0:
        assert "could not serialize access" in err, err
    else:
        assert [o and o["name"] for o in outlets_of(document(target))] == (
            ["Test Daily Herald Europe"] * 2 if shown_before
            else ["Test Daily Herald Europe", None])
        assert sql_value("SELECT count(*) FROM statement_documents "
                         "WHERE statement_id = %d" % target) == "0"
        # Its topic rows were written from the writer's snapshot, without items.
        have, want = topic_rows(target, items=False)
        assert have == want
    assert_fresh(desk.during, *([] if rc == 0 else [desk.before]))


# ---------------------------------------------------------------- the whole database


def test_every_stored_document_equals_a_fresh_build_and_nothing_is_left_stale(seeded):
    assert sql_value(
        "SELECT count(*) FROM statements s LEFT JOIN statement_documents d "
        "ON d.statement_id = s.id WHERE d.body IS DISTINCT FROM onrecord_statement_json(s)::text"
    ) == "0"
    assert sql_value("SELECT count(*) FROM statement_documents_stale") == "0"
    assert sql_value("SELECT count(*) FROM statement_documents") == sql_value(
        "SELECT count(*) FROM statements")
    # topic_statements holds the view's rows, no more and no fewer (a statement
    # left without a document by a REPEATABLE READ write has no item).
    assert sql_value(
        "SELECT count(*) FROM (SELECT statement_id, topic_id, position, actor_id, said_on, "
        "said_until, item FROM topic_statements EXCEPT ALL SELECT * FROM topic_statement_rows) x"
    ) == sql_value("SELECT count(*) FROM topic_statements WHERE item IS NULL")
    assert sql_value("SELECT count(*) FROM topic_statements") == sql_value(
        "SELECT count(*) FROM stances")
