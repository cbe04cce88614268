-- Whether /v1/{resource}/{target}/history names a record: $1 resource,
-- $2 target. One row (its id) when the record exists now or ever had a
-- recorded change (e.g. it was deleted); no row otherwise (404).
SELECT t.id::text AS record_id
FROM (SELECT onrecord_history_target($1, $2) AS id) t
WHERE t.id IS NOT NULL
