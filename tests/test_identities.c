/*
 * test_identities.c - the compiled tables agree with each other, as
 * written to disk.
 *
 * A verifier reads every 表N_*.csv of an output directory back (through
 * tests/support/tablecsv.h, never through compile's structures) and checks
 * the identities of shared/domain.md "One dataset, many views" for the
 * Shaanxi table set on the displayed cells, in exact 分:
 *   - 表1/表4/表9 panels: each row = Σ its indented parts (其中 rows are
 *     subsets, not parts), top-level rows = 本年收入合计 / 本年支出合计,
 *     收入总计 = Σ the income footers, 支出总计 = Σ the expense footers,
 *     收入总计 = 支出总计;
 *   - 表5–表8 code trees (level by code length 3/5/7: 合计 = Σ 类,
 *     类 = Σ 款, 款 = Σ 项) and row parts (合计 = 人员 + 公用 [+ 专项]);
 *   - 表2/表3 合计 = Σ source columns, 合计 = department = Σ units;
 *   - 表12 合计 = 三公小计 + 会议费 + 培训费, 小计 = 出国 + 接待 + 车小计,
 *     车小计 = 购置 + 运行, 增减 = 当年 − 上年;
 *   - across tables: the same quantity has one value (表1/表4/表5/表9
 *     class rows, 表5/表7 and 表6/表8 basic columns, 表5 专项 and 表10,
 *     表6 30212/30217/30231/31013/30215/30216 and 表12, 表13/表15 and 表10
 *     projects, 表14 and 表1, 表2 and 表1 ...);
 *   - 空表说明 exactly on the tables without data.
 * For a table printed in 万元 an identity over n printed parts may be off
 * by up to 0.005 × (n + 1) 万元 (尾数误差), and a table where one is off must
 * carry the rounding note.
 *
 * It runs on the bundled example and on a few hundred random datasets made
 * by a fixed-seed generator (each also compiled with a 万元 copy of the
 * profile), and it proves it can fail: corrupted copies of an output must
 * be reported. YS_RANDOM_SEEDS=N and YS_RANDOM_BUDGET=seconds set how many
 * random datasets test_random runs (at least N, more within the budget).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "support/compiled.h"
#include "support/tablecsv.h"
#include "yusuan/yusuan.h"

#define NONE ((size_t)-1)
#define NT 16 /* tables 表1..表15 */
#define NMAX_LOG 24

static ys_catalog *cat;
static ys_profile *prof_yuan, *prof_wan;

/* ====================================================================== */
/* The verifier                                                            */
/* ====================================================================== */

/* Ground truth a generator knows (optional): checked against the cells. */
typedef struct truth {
  bool set;
  int64_t exp_all, exp_gpb, exp_fiscal, exp_project, rev_cur_nonreserve;
  int64_t prev[6]; /* 出国 接待 车购置 车运行 会议 培训, last year */
  int64_t cur[6]; /* the same, gpb line items this year */
} truth;

/* What the caller knows about the dataset; -1 = derive from the tables
 * (possible only from exact 元 tables). */
typedef struct vopts {
  int fiscal_only; /* every amount is 一般公共预算/政府性基金/国有资本经营 */
  int all_gpb; /* every amount is 一般公共预算 */
  int no_soc;  /* no 国有资本经营预算 at all */
  const truth *truth;
} vopts;

typedef struct verifier {
  tc_table t[NT];
  bool have[NT];
  vopts o;
  int fiscal_only, all_gpb, no_soc;
  int checks, violations;
  int note_violations;   /* of them: a rounding note missing or misplaced */
  int off[NT];           /* displayed identities off by rounding, per table */
  char offwhat[NT][200]; /* the first of them */
  char log[NMAX_LOG][512];
} verifier;

static void viol(verifier *v, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void viol(verifier *v, const char *fmt, ...) {
  if (v->violations < NMAX_LOG) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->log[v->violations], sizeof v->log[0], fmt, ap);
    va_end(ap);
  }
  v->violations++;
}

static void print_log(const verifier *v, const char *dir) {
  print_message("%d violation(s) in %s:\n", v->violations, dir);
  for (int i = 0; i < v->violations && i < NMAX_LOG; i++)
    print_message("  %s\n", v->log[i]);
}

static bool log_mentions(const verifier *v, const char *s) {
  for (int i = 0; i < v->violations && i < NMAX_LOG; i++)
    if (strstr(v->log[i], s)) return true;
  return false;
}

/* A logged violation starting with prefix and mentioning s. */
static bool log_line(const verifier *v, const char *prefix, const char *s) {
  for (int i = 0; i < v->violations && i < NMAX_LOG; i++)
    if (!strncmp(v->log[i], prefix, strlen(prefix)) && strstr(v->log[i], s))
      return true;
  return false;
}

static const char *yuan(int64_t fen, char *buf, size_t n) {
  ys_money_format(buf, n, fen, YS_UNIT_YUAN, 2, YS_FMT_THOUSANDS);
  return buf;
}

/* Half a printed digit in 分 (0 when the print is exact). */
static int64_t half(int64_t step) {
  return step > 1 ? step / 2 : 0;
}

/*
 * total = Σ parts over displayed values: parts printed with step sp, the
 * total with step st. Off by more than the rounding of the n + 1 printed
 * values is a violation; off within it is 尾数误差, and when the identity
 * is displayed inside one table (tn != 0) that table must carry the note.
 */
static void chk_sum(verifier *v, int tn, int64_t sp, int64_t st, int64_t total,
                    const int64_t *parts, int n, const char *what) {
  int64_t sum = 0;
  for (int i = 0; i < n; i++) sum += parts[i];
  int64_t diff = sum - total, tol = half(sp) * n + half(st);
  v->checks++;
  if ((diff < 0 ? -diff : diff) > tol) {
    char a[64], b[64];
    viol(v, "%s: shown %s 元, parts sum to %s 元 (%d parts)", what,
         yuan(total, a, sizeof a), yuan(sum, b, sizeof b), n);
  } else if (diff && tn) {
    if (!v->off[tn]++)
      snprintf(v->offwhat[tn], sizeof v->offwhat[tn], "%s", what);
  }
}

/* Two observations of one quantity: equal when printed alike, else their
 * rounding intervals overlap. */
static void chk_same(verifier *v, int64_t sa, int64_t a, int64_t sb, int64_t b,
                     const char *what) {
  v->checks++;
  int64_t d = a - b;
  if (d < 0) d = -d;
  if (sa == sb ? d != 0 : d > half(sa) + half(sb)) {
    char x[64], y[64];
    viol(v, "%s: %s 元 vs %s 元", what, yuan(a, x, sizeof x),
         yuan(b, y, sizeof y));
  }
}

/* A displayed cell against an exact value the generator knows. */
static void chk_truth(verifier *v, const tc_table *t, int64_t shown,
                      int64_t exact, const char *what) {
  int dec = t->decimals < 0 ? 2 : t->decimals;
  int64_t r = ys_money_round(exact, t->unit, dec);
  v->checks++;
  if (r != shown) {
    char x[64], y[64];
    viol(v, "%s: shown %s 元, the dataset says %s 元", what,
         yuan(shown, x, sizeof x), yuan(exact, y, sizeof y));
  }
}

static int64_t step_of(const verifier *v, int tn) {
  return v->have[tn] ? tc_step(&v->t[tn]) : 1;
}

/* The amount of a cell; a cell that is not an amount is a violation. */
static int64_t amt(verifier *v, int tn, size_t row, int col) {
  int64_t fen = 0;
  if (row == NONE || col < 0) return 0;
  if (tc_amount(&v->t[tn], row, (size_t)col, &fen) < 0)
    viol(v, "表%d line %d column %d: '%s' is not an amount", tn,
         v->t[tn].rows[row].line, col + 1,
         tc_cell(&v->t[tn], row, (size_t)col));
  return fen;
}

static int need_col(verifier *v, int tn, const char *label, int col) {
  if (col < 0) viol(v, "表%d: no column '%s'", tn, label);
  return col;
}

static size_t need_row(verifier *v, int tn, const char *what, size_t row) {
  if (row == NONE) viol(v, "表%d: no row '%s'", tn, what);
  return row;
}

static bool starts(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

/* "  10、卫生健康支出" → "卫生健康支出"; "(3)对个人…" → "对个人…". */
static void strip_numbering(const char *s, char *buf, size_t n) {
  char t[512];
  tc_trim(s, t, sizeof t);
  const char *p = t;
  const char *dun = strstr(p, "、");
  if (dun && dun - p <= 9)
    p = dun + strlen("、");
  else if (*p == '(' && strchr(p, ')'))
    p = strchr(p, ')') + 1;
  size_t len = strlen(p);
  if (len >= n) len = n - 1;
  memcpy(buf, p, len);
  buf[len] = '\0';
}

/* --- loading ----------------------------------------------------------- */

static int load_dir(verifier *v, const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    viol(v, "%s: no such directory", dir);
    return -1;
  }
  struct dirent *e;
  while ((e = readdir(d))) {
    int n = 0;
    char tail[8];
    if (sscanf(e->d_name, "表%d%1[_]", &n, tail) != 2 || n < 1 || n >= NT)
      continue;
    size_t len = strlen(e->d_name);
    if (len < 4 || strcmp(e->d_name + len - 4, ".csv")) continue;
    char path[4096], err[512];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (v->have[n]) {
      viol(v, "%s: 表%d twice", path, n);
      continue;
    }
    if (tc_load(&v->t[n], path, err, sizeof err)) {
      viol(v, "%s", err);
      tc_free(&v->t[n]);
      continue;
    }
    v->have[n] = true;
  }
  closedir(d);
  for (int n = 1; n < NT; n++) {
    if (!v->have[n]) {
      viol(v, "%s: 表%d missing", dir, n);
      continue;
    }
    char want[16];
    snprintf(want, sizeof want, "表%d", n);
    if (strcmp(v->t[n].number, want) || !*v->t[n].title)
      viol(v, "%s: first row '%s,%s'", v->t[n].path, v->t[n].number,
           v->t[n].title);
  }
  return 0;
}

static void free_verifier(verifier *v) {
  for (int n = 0; n < NT; n++)
    if (v->have[n]) tc_free(&v->t[n]);
}

/* --- indentation trees --------------------------------------------------- */

typedef struct tnode {
  int indent;
  bool subset;
  int64_t fen;
  size_t row;
} tnode;

/* Every node with indented non-subset children equals their sum; the
 * children are the least indented non-subset rows below it. */
static void tree_sums(verifier *v, int tn, const tnode *nd, size_t n,
                      const char *what) {
  int64_t st = step_of(v, tn);
  int64_t *parts = malloc(sizeof(int64_t) * (n + 1));
  if (!parts) return;
  for (size_t i = 0; i < n; i++) {
    if (nd[i].subset) continue;
    size_t end = i + 1;
    int minind = 1 << 30;
    for (; end < n && nd[end].indent > nd[i].indent; end++)
      if (!nd[end].subset && nd[end].indent < minind) minind = nd[end].indent;
    int k = 0;
    for (size_t j = i + 1; j < end; j++)
      if (!nd[j].subset && nd[j].indent == minind) parts[k++] = nd[j].fen;
    if (!k) continue;
    char w[600];
    snprintf(w, sizeof w, "表%d %s line %d = Σ its parts", tn, what,
             v->t[tn].rows[nd[i].row].line);
    chk_sum(v, tn, st, st, nd[i].fen, parts, k, w);
  }
  free(parts);
}

/* --- panels (表1, 表4, 表9) --------------------------------------------- */

