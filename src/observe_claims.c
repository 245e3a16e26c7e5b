/*
 * observe_claims.c - narrative claims (rawtable.h, read by claims.c) as
 * checks and observations.
 *
 * A stated amount is one more observation of its quantity: identity.c
 * meets it with the tables. Every other claim is a relation between the
 * figures the text prints — a share, a change rate, a completion rate, a
 * sum of listed parts, a difference, a figure restated — and is checked on
 * its own, in exact interval arithmetic: each printed figure stands for
 * every value that rounds to it, and the claim is consistent when some
 * choice of such values makes it true. An inconsistency within one unit of
 * the last printed digit (or 0.1 %) is a warning, anything larger an error.
 *
 * Intervals are exact rationals in 128-bit integers; amounts are counted
 * in half-分 so the half unit of a figure printed to 1 分 is whole.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_impl.h"

typedef __int128 i128;

/* n / d, d > 0 */
typedef struct rat {
  i128 n, d;
} rat;

static int rat_cmp(rat a, rat b) {
  i128 l = a.n * b.d, r = b.n * a.d;
  return l < r ? -1 : l > r;
}

/* An input figure: value v and half-width h, in half-分 (amounts) or in
 * units of 10^-dec percent doubled (percentages). */
typedef struct fig {
  i128 v, h;
  int dec;
  ys_unit unit;
} fig;

/* Amounts beyond this (10 万亿元) are not checked: products stay far
 * inside 128 bits. */
#define FIG_MAX ((i128)1000000000000000LL)

static i128 pow10i(int d) {
  i128 p = 1;
  while (d-- > 0) p *= 10;
  return p;
}

/* The most common number of decimals of the narrative's amounts, per
 * unit: a passage printing 2 decimals prints "5 万元" for 5.00 (the
 * annotation rule of domain.md: an input is exact to half a unit of the
 * passage's precision unless it prints more). */
typedef struct passage {
  int dp[4];
} passage;

static int decimals_of(const char *t) {
  const char *dot = strchr(t, '.');
  if (!dot) return 0;
  int n = 0;
  for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++) n++;
  return n;
}

/* A figure printed in the narrative: where, as what, in which unit. */
typedef struct pfig {
  int line;
  const char *text;
  ys_unit unit;
} pfig;

static int pfig_cmp(const void *x, const void *y) {
  const pfig *a = x, *b = y;
  if (a->line != b->line) return a->line < b->line ? -1 : 1;
  if (a->unit != b->unit) return a->unit < b->unit ? -1 : 1;
  return strcmp(a->text, b->text);
}

/* Does the figure say its precision? A bare "0" does not: "0 万元" is
 * written beside "80.00 万元" for nothing at all. */
static bool nonzero(const char *t) {
  for (; *t; t++)
    if ((*t >= '1' && *t <= '9') || *t == '.') return true;
  return false;
}

/* Each figure counts once, however many claims read it (an amount, the
 * part of a sum, the base of a share): the passage's precision is that of
 * what it prints, not of how often it is read. */
static int passage_scan(const ys_rdoc *d, passage *ps, ys_arena *a) {
  size_t cap = 0, n = 0;
  for (size_t i = 0; i < d->n_claims; i++) cap += 1 + d->claims[i].n_parts;
  pfig *v = ys_arena_alloc(a, sizeof *v * (cap + 1));
  if (!v) return YS_ENOMEM;
  for (size_t i = 0; i < d->n_claims; i++) {
    const ys_rclaim *c = &d->claims[i];
    if (c->kind == YS_CLAIM_SHARE || c->kind == YS_CLAIM_CHANGE ||
        c->kind == YS_CLAIM_COMPLETION || c->kind == YS_CLAIM_NAME ||
        c->kind == YS_CLAIM_UNCHECKED || c->kind == YS_CLAIM_MISSING ||
        c->kind == YS_CLAIM_UNREAD || c->kind == YS_CLAIM_UNEXPLAINED) {
      /* their text is a rate or a code; the parts are amounts */
    } else if (c->percent) {
      continue; /* shares adding to 100: no amounts at all */
    } else if ((unsigned)c->unit < 4 && *c->text && nonzero(c->text)) {
      v[n++] = (pfig){c->line, c->text, c->unit};
    }
    for (size_t k = 0; k < c->n_parts; k++) {
      ys_unit u = c->part_units ? c->part_units[k] : c->unit;
      if ((unsigned)u < 4 && nonzero(c->parts[k]))
        v[n++] = (pfig){c->line, c->parts[k], u};
    }
  }
  qsort(v, n, sizeof *v, pfig_cmp);
  int cnt[4][7];
  memset(cnt, 0, sizeof cnt);
  for (size_t i = 0; i < n; i++) {
    if (i && !pfig_cmp(&v[i], &v[i - 1])) continue;
    int k = decimals_of(v[i].text);
    cnt[v[i].unit][k > 6 ? 6 : k]++;
  }
  for (int u = 0; u < 4; u++) {
    int best = 0;
    for (int k = 1; k < 7; k++)
      if (cnt[u][k] > cnt[u][best]) best = k;
    ps->dp[u] = best;
  }
  return YS_OK;
}

