/*
 * read_text.c - a text file as a document (doc.h).
 *
 * Text packages come from PDF converters in three shapes: laid out
 * (pdftotext -layout: columns kept by runs of spaces, pages split by form
 * feeds), tab-separated (a cell per tab field, empty cells kept), and
 * flowed (one or a few cells per line, single spaces between tokens). The
 * reader keeps what the text knows and invents nothing:
 *   - a form feed starts a page; every source line is a line of its page,
 *     blank lines included (they separate wrapped cells in flowed text);
 *   - a line with tabs is cut at every tab, each field a span on a regular
 *     grid of cells (x = field index), so empty cells stay empty columns;
 *   - any other line is cut at runs of two or more spaces (or an
 *     ideographic space between two words), and at a single space next to
 *     an amount (laid-out tables print "96,282,213.44 一、公共安全支出" when
 *     two columns nearly touch); x is the display column, a wide character
 *     two columns, each column COLW points wide.
 */
#include <stdlib.h>
#include <string.h>

#include "yusuan/doc.h"
#include "yusuan/text.h"

#define COLW 6.0f    /* points per display column */
#define LINEH 12.0f  /* points per line */
#define CELLW 120.0f /* points per tab field */

typedef struct tr {
  ys_doc *d;
  ys_errors *errs;
  const char *path;
  int page_line; /* line index within the current page */
  bool chars;    /* columns count characters, not display width */
} tr;

/* The width of text in columns: display width (a wide character two), or
 * characters (pdftotext -layout puts every character in one cell, wide
 * or not). */
static size_t width(const tr *r, const char *s, size_t n) {
  if (!r->chars) return ys_text_width(s, n);
  size_t w = 0;
  for (size_t i = 0; i < n; i++) w += ((unsigned char)s[i] & 0xC0) != 0x80;
  return w;
}

/* Is [s, s+n) an amount as tables print it: digits with a decimal part
 * (12.50) or thousands separators (1,234), maybe a sign or a trailing %
 * (not a bare year or code, and not a list number "1.")? */
static bool amountish(const char *s, size_t n) {
  size_t i = 0;
  if (i < n && (s[i] == '-' || s[i] == '+')) i++;
  if (n && s[n - 1] == '%') n--;
  size_t digits = 0, after_dot = 0, commas = 0;
  bool dot = false;
  for (; i < n; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits++;
      if (dot) after_dot++;
    } else if (c == ',' && !dot) {
      commas++;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits > 0 && (after_dot > 0 || commas > 0);
}

/* Length of the token (run of non-space bytes) starting at s. */
static size_t token_len(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] != ' ' && s[i] != '\t') i++;
  return i;
}

static bool ideo_space(const char *s, size_t n) {
  return n >= 3 && (unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80 &&
         (unsigned char)s[2] == 0x80;
}

static int add_span(tr *r, ys_line *l, const char *s, size_t n, size_t col,
                    int lineno) {
  const char *t = s;
  size_t tl = n;
  ys_text_trim(&t, &tl);
  if (!tl) return YS_OK;
  size_t lead = (size_t)(t - s);
  float x0 = (float)(col + width(r, s, lead)) * COLW;
  float w = (float)width(r, t, tl) * COLW;
  float y0 = (float)r->page_line * LINEH;
  ys_span *sp =
      ys_line_add_span(r->d, l, t, tl, (ys_box){x0, y0, x0 + w, y0 + LINEH});
  if (!sp) return YS_ENOMEM;
  sp->size = LINEH * 0.8f;
  sp->line = lineno;
  sp->col = (int)(col + width(r, s, lead)) + 1;
  return YS_OK;
}

static int tab_line(tr *r, ys_line *l, const char *s, size_t n, int lineno) {
  size_t field = 0, start = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i < n && s[i] != '\t') continue;
    const char *t = s + start;
    size_t tl = i - start;
    ys_text_trim(&t, &tl);
    if (tl) {
      float x0 = (float)field * CELLW, y0 = (float)r->page_line * LINEH;
      ys_span *sp = ys_line_add_span(
          r->d, l, t, tl, (ys_box){x0, y0, x0 + CELLW - 4, y0 + LINEH});
      if (!sp) return YS_ENOMEM;
      sp->size = LINEH * 0.8f;
      sp->line = lineno;
      sp->col = (int)field + 1;
    }
    field++;
    start = i + 1;
  }
  return YS_OK;
}

