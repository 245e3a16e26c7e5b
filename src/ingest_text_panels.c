/*
 * ingest_text_panels.c - 收支总表 and other panels tables: up to four
 * label/amount panels side by side on one printed row. Labels are matched
 * to the panels' rows (in order, by a cursor per panel), amounts go to
 * the label's panel; a panel with several amount columns is settled after
 * the table is read by the grid placement search (ingest_text_place.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_text_impl.h"

/* --- panels (收支总表) ---------------------------------------------------- */

typedef struct plabel {
  const char *key;
  int panel;
  int index; /* position in rows then footer */
  int kind;  /* 0 body row, 1 the footer's first total, 2 other footer */
} plabel;

/* An entry of a panel with several amount columns, placed after the whole
 * table is read so that the column sums can decide where its amounts go. */
typedef struct pdefer {
  size_t row; /* index in rt->rows */
  int panel, kind, line;
  tok *amt;
  size_t namt;
} pdefer;

typedef struct ptab {
  rd *r;
  const ys_ptable *pt;
  int width;
  int *off; /* label column of each panel */
  plabel *lab;
  size_t nlab;
  int *cursor;
  ys_unit unit;
  int ambiguous, first_ambiguous_line;
  pdefer *def;
  size_t ndef, cdef;
  bool codes; /* a panel has a code column (科目编码 before the name) */
} ptab;

static void plabels_add(ptab *p, const char *k, int panel, int index, int kind,
                        size_t *cap) {
  if (!*k) return;
  p->lab = ys_arena_reserve(p->r->tmp, p->lab, p->nlab, cap, sizeof *p->lab);
  if (!p->lab) return;
  p->lab[p->nlab].key = k;
  p->lab[p->nlab].panel = panel;
  p->lab[p->nlab].index = index;
  p->lab[p->nlab].kind = kind;
  p->nlab++;
}

static int pt_init(ptab *p, rd *r, const ys_ptable *pt, ys_unit unit) {
  memset(p, 0, sizeof *p);
  p->r = r;
  p->pt = pt;
  p->unit = unit;
  p->off = ys_arena_alloc(r->tmp, sizeof(int) * (pt->npanels + 1));
  p->cursor = ys_arena_alloc(r->tmp, sizeof(int) * (pt->npanels + 1));
  if (!p->off || !p->cursor) return YS_ENOMEM;
  int w = pt->rownum ? 1 : 0;
  size_t cap = 0;
  for (size_t q = 0; q < pt->npanels; q++) {
    const ys_ppanel *pp = &pt->panels[q];
    p->off[q] = w + (pp->code ? 1 : 0);
    if (pp->code) p->codes = true;
    w += ys_ppanel_width(pp);
    int idx = 0;
    bool seen_total = false;
    for (int pass = 0; pass < 2; pass++) {
      const ys_prow *rows = pass ? pp->footer : pp->rows;
      size_t n = pass ? pp->n_footer : pp->n_rows;
      for (size_t i = 0; i < n; i++, idx++) {
        const ys_prow *pr = &rows[i];
        int kind = 0;
        if (pass) {
          kind = pr->total && !seen_total ? 1 : 2;
          if (pr->total) seen_total = true;
        }
        if (pr->kind == PROW_FIXED) {
          plabels_add(p, it_lkey(r, pr->label), (int)q, idx, kind, &cap);
        } else if (pr->kind == PROW_CLASSES && r->cat) {
          /* One slot per class, in code order, so the cursor moves past
           * the classes already read and not past all of them. */
          for (int c = 0; c < pr->n_codes; c++, idx++) {
            const ys_cat_entry *e[8];
            size_t nv =
                ys_catalog_versions(r->cat, pr->cls, pr->codes[c], e, 8);
            for (size_t m = 0; m < nv && m < 8; m++)
              plabels_add(p, it_lkey(r, e[m]->name), (int)q, idx, 0, &cap);
          }
        }
      }
    }
  }
  p->width = w;
  return YS_OK;
}

/* Panels a label can belong to, at or after each panel's cursor. Returns
 * the first panel > after whose rows hold the label, or -1. */
