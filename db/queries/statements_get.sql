-- GET /v1/statements/{id}: the statement with its actor, the actor's roles
-- at the time, every report with its source and wording, and its stances;
-- and its version (ETag).
SELECT onrecord_statement_json(s)::text, s.version::text FROM statements s WHERE s.id = $1
