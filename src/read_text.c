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
 *     two columns, each column COLW points wide;
 *   - a web page's table pasted as text puts one cell per line with "|"
 *     marks (one cell per line ending in "|", a lone "|" between rows; or
 *     a lone "|" between cells, two for an empty one): such a block is
 *     laid out as tab-separated rows (pipe_block below);
 *   - or with no marks at all, a blank line between cells (cell_block):
 *     its columns are the distance between its row labels.
 */
#include <stdint.h>
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
  /* cell_block's scan of a run of cells one per line: a table found in it
   * starts at byte cb_at; no table starts before byte cb_none */
  size_t cb_at, cb_none;
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

/* A row of a ruled text table, as a table renderer (yusuan's tables.txt,
 * pandoc, psql) or a Markdown editor writes it: "| 项目 | 预算数 |", three
 * bars at least. */
static bool ruled_row(const char *s, size_t n) {
  ys_text_trim(&s, &n);
  if (n < 3 || s[0] != '|' || s[n - 1] != '|') return false;
  size_t bars = 0;
  for (size_t i = 0; i < n; i++) bars += s[i] == '|';
  return bars >= 3;
}

/* A rule between rows: "+----+====+", "|----|:---:|". */
static bool rule_line(const char *s, size_t n) {
  ys_text_trim(&s, &n);
  if (n < 3 || (s[0] != '+' && s[0] != '|')) return false;
  bool dash = false;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '-' || s[i] == '=')
      dash = true;
    else if (s[i] != '+' && s[i] != '|' && s[i] != ':' && s[i] != ' ')
      return false;
  }
  return dash;
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

/* With few amounts at line ends (a yearbook page, prose in two columns):
 * which measure puts the words that follow a gap with wide characters
 * before them on their line at the columns where words start on lines
 * with no wide character before them (the same in either measure: a
 * column's left edge, a row of figures), exactly: a near miss is what
 * the wrong measure gives. Display width when it cannot be told. */
static bool starts_in_chars(const char *data, size_t len) {
  enum { CAP = 4096, COLS = 1024 };
  /* how many plain lines start a word at each column; the columns of the
   * words after wide characters, in either measure (columns past COLS
   * are no columns of a page) */
  unsigned char seen[COLS] = {0};
  uint16_t sw[CAP], sc[CAP];
  size_t n = 0;
  for (size_t i = 0; i < len && n < CAP;) {
    size_t e = i;
    while (e < len && data[e] != '\n' && data[e] != '\f') e++;
    bool wide = false;
    size_t cw = 0, cc = 0; /* columns before k: display, characters */
    for (size_t k = i; k < e && n < CAP;) {
      bool start = data[k] != ' ' && k > i && data[k - 1] == ' ' &&
                   (k == i + 1 || data[k - 2] == ' ');
      if (start && !wide && cw < COLS && seen[cw] < 2) seen[cw]++;
      if (start && wide && cw < COLS) {
        sw[n] = (uint16_t)cw;
        sc[n] = (uint16_t)cc;
        n++;
      }
      uint32_t cp;
      size_t step = ys_utf8_decode(data + k, e - k, &cp);
      size_t w = ys_text_width(data + k, step);
      if (w > 1) wide = true;
      cw += w;
      cc += 1;
      k += step ? step : 1;
    }
    i = e + 1;
  }
  /* a column is a start that recurs; an exact hit only (a near miss is
   * what the wrong measure gives) */
  size_t hw = 0, hc = 0;
  for (size_t k = 0; k < n; k++) {
    hw += sw[k] < COLS && seen[sw[k]] >= 2;
    hc += sc[k] < COLS && seen[sc[k]] >= 2;
  }
  return hc >= 3 && hc > 2 * hw;
}

/* Which column measure lines the amounts up: the right edges of the last
 * amount of lines that end in one fall on fewer distinct columns under the
 * measure the converter used. */
