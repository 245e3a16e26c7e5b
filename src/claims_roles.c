/*
 * claims_roles.c - the role of each number of a sentence, from the words
 * just before it (claims_impl.h): a stated amount with its subject, year
 * and measure (预算/决算/执行); a change with its direction and base
 * (上年, a year, the budget); a prior amount; a rate of change; a share; a
 * completion rate; the whole a share is of. Subjects are cleaned of the
 * words that do not name what is stated.
 */
#include "claims_impl.h"

/* --- roles ------------------------------------------------------------- */

/* The text a token's role is read from: back to the previous token or the
 * previous clause break. */
void cl_pre_text(const sent *st, size_t k, const char **p, size_t *n) {
  size_t e = st->t[k].b;
  size_t b = k ? st->t[k - 1].e : 0;
  /* not past a sentence-level break */
  for (size_t i = e; i > b; i--) {
    char c = st->s[i - 1];
    if (c == ';') {
      b = i;
      break;
    }
  }
  *p = st->s + b;
  *n = e - b;
}

/* The clause a token sits in: back to the last ',' ';' ':' */
static void clause_text(const sent *st, size_t k, const char **p, size_t *n) {
  size_t e = st->t[k].b, b = e;
  while (b > 0) {
    char c = st->s[b - 1];
    if (c == ',' || c == ';' || c == ':') break;
    if (b >= 3 && cl_starts(st->s + b - 3, "、") && st->t[k].kind != TK_AMT)
      break;
    b--;
  }
  *p = st->s + b;
  *n = e - b;
}

static const char *const up_words[] = {"增加", "增长",   "增收", "上升", "提高",
                                       "增幅", "多支出", "增支", "超出", "增"};
static const char *const down_words[] = {
    "减少", "下降", "减收",   "降低",   "减幅", "降幅", "节约",
    "压减", "缩减", "负增长", "少支出", "减支", "减",   "少"};

/* The change word a text ends with (give or take 了/额/为/约/"了约"). */
static int change_dir_end(const char *p, size_t n) {
  static const char *const tails[] = {"了约", "约", "了",     "额为",
                                      "额",   "为", "幅度为", "幅为",
                                      "达到", "达", ":"};
  for (int round = 0; round < 3; round++) {
    bool cut = false;
    for (size_t t = 0; t < sizeof tails / sizeof tails[0] && !cut; t++)
      if (cl_ends_with(p, n, tails[t])) {
        n -= strlen(tails[t]);
        cut = true;
      }
    if (!cut) break;
  }
  if (cl_ends_with(p, n, "负增长")) return -1;
  for (size_t i = 0; i < sizeof up_words / sizeof up_words[0]; i++)
    if (cl_ends_with(p, n, up_words[i])) return +1;
  for (size_t i = 0; i < sizeof down_words / sizeof down_words[0]; i++)
    if (cl_ends_with(p, n, down_words[i])) {
      /* "下降" but not "较上年同期下" */
      return -1;
    }
  /* "超出预算 57.25 亿元", "低于上年 3 万元": the verb, then its base */
  static const char *const bases[] = {"年初预算", "调整预算", "预算数", "预算",
                                      "上年同期", "上年",     "计划"};
  for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
    if (!cl_ends_with(p, n, bases[b])) continue;
    size_t m = n - strlen(bases[b]);
    if (cl_ends_with(p, m, "超出") || cl_ends_with(p, m, "高于") ||
        cl_ends_with(p, m, "多于"))
      return +1;
    if (cl_ends_with(p, m, "低于") || cl_ends_with(p, m, "少于")) return -1;
  }
  return 0;
}

static bool comparison(const char *p, size_t n) {
  return ys_text_has(p, n, "比") || ys_text_has(p, n, "较") ||
         ys_text_has(p, n, "相比") || ys_text_has(p, n, "同比") ||
         ys_text_has(p, n, "与");
}

