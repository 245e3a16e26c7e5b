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
 * "其中:" from a key; returns the rest, *kind the numbering kind. */
static const char *strip_numbering(const char *k, int *kind, bool *subset) {
  *kind = NUM_NONE;
  *subset = false;
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
      k += n + 3;
      continue;
    }
    if (k[0] == '(') {
      size_t m = cn_digits(k + 1);
      if (m && k[1 + m] == ')') {
        *kind = NUM_PCN;
        k += m + 2;
        continue;
      }
      size_t j = 1;
      while (k[j] >= '0' && k[j] <= '9') j++;
      if (j > 1 && k[j] == ')') {
        *kind = NUM_PAR;
        k += j + 1;
        continue;
      }
    }
    size_t j = 0;
    while (k[j] >= '0' && k[j] <= '9') j++;
    if (j && j <= 2 && (k[j] == '.' || starts(k + j, "、")) && k[j + 1] &&
        !(k[j + 1] >= '0' && k[j + 1] <= '9')) {
      *kind = NUM_AR;
      k += j + (k[j] == '.' ? 1 : 3);
      continue;
    }
    break;
  }
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

static int read_columns(tr *t, colinfo *ci) {
  const ys_gtable *g = t->g;
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
      if (!h) continue;
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
      ys_rcol_kind k = role_kind(m.roles);
      if (k != YS_RCOL_OTHER) leaf_kind = k;
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
  int c0, c1; /* columns */
  unsigned axis;
} panel;

/* The text of column c in row r (a cell covering it that starts in this
 * row, or a merged label over several columns). */
static const ys_gcell *cell_at(const ys_gtable *g, int r, int c) {
  const ys_gcell *x = ys_gtable_at(g, r, c);
  return x && x->row == r ? x : NULL;
}

typedef struct rowstate {
  const char *parent[4]; /* codes by level above the current row */
  int kinds[NUM_KINDS];  /* numbering kind → level (1-based), 0 unseen */
  int nkinds;
  bool footer;     /* after the first total row */
  int footer_base; /* level of the footer row numbered rows belong to */
} rowstate;

static int numbering_level(rowstate *s, int kind) {
  if (!kind) return 0;
  if (!s->kinds[kind]) s->kinds[kind] = ++s->nkinds;
  return s->kinds[kind];
}

