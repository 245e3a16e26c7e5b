/*
 * identity.c - identities between observations that do not come from one
 * table: a difference column and its terms, every pair of observations of
 * one quantity, after narrowing the income side shows to be vacuous has
 * been taken out of the keys.
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
    const char *k = c->o[i].key;
    if (!strstr(k, " - ") && !strstr(k, " + ")) continue;
    int terms[YS_Q_MAXTERMS];
    signed char sign[YS_Q_MAXTERMS];
    int nt = 0;
    bool ok = true;
    const char *p = k;
    signed char sg = 1;
    while (ok && *p && nt < YS_Q_MAXTERMS) {
      const char *plus = strstr(p, " + "), *minus = strstr(p, " - ");
      const char *op = plus && (!minus || plus < minus) ? plus : minus;
      size_t len = op ? (size_t)(op - p) : strlen(p);
      int found = find_term(c, v, c->no, (int)i, p, len);
      if (found < 0) ok = false;
      terms[nt] = found;
      sign[nt++] = sg;
      if (!op) break;
      sg = op[1] == '+' ? 1 : -1;
      p = op + 3;
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

/* Removes a component ("fund=gpb") from every term of a key whose source is
 * src. */
static const char *strip_component(chk *c, const char *key, const char *src,
                                   const char *comp) {
  size_t sl = strlen(src), cl = strlen(comp);
  char *out = ys_arena_alloc(c->a, strlen(key) + 1);
  if (!out) return key;
  size_t o = 0;
  const char *p = key;
  bool in_src = false;
  while (*p) {
    if (p == key || (p[-1] == ' ' && (p[-2] == '+' || p[-2] == '-')))
      in_src = strncmp(p, src, sl) == 0 &&
               (p[sl] == '|' || p[sl] == ' ' || p[sl] == '\0');
    if (in_src && *p == '|' && strncmp(p + 1, comp, cl) == 0 &&
        (p[1 + cl] == '|' || p[1 + cl] == ' ' || p[1 + cl] == '\0')) {
      p += 1 + cl;
      continue;
    }
    out[o++] = *p++;
  }
  out[o] = '\0';
  return out;
}

/* Is every observation of a revenue key whose funds all lie in `outside`
 * (a set of funds the narrowing excludes) zero, and do they cover every
 * fund of `outside`? Then the income side of a 收支总表 says the package has
 * no money from those funds. */
static bool no_revenue_from(chk *c, const char *const *outside, size_t n) {
  bool covered[16] = {false};
  for (size_t i = 0; i < c->no; i++) {
    const char *k = c->o[i].key;
    if (strncmp(k, "rev|fund=", 9) != 0 || strstr(k, " + ") || strstr(k, " - "))
      continue;
    char funds[256];
    size_t fl = strcspn(k + 9, "|");
    if (fl >= sizeof funds) continue;
    memcpy(funds, k + 9, fl);
    funds[fl] = '\0';
    bool inside = true, mentions[16] = {false};
    for (char *tok = strtok(funds, "+"); tok; tok = strtok(NULL, "+")) {
      bool hit = false;
      for (size_t f = 0; f < n; f++)
        if (strcmp(tok, outside[f]) == 0) mentions[f] = hit = true;
      inside = inside && hit;
    }
    if (!inside) continue;
    if (c->o[i].v - c->o[i].lo > 0 || c->o[i].v + c->o[i].hi < 0) return false;
    for (size_t f = 0; f < n; f++) covered[f] = covered[f] || mentions[f];
  }
  for (size_t f = 0; f < n; f++)
    if (!covered[f]) return false;
  return true;
}

/* Is the 上年结转 of the income side shown, and zero? */
static bool no_carry(chk *c) {
  bool seen = false;
  for (size_t i = 0; i < c->no; i++) {
    const char *k = c->o[i].key;
    if (strncmp(k, "rev|", 4) || !strstr(k, "period=carry") ||
        strstr(k, " + ") || strstr(k, " - "))
      continue;
    if (c->o[i].v - c->o[i].lo > 0 || c->o[i].v + c->o[i].hi < 0) return false;
    seen = true;
  }
  return seen;
}

/*
 * When the income side shows no money but 一般公共预算 (or no money outside
 * 财政拨款, or no 上年结转), narrowing spending to that fund or period is
 * vacuous, and the 一般公共预算 tables show the same quantities as the
 * 收支总表: strip the narrowing from every key so those observations meet.
 * The evidence is the income side's zeros, never the spending figures
 * being compared, so a wrong spending cell cannot hide its own mismatch.
 */
