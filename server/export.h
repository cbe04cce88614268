/*
 * export.h - lists as CSV (RFC 4180) or NDJSON, streamed row by row from
 * PostgreSQL while they are sent, so memory stays flat however many rows.
 */
#ifndef ONRECORD_EXPORT_H
#define ONRECORD_EXPORT_H

#include "api.h"
#include "embedded_sql.h"

enum export_format { FORMAT_JSON, FORMAT_CSV, FORMAT_NDJSON };

/*
 * The format a list request asks for: format=csv|ndjson|json, else the
 * Accept header (text/csv, application/x-ndjson), else JSON. Returns -1
 * with a 400 problem for an unknown format= value.
 */
int export_format_of(const struct request *req, struct response *res, enum export_format *out);

/*
 * Starts streaming query `id` with its parameters into res as `format`.
 * Each row's column 0 is an item's JSON; CSV cells are the values at
 * `columns` (dotted paths such as "actor.slug"; objects and arrays as JSON
 * text). The query runs on a connection of its own (the worker's stays free
 * for other requests) in single-row mode. Returns 0, or -1 with a problem
 * (e.g. 503) when the query cannot start.
 */
int export_start(struct response *res, enum query_id id, int nparams, const char *const *values,
                 enum export_format format, const char *const *columns);

/* Appends one CSV field, quoted when it must be (RFC 4180). */
struct buf;
void csv_field(struct buf *out, const char *value, size_t len);

#endif