typedef struct pline {
  char label[256]; /* trimmed, numbering kept */
  int indent;      /* outline level (panel_level) */
  bool subset;
  int64_t fen;
  size_t row;
} pline;

typedef struct panel {
  pline body[64];
  int nbody;
  pline foot[8];
  int nfoot;
} panel;

typedef struct panels {
  panel p[4];
  int np;
  bool ok;
} panels;

static bool is_year_total(const char *label) {
  return tc_label_eq(label, "本年收入合计") ||
         tc_label_eq(label, "本年支出合计");
}

/*
 * The outline level of a panel label from its numbering, as a reader sees
 * it: "一、" 0, "1、" 1, "(1)" 2; an unnumbered label sits one level below
 * the last numbered one (表9 "    工资福利支出"). Leading spaces cannot be
 * used: CSV readers (libcsv, hence csvread) strip them from unquoted cells.
 */
static int panel_level(const char *label, int *last) {
  static const char *const cn[] = {"一", "二", "三", "四", "五",
                                   "六", "七", "八", "九", "十"};
  const char *p = label;
  int ncn = 0;
  for (bool more = true; more;) {
    more = false;
    for (size_t k = 0; k < sizeof cn / sizeof *cn; k++)
      if (starts(p, cn[k])) {
        p += strlen(cn[k]);
        ncn++;
        more = true;
        break;
      }
  }
  int lvl = -1;
  if (ncn && starts(p, "、")) lvl = 0;
  for (p = label; *p >= '0' && *p <= '9'; p++) {
  }
  if (lvl < 0 && p > label && starts(p, "、")) lvl = 1;
  p = *label == '(' ? label + 1 : starts(label, "（") ? label + 3 : NULL;
  if (lvl < 0 && p) {
    const char *q = p;
    while (*q >= '0' && *q <= '9') q++;
    if (q > p && (*q == ')' || starts(q, "）"))) lvl = 2;
  }
  if (lvl >= 0) return *last = lvl;
  return *last + 1;
}

static void load_panels(verifier *v, int tn, panels *ps) {
  memset(ps, 0, sizeof *ps);
  const tc_table *t = &v->t[tn];
  ps->np = (int)(t->ncols / 2);
  if (ps->np < 2 || ps->np > 4) {
    viol(v, "表%d: %zu columns, not 2–4 panels", tn, t->ncols);
    return;
  }
  size_t fstart = NONE;
  for (size_t r = t->nheader; r < t->nrows && fstart == NONE; r++)
    for (int p = 0; p < ps->np; p++) {
      char buf[256];
      tc_trim(tc_cell(t, r, (size_t)(2 * p)), buf, sizeof buf);
      if (is_year_total(buf)) fstart = r;
    }
  if (need_row(v, tn, "本年收入合计", fstart) == NONE) return;
  for (int p = 0; p < ps->np; p++) {
    panel *pn = &ps->p[p];
    int last = -1;
    for (size_t r = t->nheader; r < t->nrows; r++) {
      const char *raw = tc_cell(t, r, (size_t)(2 * p));
      if (!*raw) continue;
      bool foot = r >= fstart;
      if (foot ? pn->nfoot == 8 : pn->nbody == 64) continue;
      pline *l = foot ? &pn->foot[pn->nfoot++] : &pn->body[pn->nbody++];
      tc_trim(raw, l->label, sizeof l->label);
      l->subset = starts(l->label, "其中");
      l->indent = foot ? 0 : panel_level(l->label, &last);
      l->fen = amt(v, tn, r, 2 * p + 1);
      l->row = r;
    }
    if (!pn->nfoot || !is_year_total(pn->foot[0].label))
      viol(v, "表%d panel %d: no 本年…合计 footer", tn, p + 1);
  }
  ps->ok = true;
}

static const pline *pfind(const panel *pn, const char *label) {
  for (int i = 0; i < pn->nbody; i++)
    if (tc_label_eq(pn->body[i].label, label)) return &pn->body[i];
  for (int i = 0; i < pn->nfoot; i++)
    if (tc_label_eq(pn->foot[i].label, label)) return &pn->foot[i];
  return NULL;
}

/* pfind that reports a missing row and yields 0. */
static int64_t pval(verifier *v, int tn, const panel *pn, const char *label) {
  const pline *l = pfind(pn, label);
  if (!l) {
    viol(v, "表%d: no panel row '%s'", tn, label);
    return 0;
  }
  return l->fen;
}

/* The body line whose label without numbering is name; NULL when none. */
static const pline *pfind_name(const panel *pn, const char *name, int from) {
  for (int i = from; i < pn->nbody; i++) {
    char b[256];
    strip_numbering(pn->body[i].label, b, sizeof b);
    if (tc_label_eq(b, name)) return &pn->body[i];
  }
  return NULL;
}

static void check_panels(verifier *v, int tn, const panels *ps) {
  if (!ps->ok) return;
  int64_t st = step_of(v, tn);
  int64_t closing[4] = {0};
  bool has_closing[4] = {false};
  for (int p = 0; p < ps->np; p++) {
    const panel *pn = &ps->p[p];
    tnode nd[64];
    int minind = 1 << 30;
    int64_t top[64];
    int ntop = 0;
    for (int i = 0; i < pn->nbody; i++) {
      nd[i] = (tnode){pn->body[i].indent, pn->body[i].subset, pn->body[i].fen,
                      pn->body[i].row};
      if (!nd[i].subset && nd[i].indent < minind) minind = nd[i].indent;
    }
    char what[64];
    snprintf(what, sizeof what, "panel %d", p + 1);
    tree_sums(v, tn, nd, (size_t)pn->nbody, what);
    for (int i = 0; i < pn->nbody; i++)
      if (!nd[i].subset && nd[i].indent == minind) top[ntop++] = nd[i].fen;
    if (pn->nfoot && ntop) {
      char w[400];
      snprintf(w, sizeof w, "表%d panel %d: %.255s = Σ top rows", tn, p + 1,
               pn->foot[0].label);
      chk_sum(v, tn, st, st, pn->foot[0].fen, top, ntop, w);
    }
    /* 收入总计 / 支出总计 = Σ the other footers. */
    const pline *last = pn->nfoot ? &pn->foot[pn->nfoot - 1] : NULL;
    if (last && strstr(last->label, "总计")) {
      int64_t parts[8];
      for (int i = 0; i < pn->nfoot - 1; i++) parts[i] = pn->foot[i].fen;
      char w[400];
      snprintf(w, sizeof w, "表%d panel %d: %.255s = Σ footers", tn, p + 1,
               last->label);
      chk_sum(v, tn, st, st, last->fen, parts, pn->nfoot - 1, w);
      closing[p] = last->fen;
      has_closing[p] = true;
    }
    /* Every expense panel shows the same 本年支出合计. */
    if (p >= 2 && pn->nfoot && ps->p[1].nfoot) {
      char w[160];
      snprintf(w, sizeof w, "表%d: 本年支出合计 of panel %d and panel 2", tn,
               p + 1);
      chk_same(v, st, pn->foot[0].fen, st, ps->p[1].foot[0].fen, w);
    }
  }
  for (int p = 1; p < ps->np; p++)
    if (has_closing[0] && has_closing[p]) {
      char w[160];
      snprintf(w, sizeof w, "表%d: 收入总计 = 支出总计 (panel %d)", tn, p + 1);
      chk_sum(v, tn, st, st, closing[0], &closing[p], 1, w);
    }
}

/* --- code trees (表5–表8) ---------------------------------------------- */

typedef struct codetab {
  int code_col, name_col, gov_col;
  int col[4]; /* 合计, 人员, 公用, 专项 (-1 when absent) */
  int ncol;
  size_t total_row;
} codetab;

static const char *const part_labels[4] = {"合计", "人员经费支出",
                                           "公用经费支出", "专项业务经费支出"};

static void load_codetab(verifier *v, int tn, codetab *c, bool econ,
                         bool project) {
  const tc_table *t = &v->t[tn];
  const char *cl = econ ? "部门经济科目编码" : "功能科目编码";
  const char *nl = econ ? "部门经济科目名称" : "功能科目名称";
  c->code_col = need_col(v, tn, cl, tc_col(t, cl));
  c->name_col = need_col(v, tn, nl, tc_col(t, nl));
  c->gov_col =
      econ ? need_col(v, tn, "政府经济科目编码", tc_col(t, "政府经济科目编码"))
           : -1;
  c->ncol = project ? 4 : 3;
  for (int k = 0; k < c->ncol; k++)
    c->col[k] = need_col(v, tn, part_labels[k], tc_col(t, part_labels[k]));
  c->total_row = c->name_col >= 0
                     ? tc_row_by_label(t, (size_t)c->name_col, "合计", 0)
                     : NONE;
  if (c->total_row != t->nheader)
    viol(v, "表%d: the first body row is not 合计", tn);
}

static int code_level(const char *code) {
  size_t n = strlen(code);
  for (const char *p = code; *p; p++)
    if (*p < '0' || *p > '9') return 0;
  return n == 3 ? 1 : n == 5 ? 2 : n == 7 ? 3 : 0;
}

static void check_code_tree(verifier *v, int tn, const codetab *c, bool econ) {
  const tc_table *t = &v->t[tn];
  if (c->code_col < 0 || c->total_row == NONE) return;
  for (int k = 0; k < c->ncol; k++)
    if (c->col[k] < 0) return;
  int64_t st = step_of(v, tn);
  int maxlvl = econ ? 2 : 3;
  size_t n = t->nrows;
  int64_t *parts = malloc(sizeof(int64_t) * (n + 1));
  if (!parts) return;
  /* Shape: levels by code length, each row under its parent, indented. */
  const char *parent[4] = {"", "", "", ""};
  int pind[4] = {0, 0, 0, 0};
  for (size_t i = c->total_row + 1; i < n; i++) {
    const char *code = tc_cell(t, i, (size_t)c->code_col);
    int lvl = code_level(code);
    int ind = tc_indent(tc_cell(t, i, (size_t)c->name_col));
    if (lvl < 1 || lvl > maxlvl) {
      viol(v, "表%d line %d: code '%s' is not a 类/款%s", tn, t->rows[i].line,
           code, econ ? "" : "/项");
      continue;
    }
    if (lvl > 1 && (!starts(code, parent[lvl - 1]) || !*parent[lvl - 1]))
      viol(v, "表%d line %d: %s is not under %s", tn, t->rows[i].line, code,
           parent[lvl - 1]);
    if (lvl > 1 && ind <= pind[lvl - 1])
      viol(v, "表%d line %d: %s is not indented under its parent", tn,
           t->rows[i].line, code);
    parent[lvl] = code;
    pind[lvl] = ind;
    for (int l = lvl + 1; l <= 3; l++) parent[l] = "";
    /* A 类 (and a func 款) must have children: the tree goes down to the
     * leaves the table shows. */
    const char *next = i + 1 < n ? tc_cell(t, i + 1, (size_t)c->code_col) : "";
    if (lvl < maxlvl && !(starts(next, code) && code_level(next) == lvl + 1))
      viol(v, "表%d line %d: %s has no %s below it", tn, t->rows[i].line, code,
           lvl == 1 ? "款" : "项");
    if (econ && lvl == maxlvl &&
        code_level(tc_cell(t, i, (size_t)c->gov_col)) != 2)
      viol(v, "表%d line %d: %s has no government 款 '%s'", tn, t->rows[i].line,
           code, tc_cell(t, i, (size_t)c->gov_col));
  }
  for (int k = 0; k < c->ncol; k++) {
    int col = c->col[k];
    /* 合计 = Σ 类 */
    int np = 0;
    for (size_t i = c->total_row + 1; i < n; i++)
      if (code_level(tc_cell(t, i, (size_t)c->code_col)) == 1)
        parts[np++] = amt(v, tn, i, col);
    char w[200];
    snprintf(w, sizeof w, "表%d %s: 合计 = Σ 类", tn, part_labels[k]);
    chk_sum(v, tn, st, st, amt(v, tn, c->total_row, col), parts, np, w);
    /* 类 = Σ 款, 款 = Σ 项 */
    for (size_t i = c->total_row + 1; i < n; i++) {
      const char *code = tc_cell(t, i, (size_t)c->code_col);
      int lvl = code_level(code);
      if (lvl < 1 || lvl >= maxlvl) continue;
      np = 0;
      for (size_t j = i + 1; j < n; j++) {
        const char *cj = tc_cell(t, j, (size_t)c->code_col);
        if (!starts(cj, code)) break;
        if (code_level(cj) == lvl + 1) parts[np++] = amt(v, tn, j, col);
      }
      if (!np) continue;
      snprintf(w, sizeof w, "表%d %s: %s %s = Σ %s", tn, part_labels[k], code,
               lvl == 1 ? "类" : "款", lvl == 1 ? "款" : "项");
      chk_sum(v, tn, st, st, amt(v, tn, i, col), parts, np, w);
    }
  }
  /* Row parts: 合计 = 人员 + 公用 [+ 专项]. */
  for (size_t i = c->total_row; i < n; i++) {
    int64_t p3[3];
    for (int k = 1; k < c->ncol; k++) p3[k - 1] = amt(v, tn, i, c->col[k]);
    char w[200];
    snprintf(w, sizeof w, "表%d line %d: 合计 = 人员 + 公用%s", tn,
             t->rows[i].line, c->ncol == 4 ? " + 专项" : "");
    chk_sum(v, tn, st, st, amt(v, tn, i, c->col[0]), p3, c->ncol - 1, w);
  }
  free(parts);
}

