/*
 * http.c - the request life cycle on libmicrohttpd: MHD's callbacks, the
 * request state, dispatch to the router, and merging identical reads in
 * flight. Handlers see only struct request / struct response (api.h). The
 * threads that run the daemons are workers.c's.
 *
 * Request life cycle (see docs/ARCHITECTURE.md):
 *  0. MHD_OPTION_URI_LOG_CALLBACK sees the raw request target (the only
 *     place an escaped NUL or control byte can still be seen) and allocates
 *     the request state.
 *  1. first call of the access handler: note the request id, return.
 *     Queuing a response on this first call makes MHD 0.9.75 close the
 *     connection after it (no keep-alive), so we only do it to refuse a
 *     declared body far over the limit.
 *  2. calls with upload data: append to the body, up to max_body (413 past it).
 *  3. final call: collect the query string, route, check the key, answer a
 *     public read from the cache (vcache.c: a 304 for a validator that
 *     still matches, or a costly read's kept answer), or wait for the
 *     answer of the same costly read already waiting for its query, on any
 *     worker (flight.h: woken, it looks in the cache again), or run the handler,
 *     finish the response (respond.c: ETag, 304, gzip, CORS), remember a
 *     read's ETag in the cache (and a costly read's whole answer), queue.
 *     A write that succeeded makes the cache stale before it is answered.
 *     A read's query is sent without waiting (db.h: struct db_calls): the
 *     connection is suspended, and once the result is in it is resumed,
 *     MHD makes the final call again, and the handler runs again from the
 *     start, its queries answered from the results held.
 *  4. MHD_OPTION_NOTIFY_COMPLETED: write the access log line, free the state.
 */
#include "http.h"
#include "api.h"
#include "auth.h"
#include "db.h"
#include "flight.h"
#include "respond.h"
#include "router.h"
#include "util.h"
#include "vcache.h"
#include "workers.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define MAX_PATH_LEN 2048
#define MAX_TARGET_LEN 2048 /* the raw request target, path and query: 414 past it */
#define MAX_REQUEST_ID_LEN 64
/*
 * What one header, cookie or query argument costs in MHD 0.9.75's
 * per-connection pool besides its text: a struct MHD_HTTP_Header (56
 * bytes), rounded to 16. See head_cost().
 */
#define MHD_RECORD_COST 64
/*
 * Of ONRECORD_CONNECTION_MEMORY, what a request's head may not take: the
 * pool must still hold the answer's status line and headers (about 300 to
 * 600 bytes; a list's Link header repeats the request target, which
 * head_cost() counts again for reads). A head that leaves less would be
 * read, and then MHD could not build the answer's headers and would close
 * the connection without one.
 */
#define RESPONSE_HEAD_ROOM 1024

struct request_state {
    struct request req;
    struct response res;
    struct buf body;
    bool body_too_large;
    size_t received; /* body bytes seen, kept or not */
    bool read_requires_key;
    long max_body;
    bool too_many_args;
    bool target_too_long; /* the raw request target is over MAX_TARGET_LEN (on_uri) */
    size_t target_len;    /* bytes in the raw request target, as on_uri saw it */
    size_t nargs_raw;     /* query arguments in it, as MHD will split them */
    bool bad_bytes;       /* NUL or control byte in the path or query (raw or %-escaped) */
    char bad_arg[64];     /* the query parameter that had one, if known */
    bool seen;            /* the access handler has been called for this request */
    bool refused;         /* refused on the first call (res holds the problem): answered, closed */
    bool dispatched;      /* the handler has run (it runs again after a wait) */
    bool responded;
    struct MHD_Connection *conn;
    struct db_calls calls;
    char *path_copy;
    char *cache_key;           /* set for public reads (vcache.h) */
    uint64_t cache_generation; /* read before the handler's query */
    bool from_cache;           /* answered from vcache.h: a 304, or a kept answer */
    struct flight flight;      /* leading or following an identical read (flight.h) */
    struct worker *worker;     /* the worker it runs on, once it leads or follows */
    bool parked;               /* following, or woken and not yet run again */
    bool woken;                /* its leader has answered: look in the cache again */
    bool leader_timed_out;     /* ... with 503 query-timeout: so would this request */
    char request_id[MAX_REQUEST_ID_LEN + 1];
    struct timespec started;
};

