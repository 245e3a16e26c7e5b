/*
 * read_pdf.c - a PDF as a document (doc.h), with MuPDF.
 *
 * MuPDF interprets each page once into a display list, which is then run
 * through two devices: its structured-text device (characters with their
 * boxes, font sizes and origins) and a small device of ours that keeps
 * the ruling lines (thin filled rectangles and axis-parallel strokes,
 * which is how office suites draw table borders).
 *
 * MuPDF's own lines are not used as they come: it joins the texts of
 * adjacent cells into one line ("1,234,567.89 含税"), and its line boxes
 * come from font boxes (38 pt tall for 13 pt text). So characters are
 * regrouped here: into rows by their origin (baseline), and within a row
 * into spans, cut where the gap between two characters is wide for the
 * font size or where a vertical ruling line passes between them.
 *
 * Refused with a message (exit 2 in the CLI), never half-read: a file
 * MuPDF cannot open, an encrypted file without an empty user password,
 * a document with no pages or more than YS_DOC_MAX_PAGES, a page that
 * fails to load, and a document with no text layer at all (a scan).
 * MuPDF's warnings go nowhere (the library prints nothing).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mupdf/fitz.h>

#include "yusuan/doc.h"
#include "yusuan/text.h"

/* --- ruling lines ------------------------------------------------------ */

#define RULE_THIN 2.5f /* thicker is a filled box, not a line */
#define RULE_MIN 3.0f  /* shorter is a glyph or a dot, not a line */

typedef struct rules {
  ys_box *v;
  size_t n, cap;
  bool oom;
} rules;

/* Text drawn wholly outside its clip (WPS repeats the last lines of a
 * page at the top of the next, clipped away): the structured-text device
 * reports it like any other, so the boxes of such runs are kept here and
 * their characters dropped. */
typedef struct clips {
  fz_rect *stack; /* the clip in force, innermost last */
  size_t n, cap;
  /* the glyphs of text runs no clip lets through: origin and character */
  struct hglyph {
    float x, y;
    int ucs;
  } * hidden;
  size_t nh, caph;
  bool oom;
} clips;

typedef struct rule_dev {
  fz_device super;
  rules *r;
  clips *c;
} rule_dev;

static void rules_add(rules *r, float x0, float y0, float x1, float y1) {
  if (r->oom) return;
  if (x1 < x0) {
    float t = x0;
    x0 = x1;
    x1 = t;
  }
  if (y1 < y0) {
    float t = y0;
    y0 = y1;
    y1 = t;
  }
  float w = x1 - x0, h = y1 - y0;
  if ((w > RULE_THIN && h > RULE_THIN) || (w < RULE_MIN && h < RULE_MIN))
    return;
  if (r->n == r->cap) {
    size_t nc = r->cap ? r->cap * 2 : 64;
    ys_box *v = realloc(r->v, nc * sizeof *v);
    if (!v) {
      r->oom = true;
      return;
    }
    r->v = v;
    r->cap = nc;
  }
  r->v[r->n++] = (ys_box){x0, y0, x1, y1};
}

/* Walks a path, collecting its axis-parallel pieces: for a fill, the
 * bounding boxes of its (rectangular) subpaths; for a stroke, each
 * segment widened by the line width. */
typedef struct walk {
  rules *r;
  fz_matrix ctm;
  bool stroke;
  float lw;
  fz_point start, cur;
  float bx0, by0, bx1, by1; /* subpath bounds (fill) */
  int npts;
  bool curved; /* the subpath has a curve: not a ruling line */
} walk;

static void w_point(walk *w, float x, float y) {
  fz_point p = fz_transform_point_xy(x, y, w->ctm);
  if (!w->npts++) {
    w->bx0 = w->bx1 = p.x;
    w->by0 = w->by1 = p.y;
  } else {
    w->bx0 = fminf(w->bx0, p.x);
    w->bx1 = fmaxf(w->bx1, p.x);
    w->by0 = fminf(w->by0, p.y);
    w->by1 = fmaxf(w->by1, p.y);
  }
}

