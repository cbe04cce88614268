/*
 * sources.c - /v1/sources: the documents statements are reported in
 * (articles, interviews, press releases, Telegram posts), with their outlet
 * and the source they relay, if any.
 */
#include "handlers.h"
#include "list.h"
#include "write.h"

static const char *const source_kinds[] = {
    "article",      "interview",          "press_release", "telegram_post",
    "website_post", "news_agency_report", "reference",     NULL};

static const struct param_spec source_filters[] = {
    {"outlet", PARAM_SLUG, NULL},
    {"lang", PARAM_LANG, NULL},
    {"kind", PARAM_ENUM, source_kinds},
    FIELDS_FILTER,
};

static const enum param_type id_key[] = {PARAM_ID};

static const char *const source_csv[] = {
    "id",   "title",     "url",  "outlet.slug", "published_on", "published_precision", "language",
    "kind", "relays.id", "note", NULL};

static const struct list_spec sources_spec = {
    .query = QUERY_SOURCES_LIST,
    .filters = source_filters,
    .nfilters = 4,
    .keys = id_key,
    .nkeys = 1,
    .parent_query = QUERY_COUNT,
    .csv_columns = source_csv,
};

int sources_list(struct request *req, struct response *res)
{
    return list_respond(req, res, &sources_spec, NULL);
}

int sources_get(struct request *req, struct response *res)
{
    const char *id;
    if (path_id(req, res, 0, "id", &id))
        return -1;
    return get_one(req, res, QUERY_SOURCES_GET, 1, &id, "source with id");
}

static const struct field_spec source_fields[] = {
    {.name = "title", .type = FIELD_STRING, .required = true, .max_len = 500},
    {.name = "language", .type = FIELD_LANG, .required = true},
    {.name = "kind", .type = FIELD_ENUM, .required = true, .choices = source_kinds},
    {.name = "outlet", .type = FIELD_SLUG},
    {.name = "url", .type = FIELD_URL},
    {.name = "published_on", .type = FIELD_PARTIAL_DATE},
    {.name = "relays", .type = FIELD_ID},
    {.name = "note", .type = FIELD_TEXT, .max_len = 5000},
};

static const struct object_spec source_body = {source_fields, 8, NULL};

const struct resource_desc sources_resource = {"sources", &source_body, 1, {"id"}};