static atomic_ulong request_counter;

/* Echo the client's X-Request-Id when it is short and printable; else make one. */
static void set_request_id(struct request_state *st, struct MHD_Connection *conn)
{
    const char *given = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Request-Id");
    if (given && *given && strlen(given) <= MAX_REQUEST_ID_LEN &&
        strspn(given, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:") ==
            strlen(given)) {
        strcpy(st->request_id, given);
    } else {
        unsigned long n = atomic_fetch_add(&request_counter, 1) + 1;
        snprintf(st->request_id, sizeof st->request_id, "%lx-%lx", (unsigned long)time(NULL), n);
    }
}

static bool has_control(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return true;
    return false;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* struct db_calls' ready callback: the awaited result is in (or never will be). */
static void resume(void *cls)
{
    struct request_state *st = cls;
    MHD_resume_connection(st->conn);
}

/*
 * A follower's leader has answered: resume it on its own worker's thread,
 * this one or, through that worker's inbox, another (whose loop then calls
 * this: workers.c's take_inbox). A suspended request is only freed once its
 * worker's loop has ended (http_stop), so the pointer stays good until then.
 */
void http_resume_woken(struct request_state *st)
{
    st->woken = true;
    MHD_resume_connection(st->conn);
}

static struct request_state *state_of(struct flight *f)
{
    return (struct request_state *)((char *)f - offsetof(struct request_state, flight));
}

/*
 * The request is done with its flight: off the deck, its followers woken.
 * Those on other workers go to their inboxes while the deck is still
 * locked, so a stopping worker finds each of its followers either on the
 * deck or in its inbox (http_stop_following, then workers.c's take_inbox).
 * Those on this worker are resumed after.
 */
static void land(struct request_state *st)
{
    if (!st->worker)
        return;
    struct http_server *server = st->worker->server;
    bool timed_out = st->res.problem.code == PROBLEM_QUERY_TIMEOUT;
    struct flight *here = NULL, *next;
    pthread_mutex_lock(&server->deck_lock);
    for (struct flight *f = flight_land(&server->deck, &st->flight); f; f = next) {
        next = f->next; /* read first: once handed over, f is its worker's */
        struct request_state *follower = state_of(f);
        /* Set before the wake: read once the follower runs again, after it. */
        follower->leader_timed_out = timed_out;
        if (follower->worker == this_worker) {
            f->next = here;
            here = f;
        } else {
            worker_inbox_put(follower->worker, (struct inbox_item){.fd = -1, .woken = follower});
        }
    }
    pthread_mutex_unlock(&server->deck_lock);
    for (struct flight *f = here; f; f = next) {
        next = f->next;
        http_resume_woken(state_of(f));
    }
}

/* Follows the same read in flight on any worker, if there is one (flight.h). */
static bool follow(struct request_state *st)
{
    struct http_server *server = this_worker->server;
    st->worker = this_worker; /* before it is on the deck, where others see it */
    pthread_mutex_lock(&server->deck_lock);
    bool following = flight_follow(&server->deck, &st->flight, st->cache_key, st->cache_generation);
    pthread_mutex_unlock(&server->deck_lock);
    if (following) {
        st->parked = true;
        this_worker->parked++;
    }
    return following;
}

/* Leads: the same read, asked for meanwhile, will wait for this one. */
static void lead(struct request_state *st)
{
    struct http_server *server = this_worker->server;
    st->worker = this_worker;
    pthread_mutex_lock(&server->deck_lock);
    flight_lead(&server->deck, &st->flight, st->cache_key, st->cache_generation);
    pthread_mutex_unlock(&server->deck_lock);
}

/*
 * A stopping worker's requests that still follow a leader on another worker
 * stop waiting for it: resumed, they run again and get 503 like every read
 * still waiting then.
 */
void http_stop_following(struct worker *w)
{
    struct http_server *server = w->server;
    for (;;) {
        struct request_state *mine = NULL;
        pthread_mutex_lock(&server->deck_lock);
        for (struct flight *l = server->deck.leaders; l && !mine; l = l->next)
            for (struct flight *f = l->followers; f && !mine; f = f->next)
                if (state_of(f)->worker == w)
                    mine = state_of(f);
        if (mine)
            flight_land(&server->deck, &mine->flight);
        pthread_mutex_unlock(&server->deck_lock);
        if (!mine)
            return;
        http_resume_woken(mine);
    }
}

/* The request runs again (woken), or is done: it no longer holds its worker's loop. */
static void unpark(struct request_state *st)
{
    if (st->parked) {
        st->parked = false;
        st->worker->parked--;
    }
}

/*
 * MHD calls this with the raw request target before unescaping it (the
 * only place "%00" can still be seen); what it returns becomes *con_cls.
 */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    (void)cls;
    (void)conn;
    struct request_state *st = xcalloc(1, sizeof *st);
    clock_gettime(CLOCK_MONOTONIC, &st->started);
    st->calls.ready = resume;
    st->calls.ready_cls = st;
    if (!uri)
        return st;
    const char *query = NULL;
    for (const char *p = uri; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            st->bad_bytes = true;
        if (*p == '%' && hex_value(p[1]) >= 0 && hex_value(p[2]) >= 0) {
            int v = hex_value(p[1]) * 16 + hex_value(p[2]);
            if (v < 0x20 || v == 0x7f)
                st->bad_bytes = true;
        }
        if (*p == '?' && !query)
            query = p;
        else if (*p == '&' && query)
            st->nargs_raw++;
    }
    st->target_len = strlen(uri);
    if (query && query[1])
        st->nargs_raw++;
    st->target_too_long = st->target_len > MAX_TARGET_LEN;
    st->too_many_args = st->nargs_raw > MAX_QUERY_PARAMS;
    if (query && (st->target_too_long || st->too_many_args)) {
        /*
         * MHD splits the query right after this call, one 64-byte record per
         * argument from the connection's pool: 60 short ones ("?a&a&...")
         * filled a 4 KiB pool, and the connection then hung until its
         * timeout. The request will be refused anyway (414 or 400), so its
         * query is emptied first. MHD itself writes into this buffer (it
         * ends the path at the '?'); the argument list starts after it.
         */
        ((char *)query)[1] = '\0';
        st->nargs_raw = 0;
    }
    return st;
}

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                   size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    struct request_state *st = cls;
    if (has_control(key, key_size) || (value && has_control(value, value_size))) {
        if (!st->bad_arg[0] && key_size < sizeof st->bad_arg && !has_control(key, key_size))
            memcpy(st->bad_arg, key, key_size + 1);
        st->bad_bytes = true;
    }
    if (st->req.nquery == MAX_QUERY_PARAMS) {
        st->too_many_args = true;
        return MHD_NO;
    }
    st->req.query[st->req.nquery].name = key;
    st->req.query[st->req.nquery].value = value ? value : "";
    st->req.nquery++;
    return MHD_YES;
}

