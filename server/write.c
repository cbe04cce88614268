/*
 * write.c - create, update, delete and history for every resource, driven
 * by struct resource_desc. Validation happens here, before the database;
 * references, uniqueness, If-Match, idempotency and the history record
 * happen in one call to onrecord_write in PostgreSQL.
 */
#include "write.h"
#include "db.h"
#include "list.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IDEMPOTENCY_KEY 200

int write_target(struct request *req, struct response *res, const struct resource_desc *rd,
                 char *out)
{
    out[0] = '\0';
    for (size_t i = 0; i < rd->npath && i < req->npath_params; i++) {
        const char *p = req->path_params[i];
        long id;
        bool is_id = strcmp(rd->key[i], "id") == 0;
        if (is_id ? !parse_long(p, 1, 9223372036854775807L, &id) : !is_slug(p))
            return fail(res, PROBLEM_BAD_PARAMETER, rd->key[i], "%s must be %s", rd->key[i],
                        is_id ? "a positive whole number"
                              : "a slug such as alan-gagloev (lowercase letters, digits, dashes)");
        size_t used = strlen(out);
        snprintf(out + used, WRITE_TARGET_MAX - used, "%s%s", i ? "/" : "", p);
    }
    return 0;
}

/* The versions an If-Match header names (write.h). */
const char *if_match_value(const char *header, char *out, size_t size)
{
    if (!header)
        return NULL;
    size_t used = 0;
    out[0] = '\0';
    for (const char *p = header; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        if (*p == '*')
            return "*";
        bool weak = strncmp(p, "W/", 2) == 0;
        if (weak)
            p += 2;
        const char *tag = p;
        size_t n;
        if (*p == '"') {
            const char *close = strchr(p + 1, '"');
            if (!close)
                break;
            tag = p + 1;
            n = (size_t)(close - tag);
            p = close + 1;
        } else {
            /* An entity tag is quoted; a bare token never matches. */
            p += strcspn(p, ", ");
            continue;
        }
        size_t digits = 0;
        while (digits < n && tag[digits] >= '0' && tag[digits] <= '9')
            digits++;
        bool version = digits > 0 && digits <= 10 && (digits == n || tag[digits] == '.');
        if (weak || !version || used + digits + 2 >= size)
            continue;
        used +=
            (size_t)snprintf(out + used, size - used, "%s%.*s", used ? "," : "", (int)digits, tag);
    }
    return used ? out : "-";
}

/* Turns onrecord_write's row (status, etag, location, body) into the response. */
static int respond(struct response *res, PGresult *r)
{
    int status = atoi(PQgetvalue(r, 0, 0));
    if (!PQgetisnull(r, 0, 1)) {
        char etag[48];
        snprintf(etag, sizeof etag, "\"%s\"", PQgetvalue(r, 0, 1));
        response_add_header(res, "ETag", etag);
    }
    if (!PQgetisnull(r, 0, 2))
        response_add_header(res, "Location", PQgetvalue(r, 0, 2));
    if (PQgetisnull(r, 0, 3)) {
        response_json_static(res, status, "");
        res->content_type = NULL;
        return 0;
    }
    response_take_result(res, status, r, 0, 3);
    return 0;
}

static int run_write(struct request *req, struct response *res, const char *op,
                     const struct resource_desc *rd, const char *target, const char *body)
{
    char match[64];
    const char *values[7] = {op,
                             rd->name,
                             target,
                             body,
                             if_match_value(req->if_match, match, sizeof match),
                             req->key_name,
                             strcmp(op, "create") == 0 ? req->idempotency_key : NULL};
    PGresult *r = db_query(req, res, QUERY_WRITE, 7, values);
    if (!r)
        return -1;
    return respond(res, r);
}

/* Parses and validates the body; returns its compact JSON text (caller frees) or NULL. */
static char *valid_body(struct request *req, struct response *res, const struct resource_desc *rd,
                        bool patch)
{
    json_t *doc = body_parse(req, res, patch);
    if (!doc)
        return NULL;
    char *text = NULL;
    if (body_validate(doc, rd->fields, patch, res) == 0)
        text = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return text;
}

/* A key with a control byte (tab, ESC ...) is a client's mistake, not a key. */
static bool has_control_byte(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return true;
    return false;
}

int write_create(struct request *req, struct response *res)
{
    const struct resource_desc *rd = req->route_data;
    if (no_params(req, res))
        return -1;
    const char *key = req->idempotency_key;
    if (key && (strlen(key) == 0 || strlen(key) > MAX_IDEMPOTENCY_KEY ||
                !is_utf8(key, strlen(key)) || has_control_byte(key)))
        return fail(res, PROBLEM_BAD_PARAMETER, "Idempotency-Key",
                    "Idempotency-Key must be 1 to %d bytes of UTF-8 without control characters",
                    MAX_IDEMPOTENCY_KEY);
    char *body = valid_body(req, res, rd, false);
    if (!body)
        return -1;
    int rc = run_write(req, res, "create", rd, NULL, body);
    free(body);
    return rc;
}

int write_update(struct request *req, struct response *res)
{
    const struct resource_desc *rd = req->route_data;
    char target[WRITE_TARGET_MAX];
    if (no_params(req, res) || write_target(req, res, rd, target))
        return -1;
    char *body = valid_body(req, res, rd, true);
    if (!body)
        return -1;
    int rc = run_write(req, res, "update", rd, target, body);
    free(body);
    return rc;
}

int write_delete(struct request *req, struct response *res)
{
    const struct resource_desc *rd = req->route_data;
    char target[WRITE_TARGET_MAX];
    if (no_params(req, res) || write_target(req, res, rd, target))
        return -1;
    return run_write(req, res, "delete", rd, target, NULL);
}
