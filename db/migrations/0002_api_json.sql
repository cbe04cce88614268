-- 0002_api_json.sql: the JSON shapes of the API, rendered by PostgreSQL.
--
-- Each resource has one function that renders a row as the object the API
-- returns, so a list item and the record fetched by id cannot drift apart,
-- and handlers pass PostgreSQL's text straight to the client.
-- Once released, changing a shape means a new migration with CREATE OR REPLACE.

-- A LIKE pattern matching text that contains `needle` literally.
CREATE FUNCTION onrecord_contains_pattern(needle text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN '%' || replace(replace(replace(needle, '\', '\\'), '%', '\%'), '_', '\_') || '%';

CREATE FUNCTION onrecord_actor_ref(a actors) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN a.id IS NOT NULL THEN
        json_build_object('slug', a.slug, 'name', a.name, 'kind', a.kind) END;

CREATE FUNCTION onrecord_actor_json(a actors) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'slug', a.slug,
        'name', a.name,
        'kind', a.kind,
        'country', a.country,
        'other_names', to_json(a.other_names),
        'description', a.description);

-- Roles listed on an actor carry their id, so a client can reach
-- /v1/roles/{id} to correct one.
CREATE FUNCTION onrecord_role_json(r roles) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'id', r.id,
        'title', r.title,
        'organization', (SELECT onrecord_actor_ref(o) FROM actors o WHERE o.id = r.organization_id),
        'start', onrecord_date_text(r.start_date, r.start_precision),
        'start_precision', CASE WHEN r.start_date IS NOT NULL THEN r.start_precision END,
        'end', onrecord_date_text(r.end_date, r.end_precision),
        'end_precision', CASE WHEN r.end_date IS NOT NULL THEN r.end_precision END,
        'note', r.note);

CREATE FUNCTION onrecord_actor_detail_json(a actors) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'slug', a.slug,
        'name', a.name,
        'kind', a.kind,
        'country', a.country,
        'other_names', to_json(a.other_names),
        'description', a.description,
        'note', a.note,
        'roles', (SELECT coalesce(json_agg(onrecord_role_json(r)
                                           ORDER BY r.start_date NULLS FIRST, r.id), '[]')
                  FROM roles r WHERE r.actor_id = a.id),
        'statement_count', (SELECT count(*) FROM statements s WHERE s.actor_id = a.id));

CREATE FUNCTION onrecord_outlet_ref(o outlets) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN o.id IS NOT NULL THEN
        json_build_object('slug', o.slug, 'name', o.name, 'state_owned', o.state_owned) END;

CREATE FUNCTION onrecord_outlet_json(o outlets) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'slug', o.slug,
        'name', o.name,
        'country', o.country,
        'state_owned', o.state_owned,
        'url', o.url,
        'note', o.note);

CREATE FUNCTION onrecord_source_ref(s sources) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'id', s.id,
        'title', s.title,
        'url', s.url,
        'outlet', (SELECT onrecord_outlet_ref(o) FROM outlets o WHERE o.id = s.outlet_id),
        'published_on', onrecord_date_text(s.published_on, s.published_precision),
        'language', s.language,
        'kind', s.kind);

CREATE FUNCTION onrecord_source_json(s sources) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'id', s.id,
        'title', s.title,
        'url', s.url,
        'outlet', (SELECT onrecord_outlet_ref(o) FROM outlets o WHERE o.id = s.outlet_id),
        'published_on', onrecord_date_text(s.published_on, s.published_precision),
        'published_precision', CASE WHEN s.published_on IS NOT NULL THEN s.published_precision END,
        'language', s.language,
        'kind', s.kind,
        'relays', (SELECT onrecord_source_ref(r) FROM sources r WHERE r.id = s.relays_source_id),
        'note', s.note,
        'statement_ids', (SELECT coalesce(json_agg(rep.statement_id ORDER BY rep.statement_id), '[]')
                          FROM statement_reports rep WHERE rep.source_id = s.id));

CREATE FUNCTION onrecord_outlet_detail_json(o outlets) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'slug', o.slug,
        'name', o.name,
        'country', o.country,
        'state_owned', o.state_owned,
        'url', o.url,
        'note', o.note,
        'sources', (SELECT coalesce(json_agg(json_build_object(
                               'id', s.id, 'title', s.title,
                               'published_on', onrecord_date_text(s.published_on, s.published_precision))
                           ORDER BY s.id), '[]')
                    FROM sources s WHERE s.outlet_id = o.id));

