/*
 * csvread.c - whole-file CSV reading with line numbers, over libcsv.
 *
 * libcsv reports fields and records but not where they are, and every
 * message we print must name a line. So the input is fed to csv_parse one
 * physical line at a time and this file tracks record boundaries itself:
 * with CSV_STRICT every '"' that parses is an opening, closing or doubled
 * quote, so a record continues onto the next line exactly when the count of
 * quotes seen in it so far is odd. Knowing the boundaries up front also lets
 * us drop blank and '#' comment lines before libcsv sees them.
 */
#include "csvread.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/text.h"

typedef struct reader {
  ys_arena *a;
  ys_errors *errs;
  const char *name;
  ys_csv_record *rec; /* arena array, grown geometrically */
  size_t n, cap;
  ys_csv_field *cur; /* fields of the record being read (malloc scratch) */
  size_t ncur, capcur;
  int line;   /* where the current record started */
  int bad;    /* the current record had a problem: it is dropped */
  int status; /* first failure, YS_OK if none */
} reader;

static void fail(reader *r, int status) {
  if (r->status == YS_OK || status == YS_ENOMEM) r->status = status;
}

static void on_field(void *s, size_t len, void *data) {
  reader *r = data;
  const char *p = s ? (const char *)s : "";
  int col = (int)r->ncur + 1;
  if (r->ncur >= YS_CSV_MAX_FIELDS) {
    if (!r->bad)
      ys_errors_add(r->errs, YS_EINPUT, r->name, r->line, col,
                    "本行的字段超过 %d 个，无法处理", YS_CSV_MAX_FIELDS);
    r->bad = 1;
    fail(r, YS_EINPUT);
    return;
  }
  if (memchr(p, '\0', len)) {
    ys_errors_add(r->errs, YS_EINPUT, r->name, r->line, col,
                  "含有空字符（NUL），这不是文本文件");
    r->bad = 1;
    fail(r, YS_EINPUT);
  } else if (!ys_text_valid_utf8(p, len)) {
    ys_errors_add(r->errs, YS_EINPUT, r->name, r->line, col,
                  "含有无效的 UTF-8 编码（请将文件另存为“CSV UTF-8”格式）");
    r->bad = 1;
    fail(r, YS_EINPUT);
  }
  if (r->bad) {
    r->ncur++; /* keep column numbers right for later fields */
    return;
  }
  if (r->ncur == r->capcur) {
    size_t cap = r->capcur ? r->capcur * 2 : 16;
    ys_csv_field *f = realloc(r->cur, cap * sizeof *f);
    if (!f) {
      r->bad = 1;
      fail(r, YS_ENOMEM);
      return;
    }
    r->cur = f;
    r->capcur = cap;
  }
  char *copy = ys_arena_strndup(r->a, p, len);
  if (!copy) {
    r->bad = 1;
    fail(r, YS_ENOMEM);
    return;
  }
  r->cur[r->ncur].s = copy;
  r->cur[r->ncur].len = len;
  r->ncur++;
}

static int all_empty(const ys_csv_field *f, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const char *s = f[i].s;
    size_t len = f[i].len;
    ys_text_trim(&s, &len);
    if (len) return 0;
  }
  return 1;
}

static void on_record(int c, void *data) {
  reader *r = data;
  (void)c;
  /* A row of empty cells is what spreadsheets write for a blank line. */
  if (!r->bad && r->ncur > 0 && !all_empty(r->cur, r->ncur)) {
    ys_csv_record *p = ys_arena_reserve(r->a, r->rec, r->n, &r->cap, sizeof *p);
    if (!p) {
      fail(r, YS_ENOMEM);
      goto done;
    }
    r->rec = p;
    ys_csv_field *f = ys_arena_alloc(r->a, r->ncur * sizeof *f);
    if (!f) {
      fail(r, YS_ENOMEM);
      goto done;
    }
    memcpy(f, r->cur, r->ncur * sizeof *f);
    r->rec[r->n].line = r->line;
    r->rec[r->n].n = r->ncur;
    r->rec[r->n].f = f;
    r->n++;
  }
done:
  r->ncur = 0;
  r->bad = 0;
}

