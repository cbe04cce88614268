-- GET /v1/outlets: $1 state_owned ('true'/'false'), $3 cursor slug,
-- $4 row limit. Sorted by slug.
-- $2 fields: the top-level keys to keep (a sparse fieldset; NULL = all).
SELECT onrecord_shape(onrecord_outlet_json(o), $2::text[])::text, o.slug
FROM outlets o
WHERE ($1::boolean IS NULL OR o.state_owned = $1)
  AND ($3::text IS NULL OR o.slug > $3)
ORDER BY o.slug
LIMIT $4
