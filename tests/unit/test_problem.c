/* Unit tests for server/problem.c: fail(), problem_render() and the response helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* Server headers before cmocka.h: cmocka defines a fail() macro. */
#include "api.h"
#include "util.h"

#include <cmocka.h>

/* The server's fail(), not cmocka's fail() macro. */
#define FAIL (fail)

/* Parses res->body, checking the framing every problem response shares. */
static json_t *parse_problem(const struct response *res)
{
    assert_non_null(res->body);
    assert_string_equal(res->content_type, "application/problem+json");
    assert_int_equal(res->len, strlen(res->body));
    assert_true(res->release != NULL);
    json_error_t error;
    json_t *doc = json_loadb(res->body, res->len, 0, &error);
    if (!doc)
        fail_msg("problem body is not JSON (%s): %s", error.text, res->body);
    assert_true(json_is_object(doc));
    assert_int_equal(json_integer_value(json_object_get(doc, "status")), res->status);
    return doc;
}

static const char *str(json_t *doc, const char *key)
{
    json_t *v = json_object_get(doc, key);
    if (!json_is_string(v))
        fail_msg("\"%s\" is not a string in the problem", key);
    return json_string_value(v);
}

static void fail_records_problem_and_returns_minus_one(void **state)
{
    (void)state;
    struct response res = {0};
    assert_int_equal(FAIL(&res, PROBLEM_BAD_PARAMETER, "since", "since must be %s", "a date"), -1);
    assert_int_equal(res.problem.code, PROBLEM_BAD_PARAMETER);
    assert_string_equal(res.problem.param, "since");
    assert_string_equal(res.problem.detail, "since must be a date");

    assert_int_equal(FAIL(&res, PROBLEM_NOT_FOUND, NULL, "no actor %d", 5), -1);
    assert_int_equal(res.problem.code, PROBLEM_NOT_FOUND);
    assert_string_equal(res.problem.param, "");
    assert_string_equal(res.problem.detail, "no actor 5");
}

static void fail_truncates_long_detail_and_param(void **state)
{
    (void)state;
    char longtext[1000];
    memset(longtext, 'x', sizeof longtext - 1);
    longtext[sizeof longtext - 1] = '\0';
    struct response res = {0};
    FAIL(&res, PROBLEM_BAD_PARAMETER, longtext, "%s", longtext);
    assert_int_equal(strlen(res.problem.detail), sizeof res.problem.detail - 1);
    assert_int_equal(strlen(res.problem.param), sizeof res.problem.param - 1);
    problem_render(&res, "/v1/x", "rid");
    json_t *doc = parse_problem(&res);
    assert_int_equal(strlen(str(doc, "detail")), sizeof res.problem.detail - 1);
    json_decref(doc);
    response_reset(&res);
}

static void problem_status_maps_every_code(void **state)
{
    (void)state;
    assert_int_equal(problem_status(PROBLEM_BAD_PARAMETER), 400);
    assert_int_equal(problem_status(PROBLEM_UNKNOWN_PARAMETER), 400);
    assert_int_equal(problem_status(PROBLEM_BAD_CURSOR), 400);
    assert_int_equal(problem_status(PROBLEM_NOT_FOUND), 404);
    assert_int_equal(problem_status(PROBLEM_METHOD_NOT_ALLOWED), 405);
    assert_int_equal(problem_status(PROBLEM_BODY_TOO_LARGE), 413);
    assert_int_equal(problem_status(PROBLEM_URI_TOO_LONG), 414);
    assert_int_equal(problem_status(PROBLEM_UNAVAILABLE), 503);
    assert_int_equal(problem_status(PROBLEM_INTERNAL), 500);
    assert_int_equal(problem_status(PROBLEM_NONE), 500);
    assert_int_equal(problem_status(PROBLEM_COUNT), 500);
    assert_int_equal(problem_status((enum problem_code) - 1), 500);
}

