/*
 * identity.c - identities between observations that do not come from one
 * table: a difference column and its terms, every pair of observations of
 * one quantity (after the quantities are widened where the income side
 * shows a narrowing to be vacuous), the parts of a partitioned whole, and
 * each fiscal fund's balance. Observations are found by their quantities'
 * terms and canonical keys (quantity.c), never by editing key text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_impl.h"

static int cmp_obs_key(const void *a, const void *b, const chk *c) {
  int x = *(const int *)a, y = *(const int *)b;
  int r = strcmp(c->o[x].key, c->o[y].key);
  return r ? r : (x < y ? -1 : x > y);
}

/* qsort_r is not C11; sort indexes with a small merge sort instead. */
typedef int (*idx_cmp)(const void *, const void *, const chk *);

static void sort_idx(int *v, size_t n, int *tmp, const chk *c, idx_cmp cmp) {
  if (n < 2) return;
  size_t h = n / 2;
  sort_idx(v, h, tmp, c, cmp);
  sort_idx(v + h, n - h, tmp, c, cmp);
  size_t i = 0, j = h, k = 0;
  while (i < h && j < n) tmp[k++] = cmp(&v[i], &v[j], c) <= 0 ? v[i++] : v[j++];
  while (i < h) tmp[k++] = v[i++];
  while (j < n) tmp[k++] = v[j++];
  memcpy(v, tmp, sizeof(int) * n);
}
/* Observations ordered by table, line, key: the cells of one row are a run
 * found by binary search. */
static int cmp_obs_row(const void *a, const void *b, const chk *c) {
  const obs *x = &c->o[*(const int *)a], *y = &c->o[*(const int *)b];
  int r = strcmp(x->table, y->table);
  if (!r) r = (x->line > y->line) - (x->line < y->line);
  if (!r) r = strcmp(x->key, y->key);
  return r ? r
           : (*(const int *)a > *(const int *)b) -
                 (*(const int *)a < *(const int *)b);
}

/* Compares observation o with (table, line, the len bytes of key). */
static int cmp_row_term(const obs *o, const char *table, int line,
                        const char *key, size_t len) {
  int r = strcmp(o->table, table);
  if (!r) r = (o->line > line) - (o->line < line);
  if (!r) r = strncmp(o->key, key, len);
  if (!r) r = o->key[len] != '\0';
  return r;
}

/* The first observation (in table, line, key order) other than self that
 * shows the term; -1 when none. */
static int find_term(const chk *c, const int *v, size_t n, int self,
                     const char *key, size_t len) {
  const obs *me = &c->o[self];
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cmp_row_term(&c->o[v[mid]], me->table, me->line, key, len) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (; lo < n; lo++) {
    if (cmp_row_term(&c->o[v[lo]], me->table, me->line, key, len)) break;
    if (v[lo] != self) return v[lo];
  }
  return -1;
}

/* A cell showing "A - B" (增减变化 = 当年 − 上年) is tied to the cells of
 * the same row showing A and B. */
void ck_difference_idents(chk *c) {
  if (!c->no) return;
  int *v = ys_arena_alloc(c->a, sizeof(int) * c->no);
  int *tmp = ys_arena_alloc(c->a, sizeof(int) * c->no);
  if (!v || !tmp) return; /* the arena's failure is the check's result */
  for (size_t i = 0; i < c->no; i++) v[i] = (int)i;
  sort_idx(v, c->no, tmp, c, cmp_obs_row);
  for (size_t i = 0; i < c->no; i++) {
    const ck_qty *q = c->o[i].q;
    /* a sum or difference of terms, the first added */
    if (!q || q->n < 2 || q->sign[0] < 0) continue;
    int terms[YS_Q_MAXTERMS];
    signed char sign[YS_Q_MAXTERMS];
    int nt = 0;
    bool ok = true;
    for (int t = 0; t < q->n && ok; t++) {
      const char *k = ys_qfilter_key(c->a, &q->t[t]);
      if (!k) return; /* the arena's failure is the check's result */
      int found = find_term(c, v, c->no, (int)i, k, strlen(k));
      ok = found >= 0;
      terms[nt] = found;
      sign[nt++] = (signed char)(q->sign[t] > 0 ? 1 : -1);
    }
    if (!ok || nt < 2) continue;
    ident *x = ck_add_ident(c, "sum.row-parts", nt + 1);
    if (!x) return;
    x->idx[x->n] = (int)i;
    x->coef[x->n++] = -1;
    x->anchor = (int)i;
    for (int t = 0; t < nt; t++) {
      x->idx[x->n] = terms[t];
      x->coef[x->n++] = sign[t];
    }
  }
}

/* --- key normalisation and same-quantity identities -------------------- */

