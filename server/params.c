/*
 * params.c - validation of query-string parameters against per-route specs,
 * and the pagination cursor (base64url of "v1" and the sort key, tab-joined).
 */
#include "params.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_language_tag(const char *s)
{
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz");
    if (n < 2 || n > 3)
        return false;
    s += n;
    while (*s == '-') {
        s++;
        size_t k = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        if (k < 2 || k > 8)
            return false;
        s += k;
    }
    return *s == '\0';
}

/* "a,b,c": 1 to 20 items of up to 40 bytes, each one of choices (or a lowercase identifier). */
static bool is_name_list(const char *value, const char *const *choices)
{
    size_t items = 0;
    const char *p = value;
    do {
        size_t n = strcspn(p, ",");
        if (n == 0 || n > PARAM_LIST_MAX_NAME || ++items > PARAM_LIST_MAX_ITEMS)
            return false;
        if (choices) {
            bool found = false;
            for (const char *const *c = choices; *c && !found; c++)
                found = strlen(*c) == n && strncmp(*c, p, n) == 0;
            if (!found)
                return false;
        } else if (strspn(p, "abcdefghijklmnopqrstuvwxyz_") < n) {
            return false;
        }
        p += n;
    } while (*p++ == ',');
    return true;
}

static bool value_fits(enum param_type type, const char *value, const char *const *choices)
{
    long id;
    switch (type) {
    case PARAM_SLUG:
        return is_slug(value);
    case PARAM_DATE:
        return is_date(value);
    case PARAM_ID:
        return parse_long(value, 1, 9223372036854775807L, &id);
    case PARAM_POSITION:
        return parse_long(value, 0, 9223372036854775807L, &id);
    case PARAM_LIST:
        return is_name_list(value, choices);
    case PARAM_BOOL:
        return strcmp(value, "1") == 0 || strcmp(value, "0") == 0 || strcmp(value, "true") == 0 ||
               strcmp(value, "false") == 0;
    case PARAM_NUMBER: {
        /*
         * What a PostgreSQL real (a rank) takes: float4in refuses what
         * overflows, or underflows to zero ("1e300", "1e-300"), and a
         * forged cursor holding one must be a bad cursor, not the
         * database's error.
         */
        char *end;
        errno = 0;
        float f = strtof(value, &end);
        bool out_of_range = errno == ERANGE && (f == 0 || isinf(f));
        return *value && strlen(value) <= 40 && *end == '\0' && isfinite(f) && !out_of_range &&
               strspn(value, "0123456789.-+eE") == strlen(value);
    }
    case PARAM_TEXT: {
        size_t n = strlen(value);
        return n >= 1 && n <= 200 && is_utf8(value, n);
    }
    case PARAM_ENUM:
        for (; choices && *choices; choices++)
            if (strcmp(*choices, value) == 0)
                return true;
        return false;
    case PARAM_LANG:
        return is_language_tag(value);
    }
    return false;
}

static const char *expectation(const struct param_spec *spec, char *scratch, size_t size)
{
    switch (spec->type) {
    case PARAM_SLUG:
        return "a slug such as alan-gagloev (lowercase letters, digits and dashes)";
    case PARAM_DATE:
        return "a date written YYYY-MM-DD";
    case PARAM_ID:
        return "a positive whole number";
    case PARAM_POSITION:
        return "a whole number, 0 or more";
    case PARAM_BOOL:
        return "1, 0, true or false";
    case PARAM_NUMBER:
        return "a number";
    case PARAM_TEXT:
        return "1 to 200 bytes of UTF-8 text";
    case PARAM_LANG:
        return "a language tag such as en or ru";
    case PARAM_LIST:
        if (!spec->choices)
            return "a comma-separated list of field names";
        __attribute__((fallthrough)); /* list the choices */
    case PARAM_ENUM: {
        size_t used =
            (size_t)snprintf(scratch, size, "%s",
                             spec->type == PARAM_LIST ? "a comma-separated list of: " : "one of: ");
        bool first = true;
        for (const char *const *c = spec->choices; c && *c; c++) {
            size_t n = strlen(*c);
            if (used + n + 3 >= size)
                break;
            if (!first)
                memcpy(scratch + used, ", ", 2), used += 2;
            memcpy(scratch + used, *c, n + 1);
            used += n;
            first = false;
        }
        return scratch;
    }
    }
    return "a valid value";
}

