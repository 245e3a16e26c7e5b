/*
 * test_catalog.c - the classification catalogue: lookups by code and year,
 * the code tree, name matching as PDF text prints names, the departmental
 * to government economic mapping, and loading errors with line and column.
 *
 * The built-in catalogue is the reference every checker relies on, so the
 * tests also pin the facts the seeds depend on: every code printed in the
 * four published packages is known, and the mapping of seed 000 (an
 * institutional unit) is reproduced.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "yusuan/catalog.h"

static ys_catalog *cat;

static int setup(void **state) {
  (void)state;
  ys_errors errs = {0};
  int st = ys_catalog_open_builtin(&cat, &errs);
  for (size_t i = 0; i < errs.count; i++) {
    char buf[1024];
    ys_error_format(&errs.items[i], buf, sizeof buf);
    fprintf(stderr, "%s\n", buf);
  }
  ys_errors_free(&errs);
  return st == YS_OK && cat ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  ys_catalog_free(cat);
  cat = NULL;
  return 0;
}

static const char *name_of(ys_cls cls, const char *code, int year) {
  const ys_cat_entry *e = ys_catalog_lookup(cat, cls, code, year);
  return e ? e->name : NULL;
}

static void test_lookup_by_year(void **state) {
  (void)state;
  assert_string_equal(name_of(YS_CLS_FUNC, "210", 2018),
                      "医疗卫生与计划生育支出");
  assert_string_equal(name_of(YS_CLS_FUNC, "210", 2023), "卫生健康支出");
  assert_string_equal(name_of(YS_CLS_FUNC, "210", 2019), "卫生健康支出");
  assert_string_equal(name_of(YS_CLS_FUNC, "210", 0), "卫生健康支出");
  assert_string_equal(name_of(YS_CLS_FUNC, "207", 2018), "文化体育与传媒支出");
  assert_string_equal(name_of(YS_CLS_FUNC, "207", 2020),
                      "文化旅游体育与传媒支出");
  assert_string_equal(name_of(YS_CLS_FUNC, "21305", 2020), "扶贫");
  assert_string_equal(name_of(YS_CLS_FUNC, "21305", 2021),
                      "巩固脱贫攻坚成果衔接乡村振兴");
  /* 医疗保障管理事务 was created in 2019: no entry before */
  assert_null(ys_catalog_lookup(cat, YS_CLS_FUNC, "21015", 2018));
  assert_string_equal(name_of(YS_CLS_FUNC, "2101506", 2023),
                      "医疗保障经办事务");
  assert_null(ys_catalog_lookup(cat, YS_CLS_FUNC, "2109998", 2023));
  assert_null(ys_catalog_lookup(cat, YS_CLS_FUNC, "", 2023));
  assert_null(ys_catalog_lookup(NULL, YS_CLS_FUNC, "210", 2023));

  const ys_cat_entry *e = ys_catalog_lookup(cat, YS_CLS_FUNC, "210", 2023);
  assert_int_equal(e->cls, YS_CLS_FUNC);
  assert_int_equal(e->level, 1);
  assert_int_equal(e->valid_from, 2019);
  assert_int_equal(e->valid_to, 0);
  assert_non_null(strstr(e->source, "财政部"));

  assert_string_equal(name_of(YS_CLS_ECON_DEPT, "30217", 2023), "公务接待费");
  assert_string_equal(name_of(YS_CLS_ECON_DEPT, "3010303", 2023), "基础绩效奖");
  assert_string_equal(name_of(YS_CLS_ECON_GOV, "50501", 2023), "工资福利支出");
  assert_string_equal(name_of(YS_CLS_ECON_GOV, "509", 2023),
                      "对个人和家庭的补助");
}

