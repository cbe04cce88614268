"""Newsroom: who took which position on a proposition, and when; did anyone
change position? Expected answers come from the stances of
db/seed/0001_south_ossetia.sql (see the statement table in its README)."""
import pytest

from conftest import get_all, get_ok, lit, sql_col, sql_rows

UNION_STATE = "south-ossetia-joins-union-state"
JOIN_RUSSIA = "south-ossetia-joins-russia"

TOPICS = ["abkhazia-joins-russia", "belarus-recognizes-south-ossetia", "georgia-joins-eu",
          "georgia-sanctions-russia", "russia-invasion-of-ukraine-justified",
          "south-ossetia-joins-eu", JOIN_RUSSIA, UNION_STATE, "states-recognize-south-ossetia"]


def stances(topic, **params):
    return get_all("/v1/topics/%s/stances" % topic, **params)


def stance_ids(topic, **params):
    return [s["statement_id"] for s in stances(topic, **params)]


def stances_in_db(topic):
    return [int(x) for x in sql_col(
        "SELECT s.id FROM stances st JOIN statements s ON s.id = st.statement_id "
        "JOIN topics t ON t.id = st.topic_id WHERE t.slug = %s "
        "ORDER BY s.said_on, s.id" % lit(topic))]


def test_the_nine_topics_in_slug_order(seeded):
    items = get_all("/v1/topics")
    assert [t["slug"] for t in items] == TOPICS
    assert sql_col("SELECT slug FROM topics ORDER BY slug") == TOPICS
    by_slug = {t["slug"]: t for t in items}
    assert by_slug[UNION_STATE]["proposition"] == (
        "South Ossetia should join the Union State of Russia and Belarus")


def test_stances_on_joining_the_union_state_in_date_order():
    items = stances(UNION_STATE)
    assert [s["statement_id"] for s in items] == [21, 37, 38, 39, 40, 41, 42, 44]
    assert [s["statement_id"] for s in items] == stances_in_db(UNION_STATE)
    assert [(s["said_on"], s["position"]) for s in items] == [
        ("2023-08", "supports"), ("2024-08", "supports"), ("2024-08", "neutral"),
        ("2024-08", "conditional"), ("2024-08", "opposes"), ("2024-08", "opposes"),
        ("2024-08", "opposes"), ("2024-08", "opposes")]


def test_gobozov_in_august_2023_came_before_gagloev_in_august_2024():
    who = [(s["actor"] or {}).get("slug") for s in stances(UNION_STATE)]
    assert who.index("vyacheslav-gobozov") < who.index("alan-gagloev")
    first, second = stances(UNION_STATE)[:2]
    assert first["actor"]["slug"] == "vyacheslav-gobozov" and first["said_on"] == "2023-08"
    assert second["actor"]["slug"] == "alan-gagloev" and second["said_on"] == "2024-08"


def test_who_opposes_joining_the_union_state():
    items = stances(UNION_STATE, position="opposes")
    assert [s["statement_id"] for s in items] == [40, 41, 42, 44]
    assert [(s["actor"] or {}).get("slug") for s in items] == [
        "azamat-dzhanayev", None, None, "united-ossetia"]
    assert items[1]["attribution"] == "a South Ossetian official, speaking anonymously to JAMnews"


def test_conditional_stances_carry_their_condition():
    [c] = stances(UNION_STATE, position="conditional")
    assert c["statement_id"] == 39
    assert c["actor"]["slug"] == "azamat-dzhanayev"
    assert c["condition"] == "Belarus first recognizes South Ossetia's independence"
    items = stances(JOIN_RUSSIA, position="conditional")
    assert [(s["statement_id"], s["condition"]) for s in items] == [
        (19, "only after consultations with Moscow"),
        (23, "if there are good reasons"),
        (27, "conditions arise that bring the issue to the forefront, and after consultations "
             "with Russia"),
        (35, "it aligns with a joint strategic vision with Moscow"),
        (36, "a consensus is reached with Moscow"),
    ]
    for s in get_all("/v1/topics/%s/stances" % JOIN_RUSSIA):
        assert (s["condition"] is not None) == (s["position"] == "conditional")


