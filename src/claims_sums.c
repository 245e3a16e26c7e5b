/*
 * claims_sums.c - sums and the other claims over several amounts
 * (claims_impl.h): the sum of a list of parts and its companions (the
 * changes of the parts against the whole's), totals after their parts,
 * sums of parts added up in the text, of shares of one group, of paired
 * changes, balances (收入 - 支出), reasons stated for a change, repeated
 * figures; and shares of one whole stated apart across the text.
 */
#include "claims_impl.h"

/* --- sums of listed parts ---------------------------------------------- */

static bool known_partition(cr *r, const tk *whole, const tk **parts,
                            size_t n) {
  /* the parts' meanings cover the whole's: 基本 + 项目, 人员 + 公用, the
   * three 三公 items, 购置 + 运行, 货物 + 工程 + 服务 */
  ys_meaning wm;
  if (ys_vocab_parse(r->x->vocab, whole->subject, &wm, r->a)) return false;
  uint32_t kinds = 0, natures = 0;
  ys_qcodes econ = {0};
  int goods = 0;
  for (size_t i = 0; i < n; i++) {
    ys_meaning m;
    if (ys_vocab_parse(r->x->vocab, parts[i]->subject, &m, r->a)) return false;
    kinds |= m.q.kinds;
    natures |= m.q.natures;
    for (int c = 0; c < m.q.econ.n; c++) ys_qcodes_add(&econ, m.q.econ.v[c]);
    const char *s = parts[i]->subject;
    goods += strstr(s, "货物") != NULL;
    goods += strstr(s, "工程") != NULL;
    goods += strstr(s, "服务") != NULL;
  }
  uint32_t kb = (1u << 1) | (1u << 2); /* basic, project */
  if ((kinds & kb) == kb && n == 2) return true;
  uint32_t nb = (1u << 1) | (1u << 2); /* personnel, public */
  if ((natures & nb) == nb && n == 2) return true;
  if (wm.q.econ.n && econ.n) {
    /* every code of the whole covered by a part */
    bool all = true;
    for (int i = 0; i < wm.q.econ.n && all; i++) {
      bool in = false;
      for (int j = 0; j < econ.n && !in; j++)
        in = !strcmp(wm.q.econ.v[i], econ.v[j]);
      all = in;
    }
    if (all && econ.n == wm.q.econ.n) return true;
  }
  if (goods >= 3 && n == 3) return true;
  return false;
}

/* Percentages given for every part of a list add up to about 100: the
 * list is the whole, not a selection. */
static bool shares_complete(const tk **parts, size_t n, const tk *whole) {
  double pct = 0;
  for (size_t i = 0; i < n; i++) {
    const tk *s = parts[i]->share;
    if (!s || s->whole != whole) return false;
    pct += atof(s->num);
  }
  return pct > 99.5 && pct < 100.5;
}

/* Does the text after stated amount t, to the next figure or the end of
 * its clause group (；。), say the amount did not change ("与上年持平",
 * "无变化", "无增减")? */
static const char *const flat_words[] = {"持平",     "无变化", "无增减",
                                         "没有变化", "未变化", "不变"};

static bool flat_in(const sent *st, size_t b, size_t e) {
  for (size_t k = 0; k < sizeof flat_words / sizeof *flat_words; k++)
    if (e > b && ys_text_has(st->s + b, e - b, flat_words[k])) return true;
  return false;
}

static bool stated_flat(const sent *st, const tk *t) {
  size_t e = st->n;
  for (size_t i = 0; i < st->nt; i++)
    if (st->t[i].b >= t->e && st->t[i].b < e &&
        (st->t[i].kind == TK_AMT || st->t[i].kind == TK_PCT))
      e = st->t[i].b;
  /* a ；right after the amount still leads to what is said of it
   * ("8.2 万元；与上年预算数持平") */
  for (size_t i = t->e; i < e; i++)
    if ((st->s[i] == ';' && i > t->e) || cl_starts(st->s + i, "。")) {
      e = i;
      break;
    }
  return flat_in(st, t->e, e);
}

