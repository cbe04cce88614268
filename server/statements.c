/*
 * statements.c - /v1/statements: who said what, when, reported by whom in
 * which words, and the stances taken. Lists are newest first.
 */
#include "handlers.h"
#include "list.h"
#include "write.h"
#include "resources.h"

#include <string.h>

static const char *const positions[] = {"supports", "opposes", "conditional", "neutral", NULL};
static const char *const statuses[] = {"published", "disputed", "retracted", NULL};
static const char *const embeds[] = {"actor", "reports", "stances", NULL};
/* The keys a statement list item can have, for fields=. */
static const char *const item_keys[] = {
    "id",      "actor",   "attribution", "said_on", "said_precision", "kind",      "status",
    "language", "context", "summary",    "reports", "stances",        "score",     "highlight",
    NULL};

/* Order matters: it is the order of the list query's SQL parameters. */
static const struct param_spec statement_filters[STATEMENT_FILTER_COUNT] = {
    [STATEMENT_FILTER_ACTOR] = {"actor", PARAM_SLUG, NULL},
    [STATEMENT_FILTER_TOPIC] = {"topic", PARAM_SLUG, NULL},
    [STATEMENT_FILTER_STANCE] = {"stance", PARAM_ENUM, positions},
    [STATEMENT_FILTER_SOURCE] = {"source", PARAM_ID, NULL},
    [STATEMENT_FILTER_OUTLET] = {"outlet", PARAM_SLUG, NULL},
    [STATEMENT_FILTER_FROM] = {"from", PARAM_DATE, NULL},
    [STATEMENT_FILTER_TO] = {"to", PARAM_DATE, NULL},
    [STATEMENT_FILTER_LANG] = {"lang", PARAM_LANG, NULL},
    [STATEMENT_FILTER_Q] = {"q", PARAM_TEXT, NULL},
    [STATEMENT_FILTER_STATUS] = {"status", PARAM_ENUM, statuses},
    [STATEMENT_FILTER_INCLUDE] = {"include", PARAM_LIST, embeds},
    [STATEMENT_FILTER_FIELDS] = {"fields", PARAM_LIST, item_keys},
    [STATEMENT_FILTER_HIGHLIGHT] = {"highlight", PARAM_BOOL, NULL},
};

static const enum param_type date_id_key[] = {PARAM_DATE, PARAM_ID};
static const enum param_type rank_id_key[] = {PARAM_NUMBER, PARAM_ID};

/* Newest first by default; relevance ranks matches of q. The date orders
 * run a query that fits the filters given, the first that applies:
 * - a source: start from its reports (statements_*_by_source.sql);
 * - q and a topic, no actor: walk the topic's statements or start from q's
 *   matches, whichever is cheaper (statements_*_by_topic_matching.sql);
 * - q, no actor: start from q's matches when they are few, else walk by
 *   date (statements_*_matching.sql);
 * - an actor and a topic, no q: read that actor's statements on the topic
 *   (statements_*_by_actor_topic.sql);
 * - an actor, no q: walk that actor's statements (statements_*_by_actor.sql);
 * - a topic, no actor, no q: read the topic's statements
 *   (statements_*_by_topic.sql);
 * - else (q with an actor, say) the general queries, which walk the actor's
 *   statements (a common word has far more matches than an actor has
 *   statements).
 * Relevance with q and no other filter ranks the matches alone
 * (statements_search.sql). */
static const struct list_sort statement_sorts[] = {
    {"-said_on", QUERY_STATEMENTS_NEWEST, date_id_key, 2, NULL,
     {{"source", QUERY_STATEMENTS_NEWEST_BY_SOURCE},
      {"q topic !actor", QUERY_STATEMENTS_NEWEST_BY_TOPIC_MATCHING},
      {"q !actor", QUERY_STATEMENTS_NEWEST_MATCHING},
      {"actor topic !q", QUERY_STATEMENTS_NEWEST_BY_ACTOR_TOPIC},
      {"actor !q", QUERY_STATEMENTS_NEWEST_BY_ACTOR},
      {"topic !q", QUERY_STATEMENTS_NEWEST_BY_TOPIC}}},
    {"said_on", QUERY_STATEMENTS_OLDEST, date_id_key, 2, NULL,
     {{"source", QUERY_STATEMENTS_OLDEST_BY_SOURCE},
      {"q topic !actor", QUERY_STATEMENTS_OLDEST_BY_TOPIC_MATCHING},
      {"q !actor", QUERY_STATEMENTS_OLDEST_MATCHING},
      {"actor topic !q", QUERY_STATEMENTS_OLDEST_BY_ACTOR_TOPIC},
      {"actor !q", QUERY_STATEMENTS_OLDEST_BY_ACTOR},
      {"topic !q", QUERY_STATEMENTS_OLDEST_BY_TOPIC}}},
    {"relevance", QUERY_STATEMENTS_RELEVANCE, rank_id_key, 2, "q",
     {{"q !actor !topic !stance !source !outlet !from !to !lang !status",
       QUERY_STATEMENTS_SEARCH}}},
};