static int blank_line(const char *p, const char *end) {
  for (; p < end; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') return 0;
  return 1;
}

static void parse_error(reader *r, struct csv_parser *cp, int line) {
  if (csv_error(cp) == CSV_EPARSE) {
    ys_errors_add(r->errs, YS_EINPUT, r->name, line, (int)r->ncur + 1,
                  "引号使用不正确（含逗号、引号或换行的内容应整体用英文双引号"
                  "括起，内容中的双引号要写成两个）");
    fail(r, YS_EINPUT);
  } else {
    ys_errors_add(r->errs, YS_ENOMEM, r->name, line, 0, "内存不足");
    fail(r, YS_ENOMEM);
  }
}

int ys_csv_read_mem(ys_csv *out, const char *name, const char *data, size_t len,
                    ys_arena *a, ys_errors *errs) {
  memset(out, 0, sizeof *out);
  out->name = name;
  if (len > YS_CSV_MAX_BYTES) {
    ys_errors_add(errs, YS_EINPUT, name, 0, 0, "文件过大（超过 %zu MiB）",
                  YS_CSV_MAX_BYTES >> 20);
    return YS_EINPUT;
  }
  reader r = {.a = a, .errs = errs, .name = name, .status = YS_OK};
  struct csv_parser cp;
  if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    ys_errors_add(errs, YS_ENOMEM, name, 0, 0, "内存不足");
    return YS_ENOMEM;
  }
  const char *p = data, *end = data + len;
  if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  int lineno = 0, in_quotes = 0, broken = 0;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl + 1 : end;
    lineno++;
    if (lineno == 1 << 30) break; /* cannot happen under the size cap */
    if (!in_quotes) {
      if (*p == '#' || blank_line(p, le)) {
        p = le;
        continue;
      }
      r.line = lineno;
    }
    for (const char *q = p; q < le; q++)
      if (*q == '"') in_quotes = !in_quotes;
    size_t n = (size_t)(le - p);
    if (csv_parse(&cp, p, n, on_field, on_record, &r) != n) {
      parse_error(&r, &cp, lineno);
      broken = 1;
      break;
    }
    if (r.status == YS_ENOMEM) break;
    p = le;
  }
  if (!broken && r.status != YS_ENOMEM &&
      csv_fini(&cp, on_field, on_record, &r) != 0) {
    if (csv_error(&cp) == CSV_EPARSE) {
      ys_errors_add(errs, YS_EINPUT, name, r.line, (int)r.ncur + 1,
                    "引号没有闭合：从这一行开始的双引号直到文件末尾都没有结束");
      fail(&r, YS_EINPUT);
    } else {
      parse_error(&r, &cp, lineno);
    }
  }
  csv_free(&cp);
  free(r.cur);
  if (r.status == YS_ENOMEM)
    ys_errors_add(errs, YS_ENOMEM, name, 0, 0, "内存不足");
  out->rec = r.rec;
  out->n = r.n;
  return r.status;
}

int ys_csv_read_file(ys_csv *out, const char *path, ys_arena *a,
                     ys_errors *errs) {
  memset(out, 0, sizeof *out);
  out->name = path;
  FILE *f = fopen(path, "rb");
  if (!f) {
    int e = errno;
    if (e == ENOENT) {
      ys_errors_add(errs, YS_ENOTFOUND, path, 0, 0, "文件不存在");
      return YS_ENOTFOUND;
    }
    ys_errors_add(errs, YS_EIO, path, 0, 0, "%s",
                  e == EACCES ? "没有读取这个文件的权限" : "无法打开文件");
    return YS_EIO;
  }
  size_t cap = 64 * 1024, len = 0;
  char *buf = malloc(cap);
  int status = buf ? YS_OK : YS_ENOMEM;
  while (status == YS_OK) {
    if (len == cap) {
      if (cap > YS_CSV_MAX_BYTES) {
        ys_errors_add(errs, YS_EINPUT, path, 0, 0, "文件过大（超过 %zu MiB）",
                      YS_CSV_MAX_BYTES >> 20);
        status = YS_EINPUT;
        break;
      }
      char *nb = realloc(buf, cap * 2);
      if (!nb) {
        status = YS_ENOMEM;
        break;
      }
      buf = nb;
      cap *= 2;
    }
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (got == 0) {
      if (ferror(f)) {
        ys_errors_add(errs, YS_EIO, path, 0, 0, "无法读取文件");
        status = YS_EIO;
      }
      break;
    }
  }
  fclose(f);
  if (status == YS_ENOMEM)
    ys_errors_add(errs, YS_ENOMEM, path, 0, 0, "内存不足");
  if (status == YS_OK) status = ys_csv_read_mem(out, path, buf, len, a, errs);
  free(buf);
  return status;
}

