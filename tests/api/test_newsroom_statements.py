"""Newsroom: who said what, when, in whose words, and in what office.

Expected answers are read off db/seed/0001_south_ossetia.sql and its README
(statement ids 1-45, source ids 1-26 are fixed there) and cross-checked with
psql queries written independently of the server's SQL."""
import pytest

from conftest import fetch, get_all, get_ok, lit, sql_col, sql_rows, sql_value, url

STRATEGIC_GOAL_SEED_002 = (
    "I believe that unification with Russia is our strategic goal. It is our path and an "
    "aspiration of our people. We must move forward along this path")
STRATEGIC_GOAL_SEED_003 = (
    "\u201cI believe that unification with Russia is our strategic goal. This is our way and an "
    "aspiration of our people,\u201d Bibilov said in statements reported by TASS, Russia\u2019s "
    "largest leading state-owned news agency. \u201cThe Republic of South Ossetia will become part "
    "of its historical motherland\u2014Russia.\u201d")

UNION_STATE_JAMNEWS = (
    "South Ossetia is actively working on enhancing cooperation with Belarus, which will "
    "strengthen ties with the Union State. Currently, the focus is on humanitarian contacts, "
    "sports, and so on. In the future, we hope to establish closer cooperation with the Republic "
    "of Belarus")
UNION_STATE_CIVIL_GE = (
    "Joining the union state is one of the possible and most promising options for us. "
    "Currently, efforts are underway to establish cooperation with Belarus. So far, we are "
    "focusing on contacts in the humanitarian field, sports, and other areas. In the future, we "
    "expect closer cooperation with the Republic of Belarus")

PRESIDENT_OF_SO = {"title": "President of South Ossetia",
                   "organization": {"slug": "south-ossetia", "name": "South Ossetia",
                                    "kind": "territory"}}

GAGLOEV_STATEMENTS = [37, 32, 31, 30, 29, 28, 27, 26, 25, 24, 19]  # newest first


# A statement list item without include= (db/NEWSROOM.md); GET /v1/statements/{id}
# shows more (status_note, note, roles_at_time) and always reports and stances.
LEAN_KEYS = ["id", "actor", "attribution", "said_on", "said_precision", "kind", "status",
             "language", "context", "summary"]


def ids(path, **params):
    return [s["id"] for s in get_all(path, **params)]


def as_list_item(detail, *embedded):
    """What a list item shows of a statement detail, with include=<embedded>
    (reports, stances; not actor, which changes the actor's shape)."""
    return {k: detail[k] for k in LEAN_KEYS + list(embedded)}


def statement(n):
    return get_ok("/v1/statements/%d" % n)


# ---------------------------------------------------------------- Bibilov's "strategic goal"


def test_every_report_of_bibilovs_strategic_goal_statement_with_each_wording(seeded):
    found = ids("/v1/statements", actor="anatoly-bibilov", q="strategic goal")
    assert found == [15]
    s = statement(15)
    assert s["actor"] == {"slug": "anatoly-bibilov", "name": "Anatoly Bibilov", "kind": "person"}
    assert s["said_on"] == "2022-03-30" and s["said_precision"] == "day"
    assert s["kind"] == "direct_quote"
    wordings = {r["source"]["id"]: r["wording"] for r in s["reports"]}
    assert wordings == {3: STRATEGIC_GOAL_SEED_002, 4: STRATEGIC_GOAL_SEED_003}
    assert STRATEGIC_GOAL_SEED_002 != STRATEGIC_GOAL_SEED_003
    assert "It is our path" in wordings[3] and "This is our way" in wordings[4]
    in_db = dict(sql_rows("SELECT source_id, wording FROM statement_reports "
                          "WHERE statement_id = 15"))
    assert in_db == {"3": STRATEGIC_GOAL_SEED_002, "4": STRATEGIC_GOAL_SEED_003}


def test_reports_are_listed_by_publication_date_with_undated_sources_last():
    s = statement(15)
    assert [r["source"]["id"] for r in s["reports"]] == [4, 3]  # 4: 2022 (year); 3: undated
    assert s["reports"][0]["source"]["published_on"] == "2022"
    assert s["reports"][1]["source"]["published_on"] is None


