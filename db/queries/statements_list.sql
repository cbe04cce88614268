-- GET /v1/statements and /v1/actors/{slug}/statements, newest first.
-- $1 actor slug, $2 topic slug, $3 stance position, $4 source id,
-- $5 outlet slug, $6 from (date period ends on or after), $7 to (period
-- starts on or before), $8 language, $9 q (full text over every wording),
-- $10/$11 cursor (said_on, id), $12 row limit.
SELECT onrecord_statement_json(s)::text, s.said_on::text, s.id::text
FROM statements s
WHERE ($1::text IS NULL OR s.actor_id = (SELECT id FROM actors WHERE slug = $1))
  AND (($2::text IS NULL AND $3::text IS NULL) OR EXISTS (
        SELECT 1 FROM stances st JOIN topics t ON t.id = st.topic_id
        WHERE st.statement_id = s.id
          AND ($2::text IS NULL OR t.slug = $2)
          AND ($3::text IS NULL OR st.position = $3)))
  AND ($4::bigint IS NULL OR EXISTS (
        SELECT 1 FROM statement_reports r WHERE r.statement_id = s.id AND r.source_id = $4))
  AND ($5::text IS NULL OR EXISTS (
        SELECT 1 FROM statement_reports r
        JOIN sources src ON src.id = r.source_id
        JOIN outlets o ON o.id = src.outlet_id
        WHERE r.statement_id = s.id AND o.slug = $5))
  AND ($6::date IS NULL OR s.said_until >= $6)
  AND ($7::date IS NULL OR s.said_on <= $7)
  AND ($8::text IS NULL OR s.language = $8)
  AND ($9::text IS NULL OR EXISTS (
        SELECT 1 FROM statement_reports r
        WHERE r.statement_id = s.id
          AND r.wording_tsv @@ websearch_to_tsquery('english'::regconfig, onrecord_fold($9))))
  AND ($10::date IS NULL OR (s.said_on, s.id) < ($10::date, $11::bigint))
ORDER BY s.said_on DESC, s.id DESC
LIMIT $12