/* What a comparison is against, from its words. */
static int base_of(const char *p, size_t n, int *year) {
  *year = 0;
  bool yr = false;
  for (size_t i = 0; i + 7 <= n && !yr; i++)
    yr = cl_digit(p[i]) && cl_digit(p[i + 1]) && cl_digit(p[i + 2]) &&
         cl_digit(p[i + 3]) && cl_starts(p + i + 4, "年");
  /* the words the comparison is against: after 比 / 较 / 与 ("预算数较上
   * 年增加": 预算 is what is compared, 上年 the base) */
  const char *q = NULL;
  static const char *const vs[] = {"比", "较", "与"};
  for (size_t v = 0; v < sizeof vs / sizeof vs[0]; v++)
    for (const char *f = p; f + 3 <= p + n; f++)
      if (cl_starts(f, vs[v])) {
        if (!q || f + 3 < q) q = f + 3;
        break;
      }
  if (!q) q = p;
  size_t qn = n - (size_t)(q - p);
  /* "比 2019 年预算" is the prior year's budget, not this year's */
  if (!yr && ys_text_has(q, qn, "预算") && !ys_text_has(q, qn, "上年预算") &&
      !ys_text_has(q, qn, "去年预算") && !ys_text_has(q, qn, "预算执行"))
    return B_BUDGET;
  for (size_t i = 0; i + 7 <= n; i++)
    if (cl_digit(p[i]) && cl_digit(p[i + 1]) && cl_digit(p[i + 2]) &&
        cl_digit(p[i + 3]) && cl_starts(p + i + 4, "年") &&
        (i == 0 || !cl_digit(p[i - 1]))) {
      *year = atoi(p + i);
      return B_YEAR;
    }
  if (ys_text_has(p, n, "上年") || ys_text_has(p, n, "去年") ||
      ys_text_has(p, n, "同比") || ys_text_has(p, n, "同期") ||
      ys_text_has(p, n, "上年度"))
    return B_PRIOR;
  return B_NONE;
}

/* Does the text pair a list with another, item by item: 分别, or 各 before
 * the verb ("收、支总计各是 4125.49,4143.91 万元", "各减少 …、…")? */
static bool says_each(const char *p, size_t n) {
  if (ys_text_has(p, n, "分别")) return true;
  static const char *const verb[] = {"是",   "为",   "减少", "增加", "下降",
                                     "增长", "上升", "降低", "达"};
  for (const char *q = p; q + 3 <= p + n; q++) {
    if (!cl_starts(q, "各")) continue;
    for (size_t v = 0; v < sizeof verb / sizeof verb[0]; v++)
      if (q + 3 + strlen(verb[v]) <= p + n && cl_starts(q + 3, verb[v]))
        return true;
  }
  return false;
}

/* The phase the words of a comparison name after its 比 / 较 / 与 ("比
 * 2022 年决算数": 决算), 0 none. */
int cl_base_phase(const char *p, size_t n) {
  const char *w = NULL;
  static const char *const marks[] = {"比", "较", "与"};
  for (size_t m = 0; m < 3; m++) {
    const char *f = cl_rfind_n(p, n, marks[m]);
    if (f && (!w || f > w)) w = f;
  }
  if (!w) return 0;
  char buf[256];
  size_t k = (size_t)(p + n - w);
  if (k >= sizeof buf) k = sizeof buf - 1;
  memcpy(buf, w, k);
  buf[k] = 0;
  return ys_phase_named(buf);
}

/* Strips what surrounds a subject: connectives, the organisation, when,
 * the verbs of stating. Keeps the words that name the thing. */
