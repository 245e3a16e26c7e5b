/*
 * doc.c - the document model (doc.h): building it, and telling a file's
 * format from its content.
 *
 * Readers append pages, lines, spans and ruling lines through the few
 * functions here, so that every limit (YS_DOC_MAX_SPANS) is enforced in
 * one place and every array grows the same way (ys_arena_reserve).
 */
#include "yusuan/doc.h"

#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "yusuan/text.h"

ys_doc *ys_doc_new(const char *file, ys_doc_format format) {
  ys_arena *a = ys_arena_new(0);
  if (!a) return NULL;
  ys_doc *d = ys_arena_alloc(a, sizeof *d);
  if (!d) {
    ys_arena_free(a);
    return NULL;
  }
  d->arena = a;
  d->format = format;
  d->file = ys_arena_strdup(a, file ? file : "");
  if (!d->file) {
    ys_arena_free(a);
    return NULL;
  }
  return d;
}

void ys_doc_free(ys_doc *d) {
  if (d) ys_arena_free(d->arena);
}

ys_page *ys_doc_add_page(ys_doc *d, float width, float height) {
  ys_page *v = ys_arena_reserve(d->arena, d->pages, d->n, &d->cap, sizeof *v);
  if (!v) return NULL;
  d->pages = v;
  ys_page *p = &d->pages[d->n++];
  memset(p, 0, sizeof *p);
  p->number = (int)d->n;
  p->width = width;
  p->height = height;
  return p;
}

ys_line *ys_doc_add_line(ys_doc *d) {
  if (!d->n) return NULL;
  ys_page *p = &d->pages[d->n - 1];
  ys_line *v = ys_arena_reserve(d->arena, p->lines, p->n, &p->cap, sizeof *v);
  if (!v) return NULL;
  p->lines = v;
  ys_line *l = &p->lines[p->n++];
  memset(l, 0, sizeof *l);
  l->page = p->number;
  return l;
}

static void box_union(ys_box *a, ys_box b, bool first) {
  if (first) {
    *a = b;
    return;
  }
  if (b.x0 < a->x0) a->x0 = b.x0;
  if (b.y0 < a->y0) a->y0 = b.y0;
  if (b.x1 > a->x1) a->x1 = b.x1;
  if (b.y1 > a->y1) a->y1 = b.y1;
}

ys_span *ys_line_add_span(ys_doc *d, ys_line *l, const char *text, size_t len,
                          ys_box box) {
  /* The cap is the caller's to report (ys_doc_span_limit): a span refused
   * here is never dropped silently. */
  if (d->n_spans >= YS_DOC_MAX_SPANS) return NULL;
  ys_span *v = ys_arena_reserve(d->arena, l->spans, l->n, &l->cap, sizeof *v);
  if (!v) return NULL;
  l->spans = v;
  char *t = ys_arena_strndup(d->arena, text, len);
  if (!t) return NULL;
  ys_span *s = &l->spans[l->n++];
  memset(s, 0, sizeof *s);
  s->text = t;
  s->box = box;
  box_union(&l->box, box, l->n == 1);
  d->n_spans++;
  return s;
}

int ys_doc_add_rule(ys_doc *d, ys_box box) {
  if (!d->n) return YS_EUSAGE;
  ys_page *p = &d->pages[d->n - 1];
  ys_box *v = ys_arena_reserve(d->arena, p->rules, p->n_rules, &p->cap_rules,
                               sizeof *v);
  if (!v) return YS_ENOMEM;
  p->rules = v;
  p->rules[p->n_rules++] = box;
  return YS_OK;
}

#define GRID_W 120.0f
#define GRID_H 16.0f