static void w_flush(walk *w) {
  if (!w->stroke && !w->curved && w->npts >= 2)
    rules_add(w->r, w->bx0, w->by0, w->bx1, w->by1);
  w->npts = 0;
  w->curved = false;
}

static void w_segment(walk *w, fz_point a, fz_point b) {
  fz_point p = fz_transform_point(a, w->ctm), q = fz_transform_point(b, w->ctm);
  float h = w->lw / 2;
  if (fabsf(p.x - q.x) < 0.5f)
    rules_add(w->r, p.x - h, fminf(p.y, q.y), p.x + h, fmaxf(p.y, q.y));
  else if (fabsf(p.y - q.y) < 0.5f)
    rules_add(w->r, fminf(p.x, q.x), p.y - h, fmaxf(p.x, q.x), p.y + h);
}

static void w_moveto(fz_context *ctx, void *arg, float x, float y) {
  (void)ctx;
  walk *w = arg;
  w_flush(w);
  w->start = w->cur = fz_make_point(x, y);
  w_point(w, x, y);
}

static void w_lineto(fz_context *ctx, void *arg, float x, float y) {
  (void)ctx;
  walk *w = arg;
  fz_point p = fz_make_point(x, y);
  if (w->stroke) w_segment(w, w->cur, p);
  w->cur = p;
  w_point(w, x, y);
}

static void w_curveto(fz_context *ctx, void *arg, float x1, float y1, float x2,
                      float y2, float x3, float y3) {
  (void)ctx;
  (void)x1;
  (void)y1;
  (void)x2;
  (void)y2;
  walk *w = arg;
  /* a curve is no ruling line: its subpath is not a thin box either */
  w->cur = fz_make_point(x3, y3);
  w->curved = true;
}

static void w_closepath(fz_context *ctx, void *arg) {
  (void)ctx;
  walk *w = arg;
  if (w->stroke) w_segment(w, w->cur, w->start);
  w->cur = w->start;
}

static void w_rectto(fz_context *ctx, void *arg, float x0, float y0, float x1,
                     float y1) {
  (void)ctx;
  walk *w = arg;
  w_flush(w);
  if (w->stroke) {
    fz_point a = {x0, y0}, b = {x1, y0}, c = {x1, y1}, d = {x0, y1};
    w_segment(w, a, b);
    w_segment(w, b, c);
    w_segment(w, c, d);
    w_segment(w, d, a);
  } else {
    w_point(w, x0, y0);
    w_point(w, x1, y1);
    w_flush(w);
  }
}

/* Nearly white paint draws nothing a reader sees. */
static bool invisible(fz_context *ctx, fz_colorspace *cs, const float *color,
                      float alpha) {
  if (alpha < 0.1f) return true;
  if (!cs || !color) return false;
  float rgb[3];
  fz_convert_color(ctx, cs, color, fz_device_rgb(ctx), rgb, NULL,
                   fz_default_color_params);
  return rgb[0] > 0.9f && rgb[1] > 0.9f && rgb[2] > 0.9f;
}

static void walk_path(fz_context *ctx, rule_dev *d, const fz_path *path,
                      fz_matrix ctm, bool stroke, float lw) {
  static const fz_path_walker walker = {
      w_moveto, w_lineto, w_curveto, w_closepath, NULL, NULL, NULL, w_rectto};
  walk w = {d->r, ctm, stroke, lw, {0, 0}, {0, 0}, 0, 0, 0, 0, 0, false};
  fz_walk_path(ctx, path, &walker, &w);
  w_flush(&w);
}

static void rd_fill_path(fz_context *ctx, fz_device *dev, const fz_path *path,
                         int even_odd, fz_matrix ctm, fz_colorspace *cs,
                         const float *color, float alpha, fz_color_params cp) {
  (void)even_odd;
  (void)cp;
  if (invisible(ctx, cs, color, alpha)) return;
  walk_path(ctx, (rule_dev *)dev, path, ctm, false, 0);
}

