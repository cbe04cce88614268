-- 0003_writes.sql: authenticated writes, versions (ETags), change history.
--
-- API keys are stored as SHA-256 hashes only. Every editable row carries a
-- version that a BEFORE UPDATE trigger bumps; the API uses it as the ETag.
-- Every INSERT, UPDATE and DELETE on the editable tables is recorded in
-- `changes` by an AFTER trigger, with the API key's name as the actor.
-- onrecord_write() is the one entry point for API writes; db/WRITES.md
-- describes the contract with the C side.

-------------------------------------------------------------------------------
-- API keys
-------------------------------------------------------------------------------

CREATE TABLE api_keys (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    role       text NOT NULL CHECK (role IN ('editor', 'admin')),
    -- sha256(convert_to(plain_key, 'UTF8')); the plain key is never stored.
    key_hash   bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);

-------------------------------------------------------------------------------
-- Versions (ETags)
-------------------------------------------------------------------------------

-- Each column is added bare, then filled, then given its default and NOT
-- NULL: PostgreSQL 15.20 refuses ADD COLUMN ... NOT NULL DEFAULT (and an
-- identity column) on a table whose row type a SQL-body function of 0002
-- takes ("cannot alter table "actors" because function onrecord_actor_ref
-- (actors) uses its row type"); 15.18 allowed it. The result is the same
-- column either way.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['actors', 'roles', 'outlets', 'sources', 'statements', 'topics',
                             'stances', 'recognitions'] LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN version integer', t);
        EXECUTE format('UPDATE %I SET version = 1', t);
        EXECUTE format('ALTER TABLE %I ALTER COLUMN version SET DEFAULT 1, '
                       'ALTER COLUMN version SET NOT NULL', t);
    END LOOP;
END $$;

-- A stance is addressed by (statement, topic) in the API; the surrogate id
-- names it in the change history. (Added in steps, as above; stances is
-- empty when this runs, before any seed.)
ALTER TABLE stances ADD COLUMN id bigint;
ALTER TABLE stances ALTER COLUMN id SET NOT NULL;
ALTER TABLE stances ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
ALTER TABLE stances ADD UNIQUE (id);

-- Every UPDATE of a versioned row makes a new version.
CREATE FUNCTION onrecord_bump_version() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END $$;

CREATE TRIGGER actors_version BEFORE UPDATE ON actors
    FOR EACH ROW EXECUTE FUNCTION onrecord_bump_version();
CREATE TRIGGER roles_version BEFORE UPDATE ON roles
    FOR EACH ROW EXECUTE FUNCTION onrecord_bump_version();
CREATE TRIGGER outlets_version BEFORE UPDATE ON outlets
    FOR EACH ROW EXECUTE FUNCTION onrecord_bump_version();
CREATE TRIGGER sources_version BEFORE UPDATE ON sources
    FOR EACH ROW EXECUTE FUNCTION onrecord_bump_version();
CREATE TRIGGER statements_version BEFORE UPDATE ON statements
    FOR EACH ROW EXECUTE FUNCTION onrecord_bump_version();
CREATE TRIGGER topics_version BEFORE UPDATE ON topics
    FOR EACH ROW EXECUTE FUNCTION onrecord_bump_version();
CREATE TRIGGER stances_version BEFORE UPDATE ON stances
    FOR EACH ROW EXECUTE FUNCTION onrecord_bump_version();
CREATE TRIGGER recognitions_version BEFORE UPDATE ON recognitions
    FOR EACH ROW EXECUTE FUNCTION onrecord_bump_version();

-------------------------------------------------------------------------------
-- Change history
-------------------------------------------------------------------------------

-- One row per INSERT, UPDATE or DELETE of an editable row. Positions are
-- handed out in commit order (see onrecord_record_change), so a reader that
-- resumes after position P never misses a change committed later.
CREATE TABLE changes (
    position        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource        text NOT NULL,
    record_id       bigint NOT NULL,
    parent_resource text,
    parent_id       bigint,
    -- When an update moves a child (a role to another actor), the parent it
    -- left, so the change shows in both parents' histories.
    old_parent_id   bigint,
    op              text NOT NULL CHECK (op IN ('create', 'update', 'delete')),
    actor           text NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT now(),
    before          jsonb,
    after           jsonb
);
CREATE INDEX changes_record ON changes (resource, record_id, position);
CREATE INDEX changes_parent ON changes (parent_resource, parent_id, position);
CREATE INDEX changes_old_parent ON changes (parent_resource, old_parent_id, position)
    WHERE old_parent_id IS NOT NULL;
CREATE INDEX changes_resource ON changes (resource, position);
-- Finds a deleted (or renamed) record by the slug it had.
CREATE INDEX changes_before_slug ON changes (resource, (before->>'slug'), position)
    WHERE before ? 'slug';

-- Records one row change. resource is the table name; record_id the row's
-- id, or for the link tables without an id of their own (statement_reports,
-- recognition_sources) the id of the statement / recognition. before and
-- after leave out generated columns and the version; an UPDATE that changed
-- nothing else is not recorded.
CREATE FUNCTION onrecord_record_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    left_out CONSTANT text[] := ARRAY['search_names', 'said_until', 'wording_tsv', 'version'];
    v_before jsonb;
    v_after  jsonb;
    v_row    jsonb;
    v_id     bigint;
    v_parent_resource text;
    v_parent_id bigint;
    v_parent_key text;
    v_old_parent_id bigint;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        v_before := to_jsonb(OLD) - left_out;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        v_after := to_jsonb(NEW) - left_out;
    END IF;
    IF TG_OP = 'UPDATE' AND v_before = v_after THEN
        RETURN NULL;
    END IF;
    v_row := coalesce(v_after, v_before);
    CASE TG_TABLE_NAME
        WHEN 'statement_reports' THEN
            v_id := (v_row->>'statement_id')::bigint;
            v_parent_resource := 'statements';
            v_parent_id := v_id;
        WHEN 'recognition_sources' THEN
            v_id := (v_row->>'recognition_id')::bigint;
            v_parent_resource := 'recognitions';
            v_parent_id := v_id;
        WHEN 'roles' THEN
            v_id := (v_row->>'id')::bigint;
            v_parent_resource := 'actors';
            v_parent_key := 'actor_id';
        WHEN 'stances' THEN
            v_id := (v_row->>'id')::bigint;
            v_parent_resource := 'statements';
            v_parent_key := 'statement_id';
        ELSE
            v_id := (v_row->>'id')::bigint;
    END CASE;
    IF v_parent_key IS NOT NULL THEN
        v_parent_id := (v_row->>v_parent_key)::bigint;
        IF TG_OP = 'UPDATE' AND (v_before->>v_parent_key) IS DISTINCT FROM (v_after->>v_parent_key) THEN
            v_old_parent_id := (v_before->>v_parent_key)::bigint;
        END IF;
    END IF;
    -- Commit order: the lock is held until this transaction ends, so no
    -- other transaction can take a position until this one has committed
    -- (or rolled back). Positions therefore grow in commit order.
    PERFORM pg_advisory_xact_lock(7210434);
    INSERT INTO changes (resource, record_id, parent_resource, parent_id, old_parent_id, op, actor,
                         before, after)
    VALUES (TG_TABLE_NAME, v_id, v_parent_resource, v_parent_id, v_old_parent_id,
            CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
            coalesce(nullif(current_setting('onrecord.actor', true), ''), 'system'),
            v_before, v_after);
    RETURN NULL;
END $$;

CREATE TRIGGER actors_changes AFTER INSERT OR UPDATE OR DELETE ON actors
    FOR EACH ROW EXECUTE FUNCTION onrecord_record_change();
CREATE TRIGGER roles_changes AFTER INSERT OR UPDATE OR DELETE ON roles
    FOR EACH ROW EXECUTE FUNCTION onrecord_record_change();
CREATE TRIGGER outlets_changes AFTER INSERT OR UPDATE OR DELETE ON outlets
    FOR EACH ROW EXECUTE FUNCTION onrecord_record_change();
CREATE TRIGGER sources_changes AFTER INSERT OR UPDATE OR DELETE ON sources
    FOR EACH ROW EXECUTE FUNCTION onrecord_record_change();
CREATE TRIGGER statements_changes AFTER INSERT OR UPDATE OR DELETE ON statements
    FOR EACH ROW EXECUTE FUNCTION onrecord_record_change();
CREATE TRIGGER statement_reports_changes AFTER INSERT OR UPDATE OR DELETE ON statement_reports
    FOR EACH ROW EXECUTE FUNCTION onrecord_record_change();
CREATE TRIGGER topics_changes AFTER INSERT OR UPDATE OR DELETE ON topics
    FOR EACH ROW EXECUTE FUNCTION onrecord_record_change();
CREATE TRIGGER stances_changes AFTER INSERT OR UPDATE OR DELETE ON stances
    FOR EACH ROW EXECUTE FUNCTION onrecord_record_change();
CREATE TRIGGER recognitions_changes AFTER INSERT OR UPDATE OR DELETE ON recognitions
    FOR EACH ROW EXECUTE FUNCTION onrecord_record_change();
CREATE TRIGGER recognition_sources_changes AFTER INSERT OR UPDATE OR DELETE ON recognition_sources
    FOR EACH ROW EXECUTE FUNCTION onrecord_record_change();

-- Timestamps in the API: ISO 8601 in UTC with microseconds.
CREATE FUNCTION onrecord_timestamp_text(t timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');

CREATE FUNCTION onrecord_change_json(c changes) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'position', c.position,
        'resource', c.resource,
        'id', c.record_id,
        'parent', CASE WHEN c.parent_resource IS NOT NULL THEN
                      json_build_object('resource', c.parent_resource, 'id', c.parent_id) END,
        'op', c.op,
        'actor', c.actor,
        'changed_at', onrecord_timestamp_text(c.changed_at),
        'before', c.before,
        'after', c.after);

-------------------------------------------------------------------------------
-- Idempotency keys
-------------------------------------------------------------------------------

-- The response to a POST made with an Idempotency-Key, per API key.
CREATE TABLE idempotency_keys (
    key_name        text NOT NULL,
    idempotency_key text NOT NULL,
    request_hash    text NOT NULL,
    status          int,
    etag            text,
    location        text,
    body            text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (key_name, idempotency_key)
);

-------------------------------------------------------------------------------
-- JSON shapes
-------------------------------------------------------------------------------

-- GET /v1/roles/{id}.
CREATE FUNCTION onrecord_role_detail_json(r roles) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'id', r.id,
        'actor', (SELECT onrecord_actor_ref(a) FROM actors a WHERE a.id = r.actor_id),
        'title', r.title,
        'organization', (SELECT onrecord_actor_ref(o) FROM actors o WHERE o.id = r.organization_id),
        'start', onrecord_date_text(r.start_date, r.start_precision),
        'start_precision', CASE WHEN r.start_date IS NOT NULL THEN r.start_precision END,
        'end', onrecord_date_text(r.end_date, r.end_precision),
        'end_precision', CASE WHEN r.end_date IS NOT NULL THEN r.end_precision END,
        'note', r.note);

