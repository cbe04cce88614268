-- GET /v1/statements?sort=oldest (db/NEWSROOM.md): oldest first.
-- $1 actor slug, $2 topic slug, $3 stance position, $4 source id, $5 outlet
-- slug, $6 from, $7 to, $8 language, $9 q, $10 status (NULL = absent);
-- $11 include text[] (any of actor, reports, stances; NULL = none), $12
-- fields text[] (NULL = all), $13 highlight boolean; $14/$15 cursor
-- (said_on, id), $16 row limit (NULL = all).
-- Planned for each request (sent unnamed, server/db.c): the best plan depends
-- on which filters are given, and a generic one can take seconds.
SELECT onrecord_statement_list_item(s, a, $11::text[], $12::text[], $9::text,
                                    $13::boolean)::text,
       s.said_on::text, s.id::text
FROM onrecord_statements_filtered($1::text, $2::text, $3::text, $4::bigint, $5::text,
                                  $6::date, $7::date, $8::text, $9::text, $10::text) s
LEFT JOIN actors a ON a.id = s.actor_id
WHERE ($14::date IS NULL OR (s.said_on, s.id) > ($14::date, $15::bigint))
ORDER BY s.said_on, s.id
LIMIT $16::bigint
