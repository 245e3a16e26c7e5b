/*
 * test_ingest_text.c - reading published packages as a PDF converter left
 * them (shared/seeds), into raw tables in the profile's columns and
 * narrative claims.
 *
 * The four seeds are the specification of the formats: 000 Shaanxi with
 * space-separated rows and four panels on one line, 001 Sichuan with tabs
 * and codes split 类/款/项, 002 Shaanxi narrative and 绩效目标 forms, 004
 * Hebei with every cell broken over lines and page headers repeated. For
 * each, the test holds a reviewed list of the tables recognised (number,
 * title, unit, row count), a few cells checked exactly (where the reading
 * is hard: a broken amount, a rejoined code, an amount whose column only
 * the identities tell), the claims of key sentences, and that what could
 * not be placed is reported, with its line, as information.
 *
 * The seeds live outside the repository (../shared/seeds from the source
 * tree, where the tests run); without them these tests are skipped.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "yusuan/yusuan.h"

#define SEEDS "../shared/seeds/"
#define S000 SEEDS "000_99f2b1723af05cab.txt"
#define S001 SEEDS "001_6bd304a2aa0ee1ee.txt"
#define S002 SEEDS "002_cb91e6975cfd3fc1.txt"
#define S004 SEEDS "004_c33f9f66877ba6d3.txt"

/* --- helpers ------------------------------------------------------------ */

static ys_rdoc *load(const char *path, ys_errors *errs) {
  struct stat st;
  if (stat(path, &st) != 0) {
    print_message("seed %s not found: skipped\n", path);
    skip();
  }
  ys_rdoc *d = NULL;
  int rc = ys_ingest_text(&d, path, errs);
  if (rc != YS_OK) {
    for (size_t i = 0; i < errs->count; i++)
      print_message("%s\n", errs->items[i].message);
    fail_msg("ys_ingest_text(%s) = %d", path, rc);
  }
  assert_non_null(d);
  return d;
}

enum { U_NONE = -1, U_YUAN = YS_UNIT_YUAN, U_WAN = YS_UNIT_WANYUAN };

typedef struct want_table {
  const char *number;
  const char *title;
  int unit;
  size_t rows;
} want_table;

static void check_tables(const ys_rdoc *d, const want_table *w, size_t n) {
  if (d->n != n) {
    for (size_t i = 0; i < d->n; i++)
      print_message("  got %s %s %zu\n", d->tables[i].number,
                    d->tables[i].title, d->tables[i].nrows);
    fail_msg("%zu tables, want %zu", d->n, n);
  }
  for (size_t i = 0; i < n; i++) {
    const ys_rtable *t = &d->tables[i];
    if (strcmp(t->number, w[i].number) || strcmp(t->title, w[i].title) ||
        t->nrows != w[i].rows ||
        (w[i].unit == U_NONE ? t->unit_known
                             : !t->unit_known || (int)t->unit != w[i].unit))
      fail_msg("table %zu: got %s|%s|%s|%zu rows, want %s|%s|%d|%zu rows", i,
               t->number, t->title, t->unit_known ? ys_unit_name(t->unit) : "-",
               t->nrows, w[i].number, w[i].title, w[i].unit, w[i].rows);
    assert_int_equal(t->header_rows, 0);
  }
}

/* The row of table ti whose cell col reads text (after trimming). */
static const ys_rrow *row_with(const ys_rdoc *d, size_t ti, size_t col,
                               const char *text) {
  assert_true(ti < d->n);
  const ys_rtable *t = &d->tables[ti];
  for (size_t i = 0; i < t->nrows; i++) {
    const ys_rrow *r = &t->rows[i];
    if (col >= r->n) continue;
    const char *s = r->cells[col].text;
    while (!strncmp(s, "\xE3\x80\x80", 3)) s += 3;
    if (!strcmp(s, text)) return r;
  }
  fail_msg("table %zu (%s): no row with “%s” in column %zu", ti, t->title, text,
           col);
  return NULL;
}

static void cell_is(const ys_rrow *r, size_t col, const char *want) {
  assert_true(col < r->n);
  if (strcmp(r->cells[col].text, want))
    fail_msg("line %d column %zu: “%s”, want “%s”", r->line, col,
             r->cells[col].text, want);
}

