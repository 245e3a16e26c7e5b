/*
 * test_money.c - exact money: the number forms of the seed packages, the
 * boundaries of precision and range, and rounding at the .005 edges.
 *
 * Every later check trusts these values to the 分, so the tests pin down
 * both what must be accepted (every form seen in published packages) and
 * what must be refused (anything a misread cell could turn into).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "yusuan/error.h"
#include "yusuan/money.h"

#define YUAN YS_UNIT_YUAN
#define WAN YS_UNIT_WANYUAN

/* Parses s and asserts success; returns the amount. */
static ys_amount ok(const char *s, ys_unit u) {
  ys_amount a = {-1, -1, true};
  const char *why = NULL;
  int rc = ys_money_parse(&a, s, strlen(s), u, &why);
  if (rc != YS_OK)
    fail_msg("parse(\"%s\", %s) failed: %s", s, ys_unit_name(u),
             why ? why : "(null)");
  return a;
}

static void expect(const char *s, ys_unit u, int64_t fen, int decimals) {
  ys_amount a = ok(s, u);
  if (a.fen != fen || a.decimals != decimals || a.empty)
    fail_msg("parse(\"%s\", %s) = %lld 分 / %d dec / empty %d; want %lld / %d",
             s, ys_unit_name(u), (long long)a.fen, a.decimals, (int)a.empty,
             (long long)fen, decimals);
}

/* Asserts rejection, with a Chinese message containing `frag` if given. */
static void reject(const char *s, ys_unit u, const char *frag) {
  ys_amount a;
  const char *why = NULL;
  int rc = ys_money_parse(&a, s, strlen(s), u, &why);
  if (rc != YS_EINPUT)
    fail_msg("parse(\"%s\", %s) accepted: %lld 分", s, ys_unit_name(u),
             (long long)a.fen);
  assert_non_null(why);
  if (frag && !strstr(why, frag))
    fail_msg("parse(\"%s\") why = \"%s\", want \"%s\"", s, why, frag);
}

static void expect_empty(const char *s, ys_unit u) {
  ys_amount a = ok(s, u);
  assert_true(a.empty);
  assert_int_equal(a.fen, 0);
}

static void test_units(void **state) {
  (void)state;
  assert_int_equal(ys_unit_fen(YUAN), 100);
  assert_int_equal(ys_unit_fen(WAN), 1000000);
  assert_string_equal(ys_unit_name(YUAN), "元");
  assert_string_equal(ys_unit_name(WAN), "万元");
}

static void test_unit_parse(void **state) {
  (void)state;
  ys_unit u = YUAN;
  const char *s = "单位：万元";
  assert_int_equal(ys_unit_parse(s, strlen(s), &u), 0);
  assert_int_equal(u, WAN);
  s = "金额单位：元";
  assert_int_equal(ys_unit_parse(s, strlen(s), &u), 0);
  assert_int_equal(u, YUAN);
  s = "单位:元";
  u = WAN;
  assert_int_equal(ys_unit_parse(s, strlen(s), &u), 0);
  assert_int_equal(u, YUAN);
  s = "表1 收支总表  单位：万元";
  assert_int_equal(ys_unit_parse(s, strlen(s), &u), 0);
  assert_int_equal(u, WAN);
  /* 万元 wins over a 元 elsewhere on the line. */
  s = "（元）合计 单位：万元";
  assert_int_equal(ys_unit_parse(s, strlen(s), &u), 0);
  assert_int_equal(u, WAN);
  s = "单位：万 元";
  assert_int_equal(ys_unit_parse(s, strlen(s), &u), 0);
  assert_int_equal(u, WAN);
  /* 千元 and 亿元 are units too (statistical and provincial reports) */
  s = "单位：千元";
  assert_int_equal(ys_unit_parse(s, strlen(s), &u), 0);
  assert_int_equal(u, YS_UNIT_QIANYUAN);
  s = "金额单位：亿元";
  assert_int_equal(ys_unit_parse(s, strlen(s), &u), 0);
  assert_int_equal(u, YS_UNIT_YIYUAN);
  s = "单位：百元";
  assert_int_equal(ys_unit_parse(s, strlen(s), &u), -1);
  s = "单位：";
  assert_int_equal(ys_unit_parse(s, strlen(s), &u), -1);
  assert_int_equal(ys_unit_parse("", 0, &u), -1);
  /* Only the first len bytes count. */
  s = "单位：元";
  assert_int_equal(ys_unit_parse(s, strlen(s) - 1, &u), -1);
}

