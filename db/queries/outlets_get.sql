-- GET /v1/outlets/{slug}: the outlet with its sources.
SELECT onrecord_outlet_detail_json(o)::text FROM outlets o WHERE o.slug = $1
