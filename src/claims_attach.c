/*
 * claims_attach.c - statements (claims_impl.h): ties each change, rate,
 * share and completion rate of a sentence to the stated amount it speaks
 * of (attach), and finds a stated amount of the paragraph or of earlier
 * paragraphs by its name (find_named, name_score, match_key); keeps stated
 * amounts past their paragraph (remember).
 */
#include "claims_impl.h"

/* --- statements ---------------------------------------------------------- */

/* A figure's value in 元, for choosing between readings (never checked). */
double cl_yuan(const tk *t) {
  double f = t->unit == YS_UNIT_WANYUAN    ? 1e4
             : t->unit == YS_UNIT_YIYUAN   ? 1e8
             : t->unit == YS_UNIT_QIANYUAN ? 1e3
                                           : 1;
  return atof(t->num) * f;
}

/* A subject without the words that do not change what it names:
 * 总支出 = 支出合计 = 本年支出 for matching a whole's name. */
const char *cl_match_key(cr *r, const char *s) {
  char *k = ys_arena_strdup(r->a, s);
  if (!k) return "";
  /* the measure (预算, 决算) is matched apart: find_named's measure */
  static const char *const drop[] = {
      "合计", "总计",   "总额",   "总",     "的",       "本年",
      "当年", "全年",   "年度",   "全部",   "年初预算", "调整预算",
      "年初", "预算数", "决算数", "执行数", "预算",     "决算"};
  for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
    for (char *q; (q = strstr(k, drop[i]));)
      memmove(q, q + strlen(drop[i]), strlen(q + strlen(drop[i])) + 1);
  /* the organisation that opens a subject ("苍溪县医疗保障局三公经费",
   * "达州市达川区马家镇卫生院本年收入") names who, not what */
  static const char *const org[] = {"委员会", "办公室", "局",   "院",
                                    "厅",     "中心",   "政府", "部门",
                                    "单位",   "学校",   "公司", "协会"};
  char *cut = NULL;
  for (size_t i = 0; i < sizeof org / sizeof org[0]; i++)
    for (char *q = strstr(k, org[i]); q; q = strstr(q + 1, org[i])) {
      char *after = q + strlen(org[i]);
      if (strlen(after) >= 6 && (!cut || after > cut)) cut = after;
    }
  return cut ? cut : k;
}

/* name_score of two names already made match keys. */
int cl_key_score(const char *ka, const char *kb) {
  if (!*ka || !*kb) return 0;
  if (!strcmp(ka, kb)) return 2;
  /* one name inside the other, and not as one of a conjunction
   * ("转移支付" is not "税收返还和转移支付") */
  const char *in = strlen(ka) <= strlen(kb) ? ka : kb;
  const char *out = in == ka ? kb : ka;
  size_t li = strlen(in), lo = strlen(out);
  /* at either end: the head of a Chinese noun phrase is at its end
   * (全国政府采购规模 is a 政府采购规模), a qualifier follows the head
   * (三公经费财政拨款 is 三公经费); 工程类采购金额 is not a 采购 */
  if (li < 12 || (strcmp(out + lo - li, in) && strncmp(out, in, li))) return 0;
  if (strstr(out, "和") || strstr(out, "及") || strstr(out, "、")) return 0;
  return 1;
}

/* 2: the same name; 1: one name contains the other; 0: unrelated. */
int cl_name_score(cr *r, const char *a, const char *b) {
  if (!*a || !*b) return 0;
  return cl_key_score(cl_match_key(r, a), cl_match_key(r, b));
}

/* Keeps a stated amount for the paragraphs after (and the tables: its
 * sentence outlives the paragraph buffer). */
int cl_remember(cr *r, tk *t) {
  if (!cl_keep_sentence(r, t)) return YS_ENOMEM;
  tk **v = ys_arena_reserve(r->a, r->hist, r->nh, &r->ch, sizeof *v);
  if (!v) return YS_ENOMEM;
  r->hist = v;
  r->hist[r->nh++] = t;
  return YS_OK;
}

/* Is u one of the parts of the same list as part? */
static bool sibling(const tk *u, const tk *part) {
  return part && u->headp && u->headp == part->headp;
}

