/*
 * read_html.c - an HTML page as a document (doc.h), with gumbo.
 *
 * Disclosure platforms publish packages as web pages: the narrative in
 * paragraphs, the tables as <table> elements with rowspan and colspan.
 * gumbo parses the page as a browser would (HTML5, broken markup
 * included). Text outside tables becomes lines, one per block element
 * (p, div, li, h1–h6, br ...). A data table becomes a grid
 * (ys_doc_add_grid): its cells placed by the HTML table algorithm, merged
 * ranges kept, so the ruled-table finder reads it like a ruled PDF. A
 * table that holds other tables is page layout, not data: its cells are
 * read as blocks. Scripts, styles and the head are skipped.
 */
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/doc.h"
#include "yusuan/text.h"

#define MAX_SPAN 1000 /* rowspan / colspan beyond this are clamped */
#define MAX_GRID_CELLS 1000000

typedef struct hr {
  ys_doc *d;
  ys_errors *errs;
  ys_buf text; /* the block being collected */
  int line;    /* its source line */
  int rc;
} hr;

static bool skipped(GumboTag t) {
  return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_HEAD ||
         t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_TEMPLATE;
}

static bool block(GumboTag t) {
  switch (t) {
  case GUMBO_TAG_P:
  case GUMBO_TAG_DIV:
  case GUMBO_TAG_BR:
  case GUMBO_TAG_LI:
  case GUMBO_TAG_H1:
  case GUMBO_TAG_H2:
  case GUMBO_TAG_H3:
  case GUMBO_TAG_H4:
  case GUMBO_TAG_H5:
  case GUMBO_TAG_H6:
  case GUMBO_TAG_TR:
  case GUMBO_TAG_TABLE:
  case GUMBO_TAG_SECTION:
  case GUMBO_TAG_ARTICLE:
  case GUMBO_TAG_BLOCKQUOTE:
  case GUMBO_TAG_PRE:
  case GUMBO_TAG_HR:
  case GUMBO_TAG_UL:
  case GUMBO_TAG_OL:
  case GUMBO_TAG_DT:
  case GUMBO_TAG_DD:
  case GUMBO_TAG_CAPTION:
    return true;
  default:
    return false;
  }
}

/* Ends the block collected so far as one line of one span. */
static void flush(hr *r) {
  if (r->rc) return;
  if (r->text.oom) {
    r->rc = YS_ENOMEM;
    return;
  }
  const char *t = r->text.s ? r->text.s : "";
  size_t tl = r->text.len;
  ys_text_trim(&t, &tl);
  if (tl) {
    ys_page *p = &r->d->pages[r->d->n - 1];
    float y = p->n ? p->lines[p->n - 1].box.y1 + 4 : 0;
    ys_line *l = ys_doc_add_line(r->d);
    ys_span *s = l ? ys_line_add_span(r->d, l, t, tl,
                                      (ys_box){0, y, 6.0f * (float)tl, y + 12})
                   : NULL;
    if (!s) {
      r->rc = YS_ENOMEM;
      return;
    }
    s->size = 10;
    s->line = r->line;
  }
  r->text.len = 0;
  r->line = 0;
}

/* Appends text with white space collapsed as a browser shows it. */
static void add_text(ys_buf *b, const char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      if (b->len && b->s[b->len - 1] != ' ' && b->s[b->len - 1] != '\n')
        ys_buf_putn(b, " ", 1);
      continue;
    }
    ys_buf_putn(b, s + i, 1);
  }
}

/* The text of a node's subtree (a cell's text: <br> and blocks become
 * line breaks). */
static void subtree_text(const GumboNode *n, ys_buf *b) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
      n->type == GUMBO_NODE_CDATA) {
    add_text(b, n->v.text.text);
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  GumboTag t = n->v.element.tag;
  if (skipped(t)) return;
  if (t == GUMBO_TAG_BR) {
    ys_buf_putn(b, "\n", 1);
    return;
  }
  const GumboVector *ch = &n->v.element.children;
  for (unsigned i = 0; i < ch->length; i++) subtree_text(ch->data[i], b);
  if (block(t) && b->len && b->s[b->len - 1] != '\n') ys_buf_putn(b, "\n", 1);
}

