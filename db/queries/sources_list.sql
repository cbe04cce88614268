-- GET /v1/sources: $1 outlet slug, $2 language, $3 kind, $4 cursor id,
-- $5 row limit. Sorted by id.
SELECT onrecord_source_json(s)::text, s.id::text
FROM sources s
WHERE ($1::text IS NULL OR s.outlet_id = (SELECT id FROM outlets WHERE slug = $1))
  AND ($2::text IS NULL OR s.language = $2)
  AND ($3::text IS NULL OR s.kind = $3)
  AND ($4::bigint IS NULL OR s.id > $4)
ORDER BY s.id
LIMIT $5
