-- 0015_topic_lists.sql: a topic's statements, newest or oldest first, from
-- topic_statements (bench/RESULTS.md has the before and after).
--
-- "Who puts conditions on joining BRICS, and since when?" is
-- GET /v1/statements?topic=...&stance=...: a topic with no actor. The
-- general list walks every statement by date and probes each for a stance
-- on the topic, so a topic or stance that few statements have is found only
-- after most of the walk: at 1M statements, 0.98 s for the 22 conditional
-- stances on one topic. topic_statements (0013) already holds one row per
-- stance with its statement's dates; indexed by (topic, said_on, statement)
-- it gives a topic's statements in date order, one range per topic.
CREATE INDEX topic_statements_topic ON topic_statements (topic_id, said_on, statement_id);

-- The topic_statements rows of one topic that pass the other statement
-- filters (onrecord_statements_filtered's meaning, 0010: a period overlaps
-- from..to; a source or outlet reported it; language; status). Inlined.
CREATE FUNCTION onrecord_topic_statements_of_topic(
        topic text, stance text, source bigint, outlet text,
        from_day date, to_day date, lang text, status text)
    RETURNS SETOF topic_statements
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT t.*
FROM topic_statements t
WHERE t.topic_id = (SELECT tp.id FROM topics tp WHERE tp.slug = $1)
  -- A period is at most a year (0010), so from= bounds said_on too.
  AND t.said_on > coalesce($5 - 366, '-infinity'::date)
  AND t.said_on <= coalesce($6, 'infinity'::date)
  AND ($5 IS NULL OR t.said_until >= $5)
  AND ($2 IS NULL OR t.position = $2)
  AND ($3 IS NULL OR EXISTS (
        SELECT 1 FROM statement_reports r WHERE r.statement_id = t.statement_id AND r.source_id = $3))
  AND ($4 IS NULL OR EXISTS (
        SELECT 1 FROM statement_reports r
        JOIN sources src ON src.id = r.source_id
        JOIN outlets o ON o.id = src.outlet_id
        WHERE r.statement_id = t.statement_id AND o.slug = $4))
  AND (($7 IS NULL AND $8 IS NULL) OR EXISTS (
        SELECT 1 FROM statements s
        WHERE s.id = t.statement_id
          AND ($7 IS NULL OR s.language = $7)
          AND ($8 IS NULL OR s.status = $8)))
$$;

-- One actor's rows of one topic (0013's function): now the topic's rows
-- above, narrowed to the actor. Both inline into one scan, which uses
-- topic_statements_actor (topic, actor, said_on, statement).
CREATE OR REPLACE FUNCTION onrecord_topic_statements_of_actor(
        actor text, topic text, stance text, source bigint, outlet text,
        from_day date, to_day date, lang text, status text)
    RETURNS SETOF topic_statements
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT t.*
FROM onrecord_topic_statements_of_topic($2, $3, $4, $5, $6, $7, $8, $9) t
WHERE t.actor_id = (SELECT a.id FROM actors a WHERE a.slug = $1)
$$;
