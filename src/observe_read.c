/*
 * observe_read.c - observations of tables read by meaning (tableread.c).
 *
 * Every amount cell of a placed row is an observation of the quantity
 * base ∧ column ∧ row (ys_qexpr_cell, as in compile). The identities come
 * from what the reader found, never from a profile:
 *   - a 合计 / 小计 column is the sum of the columns its header groups
 *     under it (sum.row-parts);
 *   - a class is the sum of its sub-classes printed below it (类 = Σ 款,
 *     款 = Σ 项: sum.code-tree), a numbered heading the sum of the rows
 *     numbered under it (一、 = Σ 1. …: sum.rows);
 *   - a 合计 row is the sum of the rows at the top level of the body; a
 *     总计 the sum of that 合计 and the rows between them (上年结转 …), or of
 *     the top rows when there is no 合计; a footer row (年初结转和结余) the
 *     sum of the rows numbered under it (sum.rows);
 *   - the 总计 of the income side of a 收支总表 equals that of every
 *     spending side (balance.income-expense), in ck_balance_idents.
 * Codes are checked against the catalogue; what could not be placed is
 * reported as information, with its line or page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_impl.h"

/* The precision of an empty cell: the most decimals its column prints. */
static int column_decimals(const ys_rtable *rt, size_t k, ys_unit u) {
  int best = u == YS_UNIT_YUAN ? 2 : 2;
  int seen = -1;
  for (size_t i = 0; i < rt->nrows; i++) {
    const char *t = rt->rows[i].cells[k].text;
    if (!*t) continue;
    ys_amount am;
    if (ys_money_parse(&am, t, strlen(t), u, NULL) == YS_OK && !am.empty &&
        am.decimals > seen)
      seen = am.decimals;
  }
  return seen >= 0 ? seen : best;
}

static bool readable_amount(chk *c, const ys_rtable *rt, const char *tname,
                            const ys_rrow *row, size_t k, ys_unit u, int dec,
                            ys_amount *am) {
  const ys_rcell *cell = &row->cells[k];
  const char *why = NULL;
  if (ys_money_parse(am, cell->text, strlen(cell->text), u, &why) == YS_OK) {
    if (am->empty) am->decimals = dec;
    return true;
  }
  ys_finding *f = ck_add_finding(c, "parse.bad-amount", YS_SEV_WARNING);
  if (f) {
    f->file = ck_fs(c, rt->file);
    f->line = cell->line;
    f->page = cell->page;
    f->box = cell->box;
    f->table = ck_fs(c, tname);
    f->row = ck_fs(c, row->label);
    f->column = ck_fs(c, rt->cols[k].label);
    f->found = ck_fs(c, cell->text);
    f->message = ck_fs(
        c, ys_arena_printf(c->a,
                           "单元格“%s”无法识别为金额（%s），此单元格及其所在"
                           "的勾稽关系未检查",
                           cell->text, why ? why : "格式不对"));
  }
  return false;
}

/* parts of row i: the rows after it (until one at its level or above)
 * at level + 1, of its kind (code rows with its code as prefix). */
static size_t children(const ys_rtable *rt, size_t i, size_t *kids,
                       size_t cap) {
  const ys_rrow *p = &rt->rows[i];
  bool code = p->flags & YS_RROW_CODE;
  bool unit = p->flags & YS_RROW_UNIT;
  bool footer = p->flags & YS_RROW_FOOTER;
  /* a unit's parts are its sub-units, or else its top classes */
  bool subunits = false;
  for (size_t j = i + 1; unit && j < rt->nrows; j++) {
    const ys_rrow *r = &rt->rows[j];
    if (!(r->flags & YS_RROW_PLACED)) continue;
    if (r->level <= p->level) break;
    if (r->level == p->level + 1 && (r->flags & YS_RROW_UNIT)) subunits = true;
  }
  size_t n = 0;
  for (size_t j = i + 1; j < rt->nrows; j++) {
    const ys_rrow *r = &rt->rows[j];
    if (!(r->flags & YS_RROW_PLACED)) continue;
    if (r->flags & (YS_RROW_TOTAL | YS_RROW_GRAND)) break;
    if (((r->flags & YS_RROW_FOOTER) != 0) != footer) break;
    if (r->level <= p->level) break;
    if (r->level != p->level + 1 || (r->flags & YS_RROW_SUBSET)) continue;
    if (code) {
      if (!(r->flags & YS_RROW_CODE) ||
          strncmp(r->code, p->code, strlen(p->code)))
        continue;
    } else if (unit) {
      if (subunits ? !(r->flags & YS_RROW_UNIT) : !(r->flags & YS_RROW_CODE))
        continue;
    } else if (r->flags & (YS_RROW_CODE | YS_RROW_UNIT)) {
      continue;
    }
    if (n < cap) kids[n++] = j;
  }
  return n;
}

