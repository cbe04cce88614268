/*
 * fuzz_auth.c - the Authorization header as auth.c parses it
 * (auth_bearer_key: the Bearer scheme and the key's form), then auth_check
 * for an editor route up to its key lookup (fuzz_support.c answers that
 * query 503): a malformed header gets 401 with WWW-Authenticate, a key of
 * the right form reaches the lookup, and only then.
 *
 * Input: the header value (a C string: libmicrohttpd hands headers over
 * NUL-terminated).
 */
#include "auth.h"
#include "fuzz_support.h"

#include <string.h>
#include <strings.h>

static const char *looked_up;

static void on_query(enum query_id id, int nparams, const char *const *values)
{
    FUZZ_ASSERT(id == QUERY_AUTH_KEY && nparams == 1);
    looked_up = values[0];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *h = fuzz_copy(data, size);
    const char *error = "unset", *detail = NULL;
    const char *key = auth_bearer_key(h, &error, &detail);
    if (key) {
        size_t n = strlen(key);
        FUZZ_ASSERT(key > h && key <= h + strlen(h));
        FUZZ_ASSERT(strncasecmp(h, "Bearer ", 7) == 0);
        FUZZ_ASSERT(n >= 8 && n <= 200);
        for (const char *k = key; *k; k++)
            FUZZ_ASSERT(strchr(
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=", *k));
    } else {
        FUZZ_ASSERT(detail && error && strcmp(error, "unset") != 0);
    }
    FUZZ_ASSERT(auth_bearer_key(NULL, &error, &detail) == NULL && error == NULL);

    struct request req = {.method = "POST", .path = "/v1/actors", .authorization = h};
    struct response res = {0};
    looked_up = NULL;
    fuzz_query_hook = on_query;
    int rc = auth_check(&req, &res, ACCESS_EDITOR, false);
    fuzz_query_hook = NULL;
    FUZZ_ASSERT(rc == -1);
    FUZZ_ASSERT(key ? looked_up == key && res.problem.code == PROBLEM_UNAVAILABLE
                    : !looked_up && res.problem.code == PROBLEM_UNAUTHORIZED);
    if (!key) {
        bool challenged = false;
        for (size_t i = 0; i < res.nheaders; i++)
            challenged |= strcmp(res.headers[i].name, "WWW-Authenticate") == 0;
        FUZZ_ASSERT(challenged);
    }
    /* The key never appears in what is answered. */
    FUZZ_ASSERT(!key || !strstr(res.problem.detail, key));
    fuzz_finish(&res, "/v1/actors");
    free(h);
    return 0;
}
