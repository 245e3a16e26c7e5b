/*
 * test_claims.c - narrative claims by their structure (claims.c) and the
 * checks of them (observe_claims.c), on sentences written for this test
 * (not copied from any publication), one shape each: what is read (kind,
 * inputs) and the verdict (no finding, a warning for a last-digit slip, an
 * error for a material one, info for what cannot be checked).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "yusuan/yusuan.h"

static ys_catalog *cat;
static ys_vocab *voc;

static int setup(void **state) {
  (void)state;
  if (ys_catalog_open_builtin(&cat, NULL)) return -1;
  if (ys_vocab_open_builtin(&voc, NULL)) return -1;
  return 0;
}

static int teardown(void **state) {
  (void)state;
  ys_vocab_free(voc);
  ys_catalog_free(cat);
  return 0;
}

typedef struct reading {
  ys_rdoc *d;
  ys_findings *f;
} reading;

/* Reads a text (lines separated by \n) as a narrative (of a 决算 when
 * final) and checks it. */
static reading read_as(const char *text, bool final) {
  reading r = {ys_rdoc_new("test.txt"), ys_findings_new()};
  assert_non_null(r.d);
  assert_non_null(r.f);
  ys_tline lines[64];
  size_t n = 0;
  for (const char *p = text; *p && n < 64;) {
    const char *e = strchr(p, '\n');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    char *s = ys_arena_strndup(r.d->arena, p, len);
    assert_non_null(s);
    lines[n] = (ys_tline){s, len, (int)n + 1};
    n++;
    p += len + (e ? 1 : 0);
  }
  ys_claimctx cx = {voc, cat, 2024, final};
  assert_int_equal(ys_claims_read(r.d, lines, n, &cx), YS_OK);
  ys_errors errs = {0};
  assert_int_equal(ys_check_rdoc(r.d, cat, NULL, r.f, &errs), YS_OK);
  ys_errors_free(&errs);
  return r;
}

static reading read_text(const char *text) {
  return read_as(text, false);
}

/* Reads a text as a whole file would be read (the document model, its
 * layout, the tables found in it, then the narrative) and checks it. */
static reading read_named(const char *text, const char *path) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  reading r = {NULL, ys_findings_new()};
  ys_errors errs = {0};
  assert_int_equal(ys_read_path(&r.d, path, voc, cat, &errs), YS_OK);
  remove(path);
  assert_int_equal(ys_check_rdoc(r.d, cat, NULL, r.f, &errs), YS_OK);
  ys_errors_free(&errs);
  return r;
}

static reading read_file(const char *text) {
  /* in the working directory: only this program writes it */
  return read_named(text, "test_claims_input.txt");
}

static void done(reading *r) {
  ys_findings_free(r->f);
  ys_rdoc_free(r->d);
}

static void dump(const reading *r) {
  for (size_t i = 0; i < r->d->n_claims; i++) {
    const ys_rclaim *c = &r->d->claims[i];
    print_message("  claim %zu %s text=%s parts=", i,
                  ys_claim_kind_name(c->kind), c->text);
    for (size_t k = 0; k < c->n_parts; k++)
      print_message("%s%s", k ? "," : "", c->parts[k]);
    print_message("\n");
  }
  for (size_t i = 0; i < r->f->n; i++)
    print_message("  finding %s %s claim=%d %s\n",
                  ys_severity_name(r->f->items[i].severity),
                  r->f->items[i].rule, r->f->items[i].claim,
                  r->f->items[i].message);
}

/* The claim of kind `kind` with published figure `text` and the given
 * parts (in order, as printed, a change signed); its index or fails. */
static size_t has_claim(const reading *r, ys_claim_kind kind, const char *text,
                        const char *parts) {
  for (size_t i = 0; i < r->d->n_claims; i++) {
    const ys_rclaim *c = &r->d->claims[i];
    if (c->kind != kind || strcmp(c->text, text)) continue;
    char buf[512] = "";
    for (size_t k = 0; k < c->n_parts; k++) {
      size_t l = strlen(buf);
      snprintf(buf + l, sizeof buf - l, "%s%s", k ? "," : "", c->parts[k]);
    }
    if (!strcmp(buf, parts)) return i;
  }
  dump(r);
  fail_msg("no %s claim %s of %s", ys_claim_kind_name(kind), text, parts);
  return 0;
}

/* The severity of the finding on claim i, or -1 for none. */
static int verdict(const reading *r, size_t i) {
  int sev = -1;
  for (size_t k = 0; k < r->f->n; k++)
    if (r->f->items[k].claim == (int)i + 1 &&
        (int)r->f->items[k].severity > sev)
      sev = (int)r->f->items[k].severity;
  return sev;
}

/* Reads and checks a text: the severity of the finding on its claim of
 * that kind, figure and inputs (which must be read), or -1 for none. */
static int verdict_of(const char *text, ys_claim_kind kind, const char *figure,
                      const char *parts) {
  reading r = read_text(text);
  int v = verdict(&r, has_claim(&r, kind, figure, parts));
  done(&r);
  return v;
}

static size_t count_kind(const reading *r, ys_claim_kind kind) {
  size_t n = 0;
  for (size_t i = 0; i < r->d->n_claims; i++) n += r->d->claims[i].kind == kind;
  return n;
}

