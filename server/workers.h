/*
 * workers.h - what the HTTP server's two halves share, and nothing else
 * includes: the threads (workers.c: the acceptor, each worker's loop, its
 * inbox, start and stop) and the request life cycle (http.c: MHD's
 * callbacks, dispatch, merging identical reads in flight).
 */
#ifndef ONRECORD_WORKERS_H
#define ONRECORD_WORKERS_H

#include "config.h"
#include "flight.h"
#include "respond.h"

#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

struct MHD_Daemon;
struct request_state; /* http.c */

/*
 * What another thread hands a worker: a connection the acceptor has taken,
 * or a request of the worker's that followed a leader on another worker,
 * which has answered (flight.h).
 */
struct inbox_item {
    int fd; /* the connection, or -1 */
    struct sockaddr_in addr;
    struct request_state *woken; /* or the follower to resume */
};

struct worker {
    struct http_server *server;
    struct MHD_Daemon *daemon;
    pthread_t thread;
    bool started;
    atomic_int connections; /* handed to this worker and not yet closed */
    int inbox_fd;           /* an eventfd: readable when the inbox has something */
    pthread_mutex_t inbox_lock;
    struct inbox_item *inbox; /* connections to add to the daemon, followers to resume */
    size_t ninbox, inbox_cap;
    int parked;   /* this worker's requests following a leader, or woken and not yet run */
    bool closing; /* its loop has ended: its requests neither lead nor follow */
};

struct http_server {
    const struct config *cfg;
    struct cors_config cors;
    int listen_fd;
    int stop_fd; /* an eventfd: readable once http_stop() wants the workers to end */
    atomic_bool stopping;
    struct worker *workers;
    size_t nworkers;
    int per_worker; /* connections a worker may hold */
    pthread_mutex_t deck_lock;
    struct flight_deck deck; /* costly reads in flight, and who follows them (flight.h) */
    pthread_t acceptor;
    bool acceptor_started;
};

/* The worker whose thread this is (NULL on other threads). */
extern _Thread_local struct worker *this_worker;

/* workers.c: hands item to worker w, from another thread; w's loop takes it. */
void worker_inbox_put(struct worker *w, struct inbox_item item);

/* http.c: worker w's daemon, its connections handled by the request life cycle. */
struct MHD_Daemon *http_daemon_start(struct worker *w);
/* http.c: a follower whose leader has answered runs again (on its own worker's thread). */
void http_resume_woken(struct request_state *st);
/* http.c: worker w is stopping: its requests following a leader elsewhere run again. */
void http_stop_following(struct worker *w);

#endif