def test_bibilov_was_president_of_south_ossetia_when_he_called_unification_a_strategic_goal():
    assert statement(15)["roles_at_time"] == [PRESIDENT_OF_SO]


def test_bibilov_statement_stance_supports_joining_russia():
    s = statement(15)
    assert [(x["topic"], x["position"], x["condition"]) for x in s["stances"]] == [
        ("south-ossetia-joins-russia", "supports", None)]
    assert s["stances"][0]["proposition"] == "South Ossetia should join the Russian Federation"


def test_the_strategic_goal_quote_can_be_found_in_either_translation():
    assert ids("/v1/statements", q="path aspiration") == [15]  # seed 002's words
    assert ids("/v1/statements", q="way aspiration") == [15]  # seed 003's words
    assert ids("/v1/statements", q="historical motherland") == [15]  # seed 003 only
    # Seed 002 prints "historical homeland" outside the quote: not in any wording.
    assert ids("/v1/statements", q="historical homeland") == []


# ---------------------------------------------------------------- Gagloev on the Union State


def test_what_gagloev_said_about_the_union_state_and_who_reported_it():
    items = get_all("/v1/statements", actor="alan-gagloev",
                    topic="south-ossetia-joins-union-state", include="reports,stances")
    assert [s["id"] for s in items] == [37]
    s = items[0]
    assert s["said_on"] == "2024-08" and s["said_precision"] == "month"
    assert s["kind"] == "direct_quote"
    assert [(x["topic"], x["position"]) for x in s["stances"]] == [
        ("south-ossetia-joins-union-state", "supports")]
    reporters = {r["source"]["id"]: (r["source"]["outlet"] or {}).get("slug")
                 for r in s["reports"]}
    assert reporters == {1: "jamnews", 2: "civil-ge"}
    wordings = {r["source"]["id"]: r["wording"] for r in s["reports"]}
    assert wordings == {1: UNION_STATE_JAMNEWS, 2: UNION_STATE_CIVIL_GE}
    assert s == as_list_item(statement(37), "reports", "stances")
    expected = sql_col(
        "SELECT DISTINCT s.id FROM statements s JOIN actors a ON a.id = s.actor_id "
        "JOIN stances st ON st.statement_id = s.id JOIN topics t ON t.id = st.topic_id "
        "WHERE a.slug = 'alan-gagloev' AND t.slug = 'south-ossetia-joins-union-state'")
    assert expected == ["37"]


def test_everything_gagloev_said_newest_first():
    assert ids("/v1/statements", actor="alan-gagloev") == GAGLOEV_STATEMENTS
    in_db = sql_col("SELECT s.id FROM statements s JOIN actors a ON a.id = s.actor_id "
                    "WHERE a.slug = 'alan-gagloev' ORDER BY s.said_on DESC, s.id DESC")
    assert [int(x) for x in in_db] == GAGLOEV_STATEMENTS


def test_an_actors_statements_page_equals_the_filtered_statement_list():
    for slug in ("alan-gagloev", "anatoly-bibilov", "alan-alborov", "united-ossetia"):
        nested = get_all("/v1/actors/%s/statements" % slug)
        flat = get_all("/v1/statements", actor=slug)
        assert nested == flat, slug
        assert nested, slug
    for limit in (1, 3, 50):
        assert get_ok("/v1/actors/alan-gagloev/statements", limit=limit) == \
            get_ok("/v1/statements", actor="alan-gagloev", limit=limit)


def test_nested_statement_lists_take_the_other_filters():
    assert ids("/v1/actors/alan-gagloev/statements",
               topic="south-ossetia-joins-union-state") == [37]
    assert ids("/v1/actors/alan-gagloev/statements", topic="south-ossetia-joins-russia") == [
        28, 27, 26, 19]
    assert ids("/v1/actors/alan-gagloev/statements", **{"from": "2024-08-01"}) == [
        37, 32, 31, 30, 29, 28, 27, 26, 25, 24]
    assert ids("/v1/actors/alan-gagloev/statements", to="2023-12-31") == [19]


