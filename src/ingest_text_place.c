/*
 * ingest_text_place.c - where the amounts of a grid row go when the print
 * left out its empty cells: the order-keeping placements of a row's
 * amounts into the amount columns (bounded by MAX_CAND), narrowed by the
 * profile's row sums (sum_of), by the code tree (a parent row is the sum
 * of its children, searched per group up to MAX_COMBO combinations) and
 * by the all-funds tables read before; what stays open is filled left to
 * right and counted as ambiguous.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_text_impl.h"

/* --- amounts ----------------------------------------------------------- */

aval it_parse_amount(const char *s, ys_unit u) {
  aval v = {0, 0, false};
  ys_amount am;
  if (ys_money_parse(&am, s, strlen(s), u, NULL) != YS_OK) return v;
  v.fen = am.fen;
  int64_t f = ys_unit_fen(u);
  for (int i = 0; i < am.decimals && f > 1; i++) f /= 10;
  v.rad = am.empty ? 0 : f / 2;
  v.ok = true;
  return v;
}

/* --- grid rows and the placement of amounts ---------------------------- */

enum { MAX_CAND = 4096, MAX_COMBO = 60000 };

static bool row_identities_hold(const gtab *g, const int64_t *v,
                                const int64_t *rad, const bool *has) {
  const ys_ptable *pt = g->pt;
  for (size_t k = 0; k < g->na; k++) {
    const ys_pcol *pc = &pt->cols[g->acol[k]];
    if (!pc->n_sum_of) continue;
    int64_t s = 0, tol = rad[k];
    bool any = has[k];
    for (int m = 0; m < pc->n_sum_of; m++) {
      int a = g->aidx[pc->sum_of[m]];
      if (a < 0) continue;
      if (has[a]) {
        s += v[a];
        tol += rad[a];
        any = true;
      }
    }
    if (!any) continue;
    int64_t d = (has[k] ? v[k] : 0) - s;
    if (d < 0) d = -d;
    if (d > tol) return false;
  }
  return true;
}

/* Values of row row under candidate c, by amount column. */
static void cand_values(const gtab *g, const grow *row, int c, int64_t *v,
                        int64_t *rad, bool *has) {
  for (size_t k = 0; k < g->na; k++) {
    v[k] = 0;
    rad[k] = 0;
    has[k] = false;
  }
  const unsigned char *pl = row->cand + (size_t)c * row->namt;
  for (size_t i = 0; i < row->namt; i++) {
    if (!row->av[i].ok) continue;
    v[pl[i]] = row->av[i].fen;
    rad[pl[i]] = row->av[i].rad;
    has[pl[i]] = row->av[i].fen != 0 || row->av[i].rad != 0;
  }
}

/* Lists the order-preserving placements of a row's amounts into the amount
 * columns that keep the row sums; all of them if none does (the row itself
 * is then wrong, which the checker will say). */
static void make_candidates(gtab *g, grow *row) {
  size_t k = row->namt, m = g->na;
  row->ncand = 0;
  if (k == 0 || k > m) return;
  /* Count C(m, k), bounded. */
  double combos = 1;
  for (size_t i = 0; i < k; i++)
    combos = combos * (double)(m - i) / (double)(i + 1);
  if (combos > MAX_CAND) return;
  unsigned char *all = ys_arena_alloc(g->r->tmp, (size_t)combos * k + 1);
  bool *keep = ys_arena_alloc(g->r->tmp, (size_t)combos + 1);
  int64_t v[256], rad[256];
  bool has[256];
  if (!all || !keep || m > 256) return;
  unsigned char idx[256];
  for (size_t i = 0; i < k; i++) idx[i] = (unsigned char)i;
  int n = 0, nkeep = 0;
  for (;;) {
    memcpy(all + (size_t)n * k, idx, k);
    row->cand = all;
    cand_values(g, row, n, v, rad, has);
    keep[n] = row_identities_hold(g, v, rad, has);
    nkeep += keep[n];
    n++;
    /* next combination */
    size_t i = k;
    while (i > 0 && idx[i - 1] == m - k + i - 1) i--;
    if (i == 0) break;
    idx[i - 1]++;
    for (size_t j = i; j < k; j++) idx[j] = (unsigned char)(idx[j - 1] + 1);
  }
  if (nkeep == 0) {
    row->ncand = n;
    return;
  }
  int o = 0;
  for (int c = 0; c < n; c++)
    if (keep[c]) {
      if (o != c) memmove(all + (size_t)o * k, all + (size_t)c * k, k);
      o++;
    }
  row->ncand = o;
}

