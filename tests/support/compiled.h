/*
 * compiled.h - a dataset compiled under a built-in profile, for tests that
 * need the tables of an example.
 */
#ifndef YS_TEST_COMPILED_H
#define YS_TEST_COMPILED_H

#include <stdbool.h>

#include "yusuan/yusuan.h"

typedef struct tc_compiled {
  ys_dataset *ds;
  ys_profile *p;
  ys_tables *t;
} tc_compiled;

/* Loads the dataset in dir and compiles it under the built-in profile
 * (NULL: the dataset's own). YS_OK, or the failing step's code (errs says
 * why); what was made is in *c either way, for tc_compiled_free. */
int tc_compile(tc_compiled *c, const char *dir, const char *profile,
               const ys_catalog *cat, ys_errors *errs);
void tc_compiled_free(tc_compiled *c);

/* Loads the dataset in dir, compiles it under p and writes the CSV tables
 * into out (replaced). YS_OK, or the failing step's code with the
 * reasons printed. */
int tc_compile_csv(const char *dir, const ys_profile *p, const ys_catalog *cat,
                   const char *out);

/* The errors `yusuan check` reports on path (a compiled directory or
 * workbook) read under profile (NULL: detected), each printed; a document
 * that cannot be read or checked counts as one. */
size_t tc_check_errors(const char *path, const ys_catalog *cat,
                       const ys_vocab *voc, const char *profile);

/* Does the dataset in dir publish what the built-in profile shows (a 预算
 * dataset under a 预算 profile, a 决算 under a 决算)? Combinations that do
 * not are refused by compile by design, so tests of every example under
 * every profile take only these. false also when either fails to load. */
bool tc_phase_fits(const char *dir, const char *profile, const ys_catalog *cat);

#endif
