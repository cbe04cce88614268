/*
 * list.c - shared list/get plumbing for the resource files: keyset
 * pagination, the JSON envelope assembled from the rows PostgreSQL rendered,
 * the Link header, and single-record lookups.
 */
#include "list.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const list_extra[] = {"limit", "cursor", "format", NULL};
static const char *const sorted_list_extra[] = {"limit", "cursor", "format", "sort", NULL};

/* The sort a request asks for (sort=), or the list's only order. */
static int choose_sort(struct request *req, struct response *res, const struct list_spec *spec,
                       struct list_sort *out)
{
    *out = (struct list_sort){
        .name = "", .query = spec->query, .keys = spec->keys, .nkeys = spec->nkeys};
    if (spec->nsorts == 0)
        return 0;
    *out = spec->sorts[0];
    const char *wanted = query_get(req, "sort");
    if (!wanted)
        return 0;
    for (size_t i = 0; i < spec->nsorts; i++) {
        if (strcmp(spec->sorts[i].name, wanted) == 0) {
            *out = spec->sorts[i];
            if (out->needs && !query_get(req, out->needs))
                return fail(res, PROBLEM_BAD_PARAMETER, "sort", "sort=%s needs %s", wanted,
                            out->needs);
            return 0;
        }
    }
    char choices[160] = "";
    for (size_t i = 0; i < spec->nsorts; i++) {
        if (strlen(choices) + strlen(spec->sorts[i].name) + 3 >= sizeof choices)
            break;
        if (i)
            strcat(choices, ", ");
        strcat(choices, spec->sorts[i].name);
    }
    return fail(res, PROBLEM_BAD_PARAMETER, "sort", "sort must be one of: %s", choices);
}

/* Whether every filter named in `names` (separated by spaces) has a value,
 * and every one named with a leading '!' has none. */
static bool all_given(const struct list_spec *spec, const char *const *values, const char *names)
{
    while (*names) {
        bool absent = *names == '!';
        names += absent;
        size_t len = strcspn(names, " ");
        bool given = false;
        for (size_t i = 0; i < spec->nfilters && !given; i++)
            given = values[i] && strlen(spec->filters[i].name) == len &&
                    strncmp(spec->filters[i].name, names, len) == 0;
        if (given == absent)
            return false;
        names += len + strspn(names + len, " ");
    }
    return true;
}

/* The query that answers `sort` for these filter values (list_sort.narrowed). */
static enum query_id narrowed_query(const struct list_spec *spec, const struct list_sort *sort,
                                    const char *const *values)
{
    for (size_t n = 0; n < LIST_NARROWINGS && sort->narrowed[n].by; n++)
        if (all_given(spec, values, sort->narrowed[n].by))
            return sort->narrowed[n].query;
    return sort->query;
}

/*
 * Room for a filter's SQL form: the longest list params.c lets through,
 * braced. (A cursor's size, 400, once cut a long fields= list, and
 * PostgreSQL refused the unclosed literal: tests/fuzz found it.)
 */
#define SQL_FORM_MAX (PARAM_LIST_MAX_LEN + 3)

/* Converts PARAM_LIST and PARAM_BOOL values to what SQL takes. */
static void sql_forms(const struct list_spec *spec, const char **values,
                      char storage[][SQL_FORM_MAX])
{
    for (size_t i = 0; i < spec->nfilters; i++) {
        if (!values[i])
            continue;
        if (spec->filters[i].type == PARAM_LIST) {
            /* Items were checked to be plain names: no quoting needed. */
            snprintf(storage[i], SQL_FORM_MAX, "{%s}", values[i]);
            values[i] = storage[i];
        } else if (spec->filters[i].type == PARAM_BOOL) {
            values[i] =
                (strcmp(values[i], "1") == 0 || strcmp(values[i], "true") == 0) ? "true" : "false";
        }
    }
}

static int json_page(struct request *req, struct response *res, const struct list_spec *spec,
                     const struct list_sort *sort, const char **values, size_t nparams, long limit);

/* CSV columns of a list that names none: the item's JSON, whole. */
static const char *const default_columns[] = {"", NULL};

