-- GET /v1/topics/{slug}/stances: every stance on the topic in the order the
-- statements were made. $1 topic slug, $2 position, $3 actor slug, $4 from,
-- $5 to, $7/$8 cursor (said_on, statement id), $9 row limit.
-- $6 fields: the top-level keys to keep (a sparse fieldset; NULL = all).
SELECT onrecord_shape(onrecord_stance_json(st, s), $6::text[])::text, s.said_on::text, s.id::text
FROM stances st
JOIN statements s ON s.id = st.statement_id
WHERE st.topic_id = (SELECT id FROM topics WHERE slug = $1)
  AND ($2::text IS NULL OR st.position = $2)
  AND ($3::text IS NULL OR s.actor_id = (SELECT id FROM actors WHERE slug = $3))
  AND ($4::date IS NULL OR s.said_until >= $4)
  AND ($5::date IS NULL OR s.said_on <= $5)
  AND ($7::date IS NULL OR (s.said_on, s.id) > ($7::date, $8::bigint))
ORDER BY s.said_on, s.id
LIMIT $9