/* Removes candidate c of a row. */
static void drop_cand(grow *row, int c) {
  size_t k = row->namt;
  row->version++;
  memmove(row->cand + (size_t)c * k, row->cand + (size_t)(c + 1) * k,
          (size_t)(row->ncand - c - 1) * k);
  row->ncand--;
}

typedef struct group {
  size_t parent;
  size_t *kids;
  size_t nk;
  long seen; /* Σ of the members' versions when last pruned; -1 never */
} group;

/* Parent/children groups from row levels: a row's parent is the nearest
 * row above with level one less. Rows of unknown level take no part. */
static group *make_groups(gtab *g, size_t *ngroups) {
  *ngroups = 0;
  group *gr = ys_arena_alloc(g->r->tmp, sizeof(group) * (g->n + 1));
  size_t *parent = ys_arena_alloc(g->r->tmp, sizeof(size_t) * (g->n + 1));
  size_t *cnt = ys_arena_alloc(g->r->tmp, sizeof(size_t) * (g->n + 1));
  if (!gr || !parent || !cnt) return NULL;
  size_t last_at[8];
  for (int i = 0; i < 8; i++) last_at[i] = SIZE_MAX;
  for (size_t i = 0; i < g->n; i++) {
    parent[i] = SIZE_MAX;
    grow *row = &g->rows[i];
    if (row->drop || row->level < 0 || row->level > 6) continue;
    if (row->subset) continue;
    if (row->level > 0) parent[i] = last_at[row->level - 1];
    last_at[row->level] = i;
    for (int l = row->level + 1; l < 8; l++) last_at[l] = SIZE_MAX;
  }
  for (size_t i = 0; i < g->n; i++)
    if (parent[i] != SIZE_MAX) cnt[parent[i]]++;
  for (size_t i = 0; i < g->n; i++) {
    if (!cnt[i]) continue;
    group *x = &gr[(*ngroups)++];
    x->parent = i;
    x->seen = -1;
    x->kids = ys_arena_alloc(g->r->tmp, sizeof(size_t) * cnt[i]);
    x->nk = 0;
    if (!x->kids) return NULL;
  }
  for (size_t i = 0; i < g->n; i++) {
    if (parent[i] == SIZE_MAX) continue;
    for (size_t j = 0; j < *ngroups; j++)
      if (gr[j].parent == parent[i]) {
        gr[j].kids[gr[j].nk++] = i;
        break;
      }
  }
  return gr;
}

/* One pass of pruning over a group: bounds (a child's amount cannot exceed
 * the parent's in a table without negative amounts) and, when the group is
 * small enough to enumerate, the column sums. Returns true on change.
 *
 * It is one piece because the two passes share their scratch (the values,
 * radii and presence of a candidate by column) and the second pass is an
 * odometer over every member's candidates whose running column sums are
 * kept by the CONTRIB macro over the members, their positions and the
 * sums; out of memory in either pass ends the whole pruning, keeping what
 * changed so far. Split, each half would take and return all of that. */