-- GET /v1/stances/{statement_id}/{topic}.
CREATE FUNCTION onrecord_stance_detail_json(st stances) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT json_build_object(
        'statement_id', s.id,
        'topic', json_build_object('slug', t.slug, 'proposition', t.proposition),
        'position', st.position,
        'condition', st.condition,
        'note', st.note,
        'actor', (SELECT onrecord_actor_ref(a) FROM actors a WHERE a.id = s.actor_id),
        'attribution', s.attribution,
        'said_on', onrecord_date_text(s.said_on, s.said_precision),
        'said_precision', s.said_precision,
        'summary', s.summary)
    FROM statements s, topics t
    WHERE s.id = st.statement_id AND t.id = st.topic_id);

-------------------------------------------------------------------------------
-- Helpers of the write functions
-------------------------------------------------------------------------------

-- A date as the API writes it: 'YYYY' (year), 'YYYY-MM' (month) or
-- 'YYYY-MM-DD' (day), as the first day of that period and its precision.
-- NULL gives (NULL, NULL). `pointer` names the field in error details.
CREATE FUNCTION onrecord_parse_date(t text, pointer text DEFAULT NULL,
                                    OUT d date, OUT prec text)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF t IS NULL THEN
        RETURN;
    END IF;
    IF t !~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$' THEN
        RAISE EXCEPTION 'not a date (YYYY, YYYY-MM or YYYY-MM-DD): %', t
            USING ERRCODE = 'invalid_datetime_format', DETAIL = coalesce(pointer, '');
    END IF;
    BEGIN
        d := make_date(substr(t, 1, 4)::int,
                       coalesce(nullif(substr(t, 6, 2), '')::int, 1),
                       coalesce(nullif(substr(t, 9, 2), '')::int, 1));
    EXCEPTION WHEN data_exception THEN
        RAISE EXCEPTION 'no such date: %', t
            USING ERRCODE = 'datetime_field_overflow', DETAIL = coalesce(pointer, '');
    END;
    prec := CASE length(t) WHEN 4 THEN 'year' WHEN 7 THEN 'month' ELSE 'day' END;
END $$;

CREATE TYPE onrecord_write_result AS (status int, etag text, location text, body text);

-- Raises ORPC0 unless If-Match fits the version: NULL or '*' always do; the
-- server passes the versions of the listed entity tags joined by commas
-- (RFC 9110: any of them matching is enough).
CREATE FUNCTION onrecord_check_if_match(p_if_match text, p_version integer) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF p_if_match IS NULL OR p_if_match = '*' THEN
        RETURN;
    END IF;
    IF NOT (p_version::text = ANY (string_to_array(replace(p_if_match, '"', ''), ','))) THEN
        RAISE EXCEPTION 'the record has changed: its version is %, not %', p_version, p_if_match
            USING ERRCODE = 'ORPC0';
    END IF;