/* An amount as printed; dp = the passage precision (0 = the figure's own).
 * False if it is not an amount we can check. */
static bool amount_fig(const char *t, ys_unit u, int dp, fig *f) {
  ys_amount am;
  if (!t || !*t || ys_money_parse(&am, t, strlen(t), u, NULL) || am.empty)
    return false;
  i128 v = (i128)am.fen * 2;
  if (v > FIG_MAX || -v > FIG_MAX) return false;
  int dec = am.decimals > dp ? am.decimals : dp;
  int64_t uf = ys_unit_fen(u);
  /* the half unit of the last digit, in half-分: one printed step */
  i128 step = uf;
  for (int i = 0; i < dec && step > 1; i++) step /= 10;
  f->v = v;
  f->h = step;
  f->dec = am.decimals;
  f->unit = u;
  return true;
}

/* A percentage text ("12.28", "12.28%") as P at dec decimals. */
static bool pct_fig(const char *t, fig *f) {
  i128 v = 0;
  int dec = -1;
  if (!t || !*t) return false;
  for (const char *p = t; *p && *p != '%'; p++) {
    if (*p == '.') {
      if (dec >= 0) return false;
      dec = 0;
      continue;
    }
    if (*p < '0' || *p > '9' || v > (i128)100000000000LL) return false;
    v = v * 10 + (*p - '0');
    if (dec >= 0) dec++;
  }
  if (dec > 6) return false;
  f->v = v;
  f->dec = dec < 0 ? 0 : dec;
  f->h = 0;
  return true;
}

/* A percentage as an amount-like figure, in millionths of a percent
 * doubled, for sums of shares. */
static bool pct_amount_fig(const char *t, fig *f) {
  fig p;
  if (!pct_fig(t, &p)) return false;
  i128 s = pow10i(6 - p.dec);
  f->v = 2 * p.v * s;
  f->h = s;
  f->dec = p.dec;
  f->unit = YS_UNIT_YUAN;
  return true;
}

/* --- the relations ---------------------------------------------------- */

typedef enum rel {
  REL_RATIO, /* 100·x0/x1 */
  REL_DELTA, /* 100·|x1| / (x0 − x1)    (current, signed change) */
  REL_PRIOR, /* 100·|x0 − x1| / x1      (current, prior) */
  REL_BASE,  /* 100·|x0| / x1           (signed change, prior) */
  REL_DIFF,  /* |x0 − x1| */
  REL_SUM,   /* Σ x */
  REL_SAME,  /* x0 */
  REL_OFSUM  /* 100·x0 / (x0 + x1 + … ) */
} rel;

static i128 iabs(i128 x) {
  return x < 0 ? -x : x;
}

/* The relation at one point; false where it is undefined (denominator
 * not positive). Percent relations are exact rationals. */
static bool rel_at(rel r, const i128 *x, size_t n, rat *out) {
  switch (r) {
  case REL_RATIO:
    if (x[1] <= 0) return false;
    *out = (rat){100 * x[0], x[1]};
    return true;
  case REL_DELTA:
    if (x[0] - x[1] <= 0) return false;
    *out = (rat){100 * iabs(x[1]), x[0] - x[1]};
    return true;
  case REL_PRIOR:
    if (x[1] <= 0) return false;
    *out = (rat){100 * iabs(x[0] - x[1]), x[1]};
    return true;
  case REL_BASE:
    if (x[1] <= 0) return false;
    *out = (rat){100 * iabs(x[0]), x[1]};
    return true;
  case REL_DIFF:
    *out = (rat){iabs(x[0] - x[1]), 1};
    return true;
  case REL_SUM: {
    i128 s = 0;
    for (size_t i = 0; i < n; i++) s += x[i];
    *out = (rat){s, 1};
    return true;
  }
  case REL_SAME:
    *out = (rat){x[0], 1};
    return true;
  case REL_OFSUM: {
    i128 s = 0;
    for (size_t i = 0; i < n; i++) s += x[i];
    if (s <= 0) return false;
    *out = (rat){100 * x[0], s};
    return true;
  }
  }
  return false;
}