static bool count_chars(const char *data, size_t len) {
  enum { CAP = 4096 };
  static const size_t none = (size_t)-1;
  size_t ends_w[CAP], ends_c[CAP];
  size_t n = 0;
  tr probe = {NULL, NULL, NULL, 0, true, 0, 0};
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
  if (n < 8) return starts_in_chars(data, len);
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

/* --- tables pasted from web pages: one cell per line with "|" -------- */

typedef struct pline {
  const char *s;
  size_t n;  /* trimmed, without a final "|" */
  bool bar;  /* a lone "|" */
  bool ends; /* text ending in "|" */
  int lineno;
} pline;

static bool numeric_cell(const char *s, size_t n) {
  size_t digits = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9')
      digits++;
    else if (c != '.' && c != ',' && c != '-' && c != '%' && c != ' ')
      return false;
  }
  return digits > 0;
}

/* A line of a pasted table: a lone "|", or a short cell (no sentence in
 * it) with or without a final "|". */
static bool pipe_line(const char *s, size_t n, pline *out) {
  ys_text_trim(&s, &n);
  memset(out, 0, sizeof *out);
  if (n == 1 && *s == '|') {
    out->bar = true;
    return true;
  }
  if (n && s[n - 1] == '|') {
    out->ends = true;
    n--;
    ys_text_trim(&s, &n);
  }
  if (n > 90 || memchr(s, '|', n)) return false;
  static const char *const stops[] = {"。", "，", "；"};
  for (size_t i = 0; i < 3; i++)
    for (size_t j = 0; j + 3 <= n; j++)
      if (!memcmp(s + j, stops[i], 3)) return false;
  out->s = s;
  out->n = n;
  return true;
}

/* Lays cells out as grid rows of ncols (the first `first_row` cells a
 * header row of their own), ruled like an HTML table (ys_doc_add_grid):
 * every row stays a row, an empty cell an empty cell. */
typedef struct gbuf {
  ys_grid_cell *v;
  size_t n, cap;
  int row;
} gbuf;

static int grid_row(gbuf *g, const pline *cells, size_t n) {
  if (g->n + n > g->cap) {
    size_t cap = g->cap ? g->cap * 2 : 64;
    while (cap < g->n + n) cap *= 2;
    ys_grid_cell *w = realloc(g->v, cap * sizeof *w);
    if (!w) return YS_ENOMEM;
    g->v = w;
    g->cap = cap;
  }
  for (size_t k = 0; k < n; k++)
    g->v[g->n++] = (ys_grid_cell){cells[k].s ? cells[k].s : "",
                                  cells[k].n,
                                  g->row,
                                  (int)k,
                                  1,
                                  1,
                                  cells[k].lineno,
                                  0};
  g->row++;
  return YS_OK;
}

static int emit_grid(tr *r, gbuf *g) {
  int rc = ys_doc_add_grid(r->d, g->v, g->n);
  /* the text after the table goes below it */
  ys_page *p = &r->d->pages[r->d->n - 1];
  float bottom = 0;
  for (size_t i = 0; i < p->n_rules; i++)
    if (p->rules[i].y1 > bottom) bottom = p->rules[i].y1;
  int next = (int)(bottom / LINEH) + 3;
  if (next > r->page_line) r->page_line = next;
  return rc;
}

/* A ruled text table (ruled_row lines, rule_line rules) read as the grid
 * it draws, so that its figures are table cells, never prose:
 * - columns: the display columns (a wide character two, as a monospace
 *   renderer pads) of every bar and "+" of the block; a cell between bars
 *   spans the columns between them. Rows that disagree on positions but
 *   agree on the number of bars (Markdown, unaligned) use the bars' order;
 * - rows: in the header (before the first "=" rule, or the rule after the
 *   first row) the lines between two rules are one row, a cell broken over
 *   them joined, and a cell whose rule below is blank continues into the
 *   row below (a row span); in the body each line is a row unless rules
 *   separate them (pandoc grid tables).
 * Hand-written because no library reads these: libcsv and gumbo take
 * other syntaxes. */
typedef struct bcell {
  size_t x0, x1; /* display columns of the bars around it */
  char *text;
  size_t len;
  int row, line, rows;
  bool open; /* its rule below is blank: it goes on in the next row */
} bcell;

typedef struct bline {
  const char *s;
  size_t n;
  bool rule;
  int lineno;
} bline;

/* The display columns of a line's bars (and "+" of a rule). */
static size_t bar_cols(const char *s, size_t n, size_t *out, size_t max) {
  size_t k = 0, col = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t l = ys_utf8_decode(s + i, n - i, &cp);
    if ((s[i] == '|' || s[i] == '+') && k < max) out[k++] = col;
    col += ys_text_width(s + i, l);
    i += l;
  }
  return k;
}

