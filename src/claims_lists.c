/*
 * claims_lists.c - lists of parts and their wholes (claims_impl.h): lists
 * opened by 其中/包括/中 (opener_lists), frames ("地方收入…,其中…"),
 * enumerated items (一、二、…), asides in brackets, lists that go on over
 * the next sentences (continue_parts) and over numbered sections
 * (section_lists). Each list found is kept (add_list) for its sum
 * (claims_sums.c).
 */
#include "claims_impl.h"

/* --- lists of parts ---------------------------------------------------- */

/* Does a clause open a list of parts: 其中, 包括, 分项情况是, "…万元中" */
static bool opener_at(const char *s, size_t n) {
  /* the openers start with 其 包 具 分 (E5), 主 中 (E4) or 用 (E7) */
  unsigned char c = (unsigned char)s[0];
  if (c != 0xE5 && c != 0xE4 && c != 0xE7) return false;
  return cl_starts(s, "其中") || cl_starts(s, "包括") ||
         cl_starts(s, "主要包括") || cl_starts(s, "主要用于以下方面") ||
         cl_starts(s, "用于以下方面") || cl_starts(s, "分项情况") ||
         cl_starts(s, "具体为") || cl_starts(s, "具体如下") ||
         cl_starts(s, "分别为") || (n >= 3 && cl_starts(s, "中,")) ||
         cl_starts(s, "中:");
}

/* An enumerator at s: 一、 二、 … (一) (二) … — the items of a list at a
 * higher level than a 其中 list inside one of them. */
size_t cl_enumerator_at(const char *s, size_t n) {
  static const char *const cn[] = {"一", "二", "三", "四", "五",
                                   "六", "七", "八", "九", "十"};
  size_t k = 0;
  bool paren = n && *s == '(';
  if (paren) k = 1;
  size_t d = k;
  for (bool hit = true; hit;) {
    hit = false;
    for (size_t i = 0; i < 10; i++)
      if (d + 3 <= n && cl_starts(s + d, cn[i])) {
        d += 3;
        hit = true;
      }
  }
  if (d == k) return 0;
  if (paren) return d < n && s[d] == ')' ? d + 1 : 0;
  return d + 3 <= n && cl_starts(s + d, "、") ? d + 3 : 0;
}

/* Does the text [b, e) of a sentence, outside any bracket opened in it,
 * start a clause with an opener or an enumerator? */
static bool new_list_between(const sent *st, size_t b, size_t e) {
  int depth = 0;
  for (size_t j = b; j < e; j++) {
    char c = st->s[j];
    if (c == '(') {
      if (!depth && cl_enumerator_at(st->s + j, e - j)) return true;
      depth++;
      continue;
    }
    if (c == ')') {
      if (depth) depth--;
      continue;
    }
    if (depth) continue;
    /* (after a rate the comma is often left out: "…100%其中上年结转…") */
    bool clause = j == b || st->s[j - 1] == ',' || st->s[j - 1] == ';' ||
                  st->s[j - 1] == ':' || st->s[j - 1] == '%';
    if (!clause) continue;
    /* an opener whose own list reaches the next amount ("…8.2 万元,主要
     * 包括燃料费、维修费…;公务接待费…" closes before it: the list goes on) */
    bool opener =
        opener_at(st->s + j, e - j) && !ys_text_has(st->s + j, e - j, ";");
    if (opener || cl_enumerator_at(st->s + j, e - j) ||
        ((cl_starts(st->s + j, "主要原因") || cl_starts(st->s + j, "原因是")) &&
         !ys_text_has(st->s + j, e - j, ";")) ||
        cl_starts(st->s + j, "另有") || cl_starts(st->s + j, "此外") ||
        cl_starts(st->s + j, "另外") || cl_starts(st->s + j, "在"))
      return true;
  }
  return false;
}

/* The parts of a list opened at byte i of a sentence: the first stated
 * amount of each clause after it at its depth, every figure of a 、-list.
 * The list ends at a separator stronger than the one between its parts
 * ("…866 万元,35 万元,68 万元;完成政府性基金支出…"), at another opener or
 * enumerator, or at the end of the sentence or its bracket. */
/* The side (income or spending) a subject names, 0 unknown. */
static int side_of(cr *r, const char *subject) {
  ys_meaning m;
  if (!*subject || ys_vocab_parse(r->x->vocab, subject, &m, r->a)) return 0;
  return m.q.src == YS_Q_REV ? 1 : m.q.src == YS_Q_EXP ? 2 : 0;
}

/* The strongest separator outside brackets in [b, e) of a sentence: 3 a
 * semicolon, 2 a comma or colon, 1 、, 0 none. */
int cl_separator_between(const sent *st, size_t b, size_t e) {
  int gap = 0, d = 0;
  for (size_t j = b; j < e; j++) {
    if (st->s[j] == '(') d++;
    if (st->s[j] == ')' && d) d--;
    if (d) continue;
    int g = st->s[j] == ';'                              ? 3
            : st->s[j] == ',' || st->s[j] == ':'         ? 2
            : (j + 3 <= e && cl_starts(st->s + j, "、")) ? 1
                                                         : 0;
    if (g > gap) gap = g;
  }
  return gap;
}

/* Does the subject name a measure and nothing else ("决算支出数", "预算数")
 * by the vocabulary? */
