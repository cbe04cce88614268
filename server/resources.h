/*
 * resources.h - list descriptions shared between resource files: the
 * statement and recognition lists also hang under /v1/actors/{slug}.
 */
#ifndef ONRECORD_RESOURCES_H
#define ONRECORD_RESOURCES_H

#include "list.h"

/* Filters of the statements list, in SQL parameter order. */
enum statement_filter {
    STATEMENT_FILTER_ACTOR,
    STATEMENT_FILTER_TOPIC,
    STATEMENT_FILTER_STANCE,
    STATEMENT_FILTER_SOURCE,
    STATEMENT_FILTER_OUTLET,
    STATEMENT_FILTER_FROM,
    STATEMENT_FILTER_TO,
    STATEMENT_FILTER_LANG,
    STATEMENT_FILTER_Q,
    STATEMENT_FILTER_STATUS,
    STATEMENT_FILTER_INCLUDE,   /* what to embed: actor, reports, stances */
    STATEMENT_FILTER_FIELDS,    /* sparse fieldset */
    STATEMENT_FILTER_HIGHLIGHT, /* a marked snippet of the best match for q */
    STATEMENT_FILTER_COUNT
};

/* Filters of the recognitions list, in SQL parameter order. */
enum recognition_filter {
    RECOGNITION_FILTER_TERRITORY,
    RECOGNITION_FILTER_STATE,
    RECOGNITION_FILTER_ACTOR,
    RECOGNITION_FILTER_AS_OF,
    RECOGNITION_FILTER_FIELDS,
    RECOGNITION_FILTER_COUNT
};

extern const struct list_spec statements_by_actor_spec;

/* A stance as written inside a statement body (stances.c). */
struct object_spec;
extern const struct object_spec stance_in_statement_body;
extern const struct list_spec recognitions_by_actor_spec;

#endif