END $$;

-- Body references: the id of the row a slug or id names, NULL for NULL,
-- ORRF0 (with the field's JSON pointer as DETAIL) when there is none.
CREATE FUNCTION onrecord_no_ref(p_what text, p_key text, p_pointer text) RETURNS bigint
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'no % %', p_what, p_key USING ERRCODE = 'ORRF0', DETAIL = p_pointer;
END $$;

CREATE FUNCTION onrecord_ref_actor(p_slug text, p_pointer text) RETURNS bigint
    LANGUAGE sql STABLE
    RETURN CASE WHEN p_slug IS NOT NULL THEN
        coalesce((SELECT a.id FROM actors a WHERE a.slug = p_slug),
                 onrecord_no_ref('actor with slug', p_slug, p_pointer)) END;

CREATE FUNCTION onrecord_ref_outlet(p_slug text, p_pointer text) RETURNS bigint
    LANGUAGE sql STABLE
    RETURN CASE WHEN p_slug IS NOT NULL THEN
        coalesce((SELECT o.id FROM outlets o WHERE o.slug = p_slug),
                 onrecord_no_ref('outlet with slug', p_slug, p_pointer)) END;

CREATE FUNCTION onrecord_ref_topic(p_slug text, p_pointer text) RETURNS bigint
    LANGUAGE sql STABLE
    RETURN CASE WHEN p_slug IS NOT NULL THEN
        coalesce((SELECT t.id FROM topics t WHERE t.slug = p_slug),
                 onrecord_no_ref('topic with slug', p_slug, p_pointer)) END;

-- p_id is the JSON value as text (an integer).
CREATE FUNCTION onrecord_ref_source(p_id text, p_pointer text) RETURNS bigint
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_id IS NULL THEN
        RETURN NULL;
    END IF;
    IF p_id !~ '^[0-9]{1,18}$' OR NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = p_id::bigint) THEN
        RAISE EXCEPTION 'no source with id %', p_id USING ERRCODE = 'ORRF0', DETAIL = p_pointer;
    END IF;
    RETURN p_id::bigint;
END $$;

CREATE FUNCTION onrecord_ref_statement(p_id text, p_pointer text) RETURNS bigint
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_id IS NULL THEN
        RETURN NULL;
    END IF;
    IF p_id !~ '^[0-9]{1,18}$' OR NOT EXISTS (SELECT 1 FROM statements s WHERE s.id = p_id::bigint) THEN
        RAISE EXCEPTION 'no statement with id %', p_id USING ERRCODE = 'ORRF0', DETAIL = p_pointer;
    END IF;
    RETURN p_id::bigint;
END $$;

-- A numeric path id, or ORNF0 naming what was looked for.
CREATE FUNCTION onrecord_target_id(p_target text, p_what text) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_target IS NULL OR p_target !~ '^[0-9]{1,18}$' THEN
        RAISE EXCEPTION 'no % with id %', p_what, p_target USING ERRCODE = 'ORNF0';
    END IF;
    RETURN p_target::bigint;
END $$;

CREATE FUNCTION onrecord_not_found(p_what text, p_key text, p_target text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'no % with % %', p_what, p_key, p_target USING ERRCODE = 'ORNF0';
END $$;

-- A JSON array of strings as text[]; JSON null gives '{}'.
CREATE FUNCTION onrecord_text_array(j jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN j IS NULL OR jsonb_typeof(j) = 'null' THEN '{}'::text[]
                ELSE ARRAY(SELECT jsonb_array_elements_text(j)) END;

-- Elements of a JSON array with their 0-based index (none for NULL/null).
CREATE FUNCTION onrecord_elements(j jsonb) RETURNS TABLE (i int, e jsonb)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (x.n - 1)::int, x.v
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(j) = 'array' THEN j ELSE '[]'::jsonb END)
         WITH ORDINALITY AS x(v, n)
$$;

-- Replaces a statement's reports with a JSON array of {source, wording,
-- note}. Unchanged reports are left alone, changed ones updated in place,
-- so the history shows what really changed.
CREATE FUNCTION onrecord_statement_set_reports(p_statement bigint, p_reports jsonb) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    r record;
    v_source bigint;
    v_sources bigint[] := '{}';
BEGIN
    FOR r IN SELECT * FROM onrecord_elements(p_reports) LOOP
        v_source := onrecord_ref_source(r.e->>'source', '/reports/' || r.i || '/source');
        IF v_source = ANY (v_sources) THEN
            RAISE EXCEPTION 'source % is listed twice in reports', v_source
                USING ERRCODE = 'ORRF0', DETAIL = '/reports/' || r.i || '/source';
        END IF;
        v_sources := v_sources || v_source;
    END LOOP;
    IF cardinality(v_sources) = 0 THEN
        RAISE EXCEPTION 'a statement needs at least one report'
            USING ERRCODE = 'check_violation', DETAIL = '/reports';
    END IF;
    DELETE FROM statement_reports rep
    WHERE rep.statement_id = p_statement AND rep.source_id <> ALL (v_sources);
    INSERT INTO statement_reports AS rep (statement_id, source_id, wording, note)
    SELECT p_statement, (x.e->>'source')::bigint, x.e->>'wording', x.e->>'note'
    FROM onrecord_elements(p_reports) x
    ORDER BY x.i
    ON CONFLICT (statement_id, source_id) DO UPDATE
        SET wording = EXCLUDED.wording, note = EXCLUDED.note
        WHERE (rep.wording, rep.note) IS DISTINCT FROM (EXCLUDED.wording, EXCLUDED.note);
END $$;

-- Replaces a statement's stances with a JSON array of {topic, position,
-- condition, note}, keeping unchanged stances (and their ids) as they are.
CREATE FUNCTION onrecord_statement_set_stances(p_statement bigint, p_stances jsonb) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    r record;
    v_topic bigint;
    v_topics bigint[] := '{}';
BEGIN
    FOR r IN SELECT * FROM onrecord_elements(p_stances) LOOP
        v_topic := onrecord_ref_topic(r.e->>'topic', '/stances/' || r.i || '/topic');
        IF v_topic = ANY (v_topics) THEN
            RAISE EXCEPTION 'topic % is listed twice in stances', r.e->>'topic'
                USING ERRCODE = 'ORRF0', DETAIL = '/stances/' || r.i || '/topic';
        END IF;
        v_topics := v_topics || v_topic;
    END LOOP;
    DELETE FROM stances st
    WHERE st.statement_id = p_statement AND st.topic_id <> ALL (v_topics);
    INSERT INTO stances AS st (statement_id, topic_id, position, condition, note)
    SELECT p_statement, t.id, x.e->>'position', x.e->>'condition', x.e->>'note'
    FROM onrecord_elements(p_stances) x
    JOIN topics t ON t.slug = x.e->>'topic'
    ORDER BY x.i
    ON CONFLICT (statement_id, topic_id) DO UPDATE
        SET position = EXCLUDED.position, condition = EXCLUDED.condition, note = EXCLUDED.note
        WHERE (st.position, st.condition, st.note)
              IS DISTINCT FROM (EXCLUDED.position, EXCLUDED.condition, EXCLUDED.note);
