-- 0012_actor_lists.sql: one actor's statements (actor= without q, and
-- /v1/actors/{slug}/statements), through a query whose one plan fits every
-- request, so PostgreSQL plans it once per connection instead of once per
-- request (bench/RESULTS.md has the before and after).
--
-- statements_newest.sql and statements_oldest.sql take every filter, with
-- "$n IS NULL OR ..." for the absent ones, and rely on being planned for
-- each request's values, when the absent filters fold away. At a million
-- statements that planning took about 0.3 ms of a 0.9 ms request. Planned
-- once for unknown values (a generic plan), the same text is unusable
-- (500 ms on average): no index condition survives the ORs.
--
-- With an actor given, one plan is right whatever the values: walk that
-- actor's statements in date order (statements_actor), between bounds that
-- are index conditions even when a value is absent (coalesce with
-- infinity), and test the other filters on each statement walked. The
-- planner cannot see which actor a slug names anyway, so a plan made for
-- the values gains nothing here. The rows are exactly those of
-- onrecord_statements_filtered (0010) with the actor given and no q.
CREATE FUNCTION onrecord_statements_of_actor(
        actor text, topic text, stance text, source bigint, outlet text,
        from_day date, to_day date, lang text, status text)
    RETURNS SETOF statements
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT s.*
FROM statements s
WHERE s.actor_id = (SELECT a.id FROM actors a WHERE a.slug = $1)
  -- A period is at most a year (0010), so from= bounds said_on too.
  AND s.said_on > coalesce($6 - 366, '-infinity'::date)
  AND s.said_on <= coalesce($7, 'infinity'::date)
  AND ($6 IS NULL OR s.said_until >= $6)
  -- Probe each statement's stances by primary key: planned for a topic's
  -- value, the planner would rather hash every stance on the topic first
  -- (25,000 for a common one), which OFFSET 0 prevents (as in 0008).
  AND (($2 IS NULL AND $3 IS NULL) OR EXISTS (
        SELECT 1 FROM stances st
        WHERE st.statement_id = s.id
          AND ($2 IS NULL OR st.topic_id = (SELECT t.id FROM topics t WHERE t.slug = $2))
          AND ($3 IS NULL OR st.position = $3)
        OFFSET 0))
  AND ($4 IS NULL OR EXISTS (
        SELECT 1 FROM statement_reports r WHERE r.statement_id = s.id AND r.source_id = $4))
  AND ($5 IS NULL OR EXISTS (
        SELECT 1 FROM statement_reports r
        JOIN sources src ON src.id = r.source_id
        JOIN outlets o ON o.id = src.outlet_id
        WHERE r.statement_id = s.id AND o.slug = $5))
  AND ($8 IS NULL OR s.language = $8)
  AND ($9 IS NULL OR s.status = $9)
$$;
