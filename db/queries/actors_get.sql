-- GET /v1/actors/{slug}: the actor with its roles.
SELECT onrecord_actor_detail_json(a)::text FROM actors a WHERE a.slug = $1
