-- POST /v1/keys: $1 name, $2 role (editor/admin), $3 the plain key (only
-- its SHA-256 is stored). A taken name is a unique_violation (23505).
INSERT INTO api_keys (name, role, key_hash)
VALUES ($1, $2, sha256(convert_to($3::text, 'UTF8')))
RETURNING name, role, onrecord_timestamp_text(created_at)
