/*
 * ingest_text.c - read a published disclosure package from the text a
 * PDF-to-text converter made of it, into raw tables (rawtable.h) laid out
 * in the profile's columns, plus narrative claims (narrative.c).
 *
 * What the converters give us (shared/seeds are the specification):
 *   - tab-separated rows with their empty cells (Sichuan), but with key
 *     cells shifted by merged header cells and columns the profile has
 *     missing from the print;
 *   - space-separated rows (Shaanxi) where empty cells vanish, names wrap
 *     onto the lines before the amounts, and a 收支总表 row holds up to four
 *     label/amount panels on one line;
 *   - every cell broken over lines (Hebei): "5846.\n\n29", codes split as
 *     "20805\n05", names cut by repeated page headers and page numbers,
 *     rows introduced by a 序号 that counts 1, 2, 3 ...
 * The reader works in four steps:
 *   1. Lines and parts. Tables start at a line that is one of the
 *      profile's titles (the profile is the one whose titles the document
 *      uses most; titles vary by year, 部门/单位 prefix, "表N", markup and
 *      a missing character or two — then the profile's title is used and
 *      the difference reported). A table runs to the next title, part
 *      heading (第X部分) or narrative section heading; a title with no unit
 *      and no amount under it is a table-of-contents entry. Lines outside
 *      tables, overview and glossary are the narrative (narrative.c).
 *   2. Tokens. Each table body becomes rows of tokens (text, integer,
 *      amount), joined across wrapped lines and page breaks; header rows
 *      are dropped (header_rows is 0) but read for their column labels.
 *   3. Fitting. Tokens are placed into the profile's columns by kind and
 *      order: codes into code columns, text into name columns, amounts into
 *      amount columns. Tab tables align their printed columns with the
 *      profile's by header labels. Where empty cells vanished, several
 *      placements of a row's amounts are possible; the row sums declared by
 *      the profile (sum_of), the code tree (a row = Σ its children, column
 *      by column), a panel's total and, across tables, the all-funds table
 *      read before (a fund's part cannot exceed it) usually leave one.
 *      What they leave open is filled left to right — the order the values
 *      are printed in — and reported once per table.
 *   4. Anything that cannot be placed (a row with more amounts than
 *      columns, a label no panel knows, text left over) is reported as an
 *      info entry (code YS_OK) with its line, never dropped silently.
 *
 * Time is linear in the document except the placement search, which is
 * bounded per row (MAX_CAND placements) and per group of sibling rows
 * (MAX_COMBO combinations); beyond the bounds a row is reported instead.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "claims.h"
#include "ingest_text.h"
#include "profile_impl.h"
#include "yusuan/catalog.h"
#include "yusuan/check.h"
#include "yusuan/text.h"

/* --- reader context ---------------------------------------------------- */

typedef struct rd {
  ys_rdoc *d;
  ys_errors *errs;
  const char *file;
  ys_arena *tmp; /* scratch, freed when the document is read */
  ys_tline *L;
  size_t nl;
  const char **K; /* the key of each line of L, made when first asked */
  const ys_profile *p;
  const ys_catalog *cat;
  const ys_vocab *vocab;
  int year;
  int ninfo;
  const ys_ptable **tpt; /* the profile table of each table read so far */
  size_t ntpt, ctpt;
  /* lines of a PDF's text (ys_ingest_text_lines): the page of line no is
   * pages[no - 1], and messages name it; NULL for a text file */
  const int *pages;
  const ys_profile *forced; /* the family the caller names; NULL: detect */
} rd;

#define MAX_INFO 400

