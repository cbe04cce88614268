/*
 * vcache.h - the validator cache: answers a conditional GET with 304 from
 * memory, without a database round trip, while nothing has been written
 * since its validator was computed. It is also the answer cache: for a read
 * that ran a costly query (a search, the stance statistics: the query file
 * says "-- Costly:", server/embed_sql.py) it keeps the whole answer, and
 * answers the same request with it, 200, until the next write.
 *
 * Every committed write inserts into `changes`, whose trigger notifies
 * channel onrecord_changes (db/migrations/0006_change_notify.sql). A
 * listener thread LISTENs on it and bumps a generation number on every
 * notification; an entry is only good for the generation it was computed
 * in. A representation can depend on rows other than its own (a statement
 * shows its actor's name), so any write invalidates every entry. While the
 * listener is not connected, the cache answers nothing. A write through this
 * server bumps the generation itself before it answers, so its client never
 * reads an answer older than its own write.
 */
#ifndef ONRECORD_VCACHE_H
#define ONRECORD_VCACHE_H

#include "api.h"

#include <stdbool.h>
#include <stdint.h>

/* Starts the listener thread (connects with db.c's settings). */
void vcache_start(void);
/* Stops and joins the listener; entries are freed. */
void vcache_stop(void);

/*
 * The current generation, to be read BEFORE the query whose answer will be
 * stored (a write committed after it bumps it); 0 = the cache is off (no
 * listener, or its lease has run out: vcache.c).
 */
uint64_t vcache_generation(void);

/* Marks every entry stale (the listener calls it for each notification). */
void vcache_invalidate(void);

/* Turns the cache on or off without a listener (for unit tests). */
void vcache_set_listening(bool on);

/*
 * If key (a request's method-independent identity: path, query, Accept) has
 * an entry of generation `generation` whose ETag If-None-Match matches,
 * fills res as a 304 (ETag, Cache-Control, Vary: Accept when the entry
 * says so) and returns true.
 */
bool vcache_answer(const char *key, uint64_t generation, const char *if_none_match,
                   struct response *res);

/* A whole answer, copied out of a response before gzip (vcache_keep). */
struct vcache_whole;

/*
 * Copies a 200 response's body, content type and headers (but its ETag),
 * or returns NULL when the answer cache is off or the body is larger than
 * it keeps (vcache_set_budget).
 */
struct vcache_whole *vcache_keep(const struct response *res);
void vcache_whole_free(struct vcache_whole *whole);

/*
 * Remembers the validator of a 200 or 304 answer for key, computed at
 * `generation`, and with it `whole` (may be NULL), which it takes over.
 */
void vcache_store(const char *key, uint64_t generation, const char *etag, const char *cache_control,
                  bool vary_accept, struct vcache_whole *whole);

/*
 * If key has an entry of generation `generation` that kept its whole
 * answer, fills res with a copy of it (200, body, headers, ETag) and
 * returns true. respond_finish() then treats it as a handler's answer.
 */
bool vcache_answer_whole(const char *key, uint64_t generation, struct response *res);

/*
 * Bytes the answer cache may hold, whole answers together (0 = keep none).
 * One answer may take at most a quarter of it. Call before serving.
 */
void vcache_set_budget(size_t bytes);
/* Whether whole answers are kept at all (a budget above 0). */
bool vcache_keeps_answers(void);
/* Bytes of whole answers held now (for tests). */
size_t vcache_held(void);

/* Longest key the cache keeps (longer requests are simply not cached). */
#define VCACHE_MAX_KEY 1024

#endif