/* The matching key of a header name or alias: ys_text_key, ASCII lower
 * case, and a trailing "(元)" dropped ("金额（元）" names the amount). */
static size_t header_key(char *buf, size_t n, const char *s, size_t len) {
  size_t k = ys_text_key_buf(buf, n, s, len);
  if (k >= n) return (size_t)-1;
  for (size_t i = 0; i < k; i++)
    if (buf[i] >= 'A' && buf[i] <= 'Z') buf[i] = (char)(buf[i] - 'A' + 'a');
  static const char yuan[] = "(元)";
  size_t yl = sizeof yuan - 1;
  if (k > yl && memcmp(buf + k - yl, yuan, yl) == 0) {
    k -= yl;
    buf[k] = '\0';
  }
  return k;
}

static int col_matches(const ys_csv_col *c, const char *key) {
  char buf[256];
  size_t k = header_key(buf, sizeof buf, c->id, strlen(c->id));
  if (k != (size_t)-1 && strcmp(buf, key) == 0) return 1;
  const char *s = c->alias;
  while (s && *s) {
    const char *bar = strchr(s, '|');
    size_t len = bar ? (size_t)(bar - s) : strlen(s);
    k = header_key(buf, sizeof buf, s, len);
    if (k != (size_t)-1 && strcmp(buf, key) == 0) return 1;
    s = bar ? bar + 1 : NULL;
  }
  return 0;
}

/* "amount（金额）": the id and the first Chinese name, as messages show a
 * column. */
static int col_label(char *buf, size_t n, const ys_csv_col *c) {
  const char *a = c->alias ? c->alias : "";
  const char *bar = strchr(a, '|');
  int alen = bar ? (int)(bar - a) : (int)strlen(a);
  if (alen == 0) return snprintf(buf, n, "%s", c->id);
  return snprintf(buf, n, "%s（%.*s）", c->id, alen, a);
}

int ys_csv_map_columns(const ys_csv *t, const ys_csv_col *cols, size_t n,
                       int *idx, ys_errors *errs) {
  int status = YS_OK;
  char label[300];
  for (size_t i = 0; i < n; i++) idx[i] = -1;
  if (t->n == 0) {
    ys_errors_add(errs, YS_EINPUT, t->name, 1, 0,
                  "文件是空的，缺少表头（第一行应为列名）");
    return YS_EINPUT;
  }
  const ys_csv_record *h = &t->rec[0];
  for (size_t j = 0; j < h->n; j++) {
    char key[256];
    size_t k = header_key(key, sizeof key, h->f[j].s, h->f[j].len);
    if (k == 0) continue; /* trailing empty columns as Excel writes them */
    size_t i = 0;
    if (k != (size_t)-1)
      while (i < n && !col_matches(&cols[i], key)) i++;
    else
      i = n;
    if (i == n) {
      ys_errors_note(errs, YS_SEV_WARNING, t->name, h->line, (int)j + 1,
                     "未知的列“%s”，已忽略", h->f[j].s);
      continue;
    }
    if (idx[i] >= 0) {
      col_label(label, sizeof label, &cols[i]);
      ys_errors_add(errs, YS_EINPUT, t->name, h->line, (int)j + 1,
                    "列“%s”出现了两次（第 %d 列和第 %zu 列）", label,
                    idx[i] + 1, j + 1);
      status = YS_EINPUT;
      continue;
    }
    idx[i] = (int)j;
  }
  for (size_t i = 0; i < n; i++) {
    if (idx[i] >= 0 || !cols[i].required) continue;
    col_label(label, sizeof label, &cols[i]);
    ys_errors_add(errs, YS_EINPUT, t->name, h->line, 0, "缺少必需的列“%s”",
                  label);
    status = YS_EINPUT;
  }
  return status;
}

ys_csv_field ys_csv_get(const ys_csv_record *r, int idx) {
  ys_csv_field f = {"", 0};
  if (idx < 0 || (size_t)idx >= r->n) return f;
  f = r->f[idx];
  ys_text_trim(&f.s, &f.len);
  return f;
}