/* The range of the relation over the inputs' boxes. Every relation is
 * monotone in each input where it is defined, so the extremes are at the
 * corners — except |a − b|, which is 0 wherever the boxes of a and b
 * overlap. False when some corner is undefined (the range is unbounded:
 * nothing can be said). */
static bool rel_range(rel r, const fig *in, size_t n, rat *lo, rat *hi) {
  if (r == REL_SUM) {
    i128 s = 0, h = 0;
    for (size_t i = 0; i < n; i++) s += in[i].v, h += in[i].h;
    *lo = (rat){s - h, 1};
    *hi = (rat){s + h, 1};
    return true;
  }
  if (r == REL_OFSUM) {
    /* rises with the part, falls with the others */
    i128 rest = 0, rh = 0;
    for (size_t i = 1; i < n; i++) rest += in[i].v, rh += in[i].h;
    i128 plo = in[0].v - in[0].h, phi = in[0].v + in[0].h;
    if (plo + rest + rh <= 0 || phi + rest - rh <= 0) return false;
    *lo = (rat){100 * plo, plo + rest + rh};
    *hi = (rat){100 * phi, phi + rest - rh};
    return true;
  }
  size_t k = n > 2 ? 2 : n;
  bool first = true;
  for (unsigned m = 0; m < (1u << k); m++) {
    i128 x[2];
    for (size_t i = 0; i < k; i++)
      x[i] = in[i].v + ((m >> i) & 1 ? in[i].h : -in[i].h);
    rat v;
    if (!rel_at(r, x, k, &v)) return false;
    if (first || rat_cmp(v, *lo) < 0) *lo = v;
    if (first || rat_cmp(v, *hi) > 0) *hi = v;
    first = false;
  }
  /* |x0 − x1| (and |x| of a change) reach 0 inside the boxes */
  i128 a = 0, ah = 0;
  bool absval = false;
  if (r == REL_PRIOR || r == REL_DIFF) {
    a = in[0].v - in[1].v, ah = in[0].h + in[1].h, absval = true;
  } else if (r == REL_BASE) {
    a = in[0].v, ah = in[0].h, absval = true;
  } else if (r == REL_DELTA) {
    a = in[1].v, ah = in[1].h, absval = true;
  }
  if (absval && a - ah <= 0 && a + ah >= 0) lo->n = 0;
  return true;
}

/* The published figure as an interval in the relation's units. */
static void published_range(const fig *p, bool pct, rat *lo, rat *hi) {
  if (pct) {
    i128 d = 2 * pow10i(p->dec);
    *lo = (rat){2 * p->v - 1, d};
    *hi = (rat){2 * p->v + 1, d};
  } else {
    *lo = (rat){p->v - p->h, 1};
    *hi = (rat){p->v + p->h, 1};
  }
}

typedef enum verdict { V_OK, V_MINOR, V_MATERIAL } verdict;

/* Consistent when the ranges meet; otherwise minor when the gap is within
 * one unit of the published figure's last digit or 0.1 % of it. */
static verdict judge(rat lo, rat hi, rat plo, rat phi, const fig *p, bool pct) {
  rat a, b; /* the gap lies between a < b */
  if (rat_cmp(hi, plo) < 0)
    a = hi, b = plo;
  else if (rat_cmp(lo, phi) > 0)
    a = phi, b = lo;
  else
    return V_OK;
  rat gap = {b.n * a.d - a.n * b.d, a.d * b.d};
  rat unit = pct ? (rat){1, pow10i(p->dec)} : (rat){2 * p->h, 1};
  rat tenth =
      pct ? (rat){iabs(p->v), 1000 * pow10i(p->dec)} : (rat){iabs(p->v), 1000};
  if (rat_cmp(gap, unit) <= 0 || rat_cmp(gap, tenth) <= 0) return V_MINOR;
  return V_MATERIAL;
}

/* The relation's value at the printed inputs, printed like the published
 * figure (half-up). */