static bool measure_only(cr *r, const char *subject) {
  ys_meaning m;
  if (!subject || !*subject || !r->x->vocab ||
      ys_vocab_parse(r->x->vocab, subject, &m, r->a))
    return false;
  return m.measures && !*m.rest && !m.q.funds && !m.q.kinds && !m.q.natures &&
         !m.q.econ.n && !m.q.key.n;
}

size_t cl_collect_parts(cr *r, sent *st, size_t first, size_t i, int depth,
                        bool sides, const tk **parts, size_t max) {
  size_t np = 0;
  size_t last_clause_end = i;
  int sep = 0; /* 1 、 2 , 3 ; */
  for (size_t k = first; k < st->nt && np < max; k++) {
    tk *t = &st->t[k];
    if (t->depth < depth) break;
    if (t->depth > depth || t->role != R_STATE) continue;
    bool same_list = np && t->list && parts[np - 1]->list == t->list;
    int gap = 0;
    const char *after = st->s + last_clause_end;
    if (cl_starts(after, "和") || cl_starts(after, "及") ||
        cl_starts(after, "以及"))
      gap = 1; /* "474.08 万元和日常公用经费 9.2 万元" */
    int g = cl_separator_between(st, last_clause_end, t->b);
    if (g > gap) gap = g;
    /* "…购置费 232 万元公务用车运行维护费 3139.9 万元": the next part's
     * name right after the last part's unit, the comma left out */
    if (!gap && np && k > 0 && &st->t[k - 1] == parts[np - 1] &&
        parts[np - 1]->kind == TK_AMT && t->b >= parts[np - 1]->e + 6 &&
        t->subject && *t->subject)
      gap = 1;
    if (np && !same_list) {
      if (!gap) continue; /* not the first amount of its clause */
      /* "A 预算数为 a 万元,决算数为 b 万元;B …": an amount naming only
       * another measure is the same item's, and the mark before it sets
       * no items apart (add_list keeps the whole's measure) */
      bool restated = t->measure && parts[np - 1]->measure &&
                      t->measure != parts[np - 1]->measure &&
                      measure_only(r, t->subject);
      if (np == 1 && !sep && !restated) sep = gap;
      /* a ';' after parts separated by ',' or '、' ends the list */
      if (sep && sep < 3 && gap == 3) break;
      if (!*t->subject) break; /* a total after the parts */
      if (new_list_between(st, last_clause_end, t->b)) break;
      /* "…收入 238.31 万元,其中…;本单位当年财政拨款支出 238.31 万元": the
       * other side is not a part */
      int s0 = sides ? side_of(r, parts[0]->subject) : 0;
      int s1 = sides ? side_of(r, t->subject) : 0;
      if (s0 && s1 && s0 != s1) break;
    }
    parts[np++] = t;
    last_clause_end = t->e;
  }
  /* a list longer than the room for it is not read as a list: a sum of
   * its first parts would be a wrong claim */
  return np == max ? 0 : np;
}

/* Records a list of parts and its whole (list_sum makes the claims once
 * every statement is tied). */
/* The budgets (funds) a subject names by the vocabulary, 0 none said. */
static uint32_t funds_of(cr *r, const char *subject) {
  ys_meaning m;
  if (!subject || !r->x->vocab ||
      ys_vocab_parse(r->x->vocab, subject, &m, r->a))
    return 0;
  return m.q.funds;
}

/* Does the sum of the parts make the amount t, as printed (each figure
 * rounded to its last digit), in exact 分? */
static bool parts_make(const tk *t, const tk **parts, size_t np) {
  int64_t diff = 0, slack = 0; /* slack: twice the rounding, in 分 */
  for (size_t p = 0; p <= np; p++) {
    const tk *u = p < np ? parts[p] : t;
    ys_amount am;
    if (u->kind != TK_AMT ||
        ys_money_parse(&am, u->num, strlen(u->num), u->unit, NULL) != YS_OK)
      return false;
    diff += p < np ? am.fen : -am.fen;
    int64_t ulp = ys_unit_fen(u->unit);
    for (int d = 0; d < am.decimals && ulp > 1; d++) ulp /= 10;
    slack += ulp;
  }
  return 2 * (diff < 0 ? -diff : diff) <= slack;
}

/* Does subject open with an organisation ("北京市公安局的", "…委员会") before
 * its key (cl_match_key)? Not a 政府 or 单位 of a thing's name (政府采购,
 * 预算单位). */
static bool named_by_org(const char *subject, const char *key) {
  size_t n = strlen(subject), k = strlen(key);
  if (k + 6 > n || strcmp(subject + n - k, key)) return false;
  size_t e = n - k;
  if (e >= 3 && !strncmp(subject + e - 3, "的", 3)) e -= 3;
  static const char *const org[] = {"局",     "委员会", "厅",   "院",
                                    "办公室", "学校",   "公司", "协会"};
  for (size_t i = 0; i < sizeof org / sizeof org[0]; i++) {
    size_t m = strlen(org[i]);
    if (e >= m && !strncmp(subject + e - m, org[i], m)) return true;
  }
  return false;
}

/* Does the sentence rank what it names ("A 以 527 万元、B 以 294 万元…位居
 * 前三")? The amounts of a ranking are of rivals, no parts of a whole. */
