/*
 * text.c - matching keys, display widths and trimming for published text.
 *
 * The same name or code reaches us as "医疗保障\n经办事务", "（２０２３）" or
 * "“三公”经费" depending on the converter and the province. Matching is done
 * on a key: NFKC (which folds full-width forms to ASCII) followed by removal
 * of all white space and of quote marks, which typesetters add and drop
 * freely. Other punctuation — 、「」 and the brackets themselves — is kept,
 * since it can distinguish two names. utf8proc does the Unicode work so the
 * behaviour follows the Unicode tables rather than a hand-kept list.
 *
 * Input may be broken UTF-8 (a PDF converter's output, a CP936 file read as
 * UTF-8); invalid bytes become U+FFFD before normalising so that a key is
 * always produced and NULL means out of memory only.
 */
#include "yusuan/text.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t ys_utf8_strict(const char *s, size_t n, uint32_t *cp) {
  const unsigned char *p = (const unsigned char *)s;
  if (n == 0) return 0;
  unsigned char c = p[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len;
  uint32_t v, min;
  if ((c & 0xE0) == 0xC0) {
    len = 2, v = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, v = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, v = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (n < len) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (p[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

/* ys_utf8_strict on bytes, the code point signed as utf8proc has it. */
static size_t utf8_seq(const unsigned char *p, size_t n, int32_t *cp) {
  uint32_t u = 0;
  size_t k = ys_utf8_strict((const char *)p, n, &u);
  *cp = (int32_t)u;
  return k;
}

size_t ys_utf8_decode(const char *s, size_t n, uint32_t *cp) {
  if (!n) {
    *cp = 0;
    return 0;
  }
  size_t k = ys_utf8_strict(s, n, cp);
  if (!k) {
    *cp = 0xFFFD;
    return 1;
  }
  return k;
}

size_t ys_utf8_encode(uint32_t cp, char *out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  utf8proc_ssize_t k =
      utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)out);
  return k > 0 ? (size_t)k : 0;
}

int ys_text_valid_utf8(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  if (s == NULL) return len == 0;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    size_t k = utf8_seq(p + i, len - i, &cp);
    if (k == 0) return 0;
    i += k;
  }
  return 1;
}

/* Copies s into d (room for len * 3 bytes), every invalid byte, and NUL
 * (which would end the key early), replaced by U+FFFD; returns the
 * length. */
static size_t sanitize_into(const char *s, size_t len, unsigned char *d) {
  const unsigned char *p = (const unsigned char *)s;
  size_t o = 0;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    size_t k = utf8_seq(p + i, len - i, &cp);
    if (k == 0 || cp == 0) {
      d[o++] = 0xEF, d[o++] = 0xBF, d[o++] = 0xBD;
      i++;
      continue;
    }
    memcpy(d + o, p + i, k);
    o += k;
    i += k;
  }
  return o;
}

/* A malloc'd copy of s, sanitised (sanitize_into), NUL-terminated. */
static unsigned char *sanitize(const char *s, size_t len, size_t *outlen) {
  if (len > (SIZE_MAX - 1) / 3) return NULL;
  unsigned char *d = malloc(len * 3 + 1); /* each bad byte grows to 3 */
  if (!d) return NULL;
  size_t o = sanitize_into(s, len, d);
  d[o] = '\0';
  *outlen = o;
  return d;
}

static int drop_from_key(int32_t c) {
  switch (c) {
  case '"':
  case '\'':
  case 0x201C: /* “ */
  case 0x201D: /* ” */
  case 0x2018: /* ‘ */
  case 0x2019: /* ’ */
  case '\t':
  case '\n':
  case '\v':
  case '\f':
  case '\r':
  case 0x85:   /* NEL */
  case 0x200B: /* ZERO WIDTH SPACE */
  case 0xFEFF: /* BOM: files concatenated by converters keep it inside */
    return 1;
  }
  utf8proc_category_t cat = utf8proc_category(c);
  /* Zs covers U+3000 and NBSP (NFKC has already made them ' ' anyway);
   * Zl/Zp are the Unicode line and paragraph separators. */
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
         cat == UTF8PROC_CATEGORY_ZP;
}