/*
 * MHD_get_connection_values_n's callback: the first Authorization header and
 * how many there are. MHD's lookup would give the first alone; auth.c
 * refuses two rather than pick one (a proxy may have read the other).
 */
static enum MHD_Result note_authorization(void *cls, enum MHD_ValueKind kind, const char *key,
                                          size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    (void)value_size;
    struct request *req = cls;
    if (key_size != 13 || strncasecmp(key, "Authorization", 13) != 0)
        return MHD_YES;
    if (req->authorization_count++ == 0)
        req->authorization = value ? value : "";
    return MHD_YES;
}

/* True when the request's Cache-Control says no-cache: answer it afresh. */
static bool asks_fresh(struct MHD_Connection *conn)
{
    const char *cc = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Cache-Control");
    for (const char *p = cc; p && *p;) {
        p += strspn(p, " \t,");
        size_t n = strcspn(p, " \t,=");
        if (n == 8 && strncasecmp(p, "no-cache", 8) == 0)
            return true;
        p += strcspn(p, ",");
    }
    return false;
}

/*
 * The validator cache's key for a read: path, query arguments in order and
 * the Accept header (which picks CSV or NDJSON on lists). The separators are
 * control characters, which dispatch() has already refused in all of these.
 */
static char *cache_key(const struct request *req)
{
    struct buf key = {0};
    buf_puts(&key, req->path);
    for (size_t i = 0; i < req->nquery; i++) {
        buf_append(&key, "\x02", 1);
        buf_puts(&key, req->query[i].name);
        buf_append(&key, "\x01", 1);
        buf_puts(&key, req->query[i].value);
    }
    buf_append(&key, "\x03", 1);
    if (req->accept)
        buf_puts(&key, req->accept);
    if (key.len > VCACHE_MAX_KEY) {
        buf_free(&key);
        return NULL;
    }
    return buf_steal(&key, NULL);
}

