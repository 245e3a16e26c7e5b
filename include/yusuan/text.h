/*
 * text.h - UTF-8 text as found in published documents.
 *
 * PDF converters and spreadsheets mix full-width and half-width forms, break
 * names over lines and pad with ideographic spaces. Matching (names, codes,
 * numbers) works on a normalised key; display always keeps the original.
 */
#ifndef YUSUAN_TEXT_H
#define YUSUAN_TEXT_H

#include "export.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "arena.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A matching key: NFKC (full-width → half-width, （）→ ()), every kind of
 * white space and line break removed, Chinese and ASCII quotes removed,
 * “、” kept. Returns an arena string, or NULL on OOM or invalid UTF-8
 * (invalid bytes are replaced by U+FFFD before normalising, so NULL means
 * OOM only).
 */
YS_API char *ys_text_key(ys_arena *a, const char *s, size_t len);

/* Same as ys_text_key into a caller buffer; returns the needed length
 * (excluding NUL) like snprintf. Keys of texts up to 512 bytes are made
 * without the heap; a longer one that cannot be made for want of memory
 * gives SIZE_MAX (too long for any buffer). */
YS_API size_t ys_text_key_buf(char *buf, size_t n, const char *s, size_t len);

/* Display width in terminal columns (East Asian wide = 2). */
YS_API size_t ys_text_width(const char *s, size_t len);

/* Trims ASCII white space, U+3000 and U+00A0 at both ends, in place on a
 * (pointer, length) view. */
YS_API void ys_text_trim(const char **s, size_t *len);

/* Does [s, s+n) contain the string p? (s need not be NUL-terminated) */
YS_API bool ys_text_has(const char *s, size_t n, const char *p);

/* Is [s, s+n) free of figures but years ("二、2024年…情况说明": a heading,
 * no statement)? A run of digits is a year when it is four long and 年
 * follows. */
YS_API bool ys_text_years_only(const char *s, size_t n);

/* Decodes the code point at s (n bytes available) into *cp and returns its
 * length in bytes: 1 with *cp = U+FFFD for a byte that starts no valid
 * sequence, 0 when n is 0. The one UTF-8 decoder of the library. */
YS_API size_t ys_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* The same, strict: 0 when the bytes at s are not one valid sequence (no
 * overlong forms, no surrogates, nothing above U+10FFFF), for readers to
 * whom broken bytes make the text garbage (an amount). */
YS_API size_t ys_utf8_strict(const char *s, size_t n, uint32_t *cp);

/* Encodes cp into out (at least 4 bytes); returns the length (0 if cp is
 * not a code point). */
YS_API size_t ys_utf8_encode(uint32_t cp, char *out);

/* 1 if s (len) is valid UTF-8. */
YS_API int ys_text_valid_utf8(const char *s, size_t len);

/* A growable string, malloc'd. An allocation refused sets oom and every
 * later put is ignored, so a writer checks once, at the end (ys_buf_take):
 * text is never cut short silently. Zero-initialise it ({0}). */
typedef struct ys_buf {
  char *s; /* NUL-terminated once anything was put */
  size_t len, cap;
  bool oom;
} ys_buf;

YS_API void ys_buf_putn(ys_buf *b, const char *s, size_t n);
YS_API void ys_buf_puts(ys_buf *b, const char *s);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
YS_API void
ys_buf_printf(ys_buf *b, const char *fmt, ...);
YS_API void ys_buf_vprintf(ys_buf *b, const char *fmt, va_list ap);
/* The text ("" when nothing was put), the caller's to free; NULL when an
 * allocation was refused (the buffer is freed then). The buffer is left
 * empty either way. */
YS_API char *ys_buf_take(ys_buf *b);
YS_API void ys_buf_free(ys_buf *b);

/* Writes one CSV field (RFC 4180): as it is, or quoted with its quotes
 * doubled when it holds a comma, a quote or a line break. The one CSV
 * writer of the library and the CLI. */
YS_API void ys_csv_put(FILE *f, const char *s);

#ifdef __cplusplus
}
#endif
#endif