/* The rule under [x0, x1): blank there (no dash) when the cell above goes
 * on below it. */
static bool rule_blank(const bline *rl, size_t x0, size_t x1) {
  size_t col = 0;
  for (size_t i = 0; i < rl->n;) {
    uint32_t cp;
    size_t l = ys_utf8_decode(rl->s + i, rl->n - i, &cp);
    if (col > x0 && col < x1 && (rl->s[i] == '-' || rl->s[i] == '='))
      return false;
    col += ys_text_width(rl->s + i, l);
    i += l;
  }
  return col > x0; /* a rule that stops short does not close it either */
}

static int bcell_append(bcell *c, const char *t, size_t n) {
  if (!n) return YS_OK;
  bool glue = !c->len || ((unsigned char)c->text[c->len - 1] >= 0x80 &&
                          (unsigned char)*t >= 0x80);
  char *w = realloc(c->text, c->len + n + 2);
  if (!w) return YS_ENOMEM;
  c->text = w;
  if (!glue) c->text[c->len++] = ' ';
  memcpy(c->text + c->len, t, n);
  c->len += n;
  c->text[c->len] = '\0';
  return YS_OK;
}

enum { BOX_MAXB = 256 }; /* bars on a line, columns of a block */

/* The block's column boundaries: every bar's display column, sorted and
 * unique; or, when rows agree on the number of bars but not on their
 * places (Markdown, unaligned), the bars' order (*by_order). YS_EINPUT when
 * there are more than BOX_MAXB. */
static int box_columns(const bline *v, size_t n, size_t *ref, size_t *nref,
                       bool *by_order) {
  size_t pos[BOX_MAXB], first[BOX_MAXB], bars = 0;
  bool same_count = true, aligned = true;
  for (size_t k = 0; k < n; k++) {
    if (v[k].rule) continue;
    size_t nb = bar_cols(v[k].s, v[k].n, pos, BOX_MAXB);
    if (!bars) {
      bars = nb;
      memcpy(first, pos, nb * sizeof *pos);
    } else {
      same_count = same_count && nb == bars;
      if (nb == bars)
        aligned = aligned && !memcmp(first, pos, nb * sizeof *pos);
    }
  }
  *by_order = same_count && !aligned;
  *nref = 0;
  if (*by_order) {
    for (size_t k = 0; k < bars; k++) ref[(*nref)++] = k;
    return YS_OK;
  }
  for (size_t k = 0; k < n; k++) {
    size_t nb = bar_cols(v[k].s, v[k].n, pos, BOX_MAXB);
    for (size_t b = 0; b < nb; b++) {
      size_t at = 0;
      while (at < *nref && ref[at] < pos[b]) at++;
      if (at < *nref && ref[at] == pos[b]) continue;
      if (*nref == BOX_MAXB) return YS_EINPUT;
      memmove(ref + at + 1, ref + at, (*nref - at) * sizeof *ref);
      ref[at] = pos[b];
      (*nref)++;
    }
  }
  return YS_OK;
}

/* The block's cells, each with the display columns of its bars, its row
 * and its row span (box_emit has the rules). */
