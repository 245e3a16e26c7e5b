/*
 * render_txt.c - every table as aligned plain text (tables.txt).
 *
 * For a terminal, an e-mail and above all a diff: two compilations of a
 * dataset compare line by line. Columns are aligned by display width (East
 * Asian wide characters count two, as a terminal draws them), so the text
 * must be measured with ys_text_width, never by bytes or code points.
 *
 *   表5  部门综合预算一般公共预算支出明细表（按支出功能分类科目）
 *   部门：…                     (when the table has a subtitle)
 *   单位：元
 *   +------+------------------+--------------+
 *   | 编码 |    功能科目名称  |         合计 |   header rows; a merged cell
 *   +======+==================+==============+   spans its columns, centred
 *   |      | 合计             | 2,383,119.00 |   amounts right-aligned
 *   | 210  | 卫生健康支出     | 2,205,520.00 |
 *   +------+------------------+--------------+
 *   空表说明：…  /  注：…
 *
 * Every line of a table between its rules has the same display width and
 * ends in a border, so nothing ends in white space. Cells wider than
 * TEXT_MAX wrap onto more lines of the same row (line breaks in a cell are
 * kept); control characters are dropped and tabs become spaces.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/money.h"
#include "yusuan/render.h"
#include "yusuan/text.h"

enum {
  TEXT_MAX = 40,  /* a text column wraps beyond this width */
  HEAD_SOFT = 16, /* a header label may widen a column this far */
  COL_MIN = 2     /* every column fits one wide character */
};

typedef enum align { A_LEFT, A_RIGHT, A_CENTER } align;

/* Length of the UTF-8 character at s (1 for a stray byte); *w gets its
 * display width and *bad whether it is malformed. */
static size_t char_at(const char *s, size_t *w, int *bad) {
  const unsigned char *p = (const unsigned char *)s;
  size_t n = p[0] < 0x80 ? 1 : p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : 2;
  *bad = p[0] >= 0x80 && p[0] < 0xC2;
  for (size_t i = 1; i < n && !*bad; i++)
    if ((p[i] & 0xC0) != 0x80) *bad = 1;
  if (*bad) {
    *w = 1;
    return 1;
  }
  *w = ys_text_width(s, n);
  return n;
}

/* Widest line of s (lines split at '\n'). */
static size_t text_width(const char *s) {
  size_t best = 0;
  while (s && *s) {
    size_t n = strcspn(s, "\n");
    size_t w = ys_text_width(s, n);
    if (w > best) best = w;
    s += n + (s[n] == '\n');
  }
  return best;
}

/* One wrapped line: a byte range of the cell text and its width. */
typedef struct line {
  const char *s;
  size_t len, width;
} line;

typedef struct lines {
  line *v;
  size_t n, cap;
} lines;

static int push_line(lines *L, const char *s, size_t len, size_t width) {
  if (L->n == L->cap) {
    size_t cap = L->cap ? L->cap * 2 : 8;
    line *v = realloc(L->v, cap * sizeof *v);
    if (!v) return -1;
    L->v = v;
    L->cap = cap;
  }
  L->v[L->n++] = (line){s, len, width};
  return 0;
}

/* Splits s into lines at most width wide (a character wider than the line
 * still goes on a line of its own). */
static int wrap(lines *L, const char *s, size_t width) {
  L->n = 0;
  const char *start = s;
  size_t lw = 0;
  while (*s) {
    if (*s == '\n') {
      if (push_line(L, start, (size_t)(s - start), lw)) return -1;
      start = ++s;
      lw = 0;
      continue;
    }
    size_t cw;
    int bad;
    size_t k = char_at(s, &cw, &bad);
    if ((unsigned char)*s < 0x20 && *s != '\t') cw = 0;
    if (*s == '\t') cw = 1;
    if (lw + cw > width && lw > 0) {
      if (push_line(L, start, (size_t)(s - start), lw)) return -1;
      start = s;
      lw = 0;
    }
    lw += cw;
    s += k;
  }
  if (s > start || L->n == 0)
    if (push_line(L, start, (size_t)(s - start), lw)) return -1;
  return 0;
}

static void put_spaces(FILE *f, size_t n) {
  while (n--) fputc(' ', f);
}

/* Writes a line's bytes: tabs as spaces, control characters and malformed
 * bytes dropped or replaced so the output is clean UTF-8. */
static void put_text(FILE *f, const char *s, size_t len) {
  for (size_t i = 0; i < len;) {
    size_t cw;
    int bad;
    size_t k = char_at(s + i, &cw, &bad);
    if (k > len - i) k = len - i, bad = 1;
    unsigned char c = (unsigned char)s[i];
    if (bad)
      fputc('?', f);
    else if (c == '\t')
      fputc(' ', f);
    else if (c >= 0x20 && c != 0x7F)
      fwrite(s + i, 1, k, f);
    i += k;
  }
}

