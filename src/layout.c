/*
 * layout.c - tables found on the document model (layout.h).
 *
 * 1. Furniture. Page numbers ("- 3 -", "第 3 页", "3/24") at the top or the
 *    bottom of a page are not content.
 * 2. Titles. A title is a short line, not a sentence and not a
 *    table-of-contents entry (no leader dots, no trailing page number),
 *    that names a table: it ends in 表 (optionally with a parenthesis:
 *    "（按支出功能分类科目-不含上年结转）", or 续表), or begins with 表N, and
 *    holds a word of the trade (预算, 决算, 收支, 经费, 三公 ...). "表1" on
 *    a line of its own joins the title line after it. A title counts only
 *    when a grid follows it; otherwise it was a list entry.
 * 3. Regions. A table runs from its title to the next title, over page
 *    breaks, as long as what follows is grid: inside the ruling lines of a
 *    ruled table, or tabular lines (several cells, or a number) of an
 *    unruled one. 注 / 说明 lines after the grid are its note; the first
 *    line of prose ends it.
 * 4. Grids, per page. Ruled: the ruling lines give the row and column
 *    boundaries, a missing piece of a boundary merges the two cells (that
 *    is how rowspan/colspan look on paper), and every span goes to the
 *    cell holding its centre. Unruled: the columns are the x-ranges the
 *    body rows (those with numbers) occupy; header spans take the columns
 *    they overlap, fragments stacked in one column are one wrapped cell,
 *    and a parent heading owns the columns under it up to its neighbours.
 * 5. Pages. The grid of a following page joins the table when its columns
 *    line up; header rows it repeats are dropped.
 * Cells keep their page, box and source line, so a finding can point at
 * the printed cell.
 */
#include "layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/text.h"

/* --- text helpers ------------------------------------------------------ */

typedef struct lx {
  ys_doc *d;
  ys_arena *a;
  ys_errors *errs;
  ys_layout *out;
  /* all content lines in reading order */
  const ys_line **L;
  size_t n;
  const char **key; /* normalised text of each line */
  bool *used;       /* part of a table */
} lx;

static const char *keyz(ys_arena *a, const char *s) {
  const char *k = ys_text_key(a, s ? s : "", s ? strlen(s) : 0);
  return k ? k : "";
}

static bool has(const char *s, const char *w) {
  return strstr(s, w) != NULL;
}

static bool starts(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

static size_t nchars(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* A number as tables print them: 1,234.56, -3, 12.5%, or a dash (empty). */
static bool numeric(const char *k) {
  if (!strcmp(k, "-") || !strcmp(k, "—") || !strcmp(k, "--") ||
      !strcmp(k, "——") || !strcmp(k, "－") || !strcmp(k, "–"))
    return true;
  const char *p = k;
  if (*p == '-' || *p == '+') p++;
  size_t digits = 0;
  for (; *p; p++) {
    if (*p >= '0' && *p <= '9')
      digits++;
    else if (*p == ',' || *p == '.')
      ;
    else if (*p == '%' && !p[1])
      ;
    else
      return false;
  }
  return digits > 0;
}

/* An amount rather than a code or a count: has a decimal point or
 * separators, or is 0. */
static bool amount_like(const char *k) {
  if (!numeric(k)) return false;
  return strchr(k, '.') || strchr(k, ',') || !strcmp(k, "0") ||
         !strcmp(k, "-") || !strcmp(k, "—");
}

bool ys_layout_is_page_number(const char *s) {
  char buf[128];
  size_t n = ys_text_key_buf(buf, sizeof buf, s, strlen(s));
  if (n >= sizeof buf || !n) return false;
  const char *p = buf;
  /* "-3-", "—3—", "第3页", "第3页共24页", "第 3 页，共 24 页" (office
   * suites' footer), "3/24", "3" */
  size_t digits = 0, other = 0;
  for (; *p; p++) {
    if (*p >= '0' && *p <= '9')
      digits++;
    else if (*p == '-' || *p == '/' || *p == '.' || *p == ',' || *p == ';')
      other++;
    else if (!strncmp(p, "，", 3) || !strncmp(p, "、", 3))
      p += 2, other++;
    else if (!strncmp(p, "第", 3) || !strncmp(p, "页", 3) ||
             !strncmp(p, "共", 3) || !strncmp(p, "—", 3))
      p += 2, other++;
    else
      return false;
  }
  return digits > 0 && digits <= 8;
}

/* --- titles ------------------------------------------------------------ */

static const char *const trade_words[] = {
    "预算", "决算", "收支", "收入", "支出", "经费", "三公",
    "绩效", "采购", "资产", "拨款", "目标", "项目"};

/* Does the key look like a table-of-contents entry? */
static bool toc_like(const char *k) {
  if (has(k, "…") || has(k, "...") || has(k, "···") || has(k, "・・") ||
      has(k, "．．") || has(k, "··"))
    return true;
  /* a title followed by its page number: "…预算表 12" */
  size_t n = strlen(k);
  size_t i = n;
  while (i > 0 && k[i - 1] >= '0' && k[i - 1] <= '9') i--;
  return i < n && i >= 3 && !strncmp(k + i - 3, "表", 3) && n - i <= 3;
}

/* Strips a trailing parenthesis "（…）" / "(…)" from a key (len in place). */
static size_t strip_paren(const char *k, size_t n) {
  if (n >= 1 && k[n - 1] == ')') {
    for (size_t i = n - 1; i-- > 0;)
      if (k[i] == '(') return i;
  }
  return n;
}

static bool is_title_key(const char *k) {
  size_t n = strlen(k);
  if (!n || nchars(k) > 64 || nchars(k) < 4) return false;
  if (has(k, "。") || has(k, ";") || has(k, "；") || toc_like(k)) return false;
  /* "单位:元", "单位名称:…" are no titles; "单位“三公”经费…预算表" (a
   * unit's own package, titled without a year) is */
  if (starts(k, "注") || starts(k, "单位:") || starts(k, "单位：") ||
      starts(k, "单位(") || starts(k, "单位名称") || starts(k, "金额单位") ||
      starts(k, "编制") || starts(k, "说明"))
    return false;
  bool trade = false;
  for (size_t i = 0; i < sizeof trade_words / sizeof trade_words[0]; i++)
    trade = trade || has(k, trade_words[i]);
  if (!trade) return false;
  size_t m = strip_paren(k, n);
  /* "…表", "…表（续）", "续表" */
  if (m >= 3 && !strncmp(k + m - 3, "表", 3)) return true;
  if (m >= 6 && !strncmp(k + m - 6, "续表", 6)) return true;
  if (m < n && m >= 3 && !strncmp(k + m - 3, "表", 3)) return true;
  /* "表3 …", "附表3 …" */
  const char *p = starts(k, "附") ? k + 3 : k;
  if (starts(p, "表") && p[3] >= '0' && p[3] <= '9') return true;
  return false;
}

/* "表3", "表3-1", "附表3" alone on a line. */
static bool is_number_key(const char *k) {
  const char *p = starts(k, "附") ? k + 3 : k;
  if (!starts(p, "表")) return false;
  p += 3;
  if (*p < '0' || *p > '9') return false;
  while ((*p >= '0' && *p <= '9') || *p == '-' || *p == '.') p++;
  return !*p || !strcmp(p, ":") || !strcmp(p, "：");
}

/* The 表N at the start of a title, or "". */
static const char *title_number(ys_arena *a, const char *k) {
  const char *p = starts(k, "附") ? k + 3 : k;
  if (!starts(p, "表") || p[3] < '0' || p[3] > '9') return "";
  const char *e = p + 3;
  while ((*e >= '0' && *e <= '9') || *e == '-') e++;
  return ys_arena_strndup(a, p, (size_t)(e - p));
}

/* --- ruling-line clusters ---------------------------------------------- */

typedef struct cluster {
  ys_box box;
  size_t *idx; /* rules of the page */
  size_t n;
} cluster;

static bool boxes_touch(ys_box a, ys_box b, float tol) {
  return a.x0 <= b.x1 + tol && b.x0 <= a.x1 + tol && a.y0 <= b.y1 + tol &&
         b.y0 <= a.y1 + tol;
}

static size_t uf_find(size_t *p, size_t i) {
  while (p[i] != i) i = p[i] = p[p[i]];
  return i;
}

typedef struct rule_at {
  float y0;
  size_t i;
} rule_at;

static int cmp_rule_at(const void *a, const void *b) {
  const rule_at *x = a, *y = b;
  if (x->y0 != y->y0) return (x->y0 > y->y0) - (x->y0 < y->y0);
  return (x->i > y->i) - (x->i < y->i);
}

/* Connected groups of ruling lines on a page: each a ruled table (or a
 * frame). Groups with fewer than two lines each way are not grids. */
static int page_clusters(lx *x, const ys_page *pg, cluster **out,
                         size_t *nout) {
  *out = NULL;
  *nout = 0;
  size_t n = pg->n_rules;
  if (n < 4) return YS_OK;
  size_t *par = ys_arena_alloc(x->a, n * sizeof *par);
  if (!par) return YS_ENOMEM;
  for (size_t i = 0; i < n; i++) par[i] = i;
  /* A sweep down the page: the lines by top edge, each compared with
   * those that start before it ends (a page of cell borders drawn one
   * piece at a time holds thousands of lines). */
  rule_at *by = ys_arena_alloc(x->a, n * sizeof *by);
  if (!by) return YS_ENOMEM;
  for (size_t i = 0; i < n; i++) by[i] = (rule_at){pg->rules[i].y0, i};
  qsort(by, n, sizeof *by, cmp_rule_at);
  for (size_t s = 0; s < n; s++) {
    ys_box a = pg->rules[by[s].i];
    for (size_t t = s + 1; t < n && by[t].y0 <= a.y1 + 1.5f; t++)
      if (boxes_touch(a, pg->rules[by[t].i], 1.5f)) {
        size_t ra = uf_find(par, by[s].i), rb = uf_find(par, by[t].i);
        if (ra != rb) par[ra] = rb;
      }
  }
  cluster *cs = ys_arena_alloc(x->a, n * sizeof *cs);
  size_t *cnt = ys_arena_alloc(x->a, n * sizeof *cnt);
  if (!cs || !cnt) return YS_ENOMEM;
  size_t nc = 0;
  size_t *slot = ys_arena_alloc(x->a, n * sizeof *slot);
  if (!slot) return YS_ENOMEM;
  for (size_t i = 0; i < n; i++) slot[i] = (size_t)-1;
  for (size_t i = 0; i < n; i++) {
    size_t r = uf_find(par, i);
    if (slot[r] == (size_t)-1) {
      slot[r] = nc;
      cs[nc].box = pg->rules[i];
      cs[nc].n = 0;
      cnt[nc] = 0;
      nc++;
    }
    cnt[slot[r]]++;
  }
  for (size_t c = 0; c < nc; c++) {
    cs[c].idx = ys_arena_alloc(x->a, cnt[c] * sizeof(size_t));
    if (!cs[c].idx) return YS_ENOMEM;
  }
  for (size_t i = 0; i < n; i++) {
    cluster *c = &cs[slot[uf_find(par, i)]];
    ys_box b = pg->rules[i];
    if (b.x0 < c->box.x0) c->box.x0 = b.x0;
    if (b.y0 < c->box.y0) c->box.y0 = b.y0;
    if (b.x1 > c->box.x1) c->box.x1 = b.x1;
    if (b.y1 > c->box.y1) c->box.y1 = b.y1;
    c->idx[c->n++] = i;
  }
  size_t k = 0;
  for (size_t c = 0; c < nc; c++) {
    size_t h = 0, v = 0;
    for (size_t i = 0; i < cs[c].n; i++) {
      ys_box b = pg->rules[cs[c].idx[i]];
      if (b.x1 - b.x0 > b.y1 - b.y0)
        h++;
      else
        v++;
    }
    if (h >= 2 && v >= 2 && cs[c].box.x1 - cs[c].box.x0 > 40 &&
        cs[c].box.y1 - cs[c].box.y0 > 10)
      cs[k++] = cs[c];
  }
  *out = cs;
  *nout = k;
  return YS_OK;
}

static float cx(ys_box b) {
  return (b.x0 + b.x1) / 2;
}
static float cy(ys_box b) {
  return (b.y0 + b.y1) / 2;
}

static bool inside(ys_box outer, float x, float y) {
  return x >= outer.x0 - 1 && x <= outer.x1 + 1 && y >= outer.y0 - 1 &&
         y <= outer.y1 + 1;
}

/* --- building a table -------------------------------------------------- */

typedef struct cellv {
  ys_gcell *v;
  size_t n, cap;
} cellv;

static int push_cell(lx *x, cellv *cv, ys_gcell c) {
  ys_gcell *v = ys_arena_reserve(x->a, cv->v, cv->n, &cv->cap, sizeof *v);
  if (!v) return YS_ENOMEM;
  cv->v = v;
  cv->v[cv->n++] = c;
  return YS_OK;
}

/* Joins the texts of spans read in order: nothing between CJK (a wrapped
 * name or a number broken over lines), a space between ASCII words. */
static char *join_text(ys_arena *a, const char *x, const char *y) {
  if (!*x) return ys_arena_strdup(a, y);
  if (!*y) return ys_arena_strdup(a, x);
  unsigned char l = (unsigned char)x[strlen(x) - 1], f = (unsigned char)y[0];
  bool ascii_words = l < 0x80 && f < 0x80 &&
                     ((l >= 'A' && l <= 'z') || (f >= 'A' && f <= 'z'));
  return ys_arena_printf(a, "%s%s%s", x, ascii_words ? " " : "", y);
}

typedef struct sref {
  const ys_span *s;
  int page;
} sref;

static int cmp_sref(const void *a, const void *b) {
  const sref *p = a, *q = b;
  if (p->page != q->page) return p->page - q->page;
  float dy = cy(p->s->box) - cy(q->s->box);
  float h = (p->s->box.y1 - p->s->box.y0) * 0.5f;
  if (dy < -h) return -1;
  if (dy > h) return 1;
  return (p->s->box.x0 > q->s->box.x0) - (p->s->box.x0 < q->s->box.x0);
}

/* The cell text, box and line from the spans assigned to it. */
static int fill_cell(lx *x, ys_gcell *c, sref *sp, size_t n) {
  if (n > 1) qsort(sp, n, sizeof *sp, cmp_sref);
  const char *t = "";
  for (size_t i = 0; i < n; i++) {
    t = join_text(x->a, t, sp[i].s->text);
    if (!t) return YS_ENOMEM;
    if (!i) {
      c->box = sp[i].s->box;
      c->line = sp[i].s->line;
      c->page = sp[i].page;
    } else {
      ys_box b = sp[i].s->box;
      if (b.x0 < c->box.x0) c->box.x0 = b.x0;
      if (b.y0 < c->box.y0) c->box.y0 = b.y0;
      if (b.x1 > c->box.x1) c->box.x1 = b.x1;
      if (b.y1 > c->box.y1) c->box.y1 = b.y1;
    }
  }
  c->text = t;
  c->tx0 = c->box.x0;
  for (size_t i = 0; i < n; i++)
    if (sp[i].s->size > c->tsize) c->tsize = sp[i].s->size;
  return YS_OK;
}

/* Distinct positions (sorted) of a list, within tol. */
static int cmp_float(const void *a, const void *b) {
  float x = *(const float *)a, y = *(const float *)b;
  return x < y ? -1 : x > y;
}

/* Sorts v and merges values closer than tol; a ruled page has a rule per
 * cell edge (thousands on a long table), hence qsort. */
static size_t distinct(float *v, size_t n, float tol) {
  if (n > 1) qsort(v, n, sizeof *v, cmp_float);
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (!k || v[i] - v[k - 1] > tol) v[k++] = v[i];
  return k;
}

static int find_slot(const float *v, size_t n, float p) {
  /* index i with v[i] <= p < v[i+1], or -1 outside */
  if (n < 2 || p < v[0] - 1 || p > v[n - 1] + 1) return -1;
  for (size_t i = 0; i + 1 < n; i++)
    if (p < v[i + 1]) return (int)i;
  return (int)n - 2;
}

/* A grid of one page: cells (rows and columns of the page's own grid). */
typedef struct pgrid {
  cellv cells;
  int nrows, ncols;
  float *colx0, *colx1; /* x-extent of each column */
  bool *amount;         /* unruled: which columns hold amounts */
  float *cell1;         /* unruled: right boundary of each column's cell */
  bool ruled;
  int page;
} pgrid;

/* A cluster's ruling lines of one direction, by position (x of a
 * vertical line, y of a horizontal one): a boundary asks for the lines
 * within 2 pt of it, found by binary search. */
typedef struct rseg {
  float pos, lo, hi;
  size_t i;
} rseg;

static int cmp_rseg(const void *a, const void *b) {
  const rseg *x = a, *y = b;
  if (x->pos != y->pos) return (x->pos > y->pos) - (x->pos < y->pos);
  return (x->i > y->i) - (x->i < y->i);
}

static rseg *rsegs_of(lx *x, const ys_page *pg, const cluster *cl,
                      bool vertical, size_t *n) {
  rseg *v = ys_arena_alloc(x->a, (cl->n + 1) * sizeof *v);
  *n = 0;
  if (!v) return NULL;
  for (size_t i = 0; i < cl->n; i++) {
    ys_box r = pg->rules[cl->idx[i]];
    if ((r.y1 - r.y0 > r.x1 - r.x0) != vertical) continue;
    v[(*n)++] =
        vertical ? (rseg){cx(r), r.y0, r.y1, i} : (rseg){cy(r), r.x0, r.x1, i};
  }
  qsort(v, *n, sizeof *v, cmp_rseg);
  return v;
}

/* Is the piece of boundary at `at`, from a to b, covered by ruling lines
 * (of the direction of s)? */
static bool covered(const rseg *s, size_t n, float at, float a, float b) {
  float need = (b - a) * 0.6f;
  float got = 0;
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s[mid].pos < at - 2.0f)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < n && s[i].pos <= at + 2.0f; i++) {
    float l = s[i].lo < a ? a : s[i].lo, h = s[i].hi > b ? b : s[i].hi;
    if (h > l) got += h - l;
  }
  return got >= need;
}

