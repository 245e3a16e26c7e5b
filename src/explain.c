/*
 * explain.c - write the narrative (情况说明) from the dataset.
 *
 * The published narratives (shared/seeds) are where most disclosure mistakes
 * live: a figure retyped from the tables (233.31 for 238.31), a change whose
 * parts do not add up, shares that sum to 99.99 %. Here every figure is
 * computed from the dataset through quantities (quantity.h), in exact
 * integer 分, and printed in 万元 with two decimals, rounded half up.
 *
 * How it is built: a family "plan" (shaanxi, sichuan, hebei, mof) emits
 * blocks (headings of levels 1-5 and paragraphs) in the order of the
 * family's published packages; the blocks are then rendered as text,
 * Markdown or HTML. Sentences keep the canonical forms the claims extractor
 * reads back: "名称（编码）X 万元", "较上年增加 Z 万元，增长 w%", "占 p%".
 *
 * Text that is not a figure comes from data, never from C strings invented
 * per dataset: reasons of changes are facts (prev.*.reason, reason.sangong),
 * purposes of function codes and the glossary are the CSV files of
 * data/narrative/
 * (embedded). A change without a reason is written without one and the
 * missing fact is reported as a warning naming the key to fill in.
 *
 * Shares use the largest remainder method in basis points so that a list of
 * shares adds up to exactly 100.00 %; growth rates are |Δ| / last year in
 * basis points, rounded half up; a zero base gets no rate.
 */
#include "yusuan/explain.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "embedded.h"
#include "yusuan/arena.h"
#include "yusuan/money.h"
#include "yusuan/text.h"
#include "yusuan/quantity.h"

/* ---------------------------------------------------------------------- */
/* Exact arithmetic: shares, rates, changes                               */

/* floor(r * 10^4 / d) for 0 <= r < d <= INT64_MAX / 10, by long division;
 * *rem receives r * 10^4 mod d. */
static int64_t frac_bp(int64_t r, int64_t d, int64_t *rem) {
  int64_t f = 0;
  for (int i = 0; i < 4; i++) {
    r *= 10;
    f = f * 10 + r / d;
    r %= d;
  }
  *rem = r;
  return f;
}

int ys_shares_bp(const int64_t *parts, size_t n, int32_t *bp) {
  if (!parts || !bp || n == 0) return -1;
  int64_t total = 0;
  for (size_t i = 0; i < n; i++) {
    if (parts[i] < 0 || parts[i] > INT64_MAX / 10 - total) return -1;
    total += parts[i];
  }
  if (total <= 0) return -1;
  int64_t *rem = malloc(n * sizeof *rem);
  if (!rem) return -1;
  int64_t given = 0;
  for (size_t i = 0; i < n; i++) {
    /* parts[i] <= total, so the integer part is 0 or 1 (= 10000 bp). */
    int64_t q = parts[i] / total, r = parts[i] % total;
    int64_t f = q * 10000 + frac_bp(r, total, &rem[i]);
    bp[i] = (int32_t)f;
    given += f;
  }
  /* 0 <= missing < n: each floor loses less than one basis point. */
  for (int64_t missing = 10000 - given; missing > 0; missing--) {
    size_t best = n;
    for (size_t i = 0; i < n; i++)
      if (rem[i] >= 0 && (best == n || rem[i] > rem[best])) best = i;
    if (best == n) break;
    bp[best]++;
    rem[best] = -1; /* one extra basis point per part at most */
  }
  free(rem);
  return 0;
}

int ys_rate_bp(int64_t delta, int64_t base, int64_t *bp) {
  if (base <= 0 || base > INT64_MAX / 10 || delta == INT64_MIN) return -1;
  int64_t m = delta < 0 ? -delta : delta;
  int64_t q = m / base, r = m % base, rem;
  if (q > INT64_MAX / 10000 - 1) return -1;
  int64_t f = frac_bp(r, base, &rem);
  /* Half up: the rest rem / base is at least one half. rem < base, so
   * rem * 2 cannot overflow (base <= INT64_MAX / 10). */
  if (rem * 2 >= base) f++;
  if (bp) *bp = q * 10000 + f;
  return 0;
}

size_t ys_bp_format(char *buf, size_t n, int64_t bp) {
  uint64_t m = bp < 0 ? (uint64_t)(-(bp + 1)) + 1 : (uint64_t)bp;
  return (size_t)snprintf(buf, n, "%s%llu.%02llu%%", bp < 0 ? "-" : "",
                          (unsigned long long)(m / 100),
                          (unsigned long long)(m % 100));
}

static size_t wan_format(char *buf, size_t n, int64_t fen) {
  return ys_money_format(buf, n, fen, YS_UNIT_WANYUAN, 2, 0);
}

size_t ys_explain_change(char *buf, size_t n, int64_t cur, int64_t prev) {
  if ((prev > 0 && cur < INT64_MIN + prev) ||
      (prev < 0 && cur > INT64_MAX + prev))
    return (size_t)snprintf(buf, n, "与上年相比变化过大");
  int64_t delta = cur - prev;
  /* The change is exact (this year − last year, then rounded); the word
   * follows its printed sign, so no text says "增加 0.00 万元". */
  if (ys_money_round(delta, YS_UNIT_WANYUAN, 2) == 0)
    return (size_t)snprintf(buf, n, "与上年持平");
  char amt[64], rate[96] = "";
  wan_format(amt, sizeof amt, delta < 0 ? -delta : delta);
  int64_t bp;
  if (ys_rate_bp(delta, prev, &bp) == 0) {
    char p[40];
    ys_bp_format(p, sizeof p, bp);
    snprintf(rate, sizeof rate, "，%s %s", delta > 0 ? "增长" : "下降", p);
  }
  return (size_t)snprintf(buf, n, "较上年%s %s 万元%s",
                          delta > 0 ? "增加" : "减少", amt, rate);
}

int ys_explain_format_parse(const char *s, ys_explain_format *out) {
  static const char *const names[] = {"txt", "md", "html"};
  for (int i = 0; i < 3; i++)
    if (s && strcmp(s, names[i]) == 0) {
      if (out) *out = (ys_explain_format)i;
      return 0;
    }
  if (s && (!strcmp(s, "text") || !strcmp(s, "markdown"))) {
    if (out) *out = s[0] == 't' ? YS_EXPLAIN_TXT : YS_EXPLAIN_MD;
    return 0;
  }
  return -1;
}

/* ---------------------------------------------------------------------- */
/* The writer's state                                                      */

enum { FAM_SHAANXI, FAM_SICHUAN, FAM_HEBEI, FAM_MOF, FAM_COUNT };
static const char *const family_id[FAM_COUNT] = {"shaanxi", "sichuan", "hebei",
                                                 "mof"};

typedef struct block {
  int level; /* 0 = paragraph, 1..5 = heading */
  const char *text;
} block;

typedef struct purpose {
  const char *code, *text;
} purpose;

typedef struct term {
  unsigned fams; /* bit per family */
  bool post;     /* after the function-code entries */
  const char *term, *text;
} term;

typedef struct ex {
  const ys_dataset *ds;
  const ys_catalog *cat;
  ys_errors *errs;
  ys_arena *a;
  int fam;
  /* the profile's tables show the dataset's running_cost fact (上海): the
   * narrative's 机关运行经费 is that figure, not the one computed */
  bool running_fact;
  int year;
  const char *subj;         /* 本单位 / 本部门 / the department's name */
  const char *facts_file;   /* DIR/facts.csv, for warnings */
  const char *targets_file; /* DIR/targets.csv */
  block *blocks;
  size_t nb, capb;
  ys_buf para; /* the paragraph being written */
  purpose *pur;
  size_t npur;
  term *terms;
  size_t nterms;
  const char **warned; /* fact keys already warned about */
  size_t nwarned, capw;
  const char *chg_lead; /* once: what precedes the next change ("，") */
  int status;           /* YS_OK, or the first hard error */
} ex;

static void oom(ex *x) {
  if (x->status == YS_OK) x->status = YS_ENOMEM;
}

static const char *adup(ex *x, const char *s) {
  char *d = ys_arena_strdup(x->a, s ? s : "");
  if (!d) oom(x);
  return d ? d : "";
}

#if defined(__GNUC__)
#define YS_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define YS_PRINTF(a, b)
#endif

static const char *aprintf(ex *x, const char *fmt, ...) YS_PRINTF(2, 3);
static const char *aprintf(ex *x, const char *fmt, ...) {
  ys_buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  ys_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  const char *r = b.oom ? (oom(x), "") : adup(x, b.s ? b.s : "");
  free(b.s);
  return r;
}

static void add_block(ex *x, int level, const char *text) {
  block *nbk = ys_arena_reserve(x->a, x->blocks, x->nb, &x->capb, sizeof *nbk);
  if (!nbk) {
    oom(x);
    return;
  }
  x->blocks = nbk;
  x->blocks[x->nb].level = level;
  x->blocks[x->nb].text = adup(x, text);
  x->nb++;
}

/* Ends the paragraph being written (if any). */
static void endp(ex *x) {
  if (x->para.oom) oom(x);
  if (x->para.len) add_block(x, 0, x->para.s);
  x->para.len = 0;
  x->para.oom = false;
  if (x->para.s) x->para.s[0] = '\0';
}

/* Appends to the current paragraph. */
static void P(ex *x, const char *fmt, ...) YS_PRINTF(2, 3);
static void P(ex *x, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ys_buf_vprintf(&x->para, fmt, ap);
  va_end(ap);
}

/* Ends the current sentence with "。" unless it already does. */
static void stop(ex *x) {
  size_t n = x->para.len;
  if (n >= 3 && strcmp(x->para.s + n - 3, "。") == 0) return;
  if (n >= 3 && (strcmp(x->para.s + n - 3, "；") == 0 ||
                 strcmp(x->para.s + n - 3, "，") == 0)) {
    x->para.len -= 3;
    x->para.s[x->para.len] = '\0';
  }
  P(x, "。");
}

/* A heading: ends the paragraph before it. */
static void H(ex *x, int level, const char *fmt, ...) YS_PRINTF(3, 4);
static void H(ex *x, int level, const char *fmt, ...) {
  endp(x);
  ys_buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  ys_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  if (b.oom) oom(x);
  add_block(x, level, b.s ? b.s : "");
  free(b.s);
}

/* A warning about a dataset file, at most once per key. */
static void vwarn(ex *x, const char *file, const char *key, int line,
                  const char *fmt, va_list ap) {
  for (size_t i = 0; i < x->nwarned; i++)
    if (strcmp(x->warned[i], key) == 0) return;
  const char **w = ys_arena_reserve(x->a, (void *)x->warned, x->nwarned,
                                    &x->capw, sizeof *w);
  if (!w) {
    oom(x);
    return;
  }
  x->warned = w;
  x->warned[x->nwarned++] = adup(x, key);
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  ys_errors_note(x->errs, YS_SEV_WARNING, file, line, 0, "%s", msg);
}

/* A warning about facts.csv (key: the fact to add or complete). */
static void warn_key(ex *x, const char *key, int line, const char *fmt, ...)
    YS_PRINTF(4, 5);
static void warn_key(ex *x, const char *key, int line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vwarn(x, x->facts_file, key, line, fmt, ap);
  va_end(ap);
}

/* A warning about another file of the dataset. */
static void warn_file(ex *x, const char *file, const char *key, const char *fmt,
                      ...) YS_PRINTF(4, 5);
static void warn_file(ex *x, const char *file, const char *key, const char *fmt,
                      ...) {
  va_list ap;
  va_start(ap, fmt);
  vwarn(x, file, key, 0, fmt, ap);
  va_end(ap);
}

/* ---------------------------------------------------------------------- */
/* Figures                                                                 */

/* The value of a quantity (quantity.h), in 分. */
static int64_t qv(ex *x, const char *fmt, ...) YS_PRINTF(2, 3);
static int64_t qv(ex *x, const char *fmt, ...) {
  char buf[600], err[160];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  ys_qexpr e;
  if (n < 0 || (size_t)n >= sizeof buf ||
      ys_qexpr_parse(&e, buf, x->a, err, sizeof err) != YS_OK) {
    if (x->status == YS_OK) x->status = YS_EINPUT;
    ys_errors_add(x->errs, YS_EINPUT, NULL, 0, 0,
                  "内部错误：情况说明的数量表达式“%s”无法解析", buf);
    return 0;
  }
  return ys_qexpr_eval(&e, x->ds);
}

/* An amount in 万元 with two decimals, e.g. "238.31". */
static const char *W(ex *x, int64_t fen) {
  char buf[64];
  wan_format(buf, sizeof buf, fen);
  return adup(x, buf);
}

/* Shares of the parts as printed (万元, two decimals): a reader dividing
 * the printed figures finds the printed shares (up to the one basis point
 * the largest remainder method moves to make the sum 100.00%). */
static int shares_printed(const int64_t *parts, size_t n, int32_t *bp) {
  int64_t *r = calloc(n ? n : 1, sizeof *r);
  if (!r) return -1;
  for (size_t i = 0; i < n; i++)
    r[i] = ys_money_round(parts[i], YS_UNIT_WANYUAN, 2);
  int st = ys_shares_bp(r, n, bp);
  free(r);
  return st;
}