/* A cell of one logical row: columns c0..c1, its text and alignment. */
typedef struct seg {
  size_t c0, c1;
  const char *text;
  align al;
  lines L;
} seg;

static size_t seg_width(const size_t *w, size_t c0, size_t c1) {
  size_t sum = 0;
  for (size_t c = c0; c <= c1; c++) sum += w[c];
  return sum + 3 * (c1 - c0);
}

/* Prints one logical row (possibly several physical lines). */
static int put_row(FILE *f, seg *sg, size_t n, const size_t *w) {
  size_t height = 1;
  for (size_t i = 0; i < n; i++) {
    if (wrap(&sg[i].L, sg[i].text ? sg[i].text : "",
             seg_width(w, sg[i].c0, sg[i].c1)))
      return -1;
    if (sg[i].L.n > height) height = sg[i].L.n;
  }
  for (size_t l = 0; l < height; l++) {
    fputc('|', f);
    for (size_t i = 0; i < n; i++) {
      size_t W = seg_width(w, sg[i].c0, sg[i].c1);
      const line *ln = l < sg[i].L.n ? &sg[i].L.v[l] : NULL;
      size_t lw = ln ? ln->width : 0, pad = W > lw ? W - lw : 0;
      size_t left = sg[i].al == A_RIGHT    ? pad
                    : sg[i].al == A_CENTER ? pad / 2
                                           : 0;
      fputc(' ', f);
      put_spaces(f, left);
      if (ln) put_text(f, ln->s, ln->len);
      put_spaces(f, pad - left);
      fputs(" |", f);
    }
    fputc('\n', f);
  }
  return 0;
}

/* A rule: `fill` under every column; at the boundaries '+'. */
static void put_rule(FILE *f, const size_t *w, size_t nc, char fill) {
  fputc('+', f);
  for (size_t c = 0; c < nc; c++) {
    for (size_t i = 0; i < w[c] + 2; i++) fputc(fill, f);
    fputc('+', f);
  }
  fputc('\n', f);
}

/*
 * The rule between header rows r and r + 1: blank where a cell continues
 * down (rowspan), dashes elsewhere; at each column boundary '|' between two
 * continuing cells, '-' inside a colspan on both sides, '+' otherwise.
 */
static void put_header_rule(FILE *f, const size_t *w, size_t nc, const int *own,
                            const int *below) {
  for (size_t b = 0; b <= nc; b++) {
    int lc = b > 0 && own[b - 1] >= 0 && own[b - 1] == below[b - 1];
    int rc = b < nc && own[b] >= 0 && own[b] == below[b];
    char j;
    if (b == 0)
      j = rc ? '|' : '+';
    else if (b == nc)
      j = lc ? '|' : '+';
    else if (lc && rc)
      j = own[b - 1] == own[b] ? ' ' : '|';
    else if (lc || rc)
      j = '+';
    else {
      int in_above = own[b - 1] >= 0 && own[b - 1] == own[b];
      int in_below = below[b - 1] >= 0 && below[b - 1] == below[b];
      j = in_above && in_below ? '-' : '+';
    }
    fputc(j, f);
    if (b == nc) break;
    for (size_t i = 0; i < w[b] + 2; i++) fputc(rc ? ' ' : '-', f);
  }
  fputc('\n', f);
}

/* One table as text top to bottom — measure the columns by display
 * width, then the title, rules, header rows, body and notes — the widths
 * of the first step used by all the others: one piece. */
