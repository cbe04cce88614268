/*
 * actors.c - /v1/actors: people, parties, bodies, states, territories.
 * Lists filter by kind and by any name or spelling (q); an actor's page
 * carries its roles; its statements and recognitions are lists under it.
 */
#include "handlers.h"
#include "list.h"
#include "write.h"
#include "resources.h"

static const char *const actor_kinds[] = {
    "person", "party",     "organization",         "government_body",
    "state",  "territory", "international_entity", NULL};

static const struct param_spec actor_filters[] = {
    {"kind", PARAM_ENUM, actor_kinds},
    {"q", PARAM_TEXT, NULL},
    FIELDS_FILTER,
};

static const enum param_type slug_key[] = {PARAM_SLUG};

static const char *const actor_csv[] = {"slug",        "name",        "kind", "country",
                                        "other_names", "description", NULL};

static const struct list_spec actors_spec = {
    .query = QUERY_ACTORS_LIST,
    .filters = actor_filters,
    .nfilters = 3,
    .keys = slug_key,
    .nkeys = 1,
    .parent_query = QUERY_COUNT,
    .csv_columns = actor_csv,
};

int actors_list(struct request *req, struct response *res)
{
    return list_respond(req, res, &actors_spec, NULL);
}

int actors_get(struct request *req, struct response *res)
{
    const char *slug;
    if (path_slug(req, res, 0, "slug", &slug))
        return -1;
    return get_one(req, res, QUERY_ACTORS_GET, 1, &slug, "actor with slug");
}

int actors_statements(struct request *req, struct response *res)
{
    const char *preset[STATEMENT_FILTER_COUNT] = {0};
    if (path_slug(req, res, 0, "slug", &preset[STATEMENT_FILTER_ACTOR]))
        return -1;
    return list_respond(req, res, &statements_by_actor_spec, preset);
}

int actors_recognitions(struct request *req, struct response *res)
{
    const char *preset[RECOGNITION_FILTER_COUNT] = {0};
    if (path_slug(req, res, 0, "slug", &preset[RECOGNITION_FILTER_ACTOR]))
        return -1;
    return list_respond(req, res, &recognitions_by_actor_spec, preset);
}

static const struct field_spec actor_fields[] = {
    {.name = "slug", .type = FIELD_SLUG, .required = true},
    {.name = "name", .type = FIELD_STRING, .required = true},
    {.name = "kind", .type = FIELD_ENUM, .required = true, .choices = actor_kinds},
    {.name = "country", .type = FIELD_COUNTRY},
    {.name = "other_names", .type = FIELD_STRING_ARRAY, .max_len = 50},
    {.name = "description", .type = FIELD_TEXT, .max_len = 5000},
    {.name = "note", .type = FIELD_TEXT, .max_len = 5000},
};

static const struct object_spec actor_body = {actor_fields, 7, NULL};

const struct resource_desc actors_resource = {"actors", &actor_body, 1, {"slug"}};

static const struct param_spec position_filters[] = {
    {"actor", PARAM_SLUG, NULL},
    FIELDS_FILTER,
};
static const char *const position_csv[] = {
    "topic.slug", "current.position", "current.condition", "current.said_on", "changes", NULL};

/* Per topic, the actor's current stance and each change of stance; by topic slug. */
static const struct list_spec actor_positions_spec = {
    .query = QUERY_ACTORS_POSITIONS,
    .filters = position_filters,
    .nfilters = 2,
    .keys = slug_key,
    .nkeys = 1,
    .parent_query = QUERY_ACTORS_EXISTS,
    .parent_filter = 0,
    .parent_name = "actor with slug",
    .csv_columns = position_csv,
};

int actors_positions(struct request *req, struct response *res)
{
    const char *preset[2] = {0};
    if (path_slug(req, res, 0, "slug", &preset[0]))
        return -1;
    return list_respond(req, res, &actor_positions_spec, preset);
}