static bool prune_group(gtab *g, const group *x) {
  bool changed = false;
  size_t m = g->na;
  grow *P = &g->rows[x->parent];
  if (P->ncand <= 0) return false;
  int64_t v[256], rad[256];
  bool has[256];
  if (g->nonneg) {
    int64_t maxp[256];
    bool anyp[256];
    for (size_t k = 0; k < m; k++) {
      maxp[k] = 0;
      anyp[k] = false;
    }
    for (int c = 0; c < P->ncand; c++) {
      cand_values(g, P, c, v, rad, has);
      for (size_t k = 0; k < m; k++)
        if (has[k]) {
          if (!anyp[k] || v[k] + rad[k] > maxp[k]) maxp[k] = v[k] + rad[k];
          anyp[k] = true;
        }
    }
    for (size_t j = 0; j < x->nk; j++) {
      grow *C = &g->rows[x->kids[j]];
      if (C->ncand <= 1) continue;
      int before = C->ncand;
      bool *bad = ys_arena_alloc(g->r->tmp, (size_t)C->ncand);
      if (!bad) return changed;
      int nbad = 0;
      for (int c = 0; c < C->ncand; c++) {
        cand_values(g, C, c, v, rad, has);
        for (size_t k = 0; k < m && !bad[c]; k++)
          if (has[k] && v[k] > 0 && (!anyp[k] || v[k] - rad[k] > maxp[k]))
            bad[c] = true;
        nbad += bad[c];
      }
      if (nbad == before) continue; /* contradiction: leave it to the checker */
      for (int c = before - 1; c >= 0; c--)
        if (bad[c]) drop_cand(C, c);
      changed = true;
    }
  }
  /* Enumerate the group when small. */
  double prod = P->ncand;
  for (size_t j = 0; j < x->nk; j++) {
    int nc = g->rows[x->kids[j]].ncand;
    prod *= nc > 0 ? nc : 1;
  }
  if (prod <= 1 || prod > MAX_COMBO) return changed;
  size_t nm = x->nk + 1;
  const grow **mem = ys_arena_alloc(g->r->tmp, sizeof(grow *) * nm);
  int *at = ys_arena_alloc(g->r->tmp, sizeof(int) * nm);
  bool **ok = ys_arena_alloc(g->r->tmp, sizeof(bool *) * nm);
  if (!mem || !at || !ok) return changed;
  mem[0] = P;
  for (size_t j = 0; j < x->nk; j++) mem[j + 1] = &g->rows[x->kids[j]];
  for (size_t j = 0; j < nm; j++) {
    ok[j] = ys_arena_alloc(g->r->tmp,
                           (size_t)(mem[j]->ncand > 0 ? mem[j]->ncand : 1));
    if (!ok[j]) return changed;
  }
  /* The group's column sums, kept up to date as the odometer turns: the
   * parent counts negatively, so every column must end near zero. */
  bool any = false;
  int64_t sum[256], tol[256];
  for (size_t k = 0; k < m; k++) sum[k] = tol[k] = 0;
#define CONTRIB(j, c, sign)                                                    \
  do {                                                                         \
    const grow *w_ = mem[j];                                                   \
    if (w_->ncand > 0) {                                                       \
      const unsigned char *pl_ = w_->cand + (size_t)(c)*w_->namt;              \
      for (size_t q_ = 0; q_ < w_->namt; q_++)                                 \
        if (w_->av[q_].ok) {                                                   \
          sum[pl_[q_]] +=                                                      \
              (sign) * ((j) == 0 ? -w_->av[q_].fen : w_->av[q_].fen);          \
          tol[pl_[q_]] += (sign)*w_->av[q_].rad;                               \
        }                                                                      \
    }                                                                          \
  } while (0)
  for (size_t j = 0; j < nm; j++) CONTRIB(j, 0, 1);
  for (;;) {
    bool good = true;
    for (size_t k = 0; k < m && good; k++) {
      int64_t d = sum[k] < 0 ? -sum[k] : sum[k];
      if (d > tol[k]) good = false;
    }
    if (good) {
      any = true;
      for (size_t j = 0; j < nm; j++)
        if (mem[j]->ncand > 0) ok[j][at[j]] = true;
    }
    size_t j = 0;
    for (; j < nm; j++) {
      int lim = mem[j]->ncand > 0 ? mem[j]->ncand : 1;
      if (lim == 1) continue;
      CONTRIB(j, at[j], -1);
      if (++at[j] < lim) {
        CONTRIB(j, at[j], 1);
        break;
      }
      at[j] = 0;
      CONTRIB(j, 0, 1);
    }
    if (j == nm) break;
  }
#undef CONTRIB
  if (!any) return changed;
  for (size_t j = 0; j < nm; j++) {
    grow *w = (grow *)mem[j];
    for (int c = w->ncand - 1; c >= 0; c--)
      if (!ok[j][c]) {
        drop_cand(w, c);
        changed = true;
      }
  }
  return changed;
}

