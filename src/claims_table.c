/*
 * claims_table.c - the claims of a table printed inside a narrative.
 *
 * Web pages and converted documents carry small tables in the text: the
 * “三公” table of a 情况说明, a monthly revenue table under a report. Copied
 * as text, the cells come out separated by '|', a row often broken over
 * several lines or one cell per line, and the header rows flattened into
 * one run of names, so neither the rows nor the header tree can be read
 * from the layout. What survives is the order of the cells: a row is its
 * label (a cell that is not a number) and the numbers after it.
 *
 * The structure is then read from the figures themselves, as an auditor
 * reading such a table would: a column that is the sum of the columns
 * after it in the rows (合计 = 出国 + 接待 + 公车; 公车 = 购置 + 运行), a row
 * that is the sum of the rows after it in the columns (合计 = its items; 区级
 * = its districts), a row of rates of change between two year rows
 * ("2016年比2015年增减%"). An identity is taken as the table's only when it
 * holds in most of the rows (columns) it could apply to and in at least two;
 * it is then claimed for all of them, so the one row that breaks it is
 * reported. Rows whose cells are missing (a blank cell lost in the copy
 * shifts the rest) have another length than the table's and are left out.
 */
#include "claims.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "yusuan/text.h"

/* The most parts one sum takes: the small tables of a narrative list a
 * handful of items under a total; the bound keeps the search linear in
 * the rows (a larger table is the table readers'). */
enum { KMAX = 16 };

typedef struct cell {
  const char *s; /* trimmed, inner spaces removed */
  int line;
  bool num;     /* a number ("2,840", "-16.77", "0%") */
  bool blank;   /* "-" / "—" or an empty cell: no figure */
  bool gap;     /* an empty cell: "| |", or a line break between two bars */
  bool pct;     /* written with % */
  ys_amount am; /* num: its value, exact (read as 万元: 6 decimals fit) */
  double v;     /* num: the same, for rates */
} cell;

typedef struct row {
  const cell *label;
  const cell *c[64]; /* the figures after the label */
  size_t n;
  bool rate; /* a row of rates (its label or figures say %) */
  bool cut;  /* more figures than c holds: no identity is read from it */
} row;

/* Is figure j of row r a number (an amount or a rate)? */
static const cell *number(const row *r, size_t j) {
  return j < r->n && r->c[j]->num ? r->c[j] : NULL;
}

static bool is_pipe_only(const char *s, size_t n) {
  ys_text_trim(&s, &n);
  return n == 1 && *s == '|';
}

/* What a cell or a word of a row is: a figure (its value in *am, % said
 * in *pct), a blank ("-", "—", "/": no figure), or a word. */
typedef enum { FIG_WORD, FIG_NUM, FIG_BLANK } figkind;

static figkind figure(const char *s, size_t n, ys_amount *am, bool *pct) {
  ys_text_trim(&s, &n);
  *pct = n && s[n - 1] == '%';
  if (*pct) n--;
  if ((n == 1 && *s == '/') || (n == 2 && !memcmp(s, "--", 2)) ||
      (n == 3 && !memcmp(s, "—", 3)))
    return FIG_BLANK;
  /* the money parser reads figures as they are printed (千分位, full-width
   * digits); read as 万元, any six decimals fit in 分 */
  if (!n || ys_money_parse(am, s, n, YS_UNIT_WANYUAN, NULL) != YS_OK)
    return FIG_WORD;
  return am->empty ? FIG_BLANK : FIG_NUM;
}

/* A figure that is a year ("2018"): a row's label, not its figure. */
static bool is_year(const ys_amount *am, size_t len) {
  return len == 4 && !am->decimals && am->fen >= INT64_C(1950000000) &&
         am->fen <= INT64_C(2100000000);
}

/* A cell's text: spaces dropped ("合 计" → "合计"), full-width folded. */
static cell make_cell(ys_arena *a, const char *s, size_t n, int line) {
  cell c = {0};
  c.line = line;
  char *k = ys_text_key(a, s, n);
  c.s = k ? k : "";
  figkind f = figure(c.s, strlen(c.s), &c.am, &c.pct);
  c.num = f == FIG_NUM;
  c.blank = f == FIG_BLANK;
  c.v = (double)c.am.fen / 1e6;
  return c;
}

