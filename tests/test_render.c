/*
 * test_render.c - the XLSX, HTML and TXT renderers against the CSV.
 *
 * The CSV files are the reference layout the checker reads, so every other
 * format must say the same thing. examples/xixiang-2023 is compiled through
 * the library API and rendered in every format into a directory under the
 * build tree; then:
 *   - tables.xlsx is read back with xlsxread: a 目录 sheet listing every
 *     table, then one sheet per table whose number, title, unit line,
 *     subtitle, header rows, body rows and notes equal the CSV cells (amounts
 *     compared by value: the sheet holds the exact value, the CSV the
 *     rounded text; names compared without the indentation, which must have
 *     become the cell's indent level), every amount a number, every merged
 *     header cell a merged range, and sheet names valid for Excel;
 *   - tables.html names every table, escapes text, links each table from
 *     the contents and nests its tags properly;
 *   - tables.txt draws every table with lines of one display width.
 * The CSV is parsed here by hand (not with the library's reader, which
 * skips blank rows) so the test shares no code with what it checks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "xlsxread.h"
#include "yusuan/yusuan.h"

static ys_catalog *cat;
static ys_dataset *ds;
static ys_profile *prof;
static ys_tables *tables;
static char outdir[4096];

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  for (size_t k; buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0;) {
    n += k;
    if (cap - n - 1 == 0) {
      char *p = realloc(buf, cap * 2);
      if (!p) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = p;
      cap *= 2;
    }
  }
  fclose(f);
  if (buf) buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

static double ms_since(const struct timespec *t0) {
  struct timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (double)(t1.tv_sec - t0->tv_sec) * 1e3 +
         (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

static int setup(void **state) {
  (void)state;
  ys_errors errs = {0};
  int rc = ys_catalog_open_builtin(&cat, &errs);
  if (!rc) rc = ys_dataset_load(&ds, "examples/xixiang-2023", cat, &errs);
  if (!rc) rc = ys_profile_open_builtin(&prof, ds->profile, &errs);
  if (!rc) rc = ys_compile(&tables, ds, prof, cat, &errs);
  for (size_t i = 0; rc && i < errs.count; i++) {
    char buf[1024];
    ys_error_format(&errs.items[i], buf, sizeof buf);
    fprintf(stderr, "%s\n", buf);
  }
  ys_errors_free(&errs);
  if (rc) return -1;
  snprintf(outdir, sizeof outdir, "%s/test_render_out", YS_BINARY_DIR);
  mkdir(outdir, 0777);
  struct {
    const char *name;
    int (*fn)(const ys_tables *, const char *, ys_errors *);
  } r[] = {{"csv", ys_render_csv},
           {"xlsx", ys_render_xlsx},
           {"html", ys_render_html},
           {"txt", ys_render_txt}};
  for (size_t i = 0; i < sizeof r / sizeof r[0]; i++) {
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (r[i].fn(tables, outdir, &errs)) {
      fprintf(stderr, "render %s failed\n", r[i].name);
      ys_errors_free(&errs);
      return -1;
    }
    fprintf(stderr, "render %-4s %.1f ms\n", r[i].name, ms_since(&t0));
  }
  return 0;
}

static int teardown(void **state) {
  (void)state;
  ys_tables_free(tables);
  ys_profile_free(prof);
  ys_dataset_free(ds);
  ys_catalog_free(cat);
  return 0;
}

/* ------------------------------------------------------------------ */
/* A small CSV reader: every record, blank ones included.              */

typedef struct csv {
  char ***rec; /* rec[i][k], NULL-terminated rows */
  size_t *nf;
  size_t n;
} csv;

static void csv_free(csv *c) {
  for (size_t i = 0; i < c->n; i++) {
    for (size_t k = 0; k < c->nf[i]; k++) free(c->rec[i][k]);
    free(c->rec[i]);
  }
  free(c->rec);
  free(c->nf);
  memset(c, 0, sizeof *c);
}