static long group_version(const gtab *g, const group *x) {
  long v = g->rows[x->parent].version;
  for (size_t j = 0; j < x->nk; j++) v += g->rows[x->kids[j]].version;
  return v;
}

/* Prunes until nothing changes; a group is looked at again only when one
 * of its rows lost a candidate since. */
static void propagate(gtab *g, group *gr, size_t ng) {
  for (int pass = 0; pass < 12; pass++) {
    bool changed = false;
    for (size_t i = 0; i < ng; i++) {
      long v = group_version(g, &gr[i]);
      if (v == gr[i].seen) continue;
      changed |= prune_group(g, &gr[i]);
      gr[i].seen = group_version(g, &gr[i]);
    }
    if (!changed) break;
  }
}

/* "kind=basic" of a column quantity "exp;kind=basic" (the whole quantity
 * must be that one term), or NULL. */
static const char *kind_term(const char *q) {
  if (!q) return NULL;
  if (it_starts(q, "exp;")) q += 4;
  if (!it_starts(q, "kind=") || strchr(q, ';') || strchr(q, ' ')) return NULL;
  return q;
}

/* The row key of a grid row for matching across tables: its code (split
 * codes joined), or 合计. */
static const char *grid_row_key(rd *r, const ys_ptable *pt, const char **cells,
                                size_t n) {
  char code[40] = "";
  const char *name = "";
  for (size_t k = 0; k < pt->ncols && k < n; k++) {
    pcol_show s = pt->cols[k].show;
    if (s == PCOL_CODE || s == PCOL_FUNC_LEI || s == PCOL_FUNC_KUAN ||
        s == PCOL_FUNC_XIANG)
      snprintf(code + strlen(code), sizeof code - strlen(code), "%s", cells[k]);
    if (s == PCOL_NAME && !*name) name = cells[k];
  }
  if (*code) return ys_arena_strdup(r->tmp, code);
  const char *nk = it_lkey(r, name);
  return !strcmp(nk, "合计") || !strcmp(nk, "总计") ? "合计" : "";
}

/* An amount of an earlier table that bounds column k of row row: the same
 * code, a column showing the same kind of spending for all funds
 * ("exp;kind=basic" in a table without a fund base). A part cannot exceed
 * it. Returns false when there is none. */
static bool earlier_bound(gtab *g, const grow *row, size_t k, aval *out) {
  rd *r = g->r;
  const char *kt = kind_term(g->pt->cols[k].q_text);
  if (!kt || !g->pt->has_base || !g->pt->base.funds) return false;
  const char *rk = grid_row_key(r, g->pt, row->cells, g->nc);
  if (!*rk) return false;
  for (size_t t = 0; t < r->ntpt && t < r->d->n; t++) {
    const ys_ptable *up = r->tpt[t];
    if (up == g->pt || up->layout != LAYOUT_GRID) continue;
    if (up->has_base && (up->base.funds || up->base.periods)) continue;
    int col = -1;
    for (size_t c = 0; c < up->ncols && col < 0; c++) {
      const char *uk = kind_term(up->cols[c].q_text);
      if (uk && !strcmp(uk, kt)) col = (int)c;
    }
    if (col < 0) continue;
    const ys_rtable *ut = &r->d->tables[t];
    ys_unit uu = ut->unit_known ? ut->unit : up->unit;
    for (size_t i = 0; i < ut->nrows; i++) {
      const ys_rrow *ur = &ut->rows[i];
      if ((size_t)col >= ur->n || ur->n != up->ncols) continue;
      const char **cells = ys_arena_alloc(r->tmp, sizeof(char *) * ur->n);
      if (!cells) return false;
      for (size_t c = 0; c < ur->n; c++) cells[c] = ur->cells[c].text;
      if (strcmp(grid_row_key(r, up, cells, ur->n), rk)) continue;
      aval v = it_parse_amount(ur->cells[col].text, uu);
      if (!v.ok) return false;
      /* Compare in 分 across units: the bound's radius covers its print. */
      *out = v;
      return true;
    }
  }
  return false;
}