static const char *pct(ex *x, int64_t bp) {
  char buf[48];
  ys_bp_format(buf, sizeof buf, bp);
  return adup(x, buf);
}

/* A fact holding an amount: the department-wide key, or the sum of its
 * KEY@UNIT parts when only those are given. */
typedef struct fval {
  bool found;
  int64_t fen;
  const char *reason; /* "" if none */
  int line;
} fval;

static fval fact_get(ex *x, const char *key) {
  fval v = {false, 0, "", 0};
  const ys_fact *f = ys_dataset_fact(x->ds, key);
  int64_t fen;
  if (f && ys_dataset_fact_amount(x->ds, key, &fen) == 0) {
    v.found = true;
    v.fen = fen;
    v.reason = f->reason ? f->reason : "";
    v.line = f->line;
    return v;
  }
  for (size_t i = 0; i < x->ds->n_units; i++) {
    char k[256];
    snprintf(k, sizeof k, "%s@%s", key, x->ds->units[i].code);
    const ys_fact *g = ys_dataset_fact(x->ds, k);
    if (!g || ys_dataset_fact_amount(x->ds, k, &fen) != 0) continue;
    if (!v.found) v.line = g->line;
    v.found = true;
    v.fen += fen;
    if (!v.reason[0] && g->reason) v.reason = g->reason;
  }
  return v;
}

/* A text fact: its value, else its reason column; NULL when absent. */
static const char *fact_text(ex *x, const char *key, int *line) {
  const ys_fact *f = ys_dataset_fact(x->ds, key);
  if (!f) return NULL;
  if (line) *line = f->line;
  if (f->value && f->value[0]) return f->value;
  return f->reason && f->reason[0] ? f->reason : NULL;
}

/* A count fact (staff, assets) as written; NULL when absent. */
static const char *fact_count(ex *x, const char *key) {
  const ys_fact *f = ys_dataset_fact(x->ds, key);
  return f && f->value && f->value[0] ? f->value : NULL;
}

static bool starts(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

/* A reason as the sentence quotes it: without a leading "主要原因是" (the
 * sentence supplies it), white space and trailing punctuation. NULL when
 * nothing is left. */
static const char *clean_reason(ex *x, const char *r) {
  if (!r) return NULL;
  static const char *const lead[] = {"主要原因是：", "主要原因是", "主要原因：",
                                     "主要原因",     "原因是：",   "原因是",
                                     "原因：",       "："};
  static const char *const trail[] = {"。", "；", "，", ";", ",", ".", "　"};
  const char *s = r;
  size_t n = strlen(s);
  for (;;) {
    bool again = false;
    while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
      s++;
      n--;
    }
    if (n >= 3 && starts(s, "　")) {
      s += 3;
      n -= 3;
      again = true;
    }
    for (size_t i = 0; i < sizeof lead / sizeof *lead; i++) {
      size_t l = strlen(lead[i]);
      if (n >= l && memcmp(s, lead[i], l) == 0) {
        s += l;
        n -= l;
        again = true;
        break;
      }
    }
    if (!again) break;
  }
  for (;;) {
    bool again = false;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                 s[n - 1] == '\r')) {
      n--;
      again = true;
    }
    for (size_t i = 0; i < sizeof trail / sizeof *trail; i++) {
      size_t l = strlen(trail[i]);
      if (n >= l && memcmp(s + n - l, trail[i], l) == 0) {
        n -= l;
        again = true;
        break;
      }
    }
    if (!again) break;
  }
  if (!n) return NULL;
  char *d = ys_arena_strndup(x->a, s, n);
  if (!d) oom(x);
  return d;
}

/*
 * Appends "，较上年…[，<rprefix>reason]" for cur against prev. A nonzero
 * change without a reason is written without one and reported, naming
 * reason_key (the fact whose reason is missing). what names the figure in
 * the message.
 */
static void chg_v(ex *x, int64_t cur, int64_t prev, const char *reason,
                  const char *reason_key, int line, const char *what,
                  const char *rprefix) {
  char buf[200];
  ys_explain_change(buf, sizeof buf, cur, prev);
  P(x, "%s%s", x->chg_lead ? x->chg_lead : "，", buf);
  x->chg_lead = NULL;
  const char *r = clean_reason(x, reason);
  if (r)
    P(x, "，%s%s", rprefix, r);
  else if (ys_money_round(cur - prev, YS_UNIT_WANYUAN, 2) != 0)
    warn_key(x, reason_key, line,
             "情况说明中%s%s，但没有写原因：请在 facts.csv 的 %s "
             "中写明增减原因（情况说明不会代为编写）",
             what, buf, reason_key);
}

/* The same with last year's figure from the fact key. A missing fact is
 * reported when required, and the change is left out. Returns whether the
 * fact was there. */
static bool chg(ex *x, int64_t cur, const char *key, const char *what,
                const char *rprefix, bool required) {
  fval f = fact_get(x, key);
  if (!f.found) {
    if (required)
      warn_key(
          x, key, 0,
          "facts.csv 中没有 %s（%s的上年数）：情况说明未写与上年相比的增减",
          key, what);
    return false;
  }
  chg_v(x, cur, f.fen, f.reason, key, f.line, what, rprefix);
  return true;
}

/* ---------------------------------------------------------------------- */
/* Codes and names                                                         */

static const char *cat_name(ex *x, ys_cls cls, const char *code) {
  const ys_cat_entry *e = ys_catalog_lookup(x->cat, cls, code, x->year);
  if (!e) e = ys_catalog_lookup(x->cat, cls, code, 0);
  return e ? e->name : NULL;
}

/* The distinct codes (func, econ or gecon) of the line items matching the
 * filter, cut to len digits (0 = as they are), sorted. */
static const char *item_code_of(const ys_line_item *it, ys_cls cls) {
  return cls == YS_CLS_FUNC        ? it->func
         : cls == YS_CLS_ECON_DEPT ? it->econ
                                   : it->gecon;
}

static int cmp_slot(const void *a, const void *b) {
  return strcmp(a, b);
}

static size_t codes_of(ex *x, const char *filter, ys_cls cls, size_t len,
                       const char ***out) {
  *out = NULL;
  ys_qexpr e;
  char err[160];
  if (ys_qexpr_parse(&e, filter, x->a, err, sizeof err) != YS_OK || e.n != 1)
    return 0;
  /* The codes cut to len, in fixed-width slots (width: the longest plus
   * its NUL), sorted and deduplicated: n log n in the matching items. */
  size_t m = 0, width = 1;
  ys_item_iter k;
  ys_qfilter_items(&k, &e.t[0], x->ds);
  for (ys_item_iter q = k;;) { /* how many, and the longest code */
    const ys_line_item *it = ys_item_next(&q);
    if (!it) break;
    const char *c = item_code_of(it, cls);
    size_t l = c ? strlen(c) : 0;
    if (len && l > len) l = len;
    if (l + 1 > width) width = l + 1;
    m++;
  }
  if (!m) return 0;
  char *slot = calloc(m, width);
  if (!slot) {
    oom(x);
    return 0;
  }
  size_t n = 0;
  for (const ys_line_item *it; (it = ys_item_next(&k));) {
    const char *c = item_code_of(it, cls);
    if (!c) continue;
    size_t l = strlen(c);
    if (len && l < len) continue;
    if (len) l = len;
    memcpy(slot + n++ * width, c, l);
  }
  qsort(slot, n, width, cmp_slot);
  const char **v = n ? ys_arena_alloc(x->a, sizeof *v * n) : NULL;
  size_t d = 0;
  for (size_t i = 0; v && i < n; i++) {
    const char *c = slot + i * width;
    if (d && strcmp(v[d - 1], c) == 0) continue;
    if (!(v[d++] = ys_arena_strdup(x->a, c))) v = NULL;
  }
  free(slot);
  if (n && !v) {
    oom(x);
    return 0;
  }
  *out = v;
  return d;
}

static const char *purpose_of(ex *x, const char *code) {
  for (size_t i = 0; i < x->npur; i++)
    if (strcmp(x->pur[i].code, code) == 0) return x->pur[i].text;
  return NULL;
}

/* "卫生健康（类）医疗保障管理事务（款）行政运行（项）"; the 类 loses its
 * trailing 支出 in the Sichuan / national style (short = true). */
static const char *func_path(ex *x, const char *code, bool short_class) {
  char c3[4], c5[6];
  snprintf(c3, sizeof c3, "%.3s", code);
  snprintf(c5, sizeof c5, "%.5s", code);
  const char *n3 = cat_name(x, YS_CLS_FUNC, c3);
  const char *n5 = cat_name(x, YS_CLS_FUNC, c5);
  const char *n7 = cat_name(x, YS_CLS_FUNC, code);
  if (!n3 || !n5 || !n7) return n7 ? n7 : code;
  size_t l3 = strlen(n3);
  const char *suffix = "支出";
  size_t ls = strlen(suffix);
  int keep = (int)l3;
  if (short_class && l3 > ls && strcmp(n3 + l3 - ls, suffix) == 0)
    keep = (int)(l3 - ls);
  return aprintf(x, "%.*s（类）%s（款）%s（项）", keep, n3, n5, n7);
}

/* Chinese numerals 1..99 for （一）…（九十九）. */
static const char *cn_num(ex *x, int n) {
  static const char *const d[] = {"",   "一", "二", "三", "四",
                                  "五", "六", "七", "八", "九"};
  if (n <= 0 || n > 99) return aprintf(x, "%d", n);
  if (n < 10) return d[n];
  if (n == 10) return "十";
  if (n < 20) return aprintf(x, "十%s", d[n % 10]);
  return aprintf(x, "%s十%s", d[n / 10], d[n % 10]);
}

/* The names of the economic 款 of the items matching filter, "、"-joined. */
static const char *econ_names(ex *x, const char *filter) {
  const char **codes;
  size_t n = codes_of(x, filter, YS_CLS_ECON_DEPT, 5, &codes);
  ys_buf b = {0};
  size_t shown = 0;
  for (size_t i = 0; i < n; i++) {
    if (qv(x, "%s;econ=%s", filter, codes[i]) == 0) continue;
    const char *nm = cat_name(x, YS_CLS_ECON_DEPT, codes[i]);
    if (!nm) continue;
    if (shown++) ys_buf_puts(&b, "、");
    ys_buf_puts(&b, nm);
  }
  if (b.oom) oom(x);
  const char *r = b.s ? adup(x, b.s) : NULL;
  free(b.s);
  return r;
}

/* ---------------------------------------------------------------------- */
/* Data: purposes and glossary (CSV files in data/narrative/, embedded)   */

static int load_csv(ex *x, const char *path, ys_csv *t) {
  const ys_embedded_file *f = ys_embedded_find(path);
  if (!f) {
    ys_errors_add(x->errs, YS_EINPUT, path, 0, 0,
                  "库中没有内置情况说明数据文件");
    return YS_EINPUT;
  }
  return ys_csv_read_mem(t, path, f->data, f->size, x->a, x->errs);
}

static int col_index(const ys_csv *t, const char *name) {
  if (!t->n) return -1;
  for (size_t i = 0; i < t->rec[0].n; i++)
    if (strcmp(t->rec[0].f[i].s, name) == 0) return (int)i;
  return -1;
}

static const char *field(ex *x, const ys_csv_record *r, int idx) {
  ys_csv_field f = ys_csv_get(r, idx);
  char *s = ys_arena_strndup(x->a, f.s ? f.s : "", f.len);
  if (!s) oom(x);
  return s ? s : "";
}

static int load_data(ex *x) {
  ys_csv t;
  int st = load_csv(x, "narrative/purposes.csv", &t);
  if (st) return st;
  int ic = col_index(&t, "code"), ip = col_index(&t, "purpose");
  if (ic < 0 || ip < 0 || t.n < 2) {
    ys_errors_add(x->errs, YS_EINPUT, "narrative/purposes.csv", 0, 0,
                  "情况说明数据文件缺少 code 或 purpose 列");
    return YS_EINPUT;
  }
  x->pur = ys_arena_alloc(x->a, sizeof *x->pur * (t.n - 1));
  if (!x->pur) return YS_ENOMEM;
  for (size_t i = 1; i < t.n; i++) {
    x->pur[x->npur].code = field(x, &t.rec[i], ic);
    x->pur[x->npur].text = field(x, &t.rec[i], ip);
    x->npur++;
  }

  st = load_csv(x, "narrative/terms.csv", &t);
  if (st) return st;
  int jf = col_index(&t, "family"), jp = col_index(&t, "place"),
      jt = col_index(&t, "term"), jx = col_index(&t, "text");
  if (jf < 0 || jp < 0 || jt < 0 || jx < 0 || t.n < 2) {
    ys_errors_add(x->errs, YS_EINPUT, "narrative/terms.csv", 0, 0,
                  "情况说明数据文件缺少 family、place、term 或 text 列");
    return YS_EINPUT;
  }
  x->terms = ys_arena_alloc(x->a, sizeof *x->terms * (t.n - 1));
  if (!x->terms) return YS_ENOMEM;
  for (size_t i = 1; i < t.n; i++) {
    term *m = &x->terms[x->nterms++];
    const char *fams = field(x, &t.rec[i], jf);
    m->fams = 0;
    for (const char *p = fams; *p;) {
      size_t l = strcspn(p, "|");
      for (int k = 0; k < FAM_COUNT; k++)
        if (strlen(family_id[k]) == l && !strncmp(p, family_id[k], l))
          m->fams |= 1u << k;
      p += l + (p[l] == '|');
    }
    m->post = strcmp(field(x, &t.rec[i], jp), "post") == 0;
    m->term = field(x, &t.rec[i], jt);
    m->text = field(x, &t.rec[i], jx);
  }
  return x->status;
}

