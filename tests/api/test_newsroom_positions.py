"""Newsroom: positions over time. Who said what about a topic, in the order
they first took a stance (a topic's timeline); how one actor's position on each
topic changed (an actor's positions); how many stances of each kind fell in
each year, quarter or month (stats, ready for a chart).

Expected answers are the ones db/NEWSROOM.md lists for the seed, cross-checked
with psql queries over the stances table."""
import pytest

from conftest import assert_problem, fetch, get_all, get_ok, sql_rows

UNION_STATE = "south-ossetia-joins-union-state"
JOINS_RUSSIA = "south-ossetia-joins-russia"
ANONYMOUS = "a South Ossetian official, speaking anonymously to JAMnews"
CIRCLES = "political circles in South Ossetia (per JAMnews)"

# db/NEWSROOM.md, "Timeline of south-ossetia-joins-union-state":
# (speaker, first_said_on, current_position, [(statement, position)])
UNION_STATE_TIMELINE = [
    ("vyacheslav-gobozov", "2023-08", "supports", [(21, "supports")]),
    ("alan-gagloev", "2024-08", "supports", [(37, "supports")]),
    ("azamat-dzhanayev", "2024-08", "opposes", [(39, "conditional"), (40, "opposes")]),
    ("united-ossetia", "2024-08", "opposes", [(44, "opposes")]),
    (CIRCLES, "2024-08", "neutral", [(38, "neutral")]),
    (ANONYMOUS, "2024-08", "opposes", [(41, "opposes"), (42, "opposes")]),
]


def _speaker(item):
    return item["actor"]["slug"] if item["actor"] else item["attribution"]


def _timeline_summary(items):
    return [(_speaker(x), x["first_said_on"], x["current_position"],
             [(st["statement"]["id"], st["position"]) for st in x["stances"]]) for x in items]


def _stances_in_db(topic):
    """(speaker, statement id, position, said_on) of every stance on the topic."""
    return sql_rows(
        "SELECT coalesce(a.slug, s.attribution), s.id, st.position, s.said_on "
        "FROM stances st JOIN topics t ON t.id = st.topic_id "
        "JOIN statements s ON s.id = st.statement_id LEFT JOIN actors a ON a.id = s.actor_id "
        "WHERE t.slug = '%s' ORDER BY s.said_on, s.id" % topic)


# ---------------------------------------------------------------- a topic's timeline


def test_union_state_timeline_gobozov_spoke_a_year_before_gagloev():
    items = get_all("/v1/topics/%s/timeline" % UNION_STATE)
    assert _timeline_summary(items) == UNION_STATE_TIMELINE
    speakers = [_speaker(x) for x in items]
    assert speakers.index("vyacheslav-gobozov") < speakers.index("alan-gagloev")


def test_a_timeline_entry_has_the_speaker_their_stances_and_who_reported_them():
    items = get_all("/v1/topics/%s/timeline" % UNION_STATE)
    gobozov = items[0]
    assert list(gobozov) == ["actor", "attribution", "first_said_on", "last_said_on",
                             "current_position", "stances"]
    assert gobozov["actor"] == {"slug": "vyacheslav-gobozov", "name": "Vyacheslav Gobozov",
                                "kind": "person"}
    assert gobozov["attribution"] is None  # only speakers without actor show one
    assert gobozov["last_said_on"] == "2023-08"
    [stance] = gobozov["stances"]
    assert stance["said_on"] == "2023-08" and stance["said_precision"] == "month"
    assert stance["statement"]["kind"] == "paraphrase"
    [report] = stance["statement"]["reports"]
    assert report["source"]["id"] == 1
    assert report["source"]["outlet"] == {"slug": "jamnews", "name": "JAMnews",
                                          "state_owned": False}
    assert "Gobozov" in report["wording"]
    # Speakers without an actor are their attribution.
    anonymous = items[5]
    assert anonymous["actor"] is None and anonymous["attribution"] == ANONYMOUS
    # Dzhanayev set a condition, then opposed: his current position is his last.
    dzhanayev = items[2]
    assert [s["position"] for s in dzhanayev["stances"]] == ["conditional", "opposes"]
    assert dzhanayev["stances"][0]["condition"]


def test_the_timeline_holds_every_stance_on_the_topic_once():
    for topic in (UNION_STATE, JOINS_RUSSIA):
        items = get_all("/v1/topics/%s/timeline" % topic)
        shown = sorted((_speaker(x), st["statement"]["id"], st["position"])
                       for x in items for st in x["stances"])
        in_db = sorted((sp, int(i), pos) for sp, i, pos, _ in _stances_in_db(topic))
        assert shown == in_db, topic
        # Speakers come in the order of their first stance (first day of its period).
        firsts = [st["stances"][0]["said_on"] for st in items]
        starts = [(f + "-01-01")[:10] if len(f) == 4 else (f + "-01")[:10] for f in firsts]
        assert starts == sorted(starts), topic


