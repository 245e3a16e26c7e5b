/*
 * tableread.c - a found table read by meaning (tableread.h).
 *
 * Columns. Each column's header path (the header cells above it, top to
 * bottom) is read through the vocabulary. Its role comes from the lowest
 * cell that has one (类 under 功能分类科目编码 under 项目 is the 类 part of
 * a code); a column with no role whose body holds numbers is an amount,
 * narrowed by the dimensions of its whole path. A header the vocabulary
 * cannot read leaves the column unread (reported), never guessed.
 *
 * Panels. A label or code column after an amount column starts a new
 * panel: 收支总表 print income and spending side by side, and some
 * 决算 tables print two halves of one list. Each panel becomes a table.
 *
 * Rows. A code (whole, or split over 类/款/项 columns) names a class of
 * the table's classification, or a unit; a name alone is looked up in the
 * catalogue, under the code above it; 合计 / 总计 are totals; other
 * labels ("一、财政拨款收入", "上年结转", "本年收入合计") are read through
 * the vocabulary. Levels come from codes (类 1, 款 2, 项 3) and from
 * numbering (一、 before 1. before (1), in the order a table uses them).
 * A row that is none of these is not placed, and says why.
 *
 * Sums. Within a header group, a 合计 / 小计 column is the sum of its
 * sibling columns (each sibling counting by its own 合计 if it has one),
 * except 其中 columns. Row sums are the checker's, from the levels.
 */
#include "tableread.h"

#include <stdlib.h>
#include <string.h>

#include "yusuan/text.h"

typedef struct tr {
  ys_rdoc *d;
  const ys_gtable *g;
  ys_readctx *ctx;
  ys_arena *a;
  bool project_table; /* rows are projects (项目支出表) */
} tr;

static const char *keyz(ys_arena *a, const char *s) {
  const char *k = ys_text_key(a, s ? s : "", s ? strlen(s) : 0);
  return k ? k : "";
}