/* The year a row label names ("2016年", "2016年度"), 0 none. */
static int label_year(const char *s) {
  if (strlen(s) < 4) return 0;
  for (int i = 0; i < 4; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return atoi(s);
}

/* Half the last printed digit of a figure read as 万元, doubled (in 分:
 * 10^6 / 10^decimals), so that tolerances stay whole. */
static int64_t half2(const cell *c) {
  int64_t u = 1000000;
  for (int d = 0; d < c->am.decimals && u > 1; d++) u /= 10;
  return u;
}

/* total = Σ parts, exactly, within what rounding each printed figure
 * allows (half its last digit). */
static bool adds_up(const cell *total, const cell *const *parts, size_t n) {
  int64_t diff = total->am.fen, tol = half2(total);
  for (size_t i = 0; i < n; i++) {
    diff -= parts[i]->am.fen;
    tol += half2(parts[i]);
  }
  return 2 * (diff < 0 ? -diff : diff) <= tol;
}

typedef struct tctx {
  ys_rdoc *d;
  ys_arena *a;
  bool rates_only; /* a table a table reader has read: its sums are its */
  /* its header names a plan or budget ("占计划%", "完成预算%") */
  bool plan_head;
  ys_unit unit;
  bool unit_known;         /* printed, not taken for 万元 */
  ys_tfacts *facts;        /* where the figures go, by row and column */
  const cell *const *head; /* the header's cells before the first row */
  size_t nhead;
  int rc;
} tctx;

static const char *row_text(tctx *x, const row *r) {
  char buf[1024];
  size_t o = (size_t)snprintf(buf, sizeof buf, "%s", r->label->s);
  for (size_t i = 0; i < r->n && o < sizeof buf - 1; i++)
    o += (size_t)snprintf(buf + o, sizeof buf - o, " | %s", r->c[i]->s);
  return ys_arena_strdup(x->d->arena, buf);
}

static ys_rclaim *add(tctx *x, ys_claim_kind kind, const char *subject,
                      const cell *fig, const row *where) {
  ys_rclaim *c = ys_rdoc_claim(x->d, kind, subject, fig->s, x->unit,
                               row_text(x, where), fig->line);
  if (!c) x->rc = YS_ENOMEM;
  return c;
}

static void set_parts(tctx *x, ys_rclaim *c, const cell *const *v, size_t n) {
  ys_arena *a = x->d->arena;
  if (!ys_rclaim_parts(x->d, c, n)) {
    x->rc = YS_ENOMEM;
    return;
  }
  for (size_t i = 0; i < n; i++) {
    c->parts[i] = ys_arena_strdup(a, v[i]->s);
    c->part_units[i] = x->unit;
    if (!c->parts[i]) x->rc = YS_ENOMEM;
  }
  c->n_parts = n;
}

/* A rate of change r (as printed, its sign the direction) of cur against
 * prev; false when out of memory. */
static bool add_change(tctx *x, const char *subject, const cell *r,
                       const cell *cur, const cell *prev, const row *where) {
  ys_rclaim *c = add(x, YS_CLAIM_CHANGE, subject, r, where);
  if (!c) return false;
  if (r->s[0] == '-') c->text++;
  /* the rate without its sign (the direction) and its % (the kind) */
  size_t tl = strlen(c->text);
  if (tl && c->text[tl - 1] == '%')
    c->text = ys_arena_strndup(x->d->arena, c->text, tl - 1);
  if (!c->text) {
    x->rc = YS_ENOMEM;
    return false;
  }
  const cell *v[2] = {cur, prev};
  set_parts(x, c, v, 2);
  c->how = YS_CHANGE_PRIOR;
  c->dir = r->v < 0 ? -1 : r->v > 0 ? 1 : 0;
  return !x->rc;
}

/* Is figure j of row r an amount (a number, not a rate)? */
static const cell *amount(const row *r, size_t j) {
  if (r->rate || j >= r->n) return NULL;
  const cell *c = r->c[j];
  return c->num && !c->pct ? c : NULL;
}

/* The parts of a sum in row r: its figures first … first+k-1, a blank
 * ("-", an empty cell) being none of them; false when one is not an
 * amount, or fewer than two remain. */
static bool sum_parts(const row *r, size_t first, size_t k, const cell **p,
                      size_t *np) {
  *np = 0;
  if (r->rate || first + k > r->n) return false;
  for (size_t m = 0; m < k; m++) {
    const cell *c = r->c[first + m];
    if (c->blank) continue;
    if (!c->num || c->pct) return false;
    p[(*np)++] = c;
  }
  return *np >= 2;
}

/* Columns: figure j = the figures just after it (合计 | 出国 | 接待 | 公车)
 * or just before it (中央级 | 省级 | 县乡级 | 合计), in the amount rows. */
static void column_sums(tctx *x, row *rows, size_t nr, size_t w,
                        bool *amount_col) {
  for (size_t j = 0; j < w && !x->rc; j++)
    for (size_t k = 2; k <= KMAX && k < w; k++) {
      /* parts after j, then parts before it */
      size_t firsts[2] = {j + 1, j >= k ? j - k : w};
      size_t dir = 0;
      for (; dir < 2; dir++) {
        size_t first = firsts[dir];
        if (first + k > w) continue;
        size_t hold = 0, fail = 0;
        for (size_t i = 0; i < nr; i++) {
          const cell *t = amount(&rows[i], j), *p[KMAX];
          size_t np;
          if (!t || t->v == 0 || !sum_parts(&rows[i], first, k, p, &np))
            continue;
          if (adds_up(t, p, np))
            hold++;
          else
            fail++;
        }
        if (hold >= 2 && fail <= 1 && (!fail || hold >= 3)) break;
      }
      if (dir == 2) continue;
      size_t first = firsts[dir];
      amount_col[j] = true;
      for (size_t m = 0; m < k; m++) amount_col[first + m] = true;
      for (size_t i = 0; i < nr && !x->rc; i++) {
        const cell *t = amount(&rows[i], j), *p[KMAX];
        size_t np;
        if (!t || !sum_parts(&rows[i], first, k, p, &np)) continue;
        ys_rclaim *c = add(x, YS_CLAIM_SUM, rows[i].label->s, t, &rows[i]);
        if (!c) return;
        set_parts(x, c, p, np);
        c->exhaustive = true;
      }
      break; /* the first span that adds up: the column's parts */
    }
}

/* Does row t = the rows idx[0 … k-1] in the amount columns: in two
 * columns, or in the only one where all these rows have figures (the
 * others "-"), and in none against it? With claim, each column's sum is
 * claimed. */
static bool rows_add_up(tctx *x, const row *rows, size_t t, const size_t *idx,
                        size_t k, size_t w, const bool *amount_col,
                        bool claim) {
  size_t hold = 0, fail = 0, can = 0;
  for (size_t j = 0; j < w && !x->rc; j++) {
    const cell *tc = amount(&rows[t], j), *p[KMAX];
    bool all = tc != NULL && (claim || tc->v != 0);
    for (size_t m = 0; m < k && all; m++) {
      p[m] = amount(&rows[idx[m]], j);
      all = p[m] != NULL;
    }
    if (!all) continue;
    bool ok = adds_up(tc, p, k);
    if (claim) {
      if (!amount_col[j] && !ok) continue;
      ys_rclaim *c = add(x, YS_CLAIM_SUM, rows[t].label->s, tc, &rows[t]);
      if (!c) return false;
      set_parts(x, c, p, k);
      c->exhaustive = true;
      continue;
    }
    can++;
    if (ok)
      hold++;
    else if (amount_col[j])
      fail++;
  }
  return claim || (!fail && hold && (hold >= 2 || can <= 1));
}

/* Does row r print nothing but zeros and blanks? */
static bool zero_row(const row *r, size_t w) {
  bool any = false;
  for (size_t j = 0; j < w && j < r->n; j++) {
    const cell *c = r->c[j];
    if (c->blank) continue;
    if (!c->num || c->am.fen != 0) return false;
    any = true;
  }
  return any;
}

/* Does a row's label say it is a total (合计, 总计, 小计; "三公经费合计")? */
static bool total_label(const char *s) {
  size_t n = strlen(s);
  static const char *const w[] = {"合计", "总计", "小计"};
  for (size_t i = 0; i < 3; i++) {
    size_t k = strlen(w[i]);
    if (n >= k && !strcmp(s + n - k, w[i])) return true;
  }
  return false;
}

/* A total its label names that no sum of the figures explained (a wrong
 * 合计 adds up in no column, so the figures alone never show its parts):
 * its parts are the rows of the top level after it, when it opens the
 * table, or before it, when it closes it — a block found under a row (公务
 * 用车 = 购置 + 运行) is one part, and a 其中 row among them, a hierarchy
 * not told, makes no claim. Checked in every column that prints them all. */
static void labelled_totals(tctx *x, row *rows, size_t nr, size_t w,
                            const size_t *end, const bool *done) {
  size_t idx[KMAX];
  bool every[64];
  for (size_t j = 0; j < 64; j++) every[j] = true;
  for (size_t i = 0; i < nr && !x->rc; i++) {
    if (done[i] || rows[i].rate || !total_label(rows[i].label->s)) continue;
    bool first = true, last = i + 1 == nr;
    for (size_t j = 0; j < i && first; j++) first = rows[j].rate;
    if (!first && !last) continue;
    size_t k = 0;
    bool plain = true, more = false; /* more parts than a sum takes */
    if (first) {
      for (size_t j = i + 1; j < nr; j = end[j] + 1) {
        if (rows[j].rate || total_label(rows[j].label->s)) break;
        if (k == KMAX) {
          more = true;
          break;
        }
        idx[k++] = j;
      }
    } else {
      for (size_t p = i; p > 0;) {
        size_t q = p - 1;
        for (size_t t = 0; t < q; t++)
          if (end[t] >= q && end[t] < i) {
            q = t;
            break;
          }
        if (rows[q].rate || total_label(rows[q].label->s)) break;
        if (k == KMAX) {
          more = true;
          break;
        }
        idx[k++] = q;
        p = q;
      }
    }
    if (more) continue;
    for (size_t m = 0; m < k && plain; m++)
      plain = strncmp(rows[idx[m]].label->s, "其中", strlen("其中")) != 0;
    /* the label is the evidence: every column of figures is summed, an
     * amount column told by the figures or not */
    if (k >= 2 && plain) rows_add_up(x, rows, i, idx, k, w, every, true);
  }
}

/* The outline numbering a row label opens with: 1 "一、", 2 "(一)", 3
 * "1." / "1、", 4 "(1)"; 5 an unnumbered "其中"; 0 none. A numbering after
 * 其中 ("其中:(1)公务用车运行维护费") is the numbering's. */
enum { OUT_NONE = 0, OUT_CN, OUT_PCN, OUT_AR, OUT_PAR, OUT_SUB };

static int outline_kind(const char *s, bool *sub) {
  *sub = false;
  if (!strncmp(s, "其中", strlen("其中"))) {
    *sub = true;
    s += strlen("其中");
    if (*s == ':' || *s == ',') s++;
  }
  static const char *const cn[] = {"一", "二", "三", "四", "五",
                                   "六", "七", "八", "九", "十"};
  bool open = *s == '(';
  const char *p = s + open;
  size_t k = 0;
  for (bool hit = true; hit;) {
    hit = false;
    for (size_t i = 0; i < 10; i++)
      if (!strncmp(p + k, cn[i], 3)) {
        k += 3;
        hit = true;
      }
  }
  if (k && open && p[k] == ')') return OUT_PCN;
  if (k && !open && !strncmp(p + k, "、", 3)) return OUT_CN;
  k = 0;
  while (p[k] >= '0' && p[k] <= '9') k++;
  if (k && k <= 2 && open && p[k] == ')') return OUT_PAR;
  if (k && k <= 2 && !open &&
      ((p[k] == '.' && !(p[k + 1] >= '0' && p[k + 1] <= '9')) ||
       !strncmp(p + k, "、", 3)))
    return OUT_AR;
  return *sub ? OUT_SUB : OUT_NONE;
}

/* A total the outline of the rows under it explains: "合计" opening the
 * table, then rows numbered alike ("1.因公出国(境)费用", "2.公务接待费",
 * "3.公务用车费"), each with the rows of a deeper numbering or a 其中
 * under it ("其中:(1)公务用车运行维护费", "(2)公务用车购置"). The total
 * is the sum of the numbered rows, and a numbered row with rows under it
 * their sum (at least it, when they are a 其中). The numbering is the
 * publisher's own statement of the hierarchy, so it is read before any
 * run of rows that happens to add up (合计 = 1. + 2. + 3. + (1), the
 * wrong 3. hidden). true when the outline was read and claimed. */
static bool outline_sums(tctx *x, row *rows, size_t nr, size_t w) {
  size_t t = 0;
  while (t < nr && rows[t].rate) t++;
  if (t + 3 > nr || !total_label(rows[t].label->s)) return false;
  bool sub;
  int top = outline_kind(rows[t + 1].label->s, &sub);
  if (!top || top == OUT_SUB || sub) return false;
  size_t idx[KMAX], k = 0, end = t + 1;
  bool higher = false; /* the outline ends at a higher numbering */
  for (; end < nr && !rows[end].rate; end++) {
    int kind = outline_kind(rows[end].label->s, &sub);
    if (kind == top && !sub) {
      if (k == KMAX) return false;
      idx[k++] = end;
    } else if (kind != OUT_SUB && kind < top) {
      higher = true; /* 二、相关统计数 after the 1. 2. 3. of 一、支出合计 */
      break;
    } else if (!kind || kind == top) {
      break; /* an unnumbered row, or the top's numbering under 其中 */
    }
  }
  /* the outline must hold the table to its last row of amounts, or to a
   * part of a higher numbering */
  if (k < 2 || (end < nr && !higher)) return false;
  bool every[64];
  for (size_t j = 0; j < 64; j++) every[j] = true;
  rows_add_up(x, rows, t, idx, k, w, every, true);
  for (size_t m = 0; m < k && !x->rc; m++) {
    size_t b = idx[m] + 1, e = m + 1 < k ? idx[m + 1] : end;
    if (b >= e) continue;
    size_t kid[KMAX], nk = 0;
    bool subset = false;
    int kk = 0;
    for (size_t r = b; r < e; r++) {
      int kind = outline_kind(rows[r].label->s, &sub);
      if (r == b) {
        kk = kind;
        subset = sub;
      }
      if (kind == kk || (kk == OUT_SUB && kind == OUT_SUB)) {
        if (nk == KMAX) {
          nk = 0;
          break;
        }
        kid[nk++] = r;
      } else if (kind == OUT_NONE) {
        nk = 0; /* rows under rows: not read */
        break;
      }
    }
    if (!nk || (nk < 2 && !subset)) continue;
    size_t before = x->d->n_claims;
    rows_add_up(x, rows, idx[m], kid, nk, w, every, true);
    /* "其中": the rows under are some of it, not said to be all */
    for (size_t c = before; subset && c < x->d->n_claims; c++)
      x->d->claims[c].exhaustive = false;
  }
  return true;
}

/* Rows: row i = the rows after it, in the amount columns. First the rows
 * just after it (合计 = its items; 区级 = its districts); then, a total's
 * items being its block, the totals and rows that follow one another
 * block by block (县区级 = 区级 [its districts] + 县级 [its counties]). */
static void row_sums(tctx *x, row *rows, size_t nr, size_t w,
                     const bool *amount_col) {
  size_t *end = ys_arena_alloc(x->a, sizeof *end * (nr + 1));
  if (!end) {
    x->rc = YS_ENOMEM;
    return;
  }
  bool *done = ys_arena_alloc(x->a, nr + 1);
  if (!done) {
    x->rc = YS_ENOMEM;
    return;
  }
  for (size_t i = 0; i < nr; i++) end[i] = i;
  size_t idx[KMAX];
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i + 2 < nr && !x->rc; i++) {
      if (rows[i].rate || end[i] != i) continue;
      size_t next = i + 1;
      bool skipped = false;
      for (size_t k = 1; k <= KMAX && next < nr; k++) {
        if (rows[next].rate) break;
        idx[k - 1] = next;
        skipped = skipped || end[next] != next;
        next = (pass ? end[next] : next) + 1;
        /* the second pass: only chains that pass over a block */
        if (k < 2 || (pass && !skipped)) continue;
        if (!rows_add_up(x, rows, i, idx, k, w, amount_col, false)) continue;
        rows_add_up(x, rows, i, idx, k, w, amount_col, true);
        end[i] = pass ? end[idx[k - 1]] : idx[k - 1];
        done[i] = true;
        break;
      }
    }
  /* then a total below its parts (合计 last): the rows above it, block by
   * block from the bottom (公务用车 with 购置 and 运行 under it is one) */
  for (size_t i = 2; i < nr && !x->rc; i++) {
    if (rows[i].rate || end[i] != i) continue;
    size_t p = i; /* one past the next part, going up */
    for (size_t k = 1; k <= KMAX && p > 0; k++) {
      size_t q = p - 1;
      /* the outermost block above i that holds q: its total is the part */
      for (size_t t = 0; t < q; t++)
        if (end[t] >= q && end[t] < i) {
          q = t;
          break;
        }
      if (rows[q].rate) break;
      idx[k - 1] = q;
      p = q;
      if (k < 2) continue;
      if (!rows_add_up(x, rows, i, idx, k, w, amount_col, false)) continue;
      /* and the rows of nothing just above (因公出国 | 0): parts too */
      while (k < KMAX && p > 0 && !rows[p - 1].rate && end[p - 1] == p - 1 &&
             zero_row(&rows[p - 1], w))
        idx[k++] = --p;
      rows_add_up(x, rows, i, idx, k, w, amount_col, true);
      done[i] = true;
      break;
    }
  }
  labelled_totals(x, rows, nr, w, end, done);
}

