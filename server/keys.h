/*
 * keys.h - the `onrecord keys` command (create, list, revoke API keys).
 */
#ifndef ONRECORD_KEYS_H
#define ONRECORD_KEYS_H

/* argv[0] is the subcommand. Returns the process exit status. */
int keys_main(int argc, char **argv);

#endif
