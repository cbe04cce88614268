/*
 * db.c - per-worker PostgreSQL connections and prepared statements, mapping
 * of database failures to problems, and the migration/seed ledger.
 *
 * Each worker thread owns one PGconn (no locking, no pool). A connection is
 * opened on the first request the thread serves; when a query fails because
 * the server went away, the connection is dropped, the request gets 503 with
 * Retry-After, and the next request connects again.
 */
#include "db.h"
#include "util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct db {
    PGconn *conn;
};

static const char *conninfo = "";
/*
 * Per-session settings. No parallel workers: the server runs many queries
 * at once, and a query that forks workers on a busy machine only competes
 * with its neighbours (bench/RESULTS.md).
 */
static char session_options[192];
static pthread_key_t db_key;
static pthread_once_t db_key_once = PTHREAD_ONCE_INIT;

static void db_destroy(void *p)
{
    struct db *db = p;
    if (db->conn)
        PQfinish(db->conn);
    free(db);
}

static void db_key_create(void)
{
    pthread_key_create(&db_key, db_destroy);
}

void db_configure(const char *database_url, long statement_timeout_ms)
{
    conninfo = database_url ? database_url : "";
    snprintf(session_options, sizeof session_options,
             "-c statement_timeout=%ld -c jit=off -c max_parallel_workers_per_gather=0 "
             "-c client_min_messages=warning",
             statement_timeout_ms);
}

struct db *db_for_thread(void)
{
    pthread_once(&db_key_once, db_key_create);
    struct db *db = pthread_getspecific(db_key);
    if (!db) {
        db = xcalloc(1, sizeof *db);
        pthread_setspecific(db_key, db);
    }
    return db;
}

static PGconn *connect_with_options(const char *application_name)
{
    /* dbname first: later keywords override what the URI says. */
    const char *keys[] = {"dbname",  "connect_timeout", "application_name",
                          "options", "client_encoding", NULL};
    const char *values[] = {conninfo, "3", application_name, session_options, "UTF8", NULL};
    return PQconnectdbParams(keys, values, 1);
}

PGconn *db_connect_named(const char *application_name, char *err, size_t errlen)
{
    PGconn *conn = connect_with_options(application_name);
    if (PQstatus(conn) != CONNECTION_OK) {
        snprintf(err, errlen, "%s", PQerrorMessage(conn));
        PQfinish(conn);
        return NULL;
    }
    return conn;
}

PGconn *db_connect_plain(char *err, size_t errlen)
{
    return db_connect_named("onrecord", err, errlen);
}

/* Opens the connection and prepares every query; false when it fails. */
static bool db_open(struct db *db)
{
    db->conn = connect_with_options("onrecord");
    if (PQstatus(db->conn) != CONNECTION_OK) {
        fprintf(stderr, "onrecord: database connection failed: %s", PQerrorMessage(db->conn));
        goto fail;
    }
    for (size_t i = 0; i < embedded_queries_count; i++) {
        PGresult *r =
            PQprepare(db->conn, embedded_queries[i].name, embedded_queries[i].text, 0, NULL);
        bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok)
            fprintf(stderr, "onrecord: preparing %s failed: %s", embedded_queries[i].name,
                    PQresultErrorMessage(r));
        PQclear(r);
        if (!ok)
            goto fail;
    }
    return true;
fail:
    PQfinish(db->conn);
    db->conn = NULL;
    return false;
}

/* True for SQLSTATEs that mean "the server is not there right now". */
static bool is_unavailable(const char *sqlstate)
{
    return sqlstate && (strncmp(sqlstate, "08", 2) == 0 || strncmp(sqlstate, "57P", 3) == 0 ||
                        strcmp(sqlstate, "53300") == 0);
}

/*
 * Errors the write functions raise on purpose (SQLSTATEs ORxx0, see
 * db/WRITES.md) and constraint violations, mapped to problems. Anything
 * else is a bug: logged, and answered 500.
 */
