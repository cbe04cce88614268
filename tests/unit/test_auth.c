/*
 * Unit tests for server/auth.c's auth_parse: what an Authorization value
 * holds (RFC 9110 11.4 credentials, RFC 6750 2.1 Bearer). The database
 * lookup and the roles are tested over HTTP (tests/api/test_writes_auth_matrix.py).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Server headers before cmocka.h: cmocka defines a fail() macro. */
#include "auth.h"

#include <cmocka.h>

#define KEY "ork_Z3LmtdY3ZgF3qgHrHkzZ8oaHQ3VcsjMFO-uhyPowB8Q"

static enum auth_header parse(const char *h, char *key, size_t size)
{
    const char *token = NULL;
    size_t len = 0;
    enum auth_header r = auth_parse(h, &token, &len);
    key[0] = '\0';
    if (r == AUTH_TOKEN) {
        assert_non_null(token);
        assert_true(len < size);
        memcpy(key, token, len);
        key[len] = '\0';
    }
    return r;
}

static void a_bearer_key_is_its_token(void **state)
{
    (void)state;
    char key[256];
    assert_int_equal(parse("Bearer " KEY, key, sizeof key), AUTH_TOKEN);
    assert_string_equal(key, KEY);
}

static void the_scheme_is_case_insensitive(void **state)
{
    (void)state;
    char key[256];
    static const char *const forms[] = {"bearer " KEY, "BEARER " KEY, "bEaReR " KEY};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        assert_int_equal(parse(forms[i], key, sizeof key), AUTH_TOKEN);
        assert_string_equal(key, KEY);
    }
}

static void whitespace_around_the_value_and_several_spaces_are_allowed(void **state)
{
    (void)state;
    char key[256];
    static const char *const forms[] = {"Bearer  " KEY, "Bearer " KEY " ", "Bearer " KEY "\t",
                                        " Bearer " KEY, "Bearer    " KEY "  \t "};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        assert_int_equal(parse(forms[i], key, sizeof key), AUTH_TOKEN);
        assert_string_equal(key, KEY);
    }
}

static void another_scheme_is_no_credentials(void **state)
{
    (void)state;
    char key[256];
    static const char *const forms[] = {
        "Basic dXNlcjpwYXNz", "Token " KEY, "Bearerx " KEY, "Bear " KEY, KEY, "", " ", "%%% " KEY};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        assert_int_equal(parse(forms[i], key, sizeof key), AUTH_NO_CREDENTIALS);
}

static void bearer_without_a_key_or_one_space_is_malformed(void **state)
{
    (void)state;
    char key[256];
    static const char *const forms[] = {"Bearer",       "Bearer ",          "Bearer   ",
                                        "Bearer\t" KEY, "Bearer\t",         "Bearer," KEY,
                                        "Bearer: " KEY, "Bearer\"" KEY "\""};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        assert_int_equal(parse(forms[i], key, sizeof key), AUTH_MALFORMED);
}

static void a_token_that_is_no_b64token_is_bad(void **state)
{
    (void)state;
    char key[256];
    char longest[AUTH_MAX_TOKEN + 16], over[AUTH_MAX_TOKEN + 16];
    snprintf(longest, sizeof longest, "Bearer %0*d", AUTH_MAX_TOKEN, 0);
    snprintf(over, sizeof over, "Bearer %0*d", AUTH_MAX_TOKEN + 1, 0);
    assert_int_equal(parse(longest, key, sizeof key), AUTH_TOKEN);
    assert_int_equal(parse(over, key, sizeof key), AUTH_BAD_TOKEN);
    static const char *const forms[] = {
        "Bearer short",           "Bearer ork_%%%%%%%%%%%%%%%%%%%%",
        "Bearer " KEY " extra",   "Bearer " KEY ",x",
        "Bearer " KEY "\xc3\xa9", "Bearer ork_\x01QQQQQQQQQQQQQQQQQQQQQQQQ",
        "Bearer ========",        "Bearer ork_Q=QQQQQQQQQQ",
        "Bearer realm=\"x\"",     "Bearer " KEY "\t" KEY};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        assert_int_equal(parse(forms[i], key, sizeof key), AUTH_BAD_TOKEN);
}

static void trailing_padding_is_part_of_the_token(void **state)
{
    (void)state;
    char key[256];
    assert_int_equal(parse("Bearer abcdefgh==", key, sizeof key), AUTH_TOKEN);
    assert_string_equal(key, "abcdefgh==");
    assert_int_equal(parse("Bearer abc/+~._-9", key, sizeof key), AUTH_TOKEN);
    assert_string_equal(key, "abc/+~._-9");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_bearer_key_is_its_token),
        cmocka_unit_test(the_scheme_is_case_insensitive),
        cmocka_unit_test(whitespace_around_the_value_and_several_spaces_are_allowed),
        cmocka_unit_test(another_scheme_is_no_credentials),
        cmocka_unit_test(bearer_without_a_key_or_one_space_is_malformed),
        cmocka_unit_test(a_token_that_is_no_b64token_is_bad),
        cmocka_unit_test(trailing_padding_is_part_of_the_token),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