/* One identity per amount column k in [k0, k1): at[total] = Σ at[parts]. */
static void rows_ident(chk *c, const int *at, size_t nc, size_t k0, size_t k1,
                       size_t total, const size_t *parts, size_t np,
                       const char *rule) {
  for (size_t k = k0; k < k1; k++) {
    int t = at[total * nc + k];
    if (t < 0) continue;
    bool unreadable = false;
    size_t have = 0;
    for (size_t m = 0; m < np; m++) {
      int o = at[parts[m] * nc + k];
      unreadable = unreadable || o == UNREADABLE;
      have += o >= 0;
    }
    if (unreadable || !have) continue;
    ident *x = ck_add_ident(c, rule, (int)have + 1);
    if (!x) return;
    x->idx[x->n] = t;
    x->coef[x->n++] = -1;
    x->anchor = t;
    for (size_t m = 0; m < np; m++) {
      int o = at[parts[m] * nc + k];
      if (o < 0) continue;
      x->idx[x->n] = o;
      x->coef[x->n++] = 1;
    }
  }
}

static void catalog_rows(chk *c, const ys_rtable *rt, const char *tname) {
  const char *parent[5] = {NULL, NULL, NULL, NULL, NULL};
  size_t before = c->out->n;
  for (size_t i = 0; i < rt->nrows; i++) {
    const ys_rrow *r = &rt->rows[i];
    if (!(r->flags & YS_RROW_CODE) || !*r->code || (r->flags & YS_RROW_ITEM))
      continue;
    ys_cls cls = r->q.func.n   ? YS_CLS_FUNC
                 : r->q.econ.n ? YS_CLS_ECON_DEPT
                               : YS_CLS_ECON_GOV;
    int lvl = ys_catalog_code_level(cls, r->code);
    if (lvl <= 0) continue; /* a sub-item the catalogue does not list */
    /* a code the reader found by the row's name (in another year's
     * catalogue, the name's only one): the table printed no code to be
     * wrong */
    if ((r->flags & YS_RROW_NAMED) &&
        !ys_catalog_lookup(c->cat, cls, r->code, c->year))
      continue;
    const char *par = lvl > 1 && lvl < 5 ? parent[lvl - 1] : NULL;
    /* a parent of another 类 is a stale one (the table does not print the
     * 类 and 款 rows): nothing to say about where the row sits */
    if (par && strncmp(par, r->code, 3)) par = NULL;
    const char *name = ck_label_key(c, r->label);
    size_t mark = c->out->n;
    ck_catalog_row(c, rt, tname, cls, r->code, name, par, r->line);
    /* where the row's name is printed (else its code): the cell the
     * finding is about */
    const ys_rcell *at = NULL;
    for (int pass = 0; pass < 2 && !at; pass++)
      for (size_t k = 0; k < r->n && k < rt->ncols && !at; k++) {
        ys_rcol_kind ck = rt->cols[k].kind;
        bool want = pass == 0 ? ck == YS_RCOL_LABEL
                              : ck == YS_RCOL_CODE || ck == YS_RCOL_LEI ||
                                    ck == YS_RCOL_KUAN || ck == YS_RCOL_XIANG;
        if (want && r->cells[k].page && r->cells[k].text && *r->cells[k].text)
          at = &r->cells[k];
      }
    for (size_t k = mark; at && k < c->out->n; k++) {
      c->out->items[k].page = at->page;
      c->out->items[k].box = at->box;
    }
    if (lvl >= 1 && lvl < 5) {
      parent[lvl] = r->code;
      for (int l = lvl + 1; l < 5; l++) parent[l] = NULL;
    }
  }
  /* Many codes whose names are all another class's: the table numbers its
   * rows its own way (302 01, 302 02 … for 咨询费, 水费 …). One warning
   * says so, instead of an error per row. */
  size_t bad = 0;
  for (size_t i = before; i < c->out->n; i++)
    bad += !strcmp(c->out->items[i].rule, "catalog.name-mismatch") &&
           c->out->items[i].severity == YS_SEV_ERROR;
  if (bad < 3) return;
  const char *codes = "";
  size_t k = before;
  for (size_t i = before; i < c->out->n; i++) {
    ys_finding *f = &c->out->items[i];
    if (!strcmp(f->rule, "catalog.name-mismatch") &&
        f->severity == YS_SEV_ERROR) {
      codes = ys_arena_printf(c->a, "%s%s%s（%s）", codes, *codes ? "、" : "",
                              f->found ? f->row : "", f->expected);
      continue;
    }
    c->out->items[k++] = *f;
  }
  c->out->n = k;
  ys_finding *f = ck_add_finding(c, "catalog.name-mismatch", YS_SEV_WARNING);
  if (!f) return;
  f->file = ck_fs(c, rt->file);
  f->line = rt->title_line;
  f->page = rt->title_page;
  f->table = ck_fs(c, tname);
  f->message = ck_fs(
      c, ys_arena_printf(c->a,
                         "此表 %zu 行的科目编码与名称不对应，疑似使用了自编序号"
                         "而非政府收支分类科目编码：%s",
                         bad, codes));
}