static void test_parse_plain(void **state) {
  (void)state;
  expect("2,383,119.00", YUAN, 238311900, 2);
  expect("2383119", YUAN, 238311900, 0);
  expect("238.3119", WAN, 238311900, 4);
  expect("4,695.70", WAN, 4695700000, 2);
  expect("4,695.70", YUAN, 469570, 2);
  expect("0", YUAN, 0, 0);
  expect("0.00", WAN, 0, 2);
  expect("0.01", YUAN, 1, 2);
  expect("0.000001", WAN, 1, 6);
  expect(".5", YUAN, 50, 1);
  expect("5.", YUAN, 500, 0);
  expect("1,000", YUAN, 100000, 0);
  expect("123,456,789.12", YUAN, 12345678912, 2);
  expect("007", YUAN, 700, 0);
  expect("50,000.00", YUAN, 5000000, 2);
}

static void test_parse_signs(void **state) {
  (void)state;
  expect("-2000", YUAN, -200000, 0);
  expect("(2000)", YUAN, -200000, 0);
  expect("（2,000.50）", YUAN, -200050, 2);
  expect("+12.5", WAN, 12500000, 1);
  expect("－3.00", YUAN, -300, 2);
  expect("\xE2\x88\x92"
         "3.00",
         YUAN, -300, 2); /* U+2212 */
  expect("＋1", YUAN, 100, 0);
  expect("- 5", YUAN, -500, 0);
  expect("( 5 )", YUAN, -500, 0);
  expect("-0", YUAN, 0, 0);
  reject("--5", YUAN, "号重复");
  reject("+-5", YUAN, "号重复");
  reject("-(5)", YUAN, "号重复");
  reject("(-5)", YUAN, "号重复");
  reject("5-", YUAN, NULL);
  reject("(5", YUAN, NULL);
  reject("5)", YUAN, NULL);
  reject("(5))", YUAN, NULL);
  reject("(5)6", YUAN, NULL);
  reject("()", YUAN, NULL);
  reject("+", YUAN, NULL);
  reject("1-2", YUAN, NULL);
}

static void test_parse_fullwidth(void **state) {
  (void)state;
  expect("５８４６．２９", WAN, 5846290000, 2);
  expect("２，３８３，１１９．００", YUAN, 238311900, 2);
  expect("（２０２３）", YUAN, -202300, 0);
}

static void test_parse_whitespace(void **state) {
  (void)state;
  expect("5846.\n\n29", WAN, 5846290000, 2); /* seed 004 */
  expect("  1,234.56  ", YUAN, 123456, 2);
  expect("\xE3\x80\x80"
         "12.34"
         "\xE3\x80\x80",
         YUAN, 1234, 2); /* U+3000 */
  expect("\xC2\xA0"
         "12.34"
         "\xC2\xA0",
         YUAN, 1234, 2); /* NBSP */
  expect("1 234", YUAN, 123400, 0);
  expect("2,383,\n119.00", YUAN, 238311900, 2);
  expect("\t-\r\n7", YUAN, -700, 0);
  expect("1\xE3\x80\x80"
         "2",
         YUAN, 1200, 0);
}

static void test_parse_empty(void **state) {
  (void)state;
  expect_empty("", YUAN);
  expect_empty("   ", WAN);
  expect_empty("\n\xE3\x80\x80", WAN);
  expect_empty("-", YUAN);
  expect_empty("—", YUAN);
  expect_empty("——", WAN);
  expect_empty("－", YUAN);
  expect_empty(" - ", YUAN);
  ys_amount a = {5, 5, false};
  assert_int_equal(ys_money_parse(&a, NULL, 0, YUAN, NULL), YS_OK);
  assert_true(a.empty);
  assert_int_equal(a.fen, 0);
  assert_int_equal(a.decimals, 0);
}

static void test_parse_garbage(void **state) {
  (void)state;
  reject("abc", YUAN, "不是有效的金额");
  reject("12a", YUAN, "不是有效的金额");
  reject("1.2.3", YUAN, NULL);
  reject("%", YUAN, NULL);
  reject("12%", WAN, NULL);
  reject(".", YUAN, NULL);
  reject(",", YUAN, NULL);
  reject("1e5", YUAN, NULL);
  reject("—5", YUAN, NULL);
  reject("5—", YUAN, NULL);
  reject("１２元", YUAN, NULL);
  reject("\xFF"
         "12",
         YUAN, NULL);
  reject("12\xE4\xB8", YUAN, NULL); /* truncated UTF-8 */
  /* An embedded NUL is not white space. */
  ys_amount a;
  const char *why = NULL;
  assert_int_equal(ys_money_parse(&a,
                                  "1\0"
                                  "2",
                                  3, YUAN, &why),
                   YS_EINPUT);
  assert_non_null(why);
  /* len bounds the input: the garbage after it is not read. */
  assert_int_equal(ys_money_parse(&a, "12abc", 2, YUAN, &why), YS_OK);
  assert_int_equal(a.fen, 1200);
}

