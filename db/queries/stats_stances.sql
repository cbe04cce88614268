-- GET /v1/stats/stances (db/NEWSROOM.md): stance counts per period, every
-- period listed. $1 topic slug (NULL = all topics), $2 interval (month,
-- quarter, year), $3 from, $4 to (NULL = first / last counted stance), $5
-- group_by (position, actor). One row: the JSON object.
-- Costly: it counts every stance in the range (seconds at 1M statements).
-- Answers are kept whole until the next write (server/vcache.h).
SELECT onrecord_stance_stats($1::text, $2::text, $3::date, $4::date, $5::text)::text
