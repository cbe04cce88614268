/* Unit tests for server/respond.c (ETag, 304, gzip, CORS) and export.c's CSV quoting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Server headers before cmocka.h: cmocka defines a fail() macro. */
#include "api.h"
#include "export.h"
#include "respond.h"
#include "util.h"

#include <cmocka.h>
#include <zlib.h>

static const char *header(const struct response *res, const char *name)
{
    for (size_t i = 0; i < res->nheaders; i++)
        if (strcmp(res->headers[i].name, name) == 0)
            return res->headers[i].value;
    return NULL;
}

/* A 200 JSON response of n bytes (repetitive, so it compresses). */
static void json_response(struct response *res, size_t n)
{
    memset(res, 0, sizeof *res);
    char *body = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        body[i] = "{\"a\":1}"[i % 7];
    body[n] = '\0';
    response_json_owned(res, 200, body, n);
}

static void if_none_match_compares_opaque_tags_weakly(void **state)
{
    (void)state;
    assert_true(etag_matches("\"abc\"", "W/\"abc\""));
    assert_true(etag_matches("W/\"abc\"", "\"abc\""));
    assert_true(etag_matches("\"x\", W/\"abc\"", "W/\"abc\""));
    assert_true(etag_matches("*", "\"anything\""));
    assert_false(etag_matches("\"abd\"", "\"abc\""));
    assert_false(etag_matches(NULL, "\"abc\""));
    assert_false(etag_matches("\"unterminated", "\"abc\""));
}

static void gzip_is_accepted_unless_refused(void **state)
{
    (void)state;
    assert_true(accepts_gzip("gzip"));
    assert_true(accepts_gzip("br, gzip;q=0.5"));
    assert_true(accepts_gzip("*"));
    assert_false(accepts_gzip("gzip;q=0"));
    assert_false(accepts_gzip("br, deflate"));
    assert_false(accepts_gzip(NULL));
}

/* Every one-byte change, in any of the four lanes or the tail, and every
 * change of length, changes the hash; equal bytes hash equal. */
static void the_content_hash_follows_every_byte_and_the_length(void **state)
{
    (void)state;
    unsigned char body[77];
    for (size_t i = 0; i < sizeof body; i++)
        body[i] = (unsigned char)('a' + i % 26);
    char base[17], again[17], other[17];
    content_hash(body, sizeof body, base);
    assert_int_equal(strlen(base), 16);
    assert_int_equal(strspn(base, "0123456789abcdef"), 16);
    content_hash(body, sizeof body, again);
    assert_string_equal(base, again);
    for (size_t i = 0; i < sizeof body; i++) {
        body[i] ^= 1;
        content_hash(body, sizeof body, other);
        assert_string_not_equal(base, other);
        body[i] ^= 1;
    }
    for (size_t n = 0; n < sizeof body; n++) {
        content_hash(body, n, other);
        assert_string_not_equal(base, other);
    }
}

static void a_list_gets_a_weak_etag_and_304_when_it_matches(void **state)
{
    (void)state;
    struct request req = {.method = "GET"};
    struct response res;
    json_response(&res, 100);
    respond_finish(&req, &res, NULL);
    const char *etag = header(&res, "ETag");
    assert_non_null(etag);
    assert_memory_equal(etag, "W/\"", 3);
    assert_string_equal(res.cache_control, "no-cache");
    char saved[64];
    snprintf(saved, sizeof saved, "%s", etag);
    response_reset(&res);

    req.if_none_match = saved;
    json_response(&res, 100);
    respond_finish(&req, &res, NULL);
    assert_int_equal(res.status, 304);
    assert_int_equal(res.len, 0);
    assert_string_equal(header(&res, "ETag"), saved);
    response_reset(&res);
}

static void a_record_version_becomes_version_dot_hash(void **state)
{
    (void)state;
    struct request req = {.method = "GET"};
    struct response res;
    json_response(&res, 50);
    response_add_header(&res, "ETag", "\"3\"");
    respond_finish(&req, &res, NULL);
    const char *etag = header(&res, "ETag");
    assert_memory_equal(etag, "\"3.", 3);
    assert_int_equal(strlen(etag), 3 + 16 + 1);
    response_reset(&res);
}

