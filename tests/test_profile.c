/*
 * test_profile.c - profiles load, lay out their headers like HTML tables,
 * and refuse malformed definitions with a message instead of crashing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "profile_impl.h"
#include "yusuan/yusuan.h"

static void test_builtin_shaanxi(void **state) {
  (void)state;
  ys_profile *p = NULL;
  ys_errors errs = {0};
  assert_int_equal(ys_profile_open_builtin(&p, "shaanxi", &errs), YS_OK);
  assert_int_equal(errs.count, 0);
  assert_string_equal(ys_profile_name(p), "shaanxi");
  assert_int_equal(p->n, 15);
  for (size_t i = 0; i < p->n; i++) {
    char want[32];
    snprintf(want, sizeof want, "表%zu", i + 1);
    assert_string_equal(p->tables[i].number, want);
  }
  /* 表1: four panels of label + amount under a two-row header. */
  const ys_ptable *t1 = &p->tables[0];
  assert_int_equal(t1->layout, LAYOUT_PANELS);
  assert_int_equal(t1->npanels, 4);
  assert_int_equal(t1->header_rows, 2);
  assert_int_equal(t1->header_cols, 8);
  /* 表2: 单位编码 spans three header rows; 小计 lands under 一般公共预算拨款.
   */
  const ys_ptable *t2 = &p->tables[1];
  assert_int_equal(t2->header_rows, 3);
  assert_int_equal(t2->header_cols, (int)t2->ncols);
  bool found = false;
  for (size_t h = 0; h < t2->n_header; h++)
    if (!strcmp(t2->header[h].text, "小计")) {
      assert_int_equal(t2->header[h].row, 2);
      assert_int_equal(t2->header[h].col, 3);
      found = true;
    }
  assert_true(found);
  /* 表5's base narrows every amount to 一般公共预算. */
  assert_true(p->tables[4].has_base);
  assert_int_equal(p->tables[4].base.src, YS_Q_EXP);
  ys_profile_free(p);
  ys_errors_free(&errs);
}

static void test_every_builtin_loads(void **state) {
  (void)state;
  char names[32][64];
  size_t n = ys_profile_builtin_list(names, 32);
  assert_true(n >= 1);
  for (size_t i = 0; i < n; i++) {
    ys_profile *p = NULL;
    ys_errors errs = {0};
    if (ys_profile_open_builtin(&p, names[i], &errs) != YS_OK) {
      char buf[1024];
      for (size_t k = 0; k < errs.count; k++) {
        ys_error_format(&errs.items[k], buf, sizeof buf);
        fprintf(stderr, "%s\n", buf);
      }
      fail_msg("profile %s does not load", names[i]);
    }
    assert_true(p->n > 0);
    ys_profile_free(p);
    ys_errors_free(&errs);
  }
}

/* A 决算 profile publishes final accounts only: a budget dataset is refused
 * with the reason, and a 决算 dataset's table shows each phase where its
 * column asks for it (年初预算, 全年预算, 决算 side by side). */
static void test_final_phase(void **state) {
  (void)state;
  ys_errors errs = {0};
  ys_profile *p = NULL;
  ys_catalog *cat = NULL;
  assert_int_equal(ys_catalog_open_builtin(&cat, &errs), YS_OK);
  int rc =
      ys_profile_open_file(&p, "tests/data/profiles/final_min.json", &errs);
  for (size_t i = 0; rc != YS_OK && i < errs.count; i++)
    print_error("%s\n", errs.items[i].message);
  assert_int_equal(rc, YS_OK);
  assert_int_equal(ys_profile_phase(p), YS_PHASE_FINAL);

  ys_dataset *ds = NULL;
  assert_int_equal(ys_dataset_load(&ds, "tests/data/datasets/good", cat, &errs),
                   YS_OK);
  ys_tables *t = NULL;
  assert_int_equal(ys_compile(&t, ds, p, cat, &errs), YS_EINPUT);
  assert_null(t);
  bool said = false;
  for (size_t i = 0; i < errs.count; i++)
    said |= strstr(errs.items[i].message, "部门预算") &&
            strstr(errs.items[i].message, "部门决算的表样");
  assert_true(said);
  ys_dataset_free(ds);
  ys_errors_free(&errs);

  assert_int_equal(
      ys_dataset_load(&ds, "tests/data/datasets/final", cat, &errs), YS_OK);
  assert_int_equal(ys_compile(&t, ds, p, cat, &errs), YS_OK);
  const ys_table *t1 = ys_tables_find(t, "t01");
  assert_non_null(t1);
  assert_int_equal(t1->rows[0].kind, YS_ROW_TOTAL);
  /* the fixture: 年初预算 4,700.00; 全年预算 4,900.00; 决算 all the rest */
  assert_true(t1->rows[0].cells[2].fen == INT64_C(47000000));
  assert_true(t1->rows[0].cells[3].fen == INT64_C(49000000));
  assert_true(t1->rows[0].cells[4].fen == INT64_C(114100050));
  ys_tables_free(t);
  ys_dataset_free(ds);
  ys_profile_free(p);
  ys_catalog_free(cat);
  ys_errors_free(&errs);
}

static void expect_error(const char *path, const char *words) {
  ys_profile *p = NULL;
  ys_errors errs = {0};
  assert_int_not_equal(ys_profile_open_file(&p, path, &errs), YS_OK);
  assert_null(p);
  assert_true(errs.count >= 1);
  assert_string_equal(errs.items[0].file, path);
  if (!strstr(errs.items[0].message, words))
    fail_msg("message '%s' lacks '%s'", errs.items[0].message, words);
  ys_errors_free(&errs);
}

static void test_malformed(void **state) {
  (void)state;
  expect_error("tests/data/profiles/bad_quantity.json", "nosuchfund");
  expect_error("tests/data/profiles/bad_header.json", "表头");
  expect_error("tests/data/profiles/bad_json.json", "JSON");
  expect_error("tests/data/profiles/does_not_exist.json", "无法打开");
  ys_profile *p = NULL;
  ys_errors errs = {0};
  assert_int_equal(ys_profile_open_builtin(&p, "atlantis", &errs),
                   YS_ENOTFOUND);
  ys_errors_free(&errs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_builtin_shaanxi),
      cmocka_unit_test(test_every_builtin_loads),
      cmocka_unit_test(test_malformed),
      cmocka_unit_test(test_final_phase),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