const char *cl_clean_subject(cr *r, const char *p, size_t n, int *year,
                             int *measure) {
  *year = 0;
  *measure = 0;
  char *k = ys_text_key(r->a, p, n);
  if (!k) return "";
  /* years mentioned anywhere in the subject */
  for (char *q = k; *q; q++)
    if (cl_digit(q[0]) && cl_digit(q[1]) && cl_digit(q[2]) && cl_digit(q[3]) &&
        cl_starts(q + 4, "年") && (q == k || !cl_digit(q[-1]))) {
      *year = atoi(q);
      memmove(q, q + 7, strlen(q + 7) + 1);
      if (cl_starts(q, "度")) memmove(q, q + 3, strlen(q + 3) + 1);
      q--;
    }
  if (strstr(k, "上年") || strstr(k, "去年")) *year = -1;
  /* (预算 in a budget's name, "一般公共预算收入总计", is no measure) */
  int phase = ys_phase_named(k);
  if (phase == YS_PHASE_FINAL || strstr(k, "实际"))
    *measure = YS_PHASE_FINAL;
  else if (phase == YS_PHASE_BUDGET || strstr(k, "安排"))
    *measure = YS_PHASE_BUDGET;
  static const char *const lead[] = {
      "其中:",  "其中",        "包括:",    "包括",       "主要包括", "分别为",
      "分别是", "分项情况是:", "具体为:",  "具体为",     "以及",     "和",
      "及",     "分别",        "按同口径", "按可比口径", "可比口径", "按照",
      "同口径", "同期",        ",",        ";",          "(",        ")",
      "含",     "本单位",      "本部门",   "我单位",     "我部门",   "我局",
      "我镇",   "我院",        "全区",     "全市",       "全县",     "全省",
      "全国",   "年度",        "累计",     "共计",       "合计",     "总计",
      "共",     ":",           "、",       "是",         "为",       "了",
      "的",     "而",          "则"};
  for (bool again = true; again;) {
    again = false;
    for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++)
      if (cl_starts(k, lead[i])) {
        k += strlen(lead[i]);
        again = true;
      }
    /* list numbering */
    const char *q = k;
    while (cl_digit(*q)) q++;
    if (q > k && (cl_starts(q, "、") || *q == '.')) {
      k = (char *)q + (*q == '.' ? 1 : 3);
      again = true;
    }
    /* "三、", "(三)", and "三)" whose bracket went with the clause before */
    static const char *const cn[] = {"一", "二", "三", "四", "五",
                                     "六", "七", "八", "九", "十"};
    q = k + (*k == '(');
    for (bool hit = true; hit;) {
      hit = false;
      for (size_t i = 0; i < 10; i++)
        if (cl_starts(q, cn[i])) {
          q += 3;
          hit = true;
        }
    }
    if (q > k + (*k == '(') && (cl_starts(q, "、") || *q == ')')) {
      k = (char *)q + (*q == ')' ? 1 : 3);
      again = true;
    }
  }
  static const char *const tail[] = {
      "预算数为", "预算数",   "决算数为", "决算数",   "执行数为", "执行数",
      "共计安排", "预算安排", "安排",     "预算为",   "决算为",   "支出决算为",
      "共计",     "合计",     "总计",     "为",       "是",       "共",
      "达",       "约",       "总额",     "总规模为", "规模为",   "规模",
      "完成",     "实现",     ":",        "分别为",   "分别",     "收入为",
      "达到了",   "达到"};
  for (bool again = true; again;) {
    again = false;
    size_t kl = strlen(k);
    for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++)
      if (cl_ends_with(k, kl, tail[i]) && kl > strlen(tail[i])) {
        k[kl - strlen(tail[i])] = '\0';
        again = true;
        break;
      }
  }
  /* punctuation alone names nothing */
  bool word = false;
  for (const char *q = k; *q && !word;) {
    if (strchr(",;:()!?.-+%", *q)) {
      q++;
    } else if (cl_starts(q, "、") || cl_starts(q, "“") || cl_starts(q, "”")) {
      q += 3;
    } else {
      word = true;
    }
  }
  return word ? k : "";
}

/* The role of a percentage: a share, a completion rate, a rate of change
 * (with its direction and base), from the words before it. */