static void rd_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *path,
                           const fz_stroke_state *st, fz_matrix ctm,
                           fz_colorspace *cs, const float *color, float alpha,
                           fz_color_params cp) {
  (void)cp;
  if (invisible(ctx, cs, color, alpha)) return;
  float lw = st ? st->linewidth * fz_matrix_expansion(ctm) : 1;
  if (lw < 0.3f) lw = 0.3f;
  walk_path(ctx, (rule_dev *)dev, path, ctm, true, lw);
}

static void clip_push(clips *c, fz_rect r) {
  if (c->oom) return;
  if (c->n == c->cap) {
    size_t nc = c->cap ? c->cap * 2 : 16;
    fz_rect *v = realloc(c->stack, nc * sizeof *v);
    if (!v) {
      c->oom = true;
      return;
    }
    c->stack = v;
    c->cap = nc;
  }
  c->stack[c->n] = c->n ? fz_intersect_rect(c->stack[c->n - 1], r) : r;
  c->n++;
}

static void rd_clip_path(fz_context *ctx, fz_device *dev, const fz_path *path,
                         int even_odd, fz_matrix ctm, fz_rect scissor) {
  (void)even_odd;
  (void)scissor;
  clip_push(((rule_dev *)dev)->c, fz_bound_path(ctx, path, NULL, ctm));
}

static void rd_clip_stroke_path(fz_context *ctx, fz_device *dev,
                                const fz_path *path, const fz_stroke_state *st,
                                fz_matrix ctm, fz_rect scissor) {
  (void)scissor;
  clip_push(((rule_dev *)dev)->c, fz_bound_path(ctx, path, st, ctm));
}

static void rd_clip_text(fz_context *ctx, fz_device *dev, const fz_text *text,
                         fz_matrix ctm, fz_rect scissor) {
  (void)scissor;
  clip_push(((rule_dev *)dev)->c, fz_bound_text(ctx, text, NULL, ctm));
}

static void rd_clip_stroke_text(fz_context *ctx, fz_device *dev,
                                const fz_text *text, const fz_stroke_state *st,
                                fz_matrix ctm, fz_rect scissor) {
  (void)scissor;
  clip_push(((rule_dev *)dev)->c, fz_bound_text(ctx, text, st, ctm));
}

static void rd_clip_image_mask(fz_context *ctx, fz_device *dev, fz_image *img,
                               fz_matrix ctm, fz_rect scissor) {
  (void)ctx;
  (void)img;
  (void)scissor;
  clip_push(((rule_dev *)dev)->c, fz_transform_rect(fz_unit_rect, ctm));
}

static void rd_begin_mask(fz_context *ctx, fz_device *dev, fz_rect area,
                          int luminosity, fz_colorspace *cs, const float *bc,
                          fz_color_params cp) {
  (void)ctx;
  (void)luminosity;
  (void)cs;
  (void)bc;
  (void)cp;
  /* a mask is popped like a clip; it hides nothing outside its area that
   * this reader could tell, so it only keeps the stack balanced */
  clips *c = ((rule_dev *)dev)->c;
  clip_push(c, c->n ? c->stack[c->n - 1] : fz_infinite_rect);
  (void)area;
}

static void rd_pop_clip(fz_context *ctx, fz_device *dev) {
  (void)ctx;
  clips *c = ((rule_dev *)dev)->c;
  if (c->n) c->n--;
}

