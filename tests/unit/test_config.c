/* Unit tests for server/config.c: defaults, environment, flags and validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Server headers before cmocka.h: cmocka defines a fail() macro. */
#include "config.h"

#include <cmocka.h>

static const char *const env_vars[] = {
    "DATABASE_URL",
    "ONRECORD_HOST",
    "ONRECORD_PORT",
    "ONRECORD_THREADS",
    "ONRECORD_READ_CONNECTIONS",
    "ONRECORD_MAX_CONNECTIONS",
    "ONRECORD_TIMEOUT",
    "ONRECORD_MAX_BODY",
    "ONRECORD_STATEMENT_TIMEOUT",
    "ONRECORD_ANSWER_CACHE",
    "ONRECORD_ACCESS_LOG",
};

static int clear_env(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof env_vars / sizeof env_vars[0]; i++)
        unsetenv(env_vars[i]);
    return 0;
}

/* Runs config_load on a NULL-terminated argument list (argv[0] is supplied). */
static int load(struct config *cfg, char *err, size_t errlen, ...)
{
    char *argv[32] = {"onrecord"};
    int argc = 1;
    va_list ap;
    va_start(ap, errlen);
    for (char *a; (a = va_arg(ap, char *)) != NULL;) {
        assert_true(argc < 31);
        argv[argc++] = a;
    }
    va_end(ap);
    argv[argc] = NULL;
    err[0] = '\0';
    memset(cfg, 0xA5, sizeof *cfg);
    return config_load(cfg, argc, argv, err, errlen);
}

#define LOAD(cfg, err, ...) load(cfg, err, sizeof err, __VA_ARGS__, (char *)NULL)

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("'%s' does not contain '%s'", haystack, needle);
}

static void defaults_without_environment_or_flags(void **state)
{
    (void)state;
    struct config cfg;
    char err[256];
    char *argv[] = {"onrecord", NULL};
    memset(&cfg, 0xA5, sizeof cfg);
    assert_int_equal(config_load(&cfg, 1, argv, err, sizeof err), 0);
    assert_string_equal(cfg.command, "serve");
    assert_string_equal(cfg.database_url, "");
    assert_string_equal(cfg.host, "127.0.0.1");
    assert_int_equal(cfg.port, 8080);
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    long threads = cpus > 0 ? (cpus > 128 ? 256 : 2 * cpus) : 2;
    assert_int_equal(cfg.threads, threads);
    assert_in_range(cfg.threads, 1, 256);
    assert_int_equal(cfg.read_connections, 1);
    assert_int_equal(cfg.max_connections, 16384);
    assert_int_equal(cfg.timeout, 60);
    assert_int_equal(cfg.max_body, 1048576);
    assert_int_equal(cfg.statement_timeout, 5000);
    assert_int_equal(cfg.answer_cache, 8);
    assert_true(cfg.access_log);
}

static void environment_overrides_defaults(void **state)
{
    (void)state;
    setenv("DATABASE_URL", "postgresql://u@db/onrecord", 1);
    setenv("ONRECORD_HOST", "0.0.0.0", 1);
    setenv("ONRECORD_PORT", "8123", 1);
    setenv("ONRECORD_THREADS", "3", 1);
    setenv("ONRECORD_READ_CONNECTIONS", "5", 1);
    setenv("ONRECORD_MAX_CONNECTIONS", "100", 1);
    setenv("ONRECORD_TIMEOUT", "5", 1);
    setenv("ONRECORD_MAX_BODY", "2048", 1);
    setenv("ONRECORD_STATEMENT_TIMEOUT", "250", 1);
    setenv("ONRECORD_ANSWER_CACHE", "0", 1);
    setenv("ONRECORD_ACCESS_LOG", "0", 1);
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "serve"), 0);
    assert_string_equal(cfg.command, "serve");
    assert_string_equal(cfg.database_url, "postgresql://u@db/onrecord");
    assert_string_equal(cfg.host, "0.0.0.0");
    assert_int_equal(cfg.port, 8123);
    assert_int_equal(cfg.threads, 3);
    assert_int_equal(cfg.read_connections, 5);
    assert_int_equal(cfg.max_connections, 100);
    assert_int_equal(cfg.timeout, 5);
    assert_int_equal(cfg.max_body, 2048);
    assert_int_equal(cfg.statement_timeout, 250);
    assert_int_equal(cfg.answer_cache, 0);
    assert_false(cfg.access_log);
}