/* Rows of rates of change: "2016年比2015年增减%" between the rows of those
 * years (else the two rows before it), column by column. */
static void rate_rows(tctx *x, row *rows, size_t nr, size_t w) {
  for (size_t i = 0; i < nr && !x->rc; i++) {
    const char *l = rows[i].label->s;
    size_t ll = strlen(l);
    if (!rows[i].rate ||
        !(ys_text_has(l, ll, "增减") || ys_text_has(l, ll, "增长") ||
          ys_text_has(l, ll, "变动") || ys_text_has(l, ll, "同比")))
      continue;
    int ya = label_year(l), yb = 0;
    const char *bi = strstr(l, "比");
    if (bi) yb = label_year(bi + strlen("比"));
    const row *a = NULL, *b = NULL;
    for (size_t k = 0; k < nr; k++) {
      int y = label_year(rows[k].label->s);
      if (ya && y == ya && !rows[k].rate) a = &rows[k];
      if (yb && y == yb && !rows[k].rate) b = &rows[k];
    }
    if ((!a || !b) && i >= 2 && !rows[i - 1].rate && !rows[i - 2].rate && !ya) {
      a = &rows[i - 1];
      b = &rows[i - 2];
    }
    if (!a || !b) continue;
    for (size_t j = 0; j < w && !x->rc; j++) {
      const cell *r = j < rows[i].n ? rows[i].c[j] : NULL;
      const cell *cur = amount(a, j), *prev = amount(b, j);
      if (!r || !r->num || !cur || !prev) continue;
      if (!add_change(x, a->label->s, r, cur, prev, &rows[i])) return;
    }
  }
}

