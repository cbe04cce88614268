-- GET /v1/keys: every key (never its hash), by name; revoked_at is NULL for
-- a key in use.
SELECT name, role, onrecord_timestamp_text(created_at), onrecord_timestamp_text(revoked_at)
FROM api_keys
ORDER BY name