/* Is the change measured against a budget (this year's, or one the base
 * names: "比 2023 年预算数", "比上年年初预算")? */
static bool of_budget(const tk *d) {
  return d->base == B_BUDGET || d->base_phase == YS_PHASE_BUDGET;
}

/* A part's change: the one stated, or a zero when the text says it is
 * unchanged (a token made for it, in the unit of the whole's change). */
static const tk *part_change(cr *r, const tk *part, const tk *whole_delta) {
  const tk *d = part->delta;
  if (d && d->kind != TK_AMT) return NULL;
  /* a change against the budget where the whole's is against last year, or
   * the other way ("…较年初预算数 0 万元无增减变化,较上年 3.15 万元减少
   * 3.15 万元"): the part's change of the whole's kind is the one said
   * before it, or none */
  bool other = d && of_budget(d) != of_budget(whole_delta);
  if (d && !other) return d;
  if (!part->owner) return NULL;
  if (other ? !flat_in(part->owner, part->e, d->b)
            : !stated_flat(part->owner, part))
    return NULL;
  tk *z = ys_arena_alloc(r->a, sizeof *z);
  if (!z) {
    r->rc = YS_ENOMEM;
    return NULL;
  }
  *z = *whole_delta;
  z->num = z->shown = "0";
  z->dir = 0;
  z->owner = part->owner;
  z->b = part->b;
  z->e = part->e;
  return z;
}

/* The sums a list implies beyond its amounts: the changes of the parts add
 * up to the change of the whole (a part said to be unchanged adds 0),
 * their budgets to its budget, their shares to 100 %. */
static void companion_sums(cr *r, const sent *st, tk *whole, const tk **parts,
                           size_t np, bool exhaustive, size_t parent) {
  const tk *v[64];
  int neg[64];
  /* changes */
  if (whole->delta && whole->delta->kind == TK_AMT) {
    size_t n = 0;
    size_t stated = 0;
    for (size_t i = 0; i < np && i < 64; i++) {
      const tk *d = part_change(r, parts[i], whole->delta);
      if (!d) break;
      stated += d->dir != 0;
      neg[n] = d->dir < 0;
      v[n++] = d;
    }
    if (r->rc) return;
    /* every part accounted for, and at least one change stated */
    if (n == np && stated) {
      ys_rclaim *c =
          cl_claim(r, st, YS_CLAIM_SUM, whole->subject, whole->delta);
      if (!c) return;
      cl_set_parts(r, c, v, neg, n);
      if (whole->delta->dir < 0)
        c->text = ys_arena_printf(r->d->arena, "-%s", whole->delta->num);
      c->how = YS_SUM_CHANGES;
      c->exhaustive = exhaustive;
      c->parent = parent;
    }
  }
  /* budgets named with the completion rates */
  if (whole->whole) {
    size_t n = 0;
    for (size_t i = 0; i < np && parts[i]->whole; i++) v[n++] = parts[i]->whole;
    if (n == np) {
      ys_rclaim *c =
          cl_claim(r, st, YS_CLAIM_SUM, whole->whole->subject, whole->whole);
      if (!c) return;
      cl_set_parts(r, c, v, NULL, n);
      c->exhaustive = exhaustive;
      c->parent = parent;
    }
  }
  /* shares */
  size_t n = 0;
  for (size_t i = 0; i < np; i++) {
    const tk *s = parts[i]->share;
    if (!s || s->whole != whole) break;
    v[n++] = s;
  }
  if (n == np && np >= 2) {
    ys_rclaim *c = cl_claim(r, st, YS_CLAIM_SUM, whole->subject, NULL);
    if (!c) return;
    cl_set_parts(r, c, v, NULL, n);
    c->text = "100";
    c->percent = true;
    c->exhaustive = exhaustive;
    c->parent = parent;
  }
}

/* One list of parts and its whole: the sum, and what goes with it. */
/* Is the whole of another year than the one the parts' sentence names
 * before them ("2022 年…决算为 3.46 万元…。2023 年…决算中,因公出国(境)费
 * …")? Then it is not their whole. */
