/*
 * test_identities_final.c - the 决算 tables agree with each other, as
 * written to disk.
 *
 * The 决算 counterpart of test_identities.c: random final-accounts
 * datasets (units of both kinds, 一般公共预算, 政府性基金, 事业收入 and
 * 事业基金; 上年结转 money, 年末结转和结余, 结余分配, 全年预算 beside 决算)
 * and the bundled example are compiled into the Shanghai and the national
 * 决算 sets, in 万元 as published and in 元. A verifier reads the CSV files
 * back (tests/support/tablecsv.h, not compile's structures) and checks, on
 * the displayed cells, the identities of a 决算:
 *   - 收入支出决算总表: 本年收入合计 = Σ income rows; 收入总计 = 本年收入合计
 *     + 使用非财政拨款结余 + 年初结转和结余; 本年支出合计 = Σ classes; 支出总计
 *     = 本年支出合计 + 结余分配 + 年末结转和结余; the two 总计 equal;
 *   - 收入决算表 and 支出决算表: 合计 = Σ sources / kinds in every row, code
 *     trees (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项), their 合计 = the 总表's
 *     本年收入合计 / 本年支出合计;
 *   - 财政拨款收入支出决算总表: 合计 = Σ fund columns in every row; per fund
 *     年初 + 本年收入 = 本年支出 + 年末; the two 总计 equal; 本年收入合计 =
 *     收入决算表 财政拨款收入;
 *   - 一般公共预算财政拨款支出决算表: 合计 = 基本 + 项目, tree, 合计 = the
 *     总表's 一般公共预算 column; its 基本支出 = 人员经费合计 + 公用经费合计 of
 *     the 基本支出决算表, where 人员经费合计 = 301 + 303, 公用经费合计 = 302 +
 *     310 and each 类 = Σ its 款;
 *   - “三公” 决算表: 合计 = 出国 + 车 + 接待 and 车 = 购置 + 运行, for 预算数
 *     and for 决算数;
 *   - 政府性基金 (and Shanghai's 国有资本经营) 收入支出决算表: 年初 + 本年收入
 * = 本年支出 + 年末 and 本年支出 = 基本 + 项目 in every row. A sum of n printed
 * parts may be off by n + 1 half-units of the last digit (尾数误差). The
 * verifier proves it can fail on corrupted copies, and the checker must find no
 * error in any compiled output.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/compiled.h"
#include "support/tablecsv.h"
#include "yusuan/yusuan.h"

static ys_catalog *cat;
static ys_vocab *voc;
static const char *const sets[] = {"shanghai-final", "mof-final"};
enum { NSETS = 2 };
static ys_profile *prof[NSETS][2]; /* [set][0 万元 as built in, 1 元] */

/* --- reading ----------------------------------------------------------- */

typedef struct vf {
  int failures;
  const char *what; /* the output being verified */
} vf;

static void fail_at(vf *v, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (v->failures < 20) print_message("%s: %s\n", v->what, buf);
  v->failures++;
}

/* Table tNN of an output directory ("表_t01.csv", "表1_t01.csv"). */
static bool load_table(vf *v, const char *dir, const char *id, tc_table *t) {
  DIR *d = opendir(dir);
  if (!d) return false;
  char suffix[32], path[4096] = "";
  snprintf(suffix, sizeof suffix, "_%s.csv", id);
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t n = strlen(e->d_name), k = strlen(suffix);
    if (n > k && !strcmp(e->d_name + n - k, suffix))
      snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
  }
  closedir(d);
  char err[256];
  if (!*path || tc_load(t, path, err, sizeof err)) {
    fail_at(v, "%s: cannot read (%s)", id, *path ? err : "missing");
    return false;
  }
  return true;
}

/* The displayed amount of a cell (empty = 0); a cell that is not an
 * amount is a failure. */
static int64_t amt(vf *v, const tc_table *t, size_t row, int col) {
  int64_t fen = 0;
  if (row == (size_t)-1 || col < 0) {
    fail_at(v, "%s: missing row or column", t->title);
    return 0;
  }
  if (tc_amount(t, row, (size_t)col, &fen) < 0)
    fail_at(v, "%s line %d col %d: '%s' is not an amount", t->title,
            t->rows[row].line, col + 1, tc_cell(t, row, (size_t)col));
  return fen;
}

