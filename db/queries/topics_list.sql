-- GET /v1/topics: $1 cursor slug, $2 row limit. Sorted by slug.
SELECT onrecord_topic_json(t)::text, t.slug
FROM topics t
WHERE ($1::text IS NULL OR t.slug > $1)
ORDER BY t.slug
LIMIT $2
