/*
 * compiled.c - a dataset compiled under a built-in profile (compiled.h).
 */
#include "compiled.h"

#include <string.h>

int tc_compile(tc_compiled *c, const char *dir, const char *profile,
               const ys_catalog *cat, ys_errors *errs) {
  memset(c, 0, sizeof *c);
  int rc = ys_dataset_load(&c->ds, dir, cat, errs);
  if (!rc)
    rc = ys_profile_open_builtin(&c->p, profile ? profile : c->ds->profile,
                                 errs);
  if (!rc) rc = ys_compile(&c->t, c->ds, c->p, cat, errs);
  return rc;
}

void tc_compiled_free(tc_compiled *c) {
  ys_tables_free(c->t);
  ys_profile_free(c->p);
  ys_dataset_free(c->ds);
  memset(c, 0, sizeof *c);
}
