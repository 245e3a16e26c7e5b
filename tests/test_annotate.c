/*
 * test_annotate.c - `check --annotate`: one highlight per blamed cell, on
 * the cell, with the finding as its note, in a PDF that MuPDF and mutool
 * open.
 *
 * The annotations are read back with MuPDF's own PDF API (not with our
 * reader): their type, rectangle, colour and contents.
 *   - a compiled example rendered to PDF with one amount changed: the
 *     checker names the changed cell with its page and box, and the copy
 *     has exactly one highlight per distinct cell named by an error or a
 *     warning, each over its cell, its note the finding's message;
 *   - made-up findings: two on one cell make one highlight holding both
 *     messages, info findings and findings about another file draw
 *     nothing, an error makes the cell red and a warning amber;
 *   - bad input: a file that is not a PDF (YS_EINPUT), an unwritable
 *     destination (YS_EIO), a page the file does not have (YS_EINPUT):
 *     no output file in any case;
 *   - a real package with seeded errors (../shared, skipped when absent):
 *     every blamed table cell and narrative figure highlighted on its page.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include "support/tablecsv.h"
#include "yusuan/yusuan.h"

#define WORK YS_BINARY_DIR "/annotate-out"

/* One annotation as MuPDF reads it back. */
typedef struct back {
  int page;
  int type;
  fz_rect rect;
  float color[3];
  char note[4096];
} back;

/* Reads every annotation of the PDF at path into out (up to max); returns
 * how many, or -1 if MuPDF cannot open it. */
static int read_back(const char *path, back *out, int max) {
  fz_context *ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
  assert_non_null(ctx);
  volatile int n = 0;
  pdf_document *volatile doc = NULL;
  fz_try(ctx) {
    doc = pdf_open_document(ctx, path);
    int np = pdf_count_pages(ctx, doc);
    for (int p = 0; p < np; p++) {
      pdf_page *page = pdf_load_page(ctx, doc, p);
      for (pdf_annot *a = pdf_first_annot(ctx, page); a;
           a = pdf_next_annot(ctx, a)) {
        if (n < max) {
          back *b = &out[n];
          b->page = p + 1;
          b->type = pdf_annot_type(ctx, a);
          /* the highlighted area, in page space like the reader's boxes */
          b->rect = fz_rect_from_quad(pdf_annot_quad_point(ctx, a, 0));
          int nc = 0;
          float c[4] = {0};
          pdf_annot_color(ctx, a, &nc, c);
          memcpy(b->color, c, sizeof b->color);
          snprintf(b->note, sizeof b->note, "%s", pdf_annot_contents(ctx, a));
        }
        n++;
      }
      fz_drop_page(ctx, (fz_page *)page);
    }
  }
  fz_always(ctx) pdf_drop_document(ctx, doc);
  fz_catch(ctx) n = -1;
  fz_drop_context(ctx);
  return n;
}

static bool exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

static bool near(float a, float b) {
  return fabsf(a - b) < 1.0f;
}

static bool covers(fz_rect r, ys_box b) {
  return near(r.x0, b.x0) && near(r.y0, b.y0) && near(r.x1, b.x1) &&
         near(r.y1, b.y1);
}

/* The distinct cells an error or warning about file names, as the
 * annotator must mark them. */
static size_t distinct_cells(const ys_findings *f, const char *file) {
  size_t n = 0;
  for (size_t i = 0; i < f->n; i++) {
    const ys_finding *a = &f->items[i];
    if (a->severity < YS_SEV_WARNING || a->page <= 0 || strcmp(a->file, file))
      continue;
    bool seen = false;
    for (size_t j = 0; j < i && !seen; j++) {
      const ys_finding *b = &f->items[j];
      seen = b->severity >= YS_SEV_WARNING && b->page == a->page &&
             !strcmp(b->file, file) && near(b->box.x0, a->box.x0) &&
             near(b->box.y0, a->box.y0) && near(b->box.x1, a->box.x1) &&
             near(b->box.y1, a->box.y1);
    }
    n += !seen;
  }
  return n;
}

/* Every highlight over a cell some finding names, its note that
 * finding's message; returns the number of highlights. */
static int expect_marks(const char *pdf, const ys_findings *f,
                        const char *out) {
  size_t marked = 0;
  ys_errors errs = {0};
  assert_int_equal(ys_annotate_pdf(pdf, f, out, &marked, &errs), YS_OK);
  ys_errors_free(&errs);
  assert_int_equal(marked, distinct_cells(f, pdf));
  static back b[512];
  int n = read_back(out, b, 512);
  assert_int_equal(n, (int)marked);
  for (int i = 0; i < n; i++) {
    assert_int_equal(b[i].type, PDF_ANNOT_HIGHLIGHT);
    bool ok = false;
    for (size_t k = 0; k < f->n && !ok; k++) {
      const ys_finding *a = &f->items[k];
      ok = a->severity >= YS_SEV_WARNING && a->page == b[i].page &&
           covers(b[i].rect, a->box) && strstr(b[i].note, a->message);
    }
    if (!ok)
      print_message("highlight %d on page %d: %s\n", i, b[i].page, b[i].note);
    assert_true(ok);
  }
  return n;
}

