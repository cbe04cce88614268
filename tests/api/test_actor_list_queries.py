"""One actor's statement list has its own queries (db/queries/
statements_{newest,oldest}_by_actor.sql, db/migrations/0012_actor_lists.sql),
planned once per connection, and so has one actor's list on one topic
(statements_{newest,oldest}_by_actor_topic.sql, read from topic_statements,
db/migrations/0013_topic_statements.sql). They must answer exactly what the
general list queries (statements_newest.sql, statements_oldest.sql) answer for
the same parameters: same rows, same order, same JSON, same sort keys.

Here both are prepared side by side in one psql session and run for every
actor in the database against a grid of filters built from that actor's own
records: each topic and position it took, each source and outlet that
reported it, date windows at and around its statement dates (periods known
to a month or a year included), languages, statuses, every cursor position
of its list, include= and fields=, and a page limit; and each of those again
with the first topic it took a stance on. The same goes for a topic's list with
no actor (statements_{newest,oldest}_by_topic.sql, 0015) and for a search
within a topic (statements_{newest,oldest}_by_topic_matching.sql, 0016), over
each topic's own grid. The comparison covers whatever the database holds (the
seed, plus records other tests wrote)."""
import base64
import os
import subprocess

import pytest

from conftest import DATABASE_URL, _psql_path, get_all, get_ok, lit, sql_rows

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
TYPES = ("text,text,text,bigint,text,date,date,text,text,text,text[],text[],boolean,"
         "date,bigint,bigint")
# (general query, special query, the filters a case must give for the special
# one: "actor", "actor topic", or "topic" with no actor)
PAIRS = [("statements_newest", "statements_newest_by_actor", "actor"),
         ("statements_oldest", "statements_oldest_by_actor", "actor"),
         ("statements_newest", "statements_newest_by_actor_topic", "actor topic"),
         ("statements_oldest", "statements_oldest_by_actor_topic", "actor topic"),
         ("statements_newest", "statements_newest_by_topic", "topic"),
         ("statements_oldest", "statements_oldest_by_topic", "topic")]


# Searches in date order with no actor have their own pairs, which pick one of
# two ways per request (db/migrations/0016_searches_by_date.sql): within a
# topic, and with no topic. The seed is small, so each way is also forced by
# changing the thresholds the query passes: "walk" never starts from the
# matches, "matches" always does.
SEARCH_PAIRS = [
    (general, "statements_%s%s" % (order, special), needs, way)
    for general, order in (("statements_newest", "newest"), ("statements_oldest", "oldest"))
    for special, needs in (("_by_topic_matching", "q topic"), ("_matching", "q"))
    for way in (None, "walk", "matches")]
# How a way is forced in a query: what is written there, and what replaces it.
WAYS = {
    "_by_topic_matching": [("2000, 2000)", {"walk": "1000000000, 0)",
                                            "matches": "-1, 1000000000)"})],
    "_matching": [("::text), 2000)", {"walk": "::text), -1)",
                                      "matches": "::text), 1000000000)"})],
    # relevance with a source or a topic ranked from every match, as with
    # other filters (the branches that rank one by one switched off)
    "statements_relevance": [
        ("WHERE $1::text IS NULL AND $4::bigint IS NULL AND NOT (SELECT walk_topic FROM d)",
         {"candidates": "WHERE $1::text IS NULL"}),
        ("WHERE $1::text IS NULL AND $4::bigint IS NOT NULL", {"candidates": "WHERE false"}),
        ("WHERE (SELECT walk_topic FROM d)", {"candidates": "WHERE false"}),
        # and within a topic, the topic's stances ranked one by one
        ("THEN onrecord_topic_rank_walks($2::text, x.tsq)", {"walk": "THEN true"})],
}


# A source's list, whatever else is given (statements_*_by_source.sql); and
# by relevance, its statements ranked one by one against every match ranked.
SOURCE_PAIRS = [("statements_newest", "statements_newest_by_source", "source"),
                ("statements_oldest", "statements_oldest_by_source", "source")]
RELEVANCE_SOURCE_PAIRS = [("statements_relevance", "statements_relevance", "source q",
                           "candidates")]
RELEVANCE_TOPIC_PAIRS = [("statements_relevance", "statements_relevance", "q topic", way)
                         for way in ("candidates", "walk")]
