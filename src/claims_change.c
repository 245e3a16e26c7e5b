/*
 * claims_change.c - claims from statements (claims_impl.h): a change and
 * its rate against the base the text states (比上年, a year, the budget;
 * the prior amount or both years stated), a share of its part and whole,
 * a completion rate of the budget stated, a difference of two stated
 * figures.
 */
#include <stdio.h>

#include "claims_impl.h"

/* The amount of the paragraph that a base names: an amount stated for the
 * year (or as the budget) of the same subject, before position (si, k). */
/* same_subject of two subjects without the words of their measure (预算总
 * 收入 and 决算总收入: one thing budgeted and spent). */
static bool same_unmeasured(const char *a, const char *b) {
  char x[2][512];
  const char *in[2] = {a, b};
  static const char *const drop[] = {"预算数", "决算数", "执行数", "预算",
                                     "决算"};
  for (int i = 0; i < 2; i++) {
    snprintf(x[i], sizeof x[i], "%s", in[i]);
    for (size_t d = 0; d < sizeof drop / sizeof drop[0]; d++)
      for (char *q; (q = strstr(x[i], drop[d]));)
        memmove(q, q + strlen(drop[d]), strlen(q + strlen(drop[d])) + 1);
    /* and the verb an actual is stated with ("完成一般公共预算收入") */
    static const char *const verb[] = {"完成", "实现"};
    for (size_t v = 0; v < 2; v++)
      if (cl_starts(x[i], verb[v]))
        memmove(x[i], x[i] + strlen(verb[v]),
                strlen(x[i] + strlen(verb[v])) + 1);
  }
  return cl_same_subject(x[0], x[1]);
}

static const tk *find_base(const para *pg, size_t si, size_t k, const tk *cur,
                           int base, int year, int doc_year) {
  for (size_t s = si + 1; s-- > 0;) {
    const sent *st = &pg->s[s];
    size_t end = s == si ? k : st->nt;
    for (size_t j = end; j-- > 0;) {
      const tk *t = &st->t[j];
      if (t->role != R_STATE || t == cur) continue;
      bool subj = cl_same_subject(t->subject, cur->subject) ||
                  cl_generic(t->subject) || cl_generic(cur->subject) ||
                  same_unmeasured(t->subject, cur->subject);
      if (!subj) continue;
      if (base == B_BUDGET && t->measure == YS_PHASE_BUDGET &&
          cur->measure != YS_PHASE_BUDGET)
        return t;
      if (base == B_YEAR && t->syear && t->syear == year &&
          t->syear != (cur->syear ? cur->syear : doc_year))
        return t;
      if (base == B_PRIOR && doc_year && t->syear &&
          t->syear == (cur->syear ? cur->syear : doc_year) - 1)
        return t;
    }
  }
  return NULL;
}

/* Do two wholes list the same parts by name (two or more each)? Such
 * wholes are one thing, stated for two years or measures: "预算 94.28 亿
 * 元。其中,因公出国(境)经费…" and "决算支出 94.7 亿元。其中,因公出国(境)
 * 经费…". */
static bool same_parts(const para *pg, const tk *a, const tk *b) {
  size_t na = 0, nb = 0, hit = 0;
  for (size_t s = 0; s < pg->n; s++)
    for (size_t j = 0; j < pg->s[s].nt; j++) {
      const tk *t = &pg->s[s].t[j];
      nb += t->headp == b;
      if (t->headp != a) continue;
      na++;
      bool found = false;
      for (size_t s2 = 0; s2 < pg->n && !found; s2++)
        for (size_t j2 = 0; j2 < pg->s[s2].nt && !found; j2++) {
          const tk *u = &pg->s[s2].t[j2];
          found = u->headp == b && cl_same_subject(u->subject, t->subject);
        }
      hit += found;
    }
  return na >= 2 && na == nb && hit == na;
}

/* The base of a change stated after it in the paragraph ("与 2010 年决算数
 * 相比,2011 年…预算减少 0.42 亿元。…2010 年…决算支出 94.7 亿元。其中…"):
 * an amount of the base's year that lists the same parts as the current
 * one (a name alone, stated later, could be another thing). */
