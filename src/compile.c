/*
 * compile.c - run a profile over a dataset to produce the tables.
 *
 * For each profile table: expand its row generators (fixed rows, catalogue
 * classes, the code tree in use, units with rows repeated inside each unit,
 * projects by category or by function 项, procurement lines, projects with
 * one row per performance indicator) into row contexts, then fill each
 * cell: text columns from the row context (codes, names, templates with
 * {placeholders}, target fields, a 序号), amount columns by evaluating the
 * conjunction of table base, row filter and column quantity. Panel tables
 * (收支总表) place independent row lists side by side, each with one or more
 * amount columns. Target tables (绩效目标表) are forms built from projects
 * and targets.
 *
 * After a table is built its structural identities (row levels, sum_of
 * columns, panel footers, a 合计 over its tree) are verified on the exact
 * values: a failure is a dataset the table set cannot show (an error).
 * The displayed tables are then read back by the checker (verify.c),
 * which alone decides the 尾数误差 notes. Nothing here knows a province:
 * layouts come from the profile.
 */
#include "yusuan/compile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile_impl.h"
#include "yusuan/money.h"

typedef struct rowctx {
  ys_row_kind kind;
  int level;
  bool subset;
  bool indent;      /* add the profile indent by level to the label */
  bool sum_body;    /* panel footer checked against the top body rows */
  bool sum_footers; /* panel footer checked against the footers above */
  const char *code;
  const char *label;
  ys_qfilter filter; /* the row's own narrowing */
  const ys_qexpr *q; /* fixed rows with a quantity (panels) */
  const char *gov_code, *gov_name;
  const char *desc;
  const ys_procurement *proc;
  const char *unit_code, *unit_name; /* the unit the row belongs to */
  const char *func_code; /* shown by func_* columns instead of the code */
  const char *key;       /* fact shown by PCOL_FACT columns */
  const ys_project *proj;
  const ys_target *target;
  const ys_qexpr *qs; /* panels: a quantity per amount column */
  int n_qs;
} rowctx;

typedef struct rowvec {
  rowctx *v;
  size_t n, cap;
} rowvec;

typedef struct cctx {
  const ys_dataset *ds;
  const ys_profile *p;
  const ys_catalog *cat;
  ys_arena *a;
  ys_errors *errs;
  const ys_ptable *pt;
  const ys_qfilter *ctx; /* rows generated inside a unit: that unit */
  int failed;
  /* an allocation failed where the code could not return it (a row not
   * generated): the compile fails with YS_ENOMEM, never with the sums
   * that the missing row breaks */
  bool oom;
  /* a cell's quantity has a code set over its capacity (ys_qexpr_over):
   * its sum would be of other codes; the compile fails with YS_ELIMIT */
  bool limit;
} cctx;

static rowctx *rv_push(cctx *c, rowvec *rv) {
  rowctx *v = ys_arena_reserve(c->a, rv->v, rv->n, &rv->cap, sizeof *v);
  if (!v) {
    c->oom = true;
    return NULL;
  }
  rv->v = v;
  rowctx *r = &rv->v[rv->n++];
  memset(r, 0, sizeof *r);
  return r;
}

static const char *cat_name(cctx *c, ys_cls cls, const char *code) {
  const ys_cat_entry *e = ys_catalog_lookup(c->cat, cls, code, c->ds->year);
  return e ? e->name : "（未知科目）";
}

static const char *cn_numeral(cctx *c, int n) {
  static const char *const d[] = {"",   "一", "二", "三", "四", "五",
                                  "六", "七", "八", "九", "十"};
  if (n <= 10) return d[n];
  if (n < 20) return ys_arena_printf(c->a, "十%s", d[n - 10]);
  if (n < 100) return ys_arena_printf(c->a, "%s十%s", d[n / 10], d[n % 10]);
  return ys_arena_printf(c->a, "%d", n);
}

/* Replaces {n} {cn} {name} in a label template. */
static const char *fill_label(cctx *c, const char *tpl, int n,
                              const char *name) {
  char buf[512];
  size_t o = 0;
  for (const char *s = tpl; *s && o < sizeof buf - 1;) {
    const char *rep = NULL;
    size_t skip = 0;
    char num[16];
    if (strncmp(s, "{n}", 3) == 0) {
      snprintf(num, sizeof num, "%d", n);
      rep = num;
      skip = 3;
    } else if (strncmp(s, "{cn}", 4) == 0) {
      rep = cn_numeral(c, n);
      skip = 4;
    } else if (strncmp(s, "{name}", 6) == 0) {
      rep = name;
      skip = 6;
    }
    if (rep) {
      size_t l = strlen(rep);
      if (o + l >= sizeof buf) break;
      memcpy(buf + o, rep, l);
      o += l;
      s += skip;
    } else {
      buf[o++] = *s++;
    }
  }
  buf[o] = '\0';
  return ys_arena_strdup(c->a, buf);
}

/* Replaces {prefix} (the dataset's 部门/单位, else the profile's)
 * {dept_code} {dept_name} {year} {prev_year} and, for a row,
 * {label} {code} {unit_code} {unit_name}; other text is kept as is. */
static const char *expand(cctx *c, const char *tpl, const rowctx *r) {
  if (!tpl || !strchr(tpl, '{')) return tpl ? tpl : "";
  char year[16], prev[16];
  snprintf(year, sizeof year, "%d", c->ds->year);
  snprintf(prev, sizeof prev, "%d", c->ds->year - 1);
  const struct {
    const char *name, *value;
  } vars[] = {{"{prefix}", c->ds->title_prefix && *c->ds->title_prefix
                               ? c->ds->title_prefix
                               : c->p->title_prefix},
              {"{dept_code}", c->ds->dept_code},
              {"{dept_name}", c->ds->dept_name},
              {"{year}", year},
              {"{prev_year}", prev},
              {"{label}", r ? r->label : NULL},
              {"{code}", r ? r->code : NULL},
              {"{unit_code}", r ? r->unit_code : NULL},
              {"{unit_name}", r ? r->unit_name : NULL}};
  char buf[1024];
  size_t o = 0;
  for (const char *s = tpl; *s && o < sizeof buf - 1;) {
    size_t k, nv = sizeof vars / sizeof vars[0];
    for (k = 0; k < nv; k++)
      if (strncmp(s, vars[k].name, strlen(vars[k].name)) == 0) break;
    if (k == nv) {
      buf[o++] = *s++;
      continue;
    }
    const char *v = vars[k].value ? vars[k].value : "";
    size_t l = strlen(v);
    if (o + l >= sizeof buf) break;
    memcpy(buf + o, v, l);
    o += l;
    s += strlen(vars[k].name);
  }
  buf[o] = '\0';
  return ys_arena_strdup(c->a, buf);
}

static bool blank_zero(const cctx *c) {
  return c->pt->blank_zero >= 0 ? c->pt->blank_zero : c->p->blank_zero;
}

static unsigned fmt_flags(const cctx *c) {
  return (c->p->thousands ? YS_FMT_THOUSANDS : 0u) |
         (blank_zero(c) ? YS_FMT_BLANK_ZERO : 0u);
}

/* The line items a generated row list draws on: the table base, the
 * generator's own single-term filter, the unit being generated. */
static ys_qfilter items_of(cctx *c, const ys_prow *pr) {
  ys_qfilter f = {0};
  f.src = YS_Q_EXP;
  if (c->pt->has_base) ys_qfilter_and(&f, &f, &c->pt->base, c->a);
  if (pr->q.n == 1) ys_qfilter_and(&f, &f, &pr->q.t[0], c->a);
  if (c->ctx) ys_qfilter_and(&f, &f, c->ctx, c->a);
  return f;
}

/* Does any line item of the table spend on this code? A class list marked
 * in_use shows only those (上海 收支总表 lists the 类 the department spends
 * on, 财政部 and 陕西 all of them). */
static bool code_in_use(cctx *c, const ys_prow *pr, const char *code) {
  ys_qfilter f = items_of(c, pr);
  ys_qcodes *dim = pr->cls == YS_CLS_FUNC       ? &f.func
                   : pr->cls == YS_CLS_ECON_GOV ? &f.gecon
                                                : &f.econ;
  ys_qcodes_add(dim, code);
  ys_item_iter k;
  ys_qfilter_items(&k, &f, c->ds);
  return ys_item_next(&k) != NULL;
}

/* The table base as it applies to one term: a base never narrows facts, and
 * a base with a source only narrows terms of that source. */
