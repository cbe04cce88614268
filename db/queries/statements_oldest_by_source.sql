-- GET /v1/statements?source=...&sort=said_on (any other filters), oldest first:
-- statements_oldest.sql's parameters, rows and columns, starting from the
-- source's reports (statement_reports_source) instead of walking every
-- statement by date: a source reports a few statements, and the general
-- query cannot turn `$4 IS NULL OR EXISTS (...)` into a join (0.8 s at 1M
-- statements, against about a millisecond this way).
-- Planned for each request (sent unnamed, server/db.c): the other filters
-- are those of onrecord_statements_filtered, whose plan depends on which are
-- given.
SELECT onrecord_statement_list_item(s, a, $11::text[], $12::text[], $9::text,
                                    $13::boolean)::text,
       s.said_on::text, s.id::text
FROM onrecord_statements_filtered($1::text, $2::text, $3::text, NULL::bigint, $5::text,
                                  $6::date, $7::date, $8::text, $9::text, $10::text) s
LEFT JOIN actors a ON a.id = s.actor_id
WHERE s.id IN (SELECT r.statement_id FROM statement_reports r WHERE r.source_id = $4::bigint)
  AND ($14::date IS NULL OR (s.said_on, s.id) > ($14::date, $15::bigint))
ORDER BY s.said_on, s.id
LIMIT $16::bigint
