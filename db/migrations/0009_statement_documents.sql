-- 0009_statement_documents.sql: every statement's full JSON, stored, so that
-- GET /v1/statements/{id} reads one row instead of building the document
-- from eight tables on every request (bench/RESULTS.md: pgbench on the
-- query went from about 6,700 to 57,000 transactions/s at 1M statements).
--
-- statement_documents holds onrecord_statement_json(s)::text for each
-- statement. It is kept equal to that function by triggers, in the writing
-- transaction, so a reader never sees a document older than the rows it was
-- built from:
--
-- 1. Statement-level triggers on every table the document is built from
--    (statements, actors, roles, outlets, sources, statement_reports, topics,
--    stances) put the ids of the statements whose documents may have changed
--    into statement_documents_stale. An UPDATE of an actor, outlet, source or
--    topic counts only when a field the document shows changed, so editing
--    an actor's biography does not rebuild its 10,000 statements.
-- 2. The stale row's insert queues a deferred constraint trigger, which at
--    COMMIT builds the document once, however many rows of the statement the
--    transaction wrote (ON CONFLICT DO NOTHING folds repeats), and removes
--    the stale row.
-- 3. Writers never build from data older than the last commit. Every write
--    to these tables takes the change-feed lock of 0003
--    (pg_advisory_xact_lock in onrecord_record_change) and holds it until
--    it ends, so writers run one after another; in READ COMMITTED the
--    rebuild at COMMIT is a new query, which sees every earlier commit. The
--    document's row lock (FOR UPDATE) orders two rebuilds of one statement
--    even without that. A REPEATABLE READ or SERIALIZABLE transaction reads
--    from its first snapshot, which may predate a commit that changed
--    something its statements show (a renamed outlet that no stored
--    document showed yet), so it stores nothing: it deletes the documents
--    it would rebuild, and GET builds them on each read until a READ
--    COMMITTED write (or onrecord_statement_documents_rebuild()) stores
--    them again. The server writes in READ COMMITTED.
--
-- A load with session_replication_role = replica skips all of this, like
-- every other trigger: run SELECT onrecord_statement_documents_rebuild()
-- after it (bench/gen/load does). The read query falls back to building the
-- document when its row is missing.
CREATE TABLE statement_documents (
    statement_id bigint PRIMARY KEY REFERENCES statements ON DELETE CASCADE,
    body         text NOT NULL
);
-- About 1.7 KB of JSON a statement. Rows over PostgreSQL's 2 KB threshold
-- are compressed in place (lz4 is cheap to undo); STORAGE MAIN keeps them
-- in the row, so a read is one heap fetch. At 1M statements: 1.55 GB, about
-- a third of the rows compressed, nothing in the TOAST table.
ALTER TABLE statement_documents ALTER COLUMN body SET STORAGE MAIN;
ALTER TABLE statement_documents ALTER COLUMN body SET COMPRESSION lz4;
ALTER TABLE statement_documents SET (toast_tuple_target = 128);

-- Rows live only inside the writing transaction (step 2 removes them), so
-- there is nothing to keep across a crash.
CREATE UNLOGGED TABLE statement_documents_stale (
    statement_id bigint PRIMARY KEY
);

-- A document is a handful of index lookups. Right after a bulk write into
-- freshly created tables there are no column statistics yet, and the
-- planner hashed all 100,000 sources for each document (\copy of 200,000
-- statements: its COMMIT had not ended after 3 minutes; with the first three
-- settings 50,000 took 5.8 s), or, at 1M statements, started parallel
-- workers for each document (the COMMIT had not ended after 20 minutes). The
-- settings hold while this function runs, for the functions it calls, which
-- plan their queries on first use.
CREATE FUNCTION onrecord_statement_document_refresh() RETURNS trigger
    LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
    SET max_parallel_workers_per_gather = 0
AS $$
BEGIN
    DELETE FROM statement_documents_stale WHERE statement_id = NEW.statement_id;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        DELETE FROM statement_documents WHERE statement_id = NEW.statement_id;  -- step 3
        RETURN NULL;
    END IF;
    PERFORM 1 FROM statement_documents WHERE statement_id = NEW.statement_id FOR UPDATE;
    INSERT INTO statement_documents (statement_id, body)
    SELECT s.id, onrecord_statement_json(s)::text FROM statements s WHERE s.id = NEW.statement_id
    ON CONFLICT (statement_id) DO UPDATE SET body = EXCLUDED.body;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER statement_documents_refresh
    AFTER INSERT ON statement_documents_stale
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION onrecord_statement_document_refresh();