/* A reading check on the reading: identities [mark, c->ni) come from one
 * piece of structure the reader inferred (a column's sum, a column's code
 * tree). A wrong cell breaks one or two of them; when most fail, it is the
 * structure that was read wrong (a heading placed over the wrong columns),
 * so the batch is dropped and reported, never turned into errors. */
static void guard(chk *c, size_t mark, const ys_rtable *rt, const char *tname,
                  const char *what) {
  size_t n = c->ni - mark, failed = 0;
  for (size_t m = mark; m < c->ni; m++) {
    ck_evaluate(c, &c->id[m]);
    failed += c->id[m].failed;
  }
  if (failed < 3 || failed * 2 <= n) return;
  c->ni = mark;
  ys_finding *f = ck_add_finding(c, "parse.structure", YS_SEV_INFO);
  if (!f) return;
  f->file = ck_fs(c, rt->file);
  f->line = rt->title_line;
  f->page = rt->title_page;
  f->table = ck_fs(c, tname);
  f->column = ck_fs(c, what);
  f->message = ck_fs(
      c, ys_arena_printf(c->a,
                         "“%s”的勾稽关系有 %zu/%zu 处不成立，更可能是表格结构未"
                         "读准（表头与列的对应），这些关系未作判断",
                         what, failed, n));
}

/* The state of one table's observation: its observation of each cell
 * (at[i * nc + k]: -1 none, UNREADABLE), the decimals of each column,
 * scratch for row lists. */
typedef struct rview {
  chk *c;
  const ys_rtable *rt;
  const char *tname;
  size_t nr, nc;
  ys_unit u;
  int *at, *dec;
  size_t *kids;
} rview;

/* Each amount column's printed decimals; the first column of figures
 * whose header was not understood is said (once). */
static void column_kinds(rview *v) {
  chk *c = v->c;
  const ys_rtable *rt = v->rt;
  bool unread_reported = false;
  for (size_t k = 0; k < v->nc; k++) {
    v->dec[k] =
        rt->cols[k].kind == YS_RCOL_AMOUNT ? column_decimals(rt, k, v->u) : 0;
    /* a column of numbers the reader could not understand */
    if (rt->cols[k].kind != YS_RCOL_OTHER || unread_reported) continue;
    bool nums = false;
    for (size_t i = 0; i < v->nr && !nums; i++) {
      ys_amount am;
      const char *t = rt->rows[i].cells[k].text;
      nums = *t && ys_money_parse(&am, t, strlen(t), v->u, NULL) == YS_OK;
    }
    if (!nums) continue;
    ys_finding *f = ck_add_finding(c, "parse.unplaced", YS_SEV_INFO);
    if (f) {
      f->file = ck_fs(c, rt->file);
      f->line = rt->title_line;
      f->page = rt->title_page;
      f->table = ck_fs(c, v->tname);
      f->column = ck_fs(c, rt->cols[k].label);
      int tw = rt->cols[k].twin;
      f->message =
          tw ? ck_fs(c, ys_arena_printf(
                            c->a,
                            "列“%s”与列“%s”按表头是同一数据，无法区分两者口径，"
                            "此列未参与检查",
                            rt->cols[k].label, rt->cols[tw - 1].label))
             : ck_fs(c,
                     ys_arena_printf(c->a, "列“%s”的表头%s%s%s，此列未参与检查",
                                     rt->cols[k].label,
                                     *rt->cols[k].rest ? "中“" : "无法识别",
                                     rt->cols[k].rest,
                                     *rt->cols[k].rest ? "”无法识别" : ""));
    }
    unread_reported = true;
  }
}