/*
 * Whether a read may lead or follow an identical one (flight.h): only on a
 * worker thread, and only while the answer it waits for would be kept.
 */
static bool may_share(const struct request_state *st)
{
    return this_worker && !this_worker->closing && st->cache_generation && vcache_keeps_answers();
}

/* Routes the request and runs its handler; leaves the answer in st->res. */
static void dispatch(struct request_state *st, struct MHD_Connection *conn, const char *method,
                     const char *url, const struct cors_config *cors)
{
    struct request *req = &st->req;
    struct response *res = &st->res;
    bool again = st->dispatched;
    bool woken = st->woken;
    st->woken = false;
    unpark(st);
    if (again) {
        /* The query the handler waited for is in: run it again from the start. */
        response_reset(res);
        req->nquery = 0;
        req->npath_params = 0;
        st->calls.next = 0;
        free(st->path_copy);
        st->path_copy = NULL;
    }
    st->dispatched = true;
    req->calls = &st->calls;
    req->method = method;
    req->path = url;
    req->request_id = st->request_id;
    if (st->body.data) {
        req->body = st->body.data;
        req->body_len = st->body.len;
    }
    if (st->refused)
        return;
    if (st->body_too_large) {
        fail(res, PROBLEM_BODY_TOO_LARGE, NULL,
             "the request body is larger than the limit of %ld bytes", st->max_body);
        return;
    }
    if (st->target_too_long) {
        fail(res, PROBLEM_URI_TOO_LONG, NULL, "the request target is longer than %d bytes",
             MAX_TARGET_LEN);
        return;
    }
    if (strlen(url) > MAX_PATH_LEN) {
        fail(res, PROBLEM_URI_TOO_LONG, NULL, "the path is longer than %d bytes", MAX_PATH_LEN);
        return;
    }
    MHD_get_connection_values_n(conn, MHD_GET_ARGUMENT_KIND, collect_arg, st);
    if (st->bad_bytes) {
        fail(res, PROBLEM_BAD_PARAMETER, st->bad_arg[0] ? st->bad_arg : NULL,
             "the path and query must not contain NUL or control characters");
        return;
    }
    if (st->too_many_args) {
        fail(res, PROBLEM_BAD_PARAMETER, NULL, "more than %d query parameters", MAX_QUERY_PARAMS);
        return;
    }
    for (size_t i = 0; i < req->nquery; i++) {
        const char *v = req->query[i].value;
        if (!is_utf8(req->query[i].name, strlen(req->query[i].name)) || !is_utf8(v, strlen(v))) {
            fail(res, PROBLEM_BAD_PARAMETER, NULL, "query parameters must be UTF-8");
            return;
        }
    }

    req->if_none_match = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "If-None-Match");
    req->accept = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept");
    req->accept_encoding = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Encoding");
    req->origin = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Origin");

    const struct route *route;
    char allow[64];
    st->path_copy = xstrdup(url);
    enum route_result found =
        router_match(app_routes, app_nroutes, method, url, st->path_copy, &route, req->path_params,
                     &req->npath_params, allow, sizeof allow);
    if (found == ROUTE_NOT_FOUND) {
        fail(res, PROBLEM_NOT_FOUND, NULL, "no such path; see /openapi.yaml for the API");
        return;
    }
    if (found == ROUTE_METHOD_NOT_ALLOWED) {
        const char *preflight =
            MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Access-Control-Request-Method");
        if (respond_preflight(req, res, allow, preflight, cors))
            return;
        response_add_header(res, "Allow", allow);
        if (strcmp(method, "OPTIONS") == 0) {
            response_json_static(res, 204, "");
            res->content_type = NULL;
            return;
        }
        fail(res, PROBLEM_METHOD_NOT_ALLOWED, NULL, "%s is not allowed here; allowed: %s", method,
             allow);
        return;
    }
    req->db = db_for_thread();
    bool read = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    /* Reads go to the pipelined connection (db.h); writes wait for theirs. */
    st->calls.pipelined = read;
    req->route_data = route->data;
    req->authorization = NULL;
    req->authorization_count = 0;
    MHD_get_connection_values_n(conn, MHD_HEADER_KIND, note_authorization, req);
    req->content_type =
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    req->if_match = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "If-Match");
    req->idempotency_key = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Idempotency-Key");
    if (auth_check(req, res, route->access, st->read_requires_key))
        return;
    if (route->access == ACCESS_READ && !st->read_requires_key && read && (!again || woken)) {
        /* The generation is read before the first query is sent. */
        free(st->cache_key);
        st->cache_key = cache_key(req);
        st->cache_generation = vcache_generation();
        if (st->cache_key && req->if_none_match &&
            vcache_answer(st->cache_key, st->cache_generation, req->if_none_match, res)) {
            st->from_cache = true;
            return;
        }
        bool fresh = asks_fresh(conn);
        if (st->cache_key && !fresh &&
            vcache_answer_whole(st->cache_key, st->cache_generation, res)) {
            st->from_cache = true;
            return;
        }
        /*
         * The same request, followed, ran out of time: so would this one. (Any
         * other failure, or an answer not kept, and it runs on its own.)
         */
        if (woken && st->leader_timed_out) {
            db_timed_out(res, "the same request, asked at the same time, ran longer than "
                              "the statement timeout; narrow it");
            return;
        }
        /* The same costly read already waits for its query: wait for its answer. */
        if (st->cache_key && !fresh && may_share(st) && follow(st))
            return;
    }
    route->handler(req, res);
    /* A costly read now waits for its query: the same read may follow it. */
    if (st->calls.waiting && st->calls.costly && st->cache_key && may_share(st))
        lead(st);
}

