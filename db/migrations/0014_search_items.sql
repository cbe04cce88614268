-- 0014_search_items.sql: a relevance page's items without re-ranking each
-- statement (bench/RESULTS.md has the before and after).
--
-- A relevance list already knows each statement's rank: it is the sort key.
-- Its items came from onrecord_statement_item_json, the general PL/pgSQL
-- builder, which ranks the statement again for `score` (reading all its
-- reports) and assembles the keys one by one: about 0.1 ms an item, 5 ms a
-- page of 50, which was most of the cost of a search for a rare word.
--
-- onrecord_statement_ranked_item gives the same item from the default list
-- item (onrecord_statement_lean_json, the same keys in the same order) with
-- the known rank appended as `score`. With include=, fields= or highlight=1
-- it hands over to onrecord_statement_item_json, as before. Like
-- onrecord_statement_list_item (0008) it is one expression, so PostgreSQL
-- inlines it and, in a plan made for the parameters' values, decides the
-- CASE once.

-- The default list item with "score": rank after "summary", the last key of
-- the default item and the place onrecord_statement_item_json puts it. The
-- default item is built by json_build_object, whose text always ends in "}".
CREATE FUNCTION onrecord_statement_scored_json(s statements, a actors, rank real) RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (left(onrecord_statement_lean_json(s, a)::text, -1)
            || ', "score" : ' || to_json(rank)::text || '}')::json;

-- A relevance list's item for statement s (actor row a, NULL for none),
-- whose rank for q is `rank`: what onrecord_statement_item_json(s, include,
-- fields, onrecord_tsquery(q), highlight) gives, without ranking s again
-- when only the default keys and the score are asked for.
CREATE FUNCTION onrecord_statement_ranked_item(s statements, a actors, include text[],
                                               fields text[], q text, highlight boolean,
                                               rank real)
    RETURNS json
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN include IS NULL AND fields IS NULL AND NOT coalesce(highlight, false)
                THEN onrecord_statement_scored_json(s, a, rank)
                ELSE onrecord_statement_item_json(s, include, fields, onrecord_tsquery(q),
                                                  highlight)
           END;
