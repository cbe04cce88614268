-- 0007_bulk_import.sql: `onrecord import` writes statements a batch at a time.
--
-- onrecord_import_statements(bodies, keys, actor) inserts a JSON array of
-- statement bodies (each already checked by server/validate.c, as
-- onrecord_write would get them) with set-based INSERTs: the statements,
-- their reports, their stances and one idempotency key per line (keys[i] is
-- line i's fingerprint). Lines whose key is already recorded are skipped, so
-- importing a file twice adds nothing. Rows go through the same tables,
-- constraints and triggers (history, versions, NOTIFY) as any other write.
--
-- It is all or nothing: when any line is refused (an unknown actor, topic
-- or source, a CHECK), it raises, and server/import.c rolls the batch back
-- and writes those lines one by one through onrecord_write, which names the
-- line and the field. Returns the number of statements written.
CREATE FUNCTION onrecord_import_statements(p_bodies jsonb, p_keys text[], p_actor text)
    RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    v_key_name text := coalesce(nullif(p_actor, ''), 'system');
    v_missing text;
    n integer;
BEGIN
    PERFORM set_config('onrecord.actor', coalesce(p_actor, ''), true);
    PERFORM pg_advisory_xact_lock(7210434); -- as onrecord_write: the change-feed lock first

    CREATE TEMP TABLE IF NOT EXISTS onrecord_import_batch (
        id bigint, key text, body jsonb, actor_id bigint, said_on date, said_precision text);
    TRUNCATE onrecord_import_batch;

    -- Ids in file order, as line-by-line writes would give them: nextval()
    -- runs over rows already sorted by line.
    INSERT INTO onrecord_import_batch
    SELECT nextval(pg_get_serial_sequence('statements', 'id')), x.key, x.body, x.actor_id,
           x.d, x.prec
    FROM (SELECT e.key, e.body, a.id AS actor_id, d.d, d.prec
          FROM ROWS FROM (jsonb_array_elements(p_bodies), unnest(p_keys))
               WITH ORDINALITY AS e(body, key, line)
          LEFT JOIN actors a ON a.slug = e.body->>'actor'
          CROSS JOIN LATERAL onrecord_parse_date(e.body->>'said_on', '/said_on') d
          WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys k
                            WHERE k.key_name = v_key_name AND k.idempotency_key = e.key)
          ORDER BY e.line) x;
    GET DIAGNOSTICS n = ROW_COUNT;

    SELECT b.body->>'actor' INTO v_missing
    FROM onrecord_import_batch b WHERE b.body ? 'actor' AND b.body->>'actor' IS NOT NULL
                                    AND b.actor_id IS NULL LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'no actor with slug %', v_missing USING ERRCODE = 'ORRF0', DETAIL = '/actor';
    END IF;
    SELECT st->>'topic' INTO v_missing
    FROM onrecord_import_batch b, jsonb_array_elements(coalesce(b.body->'stances', '[]')) st
    WHERE NOT EXISTS (SELECT 1 FROM topics t WHERE t.slug = st->>'topic') LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'no topic with slug %', v_missing USING ERRCODE = 'ORRF0', DETAIL = '/stances';
    END IF;

    INSERT INTO statements (id, actor_id, attribution, said_on, said_precision, kind, language,
                            context, summary, note, status, status_note)
    OVERRIDING SYSTEM VALUE
    SELECT b.id, b.actor_id, b.body->>'attribution', b.said_on, b.said_precision,
           b.body->>'kind', b.body->>'language', b.body->>'context', b.body->>'summary',
           b.body->>'note', coalesce(b.body->>'status', 'published'), b.body->>'status_note'
    FROM onrecord_import_batch b ORDER BY b.id;

    INSERT INTO statement_reports (statement_id, source_id, wording, note)
    SELECT b.id, (r.value->>'source')::bigint, r.value->>'wording', r.value->>'note'
    FROM onrecord_import_batch b, jsonb_array_elements(b.body->'reports') WITH ORDINALITY r
    ORDER BY b.id, r.ordinality;

    INSERT INTO stances (statement_id, topic_id, position, condition, note)
    SELECT b.id, t.id, st.value->>'position', st.value->>'condition', st.value->>'note'
    FROM onrecord_import_batch b,
         jsonb_array_elements(coalesce(b.body->'stances', '[]')) WITH ORDINALITY st
    JOIN topics t ON t.slug = st.value->>'topic'
    ORDER BY b.id, st.ordinality;

    -- The same key and request hash onrecord_write records for the line.
    INSERT INTO idempotency_keys (key_name, idempotency_key, request_hash, status, location)
    SELECT v_key_name, b.key, md5('statements:' || b.body::text), 201, '/v1/statements/' || b.id
    FROM onrecord_import_batch b;
    RETURN n;
END $$;
