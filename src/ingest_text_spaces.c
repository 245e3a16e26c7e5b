/*
 * ingest_text_spaces.c - grids printed with spaces (Shaanxi): empty cells
 * vanish, names wrap onto the lines before their amounts, and page breaks
 * repeat the header. Lines are gathered into rows (a row ends at its
 * amounts) and fitted by kind and order (ingest_text_fit.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_text_impl.h"

/* --- space-separated grids (Shaanxi) ----------------------------------- */

/* Does a token list look like a body row? An amount with a decimal point
 * or separator, a 合计/总计 label, or a code followed by text and
 * integers. */
static bool body_like(rd *r, const tok *t, size_t n) {
  if (!n) return false;
  const char *k0 = it_lkey(r, t[0].s);
  if ((!strcmp(k0, "合计") || !strcmp(k0, "总计")) && n > 1 &&
      t[1].kind != TK_TEXT)
    return true;
  bool seen_text = false;
  int ints_after = 0;
  for (size_t i = 0; i < n; i++) {
    if (t[i].kind == TK_NUM && strcmp(t[i].s, "-")) return true;
    if (t[i].kind == TK_TEXT)
      seen_text = true;
    else if (t[i].kind == TK_INT && seen_text)
      ints_after++;
  }
  return ints_after >= 1 && t[0].kind != TK_TEXT ? true : ints_after >= 2;
}

/* Is name (a row's name with the text below it joined) the row's code's
 * name in the catalogue, or a beginning of it, where the name alone was
 * not yet the whole? */
static bool wrapped_name(rd *r, const grow *row, const ys_ptable *pt,
                         const char *name) {
  if (!r->cat) return false;
  const char *code = NULL, *own = NULL;
  for (size_t k = 0; k < pt->ncols; k++) {
    if (it_is_code_col(pt->cols[k].show) && *row->cells[k] && !code)
      code = row->cells[k];
    if (pt->cols[k].show == PCOL_NAME) own = row->cells[k];
  }
  if (!code || !own) return false;
  const ys_cat_entry *v[8];
  size_t nv = ys_catalog_versions(r->cat, YS_CLS_FUNC, code, v, 8);
  const char *nk = it_lkey(r, name), *ok = it_lkey(r, own);
  for (size_t i = 0; i < nv && i < 8; i++) {
    const char *ck = it_lkey(r, v[i]->name);
    if (!strcmp(ck, ok)) return false; /* complete already */
    if (it_starts(ck, nk)) return true;
  }
  return false;
}

/* Does this line end a row: an amount, an integer after text, a
 * 合计 or a fixed row printed without amounts? Else it is a wrapped
 * piece of the next row (pend holds those already read). */
static bool line_ends_row(rd *r, const ys_ptable *pt, const ys_tline *l,
                          const tok *t, size_t n, const tok *pend,
                          size_t npend) {
  bool ends_row = false;
  {
    bool seen_text = npend > 0;
    for (size_t j = 0; j < npend; j++)
      if (pend[j].kind == TK_TEXT) seen_text = true;
    for (size_t j = 0; j < n; j++) {
      if (t[j].kind == TK_NUM) ends_row = true;
      if (t[j].kind == TK_TEXT)
        seen_text = true;
      else if (t[j].kind == TK_INT && seen_text && j > 0)
        ends_row = true;
    }
    const char *k0 = it_lkey(r, t[0].s);
    if (!strcmp(k0, "合计") || !strcmp(k0, "总计")) ends_row = true;
  }
  if (!ends_row && !npend) {
    /* A fixed row printed without amounts ("2、车辆（台、辆）"). */
    const char *k0 = it_lkey(r, l->s);
    for (size_t q = 0; q < pt->nrows && !ends_row; q++)
      if (pt->rows[q].kind == PROW_FIXED &&
          !strcmp(it_lkey(r, pt->rows[q].label), k0))
        ends_row = true;
  }
  return ends_row;
}

/* A line appended to the description of the row above it. */
static void continue_desc(rd *r, gtab *g, const ys_ptable *pt,
                          const ys_tline *l) {
  for (size_t k = 0; k < g->nc; k++)
    if (pt->cols[k].show == PCOL_DESC) {
      grow *last = &g->rows[g->n - 1];
      last->cells[k] =
          it_join_text(r, last->cells[k], it_trimdup(r, l->s, l->len));
      break;
    }
}

/* Appends the tokens of a line to the pending pieces of the next row,
 * joining a text broken over the line break; NULL when out of memory. */
static tok *hold_tokens(rd *r, tok *pend, size_t *npend, size_t *cpend,
                        const tok *t, size_t n) {
  for (size_t j = 0; j < n; j++) {
    if (j == 0 && *npend && pend[*npend - 1].kind == TK_TEXT &&
        t[0].kind == TK_TEXT && !t[0].indent) {
      pend[*npend - 1].s = it_join_text(r, pend[*npend - 1].s, t[0].s);
      continue;
    }
    pend = ys_arena_reserve(r->tmp, pend, *npend, cpend, sizeof *pend);
    if (!pend) return NULL;
    pend[(*npend)++] = t[j];
  }
  return pend;
}

/* Text pending before a line that has a code and a name of its own is
 * the end of the previous row's name, wrapped below its code
 * ("机关事业单位职业年金缴" / "2080506 4.64" / "费支出" / "210 卫生健康支出
 * 2.71"). */
