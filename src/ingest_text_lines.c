/*
 * ingest_text_lines.c - the lines of a flowed published text and what the
 * other parts of the text reader (ingest_text.c) make of them first: the
 * reader's info messages (numbered by line, or by page for a PDF's lines),
 * keys of lines and labels (NFKC, list numbering stripped), the splitting
 * of a line into tokens (at white space, or at tabs keeping empty cells)
 * and their kinds, the reading of a text file into lines, the 单位 of a
 * table, and the lines every table reader skips or keeps as the table's
 * note (注：…, 单位：元, 部门：…).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "ingest_text_impl.h"

#define MAX_INFO 400

void it_info(rd *r, int line, const char *fmt, ...) {
  if (r->ninfo >= MAX_INFO) return;
  char msg[480];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  r->ninfo++;
  /* a PDF's lines are numbered by the reader: the user is told the page */
  int page =
      r->pages && line > 0 && (size_t)line <= r->nl ? r->pages[line - 1] : 0;
  if (r->ninfo == MAX_INFO)
    ys_errors_note(r->errs, YS_SEV_INFO, r->file, page ? 0 : line, 0,
                   "提示过多，其余未能识别的内容不再逐条列出");
  else if (page)
    ys_errors_note(r->errs, YS_SEV_INFO, r->file, 0, 0, "第%d页：%s", page,
                   msg);
  else
    ys_errors_note(r->errs, YS_SEV_INFO, r->file, line, 0, "%s", msg);
}

/* --- UTF-8 and keys ---------------------------------------------------- */

bool it_starts(const char *s, const char *pre) {
  return strncmp(s, pre, strlen(pre)) == 0;
}

const char *it_key(rd *r, const char *s, size_t len) {
  const char *k = ys_text_key(r->tmp, s ? s : "", s ? len : 0);
  return k ? k : "";
}

const char *it_keyz(rd *r, const char *s) {
  return it_key(r, s, s ? strlen(s) : 0);
}

/* The key of a line of the file, made once: the readers ask for it again
 * and again (each title, region and row test), and keying is the cost of
 * reading a text package. Lines of other arrays are keyed each time. */
const char *it_line_key(rd *r, const ys_tline *l) {
  uintptr_t a = (uintptr_t)r->L, b = (uintptr_t)l;
  if (!r->L || b < a || b >= a + r->nl * sizeof *l) return it_keyz(r, l->s);
  size_t i = (size_t)(l - r->L);
  if (!r->K) {
    r->K = ys_arena_alloc(r->tmp, sizeof *r->K * (r->nl + 1));
    if (!r->K) return it_keyz(r, l->s);
    memset(r->K, 0, sizeof *r->K * (r->nl + 1));
  }
  if (!r->K[i]) {
    const char *k = it_keyz(r, l->s);
    /* "" of a line that is not blank is a key refused (no room): not kept */
    if (*k || !l->len) r->K[i] = k;
    return k;
  }
  return r->K[i];
}

static const char *const CN_DIGITS[] = {"一", "二", "三", "四", "五", "六",
                                        "七", "八", "九", "十", "〇"};

/* Length of a run of Chinese numerals at s (bytes). */
size_t it_cn_run(const char *s) {
  size_t n = 0;
  for (;;) {
    bool hit = false;
    for (size_t i = 0; i < sizeof CN_DIGITS / sizeof CN_DIGITS[0]; i++)
      if (strncmp(s + n, CN_DIGITS[i], 3) == 0) {
        n += 3;
        hit = true;
        break;
      }
    if (!hit) return n;
  }
}

/* Strips list numbering from a it_key ("一、", "1、", "(1)", "(一)", "10.")
 * and a trailing colon, for matching printed labels against profile
 * labels. The same rule as check.c, so what matches here matches there. */
const char *it_strip_numbering(rd *r, const char *k) {
  for (;;) {
    if (*k == '(') {
      const char *q = strchr(k, ')');
      if (q && q - k <= 10 && q > k + 1) {
        k = q + 1;
        continue;
      }
    }
    const char *q = k;
    for (;;) {
      if (*q >= '0' && *q <= '9') {
        q++;
        continue;
      }
      size_t c = it_cn_run(q);
      if (!c) break;
      q += c;
    }
    if (q > k && it_starts(q, "、")) {
      k = q + 3;
      continue;
    }
    if (q > k && *q == '.' && !(q[1] >= '0' && q[1] <= '9')) {
      k = q + 1;
      continue;
    }
    break;
  }
  size_t n = strlen(k);
  if (n && k[n - 1] == ':') return ys_arena_strndup(r->tmp, k, n - 1);
  return k;
}

const char *it_lkey(rd *r, const char *s) {
  return it_strip_numbering(r, it_keyz(r, s));
}

/* --- tokens ------------------------------------------------------------ */

