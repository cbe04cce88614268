-- 0017_one_reading.sql: a search's tsquery without the second copy of an
-- English query (bench/RESULTS.md has the before and after).
--
-- onrecord_tsquery (0004) is q's English reading OR its Russian reading.
-- The Russian configuration stems Latin words with the English stemmer, so
-- for a query in English the two readings are the same: `roads` became
-- 'road' | 'road' (3 query items), `sovereignty trade` 7 items instead of 3.
-- The answer is the same either way, but ts_rank_cd, which ranks every
-- match of a search, zeroes a 32 KB work area per query item for each
-- report it ranks (PostgreSQL 15's calc_rank_cd): at a million statements,
-- a fifth of a search's CPU went to that memset (perf, bench/RESULTS.md).
--
-- Now a query whose two readings are equal is that one reading. A query in
-- Cyrillic still has both ('транзит' | 'транз'). Checked before the change
-- at 1M statements: 282 searches (words, pairs, phrases, or, -not, stop
-- words, Cyrillic), 13,189,568 matching reports; the same reports match,
-- and every ts_rank_cd(..., 1) is equal to the last bit.

-- q's readings as one tsquery: one of them when they are the same.
CREATE FUNCTION onrecord_tsquery_readings(english tsquery, russian tsquery) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN english = russian THEN english ELSE english || russian END;

CREATE OR REPLACE FUNCTION onrecord_tsquery(q text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN onrecord_tsquery_readings(websearch_to_tsquery('english'::regconfig, onrecord_fold(q)),
                                     websearch_to_tsquery('russian'::regconfig, onrecord_fold(q)));
