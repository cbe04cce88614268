/*
 * respond.c - the last step of every response: ETag and If-None-Match
 * (304), Cache-Control, gzip and CORS. Handlers never deal with these.
 *
 * ETags: a record's ETag is "<version>.<hash>": the version is what If-Match
 * compares (db/WRITES.md), the hash of the body makes it change when a
 * derived part of the representation does (an actor's statement count).
 * Lists get a weak ETag from the hash of the body.
 */
#include "respond.h"
#include "util.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#define GZIP_MIN_BYTES 1024

/*
 * 64 bits of the body (FNV-1a took a byte a step: 9% of the server's CPU time
 * on GET /v1/statements/{id}). Four lanes take eight bytes each a step, so
 * their multiplications overlap instead of waiting for one another (one lane
 * was 6% of the server's time on a 15 KB list page); then the lanes and the
 * tail are folded into one. Not for adversaries: it only has to change when
 * the body does.
 */
static uint64_t mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
}

void content_hash(const void *data, size_t n, char *out)
{
    uint64_t lane[4] = {14695981039346656037ULL ^ n, 1, 2, 3};
    const unsigned char *p = data;
    uint64_t w;
    for (; n >= 32; n -= 32, p += 32)
        for (int i = 0; i < 4; i++) {
            memcpy(&w, p + 8 * i, 8);
            lane[i] = mix(lane[i], w);
        }
    uint64_t h = mix(mix(mix(lane[0], lane[1]), lane[2]), lane[3]);
    for (; n >= 8; n -= 8, p += 8) {
        memcpy(&w, p, 8);
        h = mix(h, w);
    }
    w = 0;
    if (n > 0)
        memcpy(&w, p, n);
    h = mix(h, w);
    h ^= h >> 32;
    snprintf(out, 17, "%016" PRIx64, h);
}

static struct header *find_header(struct response *res, const char *name)
{
    for (size_t i = 0; i < res->nheaders; i++)
        if (strcasecmp(res->headers[i].name, name) == 0)
            return &res->headers[i];
    return NULL;
}

/* The opaque part of an entity tag: W/"x" and "x" both give x (length in *n). */
static const char *opaque(const char *tag, size_t *n)
{
    if (strncmp(tag, "W/", 2) == 0)
        tag += 2;
    size_t len = strlen(tag);
    if (len >= 2 && tag[0] == '"' && tag[len - 1] == '"') {
        *n = len - 2;
        return tag + 1;
    }
    *n = len;
    return tag;
}

bool etag_matches(const char *if_none_match, const char *etag)
{
    if (!if_none_match || !etag)
        return false;
    size_t want_n;
    const char *want = opaque(etag, &want_n);
    const char *p = if_none_match;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (*p == '*')
            return true;
        const char *start = p;
        if (strncmp(p, "W/", 2) == 0)
            p += 2;
        if (*p == '"') {
            const char *close = strchr(p + 1, '"');
            if (!close)
                return false;
            p = close + 1;
        } else {
            p += strcspn(p, ", ");
        }
        char tag[160];
        size_t n = (size_t)(p - start);
        if (n == 0 || n >= sizeof tag)
            return false;
        memcpy(tag, start, n);
        tag[n] = '\0';
        size_t got_n;
        const char *got = opaque(tag, &got_n);
        if (got_n == want_n && memcmp(got, want, got_n) == 0)
            return true;
    }
    return false;
}

bool accepts_gzip(const char *accept_encoding)
{
    if (!accept_encoding)
        return false;
    for (const char *p = accept_encoding; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t n = strcspn(p, ",");
        char item[64];
        snprintf(item, sizeof item, "%.*s", (int)(n < sizeof item ? n : sizeof item - 1), p);
        char *semi = strchr(item, ';');
        double q = 1;
        if (semi) {
            *semi = '\0';
            const char *qs = strstr(semi + 1, "q=");
            if (qs)
                q = strtod(qs + 2, NULL);
        }
        for (char *e = item + strlen(item); e > item && e[-1] == ' ';)
            *--e = '\0';
        if ((strcasecmp(item, "gzip") == 0 || strcmp(item, "*") == 0) && q > 0)
            return true;
        p += n;
    }
    return false;
}

static bool compressible(const char *content_type)
{
    return content_type && (strncmp(content_type, "application/", 12) == 0 ||
                            strncmp(content_type, "text/", 5) == 0);
}

/* Gzips the body in place; false (body untouched) when it would not shrink. */
static bool gzip_body(struct response *res)
{
    z_stream zs = {0};
    if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return false;
    size_t cap = deflateBound(&zs, res->len);
    unsigned char *out = xmalloc(cap);
    zs.next_in = (unsigned char *)res->body;
    zs.avail_in = (uInt)res->len;
    zs.next_out = out;
    zs.avail_out = (uInt)cap;
    int rc = deflate(&zs, Z_FINISH);
    size_t n = zs.total_out;
    deflateEnd(&zs);
    if (rc != Z_STREAM_END || n >= res->len) {
        free(out);
        return false;
    }
    if (res->release)
        res->release(res->release_cls);
    res->body = (const char *)out;
    res->len = n;
    res->release = free;
    res->release_cls = out;
    return true;
}

