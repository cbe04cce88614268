/*
 * validate.c - JSON request bodies: content type, parsing (Jansson, with
 * duplicate keys refused), and field-by-field checks driven by the
 * per-resource field tables in the resource files.
 */
#include "validate.h"
#include "util.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define DEFAULT_STRING_MAX 300
#define DEFAULT_TEXT_MAX 20000
#define DEFAULT_ARRAY_MAX 100

/* "application/json" with optional parameters, case-insensitive. */
static bool media_type_is(const char *header, const char *type)
{
    size_t n = strlen(type);
    if (!header || strncasecmp(header, type, n) != 0)
        return false;
    return header[n] == '\0' || header[n] == ';' || header[n] == ' ';
}

json_t *body_parse(const struct request *req, struct response *res, bool patch)
{
    bool json = media_type_is(req->content_type, "application/json");
    bool merge = patch && media_type_is(req->content_type, "application/merge-patch+json");
    if (!json && !merge) {
        response_add_header(res, patch ? "Accept-Patch" : "Accept-Post",
                            patch ? "application/merge-patch+json, application/json"
                                  : "application/json");
        fail(res, PROBLEM_UNSUPPORTED_MEDIA_TYPE, NULL, "send the body as %s",
             patch ? "application/merge-patch+json or application/json" : "application/json");
        return NULL;
    }
    if (!req->body || req->body_len == 0) {
        fail(res, PROBLEM_INVALID_BODY, NULL, "the request needs a JSON object as its body");
        problem_add_field(res, "", "a JSON object is required");
        return NULL;
    }
    if (!is_utf8(req->body, req->body_len)) {
        fail(res, PROBLEM_INVALID_BODY, NULL, "the body is not valid UTF-8");
        problem_add_field(res, "", "the body must be UTF-8 text without NUL bytes");
        return NULL;
    }
    json_error_t error;
    json_t *doc =
        json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &error);
    if (!doc) {
        fail(res, PROBLEM_MALFORMED_JSON, NULL, "malformed JSON at line %d, column %d: %s",
             error.line, error.column, error.text);
        res->problem.line = error.line > 0 ? error.line : 1;
        res->problem.column = error.column > 0 ? error.column : 1;
        return NULL;
    }
    if (!json_is_object(doc)) {
        json_decref(doc);
        fail(res, PROBLEM_INVALID_BODY, NULL, "the body must be a JSON object");
        problem_add_field(res, "", "must be a JSON object");
        return NULL;
    }
    return doc;
}

bool is_partial_date(const char *s)
{
    char full[11];
    size_t n = strlen(s);
    if (n == 4)
        snprintf(full, sizeof full, "%s-01-01", s);
    else if (n == 7)
        snprintf(full, sizeof full, "%s-01", s);
    else if (n == 10)
        snprintf(full, sizeof full, "%s", s);
    else
        return false;
    return is_date(full) && (n != 7 || s[4] == '-');
}

static bool is_url(const char *s)
{
    size_t n = strlen(s);
    if (n > 2000)
        return false;
    const char *rest = strncmp(s, "https://", 8) == 0  ? s + 8
                       : strncmp(s, "http://", 7) == 0 ? s + 7
                                                       : NULL;
    if (!rest || !*rest || *rest == '/')
        return false;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
            return false;
    return true;
}

