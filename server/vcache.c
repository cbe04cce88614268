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
#include <unistd.h>

#define VCACHE_SLOTS 4096
#define VCACHE_STRIPES 64
#define MAX_ETAG 80

struct entry {
    char *key; /* NULL: empty slot */
    uint64_t generation;
    char etag[MAX_ETAG];
    const char *cache_control; /* static string */
    bool vary_accept;
};

static struct entry slots[VCACHE_SLOTS];
static pthread_mutex_t stripes[VCACHE_STRIPES];
static pthread_once_t stripes_once = PTHREAD_ONCE_INIT;

/* Odd while listening: the low bit says "on", every change adds 2. */
static atomic_uint_fast64_t state = 0;

static pthread_t listener;
static bool listener_started;
static int wake_pipe[2] = {-1, -1};

static void stripes_init(void)
{
    for (size_t i = 0; i < VCACHE_STRIPES; i++)
        pthread_mutex_init(&stripes[i], NULL);
}

uint64_t vcache_generation(void)
{
    uint64_t s = atomic_load(&state);
    return (s & 1) ? s : 0;
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

bool vcache_answer(const char *key, uint64_t generation, const char *if_none_match,
                   struct response *res)
{
    if (generation == 0 || !if_none_match || strlen(key) > VCACHE_MAX_KEY)
        return false;
    pthread_once(&stripes_once, stripes_init);
    size_t i = slot_of(key);
    pthread_mutex_t *lock = &stripes[i % VCACHE_STRIPES];
    pthread_mutex_lock(lock);
    const struct entry *e = &slots[i];
    bool hit = e->key && e->generation == generation && strcmp(e->key, key) == 0 &&
               etag_matches(if_none_match, e->etag);
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

void vcache_store(const char *key, uint64_t generation, const char *etag,
                  const char *cache_control, bool vary_accept)
{
    if (generation == 0 || !etag || strlen(etag) >= MAX_ETAG || strlen(key) > VCACHE_MAX_KEY)
        return;
    pthread_once(&stripes_once, stripes_init);
    size_t i = slot_of(key);
    pthread_mutex_t *lock = &stripes[i % VCACHE_STRIPES];
    pthread_mutex_lock(lock);
    struct entry *e = &slots[i];
    /* Never replace a newer answer with one computed from an older snapshot. */
    if (!e->key || e->generation <= generation) {
        if (!e->key || strcmp(e->key, key) != 0) {
            free(e->key);
            e->key = xstrdup(key);
        }
        e->generation = generation;
        snprintf(e->etag, sizeof e->etag, "%s", etag);
        e->cache_control = cache_control;
        e->vary_accept = vary_accept;
    }
    pthread_mutex_unlock(lock);
}

/* ------------------------------------------------------------ the listener */

/* Sleeps up to ms, or until vcache_stop(); true when asked to stop. */
static bool wait_or_stop(int fd, int ms)
{
    struct pollfd p[2] = {{.fd = wake_pipe[0], .events = POLLIN}, {.fd = fd, .events = POLLIN}};
    int n = poll(p, fd >= 0 ? 2 : 1, ms);
    return n > 0 && (p[0].revents & POLLIN);
}

/* Listens until the connection fails (false) or vcache_stop() (true). */
static bool listen_on(PGconn *conn)
{
    PGresult *r = PQexec(conn, "LISTEN onrecord_changes");
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok)
        fprintf(stderr, "onrecord: LISTEN failed: %s", PQresultErrorMessage(r));
    PQclear(r);
    if (!ok)
        return false;
    vcache_set_listening(true);
    for (;;) {
        if (wait_or_stop(PQsocket(conn), -1))
            return true;
        if (!PQconsumeInput(conn))
            return false;
        bool changed = false;
        PGnotify *n;
        while ((n = PQnotifies(conn))) {
            changed = true;
            PQfreemem(n);
        }
        if (changed)
            vcache_invalidate();
        if (PQstatus(conn) != CONNECTION_OK)
            return false;
    }
}

static void *listener_main(void *arg)
{
    (void)arg;
    int backoff_ms = 100;
    for (;;) {
        char err[256];
        PGconn *conn = db_connect_named("onrecord listener", err, sizeof err);
        bool stop;
        if (conn) {
            backoff_ms = 100;
            stop = listen_on(conn);
            vcache_set_listening(false);
            PQfinish(conn);
            if (stop)
                return NULL;
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
        free(slots[i].key);
        slots[i].key = NULL;
    }
}