/* Does o show one revenue term and nothing else? */
static const ys_qfilter *revenue_term(const obs *o) {
  const ck_qty *q = o->q;
  return q && q->n == 1 && q->sign[0] > 0 && q->t[0].src == YS_Q_REV &&
                 !q->t[0].none
             ? &q->t[0]
             : NULL;
}

static bool zero(const obs *o) {
  return o->v - o->lo <= 0 && o->v + o->hi >= 0;
}

/* Is every observation of revenue from funds all in `outside` (a set of
 * funds the narrowing excludes) zero, and do they cover every fund of
 * `outside`? Then the income side of a 收支总表 says the package has no
 * money from those funds. */
static bool no_revenue_from(chk *c, uint32_t outside) {
  uint32_t covered = 0;
  for (size_t i = 0; i < c->no; i++) {
    const ys_qfilter *f = revenue_term(&c->o[i]);
    if (!f || !f->funds || (f->funds & ~outside)) continue;
    if (!zero(&c->o[i])) return false;
    covered |= f->funds;
  }
  return covered == outside;
}

/* Is the 上年结转 of the income side shown, and zero? */
static bool no_carry(chk *c) {
  bool seen = false;
  for (size_t i = 0; i < c->no; i++) {
    const ys_qfilter *f = revenue_term(&c->o[i]);
    if (!f || f->periods != 1u << YS_PERIOD_CARRY) continue;
    if (!zero(&c->o[i])) return false;
    seen = true;
  }
  return seen;
}

static uint32_t funds_from(int first, int last) {
  uint32_t m = 0;
  for (int f = first; f <= last; f++) m |= 1u << f;
  return m;
}

/* The single unit every quantity names (the department's own when one
 * code prefixes the others: 322 before 322001), NULL when they name
 * several, a set, or none. */
static const char *only_unit(chk *c) {
  /* The units name one department when they lie on one chain of prefixes
   * (322, 322001): the longest is its leaf. One pass, keeping the longest
   * so far; a unit off its chain is a second leaf (linear in the
   * observations however many units: a county 教育局 has hundreds). */
  const char *leaf = NULL;
  for (size_t i = 0; i < c->no; i++) {
    const ck_qty *q = c->o[i].q;
    for (int t = 0; q && t < q->n; t++) {
      const ys_qcodes *u = &q->t[t].unit;
      if (q->t[t].none) continue; /* keyed "none": it names nothing */
      if (u->n > 1) return NULL;
      if (u->n == 0) continue;
      const char *x = u->v[0];
      if (!leaf || !strncmp(x, leaf, strlen(leaf)))
        leaf = x; /* the same, or longer on the chain */
      else if (strncmp(leaf, x, strlen(x)))
        return NULL; /* neither prefixes the other */
    }
  }
  return leaf;
}

/*
 * When the income side shows no money but 一般公共预算 (or no money outside
 * 财政拨款, or no 上年结转), narrowing spending to that fund or period is
 * vacuous, and the 一般公共预算 tables show the same quantities as the
 * 收支总表: the quantities are widened (ys_qfilter_widen) so those
 * observations meet. The evidence is the income side's zeros, never the
 * spending figures being compared, so a wrong spending cell cannot hide
 * its own mismatch. A package whose quantities name a single unit: that
 * unit is the whole department, and the narrowing to it (or to a code
 * that prefixes it) is vacuous too: nested unit trees meet the
 * department-level tables and the text.
 */
void ck_normalise_keys(chk *c) {
  uint32_t gpb = 1u << YS_FUND_GPB,
           fiscal = funds_from(YS_FUND_GPB, YS_FUND_SOC),
           nonreserve =
               funds_from(YS_FUND_GPB, YS_FUND_SUBORD) | 1u << YS_FUND_OTHER;
  /* the evidence, before any quantity is widened */
  bool vacuous[4] = {
      no_revenue_from(c, funds_from(YS_FUND_GOVFUND, YS_FUND_OTHER)),
      no_revenue_from(c, funds_from(YS_FUND_SPECIAL, YS_FUND_OTHER)),
      no_revenue_from(c, 1u << YS_FUND_RESERVE),
      no_carry(c),
  };
  ys_qfilter widen[4] = {{0}};
  widen[0].funds = gpb;
  widen[1].funds = fiscal;
  widen[2].funds = nonreserve;
  widen[3].periods = 1u << YS_PERIOD_CURRENT;
  /* the units of a single-unit package: the leaf and the codes that
   * prefix it, as the quantities name them */
  const char *leaf = only_unit(c);
  bool any = leaf != NULL;
  for (int k = 0; k < 4; k++) any = any || vacuous[k];
  if (!any) return;
  for (size_t i = 0; i < c->no; i++) {
    ck_qty *q = (ck_qty *)c->o[i].q;
    if (!q) continue;
    bool changed = false;
    for (int t = 0; t < q->n; t++) {
      ys_qfilter *f = &q->t[t];
      if ((f->src != YS_Q_EXP && f->src != YS_Q_REV) || f->none) continue;
      ys_qfilter before = *f;
      if (leaf && f->unit.n == 1 &&
          !strncmp(leaf, f->unit.v[0], strlen(f->unit.v[0])))
        f->unit.n = 0;
      for (int k = 0; k < 4; k++)
        if (vacuous[k]) ys_qfilter_widen(f, &widen[k]);
      changed = changed || memcmp(&before, f, sizeof before) != 0;
    }
    if (!changed) continue;
    ys_qexpr e;
    ck_qty_expr(q, &e);
    const char *key = ys_qexpr_key(c->a, &e);
    if (key) c->o[i].key = key;
  }
}
/* Is o a quantity of the 三公 items (and 会议费, 培训费), by the economic
 * class it names? Their equalities are the 三公 rule's. */