static void render_produces_problem_json_with_parameter(void **state)
{
    (void)state;
    struct response res = {0};
    FAIL(&res, PROBLEM_BAD_PARAMETER, "since", "since must be a date written YYYY-MM-DD");
    problem_render(&res, "/v1/statements", "req-123");
    assert_int_equal(res.status, 400);
    json_t *doc = parse_problem(&res);
    assert_string_equal(str(doc, "type"), "/problems/bad-parameter");
    assert_string_equal(str(doc, "title"), "A parameter has a malformed value");
    assert_int_equal(json_integer_value(json_object_get(doc, "status")), 400);
    assert_string_equal(str(doc, "code"), "bad-parameter");
    assert_string_equal(str(doc, "detail"), "since must be a date written YYYY-MM-DD");
    assert_string_equal(str(doc, "parameter"), "since");
    assert_string_equal(str(doc, "instance"), "/v1/statements");
    assert_string_equal(str(doc, "request_id"), "req-123");

    json_t *list = json_object_get(doc, "invalid_params");
    assert_true(json_is_array(list));
    assert_int_equal(json_array_size(list), 1);
    json_t *item = json_array_get(list, 0);
    assert_string_equal(str(item, "name"), "since");
    assert_string_equal(str(item, "reason"), "since must be a date written YYYY-MM-DD");
    json_decref(doc);
    response_reset(&res);
}

static void render_without_parameter_omits_parameter_fields(void **state)
{
    (void)state;
    struct response res = {0};
    FAIL(&res, PROBLEM_NOT_FOUND, NULL, "no actor with slug %s", "nobody");
    problem_render(&res, NULL, NULL);
    assert_int_equal(res.status, 404);
    json_t *doc = parse_problem(&res);
    assert_string_equal(str(doc, "type"), "/problems/not-found");
    assert_string_equal(str(doc, "code"), "not-found");
    assert_string_equal(str(doc, "detail"), "no actor with slug nobody");
    assert_null(json_object_get(doc, "parameter"));
    assert_null(json_object_get(doc, "invalid_params"));
    assert_null(json_object_get(doc, "instance"));
    assert_null(json_object_get(doc, "request_id"));
    json_decref(doc);
    response_reset(&res);
}

static void render_gives_each_code_its_status_and_slug(void **state)
{
    (void)state;
    static const struct {
        enum problem_code code;
        int status;
        const char *slug;
    } cases[] = {
        {PROBLEM_BAD_PARAMETER, 400, "bad-parameter"},
        {PROBLEM_UNKNOWN_PARAMETER, 400, "unknown-parameter"},
        {PROBLEM_BAD_CURSOR, 400, "bad-cursor"},
        {PROBLEM_NOT_FOUND, 404, "not-found"},
        {PROBLEM_METHOD_NOT_ALLOWED, 405, "method-not-allowed"},
        {PROBLEM_BODY_TOO_LARGE, 413, "body-too-large"},
        {PROBLEM_URI_TOO_LONG, 414, "uri-too-long"},
        {PROBLEM_HEADERS_TOO_LARGE, 431, "headers-too-large"},
        {PROBLEM_UNAVAILABLE, 503, "unavailable"},
        {PROBLEM_INTERNAL, 500, "internal"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct response res = {0};
        FAIL(&res, cases[i].code, NULL, "d");
        problem_render(&res, "/x", "r");
        assert_int_equal(res.status, cases[i].status);
        json_t *doc = parse_problem(&res);
        assert_string_equal(str(doc, "code"), cases[i].slug);
        char type[64];
        snprintf(type, sizeof type, "/problems/%s", cases[i].slug);
        assert_string_equal(str(doc, "type"), type);
        assert_true(strlen(str(doc, "title")) > 0);
        json_decref(doc);
        response_reset(&res);
    }
}

static void render_of_unset_or_bogus_code_is_internal_error(void **state)
{
    (void)state;
    enum problem_code codes[] = {PROBLEM_NONE, PROBLEM_COUNT, (enum problem_code)1000};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        struct response res = {0};
        res.problem.code = codes[i];
        problem_render(&res, NULL, NULL);
        assert_int_equal(res.status, 500);
        json_t *doc = parse_problem(&res);
        assert_string_equal(str(doc, "code"), "internal");
        json_decref(doc);
        response_reset(&res);
    }
}

