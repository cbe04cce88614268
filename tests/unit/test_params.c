/* Unit tests for server/params.c: parameter specs, params_read and the pagination cursor. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Server headers before cmocka.h: cmocka defines a fail() macro. */
#include "params.h"

#include <cmocka.h>

/* ---- helpers ---- */

static const char *const sort_choices[] = {"date", "-date", "name", NULL};

static int check(enum param_type type, const char *value)
{
    struct param_spec spec = {"p", type, type == PARAM_ENUM ? sort_choices : NULL};
    struct response res = {0};
    int rc = param_check(&spec, value, &res);
    if (rc == 0) {
        assert_int_equal(res.problem.code, PROBLEM_NONE);
    } else {
        assert_int_equal(rc, -1);
        assert_int_equal(res.problem.code, PROBLEM_BAD_PARAMETER);
        assert_string_equal(res.problem.param, "p");
    }
    return rc;
}

#define ACCEPTS(type, value) assert_int_equal(check(type, value), 0)
#define REJECTS(type, value) assert_int_equal(check(type, value), -1)

static void add_query(struct request *req, const char *name, const char *value)
{
    assert_true(req->nquery < MAX_QUERY_PARAMS);
    req->query[req->nquery].name = name;
    req->query[req->nquery].value = value;
    req->nquery++;
}

/* Minimal base64url (no padding) so tests can build cursors by hand. */
static void b64url(const char *raw, size_t len, char *out)
{
    static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    size_t o = 0;
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned)(unsigned char)raw[i] << 16;
        if (i + 1 < len)
            v |= (unsigned)(unsigned char)raw[i + 1] << 8;
        if (i + 2 < len)
            v |= (unsigned char)raw[i + 2];
        out[o++] = a[(v >> 18) & 63];
        out[o++] = a[(v >> 12) & 63];
        if (i + 1 < len)
            out[o++] = a[(v >> 6) & 63];
        if (i + 2 < len)
            out[o++] = a[v & 63];
    }
    out[o] = '\0';
}

/* ---- param types ---- */

static void slug_param_accepts_slugs_only(void **state)
{
    (void)state;
    ACCEPTS(PARAM_SLUG, "alan-gagloev");
    ACCEPTS(PARAM_SLUG, "x1");
    REJECTS(PARAM_SLUG, "");
    REJECTS(PARAM_SLUG, "Alan-Gagloev");
    REJECTS(PARAM_SLUG, "alan--gagloev");
    REJECTS(PARAM_SLUG, "-alan");
    REJECTS(PARAM_SLUG, "alan'; drop table actors; --");
}

static void date_param_checks_calendar_and_leap_years(void **state)
{
    (void)state;
    ACCEPTS(PARAM_DATE, "2008-08-08");
    ACCEPTS(PARAM_DATE, "2024-02-29");
    ACCEPTS(PARAM_DATE, "2000-02-29");
    REJECTS(PARAM_DATE, "1900-02-29");
    REJECTS(PARAM_DATE, "2023-02-29");
    REJECTS(PARAM_DATE, "2023-04-31");
    REJECTS(PARAM_DATE, "2023-13-01");
    REJECTS(PARAM_DATE, "2023-00-01");
    REJECTS(PARAM_DATE, "2023-01-00");
    REJECTS(PARAM_DATE, "2023-1-1");
    REJECTS(PARAM_DATE, "");
    REJECTS(PARAM_DATE, "yesterday");
}

static void id_param_accepts_positive_64_bit_integers(void **state)
{
    (void)state;
    ACCEPTS(PARAM_ID, "1");
    ACCEPTS(PARAM_ID, "42");
    ACCEPTS(PARAM_ID, "9223372036854775807");
}

