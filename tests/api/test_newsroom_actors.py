"""Newsroom: who is who. Name search over every spelling (case- and
accent-insensitive), kinds, and offices with dates. Expected answers come from
the actors and roles of db/seed/0001_south_ossetia.sql."""
import pytest

from conftest import get_all, get_ok, lit, sql_col, sql_value

STATES = ["belarus", "georgia", "nauru", "nicaragua", "russia", "syria", "tuvalu", "ukraine",
          "vanuatu", "venezuela"]


def slugs(**params):
    return [a["slug"] for a in get_all("/v1/actors", **params)]


@pytest.mark.parametrize("q,expected", [
    ("tskhinval", ["south-ossetia"]),
    ("Tskhinvali region", ["south-ossetia"]),
    ("TSKHINVALI", ["south-ossetia"]),
    ("samachablo", ["south-ossetia"]),
    ("State of Alania", ["south-ossetia"]),
    ("Южная Осетия", ["south-ossetia"]),
    ("gagloev", ["alan-gagloev"]),
    ("GAGLOEV", ["alan-gagloev"]),
    ("Gagloyev", ["alan-gagloev"]),
    ("Гаглоев", ["alan-gagloev"]),
    ("Zourabichvili", ["salome-zurabishvili"]),
    ("Salomé Zourabichvili", ["salome-zurabishvili"]),
    ("SALOMÉ", ["salome-zurabishvili"]),
    ("salome", ["salome-zurabishvili"]),
    ("Ossétie du Sud", ["south-ossetia"]),
    ("ossetie du sud", ["south-ossetia"]),
    ("OSSETIE", ["south-ossetia"]),
    ("Aliaksandr Lukashenka", ["alexander-lukashenko"]),
    ("Loukachenko", ["alexander-lukashenko"]),
    ("union state", ["union-state"]),
    ("Russia–Belarus", ["union-state"]),
    ("ossetia", ["parliament-of-south-ossetia", "south-ossetia", "united-ossetia"]),
    ("alan", ["alan-alborov", "alan-gagloev", "south-ossetia"]),  # "...State of Alania"
    ("FPRI", ["foreign-policy-research-institute"]),
    ("nobody-by-this-name", []),
])
def test_actor_name_search(q, expected, seeded):
    assert slugs(q=q) == expected


def test_tskhinval_finds_south_ossetia_in_the_database_too():
    in_db = sql_col("SELECT slug FROM actors WHERE name ILIKE '%tskhinval%' OR EXISTS "
                    "(SELECT 1 FROM unnest(other_names) n WHERE n ILIKE '%tskhinval%') "
                    "ORDER BY slug")
    assert in_db == ["south-ossetia"]


def test_name_search_with_an_accent_finds_the_unaccented_spelling_and_back():
    # The seed stores "Salomé Zourabichvili" (accented) and "Salome Zurabishvili".
    assert "Salomé Zourabichvili" in get_ok("/v1/actors/salome-zurabishvili")["other_names"]
    assert slugs(q="Zourabichvili") == slugs(q="Zourabíchvili") == ["salome-zurabishvili"]
    assert slugs(q="Ossetie") == slugs(q="Ossétie") == ["south-ossetia"]


def test_kind_state_lists_exactly_the_states_in_the_seed():
    assert slugs(kind="state") == STATES
    assert sql_col("SELECT slug FROM actors WHERE kind = 'state' ORDER BY slug") == STATES


@pytest.mark.parametrize("kind,expected", [
    ("territory", ["abkhazia", "south-ossetia"]),
    ("international_entity", ["union-state"]),
    ("party", ["fatherland", "united-ossetia", "united-russia"]),
    ("organization", ["foreign-policy-research-institute"]),
    ("government_body", ["georgian-ministry-of-foreign-affairs", "kremlin",
                         "parliament-of-south-ossetia", "russian-security-council"]),
])
def test_actors_of_each_kind(kind, expected):
    assert slugs(kind=kind) == expected
    assert sql_col("SELECT slug FROM actors WHERE kind = %s ORDER BY slug" % lit(kind)) == expected


def test_thirteen_people_and_thirty_four_actors_in_all():
    people = slugs(kind="person")
    assert len(people) == 13
    assert "alan-gagloev" in people and "maia-otarashvili" in people
    everyone = slugs()
    assert len(everyone) == 34 == int(sql_value("SELECT count(*) FROM actors"))
    assert everyone == sorted(everyone)


def test_kind_and_name_together():
    assert slugs(kind="person", q="alan") == ["alan-alborov", "alan-gagloev"]
    assert slugs(kind="state", q="ossetia") == []
    assert slugs(kind="territory", q="ossetia") == ["south-ossetia"]


def test_list_items_are_the_short_actor_shape():
    [so] = get_all("/v1/actors", q="tskhinval")
    assert set(so) == {"slug", "name", "kind", "country", "other_names", "description"}
    assert so["name"] == "South Ossetia" and so["kind"] == "territory" and so["country"] is None
    assert "Tskhinval" in so["other_names"]


