/*
 * dataset_validate.c - the checks of a dataset as a whole, once every file
 * of it has been read without a problem (dataset.c): facts per unit, the
 * balance of revenues against line items, the accounts facts give.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset_impl.h"
#include "yusuan/money.h"

/* ---------------------------------------------------------------------- */
/* Balance                                                                */

typedef struct flow {
  const char *unit; /* "" when the fund balances department-wide */
  ys_fund fund;
  ys_period period; /* NONE when the fund balances over both periods */
  int src;          /* 0 revenue, 1 item */
  int line;
  int64_t amount;
} flow;

static int cmp_flow(const void *a, const void *b) {
  const flow *x = a, *y = b;
  int c = strcmp(x->unit, y->unit);
  if (c) return c;
  if (x->fund != y->fund) return x->fund < y->fund ? -1 : 1;
  if (x->period != y->period) return x->period < y->period ? -1 : 1;
  if (x->src != y->src) return x->src < y->src ? -1 : 1;
  return (x->line > y->line) - (x->line < y->line);
}

static const char *yuan(loader *L, int64_t fen) {
  char buf[64];
  ys_money_format(buf, sizeof buf, fen, YS_UNIT_YUAN, 2, YS_FMT_THOUSANDS);
  const char *s = ys_arena_strdup(L->a, buf);
  return s ? s : "?";
}

/*
 * Last year's 三公/会议/培训 and the 实户 balances are shown per unit in the
 * table sets, so a department with several units must give them per unit
 * (KEY@UNIT); a department-wide figure cannot be split and would make the
 * unit rows disagree with the department row.
 */
void ds_check_unit_facts(loader *L) {
  ys_dataset *ds = L->ds;
  if (ds->n_units < 2) return;
  static const char *const per_unit[] = {"prev.sangong.", "prev.meeting",
                                         "prev.training", "account."};
  for (size_t i = 0; i < ds->n_facts; i++) {
    const ys_fact *f = &ds->facts[i];
    if (strchr(f->key, '@')) continue;
    for (size_t k = 0; k < sizeof per_unit / sizeof per_unit[0]; k++)
      if (!strncmp(f->key, per_unit[k], strlen(per_unit[k]))) {
        ds_problem(L, ds_join(L, "facts.csv"), f->line, 1,
                   "本部门有 %zu 个单位，“%s”须按单位分别填写（如 %s@%s），"
                   "以便各单位行与部门行一致",
                   ds->n_units, f->key, f->key, ds->units[0].code);
        break;
      }
  }
}

/* Sum of an amount fact over its department-wide and per-unit forms. */
static int64_t fact_total(loader *L, const char *key, int *line) {
  size_t kl = strlen(key);
  int64_t sum = 0, v;
  *line = 0;
  for (size_t i = 0; i < L->ds->n_facts; i++) {
    const ys_fact *f = &L->ds->facts[i];
    if (strncmp(f->key, key, kl) || (f->key[kl] && f->key[kl] != '@')) continue;
    if (ys_dataset_fact_amount(L->ds, f->key, &v) == 0) sum += v;
    if (!*line) *line = f->line;
  }
  return sum;
}

/* 陕西 收支总表: 上年实户资金余额 is income, 未安排支出的实户资金 the part of
 * it not spent. Spending is all in items.csv, so nothing of the balance is
 * spent and the two must be equal, or 收入总计 ≠ 支出总计. */
void ds_check_account(loader *L) {
  int l1, l2;
  int64_t bal = fact_total(L, "account.prev_balance", &l1);
  int64_t un = fact_total(L, "account.unallocated", &l2);
  if (bal == un) return;
  char a[64], b[64];
  ys_money_format(a, sizeof a, bal, YS_UNIT_YUAN, 2, YS_FMT_THOUSANDS);
  ys_money_format(b, sizeof b, un, YS_UNIT_YUAN, 2, YS_FMT_THOUSANDS);
  ds_problem(
      L, ds_join(L, "facts.csv"), l1 ? l1 : l2, 2,
      "上年实户资金余额 %s 元与未安排支出的实户资金 %s 元不相等：实户资金"
      "安排的支出应列入 items.csv，否则收支总表收入总计与支出总计不平衡",
      a, b);
}

/* How a fund balances, decided by its carry_next facts. */
enum {
  BAL_PERIOD = 0, /* per unit and period: revenues = items */
  BAL_DEPT,       /* department-wide, both periods: + carry_next.FUND */
  BAL_UNIT        /* per unit, both periods: + carry_next.FUND@UNIT */
};

/* The ds_unspent facts of fund f (unit NULL: department-wide); 0 and *line 0
 * when there are none, else *line the first one's. */
static int64_t carry_of(loader *L, ys_fund f, const char *unit, int *line) {
  int64_t sum = 0;
  *line = 0;
  for (size_t u = 0; u < DS_N_UNSPENT; u++) {
    char key[160];
    int64_t fen = 0;
    if (unit)
      snprintf(key, sizeof key, "%s.%s@%s", ds_unspent[u], ys_fund_id(f), unit);
    else
      snprintf(key, sizeof key, "%s.%s", ds_unspent[u], ys_fund_id(f));
    const ys_fact *fa = ys_dataset_fact(L->ds, key);
    if (!fa || ys_dataset_fact_amount(L->ds, key, &fen) != 0) continue;
    if (!*line) *line = fa->line;
    sum += fen;
  }
  return sum;
}

