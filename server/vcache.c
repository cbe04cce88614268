/*
 * vcache.c - the validator cache (vcache.h) and its LISTEN thread.
 *
 * The table is direct-mapped: VCACHE_SLOTS slots chosen by a hash of the
 * key, each replaced by the next key that lands on it, so memory is bounded
 * (at most VCACHE_SLOTS keys of VCACHE_MAX_KEY bytes) and no eviction
 * bookkeeping is needed. Slots are guarded by striped mutexes.
 *
 * Correctness rests on the order of three events: the handler reads the
 * generation before its query, a write commits, its notification bumps the
 * generation. An answer computed from a snapshot older than the write was
 * therefore stored under an older generation, and is never served after the
 * bump. The bump comes one notification round trip after the commit
 * (tested: tests/api/test_validator_cache.py).
 *
 * Whole answers (the answer cache) hang off their slot's entry and go with
 * it. Their bytes are counted against a budget; when a new one would not
 * fit, a clock hand walks the slots dropping kept answers, stale or not,
 * until it does (tests/api/test_answer_cache.py).
 */
#include "vcache.h"
#include "db.h"
#include "respond.h"
#include "util.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define VCACHE_SLOTS 4096
#define VCACHE_STRIPES 64
#define MAX_ETAG 80

/* Headers a kept answer carries besides its ETag (a list's Link). */
#define MAX_WHOLE_HEADERS 4

struct vcache_whole {
    size_t size;              /* bytes counted against the budget */
    const char *content_type; /* static string */
    size_t nheaders;
    struct header headers[MAX_WHOLE_HEADERS]; /* names static, values owned */
    size_t len;
    char body[]; /* len bytes */
};

struct entry {
    char *key; /* NULL: empty slot */
    uint64_t generation;
    char etag[MAX_ETAG];
    const char *cache_control; /* static string */
    bool vary_accept;
    struct vcache_whole *whole; /* the answer itself, for a costly read; or NULL */
};

static struct entry slots[VCACHE_SLOTS];
static pthread_mutex_t stripes[VCACHE_STRIPES];
static pthread_once_t stripes_once = PTHREAD_ONCE_INIT;

/* Odd while listening: the low bit says "on", every change adds 2. */
static atomic_uint_fast64_t state = 0;

/*
 * The listener's lease (monotonic ms): the cache answers only before it.
 * A connection that stops delivering without breaking (a backend that
 * hangs, a network path that drops an idle connection's packets) sends no
 * notification and no error, so the listener would never learn of a
 * write. It asks the database a trivial query every HEARTBEAT_MS; once
 * the answer is in, every notification for a write acknowledged before
 * that query was sent has arrived ahead of it (PostgreSQL sends pending
 * notifications before ReadyForQuery), so the lease runs to the query's
 * send time + LEASE_MS. A write is thus never served stale for longer than
 * LEASE_MS, however the connection fails; one silent for SILENT_MS is
 * dropped and opened again. INT64_MAX: no listener (unit tests).
 */
#define HEARTBEAT_MS 250
#define LEASE_MS 1000
#define SILENT_MS 3000
static atomic_int_fast64_t lease_until = INT64_MAX;

/* The answer cache's budget and the bytes it holds; the clock hand's slot. */
static atomic_size_t budget = 0;
static atomic_size_t held = 0;
static atomic_size_t hand = 0;

static pthread_t listener;
static bool listener_started;
static int wake_pipe[2] = {-1, -1};

static void stripes_init(void)
{
    for (size_t i = 0; i < VCACHE_STRIPES; i++)
        pthread_mutex_init(&stripes[i], NULL);
}

static int64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

uint64_t vcache_generation(void)
{
    uint64_t s = atomic_load(&state);
    int64_t lease = atomic_load(&lease_until);
    if (!(s & 1) || (lease != INT64_MAX && now_ms() >= lease))
        return 0;
    return s;
}

void vcache_invalidate(void)
{
    atomic_fetch_add(&state, 2);
}