static int box_cells(const bline *v, size_t n, bool by_order, bcell **out,
                     size_t *nout, int *nrows) {
  /* the header ends at the first "=" rule, else at the first rule after a
   * row; body rows are lines unless a rule separates two body rows */
  size_t head_end = n, first_row = n;
  for (size_t k = 0; k < n; k++)
    if (!v[k].rule && first_row == n) first_row = k;
  for (size_t k = 0; k < n && head_end == n; k++)
    if (v[k].rule && memchr(v[k].s, '=', v[k].n)) head_end = k;
  for (size_t k = first_row; k < n && head_end == n; k++)
    if (v[k].rule) head_end = k;
  bool body_rules = false;
  for (size_t k = head_end + 1; k + 1 < n; k++)
    body_rules = body_rules || (v[k].rule && !v[k - 1].rule);
  bcell *cells = NULL;
  size_t nc = 0, cap = 0;
  size_t above = 0, here = 0; /* first cells of the row above, of this row */
  int rc = YS_OK, row = -1;
  bool new_row = true;
  for (size_t k = 0; k < n && rc == YS_OK; k++) {
    bool head = k < head_end;
    if (v[k].rule) {
      /* cells of the row above whose rule is blank go on below */
      for (size_t c = here; c < nc; c++)
        cells[c].open = head && rule_blank(&v[k], cells[c].x0, cells[c].x1);
      new_row = true;
      continue;
    }
    if (new_row || (!head && !body_rules)) {
      row++;
      new_row = false;
      above = here;
      here = nc;
    }
    size_t pos[BOX_MAXB];
    size_t nb = bar_cols(v[k].s, v[k].n, pos, BOX_MAXB);
    if (by_order)
      for (size_t b = 0; b < nb; b++) pos[b] = b;
    /* the cells of this line: text between consecutive bars */
    size_t b = 0;
    for (size_t i = 0; i < v[k].n && rc == YS_OK;) {
      if (v[k].s[i] != '|') {
        uint32_t cp;
        i += ys_utf8_decode(v[k].s + i, v[k].n - i, &cp);
        continue;
      }
      if (b + 1 >= nb) break;
      size_t j = i + 1;
      while (j < v[k].n && v[k].s[j] != '|') j++;
      const char *t = v[k].s + i + 1;
      size_t tn = j - i - 1;
      while (tn && *t == ' ') t++, tn--;
      while (tn && t[tn - 1] == ' ') tn--;
      size_t x0 = pos[b], x1 = pos[b + 1];
      b++;
      i = j;
      /* the same cell on a later line of this row, or a cell of the row
       * above that goes on here */
      bcell *into = NULL;
      for (size_t c = above; c < nc && !into; c++)
        if (cells[c].x0 == x0 && cells[c].x1 == x1 &&
            (cells[c].row == row || cells[c].open))
          into = &cells[c];
      if (into && into->row != row) {
        into->rows = row - into->row + 1;
        into->open = false;
      }
      if (!into) {
        if (nc == cap) {
          size_t cap2 = cap ? cap * 2 : 64;
          bcell *w = realloc(cells, cap2 * sizeof *w);
          if (!w) {
            rc = YS_ENOMEM;
            break;
          }
          cells = w;
          cap = cap2;
        }
        into = &cells[nc++];
        *into = (bcell){x0, x1, NULL, 0, row, v[k].lineno, 1, false};
      }
      rc = bcell_append(into, t, tn);
    }
  }
  *out = cells;
  *nout = nc;
  *nrows = row + 1;
  return rc;
}

static int box_emit(tr *r, bline *v, size_t n) {
  size_t ref[BOX_MAXB], nref = 0;
  bool by_order = false;
  int rc = box_columns(v, n, ref, &nref, &by_order);
  if (rc) return rc;
  bcell *cells = NULL;
  size_t nc = 0;
  int rows = 0;
  rc = box_cells(v, n, by_order, &cells, &nc, &rows);
  ys_grid_cell *g = rc ? NULL : malloc((nc + 1) * sizeof *g);
  if (!rc && !g) rc = YS_ENOMEM;
  if (g) {
    /* each cell over the columns between its bars */
    size_t ng = 0;
    for (size_t c = 0; c < nc; c++) {
      size_t i0 = 0, i1 = 0;
      while (i0 < nref && ref[i0] < cells[c].x0) i0++;
      while (i1 < nref && ref[i1] < cells[c].x1) i1++;
      if (i1 <= i0) continue;
      g[ng++] = (ys_grid_cell){cells[c].text ? cells[c].text : "",
                               cells[c].len,
                               cells[c].row,
                               (int)i0,
                               cells[c].rows,
                               (int)(i1 - i0),
                               cells[c].line,
                               0};
    }
    gbuf gb = {g, ng, ng, rows};
    rc = emit_grid(r, &gb);
    free(g);
  }
  for (size_t c = 0; c < nc; c++) free(cells[c].text);
  free(cells);
  return rc;
}

/* A block of ruled_row / rule_line lines from `from`: read as one grid
 * (box_emit) when it holds two rows at least. */