static bool is_sangong(const obs *o) {
  static const char *const codes[] = {"30212", "30217", "30231",
                                      "31013", "30215", "30216"};
  for (int t = 0; o->q && t < o->q->n; t++)
    for (int d = 0; d < 2; d++) {
      const ys_qcodes *cs = d ? &o->q->t[t].gecon : &o->q->t[t].econ;
      for (int k = 0; k < cs->n; k++)
        for (size_t i = 0; i < 6; i++)
          if (!strncmp(cs->v[k], codes[i], 5)) return true;
    }
  return false;
}
/* The observations keep() takes, ordered by key; NULL when there are none
 * (or no memory: the arena records it). tmp gets scratch of the same
 * size. */
static int *by_key(chk *c, bool (*keep)(const obs *), size_t *n, int **tmp) {
  *n = 0;
  if (!c->no) return NULL;
  int *v = ys_arena_alloc(c->a, sizeof(int) * c->no);
  *tmp = ys_arena_alloc(c->a, sizeof(int) * c->no);
  if (!v || !*tmp) return NULL;
  for (size_t i = 0; i < c->no; i++)
    if (keep(&c->o[i])) v[(*n)++] = (int)i;
  sort_idx(v, *n, *tmp, c, cmp_obs_key);
  return v;
}

/* Only quantities are compared: a task of a performance form is no
 * quantity, and neither is a term that matches nothing. */
static bool comparable(const obs *o) {
  return o->q && strcmp(o->key, "none");
}

void ck_equality_idents(chk *c) {
  size_t n;
  int *tmp;
  int *v = by_key(c, comparable, &n, &tmp);
  if (!v) return;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && strcmp(c->o[v[i]].key, c->o[v[j]].key) == 0) j++;
    const char *rule =
        is_sangong(&c->o[v[i]]) ? "sangong.items" : "cross.table-equal";
    /* Table cells: pairs within small groups (a lone wrong value then
     * breaks k−1 pairs and is outvoted); a chain beyond, to stay linear.
     * A sentence is met with the tables only: which year, section or
     * period two sentences about one quantity speak of is read from the
     * sentences themselves (REPEAT claims), not from the key. */
    size_t nt = 0;
    for (size_t a = i; a < j; a++)
      if (!c->o[v[a]].narrative) tmp[nt++] = v[a];
    for (size_t a = 0; a < nt; a++)
      for (size_t b = a + 1; b < nt; b++) {
        if (nt > 12 && b != a + 1) break;
        ident *x = ck_add_ident(c, rule, 2);
        if (!x) return;
        x->n = 2;
        x->idx[0] = tmp[a];
        x->coef[0] = 1;
        x->idx[1] = tmp[b];
        x->coef[1] = -1;
        x->anchor = tmp[b];
      }
    for (size_t a = i; a < j; a++) {
      if (!c->o[v[a]].narrative) continue;
      /* A text figure that disagrees with a table is reported at the
       * text: the tables are tied by sums, the sentence is not. */
      for (size_t b = 0; b < nt && b < 12; b++) {
        ident *x = ck_add_ident(c, "narrative.figure", 2);
        if (!x) return;
        x->n = 2;
        x->idx[0] = v[a];
        x->coef[0] = 1;
        x->idx[1] = tmp[b];
        x->coef[1] = -1;
        x->anchor = v[a];
      }
    }
    i = j;
  }
}

/* The first table observation of key in v (sorted by key), or -1. */
static int table_obs_of(const chk *c, const int *v, size_t n, const char *key) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(c->o[v[mid]].key, key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (; lo < n && strcmp(c->o[v[lo]].key, key) == 0; lo++)
    if (!c->o[v[lo]].narrative) return v[lo];
  return -1;
}