static bool ranks(const sent *st) {
  static const char *const w[] = {"位居前", "位列前", "排名前", "名列前",
                                  "排在前", "居前三", "排名第", "位居第"};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (ys_text_has(st->s, st->n, w[i])) return true;
  return false;
}

static void add_list(cr *r, size_t si, tk *whole, const tk **parts, size_t np,
                     bool exhaustive) {
  if (np && parts[0]->owner && ranks(parts[0]->owner)) return;
  /* a part of another budget than the whole's ends the list ("一般公共预算
   * 收入…,其中:税收收入…;非税收入…;政府性基金预算收入 1616 万元") */
  uint32_t wf = funds_of(r, whole->subject);
  for (size_t p = 1; wf && p < np; p++) {
    uint32_t pf = funds_of(r, parts[p]->subject);
    if (pf && !(pf & wf)) np = p;
  }
  /* the first parts make the whole exactly and more follow: those are not
   * its parts ("…财政收入 29612 万元,…其中,国税完成 11765 万元,…;地税完成
   * 14796 万元,…;财政完成 3051 万元,…;实现地方一般预算收入 19401 万元") */
  if (np > 2 && whole->kind == TK_AMT && !parts_make(whole, parts, np))
    for (size_t m = np - 1; m >= 2; m--)
      if (parts_make(whole, parts, m)) {
        np = m;
        break;
      }
  /* a "part" naming what the whole names, for another organisation ("…
   * 公安局“三公”经费…决算数为 9530.81 万元,…其中公车购置费为 0 元;…环境
   * 保护局“三公”经费…决算数为 431.38 万元"), is its sibling: the list
   * ends before it */
  const char *wk = whole->subject ? cl_match_key(r, whole->subject) : "";
  for (size_t p = 0; *wk && named_by_org(whole->subject, wk) && p < np; p++) {
    const char *pk =
        parts[p]->subject ? cl_match_key(r, parts[p]->subject) : "";
    if (!strcmp(pk, wk) && named_by_org(parts[p]->subject, pk)) {
      np = p;
      break;
    }
  }
  /* parts stated both as budgeted and as spent ("A 预算数为 310.37 万元,
   * 决算支出数为 249.29 万元;B 预算数为 …"): the whole's measure picks its
   * parts, the others are a second list of the same items */
  bool budget = false, final = false;
  for (size_t p = 0; p < np; p++) {
    budget = budget || parts[p]->measure == YS_PHASE_BUDGET;
    final = final || parts[p]->measure == YS_PHASE_FINAL;
  }
  if (budget && final) {
    if (whole->measure != YS_PHASE_BUDGET && whole->measure != YS_PHASE_FINAL)
      return; /* which list is the whole's is not said */
    const tk **kept = ys_arena_alloc(r->a, sizeof *kept * np);
    if (!kept) {
      r->rc = YS_ENOMEM;
      return;
    }
    size_t m = 0;
    for (size_t p = 0; p < np; p++)
      if (parts[p]->measure == whole->measure) kept[m++] = parts[p];
    parts = kept;
    np = m;
  }
  if (np < 2) return;
  if (cl_other_year(whole, parts[0])) return;
  /* a "part" printing the whole's figure beside another that is not zero
   * restates the whole ("预算数为 9,564.38 万元(年初预算数 1,984.38 万元,
   * 由于机构调整追加到 9,564.38 万元)"): no list of its parts */
  for (size_t p = 0; p < np && whole->kind == TK_AMT; p++)
    if (parts[p]->kind == TK_AMT && parts[p]->unit == whole->unit &&
        cl_yuan(parts[p]) == cl_yuan(whole) && cl_yuan(whole) > 0)
      for (size_t q = 0; q < np; q++)
        if (q != p && cl_yuan(parts[q]) != 0) return;
  /* a part well over the whole is no part of it (see list_sum) */
  for (size_t p = 0; p < np; p++)
    if (parts[p]->kind == TK_AMT && whole->kind == TK_AMT &&
        cl_yuan(parts[p]) > cl_yuan(whole) * 1.1 && cl_yuan(whole) > 0)
      return;
  for (size_t p = 0; p < np; p++)
    if (!parts[p]->headp) ((tk *)parts[p])->headp = whole;
  lst *L =
      ys_arena_reserve(r->a, r->lists, r->nlists, &r->clists, sizeof *r->lists);
  if (!L) {
    r->rc = YS_ENOMEM;
    return;
  }
  r->lists = L;
  L = &r->lists[r->nlists++];
  L->si = si;
  L->whole = whole;
  L->n = np;
  L->parts = ys_arena_alloc(r->a, sizeof(tk *) * np);
  if (!L->parts) {
    r->rc = YS_ENOMEM;
    return;
  }
  memcpy(L->parts, parts, sizeof(tk *) * np);
  L->exhaustive = exhaustive;
}

/* Does the part's subject name a quantity inside the whole's, by meaning
 * (公务接待费 inside “三公”经费: the vocabulary gives both their codes)? A
 * subject the vocabulary leaves partly unread does not count. */
