/*
 * write.h - the write plumbing every resource shares: POST (create), PATCH
 * (JSON merge patch), DELETE and the per-record history. A resource
 * describes itself once (its name, body fields and path key) and its
 * handlers are one call each. The database does the work in one
 * transaction (onrecord_write, db/WRITES.md).
 */
#ifndef ONRECORD_WRITE_H
#define ONRECORD_WRITE_H

#include "api.h"
#include "validate.h"

struct resource_desc {
    const char *name;                 /* "actors": as onrecord_write and history know it */
    const struct object_spec *fields; /* the body */
    size_t npath;                     /* path parameters forming the key (1, stances 2) */
    /* What each path parameter is: "slug" or "id" (stances: "id", "slug"). */
    const char *key[2];
};

/*
 * Handlers for any resource: the route's data (req->route_data) is the
 * resource's struct resource_desc.
 */
/* POST /v1/<resource>: 201 with the record, ETag and Location. */
int write_create(struct request *req, struct response *res);
/* PATCH /v1/<resource>/<key>: 200 with the record and its new ETag. */
int write_update(struct request *req, struct response *res);
/* DELETE /v1/<resource>/<key>: 204. */
int write_delete(struct request *req, struct response *res);
/* GET /v1/<resource>/<key>/history (changes.c): the record's changes, oldest first. */
int write_history(struct request *req, struct response *res);

/*
 * The record's key from the path as onrecord_write and history take it:
 * "alan-gagloev", "15", "15/topic-slug" (out: at least WRITE_TARGET_MAX
 * bytes). Returns 0, or -1 with a 400 problem naming the bad path part.
 */
#define WRITE_TARGET_MAX 160
int write_target(struct request *req, struct response *res, const struct resource_desc *rd,
                 char *out);

/*
 * If-Match -> what onrecord_write compares with the record's version: "*",
 * or the versions of the listed entity tags joined by commas ("3.9f2c..."
 * and "3" both give 3), written into out (size bytes). Weak tags never
 * match (RFC 9110 compares If-Match strongly), so a header with nothing
 * usable gives "-", which matches no version and answers 412. NULL when
 * there is no header. Pure: unit-tested and fuzzed (tests/fuzz).
 */
const char *if_match_value(const char *header, char *out, size_t size);

/* The resources (declared in their own files). */
extern const struct resource_desc actors_resource, roles_resource, outlets_resource,
    sources_resource, statements_resource, topics_resource, stances_resource, recognitions_resource;

#endif