/* The key as a malloc'd string (length in *outlen), or NULL on OOM. */
static char *key_malloc(const char *s, size_t len, size_t *outlen) {
  size_t clen = 0;
  if (s == NULL) len = 0;
  unsigned char *clean = sanitize(s, len, &clen);
  if (!clean) return NULL;
  if (clen > (size_t)PTRDIFF_MAX) {
    free(clean);
    return NULL;
  }
  utf8proc_uint8_t *norm = NULL;
  utf8proc_ssize_t nlen =
      utf8proc_map(clean, (utf8proc_ssize_t)clen, &norm,
                   UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_STABLE);
  free(clean);
  /* Input is valid UTF-8 without NUL by now, so failure can only be OOM. */
  if (nlen < 0 || norm == NULL) return NULL;

  /* Filter in place: the key is never longer than the normalised text. */
  size_t o = 0;
  for (utf8proc_ssize_t i = 0; i < nlen;) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(norm + i, nlen - i, &c);
    if (k <= 0) { /* cannot happen on utf8proc's own output; be safe */
      i++;
      continue;
    }
    if (!drop_from_key(c)) {
      memmove(norm + o, norm + i, (size_t)k);
      o += (size_t)k;
    }
    i += k;
  }
  norm[o] = '\0';
  *outlen = o;
  return (char *)norm;
}

/* Keys of short texts (names, headers, codes: nearly all of them) are made
 * on the stack, so that making one cannot fail: a key that came back
 * empty for want of memory would match nothing and quietly change what a
 * document is read as. */
#define KEY_STACK 512 /* input bytes */

/* NFKC of code points whose normal form is known without utf8proc: ASCII
 * (itself), CJK unified ideographs and the CJK symbols U+3001–U+3029 (no
 * decomposition, combining class 0: nothing composes with them), the
 * full-width ASCII forms U+FF01–U+FF5E (their ASCII letter), and the
 * marks a budget text is full of: the quotes, tabs, line ends and the
 * ideographic space that a key drops, "…" (NFKC "..."), the dashes, × ÷ ·
 * and the comparison signs of performance targets (≥ ≤ ≠ ≦ ≧), each its
 * own normal form. KEY_DROP: not in the key; KEY_DOTS: "..."; -1: ask
 * utf8proc. Most of what is keyed (headers, names, sentences) is only
 * these, and keying is the readers' commonest step; test_text checks every
 * code point against utf8proc. */
enum { KEY_ASK = -1, KEY_DROP = -2, KEY_DOTS = -3 };

static int32_t nfkc_simple(int32_t c) {
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3029)) return c;
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0; /* then as ASCII */
  if (c >= 0x20 && c < 0x7F)
    return c == '"' || c == '\'' || c == ' ' ? KEY_DROP : c;
  switch (c) {
  case '\t':
  case '\n':
  case '\v':
  case '\f':
  case '\r':
  case 0x2018: /* ‘ ’ “ ” */
  case 0x2019:
  case 0x201C:
  case 0x201D:
  case 0x200B: /* ZERO WIDTH SPACE */
  case 0x3000: /* IDEOGRAPHIC SPACE: NFKC ' ', dropped */
  case 0xFEFF:
    return KEY_DROP;
  case 0x2026: /* … */
    return KEY_DOTS;
  case 0x00B7: /* · × ÷ */
  case 0x00D7:
  case 0x00F7:
  case 0x2010: /* ‐ ‒ – — ― */
  case 0x2012:
  case 0x2013:
  case 0x2014:
  case 0x2015:
  case 0x2260: /* ≠ ≤ ≥ ≦ ≧ */
  case 0x2264:
  case 0x2265:
  case 0x2266:
  case 0x2267:
  case 0x25CB: /* ○ ● ■ □ ★ ☆ */
  case 0x25CF:
  case 0x25A0:
  case 0x25A1:
  case 0x2605:
  case 0x2606:
    return c;
  }
  return KEY_ASK;
}