static void id_param_rejects_zero_negative_leading_zero_and_overflow(void **state)
{
    (void)state;
    REJECTS(PARAM_ID, "0");
    REJECTS(PARAM_ID, "-1");
    REJECTS(PARAM_ID, "-0");
    REJECTS(PARAM_ID, "01");
    REJECTS(PARAM_ID, "00");
    REJECTS(PARAM_ID, "9223372036854775808");  /* LONG_MAX + 1, 19 digits */
    REJECTS(PARAM_ID, "9999999999999999999");  /* 19 digits */
    REJECTS(PARAM_ID, "10000000000000000000"); /* 20 digits */
    REJECTS(PARAM_ID, "123456789012345678901234567890");
    REJECTS(PARAM_ID, "");
    REJECTS(PARAM_ID, "+1");
    REJECTS(PARAM_ID, "1.5");
    REJECTS(PARAM_ID, "12abc");
    REJECTS(PARAM_ID, " 1");
}

static void text_param_takes_1_to_200_bytes_of_utf8(void **state)
{
    (void)state;
    char s[202];
    memset(s, 'a', 200);
    s[200] = '\0';
    ACCEPTS(PARAM_TEXT, "a");
    ACCEPTS(PARAM_TEXT, "Южная Осетия");
    ACCEPTS(PARAM_TEXT, "with spaces & symbols; '\"");
    ACCEPTS(PARAM_TEXT, s);
    s[200] = 'a';
    s[201] = '\0';
    REJECTS(PARAM_TEXT, s);
    REJECTS(PARAM_TEXT, "");
    REJECTS(PARAM_TEXT, "bad \xff byte");
    REJECTS(PARAM_TEXT, "overlong \xc0\xaf");
    REJECTS(PARAM_TEXT, "surrogate \xed\xa0\x80");
    REJECTS(PARAM_TEXT, "truncated \xe2\x82");
}

static void text_param_counts_bytes_not_characters(void **state)
{
    (void)state;
    char s[204];
    /* 100 two-byte characters = 200 bytes: accepted */
    for (int i = 0; i < 100; i++)
        memcpy(s + 2 * i, "\xd0\xaf", 2);
    s[200] = '\0';
    ACCEPTS(PARAM_TEXT, s);
    /* 67 three-byte characters = 201 bytes: rejected */
    for (int i = 0; i < 67; i++)
        memcpy(s + 3 * i, "\xe2\x82\xac", 3);
    s[201] = '\0';
    REJECTS(PARAM_TEXT, s);
}

static void enum_param_accepts_exact_choices_only(void **state)
{
    (void)state;
    ACCEPTS(PARAM_ENUM, "date");
    ACCEPTS(PARAM_ENUM, "-date");
    ACCEPTS(PARAM_ENUM, "name");
    REJECTS(PARAM_ENUM, "Date");
    REJECTS(PARAM_ENUM, "dat");
    REJECTS(PARAM_ENUM, "date ");
    REJECTS(PARAM_ENUM, "");
}

static void enum_param_without_choices_rejects_everything(void **state)
{
    (void)state;
    struct param_spec spec = {"sort", PARAM_ENUM, NULL};
    struct response res = {0};
    assert_int_equal(param_check(&spec, "date", &res), -1);
    assert_int_equal(res.problem.code, PROBLEM_BAD_PARAMETER);
}

static void enum_param_problem_lists_the_choices(void **state)
{
    (void)state;
    struct param_spec spec = {"sort", PARAM_ENUM, sort_choices};
    struct response res = {0};
    assert_int_equal(param_check(&spec, "size", &res), -1);
    assert_string_equal(res.problem.param, "sort");
    assert_string_equal(res.problem.detail, "sort must be one of: date, -date, name");
}

static void enum_param_problem_with_many_choices_stays_bounded(void **state)
{
    (void)state;
    static const char *const many[] = {"aaaaaaaaaaaaaaaaaaaa",
                                       "bbbbbbbbbbbbbbbbbbbb",
                                       "cccccccccccccccccccc",
                                       "dddddddddddddddddddd",
                                       "eeeeeeeeeeeeeeeeeeee",
                                       "ffffffffffffffffffff",
                                       "gggggggggggggggggggg",
                                       "hhhhhhhhhhhhhhhhhhhh",
                                       "iiiiiiiiiiiiiiiiiiii",
                                       "jjjjjjjjjjjjjjjjjjjj",
                                       NULL};
    struct param_spec spec = {"choice", PARAM_ENUM, many};
    struct response res = {0};
    assert_int_equal(param_check(&spec, "zzz", &res), -1);
    assert_int_equal(strncmp(res.problem.detail, "choice must be one of: aaaa", 27), 0);
    assert_true(strlen(res.problem.detail) < sizeof res.problem.detail);
    ACCEPTS(PARAM_ENUM, "name");
}