static bool within_whole(cr *r, const tk *whole, const tk *part) {
  if (!whole || !whole->subject || !part->subject) return false;
  ys_meaning wm, pm;
  if (ys_vocab_parse(r->x->vocab, whole->subject, &wm, r->a) ||
      ys_vocab_parse(r->x->vocab, part->subject, &pm, r->a))
    return false;
  /* (one stray character left over is tolerated: "经费费") */
  if (wm.conflict || pm.conflict || !wm.phrases || !pm.phrases ||
      (pm.rest && strlen(pm.rest) > 3))
    return false;
  /* by their codes only: a part takes the rest (fund, period) from its
   * whole ("一般公共预算安排的“三公”经费 … 其中:公务接待费") */
  if (!pm.q.econ.n && !pm.q.func.n) return false;
  ys_qfilter pc = {0}, wc = {0};
  pc.src = wc.src = YS_Q_EXP;
  pc.econ = pm.q.econ;
  pc.func = pm.q.func;
  wc.econ = wm.q.econ;
  wc.func = wm.q.func;
  if (!wc.econ.n && !wc.func.n) return false;
  /* strictly narrower: fewer codes, or longer ones */
  bool same = pc.econ.n == wc.econ.n && pc.func.n == wc.func.n &&
              ys_qfilter_within(&wc, &pc);
  return !same && ys_qfilter_within(&pc, &wc);
}

/* "其中:因公出国(境)费支出 0 万元。公务用车购置费支出 204.78 万元,…。公务
 * 接待费支出 295.70 万元…": a list after a colon that runs to the end of
 * its sentence goes on while the next sentences open with a part. */

static void continue_parts(cr *r, para *pg, size_t si, const tk *whole,
                           const tk **parts, size_t *np, size_t max) {
  sent *st = &pg->s[si];
  /* only a list cut short by its first sentence's end: one part there */
  if (*np != 1) return;
  const char *first = parts[0]->subject;
  size_t fl = strlen(first);
  if (fl < 6) return;
  int side = side_of(r, first);
  /* past a sentence of reasons, only a part of the whole by meaning goes
   * on the list (a name alike may be the next topic: 会议费 after 三公) */
  bool skipped = false;
  for (size_t s = si + 1; s < pg->n && *np < max; s++) {
    sent *ss = &pg->s[s];
    size_t k0 = 0;
    while (k0 < ss->nt && ss->t[k0].kind == TK_YEAR) k0++;
    /* a sentence of reasons, with no figure, between two parts
     * ("…减少 317 万元。主要原因是…。因公出国(境)经费 62 万元…") */
    if (k0 >= ss->nt && (ys_text_has(ss->s, ss->n, "原因") ||
                         ys_text_has(ss->s, ss->n, "主要用于") ||
                         ys_text_has(ss->s, ss->n, "主要是"))) {
      skipped = true;
      continue;
    }
    if (k0 >= ss->nt || ss->t[k0].role != R_STATE || ss->t[k0].depth) break;
    /* the parts the sentence lists, each named like the first ("…费支出")
     * and of its side, the first opening the sentence (no frame or clause
     * before it) */
    bool before = false;
    for (size_t j = 0; j < ss->t[k0].b && !before; j++)
      before = ss->s[j] == ',' || ss->s[j] == ':' || ss->s[j] == ';';
    if (before || ys_text_has(ss->s, ss->n, "合计") ||
        ys_text_has(ss->s, ss->n, "共计") || cl_starts(ss->s, "加") ||
        cl_starts(ss->s, "另") || cl_starts(ss->s, "扣除"))
      break;
    const tk *more[16];
    size_t nm = cl_collect_parts(r, ss, k0, ss->t[k0].b, 0, true, more, 16);
    bool like = nm > 0;
    for (size_t m = 0; m < nm && like; m++) {
      const tk *t = more[m];
      size_t tl = strlen(t->subject);
      /* named like the first: the same last two characters ("…费支出"),
       * or the same last one and the same first two ("公务用车运行费",
       * then "公务用车购置费" after the reasons for the first) */
      bool alike = !skipped && tl >= 6 &&
                   (!strcmp(t->subject + tl - 6, first + fl - 6) ||
                    (tl >= 9 && fl >= 9 &&
                     !strcmp(t->subject + tl - 3, first + fl - 3) &&
                     !strncmp(t->subject, first, 6)));
      like = tl >= 6 && !t->headp && !t->syear && !cl_generic(t->subject) &&
             /* or, like the first, a part of the whole by meaning */
             (alike || (within_whole(r, whole, parts[0]) &&
                        within_whole(r, whole, t))) &&
             side_of(r, t->subject) == side;
    }
    if (!like) break;
    for (size_t m = 0; m < nm && *np < max; m++) parts[(*np)++] = more[m];
  }
  (void)st;
}

/* The whole of a list opened in sentence si before its token first (at
 * bracket depth depth), name (of year y and measure m) the name before the
 * opener, part0 the list's first part (opener_lists).
 * the whole: the name before the opener; else the last amount stated
 * before it at its depth; at the start of a sentence, the previous
 * sentence's — of the parts' measure (预算 or 决算) when it states
 * both */
