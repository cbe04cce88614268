/*
 * outlets.c - /v1/outlets: news organisations and press services, with
 * whether the state owns them.
 */
#include "handlers.h"
#include "list.h"

static const char *const booleans[] = {"true", "false", NULL};

static const struct param_spec outlet_filters[] = {
    {"state_owned", PARAM_ENUM, booleans},
};

static const enum param_type slug_key[] = {PARAM_SLUG};

static const struct list_spec outlets_spec = {
    .query = QUERY_OUTLETS_LIST,
    .filters = outlet_filters,
    .nfilters = 1,
    .keys = slug_key,
    .nkeys = 1,
    .parent_query = QUERY_COUNT,
};

int outlets_list(struct request *req, struct response *res)
{
    return list_respond(req, res, &outlets_spec, NULL);
}

int outlets_get(struct request *req, struct response *res)
{
    const char *slug;
    if (path_slug(req, res, 0, "slug", &slug))
        return -1;
    return get_one(req, res, QUERY_OUTLETS_GET, slug, "outlet with slug");
}
