/*
 * health.c - liveness (/healthz: the process answers), readiness (/readyz:
 * the database answers too) and the index at /.
 */
#include "db.h"
#include "handlers.h"
#include "list.h"

#include <string.h>

int health_live(struct request *req, struct response *res)
{
    if (no_params(req, res))
        return -1;
    response_json_static(res, 200, "{\"status\":\"ok\"}");
    res->cache_control = "no-store";
    return 0;
}

int health_ready(struct request *req, struct response *res)
{
    if (no_params(req, res))
        return -1;
    PGresult *r = db_query(req, res, QUERY_READYZ, 0, NULL);
    if (!r)
        return -1;
    response_json_static(res, 200, "{\"status\":\"ready\",\"database\":\"ok\"}");
    res->cache_control = "no-store";
    return 0;
}

int index_get(struct request *req, struct response *res)
{
    if (no_params(req, res))
        return -1;
    response_json_static(res, 200,
                         "{\"name\":\"onrecord\","
                         "\"description\":\"A database of political statements: who said what, "
                         "when, where it was reported, and which states recognize which "
                         "territories.\","
                         "\"openapi\":\"/openapi.yaml\",\"openapi_json\":\"/openapi.json\","
                         "\"docs\":\"/docs\","
                         "\"links\":{\"actors\":\"/v1/actors\",\"statements\":\"/v1/statements\","
                         "\"sources\":\"/v1/sources\",\"outlets\":\"/v1/outlets\","
                         "\"topics\":\"/v1/topics\",\"recognitions\":\"/v1/recognitions\","
                         "\"changes\":\"/v1/changes\",\"stance_stats\":\"/v1/stats/stances\","
                         "\"health\":\"/healthz\",\"ready\":\"/readyz\"}}");
    return 0;
}