/* A ruled grid being made (ruled_grid): the rules' positions, the atomic
 * cells between them and the merged cells they make. */
typedef struct rgrid {
  lx *x;
  const ys_page *pg;
  const cluster *cl;
  float *ys, *xs; /* the distinct rows and columns of rules */
  size_t nh, nv;
  int R, C;    /* atomic rows and columns */
  size_t N;    /* atomic cells */
  size_t *par; /* union-find of the atomic cells: those no rule parts */
  bool *rowused, *colused; /* rows that start a cell, columns text reaches */
} rgrid;

/* Joins each atomic cell to its neighbours that no rule parts it from. */
static int join_unruled(rgrid *rg) {
  lx *x = rg->x;
  int R = rg->R, C = rg->C;
  size_t *par = ys_arena_alloc(x->a, rg->N * sizeof *par);
  if (!par) return YS_ENOMEM;
  for (size_t i = 0; i < rg->N; i++) par[i] = i;
  size_t nvs, nhs;
  rseg *vs = rsegs_of(x, rg->pg, rg->cl, true, &nvs);
  rseg *hs = rsegs_of(x, rg->pg, rg->cl, false, &nhs);
  if (!vs || !hs) return YS_ENOMEM;
  const float *ys = rg->ys, *xs = rg->xs;
  for (int r = 0; r < R; r++)
    for (int c = 0; c < C; c++) {
      size_t i = (size_t)r * (size_t)C + (size_t)c;
      if (c + 1 < C && !covered(vs, nvs, xs[c + 1], ys[r], ys[r + 1])) {
        size_t a = uf_find(par, i), b = uf_find(par, i + 1);
        if (a != b) par[a] = b;
      }
      if (r + 1 < R && !covered(hs, nhs, ys[r + 1], xs[c], xs[c + 1])) {
        size_t a = uf_find(par, i), b = uf_find(par, i + (size_t)C);
        if (a != b) par[a] = b;
      }
    }
  rg->par = par;
  return YS_OK;
}

