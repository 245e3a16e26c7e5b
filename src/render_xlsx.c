/*
 * render_xlsx.c - every table in one workbook (tables.xlsx).
 *
 * The workbook is what a finance office opens, edits and forwards, so it
 * looks like the published tables and keeps the numbers as numbers:
 *
 *   sheet 目录            one row per table: number, title (a link to the
 *                        table's sheet), 是否空表, 空表说明/理由
 *   one sheet per table  named "<number> <short title>" (Excel's rules: at
 *                        most 31 characters, none of []:*?/\, unique)
 *     row 1  number (表5)
 *     row 2  title, merged across the table
 *     row 3  subtitle at the left, 单位：元 / 单位：万元 at the right
 *     header rows, merged exactly per the header spans
 *     body rows: amounts as numbers (the exact value, fen / 100 in 元 or
 *       fen / 1e6 in 万元) formatted to the table's decimals, so Excel
 *       shows the published text and sums the exact values
 *     空表说明 and the footnote (尾数误差) as merged rows under the body
 *
 * Names keep their text without the leading indentation the profile put
 * there (ideographic or ASCII spaces); the indentation becomes the cell's
 * indent level instead, one level per two display columns, so filtering and
 * copying in Excel see the bare name. Column widths follow the East Asian
 * display width of the text (wide characters count two), long texts wrap
 * and their rows get an estimated height. The header is frozen and repeated
 * on every printed page; pages are A4 landscape, one page wide.
 *
 * libxlsxwriter writes the file at workbook_close; the caller's temporary
 * directory makes it appear atomically. The creation date is fixed to the
 * budget year so the same tables give the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>

#include "yusuan/money.h"
#include "yusuan/render.h"
#include "yusuan/text.h"

enum {
  COL_MIN = 6,    /* narrowest column, in Excel width units */
  COL_MAX = 50,   /* widest before the text wraps */
  HEAD_SOFT = 16, /* a header label may widen a column this far */
  INDENT_MAX = 15,
  STR_MAX = 32000 /* Excel's cell limit is 32767 characters */
};

#define LINE_PT 14.0 /* one wrapped line of 10 pt CJK text */

/* ------------------------------------------------------------------ */
/* Text helpers                                                        */

/* Bytes of leading ASCII spaces and U+3000; *width gets their display
 * width. */
static size_t lead_space(const char *s, size_t *width) {
  size_t i = 0, w = 0;
  for (;;) {
    if (s[i] == ' ')
      i += 1, w += 1;
    else if ((unsigned char)s[i] == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
             (unsigned char)s[i + 2] == 0x80)
      i += 3, w += 2;
    else
      break;
  }
  if (width) *width = w;
  return i;
}

/* Widest line of s (lines split at '\n'), in display columns. */
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

/* Lines s needs in a column `width` display columns wide. */
static size_t text_lines(const char *s, size_t width) {
  size_t lines = 0;
  if (width < 2) width = 2;
  while (s && *s) {
    size_t n = strcspn(s, "\n");
    size_t w = ys_text_width(s, n);
    lines += w ? (w + width - 1) / width : 1;
    s += n + (s[n] == '\n');
  }
  return lines ? lines : 1;
}

/* Copies at most max bytes of s into buf (size max + 1), cutting at a
 * UTF-8 character boundary. */
static const char *clip(const char *s, char *buf, size_t max) {
  size_t n = strlen(s);
  if (n <= max) return s;
  while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) max--;
  memcpy(buf, s, max);
  buf[max] = '\0';
  return buf;
}

/* ------------------------------------------------------------------ */
/* Formats, created on demand and shared                               */

typedef enum role {
  R_NUMBER_LINE,
  R_TITLE,
  R_SUBTITLE,
  R_UNIT,
  R_HEAD,
  R_TEXT,
  R_AMOUNT,
  R_NUM,
  R_NOTE,
  R_EMPTY_NOTE,
  R_LINK
} role;

typedef struct fmt_key {
  role role;
  int decimals;
  unsigned thousands;
  int bold;
  int indent;
} fmt_key;

