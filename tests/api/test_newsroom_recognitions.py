"""Newsroom: which states recognized South Ossetia (or Abkhazia) on a given day?

Expected answers come from DOMAIN.md's recognitions table as loaded by
db/seed/0001_south_ossetia.sql (recognition ids 1-13), and are cross-checked
against the database with psql. A withdrawal takes effect on withdrawn_on."""
import pytest

from conftest import assert_problem, fetch, get_all, get_ok, lit, sql_col

SO_2010 = ["russia", "nicaragua", "venezuela", "nauru"]


def recognizing_states(territory, as_of, nested=False):
    if nested:
        items = get_all("/v1/actors/%s/recognitions" % territory, as_of=as_of)
    else:
        items = get_all("/v1/recognitions", territory=territory, as_of=as_of)
    assert all(r["territory"]["slug"] == territory for r in items)
    return [r["state"]["slug"] for r in items]


def recognizing_states_in_db(territory, as_of):
    return sql_col(
        "SELECT s.slug FROM recognitions r JOIN actors s ON s.id = r.state_id "
        "JOIN actors t ON t.id = r.territory_id WHERE t.slug = %s "
        "AND r.recognized_on <= DATE %s AND (r.withdrawn_on IS NULL OR r.withdrawn_on > DATE %s) "
        "ORDER BY r.recognized_on, r.id" % (lit(territory), lit(as_of), lit(as_of)))


@pytest.mark.parametrize("nested", [False, True], ids=["recognitions", "actor-recognitions"])
@pytest.mark.parametrize("as_of,states", [
    ("2010-01-01", SO_2010),
    ("2012-01-01", SO_2010 + ["tuvalu"]),
    ("2015-01-01", SO_2010),
    ("2019-01-01", SO_2010 + ["syria"]),
])
def test_which_states_recognized_south_ossetia_on_1_january(as_of, states, nested, seeded):
    assert recognizing_states("south-ossetia", as_of, nested) == states
    assert recognizing_states_in_db("south-ossetia", as_of) == states


def test_which_states_recognized_south_ossetia_on_1_january_2012():
    assert recognizing_states("south-ossetia", "2012-01-01") == [
        "russia", "nicaragua", "venezuela", "nauru", "tuvalu"]


@pytest.mark.parametrize("as_of,states", [
    ("2008-08-25", []),
    ("2008-08-26", ["russia"]),
    ("2008-09-04", ["russia"]),
    ("2008-09-05", ["russia", "nicaragua"]),
    # Nauru: Abkhazia on the 15th, South Ossetia on the 16th
    ("2009-12-15", ["russia", "nicaragua", "venezuela"]),
    ("2009-12-16", SO_2010),
    ("2011-09-18", SO_2010),  # Tuvalu: Abkhazia on the 18th, SO on the 19th
    ("2011-09-19", SO_2010 + ["tuvalu"]),
    ("2014-03-30", SO_2010 + ["tuvalu"]),
    ("2014-03-31", SO_2010),  # withdrawn that day
    ("2018-05-28", SO_2010),
    ("2018-05-29", SO_2010 + ["syria"]),
    ("2025-01-01", SO_2010 + ["syria"]),
])
def test_south_ossetia_recognitions_on_the_days_they_changed(as_of, states):
    assert recognizing_states("south-ossetia", as_of) == states
    assert recognizing_states_in_db("south-ossetia", as_of) == states


def test_abkhazia_was_recognized_by_vanuatu_on_1_june_2011_but_not_on_1_july_2011():
    june = recognizing_states("abkhazia", "2011-06-01")
    july = recognizing_states("abkhazia", "2011-07-01")
    assert june == ["russia", "nicaragua", "venezuela", "nauru", "vanuatu"]
    assert july == ["russia", "nicaragua", "venezuela", "nauru"]
    assert recognizing_states_in_db("abkhazia", "2011-06-01") == june
    assert recognizing_states_in_db("abkhazia", "2011-07-01") == july


