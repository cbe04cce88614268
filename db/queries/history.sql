-- GET /v1/{resource}/{target}/history: $1 resource (actors, roles, ...),
-- $2 target (slug, id, or '<statement_id>/<topic>' for stances), $3 cursor
-- position (NULL = from the start), $4 row limit. The record's own changes
-- and its children's (roles of an actor; reports and stances of a
-- statement; sources of a recognition), oldest first.
SELECT onrecord_change_json(c)::text, c.position::text
FROM changes c
CROSS JOIN (SELECT onrecord_history_target($1, $2) AS id) t
WHERE ((c.resource = $1 AND c.record_id = t.id)
       OR (c.parent_resource = $1 AND c.parent_id = t.id)
       OR (c.parent_resource = $1 AND c.old_parent_id = t.id))
  AND ($3::bigint IS NULL OR c.position > $3)
ORDER BY c.position
LIMIT $4