/* One cell of the grid per merged cell with text, its spans' text. */
static int ruled_cells(rgrid *rg, sref *spans, size_t ns, pgrid *g) {
  lx *x = rg->x;
  int R = rg->R, C = rg->C;
  size_t N = rg->N;
  size_t *par = rg->par;
  const float *ys = rg->ys, *xs = rg->xs;
  /* spans into atomic cells, then into their components */
  size_t *slot = ys_arena_alloc(x->a, ns * sizeof *slot + 1);
  if (!slot) return YS_ENOMEM;
  for (size_t i = 0; i < ns; i++) {
    int r = find_slot(ys, rg->nh, cy(spans[i].s->box));
    int c = find_slot(xs, rg->nv, cx(spans[i].s->box));
    slot[i] = r < 0 || c < 0 ? (size_t)-1
                             : uf_find(par, (size_t)r * (size_t)C + (size_t)c);
  }
  /* components' extents */
  int *r0 = ys_arena_alloc(x->a, N * sizeof(int) * 4);
  if (!r0) return YS_ENOMEM;
  int *r1 = r0 + N, *c0 = r1 + N, *c1 = c0 + N;
  for (size_t i = 0; i < N; i++) r0[i] = -1;
  for (int r = 0; r < R; r++)
    for (int c = 0; c < C; c++) {
      size_t k = uf_find(par, (size_t)r * (size_t)C + (size_t)c);
      if (r0[k] < 0) {
        r0[k] = r1[k] = r;
        c0[k] = c1[k] = c;
      }
      if (r > r1[k]) r1[k] = r;
      if (c < c0[k]) c0[k] = c;
      if (c > c1[k]) c1[k] = c;
    }
  /* one cell per component with text */
  sref *tmp = ys_arena_alloc(x->a, (ns + 1) * sizeof *tmp);
  bool *rowused = ys_arena_alloc(x->a, (size_t)R + 1);
  bool *colused = ys_arena_alloc(x->a, (size_t)C + 1);
  if (!tmp || !rowused || !colused) return YS_ENOMEM;
  for (size_t k = 0; k < N; k++) {
    if (r0[k] < 0 || uf_find(par, k) != k) continue;
    size_t m = 0;
    for (size_t i = 0; i < ns; i++)
      if (slot[i] == k) tmp[m++] = spans[i];
    if (!m) continue;
    ys_gcell c = {"",
                  r0[k],
                  c0[k],
                  r1[k] - r0[k] + 1,
                  c1[k] - c0[k] + 1,
                  rg->pg->number,
                  0,
                  {0, 0, 0, 0},
                  0,
                  0};
    if (fill_cell(x, &c, tmp, m)) return YS_ENOMEM;
    c.box = (ys_box){xs[c0[k]], ys[r0[k]], xs[c1[k] + 1], ys[r1[k] + 1]};
    if (push_cell(x, &g->cells, c)) return YS_ENOMEM;
    rowused[r0[k]] = true;
    for (int cc = c0[k]; cc <= c1[k]; cc++) colused[cc] = true;
  }
  rg->rowused = rowused;
  rg->colused = colused;
  return YS_OK;
}

/* The grid without its empty rows and columns; the cells renumbered. */
static int drop_unused(rgrid *rg, pgrid *g) {
  lx *x = rg->x;
  int R = rg->R, C = rg->C;
  const float *xs = rg->xs;
  /* Rows that start no cell (the lower part of a rowspan, spacing) and
   * columns no text reaches are removed from the grid. */
  int *rmap = ys_arena_alloc(x->a, sizeof(int) * ((size_t)R + 1));
  int *cmap = ys_arena_alloc(x->a, sizeof(int) * ((size_t)C + 1));
  if (!rmap || !cmap) return YS_ENOMEM;
  int nr = 0, nc = 0;
  for (int r = 0; r < R; r++) rmap[r] = rg->rowused[r] ? nr++ : -1;
  rmap[R] = nr;
  for (int c = 0; c < C; c++) cmap[c] = rg->colused[c] ? nc++ : -1;
  cmap[C] = nc;
  g->colx0 = ys_arena_alloc(x->a, sizeof(float) * ((size_t)nc + 1));
  g->colx1 = ys_arena_alloc(x->a, sizeof(float) * ((size_t)nc + 1));
  if (!g->colx0 || !g->colx1) return YS_ENOMEM;
  for (int c = 0; c < C; c++)
    if (cmap[c] >= 0) {
      g->colx0[cmap[c]] = xs[c];
      g->colx1[cmap[c]] = xs[c + 1];
    }
  for (size_t i = 0; i < g->cells.n; i++) {
    ys_gcell *c = &g->cells.v[i];
    int top = rmap[c->row], bot = c->row + c->rs; /* exclusive */
    int nb = top;
    for (int r = c->row; r < bot; r++)
      if (rmap[r] >= 0) nb = rmap[r] + 1;
    int left = -1, right = -1;
    for (int cc = c->col; cc < c->col + c->cs; cc++)
      if (cmap[cc] >= 0) {
        if (left < 0) left = cmap[cc];
        right = cmap[cc];
      }
    c->row = top;
    c->rs = nb - top < 1 ? 1 : nb - top;
    c->col = left;
    c->cs = right - left + 1;
  }
  g->nrows = nr;
  g->ncols = nc;
  return YS_OK;
}

/* The grid of a ruled table: the cells its rules enclose, merged where a
 * rule is missing, with the spans' text. */
static int ruled_grid(lx *x, const ys_page *pg, const cluster *cl, sref *spans,
                      size_t ns, pgrid *g) {
  float *ys = ys_arena_alloc(x->a, (cl->n + 2) * sizeof(float));
  float *xs = ys_arena_alloc(x->a, (cl->n + 2) * sizeof(float));
  if (!ys || !xs) return YS_ENOMEM;
  size_t nh = 0, nv = 0;
  for (size_t i = 0; i < cl->n; i++) {
    ys_box r = pg->rules[cl->idx[i]];
    if (r.x1 - r.x0 > r.y1 - r.y0)
      ys[nh++] = cy(r);
    else
      xs[nv++] = cx(r);
  }
  nh = distinct(ys, nh, 2.0f);
  nv = distinct(xs, nv, 2.0f);
  if (nh < 2 || nv < 2) return YS_OK;
  rgrid rg = {.x = x, .pg = pg, .cl = cl, .ys = ys, .xs = xs};
  rg.nh = nh;
  rg.nv = nv;
  rg.R = (int)nh - 1;
  rg.C = (int)nv - 1;
  rg.N = (size_t)rg.R * (size_t)rg.C;
  if (join_unruled(&rg)) return YS_ENOMEM;
  if (ruled_cells(&rg, spans, ns, g)) return YS_ENOMEM;
  if (drop_unused(&rg, g)) return YS_ENOMEM;
  g->ruled = true;
  g->page = pg->number;
  return YS_OK;
}

/* --- unruled grids ----------------------------------------------------- */

static bool line_numeric(lx *x, const ys_line *l) {
  for (size_t i = 0; i < l->n; i++)
    if (amount_like(keyz(x->a, l->spans[i].text))) return true;
  return false;
}

/* Unruled tables. Printed columns drift: a converter places text by
 * estimated widths, so a long name pushes the amounts of its row a few
 * characters right, and x-ranges of neighbouring columns overlap. What
 * does hold is order and alignment: amounts are right-aligned, so the
 * rows that print the most amounts give one amount column per place (the
 * k-th amount of a full row is in the k-th amount column), and the text
 * between amount columns (codes, names, a second panel's labels) is
 * left-aligned, so it clusters by its left edge within its zone. Other
 * rows are fitted to those columns: amounts by nearest right edge in
 * order, text by zone and left edge. */

typedef enum skind { SK_TEXT = 0, SK_CODE, SK_AMT } skind;

/* The kind of each span of a body line: leading numbers are codes (204 06
 * 01), numbers after the first text are amounts. */
static void span_kinds(lx *x, const ys_line *l, skind *k) {
  bool text_seen = false;
  for (size_t i = 0; i < l->n; i++) {
    const char *t = keyz(x->a, l->spans[i].text);
    bool num = numeric(t);
    bool digits = num && !strchr(t, '.') && !strchr(t, ',') && t[0] != '-';
    if (num && !digits)
      k[i] = SK_AMT;
    else if (digits && !text_seen && strlen(t) <= 9)
      k[i] = SK_CODE;
    else if (num)
      k[i] = SK_AMT;
    else {
      k[i] = SK_TEXT;
      text_seen = true;
    }
  }
}

typedef struct acol {
  float x0, x1; /* extent of its members */
  float right;  /* mean right edge */
  double sum;
  int n;
} acol;

typedef struct tcol {
  float x0, x1;
  int zone;
  int n;
} tcol;

/* Assigns the m amounts of a row (right edges r[0..m)) to amount columns
 * in order, minimising the total distance (a small DP: tables have few
 * columns). out[i] = column of amount i. */
static void fit_amounts(const acol *ac, int na, const float *r, int m,
                        int *out) {
  if (m <= 0) return;
  if (m >= na) {
    for (int i = 0; i < m; i++) out[i] = i < na ? i : na - 1;
    return;
  }
  /* cost[i][j]: amounts 0..i placed, amount i in column j */
  float cost[64][64];
  int from[64][64];
  if (na > 64 || m > 64) {
    for (int i = 0; i < m; i++) out[i] = i;
    return;
  }
  for (int i = 0; i < m; i++)
    for (int j = 0; j < na; j++) {
      cost[i][j] = 1e30f;
      from[i][j] = -1;
      float d = fabsf(ac[j].right - r[i]);
      if (i == 0) {
        cost[i][j] = d;
        continue;
      }
      for (int k = 0; k < j; k++)
        if (cost[i - 1][k] + d < cost[i][j]) {
          cost[i][j] = cost[i - 1][k] + d;
          from[i][j] = k;
        }
    }
  int best = 0;
  for (int j = 1; j < na; j++)
    if (cost[m - 1][j] < cost[m - 1][best]) best = j;
  for (int i = m - 1; i >= 0; i--) {
    out[i] = best;
    best = i ? from[i][best] : 0;
    if (best < 0) best = 0;
  }
}

/* The amount columns of an unruled body: as many as its fullest row
 * has amounts, their extents fixed by the full rows. */
static int amount_columns(lx *x, const ys_line **L, size_t n, acol **acs,
                          int *nacs) {
  int M = 0;
  skind kk[256];
  for (size_t i = 0; i < n; i++) {
    if (L[i]->n > 256) continue;
    span_kinds(x, L[i], kk);
    int m = 0;
    for (size_t k = 0; k < L[i]->n; k++) m += kk[k] == SK_AMT;
    if (m > M) M = m;
  }
  acol *ac = ys_arena_alloc(x->a, sizeof *ac * (size_t)(M + 1));
  if (!ac) return YS_ENOMEM;
  for (int j = 0; j < M; j++) {
    ac[j].x0 = 1e30f;
    ac[j].x1 = -1e30f;
  }
  /* full rows fix the amount columns */
  for (size_t i = 0; i < n; i++) {
    if (L[i]->n > 256) continue;
    span_kinds(x, L[i], kk);
    int m = 0;
    for (size_t k = 0; k < L[i]->n; k++) m += kk[k] == SK_AMT;
    if (m != M) continue;
    int j = 0;
    for (size_t k = 0; k < L[i]->n; k++) {
      if (kk[k] != SK_AMT) continue;
      ys_box b = L[i]->spans[k].box;
      ac[j].sum += b.x1;
      ac[j].n++;
      if (b.x0 < ac[j].x0) ac[j].x0 = b.x0;
      if (b.x1 > ac[j].x1) ac[j].x1 = b.x1;
      j++;
    }
  }
  for (int j = 0; j < M; j++)
    ac[j].right = ac[j].n ? (float)(ac[j].sum / ac[j].n) : 0;
  *acs = ac;
  *nacs = M;
  return YS_OK;
}