def test_stance_counts_on_the_topic_page():
    t = get_ok("/v1/topics/%s" % UNION_STATE)
    assert t["stance_counts"] == {"supports": 2, "opposes": 4, "conditional": 1, "neutral": 1}
    t = get_ok("/v1/topics/%s" % JOIN_RUSSIA)
    counts = dict((k, int(v)) for k, v in sql_rows(
        "SELECT st.position, count(*) FROM stances st JOIN topics t ON t.id = st.topic_id "
        "WHERE t.slug = %s GROUP BY st.position" % lit(JOIN_RUSSIA)))
    assert t["stance_counts"] == {p: counts.get(p, 0)
                                  for p in ("supports", "opposes", "conditional", "neutral")}
    assert t["stance_counts"] == {"supports": 8, "opposes": 1, "conditional": 5, "neutral": 3}


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topics_stances_agree_with_the_database(topic):
    assert stance_ids(topic) == stances_in_db(topic)


def test_did_gagloev_change_position_on_joining_russia():
    items = stances(JOIN_RUSSIA, actor="alan-gagloev")
    assert [(s["statement_id"], s["said_on"], s["position"]) for s in items] == [
        (19, "2022-05-30", "conditional"),
        (26, "2024", "neutral"),
        (27, "2024", "conditional"),
        (28, "2024", "supports"),
    ]


def test_dzhanayev_supports_russia_but_opposes_the_union_state():
    assert [s["position"] for s in stances(JOIN_RUSSIA, actor="azamat-dzhanayev")] == ["supports"]
    assert [s["position"] for s in stances(UNION_STATE, actor="azamat-dzhanayev")] == [
        "conditional", "opposes"]


def test_a_statement_said_in_august_2024_matches_from_15_august_2024():
    ids = stance_ids(UNION_STATE, **{"from": "2024-08-15"})
    assert ids == [37, 38, 39, 40, 41, 42, 44]  # Gobozov's August 2023 is out
    assert stance_ids(UNION_STATE, **{"from": "2024-08-31"}) == ids
    assert stance_ids(UNION_STATE, **{"from": "2024-09-01"}) == []


def test_to_keeps_periods_that_start_on_or_before_it():
    assert stance_ids(UNION_STATE, to="2024-08-01") == [21, 37, 38, 39, 40, 41, 42, 44]
    assert stance_ids(UNION_STATE, to="2024-07-31") == [21]
    assert stance_ids(UNION_STATE, to="2023-07-31") == []
    assert stance_ids(UNION_STATE, **{"from": "2023-08-31", "to": "2023-08-31"}) == [21]


def test_stance_rows_carry_who_when_and_what():
    row = stances(UNION_STATE)[0]
    assert set(row) == {"statement_id", "actor", "attribution", "said_on", "said_precision",
                        "position", "condition", "note", "summary"}
    assert row["summary"] == ("South Ossetia wants to join the Union State, which makes "
                              "recognition by Minsk important.")


def test_who_said_belarus_should_recognize_south_ossetia():
    items = stances("belarus-recognizes-south-ossetia")
    assert [(s["statement_id"], (s["actor"] or {}).get("slug"), s["position"]) for s in items] == [
        (20, "alexander-lukashenko", "conditional"),
        (21, "vyacheslav-gobozov", "supports"),
        (22, "vyacheslav-gobozov", "supports"),
        (39, "azamat-dzhanayev", "supports"),
    ]


def test_a_topic_nobody_opposes_has_an_empty_filtered_list():
    assert stances("states-recognize-south-ossetia", position="opposes") == []
    assert get_ok("/v1/topics/states-recognize-south-ossetia/stances",
                  position="opposes") == {"data": [], "next_cursor": None}
