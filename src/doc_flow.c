/*
 * doc_flow.c - a document's lines as the lines of a text file (doc_flow.h).
 *
 * A word processor breaks a line that reaches the margin; the text it
 * printed had one line there. The break is told from what a line breaker
 * does: the line ends where the next word would not have fitted (the
 * right edge of the widest lines of pages of that width), its continuation
 * starts at the left edge, close below, in the same size, and no ruling
 * line passes between them (a drawn table's rows are rows, however wide).
 */
#include "doc_flow.h"

#include <math.h>
#include <string.h>

#include "yusuan/text.h"

static bool is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}

/* The first place at or after byte `from` of sp->text where fig is
 * printed as a whole figure; its box by display width. */
static bool span_find(const ys_span *sp, const char *fig, size_t from,
                      ys_box *out, size_t *end) {
  size_t fl = strlen(fig), sl = strlen(sp->text);
  if (!fl || from > sl) return false;
  for (const char *p = strstr(sp->text + from, fig); p;
       p = strstr(p + 1, fig)) {
    const char *e = p + fl;
    bool before = p > sp->text &&
                  (is_digit(p[-1]) || ((p[-1] == '.' || p[-1] == ',') &&
                                       p - 1 > sp->text && is_digit(p[-2])));
    bool after =
        is_digit(e[0]) || ((e[0] == '.' || e[0] == ',') && is_digit(e[1]));
    if (before || after) continue;
    size_t tot = ys_text_width(sp->text, sl);
    size_t pre = ys_text_width(sp->text, (size_t)(p - sp->text));
    size_t w = ys_text_width(p, fl);
    float width = sp->box.x1 - sp->box.x0;
    *out = sp->box;
    if (tot) {
      out->x0 = sp->box.x0 + width * (float)pre / (float)tot;
      out->x1 = sp->box.x0 + width * (float)(pre + w) / (float)tot;
    }
    *end = (size_t)(e - sp->text);
    return true;
  }
  return false;
}

bool ys_span_figure_box(const ys_span *sp, const char *fig, ys_box *out) {
  size_t end;
  return span_find(sp, fig, 0, out, &end);
}

size_t ys_doc_figures(const ys_doc *d) {
  size_t n = 0;
  for (size_t p = 0; p < d->n; p++)
    for (size_t i = 0; i < d->pages[p].n; i++) {
      const ys_line *l = &d->pages[p].lines[i];
      for (size_t j = 0; j < l->n; j++) {
        bool digit = false, mark = false;
        for (const char *s = l->spans[j].text;; s++) {
          if (is_digit(*s))
            digit = true;
          else if ((*s == '.' || *s == ',') && digit)
            mark = true;
          else {
            n += digit && mark;
            digit = mark = false;
            if (!*s) break;
          }
        }
      }
    }
  return n;
}

/* --- line breaks -------------------------------------------------------- */

static bool ascii_at_end(const char *s) {
  size_t n = strlen(s);
  return n && (unsigned char)s[n - 1] < 0x80;
}

/* Punctuation no line starts with (it stays with what it follows). */
static bool closing(uint32_t cp) {
  static const uint32_t v[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1B, 0xFF1A,
                               0xFF01, 0xFF1F, 0xFF09, 0x3011, 0x300D, 0x300F,
                               0x201D, 0x2019, 0xFF05, 0x2026, ',',    '.',
                               ';',    ':',    ')',    '%',    '!',    '?'};
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
    if (cp == v[i]) return true;
  return false;
}

/* The width the first word of l takes, to the first place a line may
 * break: an ASCII run up to a space or one wide character (a line may
 * break after any Chinese character), with the closing punctuation that
 * follows it ("1、" moves to the next line whole). */
static float first_word_width(const ys_line *l) {
  const ys_span *sp = &l->spans[0];
  const char *s = sp->text;
  size_t sl = strlen(s), k = 0;
  if (!sl) return 0;
  uint32_t cp;
  if ((unsigned char)s[0] >= 0x80)
    k = ys_utf8_decode(s, sl, &cp);
  else
    while (k < sl && s[k] != ' ' && (unsigned char)s[k] < 0x80) k++;
  for (size_t n;
       k < sl && (n = ys_utf8_decode(s + k, sl - k, &cp)) && closing(cp);)
    k += n;
  size_t tot = ys_text_width(s, sl);
  if (!tot) return 0;
  return (sp->box.x1 - sp->box.x0) * (float)ys_text_width(s, k) / (float)tot;
}