/* Is s an amount as printed: -1,234.50 (1,234) 5846. or a lone dash? */
bool it_num_like(const char *s, size_t n, bool *is_int) {
  *is_int = false;
  if (!n) return false;
  if ((n == 1 && s[0] == '-') ||
      (n == 3 && (!strncmp(s, "—", 3) || !strncmp(s, "－", 3))))
    return true;
  size_t i = 0;
  bool paren = false, digits = false, sep = false;
  if (s[i] == '-' || s[i] == '+')
    i++;
  else if (s[i] == '(') {
    paren = true;
    i++;
  }
  for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ','); i++) {
    if (s[i] == ',')
      sep = true;
    else
      digits = true;
  }
  if (!digits) return false;
  bool dot = false;
  if (i < n && s[i] == '.') {
    dot = true;
    i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
  }
  if (paren) {
    if (i < n && s[i] == ')')
      i++;
    else
      return false;
  }
  if (i != n) return false;
  *is_int = !dot && !sep && !paren && (s[0] >= '0' && s[0] <= '9');
  return true;
}

int it_tok_kind(rd *r, const char *s) {
  size_t n = strlen(s);
  if (!n) return TK_EMPTY;
  bool ascii = true;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80) ascii = false;
  const char *t = s;
  if (!ascii && n < 64) {
    /* Full-width digits: classify the NFKC form. Keep dashes as they are. */
    if (!strcmp(s, "—") || !strcmp(s, "－")) return TK_NUM;
    t = it_keyz(r, s);
    n = strlen(t);
  }
  bool is_int;
  if (it_num_like(t, n, &is_int)) return is_int ? TK_INT : TK_NUM;
  return TK_TEXT;
}

/* White space between tokens; a form feed (pdftotext's page break, left
 * at the start of the page's first line) separates too. */
static bool is_sep(uint32_t c) {
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\f' ||
         c == '\v' || c == '\r';
}

/* Splits a line at white space; leading U+3000 are counted as indent on
 * the first token. Appends to *v. */
tok *it_split_line(rd *r, const ys_tline *l, tok *v, size_t *n, size_t *cap) {
  const char *s = l->s;
  size_t len = l->len, i = 0;
  unsigned indent = 0;
  while (i < len) {
    uint32_t c;
    size_t k = ys_utf8_decode(s + i, len - i, &c);
    if (c == 0x3000)
      indent++;
    else if (!is_sep(c))
      break;
    i += k;
  }
  while (i < len) {
    size_t b = i;
    while (i < len) {
      uint32_t c;
      size_t k = ys_utf8_decode(s + i, len - i, &c);
      if (is_sep(c)) break;
      i += k;
    }
    if (i > b) {
      v = ys_arena_reserve(r->tmp, v, *n, cap, sizeof *v);
      if (!v) return NULL;
      tok *t = &v[(*n)++];
      t->s = ys_arena_strndup(r->d->arena, s + b, i - b);
      t->line = l->no;
      t->kind = (unsigned char)it_tok_kind(r, t->s);
      t->indent = (unsigned char)(indent > 255 ? 255 : indent);
      indent = 0;
    }
    while (i < len) {
      uint32_t c;
      size_t k = ys_utf8_decode(s + i, len - i, &c);
      if (!is_sep(c)) break;
      i += k;
    }
  }
  return v;
}

/* Trimmed copy of [s, s+n) in the document arena. */
const char *it_trimdup(rd *r, const char *s, size_t n) {
  ys_text_trim(&s, &n);
  return ys_arena_strndup(r->d->arena, s, n);
}

/* Joins two texts broken over lines: no space between CJK characters, one
 * between ASCII words. */
const char *it_join_text(rd *r, const char *a, const char *b) {
  if (!*a) return b;
  if (!*b) return a;
  size_t la = strlen(a);
  unsigned char last = (unsigned char)a[la - 1], first = (unsigned char)b[0];
  bool space = last < 0x80 && first < 0x80 && last != '-' && last != '/';
  return ys_arena_printf(r->d->arena, "%s%s%s", a, space ? " " : "", b);
}

/* Splits a line at tabs, keeping empty cells. */
tok *it_split_tabs(rd *r, const ys_tline *l, size_t *n) {
  size_t cnt = 1;
  for (size_t i = 0; i < l->len; i++) cnt += l->s[i] == '\t';
  tok *t = ys_arena_alloc(r->tmp, sizeof(tok) * cnt);
  if (!t) return NULL;
  const char *p = l->s;
  for (size_t i = 0; i < cnt; i++) {
    const char *e = strchr(p, '\t');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    const char *s = p;
    size_t sl = len;
    unsigned indent = 0;
    while (sl >= 3 && !strncmp(s, "\xE3\x80\x80", 3)) {
      s += 3;
      sl -= 3;
      indent++;
    }
    t[i].s = it_trimdup(r, s, sl);
    t[i].line = l->no;
    t[i].kind = (unsigned char)it_tok_kind(r, t[i].s);
    t[i].indent = (unsigned char)indent;
    p = e ? e + 1 : p + len;
  }
  *n = cnt;
  return t;
}