static void release_nothing(void *cls)
{
    (void)cls;
}

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)pos;
    struct body_stream *stream = cls;
    long n = stream->read(stream->cls, buf, max);
    if (n > 0)
        return (ssize_t)n;
    return n == 0 ? MHD_CONTENT_READER_END_OF_STREAM : MHD_CONTENT_READER_END_WITH_ERROR;
}

static void stream_release(void *cls)
{
    struct body_stream *stream = cls;
    stream->release(stream->cls);
    free(stream);
}

static enum MHD_Result queue(struct request_state *st, struct MHD_Connection *conn,
                             const struct cors_config *cors)
{
    struct response *res = &st->res;
    if (res->problem.code != PROBLEM_NONE)
        problem_render(res, st->req.path, st->request_id);
    bool store = st->cache_key && !st->from_cache && !res->stream.read;
    /* A costly read's answer is copied before respond_finish() gzips it. */
    struct vcache_whole *whole = store && st->calls.costly ? vcache_keep(res) : NULL;
    respond_finish(&st->req, res, cors);
    if (store && (res->status == 200 || res->status == 304)) {
        for (size_t i = 0; i < res->nheaders; i++)
            if (strcmp(res->headers[i].name, "ETag") == 0) {
                vcache_store(st->cache_key, st->cache_generation, res->headers[i].value,
                             res->cache_control, res->vary_accept, whole);
                whole = NULL;
                break;
            }
    }
    vcache_whole_free(whole);
    land(st); /* after the store: followers look for this answer in the cache */
    /* This server's own write: no answer from before it is served again. */
    const char *m = st->req.method;
    if (res->status >= 200 && res->status < 300 && m && strcmp(m, "GET") != 0 &&
        strcmp(m, "HEAD") != 0 && strcmp(m, "OPTIONS") != 0)
        vcache_invalidate();
    struct MHD_Response *mr;
    if (res->stream.read) {
        /* MHD owns the stream now and releases it when the response is done. */
        struct body_stream *stream = xmalloc(sizeof *stream);
        *stream = res->stream;
        memset(&res->stream, 0, sizeof res->stream);
        mr = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 32 * 1024, stream_read, stream,
                                               stream_release);
    } else {
        mr = MHD_create_response_from_buffer_with_free_callback_cls(
            res->len, (void *)res->body, res->release ? res->release : release_nothing,
            res->release_cls);
        /* MHD owns the body now and frees it with the callback. */
        if (mr)
            res->release = NULL;
    }
    if (!mr)
        return MHD_NO;
    MHD_add_response_header(mr, MHD_HTTP_HEADER_CACHE_CONTROL, res->cache_control);
    if (res->content_type) {
        char ct[80];
        snprintf(ct, sizeof ct, "%s; charset=utf-8", res->content_type);
        MHD_add_response_header(mr, MHD_HTTP_HEADER_CONTENT_TYPE, ct);
    }
    MHD_add_response_header(mr, "X-Request-Id", st->request_id);
    for (size_t i = 0; i < res->nheaders; i++)
        MHD_add_response_header(mr, res->headers[i].name, res->headers[i].value);
    enum MHD_Result ret = MHD_queue_response(conn, (unsigned)res->status, mr);
    MHD_destroy_response(mr);
    st->responded = true;
    return ret;
}

