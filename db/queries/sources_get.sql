-- GET /v1/sources/{id}.
SELECT onrecord_source_json(s)::text FROM sources s WHERE s.id = $1
