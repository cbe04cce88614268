-- GET /v1/statements?actor=...&topic=... (and the actor's own list with
-- topic=), newest first, when q is absent: statements_newest.sql's
-- parameters, rows and columns, read from topic_statements
-- (db/migrations/0013_topic_statements.sql says why) and planned once per
-- connection. $9 (q) is NULL here. The cursor's date also bounds the walk.
-- The stored item is the answer unless include= or fields= asks for another
-- (or none is stored); then it is built, as statements_newest.sql builds it. (In
-- the query, not a function: a SQL function with a sub-SELECT is not inlined,
-- and ran at 16 us an item.)
SELECT CASE WHEN t.item IS NOT NULL AND $11::text[] IS NULL AND $12::text[] IS NULL THEN t.item
            ELSE (SELECT onrecord_statement_list_item(s, a, $11::text[], $12::text[], NULL::text,
                                                      $13::boolean)::text
                  FROM statements s LEFT JOIN actors a ON a.id = s.actor_id
                  WHERE s.id = t.statement_id)
       END,
       t.said_on::text, t.statement_id::text
FROM onrecord_topic_statements_of_actor($1::text, $2::text, $3::text, $4::bigint, $5::text,
                                        $6::date, $7::date, $8::text, $10::text) t
WHERE $9::text IS NULL
  AND t.said_on <= coalesce($14::date, 'infinity'::date)
  AND ($14::date IS NULL OR (t.said_on, t.statement_id) < ($14::date, $15::bigint))
ORDER BY t.said_on DESC, t.statement_id DESC
LIMIT $16::bigint
