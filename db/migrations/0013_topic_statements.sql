-- 0013_topic_statements.sql: what one actor said on one topic, as one range
-- of one index (bench/RESULTS.md has the before and after).
--
-- GET /v1/statements?actor=...&topic=... is a newsroom's commonest
-- question: what did this minister say about joining Russia, and when.
-- 0012 answers it by walking the actor's statements in date order and
-- probing each one for a stance on the topic; at a million statements a
-- page of 50 walked 80 or so statements and built 50 list items, about 1 ms
-- of PostgreSQL's time a request, which held the benchmark's 32 clients to
-- about 1,700 requests/s on two cores.
--
-- topic_statements has one row per stance, carrying what the walk needs
-- from the statement (its actor and dates) and the statement's list item,
-- stored (the JSON of onrecord_statement_list_item with no include, fields
-- or q). Its index (topic, actor, date, id) holds exactly one actor's
-- statements on one topic in date order, so a page is one index range and
-- one heap row per item.
--
-- The rows are derived data, kept the way 0009 keeps statement_documents:
-- whatever changes a statement's stances, its actor, its dates or what its
-- list item shows (the speaker's name or slug) marks the statement stale,
-- and the deferred rebuild at COMMIT (onrecord_statement_document_refresh,
-- replaced below) rewrites the statement's rows along with its document.
-- Outside READ COMMITTED the rows are still written, from the writer's
-- snapshot, but without an item (the list query builds it, as before), and
-- the statements are locked FOR SHARE first: a statement another writer
-- changed after that snapshot makes the write fail with a serialization
-- error instead of storing old dates.
CREATE TABLE topic_statements (
    statement_id bigint NOT NULL REFERENCES statements ON DELETE CASCADE,
    topic_id     bigint NOT NULL,
    position     text NOT NULL,
    actor_id     bigint,
    said_on      date NOT NULL,
    said_until   date NOT NULL,
    item         text,  -- NULL when written outside READ COMMITTED
    PRIMARY KEY (statement_id, topic_id)
);
CREATE INDEX topic_statements_actor ON topic_statements (topic_id, actor_id, said_on, statement_id);

-- What topic_statements holds, computed: the stored rows equal this view's
-- (tests/api/test_statement_documents.py checks it after every kind of edit).
CREATE VIEW topic_statement_rows AS
SELECT st.statement_id, st.topic_id, st.position, s.actor_id, s.said_on, s.said_until,
       onrecord_statement_lean_json(s, a)::text AS item
FROM stances st
JOIN statements s ON s.id = st.statement_id
LEFT JOIN actors a ON a.id = s.actor_id;

-- The rows of the statements in statement_documents_stale, written again;
-- with_items false leaves item NULL (and does not build it). Called by the
-- rebuild at COMMIT.
CREATE FUNCTION onrecord_topic_statements_refresh(with_items boolean) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM topic_statements t
    USING statement_documents_stale x WHERE t.statement_id = x.statement_id;
    INSERT INTO topic_statements
    SELECT v.statement_id, v.topic_id, v.position, v.actor_id, v.said_on, v.said_until,
           CASE WHEN with_items THEN v.item END
    FROM topic_statement_rows v
    WHERE v.statement_id IN (SELECT statement_id FROM statement_documents_stale)
    ORDER BY v.statement_id, v.topic_id;
END $$;

-- Every row written again (after a load that skipped the triggers), in the
-- index's order, so that one actor's statements on one topic share a few
-- heap pages: at 1M statements pgbench ran the benchmark's actor-and-topic
-- lists at 16,200 a second against 10,200 with the rows in statement order
-- (bench/RESULTS.md). Rows written later go where there is room; CLUSTER
-- topic_statements USING topic_statements_actor restores the order.
CREATE FUNCTION onrecord_topic_statements_rebuild() RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    DELETE FROM topic_statements;
    INSERT INTO topic_statements
    SELECT * FROM topic_statement_rows
    ORDER BY topic_id, actor_id, said_on, statement_id;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;

-- 0011's function with the topic_statements rows added (CREATE OR REPLACE
-- needs the whole body).
CREATE OR REPLACE FUNCTION onrecord_statement_document_refresh() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
    SET max_parallel_workers_per_gather = 0
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM statement_documents_stale
                   WHERE statement_id = NEW.statement_id) THEN
        RETURN NULL;  -- built by an earlier firing of this batch
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        PERFORM 1 FROM statements s
        WHERE s.id IN (SELECT statement_id FROM statement_documents_stale)
        ORDER BY s.id
        FOR SHARE;
        PERFORM onrecord_topic_statements_refresh(false);
        DELETE FROM statement_documents d  -- 0009, step 3
        USING statement_documents_stale x WHERE d.statement_id = x.statement_id;
        DELETE FROM statement_documents_stale;
        RETURN NULL;
    END IF;
    IF (SELECT count(*) FROM (SELECT 1 FROM statement_documents_stale
                              LIMIT onrecord_documents_analyze_threshold()) k)
       >= onrecord_documents_analyze_threshold() THEN
        -- A table this role does not own is skipped with a warning.
        ANALYZE statements, statement_reports, stances, roles, actors, sources,
                outlets, topics;
    END IF;
    PERFORM 1 FROM statement_documents d
    WHERE d.statement_id IN (SELECT statement_id FROM statement_documents_stale)
    ORDER BY d.statement_id
    FOR UPDATE;
    INSERT INTO statement_documents (statement_id, body)
    SELECT s.id, onrecord_statement_json(s)::text
    FROM statement_documents_stale x JOIN statements s ON s.id = x.statement_id
    ORDER BY s.id
    ON CONFLICT (statement_id) DO UPDATE SET body = EXCLUDED.body;
    PERFORM onrecord_topic_statements_refresh(true);
    DELETE FROM statement_documents_stale;
    RETURN NULL;