/* total = Σ parts[0..n), within n + 1 half-steps of the last digit. */
static void sum_is(vf *v, const tc_table *t, const char *what, int64_t total,
                   const int64_t *parts, int n) {
  int64_t s = 0;
  for (int i = 0; i < n; i++) s += parts[i];
  int64_t step = tc_step(t), d = total > s ? total - s : s - total;
  if (step > 1 ? 2 * d > step * (n + 1) : d != 0)
    fail_at(v, "%s: %s is %" PRId64 " 分, its parts add to %" PRId64 " 分",
            t->title, what, total, s);
}

static void equal_is(vf *v, const char *what, const tc_table *t, int64_t a,
                     int64_t b) {
  int64_t d = a > b ? a - b : b - a;
  if (tc_step(t) > 1 ? d > tc_step(t) : d != 0)
    fail_at(v, "%s: %" PRId64 " 分 against %" PRId64 " 分", what, a, b);
}

static size_t row_of(const tc_table *t, int col, const char *label,
                     size_t from) {
  return tc_row_by_label(t, (size_t)col, label, from);
}

/* Code trees of a grid with the code in column 0 and amounts in cols:
 * 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项. */
static void tree_is(vf *v, const tc_table *t, const int *cols, int ncols,
                    size_t total_row) {
  for (int k = 0; k < ncols; k++) {
    int64_t parts[256];
    int n = 0;
    for (size_t i = t->nheader; i < t->nrows && n < 256; i++)
      if (strlen(tc_cell(t, i, 0)) == 3) parts[n++] = amt(v, t, i, cols[k]);
    if (total_row != (size_t)-1)
      sum_is(v, t, "合计 = Σ 类", amt(v, t, total_row, cols[k]), parts, n);
    for (size_t i = t->nheader; i < t->nrows; i++) {
      const char *code = tc_cell(t, i, 0);
      size_t cl = strlen(code);
      if (cl != 3 && cl != 5) continue;
      n = 0;
      for (size_t j = i + 1; j < t->nrows && n < 256; j++) {
        const char *c2 = tc_cell(t, j, 0);
        if (strncmp(c2, code, cl)) break;
        if (strlen(c2) == cl + 2) parts[n++] = amt(v, t, j, cols[k]);
      }
      if (n) sum_is(v, t, code, amt(v, t, i, cols[k]), parts, n);
    }
  }
}

/* Every body row: cols[0] = Σ cols[1..n). */
static void rows_sum(vf *v, const tc_table *t, const int *cols, int n) {
  for (size_t i = t->nheader; i < t->nrows; i++) {
    int64_t parts[16];
    for (int k = 1; k < n; k++) parts[k - 1] = amt(v, t, i, cols[k]);
    sum_is(v, t, "row", amt(v, t, i, cols[0]), parts, n - 1);
  }
}

/* A table by function (收入决算表, 支出决算表): its first column, named
 * labels[0], is the sum of the others in every row; code trees; its 合计
 * equals the 总表's figure. Returns the 合计 row; cols gets the columns. */
static size_t by_function(vf *v, const tc_table *t, const char *const *labels,
                          int n, int *cols, int64_t total, const char *what) {
  for (int k = 0; k < n; k++) cols[k] = tc_col(t, labels[k]);
  rows_sum(v, t, cols, n);
  size_t tot = row_of(t, 1, "合计", t->nheader);
  tree_is(v, t, cols, n, tot);
  equal_is(v, what, t, amt(v, t, tot, cols[0]), total);
  return tot;
}

/* --- the verifier ------------------------------------------------------ */

static const char *const income_rows[] = {"一、一般公共预算财政拨款收入",
                                          "二、政府性基金预算财政拨款收入",
                                          "三、国有资本经营预算财政拨款收入",
                                          "四、上级补助收入",
                                          "五、事业收入",
                                          "六、经营收入",
                                          "七、附属单位上缴收入",
                                          "八、其他收入"};
static const char *const fund_rows[] = {"一、一般公共预算财政拨款",
                                        "二、政府性基金预算财政拨款",
                                        "三、国有资本经营预算财政拨款"};

