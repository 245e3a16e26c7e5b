/*
 * ingest_text_numbered.c - tables whose every cell is broken over lines
 * (Hebei): the header ends with a 栏次 line and repeats on every page,
 * amounts and codes are split ("5846.\n\n29", "20805\n05"), and rows are
 * told by the 序号 that counts 1, 2, 3 ... The rows are grid rows
 * (ingest_text_fit.c) or panel rows (ingest_text_panels.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_text_impl.h"

/* --- cells broken over lines, rows numbered (Hebei) -------------------- */

/* The body tokens of a table whose header ends with a "栏次 1 2 3" line and
 * repeats on every page: page headers and page numbers are skipped, amounts
 * and codes broken over lines are joined. */
tok *it_numbered_tokens(rd *r, const treg *g0, ys_rtable *rt, size_t *nt) {
  *nt = 0;
  size_t i = g0->body;
  /* The page header starts with the first line after the title. */
  while (i < g0->end && it_blank(&r->L[i])) i++;
  const char *sig = i < g0->end ? it_line_key(r, &r->L[i]) : "";
  tok *v = NULL;
  size_t n = 0, cap = 0;
  bool in_header = true, in_note = false;
  for (; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    if (it_blank(l)) continue;
    const char *k = it_line_key(r, l);
    if (*sig && !strcmp(k, sig)) {
      in_header = true;
      /* A page number just before the header: drop it — unless it ends
       * an amount broken over lines ("261.4" "0"). */
      bool completes = false;
      if (n >= 2 && v[n - 2].kind == TK_NUM) {
        const char *dot = strchr(v[n - 2].s, '.');
        completes = dot && (int)strlen(dot + 1) < g0->pt->decimals;
      }
      if (n && !completes && v[n - 1].kind == TK_INT && v[n - 1].line < l->no &&
          (n < 2 || v[n - 2].line != v[n - 1].line)) {
        const ys_tline *pl = NULL;
        for (size_t j = i; j-- > g0->body;)
          if (!it_blank(&r->L[j])) {
            pl = &r->L[j];
            break;
          }
        if (pl && pl->no == v[n - 1].line) n--;
      }
      continue;
    }
    if (in_header) {
      if (it_starts(k, "栏次")) in_header = false;
      continue;
    }
    if (it_note_run(r, rt, l, &in_note)) continue;
    v = it_split_line(r, l, v, &n, &cap);
    if (!v) return NULL;
  }
  /* Join "5846." + "29" and "261.4" + "0" (2-decimal tables). */
  int dec = g0->pt->decimals;
  size_t w = 0;
  for (size_t j = 0; j < n; j++) {
    if (w > 0 && v[j].kind == TK_INT && v[w - 1].kind == TK_NUM) {
      const char *a = v[w - 1].s, *dot = strchr(a, '.');
      if (dot && !strchr(a, ',')) {
        int have = (int)strlen(dot + 1);
        if (have < dec && (int)strlen(v[j].s) == dec - have) {
          v[w - 1].s = ys_arena_printf(r->d->arena, "%s%s", a, v[j].s);
          continue;
        }
      }
    }
    v[w++] = v[j];
  }
  *nt = w;
  return v;
}

/* Rows of a numbered body: a row starts at the integer that continues the
 * 序号 count, once the current row holds something. A code split over two
 * lines ("20805" "05") is joined. */

nrow *it_numbered_rows(rd *r, tok *v, size_t n, size_t *nr, int *stray_line) {
  *nr = 0;
  *stray_line = 0;
  nrow *rows = ys_arena_alloc(r->tmp, sizeof(nrow) * (n + 1));
  if (!rows) return NULL;
  int expect = 1;
  nrow *cur = NULL;
  for (size_t j = 0; j < n; j++) {
    bool start =
        v[j].kind == TK_INT && atoi(v[j].s) == expect && v[j].s[0] != '0' &&
        (!cur || cur->n > 1 || (cur->n == 1 && cur->t[0].kind != TK_INT));
    if (cur && start && cur->n >= 1) {
      /* A row needs more than its number and a code. */
      bool has = false;
      for (size_t q = 1; q < cur->n; q++)
        if (cur->t[q].kind == TK_TEXT || cur->t[q].kind == TK_NUM) has = true;
      if (!has && cur->n > 0) start = false;
    }
    if (start) {
      cur = &rows[(*nr)++];
      cur->t = &v[j];
      cur->n = 1;
      cur->rownum = expect++;
      cur->line = v[j].line;
      continue;
    }
    if (!cur) {
      if (!*stray_line) *stray_line = v[j].line;
      continue;
    }
    /* Tokens are contiguous in v, so extending is a count. */
    if (cur->t + cur->n == &v[j]) cur->n++;
  }
  /* Join split codes: number, code (3 or 5 digits), 2-digit piece. */
  for (size_t q = 0; q < *nr; q++) {
    nrow *x = &rows[q];
    if (x->n >= 3 && x->t[1].kind == TK_INT && x->t[2].kind == TK_INT) {
      size_t l1 = strlen(x->t[1].s), l2 = strlen(x->t[2].s);
      if ((l1 == 3 || l1 == 5) && l2 == 2) {
        tok *t = ys_arena_alloc(r->tmp, sizeof(tok) * x->n);
        if (!t) return NULL;
        memcpy(t, x->t, sizeof(tok) * x->n);
        t[1].s = ys_arena_printf(r->d->arena, "%s%s", x->t[1].s, x->t[2].s);
        memmove(&t[2], &t[3], sizeof(tok) * (x->n - 3));
        x->t = t;
        x->n--;
      }
    }
  }
  return rows;
}

int it_numbered_read(rd *r, const treg *g0, ys_rtable *rt, nrow **rows,
                     size_t *nr) {
  *rows = NULL;
  *nr = 0;
  size_t nt = 0;
  tok *v = it_numbered_tokens(r, g0, rt, &nt);
  if (!v && nt) return YS_ENOMEM;
  int stray = 0;
  *rows = nt ? it_numbered_rows(r, v, nt, nr, &stray) : NULL;
  if (nt && !*rows) return YS_ENOMEM;
  if (stray)
    it_info(r, stray, "%s：表头之后、第 1 行之前的内容无法归入任何一行，未读入",
            rt->title);
  return YS_OK;
}

int it_grid_numbered(rd *r, const treg *g0, ys_rtable *rt) {
  gtab g;
  if (it_gt_init(&g, r, g0->pt, rt->unit_known ? rt->unit : g0->pt->unit))
    return YS_ENOMEM;
  size_t nr = 0;
  nrow *rows = NULL;
  if (it_numbered_read(r, g0, rt, &rows, &nr)) return YS_ENOMEM;
  int rn_col = -1;
  for (size_t k = 0; k < g.nc; k++)
    if (g0->pt->cols[k].show == PCOL_ROWNUM) rn_col = (int)k;
  for (size_t q = 0; q < nr; q++) {
    nrow *x = &rows[q];
    grow *row = it_fit_tokens(&g, x->t + 1, x->n - 1, x->line, true);
    if (!row) return YS_ENOMEM;
    row->rownum = x->rownum;
    if (rn_col >= 0) {
      row->cells[rn_col] = x->t[0].s;
      row->clines[rn_col] = x->t[0].line;
    }
  }
  it_place_amounts(&g);
  return it_gt_emit(&g, rt);
}
