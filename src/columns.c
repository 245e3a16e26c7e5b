/*
 * columns.c - the reading order of text set in two columns.
 *
 * Yearbooks, gazettes and some bureau reports set their pages in two
 * columns. A converter (pdftotext -layout, or the PDF reader's lines) then
 * gives lines that hold a line of the left column and a line of the right
 * one side by side, and the narrative read line by line interleaves two
 * texts: "执行结果:完成一般公共预算收入" of the left column is followed by the
 * right column's next line, and its figure "29.56 亿元" comes from the top
 * of the right column. This pass finds such blocks on the document model
 * and puts their text lines in reading order: the left column, then the
 * right.
 *
 * A block is found by its gutter, not by the page's width: a position S
 * where prose starts on several lines (the right column's left edge, the
 * same on every line of a justified column), with prose to its left on
 * several of them, and no span across S. A table beside the text or an
 * indented line is no block: the right-hand side must be prose (eight
 * characters or more, some Chinese: words, not a column of figures), and
 * so must the left. (A list set in two columns of "名称 金额" entries is
 * read column by column too, which keeps each entry whole.)
 */
#include <stdlib.h>
#include <string.h>

#include "layout.h"

/* Positions are compared in bins of half a wide character of a text file
 * (6 points), a tolerance of one bin either way. */
#define BIN 6.0f

/* Where a span is, in bins. A text file's converter pads with spaces
 * counting either display width or characters (pdftotext counts a wide
 * character as one); the reader lays spans out by one measure, so when
 * chars is set the other is taken: each wide character before a span moves
 * it one bin left. */
typedef struct measure {
  bool chars;
} measure;

static size_t nchars(const char *t) {
  size_t c = 0;
  for (const unsigned char *p = (const unsigned char *)t; *p; p++)
    c += (*p & 0xC0) != 0x80;
  return c;
}

static int bin(float x) {
  return (int)(x / BIN + 0.5f);
}

static void span_at(const ys_line *ln, size_t j, measure m, int *b0, int *b1) {
  int shift = 0;
  if (m.chars)
    for (size_t k = 0; k < j; k++) {
      const ys_span *s = &ln->spans[k];
      int w = bin(s->box.x1) - bin(s->box.x0) - (int)nchars(s->text);
      if (w > 0) shift += w;
    }
  const ys_span *s = &ln->spans[j];
  *b0 = bin(s->box.x0) - shift;
  *b1 = m.chars ? *b0 + (int)nchars(s->text) : bin(s->box.x1);
}

/* Is spans [from, to) of a line prose: eight characters or more, some of
 * them Chinese? */
static bool prose(const ys_line *ln, size_t from, size_t to) {
  size_t chars = 0;
  bool cjk = false;
  for (size_t j = from; j < to; j++) {
    const unsigned char *p = (const unsigned char *)ln->spans[j].text;
    chars += nchars((const char *)p);
    for (; *p; p++)
      if (*p >= 0xE4 && *p <= 0xE9) cjk = true; /* U+4000..U+9FFF */
  }
  return chars >= 8 && cjk;
}

/* Does a span reach across the gutter at bin g? */
static bool crosses(const ys_line *ln, size_t j, measure m, int g) {
  int b0, b1;
  span_at(ln, j, m, &b0, &b1);
  return b0 < g - 1 && b1 > g + 1;
}

/* The first span of a line at or right of the gutter (n: none). */
static size_t right_from(const ys_line *ln, measure m, int g) {
  for (size_t j = 0; j < ln->n; j++) {
    int b0, b1;
    span_at(ln, j, m, &b0, &b1);
    if (b0 >= g - 1) return j;
  }
  return ln->n;
}

/* Where the tables' cells are printed: (page, y) of every cell of a
 * table on its title's page, sorted, so that whether a table lies between
 * two text lines is one search, not a pass over every cell. */
typedef struct cell_at {
  int page;
  float y;
} cell_at;

static int cmp_cell_at(const void *a, const void *b) {
  const cell_at *x = a, *y = b;
  if (x->page != y->page) return x->page < y->page ? -1 : 1;
  return (x->y > y->y) - (x->y < y->y);
}