/* The latest stated amount before (si, k) that name names: in the
 * paragraph, then earlier paragraphs. Never the part itself or one of its
 * siblings; with at_least, never an amount smaller than the part (a whole
 * is not smaller than its part). The best-named wins; among equals, the
 * nearest. */
/* The year a stated amount is of: its own, its list's whole's (up the
 * lists it is in), else the document's. */
int cl_amount_year(const tk *u, int doc_year) {
  for (const tk *w = u; w; w = w->headp)
    if (w->syear) return w->syear;
  return doc_year;
}

/* find_named, never an amount of year not_year (0: any). */
static tk *find_named_in(cr *r, para *pg, size_t si, size_t k, const char *name,
                         int measure, const tk *part, bool at_least,
                         int not_year) {
  if (!name || !*name || cl_generic(name)) return NULL;
  tk *best = NULL;
  int bs = 0;
  double pv = part ? cl_yuan(part) : 0;
  for (size_t s = si + 1; s-- > 0 && bs < 2;) {
    sent *st = &pg->s[s];
    size_t end = s == si ? k : st->nt;
    for (size_t j = end; j-- > 0 && bs < 2;) {
      tk *u = &st->t[j];
      if (u->role != R_STATE || u == part || sibling(u, part)) continue;
      if (at_least && cl_yuan(u) < pv) continue;
      /* 决算 is not 预算 */
      if (measure && u->measure && u->measure != measure) continue;
      if (not_year && cl_amount_year(u, r->x->year) == not_year) continue;
      int sc = cl_name_score(r, u->subject, name);
      if (sc > bs) best = u, bs = sc;
    }
  }
  for (size_t h = r->nh; h-- > 0 && bs < 2;) {
    tk *u = r->hist[h];
    if (u == part || sibling(u, part) || (at_least && cl_yuan(u) < pv))
      continue;
    if (measure && u->measure && u->measure != measure) continue;
    if (not_year && cl_amount_year(u, r->x->year) == not_year) continue;
    int sc = cl_name_score(r, u->subject, name);
    if (sc > bs) best = u, bs = sc;
  }
  return best;
}

tk *cl_find_named(cr *r, para *pg, size_t si, size_t k, const char *name,
                  int measure, const tk *part, bool at_least) {
  return find_named_in(r, pg, si, k, name, measure, part, at_least, 0);
}

/* The first stated amount of a sentence: what a following sentence that
 * opens without a subject ("同口径比 2018 年减少 830 万元") speaks of. */
tk *cl_head_of(sent *st) {
  for (size_t j = 0; j < st->nt; j++)
    if (st->t[j].role == R_STATE) return &st->t[j];
  return NULL;
}

/* The statement a change or rate belongs to. Its own clause may name it
 * ("其中:财政补助收入减少…"): then the stated amount of that name, or none
 * (the change of an amount the text does not state). Else the last
 * stated amount at its depth in the sentence; a sentence that opens with
 * the comparison speaks of the previous sentence's first amount. */
static tk *owner_of(cr *r, para *pg, size_t si, size_t k, tk **cur) {
  sent *st = &pg->s[si];
  tk *t = &st->t[k];
  if (*t->dsubj && !cl_generic(t->dsubj)) {
    /* the amount stated just before in this clause, if it is the one */
    tk *c = cur[t->depth < 8 ? t->depth : 7];
    if (c && c->owner == st && cl_name_score(r, c->subject, t->dsubj)) return c;
    {
      /* the statement a change of the year before is of is not the year
       * before's ("2021 年…公务接待 12.39 万元…。2022 年度…其中公务接待较上
       * 年同期减少 0.58 万元": the 2022 figure) */
      tk *f = cl_find_named(r, pg, si, k, t->dsubj, t->dmeasure, NULL, false);
      int cy = r->x->year;
      if (f && cy && t->base == B_PRIOR && cl_amount_year(f, cy) == cy - 1)
        f = find_named_in(r, pg, si, k, t->dsubj, t->dmeasure, NULL, false,
                          cy - 1);
      return f;
    }
  }
  tk *c = cur[t->depth < 8 ? t->depth : 7];
  if (!c) c = cur[0];
  if (c && c->owner == st) return c;
  if (si > 0) {
    /* after a list, the sentence speaks of its whole */
    tk *h = cl_head_of(&pg->s[si - 1]);
    return h && h->headp ? (tk *)h->headp : h;
  }
  return NULL;
}