/* ---------------------------------------------------------------------- */
/* Shared pieces of the plans                                              */

static const char *const rev_label[YS_FUND_COUNT] = {"",
                                                     "一般公共预算拨款收入",
                                                     "政府性基金预算拨款收入",
                                                     "国有资本经营预算拨款收入",
                                                     "财政专户管理资金收入",
                                                     "事业收入",
                                                     "事业单位经营收入",
                                                     "上级补助收入",
                                                     "附属单位上缴收入",
                                                     "用事业基金弥补收支差额",
                                                     "其他收入"};
static const char *const exp_label[YS_FUND_COUNT] = {
    "", "一般公共预算拨款支出", "政府性基金预算拨款支出",
    "国有资本经营预算拨款支出"};

static bool has_carry(ex *x, const char *fund) {
  return qv(x, "exp;period=carry;fund=%s", fund) != 0;
}

/* Σ of the carry_next.* facts (结转下年): a department-wide key wins over
 * its KEY@UNIT parts. */
static int64_t carry_next(ex *x) {
  int64_t sum = 0;
  for (size_t i = 0; i < x->ds->n_facts; i++) {
    const ys_fact *f = &x->ds->facts[i];
    if (!starts(f->key, "carry_next.")) continue;
    const char *at = strchr(f->key, '@');
    if (at) {
      char plain[256];
      snprintf(plain, sizeof plain, "%.*s", (int)(at - f->key), f->key);
      if (ys_dataset_fact(x->ds, plain)) continue;
    }
    int64_t fen;
    if (ys_dataset_fact_amount(x->ds, f->key, &fen) == 0) sum += fen;
  }
  return sum;
}

/* A "、"-joined list of "label X 万元" of the funds (fund ids) with a
 * nonzero value; gpb is always listed, last when others are listed. */
static void fund_list(ex *x, const char *src, const char *period,
                      bool fiscal_only, bool gpb_last,
                      const char *const *labels) {
  int shown = 0;
  int64_t g = qv(x, "%s;period=%s;fund=gpb", src, period);
  if (!gpb_last) {
    P(x, "%s %s 万元", labels[YS_FUND_GPB], W(x, g));
    shown++;
  }
  for (int f = YS_FUND_GOVFUND; f < YS_FUND_COUNT; f++) {
    if (fiscal_only && f > YS_FUND_SOC) break;
    if (!labels[f] || !labels[f][0]) continue;
    int64_t v =
        qv(x, "%s;period=%s;fund=%s", src, period, ys_fund_id((ys_fund)f));
    if (!v) continue;
    P(x, "%s%s %s 万元", shown++ ? "、" : "", labels[f], W(x, v));
  }
  if (gpb_last)
    P(x, "%s%s %s 万元", shown ? "、" : "", labels[YS_FUND_GPB], W(x, g));
}

/* Three 公 figures, scope: "fund=gpb" or "fund=fiscal". */
typedef struct sangong {
  int64_t abroad, reception, vop, vbuy, total, meeting, training;
} sangong;

static sangong sangong_of(ex *x, const char *scope) {
  sangong s;
  s.abroad = qv(x, "exp;%s;econ=30212", scope);
  s.reception = qv(x, "exp;%s;econ=30217", scope);
  s.vop = qv(x, "exp;%s;econ=30231", scope);
  s.vbuy = qv(x, "exp;%s;econ=31013", scope);
  s.total = s.abroad + s.reception + s.vop + s.vbuy;
  s.meeting = qv(x, "exp;%s;econ=30215", scope);
  s.training = qv(x, "exp;%s;econ=30216", scope);
  return s;
}

/* Last year's 三公 total: the sum of the prev.sangong.* facts given;
 * false (and a warning) when there is none. */
static bool sangong_prev(ex *x, int64_t *prev) {
  static const char *const keys[] = {
      "prev.sangong.abroad", "prev.sangong.reception",
      "prev.sangong.vehicle_purchase", "prev.sangong.vehicle_operation"};
  bool any = false;
  *prev = 0;
  for (int i = 0; i < 4; i++) {
    fval f = fact_get(x, keys[i]);
    if (f.found) {
      any = true;
      *prev += f.fen;
    }
  }
  if (!any)
    warn_key(x, "prev.sangong", 0,
             "facts.csv 中没有上年“三公”经费（prev.sangong.abroad、"
             "prev.sangong.reception、prev.sangong.vehicle_purchase、"
             "prev.sangong.vehicle_operation）：情况说明未写与上年相比的增减");
  return any;
}

/* The change of the 三公 total; its reason is reason.sangong. */
static void sangong_total_chg(ex *x, int64_t total) {
  int64_t prev;
  if (!sangong_prev(x, &prev)) return;
  int line = 0;
  const char *r = fact_text(x, "reason.sangong", &line);
  chg_v(x, total, prev, r, "reason.sangong", line, "“三公”经费", "主要原因是");
}

/* Whether the 会议费 / 培训费 sentences have anything to say. */
static bool meeting_relevant(ex *x, const sangong *s) {
  return s->meeting || s->training || fact_get(x, "prev.meeting").found ||
         fact_get(x, "prev.training").found;
}

/* Projects with spending: count, amount, and those without targets. */
typedef struct projstat {
  size_t n, with_targets;
  int64_t amount, amount_targets;
} projstat;

static bool project_has_targets(ex *x, const char *code) {
  const ys_target *const *run;
  return ys_dataset_project_targets(x->ds, code, &run) > 0;
}

static bool dept_has_targets(ex *x) {
  for (size_t i = 0; i < x->ds->n_targets; i++)
    if (!x->ds->targets[i].project[0]) return true;
  return false;
}

static projstat project_stats(ex *x, bool warn) {
  projstat s = {0, 0, 0, 0};
  for (size_t i = 0; i < x->ds->n_projects; i++) {
    const ys_project *p = &x->ds->projects[i];
    int64_t v = qv(x, "exp;project=%s", p->code);
    if (!v) continue;
    s.n++;
    s.amount += v;
    if (project_has_targets(x, p->code)) {
      s.with_targets++;
      s.amount_targets += v;
    } else if (warn) {
      warn_file(x, x->targets_file, aprintf(x, "targets:%s", p->code),
                "项目 %s（%s）没有绩效目标：请在 targets.csv 中填写", p->code,
                p->name);
    }
  }
  return s;
}

/* Assets sentence pieces. */
static void assets_para(ex *x, const char *lead, const char *buy_lead) {
  const char *v = fact_count(x, "assets.vehicles");
  const char *e = fact_count(x, "assets.equipment");
  const char *vb = fact_count(x, "assets.vehicles.purchase");
  const char *eb = fact_count(x, "assets.equipment.purchase");
  static const char *const keys[] = {"assets.vehicles", "assets.equipment",
                                     "assets.vehicles.purchase",
                                     "assets.equipment.purchase"};
  const char *vals[] = {v, e, vb, eb};
  for (int i = 0; i < 4; i++)
    if (!vals[i])
      warn_key(x, keys[i], 0,
               "facts.csv 中没有 %s：情况说明的国有资产部分缺少这个数",
               keys[i]);
  if (v || e) {
    P(x, "%s", lead);
    if (v) P(x, "共有车辆 %s 辆", v);
    if (e) P(x, "%s单价 20 万元以上的设备 %s 台（套）", v ? "，" : "", e);
    P(x, "。");
  }
  if (vb || eb) {
    P(x, "%s", buy_lead);
    if (vb) P(x, "安排购置车辆 %s 辆", vb);
    if (eb)
      P(x, "%s安排购置单价 20 万元以上的设备 %s 台（套）", vb ? "；" : "", eb);
    P(x, "。");
  }
}

/* Government procurement: total and, when every line's 采购目录 starts with
 * A (货物), B (工程) or C (服务), the split. */
static int64_t procurement_split(ex *x, int64_t part[3], bool *split) {
  int64_t total = 0;
  part[0] = part[1] = part[2] = 0;
  *split = true;
  for (size_t i = 0; i < x->ds->n_procurements; i++) {
    const ys_procurement *p = &x->ds->procurements[i];
    total += p->amount;
    char c = p->catalog ? p->catalog[0] : 0;
    if (c >= 'a' && c <= 'c') c = (char)(c - 'a' + 'A');
    if (c >= 'A' && c <= 'C')
      part[c - 'A'] += p->amount;
    else
      *split = false;
  }
  return total;
}

static void procurement_para(ex *x, const char *lead) {
  int64_t part[3];
  bool split;
  int64_t total = procurement_split(x, part, &split);
  P(x, "%s安排政府采购预算 %s 万元", lead, W(x, total));
  if (split)
    P(x,
      "，其中：政府采购货物预算 %s 万元、政府采购工程预算 %s 万元、"
      "政府采购服务预算 %s 万元",
      W(x, part[0]), W(x, part[1]), W(x, part[2]));
  P(x, "。");
}

/* Admin (行政) units: count and the 机关运行经费 (fiscal basic 公用经费). */
typedef struct admin {
  size_t n, n_all;
  int64_t amount;
  const char *names;
} admin;

static admin admin_of(ex *x) {
  admin r = {0, x->ds->n_units, 0, NULL};
  ys_buf b = {0};
  for (size_t i = 0; i < x->ds->n_units; i++) {
    const ys_unit_rec *u = &x->ds->units[i];
    if (u->kind != YS_UNIT_KIND_ADMIN) continue;
    if (r.n++) ys_buf_puts(&b, "、");
    ys_buf_puts(&b, u->name);
    r.amount +=
        qv(x, "exp;fund=fiscal;kind=basic;nature=public;unit=%s", u->code);
  }
  if (b.oom) oom(x);
  r.names = adup(x, b.s ? b.s : "");
  free(b.s);
  /* A dataset that states the figure (running_cost: 上海 publishes it in a
   * table of its own, for 行政 and 参公 units that one unit of the dataset
   * may stand for) is the figure that table shows; other profiles compute
   * theirs from the line items, and so does their narrative. */
  int64_t fen;
  if (x->running_fact && ys_dataset_fact(x->ds, "running_cost") &&
      ys_dataset_fact_amount(x->ds, "running_cost", &fen) == 0)
    r.amount = fen;
  return r;
}

/* Change of the 机关运行经费: prev.public when every unit is 行政, else
 * the prev.public@UNIT of the 行政 units. */
static void admin_chg(ex *x, const admin *ad, const char *rprefix) {
  if (ad->n == ad->n_all) {
    chg(x, ad->amount, "prev.public", "机关运行经费", rprefix, true);
    return;
  }
  int64_t prev = 0;
  bool any = false;
  const char *reason = "";
  int line = 0;
  const char *first = NULL;
  for (size_t i = 0; i < x->ds->n_units; i++) {
    const ys_unit_rec *u = &x->ds->units[i];
    if (u->kind != YS_UNIT_KIND_ADMIN) continue;
    const char *k = aprintf(x, "prev.public@%s", u->code);
    if (!first) first = k;
    const ys_fact *f = ys_dataset_fact(x->ds, k);
    int64_t fen;
    if (!f || ys_dataset_fact_amount(x->ds, k, &fen) != 0) continue;
    any = true;
    prev += fen;
    if (!reason[0] && f->reason) {
      reason = f->reason;
      line = f->line;
    }
  }
  if (!any) {
    warn_key(
        x, first ? first : "prev.public", 0,
        "facts.csv 中没有 %s（行政单位上年公用经费）：情况说明未写机关运行经费"
        "与上年相比的增减",
        first ? first : "prev.public");
    return;
  }
  chg_v(x, ad->amount, prev, reason, first, line, "机关运行经费", rprefix);
}

/* A paragraph per 项 of a fund's spending: "名称（编码）X 万元". Used for
 * 政府性基金 and 国有资本经营 spending. */
static void func_items_inline(ex *x, const char *filter) {
  const char **codes;
  size_t n = codes_of(x, filter, YS_CLS_FUNC, 7, &codes);
  size_t shown = 0;
  for (size_t i = 0; i < n; i++) {
    int64_t v = qv(x, "%s;func=%s", filter, codes[i]);
    if (!v) continue;
    const char *nm = cat_name(x, YS_CLS_FUNC, codes[i]);
    P(x, "%s%s（%s）%s 万元", shown++ ? "；" : "", nm ? nm : "", codes[i],
      W(x, v));
  }
}