static void infer(tctx *x, row *rows, size_t nr);

/* Is the text before the line's first bar prose (a sentence's end or a
 * title), not a cell? */
static bool prose_before_bar(const ys_tline *l) {
  const char *bar = memchr(l->s, '|', l->len);
  size_t pre = bar ? (size_t)(bar - l->s) : 0;
  return bar && (pre > 60 || ys_text_has(l->s, pre, "。") ||
                 ys_text_has(l->s, pre, "：") || ys_text_has(l->s, pre, ":") ||
                 ys_text_has(l->s, pre, "，"));
}

/* Columns of rates of change down the rows ("比上年增长(%)" beside the
 * amounts of successive years): figure j of a row = the change of figure
 * c from the row before, for the c that most rows agree on. */
static void rate_columns(tctx *x, row *rows, size_t nr, size_t w) {
  if (nr < 3) return;
  for (size_t j = 0; j < w && !x->rc; j++)
    for (size_t c = 0; c < w; c++) {
      if (c == j) continue;
      size_t hold = 0, fail = 0;
      for (size_t i = 1; i < nr; i++) {
        const cell *r = j < rows[i].n ? rows[i].c[j] : NULL;
        const cell *cur = amount(&rows[i], c), *prev = amount(&rows[i - 1], c);
        if (!r || !r->num || !cur || !prev || prev->v <= 0) continue;
        /* the rate as printed against the change of the amounts as
         * printed, each within half its last digit */
        double want = (cur->v - prev->v) / prev->v * 100;
        double tol =
            (half2(r) +
             100 * (half2(cur) + cur->v / prev->v * half2(prev)) / prev->v) /
            2e6;
        if (fabs(want - r->v) <= tol)
          hold++;
        else
          fail++;
      }
      if (hold < 2 || fail > 1 || (fail && hold < 3)) continue;
      for (size_t i = 1; i < nr && !x->rc; i++) {
        const cell *r = j < rows[i].n ? rows[i].c[j] : NULL;
        const cell *cur = amount(&rows[i], c), *prev = amount(&rows[i - 1], c);
        if (!r || !r->num || !cur || !prev) continue;
        if (!add_change(x, rows[i].label->s, r, cur, prev, &rows[i])) return;
      }
      break;
    }
}

/* Within a row, a column of rates of two others: figure j = the change
 * from figure b to figure a (本年 | 上年同期 | 同比增减%), or a / b when
 * the header names a plan or budget (合计 | … | 本年收入计划 | 占计划%):
 * the pair (a, b) most rows agree on. Only the first columns are searched
 * (a wider table is the table readers'), keeping it linear in the rows. */
enum { RATE_COLS = 24 };

static bool rate_holds(const cell *r, const cell *a, const cell *b,
                       bool ratio) {
  double want = (ratio ? a->v : a->v - b->v) / b->v * 100;
  /* each figure within half its last digit, as in rate_columns */
  double tol =
      (half2(r) + 100 * (half2(a) + a->v / b->v * half2(b)) / b->v) / 2e6;
  return fabs(want - r->v) <= tol;
}

static void row_rates(tctx *x, row *rows, size_t nr, size_t w) {
  if (nr < 2) return;
  size_t cw = w < RATE_COLS ? w : RATE_COLS;
  for (size_t j = 0; j < cw && !x->rc; j++)
    for (size_t k = 0; k < cw * cw * 2; k++) {
      size_t a = k / 2 / cw, b = k / 2 % cw;
      bool ratio = k % 2;
      /* a / b is the rate in its right-hand column: b = a / r read the
       * other way holds as well (本年收入计划 = 合计 / 占计划%) */
      if (a == j || b == j || a == b ||
          (ratio && (!x->plan_head || j < a || j < b)))
        continue;
      size_t hold = 0, fail = 0;
      for (size_t i = 0; i < nr; i++) {
        const row *rw = &rows[i];
        const cell *r = number(rw, j), *ca = number(rw, a), *cb = number(rw, b);
        if (!r || !ca || !cb || ca->pct || cb->pct || cb->v <= 0 || rw->rate)
          continue;
        if (rate_holds(r, ca, cb, ratio))
          hold++;
        else
          fail++;
      }
      if (hold < 2 || fail > 1 || (fail && hold < 3)) continue;
      for (size_t i = 0; i < nr && !x->rc; i++) {
        const row *rw = &rows[i];
        const cell *r = number(rw, j), *ca = number(rw, a), *cb = number(rw, b);
        if (!r || !ca || !cb || ca->pct || cb->pct || rw->rate) continue;
        if (!ratio) {
          if (!add_change(x, rw->label->s, r, ca, cb, rw)) return;
          continue;
        }
        ys_rclaim *c = add(x, YS_CLAIM_COMPLETION, rw->label->s, r, rw);
        if (!c) return;
        const cell *v[2] = {ca, cb};
        set_parts(x, c, v, 2);
      }
      break;
    }
}

/* Does a trimmed line start (end) with a bar? */
static bool opens_bar(const char *s, size_t n) {
  ys_text_trim(&s, &n);
  return n && s[0] == '|';
}

static bool closes_bar(const char *s, size_t n) {
  ys_text_trim(&s, &n);
  return n && s[n - 1] == '|';
}

/* The rows of a run of cells: a label and the figures after it. With
 * gaps, an empty cell is a blank figure (the trailing ones of a row, its
 * 备注, left out); without, it is no cell at all. */
static row *make_rows(tctx *x, cell *cells, size_t nc, bool gaps, size_t *nr) {
  row *rows = NULL;
  size_t cap = 0;
  *nr = 0;
  for (size_t i = 0; i < nc && !x->rc; i++) {
    if (cells[i].gap && !gaps) continue;
    if (cells[i].num || cells[i].blank) {
      row *r = *nr ? &rows[*nr - 1] : NULL;
      if (r && r->n < 64)
        r->c[r->n++] = &cells[i];
      else if (r)
        r->cut = true;
      continue;
    }
    if (*nr)
      while (rows[*nr - 1].n && rows[*nr - 1].c[rows[*nr - 1].n - 1]->gap)
        rows[*nr - 1].n--;
    row *nv = ys_arena_reserve(x->a, rows, *nr, &cap, sizeof *rows);
    if (!nv) {
      x->rc = YS_ENOMEM;
      return NULL;
    }
    rows = nv;
    memset(&rows[*nr], 0, sizeof rows[*nr]);
    rows[(*nr)++].label = &cells[i];
  }
  if (*nr)
    while (rows[*nr - 1].n && rows[*nr - 1].c[rows[*nr - 1].n - 1]->gap)
      rows[*nr - 1].n--;
  return rows;
}

/* The table's width: the commonest number of figures of its rows, and how
 * many rows have it (*votes). */
static size_t common_width(const row *rows, size_t nr, size_t *votes) {
  size_t count[65] = {0}, best = 0, bestn = 0;
  for (size_t i = 0; i < nr; i++) count[rows[i].cut ? 0 : rows[i].n]++;
  for (size_t w = 1; w <= 64; w++)
    if (count[w] >= bestn) {
      best = w;
      bestn = count[w];
    }
  *votes = bestn;
  return best;
}

/* Does a header cell name a plan or budget as the base of its rates? */
static bool plan_word(const char *s) {
  size_t n = strlen(s);
  return (ys_text_has(s, n, "计划") || ys_text_has(s, n, "预算")) &&
         (ys_text_has(s, n, "%") || ys_text_has(s, n, "占") ||
          ys_text_has(s, n, "完成"));
}

static void push_cell(tctx *x, cell **v, size_t *n, size_t *cap, cell c) {
  cell *nv = ys_arena_reserve(x->a, *v, *n, cap, sizeof *nv);
  if (!nv) {
    x->rc = YS_ENOMEM;
    return;
  }
  *v = nv;
  nv[(*n)++] = c;
}