typedef struct fmt_cache {
  lxw_workbook *wb;
  struct {
    fmt_key k;
    lxw_format *f;
  } * items;
  size_t n, cap;
} fmt_cache;

static void num_format(char *buf, size_t n, int decimals, unsigned thousands) {
  if (decimals < 0) decimals = 0;
  if (decimals > 6) decimals = 6;
  snprintf(buf, n, "%s%s%.*s", thousands ? "#,##0" : "0", decimals ? "." : "",
           decimals, "000000");
}

static lxw_format *get_fmt(fmt_cache *c, role r, int decimals,
                           unsigned thousands, int bold, int indent) {
  fmt_key k = {r, decimals, thousands, bold, indent};
  for (size_t i = 0; i < c->n; i++)
    if (!memcmp(&c->items[i].k, &k, sizeof k)) return c->items[i].f;
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 32;
    void *p = realloc(c->items, cap * sizeof *c->items);
    if (!p) return NULL;
    c->items = p;
    c->cap = cap;
  }
  lxw_format *f = workbook_add_format(c->wb);
  if (!f) return NULL;
  format_set_font_name(f, "宋体");
  format_set_font_size(f, 10);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  switch (r) {
  case R_NUMBER_LINE:
    break;
  case R_TITLE:
    format_set_font_size(f, 16);
    format_set_bold(f);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_text_wrap(f);
    break;
  case R_SUBTITLE:
    break;
  case R_UNIT:
    format_set_align(f, LXW_ALIGN_RIGHT);
    break;
  case R_HEAD:
    format_set_bold(f);
    format_set_align(f, LXW_ALIGN_CENTER);
    format_set_text_wrap(f);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_bg_color(f, 0xF2F2F2);
    break;
  case R_TEXT:
    format_set_border(f, LXW_BORDER_THIN);
    format_set_text_wrap(f);
    if (indent > 0) {
      format_set_align(f, LXW_ALIGN_LEFT);
      format_set_indent(f, (uint8_t)indent);
    }
    break;
  case R_AMOUNT:
  case R_NUM: {
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_RIGHT);
    if (r == R_AMOUNT || decimals >= 0) {
      char nf[32];
      num_format(nf, sizeof nf, decimals, thousands);
      format_set_num_format(f, nf);
    }
    break;
  }
  case R_NOTE:
    format_set_text_wrap(f);
    break;
  case R_EMPTY_NOTE:
    format_set_text_wrap(f);
    format_set_border(f, LXW_BORDER_THIN);
    break;
  case R_LINK:
    format_set_font_color(f, LXW_COLOR_BLUE);
    format_set_underline(f, LXW_UNDERLINE_SINGLE);
    format_set_border(f, LXW_BORDER_THIN);
    break;
  }
  if (bold) format_set_bold(f);
  c->items[c->n].k = k;
  c->items[c->n].f = f;
  c->n++;
  return f;
}

/* ------------------------------------------------------------------ */
/* Sheet names                                                         */

/* Truncates s in place to at most max UTF-16 units. */
static void utf16_truncate(char *s, size_t max) {
  size_t n = 0;
  for (unsigned char *p = (unsigned char *)s; *p; p++) {
    if ((*p & 0xC0) == 0x80) continue;
    size_t u = *p >= 0xF0 ? 2 : 1;
    if (n + u > max) {
      *p = '\0';
      return;
    }
    n += u;
  }
}

static const char *const title_prefixes[] = {
    "部门综合预算", "单位综合预算", "部门预算", "单位预算", "部门", NULL};

/* The title without the words every title starts with. */
static const char *short_title(const ys_tables *ts, const char *title) {
  if (ts->dept_name && *ts->dept_name &&
      !strncmp(title, ts->dept_name, strlen(ts->dept_name)) &&
      title[strlen(ts->dept_name)])
    title += strlen(ts->dept_name);
  for (int i = 0; title_prefixes[i]; i++) {
    size_t n = strlen(title_prefixes[i]);
    if (!strncmp(title, title_prefixes[i], n) && title[n]) return title + n;
  }
  return title;
}