static const ys_rclaim *claim(const ys_rdoc *d, int line, const char *q,
                              const char *text) {
  for (size_t i = 0; i < d->n_claims; i++) {
    const ys_rclaim *c = &d->claims[i];
    if (c->line == line && !strcmp(c->quantity, q) && !strcmp(c->text, text))
      return c;
  }
  for (size_t i = 0; i < d->n_claims; i++)
    print_message("  claim %d %s %s\n", d->claims[i].line,
                  d->claims[i].quantity, d->claims[i].text);
  fail_msg("no claim %s = %s at line %d", q, text, line);
  return NULL;
}

/* Claims of a figure (amounts and missing figures): shares, changes and
 * lists are counted apart. */
static size_t figure_claims(const ys_rdoc *d) {
  size_t n = 0;
  for (size_t i = 0; i < d->n_claims; i++)
    n += d->claims[i].kind == YS_CLAIM_AMOUNT ||
         d->claims[i].kind == YS_CLAIM_MISSING;
  return n;
}

static bool has_claim_text(const ys_rdoc *d, const char *text) {
  for (size_t i = 0; i < d->n_claims; i++)
    if (!strcmp(d->claims[i].text, text)) return true;
  return false;
}

/* An amount (or missing figure) claim printed as text. */
static bool has_amount_text(const ys_rdoc *d, const char *text) {
  for (size_t i = 0; i < d->n_claims; i++)
    if ((d->claims[i].kind == YS_CLAIM_AMOUNT ||
         d->claims[i].kind == YS_CLAIM_MISSING) &&
        !strcmp(d->claims[i].text, text))
      return true;
  return false;
}

/* Every reading problem is information with a line, never an error. */
static void infos_only(const ys_errors *e, size_t want) {
  for (size_t i = 0; i < e->count; i++) {
    assert_int_equal(e->items[i].code, YS_OK);
    assert_true(e->items[i].line > 0);
  }
  if (e->count != want) {
    for (size_t i = 0; i < e->count; i++)
      print_message("  info %d: %s\n", e->items[i].line, e->items[i].message);
    fail_msg("%zu reading notes, want %zu", e->count, want);
  }
}

static bool info_at(const ys_errors *e, int line, const char *part) {
  for (size_t i = 0; i < e->count; i++)
    if (e->items[i].line == line && strstr(e->items[i].message, part))
      return true;
  return false;
}

/* --- 000: Shaanxi, spaces, panels, a misnumbered table ---------------- */