def test_the_timeline_pages_one_speaker_at_a_time():
    whole = get_all("/v1/topics/%s/timeline" % UNION_STATE, limit=200)
    walked = get_all("/v1/topics/%s/timeline" % UNION_STATE, limit=1)
    assert walked == whole
    r = fetch("/v1/topics/%s/timeline?limit=2" % UNION_STATE)
    assert r.status == 200 and r.body["next_cursor"]
    assert 'rel="next"' in r.header("Link") and "cursor=" in r.header("Link")


def test_the_timeline_between_dates():
    before_2024 = get_all("/v1/topics/%s/timeline" % UNION_STATE, to="2023-12-31")
    assert _timeline_summary(before_2024) == UNION_STATE_TIMELINE[:1]
    since_2024 = get_all("/v1/topics/%s/timeline" % UNION_STATE, **{"from": "2024-01-01"})
    assert _timeline_summary(since_2024) == UNION_STATE_TIMELINE[1:]
    # A month-precision statement counts for any day of its month.
    mid_august = get_all("/v1/topics/%s/timeline" % UNION_STATE,
                         **{"from": "2024-08-20", "to": "2024-08-20"})
    assert [_speaker(x) for x in mid_august] == [s[0] for s in UNION_STATE_TIMELINE[1:]]


def test_a_timeline_of_a_topic_with_no_stances_is_empty():
    slugs = [t["slug"] for t in get_all("/v1/topics")]
    with_stances = {r[0] for r in sql_rows(
        "SELECT DISTINCT t.slug FROM topics t JOIN stances st ON st.topic_id = t.id")}
    for slug in slugs:
        items = get_all("/v1/topics/%s/timeline" % slug)
        assert bool(items) == (slug in with_stances), slug


@pytest.mark.parametrize("path", [
    "/v1/topics/no-such-topic/timeline",
    "/v1/topics/no-such-topic/timeline?from=2024-01-01",
    "/v1/actors/no-such-actor/positions",
])
def test_an_unknown_topic_or_actor_is_404(path):
    assert_problem(fetch(path), 404, code="not-found", instance=path.split("?")[0])


@pytest.mark.parametrize("query,parameter", [
    ("from=2024-13-01", "from"), ("to=yesterday", "to"), ("topic=x", "topic"),
    ("limit=0", "limit"), ("cursor=zzz", "cursor"), ("actor=alan-gagloev", "actor"),
])
def test_bad_timeline_parameters_are_400(query, parameter):
    r = fetch("/v1/topics/%s/timeline?%s" % (UNION_STATE, query))
    body = assert_problem(r, 400)
    assert body.get("parameter") == parameter, body


# ---------------------------------------------------------------- an actor's positions


def _changes(item):
    return [(c["from"], c["to"], c["said_on"], c["statements"]) for c in item["changes"]]


def _positions(slug):
    return {p["topic"]["slug"]: p for p in get_all("/v1/actors/%s/positions" % slug)}


def test_gagloevs_positions_per_topic_as_newsroom_md_lists_them():
    items = get_all("/v1/actors/alan-gagloev/positions")
    assert [p["topic"]["slug"] for p in items] == [
        "georgia-joins-eu", "south-ossetia-joins-eu", JOINS_RUSSIA, UNION_STATE,
        "states-recognize-south-ossetia"]
    by_topic = {p["topic"]["slug"]: p for p in items}
    current = {slug: (p["current"]["position"], p["current"]["said_on"],
                      p["current"]["statement_id"]) for slug, p in by_topic.items()}
    assert current == {
        "georgia-joins-eu": ("neutral", "2024", 30),
        "south-ossetia-joins-eu": ("opposes", "2024", 30),
        JOINS_RUSSIA: ("supports", "2024", 28),
        UNION_STATE: ("supports", "2024-08", 37),
        "states-recognize-south-ossetia": ("supports", "2024", 25),
    }
    assert _changes(by_topic["georgia-joins-eu"]) == [(None, "neutral", "2024", [30])]
    assert _changes(by_topic["south-ossetia-joins-eu"]) == [(None, "opposes", "2024", [30])]
    assert _changes(by_topic[UNION_STATE]) == [(None, "supports", "2024-08", [37])]
    assert _changes(by_topic["states-recognize-south-ossetia"]) == [
        (None, "supports", "2024", [24, 25])]


