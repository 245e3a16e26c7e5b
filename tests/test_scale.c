/*
 * test_scale.c - a department of 5,000 units compiles, and its compiled
 * package is checked with 0 errors and 0 warnings.
 *
 * The dataset is the xixiang example's unit repeated 5,000 times under new
 * codes (2090001 …) and names: every table then has thousands of unit rows
 * and every 合计 sums all of them. A fixed array anywhere on the path (a
 * row list, a directory listing, an identity's terms) would drop rows and
 * make a 合计 disagree with its rows: that is the regression this catches
 * (a 512-row array once compared 表2's 合计 with its first 512 rows).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support/tablecsv.h"
#include "yusuan/yusuan.h"

#define UNITS 5000

/* Writes src's body UNITS times into dst, 209002 renamed per copy (and the
 * unit's name made unique in units.csv). */
static void replicate(const char *src, const char *dst, bool units) {
  size_t len;
  char *text = tc_read_file(src, &len);
  assert_non_null(text);
  FILE *out = fopen(dst, "w");
  assert_non_null(out);
  char *body = strchr(text, '\n');
  assert_non_null(body);
  body++;
  fwrite(text, 1, (size_t)(body - text), out);
  for (int u = 0; u < UNITS; u++) {
    char code[16];
    snprintf(code, sizeof code, "209%04d", u + 1);
    for (const char *p = body; *p;) {
      const char *hit = strstr(p, "209002");
      const char *name = units ? strstr(p, "经办中心") : NULL;
      if (!hit && !name) {
        fputs(p, out);
        break;
      }
      if (name && (!hit || name < hit)) {
        fwrite(p, 1, (size_t)(name - p), out);
        fprintf(out, "经办中心第%d分中心", u + 1);
        p = name + strlen("经办中心");
        continue;
      }
      fwrite(p, 1, (size_t)(hit - p), out);
      fputs(code, out);
      p = hit + 6;
    }
  }
  fclose(out);
  free(text);
}

static void copy_lines(const char *src, const char *dst, const char *skip) {
  size_t len;
  char *text = tc_read_file(src, &len);
  assert_non_null(text);
  FILE *out = fopen(dst, "w");
  assert_non_null(out);
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
    if (!skip || strncmp(line, skip, strlen(skip))) fprintf(out, "%s\n", line);
  fclose(out);
  free(text);
}

static void test_5000_units(void **state) {
  (void)state;
  char dir[] = "/tmp/ys-scale-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char ds_dir[256], out_dir[256], a[512], b[512];
  snprintf(ds_dir, sizeof ds_dir, "%s/dataset", dir);
  snprintf(out_dir, sizeof out_dir, "%s/out", dir);
  snprintf(a, sizeof a, "mkdir -p '%s'", ds_dir);
  assert_int_equal(system(a), 0);
  static const char *const files[] = {"units.csv", "revenues.csv", "items.csv",
                                      "projects.csv", "targets.csv"};
  for (size_t f = 0; f < 5; f++) {
    snprintf(a, sizeof a, "examples/xixiang-2023/%s", files[f]);
    snprintf(b, sizeof b, "%s/%s", ds_dir, files[f]);
    replicate(a, b, f == 0);
  }
  snprintf(b, sizeof b, "%s/department.csv", ds_dir);
  copy_lines("examples/xixiang-2023/department.csv", b, NULL);
  /* last year's 三公 are per unit in a multi-unit department: left out */
  snprintf(b, sizeof b, "%s/facts.csv", ds_dir);
  copy_lines("examples/xixiang-2023/facts.csv", b, "prev.");

  ys_errors errs = {0};
  ys_catalog *cat = NULL;
  ys_dataset *ds = NULL;
  ys_profile *p = NULL;
  ys_tables *t = NULL;
  assert_int_equal(ys_catalog_open_builtin(&cat, &errs), YS_OK);
  assert_int_equal(ys_dataset_load(&ds, ds_dir, cat, &errs), YS_OK);
  assert_int_equal(ds->n_units, UNITS);
  assert_int_equal(ys_profile_open_builtin(&p, "shaanxi", &errs), YS_OK);
  assert_int_equal(ys_compile(&t, ds, p, cat, &errs), YS_OK);
  ys_outdir od;
  assert_int_equal(ys_outdir_begin(&od, out_dir, &errs), YS_OK);
  assert_int_equal(ys_render_csv(t, od.tmp, &errs), YS_OK);
  assert_int_equal(ys_outdir_commit(&od, &errs), YS_OK);

  ys_rdoc *doc = NULL;
  ys_findings *fs = ys_findings_new();
  assert_non_null(fs);
  assert_int_equal(ys_ingest_path(&doc, out_dir, &errs), YS_OK);
  assert_int_equal(ys_check_rdoc(doc, cat, NULL, fs, &errs), YS_OK);
  for (size_t i = 0; i < fs->n && i < 5; i++)
    if (fs->items[i].severity != YS_SEV_INFO)
      fprintf(stderr, "%s: %s\n", fs->items[i].table, fs->items[i].message);
  assert_int_equal(ys_findings_count(fs, YS_SEV_ERROR), 0);
  assert_int_equal(ys_findings_count(fs, YS_SEV_WARNING), 0);

  ys_findings_free(fs);
  ys_rdoc_free(doc);
  ys_tables_free(t);
  ys_profile_free(p);
  ys_dataset_free(ds);
  ys_catalog_free(cat);
  ys_errors_free(&errs);
  snprintf(a, sizeof a, "rm -rf '%s'", dir);
  assert_int_equal(system(a), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_5000_units)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