/* What head_cost() and framing_refused() learn from the request's headers. */
struct head_tally {
    size_t text;    /* bytes of header and cookie text, with separators */
    size_t records; /* headers, cookies and query arguments: one pool record each */
    size_t lengths; /* Content-Length headers */
    size_t codings; /* Transfer-Encoding headers */
    size_t hosts;   /* Host headers */
    bool lengths_differ;
    const char *length;
};

static enum MHD_Result tally(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                             const char *value, size_t value_size)
{
    struct head_tally *t = cls;
    t->records++;
    if (kind == MHD_GET_ARGUMENT_KIND)
        return MHD_YES; /* its text is the request target's, counted there */
    t->text += key_size + value_size + (kind == MHD_HEADER_KIND ? 4 : 2);
    if (kind != MHD_HEADER_KIND)
        return MHD_YES;
    if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
        if (t->lengths++ && strcmp(t->length, value ? value : "") != 0)
            t->lengths_differ = true;
        t->length = value ? value : "";
    } else if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0) {
        t->codings++;
    } else if (strcasecmp(key, MHD_HTTP_HEADER_HOST) == 0) {
        t->hosts++;
    }
    return MHD_YES;
}

/*
 * The bytes of MHD's connection pool the request's head takes: its request
 * line and header text, a record per header, cookie and query argument,
 * and for a read the target once more (a list's Link header repeats it in
 * the answer, whose headers are built in the same pool).
 */
