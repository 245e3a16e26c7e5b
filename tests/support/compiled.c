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

bool tc_phase_fits(const char *dir, const char *profile,
                   const ys_catalog *cat) {
  ys_errors errs = {0};
  ys_dataset *ds = NULL;
  ys_profile *p = NULL;
  bool fits = false;
  if (!ys_dataset_load(&ds, dir, cat, &errs) &&
      !ys_profile_open_builtin(&p, profile, &errs)) {
    ys_phase dph = ds->phase ? ds->phase : YS_PHASE_BUDGET;
    ys_phase pph = ys_profile_phase(p);
    fits = dph == (pph ? pph : YS_PHASE_BUDGET);
  }
  ys_profile_free(p);
  ys_dataset_free(ds);
  ys_errors_free(&errs);
  return fits;
}
