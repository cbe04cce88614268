-- 0004_newsroom.sql: newsroom queries.
--
-- * Search: every wording is indexed with English AND Russian stemming,
--   case- and accent-insensitive; a query also finds the statements of an
--   actor whose names match; results can be ranked and highlighted.
-- * One filter definition for statements (onrecord_statements_filtered),
--   shared by the list queries that sort it differently, and a lean list
--   item with optional embeds and a field selection.
-- * Positions over time: a topic's timeline by speaker, an actor's
--   positions and their changes, stance counts per period.
--
-- db/NEWSROOM.md is the contract with the C side.

-------------------------------------------------------------------------------
-- Search
-------------------------------------------------------------------------------

-- English and Russian stems of every wording (folded: lower case, no
-- accents). The Russian configuration stems words in Latin script with the
-- English stemmer, so English words appear in both halves with the same
-- lexeme; Russian words are stemmed by the Russian half. Replaces the
-- English-only column of 0001 (same name, so older queries keep working).
ALTER TABLE statement_reports DROP COLUMN wording_tsv;  -- drops statement_reports_tsv
ALTER TABLE statement_reports ADD COLUMN wording_tsv tsvector GENERATED ALWAYS AS
    (to_tsvector('english'::regconfig, onrecord_fold(wording))
     || to_tsvector('russian'::regconfig, onrecord_fold(wording))) STORED;
CREATE INDEX statement_reports_tsv ON statement_reports USING gin (wording_tsv);

