/*
 * test_seeds_pdf.c - the seeds printed to PDF read into what the seeds read.
 *
 * A package set as flowed text (a few cells a line, empty cells not
 * printed) is published as the PDF a word processor printed from it. Each
 * seed of ../shared/seeds is printed to PDF by LibreOffice Writer and read
 * like any PDF. Its tables must be those its text reads into: the same
 * titles in the same order, and the same rows (the cells of a row, white
 * space aside) — at least as many as tests/data/seeds/pdf.expected records
 * for the seed, which says where the PDF loses what and why. The check of
 * the PDF may report no error the text does not (no more than the file
 * records), and every finding that names a cell carries its page and box.
 *
 * Needs ../shared (the seeds): CTest SKIP (77) without it. LibreOffice gets
 * a HOME and a profile directory inside the build tree.
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

#define SEEDS "../shared/seeds"
#define WORK YS_BINARY_DIR "/seeds-pdf"

static ys_catalog *cat;
static ys_vocab *voc;

/* s without white space (ASCII and the ideographic space), malloc'd. */
static char *squeeze(const char *s) {
  char *o = malloc(strlen(s) + 1), *p = o;
  assert_non_null(o);
  for (; *s; s++) {
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') continue;
    if (!strncmp(s, "\xE3\x80\x80", 3)) {
      s += 2;
      continue;
    }
    *p++ = *s;
  }
  *p = '\0';
  return o;
}

