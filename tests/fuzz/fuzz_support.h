/*
 * fuzz_support.h - what the libFuzzer drivers share: turning the fuzzer's
 * bytes into C strings and lines, a stand-in for db.c (the drivers run the
 * real handlers, which stop at their first query), and the checks every
 * answer must pass (a problem renders as a JSON object; never a 500).
 */
#ifndef ONRECORD_FUZZ_SUPPORT_H
#define ONRECORD_FUZZ_SUPPORT_H

#include "api.h"
#include "embedded_sql.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* A failed check is a crash: libFuzzer saves the input. */
#define FUZZ_ASSERT(cond)                                                                          \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz check failed: %s:%d: %s\n", __FILE__, __LINE__, #cond);          \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* The input as a NUL-terminated copy (embedded NULs kept; caller frees). */
char *fuzz_copy(const uint8_t *data, size_t size);

/*
 * The next line of *cursor (cut at '\n', which is replaced by NUL), or
 * NULL at the end. *cursor advances past it.
 */
char *fuzz_line(char **cursor);

/*
 * The stand-in for db_query(): each query a handler sends is checked (its
 * text parameters must be UTF-8 without NUL, which PostgreSQL requires),
 * handed to fuzz_query_hook when set, counted, and answered 503.
 */
extern void (*fuzz_query_hook)(enum query_id id, int nparams, const char *const *values);
extern unsigned long fuzz_queries;

/*
 * The end of every request in a driver: a recorded problem must not be a
 * 500 and must render (problem_render, as http.c does) as a JSON object
 * with the problem's status; then the response is reset.
 */
void fuzz_finish(struct response *res, const char *instance);

#endif
