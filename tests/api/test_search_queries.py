"""A search box query alone (q=...&sort=relevance, no other filter) has its own
query, db/queries/statements_search.sql, which ranks the matches without
joining them to the general filter; and relevance pages build their items from
the rank they already know (onrecord_statement_ranked_item,
db/migrations/0014_search_items.sql) instead of ranking each statement again.

Both must answer exactly what they replace:
- statements_search.sql what statements_relevance.sql answers for the same
  parameters (same rows, order, JSON and sort keys), over a grid of searches
  built from the database's own wordings and actor names, with every cursor
  position, include=, fields=, highlight= and page limits;
- onrecord_statement_ranked_item what onrecord_statement_item_json gives, for
  every statement each search finds, given the rank the candidates carry, which
  must be onrecord_statement_rank's."""
import json
import os
import subprocess

import pytest

from conftest import DATABASE_URL, _psql_path, get_all, get_ok, lit, sql_rows
from test_actor_list_queries import cursor_query, query_text

TYPES = ("text,text,text,bigint,text,date,date,text,text,text,text[],text[],boolean,"
         "real,bigint,bigint")
# Beyond the wordings' own words: a phrase, a negation, OR, Cyrillic in two
# cases, an accent, stop words only, and a word found nowhere.
EXTRA_SEARCHES = ['"union state"', "union -state", "russia or georgia", "Гаглоев", "ГАГЛОЕВ",
                  "Южная Осетия", "Бибилов", "référendum", "the of", "zzqxwvj"]


def arg(v):
    return "NULL" if v is None else lit(str(v))


