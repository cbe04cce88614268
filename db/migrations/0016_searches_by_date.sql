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