static void render_with_invalid_utf8_detail_falls_back_to_title(void **state)
{
    (void)state;
    struct response res = {0};
    FAIL(&res, PROBLEM_UNKNOWN_PARAMETER, NULL, "this route does not take %s", "bad\xff\xfe");
    problem_render(&res, "/v1/actors", "rid");
    assert_int_equal(res.status, 400);
    json_t *doc = parse_problem(&res);
    assert_string_equal(str(doc, "detail"), "Unknown query parameter");
    assert_string_equal(str(doc, "code"), "unknown-parameter");
    json_decref(doc);
    response_reset(&res);
}

static void render_with_invalid_utf8_param_omits_it(void **state)
{
    (void)state;
    struct response res = {0};
    FAIL(&res, PROBLEM_BAD_PARAMETER, "x\xc0\xaf", "x is given more than once");
    problem_render(&res, NULL, NULL);
    json_t *doc = parse_problem(&res);
    assert_string_equal(str(doc, "detail"), "x is given more than once");
    assert_null(json_object_get(doc, "parameter"));
    assert_null(json_object_get(doc, "invalid_params"));
    json_decref(doc);
    response_reset(&res);
}

static void render_percent_escapes_a_non_utf8_instance_and_omits_such_a_request_id(void **state)
{
    (void)state;
    struct response res = {0};
    FAIL(&res, PROBLEM_NOT_FOUND, NULL, "no such path");
    problem_render(&res, "/v1/\xff", "id-\xfe");
    json_t *doc = parse_problem(&res);
    assert_string_equal(str(doc, "instance"), "/v1/%FF");
    assert_null(json_object_get(doc, "request_id"));
    assert_string_equal(str(doc, "detail"), "no such path");
    json_decref(doc);
    response_reset(&res);
}

static void render_escapes_quotes_and_control_characters(void **state)
{
    (void)state;
    struct response res = {0};
    FAIL(&res, PROBLEM_BAD_PARAMETER, "q", "value \"%s\" rejected", "a\"b\\c\n\t</script>");
    problem_render(&res, "/v1/x?\"", NULL);
    json_t *doc = parse_problem(&res);
    assert_string_equal(str(doc, "detail"), "value \"a\"b\\c\n\t</script>\" rejected");
    assert_string_equal(str(doc, "instance"), "/v1/x?\"");
    json_decref(doc);
    response_reset(&res);
}

static void render_keeps_utf8_detail(void **state)
{
    (void)state;
    struct response res = {0};
    FAIL(&res, PROBLEM_NOT_FOUND, NULL, "нет актёра %s", "Цхинвал");
    problem_render(&res, NULL, NULL);
    json_t *doc = parse_problem(&res);
    assert_string_equal(str(doc, "detail"), "нет актёра Цхинвал");
    json_decref(doc);
    response_reset(&res);
}

static int release_calls;
static void count_release(void *cls)
{
    release_calls++;
    free(cls);
}

static void render_releases_a_previous_body(void **state)
{
    (void)state;
    release_calls = 0;
    struct response res = {0};
    char *body = xstrdup("{\"data\":[]}");
    response_json_owned(&res, 200, body, strlen(body));
    res.release = count_release; /* observe the release; still frees */
    FAIL(&res, PROBLEM_INTERNAL, NULL, "boom");
    problem_render(&res, NULL, NULL);
    assert_int_equal(release_calls, 1);
    assert_int_equal(res.status, 500);
    json_t *doc = parse_problem(&res);
    json_decref(doc);
    /* rendering twice releases the first problem body */
    problem_render(&res, NULL, NULL);
    doc = parse_problem(&res);
    json_decref(doc);
    response_reset(&res);
    assert_int_equal(release_calls, 1);
}