/* Link: <path?query-without-cursor&cursor=...>; rel="next" */
static void add_next_link(struct request *req, struct response *res, const char *cursor)
{
    struct buf link = {0};
    buf_puts(&link, "<");
    buf_puts(&link, req->path);
    char sep = '?';
    for (size_t i = 0; i < req->nquery; i++) {
        if (strcmp(req->query[i].name, "cursor") == 0)
            continue;
        buf_append(&link, &sep, 1);
        buf_put_urlencoded(&link, req->query[i].name);
        buf_puts(&link, "=");
        buf_put_urlencoded(&link, req->query[i].value);
        sep = '&';
    }
    buf_printf(&link, "%ccursor=%s>; rel=\"next\"", sep, cursor);
    response_add_header(res, "Link", link.data);
    buf_free(&link);
}

/* 404 when the list's parent record does not exist; 0 when it does. */
static int check_parent(struct request *req, struct response *res, const struct list_spec *spec,
                        const char *const *values)
{
    int n = spec->parent_nparams ? (int)spec->parent_nparams : 1;
    const char *value = values[spec->parent_filter + (size_t)n - 1];
    PGresult *r = db_query(req, res, spec->parent_query, n, values + spec->parent_filter);
    if (!r)
        return -1;
    bool exists = PQntuples(r) > 0;
    if (!exists)
        return fail(res, PROBLEM_NOT_FOUND, NULL, "no %s %s", spec->parent_name, value);
    return 0;
}

int list_respond(struct request *req, struct response *res, const struct list_spec *spec,
                 const char *const *preset)
{
    const char *values[32];
    /* The cursor carries the query's name first, so it only fits its own list and order. */
    const char *keys[CURSOR_MAX_KEYS + 1] = {0};
    enum param_type key_types[CURSOR_MAX_KEYS + 1] = {PARAM_TEXT};
    char cursor_storage[CURSOR_MAX_LEN + 1];
    char(*converted)[SQL_FORM_MAX] = NULL;
    char limit_text[24];
    long limit = LIST_DEFAULT_LIMIT;
    enum export_format format;
    struct list_sort sort;

    res->vary_accept = true;
    if (params_read(req, res, spec->filters, spec->nfilters,
                    spec->nsorts ? sorted_list_extra : list_extra, values) ||
        export_format_of(req, res, &format) || choose_sort(req, res, spec, &sort))
        return -1;
    for (size_t i = 0; i < spec->nfilters; i++) {
        if (preset && preset[i]) {
            if (values[i])
                return fail(res, PROBLEM_UNKNOWN_PARAMETER, spec->filters[i].name,
                            "this route does not take %s: it is set by the path",
                            spec->filters[i].name);
            values[i] = preset[i];
        }
    }
    sort.query = narrowed_query(spec, &sort, values);
    const char *limit_arg = query_get(req, "limit");
    if (limit_arg && !parse_long(limit_arg, 1, LIST_MAX_LIMIT, &limit))
        return fail(res, PROBLEM_BAD_PARAMETER, "limit",
                    "limit must be a whole number from 1 to %d", LIST_MAX_LIMIT);
    const char *cursor = query_get(req, "cursor");
    memcpy(key_types + 1, sort.keys, sort.nkeys * sizeof *key_types);
    if (cursor && (cursor_decode(cursor, key_types, sort.nkeys + 1, cursor_storage, keys) ||
                   strcmp(keys[0], embedded_queries[sort.query].name) != 0))
        return fail(res, PROBLEM_BAD_CURSOR, "cursor",
                    "cursor must be a next_cursor value returned by this list, in this order");

    size_t nparams = spec->nfilters + sort.nkeys + 1;
    for (size_t i = 0; i < sort.nkeys; i++)
        values[spec->nfilters + i] = keys[i + 1];
    snprintf(limit_text, sizeof limit_text, "%ld", limit + 1);
    values[nparams - 1] = limit_text;
    converted = xcalloc(spec->nfilters ? spec->nfilters : 1, sizeof *converted);
    sql_forms(spec, values, converted);

    int rc;
    if (format != FORMAT_JSON) {
        /* Exports stream every row unless a limit is asked for. */
        if (!limit_arg)
            values[nparams - 1] = NULL;
        else
            snprintf(limit_text, sizeof limit_text, "%ld", limit);
        rc = spec->parent_query != QUERY_COUNT ? check_parent(req, res, spec, values) : 0;
        if (rc == 0 && strcmp(req->method, "HEAD") == 0) {
            /* HEAD: the headers an export would have, without running it. */
            response_json_static(res, 200, "");
            res->content_type = format == FORMAT_CSV ? "text/csv" : "application/x-ndjson";
        } else if (rc == 0)
            rc = export_start(res, sort.query, (int)nparams, values, format,
                              spec->csv_columns ? spec->csv_columns : default_columns);
        free(converted);
        return rc;
    }
    rc = json_page(req, res, spec, &sort, values, nparams, limit);
    free(converted);
    return rc;
}