def psql(lines):
    p = subprocess.run([_psql_path(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", DATABASE_URL],
                       input="\n".join(["\\pset format unaligned", "\\pset tuples_only on",
                                        "\\pset fieldsep '\\t'"] + lines) + "\n",
                       capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, PGOPTIONS="-c default_transaction_read_only=on"))
    assert p.returncode == 0, p.stderr
    outputs, key = {}, None
    for line in p.stdout.splitlines():
        if line.startswith("@@ "):
            key = line[3:]
            outputs[key] = []
        elif key is not None:
            outputs[key].append(line)
    return outputs


def values(q, include=None, fields=None, highlight=None, rank=None, sid=None, limit=None,
           actor=None):
    return ",".join(arg(v) for v in [actor, None, None, None, None, None, None, None, q, None,
                                      include, fields, highlight, rank, sid, limit])


@pytest.fixture(scope="module")
def searches(seeded):
    """Words of four letters or more from the wordings (every tenth, so both
    languages and rare and common words come in), actor names, and the extras."""
    words = [w for (w,) in sql_rows(
        "SELECT w FROM (SELECT DISTINCT lower(w) AS w FROM statement_reports, "
        "regexp_split_to_table(wording, '[^[:alpha:]]+') AS w WHERE length(w) >= 4) x "
        "ORDER BY w")]
    names = [n for (n,) in sql_rows(
        "SELECT DISTINCT split_part(name, ' ', -1) FROM actors a WHERE EXISTS "
        "(SELECT 1 FROM statements s WHERE s.actor_id = a.id) ORDER BY 1")]
    return words[::10] + names[:12] + EXTRA_SEARCHES


def first_pages(searches):
    """Each search's whole ranked list from the general query: [(rank, id)]."""
    lines = ["PREPARE g(%s) AS %s;" % (TYPES, query_text("statements_relevance"))]
    for n, q in enumerate(searches):
        lines += ["\\echo @@ %d" % n, "EXECUTE g(%s);" % values(q, fields="{id}")]
    out = psql(lines)
    return [[tuple(line.split("\t")[1:]) for line in out[str(n)]] for n in range(len(searches))]


def test_a_search_alone_answers_exactly_as_the_general_relevance_query(searches):
    lists = first_pages(searches)
    cases = []
    for q, ranked in zip(searches, lists):
        cases += [dict(q=q), dict(q=q, limit=1), dict(q=q, limit=3),
                  dict(q=q, include="{actor,stances}"), dict(q=q, include="{reports}", limit=2),
                  dict(q=q, fields="{id,score,summary}"), dict(q=q, highlight="true"),
                  dict(q=q, fields="{highlight,id}", highlight="true", limit=2)]
        for rank, sid in ranked[:12]:
            cases += [dict(q=q, rank=rank, sid=sid, limit=2), dict(q=q, rank=rank, sid=sid)]
    lines = ["PREPARE g(%s) AS %s;" % (TYPES, query_text("statements_relevance")),
             "PREPARE s(%s) AS %s;" % (TYPES, query_text("statements_search"))]
    for n, c in enumerate(cases):
        for side in ("g", "s"):
            lines += ["\\echo @@ %d %s" % (n, side), "EXECUTE %s(%s);" % (side, values(**c))]
    out = psql(lines)
    nonempty = 0
    for n, c in enumerate(cases):
        assert out["%d s" % n] == out["%d g" % n], c
        nonempty += bool(out["%d g" % n])
    # The grid is not vacuous: many lists, most with rows, some long.
    assert len(cases) >= 500
    assert nonempty * 4 >= len(cases) * 3, (nonempty, len(cases))
    assert max(len(r) for r in lists) >= 10


def test_the_search_query_takes_no_row_with_another_filter_given(seeded):
    """server/statements.c runs it only without other filters; given one anyway,
    it answers nothing rather than a wrong page."""
    lines = ["PREPARE s(%s) AS %s;" % (TYPES, query_text("statements_search")),
             "\\echo @@ alone", "EXECUTE s(%s);" % values("russia"),
             "\\echo @@ actor", "EXECUTE s(%s);" % values("russia", actor="alan-gagloev")]
    out = psql(lines)
    assert len(out["alone"]) >= 5 and out["actor"] == []


def test_a_ranked_item_is_the_general_item_for_every_match(searches):
    """For every statement each search finds: the rank the candidates carry is
    onrecord_statement_rank's, and the item built from it is, key by key and in
    the same key order, onrecord_statement_item_json's."""
    checked = 0
    for q in searches:
        rows = sql_rows(
            "SELECT c.rank = onrecord_statement_rank(s, onrecord_tsquery(%s)), "
            "onrecord_statement_ranked_item(s, a, NULL, NULL, %s, NULL, c.rank)::text, "
            "onrecord_statement_item_json(s, NULL, NULL, onrecord_tsquery(%s), NULL)::text "
            "FROM onrecord_statement_candidates(onrecord_tsquery(%s)) c "
            "JOIN statements s ON s.id = c.id LEFT JOIN actors a ON a.id = s.actor_id"
            % (lit(q), lit(q), lit(q), lit(q)))
        for same_rank, ranked, general in rows:
            assert same_rank == "t", q
            r = json.loads(ranked, object_pairs_hook=list)
            g = json.loads(general, object_pairs_hook=list)
            assert r == g, q
            assert [k for k, _ in r][-1] == "score"
            checked += 1
    assert checked >= 200, checked


def test_who_said_russia_ranks_the_same_in_pages_of_one_as_in_one_page(seeded):
    """q alone runs the search query (its name is in the cursor); a one-a-page
    walk gives the same statements, best first, as a page of 200."""
    whole = get_ok("/v1/statements", q="Russia", sort="relevance", limit=200)["data"]
    assert len(whole) >= 10
    scores = [x["score"] for x in whole]
    assert scores == sorted(scores, reverse=True)
    first = get_ok("/v1/statements", q="Russia", sort="relevance", limit=1)
    assert cursor_query(first["next_cursor"]) == "statements_search"
    paged = get_all("/v1/statements", q="Russia", sort="relevance", limit=1)
    assert [(x["id"], x["score"]) for x in paged] == [(x["id"], x["score"]) for x in whole]
    # include= and highlight= keep the search query; the items grow.
    rich = get_ok("/v1/statements", q="Russia", sort="relevance", limit=1, include="actor",
                  highlight=1)
    assert cursor_query(rich["next_cursor"]) == "statements_search"
    assert "<mark>" in rich["data"][0]["highlight"]
    assert rich["data"][0]["score"] == whole[0]["score"]


@pytest.mark.parametrize("path,args", [
    ("/v1/statements", dict(actor="alan-gagloev")),
    ("/v1/actors/alan-gagloev/statements", {}),
    ("/v1/statements", dict(topic="south-ossetia-joins-russia")),
    ("/v1/statements", {"from": "2022-01-01"}),
    ("/v1/statements", dict(lang="ru")),
    ("/v1/statements", dict(status="published")),
])
def test_a_search_with_another_filter_runs_the_general_relevance_query(seeded, path, args):
    """Any other filter, from the query string or the path, keeps the general
    query, and its answer is the filtered subset of the search alone, in order."""
    found = get_all(path, q="Russia", sort="relevance", limit=2, **args)
    assert len(found) >= 2, args
    page = get_ok(path, q="Russia", sort="relevance", limit=1, **args)
    assert cursor_query(page["next_cursor"]) == "statements_relevance"
    alone = [x["id"] for x in get_all("/v1/statements", q="Russia", sort="relevance", limit=200)]
    ids = [x["id"] for x in found]
    assert ids == [i for i in alone if i in set(ids)]



def test_a_search_with_an_actor_ranks_exactly_that_actors_share_of_the_search(searches):
    """statements_relevance.sql with an actor ranks the actor's matching statements
    one by one; the answer must be, row for row, the search alone's rows for that
    actor's statements, for every actor and search, in pages and whole."""
    actors = sql_rows("SELECT a.id, a.slug FROM actors a WHERE EXISTS "
                      "(SELECT 1 FROM statements s WHERE s.actor_id = a.id) ORDER BY a.id")
    owner = dict(sql_rows("SELECT id, coalesce(actor_id, 0) FROM statements"))
    lines = ["PREPARE g(%s) AS %s;" % (TYPES, query_text("statements_relevance")),
             "PREPARE s(%s) AS %s;" % (TYPES, query_text("statements_search"))]
    for n, q in enumerate(searches):
        lines += ["\\echo @@ s %d" % n, "EXECUTE s(%s);" % values(q)]
        for actor_id, slug in actors:
            lines += ["\\echo @@ g %d %s" % (n, actor_id),
                      "EXECUTE g(%s);" % values(q, actor=slug)]
    out = psql(lines)
    nonempty = 0
    for n, q in enumerate(searches):
        alone = out["s %d" % n]
        for actor_id, _ in actors:
            expected = [row for row in alone if owner[row.split("\t")[2]] == actor_id]
            assert out["g %d %s" % (n, actor_id)] == expected, (q, actor_id)
            nonempty += bool(expected)
    assert nonempty >= 50, nonempty


def test_an_english_search_is_one_reading_and_a_russian_one_keeps_both(seeded):
    """0017: the Russian configuration stems Latin words as English does, so an
    English query's two readings are the same and onrecord_tsquery keeps one
    (ts_rank_cd zeroes 32 KB per query item for every report it ranks)."""
    assert sql_rows("SELECT onrecord_tsquery('roads')::text, "
                    "onrecord_tsquery('sovereignty trade')::text, "
                    "onrecord_tsquery('Южная Осетия')::text") == [
        ("'road'", "'sovereignti' & 'trade'",
         "'южная' & 'осетия' | 'южн' & 'осет'")]


def test_one_reading_finds_and_ranks_exactly_as_the_two_readings_did(seeded):
    """For every word of the seed's wordings and actor names, every pair of
    neighbouring words as a phrase and as two words, and the extras: the same
    reports and actors match, and each report's ts_rank_cd is equal, with the
    one-reading tsquery as with 0004's English-or-Russian one."""
    extras = ", ".join(lit(q) for q in EXTRA_SEARCHES)
    (row,) = sql_rows(f"""
        WITH words AS (
            SELECT r.statement_id, r.source_id, w.n, lower(w.w) AS w
            FROM statement_reports r,
                 regexp_split_to_table(r.wording, '[^[:alpha:]]+') WITH ORDINALITY AS w(w, n)
            WHERE w.w <> ''),
        qs AS (
            SELECT w AS q FROM words
            UNION SELECT lower(n) FROM actors a, regexp_split_to_table(a.name, ' ') AS n
            UNION SELECT a.w || ' ' || b.w FROM words a JOIN words b USING (statement_id, source_id)
                  WHERE b.n = a.n + 1
            UNION SELECT '"' || a.w || ' ' || b.w || '"'
                  FROM words a JOIN words b USING (statement_id, source_id) WHERE b.n = a.n + 1
            UNION SELECT unnest(ARRAY[{extras}])),
        t AS (
            SELECT q, onrecord_tsquery(q) AS one,
                   websearch_to_tsquery('english'::regconfig, onrecord_fold(q))
                   || websearch_to_tsquery('russian'::regconfig, onrecord_fold(q)) AS two
            FROM qs)
        SELECT (SELECT count(*) FROM t),
               (SELECT count(*) FROM t WHERE numnode(one) < numnode(two)),
               (SELECT count(*) FROM t, statement_reports r WHERE r.wording_tsv @@ t.two),
               (SELECT count(*) FROM t, statement_reports r
                WHERE (r.wording_tsv @@ t.one OR r.wording_tsv @@ t.two)
                  AND ((r.wording_tsv @@ t.one) IS DISTINCT FROM (r.wording_tsv @@ t.two)
                       OR ts_rank_cd(r.wording_tsv, t.one, 1)
                          <> ts_rank_cd(r.wording_tsv, t.two, 1))),
               (SELECT count(*) FROM t, actors a
                WHERE (onrecord_names_tsv(a.search_names) @@ t.one)
                      IS DISTINCT FROM (onrecord_names_tsv(a.search_names) @@ t.two))
        """)
    searches, shorter, matches, differ, names_differ = map(int, row)
    assert searches > 1000 and shorter > 500 and matches > 1000, row
    assert (differ, names_differ) == (0, 0)
