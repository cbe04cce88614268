/*
 * fuzz_auth.c - the Authorization header as auth.c parses it (auth_parse:
 * the Bearer scheme and the key's form), then auth_check for an editor
 * route up to its key lookup (fuzz_support.c answers that query 503): a
 * malformed header gets 401 with WWW-Authenticate, a key of the right form
 * reaches the lookup, and only then.
 *
 * Input: the header value (a C string: libmicrohttpd hands headers over
 * NUL-terminated).
 */
#include "auth.h"
#include "fuzz_support.h"

#include <string.h>
#include <strings.h>

static char looked_up[AUTH_MAX_TOKEN + 2];
static bool was_looked_up;

static void on_query(enum query_id id, int nparams, const char *const *values)
{
    FUZZ_ASSERT(id == QUERY_AUTH_KEY && nparams == 1);
    FUZZ_ASSERT(strlen(values[0]) <= AUTH_MAX_TOKEN);
    strcpy(looked_up, values[0]);
    was_looked_up = true;
}

static bool b64token_char(char c)
{
    return c && strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=", c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *h = fuzz_copy(data, size);
    const char *token = NULL;
    size_t len = 0;
    enum auth_header kind = auth_parse(h, &token, &len);
    if (kind == AUTH_TOKEN) {
        FUZZ_ASSERT(token > h && token + len <= h + strlen(h));
        FUZZ_ASSERT(len >= AUTH_MIN_TOKEN && len <= AUTH_MAX_TOKEN);
        for (size_t i = 0; i < len; i++)
            FUZZ_ASSERT(b64token_char(token[i]));
        /* '=' only as padding at the end. */
        size_t i = 0;
        while (i < len && token[i] != '=')
            i++;
        while (i < len)
            FUZZ_ASSERT(token[i++] == '=');
    }

    struct request req = {.method = "POST",
                          .path = "/v1/actors",
                          .authorization = h,
                          .authorization_count = 1};
    struct response res = {0};
    was_looked_up = false;
    fuzz_query_hook = on_query;
    int rc = auth_check(&req, &res, ACCESS_EDITOR, false);
    fuzz_query_hook = NULL;
    FUZZ_ASSERT(rc == -1);
    if (kind == AUTH_TOKEN) {
        FUZZ_ASSERT(was_looked_up && strlen(looked_up) == len &&
                    memcmp(looked_up, token, len) == 0);
        FUZZ_ASSERT(res.problem.code == PROBLEM_UNAVAILABLE);
    } else {
        FUZZ_ASSERT(!was_looked_up && res.problem.code == PROBLEM_UNAUTHORIZED);
        bool challenged = false;
        for (size_t i = 0; i < res.nheaders; i++)
            challenged |= strcmp(res.headers[i].name, "WWW-Authenticate") == 0;
        FUZZ_ASSERT(challenged);
    }
    /* The key never appears in what is answered. */
    if (kind == AUTH_TOKEN) {
        char key[AUTH_MAX_TOKEN + 1];
        memcpy(key, token, len);
        key[len] = '\0';
        FUZZ_ASSERT(!strstr(res.problem.detail, key));
    }
    fuzz_finish(&res, "/v1/actors");
    free(h);
    return 0;
}