static void amount_cell(cctx *c, ys_cell *cell, const ys_qexpr *q,
                        const ys_qfilter *row) {
  const ys_ptable *pt = c->pt;
  ys_qexpr e;
  /* the same function the checker keys its observations with */
  ys_qexpr_cell(&e, q, pt->has_base ? &pt->base : NULL, row, c->a);
  cell->type = YS_CELL_AMOUNT;
  if (ys_qexpr_over(&e)) c->limit = true;
  cell->fen = ys_qexpr_eval(&e, c->ds);
  cell->quantity = ys_qexpr_key(c->a, &e);
  char buf[64];
  ys_money_format(buf, sizeof buf, cell->fen, pt->unit, pt->decimals,
                  fmt_flags(c));
  cell->text = ys_arena_strdup(c->a, buf);
}

static void text_cell(cctx *c, ys_cell *cell, const char *s) {
  cell->type = s && *s ? YS_CELL_TEXT : YS_CELL_EMPTY;
  cell->text = s ? ys_arena_strdup(c->a, s) : "";
}

/* --- row generators ---------------------------------------------------- */

static int cmp_slot(const void *x, const void *y) {
  return strcmp(x, y);
}

/* A code tree's rows: every prefix of the codes in use, sorted once, then
 * cut to the generator's depth and its leaves; the steps share the sorted
 * code list, so they stay in one function, each under its comment. */
static void gen_tree(cctx *c, rowvec *rv, const ys_prow *pr) {
  const ys_dataset *ds = c->ds;
  ys_qfilter base = items_of(c, pr);
  /* Every prefix of every code in use, deduplicated by sorting: n log n in
   * the number of items. For econ_gov leaves the key is "econ/gecon". The
   * keys are fixed-width slots of a temporary buffer: only the distinct
   * ones are kept in the arena. */
  enum { KW = 24 }; /* a 7-digit code, '/', a government 款, NUL */
  ys_item_iter k;
  ys_qfilter_items(&k, &base, ds);
  size_t cap = 1, n = 0;
  for (ys_item_iter q = k; ys_item_next(&q);) cap += 3;
  char *keys = malloc(cap * KW);
  if (!keys) {
    c->oom = true;
    return;
  }
  /* A table of income (收入决算表, base rev;…) lists the function codes
   * the income is given under, not those of the spending. */
  bool income =
      c->pt->has_base && c->pt->base.src == YS_Q_REV && pr->cls == YS_CLS_FUNC;
  ys_qfilter rbase = {0};
  if (income) {
    rbase.src = YS_Q_REV;
    ys_qfilter_and(&rbase, &rbase, &c->pt->base, c->a);
    if (c->ctx) ys_qfilter_and(&rbase, &rbase, c->ctx, c->a);
    k.n = 0; /* the line items give no codes here */
    cap += 3 * ds->n_revenues;
    char *grown = realloc(keys, cap * KW);
    if (!grown) {
      free(keys);
      c->oom = true;
      return;
    }
    keys = grown;
  }
  static const int func_len[] = {3, 5, 7}, econ_len[] = {3, 5, 7};
  const int *lens = pr->cls == YS_CLS_FUNC ? func_len : econ_len;
  for (size_t ri = 0;; ri++) {
    const char *code = NULL;
    const ys_line_item *it = NULL;
    if (income) {
      if (ri >= ds->n_revenues) break;
      const ys_revenue *rv = &ds->revenues[ri];
      if (!rv->func || !ys_qfilter_match_revenue(&rbase, ds, rv)) continue;
      code = rv->func;
    } else {
      if (!(it = ys_item_next(&k))) break;
      code = pr->cls == YS_CLS_FUNC ? it->func : it->econ;
    }
    size_t cl = strlen(code);
    for (int d = 0; d < pr->depth && d < 3; d++) {
      size_t l = (size_t)lens[d];
      if (l > cl) break;
      /* the last level there is (a profile may ask for more than 3) */
      bool leaf = d == pr->depth - 1 || d == 2 || (size_t)lens[d + 1] > cl;
      if (pr->econ_gov && leaf && it)
        snprintf(keys + n++ * KW, KW, "%.*s/%s", (int)l, code,
                 it->gecon ? it->gecon : "");
      else
        snprintf(keys + n++ * KW, KW, "%.*s", (int)l, code);
    }
  }
  qsort(keys, n, KW, cmp_slot);
  for (size_t i = 0; i < n; i++) {
    const char *key = keys + i * KW;
    if (i && strcmp(key, key - KW) == 0) continue;
    rowctx *r = rv_push(c, rv);
    if (!r) break;
    const char *slash = strchr(key, '/');
    const char *code = ys_arena_strndup(
        c->a, key, slash ? (size_t)(slash - key) : strlen(key));
    if (!code) {
      c->oom = true;
      break;
    }
    int lvl = ys_catalog_code_level(pr->cls, code);
    r->level = pr->level + (lvl ? lvl : 1);
    r->kind = YS_ROW_GROUP;
    r->code = code;
    r->label = cat_name(c, pr->cls, code);
    r->indent = true;
    ys_qcodes *dim = pr->cls == YS_CLS_FUNC ? &r->filter.func : &r->filter.econ;
    ys_qcodes_add(dim, code);
    if (slash) {
      const char *gov = ys_arena_strdup(c->a, slash + 1);
      if (!gov) {
        c->oom = true;
        break;
      }
      r->kind = YS_ROW_DETAIL;
      r->gov_code = gov;
      r->gov_name = cat_name(c, YS_CLS_ECON_GOV, gov);
      ys_qcodes_add(&r->filter.gecon, gov);
    }
  }
  free(keys);
  /* A row is a leaf when the next row is not deeper. */
  for (size_t i = 0; i < rv->n; i++)
    if (rv->v[i].kind == YS_ROW_GROUP &&
        (i + 1 == rv->n || rv->v[i + 1].level <= rv->v[i].level))
      rv->v[i].kind = YS_ROW_DETAIL;
  if (!pr->leaves) return;
  /* Leaves only: the deepest rows, one level below the generator. */
  size_t m = 0;
  for (size_t i = 0; i < rv->n; i++) {
    if (rv->v[i].kind != YS_ROW_DETAIL) continue;
    rv->v[m] = rv->v[i];
    rv->v[m++].level = pr->level + 1;
  }
  rv->n = m;
}

/* Is v one of the alternatives "a|b|c"? */
static bool in_alts(const char *alts, const char *v) {
  size_t vl = strlen(v ? v : "");
  for (const char *s = alts; s && *s;) {
    const char *bar = strchr(s, '|');
    size_t l = bar ? (size_t)(bar - s) : strlen(s);
    if (l == vl && strncmp(s, v, l) == 0) return true;
    s = bar ? bar + 1 : NULL;
  }
  return false;
}

static const char *unit_name_of(cctx *c, const char *code) {
  const ys_budget_unit *u = ys_dataset_unit(c->ds, code);
  return u ? u->name : "";
}

static bool project_in_table(cctx *c, const ys_project *pj) {
  ys_qfilter f = {0};
  f.src = YS_Q_EXP;
  ys_qcodes_add(&f.project, pj->code);
  if (c->pt->has_base) ys_qfilter_and(&f, &f, &c->pt->base, c->a);
  ys_item_iter k;
  ys_qfilter_items(&k, &f, c->ds);
  return ys_item_next(&k) != NULL;
}

static bool project_has_items(cctx *c, const ys_project *pj) {
  ys_qfilter f = {0};
  f.src = YS_Q_EXP;
  ys_qcodes_add(&f.project, pj->code);
  ys_item_iter k;
  ys_qfilter_items(&k, &f, c->ds);
  return ys_item_next(&k) != NULL;
}

/* Items in the table (base, unit context) narrowed by f: any? */
static bool any_item(cctx *c, const ys_qfilter *f) {
  ys_qfilter g = *f;
  g.src = YS_Q_EXP;
  if (c->pt->has_base) ys_qfilter_and(&g, &g, &c->pt->base, c->a);
  if (c->ctx) ys_qfilter_and(&g, &g, c->ctx, c->a);
  ys_item_iter k;
  ys_qfilter_items(&k, &g, c->ds);
  return ys_item_next(&k) != NULL;
}

static void gen_rows(cctx *c, rowvec *rv, const ys_prow *rows, size_t n);

/* The rows of pr->sub inside one unit: generated with the unit as context
 * (so a tree shows the codes that unit uses), narrowed by it and placed
 * below the unit row. */
