/* Unit tests for server/router.c (and the app_routes table in server/routes.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Server headers before cmocka.h: cmocka defines a fail() macro. */
#include "router.h"

#include <cmocka.h>

static int h_list(struct request *req, struct response *res)
{
    (void)req, (void)res;
    return 0;
}
static int h_get(struct request *req, struct response *res)
{
    (void)req, (void)res;
    return 0;
}
static int h_sub(struct request *req, struct response *res)
{
    (void)req, (void)res;
    return 0;
}
static int h_post(struct request *req, struct response *res)
{
    (void)req, (void)res;
    return 0;
}

static const struct route routes[] = {
    {"GET", "/", h_list, 0, NULL},
    {"GET", "/v1/actors", h_list, 0, NULL},
    {"GET", "/v1/actors/{slug}", h_get, 0, NULL},
    {"GET", "/v1/actors/{slug}/statements", h_sub, 0, NULL},
    {"GET", "/v1/a/{w}/{x}/{y}/{z}", h_sub, 0, NULL},
    {"GET", "/v1/b/{v}/{w}/{x}/{y}/{z}", h_sub, 0, NULL},
    {"POST", "/v1/notes", h_post, 0, NULL},
    {"GET", "/v1/notes", h_list, 0, NULL},
};
#define NROUTES (sizeof routes / sizeof routes[0])

/* Result of one router_match call, with the scratch copy kept alive. */
struct match {
    enum route_result rc;
    const struct route *route;
    const char *params[MAX_PATH_PARAMS];
    size_t nparams;
    char allow[64];
    char scratch[512];
};

static enum route_result run(struct match *m, const struct route *table, size_t n,
                             const char *method, const char *path)
{
    memset(m, 0, sizeof *m);
    assert_true(strlen(path) < sizeof m->scratch);
    strcpy(m->scratch, path);
    m->nparams = 99;
    m->rc = router_match(table, n, method, path, m->scratch, &m->route, m->params, &m->nparams,
                         m->allow, sizeof m->allow);
    return m->rc;
}

static void literal_path_matches_its_route(void **state)
{
    (void)state;
    struct match m;
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/actors"), ROUTE_FOUND);
    assert_ptr_equal(m.route, &routes[1]);
    assert_int_equal(m.nparams, 0);

    assert_int_equal(run(&m, routes, NROUTES, "GET", "/"), ROUTE_FOUND);
    assert_ptr_equal(m.route, &routes[0]);
    assert_int_equal(m.nparams, 0);
}

static void placeholder_captures_segment_into_scratch(void **state)
{
    (void)state;
    struct match m;
    const char *path = "/v1/actors/alan-gagloev/statements";
    assert_int_equal(run(&m, routes, NROUTES, "GET", path), ROUTE_FOUND);
    assert_ptr_equal(m.route, &routes[3]);
    assert_int_equal(m.nparams, 1);
    assert_string_equal(m.params[0], "alan-gagloev");
    /* the parameter points into the caller's scratch copy, not into the path */
    assert_true(m.params[0] >= m.scratch && m.params[0] < m.scratch + sizeof m.scratch);
    assert_ptr_equal(m.params[0], m.scratch + strlen("/v1/actors/"));
    /* the original path is untouched */
    assert_string_equal(path, "/v1/actors/alan-gagloev/statements");
}

static void placeholder_as_last_segment_is_captured(void **state)
{
    (void)state;
    struct match m;
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/actors/x"), ROUTE_FOUND);
    assert_ptr_equal(m.route, &routes[2]);
    assert_int_equal(m.nparams, 1);
    assert_string_equal(m.params[0], "x");
}

static void several_placeholders_are_captured_in_order(void **state)
{
    (void)state;
    struct match m;
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/a/one/two/three/four"), ROUTE_FOUND);
    assert_ptr_equal(m.route, &routes[4]);
    assert_int_equal(m.nparams, MAX_PATH_PARAMS);
    assert_string_equal(m.params[0], "one");
    assert_string_equal(m.params[1], "two");
    assert_string_equal(m.params[2], "three");
    assert_string_equal(m.params[3], "four");
}

static void more_than_max_path_params_does_not_match(void **state)
{
    (void)state;
    struct match m;
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/b/1/2/3/4/5"), ROUTE_NOT_FOUND);
    assert_null(m.route);
    assert_string_equal(m.allow, "");
}

static void trailing_slash_is_not_found(void **state)
{
    (void)state;
    struct match m;
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/actors/"), ROUTE_NOT_FOUND);
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/actors/x/"), ROUTE_NOT_FOUND);
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/actors/x/statements/"), ROUTE_NOT_FOUND);
    assert_null(m.route);
}

static void extra_segment_is_not_found(void **state)
{
    (void)state;
    struct match m;
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/actors/x/statements/y"), ROUTE_NOT_FOUND);
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/actors/x/y"), ROUTE_NOT_FOUND);
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/actorsx"), ROUTE_NOT_FOUND);
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1"), ROUTE_NOT_FOUND);
    assert_int_equal(run(&m, routes, NROUTES, "GET", ""), ROUTE_NOT_FOUND);
    assert_int_equal(run(&m, routes, NROUTES, "GET", "//"), ROUTE_NOT_FOUND);
}