static ys_catalog *cat;
static ys_vocab *voc;

static int setup(void **state) {
  (void)state;
  if (ys_catalog_open_builtin(&cat, NULL) || ys_vocab_open_builtin(&voc, NULL))
    return -1;
  tc_rmtree(WORK);
  return tc_mkdirs(WORK);
}

static int teardown(void **state) {
  (void)state;
  ys_vocab_free(voc);
  ys_catalog_free(cat);
  return 0;
}

static ys_findings *check_file(const char *path) {
  ys_errors errs = {0};
  ys_rdoc *doc = NULL;
  ys_findings *f = ys_findings_new();
  assert_non_null(f);
  ys_check_options opt = {0};
  assert_int_equal(ys_read_path(&doc, path, voc, cat, &errs), YS_OK);
  assert_int_equal(ys_check_rdoc(doc, cat, &opt, f, &errs), YS_OK);
  ys_rdoc_free(doc);
  ys_errors_free(&errs);
  return f;
}

/* A compiled example with one detail amount changed by 100 元. */
static void test_changed_cell(void **state) {
  (void)state;
  ys_errors errs = {0};
  ys_dataset *ds = NULL;
  ys_profile *p = NULL;
  ys_tables *t = NULL;
  assert_int_equal(ys_dataset_load(&ds, "examples/xixiang-2023", cat, &errs),
                   YS_OK);
  assert_int_equal(ys_profile_open_builtin(&p, "shaanxi", &errs), YS_OK);
  assert_int_equal(ys_compile(&t, ds, p, cat, &errs), YS_OK);
  /* the first nonzero detail amount of the first table that has one */
  ys_table *tb = NULL;
  ys_cell *cell = NULL;
  for (size_t i = 0; i < t->n && !cell; i++)
    for (size_t r = 0; r < t->tables[i].nrows && !cell; r++) {
      ys_row *row = &t->tables[i].rows[r];
      if (row->kind != YS_ROW_DETAIL) continue;
      for (size_t c = 0; c < t->tables[i].ncols && !cell; c++)
        if (row->cells[c].type == YS_CELL_AMOUNT && row->cells[c].fen > 0) {
          tb = &t->tables[i];
          cell = &row->cells[c];
        }
    }
  assert_non_null(cell);
  char text[64];
  ys_money_format(text, sizeof text, cell->fen + 10000, tb->unit, tb->decimals,
                  tb->format_flags);
  cell->text = text;
  cell->fen += 10000;
  char dir[1024], pdf[1100], out[1100];
  snprintf(dir, sizeof dir, "%s/changed", WORK);
  assert_int_equal(tc_mkdirs(dir), 0);
  assert_int_equal(ys_render_pdf(t, dir, &errs), YS_OK);
  snprintf(pdf, sizeof pdf, "%s/tables.pdf", dir);
  snprintf(out, sizeof out, "%s/annotated.pdf", dir);

  ys_findings *f = check_file(pdf);
  /* the changed cell is blamed, with its page and box */
  char plain[64];
  size_t k = 0;
  for (const char *q = text; *q && k + 1 < sizeof plain; q++)
    if (*q != ',') plain[k++] = *q;
  plain[k] = '\0';
  bool named = false;
  for (size_t i = 0; i < f->n; i++) {
    const ys_finding *a = &f->items[i];
    if (a->severity == YS_SEV_ERROR && a->page > 0 && a->box.x1 > a->box.x0 &&
        a->found && !strcmp(a->found, plain))
      named = true;
  }
  assert_true(ys_findings_count(f, YS_SEV_ERROR) > 0);
  assert_true(named);
  int n = expect_marks(pdf, f, out);
  assert_true(n >= 1);
  /* mutool opens it and renders every page with the annotations */
  char cmd[2600];
  snprintf(cmd, sizeof cmd,
           "command -v mutool >/dev/null || exit 0; mutool info '%s' "
           ">/dev/null 2>&1 && mutool draw -q -o /dev/null -F txt '%s' "
           ">/dev/null 2>&1",
           out, out);
  assert_int_equal(system(cmd), 0);
  /* the copy reads as the original did: annotations add no text */
  ys_findings *g = check_file(out);
  assert_int_equal(ys_findings_count(g, YS_SEV_ERROR),
                   ys_findings_count(f, YS_SEV_ERROR));
  ys_findings_free(g);
  ys_findings_free(f);
  ys_tables_free(t);
  ys_profile_free(p);
  ys_dataset_free(ds);
  ys_errors_free(&errs);
}

