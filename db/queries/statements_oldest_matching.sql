-- GET /v1/statements?q=...&sort=said_on with no actor and no topic
-- (statements_oldest.sql's parameters, rows and columns). One of two ways,
-- chosen once per request by onrecord_search_has_few_matches
-- (db/migrations/0016_searches_by_date.sql): when q has at most 2,000
-- matches, start from them (onrecord_statement_matches, through the
-- full-text index), then the other filters and the order: a rare word's few
-- hundred statements are found at once; else walk the statements by date
-- as statements_oldest.sql does, testing q on each: a common word fills a
-- page in a few hundred. The branch not chosen stops at its one-time filter.
-- Planned for each request (sent unnamed, server/db.c): the best plan depends
-- on which filters are given, and a generic one can take seconds.
-- Costly: it may read every match. Answers are kept whole until the next
-- write (the answer cache, server/vcache.h).
WITH d AS MATERIALIZED (
    SELECT onrecord_search_has_few_matches(onrecord_tsquery($9::text), 2000) AS from_matches)
SELECT page.item, page.said_on::text, page.id::text
FROM ((SELECT onrecord_statement_item_json(s, $11::text[], $12::text[], onrecord_tsquery($9::text),
                                           $13::boolean)::text AS item, s.said_on, s.id
       FROM onrecord_statements_filtered($1::text, $2::text, $3::text, $4::bigint, $5::text,
                                         $6::date, $7::date, $8::text, NULL::text, $10::text) s
       WHERE (SELECT from_matches FROM d)
         AND s.id IN (SELECT m.id FROM onrecord_statement_matches(onrecord_tsquery($9::text)) m)
         AND ($14::date IS NULL OR (s.said_on, s.id) > ($14::date, $15::bigint))
       ORDER BY s.said_on, s.id
       LIMIT $16::bigint)
      UNION ALL
      (SELECT onrecord_statement_list_item(s, a, $11::text[], $12::text[], $9::text,
                                           $13::boolean)::text, s.said_on, s.id
       FROM onrecord_statements_filtered($1::text, $2::text, $3::text, $4::bigint, $5::text,
                                         $6::date, $7::date, $8::text, $9::text, $10::text) s
       LEFT JOIN actors a ON a.id = s.actor_id
       WHERE NOT (SELECT from_matches FROM d)
         AND ($14::date IS NULL OR (s.said_on, s.id) > ($14::date, $15::bigint))
       ORDER BY s.said_on, s.id
       LIMIT $16::bigint)) page
ORDER BY page.said_on, page.id
