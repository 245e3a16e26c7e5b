/*
 * narrative.c - figures stated in the narrative (情况说明), tied to the
 * quantities the tables show.
 *
 * "本单位当年一般公共预算拨款支出 238.31 万元" is one more observation of
 * exp;fund=gpb;period=cur, at the precision the text prints; check.c then
 * compares it with the tables. A claim is made only when its subject is
 * one this file knows (total revenue and expenditure, the funds, basic and
 * project spending, personnel and public expenses, carry-over, 三公 and its
 * items, 会议费, 培训费, 机关运行经费, classification codes written in
 * parentheses, 类/款/项 spelled out with their names), or one the
 * vocabulary (data/vocab, shared with the table reader) reads whole as a
 * class, an item, a kind of spending or a source of money. A wrong mapping
 * creates false errors, so whatever is unclear is left out:
 *   - amounts after 较上年增加 / 减少 / 持平 … (changes are another issue);
 *   - subjects that merely contain a keyword ("新增城乡居民基本医疗保险");
 *   - a total whose period is unclear: "支出预算 5839.26" may or may not
 *     include 上年结转. A total is read as the current year's when its
 *     subject says 当年/本年, as all periods when the sentence or its
 *     section mentions 上年结转, and otherwise as all periods with the claim
 *     marked period_unclear (a mismatch is then a warning: the text may
 *     leave the carry-over out); its parts (其中 …) follow the same rule.
 * The fund and period of a heading ("（三）一般公共预算当年拨款具体使用情况")
 * or of a lead sentence ending in 其中： apply to the list that follows.
 * A subject printed without its figure ("本单位当年财政拨款支出万元") is a
 * claim of kind YS_CLAIM_MISSING.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "narrative.h"
#include "yusuan/quantity.h"
#include "yusuan/text.h"
#include "yusuan/vocab.h"

/* Context for a list: fund and period from a heading or a lead sentence. */
typedef struct ctx {
  const char *fund;   /* "gpb", "fiscal", "govfund" or NULL */
  int period;         /* 0 unknown, 1 current year, 2 all, 3 carry-over */
  bool section_carry; /* the section mentions 上年结转 */
} ctx;

typedef struct nr {
  ys_rdoc *d;
  const ys_catalog *cat;
  const ys_vocab *vocab; /* subjects the lists above do not know */
  int year;
  bool final;  /* a 决算 */
  ys_arena *a; /* scratch */
  /* The joined text of a paragraph and, per byte, its source line. */
  char *buf;
  int *lineof;
  size_t n, cap;
  ctx sec;  /* from the current heading */
  ctx lead; /* from the last lead sentence of the section */
} nr;

static bool starts(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

static bool has(const char *s, const char *p) {
  return strstr(s, p) != NULL;
}

static bool ends(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && strcmp(s + a - b, suf) == 0;
}

static size_t cn_run(const char *s) {
  static const char *const d[] = {"一", "二", "三", "四", "五", "六",
                                  "七", "八", "九", "十", "〇"};
  size_t n = 0;
  for (;;) {
    bool hit = false;
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
      if (strncmp(s + n, d[i], 3) == 0) {
        n += 3;
        hit = true;
        break;
      }
    if (!hit) return n;
  }
}

/* Length of list numbering at s: "一、" "（一）" "(1)" "1、" "1." "10." */
static size_t numbering(const char *s) {
  const char *p = s;
  if (*p == '(' || starts(p, "（")) {
    const char *q = p + (*p == '(' ? 1 : 3);
    const char *r = q;
    while (*r >= '0' && *r <= '9') r++;
    if (r == q) r = q + cn_run(q);
    if (r == q) return 0;
    if (*r == ')') return (size_t)(r + 1 - s);
    if (starts(r, "）")) return (size_t)(r + 3 - s);
    return 0;
  }
  const char *q = p;
  while (*q >= '0' && *q <= '9') q++;
  if (q == p) q = p + cn_run(p);
  if (q == p) return 0;
  if (starts(q, "、")) return (size_t)(q + 3 - s);
  if (*q == '.' && !(q[1] >= '0' && q[1] <= '9')) return (size_t)(q + 1 - s);
  return 0;
}

static const char *key(nr *r, const char *s, size_t n) {
  const char *k = ys_text_key(r->a, s, n);
  return k ? k : "";
}

/* --- paragraph text ---------------------------------------------------- */

static int put(nr *r, const char *s, size_t n, int line) {
  return ys_arena_text_put(r->a, &r->buf, &r->lineof, &r->n, &r->cap, s, n,
                           line);
}

/* --- subjects ---------------------------------------------------------- */

enum { K_NONE = 0, K_TOTAL, K_PART, K_FIXED };

typedef struct subj {
  const char *core; /* normalised subject */
  const char *q;    /* quantity, without fund/period */
  int kind;         /* K_TOTAL: a total; K_PART: a part of the lead;
                       K_FIXED: complete in itself */
  const char *fund; /* fund the subject names, or NULL */
  int period;       /* period the subject names: 0 none, 1 cur, 3 carry */
} subj;

/* Strips what surrounds a subject: who ("本单位", "县医保局"), when ("当年",
 * "2023 年"), connectives ("其中", "包括", "和") and verbs ("预算数为",
 * "安排"). Records 当年/本年 and 上年结转 it removes. */
static const char *strip_subject(nr *r, const char *k, bool *cur_year) {
  *cur_year = false;
  for (;;) {
    const char *k0 = k;
    static const char *const lead[] = {
        "其中:", "其中", "包括:", "包括",   "主要包括", "分别为", "和",
        "及",    "以及", "含",    "本单位", "本部门",   "我部门", "我单位",
        "部门",  "单位", ":",     "是",     "为"};
    for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++)
      if (starts(k, lead[i])) {
        k += strlen(lead[i]);
        break;
      }
    size_t nb = numbering(k);
    if (nb) k += nb;
    if (starts(k, "当年") || starts(k, "本年")) {
      *cur_year = true;
      k += 6;
    }
    /* "2023年", "2023年度" (the budget year: the current year). */
    if (k[0] == '2' && k[1] == '0' && k[2] >= '0' && k[2] <= '9' &&
        k[3] >= '0' && k[3] <= '9' && starts(k + 4, "年")) {
      int y = atoi(k);
      if (!r->year || y == r->year) {
        k += 7;
        if (starts(k, "度")) k += 3;
        if (*k == ',') k++;
      }
    }
    /* An organisation's name before the subject ("县医保局2023年收入预算"):
     * up to 局 / 中心 / 办公室 …, when the rest still names something. */
    static const char *const org[] = {"局", "中心", "办公室", "委员会"};
    for (size_t i = 0; i < sizeof org / sizeof org[0]; i++) {
      const char *p = strstr(k, org[i]);
      if (!p || p - k > 36) continue;
      const char *after = p + strlen(org[i]);
      if (strstr(after, "收入") || strstr(after, "支出") ||
          strstr(after, "经费") || strstr(after, "预算") ||
          strstr(after, "费")) {
        k = after;
        break;
      }
    }
    if (k == k0) break;
  }
  /* Trailing verbs and fillers. */
  static const char *const tail[] = {
      "预算数为", "预算数", "共计安排", "预算安排", "安排", "预算为",
      "共计",     "合计",   "总计",     "为",       "是",   "共"};
  for (bool again = true; again;) {
    again = false;
    for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++)
      if (ends(k, tail[i])) {
        k = ys_arena_strndup(r->a, k, strlen(k) - strlen(tail[i]));
        again = true;
      }
  }
  /* "…财政拨款预算": the appropriation, not the word 预算. */
  if (ends(k, "拨款预算")) k = ys_arena_strndup(r->a, k, strlen(k) - 6);
  /* "…(项)2023年": the budget year after the subject. */
  size_t kl = strlen(k);
  for (int d = 0; d < 2; d++) {
    size_t yl = d ? 10 : 7; /* "2023年度" / "2023年" */
    if (kl >= yl && (d ? ends(k, "年度") : ends(k, "年"))) {
      const char *y = k + kl - yl;
      if (y[0] == '2' && y[1] == '0' && y[2] >= '0' && y[2] <= '9' &&
          y[3] >= '0' && y[3] <= '9' && (!r->year || atoi(y) == r->year)) {
        k = ys_arena_strndup(r->a, k, kl - yl);
        *cur_year = true;
        break;
      }
    }
  }
  return k;
}

