/*
 * money.h - exact money.
 *
 * Every amount in yusuan is an int64 count of 分 (0.01 元). Binary floating
 * point never touches an amount. Published tables print 元 or 万元 with some
 * number of decimals; parsing keeps both the exact value and the printed
 * precision, because the checker treats a printed value as an interval.
 */
#ifndef YUSUAN_MONEY_H
#define YUSUAN_MONEY_H

#include "export.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The largest magnitude accepted, in 分: 9e16 分 = 9e14 元, far above any
 * budget. Capping here (rather than at INT64_MAX) means a sum of up to 100
 * accepted amounts can never overflow int64. */
#define YS_FEN_MAX INT64_C(90000000000000000)

typedef enum ys_unit {
  YS_UNIT_YUAN = 0,    /* 元: 1 元 = 100 分 */
  YS_UNIT_WANYUAN = 1, /* 万元: 1 万元 = 1,000,000 分 */
  YS_UNIT_YIYUAN = 2,  /* 亿元: narratives of cities, provinces, the nation */
  YS_UNIT_QIANYUAN = 3 /* 千元: some statistical tables */
} ys_unit;

/* 分 per display unit: 100 for 元, 1,000,000 for 万元. */
YS_API int64_t ys_unit_fen(ys_unit unit);
/* "元" / "万元" */
YS_API const char *ys_unit_name(ys_unit unit);
/* Recognises 元 and 万元 (the units of disclosure) and
 * returns 0 and sets *out, or -1. Accepts surrounding text such as
 * "单位：万元" or "金额单位：元". */
YS_API int ys_unit_parse(const char *s, size_t len, ys_unit *out);

typedef struct ys_amount {
  int64_t fen;  /* exact value in 分 */
  int decimals; /* decimals as printed (0 for "2383119") */
  bool empty;   /* the cell was empty or a dash: fen == 0 */
} ys_amount;

/*
 * Parses a printed amount in the given display unit. Accepts "2,383,119.00",
 * "238.3119", "-2000", "(2000)" (negative), full-width digits and
 * punctuation, surrounding and embedded white space and line breaks
 * ("5846.\n\n29" is 5846.29), an empty cell or a lone dash (empty).
 * Rejects garbage, more precision than 1 分, and |value| > YS_FEN_MAX.
 * Returns YS_OK or YS_EINPUT; on error *why (if not NULL) points to a static
 * Chinese explanation.
 */
YS_API int ys_money_parse(ys_amount *out, const char *s, size_t len,
                          ys_unit unit, const char **why);

/* Rounds an exact amount to `decimals` decimals of `unit`, half away from
 * zero ("四舍五入"), and returns the rounded value, still in 分. */
YS_API int64_t ys_money_round(int64_t fen, ys_unit unit, int decimals);

enum {
  YS_FMT_THOUSANDS = 1u << 0, /* 2,383,119.00 */
  YS_FMT_BLANK_ZERO = 1u << 1 /* zero prints as "" */
};

/* Formats fen in `unit` with `decimals` decimals (0..6), rounding half away
 * from zero. Writes at most n bytes including the NUL; returns the length
 * the full text needs (like snprintf). */
YS_API size_t ys_money_format(char *buf, size_t n, int64_t fen, ys_unit unit,
                              int decimals, unsigned flags);

/* Checked arithmetic: return false on overflow beyond YS_FEN_MAX. */
YS_API bool ys_money_add(int64_t a, int64_t b, int64_t *out);

#ifdef __cplusplus
}
#endif
#endif
