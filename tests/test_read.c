/*
 * test_read.c - documents read by meaning, whatever their format, and
 * documents that cannot be read.
 *
 * One compiled example, written as PDF, HTML and XLSX, reads into the same
 * tables with the same amounts placed and checks with 0 errors in every
 * format (the document model: one table finder and one table reader for
 * all of them). Then a corpus of broken PDFs — truncated, encrypted, with
 * no text layer, with no pages, claiming more pages than can be read, and
 * not a PDF at all — each exits 2 from `yusuan check` and `yusuan ingest`
 * with a message that says what is wrong, and ingest writes nothing.
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
#include <sys/wait.h>

#include "support/placed.h"
#include "support/tablecsv.h"
#include "yusuan/yusuan.h"

#define WORK YS_BINARY_DIR "/read-out"

/* Runs a shell command; its exit status. */
static int sh(const char *fmt, ...) {
  char cmd[8192];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(cmd, sizeof cmd, fmt, ap);
  va_end(ap);
  int st = system(cmd);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static bool have(const char *tool) {
  return sh("command -v %s >/dev/null 2>&1", tool) == 0;
}

typedef struct reading {
  size_t tables;
  int64_t *v; /* placed amounts, sorted */
  size_t n;
  size_t errors;
} reading;

/* Reads a file by meaning (never by a profile, even our own workbook)
 * and checks it. */
static reading read_one(const char *path, const ys_catalog *cat,
                        const ys_vocab *voc) {
  reading out = {0, NULL, 0, 0};
  ys_errors errs = {0};
  ys_rdoc *d = NULL;
  if (ys_read_package(&d, path, voc, cat, &errs) != YS_OK) {
    char buf[1024];
    for (size_t i = 0; i < errs.count; i++) {
      ys_error_format(&errs.items[i], buf, sizeof buf);
      print_message("%s\n", buf);
    }
    fail_msg("%s: not read", path);
  }
  out.v = tc_placed_amounts(d, &out.n, &out.tables);
  assert_non_null(out.v);
  ys_findings *f = ys_findings_new();
  assert_non_null(f);
  assert_int_equal(ys_check_rdoc(d, cat, NULL, f, &errs), YS_OK);
  for (size_t i = 0; i < f->n; i++)
    if (f->items[i].severity == YS_SEV_ERROR && out.errors++ < 5)
      print_message("%s: %s %s\n", path, f->items[i].rule, f->items[i].message);
  ys_findings_free(f);
  ys_rdoc_free(d);
  ys_errors_free(&errs);
  return out;
}

static void test_formats_agree(void **state) {
  (void)state;
  if (!have("pdftotext")) skip();
  assert_int_equal(tc_mkdirs(WORK), 0);
  assert_int_equal(sh("'%s' compile examples/xixiang-2023 --out '%s/xixiang' "
                      ">/dev/null 2>&1",
                      YS_CLI, WORK),
                   0);
  ys_catalog *cat = NULL;
  ys_vocab *voc = NULL;
  assert_int_equal(ys_catalog_open_builtin(&cat, NULL), YS_OK);
  assert_int_equal(ys_vocab_open_builtin(&voc, NULL), YS_OK);
  static const char *const files[] = {"tables.pdf", "tables.html",
                                      "tables.xlsx"};
  reading rd[3];
  for (size_t i = 0; i < 3; i++) {
    char path[2048];
    snprintf(path, sizeof path, "%s/xixiang/%s", WORK, files[i]);
    rd[i] = read_one(path, cat, voc);
    print_message("%s: %zu tables, %zu amounts placed, %zu errors\n", files[i],
                  rd[i].tables, rd[i].n, rd[i].errors);
    assert_int_equal(rd[i].errors, 0);
    assert_true(rd[i].n > 100);
  }
  /* the same amounts, in the same number, in every format */
  for (size_t i = 1; i < 3; i++) {
    assert_int_equal(rd[i].n, rd[0].n);
    assert_memory_equal(rd[i].v, rd[0].v, rd[0].n * sizeof *rd[0].v);
  }
  for (size_t i = 0; i < 3; i++) free(rd[i].v);
  ys_vocab_free(voc);
  ys_catalog_free(cat);
}

/* Writes bytes to a file. */
static void put(const char *path, const char *s, size_t n) {
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(s, 1, n, f), n);
  assert_int_equal(fclose(f), 0);
}