static void join_wrapped_name(rd *r, gtab *g, const ys_ptable *pt, const tok *t,
                              size_t n, const tok *pend, size_t *npend) {
  if (*npend && g->n > 0 && !g->rows[g->n - 1].drop && t[0].kind == TK_INT) {
    bool text_only = true, own_name = false;
    for (size_t j = 0; j < *npend; j++) text_only &= pend[j].kind == TK_TEXT;
    for (size_t j = 1; j < n; j++) own_name |= t[j].kind == TK_TEXT;
    for (size_t k = 0; text_only && own_name && k < g->nc; k++)
      if (pt->cols[k].show == PCOL_NAME) {
        grow *last = &g->rows[g->n - 1];
        const char *name = last->cells[k];
        for (size_t j = 0; j < *npend; j++)
          name = it_join_text(r, name, pend[j].s);
        /* only where the catalogue says the previous name goes on so
         * ("机关事业单位" above "2080505 基本养老保险" is the next row's) */
        if (wrapped_name(r, last, pt, name)) {
          last->cells[k] = name;
          *npend = 0;
        }
        break;
      }
  }
}

/* Fits the row made of the pending pieces and this line. */
static int fit_held(rd *r, gtab *g, const tok *pend, size_t npend, const tok *t,
                    size_t n) {
  tok *all = ys_arena_alloc(r->tmp, sizeof(tok) * (npend + n + 1));
  if (!all) return YS_ENOMEM;
  memcpy(all, pend, sizeof(tok) * npend);
  size_t na = npend;
  for (size_t j = 0; j < n; j++) {
    if (j == 0 && all[na - 1].kind == TK_TEXT && t[0].kind == TK_TEXT &&
        !t[0].indent) {
      all[na - 1].s = it_join_text(r, all[na - 1].s, t[0].s);
      continue;
    }
    all[na++] = t[j];
  }
  /* An indentation line of its own ("　　" then the code) */
  int line0 = all[0].line;
  if (!it_fit_tokens(g, all, na, line0, false)) return YS_ENOMEM;
  return YS_OK;
}

int it_grid_spaces(rd *r, const treg *g0, ys_rtable *rt) {
  gtab g;
  if (it_gt_init(&g, r, g0->pt, rt->unit_known ? rt->unit : g0->pt->unit))
    return YS_ENOMEM;
  bool in_body = false, in_note = false;
  const char **hk = NULL;
  size_t nhk = 0, chk = 0;
  unsigned pend_indent = 0;
  tok *pend = NULL;
  size_t npend = 0, cpend = 0;
  bool has_desc = false;
  for (size_t k = 0; k < g.nc; k++)
    if (g0->pt->cols[k].show == PCOL_DESC) has_desc = true;
  for (size_t i = g0->body; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    if (it_blank(l)) {
      /* A line of ideographic spaces: the indentation of the next cell. */
      unsigned sp = 0;
      for (size_t j = 0; j + 3 <= l->len; j += 3)
        if (!strncmp(l->s + j, "\xE3\x80\x80", 3)) sp++;
      if (in_body && sp) pend_indent = sp;
      continue;
    }
    if (it_note_run(r, rt, l, &in_note)) continue;
    const char *lk = it_line_key(r, l);
    if (!in_body) {
      /* Remember the lines above the body: a page break repeats them. */
      hk = ys_arena_reserve(r->tmp, hk, nhk, &chk, sizeof *hk);
      if (!hk) return YS_ENOMEM;
      hk[nhk++] = lk;
    } else {
      bool repeat = false;
      for (size_t j = 0; j < nhk && !repeat; j++) repeat = !strcmp(hk[j], lk);
      if (repeat) continue;
    }
    if (!in_body && it_is_meta_line(r, l)) continue;
    tok *t = NULL;
    size_t n = 0, cap = 0;
    t = it_split_line(r, l, t, &n, &cap);
    if (!t && n) return YS_ENOMEM;
    if (!n) continue;
    if (pend_indent && !npend && !t[0].indent)
      t[0].indent = (unsigned char)(pend_indent > 255 ? 255 : pend_indent);
    pend_indent = 0;
    bool only_stars = true;
    for (size_t j = 0; j < n; j++)
      if (strspn(t[j].s, "*") != strlen(t[j].s)) only_stars = false;
    if (only_stars) continue; /* "** ** **": placeholder of an empty table */
    if (!in_body) {
      if (!body_like(r, t, n)) continue; /* header */
      in_body = true;
    }
    bool ends_row = line_ends_row(r, g0->pt, l, t, n, pend, npend);
    if (!ends_row) {
      if (has_desc && g.n > 0 && npend == 0 && !g.rows[g.n - 1].drop &&
          t[0].indent == 0) {
        /* A description continuing under its project row. */
        continue_desc(r, &g, g0->pt, l);
        continue;
      }
      pend = hold_tokens(r, pend, &npend, &cpend, t, n);
      if (!pend) return YS_ENOMEM;
      continue;
    }
    join_wrapped_name(r, &g, g0->pt, t, n, pend, &npend);
    /* The row: pending wrapped pieces, then this line. */
    if (npend) {
      int rc = fit_held(r, &g, pend, npend, t, n);
      npend = 0;
      if (rc) return rc;
      continue;
    }
    if (!it_fit_tokens(&g, t, n, l->no, false)) return YS_ENOMEM;
  }
  if (npend) {
    it_info(r, pend[0].line, "%s 表末尾的文字“%s”无法归入任何一行，未读入",
            rt->number, pend[0].s);
  }
  it_place_amounts(&g);
  return it_gt_emit(&g, rt);
}