static void big_bodies_are_gzipped_for_clients_that_accept_it(void **state)
{
    (void)state;
    struct request req = {.method = "GET", .accept_encoding = "gzip"};
    struct response res;
    json_response(&res, 5000);
    respond_finish(&req, &res, NULL);
    assert_string_equal(header(&res, "Content-Encoding"), "gzip");
    assert_string_equal(header(&res, "Vary"), "Accept-Encoding");
    assert_true(res.len < 5000);
    /* It inflates back to the original. */
    unsigned char out[6000];
    z_stream zs = {0};
    assert_int_equal(inflateInit2(&zs, 15 + 16), Z_OK);
    zs.next_in = (unsigned char *)res.body;
    zs.avail_in = (uInt)res.len;
    zs.next_out = out;
    zs.avail_out = sizeof out;
    assert_int_equal(inflate(&zs, Z_FINISH), Z_STREAM_END);
    assert_int_equal(zs.total_out, 5000);
    inflateEnd(&zs);
    assert_memory_equal(out, "{\"a\":1}{\"a\":1}", 14);
    response_reset(&res);

    req.accept_encoding = NULL;
    json_response(&res, 5000);
    respond_finish(&req, &res, NULL);
    assert_null(header(&res, "Content-Encoding"));
    assert_string_equal(header(&res, "Vary"), "Accept-Encoding");
    response_reset(&res);

    req.accept_encoding = "gzip";
    json_response(&res, 100); /* too small to be worth it */
    respond_finish(&req, &res, NULL);
    assert_null(header(&res, "Content-Encoding"));
    response_reset(&res);
}

static void problems_and_writes_are_not_stored(void **state)
{
    (void)state;
    struct request req = {.method = "POST"};
    struct response res;
    json_response(&res, 10);
    res.status = 201;
    respond_finish(&req, &res, NULL);
    assert_string_equal(res.cache_control, "no-store");
    assert_null(header(&res, "ETag"));
    response_reset(&res);

    req.method = "GET";
    memset(&res, 0, sizeof res);
    (fail)(&res, PROBLEM_NOT_FOUND, NULL, "no");
    problem_render(&res, "/x", NULL);
    respond_finish(&req, &res, NULL);
    assert_string_equal(res.cache_control, "no-store");
    response_reset(&res);
}

static void cors_answers_allowed_origins_only(void **state)
{
    (void)state;
    struct cors_config cors = {"https://desk.example, https://other.example"};
    struct request req = {.method = "GET", .origin = "https://other.example"};
    struct response res;
    json_response(&res, 10);
    respond_finish(&req, &res, &cors);
    assert_string_equal(header(&res, "Access-Control-Allow-Origin"), "https://other.example");
    assert_string_equal(header(&res, "Vary"), "Origin");
    response_reset(&res);

    req.origin = "https://evil.example";
    json_response(&res, 10);
    respond_finish(&req, &res, &cors);
    assert_null(header(&res, "Access-Control-Allow-Origin"));
    response_reset(&res);

    req.method = "OPTIONS";
    req.origin = "https://desk.example";
    memset(&res, 0, sizeof res);
    assert_int_equal(respond_preflight(&req, &res, "GET, HEAD, POST", "POST", &cors), 1);
    assert_int_equal(res.status, 204);
    assert_string_equal(header(&res, "Access-Control-Allow-Methods"), "GET, HEAD, POST");
    assert_non_null(strstr(header(&res, "Access-Control-Allow-Headers"), "Authorization"));
    response_reset(&res);

    memset(&res, 0, sizeof res);
    assert_int_equal(respond_preflight(&req, &res, "GET, HEAD", NULL, &cors), 0);
    response_reset(&res);

    struct cors_config any = {"*"};
    req.method = "GET";
    json_response(&res, 10);
    respond_finish(&req, &res, &any);
    assert_string_equal(header(&res, "Access-Control-Allow-Origin"), "*");
    response_reset(&res);
}

static void csv_fields_are_quoted_only_when_they_must_be(void **state)
{
    (void)state;
    struct buf b = {0};
    csv_field(&b, "plain", 5);
    buf_puts(&b, "|");
    csv_field(&b, "a,b", 3);
    buf_puts(&b, "|");
    csv_field(&b, "say \"x\"", 7);
    buf_puts(&b, "|");
    csv_field(&b, "two\nlines", 9);
    assert_string_equal(b.data, "plain|\"a,b\"|\"say \"\"x\"\"\"|\"two\nlines\"");
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(if_none_match_compares_opaque_tags_weakly),
        cmocka_unit_test(gzip_is_accepted_unless_refused),
        cmocka_unit_test(the_content_hash_follows_every_byte_and_the_length),
        cmocka_unit_test(a_list_gets_a_weak_etag_and_304_when_it_matches),
        cmocka_unit_test(a_record_version_becomes_version_dot_hash),
        cmocka_unit_test(big_bodies_are_gzipped_for_clients_that_accept_it),
        cmocka_unit_test(problems_and_writes_are_not_stored),
        cmocka_unit_test(cors_answers_allowed_origins_only),
        cmocka_unit_test(csv_fields_are_quoted_only_when_they_must_be),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
