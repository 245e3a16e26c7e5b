/*
 * placed.c - the amounts a reading placed (placed.h).
 */
#include "placed.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/money.h"

int tc_cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}

/* Appends x, doubling the array when full; false (v freed) on OOM. */
static bool push(int64_t **v, size_t *n, size_t *cap, int64_t x) {
  if (*n == *cap) {
    int64_t *w = realloc(*v, *cap * 2 * sizeof *w);
    if (!w) {
      free(*v);
      *v = NULL;
      return false;
    }
    *v = w;
    *cap *= 2;
  }
  (*v)[(*n)++] = x;
  return true;
}

int64_t *tc_placed_amounts(const ys_rdoc *d, size_t *n, size_t *tables) {
  size_t cap = 1024;
  int64_t *v = malloc(cap * sizeof *v);
  *n = 0;
  if (tables) *tables = 0;
  if (!v) return NULL;
  for (size_t t = 0; t < d->n; t++) {
    const ys_rtable *rt = &d->tables[t];
    if (!rt->cols) continue;
    if (tables) (*tables)++;
    for (size_t r = 0; r < rt->nrows; r++) {
      const ys_rrow *row = &rt->rows[r];
      if (!(row->flags & YS_RROW_PLACED)) continue;
      for (size_t k = 0; k < row->n && k < rt->ncols; k++) {
        const char *s = row->cells[k].text;
        ys_amount am;
        if (rt->cols[k].kind != YS_RCOL_AMOUNT || !*s ||
            ys_money_parse(&am, s, strlen(s), YS_UNIT_YUAN, NULL) || am.empty)
          continue;
        if (!push(&v, n, &cap, am.fen)) return NULL;
      }
    }
  }
  qsort(v, *n, sizeof *v, tc_cmp_i64);
  return v;
}

int64_t *tc_table_amounts(const ys_tables *t, const char *skip_title,
                          size_t *n) {
  size_t cap = 1024;
  int64_t *v = malloc(cap * sizeof *v);
  *n = 0;
  if (!v) return NULL;
  for (size_t i = 0; i < t->n; i++) {
    const ys_table *tb = &t->tables[i];
    if (skip_title && strstr(tb->title, skip_title)) continue;
    for (size_t r = 0; r < tb->nrows; r++)
      for (size_t k = 0; k < tb->ncols; k++) {
        const ys_cell *c = &tb->rows[r].cells[k];
        ys_amount am;
        if (c->type != YS_CELL_AMOUNT || !c->text || !*c->text ||
            ys_money_parse(&am, c->text, strlen(c->text), YS_UNIT_YUAN, NULL) ||
            am.empty)
          continue;
        if (!push(&v, n, &cap, am.fen)) return NULL;
      }
  }
  qsort(v, *n, sizeof *v, tc_cmp_i64);
  return v;
}