static void empty_segment_is_not_found(void **state)
{
    (void)state;
    struct match m;
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/actors//statements"), ROUTE_NOT_FOUND);
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1//actors"), ROUTE_NOT_FOUND);
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/a/1//3/4"), ROUTE_NOT_FOUND);
}

static void matching_is_case_sensitive(void **state)
{
    (void)state;
    struct match m;
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/V1/actors"), ROUTE_NOT_FOUND);
    assert_int_equal(run(&m, routes, NROUTES, "GET", "/v1/Actors"), ROUTE_NOT_FOUND);
}

static void wrong_method_on_known_path_is_method_not_allowed(void **state)
{
    (void)state;
    struct match m;
    assert_int_equal(run(&m, routes, NROUTES, "POST", "/v1/actors"), ROUTE_METHOD_NOT_ALLOWED);
    assert_string_equal(m.allow, "GET, HEAD");
    assert_null(m.route);

    assert_int_equal(run(&m, routes, NROUTES, "DELETE", "/v1/actors/x"), ROUTE_METHOD_NOT_ALLOWED);
    assert_string_equal(m.allow, "GET, HEAD");

    assert_int_equal(run(&m, routes, NROUTES, "get", "/v1/actors"), ROUTE_METHOD_NOT_ALLOWED);
    assert_string_equal(m.allow, "GET, HEAD");
}

static void allow_lists_every_method_of_the_path_once(void **state)
{
    (void)state;
    struct match m;
    assert_int_equal(run(&m, routes, NROUTES, "PUT", "/v1/notes"), ROUTE_METHOD_NOT_ALLOWED);
    assert_string_equal(m.allow, "POST, GET, HEAD");
    assert_int_equal(run(&m, routes, NROUTES, "POST", "/v1/notes"), ROUTE_FOUND);
    assert_ptr_equal(m.route, &routes[6]);
}

static void allow_is_truncated_to_its_buffer(void **state)
{
    (void)state;
    char scratch[32], allow[6];
    const struct route *route = NULL;
    const char *params[MAX_PATH_PARAMS];
    size_t nparams = 0;
    strcpy(scratch, "/v1/notes");
    assert_int_equal(router_match(routes, NROUTES, "PUT", "/v1/notes", scratch, &route, params,
                                  &nparams, allow, sizeof allow),
                     ROUTE_METHOD_NOT_ALLOWED);
    assert_true(strlen(allow) < sizeof allow);
    assert_int_equal(strncmp(allow, "POST", 4), 0);
}

static void head_matches_a_get_route(void **state)
{
    (void)state;
    struct match m;
    assert_int_equal(run(&m, routes, NROUTES, "HEAD", "/v1/actors/x/statements"), ROUTE_FOUND);
    assert_ptr_equal(m.route, &routes[3]);
    assert_int_equal(m.nparams, 1);
    assert_string_equal(m.params[0], "x");
}

static void head_on_post_only_path_is_method_not_allowed(void **state)
{
    (void)state;
    static const struct route post_only[] = {{"POST", "/things", h_post, 0, NULL}};
    struct match m;
    assert_int_equal(run(&m, post_only, 1, "HEAD", "/things"), ROUTE_METHOD_NOT_ALLOWED);
    assert_string_equal(m.allow, "POST");
    assert_int_equal(run(&m, post_only, 1, "GET", "/things"), ROUTE_METHOD_NOT_ALLOWED);
    assert_string_equal(m.allow, "POST");
}

static void empty_table_finds_nothing(void **state)
{
    (void)state;
    struct match m;
    assert_int_equal(run(&m, routes, 0, "GET", "/"), ROUTE_NOT_FOUND);
    assert_string_equal(m.allow, "");
}

/* ---- the application's route table ---- */

/* The pattern with every placeholder replaced by `with`. */
static void concrete(const char *pattern, const char *with, char *out, size_t size,
                     size_t *nplaceholders)
{
    size_t o = 0;
    *nplaceholders = 0;
    for (const char *p = pattern; *p; p++) {
        if (*p == '{') {
            const char *close = strchr(p, '}');
            assert_non_null(close);
            for (const char *w = with; *w; w++)
                out[o++] = *w;
            p = close;
            (*nplaceholders)++;
        } else {
            out[o++] = *p;
        }
        assert_true(o < size);
    }
    out[o] = '\0';
}

static void app_routes_patterns_start_with_slash(void **state)
{
    (void)state;
    assert_true(app_nroutes > 0);
    for (size_t i = 0; i < app_nroutes; i++) {
        assert_non_null(app_routes[i].method);
        assert_non_null(app_routes[i].pattern);
        assert_non_null(app_routes[i].handler);
        if (app_routes[i].pattern[0] != '/')
            fail_msg("route %zu pattern '%s' does not start with '/'", i, app_routes[i].pattern);
    }
}