/* The fund a subject names, removed from it. */
static const char *take_fund(nr *r, const char **k) {
  static const struct {
    const char *text, *fund;
  } f[] = {{"一般公共预算财政拨款", "gpb"},
           {"一般公共预算", "gpb"},
           {"一般共预算", "gpb"}, /* a typo seen in print */
           {"公共预算", "gpb"},
           {"政府性基金预算", "govfund"},
           {"政府性基金", "govfund"},
           {"基金预算", "govfund"},
           {"国有资本经营预算", "soc"},
           {"财政拨款", "fiscal"}};
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
    const char *p = strstr(*k, f[i].text);
    if (!p) continue;
    *k = ys_arena_printf(r->a, "%.*s%s", (int)(p - *k), *k,
                         p + strlen(f[i].text));
    return f[i].fund;
  }
  return NULL;
}

/* Maps a subject that names no revenue to a spending quantity: totals,
 * parts, 三公 and fees. */
static bool match_spending(const char *k, const char *fund, subj *s) {
  static const char *const exp_total[] = {"支出", "预算支出", "支出预算",
                                          "部门支出预算", "部门预算支出"};
  /* Expenditure. */
  for (size_t i = 0; i < sizeof exp_total / sizeof exp_total[0]; i++)
    if (!strcmp(k, exp_total[i])) {
      s->q = "exp";
      s->kind = K_TOTAL;
      return true;
    }
  if (!strcmp(k, "拨款支出") && fund) {
    s->q = "exp";
    s->kind = K_TOTAL;
    return true;
  }
  if (s->period == 1 && !*k && fund) { /* "一般公共预算当年拨款" */
    s->q = "exp";
    s->kind = K_FIXED;
    return true;
  }
  static const struct {
    const char *text, *q;
  } parts[] = {{"基本支出", "exp;kind=basic"},
               {"项目支出", "exp;kind=project"},
               {"人员经费", "exp;kind=basic;nature=personnel"},
               {"人员经费支出", "exp;kind=basic;nature=personnel"},
               {"公用经费", "exp;kind=basic;nature=public"},
               {"公用经费支出", "exp;kind=basic;nature=public"},
               {"日常公用经费", "exp;kind=basic;nature=public"},
               {"机关运行经费", "exp;kind=basic;nature=public"}};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
    if (!strcmp(k, parts[i].text)) {
      s->q = parts[i].q;
      s->kind = K_PART;
      if (!strcmp(k, "机关运行经费")) {
        /* 机关运行经费 is spent from appropriations. */
        s->kind = K_FIXED;
        if (!s->fund) s->fund = "fiscal";
      }
      return true;
    }
  /* 三公 and the meeting and training fees (economic codes). */
  static const struct {
    const char *text, *q;
  } sg[] = {{"三公经费", "exp;econ=30212|30217|30231|31013"},
            {"三公经费预算支出", "exp;econ=30212|30217|30231|31013"},
            {"三公经费预算", "exp;econ=30212|30217|30231|31013"},
            {"三公经费支出", "exp;econ=30212|30217|30231|31013"},
            {"因公出国(境)经费", "exp;econ=30212"},
            {"因公出国(境)费用", "exp;econ=30212"},
            {"因公出国(境)费", "exp;econ=30212"},
            {"公务接待费", "exp;econ=30217"},
            {"公务接待费费", "exp;econ=30217"},
            {"公务用车购置及运行维护费", "exp;econ=30231|31013"},
            {"公务用车购置及运维费", "exp;econ=30231|31013"},
            {"公务用车购置及运行费", "exp;econ=30231|31013"},
            {"公务用车运行维护费", "exp;econ=30231"},
            {"公务用车运行费", "exp;econ=30231"},
            {"公务用车购置费", "exp;econ=31013"},
            {"会议费", "exp;econ=30215"},
            {"会议费预算支出", "exp;econ=30215"},
            {"培训费", "exp;econ=30216"},
            {"培训费预算支出", "exp;econ=30216"}};
  for (size_t i = 0; i < sizeof sg / sizeof sg[0]; i++)
    if (!strcmp(k, sg[i].text)) {
      s->q = sg[i].q;
      s->kind = K_FIXED;
      return true;
    }
  return false;
}

