/*
 * money.c - exact money: parsing, rounding and formatting of amounts in 分.
 *
 * Published tables reach us through PDF-to-text converters, so a cell may be
 * "2,383,119.00", "（2000）", "５８４６．２９" or "5846.\n\n29". Parsing must
 * accept all of these and still be strict enough that a misread cell ("12a",
 * "1.2.3", a percentage) is reported instead of silently becoming a number,
 * because every later check trusts these values to the last 分.
 *
 * Nothing here uses floating point: a printed decimal is turned into an
 * int64 count of 分 digit by digit with overflow checks, so 30-digit garbage
 * is rejected without undefined behaviour, and rounding is the decimal
 * "四舍五入" (half away from zero) that the publishers' spreadsheets apply.
 */
#include "yusuan/money.h"

#include <string.h>

#include "yusuan/error.h"
#include "yusuan/text.h"

/* Decimals of the display unit that one 分 corresponds to. */
static int unit_scale(ys_unit unit) {
  switch (unit) {
  case YS_UNIT_YUAN:
    return 2;
  case YS_UNIT_WANYUAN:
    return 6;
  case YS_UNIT_YIYUAN:
    return 10;
  case YS_UNIT_QIANYUAN:
    return 5;
  }
  return -1;
}

int64_t ys_unit_fen(ys_unit unit) {
  switch (unit) {
  case YS_UNIT_YUAN:
    return 100;
  case YS_UNIT_WANYUAN:
    return 1000000;
  case YS_UNIT_YIYUAN:
    return INT64_C(10000000000);
  case YS_UNIT_QIANYUAN:
    return 100000;
  }
  return 0;
}

const char *ys_unit_name(ys_unit unit) {
  switch (unit) {
  case YS_UNIT_YUAN:
    return "元";
  case YS_UNIT_WANYUAN:
    return "万元";
  case YS_UNIT_YIYUAN:
    return "亿元";
  case YS_UNIT_QIANYUAN:
    return "千元";
  }
  return "?";
}

static bool is_space(uint32_t c) {
  switch (c) {
  case ' ':
  case '\t':
  case '\n':
  case '\v':
  case '\f':
  case '\r':
  case 0x85:   /* NEL */
  case 0xA0:   /* NBSP */
  case 0x1680: /* OGHAM SPACE MARK */
  case 0x2028: /* LINE SEPARATOR */
  case 0x2029: /* PARAGRAPH SEPARATOR */
  case 0x202F: /* NARROW NBSP */
  case 0x205F: /* MEDIUM MATHEMATICAL SPACE */
  case 0x3000: /* IDEOGRAPHIC SPACE */
  case 0x200B: /* ZERO WIDTH SPACE: converters leave it between cells */
  case 0xFEFF: /* BOM / ZWNBSP */
    return true;
  }
  return c >= 0x2000 && c <= 0x200A;
}

/* The classes of characters an amount can be made of, after full-width and
 * typographic variants are folded together. */
enum tok {
  T_DIGIT,
  T_COMMA,
  T_POINT,
  T_MINUS,
  T_PLUS,
  T_DASH, /* only a placeholder for an empty cell, never a sign */
  T_OPEN,
  T_CLOSE,
  T_OTHER
};

static enum tok classify(uint32_t c, int *digit) {
  if (c >= '0' && c <= '9') {
    *digit = (int)(c - '0');
    return T_DIGIT;
  }
  if (c >= 0xFF10 && c <= 0xFF19) {
    *digit = (int)(c - 0xFF10);
    return T_DIGIT;
  }
  switch (c) {
  case ',':
  case 0xFF0C:
    return T_COMMA;
  case '.':
  case 0xFF0E:
    return T_POINT;
  case '-':
  case 0xFF0D:
  case 0x2212: /* MINUS SIGN */
    return T_MINUS;
  case '+':
  case 0xFF0B:
    return T_PLUS;
  case 0x2012: /* FIGURE DASH */
  case 0x2013: /* EN DASH */
  case 0x2014: /* EM DASH: "—" and "——" mark empty cells */
  case 0x2015: /* HORIZONTAL BAR */
    return T_DASH;
  case '(':
  case 0xFF08:
    return T_OPEN;
  case ')':
  case 0xFF09:
    return T_CLOSE;
  }
  return T_OTHER;
}

static const char MSG_GARBAGE[] = "不是有效的金额";
static const char MSG_SIGN[] = "正负号重复";
static const char MSG_COMMA[] = "千分位分隔符位置不正确";
static const char MSG_PREC_YUAN[] = "精度超过0.01元";
static const char MSG_PREC_WAN[] = "精度超过0.000001万元（0.01元）";
static const char MSG_RANGE[] = "金额超出范围";
static const char MSG_UNIT[] = "金额单位无效";

static int fail(const char **why, const char *msg) {
  if (why) *why = msg;
  return YS_EINPUT;
}

/* True when the cell holds nothing but white space and dashes: converters
 * and publishers write "-", "—", "——" or "－" for an empty cell. */
