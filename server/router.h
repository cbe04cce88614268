/*
 * router.h - matching a method and path against the route table.
 *
 * Patterns are literal segments and {name} placeholders, e.g.
 * "/v1/actors/{slug}/statements". The router tells "no such path" (404)
 * from "no such method on this path" (405, with the methods that exist).
 */
#ifndef ONRECORD_ROUTER_H
#define ONRECORD_ROUTER_H

#include "api.h"
#include "auth.h"

struct route {
    const char *method;
    const char *pattern;
    handler_fn handler;
    enum access access; /* who may call it (auth.h); ACCESS_READ by default */
    const void *data;   /* handed to the handler as req->route_data */
};

enum route_result { ROUTE_FOUND, ROUTE_NOT_FOUND, ROUTE_METHOD_NOT_ALLOWED };

/*
 * Finds the route for method + path. On ROUTE_FOUND, *match is set and the
 * path parameters are written to params (pointers into scratch, a copy of
 * the path the caller provides with at least strlen(path)+1 bytes). On
 * ROUTE_METHOD_NOT_ALLOWED, allow receives e.g. "GET, HEAD".
 * HEAD matches GET routes.
 */
enum route_result router_match(const struct route *routes, size_t nroutes, const char *method,
                               const char *path, char *scratch, const struct route **match,
                               const char **params, size_t *nparams, char *allow,
                               size_t allow_size);

/* The application's route table (routes.c). */
extern const struct route app_routes[];
extern const size_t app_nroutes;

#endif