static void test_seed_000(void **state) {
  (void)state;
  ys_errors errs = {0};
  ys_rdoc *d = load(S000, &errs);
  assert_int_equal(d->year, 2023);
  assert_string_equal(d->profile_hint, "shaanxi");
  static const want_table w[] = {
      {"表1", "部门综合预算收支总表", U_YUAN, 30},
      {"表2", "部门综合预算收入总表", U_YUAN, 3},
      {"表3", "部门综合预算支出总表", U_YUAN, 3},
      {"表4", "部门综合预算财政拨款收支总表", U_YUAN, 28},
      {"表5", "部门综合预算一般公共预算支出明细表（按支出功能分类科目）",
       U_YUAN, 7},
      {"表6", "部门综合预算一般公共预算支出明细表（按支出经济分类科目）",
       U_YUAN, 23},
      {"表7", "部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）",
       U_YUAN, 7},
      /* printed without 按: read as the profile's 表8, title canonical */
      {"表8", "部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）",
       U_YUAN, 23},
      {"表9", "部门综合预算政府性基金收支表", U_YUAN, 20},
      {"表10", "部门综合预算专项业务经费支出表", U_YUAN, 6},
      {"表11", "部门综合预算政府采购（资产配置、购买服务）预算表", U_YUAN, 0},
      /* the 三公 table is printed as 表13 */
      {"表13",
       "部门综合预算一般公共预算拨款 “三公”经费及会议费、培训费支出预算表",
       U_YUAN, 3},
      {"表13", "部门预算专项业务经费绩效目标表", U_WAN, 19},
      {"表14", "部门整体支出绩效目标表", U_WAN, 14},
      {"表15", "专项资金总体绩效目标表", U_WAN, 11},
  };
  check_tables(d, w, sizeof w / sizeof w[0]);
  /* 表1: four panels on one line; the expense side's 一般公共服务支出. */
  const ys_rrow *r = row_with(d, 0, 2, "1、一般公共服务支出");
  assert_int_equal(r->n, 8);
  cell_is(r, 3, "3009441.00");
  cell_is(r, 0, "1、财政拨款");
  cell_is(r, 5, "2333119.00");
  cell_is(r, 6, "1、机关工资福利支出");
  /* A label with no amount: the cell stays empty. */
  r = row_with(d, 0, 0, "其中：专项资金列入部门预算的项目");
  cell_is(r, 1, "");
  cell_is(r, 2, "3、国防支出");
  /* Only panel 2 on a line: placed by its label. */
  r = row_with(d, 0, 2, "20、住房保障支出");
  cell_is(r, 0, "");
  cell_is(r, 4, "");
  /* 表8 prints no zeros: 302's 185150 is 公用经费, not 人员经费 — the tree
   * (合计 = Σ 类 by column) decides. */
  r = row_with(d, 7, 0, "302");
  cell_is(r, 4, "185150");
  cell_is(r, 5, "");
  cell_is(r, 6, "185150");
  r = row_with(d, 7, 0, "30201");
  cell_is(r, 5, "");
  cell_is(r, 6, "41150");
  r = row_with(d, 7, 0, "303");
  cell_is(r, 5, "720");
  /* 表6 gov code and name columns. */
  r = row_with(d, 5, 0, "30113");
  cell_is(r, 2, "50501");
  cell_is(r, 3, "工资福利支出");
  cell_is(r, 4, "177599");
  /* 三公: a unit row whose name wrapped over three lines, indent kept. */
  r = row_with(d, 11, 0, "209002");
  cell_is(r, 1, "　　西乡县医疗保险业务经办中心");
  assert_int_equal(r->n, 29);
  cell_is(r, 28, "0");
  cell_is(r, 20, "-2000");
  /* 表10: the project and its description. */
  r = row_with(d, 9, 1, "社保政策宣传培训及医保网络建设维护");
  cell_is(r, 2, "50,000.00");
  assert_non_null(
      strstr(r->cells[3].text, "城乡居民医保及职工医保政策宣传培训"));
  /* 绩效目标 forms: amounts as check.c reads them. */
  r = row_with(d, 12, 1, "实施期资金总额");
  cell_is(r, 2, "5");
  r = row_with(d, 12, 2, "项目实施年内完成率");
  cell_is(r, 0, "产出指标");
  cell_is(r, 1, "时效指标");
  cell_is(r, 3, "100%");
  r = row_with(d, 13, 0, "金额合计");
  cell_is(r, 2, "238.31");
  cell_is(r, 4, "0");
  r = row_with(d, 13, 2, "单位干部满意度");
  cell_is(r, 0, "满意度指标");
  cell_is(r, 1, "服务对象满意度指标");
  assert_true(d->tables[14].empty_note == false);
  assert_true(d->tables[10].nrows == 0);
  /* Claims. */
  claim(d, 115, "rev;period=cur", "238.31");
  claim(d, 117, "rev;fund=gpb;period=cur", "238.31");
  claim(d, 155, "exp;fund=gpb;period=cur", "233.31"); /* disagrees: 238.31 */
  claim(d, 137, "exp;fund=gpb;period=cur", "238.3119");
  claim(d, 177, "exp;econ=301;fund=gpb;period=cur", "214.72");
  claim(d, 183, "exp;econ=302;fund=gpb;period=cur", "23.515");
  claim(d, 197, "exp;gecon=505;fund=gpb;period=cur", "238.24");
  claim(d, 225, "exp;econ=30212|30217|30231|31013;fund=gpb", "0");
  claim(d, 235, "exp;econ=30217;fund=gpb", "0");
  claim(d, 255, "exp;econ=30216;fund=gpb", "0.1");
  claim(d, 283, "exp;kind=basic;nature=public;period=cur", "18.52");
  const ys_rclaim *m = claim(d, 135, "exp;fund=fiscal;period=cur", "");
  assert_int_equal(m->kind, YS_CLAIM_MISSING);
  assert_int_equal(m->unit, YS_UNIT_WANYUAN);
  assert_non_null(strstr(m->sentence, "财政拨款支出万元"));
  /* A change is not an amount of its subject. */
  assert_false(has_amount_text(d, "102.58"));
  assert_false(has_amount_text(d, "94.44"));
  assert_int_equal(figure_claims(d), 25);
  infos_only(&errs, 1);
  assert_true(info_at(&errs, 644, "不完全一致"));
  ys_rdoc_free(d);
  ys_errors_free(&errs);
}

