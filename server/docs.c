/*
 * docs.c - the API describing itself: the OpenAPI document as YAML and JSON,
 * and a human-readable reference at /docs (Redoc, from the pinned npm
 * package, compiled in, so it works with no internet).
 */
#include "embedded_sql.h"
#include "handlers.h"
#include "list.h"
#include "respond.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* The compiled-in files, each with an ETag computed once. */
static const char *const asset_names[] = {"openapi.yaml", "openapi.json", "redoc.standalone.js",
                                          "LICENSE"};
#define NASSETS (sizeof asset_names / sizeof asset_names[0])
static const struct sql_file *assets[NASSETS];
static char asset_etags[NASSETS][24];
static pthread_once_t assets_once = PTHREAD_ONCE_INIT;

static void find_assets(void)
{
    for (size_t i = 0; i < NASSETS; i++) {
        for (size_t k = 0; k < embedded_assets_count; k++) {
            if (strcmp(embedded_assets[k].name, asset_names[i]) == 0) {
                char hash[17];
                assets[i] = &embedded_assets[k];
                content_hash(assets[i]->text, strlen(assets[i]->text), hash);
                snprintf(asset_etags[i], sizeof asset_etags[i], "\"%s\"", hash);
            }
        }
    }
}

/* Answers with compiled-in file `name` as `content_type`. */
static int serve_asset(struct request *req, struct response *res, const char *name,
                       const char *content_type, const char *cache_control)
{
    if (no_params(req, res))
        return -1;
    pthread_once(&assets_once, find_assets);
    for (size_t i = 0; i < NASSETS; i++) {
        if (strcmp(asset_names[i], name) == 0 && assets[i]) {
            response_json_static(res, 200, assets[i]->text);
            res->content_type = content_type;
            res->cache_control = cache_control;
            response_add_header(res, "ETag", asset_etags[i]);
            return 0;
        }
    }
    return fail(res, PROBLEM_INTERNAL, NULL, "%s was not built into this server", name);
}

int spec_yaml(struct request *req, struct response *res)
{
    return serve_asset(req, res, "openapi.yaml", "application/yaml", "public, max-age=300");
}

int spec_json(struct request *req, struct response *res)
{
    return serve_asset(req, res, "openapi.json", "application/json", "public, max-age=300");
}

int docs_script(struct request *req, struct response *res)
{
    return serve_asset(req, res, "redoc.standalone.js", "text/javascript", "public, max-age=86400");
}

int docs_license(struct request *req, struct response *res)
{
    return serve_asset(req, res, "LICENSE", "text/plain", "public, max-age=86400");
}

/* Redoc renders /openapi.json in the browser; everything comes from this server. */
static const char docs_html[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>onrecord API reference</title>\n"
    "<style>body { margin: 0; padding: 0; }</style>\n"
    "</head>\n"
    "<body>\n"
    "<noscript>This reference needs JavaScript. The contract itself is at "
    "<a href=\"/openapi.yaml\">/openapi.yaml</a> and <a href=\"/openapi.json\">/openapi.json</a>."
    "</noscript>\n"
    "<redoc spec-url=\"/openapi.json\"></redoc>\n"
    "<script src=\"/docs/redoc.standalone.js\"></script>\n"
    "<!-- Redoc is MIT-licensed: /docs/redoc.LICENSE -->\n"
    "</body>\n"
    "</html>\n";

int docs_page(struct request *req, struct response *res)
{
    if (no_params(req, res))
        return -1;
    response_json_static(res, 200, docs_html);
    res->content_type = "text/html";
    res->cache_control = "public, max-age=300";
    return 0;
}
