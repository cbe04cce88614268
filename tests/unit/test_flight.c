/* Unit tests for server/flight.c: who follows whom, who is woken when a
 * leader lands, and that a read that goes away leaves nothing behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "flight.h"

#include <cmocka.h>

#define SEARCH "/v1/statements\x02q\x01roads\x03"
#define OTHER "/v1/statements\x02q\x01wheat\x03"

static struct flight *woken[8];
static int nwoken;

/* Notes the followers flight_land handed back, as the server wakes them. */
static void note_woken(struct flight *list)
{
    for (struct flight *f = list; f; f = f->next)
        woken[nwoken++] = f;
}

static void reset_woken(void)
{
    memset(woken, 0, sizeof woken);
    nwoken = 0;
}

static void the_same_read_follows_its_leader_and_is_woken_when_it_lands(void **state)
{
    (void)state;
    reset_woken();
    struct flight_deck deck = {0};
    struct flight lead = {0}, a = {0}, b = {0};
    assert_false(flight_follow(&deck, &a, SEARCH, 3)); /* no one leads yet */
    flight_lead(&deck, &lead, SEARCH, 3);
    assert_true(flight_follow(&deck, &a, SEARCH, 3));
    assert_true(flight_follow(&deck, &b, SEARCH, 3));
    assert_ptr_equal(a.leader, &lead);

    note_woken(flight_land(&deck, &lead));
    assert_int_equal(nwoken, 2);
    assert_true((woken[0] == &a && woken[1] == &b) || (woken[0] == &b && woken[1] == &a));
    assert_null(a.leader);
    assert_null(b.leader);
    assert_null(deck.leaders);
    /* Landed, it leads no more: a new ask does not wait for it. */
    struct flight c = {0};
    assert_false(flight_follow(&deck, &c, SEARCH, 3));
}

static void another_read_or_generation_does_not_follow(void **state)
{
    (void)state;
    struct flight_deck deck = {0};
    struct flight lead = {0}, a = {0};
    flight_lead(&deck, &lead, SEARCH, 3);
    assert_false(flight_follow(&deck, &a, OTHER, 3));
    /* Written since the leader began: its answer is not for this ask. */
    assert_false(flight_follow(&deck, &a, SEARCH, 5));
    assert_null(flight_land(&deck, &lead));
    assert_null(deck.leaders);
}

static void a_second_leader_for_the_same_read_is_not_taken(void **state)
{
    (void)state;
    reset_woken();
    struct flight_deck deck = {0};
    struct flight first = {0}, second = {0}, a = {0};
    flight_lead(&deck, &first, SEARCH, 3);
    flight_lead(&deck, &second, SEARCH, 3); /* goes on alone */
    assert_false(second.leading);
    assert_true(flight_follow(&deck, &a, SEARCH, 3));
    assert_ptr_equal(a.leader, &first);
    note_woken(flight_land(&deck, &second)); /* leads nothing: wakes no one */
    assert_int_equal(nwoken, 0);
    note_woken(flight_land(&deck, &first));
    assert_int_equal(nwoken, 1);
    assert_ptr_equal(woken[0], &a);
}

static void leaders_of_different_reads_land_apart(void **state)
{
    (void)state;
    reset_woken();
    struct flight_deck deck = {0};
    struct flight roads = {0}, wheat = {0}, a = {0}, b = {0};
    flight_lead(&deck, &roads, SEARCH, 3);
    flight_lead(&deck, &wheat, OTHER, 3);
    assert_true(flight_follow(&deck, &a, SEARCH, 3));
    assert_true(flight_follow(&deck, &b, OTHER, 3));
    note_woken(flight_land(&deck, &wheat));
    assert_int_equal(nwoken, 1);
    assert_ptr_equal(woken[0], &b);
    assert_ptr_equal(deck.leaders, &roads);
    assert_ptr_equal(a.leader, &roads);
    note_woken(flight_land(&deck, &roads));
    assert_int_equal(nwoken, 2);
    assert_ptr_equal(woken[1], &a);
}

static void a_follower_that_goes_away_is_not_woken(void **state)
{
    (void)state;
    reset_woken();
    struct flight_deck deck = {0};
    struct flight lead = {0}, a = {0}, b = {0}, c = {0};
    flight_lead(&deck, &lead, SEARCH, 3);
    assert_true(flight_follow(&deck, &a, SEARCH, 3));
    assert_true(flight_follow(&deck, &b, SEARCH, 3));
    assert_true(flight_follow(&deck, &c, SEARCH, 3));
    note_woken(flight_land(&deck, &b)); /* its connection closed */
    assert_null(b.leader);
    assert_int_equal(nwoken, 0);
    note_woken(flight_land(&deck, &lead));
    assert_int_equal(nwoken, 2);
    assert_true(woken[0] != &b && woken[1] != &b);
    /* Landing again, or a flight never on the deck, changes nothing. */
    note_woken(flight_land(&deck, &lead));
    note_woken(flight_land(&deck, &b));
    struct flight never = {0};
    note_woken(flight_land(&deck, &never));
    assert_int_equal(nwoken, 2);
}

static void a_woken_follower_may_lead_the_next_ask(void **state)
{
    (void)state;
    reset_woken();
    struct flight_deck deck = {0};
    struct flight lead = {0}, a = {0}, b = {0};
    flight_lead(&deck, &lead, SEARCH, 3);
    assert_true(flight_follow(&deck, &a, SEARCH, 3));
    /* A follower cannot lead while it follows. */
    flight_lead(&deck, &a, SEARCH, 3);
    assert_false(a.leading);
    note_woken(flight_land(&deck, &lead));
    /* The leader's answer was not kept: the woken one asks again, and leads. */
    flight_lead(&deck, &a, SEARCH, 3);
    assert_true(a.leading);
    assert_true(flight_follow(&deck, &b, SEARCH, 3));
    assert_ptr_equal(b.leader, &a);
    note_woken(flight_land(&deck, &a));
    assert_int_equal(nwoken, 2);
    assert_ptr_equal(woken[1], &b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_same_read_follows_its_leader_and_is_woken_when_it_lands),
        cmocka_unit_test(another_read_or_generation_does_not_follow),
        cmocka_unit_test(a_second_leader_for_the_same_read_is_not_taken),
        cmocka_unit_test(leaders_of_different_reads_land_apart),
        cmocka_unit_test(a_follower_that_goes_away_is_not_woken),
        cmocka_unit_test(a_woken_follower_may_lead_the_next_ask),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
