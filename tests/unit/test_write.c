/* Unit tests for server/write.c's pure parts: If-Match -> versions (if_match_value), write_target.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Server headers before cmocka.h: cmocka defines a fail() macro. */
#include "write.h"

#include <cmocka.h>

static const char *versions(const char *header)
{
    static char out[64];
    return if_match_value(header, out, sizeof out);
}

static void if_match_takes_the_versions_of_strong_tags(void **state)
{
    (void)state;
    assert_null(versions(NULL));
    assert_string_equal(versions("*"), "*");
    assert_string_equal(versions("\"3\""), "3");
    assert_string_equal(versions("\"3.9f2c04e1a7b3d655\""), "3");
    assert_string_equal(versions("\"3.ab\", \"7\" ,\"12.x\""), "3,7,12");
}

static void if_match_with_nothing_usable_matches_no_version(void **state)
{
    (void)state;
    assert_string_equal(versions(""), "-");
    assert_string_equal(versions("W/\"3\""), "-");         /* weak: never matches */
    assert_string_equal(versions("3"), "-");               /* bare token */
    assert_string_equal(versions("\"x3\""), "-");          /* no version */
    assert_string_equal(versions("\"12345678901\""), "-"); /* 11 digits */
    assert_string_equal(versions("\"3"), "-");             /* unclosed */
}

static void if_match_stays_within_its_buffer(void **state)
{
    (void)state;
    char header[30 * 14 + 1] = "";
    for (int i = 0; i < 30; i++)
        strcat(header, "\"1234567890\", ");
    const char *v = versions(header);
    assert_true(strlen(v) < 64);
    assert_int_equal(strspn(v, "0123456789,"), strlen(v));
    assert_int_equal(v[strlen(v) - 1], '0');
}

static void write_target_joins_checked_path_parts(void **state)
{
    (void)state;
    struct request req = {.npath_params = 2, .path_params = {"15", "south-ossetia"}};
    struct response res = {0};
    char out[WRITE_TARGET_MAX];
    assert_int_equal(write_target(&req, &res, &stances_resource, out), 0);
    assert_string_equal(out, "15/south-ossetia");
    req.path_params[0] = "015";
    assert_int_equal(write_target(&req, &res, &stances_resource, out), -1);
    assert_int_equal(res.problem.code, PROBLEM_BAD_PARAMETER);
    response_reset(&res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(if_match_takes_the_versions_of_strong_tags),
        cmocka_unit_test(if_match_with_nothing_usable_matches_no_version),
        cmocka_unit_test(if_match_stays_within_its_buffer),
        cmocka_unit_test(write_target_joins_checked_path_parts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
