/*
 * tablecsv.c - read a compiled table back from its CSV file (tests only).
 *
 * See tablecsv.h. Parsing goes through the library's own CSV reader
 * (src/csvread.h), which keeps quoted multi-line cells and the BOM right;
 * everything else is deliberately naive string work, so that the tests do
 * not share the code they are checking.
 */
#include "support/tablecsv.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvread.h"
#include "yusuan/error.h"
#include "yusuan/text.h"

static const char *dup_field(ys_arena *a, const ys_csv_field *f) {
  const char *s = ys_arena_strndup(a, f->s, f->len);
  return s ? s : "";
}

static bool starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A note row: "注：…" or "空表说明：…" in the first cell, nothing else. */
static bool is_note_row(const ys_csv_record *r) {
  if (r->n == 0) return false;
  for (size_t k = 1; k < r->n; k++)
    if (r->f[k].len) return false;
  return starts_with(r->f[0].s, "注：") || starts_with(r->f[0].s, "空表说明：");
}

/* Does a cell look like a displayed amount ("1,234.00", "0.00")? */
static bool looks_amount(const char *s) {
  if (!strchr(s, '.')) return false;
  ys_amount a;
  return ys_money_parse(&a, s, strlen(s), YS_UNIT_YUAN, NULL) == YS_OK &&
         !a.empty;
}

int tc_load(tc_table *t, const char *path, char *err, size_t errn) {
  memset(t, 0, sizeof *t);
  snprintf(t->path, sizeof t->path, "%s", path);
  t->decimals = -1;
  t->note = "";
  t->arena = ys_arena_new(0);
  if (!t->arena) {
    snprintf(err, errn, "out of memory");
    return -1;
  }
  ys_csv csv;
  ys_errors errs = {0};
  int rc = ys_csv_read_file(&csv, path, t->arena, &errs);
  if (rc != YS_OK) {
    char buf[1024] = "";
    if (errs.count) ys_error_format(&errs.items[0], buf, sizeof buf);
    snprintf(err, errn, "%s: cannot read (%s)", path, buf);
    ys_errors_free(&errs);
    return -1;
  }
  ys_errors_free(&errs);
  if (csv.n < 2 || csv.rec[0].n < 2 || csv.rec[1].n < 1) {
    snprintf(err, errn, "%s: no title and unit rows", path);
    return -1;
  }
  t->number = dup_field(t->arena, &csv.rec[0].f[0]);
  t->title = dup_field(t->arena, &csv.rec[0].f[1]);
  t->unit_text = dup_field(t->arena, &csv.rec[1].f[0]);
  if (ys_unit_parse(t->unit_text, strlen(t->unit_text), &t->unit)) {
    snprintf(err, errn, "%s:%d: no unit line: '%s'", path, csv.rec[1].line,
             t->unit_text);
    return -1;
  }
  /* Trailing note rows. */
  size_t end = csv.n;
  while (end > 2 && is_note_row(&csv.rec[end - 1])) {
    const char *s = dup_field(t->arena, &csv.rec[end - 1].f[0]);
    if (starts_with(s, "空表说明："))
      t->empty_note = s + strlen("空表说明：");
    else
      t->note = s;
    end--;
  }
  t->nrows = end - 2;
  t->rows = ys_arena_alloc(t->arena, sizeof(tc_row) * (t->nrows + 1));
  if (!t->rows) {
    snprintf(err, errn, "out of memory");
    return -1;
  }
  t->nheader = t->nrows;
  for (size_t i = 0; i < t->nrows; i++) {
    const ys_csv_record *r = &csv.rec[i + 2];
    tc_row *row = &t->rows[i];
    row->line = r->line;
    row->n = r->n;
    row->cell = ys_arena_alloc(t->arena, sizeof(char *) * (r->n + 1));
    if (!row->cell) {
      snprintf(err, errn, "out of memory");
      return -1;
    }
    bool amounts = false;
    for (size_t k = 0; k < r->n; k++) {
      row->cell[k] = dup_field(t->arena, &r->f[k]);
      if (looks_amount(row->cell[k])) amounts = true;
    }
    if (r->n > t->ncols) t->ncols = r->n;
    if (amounts && t->nheader == t->nrows) t->nheader = i;
  }
  /* Decimals as printed, over the body. */
  for (size_t i = t->nheader; i < t->nrows; i++)
    for (size_t k = 0; k < t->rows[i].n; k++) {
      const char *s = t->rows[i].cell[k];
      ys_amount a;
      if (looks_amount(s) &&
          ys_money_parse(&a, s, strlen(s), t->unit, NULL) == YS_OK &&
          a.decimals > t->decimals)
        t->decimals = a.decimals;
    }
  return 0;
}

void tc_free(tc_table *t) {
  ys_arena_free(t->arena);
  memset(t, 0, sizeof *t);
}

const char *tc_cell(const tc_table *t, size_t row, size_t col) {
  if (row >= t->nrows || col >= t->rows[row].n) return "";
  return t->rows[row].cell[col];
}