END $$;

-- 0009's rebuild (after a load that skipped the triggers) writes these rows
-- too. Returns the number of documents written.
CREATE OR REPLACE FUNCTION onrecord_statement_documents_rebuild() RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    DELETE FROM statement_documents;
    INSERT INTO statement_documents (statement_id, body)
    SELECT s.id, onrecord_statement_json(s)::text FROM statements s;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM onrecord_topic_statements_rebuild();
    RETURN n;
END $$;

-- One actor's statements on one topic: the rows of onrecord_statements_of_actor
-- (0012) with the topic given, as topic_statements rows. The filters that
-- topic_statements does not carry (source, outlet, language, status) are
-- tested on the statement's own rows, only when given. One plan fits every
-- request, as in 0012.
CREATE FUNCTION onrecord_topic_statements_of_actor(
        actor text, topic text, stance text, source bigint, outlet text,
        from_day date, to_day date, lang text, status text)
    RETURNS SETOF topic_statements
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT t.*
FROM topic_statements t
WHERE t.topic_id = (SELECT tp.id FROM topics tp WHERE tp.slug = $2)
  AND t.actor_id = (SELECT a.id FROM actors a WHERE a.slug = $1)
  -- A period is at most a year (0010), so from= bounds said_on too.
  AND t.said_on > coalesce($6 - 366, '-infinity'::date)
  AND t.said_on <= coalesce($7, 'infinity'::date)
  AND ($6 IS NULL OR t.said_until >= $6)
  AND ($3 IS NULL OR t.position = $3)
  AND ($4 IS NULL OR EXISTS (
        SELECT 1 FROM statement_reports r WHERE r.statement_id = t.statement_id AND r.source_id = $4))
  AND ($5 IS NULL OR EXISTS (
        SELECT 1 FROM statement_reports r
        JOIN sources src ON src.id = r.source_id
        JOIN outlets o ON o.id = src.outlet_id
        WHERE r.statement_id = t.statement_id AND o.slug = $5))
  AND (($8 IS NULL AND $9 IS NULL) OR EXISTS (
        SELECT 1 FROM statements s
        WHERE s.id = t.statement_id
          AND ($8 IS NULL OR s.language = $8)
          AND ($9 IS NULL OR s.status = $9)))
$$;

SELECT onrecord_topic_statements_rebuild();
