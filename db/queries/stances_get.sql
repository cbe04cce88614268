-- GET /v1/stances/{statement_id}/{topic}: $1 statement id, $2 topic slug.
-- The stance with its topic and statement, and its version (ETag).
SELECT onrecord_stance_detail_json(st)::text, st.version::text
FROM stances st
JOIN topics t ON t.id = st.topic_id
WHERE st.statement_id = $1 AND t.slug = $2
