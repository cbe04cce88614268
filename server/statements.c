/*
 * statements.c - /v1/statements: who said what, when, reported by whom in
 * which words, and the stances taken. Lists are newest first.
 */
#include "handlers.h"
#include "list.h"
#include "resources.h"

static const char *const positions[] = {"supports", "opposes", "conditional", "neutral", NULL};

/* Order matters: it is the order of the list query's SQL parameters. */
static const struct param_spec statement_filters[STATEMENT_FILTER_COUNT] = {
    [STATEMENT_FILTER_ACTOR] = {"actor", PARAM_SLUG, NULL},
    [STATEMENT_FILTER_TOPIC] = {"topic", PARAM_SLUG, NULL},
    [STATEMENT_FILTER_STANCE] = {"stance", PARAM_ENUM, positions},
    [STATEMENT_FILTER_SOURCE] = {"source", PARAM_ID, NULL},
    [STATEMENT_FILTER_OUTLET] = {"outlet", PARAM_SLUG, NULL},
    [STATEMENT_FILTER_FROM] = {"from", PARAM_DATE, NULL},
    [STATEMENT_FILTER_TO] = {"to", PARAM_DATE, NULL},
    [STATEMENT_FILTER_LANG] = {"lang", PARAM_LANG, NULL},
    [STATEMENT_FILTER_Q] = {"q", PARAM_TEXT, NULL},
};

static const enum param_type date_id_key[] = {PARAM_DATE, PARAM_ID};

static const struct list_spec statements_spec = {
    .query = QUERY_STATEMENTS_LIST,
    .filters = statement_filters,
    .nfilters = STATEMENT_FILTER_COUNT,
    .keys = date_id_key,
    .nkeys = 2,
    .parent_query = QUERY_COUNT,
};

const struct list_spec statements_by_actor_spec = {
    .query = QUERY_STATEMENTS_LIST,
    .filters = statement_filters,
    .nfilters = STATEMENT_FILTER_COUNT,
    .keys = date_id_key,
    .nkeys = 2,
    .parent_query = QUERY_ACTORS_EXISTS,
    .parent_filter = STATEMENT_FILTER_ACTOR,
    .parent_name = "actor",
};

int statements_list(struct request *req, struct response *res)
{
    return list_respond(req, res, &statements_spec, NULL);
}

int statements_get(struct request *req, struct response *res)
{
    const char *id;
    if (path_id(req, res, 0, "id", &id))
        return -1;
    return get_one(req, res, QUERY_STATEMENTS_GET, id, "statement with id");
}