static void gen_nested(cctx *c, rowvec *rv, const ys_prow *pr,
                       const ys_budget_unit *un, int level) {
  ys_qfilter uf = {0};
  ys_qcodes_add(&uf.unit, un->code);
  const ys_qfilter *save = c->ctx;
  ys_qfilter ctx = uf;
  if (save) ys_qfilter_and(&ctx, save, &uf, c->a);
  c->ctx = &ctx;
  rowvec sub = {0};
  gen_rows(c, &sub, pr->sub, pr->n_sub);
  c->ctx = save;
  for (size_t k = 0; k < sub.n; k++) {
    rowctx *r = rv_push(c, rv);
    if (!r) return;
    *r = sub.v[k];
    r->level += level;
    ys_qfilter_and(&r->filter, &r->filter, &uf, c->a);
    if (!r->unit_code) {
      r->unit_code = un->code;
      r->unit_name = un->name;
    }
  }
}

/* Projects of one unit under the function 项 codes they spend on: a
 * heading row per 项, then one row per project and 项 (in projects.csv
 * order). One pass over the unit's items, sorted once. */
typedef struct fproj {
  const char *func;
  size_t proj; /* index into ds->projects; SIZE_MAX: not defined */
} fproj;

static int cmp_fproj(const void *a, const void *b) {
  const fproj *x = a, *y = b;
  int c = strcmp(x->func, y->func);
  return c ? c : (x->proj > y->proj) - (x->proj < y->proj);
}

static void gen_projects_by_func(cctx *c, rowvec *rv, const ys_prow *pr,
                                 const ys_budget_unit *un) {
  const ys_dataset *ds = c->ds;
  ys_qfilter g = {0};
  g.src = YS_Q_EXP;
  g.kinds = 1u << YS_KIND_PROJECT;
  ys_qcodes_add(&g.unit, un->code);
  if (c->pt->has_base) ys_qfilter_and(&g, &g, &c->pt->base, c->a);
  if (c->ctx) ys_qfilter_and(&g, &g, c->ctx, c->a);
  size_t n = 0, cap = 0;
  ys_item_iter k;
  ys_qfilter_items(&k, &g, ds);
  for (ys_item_iter q = k; ys_item_next(&q);) cap++;
  fproj *v = ys_arena_alloc(c->a, sizeof *v * (cap + 1));
  if (!v) {
    c->oom = true;
    return;
  }
  for (const ys_line_item *it; (it = ys_item_next(&k));) {
    if (!it->project) continue;
    const ys_project *pj = ys_dataset_project(ds, it->project);
    v[n++] = (fproj){it->func, pj ? (size_t)(pj - ds->projects) : SIZE_MAX};
  }
  qsort(v, n, sizeof v[0], cmp_fproj);
  for (size_t i = 0; i < n; i++) {
    bool new_func = i == 0 || strcmp(v[i].func, v[i - 1].func) != 0;
    if (new_func) {
      rowctx *r = rv_push(c, rv);
      if (!r) return;
      r->kind = YS_ROW_GROUP;
      r->level = pr->level + 3;
      r->code = v[i].func;
      r->func_code = "";
      r->label = cat_name(c, YS_CLS_FUNC, v[i].func);
      r->indent = true;
      r->unit_code = un->code;
      r->unit_name = un->name;
      ys_qcodes_add(&r->filter.unit, un->code);
      ys_qcodes_add(&r->filter.func, v[i].func);
    }
    if (v[i].proj == SIZE_MAX || (!new_func && v[i].proj == v[i - 1].proj))
      continue;
    const ys_project *pj = &ds->projects[v[i].proj];
    rowctx *r = rv_push(c, rv);
    if (!r) return;
    r->kind = YS_ROW_DETAIL;
    r->level = pr->level + 4;
    r->code = pj->code;
    r->func_code = v[i].func;
    r->label = pj->name;
    r->desc = pj->description;
    r->proj = pj;
    r->indent = true;
    r->unit_code = un->code;
    r->unit_name = un->name;
    ys_qcodes_add(&r->filter.unit, un->code);
    ys_qcodes_add(&r->filter.func, v[i].func);
    ys_qcodes_add(&r->filter.project, pj->code);
  }
}

static void gen_units(cctx *c, rowvec *rv, const ys_prow *pr,
                      bool with_projects) {
  const ys_dataset *ds = c->ds;
  rowctx *r = rv_push(c, rv);
  if (!r) return;
  r->kind = YS_ROW_GROUP;
  r->level = pr->level + 1;
  r->code = ds->dept_code;
  r->label = ds->dept_name;
  r->indent = true;
  for (size_t u = 0; u < ds->n_units; u++) {
    const ys_budget_unit *un = &ds->units[u];
    if (with_projects) {
      bool any = false;
      const ys_project *const *up;
      size_t nup = ys_dataset_unit_projects(ds, un->code, &up);
      for (size_t j = 0; j < nup && !any; j++) any = project_in_table(c, up[j]);
      if (!any && pr->group == PGROUP_FUNC) {
        ys_qfilter f = {0};
        ys_qcodes_add(&f.unit, un->code);
        f.kinds = 1u << YS_KIND_PROJECT;
        any = any_item(c, &f);
      }
      if (!any) continue;
    }
    r = rv_push(c, rv);
    if (!r) return;
    r->kind = with_projects || pr->n_sub ? YS_ROW_GROUP : YS_ROW_DETAIL;
    r->level = pr->level + 2;
    r->code = un->code;
    r->label = un->name;
    r->indent = true;
    r->unit_code = un->code;
    r->unit_name = un->name;
    ys_qcodes_add(&r->filter.unit, un->code);
    if (pr->n_sub) gen_nested(c, rv, pr, un, pr->level + 2);
    if (!with_projects) continue;
    if (pr->group == PGROUP_FUNC) {
      gen_projects_by_func(c, rv, pr, un);
      continue;
    }
    /* Categories in order of first appearance, then their projects. */
    const ys_project *const *up;
    size_t nup = ys_dataset_unit_projects(ds, un->code, &up);
    for (size_t j = 0; j < nup; j++) {
      const ys_project *pj = up[j];
      if (!project_in_table(c, pj)) continue;
      bool seen = false;
      for (size_t k = 0; k < j && !seen; k++)
        seen = strcmp(up[k]->category, pj->category) == 0 &&
               project_in_table(c, up[k]);
      if (seen) continue;
      const char *catg = pj->category && *pj->category ? pj->category : NULL;
      if (catg) {
        r = rv_push(c, rv);
        if (!r) return;
        r->kind = YS_ROW_GROUP;
        r->level = pr->level + 3;
        r->label = catg;
        r->code = "";
        r->indent = true;
        r->unit_code = un->code;
        r->unit_name = un->name;
        ys_qcodes_add(&r->filter.unit, un->code);
        ys_qcodes_add(&r->filter.pcat, catg);
      }
      for (size_t k = j; k < nup; k++) {
        const ys_project *q = up[k];
        if (strcmp(q->category, pj->category) || !project_in_table(c, q))
          continue;
        r = rv_push(c, rv);
        if (!r) return;
        r->kind = YS_ROW_DETAIL;
        r->level = pr->level + (catg ? 4 : 3);
        r->code = q->code;
        r->label = q->name;
        r->desc = q->description;
        r->proj = q;
        r->indent = true;
        r->unit_code = un->code;
        r->unit_name = un->name;
        ys_qcodes_add(&r->filter.project, q->code);
      }
    }
  }
}

/* Projects with their performance targets, one row per indicator: the
 * project's own columns on its first row, the indicators below. A project
 * is shown when it spends in the table, or when it has targets and no line
 * items at all (a project the dataset cannot attach spending to). */
static void gen_targets(cctx *c, rowvec *rv, const ys_prow *pr) {
  const ys_dataset *ds = c->ds;
  for (size_t j = 0; j < ds->n_projects; j++) {
    const ys_project *pj = &ds->projects[j];
    if (pr->pcat && !in_alts(pr->pcat, pj->category)) continue;
    if (pr->exclude_pcat && in_alts(pr->exclude_pcat, pj->category)) continue;
    const ys_target *const *tgs;
    size_t ntg = ys_dataset_project_targets(ds, pj->code, &tgs);
    const ys_target *first = ntg ? tgs[0] : NULL;
    if (!project_in_table(c, pj) && (project_has_items(c, pj) || !first))
      continue;
    rowctx *r = rv_push(c, rv);
    if (!r) return;
    r->kind = YS_ROW_DETAIL;
    r->level = pr->level + 1;
    r->code = pj->code;
    r->label = pj->name;
    r->desc = pj->description;
    r->proj = pj;
    r->target = first;
    r->unit_code = pj->unit;
    r->unit_name = unit_name_of(c, pj->unit);
    ys_qcodes_add(&r->filter.project, pj->code);
    for (size_t k = 1; k < ntg; k++) {
      const ys_target *tg = tgs[k];
      r = rv_push(c, rv);
      if (!r) return;
      r->kind = YS_ROW_TEXT;
      r->level = pr->level + 2;
      r->code = "";
      r->label = "";
      r->proj = pj;
      r->target = tg;
    }
  }
}

