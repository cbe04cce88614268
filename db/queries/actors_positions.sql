-- GET /v1/actors/{slug}/positions (db/NEWSROOM.md): the actor's position on
-- every topic they took a stance on, its changes and every stance, by topic
-- slug. $1 actor slug, $2 cursor (the last topic slug seen; NULL on the
-- first page), $3 row limit (NULL = all topics). Column 1: the topic slug.
SELECT p.item::text, p.topic
FROM onrecord_actor_positions($1::text) p
WHERE $2::text IS NULL OR p.topic COLLATE "C" > $2::text COLLATE "C"
ORDER BY p.topic COLLATE "C"
LIMIT $3::bigint