/* The text columns of an unruled body: its text spans by zone between
 * the amount columns, clustered by left edge. */
static int text_columns(lx *x, const ys_line **L, size_t n, const acol *ac,
                        int M, tcol **tcs, int *ntcs) {
  skind kk[256];
  /* text spans by zone, clustered by left edge */
  size_t total = 0;
  for (size_t i = 0; i < n; i++) total += L[i]->n;
  float *lefts = ys_arena_alloc(x->a, sizeof(float) * (total + 1));
  int *zones = ys_arena_alloc(x->a, sizeof(int) * (total + 1));
  tcol *tc = ys_arena_alloc(x->a, sizeof *tc * (total + 1));
  if (!lefts || !zones || !tc) return YS_ENOMEM;
  int nt = 0;
  for (int z = 0; z <= M; z++) {
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
      if (L[i]->n > 256) continue;
      span_kinds(x, L[i], kk);
      for (size_t k = 0; k < L[i]->n; k++) {
        if (kk[k] == SK_AMT) continue;
        ys_box b = L[i]->spans[k].box;
        int zone = 0;
        while (zone < M && cx(b) > ac[zone].right) zone++;
        if (zone == z) lefts[m++] = b.x0;
      }
    }
    if (!m) continue;
    if (m > 1) qsort(lefts, m, sizeof *lefts, cmp_float);
    float tol = x->d->synthetic ? 9.0f : 4.0f;
    int first = nt;
    for (size_t i = 0; i < m; i++) {
      if (nt > first && lefts[i] - tc[nt - 1].x1 <= tol) {
        tc[nt - 1].x1 = lefts[i];
        tc[nt - 1].n++;
        continue;
      }
      tc[nt++] = (tcol){lefts[i], lefts[i], z, 1};
    }
    /* a cluster of a few spans (a centred 合计, an indented name) joins
     * its neighbour on the left */
    size_t rows = n ? n : 1;
    for (int i = first + 1; i < nt;) {
      if ((size_t)tc[i].n * 5 < rows) {
        tc[i - 1].x1 = tc[i].x1;
        tc[i - 1].n += tc[i].n;
        memmove(&tc[i], &tc[i + 1], sizeof *tc * (size_t)(nt - i - 1));
        nt--;
      } else {
        i++;
      }
    }
  }
  *tcs = tc;
  *ntcs = nt;
  return YS_OK;
}

/* The columns of an unruled grid: amount and text columns, left to
 * right, and the cells they make. */
static int unruled_columns(lx *x, const ys_line **L, size_t n, pgrid *g,
                           acol **acs, int *nacs, tcol **tcs, int *ntcs) {
  acol *ac;
  int M;
  if (amount_columns(x, L, n, &ac, &M)) return YS_ENOMEM;
  tcol *tc;
  int nt;
  if (text_columns(x, L, n, ac, M, &tc, &nt)) return YS_ENOMEM;
  /* the columns, left to right */
  int nc = M + nt;
  g->ncols = nc;
  g->colx0 = ys_arena_alloc(x->a, sizeof(float) * ((size_t)nc + 1));
  g->colx1 = ys_arena_alloc(x->a, sizeof(float) * ((size_t)nc + 1));
  if (!g->colx0 || !g->colx1) return YS_ENOMEM;
  g->amount = ys_arena_alloc(x->a, (size_t)nc + 1);
  if (!g->amount) return YS_ENOMEM;
  int c = 0, ti = 0;
  for (int z = 0; z <= M; z++) {
    while (ti < nt && tc[ti].zone == z) {
      g->colx0[c] = tc[ti].x0;
      /* a text column reaches to the next column */
      g->colx1[c] = tc[ti].x0 + 1;
      c++;
      ti++;
    }
    if (z < M) {
      g->colx0[c] = ac[z].x0;
      g->colx1[c] = ac[z].x1;
      g->amount[c] = true;
      c++;
    }
  }
  for (int k = 0; k + 1 < nc; k++)
    if (g->colx1[k] < g->colx0[k + 1] - 1 && k < nc) {
      /* text columns extend to the next column's start */
      bool text = true;
      for (int j = 0; j < M; j++)
        if (g->colx0[k] == ac[j].x0 && g->colx1[k] == ac[j].x1) text = false;
      if (text) g->colx1[k] = g->colx0[k + 1] - 1;
    }
  /* The cell of a column reaches from the boundary of the one before to
   * its own: an amount column's right edge (amounts are right-aligned), a
   * text column's next neighbour's start. Headings are centred in cells. */
  g->cell1 = ys_arena_alloc(x->a, sizeof(float) * ((size_t)nc + 1));
  if (!g->cell1) return YS_ENOMEM;
  for (int k = 0; k < nc; k++)
    g->cell1[k] = g->amount[k] ? g->colx1[k] + 1
                  : k + 1 < nc ? g->colx0[k + 1] - 1
                               : 1e30f;
  *acs = ac;
  *nacs = M;
  *tcs = tc;
  *ntcs = nt;
  return YS_OK;
}

/* The columns a header span stands over: those whose centres it covers
 * (a heading spanning several columns), else the nearest by centre
 * (headings are centred over their column, whose cells drift). */
static void span_cols(const pgrid *g, ys_box b, int *c0, int *c1) {
  *c0 = *c1 = -1;
  if (g->cell1) {
    /* cells [cell1[k-1], cell1[k]): the centres a heading covers, else
     * the cell its centre is in; a heading no wider than the cell its
     * centre is in is that cell's (a wrapped fragment: 附属单位 / 上缴收入) */
    float m0 = cx(b);
    for (int c = 0; c < g->ncols; c++) {
      float lo = c ? g->cell1[c - 1] : g->colx0[0] - 1;
      float hi = g->cell1[c] < 1e29f ? g->cell1[c] : g->colx1[c] + 40;
      if (m0 >= lo && (m0 < hi || c == g->ncols - 1) &&
          b.x1 - b.x0 <= (hi - lo) * 1.2f) {
        *c0 = *c1 = c;
        return;
      }
    }
    for (int c = 0; c < g->ncols; c++) {
      float lo = c ? g->cell1[c - 1] : g->colx0[0] - 1;
      float hi = g->cell1[c] < 1e29f ? g->cell1[c] : g->colx1[c] + 40;
      float m = (lo + hi) / 2;
      if (m >= b.x0 - 1 && m <= b.x1 + 1) {
        if (*c0 < 0) *c0 = c;
        *c1 = c;
      }
    }
    if (*c0 >= 0 && *c1 > *c0) return;
    *c0 = *c1 = -1;
    float m = cx(b);
    for (int c = 0; c < g->ncols; c++)
      if (m < g->cell1[c] || c == g->ncols - 1) {
        *c0 = *c1 = c;
        return;
      }
  }
  for (int c = 0; c < g->ncols; c++) {
    float m = (g->colx0[c] + g->colx1[c]) / 2;
    if (m >= b.x0 - 1 && m <= b.x1 + 1) {
      if (*c0 < 0) *c0 = c;
      *c1 = c;
    }
  }
  if (*c0 >= 0 && *c1 > *c0) return;
  *c0 = *c1 = -1;
  float best = 1e30f;
  for (int c = 0; c < g->ncols; c++) {
    float d = fabsf(cx(b) - (g->colx0[c] + g->colx1[c]) / 2);
    if (d < best) {
      best = d;
      *c0 = *c1 = c;
    }
  }
}

/* Is a span a unit in brackets alone: "(亿元)", "（万元）", "(%)"? */
static bool unit_paren(const char *t) {
  static const char *const u[] = {"(亿元)",   "(万元)",   "(元)",   "(%)",
                                  "（亿元）", "（万元）", "（元）", "（%）"};
  for (size_t i = 0; i < sizeof u / sizeof u[0]; i++)
    if (!strcmp(t, u[i])) return true;
  return false;
}

/* The grid column of a body span: amounts by fit, text by zone and edge. */
static int body_col(const acol *ac, int M, const tcol *tc, int nt, ys_box b,
                    skind k, int amount_col) {
  if (k == SK_AMT) {
    int c = 0;
    for (int i = 0; i < nt; i++)
      if (tc[i].zone <= amount_col) c++;
    return c + amount_col;
  }
  int zone = 0;
  while (zone < M && cx(b) > ac[zone].right) zone++;
  int best = -1;
  float bd = 1e30f;
  for (int i = 0; i < nt; i++) {
    if (tc[i].zone != zone) continue;
    float d = b.x0 < tc[i].x0   ? tc[i].x0 - b.x0
              : b.x0 > tc[i].x1 ? b.x0 - tc[i].x1
                                : 0;
    /* prefer the cluster at or left of the span */
    if (b.x0 >= tc[i].x0 - 2) d *= 0.5f;
    if (d < bd) {
      bd = d;
      best = i;
    }
  }
  if (best < 0) {
    /* no text column in this zone: the amount column before it */
    return body_col(ac, M, tc, nt, b, SK_AMT, zone > 0 ? zone - 1 : 0);
  }
  int c = 0;
  for (int i = 0; i < best; i++) c++;
  for (int j = 0; j < M; j++)
    if (j < tc[best].zone) c++;
  return c;
}

/* Columns that are empty in every body row leave no trace in the body of
 * an unruled table, only their headings (a 决算 收入决算表 with money from
 * 财政拨款 only prints 上级补助收入 … 其他收入 over nothing). Headings right
 * of the last body column each open an empty amount column there. */