/* The claims of one region of lines [b, e). */
static void region(tctx *x, const ys_tline *lines, size_t b, size_t e) {
  cell *cells = NULL;
  size_t nc = 0, cap = 0;
  for (size_t i = b; i < e && !x->rc; i++) {
    const char *s = lines[i].s;
    size_t n = lines[i].len;
    size_t from = 0;
    /* text before the first bar of the first line: a title or the end of
     * a sentence, not a cell, unless short and plain */
    if (i == b && prose_before_bar(&lines[i]))
      from = (size_t)((const char *)memchr(s, '|', n) - s) + 1;
    /* a page copied from an HTML table breaks the line where a cell was
     * empty ("| 2186 |" / "| 5711 |"): a gap, which make_rows keeps or
     * drops, whichever gives the rows one width */
    bool gap_before = i > b && closes_bar(lines[i - 1].s, lines[i - 1].len) &&
                      opens_bar(s, n);
    for (size_t p = from; p <= n && !x->rc;) {
      const char *bar = p < n ? memchr(s + p, '|', n - p) : NULL;
      size_t q = bar ? (size_t)(bar - s) : n;
      const char *cs = s + p;
      size_t cl = q - p;
      ys_text_trim(&cs, &cl);
      /* an empty cell: the line break before this line, or "| |" */
      if (gap_before || (!cl && bar && p > 0 && s[p - 1] == '|'))
        push_cell(
            x, &cells, &nc, &cap,
            (cell){.s = "", .line = lines[i].no, .blank = true, .gap = true});
      gap_before = false;
      if (cl) {
        cell c = make_cell(x->a, cs, cl, lines[i].no);
        if (!c.num && !c.blank && plan_word(c.s)) x->plan_head = true;
        push_cell(x, &cells, &nc, &cap, c);
      }
      p = q + 1;
    }
  }
  if (x->rc) return;
  size_t n1, n2, v1, v2;
  row *r1 = make_rows(x, cells, nc, false, &n1);
  row *r2 = x->rc ? NULL : make_rows(x, cells, nc, true, &n2);
  if (x->rc) return;
  size_t w1 = common_width(r1, n1, &v1), w2 = common_width(r2, n2, &v2);
  row *rows = v2 > v1 ? r2 : r1;
  size_t nr = v2 > v1 ? n2 : n1, w = v2 > v1 ? w2 : w1;
  /* the header: the labels without figures before the first row */
  const cell **head = ys_arena_alloc(x->a, sizeof *head * (nr + 1));
  size_t nh = 0;
  for (size_t i = 0; head && i < nr && rows[i].n != w; i++)
    if (!rows[i].n) head[nh++] = rows[i].label;
  x->head = head;
  x->nhead = nh;
  infer(x, rows, nr);
  x->plan_head = false;
  x->head = NULL;
  x->nhead = 0;
}

/* A header as a key, without the unit it prints after its name ("财政总
 * 收入(亿元)" is 财政总收入: the unit is the figure's, not the name's). */
static const char *unit_dropped(ys_arena *a, const char *s) {
  char *k = ys_text_key(a, s, strlen(s));
  if (!k) return NULL;
  static const char *const u[] = {"(亿元)", "(万元)", "(元)"};
  size_t n = strlen(k);
  for (size_t i = 0; i < sizeof u / sizeof u[0]; i++) {
    size_t m = strlen(u[i]);
    if (n > m && !strcmp(k + n - m, u[i])) k[n - m] = 0;
  }
  return k;
}

/* A row label as matched with the narrative: list numbering and 其中
 * dropped ("1.因公出国(境)费用", "其中:公务用车运行维护费"). */
static const char *row_key(const char *s) {
  for (;;) {
    const char *p = s;
    while (*p >= '0' && *p <= '9') p++;
    if (p > s && (*p == '.' || !strncmp(p, "、", 3)))
      s = p + (*p == '.' ? 1 : 3);
    else if (!strncmp(s, "其中", 6))
      s += 6;
    else if (*s == ':' || *s == ',')
      s++;
    else
      return s;
  }
}

static bool total_word(const char *s) {
  return !strcmp(s, "合计") || !strcmp(s, "小计");
}

/* How many rows show column `total` as the sum of columns [b, e) but it
 * (blank cells none), within the rounding of the figures; *tried: how many
 * rows print it and two parts at least. */
static size_t sums_shown(const row *rows, size_t nr, size_t total, size_t b,
                         size_t e, size_t *tried) {
  size_t ok = 0;
  *tried = 0;
  for (size_t i = 0; i < nr; i++) {
    const row *r = &rows[i];
    if (r->rate || total >= r->n || !r->c[total]->num) continue;
    int64_t sum = 0, tol = half2(r->c[total]);
    size_t parts = 0;
    for (size_t j = b; j < e && j < r->n; j++) {
      if (j == total || !r->c[j]->num) continue;
      sum += r->c[j]->am.fen;
      tol += half2(r->c[j]);
      parts++;
    }
    int64_t d = sum - r->c[total]->am.fen;
    if (parts < 2) continue;
    (*tried)++;
    if (2 * (d < 0 ? -d : d) <= tol) ok++;
  }
  return ok;
}

/* Two header rows flattened into one run of cells (a web page's copy):
 * the first row's cells, one of them a group over the whole second row
 * ("预算科目 | 本年收入计划 | 累计完成数 | 占计划% | 上年同期数 | … | 中央级 |
 * 省级 | 市级 | 县乡级 | 合计"). The columns are then the first row's with the
 * group replaced by the second row's, one more allowed at the end (a 备注
 * with nothing in it). Which cell is the group and where the second row
 * starts is told by the figures: the second row's 合计 must be the sum of
 * its siblings in four rows in five of those that print them. An HTML cell
 * copied once per column it spans
 * ("累计完成数 | 累计完成数") counts once. NULL when nothing fits. */
static const cell *const *two_rows(tctx *x, const row *rows, size_t nr,
                                   size_t w, const cell *const *hv, size_t nh) {
  const cell **h = ys_arena_alloc(x->a, sizeof *h * (nh + 1));
  if (!h) {
    x->rc = YS_ENOMEM;
    return NULL;
  }
  size_t n = 0;
  for (size_t i = 0; i < nh; i++)
    if (!n || strcmp(h[n - 1]->s, hv[i]->s)) h[n++] = hv[i];
  if (n < 5 || (n - 2 != w && n - 2 != w + 1)) return NULL;
  size_t best = 0, bk = 0, bg = 0;
  bool tie = false;
  for (size_t k = 3; k < n; k++) {
    /* the second row: its 合计 */
    size_t tot = n;
    for (size_t j = k; j < n; j++)
      if (total_word(h[j]->s)) tot = j;
    if (tot == n) continue;
    for (size_t g = 1; g < k; g++) {
      if (total_word(h[g]->s)) continue;
      /* leaf j (0-based, corner dropped): h[1..g), then h[k..n), then
       * h[g+1..k) */
      size_t b = g - 1, e = b + (n - k);
      size_t tried, ok = sums_shown(rows, nr, b + (tot - k), b, e, &tried);
      if (ok < 2 || ok * 5 < tried * 4) continue; /* four rows in five */
      if (ok > best) {
        best = ok, bk = k, bg = g, tie = false;
      } else if (ok == best && ok) {
        tie = true;
      }
    }
  }
  if (!best || tie) return NULL;
  const cell **cols = ys_arena_alloc(x->a, sizeof *cols * (n + 1));
  if (!cols) {
    x->rc = YS_ENOMEM;
    return NULL;
  }
  size_t m = 0;
  for (size_t j = 1; j < bg; j++) cols[m++] = h[j];
  for (size_t j = bk; j < n; j++) {
    /* a child named with its group: "累计完成数/合计" */
    cell *c = ys_arena_alloc(x->a, sizeof *c);
    if (!c) {
      x->rc = YS_ENOMEM;
      return NULL;
    }
    *c = *h[j];
    c->s = ys_arena_printf(x->a, "%s/%s", h[bg]->s, h[j]->s);
    if (!c->s) {
      x->rc = YS_ENOMEM;
      return NULL;
    }
    cols[m++] = c;
  }
  for (size_t j = bg + 1; j < bk; j++) cols[m++] = h[j];
  return cols;
}