static int box_block(tr *r, const char *data, size_t len, size_t from,
                     int lineno, size_t *used, size_t *lines) {
  *used = *lines = 0;
  bline *v = NULL;
  size_t n = 0, cap = 0, rows = 0, end = from;
  for (size_t i = from; i < len;) {
    size_t e = i;
    while (e < len && data[e] != '\n' && data[e] != '\f') e++;
    size_t ln = e - i;
    if (ln && data[i + ln - 1] == '\r') ln--;
    bool rule = rule_line(data + i, ln);
    if (!rule && !ruled_row(data + i, ln)) break;
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      bline *w = realloc(v, cap * sizeof *w);
      if (!w) {
        free(v);
        return YS_ENOMEM;
      }
      v = w;
    }
    v[n] = (bline){data + i, ln, rule, lineno + (int)n};
    n++;
    rows += !rule;
    end = e;
    if (e >= len || data[e] == '\f') break;
    i = e + 1;
  }
  /* a table draws rules, or keeps one number of bars on every row (a
   * Markdown table without its rule); rows of varying bars are cells
   * flowing over lines (a web table copied out), which pipe_block reads */
  bool rules = false, same = true;
  size_t bars0 = 0;
  for (size_t k = 0; k < n; k++) {
    if (v[k].rule) {
      rules = true;
      continue;
    }
    size_t b = 0;
    for (size_t i = 0; i < v[k].n; i++) b += v[k].s[i] == '|';
    if (!bars0) bars0 = b;
    same = same && b == bars0;
  }
  int rc = YS_OK;
  if (rows >= 2 && (rules || same)) {
    rc = box_emit(r, v, n);
    if (rc == YS_EINPUT) {
      rc = YS_OK; /* too many columns for a grid: read as lines */
    } else if (rc == YS_OK) {
      *used = end - from;
      *lines = n;
    }
  }
  free(v);
  return rc;
}

/* A figure cell of such a table: a number, or a dash for none. */
static bool figure_cell(const pline *c) {
  return numeric_cell(c->s, c->n) || (c->n == 1 && *c->s == '-') ||
         (c->n == 3 && (!memcmp(c->s, "—", 3) || !memcmp(c->s, "－", 3)));
}

/* A table whose cells come one after another (one a line): its columns
 * are the commonest distance between row labels after the first figure;
 * its rows, from the first row's label on, a label and ncols - 1 figures
 * each while they keep that width. */
typedef struct stream {
  size_t row0;  /* the first row's label */
  size_t ncols; /* label and figures */
  size_t end;   /* the cell after the last row */
} stream;

/* The rows of cells v[0..n) (how many; 0 none). */
static size_t stream_rows(const pline *v, size_t n, stream *sl) {
  size_t firstnum = n, ncols = 0, votes[64] = {0}, last = 0;
  for (size_t k = 0; k < n && firstnum == n; k++)
    if (figure_cell(&v[k])) firstnum = k;
  for (size_t k = firstnum + 1; k < n; k++) {
    if (figure_cell(&v[k])) continue;
    if (last && k - last < 64) votes[k - last]++;
    last = k;
  }
  for (size_t d = 2; d < 64; d++)
    if (votes[d] > votes[ncols]) ncols = d;
  size_t row0 = firstnum >= 1 ? firstnum - 1 : 0, nrows = 0, k = row0;
  while (ncols && firstnum < n && k + ncols <= n && !figure_cell(&v[k])) {
    bool ok = true;
    for (size_t c = 1; c < ncols && ok; c++) ok = figure_cell(&v[k + c]);
    if (!ok) break;
    nrows++;
    k += ncols;
  }
  sl->row0 = firstnum < n ? row0 : 0;
  sl->ncols = ncols;
  sl->end = k;
  return firstnum < n ? nrows : 0;
}

/* Lays out the header v[start..row0) and the rows of sl as a grid. */
static int stream_emit(tr *r, const pline *v, size_t start, const stream *sl) {
  gbuf g = {NULL, 0, 0, 0};
  int rc = YS_OK;
  /* a header of twice the row's cells ("收入 | 执行数 | 决算数 | 支出 | 执行数
   * | 决算数"): two panels side by side, copied row by row alternately —
   * each printed row is two rows of the stream */
  size_t nrows = (sl->end - sl->row0) / sl->ncols;
  size_t per = sl->row0 - start == 2 * sl->ncols && nrows >= 2 ? 2 : 1;
  if (sl->row0 > start) rc = grid_row(&g, v + start, sl->row0 - start);
  /* (a last row of the left panel alone: the right one ended first) */
  for (size_t q = sl->row0; q < sl->end && rc == YS_OK; q += per * sl->ncols)
    rc = grid_row(&g, v + q,
                  q + per * sl->ncols <= sl->end ? per * sl->ncols : sl->ncols);
  if (rc == YS_OK) rc = emit_grid(r, &g);
  free(g.v);
  return rc;
}