static size_t head_cost(const struct request_state *st, const struct head_tally *t,
                        const char *method, const char *version)
{
    bool read = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    return strlen(method) + st->target_len + strlen(version) + 4 + t->text +
           t->records * MHD_RECORD_COST + (read ? st->target_len : 0);
}

/*
 * A request whose body framing is ambiguous is refused before its body is
 * read, and the connection is closed after the answer (RFC 9112 6.1, 6.3):
 * Transfer-Encoding with Content-Length (a request-smuggling vector behind
 * a proxy that reads the other one), a coding other than chunked (MHD would
 * read the body to the end of the connection), and two Content-Lengths that
 * disagree (MHD reads the first). So is an HTTP/1.1 request without a Host
 * header or with two (RFC 9112 3.2: a server MUST answer 400), which MHD
 * 0.9.75 only refuses in its strict mode, with its own HTML page.
 */
static bool framing_refused(struct response *res, struct MHD_Connection *conn,
                            const struct head_tally *t, const char *version)
{
    if (t->hosts > 1 || (t->hosts == 0 && version && strcmp(version, "HTTP/1.1") == 0))
        return fail(res, PROBLEM_BAD_PARAMETER, "Host",
                    "an HTTP/1.1 request must carry exactly one Host header"),
               true;
    const char *coding =
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
    if (t->codings && t->lengths)
        return fail(res, PROBLEM_BAD_PARAMETER, "Transfer-Encoding",
                    "a request must not carry both Transfer-Encoding and Content-Length"),
               true;
    if (t->codings > 1 || (coding && strcasecmp(coding, "chunked") != 0))
        return fail(res, PROBLEM_BAD_PARAMETER, "Transfer-Encoding",
                    "the only transfer coding taken is chunked"),
               true;
    if (t->lengths_differ)
        return fail(res, PROBLEM_BAD_PARAMETER, "Content-Length",
                    "Content-Length is given more than once, with different values"),
               true;
    return false;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
    const struct http_server *server = cls;
    struct request_state *st = *con_cls;
    if (!st->seen) {
        st->seen = true;
        set_request_id(st, conn);
        st->max_body = server->cfg->max_body;
        st->read_requires_key = server->cfg->read_requires_key;
        *con_cls = st;
        /*
         * A NUL byte in the request target ends it for MHD, which keeps the
         * request line as C strings: "/v1/actors?q=a<NUL>b" would be read as
         * q=a. The version string follows the target in the same line, so a
         * gap other than the target's length plus its space means a NUL.
         */
        if (st->target_len && version && strncmp(version, "HTTP/", 5) == 0 &&
            (uintptr_t)version - (uintptr_t)url != st->target_len + 1)
            st->bad_bytes = true;
        struct head_tally t = {0};
        MHD_get_connection_values_n(conn, MHD_HEADER_KIND | MHD_COOKIE_KIND | MHD_GET_ARGUMENT_KIND,
                                    tally, &t);
        size_t cost = head_cost(st, &t, method, version ? version : "");
        size_t room = (size_t)server->cfg->connection_memory - RESPONSE_HEAD_ROOM;
        /* A target over its limit is refused with 414 (its query was emptied by on_uri). */
        if (cost > room && !st->target_too_long && !st->too_many_args) {
            fail(&st->res, PROBLEM_HEADERS_TOO_LARGE, NULL,
                 "the request line and headers take %zu bytes of the %zu this server allows "
                 "(%zu header fields and query arguments, each counted as %d bytes more)",
                 cost, room, t.records, MHD_RECORD_COST);
            st->refused = true;
        } else if (framing_refused(&st->res, conn, &t, version)) {
            st->refused = true;
        }
        if (st->refused) {
            dispatch(st, conn, method, url, &server->cors);
            return queue(st, conn, &server->cors);
        }
        /*
         * A declared body over the limit is refused before it is read; MHD
         * closes the connection after this answer, which is what we want
         * for a body we will not read.
         */
        const char *length =
            MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        long declared;
        if (length && parse_long(length, 0, 9223372036854775807L, &declared) &&
            (declared > 16 * server->cfg->max_body ||
             (declared > server->cfg->max_body &&
              MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_EXPECT)))) {
            st->body_too_large = true;
            dispatch(st, conn, method, url, &server->cors);
            return queue(st, conn, &server->cors);
        }
        return MHD_YES;
    }
    if (st->responded) {
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (*upload_data_size) {
        /* Chunked bodies have no declared length: count, and drop the excess. */
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        st->received += n;
        if (st->received > 16 * (size_t)server->cfg->max_body)
            return MHD_NO; /* far past the limit: stop reading, drop the connection */
        if (st->body_too_large || st->body.len + n > (size_t)server->cfg->max_body) {
            st->body_too_large = true;
            buf_free(&st->body);
        } else {
            buf_append(&st->body, upload_data, n);
        }
        return MHD_YES;
    }
    dispatch(st, conn, method, url, &server->cors);
    if (st->calls.waiting || st->parked) {
        /*
         * db_pipe_read() calls resume() when the result is in; the leader
         * followed, land(), which may already have run on another thread:
         * the request is then resumed through this worker's inbox, later.
         */
        st->conn = conn;
        MHD_suspend_connection(conn);
        return MHD_YES;
    }
    return queue(st, conn, &server->cors);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)conn;
    const struct http_server *server = cls;
    struct request_state *st = *con_cls;
    if (!st)
        return;
    if (server->cfg->access_log && st->req.method) {
        /* The path is percent-decoded: escaped, a %0A cannot forge a line. */
        struct buf line = {0};
        buf_put_log_escaped(&line, st->req.method);
        buf_puts(&line, " ");
        buf_put_log_escaped(&line, st->req.path);
        fprintf(stderr, "%s %d %.2fms id=%s%s%s\n", line.data, st->res.status,
                1e3 * seconds_since(&st->started), st->request_id,
                st->from_cache ? " (cached)" : "",
                toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (aborted)");
        buf_free(&line);
    }
    land(st);
    unpark(st);
    response_reset(&st->res);
    db_calls_reset(&st->calls);
    buf_free(&st->body);
    free(st->path_copy);
    free(st->cache_key);
    free(st);
    *con_cls = NULL;
}