static const tk *find_base_after(const para *pg, size_t si, size_t k,
                                 const tk *cur, int base, int year,
                                 int doc_year) {
  int cy = cur->syear ? cur->syear : doc_year;
  int want = base == B_YEAR ? year : base == B_PRIOR && cy ? cy - 1 : 0;
  if (!want || want == cy) return NULL;
  for (size_t s = si; s < pg->n; s++) {
    const sent *st = &pg->s[s];
    for (size_t j = s == si ? k + 1 : 0; j < st->nt; j++) {
      const tk *t = &st->t[j];
      if (t->role != R_STATE || t == cur || t->unit != cur->unit) continue;
      /* its year: its subject's, or the sentence's before it ("2010 年中
       * 央本级,包括…决算支出 94.7 亿元") */
      int ty = t->syear;
      for (size_t q = j; !ty && q-- > 0;) {
        if (st->t[q].kind == TK_YEAR) ty = st->t[q].year;
        if (st->t[q].role == R_STATE) break;
      }
      if (ty == want && same_parts(pg, cur, t)) return t;
    }
  }
  return NULL;
}

/* --- claims from statements ---------------------------------------------- */

/* A change stated after the last part of a list, none of whose other parts
 * has one ("总预算 37337407.64 元,其中:基本支出预算 488180.64 元,项目支出
 * 预算 36849227 元,同比增加 27125219.46 元"): the change may be the
 * whole's as well as that part's, and either reading is checked. */
static bool change_of_whole_too(const para *pg, const tk *cur) {
  const tk *w = cur->headp;
  if (!w || w->kind != TK_AMT || w->unit != cur->unit) return false;
  bool after = false;
  for (size_t s = 0; s < pg->n; s++)
    for (size_t j = 0; j < pg->s[s].nt; j++) {
      const tk *u = &pg->s[s].t[j];
      if (u->headp != w || u == cur) {
        if (u == cur) after = true;
        continue;
      }
      if (after || u->delta || u->rate)
        return false; /* not the last, or
                         a part with its own */
    }
  return true;
}

/* Is the amount stated on a comparable basis: 同口径 / 可比口径 in its own
 * clause before it? */
static bool restated(const tk *cur) {
  const sent *st = cur->owner;
  size_t b = cur->b;
  while (b > 0 && st->s[b - 1] != ',' && st->s[b - 1] != ';' &&
         st->s[b - 1] != ':')
    b--;
  return ys_text_has(st->s + b, cur->b - b, "同口径") ||
         ys_text_has(st->s + b, cur->b - b, "可比口径");
}

/* A change t from the prior pr stated with it: the difference of the
 * current cur (when known) and pr, and the change's rate (when said) of
 * pr. */
/* The change t as the difference of a and b (a − b, in t's direction). */
static void difference_claim(cr *r, sent *st, const char *subj, const tk *t,
                             const tk *a, const tk *b) {
  ys_rclaim *dc = cl_claim(r, st, YS_CLAIM_DIFFERENCE, subj, t);
  if (!dc) return;
  const tk *w[2] = {a, b};
  cl_set_parts(r, dc, w, NULL, 2);
  dc->dir = t->dir;
}

static void against_prior(cr *r, sent *st, const char *subj, tk *t,
                          const tk *cur, const tk *pr) {
  if (cur) difference_claim(r, st, subj, t, cur, pr);
  if (r->rc) return;
  tk *rt = t->rate;
  if (rt) {
    ys_rclaim *pc = cl_claim(r, st, YS_CLAIM_CHANGE, subj, rt);
    if (!pc) return;
    const tk *w[2] = {t, pr};
    int ng[2] = {t->dir < 0, 0};
    cl_set_parts(r, pc, w, ng, 2);
    pc->how = YS_CHANGE_BASE;
    pc->dir = t->dir;
    rt->used = true;
  }
  t->used = true;
}

/* "2016 年三公经费预算拨入 33 万元,2015 年三公经费预算拨入 57.55 万元,与
 * 上年对比减少 24.55 万元": a change against last year after the amounts
 * of both years, of one subject, each stated with its year: the change
 * is their difference (and its rate of the earlier). true when claimed. */
