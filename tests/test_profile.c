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
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