/* Maps a normalised subject (fund already taken out) to a quantity. */
static bool match_subject(const char *k, const char *fund, subj *s) {
  memset(s, 0, sizeof *s);
  s->core = k;
  s->fund = fund;
  /* Appropriations are of the current year: "一般公共预算当年拨款". */
  if (starts(k, "当年拨款") || starts(k, "本年拨款")) {
    s->period = 1;
    k += 12;
  }
  /* Revenue. */
  static const char *const rev_total[] = {"收入", "预算收入", "收入预算",
                                          "部门预算收入", "部门收入预算"};
  for (size_t i = 0; i < sizeof rev_total / sizeof rev_total[0]; i++)
    if (!strcmp(k, rev_total[i])) {
      s->q = "rev";
      /* A fund's revenue is an appropriation: current year. */
      s->kind = fund ? K_FIXED : K_TOTAL;
      if (fund) s->period = 1;
      return true;
    }
  if (!strcmp(k, "拨款收入") || !strcmp(k, "拨款")) {
    if (!fund) return false;
    s->q = "rev";
    s->kind = K_FIXED;
    s->period = s->period ? s->period : 1;
    return true;
  }
  if (!strcmp(k, "上年结转") || !strcmp(k, "上年结转收入")) {
    s->q = "rev";
    s->kind = K_FIXED;
    s->period = 3;
    return true;
  }
  if (starts(k, "上年结转") && (ends(k, "拨款收入") || ends(k, "收入"))) {
    const char *rest = k + strlen("上年结转");
    if (!strcmp(rest, "拨款收入") || !strcmp(rest, "收入")) {
      if (!fund) return false;
      s->q = "rev";
      s->kind = K_FIXED;
      s->period = 3;
      return true;
    }
  }
  if (!strcmp(k, "财政专户核拨收入") || !strcmp(k, "财政专户管理资金收入")) {
    s->q = "rev;fund=special";
    s->kind = K_FIXED;
    s->period = 1;
    return true;
  }
  return match_spending(k, fund, s);
}

/* "医疗保障经办事务(2101506)" / "工资福利支出(301)": a name with its
 * classification code. */
static bool match_code(nr *r, const char *k, subj *s) {
  size_t n = strlen(k);
  if (n < 5 || k[n - 1] != ')') return false;
  const char *op = strrchr(k, '(');
  if (!op || op == k) return false;
  const char *c = op + 1;
  size_t cl = (size_t)(k + n - 1 - c);
  for (size_t i = 0; i < cl; i++)
    if (c[i] < '0' || c[i] > '9') return false;
  if (cl != 3 && cl != 5 && cl != 7) return false;
  const char *dim = c[0] == '2'   ? "func"
                    : c[0] == '3' ? "econ"
                    : c[0] == '5' ? "gecon"
                                  : NULL;
  if (!dim || (c[0] != '2' && cl == 7)) return false;
  memset(s, 0, sizeof *s);
  s->core = k;
  s->q = ys_arena_printf(r->a, "exp;%s=%.*s", dim, (int)cl, c);
  s->kind = K_PART;
  return true;
}

/* "社会保障和就业(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费
 * 支出(项)": the 项 named with its 类 and 款, resolved in the catalogue.
 * Also a 类 named alone when it is exactly a 类 of the catalogue
 * ("卫生健康支出"). */
static bool match_names(nr *r, const char *k, subj *s) {
  if (!r->cat) return false;
  /* "“…(项)”科目 43.83 万元": the word 科目 after the name says nothing */
  size_t kl = strlen(k);
  if (kl > 6 && !strcmp(k + kl - 6, "科目")) {
    char *t = ys_arena_strndup(r->a, k, kl - 6);
    if (t) k = t;
  }
  const char *lei = strstr(k, "(类)"), *kuan = strstr(k, "(款)"),
             *xiang = strstr(k, "(项)");
  const ys_cat_entry *e = NULL;
  if (lei && kuan && xiang && lei < kuan && kuan < xiang && ends(k, "(项)")) {
    char name[256];
    snprintf(name, sizeof name, "%.*s", (int)(lei - k), k);
    const ys_cat_entry *l = ys_catalog_match_name(r->cat, YS_CLS_FUNC, name,
                                                  strlen(name), NULL, r->year);
    if (!l) {
      snprintf(name, sizeof name, "%.*s支出", (int)(lei - k), k);
      l = ys_catalog_match_name(r->cat, YS_CLS_FUNC, name, strlen(name), NULL,
                                r->year);
    }
    if (!l || l->level != 1) return false;
    const char *kb = lei + strlen("(类)");
    const ys_cat_entry *m = ys_catalog_match_name(
        r->cat, YS_CLS_FUNC, kb, (size_t)(kuan - kb), l->code, r->year);
    if (!m || m->level != 2) return false;
    const char *xb = kuan + strlen("(款)");
    e = ys_catalog_match_name(r->cat, YS_CLS_FUNC, xb, (size_t)(xiang - xb),
                              m->code, r->year);
    if (!e || e->level != 3) return false;
  } else {
    e = ys_catalog_match_name(r->cat, YS_CLS_FUNC, k, strlen(k), NULL, r->year);
    if (!e || e->level != 1) return false;
    /* The printed name must be the catalogue's, not just close to it. */
    if (strcmp(key(r, e->name, strlen(e->name)), k)) return false;
  }
  memset(s, 0, sizeof *s);
  s->core = k;
  s->q = ys_arena_printf(r->a, "exp;func=%s", e->code);
  s->kind = K_PART;
  return true;
}

/* Is the clause a change, a share or something else that is not the
 * subject's own amount? */
static bool change_words(const char *k) {
  static const char *const w[] = {"增加",   "减少",   "增长", "下降", "持平",
                                  "较上年", "比上年", "较20", "比20", "上升",
                                  "降低",   "增减",   "差额", "变动", "调整"};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (has(k, w[i])) return true;
  return false;
}

/* --- claims ------------------------------------------------------------ */

static const char *compose(nr *r, const subj *s, const char *fund, int period) {
  const char *q = s->q;
  if (fund) q = ys_arena_printf(r->a, "%s;fund=%s", q, fund);
  if (period == 1) q = ys_arena_printf(r->a, "%s;period=cur", q);
  if (period == 3) q = ys_arena_printf(r->a, "%s;period=carry", q);
  return q;
}