static void pct_role(sent *st, size_t k, const char *p, size_t n) {
  tk *t = &st->t[k];
  const char *cp;
  size_t cn;
  clause_text(st, k, &cp, &cn);
  int dir = change_dir_end(p, n);
  bool share = ys_text_has(p, n, "占") || ys_text_has(p, n, "比重") ||
               ys_text_has(p, n, "比例");
  bool compl_ =
      (ys_text_has(cp, cn, "完成") && ys_text_has(cp, cn, "预算")) ||
      ((ys_text_has(p, n, "为") || ys_text_has(p, n, "占") ||
        ys_text_has(p, n, "达")) &&
       (cl_ends_with(p, n, "预算的") || cl_ends_with(p, n, "预算数的") ||
        cl_ends_with(p, n, "计划的") || cl_ends_with(p, n, "任务的") ||
        cl_ends_with(p, n, "任务数的")));
  if (ys_text_has(p, n, "执行率") || ys_text_has(p, n, "完成率")) compl_ = true;
  /* "占年初预算 10065 万元的 43.2%": of the whole just named */
  if (k > 0 && st->t[k - 1].role == R_WHOLE && n <= 3) {
    t->role = st->t[k - 1].measure == YS_PHASE_BUDGET ? R_COMPL : R_SHARE;
    return;
  }
  /* "减少 0.2 万元(100%)": the rate of the change just before */
  if (!dir && k > 0 && st->t[k - 1].role == R_DELTA && n == 1 && *p == '(') {
    t->role = R_RATE;
    t->dir = st->t[k - 1].dir;
    t->base = st->t[k - 1].base;
    return;
  }
  if (compl_)
    t->role = R_COMPL;
  else if (share && !dir)
    t->role = R_SHARE;
  else if (dir) {
    t->role = R_RATE;
    t->dir = dir;
    t->base = base_of(cp, cn, &t->base_year);
    t->base_phase = cl_base_phase(cp, cn);
  } else if (t->listed && k > 0 && st->t[k - 1].kind == TK_PCT) {
    t->role = st->t[k - 1].role;
    t->dir = st->t[k - 1].dir;
  }
  t->together = says_each(p, n);
}

/* The direction of the change word text a[0..an) opens with: +1 up, -1
 * down, 0 none ("下降 34 万元"). */
static int change_word_at(const char *a, size_t an) {
  for (size_t i = 0; i < sizeof up_words / sizeof up_words[0]; i++)
    if (an >= strlen(up_words[i]) && cl_starts(a, up_words[i])) return +1;
  for (size_t i = 0; i < sizeof down_words / sizeof down_words[0]; i++)
    if (an >= strlen(down_words[i]) && cl_starts(a, down_words[i])) return -1;
  return 0;
}

/* The direction of the change word after the amount, past a comma
 * ("21.79 万元,增加 14.01%"); 0 none. */
static int change_after(const sent *st, const tk *t) {
  const char *after = st->s + t->e;
  size_t an = st->n - t->e;
  if (an && *after == ',') after++, an--;
  return change_word_at(after, an);
}

/* Does a change word follow the amount directly ("285 万元下降 34 万元")? */
static bool change_follows(const sent *st, const tk *t) {
  return change_word_at(st->s + t->e, st->n - t->e) != 0;
}

/* The base of a change whose word comes before it (R_DELTA), from its
 * clause, or from the clause before when that names it. */
static void delta_base(sent *st, tk *t, const char *cp, size_t cn) {
  t->base = base_of(cp, cn, &t->base_year);
  t->base_phase = cl_base_phase(cp, cn);
  /* "与 2021 年度预算相比,增加 1.14 万元", "与 2010 年决算数相比,2011 年
   * …预算减少 0.42 亿元": the clause before names the base (a year in
   * the change's own clause is the current figure's) */
  if (cp > st->s + 1 && cp[-1] == ',') {
    size_t e = (size_t)(cp - 1 - st->s), b;
    while (e > 0 && st->s[e - 1] == ',') e--; /* ",," of a copy */
    b = e;
    while (b > 0 && st->s[b - 1] != ',' && st->s[b - 1] != ';' &&
           st->s[b - 1] != ':')
      b--;
    int y2;
    int b2 = cl_ends_with(st->s + b, e - b, "相比") ||
                     cl_ends_with(st->s + b, e - b, "比较")
                 ? base_of(st->s + b, e - b, &y2)
                 : B_NONE;
    if (b2 != B_NONE) {
      t->base = b2, t->base_year = y2;
      t->base_phase = cl_base_phase(st->s + b, e - b);
    }
  }
}

