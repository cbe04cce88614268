/*
 * fuzz_support.c - the drivers' shared helpers, and db.c's public functions
 * as stand-ins: the drivers link every server file but db.c (and main.c),
 * so a handler runs for real up to its first query, which is checked and
 * answered 503 without a database.
 */
#include "fuzz_support.h"
#include "db.h"
#include "util.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
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

/* ---- what PostgreSQL would make of a parameter ---- */

/*
 * The type query `id` casts parameter n (1-based) to: the first "$n::type"
 * in its SQL ("" when it has no cast), in out (size bytes).
 */
static void cast_of(enum query_id id, int n, char *out, size_t size)
{
    char mark[16];
    int len = snprintf(mark, sizeof mark, "$%d::", n);
    out[0] = '\0';
    for (const char *p = embedded_queries[id].text; (p = strstr(p, mark)); p += len) {
        if (p[len] >= '0' && p[len] <= '9')
            continue; /* $1 is not $12 */
        size_t k = strspn(p + len, "abcdefghijklmnopqrstuvwxyz_[]");
        snprintf(out, size, "%.*s", (int)k, p + len);
        return;
    }
}

/* True when PostgreSQL 15 takes v as a value of type (those our queries cast to). */
static bool pg_accepts(const char *type, const char *v)
{
    char *end;
    errno = 0;
    if (strcmp(type, "bigint") == 0) {
        (void)strtoll(v, &end, 10);
        return *v && *end == '\0' && errno != ERANGE;
    }
    if (strcmp(type, "real") == 0) {
        /* float4in: out of range when strtof overflows, or underflows to zero. */
        float f = strtof(v, &end);
        return *v && *end == '\0' && !(errno == ERANGE && (f == 0 || isinf(f)));
    }
    if (strcmp(type, "date") == 0)
        return is_date(v);
    if (strcmp(type, "boolean") == 0)
        return strcmp(v, "true") == 0 || strcmp(v, "false") == 0;
    if (strcmp(type, "text[]") == 0)
        return v[0] == '{' && v[strlen(v) - 1] == '}';
    if (strcmp(type, "jsonb") == 0) {
        json_error_t error;
        json_t *doc = json_loads(v, JSON_DECODE_ANY, &error);
        json_decref(doc);
        return doc != NULL;
    }
    return true; /* text, or no cast */
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
        char type[32];
        cast_of(id, i + 1, type, sizeof type);
        if (v && !pg_accepts(type, v)) {
            fprintf(stderr, "fuzz: query %s: $%d = \"%s\" is not a valid %s\n",
                    embedded_queries[id].name, i + 1, v, type);
            FUZZ_ASSERT(!"a parameter PostgreSQL would refuse");
        }
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
