/*
 * import.h - `onrecord import FILE`: bulk loading of NDJSON.
 */
#ifndef ONRECORD_IMPORT_H
#define ONRECORD_IMPORT_H

/* argv[0] is the file ("-" for standard input). Returns the exit status. */
int import_main(int argc, char **argv);

#endif