static void test_parse_commas(void **state) {
  (void)state;
  reject("1,2", YUAN, "千分位");
  reject("12,34.00", YUAN, "千分位");
  reject("1234,567", YUAN, "千分位");
  reject("1,2345", YUAN, "千分位");
  reject(",123", YUAN, "千分位");
  reject("123,", YUAN, "千分位");
  reject("1,,234", YUAN, "千分位");
  reject("1.234,5", YUAN, "千分位");
  reject("1,234.567,8", WAN, "千分位");
}

static void test_parse_precision(void **state) {
  (void)state;
  reject("1.001", YUAN, "精度超过0.01元");
  reject("0.005", YUAN, "精度");
  reject("238.3119001", WAN, "精度");
  expect("238.31191", WAN, 238311910, 5);
  reject("0.0000001", WAN, "精度");
  /* Trailing zeros beyond 1 分 are only printing. */
  expect("1.0100000", YUAN, 101, 7);
  expect("238.311900000", WAN, 238311900, 9);
  expect("1.000", YUAN, 100, 3);
}

static void test_parse_range(void **state) {
  (void)state;
  /* 9e16 分 = 9e14 元 = 9e10 万元 */
  expect("900000000000000.00", YUAN, YS_FEN_MAX, 2);
  expect("-900,000,000,000,000", YUAN, -YS_FEN_MAX, 0);
  expect("90000000000", WAN, YS_FEN_MAX, 0);
  expect("(90000000000.000000)", WAN, -YS_FEN_MAX, 6);
  reject("900000000000000.01", YUAN, "金额超出范围");
  reject("-900000000000000.01", YUAN, "金额超出范围");
  reject("90000000000.000001", WAN, "金额超出范围");
  reject("900000000000001", YUAN, "金额超出范围");
  /* Huge digit strings: no overflow, no UB (checked under UBSan). */
  reject("123456789012345678901234567890", YUAN, "金额超出范围");
  reject("999999999999999999999999999999.99", WAN, "金额超出范围");
  reject("-184467440737095516160", YUAN, "金额超出范围");
  reject("18446744073709551616", YUAN, "金额超出范围");
  reject("9223372036854775807", YUAN, "金额超出范围");
  /* Leading zeros don't count towards magnitude. */
  expect("000000000000000000000000000001", YUAN, 100, 0);
  /* A long run of zero decimals is fine. */
  expect("1.000000000000000000000000000000", WAN, 1000000, 30);
}

static void test_round(void **state) {
  (void)state;
  /* 万元, 2 decimals: steps of 10000 分 */
  assert_int_equal(ys_money_round(5846285000, WAN, 2), 5846290000);
  assert_int_equal(ys_money_round(5846284999, WAN, 2), 5846280000);
  assert_int_equal(ys_money_round(-5846285000, WAN, 2), -5846290000);
  assert_int_equal(ys_money_round(-5846284999, WAN, 2), -5846280000);
  assert_int_equal(ys_money_round(-5000, WAN, 2), -10000); /* -0.005 */
  assert_int_equal(ys_money_round(5000, WAN, 2), 10000);
  assert_int_equal(ys_money_round(4999, WAN, 2), 0);
  assert_int_equal(ys_money_round(-4999, WAN, 2), 0);
  assert_int_equal(ys_money_round(238311900, WAN, 2), 238310000);
  assert_int_equal(ys_money_round(238315000, WAN, 2), 238320000);
  assert_int_equal(ys_money_round(238311900, WAN, 4), 238311900);
  assert_int_equal(ys_money_round(238311900, WAN, 6), 238311900);
  assert_int_equal(ys_money_round(238311900, WAN, 0), 238000000);
  assert_int_equal(ys_money_round(500000, WAN, 0), 1000000);
  assert_int_equal(ys_money_round(-500000, WAN, 0), -1000000);
  /* 元: 0.005 元 does not exist (1 分 is the atom); round to 角 and 元. */
  assert_int_equal(ys_money_round(12345, YUAN, 2), 12345);
  assert_int_equal(ys_money_round(12345, YUAN, 1), 12350);
  assert_int_equal(ys_money_round(-12345, YUAN, 1), -12350);
  assert_int_equal(ys_money_round(12344, YUAN, 1), 12340);
  assert_int_equal(ys_money_round(12350, YUAN, 0), 12400);
  assert_int_equal(ys_money_round(12349, YUAN, 0), 12300);
  assert_int_equal(ys_money_round(-12350, YUAN, 0), -12400);
  assert_int_equal(ys_money_round(-50, YUAN, 0), -100);
  assert_int_equal(ys_money_round(0, YUAN, 0), 0);
  /* More decimals than 分 is exact. */
  assert_int_equal(ys_money_round(12345, YUAN, 6), 12345);
  /* Negative decimals round to tens of the unit. */
  assert_int_equal(ys_money_round(123456, YUAN, -1), 123000);
  assert_int_equal(ys_money_round(125500, YUAN, -1), 126000);
  assert_int_equal(ys_money_round(-125500, YUAN, -1), -126000);
  assert_int_equal(ys_money_round(YS_FEN_MAX, WAN, 2), YS_FEN_MAX);
  assert_int_equal(ys_money_round(-YS_FEN_MAX, WAN, 0), -YS_FEN_MAX);
  /* Far outside the accepted range: still no overflow. */
  assert_true(ys_money_round(INT64_MAX, WAN, 0) <= INT64_MAX);
  assert_true(ys_money_round(INT64_MIN, WAN, 0) < 0);
  assert_int_equal(ys_money_round(INT64_MAX, YUAN, -30), 0);
}