/* Glossary: pre terms, one entry per function 项 with a purpose, post
 * terms. numbering: 0 "1.", 1 "（一）", 2 "1、". */
static void glossary(ex *x, int numbering, bool with_codes, bool short_class) {
  int k = 0;
  for (int pass = 0; pass < 3; pass++) {
    if (pass == 1) {
      if (!with_codes) continue;
      const char **codes;
      size_t n = codes_of(x, "exp", YS_CLS_FUNC, 7, &codes);
      for (size_t i = 0; i < n; i++) {
        const char *pu = purpose_of(x, codes[i]);
        if (!pu || !qv(x, "exp;func=%s", codes[i])) continue;
        k++;
        const char *num = numbering == 1 ? aprintf(x, "（%s）", cn_num(x, k))
                          : numbering == 2 ? aprintf(x, "%d、", k)
                                           : aprintf(x, "%d.", k);
        P(x, "%s%s：反映%s。", num, func_path(x, codes[i], short_class), pu);
        endp(x);
      }
      continue;
    }
    for (size_t i = 0; i < x->nterms; i++) {
      const term *t = &x->terms[i];
      if (!(t->fams & (1u << x->fam)) || t->post != (pass == 2)) continue;
      k++;
      const char *num = numbering == 1   ? aprintf(x, "（%s）", cn_num(x, k))
                        : numbering == 2 ? aprintf(x, "%d、", k)
                                         : aprintf(x, "%d.", k);
      P(x, "%s%s：%s", num, t->term, t->text);
      endp(x);
    }
  }
}

/* ---------------------------------------------------------------------- */
/* Shaanxi (seeds 000, 002)                                                */

/* "（n）名称（编码）X 万元，较上年…，原因是…" for each code of a class. */
static void shaanxi_class_items(ex *x, const char *filter, ys_cls cls,
                                size_t len, const char *prev_prefix,
                                bool numbered, bool purposes) {
  const char **codes;
  size_t n = codes_of(x, filter, cls, len, &codes);
  int64_t *vals = ys_arena_alloc(x->a, sizeof *vals * (n ? n : 1));
  if (!vals) {
    oom(x);
    return;
  }
  size_t shown = 0, last = 0;
  for (size_t i = 0; i < n; i++) {
    const char *dim = cls == YS_CLS_FUNC        ? "func"
                      : cls == YS_CLS_ECON_DEPT ? "econ"
                                                : "gecon";
    vals[i] = qv(x, "%s;%s=%s", filter, dim, codes[i]);
    if (vals[i]) last = i;
  }
  for (size_t i = 0; i < n; i++) {
    if (!vals[i]) continue;
    const char *nm = cat_name(x, cls, codes[i]);
    if (!nm) nm = "";
    if (numbered) P(x, "（%zu）", shown + 1);
    P(x, "%s（%s）%s 万元", nm, codes[i], W(x, vals[i]));
    chg(x, vals[i], aprintf(x, "%s%s", prev_prefix, codes[i]),
        aprintf(x, "%s（%s）", nm, codes[i]), "原因是", true);
    const char *pu = purposes ? purpose_of(x, codes[i]) : NULL;
    if (pu)
      P(x, "。主要用于%s。", pu);
    else
      P(x, "%s", i == last ? "。" : "；");
    endp(x);
    shown++;
  }
}

static void plan_shaanxi(ex *x) {
  const sangong s = sangong_of(x, "fund=gpb");
  const char *u = x->subj;
  bool gcarry = has_carry(x, "gpb");
  const char *gpb_exp =
      gcarry ? "一般公共预算当年拨款支出" : "一般公共预算拨款支出";
  int64_t gcur = qv(x, "exp;fund=gpb;period=cur");

  H(x, 1, "第二部分 收支情况");
  H(x, 2, "四、收支说明");
  H(x, 3, "（一）收支预算总体情况");
  P(x, "按照综合预算的原则，%s所有收入和支出均纳入部门预算管理。", u);
  P(x, "%s当年预算收入 %s 万元，其中", u, W(x, qv(x, "rev;period=cur")));
  fund_list(x, "rev", "cur", false, false, rev_label);
  int64_t carry = qv(x, "rev;period=carry");
  if (carry) P(x, "；另有上年结转 %s 万元", W(x, carry));
  P(x, "。%s当年预算支出 %s 万元", u, W(x, qv(x, "exp;period=cur")));
  P(x, "，其中%s %s 万元", gpb_exp, W(x, gcur));
  chg(x, gcur, "prev.gpb", gpb_exp, "主要原因是", true);
  P(x, "。");

  H(x, 3, "（二）财政拨款收支情况");
  P(x, "%s当年财政拨款收入 %s 万元，其中", u,
    W(x, qv(x, "rev;period=cur;fund=fiscal")));
  fund_list(x, "rev", "cur", true, true, rev_label);
  chg(x, gcur, "prev.gpb", gpb_exp, "主要原因是", true);
  int64_t fcarry = qv(x, "rev;period=carry;fund=fiscal");
  if (fcarry) P(x, "，另有上年结转财政拨款 %s 万元", W(x, fcarry));
  P(x, "；%s当年财政拨款支出 %s 万元，其中", u,
    W(x, qv(x, "exp;period=cur;fund=fiscal")));
  fund_list(x, "exp", "cur", true, true, exp_label);
  chg(x, gcur, "prev.gpb", gpb_exp, "主要原因是", true);
  P(x, "。");

  H(x, 3, "（三）一般公共预算拨款支出明细情况");
  H(x, 4, "1、一般公共预算当年拨款规模变化情况");
  P(x, "%s当年%s %s 万元", u, gpb_exp, W(x, gcur));
  chg(x, gcur, "prev.gpb", gpb_exp, "主要原因是", true);
  P(x, "。");
  H(x, 4, "2、支出按功能科目分类的明细情况");
  P(x, "%s当年一般公共预算支出 %s 万元，其中：", u, W(x, gcur));
  endp(x);
  shaanxi_class_items(x, "exp;fund=gpb;period=cur", YS_CLS_FUNC, 7,
                      "prev.func.", true, true);
  H(x, 4, "3、支出按经济科目分类的明细情况");
  H(x, 5, "（1）按照部门预算支出经济分类的类级科目说明");
  P(x, "本部门当年一般公共预算支出 %s 万元，其中：", W(x, gcur));
  endp(x);
  shaanxi_class_items(x, "exp;fund=gpb;period=cur", YS_CLS_ECON_DEPT, 3,
                      "prev.econ.", false, false);
  H(x, 5, "（2）按照政府预算支出经济分类的类级科目说明");
  P(x, "本部门当年一般公共预算支出 %s 万元，其中：", W(x, gcur));
  endp(x);
  shaanxi_class_items(x, "exp;fund=gpb;period=cur", YS_CLS_ECON_GOV, 3,
                      "prev.econ.", false, false);

  H(x, 3, "（四）政府性基金预算支出情况");
  int64_t gf = qv(x, "exp;fund=govfund");
  if (!gf)
    P(x, "%s无当年政府性基金预算收支，并已公开空表。", u);
  else {
    P(x, "%s当年政府性基金预算拨款支出 %s 万元，其中：", u, W(x, gf));
    func_items_inline(x, "exp;fund=govfund");
    P(x, "。");
  }
  H(x, 3, "（五）国有资本经营预算拨款收支情况");
  int64_t sc = qv(x, "exp;fund=soc");
  if (!sc)
    P(x, "%s无当年国有资本经营预算拨款收支，并已公开空表。", u);
  else {
    P(x, "%s当年国有资本经营预算拨款支出 %s 万元，其中：", u, W(x, sc));
    func_items_inline(x, "exp;fund=soc");
    P(x, "。");
  }

  H(x, 1, "第三部分 其他情况");
  H(x, 2, "五、“三公”经费及会议费、培训费情况说明");
  P(x, "%s当年一般公共预算“三公”经费预算支出 %s 万元", u, W(x, s.total));
  sangong_total_chg(x, s.total);
  P(x, "，其中：");
  endp(x);
  P(x, "因公出国（境）经费 %s 万元", W(x, s.abroad));
  chg(x, s.abroad, "prev.sangong.abroad", "因公出国（境）经费", "主要原因是",
      true);
  P(x, "；");
  endp(x);
  P(x, "公务接待费 %s 万元", W(x, s.reception));
  chg(x, s.reception, "prev.sangong.reception", "公务接待费", "主要原因是",
      true);
  P(x, "；");
  endp(x);
  P(x, "公务用车运行维护费 %s 万元", W(x, s.vop));
  chg(x, s.vop, "prev.sangong.vehicle_operation", "公务用车运行维护费",
      "主要原因是", true);
  P(x, "；");
  endp(x);
  P(x, "公务用车购置费 %s 万元", W(x, s.vbuy));
  chg(x, s.vbuy, "prev.sangong.vehicle_purchase", "公务用车购置费",
      "主要原因是", true);
  P(x, "。");
  endp(x);
  P(x, "%s当年一般公共预算会议费预算支出 %s 万元", u, W(x, s.meeting));
  chg(x, s.meeting, "prev.meeting", "会议费", "主要原因是", true);
  P(x, "。");
  endp(x);
  P(x, "%s当年一般公共预算培训费预算支出 %s 万元", u, W(x, s.training));
  chg(x, s.training, "prev.training", "培训费", "主要原因是", true);
  P(x, "。");

  H(x, 2, "六、国有资产占有使用及资产购置情况说明");
  assets_para(x, aprintf(x, "截至上年底，%s", u), "当年部门预算");

  H(x, 2, "七、政府采购情况说明");
  if (!x->ds->n_procurements)
    P(x, "%s当年无政府采购预算，并已公开空表。", u);
  else
    procurement_para(x, aprintf(x, "%s当年", u));

  H(x, 2, "八、绩效目标情况说明");
  projstat ps = project_stats(x, true);
  if (ps.with_targets == ps.n && dept_has_targets(x))
    P(x, "%s绩效目标管理全覆盖，涉及当年一般公共预算当年拨款 %s 万元", u,
      W(x, gcur));
  else
    P(x,
      "%s设定绩效目标的项目 %zu 个（共 %zu 个项目），涉及当年一般公共预算当年"
      "拨款 %s 万元",
      u, ps.with_targets, ps.n, W(x, gcur));
  int64_t gfc = qv(x, "exp;fund=govfund;period=cur");
  int64_t scc = qv(x, "exp;fund=soc;period=cur");
  if (gfc) P(x, "，当年政府性基金预算当年拨款 %s 万元", W(x, gfc));
  if (scc) P(x, "，当年国有资本经营预算拨款 %s 万元", W(x, scc));
  P(x, "（详见公开报表中的绩效目标表）。");

  H(x, 2, "九、公用经费情况说明");
  admin ad = admin_of(x);
  int64_t pub = qv(x, "exp;kind=basic;nature=public;period=cur");
  P(x, "%s当年%s预算安排 %s 万元", u,
    ad.n && ad.n == ad.n_all ? "公用经费（机关运行经费）" : "公用经费",
    W(x, pub));
  chg(x, pub, "prev.public", "公用经费", "原因是", true);
  P(x, "。");
  if (ad.n && ad.n < ad.n_all)
    P(x, "其中，行政单位机关运行经费 %s 万元。", W(x, ad.amount));

  H(x, 2, "十、专业名词解释");
  glossary(x, 0, true, false);
}

/* ---------------------------------------------------------------------- */
/* Sichuan (seed 001) and the national default                             */

enum {
  SH_TITLE, /* level 1 */
  SH_1,
  SH_1A,
  SH_1B,
  SH_2,
  SH_3,
  SH_3A,
  SH_3B,
  SH_3C,
  SH_4,
  SH_5,
  SH_6,
  SH_7,
  SH_8,
  SH_8A,
  SH_8B,
  SH_8C,
  SH_8D,
  SH_GLOSS,
  SH_COUNT
};

/* The headings of one narrative, by the slots above. */
typedef struct heads {
  const char *h[SH_COUNT];
} heads;

/* The current year's 一般公共预算 spending by 类 with its shares ("lead"
 * first): "教育支出（205）120.00 万元，占 60.00%；…。". False when there is
 * none to print. */
static bool gpb_by_class(ex *x, const char *lead) {
  const char **gc;
  size_t n = codes_of(x, "exp;fund=gpb;period=cur", YS_CLS_FUNC, 3, &gc);
  int64_t *parts = ys_arena_alloc(x->a, sizeof *parts * (n ? n : 1));
  int32_t *bp = ys_arena_alloc(x->a, sizeof *bp * (n ? n : 1));
  const char **codes = ys_arena_alloc(x->a, sizeof *codes * (n ? n : 1));
  size_t m = 0;
  if (!parts || !bp || !codes) {
    oom(x);
    n = 0;
  }
  for (size_t i = 0; i < n; i++) {
    int64_t v = qv(x, "exp;fund=gpb;period=cur;func=%s", gc[i]);
    if (!v) continue;
    parts[m] = v;
    codes[m++] = gc[i];
  }
  if (!m || shares_printed(parts, m, bp) != 0) return false;
  P(x, "%s", lead);
  for (size_t i = 0; i < m; i++) {
    const char *nm = cat_name(x, YS_CLS_FUNC, codes[i]);
    P(x, "%s%s（%s）%s 万元，占 %s", i ? "；" : "", nm ? nm : "", codes[i],
      W(x, parts[i]), pct(x, bp[i]));
  }
  P(x, "。");
  return true;
}