static cell_at *cells_at(ys_doc *d, const ys_layout *l, size_t *n) {
  size_t m = 0;
  for (size_t t = 0; t < l->n; t++) m += l->tables[t].ncells;
  cell_at *v = ys_arena_alloc(d->arena, sizeof *v * (m + 1));
  if (!v) return NULL;
  *n = 0;
  for (size_t t = 0; t < l->n; t++) {
    const ys_gtable *g = &l->tables[t];
    for (size_t c = 0; c < g->ncells; c++)
      if (g->cells[c].page == g->page)
        v[(*n)++] = (cell_at){g->page, g->cells[c].box.y0};
  }
  qsort(v, *n, sizeof *v, cmp_cell_at);
  return v;
}

/* Is a table's cell printed between two text lines of a page (by y)? */
static bool table_between(const cell_at *v, size_t n, const ys_line *a,
                          const ys_line *b) {
  /* the first cell after (a's page, a's y) */
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (v[mid].page < a->page ||
        (v[mid].page == a->page && v[mid].y <= a->box.y0))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && v[lo].page == a->page && v[lo].y < b->box.y0;
}

/* The gutter of lines [b, e): the bin where prose starts most often after
 * a gap (the rest of the line from there prose), when four lines at least
 * start prose there and three have prose left of it. 0 when none. */
static int gutter(const ys_line *const *L, size_t b, size_t e, measure m) {
  enum { MAXC = 64 };
  int key[MAXC], cnt[MAXC];
  size_t nk = 0;
  for (size_t i = b; i < e; i++)
    for (size_t j = 0; j < L[i]->n; j++) {
      int b0, b1, p0 = 0, p1 = 0;
      span_at(L[i], j, m, &b0, &b1);
      if (j > 0) span_at(L[i], j - 1, m, &p0, &p1);
      /* a span opening the line starts a column only well to the right */
      if ((j == 0 && b0 < 20) || (j > 0 && b0 - p1 < 2)) continue;
      if (!prose(L[i], j, L[i]->n)) continue;
      size_t q = 0;
      while (q < nk && key[q] != b0) q++;
      if (q == nk) {
        if (nk == MAXC) continue; /* more starts than kept: counted no more */
        key[nk] = b0;
        cnt[nk++] = 0;
      }
      cnt[q]++;
      break; /* one start a line */
    }
  int best = 0, bestc = 0;
  for (size_t q = 0; q < nk; q++) {
    int c = 0; /* neighbouring bins are one edge */
    for (size_t k = 0; k < nk; k++)
      if (abs(key[k] - key[q]) <= 1) c += cnt[k];
    if (c > bestc || (c == bestc && key[q] < best)) {
      best = key[q];
      bestc = c;
    }
  }
  if (bestc < 4) return 0;
  size_t left = 0;
  for (size_t i = b; i < e; i++) {
    size_t r = right_from(L[i], m, best);
    if (r && prose(L[i], 0, r)) left++;
  }
  return left >= 3 ? best : 0;
}

/* One side of a line (left: the spans before the gutter), as a line of
 * its own; an empty line when that side is empty. */
static const ys_line *side(ys_doc *d, const ys_line *ln, measure m, int g,
                           bool left) {
  ys_line *o = ys_arena_alloc(d->arena, sizeof *o);
  if (!o) return NULL;
  memset(o, 0, sizeof *o);
  o->page = ln->page;
  size_t r = right_from(ln, m, g);
  size_t from = left ? 0 : r, to = left ? r : ln->n;
  if (from == to) return o;
  o->spans = ys_arena_alloc(d->arena, sizeof *o->spans * (to - from));
  if (!o->spans) return NULL;
  for (size_t j = from; j < to; j++) {
    const ys_span *s = &ln->spans[j];
    if (!o->n) {
      o->box = s->box;
    } else {
      if (s->box.x0 < o->box.x0) o->box.x0 = s->box.x0;
      if (s->box.x1 > o->box.x1) o->box.x1 = s->box.x1;
      if (s->box.y0 < o->box.y0) o->box.y0 = s->box.y0;
      if (s->box.y1 > o->box.y1) o->box.y1 = s->box.y1;
    }
    o->spans[o->n++] = *s;
  }
  o->cap = o->n;
  return o;
}

/* Does the line end a sentence ("。" last)? */
static bool ends_sentence(const ys_line *ln) {
  if (!ln->n) return true;
  const char *t = ln->spans[ln->n - 1].text;
  size_t k = strlen(t);
  return k >= 3 && !memcmp(t + k - 3, "。", 3);
}