static void lang_param_accepts_language_tags(void **state)
{
    (void)state;
    ACCEPTS(PARAM_LANG, "en");
    ACCEPTS(PARAM_LANG, "ru");
    ACCEPTS(PARAM_LANG, "os");
    ACCEPTS(PARAM_LANG, "kat");
    ACCEPTS(PARAM_LANG, "pt-BR");
    ACCEPTS(PARAM_LANG, "zh-Hant-TW");
    ACCEPTS(PARAM_LANG, "sr-Latn");
    ACCEPTS(PARAM_LANG, "es-419");
}

static void number_param_takes_what_a_postgresql_real_holds(void **state)
{
    (void)state;
    ACCEPTS(PARAM_NUMBER, "0.07797425");
    ACCEPTS(PARAM_NUMBER, "0");
    ACCEPTS(PARAM_NUMBER, "-1.5e-3");
    ACCEPTS(PARAM_NUMBER, "3.4e38");
    ACCEPTS(PARAM_NUMBER, "1e-40"); /* subnormal: float4in keeps it */
    REJECTS(PARAM_NUMBER, "");
    REJECTS(PARAM_NUMBER, "1e");
    REJECTS(PARAM_NUMBER, "0x10");
    REJECTS(PARAM_NUMBER, "nan");
    REJECTS(PARAM_NUMBER, "inf");
    /* Finite doubles a real cannot hold: PostgreSQL refused them (found by tests/fuzz). */
    REJECTS(PARAM_NUMBER, "1e300");
    REJECTS(PARAM_NUMBER, "3.5e38");
    REJECTS(PARAM_NUMBER, "1e-300");
    REJECTS(PARAM_NUMBER, "-1e-50");
}

static void lang_param_rejects_malformed_tags(void **state)
{
    (void)state;
    REJECTS(PARAM_LANG, "");
    REJECTS(PARAM_LANG, "e");
    REJECTS(PARAM_LANG, "engl");
    REJECTS(PARAM_LANG, "EN");
    REJECTS(PARAM_LANG, "En");
    REJECTS(PARAM_LANG, "en-");
    REJECTS(PARAM_LANG, "en-B");
    REJECTS(PARAM_LANG, "en--BR");
    REJECTS(PARAM_LANG, "en_US");
    REJECTS(PARAM_LANG, "en-abcdefghi"); /* subtag of 9 */
    REJECTS(PARAM_LANG, "en-BR ");
    REJECTS(PARAM_LANG, "-en");
    REJECTS(PARAM_LANG, "12");
}

static void bad_parameter_detail_names_parameter_and_expectation(void **state)
{
    (void)state;
    struct param_spec spec = {"since", PARAM_DATE, NULL};
    struct response res = {0};
    assert_int_equal(param_check(&spec, "2023-02-30", &res), -1);
    assert_string_equal(res.problem.param, "since");
    assert_string_equal(res.problem.detail, "since must be a date written YYYY-MM-DD");
}

/* ---- params_read ---- */

static const struct param_spec specs[] = {
    {"actor", PARAM_SLUG, NULL},
    {"since", PARAM_DATE, NULL},
    {"sort", PARAM_ENUM, sort_choices},
    {"q", PARAM_TEXT, NULL},
};
#define NSPECS (sizeof specs / sizeof specs[0])
static const char *const extra[] = {"limit", "cursor", NULL};

static void params_read_fills_values_in_spec_order(void **state)
{
    (void)state;
    struct request req = {.method = "GET", .path = "/v1/statements"};
    struct response res = {0};
    const char *values[NSPECS];
    add_query(&req, "q", "peace");
    add_query(&req, "actor", "alan-gagloev");
    add_query(&req, "sort", "-date");
    assert_int_equal(params_read(&req, &res, specs, NSPECS, extra, values), 0);
    assert_string_equal(values[0], "alan-gagloev");
    assert_null(values[1]);
    assert_string_equal(values[2], "-date");
    assert_string_equal(values[3], "peace");
    assert_int_equal(res.problem.code, PROBLEM_NONE);
}