static void csv_parse(csv *c, const char *s) {
  memset(c, 0, sizeof *c);
  if (!strncmp(s, "\xEF\xBB\xBF", 3)) s += 3;
  while (*s) {
    c->rec = realloc(c->rec, (c->n + 1) * sizeof *c->rec);
    c->nf = realloc(c->nf, (c->n + 1) * sizeof *c->nf);
    assert_non_null(c->rec);
    assert_non_null(c->nf);
    char **f = NULL;
    size_t nf = 0;
    for (;;) {
      size_t cap = strlen(s) + 1, n = 0;
      char *v = malloc(cap);
      assert_non_null(v);
      if (*s == '"') {
        for (s++; *s; s++) {
          if (*s == '"' && s[1] == '"')
            v[n++] = '"', s++;
          else if (*s == '"') {
            s++;
            break;
          } else
            v[n++] = *s;
        }
      } else {
        while (*s && *s != ',' && *s != '\r' && *s != '\n') v[n++] = *s++;
      }
      v[n] = '\0';
      f = realloc(f, (nf + 1) * sizeof *f);
      assert_non_null(f);
      f[nf++] = v;
      if (*s == ',') {
        s++;
        continue;
      }
      if (*s == '\r') s++;
      if (*s == '\n') s++;
      break;
    }
    c->rec[c->n] = f;
    c->nf[c->n] = nf;
    c->n++;
  }
}

static const char *csv_at(const csv *c, size_t r, size_t k) {
  return r < c->n && k < c->nf[r] ? c->rec[r][k] : "";
}

/* Leading ASCII spaces and U+3000: bytes, and display width in *w. */
static size_t lead(const char *s, size_t *w) {
  size_t i = 0;
  *w = 0;
  for (;;) {
    if (s[i] == ' ')
      i++, (*w)++;
    else if (!strncmp(s + i, "\xE3\x80\x80", 3))
      i += 3, *w += 2;
    else
      return i;
  }
}

/* ------------------------------------------------------------------ */
/* XLSX                                                                */

static void check_cell(const ys_table *t, const ys_xlsx_sheet *sh, size_t xr,
                       size_t k, const char *want, const char *where) {
  const ys_xlsx_cell *c = ys_xlsx_at(sh, xr, k);
  const char *got = c ? c->text : "";
  if (c && c->kind == YS_XLSX_NUMBER) {
    /* The sheet holds the exact value; the CSV the rounded text. */
    ys_amount a;
    if (ys_money_parse(&a, want, strlen(want), t->unit, NULL) != YS_OK ||
        a.empty)
      fail_msg("%s %s r%zu c%zu: number %s where the CSV has '%s'", t->number,
               where, xr, k, got, want);
    double v = strtod(got, NULL) * (double)ys_unit_fen(t->unit);
    double step = (double)ys_unit_fen(t->unit) / pow(10, a.decimals);
    if (fabs(v - (double)a.fen) > step / 2 + 1e-6)
      fail_msg("%s %s r%zu c%zu: %s is not shown as '%s'", t->number, where, xr,
               k, got, want);
    return;
  }
  size_t w, skip = lead(want, &w);
  if (strcmp(got, want + skip))
    fail_msg("%s %s r%zu c%zu: xlsx '%s', csv '%s'", t->number, where, xr, k,
             got, want);
  unsigned indent = c ? c->indent : 0;
  if (indent != (w + 1) / 2)
    fail_msg("%s %s r%zu c%zu: indent %u for '%s'", t->number, where, xr, k,
             indent, want);
}

static bool has_merge(const ys_xlsx_sheet *sh, uint32_t r1, uint32_t c1,
                      uint32_t r2, uint32_t c2) {
  for (size_t i = 0; i < sh->nmerges; i++)
    if (sh->merges[i].r1 == r1 && sh->merges[i].c1 == c1 &&
        sh->merges[i].r2 == r2 && sh->merges[i].c2 == c2)
      return true;
  return false;
}

static void check_sheet_name(const char *name, size_t i, const ys_xlsx *x) {
  size_t units = 0;
  for (const unsigned char *p = (const unsigned char *)name; *p; p++)
    if ((*p & 0xC0) != 0x80) units += *p >= 0xF0 ? 2 : 1;
  assert_true(units >= 1 && units <= 31);
  assert_null(strpbrk(name, "[]:*?/\\"));
  assert_true(name[0] != '\'');
  for (size_t j = 0; j < i; j++)
    assert_true(strcmp(x->sheets[j].name, name) != 0);
}