static int header_columns(lx *x, const ys_line **L, size_t first, pgrid *g) {
  if (!g->ncols || !g->cell1) return YS_OK;
  float edge = g->colx1[g->ncols - 1];
  if (!g->amount[g->ncols - 1]) return YS_OK;
  float xs[64];
  int nx = 0;
  for (size_t i = 0; i < first; i++)
    for (size_t k = 0; k < L[i]->n && nx < 64; k++) {
      ys_box b = L[i]->spans[k].box;
      if (b.x0 <= edge + 2) continue;
      float m = cx(b);
      bool seen = false;
      for (int j = 0; j < nx && !seen; j++)
        seen = fabsf(xs[j] - m) < (b.x1 - b.x0) / 2 + 6;
      if (!seen) xs[nx++] = m;
    }
  if (!nx) return YS_OK;
  if (nx > 1) qsort(xs, (size_t)nx, sizeof *xs, cmp_float);
  int nc = g->ncols + nx;
  float *x0 = ys_arena_alloc(x->a, sizeof(float) * (size_t)(nc + 1));
  float *x1 = ys_arena_alloc(x->a, sizeof(float) * (size_t)(nc + 1));
  float *c1 = ys_arena_alloc(x->a, sizeof(float) * (size_t)(nc + 1));
  bool *am = ys_arena_alloc(x->a, (size_t)nc + 1);
  if (!x0 || !x1 || !c1 || !am) return YS_ENOMEM;
  memcpy(x0, g->colx0, sizeof(float) * (size_t)g->ncols);
  memcpy(x1, g->colx1, sizeof(float) * (size_t)g->ncols);
  memcpy(c1, g->cell1, sizeof(float) * (size_t)g->ncols);
  memcpy(am, g->amount, (size_t)g->ncols);
  for (int j = 0; j < nx; j++) {
    int k = g->ncols + j;
    x0[k] = x1[k] = xs[j];
    am[k] = true;
    /* the boundary between two heading-made columns: half way */
    c1[k] = j + 1 < nx ? (xs[j] + xs[j + 1]) / 2 : 1e30f;
    if (j == 0) c1[k - 1] = (edge + xs[0]) / 2 > edge ? edge + 1 : c1[k - 1];
  }
  if (nx) c1[g->ncols - 1] = g->colx1[g->ncols - 1] + 1;
  g->colx0 = x0;
  g->colx1 = x1;
  g->cell1 = c1;
  g->amount = am;
  g->ncols = nc;
  return YS_OK;
}

/* An unruled grid being filled row by row (unruled_grid): its columns, the
 * row being made, and the text held between rows. */
typedef struct ugrid {
  lx *x;
  const int *pages;
  pgrid *g;
  acol *ac; /* the amount columns */
  int M;
  tcol *tc; /* the text columns */
  int nt;
  int row; /* the row being made */
  /* text lines between numeric rows, placed with the next row (no cap: a
   * long wrapped label is all kept) */
  sref *held;
  size_t nheld, cap_held;
  bool took_held; /* the last row was named by held text */
} ugrid;

/* Holds a span of a text-only line for the next row. */
static int hold_span(ugrid *u, const ys_span *sp, int page) {
  sref *grown = ys_arena_reserve(u->x->a, u->held, u->nheld, &u->cap_held,
                                 sizeof *u->held);
  if (!grown) return YS_ENOMEM;
  u->held = grown;
  u->held[u->nheld++] = (sref){sp, page};
  return YS_OK;
}

/* A text-only line right after a row that took held text: the rest of
 * that row's name, joined to its cells (held where it has none). */
static int name_rest(ugrid *u, const ys_line *l, int page) {
  pgrid *g = u->g;
  int row = u->row;
  /* the rest of the last row's name */
  for (size_t k = 0; k < l->n; k++) {
    int c0 = body_col(u->ac, u->M, u->tc, u->nt, l->spans[k].box, SK_TEXT, 0);
    ys_gcell *prev = NULL;
    for (size_t j = g->cells.n; j-- > 0 && !prev;) {
      ys_gcell *c = &g->cells.v[j];
      if (c->row != row - 1) break;
      if (c->col == c0) prev = c;
    }
    if (prev) {
      prev->text = join_text(u->x->a, prev->text, l->spans[k].text);
      if (!prev->text) return YS_ENOMEM;
    } else if (hold_span(u, &l->spans[k], page)) {
      return YS_ENOMEM;
    }
  }
  return YS_OK;
}

/* The cells of a numeric line of the body: amounts fitted to the amount
 * columns, text to its columns, two spans in one column joined. */
static int numeric_cells(ugrid *u, const ys_line *l, int page,
                         size_t row_start) {
  lx *x = u->x;
  pgrid *g = u->g;
  skind kk[256];
  int fit[256];
  span_kinds(x, l, kk);
  /* (zeroed: gcc -O2 cannot see that fit_amounts reads only the m set) */
  float r[256] = {0};
  int m = 0;
  for (size_t k = 0; k < l->n; k++)
    if (kk[k] == SK_AMT) r[m++] = l->spans[k].box.x1;
  fit_amounts(u->ac, u->M, r, m, fit);
  int ai = 0;
  for (size_t k = 0; k < l->n; k++) {
    const ys_span *sp = &l->spans[k];
    int c0 = body_col(u->ac, u->M, u->tc, u->nt, sp->box, kk[k],
                      kk[k] == SK_AMT ? fit[ai] : 0);
    if (kk[k] == SK_AMT) ai++;
    if (c0 < 0) continue;
    ys_gcell *same = NULL;
    for (size_t j = g->cells.n; j-- > row_start && !same;)
      if (g->cells.v[j].col == c0) same = &g->cells.v[j];
    if (same) {
      same->text = join_text(x->a, same->text, sp->text);
      if (!same->text) return YS_ENOMEM;
      continue;
    }
    ys_gcell c = {sp->text, u->row,   c0,      1,          1,
                  page,     sp->line, sp->box, sp->box.x0, sp->size};
    if (push_cell(x, &g->cells, c)) return YS_ENOMEM;
  }
  return YS_OK;
}

/* The held text: the next row's own where it has nothing in the column,
 * else joined to the row before (or to the next row's cell). */
static int place_held(ugrid *u, bool numeric_row, size_t row_start) {
  lx *x = u->x;
  pgrid *g = u->g;
  int row = u->row;
  u->took_held = false;
  for (size_t h = 0; h < u->nheld; h++) {
    const sref *hs = &u->held[h];
    const ys_span *sp = hs->s;
    int c0 = body_col(u->ac, u->M, u->tc, u->nt, sp->box, SK_TEXT, 0);
    ys_gcell *mine = NULL, *prev = NULL;
    if (numeric_row)
      for (size_t j = row_start; j < g->cells.n && !mine; j++)
        if (g->cells.v[j].col == c0) mine = &g->cells.v[j];
    for (size_t j = row_start; j-- > 0 && !prev;) {
      ys_gcell *c = &g->cells.v[j];
      if (c->row != row - 1) break;
      if (c->col == c0) prev = c;
    }
    if (numeric_row && !mine) {
      /* the next row has nothing there: the text is its own */
      ys_gcell c = {sp->text, row,      c0,      1,          1,
                    hs->page, sp->line, sp->box, sp->box.x0, sp->size};
      if (push_cell(x, &g->cells, c)) return YS_ENOMEM;
      u->took_held = true;
    } else if (numeric_row && mine && !prev) {
      mine->text = join_text(x->a, sp->text, mine->text);
      if (!mine->text) return YS_ENOMEM;
    } else if (prev) {
      prev->text = join_text(x->a, prev->text, sp->text);
      if (!prev->text) return YS_ENOMEM;
    } else {
      ys_gcell c = {sp->text, row,      c0,      1,          1,
                    hs->page, sp->line, sp->box, sp->box.x0, sp->size};
      if (push_cell(x, &g->cells, c)) return YS_ENOMEM;
    }
  }
  u->nheld = 0;
  return YS_OK;
}

/* The cells of a header line (or a lone text line before the body), by
 * the columns the headings span. */
static int header_cells(ugrid *u, const ys_line *l, int page) {
  lx *x = u->x;
  pgrid *g = u->g;
  /* a header line (or a lone text line before the body) */
  int last_col = -1;
  for (size_t k = 0; k < l->n; k++) {
    const ys_span *sp = &l->spans[k];
    /* a heading and its unit set apart ("财政总收入   (亿元)"): one
     * heading, placed by the two together */
    ys_box b = sp->box;
    const char *text = sp->text;
    if (k + 1 < l->n && unit_paren(l->spans[k + 1].text)) {
      b.x1 = l->spans[k + 1].box.x1;
      text = ys_arena_printf(x->a, "%s%s", sp->text, l->spans[k + 1].text);
      if (!text) return YS_ENOMEM;
      k++;
    }
    int c0, c1;
    span_cols(g, b, &c0, &c1);
    if (c0 < 0) continue;
    /* a second heading of the line in the column of the one before it
     * ("年份   财政总收入(亿元)"): a text column's cell reaches to the
     * next column, whose right-aligned figures this one runs over */
    if (c0 == c1 && c0 == last_col && c0 + 1 < g->ncols &&
        b.x1 > g->colx0[c0 + 1])
      c0 = c1 = c0 + 1;
    last_col = c1;
    ys_gcell c = {text, u->row,   c0, 1,    c1 - c0 + 1,
                  page, sp->line, b,  b.x0, sp->size};
    if (push_cell(x, &g->cells, c)) return YS_ENOMEM;
  }
  return YS_OK;
}

/* The grid of an unruled table: its columns from the body's amounts, then
 * its lines placed row by row. */
static int unruled_grid(lx *x, const ys_line **L, const int *pages, size_t n,
                        pgrid *g) {
  /* body: from the first line with an amount */
  size_t first = n;
  for (size_t i = 0; i < n && first == n; i++)
    if (line_numeric(x, L[i])) first = i;
  if (first == n) first = 0;
  ugrid u = {.x = x, .pages = pages, .g = g};
  if (unruled_columns(x, L + first, n - first, g, &u.ac, &u.M, &u.tc, &u.nt))
    return YS_ENOMEM;
  if (!g->ncols) return YS_OK;
  if (header_columns(x, L, first, g)) return YS_ENOMEM;
  /* Names too long for their cell wrap around the row's amounts (a
   * centred row prints part of its name above and part below): a text-only
   * line of the body is held, then given to the next row when that row has
   * nothing in its columns, else to the row before; a text-only line right
   * after a row that took held text is the rest of that row's name. */
  u.row = 0;
  u.held = NULL;
  u.nheld = u.cap_held = 0;
  u.took_held = false;
  for (size_t i = 0; i <= n; i++) {
    const ys_line *l = i < n ? L[i] : NULL;
    bool body = i >= first;
    if (l && l->n > 256) continue;
    bool textonly = l && body && i > first && !line_numeric(x, l) && u.row > 0;
    if (textonly) {
      if (u.took_held) {
        if (name_rest(&u, l, pages[i])) return YS_ENOMEM;
        u.took_held = false;
        continue;
      }
      for (size_t k = 0; k < l->n; k++)
        if (hold_span(&u, &l->spans[k], pages[i])) return YS_ENOMEM;
      continue;
    }
    /* a numeric line, a header line or the end: place held text first */
    bool numeric_row = l && body;
    size_t row_start = g->cells.n;
    if (numeric_row && numeric_cells(&u, l, pages[i], row_start))
      return YS_ENOMEM;
    if (place_held(&u, numeric_row, row_start)) return YS_ENOMEM;
    if (!l) break;
    if (!numeric_row && header_cells(&u, l, pages[i])) return YS_ENOMEM;
    /* keep cells in column order within the row */
    bool added =
        g->cells.n > row_start && g->cells.v[g->cells.n - 1].row == u.row;
    if (!added && g->cells.n > row_start) added = true;
    if (added) u.row++;
  }
  g->nrows = u.row;
  g->ruled = false;
  g->page = pages[0];
  return YS_OK;
}