static void test_list_with_shares(void **state) {
  (void)state;
  reading r = read_text(
      "本单位2024年收入预算500.00万元，其中：一般公共预算拨款收入400.00万元，"
      "占80.00%；上年结转100.00万元，占20.00%。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "500.00", "400.00,100.00");
  assert_true(r.d->claims[s].exhaustive); /* the shares make 100 % */
  assert_int_equal(verdict(&r, s), -1);
  size_t a = has_claim(&r, YS_CLAIM_SHARE, "80.00", "400.00,500.00");
  assert_int_equal(verdict(&r, a), -1);
  done(&r);
}

static void test_list_that_falls_short(void **state) {
  (void)state;
  /* 基本 + 项目 is a partition of spending: 460 is not 500 */
  reading r =
      read_text("本单位2024年支出预算500.00万元，其中：基本支出300.00万元；"
                "项目支出160.00万元。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "500.00", "300.00,160.00");
  assert_int_equal(verdict(&r, s), YS_SEV_ERROR);
  done(&r);
}

static void test_change_forms(void **state) {
  (void)state;
  reading r = read_text(
      "本单位一般公共预算当年拨款120.00万元，比上年增加20.00万元，增长20.00%。"
      "\n"
      "事业收入同比增长10.0%，增收5.00万元，事业收入为55.00万元。\n"
      "其他收入30.00万元，比上年减少10.00万元，下降30.00%。");
  size_t a = has_claim(&r, YS_CLAIM_CHANGE, "20.00", "120.00,20.00");
  assert_int_equal(verdict(&r, a), -1); /* 20 / (120 − 20) */
  size_t c = has_claim(&r, YS_CLAIM_CHANGE, "30.00", "30.00,-10.00");
  /* 10 / (30 + 10) is 25 %, not 30 %: material */
  assert_int_equal(verdict(&r, c), YS_SEV_ERROR);
  done(&r);
}

static void test_prior_stated_in_the_sentence(void **state) {
  (void)state;
  /* the base is the prior amount printed, not the current one */
  reading r =
      read_text("本单位支出合计930.00万元，比上年1000.00万元减少70.00万元，"
                "下降7.00%。");
  size_t d = has_claim(&r, YS_CLAIM_DIFFERENCE, "70.00", "930.00,1000.00");
  assert_int_equal(verdict(&r, d), -1);
  size_t c = has_claim(&r, YS_CLAIM_CHANGE, "7.00", "-70.00,1000.00");
  assert_int_equal(verdict(&r, c), -1);
  done(&r);
}

static void test_paired_lists(void **state) {
  (void)state;
  reading r = read_text(
      "“三公”经费预算合计90.00万元，其中：公务接待费40.00万元，"
      "公务用车购置及运行维护费50.00万元。与上年相比，分别减少10.00万元、"
      "5.00万元，分别下降20.00%、9.09%。");
  size_t a = has_claim(&r, YS_CLAIM_CHANGE, "20.00", "40.00,-10.00");
  assert_int_equal(verdict(&r, a), -1);
  size_t b = has_claim(&r, YS_CLAIM_CHANGE, "9.09", "50.00,-5.00");
  assert_int_equal(verdict(&r, b), -1);
  done(&r);
}

static void test_share_of_a_named_whole(void **state) {
  (void)state;
  reading r = read_text("全县一般公共预算支出2000.00万元。\n"
                        "教育支出500.00万元，占一般公共预算支出的25.05%。");
  /* 25.00 % printed as 25.05: more than the last digit */
  size_t s = has_claim(&r, YS_CLAIM_SHARE, "25.05", "500.00,2000.00");
  assert_int_equal(verdict(&r, s), YS_SEV_ERROR);
  done(&r);
}

static void test_last_digit_is_a_warning(void **state) {
  (void)state;
  assert_int_equal(
      verdict_of("全县一般公共预算支出3000.00万元。\n"
                 "卫生健康支出1000.00万元，占一般公共预算支出的33.34%。",
                 YS_CLAIM_SHARE, "33.34", "1000.00,3000.00"),
      YS_SEV_WARNING);
}

static void test_completion(void **state) {
  (void)state;
  assert_int_equal(
      verdict_of(
          "本单位“三公”经费支出年初预算为50.00万元，支出决算为40.00万元，"
          "完成年初预算的80.00%。",
          YS_CLAIM_COMPLETION, "80.00", "40.00,50.00"),
      -1);
}

static void test_whole_named_with_the_rate(void **state) {
  (void)state;
  reading r =
      read_text("1-6月，全县完成税收收入600万元，占年初预算1200万元的50.0%，"
                "同比增长5.0%。");
  size_t c = has_claim(&r, YS_CLAIM_COMPLETION, "50.0", "600,1200");
  assert_int_equal(verdict(&r, c), -1);
  done(&r);
}

static void test_units_and_traditional(void **state) {
  (void)state;
  /* 亿元 and 元; traditional characters read as simplified */
  reading r = read_text(
      "全市政府採購規模為120.0億元，其中：貨物類30.0億元，工程類60.0億元，"
      "服務類30.0億元。\n"
      "本单位培训费支出12,345.60元，比上年减少1,234.40元，下降9.09%。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "120.0", "30.0,60.0,30.0");
  assert_int_equal(verdict(&r, s), -1);
  assert_int_equal(r.d->claims[s].unit, YS_UNIT_YIYUAN);
  size_t c = has_claim(&r, YS_CLAIM_CHANGE, "9.09", "12345.60,-1234.40");
  assert_int_equal(verdict(&r, c), -1);
  assert_int_equal(r.d->claims[c].unit, YS_UNIT_YUAN);
  done(&r);
}

static void test_changes_of_the_parts(void **state) {
  (void)state;
  /* the changes of the parts add up to the change of the whole */
  reading r = read_text(
      "本单位收入合计800.00万元，比上年增加50.00万元。其中：财政拨款收入"
      "增加70.00万元；事业收入减少30.00万元。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "50.00", "70.00,-30.00");
  /* 70 − 30 = 40: the changes listed are a selection, so no error */
  assert_true(verdict(&r, s) < YS_SEV_ERROR);
  done(&r);
}

static void test_unchanged_part_adds_zero(void **state) {
  (void)state;
  /* a part said to be unchanged (持平, 无变化) adds 0 to the sum of the
   * changes; a part whose change is not said spoils it */
  reading r = read_text(
      "2025年会议费和培训费预算合计260万元，较上年减少18万元。其中：会议费"
      "60万元，与上年持平；培训费200万元，减少18万元。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "-18", "0,-18");
  assert_true(verdict(&r, s) < YS_SEV_WARNING);
  done(&r);
  r = read_text(
      "2025年会议费和培训费预算合计260万元，较上年减少18万元。其中：会议费"
      "60万元，与上年持平；培训费200万元，减少10万元。");
  s = has_claim(&r, YS_CLAIM_SUM, "-18", "0,-10");
  assert_int_equal(verdict(&r, s), YS_SEV_ERROR);
  done(&r);
  r = read_text(
      "2025年会议费和培训费预算合计260万元，较上年减少18万元。其中：会议费"
      "60万元；培训费200万元，减少18万元。");
  for (size_t i = 0; i < r.d->n_claims; i++)
    assert_false(r.d->claims[i].kind == YS_CLAIM_SUM &&
                 !strcmp(r.d->claims[i].text, "-18"));
  done(&r);
}

static void test_parts_between_reasons(void **state) {
  (void)state;
  /* "其中:" then each part in a sentence of its own with its reasons in
   * between; the parts are not named alike, but each is a part of the
   * whole by meaning (the 三公 items of “三公”经费) */
  reading r = read_text(
      "2025年一般公共预算安排“三公”经费预算共计120万元，比上年减少6万元。"
      "其中：公务接待费30万元，比上年减少8万元。主要原因是压减接待批次。"
      "因公出国（境）费10万元，与上年持平。公务用车购置及运行维护费80万元，"
      "比上年增加2万元，主要原因是车辆老化。");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "120", "30,10,80");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  size_t c = has_claim(&r, YS_CLAIM_SUM, "-6", "-8,0,2");
  assert_true(verdict(&r, c) < YS_SEV_WARNING);
  done(&r);
  /* a next sentence about something else ends the list */
  r = read_text(
      "2025年基本支出预算100万元。其中：人员经费70万元，主要用于工资。"
      "项目支出预算40万元，主要用于专项业务。");
  assert_int_equal(count_kind(&r, YS_CLAIM_SUM), 0);
  done(&r);
}

static void test_breakdown_in_the_next_paragraph(void **state) {
  (void)state;
  /* a paragraph breaking down a total the paragraph before states, its
   * frame naming it by its first and last words */
  reading r = read_text(
      "1-6月，全县完成地方一般公共预算收入2400万元，占年初预算5000万元的"
      "48.0%。\n\n地方收入按部门分：税务部门完成1500万元，占年初预算3100万元"
      "的48.4%；财政部门完成900万元，占年初预算1900万元的47.4%。");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "2400", "1500,900");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  size_t b = has_claim(&r, YS_CLAIM_SUM, "5000", "3100,1900");
  assert_true(verdict(&r, b) < YS_SEV_WARNING);
  done(&r);
}

static void test_table_in_the_text(void **state) {
  (void)state;
  /* a table copied from a page, cells separated by bars, one row broken
   * over lines: its structure read from its figures (合计 = the three
   * items, 公车 = 购置 + 运行; a row of rates between the year rows) */
  reading r = read_text(
      "近两年“三公”经费对比\n"
      "年度 | 合计 | 因公出国 | 公务接待 | 公务用车 | 合计 | 购置 | 运行 |\n"
      "2023年 | 520 | 40 | 180 | 300 | 100 | 200 |\n"
      "2024年 | 470 | 30 | 160 |\n"
      "| 280 | 90 | 190 |\n"
      "2024年比2023年增减% | -9.62 | -25.00 | -11.11 | -6.67 | -10.00 | -5.00 "
      "|");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "520", "40,180,300");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  has_claim(&r, YS_CLAIM_SUM, "280", "90,190");
  size_t c = has_claim(&r, YS_CLAIM_CHANGE, "9.62", "470,520");
  assert_true(verdict(&r, c) < YS_SEV_WARNING);
  done(&r);
  /* −11.11 % is (160 − 180) / 180 (−10.6 … −11.6 % with the amounts
   * rounded to whole 万元): written −15.00 it is an error; and 2025's
   * 30 + 150 + 260 = 440, not 450, breaks the column sum the three other
   * years keep */
  r = read_text("年度 | 合计 | 因公出国 | 公务接待 | 公务用车 |\n"
                "2022年 | 500 | 40 | 170 | 290 |\n"
                "2023年 | 520 | 40 | 180 | 300 |\n"
                "2024年 | 470 | 30 | 160 | 280 |\n"
                "2025年 | 450 | 30 | 150 | 260 |\n"
                "2024年比2023年增减% | -9.62 | -25.00 | -15.00 | -6.67 |");
  size_t e = has_claim(&r, YS_CLAIM_CHANGE, "15.00", "160,180");
  assert_int_equal(verdict(&r, e), YS_SEV_ERROR);
  size_t f = has_claim(&r, YS_CLAIM_SUM, "450", "30,150,260");
  assert_int_equal(verdict(&r, f), YS_SEV_ERROR);
  size_t g = has_claim(&r, YS_CLAIM_SUM, "520", "40,180,300");
  assert_true(verdict(&r, g) < YS_SEV_WARNING);
  done(&r);
}

static void test_flattened_table_with_empty_cells(void **state) {
  (void)state;
  /* a table copied from an HTML page: header rows flattened into one run,
   * the first row on the same line, and a line broken wherever a cell was
   * empty; 合计 after its parts, a rate of the plan and a rate of change
   * beside it. The empty cells are kept (the rows then have one width):
   * 印花税's 150 / 1000 is 15.00 % of the plan, not 16.00 % */
  reading r = read_text(
      "全县收入执行情况如下: 2025年3月收入执行表 | 科 目 | 年度计划 | 累计完成 "
      "| 占计划% | 上年同期 | 同比增减% | 备注 | 县级 | 乡镇级 | 街道 | 合 计 "
      "| 收入合计 | 50000 | 6000 | 3000 | 1000 | 10000 | 20.00 | 8000 | 25.00 "
      "|\n"
      "| 增值税 | 20000 | 2500 |\n"
      "| 500 | 3000 | 15.00 | 2400 | 25.00 |\n"
      "| 契税 | 4000 |\n"
      "|\n"
      "| 800 | 800 | 20.00 | 1000 | -20.00 |\n"
      "| 印花税 | 1000 | 120 | 30 |\n"
      "| 150 | 16.00 | 100 | 50.00 |");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "10000", "6000,3000,1000");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  size_t b = has_claim(&r, YS_CLAIM_SUM, "3000", "2500,500");
  assert_true(verdict(&r, b) < YS_SEV_WARNING);
  size_t c = has_claim(&r, YS_CLAIM_COMPLETION, "20.00", "800,4000");
  assert_true(verdict(&r, c) < YS_SEV_WARNING);
  size_t d = has_claim(&r, YS_CLAIM_COMPLETION, "16.00", "150,1000");
  assert_int_equal(verdict(&r, d), YS_SEV_ERROR);
  size_t e = has_claim(&r, YS_CLAIM_CHANGE, "20.00", "800,1000");
  assert_true(verdict(&r, e) < YS_SEV_WARNING);
  done(&r);
}

static void test_totals_over_blocks(void **state) {
  (void)state;
  /* a table of a city and its districts and counties: 县区级 = 区级 + 县级,
   * each a total of the rows under it; the rows in between are their
   * blocks, not parts of 县区级 */
  reading r = read_text("单位 | 收入 | 支出 |\n"
                        "全市 | 1000 | 3000 |\n"
                        "市本级 | 400 | 500 |\n"
                        "县区级 | 600 | 2500 |\n"
                        "区级 | 250 | 1100 |\n"
                        "甲区 | 100 | 500 |\n"
                        "乙区 | 150 | 600 |\n"
                        "县级 | 350 | 1400 |\n"
                        "丙县 | 200 | 900 |\n"
                        "丁县 | 150 | 500 |");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "600", "250,350");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  size_t b = has_claim(&r, YS_CLAIM_SUM, "2500", "1100,1400");
  assert_true(verdict(&r, b) < YS_SEV_WARNING);
  has_claim(&r, YS_CLAIM_SUM, "3000", "500,2500");
  has_claim(&r, YS_CLAIM_SUM, "350", "200,150");
  /* 区级 is no part of 全市 beside 县区级 */
  for (size_t i = 0; i < r.d->n_claims; i++)
    assert_false(!strcmp(r.d->claims[i].text, "1000") &&
                 r.d->claims[i].n_parts != 2);
  done(&r);
}

static void test_unit_left_off(void **state) {
  (void)state;
  /* "项目支出 40.05," without 万元: the unit of its sibling; the parts
   * then add to 100.05, not the 100.00 stated */
  reading r = read_text("本年支出合计100.00万元,其中:基本支出60.00万元,占60%;"
                        "项目支出40.05,占40%。");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "100.00", "60.00,40.05");
  assert_true(verdict(&r, a) >= YS_SEV_WARNING);
  done(&r);
}

static void test_shares_of_one_whole_apart(void **state) {
  (void)state;
  /* three parts in three paragraphs, each a share of the same whole: the
   * shares add up to 100 %, so the whole is the sum of the amounts. Each
   * share holds to its tenth of a per cent; the sum does not: 10141.11 +
   * 5230.04 + 1934.29 is 17305.44, not the 17305.34 stated */
  reading r = read_text("全年政府采购规模为17305.34亿元。\n"
                        "工程类采购金额10141.11亿元,占采购总规模的58.6%。\n"
                        "货物类采购金额5230.04亿元,占采购总规模的30.2%。\n"
                        "服务类采购金额1934.29亿元,占采购总规模的11.2%。");
  size_t a =
      has_claim(&r, YS_CLAIM_SUM, "17305.34", "10141.11,5230.04,1934.29");
  assert_true(verdict(&r, a) >= YS_SEV_WARNING);
  size_t b = has_claim(&r, YS_CLAIM_SHARE, "11.2", "1934.29,17305.34");
  assert_true(verdict(&r, b) < YS_SEV_WARNING);
  done(&r);
  /* shares that do not add up to 100 % say nothing of the parts' sum */
  r = read_text("全年政府采购规模为17305.34亿元。\n"
                "工程类采购金额10141.11亿元,占采购总规模的58.6%。\n"
                "货物类采购金额5230.04亿元,占采购总规模的30.2%。");
  assert_int_equal(count_kind(&r, YS_CLAIM_SUM), 0);
  done(&r);
}

static void test_text_against_its_table(void **state) {
  (void)state;
  /* the text states what a table printed with it shows: by row name (one
   * figure a row), and in a table of years by the column of the name (公车
   * 购置及运行费 is 公车购置及运行维护费 by the vocabulary) in the year
   * stated. 980 is not the 996 the table prints */
  reading r = read_text(
      "2016年三公经费决算2364万元,其中:因公出国(境)经费12万元,"
      "公务接待费1356万元,公车购置及运行费980万元。\n"
      "年度 | 合计 | 因公出国(境)经费 | 公务接待费 | 公车购置及运行维护费 | "
      "合计 | 车辆购置 | 车辆运行 |\n"
      "2015年 | 2840 | 90 | 1400 | 1350 | 73 | 1277 |\n"
      "2016年 | 2364 | 12 | 1356 | 996 | 37 | 959 |");
  size_t a = has_claim(&r, YS_CLAIM_REPEAT, "1356", "1356");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  size_t b = has_claim(&r, YS_CLAIM_REPEAT, "996", "980");
  assert_int_equal(verdict(&r, b), YS_SEV_ERROR);
  done(&r);
  /* a table of two measures a row: the statement of a budget is compared
   * with the 预算数 column only */
  r = read_text("2024年公务接待费预算1万元,决算2.14万元。\n"
                "项目 | 预算数 | 决算数 |\n"
                "合计 | 246 | 167.37 |\n"
                "公务接待费 | 1 | 2.14 |\n"
                "公务用车购置及运行维护费 | 245 | 165.23 |");
  size_t c = has_claim(&r, YS_CLAIM_REPEAT, "1", "1");
  assert_true(verdict(&r, c) < YS_SEV_WARNING);
  size_t d = has_claim(&r, YS_CLAIM_REPEAT, "2.14", "2.14");
  assert_true(verdict(&r, d) < YS_SEV_WARNING);
  done(&r);
}