/* A small PDF whose page tree says `count` pages (with one kid, page 3,
 * when one_kid); the page draws `content` (a content stream, with font F1
 * Helvetica) when it is not NULL. */
static void small_pdf(const char *path, int count, bool one_kid,
                      const char *content) {
  char buf[8192];
  size_t off[8];
  size_t n = 0, nobj = content ? 5 : 3;
  n += (size_t)snprintf(buf + n, sizeof buf - n, "%%PDF-1.4\n");
  off[1] = n;
  n += (size_t)snprintf(buf + n, sizeof buf - n,
                        "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
  off[2] = n;
  n += (size_t)snprintf(buf + n, sizeof buf - n,
                        "2 0 obj << /Type /Pages /Kids [%s] /Count %d >> "
                        "endobj\n",
                        one_kid ? "3 0 R" : "", count);
  off[3] = n;
  n += (size_t)snprintf(
      buf + n, sizeof buf - n,
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]%s >> "
      "endobj\n",
      content ? " /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>" : "");
  if (content) {
    off[4] = n;
    n += (size_t)snprintf(buf + n, sizeof buf - n,
                          "4 0 obj << /Length %zu >> stream\n%sendstream "
                          "endobj\n",
                          strlen(content), content);
    off[5] = n;
    n += (size_t)snprintf(buf + n, sizeof buf - n,
                          "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont "
                          "/Helvetica >> endobj\n");
  }
  size_t xref = n;
  n += (size_t)snprintf(buf + n, sizeof buf - n,
                        "xref\n0 %zu\n0000000000 65535 f \n", nobj + 1);
  for (size_t i = 1; i <= nobj; i++)
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%010zu 00000 n \n", off[i]);
  n += (size_t)snprintf(buf + n, sizeof buf - n,
                        "trailer << /Size %zu /Root 1 0 R >>\nstartxref\n%zu\n"
                        "%%%%EOF\n",
                        nobj + 1, xref);
  assert_true(n < sizeof buf);
  put(path, buf, n);
}

static void tiny_pdf(const char *path, int count, bool one_kid) {
  small_pdf(path, count, one_kid, NULL);
}

/* `yusuan check` and `yusuan ingest --out` on a broken file: exit 2, the
 * message says `why`, nothing written. */
static void refused(const char *file, const char *why) {
  char out[2048], err[2048];
  snprintf(out, sizeof out, "%s/ingest-of-broken", WORK);
  snprintf(err, sizeof err, "%s/stderr", WORK);
  sh("rm -rf '%s'", out);
  int rc = sh("'%s' check '%s' >/dev/null 2>'%s'", YS_CLI, file, err);
  char *msg = tc_read_file(err, NULL);
  assert_non_null(msg);
  if (rc != 2 || !strstr(msg, why))
    fail_msg("%s: check exit %d, message “%s”, want exit 2 and “%s”", file, rc,
             msg, why);
  free(msg);
  rc = sh("'%s' ingest '%s' --out '%s' >/dev/null 2>'%s'", YS_CLI, file, out,
          err);
  msg = tc_read_file(err, NULL);
  assert_non_null(msg);
  if (rc != 2 || !strstr(msg, why))
    fail_msg("%s: ingest exit %d, message “%s”", file, rc, msg);
  free(msg);
  struct stat st;
  if (stat(out, &st) == 0) fail_msg("%s: ingest wrote %s", file, out);
}

