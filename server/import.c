/*
 * import.c - `onrecord import FILE`: loads NDJSON, one record per line:
 *
 *   {"type": "statement", "actor": "alan-gagloev", "said_on": "2024-08", ...}
 *
 * `type` is actor, outlet, topic, source, role, statement, stance or
 * recognition; the rest of the line is exactly the body POST would take,
 * checked by the same rules (validate.c) and written by the same database
 * function (onrecord_write), so an import and an API write cannot disagree.
 * Bad lines are reported with their number and reason and skipped; good
 * lines are written in transactions of BATCH lines. Each line's idempotency
 * key is a hash of its content, so importing a file again adds nothing.
 *
 * Statements, the bulk of any real import, go a batch at a time through
 * onrecord_import_statements (db/migrations/0007_bulk_import.sql): one round
 * trip and set-based INSERTs for BATCH lines. If the database refuses
 * anything in a batch, the batch is rolled back and its lines are written
 * one by one through onrecord_write (a savepoint per line, so one bad
 * reference does not undo its neighbours), which names the line and field.
 * Other types are always written line by line, in file order.
 */
#include "import.h"
#include "db.h"
#include "util.h"
#include "write.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BATCH 500
#define MAX_LINE (1L << 20)
#define IMPORT_ACTOR "import"

static const struct {
    const char *type;
    const struct resource_desc *resource;
} types[] = {
    {"actor", &actors_resource},   {"outlet", &outlets_resource},
    {"topic", &topics_resource},   {"source", &sources_resource},
    {"role", &roles_resource},     {"statement", &statements_resource},
    {"stance", &stances_resource}, {"recognition", &recognitions_resource},
};

/* Statement lines waiting to be written together. */
struct statement_batch {
    size_t n;
    long line[BATCH];
    char *text[BATCH]; /* the line as read (its fingerprint is the key) */
    size_t len[BATCH];
    char *body[BATCH]; /* the checked body */
};

struct import_stats {
    long lines, written, present, rejected;
    off_t bytes, size;
    struct timespec started, last_draw;
    bool tty;
};

/* A progress bar with rate and ETA, redrawn at most 10 times a second. */
static void draw_progress(struct import_stats *st, bool final)
{
    if (!st->tty || (!final && seconds_since(&st->last_draw) < 0.1))
        return;
    clock_gettime(CLOCK_MONOTONIC, &st->last_draw);
    double elapsed = seconds_since(&st->started);
    double rate = elapsed > 0 ? (double)st->lines / elapsed : 0;
    double frac = st->size > 0 ? (double)st->bytes / (double)st->size : 0;
    if (frac > 1)
        frac = 1;
    double eta = frac > 0 ? elapsed / frac - elapsed : 0;
    char bar[31];
    int filled = (int)(frac * 30);
    for (int i = 0; i < 30; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[30] = '\0';
    fprintf(stderr, "\r[%s] %3.0f%% %ld lines  %.0f/s  ETA %.0fs ", bar, frac * 100, st->lines,
            rate, final ? 0.0 : eta);
    if (final)
        fputc('\n', stderr);
}

/* Two independent 64-bit FNV-1a hashes: a 128-bit fingerprint of a line. */
static void fingerprint(const char *s, size_t n, char *out, size_t size)
{
    uint64_t a = 14695981039346656037ULL, b = 1099511628211ULL * 31;
    for (size_t i = 0; i < n; i++) {
        a = (a ^ (unsigned char)s[i]) * 1099511628211ULL;
        b = (b ^ (unsigned char)s[n - 1 - i]) * 1099511628211ULL;
    }
    snprintf(out, size, "import:%016" PRIx64 "%016" PRIx64, a, b);
}

static bool exec_simple(PGconn *conn, const char *sql)
{
    PGresult *r = PQexec(conn, sql);
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok)
        fprintf(stderr, "onrecord: %s", PQresultErrorMessage(r));
    PQclear(r);
    return ok;
}

/* Prints every problem recorded for a line. */
static void report(const char *file, long line, const struct response *res)
{
    if (res->problem.nerrors == 0)
        fprintf(stderr, "%s:%ld: %s\n", file, line, res->problem.detail);
    for (size_t i = 0; i < res->problem.nerrors; i++)
        fprintf(stderr, "%s:%ld: %s %s\n", file, line,
                res->problem.errors[i].pointer[0] ? res->problem.errors[i].pointer : "(line)",
                res->problem.errors[i].reason);
}