static void test_year_table_whole_and_prior(void **state) {
  (void)state;
  /* a whole stated with its parts, the parts cells of one row of a table
   * of years: the whole is that row's 合计 (500 = 500); a part's rate
   * with no prior stated is measured from the table's year before (300
   * against 400: 25.00 %); a part of a part takes the year of its whole,
   * and 100 is not the 90 the table prints for 2024 */
  reading r = read_text(
      "2024年三公经费决算数500万元,比上年决算数下降20.00%。分项情况是:"
      "因公出国(境)经费10万元;公务接待费190万元;公车购置及运行费300万元"
      "(其中公务用车购置费100万元,公务用车运行费200万元),比上年决算数下降"
      "25.00%。\n"
      "年度 | 合计 | 因公出国(境)经费 | 公务接待费 | 公车购置及运行维护费 | "
      "合计 | 车辆购置 | 车辆运行 |\n"
      "2023年 | 625 | 25 | 200 | 400 | 150 | 250 |\n"
      "2024年 | 500 | 10 | 190 | 300 | 90 | 210 |");
  size_t a = has_claim(&r, YS_CLAIM_REPEAT, "500", "500");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  size_t b = has_claim(&r, YS_CLAIM_CHANGE, "25.00", "300,400");
  assert_true(verdict(&r, b) < YS_SEV_WARNING);
  size_t c = has_claim(&r, YS_CLAIM_CHANGE, "20.00", "500,625");
  assert_true(verdict(&r, c) < YS_SEV_WARNING);
  size_t d = has_claim(&r, YS_CLAIM_REPEAT, "90", "100");
  assert_int_equal(verdict(&r, d), YS_SEV_ERROR);
  /* the rates measured are no longer reported as of unknown base */
  assert_int_equal(count_kind(&r, YS_CLAIM_UNCHECKED), 0);
  done(&r);
}

static void test_cells_one_per_line(void **state) {
  (void)state;
  /* a web page's table copied as one cell per line, a blank line between:
   * read as a table (the header, then a label and its figure a row), and
   * the text checked against it — the whole against its 合计 row, each
   * item stated again later against its row (80.00 is not 85.00) */
  reading r = read_file(
      "一、2024年某区本级“三公”经费预算表\n\n(单位:万元)\n\n"
      "项  目\n\n预 算 数\n\n合  计\n\n300.00\n\n"
      "因公出国(境)费\n\n10.00\n\n公务接待费\n\n85.00\n\n"
      "公务用车购置及运行费\n\n205.00\n\n"
      "二、2024年区本级“三公”经费预算情况说明\n\n"
      "2024年,区级“三公”经费预算数为300.00万元,其中:因公出国(境)费"
      "10.00万元,公务接待费85.00万元,公务用车购置及运行费205.00万元。\n\n"
      "(一)因公出国(境)费预算10.00万元,严格按照有关规定执行。\n\n"
      "(二)公务接待费预算80.00万元,严格按照有关规定执行。\n");
  size_t a = has_claim(&r, YS_CLAIM_REPEAT, "300.00", "300.00");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  size_t b = has_claim(&r, YS_CLAIM_REPEAT, "10.00", "10.00");
  assert_true(verdict(&r, b) < YS_SEV_WARNING);
  size_t c = has_claim(&r, YS_CLAIM_REPEAT, "85.00", "80.00");
  assert_int_equal(verdict(&r, c), YS_SEV_ERROR);
  done(&r);
}

static void test_long_paragraph(void **state) {
  (void)state;
  /* a report's paragraph of many sentences, no blank line between: each
   * change is of the amount its own sentence states, however far the
   * paragraph goes on (sentences read later must not lose the earlier
   * ones' figures) */
  char text[8192];
  int o = snprintf(text, sizeof text,
                   "全省一般公共预算收入完成1200亿元,比上年增长20%%,增收200亿"
                   "元。其中,税收收入完成1000亿元,增长25%%,增收200亿元;非税收"
                   "入完成200亿元,持平。\n");
  static const char *const city[] = {"甲", "乙", "丙", "丁", "戊",
                                     "己", "庚", "辛", "壬", "癸"};
  for (int i = 0; i < 10; i++)
    o += snprintf(text + o, sizeof text - (size_t)o,
                  "%s市一般公共预算收入完成%d亿元,同比增长%d%%。全市一般公共"
                  "预算支出执行%d亿元,同比增长%d%%。\n",
                  city[i], 50 + i, 10 + i, 80 + i, 5 + i);
  reading r = read_text(text);
  size_t a = has_claim(&r, YS_CLAIM_CHANGE, "25", "1000,200");
  assert_int_equal(verdict(&r, a), -1);
  size_t b = has_claim(&r, YS_CLAIM_CHANGE, "20", "1200,200");
  assert_int_equal(verdict(&r, b), -1);
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  done(&r);
}

static void test_over_budget_is_a_difference(void **state) {
  (void)state;
  /* 超收 / 短收 is the actual against its budget: not the level the change
   * after it is of, nor the change the 同比 rate measures */
  reading r = read_text(
      "其中:税收收入5000万元,完成预算4800万元的104.2%,超收200万元,同比增长"
      "10.0%,增收454.55万元;非税收入900万元,完成预算1000万元的90.0%,短收"
      "100万元,同比下降10.0%,减收100万元。");
  size_t a = has_claim(&r, YS_CLAIM_CHANGE, "10.0", "5000,454.55");
  assert_int_equal(verdict(&r, a), -1);
  size_t b = has_claim(&r, YS_CLAIM_CHANGE, "10.0", "900,-100");
  assert_int_equal(verdict(&r, b), -1);
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  done(&r);
}

static void test_fund_name_is_no_budget(void **state) {
  (void)state;
  /* "一般公共预算收入总计" names a fund, not a budget: it is no base of
   * the completion rate of the next sentence */
  reading r = read_text(
      "全县2024年一般公共预算收入总计20亿元,同比增长3%,完成年初预算的105%。"
      "其中:一般公共预算收入完成8亿元,同比减少5%,完成预算的102%;上级补助"
      "收入12亿元。");
  for (size_t i = 0; i < r.d->n_claims; i++) {
    const ys_rclaim *c = &r.d->claims[i];
    assert_false(c->kind == YS_CLAIM_COMPLETION && c->n_parts == 2 &&
                 !strcmp(c->parts[1], "20"));
  }
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  done(&r);
}

static void test_whole_the_parts_make(void **state) {
  (void)state;
  /* 其中 opening a sentence after one that states two amounts: its whole
   * is the one its parts make (地方级, not 中央级) */
  reading r = read_text(
      "从收入级次看,中央级收入120.5亿元,同比增长3.1%;地方级收入300.4亿元,"
      "同比增长5.2%。其中,省本级收入100.1亿元,同比增长8.0%;市县级收入200.3"
      "亿元,同比增长4.0%。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "300.4", "100.1,200.3");
  assert_int_equal(verdict(&r, s), -1);
  done(&r);
}

static void test_part_changes_of_the_wholes_base(void **state) {
  (void)state;
  /* the whole's change is against the budget; the first part's budget is
   * said unchanged and only its change against last year is a figure:
   * that one is no part of the budget's difference */
  reading r = read_text(
      "2023年度,本县“三公”经费支出决算为500.00万元,较年初预算数540.00万元"
      "减少40.00万元,较上年520.00万元减少20.00万元。其中:因公出国(境)费为"
      "0万元,较年初预算数0万元无增减变化,较上年6.00万元减少6.00万元;公务接"
      "待费为200.00万元,较年初预算数215.00万元减少15.00万元;公务用车购置及"
      "运行维护费为300.00万元,较年初预算数325.00万元减少25.00万元。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "-40.00", "0,-15.00,-25.00");
  assert_int_equal(verdict(&r, s), -1);
  for (size_t i = 0; i < r.d->n_claims; i++)
    assert_false(r.d->claims[i].kind == YS_CLAIM_SUM &&
                 !strcmp(r.d->claims[i].text, "-40.00") &&
                 !strcmp(r.d->claims[i].parts[0], "-6.00"));
  done(&r);
}

static void test_bounds_are_no_wholes(void **state) {
  (void)state;
  /* "均在 200 亿元之下", "在 80-120 亿元之间": bounds the cities' figures
   * keep, not the whole their list is of */
  reading r = read_text(
      "全省一般公共预算收入1000.0亿元,比上年增加50.0亿元,增长5.3%。"
      "其余各市一般公共预算收入均在200亿元之下。其中甲市、乙市和丙市较高,"
      "分别为180.2亿元、150.6亿元和140.3亿元。丁市和戊市均在80-120亿元之间。"
      "其中丁市为110.5亿元,戊市为90.1亿元。");
  assert_int_equal(count_kind(&r, YS_CLAIM_SUM), 0);
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  done(&r);
}

static void test_first_parts_make_the_whole(void **state) {
  (void)state;
  /* three collectors make the whole exactly; the fourth figure is another
   * aggregate stated after them, not a fourth part */
  reading r = read_text(
      "一季度,全县完成财政收入20000万元,同比增长5.0%。其中,税务部门完成"
      "12000万元,同比增长6.0%;财政部门完成5000万元,同比增长3.0%;其他部门"
      "完成3000万元,同比增长4.0%;实现地方一般公共预算收入14000万元,同比增"
      "长7.0%。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "20000", "12000,5000,3000");
  assert_int_equal(verdict(&r, s), -1);
  done(&r);
}

static void test_sums_of_counts(void **state) {
  (void)state;
  /* vehicles by the template's categories, after 其中 and in a bracket:
   * a count is exact (no rounding), the list ends at a count of another
   * word, and one ending with 其他… is the whole */
  reading r = read_text(
      "截至2025年8月31日,本单位共有车辆6辆,其中:机要通信用车1辆、应急保障"
      "用车0辆、执法执勤用车3辆、其他用车1辆;单价100万元(含)以上设备(不含"
      "车辆)2台(套)。固定资产500.00万元,其中:车辆4辆(一般公务用车1辆,执法"
      "执勤用车3辆,其他用车0辆);专用设备12台(其中:单价100万元以上专用设备"
      "0台)。");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "6", "1,0,3,1");
  assert_int_equal(verdict(&r, a), YS_SEV_ERROR);
  assert_string_equal(r.d->claims[a].counted, "辆");
  size_t b = has_claim(&r, YS_CLAIM_SUM, "4", "1,3,0");
  assert_int_equal(verdict(&r, b), -1);
  for (size_t i = 0; i < r.d->n_claims; i++)
    assert_false(r.d->claims[i].kind == YS_CLAIM_SUM &&
                 !strcmp(r.d->claims[i].text, "12"));
  done(&r);
}

static void test_executed_beside_final(void **state) {
  (void)state;
  /* a 决算 report's balance table, one cell a line: 执行数 beside 决算数
   * (two measures the vocabulary reads alike) and "一、一般公共预算收入"
   * beside "二、转移性收入" under 收入总计 (a part named as the table's
   * fund): neither is made to equal another, and both are said; a row
   * named 调出资金 in 2017 (a code of later catalogues, found by its name)
   * is no printed code to be wrong */
  reading r =
      read_file("某县2017年财政决算报告\n"
                "一、一般公共预算收支决算情况\n"
                "一般公共预算支出705万元,加上解支出305万元,支出总计1010万元。\n"
                "表1:2017年全县一般公共预算收支决算平衡表 | |||||\n"
                "单位:万元 | |||||\n"
                "科目名称 |\n"
                "执行数 |\n"
                "决算数 |\n"
                "科目名称 |\n"
                "执行数 |\n"
                "决算数 |\n"
                "收入总计 |\n"
                "1000 |\n"
                "1010 |\n"
                "支出总计 |\n"
                "1000 |\n"
                "1010 |\n"
                "一、一般公共预算收入 |\n"
                "600 |\n"
                "600 |\n"
                "一、一般公共预算支出 |\n"
                "700 |\n"
                "705 |\n"
                "税收收入 |\n"
                "450 |\n"
                "450 |\n"
                "二、转移性支出 |\n"
                "300 |\n"
                "305 |\n"
                "非税收入 |\n"
                "150 |\n"
                "150 |\n"
                "上解支出 |\n"
                "300 |\n"
                "305 |\n"
                "上年结余 |\n"
                "0 |\n"
                "0 |\n"
                "调出资金 |\n"
                "0 |\n"
                "0 |\n"
                "二、转移性收入 |\n"
                "400 |\n"
                "410 |\n"
                "上级补助收入 |\n"
                "400 |\n"
                "410 |\n");
  size_t twins = 0, parts = 0;
  for (size_t i = 0; i < r.f->n; i++) {
    const ys_finding *f = &r.f->items[i];
    assert_true(f->severity < YS_SEV_WARNING);
    twins += strstr(f->message, "执行数") && strstr(f->message, "同一数据");
    parts += strstr(f->message, "行名按词义") != NULL;
  }
  assert_int_equal(twins, 2);
  assert_int_equal(parts, 2);
  /* the text's 一般公共预算支出 is that part or the total: not checked */
  size_t open = 0;
  for (size_t i = 0; i < r.f->n; i++)
    open += strstr(r.f->items[i].message, "口径不明") != NULL;
  assert_int_equal(open, 1);
  /* a 平衡表 is a balance: its left side is income */
  bool income = false;
  for (size_t t = 0; t < r.d->n; t++)
    income = income || r.d->tables[t].base.src == YS_Q_REV;
  assert_true(income);
  done(&r);
}

static void test_shares_of_no_one_whole(void **state) {
  (void)state;
  /* "占" with no whole named, the rates adding to far over 100 %: each is
   * of its own budget, not a share of the sum; and shares with the list
   * they restate make one sum, not two */
  reading r = read_text(
      "本镇2023年度一般公共预算财政拨款“三公”经费支出预算为48.00万元,支出"
      "决算为35.00万元,完成预算的72.92%。"
      "本镇2023年度一般公共预算财政拨款“三公”经费支出决算中,因公出国(境)费"
      "支出决算0.00万元,"
      "公务接待费支出决算20.00万元,占62.50%;公务用车购置及运行维护费支出"
      "决算15.00万元,占93.75%。2023年本年支出合计300.00万元,其中:基本支出"
      "240.00万元,占80%;项目支出60.00万元,占20%;经营支出0万元,占0%;上缴"
      "上级支出0万元,占0%。");
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  size_t sums = 0;
  for (size_t i = 0; i < r.d->n_claims; i++)
    sums += r.d->claims[i].kind == YS_CLAIM_SUM &&
            !strcmp(r.d->claims[i].text, "300.00");
  assert_int_equal(sums, 1);
  done(&r);
}

static void test_people_by_category(void **state) {
  (void)state;
  /* people by category: a category with its own list (包括…) stands for
   * its items, and categories of another breakdown after the first that
   * make the total (职称, then 退休 beyond it) are not its parts */
  reading r = read_text(
      "本单位2024年收入预算100万元,比上年增加10万元,增长11.1%。"
      "本单位实有人数70人,其中在职人员50人,包括行政人员20人,事业人员30人;"
      "退休人员12人,遗属8人。在职职工50人,其中高级职称10人,中级职称30人,"
      "初级职称10人,退休职工12人。");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "70", "50,12,8");
  assert_int_equal(verdict(&r, a), -1);
  size_t b = has_claim(&r, YS_CLAIM_SUM, "50", "10,30,10");
  assert_int_equal(verdict(&r, b), -1);
  assert_int_equal(count_kind(&r, YS_CLAIM_SUM), 2);
  done(&r);
}

static void test_outline_of_a_text_table(void **state) {
  (void)state;
  /* the rows' numbering is the hierarchy: 合计 is 1. + 2. + 3., and 3. is
   * at least its 其中 rows — not 1. + 2. + 3. + (1), which happens to add
   * up when 3. was left at 0; a row of a higher numbering after them
   * (二、) is not one of 合计's */
  reading r = read_text("2024年某局“三公”经费预算情况统计表\n"
                        "单位:万元\n"
                        "项目 | 本年预算数 | 上年预算数 |\n"
                        "合计 | 20.50 | 22.00 |\n"
                        "1.因公出国(境)费用 | 0 | 0 |\n"
                        "2.公务接待费 | 2.50 | 3.00 |\n"
                        "3.公务用车购置及运行维护费 | 0 | 19.00 |\n"
                        "其中:(1)公务用车运行维护费 | 18.00 | 19.00 |\n"
                        "(2)公务用车购置费 | 0 | 0 |\n"
                        "二、会议费和培训费 | 5.00 | 6.00 |\n"
                        "1.会议费 | 2.00 | 2.50 |\n"
                        "2.培训费 | 3.00 | 3.50 |\n");
  size_t total = has_claim(&r, YS_CLAIM_SUM, "20.50", "0,2.50,0");
  assert_int_equal(verdict(&r, total), YS_SEV_ERROR);
  size_t car = has_claim(&r, YS_CLAIM_SUM, "0", "18.00,0");
  assert_int_equal(verdict(&r, car), YS_SEV_ERROR);
  /* what it should be, exact at the parts' decimals (not "18") */
  for (size_t i = 0; i < r.f->n; i++)
    if (r.f->items[i].claim == (int)car + 1)
      assert_string_equal(r.f->items[i].expected, "18.00");
  size_t last = has_claim(&r, YS_CLAIM_SUM, "22.00", "0,3.00,19.00");
  assert_int_equal(verdict(&r, last), -1);
  done(&r);
}

static void test_changes_given_as_reasons(void **state) {
  (void)state;
  /* the reasons of a fall are the falls of its parts: they make it, and
   * parts that fell by more than the whole did are said */
  reading r = read_text(
      "2024年支出预算较上年减少1200.50万元,主要是基本支出预算减少200.25万元,"
      "项目支出预算减少1000.25万元。2024年收入预算较上年减少300.00万元,主要是"
      "财政拨款收入减少250.00万元,事业收入减少80.00万元。");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "-1200.50", "-200.25,-1000.25");
  assert_int_equal(verdict(&r, a), -1);
  size_t b = has_claim(&r, YS_CLAIM_SUM, "-300.00", "-250.00,-80.00");
  assert_int_equal(verdict(&r, b), YS_SEV_WARNING);
  done(&r);
}

