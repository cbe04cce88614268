/*
 * flight.c - identical costly reads in flight, answered once (flight.h).
 * A deck holds at most as many leaders as the server has reads waiting on
 * the database, so the lists are short and searched from the start.
 */
#include "flight.h"

#include <stddef.h>
#include <string.h>

static struct flight *find_leader(const struct flight_deck *deck, const char *key,
                                  uint64_t generation)
{
    for (struct flight *l = deck->leaders; l; l = l->next)
        if (l->generation == generation && strcmp(l->key, key) == 0)
            return l;
    return NULL;
}

bool flight_follow(struct flight_deck *deck, struct flight *f, const char *key,
                   uint64_t generation)
{
    struct flight *leader = find_leader(deck, key, generation);
    if (!leader || leader == f)
        return false;
    f->leader = leader;
    f->next = leader->followers;
    leader->followers = f;
    return true;
}

void flight_lead(struct flight_deck *deck, struct flight *f, const char *key, uint64_t generation)
{
    if (f->leading || f->leader || find_leader(deck, key, generation))
        return;
    f->key = key;
    f->generation = generation;
    f->leading = true;
    f->followers = NULL;
    f->next = deck->leaders;
    deck->leaders = f;
}

/* Takes item out of the singly linked list starting at *head. */
static void unlink_from(struct flight **head, struct flight *item)
{
    for (struct flight **p = head; *p; p = &(*p)->next)
        if (*p == item) {
            *p = item->next;
            item->next = NULL;
            return;
        }
}

struct flight *flight_land(struct flight_deck *deck, struct flight *f)
{
    if (f->leader) {
        unlink_from(&f->leader->followers, f);
        f->leader = NULL;
        return NULL;
    }
    if (!f->leading)
        return NULL;
    unlink_from(&deck->leaders, f);
    f->leading = false;
    struct flight *followers = f->followers;
    for (struct flight *w = followers; w; w = w->next)
        w->leader = NULL;
    f->followers = NULL;
    return followers;
}