static int verify(const char *dir, bool national) {
  vf v = {0, dir};
  tc_table t[10];
  memset(t, 0, sizeof t);
  static const char *const ids[] = {"t01", "t02", "t03", "t04", "t05",
                                    "t06", "t07", "t08", "t09"};
  for (int i = 0; i < 9; i++)
    if (!load_table(&v, dir, ids[i], &t[i])) goto done;

  /* 收入支出决算总表 */
  tc_table *a = &t[0];
  int64_t inc[8], inc_total, exp_total;
  for (int i = 0; i < 8; i++)
    inc[i] = amt(&v, a, row_of(a, 0, income_rows[i], 0), 1);
  size_t r_inc = row_of(a, 0, "本年收入合计", 0);
  inc_total = amt(&v, a, r_inc, 1);
  sum_is(&v, a, "本年收入合计", inc_total, inc, 8);
  int64_t ip[3] = {inc_total,
                   amt(&v, a, row_of(a, 0, "使用非财政拨款结余", 0), 1),
                   amt(&v, a, row_of(a, 0, "年初结转和结余", 0), 1)};
  int64_t inc_grand = amt(&v, a, row_of(a, 0, "总计", 0), 1);
  sum_is(&v, a, "收入总计", inc_grand, ip, 3);
  int64_t cls[64];
  int nc = 0;
  size_t r_exp = row_of(a, 2, "本年支出合计", 0);
  for (size_t i = a->nheader; i < r_exp && nc < 64; i++)
    if (*tc_cell(a, i, 2)) cls[nc++] = amt(&v, a, i, 3);
  exp_total = amt(&v, a, r_exp, 3);
  sum_is(&v, a, "本年支出合计", exp_total, cls, nc);
  int64_t ep[3] = {exp_total, amt(&v, a, row_of(a, 2, "结余分配", 0), 3),
                   amt(&v, a, row_of(a, 2, "年末结转和结余", 0), 3)};
  int64_t exp_grand = amt(&v, a, row_of(a, 2, "总计", 0), 3);
  sum_is(&v, a, "支出总计", exp_grand, ep, 3);
  equal_is(&v, "收入总计 = 支出总计", a, inc_grand, exp_grand);

  /* 收入决算表 */
  int bc[7], cc[6];
  static const char *const src[] = {
      "本年收入合计", "财政拨款收入",     "上级补助收入", "事业收入",
      "经营收入",     "附属单位上缴收入", "其他收入"};
  size_t b_tot = by_function(&v, &t[1], src, 7, bc, inc_total, "收入决算表");
  static const char *const kinds[] = {"本年支出合计", "基本支出",
                                      "项目支出",     "上缴上级支出",
                                      "经营支出",     "对附属单位补助支出"};
  by_function(&v, &t[2], kinds, 6, cc, exp_total, "支出决算表");
  tc_table *b = &t[1];

  /* 财政拨款收入支出决算总表: income label 0, amount 1; expense label 2,
   * 合计 3, 一般公共预算 4, 政府性基金 5, 国有资本经营 6. */
  tc_table *d = &t[3];
  for (size_t i = d->nheader; i < d->nrows; i++) {
    if (!*tc_cell(d, i, 2)) continue;
    int64_t f3[3] = {amt(&v, d, i, 4), amt(&v, d, i, 5), amt(&v, d, i, 6)};
    sum_is(&v, d, tc_cell(d, i, 2), amt(&v, d, i, 3), f3, 3);
  }
  size_t d_inc = row_of(d, 0, "本年收入合计", 0);
  size_t d_exp = row_of(d, 2, "本年支出合计", 0);
  size_t d_open = row_of(d, 0, "年初财政拨款结转和结余", 0);
  size_t d_close = row_of(d, 2, "年末财政拨款结转和结余", 0);
  int64_t fin[3], fopen_[3];
  for (int f = 0; f < 3; f++) {
    fin[f] = amt(&v, d, row_of(d, 0, fund_rows[f], 0), 1);
    fopen_[f] = amt(&v, d, row_of(d, 0, fund_rows[f], d_open), 1);
  }
  int64_t fiscal_in = amt(&v, d, d_inc, 1);
  sum_is(&v, d, "本年收入合计", fiscal_in, fin, 3);
  sum_is(&v, d, "年初财政拨款结转和结余", amt(&v, d, d_open, 1), fopen_, 3);
  for (int f = 0; f < 3; f++) {
    /* 年初 + 本年收入 = 本年支出 + 年末, in the fund's column */
    int64_t lhs[2] = {fopen_[f], fin[f]};
    int64_t rhs = amt(&v, d, d_exp, 4 + f) + amt(&v, d, d_close, 4 + f);
    int64_t l = lhs[0] + lhs[1];
    int64_t dd = l > rhs ? l - rhs : rhs - l;
    if (tc_step(d) > 1 ? 2 * dd > 5 * tc_step(d) : dd != 0)
      fail_at(&v, "%s: 年初 + 本年收入 %" PRId64 " ≠ 本年支出 + 年末 %" PRId64,
              fund_rows[f], l, rhs);
  }
  equal_is(&v, "财政拨款 总计", d, amt(&v, d, row_of(d, 0, "总计", 0), 1),
           amt(&v, d, row_of(d, 2, "总计", 0), 3));
  equal_is(&v, "财政拨款 本年收入合计 = 收入决算表 财政拨款收入", d, fiscal_in,
           amt(&v, b, b_tot, bc[1]));

  /* 一般公共预算财政拨款支出决算表 and 基本支出决算表 */
  tc_table *e = &t[4];
  int ec[3] = {tc_col(e, "合计"), tc_col(e, "基本支出"), tc_col(e, "项目支出")};
  rows_sum(&v, e, ec, 3);
  size_t e_tot = row_of(e, 1, "合计", e->nheader);
  tree_is(&v, e, ec, 3, e_tot);
  equal_is(&v, "一般公共预算 合计 = 财政拨款总表 一般公共预算", e,
           amt(&v, e, e_tot, ec[0]), amt(&v, d, d_exp, 4));
  tc_table *g = &t[5];
  int64_t side[2];
  for (int p = 0; p < 2; p++) {
    int code = 3 * p, val = 3 * p + 2;
    const char *foot = p ? "公用经费合计" : "人员经费合计";
    int64_t heads[4];
    int nh = 0;
    for (size_t i = g->nheader; i < g->nrows; i++) {
      const char *k = tc_cell(g, i, (size_t)code);
      if (strlen(k) != 3) continue;
      heads[nh < 4 ? nh++ : 3] = amt(&v, g, i, val);
      int64_t parts[64];
      int n = 0;
      for (size_t j = i + 1; j < g->nrows && n < 64; j++) {
        const char *k2 = tc_cell(g, j, (size_t)code);
        if (strncmp(k2, k, 3) || strlen(k2) != 5) break;
        parts[n++] = amt(&v, g, j, val);
      }
      sum_is(&v, g, k, amt(&v, g, i, val), parts, n);
    }
    side[p] = amt(&v, g, row_of(g, 3 * p + 1, foot, 0), val);
    sum_is(&v, g, foot, side[p], heads, nh);
  }
  sum_is(&v, e, "基本支出 = 人员经费合计 + 公用经费合计",
         amt(&v, e, e_tot, ec[1]), side, 2);

  /* “三公” 决算表: 预算数 and 决算数 pairs */
  tc_table *s = &t[6];
  for (size_t i = s->nheader; i < s->nrows; i++)
    for (int m = 0; m < 2; m++) {
      int64_t p3[3] = {amt(&v, s, i, 2 + m), amt(&v, s, i, 4 + m),
                       amt(&v, s, i, 10 + m)};
      sum_is(&v, s, "三公 合计", amt(&v, s, i, m), p3, 3);
      int64_t p2[2] = {amt(&v, s, i, 6 + m), amt(&v, s, i, 8 + m)};
      sum_is(&v, s, "公务用车 小计", amt(&v, s, i, 4 + m), p2, 2);
    }

  /* 政府性基金 / 国有资本经营 收入支出决算表 */
  for (int k = 7; k < 9; k++) {
    tc_table *h = &t[k];
    if (k == 8 && national) {
      int hc[3] = {2, 3, 4};
      rows_sum(&v, h, hc, 3);
      continue;
    }
    int hc[3] = {4, 5, 6};
    rows_sum(&v, h, hc, 3);
    for (size_t i = h->nheader; i < h->nrows; i++) {
      int64_t l = amt(&v, h, i, 2) + amt(&v, h, i, 3);
      int64_t r = amt(&v, h, i, 4) + amt(&v, h, i, 7);
      int64_t dd = l > r ? l - r : r - l;
      if (tc_step(h) > 1 ? 2 * dd > 5 * tc_step(h) : dd != 0)
        fail_at(&v, "%s line %d: 年初 + 本年收入 ≠ 本年支出 + 年末", h->title,
                h->rows[i].line);
    }
    /* an empty table (空表说明) prints no 合计 row */
    size_t h_tot = row_of(h, 1, "合计", h->nheader);
    if (k == 7)
      equal_is(&v, "政府性基金 本年支出 = 财政拨款总表 政府性基金", h,
               h_tot == (size_t)-1 && h->empty_note ? 0 : amt(&v, h, h_tot, 4),
               amt(&v, d, d_exp, 5));
  }
done:
  for (int i = 0; i < 9; i++)
    if (t[i].arena) tc_free(&t[i]);
  return v.failures;
}