bool cl_other_year(const tk *whole, const tk *part) {
  int wy = cl_amount_year(whole, 0);
  const sent *st = part->owner;
  if (!wy || !st) return false;
  for (size_t j = 0; j < st->nt && &st->t[j] != part; j++)
    if (st->t[j].kind == TK_YEAR) return st->t[j].year != wy;
  return false;
}

void cl_list_sum(cr *r, sent *st, tk *whole, const tk **parts, size_t np,
                 bool exhaustive) {
  if (np && cl_other_year(whole, parts[0])) return;
  /* a part well over the whole is no part of it: the whole is another
   * amount (a list opened after a sentence on something else: "…结余 4091
   * 亿元。其中,…收入 17002 亿元;支出 16090 亿元") */
  for (size_t p = 0; p < np; p++)
    if (parts[p]->kind == TK_AMT && whole->kind == TK_AMT &&
        cl_yuan(whole) > 0 && cl_yuan(parts[p]) > cl_yuan(whole) * 1.1)
      return;
  ys_rclaim *c = cl_claim(r, st, YS_CLAIM_SUM, whole->subject, whole);
  if (!c) return;
  cl_set_parts(r, c, parts, NULL, np);
  c->exhaustive = exhaustive || shares_complete(parts, np, whole) ||
                  known_partition(r, whole, parts, np);
  companion_sums(r, st, whole, parts, np, c->exhaustive, r->d->n_claims);
}

/* "…164.03 亿元，以及对市县转移支付 378.22 亿元，合计 542.25 亿元": a
 * total stated after its parts. */
void cl_trailing_sums(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t k = 2; k < st->nt && !r->rc; k++) {
    tk *t = &st->t[k];
    if (t->role != R_STATE || t->headp) continue;
    const char *p;
    size_t n;
    cl_pre_text(st, k, &p, &n);
    if (!(ys_text_has(p, n, "合计") || ys_text_has(p, n, "共计") ||
          ys_text_has(p, n, "总计")))
      continue;
    /* "进口货物增值税、消费税和关税合计 X" names its own figure */
    if (*t->subject && !cl_generic(t->subject)) continue;
    const tk *parts[64];
    size_t np = 0;
    for (size_t j = 0; j < k && np < 64; j++) {
      tk *u = &st->t[j];
      if (u->role != R_STATE || u->depth != t->depth) continue;
      if (u->headp) {
        np = 0; /* parts of another list: not these */
        break;
      }
      parts[np++] = u;
    }
    if (np < 2) continue;
    for (size_t j = 0; j < np; j++) ((tk *)parts[j])->headp = t;
    cl_list_sum(r, st, t, parts, np, true);
  }
}

/* "…收入完成 147.1 亿元…。加上转移性收入 49.2 亿元,收入合计 196.3 亿元":
 * the total of the amount before and the one added. */
void cl_added_sums(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  if (si == 0 || !(cl_starts(st->s, "加上") || cl_starts(st->s, "再加上")))
    return;
  const tk *add = NULL, *tot = NULL;
  for (size_t k = 0; k < st->nt; k++) {
    if (st->t[k].role != R_STATE) continue;
    if (!add) {
      add = &st->t[k];
      continue;
    }
    const char *p;
    size_t n;
    cl_pre_text(st, k, &p, &n);
    if (ys_text_has(p, n, "合计") || ys_text_has(p, n, "共计") ||
        ys_text_has(p, n, "总计"))
      tot = &st->t[k];
    break;
  }
  tk *base = cl_head_of(&pg->s[si - 1]);
  if (base && base->headp) base = (tk *)base->headp; /* after a 其中 list */
  if (!add || !tot || !base || base->unit != add->unit) return;
  ys_rclaim *c = cl_claim(r, st, YS_CLAIM_SUM, tot->subject, tot);
  if (!c) return;
  const tk *v[2] = {base, add};
  cl_set_parts(r, c, v, NULL, 2);
  c->exhaustive = true;
}

/* "从收入结构看:税收收入 15348 万元,占收入的 89.99%;非税收入 1708 万元,
 * 占收入的 10.01%": parts of one named whole, given with their shares, in
 * one sentence with no opener: the sum of the parts (complete when the
 * shares make 100 %). */