/* Header rows of an unruled grid: fragments of one wrapped heading
 * stacked in the same columns become one cell. (A heading centred over
 * several columns covers the centres of those it spans, span_cols; no
 * more is guessed: a parent narrower than its children is read as the
 * parent of those it covers only.) */
static int unruled_header(lx *x, pgrid *g, int hrows) {
  if (hrows < 2) return YS_OK;
  ys_gcell *v = g->cells.v;
  size_t n = g->cells.n;
  /* 1. stacked fragments with the same columns: join downwards */
  for (int r = hrows - 2; r >= 0; r--)
    for (size_t i = 0; i < n; i++) {
      if (v[i].row != r || !*v[i].text) continue;
      for (size_t j = 0; j < n; j++) {
        if (v[j].row != r + 1 || !*v[j].text || v[j].col != v[i].col ||
            v[j].cs != v[i].cs)
          continue;
        /* nothing else below in those columns: a wrapped heading */
        bool other = false;
        for (size_t k = 0; k < n && !other; k++)
          other = v[k].row > r + 1 && v[k].row < hrows && *v[k].text &&
                  v[k].col < v[i].col + v[i].cs &&
                  v[k].col + v[k].cs > v[i].col;
        if (other) continue;
        v[i].text = join_text(x->a, v[i].text, v[j].text);
        if (!v[i].text) return YS_ENOMEM;
        v[i].rs = v[j].row + v[j].rs - v[i].row;
        v[j].text = "";
      }
    }
  /* 2. a heading centred over a group of amount columns covers the
   * centres of only some of them: it also owns the amount columns next
   * to it whose own headings start lower and that nothing at its row or
   * above covers ("一般公共预算基本支出" over 合计 | 人员经费 | 公用经费).
   * Never across a text column: codes and names are not its children. */
  for (int r = 0; r < hrows - 1 && g->amount; r++)
    for (size_t i = 0; i < n; i++) {
      if (v[i].row != r || !*v[i].text) continue;
      bool amounts = true;
      for (int c = v[i].col; c < v[i].col + v[i].cs; c++)
        amounts = amounts && g->amount[c];
      if (!amounts) continue;
      for (int dir = -1; dir <= 1; dir += 2)
        for (;;) {
          int c = dir < 0 ? v[i].col - 1 : v[i].col + v[i].cs;
          if (c < 0 || c >= g->ncols || !g->amount[c]) break;
          bool taken = false, below = false;
          for (size_t k = 0; k < n; k++) {
            if (k == i || !*v[k].text) continue;
            if (v[k].col > c || c >= v[k].col + v[k].cs) continue;
            if (v[k].row <= r) taken = true;
            if (v[k].row > r && v[k].row < hrows) below = true;
          }
          if (taken || !below) break;
          if (dir < 0) v[i].col--;
          v[i].cs++;
        }
    }
  /* drop the emptied fragments */
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (*v[i].text) v[k++] = v[i];
  g->cells.n = k;
  return YS_OK;
}

/* --- regions ----------------------------------------------------------- */

static bool ends_with_key(const char *k, const char *suf) {
  size_t n = strlen(k), m = strlen(suf);
  return n >= m && !strcmp(k + n - m, suf);
}

static bool is_note_key(const char *k) {
  return starts(k, "注") || starts(k, "说明:") || starts(k, "说明：") ||
         starts(k, "备注") || starts(k, "填表说明");
}

static bool is_unit_key(const char *k) {
  return has(k, "单位:元") || has(k, "单位:万元") || has(k, "单位:亿元") ||
         has(k, "单位:千元") || has(k, "单位：元") || has(k, "单位：万元") ||
         has(k, "单位:万元") || has(k, "单位(元)") || has(k, "单位(万元)");
}

/* Prose: a long single span, or a sentence. */
static bool prose(lx *x, size_t i) {
  const ys_line *l = x->L[i];
  const char *k = x->key[i];
  if (has(k, "。")) return true;
  if (l->n == 1 && nchars(k) >= 30 && !numeric(k)) return true;
  return false;
}

/* A line that can belong to an unruled grid. */
static bool tabular(lx *x, size_t i) {
  const ys_line *l = x->L[i];
  if (l->n >= 2) return true;
  const char *k = x->key[i];
  return numeric(k) || (nchars(k) <= 24 && !has(k, "。"));
}

/* The rules cluster of page pg that holds line l, or NULL. */
static const cluster *holding(const cluster *cs, size_t nc, const ys_line *l) {
  for (size_t c = 0; c < nc; c++)
    if (inside(cs[c].box, cx(l->box), cy(l->box))) return &cs[c];
  return NULL;
}

typedef struct pagecl {
  cluster *c;
  size_t n;
  bool done;
} pagecl;

static int clusters_of(lx *x, pagecl *pcs, int page, const cluster **out,
                       size_t *n) {
  pagecl *p = &pcs[page - 1];
  if (!p->done) {
    if (page_clusters(x, &x->d->pages[page - 1], &p->c, &p->n))
      return YS_ENOMEM;
    p->done = true;
  }
  *out = p->c;
  *n = p->n;
  return YS_OK;
}

/* --- assembling -------------------------------------------------------- */

/* Which column of the table (first page's grid) does column c of g line
 * up with? -1 if none. */
static int map_col(const pgrid *first, const pgrid *g, int c) {
  float m = (g->colx0[c] + g->colx1[c]) / 2;
  int best = -1;
  float bd = 1e30f;
  for (int k = 0; k < first->ncols; k++) {
    float d = fabsf((first->colx0[k] + first->colx1[k]) / 2 - m);
    float w = first->colx1[k] - first->colx0[k];
    if (d < bd && d < (w > 20 ? w / 2 : 10)) {
      bd = d;
      best = k;
    }
  }
  return best;
}

/* Are rows [0, k) of g the same texts as rows [0, k) of the table? */
static int repeated_header(const cellv *tab, int hrows, const pgrid *g) {
  int k = 0;
  for (int r = 0; r < hrows && r < g->nrows; r++) {
    size_t same = 0, n = 0;
    for (size_t i = 0; i < g->cells.n; i++) {
      if (g->cells.v[i].row != r) continue;
      n++;
      for (size_t j = 0; j < tab->n; j++)
        if (tab->v[j].row < hrows &&
            !strcmp(tab->v[j].text, g->cells.v[i].text)) {
          same++;
          break;
        }
    }
    if (!n || same * 2 < n) break;
    k = r + 1;
  }
  return k;
}

/* Header rows: the rows before the first with an amount, provided some
 * row has one; a 栏次 row (1 2 3 …) is a header row. */
static int header_rows(lx *x, const cellv *cv, int nrows) {
  for (int r = 0; r < nrows; r++) {
    bool amount = false, counts = true;
    int seq = 0;
    for (size_t i = 0; i < cv->n; i++) {
      const ys_gcell *c = &cv->v[i];
      if (c->row != r) continue;
      const char *k = keyz(x->a, c->text);
      if (amount_like(k)) amount = true;
      if (numeric(k) && atoi(k) == seq + 1)
        seq++;
      else if (strcmp(k, "栏次") && strcmp(k, "行次") && *k)
        counts = false;
    }
    if (counts && seq >= 3) continue;
    if (amount) return r;
    /* an empty table's body: 无, or a 合计 with nothing beside it */
    bool body = false, other = false;
    int minc = 1 << 30;
    for (size_t i = 0; i < cv->n; i++)
      if (cv->v[i].row == r && cv->v[i].col < minc) minc = cv->v[i].col;
    for (size_t i = 0; i < cv->n; i++) {
      const ys_gcell *c = &cv->v[i];
      if (c->row != r) continue;
      const char *k = keyz(x->a, c->text);
      if (c->col == minc)
        body = !strcmp(k, "无") || !strcmp(k, "合计") || !strcmp(k, "总计");
      else if (*k && !numeric(k))
        other = true;
    }
    body = body && !other;
    if (body && r > 0) return r;
    /* a row of codes (the body of a table printing integer amounts) */
    bool code = false;
    for (size_t i = 0; i < cv->n && !code; i++) {
      const ys_gcell *c = &cv->v[i];
      if (c->row != r || c->col != 0) continue;
      const char *k = keyz(x->a, c->text);
      size_t l = strlen(k);
      code = numeric(k) && l >= 3 && l <= 9 && !strchr(k, '.');
    }
    if (code) return r;
    /* integer amounts beside a row label (a workbook stores 2383119, not
     * "2,383,119.00"): a number of three digits or more that is no 栏次
     * count, with a label in the row */
    bool big = false, label = false;
    for (size_t i = 0; i < cv->n; i++) {
      const ys_gcell *c = &cv->v[i];
      if (c->row != r) continue;
      const char *k = keyz(x->a, c->text);
      if (numeric(k) && !strchr(k, '.') && strlen(k) >= 3 && atoi(k) > seq)
        big = true;
      else if (*k && !numeric(k))
        label = true;
    }
    if (big && label && r > 0) return r;
  }
  /* not a digit anywhere: an empty table, all header ("三公" columns with
   * 预算数 / 决算数 under them, and nothing below) */
  bool digits = false;
  for (size_t i = 0; i < cv->n && !digits; i++)
    for (const char *p = cv->v[i].text; p && *p && !digits; p++)
      digits = *p >= '0' && *p <= '9';
  return digits ? 0 : nrows;
}

static int cmp_cell(const void *a, const void *b) {
  const ys_gcell *p = a, *q = b;
  if (p->row != q->row) return p->row - q->row;
  return p->col - q->col;
}

/* Builds the grid of one page's share of a table. */
static int page_grid(lx *x, pagecl *pcs, const ys_line **L, const int *pg,
                     size_t n, pgrid *g) {
  memset(g, 0, sizeof *g);
  const cluster *cs;
  size_t nc;
  if (clusters_of(x, pcs, pg[0], &cs, &nc)) return YS_ENOMEM;
  const cluster *cl = NULL;
  for (size_t i = 0; i < n && !cl; i++) cl = holding(cs, nc, L[i]);
  if (cl) {
    size_t ns = 0;
    for (size_t i = 0; i < n; i++) ns += L[i]->n;
    sref *sp = ys_arena_alloc(x->a, (ns + 1) * sizeof *sp);
    if (!sp) return YS_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
      for (size_t k = 0; k < L[i]->n; k++)
        sp[m++] = (sref){&L[i]->spans[k], pg[i]};
    return ruled_grid(x, &x->d->pages[pg[0] - 1], cl, sp, m, g);
  }
  if (unruled_grid(x, L, pg, n, g)) return YS_ENOMEM;
  return YS_OK;
}