static void test_change_between_two_years_stated(void **state) {
  (void)state;
  /* both years' amounts stated, then the change: the change is their
   * difference and its rate is of the earlier year's */
  reading r = read_text(
      "2024年“三公”经费预算为45.20万元,2023年“三公”经费预算为50.80万元,与"
      "上年相比减少5.80万元,下降11.02%。");
  size_t d = has_claim(&r, YS_CLAIM_DIFFERENCE, "5.80", "45.20,50.80");
  assert_int_equal(verdict(&r, d), YS_SEV_ERROR);
  size_t c = has_claim(&r, YS_CLAIM_CHANGE, "11.02", "-5.80,50.80");
  assert_int_equal(verdict(&r, c), YS_SEV_ERROR);
  done(&r);
}

static void test_this_year_beside_last_year(void **state) {
  (void)state;
  /* a web page's 三公 table: 上年决算数 | 本年决算数 | 比上年增、减情况
   * (增、减金额 | 增、减幅度). 本年 beside 上年 is the year, so the 增减
   * column is this year's less last year's, and a wrong one is said (as
   * a wrong rate is) */
  reading r = read_named(
      "<html><head><meta charset=\"utf-8\"></head><body>"
      "<p>某县2024年“三公”经费决算情况统计表</p><p>单位:万元</p>"
      "<table border=\"1\"><tr><td rowspan=\"2\">项目</td>"
      "<td rowspan=\"2\">上年决算数</td><td rowspan=\"2\">本年决算数</td>"
      "<td colspan=\"2\">比上年增、减情况</td></tr>"
      "<tr><td>增、减金额</td><td>增、减幅度</td></tr>"
      "<tr><td>合计</td><td>300.00</td><td>280.00</td><td>-30.00</td>"
      "<td>-6.67%</td></tr>"
      "<tr><td>1.因公出国(境)费</td><td>20.00</td><td>10.00</td>"
      "<td>-10.00</td><td>-50.00%</td></tr>"
      "<tr><td>2.公务接待费</td><td>80.00</td><td>70.00</td><td>-10.00</td>"
      "<td>-13.50%</td></tr>"
      "<tr><td>3.公务用车购置及运行费</td><td>200.00</td><td>200.00</td>"
      "<td>0.00</td><td>0.00%</td></tr></table></body></html>",
      "test_claims_input.html");
  size_t wrong = 0, rate = 0;
  for (size_t i = 0; i < r.f->n; i++) {
    const ys_finding *f = &r.f->items[i];
    if (f->severity < YS_SEV_WARNING) continue;
    assert_non_null(f->found);
    wrong += !strcmp(f->found, "-30.00") && !strcmp(f->expected, "-20.00");
    /* (the rate, printed with its %, is said once with it) */
    rate += strstr(f->message, "13.50%") != NULL;
    assert_null(strstr(f->message, "%%"));
  }
  assert_int_equal(wrong, 1);
  assert_int_equal(rate, 1);
  done(&r);
}

/* A 决算 收支总表 of three panels side by side (收入; 支出 by function; 支出
 * by nature), each with a 行次 column, over a 栏次 row that numbers the
 * columns: the 栏次 row is no heading (each panel is found and read, its
 * figures checked), and the row numbers are no figures a claim is read
 * from. The spending by function is wrong by 100 元. */
static void test_three_panels_with_row_numbers(void **state) {
  (void)state;
  reading r = read_named(
      "<html><head><meta charset=\"utf-8\"></head><body>"
      "<p>收入支出决算总表</p><p>金额单位:元</p>"
      "<table border=\"1\"><tr><td colspan=\"3\">收入</td>"
      "<td colspan=\"6\">支出</td></tr>"
      "<tr><td>项目</td><td>行次</td><td>决算数</td><td>项目(按功能分类)</td>"
      "<td>行次</td><td>决算数</td><td>按支出性质</td><td>行次</td>"
      "<td>决算数</td></tr>"
      "<tr><td>栏次</td><td></td><td>1</td><td>栏次</td><td></td><td>2</td>"
      "<td>栏次</td><td></td><td>3</td></tr>"
      "<tr><td>一、财政拨款收入</td><td>1</td><td>500,000.00</td>"
      "<td>一、一般公共服务支出</td><td>20</td><td>400,000.00</td>"
      "<td>一、基本支出</td><td>40</td><td>450,000.00</td></tr>"
      "<tr><td>二、事业收入</td><td>2</td><td>0.00</td>"
      "<td>二、教育支出</td><td>21</td><td>100,100.00</td>"
      "<td>二、项目支出</td><td>41</td><td>50,000.00</td></tr>"
      "<tr><td>本年收入合计</td><td>3</td><td>500,000.00</td>"
      "<td>本年支出合计</td><td>22</td><td>500,000.00</td>"
      "<td>本年支出合计</td><td>42</td><td>500,000.00</td></tr>"
      "</table></body></html>",
      "test_claims_input.html");
  /* three tables, each with its amount column read */
  assert_int_equal(r.d->n, 3);
  for (size_t t = 0; t < r.d->n; t++) {
    size_t amounts = 0;
    for (size_t c = 0; c < r.d->tables[t].ncols; c++)
      amounts += r.d->tables[t].cols[c].kind == YS_RCOL_AMOUNT &&
                 !r.d->tables[t].cols[c].twin;
    assert_int_equal(amounts, 1);
  }
  assert_int_equal(r.d->n_claims, 0);
  size_t wrong = 0, errors = 0;
  for (size_t i = 0; i < r.f->n; i++) {
    const ys_finding *f = &r.f->items[i];
    if (f->severity != YS_SEV_ERROR) continue;
    errors++;
    wrong += strstr(f->message, "本年支出合计") != NULL;
  }
  assert_int_equal(errors, 1);
  assert_int_equal(wrong, 1);
  done(&r);
}

/* "较上年决算数 A 万元 B 万元,增长 r%": the change word left out before
 * B and said after it, with the rate: B is the change from A (the rate of
 * A), not the prior. */
static void test_change_word_left_out(void **state) {
  (void)state;
  reading r = read_text(
      "某镇2024年“三公”经费决算支出数为520.00万元,较2023年决算数400.00万元"
      "120.00万元,增长30%。");
  size_t d = has_claim(&r, YS_CLAIM_DIFFERENCE, "120.00", "520.00,400.00");
  assert_int_equal(verdict(&r, d), -1);
  size_t c = has_claim(&r, YS_CLAIM_CHANGE, "30", "120.00,400.00");
  assert_int_equal(verdict(&r, c), -1);
  done(&r);
  /* a wrong rate is still found, of the right base */
  assert_int_equal(verdict_of("某镇2024年“三公”经费决算支出数为520.00万元,"
                              "较2023年决算数400.00万元120.00万元,增长25%。",
                              YS_CLAIM_CHANGE, "25", "120.00,400.00"),
                   YS_SEV_ERROR);
}

/* "由 X 万元增加到 Y 万元" / "从 2023 年的 X 万元减少至 2024 年的 Y 万元":
 * X is the prior, Y the level it came to; the change and rate said after
 * are measured between them. */