def test_gagloev_on_joining_russia_conditional_then_neutral_conditional_supports():
    p = _positions("alan-gagloev")[JOINS_RUSSIA]
    assert list(p) == ["topic", "current", "changes", "stances"]
    assert p["topic"] == {"slug": JOINS_RUSSIA,
                          "proposition": "South Ossetia should join the Russian Federation"}
    assert p["current"] == {"position": "supports", "condition": None, "said_on": "2024",
                            "statement_id": 28}
    assert _changes(p) == [
        (None, "conditional", "2022-05-30", [19]),
        ("conditional", "neutral", "2024", [26]),
        ("neutral", "conditional", "2024", [27]),
        ("conditional", "supports", "2024", [28]),
    ]
    assert [c["said_precision"] for c in p["changes"]] == ["day", "year", "year", "year"]
    assert [(s["statement_id"], s["position"]) for s in p["stances"]] == [
        (19, "conditional"), (26, "neutral"), (27, "conditional"), (28, "supports")]
    assert p["stances"][0]["condition"] == "only after consultations with Moscow"
    in_db = [(int(i), pos) for sp, i, pos, _ in _stances_in_db(JOINS_RUSSIA)
             if sp == "alan-gagloev"]
    assert in_db == [(19, "conditional"), (26, "neutral"), (27, "conditional"), (28, "supports")]


def test_a_run_of_the_same_position_on_one_day_is_one_change():
    bibilov = _positions("anatoly-bibilov")
    p = bibilov[JOINS_RUSSIA]
    assert _changes(p) == [(None, "supports", "2022-03-30", [14, 15])]
    # 18 (2022-05-13) repeats the position later: a stance, not a change.
    assert p["current"]["said_on"] == "2022-05-13" and p["current"]["statement_id"] == 18
    assert [s["statement_id"] for s in p["stances"]] == [14, 15, 18]
    q = bibilov["russia-invasion-of-ukraine-justified"]
    assert _changes(q) == [(None, "supports", "2022-03", [11])]
    assert q["current"]["statement_id"] == 13
    alborov = _positions("alan-alborov")
    assert list(alborov) == [JOINS_RUSSIA]
    assert _changes(alborov[JOINS_RUSSIA]) == [(None, "conditional", "2024-03-17", [35, 36])]


def test_positions_cover_every_topic_the_actor_took_a_stance_on():
    for slug in ("alan-gagloev", "anatoly-bibilov", "united-ossetia", "azamat-dzhanayev"):
        topics = sorted({r[0] for r in sql_rows(
            "SELECT DISTINCT t.slug FROM stances st JOIN topics t ON t.id = st.topic_id "
            "JOIN statements s ON s.id = st.statement_id JOIN actors a ON a.id = s.actor_id "
            "WHERE a.slug = '%s'" % slug)})
        assert sorted(_positions(slug)) == topics, slug


def test_an_actor_without_stances_has_no_positions_and_pages_walk():
    assert get_ok("/v1/actors/belarus/positions") == {"data": [], "next_cursor": None}
    whole = get_all("/v1/actors/alan-gagloev/positions", limit=200)
    assert get_all("/v1/actors/alan-gagloev/positions", limit=2) == whole
    assert_problem(fetch("/v1/actors/alan-gagloev/positions?actor=anatoly-bibilov"), 400,
                   code="unknown-parameter", parameter="actor")


# ---------------------------------------------------------------- stance counts per period


def _stats(**params):
    return get_ok("/v1/stats/stances", **params)


def _counts(body):
    return [(b["start"], b["counts"]) for b in body["buckets"]]


def _pos(s, o, c, n):
    return {"supports": s, "opposes": o, "conditional": c, "neutral": n}


def test_stances_on_joining_russia_per_year():
    body = _stats(topic=JOINS_RUSSIA, interval="year")
    assert {k: v for k, v in body.items() if k != "buckets"} == {
        "topic": JOINS_RUSSIA, "interval": "year", "from": "2022-01-01", "to": "2024-01-01",
        "group_by": "position"}
    assert _counts(body) == [("2022-01-01", _pos(4, 1, 1, 2)), ("2023-01-01", _pos(0, 0, 1, 0)),
                             ("2024-01-01", _pos(4, 0, 3, 1))]
    for bucket in body["buckets"]:
        assert list(bucket["counts"]) == ["supports", "opposes", "conditional", "neutral"]
    # psql: a stance counts in the year its statement's period starts.
    in_db = {}
    for _, _, position, said_on in _stances_in_db(JOINS_RUSSIA):
        key = said_on[:4] + "-01-01"
        in_db.setdefault(key, _pos(0, 0, 0, 0))[position] += 1
    assert {start: c for start, c in _counts(body) if any(c.values())} == in_db
    assert sum(sum(c.values()) for _, c in _counts(body)) == 17


def test_year_is_the_default_interval_and_position_the_default_grouping():
    assert _stats(topic=JOINS_RUSSIA) == _stats(topic=JOINS_RUSSIA, interval="year",
                                                group_by="position")