void cl_share_group_sums(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t k = 0; k < st->nt && !r->rc; k++) {
    tk *t = &st->t[k];
    if (t->role != R_STATE || t->headp || !t->share || !t->share->whole ||
        !t->share->used)
      continue;
    tk *whole = t->share->whole;
    if (whole->owner == st && whole->b > t->b) continue;
    const tk *parts[64];
    size_t np = 0;
    for (size_t j = k; j < st->nt && np < 64; j++) {
      tk *u = &st->t[j];
      if (u->role == R_STATE && !u->headp && u->share &&
          u->share->whole == whole)
        parts[np++] = u;
    }
    if (np < 2) continue;
    for (size_t j = 0; j < np; j++) ((tk *)parts[j])->headp = whole;
    cl_list_sum(r, st, whole, parts, np, false);
  }
}

/* The change of a whole, then "其中" and the changes of its parts, each
 * naming its part ("其中,财政补助收入减少 660.26 万元;事业收入增长
 * 376.28 万元…"), possibly over the following sentences. */
void cl_delta_lists(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  if (!st->nt || !(cl_starts(st->s, "其中") || cl_starts(st->s, "具体")) ||
      si == 0)
    return;
  /* the whole's change: the last change of the previous sentence */
  tk *wd = NULL;
  sent *pv = &pg->s[si - 1];
  for (size_t j = pv->nt; j-- > 0 && !wd;)
    if (pv->t[j].role == R_DELTA && pv->t[j].kind == TK_AMT) wd = &pv->t[j];
  if (!wd) return;
  const tk *v[64];
  int neg[64];
  size_t n = 0;
  bool colon =
      st->n > 7 && (cl_starts(st->s + 6, ":") || cl_starts(st->s, "其中:"));
  for (size_t s = si; s < pg->n && n < 64; s++) {
    sent *ss = &pg->s[s];
    size_t before = n;
    for (size_t j = 0; j < ss->nt && n < 64; j++) {
      tk *u = &ss->t[j];
      if (u->role == R_STATE) {
        n = 0; /* amounts, not changes: not this shape */
        break;
      }
      if (u->role == R_DELTA && u->kind == TK_AMT && *u->dsubj) {
        neg[n] = u->dir < 0;
        v[n++] = u;
      }
    }
    if (!n || n == before || !colon) break;
  }
  if (n < 2) return;
  ys_rclaim *c = cl_claim(r, st, YS_CLAIM_SUM, wd->dsubj, wd);
  if (!c) return;
  cl_set_parts(r, c, v, neg, n);
  if (wd->dir < 0) c->text = ys_arena_printf(r->d->arena, "-%s", wd->num);
  c->how = YS_SUM_CHANGES;
  c->exhaustive = false;
}

/* Does a subject name a carry-over left at the end ("结转下年支出", "年末结
 * 转和结余", "结余")? */
static bool carry_out(const char *s) {
  return (strstr(s, "结转") || strstr(s, "结余")) && !strstr(s, "上年") &&
         !strstr(s, "年初");
}

/* Are two subjects one name but for 收入 in the first where the second
 * says 支出 ("总收入" / "总支出")? */
static bool income_expense(const char *a, const char *b) {
  const char *p = strstr(a, "收入");
  /* not 本年 figures, nor 收入总计 / 支出总计 (a 决算's, carry-overs in:
   * they are equal) */
  if (!p || strstr(a, "本年") || strstr(a, "当年") || strstr(b, "本年") ||
      strstr(b, "当年") || strstr(a, "总计") || strstr(b, "总计"))
    return false;
  size_t k = (size_t)(p - a);
  return strlen(a) == strlen(b) && !strncmp(a, b, k) &&
         !strncmp(b + k, "支出", strlen("支出")) &&
         !strcmp(a + k + strlen("收入"), b + k + strlen("支出"));
}

/* A balance stated in one breath: "总收入 12042.38 亿元,总支出 11984.34 亿元,
 * 结转下年支出 58.04 亿元" — what is carried to the next year is what came
 * in less what went out. Not of 本年收入 and 本年支出, nor where the text
 * names a carry-over brought in (年初, 上年结转): those balances take it in
 * too. */
