/*
 * test_quantity.c - the quantity language: parsing, conjunction, canonical
 * keys (the vocabulary compile and check share) and evaluation.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "yusuan/yusuan.h"

static void key_is(const char *q, const char *want) {
  ys_arena *a = ys_arena_new(0);
  ys_qexpr e;
  assert_int_equal(ys_qexpr_parse(&e, q, a, NULL), YS_OK);
  assert_string_equal(ys_qexpr_key(a, &e), want);
  ys_arena_free(a);
}

static void test_keys(void **state) {
  (void)state;
  key_is("exp", "exp");
  key_is("exp;func=210;fund=gpb", "exp|fund=gpb|func=210");
  key_is("exp;econ=30217|30212", "exp|econ=30212+30217");
  key_is("exp;fund=fiscal", "exp|fund=gpb+govfund+soc");
  /* Every fund is no narrowing at all. */
  key_is(
      "exp;fund=fiscal|special|business|operation|upper|subord|reserve|other",
      "exp");
  key_is("exp;econ=30217 - fact;key=prev.sangong.reception",
         "exp|econ=30217 - fact|key=prev.sangong.reception");
  key_is("exp;project=209002-001", "exp|project=209002-001");
}

static void test_errors(void **state) {
  (void)state;
  ys_arena *a = ys_arena_new(0);
  ys_qexpr e;
  const char *why = NULL;
  assert_int_equal(ys_qexpr_parse(&e, "spend;func=210", a, NULL), YS_EINPUT);
  assert_int_equal(ys_qexpr_parse(&e, "exp;colour=red", a, &why), YS_EINPUT);
  /* why names the part at fault, in Chinese */
  assert_non_null(why);
  assert_non_null(strstr(why, "colour"));
  assert_non_null(strstr(why, "未知的维度"));
  assert_int_equal(ys_qexpr_parse(&e, "exp;kind=lavish", a, NULL), YS_EINPUT);
  assert_int_equal(ys_qexpr_parse(&e, "exp;func", a, NULL), YS_EINPUT);
  ys_arena_free(a);
}

static void test_conjunction(void **state) {
  (void)state;
  ys_arena *a = ys_arena_new(0);
  ys_qexpr x, y;
  ys_qfilter out;
  ys_qexpr_parse(&x, "exp;func=210;fund=fiscal", a, NULL);
  ys_qexpr_parse(&y, "exp;func=21015;fund=gpb", a, NULL);
  ys_qfilter_and(&out, &x.t[0], &y.t[0], a);
  assert_string_equal(ys_qfilter_key(a, &out), "exp|fund=gpb|func=21015");
  /* Disjoint prefixes and sources match nothing. */
  ys_qexpr_parse(&y, "exp;func=221", a, NULL);
  ys_qfilter_and(&out, &x.t[0], &y.t[0], a);
  assert_true(out.none);
  ys_qexpr_parse(&y, "rev", a, NULL);
  ys_qfilter_and(&out, &x.t[0], &y.t[0], a);
  assert_true(out.none);
  /* A cell: base narrows spending, never facts; the row's unit reaches
   * facts. */
  ys_qexpr col, cell;
  ys_qexpr_parse(&col, "exp;econ=30217 - fact;key=prev.sangong.reception", a,
                 NULL);
  ys_qexpr base;
  ys_qexpr_parse(&base, "exp;fund=gpb", a, NULL);
  ys_qfilter row = {0};
  ys_qcodes_add(&row.unit, "209002");
  ys_qexpr_cell(&cell, &col, &base.t[0], &row, a);
  assert_string_equal(ys_qexpr_key(a, &cell),
                      "exp|fund=gpb|econ=30217|unit=209002 - "
                      "fact|unit=209002|key=prev.sangong.reception");
  ys_arena_free(a);
}

static void test_eval_example(void **state) {
  (void)state;
  ys_catalog *cat = NULL;
  ys_dataset *ds = NULL;
  ys_errors errs = {0};
  assert_int_equal(ys_catalog_open_builtin(&cat, &errs), YS_OK);
  assert_int_equal(ys_dataset_load(&ds, "examples/xixiang-2023", cat, &errs),
                   YS_OK);
  ys_arena *a = ys_arena_new(0);
  ys_qexpr e;
  static const struct {
    const char *q;
    int64_t fen;
  } cases[] = {
      {"exp", 238311900},
      {"rev;period=cur;fund=gpb", 238311900},
      {"exp;func=221", 17759900},
      {"exp;kind=basic;nature=personnel", 214796900},
      {"exp;kind=project", 5000000},
      {"exp;gecon=509", 72000},
      {"exp;econ=302 - exp;kind=project", 18515000},
      {"fact;key=prev.sangong.reception", 200000},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    assert_int_equal(ys_qexpr_parse(&e, cases[i].q, a, NULL), YS_OK);
    assert_int_equal(ys_qexpr_eval(&e, ds), cases[i].fen);
  }
  ys_arena_free(a);
  ys_dataset_free(ds);
  ys_catalog_free(cat);
  ys_errors_free(&errs);
}

static void test_capacity_is_reported(void **state) {
  (void)state;
  /* a code set holds YS_Q_MAXCODES codes; one more marks it over (the
   * quantity is then not the one meant) instead of being dropped */
  static const char *codes[] = {"201", "202", "203", "204", "205", "206", "207",
                                "208", "209", "210", "211", "212", "213"};
  ys_qfilter f = {0};
  for (int i = 0; i < YS_Q_MAXCODES; i++) ys_qcodes_add(&f.func, codes[i]);
  assert_false(ys_qfilter_over(&f));
  ys_qcodes_add(&f.func, codes[0]); /* already there: no change */
  assert_false(ys_qfilter_over(&f));
  ys_qcodes_add(&f.func, codes[YS_Q_MAXCODES]);
  assert_true(ys_qfilter_over(&f));
  assert_int_equal(f.func.n, YS_Q_MAXCODES);
  /* a conjunction with an overflowed set is over too */
  ys_qfilter g = {0}, h;
  ys_qcodes_add(&g.func, "2");
  ys_qfilter_and(&h, &f, &g, NULL);
  assert_true(ys_qfilter_over(&h));
  ys_qexpr e = {0};
  e.n = 1;
  e.sign[0] = 1;
  e.t[0] = h;
  assert_true(ys_qexpr_over(&e));
  assert_string_equal(ys_status_str(YS_ELIMIT), "超出容量");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_keys),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_conjunction),
      cmocka_unit_test(test_eval_example),
      cmocka_unit_test(test_capacity_is_reported),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