static int add_claim(nr *r, ys_claim_kind kind, const char *q,
                     const char *subject, const char *text, ys_unit unit,
                     const char *sentence, int line) {
  ys_rclaim *c = ys_rdoc_add_claim(r->d);
  if (!c) return YS_ENOMEM;
  size_t sl = strlen(subject);
  ys_text_trim(&subject, &sl);
  subject = ys_arena_strndup(r->a, subject, sl);
  ys_arena *a = r->d->arena;
  c->kind = kind;
  c->quantity = ys_arena_strdup(a, q);
  c->subject = ys_arena_strdup(a, subject);
  c->text = ys_arena_strdup(a, text);
  c->unit = unit;
  c->sentence = ys_arena_strdup(a, sentence);
  c->line = line;
  if (!c->quantity || !c->subject || !c->text || !c->sentence) return YS_ENOMEM;
  return YS_OK;
}

/* Delimiters between clauses (the subject of an amount starts after the
 * last one). */
static size_t delim_at(const char *s) {
  /* every delimiter starts with one of these bytes: most positions are
   * none of them */
  unsigned char c = (unsigned char)s[0];
  if (c != 0xEF && c != 0xE3 && c != ',' && c != ';' && c != ':') return 0;
  static const char *const d[] = {"，", "；", "：", "、", "。", ",", ";", ":"};
  for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
    if (starts(s, d[i])) return strlen(d[i]);
  return 0;
}

static bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/* Finds the amounts of one sentence [b, e) of the paragraph and their
 * subjects. */
/* The amount written just before position at (digits and a point) in a
 * key string; NULL when there is none. */
static const char *amount_before(nr *r, const char *k, size_t at) {
  size_t e = at, b = at;
  while (b > 0 && (is_digit(k[b - 1]) || k[b - 1] == '.' || k[b - 1] == ','))
    b--;
  if (b == e || !is_digit(k[b])) return NULL;
  return ys_arena_strndup(r->a, k + b, e - b);
}

/*
 * "较上年增加 3530.71 万元，主要原因是 A 1248 万元、B 1275.96 万元、…" and
 * "基本支出 490.66 万元，包括人员经费 474.08 万元和日常公用经费 9.2 万元":
 * a whole and the parts the text gives for it, to the next ；or 。. Only
 * these two lead words start a list (其中 lists carry shares and run over
 * several clauses), and at least two parts are needed.
 */
static int sum_claims(nr *r, const char *k, const char *sent, int line) {
  static const char *const leads[] = {"主要原因是", "包括"};
  for (size_t t = 0; t < sizeof leads / sizeof leads[0]; t++) {
    const char *at = strstr(k, leads[t]);
    if (!at) continue;
    /* the whole: "X万元" right before the lead (a comma between) */
    size_t p = (size_t)(at - k);
    while (p >= 3 && (starts(k + p - 3, "，") || starts(k + p - 3, "：")))
      p -= 3;
    while (p > 0 && (k[p - 1] == ',' || k[p - 1] == ':')) p--;
    if (p < 6 || !starts(k + p - 6, "万元")) continue;
    const char *whole = amount_before(r, k, p - 6);
    if (!whole) continue;
    const char *parts[64];
    size_t n = 0;
    const char *q = at + strlen(leads[t]);
    const char *end = q;
    while (*end && !starts(end, "；") && !starts(end, "。") && *end != ';')
      end++;
    for (const char *x = q; x < end && n < 64; x++)
      if (starts(x, "万元")) {
        const char *a = amount_before(r, k, (size_t)(x - k));
        if (a) parts[n++] = a;
      }
    if (n < 2) continue;
    /* Claims outlive this reader: everything goes into the document. */
    ys_arena *da = r->d->arena;
    ys_rclaim *c = ys_rdoc_add_claim(r->d);
    if (!c) return YS_ENOMEM;
    c->kind = YS_CLAIM_SUM;
    c->text = ys_arena_strdup(da, whole);
    c->subject = ys_arena_strdup(da, leads[t]);
    c->quantity = "";
    c->unit = YS_UNIT_WANYUAN;
    c->sentence = ys_arena_strdup(da, sent);
    c->line = line;
    c->parts = ys_arena_alloc(da, sizeof(char *) * n);
    if (!c->parts || !c->text || !c->subject || !c->sentence) return YS_ENOMEM;
    for (size_t k = 0; k < n; k++) {
      c->parts[k] = ys_arena_strdup(da, parts[k]);
      if (!c->parts[k]) return YS_ENOMEM;
    }
    c->n_parts = n;
  }
  return YS_OK;
}

/* The number written just after position at; NULL when there is none. */
static const char *number_after(nr *r, const char *k, size_t at) {
  size_t b = at, e = at;
  while (is_digit(k[e]) || k[e] == '.') e++;
  if (e == b) return NULL;
  return ys_arena_strndup(r->a, k + b, e - b);
}

/* Claim with parts, all strings copied into the document. */
static int add_parts_claim(nr *r, ys_claim_kind kind, const char *subject,
                           const char *text, const char *const *parts, size_t n,
                           const char *sent, int line) {
  ys_arena *da = r->d->arena;
  ys_rclaim *c = ys_rdoc_add_claim(r->d);
  if (!c) return YS_ENOMEM;
  c->kind = kind;
  c->quantity = "";
  c->subject = ys_arena_strdup(da, subject);
  c->text = ys_arena_strdup(da, text);
  c->unit = YS_UNIT_WANYUAN;
  c->sentence = ys_arena_strdup(da, sent);
  c->line = line;
  c->parts = ys_arena_alloc(da, sizeof(char *) * (n ? n : 1));
  if (!c->parts || !c->subject || !c->text || !c->sentence) return YS_ENOMEM;
  for (size_t i = 0; i < n; i++)
    if (!(c->parts[c->n_parts++] = ys_arena_strdup(da, parts[i])))
      return YS_ENOMEM;
  return YS_OK;
}

/*
 * Shares and changes, in the text's own arithmetic:
 *   "上年结转 1007.24 万元，占 21.45%" — the part is the amount before 占;
 *   the whole is the amount right before 其中 in the sentence, or else the
 *   sum of the parts that carry a share ("卫生健康支出 3295.19 万元，占
 *   89.34%；农林水支出 303 万元，占 8.21%；…").
 *   "54.18 万元，比 2022 年预算增加 1.41 万元，增长 2.67%" and "0.1 万元，
 *   减少 0.1 万元（100%）" — the current amount is the one before the
 *   change; last year is current − change.
 */
