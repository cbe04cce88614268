-- DELETE /v1/keys/{name}: $1 name. Revokes the key (the row stays); no row
-- when there is no such key or it was already revoked.
UPDATE api_keys SET revoked_at = now()
WHERE name = $1 AND revoked_at IS NULL
RETURNING name