static void test_from_and_to(void **state) {
  (void)state;
  reading r = read_text("本部门会议费由上年的50.00万元增加到60.00万元,增加10.00"
                        "万元,增长25%。");
  size_t d = has_claim(&r, YS_CLAIM_DIFFERENCE, "10.00", "60.00,50.00");
  assert_int_equal(verdict(&r, d), -1);
  size_t c = has_claim(&r, YS_CLAIM_CHANGE, "25", "10.00,50.00");
  assert_int_equal(verdict(&r, c), YS_SEV_ERROR); /* 20 % */
  done(&r);
  assert_int_equal(
      verdict_of("本部门培训费从2023年的69.25万元减少至2024年的3.30万元,降幅达"
                 "95.23%。",
                 YS_CLAIM_CHANGE, "95.23", "3.30,69.25"),
      -1);
}

/* Items each stated as budgeted and as spent ("A 预算数为 a,决算数为 b;B
 * 预算数为 …"): the whole's measure picks its parts, and the parts of the
 * other measure are no parts of it. */
static void test_parts_of_the_whole_measure(void **state) {
  (void)state;
  reading r = read_text(
      "某县2024年“三公”经费预算数为300.00万元,决算支出数为250.00万元。其中:"
      "公务接待费预算数为100.00万元,决算支出数为90.00万元;公务用车购置及运行"
      "维护费预算数为200.00万元,决算支出数为160.00万元。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "300.00", "100.00,200.00");
  assert_int_equal(verdict(&r, s), -1);
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  done(&r);
}

/* An aside that prints the whole's figure again beside another figure
 * restates the whole (its budget at the start of the year, then as
 * raised), and lists no parts of it. */
static void test_aside_restating_the_whole(void **state) {
  (void)state;
  reading r = read_text(
      "本部门2024年“三公”经费预算数为800.00万元(年初预算数200.00万元,因职能"
      "划入追加到800.00万元),支出数为300.00万元。");
  assert_int_equal(count_kind(&r, YS_CLAIM_SUM), 0);
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  done(&r);
}

/* Rivals ranked by their amounts ("A 以 a 万元、B 以 b 万元…位居前三") are
 * no parts of a whole, whether the paragraph before ends with an amount
 * or not. */
static void test_ranking_is_no_list(void **state) {
  (void)state;
  reading r = read_text(
      "本单位2024年收入预算500.00万元。\n"
      "从公务接待费金额看,甲大学以300.00万元,乙大学以200.00万元,丙大学以"
      "100.00万元位居前三。\n"
      "从因公出国(境)费金额看,丁大学以250.00万元、戊大学以150.00万元、己大学"
      "以120.00万元位居前三。");
  assert_int_equal(count_kind(&r, YS_CLAIM_SUM), 0);
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  done(&r);
}

/* Reads and checks an HTML page: how many errors, each of the rule and
 * naming the one cell whose text is cell; no warnings besides. */
static size_t page_errors(const char *html, const char *rule,
                          const char *cell) {
  reading r = read_named(html, "test_claims_input.html");
  size_t n = 0;
  for (size_t i = 0; i < r.f->n; i++) {
    const ys_finding *f = &r.f->items[i];
    assert_true(f->severity != YS_SEV_WARNING);
    if (f->severity != YS_SEV_ERROR) continue;
    assert_string_equal(f->rule, rule);
    assert_int_equal(f->n_related, 1);
    assert_string_equal(f->related[0].text, cell);
    n++;
  }
  done(&r);
  return n;
}

/* A share of a whole the text names and does not state ("占一般公共预算
 * 支出的 80.00%") is checked against the amount the tables print for that
 * quantity, and the finding names the cell; with no table printing it,
 * the share stays unchecked. */
static void test_share_of_a_table_whole(void **state) {
  (void)state;
  const char *page =
      "<html><head><meta charset=\"utf-8\"></head><body>"
      "<p>2024年一般公共预算支出预算表</p><p>单位:万元</p>"
      "<table border=\"1\"><tr><td>科目编码</td><td>科目名称</td><td>合计</td>"
      "<td>基本支出</td><td>项目支出</td></tr>"
      "<tr><td></td><td>合计</td><td>200.00</td><td>150.00</td>"
      "<td>50.00</td></tr>"
      "<tr><td>201</td><td>一般公共服务支出</td><td>200.00</td>"
      "<td>150.00</td><td>50.00</td></tr></table>"
      "<p>二、情况说明</p>"
      "<p>本单位2024年一般公共预算基本支出预算150.00万元,占%s的%s%%。</p>"
      "</body></html>";
  char html[2048];
  snprintf(html, sizeof html, page, "一般公共预算支出", "75.00");
  assert_int_equal(page_errors(html, "narrative.share", "200.00"), 0);
  /* a whole the vocabulary knows only as a kind of table is none */
  snprintf(html, sizeof html, page, "一般公共预算政府采购支出", "70.00");
  assert_int_equal(page_errors(html, "narrative.share", "200.00"), 0);
  snprintf(html, sizeof html, page, "一般公共预算支出", "70.00");
  assert_int_equal(page_errors(html, "narrative.share", "200.00"), 1);
  /* the text alone: no table prints the whole */
  reading u = read_text(
      "本单位2024年一般公共预算基本支出预算150.00万元,占一般公共预算支出的"
      "70.00%。");
  for (size_t i = 0; i < u.f->n; i++)
    assert_true(u.f->items[i].severity < YS_SEV_WARNING);
  done(&u);
}

/* A 决算's completion rate of a budget it does not state ("完成年初预算的
 * 70.00%", "完成预算的 70.00%") is checked against the 年初预算数 the
 * tables print for the actual's quantity, or the one budget they print. */
static void test_completion_of_a_table_budget(void **state) {
  (void)state;
  const char *page =
      "<html><head><meta charset=\"utf-8\"></head><body>"
      "<p>2024年度“三公”经费支出决算表</p><p>单位:万元</p>"
      "<table border=\"1\"><tr><td>项目</td><td>年初预算数</td><td>决算数</td>"
      "</tr><tr><td>合计</td><td>80.00</td><td>60.00</td></tr>"
      "<tr><td>1.因公出国(境)费</td><td>0.00</td><td>0.00</td></tr>"
      "<tr><td>2.公务用车购置及运行维护费</td><td>50.00</td><td>40.00</td></tr>"
      "<tr><td>3.公务接待费</td><td>30.00</td><td>20.00</td></tr></table>"
      "<p>二、情况说明</p><p>本单位2024年度“三公”经费支出决算为60.00万元,"
      "完成%s的%s%%。</p></body></html>";
  char html[2048];
  snprintf(html, sizeof html, page, "年初预算", "75.00");
  assert_int_equal(page_errors(html, "narrative.completion", "80.00"), 0);
  snprintf(html, sizeof html, page, "预算", "70.00");
  assert_int_equal(page_errors(html, "narrative.completion", "80.00"), 1);
  /* a budget not said which, where the tables print 年初 and 全年 apart:
   * which one is meant is not known */
  assert_int_equal(
      page_errors(
          "<html><head><meta charset=\"utf-8\"></head><body>"
          "<p>2024年度“三公”经费支出决算表</p><p>单位:万元</p>"
          "<table border=\"1\"><tr><td>项目</td><td>年初预算数</td>"
          "<td>全年预算数</td><td>决算数</td></tr>"
          "<tr><td>合计</td><td>80.00</td><td>90.00</td><td>60.00</td></tr>"
          "<tr><td>1.因公出国(境)费</td><td>0.00</td><td>0.00</td><td>0.00</td>"
          "</tr><tr><td>2.公务接待费</td><td>80.00</td><td>90.00</td>"
          "<td>60.00</td></tr></table>"
          "<p>二、情况说明</p><p>本单位2024年度“三公”经费支出决算为60.00万元,"
          "完成预算的70.00%。</p></body></html>",
          "narrative.completion", "80.00"),
      0);
}

/* The quantity of the amount claim whose figure is text, or NULL. */
static const char *amount_quantity(const reading *r, const char *text) {
  for (size_t i = 0; i < r->d->n_claims; i++)
    if (r->d->claims[i].kind == YS_CLAIM_AMOUNT &&
        !strcmp(r->d->claims[i].text, text))
      return r->d->claims[i].quantity;
  return NULL;
}

/* Subjects the amount reader's own lists do not name, read by the
 * vocabulary the tables are read by: the narrative's quantity is the one
 * a table row of that name shows. */
static void test_subjects_by_the_vocabulary(void **state) {
  (void)state;
  reading r = read_text(
      "2024年度,本单位因公出国(境)费支出0.50万元,机关运行经费支出12.30万元,"
      "事业收入3.40万元。");
  assert_string_equal(amount_quantity(&r, "0.50"), "exp;econ=30212");
  assert_string_equal(amount_quantity(&r, "12.30"), "exp;key=机关运行经费");
  const char *q = amount_quantity(&r, "3.40");
  assert_non_null(q);
  assert_non_null(strstr(q, "rev;fund="));
  assert_non_null(strstr(q, "business"));
  done(&r);
  /* the total of both sides ("收支总预算"), which balance, is the
   * spending's */
  reading b = read_text("本单位2024年收支总预算108.50万元。");
  assert_string_equal(amount_quantity(&b, "108.50"), "exp");
  done(&b);
  /* what the vocabulary reads only in part is left unread */
  reading u = read_text("本单位2024年收入预算500.00万元。2024年度,本单位政府"
                        "采购支出总额5.60万元,一般公共预算政府采购支出5.70"
                        "万元。");
  assert_null(amount_quantity(&u, "5.60"));
  /* nor a name with a kind of table in it */
  assert_null(amount_quantity(&u, "5.70"));
  done(&u);
}

/* A figure alone after its subject's colon ("1.因公出国(境)费:0.30 万元")
 * and one whose unit is written 万 alone where its clause ends are read;
 * a unit note ("单位:万元") and "5 万份" are not. */
static void test_colon_and_bare_wan(void **state) {
  (void)state;
  reading r = read_text("2024年“三公”经费预算5.00万元。\n"
                        "1.因公出国(境)费:0.30万元\n"
                        "2.公务接待费支出2.26万,印发资料5万份。\n"
                        "表3 “三公”经费预算表 单位:万元");
  assert_string_equal(amount_quantity(&r, "0.30"), "exp;econ=30212");
  assert_string_equal(amount_quantity(&r, "2.26"), "exp;econ=30217");
  assert_null(amount_quantity(&r, "5"));
  assert_int_equal(count_kind(&r, YS_CLAIM_MISSING), 0);
  done(&r);
}

/* A narrative in traditional characters (a mirror of the page, glossed in
 * pinyin) is read as its simplified text: its amounts are those of the
 * quantities. */
static void test_traditional_amounts(void **state) {
  (void)state;
  reading r = read_text("2024年“三公”經費預算5.00萬元。\n"
                        "1.因公出國(境)費支出2.00萬元,與上年持平。\n"
                        "2、公務(wù)接待費(fèi)2.50萬元,與去年持平。");
  assert_string_equal(amount_quantity(&r, "2.00"), "exp;econ=30212");
  /* (a mirror's pinyin glosses, "(fèi)", left out) */
  assert_string_equal(amount_quantity(&r, "2.50"), "exp;econ=30217");
  assert_string_equal(amount_quantity(&r, "5.00"),
                      "exp;econ=30212|30217|30231|31013");
  done(&r);
}

/* A package's title line ("…部门决算情况说明"), with or without a blank
 * line after it, is no part of the first sentence's subject. */
static void test_title_line_is_no_subject(void **state) {
  (void)state;
  reading r = read_text("某镇2024年度部门决算情况说明\n\n"
                        "本年收入总计100.00万元,本年支出总计100.00万元。");
  assert_string_equal(amount_quantity(&r, "100.00"), "rev;period=cur");
  done(&r);
}

/* The passage's precision counts each printed figure once, and never a
 * bare "0": "项目支出 80 万元" beside figures of two decimals is 80.00, so
 * a sum that misses by 0.11 is found however many of its parts are zero
 * and however many claims read each part. */
static void test_precision_of_printed_figures(void **state) {
  (void)state;
  reading r = read_text(
      "2024年本年支出合计460.06万元,其中:基本支出380.17万元,占83%;项目支出"
      "80万元,占17%;上缴上级支出0万元,占0%;经营支出0万元,占0%;对附属单位补"
      "助支出0万元,占0%。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "460.06", "380.17,80,0,0,0");
  assert_true(verdict(&r, s) >= YS_SEV_WARNING);
  done(&r);
}

static void test_items_of_a_function_list(void **state) {
  (void)state;
  /* an item's figure with a thousands separator, and a first item right
   * under a title line with no 。: each is its class's amount */
  reading r = read_text(
      "2025年部门预算\n"
      "1.“一般公共服务支出(类)财政事务(款)行政运行(项)”1,623.18万元,"
      "主要用于人员经费。\n"
      "2.“一般公共服务支出(类)财政事务(款)一般行政管理事务(项)”10.00万元,"
      "主要用于业务工作。\n");
  const char *q = amount_quantity(&r, "1,623.18");
  assert_non_null(q);
  assert_string_equal(q, "exp;func=2010601");
  q = amount_quantity(&r, "10.00");
  assert_non_null(q);
  assert_string_equal(q, "exp;func=2010602");
  done(&r);
}

static void test_sibling_organisations(void **state) {
  (void)state;
  /* the same figure of another bureau after a 其中 of one part is the
   * whole's sibling, not its second part; "增(减)0元" is a change */
  reading r = read_text(
      "今年甲市公安局的“三公”经费财政拨款决算数为950.80万元,相比预算数减少"
      "约100万元,其中公车购置费为0元;甲市环境保护局“三公”经费财政拨款决算"
      "数为43.10万元,相比预算数减少约4万元。安排公务用车运行维护及购置费"
      "32500元,比上年预算增7200元,同比增长28.46%,其中:公务用车购置费0元,"
      "增(减)0元;公务用车运行维护费32500元,增7200元,同比增长28.46%。");
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  size_t s = has_claim(&r, YS_CLAIM_SUM, "32500", "0,32500");
  assert_int_equal(verdict(&r, s), -1);
  done(&r);
}

static void test_list_told_by_meaning(void **state) {
  (void)state;
  /* no 其中: the amounts after the whole are its parts by what they name
   * (the 三公 items inside “三公”经费) */
  reading r = read_text(
      "2023年三公经费支出数为250.50万元,因公出国(境)费10.25万元,公务用车购置"
      "及运行费200.00万元,公务接待费41.25万元。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "250.50", "10.25,200.00,41.25");
  assert_true(verdict(&r, s) >= YS_SEV_WARNING);
  done(&r);
}

static void test_parts_without_commas(void **state) {
  (void)state;
  /* a list copied without its commas: the second part follows the first's
   * unit, and the change after the last part may be the whole's */
  reading r = read_text(
      "2023年本市公务用车购置及运行维护费500.0万元其中,公务用车购置费100.0"
      "万元公务用车运行维护费400.0万元比2022年减少100.0万元,下降16.7%。");
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  size_t s = has_claim(&r, YS_CLAIM_SUM, "500.0", "100.0,400.0");
  assert_int_equal(verdict(&r, s), -1);
  done(&r);
}

static void test_outline_ends_at_an_empty_heading(void **state) {
  (void)state;
  /* "二、相关统计数" prints no figures: it still ends the outline of
   * 一、支出合计, so the counts numbered 1. 2. under it are not its parts */
  reading r = read_text("某局2024年“三公”经费预算表\n"
                        "单位:万元\n"
                        "项目 | 本年预算数 | 上年预算数 |\n"
                        "一、支出合计 | 12.50 | 14.00 |\n"
                        "1.因公出国(境)费用 | 0 | 0 |\n"
                        "2.公务接待费 | 2.50 | 3.00 |\n"
                        "3.公务用车购置及运行维护费 | 10.00 | 11.00 |\n"
                        "二、相关统计数 | | |\n"
                        "1.公务接待批次 | 35 | 40 |\n"
                        "2.公务用车保有量 | 3 | 3 |\n");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "12.50", "0,2.50,10.00");
  assert_int_equal(verdict(&r, a), -1);
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  done(&r);
}

static void test_aside_list_ends_at_a_comma(void **state) {
  (void)state;
  /* an aside whose items are set apart by 、 ends at the comma: what
   * follows it is the whole's sibling (专项 beside 一般), not a fourth
   * part of 一般转移支付 */
  reading r = read_text(
      "本镇上级转移支付收入900万元,其中:一般转移支付收入600万元(含均衡性"
      "转移支付收入100万元、基本财力保障机制奖补资金收入300万元、其他一般"
      "转移支付收入200万元,专项转移支付收入300万元),上年结转50万元。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "600", "100,300,200");
  assert_int_equal(verdict(&r, s), -1);
  for (size_t i = 0; i < r.d->n_claims; i++)
    assert_false(r.d->claims[i].kind == YS_CLAIM_SUM &&
                 r.d->claims[i].n_parts == 4);
  done(&r);
}

static void test_two_panels_one_cell_a_line(void **state) {
  (void)state;
  /* a balance table copied one cell a line: its header repeats its
   * columns (收入 执行数 决算数 支出 执行数 决算数), so each printed row is
   * the two panels' rows side by side; the last row of revenue has no
   * expenditure beside it. 一、支出合计 is not the 总计 of its side. */
  reading r =
      read_file("表1 2024年全县一般公共预算收支决算平衡表\n\n单位:万元\n\n"
                "收入\n\n执行数\n\n决算数\n\n支出\n\n执行数\n\n决算数\n\n"
                "总计\n\n500\n\n500\n\n总计\n\n500\n\n500\n\n"
                "一、本级收入\n\n200\n\n200\n\n一、支出合计\n\n400\n\n400\n\n"
                "税收收入\n\n150\n\n150\n\n二、转移性支出\n\n100\n\n100\n\n"
                "非税收入\n\n50\n\n50\n");
  assert_int_equal(r.d->n, 1);
  const ys_rtable *t = &r.d->tables[0];
  size_t wide = 0;
  for (size_t i = 0; i < t->nrows; i++) wide += t->rows[i].n == 6;
  assert_int_equal(wide, 3); /* 总计, 一、, 税收收入 with the other side */
  for (size_t i = 0; i < r.f->n; i++)
    if (r.f->items[i].severity == YS_SEV_ERROR) {
      dump(&r);
      fail_msg("a false error: %s", r.f->items[i].message);
    }
  done(&r);
}

static void test_two_columns(void **state) {
  (void)state;
  /* a page set in two columns (pdftotext -layout of a yearbook): the left
   * column read first, then the right, the left's last line running on
   * into the right's first; the completion rate then has its budget */
  reading r =
      read_file("                                                              "
                "29.70 亿元,为调整预算的 99.0%,比上年增长 5.0%。\n"
                "\n"
                "            收入执行情况 2024 年,县人大常委会批准的年度       "
                "支出执行情况 2024 年,县人大常委会批准的年度\n"
                "            一般公共预算收入预算为 30.00 亿元。执行结果:      "
                "一般公共预算支出预算为 50.00 亿元。执行结果:\n"
                "            完成一般公共预算收入                              "
                "完成一般公共预算支出 49.00 亿元,完成调整预算\n"
                "                                                              "
                "的 98.0%。\n");
  size_t a = has_claim(&r, YS_CLAIM_COMPLETION, "99.0", "29.70,30.00");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  size_t b = has_claim(&r, YS_CLAIM_COMPLETION, "98.0", "49.00,50.00");
  assert_true(verdict(&r, b) < YS_SEV_WARNING);
  done(&r);
}

static void test_differences_of_all_kinds(void **state) {
  (void)state;
  /* a balance in one breath: what is carried on is income less spending
   * (9000.00 − 8800.00 = 200.00, not 210.00) */
  reading r = read_text("按现行体制计算,总收入9000.00亿元,总支出8800.00亿元,"
                        "结转下年支出210.00亿元。");
  size_t a = has_claim(&r, YS_CLAIM_DIFFERENCE, "210.00", "9000.00,8800.00");
  assert_int_equal(verdict(&r, a), YS_SEV_ERROR);
  done(&r);
  /* not so for 本年 figures (the carry-over brought in is left out) */
  r = read_text(
      "本年收入合计900万元,本年支出合计880万元,年末结转和结余50万元。");
  assert_int_equal(count_kind(&r, YS_CLAIM_DIFFERENCE), 0);
  done(&r);
  /* the base of a change named in the clause before and stated later in
   * the paragraph, an amount that lists the same parts */
  r = read_text("2024年三公经费预算80.00万元。其中,因公出国(境)经费10.00万元,"
                "公务用车购置及运行费50.00万元,公务接待费20.00万元。"
                "与2023年决算数相比,2024年三公经费预算减少5.00万元。"
                "2023年,本部门三公经费决算支出85.00万元。其中,因公出国(境)"
                "经费12.00万元,公务用车购置及运行费52.00万元,公务接待费21.00"
                "万元。");
  size_t b = has_claim(&r, YS_CLAIM_DIFFERENCE, "5.00", "80.00,85.00");
  assert_true(verdict(&r, b) < YS_SEV_WARNING);
  done(&r);
  /* a change against the budget, whose figure only the table prints: the
   * row of the same name, its 预算数 column (3.00 − 2.00 = 1.00, not 1.50) */
  r = read_text("2023年度三公经费支出决算表\n"
                "项目 | 预算数 | 决算数 |\n"
                "合计 | 12.00 | 13.00 |\n"
                "公务接待费 | 2.00 | 3.00 |\n"
                "公务用车运行维护费 | 10.00 | 10.00 |\n"
                "公务接待费支出决算3.00万元,与年度预算相比,增加1.50万元。");
  size_t c = has_claim(&r, YS_CLAIM_DIFFERENCE, "1.50", "3.00,2.00");
  assert_int_equal(verdict(&r, c), YS_SEV_ERROR);
  done(&r);
}

static void test_two_header_rows_in_one_run(void **state) {
  (void)state;
  /* a web table's two header rows copied as one run of cells, a group
   * (累计完成数) over the second row: the columns are told by the figures
   * (its 合计 the sum of its levels), and the text's change measured from
   * the row's 上年同期数 (1200 − 1000 = 200, not 250) */
  reading r = read_text("税收收入1200万元,占收入的80.00%,同比增收250万元。\n"
                        "收入执行情况表\n"
                        "| 科目 | 本年计划 | 累计完成数 | 累计完成数 | "
                        "上年同期数 | 备注 | 中央级 | 省级 | 县乡级 | 合计 |\n"
                        "| 税收收入 | 6000 | 500 | 300 | 400 | 1200 | 1000 |\n"
                        "| 增值税 | 3000 | 250 | 150 | 200 | 600 | 520 |\n"
                        "| 企业所得税 | 2000 | 150 | 100 | 150 | 400 | 330 |\n"
                        "| 非税收入 | 1500 | 100 | 100 | 100 | 300 | 290 |");
  size_t a = has_claim(&r, YS_CLAIM_DIFFERENCE, "250", "1200,1000");
  assert_int_equal(verdict(&r, a), YS_SEV_ERROR);
  done(&r);
}

static void test_reason_for_a_large_difference(void **state) {
  (void)state;
  /* a 决算 explains an actual far from its budget: 43 % with no reason is
   * reported (info, never an error); 88.00 % with its reason, and 95.00 %
   * (within ten points), are not */
  reading r = read_as("2023年公务接待费预算10.00万元,因公出国(境)费预算10.00"
                      "万元,公务用车运行维护费预算20.00万元。"
                      "公务接待费支出决算为4.30万元,完成预算的43%。"
                      "因公出国(境)费支出决算8.80万元,完成预算的88.00%,"
                      "主要原因是出访计划调整。"
                      "公务用车运行维护费支出决算19.00万元,完成预算的95.00%。",
                      true);
  size_t a = has_claim(&r, YS_CLAIM_UNEXPLAINED, "43", "4.30,10.00");
  assert_int_equal(verdict(&r, a), YS_SEV_INFO);
  has_claim(&r, YS_CLAIM_COMPLETION, "88.00", "8.80,10.00");
  has_claim(&r, YS_CLAIM_COMPLETION, "95.00", "19.00,20.00");
  assert_int_equal(count_kind(&r, YS_CLAIM_UNEXPLAINED), 1);
  done(&r);
}

static void test_shapes_of_other_packages(void **state) {
  (void)state;
  /* a 决算 states budget and actual, then 其中 and the parts: the parts
   * are of the actual (20.00 + 5.00 = 25.00, its shares 80 % and 20 %) */
  reading r = read_as("2023年三公经费财政拨款支出预算为50.00万元,实际支出三公"
                      "经费决算为25.00万元。其中公务接待费为20.00万元,占80.00%;"
                      "公务用车运行维护费为5.00万元,占20.00%。",
                      true);
  size_t a = has_claim(&r, YS_CLAIM_SUM, "25.00", "20.00,5.00");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  size_t b = has_claim(&r, YS_CLAIM_SHARE, "80.00", "20.00,25.00");
  assert_true(verdict(&r, b) < YS_SEV_WARNING);
  done(&r);
  /* the prior named with more words before its figure ("比上年累计支出
   * 90 万元下降 10 万元"): 100 − 90 is no change of 10 from 80 */
  r = read_text(
      "公务接待费支出80万元,比上年累计支出90万元下降10万元,下降11%。");
  size_t c = has_claim(&r, YS_CLAIM_DIFFERENCE, "10", "80,90");
  assert_true(verdict(&r, c) < YS_SEV_WARNING);
  size_t d = has_claim(&r, YS_CLAIM_CHANGE, "11", "-10,90");
  assert_true(verdict(&r, d) < YS_SEV_WARNING);
  done(&r);
  /* 各 pairs a list of changes with the list of totals the sentence before
   * states item by item (收 500.00 less 100.00, 支 400.00 less 100.00) */
  r = read_text("2024年度收、支总计各是500.00,400.00万元。与2023年相比,收、支"
                "总计各减少100.00,100.00万元,各下降16.67%、20.00%。");
  size_t d2 = has_claim(&r, YS_CLAIM_CHANGE, "20.00", "400.00,-100.00");
  assert_true(verdict(&r, d2) < YS_SEV_WARNING);
  done(&r);
  /* a year written without 年 after 较 is no prior amount */
  r = read_text("2025年收入预算1282.73万元。收入较2024增加39.39万元。");
  assert_int_equal(count_kind(&r, YS_CLAIM_DIFFERENCE), 0);
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  done(&r);
  /* the change of the year before is of this year's figure, not of the
   * year before's of the same name (11.80 + 0.58 = 12.38: 4.68 %) */
  r = read_text("2023年度三公经费合计支出20.12万元,其中:公务接待12.39万元,"
                "公务用车运行费用7.73万元。\n"
                "2024年度三公经费预算总计21.80万元,其中:公务接待11.80万元,"
                "公务用车运行费用10.00万元。其中公务接待较上年同期减少0.58"
                "万元,减少4.68%。");
  size_t g = has_claim(&r, YS_CLAIM_CHANGE, "4.68", "11.80,-0.58");
  assert_true(verdict(&r, g) < YS_SEV_WARNING);
  done(&r);
  /* a second 其中 after a rate opens a list of the part before it */
  r = read_text("收入预算7000.00元,其中:财政拨款收入7000.00元,100%其中上年结转"
                "1000.00元。");
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  done(&r);
  /* a list of one budget's parts ends where another budget starts */
  r = read_text("一般公共预算收入累计完成1000万元,其中:税收收入累计完成800万元;"
                "非税收入累计完成200万元;政府性基金预算收入50万元。");
  size_t e = has_claim(&r, YS_CLAIM_SUM, "1000", "800,200");
  assert_true(verdict(&r, e) < YS_SEV_WARNING);
  done(&r);
  /* a long numbered heading, and a full stop before the next section's
   * number, end what comes before them: the lists below them are their
   * own (600 = 200 + 400, not a part of the first list) */
  r = read_text(
      "二、2023年度一般公共预算及政府性基金财政拨款“三公”经费支出决算"
      "情况说明\n"
      "收入完成1000万元。其中:地方收入完成700万元;上划收入完成300万元."
      "(二)支出情况:支出完成600万元,增长5%。其中:市本级完成200万元;"
      "县级完成400万元。");
  size_t f = has_claim(&r, YS_CLAIM_SUM, "600", "200,400");
  assert_true(verdict(&r, f) < YS_SEV_WARNING);
  done(&r);
  /* a statement of another year than the document's (2024) meets no cell
   * of a table of no years */
  r = read_text("2023年公务接待费决算3.00万元。\n"
                "项目 | 预算数 | 决算数 |\n"
                "合计 | 12.00 | 13.00 |\n"
                "公务接待费 | 2.00 | 3.50 |\n"
                "公务用车运行维护费 | 10.00 | 9.50 |");
  assert_int_equal(count_kind(&r, YS_CLAIM_REPEAT), 0);
  done(&r);
}

static void test_guessed_columns_warn(void **state) {
  (void)state;
  /* a 三公 table whose header is a tree and whose one row of figures comes
   * one cell a line: fitted to a province's layout by guess (the columns of
   * the figures are not told by any identity), so what its cells seem to
   * contradict is a warning to check, never an error */
  reading r = read_file(
      "某区管委会2024年\n一般公共预算“三公”经费预算\n"
      "一、2024年一般公共预算“三公”经费支出预算表\n单位:万元\n"
      "“三公”经费合计\n因公出国(境)费\n公务用车购置及运行费\n公务\n"
      "接待费\n小计\n公务用车购置费\n公务用车运行费\n"
      "200.5\n8\n62.5\n40\n22.5\n130\n"
      "二、2024年一般公共预算“三公”经费支出预算情况说明\n"
      "某区2024年一般公共预算“三公”经费支出预算为200.5万元。\n"
      "(二)公务用车购置及运行费支出预算62.5万元。其中:公务用车运行费22.5"
      "万元,公务用车购置费40万元。\n");
  size_t warn = 0;
  for (size_t i = 0; i < r.f->n; i++) {
    assert_true(r.f->items[i].severity < YS_SEV_ERROR);
    warn += r.f->items[i].severity == YS_SEV_WARNING;
  }
  assert_true(warn > 0);
  done(&r);
}

static void test_whole_or_part_or_basis(void **state) {
  (void)state;
  /* a list after a sentence on something else: parts far over the "whole"
   * are no parts of it, so no sum is claimed (and no error) */
  reading r = read_text("项目支出预算4000元,同比无增减变化。其中:"
                        "(一)教育支出850000元,占支出总预算78.00%。"
                        "(二)卫生健康支出240000元,占支出总预算22.00%。");
  assert_int_equal(count_kind(&r, YS_CLAIM_SUM), 0);
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_ERROR);
  done(&r);
  /* a change after the last part of a list whose other parts have none
   * may be the whole's: 2000 of 5000 against 3000 (66.7 %) holds */
  r = read_text("事业运行经费总预算安排5000元,其中:基本支出预算1000元,"
                "项目支出预算4000元,同比增加2000元,增长66.7%。");
  size_t a = has_claim(&r, YS_CLAIM_CHANGE, "66.7", "4000,2000");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  done(&r);
  /* a figure restated on a comparable basis: its rate's base is not the
   * figure less the change, so the rate is not checked (info only) */
  r = read_text("地方一般公共预算收入(同口径)完成30000万元,同比增长10.0%,"
                "增收4000万元。");
  assert_int_equal(count_kind(&r, YS_CLAIM_CHANGE), 0);
  for (size_t i = 0; i < r.f->n; i++)
    assert_true(r.f->items[i].severity < YS_SEV_WARNING);
  done(&r);
}

static void test_cells_ending_in_bars(void **state) {
  (void)state;
  /* a web table copied one cell a line, each cell ending in "|", no row
   * marked: the rows are told by their width (label, amount, a dash), its
   * 合计 the sum of its items, and a second table after it (two columns)
   * is a table of its own, not rows of the first */
  reading r = read_file("2024年度三公经费决算情况\n"
                        "经费项目 |\n2024年度支出(万元) |\n减少额(万元) |\n"
                        "因公出国(境)费 |\n12 |\n- |\n"
                        "公务接待费 |\n25 |\n- |\n"
                        "公务用车购置及运行维护费 |\n31 |\n- |\n"
                        "三公经费合计 |\n68 |\n- |\n"
                        "2024年度三公经费使用情况\n"
                        "使用项目 |\n2024年度数量 |\n"
                        "公务用车保有量 |\n3 |\n"
                        "国内公务接待批次 |\n12 |\n");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "68", "31,25,12");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  done(&r);
}

static void test_rate_column_of_a_table(void **state) {
  (void)state;
  /* a table set as text, years for labels, each amount with the rate of
   * change from the year before beside it: the rates are checked against
   * the amounts (2024: (52.00 − 50.00) / 50.00 = 4.0 %, not 6.0 %) */
  reading r = read_text("表3  2020—2024年财政收入情况\n"
                        "年份 财政收入(亿元) 比上年增长(%)\n"
                        "2020 38.10 2.1\n"
                        "2021 40.00 5.0\n"
                        "2022 44.00 10.0\n"
                        "2023 50.00 13.6\n"
                        "2024 52.00 6.0\n");
  size_t a = has_claim(&r, YS_CLAIM_CHANGE, "13.6", "50.00,44.00");
  assert_true(verdict(&r, a) < YS_SEV_WARNING);
  size_t b = has_claim(&r, YS_CLAIM_CHANGE, "6.0", "52.00,50.00");
  assert_int_equal(verdict(&r, b), YS_SEV_ERROR);
  done(&r);
}

static void test_labelled_total_that_fails(void **state) {
  (void)state;
  /* a 合计 that adds up in no column (or in one only): the label says it is
   * the total of the rows under it, so it is claimed and found wrong */
  reading r = read_text("三公经费情况如下:\n"
                        "项目 | 预算数 | 决算数 |\n"
                        "合计 | 70.00 | 60.00 |\n"
                        "因公出国(境)费 | 12.00 | 10.00 |\n"
                        "公务接待费 | 25.00 | 20.00 |\n"
                        "公务用车购置及运行维护费 | 31.00 | 30.00 |");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "70.00", "12.00,25.00,31.00");
  assert_int_equal(verdict(&r, a), YS_SEV_ERROR);
  size_t b = has_claim(&r, YS_CLAIM_SUM, "60.00", "10.00,20.00,30.00");
  assert_true(verdict(&r, b) < YS_SEV_WARNING);
  done(&r);
  /* below its parts, an item's own block (公务用车 = 购置 + 运行) one part */
  r = read_text("三公经费情况如下:\n"
                "项目 | 预算数 |\n"
                "因公出国(境)费 | 12.00 |\n"
                "公务接待费 | 25.00 |\n"
                "公务用车购置及运行维护费 | 31.00 |\n"
                "其中:公务用车购置费 | 11.00 |\n"
                "公务用车运行维护费 | 20.00 |\n"
                "合计 | 70.00 |");
  size_t c = has_claim(&r, YS_CLAIM_SUM, "70.00", "31.00,25.00,12.00");
  assert_int_equal(verdict(&r, c), YS_SEV_ERROR);
  done(&r);
}