static const struct {
    const char *sqlstate; /* a prefix */
    enum problem_code code;
} db_errors[] = {
    {"ORNF0", PROBLEM_NOT_FOUND},
    {"ORRF0", PROBLEM_INVALID_BODY},
    {"ORPC0", PROBLEM_PRECONDITION_FAILED},
    {"ORIK0", PROBLEM_IDEMPOTENCY_MISMATCH},
    {"ORBP0", PROBLEM_BAD_PARAMETER}, /* DETAIL names the parameter */
    {"23505", PROBLEM_CONFLICT},      /* unique_violation: duplicate slug */
    {"23503", PROBLEM_CONFLICT},      /* foreign_key_violation: still referenced */
    {"23514", PROBLEM_INVALID_BODY},  /* check_violation */
    {"23502", PROBLEM_INVALID_BODY},  /* not_null_violation */
    {"22", PROBLEM_INVALID_BODY},     /* data exceptions: a value PostgreSQL refused */
    {"57014", PROBLEM_QUERY_TIMEOUT}, /* statement_timeout */
};

/* Two-field rules checked by the database, and the field a 422 should name. */
static const struct {
    const char *constraint;
    const char *pointer;
} constraint_fields[] = {
    {"statements_status_note_required", "/status_note"},
    {"statements_said_by_required", "/actor"},
    {"stances_condition_iff_conditional", "/condition"},
    {"roles_end_not_before_start", "/end"},
    {"recognitions_state_not_territory", "/territory"},
    {"recognitions_withdrawn_not_before", "/withdrawn_on"},
    {"sources_relays_not_itself", "/relays"},
};

static const char *constraint_pointer(const PGresult *r)
{
    const char *name = PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME);
    for (size_t i = 0; name && i < sizeof constraint_fields / sizeof constraint_fields[0]; i++)
        if (strcmp(constraint_fields[i].constraint, name) == 0)
            return constraint_fields[i].pointer;
    return NULL;
}

static void map_error(enum query_id id, const PGresult *r, struct response *res)
{
    const char *sqlstate = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    const char *message = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
    const char *detail = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL);
    for (size_t i = 0; i < sizeof db_errors / sizeof db_errors[0]; i++) {
        if (strncmp(sqlstate, db_errors[i].sqlstate, strlen(db_errors[i].sqlstate)) != 0)
            continue;
        enum problem_code code = db_errors[i].code;
        bool ours = sqlstate[0] == 'O' && sqlstate[1] == 'R';
        if (code == PROBLEM_QUERY_TIMEOUT) {
            response_add_header(res, "Retry-After", "5");
            fail(res, code, NULL, "the query ran longer than the statement timeout; narrow it");
        } else if (ours) {
            fail(res, code, code == PROBLEM_BAD_PARAMETER ? detail : NULL, "%s",
                 message ? message : "rejected");
            if (code == PROBLEM_INVALID_BODY)
                problem_add_field(res, detail ? detail : "", "%s", message ? message : "");
        } else if (strcmp(sqlstate, "23503") == 0) {
            fail(res, code, NULL, "the record is still referenced: %s",
                 detail    ? detail
                 : message ? message
                           : "");
        } else if (strcmp(sqlstate, "23505") == 0) {
            fail(res, code, NULL, "a record with this key already exists: %s",
                 detail    ? detail
                 : message ? message
                           : "");
        } else {
            /* Our functions put the field's JSON pointer in DETAIL where they know it. */
            const char *pointer = constraint_pointer(r);
            if (!pointer && detail && (detail[0] == '/' || detail[0] == '\0'))
                pointer = detail;
            fail(res, code, NULL, "the database refused the record: %s",
                 message ? message : sqlstate);
            problem_add_field(res, pointer ? pointer : "", "%s", message ? message : sqlstate);
        }
        return;
    }
    fprintf(stderr, "onrecord: query %s failed (%s): %s", embedded_queries[id].name, sqlstate,
            PQresultErrorMessage(r));
    fail(res, PROBLEM_INTERNAL, NULL, "the query failed; this is a bug, and it was logged");
}

