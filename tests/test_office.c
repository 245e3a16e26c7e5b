/*
 * test_office.c - the workbook and the page open in real office software.
 *
 * Reading our own XLSX back proves little about whether a spreadsheet
 * program accepts it, so tables.xlsx goes through LibreOffice Calc
 * (headless, converted to PDF: it must succeed, and the PDF's text must
 * contain every table title, which shows the CJK text came through as
 * text), and tables.html is drawn by headless Chromium into a PNG that
 * must be a real, non-trivial picture. A person looks at the PNG when the
 * renderers change (fonts-noto-cjk must be installed for readable Chinese).
 *
 * And the way a package is often published: its workbook printed to PDF
 * by an office suite. Each example's tables.xlsx, printed by LibreOffice
 * (its own page breaks, repeated title rows, "第 1 页，共 21 页" footers,
 * indentation lost), is read and checked like any PDF: no error, and as
 * many amounts placed as from our own tables.pdf of the same tables.
 *
 * These tests are never skipped: a missing libreoffice or chromium is a
 * failure (scripts/install-deps installs both). LibreOffice gets a HOME and
 * a profile directory inside the build tree, so it neither needs a
 * writable home nor collides with another running instance.
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
#include <time.h>

#include "support/placed.h"
#include "yusuan/yusuan.h"

static ys_tables *tables;
static ys_catalog *cat;
static ys_dataset *ds;
static ys_profile *prof;
static char dir[1024];

static int setup(void **state) {
  (void)state;
  ys_errors errs = {0};
  int rc = ys_catalog_open_builtin(&cat, &errs);
  if (!rc) rc = ys_dataset_load(&ds, "examples/xixiang-2023", cat, &errs);
  if (!rc) rc = ys_profile_open_builtin(&prof, ds->profile, &errs);
  if (!rc) rc = ys_compile(&tables, ds, prof, cat, &errs);
  snprintf(dir, sizeof dir, "%s/test_office_out", YS_BINARY_DIR);
  mkdir(dir, 0777);
  if (!rc) rc = ys_render_xlsx(tables, dir, &errs);
  if (!rc) rc = ys_render_html(tables, dir, &errs);
  for (size_t i = 0; rc && i < errs.count; i++) {
    char buf[1024];
    ys_error_format(&errs.items[i], buf, sizeof buf);
    fprintf(stderr, "%s\n", buf);
  }
  ys_errors_free(&errs);
  return rc ? -1 : 0;
}

static int teardown(void **state) {
  (void)state;
  ys_tables_free(tables);
  ys_profile_free(prof);
  ys_dataset_free(ds);
  ys_catalog_free(cat);
  return 0;
}

static long file_size(const char *path) {
  struct stat st;
  return stat(path, &st) ? -1 : (long)st.st_size;
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (buf) {
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
  }
  fclose(f);
  return buf;
}

/* Removes every ASCII white space character (pdftotext breaks lines and
 * pads columns). */
static void squeeze(char *s) {
  char *o = s;
  for (; *s; s++)
    if (!strchr(" \t\r\n\f\v", *s)) *o++ = *s;
  *o = '\0';
}