static int panel_of(ptab *p, const char *label, int after, int *index) {
  const char *k = it_lkey(p->r, label);
  if (!*k) return -1;
  int best = -1, bidx = 0;
  for (int pass = 0; pass < 2 && best < 0; pass++)
    for (size_t i = 0; i < p->nlab; i++) {
      const plabel *x = &p->lab[i];
      if (x->panel <= after) continue;
      if (pass == 0 && x->index < p->cursor[x->panel]) continue;
      if (strcmp(x->key, k)) continue;
      if (best < 0 || x->panel < best) {
        best = x->panel;
        bidx = x->index;
      }
    }
  if (index) *index = bidx;
  return best;
}

/* The kind of a panel's slot (body row, first footer total, other). */
static int slot_kind(const ptab *p, int panel, int index) {
  for (size_t i = 0; i < p->nlab; i++)
    if (p->lab[i].panel == panel && p->lab[i].index == index)
      return p->lab[i].kind;
  return 2;
}

typedef struct pgroup_ {
  const char *label;
  const char *code; /* the 科目编码 before the label, or NULL */
  int line;
  tok *amt;
  size_t namt;
} pgroup_;

/* Merges text tokens that belong to one label: "三" "、机关…", a label
 * broken over lines. A new label starts at list numbering ("一、", "(1)",
 * "1、") or at a label the panels know. */
static bool label_start(ptab *p, const char *s) {
  const char *k = it_keyz(p->r, s);
  size_t c = it_cn_run(k);
  if (c && it_starts(k + c, "、")) return true;
  if (*k == '(') return true;
  const char *q = k;
  while (*q >= '0' && *q <= '9') q++;
  if (q > k && (it_starts(q, "、") || *q == '.')) return true;
  if (it_starts(k, "其中")) return true;
  return panel_of(p, s, -1, NULL) >= 0;
}

static pgroup_ *panel_groups(ptab *p, const tok *t, size_t n, size_t *ng,
                             bool broken) {
  *ng = 0;
  pgroup_ *gs = ys_arena_alloc(p->r->tmp, sizeof(pgroup_) * (n + 1));
  if (!gs) return NULL;
  pgroup_ *cur = NULL;
  for (size_t i = 0; i < n; i++) {
    /* In a panel with a code column, a 3-, 5- or 7-digit integer before a
     * name is the name's 科目编码, not an amount. */
    size_t cl = t[i].kind == TK_INT ? strlen(t[i].s) : 0;
    if (p->codes && (cl == 3 || cl == 5 || cl == 7) && i + 1 < n &&
        t[i + 1].kind == TK_TEXT) {
      cur = &gs[(*ng)++];
      cur->code = t[i].s;
      cur->label = t[i + 1].s;
      cur->line = t[i].line;
      cur->amt = ys_arena_alloc(p->r->tmp, sizeof(tok) * (n + 1));
      cur->namt = 0;
      if (!cur->amt) return NULL;
      i++;
      continue;
    }
    if (t[i].kind == TK_TEXT) {
      const char *ck = cur ? it_keyz(p->r, cur->label) : "";
      /* Only numbering so far ("二十四、" then "预备费"). */
      bool bare = cur && !*it_strip_numbering(p->r, ck);
      /* After its amounts a label goes on only if it is still incomplete
       * (a page break cut "八、社会" from "保障和就业支出"). */
      bool open = cur && (cur->namt == 0 ||
                          (broken && panel_of(p, cur->label, -1, NULL) < 0));
      bool cont = cur && open &&
                  (bare || !label_start(p, t[i].s) ||
                   /* "三" "、机关…" */
                   it_starts(t[i].s, "、") || it_cn_run(ck) == strlen(ck));
      if (cont && !broken) {
        /* Space-separated: a bare label followed by another bare label is
         * two labels unless one is a fragment. */
        cont = bare || it_starts(t[i].s, "、") || it_starts(t[i].s, ")") ||
               it_starts(t[i].s, "）") || it_cn_run(ck) == strlen(ck) ||
               (strlen(ck) <= 4 && ck[0] == '(');
      }
      if (cont) {
        cur->label = it_join_text(p->r, cur->label, t[i].s);
        continue;
      }
      cur = &gs[(*ng)++];
      cur->label = t[i].s;
      cur->code = NULL;
      cur->line = t[i].line;
      cur->amt = ys_arena_alloc(p->r->tmp, sizeof(tok) * (n + 1));
      cur->namt = 0;
      if (!cur->amt) return NULL;
      continue;
    }
    if (!cur) {
      cur = &gs[(*ng)++];
      cur->label = "";
      cur->code = NULL;
      cur->line = t[i].line;
      cur->amt = ys_arena_alloc(p->r->tmp, sizeof(tok) * (n + 1));
      cur->namt = 0;
      if (!cur->amt) return NULL;
    }
    cur->amt[cur->namt++] = t[i];
  }
  return gs;
}

