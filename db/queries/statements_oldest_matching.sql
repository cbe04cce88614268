-- GET /v1/statements?q=...&sort=said_on (statements_oldest.sql when q is given; the
-- same parameters, rows and columns). The matches of q come first
-- (onrecord_statement_matches, through the full-text index), then the other
-- filters and the order: a rare word's few hundred statements are found at
-- once instead of by walking every statement by date until 50 match. (A
-- word in 20,000 statements costs more this way, about 90 ms against 30 ms
-- at 1M statements; bench/RESULTS.md.)
-- Planned for each request (sent unnamed, server/db.c): the best plan depends
-- on which filters are given, and a generic one can take seconds.
-- Costly: it may read every match. Answers are kept whole until the next
-- write (the answer cache, server/vcache.h).
SELECT onrecord_statement_item_json(s, $11::text[], $12::text[], onrecord_tsquery($9::text),
                                    $13::boolean)::text,
       s.said_on::text, s.id::text
FROM onrecord_statements_filtered($1::text, $2::text, $3::text, $4::bigint, $5::text,
                                  $6::date, $7::date, $8::text, NULL::text, $10::text) s
WHERE s.id IN (SELECT m.id FROM onrecord_statement_matches(onrecord_tsquery($9::text)) m)
  AND ($14::date IS NULL OR (s.said_on, s.id) > ($14::date, $15::bigint))
ORDER BY s.said_on, s.id
LIMIT $16::bigint