static int share_change_claims(nr *r, const char *k, const char *sent,
                               int line) {
  /* shares */
  const char *parts[64], *shares[64];
  size_t ns = 0;
  for (const char *x = strstr(k, "占"); x && ns < 64; x = strstr(x + 3, "占")) {
    const char *num = number_after(r, k, (size_t)(x - k) + 3);
    size_t after = (size_t)(x - k) + 3 + (num ? strlen(num) : 0);
    if (!num || k[after] != '%') continue;
    size_t p = (size_t)(x - k);
    while (p > 0 && (k[p - 1] == ',' || k[p - 1] == ':')) p--;
    if (p < 6 || !starts(k + p - 6, "万元")) continue;
    const char *part = amount_before(r, k, p - 6);
    if (!part) continue;
    parts[ns] = part;
    shares[ns++] = num;
  }
  if (ns) {
    const char *whole = NULL;
    const char *qz = strstr(k, "其中");
    if (qz) {
      size_t p = (size_t)(qz - k);
      while (p > 0 && (k[p - 1] == ',' || k[p - 1] == ':')) p--;
      if (p >= 6 && starts(k + p - 6, "万元"))
        whole = amount_before(r, k, p - 6);
    }
    if (whole || ns >= 2)
      for (size_t i = 0; i < ns; i++) {
        /* {part, whole} or {part, "Σ", all parts…} */
        const char *v[66];
        size_t n = 0;
        v[n++] = parts[i];
        if (whole) {
          v[n++] = whole;
        } else {
          v[n++] = "Σ";
          for (size_t j = 0; j < ns; j++) v[n++] = parts[j];
        }
        int rc = add_parts_claim(r, YS_CLAIM_SHARE, "占", shares[i], v, n, sent,
                                 line);
        if (rc) return rc;
      }
  }
  /* changes */
  static const char *const up[] = {"增加", "减少"};
  for (size_t w = 0; w < 2; w++)
    for (const char *x = strstr(k, up[w]); x; x = strstr(x + 6, up[w])) {
      size_t at = (size_t)(x - k) + 6;
      const char *delta = number_after(r, k, at);
      if (!delta) continue;
      at += strlen(delta);
      if (!starts(k + at, "万元")) continue;
      at += 6;
      /* the rate: "，增长 2.67%" "，下降 100%" "（100%）" right after */
      const char *rate = "";
      size_t q = at;
      while (k[q] == ',' || k[q] == '(') q++;
      if (starts(k + q, "增长") || starts(k + q, "下降") ||
          starts(k + q, "增加") || starts(k + q, "减少"))
        q += 6;
      const char *num = number_after(r, k, q);
      if (num && k[q + strlen(num)] == '%') rate = num;
      /* the current amount: the last "X万元" before the change word, in
       * the same clause chain (no 。 between by construction) */
      size_t p = (size_t)(x - k);
      const char *cur = NULL;
      for (size_t i = p; i >= 6 && !cur; i--)
        if (starts(k + i - 6, "万元")) cur = amount_before(r, k, i - 6);
      if (!cur) continue;
      const char *signed_delta =
          w ? ys_arena_printf(r->a, "-%s", delta) : delta;
      const char *v[2] = {cur, signed_delta};
      int rc =
          add_parts_claim(r, YS_CLAIM_CHANGE, up[w], rate, v, 2, sent, line);
      if (rc) return rc;
    }
  return YS_OK;
}

/* A sentence being read for amounts (sentence): the sentence, the lead it
 * sets or carries, and the clause the scan is in. */
typedef struct sentscan {
  nr *r;
  const char *s;    /* r->buf */
  const char *sent; /* the sentence as written, for the report (capped) */
  bool mentions_carry;
  /* The lead of this sentence, if it has one (a total followed by 其中). */
  ctx lead;
  bool lead_set;
  size_t from;      /* where the current clause starts */
  size_t prev_from; /* where the clause before it starts */
} sentscan;

/* The figure before the unit at i ("万元" when wan, else "元"): false when
 * it is no amount of a subject; *missing when no figure is printed. */
static bool amount_figure(const sentscan *ss, size_t i, bool wan, size_t ulen,
                          size_t *num_start_out, size_t *num_end_out,
                          bool *missing_out) {
  const char *s = ss->s;
  size_t from = ss->from;
  size_t after = i + ulen;
  /* "20 万元以上", "元/人", "(万元)": not an amount of a subject. */
  if (starts(s + after, "以上") || starts(s + after, "以下") ||
      s[after] == '/' || starts(s + after, "）") || s[after] == ')' ||
      (i >= 1 && (s[i - 1] == '(' || (i >= 3 && starts(s + i - 3, "（")))))
    return false;
  size_t j = i;
  while (j > from && s[j - 1] == ' ') j--;
  size_t num_end = j;
  while (j > from && (is_digit(s[j - 1]) || s[j - 1] == '.' || s[j - 1] == ','))
    j--;
  size_t num_start = j;
  while (num_start < num_end && (s[num_start] == ',' || s[num_start] == '.'))
    num_start++;
  bool missing = num_start == num_end;
  if (!missing && !is_digit(s[num_start])) return false;
  if (missing && !wan) return false;
  *num_start_out = num_start;
  *num_end_out = num_end;
  *missing_out = missing;
  return true;
}

/* The subject of an amount whose own clause names none: the clause before
 * it, across a colon only; prefixed to *subj_raw. */
static const char *colon_subject(sentscan *ss, size_t prev_from_here,
                                 size_t clause_from, bool *cur_year,
                                 const char **subj_raw) {
  nr *r = ss->r;
  /* "住房公积金（项）：2023年预算数为 40.29 万元": the subject is the
   * clause before the colon. */
  const char *prev = ys_arena_strndup(r->a, ss->s + prev_from_here,
                                      clause_from - prev_from_here);
  size_t pl = strlen(prev);
  if (pl >= 3 && !strcmp(prev + pl - 3, "："))
    prev = ys_arena_strndup(r->a, prev, pl - 3);
  else if (pl && prev[pl - 1] == ':')
    prev = ys_arena_strndup(r->a, prev, pl - 1);
  else
    prev = ""; /* only across a colon */
  bool cy2 = false;
  const char *core = strip_subject(r, key(r, prev, strlen(prev)), &cy2);
  *cur_year = *cur_year || cy2;
  *subj_raw = ys_arena_printf(r->a, "%s%s", prev, *subj_raw);
  return core;
}