static const char *expected_text(chk *c, rel r, const fig *in, size_t n,
                                 const fig *p, bool pct) {
  i128 *x = ys_arena_alloc(c->a, sizeof *x * (n + 1));
  if (!x) return ""; /* the arena's failure is the check's result */
  for (size_t i = 0; i < n; i++) x[i] = in[i].v;
  rat v;
  if (!rel_at(r, x, n, &v)) return "";
  if (!pct) {
    /* a sum or difference of figures is exact at their decimals: shown
     * so ("3.公务用车费 | 0" is 32.65, not 33), whatever the whole's */
    int dec = p->dec;
    for (size_t i = 0; i < n && (r == REL_SUM || r == REL_DIFF); i++)
      if (in[i].dec > dec && in[i].unit == p->unit) dec = in[i].dec;
    int64_t fen = (int64_t)(v.n / 2);
    return ck_fmt_amount(c, fen, p->unit, dec);
  }
  i128 s = pow10i(p->dec);
  bool neg = v.n < 0;
  i128 num = iabs(v.n);
  i128 w = (2 * num * s + v.d) / (2 * v.d);
  char buf[80];
  long long ip = (long long)(w / s);
  if (p->dec) {
    char frac[16];
    snprintf(frac, sizeof frac, "%0*lld", p->dec, (long long)(w % s));
    snprintf(buf, sizeof buf, "%s%lld.%s", neg ? "-" : "", ip, frac);
  } else {
    snprintf(buf, sizeof buf, "%s%lld", neg ? "-" : "", ip);
  }
  return ys_arena_strdup(c->a, buf);
}

/* The sum of printed percentages (pct_amount_fig), at their decimals. */
static const char *pct_sum_text(chk *c, const fig *in, size_t n) {
  i128 s = 0;
  int dec = 0;
  for (size_t i = 0; i < n; i++) {
    s += in[i].v;
    if (in[i].dec > dec) dec = in[i].dec;
  }
  i128 unit = 2 * pow10i(6 - dec); /* one printed step, doubled scale */
  i128 w = s / unit;
  i128 sc = pow10i(dec);
  char buf[64];
  if (dec)
    snprintf(buf, sizeof buf, "%lld.%0*lld", (long long)(w / sc), dec,
             (long long)(w % sc));
  else
    snprintf(buf, sizeof buf, "%lld", (long long)w);
  return ys_arena_strdup(c->a, buf);
}

/* --- findings --------------------------------------------------------- */

static ys_finding *claim_finding(chk *c, const ys_rclaim *cl, size_t idx,
                                 const char *rule, ys_severity sev) {
  ys_finding *f = ck_add_finding(c, rule, sev);
  if (!f) return NULL;
  f->file = ck_fs(c, c->doc->file);
  f->line = cl->line;
  f->page = cl->page;
  f->box = cl->box;
  f->table = ck_fs(c, "情况说明");
  f->row = ck_fs(c, cl->subject);
  f->claim = (int)idx + 1;
  return f;
}

static void unchecked(chk *c, const ys_rclaim *cl, size_t idx,
                      const char *why) {
  ys_finding *f = claim_finding(c, cl, idx, "narrative.unchecked", YS_SEV_INFO);
  if (!f) return;
  f->found = ck_fs(c, cl->text);
  f->message = ck_fs(c, ys_arena_printf(c->a, "未核对“%s”（%s）：%s", cl->text,
                                        why, cl->sentence));
}

static const char *unit_word(ys_unit u) {
  return ys_unit_name(u);
}

/* The inputs of a claim, in order, with the reading alt for parts[0]. */
static bool inputs(const ys_rclaim *cl, const passage *ps, const char *alt,
                   fig *in, size_t max, size_t *n) {
  if (cl->n_parts > max) return false;
  for (size_t i = 0; i < cl->n_parts; i++) {
    ys_unit u = cl->part_units ? cl->part_units[i] : cl->unit;
    const char *t = i == 0 && alt ? alt : cl->parts[i];
    if (cl->percent
            ? !pct_amount_fig(t, &in[i])
            : !amount_fig(t, u, (unsigned)u < 4 ? ps->dp[u] : 0, &in[i]))
      return false;
    if (cl->counted) in[i].h = 0; /* a count is exact, not rounded */
  }
  *n = cl->n_parts;
  return true;
}