/* Σ of a column over the rows showing code (表6/表8 may show a 款 twice,
 * once per government 款); *nrows how many. */
static int64_t sum_code(verifier *v, int tn, const codetab *c, const char *code,
                        int col, int *nrows) {
  int64_t s = 0;
  *nrows = 0;
  if (c->code_col < 0 || col < 0) return 0;
  for (size_t r = tc_row_by_code(&v->t[tn], (size_t)c->code_col, code, 0);
       r != NONE;
       r = tc_row_by_code(&v->t[tn], (size_t)c->code_col, code, r + 1)) {
    s += amt(v, tn, r, col);
    (*nrows)++;
  }
  return s;
}

/* --- unit trees (表2, 表3, 表10, 表12) --------------------------------- */

/* 合计 = the department row = Σ its indented rows, per amount column. */
static void check_unit_tree(verifier *v, int tn, int name_col, const int *cols,
                            int ncols) {
  const tc_table *t = &v->t[tn];
  if (name_col < 0) return;
  size_t tot = tc_row_by_label(t, (size_t)name_col, "合计", 0);
  if (need_row(v, tn, "合计", tot) == NONE) return;
  if (tot != t->nheader) viol(v, "表%d: the first body row is not 合计", tn);
  size_t dept = tot + 1;
  if (dept >= t->nrows) {
    viol(v, "表%d: no department row", tn);
    return;
  }
  if (tc_indent(tc_cell(t, dept, (size_t)name_col)) != 0)
    viol(v, "表%d: the department row is indented", tn);
  size_t n = t->nrows - dept;
  tnode *nd = malloc(sizeof(tnode) * (n + 1));
  if (!nd) return;
  for (int k = 0; k < ncols; k++) {
    if (cols[k] < 0) continue;
    char w[200];
    snprintf(w, sizeof w, "表%d %s: 合计 = department", tn,
             tc_col_label(t, (size_t)cols[k]));
    int64_t st = step_of(v, tn);
    chk_same(v, st, amt(v, tn, tot, cols[k]), st, amt(v, tn, dept, cols[k]), w);
    for (size_t i = 0; i < n; i++) {
      nd[i].row = dept + i;
      nd[i].indent = i ? tc_indent(tc_cell(t, dept + i, (size_t)name_col)) : 0;
      if (i && nd[i].indent == 0)
        viol(v, "表%d line %d: a second top-level row", tn,
             t->rows[dept + i].line);
      nd[i].subset = false;
      nd[i].fen = amt(v, tn, dept + i, cols[k]);
    }
    tree_sums(v, tn, nd, n, tc_col_label(t, (size_t)cols[k]));
  }
  free(nd);
}

/* Row parts of 表2/表3: 合计 = Σ the other amount columns, except the
 * 其中 columns (subsets). */
static void check_source_columns(verifier *v, int tn, int *cols, int *ncols) {
  const tc_table *t = &v->t[tn];
  int tot = need_col(v, tn, "合计", tc_col(t, "合计"));
  *ncols = 0;
  if (tot < 0) return;
  cols[(*ncols)++] = tot;
  int parts_col[64], np = 0;
  for (size_t k = (size_t)tot + 1; k < t->ncols && np < 64; k++) {
    cols[(*ncols)++] = (int)k;
    if (!starts(tc_col_label(t, k), "其中")) parts_col[np++] = (int)k;
  }
  int64_t st = step_of(v, tn);
  for (size_t r = t->nheader; r < t->nrows; r++) {
    int64_t parts[64];
    for (int i = 0; i < np; i++) parts[i] = amt(v, tn, r, parts_col[i]);
    char w[160];
    snprintf(w, sizeof w, "表%d line %d: 合计 = Σ sources", tn,
             t->rows[r].line);
    chk_sum(v, tn, st, st, amt(v, tn, r, tot), parts, np, w);
  }
}

/* --- 表12 ---------------------------------------------------------------- */

enum {
  S_TOTAL,
  S_SUB,
  S_ABROAD,
  S_RECEPTION,
  S_CAR,
  S_CAR_BUY,
  S_CAR_RUN,
  S_MEETING,
  S_TRAINING,
  S_N
};

static void t12_cols(verifier *v, const char *group, int col[S_N]) {
  const tc_table *t = &v->t[12];
  const char *sg = "一般公共预算拨款安排的“三公”经费预算";
  const char *car = "公务用车购置及运行维护费";
  const char *const paths[S_N][5] = {
      {group, "合计", NULL},
      {group, sg, "小计", NULL},
      {group, sg, "因公出国（境）费用", NULL},
      {group, sg, "公务接待费", NULL},
      {group, sg, car, "小计", NULL},
      {group, sg, car, "公务用车购置费", NULL},
      {group, sg, car, "公务用车运行维护费", NULL},
      {group, "会议费", NULL},
      {group, "培训费", NULL},
  };
  for (int k = 0; k < S_N; k++) {
    col[k] = tc_col_path(t, paths[k]);
    if (col[k] < 0) viol(v, "表12: no column %s/%s", group, paths[k][1]);
  }
}

static void check_t12(verifier *v, int cols[3][S_N]) {
  const tc_table *t = &v->t[12];
  static const char *const groups[3] = {"上年", "当年", "增减变化情况"};
  for (int g = 0; g < 3; g++) t12_cols(v, groups[g], cols[g]);
  for (int g = 0; g < 3; g++)
    for (int k = 0; k < S_N; k++)
      if (cols[g][k] < 0) return;
  int64_t st = step_of(v, 12);
  for (size_t r = t->nheader; r < t->nrows; r++) {
    char w[200];
    int line = t->rows[r].line;
    for (int g = 0; g < 3; g++) {
      const int *c = cols[g];
      int64_t p[3] = {amt(v, 12, r, c[S_SUB]), amt(v, 12, r, c[S_MEETING]),
                      amt(v, 12, r, c[S_TRAINING])};
      snprintf(w, sizeof w, "表12 line %d %s: 合计 = 小计 + 会议 + 培训", line,
               groups[g]);
      chk_sum(v, 12, st, st, amt(v, 12, r, c[S_TOTAL]), p, 3, w);
      int64_t q[3] = {amt(v, 12, r, c[S_ABROAD]), amt(v, 12, r, c[S_RECEPTION]),
                      amt(v, 12, r, c[S_CAR])};
      snprintf(w, sizeof w, "表12 line %d %s: 小计 = 出国 + 接待 + 车", line,
               groups[g]);
      chk_sum(v, 12, st, st, amt(v, 12, r, c[S_SUB]), q, 3, w);
      int64_t u[2] = {amt(v, 12, r, c[S_CAR_BUY]), amt(v, 12, r, c[S_CAR_RUN])};
      snprintf(w, sizeof w, "表12 line %d %s: 车 = 购置 + 运行", line,
               groups[g]);
      chk_sum(v, 12, st, st, amt(v, 12, r, c[S_CAR]), u, 2, w);
    }
    for (int k = 0; k < S_N; k++) {
      /* 当年 = 上年 + 增减 */
      int64_t p[2] = {amt(v, 12, r, cols[0][k]), amt(v, 12, r, cols[2][k])};
      snprintf(w, sizeof w, "表12 line %d: %s 增减 = 当年 − 上年", line,
               tc_col_label(t, (size_t)cols[1][k]));
      chk_sum(v, 12, st, st, amt(v, 12, r, cols[1][k]), p, 2, w);
    }
  }
  int all[3 * S_N];
  for (int g = 0; g < 3; g++)
    for (int k = 0; k < S_N; k++) all[g * S_N + k] = cols[g][k];
  check_unit_tree(v, 12, tc_col(t, "单位名称"), all, 3 * S_N);
}

/* --- 表10 and the 绩效目标 forms (表13–表15) --------------------------- */

typedef struct proj {
  char name[512];
  int64_t fen;
  int seen; /* times found in 表13/表15 */
} proj;

/* The project rows of 表10: leaves of the unit tree that carry a code. */
static int t10_projects(verifier *v, proj *out, int max, size_t *total_row,
                        int *amount_col) {
  const tc_table *t = &v->t[10];
  int code = tc_col(t, "单位编码"), name = tc_col(t, "单位（项目）名称");
  int col = need_col(v, 10, "项目金额", tc_col(t, "项目金额"));
  *amount_col = col;
  *total_row = NONE;
  if (need_col(v, 10, "单位编码", code) < 0 ||
      need_col(v, 10, "单位（项目）名称", name) < 0 || col < 0)
    return 0;
  check_unit_tree(v, 10, name, &col, 1);
  *total_row = tc_row_by_label(t, (size_t)name, "合计", 0);
  int n = 0;
  for (size_t r = t->nheader; r < t->nrows; r++) {
    const char *c = tc_cell(t, r, (size_t)code);
    if (!*c || r == *total_row) continue;
    int ind = tc_indent(tc_cell(t, r, (size_t)name));
    int next =
        r + 1 < t->nrows ? tc_indent(tc_cell(t, r + 1, (size_t)name)) : 0;
    if (ind == 0 || next > ind) continue; /* the department, a unit */
    if (n == max) break;
    tc_trim(tc_cell(t, r, (size_t)name), out[n].name, sizeof out[n].name);
    out[n].fen = amt(v, 10, r, col);
    out[n].seen = 0;
    n++;
  }
  return n;
}

/* 表13/表15: each project form: 实施期资金总额 = 财政拨款 + 其他资金, and
 * the amount is the one of 表10. */