/* One line's checks before any database (import.h). */
char *import_check_line(const char *text, size_t len, const struct resource_desc **resource,
                        struct response *res)
{
    *resource = NULL;
    if (len > MAX_LINE) {
        fail(res, PROBLEM_BODY_TOO_LARGE, NULL, "line longer than %ld bytes", MAX_LINE);
        return NULL;
    }
    if (!is_utf8(text, len)) {
        fail(res, PROBLEM_INVALID_BODY, NULL, "line is not valid UTF-8");
        return NULL;
    }
    json_error_t error;
    json_t *doc = json_loadb(text, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &error);
    if (!doc) {
        fail(res, PROBLEM_MALFORMED_JSON, NULL, "malformed JSON at column %d: %s", error.column,
             error.text);
        return NULL;
    }
    char *body = NULL;
    const char *type = json_string_value(json_object_get(doc, "type"));
    *resource = NULL;
    for (size_t i = 0; type && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(types[i].type, type) == 0)
            *resource = types[i].resource;
    if (!json_is_object(doc) || !*resource) {
        fail(res, PROBLEM_INVALID_BODY, NULL,
             "each line needs \"type\": actor, outlet, topic, source, role, statement, stance "
             "or recognition");
    } else {
        json_object_del(doc, "type");
        if (body_validate(doc, (*resource)->fields, false, res) == 0)
            body = json_dumps(doc, JSON_COMPACT);
    }
    json_decref(doc);
    return body;
}

/* Writes one validated line inside the open transaction. */
static void write_line(PGconn *conn, const char *file, long line, const char *text, size_t len,
                       const struct resource_desc *resource, const char *body,
                       struct import_stats *st)
{
    char key[64];
    fingerprint(text, len, key, sizeof key);
    const char *values[7] = {"create", resource->name, NULL, body, NULL, IMPORT_ACTOR, key};
    const char *seen_values[2] = {IMPORT_ACTOR, key};
    PGresult *seen = PQexecPrepared(conn, "import_seen", 2, seen_values, NULL, NULL, 0);
    bool present = PQresultStatus(seen) == PGRES_TUPLES_OK && PQntuples(seen) > 0;
    PQclear(seen);
    if (present) {
        st->present++;
        return;
    }
    exec_simple(conn, "SAVEPOINT line");
    PGresult *r = PQexecPrepared(conn, "import_write", 7, values, NULL, NULL, 0);
    if (PQresultStatus(r) == PGRES_TUPLES_OK) {
        exec_simple(conn, "RELEASE SAVEPOINT line");
        st->written++;
    } else {
        const char *sqlstate = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        const char *message = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
        const char *detail = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL);
        exec_simple(conn, "ROLLBACK TO SAVEPOINT line");
        if (sqlstate && strcmp(sqlstate, "23505") == 0) {
            /* Identical lines were caught by their fingerprint: this is another record. */
            fprintf(stderr, "%s:%ld: a record with this key already exists: %s\n", file, line,
                    detail    ? detail
                    : message ? message
                              : "duplicate");
            st->rejected++;
        } else {
            fprintf(stderr, "%s:%ld: %s%s%s\n", file, line, message ? message : "rejected",
                    detail ? " at " : "", detail ? detail : "");
            st->rejected++;
        }
    }
    PQclear(r);
}

static bool next_transaction(PGconn *conn)
{
    return exec_simple(conn, "COMMIT") && exec_simple(conn, "BEGIN");
}

static void batch_add(struct statement_batch *b, long line, const char *text, size_t len,
                      char *body)
{
    b->line[b->n] = line;
    b->text[b->n] = xmalloc(len + 1);
    memcpy(b->text[b->n], text, len + 1);
    b->len[b->n] = len;
    b->body[b->n] = body;
    b->n++;
}

static void batch_clear(struct statement_batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        free(b->text[i]);
        free(b->body[i]);
    }
    b->n = 0;
}

/*
 * Writes the batched statements in one call, inside the open transaction;
 * if that fails, line by line. False only when the connection is unusable.
 */
