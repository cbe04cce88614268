/*
 * routes.c - the route table: the whole API at a glance. HEAD is answered
 * wherever GET is; a known path with another method gets 405 and Allow.
 */
#include "handlers.h"
#include "router.h"

const struct route app_routes[] = {
    {"GET", "/", index_get},
    {"GET", "/healthz", health_live},
    {"GET", "/readyz", health_ready},
    {"GET", "/openapi.yaml", spec_yaml},

    {"GET", "/v1/actors", actors_list},
    {"GET", "/v1/actors/{slug}", actors_get},
    {"GET", "/v1/actors/{slug}/statements", actors_statements},
    {"GET", "/v1/actors/{slug}/recognitions", actors_recognitions},

    {"GET", "/v1/statements", statements_list},
    {"GET", "/v1/statements/{id}", statements_get},

    {"GET", "/v1/sources", sources_list},
    {"GET", "/v1/sources/{id}", sources_get},

    {"GET", "/v1/outlets", outlets_list},
    {"GET", "/v1/outlets/{slug}", outlets_get},

    {"GET", "/v1/topics", topics_list},
    {"GET", "/v1/topics/{slug}", topics_get},
    {"GET", "/v1/topics/{slug}/stances", topics_stances},

    {"GET", "/v1/recognitions", recognitions_list},
};

const size_t app_nroutes = sizeof app_routes / sizeof app_routes[0];
