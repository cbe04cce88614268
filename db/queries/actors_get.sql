-- GET /v1/actors/{slug}: the actor with its roles, and its version (ETag).
SELECT onrecord_actor_detail_json(a)::text, a.version::text FROM actors a WHERE a.slug = $1