static const char *kind_rule(ys_claim_kind k) {
  switch (k) {
  case YS_CLAIM_SUM:
    return "narrative.parts-sum";
  case YS_CLAIM_SHARE:
    return "narrative.share";
  case YS_CLAIM_CHANGE:
    return "narrative.change";
  case YS_CLAIM_COMPLETION:
    return "narrative.completion";
  case YS_CLAIM_DIFFERENCE:
    return "narrative.difference";
  case YS_CLAIM_REPEAT:
    return "narrative.repeat";
  default:
    return "narrative.figure";
  }
}

/* The message of an inconsistent claim, in the user's words. */
static const char *message(chk *c, const ys_rclaim *cl, const char *got,
                           const char *want) {
  const char *u = cl->counted ? cl->counted : unit_word(cl->unit);
  const char *p0 = cl->n_parts > 0 ? cl->parts[0] : "";
  const char *p1 = cl->n_parts > 1 ? cl->parts[1] : "";
  switch (cl->kind) {
  case YS_CLAIM_SHARE:
    if (cl->how == YS_SHARE_OF_SUM)
      return ys_arena_printf(c->a,
                             "说明称 %s 占所列各项合计的 %s%%，按所述数字应为 "
                             "%s%%",
                             p0, got, want);
    return ys_arena_printf(c->a, "说明称 %s 占 %s 的 %s%%，按所述数字应为 %s%%",
                           p0, p1, got, want);
  case YS_CLAIM_COMPLETION:
    return ys_arena_printf(c->a,
                           "说明称 %s 完成预算 %s 的 %s%%，按所述数字应为 %s%%",
                           p0, p1, got, want);
  case YS_CLAIM_CHANGE:
    if (cl->how == YS_CHANGE_PRIOR)
      return ys_arena_printf(c->a,
                             "说明称由 %s 变为 %s、变动 %s%%，按所述数字应为 "
                             "%s%%",
                             p1, p0, got, want);
    if (cl->how == YS_CHANGE_BASE)
      return ys_arena_printf(c->a,
                             "说明称比 %s 变动 %s、变动 %s%%，按所述数字应为 "
                             "%s%%",
                             p1, p0[0] == '-' ? p0 + 1 : p0, got, want);
    return ys_arena_printf(
        c->a,
        "说明称本年 %s、变动 %s，变动比例 %s%%；上年应为本年减变动额，按所述"
        "数字应为 %s%%",
        p0, p1[0] == '-' ? p1 + 1 : p1, got, want);
  case YS_CLAIM_SUM: {
    const char *list = "";
    for (size_t i = 0; i < cl->n_parts; i++)
      list = ys_arena_printf(c->a, "%s%s%s", list, i ? "+" : "", cl->parts[i]);
    return ys_arena_printf(c->a, "说明称合计 %s %s，所列分项 %s 合计 %s %s",
                           got, u, list, want, u);
  }
  case YS_CLAIM_DIFFERENCE:
    return ys_arena_printf(c->a,
                           "说明称 %s 与 %s 相差 %s %s，按所述数字应为 "
                           "%s %s",
                           p0, p1, got, u, want, u);
  case YS_CLAIM_REPEAT:
    return ys_arena_printf(c->a, "同一数字前文为 %s %s，此处写作 %s %s", p0, u,
                           got, u);
  default:
    return "";
  }
}

/* Checks one relational claim; true when it was found inconsistent. */
/* The claim's relation picked by its kind (a switch), then the few rules
 * every kind shares — a change from nothing, a completion of a budget of
 * 0, shares made to add to 100 %, a selection, the alternative reading,
 * the direction said — in that order: one decision, kept whole. */