def test_vanuatu_never_recognized_south_ossetia():
    assert get_all("/v1/recognitions", state="vanuatu", territory="south-ossetia") == []
    assert recognizing_states("south-ossetia", "2011-06-01") == SO_2010
    assert recognizing_states("abkhazia", "2011-06-20") == SO_2010  # annulled that day
    assert recognizing_states("abkhazia", "2011-06-19")[-1] == "vanuatu"


def test_belarus_has_never_recognized_south_ossetia_or_abkhazia():
    assert get_all("/v1/recognitions", state="belarus") == []
    assert get_all("/v1/actors/belarus/recognitions") == []
    for as_of in ("2008-08-26", "2015-06-01", "2024-08-15"):
        assert "belarus" not in recognizing_states("south-ossetia", as_of)
    assert sql_col("SELECT r.id FROM recognitions r JOIN actors a ON a.id = r.state_id "
                   "WHERE a.slug = 'belarus'") == []
    actor = get_ok("/v1/actors/belarus")
    assert actor["kind"] == "state"


def test_tuvalu_recognized_both_territories_and_withdrew_both_on_31_march_2014():
    items = get_all("/v1/actors/tuvalu/recognitions")
    assert [(r["id"], r["territory"]["slug"], r["recognized_on"], r["withdrawn_on"])
            for r in items] == [
        (10, "abkhazia", "2011-09-18", "2014-03-31"),
        (11, "south-ossetia", "2011-09-19", "2014-03-31"),
    ]
    tuvalu_so = items[1]
    assert tuvalu_so["state"] == {"slug": "tuvalu", "name": "Tuvalu", "kind": "state"}
    assert tuvalu_so["territory"] == {"slug": "south-ossetia", "name": "South Ossetia",
                                      "kind": "territory"}
    assert tuvalu_so["recognized_precision"] == "day"
    assert tuvalu_so["withdrawn_precision"] == "day"
    assert "2012-02-16" in tuvalu_so["note"]  # Georgia cut relations
    assert tuvalu_so["sources"] == [{"id": 25, "title": tuvalu_so["sources"][0]["title"],
                                     "url": "https://agenda.ge/en/news/2014/842"}]


def test_russia_recognitions_are_in_force_with_no_withdrawal():
    items = get_all("/v1/recognitions", state="russia")
    assert [(r["id"], r["territory"]["slug"]) for r in items] == [
        (1, "south-ossetia"), (2, "abkhazia")]
    for r in items:
        assert r["recognized_on"] == "2008-08-26"
        assert r["withdrawn_on"] is None and r["withdrawn_precision"] is None
        assert [s["url"] for s in r["sources"]] == ["https://unpo.org/article/8564"]


def test_every_recognition_in_date_order():
    items = get_all("/v1/recognitions")
    assert [r["id"] for r in items] == list(range(1, 14))
    assert [r["id"] for r in items] == [int(x) for x in sql_col(
        "SELECT id FROM recognitions ORDER BY recognized_on, id")]
    assert all(r["sources"] for r in items), "every recognition has a citation"


def test_south_ossetia_recognitions_over_all_time():
    items = get_all("/v1/actors/south-ossetia/recognitions")
    assert [r["state"]["slug"] for r in items] == [
        "russia", "nicaragua", "venezuela", "nauru", "tuvalu", "syria"]
    assert items == get_all("/v1/recognitions", territory="south-ossetia")
    assert items == get_all("/v1/recognitions", actor="south-ossetia")


def test_a_state_with_no_recognitions_has_an_empty_list_not_404():
    assert get_ok("/v1/actors/ukraine/recognitions") == {"data": [], "next_cursor": None}
    assert get_ok("/v1/actors/alan-gagloev/recognitions") == {"data": [], "next_cursor": None}


def test_nested_recognitions_take_as_of_and_state_filters():
    assert [r["id"] for r in get_all("/v1/actors/south-ossetia/recognitions",
                                     state="syria")] == [12]
    assert_problem(fetch("/v1/actors/south-ossetia/recognitions?as_of=2012-13-01"), 400,
                   parameter="as_of")
