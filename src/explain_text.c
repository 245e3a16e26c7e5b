/*
 * explain_text.c - the text builder of the narrative (情况说明): what every
 * plan writes with (explain_impl.h).
 *
 * Exact arithmetic first: shares by the largest remainder method in basis
 * points, growth rates rounded half up, the change sentence "较上年增加 Z
 * 万元，增长 w%" (ys_explain_change). Then the blocks a plan emits: headings
 * (H) and the paragraph being written (P, ex_stop, endp), in the ex's
 * arena; warnings naming the fact or file to fill in, once per key. Then
 * figures: quantities (qv) in 分 printed in 万元 (W), shares as printed,
 * facts (amounts, texts, counts), a change with its reason from the facts
 * (ex_chg, ex_chg_v); and the codes of the line items with their catalog
 * names, purposes and 类/款/项 paths.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explain_impl.h"
#include "yusuan/arena.h"
#include "yusuan/money.h"
#include "yusuan/quantity.h"
#include "yusuan/text.h"

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

/* ---------------------------------------------------------------------- */
/* Blocks and warnings                                                     */

void ex_oom(ex *x) {
  if (x->status == YS_OK) x->status = YS_ENOMEM;
}

const char *ex_adup(ex *x, const char *s) {
  char *d = ys_arena_strdup(x->a, s ? s : "");
  if (!d) ex_oom(x);
  return d ? d : "";
}

const char *aprintf(ex *x, const char *fmt, ...) {
  ys_buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  ys_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  const char *r = b.oom ? (ex_oom(x), "") : ex_adup(x, b.s ? b.s : "");
  free(b.s);
  return r;
}

static void add_block(ex *x, int level, const char *text) {
  block *nbk = ys_arena_reserve(x->a, x->blocks, x->nb, &x->capb, sizeof *nbk);
  if (!nbk) {
    ex_oom(x);
    return;
  }
  x->blocks = nbk;
  x->blocks[x->nb].level = level;
  x->blocks[x->nb].text = ex_adup(x, text);
  x->nb++;
}

/* Ends the paragraph being written (if any). */
void endp(ex *x) {
  if (x->para.oom) ex_oom(x);
  if (x->para.len) add_block(x, 0, x->para.s);
  x->para.len = 0;
  x->para.oom = false;
  if (x->para.s) x->para.s[0] = '\0';
}

/* Appends to the current paragraph. */
void P(ex *x, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ys_buf_vprintf(&x->para, fmt, ap);
  va_end(ap);
}

/* Ends the current sentence with "。" unless it already does. */
void ex_stop(ex *x) {
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
void H(ex *x, int level, const char *fmt, ...) {
  endp(x);
  ys_buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  ys_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  if (b.oom) ex_oom(x);
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
    ex_oom(x);
    return;
  }
  x->warned = w;
  x->warned[x->nwarned++] = ex_adup(x, key);
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  ys_errors_note(x->errs, YS_SEV_WARNING, file, line, 0, "%s", msg);
}

/* A warning about facts.csv (key: the fact to add or complete). */
void warn_key(ex *x, const char *key, int line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vwarn(x, x->facts_file, key, line, fmt, ap);
  va_end(ap);
}

/* A warning about another file of the dataset. */
void warn_file(ex *x, const char *file, const char *key, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vwarn(x, file, key, 0, fmt, ap);
  va_end(ap);
}

/* ---------------------------------------------------------------------- */
/* Figures                                                                 */

/* The value of a quantity (quantity.h), in 分. */
int64_t qv(ex *x, const char *fmt, ...) {
  char buf[600];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  ys_qexpr e;
  if (n < 0 || (size_t)n >= sizeof buf ||
      ys_qexpr_parse(&e, buf, x->a, NULL) != YS_OK) {
    if (x->status == YS_OK) x->status = YS_EINPUT;
    ys_errors_add(x->errs, YS_EINPUT, NULL, 0, 0,
                  "内部错误：情况说明的数量表达式“%s”无法解析", buf);
    return 0;
  }
  return ys_qexpr_eval(&e, x->ds);
}