/* One page of a list as {"data": [...], "next_cursor": ...}. */
static int json_page(struct request *req, struct response *res, const struct list_spec *spec,
                     const struct list_sort *sort, const char **values, size_t nparams, long limit)
{
    PGresult *r = db_query(req, res, sort->query, (int)nparams, values);
    if (!r)
        return -1;
    int rows = PQntuples(r);
    if (rows == 0 && spec->parent_query != QUERY_COUNT && check_parent(req, res, spec, values)) {
        return -1;
    }

    int page = rows > limit ? (int)limit : rows;
    struct buf body = {0};
    size_t estimate = 32;
    for (int i = 0; i < page; i++)
        estimate += (size_t)PQgetlength(r, i, 0) + 1;
    buf_reserve(&body, estimate + 64);
    buf_puts(&body, "{\"data\":[");
    for (int i = 0; i < page; i++) {
        if (i)
            buf_puts(&body, ",");
        buf_append(&body, PQgetvalue(r, i, 0), (size_t)PQgetlength(r, i, 0));
    }
    buf_puts(&body, "],\"next_cursor\":");
    if (rows > limit) {
        const char *last[CURSOR_MAX_KEYS + 1] = {embedded_queries[sort->query].name};
        char next[CURSOR_MAX_LEN + 1];
        for (size_t k = 0; k < sort->nkeys; k++)
            last[k + 1] = PQgetvalue(r, page - 1, (int)k + 1);
        if (cursor_encode(last, sort->nkeys + 1, next) == 0) {
            buf_printf(&body, "\"%s\"}", next);
            add_next_link(req, res, next);
        } else {
            buf_puts(&body, "null}");
        }
    } else {
        buf_puts(&body, "null}");
    }
    size_t len;
    char *data = buf_steal(&body, &len);
    response_json_owned(res, 200, data, len);
    return 0;
}

int get_one(struct request *req, struct response *res, enum query_id query, int nvalues,
            const char *const *values, const char *what)
{
    if (no_params(req, res))
        return -1;
    PGresult *r = db_query(req, res, query, nvalues, values);
    if (!r)
        return -1;
    if (PQntuples(r) == 0) {
        return fail(res, PROBLEM_NOT_FOUND, NULL, "no %s %s", what, values[nvalues - 1]);
    }
    if (PQnfields(r) > 1 && !PQgetisnull(r, 0, 1)) {
        char etag[48];
        snprintf(etag, sizeof etag, "\"%s\"", PQgetvalue(r, 0, 1));
        response_add_header(res, "ETag", etag);
    }
    response_take_result(res, 200, r, 0, 0);
    return 0;
}

int path_slug(struct request *req, struct response *res, size_t i, const char *name,
              const char **out)
{
    if (i >= req->npath_params || !is_slug(req->path_params[i]))
        return fail(res, PROBLEM_BAD_PARAMETER, name,
                    "%s must be a slug such as alan-gagloev (lowercase letters, digits, dashes)",
                    name);
    *out = req->path_params[i];
    return 0;
}

int path_id(struct request *req, struct response *res, size_t i, const char *name, const char **out)
{
    long id;
    if (i >= req->npath_params || !parse_long(req->path_params[i], 1, 9223372036854775807L, &id))
        return fail(res, PROBLEM_BAD_PARAMETER, name, "%s must be a positive whole number", name);
    *out = req->path_params[i];
    return 0;
}

int no_params(struct request *req, struct response *res)
{
    const char *none[1];
    return params_read(req, res, NULL, 0, NULL, none);
}
