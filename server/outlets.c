/*
 * outlets.c - /v1/outlets: news organisations and press services, with
 * whether the state owns them.
 */
#include "handlers.h"
#include "list.h"
#include "write.h"

static const char *const booleans[] = {"true", "false", NULL};

static const struct param_spec outlet_filters[] = {
    {"state_owned", PARAM_ENUM, booleans},
    FIELDS_FILTER,
};

static const enum param_type slug_key[] = {PARAM_SLUG};

static const char *const outlet_csv[] = {"slug", "name", "country", "state_owned",
                                         "url",  "note", NULL};

static const struct list_spec outlets_spec = {
    .query = QUERY_OUTLETS_LIST,
    .filters = outlet_filters,
    .nfilters = 2,
    .keys = slug_key,
    .nkeys = 1,
    .parent_query = QUERY_COUNT,
    .csv_columns = outlet_csv,
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
    return get_one(req, res, QUERY_OUTLETS_GET, 1, &slug, "outlet with slug");
}

static const struct field_spec outlet_fields[] = {
    {.name = "slug", .type = FIELD_SLUG, .required = true},
    {.name = "name", .type = FIELD_STRING, .required = true},
    {.name = "state_owned", .type = FIELD_BOOL, .required = true},
    {.name = "country", .type = FIELD_COUNTRY},
    {.name = "url", .type = FIELD_URL},
    {.name = "note", .type = FIELD_TEXT, .max_len = 5000},
};

static const struct object_spec outlet_body = {outlet_fields, 6, NULL};

const struct resource_desc outlets_resource = {"outlets", &outlet_body, 1, {"slug"}};
