/* Unit tests for server/vcache.c: when a cached validator answers 304, when
 * a kept answer answers 200, and when neither must. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
    vcache_store("/v1/statements/19\x03", vcache_generation(), "\"1.abc\"", "no-cache", false,
                 NULL);
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
    vcache_store("/v1/actors\x03", vcache_generation(), "W/\"77\"", "no-cache", true, NULL);
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
    vcache_store("/v1/topics\x03", before, "W/\"old\"", "no-cache", false, NULL);
    struct response res;
    assert_false(answered("/v1/topics\x03", "W/\"old\"", &res));
    /* and it does not push out the newer answer stored since */
    vcache_store("/v1/topics\x03", vcache_generation(), "W/\"new\"", "no-cache", false, NULL);
    vcache_store("/v1/topics\x03", before, "W/\"old\"", "no-cache", false, NULL);
    assert_true(answered("/v1/topics\x03", "W/\"new\"", &res));
    response_reset(&res);
}

static void without_a_listener_nothing_is_cached(void **state)
{
    (void)state;
    vcache_set_listening(true);
    vcache_store("/v1/outlets\x03", vcache_generation(), "W/\"1\"", "no-cache", false, NULL);
    vcache_set_listening(false);
    assert_int_equal(vcache_generation(), 0);
    struct response res;
    assert_false(answered("/v1/outlets\x03", "W/\"1\"", &res));
    vcache_store("/v1/outlets\x03", vcache_generation(), "W/\"1\"", "no-cache", false, NULL);
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
    vcache_store(key, vcache_generation(), "W/\"1\"", "no-cache", false, NULL);
    struct response res;
    assert_false(answered(key, "W/\"1\"", &res));
    char tag[200];
    memset(tag, 't', sizeof tag - 1);
    tag[sizeof tag - 1] = '\0';
    vcache_store("/v1/sources\x03", vcache_generation(), tag, "no-cache", false, NULL);
    assert_false(answered("/v1/sources\x03", tag, &res));
}

/* A costly read's answer as a handler makes it: a JSON body and a Link. */
static void handler_answer(struct response *res, const char *body)
{
    memset(res, 0, sizeof *res);
    size_t n = strlen(body);
    char *copy = malloc(n + 1); /* released with free() */
    memcpy(copy, body, n + 1);
    response_json_owned(res, 200, copy, n);
    response_add_header(res, "Link", "</v1/statements?q=x&cursor=abc>; rel=\"next\"");
}

static struct vcache_whole *kept(const char *body)
{
    struct response res;
    handler_answer(&res, body);
    struct vcache_whole *w = vcache_keep(&res);
    response_reset(&res);
    return w;
}

static bool answered_whole(const char *key, struct response *res)
{
    memset(res, 0, sizeof *res);
    return vcache_answer_whole(key, vcache_generation(), res);
}

static void a_kept_answer_is_served_whole_until_a_write(void **state)
{
    (void)state;
    vcache_set_listening(true);
    vcache_set_budget(1 << 20);
    const char *key = "/v1/statements\x02q\x01referendum\x03";
    vcache_store(key, vcache_generation(), "W/\"5\"", "no-cache", true, kept("{\"data\":[1]}"));
    struct response res;
    assert_true(answered_whole(key, &res));
    assert_int_equal(res.status, 200);
    assert_string_equal(res.content_type, "application/json");
    assert_int_equal(res.len, strlen("{\"data\":[1]}"));
    assert_memory_equal(res.body, "{\"data\":[1]}", res.len);
    assert_string_equal(header(&res, "Link"), "</v1/statements?q=x&cursor=abc>; rel=\"next\"");
    assert_string_equal(header(&res, "ETag"), "W/\"5\"");
    assert_true(res.vary_accept);
    response_reset(&res);
    /* the same answer's validator, stored again alone (a 304), keeps it */
    vcache_store(key, vcache_generation(), "W/\"5\"", "no-cache", true, NULL);
    assert_true(answered_whole(key, &res));
    response_reset(&res);
    /* a key with no kept answer, and a validator-only entry, answer nothing */
    assert_false(answered_whole("/v1/statements\x02q\x01roads\x03", &res));
    vcache_store("/v1/actors\x03", vcache_generation(), "W/\"6\"", "no-cache", false, NULL);
    assert_false(answered_whole("/v1/actors\x03", &res));
    vcache_invalidate();
    assert_false(answered_whole(key, &res));
    assert_int_equal(res.nheaders, 0);
}

static void an_answer_from_before_a_write_is_never_served_after_it(void **state)
{
    (void)state;
    vcache_set_listening(true);
    vcache_set_budget(1 << 20);
    uint64_t before = vcache_generation(); /* the handler's query starts */
    vcache_invalidate();                   /* a write commits meanwhile */
    vcache_store("/v1/stats/stances\x03", before, "W/\"7\"", "no-cache", false, kept("{}"));
    struct response res;
    assert_false(answered_whole("/v1/stats/stances\x03", &res));
    /* the answer computed since replaces it, and an older one cannot come back */
    vcache_store("/v1/stats/stances\x03", vcache_generation(), "W/\"9\"", "no-cache", false,
                 kept("{\"new\":1}"));
    vcache_store("/v1/stats/stances\x03", before, "W/\"7\"", "no-cache", false, kept("{}"));
    assert_true(answered_whole("/v1/stats/stances\x03", &res));
    assert_memory_equal(res.body, "{\"new\":1}", res.len);
    response_reset(&res);
}

static void the_budget_bounds_what_is_kept(void **state)
{
    (void)state;
    vcache_set_listening(true);
    /* off: nothing is copied */
    vcache_set_budget(0);
    assert_null(kept("{}"));
    /* one answer may take a quarter of the budget, no more */
    vcache_set_budget(4096);
    char big[1100];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_null(kept(big));
    /* more answers than fit: older ones are dropped, the count stays in budget */
    char body[700];
    memset(body, 'y', sizeof body - 1);
    body[sizeof body - 1] = '\0';
    char key[64];
    for (int i = 0; i < 40; i++) {
        snprintf(key, sizeof key, "/v1/statements\x02q\x01word%d\x03", i);
        vcache_store(key, vcache_generation(), "W/\"8\"", "no-cache", false, kept(body));
        assert_true(vcache_held() <= 4096);
    }
    struct response res;
    assert_true(answered_whole(key, &res)); /* the newest is kept */
    assert_int_equal(res.len, sizeof body - 1);
    response_reset(&res);
    assert_true(vcache_held() > 0);
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
        cmocka_unit_test(a_kept_answer_is_served_whole_until_a_write),
        cmocka_unit_test(an_answer_from_before_a_write_is_never_served_after_it),
        cmocka_unit_test(the_budget_bounds_what_is_kept),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
