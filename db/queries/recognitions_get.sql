-- GET /v1/recognitions/{id}, and its version (ETag).
SELECT onrecord_recognition_json(r)::text, r.version::text FROM recognitions r WHERE r.id = $1
