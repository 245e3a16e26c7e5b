/*
 * rawtable.c - storage for raw tables; everything lives in the document's
 * arena so a document is freed in one call.
 */
#include "yusuan/rawtable.h"

#include <stdlib.h>
#include <string.h>

ys_rdoc *ys_rdoc_new(const char *file) {
  ys_rdoc *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  /* 4 GiB per document: a compiled department of tens of thousands of
   * units fits (about 60 KiB per unit), and a hostile input still cannot
   * exhaust the machine; past it the caller gets YS_ENOMEM. */
  d->arena = ys_arena_new((size_t)4 << 30);
  if (!d->arena) {
    free(d);
    return NULL;
  }
  d->file = ys_arena_strdup(d->arena, file ? file : "");
  return d;
}

void ys_rdoc_free(ys_rdoc *d) {
  if (!d) return;
  ys_doc_free(d->doc);
  ys_arena_free(d->arena);
  free(d);
}

ys_rtable *ys_rdoc_add_table(ys_rdoc *d) {
  ys_rtable *grown =
      ys_arena_reserve(d->arena, d->tables, d->n, &d->cap, sizeof *grown);
  if (!grown) return NULL;
  d->tables = grown;
  ys_rtable *t = &d->tables[d->n++];
  memset(t, 0, sizeof *t);
  t->file = d->file;
  t->number = "";
  t->title = "";
  t->note = "";
  t->header_rows = -1;
  return t;
}

ys_rclaim *ys_rdoc_add_claim(ys_rdoc *d) {
  ys_rclaim *grown = ys_arena_reserve(d->arena, d->claims, d->n_claims,
                                      &d->cap_claims, sizeof *grown);
  if (!grown) return NULL;
  d->claims = grown;
  ys_rclaim *c = &d->claims[d->n_claims++];
  memset(c, 0, sizeof *c);
  c->quantity = c->subject = c->text = c->sentence = "";
  return c;
}

ys_rclaim *ys_rdoc_claim(ys_rdoc *d, ys_claim_kind kind, const char *subject,
                         const char *text, ys_unit unit, const char *sentence,
                         int line) {
  ys_rclaim *c = ys_rdoc_add_claim(d);
  if (!c || !sentence) return NULL;
  c->kind = kind;
  c->quantity = "";
  c->subject = ys_arena_strdup(d->arena, subject ? subject : "");
  c->text = ys_arena_strdup(d->arena, text ? text : "");
  c->unit = unit;
  c->sentence = sentence;
  c->line = line;
  return c->subject && c->text ? c : NULL;
}

bool ys_rclaim_parts(ys_rdoc *d, ys_rclaim *c, size_t n) {
  c->parts = ys_arena_alloc(d->arena, sizeof(char *) * (n + 1));
  c->part_units = ys_arena_alloc(d->arena, sizeof(ys_unit) * (n + 1));
  return c->parts && c->part_units;
}

ys_rrow *ys_rtable_add_row(ys_rdoc *d, ys_rtable *t, size_t n, int line) {
  /* Rows grow by doubling inside the arena; the capacity is implied by the
   * count (next power of two), so no extra field is needed. */
  size_t cap = 16;
  while (cap < t->nrows) cap *= 2;
  if (t->nrows == 0 || t->nrows == cap) {
    size_t ncap = t->nrows == 0 ? 16 : cap * 2;
    ys_rrow *r = ys_arena_grow(d->arena, t->rows, t->nrows, ncap, sizeof *r);
    if (!r) return NULL;
    t->rows = r;
  }
  ys_rrow *row = &t->rows[t->nrows++];
  row->n = n;
  row->line = line;
  row->cells = ys_arena_alloc(d->arena, sizeof(ys_rcell) * (n ? n : 1));
  if (!row->cells) return NULL;
  for (size_t i = 0; i < n; i++) {
    row->cells[i].text = "";
    row->cells[i].line = line;
  }
  return row;
}

const char *ys_claim_kind_name(ys_claim_kind k) {
  static const char *const names[] = {
      "amount",     "missing", "sum",  "share",     "change", "completion",
      "difference", "repeat",  "name", "unchecked", "unread", "unexplained"};
  return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}
