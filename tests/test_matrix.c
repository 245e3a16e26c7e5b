/*
 * test_matrix.c - every example under every profile, in every format.
 *
 * Each of the three example datasets is compiled with each built-in
 * profile into CSV, JSON, XLSX, HTML, TXT and PDF plus narrative.txt (the
 * PDF's contents are judged by test_render_pdf). Then the
 * checker reads the written files back — the CSV tables with the
 * narrative, and separately the XLSX workbook — and must find no error:
 * every identity of docs/rules.md holds on what a user would open, for
 * every province's layout.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "yusuan/yusuan.h"
#include "support/compiled.h"

static const char *const examples[] = {"xixiang-2023", "cangxi-2023",
                                       "pingxiang-2022", "shanghai-wanli-2025",
                                       "shanghai-shgzb-2024"};

static void test_matrix(void **state) {
  (void)state;
  ys_errors errs = {0};
  ys_catalog *cat = NULL;
  assert_int_equal(ys_catalog_open_builtin(&cat, &errs), YS_OK);
  ys_vocab *voc = NULL;
  assert_int_equal(ys_vocab_open_builtin(&voc, &errs), YS_OK);
  char names[32][64];
  size_t np = ys_profile_builtin_list(names, 32);
  assert_true(np >= 4);
  size_t combos = 0, bad = 0;
  enum { NE = sizeof examples / sizeof examples[0] };
  bool ran[NE][32] = {{0}};
  for (size_t e = 0; e < sizeof examples / sizeof examples[0]; e++)
    for (size_t p = 0; p < np; p++) {
      char out[2048], cmd[8192], dir[512];
      snprintf(dir, sizeof dir, "examples/%s", examples[e]);
      if (!tc_phase_fits(dir, names[p], cat)) continue;
      snprintf(out, sizeof out, "%.1500s/matrix/%.100s-%.60s", YS_BINARY_DIR,
               examples[e], names[p]);
      snprintf(cmd, sizeof cmd,
               "'%.1500s' compile examples/%s --profile %s --out '%.1800s' "
               ">/dev/null 2>&1",
               YS_CLI, examples[e], names[p], out);
      if (system(cmd) != 0)
        fail_msg("compile %s %s failed", examples[e], names[p]);
      static const char *const files[] = {"tables.json", "tables.xlsx",
                                          "tables.html", "tables.txt",
                                          "tables.pdf",  "narrative.txt"};
      for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        char path[2200];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", out, files[k]);
        if (stat(path, &st) || st.st_size == 0)
          fail_msg("%s: missing %s", out, files[k]);
      }
      size_t n = tc_check_errors(out, cat, voc, names[p]);
      char xlsx[2200];
      snprintf(xlsx, sizeof xlsx, "%s/tables.xlsx", out);
      n += tc_check_errors(xlsx, cat, voc, names[p]);
      if (n)
        fprintf(stderr, "%s under %s: %zu errors\n", examples[e], names[p], n);
      bad += n;
      combos++;
      ran[e][p] = true;
    }
  fprintf(stderr, "%zu example × profile combinations checked\n", combos);
  assert_int_equal(bad, 0);

  /* Every workbook opens in LibreOffice: one headless run converts all
   * of them to PDF (a workbook it cannot read produces no PDF). */
  char base[2048], cmd[16384];
  snprintf(base, sizeof base, "%.1500s/matrix", YS_BINARY_DIR);
  size_t len = (size_t)snprintf(
      cmd, sizeof cmd,
      "mkdir -p '%s/pdf' '%s/lo-home' && rm -f '%s'/pdf/*.pdf && "
      "HOME='%s/lo-home' timeout 600 libreoffice "
      "-env:UserInstallation=file://%s/lo-profile --headless --norestore "
      "--convert-to pdf --outdir '%s/pdf'",
      base, base, base, base, base, base);
  for (size_t e = 0; e < sizeof examples / sizeof examples[0]; e++)
    for (size_t p = 0; p < np && len < sizeof cmd - 4096; p++) {
      if (!ran[e][p]) continue;
      /* distinct names: LibreOffice names each PDF after its input */
      char from[4200], to[4200];
      snprintf(from, sizeof from, "%s/%s-%s/tables.xlsx", base, examples[e],
               names[p]);
      snprintf(to, sizeof to, "%s/%s-%s.xlsx", base, examples[e], names[p]);
      rename(from, to);
      len += (size_t)snprintf(cmd + len, sizeof cmd - len, " '%s'", to);
    }
  snprintf(cmd + len, sizeof cmd - len, " >'%s/lo.log' 2>&1", base);
  assert_int_equal(system(cmd), 0);
  for (size_t e = 0; e < sizeof examples / sizeof examples[0]; e++)
    for (size_t p = 0; p < np; p++) {
      if (!ran[e][p]) continue;
      char pdf[4200];
      struct stat st;
      snprintf(pdf, sizeof pdf, "%s/pdf/%s-%s.pdf", base, examples[e],
               names[p]);
      if (stat(pdf, &st) || st.st_size < 10000)
        fail_msg("LibreOffice did not convert %s", pdf);
    }
  fprintf(stderr, "LibreOffice converted all %zu workbooks to PDF\n", combos);
  ys_vocab_free(voc);
  ys_catalog_free(cat);
  ys_errors_free(&errs);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_matrix)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
