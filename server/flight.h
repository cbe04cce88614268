/*
 * flight.h - identical costly reads in flight, answered once. When a read
 * that the answer cache would keep (vcache.h) is asked for again while the
 * first ask is still waiting for its query, the second waits for the first
 * (it "follows" the "leader") instead of running the same query itself;
 * once the leader's answer is kept, the followers are woken and take it
 * from the cache. Thirty-two desks asking for the same new search at once
 * then cost one search, not thirty-two.
 *
 * A deck is the list of leaders; the server has one for all its workers,
 * so a request may follow a leader on another worker thread. Nothing here
 * locks or wakes anyone: the caller holds its lock around each call and
 * wakes the followers flight_land() hands back (server/http.c). The
 * structures are intrusive (a struct flight lives in each request's state)
 * and nothing here allocates.
 */
#ifndef ONRECORD_FLIGHT_H
#define ONRECORD_FLIGHT_H

#include <stdbool.h>
#include <stdint.h>

struct flight {
    const char *key;          /* the answer cache's key (not owned) */
    uint64_t generation;      /* the cache generation the read began in */
    bool leading;             /* on the deck: others may follow it */
    struct flight *leader;    /* following: whose answer this waits for */
    struct flight *next;      /* the next leader on the deck, or the next follower */
    struct flight *followers; /* leading: who waits for it */
};

struct flight_deck {
    struct flight *leaders;
};

/*
 * If a leader for key and generation is on the deck, f follows it and
 * true is returned: the caller parks the request until it is woken.
 */
bool flight_follow(struct flight_deck *deck, struct flight *f, const char *key,
                   uint64_t generation);

/*
 * Puts f on the deck as the leader for key and generation, unless another
 * leads for them already (then f simply goes on alone).
 */
void flight_lead(struct flight_deck *deck, struct flight *f, const char *key, uint64_t generation);

/*
 * f is done (answered, or gone): takes it off the deck, or out of its
 * leader's followers. If it led, returns its followers, which now follow
 * no one, linked through their `next`, for the caller to wake; else NULL.
 * Safe on a flight in neither.
 */
struct flight *flight_land(struct flight_deck *deck, struct flight *f);

#endif
