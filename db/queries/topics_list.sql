-- GET /v1/topics: $2 cursor slug, $3 row limit. Sorted by slug.
-- $1 fields: the top-level keys to keep (a sparse fieldset; NULL = all).
SELECT onrecord_shape(onrecord_topic_json(t), $1::text[])::text, t.slug
FROM topics t
WHERE ($2::text IS NULL OR t.slug > $2)
ORDER BY t.slug
LIMIT $3
