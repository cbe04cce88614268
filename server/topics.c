/*
 * topics.c - /v1/topics: propositions such as "South Ossetia should join the
 * Russian Federation", and every stance taken on one, in date order.
 */
#include "handlers.h"
#include "list.h"
#include "write.h"

static const char *const positions[] = {"supports", "opposes", "conditional", "neutral", NULL};

static const enum param_type slug_key[] = {PARAM_SLUG};
static const enum param_type date_id_key[] = {PARAM_DATE, PARAM_ID};

static const char *const topic_csv[] = {"slug", "proposition", "description", NULL};
static const char *const stance_csv[] = {"statement_id", "said_on",     "said_precision",
                                         "actor.slug",   "attribution", "position",
                                         "condition",    "summary",     NULL};

static const struct param_spec topic_filters[] = {
    FIELDS_FILTER,
};

static const struct list_spec topics_spec = {
    .query = QUERY_TOPICS_LIST,
    .filters = topic_filters,
    .nfilters = 1,
    .keys = slug_key,
    .nkeys = 1,
    .parent_query = QUERY_COUNT,
    .csv_columns = topic_csv,
};

enum {
    STANCE_FILTER_TOPIC,
    STANCE_FILTER_POSITION,
    STANCE_FILTER_ACTOR,
    STANCE_FILTER_FROM,
    STANCE_FILTER_TO,
    STANCE_FILTER_FIELDS,
    STANCE_FILTER_COUNT
};

static const struct param_spec stance_filters[STANCE_FILTER_COUNT] = {
    [STANCE_FILTER_TOPIC] = {"topic", PARAM_SLUG, NULL},
    [STANCE_FILTER_POSITION] = {"position", PARAM_ENUM, positions},
    [STANCE_FILTER_ACTOR] = {"actor", PARAM_SLUG, NULL},
    [STANCE_FILTER_FROM] = {"from", PARAM_DATE, NULL},
    [STANCE_FILTER_TO] = {"to", PARAM_DATE, NULL},
    [STANCE_FILTER_FIELDS] = FIELDS_FILTER,
};

static const struct list_spec topic_stances_spec = {
    .query = QUERY_TOPICS_STANCES,
    .filters = stance_filters,
    .nfilters = STANCE_FILTER_COUNT,
    .keys = date_id_key,
    .nkeys = 2,
    .parent_query = QUERY_TOPICS_EXISTS,
    .parent_filter = STANCE_FILTER_TOPIC,
    .parent_name = "topic with slug",
    .csv_columns = stance_csv,
};

int topics_list(struct request *req, struct response *res)
{
    return list_respond(req, res, &topics_spec, NULL);
}

int topics_get(struct request *req, struct response *res)
{
    const char *slug;
    if (path_slug(req, res, 0, "slug", &slug))
        return -1;
    return get_one(req, res, QUERY_TOPICS_GET, 1, &slug, "topic with slug");
}

int topics_stances(struct request *req, struct response *res)
{
    const char *preset[STANCE_FILTER_COUNT] = {0};
    if (path_slug(req, res, 0, "slug", &preset[STANCE_FILTER_TOPIC]))
        return -1;
    return list_respond(req, res, &topic_stances_spec, preset);
}

static const struct field_spec topic_fields[] = {
    {.name = "slug", .type = FIELD_SLUG, .required = true},
    {.name = "proposition", .type = FIELD_STRING, .required = true, .max_len = 500},
    {.name = "description", .type = FIELD_TEXT, .max_len = 5000},
};

static const struct object_spec topic_body = {topic_fields, 3, NULL};

const struct resource_desc topics_resource = {"topics", &topic_body, 1, {"slug"}};

enum {
    TIMELINE_FILTER_TOPIC,
    TIMELINE_FILTER_FROM,
    TIMELINE_FILTER_TO,
    TIMELINE_FILTER_FIELDS,
    TIMELINE_FILTER_COUNT
};

static const struct param_spec timeline_filters[TIMELINE_FILTER_COUNT] = {
    [TIMELINE_FILTER_TOPIC] = {"topic", PARAM_SLUG, NULL},
    [TIMELINE_FILTER_FROM] = {"from", PARAM_DATE, NULL},
    [TIMELINE_FILTER_TO] = {"to", PARAM_DATE, NULL},
    [TIMELINE_FILTER_FIELDS] = FIELDS_FILTER,
};

static const enum param_type speaker_key[] = {PARAM_TEXT};
static const char *const timeline_csv[] = {
    "actor.slug", "attribution", "first_said_on", "last_said_on", "current_position",
    "stances",    NULL};

/* Speakers in the order they first took a stance; the key is "first date|speaker". */
static const struct list_spec topic_timeline_spec = {
    .query = QUERY_TOPICS_TIMELINE,
    .filters = timeline_filters,
    .nfilters = TIMELINE_FILTER_COUNT,
    .keys = speaker_key,
    .nkeys = 1,
    .parent_query = QUERY_TOPICS_EXISTS,
    .parent_filter = TIMELINE_FILTER_TOPIC,
    .parent_name = "topic with slug",
    .csv_columns = timeline_csv,
};

int topics_timeline(struct request *req, struct response *res)
{
    const char *preset[TIMELINE_FILTER_COUNT] = {0};
    if (path_slug(req, res, 0, "slug", &preset[TIMELINE_FILTER_TOPIC]))
        return -1;
    return list_respond(req, res, &topic_timeline_spec, preset);
}