/* A fixed row marked in_use is shown only when its amount is not zero
 * (上海's 收支总表 print no 上年结转 row where nothing is carried over). */
static bool fixed_in_use(cctx *c, const ys_prow *pr) {
  /* the row's quantity, or its one per amount column (panels' qs) */
  int n = pr->n_qs ? pr->n_qs : 1;
  for (int k = 0; k < n; k++) {
    const ys_qexpr *q = pr->n_qs ? &pr->qs[k] : &pr->q;
    if (!q->n) continue;
    ys_qexpr e;
    ys_qexpr_cell(&e, q, c->pt->has_base ? &c->pt->base : NULL, c->ctx, c->a);
    if (ys_qexpr_over(&e)) c->limit = true;
    if (ys_qexpr_eval(&e, c->ds) != 0) return true;
  }
  return false;
}

static void gen_rows(cctx *c, rowvec *rv, const ys_prow *rows, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const ys_prow *pr = &rows[i];
    switch (pr->kind) {
    case PROW_FIXED: {
      if (pr->in_use && !fixed_in_use(c, pr)) break;
      rowctx *r = rv_push(c, rv);
      if (!r) return;
      r->kind = pr->total ? YS_ROW_TOTAL : YS_ROW_GROUP;
      r->level = pr->level;
      r->subset = pr->subset;
      r->sum_body = pr->sum_body;
      r->sum_footers = pr->sum_footers;
      r->label = expand(c, pr->label, NULL);
      r->code = "";
      r->q = pr->q.n ? &pr->q : NULL;
      r->key = pr->key;
      r->qs = pr->qs;
      r->n_qs = pr->n_qs;
      break;
    }
    case PROW_CLASSES:
      for (int k = 0, shown = 0; k < pr->n_codes; k++) {
        if (pr->in_use && !code_in_use(c, pr, pr->codes[k])) continue;
        rowctx *r = rv_push(c, rv);
        if (!r) return;
        r->kind = YS_ROW_DETAIL;
        r->level = pr->level;
        r->code = pr->codes[k];
        r->label = fill_label(c, pr->label, ++shown,
                              cat_name(c, pr->cls, pr->codes[k]));
        r->q = pr->q.n ? &pr->q : NULL;
        ys_qcodes *dim = pr->cls == YS_CLS_FUNC       ? &r->filter.func
                         : pr->cls == YS_CLS_ECON_GOV ? &r->filter.gecon
                                                      : &r->filter.econ;
        ys_qcodes_add(dim, pr->codes[k]);
      }
      break;
    case PROW_TREE: {
      rowvec sub = {0};
      gen_tree(c, &sub, pr);
      for (size_t k = 0; k < sub.n; k++) {
        rowctx *r = rv_push(c, rv);
        if (!r) return;
        *r = sub.v[k];
      }
      break;
    }
    case PROW_UNITS:
      gen_units(c, rv, pr, false);
      break;
    case PROW_PROJECTS:
      gen_units(c, rv, pr, true);
      break;
    case PROW_TARGETS:
      gen_targets(c, rv, pr);
      break;
    case PROW_PROCUREMENT:
      for (size_t k = 0; k < c->ds->n_procurements; k++) {
        rowctx *r = rv_push(c, rv);
        if (!r) return;
        r->kind = YS_ROW_DETAIL;
        r->level = pr->level + 1;
        r->proc = &c->ds->procurements[k];
        r->label = r->proc->project;
        r->code = "";
      }
      break;
    }
  }
}

/* --- cells ------------------------------------------------------------- */

static const char *indented(cctx *c, const rowctx *r) {
  if (!r->indent || r->level <= 1) return r->label;
  size_t il = strlen(c->p->indent);
  size_t n = (size_t)(r->level - 1);
  size_t ll = strlen(r->label);
  char *s = ys_arena_alloc(c->a, il * n + ll + 1);
  if (!s) return r->label;
  for (size_t i = 0; i < n; i++) memcpy(s + i * il, c->p->indent, il);
  memcpy(s + il * n, r->label, ll + 1);
  return s;
}

static const char *code_part(cctx *c, const char *code, size_t from,
                             size_t len) {
  if (!code || strlen(code) < from + len) return "";
  return ys_arena_strndup(c->a, code + from, len);
}

static const char *target_value(cctx *c, const ys_target *tg);

/* A fact's value as written: a number cell, or empty when absent. */
static void fact_cell(cctx *c, ys_cell *cell, const char *key) {
  const ys_fact *f = key ? ys_dataset_fact(c->ds, key) : NULL;
  text_cell(c, cell, f ? f->value : "");
  if (f && f->value && *f->value) cell->type = YS_CELL_NUMBER;
}

/* Target fields of a row made by the "targets" generator. */
static const char *target_field(cctx *c, pcol_show show, const ys_target *tg) {
  if (!tg) return "";
  switch (show) {
  case PCOL_T_LEVEL1:
    return tg->level1;
  case PCOL_T_LEVEL2:
    return tg->level2;
  case PCOL_T_NAME:
    return tg->name;
  case PCOL_T_OP:
    return tg->op;
  case PCOL_T_VALUE:
    return tg->value;
  case PCOL_T_UNIT:
    return tg->unit_text;
  case PCOL_T_WEIGHT:
    return tg->weight >= 0 ? ys_arena_printf(c->a, "%d", tg->weight) : "";
  case PCOL_T_DIRECTION:
    return tg->direction;
  case PCOL_T_TARGET:
    return target_value(c, tg);
  default:
    return "";
  }
}

/* The value of one cell by its column's kind (a switch of some twenty
 * short cases, one per kind of docs/profiles.md): long only by the number
 * of kinds. */
