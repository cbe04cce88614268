-- 0010_filtered_dates.sql: the date filter of statement lists, at a million
-- statements (bench/RESULTS.md has the before and after).
--
-- A statement matches from= when its period reaches it (said_until >= from)
-- and to= when it starts by then (said_on <= to). Two changes, same answers:
--
-- * With an actor, said_until is not offered to an index (said_until + 0).
--   The planner cannot see which actor a slug names, so it costs every
--   actor at the average (100 statements); for a busy one (9,152) it ANDed
--   the actor's index with the said_until index, which for a recent from=
--   holds 85,000 statements: 24 ms where walking the actor's own index
--   takes 1 ms. The CASE is folded when the query is planned for its values.
-- * A period is at most a year (day, month or year precision), so a
--   statement whose period reaches from= starts after from - 366 days. Saying
--   so bounds the walk of a date-ordered index at both ends.
--
-- The function is 0008's but for those two lines (CREATE OR REPLACE needs
-- the whole body).
CREATE OR REPLACE FUNCTION onrecord_statements_filtered(
        actor text, topic text, stance text, source bigint, outlet text,
        from_day date, to_day date, lang text, q text, status text)
    RETURNS SETOF statements
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT s.*
FROM statements s
WHERE ($1 IS NULL OR s.actor_id = (SELECT a.id FROM actors a WHERE a.slug = $1))
  AND (($2 IS NULL AND $3 IS NULL)
       -- With an actor, at most its statements are walked: probe each one's
       -- stance by primary key. (OFFSET 0 keeps the planner from hashing
       -- every stance on the topic first, which costs more than the walk.)
       OR ($1 IS NOT NULL AND EXISTS (
            SELECT 1 FROM stances st
            WHERE st.statement_id = s.id
              AND ($2 IS NULL OR st.topic_id = (SELECT t.id FROM topics t WHERE t.slug = $2))
              AND ($3 IS NULL OR st.position = $3)
            OFFSET 0))
       -- Without one, many statements may be walked: the planner's choice.
       OR ($1 IS NULL AND EXISTS (
            SELECT 1 FROM stances st
            WHERE st.statement_id = s.id
              AND ($2 IS NULL OR st.topic_id = (SELECT t.id FROM topics t WHERE t.slug = $2))
              AND ($3 IS NULL OR st.position = $3))))
  AND ($4 IS NULL OR EXISTS (
        SELECT 1 FROM statement_reports r WHERE r.statement_id = s.id AND r.source_id = $4))
  AND ($5 IS NULL OR EXISTS (
        SELECT 1 FROM statement_reports r
        JOIN sources src ON src.id = r.source_id
        JOIN outlets o ON o.id = src.outlet_id
        WHERE r.statement_id = s.id AND o.slug = $5))
  AND ($6 IS NULL OR CASE WHEN $1 IS NULL THEN s.said_until ELSE s.said_until + 0 END >= $6)
  AND ($6 IS NULL OR s.said_on > $6 - 366)
  AND ($7 IS NULL OR s.said_on <= $7)
  AND ($8 IS NULL OR s.language = $8)
  AND ($9 IS NULL
       OR EXISTS (SELECT 1 FROM statement_reports r
                  WHERE r.statement_id = s.id AND r.wording_tsv @@ onrecord_tsquery($9))
       OR s.actor_id IN (SELECT a.id FROM actors a
                         WHERE onrecord_names_tsv(a.search_names) @@ onrecord_tsquery($9)))
  AND ($10 IS NULL OR s.status = $10)
$$;