static bool years_difference(cr *r, sent *st, size_t k, tk *t) {
  /* (or none said: the two years before it are the comparison) */
  if (t->base != B_PRIOR && t->base != B_YEAR && t->base != B_NONE)
    return false;
  int doc = r->x->year;
  const tk *cur = NULL, *pr = NULL;
  size_t pairs = 0;
  for (size_t j = 0; j < k; j++) {
    const tk *a = &st->t[j];
    int ya = a->syear ? a->syear : doc; /* (0: the document's year) */
    if (a->role != R_STATE || a->kind != TK_AMT || !ya) continue;
    for (size_t i = j + 1; i < k; i++) {
      const tk *b = &st->t[i];
      int yb = b->syear ? b->syear : doc;
      if (b->role != R_STATE || b->kind != TK_AMT || !yb || ya == yb) continue;
      const tk *hi = ya > yb ? a : b, *lo = hi == a ? b : a;
      int yh = ya > yb ? ya : yb, yl = ya > yb ? yb : ya;
      if (yh != yl + 1 || (doc && yh != doc) ||
          (t->base == B_YEAR && t->base_year && yl != t->base_year) ||
          (!cl_same_subject(hi->subject, lo->subject) &&
           !cl_generic(lo->subject) && *lo->subject))
        continue;
      cur = hi, pr = lo;
      pairs++;
    }
  }
  if (pairs != 1) return false;
  against_prior(r, st, cur->subject, t, cur, pr);
  return true;
}

void cl_change_claims(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t k = 0; k < st->nt && !r->rc; k++) {
    tk *t = &st->t[k];
    if (t->role == R_DELTA) {
      tk *cur = t->stmt, *rt = t->rate, *pr = t->prior;
      const char *subj = cur ? cur->subject : t->dsubj;
      if (pr) {
        /* the prior stated with the change: "比上年 X 万元减少 d 万元" */
        against_prior(r, st, subj, t, cur, pr);
        pr->used = true;
        continue;
      }
      /* (the amount before the change is the earlier year's: the change
       * runs from it to the later one stated before it) */
      if ((!cur || (cur->syear && cur->syear < r->x->year)) &&
          years_difference(r, st, k, t))
        continue;
      if (!cur) continue;
      /* a figure restated on a comparable basis ("地方一般公共预算收入(同
       * 口径)完成 30,161 万元,同比增长 14.6%,增收 4,376 万"): its rate is
       * of a restated prior the text does not give, so current − change is
       * no base; the rate is left unchecked (never an error from a guessed
       * base) */
      if (restated(cur)) continue;
      ys_rclaim *c = cl_claim(r, st, YS_CLAIM_CHANGE, subj, rt);
      if (!c) return;
      const tk *v[2] = {cur, t};
      int neg[2] = {0, t->dir < 0};
      cl_set_parts(r, c, v, neg, 2);
      c->how = YS_CHANGE_DELTA;
      c->dir = t->dir;
      c->alt = cl_doc_str(r, cur->alt);
      if (!c->alt && change_of_whole_too(pg, cur))
        c->alt = cl_doc_str(r, cur->headp->num);
      t->used = true;
      if (rt) rt->used = true;
      /* "…预算为 20 万元…。…支出共计 9.07 万元,较年初预算数减少 10.93
       * 万元": the base the change names, stated before under the same
       * name, and the change is their difference */
      if (t->base != B_NONE) {
        const tk *b =
            find_base(pg, si, k, cur, t->base, t->base_year, r->x->year);
        bool ok = b && b != cur && b->unit == cur->unit &&
                  (!cl_generic(b->subject) || !cl_generic(cur->subject)) &&
                  (cl_same_subject(b->subject, cur->subject) ||
                   same_unmeasured(b->subject, cur->subject));
        if (!ok) {
          b = find_base_after(pg, si, k, cur, t->base, t->base_year,
                              r->x->year);
          ok = b != NULL;
        }
        if (ok) difference_claim(r, st, subj, t, cur, b);
        if (r->rc) return;
      }
      continue;
    }
    if (t->role != R_RATE || t->used || t->delta) continue;
    /* a rate without its change: measured from a prior in its clause, or
     * from a base the paragraph states ("比 2025 年预算执行数增加 17.62%") */
    tk *cur = t->stmt;
    if (!cur) continue;
    const tk *prior = t->prior;
    if (!prior && t->base != B_NONE)
      prior = find_base(pg, si, k, cur, t->base, t->base_year, r->x->year);
    if (!prior) continue;
    ys_rclaim *c = cl_claim(r, st, YS_CLAIM_CHANGE, cur->subject, t);
    if (!c) return;
    const tk *v[2] = {cur, prior};
    cl_set_parts(r, c, v, NULL, 2);
    c->how = YS_CHANGE_PRIOR;
    c->dir = t->dir;
    c->alt = cl_doc_str(r, cur->alt);

    t->used = true;
  }
}

