-- GET /v1/statements?q=...&topic=... with no actor, newest first:
-- statements_newest.sql's parameters, rows and columns, for a search within
-- one topic. $1 (actor) is NULL here (server/statements.c runs another
-- query with one; given anyway, no row). One of two ways, chosen once per
-- request by onrecord_topic_search_from_matches
-- (db/migrations/0016_searches_by_date.sql says why): start from q's matches
-- and look each up in the topic's topic_statements (a rare word on a big
-- topic), or walk the topic's range in date order testing q on each row
-- until the page is full (everything else). The branch not chosen stops
-- at its one-time filter.
-- Costly: it may read every match, or every stance on the topic. Answers
-- are kept whole until the next write (the answer cache, server/vcache.h).
WITH q AS MATERIALIZED (
    SELECT x.tsq, onrecord_topic_search_from_matches($2::text, x.tsq, 2000, 2000) AS from_matches,
           ARRAY(SELECT a.id FROM actors a
                 WHERE onrecord_names_tsv(a.search_names) @@ x.tsq) AS named
    FROM (SELECT onrecord_tsquery($9::text) AS tsq) x),
page AS (
    (SELECT t.said_on, t.statement_id
     FROM onrecord_statement_matches((SELECT tsq FROM q)) m
     CROSS JOIN LATERAL (
         SELECT t.*
         FROM onrecord_topic_statements_of_topic($2::text, $3::text, $4::bigint, $5::text,
                                                 $6::date, $7::date, $8::text, $10::text) t
         WHERE t.statement_id = m.id
         OFFSET 0) t  -- looked up match by match, not joined to the whole topic
     WHERE (SELECT from_matches FROM q)
       AND ($14::date IS NULL OR (t.said_on, t.statement_id) < ($14::date, $15::bigint))
     ORDER BY t.said_on DESC, t.statement_id DESC
     LIMIT $16::bigint)
    UNION ALL
    (SELECT t.said_on, t.statement_id
     FROM onrecord_topic_statements_of_topic($2::text, $3::text, $4::bigint, $5::text,
                                             $6::date, $7::date, $8::text, $10::text) t
     WHERE NOT (SELECT from_matches FROM q)
       AND t.said_on <= coalesce($14::date, 'infinity'::date)
       AND ($14::date IS NULL OR (t.said_on, t.statement_id) < ($14::date, $15::bigint))
       -- OFFSET 0: tested row by row, not hashed over every match first.
       AND (t.actor_id = ANY ((SELECT named FROM q)::bigint[])
            OR EXISTS (SELECT 1 FROM statement_reports r
                       WHERE r.statement_id = t.statement_id
                         AND r.wording_tsv @@ (SELECT tsq FROM q)
                       OFFSET 0))
     ORDER BY t.said_on DESC, t.statement_id DESC
     LIMIT $16::bigint))
SELECT onrecord_statement_item_json(s, $11::text[], $12::text[], (SELECT tsq FROM q),
                                    $13::boolean)::text,
       s.said_on::text, s.id::text
FROM page p JOIN statements s ON s.id = p.statement_id
WHERE $1::text IS NULL
ORDER BY p.said_on DESC, p.statement_id DESC