/* Lines [b, e) of L, read as two columns at gutter g, appended to out. */
static int split_block(ys_doc *d, const ys_line *const *L, size_t b, size_t e,
                       measure m, int g, const ys_line **out, size_t *no) {
  size_t n0 = *no;
  for (size_t i = b; i < e; i++) {
    const ys_line *s = side(d, L[i], m, g, true);
    if (!s) return YS_ENOMEM;
    out[(*no)++] = s;
  }
  /* the left column runs on into the right one: no paragraph break between
   * them unless the left one ended its sentence */
  while (*no > n0 && !out[*no - 1]->n) (*no)--;
  bool joined = *no > n0 && !ends_sentence(out[*no - 1]);
  bool lead = true;
  for (size_t i = b; i < e; i++) {
    const ys_line *s = side(d, L[i], m, g, false);
    if (!s) return YS_ENOMEM;
    if (lead && !s->n && joined) continue;
    if (lead && !joined && *no > n0) {
      ys_line *blank = ys_arena_alloc(d->arena, sizeof *blank);
      if (!blank) return YS_ENOMEM;
      memset(blank, 0, sizeof *blank);
      blank->page = L[i]->page;
      out[(*no)++] = blank;
    }
    lead = false;
    out[(*no)++] = s;
  }
  return YS_OK;
}

int ys_layout_columns(ys_layout *l, ys_doc *d) {
  const ys_line *const *L = l->text;
  size_t n = l->ntext, nat = 0;
  cell_at *at = cells_at(d, l, &nat);
  if (!at) return YS_ENOMEM;
  const ys_line **out = NULL;
  size_t no = 0;
  for (size_t i = 0; i < n;) {
    /* a segment: lines of one page, no table between them; cut where a
     * line has a span across the gutter found */
    size_t e = i + 1;
    while (e < n && L[e]->page == L[i]->page) {
      const ys_line *prev = NULL;
      for (size_t k = e; k-- > i && !prev;)
        if (L[k]->n) prev = L[k];
      if (L[e]->n && prev && table_between(at, nat, prev, L[e])) break;
      e++;
    }
    /* a text file: the gutter by either measure of its padding */
    measure m = {false};
    int g = gutter(L, i, e, m);
    if (!g && d->format == YS_DOC_TEXT) {
      m.chars = true;
      g = gutter(L, i, e, m);
    }
    size_t b = i;
    while (g && b < e) {
      /* the lines of [b, e) up to one that crosses the gutter */
      size_t c = b;
      bool cut = false;
      while (c < e && !cut) {
        for (size_t j = 0; j < L[c]->n && !cut; j++)
          cut = crosses(L[c], j, m, g);
        if (!cut) c++;
      }
      int gc = c > b ? gutter(L, b, c, m) : 0;
      /* the block: from its first line with text right of the gutter to
       * its last; lines of the left alone before or after it (a page
       * header, a caption under it) keep their place */
      size_t fb = b, lb = c;
      if (gc) {
        while (fb < c && right_from(L[fb], m, gc) == L[fb]->n) fb++;
        while (lb > fb && right_from(L[lb - 1], m, gc) == L[lb - 1]->n) lb--;
      }
      if (gc && abs(gc - g) <= 1 && lb > fb) {
        if (!out) {
          /* room for every line twice, and a blank per block */
          out = ys_arena_alloc(d->arena, sizeof *out * (3 * n + 1));
          if (!out) return YS_ENOMEM;
          for (size_t k = 0; k < b; k++) out[no++] = L[k];
        }
        for (size_t k = b; k < fb; k++) out[no++] = L[k];
        if (split_block(d, L, fb, lb, m, gc, out, &no)) return YS_ENOMEM;
        for (size_t k = lb; k < c; k++) out[no++] = L[k];
      } else if (out) {
        for (size_t k = b; k < c; k++) out[no++] = L[k];
      }
      if (c < e && out) out[no++] = L[c];
      b = c + 1;
    }
    if (out)
      for (size_t k = b; k < e; k++) out[no++] = L[k];
    i = e;
  }
  if (out) {
    l->text = out;
    l->ntext = no;
    l->cap_text = no;
  }
  return YS_OK;
}
