/* Unit tests for server/validate.c: body parsing and the field-table checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Server headers before cmocka.h: cmocka defines a fail() macro. */
#include "api.h"
#include "validate.h"
#include "write.h"

#include <cmocka.h>

static const char *const colours[] = {"red", "green", NULL};

static const struct field_spec item_fields[] = {
    {.name = "n", .type = FIELD_ID, .required = true},
};
static const struct object_spec item_body = {item_fields, 1, NULL};

static const struct field_spec fields[] = {
    {.name = "slug", .type = FIELD_SLUG, .required = true},
    {.name = "name", .type = FIELD_STRING, .required = true, .max_len = 10},
    {.name = "colour", .type = FIELD_ENUM, .choices = colours},
    {.name = "on", .type = FIELD_PARTIAL_DATE},
    {.name = "url", .type = FIELD_URL},
    {.name = "flag", .type = FIELD_BOOL},
    {.name = "lang", .type = FIELD_LANG},
    {.name = "country", .type = FIELD_COUNTRY},
    {.name = "tags", .type = FIELD_STRING_ARRAY, .max_len = 2},
    {.name = "items", .type = FIELD_OBJECT_ARRAY, .items = &item_body, .min_items = 1},
};
static const struct object_spec body = {fields, 10, NULL};

/* Validates JSON text; returns the number of field errors (0 = valid). */
static size_t check(const char *text, bool patch, struct response *res)
{
    response_reset(res); /* frees what the previous check left */
    json_error_t error;
    json_t *doc = json_loads(text, 0, &error);
    if (!doc)
        fail_msg("test JSON does not parse: %s", error.text);
    int rc = body_validate(doc, &body, patch, res);
    json_decref(doc);
    assert_int_equal(rc, res->problem.nerrors ? -1 : 0);
    if (rc)
        assert_int_equal(res->problem.code, PROBLEM_INVALID_BODY);
    return res->problem.nerrors;
}

static bool has_error(const struct response *res, const char *pointer)
{
    for (size_t i = 0; i < res->problem.nerrors; i++)
        if (strcmp(res->problem.errors[i].pointer, pointer) == 0)
            return true;
    return false;
}

static void a_complete_body_is_valid(void **state)
{
    (void)state;
    struct response res = {0};
    assert_int_equal(check("{\"slug\":\"a-b\",\"name\":\"A\",\"colour\":\"red\",\"on\":\"2024-08\","
                           "\"url\":\"https://x.org/a\",\"flag\":true,\"lang\":\"pt-BR\","
                           "\"country\":\"GE\",\"tags\":[\"x\"],\"items\":[{\"n\":1}]}",
                           false, &res),
                     0);
    response_reset(&res);
}

static void missing_required_fields_are_each_named(void **state)
{
    (void)state;
    struct response res = {0};
    assert_int_equal(check("{\"items\":[{\"n\":1}]}", false, &res), 2);
    assert_true(has_error(&res, "/slug"));
    assert_true(has_error(&res, "/name"));
    response_reset(&res);
}

static void a_merge_patch_may_omit_required_fields_but_not_null_them(void **state)
{
    (void)state;
    struct response res = {0};
    assert_int_equal(check("{\"colour\":null}", true, &res), 0);
    assert_int_equal(check("{\"name\":null}", true, &res), 1);
    assert_true(has_error(&res, "/name"));
    response_reset(&res);
}

static void unknown_fields_are_rejected_with_escaped_pointers(void **state)
{
    (void)state;
    struct response res = {0};
    assert_int_equal(check("{\"slug\":\"a\",\"name\":\"A\",\"items\":[{\"n\":1}],\"a/b~c\":1}",
                           false, &res),
                     1);
    assert_true(has_error(&res, "/a~1b~0c"));
    response_reset(&res);
}

static void every_type_rule_reports_its_field(void **state)
{
    (void)state;
    struct response res = {0};
    assert_int_equal(check("{\"slug\":\"Bad Slug\",\"name\":\"far too long name\","
                           "\"colour\":\"blue\",\"on\":\"2024-02-30\",\"url\":\"ftp://x\","
                           "\"flag\":\"yes\",\"lang\":\"english\",\"country\":\"ge\","
                           "\"tags\":[\"a\",\"b\",\"c\"],\"items\":[]}",
                           false, &res),
                     10);
    const char *pointers[] = {"/slug", "/name", "/colour", "/on", "/url",
                              "/flag", "/lang", "/country", "/tags", "/items"};
    for (size_t i = 0; i < 10; i++)
        assert_true(has_error(&res, pointers[i]));
    response_reset(&res);
}