static void params_read_with_no_query_sets_all_values_null(void **state)
{
    (void)state;
    struct request req = {.method = "GET", .path = "/v1/statements"};
    struct response res = {0};
    const char *values[NSPECS] = {"junk", "junk", "junk", "junk"};
    assert_int_equal(params_read(&req, &res, specs, NSPECS, NULL, values), 0);
    for (size_t i = 0; i < NSPECS; i++)
        assert_null(values[i]);
}

static void params_read_lets_extra_names_through(void **state)
{
    (void)state;
    struct request req = {.method = "GET", .path = "/v1/statements"};
    struct response res = {0};
    const char *values[NSPECS];
    add_query(&req, "limit", "not-checked-here");
    add_query(&req, "since", "2008-08-08");
    add_query(&req, "cursor", "!!!");
    assert_int_equal(params_read(&req, &res, specs, NSPECS, extra, values), 0);
    assert_string_equal(values[1], "2008-08-08");
    assert_null(values[0]);
    assert_null(values[2]);
    assert_null(values[3]);
}

static void params_read_rejects_unknown_parameter_naming_it(void **state)
{
    (void)state;
    struct request req = {.method = "GET", .path = "/v1/statements"};
    struct response res = {0};
    const char *values[NSPECS];
    add_query(&req, "actor", "alan-gagloev");
    add_query(&req, "colour", "red");
    assert_int_equal(params_read(&req, &res, specs, NSPECS, extra, values), -1);
    assert_int_equal(res.problem.code, PROBLEM_UNKNOWN_PARAMETER);
    assert_string_equal(res.problem.param, "colour");
    assert_non_null(strstr(res.problem.detail, "colour"));
}

static void params_read_rejects_extra_names_when_no_extra_list(void **state)
{
    (void)state;
    struct request req = {.method = "GET", .path = "/v1/actors/x"};
    struct response res = {0};
    const char *values[1];
    add_query(&req, "limit", "10");
    assert_int_equal(params_read(&req, &res, specs, 1, NULL, values), -1);
    assert_int_equal(res.problem.code, PROBLEM_UNKNOWN_PARAMETER);
    assert_string_equal(res.problem.param, "limit");
}

static void params_read_does_not_name_unknown_parameter_with_bad_or_long_name(void **state)
{
    (void)state;
    const char *values[NSPECS];
    {
        struct request req = {.method = "GET", .path = "/v1/statements"};
        struct response res = {0};
        add_query(&req, "bad\xff", "1");
        assert_int_equal(params_read(&req, &res, specs, NSPECS, extra, values), -1);
        assert_int_equal(res.problem.code, PROBLEM_UNKNOWN_PARAMETER);
        assert_string_equal(res.problem.param, "");
        assert_null(strchr(res.problem.detail, '\xff'));
    }
    {
        char longname[80];
        memset(longname, 'n', sizeof longname - 1);
        longname[sizeof longname - 1] = '\0';
        struct request req = {.method = "GET", .path = "/v1/statements"};
        struct response res = {0};
        add_query(&req, longname, "1");
        assert_int_equal(params_read(&req, &res, specs, NSPECS, extra, values), -1);
        assert_int_equal(res.problem.code, PROBLEM_UNKNOWN_PARAMETER);
        assert_string_equal(res.problem.param, "");
    }
}

static void params_read_rejects_repeated_parameter(void **state)
{
    (void)state;
    struct request req = {.method = "GET", .path = "/v1/statements"};
    struct response res = {0};
    const char *values[NSPECS];
    add_query(&req, "actor", "alan-gagloev");
    add_query(&req, "since", "2008-08-08");
    add_query(&req, "actor", "eduard-kokoity");
    assert_int_equal(params_read(&req, &res, specs, NSPECS, extra, values), -1);
    assert_int_equal(res.problem.code, PROBLEM_BAD_PARAMETER);
    assert_string_equal(res.problem.param, "actor");
    assert_non_null(strstr(res.problem.detail, "more than once"));
}