static void test_long_table_in_the_text(void **state) {
  (void)state;
  /* a total over 99 rows: more rows than any sum takes (16), nothing
   * overruns, and no sum is claimed from a part of them */
  char *text = malloc(8192);
  assert_non_null(text);
  size_t o = (size_t)snprintf(text, 8192,
                              "本单位收入合计9900万元。\n单位 | 收入 | 支出 |\n"
                              "合计 | 9900 | 4950 |\n");
  /* three rows a line: the 64 lines of read_text hold them */
  for (int i = 0; i < 99; i++)
    o += (size_t)snprintf(text + o, 8192 - o, "单位%d | 100 | 50 |%s", i + 1,
                          i % 3 == 2 ? "\n" : " ");
  reading r = read_text(text);
  assert_int_equal(count_kind(&r, YS_CLAIM_SUM), 0);
  done(&r);
  free(text);
}

static void test_restated_figure(void **state) {
  (void)state;
  reading r = read_text(
      "5.住房公积金（项）60.00万元，主要用于职工住房公积金。2023年预算执行数"
      "为55.00万元，2024年预算安排62.00万元，比2023年预算执行数增加9.09%。");
  size_t s = has_claim(&r, YS_CLAIM_REPEAT, "62.00", "60.00");
  assert_int_equal(verdict(&r, s), YS_SEV_ERROR);
  done(&r);
}

