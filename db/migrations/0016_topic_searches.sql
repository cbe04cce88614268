-- 0016_topic_searches.sql: a search within one topic, with no actor
-- (`?q=russia&topic=...`, date orders), at a million statements.
--
-- statements_{newest,oldest}_matching.sql start from every match of q and
-- look each one up: for a common word on the busiest topic (220,000
-- matching reports, 67,000 stances) that ran into the 5 s statement
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
-- q at most few_matches matches (matching reports, plus the statements of
-- actors whose names match). Both are counted only up to the threshold,
-- the matches only when the topic is big (a bitmap of a common word's
-- postings costs about 25 ms).
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
    ELSE (SELECT count(*)
          FROM (SELECT 1 FROM statement_reports r WHERE r.wording_tsv @@ $2
                UNION ALL
                SELECT 1 FROM actors a JOIN statements s ON s.actor_id = a.id
                WHERE onrecord_names_tsv(a.search_names) @@ $2
                LIMIT $4 + 1) m) <= $4
END
$$;
