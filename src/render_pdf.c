/*
 * render_pdf.c - the whole package as one print-ready document (tables.pdf).
 *
 * A department publishes one document, so this is the one file that holds
 * everything, in the order of a published 部门预算 package:
 *
 *   cover      department, "<year>年部门预算", what the document contains
 *   目录        every part of the 情况说明 and every table, with its page
 *              number and a link to it
 *   情况说明    the narrative (ys_tables.narrative), one paragraph per line;
 *              lines shaped like headings ("第二部分 …", "一、…", "（一）…",
 *              "1、…") become headings, everything else justified text
 *   one table after another, each starting on a new page, portrait or
 *              landscape by its width, scaled down only when even
 *              landscape is too narrow; the number line, title, subtitle,
 *              unit line and header rows (with their spans) repeat on every
 *              continuation page; cells ruled, amounts right-aligned,
 *              totals bold, 空表说明 and footnote under the grid
 *
 * plus a PDF outline (bookmarks) for every part, heading and table, and
 * "第 n 页 共 m 页" on every page but the cover. Like every renderer it
 * draws ys_cell.text and computes nothing; nothing depends on the profile.
 *
 * Two stages. Layout measures every piece of text once with Pango and
 * places it on pages as a list of drawing operations (op): text, ruled
 * boxes, destinations, links. Only when layout is finished are the page
 * count and the page of every part known; drawing then replays the
 * operations and fills in what needed them: the 目录's page numbers (the
 * 目录's own length depends only on how many entries it has, so it is laid
 * out before the parts it lists), the footers and the outline.
 *
 * Text. Pango at 72 dpi (its default of 96 would turn 10 pt into 13.33),
 * with metric hinting off so that positions scale exactly and do not depend
 * on the surface. Fonts are Noto Sans CJK SC and Noto Serif CJK SC; cairo
 * embeds them as CID subsets. Two things Pango does not do for Chinese
 * text, done here:
 *   - A number and its unit stay on one line ("238.31 万元", "6名",
 *     "75.57%"): Unicode line breaking allows a break at the space in
 *     "238.31 万元" and between a digit and an ideograph. Each such range
 *     gets a Pango allow-breaks=false attribute (bind_numbers). The text
 *     itself is unchanged: no U+2060 WORD JOINER or no-break space is
 *     inserted, so copying from the PDF (and pdftotext) gives exactly the
 *     narrative's characters.
 *   - Justification. Pango justifies by widening spaces only, and when a
 *     line has a space ("收入 238.31 万元") all the slack lands there. The
 *     narrative is laid out ragged and each wrapped line is then widened to
 *     the measure by spreading its slack over the gaps next to CJK
 *     characters (never inside a number), changing the glyph advances of
 *     the line (pango_layout_get_line allows that).
 *
 * Reproducible: the creation and modification dates are 1 January of the
 * budget year (never the clock), and layout depends only on the tables, so
 * the same dataset gives the same bytes. cairo 1.16 writes those dates
 * without the "D:" prefix (a cairo bug; readers accept it).
 *
 * Not PDF/A: cairo 1.16 writes no XMP metadata and no output intent, can
 * only target PDF 1.4/1.5 and cannot be asked for PDF/A-2b.
 *
 * Errors: a file that cannot be written is YS_EIO, missing fonts
 * YS_ENOTFOUND, out of memory YS_ENOMEM (GLib itself aborts when its own
 * allocations fail; that is outside our control).
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "pdf_edit.h"
#include "yusuan/money.h"
#include "yusuan/render.h"

/* ------------------------------------------------------------------ */
/* Geometry (points)                                                   */

#define MM (72.0 / 25.4)
#define A4_SHORT (210.0 * MM)
#define A4_LONG (297.0 * MM)

/* Text pages: 25 mm all round, page number 12 mm above the edge. */
#define TEXT_MARGIN (25.0 * MM)
#define TEXT_FOOTER (12.0 * MM)
/* Table pages: 15 mm sides and top, 18 mm bottom, number at 8 mm. */
#define TAB_MARGIN (15.0 * MM)
#define TAB_BOTTOM (18.0 * MM)
#define TAB_FOOTER (8.0 * MM)

#define CELL_PAD_X 3.0
#define CELL_PAD_Y 2.5
#define RULE 0.5       /* line width of the cell rules */
#define HEAD_FILL 0.93 /* grey of the header cells */
#define EPS 0.01

/* Column widths, in ems of the cell font (see size_columns). */
#define COL_MIN 2.0     /* narrowest column */
#define TEXT_SHRINK 6.0 /* narrowest a text column wraps to */
#define HEAD_MIN 3.0    /* narrowest a header label wraps to */
#define TEXT_CAP 20.0   /* text width counted when choosing the orientation */
#define HEAD_SOFT 6.0   /* label width counted likewise */
#define HEAD_SPAN 12.0  /* merged label width counted likewise */

/* ------------------------------------------------------------------ */
/* Fonts                                                               */

typedef enum font_id {
  F_BODY,
  F_DOC_TITLE,
  F_PART,
  F_H1,
  F_H2,
  F_H3,
  F_TOC,
  F_TOC_PART,
  F_COVER_DEPT,
  F_COVER_TITLE,
  F_COVER_SUB,
  F_CELL,
  F_CELL_BOLD,
  F_TAB_TITLE,
  F_TAB_META,
  F_NOTE,
  F_FOOTER,
  F_COUNT
} font_id;

#define SANS "Noto Sans CJK SC"
#define SERIF "Noto Serif CJK SC"

/* Three faces: every face costs its subset in the file (a few hundred
 * glyphs of Noto Serif CJK are ~600 KB) and its font table in memory while
 * cairo subsets it, so headings and the cover share the bold sans. */
static const struct {
  const char *family;
  bool bold;
  double size;
} font_spec[F_COUNT] = {
    [F_BODY] = {SERIF, false, 11},     [F_DOC_TITLE] = {SANS, true, 18},
    [F_PART] = {SANS, true, 15},       [F_H1] = {SANS, true, 13},
    [F_H2] = {SANS, true, 11.5},       [F_H3] = {SANS, true, 11},
    [F_TOC] = {SERIF, false, 11},      [F_TOC_PART] = {SANS, true, 12},
    [F_COVER_DEPT] = {SANS, true, 24}, [F_COVER_TITLE] = {SANS, true, 36},
    [F_COVER_SUB] = {SANS, false, 14}, [F_CELL] = {SANS, false, 9},
    [F_CELL_BOLD] = {SANS, true, 9},   [F_TAB_TITLE] = {SANS, true, 15},
    [F_TAB_META] = {SANS, false, 9.5}, [F_NOTE] = {SANS, false, 8.5},
    [F_FOOTER] = {SANS, false, 9},
};

/* ------------------------------------------------------------------ */
/* The document being laid out                                         */

typedef enum op_kind {
  OP_TEXT,  /* lines [line0, line1) of a layout, top-left at x, y */
  OP_RECT,  /* a box: filled grey `fill` when >= 0, stroked when ruled */
  OP_LINE,  /* a rule from (x, y) to (x + w, y + h) */
  OP_DEST,  /* the destination of anchor `target` at (x, y) */
  OP_LINK,  /* a link to anchor `target` over the box */
  OP_PAGENO /* the 目录 page number of anchor `target`: leader from x to
               x + w, number right-aligned at x + w, baseline y */
} op_kind;

typedef struct op {
  op_kind kind;
  bool ruled;
  double x, y, w, h;
  double scale; /* OP_TEXT: the layout is drawn scaled by this */
  double fill;  /* OP_RECT */
  int line0, line1;
  size_t target;       /* anchor index */
  PangoLayout *layout; /* OP_TEXT: a reference the document owns */
} op;

typedef enum page_kind { PG_COVER, PG_TEXT, PG_TABLE } page_kind;

typedef struct page {
  page_kind kind;
  bool landscape;
  size_t op0; /* first op; the page's ops end where the next page's begin */
} page;

/* A part, heading or table: a bookmark, and an entry of the 目录 when
 * `toc`. */
typedef struct anchor {
  char *title;
  int level; /* 0: 目录, 情况说明, 公开报表; deeper: their contents */
  long parent; /* anchor index, -1 for the outline's root */
  bool toc;
  int page;    /* 1-based; 0 until laid out */
  double x, y; /* where on that page it starts (its destination) */
} anchor;

