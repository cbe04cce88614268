-- 0001_schema.sql: the core model of onrecord.
--
-- Actors and their roles, outlets and the source documents they publish,
-- statements with the wording each source printed, topics (propositions) with
-- each statement's stance, and recognitions of disputed territories.
-- Dates that are known only to the month or year are stored as the first day
-- of that period plus a precision; *_until columns hold the period's last day
-- so that range filters can treat "August 2024" as the whole month.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Case- and accent-folding used for name search and full-text search.
-- unaccent() is only STABLE (it reads a dictionary), so the wrapper names the
-- dictionary explicitly and is declared IMMUTABLE for use in indexes.
CREATE FUNCTION onrecord_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, t));

-- Every name of an actor, folded, for name search.
CREATE FUNCTION onrecord_fold_names(name text, other_names text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN onrecord_fold(name || ' ' || array_to_string(other_names, ' '));

-- Last day of the period a (date, precision) pair stands for.
CREATE FUNCTION onrecord_period_end(d date, prec text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE prec
        WHEN 'day' THEN d
        WHEN 'month' THEN (d + interval '1 month' - interval '1 day')::date
        WHEN 'year' THEN (d + interval '1 year' - interval '1 day')::date
    END;

-- A (date, precision) pair as text: 2022-03-30, 2024-08 or 2023.
CREATE FUNCTION onrecord_date_text(d date, prec text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE prec
        WHEN 'day' THEN to_char(d, 'YYYY-MM-DD')
        WHEN 'month' THEN to_char(d, 'YYYY-MM')
        WHEN 'year' THEN to_char(d, 'YYYY')
    END;

-- True when d is the first day of its period, as a stored date must be.
CREATE FUNCTION onrecord_date_fits(d date, prec text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN d IS NULL OR CASE prec
        WHEN 'day' THEN true
        WHEN 'month' THEN extract(day FROM d) = 1
        WHEN 'year' THEN extract(day FROM d) = 1 AND extract(month FROM d) = 1
        ELSE false
    END;

CREATE DOMAIN slug AS text
    CHECK (VALUE ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(VALUE) <= 100);
CREATE DOMAIN date_precision AS text
    CHECK (VALUE IN ('day', 'month', 'year'));
CREATE DOMAIN language_tag AS text
    CHECK (VALUE ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');

CREATE TABLE actors (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        slug NOT NULL UNIQUE,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    kind        text NOT NULL CHECK (kind IN ('person', 'party', 'organization',
                    'government_body', 'state', 'territory', 'international_entity')),
    -- ISO 3166-1 alpha-2 where one applies; territories have none.
    country     text CHECK (country ~ '^[A-Z]{2}$'),
    other_names text[] NOT NULL DEFAULT '{}',
    description text,
    note        text,
    search_names text GENERATED ALWAYS AS
        (onrecord_fold_names(name, other_names)) STORED
);
CREATE INDEX actors_kind ON actors (kind, slug);
CREATE INDEX actors_search_names ON actors USING gin (search_names gin_trgm_ops);

-- An office or membership held by an actor, e.g. President of South Ossetia.
CREATE TABLE roles (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id        bigint NOT NULL REFERENCES actors ON DELETE CASCADE,
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    organization_id bigint REFERENCES actors,
    start_date      date,
    start_precision date_precision NOT NULL DEFAULT 'day',
    end_date        date,
    end_precision   date_precision NOT NULL DEFAULT 'day',
    note            text,
    CHECK (onrecord_date_fits(start_date, start_precision)),
    CHECK (onrecord_date_fits(end_date, end_precision)),
    CONSTRAINT roles_end_not_before_start
        CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX roles_actor ON roles (actor_id, start_date);

CREATE TABLE outlets (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        slug NOT NULL UNIQUE,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    country     text CHECK (country ~ '^[A-Z]{2}$'),
    state_owned boolean NOT NULL,
    url         text CHECK (url ~ '^https?://'),
    note        text
);

-- A document: article, interview, press release, Telegram post ...
CREATE TABLE sources (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outlet_id           bigint REFERENCES outlets,
    title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    url                 text CHECK (url ~ '^https?://'),
    published_on        date,
    published_precision date_precision NOT NULL DEFAULT 'day',
    language            language_tag NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('article', 'interview',
                            'press_release', 'telegram_post', 'website_post',
                            'news_agency_report', 'reference')),
    -- The source this one relays (e.g. a newspaper quoting TASS).
    relays_source_id    bigint REFERENCES sources,
    note                text,
    CHECK (onrecord_date_fits(published_on, published_precision)),
    CONSTRAINT sources_relays_not_itself CHECK (relays_source_id IS DISTINCT FROM id)
);
CREATE INDEX sources_outlet ON sources (outlet_id, id);
CREATE INDEX sources_published ON sources (published_on, id);

CREATE TABLE statements (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Who said it: an actor, or an unnamed attribution, or both (an
    -- anonymous official of a known government).
    actor_id        bigint REFERENCES actors,
    attribution     text CHECK (length(attribution) BETWEEN 1 AND 300),
    said_on         date NOT NULL,
    said_precision  date_precision NOT NULL,
    said_until      date GENERATED ALWAYS AS
                        (onrecord_period_end(said_on, said_precision)) STORED,
    kind            text NOT NULL CHECK (kind IN ('direct_quote', 'paraphrase')),
    language        language_tag NOT NULL,
    context         text,
    summary         text NOT NULL CHECK (length(summary) BETWEEN 1 AND 1000),
    note            text,
    -- A disputed or retracted statement keeps its record and says why.
    status          text NOT NULL DEFAULT 'published'
                        CONSTRAINT statements_status_check
                        CHECK (status IN ('published', 'disputed', 'retracted')),
    status_note     text,
    -- Named two-field rules: the server maps a violation to the field at
    -- fault (server/db.c, constraint_fields).
    CONSTRAINT statements_said_by_required CHECK (actor_id IS NOT NULL OR attribution IS NOT NULL),
    CONSTRAINT statements_status_note_required CHECK (status = 'published' OR status_note IS NOT NULL),
    CHECK (onrecord_date_fits(said_on, said_precision))
);
CREATE INDEX statements_said ON statements (said_on DESC, id DESC);
CREATE INDEX statements_actor ON statements (actor_id, said_on DESC, id DESC);
CREATE INDEX statements_language ON statements (language, said_on DESC, id DESC);
CREATE INDEX statements_said_until ON statements (said_until);

-- One source's report of a statement, with the words that source printed.
CREATE TABLE statement_reports (
    statement_id bigint NOT NULL REFERENCES statements ON DELETE CASCADE,
    source_id    bigint NOT NULL REFERENCES sources,
    wording      text NOT NULL CHECK (length(wording) BETWEEN 1 AND 20000),
    note         text,
    wording_tsv  tsvector GENERATED ALWAYS AS
                     (to_tsvector('english'::regconfig, onrecord_fold(wording))) STORED,
    PRIMARY KEY (statement_id, source_id)
);
CREATE INDEX statement_reports_source ON statement_reports (source_id, statement_id);
CREATE INDEX statement_reports_tsv ON statement_reports USING gin (wording_tsv);

-- Every statement has at least one source: checked at commit, so a statement
-- and its reports can be inserted in either order inside one transaction.
CREATE FUNCTION statements_require_report() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    sid bigint;
BEGIN
    IF TG_TABLE_NAME = 'statements' THEN
        sid := NEW.id;
    ELSE
        sid := OLD.statement_id;
    END IF;
    IF EXISTS (SELECT 1 FROM statements WHERE id = sid)
       AND NOT EXISTS (SELECT 1 FROM statement_reports WHERE statement_id = sid) THEN
        RAISE EXCEPTION 'statement % has no source', sid
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER statements_have_report
    AFTER INSERT ON statements DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION statements_require_report();
CREATE CONSTRAINT TRIGGER statement_reports_keep_one
    AFTER DELETE OR UPDATE OF statement_id ON statement_reports DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION statements_require_report();

-- A proposition a statement can take a position on.
CREATE TABLE topics (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        slug NOT NULL UNIQUE,
    proposition text NOT NULL CHECK (length(proposition) BETWEEN 1 AND 500),
    description text
);

CREATE TABLE stances (
    statement_id bigint NOT NULL REFERENCES statements ON DELETE CASCADE,
    topic_id     bigint NOT NULL REFERENCES topics,
    position     text NOT NULL CHECK (position IN ('supports', 'opposes', 'conditional', 'neutral')),
    condition    text,
    note         text,
    PRIMARY KEY (statement_id, topic_id),
    CONSTRAINT stances_condition_iff_conditional
        CHECK ((position = 'conditional') = (condition IS NOT NULL))
);
CREATE INDEX stances_topic ON stances (topic_id, position, statement_id);

-- State recognition of a disputed territory, in force from recognized_on
-- until withdrawn_on (exclusive), or still in force when withdrawn_on is NULL.
CREATE TABLE recognitions (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state_id             bigint NOT NULL REFERENCES actors,
    territory_id         bigint NOT NULL REFERENCES actors,
    recognized_on        date NOT NULL,
    recognized_precision date_precision NOT NULL DEFAULT 'day',
    withdrawn_on         date,
    withdrawn_precision  date_precision NOT NULL DEFAULT 'day',
    note                 text,
    CONSTRAINT recognitions_state_not_territory CHECK (state_id <> territory_id),
    CONSTRAINT recognitions_withdrawn_not_before
        CHECK (withdrawn_on IS NULL OR withdrawn_on >= recognized_on),
    CHECK (onrecord_date_fits(recognized_on, recognized_precision)),
    CHECK (onrecord_date_fits(withdrawn_on, withdrawn_precision)),
    UNIQUE (state_id, territory_id, recognized_on)
);
CREATE INDEX recognitions_territory ON recognitions (territory_id, recognized_on, id);
CREATE INDEX recognitions_state ON recognitions (state_id, recognized_on, id);

CREATE TABLE recognition_sources (
    recognition_id bigint NOT NULL REFERENCES recognitions ON DELETE CASCADE,
    source_id      bigint NOT NULL REFERENCES sources,
    PRIMARY KEY (recognition_id, source_id)
);

-- Dated events such as a referendum decree and its suspension (optional).
CREATE TABLE events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug         slug NOT NULL UNIQUE,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    occurred_on  date NOT NULL,
    occurred_precision date_precision NOT NULL DEFAULT 'day',
    actor_id     bigint REFERENCES actors,
    source_id    bigint REFERENCES sources,
    description  text,
    CHECK (onrecord_date_fits(occurred_on, occurred_precision))
);
