/*
 * problem.c - the one error type and its rendering as RFC 9457
 * application/problem+json, plus the small response helpers around it.
 */
#include "api.h"
#include "util.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    int status;
    const char *slug;
    const char *title;
} problems[PROBLEM_COUNT] = {
    [PROBLEM_NONE] = {200, "none", "No problem"},
    [PROBLEM_BAD_PARAMETER] = {400, "bad-parameter", "A parameter has a malformed value"},
    [PROBLEM_UNKNOWN_PARAMETER] = {400, "unknown-parameter", "Unknown query parameter"},
    [PROBLEM_BAD_CURSOR] = {400, "bad-cursor", "The cursor is not valid"},
    [PROBLEM_NOT_FOUND] = {404, "not-found", "Not found"},
    [PROBLEM_METHOD_NOT_ALLOWED] = {405, "method-not-allowed", "Method not allowed"},
    [PROBLEM_MALFORMED_JSON] = {400, "malformed-json", "The body is not valid JSON"},
    [PROBLEM_UNAUTHORIZED] = {401, "unauthorized", "A valid API key is required"},
    [PROBLEM_FORBIDDEN] = {403, "forbidden", "This API key may not do that"},
    [PROBLEM_CONFLICT] = {409, "conflict", "Conflict with the current state"},
    [PROBLEM_PRECONDITION_FAILED] = {412, "precondition-failed", "The record has changed"},
    [PROBLEM_BODY_TOO_LARGE] = {413, "body-too-large", "Request body too large"},
    [PROBLEM_UNSUPPORTED_MEDIA_TYPE] = {415, "unsupported-media-type", "Unsupported content type"},
    [PROBLEM_INVALID_BODY] = {422, "invalid-body", "The body has invalid fields"},
    [PROBLEM_IDEMPOTENCY_MISMATCH] = {422, "idempotency-key-reused",
                                      "Idempotency-Key reused with a different request"},
    [PROBLEM_QUERY_TIMEOUT] = {503, "query-timeout", "The query took too long"},
    [PROBLEM_URI_TOO_LONG] = {414, "uri-too-long", "Request URI too long"},
    [PROBLEM_UNAVAILABLE] = {503, "unavailable", "The database is unavailable"},
    [PROBLEM_HEADERS_TOO_LARGE] = {431, "headers-too-large", "Request header fields too large"},
    [PROBLEM_INTERNAL] = {500, "internal", "Internal server error"},
};

int fail(struct response *res, enum problem_code code, const char *param, const char *fmt, ...)
{
    res->problem.code = code;
    snprintf(res->problem.param, sizeof res->problem.param, "%s", param ? param : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(res->problem.detail, sizeof res->problem.detail, fmt, ap);
    va_end(ap);
    return -1;
}

void problem_add_field(struct response *res, const char *pointer, const char *fmt, ...)
{
    struct problem *p = &res->problem;
    p->nerrors_seen++;
    if (p->nerrors == MAX_FIELD_ERRORS)
        return;
    if (!p->errors)
        p->errors = xcalloc(MAX_FIELD_ERRORS, sizeof *p->errors);
    struct field_error *e = &p->errors[p->nerrors++];
    snprintf(e->pointer, sizeof e->pointer, "%s", pointer);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->reason, sizeof e->reason, fmt, ap);
    va_end(ap);
}

/* json_string() that never fails: invalid UTF-8 (cut mid-character) becomes "?". */
static json_t *safe_string(const char *s)
{
    json_t *v = json_string(s);
    return v ? v : json_string("?");
}

int problem_status(enum problem_code code)
{
    return (code > PROBLEM_NONE && code < PROBLEM_COUNT) ? problems[code].status : 500;
}

void problem_render(struct response *res, const char *instance, const char *request_id)
{
    enum problem_code code = res->problem.code;
    if (code <= PROBLEM_NONE || code >= PROBLEM_COUNT)
        code = PROBLEM_INTERNAL;
    char type[96];
    snprintf(type, sizeof type, "/problems/%s", problems[code].slug);

    json_t *doc = json_object();
    json_object_set_new(doc, "type", json_string(type));
    json_object_set_new(doc, "title", json_string(problems[code].title));
    json_object_set_new(doc, "status", json_integer(problems[code].status));
    json_object_set_new(doc, "code", json_string(problems[code].slug));
    /* detail may quote request text: json_string rejects invalid UTF-8. */
    json_t *detail = json_string(res->problem.detail);
    json_object_set_new(doc, "detail", detail ? detail : json_string(problems[code].title));
    if (res->problem.param[0]) {
        json_t *param = json_string(res->problem.param);
        if (param) {
            json_t *item = json_object();
            json_object_set(item, "name", param);
            json_object_set(item, "reason", json_object_get(doc, "detail"));
            json_t *list = json_array();
            json_array_append_new(list, item);
            json_object_set_new(doc, "parameter", param);
            json_object_set_new(doc, "invalid_params", list);
        }
    }
    if (res->problem.nerrors) {
        json_t *list = json_array();
        for (size_t i = 0; i < res->problem.nerrors; i++)
            json_array_append_new(
                list, json_pack("{s:o,s:o}", "pointer", safe_string(res->problem.errors[i].pointer),
                                "detail", safe_string(res->problem.errors[i].reason)));
        json_object_set_new(doc, "errors", list);
    }
    if (res->problem.line > 0) {
        json_object_set_new(doc, "line", json_integer(res->problem.line));
        json_object_set_new(doc, "column", json_integer(res->problem.column));
    }
    if (instance) {
        /* Percent-escape what JSON cannot carry (a path with %ff in it). */
        struct buf esc = {0};
        static const char hex[] = "0123456789ABCDEF";
        for (const unsigned char *p = (const unsigned char *)instance; *p; p++) {
            if (*p < 0x20 || *p >= 0x7f) {
                char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
                buf_append(&esc, e, 3);
            } else {
                buf_append(&esc, p, 1);
            }
        }
        json_object_set_new(doc, "instance", json_string(esc.data ? esc.data : ""));
        buf_free(&esc);
    }
    if (request_id)
        json_object_set_new(doc, "request_id", json_string(request_id));

    char *body = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    if (res->release)
        res->release(res->release_cls);
    res->status = problems[code].status;
    res->content_type = "application/problem+json";
    res->body = body;
    res->len = strlen(body);
    res->release = free;
    res->release_cls = body;
}

void response_add_header(struct response *res, const char *name, const char *value)
{
    if (res->nheaders == MAX_HEADERS)
        return;
    res->headers[res->nheaders].name = name;
    res->headers[res->nheaders].value = xstrdup(value);
    res->nheaders++;
}

void response_json_owned(struct response *res, int status, char *body, size_t len)
{
    res->status = status;
    res->content_type = "application/json";
    res->body = body;
    res->len = len;
    res->release = free;
    res->release_cls = body;
}

void response_json_static(struct response *res, int status, const char *body)
{
    res->status = status;
    res->content_type = "application/json";
    res->body = body;
    res->len = strlen(body);
    res->release = NULL;
    res->release_cls = NULL;
}

void response_reset(struct response *res)
{
    if (res->release)
        res->release(res->release_cls);
    if (res->stream.release)
        res->stream.release(res->stream.cls);
    for (size_t i = 0; i < res->nheaders; i++)
        free(res->headers[i].value);
    free(res->problem.errors);
    memset(res, 0, sizeof *res);
}

const char *query_get(const struct request *req, const char *name)
{
    for (size_t i = 0; i < req->nquery; i++)
        if (strcmp(req->query[i].name, name) == 0)
            return req->query[i].value;
    return NULL;
}
