/*
 * workers.c - the HTTP server's threads. Each worker runs its own MHD
 * daemon (http.c's request life cycle) in a loop of its own, so it can
 * wait on its connections and on its pipelined database connections at
 * once (worker_main). One acceptor thread takes new connections and hands
 * each to the worker with the fewest (acceptor_main): left to race for
 * them, two of four workers would get most of a client's connections, and
 * their two database connections most of its queries. What other threads
 * hand a worker (connections, woken followers) goes through its inbox.
 * http_start and http_stop (http.h) set all of this up and take it down.
 */
#include "http.h"
#include "db.h"
#include "util.h"
#include "workers.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define DRAIN_SECONDS 5 /* how long a stopping worker waits for reads in flight */

_Thread_local struct worker *this_worker;

/* w's loop takes what is put here (take_inbox). */
void worker_inbox_put(struct worker *w, struct inbox_item item)
{
    pthread_mutex_lock(&w->inbox_lock);
    if (w->ninbox == w->inbox_cap) {
        w->inbox_cap = w->inbox_cap ? 2 * w->inbox_cap : 16;
        w->inbox = xrealloc(w->inbox, w->inbox_cap * sizeof *w->inbox);
    }
    w->inbox[w->ninbox++] = item;
    pthread_mutex_unlock(&w->inbox_lock);
    uint64_t one = 1;
    ssize_t wrote = write(w->inbox_fd, &one, sizeof one);
    (void)wrote;
}

/*
 * Adds the connections the acceptor handed over to the worker's daemon, and
 * resumes the followers whose leader answered on another worker.
 */
static void take_inbox(struct worker *w)
{
    uint64_t count;
    ssize_t got = read(w->inbox_fd, &count, sizeof count);
    (void)got;
    pthread_mutex_lock(&w->inbox_lock);
    struct inbox_item *list = w->inbox;
    size_t n = w->ninbox;
    w->inbox = NULL;
    w->ninbox = w->inbox_cap = 0;
    pthread_mutex_unlock(&w->inbox_lock);
    for (size_t i = 0; i < n; i++) {
        if (list[i].woken)
            http_resume_woken(list[i].woken);
        else if (MHD_add_connection(w->daemon, list[i].fd, (struct sockaddr *)&list[i].addr,
                                    sizeof list[i].addr) != MHD_YES)
            atomic_fetch_sub(&w->connections, 1); /* MHD has closed it */
    }
    free(list);
}

/* The worker with the fewest connections, or NULL when every one is full. */
static struct worker *least_busy(struct http_server *server, size_t turn)
{
    struct worker *best = NULL;
    int fewest = server->per_worker;
    for (size_t k = 0; k < server->nworkers; k++) {
        struct worker *w = &server->workers[(turn + k) % server->nworkers];
        int n = atomic_load(&w->connections);
        if (n < fewest) {
            fewest = n;
            best = w;
        }
    }
    return best;
}

/*
 * The acceptor: takes each new connection and queues it for the worker that
 * has the fewest (ties go round the workers in turn). While every worker is
 * at its share of ONRECORD_MAX_CONNECTIONS it stops taking them, and new
 * ones wait in the listen backlog. http_stop() ends it by shutting the
 * listening socket down.
 */
static void pause_briefly(void)
{
    struct timespec pause = {.tv_nsec = 10 * 1000 * 1000};
    nanosleep(&pause, NULL);
}