/* --- compiling and checking ------------------------------------------- */

static void dump(const ys_errors *errs) {
  char buf[1024];
  for (size_t i = 0; i < errs->count; i++) {
    ys_error_format(&errs->items[i], buf, sizeof buf);
    print_message("  %s\n", buf);
  }
}

/* --- random 决算 datasets ---------------------------------------------- */

static uint64_t rng;
static uint64_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}
static int pick(int n) {
  return (int)(rnd() % (uint64_t)n);
}

static const char *const gpb_funcs[] = {
    "2010101", "2010301", "2010350", "2013901", "2013950",
    "2013999", "2070101", "2080501", "2080505", "2080506",
    "2101101", "2101102", "2130101", "2129999", "2210201"};
static const char *const basic_econ[] = {"30101", "30102", "30107", "30108",
                                         "30113", "30201", "30211", "30212",
                                         "30217", "30231", "30299", "30305"};
static const char *const project_econ[] = {"30227", "30299", "31002",
                                           "31013", "30217", "30212"};

typedef struct gen {
  char *items, *revs, *facts;
  size_t ni, nr, nf, ci, cr, cf;
} gen;

static void add(char **buf, size_t *n, size_t *cap, const char *fmt, ...) {
  char line[512];
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  if (k < 0) return;
  if (*n + (size_t)k + 1 > *cap) {
    *cap = (*cap + (size_t)k + 1) * 2;
    *buf = realloc(*buf, *cap);
    assert_non_null(*buf);
  }
  memcpy(*buf + *n, line, (size_t)k + 1);
  *n += (size_t)k;
}