static void info(rd *r, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void info(rd *r, int line, const char *fmt, ...) {
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

static bool starts(const char *s, const char *pre) {
  return strncmp(s, pre, strlen(pre)) == 0;
}

static const char *key(rd *r, const char *s, size_t len) {
  const char *k = ys_text_key(r->tmp, s ? s : "", s ? len : 0);
  return k ? k : "";
}

static const char *keyz(rd *r, const char *s) {
  return key(r, s, s ? strlen(s) : 0);
}

/* The key of a line of the file, made once: the readers ask for it again
 * and again (each title, region and row test), and keying is the cost of
 * reading a text package. Lines of other arrays are keyed each time. */
static const char *line_key(rd *r, const ys_tline *l) {
  uintptr_t a = (uintptr_t)r->L, b = (uintptr_t)l;
  if (!r->L || b < a || b >= a + r->nl * sizeof *l) return keyz(r, l->s);
  size_t i = (size_t)(l - r->L);
  if (!r->K) {
    r->K = ys_arena_alloc(r->tmp, sizeof *r->K * (r->nl + 1));
    if (!r->K) return keyz(r, l->s);
    memset(r->K, 0, sizeof *r->K * (r->nl + 1));
  }
  if (!r->K[i]) {
    const char *k = keyz(r, l->s);
    /* "" of a line that is not blank is a key refused (no room): not kept */
    if (*k || !l->len) r->K[i] = k;
    return k;
  }
  return r->K[i];
}

static const char *const CN_DIGITS[] = {"一", "二", "三", "四", "五", "六",
                                        "七", "八", "九", "十", "〇"};

/* Length of a run of Chinese numerals at s (bytes). */
static size_t cn_run(const char *s) {
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

/* Strips list numbering from a key ("一、", "1、", "(1)", "(一)", "10.")
 * and a trailing colon, for matching printed labels against profile
 * labels. The same rule as check.c, so what matches here matches there. */
static const char *strip_numbering(rd *r, const char *k) {
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
      size_t c = cn_run(q);
      if (!c) break;
      q += c;
    }
    if (q > k && starts(q, "、")) {
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

static const char *lkey(rd *r, const char *s) {
  return strip_numbering(r, keyz(r, s));
}

/* --- tokens ------------------------------------------------------------ */

enum { TK_EMPTY = 0, TK_TEXT, TK_INT, TK_NUM };

typedef struct tok {
  const char *s; /* trimmed, NUL-terminated */
  int line;
  unsigned char kind;
  unsigned char indent; /* leading U+3000 before the token */
} tok;

/* Is s an amount as printed: -1,234.50 (1,234) 5846. or a lone dash? */
static bool num_like(const char *s, size_t n, bool *is_int) {
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

static int tok_kind(rd *r, const char *s) {
  size_t n = strlen(s);
  if (!n) return TK_EMPTY;
  bool ascii = true;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80) ascii = false;
  const char *t = s;
  if (!ascii && n < 64) {
    /* Full-width digits: classify the NFKC form. Keep dashes as they are. */
    if (!strcmp(s, "—") || !strcmp(s, "－")) return TK_NUM;
    t = keyz(r, s);
    n = strlen(t);
  }
  bool is_int;
  if (num_like(t, n, &is_int)) return is_int ? TK_INT : TK_NUM;
  return TK_TEXT;
}

/* A row of tokens as printed (a line of cells, or a numbered row). */
typedef struct nrow {
  tok *t;
  size_t n;
  int rownum;
  int line;
} nrow;

/* White space between tokens; a form feed (pdftotext's page break, left
 * at the start of the page's first line) separates too. */
static bool is_sep(uint32_t c) {
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\f' ||
         c == '\v' || c == '\r';
}

/* Splits a line at white space; leading U+3000 are counted as indent on
 * the first token. Appends to *v. */
static tok *split_line(rd *r, const ys_tline *l, tok *v, size_t *n,
                       size_t *cap) {
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
      t->kind = (unsigned char)tok_kind(r, t->s);
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
static const char *trimdup(rd *r, const char *s, size_t n) {
  ys_text_trim(&s, &n);
  return ys_arena_strndup(r->d->arena, s, n);
}

/* Joins two texts broken over lines: no space between CJK characters, one
 * between ASCII words. */
static const char *join_text(rd *r, const char *a, const char *b) {
  if (!*a) return b;
  if (!*b) return a;
  size_t la = strlen(a);
  unsigned char last = (unsigned char)a[la - 1], first = (unsigned char)b[0];
  bool space = last < 0x80 && first < 0x80 && last != '-' && last != '/';
  return ys_arena_printf(r->d->arena, "%s%s%s", a, space ? " " : "", b);
}

/* Labels of the indicator hierarchy, longest first where one is a prefix
 * of another. */
static const char *const L1_LABELS[] = {"产出指标", "效益指标", "满意度指标"};
static const char *const L2_LABELS[] = {
    "服务对象满意度指标", "可持续影响指标", "经济效益指标", "社会效益指标",
    "生态效益指标",       "满意度指标",     "数量指标",     "质量指标",
    "时效指标",           "成本指标",       "可持续影响",   "经济效益",
    "社会效益",           "生态效益"};
static const char *const SKIP_LABELS[] = {"年度绩效指标", "年度主要任务",
                                          "绩效指标", "主要任务"};
static const char *const GOAL_LABELS[] = {"年度总体目标", "实施期总目标",
                                          "总体目标", "年度目标"};

static const char *prefix_of(const char *k, const char *const *set, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (starts(k, set[i])) return set[i];
  return NULL;
}
#define PREFIX_OF(k, set) prefix_of(k, set, sizeof set / sizeof set[0])

/* A level-1 indicator label as grids print them (成本指标 is level 1 in
 * the newer indicator system, level 2 in older forms). */
static bool is_l1(const char *s) {
  for (size_t i = 0; i < sizeof L1_LABELS / sizeof *L1_LABELS; i++)
    if (!strcmp(s, L1_LABELS[i])) return true;
  return !strcmp(s, "成本指标");
}

/* --- lines ------------------------------------------------------------- */

static int read_lines(rd *r, const char *path) {
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

static bool blank(const ys_tline *l) {
  const char *s = l->s;
  size_t n = l->len;
  ys_text_trim(&s, &n);
  return n == 0;
}

/* --- titles ------------------------------------------------------------ */

typedef struct tdef {
  const ys_ptable *pt;
  const char *core; /* key of the title without prefix words */
  uint32_t cp[96];
  size_t ncp;
} tdef;

static size_t to_cps(const char *s, uint32_t *out, size_t max) {
  size_t n = 0, len = strlen(s);
  for (size_t i = 0; i < len && n < max;) {
    uint32_t c;
    i += ys_utf8_decode(s + i, len - i, &c);
    out[n++] = c;
  }
  return n;
}

/* Removes leading prefix words (部门, 单位, 部门(单位), 本部门 …) from a key.
 */
static const char *strip_prefix_words(const char *k) {
  static const char *const pre[] = {"部门(单位)", "单位(部门)", "本部门",
                                    "本单位",     "部门",       "单位"};
  for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
    if (starts(k, pre[i])) return k + strlen(pre[i]);
  return k;
}

/* Removes a leading year ("2024年", "2024年度"). */
static const char *strip_year(const char *k, int *year) {
  if (k[0] >= '1' && k[0] <= '2' && k[1] >= '0' && k[1] <= '9' && k[2] >= '0' &&
      k[2] <= '9' && k[3] >= '0' && k[3] <= '9' && starts(k + 4, "年")) {
    if (year) *year = atoi(k);
    k += 4 + 3;
    if (starts(k, "度")) k += 3;
  }
  return k;
}

static void title_defs(rd *r, const ys_profile *p, tdef **out, size_t *n) {
  tdef *v = ys_arena_alloc(r->tmp, sizeof(tdef) * (p->n + 1));
  *out = v;
  *n = 0;
  if (!v) return;
  for (size_t i = 0; i < p->n; i++) {
    const char *plain = ys_ptable_plain_title(&p->tables[i], r->tmp);
    if (!plain) continue;
    const char *k = strip_prefix_words(keyz(r, plain));
    if (!*k) continue;
    v[*n].pt = &p->tables[i];
    v[*n].core = k;
    v[*n].ncp = to_cps(k, v[*n].cp, 96);
    (*n)++;
  }
}

/* Levenshtein distance over code points, with an early cut at max+1. */
static size_t edit_dist(const uint32_t *a, size_t na, const uint32_t *b,
                        size_t nb, size_t max) {
  if ((na > nb ? na - nb : nb - na) > max) return max + 1;
  size_t prev[97], cur[97];
  if (nb > 96) return max + 1;
  for (size_t j = 0; j <= nb; j++) prev[j] = j;
  for (size_t i = 1; i <= na; i++) {
    cur[0] = i;
    size_t best = cur[0];
    for (size_t j = 1; j <= nb; j++) {
      size_t d = prev[j - 1] + (a[i - 1] != b[j - 1]);
      if (prev[j] + 1 < d) d = prev[j] + 1;
      if (cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
      cur[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    memcpy(prev, cur, sizeof(size_t) * (nb + 1));
  }
  return prev[nb];
}

typedef struct tmatch {
  const ys_ptable *pt;
  int dist;           /* 0 exact */
  const char *number; /* "表12" printed on the title line, or NULL */
} tmatch;

/* "表 12" alone on a line (the number printed above a title). */
static const char *number_line(rd *r, const ys_tline *l) {
  if (l->len > 24) return NULL;
  const char *k = line_key(r, l);
  while (*k == '#' || *k == '*') k++;
  if (!starts(k, "表")) return NULL;
  const char *d = k + 3;
  if (*d < '0' || *d > '9') return NULL;
  const char *e = d;
  while (*e >= '0' && *e <= '9') e++;
  if (*e) return NULL;
  return ys_arena_printf(r->d->arena, "表%s", d);
}

/* Does line text s name one of the tables? The core of the line (markup,
 * 表N, numbering, year and 部门/单位 removed) must equal a title core, or be
 * within a small edit distance of exactly one (a dropped 按, a changed
 * character). Returns false if nothing matches. */
/* What a line's key could be the title of, whatever the profile: its 表N
 * number (or NULL) and the words left after numbering, year and prefix
 * words are stripped; NULL when it reads as prose. */
typedef struct tcore {
  const char *k, *number;
} tcore;

static tcore title_core(rd *r, const char *k) {
  tcore c = {NULL, NULL};
  if (!k) return c;
  while (*k == '#' || *k == '*' || *k == '-' || *k == '>') k++;
  if (starts(k, "表") && k[3] >= '0' && k[3] <= '9') {
    const char *e = k + 3;
    while (*e >= '0' && *e <= '9') e++;
    c.number = ys_arena_printf(r->d->arena, "表%.*s", (int)(e - k - 3), k + 3);
    k = e;
    while (*k == ':' || *k == '.') k++;
  }
  k = strip_numbering(r, k);
  k = strip_year(k, NULL);
  k = strip_prefix_words(k);
  if (strstr(k, ",") || strstr(k, "。") || strstr(k, ";")) return c;
  c.k = k;
  return c;
}

static bool match_core(rd *r, tcore c, const tdef *defs, size_t nd, tmatch *m);

static bool match_title(rd *r, const char *s, size_t len, const tdef *defs,
                        size_t nd, tmatch *m) {
  memset(m, 0, sizeof *m);
  if (len > 240 || !nd) return false;
  return match_core(r, title_core(r, key(r, s, len)), defs, nd, m);
}

/* match_title of a line's title core (made once per line: every profile's
 * titles are tried against every line). */
static bool match_core(rd *r, tcore c, const tdef *defs, size_t nd, tmatch *m) {
  memset(m, 0, sizeof *m);
  const char *k = c.k;
  if (!k || !nd) return false;
  m->number = c.number;
  /* A title ends with 表 or with 表(…) unless it is exactly a profile's
   * title ("部门政府采购预算"): anything else is prose or a table of
   * contents entry with a remark. */
  bool exact = false;
  for (size_t i = 0; i < nd && !exact; i++) exact = !strcmp(k, defs[i].core);
  const char *last = strstr(k, "表");
  if (!last && !exact) return false;
  if (last) {
    for (const char *q = last; (q = strstr(q + 3, "表"));) last = q;
    const char *after = last + 3;
    if (!exact && *after && (*after != '(' || after[strlen(after) - 1] != ')'))
      return false;
  }
  /* "(2023年度)" after the title is not part of it. */
  size_t kl = strlen(k);
  if (kl > 12 && k[kl - 1] == ')') {
    const char *op = strrchr(k, '(');
    if (op && strstr(op, "年"))
      k = ys_arena_strndup(r->tmp, k, (size_t)(op - k));
  }
  uint32_t cp[96];
  size_t ncp = to_cps(k, cp, 96);
  if (ncp >= 96 || ncp < 3) return false;
  int best = 99, second = 99;
  const ys_ptable *bt = NULL;
  for (size_t i = 0; i < nd; i++) {
    size_t lim = defs[i].ncp >= 24 ? 2 : defs[i].ncp >= 10 ? 1 : 0;
    size_t d = strcmp(k, defs[i].core) == 0
                   ? 0
                   : edit_dist(cp, ncp, defs[i].cp, defs[i].ncp, lim);
    if (d > lim) continue;
    if ((int)d < best) {
      second = best;
      best = (int)d;
      bt = defs[i].pt;
    } else if ((int)d < second) {
      second = (int)d;
    }
  }
  if (!bt || best == second) return false;
  m->pt = bt;
  m->dist = best;
  return true;
}

/* --- year -------------------------------------------------------------- */

static int detect_year(rd *r) {
  int counts[60] = {0};
  int strong = 0;
  for (size_t i = 0; i < r->nl; i++) {
    const char *s = r->L[i].s;
    const char *y = strstr(s, "预算年度");
    if (y && !strong) {
      const char *d = y;
      while (*d && !(*d >= '0' && *d <= '9')) d++;
      if (!*d && i + 2 < r->nl) {
        /* "预算年\n度：2022": the number may follow on the next lines */
      }
      int v = atoi(d);
      if (v >= 2000 && v < 2060) strong = v;
    }
    for (const char *p = s; (p = strstr(p, "年")); p += 3) {
      const char *q = p;
      while (q > s && q[-1] == ' ') q--;
      if (q - s < 4) continue;
      const char *d = q - 4;
      if (!(d[0] == '2' && d[1] == '0' && d[2] >= '0' && d[2] <= '9' &&
            d[3] >= '0' && d[3] <= '9'))
        continue;
      if (d > s && d[-1] >= '0' && d[-1] <= '9') continue;
      int v = atoi(d);
      if (v >= 2000 && v < 2060) {
        counts[v - 2000]++;
        /* "2024 年单位综合预算" / "2023 年部门预算": the budget year. */
        if (strstr(p, "预算") && (strstr(p, "预算") - p) < 24 && i < 60 &&
            !strstr(s, "较") && !strstr(s, "比"))
          counts[v - 2000] += 50;
      }
    }
  }
  if (strong) return strong;
  int best = 0;
  for (int i = 0; i < 60; i++)
    if (counts[i] > counts[best]) best = i;
  return counts[best] ? 2000 + best : 0;
}

/* --- units ------------------------------------------------------------- */

/* "单位：元" / "金额单位：万元" in a line; returns 1 and sets *u when found. */
static int unit_in(rd *r, const char *s, ys_unit *u) {
  const char *k = keyz(r, s);
  const char *p = strstr(k, "单位:");
  if (!p) return 0;
  p += strlen("单位:");
  if (starts(p, "万元"))
    *u = YS_UNIT_WANYUAN;
  else if (starts(p, "元"))
    *u = YS_UNIT_YUAN;
  else
    return 0;
  return 1;
}

/* "(万元)" in a header cell: a weaker hint. */
static int unit_hint(rd *r, const char *s, ys_unit *u) {
  const char *k = keyz(r, s);
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

/* --- parts of the package ---------------------------------------------- */

enum {
  PART_NONE = 0,
  PART_OVERVIEW,
  PART_NARRATIVE,
  PART_GLOSSARY,
  PART_TABLE
};

/* "第二部分 …" (after markup). */
static bool part_heading(rd *r, const ys_tline *l) {
  if (l->len > 200) return false;
  const char *k = line_key(r, l);
  while (*k == '#' || *k == '*') k++;
  if (!starts(k, "第")) return false;
  size_t c = cn_run(k + 3);
  return c && starts(k + 3 + c, "部分");
}

/* "六、政府采购预算情况" — a narrative section heading: Chinese numeral,
 * 、, a short title without figures. */
static bool section_heading(rd *r, const ys_tline *l, const char **title) {
  if (l->len > 180) return false;
  const char *k = line_key(r, l);
  while (*k == '#' || *k == '*') k++;
  size_t c = cn_run(k);
  if (!c || !starts(k + c, "、")) return false;
  const char *t = k + c + 3;
  /* no figure in it; a year is none ("二、2024年…“三公”经费支出预算情况
   * 说明") */
  if (!ys_text_years_only(t, strlen(t))) return false;
  if (title) *title = t;
  return true;
}

static int part_kind(const char *k) {
  if (strstr(k, "概况")) return PART_OVERVIEW;
  if (strstr(k, "名词解释")) return PART_GLOSSARY;
  if (strstr(k, "公开报表") || strstr(k, "预算表") || strstr(k, "公开表"))
    return PART_TABLE;
  return PART_NARRATIVE;
}

/* --- table regions ----------------------------------------------------- */

typedef struct treg {
  size_t start; /* first line (the 表N line or the title) */
  size_t title; /* the title line */
  size_t body;  /* first line after the title */
  size_t end;   /* one past the last line */
  const ys_ptable *pt;
  const char *number;
  int dist;
  const char *printed; /* title as printed (trimmed) */
} treg;

/* --- amounts ----------------------------------------------------------- */

typedef struct aval {
  int64_t fen, rad; /* value and radius (half the last printed digit) in 分 */
  bool ok;
} aval;

static aval parse_amount(const char *s, ys_unit u) {
  aval v = {0, 0, false};
  ys_amount am;
  if (ys_money_parse(&am, s, strlen(s), u, NULL) != YS_OK) return v;
  v.fen = am.fen;
  int64_t f = ys_unit_fen(u);
  for (int i = 0; i < am.decimals && f > 1; i++) f /= 10;
  v.rad = am.empty ? 0 : f / 2;
  v.ok = true;
  return v;
}

/* --- grid rows and the placement of amounts ---------------------------- */

typedef struct grow {
  const char **cells; /* ncols */
  int *clines;
  int line;
  tok *amt; /* amount tokens in printed order (not yet placed) */
  size_t namt;
  aval *av;
  bool placed;  /* amounts already in their columns (positional input) */
  bool drop;    /* reported as not placeable; not emitted */
  bool guessed; /* its amounts placed left to right, by no identity */
  int level;    /* -1 unknown, 0 total, 1.. */
  bool subset;
  int rownum; /* 序号 as printed, 0 none */
  int ncand;
  unsigned char *cand; /* ncand × namt amount-column indexes */
  long version;        /* bumped whenever a candidate is dropped */
} grow;

typedef struct gtab {
  rd *r;
  const ys_ptable *pt;
  ys_unit unit;
  size_t nc; /* profile columns */
  int *acol; /* amount columns (profile indexes) */
  size_t na; /* number of amount columns */
  int *aidx; /* profile column -> amount index, -1 */
  grow *rows;
  size_t n, cap;
  bool nonneg; /* every amount in the table is ≥ 0 */
  int ambiguous, unplaced;
  int first_ambiguous_line;
} gtab;

enum { MAX_CAND = 4096, MAX_COMBO = 60000 };

static bool row_identities_hold(const gtab *g, const int64_t *v,
                                const int64_t *rad, const bool *has) {
  const ys_ptable *pt = g->pt;
  for (size_t k = 0; k < g->na; k++) {
    const ys_pcol *pc = &pt->cols[g->acol[k]];
    if (!pc->n_sum_of) continue;
    int64_t s = 0, tol = rad[k];
    bool any = has[k];
    for (int m = 0; m < pc->n_sum_of; m++) {
      int a = g->aidx[pc->sum_of[m]];
      if (a < 0) continue;
      if (has[a]) {
        s += v[a];
        tol += rad[a];
        any = true;
      }
    }
    if (!any) continue;
    int64_t d = (has[k] ? v[k] : 0) - s;
    if (d < 0) d = -d;
    if (d > tol) return false;
  }
  return true;
}

/* Values of row row under candidate c, by amount column. */
static void cand_values(const gtab *g, const grow *row, int c, int64_t *v,
                        int64_t *rad, bool *has) {
  for (size_t k = 0; k < g->na; k++) {
    v[k] = 0;
    rad[k] = 0;
    has[k] = false;
  }
  const unsigned char *pl = row->cand + (size_t)c * row->namt;
  for (size_t i = 0; i < row->namt; i++) {
    if (!row->av[i].ok) continue;
    v[pl[i]] = row->av[i].fen;
    rad[pl[i]] = row->av[i].rad;
    has[pl[i]] = row->av[i].fen != 0 || row->av[i].rad != 0;
  }
}

/* Lists the order-preserving placements of a row's amounts into the amount
 * columns that keep the row sums; all of them if none does (the row itself
 * is then wrong, which the checker will say). */
static void make_candidates(gtab *g, grow *row) {
  size_t k = row->namt, m = g->na;
  row->ncand = 0;
  if (k == 0 || k > m) return;
  /* Count C(m, k), bounded. */
  double combos = 1;
  for (size_t i = 0; i < k; i++)
    combos = combos * (double)(m - i) / (double)(i + 1);
  if (combos > MAX_CAND) return;
  unsigned char *all = ys_arena_alloc(g->r->tmp, (size_t)combos * k + 1);
  bool *keep = ys_arena_alloc(g->r->tmp, (size_t)combos + 1);
  int64_t v[256], rad[256];
  bool has[256];
  if (!all || !keep || m > 256) return;
  unsigned char idx[256];
  for (size_t i = 0; i < k; i++) idx[i] = (unsigned char)i;
  int n = 0, nkeep = 0;
  for (;;) {
    memcpy(all + (size_t)n * k, idx, k);
    row->cand = all;
    cand_values(g, row, n, v, rad, has);
    keep[n] = row_identities_hold(g, v, rad, has);
    nkeep += keep[n];
    n++;
    /* next combination */
    size_t i = k;
    while (i > 0 && idx[i - 1] == m - k + i - 1) i--;
    if (i == 0) break;
    idx[i - 1]++;
    for (size_t j = i; j < k; j++) idx[j] = (unsigned char)(idx[j - 1] + 1);
  }
  if (nkeep == 0) {
    row->ncand = n;
    return;
  }
  int o = 0;
  for (int c = 0; c < n; c++)
    if (keep[c]) {
      if (o != c) memmove(all + (size_t)o * k, all + (size_t)c * k, k);
      o++;
    }
  row->ncand = o;
}

/* Removes candidate c of a row. */
static void drop_cand(grow *row, int c) {
  size_t k = row->namt;
  row->version++;
  memmove(row->cand + (size_t)c * k, row->cand + (size_t)(c + 1) * k,
          (size_t)(row->ncand - c - 1) * k);
  row->ncand--;
}

typedef struct group {
  size_t parent;
  size_t *kids;
  size_t nk;
  long seen; /* Σ of the members' versions when last pruned; -1 never */
} group;

/* Parent/children groups from row levels: a row's parent is the nearest
 * row above with level one less. Rows of unknown level take no part. */
static group *make_groups(gtab *g, size_t *ngroups) {
  *ngroups = 0;
  group *gr = ys_arena_alloc(g->r->tmp, sizeof(group) * (g->n + 1));
  size_t *parent = ys_arena_alloc(g->r->tmp, sizeof(size_t) * (g->n + 1));
  size_t *cnt = ys_arena_alloc(g->r->tmp, sizeof(size_t) * (g->n + 1));
  if (!gr || !parent || !cnt) return NULL;
  size_t last_at[8];
  for (int i = 0; i < 8; i++) last_at[i] = SIZE_MAX;
  for (size_t i = 0; i < g->n; i++) {
    parent[i] = SIZE_MAX;
    grow *row = &g->rows[i];
    if (row->drop || row->level < 0 || row->level > 6) continue;
    if (row->subset) continue;
    if (row->level > 0) parent[i] = last_at[row->level - 1];
    last_at[row->level] = i;
    for (int l = row->level + 1; l < 8; l++) last_at[l] = SIZE_MAX;
  }
  for (size_t i = 0; i < g->n; i++)
    if (parent[i] != SIZE_MAX) cnt[parent[i]]++;
  for (size_t i = 0; i < g->n; i++) {
    if (!cnt[i]) continue;
    group *x = &gr[(*ngroups)++];
    x->parent = i;
    x->seen = -1;
    x->kids = ys_arena_alloc(g->r->tmp, sizeof(size_t) * cnt[i]);
    x->nk = 0;
    if (!x->kids) return NULL;
  }
  for (size_t i = 0; i < g->n; i++) {
    if (parent[i] == SIZE_MAX) continue;
    for (size_t j = 0; j < *ngroups; j++)
      if (gr[j].parent == parent[i]) {
        gr[j].kids[gr[j].nk++] = i;
        break;
      }
  }
  return gr;
}

/* One pass of pruning over a group: bounds (a child's amount cannot exceed
 * the parent's in a table without negative amounts) and, when the group is
 * small enough to enumerate, the column sums. Returns true on change. */
static bool prune_group(gtab *g, const group *x) {
  bool changed = false;
  size_t m = g->na;
  grow *P = &g->rows[x->parent];
  if (P->ncand <= 0) return false;
  int64_t v[256], rad[256];
  bool has[256];
  if (g->nonneg) {
    int64_t maxp[256];
    bool anyp[256];
    for (size_t k = 0; k < m; k++) {
      maxp[k] = 0;
      anyp[k] = false;
    }
    for (int c = 0; c < P->ncand; c++) {
      cand_values(g, P, c, v, rad, has);
      for (size_t k = 0; k < m; k++)
        if (has[k]) {
          if (!anyp[k] || v[k] + rad[k] > maxp[k]) maxp[k] = v[k] + rad[k];
          anyp[k] = true;
        }
    }
    for (size_t j = 0; j < x->nk; j++) {
      grow *C = &g->rows[x->kids[j]];
      if (C->ncand <= 1) continue;
      int before = C->ncand;
      bool *bad = ys_arena_alloc(g->r->tmp, (size_t)C->ncand);
      if (!bad) return changed;
      int nbad = 0;
      for (int c = 0; c < C->ncand; c++) {
        cand_values(g, C, c, v, rad, has);
        for (size_t k = 0; k < m && !bad[c]; k++)
          if (has[k] && v[k] > 0 && (!anyp[k] || v[k] - rad[k] > maxp[k]))
            bad[c] = true;
        nbad += bad[c];
      }
      if (nbad == before) continue; /* contradiction: leave it to the checker */
      for (int c = before - 1; c >= 0; c--)
        if (bad[c]) drop_cand(C, c);
      changed = true;
    }
  }
  /* Enumerate the group when small. */
  double prod = P->ncand;
  for (size_t j = 0; j < x->nk; j++) {
    int nc = g->rows[x->kids[j]].ncand;
    prod *= nc > 0 ? nc : 1;
  }
  if (prod <= 1 || prod > MAX_COMBO) return changed;
  size_t nm = x->nk + 1;
  const grow **mem = ys_arena_alloc(g->r->tmp, sizeof(grow *) * nm);
  int *at = ys_arena_alloc(g->r->tmp, sizeof(int) * nm);
  bool **ok = ys_arena_alloc(g->r->tmp, sizeof(bool *) * nm);
  if (!mem || !at || !ok) return changed;
  mem[0] = P;
  for (size_t j = 0; j < x->nk; j++) mem[j + 1] = &g->rows[x->kids[j]];
  for (size_t j = 0; j < nm; j++) {
    ok[j] = ys_arena_alloc(g->r->tmp,
                           (size_t)(mem[j]->ncand > 0 ? mem[j]->ncand : 1));
    if (!ok[j]) return changed;
  }
  /* The group's column sums, kept up to date as the odometer turns: the
   * parent counts negatively, so every column must end near zero. */
  bool any = false;
  int64_t sum[256], tol[256];
  for (size_t k = 0; k < m; k++) sum[k] = tol[k] = 0;
#define CONTRIB(j, c, sign)                                                    \
  do {                                                                         \
    const grow *w_ = mem[j];                                                   \
    if (w_->ncand > 0) {                                                       \
      const unsigned char *pl_ = w_->cand + (size_t)(c)*w_->namt;              \
      for (size_t q_ = 0; q_ < w_->namt; q_++)                                 \
        if (w_->av[q_].ok) {                                                   \
          sum[pl_[q_]] +=                                                      \
              (sign) * ((j) == 0 ? -w_->av[q_].fen : w_->av[q_].fen);          \
          tol[pl_[q_]] += (sign)*w_->av[q_].rad;                               \
        }                                                                      \
    }                                                                          \
  } while (0)
  for (size_t j = 0; j < nm; j++) CONTRIB(j, 0, 1);
  for (;;) {
    bool good = true;
    for (size_t k = 0; k < m && good; k++) {
      int64_t d = sum[k] < 0 ? -sum[k] : sum[k];
      if (d > tol[k]) good = false;
    }
    if (good) {
      any = true;
      for (size_t j = 0; j < nm; j++)
        if (mem[j]->ncand > 0) ok[j][at[j]] = true;
    }
    size_t j = 0;
    for (; j < nm; j++) {
      int lim = mem[j]->ncand > 0 ? mem[j]->ncand : 1;
      if (lim == 1) continue;
      CONTRIB(j, at[j], -1);
      if (++at[j] < lim) {
        CONTRIB(j, at[j], 1);
        break;
      }
      at[j] = 0;
      CONTRIB(j, 0, 1);
    }
    if (j == nm) break;
  }
#undef CONTRIB
  if (!any) return changed;
  for (size_t j = 0; j < nm; j++) {
    grow *w = (grow *)mem[j];
    for (int c = w->ncand - 1; c >= 0; c--)
      if (!ok[j][c]) {
        drop_cand(w, c);
        changed = true;
      }
  }
  return changed;
}

static long group_version(const gtab *g, const group *x) {
  long v = g->rows[x->parent].version;
  for (size_t j = 0; j < x->nk; j++) v += g->rows[x->kids[j]].version;
  return v;
}

/* Prunes until nothing changes; a group is looked at again only when one
 * of its rows lost a candidate since. */
static void propagate(gtab *g, group *gr, size_t ng) {
  for (int pass = 0; pass < 12; pass++) {
    bool changed = false;
    for (size_t i = 0; i < ng; i++) {
      long v = group_version(g, &gr[i]);
      if (v == gr[i].seen) continue;
      changed |= prune_group(g, &gr[i]);
      gr[i].seen = group_version(g, &gr[i]);
    }
    if (!changed) break;
  }
}

/* "kind=basic" of a column quantity "exp;kind=basic" (the whole quantity
 * must be that one term), or NULL. */
static const char *kind_term(const char *q) {
  if (!q) return NULL;
  if (starts(q, "exp;")) q += 4;
  if (!starts(q, "kind=") || strchr(q, ';') || strchr(q, ' ')) return NULL;
  return q;
}

/* The row key of a grid row for matching across tables: its code (split
 * codes joined), or 合计. */
static const char *grid_row_key(rd *r, const ys_ptable *pt, const char **cells,
                                size_t n) {
  char code[40] = "";
  const char *name = "";
  for (size_t k = 0; k < pt->ncols && k < n; k++) {
    pcol_show s = pt->cols[k].show;
    if (s == PCOL_CODE || s == PCOL_FUNC_LEI || s == PCOL_FUNC_KUAN ||
        s == PCOL_FUNC_XIANG)
      snprintf(code + strlen(code), sizeof code - strlen(code), "%s", cells[k]);
    if (s == PCOL_NAME && !*name) name = cells[k];
  }
  if (*code) return ys_arena_strdup(r->tmp, code);
  const char *nk = lkey(r, name);
  return !strcmp(nk, "合计") || !strcmp(nk, "总计") ? "合计" : "";
}

/* An amount of an earlier table that bounds column k of row row: the same
 * code, a column showing the same kind of spending for all funds
 * ("exp;kind=basic" in a table without a fund base). A part cannot exceed
 * it. Returns false when there is none. */
static bool earlier_bound(gtab *g, const grow *row, size_t k, aval *out) {
  rd *r = g->r;
  const char *kt = kind_term(g->pt->cols[k].q_text);
  if (!kt || !g->pt->has_base || !g->pt->base.funds) return false;
  const char *rk = grid_row_key(r, g->pt, row->cells, g->nc);
  if (!*rk) return false;
  for (size_t t = 0; t < r->ntpt && t < r->d->n; t++) {
    const ys_ptable *up = r->tpt[t];
    if (up == g->pt || up->layout != LAYOUT_GRID) continue;
    if (up->has_base && (up->base.funds || up->base.periods)) continue;
    int col = -1;
    for (size_t c = 0; c < up->ncols && col < 0; c++) {
      const char *uk = kind_term(up->cols[c].q_text);
      if (uk && !strcmp(uk, kt)) col = (int)c;
    }
    if (col < 0) continue;
    const ys_rtable *ut = &r->d->tables[t];
    ys_unit uu = ut->unit_known ? ut->unit : up->unit;
    for (size_t i = 0; i < ut->nrows; i++) {
      const ys_rrow *ur = &ut->rows[i];
      if ((size_t)col >= ur->n || ur->n != up->ncols) continue;
      const char **cells = ys_arena_alloc(r->tmp, sizeof(char *) * ur->n);
      if (!cells) return false;
      for (size_t c = 0; c < ur->n; c++) cells[c] = ur->cells[c].text;
      if (strcmp(grid_row_key(r, up, cells, ur->n), rk)) continue;
      aval v = parse_amount(ur->cells[col].text, uu);
      if (!v.ok) return false;
      /* Compare in 分 across units: the bound's radius covers its print. */
      *out = v;
      return true;
    }
  }
  return false;
}

/* Drops placements that put more in a column than an earlier, all-funds
 * table shows for the same code and kind (the 政府性基金 table's 229
 * cannot be 基本支出 when the 支出总表 shows no 基本支出 for 229). */
static void cross_bounds(gtab *g, grow *row) {
  if (!g->nonneg || row->ncand <= 1) return;
  bool *bad = ys_arena_alloc(g->r->tmp, (size_t)row->ncand + 1);
  if (!bad) return;
  int nbad = 0;
  for (int c = 0; c < row->ncand; c++) {
    const unsigned char *pl = row->cand + (size_t)c * row->namt;
    for (size_t q = 0; q < row->namt && !bad[c]; q++) {
      if (!row->av[q].ok || row->av[q].fen <= 0) continue;
      aval b;
      if (earlier_bound(g, row, (size_t)g->acol[pl[q]], &b) &&
          row->av[q].fen - row->av[q].rad > b.fen + b.rad)
        bad[c] = true;
    }
    nbad += bad[c];
  }
  if (!nbad || nbad == row->ncand) return;
  for (int c = row->ncand - 1; c >= 0; c--)
    if (bad[c]) drop_cand(row, c);
}

/* Places the amounts of every row that was read without cell positions. */
static void place_amounts(gtab *g) {
  rd *r = g->r;
  g->nonneg = true;
  for (size_t i = 0; i < g->n; i++) {
    grow *row = &g->rows[i];
    if (row->drop) continue;
    row->av = ys_arena_alloc(r->tmp, sizeof(aval) * (row->namt + 1));
    if (!row->av) return;
    for (size_t j = 0; j < row->namt; j++) {
      row->av[j] = parse_amount(row->amt[j].s, g->unit);
      if (row->av[j].ok && row->av[j].fen < 0) g->nonneg = false;
    }
  }
  for (size_t i = 0; i < g->n; i++) {
    grow *row = &g->rows[i];
    if (row->drop || row->placed) continue;
    if (row->namt > g->na) {
      info(r, row->line,
           "此行有 %zu 个金额，多于报表格式的 %zu "
           "个金额列，无法确定各金额所在的列，未读入",
           row->namt, g->na);
      row->drop = true;
      g->unplaced++;
      continue;
    }
    if (row->namt == g->na || row->namt == 0) {
      row->ncand = row->namt ? 1 : 0;
      row->cand = ys_arena_alloc(r->tmp, row->namt + 1);
      if (!row->cand) return;
      for (size_t j = 0; j < row->namt; j++) row->cand[j] = (unsigned char)j;
      continue;
    }
    make_candidates(g, row);
    if (row->ncand == 0) {
      info(r, row->line,
           "此行金额可能的列位置过多，无法确定各金额所在的列，未读入");
      row->drop = true;
      g->unplaced++;
    }
  }
  size_t ng = 0;
  group *gr = make_groups(g, &ng);
  if (gr) propagate(g, gr, ng);
  /* Earlier tables may settle what this one leaves open. */
  for (size_t i = 0; i < g->n; i++)
    if (!g->rows[i].drop && !g->rows[i].placed) cross_bounds(g, &g->rows[i]);
  if (gr) propagate(g, gr, ng);
  /* What the identities leave open: take the leftmost placement (the
   * printed order), one row at a time, top-down, re-pruning after each. */
  for (size_t i = 0; i < g->n; i++) {
    grow *row = &g->rows[i];
    if (row->drop || row->placed || row->ncand <= 1) continue;
    g->ambiguous++;
    if (!g->first_ambiguous_line) g->first_ambiguous_line = row->line;
    row->guessed = true;
    row->ncand = 1;
    row->version++;
    if (gr) propagate(g, gr, ng);
  }
  for (size_t i = 0; i < g->n; i++) {
    grow *row = &g->rows[i];
    if (row->drop || row->placed || row->ncand != 1) continue;
    for (size_t j = 0; j < row->namt; j++) {
      int col = g->acol[row->cand[j]];
      row->cells[col] = row->amt[j].s;
      row->clines[col] = row->amt[j].line;
    }
    row->placed = true;
  }
}

/* --- fitting tokens into grid columns ---------------------------------- */

static bool is_code_col(pcol_show s) {
  switch (s) {
  case PCOL_CODE:
  case PCOL_GOV_CODE:
  case PCOL_FUNC_LEI:
  case PCOL_FUNC_KUAN:
  case PCOL_FUNC_XIANG:
  case PCOL_ECON_LEI:
  case PCOL_ECON_KUAN:
  case PCOL_GECON_LEI:
  case PCOL_GECON_KUAN:
  case PCOL_UNIT_CODE:
    return true;
  default:
    return false;
  }
}

static bool is_text_col(pcol_show s) {
  switch (s) {
  case PCOL_NAME:
  case PCOL_GOV_NAME:
  case PCOL_UNIT_NAME:
  case PCOL_TEXT:
  case PCOL_DESC:
  case PCOL_BLANK:
  case PCOL_GOAL:
  case PCOL_T_LEVEL1:
  case PCOL_T_LEVEL2:
  case PCOL_T_NAME:
  case PCOL_T_OP:
  case PCOL_T_VALUE:
  case PCOL_T_UNIT:
  case PCOL_T_WEIGHT:
  case PCOL_T_DIRECTION:
  case PCOL_T_TARGET:
  case PCOL_PROC_CATALOG:
  case PCOL_PROC_SERVICE:
  case PCOL_PROC_SPEC:
  case PCOL_PROC_QUANTITY:
  case PCOL_PROC_TIME:
  case PCOL_FACT:
    return true;
  default:
    return false;
  }
}

static bool is_amount_col(pcol_show s) {
  return s == PCOL_AMOUNT || s == PCOL_PROC_AMOUNT;
}

static int gt_init(gtab *g, rd *r, const ys_ptable *pt, ys_unit unit) {
  memset(g, 0, sizeof *g);
  g->r = r;
  g->pt = pt;
  g->unit = unit;
  g->nc = pt->ncols;
  g->acol = ys_arena_alloc(r->tmp, sizeof(int) * (g->nc + 1));
  g->aidx = ys_arena_alloc(r->tmp, sizeof(int) * (g->nc + 1));
  if (!g->acol || !g->aidx) return YS_ENOMEM;
  for (size_t k = 0; k < g->nc; k++) {
    g->aidx[k] = -1;
    if (is_amount_col(pt->cols[k].show)) {
      g->aidx[k] = (int)g->na;
      g->acol[g->na++] = (int)k;
    }
  }
  return YS_OK;
}

static grow *gt_row(gtab *g, int line) {
  g->rows =
      ys_arena_reserve(g->r->tmp, g->rows, g->n, &g->cap, sizeof *g->rows);
  if (!g->rows) return NULL;
  grow *row = &g->rows[g->n++];
  memset(row, 0, sizeof *row);
  row->line = line;
  row->level = -1;
  row->cells = ys_arena_alloc(g->r->d->arena, sizeof(char *) * (g->nc + 1));
  row->clines = ys_arena_alloc(g->r->tmp, sizeof(int) * (g->nc + 1));
  if (!row->cells || !row->clines) return NULL;
  for (size_t k = 0; k < g->nc; k++) {
    row->cells[k] = "";
    row->clines[k] = line;
  }
  return row;
}

/* Code level of a row for the tree: from the code's length. */
static int tree_level(const ys_ptable *pt, const char *code) {
  for (size_t i = 0; i < pt->nrows; i++)
    if (pt->rows[i].kind == PROW_TREE) {
      if (!*code) return -1;
      for (const char *c = code; *c; c++)
        if (*c < '0' || *c > '9') return -1;
      return ys_catalog_code_level(pt->rows[i].cls, code);
    }
  return -1;
}

static bool table_has(const ys_ptable *pt, prow_kind k) {
  for (size_t i = 0; i < pt->nrows; i++)
    if (pt->rows[i].kind == k) return true;
  return false;
}

/* The level of a finished grid row, for the tree identities. */
static void row_level(gtab *g, grow *row, int indent) {
  const ys_ptable *pt = g->pt;
  const char *name = "", *code = "";
  char codebuf[32] = "";
  for (size_t k = 0; k < g->nc; k++) {
    pcol_show s = pt->cols[k].show;
    if (s == PCOL_NAME && !*name) name = row->cells[k];
    if (s == PCOL_CODE && !*code) code = row->cells[k];
    if (s == PCOL_FUNC_LEI || s == PCOL_FUNC_KUAN || s == PCOL_FUNC_XIANG ||
        s == PCOL_ECON_LEI || s == PCOL_ECON_KUAN)
      snprintf(codebuf + strlen(codebuf), sizeof codebuf - strlen(codebuf),
               "%s", row->cells[k]);
  }
  if (!*code && *codebuf) code = codebuf;
  const char *nk = lkey(g->r, name);
  if (!strcmp(nk, "合计") || !strcmp(nk, "总计")) {
    row->level = 0;
    return;
  }
  code = keyz(g->r, code);
  int tl = tree_level(pt, code);
  if (tl > 0) {
    row->level = tl;
    return;
  }
  if (table_has(pt, PROW_UNITS) || table_has(pt, PROW_PROJECTS)) {
    row->level = indent / 2 + 1;
    return;
  }
  for (size_t i = 0; i < pt->nrows; i++)
    if (pt->rows[i].kind == PROW_FIXED &&
        !strcmp(lkey(g->r, pt->rows[i].label), nk)) {
      row->level = pt->rows[i].level;
      row->subset = pt->rows[i].subset;
      return;
    }
}

/* Fits key tokens (before the amounts) into the key columns: integers into
 * code columns, text into text columns, each in order. Consecutive text
 * tokens are one cell. Returns false when tokens are left over. */
static bool fit_keys(gtab *g, grow *row, const tok *t, size_t n,
                     size_t *indent_out) {
  const ys_ptable *pt = g->pt;
  size_t col = 0;
  int last_text_col = -1;
  bool ok = true;
  unsigned indent = 0;
  for (size_t i = 0; i < n; i++) {
    if (i == 0) indent = t[i].indent;
    if (t[i].kind == TK_EMPTY) continue;
    bool want_code = t[i].kind == TK_INT;
    if (!want_code && last_text_col >= 0 && i > 0 && t[i - 1].kind == TK_TEXT) {
      row->cells[last_text_col] =
          join_text(g->r, row->cells[last_text_col], t[i].s);
      continue;
    }
    size_t k = col;
    for (; k < g->nc; k++) {
      pcol_show s = pt->cols[k].show;
      if (is_amount_col(s)) {
        k = g->nc;
        break;
      }
      if (s == PCOL_ROWNUM) continue;
      if (want_code ? is_code_col(s) : is_text_col(s)) break;
      /* An integer may also be a name ("2023") when no code column fits. */
    }
    if (k >= g->nc && want_code) {
      for (k = col; k < g->nc; k++) {
        pcol_show s = pt->cols[k].show;
        if (is_amount_col(s)) {
          k = g->nc;
          break;
        }
        if (is_text_col(s)) break;
      }
    }
    if (k >= g->nc) {
      ok = false;
      continue;
    }
    row->cells[k] = t[i].s;
    row->clines[k] = t[i].line;
    if (!want_code || is_text_col(pt->cols[k].show))
      last_text_col = (int)k;
    else
      last_text_col = -1;
    col = k + 1;
  }
  /* Indentation belongs to the name, where check.c reads levels from it. */
  if (indent) {
    for (size_t k = 0; k < g->nc; k++)
      if (pt->cols[k].show == PCOL_NAME && *row->cells[k]) {
        char *s = ys_arena_alloc(g->r->d->arena,
                                 indent * 3 + strlen(row->cells[k]) + 1);
        if (!s) break;
        size_t o = 0;
        for (unsigned j = 0; j < indent; j++) {
          memcpy(s + o, "\xE3\x80\x80", 3);
          o += 3;
        }
        strcpy(s + o, row->cells[k]);
        row->cells[k] = s;
        break;
      }
  }
  if (indent_out) *indent_out = indent;
  return ok;
}

/* The trailing text tokens of a row (after its amounts): a description or
 * remark column after the amounts takes them. */
static bool fit_tail(gtab *g, grow *row, const tok *t, size_t n) {
  if (!n) return true;
  int col = -1;
  for (size_t k = g->nc; k-- > 0;) {
    pcol_show s = g->pt->cols[k].show;
    if (is_amount_col(s)) break;
    if (s == PCOL_DESC || s == PCOL_BLANK || s == PCOL_TEXT) col = (int)k;
  }
  if (col < 0) return false;
  for (size_t i = 0; i < n; i++)
    row->cells[col] = join_text(g->r, row->cells[col], t[i].s);
  row->clines[col] = t[0].line;
  return true;
}

/* A row from non-positional tokens: keys, then a run of amounts, then
 * possibly text. */
static grow *fit_tokens(gtab *g, const tok *t, size_t n, int line,
                        bool text_anywhere) {
  grow *row = gt_row(g, line);
  if (!row) return NULL;
  size_t lt = SIZE_MAX; /* last text token */
  for (size_t i = 0; i < n; i++)
    if (t[i].kind == TK_TEXT) lt = i;
  /* Amounts: numbers after the first text token (or after a leading code
   * when the row has no text at all). */
  size_t ft = SIZE_MAX;
  for (size_t i = 0; i < n; i++)
    if (t[i].kind == TK_TEXT) {
      ft = i;
      break;
    }
  tok *keys = ys_arena_alloc(g->r->tmp, sizeof(tok) * (n + 1));
  tok *amts = ys_arena_alloc(g->r->tmp, sizeof(tok) * (n + 1));
  tok *tail = ys_arena_alloc(g->r->tmp, sizeof(tok) * (n + 1));
  if (!keys || !amts || !tail) return NULL;
  size_t nk = 0, nam = 0, ntail = 0;
  if (ft == SIZE_MAX) {
    size_t i = 0;
    bool has_code = false;
    for (size_t k = 0; k < g->nc; k++)
      if (is_code_col(g->pt->cols[k].show)) has_code = true;
    if (has_code && n > 1 && t[0].kind == TK_INT) keys[nk++] = t[i++];
    for (; i < n; i++) amts[nam++] = t[i];
  } else if (text_anywhere) {
    /* Cells broken over lines and pages: every text token is part of the
     * name, every number after the first text an amount. */
    for (size_t i = 0; i < n; i++) {
      if (i < ft || t[i].kind == TK_TEXT)
        keys[nk++] = t[i];
      else
        amts[nam++] = t[i];
    }
    if (nk > 0) {
      /* Join the name pieces: they are one cell. */
      size_t w = 0;
      for (size_t i = 0; i < nk; i++) {
        if (w > 0 && keys[i].kind == TK_TEXT && keys[w - 1].kind == TK_TEXT) {
          keys[w - 1].s = join_text(g->r, keys[w - 1].s, keys[i].s);
          continue;
        }
        keys[w++] = keys[i];
      }
      nk = w;
    }
  } else {
    for (size_t i = 0; i <= lt; i++) keys[nk++] = t[i];
    for (size_t i = lt + 1; i < n; i++) amts[nam++] = t[i];
    /* Text after the amounts ("50,000.00 项目简介…"): only when amounts
     * came before it. */
    size_t i0 = 0;
    while (i0 < nk && keys[i0].kind != TK_TEXT) i0++;
    for (size_t i = i0 + 1; i < nk; i++)
      if (keys[i].kind == TK_NUM) {
        /* amounts then text: split */
        size_t j = i;
        while (j < nk && keys[j].kind != TK_TEXT) amts[nam++] = keys[j++];
        for (; j < nk; j++) tail[ntail++] = keys[j];
        nk = i;
        break;
      }
  }
  size_t indent = 0;
  /* A fixed label with figures in it ("3、单价在 20 万元以上的设备"). */
  if (nk > 1) {
    const char *joined = "";
    for (size_t i = 0; i < nk; i++) joined = join_text(g->r, joined, keys[i].s);
    const char *jk = lkey(g->r, joined);
    for (size_t q = 0; q < g->pt->nrows; q++)
      if (g->pt->rows[q].kind == PROW_FIXED &&
          !strcmp(lkey(g->r, g->pt->rows[q].label), jk)) {
        keys[0].s = joined;
        keys[0].kind = TK_TEXT;
        nk = 1;
        break;
      }
  }
  bool ok = fit_keys(g, row, keys, nk, &indent);
  if (!ok) {
    info(g->r, line, "此行的名称或编码多于报表格式的相应列，未读入");
    row->drop = true;
    g->unplaced++;
    return row;
  }
  if (!fit_tail(g, row, tail, ntail)) {
    info(g->r, line, "此行金额之后还有文字“%s”，报表格式中没有相应的列，未读入",
         tail[0].s);
    row->drop = true;
    g->unplaced++;
    return row;
  }
  /* Numbers before the amounts belong to number-like text columns (a
   * quantity next to its value) when there are more than amount columns. */
  size_t skip = 0;
  for (size_t k = 0; k < g->nc && nam - skip > g->na; k++)
    if (g->pt->cols[k].show == PCOL_FACT ||
        g->pt->cols[k].show == PCOL_PROC_QUANTITY) {
      row->cells[k] = amts[skip].s;
      row->clines[k] = amts[skip].line;
      skip++;
    }
  nam -= skip;
  row->amt = ys_arena_alloc(g->r->tmp, sizeof(tok) * (nam + 1));
  if (!row->amt) return NULL;
  memcpy(row->amt, amts + skip, sizeof(tok) * nam);
  row->namt = nam;
  row_level(g, row, (int)indent);
  return row;
}

/* Emits the finished rows of a grid table. */
static int gt_emit(gtab *g, ys_rtable *rt) {
  for (size_t i = 0; i < g->n; i++) {
    grow *row = &g->rows[i];
    if (row->drop) continue;
    ys_rrow *o = ys_rtable_add_row(g->r->d, rt, g->nc, row->line);
    if (!o) return YS_ENOMEM;
    if (row->guessed) o->flags |= YS_RROW_GUESSED;
    for (size_t k = 0; k < g->nc; k++) {
      o->cells[k].text = row->cells[k];
      o->cells[k].line = row->clines[k];
    }
  }
  if (g->ambiguous)
    info(g->r, g->first_ambiguous_line,
         "%s%s%s：表中空单元格未印出，%d "
         "行金额的列位置不能由合计关系唯一确定，已按印出顺序从左到右填入（请核"
         "对）",
         *rt->number ? rt->number : "", *rt->number ? " " : "", rt->title,
         g->ambiguous);
  return YS_OK;
}

/* --- common table scaffolding ------------------------------------------ */

static bool is_note_line(rd *r, const ys_tline *l) {
  const char *k = line_key(r, l);
  while (*k == '#' || *k == '*') k++;
  return starts(k, "注:") || starts(k, "注1") || starts(k, "备注") ||
         starts(k, "空表说明") || starts(k, "说明:") || starts(k, "注释");
}

static void add_note(rd *r, ys_rtable *rt, const ys_tline *l) {
  const char *s = trimdup(r, l->s, l->len);
  rt->note =
      *rt->note ? ys_arena_printf(r->d->arena, "%s\n%s", rt->note, s) : s;
  /* A 空表说明 says why the table is empty; "应公开空表并说明" (an
   * instruction printed under a form) does not. */
  const char *k = keyz(r, s);
  if (strstr(k, "空表说明") || strstr(k, "空表列示") || strstr(k, "无此项") ||
      starts(k, "注:无") || strstr(k, "本单位无") || strstr(k, "本部门无"))
    rt->empty_note = true;
}

/* Lines before the header and body that are not part of the grid:
 * "单位：元", "部门：322-…", the 表N line. */
static bool is_meta_line(rd *r, const ys_tline *l) {
  ys_unit u;
  if (unit_in(r, l->s, &u)) return true;
  const char *k = line_key(r, l);
  return starts(k, "部门:") || starts(k, "单位名称:") ||
         starts(k, "编制单位:") || starts(k, "部门(单位)名称:") ||
         number_line(r, l) != NULL;
}

/* Does a token list look like a body row? An amount with a decimal point
 * or separator, a 合计/总计 label, or a code followed by text and
 * integers. */
static bool body_like(rd *r, const tok *t, size_t n) {
  if (!n) return false;
  const char *k0 = lkey(r, t[0].s);
  if ((!strcmp(k0, "合计") || !strcmp(k0, "总计")) && n > 1 &&
      t[1].kind != TK_TEXT)
    return true;
  bool seen_text = false;
  int ints_after = 0;
  for (size_t i = 0; i < n; i++) {
    if (t[i].kind == TK_NUM && strcmp(t[i].s, "-")) return true;
    if (t[i].kind == TK_TEXT)
      seen_text = true;
    else if (t[i].kind == TK_INT && seen_text)
      ints_after++;
  }
  return ints_after >= 1 && t[0].kind != TK_TEXT ? true : ints_after >= 2;
}

/* Is name (a row's name with the text below it joined) the row's code's
 * name in the catalogue, or a beginning of it, where the name alone was
 * not yet the whole? */
static bool wrapped_name(rd *r, const grow *row, const ys_ptable *pt,
                         const char *name) {
  if (!r->cat) return false;
  const char *code = NULL, *own = NULL;
  for (size_t k = 0; k < pt->ncols; k++) {
    if (is_code_col(pt->cols[k].show) && *row->cells[k] && !code)
      code = row->cells[k];
    if (pt->cols[k].show == PCOL_NAME) own = row->cells[k];
  }
  if (!code || !own) return false;
  const ys_cat_entry *v[8];
  size_t nv = ys_catalog_versions(r->cat, YS_CLS_FUNC, code, v, 8);
  const char *nk = lkey(r, name), *ok = lkey(r, own);
  for (size_t i = 0; i < nv && i < 8; i++) {
    const char *ck = lkey(r, v[i]->name);
    if (!strcmp(ck, ok)) return false; /* complete already */
    if (starts(ck, nk)) return true;
  }
  return false;
}

/* --- space-separated grids (Shaanxi) ----------------------------------- */

static int grid_spaces(rd *r, const treg *g0, ys_rtable *rt) {
  gtab g;
  if (gt_init(&g, r, g0->pt, rt->unit_known ? rt->unit : g0->pt->unit))
    return YS_ENOMEM;
  bool in_body = false, in_note = false;
  const char **hk = NULL;
  size_t nhk = 0, chk = 0;
  unsigned pend_indent = 0;
  tok *pend = NULL;
  size_t npend = 0, cpend = 0;
  bool has_desc = false;
  for (size_t k = 0; k < g.nc; k++)
    if (g0->pt->cols[k].show == PCOL_DESC) has_desc = true;
  for (size_t i = g0->body; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    if (blank(l)) {
      /* A line of ideographic spaces: the indentation of the next cell. */
      unsigned sp = 0;
      for (size_t j = 0; j + 3 <= l->len; j += 3)
        if (!strncmp(l->s + j, "\xE3\x80\x80", 3)) sp++;
      if (in_body && sp) pend_indent = sp;
      continue;
    }
    if (in_note || is_note_line(r, l)) {
      add_note(r, rt, l);
      in_note = true;
      continue;
    }
    const char *lk = line_key(r, l);
    if (!in_body) {
      /* Remember the lines above the body: a page break repeats them. */
      hk = ys_arena_reserve(r->tmp, hk, nhk, &chk, sizeof *hk);
      if (!hk) return YS_ENOMEM;
      hk[nhk++] = lk;
    } else {
      bool repeat = false;
      for (size_t j = 0; j < nhk && !repeat; j++) repeat = !strcmp(hk[j], lk);
      if (repeat) continue;
    }
    if (!in_body && is_meta_line(r, l)) continue;
    tok *t = NULL;
    size_t n = 0, cap = 0;
    t = split_line(r, l, t, &n, &cap);
    if (!t && n) return YS_ENOMEM;
    if (!n) continue;
    if (pend_indent && !npend && !t[0].indent)
      t[0].indent = (unsigned char)(pend_indent > 255 ? 255 : pend_indent);
    pend_indent = 0;
    bool only_stars = true;
    for (size_t j = 0; j < n; j++)
      if (strspn(t[j].s, "*") != strlen(t[j].s)) only_stars = false;
    if (only_stars) continue; /* "** ** **": placeholder of an empty table */
    if (!in_body) {
      if (!body_like(r, t, n)) continue; /* header */
      in_body = true;
    }
    bool ends_row = false;
    {
      bool seen_text = npend > 0;
      for (size_t j = 0; j < npend; j++)
        if (pend[j].kind == TK_TEXT) seen_text = true;
      for (size_t j = 0; j < n; j++) {
        if (t[j].kind == TK_NUM) ends_row = true;
        if (t[j].kind == TK_TEXT)
          seen_text = true;
        else if (t[j].kind == TK_INT && seen_text && j > 0)
          ends_row = true;
      }
      const char *k0 = lkey(r, t[0].s);
      if (!strcmp(k0, "合计") || !strcmp(k0, "总计")) ends_row = true;
    }
    if (!ends_row && !npend) {
      /* A fixed row printed without amounts ("2、车辆（台、辆）"). */
      const char *k0 = lkey(r, l->s);
      for (size_t q = 0; q < g0->pt->nrows && !ends_row; q++)
        if (g0->pt->rows[q].kind == PROW_FIXED &&
            !strcmp(lkey(r, g0->pt->rows[q].label), k0))
          ends_row = true;
    }
    if (!ends_row) {
      if (has_desc && g.n > 0 && npend == 0 && !g.rows[g.n - 1].drop &&
          t[0].indent == 0) {
        /* A description continuing under its project row. */
        for (size_t k = 0; k < g.nc; k++)
          if (g0->pt->cols[k].show == PCOL_DESC) {
            grow *last = &g.rows[g.n - 1];
            last->cells[k] =
                join_text(r, last->cells[k], trimdup(r, l->s, l->len));
            break;
          }
        continue;
      }
      for (size_t j = 0; j < n; j++) {
        if (j == 0 && npend && pend[npend - 1].kind == TK_TEXT &&
            t[0].kind == TK_TEXT && !t[0].indent) {
          pend[npend - 1].s = join_text(r, pend[npend - 1].s, t[0].s);
          continue;
        }
        pend = ys_arena_reserve(r->tmp, pend, npend, &cpend, sizeof *pend);
        if (!pend) return YS_ENOMEM;
        pend[npend++] = t[j];
      }
      continue;
    }
    /* Text pending before a line that has a code and a name of its own is
     * the end of the previous row's name, wrapped below its code
     * ("机关事业单位职业年金缴" / "2080506 4.64" / "费支出" / "210 卫生健康支出
     * 2.71"). */
    if (npend && g.n > 0 && !g.rows[g.n - 1].drop && t[0].kind == TK_INT) {
      bool text_only = true, own_name = false;
      for (size_t j = 0; j < npend; j++) text_only &= pend[j].kind == TK_TEXT;
      for (size_t j = 1; j < n; j++) own_name |= t[j].kind == TK_TEXT;
      for (size_t k = 0; text_only && own_name && k < g.nc; k++)
        if (g0->pt->cols[k].show == PCOL_NAME) {
          grow *last = &g.rows[g.n - 1];
          const char *name = last->cells[k];
          for (size_t j = 0; j < npend; j++)
            name = join_text(r, name, pend[j].s);
          /* only where the catalogue says the previous name goes on so
           * ("机关事业单位" above "2080505 基本养老保险" is the next row's) */
          if (wrapped_name(r, last, g0->pt, name)) {
            last->cells[k] = name;
            npend = 0;
          }
          break;
        }
    }
    /* The row: pending wrapped pieces, then this line. */
    tok *all = t;
    size_t na = n;
    if (npend) {
      all = ys_arena_alloc(r->tmp, sizeof(tok) * (npend + n + 1));
      if (!all) return YS_ENOMEM;
      memcpy(all, pend, sizeof(tok) * npend);
      na = npend;
      for (size_t j = 0; j < n; j++) {
        if (j == 0 && all[na - 1].kind == TK_TEXT && t[0].kind == TK_TEXT &&
            !t[0].indent) {
          all[na - 1].s = join_text(r, all[na - 1].s, t[0].s);
          continue;
        }
        all[na++] = t[j];
      }
      /* An indentation line of its own ("　　" then the code) */
      int line0 = all[0].line;
      npend = 0;
      if (!fit_tokens(&g, all, na, line0, false)) return YS_ENOMEM;
      continue;
    }
    if (!fit_tokens(&g, all, na, l->no, false)) return YS_ENOMEM;
  }
  if (npend) {
    info(r, pend[0].line, "%s 表末尾的文字“%s”无法归入任何一行，未读入",
         rt->number, pend[0].s);
  }
  place_amounts(&g);
  return gt_emit(&g, rt);
}

/* --- tab-separated grids (Sichuan) ------------------------------------- */

/* Splits a line at tabs, keeping empty cells. */
static tok *split_tabs(rd *r, const ys_tline *l, size_t *n) {
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
    t[i].s = trimdup(r, s, sl);
    t[i].line = l->no;
    t[i].kind = (unsigned char)tok_kind(r, t[i].s);
    t[i].indent = (unsigned char)indent;
    p = e ? e + 1 : p + len;
  }
  *n = cnt;
  return t;
}

/* Exactly the profile's width, with every amount column holding an amount
 * or nothing and every key column no amount: positions are trusted. */
static bool positional_fits(const gtab *g, const tok *t, size_t n) {
  while (n > g->nc && t[n - 1].kind == TK_EMPTY) n--;
  if (n != g->nc) return false;
  for (size_t k = 0; k < n; k++) {
    pcol_show s = g->pt->cols[k].show;
    bool ok = true;
    if (is_amount_col(s))
      ok = t[k].kind != TK_TEXT;
    else if (is_code_col(s))
      ok = t[k].kind != TK_NUM && t[k].kind != TK_TEXT;
    else if (s == PCOL_NAME)
      ok = t[k].kind != TK_NUM;
    else if (s == PCOL_T_LEVEL1)
      ok = t[k].kind == TK_EMPTY || is_l1(t[k].s);
    if (!ok) return false;
  }
  return true;
}

/* A tab row: key cells up to the last text cell, then the amount columns
 * in order with their empty cells. Key cells are placed by kind, so a unit
 * code shifted one cell left by a merged header still lands in its
 * column. */
static grow *fit_tab_row(gtab *g, const tok *t, size_t n, int line) {
  const ys_ptable *pt = g->pt;
  /* Trailing empty cells beyond the table's width carry nothing. */
  while (n > g->nc && t[n - 1].kind == TK_EMPTY) n--;
  if (positional_fits(g, t, n)) {
    {
      grow *row = gt_row(g, line);
      if (!row) return NULL;
      for (size_t k = 0; k < n; k++) {
        row->cells[k] = t[k].s;
        row->clines[k] = t[k].line;
      }
      unsigned indent = 0;
      for (size_t k = 0; k < n; k++)
        if (pt->cols[k].show == PCOL_NAME) indent = t[k].indent;
      if (indent) {
        for (size_t k = 0; k < n; k++)
          if (pt->cols[k].show == PCOL_NAME && *row->cells[k]) {
            const char *s = row->cells[k];
            for (unsigned j = 0; j < indent; j++)
              s = ys_arena_printf(g->r->d->arena, "\xE3\x80\x80%s", s);
            row->cells[k] = s;
          }
      }
      row->placed = true;
      row_level(g, row, (int)indent * 2);
      return row;
    }
  }
  /* Otherwise: the first amount column starts after the last key cell. */
  size_t first_amount_col = g->na ? (size_t)g->acol[0] : g->nc;
  size_t after = g->nc - first_amount_col; /* columns from the first amount */
  size_t lt = SIZE_MAX;
  for (size_t i = 0; i < n; i++)
    if (t[i].kind == TK_TEXT) lt = i;
  size_t ks = lt == SIZE_MAX ? 0 : lt + 1; /* start of the amount cells */
  if (lt == SIZE_MAX) {
    /* No label: leading empty cells and codes are keys. */
    while (ks < n &&
           (t[ks].kind == TK_EMPTY ||
            (t[ks].kind == TK_INT && ks + 1 < n && ks < first_amount_col)))
      ks++;
    if (n - ks < after) ks = n > after ? n - after : 0;
  }
  grow *row = gt_row(g, line);
  if (!row) return NULL;
  size_t indent = 0;
  if (!fit_keys(g, row, t, ks, &indent)) {
    info(g->r, line, "此行的名称或编码多于报表格式的相应列，未读入");
    row->drop = true;
    g->unplaced++;
    return row;
  }
  size_t k = first_amount_col;
  for (size_t i = ks; i < n; i++, k++) {
    if (k >= g->nc) {
      if (t[i].kind != TK_EMPTY) {
        info(g->r, line, "此行的单元格多于报表格式的列数（多出“%s”），未读入",
             t[i].s);
        row->drop = true;
        g->unplaced++;
        return row;
      }
      continue;
    }
    row->cells[k] = t[i].s;
    row->clines[k] = t[i].line;
  }
  row->placed = true;
  row_level(g, row, (int)indent * 2);
  return row;
}

static bool is_op(const char *s) {
  static const char *const ops[] = {"=", "＝", "≥",  "≤",  "≧",    "≦",   "≠",
                                    ">", "<",  "＞", "＜", "定性", "定量"};
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (!strcmp(s, ops[i])) return true;
  return false;
}

static bool is_direction(const char *s) {
  return !strcmp(s, "正向指标") || !strcmp(s, "反向指标") ||
         !strcmp(s, "中性指标");
}

/* A row of a targets grid whose cells a converter shifted: placed by
 * kind. The indicator part starts at its level-1 label (产出指标 …) and
 * runs level 2, name, operator, value, unit, weight, direction; before it
 * stand the project's texts and amount — texts before the amount belong
 * to the text columns just before the amount column, texts after it to
 * the goal. Returns false when the cells do not fit that pattern. */
static bool fit_targets_row(gtab *g, grow *row, const tok *t, size_t n) {
  const ys_ptable *pt = g->pt;
  int col[PCOL_T_TARGET + 1];
  for (int k = 0; k <= PCOL_T_TARGET; k++) col[k] = -1;
  int amount_col = g->na ? g->acol[0] : -1;
  for (size_t k = 0; k < g->nc; k++) {
    pcol_show sh = pt->cols[k].show;
    if (sh <= PCOL_T_TARGET && col[sh] < 0) col[sh] = (int)k;
  }
  const tok *v[64];
  size_t m = 0;
  for (size_t i = 0; i < n && m < 64; i++)
    if (t[i].kind != TK_EMPTY) v[m++] = &t[i];
  size_t l1 = m;
  for (size_t i = 0; i < m; i++)
    if (is_l1(keyz(g->r, v[i]->s))) {
      l1 = i;
      break;
    }
  /* Project part. */
  size_t am = l1;
  for (size_t i = 0; i < l1; i++)
    if (v[i]->kind == TK_NUM || v[i]->kind == TK_INT) {
      am = i;
      break;
    }
  if (am < l1 && amount_col >= 0) {
    row->cells[amount_col] = v[am]->s;
    int k = amount_col - 1;
    for (size_t i = am; i-- > 0; k--) {
      while (k >= 0 && pt->cols[k].show != PCOL_TEXT) k--;
      if (k < 0) return false;
      row->cells[k] = v[i]->s;
    }
    const char *goal = "";
    for (size_t i = am + 1; i < l1; i++) goal = join_text(g->r, goal, v[i]->s);
    if (*goal) {
      if (col[PCOL_GOAL] < 0) return false;
      row->cells[col[PCOL_GOAL]] = goal;
    }
  } else if (l1 > 0) {
    return false;
  }
  if (l1 == m) return true;
  /* Indicator part. */
  size_t i = l1;
  if (col[PCOL_T_LEVEL1] < 0) return false;
  row->cells[col[PCOL_T_LEVEL1]] = v[i++]->s;
  if (i < m && col[PCOL_T_LEVEL2] >= 0 && strstr(v[i]->s, "指标") &&
      !is_direction(v[i]->s))
    row->cells[col[PCOL_T_LEVEL2]] = v[i++]->s;
  if (i < m && col[PCOL_T_NAME] >= 0 && !is_op(v[i]->s))
    row->cells[col[PCOL_T_NAME]] = v[i++]->s;
  if (i < m && col[PCOL_T_OP] >= 0 && is_op(v[i]->s))
    row->cells[col[PCOL_T_OP]] = v[i++]->s;
  if (i < m && col[PCOL_T_VALUE] >= 0 && !is_direction(v[i]->s))
    row->cells[col[PCOL_T_VALUE]] = v[i++]->s;
  if (i < m && col[PCOL_T_UNIT] >= 0 && v[i]->kind == TK_TEXT &&
      !is_direction(v[i]->s))
    row->cells[col[PCOL_T_UNIT]] = v[i++]->s;
  if (i < m && col[PCOL_T_WEIGHT] >= 0 && v[i]->kind == TK_INT)
    row->cells[col[PCOL_T_WEIGHT]] = v[i++]->s;
  if (i < m && col[PCOL_T_DIRECTION] >= 0 && is_direction(v[i]->s))
    row->cells[col[PCOL_T_DIRECTION]] = v[i++]->s;
  return i == m;
}

/* Header paths of the printed columns: for each header row, the label
 * over the column. A label printed once over several columns (a merged
 * cell) covers the columns to its right as long as the row above does not
 * start a new group there. */
static const char ***printed_paths(rd *r, const nrow *hdr, size_t nh,
                                   size_t width) {
  const char ***path = ys_arena_alloc(r->tmp, sizeof(char **) * (width + 1));
  if (!path) return NULL;
  for (size_t p = 0; p < width; p++) {
    path[p] = ys_arena_alloc(r->tmp, sizeof(char *) * (nh + 1));
    if (!path[p]) return NULL;
  }
  for (size_t h = 0; h < nh; h++) {
    const char *cur = "";
    for (size_t p = 0; p < width; p++) {
      const char *cell = p < hdr[h].n ? hdr[h].t[p].s : "";
      bool new_group = h > 0 && p < hdr[h - 1].n && *hdr[h - 1].t[p].s;
      if (*cell)
        cur = keyz(r, cell);
      else if (new_group || p == 0)
        cur = "";
      path[p][h] = cur;
    }
  }
  return path;
}

/* How well the labels printed over a column fit the labels over profile
 * column k: +2 for each printed label found there, −1 for each not. */
static int path_score(rd *r, const ys_ptable *pt, size_t k, const char **pp,
                      size_t nh) {
  const char *prof[16] = {NULL};
  int np = 0;
  for (int row = 0; row < pt->header_rows && row < 16; row++) {
    prof[np] = "";
    for (size_t h = 0; h < pt->n_header; h++) {
      const ys_header_cell *hc = &pt->header[h];
      if ((size_t)hc->col <= k && k < (size_t)(hc->col + hc->col_span) &&
          hc->row <= row && row < hc->row + hc->row_span)
        prof[np] = keyz(r, hc->text);
    }
    np++;
  }
  int score = 0;
  for (size_t h = 0; h < nh; h++) {
    if (!*pp[h] || (h > 0 && !strcmp(pp[h], pp[h - 1]))) continue;
    bool found = false;
    for (int i = 0; i < np && !found; i++) found = !strcmp(prof[i], pp[h]);
    score += found ? 2 : -1;
  }
  return score;
}

/* Maps the printed columns from A on to the profile's amount columns by
 * their header labels: the order-keeping alignment with the best label
 * agreement, where a profile column may be missing from the print (no
 * 政府性基金 columns, no 公务用车运行费) and a printed column may be
 * skipped only if it is empty in every row. Converters shift header cells
 * by a column now and then; the alignment absorbs that. Returns false when
 * the headers say nothing. */
static bool header_map(gtab *g, const nrow *hdr, size_t nh, const nrow *body,
                       size_t nb, size_t width, size_t A, int *map) {
  rd *r = g->r;
  if (!g->na || !nh || A == SIZE_MAX || A >= width) return false;
  const char ***path = printed_paths(r, hdr, nh, width);
  if (!path) return false;
  size_t P = width - A, M = g->na;
  bool *used = ys_arena_alloc(r->tmp, P + 1);
  int *sc = ys_arena_alloc(r->tmp, sizeof(int) * (P * M + 1));
  int *f = ys_arena_alloc(r->tmp, sizeof(int) * ((P + 1) * (M + 1)));
  if (!used || !sc || !f) return false;
  for (size_t i = 0; i < P; i++)
    for (size_t q = 0; q < nb && !used[i]; q++)
      used[i] = A + i < body[q].n && body[q].t[A + i].kind != TK_EMPTY;
  bool any = false;
  for (size_t i = 0; i < P; i++)
    for (size_t j = 0; j < M; j++) {
      sc[i * M + j] = path_score(r, g->pt, (size_t)g->acol[j], path[A + i], nh);
      if (sc[i * M + j] > 0) any = true;
    }
  if (!any) return false;
  const int NEG = -1000000;
#define F(i, j) f[(i) * (M + 1) + (j)]
  for (size_t i = P + 1; i-- > 0;)
    for (size_t j = M + 1; j-- > 0;) {
      if (i == P) {
        F(i, j) = 0;
        continue;
      }
      int best = NEG;
      if (!used[i] && F(i + 1, j) > best) best = F(i + 1, j);
      if (j < M) {
        if (F(i, j + 1) > best) best = F(i, j + 1);
        if (F(i + 1, j + 1) > NEG && F(i + 1, j + 1) + sc[i * M + j] > best)
          best = F(i + 1, j + 1) + sc[i * M + j];
      }
      F(i, j) = best;
    }
  if (F(0, 0) <= 0) return false;
  for (size_t p = 0; p < width; p++) map[p] = -1;
  size_t i = 0, j = 0;
  while (i < P) {
    if (j < M && F(i + 1, j + 1) > NEG &&
        F(i, j) == F(i + 1, j + 1) + sc[i * M + j]) {
      map[A + i] = g->acol[j];
      i++, j++;
    } else if (j < M && F(i, j) == F(i, j + 1)) {
      j++;
    } else {
      i++; /* an empty printed column */
    }
  }
#undef F
  return true;
}

/* Where the amounts of a tab table start: the column most rows put their
 * first amount in, right after their label. */
static size_t amount_start(const nrow *body, size_t nb) {
  size_t votes[64] = {0};
  for (size_t q = 0; q < nb; q++) {
    const tok *t = body[q].t;
    size_t lt = SIZE_MAX;
    for (size_t i = 0; i < body[q].n; i++)
      if (t[i].kind == TK_TEXT) lt = i;
    if (lt == SIZE_MAX) continue;
    for (size_t i = lt + 1; i < body[q].n && i < 64; i++)
      if (t[i].kind == TK_NUM || t[i].kind == TK_INT) {
        if (i == lt + 1)
          votes[i] += 2; /* label right before: strong */
        else
          votes[i]++;
        break;
      }
  }
  size_t best = SIZE_MAX;
  for (size_t i = 0; i < 64; i++)
    if (votes[i] && (best == SIZE_MAX || votes[i] > votes[best])) best = i;
  return best;
}

static int grid_tabs(rd *r, const treg *g0, ys_rtable *rt) {
  gtab g;
  if (gt_init(&g, r, g0->pt, rt->unit_known ? rt->unit : g0->pt->unit))
    return YS_ENOMEM;
  bool in_body = false;
  nrow *hdr = NULL, *body = NULL;
  size_t nh = 0, chdr = 0, nb = 0, cbody = 0, width = 0;
  for (size_t i = g0->body; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    if (blank(l)) continue;
    if (!memchr(l->s, '\t', l->len)) {
      if (is_note_line(r, l) || in_body) add_note(r, rt, l);
      continue;
    }
    size_t n = 0;
    tok *t = split_tabs(r, l, &n);
    if (!t) return YS_ENOMEM;
    if (n > width) width = n;
    if (!in_body) {
      /* The body starts at a row with an amount, or at a 合计 row whose
       * other cells are empty (an empty table); a header row has several
       * texts. */
      bool amount = false, total = false;
      int texts = 0;
      for (size_t j = 0; j < n; j++) {
        const char *k = lkey(r, t[j].s);
        if (t[j].kind == TK_NUM) amount = true;
        if (t[j].kind == TK_TEXT) texts++;
        if (!strcmp(k, "合计") || !strcmp(k, "总计")) total = true;
      }
      if (!amount && !(total && texts == 1)) {
        hdr = ys_arena_reserve(r->tmp, hdr, nh, &chdr, sizeof *hdr);
        if (!hdr) return YS_ENOMEM;
        hdr[nh++] = (nrow){t, n, 0, l->no};
        continue;
      }
      in_body = true;
    }
    body = ys_arena_reserve(r->tmp, body, nb, &cbody, sizeof *body);
    if (!body) return YS_ENOMEM;
    body[nb++] = (nrow){t, n, 0, l->no};
  }
  int *map = ys_arena_alloc(r->tmp, sizeof(int) * (width + 1));
  if (!map) return YS_ENOMEM;
  /* A table with text columns after its amounts (targets) is read by
   * position and kind only. */
  bool mixed = false;
  for (size_t k = g.na ? (size_t)g.acol[0] : g.nc; k < g.nc; k++)
    if (is_text_col(g0->pt->cols[k].show) && g0->pt->cols[k].show != PCOL_BLANK)
      mixed = true;
  size_t A = mixed ? SIZE_MAX : amount_start(body, nb);
  if (!header_map(&g, hdr, nh, body, nb, width, A, map)) {
    /* No usable header: amounts in order from A. */
    for (size_t p = 0; p < width; p++) map[p] = -1;
    if (A != SIZE_MAX && g.na)
      for (size_t p = A, a = 0; p < width && a < g.na; p++, a++)
        map[p] = g.acol[a];
  }
  for (size_t q = 0; q < nb; q++) {
    const tok *t = body[q].t;
    size_t n = body[q].n;
    bool use_map = A != SIZE_MAX;
    for (size_t p = A; use_map && p < n; p++)
      if (t[p].kind == TK_TEXT || (map[p] < 0 && t[p].kind != TK_EMPTY))
        use_map = false;
    for (size_t p = 0; use_map && p < A && p < n; p++)
      if (t[p].kind == TK_NUM) use_map = false;
    if (!use_map && mixed) {
      /* Positions if they fit, else by kind. */
      if (!positional_fits(&g, t, n)) {
        grow *row = gt_row(&g, body[q].line);
        if (!row) return YS_ENOMEM;
        if (!fit_targets_row(&g, row, t, n)) {
          info(r, row->line, "此行的单元格无法与报表格式的列对应，未读入");
          row->drop = true;
          g.unplaced++;
        }
        row->placed = true;
        continue;
      }
    }
    if (!use_map) {
      if (!fit_tab_row(&g, t, n, body[q].line)) return YS_ENOMEM;
      continue;
    }
    grow *row = gt_row(&g, body[q].line);
    if (!row) return YS_ENOMEM;
    size_t indent = 0;
    if (!fit_keys(&g, row, t, A < n ? A : n, &indent)) {
      info(r, row->line, "此行的名称或编码多于报表格式的相应列，未读入");
      row->drop = true;
      g.unplaced++;
      continue;
    }
    for (size_t p = A; p < n; p++)
      if (map[p] >= 0) {
        row->cells[map[p]] = t[p].s;
        row->clines[map[p]] = t[p].line;
      }
    row->placed = true;
    row_level(&g, row, (int)indent * 2);
  }
  place_amounts(&g);
  return gt_emit(&g, rt);
}

/* --- cells broken over lines, rows numbered (Hebei) -------------------- */

/* The body tokens of a table whose header ends with a "栏次 1 2 3" line and
 * repeats on every page: page headers and page numbers are skipped, amounts
 * and codes broken over lines are joined. */
static tok *numbered_tokens(rd *r, const treg *g0, ys_rtable *rt, size_t *nt) {
  *nt = 0;
  size_t i = g0->body;
  /* The page header starts with the first line after the title. */
  while (i < g0->end && blank(&r->L[i])) i++;
  const char *sig = i < g0->end ? line_key(r, &r->L[i]) : "";
  tok *v = NULL;
  size_t n = 0, cap = 0;
  bool in_header = true, in_note = false;
  for (; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    if (blank(l)) continue;
    const char *k = line_key(r, l);
    if (*sig && !strcmp(k, sig)) {
      in_header = true;
      /* A page number just before the header: drop it — unless it ends
       * an amount broken over lines ("261.4" "0"). */
      bool completes = false;
      if (n >= 2 && v[n - 2].kind == TK_NUM) {
        const char *dot = strchr(v[n - 2].s, '.');
        completes = dot && (int)strlen(dot + 1) < g0->pt->decimals;
      }
      if (n && !completes && v[n - 1].kind == TK_INT && v[n - 1].line < l->no &&
          (n < 2 || v[n - 2].line != v[n - 1].line)) {
        const ys_tline *pl = NULL;
        for (size_t j = i; j-- > g0->body;)
          if (!blank(&r->L[j])) {
            pl = &r->L[j];
            break;
          }
        if (pl && pl->no == v[n - 1].line) n--;
      }
      continue;
    }
    if (in_header) {
      if (starts(k, "栏次")) in_header = false;
      continue;
    }
    if (in_note || is_note_line(r, l)) {
      add_note(r, rt, l);
      in_note = true;
      continue;
    }
    v = split_line(r, l, v, &n, &cap);
    if (!v) return NULL;
  }
  /* Join "5846." + "29" and "261.4" + "0" (2-decimal tables). */
  int dec = g0->pt->decimals;
  size_t w = 0;
  for (size_t j = 0; j < n; j++) {
    if (w > 0 && v[j].kind == TK_INT && v[w - 1].kind == TK_NUM) {
      const char *a = v[w - 1].s, *dot = strchr(a, '.');
      if (dot && !strchr(a, ',')) {
        int have = (int)strlen(dot + 1);
        if (have < dec && (int)strlen(v[j].s) == dec - have) {
          v[w - 1].s = ys_arena_printf(r->d->arena, "%s%s", a, v[j].s);
          continue;
        }
      }
    }
    v[w++] = v[j];
  }
  *nt = w;
  return v;
}

/* Rows of a numbered body: a row starts at the integer that continues the
 * 序号 count, once the current row holds something. A code split over two
 * lines ("20805" "05") is joined. */

static nrow *numbered_rows(rd *r, tok *v, size_t n, size_t *nr,
                           int *stray_line) {
  *nr = 0;
  *stray_line = 0;
  nrow *rows = ys_arena_alloc(r->tmp, sizeof(nrow) * (n + 1));
  if (!rows) return NULL;
  int expect = 1;
  nrow *cur = NULL;
  for (size_t j = 0; j < n; j++) {
    bool start =
        v[j].kind == TK_INT && atoi(v[j].s) == expect && v[j].s[0] != '0' &&
        (!cur || cur->n > 1 || (cur->n == 1 && cur->t[0].kind != TK_INT));
    if (cur && start && cur->n >= 1) {
      /* A row needs more than its number and a code. */
      bool has = false;
      for (size_t q = 1; q < cur->n; q++)
        if (cur->t[q].kind == TK_TEXT || cur->t[q].kind == TK_NUM) has = true;
      if (!has && cur->n > 0) start = false;
    }
    if (start) {
      cur = &rows[(*nr)++];
      cur->t = &v[j];
      cur->n = 1;
      cur->rownum = expect++;
      cur->line = v[j].line;
      continue;
    }
    if (!cur) {
      if (!*stray_line) *stray_line = v[j].line;
      continue;
    }
    /* Tokens are contiguous in v, so extending is a count. */
    if (cur->t + cur->n == &v[j]) cur->n++;
  }
  /* Join split codes: number, code (3 or 5 digits), 2-digit piece. */
  for (size_t q = 0; q < *nr; q++) {
    nrow *x = &rows[q];
    if (x->n >= 3 && x->t[1].kind == TK_INT && x->t[2].kind == TK_INT) {
      size_t l1 = strlen(x->t[1].s), l2 = strlen(x->t[2].s);
      if ((l1 == 3 || l1 == 5) && l2 == 2) {
        tok *t = ys_arena_alloc(r->tmp, sizeof(tok) * x->n);
        if (!t) return NULL;
        memcpy(t, x->t, sizeof(tok) * x->n);
        t[1].s = ys_arena_printf(r->d->arena, "%s%s", x->t[1].s, x->t[2].s);
        memmove(&t[2], &t[3], sizeof(tok) * (x->n - 3));
        x->t = t;
        x->n--;
      }
    }
  }
  return rows;
}

static int grid_numbered(rd *r, const treg *g0, ys_rtable *rt) {
  gtab g;
  if (gt_init(&g, r, g0->pt, rt->unit_known ? rt->unit : g0->pt->unit))
    return YS_ENOMEM;
  size_t nt = 0;
  tok *v = numbered_tokens(r, g0, rt, &nt);
  if (!v && nt) return YS_ENOMEM;
  size_t nr = 0;
  int stray = 0;
  nrow *rows = nt ? numbered_rows(r, v, nt, &nr, &stray) : NULL;
  if (nt && !rows) return YS_ENOMEM;
  if (stray)
    info(r, stray, "%s：表头之后、第 1 行之前的内容无法归入任何一行，未读入",
         rt->title);
  int rn_col = -1;
  for (size_t k = 0; k < g.nc; k++)
    if (g0->pt->cols[k].show == PCOL_ROWNUM) rn_col = (int)k;
  for (size_t q = 0; q < nr; q++) {
    nrow *x = &rows[q];
    grow *row = fit_tokens(&g, x->t + 1, x->n - 1, x->line, true);
    if (!row) return YS_ENOMEM;
    row->rownum = x->rownum;
    if (rn_col >= 0) {
      row->cells[rn_col] = x->t[0].s;
      row->clines[rn_col] = x->t[0].line;
    }
  }
  place_amounts(&g);
  return gt_emit(&g, rt);
}

/* --- panels (收支总表) ---------------------------------------------------- */

typedef struct plabel {
  const char *key;
  int panel;
  int index; /* position in rows then footer */
  int kind;  /* 0 body row, 1 the footer's first total, 2 other footer */
} plabel;

/* An entry of a panel with several amount columns, placed after the whole
 * table is read so that the column sums can decide where its amounts go. */
typedef struct pdefer {
  size_t row; /* index in rt->rows */
  int panel, kind, line;
  tok *amt;
  size_t namt;
} pdefer;

typedef struct ptab {
  rd *r;
  const ys_ptable *pt;
  int width;
  int *off; /* label column of each panel */
  plabel *lab;
  size_t nlab;
  int *cursor;
  ys_unit unit;
  int ambiguous, first_ambiguous_line;
  pdefer *def;
  size_t ndef, cdef;
  bool codes; /* a panel has a code column (科目编码 before the name) */
} ptab;

static void plabels_add(ptab *p, const char *k, int panel, int index, int kind,
                        size_t *cap) {
  if (!*k) return;
  p->lab = ys_arena_reserve(p->r->tmp, p->lab, p->nlab, cap, sizeof *p->lab);
  if (!p->lab) return;
  p->lab[p->nlab].key = k;
  p->lab[p->nlab].panel = panel;
  p->lab[p->nlab].index = index;
  p->lab[p->nlab].kind = kind;
  p->nlab++;
}

static int pt_init(ptab *p, rd *r, const ys_ptable *pt, ys_unit unit) {
  memset(p, 0, sizeof *p);
  p->r = r;
  p->pt = pt;
  p->unit = unit;
  p->off = ys_arena_alloc(r->tmp, sizeof(int) * (pt->npanels + 1));
  p->cursor = ys_arena_alloc(r->tmp, sizeof(int) * (pt->npanels + 1));
  if (!p->off || !p->cursor) return YS_ENOMEM;
  int w = pt->rownum ? 1 : 0;
  size_t cap = 0;
  for (size_t q = 0; q < pt->npanels; q++) {
    const ys_ppanel *pp = &pt->panels[q];
    p->off[q] = w + (pp->code ? 1 : 0);
    if (pp->code) p->codes = true;
    w += ys_ppanel_width(pp);
    int idx = 0;
    bool seen_total = false;
    for (int pass = 0; pass < 2; pass++) {
      const ys_prow *rows = pass ? pp->footer : pp->rows;
      size_t n = pass ? pp->n_footer : pp->n_rows;
      for (size_t i = 0; i < n; i++, idx++) {
        const ys_prow *pr = &rows[i];
        int kind = 0;
        if (pass) {
          kind = pr->total && !seen_total ? 1 : 2;
          if (pr->total) seen_total = true;
        }
        if (pr->kind == PROW_FIXED) {
          plabels_add(p, lkey(r, pr->label), (int)q, idx, kind, &cap);
        } else if (pr->kind == PROW_CLASSES && r->cat) {
          /* One slot per class, in code order, so the cursor moves past
           * the classes already read and not past all of them. */
          for (int c = 0; c < pr->n_codes; c++, idx++) {
            const ys_cat_entry *e[8];
            size_t nv =
                ys_catalog_versions(r->cat, pr->cls, pr->codes[c], e, 8);
            for (size_t m = 0; m < nv && m < 8; m++)
              plabels_add(p, lkey(r, e[m]->name), (int)q, idx, 0, &cap);
          }
        }
      }
    }
  }
  p->width = w;
  return YS_OK;
}

/* Panels a label can belong to, at or after each panel's cursor. Returns
 * the first panel > after whose rows hold the label, or -1. */
static int panel_of(ptab *p, const char *label, int after, int *index) {
  const char *k = lkey(p->r, label);
  if (!*k) return -1;
  int best = -1, bidx = 0;
  for (int pass = 0; pass < 2 && best < 0; pass++)
    for (size_t i = 0; i < p->nlab; i++) {
      const plabel *x = &p->lab[i];
      if (x->panel <= after) continue;
      if (pass == 0 && x->index < p->cursor[x->panel]) continue;
      if (strcmp(x->key, k)) continue;
      if (best < 0 || x->panel < best) {
        best = x->panel;
        bidx = x->index;
      }
    }
  if (index) *index = bidx;
  return best;
}

/* The kind of a panel's slot (body row, first footer total, other). */
static int slot_kind(const ptab *p, int panel, int index) {
  for (size_t i = 0; i < p->nlab; i++)
    if (p->lab[i].panel == panel && p->lab[i].index == index)
      return p->lab[i].kind;
  return 2;
}

typedef struct pgroup_ {
  const char *label;
  const char *code; /* the 科目编码 before the label, or NULL */
  int line;
  tok *amt;
  size_t namt;
} pgroup_;

/* Merges text tokens that belong to one label: "三" "、机关…", a label
 * broken over lines. A new label starts at list numbering ("一、", "(1)",
 * "1、") or at a label the panels know. */
static bool label_start(ptab *p, const char *s) {
  const char *k = keyz(p->r, s);
  size_t c = cn_run(k);
  if (c && starts(k + c, "、")) return true;
  if (*k == '(') return true;
  const char *q = k;
  while (*q >= '0' && *q <= '9') q++;
  if (q > k && (starts(q, "、") || *q == '.')) return true;
  if (starts(k, "其中")) return true;
  return panel_of(p, s, -1, NULL) >= 0;
}

static pgroup_ *panel_groups(ptab *p, const tok *t, size_t n, size_t *ng,
                             bool broken) {
  *ng = 0;
  pgroup_ *gs = ys_arena_alloc(p->r->tmp, sizeof(pgroup_) * (n + 1));
  if (!gs) return NULL;
  pgroup_ *cur = NULL;
  for (size_t i = 0; i < n; i++) {
    /* In a panel with a code column, a 3-, 5- or 7-digit integer before a
     * name is the name's 科目编码, not an amount. */
    size_t cl = t[i].kind == TK_INT ? strlen(t[i].s) : 0;
    if (p->codes && (cl == 3 || cl == 5 || cl == 7) && i + 1 < n &&
        t[i + 1].kind == TK_TEXT) {
      cur = &gs[(*ng)++];
      cur->code = t[i].s;
      cur->label = t[i + 1].s;
      cur->line = t[i].line;
      cur->amt = ys_arena_alloc(p->r->tmp, sizeof(tok) * (n + 1));
      cur->namt = 0;
      if (!cur->amt) return NULL;
      i++;
      continue;
    }
    if (t[i].kind == TK_TEXT) {
      const char *ck = cur ? keyz(p->r, cur->label) : "";
      /* Only numbering so far ("二十四、" then "预备费"). */
      bool bare = cur && !*strip_numbering(p->r, ck);
      /* After its amounts a label goes on only if it is still incomplete
       * (a page break cut "八、社会" from "保障和就业支出"). */
      bool open = cur && (cur->namt == 0 ||
                          (broken && panel_of(p, cur->label, -1, NULL) < 0));
      bool cont = cur && open &&
                  (bare || !label_start(p, t[i].s) ||
                   /* "三" "、机关…" */
                   starts(t[i].s, "、") || cn_run(ck) == strlen(ck));
      if (cont && !broken) {
        /* Space-separated: a bare label followed by another bare label is
         * two labels unless one is a fragment. */
        cont = bare || starts(t[i].s, "、") || starts(t[i].s, ")") ||
               starts(t[i].s, "）") || cn_run(ck) == strlen(ck) ||
               (strlen(ck) <= 4 && ck[0] == '(');
      }
      if (cont) {
        cur->label = join_text(p->r, cur->label, t[i].s);
        continue;
      }
      cur = &gs[(*ng)++];
      cur->label = t[i].s;
      cur->code = NULL;
      cur->line = t[i].line;
      cur->amt = ys_arena_alloc(p->r->tmp, sizeof(tok) * (n + 1));
      cur->namt = 0;
      if (!cur->amt) return NULL;
      continue;
    }
    if (!cur) {
      cur = &gs[(*ng)++];
      cur->label = "";
      cur->code = NULL;
      cur->line = t[i].line;
      cur->amt = ys_arena_alloc(p->r->tmp, sizeof(tok) * (n + 1));
      cur->namt = 0;
      if (!cur->amt) return NULL;
    }
    cur->amt[cur->namt++] = t[i];
  }
  return gs;
}

/* Places a group's amounts into a panel's amount columns. With fewer
 * amounts than columns: the first column is the total of the others when
 * the panel's first amount column is unrestricted; placements keeping that
 * are tried left to right. */
static bool panel_amounts(ptab *p, int panel, const pgroup_ *grp,
                          ys_rrow *row) {
  const ys_ppanel *pp = &p->pt->panels[panel];
  int m = pp->n_amounts > 0 ? pp->n_amounts : 1;
  int base = p->off[panel] + 1;
  if ((int)grp->namt > m) return false;
  if ((int)grp->namt == m) {
    for (int j = 0; j < m; j++) {
      row->cells[base + j].text = grp->amt[j].s;
      row->cells[base + j].line = grp->amt[j].line;
    }
    return true;
  }
  if (grp->namt == 0) return true;
  /* Leftmost placement keeping "first = Σ rest" (when it applies). */
  bool first_total = m > 1;
  if (first_total) {
    const ys_qfilter *f0 = &pp->amounts[0];
    first_total = !f0->funds && !f0->periods && !f0->kinds && !f0->natures;
  }
  size_t k = grp->namt;
  unsigned char idx[64];
  if (m > 64) return false;
  for (size_t i = 0; i < k; i++) idx[i] = (unsigned char)i;
  int tries = 0, found = -1;
  unsigned char best[64];
  for (;;) {
    bool good = true;
    if (first_total) {
      int64_t tot = 0, s = 0, tol = 0;
      bool has_tot = false;
      for (size_t i = 0; i < k; i++) {
        aval a = parse_amount(grp->amt[i].s, p->unit);
        if (!a.ok) continue;
        tol += a.rad;
        if (idx[i] == 0) {
          tot = a.fen;
          has_tot = true;
        } else
          s += a.fen;
      }
      int64_t d = (has_tot ? tot : 0) - s;
      if (d < 0) d = -d;
      good = d <= tol;
    }
    if (good) {
      if (found < 0) {
        memcpy(best, idx, k);
        found = tries;
      } else {
        p->ambiguous++;
        if (!p->first_ambiguous_line) p->first_ambiguous_line = grp->line;
        break;
      }
    }
    tries++;
    size_t i = k;
    while (i > 0 && idx[i - 1] == (unsigned)(m - (int)k + (int)i - 1)) i--;
    if (i == 0) break;
    idx[i - 1]++;
    for (size_t j = i; j < k; j++) idx[j] = (unsigned char)(idx[j - 1] + 1);
  }
  if (found < 0) return false;
  for (size_t i = 0; i < k; i++) {
    row->cells[base + best[i]].text = grp->amt[i].s;
    row->cells[base + best[i]].line = grp->amt[i].line;
  }
  return true;
}

/* One printed row of a panels table from its tokens. */
static int panel_row(ptab *p, ys_rtable *rt, const tok *t, size_t n, int line,
                     const tok *rownum, bool broken) {
  rd *r = p->r;
  size_t ng = 0;
  pgroup_ *gs = panel_groups(p, t, n, &ng, broken);
  if (!gs) return n ? YS_ENOMEM : YS_OK;
  if (!ng) return YS_OK;
  ys_rrow *row = ys_rtable_add_row(r->d, rt, (size_t)p->width, line);
  if (!row) return YS_ENOMEM;
  if (rownum && p->pt->rownum) {
    row->cells[0].text = rownum->s;
    row->cells[0].line = rownum->line;
  }
  int np = (int)p->pt->npanels;
  bool positional = (int)ng == np;
  int last = -1;
  for (size_t i = 0; i < ng; i++) {
    pgroup_ *grp = &gs[i];
    int idx = 0, panel;
    if (positional) {
      panel = (int)i;
      int li = 0;
      if (panel_of(p, grp->label, panel - 1, &li) == panel)
        idx = li;
      else
        idx = p->cursor[panel];
    } else {
      panel = panel_of(p, grp->label, last, &idx);
    }
    if (panel < 0 || panel <= last) {
      info(r, grp->line, "%s：“%s”不是报表格式中任何一栏的项目，未读入",
           rt->title, *grp->label ? grp->label : grp->amt[0].s);
      continue;
    }
    last = panel;
    p->cursor[panel] = idx + 1;
    row->cells[p->off[panel]].text = grp->label;
    row->cells[p->off[panel]].line = grp->line;
    const ys_ppanel *pp = &p->pt->panels[panel];
    if (pp->code && grp->code) {
      row->cells[p->off[panel] - 1].text = grp->code;
      row->cells[p->off[panel] - 1].line = grp->line;
    }
    if (pp->n_amounts > 1 && grp->namt <= (size_t)pp->n_amounts) {
      p->def =
          ys_arena_reserve(r->tmp, p->def, p->ndef, &p->cdef, sizeof *p->def);
      if (!p->def) return YS_ENOMEM;
      p->def[p->ndef++] =
          (pdefer){rt->nrows - 1, panel,    slot_kind(p, panel, idx),
                   grp->line,     grp->amt, grp->namt};
      continue;
    }
    if (!panel_amounts(p, panel, grp, row))
      info(r, grp->line, "%s：“%s”的金额个数与报表格式不符，金额未读入",
           rt->title, grp->label);
  }
  return YS_OK;
}

/* Places the deferred amounts of each panel with several amount columns:
 * the panel's rows sum to its first footer total column by column, and
 * the first amount column is the sum of the others when it is
 * unrestricted; the placement search of grid tables decides. */
static int panels_settle(ptab *p, ys_rtable *rt) {
  rd *r = p->r;
  for (size_t q = 0; q < p->pt->npanels; q++) {
    const ys_ppanel *pp = &p->pt->panels[q];
    int m = pp->n_amounts;
    if (m <= 1) continue;
    ys_ptable *fake = ys_arena_alloc(r->tmp, sizeof *fake);
    ys_pcol *cols = ys_arena_alloc(r->tmp, sizeof(ys_pcol) * (size_t)m);
    if (!fake || !cols) return YS_ENOMEM;
    fake->cols = cols;
    fake->ncols = (size_t)m;
    fake->decimals = p->pt->decimals;
    const ys_qfilter *f0 = &pp->amounts[0];
    if (!f0->funds && !f0->periods && !f0->kinds && !f0->natures)
      for (int k = 1; k < m && k <= YS_MAX_SUM_OF; k++)
        cols[0].sum_of[cols[0].n_sum_of++] = k;
    gtab g;
    if (gt_init(&g, r, fake, p->unit)) return YS_ENOMEM;
    size_t *at = ys_arena_alloc(r->tmp, sizeof(size_t) * (p->ndef + 1));
    if (!at) return YS_ENOMEM;
    size_t n = 0;
    /* The total first, so the tree sees it as the parent of the rows. */
    for (int pass = 0; pass < 2; pass++)
      for (size_t i = 0; i < p->ndef; i++) {
        pdefer *d = &p->def[i];
        if (d->panel != (int)q || (pass == 0) != (d->kind == 1)) continue;
        grow *row = gt_row(&g, d->line);
        if (!row) return YS_ENOMEM;
        row->amt = d->amt;
        row->namt = d->namt;
        row->level = d->kind == 1 ? 0 : d->kind == 0 ? 1 : -1;
        at[n++] = i;
      }
    place_amounts(&g);
    p->ambiguous += g.ambiguous;
    if (g.ambiguous && (!p->first_ambiguous_line ||
                        g.first_ambiguous_line < p->first_ambiguous_line))
      p->first_ambiguous_line = g.first_ambiguous_line;
    int base = p->off[q] + 1;
    for (size_t j = 0; j < n; j++) {
      grow *row = &g.rows[j];
      if (row->drop) continue;
      ys_rrow *o = &rt->rows[p->def[at[j]].row];
      for (int k = 0; k < m; k++)
        if (*row->cells[k]) {
          o->cells[base + k].text = row->cells[k];
          o->cells[base + k].line = row->clines[k];
        }
    }
  }
  return YS_OK;
}

static int panels_spaces(rd *r, const treg *g0, ys_rtable *rt) {
  ptab p;
  if (pt_init(&p, r, g0->pt, rt->unit_known ? rt->unit : g0->pt->unit))
    return YS_ENOMEM;
  bool in_body = false, in_note = false;
  for (size_t i = g0->body; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    if (blank(l)) continue;
    if (in_note || is_note_line(r, l)) {
      add_note(r, rt, l);
      in_note = true;
      continue;
    }
    if (!in_body && is_meta_line(r, l)) continue;
    tok *t = NULL;
    size_t n = 0, cap = 0;
    t = split_line(r, l, t, &n, &cap);
    if (!t) return n ? YS_ENOMEM : YS_OK;
    if (!in_body) {
      bool amount = false;
      for (size_t j = 0; j < n; j++)
        if (t[j].kind == TK_NUM || t[j].kind == TK_INT) amount = true;
      if (!amount) continue;
      in_body = true;
    }
    int rc = panel_row(&p, rt, t, n, l->no, NULL, false);
    if (rc) return rc;
  }
  int src = panels_settle(&p, rt);
  if (src) return src;
  if (p.ambiguous)
    info(r, p.first_ambiguous_line,
         "%s：%d 个项目的金额少于金额列数，已按印出顺序从左到右填入（请核对）",
         rt->title, p.ambiguous);
  return YS_OK;
}

static int panels_tabs(rd *r, const treg *g0, ys_rtable *rt) {
  ptab p;
  if (pt_init(&p, r, g0->pt, rt->unit_known ? rt->unit : g0->pt->unit))
    return YS_ENOMEM;
  bool in_body = false;
  for (size_t i = g0->body; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    if (blank(l)) continue;
    if (!memchr(l->s, '\t', l->len)) {
      if (is_note_line(r, l) || in_body) add_note(r, rt, l);
      continue;
    }
    size_t n = 0;
    tok *t = split_tabs(r, l, &n);
    if (!t) return YS_ENOMEM;
    if (!in_body) {
      bool amount = false;
      for (size_t j = 0; j < n; j++) amount |= t[j].kind == TK_NUM;
      if (!amount) continue;
      in_body = true;
    }
    while (n > (size_t)p.width && t[n - 1].kind == TK_EMPTY) n--;
    if (n == (size_t)p.width) {
      ys_rrow *row = ys_rtable_add_row(r->d, rt, n, l->no);
      if (!row) return YS_ENOMEM;
      for (size_t k = 0; k < n; k++) row->cells[k].text = t[k].s;
      /* keep the cursors in step for rows read by label elsewhere */
      continue;
    }
    /* A row narrower or wider than the layout: read it by labels. */
    tok *nz = ys_arena_alloc(r->tmp, sizeof(tok) * (n + 1));
    if (!nz) return YS_ENOMEM;
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
      if (t[k].kind != TK_EMPTY) nz[m++] = t[k];
    int rc = panel_row(&p, rt, nz, m, l->no, NULL, false);
    if (rc) return rc;
  }
  return YS_OK;
}

static int panels_numbered(rd *r, const treg *g0, ys_rtable *rt) {
  ptab p;
  if (pt_init(&p, r, g0->pt, rt->unit_known ? rt->unit : g0->pt->unit))
    return YS_ENOMEM;
  size_t nt = 0;
  tok *v = numbered_tokens(r, g0, rt, &nt);
  if (!v && nt) return YS_ENOMEM;
  size_t nr = 0;
  int stray = 0;
  nrow *rows = nt ? numbered_rows(r, v, nt, &nr, &stray) : NULL;
  if (nt && !rows) return YS_ENOMEM;
  if (stray)
    info(r, stray, "%s：表头之后、第 1 行之前的内容无法归入任何一行，未读入",
         rt->title);
  for (size_t q = 0; q < nr; q++) {
    int rc = panel_row(&p, rt, rows[q].t + 1, rows[q].n - 1, rows[q].line,
                       &rows[q].t[0], true);
    if (rc) return rc;
  }
  int src = panels_settle(&p, rt);
  if (src) return src;
  if (p.ambiguous)
    info(r, p.first_ambiguous_line,
         "%s：%d 个项目的金额少于金额列数，已按印出顺序从左到右填入（请核对）",
         rt->title, p.ambiguous);
  return YS_OK;
}

/* --- 绩效目标 forms ------------------------------------------------------- */

/* Reading a form: labelled rows ("项目名称 X", "实施期资金总额： 5"),
 * indicator rows under "一级指标 二级指标 指标内容 指标值", task rows under
 * "任务名称 主要内容 … 总额 财政拨款 其他资金". Labels printed one
 * character per line ("产\n出\n指\n标") are joined. The rows follow
 * check.c's reading of targets tables. */

/* A target value starts with a comparison or a digit. */
static bool value_start(const char *s) {
  static const char *const ops[] = {"≥", "≤", "＞", "＜", "≧", "≦",
                                    "=", ">", "<",  "＝", "≠"};
  if (*s >= '0' && *s <= '9') return true;
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (starts(s, ops[i])) return true;
  return false;
}

/* Can k be read as a run of form labels, the last possibly cut short
 * ("满意度指标服务对象满意"): then it is label text broken over lines, as
 * forms print their row labels ("产\n出\n指\n标", "满意度指\n标"). */
static bool label_run(const char *k) {
  if (!*k) return true;
  const char *const *sets[] = {L1_LABELS, L2_LABELS, SKIP_LABELS, GOAL_LABELS};
  const size_t ns[] = {sizeof L1_LABELS / sizeof *L1_LABELS,
                       sizeof L2_LABELS / sizeof *L2_LABELS,
                       sizeof SKIP_LABELS / sizeof *SKIP_LABELS,
                       sizeof GOAL_LABELS / sizeof *GOAL_LABELS};
  size_t kl = strlen(k);
  for (size_t s = 0; s < 4; s++)
    for (size_t i = 0; i < ns[s]; i++) {
      const char *lab = sets[s][i];
      size_t ll = strlen(lab);
      if (kl <= ll && !strncmp(lab, k, kl)) return true; /* cut short */
      if (kl > ll && !strncmp(lab, k, ll) && label_run(k + ll)) return true;
    }
  return false;
}

static ys_rrow *form_row(rd *r, ys_rtable *rt, int line, size_t n, ...) {
  ys_rrow *row = ys_rtable_add_row(r->d, rt, n, line);
  if (!row) return NULL;
  va_list ap;
  va_start(ap, n);
  for (size_t i = 0; i < n; i++) {
    const char *s = va_arg(ap, const char *);
    row->cells[i].text = s ? s : "";
  }
  va_end(ap);
  return row;
}

typedef struct form {
  rd *r;
  ys_rtable *rt;
  enum { S_HEAD, S_FUNDS, S_GOAL, S_IND, S_TASK } st;
  const char *l1, *l2;
  const char *buf; /* label fragments not yet understood (a key) */
  int buf_line;
  const char *goal;
  int goal_line;
  const char *task, *desc;
  int task_line;
  const char *pname; /* an indicator name whose value is still to come */
  int pname_line;
  int short_line; /* first task row printed with fewer than 3 amounts */
} form;

static int form_goal_end(form *f) {
  if (f->goal && *f->goal &&
      !form_row(f->r, f->rt, f->goal_line, 2, "总体目标", f->goal))
    return YS_ENOMEM;
  f->goal = NULL;
  return YS_OK;
}

/* Reads the label fragments collected so far: level-1 and level-2 labels,
 * a goal heading, or labels that only structure the form. What is left is
 * the start of an indicator name. */
static int form_flush(form *f) {
  const char *k = f->buf;
  while (*k) {
    const char *m;
    if ((m = PREFIX_OF(k, SKIP_LABELS))) {
      k += strlen(m);
    } else if ((m = PREFIX_OF(k, GOAL_LABELS))) {
      if (form_goal_end(f)) return YS_ENOMEM;
      f->st = S_GOAL;
      f->goal = "";
      f->goal_line = f->buf_line;
      k += strlen(m);
    } else if ((m = PREFIX_OF(k, L1_LABELS)) &&
               !(strlen(k) == strlen(m) && *f->l1 && f->st == S_IND &&
                 !strcmp(m, "满意度指标") && !strcmp(f->l1, "满意度指标"))) {
      f->l1 = m;
      f->l2 = "";
      k += strlen(m);
    } else if ((m = PREFIX_OF(k, L2_LABELS))) {
      f->l2 = m;
      k += strlen(m);
    } else {
      break;
    }
  }
  f->buf = k;
  return YS_OK;
}

/* Reading a 绩效目标 form: labelled rows ("项目名称 X", "实施期资金总额：
 * 5"), indicator rows under "一级指标 二级指标 指标内容 指标值", task rows
 * under "任务名称 主要内容 … 总额 财政拨款 其他资金". Labels printed over
 * several lines ("产\n出\n指\n标", "满意度指\n标") are joined. The rows follow
 * check.c's reading of targets tables. */
static int targets_form(rd *r, const treg *g0, ys_rtable *rt) {
  form F = {r, rt, S_HEAD, "", "", "", 0, NULL, 0, NULL, "", 0, "", 0, 0};
  form *f = &F;
  bool in_note = false;
  for (size_t i = g0->body; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    if (blank(l)) continue;
    if (in_note || is_note_line(r, l)) {
      add_note(r, rt, l);
      in_note = true;
      continue;
    }
    if (is_meta_line(r, l)) continue;
    const char *k = line_key(r, l);
    if (!strcmp(k, "(万元)") || !strcmp(k, "(元)") || !strcmp(k, "资金金额") ||
        !strcmp(k, "资金金额(万元)") || !strcmp(k, "预算金额(万元)")) {
      if (f->st != S_TASK) {
        if (form_goal_end(f)) return YS_ENOMEM;
        f->st = S_FUNDS;
      }
      continue;
    }
    if (f->st != S_TASK && *k &&
        label_run(ys_arena_printf(r->tmp, "%s%s", f->buf, k))) {
      if (!*f->buf) f->buf_line = l->no;
      f->buf = ys_arena_printf(r->tmp, "%s%s", f->buf, k);
      continue;
    }
    if (*f->buf && form_flush(f)) return YS_ENOMEM;
    tok *t = NULL;
    size_t n = 0, cap = 0;
    t = split_line(r, l, t, &n, &cap);
    if (!t) return n ? YS_ENOMEM : YS_OK;
    const char *k0 = lkey(r, t[0].s);
    if (!strcmp(k0, "项目名称") || !strcmp(k0, "主管部门") ||
        !strcmp(k0, "部门(单位)名称") || !strcmp(k0, "部门名称") ||
        !strcmp(k0, "单位名称")) {
      if (form_goal_end(f)) return YS_ENOMEM;
      const char *rest = "";
      for (size_t j = 1; j < n; j++) rest = join_text(r, rest, t[j].s);
      if (!strcmp(k0, "项目名称") && !*rest) {
        /* The name on the following lines, up to 主管部门. */
        size_t j = i + 1;
        for (; j < g0->end; j++) {
          if (blank(&r->L[j])) continue;
          if (starts(line_key(r, &r->L[j]), "主管部门")) break;
          rest = join_text(r, rest, trimdup(r, r->L[j].s, r->L[j].len));
        }
        i = j - 1;
      }
      if (!form_row(r, rt, l->no, 2, trimdup(r, t[0].s, strlen(t[0].s)), rest))
        return YS_ENOMEM;
      f->st = S_HEAD;
      continue;
    }
    if (strstr(k, "二级指标") && strstr(k, "指标值")) {
      if (form_goal_end(f)) return YS_ENOMEM;
      f->st = S_IND;
      f->buf = "";
      if (!form_row(r, rt, l->no, 5, "一级指标", "二级指标", "指标内容",
                    "指标值", "备注"))
        return YS_ENOMEM;
      continue;
    }
    if (!strcmp(k0, "任务名称")) {
      if (form_goal_end(f)) return YS_ENOMEM;
      f->st = S_TASK;
      if (!form_row(r, rt, l->no, 5, "任务名称", "主要内容", "总额", "财政拨款",
                    "其他资金"))
        return YS_ENOMEM;
      continue;
    }
    if (f->st == S_TASK) {
      if (!strcmp(k, "总额财政拨款其他资金")) continue;
      bool total = !strcmp(k0, "金额合计");
      bool amounts = n > (total ? 1u : 0u);
      for (size_t j = total ? 1 : 0; j < n; j++)
        if (t[j].kind != TK_NUM && t[j].kind != TK_INT) amounts = false;
      if (amounts) {
        size_t j0 = total ? 1 : 0, na = n - j0;
        if (na > 3) {
          info(r, l->no,
               "%s：任务的金额多于 3 个（总额、财政拨款、其他资金），未读入",
               rt->title);
          continue;
        }
        /* Fewer than three printed: the empty cells vanished; the amounts
         * are taken in printed order (总额, then 财政拨款). */
        const char *a[3] = {"", "", ""};
        for (size_t j = 0; j < na; j++) a[j] = t[j0 + j].s;
        if (na < 3 && na > 0 && !f->short_line) f->short_line = l->no;
        if (!total && !f->task)
          info(r, l->no, "%s：金额之前没有任务名称", rt->title);
        if (!form_row(r, rt,
                      total          ? l->no
                      : f->task_line ? f->task_line
                                     : l->no,
                      5,
                      total     ? "金额合计"
                      : f->task ? f->task
                                : "",
                      total ? "" : f->desc, a[0], a[1], a[2]))
          return YS_ENOMEM;
        f->task = NULL;
        f->desc = "";
        f->task_line = 0;
        if (total) f->st = S_HEAD;
        continue;
      }
      const char *txt = trimdup(r, l->s, l->len);
      if (!f->task) {
        f->task = txt;
        f->task_line = l->no;
      } else {
        f->desc = ys_arena_printf(r->d->arena, "%s%s", f->desc, txt);
      }
      continue;
    }
    bool fund_label = starts(k0, "实施期资金总额") ||
                      starts(k0, "年度资金总额") ||
                      starts(k0, "其中:财政拨款") || starts(k0, "其他资金") ||
                      starts(k0, "财政拨款");
    bool has_amount = false;
    for (size_t j = 0; j < n; j++)
      has_amount |= t[j].kind == TK_NUM || t[j].kind == TK_INT;
    if (f->st == S_FUNDS && !fund_label && !has_amount) f->st = S_HEAD;
    if ((f->st == S_FUNDS && has_amount) || fund_label) {
      /* "实施期资金总额： 5", "其中：财政拨款 5"; two forms may stand side
       * by side ("实施期资金总额： 年度资金总额："). */
      if (form_goal_end(f)) return YS_ENOMEM;
      f->st = S_FUNDS;
      const char *lab = NULL;
      int lab_line = 0;
      for (size_t j = 0; j < n; j++) {
        if (t[j].kind == TK_TEXT) {
          if (lab && !form_row(r, rt, lab_line, 3, "", lab, ""))
            return YS_ENOMEM;
          size_t tl = strlen(t[j].s);
          const char *s = t[j].s;
          if (tl >= 3 && !strcmp(s + tl - 3, "："))
            s = ys_arena_strndup(r->d->arena, s, tl - 3);
          else if (tl >= 1 && s[tl - 1] == ':')
            s = ys_arena_strndup(r->d->arena, s, tl - 1);
          lab = s;
          lab_line = t[j].line;
        } else if (lab) {
          if (!form_row(r, rt, lab_line, 3, "", lab, t[j].s)) return YS_ENOMEM;
          lab = NULL;
        } else {
          info(r, l->no, "%s：金额“%s”前没有项目，未读入", rt->title, t[j].s);
        }
      }
      if (lab && !form_row(r, rt, lab_line, 3, "", lab, "")) return YS_ENOMEM;
      continue;
    }
    const char *gl = PREFIX_OF(k, GOAL_LABELS);
    if (gl && f->st != S_IND) {
      if (form_goal_end(f)) return YS_ENOMEM;
      f->st = S_GOAL;
      f->goal_line = l->no;
      const char *rest = "";
      for (size_t j = 1; j < n; j++) rest = join_text(r, rest, t[j].s);
      f->goal = rest;
      continue;
    }
    if (f->st == S_GOAL) {
      f->goal = ys_arena_printf(r->d->arena, "%s%s%s", f->goal,
                                *f->goal ? "\n" : "", trimdup(r, l->s, l->len));
      continue;
    }
    if (f->st == S_IND) {
      /* [level 1] [level 2] name value — labels may also have come on the
       * lines before, and a name may have started there. */
      size_t j = 0;
      while (j < n) {
        const char *tk = lkey(r, t[j].s);
        bool l1 = false, l2 = false;
        for (size_t q = 0; q < sizeof L1_LABELS / sizeof *L1_LABELS; q++)
          l1 |= !strcmp(tk, L1_LABELS[q]);
        for (size_t q = 0; q < sizeof L2_LABELS / sizeof *L2_LABELS; q++)
          l2 |= !strcmp(tk, L2_LABELS[q]);
        if (l1 && !(l2 && *f->l1 && j > 0)) {
          f->l1 = ys_arena_strdup(r->d->arena, tk);
          f->l2 = "";
        } else if (l2) {
          f->l2 = ys_arena_strdup(r->d->arena, tk);
        } else {
          break;
        }
        j++;
      }
      /* buf is scratch: the cell needs the document's copy. */
      const char *name = ys_arena_strdup(r->d->arena, f->buf);
      f->buf = "";
      if (*f->pname) {
        name = ys_arena_printf(r->d->arena, "%s%s", f->pname, name);
        f->pname = "";
      }
      if (j >= n && !*name) continue;
      if (n - j == 1 && !value_start(t[j].s)) {
        /* A name without its value: the rest follows on the next lines. */
        f->pname = ys_arena_printf(r->d->arena, "%s%s", name, t[j].s);
        if (!f->pname_line) f->pname_line = l->no;
        continue;
      }
      size_t vs = n;
      for (size_t q = j + (*name ? 0 : 1); q < n; q++)
        if (value_start(t[q].s)) {
          vs = q;
          break;
        }
      if (vs == n && n - j >= 2) vs = n - 1;
      const char *val = "";
      for (size_t q = j; q < vs; q++) name = join_text(r, name, t[q].s);
      for (size_t q = vs; q < n; q++)
        val = ys_arena_printf(r->d->arena, "%s%s%s", val, *val ? " " : "",
                              t[q].s);
      if (!form_row(r, rt, l->no, 5, f->l1, f->l2, name, val, ""))
        return YS_ENOMEM;
      continue;
    }
    /* Anything else in the head of the form: a labelled row. */
    const char *rest = "";
    for (size_t j = 1; j < n; j++) rest = join_text(r, rest, t[j].s);
    if (!form_row(r, rt, l->no, 2, t[0].s, rest)) return YS_ENOMEM;
  }
  if (*f->buf && form_flush(f)) return YS_ENOMEM;
  if (*f->buf)
    info(r, f->buf_line, "%s：表末尾的“%s”无法归入任何一行，未读入", rt->title,
         f->buf);
  if (*f->pname &&
      !form_row(r, rt, f->pname_line, 5, f->l1, f->l2, f->pname, "", ""))
    return YS_ENOMEM;
  if (f->short_line)
    info(r, f->short_line,
         "%s：任务金额（总额、财政拨款、其他资金）有的只印出 1–2 "
         "个，空单元格未印出，"
         "已按印出顺序读作总额、财政拨款（请核对）",
         rt->title);
  return form_goal_end(f);
}

/* A 部门整体支出绩效目标表 printed with tabs (Sichuan): rows are
 * normalised to the form rows the space reader produces — "部门名称 X",
 * the task header and tasks, "金额合计" with 资金总额 财政拨款 其他资金,
 * the goal, the indicator header and indicators [一级 二级 名称 指标值] —
 * with the labels a converter shifted between cells placed by kind. */
static int targets_tabs(rd *r, const treg *g0, ys_rtable *rt) {
  enum { S_HEAD, S_TASK, S_TOTAL, S_IND } st = S_HEAD;
  const char *l1 = "", *l2 = "";
  for (size_t i = g0->body; i < g0->end; i++) {
    const ys_tline *l = &r->L[i];
    if (blank(l)) continue;
    if (!memchr(l->s, '\t', l->len)) {
      if (is_meta_line(r, l)) continue;
      if (starts(line_key(r, l), "(") && strstr(l->s, "年")) continue;
      add_note(r, rt, l);
      continue;
    }
    size_t n = 0;
    tok *t = split_tabs(r, l, &n);
    if (!t) return YS_ENOMEM;
    const char *v[64];
    size_t m = 0;
    for (size_t j = 0; j < n && m < 64; j++)
      if (t[j].kind != TK_EMPTY) v[m++] = t[j].s;
    if (!m) continue;
    const char *k0 = lkey(r, v[0]);
    bool has_task = false, has_total = false, has_l1hdr = false;
    for (size_t j = 0; j < m; j++) {
      const char *k = lkey(r, v[j]);
      has_task |= !strcmp(k, "任务名称");
      has_total |= !strcmp(k, "资金总额") || !strcmp(k, "总额");
      has_l1hdr |= !strcmp(k, "一级指标");
    }
    ys_rrow *row = NULL;
    if (!strcmp(k0, "部门名称") || !strcmp(k0, "部门(单位)名称") ||
        !strcmp(k0, "单位名称")) {
      row = form_row(r, rt, l->no, 2, v[0], m > 1 ? v[1] : "");
      st = S_HEAD;
    } else if (has_task) {
      row = form_row(r, rt, l->no, 5, "任务名称", "主要内容", "总额",
                     "财政拨款", "其他资金");
      st = S_TASK;
    } else if (has_total) {
      st = S_TOTAL;
      continue;
    } else if (st == S_TOTAL) {
      bool amounts = true;
      for (size_t j = 0; j < m; j++)
        amounts &= t[0].kind != TK_TEXT && tok_kind(r, v[j]) != TK_TEXT;
      if (amounts && m <= 3) {
        row = form_row(r, rt, l->no, 5, "金额合计", "", v[0], m > 1 ? v[1] : "",
                       m > 2 ? v[2] : "");
        st = S_HEAD;
      } else {
        info(r, l->no, "%s：资金总额一行无法读取，未读入", rt->title);
        st = S_HEAD;
        continue;
      }
    } else if (has_l1hdr) {
      row = form_row(r, rt, l->no, 5, "一级指标", "二级指标", "指标内容",
                     "指标值", "备注");
      st = S_IND;
    } else if (st == S_TASK) {
      const char *desc = "";
      for (size_t j = 1; j < m; j++) desc = join_text(r, desc, v[j]);
      row = form_row(r, rt, l->no, 5, v[0], desc, "", "", "");
    } else if (st == S_IND) {
      size_t j = 0;
      if (j < m && is_l1(keyz(r, v[j]))) {
        l1 = v[j++];
        l2 = "";
      }
      if (j < m && strstr(v[j], "指标") && m - j >= 3) l2 = v[j++];
      if (m - j < 2) {
        info(r, l->no, "%s：此行不是“指标名称 指标值”，未读入", rt->title);
        continue;
      }
      const char *val = "";
      for (size_t q = j + 1; q < m; q++)
        val =
            ys_arena_printf(r->d->arena, "%s%s%s", val, *val ? " " : "", v[q]);
      row = form_row(r, rt, l->no, 5, l1, l2, v[j], val, "");
    } else {
      /* A labelled row of the head ("年度总体目标 …"). */
      const char *rest = "";
      for (size_t j = 1; j < m; j++) rest = join_text(r, rest, v[j]);
      row = form_row(r, rt, l->no, 2, v[0], rest);
    }
    if (!row) return YS_ENOMEM;
  }
  return YS_OK;
}

/* --- one table --------------------------------------------------------- */

enum { FMT_SPACES, FMT_TABS, FMT_NUMBERED };

static int table_format(rd *r, const treg *g0) {
  size_t lines = 0, tabs = 0;
  for (size_t i = g0->body; i < g0->end; i++) {
    if (blank(&r->L[i])) continue;
    lines++;
    if (memchr(r->L[i].s, '\t', r->L[i].len)) tabs++;
    if (starts(line_key(r, &r->L[i]), "栏次")) return FMT_NUMBERED;
  }
  return lines && tabs * 2 >= lines ? FMT_TABS : FMT_SPACES;
}

/* Unit of a table: a printed 单位 line before the body, else a "(万元)"
 * header hint, else the magnitudes of its amounts. */
static void table_unit(rd *r, const treg *g0, ys_rtable *rt) {
  for (size_t i = g0->start; i < g0->end && i < g0->body + 40; i++) {
    ys_unit u;
    if (unit_in(r, r->L[i].s, &u)) {
      rt->unit = u;
      rt->unit_known = true;
      return;
    }
  }
  for (size_t i = g0->body; i < g0->end && i < g0->body + 40; i++) {
    ys_unit u;
    if (unit_hint(r, r->L[i].s, &u)) {
      rt->unit = u;
      rt->unit_known = true;
      return;
    }
  }
}

/* After reading: a table without a printed unit gets one from the
 * magnitudes of its amounts when they leave no doubt. */
static void unit_from_magnitudes(rd *r, ys_rtable *rt) {
  if (rt->unit_known) return;
  int more_than_2_dec = 0, big_ints = 0, small_dec = 0, n = 0;
  for (size_t i = 0; i < rt->nrows; i++)
    for (size_t k = 0; k < rt->rows[i].n; k++) {
      const char *s = rt->rows[i].cells[k].text;
      bool is_int;
      if (!num_like(s, strlen(s), &is_int) || !strcmp(s, "-")) continue;
      n++;
      const char *dot = strchr(s, '.');
      size_t dec = dot ? strlen(dot + 1) : 0;
      if (dec > 2) more_than_2_dec++;
      double v = atof(s); /* magnitude only, never a money value */
      if (!dot && v >= 100000) big_ints++;
      if (dot && dec == 2 && v < 100000) small_dec++;
    }
  if (!n) return;
  if (more_than_2_dec) {
    rt->unit = YS_UNIT_WANYUAN;
    rt->unit_known = true;
  } else if (big_ints && !small_dec) {
    rt->unit = YS_UNIT_YUAN;
    rt->unit_known = true;
  }
  if (rt->unit_known)
    info(r, rt->title_line, "%s 未印出金额单位，按金额大小判断为“%s”",
         rt->title, ys_unit_name(rt->unit));
}

static int read_table(rd *r, const treg *g0) {
  ys_rtable *rt = ys_rdoc_add_table(r->d);
  if (!rt) return YS_ENOMEM;
  r->tpt = ys_arena_reserve(r->tmp, r->tpt, r->ntpt, &r->ctpt, sizeof *r->tpt);
  if (!r->tpt) return YS_ENOMEM;
  r->tpt[r->ntpt++] = g0->pt;
  rt->number = g0->number ? g0->number : "";
  rt->title = g0->printed;
  if (g0->dist) {
    /* A title off by a character: the checker finds tables by title, so
     * use the profile's (the difference was reported). */
    const char *t = g0->pt->title, *at = strstr(t, "{prefix}");
    rt->title = at ? ys_arena_printf(r->d->arena, "%.*s%s%s", (int)(at - t), t,
                                     r->p->title_prefix, at + 8)
                   : ys_arena_strdup(r->d->arena, t);
  }
  rt->title_line = r->L[g0->title].no;
  rt->header_rows = 0;
  table_unit(r, g0, rt);
  int fmt = table_format(r, g0);
  int rc;
  switch (g0->pt->layout) {
  case LAYOUT_PANELS:
    rc = fmt == FMT_TABS       ? panels_tabs(r, g0, rt)
         : fmt == FMT_NUMBERED ? panels_numbered(r, g0, rt)
                               : panels_spaces(r, g0, rt);
    break;
  case LAYOUT_TARGETS:
    rc = fmt == FMT_TABS ? targets_tabs(r, g0, rt) : targets_form(r, g0, rt);
    break;
  default:
    rc = fmt == FMT_TABS       ? grid_tabs(r, g0, rt)
         : fmt == FMT_NUMBERED ? grid_numbered(r, g0, rt)
                               : grid_spaces(r, g0, rt);
    break;
  }
  if (rc) return rc;
  if (!rt->unit_known && g0->pt->layout != LAYOUT_TARGETS)
    unit_from_magnitudes(r, rt);
  return YS_OK;
}

/* --- the document ------------------------------------------------------ */

/* Finds the profile whose titles the document uses most, and the title
 * lines. */
static int find_tables(rd *r, treg **regs, size_t *nreg) {
  /* the family the caller names, else the vocabulary's profiles (parsed
   * once per process) */
  const ys_profile *const *cands = &r->forced;
  size_t ncands = 1;
  if (!r->forced) {
    const ys_profiles *set = ys_vocab_profiles(r->vocab);
    cands = set ? (const ys_profile *const *)set->v : NULL;
    ncands = set ? set->n : 0;
  }
  /* each line's key, made once for all profiles; NULL: too long a line */
  tcore *lk = ys_arena_alloc(r->tmp, sizeof *lk * (r->nl + 1));
  if (!lk) return YS_ENOMEM;
  for (size_t l = 0; l < r->nl; l++)
    lk[l] = title_core(r, r->L[l].len > 240 ? NULL
                                            : key(r, r->L[l].s, r->L[l].len));
  const ys_profile *best = NULL;
  int best_score = 0;
  for (size_t i = 0; i < ncands; i++) {
    const ys_profile *p = cands[i];
    tdef *defs;
    size_t nd;
    title_defs(r, p, &defs, &nd);
    int score = 0;
    bool *seen = ys_arena_alloc(r->tmp, p->n + 1);
    if (!seen) return YS_ENOMEM;
    for (size_t l = 0; l < r->nl; l++) {
      tmatch m;
      if (!match_core(r, lk[l], defs, nd, &m)) continue;
      size_t ti = (size_t)(m.pt - p->tables);
      if (seen[ti]) continue;
      seen[ti] = true;
      score += m.dist == 0 ? 3 : 1;
    }
    if (score > best_score) {
      best = p;
      best_score = score;
    }
  }
  if (!best) return YS_OK;
  r->p = best;
  tdef *defs;
  size_t nd;
  title_defs(r, r->p, &defs, &nd);
  treg *v = NULL;
  size_t n = 0, cap = 0;
  for (size_t l = 0; l < r->nl; l++) {
    tmatch m;
    const ys_tline *L = &r->L[l];
    bool hit = match_core(r, lk[l], defs, nd, &m);
    size_t title_end = l + 1;
    if (!hit && L->len > 6 && L->len < 200) {
      /* A title broken before its last characters ("…绩效目\n标表"). */
      size_t j = l + 1;
      while (j < r->nl && j < l + 3 && blank(&r->L[j])) j++;
      if (j < r->nl && r->L[j].len <= 12 && r->L[j].len > 0) {
        const char *joined = ys_arena_printf(r->tmp, "%s%s", L->s, r->L[j].s);
        if (match_title(r, joined, strlen(joined), defs, nd, &m)) {
          hit = true;
          title_end = j + 1;
        }
      }
    }
    if (!hit) continue;
    v = ys_arena_reserve(r->tmp, v, n, &cap, sizeof *v);
    if (!v) return YS_ENOMEM;
    treg *g = &v[n++];
    memset(g, 0, sizeof *g);
    g->title = l;
    g->start = l;
    g->body = title_end;
    g->pt = m.pt;
    g->dist = m.dist;
    g->number = m.number;
    const char *pr = trimdup(r, L->s, L->len);
    if (title_end > l + 1)
      pr = ys_arena_printf(
          r->d->arena, "%s%s", pr,
          trimdup(r, r->L[title_end - 1].s, r->L[title_end - 1].len));
    /* Markdown markup is not part of the title. */
    while (*pr == '#' || *pr == '*' || *pr == ' ') pr++;
    size_t pl = strlen(pr);
    while (pl && (pr[pl - 1] == '*' || pr[pl - 1] == ' ')) pl--;
    g->printed = ys_arena_strndup(r->d->arena, pr, pl);
    /* "表N" on a line just above. */
    if (!g->number) {
      for (size_t j = l, seen = 0; j-- > 0 && seen < 2;) {
        if (blank(&r->L[j])) continue;
        seen++;
        const char *num = number_line(r, &r->L[j]);
        if (num) {
          g->number = num;
          g->start = j;
          break;
        }
      }
    }
    l = title_end - 1;
  }
  /* Ends: the next table, a part heading, a narrative section heading. */
  for (size_t i = 0; i < n; i++) {
    size_t lim = i + 1 < n ? v[i + 1].start : r->nl;
    size_t e = v[i].body;
    for (; e < lim; e++) {
      const ys_tline *L = &r->L[e];
      if (part_heading(r, L)) break;
      const char *t;
      if (section_heading(r, L, &t) && !memchr(L->s, '\t', L->len) &&
          (strstr(t, "情况") || strstr(t, "说明") || strstr(t, "信息") ||
           strstr(t, "解释") || strstr(t, "事项")))
        break;
    }
    v[i].end = e;
  }
  /* A title with no unit, no "(万元)" and no amount under it before the
   * next one is an entry of a table of contents. */
  size_t w = 0;
  for (size_t i = 0; i < n; i++) {
    bool content = false;
    for (size_t j = v[i].body; j < v[i].end && !content; j++) {
      const ys_tline *L = &r->L[j];
      ys_unit u;
      if (blank(L)) continue;
      if (unit_in(r, L->s, &u) || unit_hint(r, L->s, &u)) content = true;
      for (size_t b = 0; b < L->len && !content; b++)
        if (L->s[b] >= '0' && L->s[b] <= '9' &&
            ((b + 1 < L->len && (L->s[b + 1] == '.' || L->s[b + 1] == ',')) ||
             (b > 0 && L->s[b - 1] == '.')))
          content = true;
    }
    if (content) v[w++] = v[i];
  }
  *regs = v;
  *nreg = w;
  return YS_OK;
}

/* Marks every line with its part; the narrative lines go to narrative.c. */
static int narrative(rd *r, const treg *regs, size_t nreg, bool claims) {
  unsigned char *kind = ys_arena_alloc(r->tmp, r->nl + 1);
  if (!kind) return YS_ENOMEM;
  int cur = PART_NARRATIVE;
  bool glossary_section = false;
  for (size_t i = 0; i < r->nl; i++) {
    const ys_tline *l = &r->L[i];
    if (part_heading(r, l)) {
      const char *k = line_key(r, l);
      /* "## 第二部分" with its name on the next line */
      size_t j = i + 1;
      while (j < r->nl && j < i + 4 && blank(&r->L[j])) j++;
      const char *k2 = j < r->nl ? line_key(r, &r->L[j]) : "";
      cur = part_kind(
          ys_arena_printf(r->tmp, "%s%s", k, strlen(k) < 40 ? k2 : ""));
      glossary_section = false;
    }
    const char *t;
    if (section_heading(r, l, &t))
      glossary_section = strstr(t, "名词解释") != NULL;
    else if (strstr(l->s, "名词解释") && l->len < 60)
      glossary_section = true;
    kind[i] = glossary_section ? PART_GLOSSARY : (unsigned char)cur;
  }
  for (size_t t = 0; t < nreg; t++)
    for (size_t i = regs[t].start; i < regs[t].end; i++) kind[i] = PART_TABLE;
  ys_tline *nl = ys_arena_alloc(r->tmp, sizeof(ys_tline) * (r->nl + 1));
  if (!nl) return YS_ENOMEM;
  size_t n = 0;
  for (size_t i = 0; i < r->nl; i++)
    if (kind[i] == PART_NARRATIVE) nl[n++] = r->L[i];
  if (!claims) return ys_rdoc_keep_pending(r->d, nl, n) ? YS_OK : YS_ENOMEM;
  ys_claimctx cx = {r->vocab, r->cat, r->year, false};
  return ys_claims_read(r->d, nl, n, &cx);
}

int ys_ingest_text(ys_rdoc **out, const char *path, ys_errors *errs) {
  /* the library's own resources, for a caller that has none to share */
  *out = NULL;
  ys_catalog *cat = NULL;
  ys_vocab *v = NULL;
  int rc = ys_catalog_open_builtin(&cat, errs);
  if (rc == YS_OK) rc = ys_vocab_open_builtin(&v, errs);
  if (rc == YS_OK)
    rc = ys_ingest_text_read(out, path, cat, v, NULL, true, errs);
  ys_vocab_free(v);
  ys_catalog_free(cat);
  return rc;
}

/* The reading of lines L (of file path), once they are in r. */
static int read_text(ys_rdoc **out, rd *r, bool claims) {
  ys_rdoc *d = r->d;
  r->year = detect_year(r);
  d->year = r->year;
  treg *regs = NULL;
  size_t nreg = 0;
  int rc = find_tables(r, &regs, &nreg);
  if (rc) return rc;
  if (r->p) d->profile_hint = ys_arena_strdup(d->arena, ys_profile_name(r->p));
  for (size_t i = 0; i < nreg; i++) {
    if (regs[i].dist)
      info(r, r->L[regs[i].title].no,
           "表题“%s”与报表格式“%s”中的标准表题“%s”不完全一致，按该表读取",
           regs[i].printed, ys_profile_name(r->p), regs[i].pt->title);
    rc = read_table(r, &regs[i]);
    if (rc) return rc;
  }
  rc = narrative(r, regs, nreg, claims);
  if (rc) return rc;
  *out = d;
  return YS_OK;
}

/* A reader's state for path, with a document and a scratch arena; false
 * when out of memory. */
static bool rd_open(rd *r, const char *path, const ys_catalog *cat,
                    const ys_vocab *vocab, const ys_profile *forced,
                    ys_errors *errs) {
  memset(r, 0, sizeof *r);
  r->forced = forced;
  r->errs = errs;
  r->file = path;
  r->cat = cat;
  r->vocab = vocab;
  r->d = ys_rdoc_new(path);
  r->tmp = r->d ? ys_arena_new((size_t)512 << 20) : NULL;
  if (r->tmp) return true;
  ys_rdoc_free(r->d);
  return false;
}

static int rd_close(rd *r, int rc) {
  ys_arena_free(r->tmp);
  if (rc) ys_rdoc_free(r->d);
  return rc;
}

int ys_ingest_text_read(ys_rdoc **out, const char *path, const ys_catalog *cat,
                        const ys_vocab *vocab, const ys_profile *profile,
                        bool claims, ys_errors *errs) {
  *out = NULL;
  rd r;
  if (!rd_open(&r, path, cat, vocab, profile, errs)) return YS_ENOMEM;
  int rc = read_lines(&r, path);
  if (rc == YS_OK) rc = read_text(out, &r, claims);
  return rd_close(&r, rc);
}

int ys_ingest_text_lines(ys_rdoc **out, const char *path, const ys_tline *lines,
                         size_t n, const int *pages, const ys_catalog *cat,
                         const ys_vocab *vocab, const ys_profile *profile,
                         ys_errors *errs) {
  *out = NULL;
  rd r;
  if (!rd_open(&r, path, cat, vocab, profile, errs)) return YS_ENOMEM;
  int rc = YS_OK;
  r.pages = pages;
  r.L = ys_arena_alloc(r.tmp, sizeof *r.L * (n + 1));
  if (!r.L) rc = YS_ENOMEM;
  for (size_t i = 0; rc == YS_OK && i < n; i++) {
    r.L[i] = lines[i];
    r.L[i].s = ys_arena_strndup(r.d->arena, lines[i].s, lines[i].len);
    if (!r.L[i].s) rc = YS_ENOMEM;
  }
  r.nl = n;
  if (rc == YS_OK) rc = read_text(out, &r, false);
  return rd_close(&r, rc);
}