def test_gagloev_is_president_of_south_ossetia_since_24_may_2022():
    a = get_ok("/v1/actors/alan-gagloev")
    assert a["name"] == "Alan Gagloev"
    assert a["kind"] == "person"
    role_id = int(sql_value(
        "SELECT r.id FROM roles r JOIN actors a ON a.id = r.actor_id "
        "WHERE a.slug = 'alan-gagloev'"))
    assert a["roles"] == [{
        "id": role_id,
        "title": "President of South Ossetia",
        "organization": {"slug": "south-ossetia", "name": "South Ossetia", "kind": "territory"},
        "start": "2022-05-24", "start_precision": "day", "end": None, "end_precision": None,
        "note": a["roles"][0]["note"]}]
    assert "former president" in a["roles"][0]["note"]


def test_roles_on_an_actor_carry_their_id_first_and_lead_to_the_role():
    """A client that wants to correct a role reaches it at /v1/roles/{id}."""
    for slug in ("alan-gagloev", "alan-alborov", "vyacheslav-gobozov", "david-zalkaliani"):
        for role in get_ok("/v1/actors/" + slug)["roles"]:
            assert list(role)[0] == "id" and isinstance(role["id"], int), role
            shown = get_ok("/v1/roles/%d" % role["id"])
            assert shown["title"] == role["title"]
            assert shown["start"] == role["start"] and shown["end"] == role["end"]


def test_bibilov_was_president_until_the_handover_on_24_may_2022():
    [role] = get_ok("/v1/actors/anatoly-bibilov")["roles"]
    assert (role["title"], role["start"], role["end"]) == (
        "President of South Ossetia", "2017-04-21", "2022-05-24")


def test_alborov_was_chairman_of_parliament_and_the_record_notes_the_spokesperson_error():
    a = get_ok("/v1/actors/alan-alborov")
    assert [(r["title"], r["start"], r["end"]) for r in a["roles"]] == [
        ("Chairman of the Parliament of South Ossetia", None, None)]
    assert a["roles"][0]["organization"]["slug"] == "parliament-of-south-ossetia"
    assert "spokesperson" in a["roles"][0]["note"]
    assert "spokesperson" in a["note"]


def test_only_dates_from_domain_md_are_stored_for_roles():
    """Term dates found in neither the seeds nor DOMAIN.md are not recorded."""
    dated = {}
    for slug in ("anatoly-bibilov", "alan-gagloev", "dmitry-peskov", "vladimir-putin",
                 "david-zalkaliani", "dmitry-medvedev", "alexander-lukashenko"):
        for r in get_ok(f"/v1/actors/{slug}")["roles"]:
            if r["start"] or r["end"]:
                dated[slug] = (r["start"], r["end"])
    assert dated == {"anatoly-bibilov": ("2017-04-21", "2022-05-24"),
                     "alan-gagloev": ("2022-05-24", None)}


def test_peskov_is_the_kremlin_spokesman_without_invented_dates():
    [role] = get_ok("/v1/actors/dmitry-peskov")["roles"]
    assert role["title"] == "Kremlin spokesman (Press Secretary of the President of Russia)"
    assert (role["start"], role["start_precision"]) == (None, None)
    assert role["organization"]["slug"] == "kremlin"


def test_roles_with_unknown_dates_have_null_dates_and_a_note():
    roles = get_ok("/v1/actors/vyacheslav-gobozov")["roles"]
    assert [r["title"] for r in roles] == ["State Advisor to the President of South Ossetia",
                                           "Chairman of the Fatherland party"]
    for r in roles:
        assert r["start"] is None and r["end"] is None
        assert r["start_precision"] is None and r["end_precision"] is None
        assert "August 2023" in r["note"]


def test_the_actor_detail_agrees_with_the_database():
    for slug in ("alan-gagloev", "david-zalkaliani", "south-ossetia", "union-state"):
        a = get_ok("/v1/actors/%s" % slug)
        assert a["name"] == sql_value("SELECT name FROM actors WHERE slug = %s" % lit(slug))
        titles = sql_col("SELECT r.title FROM roles r JOIN actors a ON a.id = r.actor_id WHERE "
                         "a.slug = %s ORDER BY r.start_date NULLS FIRST, r.id" % lit(slug))
        assert [r["title"] for r in a["roles"]] == titles
        assert a["statement_count"] == int(sql_value(
            "SELECT count(*) FROM statements s JOIN actors a ON a.id = s.actor_id "
            "WHERE a.slug = %s" % lit(slug)))


def test_a_territory_and_an_international_entity_have_no_roles():
    assert get_ok("/v1/actors/south-ossetia")["roles"] == []
    u = get_ok("/v1/actors/union-state")
    assert u["kind"] == "international_entity"
    assert u["name"] == "Union State of Russia and Belarus"