void cl_balance_claims(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  if (ys_text_has(st->s, st->n, "上年结转") ||
      ys_text_has(st->s, st->n, "年初"))
    return;
  /* set before read (n counts them); zeroed for gcc -fanalyzer */
  const tk *v[3] = {NULL, NULL, NULL};
  size_t n = 0;
  for (size_t k = 0; k < st->nt && !r->rc; k++) {
    const tk *t = &st->t[k];
    if (t->kind != TK_AMT) continue;
    if (t->role != R_STATE || !t->subject || t->depth) {
      n = 0; /* the three stated one after another */
      continue;
    }
    if (n == 3) v[0] = v[1], v[1] = v[2], n = 2;
    v[n++] = t;
    if (n < 3 || !income_expense(v[0]->subject, v[1]->subject) ||
        !carry_out(v[2]->subject) || v[0]->unit != v[1]->unit ||
        v[1]->unit != v[2]->unit)
      continue;
    ys_rclaim *c = cl_claim(r, st, YS_CLAIM_DIFFERENCE, v[2]->subject, v[2]);
    if (!c) return;
    const tk *w[2] = {v[0], v[1]};
    cl_set_parts(r, c, w, NULL, 2);
    n = 0;
  }
}

/* One amount stated again later (same subject, same figure), each time
 * with its change: the two changes are one figure ("与 2016 年相比增加
 * 21.79 万元" … "与 2016 年相比增加 22.13 万元"). */
void cl_delta_repeats(cr *r, para *pg) {
  for (size_t si = 0; si < pg->n && !r->rc; si++) {
    sent *st = &pg->s[si];
    for (size_t k = 0; k < st->nt && !r->rc; k++) {
      tk *t = &st->t[k];
      if (t->role != R_STATE || !t->delta || t->delta->kind != TK_AMT) continue;
      for (size_t h = r->nh; h-- > 0;) {
        tk *u = r->hist[h];
        if (!u->delta || u->delta->kind != TK_AMT || u->unit != t->unit ||
            strcmp(u->num, t->num) ||
            cl_name_score(r, u->subject, t->subject) < 1 ||
            (u->syear && t->syear && u->syear != t->syear) ||
            u->delta->dir != t->delta->dir)
          continue;
        ys_rclaim *c = cl_claim(r, st, YS_CLAIM_REPEAT, t->subject, t->delta);
        if (!c) return;
        const tk *v[1] = {u->delta};
        cl_set_parts(r, c, v, NULL, 1);
        break;
      }
    }
  }
}

/* "较上年增加 3530.71 万元,主要原因是新增城乡居民基本医疗保险 1248 万元、
 * …113.75 万元": the reasons given for a change, each with its amount. */
/* "支出预算较去年减少 20575.87 万元,主要是基本支出预算减少 581.6 万元,项
 * 目支出预算减少 19994.27 万元": the reasons are the changes of parts,
 * each the first figure of its clause and naming its part; the whole's
 * change is made of them (a selection: 主要). true when claimed. */
static bool reason_changes(cr *r, sent *st, const tk *d, size_t first) {
  const tk *v[64];
  int neg[64];
  size_t n = 0;
  for (size_t k = first; k < st->nt && n < 64; k++) {
    const tk *u = &st->t[k];
    if (u->depth != d->depth) continue;
    if (u->role != R_DELTA) {
      if (u->kind == TK_AMT) return false; /* amounts, not changes */
      continue;
    }
    if (u->kind != TK_AMT || !u->dir || !*u->dsubj) return false;
    /* a total's change, or one given its own reasons, is a statement of
     * its own ("…,支出决算数总计增加 483 万元,主要是…") */
    if (strstr(u->dsubj, "总计") || strstr(u->dsubj, "合计")) break;
    size_t ce = st->n;
    for (size_t j = u->e; j < st->n; j++)
      if (st->s[j] == ',' || st->s[j] == ';') {
        ce = j + 1;
        break;
      }
    if (cl_starts(st->s + ce, "主要")) break;
    size_t b = n ? v[n - 1]->e : d->e;
    bool clause = false;
    for (size_t j = b; j < u->b && !clause; j++)
      clause = st->s[j] == ',' || st->s[j] == ';' || st->s[j] == ':' ||
               cl_starts(st->s + j, "、");
    if (!clause) return false;
    neg[n] = u->dir < 0;
    v[n++] = u;
  }
  if (n < 2 || n == 64) return false;
  const tk *of = d->stmt && d->stmt->headp ? d->stmt->headp : d->stmt;
  ys_rclaim *c = cl_claim(r, st, YS_CLAIM_SUM, of ? of->subject : d->dsubj, d);
  if (!c) return true;
  cl_set_parts(r, c, v, neg, n);
  if (d->dir < 0) c->text = ys_arena_printf(r->d->arena, "-%s", d->num);
  c->how = YS_SUM_CHANGES;
  c->exhaustive = false;
  return true;
}