static void test_versions(void **state) {
  (void)state;
  const ys_cat_entry *v[8];
  size_t n = ys_catalog_versions(cat, YS_CLS_FUNC, "210", v, 8);
  assert_int_equal(n, 3);
  assert_string_equal(v[0]->name, "医疗卫生支出");
  assert_string_equal(v[1]->name, "医疗卫生与计划生育支出");
  assert_string_equal(v[2]->name, "卫生健康支出");
  assert_int_equal(v[1]->valid_to, 2018);
  /* max smaller than the count: the count is still returned */
  assert_int_equal(ys_catalog_versions(cat, YS_CLS_FUNC, "210", v, 1), 3);
  assert_int_equal(ys_catalog_versions(cat, YS_CLS_FUNC, "2101506", v, 8), 1);
  assert_int_equal(ys_catalog_versions(cat, YS_CLS_FUNC, "999", v, 8), 0);
}

static void test_tree(void **state) {
  (void)state;
  const ys_cat_entry *e = ys_catalog_lookup(cat, YS_CLS_FUNC, "2101506", 2023);
  const ys_cat_entry *p = ys_catalog_parent(cat, e, 2023);
  assert_non_null(p);
  assert_string_equal(p->code, "21015");
  assert_string_equal(p->name, "医疗保障管理事务");
  const ys_cat_entry *pp = ys_catalog_parent(cat, p, 2023);
  assert_string_equal(pp->name, "卫生健康支出");
  assert_null(ys_catalog_parent(cat, pp, 2023));
  /* the parent takes the name of the year asked for */
  const ys_cat_entry *ad = ys_catalog_lookup(cat, YS_CLS_FUNC, "21011", 2018);
  assert_string_equal(ys_catalog_parent(cat, ad, 2018)->name,
                      "医疗卫生与计划生育支出");
  /* a provincial sub-款 hangs under its 款 */
  e = ys_catalog_lookup(cat, YS_CLS_ECON_DEPT, "3011201", 2023);
  assert_string_equal(ys_catalog_parent(cat, e, 2023)->code, "30112");

  const ys_cat_entry *kids[64];
  size_t n = ys_catalog_children(cat, YS_CLS_FUNC, "21015", 2023, kids, 64);
  assert_int_equal(n, 8);
  assert_string_equal(kids[0]->code, "2101501");
  assert_string_equal(kids[5]->code, "2101506");
  assert_string_equal(kids[7]->code, "2101599");
  for (size_t i = 1; i < n; i++)
    assert_true(strcmp(kids[i - 1]->code, kids[i]->code) < 0);
  assert_int_equal(
      ys_catalog_children(cat, YS_CLS_FUNC, "21015", 2018, kids, 64), 0);

  /* every 类: 201 … 234, in code order, with 2023 names */
  n = ys_catalog_children(cat, YS_CLS_FUNC, NULL, 2023, kids, 64);
  assert_true(n >= 30);
  assert_string_equal(kids[0]->code, "201");
  assert_string_equal(kids[0]->name, "一般公共服务支出");
  int saw229 = 0, saw234 = 0;
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(kids[i]->level, 1);
    if (strcmp(kids[i]->code, "229") == 0) saw229 = 1;
    if (strcmp(kids[i]->code, "234") == 0) saw234 = 1;
    if (strcmp(kids[i]->code, "210") == 0)
      assert_string_equal(kids[i]->name, "卫生健康支出");
  }
  assert_true(saw229 && saw234);
  /* 224 did not exist before 2019 */
  size_t n18 = ys_catalog_children(cat, YS_CLS_FUNC, NULL, 2018, kids, 64);
  assert_int_equal(n18, n - 2); /* no 224, no 234 */

  n = ys_catalog_children(cat, YS_CLS_ECON_DEPT, NULL, 2023, kids, 64);
  assert_int_equal(n, 10);
  assert_string_equal(kids[9]->code, "399");
  n = ys_catalog_children(cat, YS_CLS_ECON_DEPT, "30103", 2023, kids, 64);
  assert_int_equal(n, 3);
  /* small max: the count is still the full count */
  assert_int_equal(
      ys_catalog_children(cat, YS_CLS_ECON_DEPT, "302", 2023, kids, 2),
      ys_catalog_children(cat, YS_CLS_ECON_DEPT, "302", 2023, kids, 64));
  assert_int_equal(ys_catalog_children(cat, YS_CLS_FUNC, "999", 2023, kids, 64),
                   0);
}

