/*
 * respond.h - what happens to a response between its handler and the wire:
 * validators (ETag) and conditional GET (304), Cache-Control, gzip, and CORS.
 * Works on struct request / struct response only, so it is unit-testable.
 */
#ifndef ONRECORD_RESPOND_H
#define ONRECORD_RESPOND_H

#include "api.h"

struct cors_config {
    const char *origins; /* "*", or a comma-separated list; NULL/"" = CORS off */
};

/* The methods and headers a browser may use, for preflight answers. */
#define CORS_ALLOW_HEADERS                                                                         \
    "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, X-Request-Id"
#define CORS_EXPOSE_HEADERS "ETag, Link, Location, Retry-After, X-Request-Id"

/* A 64-bit hash of n bytes (not for adversaries), as 16 lowercase hex digits in out[17]. */
void content_hash(const void *data, size_t n, char *out);

/*
 * Finishes a handler's response: adds the ETag of GET/HEAD 2xx bodies (weak,
 * from a hash of the body, unless the handler set one), answers 304 when
 * If-None-Match matches, sets Cache-Control, gzips bodies worth it when the
 * client accepts gzip, and adds CORS headers for allowed origins.
 */
void respond_finish(const struct request *req, struct response *res,
                    const struct cors_config *cors);

/*
 * Answers a CORS preflight (OPTIONS with Origin and
 * Access-Control-Request-Method) for a path allowing `allow`. Returns 1 if
 * it answered, 0 if the request is not a preflight.
 */
int respond_preflight(const struct request *req, struct response *res, const char *allow,
                      const char *request_method, const struct cors_config *cors);

/* True when If-None-Match (a list of entity tags, or *) matches etag. */
bool etag_matches(const char *if_none_match, const char *etag);

/* True when an Accept-Encoding header accepts gzip (present, q not 0). */
bool accepts_gzip(const char *accept_encoding);

#endif