/* Drops placements that put more in a column than an earlier, all-funds
 * table shows for the same code and kind (the 政府性基金 table's 229
 * cannot be 基本支出 when the 支出总表 shows no 基本支出 for 229). */
static void cross_bounds(gtab *g, grow *row) {
  if (!g->nonneg || row->ncand <= 1) return;
  bool *bad = ys_arena_alloc(g->r->tmp, (size_t)row->ncand + 1);
  if (!bad) return;
  int nbad = 0;
  for (int c = 0; c < row->ncand; c++) {
    const unsigned char *pl = row->cand + (size_t)c * row->namt;
    for (size_t q = 0; q < row->namt && !bad[c]; q++) {
      if (!row->av[q].ok || row->av[q].fen <= 0) continue;
      aval b;
      if (earlier_bound(g, row, (size_t)g->acol[pl[q]], &b) &&
          row->av[q].fen - row->av[q].rad > b.fen + b.rad)
        bad[c] = true;
    }
    nbad += bad[c];
  }
  if (!nbad || nbad == row->ncand) return;
  for (int c = row->ncand - 1; c >= 0; c--)
    if (bad[c]) drop_cand(row, c);
}

/* Places the amounts of every row that was read without cell positions. */
void it_place_amounts(gtab *g) {
  rd *r = g->r;
  g->nonneg = true;
  for (size_t i = 0; i < g->n; i++) {
    grow *row = &g->rows[i];
    if (row->drop) continue;
    row->av = ys_arena_alloc(r->tmp, sizeof(aval) * (row->namt + 1));
    if (!row->av) return;
    for (size_t j = 0; j < row->namt; j++) {
      row->av[j] = it_parse_amount(row->amt[j].s, g->unit);
      if (row->av[j].ok && row->av[j].fen < 0) g->nonneg = false;
    }
  }
  for (size_t i = 0; i < g->n; i++) {
    grow *row = &g->rows[i];
    if (row->drop || row->placed) continue;
    if (row->namt > g->na) {
      it_info(r, row->line,
              "此行有 %zu 个金额，多于报表格式的 %zu "
              "个金额列，无法确定各金额所在的列，未读入",
              row->namt, g->na);
      row->drop = true;
      g->unplaced++;
      continue;
    }
    if (row->namt == g->na || row->namt == 0) {
      row->ncand = row->namt ? 1 : 0;
      row->cand = ys_arena_alloc(r->tmp, row->namt + 1);
      if (!row->cand) return;
      for (size_t j = 0; j < row->namt; j++) row->cand[j] = (unsigned char)j;
      continue;
    }
    make_candidates(g, row);
    if (row->ncand == 0) {
      it_info(r, row->line,
              "此行金额可能的列位置过多，无法确定各金额所在的列，未读入");
      row->drop = true;
      g->unplaced++;
    }
  }
  size_t ng = 0;
  group *gr = make_groups(g, &ng);
  if (gr) propagate(g, gr, ng);
  /* Earlier tables may settle what this one leaves open. */
  for (size_t i = 0; i < g->n; i++)
    if (!g->rows[i].drop && !g->rows[i].placed) cross_bounds(g, &g->rows[i]);
  if (gr) propagate(g, gr, ng);
  /* What the identities leave open: take the leftmost placement (the
   * printed order), one row at a time, top-down, re-pruning after each. */
  for (size_t i = 0; i < g->n; i++) {
    grow *row = &g->rows[i];
    if (row->drop || row->placed || row->ncand <= 1) continue;
    g->ambiguous++;
    if (!g->first_ambiguous_line) g->first_ambiguous_line = row->line;
    row->guessed = true;
    row->ncand = 1;
    row->version++;
    if (gr) propagate(g, gr, ng);
  }
  for (size_t i = 0; i < g->n; i++) {
    grow *row = &g->rows[i];
    if (row->drop || row->placed || row->ncand != 1) continue;
    for (size_t j = 0; j < row->namt; j++) {
      int col = g->acol[row->cand[j]];
      row->cells[col] = row->amt[j].s;
      row->clines[col] = row->amt[j].line;
    }
    row->placed = true;
  }
}
