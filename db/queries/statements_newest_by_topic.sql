-- GET /v1/statements?topic=... with no actor and no q, newest first:
-- statements_newest.sql's parameters, rows and columns, read from one
-- topic's range of topic_statements (db/migrations/0015_topic_lists.sql
-- says why) and planned once per connection. $1 (actor) and $9 (q) are
-- NULL here (with either, server/statements.c runs another query; given
-- anyway, no row). The item is chosen as in
-- statements_newest_by_actor_topic.sql.
SELECT CASE WHEN t.item IS NOT NULL AND $11::text[] IS NULL AND $12::text[] IS NULL THEN t.item
            ELSE (SELECT onrecord_statement_list_item(s, a, $11::text[], $12::text[], NULL::text,
                                                      $13::boolean)::text
                  FROM statements s LEFT JOIN actors a ON a.id = s.actor_id
                  WHERE s.id = t.statement_id)
       END,
       t.said_on::text, t.statement_id::text
FROM onrecord_topic_statements_of_topic($2::text, $3::text, $4::bigint, $5::text,
                                        $6::date, $7::date, $8::text, $10::text) t
WHERE $1::text IS NULL AND $9::text IS NULL
  AND t.said_on <= coalesce($14::date, 'infinity'::date)
  AND ($14::date IS NULL OR (t.said_on, t.statement_id) < ($14::date, $15::bigint))
ORDER BY t.said_on DESC, t.statement_id DESC
LIMIT $16::bigint