def test_stances_on_joining_russia_per_quarter_list_the_empty_quarters_too():
    body = _stats(topic=JOINS_RUSSIA, interval="quarter")
    starts = [b["start"] for b in body["buckets"]]
    assert len(starts) == 11
    expected_starts = ["%d-%02d-01" % (y, m) for y in (2022, 2023, 2024) for m in (1, 4, 7, 10)]
    assert starts == expected_starts[:11]
    assert (body["from"], body["to"]) == ("2022-01-01", "2024-07-01")
    counts = dict(_counts(body))
    nonzero = {k: v for k, v in counts.items() if any(v.values())}
    assert nonzero == {
        "2022-01-01": _pos(3, 1, 0, 2),
        "2022-04-01": _pos(1, 0, 1, 0),
        "2023-07-01": _pos(0, 0, 1, 0),
        "2024-01-01": _pos(1, 0, 3, 1),  # the year-precision 2024 statements count in January
        "2024-07-01": _pos(3, 0, 0, 0),
    }
    assert len(counts) - len(nonzero) == 6


def test_stances_on_the_union_state_per_actor_have_aligned_series():
    body = _stats(topic=UNION_STATE, interval="year", group_by="actor")
    keys = ["alan-gagloev", "azamat-dzhanayev", "united-ossetia", "vyacheslav-gobozov",
            "unattributed"]
    assert [list(c) for _, c in _counts(body)] == [keys, keys]
    assert _counts(body) == [
        ("2023-01-01", dict(zip(keys, [0, 0, 0, 1, 0]))),
        ("2024-01-01", dict(zip(keys, [1, 2, 1, 0, 3]))),
    ]


def test_stances_on_every_topic_per_year():
    body = _stats(interval="year")
    assert body["topic"] is None
    assert _counts(body) == [("2022-01-01", _pos(7, 6, 1, 2)), ("2023-01-01", _pos(3, 0, 3, 0)),
                             ("2024-01-01", _pos(8, 5, 4, 3))]
    total = int(sql_rows("SELECT count(*) FROM stances")[0][0])
    assert sum(sum(c.values()) for _, c in _counts(body)) == total == 42


def test_from_and_to_are_truncated_to_the_interval():
    body = _stats(topic=JOINS_RUSSIA, interval="month", **{"from": "2022-03-15",
                                                            "to": "2022-05-20"})
    assert (body["from"], body["to"]) == ("2022-03-01", "2022-05-01")
    assert [b["start"] for b in body["buckets"]] == ["2022-03-01", "2022-04-01", "2022-05-01"]
    # A range with no stance lists every bucket, with zeros.
    body = _stats(topic=JOINS_RUSSIA, **{"from": "2030-06-01", "to": "2031-02-01"})
    assert _counts(body) == [("2030-01-01", _pos(0, 0, 0, 0)), ("2031-01-01", _pos(0, 0, 0, 0))]


@pytest.mark.parametrize("query,parameter", [
    ("interval=week", "interval"), ("interval=", "interval"), ("group_by=speaker", "group_by"),
    ("from=2024-02-30", "from"), ("topic=Not_A_Slug", "topic"), ("format=csv", "format"),
    ("limit=5", "limit"), ("from=2024-01-01&to=2023-01-01", "to"),
])
def test_bad_stats_parameters_are_400(query, parameter):
    body = assert_problem(fetch("/v1/stats/stances?" + query), 400)
    assert body.get("parameter") == parameter, body


def test_stats_for_an_unknown_topic_is_404():
    assert_problem(fetch("/v1/stats/stances?topic=no-such-topic"), 404, code="not-found")


def test_too_many_buckets_is_400():
    body = assert_problem(
        fetch("/v1/stats/stances?interval=month&from=1900-01-01&to=2024-01-01"), 400,
        code="bad-parameter")
    assert "1000" in body["detail"]
    # Within the bound: 1000 months is a chart, not a mistake.
    ok = _stats(interval="month", **{"from": "1941-09-01", "to": "2024-12-31"})
    assert len(ok["buckets"]) == 1000
    assert sum(sum(b["counts"].values()) for b in ok["buckets"]) == 42


@pytest.mark.parametrize("query", [
    "interval=month&from=1900-01-01",   # to open: the last stance, August 2024
    "interval=month&to=2200-01-01",     # from open: the first stance, January 2022
])
def test_too_many_buckets_is_400_with_an_open_end_too(query):
    """An open end is the first or last stance: 1900-01 .. 2024-08 by month is
    1496 buckets, 2022-01 .. 2200-01 is 2137 (and to=9999-12-31 gives 95,736,
    10 MB of zeros). The bound must hold whether or not both ends are given."""
    body = assert_problem(fetch("/v1/stats/stances?" + query), 400, code="bad-parameter")
    assert body.get("parameter") in ("interval", "from", "to"), body