/* One random dataset in dir. Every line item's money is income of its
 * unit, fund, period and function; what is left over is carried forward
 * or, for 事业收入, partly allocated. */
static void make_dataset(const char *dir, unsigned seed) {
  rng = 0x9E3779B97F4A7C15ull ^ ((uint64_t)seed * 0x2545F4914F6CDD1Dull);
  for (int i = 0; i < 4; i++) rnd();
  tc_rmtree(dir);
  assert_int_equal(tc_mkdirs(dir), 0);
  int nu = 1 + pick(3);
  char path[4200], *text = NULL;
  size_t n = 0, cap = 0;
  snprintf(path, sizeof path, "%.4000s/department.csv", dir);
  add(&text, &n, &cap,
      "key,value\ncode,801\nname,随机决算部门%u\nyear,2024\nphase,决算\n",
      seed);
  assert_int_equal(tc_write_file(path, text), 0);
  n = 0;
  add(&text, &n, &cap, "code,name,kind\n801001,本级,行政\n");
  for (int u = 1; u < nu; u++)
    add(&text, &n, &cap, "80100%d,事业单位%d,事业\n", u + 1, u);
  snprintf(path, sizeof path, "%.4000s/units.csv", dir);
  assert_int_equal(tc_write_file(path, text), 0);
  n = 0;
  add(&text, &n, &cap, "code,name,unit,category\n");
  for (int u = 0; u < nu; u++)
    add(&text, &n, &cap, "P%d,项目%d,80100%d,特定目标类\n", u + 1, u + 1,
        u + 1);
  snprintf(path, sizeof path, "%.4000s/projects.csv", dir);
  assert_int_equal(tc_write_file(path, text), 0);

  gen g = {0};
  add(&g.items, &g.ni, &g.ci,
      "unit,func,econ,fund,kind,nature,project,period,phase,amount\n");
  add(&g.revs, &g.nr, &g.cr, "unit,fund,period,phase,func,amount\n");
  add(&g.facts, &g.nf, &g.cf, "key,value,reason\n");
  static const char *const funds[] = {"一般公共预算拨款", "政府性基金预算拨款",
                                      "事业收入", "用事业基金弥补收支差额"};
  int nitems = 4 + pick(30);
  for (int u = 0; u < nu; u++) {
    for (int f = 0; f < 4; f++) {
      /* 事业收入 and 事业基金 are 事业 units' */
      if (f >= 2 && u == 0) continue;
      int64_t cur_total = 0;
      const char *first_func = NULL;
      int count = f == 0 ? nitems : pick(4);
      for (int i = 0; i < count; i++) {
        const char *func =
            f == 1
                ? "2296002"
                : gpb_funcs[pick((int)(sizeof gpb_funcs / sizeof *gpb_funcs))];
        bool project = pick(3) == 0;
        const char *econ =
            project ? project_econ[pick(6)] : basic_econ[pick(12)];
        bool carry = f < 2 && pick(6) == 0;
        int64_t fen = 100 * (1 + pick(90000)) + pick(100);
        add(&g.items, &g.ni, &g.ci,
            "80100%d,%s,%s,%s,%s,,%s,%s,,%" PRId64 ".%02d\n", u + 1, func, econ,
            funds[f], project ? "项目" : "基本",
            project ? (char[8]){'P', (char)('1' + u), 0} : "",
            carry ? "上年结转" : "当年", fen / 100, (int)(fen % 100));
        add(&g.revs, &g.nr, &g.cr, "80100%d,%s,%s,,%s,%" PRId64 ".%02d\n",
            u + 1, funds[f], carry ? "上年结转" : "当年", func, fen / 100,
            (int)(fen % 100));
        if (!carry) {
          cur_total += fen;
          if (!first_func) first_func = func;
        }
        /* the 全年预算 the 决算 is compared with, now and then */
        if (pick(2))
          add(&g.items, &g.ni, &g.ci,
              "80100%d,%s,%s,%s,%s,,%s,当年,调整预算,%" PRId64 "\n", u + 1,
              func, econ, funds[f], project ? "项目" : "基本",
              project ? (char[8]){'P', (char)('1' + u), 0} : "",
              (fen / 100) * (80 + pick(40)) / 100);
      }
      /* money left over: income of the year not spent */
      if (first_func && f != 3 && pick(2)) {
        int64_t left = 100 * (1 + pick(20000));
        int64_t alloc = f == 2 && pick(2) ? 100 * (1 + pick(5000)) : 0;
        add(&g.revs, &g.nr, &g.cr, "80100%d,%s,当年,,%s,%" PRId64 "\n", u + 1,
            funds[f], first_func, (left + alloc) / 100);
        /* split by unit when there are several (the unit's own rows) */
        char at[24] = "";
        if (nu > 1) snprintf(at, sizeof at, "@80100%d", u + 1);
        add(&g.facts, &g.nf, &g.cf, "carry_next.%s%s,%" PRId64 ",\n", funds[f],
            at, left / 100);
        if (alloc)
          add(&g.facts, &g.nf, &g.cf, "surplus_alloc.%s%s,%" PRId64 ",\n",
              funds[f], at, alloc / 100);
      }
      (void)cur_total;
    }
  }
  snprintf(path, sizeof path, "%.4000s/items.csv", dir);
  assert_int_equal(tc_write_file(path, g.items), 0);
  snprintf(path, sizeof path, "%.4000s/revenues.csv", dir);
  assert_int_equal(tc_write_file(path, g.revs), 0);
  snprintf(path, sizeof path, "%.4000s/facts.csv", dir);
  assert_int_equal(tc_write_file(path, g.facts), 0);
  free(g.items);
  free(g.revs);
  free(g.facts);
  free(text);
}