/* key_stack without utf8proc, when every code point is nfkc_simple's;
 * SIZE_MAX when one is not (or the input is not valid UTF-8). */
static size_t key_simple(const char *s, size_t len, char *out, size_t cap) {
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < len;) { /* all simple? (nothing written yet) */
    int32_t cp;
    size_t k = utf8_seq(p + i, len - i, &cp);
    if (k == 0 || cp == 0 || nfkc_simple(cp) == KEY_ASK) return SIZE_MAX;
    i += k;
  }
  size_t o = 0, full = 0;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    size_t k = utf8_seq(p + i, len - i, &cp);
    i += k;
    int32_t c = nfkc_simple(cp);
    if (c == KEY_DROP) continue;
    unsigned char b[3];
    size_t m = 0;
    if (c == KEY_DOTS) {
      b[m++] = '.';
      b[m++] = '.';
      b[m++] = '.';
    } else if (c < 0x80) {
      b[m++] = (unsigned char)c;
    } else if (c < 0x800) {
      b[m++] = (unsigned char)(0xC0 | (c >> 6));
      b[m++] = (unsigned char)(0x80 | (c & 0x3F));
    } else {
      b[m++] = (unsigned char)(0xE0 | (c >> 12));
      b[m++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
      b[m++] = (unsigned char)(0x80 | (c & 0x3F));
    }
    size_t room = cap && o < cap - 1 ? cap - 1 - o : 0;
    size_t w = m < room ? m : room;
    if (w) memcpy(out + o, b, w);
    o += w;
    full += m;
  }
  if (cap) out[o] = '\0';
  return full;
}

/* The key of s into out (cap bytes, NUL-terminated); its length, or
 * SIZE_MAX when s is too long for the stack (then key_malloc). */
static size_t key_stack(const char *s, size_t len, char *out, size_t cap) {
  if (len > KEY_STACK) return SIZE_MAX;
  size_t quick = key_simple(s, len, out, cap);
  if (quick != SIZE_MAX) return quick;
  unsigned char clean[KEY_STACK * 3 + 1];
  size_t c = sanitize_into(s, len, clean);
  /* NFKC may expand ("㈱" is four characters): room for four per byte */
  utf8proc_int32_t cps[KEY_STACK * 4 + 4];
  const utf8proc_option_t opt =
      UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_STABLE;
  utf8proc_ssize_t n =
      utf8proc_decompose(clean, (utf8proc_ssize_t)c, cps,
                         (utf8proc_ssize_t)(sizeof cps / sizeof *cps), opt);
  if (n < 0 || (size_t)n > sizeof cps / sizeof *cps) return SIZE_MAX;
  n = utf8proc_reencode(cps, n, opt);
  if (n < 0) return SIZE_MAX;
  const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)cps;
  size_t o = 0, full = 0;
  for (utf8proc_ssize_t i = 0; i < n;) {
    utf8proc_int32_t ch;
    utf8proc_ssize_t k = utf8proc_iterate(u + i, n - i, &ch);
    if (k <= 0) {
      i++;
      continue;
    }
    if (!drop_from_key(ch)) {
      /* cut like snprintf: as many bytes as fit */
      size_t room = cap && o < cap - 1 ? cap - 1 - o : 0;
      size_t m = (size_t)k < room ? (size_t)k : room;
      if (m) memcpy(out + o, u + i, m);
      o += m;
      full += (size_t)k;
    }
    i += k;
  }
  if (cap) out[o] = '\0';
  return full;
}

char *ys_text_key(ys_arena *a, const char *s, size_t len) {
  if (s == NULL) len = 0;
  char small[KEY_STACK * 4 + 1];
  size_t klen = key_stack(s, len, small, sizeof small);
  if (klen < sizeof small) return ys_arena_strndup(a, small, klen);
  char *k = key_malloc(s, len, &klen);
  if (!k) return NULL;
  char *r = ys_arena_strndup(a, k, klen);
  free(k);
  return r;
}

/* A long text (over KEY_STACK bytes) whose key cannot be made for want of
 * memory gives SIZE_MAX, which callers take as too long for buf. */