static void test_xlsx_matches_csv(void **state) {
  (void)state;
  char path[4300];
  snprintf(path, sizeof path, "%s/tables.xlsx", outdir);
  ys_xlsx *x = NULL;
  ys_errors errs = {0};
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int rc = ys_xlsx_open(&x, path, &errs);
  if (rc) {
    char buf[1024] = "";
    if (errs.count) ys_error_format(&errs.items[0], buf, sizeof buf);
    fail_msg("xlsxread: %s", buf);
  }
  fprintf(stderr, "xlsxread %.1f ms\n", ms_since(&t0));
  ys_errors_free(&errs);
  assert_int_equal(x->nsheets, tables->n + 1);

  /* 目录 */
  const ys_xlsx_sheet *toc = &x->sheets[0];
  assert_string_equal(toc->name, "目录");
  assert_string_equal(ys_xlsx_text(toc, 1, 0), "表号");
  for (size_t i = 0; i < tables->n; i++) {
    const ys_table *t = &tables->tables[i];
    assert_string_equal(ys_xlsx_text(toc, i + 2, 0), t->number);
    assert_string_equal(ys_xlsx_text(toc, i + 2, 1), t->title);
    assert_string_equal(ys_xlsx_text(toc, i + 2, 2), t->empty ? "是" : "否");
    assert_string_equal(ys_xlsx_text(toc, i + 2, 3),
                        t->empty ? t->empty_note : "");
  }

  size_t ncells = 0;
  for (size_t i = 0; i < tables->n; i++) {
    const ys_table *t = &tables->tables[i];
    const ys_xlsx_sheet *sh = &x->sheets[i + 1];
    check_sheet_name(sh->name, i + 1, x);
    assert_true(!strncmp(sh->name, t->number, strlen(t->number)));

    char name[128], cpath[4300];
    ys_render_csv_name(t, name, sizeof name);
    snprintf(cpath, sizeof cpath, "%s/%s", outdir, name);
    char *text = read_file(cpath, NULL);
    assert_non_null(text);
    csv c;
    csv_parse(&c, text);
    free(text);

    size_t nc = t->ncols ? t->ncols : 1, hr = (size_t)t->header_rows;
    /* Number, title, unit and subtitle. */
    assert_string_equal(ys_xlsx_text(sh, 0, 0), csv_at(&c, 0, 0));
    assert_string_equal(ys_xlsx_text(sh, 1, 0), csv_at(&c, 0, 1));
    assert_true(has_merge(sh, 1, 0, 1, (uint32_t)nc - 1) || nc == 1);
    assert_string_equal(ys_xlsx_text(sh, 2, nc >= 2 ? nc - 1 : 0),
                        csv_at(&c, 1, 0));
    assert_string_equal(ys_xlsx_text(sh, 2, nc >= 2 ? 0 : 1), csv_at(&c, 1, 1));
    /* Header and body: CSV rows 2.. are xlsx rows 3.. */
    size_t body = 2 + hr + t->nrows;
    assert_true(c.n >= body);
    for (size_t r = 2; r < body; r++) {
      for (size_t k = 0; k < nc; k++)
        check_cell(t, sh, r + 1, k, csv_at(&c, r, k),
                   r < 2 + hr ? "header" : "body");
      ncells += nc;
    }
    /* Merged header cells. */
    for (size_t h = 0; h < t->n_header; h++) {
      const ys_header_cell *hc = &t->header[h];
      if (hc->row_span == 1 && hc->col_span == 1) continue;
      if (!has_merge(sh, (uint32_t)hc->row + 3, (uint32_t)hc->col,
                     (uint32_t)(hc->row + hc->row_span - 1 + 3),
                     (uint32_t)(hc->col + hc->col_span - 1)))
        fail_msg("%s: header '%s' is not merged", t->number, hc->text);
    }
    /* Amounts are numbers. */
    for (size_t r = 0; r < t->nrows; r++)
      for (size_t k = 0; k < t->ncols; k++) {
        const ys_cell *cell = &t->rows[r].cells[k];
        if (cell->type != YS_CELL_AMOUNT || !*cell->text) continue;
        const ys_xlsx_cell *xc = ys_xlsx_at(sh, 3 + hr + r, k);
        assert_non_null(xc);
        assert_int_equal(xc->kind, YS_XLSX_NUMBER);
        assert_true(strtod(xc->text, NULL) ==
                    (double)cell->fen / (double)ys_unit_fen(t->unit));
      }
    /* Notes after the body, one per row, same order as the CSV. */
    size_t xr = 3 + hr + t->nrows;
    for (size_t r = body; r < c.n; r++, xr++)
      assert_string_equal(ys_xlsx_text(sh, xr, 0), csv_at(&c, r, 0));
    assert_int_equal(sh->nrows, xr);
    csv_free(&c);
  }
  fprintf(stderr, "xlsx: %zu sheets, %zu cells compared with the CSV\n",
          x->nsheets, ncells);
  ys_xlsx_free(x);
}