static bool has_table_inside(const GumboNode *n) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  const GumboVector *ch = &n->v.element.children;
  for (unsigned i = 0; i < ch->length; i++) {
    const GumboNode *c = ch->data[i];
    if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_TABLE)
      return true;
    if (has_table_inside(c)) return true;
  }
  return false;
}

static int span_attr(const GumboNode *n, const char *name) {
  const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
  if (!a) return 1;
  long v = strtol(a->value, NULL, 10);
  return v < 1 ? 1 : v > MAX_SPAN ? MAX_SPAN : (int)v;
}

typedef struct rowlist {
  const GumboNode **v;
  size_t n, cap;
} rowlist;

/* The rows of a table (its own, not those of tables inside it). */
static bool collect_rows(const GumboNode *n, rowlist *rl) {
  const GumboVector *ch = &n->v.element.children;
  for (unsigned i = 0; i < ch->length; i++) {
    const GumboNode *c = ch->data[i];
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag t = c->v.element.tag;
    if (t == GUMBO_TAG_TR) {
      if (rl->n == rl->cap) {
        size_t nc = rl->cap ? rl->cap * 2 : 64;
        const GumboNode **v = realloc(rl->v, nc * sizeof *v);
        if (!v) return false;
        rl->v = v;
        rl->cap = nc;
      }
      rl->v[rl->n++] = c;
    } else if (t == GUMBO_TAG_TBODY || t == GUMBO_TAG_THEAD ||
               t == GUMBO_TAG_TFOOT) {
      if (!collect_rows(c, rl)) return false;
    }
  }
  return true;
}

/* The indentation a cell's style gives its text ("padding-left:3.9em",
 * "text-indent:2em", "padding-left:24px"), in em; 0 when none. A row
 * label's indentation is how many publications show its level. */
static float style_indent(const GumboNode *c) {
  const GumboAttribute *a =
      gumbo_get_attribute(&c->v.element.attributes, "style");
  if (!a) return 0;
  float em = 0;
  static const char *const props[] = {"padding-left", "text-indent",
                                      "margin-left"};
  for (size_t i = 0; i < sizeof props / sizeof props[0]; i++) {
    const char *p = strstr(a->value, props[i]);
    if (!p) continue;
    p += strlen(props[i]);
    while (*p == ' ' || *p == ':') p++;
    char *end = NULL;
    double v = strtod(p, &end);
    if (!end || end == p || v <= 0) continue;
    while (*end == ' ') end++;
    /* px at a 12 px body font; pt at 12 pt; em as is */
    double e = !strncmp(end, "px", 2)   ? v / 12
               : !strncmp(end, "pt", 2) ? v / 12
                                        : v;
    em += (float)e;
  }
  return em;
}

/* The HTML table algorithm, kept simple: each row's cells go into the
 * first columns not taken by a rowspan from above. */
