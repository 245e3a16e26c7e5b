/*
 * test_text.c - matching keys, widths, trimming and UTF-8 validation.
 *
 * The key decides whether two spellings of a name or code are the same
 * thing, so the tests cover the forms PDF converters produce: names broken
 * over lines, full-width digits and brackets, ideographic spaces, quotes
 * added by one province and not another, and broken bytes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "yusuan/arena.h"
#include "yusuan/text.h"

static ys_arena *arena;

static int setup(void **state) {
  (void)state;
  arena = ys_arena_new(0);
  return arena ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  ys_arena_free(arena);
  arena = NULL;
  return 0;
}

static void key_is(const char *s, const char *want) {
  char *k = ys_text_key(arena, s, strlen(s));
  assert_non_null(k);
  if (strcmp(k, want) != 0)
    fail_msg("key(\"%s\") = \"%s\", want \"%s\"", s, k, want);
  /* The buffer variant agrees. */
  char buf[256];
  size_t n = ys_text_key_buf(buf, sizeof buf, s, strlen(s));
  assert_int_equal(n, strlen(want));
  assert_string_equal(buf, want);
}

static void test_key_basic(void **state) {
  (void)state;
  key_is("医疗保障\n经办事务", "医疗保障经办事务");
  key_is("（２０２３）", "(2023)");
  key_is("医疗保障\r\n经办\t事务 ", "医疗保障经办事务");
  key_is("\xE3\x80\x80\xE3\x80\x80一般公共预算", "一般公共预算"); /* U+3000 */
  key_is("一般\xC2\xA0公共", "一般公共");                         /* NBSP */
  key_is("a\xE2\x80\x83"
         "b",
         "ab"); /* EM SPACE (Zs) */
  key_is("a\xE2\x80\xA8"
         "b",
         "ab"); /* LINE SEPARATOR */
  key_is("", "");
  key_is("   \n ", "");
}

static void test_key_fullwidth(void **state) {
  (void)state;
  /* Full-width and half-width spellings get the same key. */
  const char *pairs[][2] = {
      {"２１０１５０６", "2101506"},
      {"ＡＢＣ", "ABC"},
      {"表１３", "表13"},
      {"（一）", "(一)"},
      {"５８４６．２９", "5846.29"},
      {"单位：万元", "单位:万元"},
      {"20805\n05", "2080505"},
      {"医疗卫生与计划生育支出", "医疗卫生与计划生育支出"},
  };
  for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    char *a = ys_text_key(arena, pairs[i][0], strlen(pairs[i][0]));
    char *b = ys_text_key(arena, pairs[i][1], strlen(pairs[i][1]));
    assert_non_null(a);
    assert_non_null(b);
    if (strcmp(a, b) != 0)
      fail_msg("key(\"%s\") = \"%s\" != key(\"%s\") = \"%s\"", pairs[i][0], a,
               pairs[i][1], b);
  }
  key_is("单位：万元", "单位:万元");
}

static void test_key_quotes(void **state) {
  (void)state;
  key_is("“三公”经费", "三公经费");
  key_is("\"三公\"经费", "三公经费");
  key_is("‘三公’经费", "三公经费");
  key_is("'a'", "a");
  key_is("＂三公＂", "三公"); /* full-width " folds to " and goes */
  /* Corner brackets and 、 are kept. */
  key_is("「三公」", "「三公」");
  key_is("因公出国（境）费、公务接待费", "因公出国(境)费、公务接待费");
}

