/*
 * db.h - database access for handlers and commands. Each worker thread has
 * its own PostgreSQL connections, opened lazily, with every query in
 * db/queries prepared at connect: one or more pipelined ones for reads,
 * whose queries are sent without waiting (the request waits, and its
 * handler is run again when the result is in: see struct db_calls), and a
 * plain one for writes. A connection that fails is reopened on the next
 * request.
 */
#ifndef ONRECORD_DB_H
#define ONRECORD_DB_H

#include "api.h"
#include "config.h"
#include "embedded_sql.h"

#include <libpq-fe.h>

/* Queries one request may run (a list checks its parent; a keyed read looks up its key). */
#define DB_MAX_CALLS 4
/* Pipelined read connections a worker thread may have: the setting's limit. */
#define DB_MAX_PIPES MAX_READ_CONNECTIONS

/*
 * The queries one request has run, with their results, which belong to the
 * request: db_calls_reset() frees them when it completes, so handlers never
 * free a result. For a read, db_query() sends a query to one of the thread's
 * pipelined connections and returns NULL with `waiting` set; the HTTP layer
 * parks the request, and once the result is in, calls the handler again
 * from the start, and db_query() answers each call in turn from the
 * results held. So a handler must not act on the world before its last
 * query: reads only.
 */
struct db_calls {
    PGresult *results[DB_MAX_CALLS];
    int count;                /* results held */
    int next;                 /* which result the next db_query() call gets */
    bool pipelined;           /* reads: send, do not wait */
    bool waiting;             /* a query is in flight: wait, then run the handler again */
    bool lost;                /* the connection failed while the query was in flight */
    int retries;              /* queries re-sent after another one's error aborted them */
    bool costly;              /* a costly query ran: the answer is worth keeping (vcache.h) */
    void (*ready)(void *cls); /* called (on the worker thread) when waiting ends */
    void *ready_cls;
    struct db_calls *queued_next; /* the next request waiting on the same connection */
};

/* Frees the results; the calls can be reused for another request. */
void db_calls_reset(struct db_calls *calls);

/*
 * Sets the connection string, per-session settings and how many pipelined
 * read connections each thread may open (1..DB_MAX_PIPES); call once at
 * start.
 */
void db_configure(const char *database_url, long statement_timeout_ms, int read_connections);

/* This thread's connection handle (created on first use, freed at thread exit). */
struct db *db_for_thread(void);

/*
 * Runs prepared query `id` with text parameters (NULL = SQL NULL) for
 * req (req->db, req->calls). Returns a result with PGRES_TUPLES_OK or
 * PGRES_COMMAND_OK, which the request owns until it completes; or NULL,
 * either after recording a problem in res (503 when the database cannot be
 * reached, a mapped problem for errors our SQL raises, 500 for anything
 * else) or with req->calls->waiting set. Either way the handler returns -1.
 */
PGresult *db_query(struct request *req, struct response *res, enum query_id id, int nparams,
                   const char *const *values);

/*
 * The worker loop's side of the pipelined connections (http.c), numbered
 * 0 to db_pipe_count() - 1. db_pipe_fd() is pipe i's socket, or -1 when
 * none is open (with a count of openings, which tells a new connection that
 * got the old one's number); db_pipe_flush() ends the batch of queries the
 * handlers sent on it and pushes it out, returning true when some is still
 * unsent (wait for the socket to be writable); db_pipe_read() takes what
 * has arrived and ends the wait of each request whose result is in.
 * db_pipes_busy() tells whether any request waits on any of them;
 * db_pipes_close() ends every wait as failed and closes them all, for good:
 * a read sent after it gets 503 (the worker is stopping).
 */
int db_pipe_count(struct db *db);
int db_pipe_fd(struct db *db, int i, unsigned *opened);
bool db_pipe_flush(struct db *db, int i);
void db_pipe_read(struct db *db, int i);
bool db_pipes_busy(struct db *db);
void db_pipes_close(struct db *db);

/* Answers res as a query that ran past the statement timeout: 503, Retry-After. */
void db_timed_out(struct response *res, const char *detail);

/*
 * Makes the text in row `row`, column `col` of result the response body,
 * without copying; the result belongs to the request, as db_query's do.
 */
void response_take_result(struct response *res, int status, PGresult *result, int row, int col);

/* Connects outside the worker pool (for commands); NULL + message on failure. */
PGconn *db_connect_plain(char *err, size_t errlen);
/* The same, naming the connection (application_name) for pg_stat_activity. */
PGconn *db_connect_named(const char *application_name, char *err, size_t errlen);

/*
 * Applies each file of `files` not yet recorded in table `ledger`, each in
 * its own transaction, under an advisory lock so concurrent runs queue up.
 * Prints one line per file applied. Returns 0, or -1 after printing why.
 */
int db_apply_files(PGconn *conn, const char *ledger, const struct sql_file *files, size_t count);

#endif