-- A search box query (websearch syntax: words, "phrases", or, -not) as a
-- tsquery matching wording_tsv: its English OR its Russian reading.
-- NULL for NULL. A query of stop words only is empty and matches nothing.
CREATE FUNCTION onrecord_tsquery(q text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN websearch_to_tsquery('english'::regconfig, onrecord_fold(q))
        || websearch_to_tsquery('russian'::regconfig, onrecord_fold(q));

-- An actor's names (actors.search_names, already folded) as a tsvector that
-- onrecord_tsquery() matches word by word: q=gagloev, q=Гаглоева.
CREATE FUNCTION onrecord_names_tsv(search_names text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector('english'::regconfig, search_names)
        || to_tsvector('russian'::regconfig, search_names);
CREATE INDEX actors_names_tsv ON actors USING gin (onrecord_names_tsv(search_names));

-- Parses wordings for highlighting: the Russian configuration (English
-- stemmer for words in Latin script, Russian stemmer for Cyrillic) with
-- accents removed from non-ASCII words first, so that highlighted words are
-- those wording_tsv matched. (A Latin word with an accent is stemmed as
-- Russian here and may go unmarked; the seed has none.)
CREATE TEXT SEARCH CONFIGURATION onrecord_headline (COPY = pg_catalog.russian);
ALTER TEXT SEARCH CONFIGURATION onrecord_headline
    ALTER MAPPING FOR word, hword, hword_part WITH public.unaccent, pg_catalog.russian_stem;

-- Relevance of a statement to q: the best cover-density rank of its
-- reports' wordings (normalized by the log of the wording's length, so a
-- short wording that says it beats a long one that mentions it), plus 0.01
-- when the actor's names match q. Rank of a wording match is about
-- 0.02-0.1, so a statement found by its actor's name alone ranks below the
-- statements whose words match. NULL when q is NULL. real arithmetic only:
-- the same statement and q always give the same value (it is a cursor key).
CREATE FUNCTION onrecord_statement_rank(s statements, q tsquery) RETURNS real
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN q IS NOT NULL THEN
        coalesce((SELECT max(ts_rank_cd(r.wording_tsv, q, 1))
                  FROM statement_reports r
                  WHERE r.statement_id = s.id AND r.wording_tsv @@ q), 0::real)
        + CASE WHEN EXISTS (SELECT 1 FROM actors a
                            WHERE a.id = s.actor_id AND onrecord_names_tsv(a.search_names) @@ q)
               THEN 0.01::real ELSE 0::real END
    END;

-- Text for an HTML element's content or a double-quoted attribute.
CREATE FUNCTION onrecord_html_escape(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN replace(replace(replace(replace(t, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;');

-- A snippet (up to 2 fragments of 5-25 words, joined by " ... ") of the
-- best-matching report's wording (highest rank; ties: the report listed
-- first, i.e. earliest source), HTML-escaped, with the matched words wrapped
-- in <mark>...</mark>. A statement found by its actor's name only gives the
-- first 25 words of its first report's wording, without marks. NULL when q
-- is NULL. ts_headline marks with two private-use characters (U+E000,
-- U+E001), removed from the wording beforehand, which become the tags after
-- escaping. (ts_headline leaves out anything that looks like an HTML tag.)
CREATE FUNCTION onrecord_statement_highlight(s statements, q tsquery) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT replace(replace(onrecord_html_escape(
                       ts_headline('onrecord_headline'::regconfig,
                                   translate(r.wording, U&'\E000\E001', ''), q,
                                   CASE WHEN r.wording_tsv @@ q
                                        THEN U&'StartSel=\E000, StopSel=\E001, MaxFragments=2, MinWords=5, MaxWords=25'
                                        ELSE 'MinWords=24, MaxWords=25' END)),
                       U&'\E000', '<mark>'), U&'\E001', '</mark>')
            FROM statement_reports r JOIN sources src ON src.id = r.source_id
            WHERE r.statement_id = s.id AND q IS NOT NULL
            ORDER BY ts_rank_cd(r.wording_tsv, q, 1) DESC, src.published_on NULLS LAST, src.id
            LIMIT 1);

-------------------------------------------------------------------------------
-- Statements: one filter, several orders
-------------------------------------------------------------------------------

-- The statements that pass the list filters (NULL = filter absent):
--   actor slug, topic slug, stance position (topic and stance hold for the
--   same stance), source id (reported by it), outlet slug (reported by one
--   of its sources), from (the said period ends on or after it), to (it
--   starts on or before it), language, q (a wording matches, or the actor's
--   names do), status (published / disputed / retracted).
-- A plain SQL function (single SELECT, not STRICT, no SET, no SECURITY
-- DEFINER), so the planner inlines it into the calling query and the
-- caller's ORDER BY / LIMIT / cursor condition combine with these filters.
-- Positional parameters: a parameter named like a column would lose to it.
CREATE FUNCTION onrecord_statements_filtered(
        actor text, topic text, stance text, source bigint, outlet text,
        from_day date, to_day date, lang text, q text, status text)
    RETURNS SETOF statements
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT s.*
FROM statements s
WHERE ($1 IS NULL OR s.actor_id = (SELECT a.id FROM actors a WHERE a.slug = $1))
  AND (($2 IS NULL AND $3 IS NULL) OR EXISTS (
        SELECT 1 FROM stances st JOIN topics t ON t.id = st.topic_id
        WHERE st.statement_id = s.id
          AND ($2 IS NULL OR t.slug = $2)
          AND ($3 IS NULL OR st.position = $3)))
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

-- Keeps the top-level keys of object j named in fields, in j's order
-- (unknown names are simply absent). fields NULL: j unchanged; no key
-- left: {}.
CREATE FUNCTION onrecord_shape(j json, fields text[]) RETURNS json
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN fields IS NULL OR j IS NULL THEN j
        ELSE (SELECT coalesce(json_object_agg(e.key, e.value ORDER BY e.ord), '{}'::json)
              FROM json_each(j) WITH ORDINALITY AS e(key, value, ord)
              WHERE e.key = ANY (fields))
    END;

-- The reports of a statement as in onrecord_statement_json.
CREATE FUNCTION onrecord_statement_reports_json(statement_id bigint) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT coalesce(json_agg(json_build_object(
                       'source', onrecord_source_ref(src),
                       'wording', rep.wording,
                       'note', rep.note)
                   ORDER BY src.published_on NULLS LAST, src.id), '[]')
            FROM statement_reports rep JOIN sources src ON src.id = rep.source_id
            WHERE rep.statement_id = onrecord_statement_reports_json.statement_id);

-- The stances of a statement as in onrecord_statement_json.
CREATE FUNCTION onrecord_statement_stances_json(statement_id bigint) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT coalesce(json_agg(json_build_object(
                       'topic', t.slug,
                       'proposition', t.proposition,
                       'position', st.position,
                       'condition', st.condition,
                       'note', st.note)
                   ORDER BY t.slug), '[]')
            FROM stances st JOIN topics t ON t.id = st.topic_id
            WHERE st.statement_id = onrecord_statement_stances_json.statement_id);

-- A statement as a list item. Keys, in this order:
--   id, actor, attribution, said_on, said_precision, kind, status, language,
--   context, summary                         always;
--   reports                                  when include has 'reports';
--   stances                                  when include has 'stances';
--   score (onrecord_statement_rank)          when q is not NULL;
--   highlight (onrecord_statement_highlight) when q is not NULL and highlight.
-- actor is the ref {slug, name, kind} (null without actor), or, when include
-- has 'actor', {slug, name, kind, country, other_names, description,
-- roles_at_time}. fields (NULL = all) keeps only the keys it names, in the
-- order above; a value is computed only when its key is kept.
CREATE FUNCTION onrecord_statement_item_json(s statements, include text[], fields text[],
                                             q tsquery, highlight boolean) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
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

-------------------------------------------------------------------------------
-- Positions over time
-------------------------------------------------------------------------------

-- A statement as the timeline shows it under a stance.
CREATE FUNCTION onrecord_timeline_statement_json(s statements) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'id', s.id,
        'summary', s.summary,
        'kind', s.kind,
        'status', s.status,
        'reports', (SELECT coalesce(json_agg(json_build_object(
                               'source', json_build_object(
                                   'id', src.id,
                                   'title', src.title,
                                   'outlet', (SELECT onrecord_outlet_ref(o) FROM outlets o
                                              WHERE o.id = src.outlet_id)),
                               'wording', rep.wording)
                           ORDER BY src.published_on NULLS LAST, src.id), '[]')
                    FROM statement_reports rep JOIN sources src ON src.id = rep.source_id
                    WHERE rep.statement_id = s.id));

-- A topic's positions by speaker: one row per speaker (an actor, or, for
-- statements without actor, the attribution text) who took a stance on the
-- topic with a statement in [from_day, to_day] (the same date semantics as
-- the statement filters; NULL = open). key orders the rows and is unique:
-- the first stance's said_on (YYYY-MM-DD, first day of its period), '|',
-- then 'a:' and the actor's slug, or for an attribution 'u:' and the id of
-- its first statement, zero-padded to 19 digits (so speakers of the same
-- date are: actors by slug, then attributions in the order they were
-- recorded). At most 113 bytes, no tab; compare it with COLLATE "C".
-- Stances of a speaker are in (said_on, statement id) order;
-- current_position is the last one's.
CREATE FUNCTION onrecord_topic_timeline(topic text, from_day date, to_day date)
    RETURNS TABLE (item json, key text)
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT json_build_object(
           'actor', (SELECT onrecord_actor_ref(a) FROM actors a WHERE a.id = g.actor_id),
           'attribution', CASE WHEN g.actor_id IS NULL THEN g.attribution END,
           'first_said_on', (array_agg(onrecord_date_text(g.said_on, g.said_precision)
                                       ORDER BY g.said_on, g.id))[1],
           'last_said_on', (array_agg(onrecord_date_text(g.said_on, g.said_precision)
                                      ORDER BY g.said_on DESC, g.id DESC))[1],
           'current_position', (array_agg(g.position ORDER BY g.said_on DESC, g.id DESC))[1],
           'stances', json_agg(json_build_object(
                          'said_on', onrecord_date_text(g.said_on, g.said_precision),
                          'said_precision', g.said_precision,
                          'position', g.position,
                          'condition', g.condition,
                          'statement', onrecord_timeline_statement_json(g.s))
                      ORDER BY g.said_on, g.id)),
       to_char(min(g.said_on), 'YYYY-MM-DD') || '|'
           || CASE WHEN g.actor_id IS NOT NULL
                   THEN 'a:' || (SELECT a.slug FROM actors a WHERE a.id = g.actor_id)
                   ELSE 'u:' || lpad(min(g.id) FILTER (WHERE g.said_on = g.first_on)::text, 19, '0') END