/* A run of text: hidden when the clip in force leaves none of it. */
static void text_run(fz_context *ctx, rule_dev *d, const fz_text *text,
                     fz_matrix ctm) {
  clips *c = d->c;
  if (!c->n || c->oom) return;
  fz_rect b = fz_bound_text(ctx, text, NULL, ctm);
  if (fz_is_empty_rect(b) ||
      !fz_is_empty_rect(fz_intersect_rect(b, c->stack[c->n - 1])))
    return;
  for (const fz_text_span *sp = text->head; sp; sp = sp->next)
    for (int i = 0; i < sp->len; i++) {
      if (c->nh == c->caph) {
        size_t nc = c->caph ? c->caph * 2 : 64;
        struct hglyph *h = realloc(c->hidden, nc * sizeof *h);
        if (!h) {
          c->oom = true;
          return;
        }
        c->hidden = h;
        c->caph = nc;
      }
      fz_point o = fz_transform_point_xy(sp->items[i].x, sp->items[i].y, ctm);
      c->hidden[c->nh++] = (struct hglyph){o.x, o.y, sp->items[i].ucs};
    }
}

static void rd_fill_text(fz_context *ctx, fz_device *dev, const fz_text *text,
                         fz_matrix ctm, fz_colorspace *cs, const float *color,
                         float alpha, fz_color_params cp) {
  (void)cs;
  (void)color;
  (void)alpha;
  (void)cp;
  text_run(ctx, (rule_dev *)dev, text, ctm);
}

static void rd_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
                           const fz_stroke_state *st, fz_matrix ctm,
                           fz_colorspace *cs, const float *color, float alpha,
                           fz_color_params cp) {
  (void)st;
  (void)cs;
  (void)color;
  (void)alpha;
  (void)cp;
  text_run(ctx, (rule_dev *)dev, text, ctm);
}

/* --- characters into lines and spans ----------------------------------- */

typedef struct pch {
  uint32_t c;
  float x0, x1, y0, y1; /* glyph box */
  float base;           /* origin y */
  float size;
} pch;

static int cmp_pch(const void *a, const void *b) {
  const pch *p = a, *q = b;
  if (p->base < q->base) return -1;
  if (p->base > q->base) return 1;
  return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int cmp_x(const void *a, const void *b) {
  const pch *p = a, *q = b;
  return (p->x0 > q->x0) - (p->x0 < q->x0);
}

/* Does a vertical ruling line pass between x0 and x1 at height y? */
/* The page's vertical ruling lines by the x of their middle: a gap
 * between two characters asks for the lines between two x, found by
 * binary search (a page of a ruled table has hundreds of lines, and every
 * gap of every row asks). */
typedef struct vrule {
  float x, y0, y1;
} vrule;

typedef struct vrules {
  vrule *v;
  size_t n;
} vrules;

static int cmp_vrule(const void *a, const void *b) {
  float x = ((const vrule *)a)->x, y = ((const vrule *)b)->x;
  return (x > y) - (x < y);
}

/* NULL v with n 0 when there are none; false when out of memory. */
static bool vrules_make(vrules *out, const rules *r) {
  out->v = NULL;
  out->n = 0;
  for (size_t i = 0; i < r->n; i++) {
    const ys_box *b = &r->v[i];
    if (b->y1 - b->y0 < b->x1 - b->x0) continue;
    if (!out->v && !(out->v = malloc(sizeof *out->v * r->n))) return false;
    out->v[out->n++] = (vrule){(b->x0 + b->x1) / 2, b->y0, b->y1};
  }
  if (out->n > 1) qsort(out->v, out->n, sizeof *out->v, cmp_vrule);
  return true;
}

static bool rule_between(const vrules *r, float x0, float x1, float y) {
  float lo_x = x0 - 0.5f, hi_x = x1 + 0.5f;
  size_t lo = 0, hi = r->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (r->v[mid].x <= lo_x)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < r->n && r->v[i].x < hi_x; i++)
    if (r->v[i].y0 <= y && r->v[i].y1 >= y) return true;
  return false;
}

/* A span's text as it is gathered, character by character (ys_buf). */
static bool sb_cp(ys_buf *b, uint32_t cp) {
  char u[4];
  ys_buf_putn(b, u, ys_utf8_encode(cp, u));
  return !b->oom;
}