/* What the sections of the Sichuan (and national) narrative share. */
typedef struct sichuan {
  heads h;
  const char *d; /* the department's name as the narrative says it */
  int y;
  bool sc; /* Sichuan's own headings */
  int64_t rev_all, exp_all, gcur;
  const char **cls; /* the 类 of the department's spending */
  size_t ncls;
} sichuan;

/* The section 一、收支预算. */
static void sichuan_totals(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  int64_t rev_all = sp->rev_all;
  int64_t exp_all = sp->exp_all;
  const char **cls = sp->cls;
  size_t ncls = sp->ncls;
  H(x, 2, "%s", h.h[SH_1]);
  P(x, "按照综合预算的原则，%s所有收入和支出均纳入部门预算管理。收入包括：", d);
  int shown = 0;
  for (int f = YS_FUND_GPB; f < YS_FUND_COUNT; f++)
    if (qv(x, "rev;period=cur;fund=%s", ys_fund_id((ys_fund)f)))
      P(x, "%s%s", shown++ ? "、" : "", rev_label[f]);
  int64_t carry = qv(x, "rev;period=carry");
  if (carry) P(x, "%s上年结转", shown++ ? "、" : "");
  P(x, "。支出包括：");
  shown = 0;
  for (size_t i = 0; i < ncls; i++) {
    if (!qv(x, "exp;func=%s", cls[i])) continue;
    const char *nm = cat_name(x, YS_CLS_FUNC, cls[i]);
    P(x, "%s%s", shown++ ? "、" : "", nm ? nm : cls[i]);
  }
  P(x, "。%s %d 年收支预算总数 %s 万元", d, y, W(x, rev_all));
  chg(x, rev_all, "prev.total", "收支预算总数", "主要原因是", true);
  P(x, "。");

  H(x, 3, "%s", h.h[SH_1A]);
  {
    int64_t parts[YS_FUND_COUNT + 1];
    const char *labels[YS_FUND_COUNT + 1];
    size_t n = 0;
    if (carry) {
      parts[n] = carry;
      labels[n++] = "上年结转";
    }
    for (int f = YS_FUND_GPB; f < YS_FUND_COUNT; f++) {
      int64_t v = qv(x, "rev;period=cur;fund=%s", ys_fund_id((ys_fund)f));
      if (!v) continue;
      parts[n] = v;
      labels[n++] = rev_label[f];
    }
    int32_t bp[YS_FUND_COUNT + 1];
    P(x, "%s %d 年收入预算 %s 万元", d, y, W(x, rev_all));
    if (n && shares_printed(parts, n, bp) == 0) {
      P(x, "，其中：");
      for (size_t i = 0; i < n; i++)
        P(x, "%s%s %s 万元，占 %s", i ? "；" : "", labels[i], W(x, parts[i]),
          pct(x, bp[i]));
    }
    P(x, "。");
  }
  H(x, 3, "%s", h.h[SH_1B]);
  {
    static const char *const kl[] = {"",
                                     "基本支出",
                                     "项目支出",
                                     "上缴上级支出",
                                     "事业单位经营支出",
                                     "对附属单位补助支出"};
    static const char *const kid[] = {"",      "basic",     "project",
                                      "upper", "operation", "subsidy"};
    int64_t parts[7];
    const char *labels[7];
    size_t n = 0;
    for (int k = 1; k <= 5; k++) {
      int64_t v = qv(x, "exp;kind=%s", kid[k]);
      if (!v && k > 2) continue;
      parts[n] = v;
      labels[n++] = kl[k];
    }
    int64_t cn = carry_next(x);
    if (cn > 0) {
      parts[n] = cn;
      labels[n++] = "结转下年";
    }
    int32_t bp[7];
    P(x, "%s %d 年支出预算 %s 万元", d, y, W(x, exp_all + (cn > 0 ? cn : 0)));
    if (shares_printed(parts, n, bp) == 0) {
      P(x, "，其中：");
      for (size_t i = 0; i < n; i++)
        P(x, "%s%s %s 万元，占 %s", i ? "；" : "", labels[i], W(x, parts[i]),
          pct(x, bp[i]));
    }
    P(x, "。");
  }
}

/* The section 二、财政拨款收支预算. */
static void sichuan_fiscal(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  int64_t rev_all = sp->rev_all;
  const char **cls = sp->cls;
  size_t ncls = sp->ncls;
  H(x, 2, "%s", h.h[SH_2]);
  int64_t fiscal = qv(x, "rev;fund=fiscal");
  P(x, "%s %d 年财政拨款收支预算总数 %s 万元", d, y, W(x, fiscal));
  if (fiscal == rev_all)
    chg(x, fiscal, "prev.total", "财政拨款收支预算总数", "主要原因是", true);
  P(x, "。收入包括：");
  int shown = 0;
  for (int f = YS_FUND_GPB; f <= YS_FUND_SOC; f++) {
    const char *id = ys_fund_id((ys_fund)f);
    int64_t c = qv(x, "rev;period=cur;fund=%s", id);
    int64_t k = qv(x, "rev;period=carry;fund=%s", id);
    if (c || f == YS_FUND_GPB)
      P(x, "%s本年%s %s 万元", shown++ ? "、" : "", rev_label[f], W(x, c));
    if (k) P(x, "、上年结转%s %s 万元", rev_label[f], W(x, k));
  }
  P(x, "。支出包括：");
  shown = 0;
  for (size_t i = 0; i < ncls; i++) {
    int64_t v = qv(x, "exp;fund=fiscal;func=%s", cls[i]);
    if (!v) continue;
    const char *nm = cat_name(x, YS_CLS_FUNC, cls[i]);
    P(x, "%s%s（%s）%s 万元", shown++ ? "、" : "", nm ? nm : "", cls[i],
      W(x, v));
  }
  if (!shown) P(x, "无");
  P(x, "。");
}

/* The section 三、一般公共预算当年拨款. */
static void sichuan_gpb(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  int64_t gcur = sp->gcur;
  H(x, 2, "%s", h.h[SH_3]);
  H(x, 3, "%s", h.h[SH_3A]);
  P(x, "%s %d 年一般公共预算当年拨款 %s 万元", d, y, W(x, gcur));
  chg(x, gcur, "prev.gpb", "一般公共预算当年拨款", "主要原因是", true);
  P(x, "。");
  H(x, 3, "%s", h.h[SH_3B]);
  if (!gpb_by_class(x, "")) P(x, "%s %d 年没有一般公共预算当年拨款。", d, y);
  H(x, 3, "%s", h.h[SH_3C]);
  {
    const char **gc;
    size_t n = codes_of(x, "exp;fund=gpb;period=cur", YS_CLS_FUNC, 7, &gc);
    int k = 0;
    for (size_t i = 0; i < n; i++) {
      int64_t v = qv(x, "exp;fund=gpb;period=cur;func=%s", gc[i]);
      if (!v) continue;
      const char *pu = purpose_of(x, gc[i]);
      P(x, "%d. %s（%s）%d 年预算数为 %s 万元", ++k, func_path(x, gc[i], true),
        gc[i], y, W(x, v));
      if (pu) P(x, "，主要用于：%s", pu);
      P(x, "。");
      endp(x);
    }
  }
}

/* The section 四、一般公共预算基本支出. */
static void sichuan_basic(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  H(x, 2, "%s", h.h[SH_4]);
  {
    int64_t b = qv(x, "exp;fund=gpb;kind=basic");
    int64_t pe = qv(x, "exp;fund=gpb;kind=basic;nature=personnel");
    int64_t pu = qv(x, "exp;fund=gpb;kind=basic;nature=public");
    const char *pen = econ_names(x, "exp;fund=gpb;kind=basic;nature=personnel");
    const char *pun = econ_names(x, "exp;fund=gpb;kind=basic;nature=public");
    P(x, "%s %d 年一般公共预算基本支出 %s 万元，其中：人员经费 %s 万元", d, y,
      W(x, b), W(x, pe));
    if (pen && *pen) P(x, "，主要包括：%s等支出", pen);
    P(x, "。");
    endp(x);
    P(x, "公用经费 %s 万元", W(x, pu));
    if (pun && *pun) P(x, "，主要包括：%s等支出", pun);
    P(x, "。");
  }
}

/* The section 五、“三公”经费. */
static void sichuan_sangong(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  H(x, 2, "%s", h.h[SH_5]);
  {
    const sangong s = sangong_of(x, "fund=fiscal");
    P(x,
      "%s %d 年“三公”经费财政拨款预算数 %s 万元，其中：因公出国（境）费 %s "
      "万元，公务接待费 %s 万元，公务用车购置及运行维护费 %s 万元。",
      d, y, W(x, s.total), W(x, s.abroad), W(x, s.reception),
      W(x, s.vop + s.vbuy));
    int64_t prev;
    if (sangong_prev(x, &prev)) {
      P(x, "“三公”经费预算数");
      x->chg_lead = "";
      sangong_total_chg(x, s.total);
      P(x, "。");
    }
    int k = 0;
    fval pa = fact_get(x, "prev.sangong.abroad");
    if (s.abroad || (pa.found && pa.fen)) {
      H(x, 3, "（%s）因公出国（境）费", cn_num(x, ++k));
      P(x, "%d 年因公出国（境）费预算 %s 万元", y, W(x, s.abroad));
      chg(x, s.abroad, "prev.sangong.abroad", "因公出国（境）费", "主要原因是",
          true);
      P(x, "。");
    }
    H(x, 3, "（%s）公务接待费", cn_num(x, ++k));
    P(x, "%d 年公务接待费预算 %s 万元", y, W(x, s.reception));
    chg(x, s.reception, "prev.sangong.reception", "公务接待费", "主要原因是",
        true);
    P(x, "。");
    H(x, 3, "（%s）公务用车购置及运行维护费", cn_num(x, ++k));
    P(x,
      "%d 年公务用车购置及运行维护费预算 %s 万元，其中：公务用车购置费 %s 万元",
      y, W(x, s.vop + s.vbuy), W(x, s.vbuy));
    chg(x, s.vbuy, "prev.sangong.vehicle_purchase", "公务用车购置费",
        "主要原因是", true);
    P(x, "；公务用车运行维护费 %s 万元", W(x, s.vop));
    chg(x, s.vop, "prev.sangong.vehicle_operation", "公务用车运行维护费",
        "主要原因是", true);
    P(x, "。");
    const char *veh = fact_count(x, "assets.vehicles");
    if (veh) P(x, "截至 %d 年底，%s共有公务用车 %s 辆。", y - 1, d, veh);
    if (meeting_relevant(x, &s)) {
      H(x, 3, "（%s）会议费和培训费", cn_num(x, ++k));
      P(x, "%d 年会议费预算 %s 万元", y, W(x, s.meeting));
      chg(x, s.meeting, "prev.meeting", "会议费", "主要原因是", true);
      P(x, "；培训费预算 %s 万元", W(x, s.training));
      chg(x, s.training, "prev.training", "培训费", "主要原因是", true);
      P(x, "。");
    }
  }
}

/* The section 六、政府性基金 and 七、国有资本经营预算. */
static void sichuan_funds(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  H(x, 2, "%s", h.h[SH_6]);
  int64_t gf = qv(x, "exp;fund=govfund");
  if (!gf)
    P(x, "%s %d 年没有使用政府性基金预算拨款安排的支出。", d, y);
  else {
    P(x, "%s %d 年政府性基金预算拨款安排的支出 %s 万元，其中：", d, y,
      W(x, gf));
    func_items_inline(x, "exp;fund=govfund");
    P(x, "。");
  }
  H(x, 2, "%s", h.h[SH_7]);
  int64_t so = qv(x, "exp;fund=soc");
  if (!so)
    P(x, "%s %d 年没有使用国有资本经营预算拨款安排的支出。", d, y);
  else {
    P(x, "%s %d 年国有资本经营预算拨款安排的支出 %s 万元，其中：", d, y,
      W(x, so));
    func_items_inline(x, "exp;fund=soc");
    P(x, "。");
  }
}

