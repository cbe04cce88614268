/*
 * main.c - the onrecord command line: serve, migrate, seed, keys, import, routes.
 * Configuration comes from config.c; the server runs until SIGINT/SIGTERM.
 */
#include "config.h"
#include "db.h"
#include "http.h"
#include "import.h"
#include "keys.h"
#include "router.h"
#include "vcache.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#ifndef ONRECORD_VERSION
#define ONRECORD_VERSION "0.0.0"
#endif

/* Lets the process hold as many sockets as it may accept connections. */
static void raise_fd_limit(long wanted)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return;
    rlim_t target = (rlim_t)wanted + 64;
    if (rl.rlim_max != RLIM_INFINITY && target > rl.rlim_max)
        target = rl.rlim_max;
    if (rl.rlim_cur < target) {
        rl.rlim_cur = target;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

static int serve(const struct config *cfg)
{
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    /* Block before MHD starts its threads so only sigwait() sees them. */
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    raise_fd_limit(cfg->max_connections);

    if (!cfg->read_requires_key) {
        vcache_set_budget((size_t)cfg->answer_cache << 20);
        vcache_start();
    }
    struct http_server *server = http_start(cfg);
    if (!server) {
        vcache_stop();
        return 1;
    }
    fprintf(stderr, "onrecord: serving on http://%s:%ld with %ld threads\n", cfg->host, cfg->port,
            cfg->threads);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "onrecord: %s received, finishing requests in flight\n",
            sig == SIGINT ? "SIGINT" : "SIGTERM");
    http_stop(server);
    vcache_stop();
    fprintf(stderr, "onrecord: stopped\n");
    return 0;
}

static int apply(const char *ledger, const struct sql_file *files, size_t count)
{
    char err[512];
    PGconn *conn = db_connect_plain(err, sizeof err);
    if (!conn) {
        fprintf(stderr, "onrecord: cannot connect to the database: %s", err);
        return 1;
    }
    int rc = db_apply_files(conn, ledger, files, count);
    PQfinish(conn);
    return rc ? 1 : 0;
}

/* METHOD PATTERN ACCESS, one route a line: the table tests read (test_writes_auth_matrix.py). */
static void print_routes(void)
{
    static const char *const access[] = {[ACCESS_READ] = "read",
                                         [ACCESS_PUBLIC] = "public",
                                         [ACCESS_EDITOR] = "editor",
                                         [ACCESS_ADMIN] = "admin"};
    for (size_t i = 0; i < app_nroutes; i++)
        printf("%-7s %-40s %s\n", app_routes[i].method, app_routes[i].pattern,
               access[app_routes[i].access]);
}

int main(int argc, char **argv)
{
    struct config cfg;
    char err[256];
    if (config_load(&cfg, argc, argv, err, sizeof err)) {
        fprintf(stderr, "onrecord: %s\n", err);
        return 2;
    }
    db_configure(cfg.database_url, cfg.statement_timeout, (int)cfg.read_connections);
    if (strcmp(cfg.command, "help") == 0) {
        config_usage(stdout);
        return 0;
    }
    if (strcmp(cfg.command, "version") == 0) {
        printf("onrecord %s\n", ONRECORD_VERSION);
        return 0;
    }
    if (strcmp(cfg.command, "routes") == 0) {
        print_routes();
        return 0;
    }
    if (strcmp(cfg.command, "migrate") == 0)
        return apply("onrecord_migrations", embedded_migrations, embedded_migrations_count);
    if (strcmp(cfg.command, "keys") == 0)
        return keys_main(cfg.rest_argc, cfg.rest_argv);
    if (strcmp(cfg.command, "import") == 0)
        return import_main(cfg.rest_argc, cfg.rest_argv);
    if (strcmp(cfg.command, "seed") == 0)
        return apply("onrecord_seeds", embedded_seeds, embedded_seeds_count);
    return serve(&cfg);
}