static bool origin_allowed(const struct cors_config *cors, const char *origin)
{
    if (!cors || !cors->origins || !cors->origins[0] || !origin || !origin[0])
        return false;
    if (strcmp(cors->origins, "*") == 0)
        return true;
    size_t n = strlen(origin);
    for (const char *p = cors->origins; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t k = strcspn(p, ", ");
        if (k == n && strncmp(p, origin, n) == 0)
            return true;
        p += k;
    }
    return false;
}

static void add_cors(const struct request *req, struct response *res,
                     const struct cors_config *cors)
{
    /* A preflight answer has its CORS headers already. */
    if (!origin_allowed(cors, req->origin) || find_header(res, "Access-Control-Allow-Origin"))
        return;
    bool any = strcmp(cors->origins, "*") == 0;
    response_add_header(res, "Access-Control-Allow-Origin", any ? "*" : req->origin);
    response_add_header(res, "Access-Control-Expose-Headers", CORS_EXPOSE_HEADERS);
}

int respond_preflight(const struct request *req, struct response *res, const char *allow,
                      const char *request_method, const struct cors_config *cors)
{
    if (strcmp(req->method, "OPTIONS") != 0 || !req->origin || !request_method)
        return 0;
    response_add_header(res, "Allow", allow);
    if (origin_allowed(cors, req->origin)) {
        bool any = strcmp(cors->origins, "*") == 0;
        response_add_header(res, "Access-Control-Allow-Origin", any ? "*" : req->origin);
        response_add_header(res, "Access-Control-Allow-Methods", allow);
        response_add_header(res, "Access-Control-Allow-Headers", CORS_ALLOW_HEADERS);
        response_add_header(res, "Access-Control-Max-Age", "600");
    }
    response_json_static(res, 204, "");
    res->content_type = NULL;
    res->cache_control = "no-store";
    return 1;
}

/* Adds the ETag: "<version>.<hash>" for records, W/"<hash>" for the rest. */
static const char *set_etag(const struct request *req, struct response *res)
{
    char hash[17];
    content_hash(res->body, res->len, hash);
    struct header *h = find_header(res, "ETag");
    char value[64];
    if (h) {
        size_t n;
        const char *version = opaque(h->value, &n);
        if (n == 0 || n > 20 || strspn(version, "0123456789") != n)
            return h->value; /* not a bare version: the handler knows best */
        snprintf(value, sizeof value, "\"%.*s.%s\"", (int)n, version, hash);
        free(h->value);
        h->value = xstrdup(value);
        return h->value;
    }
    /* Reads that must not be stored (health checks) need no validator. */
    if ((strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0) ||
        (res->cache_control && strcmp(res->cache_control, "no-store") == 0))
        return NULL;
    snprintf(value, sizeof value, "W/\"%s\"", hash);
    response_add_header(res, "ETag", value);
    return res->headers[res->nheaders - 1].value;
}

void respond_finish(const struct request *req, struct response *res, const struct cors_config *cors)
{
    bool read =
        req->method && (strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0);
    bool ok = res->status >= 200 && res->status < 300;
    bool has_body = res->body && res->len > 0 && !res->stream.read;
    bool vary_encoding = false;

    if (ok && has_body) {
        const char *etag = set_etag(req, res);
        if (read && res->status == 200 && etag && etag_matches(req->if_none_match, etag)) {
            if (res->release)
                res->release(res->release_cls);
            res->release = NULL;
            res->body = "";
            res->len = 0;
            res->status = 304;
            res->content_type = NULL;
            has_body = false;
            vary_encoding = true;
        }
    }
    if (res->status == 304)
        vary_encoding = true; /* as the 200 it stands for might have been gzipped */
    if (!res->cache_control)
        res->cache_control = res->status >= 400 || !read ? "no-store" : "no-cache";

    if (has_body && compressible(res->content_type) && res->len >= GZIP_MIN_BYTES) {
        vary_encoding = true;
        if (accepts_gzip(req->accept_encoding) && gzip_body(res))
            response_add_header(res, "Content-Encoding", "gzip");
    }
    bool cors_on = cors && cors->origins && cors->origins[0] && strcmp(cors->origins, "*") != 0;
    char vary[48] = "";
    if (res->vary_accept)
        strcat(vary, "Accept");
    if (vary_encoding)
        strcat(vary, vary[0] ? ", Accept-Encoding" : "Accept-Encoding");
    if (cors_on)
        strcat(vary, vary[0] ? ", Origin" : "Origin");
    if (vary[0])
        response_add_header(res, "Vary", vary);
    add_cors(req, res, cors);
}
