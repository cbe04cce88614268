/*
 * export.c - streaming exports. A list query runs on its own connection in
 * libpq's single-row mode; the HTTP layer pulls bytes through export_read(),
 * which turns one row at a time into a CSV line or an NDJSON line. Nothing
 * but the current row is held in memory.
 */
#include "export.h"
#include "db.h"
#include "util.h"

#include <jansson.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each export holds a database connection of its own: cap them. */
#define MAX_EXPORTS 8
static atomic_int running_exports;

struct export
{
    PGconn *conn;
    PGresult *first; /* the first row, fetched before the status line went out */
    enum export_format format;
    const char *const *columns;
    struct buf pending; /* formatted bytes not yet handed over */
    size_t offset;
    bool done;
};

int export_format_of(const struct request *req, struct response *res, enum export_format *out)
{
    const char *f = query_get(req, "format");
    if (f) {
        if (strcmp(f, "csv") == 0)
            *out = FORMAT_CSV;
        else if (strcmp(f, "ndjson") == 0)
            *out = FORMAT_NDJSON;
        else if (strcmp(f, "json") == 0)
            *out = FORMAT_JSON;
        else
            return fail(res, PROBLEM_BAD_PARAMETER, "format",
                        "format must be one of: json, csv, ndjson");
        return 0;
    }
    *out = FORMAT_JSON;
    if (!req->accept)
        return 0;
    /* The listed type with the highest q wins; JSON on ties and by default. */
    double best = 0;
    for (const char *p = req->accept; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t n = strcspn(p, ",");
        char item[96];
        snprintf(item, sizeof item, "%.*s", (int)(n < sizeof item ? n : sizeof item - 1), p);
        p += n;
        double q = 1;
        char *semi = strchr(item, ';');
        if (semi) {
            const char *qs = strstr(semi, "q=");
            q = qs ? strtod(qs + 2, NULL) : 1;
            *semi = '\0';
        }
        for (char *e = item + strlen(item); e > item && e[-1] == ' ';)
            *--e = '\0';
        enum export_format f;
        if (strcmp(item, "text/csv") == 0)
            f = FORMAT_CSV;
        else if (strcmp(item, "application/x-ndjson") == 0 || strcmp(item, "application/ndjson") == 0)
            f = FORMAT_NDJSON;
        else if (strcmp(item, "application/json") == 0 || strcmp(item, "*/*") == 0 ||
                 strcmp(item, "application/*") == 0)
            f = FORMAT_JSON;
        else
            continue;
        if (q > best || (q == best && f == FORMAT_JSON && q > 0)) {
            best = q;
            *out = f;
        }
    }
    if (best <= 0)
        *out = FORMAT_JSON;
    return 0;
}

void csv_field(struct buf *out, const char *value, size_t len)
{
    if (strcspn(value, ",\"\r\n") >= len) {
        buf_append(out, value, len);
        return;
    }
    buf_append(out, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        if (value[i] == '"')
            buf_append(out, "\"", 1);
        buf_append(out, value + i, 1);
    }
    buf_append(out, "\"", 1);
}

/* The value at a dotted path ("actor.slug") of an object, or NULL. */
static json_t *lookup(json_t *obj, const char *path)
{
    char part[64];
    while (obj && *path) {
        size_t n = strcspn(path, ".");
        snprintf(part, sizeof part, "%.*s", (int)(n < sizeof part ? n : sizeof part - 1), path);
        obj = json_is_object(obj) ? json_object_get(obj, part) : NULL;
        path += n + (path[n] == '.');
    }
    return obj;
}

static void csv_header(struct export *ex)
{
    for (size_t i = 0; ex->columns[i]; i++) {
        if (i)
            buf_append(&ex->pending, ",", 1);
        csv_field(&ex->pending, ex->columns[i], strlen(ex->columns[i]));
    }
    buf_append(&ex->pending, "\r\n", 2);
}

static void csv_row(struct export *ex, const char *text, size_t len)
{
    json_t *row = json_loadb(text, len, 0, NULL);
    for (size_t i = 0; ex->columns[i]; i++) {
        if (i)
            buf_append(&ex->pending, ",", 1);
        json_t *v = lookup(row, ex->columns[i]);
        if (!v || json_is_null(v))
            continue;
        if (json_is_string(v)) {
            csv_field(&ex->pending, json_string_value(v), json_string_length(v));
        } else if (json_is_true(v) || json_is_false(v)) {
            buf_puts(&ex->pending, json_is_true(v) ? "true" : "false");
        } else {
            char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
            if (s) {
                csv_field(&ex->pending, s, strlen(s));
                free(s);
            }
        }
    }
    buf_append(&ex->pending, "\r\n", 2);
    json_decref(row);
}