/* The figures of the rows (and of the header, when it names every column:
 * one cell per column, with or without the corner) as facts. */
static void publish(tctx *x, const row *rows, size_t nr, size_t w) {
  if (!x->facts || x->rc) return;
  ys_tfacts *f = x->facts;
  const cell *const *cols = NULL;
  /* two header rows flattened into one run: a group's name, then under it
   * 合计 and its items ("公车购置及运行维护费 | 合计 | 车辆购置 | 车辆运行");
   * the group's 合计 column takes the group's name */
  const cell **hv = ys_arena_alloc(x->a, sizeof *hv * (x->nhead + 1));
  size_t nh = 0;
  for (size_t i = 0; hv && i < x->nhead; i++) {
    const char *t = x->head[i]->s;
    bool total = !strcmp(t, "合计") || !strcmp(t, "小计");
    bool after_group = nh >= 2 && strcmp(hv[nh - 1]->s, "合计") &&
                       strcmp(hv[nh - 1]->s, "小计");
    if (total && after_group && x->nhead - (i + 1) + nh >= w + 1) continue;
    hv[nh++] = x->head[i];
  }
  if (hv && nh == w + 1)
    cols = hv + 1;
  else if (hv && nh == w)
    cols = hv;
  else if (hv)
    cols = two_rows(x, rows, nr, w, x->head, x->nhead);
  if (x->rc) return;
  size_t table = ++f->tables;
  for (size_t i = 0; i < nr && !x->rc; i++)
    for (size_t j = 0; j < rows[i].n && j < w; j++) {
      const cell *c = rows[i].c[j];
      if (!c->num || c->pct || rows[i].rate) continue;
      if (cols && strchr(cols[j]->s, '%')) continue; /* a rate column */
      ys_tfact *v = ys_arena_reserve(f->a, f->v, f->n, &f->cap, sizeof *v);
      if (!v) {
        x->rc = YS_ENOMEM;
        return;
      }
      f->v = v;
      ys_tfact *t = &v[f->n++];
      t->row = ys_arena_strdup(f->a, row_key(rows[i].label->s));
      t->col = unit_dropped(f->a, cols ? cols[j]->s : "");
      t->fig = ys_arena_strdup(f->a, c->s);
      t->unit = x->unit;
      t->unit_known = x->unit_known;
      t->line = c->line;
      t->year = label_year(rows[i].label->s);
      t->measure = ys_phase_named(t->col);
      t->ncols = w;
      t->table = table;
      t->rown = i;
      t->level = -1;
      if (!t->row || !t->col || !t->fig) x->rc = YS_ENOMEM;
    }
}

/* The identities of a table's rows (label and figures each). */
static void infer(tctx *x, row *rows, size_t nr) {
  /* the table's width: the commonest number of figures (two rows at
   * least); rows of another width lost or gained a cell in the copy */
  size_t bestn, best = common_width(rows, nr, &bestn);
  if (bestn < 2 || !best) return;
  size_t m = 0;
  for (size_t i = 0; i < nr; i++) {
    /* (a section's heading row with no figures, "二、相关统计数 | | |", is
     * kept: the outline it opens ends the one above; an item printing no
     * figures, "1.因公出国(境)费 | | |", is a row of blanks, as before) */
    bool figures = false;
    for (size_t j = 0; j < rows[i].n && !figures; j++)
      figures = rows[i].c[j]->num;
    bool sub;
    int kind = figures ? OUT_NONE : outline_kind(rows[i].label->s, &sub);
    bool heading = (kind == OUT_CN || kind == OUT_PCN) && !sub;
    if ((rows[i].n != best && !heading) || rows[i].cut) continue;
    row r = rows[i];
    size_t ll = strlen(r.label->s);
    /* a row of rates: its label says %, or every figure it prints does
     * (a row of amounts with a rate column beside them is not one) */
    bool all_pct = true, any = false;
    for (size_t j = 0; j < r.n; j++)
      if (r.c[j]->num) {
        any = true;
        all_pct = all_pct && r.c[j]->pct;
      }
    r.rate = ys_text_has(r.label->s, ll, "%") || (any && all_pct);
    rows[m++] = r;
  }
  publish(x, rows, m, best);
  bool amount_col[64] = {false};
  if (!x->rates_only) {
    column_sums(x, rows, m, best, amount_col);
    if (!outline_sums(x, rows, m, best)) row_sums(x, rows, m, best, amount_col);
  }
  rate_rows(x, rows, m, best);
  rate_columns(x, rows, m, best);
  row_rates(x, rows, m, best);
}

/* The unit a note before the region states ("单位:万元"); 万元 and
 * *known false when none does. */
static ys_unit unit_before(const ys_tline *lines, size_t b, bool *known) {
  *known = true;
  for (size_t i = b; i-- > 0 && i + 4 > b;) {
    const char *s = lines[i].s;
    size_t n = lines[i].len;
    if (!ys_text_has(s, n, "单位")) continue;
    if (ys_text_has(s, n, "亿元")) return YS_UNIT_YIYUAN;
    if (ys_text_has(s, n, "万元")) return YS_UNIT_WANYUAN;
    if (ys_text_has(s, n, "元")) return YS_UNIT_YUAN;
  }
  *known = false;
  return YS_UNIT_WANYUAN;
}

/* Has a table reader read a table from lines [first, last]? */
static bool read_as_table(const ys_rdoc *d, int first, int last) {
  for (size_t t = 0; t < d->n; t++)
    for (size_t r = 0; r < d->tables[t].nrows; r++) {
      int l = d->tables[t].rows[r].line;
      if (l >= first && l <= last) return true;
    }
  return false;
}

/* A line of a table set as text with spaces between its cells ("2015年 2840
 * 90 1400"): a label, then figures (or "-") and nothing else. */
static bool aligned_row(const ys_tline *l) {
  const char *s = l->s;
  size_t n = l->len;
  if (ys_text_has(s, n, "。") || ys_text_has(s, n, "，") ||
      ys_text_has(s, n, ",") || ys_text_has(s, n, ";") ||
      ys_text_has(s, n, "；") || memchr(s, '|', n))
    return false;
  size_t figs = 0, toks = 0;
  bool label_first = false;
  for (size_t i = 0; i < n;) {
    while (i < n && s[i] == ' ') i++;
    size_t b = i;
    while (i < n && s[i] != ' ') i++;
    if (i == b) break;
    ys_amount am;
    bool pct;
    figkind f = figure(s + b, i - b, &am, &pct);
    /* a year opening the row is its label ("2018 43.89 7.1 …") */
    bool year = f == FIG_NUM && is_year(&am, i - b);
    if (!toks)
      label_first = f == FIG_WORD || year;
    else if (f == FIG_WORD)
      return false; /* words after the figures */
    figs += f == FIG_NUM;
    toks++;
  }
  /* a label and two cells at least, one a figure ("公务接待费 71.53 - -") */
  return label_first && figs >= 1 && toks >= 3;
}

/* The next cell of a line set with spaces between its cells, from byte *k
 * on; NULL at the end (or out of memory: x->rc). */
static cell *spaced_cell(tctx *x, const char *s, size_t n, size_t *k,
                         int line) {
  while (*k < n && s[*k] == ' ') (*k)++;
  size_t t0 = *k;
  while (*k < n && s[*k] != ' ') (*k)++;
  if (*k == t0) return NULL;
  cell *c = ys_arena_alloc(x->a, sizeof *c);
  if (!c) {
    x->rc = YS_ENOMEM;
    return NULL;
  }
  *c = make_cell(x->a, s + t0, *k - t0, line);
  return c;
}