static void app_routes_have_no_duplicate_method_and_pattern(void **state)
{
    (void)state;
    for (size_t i = 0; i < app_nroutes; i++) {
        char a[256];
        size_t na;
        concrete(app_routes[i].pattern, "{}", a, sizeof a, &na);
        for (size_t j = i + 1; j < app_nroutes; j++) {
            char b[256];
            size_t nb;
            concrete(app_routes[j].pattern, "{}", b, sizeof b, &nb);
            if (strcmp(app_routes[i].method, app_routes[j].method) == 0 &&
                (strcmp(app_routes[i].pattern, app_routes[j].pattern) == 0 || strcmp(a, b) == 0))
                fail_msg("routes %zu and %zu are both %s %s", i, j, app_routes[i].method,
                         app_routes[i].pattern);
        }
    }
}

static void app_routes_have_well_formed_patterns(void **state)
{
    (void)state;
    for (size_t i = 0; i < app_nroutes; i++) {
        const char *p = app_routes[i].pattern;
        size_t n = strlen(p);
        if (n > 1 && p[n - 1] == '/')
            fail_msg("route '%s' ends with '/'", p);
        if (strstr(p, "//"))
            fail_msg("route '%s' has an empty segment", p);
        size_t placeholders;
        char c[256];
        concrete(p, "abc", c, sizeof c, &placeholders);
        if (placeholders > MAX_PATH_PARAMS)
            fail_msg("route '%s' has more than %d placeholders", p, MAX_PATH_PARAMS);
        /* a placeholder is a whole segment */
        for (const char *b = strchr(p, '{'); b; b = strchr(b + 1, '{')) {
            const char *e = strchr(b, '}');
            if (b[-1] != '/' || !e || (e[1] != '/' && e[1] != '\0') || e == b + 1)
                fail_msg("route '%s' has a placeholder that is not a whole segment", p);
        }
    }
}

static void app_routes_every_v1_get_route_is_reachable(void **state)
{
    (void)state;
    size_t checked = 0;
    for (size_t i = 0; i < app_nroutes; i++) {
        if (strcmp(app_routes[i].method, "GET") != 0 ||
            strncmp(app_routes[i].pattern, "/v1/", 4) != 0)
            continue;
        char path[256];
        size_t placeholders;
        concrete(app_routes[i].pattern, "abc", path, sizeof path, &placeholders);
        for (int head = 0; head < 2; head++) {
            struct match m;
            enum route_result rc = run(&m, app_routes, app_nroutes, head ? "HEAD" : "GET", path);
            if (rc != ROUTE_FOUND || m.route != &app_routes[i])
                fail_msg("%s %s does not reach route %zu (%s)", head ? "HEAD" : "GET", path, i,
                         app_routes[i].pattern);
            assert_int_equal(m.nparams, placeholders);
            for (size_t k = 0; k < m.nparams; k++)
                assert_string_equal(m.params[k], "abc");
        }
        struct match m;
        /* No route uses PUT: every known path answers 405 and lists GET, HEAD. */
        assert_int_equal(run(&m, app_routes, app_nroutes, "PUT", path), ROUTE_METHOD_NOT_ALLOWED);
        assert_non_null(strstr(m.allow, "GET, HEAD"));
        checked++;
    }
    assert_true(checked >= 10);
}

static void app_routes_top_level_routes_are_reachable(void **state)
{
    (void)state;
    const char *paths[] = {"/", "/healthz", "/readyz", "/openapi.yaml"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        struct match m;
        assert_int_equal(run(&m, app_routes, app_nroutes, "GET", paths[i]), ROUTE_FOUND);
        assert_string_equal(m.route->pattern, paths[i]);
    }
    struct match m;
    assert_int_equal(run(&m, app_routes, app_nroutes, "GET", "/v1/nope"), ROUTE_NOT_FOUND);
    assert_int_equal(run(&m, app_routes, app_nroutes, "GET", "/v1/actors/"), ROUTE_NOT_FOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(literal_path_matches_its_route),
        cmocka_unit_test(placeholder_captures_segment_into_scratch),
        cmocka_unit_test(placeholder_as_last_segment_is_captured),
        cmocka_unit_test(several_placeholders_are_captured_in_order),
        cmocka_unit_test(more_than_max_path_params_does_not_match),
        cmocka_unit_test(trailing_slash_is_not_found),
        cmocka_unit_test(extra_segment_is_not_found),
        cmocka_unit_test(empty_segment_is_not_found),
        cmocka_unit_test(matching_is_case_sensitive),
        cmocka_unit_test(wrong_method_on_known_path_is_method_not_allowed),
        cmocka_unit_test(allow_lists_every_method_of_the_path_once),
        cmocka_unit_test(allow_is_truncated_to_its_buffer),
        cmocka_unit_test(head_matches_a_get_route),
        cmocka_unit_test(head_on_post_only_path_is_method_not_allowed),
        cmocka_unit_test(empty_table_finds_nothing),
        cmocka_unit_test(app_routes_patterns_start_with_slash),
        cmocka_unit_test(app_routes_have_no_duplicate_method_and_pattern),
        cmocka_unit_test(app_routes_have_well_formed_patterns),
        cmocka_unit_test(app_routes_every_v1_get_route_is_reachable),
        cmocka_unit_test(app_routes_top_level_routes_are_reachable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
