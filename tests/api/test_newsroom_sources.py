"""Newsroom: where was it printed? Sources, their outlets, state ownership, and
sources that relay other sources. Expected answers come from the outlets and
sources of db/seed/0001_south_ossetia.sql (source ids 1-26 are fixed)."""
import pytest

from conftest import fetch, get_all, get_ok, sql_col, sql_rows, sql_value

STATE_OWNED = ["france-24", "ria-novosti", "sputnik", "tass"]


def source_ids(**params):
    return [s["id"] for s in get_all("/v1/sources", **params)]


def test_tass_and_ria_novosti_are_state_owned(seeded):
    owned = [o["slug"] for o in get_all("/v1/outlets", state_owned="true")]
    assert owned == STATE_OWNED
    assert sql_col("SELECT slug FROM outlets WHERE state_owned ORDER BY slug") == STATE_OWNED
    assert get_ok("/v1/outlets/tass")["state_owned"] is True
    assert get_ok("/v1/outlets/ria-novosti")["state_owned"] is True


def test_independent_outlets():
    free = [o["slug"] for o in get_all("/v1/outlets", state_owned="false")]
    assert "jamnews" in free and "civil-ge" in free and "izvestia" in free
    assert not set(free) & set(STATE_OWNED)
    everything = [o["slug"] for o in get_all("/v1/outlets")]
    assert sorted(free + STATE_OWNED) == everything
    assert len(everything) == 15 == int(sql_value("SELECT count(*) FROM outlets"))


def test_izvestia_is_pro_kremlin_but_not_recorded_as_state_owned():
    o = get_ok("/v1/outlets/izvestia")
    assert o["state_owned"] is False
    assert "not by the state" in o["note"]


def test_the_sources_tass_published():
    o = get_ok("/v1/outlets/tass")
    assert o["name"] == "TASS" and o["country"] == "RU" and o["url"] == "https://tass.com"
    assert [s["id"] for s in o["sources"]] == [9, 10, 11, 12, 19]
    assert source_ids(outlet="tass") == [9, 10, 11, 12, 19]
    assert [int(x) for x in sql_col(
        "SELECT s.id FROM sources s JOIN outlets o ON o.id = s.outlet_id WHERE o.slug = 'tass' "
        "ORDER BY s.id")] == [9, 10, 11, 12, 19]
    medvedev = [s for s in o["sources"] if s["id"] == 19][0]
    assert medvedev["published_on"] == "2023-08-23"


def test_seed_002_relays_the_washington_post_which_relays_tass_which_relays_united_russia():
    chain = []
    source = get_ok("/v1/sources/3")
    while True:
        chain.append(source["id"])
        if source["relays"] is None:
            break
        source = get_ok("/v1/sources/%d" % source["relays"]["id"])
    assert chain == [3, 6, 9, 8]
    wapo = get_ok("/v1/sources/3")["relays"]
    assert wapo["outlet"] == {"slug": "washington-post", "name": "The Washington Post",
                              "state_owned": False}
    assert wapo["published_on"] == "2022-03-31"
    assert get_ok("/v1/sources/9")["relays"]["outlet"]["slug"] == "united-russia-press-service"


def test_the_copy_in_seed_002_has_no_outlet_or_date_of_its_own():
    s = get_ok("/v1/sources/3")
    assert s["outlet"] is None
    assert s["published_on"] is None and s["published_precision"] is None
    assert s["statement_ids"] == list(range(3, 19))


def test_civil_ge_relays_izvestias_interview_with_gagloev():
    s = get_ok("/v1/sources/2")
    assert s["outlet"]["slug"] == "civil-ge"
    assert s["relays"]["id"] == 7
    assert s["relays"]["outlet"]["slug"] == "izvestia"
    assert s["relays"]["kind"] == "interview"
    assert s["published_on"] == "2024" and s["published_precision"] == "year"
    assert s["statement_ids"] == [24, 25, 26, 27, 28, 29, 30, 31, 37]


def test_seed_004_relays_ria_novosti():
    s = get_ok("/v1/sources/5")
    assert s["relays"]["id"] == 17
    assert s["relays"]["outlet"] == {"slug": "ria-novosti", "name": "RIA Novosti",
                                     "state_owned": True}
    assert "former South Ossetian president" in s["note"]


def test_the_jamnews_article():
    s = get_ok("/v1/sources/1")
    assert s["url"] == "https://jam-news.net/south-ossetia-and-russian-belarussian-union-state"
    assert s["outlet"]["slug"] == "jamnews"
    assert (s["published_on"], s["published_precision"]) == ("2024-08", "month")
    assert s["relays"] is None
    assert s["statement_ids"] == [19, 20, 21, 22] + list(range(37, 46))


def test_which_sources_relay_another():
    relays = {s["id"]: s["relays"]["id"] for s in get_all("/v1/sources", limit=200)
              if s["relays"] is not None}
    assert relays == {2: 7, 3: 6, 4: 9, 5: 17, 6: 9, 9: 8, 14: 15}
    in_db = {int(a): int(b) for a, b in sql_rows(
        "SELECT id, relays_source_id FROM sources WHERE relays_source_id IS NOT NULL")}
    assert relays == in_db


def test_all_26_sources_by_id():
    assert source_ids() == list(range(1, 27))
    assert source_ids(limit=200) == [int(x) for x in sql_col("SELECT id FROM sources ORDER BY id")]


@pytest.mark.parametrize("params,expected", [
    ({"kind": "telegram_post"}, [15]),
    ({"kind": "website_post"}, [16]),
    ({"kind": "press_release"}, [8]),
    ({"kind": "interview"}, [7]),
    ({"kind": "news_agency_report", "outlet": "tass"}, [9, 10, 11, 12, 19]),
    ({"lang": "ru"}, [7, 8, 9, 10, 11, 12, 15, 16, 17]),
    ({"lang": "ru", "outlet": "reuters"}, []),
    ({"outlet": "civil-ge"}, [2, 23, 24]),
    ({"outlet": "no-such-outlet"}, []),
])
def test_sources_by_kind_language_and_outlet(params, expected):
    assert source_ids(**params) == expected


def test_sources_by_language_agree_with_the_database():
    for lang in ("ru", "en"):
        assert source_ids(lang=lang) == [int(x) for x in sql_col(
            "SELECT id FROM sources WHERE language = '%s' ORDER BY id" % lang)]


def test_recognition_citations_have_urls():
    s = get_ok("/v1/sources/25")
    assert s["url"] == "https://agenda.ge/en/news/2014/842"
    assert s["statement_ids"] == []
    assert s["outlet"]["slug"] == "agenda-ge"


def test_an_unknown_source_or_outlet_is_404():
    assert fetch("/v1/sources/27").status == 404
    assert fetch("/v1/outlets/pravda").status == 404
