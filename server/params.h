/*
 * params.h - query-string parameters: each route declares the parameters it
 * takes as a table of specs; params_read() rejects anything else and checks
 * each value's form before any of it reaches SQL. Also the opaque pagination
 * cursor.
 */
#ifndef ONRECORD_PARAMS_H
#define ONRECORD_PARAMS_H

#include "api.h"

enum param_type {
    PARAM_SLUG,     /* lowercase-words-with-dashes */
    PARAM_DATE,     /* YYYY-MM-DD */
    PARAM_ID,       /* positive 64-bit integer */
    PARAM_TEXT,     /* free text, 1-200 bytes of UTF-8 */
    PARAM_ENUM,     /* one of spec->choices */
    PARAM_LANG,     /* language tag such as en, ru, pt-BR */
    PARAM_POSITION, /* non-negative 64-bit integer */
    PARAM_LIST,     /* comma-separated names: choices if given, else lowercase identifiers;
                       at most PARAM_LIST_MAX_ITEMS of PARAM_LIST_MAX_NAME bytes each */
    PARAM_BOOL,     /* 1, 0, true or false */
    PARAM_NUMBER,   /* a decimal number a PostgreSQL real holds (cursor keys: a rank) */
};

#define PARAM_LIST_MAX_ITEMS 20
#define PARAM_LIST_MAX_NAME 40
/* The longest PARAM_LIST value: the names and the commas between them. */
#define PARAM_LIST_MAX_LEN (PARAM_LIST_MAX_ITEMS * (PARAM_LIST_MAX_NAME + 1) - 1)

struct param_spec {
    const char *name;
    enum param_type type;
    const char *const *choices; /* PARAM_ENUM: NULL-terminated list */
};

/* Checks one value against a spec; on failure records a 400 problem naming it. */
int param_check(const struct param_spec *spec, const char *value, struct response *res);

/*
 * Reads the query string against specs[0..n). values[i] receives the value
 * of specs[i] or NULL. Parameters in `extra` (NULL-terminated names, checked
 * by the caller) are let through. Unknown, repeated or malformed parameters
 * get a 400 problem naming them. Returns 0 or -1.
 */
int params_read(const struct request *req, struct response *res, const struct param_spec *specs,
                size_t n, const char *const *extra, const char **values);

#define CURSOR_MAX_KEYS 4
#define CURSOR_MAX_LEN 400

/*
 * Encodes key values (the sort key of the last row of a page) as an opaque
 * URL-safe cursor into out (CURSOR_MAX_LEN + 1 bytes). Returns 0, or -1 if
 * the keys do not fit.
 */
int cursor_encode(const char *const *keys, size_t nkeys, char *out);

/*
 * Decodes a cursor into nkeys values checked against types; the values point
 * into storage (CURSOR_MAX_LEN + 1 bytes). Returns 0, or -1 for a cursor
 * this server did not produce.
 */
int cursor_decode(const char *cursor, const enum param_type *types, size_t nkeys, char *storage,
                  const char **keys);

#endif
