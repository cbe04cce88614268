-- GET /v1/actors: $1 kind, $2 q (any name, case- and accent-insensitive),
-- $4 cursor slug, $5 row limit. Sorted by slug.
-- $3 fields: the top-level keys to keep (a sparse fieldset; NULL = all).
SELECT onrecord_shape(onrecord_actor_json(a), $3::text[])::text, a.slug
FROM actors a
WHERE ($1::text IS NULL OR a.kind = $1)
  AND ($2::text IS NULL OR a.search_names LIKE onrecord_contains_pattern(onrecord_fold($2)))
  AND ($4::text IS NULL OR a.slug > $4)
ORDER BY a.slug
LIMIT $5