typedef struct doc {
  PangoContext *ctx;
  PangoFontDescription *font[F_COUNT];
  op *ops;
  size_t nops, capops;
  page *pages;
  size_t npages, cappages;
  anchor *anchors;
  size_t nanchors, capanchors;
  ys_pdf_link *links; /* the 目录's links, added by pdf_edit.c */
  size_t nlinks, caplinks;
  /* the page being filled: content box and next free y */
  double left, top, right, bottom, y;
  int err; /* first failure (YS_ENOMEM) */
} doc;

static char *clean_text(const char *s, bool collapse);

static void *grow(doc *d, void *arr, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return arr;
  size_t c = *cap ? *cap * 2 : 64;
  void *p = realloc(arr, c * size);
  if (!p) {
    d->err = YS_ENOMEM;
    return NULL;
  }
  *cap = c;
  return p;
}

static op *push_op(doc *d, op_kind k) {
  if (d->err || !d->npages) return NULL;
  op *p = grow(d, d->ops, &d->capops, d->nops, sizeof *d->ops);
  if (!p) return NULL;
  d->ops = p;
  op *o = &d->ops[d->nops++];
  memset(o, 0, sizeof *o);
  o->kind = k;
  o->scale = 1;
  o->fill = -1;
  o->line1 = -1;
  return o;
}

static void new_page(doc *d, page_kind kind, bool landscape) {
  if (d->err) return;
  page *p = grow(d, d->pages, &d->cappages, d->npages, sizeof *d->pages);
  if (!p) return;
  d->pages = p;
  p = &d->pages[d->npages++];
  p->kind = kind;
  p->landscape = landscape;
  p->op0 = d->nops;
  double w = landscape ? A4_LONG : A4_SHORT;
  double h = landscape ? A4_SHORT : A4_LONG;
  if (kind == PG_TABLE) {
    d->left = TAB_MARGIN, d->right = w - TAB_MARGIN;
    d->top = TAB_MARGIN, d->bottom = h - TAB_BOTTOM;
  } else {
    d->left = TEXT_MARGIN, d->right = w - TEXT_MARGIN;
    d->top = TEXT_MARGIN, d->bottom = h - TEXT_MARGIN;
  }
  d->y = d->top;
}

static size_t add_anchor(doc *d, const char *title, int level, long parent,
                         bool toc) {
  anchor *a =
      grow(d, d->anchors, &d->capanchors, d->nanchors, sizeof *d->anchors);
  /* cairo rejects invalid UTF-8 in bookmarks, and line breaks show */
  char *t = clean_text(title ? title : "", true);
  if (!a || !t) {
    free(t);
    d->err = YS_ENOMEM;
    return 0;
  }
  d->anchors = a;
  a = &d->anchors[d->nanchors];
  a->title = t;
  a->level = level;
  a->parent = parent;
  a->toc = toc;
  a->page = 0;
  return d->nanchors++;
}

