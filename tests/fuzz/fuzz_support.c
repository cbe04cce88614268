/*
 * fuzz_support.c - the drivers' shared helpers, and db.c's public functions
 * as stand-ins: the drivers link every server file but db.c (and main.c),
 * so a handler runs for real up to its first query, which is checked and
 * answered 503 without a database.
 */
#include "fuzz_support.h"
#include "db.h"
#include "util.h"

#include <jansson.h>
#include <string.h>

void (*fuzz_query_hook)(enum query_id id, int nparams, const char *const *values);
unsigned long fuzz_queries;

char *fuzz_copy(const uint8_t *data, size_t size)
{
    char *s = xmalloc(size + 1);
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

char *fuzz_line(char **cursor)
{
    char *line = *cursor;
    if (!line)
        return NULL;
    char *nl = strchr(line, '\n');
    if (nl) {
        *nl = '\0';
        *cursor = nl + 1;
    } else {
        *cursor = NULL;
    }
    return line;
}

void fuzz_finish(struct response *res, const char *instance)
{
    if (res->problem.code != PROBLEM_NONE) {
        FUZZ_ASSERT(res->problem.code != PROBLEM_INTERNAL);
        problem_render(res, instance, "fuzz");
        FUZZ_ASSERT(res->status >= 400 && res->status < 600 && res->status != 500);
        json_error_t error;
        json_t *doc = json_loadb(res->body, res->len, 0, &error);
        FUZZ_ASSERT(doc && json_is_object(doc));
        FUZZ_ASSERT(json_integer_value(json_object_get(doc, "status")) == res->status);
        FUZZ_ASSERT(json_is_string(json_object_get(doc, "detail")));
        json_decref(doc);
    }
    response_reset(res);
}

/* ---- db.c's public functions, without a database ---- */

PGresult *db_query(struct request *req, struct response *res, enum query_id id, int nparams,
                   const char *const *values)
{
    (void)req;
    FUZZ_ASSERT(id >= 0 && id < QUERY_COUNT);
    FUZZ_ASSERT(nparams >= 0 && nparams <= 32);
    for (int i = 0; i < nparams; i++) {
        const char *v = values[i];
        size_t n = v ? strlen(v) : 0;
        FUZZ_ASSERT(!v || is_utf8(v, n));
    }
    fuzz_queries++;
    if (fuzz_query_hook)
        fuzz_query_hook(id, nparams, values);
    response_add_header(res, "Retry-After", "2");
    fail(res, PROBLEM_UNAVAILABLE, NULL, "the database cannot be reached; retry shortly");
    return NULL;
}

void db_timed_out(struct response *res, const char *detail)
{
    response_add_header(res, "Retry-After", "5");
    fail(res, PROBLEM_QUERY_TIMEOUT, NULL, "%s", detail);
}

void db_calls_reset(struct db_calls *calls)
{
    memset(calls, 0, sizeof *calls);
}

void db_configure(const char *database_url, long statement_timeout_ms, int read_connections)
{
    (void)database_url, (void)statement_timeout_ms, (void)read_connections;
}

struct db *db_for_thread(void)
{
    return NULL;
}

void response_take_result(struct response *res, int status, PGresult *result, int row, int col)
{
    (void)res, (void)status, (void)result, (void)row, (void)col;
    FUZZ_ASSERT(!"response_take_result without a result");
}

PGconn *db_connect_plain(char *err, size_t errlen)
{
    snprintf(err, errlen, "no database in a fuzz driver\n");
    return NULL;
}

PGconn *db_connect_named(const char *application_name, char *err, size_t errlen)
{
    (void)application_name;
    return db_connect_plain(err, errlen);
}