/* MHD_OPTION_NOTIFY_CONNECTION: keeps the worker's count of connections (the acceptor's guide). */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode toe)
{
    (void)conn;
    (void)socket_context;
    struct worker *w = cls;
    if (toe == MHD_CONNECTION_NOTIFY_CLOSED)
        atomic_fetch_sub(&w->connections, 1);
}

struct MHD_Daemon *http_daemon_start(struct worker *w)
{
    struct http_server *server = w->server;
    const struct config *cfg = server->cfg;
    /*
     * Each connection has a memory pool of connection_memory bytes for the
     * request line, headers and response headers (bodies are not in it).
     * MHD zeroes the whole pool between keep-alive requests, so every byte
     * of it stays resident: 10,000 idle connections cost 10,000 pools
     * (bench/RESULTS.md). 4 KiB takes requests with about 3 KB of headers.
     * No listening socket: workers.c's acceptor hands each connection over.
     */
    unsigned flags =
        MHD_USE_EPOLL | MHD_USE_NO_LISTEN_SOCKET | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    return MHD_start_daemon(flags, 0, NULL, NULL, on_request, server, MHD_OPTION_CONNECTION_LIMIT,
                            (unsigned)server->per_worker, MHD_OPTION_CONNECTION_TIMEOUT,
                            (unsigned)cfg->timeout, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                            (size_t)cfg->connection_memory, MHD_OPTION_NOTIFY_COMPLETED,
                            on_completed, server, MHD_OPTION_NOTIFY_CONNECTION, on_connection, w,
                            MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL, MHD_OPTION_END);
}