/* The header of a table set as text: the line just before its first row
 * when it is words only, split at spaces as the rows are ("年度 合计 因公出
 * 国(境)经费 公务接待费 …"); none when it is prose or holds a figure. */
static void aligned_head(tctx *x, const ys_tline *lines, size_t b) {
  x->head = NULL;
  x->nhead = 0;
  if (!b) return;
  const char *s = lines[b - 1].s;
  size_t n = lines[b - 1].len;
  if (ys_text_has(s, n, "。") || ys_text_has(s, n, "，") ||
      ys_text_has(s, n, ",") || ys_text_has(s, n, "单位") || n > 600)
    return;
  const cell **head = ys_arena_alloc(x->a, sizeof *head * (n / 2 + 1));
  if (!head) {
    x->rc = YS_ENOMEM;
    return;
  }
  size_t nh = 0;
  size_t k = 0;
  for (cell *c; (c = spaced_cell(x, s, n, &k, lines[b - 1].no));) {
    if (c->num) return; /* a row, not a header */
    head[nh++] = c;
  }
  if (x->rc) return;
  if (nh < 3) return;
  x->head = head;
  x->nhead = nh;
}

/* The rows of lines [b, e) that aligned_row accepts. */
static void aligned_region(tctx *x, const ys_tline *lines, const bool *aligned,
                           size_t b, size_t e) {
  row *rows = ys_arena_alloc(x->a, sizeof *rows * (e - b + 1));
  if (!rows) {
    x->rc = YS_ENOMEM;
    return;
  }
  aligned_head(x, lines, b);
  size_t nr = 0;
  for (size_t i = b; i < e && !x->rc; i++) {
    if (!aligned[i]) continue;
    const char *s = lines[i].s;
    size_t n = lines[i].len;
    row *r = &rows[nr++];
    memset(r, 0, sizeof *r);
    size_t k = 0;
    for (cell *c; (c = spaced_cell(x, s, n, &k, lines[i].no));) {
      if (!r->label)
        r->label = c;
      else if (r->n < 64)
        r->c[r->n++] = c;
      else
        r->cut = true;
    }
  }
  if (!x->rc) infer(x, rows, nr);
  x->head = NULL;
  x->nhead = 0;
}

int ys_table_claims(ys_rdoc *doc, const ys_tline *lines, size_t n,
                    bool *in_table, ys_tfacts *facts) {
  tctx x = {.d = doc, .a = ys_arena_new((size_t)64 << 20), .facts = facts};
  bool *aligned = x.a ? ys_arena_alloc(x.a, n + 1) : NULL;
  if (!aligned) {
    ys_arena_free(x.a);
    return YS_ENOMEM;
  }
  for (size_t i = 0; i < n; i++) in_table[i] = false;
  /* a region: lines with a bar, and the cells between lines that are a
   * bar alone (one cell per line) */
  for (size_t i = 0; i < n && !x.rc;) {
    if (!memchr(lines[i].s, '|', lines[i].len)) {
      i++;
      continue;
    }
    size_t e = i, bars = 0;
    while (e < n) {
      const char *s = lines[e].s;
      size_t l = lines[e].len;
      bool bar = memchr(s, '|', l) != NULL;
      bool between =
          !bar && l < 120 && !ys_text_has(s, l, "。") &&
          ((e > 0 && is_pipe_only(lines[e - 1].s, lines[e - 1].len)) ||
           (e + 1 < n && is_pipe_only(lines[e + 1].s, lines[e + 1].len)));
      if (!bar && !between) break;
      for (size_t k = 0; k < l; k++) bars += s[k] == '|';
      e++;
    }
    if (bars >= 8) {
      x.unit = unit_before(lines, i, &x.unit_known);
      if (!read_as_table(doc, lines[i].no, lines[e - 1].no))
        region(&x, lines, i, e);
      /* a first line that opens with prose ("…情况如下: 表 | 科目 |") stays
       * the sentence reader's too */
      for (size_t k = i; k < e; k++)
        in_table[k] = k > i || !prose_before_bar(&lines[i]);
    }
    i = e > i ? e : i + 1;
  }
  /* tables set as text: runs of aligned rows (blank lines and header
   * lines between them allowed), two rows at least */
  for (size_t i = 0; i < n; i++)
    aligned[i] = !in_table[i] && aligned_row(&lines[i]);
  for (size_t i = 0; i < n && !x.rc;) {
    if (!aligned[i]) {
      i++;
      continue;
    }
    size_t e = i, last = i, rows = 0;
    for (; e < n && e <= last + 3 && !in_table[e]; e++)
      if (aligned[e]) {
        rows++;
        last = e;
      }
    e = last + 1;
    if (rows >= 2) {
      x.unit = unit_before(lines, i, &x.unit_known);
      if (!read_as_table(doc, lines[i].no, lines[e - 1].no))
        aligned_region(&x, lines, aligned, i, e);
      for (size_t k = i; k < e; k++) in_table[k] = in_table[k] || aligned[k];
    }
    i = e;
  }
  int rc = x.rc;
  ys_arena_free(x.a);
  return rc;
}

/* Is every row of the table a label and figures (no panels side by side,
 * no text columns)? And of a table whose cells are observations, one
 * figure, and no side of a 收支总表 (such tables are compared with the text
 * through the quantities of their columns), unless its rows are years or
 * its columns measures. */
static bool label_and_figures(const ys_rtable *t, size_t h) {
  /* a table of years (a row a year) is no table of the year's quantities,
   * whatever the reader placed */
  bool years = true;
  for (size_t r = h; r < t->nrows && years; r++)
    years = t->rows[r].n && label_year(t->rows[r].cells[0].text);
  /* nor is a table whose columns are the measures of one thing (预算数 |
   * 决算数): each statement meets the column of its measure */
  bool measures = t->cols && t->ncols > 2;
  for (size_t j = 1; measures && j < t->ncols; j++)
    measures = t->cols[j].label && ys_phase_named(t->cols[j].label);
  for (size_t r = h; r < t->nrows && !years; r++)
    if ((t->rows[r].flags & YS_RROW_PLACED) &&
        ((t->rows[r].n > 2 && !measures) || t->group))
      return false;
  for (size_t r = h; r < t->nrows; r++)
    for (size_t j = 1; j < t->rows[r].n; j++) {
      const char *s = t->rows[r].cells[j].text;
      ys_amount am;
      if (*s &&
          (ys_money_parse(&am, s, strlen(s), YS_UNIT_WANYUAN, NULL) ||
           am.empty) &&
          strcmp(s, "-") && strcmp(s, "—"))
        return false;
    }
  return true;
}

/* The figures of the tables a table reader read, each row a label and
 * figures ("一、2023年…“三公”经费预算表 | 合计 | 444.16 | 因公出国(境)费 |
 * 1.7 …"), as facts, for the narrative's statements of the same things. A
 * fact of a row whose cells are observations is marked so: the text meets
 * it through their quantities already. */