static bool relation(chk *c, const ys_rclaim *cl, size_t idx,
                     const passage *ps) {
  rel r;
  bool pct = true;
  switch (cl->kind) {
  case YS_CLAIM_SHARE:
    r = cl->how == YS_SHARE_OF_SUM ? REL_OFSUM : REL_RATIO;
    break;
  case YS_CLAIM_COMPLETION:
    r = REL_RATIO;
    break;
  case YS_CLAIM_CHANGE:
    r = cl->how == YS_CHANGE_PRIOR  ? REL_PRIOR
        : cl->how == YS_CHANGE_BASE ? REL_BASE
                                    : REL_DELTA;
    break;
  case YS_CLAIM_SUM:
    r = REL_SUM, pct = false;
    break;
  case YS_CLAIM_DIFFERENCE:
    r = REL_DIFF, pct = false;
    break;
  case YS_CLAIM_REPEAT:
    r = REL_SAME, pct = false;
    break;
  default:
    return false;
  }
  if (!*cl->text) return false; /* a change without its rate */
  fig p;
  if (pct           ? !pct_fig(cl->text, &p)
      : cl->percent ? !pct_amount_fig(cl->text, &p)
                    : !amount_fig(cl->text, cl->unit, 0, &p)) {
    unchecked(c, cl, idx, "数字无法识别");
    return false;
  }
  if (cl->counted) p.h = 0;
  fig in[64];
  size_t n = 0;
  size_t need = r == REL_SUM ? 2 : r == REL_SAME ? 1 : 2;
  if (!inputs(cl, ps, NULL, in, 64, &n) || n < need) {
    unchecked(c, cl, idx, "所依据的数字无法识别");
    return false;
  }
  /* a change from nothing has no rate */
  if (r == REL_DELTA || r == REL_PRIOR || r == REL_BASE) {
    i128 base = r == REL_DELTA ? in[0].v - in[1].v : in[1].v;
    if (base <= 0) {
      unchecked(c, cl, idx, "比较基数为零或为负，增减比例无法计算");
      return false;
    }
  }
  /* A completion rate of a budget stated as 0 cannot be (the rate printed
   * is of another budget, e.g. the 全年预算 where the 年初预算 was 0). */
  if (cl->kind == YS_CLAIM_COMPLETION && in[1].v <= 0 && p.v != 0) {
    ys_finding *f =
        claim_finding(c, cl, idx, kind_rule(cl->kind), YS_SEV_WARNING);
    if (f) {
      f->found = ck_fs(c, cl->text);
      f->message = ck_fs(
          c, ys_arena_printf(c->a,
                             "说明称完成预算的 %s%%，但所称的预算数为 %s："
                             "预算为零时完成率无从计算（请核对所依据的预算"
                             "是年初预算还是全年预算）：%s",
                             cl->text, cl->parts[1], cl->sentence));
    }
    return false;
  }
  if ((r == REL_RATIO && in[1].v <= 0) || (r == REL_OFSUM && in[0].v < 0)) {
    unchecked(c, cl, idx, "总数为零");
    return false;
  }
  rat plo, phi, lo, hi;
  published_range(&p, pct, &plo, &phi);
  if (!rel_range(r, in, n, &lo, &hi)) {
    unchecked(c, cl, idx, "所述数字的精度不足以判断");
    return false;
  }
  verdict v = judge(lo, hi, plo, phi, &p, pct);
  /* Shares made to add up to exactly 100 % (the largest remainder method)
   * lie within one unit of the last digit of the share rounded alone. */
  if (v != V_OK && r == REL_OFSUM && cl->to_hundred) {
    i128 d = pow10i(p.dec);
    if (judge(lo, hi, (rat){p.v - 1, d}, (rat){p.v + 1, d}, &p, pct) == V_OK)
      v = V_OK;
  }
  /* A sum of a selection ("其中" not said to be complete) only fails when
   * its parts exceed the whole. */
  bool offset = false; /* changes listed that exceed the change */
  if (v != V_OK && r == REL_SUM && !cl->exhaustive) {
    /* (falls alike: the parts fell by more than the whole did) */
    bool pos = p.v >= 0, neg = p.v <= 0;
    for (size_t i = 0; i < n; i++) {
      pos = pos && in[i].v >= 0;
      neg = neg && in[i].v <= 0;
    }
    if ((!pos && !neg) || (pos && rat_cmp(lo, phi) <= 0) ||
        (!pos && rat_cmp(hi, plo) >= 0))
      v = V_OK;
    else if (cl->how == YS_SUM_CHANGES)
      offset = true; /* possible if what is not listed fell */
  }
  /* The alternative reading of a restated figure */
  if (v != V_OK && cl->alt) {
    fig a[64];
    size_t na;
    rat alo, ahi;
    if (inputs(cl, ps, cl->alt, a, 64, &na) &&
        rel_range(r, a, na, &alo, &ahi) &&
        judge(alo, ahi, plo, phi, &p, pct) == V_OK)
      v = V_OK;
  }
  /* The direction a change is said to go */
  bool wrong_dir = false;
  if ((r == REL_PRIOR || cl->kind == YS_CLAIM_DIFFERENCE) && cl->dir &&
      n >= 2) {
    i128 dlo = in[0].v - in[1].v - in[0].h - in[1].h;
    i128 dhi = in[0].v - in[1].v + in[0].h + in[1].h;
    wrong_dir = (cl->dir > 0 && dhi < 0) || (cl->dir < 0 && dlo > 0);
  }
  if (v == V_OK && !wrong_dir) return false;
  const char *got = cl->text;
  const char *want = cl->percent ? pct_sum_text(c, in, n)
                                 : expected_text(c, r, in, n, &p, pct);
  ys_finding *f = claim_finding(
      c, cl, idx, kind_rule(cl->kind),
      (v == V_MINOR || offset) && !wrong_dir ? YS_SEV_WARNING : YS_SEV_ERROR);
  if (!f) return true;
  bool pc = pct || cl->percent;
  f->found = ck_fs(c, pc ? ys_arena_printf(c->a, "%s%%", got) : got);
  f->expected = ck_fs(c, pc ? ys_arena_printf(c->a, "%s%%", want) : want);
  f->unit = pc            ? ""
            : cl->counted ? ck_fs(c, cl->counted)
                          : ck_fs(c, unit_word(cl->unit));
  const char *msg = v == V_OK ? "" : message(c, cl, got, want);
  if (offset)
    msg = ys_arena_printf(
        c->a, "%s（所列各项合计超过总变动额，除非其他项目相应减少）", msg);
  if (wrong_dir)
    msg = ys_arena_printf(c->a, "%s%s说明称%s，但所述本年数 %s %s上年数 %s",
                          msg, *msg ? "；" : "", cl->dir > 0 ? "增加" : "减少",
                          cl->parts[0], cl->dir > 0 ? "小于" : "大于",
                          cl->parts[1]);
  f->message = ck_fs(c, ys_arena_printf(c->a, "%s：%s", msg, cl->sentence));
  return true;
}