static void params_read_rejects_repeated_extra_parameter(void **state)
{
    (void)state;
    struct request req = {.method = "GET", .path = "/v1/statements"};
    struct response res = {0};
    const char *values[NSPECS];
    add_query(&req, "limit", "10");
    add_query(&req, "limit", "20");
    assert_int_equal(params_read(&req, &res, specs, NSPECS, extra, values), -1);
    assert_int_equal(res.problem.code, PROBLEM_BAD_PARAMETER);
    assert_string_equal(res.problem.param, "limit");
}

static void params_read_rejects_malformed_value_naming_it(void **state)
{
    (void)state;
    struct request req = {.method = "GET", .path = "/v1/statements"};
    struct response res = {0};
    const char *values[NSPECS];
    add_query(&req, "actor", "alan-gagloev");
    add_query(&req, "since", "2023-02-29");
    assert_int_equal(params_read(&req, &res, specs, NSPECS, extra, values), -1);
    assert_int_equal(res.problem.code, PROBLEM_BAD_PARAMETER);
    assert_string_equal(res.problem.param, "since");
}

static void params_read_rejects_empty_value(void **state)
{
    (void)state;
    struct request req = {.method = "GET", .path = "/v1/statements"};
    struct response res = {0};
    const char *values[NSPECS];
    add_query(&req, "q", ""); /* "?q" without '=' */
    assert_int_equal(params_read(&req, &res, specs, NSPECS, extra, values), -1);
    assert_int_equal(res.problem.code, PROBLEM_BAD_PARAMETER);
    assert_string_equal(res.problem.param, "q");
}

/* ---- cursor ---- */

static void cursor_round_trips_one_key(void **state)
{
    (void)state;
    const char *in[] = {"alan-gagloev"};
    const enum param_type types[] = {PARAM_SLUG};
    char cursor[CURSOR_MAX_LEN + 1], storage[CURSOR_MAX_LEN + 1];
    const char *out[1] = {NULL};
    assert_int_equal(cursor_encode(in, 1, cursor), 0);
    assert_int_equal(
        strspn(cursor, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        strlen(cursor));
    assert_int_equal(cursor_decode(cursor, types, 1, storage, out), 0);
    assert_string_equal(out[0], "alan-gagloev");
}

static void cursor_round_trips_two_keys(void **state)
{
    (void)state;
    const char *in[] = {"2008-08-26", "9223372036854775807"};
    const enum param_type types[] = {PARAM_DATE, PARAM_ID};
    char cursor[CURSOR_MAX_LEN + 1], storage[CURSOR_MAX_LEN + 1];
    const char *out[2] = {NULL, NULL};
    assert_int_equal(cursor_encode(in, 2, cursor), 0);
    assert_int_equal(cursor_decode(cursor, types, 2, storage, out), 0);
    assert_string_equal(out[0], "2008-08-26");
    assert_string_equal(out[1], "9223372036854775807");
}

static void cursor_round_trips_every_length_and_text_key(void **state)
{
    (void)state;
    /* every remainder mod 3 of the raw length, and UTF-8 text */
    const char *texts[] = {"a", "ab", "abc", "abcd", "Цхинвал", "a b/c+d=e?"};
    const enum param_type types[] = {PARAM_TEXT, PARAM_ID};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        const char *in[] = {texts[i], "17"};
        char cursor[CURSOR_MAX_LEN + 1], storage[CURSOR_MAX_LEN + 1];
        const char *out[2];
        assert_int_equal(cursor_encode(in, 2, cursor), 0);
        assert_null(strchr(cursor, '='));
        assert_int_equal(cursor_decode(cursor, types, 2, storage, out), 0);
        assert_string_equal(out[0], texts[i]);
        assert_string_equal(out[1], "17");
    }
}

