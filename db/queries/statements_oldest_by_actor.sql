-- GET /v1/statements?actor=...&sort=said_on (and the actor's own list),
-- oldest first, when q is absent (with q, statements_oldest_matching.sql
-- runs): statements_oldest.sql's parameters, rows and columns, planned once
-- per connection (db/migrations/0012_actor_lists.sql says why). $9 (q) is
-- NULL here. The cursor's date also bounds the index walk.
SELECT onrecord_statement_list_item(s, a, $11::text[], $12::text[], $9::text,
                                    $13::boolean)::text,
       s.said_on::text, s.id::text
FROM onrecord_statements_of_actor($1::text, $2::text, $3::text, $4::bigint, $5::text,
                                  $6::date, $7::date, $8::text, $10::text) s
LEFT JOIN actors a ON a.id = s.actor_id
WHERE s.said_on >= coalesce($14::date, '-infinity'::date)
  AND ($14::date IS NULL OR (s.said_on, s.id) > ($14::date, $15::bigint))
ORDER BY s.said_on, s.id
LIMIT $16::bigint