static tk *opener_whole(cr *r, para *pg, size_t si, size_t first, int depth,
                        const char *name, int y, int m, const tk *part0) {
  sent *st = &pg->s[si];
  tk *whole = NULL;
  if (name && *name && !cl_generic(name)) {
    whole = cl_find_named(r, pg, si, first, name, m, NULL, false);
    /* of the year the name says ("2023年…决算中,…": not the 2022 total) */
    if (whole && y && cl_amount_year(whole, 0) && cl_amount_year(whole, 0) != y)
      whole = NULL;
  } else if (name && *name) {
    /* "收入包括:", "支出包括:": the latest total of that side (or of
     * 收支) that is not itself a part */
    for (size_t s2 = si + 1; s2-- > 0 && !whole;) {
      sent *ss = &pg->s[s2];
      size_t end = s2 == si ? first : ss->nt;
      for (size_t j = end; j-- > 0 && !whole;) {
        tk *u = &ss->t[j];
        if (u->role != R_STATE || !u->subject) continue;
        size_t ul = strlen(u->subject), nl = strlen(name);
        if (!u->headp && ((ul >= nl && !strcmp(u->subject + ul - nl, name)) ||
                          strstr(u->subject, "收支")))
          whole = u;
      }
    }
  } else {
    for (size_t k = first; k-- > 0 && !whole;)
      if (st->t[k].role == R_STATE &&
          (st->t[k].depth == depth || st->t[k].depth == depth - 1))
        whole = &st->t[k];
    if (!whole && si > 0 && !first) {
      /* of the parts' measure, or when they say none, of the document's
       * in a 决算 ("…预算为 44.52 万元,…决算为 22.62 万元。其中公务接待
       * 费为 20.10 万元…": the parts are what was spent) */
      int want = part0->measure ? part0->measure
                 : r->x->final  ? YS_PHASE_FINAL
                                : 0;
      sent *pv = &pg->s[si - 1];
      whole = cl_head_of(pv);
      for (size_t k = 0; whole && k < pv->nt; k++)
        if (pv->t[k].role == R_STATE && want && pv->t[k].measure == want &&
            whole->measure != want)
          whole = &pv->t[k];
    }
  }
  return whole;
}

/* Lists opened by 其中/包括/中 (a whole before, its parts after). */
/* The whole of a list opened at a sentence's start, taken from the
 * sentence before: when that one states several amounts ("中央级收入
 * 165.2 亿元…;地方级收入 274.2 亿元…。其中,省本级收入 94.5 亿元…;市县级
 * 收入 179.7 亿元") and the parts do not make the one taken but make
 * exactly one other, it is that one. */
static tk *whole_the_parts_make(tk *whole, const tk **parts, size_t np) {
  if (whole->kind != TK_AMT || parts_make(whole, parts, np)) return whole;
  const sent *pv = whole->owner;
  tk *other = NULL;
  for (size_t j = 0; j < pv->nt; j++) {
    tk *u = &pv->t[j];
    if (u == whole || u->role != R_STATE || u->kind != TK_AMT ||
        u->depth != whole->depth || !parts_make(u, parts, np))
      continue;
    if (other) return whole; /* two: the numbers do not tell */
    other = u;
  }
  return other ? other : whole;
}

static void opener_lists(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t i = 0; i < st->n && !r->rc; i++) {
    /* (after a figure's unit or a rate the comma is often left out:
     * "…减少 28%其中:公务用车购置费 274 万元") */
    bool at_clause =
        i == 0 || st->s[i - 1] == ',' || st->s[i - 1] == ':' ||
        st->s[i - 1] == ';' || st->s[i - 1] == '(' || st->s[i - 1] == '%' ||
        (i >= 3 &&
         (cl_starts(st->s + i - 3, "元") || cl_starts(st->s + i - 3, "亿")));
    /* "基本支出中医疗业务支出 5868.43 万元,…": 中 with no mark after it
     * opens a list only after the exact name of an amount stated before
     * (not in 其中, 集中, 中央…) */
    bool bare = false;
    if (!opener_at(st->s + i, st->n - i)) {
      if (!cl_starts(st->s + i, "中") || i < 6 ||
          cl_starts(st->s + i - 3, "其") || cl_starts(st->s + i - 3, "集"))
        continue;
      bare = true;
    }
    size_t first = 0;
    int depth = 0;
    for (size_t k = 0; k < st->nt; k++) {
      if (st->t[k].b >= i) break;
      first = k + 1;
    }
    if (bare) {
      size_t b0 = first ? st->t[first - 1].e : 0, c0 = i;
      while (c0 > b0 && st->s[c0 - 1] != ',' && st->s[c0 - 1] != ';' &&
             st->s[c0 - 1] != ':')
        c0--;
      int yy, mm;
      const char *nm = cl_clean_subject(r, st->s + c0, i - c0, &yy, &mm);
      tk *w = nm && *nm && !cl_generic(nm)
                  ? cl_find_named(r, pg, si, first, nm, 0, NULL, false)
                  : NULL;
      if (!w || cl_name_score(r, w->subject, nm) < 2) continue;
    }
    for (size_t j = 0; j < i; j++) {
      if (st->s[j] == '(') depth++;
      if (st->s[j] == ')' && depth) depth--;
    }
    /* the text since the last figure (or the clause start) before it */
    size_t b = first ? st->t[first - 1].e : 0;
    size_t cb = i;
    while (cb > b && st->s[cb - 1] != ',' && st->s[cb - 1] != ';' &&
           st->s[cb - 1] != ':')
      cb--;
    int y, m;
    const char *name = cl_clean_subject(r, st->s + cb, i - cb, &y, &m);
    /* "“三公”经费包括:", "税收收入中,": a list of a named whole */
    bool named_opener =
        cl_starts(st->s + i, "包括") || cl_starts(st->s + i, "中");
    if (!at_clause && !(named_opener && name && *name)) continue;
    bool first_clause = true;
    for (size_t j = 0; j < i && first_clause; j++)
      first_clause = st->s[j] != ',' && st->s[j] != ';';
    const tk *parts[64];
    size_t np = cl_collect_parts(r, st, first, i, depth, true, parts, 64);
    if (!np) continue;
    tk *whole = opener_whole(r, pg, si, first, depth, name, y, m, parts[0]);
    if (!whole) continue;
    /* "其中:" at the end of its clause: the list may go on */
    size_t ol = cl_starts(st->s + i, "其中") ? 6 : 0;
    if (ol && i + ol < st->n && st->s[i + ol] == ':' && !depth)
      continue_parts(r, pg, si, whole, parts, &np, 64);
    if (np == 64) continue; /* more parts than the room: no partial sum */
    if (np == 1) {
      /* one part: no sum to check, but a share of it is of this whole */
      if (!parts[0]->headp) ((tk *)parts[0])->headp = whole;
      continue;
    }
    bool taken = false;
    for (size_t p = 0; p < np; p++) taken = taken || parts[p]->headp;
    if (taken) continue; /* the parts of a list opened before */
    if (whole->owner != st && first_clause)
      whole = whole_the_parts_make(whole, parts, np);
    add_list(r, si, whole, parts, np,
             ys_text_has(st->s + i, st->n - i, "分别为"));
  }
}

