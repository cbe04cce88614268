-- 0006_change_notify.sql: tells listening servers that data changed.
--
-- Every statement that writes to a table an API answer is built from sends
-- NOTIFY onrecord_changes, delivered when its transaction commits (and not
-- at all if it rolls back; repeats within one transaction are folded into
-- one). onrecord's validator cache (server/vcache.c) forgets every ETag it
-- holds when one arrives, so a conditional GET never gets 304 for a
-- representation that a committed write has changed.
--
-- Statement-level triggers, not the `changes` table, because some writes
-- change an answer without recording a change: an UPDATE that leaves the
-- row as it was still bumps its version (and so its ETag), and TRUNCATE
-- records nothing. A bulk load with session_replication_role = replica skips
-- these triggers like all others: run NOTIFY onrecord_changes after it if a
-- server is running.
CREATE FUNCTION onrecord_notify_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('onrecord_changes', '');
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['actors', 'roles', 'outlets', 'sources', 'statements',
                             'statement_reports', 'topics', 'stances', 'recognitions',
                             'recognition_sources', 'events']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION onrecord_notify_change()',
                       t || '_notify', t);
    END LOOP;
END $$;