static void grid_cell(cctx *c, ys_cell *cell, const ys_pcol *pc,
                      const rowctx *r, size_t idx) {
  const ys_procurement *pr = r->proc;
  switch (pc->show) {
  case PCOL_AMOUNT:
    if (pr || r->kind == YS_ROW_TEXT) {
      text_cell(c, cell, "");
      break;
    }
    amount_cell(c, cell, &pc->q, &r->filter);
    break;
  case PCOL_ROWNUM: {
    char num[24];
    snprintf(num, sizeof num, "%zu", idx + 1);
    text_cell(c, cell, num);
    break;
  }
  case PCOL_TEXT:
    text_cell(c, cell, expand(c, pc->text[r->kind], r));
    break;
  case PCOL_UNIT_NAME:
    text_cell(c, cell, r->unit_name);
    break;
  case PCOL_FACT:
    fact_cell(c, cell, r->key);
    break;
  case PCOL_GOAL:
    text_cell(c, cell, r->proj && r->kind != YS_ROW_TEXT ? r->proj->goal : "");
    break;
  case PCOL_T_LEVEL1:
  case PCOL_T_LEVEL2:
  case PCOL_T_NAME:
  case PCOL_T_OP:
  case PCOL_T_VALUE:
  case PCOL_T_UNIT:
  case PCOL_T_WEIGHT:
  case PCOL_T_DIRECTION:
  case PCOL_T_TARGET: {
    const char *v = target_field(c, pc->show, r->target);
    if (r->target && (!v || !*v) && pc->empty)
      v = pc->empty;
    else if (v && *v && pc->suffix)
      v = ys_arena_printf(c->a, "%s%s", v, pc->suffix);
    text_cell(c, cell, v);
    break;
  }
  case PCOL_CODE:
    text_cell(c, cell, r->kind == YS_ROW_TOTAL ? "" : r->code);
    break;
  case PCOL_NAME:
    text_cell(c, cell, indented(c, r));
    break;
  case PCOL_GOV_CODE:
    text_cell(c, cell, r->gov_code);
    break;
  case PCOL_GOV_NAME:
    text_cell(c, cell, r->gov_name);
    break;
  case PCOL_BLANK:
    text_cell(c, cell, "");
    break;
  case PCOL_DESC:
    text_cell(c, cell, r->desc);
    break;
  case PCOL_FUNC_LEI:
  case PCOL_FUNC_KUAN:
  case PCOL_FUNC_XIANG: {
    const char *code = pr                 ? pr->func
                       : r->func_code     ? r->func_code
                       : r->filter.func.n ? r->code
                                          : "";
    size_t from = pc->show == PCOL_FUNC_LEI    ? 0
                  : pc->show == PCOL_FUNC_KUAN ? 3
                                               : 5;
    text_cell(c, cell, code_part(c, code, from, from ? 2 : 3));
    break;
  }
  case PCOL_ECON_LEI:
  case PCOL_ECON_KUAN: {
    const char *code = pr ? pr->econ : (r->filter.econ.n ? r->code : "");
    size_t from = pc->show == PCOL_ECON_LEI ? 0 : 3;
    text_cell(c, cell, code_part(c, code, from, from ? 2 : 3));
    break;
  }
  case PCOL_GECON_LEI:
  case PCOL_GECON_KUAN: {
    const char *code = pr ? pr->gecon : r->gov_code;
    size_t from = pc->show == PCOL_GECON_LEI ? 0 : 3;
    text_cell(c, cell, code_part(c, code, from, from ? 2 : 3));
    break;
  }
  case PCOL_UNIT_CODE:
    /* Detail rows only: headings (a unit above its rows, a 类 above its
     * 款) leave the unit code to the rows below them. */
    text_cell(c, cell,
              pr                         ? pr->unit
              : r->kind != YS_ROW_DETAIL ? ""
              : r->unit_code             ? r->unit_code
              : r->filter.unit.n         ? r->code
                                         : "");
    break;
  case PCOL_PROC_CATALOG:
    text_cell(c, cell, pr ? pr->catalog : "");
    break;
  case PCOL_PROC_SERVICE:
    text_cell(c, cell, pr ? pr->service : "");
    break;
  case PCOL_PROC_SPEC:
    text_cell(c, cell, pr ? pr->spec : "");
    break;
  case PCOL_PROC_QUANTITY:
    text_cell(c, cell, pr ? pr->quantity : "");
    break;
  case PCOL_PROC_TIME:
    text_cell(c, cell, pr ? pr->time_text : "");
    break;
  case PCOL_PROC_AMOUNT:
    if (pr) {
      char buf[64];
      ys_money_format(buf, sizeof buf, pr->amount, c->pt->unit, c->pt->decimals,
                      fmt_flags(c));
      cell->type = YS_CELL_AMOUNT;
      cell->fen = pr->amount;
      cell->text = ys_arena_strdup(c->a, buf);
    } else {
      text_cell(c, cell, "");
    }
    break;
  }
}

/* --- identities -------------------------------------------------------- */

/* Verifies the identities the layout implies over rows [from, to) of one
 * column, on the exact amounts: a row equals the sum of its non-subset
 * children; a failure is spending the table cannot show (an error). What
 * the rounded figures then print is verify.c's to judge (尾数误差). */
static void check_tree(cctx *c, ys_table *t, const rowctx *rc, size_t from,
                       size_t to, size_t col) {
  for (size_t i = from; i < to; i++) {
    const ys_cell *pc = &t->rows[i].cells[col];
    if (pc->type != YS_CELL_AMOUNT || rc[i].subset) continue;
    int64_t exact = 0;
    int kids = 0;
    for (size_t j = i + 1; j < to && rc[j].level > rc[i].level; j++) {
      if (rc[j].level != rc[i].level + 1 || rc[j].subset) continue;
      const ys_cell *cc = &t->rows[j].cells[col];
      if (cc->type != YS_CELL_AMOUNT) continue;
      exact += cc->fen;
      kids++;
    }
    if (!kids) continue;
    if (exact != pc->fen) {
      char a[64], b[64];
      ys_money_format(a, sizeof a, pc->fen, YS_UNIT_YUAN, 2, YS_FMT_THOUSANDS);
      ys_money_format(b, sizeof b, exact, YS_UNIT_YUAN, 2, YS_FMT_THOUSANDS);
      ys_errors_add(c->errs, YS_EINPUT, c->ds->dir, 0, 0,
                    "%s“%s”第“%s”行为 %s 元，但其下各行合计 %s 元："
                    "数据中有此表无法列示的支出（检查经济科目或支出类型）",
                    t->number, t->title, rc[i].label, a, b);
      c->failed = 1;
    }
  }
}

/* A 合计 row with no rows under it (printed below a code tree, or above a
 * tree that has no rows at all) equals the top rows of the tree: else the
 * dataset has amounts the table cannot show (income not given by function
 * for a 收入决算表). Tables of fixed rows only are not concerned. */
static void check_grid_totals(cctx *c, ys_table *t, const ys_ptable *pt,
                              const rowctx *rc) {
  bool tree = false;
  for (size_t k = 0; k < pt->nrows; k++) tree |= pt->rows[k].kind == PROW_TREE;
  if (!tree) return;
  int top = -1;
  for (size_t i = 0; i < t->nrows; i++)
    if (rc[i].kind != YS_ROW_TOTAL && !rc[i].subset &&
        (top < 0 || rc[i].level < top))
      top = rc[i].level;
  for (size_t i = 0; i < t->nrows; i++) {
    if (rc[i].kind != YS_ROW_TOTAL) continue;
    if (i + 1 < t->nrows && rc[i + 1].level > rc[i].level) continue;
    for (size_t k = 0; k < t->ncols; k++) {
      const ys_cell *tc = &t->rows[i].cells[k];
      if (tc->type != YS_CELL_AMOUNT) continue;
      int64_t exact = 0;
      for (size_t j = 0; j < t->nrows; j++) {
        const ys_cell *cc = &t->rows[j].cells[k];
        if (rc[j].kind == YS_ROW_TOTAL || rc[j].subset || rc[j].level != top ||
            cc->type != YS_CELL_AMOUNT)
          continue;
        exact += cc->fen;
      }
      if (exact != tc->fen) {
        char a[64], b[64];
        ys_money_format(a, sizeof a, tc->fen, YS_UNIT_YUAN, 2,
                        YS_FMT_THOUSANDS);
        ys_money_format(b, sizeof b, exact, YS_UNIT_YUAN, 2, YS_FMT_THOUSANDS);
        ys_errors_add(c->errs, YS_EINPUT, c->ds->dir, 0, 0,
                      "%s“%s”“%s”行“%s”列为 %s 元，但各科目行合计 %s 元："
                      "数据中有此表无法按科目列示的金额（收入按功能科目列示"
                      "时，revenues.csv 须填写功能科目）",
                      t->number, t->title, rc[i].label, t->col_labels[k], a, b);
        c->failed = 1;
        return;
      }
    }
  }
}

static void check_columns(cctx *c, ys_table *t, const ys_ptable *pt) {
  for (size_t i = 0; i < t->nrows; i++)
    for (size_t k = 0; k < pt->ncols; k++) {
      const ys_pcol *pc = &pt->cols[k];
      const ys_cell *tc = &t->rows[i].cells[k];
      if (!pc->n_sum_of || tc->type != YS_CELL_AMOUNT) continue;
      int64_t exact = 0;
      for (int j = 0; j < pc->n_sum_of; j++) {
        const ys_cell *cc = &t->rows[i].cells[pc->sum_of[j]];
        if (cc->type != YS_CELL_AMOUNT) continue;
        exact += cc->fen;
      }
      if (exact != tc->fen) {
        ys_errors_add(c->errs, YS_EINPUT, c->ds->dir, 0, 0,
                      "%s“%s”第 %zu 行“%s”列不等于各分项之和：数据中有此表"
                      "无法列示的支出或收入",
                      t->number, t->title, i + 1, t->col_labels[k]);
        c->failed = 1;
      }
    }
}

/* --- tables ------------------------------------------------------------ */

static void col_labels_from_header(cctx *c, ys_table *t, size_t ncols) {
  t->col_labels = ys_arena_alloc(c->a, sizeof(char *) * (ncols ? ncols : 1));
  if (!t->col_labels) return;
  for (size_t k = 0; k < ncols; k++) t->col_labels[k] = "";
  /* The lowest header cell covering a column names it. */
  for (size_t h = 0; h < t->n_header; h++) {
    const ys_header_cell *hc = &t->header[h];
    for (int k = hc->col; k < hc->col + hc->col_span && k < (int)ncols; k++)
      if (hc->row + hc->row_span == t->header_rows || !*t->col_labels[k])
        t->col_labels[k] = hc->text;
  }
}