size_t ys_text_key_buf(char *buf, size_t n, const char *s, size_t len) {
  if (s == NULL) len = 0;
  size_t klen = key_stack(s, len, buf, n);
  if (klen != SIZE_MAX) return klen;
  char *k = key_malloc(s, len, &klen);
  if (!k) {
    if (n > 0) buf[0] = '\0';
    return SIZE_MAX;
  }
  if (n > 0) {
    size_t c = klen < n - 1 ? klen : n - 1;
    if (c) memcpy(buf, k, c);
    buf[c] = '\0';
  }
  free(k);
  return klen;
}

size_t ys_text_width(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  size_t w = 0;
  if (s == NULL) return 0;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    size_t k = utf8_seq(p + i, len - i, &cp);
    if (k == 0) {
      w += 1; /* shown as one U+FFFD */
      i++;
      continue;
    }
    w += (size_t)utf8proc_charwidth(cp);
    i += k;
  }
  return w;
}

/* Byte length of a trimmable space starting at p, or 0. */
static size_t space_at(const unsigned char *p, size_t n) {
  if (n >= 1 && (p[0] == ' ' || (p[0] >= '\t' && p[0] <= '\r'))) return 1;
  if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0) return 2;
  if (n >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) return 3;
  return 0;
}

bool ys_text_has(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  for (size_t i = 0; i + k <= n; i++)
    if (!memcmp(s + i, p, k)) return true;
  return false;
}

bool ys_text_years_only(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') continue;
    size_t j = i;
    while (j < n && s[j] >= '0' && s[j] <= '9') j++;
    if (j - i != 4 || j + 3 > n || memcmp(s + j, "年", 3)) return false;
    i = j;
  }
  return true;
}

void ys_text_trim(const char **s, size_t *len) {
  if (!s || !len || !*s) return;
  const unsigned char *p = (const unsigned char *)*s;
  size_t n = *len, k;
  while ((k = space_at(p, n)) > 0) p += k, n -= k;
  for (;;) {
    if (n >= 1 && space_at(p + n - 1, 1)) {
      n -= 1;
    } else if (n >= 2 && space_at(p + n - 2, 2) == 2) {
      n -= 2;
    } else if (n >= 3 && space_at(p + n - 3, 3) == 3) {
      n -= 3;
    } else {
      break;
    }
  }
  *s = (const char *)p;
  *len = n;
}

/* --- growable strings (one for every writer: keys, findings, narrative) */

void ys_buf_putn(ys_buf *b, const char *s, size_t n) {
  if (b->oom) return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) cap *= 2;
    char *p = realloc(b->s, cap);
    if (!p) {
      b->oom = true;
      return;
    }
    b->s = p;
    b->cap = cap;
  }
  if (n) memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

void ys_buf_puts(ys_buf *b, const char *s) {
  ys_buf_putn(b, s, strlen(s));
}

void ys_buf_vprintf(ys_buf *b, const char *fmt, va_list ap) {
  char small[512];
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  if (n < 0) {
    b->oom = true; /* an encoding error: nothing sensible to put */
  } else if ((size_t)n < sizeof small) {
    ys_buf_putn(b, small, (size_t)n);
  } else {
    char *big = malloc((size_t)n + 1);
    if (!big) {
      b->oom = true;
    } else {
      vsnprintf(big, (size_t)n + 1, fmt, ap2);
      ys_buf_putn(b, big, (size_t)n);
      free(big);
    }
  }
  va_end(ap2);
}

void ys_buf_printf(ys_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ys_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

char *ys_buf_take(ys_buf *b) {
  if (!b->oom && !b->s) ys_buf_putn(b, "", 0);
  char *r = b->oom ? NULL : b->s;
  if (b->oom) free(b->s);
  *b = (ys_buf){0};
  return r;
}

void ys_buf_free(ys_buf *b) {
  free(b->s);
  *b = (ys_buf){0};
}

void ys_csv_put(FILE *f, const char *s) {
  if (!s) s = "";
  if (!strpbrk(s, ",\"\n\r")) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}
