/*
 * config.c - environment variables and flags -> struct config. Each setting
 * is described once in a table (name, variable, flag, range) so the parser,
 * the validation and the --help text cannot disagree.
 */
#include "config.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum setting_type { SETTING_STRING, SETTING_LONG, SETTING_BOOL };

struct setting {
    const char *env;
    const char *flag;
    enum setting_type type;
    size_t offset;
    long min, max;
    const char *help;
};

#define FIELD(f) offsetof(struct config, f)

static const struct setting settings[] = {
    {"DATABASE_URL", "--database-url", SETTING_STRING, FIELD(database_url), 0, 0,
     "PostgreSQL connection string or URI (default: libpq defaults)"},
    {"ONRECORD_HOST", "--host", SETTING_STRING, FIELD(host), 0, 0,
     "address to listen on (default 127.0.0.1)"},
    {"ONRECORD_PORT", "--port", SETTING_LONG, FIELD(port), 1, 65535, "TCP port (default 8080)"},
    {"ONRECORD_THREADS", "--threads", SETTING_LONG, FIELD(threads), 1, 256,
     "worker threads, each with its own database connections for reads and one for writes "
     "(default: two per CPU)"},
    {"ONRECORD_READ_CONNECTIONS", "--read-connections", SETTING_LONG, FIELD(read_connections), 1,
     MAX_READ_CONNECTIONS,
     "pipelined database connections each worker thread sends its reads down, in turn "
     "(default 1)"},
    {"ONRECORD_MAX_CONNECTIONS", "--max-connections", SETTING_LONG, FIELD(max_connections), 1,
     1000000, "open HTTP connections at once (default 16384)"},
    {"ONRECORD_TIMEOUT", "--timeout", SETTING_LONG, FIELD(timeout), 1, 86400,
     "seconds before an idle connection is closed (default 60)"},
    {"ONRECORD_CONNECTION_MEMORY", "--connection-memory", SETTING_LONG, FIELD(connection_memory),
     2048, 1L << 20,
     "bytes per HTTP connection for its request line, headers and response headers; a "
     "request line and headers over this less 1024 (counting 64 bytes per header and query "
     "argument) get 431 (default 4096)"},
    {"ONRECORD_MAX_BODY", "--max-body", SETTING_LONG, FIELD(max_body), 1024, 1L << 30,
     "largest request body in bytes (default 1048576)"},
    {"ONRECORD_STATEMENT_TIMEOUT", "--statement-timeout", SETTING_LONG, FIELD(statement_timeout),
     10, 600000, "milliseconds a database query may run (default 5000)"},
    {"ONRECORD_ANSWER_CACHE", "--answer-cache", SETTING_LONG, FIELD(answer_cache), 0, 4096,
     "MiB of memory for whole answers to costly reads (searches, statistics), each kept "
     "until the next write; 0 keeps none (default 8)"},
    {"ONRECORD_ACCESS_LOG", "--access-log", SETTING_BOOL, FIELD(access_log), 0, 1,
     "1 to log each request to stderr, 0 not to (default 1)"},
    {"ONRECORD_CORS_ORIGINS", "--cors-origins", SETTING_STRING, FIELD(cors_origins), 0, 0,
     "browser origins allowed to call the API: * or a comma-separated list (default: none)"},
    {"ONRECORD_READ_REQUIRES_KEY", "--read-requires-key", SETTING_BOOL, FIELD(read_requires_key), 0,
     1, "1 to require an API key for reads too (default 0)"},
};

static const char *const commands[] = {"serve",  "migrate", "seed", "keys",
                                       "import", "routes",  "help", "version"};

/* Commands whose remaining arguments are their own, not options. */
static bool takes_own_args(const char *command)
{
    return strcmp(command, "keys") == 0 || strcmp(command, "import") == 0;
}

