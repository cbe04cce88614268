-- GET /v1/statements?q=...&sort=relevance (db/NEWSROOM.md): best match
-- first. Parameters as statements_newest.sql, but q ($9) is required (no
-- row without it) and the cursor is $14/$15 (rank as text, id): the rank
-- (real) is printed shortest-exact (extra_float_digits >= 1, the default),
-- so the text reads back as the same value.
SELECT onrecord_statement_item_json(s, $11::text[], $12::text[], k.q, $13::boolean)::text,
       k.rank::text, s.id::text
FROM onrecord_statements_filtered($1::text, $2::text, $3::text, $4::bigint, $5::text,
                                  $6::date, $7::date, $8::text, $9::text, $10::text) s
CROSS JOIN LATERAL (SELECT tq.q, onrecord_statement_rank(s, tq.q) AS rank
                    FROM (SELECT onrecord_tsquery($9::text) AS q) tq) k
WHERE $9::text IS NOT NULL
  AND ($14::real IS NULL OR (k.rank, s.id) < ($14::real, $15::bigint))
ORDER BY k.rank DESC, s.id DESC
LIMIT $16::bigint
