/*
 * claims.c - claims of a narrative, read by their structure (claims.h).
 *
 * Budget narratives state figures in a small number of shapes, however
 * their words vary from county to ministry, year to year:
 *   amount      "一般公共预算拨款支出 238.31 万元"
 *   sum         "…79.69 亿元中，因公出国(境)费 21.36 亿元，公务用车… 43.99
 *               亿元，公务接待费 14.34 亿元" (其中, 包括, 分项情况是,
 * 一、二、…) share       "占 29.67%", "占一般公共预算支出的 19.62%", "占比",
 * "比重" change      "比上年增加 3530.71 万元，增长 14.6%", rate first
 * ("同比增长 14.6%，增收 4,376 万"), the prior amount stated ("较 2024 年 的
 * 2190 万元减少 221 万元"), both years stated ("2025 年执行数 为 X…2026
 * 年预算安排 Y，比 2025 年执行数增加 r%"), paired lists ("分别减少 a、b
 * 万元，分别下降 r%、s%") completion  "支出决算为 1.71 万元，完成预算的 43%"
 * (the budget stated) difference  "较年初预算数减少 10.93 万元" (both figures
 * stated) restatement the same figure stated twice ("住房公积金 208.8 万元 …
 * 2026 年预算安排 201.50 万元") So the reader works in layers, none of which
 * knows a sentence by heart:
 *   1. Text: lines into paragraphs; traditional characters simplified
 *      (OpenCC), full-width forms folded (NFKC), pinyin glosses dropped.
 *   2. Tokens: amounts with their unit (元/万元/亿元/千元, 千分位, a list
 *      "1267.86、2570.97 万元" sharing one unit), percentages, years,
 *      codes "(204类)", counts; the text between them.
 *   3. Roles, from the words just before each number: a stated amount
 *      (its subject, year and measure: 预算/决算/执行), a change (increase
 *      or decrease, against 上年 / a year / the budget), a prior amount, a
 *      rate of change, a share, a completion rate.
 *   4. Claims: roles combined within a sentence (a change belongs to the
 *      amount before it; a rate to its change, or to an amount whose base
 *      is stated somewhere in the paragraph; a share to its part and to the
 *      whole it names or the list it is in; a list after 其中 to its whole).
 *   5. Subjects resolved to quantities through the vocabulary and the
 *      catalogue, so a figure stated in the text meets the tables.
 * A claim whose base cannot be determined is not made (the number stays
 * in the coverage list); nothing is guessed to make a check possible.
 */
#include "claims.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "yusuan/money.h"
#include "yusuan/text.h"

/* --- small helpers ----------------------------------------------------- */