/* Places a group's amounts into a panel's amount columns. With fewer
 * amounts than columns: the first column is the total of the others when
 * the panel's first amount column is unrestricted; placements keeping that
 * are tried left to right. */
static bool panel_amounts(ptab *p, int panel, const pgroup_ *grp,
                          ys_rrow *row) {
  const ys_ppanel *pp = &p->pt->panels[panel];
  int m = pp->n_amounts > 0 ? pp->n_amounts : 1;
  int base = p->off[panel] + 1;
  if ((int)grp->namt > m) return false;
  if ((int)grp->namt == m) {
    for (int j = 0; j < m; j++) {
      row->cells[base + j].text = grp->amt[j].s;
      row->cells[base + j].line = grp->amt[j].line;
    }
    return true;
  }
  if (grp->namt == 0) return true;
  /* Leftmost placement keeping "first = Σ rest" (when it applies). */
  bool first_total = m > 1;
  if (first_total) {
    const ys_qfilter *f0 = &pp->amounts[0];
    first_total = !f0->funds && !f0->periods && !f0->kinds && !f0->natures;
  }
  size_t k = grp->namt;
  unsigned char idx[64];
  if (m > 64) return false;
  for (size_t i = 0; i < k; i++) idx[i] = (unsigned char)i;
  int tries = 0, found = -1;
  unsigned char best[64];
  for (;;) {
    bool good = true;
    if (first_total) {
      int64_t tot = 0, s = 0, tol = 0;
      bool has_tot = false;
      for (size_t i = 0; i < k; i++) {
        aval a = it_parse_amount(grp->amt[i].s, p->unit);
        if (!a.ok) continue;
        tol += a.rad;
        if (idx[i] == 0) {
          tot = a.fen;
          has_tot = true;
        } else
          s += a.fen;
      }
      int64_t d = (has_tot ? tot : 0) - s;
      if (d < 0) d = -d;
      good = d <= tol;
    }
    if (good) {
      if (found < 0) {
        memcpy(best, idx, k);
        found = tries;
      } else {
        p->ambiguous++;
        if (!p->first_ambiguous_line) p->first_ambiguous_line = grp->line;
        break;
      }
    }
    tries++;
    size_t i = k;
    while (i > 0 && idx[i - 1] == (unsigned)(m - (int)k + (int)i - 1)) i--;
    if (i == 0) break;
    idx[i - 1]++;
    for (size_t j = i; j < k; j++) idx[j] = (unsigned char)(idx[j - 1] + 1);
  }
  if (found < 0) return false;
  for (size_t i = 0; i < k; i++) {
    row->cells[base + best[i]].text = grp->amt[i].s;
    row->cells[base + best[i]].line = grp->amt[i].line;
  }
  return true;
}