RELEVANCE_TYPES = TYPES.replace(",date,bigint,bigint", ",real,bigint,bigint")


def query_text(name, way=None):
    with open(os.path.join(ROOT, "db", "queries", name + ".sql"), encoding="utf-8") as f:
        text = "".join(line for line in f if not line.lstrip().startswith("--")).strip()
    if way:
        kind = max((k for k in WAYS if name.endswith(k)), key=len)
        changes = [(written, forced[way]) for written, forced in WAYS[kind] if way in forced]
        assert changes, (name, way)
        for written, replacement in changes:
            assert text.count(written) == 1, (name, written)
            text = text.replace(written, replacement)
    return text


def arg(v):
    return "NULL" if v is None else lit(str(v))


def cases_for(actor_id, slug):
    """Parameter tuples ($1..$16) for one actor's list, from its own records."""
    base = dict(actor=slug, topic=None, stance=None, source=None, outlet=None, frm=None,
                to=None, lang=None, status=None, include=None, fields=None, cur_day=None,
                cur_id=None, limit=None)
    out = [dict(base), dict(base, limit=3), dict(base, include="{actor,stances}"),
           dict(base, fields="{id,said_on,summary}", limit=2)]
    taken = sql_rows(
        "SELECT DISTINCT t.slug, st.position FROM stances st JOIN topics t ON t.id = st.topic_id "
        "JOIN statements s ON s.id = st.statement_id WHERE s.actor_id = %d ORDER BY 1, 2" % actor_id)
    for topic, position in taken:
        out += [dict(base, topic=topic), dict(base, topic=topic, stance=position),
                dict(base, stance=position), dict(base, topic=topic, stance="neutral")]
    for source, outlet in sql_rows(
            "SELECT DISTINCT r.source_id, o.slug FROM statement_reports r "
            "JOIN statements s ON s.id = r.statement_id JOIN sources src ON src.id = r.source_id "
            "LEFT JOIN outlets o ON o.id = src.outlet_id WHERE s.actor_id = %d "
            "ORDER BY 1 LIMIT 4" % actor_id):
        out.append(dict(base, source=source))
        if outlet:
            out.append(dict(base, outlet=outlet))
    days = sql_rows("SELECT DISTINCT said_on, said_until, said_on - 1, said_until + 1 "
                    "FROM statements WHERE actor_id = %d ORDER BY 1 LIMIT 6" % actor_id)
    for on, until, before, after in days:
        out += [dict(base, frm=on), dict(base, to=on), dict(base, frm=until),
                dict(base, to=before), dict(base, frm=after), dict(base, frm=on, to=until),
                dict(base, frm=before, to=after, limit=2)]
    for lang, status in sql_rows("SELECT DISTINCT language, status FROM statements "
                                 "WHERE actor_id = %d" % actor_id):
        out += [dict(base, lang=lang), dict(base, status=status),
                dict(base, lang="xx"), dict(base, status="retracted")]
    for day, sid in sql_rows("SELECT said_on, id FROM statements WHERE actor_id = %d "
                             "ORDER BY said_on, id LIMIT 12" % actor_id):
        out += [dict(base, cur_day=day, cur_id=sid), dict(base, cur_day=day, cur_id=sid, limit=2)]
    if taken:
        out += [dict(c, topic=taken[0][0]) for c in out if c["topic"] is None]
    out.append(dict(base, topic="no-such-topic-anywhere"))
    return out


def params(c):
    return [c["actor"], c["topic"], c["stance"], c["source"], c["outlet"], c["frm"], c["to"],
            c["lang"], c.get("q"), c["status"], c["include"], c["fields"], c.get("highlight"),
            c["cur_day"], c["cur_id"], c["limit"]]


def pairs_for(case, pairs=PAIRS):
    """The pairs (by index) a case runs through: those whose filters it gives,
    with no other of actor, topic and q (server/statements.c's narrowings)."""
    given = {f for f in ("actor", "topic", "q", "source") if case.get(f)}
    out = []
    for i, pair in enumerate(pairs):
        needs = set(pair[2].split())
        if "source" in needs:  # a source's query takes every other filter
            if needs <= given:
                out.append(i)
        elif needs <= given and ("actor" in needs or "actor" not in given) and \
                ("q" in needs or "q" not in given) and \
                not ("q" in needs and "topic" in given and "topic" not in needs):
            out.append(i)
    return out