static void test_unchecked_without_a_base(void **state) {
  (void)state;
  /* a rate whose base the text does not state: info, never an error */
  reading r = read_text("全县一般公共预算收入900万元，同比增长8.3%。");
  assert_int_equal(count_kind(&r, YS_CLAIM_CHANGE), 0);
  assert_true(count_kind(&r, YS_CLAIM_UNCHECKED) >= 1);
  assert_int_equal(ys_findings_count(r.f, YS_SEV_ERROR), 0);
  assert_int_equal(ys_findings_count(r.f, YS_SEV_WARNING), 0);
  done(&r);
}

static void test_similar_names_are_not_one_whole(void **state) {
  (void)state;
  /* 转移支付 is not 税收返还和转移支付: the share is left unchecked */
  reading r = read_text(
      "对市县税收返还和转移支付400.00亿元（包括一般性转移支付300.00亿元，"
      "占转移支付比重达80%；专项转移支付75.00亿元）。");
  assert_int_equal(count_kind(&r, YS_CLAIM_SHARE), 0);
  assert_int_equal(ys_findings_count(r.f, YS_SEV_ERROR), 0);
  done(&r);
}

static void test_breakdown_frame(void **state) {
  (void)state;
  reading r = read_text(
      "今年前5个月，全市一般公共预算收入5000亿元，同比增长3%。\n"
      "分市本级和县区看，市本级一般公共预算收入2000亿元；县区一般公共预算"
      "收入3100亿元。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "5000", "2000,3100");
  /* a breakdown that exceeds its total */
  assert_int_equal(verdict(&r, s), YS_SEV_ERROR);
  done(&r);
}

static void test_lists_over_sections(void **state) {
  (void)state;
  /* a total, "其中:" closing its paragraph, then one numbered section per
   * part; 0 + 60 + 25 is not 86 (the three 三公 items are the whole) */
  reading r = read_text(
      "2024年本单位“三公”经费预算总额为86.00万元，较上年减少5%。其中：\n"
      "一、因公出国（境）费\n"
      "2024年因公出国（境）费预算0万元。\n"
      "二、公务用车购置及运行维护费\n"
      "公务用车购置及运行维护费预算60.00万元，与上年持平。\n"
      "三、公务接待费\n"
      "公务接待费预算25.00万元，主要用于上级检查接待。\n"
      "第三部分 其他说明\n"
      "本单位无政府采购预算，机关运行经费预算12.00万元。");
  size_t s = has_claim(&r, YS_CLAIM_SUM, "86.00", "0,60.00,25.00");
  assert_int_equal(verdict(&r, s), YS_SEV_ERROR);
  done(&r);
}

static void test_clause_marks_left_out(void **state) {
  (void)state;
  /* "…10%其中:" with no comma; a full stop that closes an aside "(…。)" */
  reading r = read_text(
      "公务用车购置及运行维护费预算70.00万元，比上年减少10%其中：公务用车"
      "购置费20.00万元，公务用车运行维护费50.00万元。\n"
      "“三公”经费预算42.00万元，其中：因公出国（境）费0万元；公务用车购置"
      "及运行费30.00万元（购置费10.00万元，运行维护费20.00万元。）；公务接待"
      "费13.00万元。");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "70.00", "20.00,50.00");
  assert_int_equal(verdict(&r, a), -1);
  size_t b = has_claim(&r, YS_CLAIM_SUM, "42.00", "0,30.00,13.00");
  assert_int_equal(verdict(&r, b), YS_SEV_ERROR);
  /* the aside lists the parts of the amount it follows */
  size_t c = has_claim(&r, YS_CLAIM_SUM, "30.00", "10.00,20.00");
  assert_int_equal(verdict(&r, c), -1);
  done(&r);
}

