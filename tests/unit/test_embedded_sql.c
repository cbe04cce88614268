/* Unit tests for server/embed_sql.py's output: which queries are planned for
 * each request (server/db.c sends those unnamed) and which are prepared, and
 * which are costly (their answers are kept whole, server/vcache.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "embedded_sql.h"

#include <cmocka.h>

/* The general statement lists, and those that apply every filter the general
 * way (by source): their plan depends on which filters are given. */
static void the_general_list_queries_are_planned_for_each_request(void **state)
{
    (void)state;
    const enum query_id general[] = {
        QUERY_STATEMENTS_NEWEST,           QUERY_STATEMENTS_OLDEST,
        QUERY_STATEMENTS_NEWEST_MATCHING,  QUERY_STATEMENTS_OLDEST_MATCHING,
        QUERY_STATEMENTS_NEWEST_BY_SOURCE, QUERY_STATEMENTS_OLDEST_BY_SOURCE,
        QUERY_STATEMENTS_RELEVANCE};
    for (size_t i = 0; i < sizeof general / sizeof general[0]; i++)
        assert_int_equal(embedded_queries[general[i]].per_request_plan, 1);
}

/* The narrowed lists and every other query keep one plan per connection. */
static void every_other_query_is_prepared(void **state)
{
    (void)state;
    size_t per_request = 0;
    for (size_t i = 0; i < embedded_queries_count; i++)
        per_request += (size_t)embedded_queries[i].per_request_plan;
    assert_int_equal(per_request, 7);
    assert_int_equal(embedded_queries[QUERY_STATEMENTS_SEARCH].per_request_plan, 0);
    assert_int_equal(embedded_queries[QUERY_STATEMENTS_NEWEST_BY_TOPIC].per_request_plan, 0);
    assert_int_equal(embedded_queries[QUERY_STATEMENTS_NEWEST_BY_TOPIC_MATCHING].per_request_plan,
                     0);
    assert_int_equal(embedded_queries[QUERY_STATEMENTS_GET].per_request_plan, 0);
    assert_string_equal(embedded_queries[QUERY_STATEMENTS_RELEVANCE].name, "statements_relevance");
}

/* The queries whose answers the answer cache keeps whole (vcache.h). */
static void the_costly_queries_are_flagged(void **state)
{
    (void)state;
    const enum query_id costly[] = {QUERY_STATEMENTS_SEARCH,
                                    QUERY_STATEMENTS_RELEVANCE,
                                    QUERY_STATEMENTS_NEWEST_MATCHING,
                                    QUERY_STATEMENTS_OLDEST_MATCHING,
                                    QUERY_STATEMENTS_NEWEST_BY_TOPIC_MATCHING,
                                    QUERY_STATEMENTS_OLDEST_BY_TOPIC_MATCHING,
                                    QUERY_STATS_STANCES,
                                    QUERY_TOPICS_TIMELINE};
    size_t n = sizeof costly / sizeof costly[0];
    for (size_t i = 0; i < n; i++)
        assert_int_equal(embedded_queries[costly[i]].costly, 1);
    size_t flagged = 0;
    for (size_t i = 0; i < embedded_queries_count; i++)
        flagged += (size_t)embedded_queries[i].costly;
    assert_int_equal(flagged, n);
    /* a statement by id, and the lists an index answers, are not */
    assert_int_equal(embedded_queries[QUERY_STATEMENTS_GET].costly, 0);
    assert_int_equal(embedded_queries[QUERY_STATEMENTS_NEWEST_BY_ACTOR_TOPIC].costly, 0);
}

/* The flags are for queries only: migrations are run as they are. */
static void migrations_carry_no_flag(void **state)
{
    (void)state;
    for (size_t i = 0; i < embedded_migrations_count; i++)
        assert_int_equal(embedded_migrations[i].per_request_plan + embedded_migrations[i].costly,
                         0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_general_list_queries_are_planned_for_each_request),
        cmocka_unit_test(every_other_query_is_prepared),
        cmocka_unit_test(the_costly_queries_are_flagged),
        cmocka_unit_test(migrations_carry_no_flag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
