-- GET /v1/outlets: $1 state_owned ('true'/'false'), $2 cursor slug,
-- $3 row limit. Sorted by slug.
SELECT onrecord_outlet_json(o)::text, o.slug
FROM outlets o
WHERE ($1::boolean IS NULL OR o.state_owned = $1)
  AND ($2::text IS NULL OR o.slug > $2)
ORDER BY o.slug
LIMIT $3