static bool is_placeholder(const unsigned char *p, size_t len, bool *bad) {
  *bad = false;
  for (size_t i = 0; i < len;) {
    uint32_t c;
    size_t k = ys_utf8_strict((const char *)p + i, len - i, &c);
    if (k == 0) {
      *bad = true;
      return false;
    }
    i += k;
    int d;
    if (is_space(c)) continue;
    enum tok t = classify(c, &d);
    if (t != T_DASH && t != T_MINUS) return false;
  }
  return true;
}

/* One left-to-right scan of a printed figure — white space, sign and
 * brackets, full-width digits, thousands separators, decimals, a trailing
 * unit — a small state machine that reads best in one piece. */
int ys_money_parse(ys_amount *out, const char *s, size_t len, ys_unit unit,
                   const char **why) {
  ys_amount res = {0, 0, false};
  int scale = unit_scale(unit);
  if (out) *out = res;
  if (scale < 0) return fail(why, MSG_UNIT);
  if (s == NULL) len = 0;

  const unsigned char *p = (const unsigned char *)s;
  bool bad;
  if (is_placeholder(p, len, &bad)) {
    res.empty = true;
    if (out) *out = res;
    return YS_OK;
  }
  if (bad) return fail(why, MSG_GARBAGE);

  /* Grammar, white space ignored everywhere:
   *   [+|-] digits-with-commas [. digits]   or   "(" same, unsigned ")" */
  int sign = 0;   /* +1 / -1 once a sign was seen */
  int paren = 0;  /* 1 inside "(", 2 after ")" */
  int state = 0;  /* 0 before digits, 1 integer part, 2 fraction */
  int nint = 0;   /* integer digits */
  int group = -1; /* digits since the last comma; -1 = no comma yet */
  bool overflow = false, too_precise = false;
  uint64_t ipart = 0; /* integer part, stops growing past icap */
  uint64_t frac = 0;  /* first `scale` fraction digits */
  int nfrac = 0;
  const uint64_t icap = (uint64_t)(YS_FEN_MAX / ys_unit_fen(unit)) + 1;

  for (size_t i = 0; i < len;) {
    uint32_t c;
    size_t k = ys_utf8_strict((const char *)p + i, len - i, &c);
    if (k == 0) return fail(why, MSG_GARBAGE);
    i += k;
    if (is_space(c)) continue;
    int d = 0;
    enum tok t = classify(c, &d);
    if (paren == 2) return fail(why, MSG_GARBAGE); /* nothing after ")" */
    switch (t) {
    case T_DIGIT:
      if (state == 0) state = 1;
      if (state == 1) {
        if (group >= 0 && ++group > 3) return fail(why, MSG_COMMA);
        nint++;
        if (!overflow) {
          ipart = ipart * 10 + (uint64_t)d;
          if (ipart > icap) overflow = true;
        }
      } else {
        nfrac++;
        if (nfrac <= scale) {
          frac = frac * 10 + (uint64_t)d;
        } else if (d != 0) {
          too_precise = true;
        }
      }
      break;
    case T_COMMA:
      /* Thousands separators: only between integer digits, every 3. */
      if (state != 1 || (group >= 0 && group != 3) || (group < 0 && nint > 3))
        return fail(why, MSG_COMMA);
      group = 0;
      break;
    case T_POINT:
      if (state == 2) return fail(why, MSG_GARBAGE);
      if (group >= 0 && group != 3) return fail(why, MSG_COMMA);
      state = 2;
      break;
    case T_MINUS:
    case T_PLUS:
      if (state != 0) return fail(why, MSG_GARBAGE);
      if (sign != 0 || paren) return fail(why, MSG_SIGN);
      sign = (t == T_MINUS) ? -1 : 1;
      break;
    case T_OPEN:
      if (state != 0 || paren) return fail(why, MSG_GARBAGE);
      if (sign) return fail(why, MSG_SIGN);
      paren = 1;
      break;
    case T_CLOSE:
      if (paren != 1 || state == 0) return fail(why, MSG_GARBAGE);
      paren = 2;
      break;
    case T_DASH:
    case T_OTHER:
      return fail(why, MSG_GARBAGE);
    }
  }

  if (state == 0 || paren == 1) return fail(why, MSG_GARBAGE);
  if (nint == 0 && nfrac == 0) return fail(why, MSG_GARBAGE); /* "." */
  if (group >= 0 && group != 3) return fail(why, MSG_COMMA);
  if (too_precise)
    return fail(why, unit == YS_UNIT_YUAN ? MSG_PREC_YUAN : MSG_PREC_WAN);
  if (overflow) return fail(why, MSG_RANGE);

  for (int j = nfrac; j < scale; j++) frac *= 10;
  /* ipart <= icap keeps this product far below UINT64_MAX. */
  uint64_t mag = ipart * (uint64_t)ys_unit_fen(unit) + frac;
  if (mag > (uint64_t)YS_FEN_MAX) return fail(why, MSG_RANGE);

  res.fen = (int64_t)mag;
  if (sign < 0 || paren) res.fen = -res.fen;
  res.decimals = nfrac;
  if (out) *out = res;
  return YS_OK;
}

