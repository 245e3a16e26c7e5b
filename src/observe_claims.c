/*
 * observe_claims.c - narrative claims (rawtable.h) as observations: stated
 * amounts, sums of listed parts, shares and change rates checked in exact
 * interval arithmetic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_impl.h"

#undef TUNIT

/* --- narrative claims ------------------------------------------------- */

/* Interval [lo, hi] in 分 of a printed amount text (unit u). */
static bool amount_interval(const char *text, ys_unit u, int64_t *v,
                            int64_t *lo, int64_t *hi, int *dec) {
  ys_amount am;
  if (ys_money_parse(&am, text, strlen(text), u, NULL) || am.empty)
    return false;
  obs o;
  memset(&o, 0, sizeof o);
  o.v = am.fen;
  ck_bounds(&o, u, am.decimals);
  *v = am.fen;
  *lo = am.fen - o.lo;
  *hi = am.fen + o.hi;
  *dec = am.decimals;
  return true;
}

/* A percentage text as an integer count of 10^-d percent; false if not a
 * number. */
static bool pct_parse(const char *t, int64_t *val, int *d) {
  int64_t v = 0;
  int dec = -1;
  if (!*t) return false;
  for (const char *p = t; *p; p++) {
    if (*p == '.') {
      if (dec >= 0) return false;
      dec = 0;
      continue;
    }
    if (*p < '0' || *p > '9' || v > INT64_C(100000000000)) return false;
    v = v * 10 + (*p - '0');
    if (dec >= 0) dec++;
  }
  *val = v;
  *d = dec < 0 ? 0 : dec;
  return true;
}

/*
 * 占 p% (p = 100·part/whole) and 增长 y% (y = |Δ| / (current − Δ)): does
 * some choice of true values inside the printed intervals satisfy it? All
 * in 128-bit integers: a percentage with d decimals stands for
 * [p − ½·10⁻ᵈ, p + ½·10⁻ᵈ], compared by cross-multiplying.
 */