static int data_table(hr *r, const GumboNode *tbl) {
  rowlist rl = {NULL, 0, 0};
  ys_grid_cell *cells = NULL;
  size_t nc = 0, cc = 0;
  /* taken[k]: the row up to which column k is covered from above */
  int *taken = NULL;
  size_t ntaken = 0;
  ys_buf texts[1] = {{0}};
  int rc = collect_rows(tbl, &rl) ? YS_OK : YS_ENOMEM;
  /* the cell texts live in one buffer; offsets are fixed up at the end */
  size_t *off = NULL;
  for (size_t ri = 0; rc == YS_OK && ri < rl.n; ri++) {
    const GumboVector *ch = &rl.v[ri]->v.element.children;
    size_t col = 0;
    for (unsigned i = 0; rc == YS_OK && i < ch->length; i++) {
      const GumboNode *c = ch->data[i];
      if (c->type != GUMBO_NODE_ELEMENT || (c->v.element.tag != GUMBO_TAG_TD &&
                                            c->v.element.tag != GUMBO_TAG_TH))
        continue;
      while (col < ntaken && taken[col] > (int)ri) col++;
      int rs = span_attr(c, "rowspan"), cs = span_attr(c, "colspan");
      if (col + (size_t)cs > ntaken) {
        size_t nn = col + (size_t)cs;
        int *t = realloc(taken, nn * sizeof *t);
        if (!t) {
          rc = YS_ENOMEM;
          break;
        }
        for (size_t k = ntaken; k < nn; k++) t[k] = 0;
        taken = t;
        ntaken = nn;
      }
      for (int k = 0; k < cs; k++) taken[col + (size_t)k] = (int)ri + rs;
      if (nc == cc) {
        size_t ncap = cc ? cc * 2 : 256;
        ys_grid_cell *v = realloc(cells, ncap * sizeof *v);
        size_t *o = realloc(off, ncap * sizeof *o);
        if (v) cells = v;
        if (o) off = o;
        if (!v || !o || ncap > MAX_GRID_CELLS) {
          rc = v && o ? YS_EINPUT : YS_ENOMEM;
          break;
        }
        cc = ncap;
      }
      off[nc] = texts->len;
      subtree_text(c, texts);
      cells[nc] = (ys_grid_cell){NULL,
                                 texts->len - off[nc],
                                 (int)ri,
                                 (int)col,
                                 rs,
                                 cs,
                                 (int)c->v.element.start_pos.line,
                                 style_indent(c)};
      nc++;
      ys_buf_putn(texts, "\x01", 1); /* separator, never part of a cell */
      col += (size_t)cs;
    }
  }
  if (rc == YS_OK && texts->oom) rc = YS_ENOMEM;
  if (rc == YS_EINPUT)
    ys_errors_add(r->errs, YS_EINPUT, r->d->file,
                  (int)tbl->v.element.start_pos.line, 0,
                  "网页表格超过 %d 个单元格，超出可处理的上限", MAX_GRID_CELLS);
  for (size_t i = 0; rc == YS_OK && i < nc; i++)
    cells[i].text = texts->s ? texts->s + off[i] : "";
  if (rc == YS_OK && nc) rc = ys_doc_add_grid(r->d, cells, nc);
  free(rl.v);
  free(cells);
  free(off);
  free(taken);
  free(texts->s);
  return rc;
}

static void walk(hr *r, const GumboNode *n) {
  if (r->rc) return;
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
      n->type == GUMBO_NODE_WHITESPACE) {
    if (!r->line && n->type != GUMBO_NODE_WHITESPACE)
      r->line = (int)n->v.text.start_pos.line;
    add_text(&r->text, n->v.text.text);
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) return;
  const GumboVector *ch = n->type == GUMBO_NODE_DOCUMENT
                              ? &n->v.document.children
                              : &n->v.element.children;
  GumboTag t =
      n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_HTML;
  if (skipped(t)) return;
  if (t == GUMBO_TAG_TABLE && !has_table_inside(n)) {
    flush(r);
    if (!r->rc) r->rc = data_table(r, n);
    return;
  }
  if (block(t)) flush(r);
  for (unsigned i = 0; i < ch->length && !r->rc; i++) walk(r, ch->data[i]);
  if (block(t)) flush(r);
}

int ys_doc_read_html(ys_doc **out, const char *path, const char *data,
                     size_t len, ys_errors *errs) {
  *out = NULL;
  ys_doc *d = ys_doc_new(path, YS_DOC_HTML);
  if (!d) return YS_ENOMEM;
  if (!ys_doc_add_page(d, 0, 0)) {
    ys_doc_free(d);
    return YS_ENOMEM;
  }
  GumboOptions opt = kGumboDefaultOptions;
  opt.max_errors = 0; /* we do not report markup errors */
  GumboOutput *g = gumbo_parse_with_options(&opt, data, len);
  if (!g) {
    ys_doc_free(d);
    return YS_ENOMEM;
  }
  hr r = {d, errs, {NULL, 0, 0, false}, 0, YS_OK};
  walk(&r, g->document);
  flush(&r);
  gumbo_destroy_output(&opt, g);
  free(r.text.s);
  if (r.rc) {
    ys_doc_free(d);
    return r.rc;
  }
  d->synthetic = true;
  *out = d;
  return YS_OK;
}