typedef struct tabuild {
  const ys_line **L;
  int *pg;
  size_t n, cap;
} tabuild;

static int tb_add(lx *x, tabuild *t, const ys_line *l) {
  size_t c1 = t->cap, c2 = t->cap;
  const ys_line **v = ys_arena_reserve(x->a, t->L, t->n, &c1, sizeof *v);
  int *p = ys_arena_reserve(x->a, t->pg, t->n, &c2, sizeof *p);
  if (!v || !p) return YS_ENOMEM;
  t->L = v;
  t->pg = p;
  t->cap = c1 < c2 ? c1 : c2;
  t->L[t->n] = l;
  t->pg[t->n++] = l->page;
  return YS_OK;
}

/* Assembles the table whose grid lines are t (in order, over pages). */
/* An unruled table over several pages is one grid: a converter keeps the
 * columns where they were on every page, so the columns of all its rows
 * together are the table's. The header lines a page repeats (and a
 * repeated title or 续表 line) are left out. */
static int max_rs(const ys_gtable *gt) {
  int m = 1;
  for (size_t i = 0; i < gt->ncells; i++)
    if (gt->cells[i].rs > m) m = gt->cells[i].rs;
  return m;
}

static int unruled_table(lx *x, ys_gtable *gt, tabuild *t) {
  const ys_line **L = ys_arena_alloc(x->a, sizeof *L * (t->n + 1));
  int *pg = ys_arena_alloc(x->a, sizeof(int) * (t->n + 1));
  if (!L || !pg) return YS_ENOMEM;
  size_t n = 0, head = 0;
  while (head < t->n && t->pg[head] == t->pg[0] && !line_numeric(x, t->L[head]))
    head++;
  for (size_t i = 0; i < t->n; i++) {
    if (t->pg[i] != t->pg[0] && i > 0 && t->pg[i] != t->pg[i - 1]) {
      /* a continuation page: skip its lines that repeat the header */
      size_t j = i;
      while (j < t->n && t->pg[j] == t->pg[i] && !line_numeric(x, t->L[j])) {
        const char *a = ys_line_text(x->d, t->L[j]);
        bool rep = false;
        for (size_t h = 0; h < head && a && !rep; h++) {
          const char *b = ys_line_text(x->d, t->L[h]);
          rep = b && !strcmp(keyz(x->a, a), keyz(x->a, b));
        }
        if (!rep) break;
        j++;
      }
      i = j;
      if (i >= t->n) break;
      gt->pages++;
    }
    L[n] = t->L[i];
    pg[n++] = t->pg[i];
  }
  pgrid g;
  memset(&g, 0, sizeof g);
  if (unruled_grid(x, L, pg, n, &g)) return YS_ENOMEM;
  if (g.cells.n > 1) qsort(g.cells.v, g.cells.n, sizeof *g.cells.v, cmp_cell);
  int hrows = header_rows(x, &g.cells, g.nrows);
  if (unruled_header(x, &g, hrows)) return YS_ENOMEM;
  gt->cells = g.cells.v;
  gt->ncells = g.cells.n;
  gt->max_rs = max_rs(gt);
  gt->nrows = g.nrows;
  gt->ncols = g.ncols;
  gt->header_rows = hrows;
  gt->ruled = false;
  return YS_OK;
}

static int assemble(lx *x, ys_gtable *gt, pagecl *pcs, tabuild *t) {
  /* ruled or not: the first page says */
  {
    const cluster *cs;
    size_t nc;
    if (clusters_of(x, pcs, t->pg[0], &cs, &nc)) return YS_ENOMEM;
    bool ruled = false;
    for (size_t i = 0; i < t->n && t->pg[i] == t->pg[0] && !ruled; i++)
      ruled = holding(cs, nc, t->L[i]) != NULL;
    if (!ruled) return unruled_table(x, gt, t);
  }
  cellv all = {NULL, 0, 0};
  pgrid first;
  memset(&first, 0, sizeof first);
  bool have = false;
  int rows = 0, hrows = 0;
  for (size_t i = 0; i < t->n;) {
    size_t j = i;
    while (j < t->n && t->pg[j] == t->pg[i]) j++;
    pgrid g;
    if (page_grid(x, pcs, t->L + i, t->pg + i, j - i, &g)) return YS_ENOMEM;
    if (g.ncols > 0 && g.nrows > 0) {
      if (!have) {
        first = g;
        have = true;
        if (g.cells.n > 1)
          qsort(g.cells.v, g.cells.n, sizeof *g.cells.v, cmp_cell);
        hrows = header_rows(x, &g.cells, g.nrows);
        if (!g.ruled && unruled_header(x, &g, hrows)) return YS_ENOMEM;
        for (size_t k = 0; k < g.cells.n; k++)
          if (push_cell(x, &all, g.cells.v[k])) return YS_ENOMEM;
        rows = g.nrows;
        gt->ruled = g.ruled;
        gt->ncols = g.ncols;
      } else {
        if (g.cells.n > 1)
          qsort(g.cells.v, g.cells.n, sizeof *g.cells.v, cmp_cell);
        int skip = repeated_header(&all, hrows, &g);
        int *cm = ys_arena_alloc(x->a, sizeof(int) * ((size_t)g.ncols + 1));
        if (!cm) return YS_ENOMEM;
        bool by_index = g.ncols == first.ncols;
        for (int c = 0; c < g.ncols; c++)
          cm[c] = by_index ? c : map_col(&first, &g, c);
        for (size_t k = 0; k < g.cells.n; k++) {
          ys_gcell c = g.cells.v[k];
          if (c.row < skip || cm[c.col] < 0) continue;
          int last = cm[c.col + c.cs - 1];
          c.col = cm[c.col];
          c.cs = last >= c.col ? last - c.col + 1 : 1;
          c.row = rows + c.row - skip;
          if (push_cell(x, &all, c)) return YS_ENOMEM;
        }
        rows += g.nrows - skip;
        gt->pages++;
      }
    }
    i = j;
  }
  gt->cells = all.v;
  gt->ncells = all.n;
  gt->max_rs = max_rs(gt);
  gt->nrows = rows;
  gt->header_rows = hrows;
  return YS_OK;
}

/* --- the driver -------------------------------------------------------- */

static int add_text_line(lx *x, const ys_line *l) {
  ys_layout *o = x->out;
  const ys_line **v =
      ys_arena_reserve(x->a, o->text, o->ntext, &o->cap_text, sizeof *v);
  if (!v) return YS_ENOMEM;
  o->text = v;
  o->text[o->ntext++] = l;
  return YS_OK;
}

static int flatten(lx *x) {
  size_t n = 0;
  for (size_t p = 0; p < x->d->n; p++) n += x->d->pages[p].n;
  x->L = ys_arena_alloc(x->a, (n + 1) * sizeof *x->L);
  x->key = ys_arena_alloc(x->a, (n + 1) * sizeof *x->key);
  x->used = ys_arena_alloc(x->a, n + 1);
  if (!x->L || !x->key || !x->used) return YS_ENOMEM;
  for (size_t p = 0; p < x->d->n; p++) {
    const ys_page *pg = &x->d->pages[p];
    for (size_t i = 0; i < pg->n; i++) {
      const ys_line *l = &pg->lines[i];
      if (!l->n) {
        /* blank lines are kept for the narrative (paragraphs) */
        x->L[x->n] = l;
        x->key[x->n++] = "";
        continue;
      }
      const char *t = ys_line_text(x->d, l);
      if (!t) return YS_ENOMEM;
      /* page furniture: a page number first or last on the page */
      bool edge = i < 2 || i + 2 >= pg->n;
      if (edge && l->n <= 2 && ys_layout_is_page_number(t)) continue;
      x->L[x->n] = l;
      x->key[x->n++] = keyz(x->a, t);
    }
  }
  return YS_OK;
}

/* Titles: line i is a title (maybe with the next line); *span = lines. */
static bool title_at(lx *x, size_t i, size_t *span) {
  const char *k = x->key[i];
  if (!*k) return false;
  /* a table-of-contents entry: a title and its page number apart */
  const ys_line *l = x->L[i];
  if (l->n >= 2) {
    const char *last = keyz(x->a, l->spans[l->n - 1].text);
    size_t ln = strlen(last);
    bool num = ln && ln <= 4;
    for (size_t c = 0; c < ln && num; c++)
      num = last[c] >= '0' && last[c] <= '9';
    if (num) return false;
  }
  if (is_number_key(k)) {
    size_t j = i + 1;
    while (j < x->n && !*x->key[j]) j++;
    if (j < x->n && (is_title_key(x->key[j]) ||
                     (nchars(x->key[j]) <= 40 && !has(x->key[j], "。")))) {
      *span = j - i + 1;
      return true;
    }
    return false;
  }
  if (!is_title_key(k)) return false;
  /* a title broken over two lines: "2024年部门收支" / "总表" */
  *span = 1;
  return true;
}

/* A title's key without its number and continuation marks. */
static const char *title_core(lx *x, size_t i, size_t span) {
  const char *k = "";
  for (size_t m = i; m < i + span; m++)
    k = ys_arena_printf(x->a, "%s%s", k, x->key[m]);
  if (!k) return "";
  const char *p = starts(k, "附") ? k + 3 : k;
  if (starts(p, "表") && p[3] >= '0' && p[3] <= '9') {
    p += 3;
    while ((*p >= '0' && *p <= '9') || *p == '-' || *p == '.') p++;
    k = p;
  }
  char *o = ys_arena_strdup(x->a, k);
  if (!o) return "";
  static const char *const marks[] = {"(续表)", "(续)", "续表", "(续上表)"};
  for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
    char *q = strstr(o, marks[m]);
    if (q) memmove(q, q + strlen(marks[m]), strlen(q + strlen(marks[m])) + 1);
  }
  return o;
}

/* Is the title at j the title at i again, on a later page? */
static bool continued(lx *x, size_t i, size_t si, size_t j, size_t sj) {
  if (x->L[j]->page <= x->L[i]->page) return false;
  const char *a = title_core(x, i, si), *b = title_core(x, j, sj);
  return *a && !strcmp(a, b);
}

/* The table a title opens, as far as it is known from the title: its
 * title text, number, page, line and box. */
