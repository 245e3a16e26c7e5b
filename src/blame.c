/*
 * blame.c - verdicts and blame. A wrong cell breaks every identity it is
 * in. Repeatedly pick the cell whose single correction repairs the most
 * failing identities and breaks none that hold; it needs at least two
 * (one identity alone cannot say which of its cells is wrong). What is
 * left is reported as a conflict between the cells, without a guess.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_impl.h"
#include "yusuan/rules.h"

typedef struct cand {
  int obs;
  int64_t value2;
  int support;
} cand;

/* The best single correction for obs o: the value most of its failing
 * identities agree on, provided it breaks none of its holding ones. */
static cand best_for(chk *c, int o, const int *list, size_t nlist,
                     int64_t *props) {
  cand best = {o, 0, 0};
  /* one proposal per place of o in its failing identities: props has
   * room for them all (ck_blame) */
  size_t np = 0;
  for (size_t m = 0; m < nlist; m++) {
    ident *x = &c->id[list[m]];
    if (!x->failed || x->explained) continue;
    for (int i = 0; i < x->n; i++)
      if (x->idx[i] == o) props[np++] = c->o[o].v - x->coef[i] * x->resid;
  }
  for (size_t a = 0; a < np; a++) {
    /* Budget amounts are not negative (only change columns, A − B, are):
     * a correction to a negative value is not a plausible one. */
    if (props[a] < 0 && !ck_obs_difference(&c->o[o])) continue;
    int support = 0;
    for (size_t b = 0; b < np; b++) support += props[a] == props[b];
    if (support <= best.support) continue;
    /* Does this value keep every identity of o that holds? */
    int64_t keep = c->o[o].v;
    c->o[o].v = props[a];
    bool breaks = false;
    int fixed = 0;
    for (size_t m = 0; m < nlist && !breaks; m++) {
      ident *x = &c->id[list[m]];
      bool was = x->failed;
      ck_evaluate(c, x);
      if (x->failed && !was) breaks = true;
      if (!x->failed && was) fixed++;
    }
    c->o[o].v = keep;
    for (size_t m = 0; m < nlist; m++) ck_evaluate(c, &c->id[list[m]]);
    if (!breaks && fixed > best.support) {
      best.value2 = props[a];
      best.support = fixed;
    }
  }
  return best;
}

/* The rule a blamed cell is reported under: the kind of identity within
 * its own table it broke most often (ties going to the more specific kind),
 * the cross-table equality only when nothing else broke. */
static const char *main_rule(chk *c, const int *fixed, size_t nf,
                             bool narrative) {
  static const char *const order[] = {
      "narrative.figure", "balance.income-expense", "balance.fund",
      "sangong.items",    "sum.code-tree",          "sum.rows",
      "sum.row-parts",    "cross.partition",        "cross.table-equal"};
  const size_t no = sizeof order / sizeof order[0];
  size_t count[sizeof order / sizeof order[0]] = {0};
  for (size_t m = 0; m < nf; m++)
    for (size_t k = 0; k < no; k++)
      if (strcmp(c->id[fixed[m]].rule, order[k]) == 0) count[k]++;
  size_t best = no - 1;
  for (size_t k = narrative ? 0 : 1; k + 1 < no; k++)
    if (count[k] && (best == no - 1 || count[k] > count[best])) best = k;
  /* A text figure is always reported as such; a table cell never is. */
  if (narrative && count[0]) best = 0;
  return order[best];
}

/* Do observations a and b take part in a common failing identity? */
static bool shares_failing(chk *c, int a, int b, int **by, const size_t *cnt) {
  for (size_t m = 0; m < cnt[a]; m++) {
    const ident *x = &c->id[by[a][m]];
    if (!x->failed || x->explained) continue;
    for (size_t k = 0; k < cnt[b]; k++)
      if (by[b][k] == by[a][m]) return true;
  }
  return false;
}
static void related_from(chk *c, ys_finding *f, const int *list, size_t nlist,
                         int self) {
  size_t cap = 0;
  for (size_t m = 0; m < nlist; m++) cap += (size_t)c->id[list[m]].n;
  f->related = ys_arena_alloc(c->out->arena, sizeof(ys_cellref) * (cap + 1));
  if (!f->related) return;
  for (size_t m = 0; m < nlist; m++) {
    const ident *x = &c->id[list[m]];
    for (int i = 0; i < x->n; i++) {
      int o = x->idx[i];
      if (o == self) continue;
      bool dup = false;
      for (size_t k = 0; k < f->n_related && !dup; k++)
        dup = f->related[k].line == c->o[o].line &&
              strcmp(f->related[k].column, c->o[o].col) == 0 &&
              strcmp(f->related[k].table, c->o[o].table) == 0;
      if (dup) continue;
      f->related[f->n_related++] = ck_cellref(c, &c->o[o]);
    }
  }
}

