/*
 * import.h - `onrecord import FILE`: bulk loading of NDJSON.
 */
#ifndef ONRECORD_IMPORT_H
#define ONRECORD_IMPORT_H

#include <stddef.h>

struct resource_desc;
struct response;

/*
 * Checks one line (without its newline) before any database: size, UTF-8,
 * JSON, "type" and the body rules POST applies (validate.c). Returns the
 * body to write, compact JSON without "type" (caller frees), with
 * *resource set; or NULL with a problem recorded in res. Pure: fuzzed in
 * tests/fuzz.
 */
char *import_check_line(const char *text, size_t len, const struct resource_desc **resource,
                        struct response *res);

/* argv[0] is the file ("-" for standard input). Returns the exit status. */
int import_main(int argc, char **argv);

#endif
