/*
 * stances.c - /v1/stances/{statement}/{topic}: one statement's position on
 * one topic (supports, opposes, conditional with its condition, neutral).
 * Stances are also written as part of a statement; both share the rules here.
 */
#include "handlers.h"
#include "list.h"
#include "resources.h"
#include "write.h"

#include <string.h>

static const char *const positions[] = {"supports", "opposes", "conditional", "neutral", NULL};

/* A condition goes with "conditional", and only with it. */
static void stance_rules(const json_t *obj, const char *pointer, bool patch, struct response *res)
{
    const char *position = json_string_value(json_object_get(obj, "position"));
    const json_t *condition = json_object_get(obj, "condition");
    bool has_condition = condition && !json_is_null(condition);
    char ptr[96];
    if (position && strcmp(position, "conditional") == 0 && !has_condition && !patch) {
        snprintf(ptr, sizeof ptr, "%s/condition", pointer);
        problem_add_field(res, ptr, "is required when position is conditional");
    }
    if (position && strcmp(position, "conditional") != 0 && has_condition) {
        snprintf(ptr, sizeof ptr, "%s/condition", pointer);
        problem_add_field(res, ptr, "is only allowed when position is conditional");
    }
}

static const struct field_spec stance_in_statement_fields[] = {
    {.name = "topic", .type = FIELD_SLUG, .required = true},
    {.name = "position", .type = FIELD_ENUM, .required = true, .choices = positions},
    {.name = "condition", .type = FIELD_STRING, .max_len = 1000},
    {.name = "note", .type = FIELD_TEXT, .max_len = 5000},
};

const struct object_spec stance_in_statement_body = {stance_in_statement_fields, 4, stance_rules};

static const struct field_spec stance_fields[] = {
    {.name = "statement", .type = FIELD_ID, .required = true},
    {.name = "topic", .type = FIELD_SLUG, .required = true},
    {.name = "position", .type = FIELD_ENUM, .required = true, .choices = positions},
    {.name = "condition", .type = FIELD_STRING, .max_len = 1000},
    {.name = "note", .type = FIELD_TEXT, .max_len = 5000},
};

static const struct object_spec stance_body = {stance_fields, 5, stance_rules};

const struct resource_desc stances_resource = {"stances", &stance_body, 2, {"id", "slug"}};

int stances_get(struct request *req, struct response *res)
{
    const char *key[2];
    if (path_id(req, res, 0, "statement", &key[0]) || path_slug(req, res, 1, "topic", &key[1]))
        return -1;
    return get_one(req, res, QUERY_STANCES_GET, 2, key, "stance on topic");
}