def test_an_actor_with_no_statements_has_an_empty_list_not_404():
    assert get_ok("/v1/actors/belarus/statements") == {"data": [], "next_cursor": None}
    assert get_ok("/v1/actors/south-ossetia/statements") == {"data": [], "next_cursor": None}


def test_the_actor_page_counts_the_statements():
    assert get_ok("/v1/actors/alan-gagloev")["statement_count"] == len(GAGLOEV_STATEMENTS)
    assert get_ok("/v1/actors/belarus")["statement_count"] == 0


# ---------------------------------------------------------------- "referendum"

REFERENDUM = [45, 19, 18, 17, 14]


@pytest.mark.parametrize("q", ["referendum", "referendums", "Referendum", "REFERENDUM"])
def test_statements_mentioning_referendum_newest_first(q):
    assert ids("/v1/statements", q=q) == REFERENDUM


def test_referendum_search_matches_a_plain_substring_search_of_the_wordings():
    in_db = sql_col("SELECT s.id FROM statements s WHERE EXISTS (SELECT 1 FROM "
                    "statement_reports r WHERE r.statement_id = s.id AND r.wording ILIKE "
                    "'%referendum%') ORDER BY s.said_on DESC, s.id DESC")
    assert [int(x) for x in in_db] == REFERENDUM


def test_referendum_statements_page_by_page():
    first = get_ok("/v1/statements", q="referendum", limit=2)
    assert [s["id"] for s in first["data"]] == [45, 19]
    second = get_ok("/v1/statements", q="referendum", limit=2, cursor=first["next_cursor"])
    assert [s["id"] for s in second["data"]] == [18, 17]
    third = get_ok("/v1/statements", q="referendum", limit=2, cursor=second["next_cursor"])
    assert [s["id"] for s in third["data"]] == [14]
    assert third["next_cursor"] is None


def test_referendum_statements_that_support_joining_russia():
    assert ids("/v1/statements", q="referendum", topic="south-ossetia-joins-russia",
               stance="supports") == [45, 18, 14]
    assert ids("/v1/statements", q="referendum", stance="opposes") == [17]


def test_a_word_nobody_used_finds_nothing():
    assert get_ok("/v1/statements", q="zeppelin") == {"data": [], "next_cursor": None}


def test_plus_and_percent_20_both_mean_a_space_in_a_search():
    a = fetch("/v1/statements?q=strategic+goal").body
    b = fetch("/v1/statements?q=strategic%20goal").body
    assert a == b
    assert [s["id"] for s in a["data"]] == [15]


# ---------------------------------------------------------------- roles at the time


def test_gagloev_was_president_in_2024_although_seed_004_calls_him_former_president():
    s = statement(32)
    assert s["actor"]["slug"] == "alan-gagloev"
    assert s["said_on"] == "2024" and s["said_precision"] == "year"
    assert s["roles_at_time"] == [PRESIDENT_OF_SO]
    [report] = s["reports"]
    assert report["source"]["id"] == 5
    assert "former South Ossetian president" in report["wording"]
    assert "former" in report["note"] and "president" in report["note"]


def test_gagloev_was_president_when_he_spoke_of_the_union_state_in_august_2024():
    assert statement(37)["roles_at_time"] == [PRESIDENT_OF_SO]


def test_gagloev_was_president_when_he_suspended_the_referendum_on_30_may_2022():
    s = statement(19)
    assert s["said_on"] == "2022-05-30"
    assert s["roles_at_time"] == [PRESIDENT_OF_SO]
    assert [(x["position"], x["condition"]) for x in s["stances"]] == [
        ("conditional", "only after consultations with Moscow")]


def test_bibilov_was_president_when_he_announced_the_referendum_on_13_may_2022():
    s = statement(18)
    assert s["said_on"] == "2022-05-13"
    assert s["roles_at_time"] == [PRESIDENT_OF_SO]