static void cursor_round_trips_at_the_maximum_length(void **state)
{
    (void)state;
    /* raw is "v1" + 4 x ("\t" + key); find the largest keys that encode */
    char k[4][201];
    const char *in[4] = {k[0], k[1], k[2], k[3]};
    const enum param_type types[4] = {PARAM_TEXT, PARAM_TEXT, PARAM_TEXT, PARAM_TEXT};
    char cursor[CURSOR_MAX_LEN + 1], storage[CURSOR_MAX_LEN + 1];
    size_t longest = 0;
    for (size_t n = 1; n <= 200; n++) {
        for (int i = 0; i < 4; i++) {
            memset(k[i], 'a' + i, n);
            k[i][n] = '\0';
        }
        if (cursor_encode(in, 4, cursor) != 0)
            break;
        assert_true(strlen(cursor) <= CURSOR_MAX_LEN);
        longest = n;
    }
    assert_true(longest >= 50);
    for (int i = 0; i < 4; i++) {
        memset(k[i], 'a' + i, longest);
        k[i][longest] = '\0';
    }
    const char *out[4];
    assert_int_equal(cursor_encode(in, 4, cursor), 0);
    assert_int_equal(cursor_decode(cursor, types, 4, storage, out), 0);
    for (int i = 0; i < 4; i++)
        assert_string_equal(out[i], k[i]);
}

static void cursor_encode_rejects_keys_that_do_not_fit(void **state)
{
    (void)state;
    char big[400];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    const char *in[] = {big};
    char cursor[CURSOR_MAX_LEN + 1];
    assert_int_equal(cursor_encode(in, 1, cursor), -1);
    const char *five[] = {"a", "b", "c", "d", "e"};
    assert_int_equal(cursor_encode(five, 5, cursor), -1);
}

static void cursor_encode_rejects_keys_with_a_tab(void **state)
{
    (void)state;
    const char *in[] = {"2008-08-08", "a\tb"};
    char cursor[CURSOR_MAX_LEN + 1];
    assert_int_equal(cursor_encode(in, 2, cursor), -1);
    const char *first[] = {"\t"};
    assert_int_equal(cursor_encode(first, 1, cursor), -1);
}

static void cursor_decode_rejects_garbage(void **state)
{
    (void)state;
    const enum param_type types[] = {PARAM_SLUG};
    char storage[CURSOR_MAX_LEN + 1];
    const char *out[1];
    assert_int_equal(cursor_decode("", types, 1, storage, out), -1);
    assert_int_equal(cursor_decode("A", types, 1, storage, out), -1); /* length % 4 == 1 */
    assert_int_equal(cursor_decode("AAAAA", types, 1, storage, out), -1);
    assert_int_equal(cursor_decode("AAAA", types, 1, storage, out), -1); /* NUL bytes */
    assert_int_equal(cursor_decode("hello", types, 1, storage, out), -1);
    assert_int_equal(cursor_decode("aGVsbG8gd29ybGQ", types, 1, storage, out),
                     -1);                                               /* "hello world" */
    assert_int_equal(cursor_decode("djE", types, 1, storage, out), -1); /* "v1" without tab */
}

static void cursor_decode_rejects_wrong_key_count(void **state)
{
    (void)state;
    char cursor[CURSOR_MAX_LEN + 1], storage[CURSOR_MAX_LEN + 1];
    const char *out[3];
    const enum param_type ids[] = {PARAM_ID, PARAM_ID, PARAM_ID};

    const char *two[] = {"1", "2"};
    assert_int_equal(cursor_encode(two, 2, cursor), 0);
    assert_int_equal(cursor_decode(cursor, ids, 1, storage, out), -1);
    assert_int_equal(cursor_decode(cursor, ids, 3, storage, out), -1);
    assert_int_equal(cursor_decode(cursor, ids, 2, storage, out), 0);

    const char *one[] = {"1"};
    assert_int_equal(cursor_encode(one, 1, cursor), 0);
    assert_int_equal(cursor_decode(cursor, ids, 2, storage, out), -1);
    assert_int_equal(cursor_decode(cursor, ids, CURSOR_MAX_KEYS + 1, storage, out), -1);
}