/* Builds a valid, unique sheet name for table i into names[i]. */
static void sheet_name(const ys_tables *ts, size_t i, char (*names)[128]) {
  const ys_table *t = &ts->tables[i];
  char buf[512];
  snprintf(buf, sizeof buf, "%s %s",
           t->number && *t->number ? t->number : t->id,
           short_title(ts, t->title ? t->title : ""));
  /* Excel forbids []:*?/\ and control characters, and a leading or
   * trailing apostrophe. */
  for (char *p = buf; *p; p++)
    if (strchr("[]:*?/\\", *p) || (unsigned char)*p < 0x20) *p = '_';
  char *s = buf;
  while (*s == '\'') s++;
  utf16_truncate(s, 31);
  size_t n = strlen(s);
  while (n > 0 && (s[n - 1] == '\'' || s[n - 1] == ' ')) s[--n] = '\0';
  if (!*s) snprintf(s = buf, sizeof buf, "%s", t->id ? t->id : "表");
  utf16_truncate(s, 31);
  char cand[128];
  snprintf(cand, sizeof cand, "%.120s", s);
  for (int k = 2;; k++) {
    int clash = !strcasecmp(cand, "目录") || !strcasecmp(cand, "History");
    for (size_t j = 0; j < i && !clash; j++)
      clash = !strcasecmp(cand, names[j + 1]);
    if (!clash) break;
    char suffix[16];
    snprintf(suffix, sizeof suffix, "~%d", k);
    snprintf(cand, sizeof cand, "%.120s", s);
    utf16_truncate(cand, 31 - strlen(suffix));
    strcat(cand, suffix);
  }
  memcpy(names[i + 1], cand, sizeof cand);
}

/* ------------------------------------------------------------------ */
/* One table                                                           */

typedef struct writer {
  lxw_workbook *wb;
  fmt_cache fc;
  int err; /* first lxw_error seen */
  char clip[STR_MAX + 1];
} writer;

static void check(writer *w, lxw_error e) {
  if (e != LXW_NO_ERROR && !w->err) w->err = (int)e;
}

static void put_str(writer *w, lxw_worksheet *ws, int r, int c, const char *s,
                    lxw_format *f) {
  if (!s || !*s)
    check(w, worksheet_write_blank(ws, r, (lxw_col_t)c, f));
  else
    check(w, worksheet_write_string(ws, r, (lxw_col_t)c,
                                    clip(s, w->clip, STR_MAX), f));
}

static void merge(writer *w, lxw_worksheet *ws, int r1, int c1, int r2, int c2,
                  const char *s, lxw_format *f) {
  if (r1 == r2 && c1 == c2) {
    put_str(w, ws, r1, c1, s, f);
    return;
  }
  check(w, worksheet_merge_range(ws, r1, (lxw_col_t)c1, r2, (lxw_col_t)c2,
                                 clip(s ? s : "", w->clip, STR_MAX), f));
}

/* A NUMBER cell's text as a plain decimal ("12", "3.5", "1,200"): returns
 * 1 and sets *v, *dec and *sep; 0 if the text is anything else. */
static int plain_number(const char *s, double *v, int *dec, unsigned *sep) {
  char buf[64];
  size_t n = 0;
  int d = -1, digits = 0;
  *sep = 0;
  if (*s == '-') buf[n++] = *s++;
  for (; *s; s++) {
    if (n + 1 >= sizeof buf) return 0;
    if (*s >= '0' && *s <= '9') {
      buf[n++] = *s, digits++;
      if (d >= 0) d++;
    } else if (*s == '.' && d < 0 && digits) {
      buf[n++] = '.', d = 0;
    } else if (*s == ',' && d < 0 && digits) {
      *sep = 1;
    } else
      return 0;
  }
  if (!digits || d == 0 || d > 6) return 0;
  buf[n] = '\0';
  *v = strtod(buf, NULL);
  *dec = d < 0 ? 0 : d;
  return 1;
}