/* Fills a row's meaning from its code and label. */
static int read_row(tr *t, ys_rrow *row, const panel *p, const colinfo *ci,
                    int gr, rowstate *s, bool revenue) {
  const ys_gtable *g = t->g;
  char code[32] = "";
  size_t cl = 0;
  const char *label = "";
  const char *unit = "";
  for (int c = p->c0; c <= p->c1; c++) {
    const ys_gcell *x = cell_at(g, gr, c);
    if (!x) continue;
    const char *k = keyz(t->a, x->text);
    switch (ci[c].kind) {
    case YS_RCOL_CODE:
    case YS_RCOL_LEI:
    case YS_RCOL_KUAN:
    case YS_RCOL_XIANG:
      if (all_digits(k) && cl + strlen(k) + 1 < sizeof code) {
        /* 款 and 项 are two digits; spreadsheets drop the leading zero
         * ("301 2" for 30102) */
        if ((ci[c].kind == YS_RCOL_KUAN || ci[c].kind == YS_RCOL_XIANG) &&
            strlen(k) == 1)
          code[cl++] = '0';
        memcpy(code + cl, k, strlen(k) + 1);
        cl += strlen(k);
      } else if (!*label && *k) {
        label = x->text; /* 合计 merged over the code columns */
      }
      break;
    case YS_RCOL_UNIT:
      if (all_digits(k)) unit = ys_arena_strdup(t->a, k);
      break;
    case YS_RCOL_LABEL:
      if (!*label) label = x->text;
      break;
    default:
      break;
    }
  }
  /* a table without a label column: the first text of the row */
  for (int c = p->c0; c <= p->c1 && !*label; c++) {
    const ys_gcell *x = cell_at(g, gr, c);
    if (x && ci[c].kind != YS_RCOL_AMOUNT && !numeric(keyz(t->a, x->text)))
      label = x->text;
  }
  const char *lk = keyz(t->a, label);
  row->label = ys_arena_strdup(t->a, label);
  row->code = ys_arena_strdup(t->a, code);
  if (!row->label || !row->code) return YS_ENOMEM;
  int kind;
  bool subset;
  const char *name = strip_numbering(lk, &kind, &subset);
  if (subset) row->flags |= YS_RROW_SUBSET;
  ys_meaning m;
  if (ys_vocab_parse(t->ctx->vocab, name, &m, t->a)) return YS_ENOMEM;
  bool is_total = !*code && *name && !*m.rest &&
                  (m.roles & (YS_ROLE_TOTAL | YS_ROLE_GRAND));
  row->flags |= YS_RROW_PLACED;
  if (is_total) {
    row->flags |= m.roles & YS_ROLE_GRAND ? YS_RROW_GRAND : YS_RROW_TOTAL;
    row->level = 0;
    row->q = m.q;
    row->q.src = YS_Q_NONE;
    if (!(m.roles & YS_ROLE_GRAND) && revenue && !row->q.periods)
      row->q.periods = 1u << YS_PERIOD_CURRENT;
    s->footer = true;
    s->footer_base = 0;
    return YS_OK;
  }
  if (*code && !*unit) {
    unsigned axis = p->axis ? p->axis : guess_axis(code);
    if (axis == YS_AXIS_UNIT || axis == YS_AXIS_PROJECT) {
      ys_qcodes_add(&row->q.unit, row->code);
      row->level = 1;
      return YS_OK;
    }
    ys_cls cls = axis_cls(axis);
    int lvl = ys_catalog_code_level(cls, code);
    if (lvl <= 0) {
      row->flags &= ~YS_RROW_PLACED;
      row->why = "编码不是该分类的科目编码，未参与检查";
      return YS_OK;
    }
    row->flags |= YS_RROW_CODE;
    row->level = lvl;
    ys_qcodes *dim = cls == YS_CLS_FUNC        ? &row->q.func
                     : cls == YS_CLS_ECON_DEPT ? &row->q.econ
                                               : &row->q.gecon;
    ys_qcodes_add(dim, row->code);
    if (lvl >= 1 && lvl <= 3) {
      s->parent[lvl] = row->code;
      for (int l = lvl + 1; l < 4; l++) s->parent[l] = NULL;
    }
    return YS_OK;
  }
  if (*unit) ys_qcodes_add(&row->q.unit, unit);
  if (!*name) {
    /* a table of one row and no label column: the row is the table */
    bool labels = false;
    for (int c = p->c0; c <= p->c1; c++)
      labels = labels || ci[c].kind == YS_RCOL_LABEL ||
               ci[c].kind == YS_RCOL_CODE || ci[c].kind == YS_RCOL_LEI;
    if (!labels && g->nrows - g->header_rows == 1) {
      row->level = 1;
      return YS_OK;
    }
    row->flags &= ~YS_RROW_PLACED;
    row->why = "此行没有名称或编码，未参与检查";
    return YS_OK;
  }
  int nlevel = numbering_level(s, kind);
  /* a class named without its code */
  unsigned axes =
      p->axis ? p->axis : YS_AXIS_FUNC | YS_AXIS_ECON | YS_AXIS_GECON;
  if (!*m.rest && m.phrases) axes = 0; /* the vocabulary knows it */
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
    row->flags |= YS_RROW_CODE;
    row->level = e->level;
    ys_qcodes *dim = cls == YS_CLS_FUNC        ? &row->q.func
                     : cls == YS_CLS_ECON_DEPT ? &row->q.econ
                                               : &row->q.gecon;
    ys_qcodes_add(dim, e->code);
    if (e->level >= 1 && e->level <= 3) {
      s->parent[e->level] = e->code;
      for (int l = e->level + 1; l < 4; l++) s->parent[l] = NULL;
    }
    if (s->footer) row->flags |= YS_RROW_FOOTER;
    return YS_OK;
  }
  if (m.phrases && !*m.rest && !m.conflict) {
    row->q = m.q;
    row->q.src = YS_Q_NONE;
    if (revenue && !s->footer && !row->q.periods)
      row->q.periods = 1u << YS_PERIOD_CURRENT;
    if (s->footer) {
      row->flags |= YS_RROW_FOOTER;
      /* numbered rows after a footer row are its parts */
      if (nlevel)
        row->level = s->footer_base + 1;
      else
        row->level = s->footer_base = 1;
    } else {
      row->level = nlevel ? nlevel : 1;
    }
    return YS_OK;
  }
  if (p->axis == YS_AXIS_UNIT || p->axis == YS_AXIS_PROJECT) {
    /* a unit or project known by its name only */
    ys_qcodes *dim = p->axis == YS_AXIS_UNIT ? &row->q.unit : &row->q.project;
    ys_qcodes_add(dim, ys_arena_strdup(t->a, name));
    row->level = nlevel ? nlevel : 1;
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

static int emit_panel(tr *t, const panel *p, const colinfo *ci,
                      const ys_meaning *title, int group, int side,
                      bool balance) {
  const ys_gtable *g = t->g;
  ys_rtable *rt = ys_rdoc_add_table(t->d);
  if (!rt) return YS_ENOMEM;
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
  if (!rt->cols) return YS_ENOMEM;
  /* the side's source: its amount columns' (收入 / 支出 over the panel) */
  ys_qsrc src = title->q.src;
  if (balance) {
    src = YS_Q_NONE;
    for (int c = p->c0; c <= p->c1 && !src; c++)
      if (ci[c].m.q.src) src = ci[c].m.q.src;
    if (!src) src = side ? YS_Q_EXP : YS_Q_REV;
  }
  unsigned axis = p->axis;
  /* rows by class: the money of a revenue-by-class table is spending */
  bool by_class =
      axis == YS_AXIS_FUNC || axis == YS_AXIS_ECON || axis == YS_AXIS_GECON;
  rt->base = title->q;
  rt->base.src = by_class && !balance ? YS_Q_EXP : src ? src : YS_Q_EXP;
  rt->axis = axis;
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
    column_phase(t, &x->m, &q);
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
  if (group_sums(t, ci, rt->cols, p->c0, 0, p->c0, p->c1, 0)) return YS_ENOMEM;
  /* rows */
  rowstate s;
  memset(&s, 0, sizeof s);
  bool revenue = balance && src == YS_Q_REV;
  for (int r = g->header_rows; r < g->nrows; r++) {
    bool any = false;
    int line = 0;
    for (int c = p->c0; c <= p->c1 && !any; c++) {
      const ys_gcell *x = cell_at(g, r, c);
      if (x && *x->text) {
        any = true;
        line = x->line;
      }
    }
    if (!any) continue;
    ys_rrow *row = ys_rtable_add_row(t->d, rt, (size_t)nc, line);
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
    if (read_row(t, row, p, ci, r, &s, revenue)) return YS_ENOMEM;
  }
  return YS_OK;
}

int ys_tableread(ys_rdoc *d, const ys_gtable *g, ys_readctx *ctx) {
  tr t = {d, g, ctx, d->arena};
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
  bool balance = (title.layouts & YS_LAYOUT_BALANCE) != 0 || np > 1;
  int group = balance ? ++ctx->groups : 0;
  for (int i = 0; i < np; i++) {
    /* the rows' classification: the title's, else the panel's headings */
    unsigned ax = title.axes;
    for (int c = ps[i].c0; c <= ps[i].c1; c++)
      if (ci[c].kind != YS_RCOL_AMOUNT && ci[c].axes) ax = ci[c].axes;
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
    ps[i].axis = ax;
    if (emit_panel(&t, &ps[i], ci, &title, group, i, balance)) return YS_ENOMEM;
  }
  return YS_OK;
}

void ys_tableread_doc_facts(const ys_layout *l, ys_doc *doc, int *year,
                            bool *final) {
  (void)doc;
  int years[8] = {0};
  int counts[8] = {0};
  int nfinal = 0, nbudget = 0;
  for (size_t i = 0; i < l->n; i++) {
    const char *t = l->tables[i].title;
    if (strstr(t, "决算")) nfinal++;
    if (strstr(t, "预算")) nbudget++;
    for (const char *p = t; *p; p++) {
      if (p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' &&
          p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
          !strncmp(p + 4, "年", 3)) {
        int y = atoi(p);
        for (int k = 0; k < 8; k++)
          if (years[k] == y || !years[k]) {
            years[k] = y;
            counts[k]++;
            break;
          }
      }
    }
  }
  /* tables without a year: the first lines of the document (the cover) */
  for (size_t i = 0; i < l->ntext && i < 40 && !years[0]; i++) {
    const ys_line *ln = l->text[i];
    for (size_t s = 0; s < ln->n && !years[0]; s++) {
      const char *p = strstr(ln->spans[s].text, "年");
      if (p && p - ln->spans[s].text >= 4) {
        int y = atoi(p - 4);
        if (y >= 2000 && y <= 2100) {
          years[0] = y;
          counts[0] = 1;
        }
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