/* Marks anchor i as starting here on the current page. */
static void place_anchor(doc *d, size_t i, double y) {
  op *o = push_op(d, OP_DEST);
  if (!o || i >= d->nanchors) return;
  o->target = i;
  o->x = d->left;
  o->y = y > 6 ? y - 6 : 0;
  d->anchors[i].page = (int)d->npages;
  d->anchors[i].x = o->x;
  d->anchors[i].y = o->y;
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

static bool is_space_byte(const char *s, size_t *len) {
  if (*s == ' ') return *len = 1, true;
  if ((unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80 &&
      (unsigned char)s[2] == 0x80)
    return *len = 3, true;
  return false;
}

/*
 * A copy of s that Pango takes as it is: valid UTF-8 (a bad byte becomes
 * U+FFFD), tabs as spaces, other control characters dropped (Pango would
 * draw them as boxes). With `collapse`, runs of spaces become one space
 * and the ends are trimmed: header labels are often spaced out for Excel
 * ("收          入"), which only wastes width in a cell that centres.
 */
static char *clean_text(const char *s, bool collapse) {
  size_t n = strlen(s);
  char *out = malloc(n * 3 + 1);
  if (!out) return NULL;
  const char *p = s, *end = s + n;
  char *o = out;
  bool space = collapse; /* drop leading spaces when collapsing */
  while (p < end) {
    gunichar c = g_utf8_get_char_validated(p, end - p);
    if (c == (gunichar)-1 || c == (gunichar)-2) {
      memcpy(o, "\xEF\xBF\xBD", 3);
      o += 3, p++, space = false;
      continue;
    }
    size_t len = (size_t)(g_utf8_next_char(p) - p);
    if (c == '\t') c = ' ';
    if ((c < 0x20 && c != '\n') || (c >= 0x7F && c < 0xA0)) {
      p += len;
      continue;
    }
    if (collapse && (c == ' ' || c == 0x3000)) {
      if (!space) *o++ = ' ';
      space = true;
      p += len;
      continue;
    }
    space = false;
    if (c == ' ')
      *o++ = ' ';
    else
      memcpy(o, p, len), o += len;
    p += len;
  }
  if (collapse && o > out && o[-1] == ' ') o--;
  *o = '\0';
  return out;
}

static bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/* Bytes of a unit after a number at s: 万元 / 亿元 / 千元, or one
 * ideograph (元, 名, 辆, 年 …), or 0. */
static size_t unit_len(const char *s) {
  static const char *const two[] = {"万元", "亿元", "千元"};
  for (size_t i = 0; i < sizeof two / sizeof two[0]; i++)
    if (!strncmp(s, two[i], strlen(two[i]))) return strlen(two[i]);
  gunichar c = g_utf8_get_char_validated(s, -1);
  if (c >= 0x4E00 && c <= 0x9FFF) return (size_t)(g_utf8_next_char(s) - s);
  return 0;
}

/*
 * Forbids line breaks inside every number and between a number and its
 * unit: "238.31 万元", "75.57%", "6名", "2,383,119.00", "-12.5". The
 * ranges are attributes; the text is not touched.
 */
static void bind_numbers(const char *s, PangoAttrList *al) {
  for (size_t i = 0; s[i];) {
    if (!is_digit(s[i]) ||
        (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ','))) {
      i++;
      continue;
    }
    size_t start = i > 0 && (s[i - 1] == '-' || s[i - 1] == '+') ? i - 1 : i;
    size_t j = i;
    while (is_digit(s[j]) ||
           ((s[j] == '.' || s[j] == ',') && is_digit(s[j + 1])))
      j++;
    if (s[j] == '%') j++;
    size_t k = j;
    while (s[k] == ' ') k++;
    size_t u = unit_len(s + k);
    size_t end = u ? k + u : j;
    if (end > start + 1) {
      PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
      a->start_index = (guint)start;
      a->end_index = (guint)end;
      pango_attr_list_insert(al, a);
    }
    i = end > j ? end : j;
  }
}

/* A layout of text in font f; width <= 0 means one line per paragraph. */
static PangoLayout *make_layout(doc *d, const char *text, font_id f,
                                double width, PangoAlignment align,
                                bool collapse) {
  if (d->err) return NULL;
  char *s = clean_text(text ? text : "", collapse);
  if (!s) {
    d->err = YS_ENOMEM;
    return NULL;
  }
  PangoLayout *l = pango_layout_new(d->ctx);
  pango_layout_set_font_description(l, d->font[f]);
  pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(l, align);
  if (width > 0) pango_layout_set_width(l, pango_units_from_double(width));
  pango_layout_set_text(l, s, -1);
  PangoAttrList *al = pango_attr_list_new();
  bind_numbers(s, al);
  pango_layout_set_attributes(l, al);
  pango_attr_list_unref(al);
  free(s);
  return l;
}

static double layout_w(PangoLayout *l) {
  int w, h;
  pango_layout_get_size(l, &w, &h);
  return pango_units_to_double(w);
}

static double layout_h(PangoLayout *l) {
  int w, h;
  pango_layout_get_size(l, &w, &h);
  return pango_units_to_double(h);
}

static void set_width(PangoLayout *l, double w) {
  pango_layout_set_width(l, pango_units_from_double(w > 1 ? w : 1));
}

/* Line boundaries: tops[i] is the top of line i, tops[n] the bottom of
 * the last; NULL when out of memory. */
static double *line_tops(PangoLayout *l, int *n) {
  *n = pango_layout_get_line_count(l);
  double *tops = malloc(((size_t)*n + 1) * sizeof *tops);
  if (!tops) return NULL;
  PangoLayoutIter *it = pango_layout_get_iter(l);
  int i = 0, y0 = 0, y1 = 0;
  do {
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    if (i < *n) tops[i++] = pango_units_to_double(y0);
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  for (; i < *n; i++) tops[i] = pango_units_to_double(y1);
  tops[*n] = pango_units_to_double(y1);
  return tops;
}

static bool wide_at(const char *text, int offset) {
  gunichar c = g_utf8_get_char(text + offset);
  return g_unichar_iswide(c) || c == ' ';
}

/* Counts the stretchable gaps of a line (slack 0) or widens them by their
 * share of slack out of gaps. A gap is stretchable when a wide (CJK)
 * character or a space is on either side and the next cluster is not a
 * space; the advance of the glyph before the gap grows. */
static int spread(PangoLayoutLine *line, const char *text, int slack,
                  int gaps) {
  PangoGlyphInfo *prev = NULL;
  int prev_off = -1, k = 0;
  for (GSList *r = line->runs; r; r = r->next) {
    PangoGlyphItem *gi = r->data;
    PangoGlyphString *gs = gi->glyphs;
    for (int g = 0; g < gs->num_glyphs; g++) {
      if (gs->glyphs[g].attr.is_cluster_start) {
        int off = gi->item->offset + gs->log_clusters[g];
        if (prev && text[off] != ' ' &&
            (wide_at(text, prev_off) || wide_at(text, off))) {
          if (gaps > 0 && k < gaps)
            prev->geometry.width += (int)((long long)slack * (k + 1) / gaps -
                                          (long long)slack * k / gaps);
          k++;
        }
        prev_off = off;
      }
      prev = &gs->glyphs[g];
    }
  }
  return k;
}

/*
 * Justifies a ragged layout of one paragraph: every line but the last is
 * widened to `width` by spreading its slack over the gaps next to CJK
 * characters, so digits and Latin words keep their spacing. A line with
 * no such gap stays ragged.
 */
static void justify(PangoLayout *l, double width) {
  const char *text = pango_layout_get_text(l);
  int n = pango_layout_get_line_count(l);
  int target = pango_units_from_double(width);
  for (int i = 0; i + 1 < n; i++) {
    PangoLayoutLine *line = pango_layout_get_line(l, i);
    PangoRectangle log;
    pango_layout_line_get_extents(line, NULL, &log);
    int slack = target - log.width - (i == 0 ? pango_layout_get_indent(l) : 0);
    if (slack <= 0) continue;
    int gaps = spread(line, text, 0, 0);
    if (gaps > 0) spread(line, text, slack, gaps);
  }
}

/* ------------------------------------------------------------------ */
/* Emitting                                                            */

static void emit_text(doc *d, PangoLayout *l, double x, double y, double scale,
                      int line0, int line1) {
  if (!l) return;
  op *o = push_op(d, OP_TEXT);
  if (!o) return;
  o->layout = g_object_ref(l);
  o->x = x, o->y = y, o->scale = scale;
  o->line0 = line0, o->line1 = line1;
}

static void emit_rect(doc *d, double x, double y, double w, double h,
                      double fill, bool ruled) {
  op *o = push_op(d, OP_RECT);
  if (!o) return;
  o->x = x, o->y = y, o->w = w, o->h = h, o->fill = fill, o->ruled = ruled;
}

/* Places a whole layout at the current y, left edge x, and advances y. */
static void flow(doc *d, PangoLayout *l, double x, double after) {
  if (!l) return;
  emit_text(d, l, x, d->y, 1, 0, -1);
  d->y += layout_h(l) + after;
}

/* ------------------------------------------------------------------ */
/* Cover                                                               */

static void layout_cover(doc *d, const ys_tables *t, bool narrative) {
  new_page(d, PG_COVER, false);
  double w = d->right - d->left;
  char buf[512];
  d->y = A4_LONG * 0.28;
  PangoLayout *l =
      make_layout(d, t->dept_name, F_COVER_DEPT, w, PANGO_ALIGN_CENTER, false);
  flow(d, l, d->left, 28);
  if (l) g_object_unref(l);
  snprintf(buf, sizeof buf, "%d年部门预算", t->year);
  l = make_layout(d, buf, F_COVER_TITLE, w, PANGO_ALIGN_CENTER, false);
  flow(d, l, d->left, 22);
  if (l) g_object_unref(l);
  op *o = push_op(d, OP_LINE);
  if (o) o->x = d->left + w * 0.3, o->y = d->y, o->w = w * 0.4, o->h = 0;
  d->y += 22;
  snprintf(buf, sizeof buf, "%s公开报表 %zu 张", narrative ? "情况说明 · " : "",
           t->n);
  l = make_layout(d, buf, F_COVER_SUB, w, PANGO_ALIGN_CENTER, false);
  flow(d, l, d->left, 0);
  if (l) g_object_unref(l);
}

/* ------------------------------------------------------------------ */
/* 目录                                                                */

static void layout_toc(doc *d, size_t self) {
  new_page(d, PG_TEXT, false);
  place_anchor(d, self, d->y);
  double w = d->right - d->left;
  PangoLayout *l =
      make_layout(d, "目　录", F_DOC_TITLE, w, PANGO_ALIGN_CENTER, false);
  flow(d, l, d->left, 18);
  if (l) g_object_unref(l);
  double numw = 3.5 * font_spec[F_TOC].size;
  for (size_t i = 0; i < d->nanchors && !d->err; i++) {
    const anchor *a = &d->anchors[i];
    if (!a->toc) continue;
    bool top = a->level == 0;
    int depth = a->level < 3 ? a->level : 2;
    double indent = 2 * font_spec[F_TOC].size * depth;
    l = make_layout(d, a->title, top ? F_TOC_PART : F_TOC, w - indent - numw,
                    PANGO_ALIGN_LEFT, false);
    if (!l) break;
    double h = layout_h(l), before = top ? 8 : 2;
    if (d->y + before + h > d->bottom) new_page(d, PG_TEXT, false);
    d->y += before;
    emit_text(d, l, d->left + indent, d->y, 1, 0, -1);
    /* The leader starts after the last line of the title. */
    PangoLayoutIter *it = pango_layout_get_iter(l);
    PangoRectangle log;
    int base = 0;
    do {
      pango_layout_iter_get_line_extents(it, NULL, &log);
      base = pango_layout_iter_get_baseline(it);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    op *o = push_op(d, OP_PAGENO);
    if (o) {
      o->target = i;
      o->x = d->left + indent + pango_units_to_double(log.x + log.width);
      o->w = d->right - o->x;
      o->y = d->y + pango_units_to_double(base);
    }
    o = push_op(d, OP_LINK);
    if (o) {
      o->target = i;
      o->x = d->left + indent, o->y = d->y;
      o->w = d->right - o->x, o->h = h;
    }
    d->y += h + 2;
    g_object_unref(l);
  }
}

/* ------------------------------------------------------------------ */
/* 情况说明                                                            */

typedef enum para_kind {
  P_BODY,
  P_TITLE, /* a first line that names the document */
  P_PART,  /* 第二部分 收支情况 */
  P_H1,    /* 一、收支说明 */
  P_H2,    /* （一）收支预算总体情况 */
  P_H3     /* 1、… / 1.… / （1）… */
} para_kind;

typedef struct para {
  para_kind kind;
  char *text;
  size_t anchor; /* P_PART .. P_H2 */
} para;

static const char cjk_numerals[] = "〇一二三四五六七八九十百";

/* Bytes of a run of Chinese numerals at s. */
static size_t numerals(const char *s) {
  size_t n = 0;
  for (;;) {
    const char *p = s + n;
    if ((unsigned char)*p < 0x80) return n;
    size_t len = (size_t)(g_utf8_next_char(p) - p);
    char c[8] = {0};
    memcpy(c, p, len < 7 ? len : 7);
    if (!strstr(cjk_numerals, c)) return n;
    n += len;
  }
}

static bool starts(const char *s, const char *prefix) {
  return !strncmp(s, prefix, strlen(prefix));
}

/*
 * A line is a heading when it starts with a section marker and reads like
 * a title: short and without the punctuation of a sentence, so "（一）公务
 * 接待费" is a heading and "（一）一般公共预算拨款收入：指…" a glossary
 * entry.
 */
static para_kind classify(const char *s, bool first) {
  bool sentence = strstr(s, "。") || strstr(s, "，") || strstr(s, "；") ||
                  strstr(s, "：") || strchr(s, ':');
  if (sentence || g_utf8_strlen(s, -1) > 40) return P_BODY;
  size_t n;
  if (starts(s, "第") && (n = numerals(s + 3)) > 0 && starts(s + 3 + n, "部分"))
    return P_PART;
  if ((n = numerals(s)) > 0 && starts(s + n, "、")) return P_H1;
  if (starts(s, "（") && (n = numerals(s + 3)) > 0 && starts(s + 3 + n, "）"))
    return P_H2;
  size_t k = 0;
  while (is_digit(s[k])) k++;
  if (k && (s[k] == '.' || starts(s + k, "、") || starts(s + k, "．")))
    return P_H3;
  if ((starts(s, "（") || s[0] == '(') && is_digit(s[s[0] == '(' ? 1 : 3]))
    return P_H3;
  return first ? P_TITLE : P_BODY;
}

/* Splits the narrative into paragraphs (one per non-blank line) and adds
 * an anchor per part and heading under `root`. */
static para *parse_narrative(doc *d, const char *text, size_t root,
                             size_t *np) {
  size_t cap = 16, n = 0;
  para *ps = malloc(cap * sizeof *ps);
  if (!ps) {
    d->err = YS_ENOMEM;
    return NULL;
  }
  long last[4] = {(long)root, -1, -1, -1}; /* latest anchor per depth */
  for (const char *p = text; *p && !d->err;) {
    size_t len = strcspn(p, "\n");
    const char *e = p + len;
    const char *b = p;
    size_t sl;
    while (b < e && is_space_byte(b, &sl)) b += sl;
    while (e > b && (e[-1] == ' ' || e[-1] == '\r')) e--;
    if (e > b) {
      if (n == cap) {
        para *q = realloc(ps, cap * 2 * sizeof *ps);
        if (!q) {
          d->err = YS_ENOMEM;
          break;
        }
        ps = q, cap *= 2;
      }
      char *s = strndup(b, (size_t)(e - b));
      if (!s) {
        d->err = YS_ENOMEM;
        break;
      }
      para *q = &ps[n++];
      q->text = s;
      q->kind = classify(s, n == 1);
      q->anchor = 0;
      int depth = q->kind == P_PART ? 1
                  : q->kind == P_H1 ? 2
                  : q->kind == P_H2 ? 3
                                    : 0;
      if (depth) {
        long parent = (long)root;
        for (int k = depth - 1; k >= 1; k--)
          if (last[k] >= 0) {
            parent = last[k];
            break;
          }
        int level = parent == (long)root ? 1 : d->anchors[parent].level + 1;
        q->anchor = add_anchor(d, s, level, parent, depth <= 2);
        last[depth] = (long)q->anchor;
        for (int k = depth + 1; k < 4; k++) last[k] = -1;
      }
    }
    p += len + (p[len] == '\n');
  }
  *np = n;
  return ps;
}

static font_id para_font(para_kind k) {
  switch (k) {
  case P_TITLE:
    return F_PART;
  case P_PART:
    return F_PART;
  case P_H1:
    return F_H1;
  case P_H2:
    return F_H2;
  case P_H3:
    return F_H3;
  default:
    return F_BODY;
  }
}

/* Places lines of a paragraph layout, breaking pages between lines: never
 * a single first line at the foot of a page, nor a single last line at
 * the head of the next. */
static void flow_lines(doc *d, PangoLayout *l, double x, double after) {
  int n;
  double *tops = line_tops(l, &n);
  if (!tops) {
    d->err = YS_ENOMEM;
    return;
  }
  int i = 0;
  while (i < n && !d->err) {
    double room = d->bottom - d->y;
    int fit = 0;
    while (i + fit < n && tops[i + fit + 1] - tops[i] <= room + EPS) fit++;
    if (fit == n - i) {
      emit_text(d, l, x, d->y, 1, i, n);
      d->y += tops[n] - tops[i] + after;
      break;
    }
    bool fresh = d->y <= d->top + EPS;
    if (!fresh && (fit == 0 || (i == 0 && fit < 2))) {
      new_page(d, PG_TEXT, false);
      continue;
    }
    if (fit == 0) fit = 1;
    if (n - i - fit == 1 && fit >= 3) fit--;
    emit_text(d, l, x, d->y, 1, i, i + fit);
    i += fit;
    new_page(d, PG_TEXT, false);
  }
  free(tops);
}

static void layout_narrative(doc *d, para *ps, size_t np, size_t root) {
  new_page(d, PG_TEXT, false);
  place_anchor(d, root, d->y);
  double w = d->right - d->left;
  double em = font_spec[F_BODY].size;
  PangoLayout *l =
      make_layout(d, "情况说明", F_DOC_TITLE, w, PANGO_ALIGN_CENTER, false);
  flow(d, l, d->left, 14);
  if (l) g_object_unref(l);
  for (size_t i = 0; i < np && !d->err; i++) {
    const para *p = &ps[i];
    bool center = p->kind == P_TITLE || p->kind == P_PART;
    l = make_layout(d, p->text, para_font(p->kind), w,
                    center ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, false);
    if (!l) break;
    if (p->kind == P_BODY || p->kind == P_H2 || p->kind == P_H3)
      pango_layout_set_indent(l, pango_units_from_double(2 * em));
    if (p->kind == P_BODY) {
      justify(l, w);
      flow_lines(d, l, d->left, 4);
      g_object_unref(l);
      continue;
    }
    /* A heading keeps its first two lines of text with it. */
    double before = p->kind == P_PART    ? 14
                    : p->kind == P_H1    ? 9
                    : p->kind == P_TITLE ? 0
                                         : 5;
    double h = layout_h(l), next = 0;
    if (i + 1 < np && ps[i + 1].kind == P_BODY)
      next = 2 * 1.45 * font_spec[F_BODY].size;
    if (d->y > d->top + EPS && d->y + before + h + 4 + next > d->bottom)
      new_page(d, PG_TEXT, false);
    else if (d->y > d->top + EPS)
      d->y += before;
    if (p->kind >= P_PART && p->kind <= P_H2) place_anchor(d, p->anchor, d->y);
    flow(d, l, d->left, p->kind == P_TITLE || p->kind == P_PART ? 8 : 4);
    g_object_unref(l);
  }
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

/* A header cell placed on the grid: [r0, r1) × [c0, c1). */
typedef struct hcell {
  PangoLayout *l; /* NULL for a filler box */
  int r0, r1;
  size_t c0, c1;
} hcell;

/* One cell of a row being placed: x and w in grid units. */
typedef struct slot {
  PangoLayout *l;
  double x, w, pad_left;
} slot;

typedef struct grid {
  const ys_table *t;
  bool landscape;
  double s;     /* grid units → points */
  double left;  /* x of the grid on the page */
  double *colx; /* nc + 1 boundaries, grid units */
  size_t nc;
  int hr;       /* header rows */
  double *rowy; /* hr + 1 boundaries, grid units */
  hcell *hc;
  size_t nhc;
  PangoLayout *num, *num_cont, *title, *sub, *unit; /* points */
  size_t anchor, lead; /* lead: an anchor that starts here too, or -1 */
  int pages;
  int rows_here;   /* rows on the current page */
  double body_top; /* where rows start on a page, under the header */
  double line_h;   /* one line of cell text */
} grid;

/* Starts a page of the table: title block, header rows. */
static void grid_page(doc *d, grid *g) {
  new_page(d, PG_TABLE, g->landscape);
  if (d->err) return;
  if (g->pages++ == 0) {
    if (g->lead != (size_t)-1) place_anchor(d, g->lead, d->y);
    place_anchor(d, g->anchor, d->y);
  }
  g->rows_here = 0;
  PangoLayout *num = g->pages == 1 ? g->num : g->num_cont;
  if (num) flow(d, num, d->left, 2);
  if (g->title) flow(d, g->title, d->left, 4);
  double mh = 0;
  if (g->sub) {
    emit_text(d, g->sub, d->left, d->y, 1, 0, -1);
    mh = layout_h(g->sub);
  }
  if (g->unit) {
    emit_text(d, g->unit, d->left, d->y, 1, 0, -1);
    if (layout_h(g->unit) > mh) mh = layout_h(g->unit);
  }
  d->y += mh + 3;
  double s = g->s, y0 = d->y;
  for (size_t i = 0; i < g->nhc; i++) {
    const hcell *h = &g->hc[i];
    double x = g->left + s * g->colx[h->c0], y = y0 + s * g->rowy[h->r0];
    double w = s * (g->colx[h->c1] - g->colx[h->c0]);
    double hh = s * (g->rowy[h->r1] - g->rowy[h->r0]);
    emit_rect(d, x, y, w, hh, HEAD_FILL, true);
    if (h->l)
      emit_text(d, h->l, x + s * CELL_PAD_X, y + (hh - s * layout_h(h->l)) / 2,
                s, 0, -1);
  }
  d->y = y0 + s * g->rowy[g->hr];
  g->body_top = d->y;
}

/*
 * Places one row of cells at the current y, starting a continuation page
 * first when it does not fit. A row taller than a whole page is split
 * between lines, each cell continuing where it stopped.
 */
static void place_row(doc *d, grid *g, const slot *sl, size_t n, bool ruled,
                      double fill) {
  double s = g->s;
  double h = g->line_h + 2 * CELL_PAD_Y;
  for (size_t k = 0; k < n; k++)
    if (sl[k].l && layout_h(sl[k].l) + 2 * CELL_PAD_Y > h)
      h = layout_h(sl[k].l) + 2 * CELL_PAD_Y;
  /* A row that fits on a fresh page goes there; one taller than a page
   * starts here, split, unless not even two lines fit. */
  bool huge = s * h > d->bottom - g->body_top + EPS;
  double two = s * (2 * g->line_h + 2 * CELL_PAD_Y);
  if (d->y + s * h > d->bottom + EPS && g->rows_here > 0 &&
      (!huge || d->y + two > d->bottom))
    grid_page(d, g);
  if (d->err) return;
  if (d->y + s * h <= d->bottom + EPS) {
    for (size_t k = 0; k < n; k++) {
      double x = g->left + s * sl[k].x;
      if (ruled || fill >= 0)
        emit_rect(d, x, d->y, s * sl[k].w, s * h, fill, ruled);
      if (sl[k].l)
        emit_text(d, sl[k].l, x + s * sl[k].pad_left,
                  d->y + s * (h - layout_h(sl[k].l)) / 2, s, 0, -1);
    }
    d->y += s * h;
    g->rows_here++;
    return;
  }
  /* Split: every cell keeps a cursor into its lines. */
  int *cur = calloc(n, sizeof *cur), *cnt = calloc(n, sizeof *cnt);
  double **tops = calloc(n, sizeof *tops);
  if (!cur || !cnt || !tops) d->err = YS_ENOMEM;
  for (size_t k = 0; k < n && !d->err; k++)
    if (sl[k].l && !(tops[k] = line_tops(sl[k].l, &cnt[k]))) d->err = YS_ENOMEM;
  for (bool more = true; more && !d->err;) {
    double room = (d->bottom - d->y) / s - 2 * CELL_PAD_Y, piece = 0;
    int *next = calloc(n, sizeof *next);
    if (!next) {
      d->err = YS_ENOMEM;
      break;
    }
    bool any = false;
    for (size_t k = 0; k < n; k++) {
      next[k] = cur[k];
      while (next[k] < cnt[k] &&
             tops[k][next[k] + 1] - tops[k][cur[k]] <= room + EPS)
        next[k]++;
      if (next[k] > cur[k]) any = true;
    }
    if (!any) /* not even one line fits: force one so the loop ends */
      for (size_t k = 0; k < n; k++)
        if (cur[k] < cnt[k]) next[k] = cur[k] + 1;
    for (size_t k = 0; k < n; k++)
      if (next[k] > cur[k] && tops[k][next[k]] - tops[k][cur[k]] > piece)
        piece = tops[k][next[k]] - tops[k][cur[k]];
    piece += 2 * CELL_PAD_Y;
    more = false;
    for (size_t k = 0; k < n; k++) {
      double x = g->left + s * sl[k].x;
      if (ruled || fill >= 0)
        emit_rect(d, x, d->y, s * sl[k].w, s * piece, fill, ruled);
      if (next[k] > cur[k])
        emit_text(d, sl[k].l, x + s * sl[k].pad_left, d->y + s * CELL_PAD_Y, s,
                  cur[k], next[k]);
      cur[k] = next[k];
      if (cur[k] < cnt[k]) more = true;
    }
    free(next);
    d->y += s * piece;
    g->rows_here++;
    if (more) grid_page(d, g);
  }
  for (size_t k = 0; tops && k < n; k++) free(tops[k]);
  free(tops);
  free(cur);
  free(cnt);
}

/* Bytes of leading ASCII spaces and U+3000; *width gets their display
 * width (a U+3000 counts two). */
static size_t lead_space(const char *s, size_t *width) {
  size_t i = 0, w = 0, len;
  while (is_space_byte(s + i, &len)) i += len, w += len == 1 ? 1 : 2;
  *width = w;
  return i;
}

static void unref(PangoLayout *l) {
  if (l) g_object_unref(l);
}

static double sum(const double *v, size_t n) {
  double w = 0;
  for (size_t k = 0; k < n; k++) w += v[k];
  return w;
}

static double clamp(double v, double lo, double hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

/*
 * Column widths from per-column bounds: minw (amounts on one line, text
 * down to TEXT_SHRINK ems, labels down to HEAD_MIN), capw (text up to
 * TEXT_CAP, labels up to HEAD_SOFT), maxw (nothing wrapped), and area, the
 * summed one-line width of the column's text. The table is portrait when
 * its capped width fits, else landscape. On the page it gets maxw when
 * that fits, stretched to the measure. Otherwise a text column of width w
 * wraps into about area / w lines, and the widths that minimise the total,
 * sum(area / w) for a fixed sum(w), are proportional to sqrt(area): so each
 * column gets c * sqrt(area) kept between its minw and maxw, with c found
 * by bisection to fill the measure. Long texts get the room and short ones
 * stay on one line. When even the minimums do not fit, they are scaled.
 */
static void size_columns(const double *minw, const double *capw,
                         const double *maxw, const double *area, size_t nc,
                         double *colw, bool *landscape, double *scale) {
  double portrait = A4_SHORT - 2 * TAB_MARGIN;
  double wide = A4_LONG - 2 * TAB_MARGIN;
  *landscape = sum(capw, nc) > portrait + EPS;
  double avail = *landscape ? wide : portrait;
  double smin = sum(minw, nc), smax = sum(maxw, nc);
  *scale = 1;
  if (smax <= avail) {
    for (size_t k = 0; k < nc; k++) colw[k] = maxw[k] * avail / smax;
    return;
  }
  if (smin >= avail) {
    for (size_t k = 0; k < nc; k++) colw[k] = minw[k];
    *scale = avail / smin;
    return;
  }
  double lo = 0, hi = 1;
  for (;;) { /* grow hi until the widths at hi fill the measure */
    double w = 0;
    for (size_t k = 0; k < nc; k++)
      w += clamp(hi * sqrt(area[k]), minw[k], maxw[k]);
    if (w >= avail || hi > 1e12) break;
    hi *= 2;
  }
  for (int i = 0; i < 60; i++) {
    double c = (lo + hi) / 2, w = 0;
    for (size_t k = 0; k < nc; k++)
      w += clamp(c * sqrt(area[k]), minw[k], maxw[k]);
    if (w < avail)
      lo = c;
    else
      hi = c;
  }
  for (size_t k = 0; k < nc; k++)
    colw[k] = clamp(hi * sqrt(area[k]), minw[k], maxw[k]);
}

/* Widens columns [c0, c1) evenly until together they are need wide. */
static void widen(double *w, size_t c0, size_t c1, double need) {
  double have = 0;
  for (size_t k = c0; k < c1; k++) have += w[k];
  if (need > have)
    for (size_t k = c0; k < c1; k++) w[k] += (need - have) / (double)(c1 - c0);
}

static double at_most(double v, double cap) {
  return v < cap ? v : cap;
}
static double at_least(double v, double floor_v) {
  return v > floor_v ? v : floor_v;
}

/* One piece on purpose (about 230 lines): its phases — measure the body,
 * clip the header spans, settle the column widths, then the header row
 * heights, the title block, the rows and the notes — each read the widths
 * and heights the ones before computed, through some twenty locals; split,
 * they would travel as one struct through every step. Read it by its
 * phase comments, top to bottom. */
static void layout_table(doc *d, const ys_table *t, size_t anchor,
                         size_t lead) {
  grid g = {0};
  g.t = t;
  g.anchor = anchor;
  g.lead = lead;
  g.s = 1;
  size_t nc = t->ncols, nr = t->nrows;
  g.nc = nc;
  g.hr = t->header_rows > 0 && nc > 0 ? t->header_rows : 0;
  double em = font_spec[F_CELL].size;
  PangoLayout **cl = calloc(nr * nc + 1, sizeof *cl);
  double *ind = calloc(nr * nc + 1, sizeof *ind);
  double *colw = calloc(nc + 1, sizeof *colw);
  /* per column: widest amount, widest text, widest one-column label */
  double *want = calloc(nc + 1, sizeof *want);
  double *full = calloc(nc + 1, sizeof *full);
  double *head = calloc(nc + 1, sizeof *head);
  double *minw = calloc(nc + 1, sizeof *minw);
  double *capw = calloc(nc + 1, sizeof *capw);
  double *maxw = calloc(nc + 1, sizeof *maxw);
  double *area = calloc(nc + 1, sizeof *area);
  g.colx = calloc(nc + 1, sizeof *g.colx);
  g.rowy = calloc((size_t)g.hr + 1, sizeof *g.rowy);
  /* header cells: the profile's, then filler boxes for uncovered places */
  g.hc = calloc(t->n_header + (size_t)g.hr * nc + 1, sizeof *g.hc);
  unsigned char *used = calloc((size_t)g.hr * nc + 1, 1);
  slot *sl = calloc(nc + 1, sizeof *sl);
  if (!cl || !ind || !colw || !want || !full || !head || !minw || !capw ||
      !maxw || !area || !g.colx || !g.rowy || !g.hc || !used || !sl)
    d->err = YS_ENOMEM;

  {
    PangoLayout *probe =
        make_layout(d, "国", F_CELL, -1, PANGO_ALIGN_LEFT, false);
    g.line_h = probe ? layout_h(probe) : em * 1.45;
    unref(probe);
  }
  double pad2 = 2 * CELL_PAD_X;
  /* Body cells, measured on one line. */
  for (size_t r = 0; r < nr && !d->err; r++) {
    const ys_row *row = &t->rows[r];
    font_id f = row->kind == YS_ROW_TOTAL ? F_CELL_BOLD : F_CELL;
    for (size_t k = 0; k < nc && !d->err; k++) {
      const ys_cell *c = &row->cells[k];
      const char *text = c->text ? c->text : "";
      if (!*text) continue;
      bool num = c->type == YS_CELL_AMOUNT || c->type == YS_CELL_NUMBER;
      size_t sw = 0, skip = num ? 0 : lead_space(text, &sw);
      if (!text[skip]) continue;
      PangoLayout *l =
          make_layout(d, text + skip, f, -1,
                      num ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, false);
      if (!l) break;
      cl[r * nc + k] = l;
      ind[r * nc + k] = (double)sw * em / 2;
      double nat = layout_w(l) + ind[r * nc + k] + pad2;
      double *m = num ? &want[k] : &full[k];
      if (nat > *m) *m = nat;
      if (!num) area[k] += nat;
    }
  }
  /* Header cells: clipped to the grid; a span that would overlap one
   * already placed (a broken profile) keeps its first cell only. */
  for (size_t i = 0; i < t->n_header && !d->err && g.hr > 0; i++) {
    const ys_header_cell *h = &t->header[i];
    if (h->row < 0 || h->row >= g.hr || h->col < 0 || (size_t)h->col >= nc)
      continue;
    int r1 = h->row + (h->row_span > 0 ? h->row_span : 1);
    size_t c1 = (size_t)h->col + (size_t)(h->col_span > 0 ? h->col_span : 1);
    if (r1 > g.hr) r1 = g.hr;
    if (c1 > nc) c1 = nc;
    bool clash = false;
    for (int r = h->row; r < r1 && !clash; r++)
      for (size_t k = (size_t)h->col; k < c1 && !clash; k++)
        clash = used[(size_t)r * nc + k];
    if (clash) {
      if (used[(size_t)h->row * nc + (size_t)h->col]) continue;
      r1 = h->row + 1, c1 = (size_t)h->col + 1;
    }
    for (int r = h->row; r < r1; r++)
      for (size_t k = (size_t)h->col; k < c1; k++) used[(size_t)r * nc + k] = 1;
    hcell *hc = &g.hc[g.nhc++];
    hc->r0 = h->row, hc->r1 = r1, hc->c0 = (size_t)h->col, hc->c1 = c1;
    hc->l = h->text && *h->text ? make_layout(d, h->text, F_CELL_BOLD, -1,
                                              PANGO_ALIGN_CENTER, true)
                                : NULL;
    if (hc->l && !*pango_layout_get_text(hc->l)) {
      g_object_unref(hc->l);
      hc->l = NULL;
    }
    if (!hc->l) continue;
    double nat = layout_w(hc->l) + pad2;
    if (c1 - (size_t)h->col == 1 && nat > head[h->col]) head[h->col] = nat;
  }
  for (int r = 0; r < g.hr && !d->err; r++)
    for (size_t k = 0; k < nc; k++)
      if (!used[(size_t)r * nc + k]) {
        hcell *hc = &g.hc[g.nhc++];
        hc->r0 = r, hc->r1 = r + 1, hc->c0 = k, hc->c1 = k + 1, hc->l = NULL;
      }
  for (size_t k = 0; k < nc && !d->err; k++) {
    double least = at_least(want[k], COL_MIN * em + pad2);
    minw[k] = at_least(least, at_most(full[k], TEXT_SHRINK * em + pad2));
    minw[k] = at_least(minw[k], at_most(head[k], HEAD_MIN * em + pad2));
    capw[k] = at_least(least, at_most(full[k], TEXT_CAP * em + pad2));
    capw[k] = at_least(capw[k], at_most(head[k], HEAD_SOFT * em + pad2));
    maxw[k] = at_least(at_least(least, full[k]), head[k]);
  }
  /* Merged labels get room across their columns. */
  for (size_t i = 0; i < g.nhc && !d->err; i++) {
    const hcell *hc = &g.hc[i];
    if (!hc->l || hc->c1 - hc->c0 < 2) continue;
    double nat = layout_w(hc->l) + pad2;
    widen(minw, hc->c0, hc->c1, at_most(nat, 2 * HEAD_MIN * em + pad2));
    widen(capw, hc->c0, hc->c1, at_most(nat, HEAD_SPAN * em + pad2));
    widen(maxw, hc->c0, hc->c1, nat);
  }
  if (!d->err && nc)
    size_columns(minw, capw, maxw, area, nc, colw, &g.landscape, &g.s);
  for (size_t k = 0; k < nc; k++) g.colx[k + 1] = g.colx[k] + colw[k];

  /* Final widths: text wraps inside its column, labels inside their span. */
  for (size_t r = 0; r < nr && !d->err; r++)
    for (size_t k = 0; k < nc; k++)
      if (cl[r * nc + k])
        set_width(cl[r * nc + k], colw[k] - pad2 - ind[r * nc + k]);
  for (size_t i = 0; i < g.nhc && !d->err; i++)
    if (g.hc[i].l)
      set_width(g.hc[i].l, g.colx[g.hc[i].c1] - g.colx[g.hc[i].c0] - pad2);
  /* Header row heights: single-row labels first, then merged ones add
   * what they still need to their last row. */
  double minh = g.line_h + 2 * CELL_PAD_Y;
  double *hh = calloc((size_t)g.hr + 1, sizeof *hh);
  if (!hh) d->err = YS_ENOMEM;
  for (int r = 0; r < g.hr && hh; r++) hh[r] = minh;
  for (size_t i = 0; i < g.nhc && hh; i++)
    if (g.hc[i].l && g.hc[i].r1 - g.hc[i].r0 == 1) {
      double need = layout_h(g.hc[i].l) + 2 * CELL_PAD_Y;
      if (need > hh[g.hc[i].r0]) hh[g.hc[i].r0] = need;
    }
  for (size_t i = 0; i < g.nhc && hh; i++)
    if (g.hc[i].l && g.hc[i].r1 - g.hc[i].r0 > 1) {
      double need = layout_h(g.hc[i].l) + 2 * CELL_PAD_Y, have = 0;
      for (int r = g.hc[i].r0; r < g.hc[i].r1; r++) have += hh[r];
      if (need > have) hh[g.hc[i].r1 - 1] += need - have;
    }
  for (int r = 0; r < g.hr && hh; r++) g.rowy[r + 1] = g.rowy[r] + hh[r];
  free(hh);

  /* Title block, in points across the page. */
  double pw = (g.landscape ? A4_LONG : A4_SHORT) - 2 * TAB_MARGIN;
  double gw = nc ? g.colx[nc] : pw;
  g.left = TAB_MARGIN + (pw - g.s * gw) / 2;
  const char *number = t->number ? t->number : "";
  char buf[512];
  if (*number)
    g.num = make_layout(d, number, F_TAB_META, pw, PANGO_ALIGN_LEFT, false);
  snprintf(buf, sizeof buf, "%s（续）", number);
  g.num_cont = make_layout(d, buf, F_TAB_META, pw, PANGO_ALIGN_LEFT, false);
  g.title =
      make_layout(d, t->title, F_TAB_TITLE, pw, PANGO_ALIGN_CENTER, false);
  snprintf(buf, sizeof buf, "单位：%s", ys_unit_name(t->unit));
  g.unit = make_layout(d, buf, F_TAB_META, pw, PANGO_ALIGN_RIGHT, false);
  if (t->subtitle && *t->subtitle) {
    double uw = 0;
    PangoLayout *u =
        make_layout(d, buf, F_TAB_META, -1, PANGO_ALIGN_LEFT, false);
    if (u) uw = layout_w(u);
    unref(u);
    g.sub = make_layout(d, t->subtitle, F_TAB_META, pw - uw - 12,
                        PANGO_ALIGN_LEFT, false);
  }

  grid_page(d, &g);
  for (size_t r = 0; r < nr && !d->err; r++) {
    for (size_t k = 0; k < nc; k++) {
      sl[k].l = cl[r * nc + k];
      sl[k].x = g.colx[k];
      sl[k].w = colw[k];
      sl[k].pad_left = CELL_PAD_X + ind[r * nc + k];
    }
    place_row(d, &g, sl, nc, true, -1);
  }
  double gridw = nc ? g.colx[nc] : pw;
  if (t->empty && t->empty_note && *t->empty_note && !d->err) {
    size_t need = strlen(t->empty_note) + 32;
    char *note = malloc(need);
    if (!note) {
      d->err = YS_ENOMEM;
    } else {
      snprintf(note, need, "空表说明：%s", t->empty_note);
      slot one = {
          make_layout(d, note, F_CELL, gridw - pad2, PANGO_ALIGN_LEFT, false),
          0, gridw, CELL_PAD_X};
      free(note);
      place_row(d, &g, &one, 1, true, -1);
      unref(one.l);
    }
  }
  if (t->note && *t->note && !d->err) {
    d->y += 3;
    slot one = {
        make_layout(d, t->note, F_NOTE, gridw - 2, PANGO_ALIGN_LEFT, false), 0,
        gridw, 1};
    place_row(d, &g, &one, 1, false, -1);
    unref(one.l);
  }

  for (size_t i = 0; cl && i < nr * nc; i++) unref(cl[i]);
  for (size_t i = 0; g.hc && i < g.nhc; i++) unref(g.hc[i].l);
  unref(g.num);
  unref(g.num_cont);
  unref(g.title);
  unref(g.sub);
  unref(g.unit);
  free(cl);
  free(ind);
  free(colw);
  free(want);
  free(full);
  free(head);
  free(minw);
  free(capw);
  free(maxw);
  free(area);
  free(g.colx);
  free(g.rowy);
  free(g.hc);
  free(used);
  free(sl);
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void draw_lines(cairo_t *cr, PangoLayout *l, int line0, int line1) {
  int n = pango_layout_get_line_count(l);
  if (line1 < 0 || line1 > n) line1 = n;
  PangoLayoutIter *it = pango_layout_get_iter(l);
  double yoff = 0;
  for (int i = 0; i < line1; i++) {
    if (i >= line0) {
      int y0, y1;
      PangoRectangle log;
      pango_layout_iter_get_line_yrange(it, &y0, &y1);
      pango_layout_iter_get_line_extents(it, NULL, &log);
      if (i == line0) yoff = pango_units_to_double(y0);
      double base = pango_units_to_double(pango_layout_iter_get_baseline(it));
      cairo_move_to(cr, pango_units_to_double(log.x), base - yoff);
      pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
    }
    if (!pango_layout_iter_next_line(it)) break;
  }
  pango_layout_iter_free(it);
}

static void draw_op(doc *d, cairo_t *cr, const op *o) {
  char attr[256];
  switch (o->kind) {
  case OP_TEXT:
    cairo_save(cr);
    cairo_translate(cr, o->x, o->y);
    if (o->scale != 1) cairo_scale(cr, o->scale, o->scale);
    draw_lines(cr, o->layout, o->line0, o->line1);
    cairo_restore(cr);
    break;
  case OP_RECT:
    cairo_rectangle(cr, o->x, o->y, o->w, o->h);
    if (o->fill >= 0) {
      cairo_set_source_rgb(cr, o->fill, o->fill, o->fill);
      if (o->ruled)
        cairo_fill_preserve(cr);
      else
        cairo_fill(cr);
      cairo_set_source_rgb(cr, 0, 0, 0);
    }
    if (o->ruled) {
      cairo_set_line_width(cr, RULE);
      cairo_stroke(cr);
    }
    cairo_new_path(cr);
    break;
  case OP_LINE:
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, o->x, o->y);
    cairo_line_to(cr, o->x + o->w, o->y + o->h);
    cairo_stroke(cr);
    break;
  case OP_DEST:
    snprintf(attr, sizeof attr, "name='a%zu' x=%.2f y=%.2f", o->target, o->x,
             o->y);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
    cairo_tag_end(cr, CAIRO_TAG_DEST);
    break;
  case OP_LINK: /* drawn by MuPDF afterwards (pdf_edit.c says why) */
    break;
  case OP_PAGENO: {
    char num[32];
    snprintf(num, sizeof num, "%d",
             o->target < d->nanchors ? d->anchors[o->target].page : 0);
    PangoLayout *l = pango_layout_new(d->ctx);
    pango_layout_set_font_description(l, d->font[F_TOC]);
    pango_layout_set_text(l, num, -1);
    double nw = layout_w(l);
    PangoLayoutIter *it = pango_layout_get_iter(l);
    double base = pango_units_to_double(pango_layout_iter_get_baseline(it));
    pango_layout_iter_free(it);
    double x0 = o->x + 6, x1 = o->x + o->w - nw - 4;
    if (x1 > x0) {
      static const double dots[] = {0.6, 2.6};
      cairo_save(cr);
      cairo_set_line_width(cr, 0.9);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash(cr, dots, 2, 0);
      cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
      cairo_move_to(cr, x0, o->y - 2);
      cairo_line_to(cr, x1, o->y - 2);
      cairo_stroke(cr);
      cairo_restore(cr);
    }
    cairo_move_to(cr, o->x + o->w - nw, o->y - base);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
    break;
  }
  }
}

static void draw(doc *d, cairo_surface_t *surf, cairo_t *cr) {
  int total = (int)d->npages;
  for (size_t p = 0; p < d->npages; p++) {
    const page *pg = &d->pages[p];
    double w = pg->landscape ? A4_LONG : A4_SHORT;
    double h = pg->landscape ? A4_SHORT : A4_LONG;
    cairo_pdf_surface_set_size(surf, w, h);
    cairo_set_source_rgb(cr, 0, 0, 0);
    size_t end = p + 1 < d->npages ? d->pages[p + 1].op0 : d->nops;
    for (size_t i = pg->op0; i < end; i++) {
      const op *o = &d->ops[i];
      draw_op(d, cr, o);
      if (o->kind == OP_LINK && o->target < d->nanchors &&
          d->anchors[o->target].page) {
        ys_pdf_link *l = grow(d, d->links, &d->caplinks, d->nlinks, sizeof *l);
        if (!l) return;
        d->links = l;
        const anchor *a = &d->anchors[o->target];
        d->links[d->nlinks++] = (ys_pdf_link){
            (int)p + 1,           (float)o->x,          (float)o->y,
            (float)(o->x + o->w), (float)(o->y + o->h), a->page,
            (float)a->x,          (float)a->y};
      }
    }
    if (pg->kind != PG_COVER) {
      char foot[64];
      snprintf(foot, sizeof foot, "第 %zu 页 共 %d 页", p + 1, total);
      PangoLayout *l = pango_layout_new(d->ctx);
      pango_layout_set_font_description(l, d->font[F_FOOTER]);
      pango_layout_set_text(l, foot, -1);
      double fy = h - (pg->kind == PG_TABLE ? TAB_FOOTER : TEXT_FOOTER);
      cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
      cairo_move_to(cr, (w - layout_w(l)) / 2, fy - layout_h(l));
      pango_cairo_show_layout(cr, l);
      g_object_unref(l);
    }
    cairo_show_page(cr);
  }
  /* Bookmarks: parents come before their children. */
  int *ids = calloc(d->nanchors + 1, sizeof *ids);
  if (!ids) {
    d->err = YS_ENOMEM;
    return;
  }
  for (size_t i = 0; i < d->nanchors; i++) {
    const anchor *a = &d->anchors[i];
    if (!a->page) continue;
    char link[64];
    snprintf(link, sizeof link, "dest='a%zu'", i);
    int parent = a->parent >= 0 ? ids[a->parent] : CAIRO_PDF_OUTLINE_ROOT;
    ids[i] = cairo_pdf_surface_add_outline(
        surf, parent, a->title, link,
        a->level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
  }
  free(ids);
}

/* ------------------------------------------------------------------ */
/* Entry point                                                         */

/* cairo writes into memory: the links are added before the file is
 * written. */
typedef struct sink {
  unsigned char *data;
  size_t len, cap;
  bool failed;
} sink;

static cairo_status_t write_cb(void *closure, const unsigned char *data,
                               unsigned int length) {
  sink *s = closure;
  if (s->len + length > s->cap) {
    size_t cap = s->cap ? s->cap : 1 << 16;
    while (cap < s->len + length) cap *= 2;
    unsigned char *p = realloc(s->data, cap);
    if (!p) {
      s->failed = true;
      return CAIRO_STATUS_NO_MEMORY;
    }
    s->data = p;
    s->cap = cap;
  }
  memcpy(s->data + s->len, data, length);
  s->len += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Are the fonts installed? fontconfig silently substitutes another
 * family, which would draw every Chinese character as a box. */
static const char *missing_font(doc *d) {
  static const char *const need[] = {SANS, SERIF};
  for (size_t i = 0; i < 2; i++) {
    PangoFontDescription *fd = pango_font_description_from_string(need[i]);
    PangoFont *f = pango_context_load_font(d->ctx, fd);
    pango_font_description_free(fd);
    bool ok = false;
    if (f) {
      PangoFontDescription *got = pango_font_describe(f);
      const char *fam = pango_font_description_get_family(got);
      ok = fam && !g_ascii_strncasecmp(fam, need[i], strlen(need[i]) - 3);
      pango_font_description_free(got);
      g_object_unref(f);
    }
    if (!ok) return need[i];
  }
  return NULL;
}

static void doc_free(doc *d) {
  for (size_t i = 0; i < d->nops; i++)
    if (d->ops[i].layout) g_object_unref(d->ops[i].layout);
  for (size_t i = 0; i < d->nanchors; i++) free(d->anchors[i].title);
  for (int i = 0; i < F_COUNT; i++)
    if (d->font[i]) pango_font_description_free(d->font[i]);
  free(d->ops);
  free(d->pages);
  free(d->anchors);
  free(d->links);
}

/* The document in its printed order — cover, contents, narrative, every
 * table, the links of the contents, the file written whole — each step
 * appending pages to the one document: kept as one sequence so that the
 * order of the pages is the order of the code. */
int ys_render_pdf(const ys_tables *t, const char *dir, ys_errors *errs) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tables.pdf", dir);
  sink out = {NULL, 0, 0, false};
  cairo_surface_t *surf =
      cairo_pdf_surface_create_for_stream(write_cb, &out, A4_SHORT, A4_LONG);
  cairo_t *cr = cairo_create(surf);
  PangoFontMap *fm = pango_cairo_font_map_new();
  doc d = {0};
  d.ctx = pango_font_map_create_context(fm);
  pango_cairo_context_set_resolution(d.ctx, 72);
  cairo_font_options_t *fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(d.ctx, fo);
  cairo_font_options_destroy(fo);
  for (int i = 0; i < F_COUNT; i++) {
    d.font[i] = pango_font_description_new();
    pango_font_description_set_family(d.font[i], font_spec[i].family);
    pango_font_description_set_weight(
        d.font[i], font_spec[i].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_size(d.font[i],
                                    pango_units_from_double(font_spec[i].size));
  }
  int rc = YS_OK;
  const char *missing = missing_font(&d);
  if (missing) {
    ys_errors_add(errs, YS_ENOTFOUND, path, 0, 0,
                  "缺少字体 %s，无法生成 PDF（请安装 fonts-noto-cjk）",
                  missing);
    rc = YS_ENOTFOUND;
  }

  char date[32];
  char *dept = clean_text(t->dept_name ? t->dept_name : "", true);
  size_t tn = (dept ? strlen(dept) : 0) + 64;
  char *title = malloc(tn);
  if (!dept || !title) rc = YS_ENOMEM;
  if (title) snprintf(title, tn, "%s%d年部门预算", dept ? dept : "", t->year);
  int year = t->year >= 1970 && t->year <= 9999 ? t->year : 1970;
  snprintf(date, sizeof date, "%04d-01-01T00:00:00Z", year);
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE,
                                 title ? title : "");
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_AUTHOR,
                                 dept ? dept : "");
  free(dept);
  free(title);
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_SUBJECT,
                                 "部门预算公开：情况说明及公开报表");
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "yusuan");
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_MOD_DATE, date);

  para *ps = NULL;
  size_t np = 0;
  /* valid UTF-8 from here on: the heading parser walks characters */
  char *narrative = rc == YS_OK && t->narrative && *t->narrative
                        ? clean_text(t->narrative, false)
                        : NULL;
  if (rc == YS_OK && t->narrative && *t->narrative && !narrative)
    rc = YS_ENOMEM;
  if (rc == YS_OK) {
    bool narr = narrative && *narrative;
    size_t toc = add_anchor(&d, "目录", 0, -1, false);
    size_t nroot = 0, troot;
    if (narr) {
      nroot = add_anchor(&d, "情况说明", 0, -1, true);
      ps = parse_narrative(&d, narrative, nroot, &np);
    }
    troot = add_anchor(&d, "公开报表", 0, -1, true);
    size_t first_table = d.nanchors;
    for (size_t i = 0; i < t->n && !d.err; i++) {
      const ys_table *tb = &t->tables[i];
      char name[1024];
      snprintf(name, sizeof name, "%s%s%s%s", tb->number ? tb->number : "",
               tb->number && *tb->number ? " " : "", tb->title ? tb->title : "",
               tb->empty ? "（空表）" : "");
      add_anchor(&d, name, 1, (long)troot, true);
    }
    layout_cover(&d, t, narr);
    layout_toc(&d, toc);
    if (narr && !d.err) layout_narrative(&d, ps, np, nroot);
    for (size_t i = 0; i < t->n && !d.err; i++)
      layout_table(&d, &t->tables[i], first_table + i,
                   i == 0 ? troot : (size_t)-1);
    if (!t->n && troot < d.nanchors) d.anchors[troot].toc = false;
    if (!d.err) draw(&d, surf, cr);
    if (d.err) rc = d.err;
  }
  for (size_t i = 0; ps && i < np; i++) free(ps[i].text);
  free(ps);
  free(narrative);

  cairo_destroy(cr);
  cairo_surface_finish(surf);
  cairo_status_t st = cairo_surface_status(surf);
  cairo_surface_destroy(surf);
  if (rc == YS_OK && (out.failed || st == CAIRO_STATUS_NO_MEMORY))
    rc = YS_ENOMEM;
  else if (rc == YS_OK && st != CAIRO_STATUS_SUCCESS) {
    ys_errors_add(errs, YS_EIO, path, 0, 0, "生成 PDF 失败：%s",
                  cairo_status_to_string(st));
    rc = YS_EIO;
  }
  /* the 目录's links, by MuPDF (pdf_edit.c) */
  unsigned char *bytes = out.data, *linked = NULL;
  size_t nbytes = out.len;
  if (rc == YS_OK && d.nlinks) {
    int lr = ys_pdf_add_links(out.data, out.len, d.links, d.nlinks, &linked,
                              &nbytes);
    if (lr == YS_EINPUT)
      ys_errors_add(errs, YS_EINPUT, path, 0, 0,
                    "生成 PDF 失败：无法加入目录链接");
    if (lr) rc = lr;
    bytes = linked;
  }
  if (rc == YS_ENOMEM)
    ys_errors_add(errs, YS_ENOMEM, path, 0, 0, "内存不足，无法生成 PDF");
  doc_free(&d);
  g_object_unref(d.ctx);
  g_object_unref(fm);
  if (rc == YS_OK) {
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(bytes, 1, nbytes, f) == nbytes;
    if (f && fclose(f)) ok = false;
    if (!ok) {
      ys_errors_add(errs, YS_EIO, path, 0, 0, "无法写入文件");
      rc = YS_EIO;
    }
  }
  free(linked);
  free(out.data);
  if (rc != YS_OK) remove(path);
  return rc;
}
