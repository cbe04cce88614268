-- Bearer authentication: $1 the plain API key. The name and role of the
-- key when it exists and is not revoked; no row otherwise.
SELECT name, role FROM api_keys
WHERE key_hash = sha256(convert_to($1::text, 'UTF8')) AND revoked_at IS NULL