static void check_project_forms(verifier *v, int tn, proj *pj, int np) {
  const tc_table *t = &v->t[tn];
  int64_t st = step_of(v, tn), s10 = step_of(v, 10);
  int forms = 0;
  for (size_t r = 0; r < t->nrows; r++) {
    if (strcmp(tc_cell(t, r, 0), "项目名称")) continue;
    forms++;
    char name[512];
    tc_trim(tc_cell(t, r, 1), name, sizeof name);
    size_t a = tc_row_by_label(t, 1, "实施期资金总额", r);
    if (a == NONE || a + 2 >= t->nrows) {
      viol(v, "表%d line %d: no 实施期资金总额 under the project", tn,
           t->rows[r].line);
      continue;
    }
    int64_t total = amt(v, tn, a, 2);
    int64_t parts[2] = {amt(v, tn, a + 1, 2), amt(v, tn, a + 2, 2)};
    if (!tc_label_eq(tc_cell(t, a + 1, 1), "其中：财政拨款") ||
        !tc_label_eq(tc_cell(t, a + 2, 1), "其他资金"))
      viol(v, "表%d line %d: 财政拨款 / 其他资金 rows misplaced", tn,
           t->rows[a].line);
    char w[600];
    snprintf(w, sizeof w, "表%d %s: 总额 = 财政拨款 + 其他资金", tn, name);
    chk_sum(v, tn, st, st, total, parts, 2, w);
    int found = 0;
    for (int i = 0; i < np; i++)
      if (tc_label_eq(pj[i].name, name)) {
        pj[i].seen++;
        found = 1;
        snprintf(w, sizeof w, "表%d %s = 表10", tn, name);
        chk_same(v, st, total, s10, pj[i].fen, w);
        break;
      }
    if (!found) viol(v, "表%d: project '%s' is not in 表10", tn, name);
  }
  if (!forms != (t->empty_note != NULL))
    viol(v, "表%d: %d project forms but %s空表说明", tn, forms,
         t->empty_note ? "a " : "no ");
}

/* --- the whole set ------------------------------------------------------- */

/* Does the table show a nonzero amount anywhere in its body? */
static bool any_nonzero(const tc_table *t) {
  for (size_t r = t->nheader; r < t->nrows; r++)
    for (size_t k = 0; k < t->rows[r].n; k++) {
      int64_t f;
      const char *s = t->rows[r].cell[k];
      if (strchr(s, '.') && tc_amount(t, r, k, &f) == 0 && f != 0) return true;
    }
  return false;
}

static const struct {
  const char *label;
  const char *code;
} econ_rows[] = {
    {"工资福利支出", "301"},       {"商品和服务支出", "302"},
    {"对个人和家庭的补助", "303"}, {"对个人和家庭补助", "303"},
    {"债务利息及费用支出", "307"}, {"资本性支出(基本建设)", "309"},
    {"资本性支出", "310"},         {"对企业补助(基本建设)", "311"},
    {"对企业补助", "312"},         {"对社会保障基金补助", "313"},
    {"其他支出", "399"},
};

static const struct {
  const char *label;
  const char *code;
} gecon_rows[] = {
    {"机关工资福利支出", "501"},
    {"机关商品和服务支出", "502"},
    {"机关资本性支出（一）", "503"},
    {"机关资本性支出（二）", "504"},
    {"对事业单位经常性补助", "505"},
    {"对事业单位资本性补助", "506"},
    {"对企业补助", "507"},
    {"对企业资本性支出", "508"},
    {"对个人和家庭的补助", "509"},
    {"对社会保障基金补助", "510"},
    {"其他支出", "599"},
};

static const char *econ_code_of(const char *label) {
  char b[256];
  strip_numbering(label, b, sizeof b);
  for (size_t i = 0; i < sizeof econ_rows / sizeof *econ_rows; i++)
    if (tc_label_eq(b, econ_rows[i].label)) return econ_rows[i].code;
  return NULL;
}

/* The children of a panel line (the next, more indented lines). */
static int pchildren(const panel *pn, const pline *l, const pline **out) {
  int n = 0, i = (int)(l - pn->body);
  for (int j = i + 1; j < pn->nbody && pn->body[j].indent > l->indent; j++)
    if (!pn->body[j].subset) out[n++] = &pn->body[j];
  return n;
}

