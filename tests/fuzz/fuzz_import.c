/*
 * fuzz_import.c - one line of an NDJSON import (`onrecord import`), as
 * import.c checks it before any database: size, UTF-8, JSON, "type" and
 * the body rules POST applies. A line accepted must give a body that is a
 * JSON object without "type" which passes its resource's validation again.
 *
 * Input: the line; it ends at the first '\n' and loses trailing '\r's, as
 * import_main's getline() loop reads it.
 */
#include "fuzz_support.h"
#include "import.h"
#include "validate.h"
#include "write.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t len = nl ? (size_t)(nl - data) : size;
    char *line = fuzz_copy(data, len);
    while (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
    if (len > 0) {
        const struct resource_desc *resource = (const void *)1;
        struct response res = {0};
        char *body = import_check_line(line, len, &resource, &res);
        if (body) {
            FUZZ_ASSERT(resource && res.problem.code == PROBLEM_NONE);
            json_error_t error;
            json_t *doc = json_loads(body, JSON_REJECT_DUPLICATES, &error);
            FUZZ_ASSERT(doc && json_is_object(doc) && !json_object_get(doc, "type"));
            struct response again = {0};
            FUZZ_ASSERT(body_validate(doc, resource->fields, false, &again) == 0);
            response_reset(&again);
            json_decref(doc);
            free(body);
        } else {
            FUZZ_ASSERT(res.problem.code != PROBLEM_NONE);
        }
        fuzz_finish(&res, NULL);
    }
    free(line);
    return 0;
}
