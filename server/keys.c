/*
 * keys.c - `onrecord keys create|list|revoke`: managing API keys from the
 * command line. The plain key is printed once, at creation; only its
 * SHA-256 hash (computed by PostgreSQL) is stored.
 */
#include "keys.h"
#include "auth.h"
#include "db.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *out)
{
    fputs("Usage: onrecord keys create --name NAME --role editor|admin\n"
          "       onrecord keys list\n"
          "       onrecord keys revoke NAME\n",
          out);
}

/* Runs one prepared query outside the server; prints the error and returns NULL. */
static PGresult *run(PGconn *conn, enum query_id id, int n, const char *const *values)
{
    PGresult *r = PQexecParams(conn, embedded_queries[id].text, n, NULL, values, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK && PQresultStatus(r) != PGRES_COMMAND_OK) {
        const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        if (state && strcmp(state, "23505") == 0)
            fprintf(stderr, "onrecord: a key with that name already exists\n");
        else if (state && strcmp(state, "23514") == 0)
            fprintf(stderr, "onrecord: key names are 1-64 letters, digits, '.', '_' or '-'\n");
        else
            fprintf(stderr, "onrecord: %s", PQresultErrorMessage(r));
        PQclear(r);
        return NULL;
    }
    return r;
}

static int create(PGconn *conn, int argc, char **argv)
{
    const char *name = NULL, *role = NULL;
    for (int i = 0; i < argc; i++) {
        const char **slot = strcmp(argv[i], "--name") == 0   ? &name
                            : strcmp(argv[i], "--role") == 0 ? &role
                                                             : NULL;
        if (!slot || i + 1 >= argc) {
            usage(stderr);
            return 2;
        }
        *slot = argv[++i];
    }
    if (!name || !role || (strcmp(role, "editor") != 0 && strcmp(role, "admin") != 0)) {
        usage(stderr);
        return 2;
    }
    char key[AUTH_KEY_LEN + 1];
    if (auth_new_key(key)) {
        fprintf(stderr, "onrecord: the system's random source failed\n");
        return 1;
    }
    const char *values[3] = {name, role, key};
    PGresult *r = run(conn, QUERY_KEYS_CREATE, 3, values);
    if (!r)
        return 1;
    PQclear(r);
    printf("%s\n", key);
    fprintf(stderr, "created %s key '%s'. The key above is shown only now: store it safely.\n",
            role, name);
    return 0;
}

static int list(PGconn *conn)
{
    PGresult *r = run(conn, QUERY_KEYS_LIST, 0, NULL);
    if (!r)
        return 1;
    printf("%-24s %-7s %-25s %s\n", "NAME", "ROLE", "CREATED", "REVOKED");
    for (int i = 0; i < PQntuples(r); i++)
        printf("%-24s %-7s %-25s %s\n", PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
               PQgetvalue(r, i, 2), PQgetisnull(r, i, 3) ? "-" : PQgetvalue(r, i, 3));
    PQclear(r);
    return 0;
}

static int revoke(PGconn *conn, const char *name)
{
    PGresult *r = run(conn, QUERY_KEYS_REVOKE, 1, &name);
    if (!r)
        return 1;
    int found = PQntuples(r);
    PQclear(r);
    if (!found) {
        fprintf(stderr, "onrecord: no active key named '%s'\n", name);
        return 1;
    }
    fprintf(stderr, "revoked key '%s'\n", name);
    return 0;
}

int keys_main(int argc, char **argv)
{
    if (argc < 1 || strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "help") == 0) {
        usage(argc < 1 ? stderr : stdout);
        return argc < 1 ? 2 : 0;
    }
    char err[512];
    PGconn *conn = db_connect_plain(err, sizeof err);
    if (!conn) {
        fprintf(stderr, "onrecord: cannot connect to the database: %s", err);
        return 1;
    }
    int rc;
    if (strcmp(argv[0], "create") == 0)
        rc = create(conn, argc - 1, argv + 1);
    else if (strcmp(argv[0], "list") == 0 && argc == 1)
        rc = list(conn);
    else if (strcmp(argv[0], "revoke") == 0 && argc == 2)
        rc = revoke(conn, argv[1]);
    else
        usage(stderr), rc = 2;
    PQfinish(conn);
    return rc;
}