FROM (SELECT s AS s, s.id, s.actor_id,
             CASE WHEN s.actor_id IS NULL THEN s.attribution END AS attribution,
             s.said_on, s.said_precision, st.position, st.condition,
             min(s.said_on) OVER (PARTITION BY s.actor_id,
                                  CASE WHEN s.actor_id IS NULL THEN s.attribution END) AS first_on
      FROM stances st
      JOIN statements s ON s.id = st.statement_id
      WHERE st.topic_id = (SELECT t.id FROM topics t WHERE t.slug = $1)
        AND ($2 IS NULL OR s.said_until >= $2)
        AND ($3 IS NULL OR s.said_on <= $3)) g
GROUP BY g.actor_id, g.attribution
$$;

-- An actor's positions: one row per topic the actor took a stance on, with
-- the topic's slug as the second column.
--   current: the last stance in (said_on, statement id) order;
--   changes: each point where the position differs from the one before (the
--     first stance is a change from null); statements: the statements that
--     mark the change: the one where the new position first appears and the
--     following ones with the same position and the same date (said_on and
--     precision). Later statements with the same position are in stances.
--   stances: every stance in (said_on, statement id) order.
-- Statements of the same date are ordered by id (for the seed, the order in
-- which the source printed them).
CREATE FUNCTION onrecord_actor_positions(actor text)
    RETURNS TABLE (item json, topic text)
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
WITH st AS (
    SELECT t.id AS topic_id, s.id, s.said_on, s.said_precision, x.position, x.condition,
           lag(x.position) OVER w AS previous,
           row_number() OVER w AS n
    FROM statements s
    JOIN stances x ON x.statement_id = s.id
    JOIN topics t ON t.id = x.topic_id
    WHERE s.actor_id = (SELECT a.id FROM actors a WHERE a.slug = $1)
    WINDOW w AS (PARTITION BY t.id ORDER BY s.said_on, s.id)
), runs AS (
    SELECT st.*,
           count(*) FILTER (WHERE st.previous IS DISTINCT FROM st.position)
               OVER (PARTITION BY st.topic_id ORDER BY st.n) AS run
    FROM st
), marked AS (
    SELECT r.*,
           first_value(r.said_on) OVER (PARTITION BY r.topic_id, r.run ORDER BY r.n) AS run_on,
           first_value(r.said_precision) OVER (PARTITION BY r.topic_id, r.run ORDER BY r.n)
               AS run_precision,
           first_value(r.previous) OVER (PARTITION BY r.topic_id, r.run ORDER BY r.n) AS run_from
    FROM runs r
), changes AS (
    SELECT m.topic_id, m.run,
           json_build_object(
               'from', min(m.run_from),
               'to', min(m.position),
               'said_on', onrecord_date_text(min(m.run_on), min(m.run_precision)),
               'said_precision', min(m.run_precision),
               'statements', json_agg(m.id ORDER BY m.n)
                             FILTER (WHERE m.said_on = m.run_on
                                       AND m.said_precision = m.run_precision)) AS change
    FROM marked m
    GROUP BY m.topic_id, m.run
)
SELECT json_build_object(
           'topic', json_build_object('slug', t.slug, 'proposition', t.proposition),
           'current', (SELECT json_build_object(
                                  'position', l.position,
                                  'condition', l.condition,
                                  'said_on', onrecord_date_text(l.said_on, l.said_precision),
                                  'statement_id', l.id)
                       FROM st l WHERE l.topic_id = t.id ORDER BY l.n DESC LIMIT 1),
           'changes', (SELECT json_agg(c.change ORDER BY c.run)
                       FROM changes c WHERE c.topic_id = t.id),
           'stances', (SELECT json_agg(json_build_object(
                                  'said_on', onrecord_date_text(l.said_on, l.said_precision),
                                  'position', l.position,
                                  'condition', l.condition,
                                  'statement_id', l.id)
                              ORDER BY l.n)
                       FROM st l WHERE l.topic_id = t.id)),
       t.slug::text