/* A row as one string: its cells squeezed, joined by '|'. */
static char *row_text(const ys_rrow *r) {
  size_t len = 1;
  for (size_t k = 0; k < r->n; k++) len += strlen(r->cells[k].text) + 1;
  char *s = malloc(len), *p = s;
  assert_non_null(s);
  for (size_t k = 0; k < r->n; k++) {
    char *c = squeeze(r->cells[k].text);
    p += sprintf(p, "%s%s", k ? "|" : "", c);
    free(c);
  }
  *p = '\0';
  return s;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The rows of t (but empty ones), sorted. */
static char **rows_of(const ys_rtable *t, size_t *n) {
  char **v = malloc(sizeof *v * (t->nrows + 1));
  assert_non_null(v);
  *n = 0;
  for (size_t r = 0; r < t->nrows; r++) {
    char *s = row_text(&t->rows[r]);
    bool empty = true;
    for (const char *p = s; *p && empty; p++) empty = *p == '|';
    if (empty)
      free(s);
    else
      v[(*n)++] = s;
  }
  qsort(v, *n, sizeof *v, cmp_str);
  return v;
}

/* Rows of the text's tables the PDF's tables have too (a multiset
 * intersection, table by table); *total: the text's rows. */
static size_t rows_equal(const ys_rdoc *txt, const ys_rdoc *pdf,
                         size_t *total) {
  assert_int_equal(txt->n, pdf->n);
  size_t same = 0;
  *total = 0;
  for (size_t t = 0; t < txt->n; t++) {
    char *a = squeeze(txt->tables[t].title), *b = squeeze(pdf->tables[t].title);
    assert_string_equal(a, b);
    free(a);
    free(b);
    size_t na, nb;
    char **ra = rows_of(&txt->tables[t], &na),
         **rb = rows_of(&pdf->tables[t], &nb);
    *total += na;
    for (size_t i = 0, j = 0; i < na && j < nb;) {
      int c = strcmp(ra[i], rb[j]);
      if (c == 0)
        same++, i++, j++;
      else if (c < 0)
        i++;
      else
        j++;
    }
    for (size_t i = 0; i < na; i++) free(ra[i]);
    for (size_t j = 0; j < nb; j++) free(rb[j]);
    free(ra);
    free(rb);
  }
  return same;
}

static ys_findings *check(const ys_rdoc *d) {
  ys_findings *f = ys_findings_new();
  assert_non_null(f);
  ys_errors errs = {0};
  assert_int_equal(ys_check_rdoc(d, cat, NULL, f, &errs), YS_OK);
  ys_errors_free(&errs);
  return f;
}

static bool same_place(const ys_finding *a, const ys_finding *b) {
  return !strcmp(a->rule, b->rule) && !strcmp(a->table, b->table) &&
         !strcmp(a->row, b->row) && !strcmp(a->column, b->column);
}

/* Errors of the PDF's check the text's check does not report. */
static size_t new_errors(const ys_findings *txt, const ys_findings *pdf) {
  size_t n = 0;
  for (size_t i = 0; i < pdf->n; i++) {
    if (pdf->items[i].severity != YS_SEV_ERROR) continue;
    bool seen = false;
    for (size_t j = 0; j < txt->n && !seen; j++)
      seen = txt->items[j].severity == YS_SEV_ERROR &&
             same_place(&pdf->items[i], &txt->items[j]);
    if (!seen) {
      n++;
      print_message("  new error: %s %s %s %s\n", pdf->items[i].rule,
                    pdf->items[i].table, pdf->items[i].row,
                    pdf->items[i].column);
    }
  }
  return n;
}

/* Every finding that names a cell (a table and a row) has its page and
 * box, and so has every cell it relates. */
static void placed_in_pdf(const ys_findings *f) {
  for (size_t i = 0; i < f->n; i++) {
    const ys_finding *x = &f->items[i];
    if (*x->table && *x->row) {
      if (x->page <= 0 || x->box.x1 <= x->box.x0)
        fail_msg("%s %s %s: no page or box", x->rule, x->table, x->row);
    }
    for (size_t k = 0; k < x->n_related; k++)
      if (x->related[k].page <= 0)
        fail_msg("%s: related %s %s: no page", x->rule, x->related[k].table,
                 x->related[k].row);
  }
}

typedef struct expect {
  char seed[64];
  size_t rows_min;
  size_t new_errors_max;
} expect;

static void one(const expect *e) {
  char txt[512], pdf[512], cmd[4096];
  snprintf(txt, sizeof txt, "%s/%s.txt", WORK, e->seed);
  snprintf(pdf, sizeof pdf, "%s/%s.pdf", WORK, e->seed);
  /* a copy the user owns: LibreOffice will not load a read-only file */
  snprintf(cmd, sizeof cmd,
           "cp '%s/%s.txt' '%s' && chmod u+w '%s' && rm -f '%s' && "
           "HOME='%s/lo-home' timeout 300 libreoffice "
           "-env:UserInstallation=file://%s/lo-profile --headless --norestore "
           "--convert-to pdf --outdir '%s' '%s' >'%s/lo.log' 2>&1",
           SEEDS, e->seed, txt, txt, pdf, WORK, WORK, WORK, txt, WORK);
  assert_int_equal(system(cmd), 0);
  ys_rdoc *a = NULL, *b = NULL;
  ys_errors errs = {0};
  assert_int_equal(ys_read_path(&a, txt, voc, cat, &errs), YS_OK);
  assert_int_equal(ys_read_path(&b, pdf, voc, cat, &errs), YS_OK);
  ys_errors_free(&errs);
  size_t total, same = rows_equal(a, b, &total);
  ys_findings *fa = check(a), *fb = check(b);
  size_t fresh = new_errors(fa, fb);
  print_message("%s: %zu tables, rows equal %zu/%zu, new errors %zu\n", e->seed,
                a->n, same, total, fresh);
  assert_true(same >= e->rows_min);
  assert_true(fresh <= e->new_errors_max);
  placed_in_pdf(fb);
  ys_findings_free(fa);
  ys_findings_free(fb);
  ys_rdoc_free(a);
  ys_rdoc_free(b);
}

static expect cases[8];
static size_t ncases;

static void test_seeds_as_pdf(void **state) {
  (void)state;
  for (size_t i = 0; i < ncases; i++) one(&cases[i]);
}

/* tests/data/seeds/pdf.expected: "seed rows_min new_errors_max", '#'
 * comments. */
static void load_expected(void) {
  FILE *f = fopen("tests/data/seeds/pdf.expected", "r");
  if (!f) {
    fprintf(stderr, "tests/data/seeds/pdf.expected: missing\n");
    exit(1);
  }
  char line[512];
  while (fgets(line, sizeof line, f) && ncases < 8) {
    if (line[0] == '#' || line[0] == '\n') continue;
    expect *e = &cases[ncases];
    if (sscanf(line, "%63s %zu %zu", e->seed, &e->rows_min,
               &e->new_errors_max) == 3)
      ncases++;
  }
  fclose(f);
}

int main(void) {
  struct stat st;
  if (stat(SEEDS, &st) != 0) {
    fprintf(stderr, "test_seeds_pdf: %s not found: skipped\n", SEEDS);
    return 77;
  }
  load_expected();
  mkdir(WORK, 0777);
  ys_errors errs = {0};
  if (ys_catalog_open_builtin(&cat, &errs) ||
      ys_vocab_open_builtin(&voc, &errs))
    return 1;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_seeds_as_pdf),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  ys_vocab_free(voc);
  ys_catalog_free(cat);
  return rc;
}