/* --- 001: Sichuan, tabs ------------------------------------------------ */

static void test_seed_001(void **state) {
  (void)state;
  ys_errors errs = {0};
  ys_rdoc *d = load(S001, &errs);
  assert_int_equal(d->year, 2023);
  assert_string_equal(d->profile_hint, "sichuan");
  static const want_table w[] = {
      {"", "部门收支总表", U_WAN, 31},
      {"", "部门收入总表", U_WAN, 3},
      {"", "部门支出总表", U_WAN, 15},
      {"", "财政拨款收支预算总表", U_WAN, 29},
      {"", "财政拨款支出预算表（部门经济分类科目）", U_WAN, 40},
      {"", "一般公共预算支出预算表", U_WAN, 15},
      {"", "一般公共预算基本支出预算表", U_WAN, 36},
      {"", "一般公共预算项目支出预算表", U_WAN, 21},
      {"", "一般公共预算“三公”经费支出预算表", U_WAN, 3},
      {"", "政府性基金预算支出预算表", U_WAN, 1},
      {"", "政府性基金预算“三公”经费支出预算表", U_WAN, 1},
      {"", "国有资本经营预算支出预算表", U_WAN, 1},
      {"", "部门预算项目支出绩效目标表", U_WAN, 83},
      {"", "部门整体支出绩效目标表", U_NONE, 19},
  };
  check_tables(d, w, sizeof w / sizeof w[0]);
  /* 表3: code split 类/款/项, unit code shifted a cell left by the
   * converter, placed by kind. */
  const ys_rrow *r = row_with(d, 2, 4, "医疗保障经办事务");
  cell_is(r, 0, "210");
  cell_is(r, 1, "15");
  cell_is(r, 2, "06");
  cell_is(r, 3, "322001");
  cell_is(r, 5, "42.52");
  cell_is(r, 6, "");
  cell_is(r, 7, "42.52");
  /* 表5 prints no 政府性基金/国有资本 columns: the header labels put the
   * carry-over amounts in the 上年结转 columns, not two columns early. */
  r = row_with(d, 4, 3, "苍溪县医疗保障局");
  cell_is(r, 4, "4,695.70");
  cell_is(r, 8, "3,191.83");
  cell_is(r, 9, "");
  cell_is(r, 10, "");
  cell_is(r, 11, "1,007.24");
  cell_is(r, 14, "10.29");
  r = row_with(d, 4, 3, "合 计"); /* label far left, amounts in place */
  cell_is(r, 4, "4,695.70");
  /* 表9 prints no 公务用车运行费 column: 公务接待费 lands in its own. */
  r = row_with(d, 8, 1, "合 计");
  cell_is(r, 2, "2.81");
  cell_is(r, 6, "");
  cell_is(r, 7, "2.81");
  /* Empty tables keep their 空表说明. */
  assert_true(d->tables[9].empty_note);
  assert_true(d->tables[11].empty_note);
  /* 表13 targets: a row whose cells the converter shifted. */
  r = row_with(d, 12, 6, "转移医保资金额（万元）");
  cell_is(r, 4, "产出指标");
  cell_is(r, 7, "≠");
  cell_is(r, 8, "600");
  cell_is(r, 9, "万元");
  cell_is(r, 11, "反向指标");
  r = row_with(d, 12, 1,
               "县医疗保障局医保转移、医保异地报销邮寄费及基金收支银行手续费");
  cell_is(r, 2, "10.00");
  r = row_with(d, 12, 6, "第一书记补贴");
  cell_is(r, 4, "成本指标");
  /* 表14 in the form rows of the space reader. */
  r = row_with(d, 13, 0, "金额合计");
  cell_is(r, 2, "4,695.70");
  cell_is(r, 4, "0.00");
  r = row_with(d, 13, 2, "参保单位及参保者满意");
  cell_is(r, 0, "满意度指标");
  cell_is(r, 3, "≥95%");
  /* Claims. */
  claim(d, 540, "rev", "4695.70");
  claim(d, 540, "rev;period=carry", "1007.24");
  claim(d, 544, "exp", "4695.7");
  claim(d, 544, "exp;kind=basic", "1493.59");
  claim(d, 548, "exp;func=210;fund=fiscal", "4302.43"); /* table: 4302.44 */
  claim(d, 548, "rev;fund=gpb;period=carry", "1007.24");
  claim(d, 566, "exp;func=2101202;fund=gpb;period=cur", "2831.62");
  claim(d, 582, "exp;func=2210201;fund=gpb;period=cur", "40.29");
  claim(d, 588, "exp;kind=basic;nature=public;fund=gpb", "54.18");
  claim(d, 592, "exp;econ=30217;fund=fiscal", "2.81");
  /* "下属县医保局机关 1 家行政单位的机关运行经费 54.18": the figure of the
   * units named, not claimed as the department's 公用经费 (a department
   * with 事业 units as well has more) */
  for (size_t i = 0; i < d->n_claims; i++)
    assert_false(d->claims[i].line == 618 &&
                 !strcmp(d->claims[i].text, "54.18"));
  /* 收支预算总数 and changes: no claims. */
  assert_false(has_claim_text(d, "2715.87"));
  assert_false(has_claim_text(d, "3114.16"));
  assert_int_equal(figure_claims(d), 32);
  infos_only(&errs, 0);
  ys_rdoc_free(d);
  ys_errors_free(&errs);
}