int ys_doc_add_grid(ys_doc *d, const ys_grid_cell *cells, size_t n) {
  if (!d->n) return YS_EUSAGE;
  ys_page *p = &d->pages[d->n - 1];
  float top = p->n ? p->lines[p->n - 1].box.y1 + GRID_H : 0;
  int rows = 0;
  for (size_t i = 0; i < n; i++)
    if (cells[i].row + cells[i].row_span > rows)
      rows = cells[i].row + cells[i].row_span;
  for (int r = 0; r < rows; r++) {
    ys_line *l = NULL;
    for (size_t i = 0; i < n; i++) {
      const ys_grid_cell *c = &cells[i];
      if (c->row != r) continue;
      ys_box b = {(float)c->col * GRID_W, top + (float)r * GRID_H,
                  (float)(c->col + c->col_span) * GRID_W,
                  top + (float)(r + c->row_span) * GRID_H};
      /* the four edges of the cell */
      ys_box e[4] = {{b.x0, b.y0, b.x1, b.y0 + 0.5f},
                     {b.x0, b.y1 - 0.5f, b.x1, b.y1},
                     {b.x0, b.y0, b.x0 + 0.5f, b.y1},
                     {b.x1 - 0.5f, b.y0, b.x1, b.y1}};
      for (int k = 0; k < 4; k++)
        if (ys_doc_add_rule(d, e[k])) return YS_ENOMEM;
      const char *t = c->text;
      size_t tl = c->len;
      /* leading spaces indent a label as padding does: an ideographic
       * space is one em, an ASCII space half of one */
      float lead = 0;
      for (size_t j = 0; j < tl;) {
        if (t[j] == ' ') {
          lead += 0.5f;
          j++;
        } else if (j + 3 <= tl && !memcmp(t + j, "\xE3\x80\x80", 3)) {
          lead += 1;
          j += 3;
        } else {
          break;
        }
      }
      ys_text_trim(&t, &tl);
      if (!tl) continue;
      if (!l && !(l = ys_doc_add_line(d))) return YS_ENOMEM;
      /* text inset from the rules, as a cell's text is */
      /* an indented row label (HTML padding-left, a worksheet's indent)
       * starts further right, as on a printed page */
      float em = c->indent > 0 ? c->indent : lead;
      float ind = em > 0 && em < 40 ? em * 10 : 0;
      if (ind > GRID_W * (float)c->col_span - 8)
        ind = GRID_W * (float)c->col_span - 8;
      ys_box tb = {b.x0 + 2 + ind, b.y0 + 2, b.x1 - 2, b.y0 + GRID_H - 2};
      ys_span *s = ys_line_add_span(d, l, t, tl, tb);
      if (!s) return YS_ENOMEM;
      s->size = 10;
      s->line = c->line;
      s->col = c->col + 1;
      /* a merged cell reaches down to the rows it covers */
      s->box.y1 = b.y1 - 2;
    }
  }
  d->synthetic = true;
  return YS_OK;
}

const char *ys_line_text(ys_doc *d, const ys_line *l) {
  size_t len = 0;
  for (size_t i = 0; i < l->n; i++) len += strlen(l->spans[i].text) + 1;
  char *s = ys_arena_alloc(d->arena, len + 1);
  if (!s) return NULL;
  size_t o = 0;
  for (size_t i = 0; i < l->n; i++) {
    if (i) s[o++] = ' ';
    size_t k = strlen(l->spans[i].text);
    memcpy(s + o, l->spans[i].text, k);
    o += k;
  }
  s[o] = '\0';
  return s;
}

/* --- format by content ------------------------------------------------- */

static bool ends_with_ci(const char *s, const char *suf) {
  size_t n = strlen(s), k = strlen(suf);
  if (n < k) return false;
  for (size_t i = 0; i < k; i++) {
    char a = s[n - k + i], b = suf[i];
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

/* Does the text start (after a BOM and white space) like HTML? */
static bool looks_html(const char *s, size_t n) {
  size_t i = 0;
  if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) i = 3;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
    i++;
  if (i >= n || s[i] != '<') return false;
  static const char *const tags[] = {"<!doctype html", "<html", "<table",
                                     "<head",          "<body", "<meta",
                                     "<div",           "<p>",   "<!--"};
  for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
    size_t k = strlen(tags[t]);
    if (n - i < k) continue;
    bool eq = true;
    for (size_t j = 0; j < k && eq; j++) {
      char c = s[i + j];
      if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
      eq = c == tags[t][j];
    }
    if (eq) return true;
  }
  return false;
}

int ys_doc_read(ys_doc **out, const char *path, ys_errors *errs) {
  *out = NULL;
  char *buf = NULL;
  size_t len = 0;
  int rc = ys_read_file(path, YS_DOC_MAX_BYTES, &buf, &len, errs);
  if (rc) return rc;
  if (len >= 5 && !memcmp(buf, "%PDF-", 5)) {
    free(buf);
    return ys_doc_read_pdf(out, path, errs);
  }
  if (len >= 4 && !memcmp(buf, "PK\x03\x04", 4)) {
    free(buf);
    return ys_doc_read_xlsx(out, path, errs);
  }
  if (len >= 4 && !memcmp(buf, "\xD0\xCF\x11\xE0", 4)) {
    free(buf);
    ys_errors_add(errs, YS_EINPUT, path, 0, 0,
                  "这是旧版 Office 文件（.doc/.xls），请另存为 PDF 或 .xlsx "
                  "后再检查");
    return YS_EINPUT;
  }
  if (looks_html(buf, len))
    rc = ys_doc_read_html(out, path, buf, len, errs);
  else if (ends_with_ci(path, ".csv"))
    rc = ys_doc_read_csv(out, path, buf, len, errs);
  else
    rc = ys_doc_read_text(out, path, buf, len, errs);
  free(buf);
  return rc;
}
