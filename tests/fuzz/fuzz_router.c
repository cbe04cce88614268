/*
 * fuzz_router.c - the router: "METHOD /path" (a line; the method defaults
 * to GET) against the application's route table, then write.c's
 * write_target() for the write routes. Checks that a match gives back the
 * path when its parameters are put into the pattern, that a 405 lists
 * methods, and that every answer renders.
 */
#include "fuzz_support.h"
#include "router.h"
#include "util.h"
#include "write.h"

#include <string.h>

/* True when substituting params into pattern gives path exactly. */
static bool rebuilds(const char *pattern, const char *const *params, size_t n, const char *path)
{
    struct buf b = {0};
    size_t used = 0;
    for (const char *p = pattern; *p;) {
        if (*p == '{') {
            if (used == n) {
                buf_free(&b);
                return false;
            }
            buf_puts(&b, params[used++]);
            p = strchr(p, '}') + 1;
        } else {
            buf_append(&b, p++, 1);
        }
    }
    bool same = used == n && strcmp(b.data ? b.data : "", path) == 0;
    buf_free(&b);
    return same;
}

static bool is_write(handler_fn h)
{
    return h == write_create || h == write_update || h == write_delete || h == write_history;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *input = fuzz_copy(data, size);
    char *cursor = input;
    char *line = fuzz_line(&cursor);
    const char *method = "GET", *path = line;
    char *space = strchr(line, ' ');
    if (space) {
        *space = '\0';
        method = line;
        path = space + 1;
    }
    size_t len = strlen(path);
    char *scratch = xmalloc(len + 1);
    const struct route *route = NULL;
    const char *params[MAX_PATH_PARAMS];
    size_t nparams = 0;
    char allow[64];
    enum route_result found = router_match(app_routes, app_nroutes, method, path, scratch, &route,
                                           params, &nparams, allow, sizeof allow);
    if (found == ROUTE_FOUND) {
        FUZZ_ASSERT(route >= app_routes && route < app_routes + app_nroutes);
        FUZZ_ASSERT(nparams <= MAX_PATH_PARAMS);
        for (size_t i = 0; i < nparams; i++) {
            FUZZ_ASSERT(params[i] >= scratch && params[i] + strlen(params[i]) <= scratch + len);
            FUZZ_ASSERT(params[i][0] != '\0' && !strchr(params[i], '/'));
        }
        FUZZ_ASSERT(rebuilds(route->pattern, params, nparams, path));
        FUZZ_ASSERT(strcmp(route->method, method) == 0 ||
                    (strcmp(method, "HEAD") == 0 && strcmp(route->method, "GET") == 0));
        if (is_write(route->handler)) {
            struct request req = {.method = method, .path = path, .npath_params = nparams};
            memcpy(req.path_params, params, nparams * sizeof *params);
            struct response res = {0};
            char target[WRITE_TARGET_MAX];
            const struct resource_desc *rd = route->data;
            if (write_target(&req, &res, rd, target) == 0) {
                FUZZ_ASSERT(res.problem.code == PROBLEM_NONE);
                FUZZ_ASSERT(strlen(target) < WRITE_TARGET_MAX);
                /* The target is the key's parts joined by '/': no other '/' in it. */
                size_t slashes = 0;
                for (const char *t = target; *t; t++)
                    slashes += *t == '/';
                FUZZ_ASSERT(nparams < rd->npath || slashes + 1 == rd->npath);
            } else {
                FUZZ_ASSERT(res.problem.code == PROBLEM_BAD_PARAMETER);
            }
            fuzz_finish(&res, path);
        }
    } else if (found == ROUTE_METHOD_NOT_ALLOWED) {
        FUZZ_ASSERT(allow[0] != '\0' && strlen(allow) < sizeof allow);
        FUZZ_ASSERT(strcmp(allow, method) != 0);
        struct response res = {0};
        fail(&res, PROBLEM_METHOD_NOT_ALLOWED, NULL, "%s is not allowed here; allowed: %s", method,
             allow);
        fuzz_finish(&res, path);
    } else {
        FUZZ_ASSERT(found == ROUTE_NOT_FOUND);
    }
    free(scratch);
    free(input);
    return 0;
}