def run_pairs(cases, pairs=PAIRS, types=TYPES):
    """Runs every case through both queries of each pair; returns their outputs."""
    lines = ["\\pset format unaligned", "\\pset tuples_only on", "\\pset fieldsep '\\t'"]
    for i, pair in enumerate(pairs):
        general, special = pair[:2]
        lines.append("PREPARE g%d(%s) AS %s;" % (i, types, query_text(general)))
        lines.append("PREPARE s%d(%s) AS %s;" % (i, types, query_text(special, *pair[3:])))
    for n, c in enumerate(cases):
        values = ",".join(arg(v) for v in params(c))
        for i in pairs_for(c, pairs):
            for side in ("g", "s"):
                lines.append("\\echo @@ %d %d %s" % (n, i, side))
                lines.append("EXECUTE %s%d(%s);" % (side, i, values))
    p = subprocess.run([_psql_path(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", DATABASE_URL],
                       input="\n".join(lines) + "\n", capture_output=True, text=True,
                       timeout=120,
                       env=dict(os.environ, PGOPTIONS="-c default_transaction_read_only=on"))
    assert p.returncode == 0, p.stderr
    outputs, key = {}, None
    for line in p.stdout.splitlines():
        if line.startswith("@@ "):
            _, n, i, side = line.split()
            key = (int(n), int(i), side)
            outputs[key] = []
        elif key is not None:
            outputs[key].append(line)
    return outputs


def cases_for_topic(topic_id, slug):
    """Parameter tuples for one topic's list with no actor, from its own stances:
    each position, the sources, outlets, dates, languages and statuses of the
    statements taking them, cursors, include= and fields=."""
    base = dict(cases_for(0, "x")[0], actor=None, topic=slug)
    of_topic = ("FROM statements s JOIN stances st ON st.statement_id = s.id "
                "WHERE st.topic_id = %d" % topic_id)
    out = [dict(base), dict(base, limit=3), dict(base, include="{actor,reports}"),
           dict(base, fields="{id,said_on,actor}", limit=2), dict(base, stance="neutral"),
           dict(base, lang="xx"), dict(base, status="retracted")]
    for (position,) in sql_rows("SELECT DISTINCT st.position %s ORDER BY 1" % of_topic):
        out += [dict(base, stance=position), dict(base, stance=position, limit=2)]
    for source, outlet in sql_rows(
            "SELECT DISTINCT r.source_id, o.slug %s AND TRUE AND r.statement_id = s.id "
            "ORDER BY 1 LIMIT 6" % of_topic.replace(
                "FROM statements s", "FROM statement_reports r JOIN sources src "
                "ON src.id = r.source_id LEFT JOIN outlets o ON o.id = src.outlet_id, "
                "statements s")):
        out.append(dict(base, source=source))
        if outlet:
            out.append(dict(base, outlet=outlet))
    for on, until, before, after in sql_rows(
            "SELECT DISTINCT s.said_on, s.said_until, s.said_on - 1, s.said_until + 1 %s "
            "ORDER BY 1 LIMIT 8" % of_topic):
        out += [dict(base, frm=on), dict(base, to=on), dict(base, frm=until),
                dict(base, to=before), dict(base, frm=after), dict(base, frm=on, to=until),
                dict(base, frm=before, to=after, limit=2)]
    for lang, status in sql_rows("SELECT DISTINCT s.language, s.status %s" % of_topic):
        out += [dict(base, lang=lang), dict(base, status=status)]
    for day, sid in sql_rows("SELECT DISTINCT s.said_on, s.id %s ORDER BY 1, 2 LIMIT 16"
                             % of_topic):
        out += [dict(base, cur_day=day, cur_id=sid), dict(base, cur_day=day, cur_id=sid, limit=2)]
    return out


@pytest.fixture(scope="module")
def actors():
    return [(int(i), s) for i, s in sql_rows(
        "SELECT a.id, a.slug FROM actors a WHERE EXISTS "
        "(SELECT 1 FROM statements s WHERE s.actor_id = a.id) ORDER BY a.id")]


def test_the_seed_has_actors_with_several_statements_to_compare(seeded, actors):
    slugs = [s for _, s in actors]
    assert "alan-gagloev" in slugs and "anatoly-bibilov" in slugs


def test_an_actors_list_queries_answer_exactly_as_the_general_ones(seeded, actors):
    cases = [c for actor_id, slug in actors for c in cases_for(actor_id, slug)]
    # An actor no one has heard of: no rows either way.
    cases.append(dict(cases_for(actors[0][0], "no-such-actor-anywhere")[0]))
    # Each topic's list with no actor (the topic queries), and a topic no one
    # has heard of.
    for topic_id, slug in sql_rows("SELECT t.id, t.slug FROM topics t WHERE EXISTS "
                                   "(SELECT 1 FROM stances st WHERE st.topic_id = t.id) "
                                   "ORDER BY t.id"):
        cases += cases_for_topic(int(topic_id), slug)
    cases.append(dict(cases_for_topic(0, "no-such-topic-anywhere")[0]))
    outputs = run_pairs(cases)
    compared = [0] * len(PAIRS)
    nonempty = [0] * len(PAIRS)
    for n, c in enumerate(cases):
        for i in pairs_for(c):
            general, special, _ = PAIRS[i]
            g, s = outputs[(n, i, "g")], outputs[(n, i, "s")]
            assert s == g, "%s and %s differ for %r" % (general, special, c)
            compared[i] += 1
            nonempty[i] += bool(g)
    # The grid is not vacuous: each pair compared many lists, half of them or more
    # with rows.
    for i in range(len(PAIRS)):
        assert compared[i] >= 200, PAIRS[i]
        assert nonempty[i] * 2 >= compared[i], (PAIRS[i], nonempty[i], compared[i])


def topic_searches(topic_id):
    """What to search one topic for: the longest word of a few of its
    statements' wordings, names, a phrase, a negation, Cyrillic, a stop word,
    a word nowhere."""
    words = [w for (w,) in sql_rows(
        "SELECT (SELECT x FROM regexp_split_to_table(r.wording, '[^[:alpha:]]+') x "
        "        ORDER BY length(x) DESC, x LIMIT 1) "
        "FROM statement_reports r JOIN stances st ON st.statement_id = r.statement_id "
        "WHERE st.topic_id = %d ORDER BY r.statement_id, r.source_id LIMIT 3" % topic_id) if w]
    return words + ["Russia", "gagloev", '"joining Russia"', "russia -referendum",
                    "россия", "the", "zzzqqqnowhere"]


def test_searches_by_date_answer_exactly_as_the_general_queries(seeded):
    """q= with no actor runs statements_*_by_topic_matching.sql with topic=, and
    statements_*_matching.sql without; both of each one's ways (forced) and its
    own choice must answer as the general queries do, over each topic's grid
    with a search on every case, with the topic and (its other filters) without."""
    cases = []
    for topic_id, slug in sql_rows("SELECT t.id, t.slug FROM topics t WHERE EXISTS "
                                   "(SELECT 1 FROM stances st WHERE st.topic_id = t.id) "
                                   "ORDER BY t.id"):
        qs = topic_searches(int(topic_id))
        grid = cases_for_topic(int(topic_id), slug)
        grid += [dict(grid[0], q=q) for q in qs]
        grid += [dict(grid[0], q=qs[0], highlight=True, include="{reports}"),
                 dict(grid[0], q="Russia", highlight=True, limit=1)]
        searched = [dict(c, q=c.get("q") or qs[n % len(qs)]) for n, c in enumerate(grid)]
        cases += searched + [dict(c, topic=None) for c in searched]
    cases.append(dict(cases_for_topic(0, "no-such-topic-anywhere")[0], q="Russia"))
    outputs = run_pairs(cases, SEARCH_PAIRS)
    compared = [0] * len(SEARCH_PAIRS)
    nonempty = [0] * len(SEARCH_PAIRS)
    for n, c in enumerate(cases):
        for i in pairs_for(c, SEARCH_PAIRS):
            general, special, _, way = SEARCH_PAIRS[i]
            g, s = outputs[(n, i, "g")], outputs[(n, i, "s")]
            assert s == g, "%s (%s) and %s differ for %r" % (special, way, general, c)
            compared[i] += 1
            nonempty[i] += bool(g)
    for i in range(len(SEARCH_PAIRS)):
        assert compared[i] >= 200, SEARCH_PAIRS[i]
        assert nonempty[i] * 4 >= compared[i], (SEARCH_PAIRS[i], nonempty[i], compared[i])
    # By relevance within a topic: as shipped, with every match ranked, and
    # with the topic's stances ranked one by one, all the same (rank cursors
    # are left to the API tests).
    within = [dict(c, cur_day=None, cur_id=None) for c in cases if c["topic"]]
    outputs = run_pairs(within, RELEVANCE_TOPIC_PAIRS, RELEVANCE_TYPES)
    for i, (_, _, _, way) in enumerate(RELEVANCE_TOPIC_PAIRS):
        ranked = [(outputs[(n, i, "g")], outputs[(n, i, "s")]) for n in range(len(within))]
        for c, (g, s) in zip(within, ranked):
            assert s == g, "relevance within a topic (%s) differs for %r" % (way, c)
        assert len(ranked) >= 400 and sum(bool(g) for g, _ in ranked) * 4 >= len(ranked)


def cases_for_source(source_id):
    """Parameter tuples for one source's list, from the statements it reported:
    their actors, topics, positions, words, dates, languages, statuses, and
    cursors; include=, fields=, limits."""
    base = dict(cases_for(0, "x")[0], actor=None, source=source_id)
    out = [dict(base), dict(base, limit=1), dict(base, include="{actor,reports,stances}"),
           dict(base, fields="{id,said_on}", limit=2), dict(base, lang="xx"),
           dict(base, status="retracted"), dict(base, q="Russia"), dict(base, q="zzzqqqnowhere"),
           dict(base, stance="neutral")]
    rows = sql_rows(
        "SELECT s.id, s.said_on, s.said_until, a.slug, s.language, s.status, "
        "  (SELECT x FROM regexp_split_to_table(r.wording, '[^[:alpha:]]+') x "
        "   ORDER BY length(x) DESC, x LIMIT 1), "
        "  (SELECT t.slug || ' ' || st.position FROM stances st JOIN topics t "
        "   ON t.id = st.topic_id WHERE st.statement_id = s.id ORDER BY t.slug LIMIT 1) "
        "FROM statement_reports r JOIN statements s ON s.id = r.statement_id "
        "LEFT JOIN actors a ON a.id = s.actor_id WHERE r.source_id = %d "
        "ORDER BY s.said_on, s.id LIMIT 6" % source_id)
    for sid, on, until, actor, lang, status, word, taken in rows:
        out += [dict(base, cur_day=on, cur_id=sid), dict(base, cur_day=on, cur_id=sid, limit=1),
                dict(base, frm=on), dict(base, to=on), dict(base, frm=until, to=until),
                dict(base, lang=lang), dict(base, status=status)]
        if actor:
            out += [dict(base, actor=actor), dict(base, actor=actor, q="Russia")]
        if word:
            out += [dict(base, q=word), dict(base, q=word, highlight=True)]
        if taken:
            topic, position = taken.split()
            out += [dict(base, topic=topic), dict(base, topic=topic, stance=position),
                    dict(base, stance=position), dict(base, topic=topic, q=word or "Russia")]
    return out


def test_a_sources_list_answers_exactly_as_the_general_queries(seeded):
    """source= runs statements_*_by_source.sql, whatever else is given: for every
    source of the database, over a grid from the statements it reported, it
    answers as the general queries do."""
    cases = [c for (sid,) in sql_rows("SELECT id FROM sources ORDER BY id")
             for c in cases_for_source(int(sid))]
    outputs = run_pairs(cases, SOURCE_PAIRS)
    compared, nonempty = [0, 0], [0, 0]
    for n, c in enumerate(cases):
        for i in pairs_for(c, SOURCE_PAIRS):
            general, special, _ = SOURCE_PAIRS[i]
            g, s = outputs[(n, i, "g")], outputs[(n, i, "s")]
            assert s == g, "%s and %s differ for %r" % (general, special, c)
            compared[i] += 1
            nonempty[i] += bool(g)
    for i in range(len(SOURCE_PAIRS)):
        assert compared[i] >= 500, SOURCE_PAIRS[i]
        assert nonempty[i] * 2 >= compared[i], (SOURCE_PAIRS[i], nonempty[i], compared[i])
    # By relevance (a search is needed; rank cursors are left to the API test).
    searches = [dict(c, q=c.get("q") or "Russia", cur_day=None, cur_id=None) for c in cases]
    outputs = run_pairs(searches, RELEVANCE_SOURCE_PAIRS, RELEVANCE_TYPES)
    ranked = [(outputs[(n, 0, "g")], outputs[(n, 0, "s")]) for n in range(len(searches))]
    for c, (g, s) in zip(searches, ranked):
        assert s == g, "relevance with a source, ranked one by one and from every match, " \
                       "differ for %r" % c
    assert len(ranked) >= 500 and sum(bool(g) for g, _ in ranked) * 2 >= len(ranked)


def test_alan_gagloevs_list_through_the_api_walks_back_in_pages(seeded):
    """The API runs the actor queries for actor= (and /v1/actors/{slug}/statements):
    a three-a-page walk returns the same statements as one page, newest first."""
    whole = get_ok("/v1/statements", actor="alan-gagloev", limit=200)["data"]
    paged = get_all("/v1/statements", actor="alan-gagloev", limit=3)
    assert [x["id"] for x in paged] == [x["id"] for x in whole]
    assert len(whole) >= 5
    days = [x["said_on"] for x in whole]
    assert days == sorted(days, reverse=True)
    nested = get_all("/v1/actors/alan-gagloev/statements", limit=3, sort="said_on")
    # Oldest first is the exact reverse: both orders are (said_on, id).
    assert [x["id"] for x in nested] == [x["id"] for x in reversed(whole)]


def cursor_query(cursor):
    """The name of the list query a next_cursor was made by (its second field)."""
    raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    return raw.split("\t")[1]


@pytest.mark.parametrize("sort,query", [(None, "statements_newest_by_actor_topic"),
                                        ("said_on", "statements_oldest_by_actor_topic")])
def test_what_gagloev_said_on_joining_russia_comes_from_the_topic_queries(seeded, sort, query):
    """actor= with topic= runs the topic queries (their name is in the cursor), in
    pages of one, through /v1/statements and the actor's own list alike."""
    newest = [28, 27, 26, 19]
    expected = newest if sort is None else newest[::-1]
    args = dict(topic="south-ossetia-joins-russia", limit=1)
    if sort:
        args["sort"] = sort
    first = get_ok("/v1/statements", actor="alan-gagloev", **args)
    assert cursor_query(first["next_cursor"]) == query
    assert [x["id"] for x in get_all("/v1/statements", actor="alan-gagloev", **args)] == expected
    assert [x["id"] for x in get_all("/v1/actors/alan-gagloev/statements", **args)] == expected
    # Without the actor the topic-only queries answer; with q as well, the
    # general ones, which walk the actor's statements.
    assert cursor_query(get_ok("/v1/statements", **args)["next_cursor"]) != query
    general = "statements_newest" if sort is None else "statements_oldest"
    assert cursor_query(get_ok("/v1/statements", actor="alan-gagloev", q="Russia",
                               **args)["next_cursor"]) == general


@pytest.mark.parametrize("sort,query", [(None, "statements_newest_by_topic"),
                                        ("said_on", "statements_oldest_by_topic")])
def test_who_puts_conditions_on_joining_russia_since_2022_comes_from_the_topic_queries(
        seeded, sort, query):
    """topic= with no actor runs the topic-only queries (their name is in the
    cursor): Alborov twice in March 2024, Gagloev in 2024, Medvedev in August
    2023, Gagloev suspending the referendum in May 2022, in pages of one."""
    newest = [36, 35, 27, 23, 19]
    expected = newest if sort is None else [19, 23, 27, 35, 36]
    args = dict(topic="south-ossetia-joins-russia", stance="conditional", limit=1)
    args["from"] = "2022-01-01"
    if sort:
        args["sort"] = sort
    first = get_ok("/v1/statements", **args)
    assert cursor_query(first["next_cursor"]) == query
    assert [x["id"] for x in get_all("/v1/statements", **args)] == expected
    assert [x["id"] for x in get_ok("/v1/statements", **dict(args, limit=50))["data"]] == expected


@pytest.mark.parametrize("sort,query", [(None, "statements_newest_by_topic_matching"),
                                        ("said_on", "statements_oldest_by_topic_matching")])
def test_who_spoke_of_a_referendum_on_joining_russia_comes_from_the_topic_search(
        seeded, sort, query):
    """q= with topic= and no actor runs the topic search queries (their name is
    in the cursor): the statements on South Ossetia joining Russia whose
    reports mention a referendum, from August 2024 back to March 2022, in
    pages of one; the same as the wordings say."""
    newest = [45, 19, 18, 17, 14]
    expected = newest if sort is None else newest[::-1]
    args = dict(q="referendum", topic="south-ossetia-joins-russia", limit=1)
    if sort:
        args["sort"] = sort
    assert cursor_query(get_ok("/v1/statements", **args)["next_cursor"]) == query
    assert [x["id"] for x in get_all("/v1/statements", **args)] == expected
    assert sorted(newest) == [int(i) for (i,) in sql_rows(
        "SELECT DISTINCT r.statement_id FROM statement_reports r "
        "JOIN stances st ON st.statement_id = r.statement_id "
        "JOIN topics t ON t.id = st.topic_id "
        "WHERE t.slug = 'south-ossetia-joins-russia' AND r.wording ILIKE '%referend%' "
        "ORDER BY 1")]


@pytest.mark.parametrize("sort,query", [(None, "statements_newest_by_source"),
                                        ("said_on", "statements_oldest_by_source")])
def test_what_the_utopia_and_demagogy_article_reported_comes_from_the_source_queries(
        seeded, sort, query):
    """source= runs the source queries (their name is in the cursor), with q too:
    the thirteen statements source 1 ("Utopia and demagogy") reports, newest
    first, in pages of five; and the two of them whose reports speak of a
    referendum (August 2024 and May 2022)."""
    newest = [45, 44, 43, 42, 41, 40, 39, 38, 37, 22, 21, 20, 19]
    args = dict(source=1, limit=5)
    if sort:
        args["sort"] = sort
    assert cursor_query(get_ok("/v1/statements", **args)["next_cursor"]) == query
    got = [x["id"] for x in get_all("/v1/statements", **args)]
    assert got == (newest if sort is None else newest[::-1])
    with_q = [x["id"] for x in get_all("/v1/statements", q="referendum", **args)]
    expected = [int(i) for (i,) in sql_rows(
        "SELECT DISTINCT r.statement_id FROM statement_reports r "
        "JOIN statement_reports mine ON mine.statement_id = r.statement_id "
        "AND mine.source_id = 1 WHERE r.wording ILIKE '%referend%' ORDER BY 1")]
    assert sorted(with_q) == expected == [19, 45]
    assert with_q == [i for i in got if i in expected]


def test_the_utopia_articles_statements_on_russia_by_relevance_page_as_one_list(seeded):
    """Relevance with a source ranks that source's statements one by one: four
    of them mention Russia, best first (45 and 40 tie, so the higher id comes
    first), the same in pages of one as in one page."""
    args = dict(source=1, q="Russia", sort="relevance")
    whole = get_ok("/v1/statements", limit=50, **args)["data"]
    assert [x["id"] for x in whole] == [44, 19, 45, 40]
    assert whole[2]["score"] == whole[3]["score"]
    assert [x["id"] for x in get_all("/v1/statements", limit=1, **args)] == \
        [x["id"] for x in whole]
    scores = [x["score"] for x in whole]
    assert scores == sorted(scores, reverse=True) and scores[-1] > 0


def test_the_referendum_on_joining_russia_by_relevance_pages_as_one_list(seeded):
    """Relevance within a topic ranks the topic's matching statements one by
    one (the seed's topics are small): the five on South Ossetia joining
    Russia that speak of a referendum, best first (19 and 18 tie, so the
    higher id comes first), the same in pages of one as in one page."""
    args = dict(topic="south-ossetia-joins-russia", q="referendum", sort="relevance")
    whole = get_ok("/v1/statements", limit=50, **args)["data"]
    assert [x["id"] for x in whole] == [17, 19, 18, 45, 14]
    assert whole[1]["score"] == whole[2]["score"]
    assert [x["id"] for x in get_all("/v1/statements", limit=1, **args)] == [17, 19, 18, 45, 14]