static void test_broken_pdfs(void **state) {
  (void)state;
  assert_int_equal(tc_mkdirs(WORK), 0);
  char pdf[2048], path[2048];
  snprintf(pdf, sizeof pdf, "%s/xixiang/tables.pdf", WORK);
  struct stat st;
  if (stat(pdf, &st) != 0)
    assert_int_equal(sh("'%s' compile examples/xixiang-2023 --out "
                        "'%s/xixiang' >/dev/null 2>&1",
                        YS_CLI, WORK),
                     0);
  assert_int_equal(stat(pdf, &st), 0);

  /* truncated: the first third of a real package */
  size_t n = 0;
  char *bytes = tc_read_file(pdf, &n);
  assert_non_null(bytes);
  snprintf(path, sizeof path, "%s/truncated.pdf", WORK);
  put(path, bytes, n / 3);
  free(bytes);
  refused(path, "PDF");

  /* no pages; a page tree claiming a million */
  snprintf(path, sizeof path, "%s/zero-pages.pdf", WORK);
  tiny_pdf(path, 0, false);
  refused(path, "没有页面");
  snprintf(path, sizeof path, "%s/huge.pdf", WORK);
  tiny_pdf(path, 1000000, true);
  refused(path, "上限");

  /* a page with nothing written on it: no text layer */
  snprintf(path, sizeof path, "%s/blank.pdf", WORK);
  tiny_pdf(path, 1, true);
  refused(path, "没有文字层");

  /* not a PDF at all, named as one */
  snprintf(path, sizeof path, "%s/not-a.pdf", WORK);
  put(path, "%PDF-garbage\n\x01\x02\x03", 16);
  refused(path, "PDF");

  /* encrypted with a user password; a scan (an image, no text) */
  if (have("mutool")) {
    snprintf(path, sizeof path, "%s/encrypted.pdf", WORK);
    assert_int_equal(sh("mutool clean -E aes-256 -U secret -O owner '%s' "
                        "'%s' >/dev/null 2>&1",
                        pdf, path),
                     0);
    refused(path, "加密");
    snprintf(path, sizeof path, "%s/scan.pdf", WORK);
    assert_int_equal(sh("mutool draw -q -r 40 -o '%s/scan.png' '%s' 1 "
                        ">/dev/null 2>&1 && mutool convert -o '%s' "
                        "'%s/scan.png' >/dev/null 2>&1",
                        WORK, pdf, path, WORK),
                     0);
    refused(path, "没有文字层");
  }
}

/* A page whose content stream draws one line inside its clip and one
 * wholly outside it (as WPS repeats a page's last lines at the top of the
 * next, clipped away): the reader keeps what a viewer shows. */
static void test_clipped_text(void **state) {
  (void)state;
  assert_int_equal(tc_mkdirs(WORK), 0);
  const char *content = "q 0 100 200 100 re W n\n"
                        "BT /F1 10 Tf 10 20 Td (HIDDEN 111.11) Tj ET\n"
                        "BT /F1 10 Tf 10 150 Td (SHOWN 222.22) Tj ET\n"
                        "Q\n";
  char path[2048];
  snprintf(path, sizeof path, "%s/clipped.pdf", WORK);
  small_pdf(path, 1, true, content);
  ys_doc *d = NULL;
  ys_errors errs = {0};
  assert_int_equal(ys_doc_read_pdf(&d, path, &errs), YS_OK);
  bool shown = false, hidden = false;
  for (size_t p = 0; p < d->n; p++)
    for (size_t i = 0; i < d->pages[p].n; i++) {
      const char *t = ys_line_text(d, &d->pages[p].lines[i]);
      assert_non_null(t);
      shown |= strstr(t, "SHOWN 222.22") != NULL;
      hidden |= strstr(t, "HIDDEN") != NULL || strstr(t, "111") != NULL;
    }
  assert_true(shown);
  assert_false(hidden);
  ys_doc_free(d);
  ys_errors_free(&errs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_formats_agree),
      cmocka_unit_test(test_broken_pdfs),
      cmocka_unit_test(test_clipped_text),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