static bool is_lang(const char *s)
{
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz");
    if (n < 2 || n > 3)
        return false;
    for (s += n; *s == '-';) {
        size_t k = strspn(++s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        if (k < 2 || k > 8)
            return false;
        s += k;
    }
    return *s == '\0';
}

static void check_object(const json_t *obj, const struct object_spec *spec, bool patch,
                         const char *pointer, struct response *res);

static bool string_ok(const json_t *v, size_t max, const char *ptr, struct response *res)
{
    if (!json_is_string(v)) {
        problem_add_field(res, ptr, "must be a string");
        return false;
    }
    size_t n = json_string_length(v);
    if (n == 0 || n > max) {
        problem_add_field(res, ptr, "must be 1 to %zu bytes long", max);
        return false;
    }
    if (strlen(json_string_value(v)) != n) {
        problem_add_field(res, ptr, "must not contain NUL characters");
        return false;
    }
    return true;
}

static void check_value(const json_t *v, const struct field_spec *f, bool patch, const char *ptr,
                        struct response *res)
{
    const char *s = json_string_value(v);
    switch (f->type) {
    case FIELD_STRING:
        string_ok(v, f->max_len ? f->max_len : DEFAULT_STRING_MAX, ptr, res);
        return;
    case FIELD_TEXT:
        string_ok(v, f->max_len ? f->max_len : DEFAULT_TEXT_MAX, ptr, res);
        return;
    case FIELD_SLUG:
        if (string_ok(v, 100, ptr, res) && !is_slug(s))
            problem_add_field(res, ptr,
                              "must be a slug: lowercase letters and digits joined by "
                              "single dashes");
        return;
    case FIELD_PARTIAL_DATE:
        if (string_ok(v, 10, ptr, res) && !is_partial_date(s))
            problem_add_field(res, ptr, "must be a date written YYYY, YYYY-MM or YYYY-MM-DD");
        return;
    case FIELD_URL:
        if (string_ok(v, 2000, ptr, res) && !is_url(s))
            problem_add_field(res, ptr, "must be an http:// or https:// URL without spaces");
        return;
    case FIELD_BOOL:
        if (!json_is_boolean(v))
            problem_add_field(res, ptr, "must be true or false");
        return;
    case FIELD_ID:
        if (!json_is_integer(v) || json_integer_value(v) < 1)
            problem_add_field(res, ptr, "must be a positive whole number");
        return;
    case FIELD_ENUM:
        if (string_ok(v, 100, ptr, res)) {
            for (const char *const *c = f->choices; *c; c++)
                if (strcmp(*c, s) == 0)
                    return;
            char list[160] = "";
            for (const char *const *c = f->choices; *c; c++) {
                if (strlen(list) + strlen(*c) + 3 >= sizeof list)
                    break;
                if (list[0])
                    strcat(list, ", ");
                strcat(list, *c);
            }
            problem_add_field(res, ptr, "must be one of: %s", list);
        }
        return;
    case FIELD_LANG:
        if (string_ok(v, 35, ptr, res) && !is_lang(s))
            problem_add_field(res, ptr, "must be a language tag such as en, ru or pt-BR");
        return;
    case FIELD_COUNTRY:
        if (string_ok(v, 2, ptr, res) &&
            !(strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'))
            problem_add_field(res, ptr, "must be an ISO 3166-1 alpha-2 code such as GE");
        return;
    case FIELD_STRING_ARRAY:
    case FIELD_ID_ARRAY:
    case FIELD_OBJECT_ARRAY: {
        size_t max = f->max_len ? f->max_len : DEFAULT_ARRAY_MAX;
        if (!json_is_array(v)) {
            problem_add_field(res, ptr, "must be an array");
            return;
        }
        size_t n = json_array_size(v);
        if (n > max || (!patch && n < f->min_items) || (patch && n < f->min_items)) {
            problem_add_field(res, ptr, "must have %zu to %zu items", f->min_items, max);
            return;
        }
        struct field_spec item = *f;
        item.type = f->type == FIELD_STRING_ARRAY ? FIELD_STRING : FIELD_ID;
        item.max_len = 0;
        for (size_t i = 0; i < n; i++) {
            char iptr[96];
            snprintf(iptr, sizeof iptr, "%s/%zu", ptr, i);
            if (f->type == FIELD_OBJECT_ARRAY)
                check_object(json_array_get(v, i), f->items, false, iptr, res);
            else
                check_value(json_array_get(v, i), &item, patch, iptr, res);
        }
        return;
    }
    }
}

/* Appends "/name" to a JSON pointer, escaping ~ and / as RFC 6901 says. */
static void pointer_join(char *out, size_t size, const char *base, const char *name)
{
    size_t n = (size_t)snprintf(out, size, "%s/", base);
    for (const char *p = name; *p && n + 3 < size; p++) {
        if (*p == '~' || *p == '/') {
            out[n++] = '~';
            out[n++] = *p == '~' ? '0' : '1';
        } else {
            out[n++] = *p;
        }
    }
    out[n < size ? n : size - 1] = '\0';
}

static void check_object(const json_t *obj, const struct object_spec *spec, bool patch,
                         const char *pointer, struct response *res)
{
    if (!json_is_object(obj)) {
        problem_add_field(res, pointer, "must be a JSON object");
        return;
    }
    const char *key;
    const json_t *value;
    char ptr[96];
    json_object_foreach((json_t *)obj, key, value)
    {
        size_t i = 0;
        while (i < spec->nfields && strcmp(spec->fields[i].name, key) != 0)
            i++;
        if (i == spec->nfields) {
            pointer_join(ptr, sizeof ptr, pointer, key);
            problem_add_field(res, ptr, "is not a field of this resource (or is read-only)");
        }
    }
    for (size_t i = 0; i < spec->nfields; i++) {
        const struct field_spec *f = &spec->fields[i];
        const json_t *v = json_object_get(obj, f->name);
        pointer_join(ptr, sizeof ptr, pointer, f->name);
        if (!v) {
            if (f->required && !patch)
                problem_add_field(res, ptr, "is required");
            continue;
        }
        if (json_is_null(v)) {
            if (f->required)
                problem_add_field(res, ptr, "is required and cannot be null");
            continue;
        }
        check_value(v, f, patch, ptr, res);
    }
    if (spec->check)
        spec->check(obj, pointer, patch, res);
}

int body_validate(const json_t *obj, const struct object_spec *spec, bool patch,
                  struct response *res)
{
    res->problem.nerrors = res->problem.nerrors_seen = 0;
    check_object(obj, spec, patch, "", res);
    if (res->problem.nerrors == 0)
        return 0;
    size_t n = res->problem.nerrors_seen;
    return fail(res, PROBLEM_INVALID_BODY, NULL, "%zu field%s of the body %s invalid", n,
                n == 1 ? "" : "s", n == 1 ? "is" : "are");
}