static void *acceptor_main(void *arg)
{
    struct http_server *server = arg;
    size_t turn = 0;
    while (!atomic_load(&server->stopping)) {
        if (!least_busy(server, turn)) {
            pause_briefly(); /* every worker is full */
            continue;
        }
        struct inbox_item a = {.fd = -1};
        socklen_t len = sizeof a.addr;
        a.fd = accept4(server->listen_fd, (struct sockaddr *)&a.addr, &len,
                       SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (a.fd < 0) {
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
                pause_briefly();
            continue; /* EINTR, ECONNABORTED, or the socket was shut down */
        }
        /* Chosen now, not before accept() waited: connections close meanwhile. */
        struct worker *w = least_busy(server, turn++);
        if (!w) { /* cannot happen: only this thread adds connections */
            close(a.fd);
            continue;
        }
        atomic_fetch_add(&w->connections, 1);
        worker_inbox_put(w, a);
    }
    return NULL;
}

/* What a worker's epoll set holds for one of its pipelined database connections. */
struct db_watch {
    int fd;          /* the socket in the set, or -1 */
    unsigned opened; /* which opening of the connection it belongs to */
    uint32_t events; /* what it is registered for */
};

/* epoll data: what woke the loop; EV_DB + i is pipelined connection i. */
enum { EV_MHD, EV_STOP, EV_INBOX, EV_DB };

/*
 * Keeps pipelined connection i's socket in the epoll set `ep`: added when
 * the connection opens (a closed one's socket has left the set by itself,
 * even when the new one gets the same number), watched for writing while
 * queries are still unsent.
 */
static void watch_db(int ep, struct db *db, int i, bool unsent, struct db_watch *w)
{
    unsigned opened;
    int fd = db_pipe_fd(db, i, &opened);
    struct epoll_event ev = {.events = EPOLLIN | (unsent ? EPOLLOUT : 0),
                             .data.u32 = EV_DB + (uint32_t)i};
    if (fd != w->fd || opened != w->opened) {
        *w = (struct db_watch){.fd = fd, .opened = opened, .events = ev.events};
        if (fd >= 0)
            epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    } else if (fd >= 0 && ev.events != w->events) {
        w->events = ev.events;
        epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
    }
}

/*
 * A worker's loop: wait for its connections (MHD's epoll set), its
 * pipelined database connections, its inbox and the stop signal; take in
 * the results that have arrived (which resumes their requests), let MHD do
 * its work (which runs handlers, and they send queries), then send each
 * connection's queries in one batch.
 */
static void *worker_main(void *arg)
{
    struct worker *w = arg;
    this_worker = w;
    struct http_server *server = w->server;
    struct db *db = db_for_thread();
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(w->daemon, MHD_DAEMON_INFO_EPOLL_FD);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = EV_MHD};
    epoll_ctl(ep, EPOLL_CTL_ADD, info->epoll_fd, &ev);
    ev.data.u32 = EV_STOP;
    epoll_ctl(ep, EPOLL_CTL_ADD, server->stop_fd, &ev);
    ev.data.u32 = EV_INBOX;
    epoll_ctl(ep, EPOLL_CTL_ADD, w->inbox_fd, &ev);
    int npipes = db_pipe_count(db);
    struct db_watch watched[DB_MAX_PIPES];
    bool unsent[DB_MAX_PIPES]; /* queries still to push out */
    for (int i = 0; i < npipes; i++) {
        watched[i] = (struct db_watch){.fd = -1};
        unsent[i] = false;
    }
    bool draining = false; /* stopping: no new connections, waits end */
    struct timespec drain_until = {0};
    for (;;) {
        if (!draining && atomic_load(&server->stopping)) {
            /* The acceptor has stopped; give the reads in flight a few seconds. */
            draining = true;
            epoll_ctl(ep, EPOLL_CTL_DEL, server->stop_fd, NULL);
            clock_gettime(CLOCK_MONOTONIC, &drain_until);
            drain_until.tv_sec += DRAIN_SECONDS;
        }
        bool waits = db_pipes_busy(db) || w->parked > 0;
        if (draining && (!waits || seconds_since(&drain_until) >= 0))
            break;
        for (int i = 0; i < npipes; i++)
            watch_db(ep, db, i, unsent[i], &watched[i]);
        MHD_UNSIGNED_LONG_LONG mhd_ms;
        int timeout = MHD_get_timeout(w->daemon, &mhd_ms) == MHD_YES
                          ? (int)(mhd_ms < 60000 ? mhd_ms : 60000)
                          : -1;
        if (draining && (timeout < 0 || timeout > 50))
            timeout = 50;
        struct epoll_event events[EV_DB + DB_MAX_PIPES];
        int n = epoll_wait(ep, events, EV_DB + npipes, timeout);
        for (int i = 0; i < n; i++) {
            uint32_t what = events[i].data.u32;
            if (what >= EV_DB)
                db_pipe_read(db, (int)(what - EV_DB)); /* resumes requests whose results are in */
            else if (what == EV_INBOX)
                take_inbox(w);
        }
        MHD_run(w->daemon);
        for (int i = 0; i < npipes; i++)
            unsent[i] = db_pipe_flush(db, i);
    }
    /*
     * Answer any read still waiting (503), those woken or still following a
     * leader elsewhere included, and let MHD send what it can.
     */
    w->closing = true;
    http_stop_following(w);
    take_inbox(w);
    db_pipes_close(db);
    MHD_run(w->daemon);
    close(ep);
    return NULL;
}