/* One worksheet top to bottom — title, unit, header (merged ranges),
 * body, 空表说明 and footnote, column widths, print setup — with the row
 * counter and the formats running through every step: one piece, read by
 * its comments. */
static void write_table(writer *w, const ys_table *t, const char *name) {
  fmt_cache *fc = &w->fc;
  lxw_worksheet *ws = workbook_add_worksheet(w->wb, name);
  if (!ws) {
    check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return;
  }
  int nc = t->ncols ? (int)t->ncols : 1;
  if (nc > LXW_COL_MAX) nc = LXW_COL_MAX;
  unsigned thousands = t->format_flags & YS_FMT_THOUSANDS;
  double ufen = (double)ys_unit_fen(t->unit);

  /* Column widths in display columns. */
  size_t *cw = calloc((size_t)nc, sizeof *cw);
  if (!cw) {
    check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return;
  }
  for (size_t i = 0; i < t->nrows; i++)
    for (int k = 0; k < (int)t->ncols && k < nc; k++) {
      size_t tw = text_width(t->rows[i].cells[k].text);
      if (tw > cw[k]) cw[k] = tw;
    }
  for (size_t h = 0; h < t->n_header; h++) {
    const ys_header_cell *hc = &t->header[h];
    if (hc->col_span != 1 || hc->col < 0 || hc->col >= nc) continue;
    size_t tw = text_width(hc->text);
    size_t soft = cw[hc->col] > HEAD_SOFT ? cw[hc->col] : HEAD_SOFT;
    if (tw > soft) tw = soft;
    if (tw > cw[hc->col]) cw[hc->col] = tw;
  }
  for (int k = 0; k < nc; k++) {
    cw[k] += 2;
    if (cw[k] < COL_MIN) cw[k] = COL_MIN;
    if (cw[k] > COL_MAX) cw[k] = COL_MAX;
  }
  /* A merged header cell gets room for its label up to HEAD_SOFT. */
  for (size_t h = 0; h < t->n_header; h++) {
    const ys_header_cell *hc = &t->header[h];
    if (hc->col_span < 2 || hc->col < 0 || hc->col >= nc) continue;
    int c1 =
        hc->col + hc->col_span - 1 < nc ? hc->col + hc->col_span - 1 : nc - 1;
    size_t want = text_width(hc->text), have = 0;
    if (want > HEAD_SOFT) want = HEAD_SOFT;
    want += 2;
    for (int k = hc->col; k <= c1; k++) have += cw[k];
    if (want > have) cw[c1] += want - have;
  }
  for (int k = 0; k < nc; k++)
    check(w, worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, (double)cw[k],
                                  NULL));
  size_t total_w = 0;
  for (int k = 0; k < nc; k++) total_w += cw[k];

  int r = 0;
  put_str(w, ws, r++, 0, t->number, get_fmt(fc, R_NUMBER_LINE, 0, 0, 0, 0));
  merge(w, ws, r, 0, r, nc - 1, t->title, get_fmt(fc, R_TITLE, 0, 0, 0, 0));
  check(w,
        worksheet_set_row(
            ws, r, 16.0 * 1.5 * (double)text_lines(t->title, total_w * 10 / 16),
            NULL));
  r++;
  char unit[64];
  snprintf(unit, sizeof unit, "单位：%s", ys_unit_name(t->unit));
  const char *sub = t->subtitle ? t->subtitle : "";
  if (nc >= 2) {
    if (*sub) put_str(w, ws, r, 0, sub, get_fmt(fc, R_SUBTITLE, 0, 0, 0, 0));
    put_str(w, ws, r, nc - 1, unit, get_fmt(fc, R_UNIT, 0, 0, 0, 0));
  } else {
    put_str(w, ws, r, 0, unit, get_fmt(fc, R_SUBTITLE, 0, 0, 0, 0));
    if (*sub) put_str(w, ws, r, 1, sub, get_fmt(fc, R_SUBTITLE, 0, 0, 0, 0));
  }
  r++;

  /* Header: every grid position gets the border; spans are merged. */
  int h0 = r, hr = t->header_rows > 0 ? t->header_rows : 0;
  lxw_format *fh = get_fmt(fc, R_HEAD, 0, 0, 0, 0);
  for (int i = 0; i < hr; i++)
    for (int k = 0; k < nc; k++) put_str(w, ws, h0 + i, k, "", fh);
  size_t *hlines = calloc((size_t)hr + 1, sizeof *hlines);
  /* Which header positions a merge already covers: Excel rejects a file
   * with overlapping merged ranges, so a span that would overlap (a broken
   * profile) keeps its text in its first cell only. */
  unsigned char *used = calloc((size_t)hr * (size_t)nc + 1, 1);
  for (size_t h = 0; h < t->n_header; h++) {
    const ys_header_cell *hc = &t->header[h];
    int rs = hc->row_span > 0 ? hc->row_span : 1;
    int cs = hc->col_span > 0 ? hc->col_span : 1;
    if (hc->row < 0 || hc->row >= hr || hc->col < 0 || hc->col >= nc) continue;
    int r2 = hc->row + rs - 1, c2 = hc->col + cs - 1;
    if (r2 >= hr) r2 = hr - 1;
    if (c2 >= nc) c2 = nc - 1;
    int clash = !used;
    for (int i = hc->row; i <= r2 && !clash; i++)
      for (int k = hc->col; k <= c2 && !clash; k++)
        clash = used[(size_t)i * (size_t)nc + (size_t)k];
    if (clash) r2 = hc->row, c2 = hc->col;
    for (int i = hc->row; i <= r2 && used; i++)
      for (int k = hc->col; k <= c2; k++)
        used[(size_t)i * (size_t)nc + (size_t)k] = 1;
    merge(w, ws, h0 + hc->row, hc->col, h0 + r2, c2, hc->text, fh);
    if (hlines && rs == 1) {
      size_t span_w = 0;
      for (int k = hc->col; k <= c2; k++) span_w += cw[k];
      size_t l = text_lines(hc->text, span_w > 2 ? span_w - 2 : 2);
      if (l > hlines[hc->row]) hlines[hc->row] = l;
    }
  }
  for (int i = 0; i < hr && hlines; i++)
    if (hlines[i] > 1)
      check(w, worksheet_set_row(ws, h0 + i, LINE_PT * (double)hlines[i] + 3,
                                 NULL));
  free(hlines);
  free(used);
  r = h0 + hr;
  int first_body = r;

  /* Body. */
  for (size_t i = 0; i < t->nrows; i++, r++) {
    const ys_row *row = &t->rows[i];
    int bold = row->kind == YS_ROW_TOTAL;
    size_t lines = 1;
    for (int k = 0; k < nc; k++) {
      const ys_cell *c = k < (int)t->ncols ? &row->cells[k] : NULL;
      const char *text = c && c->text ? c->text : "";
      if (c && c->type == YS_CELL_AMOUNT) {
        lxw_format *f = get_fmt(fc, R_AMOUNT, t->decimals, thousands, bold, 0);
        if (*text)
          check(w, worksheet_write_number(ws, r, (lxw_col_t)k,
                                          (double)c->fen / ufen, f));
        else
          put_str(w, ws, r, k, "", f);
        continue;
      }
      double v;
      int dec;
      unsigned sep;
      if (c && c->type == YS_CELL_NUMBER &&
          plain_number(text, &v, &dec, &sep)) {
        check(w, worksheet_write_number(ws, r, (lxw_col_t)k, v,
                                        get_fmt(fc, R_NUM, dec, sep, bold, 0)));
        continue;
      }
      size_t sw;
      size_t skip = lead_space(text, &sw);
      int indent = (int)((sw + 1) / 2);
      if (indent > INDENT_MAX) indent = INDENT_MAX;
      put_str(w, ws, r, k, text + skip,
              get_fmt(fc, R_TEXT, 0, 0, bold, indent));
      size_t l = text_lines(text, cw[k] > 2 ? cw[k] - 2 : 2);
      if (l > lines) lines = l;
    }
    if (lines > 1)
      check(w, worksheet_set_row(ws, r, LINE_PT * (double)lines + 3, NULL));
  }

  /* 空表说明 and footnote, merged across the table. */
  if (t->empty && t->empty_note && *t->empty_note) {
    char note[1200];
    snprintf(note, sizeof note, "空表说明：%s", t->empty_note);
    merge(w, ws, r, 0, r, nc - 1, note, get_fmt(fc, R_EMPTY_NOTE, 0, 0, 0, 0));
    size_t l = text_lines(note, total_w > 2 ? total_w - 2 : 2);
    if (l > 1)
      check(w, worksheet_set_row(ws, r, LINE_PT * (double)l + 3, NULL));
    r++;
  }
  if (t->note && *t->note) {
    merge(w, ws, r, 0, r, nc - 1, t->note, get_fmt(fc, R_NOTE, 0, 0, 0, 0));
    size_t l = text_lines(t->note, total_w > 2 ? total_w - 2 : 2);
    if (l > 1)
      check(w, worksheet_set_row(ws, r, LINE_PT * (double)l + 3, NULL));
    r++;
  }
  free(cw);

  worksheet_freeze_panes(ws, first_body, 0);
  check(w, worksheet_repeat_rows(ws, 0, first_body - 1));
  worksheet_set_paper(ws, 9); /* A4 */
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_center_horizontally(ws);
  worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
  check(w, worksheet_set_footer(ws, "&C第 &P 页，共 &N 页"));
}

