-- GET /v1/actors: $1 kind, $2 q (any name, case- and accent-insensitive),
-- $3 cursor slug, $4 row limit. Sorted by slug.
SELECT onrecord_actor_json(a)::text, a.slug
FROM actors a
WHERE ($1::text IS NULL OR a.kind = $1)
  AND ($2::text IS NULL OR a.search_names LIKE onrecord_contains_pattern(onrecord_fold($2)))
  AND ($3::text IS NULL OR a.slug > $3)
ORDER BY a.slug
LIMIT $4
