/*
 * changes.c - the record of changes. /v1/changes: every committed change in
 * commit order, deletions included; a dashboard keeps the last `position`
 * it saw and asks again with after=<position>; positions are assigned in
 * commit order (see db/WRITES.md), so a reader that resumes never misses a
 * change. /v1/<resource>/<key>/history: one record's changes.
 */
#include "handlers.h"
#include "list.h"
#include "write.h"

static const char *const resources[] = {"actors",
                                        "roles",
                                        "outlets",
                                        "sources",
                                        "statements",
                                        "statement_reports",
                                        "topics",
                                        "stances",
                                        "recognitions",
                                        "recognition_sources",
                                        NULL};

static const struct param_spec change_filters[] = {
    {"after", PARAM_POSITION, NULL},
    {"resource", PARAM_ENUM, resources},
    FIELDS_FILTER,
};

static const enum param_type position_key[] = {PARAM_ID};

static const char *const change_csv[] = {"position",   "resource", "id",    "op", "actor",
                                         "changed_at", "before",   "after", NULL};

static const struct list_spec changes_spec = {
    .query = QUERY_CHANGES_LIST,
    .filters = change_filters,
    .nfilters = 3,
    .keys = position_key,
    .nkeys = 1,
    .parent_query = QUERY_COUNT,
    .csv_columns = change_csv,
};

int changes_list(struct request *req, struct response *res)
{
    return list_respond(req, res, &changes_spec, NULL);
}

static const struct param_spec history_filters[] = {
    {"resource", PARAM_TEXT, NULL},
    {"target", PARAM_TEXT, NULL},
    FIELDS_FILTER,
};

static const struct list_spec history_spec = {
    .query = QUERY_HISTORY,
    .filters = history_filters,
    .nfilters = 3,
    .keys = position_key,
    .nkeys = 1,
    .parent_query = QUERY_HISTORY_TARGET,
    .parent_filter = 0,
    .parent_nparams = 2,
    .parent_name = "record",
    .csv_columns = change_csv,
};

int write_history(struct request *req, struct response *res)
{
    const struct resource_desc *rd = req->route_data;
    char target[WRITE_TARGET_MAX];
    if (write_target(req, res, rd, target))
        return -1;
    const char *preset[3] = {rd->name, target, NULL};
    return list_respond(req, res, &history_spec, preset);
}