static void empty_environment_variable_keeps_default(void **state)
{
    (void)state;
    setenv("ONRECORD_PORT", "", 1);
    setenv("ONRECORD_HOST", "", 1);
    setenv("ONRECORD_ACCESS_LOG", "", 1);
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "serve"), 0);
    assert_int_equal(cfg.port, 8080);
    assert_string_equal(cfg.host, "127.0.0.1");
    assert_true(cfg.access_log);
}

static void flag_with_separate_value_overrides_environment(void **state)
{
    (void)state;
    setenv("ONRECORD_PORT", "8123", 1);
    setenv("ONRECORD_HOST", "0.0.0.0", 1);
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "--port", "9000", "--host", "::1"), 0);
    assert_int_equal(cfg.port, 9000);
    assert_string_equal(cfg.host, "::1");
    assert_string_equal(cfg.command, "serve");
}

static void flag_with_equals_value_overrides_environment(void **state)
{
    (void)state;
    setenv("ONRECORD_PORT", "8123", 1);
    setenv("ONRECORD_STATEMENT_TIMEOUT", "100", 1);
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "serve", "--port=9000", "--statement-timeout=600000",
                          "--database-url=host=/tmp dbname=x"),
                     0);
    assert_int_equal(cfg.port, 9000);
    assert_int_equal(cfg.statement_timeout, 600000);
    assert_string_equal(cfg.database_url, "host=/tmp dbname=x");
}

static void last_flag_wins(void **state)
{
    (void)state;
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "--port=1", "--port", "65535"), 0);
    assert_int_equal(cfg.port, 65535);
}

static void every_command_is_accepted(void **state)
{
    (void)state;
    const char *commands[] = {"serve", "migrate", "seed", "routes", "help", "version"};
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        struct config cfg;
        char err[256];
        char arg[16];
        strcpy(arg, commands[i]);
        assert_int_equal(LOAD(&cfg, err, arg), 0);
        assert_string_equal(cfg.command, commands[i]);
    }
}

static void command_followed_by_flags(void **state)
{
    (void)state;
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "migrate", "--database-url", "postgresql:///x"), 0);
    assert_string_equal(cfg.command, "migrate");
    assert_string_equal(cfg.database_url, "postgresql:///x");
}

static void unknown_command_is_an_error(void **state)
{
    (void)state;
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "launch"), -1);
    assert_contains(err, "unknown command");
    assert_contains(err, "launch");
}

static void command_after_flags_is_an_unknown_option(void **state)
{
    (void)state;
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "--port=9000", "serve"), -1);
    assert_contains(err, "unknown option");
    assert_contains(err, "serve");
}

static void unknown_option_is_an_error(void **state)
{
    (void)state;
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "--verbose"), -1);
    assert_contains(err, "unknown option");
    assert_contains(err, "--verbose");

    assert_int_equal(LOAD(&cfg, err, "--portx=1"), -1); /* a flag name's prefix is not enough */
    assert_contains(err, "--portx=1");
    assert_int_equal(LOAD(&cfg, err, "--por=1"), -1);
    assert_int_equal(LOAD(&cfg, err, "-p", "1"), -1);
    assert_int_equal(LOAD(&cfg, err, "--PORT=1"), -1);
}

static void flag_without_value_is_an_error(void **state)
{
    (void)state;
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "--port"), -1);
    assert_contains(err, "--port");
    assert_contains(err, "needs a value");
}

