/*
 * db.h - database access for handlers and commands: one PostgreSQL
 * connection per worker thread, opened lazily, with every query in db/queries
 * prepared at connect; reconnects on the next request after a failure.
 */
#ifndef ONRECORD_DB_H
#define ONRECORD_DB_H

#include "api.h"
#include "embedded_sql.h"

#include <libpq-fe.h>

/* Sets the connection string and per-session settings; call once at start. */
void db_configure(const char *database_url, long statement_timeout_ms);

/* This thread's connection handle (created on first use, freed at thread exit). */
struct db *db_for_thread(void);

/*
 * Runs prepared query `id` with text parameters (NULL = SQL NULL). Returns a
 * result with PGRES_TUPLES_OK or PGRES_COMMAND_OK, which the caller owns
 * (PQclear, or hand it to a response with response_take_result()); or NULL
 * after recording a problem in res: 503 when the database cannot be reached,
 * 500 for anything else.
 */
PGresult *db_query(struct db *db, struct response *res, enum query_id id, int nparams,
                   const char *const *values);

/*
 * Makes the text in row `row`, column `col` of result the response body,
 * without copying; the result is freed once the body has been sent.
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