static void response_reset_frees_body_and_headers_and_zeroes(void **state)
{
    (void)state;
    struct response res = {0};
    release_calls = 0;
    response_json_owned(&res, 201, xstrdup("{}"), 2);
    res.release = count_release;
    res.release_cls = (void *)res.body;
    response_add_header(&res, "Link", "<x>; rel=\"next\"");
    response_add_header(&res, "Allow", "GET, HEAD");
    FAIL(&res, PROBLEM_NOT_FOUND, "p", "d");
    response_reset(&res);
    assert_int_equal(release_calls, 1);
    assert_int_equal(res.nheaders, 0);
    assert_null(res.body);
    assert_null(res.release);
    assert_int_equal(res.status, 0);
    assert_int_equal(res.problem.code, PROBLEM_NONE);
    assert_string_equal(res.problem.param, "");

    /* reusable afterwards; a static body is not freed */
    response_json_static(&res, 200, "{\"ok\":true}");
    assert_int_equal(res.status, 200);
    assert_string_equal(res.content_type, "application/json");
    assert_int_equal(res.len, strlen("{\"ok\":true}"));
    assert_null(res.release);
    response_reset(&res);
    response_reset(&res); /* twice is harmless */
}

static void response_add_header_copies_and_stops_at_max(void **state)
{
    (void)state;
    struct response res = {0};
    char value[16];
    for (int i = 0; i < MAX_HEADERS + 3; i++) {
        snprintf(value, sizeof value, "v%d", i);
        response_add_header(&res, "X-Test", value);
    }
    strcpy(value, "changed");
    assert_int_equal(res.nheaders, MAX_HEADERS);
    for (int i = 0; i < MAX_HEADERS; i++) {
        char expect[16];
        snprintf(expect, sizeof expect, "v%d", i);
        assert_string_equal(res.headers[i].name, "X-Test");
        assert_string_equal(res.headers[i].value, expect);
    }
    response_reset(&res);
}

static void response_json_owned_sets_fields(void **state)
{
    (void)state;
    struct response res = {0};
    char *body = xstrdup("[1,2]");
    response_json_owned(&res, 200, body, 5);
    assert_int_equal(res.status, 200);
    assert_string_equal(res.content_type, "application/json");
    assert_ptr_equal(res.body, body);
    assert_int_equal(res.len, 5);
    assert_ptr_equal(res.release_cls, body);
    assert_true(res.release == free);
    response_reset(&res);
}

static void query_get_finds_first_value_or_null(void **state)
{
    (void)state;
    struct request req = {.method = "GET", .path = "/"};
    req.query[0] = (struct query_arg){"a", "1"};
    req.query[1] = (struct query_arg){"flag", ""};
    req.query[2] = (struct query_arg){"a", "2"};
    req.nquery = 3;
    assert_string_equal(query_get(&req, "a"), "1");
    assert_string_equal(query_get(&req, "flag"), "");
    assert_null(query_get(&req, "A"));
    assert_null(query_get(&req, "missing"));
    req.nquery = 0;
    assert_null(query_get(&req, "a"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fail_records_problem_and_returns_minus_one),
        cmocka_unit_test(fail_truncates_long_detail_and_param),
        cmocka_unit_test(problem_status_maps_every_code),
        cmocka_unit_test(render_produces_problem_json_with_parameter),
        cmocka_unit_test(render_without_parameter_omits_parameter_fields),
        cmocka_unit_test(render_gives_each_code_its_status_and_slug),
        cmocka_unit_test(render_of_unset_or_bogus_code_is_internal_error),
        cmocka_unit_test(render_with_invalid_utf8_detail_falls_back_to_title),
        cmocka_unit_test(render_with_invalid_utf8_param_omits_it),
        cmocka_unit_test(render_percent_escapes_a_non_utf8_instance_and_omits_such_a_request_id),
        cmocka_unit_test(render_escapes_quotes_and_control_characters),
        cmocka_unit_test(render_keeps_utf8_detail),
        cmocka_unit_test(render_releases_a_previous_body),
        cmocka_unit_test(response_reset_frees_body_and_headers_and_zeroes),
        cmocka_unit_test(response_add_header_copies_and_stops_at_max),
        cmocka_unit_test(response_json_owned_sets_fields),
        cmocka_unit_test(query_get_finds_first_value_or_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