static void test_key_invalid(void **state) {
  (void)state;
  /* Invalid bytes become U+FFFD; a key is still produced. */
  key_is("ab\xFF"
         "cd",
         "ab\xEF\xBF\xBD"
         "cd");
  key_is("\xE4\xB8", "\xEF\xBF\xBD\xEF\xBF\xBD");
  key_is("\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"); /* overlong '/' */
  key_is("\xED\xA0\x80",
         "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* surrogate */
  /* An embedded NUL does not end the key early. */
  char *k = ys_text_key(arena, "a\0b", 3);
  assert_non_null(k);
  assert_string_equal(k, "a\xEF\xBF\xBD"
                         "b");
  k = ys_text_key(arena, NULL, 0);
  assert_non_null(k);
  assert_string_equal(k, "");
}

static void test_key_buf(void **state) {
  (void)state;
  char buf[8];
  const char *s = "医疗保障 经办";
  size_t n = ys_text_key_buf(buf, sizeof buf, s, strlen(s));
  assert_int_equal(n, strlen("医疗保障经办"));
  assert_int_equal(strlen(buf), 7);
  assert_memory_equal(buf, "医疗保障经办", 7);
  n = ys_text_key_buf(NULL, 0, s, strlen(s));
  assert_int_equal(n, strlen("医疗保障经办"));
  /* Only len bytes are read. */
  n = ys_text_key_buf(buf, sizeof buf, "ab cd", 3);
  assert_int_equal(n, 2);
  assert_string_equal(buf, "ab");
}

static void test_key_nfkc(void **state) {
  (void)state;
  /* Decomposed é composes; ﬁ ligature expands; ㈠ → (一). */
  key_is("e\xCC\x81", "\xC3\xA9");
  key_is("\xEF\xAC\x81", "fi");
  key_is("\xE3\x88\xA0", "(一)");
  /* Half-width katakana-style ideographic comma folds to 、. */
  key_is("a\xEF\xBD\xA4"
         "b",
         "a、b");
}

static size_t put_utf8(char *b, unsigned c) {
  if (c < 0x80) {
    b[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    b[0] = (char)(0xC0 | (c >> 6));
    b[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  b[0] = (char)(0xE0 | (c >> 12));
  b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
  b[2] = (char)(0x80 | (c & 0x3F));
  return 3;
}

static void test_key_fast_path(void **state) {
  (void)state;
  /* The key of most text is made without utf8proc (text.c nfkc_simple):
   * for every code point of the BMP, its key alone (the fast path where
   * it applies) is its key before "①", which only utf8proc keys ("1"):
   * the two paths agree everywhere */
  for (unsigned c = 1; c < 0x10000; c++) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    char one[8], two[16];
    size_t n = put_utf8(one, c);
    memcpy(two, one, n);
    memcpy(two + n, "\xE2\x91\xA0", 3);
    char a[64], b[64];
    size_t ka = ys_text_key_buf(a, sizeof a, one, n);
    size_t kb = ys_text_key_buf(b, sizeof b, two, n + 3);
    if (kb != ka + 1 || memcmp(a, b, ka) || b[ka] != '1')
      fail_msg("U+%04X: key \"%s\" alone, \"%s\" before ①", c, a, b);
  }
}

static void test_width(void **state) {
  (void)state;
  assert_int_equal(ys_text_width("abc", 3), 3);
  assert_int_equal(ys_text_width("医疗", strlen("医疗")), 4);
  assert_int_equal(ys_text_width("（２０）", strlen("（２０）")), 8);
  assert_int_equal(ys_text_width("表1", strlen("表1")), 3);
  assert_int_equal(ys_text_width("e\xCC\x81", 3), 1);    /* combining = 0 */
  assert_int_equal(ys_text_width("\xE3\x80\x80", 3), 2); /* U+3000 */
  assert_int_equal(ys_text_width("", 0), 0);
  assert_int_equal(ys_text_width(NULL, 0), 0);
  assert_int_equal(ys_text_width("\xFF"
                                 "a",
                                 2),
                   2); /* bad byte as 1 */
  assert_int_equal(ys_text_width("单位：万元", strlen("单位：万元")), 10);
}

static void trim_is(const char *s, const char *want) {
  const char *p = s;
  size_t n = strlen(s);
  ys_text_trim(&p, &n);
  if (n != strlen(want) || memcmp(p, want, n) != 0)
    fail_msg("trim(\"%s\") = \"%.*s\", want \"%s\"", s, (int)n, p, want);
}

static void test_trim(void **state) {
  (void)state;
  trim_is("  abc  ", "abc");
  trim_is("\t\r\n abc\n", "abc");
  trim_is("\xE3\x80\x80合计\xE3\x80\x80", "合计");
  trim_is("\xC2\xA0合计\xC2\xA0 \xE3\x80\x80", "合计");
  trim_is("a b", "a b");
  trim_is("   ", "");
  trim_is("", "");
  trim_is("\xE3\x80\x80", "");
  /* A CJK character ending in 0x80 bytes is not a space. */
  trim_is("\xE3\x80\x81", "\xE3\x80\x81"); /* 、 */
  const char *p = NULL;
  size_t n = 0;
  ys_text_trim(&p, &n);
  assert_null(p);
}

static void test_valid_utf8(void **state) {
  (void)state;
  assert_true(ys_text_valid_utf8("abc", 3));
  assert_true(ys_text_valid_utf8("医疗保障", strlen("医疗保障")));
  assert_true(ys_text_valid_utf8("\xF0\x9F\x98\x80", 4));
  assert_true(ys_text_valid_utf8("", 0));
  assert_false(ys_text_valid_utf8("\xFF", 1));
  assert_false(ys_text_valid_utf8("\xE5\x8C", 2));         /* truncated */
  assert_false(ys_text_valid_utf8("\xC0\xAF", 2));         /* overlong */
  assert_false(ys_text_valid_utf8("\xE0\x80\xAF", 3));     /* overlong */
  assert_false(ys_text_valid_utf8("\xED\xA0\x80", 3));     /* surrogate */
  assert_false(ys_text_valid_utf8("\xF4\x90\x80\x80", 4)); /* > U+10FFFF */
  assert_false(ys_text_valid_utf8("\x80", 1));
  /* len bounds the check. */
  assert_true(ys_text_valid_utf8("ab\xFF", 2));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_key_basic, setup, teardown),
      cmocka_unit_test_setup_teardown(test_key_fullwidth, setup, teardown),
      cmocka_unit_test_setup_teardown(test_key_quotes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_key_invalid, setup, teardown),
      cmocka_unit_test_setup_teardown(test_key_buf, setup, teardown),
      cmocka_unit_test_setup_teardown(test_key_nfkc, setup, teardown),
      cmocka_unit_test(test_key_fast_path),
      cmocka_unit_test(test_width),
      cmocka_unit_test(test_trim),
      cmocka_unit_test(test_valid_utf8),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