static void test_levels(void **state) {
  (void)state;
  assert_int_equal(ys_catalog_code_level(YS_CLS_FUNC, "210"), 1);
  assert_int_equal(ys_catalog_code_level(YS_CLS_FUNC, "21015"), 2);
  assert_int_equal(ys_catalog_code_level(YS_CLS_FUNC, "2101506"), 3);
  assert_int_equal(ys_catalog_code_level(YS_CLS_FUNC, "2101"), 0);
  assert_int_equal(ys_catalog_code_level(YS_CLS_FUNC, "21015066"), 0);
  assert_int_equal(ys_catalog_code_level(YS_CLS_FUNC, "21a"), 0);
  assert_int_equal(ys_catalog_code_level(YS_CLS_FUNC, ""), 0);
  assert_int_equal(ys_catalog_code_level(YS_CLS_ECON_DEPT, "301"), 1);
  assert_int_equal(ys_catalog_code_level(YS_CLS_ECON_DEPT, "30101"), 2);
  assert_int_equal(ys_catalog_code_level(YS_CLS_ECON_DEPT, "3010301"), 3);
  assert_int_equal(ys_catalog_code_level(YS_CLS_ECON_GOV, "50501"), 2);
  assert_int_equal(ys_catalog_code_level((ys_cls)7, "210"), 0);
}

static const ys_cat_entry *match(ys_cls cls, const char *name,
                                 const char *parent, int year) {
  return ys_catalog_match_name(cat, cls, name, strlen(name), parent, year);
}

static void test_match_name(void **state) {
  (void)state;
  const ys_cat_entry *e = match(YS_CLS_FUNC, "医疗保障\n经办事务", NULL, 2023);
  assert_non_null(e);
  assert_string_equal(e->code, "2101506");
  e = match(YS_CLS_FUNC, "  医疗保障　管理\r\n事务 ", NULL, 2023);
  assert_string_equal(e->code, "21015");
  /* full-width brackets as printed, half-width in a converted PDF */
  e = match(YS_CLS_ECON_DEPT, "维修(护)费", NULL, 2023);
  assert_string_equal(e->code, "30213");
  e = match(YS_CLS_ECON_DEPT, "维修（护）费", "302", 2023);
  assert_string_equal(e->code, "30213");
  e = match(YS_CLS_ECON_DEPT, "资本性支出(基本建设)", NULL, 2023);
  assert_string_equal(e->code, "309");
  e = match(YS_CLS_FUNC, "政府办公厅(室)及相关机构事务", "201", 2023);
  assert_string_equal(e->code, "20103");

  /* a shared name resolves under its parent */
  e = match(YS_CLS_FUNC, "行政运行", "21015", 2023);
  assert_string_equal(e->code, "2101501");
  e = match(YS_CLS_FUNC, "行政运行", "20101", 2023);
  assert_string_equal(e->code, "2010101");
  assert_null(match(YS_CLS_FUNC, "行政运行", "210", 2023)); /* not a child */
  e = match(YS_CLS_FUNC, "行政运行", NULL, 2023);
  assert_non_null(e);
  assert_int_equal(e->level, 3);

  /* an obsolete name is still found, carrying its years */
  e = match(YS_CLS_FUNC, "医疗卫生与计划生育支出", NULL, 2020);
  assert_non_null(e);
  assert_string_equal(e->code, "210");
  assert_int_equal(e->valid_to, 2018);
  assert_string_not_equal(
      ys_catalog_lookup(cat, YS_CLS_FUNC, e->code, 2020)->name, e->name);
  e = match(YS_CLS_FUNC, "卫生健康支出", NULL, 2020);
  assert_int_equal(e->valid_from, 2019);
  e = match(YS_CLS_FUNC, "其他扶贫支出", "21305", 2022);
  assert_string_equal(e->code, "2130599");
  assert_int_equal(e->valid_to, 2020);
  e = match(YS_CLS_FUNC, "其他巩固脱贫攻坚成果衔接乡村振兴支出", NULL, 0);
  assert_string_equal(e->code, "2130599");

  assert_null(match(YS_CLS_FUNC, "不存在的科目", NULL, 2023));
  assert_null(match(YS_CLS_FUNC, "", NULL, 2023));
  assert_null(match(YS_CLS_FUNC, " \n", NULL, 2023));
  /* the length is honoured: no NUL needed */
  e = ys_catalog_match_name(cat, YS_CLS_FUNC, "住房公积金XYZ", 15, NULL, 2023);
  assert_string_equal(e->code, "2210201");
  /* the econ classifications are separate name spaces */
  e = match(YS_CLS_ECON_DEPT, "住房公积金", NULL, 2023);
  assert_string_equal(e->code, "30113");
  e = match(YS_CLS_ECON_GOV, "工资福利支出", NULL, 2023);
  assert_string_equal(e->code, "50501");
}