PGresult *db_query(struct db *db, struct response *res, enum query_id id, int nparams,
                   const char *const *values)
{
    if (!db->conn && !db_open(db)) {
        response_add_header(res, "Retry-After", "2");
        fail(res, PROBLEM_UNAVAILABLE, NULL, "the database cannot be reached; retry shortly");
        return NULL;
    }
    PGresult *r =
        PQexecPrepared(db->conn, embedded_queries[id].name, nparams, values, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
        return r;

    const char *sqlstate = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    bool lost = PQstatus(db->conn) != CONNECTION_OK || sqlstate == NULL;
    if (lost || is_unavailable(sqlstate)) {
        fprintf(stderr, "onrecord: query %s: database unavailable: %s", embedded_queries[id].name,
                PQerrorMessage(db->conn));
        if (lost) {
            PQfinish(db->conn);
            db->conn = NULL;
        }
        response_add_header(res, "Retry-After", "2");
        fail(res, PROBLEM_UNAVAILABLE, NULL, "the database cannot be reached; retry shortly");
    } else {
        map_error(id, r, res);
    }
    PQclear(r);
    return NULL;
}

static void release_result(void *cls)
{
    PQclear(cls);
}

void response_take_result(struct response *res, int status, PGresult *result, int row, int col)
{
    res->status = status;
    res->content_type = "application/json";
    res->body = PQgetvalue(result, row, col);
    res->len = (size_t)PQgetlength(result, row, col);
    res->release = release_result;
    res->release_cls = result;
}

/* Runs a command with parameters; prints the error and returns false on failure. */
static bool exec_ok(PGconn *conn, const char *sql, int nparams, const char *const *values)
{
    PGresult *r =
        nparams ? PQexecParams(conn, sql, nparams, NULL, values, NULL, NULL, 0) : PQexec(conn, sql);
    ExecStatusType st = PQresultStatus(r);
    bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (!ok)
        fprintf(stderr, "onrecord: %s", PQresultErrorMessage(r));
    PQclear(r);
    return ok;
}

int db_apply_files(PGconn *conn, const char *ledger, const struct sql_file *files, size_t count)
{
    /* The ledger name is one of two constants, never request text. */
    char sql[512];
    snprintf(sql, sizeof sql,
             "CREATE TABLE IF NOT EXISTS %s (name text PRIMARY KEY, "
             "applied_at timestamptz NOT NULL DEFAULT now())",
             ledger);
    if (!exec_ok(conn, "SELECT pg_advisory_lock(7210433)", 0, NULL))
        return -1;
    int rc = exec_ok(conn, sql, 0, NULL) ? 0 : -1;
    size_t applied = 0;
    for (size_t i = 0; i < count && rc == 0; i++) {
        const char *name = files[i].name;
        snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE name = $1", ledger);
        PGresult *r = PQexecParams(conn, sql, 1, NULL, &name, NULL, NULL, 0);
        bool done = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
        bool failed = PQresultStatus(r) != PGRES_TUPLES_OK;
        PQclear(r);
        if (failed) {
            rc = -1;
            break;
        }
        if (done)
            continue;
        snprintf(sql, sizeof sql, "INSERT INTO %s (name) VALUES ($1)", ledger);
        bool ok = exec_ok(conn, "BEGIN", 0, NULL) && exec_ok(conn, files[i].text, 0, NULL) &&
                  exec_ok(conn, sql, 1, &name) && exec_ok(conn, "COMMIT", 0, NULL);
        if (!ok) {
            fprintf(stderr, "onrecord: %s failed; nothing from it was applied\n", name);
            exec_ok(conn, "ROLLBACK", 0, NULL);
            rc = -1;
            break;
        }
        printf("applied %s\n", name);
        applied++;
    }
    exec_ok(conn, "SELECT pg_advisory_unlock(7210433)", 0, NULL);
    if (rc == 0 && applied == 0)
        printf("%s: nothing to apply\n", ledger);
    return rc;
}
