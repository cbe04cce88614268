-- Whether a topic slug exists (404 for /v1/topics/{slug}/stances).
SELECT 1 FROM topics WHERE slug = $1