/* The lines of a pasted table (pipe_block): as pipe_line reads them, how
 * many mark rows with a lone "|" (bars) and end cells with one (ends), and
 * where the kept lines end in the source. */
typedef struct pblock {
  pline *v; /* malloc'd */
  size_t n, bars, ends, end;
} pblock;

/* Reads the lines of a pasted table from `from` on, up to a blank line,
 * and keeps them up to the last "|". */
static int pipe_lines(const char *data, size_t len, size_t from, int lineno,
                      pblock *b) {
  size_t cap = 64, n = 0, bars = 0, ends = 0;
  pline *v = malloc(cap * sizeof *v);
  if (!v) return YS_ENOMEM;
  size_t i = from, end = from;
  while (i < len) {
    size_t e = i;
    while (e < len && data[e] != '\n' && data[e] != '\f') e++;
    pline p;
    if (!pipe_line(data + i, e - i, &p)) break;
    if (!p.bar && !p.n && !p.ends) break; /* a blank line ends it */
    p.lineno = lineno + (int)n;
    if (n == cap) {
      cap *= 2;
      pline *w = realloc(v, cap * sizeof *w);
      if (!w) {
        free(v);
        return YS_ENOMEM;
      }
      v = w;
    }
    v[n++] = p;
    bars += p.bar;
    ends += p.ends;
    end = e;
    if (e >= len || data[e] == '\f') break;
    i = e + 1;
  }
  /* the block ends at its last "|": a line after it (a heading, "二、…
   * 情况说明") is the text again */
  while (n && !v[n - 1].bar && !v[n - 1].ends) n--;
  if (n) {
    /* where the kept lines end in the source */
    size_t k = 0, p = from;
    for (; p < len && k < n; p++)
      if (data[p] == '\n') k++;
    end = p ? p - 1 : p;
  }
  *b = (pblock){v, n, bars, ends, end};
  return YS_OK;
}

/* Every cell ends in "|" and no row is marked: the cells as a stream. */
static int pipe_stream(tr *r, const pblock *b, const char *data, size_t len,
                       size_t from, size_t *used, size_t *lines) {
  int rc = YS_OK;
  /* every cell ends in "|", no row marked: the cells are a stream, its
   * rows as long as they keep one width (a table of another width after
   * it is the next block) */
  stream sl;
  if (stream_rows(b->v, b->n, &sl) >= 2) {
    rc = stream_emit(r, b->v, 0, &sl);
    size_t k = 0, p = from;
    for (; p < len && k < sl.end; p++)
      if (data[p] == '\n') k++;
    *used = (p ? p - 1 : p) - from;
    *lines = sl.end;
  }
  return rc;
}

/* Cells end in "|" and a lone "|" parts the rows: the rows as printed. */
static int pipe_rows(tr *r, const pblock *b, pline *cells, size_t from,
                     size_t *used, size_t *lines) {
  const pline *v = b->v;
  size_t n = b->n, nc = 0;
  int rc = YS_OK;
  /* cells end in "|", a lone "|" between rows: rows as printed */
  size_t row0 = 0;
  gbuf g = {NULL, 0, 0, 0};
  for (size_t k = 0; k <= n && rc == YS_OK; k++) {
    if (k < n && !v[k].bar) {
      cells[nc++] = v[k];
      continue;
    }
    if (nc > row0) rc = grid_row(&g, cells + row0, nc - row0);
    row0 = nc;
  }
  if (rc == YS_OK && g.row >= 2) {
    rc = emit_grid(r, &g);
    *used = b->end - from;
    *lines = n;
  }
  free(g.v);
  return rc;
}

/* A lone "|" parts the cells: the rows as long as the distance between
 * their labels, after a header of the cells before the first row. */
