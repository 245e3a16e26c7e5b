/*
 * tline.h - a line of text with its number: what the text readers and the
 * claim finder take (internal).
 */
#ifndef YS_TLINE_H
#define YS_TLINE_H

#include <stddef.h>

/* One line of the source, without its line break ('\r' removed too). */
typedef struct ys_tline {
  const char *s; /* NUL-terminated */
  size_t len;
  int no; /* 1-based line number in the file */
} ys_tline;

#endif