static int open_listener(const struct config *cfg)
{
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)cfg->port)};
    if (inet_pton(AF_INET, cfg->host, &addr.sin_addr) != 1) {
        fprintf(stderr, "onrecord: ONRECORD_HOST '%s' is not an IPv4 address\n", cfg->host);
        return -1;
    }
    /* Blocking: the acceptor thread waits in accept(). */
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int on = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
        bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 1024) != 0) {
        fprintf(stderr, "onrecord: cannot listen on %s:%ld (in use, or not permitted)\n", cfg->host,
                cfg->port);
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

struct http_server *http_start(const struct config *cfg)
{
    struct http_server *server = xcalloc(1, sizeof *server);
    pthread_mutex_init(&server->deck_lock, NULL);
    server->cfg = cfg;
    server->cors.origins = cfg->cors_origins;
    server->listen_fd = open_listener(cfg);
    server->stop_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (server->listen_fd < 0 || server->stop_fd < 0) {
        http_stop(server);
        return NULL;
    }
    server->nworkers = (size_t)cfg->threads;
    server->workers = xcalloc(server->nworkers, sizeof *server->workers);
    /* The connection limit is shared out, as MHD's own thread pool does. */
    server->per_worker = (int)((cfg->max_connections + cfg->threads - 1) / cfg->threads);
    for (size_t i = 0; i < server->nworkers; i++) {
        struct worker *w = &server->workers[i];
        w->server = server;
        pthread_mutex_init(&w->inbox_lock, NULL);
        w->inbox_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        w->daemon = http_daemon_start(w);
        if (!w->daemon || w->inbox_fd < 0) {
            fprintf(stderr, "onrecord: cannot start the HTTP daemon\n");
            http_stop(server);
            return NULL;
        }
        if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
            fprintf(stderr, "onrecord: cannot start a worker thread\n");
            http_stop(server);
            return NULL;
        }
        w->started = true;
    }
    if (pthread_create(&server->acceptor, NULL, acceptor_main, server) != 0) {
        fprintf(stderr, "onrecord: cannot start the acceptor thread\n");
        http_stop(server);
        return NULL;
    }
    server->acceptor_started = true;
    return server;
}

void http_stop(struct http_server *server)
{
    if (!server)
        return;
    atomic_store(&server->stopping, true);
    /* No new connections: the acceptor's accept() fails once the socket is shut. */
    if (server->acceptor_started) {
        shutdown(server->listen_fd, SHUT_RDWR);
        pthread_join(server->acceptor, NULL);
    }
    if (server->stop_fd >= 0) {
        uint64_t one = 1;
        ssize_t wrote = write(server->stop_fd, &one, sizeof one);
        (void)wrote;
    }
    /*
     * Every worker ends before any daemon stops: closing a connection can
     * wake a request on another worker (http.c's land()), through its inbox.
     */
    for (size_t i = 0; i < server->nworkers; i++)
        if (server->workers[i].started)
            pthread_join(server->workers[i].thread, NULL);
    for (size_t i = 0; i < server->nworkers; i++)
        if (server->workers[i].daemon)
            MHD_stop_daemon(server->workers[i].daemon);
    for (size_t i = 0; i < server->nworkers; i++) {
        struct worker *w = &server->workers[i];
        if (!w->server)
            continue; /* never set up: http_start() failed before it */
        for (size_t k = 0; k < w->ninbox; k++)
            if (w->inbox[k].fd >= 0)
                close(w->inbox[k].fd); /* (a follower: MHD_stop_daemon has closed it) */
        free(w->inbox);
        if (w->inbox_fd >= 0)
            close(w->inbox_fd);
        pthread_mutex_destroy(&w->inbox_lock);
    }
    if (server->listen_fd >= 0)
        close(server->listen_fd);
    if (server->stop_fd >= 0)
        close(server->stop_fd);
    free(server->workers);
    pthread_mutex_destroy(&server->deck_lock);
    free(server);
}