/* An observation of every readable amount cell of the placed rows; a row
 * with figures the reader did not place is said. false when out of
 * memory. */
static bool observe_cells(rview *v) {
  chk *c = v->c;
  const ys_rtable *rt = v->rt;
  size_t nc = v->nc;
  for (size_t i = 0; i < v->nr; i++) {
    const ys_rrow *r = &rt->rows[i];
    if (!(r->flags & YS_RROW_PLACED)) {
      bool nums = false;
      for (size_t k = 0; k < nc && !nums; k++)
        nums = rt->cols[k].kind == YS_RCOL_AMOUNT && *r->cells[k].text;
      if (nums)
        ck_unplaced(c, rt, v->tname, r, r->why ? r->why : "无法识别此行");
      continue;
    }
    for (size_t k = 0; k < nc; k++) {
      const ys_rcol *col = &rt->cols[k];
      if (col->kind != YS_RCOL_AMOUNT) continue;
      ys_amount am;
      if (!readable_amount(c, rt, v->tname, r, k, v->u, v->dec[k], &am)) {
        v->at[i * nc + k] = UNREADABLE;
        continue;
      }
      ys_qexpr e;
      /* col->q holds the base already (tableread.c) */
      ys_qexpr_cell(&e, col->q.n ? &col->q : NULL, col->q.n ? NULL : &rt->base,
                    &r->q, c->a);
      const ys_rcell *cell = &r->cells[k];
      int o = ck_add_obs(c, &e, NULL, &am, v->u, rt->file, v->tname,
                         *r->label ? r->label : r->code, col->label, cell->text,
                         cell->line ? cell->line : r->line);
      if (o == CK_NOKEY) continue;
      if (o < 0) return false;
      ck_obs_place(c, o, cell);
      v->at[i * nc + k] = o;
    }
  }
  return true;
}

/* Column sums, row by row, one batch per total column. false when out of
 * memory. */
static bool column_sums(rview *v) {
  chk *c = v->c;
  const ys_rtable *rt = v->rt;
  size_t nc = v->nc;
  for (size_t k = 0; k < nc; k++) {
    const ys_rcol *col = &rt->cols[k];
    if (!col->n_sum_of) continue;
    size_t mark = c->ni;
    for (size_t i = 0; i < v->nr; i++) {
      int t = v->at[i * nc + k];
      if (t < 0) continue;
      bool unreadable = false;
      int *parts = ys_arena_alloc(c->a, sizeof *parts * (size_t)col->n_sum_of);
      if (!parts) return false;
      int np = 0;
      for (int m = 0; m < col->n_sum_of; m++) {
        int o = v->at[i * nc + (size_t)col->sum_of[m]];
        unreadable = unreadable || o == UNREADABLE;
        if (o >= 0) parts[np++] = o;
      }
      if (!unreadable && np)
        ck_sum_ident(c, "sum.row-parts", t, parts, (size_t)np);
    }
    /* headings read from aligned text, not from ruling lines, are a guess
     * that only rows can confirm: with fewer than three, none is made */
    if (!rt->ruled && c->ni - mark < 3 && c->ni > mark) {
      c->ni = mark;
      continue;
    }
    guard(c, mark, rt, v->tname, col->label);
  }
  return true;
}

/* Rows: trees of codes and of numbering, one batch per column. */
static void row_trees(rview *v) {
  chk *c = v->c;
  const ys_rtable *rt = v->rt;
  for (size_t k = 0; k < v->nc; k++) {
    if (rt->cols[k].kind != YS_RCOL_AMOUNT) continue;
    size_t mark = c->ni;
    for (size_t i = 0; i < v->nr; i++) {
      const ys_rrow *r = &rt->rows[i];
      if (!(r->flags & YS_RROW_PLACED) ||
          (r->flags & (YS_RROW_TOTAL | YS_RROW_GRAND)) || r->level < 1)
        continue;
      size_t n = children(rt, i, v->kids, v->nr);
      if (n)
        rows_ident(c, v->at, v->nc, k, k + 1, i, v->kids, n,
                   r->flags & YS_RROW_CODE ? "sum.code-tree" : "sum.rows");
    }
    guard(c, mark, rt, v->tname, rt->cols[k].label);
  }
}

