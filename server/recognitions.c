/*
 * recognitions.c - /v1/recognitions: which state recognizes which disputed
 * territory, from when until when. as_of=YYYY-MM-DD keeps only those in
 * force that day (recognized by then, not yet withdrawn).
 */
#include "handlers.h"
#include "list.h"
#include "write.h"
#include "resources.h"

#include <string.h>

static const struct param_spec recognition_filters[RECOGNITION_FILTER_COUNT] = {
    [RECOGNITION_FILTER_TERRITORY] = {"territory", PARAM_SLUG, NULL},
    [RECOGNITION_FILTER_STATE] = {"state", PARAM_SLUG, NULL},
    [RECOGNITION_FILTER_ACTOR] = {"actor", PARAM_SLUG, NULL},
    [RECOGNITION_FILTER_AS_OF] = {"as_of", PARAM_DATE, NULL},
    [RECOGNITION_FILTER_FIELDS] = FIELDS_FILTER,
};

static const enum param_type date_id_key[] = {PARAM_DATE, PARAM_ID};

static const char *const recognition_csv[] = {"id",
                                              "state.slug",
                                              "territory.slug",
                                              "recognized_on",
                                              "recognized_precision",
                                              "withdrawn_on",
                                              "withdrawn_precision",
                                              "note",
                                              NULL};

static const struct list_spec recognitions_spec = {
    .query = QUERY_RECOGNITIONS_LIST,
    .filters = recognition_filters,
    .nfilters = RECOGNITION_FILTER_COUNT,
    .keys = date_id_key,
    .nkeys = 2,
    .parent_query = QUERY_COUNT,
    .csv_columns = recognition_csv,
};

const struct list_spec recognitions_by_actor_spec = {
    .query = QUERY_RECOGNITIONS_LIST,
    .filters = recognition_filters,
    .nfilters = RECOGNITION_FILTER_COUNT,
    .keys = date_id_key,
    .nkeys = 2,
    .parent_query = QUERY_ACTORS_EXISTS,
    .parent_filter = RECOGNITION_FILTER_ACTOR,
    .parent_name = "actor with slug",
    .csv_columns = recognition_csv,
};

int recognitions_list(struct request *req, struct response *res)
{
    return list_respond(req, res, &recognitions_spec, NULL);
}

static const struct field_spec recognition_fields[] = {
    {.name = "state", .type = FIELD_SLUG, .required = true},
    {.name = "territory", .type = FIELD_SLUG, .required = true},
    {.name = "recognized_on", .type = FIELD_PARTIAL_DATE, .required = true},
    {.name = "withdrawn_on", .type = FIELD_PARTIAL_DATE},
    {.name = "note", .type = FIELD_TEXT, .max_len = 5000},
    {.name = "sources", .type = FIELD_ID_ARRAY, .max_len = 50},
};

/* Partial dates written YYYY[-MM[-DD]] compare correctly as strings. */
static void recognition_rules(const json_t *obj, const char *pointer, bool patch,
                              struct response *res)
{
    (void)pointer, (void)patch;
    const char *from = json_string_value(json_object_get(obj, "recognized_on"));
    const char *until = json_string_value(json_object_get(obj, "withdrawn_on"));
    const char *state = json_string_value(json_object_get(obj, "state"));
    const char *territory = json_string_value(json_object_get(obj, "territory"));
    if (from && until && strcmp(until, from) < 0)
        problem_add_field(res, "/withdrawn_on", "must not be before recognized_on");
    if (state && territory && strcmp(state, territory) == 0)
        problem_add_field(res, "/territory", "must differ from state");
}

static const struct object_spec recognition_body = {recognition_fields, 6, recognition_rules};

const struct resource_desc recognitions_resource = {"recognitions", &recognition_body, 1, {"id"}};

int recognitions_get(struct request *req, struct response *res)
{
    const char *id;
    if (path_id(req, res, 0, "id", &id))
        return -1;
    return get_one(req, res, QUERY_RECOGNITIONS_GET, 1, &id, "recognition with id");
}
