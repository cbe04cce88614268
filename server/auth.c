/*
 * auth.c - Bearer API keys: parsing the header, looking the key's hash up
 * (one prepared statement; the hashing is PostgreSQL's sha256()), and
 * comparing the key's role with what the route needs.
 */
#include "auth.h"
#include "db.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

static int unauthorized(struct response *res, const char *error, const char *detail)
{
    char challenge[128];
    if (error)
        snprintf(challenge, sizeof challenge, "Bearer realm=\"onrecord\", error=\"%s\"", error);
    else
        snprintf(challenge, sizeof challenge, "Bearer realm=\"onrecord\"");
    response_add_header(res, "WWW-Authenticate", challenge);
    return fail(res, PROBLEM_UNAUTHORIZED, NULL, "%s", detail);
}

static bool key_well_formed(const char *key)
{
    size_t n = strlen(key);
    return n >= 8 && n <= 200 &&
           strspn(key, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=") ==
               n;
}

const char *auth_bearer_key(const char *h, const char **error, const char **detail)
{
    *error = NULL;
    if (!h) {
        *detail = "this request needs an API key: Authorization: Bearer KEY";
        return NULL;
    }
    if (strncasecmp(h, "Bearer ", 7) != 0) {
        *error = "invalid_request";
        *detail = "use the Bearer scheme: Authorization: Bearer KEY";
        return NULL;
    }
    const char *key = h + 7;
    while (*key == ' ')
        key++;
    if (!key_well_formed(key)) {
        *error = "invalid_token";
        *detail = "the API key is not valid";
        return NULL;
    }
    return key;
}

int auth_check(struct request *req, struct response *res, enum access need, bool read_requires_key)
{
    if (need == ACCESS_PUBLIC || (need == ACCESS_READ && !read_requires_key))
        return 0;
    const char *error, *detail;
    const char *key = auth_bearer_key(req->authorization, &error, &detail);
    if (!key)
        return unauthorized(res, error, detail);

    PGresult *r = db_query(req, res, QUERY_AUTH_KEY, 1, &key);
    if (!r)
        return -1;
    if (PQntuples(r) != 1) {
        return unauthorized(res, "invalid_token", "the API key is unknown or revoked");
    }
    const char *role = PQgetvalue(r, 0, 1);
    bool allowed = need == ACCESS_READ || strcmp(role, "admin") == 0 ||
                   (need == ACCESS_EDITOR && strcmp(role, "editor") == 0);
    snprintf(req->key_name, sizeof req->key_name, "%s", PQgetvalue(r, 0, 0));
    if (!allowed) {
        fail(res, PROBLEM_FORBIDDEN, NULL, "the key '%s' has role %s, which may not do this",
             req->key_name, role);
        return -1;
    }
    return 0;
}

int auth_new_key(char *out)
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned char raw[32];
    if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw)
        return -1;
    memcpy(out, "ork_", 4);
    size_t o = 4;
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < sizeof raw; i++) {
        acc = (acc << 8) | raw[i];
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out[o++] = b64[(acc >> bits) & 63];
        }
    }
    if (bits)
        out[o++] = b64[(acc << (6 - bits)) & 63];
    out[o] = '\0';
    return 0;
}