/* A narrative figure one unit off in its last printed place is a slip of
 * rounding or truncation (2831.62 for 2,831.63): a warning, not an error. */
/* Does the document print money carried over from last year? 2 a
 * nonzero cell of 上年结转; 1 none: its cells all 0, or a 收支总表 (which
 * lists 上年结转 where there is any) without one; 0 it cannot be told. */
static int carried_over(chk *c) {
  if (c->carried) return c->carried - 1;
  int seen = 0;
  for (size_t i = 0; i < c->no && seen < 2; i++) {
    const obs *x = &c->o[i];
    if (x->narrative || !x->key || !strstr(x->key, "period=carry")) continue;
    seen = x->v != 0 ? 2 : 1;
  }
  for (size_t t = 0; !seen && t < c->doc->n; t++)
    if (c->doc->tables[t].group && c->doc->tables[t].nrows) seen = 1;
  c->carried = seen + 1;
  return seen;
}

static ys_severity narrative_severity(chk *c, const obs *o, int64_t diff) {
  if (!o->narrative) return YS_SEV_ERROR;
  /* "支出预算 5839.26" against 5846.29 with 7.03 carried over: the text
   * may mean this year's money only — unless the tables carry nothing
   * over (their 上年结转 all 0): this year's money is all of it */
  if (o->unclear && carried_over(c) != 1) return YS_SEV_WARNING;
  /* only for figures printed to two decimals or more: 0.1 against 0 is a
   * thousand 元, not a slip of rounding */
  if (o->decimals < 2) return YS_SEV_ERROR;
  int64_t ulp = ys_unit_fen(o->unit) / ck_pow10i(o->decimals);
  return ck_abs64(diff) <= (ulp ? ulp : 1) ? YS_SEV_WARNING : YS_SEV_ERROR;
}
/* A finding about the printed cell o: where it is, its unit. */
static ys_finding *finding_at(chk *c, const char *rule, ys_severity sev,
                              const obs *o) {
  ys_finding *f = ck_add_finding(c, rule, sev);
  if (!f) return NULL;
  f->file = ck_fs(c, o->file);
  f->line = o->line;
  f->page = o->page;
  f->box = o->box;
  f->table = ck_fs(c, o->table);
  f->row = ck_fs(c, o->row);
  f->column = ck_fs(c, o->col);
  f->unit = ck_fs(c, ys_unit_name(o->unit));
  return f;
}

static const char *rule_title(const char *id) {
  const ys_rule *r = ys_rule_find(id);
  return r ? r->title : id;
}
/* The identities of each observation: by[o][0..cnt[o]). */
typedef struct incidence {
  size_t *cnt;
  int **by;
} incidence;

static bool index_identities(chk *c, incidence *in) {
  size_t *cnt = ys_arena_alloc(c->a, sizeof(size_t) * (c->no + 1));
  int **by = ys_arena_alloc(c->a, sizeof(int *) * (c->no + 1));
  if (!cnt || !by) return false;
  for (size_t m = 0; m < c->ni; m++)
    for (int i = 0; i < c->id[m].n; i++) cnt[c->id[m].idx[i]]++;
  for (size_t o = 0; o < c->no; o++) {
    by[o] = ys_arena_alloc(c->a, sizeof(int) * (cnt[o] + 1));
    if (!by[o]) return false;
    cnt[o] = 0;
  }
  for (size_t m = 0; m < c->ni; m++)
    for (int i = 0; i < c->id[m].n; i++) {
      int o = c->id[m].idx[i];
      by[o][cnt[o]++] = (int)m;
    }
  in->cnt = cnt;
  in->by = by;
  return true;
}

/* The correction best (of observation best.obs) applied and reported
 * against the identities it repairs; false when out of memory. */