/* Room is left for a 栏次 row (add_colnums). */
static void copy_header(cctx *c, ys_table *t, const ys_ptable *pt,
                        size_t ncols) {
  t->header_rows = pt->header_rows;
  t->n_header = pt->n_header;
  t->header =
      ys_arena_alloc(c->a, sizeof(ys_header_cell) * (pt->n_header + ncols + 1));
  if (t->header && pt->n_header)
    memcpy(t->header, pt->header, sizeof(ys_header_cell) * pt->n_header);
  for (size_t h = 0; t->header && h < t->n_header; h++)
    t->header[h].text = expand(c, t->header[h].text, NULL);
}

/* The 栏次 row under the header: "栏次" above a row-number column, the
 * other columns numbered 1, 2, ... Column labels are taken before it. */
static void add_colnums(cctx *c, ys_table *t, const bool *is_rownum) {
  if (!t->header) return;
  int n = 0;
  for (size_t k = 0; k < t->ncols; k++) {
    ys_header_cell *h = &t->header[t->n_header++];
    h->row = t->header_rows;
    h->col = (int)k;
    h->row_span = h->col_span = 1;
    h->text = is_rownum[k] ? "栏次" : ys_arena_printf(c->a, "%d", ++n);
  }
  t->header_rows++;
}

static ys_cell *new_cells(cctx *c, size_t n) {
  ys_cell *cells = ys_arena_alloc(c->a, sizeof(ys_cell) * (n ? n : 1));
  if (cells)
    for (size_t k = 0; k < n; k++) cells[k].text = "";
  return cells;
}

static bool any_amount(const ys_table *t) {
  for (size_t i = 0; i < t->nrows; i++)
    for (size_t k = 0; k < t->ncols; k++)
      if (t->rows[i].cells[k].type == YS_CELL_AMOUNT) return true;
  return false;
}

static bool all_zero(const ys_table *t) {
  for (size_t i = 0; i < t->nrows; i++)
    for (size_t k = 0; k < t->ncols; k++)
      if (t->rows[i].cells[k].type == YS_CELL_AMOUNT &&
          t->rows[i].cells[k].fen != 0)
        return false;
  return true;
}

static int build_grid(cctx *c, ys_table *t, const ys_ptable *pt) {
  rowvec rv = {0};
  gen_rows(c, &rv, pt->rows, pt->nrows);
  /* In a grid a fixed row's quantity (one term) narrows the cells of its
   * row the way a code row's filter does; a fact term names the fact the
   * row's fact columns ("q": "fact") show. */
  for (size_t i = 0; i < rv.n; i++) {
    const ys_qexpr *q = rv.v[i].q;
    if (!q || q->n != 1) continue;
    ys_qfilter f = q->t[0];
    f.src = YS_Q_NONE;
    ys_qfilter_and(&rv.v[i].filter, &rv.v[i].filter, &f, c->a);
  }
  t->ncols = pt->ncols;
  copy_header(c, t, pt, t->ncols);
  col_labels_from_header(c, t, t->ncols);
  if (pt->colnums) {
    bool *rn = ys_arena_alloc(c->a, sizeof(bool) * (t->ncols + 1));
    if (!rn) return YS_ENOMEM;
    for (size_t k = 0; k < t->ncols; k++)
      rn[k] = pt->cols[k].show == PCOL_ROWNUM;
    add_colnums(c, t, rn);
  }
  t->rows = ys_arena_alloc(c->a, sizeof(ys_row) * (rv.n ? rv.n : 1));
  if (!t->rows) return YS_ENOMEM;
  for (size_t i = 0; i < rv.n; i++) {
    ys_row *row = &t->rows[t->nrows++];
    row->kind = rv.v[i].kind;
    row->level = rv.v[i].level;
    row->code = rv.v[i].code ? rv.v[i].code : "";
    row->cells = new_cells(c, t->ncols);
    if (!row->cells) return YS_ENOMEM;
    for (size_t k = 0; k < t->ncols; k++)
      grid_cell(c, &row->cells[k], &pt->cols[k], &rv.v[i], i);
  }
  for (size_t k = 0; k < t->ncols; k++) check_tree(c, t, rv.v, 0, rv.n, k);
  check_grid_totals(c, t, pt, rv.v);
  check_columns(c, t, pt);
  bool has_detail = false;
  for (size_t i = 0; i < t->nrows; i++)
    if (t->rows[i].kind != YS_ROW_TOTAL) has_detail = true;
  /* A table of text only (targets without amounts) is empty when it has
   * no rows; one with amounts, when they are all zero. */
  t->empty = !has_detail || (any_amount(t) && all_zero(t));
  return YS_OK;
}

/* Amount m of a panel row: the row's own quantity for that column ("qs"),
 * or its quantity narrowed by the column's filter (facts are not). */
static void panel_amount(cctx *c, ys_cell *cell, const rowctx *r,
                         const ys_qfilter *colf, int m) {
  if (r->qs && m < r->n_qs) {
    if (r->qs[m].n)
      amount_cell(c, cell, &r->qs[m], &r->filter);
    else
      text_cell(c, cell, "");
    return;
  }
  ys_qexpr e;
  if (r->q && r->q->n) {
    e = *r->q;
  } else {
    memset(&e, 0, sizeof e);
    e.n = 1;
    e.sign[0] = 1;
    e.t[0].src =
        c->pt->has_base && c->pt->base.src ? c->pt->base.src : YS_Q_EXP;
  }
  for (int i = 0; i < e.n; i++)
    if (e.t[i].src != YS_Q_FACT) ys_qfilter_and(&e.t[i], &e.t[i], colf, c->a);
  amount_cell(c, cell, &e, &r->filter);
}

/* A footer row equals the sum of the rows parts[0..n) (of one column),
 * on the exact amounts: a failure is an error. */
static void check_footer(cctx *c, ys_table *t, const size_t *parts, size_t n,
                         size_t at, size_t lc, size_t col) {
  const ys_cell *fc = &t->rows[at].cells[col];
  if (fc->type != YS_CELL_AMOUNT) return;
  int64_t exact = 0;
  for (size_t k = 0; k < n; k++) {
    const ys_cell *cc = &t->rows[parts[k]].cells[col];
    if (cc->type != YS_CELL_AMOUNT) continue;
    exact += cc->fen;
  }
  if (exact != fc->fen) {
    char a[64], b[64];
    ys_money_format(a, sizeof a, fc->fen, YS_UNIT_YUAN, 2, YS_FMT_THOUSANDS);
    ys_money_format(b, sizeof b, exact, YS_UNIT_YUAN, 2, YS_FMT_THOUSANDS);
    ys_errors_add(c->errs, YS_EINPUT, c->ds->dir, 0, 0,
                  "%s“%s”第“%s”行为 %s 元，但其组成各行合计 %s 元："
                  "数据中有此表无法列示的支出或收入",
                  t->number, t->title, t->rows[at].cells[lc].text, a, b);
    c->failed = 1;
  }
}

/* Footer identities of one panel: sum_body (= the body rows at the top
 * level, not 其中 rows) and sum_footers (= the footers above it, not 其中
 * rows). foot_at[j] is the table row of footer j. */
static void check_footers(cctx *c, ys_table *t, const rowvec *body,
                          const rowvec *foot, const size_t *foot_at, size_t lc,
                          int n_amounts) {
  size_t *parts =
      ys_arena_alloc(c->a, sizeof(size_t) * (body->n + foot->n + 1));
  if (!parts) return;
  int top = 0;
  for (size_t i = 0; i < body->n; i++)
    if (i == 0 || body->v[i].level < top) top = body->v[i].level;
  for (size_t j = 0; j < foot->n; j++) {
    const rowctx *f = &foot->v[j];
    size_t n = 0;
    if (f->sum_body) {
      for (size_t i = 0; i < body->n; i++)
        if (body->v[i].level == top && !body->v[i].subset) parts[n++] = i;
    } else if (f->sum_footers) {
      for (size_t k = 0; k < j; k++)
        if (!foot->v[k].subset) parts[n++] = foot_at[k];
    } else {
      continue;
    }
    for (int m = 0; m < n_amounts; m++)
      check_footer(c, t, parts, n, foot_at[j], lc, lc + 1 + (size_t)m);
  }
}