static int emit_span(ys_doc *d, ys_line *l, ys_buf *b, ys_box box, float size) {
  const char *t = b->s ? b->s : "";
  size_t tl = b->len;
  ys_text_trim(&t, &tl);
  b->len = 0;
  if (!tl) return YS_OK;
  ys_span *s = ys_line_add_span(d, l, t, tl, box);
  if (!s) return YS_ENOMEM;
  s->size = size;
  return YS_OK;
}

/* Is the character part of a figure or a word of Latin letters? */
static bool word_char(uint32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= 'a' && cp <= 'z') || cp == '.' || cp == ',' || cp == '%';
}

/* One row of characters (same baseline) into a line of spans. */
static int emit_row(ys_doc *d, pch *c, size_t n, const vrules *r, ys_buf *b) {
  if (n > 1) qsort(c, n, sizeof *c, cmp_x);
  /* A row that runs off the page (a spreadsheet cell's text printed past
   * the margin) is cut at the edge: what the page does not show is not
   * read, nor the figure or word the edge cuts ("占86.0" of 86.04%), whose
   * visible part would read as another figure. */
  float width = d->pages[d->n - 1].width;
  if (n && width > 0 && c[n - 1].x1 > width + 0.5f) {
    while (n && c[n - 1].x0 >= width) n--;
    if (n && c[n - 1].x1 > width + 0.5f)
      while (n && word_char(c[n - 1].c)) n--;
  }
  ys_line *l = ys_doc_add_line(d);
  if (!l) return YS_ENOMEM;
  ys_box box = {0, 0, 0, 0};
  float size = 0;
  bool open = false;
  float last_x1 = 0;
  uint32_t last_cp = ' ';
  for (size_t i = 0; i < n; i++) {
    bool space = c[i].c == ' ' || c[i].c == 0x3000 || c[i].c == 0xA0;
    float em = c[i].size > 1 ? c[i].size : 10;
    if (open) {
      float gap = c[i].x0 - last_x1;
      bool cut = gap > 0.6f * em ||
                 rule_between(r, last_x1, c[i].x0, c[i].base - em * 0.3f);
      if (cut) {
        int rc = emit_span(d, l, b, box, size);
        if (rc) return rc;
        open = false;
      } else if (gap > 0.05f * em && !space && last_cp != ' ') {
        /* a space the PDF does not encode: between two words, or between
         * a Chinese word and a figure ("年终一次性奖金 7.74": a word
         * processor prints the space as a gap). Not between two Chinese
         * characters, which justified text spaces out. */
        bool a = last_cp < 0x80, z = c[i].c < 0x80;
        bool ideo_a = last_cp >= 0x3400 && last_cp < 0xA000,
             ideo_z = c[i].c >= 0x3400 && c[i].c < 0xA000;
        bool alnum_a = (last_cp >= '0' && last_cp <= '9') ||
                       (last_cp >= 'A' && last_cp <= 'z'),
             alnum_z = (c[i].c >= '0' && c[i].c <= '9') ||
                       (c[i].c >= 'A' && c[i].c <= 'z');
        /* (a tab that ends just short of its stop leaves a small gap) */
        if (((a && z && gap > 0.15f * em) || (alnum_a && ideo_z) ||
             (ideo_a && alnum_z)) &&
            !sb_cp(b, ' '))
          return YS_ENOMEM;
      }
    }
    if (space) {
      if (open && !sb_cp(b, ' ')) return YS_ENOMEM;
      last_cp = ' ';
      continue;
    }
    if (!open) {
      box = (ys_box){c[i].x0, c[i].y0, c[i].x1, c[i].y1};
      size = c[i].size;
      open = true;
    } else {
      box.x0 = fminf(box.x0, c[i].x0);
      box.x1 = fmaxf(box.x1, c[i].x1);
      box.y0 = fminf(box.y0, c[i].y0);
      box.y1 = fmaxf(box.y1, c[i].y1);
      if (c[i].size > size) size = c[i].size;
    }
    if (!sb_cp(b, c[i].c)) return YS_ENOMEM;
    last_x1 = c[i].x1;
    last_cp = c[i].c;
  }
  if (open) return emit_span(d, l, b, box, size);
  if (!l->n) d->pages[d->n - 1].n--; /* a row of spaces only */
  return YS_OK;
}

