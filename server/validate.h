/*
 * validate.h - request bodies: parsing JSON with Jansson and checking it
 * against a per-resource description (fields, types, limits) before any of
 * it reaches the database. Every offending field is reported, by JSON
 * pointer, in one 422 problem.
 */
#ifndef ONRECORD_VALIDATE_H
#define ONRECORD_VALIDATE_H

#include "api.h"

#include <jansson.h>

enum field_type {
    FIELD_STRING,       /* 1..max_len bytes (default 300) */
    FIELD_TEXT,         /* 1..max_len bytes (default 20000) */
    FIELD_SLUG,         /* lowercase-words-with-dashes, <= 100 */
    FIELD_PARTIAL_DATE, /* YYYY, YYYY-MM or YYYY-MM-DD */
    FIELD_URL,          /* http(s)://..., <= 2000 */
    FIELD_BOOL,
    FIELD_ID,           /* positive integer */
    FIELD_ENUM,         /* one of choices */
    FIELD_LANG,         /* language tag */
    FIELD_COUNTRY,      /* ISO 3166-1 alpha-2, e.g. GE */
    FIELD_STRING_ARRAY, /* array of FIELD_STRING */
    FIELD_ID_ARRAY,     /* array of FIELD_ID */
    FIELD_OBJECT_ARRAY, /* array of objects described by `items` */
};

struct object_spec;

struct field_spec {
    const char *name;
    enum field_type type;
    bool required;
    size_t max_len;             /* strings: bytes; arrays: items (0 = default) */
    const char *const *choices; /* FIELD_ENUM: NULL-terminated */
    const struct object_spec *items;
    size_t min_items; /* arrays, on create */
};

struct object_spec {
    const struct field_spec *fields;
    size_t nfields;
    /*
     * Rules across fields (e.g. "actor or attribution"), run after the
     * field checks; adds problems with problem_add_field. `patch` is true
     * for merge patches, where absent fields keep their stored value.
     */
    void (*check)(const json_t *obj, const char *pointer, bool patch, struct response *res);
};

/*
 * Parses req's body as a JSON object. Returns a new reference, or NULL with
 * a problem recorded: 415 for another content type, 400 with line/column
 * for malformed JSON, 422 for a body that is not an object or not UTF-8.
 * `patch` also accepts application/merge-patch+json.
 */
json_t *body_parse(const struct request *req, struct response *res, bool patch);

/*
 * Checks obj against spec. On create (patch == false) required fields must
 * be present and non-null; in a merge patch any field may be absent and
 * optional fields may be null (to clear them). Returns 0, or -1 with a 422
 * problem listing every offending field.
 */
int body_validate(const json_t *obj, const struct object_spec *spec, bool patch,
                  struct response *res);

/* True when s is YYYY, YYYY-MM or YYYY-MM-DD naming a real period. */
bool is_partial_date(const char *s);

#endif