static int table_title(lx *x, size_t i, size_t tspan, ys_gtable *gt) {
  ys_doc *d = x->d;
  memset(gt, 0, sizeof *gt);
  const ys_line *tl = x->L[i + tspan - 1];
  const char *title = "";
  for (size_t k = i; k < i + tspan; k++) {
    const char *t = ys_line_text(d, x->L[k]);
    if (!t) return YS_ENOMEM;
    title = *title ? ys_arena_printf(x->a, "%s %s", title, t)
                   : ys_arena_strdup(x->a, t);
  }
  gt->title = title;
  gt->number = title_number(x->a, x->key[i]);
  gt->page = x->L[i]->page;
  gt->line = x->L[i]->n ? x->L[i]->spans[0].line : 0;
  gt->title_box = tl->box;
  gt->unit_text = "";
  gt->caption = "";
  gt->note = "";
  gt->pages = 1;
  return YS_OK;
}

/* The region after a title being read (ys_layout_find): the table being
 * built, and the walk down the lines after the title. */
typedef struct region {
  lx *x;
  pagecl *pcs;
  size_t i, tspan; /* the title's first line, and how many lines it spans */
  ys_gtable gt;
  tabuild tb;
  size_t j;  /* the line being looked at */
  bool grid; /* a line of the grid found */
  int last_page;
  const char *note;
} region;

/* What a line of the region does: the walk goes on, ends, or is out of
 * memory. */
enum { RG_ON, RG_END, RG_NOMEM };

/* The title at line j (ts lines) again: on a later page the table goes
 * on after it and its unit lines, else the region ends. */
static int region_title_again(region *rg, size_t ts) {
  lx *x = rg->x;
  size_t j = rg->j;
  /* the same title again on a later page (表1（续）, a repeated
   * title): the table goes on */
  if (!continued(x, rg->i, rg->tspan, j, ts)) return RG_END;
  for (size_t m = j; m < j + ts; m++) x->used[m] = true;
  j += ts;
  while (j < x->n &&
         (!*x->key[j] || is_unit_key(x->key[j]) || starts(x->key[j], "编制") ||
          starts(x->key[j], "单位名称") || starts(x->key[j], "部门:"))) {
    x->used[j] = true;
    j++;
  }
  j--;
  rg->j = j;
  return RG_ON;
}

/* A unit or 编制单位 line before the grid: the table's unit and caption. */
static void region_caption(region *rg, const ys_line *l, const char *k) {
  lx *x = rg->x;
  ys_gtable *gt = &rg->gt;
  for (size_t s = 0; s < l->n; s++) {
    const char *sk = keyz(x->a, l->spans[s].text);
    if (is_unit_key(sk) || starts(sk, "单位:") || starts(sk, "金额单位"))
      gt->unit_text = l->spans[s].text;
  }
  if (!*gt->unit_text && is_unit_key(k)) gt->unit_text = ys_line_text(x->d, l);
  if (!*gt->caption) gt->caption = ys_line_text(x->d, l);
  x->used[rg->j] = true;
}

/* Is line j (in ruled cluster cl, or none) a line of the grid? *in says;
 * RG_END when it ends the region instead. */
static int region_in_grid(region *rg, const cluster *cl, bool *in_out) {
  lx *x = rg->x;
  size_t j = rg->j;
  const ys_line *l = x->L[j];
  const char *k = x->key[j];
  const tabuild *tb = &rg->tb;
  size_t ts;
  bool in = cl != NULL;
  bool ruled_so_far = false;
  for (size_t m = 0; m < tb->n && !ruled_so_far; m++) {
    const cluster *pcs2;
    size_t npc;
    if (clusters_of(x, rg->pcs, tb->pg[m], &pcs2, &npc)) return RG_NOMEM;
    ruled_so_far = holding(pcs2, npc, tb->L[m]) != NULL;
  }
  if (!in && ruled_so_far) {
    /* a ruled table's grid is what its rules enclose: below them, on
     * its page or the next, comes its note or the end */
    if (rg->grid && (prose(x, j) || *rg->note || !tabular(x, j))) return RG_END;
    if (rg->grid && l->n < 2) return RG_END;
    if (rg->grid) {
      /* an unruled continuation of a ruled table is no continuation */
      return RG_END;
    }
  }
  if (!in) {
    bool new_page = tb->n && l->page != tb->pg[tb->n - 1];
    in = tabular(x, j) && !prose(x, j);
    /* across a page break only real rows carry a table on */
    if (in && new_page && l->n < 2 && !numeric(k)) in = false;
    /* a lone short text line: part of the grid only if a row of
     * several cells follows it (a wrapped name, a heading row) */
    if (in && l->n < 2 && !numeric(k)) {
      size_t nx = j + 1;
      while (nx < x->n && !*x->key[nx]) nx++;
      in = nx < x->n && x->L[nx]->n >= 2 && !title_at(x, nx, &ts) &&
           x->L[nx]->page == l->page;
    }
  }
  *in_out = in;
  return RG_ON;
}

/* Line j of the region: a continuation heading, the title again, the
 * table's caption, its note, a line of its grid, a stray line, or the
 * end of the region. */
static int region_line(region *rg) {
  lx *x = rg->x;
  ys_doc *d = x->d;
  size_t j = rg->j;
  const ys_line *l = x->L[j];
  const char *k = x->key[j];
  if (!*k) return RG_ON;
  size_t ts;
  /* "表1（续）", "续表" heading a continuation page */
  if (has(k, "续") && nchars(k) <= 12 && !title_at(x, j, &ts)) {
    x->used[j] = true;
    return RG_ON;
  }
  if (title_at(x, j, &ts)) return region_title_again(rg, ts);
  const cluster *cs;
  size_t nc;
  if (clusters_of(x, rg->pcs, l->page, &cs, &nc)) return RG_NOMEM;
  const cluster *cl = holding(cs, nc, l);
  /* the unit and 编制单位 lines before the grid (or inside its frame) */
  if (!rg->grid && (is_unit_key(k) || starts(k, "编制") ||
                    starts(k, "单位名称") || starts(k, "部门:"))) {
    region_caption(rg, l, k);
    return RG_ON;
  }
  /* notes below the grid; and a line between two of them that leads
   * into the next ("无…的，仍保留该表格式，并在本表下方作下述说明："
   * before "说明：…故本表无数据。") */
  const char *note = rg->note;
  bool lead_in = *note && !cl && l->page == x->L[j - 1]->page &&
                 (ends_with_key(k, ":") || ends_with_key(k, "："));
  if ((is_note_key(k) || lead_in) && !cl) {
    rg->note = *note ? ys_arena_printf(x->a, "%s\n%s", note, ys_line_text(d, l))
                     : ys_line_text(d, l);
    x->used[j] = true;
    return RG_ON;
  }
  bool in;
  int rc = region_in_grid(rg, cl, &in);
  if (rc != RG_ON) return rc;
  if (!in) {
    if (rg->grid || prose(x, j)) return RG_END;
    /* a stray line between title and grid */
    return RG_ON;
  }
  if (*note) return RG_END; /* a grid after the note is another table */
  if (tb_add(x, &rg->tb, l)) return RG_NOMEM;
  x->used[j] = true;
  rg->grid = true;
  rg->last_page = l->page;
  return RG_ON;
}

/* The table that the title at line i (tspan lines) opens, if a grid
 * follows it, else the title is a list entry; *next is the line after. */
static int table_region(lx *x, pagecl *pcs, size_t i, size_t tspan,
                        size_t *next) {
  ys_layout *out = x->out;
  region rg = {.x = x, .pcs = pcs, .i = i, .tspan = tspan};
  /* the region after the title */
  if (table_title(x, i, tspan, &rg.gt)) return YS_ENOMEM;
  rg.tb = (tabuild){NULL, NULL, 0, 0};
  rg.j = i + tspan;
  rg.grid = false;
  rg.last_page = x->L[i]->page;
  rg.note = "";
  for (; rg.j < x->n; rg.j++) {
    int rc = region_line(&rg);
    if (rc == RG_NOMEM) return YS_ENOMEM;
    if (rc == RG_END) break;
  }
  size_t j = rg.j;
  ys_gtable *gt = &rg.gt;
  if (!rg.grid) {
    /* no grid: a list entry, not a table */
    if (add_text_line(x, x->L[i])) return YS_ENOMEM;
    *next = i + 1;
    return YS_OK;
  }
  if (assemble(x, gt, pcs, &rg.tb)) return YS_ENOMEM;
  gt->note = rg.note;
  if (gt->nrows > 0) {
    ys_gtable *v =
        ys_arena_reserve(x->a, out->tables, out->n, &out->cap, sizeof *v);
    if (!v) return YS_ENOMEM;
    out->tables = v;
    out->tables[out->n++] = *gt;
  }
  /* lines of the region not in the grid go back to the narrative */
  for (size_t k = i + tspan; k < j; k++)
    if (!x->used[k] && *x->key[k] && add_text_line(x, x->L[k]))
      return YS_ENOMEM;
  *next = j;
  return YS_OK;
}

/* Finds the tables of a document: each title and the grid after it; the
 * other lines are the narrative. */
int ys_layout_find(ys_layout *out, ys_doc *d, ys_errors *errs) {
  memset(out, 0, sizeof *out);
  lx x = {d, d->arena, errs, out, NULL, 0, NULL, NULL};
  if (flatten(&x)) return YS_ENOMEM;
  pagecl *pcs = ys_arena_alloc(x.a, (d->n + 1) * sizeof *pcs);
  if (!pcs) return YS_ENOMEM;
  size_t i = 0;
  while (i < x.n) {
    size_t tspan = 0;
    if (!title_at(&x, i, &tspan)) {
      if (add_text_line(&x, x.L[i])) return YS_ENOMEM;
      i++;
      continue;
    }
    if (table_region(&x, pcs, i, tspan, &i)) return YS_ENOMEM;
  }
  /* text set in two columns, in reading order (columns.c) */
  return ys_layout_columns(out, d);
}

/* Cells are ordered by row, then column: the first cell of the row is found
 * by bisection, and only a cell that starts at most max_rs - 1 rows above
 * can reach down into it. A table's every cell is looked up, so a scan from
 * the first cell made reading a table quadratic in its cells. */
const ys_gcell *ys_gtable_at(const ys_gtable *t, int row, int col) {
  size_t lo = 0, hi = t->ncells;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->cells[mid].row < row)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < t->ncells && t->cells[i].row == row; i++) {
    const ys_gcell *c = &t->cells[i];
    if (c->col <= col && col < c->col + c->cs) return c;
  }
  for (size_t i = lo; i-- > 0;) {
    const ys_gcell *c = &t->cells[i];
    if (c->row + t->max_rs <= row) break;
    if (row < c->row + c->rs && c->col <= col && col < c->col + c->cs) return c;
  }
  return NULL;
}