void cl_reason_sums(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t i = 1; i < st->n && !r->rc; i++) {
    if (!(cl_starts(st->s + i, "主要原因是") ||
          cl_starts(st->s + i, "主要是")) ||
        (st->s[i - 1] != ',' && st->s[i - 1] != ';'))
      continue;
    tk *d = NULL;
    size_t first = 0;
    for (size_t k = 0; k < st->nt && st->t[k].b < i; k++) {
      d = &st->t[k];
      first = k + 1;
    }
    if (!d || d->role != R_DELTA || d->kind != TK_AMT || !d->dir) continue;
    if (reason_changes(r, st, d, first)) continue;
    if (d->dir < 0) continue;
    const tk *parts[64];
    size_t np = cl_collect_parts(r, st, first, i, d->depth, false, parts, 64);
    if (np < 2) continue;
    const tk *of = d->stmt && d->stmt->headp ? d->stmt->headp : d->stmt;
    ys_rclaim *c = cl_claim(r, st, YS_CLAIM_SUM, of ? of->subject : "", d);
    if (!c) return;
    cl_set_parts(r, c, parts, NULL, np);
    c->how = YS_SUM_CHANGES;
    c->exhaustive = false;
  }
}

/* The same subject stated twice in a paragraph with two figures, or an
 * item's amount restated as "2026 年预算安排 X". */
void cl_repeat_claims(cr *r, para *pg) {
  const tk *head = NULL;
  const sent *hs = NULL;
  for (size_t si = 0; si < pg->n && !r->rc; si++) {
    sent *st = &pg->s[si];
    for (size_t k = 0; k < st->nt && !r->rc; k++) {
      tk *t = &st->t[k];
      if (t->role != R_STATE) continue;
      if (!head) {
        head = t;
        hs = st;
        continue;
      }
      bool restate = cl_generic(t->subject) && r->x->year &&
                     t->syear == r->x->year && t->measure != YS_PHASE_FINAL &&
                     head->syear == 0 && head->measure != YS_PHASE_FINAL &&
                     hs == &pg->s[0];
      if (!restate) continue;
      ys_rclaim *c = cl_claim(r, st, YS_CLAIM_REPEAT, head->subject, t);
      if (!c) return;
      const tk *v[1] = {head};
      cl_set_parts(r, c, v, NULL, 1);
      /* a change measured from this restatement may be from the first */
      if (strcmp(t->num, head->num)) t->alt = head->num;

      break;
    }
  }
}

/* --- shares of one whole across the text ------------------------------ */

/* A rate and twice half its last printed digit, in millionths ("58.6" is
 * 58,600,000 and ±50,000). False when not a number. */
static bool rate_of(const char *s, int64_t *v, int64_t *half2) {
  ys_amount am;
  if (ys_money_parse(&am, s, strlen(s), YS_UNIT_WANYUAN, NULL) || am.empty)
    return false;
  int64_t u = 1000000;
  for (int d = 0; d < am.decimals && u > 1; d++) u /= 10;
  *v = am.fen;
  *half2 = u; /* twice half a digit: the tolerances stay whole */
  return true;
}