typedef struct pchs {
  pch *v;
  size_t n, cap;
} pchs;

static int cmp_hglyph(const void *a, const void *b) {
  const struct hglyph *p = a, *q = b;
  if (p->y != q->y) return p->y < q->y ? -1 : 1;
  return (p->x > q->x) - (p->x < q->x);
}

/* Is the character one of the glyphs its clip hides (the same character
 * drawn at the same origin)? The glyphs are sorted by y (collect_chars):
 * a binary search, then the few within the tolerance. */
static bool hidden_at(const clips *c, const fz_stext_char *ch) {
  size_t lo = 0, hi = c->nh;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c->hidden[mid].y < ch->origin.y - 0.75f)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < c->nh && c->hidden[i].y < ch->origin.y + 0.75f; i++) {
    const struct hglyph *g = &c->hidden[i];
    if (g->ucs == ch->c && fabsf(g->x - ch->origin.x) < 0.75f) return true;
  }
  return false;
}

static bool collect_chars(fz_stext_page *tp, pchs *out, clips *c) {
  if (c->nh > 1) qsort(c->hidden, c->nh, sizeof *c->hidden, cmp_hglyph);
  for (fz_stext_block *bl = tp->first_block; bl; bl = bl->next) {
    if (bl->type != FZ_STEXT_BLOCK_TEXT) continue;
    for (fz_stext_line *ln = bl->u.t.first_line; ln; ln = ln->next) {
      /* vertical or rotated text (stamps, watermarks): not table text */
      if (fabsf(ln->dir.y) > 0.1f) continue;
      for (fz_stext_char *ch = ln->first_char; ch; ch = ch->next) {
        if (out->n == out->cap) {
          size_t nc = out->cap ? out->cap * 2 : 1024;
          pch *v = realloc(out->v, nc * sizeof *v);
          if (!v) return false;
          out->v = v;
          out->cap = nc;
        }
        fz_rect q = fz_rect_from_quad(ch->quad);
        if (c->nh && hidden_at(c, ch)) continue;
        pch *p = &out->v[out->n++];
        p->c = (uint32_t)ch->c;
        p->x0 = q.x0;
        p->x1 = q.x1;
        p->base = ch->origin.y;
        p->size = ch->size;
        /* the glyph box from the baseline, not the font box */
        p->y0 = ch->origin.y - ch->size * 0.88f;
        p->y1 = ch->origin.y + ch->size * 0.12f;
      }
    }
  }
  return true;
}

/* Characters of a page into rows (a baseline within a third of the font
 * size of the row's first), top to bottom. */
static int page_lines(ys_doc *d, pchs *cs, const rules *r) {
  if (!cs->n) return YS_OK; /* a page with no text (qsort of NULL is UB) */
  qsort(cs->v, cs->n, sizeof *cs->v, cmp_pch);
  vrules vr;
  if (!vrules_make(&vr, r)) return YS_ENOMEM;
  ys_buf b = {0};
  int rc = YS_OK;
  for (size_t i = 0; i < cs->n && rc == YS_OK;) {
    size_t j = i + 1;
    float tol = (cs->v[i].size > 1 ? cs->v[i].size : 10) * 0.35f;
    while (j < cs->n && cs->v[j].base - cs->v[i].base <= tol) j++;
    rc = emit_row(d, cs->v + i, j - i, &vr, &b);
    i = j;
  }
  ys_buf_free(&b);
  free(vr.v);
  return rc;
}

/* --- the document ------------------------------------------------------ */

