-- GET /v1/statements/{id}: the statement with its actor, the actor's roles
-- at the time, every report with its source and wording, and its stances
-- (the stored document, 0009; built here if it is missing); and its
-- version (ETag).
SELECT coalesce(d.body, onrecord_statement_json(s)::text), s.version::text
FROM statements s LEFT JOIN statement_documents d ON d.statement_id = s.id
WHERE s.id = $1