/* --- 002: Shaanxi narrative and forms ---------------------------------- */

static void test_seed_002(void **state) {
  (void)state;
  ys_errors errs = {0};
  ys_rdoc *d = load(S002, &errs);
  assert_int_equal(d->year, 2024);
  assert_string_equal(d->profile_hint, "shaanxi");
  const char *t13 = "2024 年部门预算专项业务经费绩效目标表";
  static const size_t rows13[] = {13, 12, 12, 12, 14, 12, 12, 12, 12, 12, 12};
  want_table w[12];
  for (size_t i = 0; i < 11; i++)
    w[i] = (want_table){"表13", t13, U_WAN, rows13[i]};
  w[11] = (want_table){"表14", "单位整体支出绩效目标表", U_WAN, 21};
  check_tables(d, w, 12);
  const ys_rrow *r = row_with(d, 0, 1, "实施期资金总额");
  cell_is(r, 2, "1,248.00");
  r = row_with(d, 0, 2, "补助标准");
  cell_is(r, 1, "成本指标");
  cell_is(r, 3, "64 元/人");
  /* A project name on the lines after 项目名称. */
  row_with(d, 5, 1,
           "农村低收入人口监测范围人员和建档立卡贫困人员医疗保险补助资金");
  /* An indicator name broken before its value ("…完成\n率\n≥98%"). */
  r = row_with(d, 3, 2, "保障大病救助工作完成率");
  cell_is(r, 3, "≥98%");
  r = row_with(d, 11, 0, "金额合计");
  cell_is(r, 2, "4010.38");
  cell_is(r, 3, "4010.38");
  claim(d, 315, "rev;period=cur", "4010.38");
  claim(d, 397, "exp;func=2101501;fund=gpb;period=cur", "185.16");
  /* "26.33 万\n元": the unit broken over lines. */
  claim(d, 407, "exp;func=2080505;fund=gpb;period=cur", "26.33");
  claim(d, 433, "exp;func=2101202;fund=gpb;period=cur", "1248");
  claim(d, 463, "exp;econ=313;fund=gpb;period=cur", "1248");
  claim(d, 487, "exp;gecon=510;fund=gpb;period=cur", "1248");
  claim(d, 543, "exp;kind=basic;nature=public;period=cur", "20.41");
  /* Reasons listed after 较上年增加 are not amounts of quantities… */
  assert_false(has_amount_text(d, "1275.96"));
  assert_false(has_amount_text(d, "113.75"));
  /* …but the list is one claim that its parts add up to the stated
   * increase (3530.71 against 3758.21), for income and for spending
   * where both are said, five times in all. */
  size_t sums = 0;
  for (size_t i = 0; i < d->n_claims; i++)
    if (d->claims[i].kind == YS_CLAIM_SUM &&
        d->claims[i].how == YS_SUM_CHANGES) {
      sums++;
      assert_string_equal(d->claims[i].text, "3530.71");
      assert_int_equal(d->claims[i].n_parts, 7);
    }
  assert_int_equal(sums, 5);
  assert_int_equal(figure_claims(d), 36);
  infos_only(&errs, 1);
  ys_rdoc_free(d);
  ys_errors_free(&errs);
}

