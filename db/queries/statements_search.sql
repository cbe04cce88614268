-- GET /v1/statements?q=...&sort=relevance with no other filter (include=,
-- fields= and highlight= may be given): statements_relevance.sql's answer,
-- the same parameters, rows and columns, for the search box alone. The
-- other filters ($1..$8, $10) are never given here (server/statements.c
-- chooses this query only then); the page takes no row unless they are NULL.
-- The page is the best of the ranked matches (onrecord_statement_candidates),
-- with no join against onrecord_statements_filtered: with nothing to filter,
-- that join only looked up every match in statements (a third of the time
-- for a word with 15,000 matches). Items come from the rank already known
-- (onrecord_statement_ranked_item).
-- q's tsquery is computed once, in a MATERIALIZED CTE, and reaches the
-- matches as a value PostgreSQL cannot look into. So the plan is the same
-- whatever q is: PostgreSQL soon keeps one generic plan (no planning per
-- request), and that plan is as fast as a custom one. Written inline, a
-- generic plan computed the tsquery again for every match it checked and
-- ranked: 2.2x slower for a word with 20,000 matches, and PostgreSQL chose
-- it on some connections and not others (bench/RESULTS.md).
-- Costly: it ranks every match. Answers are kept whole until the next write
-- (the answer cache, server/vcache.h).
WITH q AS MATERIALIZED (SELECT onrecord_tsquery($9::text) AS tsq)
SELECT onrecord_statement_ranked_item(s, a, $11::text[], $12::text[], $9::text, $13::boolean,
                                      p.rank)::text,
       p.rank::text, s.id::text
FROM (SELECT c.id, c.rank
      FROM q, LATERAL onrecord_statement_candidates(q.tsq) c
      WHERE $9::text IS NOT NULL
        AND $1::text IS NULL AND $2::text IS NULL AND $3::text IS NULL AND $4::bigint IS NULL
        AND $5::text IS NULL AND $6::date IS NULL AND $7::date IS NULL AND $8::text IS NULL
        AND $10::text IS NULL
        AND ($14::real IS NULL OR (c.rank, c.id) < ($14::real, $15::bigint))
      ORDER BY c.rank DESC, c.id DESC
      LIMIT $16::bigint) p
JOIN statements s ON s.id = p.id
LEFT JOIN actors a ON a.id = s.actor_id
ORDER BY p.rank DESC, p.id DESC