/* Matches a subject to a quantity: by code, by name, else with its fund
 * taken out; then again on the words after its last 的 (*restricted). */
static bool match_any(nr *r, const char *core, subj *sj, const char **fund,
                      bool *restricted) {
  bool ok = false;
  for (int attempt = 0; attempt < 2 && !ok; attempt++) {
    *restricted = attempt == 1;
    if (attempt == 1) {
      /* "…行政单位的机关运行经费": the words after the last 的. */
      const char *de = NULL;
      for (const char *p = core; (p = strstr(p, "的")); p += 3) de = p;
      if (!de) break;
      core = de + 3;
    }
    ok = match_code(r, core, sj) || match_names(r, core, sj);
    if (!ok) {
      const char *c2 = core;
      *fund = take_fund(r, &c2);
      ok = match_subject(c2, *fund, sj);
    }
  }
  return ok;
}

/* The filter as a claim's quantity, its source exp where it names none
 * (a class, a kind of spending). */
static const char *claim_syntax(nr *r, const ys_qfilter *f) {
  ys_qfilter g = *f;
  if (g.src == YS_Q_NONE) g.src = YS_Q_EXP;
  return ys_qfilter_text(r->a, &g);
}

/* A subject the lists above do not know, read by the vocabulary the
 * tables' headers and rows are read by ("因公出国(境)费支出", "机关运行经费
 * 支出", "事业收入"), so that the narrative's quantity is the one the
 * tables print. Only a subject the vocabulary reads whole, naming what it
 * is (a class, an item kept by name, a kind of spending, or a source of
 * money), of this year, and no rate, count or difference: a guess makes
 * false errors. 1 when *s is set, 0 when not, YS_ENOMEM. */
static int match_vocab(nr *r, const char *core, subj *s) {
  if (!r->vocab || !*core) return 0;
  ys_meaning m;
  if (ys_vocab_parse(r->vocab, core, &m, r->a)) return YS_ENOMEM;
  const ys_qfilter *q = &m.q;
  if (!ys_meaning_names_amount(&m) || (m.roles & YS_ROLE_TOTAL) || q->func.n ||
      q->gecon.n || q->unit.n || q->project.n || q->pcat.n)
    return 0;
  bool item = q->econ.n || q->key.n;
  bool kind = q->kinds || q->natures;
  bool total = q->src != YS_Q_NONE &&
               (q->funds || q->periods || (m.roles & YS_ROLE_GRAND));
  if (!item && !kind && !total) return 0;
  if (q->src == YS_Q_NONE && !item && !kind) return 0;
  /* the fund and period go with the lead's and the heading's
   * (amount_fund_period): taken out of the quantity */
  ys_qfilter core_q = *q, fund_q;
  memset(&fund_q, 0, sizeof fund_q);
  core_q.funds = 0;
  core_q.periods = 0;
  core_q.phases = 0;
  fund_q.src = q->src ? q->src : YS_Q_EXP;
  fund_q.funds = q->funds;
  memset(s, 0, sizeof *s);
  s->core = core;
  s->q = claim_syntax(r, &core_q);
  if (!s->q) return YS_ENOMEM;
  if (q->funds) {
    const char *fk = claim_syntax(r, &fund_q);
    if (!fk) return YS_ENOMEM;
    const char *fs = strstr(fk, "fund=");
    if (!fs) return 0;
    s->fund = fs + 5;
  }
  if (q->periods == 1u << YS_PERIOD_CURRENT)
    s->period = 1;
  else if (q->periods == 1u << YS_PERIOD_CARRY)
    s->period = 3;
  else if (q->periods)
    return 0;
  /* (a source with its fund, "事业收入", is complete in itself: no lead
   * whose fund the totals after it would take) */
  s->kind = item || q->funds ? K_FIXED : kind ? K_PART : K_TOTAL;
  return 1;
}

/* The fund and period of a matched subject: its own, else the lead's or
 * the heading's; a total (and some parts) lead what follows. *unclear
 * when what the amount includes is unclear. */
static void amount_fund_period(sentscan *ss, const subj *sj, const char *fund,
                               bool cur_year, bool carry_word,
                               const char **f_out, int *period_out,
                               bool *unclear) {
  nr *r = ss->r;
  ctx *lead = &ss->lead;
  /* Fund and period: the subject's, else the lead's or the heading's. */
  const char *f = sj->fund ? sj->fund : fund;
  int period = sj->period;
  if (!period && cur_year) period = 1;
  if (!period && carry_word) period = 3;
  /* The active lead: one set in this sentence or carried over (period
   * −1: a lead whose period was unclear, so its parts are too). */
  bool active = lead->period != 0;
  if (sj->kind == K_TOTAL) {
    if (!period) {
      if (active && lead->period > 0)
        period = lead->period;
      else if (ss->mentions_carry || r->sec.section_carry)
        period = 2;
      else if (r->sec.period)
        period = r->sec.period;
    }
    if (!f) f = active && lead->fund ? lead->fund : r->sec.fund;
    /* A lead: its fund and period apply to the parts that follow. */
    lead->fund = f;
    lead->period = period ? period : -1;
    ss->lead_set = true;
    if (!period) *unclear = true; /* unclear what the total includes */
  } else if (sj->kind == K_PART) {
    if (active && lead->period < 0) *unclear = true;
    if (!f) f = active ? lead->fund : r->sec.fund;
    if (!period) period = active ? lead->period : r->sec.period;
    /* A part with its own fund ("一般公共预算基本支出") leads its parts. */
    if (sj->fund || fund) {
      lead->fund = f;
      lead->period = period ? period : 2;
      ss->lead_set = true;
    }
  } else {
    if (!f && !has(sj->q, "kind=basic;nature=public"))
      f = active && lead->period > 0 ? lead->fund : r->sec.fund;
    if (has(sj->q, "econ=")) {
      /* 三公 and fees are shown without a period in the tables; the
       * 三公 total leads its items. */
      period = 0;
      if (has(sj->q, "econ=30212|30217|30231|31013")) {
        lead->fund = f;
        lead->period = 2;
        ss->lead_set = true;
      }
    }
  }
  *f_out = f;
  *period_out = period;
}

/* The amount whose unit ("万元" when wan, else "元") is at i: its subject
 * read and matched, and its claim added. */