/* Does a frame's name ("地方收入") name the stated amount u: its first two
 * characters among u's first words and its last two ending u's subject
 * ("完成地方一般公共预算收入")? */
static bool frame_names(const tk *u, const char *name) {
  if (!u->subject || u->role != R_STATE) return false;
  size_t ul = strlen(u->subject), nl = strlen(name);
  if (nl < 12 || ul < nl || strcmp(u->subject + ul - 6, name + nl - 6))
    return false;
  char head[7];
  memcpy(head, name, 6);
  head[6] = '\0';
  const char *at = strstr(u->subject, head);
  /* among its first words: at most two characters before ("完成") */
  return at && at - u->subject <= 6;
}

/* Breakdowns of a total stated before ("分中央和地方看,…"). */
static void frame_lists(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  /* "分中央和地方看,", "按级次分:", "从收入结构看:", "地方收入按构成分:":
   * a breakdown of a total stated before into the parts that follow */
  for (size_t i = 0; i < st->n && !r->rc; i++) {
    bool at_clause = i == 0 || st->s[i - 1] == ',' || st->s[i - 1] == ':' ||
                     st->s[i - 1] == ';';
    const char *end = NULL;
    size_t fe = 0;
    if (cl_starts(st->s + i, "分") || cl_starts(st->s + i, "从"))
      end = "看";
    else if (cl_starts(st->s + i, "按"))
      end = "分";
    else if (cl_starts(st->s + i, "关于"))
      end = "情况"; /* "关于收入决算具体情况," */
    else if (at_clause)
      end = "方面"; /* "收入方面," */
    if (!end) continue;
    size_t el = strlen(end);
    for (size_t j = i + 3; j + el < st->n && j < i + 60 && !fe; j++)
      if (cl_starts(st->s + j, end) &&
          (st->s[j + el] == ',' || st->s[j + el] == ':') &&
          /* "收入方面", "财政支出方面": a side, not a topic ("在支持
           * 中小企业发展方面") */
          (strcmp(end, "方面") || j - i <= 12))
        fe = j + el + 1;
      else if (st->s[j] == ',' || st->s[j] == ';' || cl_digit(st->s[j]))
        break;
    if (!fe) continue;
    /* a name just before the frame in its clause ("地方收入按构成分") */
    size_t cb = i;
    while (cb > 0 && st->s[cb - 1] != ',' && st->s[cb - 1] != ';' &&
           st->s[cb - 1] != ':')
      cb--;
    if (!at_clause && cb == i) continue;
    size_t first = 0;
    for (size_t k = 0; k < st->nt && st->t[k].b < fe; k++) first = k + 1;
    bool between = false; /* a figure between the clause start and frame */
    for (size_t k = 0; k < st->nt; k++)
      between = between || (st->t[k].b >= cb && st->t[k].b < i);
    if (between) continue;
    const tk *parts[64];
    size_t np = cl_collect_parts(r, st, first, fe, 0, true, parts, 64);
    if (np && st->s[fe - 1] == ':')
      continue_parts(r, pg, si, NULL, parts, &np, 64);
    if (np < 2 || np == 64) continue; /* 64: more than the room */
    bool taken = false;
    for (size_t p = 0; p < np; p++) taken = taken || parts[p]->headp;
    if (taken) continue;
    int y, m;
    const char *name =
        cb < i ? cl_clean_subject(r, st->s + cb, i - cb, &y, &m) : "";
    int side = side_of(r, parts[0]->subject);
    double most = 0;
    for (size_t p = 0; p < np; p++)
      if (cl_yuan(parts[p]) > most) most = cl_yuan(parts[p]);
    /* the whole: the latest stated total before the frame that the name
     * names (its first and last words: 地方…收入), or, unnamed, of the
     * parts' side and not smaller than any of them */
    tk *whole = NULL;
    for (size_t s2 = si + 1; s2-- > 0 && !whole;) {
      sent *ss = &pg->s[s2];
      size_t e2 = s2 == si ? first : ss->nt;
      for (size_t j = e2; j-- > 0 && !whole;) {
        tk *u = &ss->t[j];
        if (u->role != R_STATE || (s2 == si && u->b >= cb)) continue;
        if (*name) {
          if (frame_names(u, name)) whole = u;
        } else if (!u->headp && cl_yuan(u) >= most &&
                   (!side || side_of(r, u->subject) == side)) {
          whole = u;
        }
      }
    }
    /* a paragraph may be the breakdown of a total stated in the one
     * before ("地方收入按构成分:…" after "…地方一般公共预算收入 1720 万元") */
    for (size_t h = r->nh; h-- > 0 && !whole;) {
      tk *u = r->hist[h];
      if (*name ? frame_names(u, name) && cl_yuan(u) >= most
                : !u->headp && cl_yuan(u) >= most &&
                      (!side || side_of(r, u->subject) == side))
        whole = u;
    }
    if (!whole) continue;
    add_list(r, si, whole, parts, np, false);
  }
}

