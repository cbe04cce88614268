-- GET /v1/recognitions and /v1/actors/{slug}/recognitions.
-- $1 territory slug, $2 recognizing state slug, $3 actor slug (either
-- side), $4 as_of (only recognitions in force that day: recognized on or
-- before it and not withdrawn by it), $6/$7 cursor (recognized_on, id),
-- $8 row limit. Sorted by date of recognition.
-- $5 fields: the top-level keys to keep (a sparse fieldset; NULL = all).
SELECT onrecord_shape(onrecord_recognition_json(r), $5::text[])::text, r.recognized_on::text, r.id::text
FROM recognitions r
WHERE ($1::text IS NULL OR r.territory_id = (SELECT id FROM actors WHERE slug = $1))
  AND ($2::text IS NULL OR r.state_id = (SELECT id FROM actors WHERE slug = $2))
  AND ($3::text IS NULL OR (SELECT id FROM actors WHERE slug = $3) IN (r.territory_id, r.state_id))
  AND ($4::date IS NULL OR (r.recognized_on <= $4 AND (r.withdrawn_on IS NULL OR r.withdrawn_on > $4)))
  AND ($6::date IS NULL OR (r.recognized_on, r.id) > ($6::date, $7::bigint))
ORDER BY r.recognized_on, r.id
LIMIT $8
