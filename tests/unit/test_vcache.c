/* Unit tests for server/vcache.c: when a cached validator answers 304, and when it must not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Server headers before cmocka.h: cmocka defines a fail() macro. */
#include "api.h"
#include "vcache.h"

#include <cmocka.h>

static const char *header(const struct response *res, const char *name)
{
    for (size_t i = 0; i < res->nheaders; i++)
        if (strcmp(res->headers[i].name, name) == 0)
            return res->headers[i].value;
    return NULL;
}

static bool answered(const char *key, const char *if_none_match, struct response *res)
{
    memset(res, 0, sizeof *res);
    return vcache_answer(key, vcache_generation(), if_none_match, res);
}

static void a_stored_validator_answers_304_with_its_headers(void **state)
{
    (void)state;
    vcache_set_listening(true);
    vcache_store("/v1/statements/19\x03", vcache_generation(), "\"1.abc\"", "no-cache", false);
    struct response res;
    assert_true(answered("/v1/statements/19\x03", "\"1.abc\"", &res));
    assert_int_equal(res.status, 304);
    assert_string_equal(header(&res, "ETag"), "\"1.abc\"");
    assert_string_equal(res.cache_control, "no-cache");
    assert_int_equal(res.len, 0);
    response_reset(&res);
    /* another tag, another key, no If-None-Match: the handler answers */
    assert_false(answered("/v1/statements/19\x03", "\"1.abd\"", &res));
    assert_false(answered("/v1/statements/20\x03", "\"1.abc\"", &res));
    assert_false(answered("/v1/statements/19\x03", NULL, &res));
    assert_int_equal(res.nheaders, 0);
}

static void a_write_makes_every_entry_stale(void **state)
{
    (void)state;
    vcache_set_listening(true);
    vcache_store("/v1/actors\x03", vcache_generation(), "W/\"77\"", "no-cache", true);
    struct response res;
    assert_true(answered("/v1/actors\x03", "W/\"77\"", &res));
    assert_true(res.vary_accept);
    response_reset(&res);
    vcache_invalidate();
    assert_false(answered("/v1/actors\x03", "W/\"77\"", &res));
}

static void an_answer_computed_before_a_write_is_never_served_after_it(void **state)
{
    (void)state;
    vcache_set_listening(true);
    uint64_t before = vcache_generation(); /* the handler's query starts */
    vcache_invalidate();                   /* a write commits meanwhile */
    vcache_store("/v1/topics\x03", before, "W/\"old\"", "no-cache", false);
    struct response res;
    assert_false(answered("/v1/topics\x03", "W/\"old\"", &res));
    /* and it does not push out the newer answer stored since */
    vcache_store("/v1/topics\x03", vcache_generation(), "W/\"new\"", "no-cache", false);
    vcache_store("/v1/topics\x03", before, "W/\"old\"", "no-cache", false);
    assert_true(answered("/v1/topics\x03", "W/\"new\"", &res));
    response_reset(&res);
}

static void without_a_listener_nothing_is_cached(void **state)
{
    (void)state;
    vcache_set_listening(true);
    vcache_store("/v1/outlets\x03", vcache_generation(), "W/\"1\"", "no-cache", false);
    vcache_set_listening(false);
    assert_int_equal(vcache_generation(), 0);
    struct response res;
    assert_false(answered("/v1/outlets\x03", "W/\"1\"", &res));
    vcache_store("/v1/outlets\x03", vcache_generation(), "W/\"1\"", "no-cache", false);
    /* back on: what was seen while off (or before) is not trusted */
    vcache_set_listening(true);
    assert_false(answered("/v1/outlets\x03", "W/\"1\"", &res));
}

static void overlong_keys_and_tags_are_not_kept(void **state)
{
    (void)state;
    vcache_set_listening(true);
    char key[VCACHE_MAX_KEY + 2];
    memset(key, 'k', sizeof key - 1);
    key[sizeof key - 1] = '\0';
    vcache_store(key, vcache_generation(), "W/\"1\"", "no-cache", false);
    struct response res;
    assert_false(answered(key, "W/\"1\"", &res));
    char tag[200];
    memset(tag, 't', sizeof tag - 1);
    tag[sizeof tag - 1] = '\0';
    vcache_store("/v1/sources\x03", vcache_generation(), tag, "no-cache", false);
    assert_false(answered("/v1/sources\x03", tag, &res));
}

static int teardown(void **state)
{
    (void)state;
    vcache_stop(); /* frees the entries (no listener was started) */
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_stored_validator_answers_304_with_its_headers),
        cmocka_unit_test(a_write_makes_every_entry_stale),
        cmocka_unit_test(an_answer_computed_before_a_write_is_never_served_after_it),
        cmocka_unit_test(without_a_listener_nothing_is_cached),
        cmocka_unit_test(overlong_keys_and_tags_are_not_kept),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
