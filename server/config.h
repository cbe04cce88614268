/*
 * config.h - the server's configuration: environment variables, overridden
 * by command-line flags, validated once at start.
 */
#ifndef ONRECORD_CONFIG_H
#define ONRECORD_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Most pipelined read connections per worker thread (the array db.c keeps). */
#define MAX_READ_CONNECTIONS 8

struct config {
    const char *command;      /* serve, migrate, seed, keys, import, routes, help, version */
    const char *database_url; /* libpq connection string or URI; "" = libpq defaults */
    const char *host;         /* address to listen on */
    long port;
    long threads;           /* HTTP worker threads, each with its own DB connections */
    long read_connections;  /* pipelined DB connections for reads, per thread */
    long max_connections;   /* open HTTP connections at once */
    long timeout;           /* seconds an idle HTTP connection is kept */
    long connection_memory; /* bytes of MHD memory pool per connection (http.c) */
    long max_body;          /* bytes in a request body */
    long statement_timeout; /* milliseconds a query may run */
    long answer_cache;      /* MiB of whole answers to costly reads kept (vcache.h); 0 = none */
    bool access_log;
    bool read_requires_key;   /* GETs under /v1 need an API key too */
    const char *cors_origins; /* "*", a comma-separated list, or "" (no CORS) */
    /* For commands with their own arguments (keys, import): what follows. */
    int rest_argc;
    char **rest_argv;
};

/*
 * Fills cfg from the environment and argv (argv[1] may be the command).
 * Returns 0, or -1 with a one-line message in err. Strings in cfg point
 * into argv or the environment; nothing is allocated.
 */
int config_load(struct config *cfg, int argc, char **argv, char *err, size_t errlen);

/* Prints the --help text. */
void config_usage(FILE *out);

#endif