/* The 合计 row (the top rows of the body) and the 总计 row (the 合计 and
 * the footers after it); returns the observation of the 总计, -1 none. */
static int closing_rows(rview *v) {
  chk *c = v->c;
  const ys_rtable *rt = v->rt;
  size_t nr = v->nr, nc = v->nc, *kids = v->kids;
  size_t total = nr;
  int min_level = 1 << 20;
  for (size_t i = 0; i < nr; i++) {
    const ys_rrow *r = &rt->rows[i];
    if (!(r->flags & YS_RROW_PLACED)) continue;
    if ((r->flags & YS_RROW_TOTAL) && total == nr) total = i;
    if (!(r->flags &
          (YS_RROW_TOTAL | YS_RROW_GRAND | YS_RROW_FOOTER | YS_RROW_SUBSET)) &&
        r->level >= 1 && r->level < min_level)
      min_level = r->level;
  }
  size_t nk = 0;
  for (size_t i = 0; i < nr; i++) {
    const ys_rrow *r = &rt->rows[i];
    if ((r->flags & YS_RROW_PLACED) &&
        !(r->flags &
          (YS_RROW_TOTAL | YS_RROW_GRAND | YS_RROW_FOOTER | YS_RROW_SUBSET)) &&
        r->level == min_level)
      kids[nk++] = i;
  }
  if (total < nr && nk)
    rows_ident(c, v->at, nc, 0, nc, total, kids, nk, "sum.rows");
  int grand = -1;
  for (size_t g = 0; g < nr; g++) {
    const ys_rrow *r = &rt->rows[g];
    if (!(r->flags & YS_RROW_GRAND) || !(r->flags & YS_RROW_PLACED)) continue;
    size_t np = 0;
    if (total < g) {
      kids[np++] = total;
      for (size_t j = total + 1; j < g; j++) {
        const ys_rrow *x = &rt->rows[j];
        if ((x->flags & YS_RROW_PLACED) && (x->flags & YS_RROW_FOOTER) &&
            x->level == 1 && !(x->flags & YS_RROW_SUBSET))
          kids[np++] = j;
      }
    } else {
      for (size_t j = 0; j < g; j++) {
        const ys_rrow *x = &rt->rows[j];
        if (!(x->flags & YS_RROW_PLACED) || (x->flags & YS_RROW_SUBSET))
          continue;
        if ((x->flags & YS_RROW_FOOTER) ? x->level == 1 : x->level == min_level)
          kids[np++] = j;
      }
    }
    if (np) rows_ident(c, v->at, nc, 0, nc, g, kids, np, "sum.rows");
    /* the side's 总计, for the balance: its first amount column */
    for (size_t k = 0; k < nc && grand < 0; k++)
      if (v->at[g * nc + k] >= 0) grand = v->at[g * nc + k];
    break;
  }
  return grand;
}

int ck_observe_read(chk *c, const ys_rtable *rt, const char *tname,
                    ys_unit fallback) {
  rview v = {c,         rt,        tname,
             rt->nrows, rt->ncols, rt->unit_known ? rt->unit : fallback,
             NULL,      NULL,      NULL};
  v.at = ys_arena_alloc(c->a, sizeof(int) * (v.nr * v.nc + 1));
  v.dec = ys_arena_alloc(c->a, sizeof(int) * (v.nc + 1));
  v.kids = ys_arena_alloc(c->a, sizeof(size_t) * (v.nr + 1));
  if (!v.at || !v.dec || !v.kids) return -1;
  for (size_t i = 0; i < v.nr * v.nc; i++) v.at[i] = -1;
  column_kinds(&v);
  if (!observe_cells(&v) || !column_sums(&v)) return -1;
  row_trees(&v);
  int grand = closing_rows(&v);
  catalog_rows(c, rt, tname);
  return grand;
}

void ck_balance_idents(chk *c, const int *group, const int *side,
                       const int *grand, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (!group[i] || side[i] != 0 || grand[i] < 0) continue;
    for (size_t j = 0; j < n; j++) {
      if (j == i || group[j] != group[i] || side[j] == 0 || grand[j] < 0)
        continue;
      ident *x = ck_add_ident(c, "balance.income-expense", 2);
      if (!x) return;
      x->idx[0] = grand[i];
      x->coef[0] = 1;
      x->idx[1] = grand[j];
      x->coef[1] = -1;
      x->n = 2;
      x->anchor = grand[j];
    }
  }
}