/* Parts of a quantity shown where the whole is not: 基本支出 = 人员经费 +
 * 公用经费 (a 决算's 一般公共预算财政拨款支出决算表 shows the 基本支出, its
 * 基本支出决算表 only the two 合计). The nature of basic spending is one of
 * the two, so the parts are exhaustive. One identity per whole: the
 * equality identities tie the other observations of each key. */
static bool single_or_sum_term(const obs *o) {
  return !o->narrative && o->q && !ck_obs_difference(o);
}

static bool single_table_term(const obs *o) {
  return !o->narrative && o->q && o->q->n == 1;
}

/* The key of quantity q of o with its nature set to `nature` (0: any). */
static const char *with_nature(chk *c, const obs *o, uint32_t nature) {
  ys_qexpr e;
  ck_qty_expr(o->q, &e);
  e.t[0].natures = nature;
  return ys_qexpr_key(c->a, &e);
}

void ck_partition_idents(chk *c) {
  size_t n;
  int *tmp;
  int *v = by_key(c, single_table_term, &n, &tmp);
  if (!v) return;
  for (size_t i = 0; i < n; i++) {
    const obs *o = &c->o[v[i]];
    if (i && !strcmp(o->key, c->o[v[i - 1]].key)) continue;
    const ys_qfilter *f = &o->q->t[0];
    if (f->natures != 1u << YS_NATURE_PERSONNEL ||
        f->kinds != 1u << YS_KIND_BASIC || f->none)
      continue;
    const char *whole = with_nature(c, o, 0);
    const char *sib = with_nature(c, o, 1u << YS_NATURE_PUBLIC);
    if (!whole || !sib) return;
    int w = table_obs_of(c, v, n, whole), s2 = table_obs_of(c, v, n, sib);
    if (w < 0 || s2 < 0) continue;
    const int parts[2] = {v[i], s2};
    ck_sum_ident(c, "cross.partition", w, parts, 2);
  }
}

/* Per fiscal fund, what was there equals what became of it: 本年收入 + 年初
 * 结转和结余 = 本年支出 + 年末结转和结余 (a 决算's 财政拨款收入支出决算总表,
 * by fund column; a 预算's 上年结转 and 结转下年 alike). Each side is read
 * from the cells that show it: income this year and carried in, or both
 * together; spending and carried out, or their sum (the 总计 of the fund's
 * column). Nothing is assumed of a side no cell shows. */
/* The first table observation of the quantity q (quantity.h syntax), keyed
 * as compile and the readers key it; -1 when none. */
static int obs_of_quantity(chk *c, const int *v, size_t n, const char *q) {
  ys_qexpr e;
  if (ys_qexpr_parse(&e, q, c->a, NULL) != YS_OK) return -1;
  const char *key = ys_qexpr_key(c->a, &e);
  return key ? table_obs_of(c, v, n, key) : -1;
}

void ck_fund_balance_idents(chk *c) {
  size_t n;
  int *tmp;
  int *v = by_key(c, single_or_sum_term, &n, &tmp);
  if (!v) return;
  for (int f = YS_FUND_GPB; f <= YS_FUND_SOC; f++) {
    const char *F = ys_fund_id((ys_fund)f);
    /* terms[] with signs: + income, − spending and carried out */
    int terms[4], sign[4], nt = 0;
#define Q(...) obs_of_quantity(c, v, n, ys_arena_printf(c->a, __VA_ARGS__))
    int all = Q("rev;fund=%s", F), cur = Q("rev;fund=%s;period=cur", F),
        in = Q("rev;fund=%s;period=carry", F);
    int both = Q("exp;fund=%s + fact;key=carry_next.%s", F, F),
        out = Q("exp;fund=%s", F), left = Q("fact;key=carry_next.%s", F);
#undef Q
    int lhs[2] = {all >= 0 ? all : cur, all >= 0 ? -1 : in};
    int rhs[2] = {both >= 0 ? both : out, both >= 0 ? -1 : left};
    bool have_l = all >= 0 || (cur >= 0 && in >= 0);
    bool have_r = both >= 0 || (out >= 0 && left >= 0);
    if (!have_l || !have_r) continue;
    for (int k = 0; k < 4; k++) {
      int o = k < 2 ? lhs[k] : rhs[k - 2];
      if (o < 0) continue;
      terms[nt] = o;
      sign[nt++] = k < 2 ? 1 : -1;
    }
    ident *x = ck_add_ident(c, "balance.fund", nt);
    if (!x) return;
    x->n = 0;
    for (int k = 0; k < nt; k++) {
      x->idx[x->n] = terms[k];
      x->coef[x->n++] = sign[k];
    }
    x->anchor = rhs[0];
  }
}