/* A stated amount (R_STATE) and its subject. */
static void stated_role(cr *r, sent *st, size_t k, const char *cp) {
  tk *t = &st->t[k];
  /* the subject: the clause up to the amount, past any earlier number
   * of the clause but a year ("2025 年当年预算执行数为") */
  size_t sb = (size_t)(cp - st->s);
  for (size_t j = 0; j < k; j++)
    if (st->t[j].kind != TK_YEAR && st->t[j].kind != TK_CODE &&
        st->t[j].e > sb && st->t[j].e <= t->b)
      sb = st->t[j].e;
  t->role = R_STATE;
  t->subject =
      cl_clean_subject(r, st->s + sb, t->b - sb, &t->syear, &t->measure);
  if (!t->subject) t->subject = "";
  /* "…“三公”经费支出年初预算为 12000 元,支出决算为 12000 元": a bare
   * 支出/收入 goes on with the subject of the clause before */
  if (*t->subject && cl_generic(t->subject) && !t->list)
    for (size_t j = k; j-- > 0;)
      if (st->t[j].role == R_STATE && st->t[j].subject &&
          !cl_generic(st->t[j].subject)) {
        t->subject = st->t[j].subject;
        break;
      }
}

/* The role of an amount: a change, a prior amount, the whole a share is
 * of, a threshold, or a stated amount with its subject. */
/* Is the amount k the upper end of a range, right after the lower one
 * ("均在 120-170 亿元之间", "5~10 万元")? */
static bool range_end(const sent *st, size_t k, const char *p, size_t n) {
  if (!k || p != st->s + st->t[k - 1].e ||
      (st->t[k - 1].kind != TK_NUM && st->t[k - 1].kind != TK_AMT))
    return false;
  return (n == 1 && (*p == '-' || *p == '~')) ||
         (n == 3 &&
          (cl_starts(p, "至") || cl_starts(p, "到") || cl_starts(p, "—") ||
           cl_starts(p, "～") || cl_starts(p, "－")));
}

/* The length of a change word and 至/到 at a ("减少至", "增加到", "降至"),
 * 0 none; *dir its direction. */
static size_t change_to_at(const char *a, size_t an, int *dir) {
  for (int side = 0; side < 2; side++) {
    const char *const *w = side ? down_words : up_words;
    size_t nw = side ? sizeof down_words / sizeof down_words[0]
                     : sizeof up_words / sizeof up_words[0];
    for (size_t i = 0; i < nw; i++) {
      size_t l = strlen(w[i]);
      if (an >= l + 3 && cl_starts(a, w[i]) &&
          (cl_starts(a + l, "至") || cl_starts(a + l, "到"))) {
        *dir = side ? -1 : +1;
        return l + 3;
      }
    }
  }
  return 0;
}

/* "会议费由上年的 50 万元增加到 60 万元", "从 2023 年的 69.25 万元减少至
 * 2024 年的 3.3 万元": the amount after 由/从 is the prior, the one after
 * the change word and 至/到 the level it came to, of the subject before
 * 由/从. true when t is either. */