/* The text between 占 (or 完成, 为) and a percentage: the whole's name. */
static const char *whole_name(cr *r, const sent *st, size_t k) {
  const char *p;
  size_t n;
  cl_pre_text(st, k, &p, &n);
  const char *z = cl_rfind_n(p, n, "占");
  size_t skip = 3;
  if (!z) {
    z = cl_rfind_n(p, n, "完成");
    skip = 6;
  }
  if (!z) {
    z = cl_rfind_n(p, n, "为");
    skip = 3;
  }
  if (!z) return "";
  const char *w = z + skip;
  size_t wn = (size_t)(p + n - w);
  static const char *const tails[] = {
      "的比重为", "的比重", "比重为", "比重", "的比例为", "比例为",
      "的比例",   "比例",   "的",     "为",   "约",       "达到",
      "达",       "分别为", "分别是", "分别", "比"};
  for (bool again = true; again;) {
    again = false;
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++)
      if (cl_ends_with(w, wn, tails[i])) {
        wn -= strlen(tails[i]);
        again = true;
      }
  }
  int y, m;
  const char *name = cl_clean_subject(r, w, wn, &y, &m);
  return name ? name : "";
}

/* A percentage as written ("12.5", "0.07") in hundredths of a percent:
 * read as an amount in 元, whose 分 are exactly those; -1 when it has more
 * than two decimals or is no number. */
static long long hundredths_of(const char *num) {
  ys_amount am;
  if (ys_money_parse(&am, num, strlen(num), YS_UNIT_YUAN, NULL) != YS_OK ||
      am.empty || am.decimals > 2)
    return -1;
  return am.fen;
}

/* Do the shares the sentence states with no whole named ("公务接待费支出
 * 决算 30.00 万元,占 59.40%;公务用车…12.00 万元,占 93.75%") add up to
 * well over 100 %? Then they are not of one whole (here each part's rate
 * of its own budget), and none is checked as a share of one. */
static bool unnamed_shares_over_100(cr *r, const sent *st) {
  double sum = 0, slack = 0;
  size_t n = 0;
  for (size_t k = 0; k < st->nt; k++) {
    const tk *t = &st->t[k];
    if (t->role != R_SHARE || (t->whole && t->whole->role == R_WHOLE) ||
        *whole_name(r, st, k))
      continue;
    sum += atof(t->num);
    const char *dot = strchr(t->num, '.');
    double h = 0.5;
    for (const char *q = dot ? dot + 1 : ""; *q; q++) h /= 10;
    slack += h;
    n++;
  }
  return n >= 2 && sum > 100 + slack;
}

/* The quantity a name means by the vocabulary ("一般公共预算支出": exp;
 * fund=gpb); false when the vocabulary does not read the name whole, or
 * it names no source, another year, a measure not the document's, or
 * anything but an amount or a total. */
static bool named_filter(cr *r, const char *name, ys_qfilter *out) {
  ys_meaning m;
  if (!r->x->vocab || ys_vocab_parse(r->x->vocab, name, &m, r->a)) return false;
  uint32_t own = 1u << (r->x->final ? YS_PHASE_FINAL : YS_PHASE_BUDGET);
  if (!ys_meaning_names_amount(&m) || m.q.src == YS_Q_NONE ||
      (m.measures & ~own))
    return false;
  *out = m.q;
  return true;
}