static const char *const statement_csv[] = {
    "id",      "said_on", "said_precision", "actor.slug", "actor.name", "attribution",
    "kind",    "status",  "language",       "context",    "summary",    "reports",
    "stances", "score",   "highlight",      NULL};

static const struct list_spec statements_spec = {
    .filters = statement_filters,
    .nfilters = STATEMENT_FILTER_COUNT,
    .sorts = statement_sorts,
    .nsorts = 3,
    .parent_query = QUERY_COUNT,
    .csv_columns = statement_csv,
};

const struct list_spec statements_by_actor_spec = {
    .filters = statement_filters,
    .nfilters = STATEMENT_FILTER_COUNT,
    .sorts = statement_sorts,
    .nsorts = 3,
    .parent_query = QUERY_ACTORS_EXISTS,
    .parent_filter = STATEMENT_FILTER_ACTOR,
    .parent_name = "actor with slug",
    .csv_columns = statement_csv,
};

int statements_list(struct request *req, struct response *res)
{
    return list_respond(req, res, &statements_spec, NULL);
}

int statements_get(struct request *req, struct response *res)
{
    const char *id;
    if (path_id(req, res, 0, "id", &id))
        return -1;
    return get_one(req, res, QUERY_STATEMENTS_GET, 1, &id, "statement with id");
}

static const char *const statement_kinds[] = {"direct_quote", "paraphrase", NULL};

static const struct field_spec report_fields[] = {
    {.name = "source", .type = FIELD_ID, .required = true},
    {.name = "wording", .type = FIELD_TEXT, .required = true},
    {.name = "note", .type = FIELD_TEXT, .max_len = 5000},
};

static const struct object_spec report_body = {report_fields, 3, NULL};

static const struct field_spec statement_fields[] = {
    {.name = "actor", .type = FIELD_SLUG},
    {.name = "attribution", .type = FIELD_STRING},
    {.name = "said_on", .type = FIELD_PARTIAL_DATE, .required = true},
    {.name = "kind", .type = FIELD_ENUM, .required = true, .choices = statement_kinds},
    {.name = "language", .type = FIELD_LANG, .required = true},
    {.name = "context", .type = FIELD_TEXT, .max_len = 2000},
    {.name = "summary", .type = FIELD_STRING, .required = true, .max_len = 1000},
    {.name = "note", .type = FIELD_TEXT, .max_len = 5000},
    {.name = "status", .type = FIELD_ENUM, .choices = statuses},
    {.name = "status_note", .type = FIELD_TEXT, .max_len = 2000},
    {.name = "reports",
     .type = FIELD_OBJECT_ARRAY,
     .required = true,
     .items = &report_body,
     .min_items = 1,
     .max_len = 50},
    {.name = "stances",
     .type = FIELD_OBJECT_ARRAY,
     .items = &stance_in_statement_body,
     .max_len = 50},
};

static bool present(const json_t *obj, const char *name)
{
    const json_t *v = json_object_get(obj, name);
    return v && !json_is_null(v);
}

/*
 * Someone said it (an actor, or an attribution such as "a South Ossetian
 * official, speaking anonymously"), and a status other than published
 * says why.
 */
static void statement_rules(const json_t *obj, const char *pointer, bool patch,
                            struct response *res)
{
    (void)pointer;
    if (!patch && !present(obj, "actor") && !present(obj, "attribution"))
        problem_add_field(res, "/actor", "give an actor, an attribution, or both");
    const char *status = json_string_value(json_object_get(obj, "status"));
    if (status && strcmp(status, "published") != 0 && !present(obj, "status_note"))
        problem_add_field(res, "/status_note", "is required when status is %s", status);
    const json_t *reports = json_object_get(obj, "reports");
    for (size_t i = 0; i < json_array_size(reports); i++)
        for (size_t j = 0; j < i; j++)
            if (json_equal(json_object_get(json_array_get(reports, i), "source"),
                           json_object_get(json_array_get(reports, j), "source")))
                problem_add_field(res, "/reports", "lists source %lld twice",
                                  (long long)json_integer_value(
                                      json_object_get(json_array_get(reports, i), "source")));
}

static const struct object_spec statement_body = {statement_fields, 12, statement_rules};

const struct resource_desc statements_resource = {"statements", &statement_body, 1, {"id"}};