/* One printed row of a panels table from its tokens. */
static int panel_row(ptab *p, ys_rtable *rt, const tok *t, size_t n, int line,
                     const tok *rownum, bool broken) {
  rd *r = p->r;
  size_t ng = 0;
  pgroup_ *gs = panel_groups(p, t, n, &ng, broken);
  if (!gs) return n ? YS_ENOMEM : YS_OK;
  if (!ng) return YS_OK;
  ys_rrow *row = ys_rtable_add_row(r->d, rt, (size_t)p->width, line);
  if (!row) return YS_ENOMEM;
  if (rownum && p->pt->rownum) {
    row->cells[0].text = rownum->s;
    row->cells[0].line = rownum->line;
  }
  int np = (int)p->pt->npanels;
  bool positional = (int)ng == np;
  int last = -1;
  for (size_t i = 0; i < ng; i++) {
    pgroup_ *grp = &gs[i];
    int idx = 0, panel;
    if (positional) {
      panel = (int)i;
      int li = 0;
      if (panel_of(p, grp->label, panel - 1, &li) == panel)
        idx = li;
      else
        idx = p->cursor[panel];
    } else {
      panel = panel_of(p, grp->label, last, &idx);
    }
    if (panel < 0 || panel <= last) {
      it_info(r, grp->line, "%s：“%s”不是报表格式中任何一栏的项目，未读入",
              rt->title, *grp->label ? grp->label : grp->amt[0].s);
      continue;
    }
    last = panel;
    p->cursor[panel] = idx + 1;
    row->cells[p->off[panel]].text = grp->label;
    row->cells[p->off[panel]].line = grp->line;
    const ys_ppanel *pp = &p->pt->panels[panel];
    if (pp->code && grp->code) {
      row->cells[p->off[panel] - 1].text = grp->code;
      row->cells[p->off[panel] - 1].line = grp->line;
    }
    if (pp->n_amounts > 1 && grp->namt <= (size_t)pp->n_amounts) {
      p->def =
          ys_arena_reserve(r->tmp, p->def, p->ndef, &p->cdef, sizeof *p->def);
      if (!p->def) return YS_ENOMEM;
      p->def[p->ndef++] =
          (pdefer){rt->nrows - 1, panel,    slot_kind(p, panel, idx),
                   grp->line,     grp->amt, grp->namt};
      continue;
    }
    if (!panel_amounts(p, panel, grp, row))
      it_info(r, grp->line, "%s：“%s”的金额个数与报表格式不符，金额未读入",
              rt->title, grp->label);
  }
  return YS_OK;
}

/* Places the deferred amounts of each panel with several amount columns:
 * the panel's rows sum to its first footer total column by column, and
 * the first amount column is the sum of the others when it is
 * unrestricted; the placement search of grid tables decides. */
static int panels_settle(ptab *p, ys_rtable *rt) {
  rd *r = p->r;
  for (size_t q = 0; q < p->pt->npanels; q++) {
    const ys_ppanel *pp = &p->pt->panels[q];
    int m = pp->n_amounts;
    if (m <= 1) continue;
    ys_ptable *fake = ys_arena_alloc(r->tmp, sizeof *fake);
    ys_pcol *cols = ys_arena_alloc(r->tmp, sizeof(ys_pcol) * (size_t)m);
    if (!fake || !cols) return YS_ENOMEM;
    fake->cols = cols;
    fake->ncols = (size_t)m;
    fake->decimals = p->pt->decimals;
    const ys_qfilter *f0 = &pp->amounts[0];
    if (!f0->funds && !f0->periods && !f0->kinds && !f0->natures)
      for (int k = 1; k < m && k <= YS_MAX_SUM_OF; k++)
        cols[0].sum_of[cols[0].n_sum_of++] = k;
    gtab g;
    if (it_gt_init(&g, r, fake, p->unit)) return YS_ENOMEM;
    size_t *at = ys_arena_alloc(r->tmp, sizeof(size_t) * (p->ndef + 1));
    if (!at) return YS_ENOMEM;
    size_t n = 0;
    /* The total first, so the tree sees it as the parent of the rows. */
    for (int pass = 0; pass < 2; pass++)
      for (size_t i = 0; i < p->ndef; i++) {
        pdefer *d = &p->def[i];
        if (d->panel != (int)q || (pass == 0) != (d->kind == 1)) continue;
        grow *row = it_gt_row(&g, d->line);
        if (!row) return YS_ENOMEM;
        row->amt = d->amt;
        row->namt = d->namt;
        row->level = d->kind == 1 ? 0 : d->kind == 0 ? 1 : -1;
        at[n++] = i;
      }
    it_place_amounts(&g);
    p->ambiguous += g.ambiguous;
    if (g.ambiguous && (!p->first_ambiguous_line ||
                        g.first_ambiguous_line < p->first_ambiguous_line))
      p->first_ambiguous_line = g.first_ambiguous_line;
    int base = p->off[q] + 1;
    for (size_t j = 0; j < n; j++) {
      grow *row = &g.rows[j];
      if (row->drop) continue;
      ys_rrow *o = &rt->rows[p->def[at[j]].row];
      for (int k = 0; k < m; k++)
        if (*row->cells[k]) {
          o->cells[base + k].text = row->cells[k];
          o->cells[base + k].line = row->clines[k];
        }
    }
  }
  return YS_OK;
}

