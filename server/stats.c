/*
 * stats.c - /v1/stats/stances: how many stances of each position (or by each
 * actor) fell in each month, quarter or year, every bucket present, ready
 * for a chart (at most 1000 buckets: the database checks, db/NEWSROOM.md).
 */
#include "db.h"
#include "handlers.h"
#include "list.h"

#include <stdlib.h>
#include <string.h>

static const char *const intervals[] = {"month", "quarter", "year", NULL};
static const char *const groupings[] = {"position", "actor", NULL};

enum { STATS_TOPIC, STATS_INTERVAL, STATS_FROM, STATS_TO, STATS_GROUP_BY, STATS_COUNT };

static const struct param_spec stats_params[STATS_COUNT] = {
    [STATS_TOPIC] = {"topic", PARAM_SLUG, NULL},
    [STATS_INTERVAL] = {"interval", PARAM_ENUM, intervals},
    [STATS_FROM] = {"from", PARAM_DATE, NULL},
    [STATS_TO] = {"to", PARAM_DATE, NULL},
    [STATS_GROUP_BY] = {"group_by", PARAM_ENUM, groupings},
};

int stats_stances(struct request *req, struct response *res)
{
    const char *values[STATS_COUNT];
    if (params_read(req, res, stats_params, STATS_COUNT, NULL, values))
        return -1;
    if (!values[STATS_INTERVAL])
        values[STATS_INTERVAL] = "year";
    if (!values[STATS_GROUP_BY])
        values[STATS_GROUP_BY] = "position";
    if (values[STATS_FROM] && values[STATS_TO]) {
        if (strcmp(values[STATS_FROM], values[STATS_TO]) > 0)
            return fail(res, PROBLEM_BAD_PARAMETER, "to", "to must not be before from");
    }
    if (values[STATS_TOPIC]) {
        PGresult *t = db_query(req, res, QUERY_TOPICS_EXISTS, 1, &values[STATS_TOPIC]);
        if (!t)
            return -1;
        int found = PQntuples(t);
        if (!found)
            return fail(res, PROBLEM_NOT_FOUND, NULL, "no topic with slug %s", values[STATS_TOPIC]);
    }
    PGresult *r = db_query(req, res, QUERY_STATS_STANCES, STATS_COUNT, values);
    if (!r)
        return -1;
    response_take_result(res, 200, r, 0, 0);
    return 0;
}
