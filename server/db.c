/*
 * db.c - per-worker PostgreSQL connections and prepared statements, the
 * pipelined connections reads go through, mapping of database failures to
 * problems, and the migration/seed ledger.
 *
 * Each worker thread owns its connections (no locking, no pool): `pipes`
 * for reads and `conn` for writes, each opened on the first query that
 * needs it. Reads take the pipes in turn. On a pipe, queries from all the
 * requests a worker has in hand go out together, ended by one Sync per
 * batch, and their results come back in the order sent (docs/ARCHITECTURE.md,
 * "Reads are pipelined"). When a query fails because the server went away,
 * the connection is dropped, the requests waiting on it get 503 with
 * Retry-After, and the next query connects again.
 */
#include "db.h"
#include "util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * An error aborts the rest of its batch (PGRES_PIPELINE_ABORTED); those
 * queries are sent again. Each batch runs at least its first query, so
 * every request gets through; this bounds how often one is unlucky.
 */
#define MAX_RETRIES 8

/* One pipelined connection for reads, and the requests waiting on it. */
struct db_pipe {
    PGconn *conn;
    struct db_calls *head, *tail; /* requests waiting, in the order sent */
    int syncs;                    /* Syncs sent whose PGRES_PIPELINE_SYNC is still to come */
    bool unsynced;                /* queries sent since the last Sync */
    unsigned opened;              /* how often conn has been opened */
};

struct db {
    PGconn *conn; /* writes: one query at a time */
    int npipes;   /* pipelined connections for reads, each opened when first needed */
    int turn;     /* the pipe the next read goes down */
    bool closed;  /* db_pipes_close() was called: no read is sent again */
    struct db_pipe pipes[DB_MAX_PIPES];
};

static const char *conninfo = "";
/*
 * Per-session settings. No parallel workers: the server runs many queries
 * at once, and a query that forks workers on a busy machine only competes
 * with its neighbours (bench/RESULTS.md).
 */
static char session_options[192];
static int pipes_per_thread = 1;
static pthread_key_t db_key;
static pthread_once_t db_key_once = PTHREAD_ONCE_INIT;

static void db_destroy(void *p)
{
    struct db *db = p;
    db_pipes_close(db);
    if (db->conn)
        PQfinish(db->conn);
    free(db);
}

static void db_key_create(void)
{
    pthread_key_create(&db_key, db_destroy);
}

void db_configure(const char *database_url, long statement_timeout_ms, int read_connections)
{
    conninfo = database_url ? database_url : "";
    pipes_per_thread = read_connections < 1              ? 1
                       : read_connections > DB_MAX_PIPES ? DB_MAX_PIPES
                                                         : read_connections;
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
        db->npipes = pipes_per_thread;
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

/*
 * Opens a connection and prepares every query; NULL when it fails, with
 * *timed_out set when a PREPARE ran into the statement timeout (it waits for
 * a lock on the tables it names, e.g. one held by a migration): the
 * database is there, but too busy, which is a query-timeout, not
 * "unavailable". An unprepared connection is no use, so it is closed either
 * way; the next request on the thread opens another.
 */
static PGconn *open_prepared(bool *timed_out)
{
    *timed_out = false;
    PGconn *conn = connect_with_options("onrecord");
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "onrecord: database connection failed: %s", PQerrorMessage(conn));
        goto fail;
    }
    for (size_t i = 0; i < embedded_queries_count; i++) {
        PGresult *r = PQprepare(conn, embedded_queries[i].name, embedded_queries[i].text, 0, NULL);
        bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok) {
            const char *sqlstate = PQresultErrorField(r, PG_DIAG_SQLSTATE);
            *timed_out = sqlstate && strcmp(sqlstate, "57014") == 0;
            fprintf(stderr, "onrecord: preparing %s failed: %s", embedded_queries[i].name,
                    PQresultErrorMessage(r));
        }
        PQclear(r);
        if (!ok)
            goto fail;
    }
    return conn;
fail:
    PQfinish(conn);
    return NULL;
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
            db_timed_out(res, "the query ran longer than the statement timeout; narrow it");
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

void db_timed_out(struct response *res, const char *detail)
{
    response_add_header(res, "Retry-After", "5");
    fail(res, PROBLEM_QUERY_TIMEOUT, NULL, "%s", detail);
}

static PGresult *unavailable(struct response *res)
{
    response_add_header(res, "Retry-After", "2");
    fail(res, PROBLEM_UNAVAILABLE, NULL, "the database cannot be reached; retry shortly");
    return NULL;
}

/* A connection could not be opened: why, as a problem (open_prepared). */
static PGresult *not_opened(struct response *res, bool timed_out)
{
    if (!timed_out)
        return unavailable(res);
    db_timed_out(res, "opening a database connection ran longer than the statement timeout "
                      "(a table is locked); retry shortly");
    return NULL;
}

/*
 * Returns r when it holds rows or a command's success; else records the
 * problem and returns NULL. `conn` is the connection r came from when it is
 * still the current one (a plain query): it is dropped when it has failed.
 */