/* --- tests -------------------------------------------------------------- */

static int setup(void **state) {
  (void)state;
  ys_errors errs = {0};
  int rc = ys_catalog_open_builtin(&cat, &errs);
  if (!rc) rc = ys_vocab_open_builtin(&voc, &errs);
  assert_int_equal(tc_mkdirs(YS_BINARY_DIR "/identities-final"), 0);
  for (int s = 0; s < NSETS && !rc; s++) {
    rc = ys_profile_open_builtin(&prof[s][0], sets[s], &errs);
    /* the 元 variant: the profile's own unit replaced */
    char src[4096], dst[4096];
    snprintf(src, sizeof src, YS_SOURCE_DIR "/data/profiles/%s.json", sets[s]);
    snprintf(dst, sizeof dst, YS_BINARY_DIR "/identities-final/%s-yuan.json",
             sets[s]);
    char *json = tc_read_file(src, NULL);
    const char *key = "\"unit\": \"万元\"";
    char *at = json ? strstr(json, key) : NULL;
    if (!rc && at && at < strstr(json, "\"tables\"")) {
      size_t len = strlen(json) + 16;
      char *out = malloc(len);
      if (out) {
        snprintf(out, len, "%.*s\"unit\": \"元\"%s", (int)(at - json), json,
                 at + strlen(key));
        if (tc_write_file(dst, out)) rc = YS_EIO;
        free(out);
      }
      if (!rc) rc = ys_profile_open_file(&prof[s][1], dst, &errs);
    } else if (!rc) {
      rc = YS_EINPUT;
    }
    free(json);
  }
  if (rc) dump(&errs);
  ys_errors_free(&errs);
  return rc ? -1 : 0;
}

