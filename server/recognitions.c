/*
 * recognitions.c - /v1/recognitions: which state recognizes which disputed
 * territory, from when until when. as_of=YYYY-MM-DD keeps only those in
 * force that day (recognized by then, not yet withdrawn).
 */
#include "handlers.h"
#include "list.h"
#include "resources.h"

static const struct param_spec recognition_filters[RECOGNITION_FILTER_COUNT] = {
    [RECOGNITION_FILTER_TERRITORY] = {"territory", PARAM_SLUG, NULL},
    [RECOGNITION_FILTER_STATE] = {"state", PARAM_SLUG, NULL},
    [RECOGNITION_FILTER_ACTOR] = {"actor", PARAM_SLUG, NULL},
    [RECOGNITION_FILTER_AS_OF] = {"as_of", PARAM_DATE, NULL},
};

static const enum param_type date_id_key[] = {PARAM_DATE, PARAM_ID};

static const struct list_spec recognitions_spec = {
    .query = QUERY_RECOGNITIONS_LIST,
    .filters = recognition_filters,
    .nfilters = RECOGNITION_FILTER_COUNT,
    .keys = date_id_key,
    .nkeys = 2,
    .parent_query = QUERY_COUNT,
};

const struct list_spec recognitions_by_actor_spec = {
    .query = QUERY_RECOGNITIONS_LIST,
    .filters = recognition_filters,
    .nfilters = RECOGNITION_FILTER_COUNT,
    .keys = date_id_key,
    .nkeys = 2,
    .parent_query = QUERY_ACTORS_EXISTS,
    .parent_filter = RECOGNITION_FILTER_ACTOR,
    .parent_name = "actor",
};

int recognitions_list(struct request *req, struct response *res)
{
    return list_respond(req, res, &recognitions_spec, NULL);
}
