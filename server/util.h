/*
 * util.h - small helpers shared by every part of the server: allocation that
 * aborts on failure, a growable byte buffer, string checks, and elapsed time.
 *
 * Allocation failure of the small blocks a request needs is not recoverable
 * in any useful way, so x*alloc() print a message and abort(); callers never
 * check their result.
 */
#ifndef ONRECORD_UTIL_H
#define ONRECORD_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable buffer; data is always NUL-terminated. Zero-initialise to use. */
struct buf {
    char *data;
    size_t len;
    size_t cap;
};

void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *data, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s percent-encoded for a URL query component (RFC 3986 unreserved kept). */
void buf_put_urlencoded(struct buf *b, const char *s);
/* Appends s for a log line, as nginx writes its access log: bytes other than
 * printable ASCII (so newlines, escapes, spaces and UTF-8), '"' and '\\' as
 * \xHH, so that request text can neither forge nor split a line. */
void buf_put_log_escaped(struct buf *b, const char *s);
/* Hands the data over to the caller (who frees it) and resets the buffer. */
char *buf_steal(struct buf *b, size_t *len);
void buf_free(struct buf *b);

/* True when s is a valid slug: lowercase ASCII words joined by '-', <= 100 bytes. */
bool is_slug(const char *s);
/* True when s is a valid calendar date written YYYY-MM-DD. */
bool is_date(const char *s);
/* Parses a decimal integer in [min, max]; false on any junk or overflow. */
bool parse_long(const char *s, long min, long max, long *out);
/* True when the n bytes at s are valid UTF-8 without NUL bytes. */
bool is_utf8(const char *s, size_t n);

/* Seconds from t (taken with CLOCK_MONOTONIC) to now; negative when t is ahead. */
double seconds_since(const struct timespec *t);

#endif