static void cursor_decode_rejects_keys_of_the_wrong_type(void **state)
{
    (void)state;
    char cursor[CURSOR_MAX_LEN + 1], storage[CURSOR_MAX_LEN + 1];
    const char *out[2];
    const enum param_type date_id[] = {PARAM_DATE, PARAM_ID};

    const char *notdate[] = {"alan-gagloev", "5"};
    assert_int_equal(cursor_encode(notdate, 2, cursor), 0);
    assert_int_equal(cursor_decode(cursor, date_id, 2, storage, out), -1);

    const char *baddate[] = {"2023-02-29", "5"};
    assert_int_equal(cursor_encode(baddate, 2, cursor), 0);
    assert_int_equal(cursor_decode(cursor, date_id, 2, storage, out), -1);

    const char *badid[] = {"2023-02-28", "0"};
    assert_int_equal(cursor_encode(badid, 2, cursor), 0);
    assert_int_equal(cursor_decode(cursor, date_id, 2, storage, out), -1);

    const char *sqlish[] = {"2023-02-28", "5; drop table x"};
    assert_int_equal(cursor_encode(sqlish, 2, cursor), 0);
    assert_int_equal(cursor_decode(cursor, date_id, 2, storage, out), -1);

    const char *empty[] = {"", "5"};
    assert_int_equal(cursor_encode(empty, 2, cursor), 0);
    assert_int_equal(cursor_decode(cursor, date_id, 2, storage, out), -1);
}

static void cursor_decode_rejects_other_versions(void **state)
{
    (void)state;
    const enum param_type types[] = {PARAM_ID};
    char cursor[CURSOR_MAX_LEN + 1], storage[CURSOR_MAX_LEN + 1];
    const char *out[1];
    b64url("v1\t5", 4, cursor);
    assert_int_equal(cursor_decode(cursor, types, 1, storage, out), 0); /* control */
    assert_string_equal(out[0], "5");
    b64url("v2\t5", 4, cursor);
    assert_int_equal(cursor_decode(cursor, types, 1, storage, out), -1);
    b64url("V1\t5", 4, cursor);
    assert_int_equal(cursor_decode(cursor, types, 1, storage, out), -1);
    b64url("v10\t5", 5, cursor);
    assert_int_equal(cursor_decode(cursor, types, 1, storage, out), -1);
    b64url("\tv1\t5", 5, cursor);
    assert_int_equal(cursor_decode(cursor, types, 1, storage, out), -1);
}

static void cursor_decode_rejects_embedded_nul(void **state)
{
    (void)state;
    const enum param_type types[] = {PARAM_TEXT};
    char cursor[CURSOR_MAX_LEN + 1], storage[CURSOR_MAX_LEN + 1];
    const char *out[1];
    b64url("v1\tab\0cd", 8, cursor);
    assert_int_equal(cursor_decode(cursor, types, 1, storage, out), -1);
}

static void cursor_decode_rejects_overlong_input(void **state)
{
    (void)state;
    const enum param_type types[] = {PARAM_TEXT};
    char storage[CURSOR_MAX_LEN + 1];
    const char *out[1];
    /* a well-formed cursor whose encoding is longer than CURSOR_MAX_LEN */
    char raw[320];
    memcpy(raw, "v1\t", 3);
    memset(raw + 3, 'x', sizeof raw - 3);
    char cursor[440];
    b64url(raw, sizeof raw, cursor);
    assert_true(strlen(cursor) > CURSOR_MAX_LEN);
    assert_int_equal(cursor_decode(cursor, types, 1, storage, out), -1);

    char huge[5000];
    memset(huge, 'Q', sizeof huge - 1);
    huge[sizeof huge - 1] = '\0';
    assert_int_equal(cursor_decode(huge, types, 1, storage, out), -1);
}

static void cursor_decode_rejects_padding(void **state)
{
    (void)state;
    const enum param_type types[] = {PARAM_SLUG};
    char cursor[CURSOR_MAX_LEN + 4], storage[CURSOR_MAX_LEN + 1];
    const char *out[1];
    const char *in[] = {"ab"}; /* raw "v1\tab" = 5 bytes: 7 characters, 1 '=' in padded form */
    assert_int_equal(cursor_encode(in, 1, cursor), 0);
    assert_int_equal(strlen(cursor), 7);
    assert_int_equal(cursor_decode(cursor, types, 1, storage, out), 0);
    strcat(cursor, "=");
    assert_int_equal(cursor_decode(cursor, types, 1, storage, out), -1);

    const char *in2[] = {"a"}; /* 4 bytes: 6 characters, "==" when padded */
    assert_int_equal(cursor_encode(in2, 1, cursor), 0);
    assert_int_equal(strlen(cursor), 6);
    strcat(cursor, "==");
    assert_int_equal(cursor_decode(cursor, types, 1, storage, out), -1);
}