/* Verifies every identity; returns the number of violations. */
static int verify(verifier *v, const char *dir, const vopts *o) {
  memset(v, 0, sizeof *v);
  v->o = *o;
  load_dir(v, dir);
  for (int n = 1; n < NT; n++)
    if (!v->have[n]) return v->violations;

  /* 空表说明 exactly on the tables without data (表1–表12). A table in
   * 万元 may show only 0.00 for amounts below its last digit and is not
   * empty then. */
  for (int n = 1; n <= 12; n++) {
    bool data = any_nonzero(&v->t[n]);
    v->checks++;
    if (data && v->t[n].empty_note)
      viol(v, "表%d shows data and 空表说明 '%s'", n, v->t[n].empty_note);
    if (!data && tc_step(&v->t[n]) == 1 &&
        (!v->t[n].empty_note || !*v->t[n].empty_note))
      viol(v, "表%d shows no data and no 空表说明", n);
  }

  /* 表1, 表4, 表9 */
  static panels P1, P4, P9;
  load_panels(v, 1, &P1);
  load_panels(v, 4, &P4);
  load_panels(v, 9, &P9);
  check_panels(v, 1, &P1);
  check_panels(v, 4, &P4);
  check_panels(v, 9, &P9);
  if (!P1.ok || !P4.ok || !P9.ok || P1.np != 4 || P4.np != 4) {
    viol(v, "表1/表4/表9: panels unreadable");
    return v->violations;
  }
  int64_t s1 = step_of(v, 1), s4 = step_of(v, 4);
  int64_t exp1 = pval(v, 1, &P1.p[1], "本年支出合计");
  int64_t exp4 = pval(v, 4, &P4.p[1], "本年支出合计");

  /* 表5–表8 */
  codetab c5, c6, c7, c8;
  load_codetab(v, 5, &c5, false, true);
  load_codetab(v, 6, &c6, true, true);
  load_codetab(v, 7, &c7, false, false);
  load_codetab(v, 8, &c8, true, false);
  check_code_tree(v, 5, &c5, false);
  check_code_tree(v, 6, &c6, true);
  check_code_tree(v, 7, &c7, false);
  check_code_tree(v, 8, &c8, true);
  int64_t s5 = step_of(v, 5);
  int64_t tot5[4] = {0}, tot6[4] = {0}, tot7[3] = {0}, tot8[3] = {0};
  for (int k = 0; k < 4; k++) {
    tot5[k] = amt(v, 5, c5.total_row, c5.col[k]);
    tot6[k] = amt(v, 6, c6.total_row, c6.col[k]);
    if (k < 3) {
      tot7[k] = amt(v, 7, c7.total_row, c7.col[k]);
      tot8[k] = amt(v, 8, c8.total_row, c8.col[k]);
    }
    char w[160];
    snprintf(w, sizeof w, "表5 合计 %s = 表6", part_labels[k]);
    chk_same(v, s5, tot5[k], step_of(v, 6), tot6[k], w);
    if (k < 3) {
      snprintf(w, sizeof w, "表7 合计 %s = 表8", part_labels[k]);
      chk_same(v, step_of(v, 7), tot7[k], step_of(v, 8), tot8[k], w);
    }
    if (k == 1 || k == 2) {
      snprintf(w, sizeof w, "表5 合计 %s = 表7", part_labels[k]);
      chk_same(v, s5, tot5[k], step_of(v, 7), tot7[k], w);
    }
  }
  /* 表5 人员/公用 per code = 表7 (absent = 0), both ways. */
  for (int pass = 0; pass < 2; pass++) {
    int ta = pass ? 7 : 5, tb = pass ? 5 : 7;
    const codetab *ca = pass ? &c7 : &c5, *cb = pass ? &c5 : &c7;
    if (ca->code_col < 0 || cb->code_col < 0) break;
    const tc_table *t = &v->t[ta];
    for (size_t r = ca->total_row + 1; r < t->nrows && ca->total_row != NONE;
         r++) {
      const char *code = tc_cell(t, r, (size_t)ca->code_col);
      size_t rb = tc_row_by_code(&v->t[tb], (size_t)cb->code_col, code, 0);
      for (int k = 1; k <= 2; k++) {
        int64_t b = rb == NONE ? 0 : amt(v, tb, rb, cb->col[k]);
        char w[200];
        snprintf(w, sizeof w, "表%d %s %s = 表%d", ta, code, part_labels[k],
                 tb);
        chk_same(v, step_of(v, ta), amt(v, ta, r, ca->col[k]), step_of(v, tb),
                 b, w);
      }
    }
  }
  /* 表6 人员/公用 per 款 (and government 款) = 表8. */
  for (int pass = 0; pass < 2; pass++) {
    int ta = pass ? 8 : 6, tb = pass ? 6 : 8;
    const codetab *ca = pass ? &c8 : &c6, *cb = pass ? &c6 : &c8;
    if (ca->code_col < 0 || cb->code_col < 0 || ca->total_row == NONE) break;
    const tc_table *t = &v->t[ta];
    for (size_t r = ca->total_row + 1; r < t->nrows; r++) {
      const char *code = tc_cell(t, r, (size_t)ca->code_col);
      const char *gov = tc_cell(t, r, (size_t)ca->gov_col);
      size_t rb = NONE;
      for (size_t x = tc_row_by_code(&v->t[tb], (size_t)cb->code_col, code, 0);
           x != NONE && rb == NONE;
           x = tc_row_by_code(&v->t[tb], (size_t)cb->code_col, code, x + 1))
        if (!strcmp(tc_cell(&v->t[tb], x, (size_t)cb->gov_col), gov)) rb = x;
      for (int k = 1; k <= 2; k++) {
        int64_t b = rb == NONE ? 0 : amt(v, tb, rb, cb->col[k]);
        char w[200];
        snprintf(w, sizeof w, "表%d %s/%s %s = 表%d", ta, code, gov,
                 part_labels[k], tb);
        chk_same(v, step_of(v, ta), amt(v, ta, r, ca->col[k]), step_of(v, tb),
                 b, w);
      }
    }
  }

  /* Which funds the dataset has. */
  v->fiscal_only = o->fiscal_only;
  if (v->fiscal_only < 0) v->fiscal_only = s1 == 1 && s4 == 1 && exp1 == exp4;
  v->all_gpb = o->all_gpb;
  if (v->all_gpb < 0) v->all_gpb = s1 == 1 && s5 == 1 && exp1 == tot5[0];
  v->no_soc = o->no_soc;
  if (v->no_soc < 0)
    v->no_soc = s1 == 1 && pval(v, 1, &P1.p[0], "(3)国有资本经营预算收入") == 0;

  /* 表1 against 表4 when every amount is fiscal: the expense panels agree
   * row by row. */
  if (v->fiscal_only)
    for (int p = 1; p < 4; p++) {
      const panel *a = &P1.p[p], *b = &P4.p[p];
      if (a->nbody != b->nbody) {
        viol(v, "表1/表4 panel %d: %d vs %d rows", p + 1, a->nbody, b->nbody);
        continue;
      }
      for (int i = 0; i < a->nbody; i++) {
        char w[400];
        snprintf(w, sizeof w, "表1 panel %d '%s' = 表4", p + 1,
                 a->body[i].label);
        if (i && !tc_label_eq(a->body[i].label, b->body[i].label))
          viol(v, "表1/表4 panel %d row %d: '%s' vs '%s'", p + 1, i + 1,
               a->body[i].label, b->body[i].label);
        else
          chk_same(v, s1, a->body[i].fen, s4, b->body[i].fen, w);
      }
    }

  /* 表4 class rows = 表5 (一般公共预算) + 表9 (政府性基金) when there is no
   * 国有资本经营预算. */
  int64_t s9 = step_of(v, 9);
  if (v->no_soc) {
    const panel *f4 = &P4.p[1], *f9 = &P9.p[1];
    for (int i = 0; i < f4->nbody; i++) {
      if (f4->body[i].indent == 0) continue; /* 一、财政拨款 */
      char name[256];
      strip_numbering(f4->body[i].label, name, sizeof name);
      size_t r5 = c5.name_col >= 0
                      ? tc_row_by_label(&v->t[5], (size_t)c5.name_col, name, 0)
                      : NONE;
      while (r5 != NONE &&
             code_level(tc_cell(&v->t[5], r5, (size_t)c5.code_col)) != 1)
        r5 = tc_row_by_label(&v->t[5], (size_t)c5.name_col, name, r5 + 1);
      const pline *l9 = pfind_name(f9, name, 0);
      int64_t parts[2] = {r5 == NONE ? 0 : amt(v, 5, r5, c5.col[0]),
                          l9 ? l9->fen : 0};
      char w[400];
      snprintf(w, sizeof w, "表4 %s = 表5 + 表9", name);
      chk_sum(v, 0, s5 > s9 ? s5 : s9, s4, f4->body[i].fen, parts, 2, w);
    }
    const pline *b4 = pfind(&P4.p[2], "1、人员经费和公用经费支出");
    const pline *p4 = pfind(&P4.p[2], "2、专项业务经费支出");
    const pline *b9 = pfind(&P9.p[2], "一、人员经费和公用经费支出");
    const pline *p9 = pfind(&P9.p[2], "二、专项业务经费支出");
    if (!b4 || !p4 || !b9 || !p9) {
      viol(v, "表4/表9: no 人员经费和公用经费支出 / 专项业务经费支出 rows");
    } else {
      int64_t pb[2] = {tot7[0], b9->fen}, pp[2] = {tot5[3], p9->fen};
      chk_sum(v, 0, s5, s4, b4->fen, pb, 2,
              "表4 人员经费和公用经费 = 表7 + 表9");
      chk_sum(v, 0, s5, s4, p4->fen, pp, 2, "表4 专项业务经费 = 表5 + 表9");
    }
    int64_t pt[2] = {tot5[0], pval(v, 9, &P9.p[1], "本年支出合计")};
    chk_sum(v, 0, s5, s4, exp4, pt, 2, "表4 本年支出合计 = 表5 + 表9");
  }

  /* 表1 against 表5–表8 when every amount is 一般公共预算. */
  if (v->all_gpb) {
    chk_same(v, s1, exp1, s5, tot5[0], "表1 本年支出合计 = 表5 合计");
    const panel *f1 = &P1.p[1];
    for (int i = 0; i < f1->nbody; i++) {
      if (f1->body[i].indent == 0) continue;
      char name[256];
      strip_numbering(f1->body[i].label, name, sizeof name);
      size_t r5 = tc_row_by_label(&v->t[5], (size_t)c5.name_col, name, 0);
      while (r5 != NONE &&
             code_level(tc_cell(&v->t[5], r5, (size_t)c5.code_col)) != 1)
        r5 = tc_row_by_label(&v->t[5], (size_t)c5.name_col, name, r5 + 1);
      char w[400];
      snprintf(w, sizeof w, "表1 %s = 表5", name);
      chk_same(v, s1, f1->body[i].fen, s5,
               r5 == NONE ? 0 : amt(v, 5, r5, c5.col[0]), w);
    }
    /* every 表5 类 is one of the 表1 rows */
    for (size_t r = c5.total_row + 1; r < v->t[5].nrows; r++) {
      if (code_level(tc_cell(&v->t[5], r, (size_t)c5.code_col)) != 1) continue;
      char name[256];
      tc_trim(tc_cell(&v->t[5], r, (size_t)c5.name_col), name, sizeof name);
      if (!pfind_name(f1, name, 1))
        viol(v, "表5 类 %s '%s' has no row in 表1",
             tc_cell(&v->t[5], r, (size_t)c5.code_col), name);
    }
    /* 表1 departmental economic panel: basic parts = 表8 类 合计, project
     * parts = 表6 类 专项. */
    const panel *e1 = &P1.p[2];
    const pline *basic = pfind(e1, "1、人员经费和公用经费支出");
    const pline *proj_ = pfind(e1, "2、专项业务经费支出");
    if (!basic || !proj_) {
      viol(v, "表1: no 人员经费和公用经费支出 / 专项业务经费支出 rows");
    } else {
      chk_same(v, s1, basic->fen, step_of(v, 7), tot7[0],
               "表1 人员经费和公用经费支出 = 表7 合计");
      chk_same(v, s1, proj_->fen, s5, tot5[3],
               "表1 专项业务经费支出 = 表5 专项");
      for (int pass = 0; pass < 2; pass++) {
        const pline *kids[32];
        int nk = pchildren(e1, pass ? proj_ : basic, kids);
        for (int i = 0; i < nk; i++) {
          const char *code = econ_code_of(kids[i]->label);
          if (!code) {
            viol(v, "表1: unknown economic row '%s'", kids[i]->label);
            continue;
          }
          int nr;
          int64_t x = pass ? sum_code(v, 6, &c6, code, c6.col[3], &nr)
                           : sum_code(v, 8, &c8, code, c8.col[0], &nr);
          char w[300];
          snprintf(w, sizeof w, "表1 %s %s = 表%d %s", pass ? "专项" : "基本",
                   kids[i]->label, pass ? 6 : 8, code);
          chk_same(v, s1, kids[i]->fen, step_of(v, pass ? 6 : 8), x, w);
        }
      }
    }
    /* 表1 government economic panel = Σ 表6 款 rows by government 类. */
    const panel *g1 = &P1.p[3];
    for (int i = 0; i < g1->nbody; i++) {
      if (g1->body[i].indent == 0) continue;
      char name[256];
      strip_numbering(g1->body[i].label, name, sizeof name);
      const char *gcode = NULL;
      for (size_t k = 0; k < sizeof gecon_rows / sizeof *gecon_rows; k++)
        if (tc_label_eq(name, gecon_rows[k].label)) gcode = gecon_rows[k].code;
      if (!gcode) {
        viol(v, "表1: unknown government economic row '%s'", name);
        continue;
      }
      int64_t parts[256];
      int np = 0;
      for (size_t r = c6.total_row + 1; r < v->t[6].nrows && np < 256; r++)
        if (c6.gov_col >= 0 &&
            starts(tc_cell(&v->t[6], r, (size_t)c6.gov_col), gcode))
          parts[np++] = amt(v, 6, r, c6.col[0]);
      char w[300];
      snprintf(w, sizeof w, "表1 %s = Σ 表6 rows of %s", name, gcode);
      chk_sum(v, 0, step_of(v, 6), s1, g1->body[i].fen, parts, np, w);
    }
  }

  /* 表1 against 表2, 表3 and 表9. */
  const panel *in1 = &P1.p[0];
  int64_t s2 = step_of(v, 2), s3 = step_of(v, 3);
  int cols2[64], n2 = 0, cols3[64], n3 = 0;
  check_source_columns(v, 2, cols2, &n2);
  check_source_columns(v, 3, cols3, &n3);
  check_unit_tree(v, 2, tc_col(&v->t[2], "单位名称"), cols2, n2);
  check_unit_tree(v, 3, tc_col(&v->t[3], "单位名称"), cols3, n3);
  size_t r2 = tc_row_by_label(&v->t[2], 1, "合计", 0);
  size_t r3 = tc_row_by_label(&v->t[3], 1, "合计", 0);
  if (need_row(v, 2, "合计", r2) != NONE && n2) {
    int64_t cur[64];
    int nc = 0;
    for (int i = 1; i < n2; i++) {
      const char *l = tc_col_label(&v->t[2], (size_t)cols2[i]);
      if (starts(l, "其中") || tc_label_eq(l, "用事业基金弥补收支差额") ||
          tc_label_eq(l, "上年结转") || tc_label_eq(l, "上年实户资金余额"))
        continue;
      cur[nc++] = amt(v, 2, r2, cols2[i]);
    }
    chk_sum(v, 0, s2, s1, pval(v, 1, in1, "本年收入合计"), cur, nc,
            "表1 本年收入合计 = Σ 表2 当年 sources");
    chk_same(v, s1, pval(v, 1, in1, "收入总计"), s2, amt(v, 2, r2, cols2[0]),
             "表1 收入总计 = 表2 合计");
    static const char *const same2[] = {"用事业基金弥补收支差额", "上年结转",
                                        "上年实户资金余额"};
    for (int i = 0; i < 3; i++) {
      int c = need_col(v, 2, same2[i], tc_col(&v->t[2], same2[i]));
      char w[200];
      snprintf(w, sizeof w, "表1 %s = 表2", same2[i]);
      chk_same(v, s1, pval(v, 1, in1, same2[i]), s2, amt(v, 2, r2, c), w);
    }
    const char *gp[] = {"一般公共预算拨款", "小计", NULL};
    int cg = need_col(v, 2, "一般公共预算拨款/小计", tc_col_path(&v->t[2], gp));
    chk_same(v, s1, pval(v, 1, in1, "(1)一般公共预算拨款"), s2,
             amt(v, 2, r2, cg), "表1 一般公共预算拨款 = 表2");
  }
  if (need_row(v, 3, "合计", r3) != NONE && n3)
    chk_same(v, s1, exp1, s3, amt(v, 3, r3, cols3[0]),
             "表1 本年支出合计 = 表3 合计");
  chk_same(v, s1, pval(v, 1, in1, "(1)一般公共预算拨款"), s4,
           pval(v, 4, &P4.p[0], "1、一般公共预算拨款"),
           "表1 一般公共预算拨款 = 表4");
  chk_same(v, s1, pval(v, 1, in1, "(2)政府性基金拨款"), s4,
           pval(v, 4, &P4.p[0], "2、政府性基金拨款"), "表1 政府性基金 = 表4");
  chk_same(v, s4, pval(v, 4, &P4.p[0], "2、政府性基金拨款"), s9,
           pval(v, 9, &P9.p[0], "本年收入合计"), "表4 政府性基金 = 表9");
  chk_same(v, s1, pval(v, 1, in1, "其中：专项资金列入部门预算的项目"), s4,
           pval(v, 4, &P4.p[0], "其中：专项资金列入部门预算的项目"),
           "表1 其中：专项资金 = 表4");

  /* 表10, 表13, 表15 */
  proj pj[512];
  size_t r10;
  int c10;
  int npj = t10_projects(v, pj, 512, &r10, &c10);
  int64_t s10 = step_of(v, 10);
  int64_t tot10 = r10 == NONE ? 0 : amt(v, 10, r10, c10);
  if (r10 == NONE) viol(v, "表10: no 合计 row");
  chk_same(v, s1, pval(v, 1, &P1.p[2], "2、专项业务经费支出"), s10, tot10,
           "表1 专项业务经费支出 = 表10 合计");
  if (v->all_gpb) chk_same(v, s5, tot5[3], s10, tot10, "表5 专项 = 表10 合计");
  check_project_forms(v, 13, pj, npj);
  check_project_forms(v, 15, pj, npj);
  for (int i = 0; i < npj; i++)
    if (pj[i].seen != 1)
      viol(v, "表10 project '%s' has %d 绩效目标 forms in 表13/表15",
           pj[i].name, pj[i].seen);

  /* 表12 and 表6 */
  int cols12[3][S_N];
  check_t12(v, cols12);
  size_t r12 = tc_row_by_label(&v->t[12], 1, "合计", 0);
  static const char *const sg_codes[S_N] = {
      NULL, NULL, "30212", "30217", NULL, "31013", "30231", "30215", "30216"};
  if (r12 != NONE && cols12[1][0] >= 0)
    for (int k = 0; k < S_N; k++) {
      if (!sg_codes[k]) continue;
      int nr;
      int64_t x = sum_code(v, 6, &c6, sg_codes[k], c6.col[0], &nr);
      int64_t y = amt(v, 12, r12, cols12[1][k]);
      char w[200];
      snprintf(w, sizeof w, "表12 当年 %s = 表6 %s",
               tc_col_label(&v->t[12], (size_t)cols12[1][k]), sg_codes[k]);
      if (nr <= 1)
        chk_same(v, step_of(v, 6), x, step_of(v, 12), y, w);
      else {
        int64_t parts[8];
        int np = 0;
        for (size_t r =
                 tc_row_by_code(&v->t[6], (size_t)c6.code_col, sg_codes[k], 0);
             r != NONE && np < 8;
             r = tc_row_by_code(&v->t[6], (size_t)c6.code_col, sg_codes[k],
                                r + 1))
          parts[np++] = amt(v, 6, r, c6.col[0]);
        chk_sum(v, 0, step_of(v, 6), step_of(v, 12), y, parts, np, w);
      }
    }

  /* 表14 */
  const tc_table *t14 = &v->t[14];
  int64_t s14 = step_of(v, 14);
  size_t r14 = NONE, rtask = NONE;
  for (size_t r = 0; r < t14->nrows; r++) {
    if (!strcmp(tc_cell(t14, r, 0), "金额合计")) r14 = r;
    if (!strcmp(tc_cell(t14, r, 0), "任务名称") && rtask == NONE) rtask = r;
  }
  if (need_row(v, 14, "金额合计", r14) != NONE && rtask != NONE) {
    int64_t t3[2] = {amt(v, 14, r14, 3), amt(v, 14, r14, 4)};
    chk_sum(v, 14, s14, s14, amt(v, 14, r14, 2), t3, 2,
            "表14 金额合计 = 财政拨款 + 其他资金");
    chk_same(v, s14, amt(v, 14, r14, 2), s1, exp1,
             "表14 金额合计 = 表1 本年支出合计");
    chk_same(v, s14, amt(v, 14, r14, 3), s4, exp4,
             "表14 财政拨款 = 表4 本年支出合计");
    for (int k = 2; k <= 4; k++) {
      int64_t parts[64];
      int np = 0;
      for (size_t r = rtask + 1; r < r14 && np < 64; r++)
        parts[np++] = amt(v, 14, r, k);
      char w[120];
      snprintf(w, sizeof w, "表14 金额合计 column %d = Σ tasks", k + 1);
      chk_sum(v, 14, s14, s14, amt(v, 14, r14, k), parts, np, w);
    }
  }

  /* Ground truth. */
  const truth *g = o->truth;
  if (g && g->set) {
    chk_truth(v, &v->t[1], exp1, g->exp_all, "表1 本年支出合计");
    chk_truth(v, &v->t[1], pval(v, 1, in1, "本年收入合计"),
              g->rev_cur_nonreserve, "表1 本年收入合计");
    chk_truth(v, &v->t[4], exp4, g->exp_fiscal, "表4 本年支出合计");
    chk_truth(v, &v->t[5], tot5[0], g->exp_gpb, "表5 合计");
    chk_truth(v, &v->t[10], tot10, g->exp_project, "表10 合计");
    if (r12 != NONE && cols12[0][0] >= 0) {
      static const int idx[6] = {S_ABROAD,  S_RECEPTION, S_CAR_BUY,
                                 S_CAR_RUN, S_MEETING,   S_TRAINING};
      for (int i = 0; i < 6; i++) {
        char w[120];
        snprintf(w, sizeof w, "表12 合计 上年 column %d",
                 cols12[0][idx[i]] + 1);
        chk_truth(v, &v->t[12], amt(v, 12, r12, cols12[0][idx[i]]), g->prev[i],
                  w);
        snprintf(w, sizeof w, "表12 合计 当年 column %d",
                 cols12[1][idx[i]] + 1);
        chk_truth(v, &v->t[12], amt(v, 12, r12, cols12[1][idx[i]]), g->cur[i],
                  w);
      }
    }
  }

  /* The rounding note: on a table where a displayed identity is off, and
   * never on a table printed exactly. */
  for (int n = 1; n < NT; n++) {
    bool note = strstr(v->t[n].note, "四舍五入") != NULL;
    v->checks++;
    if (v->off[n] && !note) {
      v->note_violations++;
      viol(v,
           "表%d: %d displayed identities off by rounding (尾数误差) but "
           "no rounding note; the first: %s",
           n, v->off[n], v->offwhat[n]);
    }
    if (note && tc_step(&v->t[n]) == 1) {
      v->note_violations++;
      viol(v, "表%d: rounding note on a table printed exactly", n);
    }
  }
  return v->violations;
}

