/*
 * compiled.c - a dataset compiled under a built-in profile (compiled.h).
 */
#include "compiled.h"

#include <stdio.h>
#include <string.h>

#include "tablecsv.h"

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

static void print_errors(const ys_errors *errs) {
  char buf[1024];
  for (size_t i = 0; i < errs->count && i < 20; i++) {
    ys_error_format(&errs->items[i], buf, sizeof buf);
    fprintf(stderr, "  %s\n", buf);
  }
}

int tc_compile_csv(const char *dir, const ys_profile *p, const ys_catalog *cat,
                   const char *out) {
  ys_errors errs = {0};
  ys_dataset *ds = NULL;
  ys_tables *tables = NULL;
  int rc = ys_dataset_load(&ds, dir, cat, &errs);
  if (rc == YS_OK) rc = ys_compile(&tables, ds, p, cat, &errs);
  if (rc == YS_OK) {
    tc_rmtree(out);
    if (tc_mkdirs(out)) rc = YS_EIO;
  }
  if (rc == YS_OK) rc = ys_render_csv(tables, out, &errs);
  if (rc != YS_OK) {
    fprintf(stderr, "compiling %s failed (%d):\n", dir, rc);
    print_errors(&errs);
  }
  ys_errors_free(&errs);
  ys_tables_free(tables);
  ys_dataset_free(ds);
  return rc;
}

size_t tc_check_errors(const char *path, const ys_catalog *cat,
                       const ys_vocab *voc, const char *profile) {
  ys_rdoc *doc = NULL;
  ys_errors errs = {0};
  size_t n = 0;
  ys_profile *prof = NULL;
  if (profile && ys_profile_open_builtin(&prof, profile, &errs) != YS_OK) {
    fprintf(stderr, "%s: no profile %s\n", path, profile);
    ys_errors_free(&errs);
    return 1;
  }
  /* as `yusuan check --profile NAME` reads it */
  if (ys_read_path_as(&doc, path, voc, cat, prof, &errs) != YS_OK) {
    fprintf(stderr, "%s: not read\n", path);
    print_errors(&errs);
    ys_errors_free(&errs);
    ys_profile_free(prof);
    return 1;
  }
  ys_findings *f = ys_findings_new();
  ys_check_options opt = {.profile_obj = prof};
  if (!f || ys_check_rdoc(doc, cat, &opt, f, &errs) != YS_OK) {
    fprintf(stderr, "%s: not checked\n", path);
    print_errors(&errs);
    n = 1;
  }
  for (size_t i = 0; f && i < f->n; i++)
    if (f->items[i].severity == YS_SEV_ERROR) {
      fprintf(stderr, "  %s:%d [%s] %s\n", f->items[i].file, f->items[i].line,
              f->items[i].rule, f->items[i].message);
      n++;
    }
  ys_findings_free(f);
  ys_rdoc_free(doc);
  ys_errors_free(&errs);
  ys_profile_free(prof);
  return n;
}