static bool starts(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

static bool ends_with(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && !memcmp(s + n - k, p, k);
}

/* The last occurrence of p in [s, s+n). */
static const char *rfind_n(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
    if (!memcmp(s + i, p, k)) return s + i;
  return NULL;
}

static bool digit(char c) {
  return c >= '0' && c <= '9';
}

/* --- paragraphs -------------------------------------------------------- */

typedef struct cr {
  ys_rdoc *d;
  const ys_claimctx *x;
  ys_arena *a; /* scratch for the whole document */
  char *buf;   /* the paragraph, normalised */
  int *lineof; /* source line of each byte */
  size_t n, cap;
  /* the section a heading opened: its narrowing of the amounts in it */
  ys_qfilter sec;
  bool sec_set;
  bool carry;       /* the text mentions 上年结转 */
  const void *cur;  /* the sentence of the claim being made */
  struct tk **hist; /* stated amounts of earlier paragraphs, in order */
  size_t nh, ch;
  size_t amounts_from; /* first claim of the amount reader */
  struct lst *lists;   /* lists of parts of the paragraph */
  size_t nlists, clists;
  /* "…决算总额为 1023 万元…。其中:" closing a paragraph, then one numbered
   * section per part ("一、因公出国(境)经费" and the paragraph under it):
   * the parts are the sections' first amounts (section_lists) */
  struct tk *sl_whole;
  int sl_kind;  /* numbering of its sections (enum_kind), 0 none yet */
  bool sl_want; /* a section heading was read: its amount comes next */
  const struct tk *sl_parts[16];
  size_t sl_np;
  int head_kind; /* the paragraph being read is a heading: its numbering */
  /* the unit of the paragraph's last amount so far (tokenize), 0 none */
  ys_unit last_unit;
  bool has_last_unit;
  int rc;
} cr;

static int put(cr *r, const char *s, size_t n, int line) {
  return ys_arena_text_put(r->a, &r->buf, &r->lineof, &r->n, &r->cap, s, n,
                           line);
}

/* A line as the reader sees it: simplified, folded, without glosses. */
static char *normalise(cr *r, const char *s, size_t n) {
  char *simp = NULL;
  if (ys_vocab_simplify(r->x->vocab, s, n, &simp)) return NULL;
  const char *src = simp ? simp : s;
  size_t sn = simp ? strlen(simp) : n;
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t k =
      utf8proc_map((const utf8proc_uint8_t *)src, (utf8proc_ssize_t)sn, &out,
                   UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
  free(simp);
  if (k < 0) {
    /* not UTF-8 after all: keep the bytes */
    return ys_arena_strndup(r->a, s, n);
  }
  /* drop pinyin glosses "(jīng)" that mirror sites insert, and the
   * spaces around numbers and units ("10.23 万元") */
  char *o = ys_arena_alloc(r->a, (size_t)k + 1);
  if (!o) {
    free(out);
    return NULL;
  }
  size_t w = 0;
  for (size_t i = 0; i < (size_t)k;) {
    unsigned char c = out[i];
    if (c == '(') {
      size_t j = i + 1;
      bool latin = false, other = false;
      while (j < (size_t)k && out[j] != ')' && j - i < 16) {
        uint32_t cp;
        size_t l = ys_utf8_decode((const char *)out + j, (size_t)k - j, &cp);
        if ((cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F))
          latin = true;
        else
          other = true;
        j += l;
      }
      if (j < (size_t)k && out[j] == ')' && latin && !other) {
        i = j + 1;
        continue;
      }
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      /* a space inside words or numbers carries nothing here */
      i++;
      continue;
    }
    o[w++] = (char)c;
    i++;
  }
  o[w] = '\0';
  free(out);
  return o;
}

/* --- tokens ------------------------------------------------------------ */

typedef enum tkind {
  TK_AMT = 0, /* money */
  TK_PCT,     /* a percentage */
  TK_NUM,     /* a bare number (before its list's unit is known) */
  TK_YEAR,    /* 2025年 */
  TK_COUNT,   /* 3辆, 15批次 */
  TK_CODE,    /* (204类), (2101506) */
  TK_PP       /* 个百分点 */
} tkind;

enum {
  R_NONE = 0,
  R_STATE, /* an amount of its subject */
  R_DELTA, /* a change of the amount before */
  R_PRIOR, /* the prior amount a change is measured from */
  R_RATE,  /* a rate of change */
  R_SHARE, /* 占 x% */
  R_COMPL, /* 完成预算的 x% */
  R_WHOLE, /* the whole or budget a share is of: "占年初预算 10065 万元的" */
  R_MISSING /* a unit with no number */
};

enum { B_NONE = 0, B_PRIOR, B_YEAR, B_BUDGET };

typedef struct tk {
  tkind kind;
  size_t b, e;       /* bytes of the number (and unit) in the sentence */
  const char *num;   /* as printed, without separators: "36399.5", "-3" */
  const char *shown; /* as printed */
  ys_unit unit;
  int year;            /* TK_YEAR: the year */
  int role;            /* R_* */
  int dir;             /* +1 more, -1 less, 0 unsaid */
  int base, base_year; /* what a change is measured against */
  int base_phase;      /* the phase the base names (比 2022 年决算数), 0 */
  const char *subject; /* R_STATE: the subject, normalised */
  int syear;           /* the year the amount is of (0 the document's) */
  int measure;         /* 0, YS_PHASE_BUDGET, YS_PHASE_FINAL (执行/决算) */
  int depth;           /* parenthesis depth */
  int clause;          /* index of its clause in the sentence */
  bool listed;         /* one of a 、-list ("1267.86、2570.97万元") */
  bool together;       /* 分别: the list pairs with another list */
  bool used;           /* taken by a claim */
  const struct tk *headp; /* R_STATE: the whole of the list it is part of */
  const char *alt;        /* another reading of this amount (a restatement) */
  const void *owner;      /* its sentence */
  int list;               /* tokens of one 、-list share a number (0: none) */
  /* R_DELTA / R_RATE: the subject its own clause names ("" none) */
  const char *dsubj;
  int dmeasure; /* the measure (预算/决算) that subject names */
  /* What the text says of a stated amount (R_STATE), filled by attach():
   * its change, rate, share, the whole or budget named with it. And for a
   * companion, the statement it belongs to (NULL: none could be told). */
  struct tk *delta, *rate, *share, *whole, *compl_, *prior;
  struct tk *stmt;
} tk;

typedef struct sent {
  const char *s; /* the sentence */
  size_t n;
  size_t off; /* in the paragraph */
  tk *t;
  size_t nt;
  int line;
  int *clause_at; /* per byte: clause index */
  bool claimed;   /* some claim was read from it */
  bool kept;      /* s copied out of the paragraph buffer (keep_sentence) */
} sent;

/* Reads a number at s[i]: digits with separators and a point; returns its
 * end and the digits without separators in *num. */
static size_t read_number(cr *r, const char *s, size_t n, size_t i,
                          const char **num) {
  size_t j = i;
  char buf[64];
  size_t w = 0;
  if (j < n && (s[j] == '-' || s[j] == '+')) {
    if (s[j] == '-') buf[w++] = '-';
    j++;
  }
  bool dot = false;
  while (j < n && w < 60) {
    char c = s[j];
    if (digit(c)) {
      buf[w++] = c;
      j++;
    } else if (c == ',' && j + 3 < n && digit(s[j + 1]) && digit(s[j + 2]) &&
               digit(s[j + 3]) && !dot) {
      j++; /* a thousands separator */
    } else if (c == '.' && !dot && j + 1 < n && digit(s[j + 1])) {
      buf[w++] = '.';
      dot = true;
      j++;
    } else {
      break;
    }
  }
  buf[w] = '\0';
  *num = ys_arena_strdup(r->a, buf);
  return j;
}

typedef struct unitw {
  const char *w;
  tkind kind;
  ys_unit unit;
} unitw;

/* What follows a number. Longer words first. */
static const unitw units[] = {{"万亿元", TK_COUNT, 0},
                              {"万亿", TK_COUNT, 0},
                              {"万元", TK_AMT, YS_UNIT_WANYUAN},
                              {"亿元", TK_AMT, YS_UNIT_YIYUAN},
                              {"千元", TK_AMT, YS_UNIT_QIANYUAN},
                              {"个百分点", TK_PP, 0},
                              {"%", TK_PCT, 0},
                              {"元", TK_AMT, YS_UNIT_YUAN},
                              {"万人", TK_COUNT, 0},
                              {"万户", TK_COUNT, 0},
                              {"万", TK_AMT, YS_UNIT_WANYUAN},
                              {"亿", TK_AMT, YS_UNIT_YIYUAN},
                              {"人次", TK_COUNT, 0},
                              {"批次", TK_COUNT, 0},
                              {"人", TK_COUNT, 0},
                              {"辆", TK_COUNT, 0},
                              {"个", TK_COUNT, 0},
                              {"次", TK_COUNT, 0},
                              {"台", TK_COUNT, 0},
                              {"套", TK_COUNT, 0},
                              {"家", TK_COUNT, 0},
                              {"名", TK_COUNT, 0},
                              {"项", TK_COUNT, 0},
                              {"户", TK_COUNT, 0},
                              {"月", TK_COUNT, 0},
                              {"日", TK_COUNT, 0},
                              {"平方米", TK_COUNT, 0},
                              {"㎡", TK_COUNT, 0},
                              {"类)", TK_CODE, 0},
                              {"款)", TK_CODE, 0},
                              {"项)", TK_CODE, 0},
                              {"类", TK_CODE, 0},
                              {"款", TK_CODE, 0}};

static int add_tok(cr *r, tk **v, size_t *n, size_t *cap, tk t) {
  tk *x = ys_arena_reserve(r->a, *v, *n, cap, sizeof *x);
  if (!x) return YS_ENOMEM;
  *v = x;
  (*v)[(*n)++] = t;
  return YS_OK;
}

static int tokenize(cr *r, sent *st) {
  const char *s = st->s;
  size_t n = st->n;
  tk *v = NULL;
  size_t nt = 0, cap = 0;
  int depth = 0;
  for (size_t i = 0; i < n;) {
    char c = s[i];
    if (c == '(') depth++;
    if (c == ')' && depth > 0) depth--;
    bool start = digit(c) || ((c == '-' || c == '+') && i + 1 < n &&
                              digit(s[i + 1]) && (i == 0 || !digit(s[i - 1])));
    /* a number glued to letters or digits before it is part of a word */
    if (!start || (i > 0 && (digit(s[i - 1]) || s[i - 1] == '.'))) {
      i++;
      continue;
    }
    const char *num;
    size_t j = read_number(r, s, n, i, &num);
    if (!num) return YS_ENOMEM;
    /* list numbering at the start of a clause: "5.经营收入", "2、", "(1)" */
    bool clause_start = i == 0 || s[i - 1] == ',' || s[i - 1] == ';' ||
                        s[i - 1] == ':' || s[i - 1] == '(';
    if (clause_start && j - i <= 2 && num[0] != '-' &&
        ((starts(s + j, "、") && (i == 0 || s[i - 1] != '(')) ||
         (s[j] == '.' && (j + 1 >= n || !digit(s[j + 1]))) ||
         (i > 0 && s[i - 1] == '(' && s[j] == ')'))) {
      i = j + (starts(s + j, "、") ? 3 : 1);
      continue;
    }
    tk t;
    memset(&t, 0, sizeof t);
    t.b = i;
    t.owner = st;
    t.num = num;
    t.depth = depth;
    t.kind = TK_NUM;
    /* a year: four digits and 年 */
    if (j - i == 4 && starts(s + j, "年") && num[0] != '-') {
      t.kind = TK_YEAR;
      t.year = atoi(num);
      j += 3;
      if (starts(s + j, "度")) j += 3;
    } else if (i > 0 && s[i - 1] == '(' &&
               (starts(s + j, ")") || starts(s + j, "类") ||
                starts(s + j, "款") || starts(s + j, "项"))) {
      /* a classification code in parentheses: (2101506), (204类) */
      t.kind = TK_CODE;
      while (j < n && s[j] != ')') j++;
    } else {
      for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
        if (starts(s + j, units[u].w)) {
          t.kind = units[u].kind;
          t.unit = units[u].unit;
          j += strlen(units[u].w);
          break;
        }
    }
    t.e = j;
    t.shown = ys_arena_strndup(r->a, s + i, j - i);
    if (!t.shown) return YS_ENOMEM;
    if (add_tok(r, &v, &nt, &cap, t)) return YS_ENOMEM;
    i = j;
  }
  /* a list shares the unit of its last number: "1267.86、2570.97万元" */
  for (size_t k = nt; k-- > 0;) {
    if (v[k].kind != TK_AMT && v[k].kind != TK_PCT) continue;
    for (size_t m = k; m-- > 0;) {
      if (v[m].kind != TK_NUM) break;
      const char *gap = s + v[m].e;
      size_t gl = v[m + 1].b - v[m].e;
      if (!(gl == 3 && starts(gap, "、")) && !(gl == 1 && *gap == ',') &&
          !(gl == 3 && (starts(gap, "和") || starts(gap, "及"))))
        break;
      v[m].kind = v[k].kind;
      v[m].unit = v[k].unit;
      v[m].listed = v[m + 1].listed = true;
    }
  }
  /* an amount whose unit was left off, between siblings that have one:
   * "基本支出 29955.97 万元,…;项目支出 639.07,占…" — a number with
   * decimals right after a name and before a clause break takes the unit
   * of the amount before it in the sentence */
  for (size_t k = 0; k < nt; k++) {
    tk *t = &v[k];
    if (t->kind != TK_NUM || !strchr(t->num, '.') || t->b < 3 ||
        (unsigned char)s[t->b - 3] < 0xE3 ||
        (t->e < n && s[t->e] != ',' && s[t->e] != ';'))
      continue;
    bool found = false;
    for (size_t m = k; m-- > 0 && !found;)
      if (v[m].kind == TK_AMT) {
        t->kind = TK_AMT;
        t->unit = v[m].unit;
        found = true;
      }
    /* or of the sentence before, in the paragraph (a list split at ';') */
    if (!found && r->has_last_unit) {
      t->kind = TK_AMT;
      t->unit = r->last_unit;
    }
  }
  for (size_t k = nt; k-- > 0;)
    if (v[k].kind == TK_AMT) {
      r->last_unit = v[k].unit;
      r->has_last_unit = true;
      break;
    }
  /* figures of one kind separated only by 、 , 和 及: one list */
  int lists = 0;
  for (size_t k = 1; k < nt; k++) {
    if (v[k].kind != v[k - 1].kind ||
        (v[k].kind != TK_AMT && v[k].kind != TK_PCT))
      continue;
    const char *gap = s + v[k - 1].e;
    size_t gl = v[k].b - v[k - 1].e;
    bool sep = (gl == 3 && (starts(gap, "、") || starts(gap, "和") ||
                            starts(gap, "及"))) ||
               (gl == 1 && *gap == ',') || (gl == 6 && starts(gap, "以及"));
    if (!sep) continue;
    v[k - 1].listed = v[k].listed = true;
    if (!v[k - 1].list) v[k - 1].list = ++lists;
    v[k].list = v[k - 1].list;
  }
  st->t = v;
  st->nt = nt;
  return YS_OK;
}

/* --- roles ------------------------------------------------------------- */

/* The text a token's role is read from: back to the previous token or the
 * previous clause break. */
static void pre_text(const sent *st, size_t k, const char **p, size_t *n) {
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
    if (b >= 3 && starts(st->s + b - 3, "、") && st->t[k].kind != TK_AMT) break;
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
      if (ends_with(p, n, tails[t])) {
        n -= strlen(tails[t]);
        cut = true;
      }
    if (!cut) break;
  }
  if (ends_with(p, n, "负增长")) return -1;
  for (size_t i = 0; i < sizeof up_words / sizeof up_words[0]; i++)
    if (ends_with(p, n, up_words[i])) return +1;
  for (size_t i = 0; i < sizeof down_words / sizeof down_words[0]; i++)
    if (ends_with(p, n, down_words[i])) {
      /* "下降" but not "较上年同期下" */
      return -1;
    }
  /* "超出预算 57.25 亿元", "低于上年 3 万元": the verb, then its base */
  static const char *const bases[] = {"年初预算", "调整预算", "预算数", "预算",
                                      "上年同期", "上年",     "计划"};
  for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
    if (!ends_with(p, n, bases[b])) continue;
    size_t m = n - strlen(bases[b]);
    if (ends_with(p, m, "超出") || ends_with(p, m, "高于") ||
        ends_with(p, m, "多于"))
      return +1;
    if (ends_with(p, m, "低于") || ends_with(p, m, "少于")) return -1;
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
    yr = digit(p[i]) && digit(p[i + 1]) && digit(p[i + 2]) && digit(p[i + 3]) &&
         starts(p + i + 4, "年");
  /* "比 2019 年预算" is the prior year's budget, not this year's */
  if (!yr && ys_text_has(p, n, "预算") && !ys_text_has(p, n, "上年预算") &&
      !ys_text_has(p, n, "去年预算") && !ys_text_has(p, n, "预算执行"))
    return B_BUDGET;
  for (size_t i = 0; i + 7 <= n; i++)
    if (digit(p[i]) && digit(p[i + 1]) && digit(p[i + 2]) && digit(p[i + 3]) &&
        starts(p + i + 4, "年") && (i == 0 || !digit(p[i - 1]))) {
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
    if (!starts(q, "各")) continue;
    for (size_t v = 0; v < sizeof verb / sizeof verb[0]; v++)
      if (q + 3 + strlen(verb[v]) <= p + n && starts(q + 3, verb[v]))
        return true;
  }
  return false;
}

/* The phase the words of a comparison name after its 比 / 较 / 与 ("比
 * 2022 年决算数": 决算), 0 none. */
static int base_phase(const char *p, size_t n) {
  const char *w = NULL;
  static const char *const marks[] = {"比", "较", "与"};
  for (size_t m = 0; m < 3; m++) {
    const char *f = rfind_n(p, n, marks[m]);
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
static const char *clean_subject(cr *r, const char *p, size_t n, int *year,
                                 int *measure) {
  *year = 0;
  *measure = 0;
  char *k = ys_text_key(r->a, p, n);
  if (!k) return "";
  /* years mentioned anywhere in the subject */
  for (char *q = k; *q; q++)
    if (digit(q[0]) && digit(q[1]) && digit(q[2]) && digit(q[3]) &&
        starts(q + 4, "年") && (q == k || !digit(q[-1]))) {
      *year = atoi(q);
      memmove(q, q + 7, strlen(q + 7) + 1);
      if (starts(q, "度")) memmove(q, q + 3, strlen(q + 3) + 1);
      q--;
    }
  if (strstr(k, "上年") || strstr(k, "去年")) *year = -1;
  if (strstr(k, "决算") || strstr(k, "执行") || strstr(k, "实际") ||
      strstr(k, "完成"))
    *measure = YS_PHASE_FINAL;
  else if (strstr(k, "预算") || strstr(k, "安排"))
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
      if (starts(k, lead[i])) {
        k += strlen(lead[i]);
        again = true;
      }
    /* list numbering */
    const char *q = k;
    while (digit(*q)) q++;
    if (q > k && (starts(q, "、") || *q == '.')) {
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
        if (starts(q, cn[i])) {
          q += 3;
          hit = true;
        }
    }
    if (q > k + (*k == '(') && (starts(q, "、") || *q == ')')) {
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
      if (ends_with(k, kl, tail[i]) && kl > strlen(tail[i])) {
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
    } else if (starts(q, "、") || starts(q, "“") || starts(q, "”")) {
      q += 3;
    } else {
      word = true;
    }
  }
  return word ? k : "";
}

static bool generic(const char *s);

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
  bool compl_ = (ys_text_has(cp, cn, "完成") && ys_text_has(cp, cn, "预算")) ||
                ((ys_text_has(p, n, "为") || ys_text_has(p, n, "占") ||
                  ys_text_has(p, n, "达")) &&
                 (ends_with(p, n, "预算的") || ends_with(p, n, "预算数的") ||
                  ends_with(p, n, "计划的") || ends_with(p, n, "任务的") ||
                  ends_with(p, n, "任务数的")));
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
    t->base_phase = base_phase(cp, cn);
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
    if (an >= strlen(up_words[i]) && starts(a, up_words[i])) return +1;
  for (size_t i = 0; i < sizeof down_words / sizeof down_words[0]; i++)
    if (an >= strlen(down_words[i]) && starts(a, down_words[i])) return -1;
  return 0;
}

/* Does a change word follow the amount directly ("285 万元下降 34 万元")? */
static bool change_follows(const sent *st, const tk *t) {
  return change_word_at(st->s + t->e, st->n - t->e) != 0;
}

/* The role of an amount: a change, a prior amount, the whole a share is
 * of, a threshold, or a stated amount with its subject. */
static void amount_role(cr *r, sent *st, size_t k, const char *p, size_t n) {
  tk *t = &st->t[k];
  int dir = change_dir_end(p, n);
  const char *cp;
  size_t cn;
  clause_text(st, k, &cp, &cn);
  if (dir) {
    t->role = R_DELTA;
    t->dir = dir;
    t->base = base_of(cp, cn, &t->base_year);
    t->base_phase = base_phase(cp, cn);
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
      int b2 = ends_with(st->s + b, e - b, "相比") ||
                       ends_with(st->s + b, e - b, "比较")
                   ? base_of(st->s + b, e - b, &y2)
                   : B_NONE;
      if (b2 != B_NONE) {
        t->base = b2, t->base_year = y2;
        t->base_phase = base_phase(st->s + b, e - b);
      }
    }
    t->together = says_each(p, n);
    return;
  }
  /* "与 2016 年相比 21.79 万元,增加 14.01%": the change word after */
  if (ends_with(p, n, "相比") || ends_with(p, n, "比较")) {
    const char *after = st->s + t->e;
    size_t an = st->n - t->e;
    if (an && *after == ',') after++, an--;
    int ad = change_word_at(after, an);
    if (ad) {
      t->role = R_DELTA;
      t->dir = ad;
      t->base = base_of(cp, cn, &t->base_year);
      t->base_phase = base_phase(cp, cn);
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
  if (ends_with(p, n, "超过") || ends_with(p, n, "高于") ||
      ends_with(p, n, "低于") || ends_with(p, n, "不足") ||
      ends_with(p, n, "不到") || ends_with(p, n, "逾") ||
      ends_with(p, n, "近") || ends_with(p, n, "突破") ||
      starts(st->s + t->e, "以上") || starts(st->s + t->e, "以下") ||
      starts(st->s + t->e, "左右")) {
    t->role = R_NONE;
    return;
  }
  /* "占年初预算 10065 万元的 43.2%", "完成预算 105425 万元的 5.39%": the
   * whole (or budget) of the percentage that follows */
  if (k + 1 < st->nt && st->t[k + 1].kind == TK_PCT &&
      (ys_text_has(p, n, "占") || ys_text_has(p, n, "完成") ||
       ends_with(p, n, "为")) &&
      st->t[k + 1].b - t->e <= 12 && starts(st->s + t->e, "的")) {
    const char *z = rfind_n(p, n, "占");
    if (!z) z = rfind_n(p, n, "完成");
    const char *w = z ? z + 3 + (starts(z, "完成") ? 3 : 0) : p;
    t->role = R_WHOLE;
    t->subject =
        clean_subject(r, w, (size_t)(p + n - w), &t->syear, &t->measure);
    if (!t->subject) t->subject = "";
    if (ys_text_has(p, n, "预算") || ys_text_has(p, n, "计划"))
      t->measure = YS_PHASE_BUDGET;
    return;
  }
  /* "比上年 151271.81 万元减少 …", "较 2024 年的 2190 万元减少 …"; and
   * whatever names the base, when the change word follows the amount
   * ("比上年累计支出 285 万元下降 34 万元") */
  if (comparison(cp, cn) &&
      (!n || ends_with(p, n, "的") || ends_with(p, n, "年") ||
       ends_with(p, n, "上年") || ends_with(p, n, "数") ||
       ends_with(p, n, "预算") || ends_with(p, n, "同期") ||
       change_follows(st, t))) {
    t->role = R_PRIOR;
    t->base = base_of(cp, cn, &t->base_year);
    t->base_phase = base_phase(cp, cn);
    return;
  }
  /* the subject: the clause up to the amount, past any earlier number
   * of the clause but a year ("2025 年当年预算执行数为") */
  size_t sb = (size_t)(cp - st->s);
  for (size_t j = 0; j < k; j++)
    if (st->t[j].kind != TK_YEAR && st->t[j].kind != TK_CODE &&
        st->t[j].e > sb && st->t[j].e <= t->b)
      sb = st->t[j].e;
  t->role = R_STATE;
  t->subject = clean_subject(r, st->s + sb, t->b - sb, &t->syear, &t->measure);
  if (!t->subject) t->subject = "";
  /* "…“三公”经费支出年初预算为 12000 元,支出决算为 12000 元": a bare
   * 支出/收入 goes on with the subject of the clause before */
  if (*t->subject && generic(t->subject) && !t->list)
    for (size_t j = k; j-- > 0;)
      if (st->t[j].role == R_STATE && st->t[j].subject &&
          !generic(st->t[j].subject)) {
        t->subject = st->t[j].subject;
        break;
      }
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
    t->base_phase = base_phase(cp, cn);
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
        if (starts(q + x, "的")) de = q + x + 3;
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
        const char *f = rfind_n(q, qn, up_words[i]);
        if (f && (size_t)(f - q) < e) e = (size_t)(f - q);
      }
      for (size_t i = 0; i < sizeof down_words / sizeof down_words[0]; i++) {
        const char *f = rfind_n(q, qn, down_words[i]);
        if (f && (size_t)(f - q) < e) e = (size_t)(f - q);
      }
      name = q, nn = e;
    }
    if (!name || !nn) continue;
    int y, me;
    const char *sj = clean_subject(r, name, nn, &y, &me);
    if (sj && strlen(sj) >= 6) {
      t->dsubj = sj;
      t->dmeasure = me;
    }
  }
}