static bool from_to(cr *r, sent *st, size_t k, const char *cp, size_t cn) {
  tk *t = &st->t[k];
  int dir;
  /* the level: right after a "from" amount and its change word (a year
   * between: "减少至 2024 年的 3.3 万元") */
  size_t pk = k;
  while (pk > 0 && st->t[pk - 1].kind == TK_YEAR) pk--;
  if (pk > 0 && st->t[pk - 1].role == R_PRIOR && st->t[pk - 1].from) {
    const tk *f = &st->t[pk - 1];
    const char *a = st->s + f->e;
    if (*a == ',') a++;
    if (change_to_at(a, (size_t)(st->s + t->b - a), &dir)) {
      stated_role(r, st, k, cp);
      t->subject = f->subject;
      t->level = true;
      return true;
    }
  }
  /* the prior: 由/从 in its clause, a change word and 至/到 after it */
  const char *z = cl_rfind_n(cp, cn, "由");
  const char *y = cl_rfind_n(cp, cn, "从");
  if (y && (!z || y > z)) z = y;
  size_t nk = k + 1;
  while (nk < st->nt && st->t[nk].kind == TK_YEAR) nk++;
  if (!z || nk >= st->nt || st->t[nk].kind != TK_AMT) return false;
  const char *a = st->s + t->e;
  if (*a == ',') a++;
  if (!change_to_at(a, (size_t)(st->s + st->t[nk].b - a), &dir)) return false;
  int y0, m0;
  const char *subj = cl_clean_subject(r, cp, (size_t)(z - cp), &y0, &m0);
  if (!subj || !*subj) return false;
  t->role = R_PRIOR;
  t->from = true;
  t->subject = subj;
  t->base = B_PRIOR;
  return true;
}

