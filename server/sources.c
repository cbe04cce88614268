/*
 * sources.c - /v1/sources: the documents statements are reported in
 * (articles, interviews, press releases, Telegram posts), with their outlet
 * and the source they relay, if any.
 */
#include "handlers.h"
#include "list.h"

static const char *const source_kinds[] = {
    "article", "interview", "press_release", "telegram_post", "website_post",
    "news_agency_report", "reference", NULL};

static const struct param_spec source_filters[] = {
    {"outlet", PARAM_SLUG, NULL},
    {"lang", PARAM_LANG, NULL},
    {"kind", PARAM_ENUM, source_kinds},
};

static const enum param_type id_key[] = {PARAM_ID};

static const struct list_spec sources_spec = {
    .query = QUERY_SOURCES_LIST,
    .filters = source_filters,
    .nfilters = 3,
    .keys = id_key,
    .nkeys = 1,
    .parent_query = QUERY_COUNT,
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
    return get_one(req, res, QUERY_SOURCES_GET, id, "source with id");
}