/* The section 八、其他重要事项, and the 名词解释. */
static void sichuan_other(ex *x, const sichuan *sp) {
  const char *d = sp->d;
  int y = sp->y;
  const heads h = sp->h;
  bool sc = sp->sc;
  H(x, 2, "%s", h.h[SH_8]);
  H(x, 3, "%s", h.h[SH_8A]);
  {
    admin ad = admin_of(x);
    if (!ad.n) {
      P(x, "%s所属单位均为事业单位，没有机关运行经费。", d);
    } else {
      P(x, "%d 年，%s下属%s %zu 家行政单位的机关运行经费财政拨款预算为 %s 万元",
        y, d, ad.names, ad.n, W(x, ad.amount));
      admin_chg(x, &ad, "主要原因是");
      P(x, "。");
    }
  }
  H(x, 3, "%s", h.h[SH_8B]);
  procurement_para(x, aprintf(x, "%d 年，%s", y, d));
  H(x, 3, "%s", h.h[SH_8C]);
  assets_para(x, aprintf(x, "截至 %d 年底，%s", y - 1, d),
              aprintf(x, "%d 年部门预算", y));
  H(x, 3, "%s", h.h[SH_8D]);
  {
    projstat ps = project_stats(x, true);
    P(x, "%d 年%s开展绩效目标管理的项目 %zu 个，涉及预算 %s 万元", y, d,
      ps.with_targets, W(x, ps.amount_targets));
    /* by category, in order of first appearance */
    const char *seen[64];
    size_t nseen = 0;
    for (size_t i = 0; i < x->ds->n_projects && nseen < 64; i++) {
      const ys_project *p = &x->ds->projects[i];
      if (!p->category[0] || !project_has_targets(x, p->code)) continue;
      bool dup = false;
      for (size_t j = 0; j < nseen && !dup; j++)
        dup = !strcmp(seen[j], p->category);
      if (!dup) seen[nseen++] = p->category;
    }
    for (size_t j = 0; j < nseen; j++) {
      size_t cnt = 0;
      int64_t amt = 0;
      for (size_t i = 0; i < x->ds->n_projects; i++) {
        const ys_project *p = &x->ds->projects[i];
        if (strcmp(p->category, seen[j]) || !project_has_targets(x, p->code))
          continue;
        int64_t v = qv(x, "exp;project=%s", p->code);
        if (!v) continue;
        cnt++;
        amt += v;
      }
      if (!cnt) continue;
      P(x, "%s%s项目 %zu 个，涉及预算 %s 万元", j ? "；" : "。其中：", seen[j],
        cnt, W(x, amt));
    }
    P(x, "。");
  }

  H(x, sc ? 1 : 2, "%s", h.h[SH_GLOSS]);
  glossary(x, 1, true, true);
}

/* The narrative of Sichuan and of the national profile: its headings, then
 * its sections in order. */
static void plan_sichuan(ex *x) {
  sichuan p;
  memset(&p, 0, sizeof p);
  bool sc = p.sc = x->fam == FAM_SICHUAN;
  p.d = x->subj;
  int y = p.y = x->year;
  /* the headings: Sichuan's own, else the national ones; then those both
   * print alike */
  static const char *const own[2][SH_COUNT] = {
      [0] = {[SH_1] = "一、收支预算总体情况",
             [SH_2] = "二、财政拨款收支预算总体情况",
             [SH_3] = "三、一般公共预算当年拨款支出情况",
             [SH_4] = "四、一般公共预算基本支出情况",
             [SH_5] = "五、一般公共预算“三公”经费预算情况",
             [SH_6] = "六、政府性基金预算支出情况",
             [SH_7] = "七、国有资本经营预算支出情况",
             [SH_8A] = "（一）机关运行经费",
             [SH_8D] = "（四）预算绩效管理情况",
             [SH_GLOSS] = "九、名词解释"},
      [1] = {[SH_1] = "一、收支预算情况说明",
             [SH_2] = "二、财政拨款收支预算情况说明",
             [SH_3] = "三、一般公共预算当年拨款情况说明",
             [SH_4] = "四、一般公共预算基本支出情况说明",
             [SH_5] = "五、“三公”经费财政拨款预算安排情况说明",
             [SH_6] = "六、政府性基金预算支出情况说明",
             [SH_7] = "七、国有资本经营预算支出情况",
             [SH_8A] = "（一）机关运行经费情况",
             [SH_8D] = "（四）预算绩效情况",
             [SH_GLOSS] = "第四部分 名词解释"}};
  static const char *const both[SH_COUNT] = {
      [SH_1A] = "（一）收入预算情况",
      [SH_1B] = "（二）支出预算情况",
      [SH_3A] = "（一）一般公共预算当年拨款规模变化情况",
      [SH_3B] = "（二）一般公共预算当年拨款结构情况",
      [SH_3C] = "（三）一般公共预算当年拨款具体使用情况",
      [SH_8] = "八、其他重要事项的情况说明",
      [SH_8B] = "（二）政府采购情况",
      [SH_8C] = "（三）国有资产占有使用情况"};
  for (int k = 0; k < SH_COUNT; k++)
    p.h.h[k] = own[sc][k] ? own[sc][k] : both[k];
  p.h.h[SH_TITLE] =
      sc ? aprintf(x, "第三部分 %s %d 年部门预算情况说明", x->ds->dept_name, y)
         : aprintf(x, "%s %d 年部门预算情况说明", x->ds->dept_name, y);

  p.rev_all = qv(x, "rev");
  p.exp_all = qv(x, "exp");
  p.gcur = qv(x, "exp;fund=gpb;period=cur");
  p.ncls = codes_of(x, "exp", YS_CLS_FUNC, 3, &p.cls);

  H(x, 1, "%s", p.h.h[SH_TITLE]);
  sichuan_totals(x, &p);
  sichuan_fiscal(x, &p);
  sichuan_gpb(x, &p);
  sichuan_basic(x, &p);
  sichuan_sangong(x, &p);
  sichuan_funds(x, &p);
  sichuan_other(x, &p);
}

/* ---------------------------------------------------------------------- */
/* Hebei (seed 004)                                                        */

/* The section 二、部门预算安排的总体情况. */
static void hebei_overall(ex *x, const char *d, int y) {
  H(x, 2, "二、部门预算安排的总体情况");
  P(x,
    "按照预算管理有关规定，部门预算的编制实行综合预算管理，即全部收入和支出"
    "都反映在预算中。%s所属 %zu 个预算单位的收支均包含在部门预算中。",
    d, x->ds->n_units);
  H(x, 3, "1.收入说明");
  int64_t rev_all = qv(x, "rev");
  P(x,
    "反映本部门当年全部收入。%d 年预算收入 %s 万元，其中：一般公共预算收入 "
    "%s 万元，基金预算收入 %s 万元，国有资本经营预算收入 %s 万元，财政专户"
    "核拨收入 %s 万元，其他来源收入 %s 万元",
    y, W(x, rev_all), W(x, qv(x, "rev;period=cur;fund=gpb")),
    W(x, qv(x, "rev;period=cur;fund=govfund")),
    W(x, qv(x, "rev;period=cur;fund=soc")),
    W(x, qv(x, "rev;period=cur;fund=special")),
    W(x, qv(x, "rev;period=cur;fund=business|operation|upper|subord|reserve|"
               "other")));
  int64_t carry = qv(x, "rev;period=carry");
  if (carry) P(x, "，上年结转 %s 万元", W(x, carry));
  P(x, "。");

  H(x, 3, "2.支出说明");
  int64_t exp_all = qv(x, "exp");
  P(x,
    "%d 年部门支出预算为 %s 万元，其中基本支出 %s 万元，包括人员经费 %s 万元和"
    "日常公用经费 %s 万元；项目支出 %s 万元",
    y, W(x, exp_all), W(x, qv(x, "exp;kind=basic")),
    W(x, qv(x, "exp;kind=basic;nature=personnel")),
    W(x, qv(x, "exp;kind=basic;nature=public")),
    W(x, qv(x, "exp;kind=project")));
  {
    /* The largest projects (at most five), largest first. */
    enum { TOP = 5 };
    size_t top[TOP], ntop = 0;
    int64_t amt[TOP];
    for (size_t i = 0; i < x->ds->n_projects; i++) {
      int64_t v = qv(x, "exp;project=%s", x->ds->projects[i].code);
      if (v <= 0) continue;
      size_t at = ntop;
      while (at > 0 && amt[at - 1] < v) at--;
      if (at >= TOP) continue;
      if (ntop < TOP) ntop++;
      for (size_t j = ntop - 1; j > at; j--) {
        top[j] = top[j - 1];
        amt[j] = amt[j - 1];
      }
      top[at] = i;
      amt[at] = v;
    }
    for (size_t j = 0; j < ntop; j++)
      P(x, "%s%s", j ? "、" : "，主要为", x->ds->projects[top[j]].name);
    if (ntop) P(x, "等支出");
  }
  static const char *const kl[] = {"上缴上级支出", "事业单位经营支出",
                                   "对附属单位补助支出"};
  static const char *const kid[] = {"upper", "operation", "subsidy"};
  for (int k = 0; k < 3; k++) {
    int64_t v = qv(x, "exp;kind=%s", kid[k]);
    if (v) P(x, "；%s %s 万元", kl[k], W(x, v));
  }
  P(x, "。");

  H(x, 3, "3.比上年增减情况");
  P(x, "%d 年，部门预算收支安排 %s 万元", y, W(x, rev_all));
  chg(x, rev_all, "prev.total", "部门预算收支", "主要原因是", true);
  P(x, "。");

  H(x, 3, "4.一般公共预算当年拨款情况");
  int64_t gcur = qv(x, "exp;fund=gpb;period=cur");
  P(x, "%d 年一般公共预算当年拨款 %s 万元", y, W(x, gcur));
  chg(x, gcur, "prev.gpb", "一般公共预算当年拨款", "主要原因是", true);
  P(x, "。");
  gpb_by_class(x, "按支出功能分类科目：");
  endp(x);
  {
    const char **gc;
    size_t n = codes_of(x, "exp;fund=gpb;period=cur", YS_CLS_FUNC, 7, &gc);
    int k = 0;
    for (size_t i = 0; i < n; i++) {
      int64_t v = qv(x, "exp;fund=gpb;period=cur;func=%s", gc[i]);
      if (!v) continue;
      const char *nm = cat_name(x, YS_CLS_FUNC, gc[i]);
      const char *pu = purpose_of(x, gc[i]);
      P(x, "（%d）%s（%s）%s 万元", ++k, nm ? nm : "", gc[i], W(x, v));
      if (pu) P(x, "，主要用于%s", pu);
      P(x, "。");
      endp(x);
    }
  }
}

/* The section 三、机关运行经费. */
static void hebei_running(ex *x, const char *d, int y) {
  H(x, 2, "三、机关运行经费安排情况");
  {
    admin ad = admin_of(x);
    if (!ad.n) {
      P(x, "%s所属单位均为事业单位，没有机关运行经费。", d);
    } else {
      if (ad.n == ad.n_all)
        P(x, "%d 年，我部门机关运行经费共计安排 %s 万元", y, W(x, ad.amount));
      else /* the 行政 units' figure, not the department's 公用经费 */
        P(x, "%d 年，我部门所属 %zu 家行政单位的机关运行经费共计安排 %s 万元",
          y, ad.n, W(x, ad.amount));
      admin_chg(x, &ad, "主要原因是");
      const char *names =
          econ_names(x, "exp;fund=fiscal;kind=basic;nature=public");
      if (names && *names) P(x, "，主要用于保证机关正常运转的%s等支出", names);
      P(x, "。");
    }
  }
}

/* The section 四、“三公”经费. */
static void hebei_sangong(ex *x, int y) {
  H(x, 2, "四、财政拨款“三公”经费预算情况及增减变化原因");
  {
    const sangong s = sangong_of(x, "fund=fiscal");
    P(x,
      "%d 年，我部门财政拨款“三公”经费预算安排 %s 万元，其中：因公出国（境）费 "
      "%s 万元；公务用车购置及运维费 %s 万元（其中：公务用车运行维护费 %s "
      "万元，"
      "公务用车购置费 %s 万元）；公务接待费 %s 万元",
      y, W(x, s.total), W(x, s.abroad), W(x, s.vop + s.vbuy), W(x, s.vop),
      W(x, s.vbuy), W(x, s.reception));
    P(x, "。");
    int64_t prev;
    if (sangong_prev(x, &prev)) {
      P(x, "“三公”经费");
      x->chg_lead = "";
      sangong_total_chg(x, s.total);
      P(x, "。");
    }
    static const char *const keys[] = {
        "prev.sangong.abroad", "prev.sangong.vehicle_operation",
        "prev.sangong.vehicle_purchase", "prev.sangong.reception"};
    static const char *const names[] = {"因公出国（境）费",
                                        "公务用车运行维护费", "公务用车购置费",
                                        "公务接待费"};
    const int64_t cur[] = {s.abroad, s.vop, s.vbuy, s.reception};
    bool first = true;
    for (int i = 0; i < 4; i++) {
      fval f = fact_get(x, keys[i]);
      if (!f.found) {
        warn_key(
            x, keys[i], 0,
            "facts.csv 中没有 %s（%s的上年数）：情况说明未写与上年相比的增减",
            keys[i], names[i]);
        continue;
      }
      if (f.fen == cur[i]) continue;
      P(x, "%s%s %s 万元", first ? "其中，" : "", names[i], W(x, cur[i]));
      first = false;
      chg_v(x, cur[i], f.fen, f.reason, keys[i], f.line, names[i],
            "主要原因是");
      P(x, "。");
    }
    if (meeting_relevant(x, &s)) {
      endp(x);
      P(x, "%d 年会议费预算 %s 万元", y, W(x, s.meeting));
      chg(x, s.meeting, "prev.meeting", "会议费", "主要原因是", true);
      P(x, "；培训费预算 %s 万元", W(x, s.training));
      chg(x, s.training, "prev.training", "培训费", "主要原因是", true);
      P(x, "。");
    }
  }
}