END $$;

-- Replaces a recognition's sources with a JSON array of source ids.
CREATE FUNCTION onrecord_recognition_set_sources(p_recognition bigint, p_sources jsonb) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    r record;
    v_sources bigint[] := '{}';
BEGIN
    FOR r IN SELECT * FROM onrecord_elements(p_sources) LOOP
        v_sources := v_sources || onrecord_ref_source(r.e #>> '{}', '/sources/' || r.i);
    END LOOP;
    DELETE FROM recognition_sources rs
    WHERE rs.recognition_id = p_recognition AND rs.source_id <> ALL (v_sources);
    INSERT INTO recognition_sources (recognition_id, source_id)
    SELECT DISTINCT p_recognition, u.s FROM unnest(v_sources) AS u(s)
    ON CONFLICT DO NOTHING;
END $$;

-- Marks a parent row changed (new version, hence new ETag) when a child
-- shown in its representation changed: roles in an actor, stances in a
-- statement. Not recorded in the history: only the version changes.
CREATE FUNCTION onrecord_touch_actor(p_id bigint) RETURNS void
    LANGUAGE sql
    BEGIN ATOMIC
        UPDATE actors SET version = version WHERE id = p_id;
    END;

CREATE FUNCTION onrecord_touch_statement(p_id bigint) RETURNS void
    LANGUAGE sql
    BEGIN ATOMIC
        UPDATE statements SET version = version WHERE id = p_id;
    END;

CREATE FUNCTION onrecord_result(p_status int, p_version integer, p_location text, p_body json)
    RETURNS onrecord_write_result
    LANGUAGE sql IMMUTABLE
    RETURN ROW(p_status, p_version::text, p_location, p_body::text)::onrecord_write_result;

-------------------------------------------------------------------------------
-- Actors
-------------------------------------------------------------------------------

CREATE FUNCTION onrecord_actors_create(p jsonb) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    a actors;
BEGIN
    INSERT INTO actors (slug, name, kind, country, other_names, description, note)
    VALUES (p->>'slug', p->>'name', p->>'kind', p->>'country',
            onrecord_text_array(p->'other_names'), p->>'description', p->>'note')
    RETURNING * INTO a;
    RETURN onrecord_result(201, a.version, '/v1/actors/' || a.slug, onrecord_actor_detail_json(a));
END $$;

CREATE FUNCTION onrecord_actors_update(p_target text, p jsonb, p_if_match text)
    RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    a actors;
BEGIN
    SELECT * INTO a FROM actors WHERE slug = p_target FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('actor', 'slug', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, a.version);
    UPDATE actors SET
        slug        = CASE WHEN p ? 'slug' THEN p->>'slug' ELSE slug END,
        name        = CASE WHEN p ? 'name' THEN p->>'name' ELSE name END,
        kind        = CASE WHEN p ? 'kind' THEN p->>'kind' ELSE kind END,
        country     = CASE WHEN p ? 'country' THEN p->>'country' ELSE country END,
        other_names = CASE WHEN p ? 'other_names' THEN onrecord_text_array(p->'other_names')
                           ELSE other_names END,
        description = CASE WHEN p ? 'description' THEN p->>'description' ELSE description END,
        note        = CASE WHEN p ? 'note' THEN p->>'note' ELSE note END
    WHERE id = a.id
    RETURNING * INTO a;
    RETURN onrecord_result(200, a.version, '/v1/actors/' || a.slug, onrecord_actor_detail_json(a));
END $$;

CREATE FUNCTION onrecord_actors_delete(p_target text, p_if_match text) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    a actors;
BEGIN
    SELECT * INTO a FROM actors WHERE slug = p_target FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('actor', 'slug', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, a.version);
    DELETE FROM actors WHERE id = a.id;
    RETURN ROW(204, NULL, NULL, NULL)::onrecord_write_result;
END $$;

-------------------------------------------------------------------------------
-- Roles
-------------------------------------------------------------------------------

CREATE FUNCTION onrecord_roles_create(p jsonb) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    r roles;
    v_actor bigint;
    v_org bigint;
    v_start record;
    v_end record;
BEGIN
    v_actor := onrecord_ref_actor(p->>'actor', '/actor');
    v_org := onrecord_ref_actor(p->>'organization', '/organization');
    v_start := onrecord_parse_date(p->>'start', '/start');
    v_end := onrecord_parse_date(p->>'end', '/end');
    INSERT INTO roles (actor_id, title, organization_id, start_date, start_precision,
                       end_date, end_precision, note)
    VALUES (v_actor, p->>'title', v_org, v_start.d, coalesce(v_start.prec, 'day'),
            v_end.d, coalesce(v_end.prec, 'day'), p->>'note')
    RETURNING * INTO r;
    PERFORM onrecord_touch_actor(r.actor_id);
    RETURN onrecord_result(201, r.version, '/v1/roles/' || r.id, onrecord_role_detail_json(r));
END $$;

CREATE FUNCTION onrecord_roles_update(p_target text, p jsonb, p_if_match text)
    RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    r roles;
    v_old_actor bigint;
    v_actor bigint;
    v_org bigint;
    v_start record;
    v_end record;
BEGIN
    SELECT * INTO r FROM roles WHERE id = onrecord_target_id(p_target, 'role') FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('role', 'id', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, r.version);
    v_old_actor := r.actor_id;
    v_actor := CASE WHEN p ? 'actor' THEN onrecord_ref_actor(p->>'actor', '/actor') ELSE r.actor_id END;
    v_org := CASE WHEN p ? 'organization' THEN onrecord_ref_actor(p->>'organization', '/organization')
                  ELSE r.organization_id END;
    v_start := onrecord_parse_date(p->>'start', '/start');
    v_end := onrecord_parse_date(p->>'end', '/end');
    UPDATE roles SET
        actor_id        = v_actor,
        title           = CASE WHEN p ? 'title' THEN p->>'title' ELSE title END,
        organization_id = v_org,
        start_date      = CASE WHEN p ? 'start' THEN v_start.d ELSE start_date END,
        start_precision = CASE WHEN p ? 'start' THEN coalesce(v_start.prec, 'day') ELSE start_precision END,
        end_date        = CASE WHEN p ? 'end' THEN v_end.d ELSE end_date END,
        end_precision   = CASE WHEN p ? 'end' THEN coalesce(v_end.prec, 'day') ELSE end_precision END,
        note            = CASE WHEN p ? 'note' THEN p->>'note' ELSE note END
    WHERE id = r.id
    RETURNING * INTO r;
    PERFORM onrecord_touch_actor(r.actor_id);
    IF v_old_actor <> r.actor_id THEN
        PERFORM onrecord_touch_actor(v_old_actor);
    END IF;
    RETURN onrecord_result(200, r.version, '/v1/roles/' || r.id, onrecord_role_detail_json(r));
END $$;

CREATE FUNCTION onrecord_roles_delete(p_target text, p_if_match text) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    r roles;
BEGIN
    SELECT * INTO r FROM roles WHERE id = onrecord_target_id(p_target, 'role') FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('role', 'id', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, r.version);
    DELETE FROM roles WHERE id = r.id;
    PERFORM onrecord_touch_actor(r.actor_id);
    RETURN ROW(204, NULL, NULL, NULL)::onrecord_write_result;
END $$;

-------------------------------------------------------------------------------
-- Outlets
-------------------------------------------------------------------------------

CREATE FUNCTION onrecord_outlets_create(p jsonb) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    o outlets;
BEGIN
    INSERT INTO outlets (slug, name, country, state_owned, url, note)
    VALUES (p->>'slug', p->>'name', p->>'country', (p->>'state_owned')::boolean,
            p->>'url', p->>'note')
    RETURNING * INTO o;
    RETURN onrecord_result(201, o.version, '/v1/outlets/' || o.slug, onrecord_outlet_detail_json(o));
END $$;

CREATE FUNCTION onrecord_outlets_update(p_target text, p jsonb, p_if_match text)
    RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    o outlets;
BEGIN
    SELECT * INTO o FROM outlets WHERE slug = p_target FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('outlet', 'slug', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, o.version);
    UPDATE outlets SET
        slug        = CASE WHEN p ? 'slug' THEN p->>'slug' ELSE slug END,
        name        = CASE WHEN p ? 'name' THEN p->>'name' ELSE name END,
        country     = CASE WHEN p ? 'country' THEN p->>'country' ELSE country END,
        state_owned = CASE WHEN p ? 'state_owned' THEN (p->>'state_owned')::boolean ELSE state_owned END,
        url         = CASE WHEN p ? 'url' THEN p->>'url' ELSE url END,
        note        = CASE WHEN p ? 'note' THEN p->>'note' ELSE note END
    WHERE id = o.id
    RETURNING * INTO o;
    RETURN onrecord_result(200, o.version, '/v1/outlets/' || o.slug, onrecord_outlet_detail_json(o));
END $$;

CREATE FUNCTION onrecord_outlets_delete(p_target text, p_if_match text) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    o outlets;
BEGIN
    SELECT * INTO o FROM outlets WHERE slug = p_target FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('outlet', 'slug', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, o.version);
    DELETE FROM outlets WHERE id = o.id;
    RETURN ROW(204, NULL, NULL, NULL)::onrecord_write_result;
END $$;

-------------------------------------------------------------------------------
-- Sources
-------------------------------------------------------------------------------

CREATE FUNCTION onrecord_sources_create(p jsonb) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    s sources;
    v_outlet bigint;
    v_relays bigint;
    v_published record;
BEGIN
    v_outlet := onrecord_ref_outlet(p->>'outlet', '/outlet');
    v_relays := onrecord_ref_source(p->>'relays', '/relays');
    v_published := onrecord_parse_date(p->>'published_on', '/published_on');
    INSERT INTO sources (outlet_id, title, url, published_on, published_precision, language,
                         kind, relays_source_id, note)
    VALUES (v_outlet, p->>'title', p->>'url', v_published.d, coalesce(v_published.prec, 'day'),
            p->>'language', p->>'kind', v_relays, p->>'note')
    RETURNING * INTO s;
    RETURN onrecord_result(201, s.version, '/v1/sources/' || s.id, onrecord_source_json(s));
END $$;

CREATE FUNCTION onrecord_sources_update(p_target text, p jsonb, p_if_match text)
    RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    s sources;
    v_outlet bigint;
    v_relays bigint;
    v_published record;
BEGIN
    SELECT * INTO s FROM sources WHERE id = onrecord_target_id(p_target, 'source') FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('source', 'id', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, s.version);
    v_outlet := CASE WHEN p ? 'outlet' THEN onrecord_ref_outlet(p->>'outlet', '/outlet')
                     ELSE s.outlet_id END;
    v_relays := CASE WHEN p ? 'relays' THEN onrecord_ref_source(p->>'relays', '/relays')
                     ELSE s.relays_source_id END;
    v_published := onrecord_parse_date(p->>'published_on', '/published_on');
    UPDATE sources SET
        outlet_id           = v_outlet,
        title               = CASE WHEN p ? 'title' THEN p->>'title' ELSE title END,
        url                 = CASE WHEN p ? 'url' THEN p->>'url' ELSE url END,
        published_on        = CASE WHEN p ? 'published_on' THEN v_published.d ELSE published_on END,
        published_precision = CASE WHEN p ? 'published_on' THEN coalesce(v_published.prec, 'day')
                                   ELSE published_precision END,
        language            = CASE WHEN p ? 'language' THEN p->>'language' ELSE language END,
        kind                = CASE WHEN p ? 'kind' THEN p->>'kind' ELSE kind END,
        relays_source_id    = v_relays,
        note                = CASE WHEN p ? 'note' THEN p->>'note' ELSE note END
    WHERE id = s.id
    RETURNING * INTO s;
    RETURN onrecord_result(200, s.version, '/v1/sources/' || s.id, onrecord_source_json(s));
END $$;

CREATE FUNCTION onrecord_sources_delete(p_target text, p_if_match text) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    s sources;
BEGIN
    SELECT * INTO s FROM sources WHERE id = onrecord_target_id(p_target, 'source') FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('source', 'id', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, s.version);
    DELETE FROM sources WHERE id = s.id;
    RETURN ROW(204, NULL, NULL, NULL)::onrecord_write_result;
END $$;

-------------------------------------------------------------------------------
-- Statements (with their reports and stances)
-------------------------------------------------------------------------------

CREATE FUNCTION onrecord_statements_create(p jsonb) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    s statements;
    v_actor bigint;
    v_said record;
BEGIN
    v_actor := onrecord_ref_actor(p->>'actor', '/actor');
    v_said := onrecord_parse_date(p->>'said_on', '/said_on');
    INSERT INTO statements (actor_id, attribution, said_on, said_precision, kind, language,
                            context, summary, note, status, status_note)
    VALUES (v_actor, p->>'attribution', v_said.d, v_said.prec, p->>'kind', p->>'language',
            p->>'context', p->>'summary', p->>'note', coalesce(p->>'status', 'published'),
            p->>'status_note')
    RETURNING * INTO s;
    PERFORM onrecord_statement_set_reports(s.id, p->'reports');
    PERFORM onrecord_statement_set_stances(s.id, p->'stances');
    RETURN onrecord_result(201, s.version, '/v1/statements/' || s.id, onrecord_statement_json(s));
END $$;

CREATE FUNCTION onrecord_statements_update(p_target text, p jsonb, p_if_match text)
    RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    s statements;
    v_actor bigint;
    v_said record;
BEGIN
    SELECT * INTO s FROM statements WHERE id = onrecord_target_id(p_target, 'statement') FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('statement', 'id', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, s.version);
    v_actor := CASE WHEN p ? 'actor' THEN onrecord_ref_actor(p->>'actor', '/actor') ELSE s.actor_id END;
    v_said := onrecord_parse_date(p->>'said_on', '/said_on');
    -- Always updated, even when only reports or stances change: the
    -- statement's version (ETag) covers them.
    UPDATE statements SET
        actor_id       = v_actor,
        attribution    = CASE WHEN p ? 'attribution' THEN p->>'attribution' ELSE attribution END,
        said_on        = CASE WHEN p ? 'said_on' THEN v_said.d ELSE said_on END,
        said_precision = CASE WHEN p ? 'said_on' THEN v_said.prec ELSE said_precision END,
        kind           = CASE WHEN p ? 'kind' THEN p->>'kind' ELSE kind END,
        language       = CASE WHEN p ? 'language' THEN p->>'language' ELSE language END,
        context        = CASE WHEN p ? 'context' THEN p->>'context' ELSE context END,
        summary        = CASE WHEN p ? 'summary' THEN p->>'summary' ELSE summary END,
        note           = CASE WHEN p ? 'note' THEN p->>'note' ELSE note END,
        status         = CASE WHEN p ? 'status' THEN p->>'status' ELSE status END,
        status_note    = CASE WHEN p ? 'status_note' THEN p->>'status_note' ELSE status_note END
    WHERE id = s.id
    RETURNING * INTO s;
    IF p ? 'reports' THEN
        PERFORM onrecord_statement_set_reports(s.id, p->'reports');
    END IF;
    IF p ? 'stances' THEN
        PERFORM onrecord_statement_set_stances(s.id, p->'stances');
    END IF;
    RETURN onrecord_result(200, s.version, '/v1/statements/' || s.id, onrecord_statement_json(s));
END $$;

CREATE FUNCTION onrecord_statements_delete(p_target text, p_if_match text)
    RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    s statements;
BEGIN
    SELECT * INTO s FROM statements WHERE id = onrecord_target_id(p_target, 'statement') FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('statement', 'id', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, s.version);
    DELETE FROM statements WHERE id = s.id;  -- reports and stances cascade
    RETURN ROW(204, NULL, NULL, NULL)::onrecord_write_result;
END $$;

-------------------------------------------------------------------------------
-- Topics
-------------------------------------------------------------------------------

CREATE FUNCTION onrecord_topics_create(p jsonb) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    t topics;
BEGIN
    INSERT INTO topics (slug, proposition, description)
    VALUES (p->>'slug', p->>'proposition', p->>'description')
    RETURNING * INTO t;
    RETURN onrecord_result(201, t.version, '/v1/topics/' || t.slug, onrecord_topic_detail_json(t));
END $$;

CREATE FUNCTION onrecord_topics_update(p_target text, p jsonb, p_if_match text)
    RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    t topics;
BEGIN
    SELECT * INTO t FROM topics WHERE slug = p_target FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('topic', 'slug', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, t.version);
    UPDATE topics SET
        slug        = CASE WHEN p ? 'slug' THEN p->>'slug' ELSE slug END,
        proposition = CASE WHEN p ? 'proposition' THEN p->>'proposition' ELSE proposition END,
        description = CASE WHEN p ? 'description' THEN p->>'description' ELSE description END
    WHERE id = t.id
    RETURNING * INTO t;
    RETURN onrecord_result(200, t.version, '/v1/topics/' || t.slug, onrecord_topic_detail_json(t));
END $$;

CREATE FUNCTION onrecord_topics_delete(p_target text, p_if_match text) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    t topics;
BEGIN
    SELECT * INTO t FROM topics WHERE slug = p_target FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('topic', 'slug', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, t.version);
    DELETE FROM topics WHERE id = t.id;
    RETURN ROW(204, NULL, NULL, NULL)::onrecord_write_result;
END $$;

-------------------------------------------------------------------------------
-- Stances: target '<statement_id>/<topic_slug>'
-------------------------------------------------------------------------------

CREATE FUNCTION onrecord_stance_location(st stances) RETURNS text
    LANGUAGE sql STABLE
    RETURN '/v1/stances/' || st.statement_id || '/'
           || (SELECT t.slug FROM topics t WHERE t.id = st.topic_id);

-- The stance a path names, locked, or ORNF0.
CREATE FUNCTION onrecord_stance_target(p_target text) RETURNS stances
    LANGUAGE plpgsql AS $$
DECLARE
    st stances;
BEGIN
    IF p_target ~ '^[0-9]{1,18}/[^/]+$' THEN
        SELECT x.* INTO st
        FROM stances x JOIN topics t ON t.id = x.topic_id
        WHERE x.statement_id = split_part(p_target, '/', 1)::bigint
          AND t.slug = split_part(p_target, '/', 2)
        FOR UPDATE OF x;
    END IF;
    IF st.statement_id IS NULL THEN
        RAISE EXCEPTION 'no stance of statement % on topic %',
                split_part(p_target, '/', 1), split_part(p_target, '/', 2)
            USING ERRCODE = 'ORNF0';
    END IF;
    RETURN st;
END $$;

CREATE FUNCTION onrecord_stances_create(p jsonb) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    st stances;
    v_statement bigint;
    v_topic bigint;
BEGIN
    v_statement := onrecord_ref_statement(p->>'statement', '/statement');
    v_topic := onrecord_ref_topic(p->>'topic', '/topic');
    INSERT INTO stances (statement_id, topic_id, position, condition, note)
    VALUES (v_statement, v_topic, p->>'position', p->>'condition', p->>'note')
    RETURNING * INTO st;
    PERFORM onrecord_touch_statement(st.statement_id);
    RETURN onrecord_result(201, st.version, onrecord_stance_location(st),
                           onrecord_stance_detail_json(st));
END $$;

CREATE FUNCTION onrecord_stances_update(p_target text, p jsonb, p_if_match text)
    RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    st stances;
    v_old_statement bigint;
    v_statement bigint;
    v_topic bigint;
BEGIN
    st := onrecord_stance_target(p_target);
    PERFORM onrecord_check_if_match(p_if_match, st.version);
    v_old_statement := st.statement_id;
    v_statement := CASE WHEN p ? 'statement' THEN onrecord_ref_statement(p->>'statement', '/statement')
                        ELSE st.statement_id END;
    v_topic := CASE WHEN p ? 'topic' THEN onrecord_ref_topic(p->>'topic', '/topic')
                    ELSE st.topic_id END;
    UPDATE stances SET
        statement_id = v_statement,
        topic_id     = v_topic,
        position     = CASE WHEN p ? 'position' THEN p->>'position' ELSE position END,
        condition    = CASE WHEN p ? 'condition' THEN p->>'condition' ELSE condition END,
        note         = CASE WHEN p ? 'note' THEN p->>'note' ELSE note END
    WHERE id = st.id
    RETURNING * INTO st;
    PERFORM onrecord_touch_statement(st.statement_id);
    IF v_old_statement <> st.statement_id THEN
        PERFORM onrecord_touch_statement(v_old_statement);
    END IF;
    RETURN onrecord_result(200, st.version, onrecord_stance_location(st),
                           onrecord_stance_detail_json(st));
END $$;

CREATE FUNCTION onrecord_stances_delete(p_target text, p_if_match text) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    st stances;
BEGIN
    st := onrecord_stance_target(p_target);
    PERFORM onrecord_check_if_match(p_if_match, st.version);
    DELETE FROM stances WHERE id = st.id;
    PERFORM onrecord_touch_statement(st.statement_id);
    RETURN ROW(204, NULL, NULL, NULL)::onrecord_write_result;
END $$;

-------------------------------------------------------------------------------
-- Recognitions (with their sources)
-------------------------------------------------------------------------------

CREATE FUNCTION onrecord_recognitions_create(p jsonb) RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    r recognitions;
    v_state bigint;
    v_territory bigint;
    v_recognized record;
    v_withdrawn record;
BEGIN
    v_state := onrecord_ref_actor(p->>'state', '/state');
    v_territory := onrecord_ref_actor(p->>'territory', '/territory');
    v_recognized := onrecord_parse_date(p->>'recognized_on', '/recognized_on');
    v_withdrawn := onrecord_parse_date(p->>'withdrawn_on', '/withdrawn_on');
    INSERT INTO recognitions (state_id, territory_id, recognized_on, recognized_precision,
                              withdrawn_on, withdrawn_precision, note)
    VALUES (v_state, v_territory, v_recognized.d, coalesce(v_recognized.prec, 'day'),
            v_withdrawn.d, coalesce(v_withdrawn.prec, 'day'), p->>'note')
    RETURNING * INTO r;
    PERFORM onrecord_recognition_set_sources(r.id, p->'sources');
    RETURN onrecord_result(201, r.version, '/v1/recognitions/' || r.id,
                           onrecord_recognition_json(r));
END $$;

CREATE FUNCTION onrecord_recognitions_update(p_target text, p jsonb, p_if_match text)
    RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    r recognitions;
    v_state bigint;
    v_territory bigint;
    v_recognized record;
    v_withdrawn record;
BEGIN
    SELECT * INTO r FROM recognitions
    WHERE id = onrecord_target_id(p_target, 'recognition') FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('recognition', 'id', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, r.version);
    v_state := CASE WHEN p ? 'state' THEN onrecord_ref_actor(p->>'state', '/state') ELSE r.state_id END;
    v_territory := CASE WHEN p ? 'territory' THEN onrecord_ref_actor(p->>'territory', '/territory')
                        ELSE r.territory_id END;
    v_recognized := onrecord_parse_date(p->>'recognized_on', '/recognized_on');
    v_withdrawn := onrecord_parse_date(p->>'withdrawn_on', '/withdrawn_on');
    -- Always updated, even when only the sources change: the version
    -- (ETag) covers them.
    UPDATE recognitions SET
        state_id             = v_state,
        territory_id         = v_territory,
        recognized_on        = CASE WHEN p ? 'recognized_on' THEN v_recognized.d ELSE recognized_on END,
        recognized_precision = CASE WHEN p ? 'recognized_on' THEN coalesce(v_recognized.prec, 'day')
                                    ELSE recognized_precision END,
        withdrawn_on         = CASE WHEN p ? 'withdrawn_on' THEN v_withdrawn.d ELSE withdrawn_on END,
        withdrawn_precision  = CASE WHEN p ? 'withdrawn_on' THEN coalesce(v_withdrawn.prec, 'day')
                                    ELSE withdrawn_precision END,
        note                 = CASE WHEN p ? 'note' THEN p->>'note' ELSE note END
    WHERE id = r.id
    RETURNING * INTO r;
    IF p ? 'sources' THEN
        PERFORM onrecord_recognition_set_sources(r.id, p->'sources');
    END IF;
    RETURN onrecord_result(200, r.version, '/v1/recognitions/' || r.id,
                           onrecord_recognition_json(r));
END $$;

CREATE FUNCTION onrecord_recognitions_delete(p_target text, p_if_match text)
    RETURNS onrecord_write_result
    LANGUAGE plpgsql AS $$
DECLARE
    r recognitions;
BEGIN
    SELECT * INTO r FROM recognitions
    WHERE id = onrecord_target_id(p_target, 'recognition') FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM onrecord_not_found('recognition', 'id', p_target);
    END IF;
    PERFORM onrecord_check_if_match(p_if_match, r.version);
    DELETE FROM recognitions WHERE id = r.id;  -- its recognition_sources cascade
    RETURN ROW(204, NULL, NULL, NULL)::onrecord_write_result;
END $$;

-------------------------------------------------------------------------------
-- The one write entry point
-------------------------------------------------------------------------------

-- p_op: create | update | delete; p_resource: actors, roles, outlets,
-- sources, statements, topics, stances, recognitions; p_target: the path
-- key (slug, id, or '<statement_id>/<topic>' for stances), NULL for create;
-- p_body: the object (create) or a JSON merge patch (update); p_if_match:
-- NULL, '*' or a version; p_actor: the API key's name; p_idempotency_key:
-- the Idempotency-Key of a create, or NULL. See db/WRITES.md.
CREATE FUNCTION onrecord_write(p_op text, p_resource text, p_target text, p_body jsonb,
                               p_if_match text, p_actor text, p_idempotency_key text)
    RETURNS TABLE (status int, etag text, location text, body text)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_body jsonb := coalesce(p_body, '{}'::jsonb);
    v_key_name text := coalesce(nullif(p_actor, ''), 'system');
    v_hash text;
    v_stored record;
    res onrecord_write_result;
BEGIN
    IF p_op IS NULL OR p_op NOT IN ('create', 'update', 'delete') THEN
        RAISE EXCEPTION 'unknown write operation %', p_op USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_resource IS NULL OR p_resource NOT IN ('actors', 'roles', 'outlets', 'sources',
            'statements', 'topics', 'stances', 'recognitions') THEN
        RAISE EXCEPTION 'unknown resource %', p_resource USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_op <> 'delete' AND jsonb_typeof(v_body) <> 'object' THEN
        RAISE EXCEPTION 'the body must be a JSON object' USING ERRCODE = 'invalid_parameter_value',
            DETAIL = '';
    END IF;

    -- Who: recorded by the change trigger for every row this call touches.
    PERFORM set_config('onrecord.actor', coalesce(p_actor, ''), true);
    -- Writers take the change-feed lock first, before any row lock, so two
    -- writes can never deadlock on it (see onrecord_record_change).
    PERFORM pg_advisory_xact_lock(7210434);

    IF p_op = 'create' AND p_idempotency_key IS NOT NULL THEN
        v_hash := md5(p_resource || ':' || v_body::text);
        INSERT INTO idempotency_keys (key_name, idempotency_key, request_hash)
        VALUES (v_key_name, p_idempotency_key, v_hash)
        ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            SELECT k.request_hash, k.status, k.etag, k.location, k.body INTO v_stored
            FROM idempotency_keys k
            WHERE k.key_name = v_key_name AND k.idempotency_key = p_idempotency_key;
            IF v_stored.request_hash IS DISTINCT FROM v_hash THEN
                RAISE EXCEPTION 'this Idempotency-Key was used with a different body'
                    USING ERRCODE = 'ORIK0';
            END IF;
            RETURN QUERY SELECT v_stored.status, v_stored.etag, v_stored.location, v_stored.body;
            RETURN;
        END IF;
    END IF;

    IF p_op = 'create' THEN
        CASE p_resource
            WHEN 'actors' THEN res := onrecord_actors_create(v_body);
            WHEN 'roles' THEN res := onrecord_roles_create(v_body);
            WHEN 'outlets' THEN res := onrecord_outlets_create(v_body);
            WHEN 'sources' THEN res := onrecord_sources_create(v_body);
            WHEN 'statements' THEN res := onrecord_statements_create(v_body);
            WHEN 'topics' THEN res := onrecord_topics_create(v_body);
            WHEN 'stances' THEN res := onrecord_stances_create(v_body);
            WHEN 'recognitions' THEN res := onrecord_recognitions_create(v_body);
        END CASE;
    ELSIF p_op = 'update' THEN
        CASE p_resource
            WHEN 'actors' THEN res := onrecord_actors_update(p_target, v_body, p_if_match);
            WHEN 'roles' THEN res := onrecord_roles_update(p_target, v_body, p_if_match);
            WHEN 'outlets' THEN res := onrecord_outlets_update(p_target, v_body, p_if_match);
            WHEN 'sources' THEN res := onrecord_sources_update(p_target, v_body, p_if_match);
            WHEN 'statements' THEN res := onrecord_statements_update(p_target, v_body, p_if_match);
            WHEN 'topics' THEN res := onrecord_topics_update(p_target, v_body, p_if_match);
            WHEN 'stances' THEN res := onrecord_stances_update(p_target, v_body, p_if_match);
            WHEN 'recognitions' THEN res := onrecord_recognitions_update(p_target, v_body, p_if_match);
        END CASE;
    ELSE
        CASE p_resource
            WHEN 'actors' THEN res := onrecord_actors_delete(p_target, p_if_match);
            WHEN 'roles' THEN res := onrecord_roles_delete(p_target, p_if_match);
            WHEN 'outlets' THEN res := onrecord_outlets_delete(p_target, p_if_match);
            WHEN 'sources' THEN res := onrecord_sources_delete(p_target, p_if_match);
            WHEN 'statements' THEN res := onrecord_statements_delete(p_target, p_if_match);
            WHEN 'topics' THEN res := onrecord_topics_delete(p_target, p_if_match);
            WHEN 'stances' THEN res := onrecord_stances_delete(p_target, p_if_match);
            WHEN 'recognitions' THEN res := onrecord_recognitions_delete(p_target, p_if_match);
        END CASE;
    END IF;

    IF v_hash IS NOT NULL THEN
        UPDATE idempotency_keys k
        SET status = res.status, etag = res.etag, location = res.location, body = res.body
        WHERE k.key_name = v_key_name AND k.idempotency_key = p_idempotency_key;
    END IF;
    RETURN QUERY SELECT res.status, res.etag, res.location, res.body;
END $$;

-------------------------------------------------------------------------------
-- History
-------------------------------------------------------------------------------

-- The record id whose history GET /v1/{resource}/{target}/history shows:
-- the current row's id, or for a record that no longer exists (deleted, or
-- a slug it no longer has) the id it had in its last recorded change.
-- NULL when the record neither exists nor ever had a recorded change.
CREATE FUNCTION onrecord_history_target(p_resource text, p_target text) RETURNS bigint
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_id bigint;
    v_statement bigint;
    v_topic bigint;
    v_exists boolean;