static void fmt_is(int64_t fen, ys_unit u, int dec, unsigned flags,
                   const char *want) {
  char buf[64];
  size_t n = ys_money_format(buf, sizeof buf, fen, u, dec, flags);
  if (strcmp(buf, want) != 0 || n != strlen(want))
    fail_msg("format(%lld, %s, %d, %u) = \"%s\" (%zu), want \"%s\"",
             (long long)fen, ys_unit_name(u), dec, flags, buf, n, want);
}

static void test_format(void **state) {
  (void)state;
  fmt_is(238311900, YUAN, 2, YS_FMT_THOUSANDS, "2,383,119.00");
  fmt_is(238311900, YUAN, 2, 0, "2383119.00");
  fmt_is(238311900, YUAN, 0, 0, "2383119");
  fmt_is(238311900, WAN, 2, 0, "238.31");
  fmt_is(238311900, WAN, 4, 0, "238.3119");
  fmt_is(238311900, WAN, 6, 0, "238.311900");
  fmt_is(4695700000, WAN, 2, YS_FMT_THOUSANDS, "4,695.70");
  fmt_is(5846285000, WAN, 2, 0, "5846.29");
  fmt_is(-5846285000, WAN, 2, 0, "-5846.29");
  fmt_is(-5000, WAN, 2, 0, "-0.01");
  fmt_is(-4999, WAN, 2, 0, "0.00"); /* no "-0.00" */
  fmt_is(1, YUAN, 2, 0, "0.01");
  fmt_is(1, YUAN, 6, 0, "0.010000");
  fmt_is(-1, YUAN, 2, 0, "-0.01");
  fmt_is(0, YUAN, 2, 0, "0.00");
  fmt_is(0, YUAN, 2, YS_FMT_BLANK_ZERO, "");
  fmt_is(0, WAN, 0, YS_FMT_BLANK_ZERO | YS_FMT_THOUSANDS, "");
  fmt_is(100, WAN, 2, YS_FMT_BLANK_ZERO, "0.00"); /* tiny, not hidden */
  fmt_is(100, YUAN, 0, YS_FMT_BLANK_ZERO, "1");
  fmt_is(99999, YUAN, 2, YS_FMT_THOUSANDS, "999.99");
  fmt_is(100000, YUAN, 2, YS_FMT_THOUSANDS, "1,000.00");
  fmt_is(-100000, YUAN, 0, YS_FMT_THOUSANDS, "-1,000");
  fmt_is(YS_FEN_MAX, YUAN, 2, YS_FMT_THOUSANDS, "900,000,000,000,000.00");
  fmt_is(-YS_FEN_MAX, WAN, 6, YS_FMT_THOUSANDS, "-90,000,000,000.000000");
  fmt_is(INT64_MIN, YUAN, 2, 0, "-92233720368547758.08");
  fmt_is(INT64_MAX, YUAN, 2, YS_FMT_THOUSANDS, "92,233,720,368,547,758.07");
  /* decimals clamped to 0..6 */
  fmt_is(123, YUAN, -3, 0, "1");
  fmt_is(123, YUAN, 9, 0, "1.230000");
}