static int subject_claim(sentscan *ss, const char *core, const char *subj_raw,
                         bool cur_year, bool missing, const char *text,
                         bool wan, int line);

static int sentence_amount(sentscan *ss, size_t i, bool wan, size_t ulen) {
  nr *r = ss->r;
  const char *s = ss->s;
  size_t after = i + ulen;
  size_t num_start, num_end;
  bool missing;
  if (!amount_figure(ss, i, wan, ulen, &num_start, &num_end, &missing))
    return YS_OK;
  size_t clause_from = ss->from; /* start of this clause */
  const char *subj_raw =
      ys_arena_strndup(r->a, s + ss->from, num_start - ss->from);
  const char *k = key(r, subj_raw, strlen(subj_raw));
  int line = r->lineof[missing ? i : num_start];
  const char *text = ys_arena_strndup(r->a, s + num_start, num_end - num_start);
  size_t prev_from_here = ss->prev_from;
  ss->from = after;
  ss->prev_from = after; /* never look back across an amount */
  /* ("1.因公出国(境)费:0 万元": a figure alone after a colon is the
   * subject's before it, colon_subject below) */
  if ((!*k && (prev_from_here >= clause_from || missing)) || change_words(k) ||
      has(k, "占") || has(k, "平均") || has(k, "人均") || has(k, "每"))
    return YS_OK;
  bool cur_year = false;
  const char *core = strip_subject(r, k, &cur_year);
  if (!*core && prev_from_here < clause_from)
    core = colon_subject(ss, prev_from_here, clause_from, &cur_year, &subj_raw);
  /* "收支总预算 1085203.63 元", "财政拨款收支总计 690.08 万元": the total
   * of both sides, which balance: read as the spending's */
  const char *both = strstr(core, "收支");
  if (both) {
    core =
        ys_arena_printf(r->a, "%.*s支出%s", (int)(both - core), core, both + 6);
    if (!core) return YS_ENOMEM;
  }
  return subject_claim(ss, core, subj_raw, cur_year, missing, text, wan, line);
}

/* The claim of an amount whose subject (core, as stripped) a list or the
 * vocabulary names; none when neither does. */
static int subject_claim(sentscan *ss, const char *core, const char *subj_raw,
                         bool cur_year, bool missing, const char *text,
                         bool wan, int line) {
  nr *r = ss->r;
  bool carry_word = has(core, "上年结转");
  subj sj;
  const char *fund = NULL;
  bool restricted = false;
  if (!match_any(r, core, &sj, &fund, &restricted)) {
    fund = NULL;
    restricted = false;
    int mv = match_vocab(r, core, &sj);
    if (mv < 0) return mv;
    if (!mv) return YS_OK;
  }
  /* "…下属 2 家行政单位和 1 家参公单位的机关运行经费": the figure of those
   * units, which the tables (by fund, function, economic class) do not
   * show apart from the 事业 units' 公用经费 */
  if (restricted && sj.kind == K_FIXED && sj.q &&
      !strcmp(sj.q, "exp;kind=basic;nature=public"))
    return YS_OK;
  bool unclear = false;
  const char *f;
  int period;
  amount_fund_period(ss, &sj, fund, cur_year, carry_word, &f, &period,
                     &unclear);
  if (period == 2 || period < 0) period = 0;
  const char *q = compose(r, &sj, f, period);
  if (!q) return YS_ENOMEM;
  /* a phase other than the document's, said by the subject ("…经费支出
   * 预算为" in a 决算, "…决算数" in a 预算) */
  int ph = ys_phase_named(subj_raw);
  if (ph && ph != (r->final ? YS_PHASE_FINAL : YS_PHASE_BUDGET))
    q = ys_arena_printf(r->a, "%s;phase=%s", q,
                        ph == YS_PHASE_FINAL ? "final" : "budget");
  if (!q) return YS_ENOMEM;
  int rc = add_claim(r, missing ? YS_CLAIM_MISSING : YS_CLAIM_AMOUNT, q,
                     subj_raw, missing ? "" : text,
                     wan ? YS_UNIT_WANYUAN : YS_UNIT_YUAN, ss->sent, line);
  if (rc) return rc;
  r->d->claims[r->d->n_claims - 1].period_unclear = unclear;
  return YS_OK;
}

/* Reads a sentence (buf[b, e)): its sums, shares and changes, then each
 * amount in it, clause by clause. */
static int sentence(nr *r, size_t b, size_t e) {
  const char *s = r->buf;
  /* The sentence as written, for the report (capped). */
  size_t sl = e - b;
  if (sl > 600) {
    sl = 600;
    while (sl > 0 && ((unsigned char)s[b + sl] & 0xC0) == 0x80) sl--;
  }
  const char *sent = ys_arena_strndup(r->a, s + b, sl);
  const char *sent_key = key(r, s + b, e - b);
  bool mentions_carry = has(sent_key, "上年结转");
  {
    int rc = sum_claims(r, sent_key, sent, r->lineof[b]);
    if (!rc) rc = share_change_claims(r, sent_key, sent, r->lineof[b]);
    if (rc) return rc;
  }
  sentscan ss = {.r = r, .s = s, .sent = sent};
  ss.mentions_carry = mentions_carry;
  ss.lead = r->lead;
  ss.lead_set = false;
  ss.from = b;
  ss.prev_from = b;
  for (size_t i = b; i < e;) {
    size_t dl = delim_at(s + i);
    /* "1,623.18": a thousands separator, not a clause's end */
    if (dl == 1 && s[i] == ',' && i > b && i + 3 < e && is_digit(s[i - 1]) &&
        is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]))
      dl = 0;
    if (dl) {
      ss.prev_from = ss.from;
      ss.from = i + dl;
      i += dl;
      continue;
    }
    /* "万元" / "元", or "万" alone after a figure where the clause ends
     * ("公务接待费支出决算 2.26 万", not "5 万份", "2 万人次") */
    bool wan = starts(s + i, "万元");
    size_t ulen = wan ? 6 : 3;
    if (!wan && starts(s + i, "万") && i > b && is_digit(s[i - 1])) {
      size_t j = i + 3;
      wan = j >= e || delim_at(s + j) || starts(s + j, "。") || s[j] == ')' ||
            s[j] == '(' || starts(s + j, "）") || starts(s + j, "（") ||
            starts(s + j, "、");
    }
    bool yuan =
        !wan && starts(s + i, "元") && !(i >= 3 && starts(s + i - 3, "万"));
    if (!wan && !yuan) {
      i++;
      continue;
    }
    int rc = sentence_amount(&ss, i, wan, ulen);
    if (rc) return rc;
    i += ulen;
  }
  if (ss.lead_set) r->lead = ss.lead;
  return YS_OK;
}