static void test_gov_map(void **state) {
  (void)state;
  assert_string_equal(
      ys_catalog_gov_map(cat, "30101", YS_UNIT_KIND_ADMIN, 2023), "50101");
  assert_string_equal(ys_catalog_gov_map(cat, "30101", YS_UNIT_KIND_INST, 2023),
                      "50501");
  assert_string_equal(ys_catalog_gov_map(cat, "30101", YS_UNIT_KIND_INST, 0),
                      "50501");
  assert_string_equal(
      ys_catalog_gov_map(cat, "30108", YS_UNIT_KIND_ADMIN, 2023), "50102");
  assert_string_equal(
      ys_catalog_gov_map(cat, "30113", YS_UNIT_KIND_ADMIN, 2023), "50103");
  assert_string_equal(
      ys_catalog_gov_map(cat, "30217", YS_UNIT_KIND_ADMIN, 2023), "50206");
  assert_string_equal(
      ys_catalog_gov_map(cat, "30215", YS_UNIT_KIND_ADMIN, 2023), "50202");
  assert_string_equal(
      ys_catalog_gov_map(cat, "30201", YS_UNIT_KIND_ADMIN, 2023), "50201");
  /* 509 does not depend on the unit kind */
  assert_string_equal(
      ys_catalog_gov_map(cat, "30309", YS_UNIT_KIND_ADMIN, 2023), "50901");
  assert_string_equal(ys_catalog_gov_map(cat, "30309", YS_UNIT_KIND_INST, 2023),
                      "50901");
  /* capital: 310 → 503 / 50601, 309 (基本建设) → 504 / 50602 */
  assert_string_equal(
      ys_catalog_gov_map(cat, "31002", YS_UNIT_KIND_ADMIN, 2023), "50306");
  assert_string_equal(ys_catalog_gov_map(cat, "31002", YS_UNIT_KIND_INST, 2023),
                      "50601");
  assert_string_equal(
      ys_catalog_gov_map(cat, "30901", YS_UNIT_KIND_ADMIN, 2023), "50401");
  assert_string_equal(ys_catalog_gov_map(cat, "30901", YS_UNIT_KIND_INST, 2023),
                      "50602");
  /* provincial sub-款 map through their 款 */
  assert_string_equal(
      ys_catalog_gov_map(cat, "3010301", YS_UNIT_KIND_ADMIN, 2023), "50101");
  assert_string_equal(
      ys_catalog_gov_map(cat, "3011202", YS_UNIT_KIND_INST, 2023), "50501");
  assert_null(ys_catalog_gov_map(cat, "301", YS_UNIT_KIND_ADMIN, 2023));
  assert_null(ys_catalog_gov_map(cat, "30101", YS_UNIT_KIND_NONE, 2023));
  assert_null(ys_catalog_gov_map(cat, "39901", YS_UNIT_KIND_ADMIN, 2023));

  /* Seed 000 (西乡县医疗保险业务经办中心, an institution), table 8. */
  static const char *const seed000[][2] = {
      {"30101", "50501"}, {"30102", "50501"}, {"30103", "50501"},
      {"30107", "50501"}, {"30108", "50501"}, {"30110", "50501"},
      {"30112", "50501"}, {"30113", "50501"}, {"30199", "50501"},
      {"30201", "50502"}, {"30202", "50502"}, {"30205", "50502"},
      {"30206", "50502"}, {"30207", "50502"}, {"30211", "50502"},
      {"30213", "50502"}, {"30214", "50502"}, {"30228", "50502"},
      {"30309", "50901"},
  };
  for (size_t i = 0; i < sizeof seed000 / sizeof seed000[0]; i++)
    assert_string_equal(
        ys_catalog_gov_map(cat, seed000[i][0], YS_UNIT_KIND_INST, 2023),
        seed000[i][1]);

  /* every departmental 款 maps, for both kinds, to a known government 款 */
  const ys_cat_entry *cls[16], *kuan[64];
  size_t nc = ys_catalog_children(cat, YS_CLS_ECON_DEPT, NULL, 2023, cls, 16);
  for (size_t i = 0; i < nc; i++) {
    size_t nk = ys_catalog_children(cat, YS_CLS_ECON_DEPT, cls[i]->code, 2023,
                                    kuan, 64);
    assert_true(nk > 0 && nk <= 64);
    for (size_t j = 0; j < nk; j++)
      for (int k = YS_UNIT_KIND_ADMIN; k <= YS_UNIT_KIND_INST; k++) {
        const char *g =
            ys_catalog_gov_map(cat, kuan[j]->code, (ys_unit_kind)k, 2023);
        if (!g) fail_msg("%s has no mapping for kind %d", kuan[j]->code, k);
        const ys_cat_entry *ge =
            ys_catalog_lookup(cat, YS_CLS_ECON_GOV, g, 2023);
        assert_non_null(ge);
        assert_int_equal(ge->level, 2);
      }
  }
  assert_string_equal(ys_unit_kind_name(YS_UNIT_KIND_ADMIN), "行政");
  assert_string_equal(ys_unit_kind_name(YS_UNIT_KIND_INST), "事业");
}