static void amount_role(cr *r, sent *st, size_t k, const char *p, size_t n) {
  tk *t = &st->t[k];
  int dir = change_dir_end(p, n);
  /* "增(减) 0 元", "增减 0 万元": a change either way, of nothing (a
   * change of some figure would say which way) */
  if (!dir && !strcmp(t->num, "0") &&
      (cl_ends_with(p, n, "增(减)") || cl_ends_with(p, n, "增减") ||
       cl_ends_with(p, n, "增(减)额") || cl_ends_with(p, n, "增减额") ||
       cl_ends_with(p, n, "增/减")))
    dir = +1;
  const char *cp;
  size_t cn;
  clause_text(st, k, &cp, &cn);
  if (!dir && from_to(r, st, k, cp, cn)) return;
  /* "完成预算 46508 万元的 100.8%,超收 392 万元": the actual against its
   * budget, a difference, never a level the change after it is of */
  int over = cl_ends_with(p, n, "超收") || cl_ends_with(p, n, "超支")   ? +1
             : cl_ends_with(p, n, "短收") || cl_ends_with(p, n, "欠收") ? -1
                                                                        : 0;
  if (over) {
    t->role = R_DELTA;
    t->dir = over;
    t->base = B_BUDGET;
    return;
  }
  if (dir) {
    t->role = R_DELTA;
    t->dir = dir;
    delta_base(st, t, cp, cn);
    t->together = says_each(p, n);
    return;
  }
  /* "与 2016 年相比 21.79 万元,增加 14.01%": the change word after */
  if (cl_ends_with(p, n, "相比") || cl_ends_with(p, n, "比较")) {
    int ad = change_after(st, t);
    if (ad) {
      t->role = R_DELTA;
      t->dir = ad;
      t->base = base_of(cp, cn, &t->base_year);
      t->base_phase = cl_base_phase(cp, cn);
      return;
    }
  }
  /* "较 2022 年决算数 688.84 万元 131.49 万元,增长 19.09%": a second amount
   * right after the prior, the change word left out before it and said
   * after (with the rate), is the change */
  if (!n && k > 0 && st->t[k - 1].kind == TK_AMT &&
      st->t[k - 1].role == R_PRIOR && p == st->s + st->t[k - 1].e) {
    int ad = change_after(st, t);
    if (ad) {
      t->role = R_DELTA;
      t->dir = ad;
      t->base = st->t[k - 1].base;
      t->base_year = st->t[k - 1].base_year;
      t->base_phase = st->t[k - 1].base_phase;
      return;
    }
  }
  if (t->listed && k > 0 && st->t[k - 1].kind == TK_AMT &&
      st->t[k - 1].role == R_DELTA && st->t[k].list == st->t[k - 1].list) {
    t->role = R_DELTA;
    t->dir = st->t[k - 1].dir;
    t->base = st->t[k - 1].base;
    t->base_year = st->t[k - 1].base_year;
    t->together = true;
    return;
  }
  /* "超过 150 亿的高校", "100 万元以上": a threshold, not a figure */
  if (cl_ends_with(p, n, "超过") || cl_ends_with(p, n, "高于") ||
      cl_ends_with(p, n, "低于") || cl_ends_with(p, n, "不足") ||
      cl_ends_with(p, n, "不到") || cl_ends_with(p, n, "逾") ||
      cl_ends_with(p, n, "近") || cl_ends_with(p, n, "突破") ||
      cl_ends_with(p, n, "超") || range_end(st, k, p, n) ||
      cl_starts(st->s + t->e, "以上") || cl_starts(st->s + t->e, "以下") ||
      cl_starts(st->s + t->e, "之上") || cl_starts(st->s + t->e, "之下") ||
      cl_starts(st->s + t->e, "以内") || cl_starts(st->s + t->e, "之内") ||
      cl_starts(st->s + t->e, "之间") || cl_starts(st->s + t->e, "左右")) {
    t->role = R_NONE;
    return;
  }
  /* "占年初预算 10065 万元的 43.2%", "完成预算 105425 万元的 5.39%": the
   * whole (or budget) of the percentage that follows */
  if (k + 1 < st->nt && st->t[k + 1].kind == TK_PCT &&
      (ys_text_has(p, n, "占") || ys_text_has(p, n, "完成") ||
       cl_ends_with(p, n, "为")) &&
      st->t[k + 1].b - t->e <= 12 && cl_starts(st->s + t->e, "的")) {
    const char *z = cl_rfind_n(p, n, "占");
    if (!z) z = cl_rfind_n(p, n, "完成");
    const char *w = z ? z + 3 + (cl_starts(z, "完成") ? 3 : 0) : p;
    t->role = R_WHOLE;
    t->subject =
        cl_clean_subject(r, w, (size_t)(p + n - w), &t->syear, &t->measure);
    if (!t->subject) t->subject = "";
    if (ys_text_has(p, n, "预算") || ys_text_has(p, n, "计划"))
      t->measure = YS_PHASE_BUDGET;
    return;
  }
  /* "比上年 151271.81 万元减少 …", "较 2024 年的 2190 万元减少 …"; and
   * whatever names the base, when the change word follows the amount
   * ("比上年累计支出 285 万元下降 34 万元") */
  if (comparison(cp, cn) &&
      (!n || cl_ends_with(p, n, "的") || cl_ends_with(p, n, "年") ||
       cl_ends_with(p, n, "上年") || cl_ends_with(p, n, "数") ||
       cl_ends_with(p, n, "预算") || cl_ends_with(p, n, "同期") ||
       change_follows(st, t))) {
    t->role = R_PRIOR;
    t->base = base_of(cp, cn, &t->base_year);
    t->base_phase = cl_base_phase(cp, cn);
    return;
  }
  stated_role(r, st, k, cp);
}

static void bare_priors(sent *st) {
  /* "相比 2016 年的总收入 6871.82 减少 243.10 万元": a bare number just
   * before a change, in a comparison, is the prior amount in its unit */
  for (size_t k = 0; k + 1 < st->nt; k++) {
    tk *t = &st->t[k], *u = &st->t[k + 1];
    if (t->kind != TK_NUM || u->role != R_DELTA || u->b - t->e > 12) continue;
    /* "收入较 2024 增加 39.39 万元": a year written without 年 */
    if (strlen(t->num) == 4 && !strchr(t->num, '.') && atoi(t->num) >= 1990 &&
        atoi(t->num) <= 2100)
      continue;
    const char *cp;
    size_t cn;
    clause_text(st, k, &cp, &cn);
    if (!comparison(cp, cn) || ys_text_has(st->s + t->e, u->b - t->e, ","))
      continue;
    t->kind = TK_AMT;
    t->unit = u->unit;
    t->role = R_PRIOR;
    t->base = base_of(cp, cn, &t->base_year);
    t->base_phase = cl_base_phase(cp, cn);
  }
}