/* --- lines ------------------------------------------------------------- */

int it_read_lines(rd *r, const char *path) {
  char *buf;
  size_t n;
  int rrc = ys_read_file(path, (size_t)64 << 20, &buf, &n, r->errs);
  if (rrc) return rrc;
  size_t off = n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
  if (!ys_text_valid_utf8(buf + off, n - off)) {
    free(buf);
    ys_errors_add(r->errs, YS_EINPUT, path, 0, 0,
                  "文件不是 UTF-8 编码的文本（请先转换为 UTF-8）");
    return YS_EINPUT;
  }
  char *text = ys_arena_strndup(r->d->arena, buf + off, n - off);
  free(buf);
  if (!text) return YS_ENOMEM;
  size_t cap = 0, cnt = 0;
  ys_tline *L = NULL;
  int no = 0;
  for (char *p = text; *p || p == text;) {
    char *e = strchr(p, '\n');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    if (len && p[len - 1] == '\r') len--;
    p[len] = '\0';
    L = ys_arena_reserve(r->tmp, L, cnt, &cap, sizeof *L);
    if (!L) return YS_ENOMEM;
    L[cnt].s = p;
    L[cnt].len = len;
    L[cnt].no = ++no;
    cnt++;
    if (!e) break;
    p = e + 1;
    if (!*p) break;
  }
  r->L = L;
  r->nl = cnt;
  return YS_OK;
}

bool it_blank(const ys_tline *l) {
  const char *s = l->s;
  size_t n = l->len;
  ys_text_trim(&s, &n);
  return n == 0;
}

/* --- units ------------------------------------------------------------- */

/* "单位：元" / "金额单位：万元" in a line; returns 1 and sets *u when found. */
int it_unit_in(rd *r, const char *s, ys_unit *u) {
  const char *k = it_keyz(r, s);
  const char *p = strstr(k, "单位:");
  if (!p) return 0;
  p += strlen("单位:");
  if (it_starts(p, "万元"))
    *u = YS_UNIT_WANYUAN;
  else if (it_starts(p, "元"))
    *u = YS_UNIT_YUAN;
  else
    return 0;
  return 1;
}

/* "(万元)" in a header cell: a weaker hint. */
int it_unit_hint(rd *r, const char *s, ys_unit *u) {
  const char *k = it_keyz(r, s);
  if (strstr(k, "(万元)")) {
    *u = YS_UNIT_WANYUAN;
    return 1;
  }
  if (strstr(k, "(元)")) {
    *u = YS_UNIT_YUAN;
    return 1;
  }
  return 0;
}

/* --- common table scaffolding ------------------------------------------ */

bool it_is_note_line(rd *r, const ys_tline *l) {
  const char *k = it_line_key(r, l);
  while (*k == '#' || *k == '*') k++;
  return it_starts(k, "注:") || it_starts(k, "注1") || it_starts(k, "备注") ||
         it_starts(k, "空表说明") || it_starts(k, "说明:") ||
         it_starts(k, "注释");
}

void it_add_note(rd *r, ys_rtable *rt, const ys_tline *l) {
  const char *s = it_trimdup(r, l->s, l->len);
  rt->note =
      *rt->note ? ys_arena_printf(r->d->arena, "%s\n%s", rt->note, s) : s;
  /* A 空表说明 says why the table is empty; "应公开空表并说明" (an
   * instruction printed under a form) does not. */
  const char *k = it_keyz(r, s);
  if (strstr(k, "空表说明") || strstr(k, "空表列示") || strstr(k, "无此项") ||
      it_starts(k, "注:无") || strstr(k, "本单位无") || strstr(k, "本部门无"))
    rt->empty_note = true;
}

bool it_note_run(rd *r, ys_rtable *rt, const ys_tline *l, bool *in_note) {
  if (!*in_note && !it_is_note_line(r, l)) return false;
  it_add_note(r, rt, l);
  *in_note = true;
  return true;
}

/* Lines before the header and body that are not part of the grid:
 * "单位：元", "部门：322-…", the 表N line. */
bool it_is_meta_line(rd *r, const ys_tline *l) {
  ys_unit u;
  if (it_unit_in(r, l->s, &u)) return true;
  const char *k = it_line_key(r, l);
  return it_starts(k, "部门:") || it_starts(k, "单位名称:") ||
         it_starts(k, "编制单位:") || it_starts(k, "部门(单位)名称:") ||
         it_number_line(r, l) != NULL;
}