def test_alborov_was_chairman_of_parliament_not_spokesperson():
    for n in (35, 36):
        s = statement(n)
        assert s["actor"]["slug"] == "alan-alborov"
        assert s["said_on"] == "2024-03-17"
        assert s["roles_at_time"] == [{
            "title": "Chairman of the Parliament of South Ossetia",
            "organization": {"slug": "parliament-of-south-ossetia",
                             "name": "Parliament of South Ossetia",
                             "kind": "government_body"}}]
        assert "spokesperson" not in s["roles_at_time"][0]["title"].lower()
    report = statement(35)["reports"][0]
    assert "The spokesperson for the Parliament" in report["wording"]
    assert "chairman" in report["note"]


def test_zalkaliani_held_two_offices_on_31_march_2022():
    s = statement(17)
    assert [r["title"] for r in s["roles_at_time"]] == [
        "Minister of Foreign Affairs of Georgia", "Deputy Prime Minister of Georgia"]


def test_putins_role_in_february_2022_is_only_his_current_presidency():
    s = statement(3)
    assert s["said_on"] == "2022-02"
    assert s["roles_at_time"] == [{"title": "President of Russia",
                                   "organization": {"slug": "russia", "name": "Russia",
                                                    "kind": "state"}}]


def test_roles_in_force_agree_with_the_roles_table():
    for n in (3, 15, 16, 17, 21, 32, 35, 37):
        s = statement(n)
        start = sql_value("SELECT said_on FROM statements WHERE id = %d" % n)
        until = sql_value("SELECT said_until FROM statements WHERE id = %d" % n)
        titles = sql_col(
            "SELECT r.title FROM roles r JOIN statements s ON s.actor_id = r.actor_id "
            "WHERE s.id = %d AND (r.start_date IS NULL OR r.start_date <= DATE %s) "
            "AND (r.end_date IS NULL OR r.end_date >= DATE %s) "
            "ORDER BY r.start_date NULLS FIRST, r.id" % (n, lit(until), lit(start)))
        assert [r["title"] for r in s["roles_at_time"]] == titles, n


def test_an_anonymous_official_has_an_attribution_and_no_actor():
    s = statement(41)
    assert s["actor"] is None
    assert s["attribution"] == "a South Ossetian official, speaking anonymously to JAMnews"
    assert s["roles_at_time"] == []
    assert s["reports"][0]["wording"] == (
        "talking about South Ossetia joining the Union State at this stage is pure utopia.")


# ---------------------------------------------------------------- dates


def test_a_statement_said_in_august_2024_matches_from_15_august_2024():
    found = ids("/v1/statements", **{"from": "2024-08-15"})
    assert 37 in found
    # August 2024 (37-45) and the year-precision 2024 statements (24-34) reach past the 15th;
    # Alborov's 2024-03-17 remarks do not.
    assert found == list(range(45, 36, -1)) + list(range(34, 23, -1))
    in_db = sql_col("SELECT id FROM statements WHERE said_until >= DATE '2024-08-15' "
                    "ORDER BY said_on DESC, id DESC")
    assert [int(x) for x in in_db] == found


def test_from_and_to_on_one_day():
    # The day itself, then every statement whose period covers it: March 2022
    # (month precision) and 2022 (year precision).
    assert ids("/v1/statements", **{"from": "2022-03-30", "to": "2022-03-30"}) == [
        15, 14, 12, 11, 10, 9, 8, 7, 6, 5, 2, 1]
    assert ids("/v1/statements", **{"from": "2022-03-31", "to": "2022-03-31"}) == [
        17, 16, 12, 11, 10, 9, 8, 7, 6, 5, 2, 1]


def test_to_excludes_periods_that_start_later():
    assert ids("/v1/statements", to="2022-02-24") == [3, 2, 1]  # February 2022, and 2022
    assert ids("/v1/statements", to="2022-01-31") == [2, 1]  # year 2022 starts on 1 January


def test_from_after_to_is_an_empty_list():
    assert get_ok("/v1/statements", **{"from": "2024-01-01", "to": "2023-01-01"})["data"] == []


def test_dates_are_printed_with_their_precision():
    assert statement(14)["said_on"] == "2022-03-30"
    assert statement(20)["said_on"] == "2023-07"
    assert statement(1)["said_on"] == "2022" and statement(1)["said_precision"] == "year"


# ---------------------------------------------------------------- other filters