/* Items enumerated after a colon, each with its amount. */
static void enumerated_lists(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  /* "…520 万元,与 2022 年预算持平:一、…170 万元…,二、…150 万元…,三、…
   * 200 万元": items enumerated after a colon, each with its amount */
  for (size_t i = 1; i < st->n && !r->rc; i++) {
    if (st->s[i - 1] != ':' || !cl_enumerator_at(st->s + i, st->n - i))
      continue;
    tk *whole = NULL;
    size_t k0 = 0;
    for (size_t k = 0; k < st->nt && st->t[k].b < i; k++) {
      if (st->t[k].role == R_STATE && st->t[k].depth == 0) whole = &st->t[k];
      k0 = k + 1;
    }
    if (!whole) continue;
    const tk *parts[64];
    size_t np = 0;
    bool want = true; /* the next item's first amount */
    for (size_t k = k0; k < st->nt && np < 64; k++) {
      tk *t = &st->t[k];
      size_t from = k ? st->t[k - 1].e : i;
      if (from < i) from = i;
      for (size_t j = from; j < t->b; j++)
        if ((j == i || st->s[j - 1] == ',' || st->s[j - 1] == ';') &&
            cl_enumerator_at(st->s + j, t->b - j))
          want = true;
      if (want && t->role == R_STATE && t->depth == 0) {
        parts[np++] = t;
        want = false;
      }
    }
    if (np < 2) continue;
    add_list(r, si, whole, parts, np, false);
  }
}

/* The lists of a sentence: each part's headp set (before attach). */
/* "公务用车购置及运行费 500.00 万元(公务用车购置费 100.00 万元,…;公务用车
 * 运行维护费 400.00 万元,…)": an aside right after an amount that states
 * two or more amounts and nothing else lists its parts. */
static void aside_lists(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t k = 0; k + 2 < st->nt && !r->rc; k++) {
    tk *w = &st->t[k];
    if (w->role != R_STATE || w->kind != TK_AMT || !w->subject ||
        !*w->subject || cl_generic(w->subject))
      continue;
    size_t o = w->e;
    while (o < st->n && st->s[o] == ' ') o++;
    if (o >= st->n || st->s[o] != '(') continue;
    /* the aside's end */
    int depth = 0;
    size_t c = o;
    for (; c < st->n; c++) {
      if (st->s[c] == '(') depth++;
      if (st->s[c] == ')' && --depth == 0) break;
    }
    if (c >= st->n) continue;
    const tk *parts[16];
    size_t np = 0;
    bool other = false;
    int sep = 0; /* what sets the items apart: 1 、 2 , 3 ; */
    for (size_t j = k + 1; j < st->nt && st->t[j].b < c; j++) {
      const tk *t = &st->t[j];
      if (t->depth != w->depth + 1) continue;
      if (t->role == R_STATE && t->kind == TK_AMT && t->subject &&
          *t->subject && !t->headp && np < 16) {
        int g = np ? cl_separator_between(st, parts[np - 1]->e, t->b) : 0;
        if (np == 1) sep = g;
        /* "(含均衡性转移支付收入 166 万元、…、其他 212 万元,专项转移支付
         * 收入 406 万元)": items set apart by 、 end where a comma comes;
         * what follows is the whole's sibling, told in the same aside */
        if (sep == 1 && g > 1) break;
        parts[np++] = t;
      } else if (t->role == R_STATE)
        other = true;
    }
    if (np < 2 || other) continue;
    add_list(r, si, w, parts, np, false);
  }
}

/* "2010 年三公经费支出数为 22738.55 万元,因公出国(境)费 1838.28 万元,公
 * 务用车购置及运行费 16940.73 万元,公务接待费 3959.54 万元": a list with
 * no 其中, told by meaning: the amounts after a whole, each the first of
 * its clause, whose subjects the vocabulary places inside the whole's
 * (within_whole), at least two, none in a list already. */