static ys_finding *add(ys_findings *f, const char *file, ys_severity sev,
                       int page, ys_box box, const char *msg) {
  if (f->n == f->cap) {
    f->cap = f->cap ? f->cap * 2 : 8;
    f->items = realloc(f->items, f->cap * sizeof *f->items);
    assert_non_null(f->items);
  }
  ys_finding *a = &f->items[f->n++];
  memset(a, 0, sizeof *a);
  a->rule = "sum.total";
  a->severity = sev;
  a->file = file;
  a->page = page;
  a->box = box;
  a->message = msg;
  return a;
}

/* The rendered example (consistent) with findings made up here. */
static void test_made_up_findings(void **state) {
  (void)state;
  char dir[1024], pdf[1100], out[1100];
  snprintf(dir, sizeof dir, "%s/plain", WORK);
  char cmd[2400];
  snprintf(cmd, sizeof cmd,
           "'%s' compile examples/xixiang-2023 --out '%s' >/dev/null 2>&1",
           YS_CLI, dir);
  assert_int_equal(system(cmd), 0);
  snprintf(pdf, sizeof pdf, "%s/tables.pdf", dir);
  snprintf(out, sizeof out, "%s/marked.pdf", dir);
  ys_findings *f = ys_findings_new();
  assert_non_null(f);
  ys_box a = {100, 200, 160, 215}, b = {300, 400, 380, 415};
  add(f, pdf, YS_SEV_ERROR, 1, a, "合计不等于各项之和：应为 10.00，差额 1.00");
  add(f, pdf, YS_SEV_WARNING, 1, a, "与上年数不一致：应为 9.00");
  add(f, pdf, YS_SEV_WARNING, 2, b, "名称与科目表不一致");
  add(f, pdf, YS_SEV_INFO, 2, a, "尾数误差");
  add(f, "other.pdf", YS_SEV_ERROR, 1, b, "另一个文件");
  add(f, pdf, YS_SEV_ERROR, 0, a, "没有页码");
  size_t marked = 0;
  ys_errors errs = {0};
  assert_int_equal(ys_annotate_pdf(pdf, f, out, &marked, &errs), YS_OK);
  assert_int_equal(marked, 2);
  back bk[8];
  assert_int_equal(read_back(out, bk, 8), 2);
  assert_int_equal(bk[0].page, 1);
  assert_true(covers(bk[0].rect, a));
  assert_non_null(strstr(bk[0].note, "【错误】合计不等于各项之和"));
  assert_non_null(strstr(bk[0].note, "【警告】与上年数不一致"));
  assert_true(bk[0].color[0] > 0.9f && bk[0].color[1] < 0.5f); /* red */
  assert_int_equal(bk[1].page, 2);
  assert_true(covers(bk[1].rect, b));
  assert_null(strstr(bk[1].note, "尾数误差"));
  assert_true(bk[1].color[1] > 0.5f); /* amber */

  /* bad input: nothing is written */
  char bad[1100], txt[1100];
  snprintf(txt, sizeof txt, "%s/tables.txt", dir);
  snprintf(bad, sizeof bad, "%s/bad.pdf", dir);
  assert_int_equal(ys_annotate_pdf(txt, f, bad, NULL, &errs), YS_EINPUT);
  assert_false(exists(bad));
  assert_int_equal(
      ys_annotate_pdf(pdf, f, WORK "/no/such/dir/x.pdf", NULL, &errs), YS_EIO);
  assert_false(exists(WORK "/no/such/dir/x.pdf"));
  add(f, pdf, YS_SEV_ERROR, 9999, a, "不存在的页");
  assert_int_equal(ys_annotate_pdf(pdf, f, bad, NULL, &errs), YS_EINPUT);
  assert_false(exists(bad));
  assert_true(errs.count >= 3);
  ys_errors_free(&errs);
  free(f->items);
  f->items = NULL;
  f->n = f->cap = 0;
  ys_findings_free(f);
}

/* A real package with a reviewer's seeded errors. */
static void test_real_package(void **state) {
  (void)state;
  const char *pdf =
      "../shared/corpus/pdf/sh-putuo-sfj-2026-ys-unit/package.pdf";
  if (!exists(pdf)) skip();
  ys_findings *f = check_file(pdf);
  int n = expect_marks(pdf, f, WORK "/sfj-unit.pdf");
  print_message("%d highlights\n", n);
  /* the seeded wrong cells of tables and narrative: pages 6, 7, 11, 14 */
  static back b[512];
  read_back(WORK "/sfj-unit.pdf", b, 512);
  int pages[4] = {6, 7, 11, 14};
  for (int k = 0; k < 4; k++) {
    bool on = false;
    for (int i = 0; i < n; i++) on |= b[i].page == pages[k];
    assert_true(on);
  }
  ys_findings_free(f);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_changed_cell),
      cmocka_unit_test(test_made_up_findings),
      cmocka_unit_test(test_real_package),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
