/*
 * fuzz_params.c - query strings through the real handlers of every read
 * route: the list endpoints' parameter specs (slugs, dates, ids, enums,
 * language tags, q, fields=, include=, highlight=, sort=, limit=, cursor=,
 * format=), path parameters, and everything a handler checks before its
 * first query (which fuzz_support.c answers 503 after checking its
 * parameters are UTF-8).
 *
 * Input: a request target "/path?query" on the first line ("HEAD " before
 * it asks for HEAD), an Accept header on the second. The target is decoded
 * as libmicrohttpd decodes it ('+' and %XX in the query, %XX in the path),
 * and what http.c's dispatch() refuses before routing (control bytes, more
 * than MAX_QUERY_PARAMS arguments, invalid UTF-8, a path over 2048 bytes)
 * is not run.
 */
#include "fuzz_support.h"
#include "router.h"
#include "util.h"

#include <string.h>

static int hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes s in place; false when it holds a control byte, raw or escaped. */
static bool unescape(char *s, bool plus)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        char c = *p;
        if (c == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
            c = (char)(hex(p[1]) * 16 + hex(p[2]));
            p += 2;
        } else if (c == '+' && plus) {
            c = ' ';
        }
        if ((unsigned char)c < 0x20 || c == 0x7f)
            return false;
        *o++ = c;
    }
    *o = '\0';
    return true;
}

static const struct request *current;

/*
 * A list filter of type PARAM_LIST reaches SQL as a text[] literal, "{a,b}"
 * (list.c): a value that opens one must close it, unless it is a query
 * value passed as it came (q={x}).
 */
static void on_query(enum query_id id, int nparams, const char *const *values)
{
    (void)id;
    for (int i = 0; i < nparams; i++) {
        const char *v = values[i];
        if (!v || v[0] != '{' || v[strlen(v) - 1] == '}')
            continue;
        bool verbatim = false;
        for (size_t q = 0; q < current->nquery && !verbatim; q++)
            verbatim = strcmp(current->query[q].value, v) == 0;
        FUZZ_ASSERT(verbatim);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *input = fuzz_copy(data, size);
    char *cursor = input;
    char *target = fuzz_line(&cursor);
    const char *accept = fuzz_line(&cursor);
    const char *method = "GET";
    if (strncmp(target, "HEAD ", 5) == 0) {
        method = "HEAD";
        target += 5;
    }
    struct request req = {.method = method, .accept = accept, .request_id = "fuzz"};
    char *query = strchr(target, '?');
    if (query)
        *query++ = '\0';
    bool refused = !unescape(target, false) || strlen(target) > 2048;
    for (char *arg = query; arg && !refused;) {
        char *amp = strchr(arg, '&');
        if (amp)
            *amp = '\0';
        if (*arg) {
            char *eq = strchr(arg, '=');
            if (eq)
                *eq = '\0';
            if (req.nquery == MAX_QUERY_PARAMS || !unescape(arg, true) ||
                (eq && !unescape(eq + 1, true))) {
                refused = true;
                break;
            }
            req.query[req.nquery].name = arg;
            req.query[req.nquery].value = eq ? eq + 1 : "";
            if (!is_utf8(arg, strlen(arg)) ||
                !is_utf8(req.query[req.nquery].value, strlen(req.query[req.nquery].value)))
                refused = true;
            req.nquery++;
        }
        arg = amp ? amp + 1 : NULL;
    }
    if (!refused) {
        req.path = target;
        char *scratch = xstrdup(target);
        const struct route *route;
        char allow[64];
        if (router_match(app_routes, app_nroutes, method, target, scratch, &route, req.path_params,
                         &req.npath_params, allow, sizeof allow) == ROUTE_FOUND &&
            (route->access == ACCESS_READ || route->access == ACCESS_PUBLIC)) {
            struct response res = {0};
            req.route_data = route->data;
            current = &req;
            fuzz_query_hook = on_query;
            int rc = route->handler(&req, &res);
            fuzz_query_hook = NULL;
            FUZZ_ASSERT(rc == 0 || res.problem.code != PROBLEM_NONE);
            fuzz_finish(&res, req.path);
        }
        free(scratch);
    }
    free(input);
    return 0;
}
