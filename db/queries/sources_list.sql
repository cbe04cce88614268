-- GET /v1/sources: $1 outlet slug, $2 language, $3 kind, $5 cursor id,
-- $6 row limit. Sorted by id.
-- $4 fields: the top-level keys to keep (a sparse fieldset; NULL = all).
SELECT onrecord_shape(onrecord_source_json(s), $4::text[])::text, s.id::text
FROM sources s
WHERE ($1::text IS NULL OR s.outlet_id = (SELECT id FROM outlets WHERE slug = $1))
  AND ($2::text IS NULL OR s.language = $2)
  AND ($3::text IS NULL OR s.kind = $3)
  AND ($5::bigint IS NULL OR s.id > $5)
ORDER BY s.id
LIMIT $6