/* --- 004: Hebei, cells broken over lines -------------------------------- */

static void test_seed_004(void **state) {
  (void)state;
  ys_errors errs = {0};
  ys_rdoc *d = load(S004, &errs);
  assert_int_equal(d->year, 2022);
  assert_string_equal(d->profile_hint, "hebei");
  static const want_table w[] = {
      {"", "部门预算收支总表", U_WAN, 33},
      {"", "部门预算收入总表", U_WAN, 28},
      {"", "部门预算支出总表", U_WAN, 28},
      {"", "部门预算财政拨款收支总表", U_WAN, 36},
      {"", "部门预算一般公共预算财政拨款支出表", U_WAN, 25},
      {"", "部门预算一般公共预算财政拨款基本支出表", U_WAN, 21},
      {"", "部门预算政府基金预算财政拨款支出表", U_WAN, 4},
      {"", "部门预算国有资本经营预算财政拨款支出表", U_WAN, 0},
      {"", "部门预算财政拨款“三公”经费支出表", U_WAN, 0},
      {"", "部门政府采购预算", U_WAN, 0},
      {"", "部门固定资产占用情况表", U_WAN, 6},
  };
  check_tables(d, w, sizeof w / sizeof w[0]);
  /* 收支总表: 序号, label, amount, label, amount; labels joined across
   * lines and a page break. */
  const ys_rrow *r = row_with(d, 0, 0, "1");
  cell_is(r, 1, "一、一般公共预算拨款收入");
  cell_is(r, 2, "5807.26");
  cell_is(r, 3, "一、一般公共服务支出");
  r = row_with(d, 0, 3, "二十三、灾害防治及应急管理支出");
  r = row_with(d, 0, 1, "本年收入合计");
  cell_is(r, 4, "5846.29");
  /* 收入总表: "5846.\n\n29" is one cell; 7.03 is 上年结转 (the last
   * column), which the row sum 合计 = 小计 + 结转 decides. */
  r = row_with(d, 1, 2, "合计");
  cell_is(r, 3, "5846.29");
  cell_is(r, 4, "5839.26");
  cell_is(r, 5, "5839.26");
  cell_is(r, 6, "");
  cell_is(r, 12, "7.03");
  r = row_with(d, 1, 1, "2080505"); /* "20805\n\n05" rejoined */
  cell_is(r, 2, "机关事业单位基本养老保险缴费支出");
  cell_is(r, 3, "44.30");
  r = row_with(d, 1, 1, "2296013");
  cell_is(r, 2, "用于城乡医疗救助的彩票公益金支出");
  r = row_with(d, 1, 1, "2101299"); /* "261.4\n\n0" before a page number */
  cell_is(r, 5, "261.40");
  /* 支出总表: two printed amounts; basic or project per the tree. */
  r = row_with(d, 2, 1, "20899");
  cell_is(r, 4, "");
  cell_is(r, 5, "12.00");
  r = row_with(d, 2, 1, "2101101");
  cell_is(r, 2, "行政单位医疗"); /* name cut by a page break, rejoined */
  cell_is(r, 4, "32.16");
  r = row_with(d, 2, 1, "229");
  cell_is(r, 4, "");
  cell_is(r, 5, "32.00");
  /* 财政拨款收支总表: 其他支出 is 政府性基金 by the column sums. */
  r = row_with(d, 3, 3, "二十五、其他支出");
  cell_is(r, 4, "32.00");
  cell_is(r, 5, "");
  cell_is(r, 6, "32.00");
  r = row_with(d, 3, 3, "支出总计");
  cell_is(r, 5, "5814.29");
  /* 政府性基金 table alone cannot tell 基本 from 项目; the 支出总表 shows
   * no 基本支出 for 229, so its 32.00 is 项目支出. */
  r = row_with(d, 6, 1, "2296013");
  cell_is(r, 4, "");
  cell_is(r, 5, "32.00");
  r = row_with(d, 6, 2, "合计");
  cell_is(r, 5, "32.00");
  /* 基本支出表: 302's children are 公用经费. */
  r = row_with(d, 5, 1, "30201");
  cell_is(r, 4, "");
  cell_is(r, 5, "6.00");
  assert_true(d->tables[7].empty_note);
  r = row_with(d, 10, 0, "4、其他固定资产");
  cell_is(r, 1, "318");
  cell_is(r, 2, "569632.30");
  claim(d, 2166, "rev;fund=gpb;period=cur", "5807.26");
  claim(d, 2166, "rev;fund=govfund;period=cur", "32");
  claim(d, 2188, "exp;kind=basic;nature=public;fund=fiscal", "9.2");
  claim(d, 2194, "exp;econ=30212;fund=fiscal", "0");
  /* "2022年部门支出预算为 5839.26" may or may not include 上年结转 (the
   * tables say 5846.29): read as all periods, marked unclear, so that a
   * mismatch is a warning. */
  bool unclear_seen = false;
  for (size_t i = 0; i < d->n_claims; i++)
    if (d->claims[i].kind == YS_CLAIM_AMOUNT &&
        !strcmp(d->claims[i].text, "5839.26")) {
      assert_true(d->claims[i].period_unclear);
      unclear_seen = true;
    }
  assert_true(unclear_seen);
  assert_true(has_claim_text(d, "5348.6"));
  assert_true(d->n_claims >= 10);
  infos_only(&errs, 3);
  assert_true(info_at(&errs, 247, "从左到右"));
  ys_rdoc_free(d);
  ys_errors_free(&errs);
}