/* ====================================================================== */
/* Compiling                                                               */
/* ====================================================================== */

static void dump_errors(const ys_errors *errs) {
  char buf[1024];
  for (size_t i = 0; i < errs->count && i < 20; i++) {
    ys_error_format(&errs->items[i], buf, sizeof buf);
    print_message("  %s\n", buf);
  }
}

/* dataset dir → CSV tables in out (replaced). 0 on success. */
static int compile_to(const char *dataset, const ys_profile *p,
                      const char *out) {
  return tc_compile_csv(dataset, p, cat, out);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int setup(void **state) {
  (void)state;
  ys_errors errs = {0};
  int rc = ys_catalog_open_builtin(&cat, &errs);
  if (rc == YS_OK) rc = ys_profile_open_builtin(&prof_yuan, "shaanxi", &errs);
  /* The 万元 variant: the Shaanxi profile with "unit": "万元". */
  char *json =
      rc == YS_OK
          ? tc_read_file(YS_SOURCE_DIR "/data/profiles/shaanxi.json", NULL)
          : NULL;
  const char *key = "\"unit\": \"元\"";
  char *at = json ? strstr(json, key) : NULL;
  char path[4096];
  snprintf(path, sizeof path, "%s/identities/shaanxi-wanyuan.json",
           YS_BINARY_DIR);
  if (at && at < strstr(json, "\"tables\"")) {
    size_t pre = (size_t)(at - json);
    size_t len = strlen(json) + 16;
    char *out = malloc(len);
    if (out) {
      snprintf(out, len, "%.*s\"unit\": \"万元\"%s", (int)pre, json,
               at + strlen(key));
      if (tc_mkdirs(YS_BINARY_DIR "/identities") || tc_write_file(path, out))
        rc = YS_EIO;
      free(out);
    }
    if (rc == YS_OK) rc = ys_profile_open_file(&prof_wan, path, &errs);
  } else {
    rc = rc == YS_OK ? YS_EINPUT : rc;
  }
  free(json);
  if (rc != YS_OK) dump_errors(&errs);
  ys_errors_free(&errs);
  return rc == YS_OK ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  ys_profile_free(prof_wan);
  ys_profile_free(prof_yuan);
  ys_catalog_free(cat);
  return 0;
}

/* ====================================================================== */
/* The example                                                             */
/* ====================================================================== */

#define EXAMPLE "examples/xixiang-2023"
#define EX_OUT YS_BINARY_DIR "/identities/xixiang-2023"
#define EX_OUT_WAN YS_BINARY_DIR "/identities/xixiang-2023-wanyuan"

static const vopts derive = {-1, -1, -1, NULL};

static void test_example(void **state) {
  (void)state;
  assert_int_equal(compile_to(EXAMPLE, prof_yuan, EX_OUT), YS_OK);
  static verifier v;
  int n = verify(&v, EX_OUT, &derive);
  if (n) print_log(&v, EX_OUT);
  assert_int_equal(n, 0);
  /* The example is all 一般公共预算: the cross-table checks ran. */
  assert_true(v.fiscal_only && v.all_gpb && v.no_soc);
  assert_true(v.checks > 300);
  print_message("example: %d identities hold\n", v.checks);
  free_verifier(&v);
}

static void test_example_wanyuan(void **state) {
  (void)state;
  assert_int_equal(compile_to(EXAMPLE, prof_wan, EX_OUT_WAN), YS_OK);
  static verifier v;
  vopts o = {1, 1, 1, NULL}; /* as derived from the 元 tables */
  int n = verify(&v, EX_OUT_WAN, &o);
  if (n) print_log(&v, EX_OUT_WAN);
  assert_int_equal(n, 0);
  assert_int_equal(v.t[5].unit, YS_UNIT_WANYUAN);
  free_verifier(&v);
}

/* ====================================================================== */
/* Self-checks: the verifier reports broken tables                          */
/* ====================================================================== */

/* Copies every file of from into a fresh directory to. */
static void copy_dir(const char *from, const char *to) {
  tc_rmtree(to);
  assert_int_equal(tc_mkdirs(to), 0);
  DIR *d = opendir(from);
  assert_non_null(d);
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char a[4096], b[4096];
    snprintf(a, sizeof a, "%s/%s", from, e->d_name);
    snprintf(b, sizeof b, "%s/%s", to, e->d_name);
    assert_int_equal(tc_copy_file(a, b), 0);
  }
  closedir(d);
}

/* Replaces the first (all: every) occurrence of old by new in a file;
 * returns how many were replaced. */
static int edit_file(const char *path, const char *old, const char *new_,
                     bool all) {
  char *s = tc_read_file(path, NULL);
  assert_non_null(s);
  size_t cap = strlen(s) * 2 + strlen(new_) * 64 + 1;
  char *out = malloc(cap);
  assert_non_null(out);
  size_t o = 0;
  int n = 0;
  const char *p = s;
  for (const char *at; (at = strstr(p, old)) && (all || !n);
       p = at + strlen(old)) {
    memcpy(out + o, p, (size_t)(at - p));
    o += (size_t)(at - p);
    o += (size_t)snprintf(out + o, cap - o, "%s", new_);
    n++;
  }
  snprintf(out + o, cap - o, "%s", p);
  assert_int_equal(tc_write_file(path, out), 0);
  free(out);
  free(s);
  return n;
}

static void test_selfcheck_cell(void **state) {
  (void)state;
  assert_int_equal(compile_to(EXAMPLE, prof_yuan, EX_OUT), YS_OK);
  const char *bad = YS_BINARY_DIR "/identities/corrupt-cell";
  copy_dir(EX_OUT, bad);
  /* One cell: 表5 2101506 人员经费 1,970,370.00 → 1,970,371.00. */
  assert_int_equal(
      edit_file(YS_BINARY_DIR "/identities/corrupt-cell/表5_t05.csv",
                "2101506,　　　　医疗保障经办事务,\"2,205,520.00\","
                "\"1,970,370.00\"",
                "2101506,　　　　医疗保障经办事务,\"2,205,520.00\","
                "\"1,970,371.00\"",
                false),
      1);
  static verifier v;
  int n = verify(&v, bad, &derive);
  print_log(&v, bad);
  assert_true(n >= 3); /* its row, its column (款 21015) and 表7 */
  assert_true(log_mentions(&v, "表5 line"));
  assert_true(log_mentions(&v, "= 表7") || log_mentions(&v, "= 表5"));
  free_verifier(&v);
}