static int build_panels(cctx *c, ys_table *t, const ys_ptable *pt) {
  size_t np = pt->npanels, body = 0, foot = 0;
  rowvec *bodies = ys_arena_alloc(c->a, sizeof(rowvec) * np);
  rowvec *foots = ys_arena_alloc(c->a, sizeof(rowvec) * np);
  size_t *off = ys_arena_alloc(c->a, sizeof(size_t) * (np + 1));
  if (!bodies || !foots || !off) return YS_ENOMEM;
  /* Columns: [序号] then, per panel, [a code], a label and its amount
   * columns; off[p] is where panel p starts. */
  off[0] = pt->rownum ? 1 : 0;
  for (size_t p = 0; p < np; p++) {
    memset(&bodies[p], 0, sizeof bodies[p]);
    memset(&foots[p], 0, sizeof foots[p]);
    gen_rows(c, &bodies[p], pt->panels[p].rows, pt->panels[p].n_rows);
    gen_rows(c, &foots[p], pt->panels[p].footer, pt->panels[p].n_footer);
    if (bodies[p].n > body) body = bodies[p].n;
    if (foots[p].n > foot) foot = foots[p].n;
    off[p + 1] = off[p] + (size_t)ys_ppanel_width(&pt->panels[p]);
  }
  t->ncols = off[np];
  copy_header(c, t, pt, t->ncols);
  col_labels_from_header(c, t, t->ncols);
  if (pt->colnums) {
    bool *rn = ys_arena_alloc(c->a, sizeof(bool) * (t->ncols + 1));
    if (!rn) return YS_ENOMEM;
    for (size_t k = 0; k < t->ncols; k++) rn[k] = pt->rownum && k == 0;
    add_colnums(c, t, rn);
  }
  t->nrows = body + foot;
  t->rows = ys_arena_alloc(c->a, sizeof(ys_row) * (t->nrows ? t->nrows : 1));
  if (!t->rows) return YS_ENOMEM;
  for (size_t i = 0; i < t->nrows; i++) {
    t->rows[i].kind = i < body ? YS_ROW_DETAIL : YS_ROW_TOTAL;
    t->rows[i].code = "";
    t->rows[i].cells = new_cells(c, t->ncols);
    if (!t->rows[i].cells) return YS_ENOMEM;
  }
  for (size_t p = 0; p < np; p++) {
    const ys_ppanel *pp = &pt->panels[p];
    size_t lc = off[p] + (pp->code ? 1 : 0);
    for (size_t i = 0; i < bodies[p].n; i++) {
      const rowctx *r = &bodies[p].v[i];
      if (pp->code) text_cell(c, &t->rows[i].cells[lc - 1], r->code);
      text_cell(c, &t->rows[i].cells[lc], r->label);
      for (int m = 0; m < pp->n_amounts; m++)
        panel_amount(c, &t->rows[i].cells[lc + 1 + (size_t)m], r,
                     &pp->amounts[m], m);
    }
    /* Footers: the closing total (总计) sits on the last row of every
     * panel, the others from the top of the footer block. */
    size_t nf = foots[p].n;
    size_t *foot_at = ys_arena_alloc(c->a, sizeof(size_t) * (nf + 1));
    if (!foot_at) return YS_ENOMEM;
    for (size_t j = 0; j < nf; j++) {
      const rowctx *r = &foots[p].v[j];
      size_t at = body + j;
      if (j == nf - 1 && r->kind == YS_ROW_TOTAL) at = body + foot - 1;
      foot_at[j] = at;
      text_cell(c, &t->rows[at].cells[lc], r->label);
      for (int m = 0; m < pp->n_amounts; m++)
        panel_amount(c, &t->rows[at].cells[lc + 1 + (size_t)m], r,
                     &pp->amounts[m], m);
    }
    /* Structural identities of the panel body (levels of its rows). */
    ys_table view = *t;
    view.nrows = bodies[p].n;
    for (int m = 0; m < pp->n_amounts; m++)
      check_tree(c, &view, bodies[p].v, 0, bodies[p].n, lc + 1 + (size_t)m);
    check_footers(c, t, &bodies[p], &foots[p], foot_at, lc, pp->n_amounts);
  }
  /* 序号: every row that has a label somewhere. */
  for (size_t i = 0, n = 0; pt->rownum && i < t->nrows; i++) {
    bool any = false;
    for (size_t p = 0; p < np && !any; p++)
      any =
          *t->rows[i].cells[off[p] + (pt->panels[p].code ? 1 : 0)].text != '\0';
    if (any)
      text_cell(c, &t->rows[i].cells[0], ys_arena_printf(c->a, "%zu", ++n));
  }
  t->empty = all_zero(t);
  return YS_OK;
}

/* --- target (绩效目标) forms ------------------------------------------- */

enum { TCOLS = 5 };

/* 总额 / 财政拨款 / 其他资金 as quantities. */
static const char *const fund_q[3] = {
    "exp", "exp;fund=fiscal",
    "exp;fund=special|business|operation|upper|subord|reserve|other"};

static ys_row *form_row(cctx *c, ys_table *t, size_t *cap, ys_row_kind kind) {
  ys_row *r = ys_arena_reserve(c->a, t->rows, t->nrows, cap, sizeof *r);
  if (!r) return NULL;
  t->rows = r;
  ys_row *row = &t->rows[t->nrows++];
  memset(row, 0, sizeof *row);
  row->kind = kind;
  row->code = "";
  row->cells = new_cells(c, TCOLS);
  return row->cells ? row : NULL;
}

static void form_texts(cctx *c, ys_row *row, const char *a, const char *b,
                       const char *d, const char *e, const char *f) {
  const char *v[TCOLS] = {a, b, d, e, f};
  for (int k = 0; k < TCOLS; k++) text_cell(c, &row->cells[k], v[k]);
}

static const char *target_value(cctx *c, const ys_target *tg) {
  const char *op = tg->op && strcmp(tg->op, "=") ? tg->op : "";
  return ys_arena_printf(c->a, "%s%s%s", op, tg->value ? tg->value : "",
                         tg->unit_text ? tg->unit_text : "");
}

static void form_targets(cctx *c, ys_table *t, size_t *cap,
                         const char *project) {
  ys_row *row = form_row(c, t, cap, YS_ROW_TEXT);
  if (!row) return;
  form_texts(c, row, "一级指标", "二级指标", "指标内容", "指标值", "备注");
  const ys_target *const *tgs;
  size_t ntg = ys_dataset_project_targets(c->ds, project, &tgs);
  for (size_t i = 0; i < ntg; i++) {
    const ys_target *tg = tgs[i];
    row = form_row(c, t, cap, YS_ROW_DETAIL);
    if (!row) return;
    form_texts(c, row, tg->level1, tg->level2, tg->name, target_value(c, tg),
               "");
  }
}

static void form_amounts(cctx *c, ys_table *t, size_t *cap,
                         const char *const labels[3], const char *project,
                         const char *lead) {
  for (int k = 0; k < 3; k++) {
    ys_row *row = form_row(c, t, cap, k ? YS_ROW_DETAIL : YS_ROW_GROUP);
    if (!row) return;
    form_texts(c, row, k ? "" : lead, labels[k], "", "", "");
    ys_qexpr q;
    const char *txt =
        project ? ys_arena_printf(c->a, "%s;project=%s", fund_q[k], project)
                : fund_q[k];
    if (ys_qexpr_parse(&q, txt, c->a, NULL) == YS_OK) {
      ys_qfilter none = {0};
      amount_cell(c, &row->cells[2], &q, &none);
    }
  }
}

/* 总额, 财政拨款, 其他资金 of the whole department in columns 2..4. */
static void dept_amounts(cctx *c, ys_row *row) {
  for (int m = 0; m < 3; m++) {
    ys_qexpr q;
    ys_qfilter none = {0};
    if (ys_qexpr_parse(&q, fund_q[m], c->a, NULL) == YS_OK)
      amount_cell(c, &row->cells[2 + m], &q, &none);
  }
}

/* A 绩效目标 table: the department's form (its tasks and totals), else one
 * form per project; the two shapes share the row writer and the empty
 * rule, so they stay together, each under its comment. */