static void test_format_truncation(void **state) {
  (void)state;
  char buf[6];
  memset(buf, 'x', sizeof buf);
  size_t n =
      ys_money_format(buf, sizeof buf, 238311900, YUAN, 2, YS_FMT_THOUSANDS);
  assert_int_equal(n, strlen("2,383,119.00"));
  assert_string_equal(buf, "2,383");
  n = ys_money_format(NULL, 0, 238311900, YUAN, 2, 0);
  assert_int_equal(n, strlen("2383119.00"));
  buf[0] = 'x';
  n = ys_money_format(buf, 1, 5, YUAN, 2, 0);
  assert_int_equal(n, 4);
  assert_int_equal(buf[0], '\0');
}

/* Fixed-seed LCG (Knuth MMIX): reproducible on every platform. */
static uint64_t lcg_state = 0x2023u;
static uint64_t lcg(void) {
  lcg_state = lcg_state * 6364136223846793005u + 1442695040888963407u;
  return lcg_state;
}

static void test_round_trip(void **state) {
  (void)state;
  char buf[64];
  for (int i = 0; i < 20000; i++) {
    uint64_t r = lcg();
    /* Mix magnitudes: small, typical budget, and up to the cap. */
    int64_t mod;
    switch ((r >> 60) & 3) {
    case 0:
      mod = 1000;
      break;
    case 1:
      mod = INT64_C(10000000000); /* 1 亿元 */
      break;
    default:
      mod = YS_FEN_MAX + 1;
    }
    int64_t fen = (int64_t)((lcg() >> 1) % (uint64_t)mod);
    if (r & 1) fen = -fen;
    ys_unit u = (r & 2) ? WAN : YUAN;
    unsigned flags = (r & 4) ? YS_FMT_THOUSANDS : 0;
    int full = u == WAN ? 6 : 2;
    int dec = full + (int)((r >> 8) % 3); /* exact, or padded */
    if (dec > 6) dec = 6;
    ys_money_format(buf, sizeof buf, fen, u, dec, flags);
    ys_amount a;
    const char *why = NULL;
    int rc = ys_money_parse(&a, buf, strlen(buf), u, &why);
    if (rc != YS_OK || a.fen != fen || a.decimals != dec)
      fail_msg("round trip %lld %s via \"%s\": rc %d fen %lld (%s)",
               (long long)fen, ys_unit_name(u), buf, rc, (long long)a.fen,
               why ? why : "");
    /* At display precision: parse(format) equals round. */
    int d2 = (int)((r >> 16) % 3);
    ys_money_format(buf, sizeof buf, fen, u, d2, flags);
    rc = ys_money_parse(&a, buf, strlen(buf), u, &why);
    assert_int_equal(rc, YS_OK);
    assert_int_equal(a.fen, ys_money_round(fen, u, d2));
    /* The rounding error is at most half a step. */
    int64_t step = ys_unit_fen(u);
    for (int k = 0; k < d2; k++) step /= 10;
    int64_t err = a.fen - fen;
    if (err < 0) err = -err;
    assert_true(2 * err <= step);
  }
}

static void test_add(void **state) {
  (void)state;
  int64_t r = 7;
  assert_true(ys_money_add(1, 2, &r));
  assert_int_equal(r, 3);
  assert_true(ys_money_add(YS_FEN_MAX - 1, 1, &r));
  assert_int_equal(r, YS_FEN_MAX);
  assert_false(ys_money_add(YS_FEN_MAX, 1, &r));
  assert_true(ys_money_add(-YS_FEN_MAX, 0, &r));
  assert_int_equal(r, -YS_FEN_MAX);
  assert_false(ys_money_add(-YS_FEN_MAX, -1, &r));
  assert_true(ys_money_add(YS_FEN_MAX, -YS_FEN_MAX, &r));
  assert_int_equal(r, 0);
  assert_false(ys_money_add(INT64_MAX, INT64_MAX, &r));
  assert_false(ys_money_add(INT64_MIN, -1, &r));
  assert_false(ys_money_add(INT64_MIN, INT64_MIN, &r));
  assert_true(ys_money_add(INT64_MAX, INT64_MIN + 1, &r));
  assert_int_equal(r, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_units),
      cmocka_unit_test(test_unit_parse),
      cmocka_unit_test(test_parse_plain),
      cmocka_unit_test(test_parse_signs),
      cmocka_unit_test(test_parse_fullwidth),
      cmocka_unit_test(test_parse_whitespace),
      cmocka_unit_test(test_parse_empty),
      cmocka_unit_test(test_parse_garbage),
      cmocka_unit_test(test_parse_commas),
      cmocka_unit_test(test_parse_precision),
      cmocka_unit_test(test_parse_range),
      cmocka_unit_test(test_round),
      cmocka_unit_test(test_format),
      cmocka_unit_test(test_format_truncation),
      cmocka_unit_test(test_round_trip),
      cmocka_unit_test(test_add),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