/* ------------------------------------------------------------------ */
/* 目录                                                                */

static void write_toc(writer *w, const ys_tables *ts, char (*names)[128]) {
  fmt_cache *fc = &w->fc;
  lxw_worksheet *ws = workbook_add_worksheet(w->wb, "目录");
  if (!ws) {
    check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return;
  }
  static const char *const head[4] = {"表号", "报表名称", "是否空表",
                                      "空表说明/理由"};
  size_t cw[4];
  for (int k = 0; k < 4; k++) cw[k] = text_width(head[k]);
  for (size_t i = 0; i < ts->n; i++) {
    const ys_table *t = &ts->tables[i];
    size_t a = text_width(t->number), b = text_width(t->title),
           d = t->empty ? text_width(t->empty_note) : 0;
    if (a > cw[0]) cw[0] = a;
    if (b > cw[1]) cw[1] = b;
    if (d > cw[3]) cw[3] = d;
  }
  for (int k = 0; k < 4; k++) {
    cw[k] += 2;
    if (cw[k] < COL_MIN) cw[k] = COL_MIN;
    if (cw[k] > 80) cw[k] = 80;
    check(w, worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, (double)cw[k],
                                  NULL));
  }
  char title[512];
  snprintf(title, sizeof title, "%s%d年部门预算公开报表目录",
           ts->dept_name ? ts->dept_name : "", ts->year);
  merge(w, ws, 0, 0, 0, 3, title, get_fmt(fc, R_TITLE, 0, 0, 0, 0));
  check(w, worksheet_set_row(ws, 0, 24, NULL));
  lxw_format *fh = get_fmt(fc, R_HEAD, 0, 0, 0, 0);
  for (int k = 0; k < 4; k++) put_str(w, ws, 1, k, head[k], fh);
  lxw_format *ft = get_fmt(fc, R_TEXT, 0, 0, 0, 0);
  lxw_format *fl = get_fmt(fc, R_LINK, 0, 0, 0, 0);
  for (size_t i = 0; i < ts->n; i++) {
    const ys_table *t = &ts->tables[i];
    int r = (int)i + 2;
    put_str(w, ws, r, 0, t->number, ft);
    char url[300];
    snprintf(url, sizeof url, "internal:'%s'!A1", names[i + 1]);
    lxw_error e = worksheet_write_url_opt(ws, r, 1, url, fl,
                                          t->title ? t->title : "", NULL);
    if (e != LXW_NO_ERROR) put_str(w, ws, r, 1, t->title, ft);
    put_str(w, ws, r, 2, t->empty ? "是" : "否", ft);
    put_str(w, ws, r, 3, t->empty ? t->empty_note : "", ft);
  }
  worksheet_freeze_panes(ws, 2, 0);
  worksheet_set_paper(ws, 9);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
}

