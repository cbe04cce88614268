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

/* tchar (RFC 9110 5.6.2): what an auth-scheme is made of. */
static bool is_tchar(char c)
{
    return c && (strchr("!#$%&'*+-.^_`|~", c) || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                 (c >= 'A' && c <= 'Z'));
}

enum auth_header auth_parse(const char *h, const char **token, size_t *token_len)
{
    /* A field value has no leading or trailing whitespace (RFC 9110 5.5). */
    const char *end = h + strlen(h);
    while (*h == ' ' || *h == '\t')
        h++;
    while (end > h && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    size_t scheme = 0;
    while (h + scheme < end && is_tchar(h[scheme]))
        scheme++;
    /* Another scheme, or none: no credentials this server takes (RFC 6750 3). */
    if (scheme != 6 || strncasecmp(h, "Bearer", 6) != 0)
        return AUTH_NO_CREDENTIALS;
    /* credentials = auth-scheme 1*SP token68 (RFC 9110 11.4, RFC 6750 2.1). */
    const char *p = h + 6;
    if (p == end || *p != ' ')
        return AUTH_MALFORMED;
    while (*p == ' ')
        p++;
    size_t n = (size_t)(end - p);
    /* b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" */
    size_t body = 0;
    while (body < n && p[body] &&
           (strchr("-._~+/", p[body]) || (p[body] >= '0' && p[body] <= '9') ||
            (p[body] >= 'a' && p[body] <= 'z') || (p[body] >= 'A' && p[body] <= 'Z')))
        body++;
    size_t pad = body;
    while (pad < n && p[pad] == '=')
        pad++;
    if (body == 0 || pad != n || n < AUTH_MIN_TOKEN || n > AUTH_MAX_TOKEN)
        return AUTH_BAD_TOKEN;
    *token = p;
    *token_len = n;
    return AUTH_TOKEN;
}

int auth_check(struct request *req, struct response *res, enum access need, bool read_requires_key)
{
    if (need == ACCESS_PUBLIC || (need == ACCESS_READ && !read_requires_key))
        return 0;
    const char *h = req->authorization;
    if (!h)
        return unauthorized(res, NULL, "this request needs an API key: Authorization: Bearer KEY");
    /* Two keys: which one counts is not for the server to guess (RFC 6750 3.1). */
    if (req->authorization_count > 1)
        return unauthorized(res, "invalid_request", "send one Authorization header, not several");
    const char *token = NULL;
    size_t len = 0;
    switch (auth_parse(h, &token, &len)) {
    case AUTH_NO_CREDENTIALS:
        return unauthorized(res, NULL, "use the Bearer scheme: Authorization: Bearer KEY");
    case AUTH_MALFORMED:
        return unauthorized(res, "invalid_request",
                            "the Bearer scheme needs a key after one space: Authorization: "
                            "Bearer KEY");
    case AUTH_BAD_TOKEN:
        return unauthorized(res, "invalid_token", "the API key is not valid");
    case AUTH_TOKEN:
        break;
    }
    /* libpq copies the value before db_query returns, even for a pipelined read. */
    char key[AUTH_MAX_TOKEN + 1];
    memcpy(key, token, len);
    key[len] = '\0';
    const char *values[1] = {key};

    PGresult *r = db_query(req, res, QUERY_AUTH_KEY, 1, values);
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