static void cursor_decode_rejects_characters_outside_base64url(void **state)
{
    (void)state;
    const enum param_type types[] = {PARAM_TEXT};
    char storage[CURSOR_MAX_LEN + 1];
    const char *out[1];
    char cursor[CURSOR_MAX_LEN + 1];
    /* raw chosen so standard base64 would need '+' and '/' */
    const char raw[] = "v1\t\xfb\xef\xbe\xff\xff";
    b64url(raw, sizeof raw - 1, cursor);
    assert_non_null(strpbrk(cursor, "-_"));
    const char *bad = "+/ .%*!\n";
    for (const char *c = bad; *c; c++) {
        char copy[CURSOR_MAX_LEN + 1];
        strcpy(copy, cursor);
        char *p = strpbrk(copy, "-_");
        *p = *c;
        assert_int_equal(cursor_decode(copy, types, 1, storage, out), -1);
    }
    const char *in[] = {"abc"};
    assert_int_equal(cursor_encode(in, 1, cursor), 0);
    cursor[2] = '\xc3'; /* non-ASCII byte */
    assert_int_equal(cursor_decode(cursor, types, 1, storage, out), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(slug_param_accepts_slugs_only),
        cmocka_unit_test(date_param_checks_calendar_and_leap_years),
        cmocka_unit_test(id_param_accepts_positive_64_bit_integers),
        cmocka_unit_test(id_param_rejects_zero_negative_leading_zero_and_overflow),
        cmocka_unit_test(text_param_takes_1_to_200_bytes_of_utf8),
        cmocka_unit_test(text_param_counts_bytes_not_characters),
        cmocka_unit_test(enum_param_accepts_exact_choices_only),
        cmocka_unit_test(enum_param_without_choices_rejects_everything),
        cmocka_unit_test(enum_param_problem_lists_the_choices),
        cmocka_unit_test(enum_param_problem_with_many_choices_stays_bounded),
        cmocka_unit_test(lang_param_accepts_language_tags),
        cmocka_unit_test(lang_param_rejects_malformed_tags),
        cmocka_unit_test(number_param_takes_what_a_postgresql_real_holds),
        cmocka_unit_test(bad_parameter_detail_names_parameter_and_expectation),
        cmocka_unit_test(params_read_fills_values_in_spec_order),
        cmocka_unit_test(params_read_with_no_query_sets_all_values_null),
        cmocka_unit_test(params_read_lets_extra_names_through),
        cmocka_unit_test(params_read_rejects_unknown_parameter_naming_it),
        cmocka_unit_test(params_read_rejects_extra_names_when_no_extra_list),
        cmocka_unit_test(params_read_does_not_name_unknown_parameter_with_bad_or_long_name),
        cmocka_unit_test(params_read_rejects_repeated_parameter),
        cmocka_unit_test(params_read_rejects_repeated_extra_parameter),
        cmocka_unit_test(params_read_rejects_malformed_value_naming_it),
        cmocka_unit_test(params_read_rejects_empty_value),
        cmocka_unit_test(cursor_round_trips_one_key),
        cmocka_unit_test(cursor_round_trips_two_keys),
        cmocka_unit_test(cursor_round_trips_every_length_and_text_key),
        cmocka_unit_test(cursor_round_trips_at_the_maximum_length),
        cmocka_unit_test(cursor_encode_rejects_keys_that_do_not_fit),
        cmocka_unit_test(cursor_encode_rejects_keys_with_a_tab),
        cmocka_unit_test(cursor_decode_rejects_garbage),
        cmocka_unit_test(cursor_decode_rejects_wrong_key_count),
        cmocka_unit_test(cursor_decode_rejects_keys_of_the_wrong_type),
        cmocka_unit_test(cursor_decode_rejects_other_versions),
        cmocka_unit_test(cursor_decode_rejects_embedded_nul),
        cmocka_unit_test(cursor_decode_rejects_overlong_input),
        cmocka_unit_test(cursor_decode_rejects_padding),
        cmocka_unit_test(cursor_decode_rejects_characters_outside_base64url),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