/* --- properties over all seeds ----------------------------------------- */

static void test_claims_parse(void **state) {
  (void)state;
  const char *seeds[] = {S000, S001, S002, S004};
  ys_arena *a = ys_arena_new(0);
  assert_non_null(a);
  for (size_t s = 0; s < 4; s++) {
    ys_errors errs = {0};
    ys_rdoc *d = load(seeds[s], &errs);
    for (size_t i = 0; i < d->n_claims; i++) {
      const ys_rclaim *c = &d->claims[i];
      ys_qexpr q;
      char err[128];
      if (ys_qexpr_parse(&q, c->quantity, a, NULL) != YS_OK)
        fail_msg("%s line %d: quantity “%s”: %s", seeds[s], c->line,
                 c->quantity, err);
      if (c->kind == YS_CLAIM_AMOUNT) {
        ys_amount am;
        assert_int_equal(
            ys_money_parse(&am, c->text, strlen(c->text), c->unit, NULL),
            YS_OK);
      }
      assert_true(c->line > 0);
      assert_true(*c->sentence);
    }
    /* Every body row has the profile's width: cells of a grid table line
     * up with its columns. */
    for (size_t t = 0; t < d->n; t++)
      for (size_t i = 1; i < d->tables[t].nrows; i++)
        assert_true(d->tables[t].rows[i].line >= d->tables[t].title_line);
    ys_rdoc_free(d);
    ys_errors_free(&errs);
  }
  ys_arena_free(a);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_speed(void **state) {
  (void)state;
  const char *seeds[] = {S000, S001, S002, S004};
  double t0 = now();
  size_t tables = 0, claims = 0;
  for (size_t s = 0; s < 4; s++) {
    ys_errors errs = {0};
    ys_rdoc *d = load(seeds[s], &errs);
    tables += d->n;
    claims += d->n_claims;
    ys_rdoc_free(d);
    ys_errors_free(&errs);
  }
  double dt = now() - t0;
  /* Measured, not asserted: machines differ. */
  print_message("ingest of the four seeds: %.1f ms (%zu tables, %zu claims)\n",
                dt * 1000, tables, claims);
}

/* --- small documents ----------------------------------------------------- */

static char *write_tmp(const char *text) {
  static char path[256];
  snprintf(path, sizeof path, "/tmp/ys_ingest_%d.txt", (int)getpid());
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  return path;
}

static void test_unplaced_reported(void **state) {
  (void)state;
  /* A 表5 row with more amounts than the table has columns. */
  const char *text =
      "表5\n"
      "部门综合预算一般公共预算支出明细表（按支出功能分类科目）\n"
      "单位：元\n"
      "功能科目编码 功能科目名称 合计 人员经费支出 公用经费支出 "
      "专项业务经费支出 备注\n"
      "合计 100 60 40 0\n"
      "210 卫生健康支出 100 60 40 0 5 6\n"
      "2101506 医疗保障经办事务 100 60 40 0\n";
  char *path = write_tmp(text);
  ys_errors errs = {0};
  ys_rdoc *d = NULL;
  assert_int_equal(ys_ingest_path(&d, path, &errs), YS_OK);
  unlink(path);
  assert_int_equal(d->n, 1);
  assert_string_equal(d->profile_hint, "shaanxi");
  assert_int_equal(d->tables[0].nrows, 2); /* the bad row is not emitted */
  assert_true(info_at(&errs, 6, "多于报表格式"));
  for (size_t i = 0; i < errs.count; i++)
    assert_int_equal(errs.items[i].code, YS_OK);
  ys_rdoc_free(d);
  ys_errors_free(&errs);
}

/* A form whose labels break over lines, ending in an indicator whose name
 * is only label-like fragments: its cells must outlive the reader's
 * scratch memory (found by mutating the seeds under ASan). */
static void test_form_fragments(void **state) {
  (void)state;
  const char *text = "表13\n"
                     "部门预算专项业务经费绩效目标表\n"
                     "项目名称 测试项目\n"
                     "资金金额\n"
                     "（万元）\n"
                     " 实施期资金总额： 12.5\n"
                     "一级指标 二级指标 指标内容 指标值 备注\n"
                     "满意度指\n"
                     "标\n"
                     "服务对象\n"
                     "≥95%\n";
  char *path = write_tmp(text);
  ys_errors errs = {0};
  ys_rdoc *d = NULL;
  assert_int_equal(ys_ingest_text(&d, path, &errs), YS_OK);
  unlink(path);
  assert_int_equal(d->n, 1);
  const ys_rrow *r = row_with(d, 0, 1, "实施期资金总额");
  cell_is(r, 2, "12.5");
  r = row_with(d, 0, 2, "服务对象");
  cell_is(r, 0, "满意度指标");
  cell_is(r, 3, "≥95%");
  ys_rdoc_free(d);
  ys_errors_free(&errs);
}

static void test_not_utf8(void **state) {
  (void)state;
  char *path = write_tmp("\xB2\xBF\xC3\xC5\xCA\xD5\xD6\xA7\n"); /* GBK */
  ys_errors errs = {0};
  ys_rdoc *d = NULL;
  assert_int_equal(ys_ingest_text(&d, path, &errs), YS_EINPUT);
  unlink(path);
  assert_null(d);
  assert_true(errs.count == 1 && strstr(errs.items[0].message, "UTF-8"));
  ys_errors_free(&errs);
}

static void test_cli_ingest(void **state) {
  (void)state;
  struct stat st;
  if (stat(S004, &st) != 0) skip();
  char out[256], cmd[1024], path[512];
  snprintf(out, sizeof out, "/tmp/ys_ingest_cli_%d", (int)getpid());
  snprintf(cmd, sizeof cmd, "'%s' ingest '%s' --out '%s' >/dev/null 2>&1",
           YS_CLI, S004, out);
  assert_int_equal(system(cmd), 0);
  snprintf(path, sizeof path, "%s/claims.json", out);
  assert_int_equal(stat(path, &st), 0);
  snprintf(path, sizeof path, "%s/02_部门预算收入总表.csv", out);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char buf[4096];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = '\0';
  fclose(f);
  /* First column: the source line; then the cells. */
  assert_non_null(strstr(buf, "\n247,1,,合计,5846.29,5839.26,5839.26,"));
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", out);
  assert_int_equal(system(cmd), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_seed_000),
      cmocka_unit_test(test_seed_001),
      cmocka_unit_test(test_seed_002),
      cmocka_unit_test(test_seed_004),
      cmocka_unit_test(test_claims_parse),
      cmocka_unit_test(test_speed),
      cmocka_unit_test(test_unplaced_reported),
      cmocka_unit_test(test_form_fragments),
      cmocka_unit_test(test_not_utf8),
      cmocka_unit_test(test_cli_ingest),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