/* A class named with its code in the text: the name the catalogue gives
 * the code in the document's year. */
static void name_claim(chk *c, const ys_rclaim *cl, size_t idx) {
  if (!c->cat || !*cl->text || !*cl->subject) return;
  ys_rtable rt;
  memset(&rt, 0, sizeof rt);
  rt.file = c->doc->file;
  size_t before = c->out->n;
  ck_catalog_row(c, &rt, "情况说明", YS_CLS_FUNC, cl->text, cl->subject, "",
                 cl->line);
  for (size_t i = before; i < c->out->n; i++) {
    c->out->items[i].page = cl->page;
    c->out->items[i].box = cl->box;
    c->out->items[i].claim = (int)idx + 1;
  }
}

/* A share of a whole the text names and does not state (or a completion
 * rate of a budget it names and does not state): the whole is the amount
 * a table prints for its quantity (the first table that does); the claim
 * is then checked as if the text had stated it. Unchecked when no table
 * prints it (a text alone, or a quantity no table shows). */
/* The first cell a table prints of the quantity, NULL none. */
static const obs *table_obs(chk *c, const char *quantity) {
  ys_qexpr q;
  const char *k = NULL;
  if (quantity && ys_qexpr_parse(&q, quantity, c->a, NULL) == YS_OK)
    k = ck_qkey(c, &q);
  for (size_t j = 0; k && j < c->no; j++)
    if (!c->o[j].narrative && c->o[j].text && !strcmp(c->o[j].key, k))
      return &c->o[j];
  return NULL;
}

static bool share_of_table_whole(chk *c, const ys_rclaim *cl, size_t idx,
                                 const passage *ps) {
  const obs *w = table_obs(c, cl->whole_quantity);
  /* (a budget not said which: the one the tables print, or both alike) */
  const obs *a = cl->whole_alt ? table_obs(c, cl->whole_alt) : NULL;
  if (a && (!w || w->v == a->v))
    w = w ? w : a;
  else if (a)
    w = NULL;
  if (!w || cl->n_parts != 1) {
    unchecked(c, cl, idx,
              cl->kind == YS_CLAIM_COMPLETION ? "完成率的预算数未能确定"
                                              : "占比的总数未能确定");
    return false;
  }
  ys_rclaim t = *cl;
  const char **parts = ys_arena_alloc(c->a, sizeof *parts * 2);
  ys_unit *units = ys_arena_alloc(c->a, sizeof *units * 2);
  if (!parts || !units) return false; /* (the arena records it) */
  parts[0] = cl->parts[0];
  parts[1] = w->text;
  units[0] = cl->part_units ? cl->part_units[0] : cl->unit;
  units[1] = w->unit;
  t.parts = parts;
  t.part_units = units;
  t.n_parts = 2;
  t.whole_quantity = NULL;
  t.whole_alt = NULL;
  size_t before = c->out->n;
  bool failed = relation(c, &t, idx, ps);
  /* the finding names the cell the whole was taken from */
  for (size_t i = before; i < c->out->n; i++) {
    ys_finding *f = &c->out->items[i];
    if (f->n_related) continue;
    f->related = ys_arena_alloc(c->out->arena, sizeof *f->related);
    if (!f->related) return failed;
    f->related[0] = ck_cellref(c, w);
    f->n_related = 1;
  }
  return failed;
}

