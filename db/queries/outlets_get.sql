-- GET /v1/outlets/{slug}: the outlet with its sources, and its version (ETag).
SELECT onrecord_outlet_detail_json(o)::text, o.version::text FROM outlets o WHERE o.slug = $1
