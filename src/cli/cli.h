/*
 * cli.h - shared bits of the yusuan command (argument parsing only lives
 * here; the work is libyusuan's).
 */
#ifndef YS_CLI_H
#define YS_CLI_H

#include "yusuan/yusuan.h"

enum { EXIT_OKAY = 0, EXIT_FINDINGS = 1, EXIT_BAD = 2 };

/* Prints errors as "file:line:column: message"; warnings and notes are
 * marked so (警告：/提示：). */
void cli_print_errors(const ys_errors *errs);
/* Counts entries that are errors (severity YS_SEV_ERROR). */
size_t cli_error_count(const ys_errors *errs);
/* The catalogue of --catalog DIR, else the built-in one. */
int cli_open_catalog(ys_catalog **cat, const char *dir, ys_errors *errs);
/* The profile of --profile-file FILE, else of --profile NAME, else none
 * (*prof NULL: the dataset's or the document's own). */
int cli_open_profile(ys_profile **prof, const char *name, const char *file,
                     ys_errors *errs);

int cmd_check(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
extern const char *const help_check;
extern const char *const help_rules;
extern const char *const help_explain;
extern const char *const help_ingest;

#endif
