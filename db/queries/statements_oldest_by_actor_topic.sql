-- GET /v1/statements?actor=...&topic=...&sort=said_on (and the actor's own
-- list with topic=), oldest first, when q is absent: statements_oldest.sql's
-- parameters, rows and columns, read from topic_statements
-- (db/migrations/0013_topic_statements.sql says why) and planned once per
-- connection. $9 (q) is NULL here. The cursor's date also bounds the walk.
SELECT onrecord_topic_statement_item(t, $11::text[], $12::text[], $13::boolean),
       t.said_on::text, t.statement_id::text
FROM onrecord_topic_statements_of_actor($1::text, $2::text, $3::text, $4::bigint, $5::text,
                                        $6::date, $7::date, $8::text, $10::text) t
WHERE $9::text IS NULL
  AND t.said_on >= coalesce($14::date, '-infinity'::date)
  AND ($14::date IS NULL OR (t.said_on, t.statement_id) > ($14::date, $15::bigint))
ORDER BY t.said_on, t.statement_id
LIMIT $16::bigint