static int build_targets(cctx *c, ys_table *t, const ys_ptable *pt) {
  const ys_dataset *ds = c->ds;
  size_t cap = 0;
  t->ncols = TCOLS;
  t->col_labels = ys_arena_alloc(c->a, sizeof(char *) * TCOLS);
  if (!t->col_labels) return YS_ENOMEM;
  static const char *const lbl[TCOLS] = {"项目", "内容", "金额", "指标值",
                                         "备注"};
  for (int k = 0; k < TCOLS; k++) t->col_labels[k] = lbl[k];
  if (strcmp(pt->scope, "department") == 0) {
    ys_row *row = form_row(c, t, &cap, YS_ROW_TEXT);
    if (!row) return YS_ENOMEM;
    form_texts(c, row, "部门（单位）名称", ds->dept_name, "", "", "");
    row = form_row(c, t, &cap, YS_ROW_TEXT);
    if (!row) return YS_ENOMEM;
    form_texts(c, row, "任务名称", "主要内容", "预算金额（万元）总额",
               "财政拨款", "其他资金");
    /* One task row per dept.task.N fact; a single task (or none) carries
     * the whole budget, several need their own amounts as facts. */
    int ntasks = 0;
    for (int k = 1; k < 100; k++) {
      char key[64];
      snprintf(key, sizeof key, "dept.task.%d.name", k);
      if (!ys_dataset_fact(ds, key)) break;
      ntasks = k;
    }
    /* Several tasks none of which has an amount: the closing row is the
     * department's budget, not a sum of the task rows (四川: 年度部门整体支出
     * 预算). */
    bool task_amounts = ntasks <= 1;
    for (int k = 1; k <= ntasks && !task_amounts; k++) {
      char key[64];
      snprintf(key, sizeof key, "dept.task.%d.amount", k);
      task_amounts = ys_dataset_fact(ds, key) != NULL;
    }
    for (int k = 1; k <= (ntasks ? ntasks : 1); k++) {
      char kn[64], kc[64];
      snprintf(kn, sizeof kn, "dept.task.%d.name", k);
      snprintf(kc, sizeof kc, "dept.task.%d.content", k);
      const ys_fact *name = ys_dataset_fact(ds, kn);
      const ys_fact *content = ys_dataset_fact(ds, kc);
      row = form_row(c, t, &cap, YS_ROW_DETAIL);
      if (!row) return YS_ENOMEM;
      form_texts(c, row, name ? name->value : ds->dept_name,
                 content ? content->value : "", "", "", "");
      if (ntasks <= 1) {
        dept_amounts(c, row);
      } else {
        static const char *const suffix[3] = {"amount", "fiscal", "other"};
        for (int m = 0; m < 3; m++) {
          ys_qexpr q;
          const char *key =
              ys_arena_printf(c->a, "dept.task.%d.%s", k, suffix[m]);
          /* A task whose amount is not given shows none (not 0). */
          if (!ys_dataset_fact(ds, key)) continue;
          const char *txt = ys_arena_printf(c->a, "fact;key=%s", key);
          ys_qfilter none = {0};
          if (ys_qexpr_parse(&q, txt, c->a, NULL) == YS_OK)
            amount_cell(c, &row->cells[2 + m], &q, &none);
        }
      }
    }
    row = form_row(c, t, &cap, YS_ROW_TOTAL);
    if (!row) return YS_ENOMEM;
    form_texts(c, row, task_amounts ? "金额合计" : "年度部门整体支出预算", "",
               "", "", "");
    dept_amounts(c, row);
    const ys_fact *goal = ys_dataset_fact(ds, "dept.goal");
    row = form_row(c, t, &cap, YS_ROW_TEXT);
    if (!row) return YS_ENOMEM;
    form_texts(c, row, "年度总体目标", goal ? goal->value : "", "", "", "");
    form_targets(c, t, &cap, "");
    t->empty = false;
    return YS_OK;
  }
  size_t shown = 0;
  for (size_t j = 0; j < ds->n_projects; j++) {
    const ys_project *pj = &ds->projects[j];
    if (pt->pcat && strcmp(pj->category, pt->pcat)) continue;
    if (pt->exclude_pcat && strcmp(pj->category, pt->exclude_pcat) == 0)
      continue;
    if (!project_in_table(c, pj)) continue;
    shown++;
    ys_row *row = form_row(c, t, &cap, YS_ROW_GROUP);
    if (!row) return YS_ENOMEM;
    form_texts(c, row, "项目名称", pj->name, "", "", "");
    row->code = pj->code;
    row = form_row(c, t, &cap, YS_ROW_TEXT);
    if (!row) return YS_ENOMEM;
    form_texts(c, row, "主管部门",
               pj->manager && *pj->manager ? pj->manager : ds->dept_name, "",
               "", "");
    static const char *const labels[3] = {"实施期资金总额", "其中：财政拨款",
                                          "其他资金"};
    form_amounts(c, t, &cap, labels, pj->code, "资金金额（万元）");
    row = form_row(c, t, &cap, YS_ROW_TEXT);
    if (!row) return YS_ENOMEM;
    form_texts(c, row, "总体目标", pj->goal, "", "", "");
    form_targets(c, t, &cap, pj->code);
  }
  t->empty = shown == 0;
  return YS_OK;
}

static int compile_tables(ys_tables **out, const ys_dataset *ds,
                          const ys_profile *p, const ys_catalog *cat,
                          ys_errors *errs);

int ys_compile(ys_tables **out, const ys_dataset *ds, const ys_profile *p,
               const ys_catalog *cat, ys_errors *errs) {
  size_t before = errs ? errs->count : 0;
  return ys_errors_nomem(errs, before, compile_tables(out, ds, p, cat, errs),
                         "无法编制报表");
}

static int compile_tables(ys_tables **out, const ys_dataset *ds,
                          const ys_profile *p, const ys_catalog *cat,
                          ys_errors *errs) {
  *out = NULL;
  /* a budget shown in a 决算 table (or the reverse) would be published as
   * what it is not */
  ys_phase dph = ds->phase ? ds->phase : YS_PHASE_BUDGET;
  if (p->phase && dph != p->phase) {
    ys_errors_add(errs, YS_EINPUT, "", 0, 0,
                  "数据集是部门%s，报表格式“%s”是部门%s的表样，不能用它编制",
                  dph == YS_PHASE_FINAL ? "决算" : "预算", p->name,
                  p->phase == YS_PHASE_FINAL ? "决算" : "预算");
    return YS_EINPUT;
  }
  ys_tables *ts = calloc(1, sizeof *ts);
  ys_arena *a = ys_arena_new(0);
  if (!ts || !a) {
    free(ts);
    ys_arena_free(a);
    return YS_ENOMEM;
  }
  ts->arena = a;
  ts->profile = ys_arena_strdup(a, p->name);
  ts->dept_name = ys_arena_strdup(a, ds->dept_name);
  ts->year = ds->year;
  ts->tables = ys_arena_alloc(a, sizeof(ys_table) * (p->n ? p->n : 1));
  if (!ts->tables) {
    ys_tables_free(ts);
    return YS_ENOMEM;
  }
  cctx c = {ds, p, cat, a, errs, NULL, NULL, 0, false, false};
  for (size_t i = 0; i < p->n; i++) {
    const ys_ptable *pt = &p->tables[i];
    ys_table *t = &ts->tables[ts->n++];
    c.pt = pt;
    t->id = pt->id;
    t->number = pt->number;
    t->title = expand(&c, pt->title, NULL);
    t->subtitle = expand(&c, pt->subtitle ? pt->subtitle : p->subtitle, NULL);
    t->unit = pt->unit;
    t->decimals = pt->decimals;
    t->format_flags = fmt_flags(&c);
    t->note = "";
    char key[96];
    snprintf(key, sizeof key, "empty.%s", pt->id);
    const ys_fact *ef = ys_dataset_fact(ds, key);
    t->empty_note = expand(
        &c, ef && ef->value && *ef->value ? ef->value : pt->empty_note, NULL);
    if (!t->empty_note || !t->title) c.oom = true;
    int rc = pt->layout == LAYOUT_GRID     ? build_grid(&c, t, pt)
             : pt->layout == LAYOUT_PANELS ? build_panels(&c, t, pt)
                                           : build_targets(&c, t, pt);
    if (rc || c.oom) {
      ys_tables_free(ts);
      return rc ? rc : YS_ENOMEM;
    }
    if (c.limit) {
      ys_errors_add(errs, YS_ELIMIT, "", 0, 0,
                    "表“%s”有单元格涉及的编码超过 %d 个，超出本工具的容量",
                    t->title, YS_Q_MAXCODES);
      ys_tables_free(ts);
      return YS_ELIMIT;
    }
    if (!t->empty)
      t->empty_note = "";
    else if (!*t->empty_note)
      t->empty_note = "本单位无此项内容，公开空表。";
  }
  if (c.oom || c.failed) {
    ys_tables_free(ts);
    return c.oom ? YS_ENOMEM : YS_EINPUT;
  }
  /* The printed tables, read back by the checker, decide the 尾数误差
   * notes (verify.c). */
  int vrc = ys_tables_verify(ts, p, cat, errs);
  if (vrc) {
    ys_tables_free(ts);
    return vrc;
  }
  *out = ts;
  return YS_OK;
}
