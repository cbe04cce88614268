-- Whether an actor slug exists (404 for lists under /v1/actors/{slug}).
SELECT 1 FROM actors WHERE slug = $1