static void test_selfcheck_cross_table(void **state) {
  (void)state;
  assert_int_equal(compile_to(EXAMPLE, prof_yuan, EX_OUT), YS_OK);
  const char *bad = YS_BINARY_DIR "/identities/corrupt-cross";
  copy_dir(EX_OUT, bad);
  /* 表10 raised consistently in every row: only other tables can tell. */
  assert_int_equal(edit_file(YS_BINARY_DIR
                             "/identities/corrupt-cross/表10_t10.csv",
                             "\"50,000.00\"", "\"50,100.00\"", true),
                   5);
  static verifier v;
  int n = verify(&v, bad, &derive);
  print_log(&v, bad);
  assert_true(n >= 3);
  assert_true(log_mentions(&v, "表10 合计"));
  assert_true(log_mentions(&v, "表13"));
  free_verifier(&v);
}

/* ====================================================================== */
/* Random datasets                                                         */
/* ====================================================================== */

typedef struct rng {
  uint64_t s;
} rng;

static uint64_t next(rng *r) { /* xorshift64* */
  r->s ^= r->s >> 12;
  r->s ^= r->s << 25;
  r->s ^= r->s >> 27;
  return r->s * UINT64_C(2685821657736338717);
}

static uint64_t below(rng *r, uint64_t n) {
  return n ? next(r) % n : 0;
}
static bool chance(rng *r, int percent) {
  return below(r, 100) < (uint64_t)percent;
}

/* Function 项 and economic 款 known to the 2023 catalogue (checked in
 * test_generator_codes). GOVFUND_FUNC: classes 表9 lists. */
static const char *const FUNC[] = {"2010101", "2010301", "2080505", "2080506",
                                   "2089999", "2100499", "2101101", "2101102",
                                   "2101202", "2101501", "2101506", "2101601",
                                   "2130599", "2210201", "2210202", "2296013"};
static const char *const GOVFUND_FUNC[] = {"2080505", "2089999", "2130599",
                                           "2296013"};
static const char *const ECON_PERSONNEL[] = {
    "30101", "30102", "30103", "30107", "30108", "30109", "30110",
    "30112", "30113", "30199", "30302", "30305", "30309", "30399"};
static const char *const ECON_PUBLIC[] = {
    "30201", "30202", "30205", "30206", "30207", "30211", "30212",
    "30213", "30215", "30216", "30217", "30226", "30228", "30229",
    "30231", "30239", "30299", "31002", "31003", "31013"};
static const char *const ECON_PROJECT[] = {
    "30101", "30199", "30201", "30202", "30211", "30212", "30215",
    "30216", "30217", "30226", "30227", "30231", "30299", "30305",
    "30905", "31002", "31007", "31013", "39999"};
static const char *const CATEGORIES[] = {"运转类", "特定目标类", "专用项目",
                                         "专项资金", ""};
#define COUNT(a) (sizeof(a) / sizeof *(a))
#define PICK(r, a) ((a)[below(r, COUNT(a))])

static void test_generator_codes(void **state) {
  (void)state;
  for (size_t i = 0; i < COUNT(FUNC); i++) {
    const ys_cat_entry *e = ys_catalog_lookup(cat, YS_CLS_FUNC, FUNC[i], 2023);
    assert_non_null(e);
    assert_int_equal(e->level, 3);
  }
  const char *const *lists[3] = {ECON_PERSONNEL, ECON_PUBLIC, ECON_PROJECT};
  size_t sizes[3] = {COUNT(ECON_PERSONNEL), COUNT(ECON_PUBLIC),
                     COUNT(ECON_PROJECT)};
  for (int l = 0; l < 3; l++)
    for (size_t i = 0; i < sizes[l]; i++) {
      assert_non_null(
          ys_catalog_lookup(cat, YS_CLS_ECON_DEPT, lists[l][i], 2023));
      assert_non_null(
          ys_catalog_gov_map(cat, lists[l][i], YS_UNIT_KIND_ADMIN, 2023));
      assert_non_null(
          ys_catalog_gov_map(cat, lists[l][i], YS_UNIT_KIND_INST, 2023));
    }
}

enum {
  F_GPB,
  F_GOVFUND,
  F_SOC,
  F_SPECIAL,
  F_BUSINESS,
  F_OPERATION,
  F_UPPER,
  F_SUBORD,
  F_RESERVE,
  F_OTHER,
  F_N
};
/* Spellings the dataset accepts, several per fund. */
static const char *const FUND_NAMES[F_N][3] = {
    {"一般公共预算拨款", "一般公共预算", "gpb"},
    {"政府性基金预算拨款", "政府性基金", "govfund"},
    {"国有资本经营预算拨款", "国有资本经营", "soc"},
    {"财政专户管理资金", "财政专户管理资金", "special"},
    {"事业收入", "事业收入", "business"},
    {"事业单位经营收入", "事业单位经营收入", "operation"},
    {"上级补助收入", "上级补助收入", "upper"},
    {"附属单位上缴收入", "附属单位上缴收入", "subord"},
    {"用事业基金弥补收支差额", "用事业基金弥补收支差额", "reserve"},
    {"其他收入", "其他收入", "other"},
};

/* Dataset features beyond the default mix (each has its own test). */
enum {
  X_CARRY_NEXT = 1u << 0, /* carry_next.FUND facts (结转下年) */
  X_SPLIT_FACTS = 1u << 1 /* 2–4 units, amount facts split KEY@UNIT */
};

typedef struct gunit {
  char code[32];
  int n_proj;
  char proj[6][48];
} gunit;

typedef struct gen {
  rng r;
  int seed;
  char dept[8];
  gunit u[4];
  int nu;
  unsigned extras; /* X_* */
  /* revenue per unit, fund, period (0 当年, 1 上年结转) */
  int64_t rev[4][F_N][2];
  truth t;
  int fiscal_only, all_gpb, no_soc;
} gen;

static void print_fen(FILE *f, int64_t fen) {
  fprintf(f, "%" PRId64 ".%02" PRId64, fen / 100, fen % 100);
}

/* 1 分 .. 1e10 分, spread over the orders of magnitude. */
static int64_t gen_amount(rng *r) {
  int64_t top = 1;
  for (uint64_t e = below(r, 11); e; e--) top *= 10;
  return 1 + (int64_t)below(r, (uint64_t)top);
}

static FILE *open_in(const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  return f;
}

static int pick_fund(gen *g, bool *fiscal) {
  int mode = g->seed % 10; /* 0–2 all gpb, 3–5 fiscal, else mixed */
  int x = (int)below(&g->r, 100);
  int f;
  if (mode <= 2)
    f = F_GPB;
  else if (mode <= 5)
    f = x < 80 ? F_GPB : x < 95 || g->no_soc ? F_GOVFUND : F_SOC;
  else {
    static const int w[F_N] = {60, 6, 0, 4, 8, 4, 5, 3, 3, 7};
    int acc = 0;
    f = F_OTHER;
    for (int i = 0; i < F_N; i++) {
      acc += w[i];
      if (x < acc) {
        f = i;
        break;
      }
    }
    if (f == F_GPB || f == F_GOVFUND || f == F_SOC) {
    } else if (chance(&g->r, 3) && !g->no_soc) {
      f = F_SOC;
    }
  }
  *fiscal = f == F_GPB || f == F_GOVFUND || f == F_SOC;
  return f;
}

/* Writes a random valid dataset into dir; the ground truth into g->t. */
static void generate(gen *g, const char *dir) {
  rng *r = &g->r;
  tc_rmtree(dir);
  assert_int_equal(tc_mkdirs(dir), 0);
  memset(&g->t, 0, sizeof g->t);
  memset(g->rev, 0, sizeof g->rev);
  g->t.set = true;
  g->no_soc = !chance(r, 15);
  snprintf(g->dept, sizeof g->dept, "%d", (100 + (int)below(r, 900)) % 1000);

  FILE *f = open_in(dir, "department.csv");
  fprintf(f,
          "key,value\ncode,%s\nname,随机测试部门%d\nyear,%s\nprofile,"
          "shaanxi\n",
          g->dept, g->seed, chance(r, 50) ? "2023" : "2023年");
  fclose(f);

  g->nu = 1 + (int)below(r, 4);
  if ((g->extras & X_SPLIT_FACTS) && g->nu == 1) g->nu = 2;
  f = open_in(dir, "units.csv");
  fputs(chance(r, 50) ? "code,name,kind\n" : "单位编码,单位名称,单位性质\n", f);
  static const char *const kinds[] = {"行政", "事业", "行政单位", "事业单位",
                                      "参公"};
  for (int u = 0; u < g->nu; u++) {
    snprintf(g->u[u].code, sizeof g->u[u].code, "%s%03d", g->dept,
             (u + 1) % 1000);
    fprintf(f, "%s,随机单位%d-%d,%s\n", g->u[u].code, g->seed, u + 1,
            PICK(r, kinds));
  }
  fclose(f);

  f = open_in(dir, "projects.csv");
  fputs("code,name,unit,category,description\n", f);
  int pn = 0;
  for (int u = 0; u < g->nu; u++) {
    g->u[u].n_proj = (int)below(r, 5);
    for (int k = 0; k < g->u[u].n_proj; k++) {
      char ucode[sizeof g->u[u].code];
      memcpy(ucode, g->u[u].code, sizeof ucode);
      snprintf(g->u[u].proj[k], sizeof g->u[u].proj[k], "%s-%02d", ucode,
               (k + 1) % 100);
      char name[128], desc[128];
      snprintf(name, sizeof name, chance(r, 30) ? "宣传，培训项目%d" : "项目%d",
               ++pn);
      snprintf(desc, sizeof desc,
               chance(r, 30) ? "说明，含逗号和\"引号\"\n第二行%d" : "说明%d",
               pn);
      fprintf(f, "%s,", g->u[u].proj[k]);
      ys_csv_put(f, name);
      fprintf(f, ",%s,%s,", g->u[u].code, PICK(r, CATEGORIES));
      ys_csv_put(f, desc);
      fputc('\n', f);
    }
  }
  fclose(f);

  int nitems = 5 + (int)below(r, 196);
  f = open_in(dir, "items.csv");
  fputs("unit,func,econ,fund,kind,nature,project,period,amount\n", f);
  bool any_nonfiscal = false, any_nongpb = false;
  for (int i = 0; i < nitems; i++) {
    int u = (int)below(r, (uint64_t)g->nu);
    bool fiscal;
    int fund = pick_fund(g, &fiscal);
    const char *func =
        fund == F_GOVFUND ? PICK(r, GOVFUND_FUNC) : PICK(r, FUNC);
    const char *econ, *kind = "基本", *nature = "", *project = "";
    int k = (int)below(r, 100);
    bool project_item = k < 30 && g->u[u].n_proj;
    if (project_item) {
      kind = chance(r, 50) ? "项目" : "项目支出";
      econ = PICK(r, ECON_PROJECT);
      project = g->u[u].proj[below(r, (uint64_t)g->u[u].n_proj)];
    } else if (!fiscal && k >= 95) {
      /* 上缴上级 / 经营 / 对附属单位补助, outside the fiscal tables */
      static const char *const other_kinds[] = {"上缴上级", "经营",
                                                "对附属单位补助"};
      kind = PICK(r, other_kinds);
      econ = PICK(r, ECON_PUBLIC);
    } else {
      bool personnel = chance(r, 55);
      econ = personnel ? PICK(r, ECON_PERSONNEL) : PICK(r, ECON_PUBLIC);
      if (chance(r, 25)) nature = personnel ? "人员经费" : "公用经费";
    }
    int period = chance(r, 15) ? 1 : 0;
    int64_t amount = gen_amount(r);
    fprintf(f, "%s,%s,%s,%s,%s,%s,%s,%s,", g->u[u].code, func, econ,
            FUND_NAMES[fund][below(r, 3)], kind, nature, project,
            period ? "上年结转" : "当年");
    print_fen(f, amount);
    fputc('\n', f);
    g->rev[u][fund][period] += amount;
    g->t.exp_all += amount;
    if (fiscal)
      g->t.exp_fiscal += amount;
    else
      any_nonfiscal = true;
    if (fund != F_GPB) any_nongpb = true;
    if (fund == F_GPB) g->t.exp_gpb += amount;
    if (project_item) g->t.exp_project += amount;
    static const char *const sg[6] = {"30212", "30217", "31013",
                                      "30231", "30215", "30216"};
    for (int s = 0; s < 6; s++)
      if (fund == F_GPB && !strcmp(econ, sg[s])) g->t.cur[s] += amount;
  }
  fclose(f);
  g->fiscal_only = !any_nonfiscal;
  g->all_gpb = !any_nongpb;

  /* Facts: last year's 三公, 会议费, 培训费 and sometimes the 实户 account,
   * department-wide for one unit and split by unit (KEY@UNIT) for several
   * when asked; carry_next when asked. */
  f = open_in(dir, "facts.csv");
  fputs("key,value,reason\n", f);
  bool facts = g->nu == 1 || (g->extras & X_SPLIT_FACTS);
  static const char *const prev_keys[6] = {"prev.sangong.abroad",
                                           "prev.sangong.reception",
                                           "prev.sangong.vehicle_purchase",
                                           "prev.sangong.vehicle_operation",
                                           "prev.meeting",
                                           "prev.training"};
  for (int s = 0; s < 6 && facts; s++)
    for (int u = 0; u < g->nu; u++) {
      if (chance(r, 20)) continue;
      int64_t a = chance(r, 20) ? 0 : gen_amount(r) % 1000000000;
      g->t.prev[s] += a;
      if (g->nu > 1)
        fprintf(f, "%s@%s,", prev_keys[s], g->u[u].code);
      else
        fprintf(f, "%s,", prev_keys[s]);
      print_fen(f, a);
      fputs(chance(r, 30) ? ",\"厉行节约，压减开支\"\n" : ",\n", f);
    }
  for (int u = 0; u < g->nu && facts; u++) {
    if (!chance(r, 10)) continue;
    int64_t a = gen_amount(r);
    char at[40] = "";
    if (g->nu > 1) snprintf(at, sizeof at, "@%s", g->u[u].code);
    fprintf(f, "account.prev_balance%s,", at);
    print_fen(f, a);
    fprintf(f, ",\naccount.unallocated%s,", at);
    print_fen(f, a);
    fputs(",\n", f);
  }
  int64_t carry[F_N] = {0};
  if (g->extras & X_CARRY_NEXT) {
    for (int fund = 0; fund < F_N; fund++) {
      bool used = false;
      for (int u = 0; u < g->nu; u++)
        used |= g->rev[u][fund][0] || g->rev[u][fund][1];
      if (!used || !chance(r, 60)) continue;
      carry[fund] = gen_amount(r);
      fprintf(f, "carry_next.%s,", FUND_NAMES[fund][below(r, 3)]);
      print_fen(f, carry[fund]);
      fputs(",项目跨年实施\n", f);
    }
  }
  fclose(f);

  /* Revenues balance the items per unit, fund and period (+ carry_next). */
  f = open_in(dir, "revenues.csv");
  fputs(chance(r, 50) ? "unit,fund,period,amount\n"
                      : "单位编码,资金来源,年度,金额\n",
        f);
  for (int fund = 0; fund < F_N; fund++) {
    bool carried = false;
    for (int u = 0; u < g->nu; u++)
      for (int p = 0; p < 2; p++) {
        int64_t a = g->rev[u][fund][p];
        if (!a && !(carry[fund] && !carried)) continue;
        if (carry[fund] && !carried) {
          a += carry[fund];
          carried = true;
        }
        if (!p) g->t.rev_cur_nonreserve += fund == F_RESERVE ? 0 : a;
        const char *period = p ? "上年结转" : chance(r, 20) ? "本年" : "当年";
        int64_t first = chance(r, 20) ? a / 2 : a;
        fprintf(f, "%s,%s,%s,", g->u[u].code, FUND_NAMES[fund][below(r, 3)],
                period);
        print_fen(f, first);
        fputc('\n', f);
        if (first != a) {
          fprintf(f, "%s,%s,%s,", g->u[u].code, FUND_NAMES[fund][0], period);
          print_fen(f, a - first);
          fputc('\n', f);
        }
      }
  }
  fclose(f);
}

