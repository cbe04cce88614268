/*
 * api.h - what every handler sees: the request, the response it fills, the
 * one error type (a problem, rendered as application/problem+json), and the
 * single handler signature. No libmicrohttpd or libpq types appear here, so
 * handlers and their helpers can be unit-tested without a socket.
 */
#ifndef ONRECORD_API_H
#define ONRECORD_API_H

#include <stdbool.h>
#include <stddef.h>

#define MAX_PATH_PARAMS 4
#define MAX_QUERY_PARAMS 32
#define MAX_HEADERS 12

struct db;
struct db_calls;

/* One query-string argument, as decoded by the HTTP layer. */
struct query_arg {
    const char *name;
    const char *value; /* "" when the argument had no '=' */
};

struct request {
    const char *method;
    const char *path;
    const char *path_params[MAX_PATH_PARAMS];
    size_t npath_params;
    struct query_arg query[MAX_QUERY_PARAMS];
    size_t nquery;
    const char *body; /* NULL when the request had none */
    size_t body_len;
    const char *request_id;
    /* Request headers handlers care about (NULL when absent). */
    const char *authorization;
    unsigned authorization_count; /* how many Authorization headers (auth.c takes one only) */
    const char *content_type;
    const char *if_match;
    const char *idempotency_key;
    const char *if_none_match;
    const char *accept;
    const char *accept_encoding;
    const char *origin;
    /* Name of the API key that authenticated the request; "" if none (auth.c). */
    char key_name[72];
    struct db *db;            /* this worker's database connections */
    struct db_calls *calls;   /* the queries this request has run (db.h) */
    const void *route_data; /* the matched route's data (e.g. a resource_desc) */
};

/* Stable problem codes; the table in problem.c gives each its status and title. */
enum problem_code {
    PROBLEM_NONE = 0,
    PROBLEM_BAD_PARAMETER,          /* 400: malformed query or path value */
    PROBLEM_UNKNOWN_PARAMETER,      /* 400: query parameter the route does not take */
    PROBLEM_BAD_CURSOR,             /* 400: cursor not produced by this server */
    PROBLEM_NOT_FOUND,              /* 404: no such path or record */
    PROBLEM_METHOD_NOT_ALLOWED,     /* 405: path exists, method does not */
    PROBLEM_MALFORMED_JSON,         /* 400: body is not JSON; line and column given */
    PROBLEM_UNAUTHORIZED,           /* 401: no key, or an unknown or revoked one */
    PROBLEM_FORBIDDEN,              /* 403: the key's role may not do this */
    PROBLEM_CONFLICT,               /* 409: duplicate slug, or still referenced */
    PROBLEM_PRECONDITION_FAILED,    /* 412: If-Match does not match */
    PROBLEM_BODY_TOO_LARGE,         /* 413 */
    PROBLEM_UNSUPPORTED_MEDIA_TYPE, /* 415 */
    PROBLEM_INVALID_BODY,           /* 422: fields listed by JSON pointer */
    PROBLEM_IDEMPOTENCY_MISMATCH,   /* 422: Idempotency-Key reused with another body */
    PROBLEM_QUERY_TIMEOUT,          /* 503: the query ran past statement_timeout */
    PROBLEM_URI_TOO_LONG,           /* 414 */
    PROBLEM_UNAVAILABLE,            /* 503: database unreachable */
    PROBLEM_HEADERS_TOO_LARGE,      /* 431: request line and headers over the limit (http.c) */
    PROBLEM_INTERNAL,               /* 500: a bug; logged */
    PROBLEM_COUNT
};

#define MAX_FIELD_ERRORS 64

/* One offending field of a request body, named by JSON pointer (RFC 6901). */
struct field_error {
    char pointer[96];
    char reason[160];
};

/*
 * The one error type. `param` names the offending query/path parameter, if
 * any; `errors` lists offending body fields; line/column locate a JSON
 * syntax error (0 = not applicable).
 */
struct problem {
    enum problem_code code;
    char detail[256];
    char param[64];
    struct field_error *errors; /* room for MAX_FIELD_ERRORS, allocated by the first
                                   problem_add_field (most responses need none)
                                   and freed by response_reset */
    size_t nerrors;      /* listed in errors[] */
    size_t nerrors_seen; /* found, including any past MAX_FIELD_ERRORS */
    int line, column;
};

struct header {
    const char *name; /* static string */
    char *value;      /* owned */
};

/*
 * A body produced while it is sent (exports): read() fills up to max bytes
 * and returns how many, 0 at the end, or -1 on an error after the status
 * line has gone out (the connection is then cut, so the client notices).
 * release() frees cls once the response is done.
 */
struct body_stream {
    long (*read)(void *cls, char *out, size_t max);
    void (*release)(void *cls);
    void *cls;
};

/*
 * What a handler produces. The body is released by calling release(cls) once
 * the HTTP layer has sent it, which lets a handler pass PostgreSQL's own
 * result buffer through without copying; release == NULL means static data.
 */
struct response {
    int status;
    const char *content_type;
    const char *body;
    size_t len;
    void (*release)(void *cls);
    void *release_cls;
    struct header headers[MAX_HEADERS];
    size_t nheaders;
    const char *cache_control; /* static; NULL = the default for the status */
    bool vary_accept;          /* the body depended on Accept (lists: CSV, NDJSON) */
    struct body_stream stream; /* set instead of body for streamed responses */
    struct problem problem;    /* set by fail(); rendered by problem_render() */
};

/*
 * Every handler has this signature: it returns 0 after filling res, or -1
 * after recording a problem with fail().
 */
typedef int (*handler_fn)(struct request *req, struct response *res);

/* Records a problem in res; always returns -1 so handlers can `return fail(...)`. */
int fail(struct response *res, enum problem_code code, const char *param, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Adds an offending body field to res->problem (ignored past MAX_FIELD_ERRORS). */
void problem_add_field(struct response *res, const char *pointer, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* HTTP status for a problem code. */
int problem_status(enum problem_code code);
/* Renders res->problem into res (status, content type, owned JSON body). */
void problem_render(struct response *res, const char *instance, const char *request_id);

/* Adds a header; the value is copied. At most MAX_HEADERS per response. */
void response_add_header(struct response *res, const char *name, const char *value);
/* Sets a JSON body the response now owns (freed with free()). */
void response_json_owned(struct response *res, int status, char *body, size_t len);
/* Sets a JSON body from static storage. */
void response_json_static(struct response *res, int status, const char *body);
/* Releases the body and headers; the response can be reused afterwards. */
void response_reset(struct response *res);

/* Value of query argument `name`, or NULL when absent. */
const char *query_get(const struct request *req, const char *name);

#endif