static double run(const char *cmd) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int rc = system(cmd);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  if (rc != 0) fail_msg("command failed (%d): %s", rc, cmd);
  return (double)(t1.tv_sec - t0.tv_sec) +
         (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

static void test_xlsx_opens_in_libreoffice(void **state) {
  (void)state;
  char pdf[4300], cmd[16384], txt[4300];
  snprintf(pdf, sizeof pdf, "%s/tables.pdf", dir);
  snprintf(txt, sizeof txt, "%s/tables.pdf.txt", dir);
  remove(pdf);
  snprintf(cmd, sizeof cmd,
           "mkdir -p '%s/lo-home' && HOME='%s/lo-home' timeout 300 "
           "libreoffice -env:UserInstallation=file://%s/lo-profile "
           "--headless --norestore --convert-to pdf --outdir '%s' "
           "'%s/tables.xlsx' >'%s/lo.log' 2>&1",
           dir, dir, dir, dir, dir, dir);
  double secs = run(cmd);
  long n = file_size(pdf);
  fprintf(stderr, "libreoffice: %.1f s, tables.pdf %ld bytes\n", secs, n);
  assert_true(n > 10000);
  char *head = read_file(pdf);
  assert_non_null(head);
  assert_memory_equal(head, "%PDF-", 5);
  free(head);

  /* Every title is in the PDF as text. */
  snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' '%s'", pdf, txt);
  run(cmd);
  char *text = read_file(txt);
  assert_non_null(text);
  squeeze(text);
  for (size_t i = 0; i < tables->n; i++) {
    char title[1024];
    snprintf(title, sizeof title, "%s", tables->tables[i].title);
    squeeze(title);
    if (!strstr(text, title))
      fail_msg("title of %s not in the PDF text", tables->tables[i].number);
  }
  assert_non_null(strstr(text, "2,383,119.00"));
  free(text);
}

/* Reads and checks a PDF; returns the error findings, *placed the
 * amounts placed. */
static size_t check_pdf(const char *path, ys_vocab *voc, size_t *placed) {
  ys_errors errs = {0};
  ys_rdoc *d = NULL;
  if (ys_read_path(&d, path, voc, cat, &errs) != YS_OK)
    fail_msg("%s: not read", path);
  size_t nt = 0;
  int64_t *v = tc_placed_amounts(d, placed, &nt);
  assert_non_null(v);
  free(v);
  ys_findings *f = ys_findings_new();
  assert_non_null(f);
  assert_int_equal(ys_check_rdoc(d, cat, NULL, f, &errs), YS_OK);
  size_t ne = 0;
  for (size_t i = 0; i < f->n; i++)
    if (f->items[i].severity == YS_SEV_ERROR && ne++ < 5)
      print_message("%s: page %d %s %s\n", path, f->items[i].page,
                    f->items[i].rule, f->items[i].message);
  ys_findings_free(f);
  ys_rdoc_free(d);
  ys_errors_free(&errs);
  return ne;
}

static void test_office_pdfs_check_clean(void **state) {
  (void)state;
  static const char *const examples[] = {
      "xixiang-2023", "cangxi-2023", "pingxiang-2022", "shanghai-wanli-2025",
      "shanghai-shgzb-2024"};
  enum { NEX = sizeof examples / sizeof examples[0] };
  char out[2048], cmd[16384], books[1024] = "";
  snprintf(out, sizeof out, "%s/printed", dir);
  mkdir(out, 0777);
  ys_vocab *voc = NULL;
  assert_int_equal(ys_vocab_open_builtin(&voc, NULL), YS_OK);
  size_t ours[NEX];
  for (size_t i = 0; i < NEX; i++) {
    ys_errors errs = {0};
    ys_dataset *d = NULL;
    ys_profile *p = NULL;
    ys_tables *t = NULL;
    char src[256], sub[2300], from[2400], to[2400];
    snprintf(src, sizeof src, "examples/%s", examples[i]);
    assert_int_equal(ys_dataset_load(&d, src, cat, &errs), YS_OK);
    assert_int_equal(ys_profile_open_builtin(&p, d->profile, &errs), YS_OK);
    assert_int_equal(ys_compile(&t, d, p, cat, &errs), YS_OK);
    snprintf(sub, sizeof sub, "%s/%s", out, examples[i]);
    mkdir(sub, 0777);
    assert_int_equal(ys_render_xlsx(t, sub, &errs), YS_OK);
    assert_int_equal(ys_render_pdf(t, sub, &errs), YS_OK);
    /* one LibreOffice run for all: the workbooks by their names */
    snprintf(from, sizeof from, "%s/tables.xlsx", sub);
    snprintf(to, sizeof to, "%s/%s.xlsx", out, examples[i]);
    assert_int_equal(rename(from, to), 0);
    snprintf(books + strlen(books), sizeof books - strlen(books), " %s.xlsx",
             examples[i]);
    snprintf(from, sizeof from, "%s/tables.pdf", sub);
    assert_int_equal(check_pdf(from, voc, &ours[i]), 0);
    ys_tables_free(t);
    ys_profile_free(p);
    ys_dataset_free(d);
    ys_errors_free(&errs);
  }
  snprintf(cmd, sizeof cmd,
           "cd '%s' && HOME='%s/lo-home' timeout 300 "
           "libreoffice -env:UserInstallation=file://%s/lo-profile "
           "--headless --norestore --convert-to pdf --outdir '%s'%s "
           ">'%s/lo-printed.log' 2>&1",
           out, dir, dir, out, books, dir);
  run(cmd);
  for (size_t i = 0; i < NEX; i++) {
    char pdf[2400];
    snprintf(pdf, sizeof pdf, "%s/%s.pdf", out, examples[i]);
    size_t placed = 0;
    size_t ne = check_pdf(pdf, voc, &placed);
    print_message("%s printed by LibreOffice: %zu errors, %zu amounts placed "
                  "(our PDF: %zu)\n",
                  examples[i], ne, placed, ours[i]);
    assert_int_equal(ne, 0);
    assert_true(placed >= ours[i]);
  }
  ys_vocab_free(voc);
}

static void test_html_renders_in_chromium(void **state) {
  (void)state;
  char png[4300], cmd[16384];
  snprintf(png, sizeof png, "%s/tables.png", YS_BINARY_DIR);
  remove(png);
  snprintf(cmd, sizeof cmd,
           "HOME='%s/lo-home' timeout 300 chromium --headless --no-sandbox "
           "--disable-gpu --hide-scrollbars --screenshot='%s' "
           "--window-size=1400,2000 'file://%s/tables.html' "
           ">'%s/chromium.log' 2>&1",
           dir, png, dir, dir);
  double secs = run(cmd);
  long n = file_size(png);
  fprintf(stderr, "chromium: %.1f s, tables.png %ld bytes\n", secs, n);
  /* A blank 1400x2000 page compresses to a few KB; text and rules make it
   * far larger. */
  assert_true(n > 50000);
  char *b = read_file(png);
  assert_non_null(b);
  assert_memory_equal(b, "\x89PNG\r\n\x1a\n", 8);
  /* IHDR: width and height, big-endian, at bytes 16 and 20. */
  const unsigned char *u = (const unsigned char *)b;
  uint32_t w = (uint32_t)u[16] << 24 | (uint32_t)u[17] << 16 |
               (uint32_t)u[18] << 8 | u[19];
  uint32_t h = (uint32_t)u[20] << 24 | (uint32_t)u[21] << 16 |
               (uint32_t)u[22] << 8 | u[23];
  assert_int_equal(w, 1400);
  assert_int_equal(h, 2000);
  free(b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_xlsx_opens_in_libreoffice),
      cmocka_unit_test(test_office_pdfs_check_clean),
      cmocka_unit_test(test_html_renders_in_chromium),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
