-- GET /v1/topics/{slug}/timeline (db/NEWSROOM.md): who took which position
-- on the topic, one row per speaker (actor, or attribution when there is
-- no actor), in the order of each speaker's first stance.
-- $1 topic slug, $2 from, $3 to (NULL = open), $5 cursor key (NULL on the
-- first page), $6 row limit (NULL = all). Column 1: the key
-- ('<first said_on YYYY-MM-DD>|a:<actor slug>', or '...|u:<id of the first
-- statement, 19 digits>' for an attribution).
-- $4 fields: the top-level keys to keep (a sparse fieldset; NULL = all).
-- Costly: it reads every stance on the topic. Answers are kept whole until
-- the next write (the answer cache, server/vcache.h).
SELECT onrecord_shape(tl.item, $4::text[])::text, tl.key
FROM onrecord_topic_timeline($1::text, $2::date, $3::date) tl
WHERE ($5::text IS NULL OR tl.key COLLATE "C" > $5::text COLLATE "C")
ORDER BY tl.key COLLATE "C"
LIMIT $6::bigint