static void test_seed_codes(void **state) {
  (void)state;
  static const char *const func[] = {
      "2080107", "2080505", "2080506", "2089999", "2100499", "2101101",
      "2101202", "2101299", "2101301", "2101302", "2101501", "2101502",
      "2101503", "2101505", "2101506", "2101550", "2101599", "2101601",
      "2130599", "2210201", "2296013"};
  for (size_t i = 0; i < sizeof func / sizeof func[0]; i++) {
    const ys_cat_entry *e = ys_catalog_lookup(cat, YS_CLS_FUNC, func[i], 2023);
    if (!e) fail_msg("function code %s missing for 2023", func[i]);
    /* and the whole chain up to the 类 */
    const ys_cat_entry *p = ys_catalog_parent(cat, e, 2023);
    assert_non_null(p);
    assert_non_null(ys_catalog_parent(cat, p, 2023));
  }
  static const char *const dept[] = {
      "30101", "30102", "30103", "3010301", "3010303", "3010304", "30107",
      "30108", "30109", "30110", "30111",   "30112",   "3011201", "3011202",
      "30113", "30199", "30201", "30202",   "30203",   "30204",   "30205",
      "30206", "30207", "30209", "30211",   "30213",   "30214",   "30217",
      "30226", "30228", "30229", "30239",   "30299",   "30309",   "30311",
      "30399", "313"};
  for (size_t i = 0; i < sizeof dept / sizeof dept[0]; i++)
    if (!ys_catalog_lookup(cat, YS_CLS_ECON_DEPT, dept[i], 2023))
      fail_msg("departmental code %s missing", dept[i]);
  static const char *const gov[] = {"501", "502",   "505",   "509",
                                    "510", "50501", "50502", "50901"};
  for (size_t i = 0; i < sizeof gov / sizeof gov[0]; i++)
    assert_non_null(ys_catalog_lookup(cat, YS_CLS_ECON_GOV, gov[i], 2023));
  /* names as printed in the seeds */
  assert_string_equal(match(YS_CLS_FUNC,
                            "用于城乡\n医疗救助\n的彩票公\n益金支出", "22960",
                            2022)
                          ->code,
                      "2296013");
  assert_string_equal(
      match(YS_CLS_FUNC, "其他巩固脱贫攻坚成果衔接乡村振兴支出", "21305", 2023)
          ->code,
      "2130599");
}