/* Formats the next row into ex->pending; false when there are no more. */
static bool next_row(struct export *ex, bool *error)
{
    PGresult *r = ex->first ? ex->first : PQgetResult(ex->conn);
    ex->first = NULL;
    if (!r)
        return false;
    ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_SINGLE_TUPLE) {
        const char *text = PQgetvalue(r, 0, 0);
        size_t len = (size_t)PQgetlength(r, 0, 0);
        if (ex->format == FORMAT_CSV) {
            csv_row(ex, text, len);
        } else {
            buf_append(&ex->pending, text, len);
            buf_append(&ex->pending, "\n", 1);
        }
        PQclear(r);
        return true;
    }
    if (st != PGRES_TUPLES_OK) {
        fprintf(stderr, "onrecord: export failed: %s", PQresultErrorMessage(r));
        *error = true;
    }
    PQclear(r);
    /* Drain what is left so the connection could be reused, then stop. */
    while ((r = PQgetResult(ex->conn)))
        PQclear(r);
    return false;
}

static long export_read(void *cls, char *out, size_t max)
{
    struct export *ex = cls;
    size_t n = 0;
    bool error = false;
    while (n < max) {
        if (ex->offset < ex->pending.len) {
            size_t k = ex->pending.len - ex->offset;
            if (k > max - n)
                k = max - n;
            memcpy(out + n, ex->pending.data + ex->offset, k);
            ex->offset += k;
            n += k;
            continue;
        }
        ex->pending.len = 0;
        ex->offset = 0;
        if (ex->done || !next_row(ex, &error)) {
            ex->done = true;
            break;
        }
    }
    if (error && n == 0)
        return -1;
    return (long)n;
}

static void export_release(void *cls)
{
    struct export *ex = cls;
    if (ex->first)
        PQclear(ex->first);
    PQfinish(ex->conn);
    buf_free(&ex->pending);
    free(ex);
    atomic_fetch_sub(&running_exports, 1);
}

int export_start(struct response *res, enum query_id id, int nparams, const char *const *values,
                 enum export_format format, const char *const *columns)
{
    if (atomic_fetch_add(&running_exports, 1) >= MAX_EXPORTS) {
        atomic_fetch_sub(&running_exports, 1);
        response_add_header(res, "Retry-After", "5");
        return fail(res, PROBLEM_UNAVAILABLE, NULL, "%d exports are running already; retry shortly",
                    MAX_EXPORTS);
    }
    char err[256];
    PGconn *conn = db_connect_named("onrecord export", err, sizeof err);
    if (!conn) {
        atomic_fetch_sub(&running_exports, 1);
        fprintf(stderr, "onrecord: export connection failed: %s", err);
        response_add_header(res, "Retry-After", "2");
        return fail(res, PROBLEM_UNAVAILABLE, NULL,
                    "the database cannot be reached; retry shortly");
    }
    /* An export lasts as long as the client reads: no statement timeout. */
    PQclear(PQexec(conn, "SET statement_timeout = 0"));
    if (!PQsendQueryParams(conn, embedded_queries[id].text, nparams, NULL, values, NULL, NULL, 0) ||
        !PQsetSingleRowMode(conn)) {
        fprintf(stderr, "onrecord: export could not start: %s", PQerrorMessage(conn));
        PQfinish(conn);
        atomic_fetch_sub(&running_exports, 1);
        return fail(res, PROBLEM_INTERNAL, NULL, "the export could not start; this was logged");
    }
    struct export *ex = xcalloc(1, sizeof *ex);
    ex->conn = conn;
    ex->format = format;
    ex->columns = columns;
    /* Wait for the first row, so a failing query still gets a proper error. */
    ex->first = PQgetResult(conn);
    ExecStatusType st = PQresultStatus(ex->first);
    if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK) {
        const char *sqlstate = PQresultErrorField(ex->first, PG_DIAG_SQLSTATE);
        fprintf(stderr, "onrecord: export failed (%s): %s", sqlstate ? sqlstate : "?",
                PQresultErrorMessage(ex->first));
        bool timeout = sqlstate && strcmp(sqlstate, "57014") == 0;
        export_release(ex);
        if (timeout) {
            response_add_header(res, "Retry-After", "5");
            return fail(res, PROBLEM_QUERY_TIMEOUT, NULL,
                        "the export ran past the statement timeout");
        }
        return fail(res, PROBLEM_INTERNAL, NULL, "the export failed; this was logged");
    }
    if (format == FORMAT_CSV)
        csv_header(ex);
    res->status = 200;
    res->content_type = format == FORMAT_CSV ? "text/csv" : "application/x-ndjson";
    res->body = NULL;
    res->len = 0;
    res->stream.read = export_read;
    res->stream.release = export_release;
    res->stream.cls = ex;
    return 0;
}