static void ratio_claim(chk *c, const ys_rclaim *cl) {
  const ys_rdoc *d = c->doc;
  if (cl->n_parts < 2) return;
  int64_t nv, nlo, nhi, dv, dlo, dhi;
  int ndec, ddec;
  bool change = cl->kind == YS_CLAIM_CHANGE;
  ys_unit u = cl->unit;
  if (!amount_interval(cl->parts[0], u, &nv, &nlo, &nhi, &ndec)) return;
  int64_t delta = 0, xlo = 0, xhi = 0;
  bool corner = false;
  if (change) {
    /* numerator |Δ|, denominator last year = current − Δ */
    int xdec;
    const char *dt = cl->parts[1];
    bool neg = *dt == '-';
    if (!amount_interval(neg ? dt + 1 : dt, u, &delta, &xlo, &xhi, &xdec))
      return;
    if (neg) {
      int64_t t = -xhi;
      xhi = -xlo;
      xlo = t;
      delta = -delta;
    }
    /* rate = |Δ| / last, last = current − Δ. It rises with |Δ| and falls
     * with current, so its extremes are at the corners: the smallest
     * change with the largest current, and the other way round. */
    int64_t clo = nlo, chi = nhi;
    dv = nv - delta;
    if (delta >= 0) {
      nlo = xlo, nhi = xhi; /* Δ > 0 */
      dhi = chi - xlo;      /* denominator paired with nlo */
      dlo = clo - xhi;      /* denominator paired with nhi */
    } else {
      nlo = -xhi, nhi = -xlo; /* a = |Δ| */
      dhi = chi + nlo;
      dlo = clo + nhi;
    }
    nv = delta < 0 ? -delta : delta;
    corner = true;
    ddec = xdec;
    if (dv == 0 && *cl->text) {
      ys_finding *f = ck_add_finding(c, "narrative.change", YS_SEV_ERROR);
      if (!f) return;
      char msg[1024];
      snprintf(msg, sizeof msg,
               "说明称%s %s 万元、变动 %s%%，但按所述数字上年为 0，不能计算"
               "增减比例：%s",
               cl->subject, cl->parts[1], cl->text, cl->sentence);
      f->file = ck_fs(c, d->file);
      f->line = cl->line;
      f->table = ck_fs(c, "情况说明");
      f->row = ck_fs(c, cl->subject);
      f->found = ck_fs(c, cl->text);
      f->message = ck_fs(c, msg);
      return;
    }
    if (!*cl->text) return; /* no rate stated */
  } else {
    const char *wt = cl->parts[1];
    if (!strcmp(wt, "Σ")) {
      dv = dlo = dhi = 0;
      ddec = 2;
      for (size_t i = 2; i < cl->n_parts; i++) {
        int64_t v, lo, hi;
        int dd;
        if (!amount_interval(cl->parts[i], u, &v, &lo, &hi, &dd)) return;
        dv += v;
        dlo += lo;
        dhi += hi;
      }
    } else if (!amount_interval(wt, u, &dv, &dlo, &dhi, &ddec)) {
      return;
    }
  }
  (void)ddec;
  (void)ndec;
  int64_t pv;
  int pd;
  if (!pct_parse(cl->text, &pv, &pd) || dhi <= 0) return;
  /* 100·N/D reaches into [(2pv − 1), (2pv + 1)] / (2·10^pd): the smallest
   * ratio nlo/dhi is not above the top, the largest nhi/dlo (unbounded
   * when dlo ≤ 0) not below the bottom. */
  __int128 scale = 1;
  for (int i = 0; i < pd; i++) scale *= 10;
  bool lo_ok = (__int128)200 * nlo * scale <= (__int128)(2 * pv + 1) * dhi;
  bool hi_ok =
      dlo <= 0 || (__int128)200 * nhi * scale >= (__int128)(2 * pv - 1) * dlo;
  (void)corner;
  if (lo_ok && hi_ok) return;
  /* the percentage the printed figures give, half-up at pd decimals */
  __int128 num = (__int128)200 * nv * scale + dv;
  int64_t want = dv ? (int64_t)(num / (2 * (__int128)dv)) : 0;
  char exp[64], got[64];
  snprintf(got, sizeof got, "%s%%", cl->text);
  if (pd > 6) pd = 6;
  if (pd) {
    char frac[16];
    snprintf(frac, sizeof frac, "%06lld",
             (long long)(want % (int64_t)scale) * (1000000 / (int64_t)scale));
    frac[pd] = '\0';
    snprintf(exp, sizeof exp, "%lld.%s%%", (long long)(want / (int64_t)scale),
             frac);
  } else {
    snprintf(exp, sizeof exp, "%lld%%", (long long)want);
  }
  ys_finding *f = ck_add_finding(
      c, change ? "narrative.change" : "narrative.share", YS_SEV_ERROR);
  if (!f) return;
  char msg[1024];
  if (change)
    snprintf(
        msg, sizeof msg,
        "说明称变动 %s 万元、变动比例 %s，按所述数字（本年 %s 万元，上年应为 "
        "本年减变动额）应为 %s",
        cl->parts[1], got, cl->parts[0], exp);
  else
    snprintf(msg, sizeof msg, "说明称 %s 万元占 %s，按所述数字应为 %s",
             cl->parts[0], got, exp);
  f->file = ck_fs(c, d->file);
  f->line = cl->line;
  f->table = ck_fs(c, "情况说明");
  f->row = ck_fs(c, cl->subject);
  f->found = ck_fs(c, got);
  f->expected = ck_fs(c, exp);
  f->message = ck_fs(c, msg);
}
void ck_observe_claims(chk *c) {
  const ys_rdoc *d = c->doc;
  for (size_t i = 0; i < d->n_claims; i++) {
    const ys_rclaim *cl = &d->claims[i];
    if (cl->kind == YS_CLAIM_MISSING) {
      ys_finding *f =
          ck_add_finding(c, "narrative.missing-figure", YS_SEV_WARNING);
      if (!f) return;
      char msg[1024];
      snprintf(msg, sizeof msg, "说明中“%s”缺少数字：%s", cl->subject,
               cl->sentence);
      f->file = ck_fs(c, d->file);
      f->line = cl->line;
      f->table = ck_fs(c, "情况说明");
      f->row = ck_fs(c, cl->subject);
      f->message = ck_fs(c, msg);
      continue;
    }
    if (cl->kind == YS_CLAIM_SHARE || cl->kind == YS_CLAIM_CHANGE) {
      ratio_claim(c, cl);
      continue;
    }
    if (cl->kind == YS_CLAIM_SUM) {
      /* the whole the text states against the parts it lists */
      ys_amount am;
      if (ys_money_parse(&am, cl->text, strlen(cl->text), cl->unit, NULL))
        continue;
      const char *tag = ys_arena_printf(c->a, "text-sum:%zu", i);
      int w = ck_add_obs(c, tag, &am, cl->unit, d->file, "情况说明",
                         cl->subject, "", cl->text, cl->line);
      if (w < 0) return;
      c->o[w].narrative = true;
      ident *x = ck_add_ident(c, "narrative.parts-sum", (int)cl->n_parts + 1);
      if (!x) return;
      x->idx[x->n] = w;
      x->coef[x->n++] = -1;
      x->anchor = w;
      for (size_t k = 0; k < cl->n_parts; k++) {
        ys_amount pa;
        if (ys_money_parse(&pa, cl->parts[k], strlen(cl->parts[k]), cl->unit,
                           NULL))
          continue;
        int o = ck_add_obs(c, ys_arena_printf(c->a, "%s:%zu", tag, k), &pa,
                           cl->unit, d->file, "情况说明", cl->subject, "",
                           cl->parts[k], cl->line);
        if (o < 0) return;
        c->o[o].narrative = true;
        x->idx[x->n] = o;
        x->coef[x->n++] = 1;
      }
      continue;
    }
    ys_qexpr q;
    char err[128];
    ys_amount am;
    if (ys_qexpr_parse(&q, cl->quantity, c->a, err, sizeof err) != YS_OK ||
        ys_money_parse(&am, cl->text, strlen(cl->text), cl->unit, NULL) !=
            YS_OK)
      continue;
    const char *key = ys_qexpr_key(c->a, &q);
    int o = ck_add_obs(c, key ? key : "none", &am, cl->unit, d->file,
                       "情况说明", cl->subject, "", cl->text, cl->line);
    if (o >= 0) {
      c->o[o].narrative = true;
      c->o[o].unclear = cl->period_unclear;
    }
  }
}