/* The same tables give the same bytes (the creation date is fixed). */
static void test_xlsx_reproducible(void **state) {
  (void)state;
  char dir2[4200], a[4300], b[4300];
  snprintf(dir2, sizeof dir2, "%s/test_render_out2", YS_BINARY_DIR);
  mkdir(dir2, 0777);
  ys_errors errs = {0};
  assert_int_equal(ys_render_xlsx(tables, dir2, &errs), YS_OK);
  snprintf(a, sizeof a, "%s/tables.xlsx", outdir);
  snprintf(b, sizeof b, "%s/tables.xlsx", dir2);
  size_t na, nb;
  char *da = read_file(a, &na), *db = read_file(b, &nb);
  assert_non_null(da);
  assert_non_null(db);
  fprintf(stderr, "tables.xlsx: %zu bytes\n", na);
  assert_int_equal(na, nb);
  assert_memory_equal(da, db, na);
  free(da);
  free(db);
}

/* A render into a directory that does not exist fails with an error, and
 * prints nothing of its own. */
static void test_render_errors(void **state) {
  (void)state;
  const char *dir = YS_BINARY_DIR "/no/such/dir";
  const char *log = YS_BINARY_DIR "/test_render_stderr.txt";
  ys_errors errs = {0};
  fflush(stderr);
  int saved = dup(2), fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  assert_true(saved >= 0 && fd >= 0);
  dup2(fd, 2);
  int rh = ys_render_html(tables, dir, &errs);
  int rt = ys_render_txt(tables, dir, &errs);
  int rx = ys_render_xlsx(tables, dir, &errs);
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  close(fd);
  assert_int_equal(rh, YS_EIO);
  assert_int_equal(rt, YS_EIO);
  assert_int_equal(rx, YS_EIO);
  assert_int_equal(errs.count, 3);
  struct stat st;
  assert_int_equal(stat(log, &st), 0);
  assert_int_equal(st.st_size, 0);
  ys_errors_free(&errs);
}

static void test_xlsxread_rejects(void **state) {
  (void)state;
  ys_xlsx *x = (ys_xlsx *)1;
  ys_errors errs = {0};
  const char junk[] = "PK\x03\x04 this is not a zip";
  assert_int_equal(ys_xlsx_open_buffer(&x, junk, sizeof junk, "junk", &errs),
                   YS_EINPUT);
  assert_null(x);
  assert_true(errs.count >= 1);
  ys_errors_free(&errs);
  assert_int_not_equal(ys_xlsx_open(&x, YS_BINARY_DIR "/no-such.xlsx", &errs),
                       YS_OK);
  assert_null(x);
  ys_errors_free(&errs);
}

/* ------------------------------------------------------------------ */
/* HTML                                                                */

static bool is_void(const char *tag, size_t n) {
  static const char *const v[] = {"meta", "br",  "hr", "img",
                                  "link", "col", NULL};
  for (int i = 0; v[i]; i++)
    if (strlen(v[i]) == n && !strncmp(tag, v[i], n)) return true;
  return false;
}

