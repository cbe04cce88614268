/*
 * fuzz_accept.c - content negotiation: the Accept header (and format=) as
 * export.c's export_format_of() picks JSON, CSV or NDJSON for a list, and
 * Accept-Encoding as respond.c's accepts_gzip() reads it when
 * respond_finish() gzips a body; a gzipped body must inflate to the
 * original.
 *
 * Input: Accept on the first line, Accept-Encoding on the second, an
 * optional format= value on the third.
 */
#include "export.h"
#include "fuzz_support.h"
#include "respond.h"

#include <string.h>
#include <zlib.h>

static char original[4096];

static bool inflates_to_original(const struct response *res)
{
    static unsigned char out[sizeof original + 16];
    z_stream zs = {0};
    if (inflateInit2(&zs, 15 + 16) != Z_OK)
        return false;
    zs.next_in = (unsigned char *)res->body;
    zs.avail_in = (uInt)res->len;
    zs.next_out = out;
    zs.avail_out = sizeof out;
    int rc = inflate(&zs, Z_FINISH);
    size_t n = zs.total_out;
    inflateEnd(&zs);
    return rc == Z_STREAM_END && n == strlen(original) && memcmp(out, original, n) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!original[0]) {
        size_t n = 0;
        n += (size_t)snprintf(original, sizeof original, "{\"data\":[");
        for (int i = 0; i < 60; i++)
            n += (size_t)snprintf(original + n, sizeof original - n, "%s{\"id\":%d,\"slug\":\"x\"}",
                                  i ? "," : "", i);
        snprintf(original + n, sizeof original - n, "],\"next_cursor\":null}");
    }
    char *input = fuzz_copy(data, size);
    char *cursor = input;
    const char *accept = fuzz_line(&cursor);
    const char *accept_encoding = fuzz_line(&cursor);
    const char *format = fuzz_line(&cursor);

    struct request req = {.method = "GET",
                          .path = "/v1/actors",
                          .accept = accept,
                          .accept_encoding = accept_encoding};
    if (format) {
        req.query[0] = (struct query_arg){"format", format};
        req.nquery = 1;
    }
    struct response res = {0};
    enum export_format f = (enum export_format)99;
    if (export_format_of(&req, &res, &f) == 0) {
        FUZZ_ASSERT(f == FORMAT_JSON || f == FORMAT_CSV || f == FORMAT_NDJSON);
        FUZZ_ASSERT(res.problem.code == PROBLEM_NONE);
        if (!format && accept && strcmp(accept, "text/csv") == 0)
            FUZZ_ASSERT(f == FORMAT_CSV);
    } else {
        FUZZ_ASSERT(format && res.problem.code == PROBLEM_BAD_PARAMETER);
    }
    fuzz_finish(&res, req.path);

    bool gzip = accepts_gzip(accept_encoding);
    FUZZ_ASSERT(accept_encoding || !gzip);
    response_json_static(&res, 200, original);
    respond_finish(&req, &res, NULL);
    bool gzipped = false;
    for (size_t i = 0; i < res.nheaders; i++)
        gzipped |= strcmp(res.headers[i].name, "Content-Encoding") == 0 &&
                   strcmp(res.headers[i].value, "gzip") == 0;
    FUZZ_ASSERT(gzipped == gzip);
    FUZZ_ASSERT(!gzipped || inflates_to_original(&res));
    FUZZ_ASSERT(gzipped || (res.len == strlen(original) && res.body == original));
    response_reset(&res);
    free(input);
    return 0;
}