int param_check(const struct param_spec *spec, const char *value, struct response *res)
{
    if (value_fits(spec->type, value, spec->choices))
        return 0;
    char scratch[160];
    return fail(res, PROBLEM_BAD_PARAMETER, spec->name, "%s must be %s", spec->name,
                expectation(spec, scratch, sizeof scratch));
}

int params_read(const struct request *req, struct response *res, const struct param_spec *specs,
                size_t n, const char *const *extra, const char **values)
{
    for (size_t i = 0; i < n; i++)
        values[i] = NULL;
    for (size_t q = 0; q < req->nquery; q++) {
        const char *name = req->query[q].name;
        const char *value = req->query[q].value;
        for (size_t p = 0; p < q; p++)
            if (strcmp(req->query[p].name, name) == 0)
                return fail(res, PROBLEM_BAD_PARAMETER, name, "%s is given more than once", name);
        bool is_extra = false;
        for (const char *const *e = extra; e && *e; e++)
            if (strcmp(*e, name) == 0)
                is_extra = true;
        if (is_extra)
            continue;
        size_t i = 0;
        while (i < n && strcmp(specs[i].name, name) != 0)
            i++;
        if (i == n) {
            if (!is_utf8(name, strlen(name)) || strlen(name) > 60)
                return fail(res, PROBLEM_UNKNOWN_PARAMETER, NULL,
                            "a query parameter this route does not take");
            return fail(res, PROBLEM_UNKNOWN_PARAMETER, name, "this route does not take %s", name);
        }
        if (param_check(&specs[i], value, res))
            return -1;
        values[i] = value;
    }
    return 0;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int cursor_encode(const char *const *keys, size_t nkeys, char *out)
{
    char raw[CURSOR_MAX_LEN];
    size_t len = 0;
    const char *parts[CURSOR_MAX_KEYS + 1] = {"v1"};
    if (nkeys > CURSOR_MAX_KEYS)
        return -1;
    memcpy(parts + 1, keys, nkeys * sizeof *keys);
    for (size_t i = 0; i <= nkeys; i++) {
        size_t n = strlen(parts[i]);
        if (len + n + 1 > sizeof raw * 3 / 4 - 2 || strchr(parts[i], '\t'))
            return -1;
        if (i)
            raw[len++] = '\t';
        memcpy(raw + len, parts[i], n);
        len += n;
    }
    size_t o = 0;
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned char)raw[i] << 16;
        if (i + 1 < len)
            v |= (unsigned char)raw[i + 1] << 8;
        if (i + 2 < len)
            v |= (unsigned char)raw[i + 2];
        out[o++] = b64[(v >> 18) & 63];
        out[o++] = b64[(v >> 12) & 63];
        if (i + 1 < len)
            out[o++] = b64[(v >> 6) & 63];
        if (i + 2 < len)
            out[o++] = b64[v & 63];
    }
    out[o] = '\0';
    return 0;
}

int cursor_decode(const char *cursor, const enum param_type *types, size_t nkeys, char *storage,
                  const char **keys)
{
    size_t n = strlen(cursor);
    if (n == 0 || n > CURSOR_MAX_LEN || n % 4 == 1 || nkeys > CURSOR_MAX_KEYS)
        return -1;
    size_t o = 0;
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        const char *pos = strchr(b64, cursor[i]);
        if (!pos || !cursor[i])
            return -1;
        acc = (acc << 6) | (unsigned)(pos - b64);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            storage[o++] = (char)((acc >> bits) & 0xFF);
        }
    }
    /* Unused low bits must be zero, so each key set has one cursor spelling. */
    if (acc & ((1u << bits) - 1))
        return -1;
    storage[o] = '\0';
    if (strlen(storage) != o || strncmp(storage, "v1\t", 3) != 0)
        return -1;
    char *p = storage + 3;
    for (size_t i = 0; i < nkeys; i++) {
        keys[i] = p;
        char *tab = strchr(p, '\t');
        if ((tab != NULL) != (i + 1 < nkeys))
            return -1;
        if (tab)
            *tab = '\0', p = tab + 1;
        if (!value_fits(types[i], keys[i], NULL))
            return -1;
    }
    return 0;
}