typedef struct pdfctx {
  fz_context *ctx;
  char why[256]; /* MuPDF's last error, for the message */
} pdfctx;

static void on_warning(void *user, const char *msg) {
  (void)user;
  (void)msg;
}

static void on_error(void *user, const char *msg) {
  pdfctx *p = user;
  snprintf(p->why, sizeof p->why, "%s", msg);
}

/* What a page run collects; on the heap so that a MuPDF exception
 * (longjmp) cannot leave it indeterminate. */
typedef struct pagebits {
  rules r;
  pchs cs;
  clips c;
} pagebits;

/* Reads one page; YS_OK, YS_ENOMEM or YS_EINPUT (page damaged). */
static int read_page(pdfctx *pc, fz_document *doc, int no, ys_doc *d,
                     ys_errors *errs) {
  fz_context *ctx = pc->ctx;
  fz_page *volatile page = NULL;
  fz_display_list *volatile list = NULL;
  fz_stext_page *volatile tp = NULL;
  fz_device *volatile dev = NULL;
  pagebits *pb = calloc(1, sizeof *pb);
  if (!pb) return YS_ENOMEM;
  volatile int rc = YS_OK;
  fz_try(ctx) {
    page = fz_load_page(ctx, doc, no);
    fz_rect bounds = fz_bound_page(ctx, page);
    list = fz_new_display_list_from_page(ctx, page);
    fz_stext_options opts = {0};
    opts.flags = FZ_STEXT_PRESERVE_WHITESPACE | FZ_STEXT_MEDIABOX_CLIP;
    tp = fz_new_stext_page(ctx, bounds);
    dev = fz_new_stext_device(ctx, tp, &opts);
    fz_run_display_list(ctx, list, dev, fz_identity, fz_infinite_rect, NULL);
    fz_close_device(ctx, dev);
    fz_drop_device(ctx, dev);
    dev = NULL;
    rule_dev *rdv = fz_new_derived_device(ctx, rule_dev);
    rdv->r = &pb->r;
    rdv->c = &pb->c;
    rdv->super.fill_path = rd_fill_path;
    rdv->super.stroke_path = rd_stroke_path;
    rdv->super.clip_path = rd_clip_path;
    rdv->super.clip_stroke_path = rd_clip_stroke_path;
    rdv->super.clip_text = rd_clip_text;
    rdv->super.clip_stroke_text = rd_clip_stroke_text;
    rdv->super.clip_image_mask = rd_clip_image_mask;
    rdv->super.begin_mask = rd_begin_mask;
    rdv->super.pop_clip = rd_pop_clip;
    rdv->super.fill_text = rd_fill_text;
    rdv->super.stroke_text = rd_stroke_text;
    dev = &rdv->super;
    fz_run_display_list(ctx, list, dev, fz_identity, fz_infinite_rect, NULL);
    fz_close_device(ctx, dev);
    if (!ys_doc_add_page(d, bounds.x1 - bounds.x0, bounds.y1 - bounds.y0))
      rc = YS_ENOMEM;
    else if (!collect_chars(tp, &pb->cs, &pb->c) || pb->r.oom || pb->c.oom)
      rc = YS_ENOMEM;
  }
  fz_always(ctx) {
    fz_drop_device(ctx, dev);
    fz_drop_stext_page(ctx, tp);
    fz_drop_display_list(ctx, list);
    fz_drop_page(ctx, page);
  }
  fz_catch(ctx) {
    rc = YS_EINPUT;
  }
  if (rc == YS_EINPUT) {
    ys_errors_add(errs, YS_EINPUT, d->file, 0, 0,
                  "PDF 第 %d 页已损坏，无法读取（%s）", no + 1,
                  *pc->why ? pc->why : "格式错误");
  }
  for (size_t i = 0; rc == YS_OK && i < pb->r.n; i++)
    rc = ys_doc_add_rule(d, pb->r.v[i]);
  if (rc == YS_OK) rc = page_lines(d, &pb->cs, &pb->r);
  if (rc == YS_ENOMEM && d->n_spans >= YS_DOC_MAX_SPANS) {
    ys_errors_add(errs, YS_EINPUT, d->file, 0, 0,
                  "PDF 的文字块超过 %d 个，超出可处理的上限", YS_DOC_MAX_SPANS);
    rc = YS_EINPUT;
  }
  free(pb->r.v);
  free(pb->cs.v);
  free(pb->c.stack);
  free(pb->c.hidden);
  free(pb);
  return rc;
}

