-- 0011_document_batches.sql: the documents a transaction marks (0009) are
-- built all together, by one INSERT ... SELECT, instead of one at a time;
-- and a transaction that marks many of them analyzes the tables first.
--
-- Why (bench/RESULTS.md):
--   * A bulk load with triggers on (psql \copy of 1M statements in one
--     transaction) builds a million documents at COMMIT. Tables filled in
--     that same transaction have no column statistics, so the planner
--     guessed thousands of stances per statement and found a statement's
--     stances by probing it with each of the 200 topics: 0.12 ms a document
--     at 50,000 statements, 0.28 ms at 300,000, and at 1M the COMMIT was
--     cancelled after more than 15 minutes (108 s with this migration).
--     ANALYZE inside the transaction samples the rows the transaction
--     wrote, so the plans see the real shape.
--   * Each firing used to run four statements for its one document; a
--     batch of 500 (onrecord import) now runs them once.
--
-- The constraint trigger of 0009 still fires once per marked statement (a
-- constraint trigger is FOR EACH ROW). The first firing builds every
-- document the transaction has marked so far and empties
-- statement_documents_stale; the others find their row gone and return.
-- Statements marked later (after SET CONSTRAINTS ... IMMEDIATE) queue new
-- firings, so they are built too. The isolation rule of 0009 (step 3) is
-- unchanged, now applied to the whole batch.

-- Marked statements at which the tables are analyzed before building. Below
-- it the plans made from older statistics are good enough: the COMMIT of a
-- 50,000-statement \copy into empty tables took 5.8 s without any.
CREATE FUNCTION onrecord_documents_analyze_threshold() RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN 50000;

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
    DELETE FROM statement_documents_stale;
    RETURN NULL;
END $$;