static int pipe_cells(tr *r, const pblock *b, pline *cells, size_t from,
                      size_t *used, size_t *lines) {
  const pline *v = b->v;
  size_t n = b->n, nc = 0, ncols = 0, first_row = 0;
  int rc = YS_OK;
  /* a lone "|" between cells; two together leave an empty cell */
  bool open = true; /* a cell may start */
  for (size_t k = 0; k < n; k++) {
    if (v[k].bar) {
      if (open) cells[nc++] = (pline){"", 0, false, false, v[k].lineno};
      open = true;
      continue;
    }
    cells[nc++] = v[k];
    open = false;
  }
  /* the columns: the distance between the row labels after the first
   * number; the header, the cells before the first row */
  size_t firstnum = nc;
  for (size_t k = 0; k < nc && firstnum == nc; k++)
    if (numeric_cell(cells[k].s, cells[k].n)) firstnum = k;
  size_t last = 0, votes[64] = {0};
  for (size_t k = firstnum + 1; k < nc; k++) {
    if (!cells[k].n || numeric_cell(cells[k].s, cells[k].n)) continue;
    if (last && k - last < 64) votes[k - last]++;
    last = k;
  }
  for (size_t d = 1; d < 64; d++)
    if (votes[d] > votes[ncols]) ncols = d;
  if (!ncols || firstnum == nc) ncols = 0;
  first_row = ncols && firstnum >= 1 ? firstnum - 1 : 0;
  if (ncols >= 2) {
    gbuf g = {NULL, 0, 0, 0};
    size_t k = 0;
    if (first_row) {
      rc = grid_row(&g, cells, first_row);
      k = first_row;
    }
    for (; k < nc && rc == YS_OK; k += ncols)
      rc = grid_row(&g, cells + k, nc - k < ncols ? nc - k : ncols);
    if (rc == YS_OK) rc = emit_grid(r, &g);
    free(g.v);
    *used = b->end - from;
    *lines = n;
  }
  return rc;
}

/* A pasted table from line `from` on: the number of source lines it takes
 * (0: none here), its rows emitted. */
static int pipe_block(tr *r, const char *data, size_t len, size_t from,
                      int lineno, size_t *used, size_t *lines) {
  *used = *lines = 0;
  pblock b;
  if (pipe_lines(data, len, from, lineno, &b)) return YS_ENOMEM;
  if (b.n < 6 || (b.bars < 3 && b.ends < 3)) {
    free(b.v);
    return YS_OK;
  }
  /* the cells, in order */
  pline *cells = malloc((b.n + 1) * sizeof *cells);
  if (!cells) {
    free(b.v);
    return YS_ENOMEM;
  }
  int rc;
  if (!b.bars)
    rc = pipe_stream(r, &b, data, len, from, used, lines);
  else if (b.ends >= b.bars)
    rc = pipe_rows(r, &b, cells, from, used, lines);
  else
    rc = pipe_cells(r, &b, cells, from, used, lines);
  free(cells);
  free(b.v);
  return rc;
}

/* --- tables pasted as one cell per line, a blank line between --------- */

/* A table a web page's copy lays out one cell per line with a blank line
 * between ("项目" / "" / "预算数" / "" / "合计" / "" / "444.16" / …): the
 * cells from line `from` on while they alternate with blank lines. Its
 * columns are the commonest distance between row labels after the first
 * figure; its header the cells of one row before the first row's label
 * (the title and unit lines above stay lines of text, for the table finder
 * to see); its rows, label and figures, as long as they keep that width.
 * *lines (source lines taken) is 0 when no table starts here. */