int ys_rtable_facts(const ys_rdoc *doc, ys_tfacts *f) {
  for (size_t ti = 0; ti < doc->n; ti++) {
    const ys_rtable *t = &doc->tables[ti];
    size_t h = t->header_rows > 0 ? (size_t)t->header_rows : 0;
    if (t->nrows <= h + 1 || !label_and_figures(t, h)) continue;
    const ys_rrow *head = h ? &t->rows[h - 1] : NULL;
    size_t table = ++f->tables;
    for (size_t r = h; r < t->nrows; r++) {
      const ys_rrow *rw = &t->rows[r];
      if (!rw->n) continue;
      const char *label =
          rw->label && *rw->label ? rw->label : rw->cells[0].text;
      for (size_t j = 1; j < rw->n; j++) {
        const char *fig = rw->cells[j].text;
        ys_amount am;
        if (!*fig ||
            ys_money_parse(&am, fig, strlen(fig), YS_UNIT_WANYUAN, NULL) ||
            am.empty || strchr(fig, '%'))
          continue;
        const char *col = t->cols && j < t->ncols && t->cols[j].label
                              ? t->cols[j].label
                          : head && j < head->n ? head->cells[j].text
                                                : "";
        /* a column of rates ("比上年增长(%)") holds no amounts */
        if (strchr(col, '%') ||
            (t->cols && j < t->ncols && t->cols[j].kind == YS_RCOL_RATE))
          continue;
        ys_tfact *v = ys_arena_reserve(f->a, f->v, f->n, &f->cap, sizeof *v);
        if (!v) return YS_ENOMEM;
        f->v = v;
        ys_tfact *x = &v[f->n++];
        const char *lk = ys_text_key(f->a, label, strlen(label));
        x->row = lk ? ys_arena_strdup(f->a, row_key(lk)) : NULL;
        x->col = unit_dropped(f->a, col);
        x->fig = ys_arena_strdup(f->a, fig);
        /* the unit its column's header prints ("财政总收入(亿元)"), else
         * the table's, else none known */
        size_t cl = strlen(col);
        x->unit_known = true;
        if (ys_text_has(col, cl, "亿元"))
          x->unit = YS_UNIT_YIYUAN;
        else if (ys_text_has(col, cl, "万元"))
          x->unit = YS_UNIT_WANYUAN;
        else if (ys_text_has(col, cl, "元"))
          x->unit = YS_UNIT_YUAN;
        else if (t->unit_known)
          x->unit = t->unit;
        else
          x->unit = YS_UNIT_WANYUAN, x->unit_known = false;
        x->line = rw->cells[j].line ? rw->cells[j].line : rw->line;
        x->year = label_year(x->row ? x->row : "");
        x->ncols = rw->n - 1;
        x->table = table;
        x->rown = r - h;
        x->observed = rw->flags & YS_RROW_PLACED;
        x->level = rw->flags & YS_RROW_PLACED ? rw->level : -1;
        x->measure = ys_phase_named(col);
        if (!x->measure) x->measure = ys_phase_named(t->title);
        if (!x->row || !x->col || !x->fig) return YS_ENOMEM;
      }
    }
  }
  return YS_OK;
}

int ys_gtable_claims(ys_rdoc *doc, const ys_gtable *t, bool read) {
  tctx x = {.d = doc, .a = ys_arena_new((size_t)64 << 20), .rates_only = read};
  if (!x.a) return YS_ENOMEM;
  /* a grid of '|'-separated text (one cell per line, "公务接待费 |"): its
   * cells in order are the stream of a table copied as text */
  size_t bars = 0;
  for (size_t i = 0; i < t->ncells; i++)
    for (const char *p = t->cells[i].text; *p; p++) bars += *p == '|';
  if (bars >= 8) {
    ys_tline *tl = ys_arena_alloc(x.a, sizeof *tl * (t->ncells + 1));
    if (!tl) {
      ys_arena_free(x.a);
      return YS_ENOMEM;
    }
    for (size_t i = 0; i < t->ncells; i++)
      tl[i] = (ys_tline){t->cells[i].text, strlen(t->cells[i].text),
                         t->cells[i].line};
    x.unit = YS_UNIT_WANYUAN;
    region(&x, tl, 0, t->ncells);
    int rc = x.rc;
    ys_arena_free(x.a);
    return rc;
  }
  if (t->ncols < 3 || t->nrows - t->header_rows < 2) {
    ys_arena_free(x.a);
    return YS_OK;
  }
  x.unit = YS_UNIT_WANYUAN;
  const char *u = t->unit_text ? t->unit_text : "";
  size_t ul = strlen(u);
  if (ys_text_has(u, ul, "亿元"))
    x.unit = YS_UNIT_YIYUAN;
  else if (ys_text_has(u, ul, "万元"))
    x.unit = YS_UNIT_WANYUAN;
  else if (ys_text_has(u, ul, "元"))
    x.unit = YS_UNIT_YUAN;
  /* a header that names a plan or budget: rates of one column of another */
  for (int r = 0; r < t->header_rows; r++)
    for (int c = 0; c < t->ncols; c++) {
      const ys_gcell *g = ys_gtable_at(t, r, c);
      const char *k = g && g->row == r && g->col == c
                          ? ys_text_key(x.a, g->text, strlen(g->text))
                          : NULL;
      if (k && plan_word(k)) x.plan_head = true;
    }
  /* the columns that number rows (行次, 栏次, 序号) hold no figures, and a
   * column of words after a column of figures starts another panel (收入
   * | 支出 side by side, each with its labels): each panel's rows are read
   * alone */
  int nc_all = t->ncols < 65 ? t->ncols : 65;
  bool seqcol[65] = {false}, starts[65] = {false}, figures_seen = false;
  for (int c = 1; c < nc_all; c++) {
    for (int r = 0; r < t->header_rows && !seqcol[c]; r++) {
      const ys_gcell *g = ys_gtable_at(t, r, c);
      const char *k =
          g && g->col == c ? ys_text_key(x.a, g->text, strlen(g->text)) : NULL;
      seqcol[c] = k && (!strcmp(k, "行次") || !strcmp(k, "栏次") ||
                        !strcmp(k, "序号") || !strcmp(k, "行号"));
    }
    size_t words = 0, figs = 0;
    for (int r = t->header_rows; r < t->nrows; r++) {
      const ys_gcell *g = ys_gtable_at(t, r, c);
      if (!g || g->col != c || !*g->text) continue;
      cell k = make_cell(x.a, g->text, strlen(g->text), g->line);
      size_t kl = strlen(k.s), digits = strspn(k.s, "0123456789");
      /* a code (301, 2080505, a 款's 01 or 2) is no figure; neither is a
       * whole number printed bare, which a table of money rarely prints */
      if (k.num && digits == kl && kl <= 9) continue;
      if (k.num)
        figs++;
      else if (!k.blank)
        words++;
    }
    /* (a column of words after a column of codes is the same panel's) */
    starts[c] = words > figs && figures_seen;
    if (starts[c]) figures_seen = false;
    if (figs > words) figures_seen = true;
  }
  size_t nr = (size_t)(t->nrows - t->header_rows), w = (size_t)t->ncols - 1;
  row *rows = ys_arena_alloc(x.a, sizeof *rows * (nr + 1));
  cell *cells = ys_arena_alloc(x.a, sizeof *cells * (nr * (w + 1) + 1));
  if (!rows || !cells || w > 64) {
    int rc = rows && cells ? YS_OK : YS_ENOMEM;
    ys_arena_free(x.a);
    return rc;
  }
  for (int p0 = 0; p0 < t->ncols && !x.rc;) {
    int p1 = p0 + 1;
    while (p1 < t->ncols && !starts[p1]) p1++;
    size_t m = 0, nc = 0;
    for (int r = t->header_rows; r < t->nrows; r++) {
      const ys_gcell *lc = ys_gtable_at(t, r, p0);
      if (!lc || lc->col != p0 || !*lc->text) continue;
      cell *label = &cells[nc++];
      *label = make_cell(x.a, lc->text, strlen(lc->text), lc->line);
      /* a row without a label (a year is one: "2018") */
      if (label->num && !is_year(&label->am, strlen(label->s))) continue;
      row *rw = &rows[m++];
      memset(rw, 0, sizeof *rw);
      rw->label = label;
      for (int c = p0 + 1; c < p1; c++) {
        if (seqcol[c]) continue;
        const ys_gcell *g = ys_gtable_at(t, r, c);
        /* a cell spanning from the left (the label's) is no figure */
        if (g && g->col != c) g = NULL;
        cell *f = &cells[nc++];
        if (g && *g->text)
          *f = make_cell(x.a, g->text, strlen(g->text), g->line);
        else
          *f = (cell){.s = "", .line = lc->line, .blank = true};
        rw->c[rw->n++] = f;
      }
    }
    infer(&x, rows, m);
    p0 = p1;
  }
  int rc = x.rc;
  ys_arena_free(x.a);
  return rc;
}
