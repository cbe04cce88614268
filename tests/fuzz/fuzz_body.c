/*
 * fuzz_body.c - POST bodies for every resource, through write.c's real
 * write_create(): content type, JSON parsing (duplicate keys refused) and
 * validate.c's checks against each resource's field table and rules.
 *
 * Input: "<resource> <content type>" on the first line (e.g. "statements
 * application/json"; the content type defaults to application/json), then
 * the body, bytes as sent (NULs and all). A body that reaches the database
 * (fuzz_support.c's stand-in) must be a JSON object that passes the same
 * validation again.
 */
#include "fuzz_support.h"
#include "validate.h"
#include "write.h"

#include <string.h>

static const struct resource_desc *const resources[] = {
    &actors_resource,     &roles_resource,  &outlets_resource, &sources_resource,
    &statements_resource, &topics_resource, &stances_resource, &recognitions_resource};

static const struct resource_desc *current;
static bool reached;

/* onrecord_write($1 op, $2 resource, $3 target, $4 body, ...): the body must still be valid. */
static void on_query(enum query_id id, int nparams, const char *const *values)
{
    FUZZ_ASSERT(id == QUERY_WRITE && nparams == 7);
    FUZZ_ASSERT(strcmp(values[0], "create") == 0 && strcmp(values[1], current->name) == 0);
    FUZZ_ASSERT(values[3]);
    json_error_t error;
    json_t *doc = json_loads(values[3], JSON_REJECT_DUPLICATES, &error);
    FUZZ_ASSERT(doc && json_is_object(doc));
    struct response res = {0};
    FUZZ_ASSERT(body_validate(doc, current->fields, false, &res) == 0);
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
    char *type = strchr(head, ' ');
    if (type)
        *type++ = '\0';
    current = NULL;
    for (size_t i = 0; i < sizeof resources / sizeof resources[0]; i++)
        if (strcmp(resources[i]->name, head) == 0)
            current = resources[i];
    if (current) {
        char path[64];
        snprintf(path, sizeof path, "/v1/%s", current->name);
        struct request req = {.method = "POST",
                              .path = path,
                              .request_id = "fuzz",
                              .content_type = type ? type : "application/json",
                              .route_data = current};
        size_t body_len = size - (size_t)(nl + 1 - data);
        char *body = fuzz_copy(nl + 1, body_len);
        req.body = body;
        req.body_len = body_len;
        struct response res = {0};
        reached = false;
        fuzz_query_hook = on_query;
        int rc = write_create(&req, &res);
        fuzz_query_hook = NULL;
        FUZZ_ASSERT(rc == -1); /* the stand-in answers 503 */
        FUZZ_ASSERT(reached == (res.problem.code == PROBLEM_UNAVAILABLE));
        fuzz_finish(&res, path);
        free(body);
    }
    free(head);
    return 0;
}
