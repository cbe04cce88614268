-- 0005_cached_plans.sql: the JSON functions on the hot read paths, rewritten
-- in PL/pgSQL so that their queries are planned once per connection.
--
-- Why: a LANGUAGE sql function whose body holds a sub-SELECT cannot be
-- inlined, and PostgreSQL 15 plans such a body again on every execution of
-- the calling query. GET /v1/statements/{id} spent about 1 ms of its
-- 1.4 ms planning five nested functions (bench/RESULTS.md). PL/pgSQL keeps
-- each query's plan in the session's plan cache, and onrecord's connections
-- live as long as the server, so the plans are made once.
--
-- The shapes are unchanged (0002 and 0004 document them); only the way the
-- same JSON is built changes:
--   * onrecord_statement_json reuses the reports and stances functions
--     instead of repeating them;
--   * a source's outlet is joined in the reports query instead of being
--     looked up once per report.
-- Inlinable functions (plain expressions such as onrecord_actor_ref, and
-- onrecord_statements_filtered) stay LANGUAGE sql: they are planned as part
-- of the prepared statement that calls them. The list item,
-- onrecord_statement_item_json, becomes PL/pgSQL in 0008.

-- A source as reports show it, from its row and its outlet's (NULL outlet
-- row: no outlet). Inlinable, so callers that join outlets pay nothing.
CREATE FUNCTION onrecord_source_ref(s sources, o outlets) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN json_build_object(
        'id', s.id,
        'title', s.title,
        'url', s.url,
        'outlet', onrecord_outlet_ref(o),
        'published_on', onrecord_date_text(s.published_on, s.published_precision),
        'language', s.language,
        'kind', s.kind);

CREATE OR REPLACE FUNCTION onrecord_source_ref(s sources) RETURNS json
    LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
    RETURN onrecord_source_ref(s, (SELECT o FROM outlets o WHERE o.id = s.outlet_id));
END
$$;

CREATE OR REPLACE FUNCTION onrecord_roles_at(actor_id bigint, from_day date, until_day date)
    RETURNS json
    LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
    RETURN (SELECT coalesce(json_agg(json_build_object(
                    'title', r.title,
                    'organization', onrecord_actor_ref(o))
                ORDER BY r.start_date NULLS FIRST, r.id), '[]')
            FROM roles r LEFT JOIN actors o ON o.id = r.organization_id
            WHERE r.actor_id = onrecord_roles_at.actor_id
              AND (r.start_date IS NULL OR r.start_date <= until_day)
              AND (r.end_date IS NULL
                   OR onrecord_period_end(r.end_date, r.end_precision) >= from_day));
END
$$;

CREATE OR REPLACE FUNCTION onrecord_statement_reports_json(statement_id bigint) RETURNS json
    LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
    RETURN (SELECT coalesce(json_agg(json_build_object(
                       'source', onrecord_source_ref(src, o),
                       'wording', rep.wording,
                       'note', rep.note)
                   ORDER BY src.published_on NULLS LAST, src.id), '[]')
            FROM statement_reports rep
            JOIN sources src ON src.id = rep.source_id
            LEFT JOIN outlets o ON o.id = src.outlet_id
            WHERE rep.statement_id = onrecord_statement_reports_json.statement_id);
END
$$;

CREATE OR REPLACE FUNCTION onrecord_statement_stances_json(statement_id bigint) RETURNS json
    LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
    RETURN (SELECT coalesce(json_agg(json_build_object(
                       'topic', t.slug,
                       'proposition', t.proposition,
                       'position', st.position,
                       'condition', st.condition,
                       'note', st.note)
                   ORDER BY t.slug), '[]')
            FROM stances st JOIN topics t ON t.id = st.topic_id
            WHERE st.statement_id = onrecord_statement_stances_json.statement_id);
END
$$;

CREATE OR REPLACE FUNCTION onrecord_statement_json(s statements) RETURNS json
    LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
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
        'reports', onrecord_statement_reports_json(s.id),
        'stances', onrecord_statement_stances_json(s.id));
END
$$;

CREATE OR REPLACE FUNCTION onrecord_statement_rank(s statements, q tsquery) RETURNS real
    LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
    IF q IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN coalesce((SELECT max(ts_rank_cd(r.wording_tsv, q, 1))
                     FROM statement_reports r
                     WHERE r.statement_id = s.id AND r.wording_tsv @@ q), 0::real)
        + CASE WHEN EXISTS (SELECT 1 FROM actors a
                            WHERE a.id = s.actor_id AND onrecord_names_tsv(a.search_names) @@ q)
               THEN 0.01::real ELSE 0::real END;
END
$$;

CREATE OR REPLACE FUNCTION onrecord_statement_highlight(s statements, q tsquery) RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
BEGIN
    IF q IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN (SELECT replace(replace(onrecord_html_escape(
                       ts_headline('onrecord_headline'::regconfig,
                                   translate(r.wording, U&'\E000\E001', ''), q,
                                   CASE WHEN r.wording_tsv @@ q
                                        THEN U&'StartSel=\E000, StopSel=\E001, MaxFragments=2, MinWords=5, MaxWords=25'
                                        ELSE 'MinWords=24, MaxWords=25' END)),
                       U&'\E000', '<mark>'), U&'\E001', '</mark>')
            FROM statement_reports r JOIN sources src ON src.id = r.source_id
            WHERE r.statement_id = s.id
            ORDER BY ts_rank_cd(r.wording_tsv, q, 1) DESC, src.published_on NULLS LAST, src.id
            LIMIT 1);
END
$$;