static int cell_block(tr *r, const char *data, size_t len, size_t from,
                      int lineno, size_t *used, size_t *lines) {
  *used = *lines = 0;
  if (from < r->cb_none && from != r->cb_at) return YS_OK;
  size_t cap = 64, n = 0;
  pline *v = malloc(cap * sizeof *v);
  size_t *at = malloc(cap * sizeof *at); /* byte offset of each cell */
  if (!v || !at) {
    free(v);
    free(at);
    return YS_ENOMEM;
  }
  size_t i = from, stream_end = from;
  for (int ln = lineno; i < len;) {
    size_t e = i;
    while (e < len && data[e] != '\n' && data[e] != '\f') e++;
    pline p;
    if (!pipe_line(data + i, e - i, &p) || p.bar || p.ends || !p.n) break;
    /* the next line blank, and a cell or the end after it */
    size_t b = e + 1, be = b;
    while (be < len && data[be] != '\n' && data[be] != '\f') be++;
    const char *bs = data + (b < len ? b : len);
    size_t bn = be > b ? be - b : 0;
    ys_text_trim(&bs, &bn);
    if (e >= len || data[e] == '\f' || bn || be >= len || data[be] == '\f')
      break;
    if (n == cap) {
      cap *= 2;
      pline *w = realloc(v, cap * sizeof *w);
      size_t *wa = w ? realloc(at, cap * sizeof *wa) : NULL;
      if (w) v = w;
      if (wa) at = wa;
      if (!w || !wa) {
        free(v);
        free(at);
        return YS_ENOMEM;
      }
    }
    p.lineno = ln;
    at[n] = i;
    v[n++] = p;
    ln += 2;
    i = be + 1;
    stream_end = i;
  }
  stream sl;
  int rc = YS_OK;
  size_t nrows = stream_rows(v, n, &sl), row0 = sl.row0, ncols = sl.ncols,
         k = sl.end;
  size_t start = row0 > ncols ? row0 - ncols : 0;
  /* a header that repeats its columns ("收入 执行数 决算数 支出 执行数
   * 决算数"): two panels side by side, whose header is twice the row's cells */
  if (ncols >= 2 && row0 >= 2 * ncols) {
    bool twice = true;
    for (size_t c = 1; c < ncols && twice; c++) {
      const pline *a = &v[row0 - 2 * ncols + c], *b = &v[row0 - ncols + c];
      twice = a->n == b->n && !memcmp(a->s, b->s, a->n);
    }
    if (twice) start = row0 - 2 * ncols;
  }
  if (nrows < 2 || !row0) {
    r->cb_none = stream_end; /* nothing in this run: not again */
  } else if (start > 0 && at[start] != from) {
    r->cb_at = at[start]; /* the table starts at its header, further on */
    r->cb_none = at[start];
  } else {
    rc = stream_emit(r, v, start, &sl);
    /* the source taken: up to the end of the last row's cell */
    size_t e = at[k - 1];
    while (e < len && data[e] != '\n' && data[e] != '\f') e++;
    *used = e - from;
    *lines = (size_t)(v[k - 1].lineno - lineno) + 1;
    r->cb_none = 0;
    r->cb_at = 0;
  }
  free(v);
  free(at);
  return rc;
}

/* A reader of a block of lines from byte `from`: *lines of them (0: not
 * its block) taking *used bytes. */
typedef int (*block_reader)(tr *r, const char *data, size_t len, size_t from,
                            int lineno, size_t *used, size_t *lines);

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
  tr r = {d, errs, path, 0, count_chars(data, len), 0, 0};
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
    /* a pasted table starts at a line with "|", or at the cell before a
     * lone "|" */
    size_t ne = e < len ? e + 1 : e, nn = 0;
    while (ne + nn < len && data[ne + nn] != '\n' && data[ne + nn] != '\f')
      nn++;
    const char *nx = data + ne;
    size_t nl = nn;
    ys_text_trim(&nx, &nl);
    /* the block readers that may start here, tried in turn: a ruled
     * table, else a pasted one (a "|" here or a lone "|" next) or a run of
     * cells one a line (a line before a blank one) */
    block_reader tries[2];
    size_t nt = 0;
    if (rule_line(data + i, n) || ruled_row(data + i, n))
      tries[nt++] = box_block;
    if (memchr(data + i, '|', n) || (nl == 1 && *nx == '|'))
      tries[nt++] = pipe_block;
    else if (n && !nl)
      tries[nt++] = cell_block;
    bool taken = false;
    for (size_t k = 0; k < nt && rc == YS_OK && !taken; k++) {
      size_t used, lines;
      rc = tries[k](&r, data, len, i, lineno, &used, &lines);
      if (rc == YS_OK && lines) {
        lineno += (int)lines - 1;
        i += used + 1;
        taken = true;
      }
    }
    if (rc) break;
    if (taken) continue;
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
