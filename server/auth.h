/*
 * auth.h - API keys: who may do what. Keys are sent as
 * "Authorization: Bearer <key>" and stored only as SHA-256 hashes, computed
 * by PostgreSQL; the plain key is shown once, when created.
 */
#ifndef ONRECORD_AUTH_H
#define ONRECORD_AUTH_H

#include "api.h"

/* What a route requires. READ needs a key only with ONRECORD_READ_REQUIRES_KEY=1. */
enum access { ACCESS_READ = 0, ACCESS_PUBLIC, ACCESS_EDITOR, ACCESS_ADMIN };

/* What an Authorization header value holds (auth_parse). */
enum auth_header {
    AUTH_NO_CREDENTIALS, /* another scheme than Bearer: 401, no error code (RFC 6750 3) */
    AUTH_MALFORMED,      /* Bearer without a key, or not one SP after it: invalid_request */
    AUTH_BAD_TOKEN,      /* what follows is no b64token of 8-200 bytes: invalid_token */
    AUTH_TOKEN,          /* a well-formed key, to be looked up */
};
#define AUTH_MIN_TOKEN 8
#define AUTH_MAX_TOKEN 200

/*
 * Parses an Authorization value (RFC 9110 11.4, RFC 6750 2.1): the scheme is
 * case-insensitive, one or more SP separate it from the key, whitespace
 * around the value is not part of it. For AUTH_TOKEN, sets *token to the
 * key within h and *token_len to its length (h is not copied). Pure: no
 * database, no request.
 */
enum auth_header auth_parse(const char *h, const char **token, size_t *token_len);

/*
 * Checks the request's key against what the route needs. Sets
 * req->key_name on success. Returns 0, or -1 with 401 (missing, malformed,
 * unknown or revoked key, or more than one Authorization header;
 * WWW-Authenticate set) or 403 (the key's role is too low).
 */
int auth_check(struct request *req, struct response *res, enum access need, bool read_requires_key);

/*
 * Writes a new random key ("ork_" + 43 base64url characters) into out
 * (at least AUTH_KEY_LEN + 1 bytes). Returns 0, or -1 if the kernel's
 * random source fails.
 */
#define AUTH_KEY_LEN 47
int auth_new_key(char *out);

#endif