static int open_pdf(pdfctx *pc, const char *path, fz_document **out,
                    ys_errors *errs) {
  fz_context *ctx = pc->ctx;
  fz_document *volatile doc = NULL;
  fz_try(ctx) {
    fz_register_document_handlers(ctx);
    doc = fz_open_document(ctx, path);
  }
  fz_catch(ctx) {
    ys_errors_add(errs, YS_EINPUT, path, 0, 0,
                  "无法打开 PDF：文件已损坏或不是 PDF（%s）",
                  *pc->why ? pc->why : "格式错误");
    return YS_EINPUT;
  }
  volatile int rc = YS_OK;
  fz_try(ctx) {
    if (fz_needs_password(ctx, doc) && !fz_authenticate_password(ctx, doc, ""))
      rc = YS_EINPUT;
  }
  fz_catch(ctx) rc = YS_EINPUT;
  if (rc)
    ys_errors_add(errs, YS_EINPUT, path, 0, 0,
                  "此 PDF 已加密，需要密码才能打开；请提供未加密的文件");
  if (rc) {
    fz_drop_document(ctx, doc);
    return rc;
  }
  *out = doc;
  return YS_OK;
}

int ys_doc_read_pdf(ys_doc **out, const char *path, ys_errors *errs) {
  *out = NULL;
  pdfctx pc = {NULL, ""};
  pc.ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
  if (!pc.ctx) return YS_ENOMEM;
  fz_set_warning_callback(pc.ctx, on_warning, &pc);
  fz_set_error_callback(pc.ctx, on_error, &pc);
  fz_document *doc = NULL;
  int rc = open_pdf(&pc, path, &doc, errs);
  ys_doc *d = NULL;
  volatile int npages = 0;
  if (rc == YS_OK) {
    fz_try(pc.ctx) npages = fz_count_pages(pc.ctx, doc);
    fz_catch(pc.ctx) npages = -1;
    if (npages <= 0) {
      ys_errors_add(errs, YS_EINPUT, path, 0, 0,
                    npages < 0 ? "PDF 已损坏：无法读取页面目录"
                               : "此 PDF 没有页面");
      rc = YS_EINPUT;
    } else if (npages > YS_DOC_MAX_PAGES) {
      ys_errors_add(errs, YS_EINPUT, path, 0, 0,
                    "PDF 有 %d 页，超过可处理的上限 %d 页", npages,
                    YS_DOC_MAX_PAGES);
      rc = YS_EINPUT;
    }
  }
  if (rc == YS_OK) {
    d = ys_doc_new(path, YS_DOC_PDF);
    if (!d) rc = YS_ENOMEM;
  }
  for (int i = 0; rc == YS_OK && i < npages; i++)
    rc = read_page(&pc, doc, i, d, errs);
  if (rc == YS_OK && d->n_spans == 0) {
    ys_errors_add(errs, YS_EINPUT, path, 0, 0,
                  "此 PDF 没有文字层（可能是扫描件或图片），无法读取其中的"
                  "数字；请提供带文字的 PDF，或先进行文字识别（OCR）");
    rc = YS_EINPUT;
  }
  fz_drop_document(pc.ctx, doc);
  fz_drop_context(pc.ctx);
  if (rc) {
    ys_doc_free(d);
    return rc;
  }
  *out = d;
  return YS_OK;
}
