/*
 * router.c - path matching for the route table: segment by segment, literal
 * or {placeholder}. Linear over a table of a few dozen routes, which costs
 * less than the hashing a cleverer structure would need.
 */
#include "router.h"

#include <stdio.h>
#include <string.h>

/*
 * Matches one pattern against a path. Placeholders capture a whole,
 * non-empty segment. Returns the number of captured parameters, or -1.
 */
static int match_pattern(const char *pattern, const char *path, char *scratch, const char **params)
{
    const char *p = pattern, *s = path;
    size_t n = 0;
    while (*p && *s) {
        if (*p == '{') {
            const char *close = strchr(p, '}');
            size_t seglen = strcspn(s, "/");
            if (!close || seglen == 0 || n == MAX_PATH_PARAMS)
                return -1;
            char *dst = scratch + (s - path);
            memcpy(dst, s, seglen);
            dst[seglen] = '\0';
            params[n++] = dst;
            p = close + 1;
            s += seglen;
        } else if (*p == *s) {
            p++, s++;
        } else {
            return -1;
        }
    }
    return (*p || *s) ? -1 : (int)n;
}

static bool method_matches(const char *route_method, const char *method)
{
    return strcmp(route_method, method) == 0 ||
           (strcmp(method, "HEAD") == 0 && strcmp(route_method, "GET") == 0);
}

static void allow_add(char *allow, size_t size, const char *method)
{
    if (size == 0 || strstr(allow, method))
        return;
    size_t used = strlen(allow);
    snprintf(allow + used, size - used, "%s%s", used ? ", " : "", method);
}

enum route_result router_match(const struct route *routes, size_t nroutes, const char *method,
                               const char *path, char *scratch, const struct route **match,
                               const char **params, size_t *nparams, char *allow, size_t allow_size)
{
    bool path_known = false;
    if (allow_size)
        allow[0] = '\0';
    for (size_t i = 0; i < nroutes; i++) {
        const char *captured[MAX_PATH_PARAMS];
        int n = match_pattern(routes[i].pattern, path, scratch, captured);
        if (n < 0)
            continue;
        if (method_matches(routes[i].method, method)) {
            *match = &routes[i];
            memcpy(params, captured, (size_t)n * sizeof *params);
            *nparams = (size_t)n;
            return ROUTE_FOUND;
        }
        path_known = true;
        allow_add(allow, allow_size, routes[i].method);
        if (strcmp(routes[i].method, "GET") == 0)
            allow_add(allow, allow_size, "HEAD");
    }
    return path_known ? ROUTE_METHOD_NOT_ALLOWED : ROUTE_NOT_FOUND;
}