static void help_flag_sets_help_command(void **state)
{
    (void)state;
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "--help"), 0);
    assert_string_equal(cfg.command, "help");
    assert_int_equal(LOAD(&cfg, err, "-h"), 0);
    assert_string_equal(cfg.command, "help");
    assert_int_equal(LOAD(&cfg, err, "migrate", "--help"), 0);
    assert_string_equal(cfg.command, "help");
    assert_int_equal(LOAD(&cfg, err, "--version"), 0);
    assert_string_equal(cfg.command, "version");
}

static void invalid_environment_value_names_variable_and_range(void **state)
{
    (void)state;
    struct config cfg;
    char err[256];
    setenv("ONRECORD_PORT", "0", 1);
    assert_int_equal(LOAD(&cfg, err, "serve"), -1);
    assert_contains(err, "ONRECORD_PORT");
    assert_contains(err, "'0'");
    assert_contains(err, "1 to 65535");

    setenv("ONRECORD_PORT", "80x", 1);
    assert_int_equal(LOAD(&cfg, err, "serve"), -1);
    assert_contains(err, "ONRECORD_PORT");

    unsetenv("ONRECORD_PORT");
    setenv("ONRECORD_THREADS", "257", 1);
    assert_int_equal(LOAD(&cfg, err, "serve"), -1);
    assert_contains(err, "ONRECORD_THREADS");
    assert_contains(err, "1 to 256");

    unsetenv("ONRECORD_THREADS");
    setenv("ONRECORD_READ_CONNECTIONS", "9", 1);
    assert_int_equal(LOAD(&cfg, err, "serve"), -1);
    assert_contains(err, "ONRECORD_READ_CONNECTIONS");
    assert_contains(err, "1 to 8");

    unsetenv("ONRECORD_READ_CONNECTIONS");
    setenv("ONRECORD_MAX_BODY", "1023", 1);
    assert_int_equal(LOAD(&cfg, err, "serve"), -1);
    assert_contains(err, "ONRECORD_MAX_BODY");
    assert_contains(err, "1024 to 1073741824");
}

static void invalid_flag_value_names_flag_and_range(void **state)
{
    (void)state;
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "--port=65536"), -1);
    assert_contains(err, "--port");
    assert_contains(err, "1 to 65535");

    assert_int_equal(LOAD(&cfg, err, "--port", "-1"), -1);
    assert_contains(err, "--port");

    assert_int_equal(LOAD(&cfg, err, "--port="), -1);
    assert_contains(err, "--port");

    assert_int_equal(LOAD(&cfg, err, "--port=08080"), -1);
    assert_int_equal(LOAD(&cfg, err, "--port= 8080"), -1);

    assert_int_equal(LOAD(&cfg, err, "--timeout=86401"), -1);
    assert_contains(err, "--timeout");
    assert_contains(err, "1 to 86400");

    assert_int_equal(LOAD(&cfg, err, "--statement-timeout=9"), -1);
    assert_contains(err, "--statement-timeout");
    assert_contains(err, "10 to 600000");

    assert_int_equal(LOAD(&cfg, err, "--max-connections=0"), -1);
    assert_contains(err, "--max-connections");
    assert_contains(err, "1 to 1000000");
}

static void range_limits_are_inclusive(void **state)
{
    (void)state;
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "--port=1", "--threads=256", "--max-body=1024",
                          "--timeout=86400", "--statement-timeout=10", "--max-connections=1000000"),
                     0);
    assert_int_equal(cfg.port, 1);
    assert_int_equal(cfg.threads, 256);
    assert_int_equal(cfg.max_body, 1024);
    assert_int_equal(cfg.timeout, 86400);
    assert_int_equal(cfg.statement_timeout, 10);
    assert_int_equal(cfg.max_connections, 1000000);
    assert_int_equal(LOAD(&cfg, err, "--max-body=1073741824"), 0);
    assert_int_equal(cfg.max_body, 1073741824L);
    assert_int_equal(LOAD(&cfg, err, "--max-body=1073741825"), -1);
}

