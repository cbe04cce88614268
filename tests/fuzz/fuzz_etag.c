/*
 * fuzz_etag.c - entity-tag lists: If-Match as write.c reads it
 * (if_match_value: the versions onrecord_write compares), If-None-Match as
 * respond.c matches it (etag_matches) when it answers 304, and the same
 * through the validator cache (vcache_answer).
 *
 * Input: If-Match on the first line, If-None-Match on the second, the
 * record's ETag on the third (default "\"3.0123456789abcdef\"").
 */
#include "fuzz_support.h"
#include "respond.h"
#include "vcache.h"
#include "write.h"

#include <string.h>

/* W/"x" or "x" with no quote, comma or space in x, as this server sends them. */
static bool our_form(const char *etag)
{
    if (strncmp(etag, "W/", 2) == 0)
        etag += 2;
    size_t n = strlen(etag);
    return n >= 2 && n < 150 && etag[0] == '"' && etag[n - 1] == '"' &&
           strcspn(etag + 1, "\", ") == n - 2;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *input = fuzz_copy(data, size);
    char *cursor = input;
    const char *if_match = fuzz_line(&cursor);
    const char *if_none_match = fuzz_line(&cursor);
    const char *etag = fuzz_line(&cursor);
    if (!etag || !*etag)
        etag = "\"3.0123456789abcdef\"";

    /* If-Match: NULL for no header; else "*", "-" or versions joined by commas. */
    char out[64];
    const char *versions = if_match_value(if_match, out, sizeof out);
    FUZZ_ASSERT(versions);
    if (strcmp(versions, "*") != 0 && strcmp(versions, "-") != 0) {
        FUZZ_ASSERT(versions == out && strlen(out) < sizeof out);
        FUZZ_ASSERT(strspn(out, "0123456789,") == strlen(out));
        FUZZ_ASSERT(out[0] != ',' && out[strlen(out) - 1] != ',' && !strstr(out, ",,"));
    }
    FUZZ_ASSERT(if_match_value(NULL, out, sizeof out) == NULL);

    /* If-None-Match: "*" and the tag itself always match. */
    bool matches = etag_matches(if_none_match, etag);
    FUZZ_ASSERT(etag_matches("*", etag));
    if (our_form(etag))
        FUZZ_ASSERT(etag_matches(etag, etag));

    /* A conditional GET of a record with this ETag: 304 exactly when it matches. */
    struct request req = {.method = "GET", .path = "/v1/fuzz", .if_none_match = if_none_match};
    struct response res = {0};
    response_json_static(&res, 200, "{\"id\":1}");
    response_add_header(&res, "ETag", etag);
    respond_finish(&req, &res, NULL);
    const char *sent = NULL;
    for (size_t i = 0; i < res.nheaders; i++)
        if (strcmp(res.headers[i].name, "ETag") == 0)
            sent = res.headers[i].value;
    FUZZ_ASSERT(sent);
    FUZZ_ASSERT((res.status == 304) == etag_matches(if_none_match, sent));
    response_reset(&res);

    /* The validator cache answers 304 from memory by the same rule. */
    vcache_set_listening(true);
    uint64_t generation = vcache_generation();
    vcache_store("/v1/fuzz\x03", generation, etag, "no-cache", false, NULL);
    bool hit = vcache_answer("/v1/fuzz\x03", generation, if_none_match, &res);
    FUZZ_ASSERT(!hit || matches);
    if (strlen(etag) < 80) /* longer ones are not kept (vcache.c's MAX_ETAG) */
        FUZZ_ASSERT(hit == (if_none_match && matches));
    FUZZ_ASSERT(!hit || res.status == 304);
    response_reset(&res);
    free(input);
    return 0;
}