/* A share's whole named and not stated, for the tables to give its
 * amount: its quantity (NULL none, see named_filter). */
static const char *named_quantity(cr *r, const char *name) {
  ys_qfilter q;
  if (!named_filter(r, name, &q)) return NULL;
  const char *k = ys_qfilter_text(r->a, &q);
  return k ? cl_doc_str(r, k) : NULL;
}

void cl_share_claims(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  bool over = unnamed_shares_over_100(r, st);
  for (size_t k = 0; k < st->nt && !r->rc; k++) {
    tk *t = &st->t[k];
    if (t->role != R_SHARE || t->used) continue;
    tk *part = t->stmt;
    if (!part) continue;
    const tk *whole = t->whole;
    /* "占年初预算 10065 万元的 43.2%": the whole is said with it */
    bool said = whole && whole->role == R_WHOLE;
    /* "…分别为 a 和 b,占全国政府采购规模的 8.1% 和 91.9%": the list's
     * first percentage names the whole of all */
    size_t k0 = k;
    while (k0 > 0 && t->list && st->t[k0 - 1].list == t->list) k0--;
    if (!whole && k0 < k && st->t[k0].role == R_SHARE && st->t[k0].whole)
      whole = st->t[k0].whole;
    if (!whole) {
      const char *name = whole_name(r, st, k0);
      const char *hk = part->headp ? cl_match_key(r, part->headp->subject) : "";
      const char *nk = *name ? cl_match_key(r, name) : "";
      size_t hl = strlen(hk), nl = strlen(nk);
      /* (a whole named as a total, "支出总预算", is not a list's whole
       * that only ends with its words and names no total, "项目支出预算") */
      bool total = strstr(name, "总") || strstr(name, "合计");
      if (*name && part->headp && !cl_generic(name) &&
          (cl_name_score(r, part->headp->subject, name) ||
           (nl >= 6 && hl >= nl && !strcmp(hk + hl - nl, nk) &&
            !strstr(hk, "和") && !strstr(hk, "及") && !strstr(hk, "、") &&
            (!total || strstr(part->headp->subject, "总") ||
             strstr(part->headp->subject, "合计")))))
        whole = part->headp; /* the whole of its list, by name */
      else if (*name && !cl_generic(name))
        whole = cl_find_named(r, pg, si, k, name, 0, part, true);
      else if (part->headp)
        whole = part->headp; /* unnamed: the whole of its list */
      else if (*name && si > 0 && !cl_head_of(st)->headp &&
               cl_head_of(&pg->s[si - 1]) &&
               cl_yuan(cl_head_of(&pg->s[si - 1])) >= cl_yuan(part))
        whole = NULL;
    }
    if (!whole && !*whole_name(r, st, k0) && !part->headp) {
      /* "卫生健康支出 3295.19 万元,占 89.34%;农林水支出 303 万元,占
       * 8.21%…": every amount of the sentence with its share, the shares
       * making 100 %: each is a share of their sum */
      const tk *all[64];
      size_t na = 0;
      double pct = 0;
      long long hundredths = 0; /* the sum exactly, when no share has more
                                   than two decimals (-1 otherwise) */
      bool every = true;
      for (size_t j = 0; j < st->nt && every && na < 64; j++) {
        const tk *u = &st->t[j];
        if (u->role != R_STATE) continue;
        every = u->share && !*whole_name(r, st, (size_t)(u->share - st->t));
        if (every) {
          const char *num = u->share->num;
          pct += atof(num);
          long long h = hundredths_of(num);
          hundredths = hundredths < 0 || h < 0 ? -1 : hundredths + h;
          all[na++] = u;
        }
      }
      if (every && na >= 2 && pct > 99.5 && pct < 100.5) {
        ys_rclaim *c = cl_claim(r, st, YS_CLAIM_SHARE, part->subject, t);
        if (!c) return;
        const tk *v[64];
        size_t nv = 0;
        v[nv++] = part;
        for (size_t j = 0; j < na; j++)
          if (all[j] != part) v[nv++] = all[j];
        cl_set_parts(r, c, v, NULL, nv);
        c->how = YS_SHARE_OF_SUM;
        c->to_hundred = hundredths == 10000;
        t->used = true;
        continue;
      }
    }
    if (!whole) {
      /* a whole named and not stated: its amount is the tables' (checked
       * when a table prints that quantity) */
      const char *name = whole_name(r, st, k0);
      const char *q =
          *name && !cl_generic(name) ? named_quantity(r, name) : NULL;
      if (q) {
        ys_rclaim *c = cl_claim(r, st, YS_CLAIM_SHARE, part->subject, t);
        if (!c) return;
        const tk *v[1] = {part};
        cl_set_parts(r, c, v, NULL, 1);
        c->whole_quantity = q;
        t->used = true;
      }
      continue;
    }
    if (whole == part) continue;
    t->whole = (tk *)whole;
    bool named = said ||
                 (st->t[k0].whole && st->t[k0].whole->role == R_WHOLE) ||
                 *whole_name(r, st, k0);
    ys_rclaim *c = cl_claim(r, st, YS_CLAIM_SHARE, part->subject, t);
    if (!c) return;
    const tk *v[2] = {part, whole};
    cl_set_parts(r, c, v, NULL, 2);
    c->alt = cl_doc_str(r, part->alt);
    t->used = true;
    if (over && !named) {
      c->kind = YS_CLAIM_UNCHECKED;
      c->note = "未写明占何总数，所列各项比例合计超过 100%，不是同一总数的"
                "占比";
    }
  }
}