/*
 * Revenues equal line items per (unit, fund, period). The carry_next fact
 * of a fund says how much of it is not spent this year, but not from which
 * period's money, so a fund that has one balances over both periods:
 * per unit when the fact is split by unit (carry_next.FUND@UNIT), else
 * department-wide. One pass gathers the sums, the next reports each
 * imbalance pointing at the row to fix; they share the sums' layout, so
 * they stay in one function.
 */
void ds_check_balance(loader *L) {
  ys_dataset *ds = L->ds;
  int mode[YS_FUND_COUNT] = {0};
  for (int f = 1; f < YS_FUND_COUNT; f++) {
    for (size_t u = 0; u < DS_N_UNSPENT; u++) {
      char prefix[128];
      int n = snprintf(prefix, sizeof prefix, "%s.%s@", ds_unspent[u],
                       ys_fund_id((ys_fund)f));
      for (size_t i = 0; i < ds->n_facts; i++)
        if (!strncmp(ds->facts[i].key, prefix, (size_t)n)) mode[f] = BAL_UNIT;
    }
    int line;
    if (mode[f] == BAL_PERIOD && carry_of(L, (ys_fund)f, NULL, &line) != 0)
      mode[f] = BAL_DEPT;
  }
  size_t n = ds->n_revenues + ds->n_items;
  if (n == 0) return;
  flow *fl = malloc(n * sizeof *fl);
  if (!fl) {
    L->oom = 1;
    return;
  }
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    int rev = i < ds->n_revenues;
    const ys_revenue *v = rev ? &ds->revenues[i] : NULL;
    const ys_line_item *it = rev ? NULL : &ds->items[i - ds->n_revenues];
    /* only the dataset's own phase balances: a 决算 gives the 年初预算 of
     * its spending to compare with, not the budget's revenues */
    if ((rev ? v->phase : it->phase) != ds->phase) continue;
    ys_fund f = rev ? v->fund : it->fund;
    flow x = {rev ? v->unit : it->unit,     f,
              rev ? v->period : it->period, !rev,
              rev ? v->line : it->line,     rev ? v->amount : it->amount};
    if (mode[f] == BAL_DEPT) x.unit = "";
    if (mode[f] != BAL_PERIOD) x.period = YS_PERIOD_NONE;
    fl[k++] = x;
  }
  n = k;
  qsort(fl, n, sizeof *fl, cmp_flow);
  const char *revf = ds_join(L, "revenues.csv"),
             *itemf = ds_join(L, "items.csv"), *factf = ds_join(L, "facts.csv");
  for (size_t i = 0; i < n;) {
    size_t j = i;
    int64_t sum[2] = {0, 0};
    int first[2] = {0, 0}, overflow = 0;
    for (; j < n && !strcmp(fl[j].unit, fl[i].unit) &&
           fl[j].fund == fl[i].fund && fl[j].period == fl[i].period;
         j++) {
      int s = fl[j].src;
      if (!first[s]) first[s] = fl[j].line;
      if (!ys_money_add(sum[s], fl[j].amount, &sum[s])) overflow = 1;
    }
    const flow *g = &fl[i];
    const char *fund = ys_fund_name(g->fund);
    int m = mode[g->fund], cline = 0;
    int64_t c = m == BAL_DEPT   ? carry_of(L, g->fund, NULL, &cline)
                : m == BAL_UNIT ? carry_of(L, g->fund, g->unit, &cline)
                                : 0;
    int64_t expect = 0;
    /* where to point: the carry fact, else the first revenue, else the
     * first item of the group */
    const char *file = cline ? factf : first[0] ? revf : itemf;
    int line = cline ? cline : first[0] ? first[0] : first[1];
    int col = cline      ? L->fact_value_col
              : first[0] ? L->rev_amount_col
                         : L->item_amount_col;
    char who[96] = "";
    if (g->unit[0]) snprintf(who, sizeof who, "单位“%s”的", g->unit);
    char what[160];
    if (m == BAL_PERIOD)
      snprintf(what, sizeof what, "%s%s（%s）", who, fund,
               ys_period_name(g->period));
    else
      snprintf(what, sizeof what, "%s%s", who, fund);
    if (overflow || !ys_money_add(sum[1], c, &expect)) {
      ds_problem(L, file, line, col, "%s的金额合计超出了可以处理的范围", what);
    } else if (sum[0] != expect) {
      int64_t d = sum[0] - expect;
      const char *more = d > 0 ? "收入多" : "支出多";
      if (d < 0) d = -d;
      if (m != BAL_PERIOD)
        ds_problem(L, file, line, col,
                   "%s收入合计为 %s 元，但支出明细合计 %s "
                   "元加结转下年（年末结转和结余、结余分配）"
                   "%s 元为 %s 元，%s %s 元（收支必须平衡）",
                   what, yuan(L, sum[0]), yuan(L, sum[1]), yuan(L, c),
                   yuan(L, expect), more, yuan(L, d));
      else if (first[0])
        ds_problem(L, file, line, col,
                   "%s收入为 %s 元，但对应的支出明细合计为 %s 元，%s %s 元"
                   "（预算收支必须平衡）",
                   what, yuan(L, sum[0]), yuan(L, sum[1]), more, yuan(L, d));
      else
        ds_problem(L, file, line, col,
                   "%s支出明细合计为 %s 元，但 revenues.csv 中没有对应的收入"
                   "（预算收支必须平衡）",
                   what, yuan(L, sum[1]));
    }
    i = j;
  }
  free(fl);
}
