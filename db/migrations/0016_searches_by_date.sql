-- 0016_searches_by_date.sql: searches in date order with no actor
-- (`?q=russia`, `?q=russia&topic=...`), at a million statements.
--
-- statements_{newest,oldest}_matching.sql started from every match of q and
-- looked each one up: 1.1 s for q=russia (220,000 matching reports), and for
-- a common word on the busiest topic (67,000 stances) the 5 s statement
-- timeout. statements_{newest,oldest}_by_topic_matching.sql choose, once
-- per request, between two ways (bench/RESULTS.md has the timings):
--
-- * walk the topic's range of topic_statements in date order and test q on
--   each stance's statement until the page is full: a common word fills it
--   in a few hundred rows;
-- * start from q's matches and look each one up in topic_statements by
--   primary key: a rare word on a big topic, where the walk would read
--   every stance on the topic to find a handful.
--
-- The matches are taken when the topic has more than big_topic stances and
-- q at most few_matches matches (onrecord_search_has_few_matches). Both are
-- counted only up to the threshold, the matches only when the topic is big
-- (a bitmap of a common word's postings costs about 25 ms).
--
-- The same choice serves a search with neither actor nor topic
-- (statements_{newest,oldest}_matching.sql): from the matches when they are
-- few, else the general walk by date, which fills a page of a common word
-- in a few hundred statements (q=russia: 1.1 s -> 16 ms, in psql).

-- True when q matches at most n statements' reports or actors' statements
-- (counted with repeats, only up to n + 1).
CREATE FUNCTION onrecord_search_has_few_matches(q tsquery, n integer)
    RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT count(*) <= $2
FROM (SELECT 1 FROM statement_reports r WHERE r.wording_tsv @@ $1
      UNION ALL
      SELECT 1 FROM actors a JOIN statements s ON s.actor_id = a.id
      WHERE onrecord_names_tsv(a.search_names) @@ $1
      LIMIT $2 + 1) m
$$;

CREATE FUNCTION onrecord_topic_search_from_matches(topic text, q tsquery, big_topic integer,
                                                   few_matches integer)
    RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT CASE
    WHEN (SELECT count(*)
          FROM (SELECT 1 FROM topic_statements t
                WHERE t.topic_id = (SELECT tp.id FROM topics tp WHERE tp.slug = $1)
                LIMIT $3 + 1) x) <= $3 THEN false
    ELSE onrecord_search_has_few_matches($2, $4)
END
$$;

-- How many reports PostgreSQL expects q to match, from its statistics of
-- wording_tsv (the most common lexemes; a rarer one gets a floor, 3,403 at
-- 1M statements): about 0.5 ms, where counting a common word's matches
-- costs 25 ms and more. Within a factor of two for common words (russia:
-- 417,481 expected, 219,943 found). VOLATILE because EXPLAIN must be.
CREATE FUNCTION onrecord_search_match_estimate(q tsquery)
    RETURNS double precision
    LANGUAGE plpgsql VOLATILE PARALLEL SAFE
AS $$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM statement_reports r WHERE r.wording_tsv @@ $1'
        INTO plan USING q;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::double precision;
END
$$;

-- Relevance within a topic ranks every statement it reads, so the cost is
-- the number read either way: the topic's stances when it walks the topic
-- (about 5.5 us each at 1M statements), q's matches when it ranks them all
-- (about 8.5 us each, then joined to the filter). True (walk) when twice
-- the topic's stances are fewer than the matches expected: q=russia on a
-- topic of 67,000 stances walks (1.9 s -> 0.45 s), q=roads (37,000
-- expected) ranks its matches (171 ms, against 369 ms walking).
CREATE FUNCTION onrecord_topic_rank_walks(topic text, q tsquery)
    RETURNS boolean
    LANGUAGE sql VOLATILE PARALLEL SAFE
AS $$
SELECT 2 * n.stances < onrecord_search_match_estimate($2)
FROM (SELECT count(*) AS stances
      FROM topic_statements t
      WHERE t.topic_id = (SELECT tp.id FROM topics tp WHERE tp.slug = $1)) n
$$;