/* How far from its budget an actual may be without a reason given: ten
 * points of the completion rate either way (the 决算 公开 rule asks for a
 * reason where the two differ much; ten per cent is the line the
 * provinces' templates draw). */
enum { REASON_POINTS = 10 };

/* Is a completion rate ("43", "105.2") REASON_POINTS or more from 100? */
static bool far_from_budget(const char *rate) {
  double v = atof(rate);
  return v <= 100 - REASON_POINTS || v >= 100 + REASON_POINTS;
}

/* Does the rest of sentence si from byte `from` give a reason (原因, 主要
 * 是, 由于, 因…; not 因公出国), the next sentence open with one ("主要原
 * 因是…", "这主要是由于…"), or a later one of the paragraph give the
 * reason of a difference from the budget? */
static bool reason_after(const para *pg, size_t si, size_t from) {
  static const char *const w[] = {"原因", "主要是", "主要用于", "由于",
                                  "因为", "用于",   "系"};
  const sent *st = &pg->s[si];
  size_t b = from < st->n ? from : st->n;
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (ys_text_has(st->s + b, st->n - b, w[i])) return true;
  for (size_t k = b; k + 3 <= st->n; k++)
    if (cl_starts(st->s + k, "因") && !cl_starts(st->s + k, "因公"))
      return true;
  /* a sentence of the paragraph after it on the difference's reason ("…决
   * 算数小于年初预算数的主要原因是…", after the parts) */
  for (size_t s = si + 1; s < pg->n; s++) {
    const char *t = pg->s[s].s;
    size_t n = pg->s[s].n;
    bool cmp = ys_text_has(t, n, "大于") || ys_text_has(t, n, "小于") ||
               ys_text_has(t, n, "高于") || ys_text_has(t, n, "低于") ||
               ys_text_has(t, n, "超过");
    if (ys_text_has(t, n, "原因") &&
        (ys_text_has(t, n, "差异") ||
         (cmp && ys_text_has(t, n, "决算") && ys_text_has(t, n, "预算"))))
      return true;
  }
  if (si + 1 >= pg->n) return false;
  const char *n = pg->s[si + 1].s;
  if (cl_starts(n, "这") || cl_starts(n, "其")) n += 3;
  if (cl_starts(n, "主要")) n += 6;
  return cl_starts(n, "原因") || cl_starts(n, "是") || cl_starts(n, "由于") ||
         (cl_starts(n, "因") && !cl_starts(n, "因公"));
}

/* Which budget the words just before byte b of a sentence name: 1 the
 * 年初预算, 2 the 全年 (调整) 预算, 0 neither ("完成预算的"). */