static bool starts(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

static bool all_digits(const char *s) {
  if (!*s) return false;
  for (; *s; s++)
    if (*s < '0' || *s > '9') return false;
  return true;
}

static bool numeric(const char *k) {
  if (!strcmp(k, "-") || !strcmp(k, "—") || !strcmp(k, "--") ||
      !strcmp(k, "——") || !strcmp(k, "–"))
    return true;
  const char *p = k;
  if (*p == '-' || *p == '+') p++;
  size_t digits = 0;
  for (; *p; p++) {
    if (*p >= '0' && *p <= '9')
      digits++;
    else if (*p != ',' && *p != '.' && !(*p == '%' && !p[1]))
      return false;
  }
  return digits > 0;
}

/* --- numbering ----------------------------------------------------------- */

enum { NUM_NONE = 0, NUM_CN, NUM_PCN, NUM_AR, NUM_PAR, NUM_KINDS };

static size_t cn_digits(const char *s) {
  static const char *const d[] = {"一", "二", "三", "四", "五", "六",
                                  "七", "八", "九", "十", "〇", "零"};
  size_t n = 0;
  for (;;) {
    bool hit = false;
    for (size_t i = 0; i < sizeof d / sizeof d[0] && !hit; i++)
      if (!strncmp(s + n, d[i], 3)) {
        n += 3;
        hit = true;
      }
    if (!hit) return n;
  }
}

/* Strips a leading numbering ("一、", "(一)", "1.", "1、", "(1)") and
 * "其中:" from a key; returns the rest, *kind the numbering kind, *first
 * (may be NULL) whether the number is the first of its sequence (一, 1). */
static const char *strip_numbering(const char *k, int *kind, bool *subset,
                                   bool *first) {
  *kind = NUM_NONE;
  *subset = false;
  bool one = false;
  for (int round = 0; round < 3; round++) {
    if (starts(k, "其中:") || starts(k, "其中：")) {
      *subset = true;
      k += starts(k, "其中:") ? 7 : 9;
      continue;
    }
    if (starts(k, "其中") && k[6]) {
      *subset = true;
      k += 6;
      continue;
    }
    size_t n = cn_digits(k);
    if (n && starts(k + n, "、")) {
      *kind = NUM_CN;
      one = n == 3 && starts(k, "一");
      k += n + 3;
      continue;
    }
    if (k[0] == '(') {
      size_t m = cn_digits(k + 1);
      if (m && k[1 + m] == ')') {
        *kind = NUM_PCN;
        one = m == 3 && starts(k + 1, "一");
        k += m + 2;
        continue;
      }
      size_t j = 1;
      while (k[j] >= '0' && k[j] <= '9') j++;
      if (j > 1 && k[j] == ')') {
        *kind = NUM_PAR;
        one = j == 2 && k[1] == '1';
        k += j + 1;
        continue;
      }
    }
    size_t j = 0;
    while (k[j] >= '0' && k[j] <= '9') j++;
    if (j && j <= 2 && (k[j] == '.' || starts(k + j, "、")) && k[j + 1] &&
        !(k[j + 1] >= '0' && k[j + 1] <= '9')) {
      *kind = NUM_AR;
      one = j == 1 && k[0] == '1';
      k += j + (k[j] == '.' ? 1 : 3);
      continue;
    }
    break;
  }
  if (first) *first = one;
  return k;
}

/* --- columns ------------------------------------------------------------- */

typedef struct colinfo {
  ys_rcol_kind kind;
  ys_meaning m;      /* the whole path */
  const ys_gcell *h; /* the lowest header cell above it */
  bool understood;
  const char *label;
  const char *rest;
  unsigned axes;
} colinfo;

/* The kind a role gives a column. */
static ys_rcol_kind role_kind(uint32_t roles) {
  if (roles & YS_ROLE_LEI) return YS_RCOL_LEI;
  if (roles & YS_ROLE_KUAN) return YS_RCOL_KUAN;
  if (roles & YS_ROLE_XIANG) return YS_RCOL_XIANG;
  if (roles & YS_ROLE_UNIT) return YS_RCOL_UNIT;
  if (roles & YS_ROLE_CODE) return YS_RCOL_CODE;
  if (roles & YS_ROLE_SEQ) return YS_RCOL_SEQ;
  if (roles & YS_ROLE_RATE) return YS_RCOL_RATE;
  if (roles & YS_ROLE_COUNT) return YS_RCOL_COUNT;
  if (roles & YS_ROLE_TEXT) return YS_RCOL_TEXT;
  if (roles & YS_ROLE_LABEL) return YS_RCOL_LABEL;
  return YS_RCOL_OTHER;
}

/* What the body cells of column c hold: mostly numbers, codes, text. */
static void body_content(tr *t, int c, int *nums, int *codes, int *texts) {
  *nums = *codes = *texts = 0;
  const ys_gtable *g = t->g;
  for (size_t i = 0; i < g->ncells; i++) {
    const ys_gcell *x = &g->cells[i];
    if (x->row < g->header_rows || x->col != c || x->cs != 1) continue;
    const char *k = keyz(t->a, x->text);
    if (!*k) continue;
    if (all_digits(k) && strlen(k) >= 2 && strlen(k) <= 9)
      (*codes)++;
    else if (numeric(k))
      (*nums)++;
    else
      (*texts)++;
  }
}

/* Does header row r number the columns ("栏次 | | 1 | 2 | 3", "甲 | 乙 | 1 |
 * 2=3+4")? Its cells (those it starts) are numbers, sums of numbers, 栏次 /
 * 行次 or the 甲乙丙 of label columns, one a number at least: the row
 * tells where a column is, not what it holds, so it is no heading. */
static bool numbering_row(tr *t, int r) {
  const ys_gtable *g = t->g;
  bool number = false;
  for (int c = 0; c < g->ncols; c++) {
    const ys_gcell *h = ys_gtable_at(g, r, c);
    if (!h || h->row != r || h->col != c) continue;
    const char *k = keyz(t->a, h->text);
    if (!*k || !strcmp(k, "栏次") || !strcmp(k, "行次") || !strcmp(k, "甲") ||
        !strcmp(k, "乙") || !strcmp(k, "丙") || !strcmp(k, "丁"))
      continue;
    for (const char *p = k; *p; p++)
      if (!(*p >= '0' && *p <= '9') && *p != '+' && *p != '=' && *p != '-' &&
          *p != '*' && *p != '/')
        return false;
    number = number || (*k >= '0' && *k <= '9');
  }
  return number;
}

static int read_columns(tr *t, colinfo *ci) {
  const ys_gtable *g = t->g;
  bool numbering[64] = {false};
  for (int r = 0; r < g->header_rows && r < 64; r++)
    numbering[r] = numbering_row(t, r);
  for (int c = 0; c < g->ncols; c++) {
    colinfo *x = &ci[c];
    memset(x, 0, sizeof *x);
    x->label = "";
    x->rest = "";
    const ys_gcell *seen[16];
    int ns = 0;
    ys_rcol_kind leaf_kind = YS_RCOL_OTHER;
    bool any = false;
    x->understood = true;
    for (int r = 0; r < g->header_rows; r++) {
      const ys_gcell *h = ys_gtable_at(g, r, c);
      if (!h || (h->row < 64 && numbering[h->row])) continue;
      bool dup = false;
      for (int i = 0; i < ns; i++) dup = dup || seen[i] == h;
      if (dup || ns >= 16) continue;
      seen[ns++] = h;
      ys_meaning m;
      if (ys_vocab_parse(t->ctx->vocab, h->text, &m, t->a)) return YS_ENOMEM;
      /* a header cell naming the unit ("单位：元") is not a heading */
      if (!m.phrases && !*m.rest) continue;
      any = true;
      x->h = h;
      /* the lowest heading's role decides: "资金性质" (a text column's
       * heading) over "合计" is an amount column */
      leaf_kind = role_kind(m.roles);
      x->label = *x->label ? ys_arena_printf(t->a, "%s/%s", x->label, h->text)
                           : h->text;
      if (*m.rest) {
        x->understood = false;
        x->rest =
            *x->rest ? ys_arena_printf(t->a, "%s %s", x->rest, m.rest) : m.rest;
      }
      /* the path's meaning: dimensions conjoined, roles of the lowest */
      ys_qfilter q;
      ys_qfilter_and(&q, &x->m.q, &m.q, t->a);
      if (q.none && !(x->m.q.src && m.q.src && x->m.q.src != m.q.src &&
                      !m.q.funds && !m.q.kinds))
        x->m.conflict = true;
      else if (!q.none)
        x->m.q = q;
      x->m.roles = (x->m.roles & ~(YS_ROLE_TOTAL | YS_ROLE_GRAND)) | m.roles;
      x->m.measures |= m.measures;
      x->m.axes |= m.axes;
      if (m.year) x->m.year = m.year;
      x->m.conflict = x->m.conflict || m.conflict;
    }
    x->axes = x->m.axes;
    int nums, codes, texts;
    body_content(t, c, &nums, &codes, &texts);
    /* a heading that names money (a fund, a class, 合计, 预算数) makes an
     * amount column, whatever its cells look like ("25" is 25 元, not a
     * code) */
    const ys_qfilter *hq = &x->m.q;
    bool money = hq->funds || hq->kinds || hq->natures || hq->periods ||
                 hq->econ.n || hq->key.n || x->m.measures ||
                 (x->m.roles & (YS_ROLE_TOTAL | YS_ROLE_GRAND | YS_ROLE_DIFF));
    if (leaf_kind == YS_RCOL_OTHER && money && texts <= nums + codes) {
      x->kind = YS_RCOL_AMOUNT;
    } else if (leaf_kind != YS_RCOL_OTHER && leaf_kind != YS_RCOL_LABEL) {
      x->kind = leaf_kind;
    } else if (leaf_kind == YS_RCOL_LABEL) {
      /* 项目 over a column of codes (no 编码 heading): a code column */
      x->kind = codes > texts && codes > nums ? YS_RCOL_CODE : YS_RCOL_LABEL;
    } else if (nums > 0 && nums >= texts) {
      x->kind = YS_RCOL_AMOUNT;
    } else if (codes > 0 && codes >= texts) {
      x->kind = YS_RCOL_CODE;
    } else if (texts > 0) {
      x->kind = any ? YS_RCOL_TEXT : YS_RCOL_LABEL;
    } else {
      /* an empty column: an amount column of an empty table */
      x->kind = any ? YS_RCOL_AMOUNT : YS_RCOL_OTHER;
    }
    if (x->kind == YS_RCOL_AMOUNT && !any) x->understood = false;
  }
  return YS_OK;
}

/* --- the header tree: sums of columns ------------------------------------ */

typedef struct hnode {
  const ys_gcell *cell;
  int c0, c1; /* columns covered, inclusive */
  int row;
} hnode;

/* The single column that gives the value of the header cell h's subtree
 * within [lo, hi]: h's own column if it is a leaf, else its 合计 / 小计
 * child; -1 if none. */
static int value_col(tr *t, const colinfo *ci, const ys_gcell *h, int lo,
                     int hi) {
  int c0 = h->col < lo ? lo : h->col, c1 = h->col + h->cs - 1;
  if (c1 > hi) c1 = hi;
  if (c0 == c1) return ci[c0].kind == YS_RCOL_AMOUNT ? c0 : -1;
  const ys_gtable *g = t->g;
  int below = h->row + h->rs;
  for (int c = c0; c <= c1; c++) {
    const ys_gcell *k =
        below < g->header_rows ? ys_gtable_at(g, below, c) : NULL;
    if (!k || k->cs != 1 || ci[c].kind != YS_RCOL_AMOUNT) continue;
    ys_meaning m;
    if (ys_vocab_parse(t->ctx->vocab, k->text, &m, t->a)) return -1;
    if (m.roles & (YS_ROLE_TOTAL | YS_ROLE_GRAND)) return c;
  }
  return -1;
}

/* cols are the panel's, column c of the grid being cols[c - off]. */
static int add_sum(tr *t, ys_rcol *cols, int off, int total, const int *parts,
                   int np) {
  if (np < 1) return YS_OK;
  ys_rcol *tc = &cols[total - off];
  tc->sum_of = ys_arena_alloc(t->a, sizeof(int) * (size_t)np);
  if (!tc->sum_of) return YS_ENOMEM;
  for (int i = 0; i < np; i++) tc->sum_of[i] = parts[i] - off;
  tc->n_sum_of = np;
  return YS_OK;
}

/* Sums within the children of one header group: the cells of header row
 * `row` within columns [lo, hi] (the whole panel at the top). */
static int group_sums(tr *t, const colinfo *ci, ys_rcol *cols, int off, int row,
                      int lo, int hi, int depth) {
  const ys_gtable *g = t->g;
  if (row >= g->header_rows || depth > 8) return YS_OK;
  const ys_gcell *kids[64];
  int nk = 0;
  for (int c = lo; c <= hi && nk < 64; c++) {
    const ys_gcell *k = ys_gtable_at(g, row, c);
    if (!k) {
      /* a column whose heading starts lower: it is a child too */
      for (int r = row + 1; r < g->header_rows && !k; r++)
        k = ys_gtable_at(g, r, c);
      if (!k) continue;
    }
    bool dup = false;
    for (int i = 0; i < nk; i++) dup = dup || kids[i] == k;
    if (!dup) kids[nk++] = k;
  }
  int total = -1;
  int parts[64], np = 0;
  bool unsure = false;
  for (int i = 0; i < nk; i++) {
    const ys_gcell *k = kids[i];
    ys_meaning m;
    if (ys_vocab_parse(t->ctx->vocab, k->text, &m, t->a)) return YS_ENOMEM;
    int c0 = k->col < lo ? lo : k->col, c1 = k->col + k->cs - 1;
    if (c1 > hi) c1 = hi;
    bool amounts = false;
    for (int c = c0; c <= c1; c++) amounts |= ci[c].kind == YS_RCOL_AMOUNT;
    if (!amounts) continue;
    /* recurse into groups */
    if (c1 > c0 &&
        group_sums(t, ci, cols, off, k->row + k->rs, c0, c1, depth + 1))
      return YS_ENOMEM;
    if ((m.roles & (YS_ROLE_TOTAL | YS_ROLE_GRAND)) && c0 == c1 && total < 0) {
      total = c0;
      continue;
    }
    if (m.roles & YS_ROLE_SUBSET) continue;
    int v = value_col(t, ci, k, c0, c1);
    if (v < 0)
      unsure = true;
    else
      parts[np++] = v;
  }
  /* a part the total does not contain is no part of it ("“三公”经费及会议
   * 费、培训费": 会议费 is printed beside the 三公 合计, not in it) */
  if (total >= 0 && cols[total - off].q.n) {
    int k = 0;
    for (int i = 0; i < np; i++) {
      const ys_rcol *pc = &cols[parts[i] - off];
      const ys_rcol *tc = &cols[total - off];
      if (pc->q.n && pc->q.n == tc->q.n &&
          !ys_qfilter_within(&pc->q.t[0], &tc->q.t[0]))
        continue;
      parts[k++] = parts[i];
    }
    np = k;
  }
  if (total >= 0 && !unsure && np >= 1)
    return add_sum(t, cols, off, total, parts, np);
  return YS_OK;
}

/* --- rows ---------------------------------------------------------------- */

/* The classification of a code when the table does not say. */
static unsigned guess_axis(const char *code) {
  size_t l = strlen(code);
  if (code[0] == '2' && (l == 3 || l == 5 || l == 7)) return YS_AXIS_FUNC;
  if (code[0] == '3' && (l == 3 || l == 5 || l == 7)) return YS_AXIS_ECON;
  if (code[0] == '5' && (l == 3 || l == 5)) return YS_AXIS_GECON;
  return YS_AXIS_UNIT;
}

static ys_cls axis_cls(unsigned axis) {
  return axis == YS_AXIS_ECON    ? YS_CLS_ECON_DEPT
         : axis == YS_AXIS_GECON ? YS_CLS_ECON_GOV
                                 : YS_CLS_FUNC;
}

typedef struct panel {
  int c0, c1;       /* columns */
  unsigned axis;    /* what the rows are: one YS_AXIS_* */
  unsigned classes; /* the classification of class rows, 0 = by code */
} panel;

/* The text of column c in row r (a cell covering it that starts in this
 * row, or a merged label over several columns). */
static const ys_gcell *cell_at(const ys_gtable *g, int r, int c) {
  const ys_gcell *x = ys_gtable_at(g, r, c);
  return x && x->row == r ? x : NULL;
}

typedef struct rowstate {
  const char *parent[4]; /* class codes by level above the current row */
  int kinds[NUM_KINDS];  /* numbering kind → level (1-based), 0 unseen */
  int nkinds;
  bool footer;     /* after the first total row */
  int footer_base; /* level of the footer row numbered rows belong to */
  /* units: the chain of unit codes above the current row, by prefix */
  const char *units[8];
  int nunits;
  unsigned class_axis; /* the classification of the class rows */
  bool balance;        /* a side of a 收支总表: numbering gives levels */
  const char *last_code, *last_name; /* the class row before */
  int last_level;
  bool last_item;    /* the row before was an item (project) of its class */
  int indent;        /* the current row's indentation in steps, -1 none */
  int last_numbered; /* level of the last numbered row, 0 none */
  bool indented;     /* the label column shows levels by indentation */
  /* the numbered row before, in an indented table: its kind, indentation
   * and level; and per kind, how much deeper than its indentation a
   * numbering runs (see place_row) */
  int prev_kind, prev_indent, prev_nlevel;
  int bump[NUM_KINDS];
  /* the numbered outline: the narrowing of the rows above, by level */
  ys_qfilter outline[8];
  bool has_outline[8];
} rowstate;

/* A row of a numbered outline narrows the rows numbered under it (a
 * "(1)工资福利支出" under "2、专项业务经费支出" is project spending): the
 * row takes the narrowing of the nearest row above at a lower level, and
 * leaves its own for the rows under it. */
static void outline(tr *t, rowstate *s, ys_rrow *row) {
  int l = row->level;
  if (l < 1 || l >= 8 || (row->flags & (YS_RROW_TOTAL | YS_RROW_GRAND))) return;
  for (int k = l - 1; k >= 1; k--)
    if (s->has_outline[k]) {
      ys_qfilter q;
      ys_qfilter_and(&q, &row->q, &s->outline[k], t->a);
      if (!q.none) row->q = q;
      break;
    }
  if (row->flags & YS_RROW_SUBSET) return;
  s->outline[l] = row->q;
  s->has_outline[l] = true;
  for (int k = l + 1; k < 8; k++) s->has_outline[k] = false;
}

static int numbering_level(rowstate *s, int kind) {
  if (!kind) return 0;
  if (!s->kinds[kind]) s->kinds[kind] = ++s->nkinds;
  return s->kinds[kind];
}

/* Units learned from tables that print a unit's code beside its name: a
 * later table that names units only gets their codes, in order (a
 * department and its main unit often share a name: the first mention is
 * the department, the second the unit). */
static const char *unit_code_for(tr *t, const char *name, int nth) {
  ys_readctx *x = t->ctx;
  int k = 0;
  for (size_t i = 0; i < x->nunits; i++)
    if (!strcmp(x->unit_names[i], name) && k++ == nth) return x->unit_codes[i];
  return NULL;
}

static int learn_unit(tr *t, const char *name, const char *code) {
  ys_readctx *x = t->ctx;
  for (size_t i = 0; i < x->nunits; i++)
    if (!strcmp(x->unit_codes[i], code)) return YS_OK;
  size_t cap = x->cap_units;
  const char **n =
      ys_arena_reserve(t->a, x->unit_names, x->nunits, &cap, sizeof *n);
  if (!n) return YS_ENOMEM;
  x->unit_names = n;
  cap = x->cap_units;
  const char **c =
      ys_arena_reserve(t->a, x->unit_codes, x->nunits, &cap, sizeof *c);
  if (!c) return YS_ENOMEM;
  x->unit_codes = c;
  x->cap_units = cap;
  x->unit_names[x->nunits] = name;
  x->unit_codes[x->nunits++] = code;
  return YS_OK;
}

/* Is the code a class of the classification (known to the catalogue, or
 * of a class's length when the catalogue does not list it)? */
static int class_level(tr *t, unsigned axis, const char *code) {
  ys_cls cls = axis_cls(axis);
  int lvl = ys_catalog_code_level(cls, code);
  if (lvl <= 0) return 0;
  /* a 3-digit unit code (322) is no class: its 类 does not exist */
  if (lvl == 1 && !ys_catalog_lookup(t->ctx->cat, cls, code, 0)) {
    const ys_cat_entry *v[2];
    if (!ys_catalog_versions(t->ctx->cat, cls, code, v, 2)) return 0;
  }
  return lvl;
}

/* Is name the catalogue's name for code (or close to it)? */
static bool named_as(tr *t, ys_cls cls, const char *code, const char *name) {
  const ys_cat_entry *v[8];
  size_t n = ys_catalog_versions(t->ctx->cat, cls, code, v, 8);
  for (size_t i = 0; i < n && i < 8; i++) {
    const char *k = keyz(t->a, v[i]->name);
    if (!strcmp(k, name) || strstr(k, name) || strstr(name, k)) return true;
  }
  return n == 0;
}

/* Puts the row in the unit chain by its code (209 ⊃ 209002, never by its
 * name); returns its depth (1 = outermost). */
static int unit_depth(rowstate *s, const char *code) {
  while (s->nunits > 0 && strncmp(code, s->units[s->nunits - 1],
                                  strlen(s->units[s->nunits - 1])))
    s->nunits--;
  if (s->nunits < 8) s->units[s->nunits++] = code;
  return s->nunits;
}

static void set_class(ys_rrow *row, ys_cls cls, const char *code) {
  ys_qcodes *dim = cls == YS_CLS_FUNC        ? &row->q.func
                   : cls == YS_CLS_ECON_DEPT ? &row->q.econ
                                             : &row->q.gecon;
  ys_qcodes_add(dim, code);
}

/* A row being read by read_row: what its cells say and what is known of it
 * so far, passed through the helpers that read it one way each. */
typedef struct rowread {
  tr *t;
  ys_rrow *row;
  const panel *p;
  const colinfo *ci;
  int gr; /* the row in the grid */
  rowstate *s;
  bool revenue;
  char code[32]; /* the class code of its code columns, "" none */
  const char *label, *unit;
  const char *name; /* the label's key without its numbering */
  int kind;         /* the label's numbering kind */
  bool subset, first;
  ys_meaning m;       /* the vocabulary's reading of name */
  int clvl;           /* the code's level in its classification, 0 none */
  int nlevel;         /* the level its numbering or indentation says */
  const char *within; /* the unit a class row belongs to */
  int base;           /* the level of that unit */
} rowread;

/* A read_row helper's "not this kind of row: read on". */
enum { ROW_ON = 1 };

/* Collects the row's code, unit and label from its cells. */
static void row_cells(rowread *r) {
  tr *t = r->t;
  const ys_gtable *g = t->g;
  const panel *p = r->p;
  const colinfo *ci = r->ci;
  char *code = r->code;
  size_t cl = 0;
  for (int c = p->c0; c <= p->c1; c++) {
    const ys_gcell *x = cell_at(g, r->gr, c);
    if (!x || x->col != c) continue;
    const char *k = keyz(t->a, x->text);
    switch (ci[c].kind) {
    case YS_RCOL_CODE:
    case YS_RCOL_LEI:
    case YS_RCOL_KUAN:
    case YS_RCOL_XIANG:
      if (all_digits(k) && cl + strlen(k) + 1 < sizeof r->code) {
        /* 款 and 项 are two digits; spreadsheets drop the leading zero
         * ("301 2" for 30102) */
        if ((ci[c].kind == YS_RCOL_KUAN || ci[c].kind == YS_RCOL_XIANG) &&
            strlen(k) == 1)
          code[cl++] = '0';
        memcpy(code + cl, k, strlen(k) + 1);
        cl += strlen(k);
      } else if (!*r->label && *k) {
        r->label = x->text; /* 合计 merged over the code columns */
      }
      break;
    case YS_RCOL_UNIT:
      if (all_digits(k)) r->unit = ys_arena_strdup(t->a, k);
      break;
    case YS_RCOL_LABEL:
      if (!*r->label) r->label = x->text;
      break;
    default:
      break;
    }
  }
  /* a table without a label column: the first text of the row */
  for (int c = p->c0; c <= p->c1 && !*r->label; c++) {
    const ys_gcell *x = cell_at(g, r->gr, c);
    if (x && ci[c].kind != YS_RCOL_AMOUNT && !numeric(keyz(t->a, x->text)))
      r->label = x->text;
  }
}

/* A 合计 / 总计 row: level 0, and the rows after it are the footer. */
static int row_total(rowread *r) {
  ys_rrow *row = r->row;
  rowstate *s = r->s;
  const ys_meaning *m = &r->m;
  /* totals */
  if (!(!*r->code && !*r->unit && *r->name && !*m->rest &&
        (m->roles & (YS_ROLE_TOTAL | YS_ROLE_GRAND))))
    return ROW_ON;
  row->flags |= m->roles & YS_ROLE_GRAND ? YS_RROW_GRAND : YS_RROW_TOTAL;
  row->level = 0;
  row->q = m->q;
  row->q.src = YS_Q_NONE;
  if (!(m->roles & YS_ROLE_GRAND) && r->revenue && !row->q.periods)
    row->q.periods = 1u << YS_PERIOD_CURRENT;
  s->footer = true;
  s->footer_base = 0;
  return YS_OK;
}

/* Sets r->clvl from the code; a code that is no class becomes the unit. */
static void row_code_level(rowread *r) {
  tr *t = r->t;
  rowstate *s = r->s;
  char *code = r->code;
  /* a code: a class of the table's classification, else a unit */
  r->clvl =
      *code ? class_level(t, s->class_axis ? s->class_axis : guess_axis(code),
                          code)
            : 0;
  /* a code of another classification (301 in a table by function) is a
   * class, never a unit: a unit learned from it would be taken for every
   * 工资福利支出 of every later table */
  if (*code && !r->clvl && s->class_axis && guess_axis(code) != YS_AXIS_UNIT &&
      guess_axis(code) != s->class_axis)
    r->clvl = class_level(t, guess_axis(code), code);
  if (*code && !r->clvl && !*r->unit) {
    r->unit = ys_arena_strdup(t->a, code);
    code[0] = '\0';
  }
}

/* A unit row, by its printed code; its name is learned for later tables. */
static int row_unit_code(rowread *r) {
  tr *t = r->t;
  ys_rrow *row = r->row;
  if (!(*r->unit && !r->clvl)) return ROW_ON;
  /* a unit row */
  int depth = unit_depth(r->s, r->unit);
  ys_qcodes_add(&row->q.unit, r->unit);
  row->code = r->unit;
  row->level = depth;
  row->flags |= YS_RROW_UNIT;
  if (*r->name && learn_unit(t, ys_arena_strdup(t->a, r->name), r->unit))
    return YS_ENOMEM;
  return YS_OK;
}

/* The level the row's numbering says, or its indentation where the table
 * shows levels by it. */
static int row_numbering_level(rowread *r) {
  rowstate *s = r->s;
  int kind = r->kind;
  int nlevel = numbering_level(s, kind);
  /* indentation, where the table shows levels by it, says more than the
   * numbering (a province may number 一、 and 1. at one depth) */
  if (s->indented && s->indent >= 0) {
    nlevel = s->indent + 1;
    /* ... but a numbering that starts afresh right below a row numbered
     * another way, at that row's indentation ("(1)一般公共预算拨款" under
     * "1、财政拨款", both flush left as an office suite prints them), is a
     * level below it: that table indents less than it numbers */
    if (kind) {
      if (r->first)
        s->bump[kind] =
            s->prev_kind && s->prev_kind != kind && s->prev_indent == s->indent
                ? s->prev_nlevel + 1 - nlevel
                : 0;
      nlevel += s->bump[kind];
      s->prev_kind = kind;
      s->prev_indent = s->indent;
      s->prev_nlevel = nlevel;
    }
  }
  return nlevel;
}

/* A class row by its printed code: the class itself, or an item (project)
 * inside it. */
static int row_class_code(rowread *r) {
  tr *t = r->t;
  ys_rrow *row = r->row;
  rowstate *s = r->s;
  const char *code = r->code;
  const char *name = r->name;
  const char *within = r->within;
  int clvl = r->clvl;
  /* the code's own classification when it is not the table's */
  unsigned ax = s->class_axis ? s->class_axis : guess_axis(code);
  if (!class_level(t, ax, code)) ax = guess_axis(code);
  ys_cls cls = axis_cls(ax);
  row->code = ys_arena_strdup(t->a, code);
  if (!row->code) return YS_ENOMEM;
  row->flags |= YS_RROW_CODE;
  /* a printed code says its level */
  row->level = r->base + clvl;
  /* The same code again under another name: after the class's own row
   * (30103 奖金, then 30103 年终一次性奖金; a 项 heading, then its
   * projects) it is an item inside that class, one level down; after
   * another item it is that item's sibling. Items are told apart by
   * name (q.project), so a project is never the same quantity as its
   * class. */
  bool same = s->last_code && !strcmp(s->last_code, row->code) && *name &&
              s->last_name && strcmp(s->last_name, name);
  /* a project table prints project names against function codes */
  bool item = same || (t->project_table && !named_as(t, cls, code, name));
  if (item) {
    row->level = same ? s->last_level + 1 : row->level;
    ys_qcodes_add(&row->q.project, ys_arena_strdup(t->a, name));
    set_class(row, cls, row->code);
    if (within) ys_qcodes_add(&row->q.unit, within);
    if (s->footer) row->flags |= YS_RROW_FOOTER;
    row->flags |= YS_RROW_ITEM;
    if (!same) {
      /* a project with a class code and no heading: its siblings with
       * that code follow at its level */
      s->last_code = row->code;
      s->last_name = name;
      s->last_level = row->level - 1;
    }
    s->last_item = true;
    return YS_OK;
  }
  s->last_item = false;
  s->last_code = row->code;
  s->last_name = name;
  s->last_level = row->level;
  set_class(row, cls, row->code);
  if (within) ys_qcodes_add(&row->q.unit, within);
  if (clvl >= 1 && clvl <= 3) {
    s->parent[clvl] = row->code;
    for (int l = clvl + 1; l < 4; l++) s->parent[l] = NULL;
  }
  if (s->footer) row->flags |= YS_RROW_FOOTER;
  return YS_OK;
}

/* A row with neither name nor code: the whole table when it is the only
 * row of figures and there is no label column, else not placed. */
static int row_nameless(rowread *r) {
  tr *t = r->t;
  const ys_gtable *g = t->g;
  const panel *p = r->p;
  const colinfo *ci = r->ci;
  ys_rrow *row = r->row;
  /* a table of one row and no label column: the row is the table */
  bool labels = false;
  for (int c = p->c0; c <= p->c1; c++)
    labels = labels || ci[c].kind == YS_RCOL_LABEL ||
             ci[c].kind == YS_RCOL_CODE || ci[c].kind == YS_RCOL_LEI;
  /* (a note under it, "空表说明：…", is no second row) */
  size_t figure_rows = 0;
  for (int gr = g->header_rows; !labels && gr < g->nrows; gr++) {
    bool fig = false;
    for (int c = p->c0; c <= p->c1 && !fig; c++) {
      const ys_gcell *x = cell_at(g, gr, c);
      fig = x && x->col == c && ci[c].kind == YS_RCOL_AMOUNT &&
            numeric(keyz(t->a, x->text));
    }
    figure_rows += fig;
  }
  if (!labels && figure_rows == 1) {
    row->level = 1;
    return YS_OK;
  }
  row->flags &= ~YS_RROW_PLACED;
  row->why = "此行没有名称或编码，未参与检查";
  return YS_OK;
}

/* A unit row by a name learned from another table. */
static int row_unit_name(rowread *r) {
  tr *t = r->t;
  ys_rrow *row = r->row;
  const char *name = r->name;
  /* a unit known by name from another table: the n-th row of this table
   * with this name is the n-th unit of that name */
  int nth = 0;
  for (size_t i = 0; i + 1 < t->ctx->cur_rows; i++)
    if (!strcmp(t->ctx->cur_labels[i], name)) nth++;
  const char *ucode = unit_code_for(t, name, nth);
  if (!ucode && nth) ucode = unit_code_for(t, name, 0);
  if (!ucode) return ROW_ON;
  int depth = unit_depth(r->s, ucode);
  ys_qcodes_add(&row->q.unit, ucode);
  row->code = ucode;
  row->level = depth;
  row->flags |= YS_RROW_UNIT;
  return YS_OK;
}

/* A class row named without its code, found in the catalogue under the
 * classes above it. */
static int row_class_name(rowread *r) {
  tr *t = r->t;
  ys_rrow *row = r->row;
  rowstate *s = r->s;
  const char *name = r->name;
  /* a class named without its code */
  unsigned axes = s->class_axis ? s->class_axis
                                : YS_AXIS_FUNC | YS_AXIS_ECON | YS_AXIS_GECON;
  for (unsigned ax = 1; ax <= YS_AXIS_GECON && axes; ax <<= 1) {
    if (!(axes & ax)) continue;
    ys_cls cls = axis_cls(ax);
    const ys_cat_entry *e = NULL;
    for (int l = 3; !e && l >= 0; l--)
      if (l == 0 || s->parent[l])
        e = ys_catalog_match_name(t->ctx->cat, cls, name, strlen(name),
                                  l ? s->parent[l] : NULL, t->ctx->year);
    if (!e) continue;
    row->code = e->code;
    row->flags |= YS_RROW_CODE | YS_RROW_NAMED;
    /* in a 收支总表 the outline numbers ("一、人员经费和公用经费支出") hold
     * the classes named under them */
    row->level = s->balance && r->nlevel          ? r->nlevel
                 : s->balance && s->last_numbered ? s->last_numbered + 1
                                                  : r->base + e->level;
    /* a class heading named without its code: rows with its code and
     * other names below are its items */
    s->last_code = e->code;
    s->last_name = name;
    s->last_level = row->level;
    s->last_item = false;
    set_class(row, cls, e->code);
    if (r->within) ys_qcodes_add(&row->q.unit, r->within);
    if (e->level >= 1 && e->level <= 3) {
      s->parent[e->level] = e->code;
      for (int l = e->level + 1; l < 4; l++) s->parent[l] = NULL;
    }
    if (s->footer) row->flags |= YS_RROW_FOOTER;
    return YS_OK;
  }
  return ROW_ON;
}

/* A row the vocabulary reads whole ("一、财政拨款收入", "上年结转"):
 * its level from its numbering, or from the rows above. */
static int row_phrase(rowread *r) {
  ys_rrow *row = r->row;
  rowstate *s = r->s;
  const ys_meaning *m = &r->m;
  int nlevel = r->nlevel;
  if (!(m->phrases && !*m->rest && !m->conflict)) return ROW_ON;
  row->q = m->q;
  row->q.src = YS_Q_NONE;
  /* (the income rows' default period, 本年, comes after the outline) */
  if (s->footer) {
    row->flags |= YS_RROW_FOOTER;
    /* numbered rows after a footer row are its parts */
    if (nlevel)
      row->level = s->footer_base + 1;
    else
      row->level = s->footer_base = 1;
  } else if (nlevel) {
    row->level = nlevel;
    if (r->kind) s->last_numbered = nlevel;
  } else {
    /* unnumbered rows after a numbered one, in a table that numbers
     * its headings ("二、上年结转" then "一般公共预算拨款收入"): its parts */
    row->level = s->last_numbered ? s->last_numbered + 1 : 1;
  }
  return YS_OK;
}

/* Fills a row's meaning from its codes and label. */
static int read_row(tr *t, ys_rrow *row, const panel *p, const colinfo *ci,
                    int gr, rowstate *s, bool revenue) {
  rowread r = {.t = t, .row = row, .p = p, .ci = ci, .gr = gr, .s = s};
  r.revenue = revenue;
  r.label = "";
  r.unit = "";
  row_cells(&r);
  const char *lk = keyz(t->a, r.label);
  row->label = ys_arena_strdup(t->a, r.label);
  if (!row->label) return YS_ENOMEM;
  r.name = strip_numbering(lk, &r.kind, &r.subset, &r.first);
  if (r.subset) row->flags |= YS_RROW_SUBSET;
  if (ys_vocab_parse(t->ctx->vocab, r.name, &r.m, t->a)) return YS_ENOMEM;
  row->flags |= YS_RROW_PLACED;
  row->code = "";
  int rc = row_total(&r);
  if (rc != ROW_ON) return rc;
  row_code_level(&r);
  rc = row_unit_code(&r);
  if (rc != ROW_ON) return rc;
  r.nlevel = row_numbering_level(&r);
  /* the unit a class row belongs to: its own code column, else the chain */
  r.within = *r.unit ? r.unit : s->nunits ? s->units[s->nunits - 1] : NULL;
  r.base = *r.unit ? 0 : s->nunits;
  if (r.clvl) return row_class_code(&r);
  if (!*r.name) return row_nameless(&r);
  rc = row_unit_name(&r);
  if (rc == ROW_ON) rc = row_class_name(&r);
  if (rc == ROW_ON) rc = row_phrase(&r);
  if (rc != ROW_ON) return rc;
  if (p->axis == YS_AXIS_UNIT || p->axis == YS_AXIS_PROJECT) {
    /* a unit or project known by its name only */
    ys_qcodes *dim = p->axis == YS_AXIS_UNIT ? &row->q.unit : &row->q.project;
    ys_qcodes_add(dim, ys_arena_strdup(t->a, r.name));
    row->level = r.nlevel ? r.nlevel : 1;
    if (p->axis == YS_AXIS_UNIT) row->flags |= YS_RROW_UNIT;
    return YS_OK;
  }
  row->flags &= ~YS_RROW_PLACED;
  row->why = "无法识别此行（名称不在科目表和词表中），未参与检查";
  return YS_OK;
}

/* --- tables -------------------------------------------------------------- */

/* The measure (phase) filter of a column, relative to the document. */
static void column_phase(tr *t, const ys_meaning *m, ys_qfilter *q) {
  uint32_t own = 1u << (t->ctx->final ? YS_PHASE_FINAL : YS_PHASE_BUDGET);
  uint32_t ms = m->measures;
  /* 预算 in a budget's column heading says nothing new */
  if (ms && ms != own) q->phases = ms & ~own ? ms & ~own : ms;
  if (t->ctx->year && m->year && m->year == t->ctx->year - 1) q->yoff = -1;
}

/* A new table for a panel: the found table's title, note and unit, and
 * room for the panel's columns; NULL when out of memory. */
static ys_rtable *panel_table(tr *t, const panel *p, const ys_meaning *title,
                              int group, int side) {
  const ys_gtable *g = t->g;
  ys_rtable *rt = ys_rdoc_add_table(t->d);
  if (!rt) return NULL;
  rt->file = t->d->file;
  rt->number = g->number;
  rt->title = g->title;
  rt->title_line = g->line;
  rt->title_page = g->page;
  rt->note = g->note;
  rt->empty_note =
      g->note && (strstr(g->note, "空表") || strstr(g->note, "无"));
  rt->header_rows = 0;
  rt->group = group;
  rt->side = side;
  rt->ruled = g->ruled;
  rt->understood = title->phrases > 0;
  ys_unit u;
  if (*g->unit_text &&
      ys_unit_parse(g->unit_text, strlen(g->unit_text), &u) == YS_OK) {
    rt->unit = u;
    rt->unit_known = true;
  }
  int nc = p->c1 - p->c0 + 1;
  rt->ncols = (size_t)nc;
  rt->cols = ys_arena_alloc(t->a, sizeof(ys_rcol) * (size_t)nc);
  if (!rt->cols) return NULL;
  return rt;
}

/* The source of the panel's money: the title's, or on a side of a 收支总表
 * its amount columns'. */
static ys_qsrc panel_source(const panel *p, const colinfo *ci,
                            const ys_meaning *title, int side, bool balance) {
  /* the side's source: its amount columns' (收入 / 支出 over the panel) */
  ys_qsrc src = title->q.src;
  if (balance) {
    src = YS_Q_NONE;
    for (int c = p->c0; c <= p->c1 && !src; c++)
      if (ci[c].m.q.src) src = ci[c].m.q.src;
    if (!src) src = side ? YS_Q_EXP : YS_Q_REV;
  }
  return src;
}

/* The quantity of each amount column of the panel, narrowed by the
 * table's base (rt->base, set before). */
static void panel_columns(tr *t, ys_rtable *rt, const panel *p,
                          const colinfo *ci) {
  /* A period in a heading distinguishes only where the table shows
   * another beside it (当年财政拨款安排 | 上年结转安排); alone over a whole
   * table (a 三公 table's 当年财政拨款预算安排) it describes, and does not
   * narrow: publications put this year's and carried money under it. */
  uint32_t periods_seen = 0;
  for (int c = p->c0; c <= p->c1; c++)
    if (ci[c].kind == YS_RCOL_AMOUNT)
      periods_seen |= ci[c].m.q.periods ? ci[c].m.q.periods : 0x6u;
  bool contrast = periods_seen == 0x6u;
  /* 本年决算数 beside 上年决算数 (and their 增减): 本年 is the year, not
   * this year's money against the carried (no column says 结转) */
  bool carried = false, last_year = false;
  for (int c = p->c0; c <= p->c1; c++)
    if (ci[c].kind == YS_RCOL_AMOUNT) {
      carried = carried || (ci[c].m.q.periods & (1u << YS_PERIOD_CARRY));
      last_year = last_year || ci[c].m.q.yoff < 0;
    }
  bool years = last_year && !carried;
  /* a column of 上年结转 beside columns of funds (一般公共预算拨款 |
   * 政府性基金 | … | 上年结转): the funds' columns are this year's money */
  bool carry_col = false;
  for (int c = p->c0; c <= p->c1; c++)
    carry_col = carry_col || (ci[c].kind == YS_RCOL_AMOUNT &&
                              ci[c].m.q.periods == (1u << YS_PERIOD_CARRY) &&
                              !ci[c].m.q.funds);
  for (int c = p->c0; c <= p->c1; c++) {
    ys_rcol *col = &rt->cols[c - p->c0];
    const colinfo *x = &ci[c];
    col->kind = x->kind;
    col->label = x->label;
    col->rest = x->rest;
    col->subset = (x->m.roles & YS_ROLE_SUBSET) != 0;
    col->total = (x->m.roles & (YS_ROLE_TOTAL | YS_ROLE_GRAND)) != 0;
    if (x->kind != YS_RCOL_AMOUNT) continue;
    if (!x->understood || x->m.conflict) {
      col->kind = YS_RCOL_OTHER; /* reported by the checker */
      continue;
    }
    ys_qfilter q = x->m.q;
    q.src = YS_Q_NONE; /* the table's source rules (see above) */
    if (!contrast) q.periods = 0;
    if (years && q.periods == 1u << YS_PERIOD_CURRENT) q.periods = 0;
    if (carry_col && q.funds && !q.periods) q.periods = 1u << YS_PERIOD_CURRENT;
    column_phase(t, &x->m, &q);
    /* Columns are more specific than the title: where a column's class
     * or item contradicts the title's (a 会议费 column in a "“三公”经费及会
     * 议费" table), the column's own stands and the title's is left out. */
    ys_qfilter both;
    ys_qfilter_and(&both, &rt->base, &q, t->a);
    if (both.none && (q.econ.n || q.key.n)) {
      ys_qfilter b = rt->base;
      b.econ.n = 0;
      b.key.n = 0;
      ys_qfilter_and(&q, &b, &q, t->a);
      col->own_base = true;
    } else {
      q = both;
    }
    q.src = rt->base.src;
    col->q.n = 1;
    col->q.sign[0] = 1;
    col->q.t[0] = q;
    if (x->m.roles & YS_ROLE_DIFF) {
      /* 增减 = this year − last year, both narrowed alike */
      ys_qfilter prev = q;
      prev.yoff = -1;
      col->q.n = 2;
      col->q.sign[1] = -1;
      col->q.t[1] = prev;
    }
  }
}

/* Two amount columns of one panel whose headers the vocabulary reads as
 * the same quantity (执行数 and 决算数 of a 决算 report: the figures
 * reported to the congress before the accounts were closed, and the
 * accounts) are two measures it cannot tell apart; read as one, each
 * would be made to equal the other. One is kept: in a 决算 the column
 * that says 决算, else the first; the other is left unread, and said. */
static int twin_columns(tr *t, ys_rtable *rt) {
  const char **key = ys_arena_alloc(t->a, sizeof *key * (rt->ncols + 1));
  if (!key) return YS_ENOMEM;
  for (size_t c = 0; c < rt->ncols; c++) {
    key[c] = NULL;
    if (rt->cols[c].kind != YS_RCOL_AMOUNT || rt->cols[c].n_sum_of) continue;
    key[c] = ys_qexpr_key(t->a, &rt->cols[c].q);
    if (!key[c]) return YS_ENOMEM;
  }
  for (size_t c = 0; c < rt->ncols; c++)
    for (size_t d = c + 1; key[c] && d < rt->ncols; d++) {
      if (!key[d] || strcmp(key[c], key[d])) continue;
      bool later = t->ctx->final && rt->cols[d].label && rt->cols[c].label &&
                   strstr(rt->cols[d].label, "决算") &&
                   !strstr(rt->cols[c].label, "决算");
      size_t drop = later ? c : d, keep = later ? d : c;
      rt->cols[drop].kind = YS_RCOL_OTHER;
      rt->cols[drop].twin = (int)keep + 1;
      key[drop] = NULL;
      if (drop == c) break;
    }
  return YS_OK;
}

/* The rows of a panel being read (emit_panel): the table they go into,
 * the state that runs down them, and the label column's indentation. */
typedef struct panelrows {
  tr *t;
  const panel *p;
  const colinfo *ci;
  ys_rtable *rt;
  rowstate s;
  bool balance, revenue;
  /* rows made this year's for want of a period of their own (income rows
   * of a 收支总表), by index: not a word of theirs */
  bool *implied;
  size_t cap_implied;
  int lcol;         /* the label column, -1 none */
  float minx, step; /* its texts' leftmost edge, and one indentation step */
} panelrows;

/* The label column and the indentation of its texts: their left edges. */
static void label_indentation(panelrows *pr) {
  const ys_gtable *g = pr->t->g;
  const panel *p = pr->p;
  /* indentation of the label column: its texts' left edges */
  int lcol = -1;
  for (int c = p->c0; c <= p->c1 && lcol < 0; c++)
    if (pr->ci[c].kind == YS_RCOL_LABEL) lcol = c;
  float minx = 1e30f, step = 0;
  if (lcol >= 0)
    for (size_t i = 0; i < g->ncells; i++) {
      const ys_gcell *x = &g->cells[i];
      if (x->row < g->header_rows || x->col != lcol || !*x->text) continue;
      if (x->tx0 < minx) minx = x->tx0;
      if (x->tsize > step) step = x->tsize;
    }
  if (step < 9) step = 9;
  pr->lcol = lcol;
  pr->minx = minx;
  pr->step = step;
}

/* Sets the row state's indent from grid row r's label (-1 none). */
static void row_indent(panelrows *pr, int r) {
  rowstate *s = &pr->s;
  s->indent = -1;
  if (pr->lcol >= 0) {
    const ys_gcell *x = cell_at(pr->t->g, r, pr->lcol);
    if (x && x->col == pr->lcol && *x->text) {
      s->indent = (int)((x->tx0 - pr->minx) / pr->step + 0.4f);
      if (s->indent > 6) s->indent = 6;
      if (s->indent > 0) s->indented = true;
    }
  }
}

/* Is grid row r a note printed inside the grid? It then goes to the
 * table's note, and its row (the table's last) is taken back. */
static bool grid_note(panelrows *pr, int r) {
  tr *t = pr->t;
  const panel *p = pr->p;
  ys_rtable *rt = pr->rt;
  /* 空表说明 / 注 printed inside the grid: the table's note */
  const char *lab = "";
  for (int c = p->c0; c <= p->c1 && !*lab; c++) {
    const ys_gcell *x = cell_at(t->g, r, c);
    if (x && x->col == c && *x->text) lab = keyz(t->a, x->text);
  }
  if (starts(lab, "空表说明") || starts(lab, "注:") || starts(lab, "注：") ||
      starts(lab, "说明:")) {
    rt->note = *rt->note ? ys_arena_printf(t->a, "%s\n%s", rt->note, lab) : lab;
    if (starts(lab, "空表说明") || strstr(lab, "空表")) rt->empty_note = true;
    rt->nrows--;
    return true;
  }
  return false;
}

/* Reads grid row r of the panel, if it holds any text, into a new row of
 * the table. */
static int panel_row(panelrows *pr, int r) {
  tr *t = pr->t;
  const ys_gtable *g = t->g;
  const panel *p = pr->p;
  ys_rtable *rt = pr->rt;
  rowstate *s = &pr->s;
  bool any = false;
  int line = 0;
  for (int c = p->c0; c <= p->c1 && !any; c++) {
    const ys_gcell *x = cell_at(g, r, c);
    if (x && *x->text) {
      any = true;
      line = x->line;
    }
  }
  if (!any) return YS_OK;
  ys_rrow *row = ys_rtable_add_row(t->d, rt, rt->ncols, line);
  if (!row) return YS_ENOMEM;
  for (int c = p->c0; c <= p->c1; c++) {
    const ys_gcell *x = cell_at(g, r, c);
    if (!x) continue;
    ys_rcell *cell = &row->cells[c - p->c0];
    cell->text = x->text;
    cell->line = x->line;
    cell->page = x->page;
    cell->box = x->box;
    if (!row->line) row->line = x->line;
  }
  t->ctx->cur_rows = rt->nrows;
  row_indent(pr, r);
  if (grid_note(pr, r)) return YS_OK;
  if (read_row(t, row, p, pr->ci, r, s, pr->revenue)) return YS_ENOMEM;
  if (pr->balance || !(row->flags & (YS_RROW_CODE | YS_RROW_UNIT)))
    outline(t, s, row);
  /* income rows are this year's unless they say (or sit under a row that
   * says) otherwise */
  bool *im = ys_arena_reserve(t->a, pr->implied, rt->nrows - 1,
                              &pr->cap_implied, sizeof *im);
  if (!im) return YS_ENOMEM;
  pr->implied = im;
  im[rt->nrows - 1] = false;
  if (pr->revenue && !(row->flags & YS_RROW_GRAND) && !s->footer &&
      !row->q.periods && !row->q.key.n) {
    row->q.periods = 1u << YS_PERIOD_CURRENT;
    im[rt->nrows - 1] = true;
  }
  /* the names of this table's rows so far (unit mentions in order) */
  size_t cap = t->ctx->cap_labels;
  const char **v = ys_arena_reserve(t->a, t->ctx->cur_labels, rt->nrows - 1,
                                    &cap, sizeof *v);
  if (!v) return YS_ENOMEM;
  t->ctx->cur_labels = v;
  t->ctx->cap_labels = cap;
  int kd;
  bool sub;
  t->ctx->cur_labels[rt->nrows - 1] =
      strip_numbering(keyz(t->a, row->label), &kd, &sub, NULL);
  return YS_OK;
}

/* The key of what a row of rt is of by its words: the table's base
 * narrowed by the row; NULL when out of memory. */
static const char *row_key(tr *t, const ys_rtable *rt, const ys_rrow *row,
                           bool implied) {
  ys_qfilter q, rq = row->q;
  if (implied) rq.periods = 0; /* (panel_row) */
  ys_qfilter_and(&q, &rt->base, &rq, t->a);
  return ys_qfilter_key(t->a, &q);
}

/* A first-level part named as the table's whole: in a 一般公共预算收支决算
 * 平衡表, "一、一般公共预算收入" beside "二、转移性收入" under 收入总计 is
 * the level's own revenue, though by its words it is all of the fund's
 * revenue, the total's quantity. Read as the total it would be made to
 * equal it; it is left unread, and said. */
static int part_named_as_whole(tr *t, ys_rtable *rt, const bool *implied) {
  const unsigned whole = YS_RROW_TOTAL | YS_RROW_GRAND;
  const char **key = ys_arena_alloc(t->a, sizeof *key * (rt->nrows + 1));
  if (!key) return YS_ENOMEM;
  for (size_t r = 0; r < rt->nrows; r++) {
    key[r] = NULL;
    if (!(rt->rows[r].flags & YS_RROW_PLACED)) continue;
    key[r] = row_key(t, rt, &rt->rows[r], implied && implied[r]);
    if (!key[r]) return YS_ENOMEM;
  }
  /* the numbering each row's label opens with (一、 二、), 0 none */
  int *num = ys_arena_alloc(t->a, sizeof *num * (rt->nrows + 1));
  if (!num) return YS_ENOMEM;
  for (size_t r = 0; r < rt->nrows; r++) {
    bool sub;
    num[r] = 0;
    if (rt->rows[r].label)
      strip_numbering(keyz(t->a, rt->rows[r].label), &num[r], &sub, NULL);
  }
  for (size_t r = 0; r < rt->nrows; r++) {
    ys_rrow *row = &rt->rows[r];
    /* its words name the table's fund and nothing else ("一、本年支出"
     * beside "二、结转下年" names a period: a part the checker knows) */
    if (!key[r] || (row->flags & whole) || !num[r] || !rt->base.funds ||
        row->q.funds != rt->base.funds || row->q.func.n || row->q.econ.n ||
        row->q.gecon.n || row->q.kinds || row->q.key.n ||
        (row->q.periods && !(implied && implied[r])))
      continue;
    bool same_as_total = false, sibling = false;
    for (size_t o = 0; o < rt->nrows; o++) {
      if (o == r) continue;
      const ys_rrow *x = &rt->rows[o];
      if (key[o] && (x->flags & whole) && !strcmp(key[o], key[r]))
        same_as_total = true;
      /* a sibling of the same numbering, read or not (二、转移性收入) */
      if (!(x->flags & whole) && num[o] == num[r] &&
          (!key[o] || strcmp(key[o], key[r])))
        sibling = true;
    }
    if (!same_as_total || !sibling) continue;
    ys_rdoc *d = t->d;
    const char **pk = ys_arena_reserve(d->arena, d->part_keys, d->n_part_keys,
                                       &d->cap_part_keys, sizeof *pk);
    if (!pk) return YS_ENOMEM;
    d->part_keys = pk;
    pk[d->n_part_keys] = ys_arena_strdup(d->arena, key[r]);
    if (!pk[d->n_part_keys++]) return YS_ENOMEM;
    row->flags &= ~YS_RROW_PLACED;
    row->why = "行名按词义即全表合计，但与同级各行并列，是合计的一部分，"
               "无法确定口径，未参与检查";
  }
  return YS_OK;
}

/* Makes a table of one panel: its columns' quantities and sums, then its
 * rows read top to bottom. */
static int emit_panel(tr *t, const panel *p, const colinfo *ci,
                      const ys_meaning *title, int group, int side,
                      bool balance) {
  const ys_gtable *g = t->g;
  ys_rtable *rt = panel_table(t, p, title, group, side);
  if (!rt) return YS_ENOMEM;
  ys_qsrc src = panel_source(p, ci, title, side, balance);
  unsigned axis = p->axis;
  /* rows by class: the money of a revenue-by-class table is spending */
  bool by_class =
      axis == YS_AXIS_FUNC || axis == YS_AXIS_ECON || axis == YS_AXIS_GECON;
  rt->base = title->q;
  rt->base.src = by_class && !balance ? YS_Q_EXP : src ? src : YS_Q_EXP;
  rt->axis = axis;
  panel_columns(t, rt, p, ci);
  if (group_sums(t, ci, rt->cols, p->c0, 0, p->c0, p->c1, 0)) return YS_ENOMEM;
  if (twin_columns(t, rt)) return YS_ENOMEM;
  /* rows */
  panelrows pr = {.t = t, .p = p, .ci = ci, .rt = rt, .balance = balance};
  memset(&pr.s, 0, sizeof pr.s);
  pr.s.class_axis = p->classes;
  pr.s.balance = balance;
  label_indentation(&pr);
  pr.revenue = balance && src == YS_Q_REV;
  for (int r = g->header_rows; r < g->nrows; r++)
    if (panel_row(&pr, r)) return YS_ENOMEM;
  return part_named_as_whole(t, rt, pr.implied);
}

int ys_tableread(ys_rdoc *d, const ys_gtable *g, ys_readctx *ctx) {
  tr t = {d, g, ctx, d->arena, false};
  t.project_table = strstr(g->title, "项目") != NULL;
  ys_meaning title;
  if (ys_vocab_parse(ctx->vocab, g->title, &title, t.a)) return YS_ENOMEM;
  if (!g->ncols) return YS_OK;
  /* "“三公”经费和机关运行经费预算表" names two things, not their
   * intersection: the columns say which is which */
  if (title.q.key.n && title.q.econ.n) {
    title.q.key.n = 0;
    title.q.econ.n = 0;
  }
  colinfo *ci = ys_arena_alloc(t.a, sizeof *ci * (size_t)g->ncols);
  if (!ci) return YS_ENOMEM;
  if (read_columns(&t, ci)) return YS_ENOMEM;
  /* 绩效目标 forms are text (targets, indicators), not a grid of money:
   * their figures are not read as amounts (a "≥95%" is no 万元) */
  if (title.layouts & YS_LAYOUT_TARGETS)
    for (int c = 0; c < g->ncols; c++)
      if (ci[c].kind == YS_RCOL_AMOUNT || ci[c].kind == YS_RCOL_CODE ||
          ci[c].kind == YS_RCOL_OTHER)
        ci[c].kind = YS_RCOL_TEXT;
  /* panels: a label or code column after an amount column starts one */
  panel ps[16];
  int np = 0;
  bool seen_amount = false;
  for (int c = 0; c < g->ncols; c++) {
    ys_rcol_kind k = ci[c].kind;
    bool keycol = k == YS_RCOL_LABEL || k == YS_RCOL_CODE || k == YS_RCOL_LEI ||
                  k == YS_RCOL_UNIT;
    if (np == 0 || (keycol && seen_amount && np < 16)) {
      ps[np].c0 = c;
      ps[np].axis = 0;
      np++;
      seen_amount = false;
    }
    ps[np - 1].c1 = c;
    if (k == YS_RCOL_AMOUNT) seen_amount = true;
  }
  /* Sides of a 收支总表 (income beside spending) balance; halves of one
   * list printed side by side (a 决算 基本支出表: 人员经费 | 公用经费) do
   * not, and are no income. */
  bool balance = (title.layouts & YS_LAYOUT_BALANCE) != 0;
  if (!balance && np > 1) {
    bool rev = false, exp = false;
    for (int c = 0; c < g->ncols; c++) {
      if (ci[c].kind != YS_RCOL_AMOUNT && ci[c].kind != YS_RCOL_LABEL) continue;
      rev = rev || ci[c].m.q.src == YS_Q_REV;
      exp = exp || ci[c].m.q.src == YS_Q_EXP;
    }
    balance = rev && exp;
  }
  int group = balance ? ++ctx->groups : 0;
  for (int i = 0; i < np; i++) {
    /* the rows' classification: the title's, else the panel's headings */
    unsigned ax = title.axes;
    for (int c = ps[i].c0; c <= ps[i].c1; c++)
      if (ci[c].kind != YS_RCOL_AMOUNT) ax |= ci[c].axes;
    unsigned all = ax;
    if (ax & YS_AXIS_UNIT)
      ax = YS_AXIS_UNIT;
    else if (ax & YS_AXIS_PROJECT)
      ax = YS_AXIS_PROJECT;
    else if (ax & YS_AXIS_GECON)
      ax = YS_AXIS_GECON;
    else if (ax & YS_AXIS_ECON)
      ax = YS_AXIS_ECON;
    else if (ax & YS_AXIS_FUNC)
      ax = YS_AXIS_FUNC;
    ps[i].classes = all & YS_AXIS_GECON  ? YS_AXIS_GECON
                    : all & YS_AXIS_ECON ? YS_AXIS_ECON
                    : all & YS_AXIS_FUNC ? YS_AXIS_FUNC
                                         : 0;
    for (int c = ps[i].c0; c <= ps[i].c1 && !ps[i].classes; c++)
      if (ci[c].kind != YS_RCOL_AMOUNT)
        ps[i].classes = ci[c].axes & YS_AXIS_GECON  ? YS_AXIS_GECON
                        : ci[c].axes & YS_AXIS_ECON ? YS_AXIS_ECON
                        : ci[c].axes & YS_AXIS_FUNC ? YS_AXIS_FUNC
                                                    : 0;
    ps[i].axis = ax;
    if (emit_panel(&t, &ps[i], ci, &title, group, i, balance)) return YS_ENOMEM;
  }
  return YS_OK;
}

/* The first year written "2024年" or, as covers space it, "2024 年" in s;
 * 0 none. */
static int year_in(const char *s) {
  for (const char *p = strstr(s, "年"); p; p = strstr(p + 3, "年")) {
    const char *q = p;
    while (q > s && q[-1] == ' ') q--;
    if (q - s < 4) continue;
    const char *d = q - 4;
    bool four = true;
    for (int k = 0; k < 4; k++) four = four && d[k] >= '0' && d[k] <= '9';
    if (!four || (d > s && d[-1] >= '0' && d[-1] <= '9')) continue;
    int y = atoi(d);
    if (y >= 1990 && y <= 2100) return y;
  }
  return 0;
}

void ys_tableread_doc_facts(const ys_layout *l, ys_doc *doc, int *year,
                            bool *final) {
  (void)doc;
  int years[8] = {0};
  int counts[8] = {0};
  int nfinal = 0, nbudget = 0;
  for (size_t i = 0; i < l->n; i++) {
    const char *t = l->tables[i].title;
    /* by the phase the title names: 一般公共预算财政拨款…决算表 is a 决算 */
    int ph = ys_phase_named(t);
    nfinal += ph == YS_PHASE_FINAL;
    /* a title whose 预算 is only a budget's name ("一般公共预算支出表")
     * and that says no 决算 is a 预算's table */
    nbudget += ph == YS_PHASE_BUDGET || (!ph && strstr(t, "预算"));
    int y = year_in(t);
    for (int k = 0; y && k < 8; k++)
      if (years[k] == y || !years[k]) {
        years[k] = y;
        counts[k]++;
        break;
      }
  }
  /* tables without a year: the first lines of the document (the cover) */
  for (size_t i = 0; i < l->ntext && i < 40 && !years[0]; i++) {
    const ys_line *ln = l->text[i];
    for (size_t s = 0; s < ln->n && !years[0]; s++) {
      int y = year_in(ln->spans[s].text);
      if (y >= 2000) {
        years[0] = y;
        counts[0] = 1;
      }
      if (strstr(ln->spans[s].text, "决算")) nfinal += 2;
    }
  }
  int best = 0;
  for (int k = 1; k < 8; k++)
    if (counts[k] > counts[best]) best = k;
  *year = years[best];
  *final = nfinal > nbudget;
}