void vcache_set_listening(bool on)
{
    /* Either way the generation moves on: nothing seen before is trusted. */
    uint64_t s = atomic_load(&state);
    uint64_t next;
    do
        next = ((s | 1) + 2) - (on ? 0 : 1);
    while (!atomic_compare_exchange_weak(&state, &s, next));
}

static size_t slot_of(const char *key)
{
    uint64_t h = 14695981039346656037ULL;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    return (size_t)(h % VCACHE_SLOTS);
}

/*
 * Locks key's slot (its stripe, returned in *lock) and returns its entry
 * when it holds key at `generation`; NULL otherwise, the slot locked all
 * the same (and *lock NULL when the cache is off or the key too long).
 */
static const struct entry *find_locked(const char *key, uint64_t generation, pthread_mutex_t **lock)
{
    *lock = NULL;
    if (generation == 0 || strlen(key) > VCACHE_MAX_KEY)
        return NULL;
    pthread_once(&stripes_once, stripes_init);
    size_t i = slot_of(key);
    *lock = &stripes[i % VCACHE_STRIPES];
    pthread_mutex_lock(*lock);
    const struct entry *e = &slots[i];
    return e->key && e->generation == generation && strcmp(e->key, key) == 0 ? e : NULL;
}

bool vcache_answer(const char *key, uint64_t generation, const char *if_none_match,
                   struct response *res)
{
    if (!if_none_match)
        return false;
    pthread_mutex_t *lock;
    const struct entry *e = find_locked(key, generation, &lock);
    if (!lock)
        return false;
    bool hit = e && etag_matches(if_none_match, e->etag);
    if (hit) {
        res->status = 304;
        res->content_type = NULL;
        res->body = "";
        res->len = 0;
        res->cache_control = e->cache_control;
        res->vary_accept = e->vary_accept;
        response_add_header(res, "ETag", e->etag);
    }
    pthread_mutex_unlock(lock);
    return hit;
}

void vcache_set_budget(size_t bytes)
{
    atomic_store(&budget, bytes);
}

bool vcache_keeps_answers(void)
{
    return atomic_load(&budget) > 0;
}

size_t vcache_held(void)
{
    return atomic_load(&held);
}

void vcache_whole_free(struct vcache_whole *whole)
{
    if (!whole)
        return;
    for (size_t i = 0; i < whole->nheaders; i++)
        free(whole->headers[i].value);
    free(whole);
}

struct vcache_whole *vcache_keep(const struct response *res)
{
    size_t limit = atomic_load(&budget) / 4;
    if (res->status != 200 || !res->body || res->len > limit)
        return NULL;
    struct vcache_whole *w = xmalloc(sizeof *w + res->len);
    w->size = sizeof *w + res->len;
    w->content_type = res->content_type;
    w->nheaders = 0;
    for (size_t i = 0; i < res->nheaders; i++) {
        if (strcmp(res->headers[i].name, "ETag") == 0)
            continue;
        if (w->nheaders == MAX_WHOLE_HEADERS) {
            vcache_whole_free(w);
            return NULL; /* more than an answer of a list carries: not kept */
        }
        w->headers[w->nheaders].name = res->headers[i].name;
        w->headers[w->nheaders].value = xstrdup(res->headers[i].value);
        w->size += strlen(res->headers[i].value) + 1;
        w->nheaders++;
    }
    w->len = res->len;
    memcpy(w->body, res->body, res->len);
    return w;
}

/* Detaches e's whole answer, if any, and takes its bytes off the count. */
static struct vcache_whole *take_whole(struct entry *e)
{
    struct vcache_whole *w = e->whole;
    if (w) {
        e->whole = NULL;
        atomic_fetch_sub(&held, w->size);
    }
    return w;
}

/*
 * Counts `size` more bytes held, first dropping kept answers in slot order
 * (the clock hand) while they would not fit. False if one pass of the hand
 * did not make room. Called with no stripe locked.
 */