static int write_table(FILE *f, const ys_table *t) {
  fprintf(f, "%s  ", t->number ? t->number : "");
  put_text(f, t->title ? t->title : "", strlen(t->title ? t->title : ""));
  fputc('\n', f);
  if (t->subtitle && *t->subtitle) {
    put_text(f, t->subtitle, strlen(t->subtitle));
    fputc('\n', f);
  }
  fprintf(f, "单位：%s\n", ys_unit_name(t->unit));

  size_t nc = t->ncols, hr = t->header_rows > 0 ? (size_t)t->header_rows : 0;
  int rc = -1;
  size_t *w = calloc(nc ? nc : 1, sizeof *w);
  int *own = calloc((hr + 1) * (nc ? nc : 1), sizeof *own);
  seg *sg = calloc(nc ? nc : 1, sizeof *sg);
  if (!w || !own || !sg) goto out;

  /* Widths: body cells (text capped at TEXT_MAX), then header labels. */
  for (size_t i = 0; i < t->nrows; i++)
    for (size_t k = 0; k < nc; k++) {
      const ys_cell *c = &t->rows[i].cells[k];
      size_t cw = text_width(c->text);
      if (c->type != YS_CELL_AMOUNT && cw > TEXT_MAX) cw = TEXT_MAX;
      if (cw > w[k]) w[k] = cw;
    }
  for (size_t h = 0; h < t->n_header; h++) {
    const ys_header_cell *hc = &t->header[h];
    if (hc->col_span != 1 || hc->col < 0 || (size_t)hc->col >= nc) continue;
    size_t cw = text_width(hc->text);
    size_t soft = w[hc->col] > HEAD_SOFT ? w[hc->col] : HEAD_SOFT;
    if (cw > soft) cw = soft;
    if (cw > w[hc->col]) w[hc->col] = cw;
  }
  for (size_t k = 0; k < nc; k++)
    if (w[k] < COL_MIN) w[k] = COL_MIN;
  /* A merged header cell gets room for its label up to HEAD_SOFT: the
   * last column of its span widens. */
  for (size_t h = 0; h < t->n_header; h++) {
    const ys_header_cell *hc = &t->header[h];
    if (hc->col_span < 2 || hc->col < 0 || (size_t)hc->col >= nc) continue;
    size_t c1 = (size_t)hc->col + (size_t)hc->col_span - 1;
    if (c1 >= nc) c1 = nc - 1;
    size_t want = text_width(hc->text),
           have = seg_width(w, (size_t)hc->col, c1);
    if (want > HEAD_SOFT) want = HEAD_SOFT;
    if (want > have) w[c1] += want - have;
  }

  /* Header grid ownership: own[r * nc + c] = header cell index or -1; one
   * extra row of -1 below the header. */
  for (size_t i = 0; i < (hr + 1) * nc; i++) own[i] = -1;
  for (size_t h = 0; h < t->n_header; h++) {
    const ys_header_cell *hc = &t->header[h];
    if (hc->row < 0 || (size_t)hc->row >= hr || hc->col < 0 ||
        (size_t)hc->col >= nc)
      continue;
    size_t rs = hc->row_span > 0 ? (size_t)hc->row_span : 1;
    size_t cs = hc->col_span > 0 ? (size_t)hc->col_span : 1;
    for (size_t r = (size_t)hc->row; r < (size_t)hc->row + rs && r < hr; r++)
      for (size_t c = (size_t)hc->col; c < (size_t)hc->col + cs && c < nc; c++)
        own[r * nc + c] = (int)h;
  }

  if (nc == 0 || (hr == 0 && t->nrows == 0)) {
    rc = 0;
    goto notes;
  }
  put_rule(f, w, nc, '-');
  for (size_t r = 0; r < hr; r++) {
    size_t n = 0;
    for (size_t c = 0; c < nc;) {
      int h = own[r * nc + c];
      size_t c1 = c;
      if (h >= 0)
        while (c1 + 1 < nc && own[r * nc + c1 + 1] == h) c1++;
      int first = h >= 0 && (size_t)t->header[h].row == r &&
                  (size_t)t->header[h].col == c;
      sg[n].c0 = c;
      sg[n].c1 = c1;
      sg[n].text = first ? t->header[h].text : "";
      sg[n].al = A_CENTER;
      n++;
      c = c1 + 1;
    }
    if (put_row(f, sg, n, w)) goto out;
    if (r + 1 < hr) put_header_rule(f, w, nc, own + r * nc, own + (r + 1) * nc);
  }
  if (hr) put_rule(f, w, nc, t->nrows ? '=' : '-');
  for (size_t i = 0; i < t->nrows; i++) {
    for (size_t k = 0; k < nc; k++) {
      const ys_cell *c = &t->rows[i].cells[k];
      sg[k].c0 = sg[k].c1 = k;
      sg[k].text = c->text;
      sg[k].al = c->type == YS_CELL_AMOUNT || c->type == YS_CELL_NUMBER
                     ? A_RIGHT
                     : A_LEFT;
    }
    if (put_row(f, sg, nc, w)) goto out;
  }
  if (t->nrows) put_rule(f, w, nc, '-');
  rc = 0;

notes:
  if (t->empty && t->empty_note && *t->empty_note) {
    fputs("空表说明：", f);
    put_text(f, t->empty_note, strlen(t->empty_note));
    fputc('\n', f);
  }
  if (t->note && *t->note) {
    put_text(f, t->note, strlen(t->note));
    fputc('\n', f);
  }
out:
  if (sg)
    for (size_t k = 0; k < nc; k++) free(sg[k].L.v);
  free(sg);
  free(own);
  free(w);
  return rc;
}

int ys_render_txt(const ys_tables *t, const char *dir, ys_errors *errs) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tables.txt", dir);
  FILE *f = fopen(path, "wb");
  if (!f) {
    ys_errors_add(errs, YS_EIO, path, 0, 0, "无法写入文件");
    return YS_EIO;
  }
  fprintf(f, "%s %d年部门预算公开报表（%zu 张）\n",
          t->dept_name ? t->dept_name : "", t->year, t->n);
  int rc = YS_OK;
  for (size_t i = 0; i < t->n && rc == YS_OK; i++) {
    fputc('\n', f);
    if (write_table(f, &t->tables[i])) rc = YS_ENOMEM;
  }
  int bad = ferror(f);
  if (fclose(f) || bad) {
    ys_errors_add(errs, YS_EIO, path, 0, 0, "写入文件失败");
    return YS_EIO;
  }
  return rc;
}