static void test_open_dir(void **state) {
  (void)state;
  ys_catalog *c = NULL;
  ys_errors errs = {0};
  assert_int_equal(ys_catalog_open_dir(&c, "data/catalog", &errs), YS_OK);
  assert_non_null(c);
  const ys_cat_entry *e = ys_catalog_lookup(c, YS_CLS_FUNC, "210", 2018);
  assert_string_equal(e->name, "医疗卫生与计划生育支出");
  ys_catalog_free(c);
  ys_errors_free(&errs);

  assert_int_equal(ys_catalog_open_dir(&c, "tests/data/no_such_dir", &errs),
                   YS_ENOTFOUND);
  assert_null(c);
  assert_true(errs.count >= 1);
  ys_errors_free(&errs);
  assert_int_equal(ys_catalog_open_dir(&c, NULL, &errs), YS_EUSAGE);
  ys_catalog_free(NULL);
}

static const ys_error *find_error(const ys_errors *errs, int line) {
  for (size_t i = 0; i < errs->count; i++)
    if (errs->items[i].line == line && errs->items[i].code != YS_OK)
      return &errs->items[i];
  return NULL;
}

static void test_bad_dir(void **state) {
  (void)state;
  ys_catalog *c = (ys_catalog *)&c; /* must be reset */
  ys_errors errs = {0};
  int st = ys_catalog_open_dir(&c, "tests/data/catalog_bad", &errs);
  assert_int_equal(st, YS_EINPUT);
  assert_null(c);

  const ys_error *e = find_error(&errs, 6); /* 2101x06 */
  assert_non_null(e);
  assert_int_equal(e->column, 1);
  assert_non_null(strstr(e->file, "function.csv"));
  assert_non_null(strstr(e->message, "2101x06"));
  char buf[1024];
  ys_error_format(e, buf, sizeof buf);
  assert_non_null(strstr(buf, "function.csv:6:1: "));

  e = find_error(&errs, 7); /* year 20l9 */
  assert_non_null(e);
  assert_int_equal(e->column, 3);
  e = find_error(&errs, 8); /* 2109901 without 21099 */
  assert_non_null(e);
  assert_int_equal(e->column, 1);
  assert_non_null(strstr(e->message, "21099"));
  e = find_error(&errs, 9); /* 210 names overlap in 2019 */
  assert_non_null(e);
  assert_non_null(strstr(e->message, "重叠"));
  ys_errors_free(&errs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lookup_by_year), cmocka_unit_test(test_versions),
      cmocka_unit_test(test_tree),           cmocka_unit_test(test_levels),
      cmocka_unit_test(test_match_name),     cmocka_unit_test(test_gov_map),
      cmocka_unit_test(test_seed_codes),     cmocka_unit_test(test_open_dir),
      cmocka_unit_test(test_bad_dir),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
