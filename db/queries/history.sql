-- GET /v1/{resource}/{target}/history: $1 resource (actors, roles, ...),
-- $2 target (slug, id, or '<statement_id>/<topic>' for stances), $4 cursor
-- position (NULL = from the start), $5 row limit. The record's own changes
-- and its children's (roles of an actor; reports and stances of a
-- statement; sources of a recognition), oldest first.
-- $3 fields: the top-level keys to keep (a sparse fieldset; NULL = all).
SELECT onrecord_shape(onrecord_change_json(c), $3::text[])::text, c.position::text
FROM changes c
CROSS JOIN (SELECT onrecord_history_target($1, $2) AS id) t
WHERE ((c.resource = $1 AND c.record_id = t.id)
       OR (c.parent_resource = $1 AND c.parent_id = t.id)
       OR (c.parent_resource = $1 AND c.old_parent_id = t.id))
  AND ($4::bigint IS NULL OR c.position > $4)
ORDER BY c.position
LIMIT $5
