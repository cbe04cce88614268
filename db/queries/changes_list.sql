-- GET /v1/changes: $1 after position (NULL = from the beginning), $2
-- resource (NULL = all; matched exactly, e.g. 'statement_reports'), $4
-- cursor position (NULL on the first page), $5 row limit. Every change in
-- commit order: positions grow in commit order, so resuming after the last
-- position seen never skips a committed change.
-- $3 fields: the top-level keys to keep (a sparse fieldset; NULL = all).
SELECT onrecord_shape(onrecord_change_json(c), $3::text[])::text, c.position::text
FROM changes c
WHERE c.position > greatest(coalesce($1::bigint, 0), coalesce($4::bigint, 0))
  AND ($2::text IS NULL OR c.resource = $2)
ORDER BY c.position
LIMIT $5