static bool report_correction(chk *c, const incidence *in, cand best) {
  size_t *cnt = in->cnt;
  int **by = in->by;
  obs *o = &c->o[best.obs];
  int *fixed = ys_arena_alloc(c->a, sizeof *fixed * (cnt[best.obs] + 1));
  if (!fixed) return false;
  size_t nf = 0;
  int64_t keep = o->v;
  o->v = best.value2;
  for (size_t m = 0; m < cnt[best.obs]; m++) {
    ident *x = &c->id[by[best.obs][m]];
    bool was = x->failed && !x->explained;
    ck_evaluate(c, x);
    if (was && !x->failed) {
      fixed[nf++] = by[best.obs][m];
      x->explained = true;
    }
  }
  const char *rule = main_rule(c, fixed, nf, o->narrative);
  o->blamed = true;
  /* identities over a cell whose column was guessed: a warning */
  ys_severity sev = narrative_severity(c, o, keep - best.value2);
  for (size_t m = 0; m < nf && sev == YS_SEV_ERROR; m++) {
    const ident *x = &c->id[fixed[m]];
    for (int i = 0; i < x->n; i++)
      if (c->o[x->idx[i]].guessed) sev = YS_SEV_WARNING;
  }
  ys_finding *f = finding_at(c, rule ? rule : "cross.table-equal", sev, o);
  if (!f) return false;
  f->found = ck_fs(c, ck_fmt_amount(c, keep, o->unit, o->decimals));
  f->expected = ck_fs(c, ck_fmt_amount(c, o->v, o->unit, o->decimals));
  f->difference = ck_fs(c, ck_fmt_amount(c, keep - o->v, o->unit, o->decimals));
  char msg[1024];
  snprintf(msg, sizeof msg,
           "%s：“%s”%s%s 为 %s，应为 %s（差额 %s %s）；改正后 %zu 个勾稽关系"
           "全部成立%s",
           rule_title(f->rule), o->row, *o->col ? "·" : "", o->col, f->found,
           f->expected, f->difference, f->unit, nf,
           o->unclear && carried_over(c) != 1
               ? "（说明未写明是否含上年结转，差额可能即为上年结转）"
               : "");
  f->message = ck_fs(c, msg);
  related_from(c, f, fixed, nf, best.obs);
  return true;
}

/* The round's uncontested candidate of most support ({-1} when none may
 * be named). */
static cand round_winner(chk *c, const incidence *in, const cand *cs,
                         size_t ncs) {
  cand best = {-1, 0, 0};
  for (size_t i = 0; i < ncs; i++) {
    if (cs[i].support <= best.support) continue;
    bool contested = false;
    for (size_t j = 0; j < ncs && !contested; j++) {
      if (j == i || cs[j].support < cs[i].support) continue;
      contested = shares_failing(c, cs[i].obs, cs[j].obs, in->by, in->cnt);
    }
    if (!contested) best = cs[i];
  }
  /* One failing identity alone names its culprit only when it is the
   * sole plausible one (see best_for). */
  if (best.obs < 0 || best.support < 1) return (cand){-1, 0, 0};
  if (best.support == 1)
    for (size_t j = 0; j < ncs; j++)
      if (cs[j].obs != best.obs &&
          shares_failing(c, best.obs, cs[j].obs, in->by, in->cnt))
        return (cand){-1, 0, 0};
  return best;
}

/* Round after round, the cell whose single correction repairs the most
 * failing identities is named, until none can be. */
static bool blame_cells(chk *c, const incidence *in) {
  /* Candidates of a round that touch a common failing identity compete:
   * a tie among them means the data cannot tell. Candidates on disjoint
   * identities (a value moved between two rows) are independent. */
  cand *cs = ys_arena_alloc(c->a, sizeof(cand) * (c->no + 1));
  if (!cs) return false;
  /* room for the proposals of any one observation (best_for) */
  size_t most = 0;
  for (size_t o = 0; o < c->no; o++) {
    size_t k = 0;
    for (size_t m = 0; m < in->cnt[o]; m++) k += (size_t)c->id[in->by[o][m]].n;
    if (k > most) most = k;
  }
  int64_t *props = ys_arena_alloc(c->a, sizeof *props * (most + 1));
  if (!props) return false;
  for (int round = 0; round < 200; round++) {
    size_t ncs = 0;
    for (size_t o = 0; o < c->no; o++) {
      bool involved = false;
      for (size_t m = 0; m < in->cnt[o] && !involved; m++)
        involved = c->id[in->by[o][m]].failed && !c->id[in->by[o][m]].explained;
      if (!involved || c->o[o].blamed) continue;
      cand cd = best_for(c, (int)o, in->by[o], in->cnt[o], props);
      if (cd.support > 0) cs[ncs++] = cd;
    }
    cand best = round_winner(c, in, cs, ncs);
    if (best.obs < 0) break;
    if (!report_correction(c, in, best)) return false;
  }
  return true;
}