/* The n stated amounts a list of n figures pairs with ("分别减少 a、b、c"):
 * the last n amounts before it in the sentence, else the previous
 * sentence's list. */
/* Does the sentence before name the items this clause names before its
 * 各 / 分别 ("收、支总计各是 …。…收、支总计各减少 …")? */
static bool same_items(const sent *st, size_t k, const sent *pv) {
  size_t e = st->t[k].b, b = e;
  while (b > 0 && st->s[b - 1] != ',' && st->s[b - 1] != ';' &&
         st->s[b - 1] != ':')
    b--;
  const char *each = NULL;
  static const char *const w[] = {"分别", "各"};
  for (size_t i = 0; i < 2 && !each; i++)
    each = cl_rfind_n(st->s + b, e - b, w[i]);
  size_t len = each ? (size_t)(each - (st->s + b)) : 0;
  char items[256];
  if (!len || len >= sizeof items) return false;
  memcpy(items, st->s + b, len);
  items[len] = 0;
  return ys_text_has(pv->s, pv->n, items);
}

static bool pair_list(para *pg, size_t si, size_t k, size_t n, tk **out) {
  sent *st = &pg->s[si];
  size_t got = 0;
  for (size_t j = k; j-- > 0 && got < n;)
    if (st->t[j].role == R_STATE && st->t[j].depth == st->t[k].depth)
      out[n - 1 - got++] = &st->t[j];
  if (got == n) return true;
  if (got || si == 0) return false;
  /* "…分别减少 a、b、c" after a sentence listing three parts — unless
   * this sentence names its own items ("公开招标、邀请招标…分别占…") */
  sent *pv = &pg->s[si - 1];
  if (ys_text_has(st->s, st->t[k].b, "、") && !same_items(st, k, pv))
    return false;
  size_t have = 0;
  for (size_t j = 0; j < pv->nt; j++)
    have += pv->t[j].role == R_STATE && pv->t[j].headp;
  if (have == n) {
    for (size_t j = pv->nt; j-- > 0 && got < n;)
      if (pv->t[j].role == R_STATE && pv->t[j].headp)
        out[n - 1 - got++] = &pv->t[j];
    return got == n;
  }
  /* or the one list of n amounts it states ("收、支总计各是 4125.49,4143.91
   * 万元。…各减少 1267.86,2570.97 万元") */
  int list = 0;
  for (size_t j = 0; j < pv->nt; j++) {
    const tk *u = &pv->t[j];
    if (u->role != R_STATE || !u->list || u->list == list) continue;
    size_t m = 0;
    for (size_t q = j; q < pv->nt && pv->t[q].list == u->list; q++)
      m += pv->t[q].role == R_STATE;
    if (m != n) continue;
    if (list) return false; /* two such lists: neither */
    list = u->list;
  }
  for (size_t j = pv->nt; list && j-- > 0 && got < n;)
    if (pv->t[j].role == R_STATE && pv->t[j].list == list)
      out[n - 1 - got++] = &pv->t[j];
  return list && got == n;
}

/* The tokens of one list starting at k: how many. */
static size_t list_len(const sent *st, size_t k) {
  if (!st->t[k].list) return 1;
  size_t n = 1;
  while (k + n < st->nt && st->t[k + n].list == st->t[k].list &&
         st->t[k + n].role == st->t[k].role)
    n++;
  return n;
}

/* Ties every change, rate, share and completion rate of sentence si to
 * the stated amount it speaks of. One pass over the tokens with the state
 * it carries (the amount stated last at each depth, a prior or whole
 * pending in the clause): split up, that state would be passed around,
 * which is why it stays one function of a little over 100 lines. */