static PGresult *checked(PGconn **conn, struct response *res, enum query_id id, PGresult *r)
{
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
        return r;
    const char *sqlstate = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    bool lost = sqlstate == NULL || (conn && PQstatus(*conn) != CONNECTION_OK);
    if (lost || is_unavailable(sqlstate)) {
        fprintf(stderr, "onrecord: query %s: database unavailable: %s", embedded_queries[id].name,
                PQresultErrorMessage(r));
        /*
         * Dropped even when libpq has not seen the end of it yet: after a
         * FATAL such as "terminating connection due to administrator
         * command" the backend is on its way out, and a request sent down it
         * meanwhile would get a second 503 instead of a new connection.
         */
        if (conn) {
            PQfinish(*conn);
            *conn = NULL;
        }
        return unavailable(res);
    }
    map_error(id, r, res);
    return NULL;
}

void db_calls_reset(struct db_calls *calls)
{
    for (int i = 0; i < calls->count; i++)
        PQclear(calls->results[i]);
    memset(calls, 0, sizeof *calls);
}

/* Ends every wait on p as failed and closes its connection. */
static void pipe_close(struct db_pipe *p)
{
    if (p->conn)
        PQfinish(p->conn);
    p->conn = NULL;
    p->syncs = 0;
    p->unsynced = false;
    while (p->head) {
        struct db_calls *calls = p->head;
        p->head = calls->queued_next;
        calls->waiting = false;
        calls->lost = true;
        calls->ready(calls->ready_cls);
    }
    p->tail = NULL;
}

static bool pipe_open(struct db_pipe *p, bool *timed_out)
{
    p->conn = open_prepared(timed_out);
    p->opened++;
    if (p->conn && PQsetnonblocking(p->conn, 1) == 0 && PQenterPipelineMode(p->conn))
        return true;
    if (p->conn)
        fprintf(stderr, "onrecord: pipeline mode failed: %s", PQerrorMessage(p->conn));
    pipe_close(p);
    return false;
}

/*
 * The connection a new read goes to: each in turn, however long its queue.
 * A pipe whose backend falls behind then soon holds the thread's requests,
 * and the thread slows down with it. Sending reads to the pipe with the
 * fewest waiting, or all of an HTTP connection's reads down one pipe, let
 * the thread go on at full speed through the other; the kernel then left
 * the lagging backend runnable but not running for up to 1.4 s, its
 * requests waiting (bench/RESULTS.md, "A trap on the way").
 */
static struct db_pipe *pick_pipe(struct db *db)
{
    struct db_pipe *p = &db->pipes[db->turn];
    db->turn = (db->turn + 1) % db->npipes;
    return p;
}

/*
 * Sends query `id` on conn: by the name it was prepared under, or, for a
 * query planned for each request (its file says so: server/embed_sql.py), as
 * text, unnamed (db_query does the same without a pipe).
 * PostgreSQL then plans it for these values every time; a prepared one it
 * may switch to a generic plan after five runs, which for the general list
 * queries can take seconds where a custom plan takes a millisecond.
 */
static int send_query(PGconn *conn, enum query_id id, int nparams, const char *const *values)
{
    const struct sql_file *q = &embedded_queries[id];
    if (q->per_request_plan)
        return PQsendQueryParams(conn, q->text, nparams, NULL, values, NULL, NULL, 0);
    return PQsendQueryPrepared(conn, q->name, nparams, values, NULL, NULL, 0);
}

/* Sends a read on a pipelined connection; the request waits for it. */
static PGresult *send_pipelined(struct db *db, struct db_calls *calls, enum query_id id,
                                int nparams, const char *const *values, struct response *res)
{
    if (calls->retries > MAX_RETRIES || db->closed)
        return unavailable(res);
    struct db_pipe *p = pick_pipe(db);
    bool timed_out;
    if (!p->conn && !pipe_open(p, &timed_out))
        return not_opened(res, timed_out);
    /*
     * PostgreSQL holds results back until its output buffer fills or the
     * batch ends; a Flush after each query but the last lets the request
     * before this one have its answer as soon as its query is done.
     */
    bool sent =
        (!p->unsynced || PQsendFlushRequest(p->conn)) && send_query(p->conn, id, nparams, values);
    if (!sent) {
        fprintf(stderr, "onrecord: query %s could not be sent: %s", embedded_queries[id].name,
                PQerrorMessage(p->conn));
        pipe_close(p);
        return unavailable(res);
    }
    calls->waiting = true;
    calls->queued_next = NULL;
    if (p->tail)
        p->tail->queued_next = calls;
    else
        p->head = calls;
    p->tail = calls;
    p->unsynced = true;
    return NULL;
}