/* 10^e for small e; callers keep e in 0..18. */
static int64_t pow10i(int e) {
  int64_t v = 1;
  while (e-- > 0) v *= 10;
  return v;
}

int64_t ys_money_round(int64_t fen, ys_unit unit, int decimals) {
  int scale = unit_scale(unit);
  if (scale < 0 || decimals >= scale) return fen;
  /* Negative decimals round to tens, hundreds … of the unit; beyond 10^18 分
   * every int64 rounds to zero. */
  int e = scale - decimals;
  if (e > 18) return 0;
  int64_t step = pow10i(e);
  int64_t q = fen / step, r = fen % step;
  int64_t ar = r < 0 ? -r : r;
  if (ar >= step - ar) q += (fen < 0) ? -1 : 1;
  /* Only inputs near INT64_MAX can overflow here; round toward zero then. */
  if (q > INT64_MAX / step || q < INT64_MIN / step) q += (q < 0) ? 1 : -1;
  return q * step;
}

size_t ys_money_format(char *buf, size_t n, int64_t fen, ys_unit unit,
                       int decimals, unsigned flags) {
  char tmp[64];
  size_t len = 0;
  int scale = unit_scale(unit);
  if (decimals < 0) decimals = 0;
  if (decimals > 6) decimals = 6;

  /* BLANK_ZERO blanks only a true zero: a tiny nonzero amount still shows
   * as 0.00, so that it is not hidden from the reader. */
  if (scale >= 0 && !(fen == 0 && (flags & YS_FMT_BLANK_ZERO))) {
    int64_t v = ys_money_round(fen, unit, decimals);
    uint64_t mag = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
    char digits[24];
    int nd = 0;
    do {
      digits[nd++] = (char)('0' + (int)(mag % 10));
      mag /= 10;
    } while (mag);
    /* digits[] is little-endian; pad so there is at least one integer
     * digit in front of the `scale` fraction digits. */
    while (nd < scale + 1) digits[nd++] = '0';
    int nint = nd - scale;
    if (v < 0) tmp[len++] = '-';
    for (int i = 0; i < nint; i++) {
      tmp[len++] = digits[nd - 1 - i];
      int left = nint - 1 - i;
      if ((flags & YS_FMT_THOUSANDS) && left > 0 && left % 3 == 0)
        tmp[len++] = ',';
    }
    if (decimals > 0) {
      tmp[len++] = '.';
      for (int i = 0; i < decimals; i++)
        tmp[len++] = i < scale ? digits[scale - 1 - i] : '0';
    }
  }
  tmp[len] = '\0';
  if (n > 0) {
    size_t c = len < n - 1 ? len : n - 1;
    memcpy(buf, tmp, c);
    buf[c] = '\0';
  }
  return len;
}

bool ys_money_add(int64_t a, int64_t b, int64_t *out) {
  /* Inputs are not trusted to be in range: check int64 overflow first. */
  if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
    return false;
  int64_t r = a + b;
  if (r > YS_FEN_MAX || r < -YS_FEN_MAX) return false;
  if (out) *out = r;
  return true;
}

/* The UTF-8 bytes of one code point immediately before position `end`,
 * skipping white space; 0 if none. */
static uint32_t prev_char(const unsigned char *p, size_t end) {
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && (p[start] & 0xC0) == 0x80 && end - start < 4) start--;
    uint32_t c;
    size_t k = ys_utf8_strict((const char *)p + start, end - start, &c);
    if (k != end - start) return 0;
    if (!is_space(c)) return c;
    end = start;
  }
  return 0;
}

int ys_unit_parse(const char *s, size_t len, ys_unit *out) {
  static const char YUAN[] = "元"; /* E5 85 83 */
  const unsigned char *p = (const unsigned char *)s;
  bool yuan = false;
  if (s == NULL) return -1;
  for (size_t i = 0; i + 3 <= len; i++) {
    if (memcmp(p + i, YUAN, 3) != 0) continue;
    uint32_t before = prev_char(p, i);
    if (before == 0x4E07 /* 万 */) {
      /* 万元 wins: the page's amounts are in 万元 whatever else it says. */
      if (out) *out = YS_UNIT_WANYUAN;
      return 0;
    }
    if (before == 0x4EBF /* 亿 */) {
      if (out) *out = YS_UNIT_YIYUAN;
      return 0;
    }
    if (before == 0x5343 /* 千 */) {
      if (out) *out = YS_UNIT_QIANYUAN;
      return 0;
    }
    /* 百元, 十元 are no units of disclosure: not 元 either */
    if (before == 0x767E /* 百 */ || before == 0x5341 /* 十 */) continue;
    yuan = true;
  }
  if (!yuan) return -1;
  if (out) *out = YS_UNIT_YUAN;
  return 0;
}