/* Reads the role of every token of a sentence. */
static void roles(cr *r, sent *st) {
  for (size_t k = 0; k < st->nt; k++) {
    const char *p;
    size_t n;
    pre_text(st, k, &p, &n);
    if (st->t[k].kind == TK_PCT)
      pct_role(st, k, p, n);
    else if (st->t[k].kind == TK_AMT)
      amount_role(r, st, k, p, n);
  }
  bare_priors(st);
  own_subjects(r, st);
}

/* --- claims ------------------------------------------------------------ */

static const char *sentence_text(cr *r, const sent *st) {
  return ys_arena_strndup(r->d->arena, st->s, st->n);
}

/* A scratch string copied into the document (claims outlive the reader's
 * scratch arena); NULL stays NULL. */
static const char *doc_str(cr *r, const char *s) {
  if (!s) return NULL;
  const char *c = ys_arena_strdup(r->d->arena, s);
  if (!c) r->rc = YS_ENOMEM;
  return c;
}

static ys_rclaim *claim(cr *r, const sent *st, ys_claim_kind kind,
                        const char *subject, const tk *fig) {
  ys_rclaim *c =
      ys_rdoc_claim(r->d, kind, subject, fig ? fig->num : "",
                    fig && fig->kind == TK_AMT ? fig->unit : YS_UNIT_WANYUAN,
                    sentence_text(r, st), st->line);
  if (!c) {
    r->rc = YS_ENOMEM;
    return NULL;
  }
  c->span_b = fig ? fig->b : 0;
  c->span_e = fig ? fig->e : 0;
  ((sent *)st)->claimed = true;
  r->cur = st;
  return c;
}

static void set_parts(cr *r, ys_rclaim *c, const tk **v, const int *neg,
                      size_t n) {
  ys_arena *a = r->d->arena;
  if (!ys_rclaim_parts(r->d, c, n)) {
    r->rc = YS_ENOMEM;
    return;
  }
  for (size_t i = 0; i < n; i++) {
    c->parts[i] = neg && neg[i] ? ys_arena_printf(a, "-%s", v[i]->num)
                                : ys_arena_strdup(a, v[i]->num);
    c->part_units[i] = v[i]->unit;
    /* a claim whose figure is a rate is in the unit of its amounts */
    if (i == 0 &&
        (c->kind == YS_CLAIM_SHARE || c->kind == YS_CLAIM_CHANGE ||
         c->kind == YS_CLAIM_COMPLETION) &&
        v[0]->kind == TK_AMT)
      c->unit = v[0]->unit;
    if (!c->parts[i]) r->rc = YS_ENOMEM;
    ((sent *)v[i]->owner)->claimed = true;
    /* the span covers every figure the claim uses (same sentence only) */
    if (v[i]->owner == r->cur) {
      if (c->span_e == c->span_b || v[i]->b < c->span_b) c->span_b = v[i]->b;
      if (v[i]->e > c->span_e) c->span_e = v[i]->e;
    }
  }
  c->n_parts = n;
}

/* The subjects of two amounts name the same thing (one contains the
 * other, or one is unnamed and inherits). */
static bool same_subject(const char *a, const char *b) {
  if (!*a || !*b) return false;
  return !strcmp(a, b) || (strlen(a) >= 6 && strstr(b, a)) ||
         (strlen(b) >= 6 && strstr(a, b));
}

/* A subject that names nothing but the statement itself ("预算安排"). */
static bool generic(const char *s) {
  return !*s || !strcmp(s, "预算") || !strcmp(s, "支出") ||
         !strcmp(s, "收入") || !strcmp(s, "决算") || !strcmp(s, "执行") ||
         !strcmp(s, "当年预算") || !strcmp(s, "当年预算执行") ||
         !strcmp(s, "预算执行") || !strcmp(s, "当年") ||
         !strcmp(s, "预算安排") || !strcmp(s, "安排") ||
         !strcmp(s, "当年预算执行数");
}

typedef struct para {
  sent *s;
  size_t n;
} para;

/* A list of parts after 其中/包括 and its whole. */
typedef struct lst {
  size_t si; /* its sentence */
  tk *whole;
  tk **parts;
  size_t n;
  bool exhaustive; /* said so (分别为) */
} lst;

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
      if (starts(x[i], verb[v]))
        memmove(x[i], x[i] + strlen(verb[v]),
                strlen(x[i] + strlen(verb[v])) + 1);
  }
  return same_subject(x[0], x[1]);
}