void tc_trim(const char *s, char *buf, size_t n) {
  size_t len = strlen(s);
  ys_text_trim(&s, &len);
  snprintf(buf, n, "%.*s", (int)len, s);
}

int tc_indent(const char *s) {
  int w = 0;
  for (;;) {
    if (*s == ' ') {
      w++;
      s++;
    } else if (starts_with(s, "\xE3\x80\x80")) { /* U+3000 */
      w += 2;
      s += 3;
    } else {
      return w;
    }
  }
}

bool tc_label_eq(const char *a, const char *b) {
  char ka[1024], kb[1024];
  size_t la = ys_text_key_buf(ka, sizeof ka, a, strlen(a));
  size_t lb = ys_text_key_buf(kb, sizeof kb, b, strlen(b));
  return la < sizeof ka && lb < sizeof kb && strcmp(ka, kb) == 0;
}

int tc_amount(const tc_table *t, size_t row, size_t col, int64_t *fen) {
  const char *s = tc_cell(t, row, col);
  ys_amount a;
  *fen = 0;
  if (ys_money_parse(&a, s, strlen(s), t->unit, NULL) != YS_OK) return -1;
  *fen = a.fen;
  return a.empty ? 1 : 0;
}

int64_t tc_step(const tc_table *t) {
  int64_t step = ys_unit_fen(t->unit);
  for (int d = 0; d < (t->decimals < 0 ? 2 : t->decimals); d++) step /= 10;
  return step > 0 ? step : 1;
}

size_t tc_row_by_code(const tc_table *t, size_t col, const char *code,
                      size_t from) {
  for (size_t i = from < t->nheader ? t->nheader : from; i < t->nrows; i++)
    if (strcmp(tc_cell(t, i, col), code) == 0) return i;
  return (size_t)-1;
}

size_t tc_row_by_label(const tc_table *t, size_t col, const char *label,
                       size_t from) {
  for (size_t i = from < t->nheader ? t->nheader : from; i < t->nrows; i++) {
    char buf[1024];
    tc_trim(tc_cell(t, i, col), buf, sizeof buf);
    if (tc_label_eq(buf, label)) return i;
  }
  return (size_t)-1;
}

int tc_col_path(const tc_table *t, const char *const *labels) {
  size_t lo = 0, hi = t->ncols, row_min = 0;
  int found = -1;
  for (const char *const *l = labels; *l; l++) {
    found = -1;
    for (size_t r = row_min; r < t->nheader && found < 0; r++)
      for (size_t k = lo; k < hi && found < 0; k++) {
        if (!tc_label_eq(tc_cell(t, r, k), *l)) continue;
        found = (int)k;
        size_t end = k + 1;
        while (end < hi && !*tc_cell(t, r, end)) end++;
        lo = k;
        hi = end;
        row_min = r + 1;
      }
    if (found < 0) return -1;
  }
  return found;
}

int tc_col(const tc_table *t, const char *label) {
  const char *path[2] = {label, NULL};
  return tc_col_path(t, path);
}

const char *tc_col_label(const tc_table *t, size_t col) {
  const char *s = "";
  for (size_t r = 0; r < t->nheader; r++)
    if (*tc_cell(t, r, col)) s = tc_cell(t, r, col);
  return s;
}

/* --- filesystem -------------------------------------------------------- */

int tc_mkdirs(const char *path) {
  char buf[4096];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(buf, 0777) && errno != EEXIST) return -1;
    *p = '/';
  }
  if (mkdir(buf, 0777) && errno != EEXIST) return -1;
  return 0;
}

void tc_rmtree(const char *path) {
  struct stat st;
  if (lstat(path, &st)) return;
  if (!S_ISDIR(st.st_mode)) {
    unlink(path);
    return;
  }
  DIR *d = opendir(path);
  if (d) {
    struct dirent *e;
    while ((e = readdir(d))) {
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
      char sub[4096];
      snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
      tc_rmtree(sub);
    }
    closedir(d);
  }
  rmdir(path);
}

bool tc_is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool tc_exists(const char *path) {
  struct stat st;
  return lstat(path, &st) == 0;
}

char *tc_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    if (n + 1 >= cap) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = nb;
      cap *= 2;
    }
    size_t got = fread(buf + n, 1, cap - n - 1, f);
    if (got == 0) break;
    n += got;
  }
  fclose(f);
  if (buf) buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

int tc_write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  size_t n = strlen(text);
  size_t w = fwrite(text, 1, n, f);
  return fclose(f) == 0 && w == n ? 0 : -1;
}

int tc_copy_file(const char *from, const char *to) {
  size_t len;
  char *data = tc_read_file(from, &len);
  if (!data) return -1;
  FILE *f = fopen(to, "wb");
  int rc = -1;
  if (f) {
    size_t w = fwrite(data, 1, len, f);
    rc = fclose(f) == 0 && w == len ? 0 : -1;
  }
  free(data);
  return rc;
}