static void nested_objects_are_checked_with_indexed_pointers(void **state)
{
    (void)state;
    struct response res = {0};
    assert_int_equal(check("{\"slug\":\"a\",\"name\":\"A\",\"items\":[{\"n\":1},{\"n\":0},{}]}",
                           false, &res),
                     2);
    assert_true(has_error(&res, "/items/1/n"));
    assert_true(has_error(&res, "/items/2/n"));
    response_reset(&res);
}

static void partial_dates_name_real_periods(void **state)
{
    (void)state;
    assert_true(is_partial_date("2024"));
    assert_true(is_partial_date("2024-08"));
    assert_true(is_partial_date("2024-02-29"));
    assert_false(is_partial_date("2023-02-29"));
    assert_false(is_partial_date("2024-13"));
    assert_false(is_partial_date("24-01-01"));
    assert_false(is_partial_date("2024/08"));
    assert_false(is_partial_date(""));
}

static void parse(struct request *req, struct response *res, const char *type, const char *text)
{
    memset(req, 0, sizeof *req);
    response_reset(res); /* frees what the previous parse left */
    req->content_type = type;
    req->body = text;
    req->body_len = text ? strlen(text) : 0;
}

static void body_parse_checks_type_syntax_and_shape(void **state)
{
    (void)state;
    struct request req;
    struct response res = {0};
    json_t *doc;

    parse(&req, &res, "text/plain", "{}");
    assert_null(body_parse(&req, &res, false));
    assert_int_equal(res.problem.code, PROBLEM_UNSUPPORTED_MEDIA_TYPE);
    response_reset(&res);

    parse(&req, &res, "application/merge-patch+json", "{}");
    assert_null(body_parse(&req, &res, false));
    assert_int_equal(res.problem.code, PROBLEM_UNSUPPORTED_MEDIA_TYPE);
    response_reset(&res);

    parse(&req, &res, "application/merge-patch+json", "{}");
    doc = body_parse(&req, &res, true);
    assert_non_null(doc);
    json_decref(doc);

    parse(&req, &res, "Application/JSON; charset=utf-8", "{\n \"a\": }");
    assert_null(body_parse(&req, &res, false));
    assert_int_equal(res.problem.code, PROBLEM_MALFORMED_JSON);
    assert_int_equal(res.problem.line, 2);
    assert_int_equal(res.problem.column, 7);

    parse(&req, &res, "application/json", "{\"a\":1,\"a\":2}");
    assert_null(body_parse(&req, &res, false));
    assert_int_equal(res.problem.code, PROBLEM_MALFORMED_JSON);

    parse(&req, &res, "application/json", "[1]");
    assert_null(body_parse(&req, &res, false));
    assert_int_equal(res.problem.code, PROBLEM_INVALID_BODY);

    parse(&req, &res, "application/json", "{\"a\":\"\xff\"}");
    assert_null(body_parse(&req, &res, false));
    assert_int_equal(res.problem.code, PROBLEM_INVALID_BODY);

    parse(&req, &res, "application/json", NULL);
    assert_null(body_parse(&req, &res, false));
    assert_int_equal(res.problem.code, PROBLEM_INVALID_BODY);
    response_reset(&res);
}

static void every_writable_resource_has_a_body_table(void **state)
{
    (void)state;
    const struct resource_desc *all[] = {&actors_resource,     &roles_resource,
                                         &outlets_resource,    &sources_resource,
                                         &statements_resource, &topics_resource,
                                         &stances_resource,    &recognitions_resource};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        assert_non_null(all[i]->fields);
        assert_true(all[i]->fields->nfields > 0);
        assert_true(all[i]->npath == 1 || all[i]->npath == 2);
        /* An empty object is never a valid create: each has required fields. */
        struct response res = {0};
        json_t *empty = json_object();
        assert_int_equal(body_validate(empty, all[i]->fields, false, &res), -1);
        assert_int_equal(body_validate(empty, all[i]->fields, true, &res), 0);
        json_decref(empty);
        response_reset(&res);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_complete_body_is_valid),
        cmocka_unit_test(missing_required_fields_are_each_named),
        cmocka_unit_test(a_merge_patch_may_omit_required_fields_but_not_null_them),
        cmocka_unit_test(unknown_fields_are_rejected_with_escaped_pointers),
        cmocka_unit_test(every_type_rule_reports_its_field),
        cmocka_unit_test(nested_objects_are_checked_with_indexed_pointers),
        cmocka_unit_test(partial_dates_name_real_periods),
        cmocka_unit_test(body_parse_checks_type_syntax_and_shape),
        cmocka_unit_test(every_writable_resource_has_a_body_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
