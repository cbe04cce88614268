/*
 * handlers.h - every request handler, one group per resource file. All share
 * the handler_fn signature (api.h); routes.c maps paths to them.
 */
#ifndef ONRECORD_HANDLERS_H
#define ONRECORD_HANDLERS_H

#include "api.h"

/* health.c */
int health_live(struct request *req, struct response *res);
int health_ready(struct request *req, struct response *res);
int index_get(struct request *req, struct response *res);

/* actors.c */
int actors_list(struct request *req, struct response *res);
int actors_get(struct request *req, struct response *res);
int actors_statements(struct request *req, struct response *res);
int actors_recognitions(struct request *req, struct response *res);
int actors_positions(struct request *req, struct response *res);

/* statements.c */
int statements_list(struct request *req, struct response *res);
int statements_get(struct request *req, struct response *res);

/* sources.c */
int sources_list(struct request *req, struct response *res);
int sources_get(struct request *req, struct response *res);

/* outlets.c */
int outlets_list(struct request *req, struct response *res);
int outlets_get(struct request *req, struct response *res);

/* topics.c */
int topics_list(struct request *req, struct response *res);
int topics_get(struct request *req, struct response *res);
int topics_stances(struct request *req, struct response *res);
int topics_timeline(struct request *req, struct response *res);

/* stats.c */
int stats_stances(struct request *req, struct response *res);

/* recognitions.c */
int recognitions_list(struct request *req, struct response *res);
int recognitions_get(struct request *req, struct response *res);

/* roles.c */
int roles_get(struct request *req, struct response *res);

/* stances.c */
int stances_get(struct request *req, struct response *res);

/* changes.c */
int changes_list(struct request *req, struct response *res);

/* docs.c */
int spec_yaml(struct request *req, struct response *res);
int spec_json(struct request *req, struct response *res);
int docs_page(struct request *req, struct response *res);
int docs_script(struct request *req, struct response *res);
int docs_license(struct request *req, struct response *res);

#endif