static bool make_room(size_t size)
{
    size_t limit = atomic_load(&budget);
    size_t visited = 0;
    for (;;) {
        size_t now = atomic_load(&held);
        if (now + size <= limit) {
            if (atomic_compare_exchange_weak(&held, &now, now + size))
                return true;
            continue; /* another thread changed the count: look again */
        }
        if (visited++ == VCACHE_SLOTS)
            break;
        size_t i = atomic_fetch_add(&hand, 1) % VCACHE_SLOTS;
        pthread_mutex_t *lock = &stripes[i % VCACHE_STRIPES];
        pthread_mutex_lock(lock);
        struct vcache_whole *w = take_whole(&slots[i]);
        pthread_mutex_unlock(lock);
        vcache_whole_free(w);
    }
    return false;
}

void vcache_store(const char *key, uint64_t generation, const char *etag, const char *cache_control,
                  bool vary_accept, struct vcache_whole *whole)
{
    if (generation == 0 || !etag || strlen(etag) >= MAX_ETAG || strlen(key) > VCACHE_MAX_KEY) {
        vcache_whole_free(whole);
        return;
    }
    pthread_once(&stripes_once, stripes_init);
    if (whole && !make_room(whole->size)) {
        vcache_whole_free(whole);
        whole = NULL;
    }
    size_t i = slot_of(key);
    pthread_mutex_t *lock = &stripes[i % VCACHE_STRIPES];
    struct vcache_whole *dropped = NULL;
    pthread_mutex_lock(lock);
    struct entry *e = &slots[i];
    /* Never replace a newer answer with one computed from an older snapshot. */
    if (!e->key || e->generation <= generation) {
        bool same = e->key && strcmp(e->key, key) == 0;
        /* A validator alone for the same answer keeps the answer kept with it. */
        if (!(same && e->generation == generation && !whole)) {
            dropped = take_whole(e);
            e->whole = whole;
            whole = NULL;
        }
        if (!same) {
            free(e->key);
            e->key = xstrdup(key);
        }
        e->generation = generation;
        snprintf(e->etag, sizeof e->etag, "%s", etag);
        e->cache_control = cache_control;
        e->vary_accept = vary_accept;
    }
    pthread_mutex_unlock(lock);
    if (whole) { /* not stored: its room goes back */
        atomic_fetch_sub(&held, whole->size);
        vcache_whole_free(whole);
    }
    vcache_whole_free(dropped);
}

bool vcache_answer_whole(const char *key, uint64_t generation, struct response *res)
{
    pthread_mutex_t *lock;
    const struct entry *e = find_locked(key, generation, &lock);
    if (!lock)
        return false;
    const struct vcache_whole *w = e ? e->whole : NULL;
    bool hit = w != NULL;
    if (hit) {
        char *body = xmalloc(w->len ? w->len : 1);
        memcpy(body, w->body, w->len);
        res->status = 200;
        res->content_type = w->content_type;
        res->body = body;
        res->len = w->len;
        res->release = free;
        res->release_cls = body;
        res->cache_control = e->cache_control;
        res->vary_accept = e->vary_accept;
        for (size_t h = 0; h < w->nheaders; h++)
            response_add_header(res, w->headers[h].name, w->headers[h].value);
        response_add_header(res, "ETag", e->etag);
    }
    pthread_mutex_unlock(lock);
    return hit;
}

/* ------------------------------------------------------------ the listener */

/* Sleeps up to ms, or until vcache_stop(); true when asked to stop. */
static bool wait_or_stop(int fd, int ms)
{
    struct pollfd p[2] = {{.fd = wake_pipe[0], .events = POLLIN}, {.fd = fd, .events = POLLIN}};
    int n = poll(p, fd >= 0 ? 2 : 1, ms);
    return n > 0 && (p[0].revents & POLLIN);
}

/*
 * Takes in what has arrived: notifications (each makes the cache stale) and
 * the heartbeat's answer, which extends the lease. False when the
 * connection failed. Notifications are taken after the answer, since
 * libpq reads those sent ahead of it while reading up to it, and they must
 * count before the lease does.
 */