static bool flush_statements(PGconn *conn, const char *file, struct statement_batch *b,
                             struct import_stats *st)
{
    struct buf bodies = {0}, keys = {0};
    buf_puts(&bodies, "[");
    buf_puts(&keys, "{");
    for (size_t i = 0; i < b->n; i++) {
        char key[64];
        fingerprint(b->text[i], b->len[i], key, sizeof key);
        buf_puts(&bodies, i ? "," : "");
        buf_puts(&bodies, b->body[i]);
        buf_printf(&keys, "%s%s", i ? "," : "", key); /* import:<hex>: no quoting needed */
    }
    buf_puts(&bodies, "]");
    buf_puts(&keys, "}");
    bool ok = exec_simple(conn, "SAVEPOINT batch");
    const char *values[3] = {bodies.data, keys.data, IMPORT_ACTOR};
    PGresult *r = ok ? PQexecPrepared(conn, "import_statements", 3, values, NULL, NULL, 0) : NULL;
    if (r && PQresultStatus(r) == PGRES_TUPLES_OK) {
        long written = atol(PQgetvalue(r, 0, 0));
        st->written += written;
        st->present += (long)b->n - written;
        ok = exec_simple(conn, "RELEASE SAVEPOINT batch");
    } else if (ok) {
        /* Something in it was refused: find out what, line by line. */
        ok = exec_simple(conn, "ROLLBACK TO SAVEPOINT batch");
        for (size_t i = 0; ok && i < b->n; i++)
            write_line(conn, file, b->line[i], b->text[i], b->len[i], &statements_resource,
                       b->body[i], st);
    }
    PQclear(r);
    buf_free(&bodies);
    buf_free(&keys);
    batch_clear(b);
    return ok && PQstatus(conn) == CONNECTION_OK;
}

int import_main(int argc, char **argv)
{
    if (argc != 1 || strcmp(argv[0], "--help") == 0) {
        fputs("Usage: onrecord import FILE   (NDJSON; - for standard input)\n",
              argc == 1 ? stdout : stderr);
        return argc == 1 ? 0 : 2;
    }
    const char *file = argv[0];
    FILE *in = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
    if (!in) {
        fprintf(stderr, "onrecord: cannot open %s: %s\n", file, strerror(errno));
        return 1;
    }
    char err[512];
    PGconn *conn = db_connect_plain(err, sizeof err);
    if (!conn) {
        fprintf(stderr, "onrecord: cannot connect to the database: %s", err);
        if (in != stdin)
            fclose(in);
        return 1;
    }
    PGresult *p =
        PQprepare(conn, "import_write",
                  "SELECT status FROM onrecord_write($1, $2, $3, $4::jsonb, $5, $6, $7)", 7, NULL);
    PQclear(PQprepare(conn, "import_statements",
                      "SELECT onrecord_import_statements($1::jsonb, $2::text[], $3)", 3, NULL));
    PQclear(PQprepare(conn, "import_seen",
                      "SELECT 1 FROM idempotency_keys WHERE key_name = $1 AND idempotency_key = $2",
                      2, NULL));
    bool prepared = PQresultStatus(p) == PGRES_COMMAND_OK;
    if (!prepared)
        fprintf(stderr, "onrecord: %s", PQresultErrorMessage(p));
    PQclear(p);

    struct import_stats st = {.tty = isatty(STDERR_FILENO)};
    struct stat sb;
    if (fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode))
        st.size = sb.st_size;
    clock_gettime(CLOCK_MONOTONIC, &st.started);

    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long in_batch = 0;
    struct statement_batch batch = {0};
    bool ok = prepared && exec_simple(conn, "BEGIN");
    while (ok && (len = getline(&line, &cap, in)) >= 0) {
        st.lines++;
        st.bytes += len;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        struct response res = {0};
        const struct resource_desc *resource = NULL;
        char *body = import_check_line(line, (size_t)len, &resource, &res);
        if (!body) {
            report(file, st.lines, &res);
            st.rejected++;
        } else if (resource == &statements_resource) {
            batch_add(&batch, st.lines, line, (size_t)len, body);
            if (batch.n == BATCH)
                ok = flush_statements(conn, file, &batch, &st) && next_transaction(conn);
        } else {
            /* File order: statements read so far go first (they may be referred to). */
            if (batch.n)
                ok = flush_statements(conn, file, &batch, &st) && next_transaction(conn);
            write_line(conn, file, st.lines, line, (size_t)len, resource, body, &st);
            free(body);
            if (++in_batch == BATCH) {
                ok = ok && next_transaction(conn);
                in_batch = 0;
            }
        }
        response_reset(&res);
        draw_progress(&st, false);
    }
    if (ok && batch.n)
        ok = flush_statements(conn, file, &batch, &st);
    batch_clear(&batch);
    ok = ok && exec_simple(conn, "COMMIT");
    draw_progress(&st, true);
    free(line);
    if (in != stdin)
        fclose(in);
    PQfinish(conn);
    double elapsed = seconds_since(&st.started);
    fprintf(stderr,
            "%s: %ld lines: %ld written, %ld already present, %ld rejected in %.1fs (%.0f "
            "lines/s)\n",
            file, st.lines, st.written, st.present, st.rejected, elapsed,
            elapsed > 0 ? (double)st.lines / elapsed : 0.0);
    if (!ok)
        return 1;
    return st.rejected ? 1 : 0;
}