/* An amount in 万元 with two decimals, e.g. "238.31". */
const char *W(ex *x, int64_t fen) {
  char buf[64];
  wan_format(buf, sizeof buf, fen);
  return ex_adup(x, buf);
}

/* Shares of the parts as printed (万元, two decimals): a reader dividing
 * the printed figures finds the printed shares (up to the one basis point
 * the largest remainder method moves to make the sum 100.00%). */
int shares_printed(const int64_t *parts, size_t n, int32_t *bp) {
  int64_t *r = calloc(n ? n : 1, sizeof *r);
  if (!r) return -1;
  for (size_t i = 0; i < n; i++)
    r[i] = ys_money_round(parts[i], YS_UNIT_WANYUAN, 2);
  int st = ys_shares_bp(r, n, bp);
  free(r);
  return st;
}

const char *ex_pct(ex *x, int64_t bp) {
  char buf[48];
  ys_bp_format(buf, sizeof buf, bp);
  return ex_adup(x, buf);
}

fval fact_get(ex *x, const char *key) {
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
const char *fact_text(ex *x, const char *key, int *line) {
  const ys_fact *f = ys_dataset_fact(x->ds, key);
  if (!f) return NULL;
  if (line) *line = f->line;
  if (f->value && f->value[0]) return f->value;
  return f->reason && f->reason[0] ? f->reason : NULL;
}

/* A count fact (staff, assets) as written; NULL when absent. */
const char *fact_count(ex *x, const char *key) {
  const ys_fact *f = ys_dataset_fact(x->ds, key);
  return f && f->value && f->value[0] ? f->value : NULL;
}

bool ex_starts(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

/* A reason as the sentence quotes it: without a leading "主要原因是" (the
 * sentence supplies it), white space and trailing punctuation. NULL when
 * nothing is left. */
const char *clean_reason(ex *x, const char *r) {
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
    if (n >= 3 && ex_starts(s, "　")) {
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
  if (!d) ex_oom(x);
  return d;
}

/*
 * Appends "，较上年…[，<rprefix>reason]" for cur against prev. A nonzero
 * change without a reason is written without one and reported, naming
 * reason_key (the fact whose reason is missing). what names the figure in
 * the message.
 */
void ex_chg_v(ex *x, int64_t cur, int64_t prev, const char *reason,
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
bool ex_chg(ex *x, int64_t cur, const char *key, const char *what,
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
  ex_chg_v(x, cur, f.fen, f.reason, key, f.line, what, rprefix);
  return true;
}

/* ---------------------------------------------------------------------- */
/* Codes and names                                                         */

const char *cat_name(ex *x, ys_cls cls, const char *code) {
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

size_t codes_of(ex *x, const char *filter, ys_cls cls, size_t len,
                const char ***out) {
  *out = NULL;
  ys_qexpr e;
  if (ys_qexpr_parse(&e, filter, x->a, NULL) != YS_OK || e.n != 1) return 0;
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
    ex_oom(x);
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
    ex_oom(x);
    return 0;
  }
  *out = v;
  return d;
}

const char *purpose_of(ex *x, const char *code) {
  for (size_t i = 0; i < x->npur; i++)
    if (strcmp(x->pur[i].code, code) == 0) return x->pur[i].text;
  return NULL;
}

/* "卫生健康（类）医疗保障管理事务（款）行政运行（项）"; the 类 loses its
 * trailing 支出 in the Sichuan / national style (short = true). */
const char *func_path(ex *x, const char *code, bool short_class) {
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
const char *cn_num(ex *x, int n) {
  static const char *const d[] = {"",   "一", "二", "三", "四",
                                  "五", "六", "七", "八", "九"};
  if (n <= 0 || n > 99) return aprintf(x, "%d", n);
  if (n < 10) return d[n];
  if (n == 10) return "十";
  if (n < 20) return aprintf(x, "十%s", d[n % 10]);
  return aprintf(x, "%s十%s", d[n / 10], d[n % 10]);
}

/* The names of the economic 款 of the items matching filter, "、"-joined. */
const char *econ_names(ex *x, const char *filter) {
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
  if (b.oom) ex_oom(x);
  const char *r = b.s ? ex_adup(x, b.s) : NULL;
  free(b.s);
  return r;
}