void ck_observe_claims(chk *c) {
  const ys_rdoc *d = c->doc;
  passage ps;
  /* (out of memory: the arena records it, and the check reports it) */
  if (passage_scan(d, &ps, c->a)) return;
  bool *failed = d->n_claims ? ys_arena_alloc(c->a, d->n_claims) : NULL;
  if (d->n_claims && !failed) return;
  if (failed) memset(failed, 0, d->n_claims);
  for (size_t i = 0; i < d->n_claims; i++) {
    const ys_rclaim *cl = &d->claims[i];
    /* a list already reported wrong is not reported again through the
     * sums it implies */
    if (cl->parent && cl->parent <= i && failed[cl->parent - 1]) continue;
    switch (cl->kind) {
    case YS_CLAIM_MISSING: {
      ys_finding *f =
          claim_finding(c, cl, i, "narrative.missing-figure", YS_SEV_WARNING);
      if (!f) return;
      f->message = ck_fs(c, ys_arena_printf(c->a, "说明中“%s”缺少数字：%s",
                                            cl->subject, cl->sentence));
      continue;
    }
    case YS_CLAIM_UNCHECKED:
      unchecked(c, cl, i, cl->note ? cl->note : "无法确定比较基数或总数");
      continue;
    case YS_CLAIM_NAME:
      name_claim(c, cl, i);
      continue;
    case YS_CLAIM_UNREAD:
      continue; /* coverage only (yusuan ingest) */
    case YS_CLAIM_UNEXPLAINED: {
      ys_finding *f =
          claim_finding(c, cl, i, "narrative.no-reason", YS_SEV_INFO);
      if (!f) return;
      f->found = ck_fs(c, cl->text);
      f->message = ck_fs(
          c, ys_arena_printf(
                 c->a,
                 "“%s”决算 %s 为预算 %s 的 %s%%，差异较大，说明未写明"
                 "原因：%s",
                 cl->subject, cl->n_parts > 0 ? cl->parts[0] : "",
                 cl->n_parts > 1 ? cl->parts[1] : "", cl->text, cl->sentence));
      continue;
    }
    case YS_CLAIM_AMOUNT:
      break;
    default:
      failed[i] = cl->whole_quantity ? share_of_table_whole(c, cl, i, &ps)
                                     : relation(c, cl, i, &ps);
      continue;
    }
    /* an amount of a quantity: met with the tables by identity.c */
    ys_qexpr q;
    ys_amount am;
    if (!*cl->quantity ||
        ys_qexpr_parse(&q, cl->quantity, c->a, NULL) != YS_OK ||
        ys_money_parse(&am, cl->text, strlen(cl->text), cl->unit, NULL) !=
            YS_OK)
      continue;
    /* (a figure said to be the 总计 / 合计 is the total) */
    if (d->n_part_keys && !strstr(cl->subject, "总计") &&
        !strstr(cl->subject, "合计")) {
      const char *k = ys_qexpr_key(c->a, &q);
      bool part = false;
      for (size_t j = 0; k && j < d->n_part_keys && !part; j++)
        part = !strcmp(k, d->part_keys[j]);
      if (part) {
        unchecked(c, cl, i, "表中同名的行与合计并列，是合计的一部分，口径不明");
        continue;
      }
    }
    int o = ck_add_obs(c, &q, NULL, &am, cl->unit, d->file, "情况说明",
                       cl->subject, "", cl->text, cl->line);
    if (o >= 0) {
      c->o[o].narrative = true;
      c->o[o].unclear = cl->period_unclear;
      c->o[o].page = cl->page;
      c->o[o].box = cl->box;
    }
  }
}