/* The panels settled, and the rows whose amounts were fewer than the
 * columns (filled in printed order) said once. */
static int panels_finish(ptab *p, ys_rtable *rt) {
  int src = panels_settle(p, rt);
  if (src) return src;
  if (p->ambiguous)
    it_info(
        p->r, p->first_ambiguous_line,
        "%s：%d 个项目的金额少于金额列数，已按印出顺序从左到右填入（请核对）",
        rt->title, p->ambiguous);
  return YS_OK;
}

int it_panels_spaces(rd *r, const treg *g0, ys_rtable *rt) {
  ptab p;
  if (pt_init(&p, r, g0->pt, rt->unit_known ? rt->unit : g0->pt->unit))
    return YS_ENOMEM;
  bool in_body = false, in_note = false;
  for (size_t i = g0->body; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    if (it_blank(l)) continue;
    if (it_note_run(r, rt, l, &in_note)) continue;
    if (!in_body && it_is_meta_line(r, l)) continue;
    tok *t = NULL;
    size_t n = 0, cap = 0;
    t = it_split_line(r, l, t, &n, &cap);
    if (!t) return n ? YS_ENOMEM : YS_OK;
    if (!in_body) {
      bool amount = false;
      for (size_t j = 0; j < n; j++)
        if (t[j].kind == TK_NUM || t[j].kind == TK_INT) amount = true;
      if (!amount) continue;
      in_body = true;
    }
    int rc = panel_row(&p, rt, t, n, l->no, NULL, false);
    if (rc) return rc;
  }
  return panels_finish(&p, rt);
}

int it_panels_tabs(rd *r, const treg *g0, ys_rtable *rt) {
  ptab p;
  if (pt_init(&p, r, g0->pt, rt->unit_known ? rt->unit : g0->pt->unit))
    return YS_ENOMEM;
  bool in_body = false;
  for (size_t i = g0->body; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    size_t n = 0;
    tok *t = NULL;
    int tr = it_tab_row(r, rt, l, in_body, &t, &n);
    if (tr < 0) return YS_ENOMEM;
    if (!tr) continue;
    if (!in_body) {
      bool amount = false;
      for (size_t j = 0; j < n; j++) amount |= t[j].kind == TK_NUM;
      if (!amount) continue;
      in_body = true;
    }
    while (n > (size_t)p.width && t[n - 1].kind == TK_EMPTY) n--;
    if (n == (size_t)p.width) {
      ys_rrow *row = ys_rtable_add_row(r->d, rt, n, l->no);
      if (!row) return YS_ENOMEM;
      for (size_t k = 0; k < n; k++) row->cells[k].text = t[k].s;
      /* keep the cursors in step for rows read by label elsewhere */
      continue;
    }
    /* A row narrower or wider than the layout: read it by labels. */
    tok *nz = ys_arena_alloc(r->tmp, sizeof(tok) * (n + 1));
    if (!nz) return YS_ENOMEM;
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
      if (t[k].kind != TK_EMPTY) nz[m++] = t[k];
    int rc = panel_row(&p, rt, nz, m, l->no, NULL, false);
    if (rc) return rc;
  }
  return YS_OK;
}

int it_panels_numbered(rd *r, const treg *g0, ys_rtable *rt) {
  ptab p;
  if (pt_init(&p, r, g0->pt, rt->unit_known ? rt->unit : g0->pt->unit))
    return YS_ENOMEM;
  size_t nr = 0;
  nrow *rows = NULL;
  if (it_numbered_read(r, g0, rt, &rows, &nr)) return YS_ENOMEM;
  for (size_t q = 0; q < nr; q++) {
    int rc = panel_row(&p, rt, rows[q].t + 1, rows[q].n - 1, rows[q].line,
                       &rows[q].t[0], true);
    if (rc) return rc;
  }
  return panels_finish(&p, rt);
}