static void test_html(void **state) {
  (void)state;
  char path[4300];
  snprintf(path, sizeof path, "%s/tables.html", outdir);
  size_t len;
  char *h = read_file(path, &len);
  assert_non_null(h);
  fprintf(stderr, "tables.html: %zu bytes\n", len);
  assert_true(!strncmp(h, "<!DOCTYPE html>", 15));
  /* Self-contained: nothing fetched, no scripts. */
  assert_null(strstr(h, "http://"));
  assert_null(strstr(h, "https://"));
  assert_null(strstr(h, "<script"));
  assert_non_null(strstr(h, "Noto Sans CJK SC"));
  assert_non_null(strstr(h, "@page"));
  assert_non_null(strstr(h, "table-header-group"));
  for (size_t i = 0; i < tables->n; i++) {
    const ys_table *t = &tables->tables[i];
    char buf[1024];
    /* Titles contain no character that needs escaping. */
    assert_null(strpbrk(t->title, "<>&\"'"));
    snprintf(buf, sizeof buf, "<h2 class=\"title\">%s</h2>", t->title);
    if (!strstr(h, buf)) fail_msg("no title for %s", t->number);
    snprintf(buf, sizeof buf, "<a href=\"#%s\">", t->id);
    assert_non_null(strstr(h, buf));
    snprintf(buf, sizeof buf, "<section id=\"%s\">", t->id);
    assert_non_null(strstr(h, buf));
    if (t->empty) {
      snprintf(buf, sizeof buf, "空表说明：%s", t->empty_note);
      assert_non_null(strstr(h, buf));
    }
    /* Every amount is right-aligned in a cell of its own. */
    for (size_t r = 0; r < t->nrows; r++)
      for (size_t k = 0; k < t->ncols; k++) {
        const ys_cell *c = &t->rows[r].cells[k];
        if (c->type != YS_CELL_AMOUNT) continue;
        snprintf(buf, sizeof buf, "<td class=\"n\">%s</td>", c->text);
        assert_non_null(strstr(h, buf));
      }
  }
  /* Tags nest: a stack of open elements. */
  const char *stack[64];
  size_t sn[64], depth = 0, tables_seen = 0;
  const char *p = h;
  while ((p = strchr(p, '<'))) {
    p++;
    if (*p == '!') continue;
    bool close = *p == '/';
    if (close) p++;
    size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789");
    assert_true(n > 0);
    if (close) {
      assert_true(depth > 0);
      depth--;
      if (sn[depth] != n || strncmp(stack[depth], p, n))
        fail_msg("</%.*s> closes <%.*s>", (int)n, p, (int)sn[depth],
                 stack[depth]);
    } else if (!is_void(p, n)) {
      assert_true(depth < 64);
      stack[depth] = p;
      sn[depth++] = n;
      if (n == 5 && !strncmp(p, "table", 5)) tables_seen++;
    }
    /* Inside <style>, skip to its end (CSS is not markup). */
    if (!close && n == 5 && !strncmp(p, "style", 5)) {
      p = strstr(p, "</style>");
      assert_non_null(p);
    }
  }
  assert_int_equal(depth, 0);
  assert_int_equal(tables_seen, tables->n + 1); /* + the contents */
  free(h);
}

static void test_html_escapes(void **state) {
  (void)state;
  /* A table whose texts need escaping. */
  ys_tables ts = *tables;
  ys_table t = tables->tables[0];
  t.title = "<b>&\"'标题</b>";
  t.empty_note = "a<b";
  t.empty = true;
  ts.tables = &t;
  ts.n = 1;
  char dir[4200];
  snprintf(dir, sizeof dir, "%s/test_render_esc", YS_BINARY_DIR);
  mkdir(dir, 0777);
  ys_errors errs = {0};
  assert_int_equal(ys_render_html(&ts, dir, &errs), YS_OK);
  assert_int_equal(ys_render_txt(&ts, dir, &errs), YS_OK);
  assert_int_equal(ys_render_xlsx(&ts, dir, &errs), YS_OK);
  char path[4300];
  snprintf(path, sizeof path, "%s/tables.html", dir);
  char *h = read_file(path, NULL);
  assert_non_null(h);
  assert_non_null(strstr(h, "&lt;b&gt;&amp;&quot;&#39;标题&lt;/b&gt;"));
  assert_non_null(strstr(h, "空表说明：a&lt;b"));
  assert_null(strstr(h, "<b>"));
  free(h);
  /* The sheet name lost nothing Excel forbids, the title survived. */
  snprintf(path, sizeof path, "%s/tables.xlsx", dir);
  ys_xlsx *x = NULL;
  assert_int_equal(ys_xlsx_open(&x, path, &errs), YS_OK);
  assert_int_equal(x->nsheets, 2);
  check_sheet_name(x->sheets[1].name, 1, x);
  assert_string_equal(ys_xlsx_text(&x->sheets[1], 1, 0), t.title);
  ys_xlsx_free(x);
  ys_errors_free(&errs);
}

/* ------------------------------------------------------------------ */
/* TXT                                                                 */