-- Step 1. The transition tables are called new_rows and old_rows; an INSERT
-- has only new_rows and a DELETE only old_rows, hence the branches on TG_OP.
-- Ids are inserted in order, so that two writers touching the same
-- statements wait for each other instead of deadlocking.
CREATE FUNCTION onrecord_statement_documents_mark() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    CASE TG_TABLE_NAME
    WHEN 'statements' THEN
        INSERT INTO statement_documents_stale
        SELECT id FROM new_rows ORDER BY 1 ON CONFLICT DO NOTHING;
    WHEN 'statement_reports', 'stances' THEN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO statement_documents_stale
            SELECT DISTINCT statement_id FROM new_rows ORDER BY 1 ON CONFLICT DO NOTHING;
        ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO statement_documents_stale
            SELECT DISTINCT statement_id FROM old_rows ORDER BY 1 ON CONFLICT DO NOTHING;
        ELSE
            INSERT INTO statement_documents_stale
            SELECT statement_id FROM new_rows UNION SELECT statement_id FROM old_rows
            ORDER BY 1 ON CONFLICT DO NOTHING;
        END IF;
    WHEN 'roles' THEN
        -- The speaker's roles at the time, each with its organization.
        IF TG_OP = 'INSERT' THEN
            INSERT INTO statement_documents_stale
            SELECT s.id FROM statements s WHERE s.actor_id IN (SELECT actor_id FROM new_rows)
            ORDER BY 1 ON CONFLICT DO NOTHING;
        ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO statement_documents_stale
            SELECT s.id FROM statements s WHERE s.actor_id IN (SELECT actor_id FROM old_rows)
            ORDER BY 1 ON CONFLICT DO NOTHING;
        ELSE
            INSERT INTO statement_documents_stale
            SELECT s.id FROM statements s
            WHERE s.actor_id IN (SELECT actor_id FROM new_rows UNION SELECT actor_id FROM old_rows)
            ORDER BY 1 ON CONFLICT DO NOTHING;
        END IF;
    WHEN 'actors' THEN
        -- UPDATE only: a new actor is in no document yet, and one that is
        -- cannot be deleted (foreign keys). Shown as the speaker and as the
        -- organization of a role.
        INSERT INTO statement_documents_stale
        WITH changed AS (
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE onrecord_actor_ref(n::actors)::text IS DISTINCT FROM onrecord_actor_ref(o::actors)::text)
        SELECT s.id FROM statements s WHERE s.actor_id IN (SELECT id FROM changed)
        UNION
        SELECT s.id FROM roles r JOIN statements s ON s.actor_id = r.actor_id
        WHERE r.organization_id IN (SELECT id FROM changed)
        ORDER BY 1 ON CONFLICT DO NOTHING;
    WHEN 'sources' THEN
        INSERT INTO statement_documents_stale
        SELECT DISTINCT r.statement_id FROM statement_reports r
        WHERE r.source_id IN (
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE onrecord_source_ref(n::sources)::text IS DISTINCT FROM onrecord_source_ref(o::sources)::text
               -- reports are ordered by their source's date and id
               OR n.published_on IS DISTINCT FROM o.published_on)
        ORDER BY 1 ON CONFLICT DO NOTHING;
    WHEN 'outlets' THEN
        INSERT INTO statement_documents_stale
        SELECT DISTINCT r.statement_id FROM statement_reports r
        JOIN sources src ON src.id = r.source_id
        WHERE src.outlet_id IN (
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE onrecord_outlet_ref(n::outlets)::text IS DISTINCT FROM onrecord_outlet_ref(o::outlets)::text)
        ORDER BY 1 ON CONFLICT DO NOTHING;
    WHEN 'topics' THEN
        INSERT INTO statement_documents_stale
        SELECT DISTINCT st.statement_id FROM stances st
        WHERE st.topic_id IN (
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.slug, n.proposition) IS DISTINCT FROM (o.slug, o.proposition))
        ORDER BY 1 ON CONFLICT DO NOTHING;
    END CASE;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
    op text;
BEGIN
    FOREACH t IN ARRAY ARRAY['statements', 'statement_reports', 'stances', 'roles'] LOOP
        FOREACH op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
            CONTINUE WHEN t = 'statements' AND op = 'DELETE';  -- ON DELETE CASCADE
            EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s '
                           'FOR EACH STATEMENT EXECUTE FUNCTION onrecord_statement_documents_mark()',
                           t || '_documents_' || lower(op), op, t,
                           CASE op WHEN 'INSERT' THEN 'NEW TABLE AS new_rows'
                                   WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
                                   ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END);
        END LOOP;
    END LOOP;
    FOREACH t IN ARRAY ARRAY['actors', 'sources', 'outlets', 'topics'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I '
                       'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION onrecord_statement_documents_mark()',
                       t || '_documents_update', t);
    END LOOP;
END $$;

-- Builds every document again (after a load that skipped the triggers).
-- Returns the number of documents written.
CREATE FUNCTION onrecord_statement_documents_rebuild() RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    DELETE FROM statement_documents;
    INSERT INTO statement_documents (statement_id, body)
    SELECT s.id, onrecord_statement_json(s)::text FROM statements s;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;

SELECT onrecord_statement_documents_rebuild();
