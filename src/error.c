/*
 * error.c - the error list every loader and checker appends to.
 */
#include "yusuan/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A message cut at its buffer's end may end inside a character: drop the
 * partial sequence so the message stays valid UTF-8. */
static void trim_partial_utf8(char *s) {
  size_t n = strlen(s), i = n;
  while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) i--;
  if (i == 0) return;
  unsigned char lead = (unsigned char)s[i - 1];
  size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (n - (i - 1) < need) s[i - 1] = '\0';
}

int ys_errors_nomem(ys_errors *errs, size_t before, int rc, const char *what) {
  if (rc == YS_ENOMEM && errs && errs->count == before)
    ys_errors_add(errs, YS_ENOMEM, NULL, 0, 0, "内存不足：%s", what);
  return rc;
}

static void vadd(ys_errors *errs, int code, ys_severity sev, const char *file,
                 int line, int column, const char *fmt, va_list ap) {
  if (!errs) return;
  if (errs->count >= YS_ERRORS_MAX) {
    errs->dropped++;
    return;
  }
  ys_error *p = errs->items;
  if (errs->count == errs->cap) {
    size_t cap = errs->cap ? errs->cap * 2 : 16;
    p = realloc(errs->items, cap * sizeof *p);
    if (!p) {
      errs->dropped++;
      return;
    }
    errs->items = p;
    errs->cap = cap;
  }
  ys_error *e = &errs->items[errs->count++];
  memset(e, 0, sizeof *e);
  e->code = code;
  e->severity = sev;
  if (file) snprintf(e->file, sizeof e->file, "%s", file);
  e->line = line;
  e->column = column;
  vsnprintf(e->message, sizeof e->message, fmt, ap);
  trim_partial_utf8(e->message);
  trim_partial_utf8(e->file);
}

void ys_errors_add(ys_errors *errs, int code, const char *file, int line,
                   int column, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vadd(errs, code, code == YS_OK ? YS_SEV_WARNING : YS_SEV_ERROR, file, line,
       column, fmt, ap);
  va_end(ap);
}

void ys_errors_note(ys_errors *errs, ys_severity sev, const char *file,
                    int line, int column, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vadd(errs, YS_OK, sev == YS_SEV_ERROR ? YS_SEV_WARNING : sev, file, line,
       column, fmt, ap);
  va_end(ap);
}

void ys_errors_free(ys_errors *errs) {
  if (!errs) return;
  free(errs->items);
  memset(errs, 0, sizeof *errs);
}

size_t ys_error_format(const ys_error *e, char *buf, size_t n) {
  int r;
  if (e->file[0] && e->line > 0 && e->column > 0)
    r = snprintf(buf, n, "%s:%d:%d: %s", e->file, e->line, e->column,
                 e->message);
  else if (e->file[0] && e->line > 0)
    r = snprintf(buf, n, "%s:%d: %s", e->file, e->line, e->message);
  else if (e->file[0])
    r = snprintf(buf, n, "%s: %s", e->file, e->message);
  else
    r = snprintf(buf, n, "%s", e->message);
  return r < 0 ? 0 : (size_t)r;
}

const char *ys_status_str(int status) {
  switch (status) {
  case YS_OK:
    return "成功";
  case YS_EINPUT:
    return "输入数据有误";
  case YS_ENOMEM:
    return "内存不足";
  case YS_EIO:
    return "文件读写失败";
  case YS_ENOTFOUND:
    return "未找到";
  case YS_EUSAGE:
    return "用法错误";
  case YS_ELIMIT:
    return "超出容量";
  default:
    return "未知错误";
  }
}

const char *ys_severity_name(ys_severity s) {
  return s == YS_SEV_ERROR ? "error" : s == YS_SEV_WARNING ? "warning" : "info";
}
