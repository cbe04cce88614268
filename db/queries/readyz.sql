-- GET /readyz: the cheapest query that proves the database answers.
SELECT 1
