-- GET /v1/statements?sort=newest (db/NEWSROOM.md): newest first.
-- $1 actor slug, $2 topic slug, $3 stance position, $4 source id, $5 outlet
-- slug, $6 from, $7 to, $8 language, $9 q, $10 status (NULL = absent);
-- $11 include text[] (any of actor, reports, stances; NULL = none), $12
-- fields text[] (NULL = all), $13 highlight boolean; $14/$15 cursor
-- (said_on, id), $16 row limit (NULL = all).
-- The default item (no include, fields or q) is one inlined expression
-- over the row and its actor's (onrecord_statement_lean_json).
SELECT CASE WHEN $11::text[] IS NULL AND $12::text[] IS NULL AND $9::text IS NULL
            THEN onrecord_statement_lean_json(s, a)
            ELSE onrecord_statement_item_json(s, $11::text[], $12::text[],
                                              onrecord_tsquery($9::text), $13::boolean)
       END::text,
       s.said_on::text, s.id::text
FROM onrecord_statements_filtered($1::text, $2::text, $3::text, $4::bigint, $5::text,
                                  $6::date, $7::date, $8::text, $9::text, $10::text) s
LEFT JOIN actors a ON a.id = s.actor_id
WHERE ($14::date IS NULL OR (s.said_on, s.id) < ($14::date, $15::bigint))
ORDER BY s.said_on DESC, s.id DESC
LIMIT $16::bigint