/* The section 五、预算绩效信息. */
static void hebei_targets(ex *x, const char *d, int y) {
  H(x, 2, "五、预算绩效信息");
  {
    projstat ps = project_stats(x, true);
    P(x, "%d 年%s实行绩效目标管理的项目 %zu 个，涉及预算 %s 万元。", y, d,
      ps.with_targets, W(x, ps.amount_targets));
    const char *goal = fact_text(x, "dept.goal", NULL);
    bool tasks = ys_dataset_fact(x->ds, "dept.task.1.name") != NULL;
    if (goal || tasks) {
      H(x, 3, "（一）部门整体绩效目标");
      if (goal) {
        for (const char *p = goal; *p;) {
          size_t l = strcspn(p, "\n");
          if (l) P(x, "%.*s", (int)l, p);
          endp(x);
          p += l + (p[l] == '\n');
        }
      }
      for (int k = 1; k < 100; k++) {
        const char *nm = fact_text(x, aprintf(x, "dept.task.%d.name", k), NULL);
        if (!nm) break;
        const char *ct =
            fact_text(x, aprintf(x, "dept.task.%d.content", k), NULL);
        size_t ln = strlen(nm);
        bool ends = ln >= 3 && strcmp(nm + ln - 3, "。") == 0;
        P(x, "年度主要任务%d：%s%s%s", k, nm, ct && !ends ? "。" : "",
          ct ? ct : "");
        stop(x);
        endp(x);
      }
    }
    size_t k = 0;
    for (size_t i = 0; i < x->ds->n_projects; i++) {
      const ys_project *p = &x->ds->projects[i];
      int64_t v = qv(x, "exp;project=%s", p->code);
      if (!v || !project_has_targets(x, p->code)) continue;
      if (!k) H(x, 3, "（%s）预算项目绩效目标", goal || tasks ? "二" : "一");
      P(x, "%zu、%s（%s 万元）", ++k, p->name, W(x, v));
      if (p->goal[0]) {
        P(x, "：");
        for (const char *q = p->goal; *q;) {
          size_t l = strcspn(q, "\n");
          P(x, "%.*s", (int)l, q);
          q += l;
          if (*q == '\n') {
            q++;
            const char *end =
                x->para.len >= 3 ? x->para.s + x->para.len - 3 : "";
            if (*q && strcmp(end, "。") && strcmp(end, "；")) P(x, "；");
          }
        }
      }
      stop(x);
      endp(x);
    }
  }
}

/* The section 六、政府采购, 七、国有资产 and 八、名词解释. */
static void hebei_rest(ex *x, const char *d, int y) {
  H(x, 2, "六、政府采购预算情况");
  procurement_para(x, aprintf(x, "%d 年，%s", y, d));

  H(x, 2, "七、国有资产信息");
  assets_para(x, aprintf(x, "截至 %d 年底，%s（含所属单位）", y - 1, d),
              "本年度");

  H(x, 2, "八、名词解释");
  glossary(x, 2, false, false);
}

/* The Hebei narrative: its opening, then its sections in order. */
static void plan_hebei(ex *x) {
  const char *d = x->ds->dept_name;
  int y = x->year;
  H(x, 1, "%s %d 年部门预算信息公开情况说明", d, y);
  P(x,
    "按照《预算法》、《地方预决算公开操作规程》和《关于进一步推进预算公开工作"
    "的实施意见》规定，现将%s %d 年部门预算公开如下：",
    d, y);

  hebei_overall(x, d, y);
  hebei_running(x, d, y);
  hebei_sangong(x, y);
  hebei_targets(x, d, y);
  hebei_rest(x, d, y);
}

/* ---------------------------------------------------------------------- */
/* Rendering                                                               */

static void put_escaped(ys_buf *b, const char *s, bool html) {
  for (const char *p = s; *p; p++) {
    const char *r = NULL;
    if (html) {
      if (*p == '<')
        r = "&lt;";
      else if (*p == '>')
        r = "&gt;";
      else if (*p == '&')
        r = "&amp;";
      else if (*p == '"')
        r = "&quot;";
    } else {
      /* Markdown: characters that would start emphasis, code, links or
       * HTML inside a paragraph. */
      static const char md[] = "\\`*_[]<>#|";
      if (strchr(md, *p)) {
        char e[3] = {'\\', *p, 0};
        ys_buf_puts(b, e);
        continue;
      }
    }
    if (r)
      ys_buf_puts(b, r);
    else
      ys_buf_putn(b, p, 1);
  }
}

static void render(ex *x, ys_buf *b, ys_explain_format fmt) {
  if (fmt == YS_EXPLAIN_HTML) {
    ys_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n<title>");
    put_escaped(b,
                aprintf(x, "%s %d 年%s情况说明", x->ds->dept_name, x->year,
                        x->ds->phase == YS_PHASE_FINAL ? "度决算" : "预算"),
                true);
    ys_buf_puts(b,
                "</title>\n<style>\nbody{font-family:\"SimSun\",\"Songti SC\","
                "serif;max-width:46em;margin:2em auto;line-height:1.8;"
                "padding:0 1em}\np{text-indent:2em;margin:.3em 0}\n"
                "h1{font-size:1.4em;text-align:center}h2{font-size:1.2em}"
                "h3,h4,h5{font-size:1em}\n</style>\n</head>\n<body>\n");
  }
  for (size_t i = 0; i < x->nb; i++) {
    const block *k = &x->blocks[i];
    int lv = k->level > 6 ? 6 : k->level;
    switch (fmt) {
    case YS_EXPLAIN_TXT:
      if (lv == 1 && i) ys_buf_puts(b, "\n");
      ys_buf_puts(b, k->text);
      ys_buf_puts(b, "\n");
      break;
    case YS_EXPLAIN_MD:
      if (i) ys_buf_puts(b, "\n");
      if (lv) {
        for (int j = 0; j < lv; j++) ys_buf_puts(b, "#");
        ys_buf_puts(b, " ");
      }
      put_escaped(b, k->text, false);
      ys_buf_puts(b, "\n");
      break;
    case YS_EXPLAIN_HTML: {
      char open[16], close[16];
      if (lv) {
        snprintf(open, sizeof open, "<h%d>", lv);
        snprintf(close, sizeof close, "</h%d>", lv);
      } else {
        snprintf(open, sizeof open, "<p>");
        snprintf(close, sizeof close, "</p>");
      }
      ys_buf_puts(b, open);
      put_escaped(b, k->text, true);
      ys_buf_puts(b, close);
      ys_buf_puts(b, "\n");
      break;
    }
    }
  }
  if (fmt == YS_EXPLAIN_HTML) ys_buf_puts(b, "</body>\n</html>\n");
}

/* ---------------------------------------------------------------------- */
/* 决算: the final accounts' narrative (情况说明), national sections     */

/* A difference between 决算 and its budget asks for a reason when the
 * displayed figures differ by more than this share of the budget (or when
 * money was spent without a budget): the reason comes from facts.csv
 * (reason.final, reason.final.CODE), is reported when missing and is never
 * written for the user. */
enum { FINAL_REASON_BP = 1000 };

/* x rounded as printed (万元, two decimals). */
static int64_t shown_w(int64_t fen) {
  return ys_money_round(fen, YS_UNIT_WANYUAN, 2);
}

/* Parts of a whole with their shares as printed: "lead A 万元，占 a%；…". */
static void parts_para(ex *x, const char *lead, const char *const *labels,
                       const int64_t *v, size_t n) {
  int64_t *keep = ys_arena_alloc(x->a, sizeof *keep * (n ? n : 1));
  int32_t *bp = ys_arena_alloc(x->a, sizeof *bp * (n ? n : 1));
  size_t *at = ys_arena_alloc(x->a, sizeof *at * (n ? n : 1));
  if (!keep || !bp || !at) {
    oom(x);
    return;
  }
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (v[i]) {
      keep[m] = v[i];
      at[m++] = i;
    }
  if (!m || shares_printed(keep, m, bp) != 0) return;
  P(x, "%s", lead);
  for (size_t i = 0; i < m; i++)
    P(x, "%s%s %s 万元，占 %s", i ? "；" : "", labels[at[i]], W(x, keep[i]),
      pct(x, bp[i]));
}

/* "本年收入合计 X 万元，其中：A 万元，占 a%；…。" as a paragraph. */
static void breakdown(ex *x, const char *what, int64_t total,
                      const char *const *labels, const int64_t *v, size_t n) {
  P(x, "%s %s 万元", what, W(x, total));
  parts_para(x, "，其中：", labels, v, n);
  P(x, "。");
  endp(x);
}

/* "决算数大于/小于<base>的主要原因：…" or "决算数与<base>持平", the reason
 * from the fact key; a difference above FINAL_REASON_BP without one is
 * reported and written without a reason. */
static void final_diff(ex *x, int64_t fin, int64_t bud, const char *base,
                       const char *key, const char *what) {
  int64_t f = shown_w(fin), b = shown_w(bud);
  if (f == b) {
    P(x, "决算数与%s持平。", base);
    return;
  }
  int line = 0;
  const char *r = clean_reason(x, fact_text(x, key, &line));
  int64_t d = f > b ? f - b : b - f;
  bool large = b <= 0 || d * 10000 > b * FINAL_REASON_BP;
  if (r)
    P(x, "决算数%s%s的主要原因：%s。", f > b ? "大于" : "小于", base, r);
  else if (large) {
    P(x, "决算数%s%s。", f > b ? "大于" : "小于", base);
    warn_key(x, key, line,
             "情况说明中%s决算数%s%s %s 万元，但没有写原因：请在 facts.csv "
             "的 %s 中写明原因（情况说明不会代为编写）",
             what, f > b ? "大于" : "小于", base, W(x, d), key);
  } else {
    P(x, "决算数%s%s。", f > b ? "大于" : "小于", base);
  }
}

/* "完成<base>的 r%" of the printed figures; false when the base is 0. */
static bool completion(ex *x, int64_t fin, int64_t bud, const char *base) {
  int64_t bp;
  if (ys_rate_bp(shown_w(fin), shown_w(bud), &bp) != 0) return false;
  P(x, "，完成%s的 %s", base, pct(x, bp));
  return true;
}

static void final_gpb_items(ex *x, bool adjusted) {
  const char *bq = adjusted ? "phase=adjusted" : "phase=budget";
  const char *base = adjusted ? "全年预算数" : "年初预算数";
  const char **codes;
  size_t n = codes_of(x, "exp;fund=gpb", YS_CLS_FUNC, 0, &codes);
  /* the 项 budgeted but not spent are listed too */
  const char **bcodes;
  size_t nb =
      codes_of(x, aprintf(x, "exp;fund=gpb;%s", bq), YS_CLS_FUNC, 0, &bcodes);
  const char **all = ys_arena_alloc(x->a, sizeof *all * (n + nb + 1));
  if (!all) {
    oom(x);
    return;
  }
  size_t m = 0, i = 0, j = 0;
  while (i < n || j < nb) {
    int c = i < n && j < nb ? strcmp(codes[i], bcodes[j]) : i < n ? -1 : 1;
    all[m++] = c <= 0 ? codes[i] : bcodes[j];
    if (c <= 0) i++;
    if (c >= 0) j++;
  }
  for (size_t k = 0, shown = 0; k < m; k++) {
    int64_t f = qv(x, "exp;fund=gpb;func=%s", all[k]);
    int64_t b = qv(x, "exp;fund=gpb;%s;func=%s", bq, all[k]);
    if (!f && !b) continue;
    P(x, "%zu、%s（%s）", ++shown, func_path(x, all[k], false), all[k]);
    const char *pu = purpose_of(x, all[k]);
    if (pu) P(x, "。主要用于：%s", pu);
    P(x, "。%s为 %s 万元，支出决算为 %s 万元",
      adjusted ? "全年预算" : "年初预算", W(x, b), W(x, f));
    completion(x, f, b, base);
    P(x, "。");
    final_diff(x, f, b, base, aprintf(x, "reason.final.%s", all[k]),
               func_path(x, all[k], false));
    endp(x);
  }
}