/* A heading of the narrative: numbered, short, no amount, no full stop. */
static bool heading(nr *r, const char *s, size_t n) {
  const char *k = key(r, s, n);
  while (*k == '#' || *k == '*') k++;
  if (!numbering(k) && !starts(k, "第")) return false;
  if (strlen(k) > 90 || has(k, "。") || has(k, "万") || has(k, ",") ||
      has(k, "，") || has(k, ";") || has(k, "；"))
    return false;
  /* No figures after the numbering (a year "2023年" is fine). */
  const char *t = k + numbering(k);
  return ys_text_years_only(t, strlen(t));
}

/* A title line opening a paragraph ("某单位2024年度部门决算情况说明",
 * "2024年度部门决算"): short, no punctuation, no figure but a year, and
 * ending as titles do. It is a sentence of its own: the paragraph after it
 * (a blank line between is no break in wrapped text) does not take it as
 * the first figure's subject. */
static bool title_line(nr *r, const char *s, size_t n) {
  const char *k = key(r, s, n);
  size_t kl = strlen(k), digits = 0;
  if (kl > 90 || has(k, ",") || has(k, ";") || has(k, ":") || has(k, "。"))
    return false;
  for (size_t j = 0; j < kl; j++) digits += is_digit(k[j]);
  static const char *const end[] = {"说明", "情况", "公开",
                                    "报告", "概况", "目录"};
  bool ends_as_title = false;
  for (size_t i = 0; i < sizeof end / sizeof end[0] && !ends_as_title; i++)
    ends_as_title = ends(k, end[i]);
  /* (a bare "…部门决算" / "…部门预算": the package's name) */
  ends_as_title = ends_as_title || ends(k, "部门决算") || ends(k, "部门预算") ||
                  ends(k, "单位决算") || ends(k, "单位预算");
  return digits <= 4 && ends_as_title;
}

/* The fund and period a heading announces. */
static ctx heading_ctx(nr *r, const char *s, size_t n, const ctx *prev) {
  const char *k = key(r, s, n);
  ctx c = {NULL, 0, false};
  if (has(k, "一般公共预算"))
    c.fund = "gpb";
  else if (has(k, "政府性基金"))
    c.fund = "govfund";
  else if (has(k, "国有资本经营"))
    c.fund = "soc";
  else if (has(k, "财政拨款"))
    c.fund = "fiscal";
  if (has(k, "当年拨款") || has(k, "本年拨款")) c.period = 1;
  /* A sub-heading ("（一）收入预算情况") stays in its section. */
  const char *b = k;
  while (*b == '#' || *b == '*') b++;
  bool sub = starts(b, "(") || (is_digit(*b));
  c.section_carry = sub && prev ? prev->section_carry : false;
  if (sub && prev && !c.fund) c.fund = prev->fund;
  if (sub && prev && !c.period) c.period = prev->period;
  return c;
}

static int paragraph(nr *r) {
  /* Sentences end at 。 */
  size_t b = 0;
  for (size_t i = 0; i < r->n;) {
    if (starts(r->buf + i, "。")) {
      int rc = sentence(r, b, i);
      if (rc) return rc;
      i += 3;
      b = i;
      continue;
    }
    i++;
  }
  if (b < r->n) {
    int rc = sentence(r, b, r->n);
    if (rc) return rc;
  }
  r->n = 0;
  if (r->buf) r->buf[0] = '\0';
  return YS_OK;
}

int ys_narrative_claims(ys_rdoc *doc, const ys_tline *lines, size_t n, int year,
                        bool final, const ys_catalog *cat,
                        const ys_vocab *vocab, ys_errors *errs) {
  (void)errs;
  nr r;
  memset(&r, 0, sizeof r);
  r.d = doc;
  r.cat = cat;
  r.vocab = vocab;
  r.year = year;
  r.final = final;
  r.a = ys_arena_new((size_t)256 << 20);
  if (!r.a) return YS_ENOMEM;
  int rc = YS_OK;
  for (size_t i = 0; i < n && !rc; i++) {
    const char *s = lines[i].s;
    size_t len = lines[i].len;
    ys_text_trim(&s, &len);
    while (len && (*s == '#' || *s == '*' || *s == '>')) {
      s++;
      len--;
    }
    while (len && (s[len - 1] == '*' || s[len - 1] == ' ')) len--;
    if (!len) continue;
    if (heading(&r, s, len)) {
      rc = paragraph(&r);
      if (rc) break;
      ctx prev = r.sec;
      r.sec = heading_ctx(&r, s, len, &prev);
      r.lead = (ctx){NULL, 0, false};
      /* A heading is its own sentence (it may state a figure too). */
    }
    /* a line opening with its item's number ("1.“一般公共服务支出(类)…”")
     * starts a sentence: the text before it, with no 。 (a title), is not
     * the item's subject; a lead that ends in a colon ("…如下：") is read
     * with it, as a colon's subject */
    bool lead = r.n && (r.buf[r.n - 1] == ':' ||
                        (r.n >= 3 && starts(r.buf + r.n - 3, "：")));
    if (r.n && !lead && numbering(key(&r, s, len)) && !heading(&r, s, len)) {
      rc = paragraph(&r);
      if (rc) break;
    }
    /* 上年结转 anywhere in the section: totals there include it. */
    if (strstr(s, "上年结转")) r.sec.section_carry = true;
    /* Join: no space between CJK characters broken over lines. */
    if (r.n && (unsigned char)r.buf[r.n - 1] < 0x80 &&
        (unsigned char)s[0] < 0x80 && r.buf[r.n - 1] != ' ')
      rc = put(&r, " ", 1, lines[i].no);
    bool title = !r.n && title_line(&r, s, len);
    if (!rc) rc = put(&r, s, len, lines[i].no);
    if (!rc && (title || heading(&r, s, len))) rc = paragraph(&r);
  }
  if (!rc) rc = paragraph(&r);
  ys_arena_free(r.a);
  return rc;
}
