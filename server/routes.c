/*
 * routes.c - the route table: the whole API at a glance. HEAD is answered
 * wherever GET is; a known path with another method gets 405 and Allow.
 * Reads are open unless ONRECORD_READ_REQUIRES_KEY=1; writes need an
 * editor key, deletes an admin key. Writes and history are one generic
 * handler each (write.c), told which resource by the route's data.
 */
#include "handlers.h"
#include "router.h"
#include "write.h"

#define PUBLIC ACCESS_PUBLIC
#define EDITOR ACCESS_EDITOR
#define ADMIN ACCESS_ADMIN

const struct route app_routes[] = {
    {"GET", "/", index_get, PUBLIC, NULL},
    {"GET", "/healthz", health_live, PUBLIC, NULL},
    {"GET", "/readyz", health_ready, PUBLIC, NULL},
    {"GET", "/openapi.yaml", spec_yaml, PUBLIC, NULL},
    {"GET", "/openapi.json", spec_json, PUBLIC, NULL},
    {"GET", "/docs", docs_page, PUBLIC, NULL},
    {"GET", "/docs/redoc.standalone.js", docs_script, PUBLIC, NULL},
    {"GET", "/docs/redoc.LICENSE", docs_license, PUBLIC, NULL},

    {"GET", "/v1/actors", actors_list, 0, NULL},
    {"POST", "/v1/actors", write_create, EDITOR, &actors_resource},
    {"GET", "/v1/actors/{slug}", actors_get, 0, NULL},
    {"PATCH", "/v1/actors/{slug}", write_update, EDITOR, &actors_resource},
    {"DELETE", "/v1/actors/{slug}", write_delete, ADMIN, &actors_resource},
    {"GET", "/v1/actors/{slug}/history", write_history, 0, &actors_resource},
    {"GET", "/v1/actors/{slug}/statements", actors_statements, 0, NULL},
    {"GET", "/v1/actors/{slug}/recognitions", actors_recognitions, 0, NULL},
    {"GET", "/v1/actors/{slug}/positions", actors_positions, 0, NULL},

    {"POST", "/v1/roles", write_create, EDITOR, &roles_resource},
    {"GET", "/v1/roles/{id}", roles_get, 0, NULL},
    {"PATCH", "/v1/roles/{id}", write_update, EDITOR, &roles_resource},
    {"DELETE", "/v1/roles/{id}", write_delete, ADMIN, &roles_resource},
    {"GET", "/v1/roles/{id}/history", write_history, 0, &roles_resource},

    {"GET", "/v1/statements", statements_list, 0, NULL},
    {"POST", "/v1/statements", write_create, EDITOR, &statements_resource},
    {"GET", "/v1/statements/{id}", statements_get, 0, NULL},
    {"PATCH", "/v1/statements/{id}", write_update, EDITOR, &statements_resource},
    {"DELETE", "/v1/statements/{id}", write_delete, ADMIN, &statements_resource},
    {"GET", "/v1/statements/{id}/history", write_history, 0, &statements_resource},

    {"POST", "/v1/stances", write_create, EDITOR, &stances_resource},
    {"GET", "/v1/stances/{statement}/{topic}", stances_get, 0, NULL},
    {"PATCH", "/v1/stances/{statement}/{topic}", write_update, EDITOR, &stances_resource},
    {"DELETE", "/v1/stances/{statement}/{topic}", write_delete, ADMIN, &stances_resource},
    {"GET", "/v1/stances/{statement}/{topic}/history", write_history, 0, &stances_resource},

    {"GET", "/v1/sources", sources_list, 0, NULL},
    {"POST", "/v1/sources", write_create, EDITOR, &sources_resource},
    {"GET", "/v1/sources/{id}", sources_get, 0, NULL},
    {"PATCH", "/v1/sources/{id}", write_update, EDITOR, &sources_resource},
    {"DELETE", "/v1/sources/{id}", write_delete, ADMIN, &sources_resource},
    {"GET", "/v1/sources/{id}/history", write_history, 0, &sources_resource},

    {"GET", "/v1/outlets", outlets_list, 0, NULL},
    {"POST", "/v1/outlets", write_create, EDITOR, &outlets_resource},
    {"GET", "/v1/outlets/{slug}", outlets_get, 0, NULL},
    {"PATCH", "/v1/outlets/{slug}", write_update, EDITOR, &outlets_resource},
    {"DELETE", "/v1/outlets/{slug}", write_delete, ADMIN, &outlets_resource},
    {"GET", "/v1/outlets/{slug}/history", write_history, 0, &outlets_resource},

    {"GET", "/v1/topics", topics_list, 0, NULL},
    {"POST", "/v1/topics", write_create, EDITOR, &topics_resource},
    {"GET", "/v1/topics/{slug}", topics_get, 0, NULL},
    {"PATCH", "/v1/topics/{slug}", write_update, EDITOR, &topics_resource},
    {"DELETE", "/v1/topics/{slug}", write_delete, ADMIN, &topics_resource},
    {"GET", "/v1/topics/{slug}/history", write_history, 0, &topics_resource},
    {"GET", "/v1/topics/{slug}/stances", topics_stances, 0, NULL},
    {"GET", "/v1/topics/{slug}/timeline", topics_timeline, 0, NULL},

    {"GET", "/v1/recognitions", recognitions_list, 0, NULL},
    {"POST", "/v1/recognitions", write_create, EDITOR, &recognitions_resource},
    {"GET", "/v1/recognitions/{id}", recognitions_get, 0, NULL},
    {"PATCH", "/v1/recognitions/{id}", write_update, EDITOR, &recognitions_resource},
    {"DELETE", "/v1/recognitions/{id}", write_delete, ADMIN, &recognitions_resource},
    {"GET", "/v1/recognitions/{id}/history", write_history, 0, &recognitions_resource},

    {"GET", "/v1/changes", changes_list, 0, NULL},
    {"GET", "/v1/stats/stances", stats_stances, 0, NULL},
};

const size_t app_nroutes = sizeof app_routes / sizeof app_routes[0];
