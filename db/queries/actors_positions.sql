-- GET /v1/actors/{slug}/positions (db/NEWSROOM.md): the actor's position on
-- every topic they took a stance on, its changes and every stance, by topic
-- slug. $1 actor slug, $3 cursor (the last topic slug seen; NULL on the
-- first page), $4 row limit (NULL = all topics). Column 1: the topic slug.
-- $2 fields: the top-level keys to keep (a sparse fieldset; NULL = all).
SELECT onrecord_shape(p.item, $2::text[])::text, p.topic
FROM onrecord_actor_positions($1::text) p
WHERE $3::text IS NULL OR p.topic COLLATE "C" > $3::text COLLATE "C"
ORDER BY p.topic COLLATE "C"
LIMIT $4::bigint