static int spaced_line(tr *r, ys_line *l, const char *s, size_t n, int lineno) {
  size_t start = 0, col = 0; /* display column of s[start] */
  size_t i = 0;
  while (i < n) {
    bool cut = false;
    size_t gap = 0;
    if (s[i] == ' ') {
      while (i + gap < n && s[i + gap] == ' ') gap++;
      if (gap >= 2 || i + gap >= n) {
        cut = true;
      } else {
        /* one space: a cut when a neighbour is an amount */
        size_t b = i;
        while (b > start && s[b - 1] != ' ') b--;
        size_t an = token_len(s + i + 1, n - i - 1);
        cut = amountish(s + b, i - b) || amountish(s + i + 1, an);
      }
    } else if (ideo_space(s + i, n - i) && i > start) {
      size_t k = i;
      while (k < n && ideo_space(s + k, n - k)) k += 3;
      gap = k - i;
      cut = k < n; /* trailing ideographic spaces are trimmed anyway */
    }
    if (!cut) {
      uint32_t cp;
      i += ys_utf8_decode(s + i, n - i, &cp);
      continue;
    }
    int rc = add_span(r, l, s + start, i - start, col, lineno);
    if (rc) return rc;
    col += width(r, s + start, i + gap - start);
    i += gap;
    start = i;
  }
  return add_span(r, l, s + start, n - start, col, lineno);
}

static int new_page(tr *r) {
  if (r->d->n >= YS_DOC_MAX_PAGES) {
    ys_errors_add(r->errs, YS_EINPUT, r->path, 0, 0,
                  "文档超过 %d 页（分页符），超出可处理的上限",
                  YS_DOC_MAX_PAGES);
    return YS_EINPUT;
  }
  if (!ys_doc_add_page(r->d, 0, 0)) return YS_ENOMEM;
  r->page_line = 0;
  return YS_OK;
}

/* Which column measure lines the amounts up: the right edges of the last
 * amount of lines that end in one fall on fewer distinct columns under the
 * measure the converter used. */
static bool count_chars(const char *data, size_t len) {
  enum { CAP = 4096 };
  static const size_t none = (size_t)-1;
  size_t ends_w[CAP], ends_c[CAP];
  size_t n = 0;
  tr probe = {NULL, NULL, NULL, 0, true};
  for (size_t i = 0; i < len && n < CAP;) {
    size_t e = i;
    while (e < len && data[e] != '\n' && data[e] != '\f') e++;
    size_t l = e - i;
    while (l && (data[i + l - 1] == ' ' || data[i + l - 1] == '\r')) l--;
    if (l > 0 && !memchr(data + i, '\t', l)) {
      size_t b = l;
      while (b > 0 && data[i + b - 1] != ' ') b--;
      if (amountish(data + i + b, l - b) && b > 0) {
        ends_w[n] = ys_text_width(data + i, l);
        probe.chars = true;
        ends_c[n] = width(&probe, data + i, l);
        n++;
      }
    }
    i = e + 1;
  }
  if (n < 8) return false;
  /* distinct end columns, each within one column of another */
  size_t dw = 0, dc = 0;
  for (size_t k = 0; k < n; k++) {
    bool sw = false, sc = false;
    for (size_t j = 0; j < k; j++) {
      if (ends_w[j] != none && (ends_w[j] + 1 >= ends_w[k]) &&
          (ends_w[k] + 1 >= ends_w[j]))
        sw = true;
      if ((ends_c[j] + 1 >= ends_c[k]) && (ends_c[k] + 1 >= ends_c[j]))
        sc = true;
    }
    dw += !sw;
    dc += !sc;
  }
  return dc < dw;
}

int ys_doc_read_text(ys_doc **out, const char *path, const char *data,
                     size_t len, ys_errors *errs) {
  *out = NULL;
  if (!ys_text_valid_utf8(data, len)) {
    ys_errors_add(errs, YS_EINPUT, path, 0, 0,
                  "文件不是 UTF-8 编码的文本（如为 GBK 编码，请先转换为 "
                  "UTF-8）");
    return YS_EINPUT;
  }
  ys_doc *d = ys_doc_new(path, YS_DOC_TEXT);
  if (!d) return YS_ENOMEM;
  tr r = {d, errs, path, 0, count_chars(data, len)};
  int rc = new_page(&r);
  size_t i = 0;
  if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) i = 3;
  int lineno = 0;
  while (rc == YS_OK && i < len) {
    size_t e = i;
    while (e < len && data[e] != '\n' && data[e] != '\f') e++;
    lineno += 1;
    size_t n = e - i;
    if (n && data[i + n - 1] == '\r') n--;
    ys_line *l = ys_doc_add_line(d);
    if (!l) {
      rc = YS_ENOMEM;
      break;
    }
    rc = memchr(data + i, '\t', n) ? tab_line(&r, l, data + i, n, lineno)
                                   : spaced_line(&r, l, data + i, n, lineno);
    if (rc == YS_ENOMEM && d->n_spans >= YS_DOC_MAX_SPANS) {
      ys_errors_add(errs, YS_EINPUT, path, lineno, 0,
                    "文档的文字块超过 %d 个，超出可处理的上限",
                    YS_DOC_MAX_SPANS);
      rc = YS_EINPUT;
    }
    r.page_line++;
    if (e < len && data[e] == '\f') {
      /* a form feed ends the page; the line it ends goes on (pdftotext
       * puts it at the start of the next page's first line) */
      lineno--;
      if (rc == YS_OK) rc = new_page(&r);
    }
    i = e + 1;
  }
  if (rc) {
    ys_doc_free(d);
    return rc;
  }
  d->synthetic = true;
  *out = d;
  return YS_OK;
}