static bool rule_between(const ys_page *pg, const ys_line *a,
                         const ys_line *b) {
  for (size_t i = 0; i < pg->n_rules; i++) {
    const ys_box *r = &pg->rules[i];
    if (r->y1 >= a->box.y0 && r->y0 <= b->box.y1 && r->x1 >= a->box.x0 &&
        r->x0 <= fmaxf(a->box.x1, b->box.x1))
      return true;
  }
  return false;
}

static float height(const ys_line *l) {
  float h = l->box.y1 - l->box.y0;
  return h > 1 ? h : 10;
}

/* Does b continue a, broken at the margin right (left: the left edge of
 * the page's text)? */
static bool wraps(const ys_page *pg, const ys_line *a, const ys_line *b,
                  float left, float right) {
  if (!a->n || !b->n) return false;
  float h = height(a), pitch = b->box.y0 - a->box.y0;
  if (pitch <= 0 || pitch > 1.6f * h) return false;
  if (fabsf(height(b) - h) > 0.25f * h) return false;
  if (b->box.x0 > left + 0.5f * h) return false;
  if (rule_between(pg, a, b)) return false;
  const char *last = a->spans[a->n - 1].text;
  float gap = ascii_at_end(last) || (unsigned char)b->spans[0].text[0] < 0x80
                  ? 0.25f * h
                  : 0;
  return a->box.x1 + gap + first_word_width(b) > right - 0.3f * h;
}

/* --- the flow ------------------------------------------------------------ */

typedef struct fb {
  ys_doc *d;
  ys_flow *f;
  size_t cap;
} fb;

static int add_line(fb *b, const char *s, int page, size_t p, size_t i,
                    int count) {
  ys_flow *f = b->f;
  if (f->n >= b->cap) return YS_ENOMEM; /* sized by the caller */
  f->lines[f->n] = (ys_tline){s, strlen(s), (int)f->n + 1};
  f->pages[f->n] = page;
  f->page_idx[f->n] = *s ? p : (size_t)-1;
  f->line_idx[f->n] = i;
  f->count[f->n] = count;
  f->n++;
  return YS_OK;
}

/* The widest line's right edge of each page width (a landscape page of
 * tables has its own margin): at most a few widths, one pass. */
typedef struct edges {
  float width[8], right[8];
  size_t n;
} edges;

static void find_edges(edges *e, const ys_doc *d) {
  e->n = 0;
  for (size_t p = 0; p < d->n; p++) {
    const ys_page *q = &d->pages[p];
    size_t k = 0;
    while (k < e->n && fabsf(e->width[k] - q->width) > 1) k++;
    if (k == e->n) {
      if (e->n == 8) continue; /* more widths: those pages join no lines */
      e->width[e->n] = q->width;
      e->right[e->n++] = 0;
    }
    for (size_t i = 0; i < q->n; i++)
      if (q->lines[i].n && q->lines[i].box.x1 > e->right[k])
        e->right[k] = q->lines[i].box.x1;
  }
}

static float right_edge(const edges *e, const ys_page *pg) {
  for (size_t k = 0; k < e->n; k++)
    if (fabsf(e->width[k] - pg->width) <= 1) return e->right[k];
  return INFINITY;
}

/* The leftmost line start of the page. */
static float left_edge(const ys_page *pg) {
  float left = INFINITY;
  for (size_t i = 0; i < pg->n; i++)
    if (pg->lines[i].n && pg->lines[i].box.x0 < left)
      left = pg->lines[i].box.x0;
  return left;
}

/* The next printed line after (p, i), on this page or the next; false at
 * the end of the document. */
static bool next_line(const ys_doc *d, size_t *p, size_t *i) {
  size_t pp = *p, ii = *i + 1;
  for (; pp < d->n; pp++, ii = 0)
    for (; ii < d->pages[pp].n; ii++)
      if (d->pages[pp].lines[ii].n) {
        *p = pp;
        *i = ii;
        return true;
      }
  return false;
}

/* Does line (q, j) continue line (p, i)? On the next page, the last line
 * of a page and the first of the next are compared as if one were below
 * the other. */