static void test_txt(void **state) {
  (void)state;
  char path[4300];
  snprintf(path, sizeof path, "%s/tables.txt", outdir);
  size_t len;
  char *s = read_file(path, &len);
  assert_non_null(s);
  fprintf(stderr, "tables.txt: %zu bytes\n", len);
  assert_true(ys_text_valid_utf8(s, len));
  for (size_t i = 0; i < tables->n; i++) {
    const ys_table *t = &tables->tables[i];
    char head[1024];
    snprintf(head, sizeof head, "\n%s  %s\n", t->number, t->title);
    const char *p = strstr(s, head);
    if (!p) fail_msg("no heading for %s", t->number);
    p += strlen(head);
    /* The frame: consecutive lines starting with '+' or '|' all have the
     * same display width and end in a border. */
    size_t width = 0, lines = 0;
    const char *end = strstr(p, "\n\n");
    if (!end) end = s + len;
    for (const char *l = p; l < end;) {
      size_t n = strcspn(l, "\n");
      if (*l == '+' || *l == '|') {
        size_t w = ys_text_width(l, n);
        if (!lines)
          width = w;
        else if (w != width)
          fail_msg("%s: line %zu is %zu wide, not %zu: %.*s", t->number, lines,
                   w, width, (int)n, l);
        assert_true(l[n - 1] == '+' || l[n - 1] == '|');
        lines++;
      }
      assert_true(n == 0 || (l[n - 1] != ' ' && l[n - 1] != '\t'));
      l += n + (l[n] == '\n');
    }
    if (t->nrows || t->header_rows) assert_true(lines >= 2);
    /* Amounts are right-aligned against the border. */
    char block[1 << 16];
    snprintf(block, sizeof block, "%.*s", (int)(end - p), p);
    for (size_t r = 0; r < t->nrows; r++)
      for (size_t k = 0; k < t->ncols; k++) {
        const ys_cell *c = &t->rows[r].cells[k];
        if (c->type != YS_CELL_AMOUNT || !*c->text) continue;
        char want[128];
        snprintf(want, sizeof want, " %s |", c->text);
        if (!strstr(block, want))
          fail_msg("%s: amount '%s' not right-aligned", t->number, c->text);
      }
    if (t->empty) {
      char want[1024];
      snprintf(want, sizeof want, "空表说明：%s", t->empty_note);
      assert_non_null(strstr(block, want));
    }
    if (t->note && *t->note) assert_non_null(strstr(block, t->note));
  }
  free(s);
}

static void test_package(void **state) {
  (void)state;
  /* the formats by name; an unknown one is named back */
  unsigned f = 0;
  char bad[16];
  assert_int_equal(ys_package_formats("json,txt", &f, bad, sizeof bad), YS_OK);
  assert_int_equal(f, YS_FMT_JSON | YS_FMT_TXT);
  assert_int_equal(ys_package_formats("csv,docx", &f, bad, sizeof bad),
                   YS_EUSAGE);
  assert_string_equal(bad, "docx");
  assert_int_equal(ys_package_formats("", &f, bad, sizeof bad), YS_EUSAGE);
  /* the package: the formats asked for and the narrative, nothing else */
  char dir[600];
  snprintf(dir, sizeof dir, "%s/test_package_out", YS_BINARY_DIR);
  ys_errors errs = {0};
  assert_int_equal(
      ys_package_write(tables, "一、部门职责\n", dir, YS_FMT_JSON, &errs),
      YS_OK);
  char path[700];
  struct stat st;
  snprintf(path, sizeof path, "%s/tables.json", dir);
  assert_int_equal(stat(path, &st), 0);
  snprintf(path, sizeof path, "%s/narrative.txt", dir);
  size_t n = 0;
  char *text = read_file(path, &n);
  assert_non_null(text);
  assert_string_equal(text, "一、部门职责\n");
  free(text);
  snprintf(path, sizeof path, "%s/tables.html", dir);
  assert_int_not_equal(stat(path, &st), 0);
  /* a directory that cannot be made (under a file): an error */
  snprintf(path, sizeof path, "%s/tables.json/pkg", dir);
  assert_int_not_equal(ys_package_write(tables, NULL, path, YS_FMT_JSON, &errs),
                       YS_OK);
  assert_true(errs.count > 0);
  ys_errors_free(&errs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_xlsx_matches_csv),
      cmocka_unit_test(test_xlsx_reproducible),
      cmocka_unit_test(test_render_errors),
      cmocka_unit_test(test_xlsxread_rejects),
      cmocka_unit_test(test_html),
      cmocka_unit_test(test_html_escapes),
      cmocka_unit_test(test_txt),
      cmocka_unit_test(test_package),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
