-- GET /v1/sources/{id}, and its version (ETag).
SELECT onrecord_source_json(s)::text, s.version::text FROM sources s WHERE s.id = $1
