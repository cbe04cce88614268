-- POST, PATCH and DELETE of every resource (db/WRITES.md): $1 op
-- (create/update/delete), $2 resource, $3 target (path key; NULL for
-- create), $4 body (object or JSON merge patch), $5 If-Match (NULL, '*' or
-- a version), $6 the API key's name, $7 Idempotency-Key (create only).
-- One row: status, etag (version), location, body (detail JSON).
SELECT status, etag, location, body
FROM onrecord_write($1, $2, $3, $4::jsonb, $5, $6, $7)