static bool take_input(PGconn *conn, bool *beat_out, int64_t beat_sent)
{
    if (!PQconsumeInput(conn))
        return false;
    bool answered = false;
    while (*beat_out && !PQisBusy(conn)) {
        PGresult *r = PQgetResult(conn);
        if (!r) { /* ReadyForQuery: the heartbeat is done */
            *beat_out = false;
            answered = true;
            break;
        }
        bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
        if (!ok)
            fprintf(stderr, "onrecord: listener heartbeat failed: %s", PQresultErrorMessage(r));
        PQclear(r);
        if (!ok)
            return false;
    }
    bool changed = false;
    PGnotify *n;
    while ((n = PQnotifies(conn))) {
        changed = true;
        PQfreemem(n);
    }
    if (changed)
        vcache_invalidate();
    if (answered)
        atomic_store(&lease_until, beat_sent + LEASE_MS);
    return PQstatus(conn) == CONNECTION_OK;
}

/* Listens until the connection fails or falls silent (false) or vcache_stop() (true). */
static bool listen_on(PGconn *conn)
{
    int64_t beat_sent = now_ms(); /* LISTEN answered is the first heartbeat */
    PGresult *r = PQexec(conn, "LISTEN onrecord_changes");
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok)
        fprintf(stderr, "onrecord: LISTEN failed: %s", PQresultErrorMessage(r));
    PQclear(r);
    if (!ok)
        return false;
    atomic_store(&lease_until, beat_sent + LEASE_MS);
    vcache_set_listening(true);
    bool beat_out = false;
    for (;;) {
        int64_t now = now_ms();
        if (beat_out && now - beat_sent >= SILENT_MS) {
            fprintf(stderr, "onrecord: the listener's connection is silent: reconnecting\n");
            return false;
        }
        if (!beat_out && now - beat_sent >= HEARTBEAT_MS) {
            if (!PQsendQuery(conn, "SELECT 1"))
                return false;
            beat_sent = now;
            beat_out = true;
        }
        int64_t due = beat_out ? beat_sent + SILENT_MS : beat_sent + HEARTBEAT_MS;
        if (wait_or_stop(PQsocket(conn), (int)(due > now ? due - now : 0)))
            return true;
        if (!take_input(conn, &beat_out, beat_sent))
            return false;
    }
}

static void *listener_main(void *arg)
{
    (void)arg;
    int backoff_ms = 100;
    bool said = false; /* the first failed attempt of an outage is logged, not each */
    for (;;) {
        char err[256];
        PGconn *conn = db_connect_named("onrecord listener", err, sizeof err);
        bool stop;
        if (conn) {
            backoff_ms = 100;
            said = false;
            stop = listen_on(conn);
            vcache_set_listening(false);
            if (!stop)
                fprintf(stderr, "onrecord: validator cache off until LISTEN is back: %s",
                        PQerrorMessage(conn));
            PQfinish(conn);
            if (stop)
                return NULL;
        } else if (!said) {
            said = true;
            fprintf(stderr, "onrecord: validator cache off, listener cannot connect: %s", err);
        }
        if (wait_or_stop(-1, backoff_ms))
            return NULL;
        if (backoff_ms < 2000)
            backoff_ms *= 2;
    }
}

void vcache_start(void)
{
    pthread_once(&stripes_once, stripes_init);
    if (pipe(wake_pipe) != 0) {
        fprintf(stderr, "onrecord: validator cache off: pipe: %s\n", strerror(errno));
        return;
    }
    listener_started = pthread_create(&listener, NULL, listener_main, NULL) == 0;
    if (!listener_started)
        fprintf(stderr, "onrecord: validator cache off: cannot start its thread\n");
}

void vcache_stop(void)
{
    if (listener_started) {
        ssize_t w = write(wake_pipe[1], "x", 1);
        (void)w;
        pthread_join(listener, NULL);
        listener_started = false;
    }
    vcache_set_listening(false);
    for (int i = 0; i < 2; i++)
        if (wake_pipe[i] >= 0) {
            close(wake_pipe[i]);
            wake_pipe[i] = -1;
        }
    for (size_t i = 0; i < VCACHE_SLOTS; i++) {
        vcache_whole_free(take_whole(&slots[i]));
        free(slots[i].key);
        slots[i].key = NULL;
    }
}