CREATE FUNCTION onrecord_topic_json(t topics) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'slug', t.slug,
        'proposition', t.proposition,
        'description', t.description);

CREATE FUNCTION onrecord_topic_detail_json(t topics) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'slug', t.slug,
        'proposition', t.proposition,
        'description', t.description,
        'stance_counts', (SELECT json_build_object(
                'supports', count(*) FILTER (WHERE st.position = 'supports'),
                'opposes', count(*) FILTER (WHERE st.position = 'opposes'),
                'conditional', count(*) FILTER (WHERE st.position = 'conditional'),
                'neutral', count(*) FILTER (WHERE st.position = 'neutral'))
            FROM stances st WHERE st.topic_id = t.id));

-- The offices an actor held at any time during the statement's date period.
CREATE FUNCTION onrecord_roles_at(actor_id bigint, from_day date, until_day date) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT coalesce(json_agg(json_build_object(
                    'title', r.title,
                    'organization', (SELECT onrecord_actor_ref(o) FROM actors o
                                     WHERE o.id = r.organization_id))
                ORDER BY r.start_date NULLS FIRST, r.id), '[]')
            FROM roles r
            WHERE r.actor_id = onrecord_roles_at.actor_id
              AND (r.start_date IS NULL OR r.start_date <= until_day)
              AND (r.end_date IS NULL OR onrecord_period_end(r.end_date, r.end_precision) >= from_day));

CREATE FUNCTION onrecord_statement_json(s statements) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'id', s.id,
        'actor', (SELECT onrecord_actor_ref(a) FROM actors a WHERE a.id = s.actor_id),
        'attribution', s.attribution,
        'said_on', onrecord_date_text(s.said_on, s.said_precision),
        'said_precision', s.said_precision,
        'kind', s.kind,
        'status', s.status,
        'status_note', s.status_note,
        'language', s.language,
        'context', s.context,
        'summary', s.summary,
        'note', s.note,
        'roles_at_time', CASE WHEN s.actor_id IS NULL THEN '[]'::json
                              ELSE onrecord_roles_at(s.actor_id, s.said_on, s.said_until) END,
        'reports', (SELECT coalesce(json_agg(json_build_object(
                               'source', onrecord_source_ref(src),
                               'wording', rep.wording,
                               'note', rep.note)
                           ORDER BY src.published_on NULLS LAST, src.id), '[]')
                    FROM statement_reports rep JOIN sources src ON src.id = rep.source_id
                    WHERE rep.statement_id = s.id),
        'stances', (SELECT coalesce(json_agg(json_build_object(
                               'topic', t.slug,
                               'proposition', t.proposition,
                               'position', st.position,
                               'condition', st.condition,
                               'note', st.note)
                           ORDER BY t.slug), '[]')
                    FROM stances st JOIN topics t ON t.id = st.topic_id
                    WHERE st.statement_id = s.id));

-- One stance on a topic, with who took it and when: the rows of
-- /v1/topics/{slug}/stances.
CREATE FUNCTION onrecord_stance_json(st stances, s statements) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'statement_id', s.id,
        'actor', (SELECT onrecord_actor_ref(a) FROM actors a WHERE a.id = s.actor_id),
        'attribution', s.attribution,
        'said_on', onrecord_date_text(s.said_on, s.said_precision),
        'said_precision', s.said_precision,
        'position', st.position,
        'condition', st.condition,
        'note', st.note,
        'summary', s.summary);

CREATE FUNCTION onrecord_recognition_json(r recognitions) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'id', r.id,
        'state', (SELECT onrecord_actor_ref(a) FROM actors a WHERE a.id = r.state_id),
        'territory', (SELECT onrecord_actor_ref(a) FROM actors a WHERE a.id = r.territory_id),
        'recognized_on', onrecord_date_text(r.recognized_on, r.recognized_precision),
        'recognized_precision', r.recognized_precision,
        'withdrawn_on', onrecord_date_text(r.withdrawn_on, r.withdrawn_precision),
        'withdrawn_precision', CASE WHEN r.withdrawn_on IS NOT NULL THEN r.withdrawn_precision END,
        'note', r.note,
        'sources', (SELECT coalesce(json_agg(json_build_object(
                               'id', s.id, 'title', s.title, 'url', s.url)
                           ORDER BY s.id), '[]')
                    FROM recognition_sources rs JOIN sources s ON s.id = rs.source_id
                    WHERE rs.recognition_id = r.id));
