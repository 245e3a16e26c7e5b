/*
 * test_roundtrip.c - the generated narrative, read back.
 *
 * For each example: `yusuan compile` writes the tables and narrative.txt;
 * the claim extractor reads the narrative back; every amount it finds must
 * be the dataset's figure at the text's precision, and `yusuan check` on
 * the package must find no narrative finding at all (every share, change
 * and list the generator wrote is consistent).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/compiled.h"
#include "yusuan/yusuan.h"

static void roundtrip(const char *example) {
  char out[2048], cmd[16384];
  snprintf(out, sizeof out, "%.1500s/roundtrip-%.100s", YS_BINARY_DIR, example);
  snprintf(cmd, sizeof cmd,
           "'%.1500s' compile examples/%.100s --out '%.1800s' "
           "--format csv,html,xlsx >/dev/null 2>&1",
           YS_CLI, example, out);
  assert_int_equal(system(cmd), 0);

  /* the narrative is published inside the page and the workbook too */
  snprintf(cmd, sizeof cmd,
           "grep -q '<h2>情况说明</h2>' '%.1800s/tables.html' && "
           "unzip -p '%.1800s/tables.xlsx' xl/workbook.xml | grep -q 情况说明",
           out, out);
  assert_int_equal(system(cmd), 0);
  /* and as one published text (the narrative, then the tables drawn with
   * '|' borders): read and checked to the end. Not yet without findings:
   * the text readers leave most amounts of the drawn tables unplaced (a
   * known defect, docs/corpus.md) */
  snprintf(cmd, sizeof cmd,
           "'%.1500s' compile examples/%.100s --out '%.1800s-txt' "
           "--format txt >/dev/null 2>&1 && cat '%.1800s-txt/narrative.txt' "
           "'%.1800s-txt/tables.txt' > '%.1800s-txt.txt' && '%.1500s' check "
           "'%.1800s-txt.txt' >/dev/null 2>&1; test $? -le 1",
           YS_CLI, example, out, out, out, out, YS_CLI, out);
  assert_int_equal(system(cmd), 0);
  ys_errors errs = {0};
  ys_catalog *cat = NULL;
  ys_dataset *ds = NULL;
  char dir[512];
  snprintf(dir, sizeof dir, "examples/%.100s", example);
  assert_int_equal(ys_catalog_open_builtin(&cat, &errs), YS_OK);
  assert_int_equal(ys_dataset_load(&ds, dir, cat, &errs), YS_OK);
  ys_rdoc *doc = NULL;
  assert_int_equal(ys_ingest_path(&doc, out, &errs), YS_OK);
  ys_arena *a = ys_arena_new(0);
  size_t amounts = 0, ratios = 0;
  for (size_t i = 0; i < doc->n_claims; i++) {
    const ys_rclaim *c = &doc->claims[i];
    if (c->kind == YS_CLAIM_SHARE || c->kind == YS_CLAIM_CHANGE ||
        c->kind == YS_CLAIM_SUM)
      ratios++;
    if (c->kind != YS_CLAIM_AMOUNT) continue;
    ys_qexpr q;
    ys_amount am;
    assert_int_equal(ys_qexpr_parse(&q, c->quantity, a, NULL), YS_OK);
    assert_int_equal(
        ys_money_parse(&am, c->text, strlen(c->text), c->unit, NULL), YS_OK);
    int64_t exact = ys_qexpr_eval(&q, ds);
    int64_t shown = ys_money_round(exact, c->unit, am.decimals);
    if (shown != am.fen)
      fail_msg("%s line %d: “%s” %s but the dataset gives %lld 分 (%s)",
               example, c->line, c->subject, c->text, (long long)exact,
               c->quantity);
    amounts++;
  }
  fprintf(stderr, "%s: %zu amounts and %zu shares/changes/lists read back\n",
          example, amounts, ratios);
  assert_true(amounts >= 10);

  ys_findings *f = ys_findings_new();
  assert_int_equal(ys_check_rdoc(doc, cat, NULL, f, &errs), YS_OK);
  for (size_t i = 0; i < f->n; i++)
    if (!strncmp(f->items[i].rule, "narrative.", 10) ||
        f->items[i].severity == YS_SEV_ERROR)
      fail_msg("%s: %s %s", example, f->items[i].rule, f->items[i].message);
  ys_findings_free(f);
  ys_arena_free(a);
  ys_rdoc_free(doc);
  ys_dataset_free(ds);
  ys_catalog_free(cat);
  ys_errors_free(&errs);
}

static void test_xixiang(void **state) {
  (void)state;
  roundtrip("xixiang-2023");
}
static void test_cangxi(void **state) {
  (void)state;
  roundtrip("cangxi-2023");
}
static void test_pingxiang(void **state) {
  (void)state;
  roundtrip("pingxiang-2022");
}
static void test_shanghai(void **state) {
  (void)state;
  roundtrip("shanghai-wanli-2025");
}

/* The 上海 layout as the corpus PDFs print it: titles open with the year;
 * the 收支总表 list the 类 spent on only and no 上年结转 where nothing is
 * carried over; an empty table's note names the year. */
static void test_shanghai_layout(void **state) {
  (void)state;
  ys_errors errs = {0};
  ys_catalog *cat = NULL;
  assert_int_equal(ys_catalog_open_builtin(&cat, &errs), YS_OK);
  tc_compiled cc;
  assert_int_equal(
      tc_compile(&cc, "examples/shanghai-wanli-2025", "shanghai", cat, &errs),
      YS_OK);
  const ys_tables *t = cc.t;
  assert_int_equal(t->n, 9);
  assert_string_equal(t->tables[0].title, "2025年部门财务收支预算总表");
  const ys_table *t1 = &t->tables[0];
  size_t labels = 0;
  for (size_t r = 0; r < t1->nrows; r++) {
    for (size_t k = 0; k < t1->ncols; k++) {
      const char *x = t1->rows[r].cells[k].text;
      assert_null(strstr(x, "上年结转"));
      assert_null(
          strstr(x, "外交支出")); /* a 类 the department spends nothing on */
      labels += !strcmp(x, "九、住房保障支出");
    }
  }
  assert_int_equal(labels, 1); /* nine 类, numbered among those shown */
  assert_string_equal(t->tables[5].empty_note,
                      "注：本部门2025年无政府性基金预算财政拨款安排的预算，"
                      "故本表为空表。");
  tc_compiled_free(&cc);
  ys_catalog_free(cat);
  ys_errors_free(&errs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_xixiang),         cmocka_unit_test(test_cangxi),
      cmocka_unit_test(test_pingxiang),       cmocka_unit_test(test_shanghai),
      cmocka_unit_test(test_shanghai_layout),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