static void access_log_accepts_0_1_true_false(void **state)
{
    (void)state;
    struct {
        const char *value;
        bool expected;
    } cases[] = {{"1", true}, {"true", true}, {"0", false}, {"false", false}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct config cfg;
        char err[256];
        setenv("ONRECORD_ACCESS_LOG", cases[i].value, 1);
        assert_int_equal(LOAD(&cfg, err, "serve"), 0);
        assert_int_equal(cfg.access_log, cases[i].expected);
    }
    unsetenv("ONRECORD_ACCESS_LOG");
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "--access-log=false"), 0);
    assert_false(cfg.access_log);
    assert_int_equal(LOAD(&cfg, err, "--access-log", "0"), 0);
    assert_false(cfg.access_log);
    setenv("ONRECORD_ACCESS_LOG", "0", 1);
    assert_int_equal(LOAD(&cfg, err, "--access-log=1"), 0);
    assert_true(cfg.access_log);
}

static void access_log_rejects_other_values(void **state)
{
    (void)state;
    const char *bad[] = {"yes", "no", "TRUE", "False", "2", "on", " 1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct config cfg;
        char err[256];
        setenv("ONRECORD_ACCESS_LOG", bad[i], 1);
        assert_int_equal(LOAD(&cfg, err, "serve"), -1);
        assert_contains(err, "ONRECORD_ACCESS_LOG");
        assert_contains(err, "0, 1, true or false");
    }
    unsetenv("ONRECORD_ACCESS_LOG");
    struct config cfg;
    char err[256];
    assert_int_equal(LOAD(&cfg, err, "--access-log=yes"), -1);
    assert_contains(err, "--access-log");
}

static void error_message_fits_a_small_buffer(void **state)
{
    (void)state;
    struct config cfg;
    char err[16];
    memset(err, 'X', sizeof err);
    char *argv[] = {"onrecord", "--port=99999999", NULL};
    assert_int_equal(config_load(&cfg, 2, argv, err, sizeof err), -1);
    assert_true(memchr(err, '\0', sizeof err) != NULL);
    assert_int_equal(strncmp(err, "--port", 6), 0);
}

static void usage_lists_every_flag_and_variable(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    config_usage(out);
    fclose(out);
    assert_contains(text, "Usage: onrecord");
    const char *flags[] = {
        "--database-url",    "--host",    "--port",     "--threads",           "--read-connections",
        "--max-connections", "--timeout", "--max-body", "--statement-timeout", "--access-log"};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        assert_contains(text, flags[i]);
    for (size_t i = 0; i < sizeof env_vars / sizeof env_vars[0]; i++)
        assert_contains(text, env_vars[i]);
    const char *commands[] = {"serve", "migrate", "seed", "routes", "help", "version"};
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        assert_contains(text, commands[i]);
    free(text);
}

#define T(f) cmocka_unit_test_setup_teardown(f, clear_env, clear_env)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(defaults_without_environment_or_flags),
        T(environment_overrides_defaults),
        T(empty_environment_variable_keeps_default),
        T(flag_with_separate_value_overrides_environment),
        T(flag_with_equals_value_overrides_environment),
        T(last_flag_wins),
        T(every_command_is_accepted),
        T(command_followed_by_flags),
        T(unknown_command_is_an_error),
        T(command_after_flags_is_an_unknown_option),
        T(unknown_option_is_an_error),
        T(flag_without_value_is_an_error),
        T(help_flag_sets_help_command),
        T(invalid_environment_value_names_variable_and_range),
        T(invalid_flag_value_names_flag_and_range),
        T(range_limits_are_inclusive),
        T(access_log_accepts_0_1_true_false),
        T(access_log_rejects_other_values),
        T(error_message_fits_a_small_buffer),
        T(usage_lists_every_flag_and_variable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