static const tk *find_base(const para *pg, size_t si, size_t k, const tk *cur,
                           int base, int year, int doc_year) {
  for (size_t s = si + 1; s-- > 0;) {
    const sent *st = &pg->s[s];
    size_t end = s == si ? k : st->nt;
    for (size_t j = end; j-- > 0;) {
      const tk *t = &st->t[j];
      if (t->role != R_STATE || t == cur) continue;
      bool subj = same_subject(t->subject, cur->subject) ||
                  generic(t->subject) || generic(cur->subject) ||
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
          found = u->headp == b && same_subject(u->subject, t->subject);
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

/* --- statements ---------------------------------------------------------- */

/* A figure's value in 元, for choosing between readings (never checked). */
static double yuan(const tk *t) {
  double f = t->unit == YS_UNIT_WANYUAN    ? 1e4
             : t->unit == YS_UNIT_YIYUAN   ? 1e8
             : t->unit == YS_UNIT_QIANYUAN ? 1e3
                                           : 1;
  return atof(t->num) * f;
}

/* A subject without the words that do not change what it names:
 * 总支出 = 支出合计 = 本年支出 for matching a whole's name. */
static const char *match_key(cr *r, const char *s) {
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
static int key_score(const char *ka, const char *kb) {
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
static int name_score(cr *r, const char *a, const char *b) {
  if (!*a || !*b) return 0;
  return key_score(match_key(r, a), match_key(r, b));
}

static bool keep_sentence(cr *r, const tk *t);

/* Keeps a stated amount for the paragraphs after (and the tables: its
 * sentence outlives the paragraph buffer). */
static int remember(cr *r, tk *t) {
  if (!keep_sentence(r, t)) return YS_ENOMEM;
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
static int amount_year(const tk *u, int doc_year) {
  for (const tk *w = u; w; w = w->headp)
    if (w->syear) return w->syear;
  return doc_year;
}

/* find_named, never an amount of year not_year (0: any). */
static tk *find_named_in(cr *r, para *pg, size_t si, size_t k, const char *name,
                         int measure, const tk *part, bool at_least,
                         int not_year) {
  if (!name || !*name || generic(name)) return NULL;
  tk *best = NULL;
  int bs = 0;
  double pv = part ? yuan(part) : 0;
  for (size_t s = si + 1; s-- > 0 && bs < 2;) {
    sent *st = &pg->s[s];
    size_t end = s == si ? k : st->nt;
    for (size_t j = end; j-- > 0 && bs < 2;) {
      tk *u = &st->t[j];
      if (u->role != R_STATE || u == part || sibling(u, part)) continue;
      if (at_least && yuan(u) < pv) continue;
      /* 决算 is not 预算 */
      if (measure && u->measure && u->measure != measure) continue;
      if (not_year && amount_year(u, r->x->year) == not_year) continue;
      int sc = name_score(r, u->subject, name);
      if (sc > bs) best = u, bs = sc;
    }
  }
  for (size_t h = r->nh; h-- > 0 && bs < 2;) {
    tk *u = r->hist[h];
    if (u == part || sibling(u, part) || (at_least && yuan(u) < pv)) continue;
    if (measure && u->measure && u->measure != measure) continue;
    if (not_year && amount_year(u, r->x->year) == not_year) continue;
    int sc = name_score(r, u->subject, name);
    if (sc > bs) best = u, bs = sc;
  }
  return best;
}

static tk *find_named(cr *r, para *pg, size_t si, size_t k, const char *name,
                      int measure, const tk *part, bool at_least) {
  return find_named_in(r, pg, si, k, name, measure, part, at_least, 0);
}

/* The first stated amount of a sentence: what a following sentence that
 * opens without a subject ("同口径比 2018 年减少 830 万元") speaks of. */
static tk *head_of(sent *st) {
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
  if (*t->dsubj && !generic(t->dsubj)) {
    /* the amount stated just before in this clause, if it is the one */
    tk *c = cur[t->depth < 8 ? t->depth : 7];
    if (c && c->owner == st && name_score(r, c->subject, t->dsubj)) return c;
    {
      /* the statement a change of the year before is of is not the year
       * before's ("2021 年…公务接待 12.39 万元…。2022 年度…其中公务接待较上
       * 年同期减少 0.58 万元": the 2022 figure) */
      tk *f = find_named(r, pg, si, k, t->dsubj, t->dmeasure, NULL, false);
      int cy = r->x->year;
      if (f && cy && t->base == B_PRIOR && amount_year(f, cy) == cy - 1)
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
    tk *h = head_of(&pg->s[si - 1]);
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
    each = rfind_n(st->s + b, e - b, w[i]);
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
static void attach(cr *r, para *pg, size_t si) {
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
      prior = whole = NULL;
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

static void change_claims(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t k = 0; k < st->nt && !r->rc; k++) {
    tk *t = &st->t[k];
    if (t->role == R_DELTA) {
      tk *cur = t->stmt, *rt = t->rate, *pr = t->prior;
      const char *subj = cur ? cur->subject : t->dsubj;
      if (pr) {
        /* the prior stated with the change: "比上年 X 万元减少 d 万元" */
        if (cur) {
          ys_rclaim *dc = claim(r, st, YS_CLAIM_DIFFERENCE, subj, t);
          if (!dc) return;
          const tk *w[2] = {cur, pr};
          set_parts(r, dc, w, NULL, 2);
          dc->dir = t->dir;
        }
        if (rt) {
          ys_rclaim *pc = claim(r, st, YS_CLAIM_CHANGE, subj, rt);
          if (!pc) return;
          const tk *w[2] = {t, pr};
          int ng[2] = {t->dir < 0, 0};
          set_parts(r, pc, w, ng, 2);
          pc->how = YS_CHANGE_BASE;
          pc->dir = t->dir;
          rt->used = true;
        }
        pr->used = true;
        t->used = true;
        continue;
      }
      if (!cur) continue;
      /* a figure restated on a comparable basis ("地方一般公共预算收入(同
       * 口径)完成 30,161 万元,同比增长 14.6%,增收 4,376 万"): its rate is
       * of a restated prior the text does not give, so current − change is
       * no base; the rate is left unchecked (never an error from a guessed
       * base) */
      if (restated(cur)) continue;
      ys_rclaim *c = claim(r, st, YS_CLAIM_CHANGE, subj, rt);
      if (!c) return;
      const tk *v[2] = {cur, t};
      int neg[2] = {0, t->dir < 0};
      set_parts(r, c, v, neg, 2);
      c->how = YS_CHANGE_DELTA;
      c->dir = t->dir;
      c->alt = doc_str(r, cur->alt);
      if (!c->alt && change_of_whole_too(pg, cur))
        c->alt = doc_str(r, cur->headp->num);
      t->used = true;
      if (rt) rt->used = true;
      /* "…预算为 20 万元…。…支出共计 9.07 万元,较年初预算数减少 10.93
       * 万元": the base the change names, stated before under the same
       * name, and the change is their difference */
      if (t->base != B_NONE) {
        const tk *b =
            find_base(pg, si, k, cur, t->base, t->base_year, r->x->year);
        bool ok = b && b != cur && b->unit == cur->unit &&
                  (!generic(b->subject) || !generic(cur->subject)) &&
                  (same_subject(b->subject, cur->subject) ||
                   same_unmeasured(b->subject, cur->subject));
        if (!ok) {
          b = find_base_after(pg, si, k, cur, t->base, t->base_year,
                              r->x->year);
          ok = b != NULL;
        }
        if (ok) {
          ys_rclaim *dc = claim(r, st, YS_CLAIM_DIFFERENCE, subj, t);
          if (!dc) return;
          const tk *w[2] = {cur, b};
          set_parts(r, dc, w, NULL, 2);
          dc->dir = t->dir;
        }
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
    ys_rclaim *c = claim(r, st, YS_CLAIM_CHANGE, cur->subject, t);
    if (!c) return;
    const tk *v[2] = {cur, prior};
    set_parts(r, c, v, NULL, 2);
    c->how = YS_CHANGE_PRIOR;
    c->dir = t->dir;
    c->alt = doc_str(r, cur->alt);

    t->used = true;
  }
}

/* The text between 占 (or 完成, 为) and a percentage: the whole's name. */
static const char *whole_name(cr *r, const sent *st, size_t k) {
  const char *p;
  size_t n;
  pre_text(st, k, &p, &n);
  const char *z = rfind_n(p, n, "占");
  size_t skip = 3;
  if (!z) {
    z = rfind_n(p, n, "完成");
    skip = 6;
  }
  if (!z) {
    z = rfind_n(p, n, "为");
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
      if (ends_with(w, wn, tails[i])) {
        wn -= strlen(tails[i]);
        again = true;
      }
  }
  int y, m;
  const char *name = clean_subject(r, w, wn, &y, &m);
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

static void share_claims(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t k = 0; k < st->nt && !r->rc; k++) {
    tk *t = &st->t[k];
    if (t->role != R_SHARE || t->used) continue;
    tk *part = t->stmt;
    if (!part) continue;
    const tk *whole = t->whole;
    /* "…分别为 a 和 b,占全国政府采购规模的 8.1% 和 91.9%": the list's
     * first percentage names the whole of all */
    size_t k0 = k;
    while (k0 > 0 && t->list && st->t[k0 - 1].list == t->list) k0--;
    if (!whole && k0 < k && st->t[k0].role == R_SHARE && st->t[k0].whole)
      whole = st->t[k0].whole;
    if (!whole) {
      const char *name = whole_name(r, st, k0);
      const char *hk = part->headp ? match_key(r, part->headp->subject) : "";
      const char *nk = *name ? match_key(r, name) : "";
      size_t hl = strlen(hk), nl = strlen(nk);
      /* (a whole named as a total, "支出总预算", is not a list's whole
       * that only ends with its words and names no total, "项目支出预算") */
      bool total = strstr(name, "总") || strstr(name, "合计");
      if (*name && part->headp && !generic(name) &&
          (name_score(r, part->headp->subject, name) ||
           (nl >= 6 && hl >= nl && !strcmp(hk + hl - nl, nk) &&
            !strstr(hk, "和") && !strstr(hk, "及") && !strstr(hk, "、") &&
            (!total || strstr(part->headp->subject, "总") ||
             strstr(part->headp->subject, "合计")))))
        whole = part->headp; /* the whole of its list, by name */
      else if (*name && !generic(name))
        whole = find_named(r, pg, si, k, name, 0, part, true);
      else if (part->headp)
        whole = part->headp; /* unnamed: the whole of its list */
      else if (*name && si > 0 && !head_of(st)->headp &&
               head_of(&pg->s[si - 1]) &&
               yuan(head_of(&pg->s[si - 1])) >= yuan(part))
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
        ys_rclaim *c = claim(r, st, YS_CLAIM_SHARE, part->subject, t);
        if (!c) return;
        const tk *v[64];
        size_t nv = 0;
        v[nv++] = part;
        for (size_t j = 0; j < na; j++)
          if (all[j] != part) v[nv++] = all[j];
        set_parts(r, c, v, NULL, nv);
        c->how = YS_SHARE_OF_SUM;
        c->to_hundred = hundredths == 10000;
        t->used = true;
        continue;
      }
    }
    if (!whole || whole == part) continue;
    t->whole = (tk *)whole;
    ys_rclaim *c = claim(r, st, YS_CLAIM_SHARE, part->subject, t);
    if (!c) return;
    const tk *v[2] = {part, whole};
    set_parts(r, c, v, NULL, 2);
    c->alt = doc_str(r, part->alt);
    t->used = true;
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
    if (starts(st->s + k, "因") && !starts(st->s + k, "因公")) return true;
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
  if (starts(n, "这") || starts(n, "其")) n += 3;
  if (starts(n, "主要")) n += 6;
  return starts(n, "原因") || starts(n, "是") || starts(n, "由于") ||
         (starts(n, "因") && !starts(n, "因公"));
}

/* Which budget the words just before byte b of a sentence name: 1 the
 * 年初预算, 2 the 全年 (调整) 预算, 0 neither ("完成预算的"). */
static int budget_named(const char *s, size_t b) {
  size_t from = b > 24 ? b - 24 : 0;
  int kind = 0;
  for (size_t i = from; i + 6 <= b; i++) {
    if (starts(s + i, "年初")) kind = 1;
    if (starts(s + i, "全年") || starts(s + i, "调整")) kind = 2;
  }
  return kind;
}

static void completion_claims(cr *r, para *pg, size_t si) {
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
            (same_subject(u->subject, act->subject) ||
             same_unmeasured(u->subject, act->subject) || generic(u->subject) ||
             generic(act->subject)))
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
    if (!bud) continue;
    ys_rclaim *c = claim(r, st, YS_CLAIM_COMPLETION, act->subject, t);
    if (!c) return;
    const tk *v[2] = {act, bud};
    set_parts(r, c, v, NULL, 2);
    t->used = true;
    /* a 决算 explains an actual far from its budget */
    if (r->x->final && far_from_budget(t->num) && !reason_after(pg, si, t->e)) {
      ys_rclaim *u = claim(r, st, YS_CLAIM_UNEXPLAINED, act->subject, t);
      if (!u) return;
      set_parts(r, u, v, NULL, 2);
    }
  }
}

/* --- sums of listed parts ---------------------------------------------- */

/* Does a clause open a list of parts: 其中, 包括, 分项情况是, "…万元中" */
static bool opener_at(const char *s, size_t n) {
  /* the openers start with 其 包 具 分 (E5), 主 中 (E4) or 用 (E7) */
  unsigned char c = (unsigned char)s[0];
  if (c != 0xE5 && c != 0xE4 && c != 0xE7) return false;
  return starts(s, "其中") || starts(s, "包括") || starts(s, "主要包括") ||
         starts(s, "主要用于以下方面") || starts(s, "用于以下方面") ||
         starts(s, "分项情况") || starts(s, "具体为") ||
         starts(s, "具体如下") || starts(s, "分别为") ||
         (n >= 3 && starts(s, "中,")) || starts(s, "中:");
}

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
static bool stated_flat(const sent *st, const tk *t) {
  size_t e = st->n;
  for (size_t i = 0; i < st->nt; i++)
    if (st->t[i].b >= t->e && st->t[i].b < e &&
        (st->t[i].kind == TK_AMT || st->t[i].kind == TK_PCT))
      e = st->t[i].b;
  /* a ；right after the amount still leads to what is said of it
   * ("8.2 万元；与上年预算数持平") */
  for (size_t i = t->e; i < e; i++)
    if ((st->s[i] == ';' && i > t->e) || starts(st->s + i, "。")) {
      e = i;
      break;
    }
  static const char *const flat[] = {"持平",     "无变化", "无增减",
                                     "没有变化", "未变化", "不变"};
  for (size_t k = 0; k < sizeof flat / sizeof *flat; k++)
    if (e > t->e && ys_text_has(st->s + t->e, e - t->e, flat[k])) return true;
  return false;
}

/* A part's change: the one stated, or a zero when the text says it is
 * unchanged (a token made for it, in the unit of the whole's change). */
static const tk *part_change(cr *r, const tk *part, const tk *whole_delta) {
  if (part->delta) return part->delta->kind == TK_AMT ? part->delta : NULL;
  if (!part->owner || !stated_flat(part->owner, part)) return NULL;
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
      ys_rclaim *c = claim(r, st, YS_CLAIM_SUM, whole->subject, whole->delta);
      if (!c) return;
      set_parts(r, c, v, neg, n);
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
          claim(r, st, YS_CLAIM_SUM, whole->whole->subject, whole->whole);
      if (!c) return;
      set_parts(r, c, v, NULL, n);
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
    ys_rclaim *c = claim(r, st, YS_CLAIM_SUM, whole->subject, NULL);
    if (!c) return;
    set_parts(r, c, v, NULL, n);
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
static bool other_year(const tk *whole, const tk *part) {
  int wy = amount_year(whole, 0);
  const sent *st = part->owner;
  if (!wy || !st) return false;
  for (size_t j = 0; j < st->nt && &st->t[j] != part; j++)
    if (st->t[j].kind == TK_YEAR) return st->t[j].year != wy;
  return false;
}

static void list_sum(cr *r, sent *st, tk *whole, const tk **parts, size_t np,
                     bool exhaustive) {
  if (np && other_year(whole, parts[0])) return;
  /* a part well over the whole is no part of it: the whole is another
   * amount (a list opened after a sentence on something else: "…结余 4091
   * 亿元。其中,…收入 17002 亿元;支出 16090 亿元") */
  for (size_t p = 0; p < np; p++)
    if (parts[p]->kind == TK_AMT && whole->kind == TK_AMT && yuan(whole) > 0 &&
        yuan(parts[p]) > yuan(whole) * 1.1)
      return;
  ys_rclaim *c = claim(r, st, YS_CLAIM_SUM, whole->subject, whole);
  if (!c) return;
  set_parts(r, c, parts, NULL, np);
  c->exhaustive = exhaustive || shares_complete(parts, np, whole) ||
                  known_partition(r, whole, parts, np);
  companion_sums(r, st, whole, parts, np, c->exhaustive, r->d->n_claims);
}

/* An enumerator at s: 一、 二、 … (一) (二) … — the items of a list at a
 * higher level than a 其中 list inside one of them. */
static size_t enumerator_at(const char *s, size_t n) {
  static const char *const cn[] = {"一", "二", "三", "四", "五",
                                   "六", "七", "八", "九", "十"};
  size_t k = 0;
  bool paren = n && *s == '(';
  if (paren) k = 1;
  size_t d = k;
  for (bool hit = true; hit;) {
    hit = false;
    for (size_t i = 0; i < 10; i++)
      if (d + 3 <= n && starts(s + d, cn[i])) {
        d += 3;
        hit = true;
      }
  }
  if (d == k) return 0;
  if (paren) return d < n && s[d] == ')' ? d + 1 : 0;
  return d + 3 <= n && starts(s + d, "、") ? d + 3 : 0;
}

/* Does the text [b, e) of a sentence, outside any bracket opened in it,
 * start a clause with an opener or an enumerator? */
static bool new_list_between(const sent *st, size_t b, size_t e) {
  int depth = 0;
  for (size_t j = b; j < e; j++) {
    char c = st->s[j];
    if (c == '(') {
      if (!depth && enumerator_at(st->s + j, e - j)) return true;
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
    if (opener || enumerator_at(st->s + j, e - j) ||
        ((starts(st->s + j, "主要原因") || starts(st->s + j, "原因是")) &&
         !ys_text_has(st->s + j, e - j, ";")) ||
        starts(st->s + j, "另有") || starts(st->s + j, "此外") ||
        starts(st->s + j, "另外") || starts(st->s + j, "在"))
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

static size_t collect_parts(cr *r, sent *st, size_t first, size_t i, int depth,
                            bool sides, const tk **parts, size_t max) {
  size_t np = 0;
  size_t last_clause_end = i;
  int sep = 0; /* 1 、 2 , 3 ; */
  for (size_t k = first; k < st->nt && np < max; k++) {
    tk *t = &st->t[k];
    if (t->depth < depth) break;
    if (t->depth > depth || t->role != R_STATE) continue;
    bool same_list = np && t->list && parts[np - 1]->list == t->list;
    int gap = 0, d = 0;
    const char *after = st->s + last_clause_end;
    if (starts(after, "和") || starts(after, "及") || starts(after, "以及"))
      gap = 1; /* "474.08 万元和日常公用经费 9.2 万元" */
    for (size_t j = last_clause_end; j < t->b; j++) {
      if (st->s[j] == '(') d++;
      if (st->s[j] == ')' && d) d--;
      if (d) continue;
      int g = st->s[j] == ';'                              ? 3
              : st->s[j] == ','                            ? 2
              : st->s[j] == ':'                            ? 2
              : (j + 3 <= t->b && starts(st->s + j, "、")) ? 1
                                                           : 0;
      if (g > gap) gap = g;
    }
    if (np && !same_list) {
      if (!gap) continue; /* not the first amount of its clause */
      if (np == 1 && !sep) sep = gap;
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
  return np;
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

static void add_list(cr *r, size_t si, tk *whole, const tk **parts, size_t np,
                     bool exhaustive) {
  /* a part of another budget than the whole's ends the list ("一般公共预算
   * 收入…,其中:税收收入…;非税收入…;政府性基金预算收入 1616 万元") */
  uint32_t wf = funds_of(r, whole->subject);
  for (size_t p = 1; wf && p < np; p++) {
    uint32_t pf = funds_of(r, parts[p]->subject);
    if (pf && !(pf & wf)) np = p;
  }
  if (np < 2) return;
  if (other_year(whole, parts[0])) return;
  /* a part well over the whole is no part of it (see list_sum) */
  for (size_t p = 0; p < np; p++)
    if (parts[p]->kind == TK_AMT && whole->kind == TK_AMT &&
        yuan(parts[p]) > yuan(whole) * 1.1 && yuan(whole) > 0)
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

/* "其中:因公出国(境)费支出 0 万元。公务用车购置费支出 204.78 万元,…。公务
 * 接待费支出 295.70 万元…": a list after a colon that runs to the end of
 * its sentence goes on while the next sentences open with a part. */
static size_t collect_parts(cr *r, sent *st, size_t first, size_t i, int depth,
                            bool sides, const tk **parts, size_t max);

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
        ys_text_has(ss->s, ss->n, "共计") || starts(ss->s, "加") ||
        starts(ss->s, "另") || starts(ss->s, "扣除"))
      break;
    const tk *more[16];
    size_t nm = collect_parts(r, ss, k0, ss->t[k0].b, 0, true, more, 16);
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
      like = tl >= 6 && !t->headp && !t->syear && !generic(t->subject) &&
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

/* Lists opened by 其中/包括/中 (a whole before, its parts after). */
static void opener_lists(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t i = 0; i < st->n && !r->rc; i++) {
    /* (after a figure's unit or a rate the comma is often left out:
     * "…减少 28%其中:公务用车购置费 274 万元") */
    bool at_clause =
        i == 0 || st->s[i - 1] == ',' || st->s[i - 1] == ':' ||
        st->s[i - 1] == ';' || st->s[i - 1] == '(' || st->s[i - 1] == '%' ||
        (i >= 3 &&
         (starts(st->s + i - 3, "元") || starts(st->s + i - 3, "亿")));
    /* "基本支出中医疗业务支出 5868.43 万元,…": 中 with no mark after it
     * opens a list only after the exact name of an amount stated before
     * (not in 其中, 集中, 中央…) */
    bool bare = false;
    if (!opener_at(st->s + i, st->n - i)) {
      if (!starts(st->s + i, "中") || i < 6 || starts(st->s + i - 3, "其") ||
          starts(st->s + i - 3, "集"))
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
      const char *nm = clean_subject(r, st->s + c0, i - c0, &yy, &mm);
      tk *w = nm && *nm && !generic(nm)
                  ? find_named(r, pg, si, first, nm, 0, NULL, false)
                  : NULL;
      if (!w || name_score(r, w->subject, nm) < 2) continue;
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
    const char *name = clean_subject(r, st->s + cb, i - cb, &y, &m);
    /* "“三公”经费包括:", "税收收入中,": a list of a named whole */
    bool named_opener = starts(st->s + i, "包括") || starts(st->s + i, "中");
    if (!at_clause && !(named_opener && name && *name)) continue;
    bool first_clause = true;
    for (size_t j = 0; j < i && first_clause; j++)
      first_clause = st->s[j] != ',' && st->s[j] != ';';
    const tk *parts[64];
    size_t np = collect_parts(r, st, first, i, depth, true, parts, 64);
    if (!np) continue;
    /* the whole: the name before the opener; else the last amount stated
     * before it at its depth; at the start of a sentence, the previous
     * sentence's — of the parts' measure (预算 or 决算) when it states
     * both */
    tk *whole = NULL;
    if (name && *name && !generic(name)) {
      whole = find_named(r, pg, si, first, name, m, NULL, false);
      /* of the year the name says ("2023年…决算中,…": not the 2022 total) */
      if (whole && y && amount_year(whole, 0) && amount_year(whole, 0) != y)
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
        int want = parts[0]->measure ? parts[0]->measure
                   : r->x->final     ? YS_PHASE_FINAL
                                     : 0;
        sent *pv = &pg->s[si - 1];
        whole = head_of(pv);
        for (size_t k = 0; whole && k < pv->nt; k++)
          if (pv->t[k].role == R_STATE && want && pv->t[k].measure == want &&
              whole->measure != want)
            whole = &pv->t[k];
      }
    }
    if (!whole) continue;
    /* "其中:" at the end of its clause: the list may go on */
    size_t ol = starts(st->s + i, "其中") ? 6 : 0;
    if (ol && i + ol < st->n && st->s[i + ol] == ':' && !depth)
      continue_parts(r, pg, si, whole, parts, &np, 64);
    if (np == 1) {
      /* one part: no sum to check, but a share of it is of this whole */
      if (!parts[0]->headp) ((tk *)parts[0])->headp = whole;
      continue;
    }
    bool taken = false;
    for (size_t p = 0; p < np; p++) taken = taken || parts[p]->headp;
    if (taken) continue; /* the parts of a list opened before */
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
    if (starts(st->s + i, "分") || starts(st->s + i, "从"))
      end = "看";
    else if (starts(st->s + i, "按"))
      end = "分";
    else if (starts(st->s + i, "关于"))
      end = "情况"; /* "关于收入决算具体情况," */
    else if (at_clause)
      end = "方面"; /* "收入方面," */
    if (!end) continue;
    size_t el = strlen(end);
    for (size_t j = i + 3; j + el < st->n && j < i + 60 && !fe; j++)
      if (starts(st->s + j, end) &&
          (st->s[j + el] == ',' || st->s[j + el] == ':') &&
          /* "收入方面", "财政支出方面": a side, not a topic ("在支持
           * 中小企业发展方面") */
          (strcmp(end, "方面") || j - i <= 12))
        fe = j + el + 1;
      else if (st->s[j] == ',' || st->s[j] == ';' || digit(st->s[j]))
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
    size_t np = collect_parts(r, st, first, fe, 0, true, parts, 64);
    if (np && st->s[fe - 1] == ':')
      continue_parts(r, pg, si, NULL, parts, &np, 64);
    if (np < 2) continue;
    bool taken = false;
    for (size_t p = 0; p < np; p++) taken = taken || parts[p]->headp;
    if (taken) continue;
    int y, m;
    const char *name =
        cb < i ? clean_subject(r, st->s + cb, i - cb, &y, &m) : "";
    int side = side_of(r, parts[0]->subject);
    double most = 0;
    for (size_t p = 0; p < np; p++)
      if (yuan(parts[p]) > most) most = yuan(parts[p]);
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
        } else if (!u->headp && yuan(u) >= most &&
                   (!side || side_of(r, u->subject) == side)) {
          whole = u;
        }
      }
    }
    /* a paragraph may be the breakdown of a total stated in the one
     * before ("地方收入按构成分:…" after "…地方一般公共预算收入 1720 万元") */
    for (size_t h = r->nh; h-- > 0 && !whole;) {
      tk *u = r->hist[h];
      if (*name ? frame_names(u, name) && yuan(u) >= most
                : !u->headp && yuan(u) >= most &&
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
    if (st->s[i - 1] != ':' || !enumerator_at(st->s + i, st->n - i)) continue;
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
            enumerator_at(st->s + j, t->b - j))
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
        !*w->subject || generic(w->subject))
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
    for (size_t j = k + 1; j < st->nt && st->t[j].b < c; j++) {
      const tk *t = &st->t[j];
      if (t->depth != w->depth + 1) continue;
      if (t->role == R_STATE && t->kind == TK_AMT && t->subject &&
          *t->subject && !t->headp && np < 16)
        parts[np++] = t;
      else if (t->role == R_STATE)
        other = true;
    }
    if (np < 2 || other) continue;
    add_list(r, si, w, parts, np, false);
  }
}

static void list_parts(cr *r, para *pg, size_t si) {
  opener_lists(r, pg, si);
  frame_lists(r, pg, si);
  enumerated_lists(r, pg, si);
  aside_lists(r, pg, si);
}

/* "…164.03 亿元，以及对市县转移支付 378.22 亿元，合计 542.25 亿元": a
 * total stated after its parts. */
static void trailing_sums(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t k = 2; k < st->nt && !r->rc; k++) {
    tk *t = &st->t[k];
    if (t->role != R_STATE || t->headp) continue;
    const char *p;
    size_t n;
    pre_text(st, k, &p, &n);
    if (!(ys_text_has(p, n, "合计") || ys_text_has(p, n, "共计") ||
          ys_text_has(p, n, "总计")))
      continue;
    /* "进口货物增值税、消费税和关税合计 X" names its own figure */
    if (*t->subject && !generic(t->subject)) continue;
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
    list_sum(r, st, t, parts, np, true);
  }
}

/* "…收入完成 147.1 亿元…。加上转移性收入 49.2 亿元,收入合计 196.3 亿元":
 * the total of the amount before and the one added. */
static void added_sums(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  if (si == 0 || !(starts(st->s, "加上") || starts(st->s, "再加上"))) return;
  const tk *add = NULL, *tot = NULL;
  for (size_t k = 0; k < st->nt; k++) {
    if (st->t[k].role != R_STATE) continue;
    if (!add) {
      add = &st->t[k];
      continue;
    }
    const char *p;
    size_t n;
    pre_text(st, k, &p, &n);
    if (ys_text_has(p, n, "合计") || ys_text_has(p, n, "共计") ||
        ys_text_has(p, n, "总计"))
      tot = &st->t[k];
    break;
  }
  tk *base = head_of(&pg->s[si - 1]);
  if (base && base->headp) base = (tk *)base->headp; /* after a 其中 list */
  if (!add || !tot || !base || base->unit != add->unit) return;
  ys_rclaim *c = claim(r, st, YS_CLAIM_SUM, tot->subject, tot);
  if (!c) return;
  const tk *v[2] = {base, add};
  set_parts(r, c, v, NULL, 2);
  c->exhaustive = true;
}

/* "从收入结构看:税收收入 15348 万元,占收入的 89.99%;非税收入 1708 万元,
 * 占收入的 10.01%": parts of one named whole, given with their shares, in
 * one sentence with no opener: the sum of the parts (complete when the
 * shares make 100 %). */
static void share_group_sums(cr *r, para *pg, size_t si) {
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
    list_sum(r, st, whole, parts, np, false);
  }
}

/* The change of a whole, then "其中" and the changes of its parts, each
 * naming its part ("其中,财政补助收入减少 660.26 万元;事业收入增长
 * 376.28 万元…"), possibly over the following sentences. */
static void delta_lists(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  if (!st->nt || !(starts(st->s, "其中") || starts(st->s, "具体")) || si == 0)
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
  bool colon = st->n > 7 && (starts(st->s + 6, ":") || starts(st->s, "其中:"));
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
  ys_rclaim *c = claim(r, st, YS_CLAIM_SUM, wd->dsubj, wd);
  if (!c) return;
  set_parts(r, c, v, neg, n);
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
static void balance_claims(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  if (ys_text_has(st->s, st->n, "上年结转") ||
      ys_text_has(st->s, st->n, "年初"))
    return;
  const tk *v[3];
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
    ys_rclaim *c = claim(r, st, YS_CLAIM_DIFFERENCE, v[2]->subject, v[2]);
    if (!c) return;
    const tk *w[2] = {v[0], v[1]};
    set_parts(r, c, w, NULL, 2);
    n = 0;
  }
}

/* One amount stated again later (same subject, same figure), each time
 * with its change: the two changes are one figure ("与 2016 年相比增加
 * 21.79 万元" … "与 2016 年相比增加 22.13 万元"). */
static void delta_repeats(cr *r, para *pg) {
  for (size_t si = 0; si < pg->n && !r->rc; si++) {
    sent *st = &pg->s[si];
    for (size_t k = 0; k < st->nt && !r->rc; k++) {
      tk *t = &st->t[k];
      if (t->role != R_STATE || !t->delta || t->delta->kind != TK_AMT) continue;
      for (size_t h = r->nh; h-- > 0;) {
        tk *u = r->hist[h];
        if (!u->delta || u->delta->kind != TK_AMT || u->unit != t->unit ||
            strcmp(u->num, t->num) ||
            name_score(r, u->subject, t->subject) < 1 ||
            (u->syear && t->syear && u->syear != t->syear) ||
            u->delta->dir != t->delta->dir)
          continue;
        ys_rclaim *c = claim(r, st, YS_CLAIM_REPEAT, t->subject, t->delta);
        if (!c) return;
        const tk *v[1] = {u->delta};
        set_parts(r, c, v, NULL, 1);
        break;
      }
    }
  }
}

/* "较上年增加 3530.71 万元,主要原因是新增城乡居民基本医疗保险 1248 万元、
 * …113.75 万元": the reasons given for a change, each with its amount. */
static void reason_sums(cr *r, para *pg, size_t si) {
  sent *st = &pg->s[si];
  for (size_t i = 1; i < st->n && !r->rc; i++) {
    if (!(starts(st->s + i, "主要原因是") || starts(st->s + i, "主要是")) ||
        (st->s[i - 1] != ',' && st->s[i - 1] != ';'))
      continue;
    tk *d = NULL;
    size_t first = 0;
    for (size_t k = 0; k < st->nt && st->t[k].b < i; k++) {
      d = &st->t[k];
      first = k + 1;
    }
    if (!d || d->role != R_DELTA || d->kind != TK_AMT || d->dir <= 0) continue;
    const tk *parts[64];
    size_t np = collect_parts(r, st, first, i, d->depth, false, parts, 64);
    if (np < 2) continue;
    const tk *of = d->stmt && d->stmt->headp ? d->stmt->headp : d->stmt;
    ys_rclaim *c = claim(r, st, YS_CLAIM_SUM, of ? of->subject : "", d);
    if (!c) return;
    set_parts(r, c, parts, NULL, np);
    c->how = YS_SUM_CHANGES;
    c->exhaustive = false;
  }
}

/* The same subject stated twice in a paragraph with two figures, or an
 * item's amount restated as "2026 年预算安排 X". */
static void repeat_claims(cr *r, para *pg) {
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
      bool restate = generic(t->subject) && r->x->year &&
                     t->syear == r->x->year && t->measure != YS_PHASE_FINAL &&
                     head->syear == 0 && head->measure != YS_PHASE_FINAL &&
                     hs == &pg->s[0];
      if (!restate) continue;
      ys_rclaim *c = claim(r, st, YS_CLAIM_REPEAT, head->subject, t);
      if (!c) return;
      const tk *v[1] = {head};
      set_parts(r, c, v, NULL, 1);
      /* a change measured from this restatement may be from the first */
      if (strcmp(t->num, head->num)) t->alt = head->num;

      break;
    }
  }
}

/* --- subjects to quantities -------------------------------------------- */

/* "公共安全支出(204类)司法(06款)行政运行(01项)": the code the parts give;
 * name checks of each part are NAME claims. */
static const char *code_in(cr *r, const char *s, const sent *st, bool names) {
  char code[16] = "";
  size_t cl = 0;
  const char *p = s;
  const char *name_start = s;
  while ((p = strchr(p, '(')) != NULL) {
    const char *q = p + 1;
    while (digit(*q)) q++;
    size_t nd = (size_t)(q - p - 1);
    const char *lvl = starts(q, "类)")   ? "类"
                      : starts(q, "款)") ? "款"
                      : starts(q, "项)") ? "项"
                                         : NULL;
    if (nd && *q == ')' && (nd == 3 || nd == 5 || nd == 7) && !cl) {
      memcpy(code, p + 1, nd);
      code[nd] = '\0';
      return ys_arena_strdup(r->a, code);
    }
    if (!lvl || !nd || cl + nd >= sizeof code) break;
    memcpy(code + cl, p + 1, nd);
    cl += nd;
    code[cl] = '\0';
    if (names && r->x->cat && cl >= 3) {
      /* the name written before this code */
      size_t nl = (size_t)(p - name_start);
      ys_rclaim *c = ys_rdoc_add_claim(r->d);
      if (!c) {
        r->rc = YS_ENOMEM;
        return NULL;
      }
      c->kind = YS_CLAIM_NAME;
      c->quantity = "";
      c->subject = ys_arena_strndup(r->d->arena, name_start, nl);
      c->text = ys_arena_strdup(r->d->arena, code);
      c->unit = YS_UNIT_WANYUAN;
      c->sentence = ys_arena_strndup(r->d->arena, st->s, st->n);
      c->line = st->line;
    }
    name_start = q + 3 + 1;
    p = q + 1;
  }
  return cl ? ys_arena_strdup(r->a, code) : NULL;
}

/* Codes written with a stated amount: NAME claims, checked against the
 * catalogue. */
static void name_claims(cr *r, para *pg) {
  for (size_t si = 0; si < pg->n && !r->rc; si++) {
    sent *st = &pg->s[si];
    for (size_t k = 0; k < st->nt && !r->rc; k++)
      if (st->t[k].role == R_STATE && *st->t[k].subject)
        (void)code_in(r, st->t[k].subject, st, true);
  }
}

/* --- what was not read ------------------------------------------------- */

/* Did the amount reader (narrative.c) read a figure on this line? */
static bool line_has_amount(const cr *r, int line) {
  for (size_t i = r->amounts_from; i < r->d->n_claims; i++) {
    const ys_rclaim *c = &r->d->claims[i];
    if ((c->kind == YS_CLAIM_AMOUNT || c->kind == YS_CLAIM_MISSING) &&
        c->line == line)
      return true;
  }
  return false;
}

/* Rates and shares no claim took, and sentences with figures from which
 * nothing was read: listed, never checked. */
static void leftovers(cr *r, para *pg) {
  for (size_t si = 0; si < pg->n && !r->rc; si++) {
    sent *st = &pg->s[si];
    for (size_t k = 0; k < st->nt && !r->rc; k++) {
      tk *t = &st->t[k];
      if (t->used ||
          (t->role != R_RATE && t->role != R_SHARE && t->role != R_COMPL))
        continue;
      /* a rate of no stated amount (a target "完成率 100%") is not a
       * claim about the figures */
      if (!t->stmt && !t->delta) continue;
      const char *why = t->role == R_RATE ? "增减比例的比较基数未能确定"
                        : t->role == R_SHARE ? "占比的总数未能确定"
                                             : "完成率的预算数未能确定";
      ys_rclaim *c = claim(r, st, YS_CLAIM_UNCHECKED, "", t);
      if (!c) return;
      c->note = why;
    }
    if (st->claimed || line_has_amount(r, st->line)) continue;
    const tk *first = NULL;
    for (size_t k = 0; k < st->nt && !first; k++)
      if (st->t[k].kind == TK_AMT || st->t[k].kind == TK_PCT) first = &st->t[k];
    if (!first) continue;
    ys_rclaim *c = claim(r, st, YS_CLAIM_UNREAD, "", first);
    if (!c) return;
    c->span_e = st->t[st->nt - 1].e;
  }
}

/* --- lists over sections ---------------------------------------------- */

static void close_section_list(cr *r) {
  if (r->sl_whole && r->sl_np >= 2)
    list_sum(r, (sent *)r->sl_whole->owner, r->sl_whole, r->sl_parts, r->sl_np,
             false);
  r->sl_whole = NULL;
  r->sl_np = 0;
  r->sl_kind = 0;
  r->sl_want = false;
}

/* The sentence of a token held past its paragraph: its text is moved
 * out of the paragraph buffer, which the next paragraph overwrites. */
static bool keep_sentence(cr *r, const tk *t) {
  sent *st = (sent *)t->owner;
  if (st->kept) return true;
  const char *s = ys_arena_strndup(r->a, st->s, st->n);
  if (!s) return false;
  st->s = s;
  st->kept = true;
  return true;
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
static void section_lists(cr *r, para *pg) {
  if (r->head_kind) {
    if (!r->sl_whole) return;
    if (r->head_kind > 0 && (!r->sl_kind || r->head_kind == r->sl_kind)) {
      r->sl_kind = r->head_kind;
      r->sl_want = true;
    } else {
      close_section_list(r);
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
    if (part && !keep_sentence(r, part)) {
      r->rc = YS_ENOMEM;
      return;
    }
    if (part && r->sl_np < 16)
      r->sl_parts[r->sl_np++] = part;
    else
      close_section_list(r);
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
      if (!keep_sentence(r, part)) {
        r->rc = YS_ENOMEM;
        return;
      }
      r->sl_kind = -1;
      r->sl_parts[r->sl_np++] = part;
    } else {
      close_section_list(r);
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
  close_section_list(r);
  if (!keep_sentence(r, whole)) {
    r->rc = YS_ENOMEM;
    return;
  }
  r->sl_whole = whole;
}

/* The numbering of a heading line: 1 "一、", 2 "(一)", 3 "1、" / "1.",
 * 0 none. */
static int enum_kind(const char *s, size_t n) {
  if (enumerator_at(s, n)) return *s == '(' ? 2 : 1;
  size_t j = 0;
  while (j < n && s[j] >= '0' && s[j] <= '9') j++;
  if (j && j <= 2 && j < n && (s[j] == '.' || starts(s + j, "、"))) return 3;
  return 0;
}

/* --- paragraphs into sentences ----------------------------------------- */

static bool sentence_end(const char *p, size_t i) {
  const char *s = p + i;
  /* "(公务用车购置费 100.00 万元;…运行维护费 400.00 万元。)比上年增加…":
   * a full stop that closes a parenthesis ends the aside, not the
   * sentence */
  if (starts(s, "。") && (s[3] == ')' || starts(s + 3, "）"))) return false;
  /* an ASCII full stop ends a sentence after a word or a %, with no digit
   * after it ("…15.9%.随着…", "…0.94%.(二)支出情况"); not in a number or a
   * list number ("5.住房公积金") */
  return starts(s, "。") || *s == '!' || *s == '?' || starts(s, "！") ||
         starts(s, "？") ||
         (*s == '.' && i > 0 && !(p[i - 1] >= '0' && p[i - 1] <= '9') && s[1] &&
          !(s[1] >= '0' && s[1] <= '9') &&
          ((unsigned char)s[1] >= 0x80 || s[1] == '('));
}

static int paragraph(cr *r) {
  if (!r->n) return YS_OK;
  const char *p = r->buf;
  size_t n = r->n;
  para pg = {NULL, 0};
  size_t cap = 0;
  r->has_last_unit = false;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && !sentence_end(p, j)) j++;
    size_t e = j;
    if (j < n)
      j += starts(p + j, "。") || starts(p + j, "！") || starts(p + j, "？")
               ? 3
               : 1;
    if (e > i) {
      sent *v = ys_arena_reserve(r->a, pg.s, pg.n, &cap, sizeof *v);
      if (!v) return YS_ENOMEM;
      pg.s = v;
      sent *st = &pg.s[pg.n++];
      memset(st, 0, sizeof *st);
      st->s = p + i;
      st->n = e - i;
      st->off = i;
      st->line = r->lineof[i];
      if (tokenize(r, st)) return YS_ENOMEM;
      roles(r, st);
    }
    i = j;
  }
  r->nlists = 0;
  for (size_t si = 0; si < pg.n && !r->rc; si++) list_parts(r, &pg, si);
  repeat_claims(r, &pg);
  for (size_t si = 0; si < pg.n && !r->rc; si++) attach(r, &pg, si);
  for (size_t si = 0; si < pg.n && !r->rc; si++) {
    change_claims(r, &pg, si);
    share_claims(r, &pg, si);
    completion_claims(r, &pg, si);
  }
  for (size_t li = 0; li < r->nlists && !r->rc; li++) {
    lst *L = &r->lists[li];
    list_sum(r, &pg.s[L->si], L->whole, (const tk **)L->parts, L->n,
             L->exhaustive);
  }
  for (size_t si = 0; si < pg.n && !r->rc; si++) {
    trailing_sums(r, &pg, si);
    share_group_sums(r, &pg, si);
    delta_lists(r, &pg, si);
    balance_claims(r, &pg, si);
    reason_sums(r, &pg, si);
    added_sums(r, &pg, si);
  }
  delta_repeats(r, &pg);
  if (!r->rc) section_lists(r, &pg);
  if (!r->rc) name_claims(r, &pg);
  if (!r->rc) leftovers(r, &pg);
  /* the stated amounts, for wholes named in later paragraphs */
  for (size_t si = 0; si < pg.n && !r->rc; si++)
    for (size_t k = 0; k < pg.s[si].nt && !r->rc; k++)
      if (pg.s[si].t[k].role == R_STATE) r->rc = remember(r, &pg.s[si].t[k]);
  r->n = 0;
  return r->rc;
}

/* A heading: a short numbered line with no sentence in it. */
static bool heading(const char *s, size_t n) {
  /* up to sixty characters ("二、2021年度一般公共预算及政府性基金财政拨款
   * “三公”经费支出决算情况说明"), with no amount in it (a year is none) */
  if (n > 180 || ys_text_has(s, n, "。") || ys_text_has(s, n, "万元") ||
      ys_text_has(s, n, "%") || !ys_text_years_only(s, n))
    return false;
  const char *q = s;
  if (*q == '(') q++;
  size_t k = 0;
  static const char *const cn[] = {"一", "二", "三", "四", "五",
                                   "六", "七", "八", "九", "十"};
  for (bool hit = true; hit;) {
    hit = false;
    for (size_t i = 0; i < sizeof cn / sizeof cn[0]; i++)
      if (starts(q + k, cn[i])) {
        k += 3;
        hit = true;
      }
  }
  if (!k) return starts(s, "第") && ys_text_has(s, n, "部分");
  q += k;
  return starts(q, "、") || *q == ')';
}

/* --- the narrative against its tables ------------------------------- */

/* What a name means by the vocabulary alone, as a quantity key: NULL when
 * some word of it is not the vocabulary's or it names no code (公车购置及运
 * 行费 and 公务用车购置及运行维护费 mean the same codes). */
static const char *meaning_key(cr *r, const char *s) {
  ys_meaning m;
  if (!r->x->vocab || ys_vocab_parse(r->x->vocab, s, &m, r->a) || *m.rest ||
      !m.phrases || !(m.q.econ.n || m.q.func.n))
    return NULL;
  return ys_qfilter_key(r->a, &m.q);
}

static bool total_name(const char *s) {
  return !strcmp(s, "合计") || !strcmp(s, "总计") || !strcmp(s, "小计");
}

/* The fact a stated amount is: the row of the same name (or, in a table of
 * years, the column of that name in the statement's year), in the column
 * of its measure when the table has several; NULL when none, or when two
 * of different figures fit equally. fk holds each fact's match key and
 * meaning (2 per fact). */
static const ys_tfact *link_fact(cr *r, const ys_tfacts *f, const char **fk,
                                 const tk *u, const ys_tfact **row) {
  *row = NULL;
  if (u->kind != TK_AMT || generic(u->subject)) return NULL;
  int year = amount_year(u, r->x->year);
  /* its measure: said, or in a 决算 what was spent */
  int um_ = u->measure ? u->measure : r->x->final ? YS_PHASE_FINAL : 0;
  const char *uk = match_key(r, u->subject), *um = NULL;
  bool um_done = false;
  const ys_tfact *best = NULL;
  int score = 0;
  bool tie = false, one_row = false;
  for (size_t i = 0; i < f->n; i++) {
    const ys_tfact *t = &f->v[i];
    /* a table of years: its columns are the subjects, in their year; a
     * table of no years shows the document's year (a statement of 上年 or
     * of another year is none of its figures) */
    if (t->year && (!*t->col || !year || t->year != year)) continue;
    if (!t->year && (year < 0 || (year && r->x->year && year != r->x->year)))
      continue;
    int s = key_score(uk, fk[2 * i]);
    if (!s && fk[2 * i + 1]) {
      if (!um_done) um = meaning_key(r, u->subject), um_done = true;
      if (um && !strcmp(um, fk[2 * i + 1])) s = 2;
    }
    if (t->year && s) s = 2;
    /* a table of years holds what was spent or collected in each, unless
     * it says budgets: a budget stated is none of its figures */
    if (s && t->year && um_ == YS_PHASE_BUDGET && t->measure != YS_PHASE_BUDGET)
      s = 0;
    if (s && t->measure && um_ && t->measure != um_) s = 0;
    /* a table of several figures a row: the one of its measure, never the
     * year before's */
    if (s && !t->year && t->ncols > 1 && (!*t->col || strstr(t->col, "上年")))
      s = 0;
    if (!s || s < score) continue;
    if (s > score) {
      best = t;
      score = s;
      tie = false;
      one_row = !t->year;
    } else if (strcmp(best->fig, t->fig)) {
      tie = true;
      one_row = one_row && t->table == best->table && t->rown == best->rown;
    }
  }
  /* figures of one row fit equally (no measure tells its column): the row
   * is still the statement's, for the bases its other columns give */
  if (tie && one_row) *row = best;
  return tie ? NULL : best;
}

/* Are the parts of w (cells of one column, as `first`) every item of that
 * column the 合计 row adds up: the rows of the top level below it when the
 * table reader gave levels, else every row but the totals? (Two 其中 rows
 * of one item are parts of that item, not of the table's 合计.) */
/* Does name a mean, by the vocabulary, a strict part of what b means (公务
 * 用车购置费 of 公务用车购置及运行费: its codes among b's, fewer)? */
static bool part_of(cr *r, const char *a, const char *b) {
  ys_meaning ma, mb;
  if (!r->x->vocab || ys_vocab_parse(r->x->vocab, a, &ma, r->a) ||
      ys_vocab_parse(r->x->vocab, b, &mb, r->a) || *ma.rest || *mb.rest ||
      !ma.q.econ.n || ma.q.econ.n >= mb.q.econ.n)
    return false;
  for (int i = 0; i < ma.q.econ.n; i++) {
    bool in = false;
    for (int j = 0; j < mb.q.econ.n && !in; j++)
      in = !strcmp(ma.q.econ.v[i], mb.q.econ.v[j]);
    if (!in) return false;
  }
  return true;
}

static bool all_items(cr *r, const ys_tfacts *f, const tk *const *hist,
                      const ys_tfact *const *got, size_t nh, const tk *w,
                      const ys_tfact *first) {
  int top = -1;
  for (size_t i = 0; i < f->n; i++) {
    const ys_tfact *t = &f->v[i];
    if (t->table != first->table || strcmp(t->col, first->col) ||
        total_name(t->row) || t->level <= 0)
      continue;
    if (top < 0 || t->level < top) top = t->level;
  }
  for (size_t i = 0; i < f->n; i++) {
    const ys_tfact *t = &f->v[i];
    if (t->table != first->table || strcmp(t->col, first->col) ||
        total_name(t->row) || (top > 0 && t->level != top))
      continue;
    /* a row that means a part of another row's item is no item itself */
    bool sub = false;
    for (size_t k = 0; k < f->n && !sub; k++)
      sub = f->v[k].table == t->table && k != (size_t)(t - f->v) &&
            !strcmp(f->v[k].col, t->col) && part_of(r, t->row, f->v[k].row);
    if (sub) continue;
    bool named = false;
    for (size_t g = 0; g < nh && !named; g++)
      named = hist[g]->headp == w && got[g] == t;
    if (!named) return false;
  }
  return true;
}

/* A whole the text states with its parts, the parts cells of one row of a
 * table (or of one column): the whole is that row's 合计 column (that
 * column's 合计 row) — "“三公”经费决算数 2364 万元。分项情况是:因公出国
 * (境)经费 12 万元;公务接待费 1356 万元;…" against a table of years whose
 * row 2016年 is 合计 | 因公出国(境)经费 | 公务接待费 | …. */
static const ys_tfact *link_total(cr *r, const ys_tfacts *f,
                                  const tk *const *hist,
                                  const ys_tfact *const *got, size_t nh,
                                  const tk *w) {
  const ys_tfact *first = NULL;
  bool row = true, col = true;
  size_t n = 0;
  for (size_t g = 0; g < nh; g++) {
    if (hist[g]->headp != w) continue;
    const ys_tfact *t = got[g];
    if (!t) continue;
    if (!first) first = t;
    row = row && t->table == first->table && t->rown == first->rown;
    col = col && t->table == first->table && !strcmp(t->col, first->col) &&
          *t->col;
    n++;
  }
  if (n < 2 || (!row && !col)) return NULL;
  if (!row && !all_items(r, f, hist, got, nh, w, first)) return NULL;
  for (size_t i = 0; i < f->n; i++) {
    const ys_tfact *t = &f->v[i];
    if (t->table != first->table) continue;
    if (row && t->rown == first->rown && total_name(t->col)) return t;
    if (!row && col && !strcmp(t->col, first->col) && total_name(t->row))
      return t;
  }
  return NULL;
}

/* Are two printed figures of one size (within a factor of ten)? */
static bool same_size(const char *a, const char *b) {
  ys_amount x, y;
  if (ys_money_parse(&x, a, strlen(a), YS_UNIT_YUAN, NULL) ||
      ys_money_parse(&y, b, strlen(b), YS_UNIT_YUAN, NULL) || x.empty ||
      y.empty)
    return false;
  int64_t p = x.fen < 0 ? -x.fen : x.fen, q = y.fen < 0 ? -y.fen : y.fen;
  return p <= q * 10 && q <= p * 10;
}

/* The figure a change is measured from, in the table the statement is a
 * cell of: in a table of years the same column in the year of the base (a
 * change with no base said is of the year before); else the same row's
 * column of the base — 上年 (上年同期数, 上年决算数) for the year before,
 * the budget column for a comparison with the budget or the year's own
 * plan. NULL when the table has no such figure. */
static const ys_tfact *base_fact(const ys_tfacts *f, const ys_tfact *t,
                                 int base, int base_year, int phase,
                                 int doc_year) {
  int year = 0;
  if (t->year)
    year = base == B_PRIOR || base == B_NONE ? t->year - 1
           : base == B_YEAR                  ? base_year
                                             : 0;
  bool prior = base == B_PRIOR || (base == B_YEAR && base_year && doc_year &&
                                   base_year == doc_year - 1);
  bool budget = base == B_BUDGET ||
                (base == B_YEAR && base_year && base_year == doc_year);
  if (t->year ? !year : !prior && !budget) return NULL;
  const ys_tfact *hit = NULL;
  for (size_t i = 0; i < f->n; i++) {
    const ys_tfact *p = &f->v[i];
    if (p == t || p->table != t->table) continue;
    bool ok = t->year              ? p->year == year && !strcmp(p->col, t->col)
              : p->rown != t->rown ? false
              : prior
                  ? strstr(p->col, "上年") != NULL
                  : p->measure == YS_PHASE_BUDGET && !strstr(p->col, "上年");
    /* the phase the base names, when the column says one ("比 2022 年决
     * 算数" is no 上年预算数) */
    if (ok && phase && p->measure && p->measure != phase) ok = false;
    if (!ok) continue;
    if (hit && strcmp(hit->fig, p->fig)) return NULL; /* two: neither */
    hit = p;
  }
  return hit;
}

/* A claim of two parts, the second a table's figure; NULL when the
 * table's unit cannot be told (or on OOM, r->rc set). */
static ys_rclaim *claim_with_fact(cr *r, ys_claim_kind kind, const tk *u,
                                  const tk *fig, const ys_tfact *p) {
  /* a table that prints no unit: the statement's, when the figures are of
   * one size (see table_links) */
  if (!p->unit_known && !same_size(u->num, p->fig)) return NULL;
  ys_rclaim *c = claim(r, u->owner, kind, u->subject, fig);
  if (!c || !ys_rclaim_parts(r->d, c, 2)) {
    r->rc = YS_ENOMEM;
    return NULL;
  }
  c->parts[0] = doc_str(r, u->num);
  c->parts[1] = doc_str(r, p->fig);
  c->part_units[0] = u->unit;
  c->part_units[1] = p->unit_known ? p->unit : u->unit;
  c->n_parts = 2;
  return c;
}

/* Is there a difference claim of this sentence with this figure already
 * (the base found in the text)? */
static bool have_difference(const cr *r, const tk *d) {
  const sent *st = d->owner;
  for (size_t i = r->amounts_from; i < r->d->n_claims; i++) {
    const ys_rclaim *c = &r->d->claims[i];
    if (c->kind == YS_CLAIM_DIFFERENCE && c->line == st->line &&
        !strcmp(c->text, d->num))
      return true;
  }
  return false;
}

/* A change a statement gives without its base figure ("公务接待费支出 2.14
 * 万元,与年度预算相比,增加 1.14 万元"; "995 万元…,比上年决算数下降
 * 26.24%"), measured from the base figure of the table the statement is a
 * cell of (base_fact): the change stated is the difference of the two, the
 * rate their rate of change. A rate so measured is no longer one of an
 * unknown base (*dropped). */
static void table_bases(cr *r, const ys_tfacts *f, const tk *u,
                        const ys_tfact *t, const tk **dropped) {
  *dropped = NULL;
  int dy = r->x->year;
  const tk *d = u->delta;
  if (d && d->stmt == u && !d->prior && !have_difference(r, d)) {
    const ys_tfact *p =
        base_fact(f, t, d->base, d->base_year, d->base_phase, dy);
    ys_rclaim *c = p ? claim_with_fact(r, YS_CLAIM_DIFFERENCE, u, d, p) : NULL;
    if (r->rc) return;
    if (c) c->dir = d->dir;
  }
  tk *rt = u->rate;
  if (!rt || rt->used || rt->delta || rt->stmt != u) return;
  const ys_tfact *p =
      base_fact(f, t, rt->base, rt->base_year, rt->base_phase, dy);
  if (!p) return;
  ys_rclaim *c = claim_with_fact(r, YS_CLAIM_CHANGE, u, rt, p);
  if (!c) return;
  c->unit = u->unit; /* a rate is in the unit of its amounts */
  c->how = YS_CHANGE_PRIOR;
  c->dir = rt->dir;
  rt->used = true;
  *dropped = rt;
}

/* The claim (1 + its index) of the amount as an amount of a quantity
 * (narrative.c's, checked against the tables' observations of it); 0 none. */
static size_t amount_claimed(cr *r, const tk *u) {
  const sent *st = u->owner;
  for (size_t i = r->amounts_from; i < r->d->n_claims; i++) {
    const ys_rclaim *c = &r->d->claims[i];
    if (c->kind == YS_CLAIM_AMOUNT && c->line == st->line &&
        !strcmp(c->text, u->num))
      return i + 1;
  }
  return 0;
}

/* Amounts the text states that a table printed in it shows too (see
 * link_fact, link_total): the two are one figure, within their rounding (a
 * restated figure, checked). */
static void table_links(cr *r, const ys_tfacts *f) {
  if (!f->n || !r->nh) return;
  /* each fact's name (its column's in a table of years, else its row's),
   * as a match key and as a meaning, once */
  const char **fk = ys_arena_alloc(r->a, sizeof *fk * 2 * f->n);
  const ys_tfact **got = ys_arena_alloc(r->a, sizeof *got * r->nh);
  const tk **drop = ys_arena_alloc(r->a, sizeof *drop * r->nh);
  if (!fk || !got || !drop) {
    r->rc = YS_ENOMEM;
    return;
  }
  for (size_t i = 0; i < f->n; i++) {
    const char *name = f->v[i].year ? f->v[i].col : f->v[i].row;
    fk[2 * i] = match_key(r, name);
    fk[2 * i + 1] = *name ? meaning_key(r, name) : NULL;
  }
  const ys_tfact **rowof = ys_arena_alloc(r->a, sizeof *rowof * r->nh);
  if (!rowof) {
    r->rc = YS_ENOMEM;
    return;
  }
  for (size_t h = 0; h < r->nh; h++)
    got[h] = link_fact(r, f, fk, r->hist[h], &rowof[h]);
  for (size_t h = 0; h < r->nh; h++)
    if (!got[h] && r->hist[h]->kind == TK_AMT)
      got[h] =
          link_total(r, f, (const tk *const *)r->hist, got, r->nh, r->hist[h]);
  size_t from = r->d->n_claims, ndrop = 0;
  size_t *gone_at = NULL, ngone = 0, cgone = 0;
  for (size_t h = 0; h < r->nh && !r->rc; h++) {
    const tk *u = r->hist[h];
    const ys_tfact *best = got[h];
    if (!best && rowof[h]) {
      /* its row only: what its change is measured from, no restatement */
      table_bases(r, f, u, rowof[h], &drop[ndrop]);
      if (drop[ndrop]) ndrop++;
      continue;
    }
    if (!best) continue;
    /* the amount as an amount of a quantity, and the cell an observation of
     * it: the one comparison is the cell's, as a restatement (the cell
     * meets the other tables through its quantity); the amount claim goes */
    size_t ac = best->observed ? amount_claimed(r, u) : 0;
    if (ac) {
      size_t *w =
          ys_arena_reserve(r->a, gone_at, ngone, &cgone, sizeof *gone_at);
      if (!w) {
        r->rc = YS_ENOMEM;
        return;
      }
      gone_at = w;
      gone_at[ngone++] = ac - 1;
    }
    ys_unit unit = best->unit;
    if (!best->unit_known) {
      /* no unit printed: the statement's, when the figures are of one
       * size (a table in 元 beside a text in 万元 is not the same digits) */
      if (!same_size(u->num, best->fig)) continue;
      unit = u->unit;
    }
    ys_rclaim *c = claim(r, u->owner, YS_CLAIM_REPEAT, u->subject, NULL);
    if (!c) return;
    c->text = doc_str(r, best->fig);
    c->unit = unit;
    const tk *v[1] = {u};
    set_parts(r, c, v, NULL, 1);
    table_bases(r, f, u, best, &drop[ndrop]);
    if (drop[ndrop]) ndrop++;
  }
  if (r->rc || r->d->n_claims == from) return;
  /* a sentence whose figure is now read is no longer one of nothing read
   * (the links are the claims from `from` on), and a rate now measured no
   * longer one of an unknown base */
  ys_rdoc *d = r->d;
  size_t w = r->amounts_from;
  for (size_t i = r->amounts_from; i < d->n_claims; i++) {
    const ys_rclaim *c = &d->claims[i];
    bool out = false;
    for (size_t k = from; c->kind == YS_CLAIM_UNREAD && k < d->n_claims && !out;
         k++)
      out = d->claims[k].line == c->line &&
            !strcmp(d->claims[k].sentence, c->sentence);
    /* (a rate's sentence may be gone from the paragraph buffer: its line
     * and place in it tell it) */
    for (size_t k = 0;
         c->kind == YS_CLAIM_UNCHECKED && i < from && k < ndrop && !out; k++)
      out = c->line == ((const sent *)drop[k]->owner)->line &&
            c->span_b == drop[k]->b;
    for (size_t k = 0; k < ngone && !out; k++) out = gone_at[k] == i;
    if (!out) d->claims[w++] = *c;
  }
  d->n_claims = w;
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
    if (c->kind != kind || c->n_parts != n || strcmp(c->text, text)) continue;
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
static void share_sums(cr *r, size_t from) {
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

int ys_claims_read(ys_rdoc *doc, const ys_tline *lines, size_t n,
                   const ys_claimctx *ctx) {
  /* Amounts tied to quantities (and figures missing): narrative.c, whose
   * subject grammar (sections, leads, 其中 lists) is tuned to what the
   * tables show; its other claims are this file's to make. */
  size_t before = doc->n_claims;
  int nrc =
      ys_narrative_claims(doc, lines, n, ctx->year, ctx->final, ctx->cat, NULL);
  if (nrc) return nrc;
  size_t w = before;
  for (size_t i = before; i < doc->n_claims; i++)
    if (doc->claims[i].kind == YS_CLAIM_AMOUNT ||
        doc->claims[i].kind == YS_CLAIM_MISSING)
      doc->claims[w++] = doc->claims[i];
  doc->n_claims = w;
  cr r;
  memset(&r, 0, sizeof r);
  r.d = doc;
  r.x = ctx;
  r.amounts_from = before;
  r.a = ys_arena_new((size_t)256 << 20);
  if (!r.a) return YS_ENOMEM;
  for (size_t i = 0; i < n && !r.carry; i++)
    r.carry = strstr(lines[i].s, "上年结转") != NULL;
  bool *in_table = malloc(n + 1);
  ys_tfacts facts = {.a = r.a};
  int rc =
      in_table ? ys_table_claims(doc, lines, n, in_table, &facts) : YS_ENOMEM;
  if (rc == YS_OK) rc = ys_rtable_facts(doc, &facts);
  for (size_t i = 0; i < n && rc == YS_OK; i++) {
    const char *s = lines[i].s;
    size_t len = lines[i].len;
    ys_text_trim(&s, &len);
    /* a table's lines are read as a table (claims_table.c): to the
     * sentence reader they end a paragraph */
    if (in_table[i]) len = 0;
    bool blank = !len;
    /* Markdown emphasis and heading marks carry no words */
    while (len && (*s == '#' || *s == '*' || *s == '>' || *s == ' '))
      s++, len--;
    while (len && (s[len - 1] == '*' || s[len - 1] == ' ')) len--;
    ys_text_trim(&s, &len);
    if (!len && !blank) continue; /* a mark alone: not a blank line */
    if (!len) {
      /* a blank line ends a paragraph, unless it falls inside a sentence
       * (converters put one between every printed line) */
      bool open =
          r.n && !(ends_with(r.buf, r.n, "。") || ends_with(r.buf, r.n, "!") ||
                   ends_with(r.buf, r.n, "?") || ends_with(r.buf, r.n, ":") ||
                   ends_with(r.buf, r.n, ";"));
      if (!open) rc = paragraph(&r);
      continue;
    }
    char *k = normalise(&r, s, len);
    if (!k) {
      rc = YS_ENOMEM;
      break;
    }
    size_t kl = strlen(k);
    bool head = heading(k, kl);
    /* a title line opening a paragraph: no punctuation, no figure but a
     * year ("【图表解读】2021年省级一般公共预算支出情况") */
    if (!head && !r.n && kl <= 90 && !ys_text_has(k, kl, ",") &&
        !ys_text_has(k, kl, ";") && !ys_text_has(k, kl, ":") &&
        !ys_text_has(k, kl, "。")) {
      size_t digits = 0;
      for (size_t j = 0; j < kl; j++) digits += digit(k[j]);
      head = digits <= 4;
    }
    /* a numbered item or a heading starts a paragraph */
    /* "1." or "12、" opens an item; "92.82%," (a wrapped figure) does not */
    bool item =
        head ||
        (digit(k[0]) && (starts(k + 1, "、") || (k[1] == '.' && !digit(k[2])) ||
                         (digit(k[1]) && (starts(k + 2, "、") ||
                                          (k[2] == '.' && !digit(k[3]))))));
    if (item) rc = paragraph(&r);
    if (rc) break;
    /* "1、一般公共预算当年拨款规模变化情况": a numbered title line */
    if (item && !head && kl < 90 && !ys_text_has(k, kl, "。") &&
        !ys_text_has(k, kl, ",") && !ys_text_has(k, kl, ";")) {
      bool fig = false;
      for (size_t j = 2; j < kl && !fig; j++)
        fig = digit(k[j]) && !digit(k[j - 1]) && j > 3;
      head = !fig;
    }
    if (head) {
      /* the section's narrowing, from its words */
      ys_meaning m;
      if (ys_vocab_parse(ctx->vocab, k, &m, r.a)) {
        rc = YS_ENOMEM;
        break;
      }
      r.sec = m.q;
      r.sec_set = m.q.funds || m.q.periods || m.q.kinds;
    }
    rc = put(&r, k, kl, lines[i].no);
    if (!rc && head) {
      r.head_kind = enum_kind(k, kl);
      /* an unnumbered title ends a list over sections too */
      if (!r.head_kind) r.head_kind = -1;
      rc = paragraph(&r);
      r.head_kind = 0;
    }
  }
  if (!rc) rc = paragraph(&r);
  if (!rc) close_section_list(&r);
  if (!rc) {
    table_links(&r, &facts);
    share_sums(&r, before);
    rc = r.rc;
  }
  free(in_table);
  ys_arena_free(r.a);
  return rc;
}
