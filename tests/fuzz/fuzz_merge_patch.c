/*
 * fuzz_merge_patch.c - PATCH bodies (JSON merge patch, RFC 7396) for every
 * resource, through write.c's real write_update(): the record's key from
 * the path (write_target), the content type (application/merge-patch+json
 * or application/json), and validate.c in patch mode, where fields may be
 * absent and optional ones null.
 *
 * Input: "<resource> <key> <content type>" on the first line (e.g.
 * "stances 12/sovereignty application/merge-patch+json"; the key's parts
 * are the path parameters; the content type defaults to
 * application/merge-patch+json), then the body. A patch that reaches the
 * database must name the same key and pass validation again.
 */
#include "fuzz_support.h"
#include "validate.h"
#include "write.h"

#include <string.h>

static const struct resource_desc *const resources[] = {
    &actors_resource,     &roles_resource,  &outlets_resource, &sources_resource,
    &statements_resource, &topics_resource, &stances_resource, &recognitions_resource};

static const struct resource_desc *current;
static const char *key;
static bool reached;

static void on_query(enum query_id id, int nparams, const char *const *values)
{
    FUZZ_ASSERT(id == QUERY_WRITE && nparams == 7);
    FUZZ_ASSERT(strcmp(values[0], "update") == 0 && strcmp(values[1], current->name) == 0);
    FUZZ_ASSERT(values[2] && strcmp(values[2], key) == 0);
    FUZZ_ASSERT(values[3] && !values[6]); /* an Idempotency-Key is for creates only */
    json_error_t error;
    json_t *doc = json_loads(values[3], JSON_REJECT_DUPLICATES, &error);
    FUZZ_ASSERT(doc && json_is_object(doc));
    struct response res = {0};
    FUZZ_ASSERT(body_validate(doc, current->fields, true, &res) == 0);
    response_reset(&res);
    json_decref(doc);
    reached = true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    if (!nl)
        return 0;
    char *head = fuzz_copy(data, (size_t)(nl - data));
    char *target = strchr(head, ' ');
    char *type = NULL;
    if (target) {
        *target++ = '\0';
        type = strchr(target, ' ');
        if (type)
            *type++ = '\0';
    }
    current = NULL;
    for (size_t i = 0; i < sizeof resources / sizeof resources[0]; i++)
        if (strcmp(resources[i]->name, head) == 0)
            current = resources[i];
    size_t slashes = 0;
    for (const char *t = target; t && *t; t++)
        slashes += *t == '/';
    /* The router captures whole segments: as many as the resource's key has. */
    if (current && target && *target && slashes + 1 == current->npath) {
        key = target;
        struct request req = {.method = "PATCH",
                              .path = "/v1/fuzz",
                              .request_id = "fuzz",
                              .content_type = type ? type : "application/merge-patch+json",
                              .idempotency_key = "fuzz-key",
                              .route_data = current};
        /* The path parameters are the key's parts, as the router would capture them. */
        char *parts = strdup(target);
        for (char *p = parts; p;) {
            req.path_params[req.npath_params++] = p;
            p = strchr(p, '/');
            if (p)
                *p++ = '\0';
        }
        size_t body_len = size - (size_t)(nl + 1 - data);
        char *body = fuzz_copy(nl + 1, body_len);
        req.body = body;
        req.body_len = body_len;
        struct response res = {0};
        reached = false;
        fuzz_query_hook = on_query;
        int rc = write_update(&req, &res);
        fuzz_query_hook = NULL;
        FUZZ_ASSERT(rc == -1);
        FUZZ_ASSERT(reached == (res.problem.code == PROBLEM_UNAVAILABLE));
        fuzz_finish(&res, "/v1/fuzz");
        free(body);
        free(parts);
    }
    free(head);
    return 0;
}