static void test_list_resumed_after_reasons(void **state) {
  (void)state;
  /* "其中:" with one part, its reasons, then the next part in a sentence of
   * its own, named like the first (公务用车…费) */
  reading r = read_text(
      "公务用车购置及运行费预算18.00万元。其中：公务用车运行费16.00万元，"
      "与上年持平，主要用于车辆燃油及维修。公务用车购置费0万元，与上年持平。");
  size_t a = has_claim(&r, YS_CLAIM_SUM, "18.00", "16.00,0");
  assert_int_equal(verdict(&r, a), YS_SEV_ERROR);
  done(&r);
}

static void test_uses_listed(void **state) {
  (void)state;
  /* "主要用于以下方面:" opens the list; its shares are of the amount before */
  reading r = read_text(
      "一般公共预算财政拨款支出200.00万元，主要用于以下方面：一般公共服务支出"
      "（类）150.00万元，占75.00%；住房保障支出（类）50.00万元，占20.00%。");
  size_t a = has_claim(&r, YS_CLAIM_SHARE, "20.00", "50.00,200.00");
  assert_int_equal(verdict(&r, a), YS_SEV_ERROR);
  size_t b = has_claim(&r, YS_CLAIM_SHARE, "75.00", "150.00,200.00");
  assert_int_equal(verdict(&r, b), -1);
  done(&r);
}

static void test_shares_made_to_add_up(void **state) {
  (void)state;
  /* Thirds by the largest remainder method: 33.34 + 33.33 + 33.33 = 100.
   * The first is one unit above its share rounded alone, and accepted. */
  assert_int_equal(
      verdict_of("甲支出1000.00万元，占33.34%；乙支出1000.00万元，占33.33%；"
                 "丙支出1000.00万元，占33.33%。",
                 YS_CLAIM_SHARE, "33.34", "1000.00,1000.00,1000.00"),
      -1);
  /* Shares that add up to 100.01 were not made so: one unit off is the
   * last-digit warning it always was. */
  assert_int_equal(
      verdict_of("甲支出1000.00万元，占33.34%；乙支出1000.00万元，占33.34%；"
                 "丙支出1000.00万元，占33.33%。",
                 YS_CLAIM_SHARE, "33.34", "1000.00,1000.00,1000.00"),
      YS_SEV_WARNING);
}

/* A ruled text table (a table renderer's box, a Markdown table) is a table:
 * its figures are cells, checked as such, never sentences. */
static void test_ruled_text_tables(void **state) {
  (void)state;
  static const char *const tables[] = {
      "2025年部门一般公共预算支出功能分类预算表\n"
      "单位：万元\n"
      "+------+------------------+--------+\n"
      "| 编码 |     科目名称     |  合计  |\n"
      "+======+==================+========+\n"
      "| 201  | 一般公共服务支出 | 100.00 |\n"
      "| 208  | 社会保障和就业支出 |  50.00 |\n"
      "|      | 合计             | 160.00 |\n"
      "+------+------------------+--------+\n",
      "2025年部门一般公共预算支出功能分类预算表\n"
      "单位：万元\n"
      "| 编码 | 科目名称 | 合计 |\n"
      "|---|---|---|\n"
      "| 201 | 一般公共服务支出 | 100.00 |\n"
      "| 208 | 社会保障和就业支出 | 50.00 |\n"
      "| | 合计 | 160.00 |\n"};
  for (size_t t = 0; t < 2; t++) {
    reading r = read_file(tables[t]);
    assert_true(r.d->n >= 1);
    for (size_t i = 0; i < r.d->n_claims; i++)
      assert_string_not_equal(r.d->claims[i].text, "160.00");
    /* 合计 160.00 is not 100.00 + 50.00 */
    bool sum = false;
    for (size_t i = 0; i < r.f->n; i++)
      sum = sum || (r.f->items[i].severity == YS_SEV_ERROR &&
                    strstr(r.f->items[i].message, "160"));
    if (!sum) dump(&r);
    assert_true(sum);
    done(&r);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_shares_made_to_add_up),
      cmocka_unit_test(test_ruled_text_tables),
      cmocka_unit_test(test_list_with_shares),
      cmocka_unit_test(test_list_that_falls_short),
      cmocka_unit_test(test_change_forms),
      cmocka_unit_test(test_prior_stated_in_the_sentence),
      cmocka_unit_test(test_paired_lists),
      cmocka_unit_test(test_share_of_a_named_whole),
      cmocka_unit_test(test_last_digit_is_a_warning),
      cmocka_unit_test(test_completion),
      cmocka_unit_test(test_whole_named_with_the_rate),
      cmocka_unit_test(test_units_and_traditional),
      cmocka_unit_test(test_changes_of_the_parts),
      cmocka_unit_test(test_unchanged_part_adds_zero),
      cmocka_unit_test(test_parts_between_reasons),
      cmocka_unit_test(test_breakdown_in_the_next_paragraph),
      cmocka_unit_test(test_table_in_the_text),
      cmocka_unit_test(test_rate_column_of_a_table),
      cmocka_unit_test(test_flattened_table_with_empty_cells),
      cmocka_unit_test(test_totals_over_blocks),
      cmocka_unit_test(test_unit_left_off),
      cmocka_unit_test(test_shares_of_one_whole_apart),
      cmocka_unit_test(test_text_against_its_table),
      cmocka_unit_test(test_year_table_whole_and_prior),
      cmocka_unit_test(test_cells_one_per_line),
      cmocka_unit_test(test_long_paragraph),
      cmocka_unit_test(test_over_budget_is_a_difference),
      cmocka_unit_test(test_fund_name_is_no_budget),
      cmocka_unit_test(test_whole_the_parts_make),
      cmocka_unit_test(test_aside_list_ends_at_a_comma),
      cmocka_unit_test(test_part_changes_of_the_wholes_base),
      cmocka_unit_test(test_bounds_are_no_wholes),
      cmocka_unit_test(test_first_parts_make_the_whole),
      cmocka_unit_test(test_sums_of_counts),
      cmocka_unit_test(test_executed_beside_final),
      cmocka_unit_test(test_shares_of_no_one_whole),
      cmocka_unit_test(test_people_by_category),
      cmocka_unit_test(test_outline_of_a_text_table),
      cmocka_unit_test(test_outline_ends_at_an_empty_heading),
      cmocka_unit_test(test_changes_given_as_reasons),
      cmocka_unit_test(test_change_between_two_years_stated),
      cmocka_unit_test(test_this_year_beside_last_year),
      cmocka_unit_test(test_items_of_a_function_list),
      cmocka_unit_test(test_sibling_organisations),
      cmocka_unit_test(test_list_told_by_meaning),
      cmocka_unit_test(test_parts_without_commas),
      cmocka_unit_test(test_two_panels_one_cell_a_line),
      cmocka_unit_test(test_two_columns),
      cmocka_unit_test(test_differences_of_all_kinds),
      cmocka_unit_test(test_two_header_rows_in_one_run),
      cmocka_unit_test(test_reason_for_a_large_difference),
      cmocka_unit_test(test_shapes_of_other_packages),
      cmocka_unit_test(test_cells_ending_in_bars),
      cmocka_unit_test(test_whole_or_part_or_basis),
      cmocka_unit_test(test_guessed_columns_warn),
      cmocka_unit_test(test_labelled_total_that_fails),
      cmocka_unit_test(test_long_table_in_the_text),
      cmocka_unit_test(test_restated_figure),
      cmocka_unit_test(test_unchecked_without_a_base),
      cmocka_unit_test(test_similar_names_are_not_one_whole),
      cmocka_unit_test(test_breakdown_frame),
      cmocka_unit_test(test_lists_over_sections),
      cmocka_unit_test(test_clause_marks_left_out),
      cmocka_unit_test(test_list_resumed_after_reasons),
      cmocka_unit_test(test_uses_listed),
      cmocka_unit_test(test_three_panels_with_row_numbers),
      cmocka_unit_test(test_share_of_a_table_whole),
      cmocka_unit_test(test_completion_of_a_table_budget),
      cmocka_unit_test(test_change_word_left_out),
      cmocka_unit_test(test_from_and_to),
      cmocka_unit_test(test_parts_of_the_whole_measure),
      cmocka_unit_test(test_aside_restating_the_whole),
      cmocka_unit_test(test_ranking_is_no_list),
      cmocka_unit_test(test_subjects_by_the_vocabulary),
      cmocka_unit_test(test_title_line_is_no_subject),
      cmocka_unit_test(test_traditional_amounts),
      cmocka_unit_test(test_colon_and_bare_wan),
      cmocka_unit_test(test_precision_of_printed_figures),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
