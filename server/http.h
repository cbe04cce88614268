/*
 * http.h - the HTTP server: starting and stopping it. workers.c runs its
 * threads; http.c each request's life cycle, from the raw target to the
 * access log.
 */
#ifndef ONRECORD_HTTP_H
#define ONRECORD_HTTP_H

#include "config.h"

struct http_server;

/* Starts listening; NULL (after printing why) when the port can't be bound. */
struct http_server *http_start(const struct config *cfg);
/* Stops accepting, finishes requests in flight, and frees everything. */
void http_stop(struct http_server *server);

#endif