/* Is there a claim of kind with this figure and these parts already? */
static bool have_claim(const ys_rdoc *d, size_t from, ys_claim_kind kind,
                       const char *text, const char *const *parts, size_t n) {
  for (size_t i = from; i < d->n_claims; i++) {
    const ys_rclaim *c = &d->claims[i];
    /* (a list of more parts, these among them, says it already: the
     * parts whose shares are stated, less an unchanged one stated twice) */
    if (c->kind != kind || c->n_parts < n || strcmp(c->text, text)) continue;
    size_t same = 0;
    for (size_t k = 0; k < n; k++)
      for (size_t m = 0; m < n; m++)
        if (!strcmp(c->parts[k], parts[m])) {
          same++;
          break;
        }
    if (same == n) return true;
  }
  return false;
}

/* Shares of one whole stated apart ("工程类…占采购总规模的 58.6%", "货物类…
 * 30.2%", "服务类…11.2%" in three paragraphs; 基本支出 and 项目支出 each 占
 * …总支出的 x%): parts whose shares add up to 100 % are all of the whole,
 * so the whole is the sum of their amounts. The shares, rounded to a tenth
 * of a per cent of the whole, cannot see an amount mistyped by less; the
 * sum can. (That the shares add up to 100 % is no claim of its own here:
 * each share is checked against the whole already.) */
void cl_share_sums(cr *r, size_t from) {
  ys_rdoc *d = r->d;
  size_t n0 = d->n_claims;
  enum { MAXP = 64 };
  bool *done = ys_arena_alloc(r->a, n0 + 1);
  if (!done) {
    r->rc = YS_ENOMEM;
    return;
  }
  memset(done, 0, n0 + 1);
  for (size_t i = from; i < n0 && !r->rc; i++) {
    const ys_rclaim *a = &d->claims[i];
    if (done[i] || a->kind != YS_CLAIM_SHARE || a->how == YS_SHARE_OF_SUM ||
        a->n_parts != 2)
      continue;
    size_t g[MAXP], ng = 0;
    for (size_t j = i; j < n0 && ng < MAXP; j++) {
      const ys_rclaim *b = &d->claims[j];
      if (done[j] || b->kind != YS_CLAIM_SHARE || b->how == YS_SHARE_OF_SUM ||
          b->n_parts != 2 || strcmp(b->parts[1], a->parts[1]) ||
          b->part_units[1] != a->part_units[1])
        continue;
      bool dup = false; /* the same part stated twice */
      for (size_t k = 0; k < ng && !dup; k++)
        dup = !strcmp(d->claims[g[k]].parts[0], b->parts[0]) &&
              !strcmp(d->claims[g[k]].text, b->text);
      done[j] = true;
      if (!dup) g[ng++] = j;
    }
    if (ng < 2) continue;
    int64_t rs = 0, rt = 0;
    bool ok = true;
    for (size_t k = 0; k < ng && ok; k++) {
      int64_t v, h;
      ok = rate_of(d->claims[g[k]].text, &v, &h);
      rs += v, rt += h;
    }
    int64_t dr = rs - 100000000;
    if (!ok || 2 * (dr < 0 ? -dr : dr) > rt) continue;
    const ys_rclaim *first = &d->claims[g[0]];
    { /* the whole is the sum of the amounts */
      const char *parts[MAXP];
      for (size_t k = 0; k < ng; k++) parts[k] = d->claims[g[k]].parts[0];
      if (!have_claim(d, from, YS_CLAIM_SUM, first->parts[1], parts, ng)) {
        ys_rclaim *c =
            ys_rdoc_claim(d, YS_CLAIM_SUM, "", first->parts[1],
                          first->part_units[1], first->sentence, first->line);
        if (!c || !ys_rclaim_parts(d, c, ng)) {
          r->rc = YS_ENOMEM;
          return;
        }
        first = &d->claims[g[0]]; /* the claims may have moved */
        for (size_t k = 0; k < ng; k++) {
          c->parts[k] = d->claims[g[k]].parts[0];
          c->part_units[k] = d->claims[g[k]].part_units[0];
        }
        c->n_parts = ng;
        c->exhaustive = true;
      }
    }
  }
}