static int teardown(void **state) {
  (void)state;
  for (int s = 0; s < NSETS; s++)
    for (int u = 0; u < 2; u++) ys_profile_free(prof[s][u]);
  ys_vocab_free(voc);
  ys_catalog_free(cat);
  return 0;
}

/* A dataset under both sets and both units: the verifier and the checker
 * find nothing. */
static int run_one(const char *dataset, const char *name) {
  int bad = 0;
  for (int s = 0; s < NSETS; s++)
    for (int u = 0; u < 2; u++) {
      char out[4096];
      snprintf(out, sizeof out, YS_BINARY_DIR "/identities-final/%s-%s-%s",
               name, sets[s], u ? "yuan" : "wan");
      if (tc_compile_csv(dataset, prof[s][u], cat, out)) return 1;
      bad += verify(out, s == 1);
      bad += (int)tc_check_errors(out, cat, voc, sets[s]);
    }
  return bad;
}

static void test_example(void **state) {
  (void)state;
  assert_int_equal(run_one("examples/shanghai-shgzb-2024", "shgzb"), 0);
}

static void test_random(void **state) {
  (void)state;
  int bad = 0, n = 0;
  for (unsigned seed = 1; seed <= 40; seed++) {
    char dir[4096], name[32];
    snprintf(dir, sizeof dir, YS_BINARY_DIR "/identities-final/ds%u", seed);
    snprintf(name, sizeof name, "r%u", seed);
    make_dataset(dir, seed);
    int b = run_one(dir, name);
    if (b) print_message("random 决算 dataset %u: %d failures\n", seed, b);
    bad += b;
    n++;
  }
  print_message("%d random 决算 datasets × 2 sets × 2 units verified\n", n);
  assert_int_equal(bad, 0);
}

/* The verifier can fail: one cell changed in a copy of each table that
 * takes part in an identity is reported. */
static void test_verifier_fails(void **state) {
  (void)state;
  const char *out = YS_BINARY_DIR "/identities-final/shgzb-shanghai-final-wan";
  assert_int_equal(
      tc_compile_csv("examples/shanghai-shgzb-2024", prof[0][0], cat, out), 0);
  assert_int_equal(verify(out, false), 0);
  static const char *const edits[][3] = {
      {"表_t01.csv", "307.82", "308.82"}, {"表_t02.csv", "51.32", "52.32"},
      {"表_t03.csv", "105.58", "106.58"}, {"表_t04.csv", "10.82", "11.82"},
      {"表_t05.csv", "62.63", "63.63"},   {"表_t06.csv", "39.72", "30.72"}};
  for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
    char copy[4096], path[4200];
    snprintf(copy, sizeof copy, "%s-bad", out);
    tc_rmtree(copy);
    char cmd[9000];
    snprintf(cmd, sizeof cmd, "cp -r '%s' '%s'", out, copy);
    assert_int_equal(system(cmd), 0);
    snprintf(path, sizeof path, "%s/%s", copy, edits[i][0]);
    char *text = tc_read_file(path, NULL);
    assert_non_null(text);
    char *at = strstr(text, edits[i][1]);
    assert_non_null(at);
    memcpy(at, edits[i][2], strlen(edits[i][2]));
    assert_int_equal(tc_write_file(path, text), 0);
    free(text);
    if (verify(copy, false) == 0)
      fail_msg("%s: %s → %s not reported", edits[i][0], edits[i][1],
               edits[i][2]);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_verifier_fails),
      cmocka_unit_test(test_example),
      cmocka_unit_test(test_random),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