typedef struct rstats {
  int seeds, checks, fiscal, gpb, notes;
  int failed;      /* datasets refused, or an identity broken */
  int note_failed; /* datasets where only a rounding note is missing */
} rstats;

static void run_seed(int seed, unsigned extras, rstats *st) {
  static gen g;
  memset(&g, 0, sizeof g);
  g.seed = seed;
  g.r.s = (uint64_t)seed * UINT64_C(0x9E3779B97F4A7C15) + 1;
  g.extras = extras;
  char dir[4096], out[4200], outw[4200];
  snprintf(dir, sizeof dir, "%s/random-%d", YS_BINARY_DIR, seed);
  snprintf(out, sizeof out, "%s/out-yuan", dir);
  snprintf(outw, sizeof outw, "%s/out-wanyuan", dir);
  generate(&g, dir); /* the dataset in dir, its tables in out-* below it */
  int bad = 0, note_bad = 0;
  for (int w = 0; w < 2 && !bad; w++) {
    const char *o = w ? outw : out;
    if (compile_to(dir, w ? prof_wan : prof_yuan, o) != YS_OK) {
      print_message("seed %d: the generated dataset was refused (%s)\n", seed,
                    dir);
      bad = 1;
      break;
    }
    static verifier v;
    vopts opt = {g.fiscal_only, g.all_gpb, g.no_soc, &g.t};
    int n = verify(&v, o, &opt);
    st->checks += v.checks;
    for (int t = 1; t < NT; t++) st->notes += v.off[t] > 0;
    if (n) {
      print_message("seed %d (%s):\n", seed, w ? "万元" : "元");
      print_log(&v, o);
      if (n > v.note_violations)
        bad = 1;
      else
        note_bad = 1;
    }
    free_verifier(&v);
  }
  st->seeds++;
  st->fiscal += g.fiscal_only;
  st->gpb += g.all_gpb;
  if (bad)
    st->failed++;
  else if (note_bad)
    st->note_failed++;
  if (!bad && !note_bad) tc_rmtree(dir);
}

static int env_int(const char *name, int dflt) {
  const char *s = getenv(name);
  return s && *s ? atoi(s) : dflt;
}

/* Seeds 1..YS_RANDOM_SEEDS (default 200) always; then more, up to 2000,
 * while the run is within YS_RANDOM_BUDGET seconds (default 8). */
static void test_random(void **state) {
  (void)state;
  int n = env_int("YS_RANDOM_SEEDS", 200);
  double budget = env_int("YS_RANDOM_BUDGET", 8);
  double t0 = now_s();
  rstats st = {0};
  for (int seed = 1; seed <= 2000 && (seed <= n || now_s() - t0 < budget);
       seed++)
    run_seed(seed, 0, &st);
  double dt = now_s() - t0;
  print_message("random: %d datasets (%d fiscal only, %d all 一般公共预算), "
                "each in 元 and 万元: %d identities checked, %d tables with "
                "尾数误差, %d failed, %d with a rounding note missing, "
                "%.2f s\n",
                st.seeds, st.fiscal, st.gpb, st.checks, st.notes, st.failed,
                st.note_failed, dt);
  assert_int_equal(st.failed, 0);
  /* every branch of the verifier was exercised */
  assert_true(st.fiscal > 0 && st.gpb > 0 && st.fiscal < st.seeds);
  assert_true(n < 50 || st.notes > 0);
}

/* Every table where a displayed identity is off by rounding carries the
 * 尾数误差 note (shared/domain.md "Rounding"): the random datasets again,
 * now failing on a missing note too. */
static void test_random_rounding_notes(void **state) {
  (void)state;
  int n = 100;
  rstats st = {0};
  for (int seed = 1; seed <= n; seed++) run_seed(seed, 0, &st);
  print_message("rounding notes: %d datasets, %d tables with 尾数误差, %d "
                "with a note missing\n",
                st.seeds, st.notes, st.note_failed);
  assert_int_equal(st.failed, 0);
  assert_int_equal(st.note_failed, 0);
}

/* Datasets with 结转下年 (carry_next facts): 收入总计 = 支出总计 needs the
 * carry-over on the expense side. */
static void test_random_carry_next(void **state) {
  (void)state;
  int n = 50;
  rstats st = {0};
  for (int seed = 10001; seed <= 10000 + n; seed++)
    run_seed(seed, X_CARRY_NEXT, &st);
  print_message("random with carry_next: %d datasets, %d failed\n", st.seeds,
                st.failed);
  assert_int_equal(st.failed, 0);
}

/* Several units with last year's 三公 and the 实户 account given per unit
 * (KEY@UNIT): the department and 合计 rows are the sums of the units. */
static void test_random_split_facts(void **state) {
  (void)state;
  int n = 50;
  rstats st = {0};
  for (int seed = 20001; seed <= 20000 + n; seed++)
    run_seed(seed, X_SPLIT_FACTS, &st);
  print_message("random with split facts: %d datasets, %d failed\n", st.seeds,
                st.failed);
  assert_int_equal(st.failed, 0);
}

/* A table whose displayed identity is off by rounding loses its note: the
 * verifier must notice. */
static void test_selfcheck_note(void **state) {
  (void)state;
  for (int seed = 1; seed <= 60; seed++) {
    static gen g;
    memset(&g, 0, sizeof g);
    g.seed = seed;
    g.r.s = (uint64_t)seed * UINT64_C(0x9E3779B97F4A7C15) + 1;
    char dir[4096], out[4200];
    snprintf(dir, sizeof dir, "%s/selfcheck-note", YS_BINARY_DIR);
    snprintf(out, sizeof out, "%s/out", dir);
    generate(&g, dir);
    assert_int_equal(compile_to(dir, prof_wan, out), YS_OK);
    static verifier v;
    vopts opt = {g.fiscal_only, g.all_gpb, g.no_soc, &g.t};
    int n = verify(&v, out, &opt) - v.note_violations;
    int tn = 0;
    for (int t = 1; t < NT && !tn; t++)
      if (v.off[t] && strstr(v.t[t].note, "四舍五入")) tn = t;
    char path[4096], note[512];
    if (tn) {
      snprintf(path, sizeof path, "%s", v.t[tn].path);
      snprintf(note, sizeof note, "%s\r\n", v.t[tn].note);
    }
    free_verifier(&v);
    if (n || !tn) continue;
    assert_int_equal(edit_file(path, note, "", false), 1);
    n = verify(&v, out, &opt);
    print_log(&v, out);
    char want[64];
    snprintf(want, sizeof want, "表%d: ", tn);
    assert_true(n >= 1);
    assert_true(log_line(&v, want, "no rounding note"));
    free_verifier(&v);
    tc_rmtree(dir);
    return;
  }
  fail_msg("no random dataset produced a table with a rounding note");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_generator_codes),
      cmocka_unit_test(test_example),
      cmocka_unit_test(test_example_wanyuan),
      cmocka_unit_test(test_selfcheck_cell),
      cmocka_unit_test(test_selfcheck_cross_table),
      cmocka_unit_test(test_selfcheck_note),
      cmocka_unit_test(test_random),
      cmocka_unit_test(test_random_rounding_notes),
      cmocka_unit_test(test_random_carry_next),
      cmocka_unit_test(test_random_split_facts),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
