/*
 * list.h - the list plumbing every collection endpoint shares: parameter
 * checking, keyset pagination with an opaque cursor, the JSON envelope
 * {"data": [...], "next_cursor": ...} and the Link header. A resource
 * describes its list once, as data, and calls list_respond().
 *
 * The list query's SQL parameters are, in order: one per filter (NULL when
 * absent), one per cursor key (NULL on the first page), then the row limit
 * (NULL for exports: every row). Each row has the item's JSON in column 0
 * and its sort key in columns 1..nkeys; the query returns at most `limit`
 * rows (we ask for one more than the page to learn whether there is a next
 * page). Filters of type PARAM_LIST reach SQL as a text[] literal ({a,b}),
 * PARAM_BOOL as true/false.
 *
 * Every list also answers CSV and NDJSON (format= or Accept), streamed.
 */
#ifndef ONRECORD_LIST_H
#define ONRECORD_LIST_H

#include "db.h"
#include "export.h"
#include "params.h"

#define LIST_DEFAULT_LIMIT 50

/* The sparse-fieldset filter every list takes last: fields=a,b keeps those keys. */
#define FIELDS_FILTER {"fields", PARAM_LIST, NULL}
#define LIST_MAX_LIMIT 200
#define LIST_NARROWINGS 6

/* One sort order a list offers (sort=name): its query and its key's parts. */
struct list_sort {
    const char *name;
    enum query_id query;
    const enum param_type *keys;
    size_t nkeys;
    const char *needs; /* a filter this order needs (relevance needs q), or NULL */
    /*
     * Tried in order: the first whose filters `by` (names, separated by
     * spaces) are all given (by the query string or the path), and whose
     * filters named with a leading '!' are all absent, runs its
     * `query` instead of `query` above: the same parameters, rows and
     * columns, reached another way. A search
     * finds a few hundred statements faster than a walk through all of
     * them by date finds their newest 50; one actor's statements have a
     * query that is planned once per connection rather than per request.
     */
    struct list_narrowing {
        const char *by;
        enum query_id query;
    } narrowed[LIST_NARROWINGS];
};

struct list_spec {
    enum query_id query; /* with keys/nkeys: the only order, when nsorts == 0 */
    const struct param_spec *filters;
    size_t nfilters;
    const enum param_type *keys; /* the sort key's parts, for the cursor */
    size_t nkeys;
    /*
     * When the list hangs under a parent record (/v1/actors/{slug}/...),
     * the filter filled from the path and the query that says whether the
     * parent exists (taking that one value), so an empty page for an unknown
     * parent becomes 404. parent_query == QUERY_COUNT means no parent.
     */
    enum query_id parent_query;
    size_t parent_filter;
    size_t parent_nparams;   /* filters from parent_filter on it takes; 0 means 1 */
    const char *parent_name; /* "actor", for the 404 message */
    /* sort=: the orders offered, the first being the default. */
    const struct list_sort *sorts;
    size_t nsorts;
    /* CSV columns: dotted paths into each item ("actor.slug"), NULL-ended. */
    const char *const *csv_columns;
};

/*
 * Answers a list request. preset[i], when non-NULL, fixes filter i (from the
 * path) and the query string may not set it. Returns 0 or -1 (problem set).
 */
int list_respond(struct request *req, struct response *res, const struct list_spec *spec,
                 const char *const *preset);

/*
 * Answers a single-record request: runs `query` with nvalues parameters and
 * returns the JSON in column 0 of its one row (with column 1, when present,
 * as the ETag), or 404 "no <what> <last value>" when there is no row.
 */
int get_one(struct request *req, struct response *res, enum query_id query, int nvalues,
            const char *const *values, const char *what);

/* Path parameter i as a slug / id, or a 400 problem naming `name`. */
int path_slug(struct request *req, struct response *res, size_t i, const char *name,
              const char **out);
int path_id(struct request *req, struct response *res, size_t i, const char *name,
            const char **out);

/* Rejects every query parameter (for routes that take none). */
int no_params(struct request *req, struct response *res);

#endif