void cl_attach(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];

  tk *cur[8] = {NULL};
  tk *prior = NULL, *whole = NULL; /* pending in the clause */
  for (size_t k = 0; k < st->nt; k++) {
    tk *t = &st->t[k];
    int d = t->depth < 8 ? t->depth : 7;
    if (k > 0 &&
        ys_text_has(st->s + st->t[k - 1].e, t->b - st->t[k - 1].e, ";"))
      prior = whole = NULL;
    switch (t->role) {
    case R_STATE:
      cur[d] = t;
      for (int e = d + 1; e < 8; e++) cur[e] = NULL;
      /* (the level a change came to keeps the prior it came from) */
      if (!t->level) prior = NULL;
      whole = NULL;
      break;
    case R_PRIOR:
      prior = t;
      break;
    case R_WHOLE:
      whole = t;
      break;
    case R_DELTA: {
      size_t n = list_len(st, k);
      tk *own[16];
      if (n > 1 && n <= 16 && pair_list(pg, si, k, n, own)) {
        for (size_t i = 0; i < n; i++)
          if (!own[i]->delta) {
            own[i]->delta = &st->t[k + i];
            st->t[k + i].stmt = own[i];
          }
        k += n - 1;
        break;
      }
      tk *o = owner_of(r, pg, si, k, cur);
      if (o && o->delta && o->delta->owner != st) o = NULL;
      if (o && !o->delta) o->delta = t;
      t->stmt = o;
      t->prior = prior;
      prior = NULL;
      /* a rate just before: "同比增长 14.6%，增收 4376 万" */
      if (k > 0 && st->t[k - 1].role == R_RATE && !st->t[k - 1].delta &&
          (!st->t[k - 1].stmt || st->t[k - 1].stmt == o))
        t->rate = &st->t[k - 1], st->t[k - 1].delta = t;
      break;
    }
    case R_RATE: {
      size_t n = list_len(st, k);
      /* the changes just before, one rate each */
      size_t back = 0;
      tk *ch[16];
      for (size_t j = k; j-- > 0 && back < n && back < 16;) {
        tk *u = &st->t[j];
        if (u->role == R_STATE || u->role == R_SHARE) break;
        /* not a change against another base ("超收 392 万元,同比增长
         * 6.8%,增收 3003 万元": the rate is of the change after it) */
        if (u->role == R_DELTA && u->base != B_NONE && t->base != B_NONE &&
            (u->base == B_BUDGET) != (t->base == B_BUDGET))
          break;
        if (u->role == R_DELTA) ch[back++] = u;
      }
      if (back == n) {
        for (size_t i = 0; i < n; i++) {
          tk *dl = ch[n - 1 - i], *rt = &st->t[k + i];
          if (dl->rate || (rt->dir && dl->dir && rt->dir != dl->dir)) continue;
          dl->rate = rt;
          rt->delta = dl;
          rt->stmt = dl->stmt;
        }
        k += n - 1;
        break;
      }
      if (n > 1) {
        tk *own[16];
        if (n <= 16 && pair_list(pg, si, k, n, own))
          for (size_t i = 0; i < n; i++) {
            st->t[k + i].stmt = own[i];
            if (!own[i]->rate) own[i]->rate = &st->t[k + i];
          }
        k += n - 1;
        break;
      }
      /* a rate of its own: measured from a prior in the clause or a base
       * the paragraph states (see rate claims); or followed by its change */
      tk *o = owner_of(r, pg, si, k, cur);
      t->stmt = o;
      t->prior = prior;
      if (o && !o->rate) o->rate = t;
      break;
    }
    case R_SHARE:
    case R_COMPL: {
      size_t n = list_len(st, k);
      tk *own[16];
      bool paired = n > 1 && n <= 16 && pair_list(pg, si, k, n, own);
      if (!paired) {
        n = 1;
        own[0] = cur[d] ? cur[d] : cur[0];
        if (own[0] && own[0]->owner != st && si > 0) own[0] = NULL;
      }
      for (size_t i = 0; i < n; i++) {
        tk *p = &st->t[k + i];
        p->stmt = own[i];
        p->whole = whole;
        if (own[i] && p->role == R_SHARE && !own[i]->share) own[i]->share = p;
        if (own[i] && p->role == R_COMPL && !own[i]->compl_) own[i]->compl_ = p;
        if (own[i] && whole && !own[i]->whole) own[i]->whole = whole;
      }
      whole = NULL;
      k += n - 1;
      break;
    }
    default:
      break;
    }
  }
}

/* The sentence of a token held past its paragraph: its text is moved
 * out of the paragraph buffer, which the next paragraph overwrites. */
bool cl_keep_sentence(cr *r, const tk *t) {
  sent *st = (sent *)t->owner;
  if (st->kept) return true;
  const char *s = ys_arena_strndup(r->a, st->s, st->n);
  if (!s) return false;
  st->s = s;
  st->kept = true;
  return true;
}