static void plan_final(ex *x) {
  const char *d = x->ds->dept_name;
  int y = x->year;
  H(x, 1, "%s %d 年度部门决算情况说明", d, y);

  /* 一、收入支出决算总体情况 */
  static const char *const rev_funds =
      "gpb|govfund|soc|upper|special|business|operation|subord|other";
  int64_t rin = qv(x, "rev;period=cur;fund=%s", rev_funds);
  int64_t reserve = qv(x, "rev;fund=reserve");
  int64_t opening = qv(x, "rev;period=carry;fund=%s", rev_funds);
  int64_t total = rin + reserve + opening;
  H(x, 2, "一、收入支出决算总体情况说明");
  P(x, "%s %d 年度收入、支出总计 %s 万元", x->subj, y, W(x, total));
  chg(x, total, "prev.total", "收入、支出总计", "主要原因是", true);
  P(x, "。");
  endp(x);

  /* 二、收入决算 */
  H(x, 2, "二、收入决算情况说明");
  static const char *const rl[] = {"财政拨款收入",     "上级补助收入",
                                   "事业收入",         "经营收入",
                                   "附属单位上缴收入", "其他收入"};
  int64_t rv[6] = {qv(x, "rev;period=cur;fund=fiscal"),
                   qv(x, "rev;period=cur;fund=upper"),
                   qv(x, "rev;period=cur;fund=special|business"),
                   qv(x, "rev;period=cur;fund=operation"),
                   qv(x, "rev;period=cur;fund=subord"),
                   qv(x, "rev;period=cur;fund=other")};
  breakdown(x, "本年收入合计", rin, rl, rv, 6);

  /* 三、支出决算 */
  H(x, 2, "三、支出决算情况说明");
  int64_t xall = qv(x, "exp");
  static const char *const kl[] = {"基本支出", "项目支出", "上缴上级支出",
                                   "经营支出", "对附属单位补助支出"};
  int64_t kv[5] = {qv(x, "exp;kind=basic"), qv(x, "exp;kind=project"),
                   qv(x, "exp;kind=upper"), qv(x, "exp;kind=operation"),
                   qv(x, "exp;kind=subsidy")};
  breakdown(x, "本年支出合计", xall, kl, kv, 5);

  /* 四、财政拨款收入支出决算总体情况 */
  H(x, 2, "四、财政拨款收入支出决算总体情况说明");
  int64_t ftotal = qv(x, "rev;fund=fiscal");
  P(x, "%s %d 年度财政拨款收入、支出总计 %s 万元", x->subj, y, W(x, ftotal));
  chg(x, ftotal, "prev.fiscal", "财政拨款收入、支出总计", "主要原因是", true);
  P(x, "。");
  endp(x);

  /* 五、一般公共预算财政拨款支出决算 */
  H(x, 2, "五、一般公共预算财政拨款支出决算情况说明");
  int64_t g = qv(x, "exp;fund=gpb");
  if (!g && !qv(x, "exp;fund=gpb;phase=adjusted|budget")) {
    P(x, "%s %d 年度无一般公共预算财政拨款支出。", x->subj, y);
    endp(x);
  } else {
    H(x, 3, "（一）一般公共预算财政拨款支出决算总体情况");
    P(x, "一般公共预算财政拨款支出 %s 万元", W(x, g));
    int64_t bp;
    if (ys_rate_bp(shown_w(g), shown_w(xall), &bp) == 0)
      P(x, "，占本年支出合计的 %s", pct(x, bp));
    chg(x, g, "prev.gpb", "一般公共预算财政拨款支出", "主要原因是", true);
    P(x, "。");
    endp(x);
    H(x, 3, "（二）一般公共预算财政拨款支出决算结构情况");
    const char **gc;
    size_t n = codes_of(x, "exp;fund=gpb", YS_CLS_FUNC, 3, &gc);
    int64_t *parts = ys_arena_alloc(x->a, sizeof *parts * (n ? n : 1));
    const char **names = ys_arena_alloc(x->a, sizeof *names * (n ? n : 1));
    if (!parts || !names) {
      oom(x);
      n = 0;
    }
    for (size_t i = 0; i < n; i++) {
      parts[i] = qv(x, "exp;fund=gpb;func=%s", gc[i]);
      const char *nm = cat_name(x, YS_CLS_FUNC, gc[i]);
      names[i] = aprintf(x, "%s（类）", nm ? nm : gc[i]);
    }
    P(x, "一般公共预算财政拨款支出 %s 万元，主要用于以下方面", W(x, g));
    parts_para(x, "：", names, parts, n);
    P(x, "。");
    endp(x);
    H(x, 3, "（三）一般公共预算财政拨款支出决算具体情况");
    int64_t b0 = qv(x, "exp;fund=gpb;phase=budget");
    int64_t b1 = qv(x, "exp;fund=gpb;phase=adjusted");
    bool adjusted = b1 != 0;
    P(x, "一般公共预算财政拨款支出年初预算为 %s 万元", W(x, b0));
    if (adjusted) P(x, "，全年预算为 %s 万元", W(x, b1));
    P(x, "，支出决算为 %s 万元", W(x, g));
    /* the rate's base is the one named: 年初预算 when there is one, else
     * the 全年预算 (a 年初预算 of 0 has no completion rate) */
    if (!completion(x, g, b0, "年初预算") && adjusted)
      completion(x, g, b1, "全年预算");
    P(x, "。");
    final_diff(x, g, adjusted ? b1 : b0, adjusted ? "全年预算数" : "年初预算数",
               "reason.final", "一般公共预算财政拨款支出");
    endp(x);
    final_gpb_items(x, adjusted);
  }

  /* 六、基本支出 */
  H(x, 2, "六、一般公共预算财政拨款基本支出决算情况说明");
  int64_t basic = qv(x, "exp;fund=gpb;kind=basic");
  int64_t pers = qv(x, "exp;fund=gpb;kind=basic;nature=personnel");
  int64_t pub = qv(x, "exp;fund=gpb;kind=basic;nature=public");
  P(x, "一般公共预算财政拨款基本支出 %s 万元", W(x, basic));
  if (basic) {
    P(x, "。其中：人员经费 %s 万元", W(x, pers));
    const char *pn = econ_names(x, "exp;fund=gpb;kind=basic;nature=personnel");
    if (pn && *pn) P(x, "，主要包括：%s", pn);
    P(x, "；公用经费 %s 万元", W(x, pub));
    const char *un = econ_names(x, "exp;fund=gpb;kind=basic;nature=public");
    if (un && *un) P(x, "，主要包括：%s", un);
  }
  P(x, "。");
  endp(x);

  /* 七、三公 */
  H(x, 2, "七、财政拨款“三公”经费支出决算情况说明");
  sangong s = sangong_of(x, "fund=fiscal");
  int64_t sb = qv(x, "exp;fund=fiscal;phase=adjusted;econ=30212|30217|30231|"
                     "31013");
  if (!s.total && !sb) {
    P(x, "%s %d 年度无“三公”经费财政拨款支出。", x->subj, y);
  } else {
    P(x, "%s %d 年度“三公”经费财政拨款支出预算为 %s 万元，支出决算为 %s 万元",
      x->subj, y, W(x, sb), W(x, s.total));
    completion(x, s.total, sb, "预算");
    P(x, "。");
    final_diff(x, s.total, sb, "预算数", "reason.sangong", "“三公”经费");
    endp(x);
    P(x, "因公出国（境）费支出决算为 %s 万元", W(x, s.abroad));
    const char *gr = fact_count(x, "sangong.abroad.groups");
    const char *pe = fact_count(x, "sangong.abroad.persons");
    if (gr && pe)
      P(x, "，全年安排因公出国（境）团组 %s 个，累计 %s 人次", gr, pe);
    P(x, "。公务用车购置费支出决算为 %s 万元", W(x, s.vbuy));
    const char *vp = fact_count(x, "sangong.vehicles.purchased");
    if (vp) P(x, "，购置公务用车 %s 辆", vp);
    P(x, "；公务用车运行维护费支出决算为 %s 万元", W(x, s.vop));
    const char *vh = fact_count(x, "sangong.vehicles.held");
    if (vh) P(x, "，年末公务用车保有量 %s 辆", vh);
    P(x, "。公务接待费支出决算为 %s 万元", W(x, s.reception));
    const char *rb = fact_count(x, "sangong.reception.batches");
    const char *rp = fact_count(x, "sangong.reception.persons");
    if (rb && rp) P(x, "，全年共接待 %s 批次、%s 人次", rb, rp);
    P(x, "。");
  }
  endp(x);

  /* 八、九: the other fiscal budgets */
  static const char *const fn[2] = {"政府性基金预算", "国有资本经营预算"};
  for (int k = 0; k < 2; k++) {
    const char *fid = ys_fund_id(k ? YS_FUND_SOC : YS_FUND_GOVFUND);
    H(x, 2, "%s、%s财政拨款收入支出决算情况说明", k ? "九" : "八", fn[k]);
    int64_t in = qv(x, "rev;period=cur;fund=%s", fid);
    int64_t out = qv(x, "exp;fund=%s", fid);
    if (!in && !out)
      P(x, "%s %d 年度无%s财政拨款收入和支出。", x->subj, y, fn[k]);
    else
      P(x, "%s %d 年度%s财政拨款收入 %s 万元，支出 %s 万元。", x->subj, y,
        fn[k], W(x, in), W(x, out));
    endp(x);
  }

  /* 十、绩效 */
  H(x, 2, "十、预算绩效管理情况");
  projstat ps = project_stats(x, true);
  P(x, "%d 年度%s编报绩效目标的项目 %zu 个，涉及金额 %s 万元。", y, x->subj,
    ps.with_targets, W(x, ps.amount_targets));
  endp(x);

  /* 十一、其他重要事项 */
  H(x, 2, "十一、其他重要事项的情况说明");
  H(x, 3, "（一）机关运行经费支出情况");
  fval rc = fact_get(x, "running_cost");
  int64_t run = rc.found ? rc.fen : admin_of(x).amount;
  P(x, "机关运行经费支出 %s 万元", W(x, run));
  chg(x, run, "prev.public", "机关运行经费", "主要原因是", false);
  P(x, "。");
  endp(x);
  H(x, 3, "（二）政府采购支出情况");
  int64_t part[3];
  bool split;
  int64_t pt = procurement_split(x, part, &split);
  P(x, "%s %d 年度政府采购支出总额 %s 万元", x->subj, y, W(x, pt));
  if (split && pt)
    P(x,
      "，其中：政府采购货物支出 %s 万元、政府采购工程支出 %s 万元、"
      "政府采购服务支出 %s 万元",
      W(x, part[0]), W(x, part[1]), W(x, part[2]));
  P(x, "。");
  endp(x);
  H(x, 3, "（三）国有资产占有使用情况");
  const char *v = fact_count(x, "assets.vehicles");
  const char *e = fact_count(x, "assets.equipment");
  if (!v)
    warn_key(x, "assets.vehicles", 0,
             "facts.csv 中没有 assets.vehicles：情况说明的国有资产部分"
             "缺少这个数");
  if (v || e) {
    P(x, "截至 %d 年 12 月 31 日，%s", y, x->subj);
    if (v) P(x, "共有车辆 %s 辆", v);
    if (e)
      P(x, "%s单价 100 万元（含）以上设备（不含车辆）%s 台（套）",
        v ? "；" : "", e);
    P(x, "。");
  }
  endp(x);
}

/* ---------------------------------------------------------------------- */

static int family_of(const char *name) {
  if (!name) return FAM_MOF;
  for (int k = 0; k < FAM_COUNT; k++)
    if (starts(name, family_id[k])) return k;
  return FAM_MOF;
}

int ys_explain(char **out, const ys_dataset *ds, const ys_catalog *cat,
               const ys_profile *profile, ys_explain_format fmt,
               ys_errors *errs) {
  if (!out) return YS_EUSAGE;
  *out = NULL;
  if (!ds || !cat || fmt < YS_EXPLAIN_TXT || fmt > YS_EXPLAIN_HTML)
    return YS_EUSAGE;
  ex x;
  memset(&x, 0, sizeof x);
  x.ds = ds;
  x.cat = cat;
  x.errs = errs;
  x.year = ds->year;
  x.a = ys_arena_new(0);
  if (!x.a) return YS_ENOMEM;
  const char *pn = profile ? ys_profile_name(profile) : ds->profile;
  x.fam = family_of(pn);
  x.running_fact = pn && starts(pn, "shanghai");
  const char *dir = ds->dir ? ds->dir : "";
  const char *sep = *dir && dir[strlen(dir) - 1] != '/' ? "/" : "";
  x.facts_file = aprintf(&x, "%s%sfacts.csv", dir, sep);
  x.targets_file = aprintf(&x, "%s%stargets.csv", dir, sep);
  switch (x.fam) {
  case FAM_SHAANXI:
    x.subj = "本单位";
    break;
  case FAM_SICHUAN:
  case FAM_HEBEI:
    x.subj = ds->dept_name;
    break;
  default:
    x.subj = "本部门";
  }
  int st = load_data(&x);
  if (st == YS_OK) {
    switch (ds->phase == YS_PHASE_FINAL ? -1 : x.fam) {
    case -1:
      plan_final(&x);
      break;
    case FAM_SHAANXI:
      plan_shaanxi(&x);
      break;
    case FAM_HEBEI:
      plan_hebei(&x);
      break;
    default:
      plan_sichuan(&x);
    }
    endp(&x);
    st = x.status;
  }
  if (st == YS_OK) {
    ys_buf b = {0};
    render(&x, &b, fmt);
    if (b.oom || x.status) {
      free(b.s);
      st = b.oom ? YS_ENOMEM : x.status;
    } else {
      *out = b.s ? b.s : calloc(1, 1);
      if (!*out) st = YS_ENOMEM;
    }
  }
  free(x.para.s);
  ys_arena_free(x.a);
  return st;
}