def test_statements_by_language():
    assert ids("/v1/statements", lang="en") == [34, 33, 12, 10, 9, 6, 5]
    assert ids("/v1/statements", lang="ka") == [17, 8, 4]
    assert ids("/v1/statements", lang="und") == [7]
    assert ids("/v1/statements", lang="ru-RU") == []


def test_statements_reported_by_an_outlet_or_a_source():
    assert ids("/v1/statements", outlet="civil-ge") == [37, 31, 30, 29, 28, 27, 26, 25, 24]
    assert ids("/v1/statements", outlet="jamnews") == [45, 44, 43, 42, 41, 40, 39, 38, 37, 22,
                                                       21, 20, 19]
    assert ids("/v1/statements", source=4) == [17, 16, 15, 14, 2, 1]
    # Only the seed articles carry reports; TASS's own reports have none.
    assert ids("/v1/statements", outlet="tass") == []
    for slug in ("civil-ge", "jamnews"):
        in_db = sql_col(
            "SELECT DISTINCT r.statement_id FROM statement_reports r JOIN sources s ON "
            "s.id = r.source_id JOIN outlets o ON o.id = s.outlet_id WHERE o.slug = %s "
            "ORDER BY 1 DESC" % lit(slug))
        assert sorted(ids("/v1/statements", outlet=slug), reverse=True) == [int(x) for x in in_db]


def test_who_supports_opposes_or_sets_conditions_on_joining_russia():
    topic = "south-ossetia-joins-russia"
    assert ids("/v1/statements", topic=topic, stance="supports") == [45, 44, 40, 28, 18, 15, 14, 1]
    assert ids("/v1/statements", topic=topic, stance="opposes") == [17]
    assert ids("/v1/statements", topic=topic, stance="conditional") == [36, 35, 27, 23, 19]
    assert ids("/v1/statements", topic=topic, stance="neutral") == [26, 16, 6]
    for position in ("supports", "opposes", "conditional", "neutral"):
        in_db = sql_col(
            "SELECT st.statement_id FROM stances st JOIN topics t ON t.id = st.topic_id "
            "JOIN statements s ON s.id = st.statement_id WHERE t.slug = %s AND "
            "st.position = %s ORDER BY s.said_on DESC, s.id DESC" % (lit(topic), lit(position)))
        assert ids("/v1/statements", topic=topic, stance=position) == [int(x) for x in in_db]


def test_statements_that_take_no_stance_are_not_found_by_a_stance_filter():
    no_stance = [int(x) for x in sql_col(
        "SELECT id FROM statements s WHERE NOT EXISTS (SELECT 1 FROM stances st WHERE "
        "st.statement_id = s.id) ORDER BY id")]
    assert no_stance == [5, 8, 9, 10, 29, 31, 32, 33, 34, 43]
    with_any = set()
    for position in ("supports", "opposes", "conditional", "neutral"):
        with_any |= set(ids("/v1/statements", stance=position))
    assert with_any == set(range(1, 46)) - set(no_stance)


def test_all_45_statements():
    items = get_all("/v1/statements", limit=200, include="reports,stances")
    assert sorted(s["id"] for s in items) == list(range(1, 46))
    assert len(items) == int(sql_value("SELECT count(*) FROM statements"))
    assert all(s["reports"] for s in items), "every statement has a source"
    for s in items:
        assert s == as_list_item(statement(s["id"]), "reports", "stances")


def test_list_items_are_lean_without_include():
    for s in get_all("/v1/statements", limit=200):
        assert list(s) == LEAN_KEYS, s
        assert s == as_list_item(statement(s["id"]))


def test_statements_reported_twice():
    twice = [s["id"] for s in get_all("/v1/statements", limit=200, include="reports")
             if len(s["reports"]) == 2]
    assert sorted(twice) == [14, 15, 16, 17, 37]


def test_an_unknown_statement_or_a_filter_combination_with_no_match():
    assert fetch("/v1/statements/46").status == 404
    assert get_all("/v1/statements", actor="alan-gagloev", topic="georgia-sanctions-russia") == []
    assert fetch(url("/v1/statements", actor="alan-gagloev", lang="ka")).body["data"] == []