static bool continues(const ys_doc *d, const edges *e, size_t p, size_t i,
                      size_t q, size_t j) {
  const ys_page *pg = &d->pages[p], *qg = &d->pages[q];
  const ys_line *a = &pg->lines[i], *b = &qg->lines[j];
  if (q == p) return wraps(pg, a, b, left_edge(pg), right_edge(e, pg));
  if (q != p + 1 || fabsf(pg->width - qg->width) > 1) return false;
  for (size_t k = i + 1; k < pg->n; k++)
    if (pg->lines[k].n) return false; /* not the page's last line */
  for (size_t k = 0; k < j; k++)
    if (qg->lines[k].n) return false;
  ys_line moved = *b;
  float h = height(a);
  moved.box.y0 = a->box.y0 + 1.2f * h;
  moved.box.y1 = moved.box.y0 + height(b);
  ys_page none = *pg;
  none.n_rules = 0;
  return wraps(&none, a, &moved, fminf(left_edge(pg), left_edge(qg)),
               right_edge(e, pg));
}

static int flow_doc(fb *b, const edges *e) {
  ys_doc *d = b->d;
  size_t p = 0, i = (size_t)-1;
  const ys_line *prev = NULL;
  while (next_line(d, &p, &i)) {
    const ys_page *pg = &d->pages[p];
    const ys_line *l = &pg->lines[i];
    const char *t = ys_line_text(d, l);
    if (!t) return YS_ENOMEM;
    /* a paragraph's gap above is a blank line, as in the text printed */
    if (prev && prev->page == l->page &&
        l->box.y0 - prev->box.y0 > 1.8f * height(prev)) {
      int rc = add_line(b, "", pg->number, 0, 0, 0);
      if (rc) return rc;
    }
    int count = 0;
    size_t fp = p, fi = i, q = p, j = i;
    while (next_line(d, &q, &j) && continues(d, e, p, i, q, j)) {
      const char *u = ys_line_text(d, &d->pages[q].lines[j]);
      if (!u) return YS_ENOMEM;
      bool space = ascii_at_end(t) || (unsigned char)u[0] < 0x80;
      t = ys_arena_printf(d->arena, "%s%s%s", t, space ? " " : "", u);
      if (!t) return YS_ENOMEM;
      p = q;
      i = j;
      count++;
    }
    int rc = add_line(b, t, pg->number, fp, fi, count);
    if (rc) return rc;
    prev = &d->pages[p].lines[i];
  }
  return YS_OK;
}

int ys_doc_flow(ys_flow *out, ys_doc *d) {
  memset(out, 0, sizeof *out);
  size_t total = 0;
  for (size_t p = 0; p < d->n; p++) total += 2 * d->pages[p].n + 1;
  fb b = {d, out, total + 1};
  out->lines = ys_arena_alloc(d->arena, sizeof *out->lines * b.cap);
  out->pages = ys_arena_alloc(d->arena, sizeof *out->pages * b.cap);
  out->page_idx = ys_arena_alloc(d->arena, sizeof *out->page_idx * b.cap);
  out->line_idx = ys_arena_alloc(d->arena, sizeof *out->line_idx * b.cap);
  out->count = ys_arena_alloc(d->arena, sizeof *out->count * b.cap);
  if (!out->lines || !out->pages || !out->page_idx || !out->line_idx ||
      !out->count)
    return YS_ENOMEM;
  out->doc = d;
  edges e;
  find_edges(&e, d);
  return flow_doc(&b, &e);
}

bool ys_flow_place(const ys_flow *f, int no, const char *text, size_t *from,
                   int *page, ys_box *box) {
  if (no < 1 || (size_t)no > f->n || f->page_idx[no - 1] == (size_t)-1)
    return false;
  const ys_doc *d = f->doc;
  size_t p = f->page_idx[no - 1], i = f->line_idx[no - 1];
  const ys_line *first = &d->pages[p].lines[i];
  size_t pos = 0; /* bytes of the flow line before the span */
  for (int k = 0; k <= f->count[no - 1]; k++) {
    if (k && !next_line(d, &p, &i)) break;
    const ys_line *l = &d->pages[p].lines[i];
    for (size_t j = 0; j < l->n; j++) {
      const ys_span *sp = &l->spans[j];
      size_t sl = strlen(sp->text), end;
      if (pos + sl >= *from &&
          span_find(sp, text, *from > pos ? *from - pos : 0, box, &end)) {
        *page = l->page;
        *from = pos + end;
        return true;
      }
      pos += sl + 1;
    }
  }
  /* not printed as read (a name broken over two lines): the line */
  *page = first->page;
  *box = first->box;
  return false;
}