/* Seconds since 1970 of 1 January of year, 00:00 UTC. */
static time_t year_start(int year) {
  if (year < 1970 || year > 2200) year = 1970;
  long days = 0;
  for (int y = 1970; y < year; y++)
    days += 365 + ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
  return (time_t)days * 86400;
}

/* 情况说明: the narrative, a paragraph per row, wrapped in one wide column.
 * A1 holds the sheet's title, so readers never take it for a table. */
static void write_narrative(writer *w, const char *text) {
  lxw_worksheet *ws = workbook_add_worksheet(w->wb, "情况说明");
  if (!ws) {
    w->err = 1;
    return;
  }
  lxw_format *wrap = workbook_add_format(w->wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format *bold = workbook_add_format(w->wb);
  format_set_bold(bold);
  format_set_font_size(bold, 14);
  check(w, worksheet_set_column(ws, 0, 0, 110, wrap));
  check(w, worksheet_write_string(ws, 0, 0, "情况说明", bold));
  lxw_row_t r = 2;
  for (const char *p = text; *p && r < 60000;) {
    size_t n = strcspn(p, "\n");
    if (n) {
      char *line = strndup(p, n);
      if (!line) {
        w->err = 1;
        return;
      }
      check(w, worksheet_write_string(ws, r++, 0, line, wrap));
      free(line);
    }
    p += n + (p[n] == '\n');
  }
}

int ys_render_xlsx(const ys_tables *t, const char *dir, ys_errors *errs) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tables.xlsx", dir);
  /* libxlsxwriter reports a file it cannot create on stderr; find out
   * first, so the error is ours to report. */
  FILE *probe = fopen(path, "wb");
  if (!probe || fclose(probe)) {
    ys_errors_add(errs, YS_EIO, path, 0, 0, "无法写入文件");
    return YS_EIO;
  }
  char(*names)[128] = calloc(t->n + 1, sizeof *names);
  writer *w = calloc(1, sizeof *w);
  if (!names || !w) {
    free(names);
    free(w);
    return YS_ENOMEM;
  }
  snprintf(names[0], sizeof names[0], "目录");
  for (size_t i = 0; i < t->n; i++) sheet_name(t, i, names);

  lxw_workbook_options opt = {
      .constant_memory = 0, .tmpdir = NULL, .use_zip64 = 0};
  w->wb = workbook_new_opt(path, &opt);
  if (!w->wb) {
    free(names);
    free(w);
    ys_errors_add(errs, YS_ENOMEM, path, 0, 0, "无法创建工作簿");
    return YS_ENOMEM;
  }
  w->fc.wb = w->wb;
  char title[512];
  snprintf(title, sizeof title, "%s%d年部门预算公开报表",
           t->dept_name ? t->dept_name : "", t->year);
  lxw_doc_properties props = {0};
  props.title = title;
  props.author = "yusuan";
  props.created = year_start(t->year);
  check(w, workbook_set_properties(w->wb, &props));

  write_toc(w, t, names);
  if (t->narrative && *t->narrative) write_narrative(w, t->narrative);
  for (size_t i = 0; i < t->n; i++) write_table(w, &t->tables[i], names[i + 1]);

  int early = w->err;
  lxw_error e = workbook_close(w->wb);
  free(w->fc.items);
  free(names);
  free(w);
  if (early || e != LXW_NO_ERROR) {
    remove(path);
    ys_errors_add(errs, YS_EIO, path, 0, 0, "写入工作簿失败：%s",
                  lxw_strerror(early ? (lxw_error)early : e));
    return YS_EIO;
  }
  return YS_OK;
}
