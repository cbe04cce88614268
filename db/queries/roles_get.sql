-- GET /v1/roles/{id}: the role with its actor, and its version (ETag).
SELECT onrecord_role_detail_json(r)::text, r.version::text FROM roles r WHERE r.id = $1