/* What no single correction explains: the identity itself, once per cell
 * and rule (a cell off against three tables is one finding). */
static void report_conflicts(chk *c) {
  int *group = ys_arena_alloc(c->a, sizeof *group * (c->ni + 1));
  if (!group) return;
  for (size_t m = 0; m < c->ni; m++) {
    ident *x = &c->id[m];
    if (!x->failed || x->explained) continue;
    size_t ng = 0;
    for (size_t k = m; k < c->ni; k++) {
      ident *y = &c->id[k];
      if (y->failed && !y->explained && y->anchor == x->anchor &&
          strcmp(y->rule, x->rule) == 0) {
        group[ng++] = (int)k;
        if (k != m) y->explained = true;
      }
    }
    obs *t = &c->o[x->anchor];
    int coef = 0;
    for (int i = 0; i < x->n; i++)
      if (x->idx[i] == x->anchor) coef = x->coef[i];
    int64_t expect = t->v - coef * x->resid;
    /* a cell whose column was a guess makes the identity a guess too: a
     * warning to check, never an error */
    ys_severity sev = narrative_severity(c, t, t->v - expect);
    for (int i = 0; i < x->n && sev == YS_SEV_ERROR; i++)
      if (c->o[x->idx[i]].guessed) sev = YS_SEV_WARNING;
    ys_finding *f = finding_at(c, x->rule, sev, t);
    if (!f) return;
    f->found = ck_fs(c, ck_fmt_amount(c, t->v, t->unit, t->decimals));
    f->expected = ck_fs(c, ck_fmt_amount(c, expect, t->unit, t->decimals));
    f->difference =
        ck_fs(c, ck_fmt_amount(c, t->v - expect, t->unit, t->decimals));
    char msg[1024];
    snprintf(msg, sizeof msg,
             "%s：“%s”%s%s 为 %s，按相关单元格应为 %s（差额 %s %s，超出四舍五入"
             "允许的 %s）；无法判断是哪一个单元格有误，请核对相关单元格",
             rule_title(x->rule), t->row, *t->col ? "·" : "", t->col, f->found,
             f->expected, f->difference, f->unit,
             ck_fmt_exact(c, x->slo > x->shi ? x->slo : x->shi, t->unit,
                          t->decimals));
    if (!strcmp(x->rule, "narrative.parts-sum"))
      snprintf(msg, sizeof msg,
               "说明中所述数额 %s %s 与其后（“%s”之后）列出的 %d 项合计 %s %s "
               "不一致，相差 %s %s",
               f->found, f->unit, t->row, x->n - 1, f->expected, f->unit,
               f->difference, f->unit);
    f->message = ck_fs(c, msg);
    related_from(c, f, group, ng, x->anchor);
  }
}

/* Identities that hold only within rounding: 尾数误差, when asked. */
static void report_rounding(chk *c) {
  for (size_t m = 0; m < c->ni; m++) {
    ident *x = &c->id[m];
    if (x->failed || x->resid == 0) continue;
    obs *t = &c->o[x->anchor];
    ys_finding *f = finding_at(c, "rounding.tail", YS_SEV_INFO, t);
    if (!f) return;
    f->found = ck_fs(c, ck_fmt_amount(c, t->v, t->unit, t->decimals));
    f->difference =
        ck_fs(c, ck_fmt_exact(c, ck_abs64(x->resid), t->unit, t->decimals));
    char msg[512];
    snprintf(
        msg, sizeof msg,
        "尾数误差：“%s”与相关单元格相差 %s %s，在四舍五入允许范围内，不是错误",
        t->row, f->difference, f->unit);
    f->message = ck_fs(c, msg);
  }
}

void ck_blame(chk *c) {
  incidence in;
  /* out of memory: the arena records it, and the check reports it */
  if (!index_identities(c, &in) || !blame_cells(c, &in)) return;
  report_conflicts(c);
  if (c->opt && c->opt->rounding) report_rounding(c);
}
