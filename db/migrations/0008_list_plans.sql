-- 0008_list_plans.sql: statement lists and search at a million statements
-- (bench/RESULTS.md has the before and after).
--
-- * The planner may read an index in random order as cheaply as in order
--   when the data is in memory or on SSD: random_page_cost 1.1 instead of
--   4 (the PostgreSQL documentation's advice for such storage). With 4, a
--   busy actor's statements in a date range were read all (thousands of
--   random heap pages) and sorted, instead of walking the actor's index in
--   date order and stopping at the page size. ALTER DATABASE ... SET is
--   not copied by CREATE DATABASE ... TEMPLATE, so clusters made by
--   script/lib.sh and bench/run also set it in postgresql.conf.
-- * The topic / stance filter looks the topic up once; with an actor it
--   probes the stance of each of the actor's statements by primary key
--   (statement, topic id) instead of hashing every stance on the topic
--   first (bench/RESULTS.md: 4.7 ms -> 2.0 ms a query).
-- * A list item without include, fields or q is built by one inlined
--   expression (onrecord_statement_lean_json) over the statement and its
--   actor, joined in the list query: 30 us an item -> about 3 us.
-- * Search sorted by date starts from q's matches (statements_*_matching.sql).
-- * Search by relevance starts from the statements that match: the reports
--   found through the GIN index (ranked as they are found) and the
--   statements of actors whose names match, instead of testing every
--   statement against q (onrecord_statement_candidates).
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', current_database());
END $$;

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
  AND ($6 IS NULL OR s.said_until >= $6)
  AND ($7 IS NULL OR s.said_on <= $7)
  AND ($8 IS NULL OR s.language = $8)
  AND ($9 IS NULL
       OR EXISTS (SELECT 1 FROM statement_reports r
                  WHERE r.statement_id = s.id AND r.wording_tsv @@ onrecord_tsquery($9))
       OR s.actor_id IN (SELECT a.id FROM actors a
                         WHERE onrecord_names_tsv(a.search_names) @@ onrecord_tsquery($9)))
  AND ($10 IS NULL OR s.status = $10)
$$;

-- The statements q finds, each with its relevance: exactly what
-- onrecord_statement_rank(s, q) gives it (the best rank of a matching
-- wording, plus 0.01 when the actor's names match), computed from the
-- matches themselves. Inlined into statements_relevance.sql.
-- The statements q finds (a wording through the full-text index, or the
-- actor's names), without ranks: statements_newest_matching.sql and
-- statements_oldest_matching.sql start from these.
CREATE FUNCTION onrecord_statement_matches(q tsquery) RETURNS TABLE (id bigint)
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT r.statement_id FROM statement_reports r WHERE r.wording_tsv @@ $1
UNION
SELECT s.id FROM actors a JOIN statements s ON s.actor_id = a.id
WHERE onrecord_names_tsv(a.search_names) @@ $1
$$;

CREATE FUNCTION onrecord_statement_candidates(q tsquery)
    RETURNS TABLE (id bigint, rank real)
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT m.id, max(m.wording_rank) + CASE WHEN bool_or(m.by_name) THEN 0.01::real ELSE 0::real END
FROM (SELECT r.statement_id, ts_rank_cd(r.wording_tsv, $1, 1), false
      FROM statement_reports r
      WHERE r.wording_tsv @@ $1
      UNION ALL
      SELECT s.id, 0::real, true
      FROM actors a JOIN statements s ON s.actor_id = a.id
      WHERE onrecord_names_tsv(a.search_names) @@ $1) AS m(id, wording_rank, by_name)
GROUP BY m.id
$$;

-- The default list item (0004's keys, in its order) from the statement and
-- its actor's row (NULL: no actor), through onrecord_statement_list_item.
CREATE FUNCTION onrecord_statement_lean_json(s statements, a actors) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'id', s.id,
        'actor', onrecord_actor_ref(a),
        'attribution', s.attribution,
        'said_on', onrecord_date_text(s.said_on, s.said_precision),
        'said_precision', s.said_precision,
        'kind', s.kind,
        'status', s.status,
        'language', s.language,
        'context', s.context,
        'summary', s.summary);

-- A statement list's item: the default one (no include, fields or q) as one
-- inlined expression over the statement and its actor's row; otherwise
-- onrecord_statement_item_json. Inlinable: in a query planned for its
-- parameter values the CASE is decided at plan time.
CREATE FUNCTION onrecord_statement_list_item(s statements, a actors, include text[],
                                             fields text[], q text, highlight boolean)
    RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN include IS NULL AND fields IS NULL AND q IS NULL
                THEN onrecord_statement_lean_json(s, a)
                ELSE onrecord_statement_item_json(s, include, fields, onrecord_tsquery(q),
                                                  highlight)
           END;

-- The item with include, fields or q: 0004's, unchanged but for the
-- language (PL/pgSQL, see 0005 for why).
CREATE OR REPLACE FUNCTION onrecord_statement_item_json(s statements, include text[],
                                                        fields text[], q tsquery,
                                                        highlight boolean) RETURNS json
    LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
    RETURN (SELECT coalesce(json_object_agg(k.key, CASE k.key
                WHEN 'id' THEN to_json(s.id)
                WHEN 'actor' THEN
                    CASE WHEN coalesce('actor' = ANY (include), false) THEN
                        (SELECT json_build_object(
                                'slug', a.slug,
                                'name', a.name,
                                'kind', a.kind,
                                'country', a.country,
                                'other_names', to_json(a.other_names),
                                'description', a.description,
                                'roles_at_time', onrecord_roles_at(a.id, s.said_on, s.said_until))
                         FROM actors a WHERE a.id = s.actor_id)
                    ELSE (SELECT onrecord_actor_ref(a) FROM actors a WHERE a.id = s.actor_id) END
                WHEN 'attribution' THEN to_json(s.attribution)
                WHEN 'said_on' THEN to_json(onrecord_date_text(s.said_on, s.said_precision))
                WHEN 'said_precision' THEN to_json(s.said_precision)
                WHEN 'kind' THEN to_json(s.kind)
                WHEN 'status' THEN to_json(s.status)
                WHEN 'language' THEN to_json(s.language)
                WHEN 'context' THEN to_json(s.context)
                WHEN 'summary' THEN to_json(s.summary)
                WHEN 'reports' THEN onrecord_statement_reports_json(s.id)
                WHEN 'stances' THEN onrecord_statement_stances_json(s.id)
                WHEN 'score' THEN to_json(onrecord_statement_rank(s, q))
                WHEN 'highlight' THEN to_json(onrecord_statement_highlight(s, q))
            END ORDER BY k.ord), '{}'::json)
            FROM (VALUES (1, 'id'), (2, 'actor'), (3, 'attribution'), (4, 'said_on'),
                         (5, 'said_precision'), (6, 'kind'), (7, 'status'), (8, 'language'),
                         (9, 'context'), (10, 'summary'), (11, 'reports'), (12, 'stances'),
                         (13, 'score'), (14, 'highlight')) AS k(ord, key)
            WHERE (fields IS NULL OR k.key = ANY (fields))
              AND CASE k.key
                      WHEN 'reports' THEN coalesce('reports' = ANY (include), false)
                      WHEN 'stances' THEN coalesce('stances' = ANY (include), false)
                      WHEN 'score' THEN q IS NOT NULL
                      WHEN 'highlight' THEN q IS NOT NULL AND coalesce(highlight, false)
                      ELSE true
                  END);
END
$$;
