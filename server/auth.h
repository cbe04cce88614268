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

/*
 * Checks the request's key against what the route needs. Sets
 * req->key_name on success. Returns 0, or -1 with 401 (missing, unknown or
 * revoked key; WWW-Authenticate set) or 403 (the key's role is too low).
 */
int auth_check(struct request *req, struct response *res, enum access need, bool read_requires_key);

/*
 * The key of an Authorization header ("Bearer <key>", scheme in any case),
 * a pointer into h; or NULL, with the 401's WWW-Authenticate error (NULL
 * when there was no header) and detail in *error and *detail (static
 * strings). Only the form is checked; auth_check looks the key up. Pure:
 * fuzzed in tests/fuzz.
 */
const char *auth_bearer_key(const char *h, const char **error, const char **detail);

/*
 * Writes a new random key ("ork_" + 43 base64url characters) into out
 * (at least AUTH_KEY_LEN + 1 bytes). Returns 0, or -1 if the kernel's
 * random source fails.
 */
#define AUTH_KEY_LEN 47
int auth_new_key(char *out);

#endif
