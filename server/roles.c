/*
 * roles.c - /v1/roles/{id}: an office or membership an actor held, with
 * start and end dates (e.g. President of South Ossetia, 2022-05-24 on).
 * Roles are listed on their actor's page; here they are read and written.
 */
#include "handlers.h"
#include "list.h"
#include "write.h"

#include <string.h>

static const struct field_spec role_fields[] = {
    {.name = "actor", .type = FIELD_SLUG, .required = true},
    {.name = "title", .type = FIELD_STRING, .required = true},
    {.name = "organization", .type = FIELD_SLUG},
    {.name = "start", .type = FIELD_PARTIAL_DATE},
    {.name = "end", .type = FIELD_PARTIAL_DATE},
    {.name = "note", .type = FIELD_TEXT, .max_len = 5000},
};

/* Partial dates written YYYY[-MM[-DD]] compare correctly as strings. */
static void role_rules(const json_t *obj, const char *pointer, bool patch, struct response *res)
{
    (void)pointer, (void)patch;
    const char *start = json_string_value(json_object_get(obj, "start"));
    const char *end = json_string_value(json_object_get(obj, "end"));
    if (start && end && strcmp(end, start) < 0)
        problem_add_field(res, "/end", "must not be before start");
}

static const struct object_spec role_body = {role_fields, 6, role_rules};

const struct resource_desc roles_resource = {"roles", &role_body, 1, {"id"}};

int roles_get(struct request *req, struct response *res)
{
    const char *id;
    if (path_id(req, res, 0, "id", &id))
        return -1;
    return get_one(req, res, QUERY_ROLES_GET, 1, &id, "role with id");
}
