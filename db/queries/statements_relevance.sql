-- GET /v1/statements?q=...&sort=relevance (db/NEWSROOM.md): best match
-- first. Parameters as statements_newest.sql, but q ($9) is required (no
-- row without it) and the cursor is $14/$15 (rank as text, id): the rank
-- (real) is printed shortest-exact (extra_float_digits >= 1, the default),
-- so the text reads back as the same value.
-- The page is chosen first, from the matches ranked as they are found
-- (onrecord_statement_candidates) and the other filters (q is not passed
-- on: it is already applied), reading no more of each statement than the
-- filters need; only the page's statements are then read whole, and their
-- items built from the rank already known (onrecord_statement_ranked_item).
-- With q alone, statements_search.sql answers instead. With an actor (a few
-- hundred statements, usually), the actor's statements that match are
-- ranked one by one instead (onrecord_statement_rank, the same value): at
-- 1M statements, 1.5 ms against 1.3 s for q=russia (220,000 matching
-- reports) and an actor with 8 statements; about the same as before (1.4 s)
-- for the busiest actor, with 23,295. Likewise with a source and no actor:
-- its few statements, found through statement_reports_source, are ranked
-- one by one (1.7 s -> a few ms for q=russia). With a topic (and neither),
-- the topic's stances that match are ranked one by one when the topic has
-- fewer stances than q has matches (onrecord_topic_rank_walks, 0016); else
-- every match is ranked as without a topic. Planned for each request, the
-- query keeps only the branches that apply; d is computed once.
-- Planned for each request (sent unnamed, server/db.c): the best plan depends
-- on which filters are given, and a generic one can take seconds.
-- Costly: it ranks every match. Answers are kept whole until the next write
-- (the answer cache, server/vcache.h).
WITH d AS MATERIALIZED (
    SELECT x.tsq,
           -- with a topic (and no actor or source): walk its stances or not
           CASE WHEN $1::text IS NULL AND $4::bigint IS NULL AND $2::text IS NOT NULL
                THEN onrecord_topic_rank_walks($2::text, x.tsq)
                ELSE false END AS walk_topic,
           ARRAY(SELECT a.id FROM actors a
                 WHERE onrecord_names_tsv(a.search_names) @@ x.tsq) AS named
    FROM (SELECT onrecord_tsquery($9::text) AS tsq) x)
SELECT onrecord_statement_ranked_item(s, a, $11::text[], $12::text[], $9::text, $13::boolean,
                                      p.rank)::text,
       p.rank::text, s.id::text
FROM (SELECT c.id, c.rank
      FROM (SELECT c.id, c.rank
            FROM onrecord_statement_candidates((SELECT tsq FROM d)) c
            JOIN onrecord_statements_filtered(NULL::text, $2::text, $3::text, $4::bigint,
                                              $5::text, $6::date, $7::date, $8::text,
                                              NULL::text, $10::text) f
              ON f.id = c.id
            WHERE $1::text IS NULL AND $4::bigint IS NULL AND NOT (SELECT walk_topic FROM d)
            UNION ALL
            SELECT f.id, onrecord_statement_rank(f, (SELECT tsq FROM d))
            FROM onrecord_statements_filtered($1::text, $2::text, $3::text, $4::bigint,
                                              $5::text, $6::date, $7::date, $8::text,
                                              $9::text, $10::text) f
            WHERE $1::text IS NOT NULL
            UNION ALL
            SELECT f.id, onrecord_statement_rank(f, (SELECT tsq FROM d))
            FROM onrecord_statements_filtered(NULL::text, $2::text, $3::text, NULL::bigint,
                                              $5::text, $6::date, $7::date, $8::text,
                                              $9::text, $10::text) f
            WHERE $1::text IS NULL AND $4::bigint IS NOT NULL
              AND f.id IN (SELECT r.statement_id FROM statement_reports r
                           WHERE r.source_id = $4::bigint)
            UNION ALL
            -- onrecord_statement_rank, from each stance's statement's reports
            SELECT t.statement_id,
                   coalesce(m.rank, 0::real)
                   + CASE WHEN t.actor_id = ANY ((SELECT named FROM d)::bigint[])
                          THEN 0.01::real ELSE 0::real END
            FROM onrecord_topic_statements_of_topic($2::text, $3::text, $4::bigint, $5::text,
                                                    $6::date, $7::date, $8::text, $10::text) t
            CROSS JOIN LATERAL (
                SELECT max(ts_rank_cd(r.wording_tsv, (SELECT tsq FROM d), 1)) AS rank
                FROM statement_reports r
                WHERE r.statement_id = t.statement_id
                  AND r.wording_tsv @@ (SELECT tsq FROM d)) m
            WHERE (SELECT walk_topic FROM d)
              AND (m.rank IS NOT NULL OR t.actor_id = ANY ((SELECT named FROM d)::bigint[]))) c
      WHERE $9::text IS NOT NULL
        AND ($14::real IS NULL OR (c.rank, c.id) < ($14::real, $15::bigint))
      ORDER BY c.rank DESC, c.id DESC
      LIMIT $16::bigint) p
JOIN statements s ON s.id = p.id
LEFT JOIN actors a ON a.id = s.actor_id
ORDER BY p.rank DESC, p.id DESC