BEGIN
    IF p_target IS NULL THEN
        RETURN NULL;
    END IF;
    CASE p_resource
        WHEN 'actors' THEN
            SELECT a.id INTO v_id FROM actors a WHERE a.slug = p_target;
        WHEN 'outlets' THEN
            SELECT o.id INTO v_id FROM outlets o WHERE o.slug = p_target;
        WHEN 'topics' THEN
            SELECT t.id INTO v_id FROM topics t WHERE t.slug = p_target;
        WHEN 'roles', 'sources', 'statements', 'recognitions' THEN
            IF p_target !~ '^[0-9]{1,18}$' THEN
                RETURN NULL;
            END IF;
            v_id := p_target::bigint;
            v_exists := CASE p_resource
                WHEN 'roles' THEN EXISTS (SELECT 1 FROM roles x WHERE x.id = v_id)
                WHEN 'sources' THEN EXISTS (SELECT 1 FROM sources x WHERE x.id = v_id)
                WHEN 'statements' THEN EXISTS (SELECT 1 FROM statements x WHERE x.id = v_id)
                ELSE EXISTS (SELECT 1 FROM recognitions x WHERE x.id = v_id) END
                OR EXISTS (SELECT 1 FROM changes c
                           WHERE c.resource = p_resource AND c.record_id = v_id);
            RETURN CASE WHEN v_exists THEN v_id END;
        WHEN 'stances' THEN
            IF p_target !~ '^[0-9]{1,18}/[^/]+$' THEN
                RETURN NULL;
            END IF;
            v_statement := split_part(p_target, '/', 1)::bigint;
            v_topic := onrecord_history_target('topics', split_part(p_target, '/', 2));
            SELECT st.id INTO v_id FROM stances st
            WHERE st.statement_id = v_statement AND st.topic_id = v_topic;
            IF v_id IS NULL THEN
                SELECT c.record_id INTO v_id FROM changes c
                WHERE c.parent_resource = 'statements' AND c.parent_id = v_statement
                  AND c.resource = 'stances'
                  AND v_topic IN ((c.before->>'topic_id')::bigint, (c.after->>'topic_id')::bigint)
                ORDER BY c.position DESC LIMIT 1;
            END IF;
            RETURN v_id;
        ELSE
            RETURN NULL;
    END CASE;
    IF v_id IS NULL THEN
        SELECT c.record_id INTO v_id FROM changes c
        WHERE c.resource = p_resource AND c.before ? 'slug' AND c.before->>'slug' = p_target
        ORDER BY c.position DESC LIMIT 1;
    END IF;
    RETURN v_id;
END $$;