static int budget_named(const char *s, size_t b) {
  size_t from = b > 24 ? b - 24 : 0;
  int kind = 0;
  for (size_t i = from; i + 6 <= b; i++) {
    if (cl_starts(s + i, "年初")) kind = 1;
    if (cl_starts(s + i, "全年") || cl_starts(s + i, "调整")) kind = 2;
  }
  return kind;
}

void cl_completion_claims(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t k = 0; k < st->nt && !r->rc; k++) {
    tk *t = &st->t[k];
    if (t->role != R_COMPL || t->used) continue;
    tk *act = t->stmt;
    if (!act) continue;
    /* the budget: named with the rate, or stated as such before; a rate
     * of the 年初预算 is of the figure stated as 年初预算, not of the 全年
     * 预算 stated after it ("年初预算为 0 万元，全年预算为 321.02 万元，…完成
     * 年初预算的 95.89%") */
    const tk *bud = t->whole;
    for (size_t s = si + 1; s-- > 0 && !bud;) {
      const sent *ss = &pg->s[s];
      size_t end = s == si ? k : ss->nt;
      for (size_t j = end; j-- > 0 && !bud;) {
        const tk *u = &ss->t[j];
        /* a budget stated, or named with an earlier rate ("完成预算
         * 105425 万元的 5.39%") */
        if ((u->role == R_STATE || u->role == R_WHOLE) && u != act &&
            u->measure == YS_PHASE_BUDGET &&
            (cl_same_subject(u->subject, act->subject) ||
             same_unmeasured(u->subject, act->subject) ||
             cl_generic(u->subject) || cl_generic(act->subject)))
          bud = u;
      }
    }
    /* The rate names its budget (年初 or 全年) and the one found is the
     * other: the figure stated as the named one in the same sentence is
     * the base ("年初预算为 0 万元，全年预算为 321.02 万元，…完成年初预算的
     * 95.89%" is a rate of 0, not of 321.02). */
    int named = budget_named(st->s, t->b);
    if (bud && bud->owner == st && named) {
      int bk = budget_named(st->s, bud->b);
      for (size_t j = k; bk && bk != named && j-- > 0;) {
        const tk *u = &st->t[j];
        if ((u->role == R_STATE || u->role == R_WHOLE) && u != act &&
            u->measure == YS_PHASE_BUDGET &&
            budget_named(st->s, u->b) == named) {
          bud = u;
          break;
        }
      }
    }
    if (!bud) {
      /* "…决算为 68.3 万元,完成年初预算的 88.7%": the budget the rate
       * names (or not), of the actual's quantity, as the tables print it
       * (a 决算's 年初预算数 / 调整预算数 columns) */
      ys_qfilter q;
      if (!r->x->final || !named_filter(r, act->subject, &q)) continue;
      /* (unnamed: either, as the tables print one) */
      q.phases = 1u << (named == 2 ? YS_PHASE_ADJUSTED : YS_PHASE_BUDGET);
      const char *k = ys_qfilter_text(r->a, &q);
      q.phases = 1u << YS_PHASE_ADJUSTED;
      const char *alt = named ? "" : ys_qfilter_text(r->a, &q);
      ys_rclaim *c = k && alt
                         ? cl_claim(r, st, YS_CLAIM_COMPLETION, act->subject, t)
                         : NULL;
      if (!c) return;
      const tk *v[1] = {act};
      cl_set_parts(r, c, v, NULL, 1);
      c->whole_quantity = cl_doc_str(r, k);
      c->whole_alt = *alt ? cl_doc_str(r, alt) : NULL;
      t->used = true;
      continue;
    }
    ys_rclaim *c = cl_claim(r, st, YS_CLAIM_COMPLETION, act->subject, t);
    if (!c) return;
    const tk *v[2] = {act, bud};
    cl_set_parts(r, c, v, NULL, 2);
    t->used = true;
    /* a 决算 explains an actual far from its budget */
    if (r->x->final && far_from_budget(t->num) && !reason_after(pg, si, t->e)) {
      ys_rclaim *u = cl_claim(r, st, YS_CLAIM_UNEXPLAINED, act->subject, t);
      if (!u) return;
      cl_set_parts(r, u, v, NULL, 2);
    }
  }
}