PGresult *db_query(struct request *req, struct response *res, enum query_id id, int nparams,
                   const char *const *values)
{
    struct db *db = req->db;
    struct db_calls *calls = req->calls;
    if (embedded_queries[id].costly)
        calls->costly = true;
    if (calls->next < calls->count)
        return checked(NULL, res, id, calls->results[calls->next++]);
    if (calls->lost)
        return unavailable(res);
    if (calls->count == DB_MAX_CALLS) {
        fprintf(stderr, "onrecord: a request ran more than %d queries (%s)\n", DB_MAX_CALLS,
                embedded_queries[id].name);
        fail(res, PROBLEM_INTERNAL, NULL, "the request ran too many queries; this is a bug");
        return NULL;
    }
    if (calls->pipelined)
        return send_pipelined(db, calls, id, nparams, values, res);
    bool timed_out;
    if (!db->conn && !(db->conn = open_prepared(&timed_out)))
        return not_opened(res, timed_out);
    const struct sql_file *q = &embedded_queries[id];
    PGresult *r = q->per_request_plan
                      ? PQexecParams(db->conn, q->text, nparams, NULL, values, NULL, NULL, 0)
                      : PQexecPrepared(db->conn, q->name, nparams, values, NULL, NULL, 0);
    calls->results[calls->count++] = r;
    calls->next = calls->count;
    return checked(&db->conn, res, id, r);
}

int db_pipe_count(struct db *db)
{
    return db->npipes;
}

bool db_pipes_busy(struct db *db)
{
    for (int i = 0; i < db->npipes; i++)
        if (db->pipes[i].head)
            return true;
    return false;
}

int db_pipe_fd(struct db *db, int i, unsigned *opened)
{
    struct db_pipe *p = &db->pipes[i];
    *opened = p->opened;
    return p->conn ? PQsocket(p->conn) : -1;
}

bool db_pipe_flush(struct db *db, int i)
{
    struct db_pipe *p = &db->pipes[i];
    if (!p->conn)
        return false;
    if (p->unsynced) {
        p->unsynced = false;
        if (!PQpipelineSync(p->conn)) {
            fprintf(stderr, "onrecord: pipeline sync failed: %s", PQerrorMessage(p->conn));
            pipe_close(p);
            return false;
        }
        p->syncs++;
    }
    int rc = PQflush(p->conn);
    if (rc < 0) {
        fprintf(stderr, "onrecord: sending queries failed: %s", PQerrorMessage(p->conn));
        pipe_close(p);
        return false;
    }
    return rc == 1;
}

/* Ends the wait of the request whose query was sent first. */
static void deliver(struct db_pipe *p, PGresult *r)
{
    struct db_calls *calls = p->head;
    p->head = calls->queued_next;
    if (!p->head)
        p->tail = NULL;
    calls->waiting = false;
    if (r)
        calls->results[calls->count++] = r;
    else
        calls->retries++;
    calls->ready(calls->ready_cls);
}

void db_pipe_read(struct db *db, int i)
{
    struct db_pipe *p = &db->pipes[i];
    if (!p->conn)
        return;
    if (!PQconsumeInput(p->conn)) {
        fprintf(stderr, "onrecord: reading results failed: %s", PQerrorMessage(p->conn));
        pipe_close(p);
        return;
    }
    /*
     * Each query's result is followed by a NULL, and each batch ends with
     * PGRES_PIPELINE_SYNC. Two NULLs in a row mean nothing more is in.
     */
    int nulls = 0;
    while (p->conn && (p->head || p->syncs > 0) && !PQisBusy(p->conn) && nulls < 2) {
        PGresult *r = PQgetResult(p->conn);
        if (!r) {
            nulls++;
            continue;
        }
        nulls = 0;
        ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_PIPELINE_SYNC) {
            p->syncs--;
            PQclear(r);
        } else if (!p->head) {
            fprintf(stderr, "onrecord: a result nobody waits for (%s)\n", PQresStatus(st));
            PQclear(r);
        } else if (st == PGRES_PIPELINE_ABORTED) {
            PQclear(r);
            deliver(p, NULL); /* an earlier query in its batch failed: send it again */
        } else {
            /* The backend is ending the connection (checked() above): close it now. */
            bool ending =
                st == PGRES_FATAL_ERROR && is_unavailable(PQresultErrorField(r, PG_DIAG_SQLSTATE));
            deliver(p, r);
            if (ending) {
                fprintf(stderr, "onrecord: the database is ending a read connection\n");
                pipe_close(p);
            }
        }
    }
    if (p->conn && PQstatus(p->conn) != CONNECTION_OK) {
        fprintf(stderr, "onrecord: the database connection broke: %s", PQerrorMessage(p->conn));
        pipe_close(p);
    }
}

void db_pipes_close(struct db *db)
{
    db->closed = true;
    for (int i = 0; i < db->npipes; i++)
        pipe_close(&db->pipes[i]);
}

void response_take_result(struct response *res, int status, PGresult *result, int row, int col)
{
    res->status = status;
    res->content_type = "application/json";
    res->body = PQgetvalue(result, row, col);
    res->len = (size_t)PQgetlength(result, row, col);
    res->release = NULL;
    res->release_cls = NULL;
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