void ck_normalise_keys(chk *c) {
  static const char *const non_gpb[] = {"govfund",  "soc",       "special",
                                        "business", "operation", "upper",
                                        "subord",   "reserve",   "other"};
  static const char *const non_fiscal[] = {"special", "business", "operation",
                                           "upper",   "subord",   "reserve",
                                           "other"};
  struct {
    const char *comp;
    bool vacuous;
  } strip[] = {
      {"fund=gpb", no_revenue_from(c, non_gpb, 9)},
      {"fund=gpb+govfund+soc", no_revenue_from(c, non_fiscal, 7)},
      {"fund=gpb+govfund+soc+special+business+operation+upper+subord+other",
       no_revenue_from(c, non_gpb + 7, 1)},
      {"period=cur", no_carry(c)},
  };
  static const char *const srcs[] = {"exp", "rev"};
  /* A package whose keys name a single unit: that unit is the whole
   * department, so the narrowing is vacuous (nested unit trees then meet
   * the department-level tables and the text). A code that prefixes the
   * others (322 before 322001) is the department's own. */
  const char *units[64];
  size_t nu = 0;
  bool split = false;
  for (size_t i = 0; i < c->no && !split; i++) {
    for (const char *u = strstr(c->o[i].key, "|unit="); u;
         u = strstr(u, "|unit=")) {
      u += 6;
      size_t l = strcspn(u, "| ");
      if (memchr(u, '+', l)) split = true;
      bool seen = false;
      for (size_t k = 0; k < nu && !seen; k++)
        seen = strlen(units[k]) == l && !strncmp(units[k], u, l);
      if (!seen && nu < 64) units[nu++] = ys_arena_strndup(c->a, u, l);
    }
  }
  size_t leaves = 0;
  for (size_t k = 0; k < nu; k++) {
    bool prefix = false;
    for (size_t j = 0; j < nu && !prefix; j++)
      prefix = j != k && strlen(units[j]) > strlen(units[k]) &&
               !strncmp(units[j], units[k], strlen(units[k]));
    leaves += !prefix;
  }
  if (nu && !split && leaves <= 1)
    for (size_t k = 0; k < nu; k++) {
      const char *comp = ys_arena_printf(c->a, "unit=%s", units[k]);
      for (size_t s2 = 0; s2 < 2; s2++)
        for (size_t i = 0; i < c->no; i++)
          c->o[i].key = strip_component(c, c->o[i].key, srcs[s2], comp);
    }
  for (size_t k = 0; k < sizeof strip / sizeof strip[0]; k++) {
    if (!strip[k].vacuous) continue;
    for (size_t s = 0; s < 2; s++)
      for (size_t i = 0; i < c->no; i++)
        c->o[i].key = strip_component(c, c->o[i].key, srcs[s], strip[k].comp);
  }
}
static bool is_sangong_key(const char *k) {
  static const char *const codes[] = {"30212", "30217", "30231",
                                      "31013", "30215", "30216"};
  for (size_t i = 0; i < 6; i++)
    if (strstr(k, codes[i])) return true;
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

static bool comparable(const obs *o) {
  return strncmp(o->key, "task:", 5) && strcmp(o->key, "none") &&
         strncmp(o->key, "text-sum:", 9);
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
        is_sangong_key(c->o[v[i]].key) ? "sangong.items" : "cross.table-equal";
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
  return !o->narrative && !strstr(o->key, " - ");
}

static bool single_table_term(const obs *o) {
  return !o->narrative && !strstr(o->key, " + ") && !strstr(o->key, " - ");
}

void ck_partition_idents(chk *c) {
  size_t n;
  int *tmp;
  int *v = by_key(c, single_table_term, &n, &tmp);
  if (!v) return;
  static const char part[] = "|nature=personnel", other[] = "|nature=public";
  for (size_t i = 0; i < n; i++) {
    const char *k = c->o[v[i]].key;
    if (i && !strcmp(k, c->o[v[i - 1]].key)) continue;
    const char *at = strstr(k, part);
    const char *basic = strstr(k, "|kind=basic");
    if (!at || !basic || (basic[11] != '|' && basic[11] != '\0')) continue;
    size_t pre = (size_t)(at - k);
    const char *rest = at + sizeof part - 1;
    const char *whole = ys_arena_printf(c->a, "%.*s%s", (int)pre, k, rest);
    const char *sib =
        ys_arena_printf(c->a, "%.*s%s%s", (int)pre, k, other, rest);
    if (!whole || !sib) return;
    int w = table_obs_of(c, v, n, whole), o = table_obs_of(c, v, n, sib);
    if (w < 0 || o < 0) continue;
    const int parts[2] = {v[i], o};
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
  char err[160];
  if (ys_qexpr_parse(&e, q, c->a, err, sizeof err) != YS_OK) return -1;
  const char *key = ys_qexpr_key(c->a, &e);
  return key ? table_obs_of(c, v, n, key) : -1;
}

void ck_fund_balance_idents(chk *c) {
  size_t n;
  int *tmp;
  int *v = by_key(c, single_or_sum_term, &n, &tmp);
  if (!v) return;
  static const char *const funds[] = {"gpb", "govfund", "soc"};
  for (size_t f = 0; f < 3; f++) {
    const char *F = funds[f];
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