static void own_subjects(cr *r, sent *st) {
  /* the subject a change or rate names in its own clause: "其中:财政补助
   * 收入减少 660.26 万元", "公务接待费同口径比 2018 年减少 38 万元" */
  for (size_t k = 0; k < st->nt; k++) {
    tk *t = &st->t[k];
    t->dsubj = "";
    if (t->role != R_DELTA && t->role != R_RATE) continue;
    const char *cp;
    size_t cn;
    clause_text(st, k, &cp, &cn);
    /* the clause since the last figure that is not a year */
    size_t b = (size_t)(cp - st->s);
    for (size_t j = 0; j < k; j++)
      if (st->t[j].kind != TK_YEAR && st->t[j].role != R_PRIOR &&
          st->t[j].e > b && st->t[j].e <= t->b)
        b = st->t[j].e;
    const char *q = st->s + b;
    size_t qn = t->b - b;
    /* before the comparison: "公务接待费同口径比…"; the earliest marker
     * ("与 2016 年相比" starts at 与) */
    static const char *const marks[] = {"相比", "同比", "比", "较", "与"};
    const char *m = NULL;
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
      size_t ml = strlen(marks[i]);
      for (size_t x = 0; x + ml <= qn; x++)
        if (!memcmp(q + x, marks[i], ml)) {
          if (!strcmp(marks[i], "与") && !ys_text_has(q + x, qn - x, "相比") &&
              !ys_text_has(q + x, qn - x, "比较"))
            continue;
          if (!m || q + x < m) m = q + x;
          break;
        }
    }
    const char *name = NULL;
    size_t nn = 0;
    if (m && m > q) {
      name = q, nn = (size_t)(m - q);
    } else if (m) {
      /* after it: "相比 2016 年的总收入 6871.82" */
      const char *de = NULL;
      for (size_t x = (size_t)(m - q); x + 3 <= qn && !de; x++)
        if (cl_starts(q + x, "的")) de = q + x + 3;
      const tk *pr = NULL;
      for (size_t j = 0; j < k; j++)
        if (st->t[j].role == R_PRIOR && st->t[j].b >= (size_t)(q - st->s))
          pr = &st->t[j];
      if (de && pr && st->s + pr->b > de)
        name = de, nn = (size_t)(st->s + pr->b - de);
    } else {
      /* no comparison: the words before the change word */
      size_t e = qn;
      for (size_t i = 0; i < sizeof up_words / sizeof up_words[0]; i++) {
        const char *f = cl_rfind_n(q, qn, up_words[i]);
        if (f && (size_t)(f - q) < e) e = (size_t)(f - q);
      }
      for (size_t i = 0; i < sizeof down_words / sizeof down_words[0]; i++) {
        const char *f = cl_rfind_n(q, qn, down_words[i]);
        if (f && (size_t)(f - q) < e) e = (size_t)(f - q);
      }
      name = q, nn = e;
    }
    if (!name || !nn) continue;
    int y, me;
    const char *sj = cl_clean_subject(r, name, nn, &y, &me);
    if (sj && strlen(sj) >= 6) {
      t->dsubj = sj;
      t->dmeasure = me;
    }
  }
}

/* Reads the role of every token of a sentence. */
void cl_roles(cr *r, sent *st) {
  for (size_t k = 0; k < st->nt; k++) {
    const char *p;
    size_t n;
    cl_pre_text(st, k, &p, &n);
    if (st->t[k].kind == TK_PCT)
      pct_role(st, k, p, n);
    else if (st->t[k].kind == TK_AMT)
      amount_role(r, st, k, p, n);
  }
  bare_priors(st);
  own_subjects(r, st);
}