FROM topics t
WHERE t.id IN (SELECT st.topic_id FROM st)
$$;

-- Stance counts per period, for a chart: one JSON object
--   {"topic", "interval", "from", "to", "group_by", "buckets": [{"start", "counts"}]}
-- topic: slug or NULL (every topic; a statement with stances on two topics
-- counts twice). interval: month | quarter | year. A stance counts in the
-- bucket containing its statement's said_on, the first day of its period:
-- a month-precision statement in that month, a year-precision one in the
-- bucket containing January 1st. from/to (NULL: the first / last said_on
-- of a counted stance) are truncated to the interval; "from" and "to" in
-- the result are the first and last bucket's start. Every bucket from
-- "from" to "to" is listed, empty ones with zeros. group_by position:
-- counts {supports, opposes, conditional, neutral}; group_by actor: counts
-- keyed by actor slug ("unattributed" for statements without actor), every
-- key seen in the range in every bucket, keys sorted (unattributed last).
-- No stance at all and from or to NULL: from, to NULL, buckets [].
-- True when first..last holds at most 1000 buckets of `step`; otherwise
-- raises ORBP0 (the server answers 400 naming DETAIL, the parameter).
CREATE FUNCTION onrecord_check_buckets(first date, last date, step text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    months integer := (extract(year FROM last) - extract(year FROM first)) * 12
                      + extract(month FROM last) - extract(month FROM first);
    n integer := CASE step WHEN 'month' THEN months WHEN 'quarter' THEN months / 3
                           ELSE months / 12 END + 1;
BEGIN
    IF n > 1000 THEN
        RAISE EXCEPTION 'from..to spans % %s; at most 1000 buckets: use a longer interval',
                n, step USING ERRCODE = 'ORBP0', DETAIL = 'interval';
    END IF;
    RETURN true;
END $$;

CREATE FUNCTION onrecord_stance_stats(topic text, step text, from_day date, to_day date,
                                      group_by text) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
WITH counted AS (   -- stances of the topic (or all), with their bucket
    SELECT date_trunc($2, s.said_on::timestamp)::date AS bucket, st.position,
           coalesce(a.slug::text, 'unattributed') AS speaker
    FROM stances st
    JOIN statements s ON s.id = st.statement_id
    LEFT JOIN actors a ON a.id = s.actor_id
    WHERE ($1 IS NULL OR st.topic_id = (SELECT t.id FROM topics t WHERE t.slug = $1))
), span0 AS (
    SELECT coalesce(date_trunc($2, $3::timestamp)::date, (SELECT min(c.bucket) FROM counted c)) AS first,
           coalesce(date_trunc($2, $4::timestamp)::date, (SELECT max(c.bucket) FROM counted c)) AS last,
           CASE $2 WHEN 'month' THEN interval '1 month'
                   WHEN 'quarter' THEN interval '3 months'
                   WHEN 'year' THEN interval '1 year' END AS step
), span AS (
    SELECT * FROM span0 r
    WHERE r.first IS NULL OR r.last IS NULL OR onrecord_check_buckets(r.first, r.last, $2)
), buckets AS (
    SELECT g::date AS start
    FROM span r, generate_series(r.first::timestamp, r.last::timestamp, r.step) AS g
), tally AS (       -- non-zero counts by bucket and key
    SELECT c.bucket, CASE $5 WHEN 'position' THEN c.position ELSE c.speaker END AS key,
           count(*) AS n
    FROM counted c, span r
    WHERE c.bucket BETWEEN r.first AND r.last
    GROUP BY 1, 2
), series AS (      -- the keys of counts, in order
    SELECT k.key, k.ord
    FROM (VALUES ('supports', 1), ('opposes', 2), ('conditional', 3), ('neutral', 4)) AS k(key, ord)
    WHERE $5 = 'position'
    UNION ALL
    SELECT DISTINCT t.key, CASE WHEN t.key = 'unattributed' THEN 2 ELSE 1 END
    FROM tally t
    WHERE $5 = 'actor'
), cells AS (
    SELECT b.start, k.key, k.ord, coalesce(t.n, 0) AS n
    FROM buckets b
    CROSS JOIN series k
    LEFT JOIN tally t ON t.bucket = b.start AND t.key = k.key
), rows AS (
    SELECT b.start,
           coalesce(json_object_agg(c.key, c.n ORDER BY c.ord, c.key COLLATE "C")
                        FILTER (WHERE c.key IS NOT NULL), '{}'::json) AS counts
    FROM buckets b
    LEFT JOIN cells c ON c.start = b.start
    GROUP BY b.start
)
SELECT json_build_object(
    'topic', $1,
    'interval', $2,
    'from', to_char(r.first, 'YYYY-MM-DD'),
    'to', to_char(r.last, 'YYYY-MM-DD'),
    'group_by', $5,
    'buckets', coalesce((SELECT json_agg(json_build_object(
                                    'start', to_char(w.start, 'YYYY-MM-DD'),
                                    'counts', w.counts)
                                ORDER BY w.start)
                         FROM rows w), '[]'::json))
FROM span r
$$;