static int set_value(struct config *cfg, const struct setting *s, const char *value,
                     const char *origin, char *err, size_t errlen)
{
    char *field = (char *)cfg + s->offset;
    long v;
    switch (s->type) {
    case SETTING_STRING:
        *(const char **)field = value;
        return 0;
    case SETTING_LONG:
        if (!parse_long(value, s->min, s->max, &v)) {
            snprintf(err, errlen, "%s: '%s' is not a whole number from %ld to %ld", origin, value,
                     s->min, s->max);
            return -1;
        }
        *(long *)field = v;
        return 0;
    case SETTING_BOOL:
        if (strcmp(value, "1") == 0 || strcmp(value, "true") == 0) {
            *(bool *)field = true;
        } else if (strcmp(value, "0") == 0 || strcmp(value, "false") == 0) {
            *(bool *)field = false;
        } else {
            snprintf(err, errlen, "%s: '%s' is not 0, 1, true or false", origin, value);
            return -1;
        }
        return 0;
    }
    return -1;
}

static void set_defaults(struct config *cfg)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    *cfg = (struct config){
        .command = "serve",
        .database_url = "",
        .host = "127.0.0.1",
        .port = 8080,
        .threads = cpus > 0 ? (cpus > 128 ? 256 : 2 * cpus) : 2,
        .read_connections = 1,
        .max_connections = 16384,
        .timeout = 60,
        .max_body = 1L << 20,
        .statement_timeout = 5000,
        .answer_cache = 8,
        .access_log = true,
        .connection_memory = 4096,
        .cors_origins = "",
    };
}

int config_load(struct config *cfg, int argc, char **argv, char *err, size_t errlen)
{
    const size_t nsettings = sizeof settings / sizeof settings[0];
    set_defaults(cfg);
    for (size_t i = 0; i < nsettings; i++) {
        const char *value = getenv(settings[i].env);
        if (value && *value && set_value(cfg, &settings[i], value, settings[i].env, err, errlen))
            return -1;
    }
    int i = 1;
    if (i < argc && argv[i][0] != '-') {
        bool known = false;
        for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
            if (strcmp(argv[i], commands[c]) == 0)
                known = true;
        if (!known) {
            snprintf(err, errlen, "unknown command '%s' (see onrecord --help)", argv[i]);
            return -1;
        }
        cfg->command = argv[i++];
        if (takes_own_args(cfg->command)) {
            cfg->rest_argc = argc - i;
            cfg->rest_argv = argv + i;
            return 0;
        }
    }
    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            cfg->command = "help";
            continue;
        }
        if (strcmp(arg, "--version") == 0) {
            cfg->command = "version";
            continue;
        }
        const struct setting *s = NULL;
        const char *value = NULL;
        for (size_t k = 0; k < nsettings && !s; k++) {
            size_t n = strlen(settings[k].flag);
            if (strncmp(arg, settings[k].flag, n) == 0 && (arg[n] == '=' || arg[n] == '\0')) {
                s = &settings[k];
                value = arg[n] == '=' ? arg + n + 1 : NULL;
            }
        }
        if (!s) {
            snprintf(err, errlen, "unknown option '%s' (see onrecord --help)", arg);
            return -1;
        }
        if (!value) {
            if (i + 1 >= argc) {
                snprintf(err, errlen, "%s needs a value", s->flag);
                return -1;
            }
            value = argv[++i];
        }
        if (set_value(cfg, s, value, s->flag, err, errlen))
            return -1;
    }
    return 0;
}

void config_usage(FILE *out)
{
    fputs("Usage: onrecord [COMMAND] [OPTIONS]\n"
          "\n"
          "A REST API over a database of political statements.\n"
          "\n"
          "Commands:\n"
          "  serve     serve the HTTP API (default)\n"
          "  migrate   apply pending database migrations (safe to repeat)\n"
          "  seed      load the seed dataset (safe to repeat)\n"
          "  keys      manage API keys: keys create --name NAME --role editor|admin,\n"
          "            keys list, keys revoke NAME\n"
          "  import    load statements, actors, sources ... from an NDJSON file\n"
          "  routes    print the route table: method, path, who may call it\n"
          "  help      print this text\n"
          "  version   print the version\n"
          "\n"
          "Options (each also read from the environment variable shown):\n",
          out);
    for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
        char flag[64];
        snprintf(flag, sizeof flag, "%s=%s", settings[i].flag,
                 settings[i].type == SETTING_STRING ? "TEXT" : "N");
        fprintf(out, "  %-26s %-27s %s\n", flag, settings[i].env, settings[i].help);
    }
}