static void meaning_lists(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t k = 0; k + 2 < st->nt && !r->rc; k++) {
    tk *w = &st->t[k];
    if (w->role != R_STATE || w->kind != TK_AMT || w->headp || !w->subject ||
        !*w->subject)
      continue;
    const tk *parts[64];
    size_t np = 0, j = k + 1;
    for (; j < st->nt && np < 64; j++) {
      const tk *t = &st->t[j];
      if (t->depth != w->depth) continue;
      if (t->role != R_STATE) continue;
      if (t->kind != TK_AMT || t->headp || t->unit != w->unit ||
          !within_whole(r, w, t) ||
          cl_separator_between(st, np ? parts[np - 1]->e : w->e, t->b) < 2)
        break;
      parts[np++] = t;
    }
    if (np < 2 || np == 64) continue;
    add_list(r, si, w, parts, np, false);
    k = j - 1;
  }
}

void cl_list_parts(cr *r, para *pg, size_t si) {
  opener_lists(r, pg, si);
  frame_lists(r, pg, si);
  enumerated_lists(r, pg, si);
  aside_lists(r, pg, si);
  meaning_lists(r, pg, si);
}

/* --- lists over sections ---------------------------------------------- */

void cl_close_section_list(cr *r) {
  if (r->sl_whole && r->sl_np >= 2)
    cl_list_sum(r, (sent *)r->sl_whole->owner, r->sl_whole, r->sl_parts,
                r->sl_np, false);
  r->sl_whole = NULL;
  r->sl_np = 0;
  r->sl_kind = 0;
  r->sl_want = false;
}

/* Does the sentence end with a list opener and nothing after it ("…。
 * 其中:", "具体如下:")? */
static bool ends_with_opener(const sent *st) {
  size_t n = st->n;
  while (n && (st->s[n - 1] == ':' || st->s[n - 1] == ' ')) n--;
  static const char *const op[] = {"其中",   "具体如下", "分项情况如下",
                                   "分别为", "包括",     "情况如下"};
  for (size_t i = 0; i < sizeof op / sizeof op[0]; i++) {
    size_t k = strlen(op[i]);
    if (n >= k && !memcmp(st->s + n - k, op[i], k)) {
      for (size_t j = 0; j < st->nt; j++)
        if (st->t[j].e > n - k) return false;
      return true;
    }
  }
  return false;
}

/* One paragraph's part in a list over sections: a heading of the list's
 * numbering opens a part, the first amount stated under it is the part,
 * a heading numbered otherwise ends the list; and a paragraph that ends
 * with an opener starts one, its whole the last amount stated before. */
void cl_section_lists(cr *r, para *pg) {
  if (r->head_kind) {
    if (!r->sl_whole) return;
    if (r->head_kind > 0 && (!r->sl_kind || r->head_kind == r->sl_kind)) {
      r->sl_kind = r->head_kind;
      r->sl_want = true;
    } else {
      cl_close_section_list(r);
    }
    return;
  }
  if (!pg->n) return;
  if (r->sl_whole && r->sl_want) {
    const tk *part = NULL;
    for (size_t si = 0; si < pg->n && !part; si++)
      for (size_t k = 0; k < pg->s[si].nt && !part; k++)
        if (pg->s[si].t[k].role == R_STATE && pg->s[si].t[k].kind == TK_AMT &&
            !pg->s[si].t[k].depth)
          part = &pg->s[si].t[k];
    r->sl_want = false;
    if (part && !cl_keep_sentence(r, part)) {
      r->rc = YS_ENOMEM;
      return;
    }
    if (part && r->sl_np < 16)
      r->sl_parts[r->sl_np++] = part;
    else
      cl_close_section_list(r);
  } else if (r->sl_whole && r->sl_kind <= 0) {
    /* no numbering: a paragraph that opens with an amount stated of a
     * subject ("公务接待费 638 万元，比上年…。主要原因是…") is the next
     * part; other text after the opener: no such list */
    const tk *part = NULL;
    const sent *first = &pg->s[0];
    for (size_t k = 0; k < first->nt && !part; k++) {
      const tk *t = &first->t[k];
      if (t->kind != TK_AMT && t->kind != TK_PCT) continue;
      if (t->role == R_STATE && t->kind == TK_AMT && !t->depth && !t->clause &&
          t->subject && *t->subject)
        part = t;
      break; /* only the paragraph's first figure */
    }
    /* unnumbered, a part must be one of the whole by meaning (the next
     * paragraph may well open with an amount of the next topic) */
    if (part && !within_whole(r, r->sl_whole, part)) part = NULL;
    if (part && r->sl_np < 16) {
      if (!cl_keep_sentence(r, part)) {
        r->rc = YS_ENOMEM;
        return;
      }
      r->sl_kind = -1;
      r->sl_parts[r->sl_np++] = part;
    } else {
      cl_close_section_list(r);
    }
  }
  sent *last = &pg->s[pg->n - 1];
  if (!ends_with_opener(last)) return;
  tk *whole = NULL;
  for (size_t si = pg->n; si-- > 0 && !whole;) {
    sent *st = &pg->s[si];
    for (size_t k = st->nt; k-- > 0 && !whole;)
      if (st->t[k].role == R_STATE && st->t[k].kind == TK_AMT &&
          !st->t[k].depth && st->t[k].subject)
        whole = &st->t[k];
  }
  /* a part of a list already made is no whole of another */
  if (!whole || whole->headp) return;
  cl_close_section_list(r);
  if (!cl_keep_sentence(r, whole)) {
    r->rc = YS_ENOMEM;
    return;
  }
  r->sl_whole = whole;
}
