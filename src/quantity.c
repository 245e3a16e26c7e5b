/*
 * quantity.c - parse, combine, name and evaluate quantities.
 *
 * A table cell's quantity is the conjunction of the table's base filter, the
 * row's filter and the column's filter (ys_qfilter_and). Conjunction of two
 * code-prefix lists keeps, for every pair, the longer prefix when one extends
 * the other; an empty result means the cell can hold nothing (none = true),
 * which is how "basic personnel spending under 302" evaluates to zero
 * without special cases.
 *
 * Evaluation is a scan of the line items. A department has tens to a few
 * thousand items and a table a few hundred cells, so the scan is cheap; the
 * hot loop compares small integers and short prefixes only.
 */
#include "yusuan/quantity.h"
#include "yusuan/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <assert.h>
#include <string.h>

#include "yusuan/money.h"

/* A fund by its id (ys_fund_id: the one list of them, dataset.c) or one of
 * the sets named in quantities; 0 when unknown. */
static uint32_t fund_mask(const char *v, size_t n) {
  for (int f = YS_FUND_GPB; f < YS_FUND_COUNT; f++) {
    const char *id = ys_fund_id((ys_fund)f);
    if (strlen(id) == n && !memcmp(id, v, n)) return 1u << f;
  }
  if (n == 6 && !memcmp(v, "fiscal", 6))
    return (1u << YS_FUND_GPB) | (1u << YS_FUND_GOVFUND) | (1u << YS_FUND_SOC);
  if (n == 10 && !memcmp(v, "nonreserve", 10))
    return ((1u << YS_FUND_COUNT) - 2u) & ~(1u << YS_FUND_RESERVE);
  return 0;
}
#define FUND_ALL (((1u << YS_FUND_COUNT) - 1u) & ~1u)

static const char *const period_names[] = {NULL, "cur", "carry"};
static const char *const kind_names[] = {NULL,    "basic",     "project",
                                         "upper", "operation", "subsidy"};
static const char *const nature_names[] = {NULL, "personnel", "public"};
static const char *const phase_names[] = {NULL, "budget", "adjusted", "final"};
#define PERIOD_ALL 0x6u
#define KIND_ALL 0x3eu
#define NATURE_ALL 0x6u

static int lookup_name(const char *const *names, size_t n, const char *s,
                       size_t len) {
  for (size_t i = 1; i < n; i++)
    if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0) return (int)i;
  return 0;
}

void ys_qcodes_add(ys_qcodes *c, const char *code) {
  for (int i = 0; i < c->n; i++)
    if (strcmp(c->v[i], code) == 0) return;
  if (c->n < YS_Q_MAXCODES)
    c->v[c->n++] = code;
  else
    c->over = true;
}

bool ys_qfilter_over(const ys_qfilter *f) {
  return f->func.over || f->econ.over || f->gecon.over || f->unit.over ||
         f->project.over || f->pcat.over || f->key.over;
}

bool ys_qexpr_over(const ys_qexpr *e) {
  for (int i = 0; i < e->n; i++)
    if (ys_qfilter_over(&e->t[i])) return true;
  return false;
}

/* Why a quantity was refused: *why (if asked) an explanation in the
 * arena, quoting the part at fault; a fixed one when the arena refuses. */
static void set_err(const char **why, ys_arena *a, const char *fmt,
                    const char *part, size_t plen) {
  if (!why) return;
  const char *m = ys_arena_printf(a, fmt, (int)plen, part);
  *why = m ? m : "数量表达式有误";
}

/* Parses one term "src;dim=v|v;dim=v" of length len. */
/* One term, dimension by dimension (the names of quantity.h, each a few
 * lines of lookup and its own message): a list read top to bottom, kept
 * whole so that the syntax is in one place. */
static int parse_term(ys_qfilter *f, const char *s, size_t len, ys_arena *a,
                      const char **why) {
  memset(f, 0, sizeof *f);
  const char *end = s + len;
  const char *p = s;
  int first = 1;
  while (p < end) {
    const char *semi = memchr(p, ';', (size_t)(end - p));
    const char *fe = semi ? semi : end;
    while (p < fe && *p == ' ') p++;
    const char *fe2 = fe;
    while (fe2 > p && fe2[-1] == ' ') fe2--;
    size_t flen = (size_t)(fe2 - p);
    if (first) {
      if (flen == 3 && memcmp(p, "exp", 3) == 0)
        f->src = YS_Q_EXP;
      else if (flen == 3 && memcmp(p, "rev", 3) == 0)
        f->src = YS_Q_REV;
      else if (flen == 4 && memcmp(p, "fact", 4) == 0)
        f->src = YS_Q_FACT;
      else {
        set_err(why, a, "数量的来源应为 exp、rev 或 fact：“%.*s”", p, flen);
        return YS_EINPUT;
      }
      first = 0;
    } else if (flen) {
      const char *eq = memchr(p, '=', flen);
      if (!eq) {
        set_err(why, a, "应为“维度=值”：“%.*s”", p, flen);
        return YS_EINPUT;
      }
      size_t dlen = (size_t)(eq - p);
      const char *v = eq + 1;
      while (v < fe2) {
        const char *bar = memchr(v, '|', (size_t)(fe2 - v));
        const char *ve = bar ? bar : fe2;
        size_t vlen = (size_t)(ve - v);
        int idx;
#define DIM(lit) (dlen == sizeof(lit) - 1 && memcmp(p, lit, dlen) == 0)
        if (DIM("fund")) {
          uint32_t m = fund_mask(v, vlen);
          if (!m) {
            set_err(why, a, "未知的资金来源“%.*s”", v, vlen);
            return YS_EINPUT;
          }
          f->funds |= m;
        } else if (DIM("period")) {
          if (!(idx = lookup_name(period_names, 3, v, vlen))) {
            set_err(why, a, "未知的期间“%.*s”", v, vlen);
            return YS_EINPUT;
          }
          f->periods |= 1u << idx;
        } else if (DIM("kind")) {
          if (!(idx = lookup_name(kind_names, 6, v, vlen))) {
            set_err(why, a, "未知的支出类型“%.*s”", v, vlen);
            return YS_EINPUT;
          }
          f->kinds |= 1u << idx;
        } else if (DIM("phase")) {
          if (!(idx = lookup_name(phase_names, 4, v, vlen))) {
            set_err(why, a, "未知的阶段“%.*s”", v, vlen);
            return YS_EINPUT;
          }
          f->phases |= 1u << idx;
        } else if (DIM("year")) {
          if (vlen == 2 && !memcmp(v, "-1", 2)) {
            f->yoff = -1;
          } else if (vlen == 1 && *v == '0') {
            f->yoff = 0;
          } else {
            set_err(why, a, "year 只能是 0 或 -1：“%.*s”", v, vlen);
            return YS_EINPUT;
          }
        } else if (DIM("nature")) {
          if (!(idx = lookup_name(nature_names, 3, v, vlen))) {
            set_err(why, a, "未知的经费性质“%.*s”", v, vlen);
            return YS_EINPUT;
          }
          f->natures |= 1u << idx;
        } else {
          ys_qcodes *c = DIM("func")      ? &f->func
                         : DIM("econ")    ? &f->econ
                         : DIM("gecon")   ? &f->gecon
                         : DIM("unit")    ? &f->unit
                         : DIM("project") ? &f->project
                         : DIM("pcat")    ? &f->pcat
                         : DIM("key")     ? &f->key
                                          : NULL;
          if (!c) {
            set_err(why, a, "未知的维度“%.*s”", p, dlen);
            return YS_EINPUT;
          }
          if (c->n == YS_Q_MAXCODES) {
            set_err(why, a, "取值过多：“%.*s”", p, dlen);
            return YS_EINPUT;
          }
          char *code = ys_arena_strndup(a, v, vlen);
          if (!code) return YS_ENOMEM;
          ys_qcodes_add(c, code);
        }
#undef DIM
        v = bar ? bar + 1 : fe2;
      }
    }
    p = semi ? semi + 1 : end;
  }
  if (first) {
    set_err(why, a, "数量表达式为空%.*s", "", 0);
    return YS_EINPUT;
  }
  if (f->funds == FUND_ALL) f->funds = 0;
  if (f->periods == PERIOD_ALL) f->periods = 0;
  if (f->kinds == KIND_ALL) f->kinds = 0;
  if (f->natures == NATURE_ALL) f->natures = 0;
  return YS_OK;
}

int ys_qexpr_parse(ys_qexpr *out, const char *s, ys_arena *a,
                   const char **why) {
  memset(out, 0, sizeof *out);
  if (!s) return YS_OK;
  const char *p = s;
  int sign = 1;
  while (*p == ' ') p++;
  if (!*p) return YS_OK;
  for (;;) {
    /* Operators are " + " and " - " with spaces, so '-' inside a value
     * (a project code like 209002-001) is not an operator. */
    const char *plus = strstr(p, " + ");
    const char *minus = strstr(p, " - ");
    const char *op = plus && (!minus || plus < minus) ? plus : minus;
    size_t len = op ? (size_t)(op - p) : strlen(p);
    if (out->n == YS_Q_MAXTERMS) {
      set_err(why, a, "项数过多（至多 4 项）：“%.*s”", s, strlen(s));
      return YS_EINPUT;
    }
    int rc = parse_term(&out->t[out->n], p, len, a, why);
    if (rc) return rc;
    out->sign[out->n++] = sign;
    if (!op) break;
    sign = op[1] == '+' ? 1 : -1;
    p = op + 3;
  }
  return YS_OK;
}

static void and_codes(ys_qcodes *out, const ys_qcodes *x, const ys_qcodes *y,
                      bool *none) {
  if (!x->n) {
    *out = *y;
    return;
  }
  if (!y->n) {
    *out = *x;
    return;
  }
  ys_qcodes r = {0};
  r.over = x->over || y->over;
  for (int i = 0; i < x->n; i++)
    for (int j = 0; j < y->n; j++) {
      size_t lx = strlen(x->v[i]), ly = strlen(y->v[j]);
      if (lx <= ly && strncmp(x->v[i], y->v[j], lx) == 0)
        ys_qcodes_add(&r, y->v[j]);
      else if (ly < lx && strncmp(x->v[i], y->v[j], ly) == 0)
        ys_qcodes_add(&r, x->v[i]);
    }
  if (!r.n) *none = true;
  *out = r;
}

static uint32_t and_mask(uint32_t x, uint32_t y, bool *none) {
  if (!x) return y;
  if (!y) return x;
  if (!(x & y)) *none = true;
  return x & y;
}

void ys_qfilter_and(ys_qfilter *out, const ys_qfilter *x, const ys_qfilter *y,
                    ys_arena *a) {
  (void)a;
  ys_qfilter r = {0};
  r.none = x->none || y->none;
  if (x->src && y->src && x->src != y->src) r.none = true;
  r.src = x->src ? x->src : y->src;
  r.funds = and_mask(x->funds, y->funds, &r.none);
  r.periods = and_mask(x->periods, y->periods, &r.none);
  r.kinds = and_mask(x->kinds, y->kinds, &r.none);
  r.natures = and_mask(x->natures, y->natures, &r.none);
  r.phases = and_mask(x->phases, y->phases, &r.none);
  if (x->yoff && y->yoff && x->yoff != y->yoff) r.none = true;
  r.yoff = x->yoff ? x->yoff : y->yoff;
  and_codes(&r.func, &x->func, &y->func, &r.none);
  and_codes(&r.econ, &x->econ, &y->econ, &r.none);
  and_codes(&r.gecon, &x->gecon, &y->gecon, &r.none);
  and_codes(&r.unit, &x->unit, &y->unit, &r.none);
  and_codes(&r.project, &x->project, &y->project, &r.none);
  and_codes(&r.pcat, &x->pcat, &y->pcat, &r.none);
  and_codes(&r.key, &x->key, &y->key, &r.none);
  *out = r;
}

void ys_qexpr_and(ys_qexpr *out, const ys_qexpr *e, const ys_qfilter *b,
                  ys_arena *a) {
  ys_qexpr r = *e;
  for (int i = 0; i < r.n; i++) ys_qfilter_and(&r.t[i], &e->t[i], b, a);
  *out = r;
}

void ys_qexpr_cell(ys_qexpr *out, const ys_qexpr *col, const ys_qfilter *base,
                   const ys_qfilter *row, ys_arena *a) {
  ys_qexpr e;
  if (col && col->n) {
    e = *col;
  } else {
    memset(&e, 0, sizeof e);
    e.n = 1;
    e.sign[0] = 1;
    e.t[0].src = base && base->src ? base->src : YS_Q_EXP;
  }
  for (int i = 0; i < e.n; i++) {
    ys_qfilter *t = &e.t[i];
    if (t->src == YS_Q_FACT) {
      /* facts take the row's unit, and the fact a row names (固定资产:
       * a column of "fact" shows each row's own fact) */
      if (row && (row->unit.n || row->key.n)) {
        ys_qfilter u = {0};
        u.unit = row->unit;
        u.key = row->key;
        ys_qfilter_and(t, t, &u, a);
      }
      continue;
    }
    if (base && (base->src == YS_Q_NONE || base->src == t->src))
      ys_qfilter_and(t, t, base, a);
    else if (base)
      t->none = true;
    if (row) ys_qfilter_and(t, t, row, a);
  }
  *out = e;
}

static bool mask_within(uint32_t part, uint32_t whole) {
  return !whole || (part && !(part & ~whole));
}

static bool codes_within(const ys_qcodes *part, const ys_qcodes *whole) {
  if (!whole->n) return true;
  if (!part->n) return false;
  for (int i = 0; i < part->n; i++) {
    bool in = false;
    for (int j = 0; j < whole->n && !in; j++)
      in = !strncmp(part->v[i], whole->v[j], strlen(whole->v[j]));
    if (!in) return false;
  }
  return true;
}

bool ys_qfilter_within(const ys_qfilter *f, const ys_qfilter *whole) {
  if (whole->src && f->src && f->src != whole->src) return false;
  return mask_within(f->funds, whole->funds) &&
         mask_within(f->periods, whole->periods) &&
         mask_within(f->kinds, whole->kinds) &&
         mask_within(f->natures, whole->natures) &&
         mask_within(f->phases, whole->phases) &&
         (!whole->yoff || f->yoff == whole->yoff) &&
         codes_within(&f->func, &whole->func) &&
         codes_within(&f->econ, &whole->econ) &&
         codes_within(&f->gecon, &whole->gecon) &&
         codes_within(&f->unit, &whole->unit) &&
         codes_within(&f->project, &whole->project) &&
         codes_within(&f->pcat, &whole->pcat) &&
         codes_within(&f->key, &whole->key);
}

void ys_qfilter_widen(ys_qfilter *f, const ys_qfilter *vacuous) {
  const ys_qfilter *v = vacuous;
  if (v->src && f->src != v->src) return;
  if (v->funds && f->funds == v->funds) f->funds = 0;
  if (v->periods && f->periods == v->periods) f->periods = 0;
  if (v->kinds && f->kinds == v->kinds) f->kinds = 0;
  if (v->natures && f->natures == v->natures) f->natures = 0;
  if (v->unit.n == 1 && f->unit.n == 1 && !strcmp(f->unit.v[0], v->unit.v[0]))
    f->unit.n = 0;
}

/* --- canonical keys ---------------------------------------------------- */

static int cmp_str(const void *x, const void *y) {
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void key_mask(ys_buf *b, const char *dim, uint32_t mask,
                     const char *const *names, size_t n) {
  if (!mask) return;
  ys_buf_puts(b, "|");
  ys_buf_puts(b, dim);
  ys_buf_puts(b, "=");
  int first = 1;
  for (size_t i = 1; i < n; i++)
    if (mask & (1u << i)) {
      if (!first) ys_buf_puts(b, "+");
      ys_buf_puts(b, names[i]);
      first = 0;
    }
}

static void key_codes(ys_buf *b, const char *dim, const ys_qcodes *c) {
  if (!c->n) return;
  const char *v[YS_Q_MAXCODES];
  memcpy(v, c->v, sizeof(v[0]) * (size_t)c->n);
  if (c->n > 1) qsort(v, (size_t)c->n, sizeof v[0], cmp_str);
  ys_buf_puts(b, "|");
  ys_buf_puts(b, dim);
  ys_buf_puts(b, "=");
  for (int i = 0; i < c->n; i++) {
    if (i) ys_buf_puts(b, "+");
    ys_buf_puts(b, v[i]);
  }
}

static void key_filter(ys_buf *b, const ys_qfilter *f) {
  const char *fund_keys[YS_FUND_COUNT];
  for (int i = 0; i < YS_FUND_COUNT; i++) fund_keys[i] = ys_fund_id((ys_fund)i);
  if (f->none) {
    ys_buf_puts(b, "none");
    return;
  }
  ys_buf_puts(b, f->src == YS_Q_EXP    ? "exp"
                 : f->src == YS_Q_REV  ? "rev"
                 : f->src == YS_Q_FACT ? "fact"
                                       : "?");
  key_mask(b, "fund", f->funds, fund_keys, YS_FUND_COUNT);
  key_mask(b, "period", f->periods, period_names, 3);
  key_mask(b, "kind", f->kinds, kind_names, 6);
  key_mask(b, "nature", f->natures, nature_names, 3);
  key_mask(b, "phase", f->phases, phase_names, 4);
  if (f->yoff) ys_buf_puts(b, "|year=-1");
  key_codes(b, "func", &f->func);
  key_codes(b, "econ", &f->econ);
  key_codes(b, "gecon", &f->gecon);
  key_codes(b, "unit", &f->unit);
  key_codes(b, "project", &f->project);
  key_codes(b, "pcat", &f->pcat);
  key_codes(b, "key", &f->key);
}

char *ys_qfilter_key(ys_arena *a, const ys_qfilter *f) {
  ys_buf b = {0};
  key_filter(&b, f);
  if (b.oom) ys_arena_fail(a); /* the key the arena was to hold */
  char *r = b.oom ? NULL : ys_arena_strdup(a, b.s ? b.s : "");
  ys_buf_free(&b);
  return r;
}

char *ys_qfilter_text(ys_arena *a, const ys_qfilter *f) {
  if (f->src == YS_Q_NONE) return NULL;
  char *k = ys_qfilter_key(a, f);
  /* the key sets dimensions apart with '|' and alternatives with '+';
   * what ys_qexpr_parse reads, with ';' and '|' */
  for (char *p = k; p && *p; p++) *p = *p == '|' ? ';' : *p == '+' ? '|' : *p;
  return k;
}

char *ys_qexpr_key(ys_arena *a, const ys_qexpr *e) {
  assert(e->n >= 0 && e->n <= YS_Q_MAXTERMS); /* ys_qexpr_parse's bound */
  ys_buf b = {0};
  for (int i = 0; i < e->n; i++) {
    if (i)
      ys_buf_puts(&b, e->sign[i] > 0 ? " + " : " - ");
    else if (e->sign[i] < 0)
      ys_buf_puts(&b, "- ");
    key_filter(&b, &e->t[i]);
  }
  if (b.oom) ys_arena_fail(a); /* the key the arena was to hold */
  char *r = b.oom ? NULL : ys_arena_strdup(a, b.s ? b.s : "");
  ys_buf_free(&b);
  return r;
}

/* --- evaluation -------------------------------------------------------- */

static bool match_prefix(const ys_qcodes *c, const char *code) {
  if (!c->n) return true;
  if (!code) return false;
  for (int i = 0; i < c->n; i++)
    if (strncmp(code, c->v[i], strlen(c->v[i])) == 0) return true;
  return false;
}

static bool match_exact(const ys_qcodes *c, const char *s) {
  if (!c->n) return true;
  if (!s) return false;
  for (int i = 0; i < c->n; i++)
    if (strcmp(s, c->v[i]) == 0) return true;
  return false;
}

/* An amount of another phase than the filter's: a 决算 dataset's 年初预算
 * figures are not its spending, and a 预算 profile's table (no phase)
 * shows the dataset's own figures whatever other phases it holds. */
static bool phase_in(const ys_qfilter *f, const ys_dataset *ds, ys_phase p) {
  if (f->phases) return (f->phases & (1u << p)) != 0;
  ys_phase own = ds && ds->phase ? ds->phase : YS_PHASE_BUDGET;
  return p == own || p == YS_PHASE_NONE;
}

bool ys_qfilter_match_item(const ys_qfilter *f, const ys_dataset *ds,
                           const ys_line_item *it) {
  if (f->none || f->src != YS_Q_EXP) return false;
  if (!phase_in(f, ds, it->phase)) return false;
  if (f->funds && !(f->funds & (1u << it->fund))) return false;
  if (f->periods && !(f->periods & (1u << it->period))) return false;
  if (f->kinds && !(f->kinds & (1u << it->kind))) return false;
  if (f->natures && !(f->natures & (1u << it->nature))) return false;
  if (!match_prefix(&f->func, it->func)) return false;
  if (!match_prefix(&f->econ, it->econ)) return false;
  if (!match_prefix(&f->gecon, it->gecon)) return false;
  if (!match_prefix(&f->unit, it->unit)) return false;
  if (!match_exact(&f->project, it->project)) return false;
  if (f->pcat.n) {
    const ys_project *p =
        it->project ? ys_dataset_project(ds, it->project) : NULL;
    if (!p || !match_exact(&f->pcat, p->category)) return false;
  }
  return true;
}

void ys_qfilter_items(ys_item_iter *k, const ys_qfilter *f,
                      const ys_dataset *ds) {
  *k = (ys_item_iter){.f = f, .ds = ds, .n = ds ? ds->n_items : 0};
  if (!ds || f->none || f->src != YS_Q_EXP) {
    k->n = 0;
    return;
  }
  const ys_qcodes *dims[YS_IDIM_COUNT] = {&f->unit, &f->func, &f->econ,
                                          &f->project};
  for (int d = 0; d < YS_IDIM_COUNT; d++) {
    /* one code only: the runs of several codes may overlap (209, 209002) */
    if (dims[d]->n != 1) continue;
    const ys_line_item *const *run;
    size_t n = ys_dataset_items_under(ds, (ys_item_dim)d, dims[d]->v[0],
                                      d == YS_IDIM_PROJECT, &run);
    if (n != SIZE_MAX && (!k->run || n < k->n)) {
      k->run = run;
      k->n = n;
    }
  }
}

const ys_line_item *ys_item_next(ys_item_iter *k) {
  while (k->i < k->n) {
    size_t i = k->i++;
    const ys_line_item *it = k->run ? k->run[i] : &k->ds->items[i];
    if (ys_qfilter_match_item(k->f, k->ds, it)) return it;
  }
  return NULL;
}

bool ys_qfilter_match_revenue(const ys_qfilter *f, const ys_dataset *ds,
                              const ys_revenue *r) {
  if (f->none || f->src != YS_Q_REV) return false;
  if (!phase_in(f, ds, r->phase)) return false;
  if (f->kinds || f->natures || f->econ.n || f->gecon.n || f->project.n ||
      f->pcat.n)
    return false;
  /* income by function (a 决算's 收入决算表): only revenues that name one */
  if (!match_prefix(&f->func, r->func)) return false;
  if (f->funds && !(f->funds & (1u << r->fund))) return false;
  if (f->periods && !(f->periods & (1u << r->period))) return false;
  return match_prefix(&f->unit, r->unit);
}

static int64_t fact_value(const ys_dataset *ds, const char *key,
                          const ys_qfilter *f) {
  int64_t v = 0;
  char buf[256];
  if (f->unit.n == 1) {
    snprintf(buf, sizeof buf, "%s@%s", key, f->unit.v[0]);
    if (ys_dataset_fact_amount(ds, buf, &v) == 0) return v;
    /* A department-wide fact stands for its only unit; with several units
     * an unsplit fact cannot be attributed and counts as zero there. */
    if (ds->n_units != 1) return 0;
  }
  if (ys_dataset_fact_amount(ds, key, &v) == 0) return v;
  if (f->unit.n) return 0;
  /* The department as a whole: the sum of the fact split by unit. */
  int64_t sum = 0;
  int n = snprintf(buf, sizeof buf, "%s@", key);
  for (size_t i = 0; i < ds->n_facts; i++)
    if (n > 0 && strncmp(ds->facts[i].key, buf, (size_t)n) == 0 &&
        ys_dataset_fact_amount(ds, ds->facts[i].key, &v) == 0)
      sum += v;
  return sum;
}

int64_t ys_qfilter_eval(const ys_qfilter *f, const ys_dataset *ds) {
  int64_t sum = 0;
  if (f->none) return 0;
  switch (f->src) {
  case YS_Q_EXP: {
    ys_item_iter k;
    ys_qfilter_items(&k, f, ds);
    for (const ys_line_item *it; (it = ys_item_next(&k));) sum += it->amount;
    break;
  }
  case YS_Q_REV: {
    /* one unit: its run of the revenue index, not every revenue */
    const ys_revenue *const *run = NULL;
    size_t n = f->unit.n == 1
                   ? ys_dataset_revenues_under(ds, f->unit.v[0], &run)
                   : SIZE_MAX;
    if (n == SIZE_MAX) {
      run = NULL;
      n = ds->n_revenues;
    }
    for (size_t i = 0; i < n; i++) {
      const ys_revenue *r = run ? run[i] : &ds->revenues[i];
      if (ys_qfilter_match_revenue(f, ds, r)) sum += r->amount;
    }
    break;
  }
  case YS_Q_FACT:
    for (int i = 0; i < f->key.n; i++) sum += fact_value(ds, f->key.v[i], f);
    break;
  default:
    break;
  }
  return sum;
}

int64_t ys_qexpr_eval(const ys_qexpr *e, const ys_dataset *ds) {
  int64_t sum = 0;
  for (int i = 0; i < e->n; i++)
    sum += e->sign[i] * ys_qfilter_eval(&e->t[i], ds);
  return sum;
}

int ys_phase_named(const char *in) {
  if (!in) return 0;
  /* headers print words spaced out ("预 算 数") */
  char s[256];
  size_t n = 0;
  for (const char *p = in; *p && n + 1 < sizeof s; p++)
    if (*p != ' ') s[n++] = *p;
  s[n] = 0;
  if (strstr(s, "决算") || strstr(s, "执行") || strstr(s, "完成"))
    return YS_PHASE_FINAL;
  /* 预算 in a budget's name (一般公共预算支出) is no measure */
  static const char *const fund[] = {"一般公共预算", "政府性基金预算",
                                     "国有资本经营预算", "社会保险基金预算"};
  for (const char *p = strstr(s, "预算"); p; p = strstr(p + 1, "预算")) {
    bool named = false;
    for (size_t i = 0; i < sizeof fund / sizeof fund[0] && !named; i++) {
      size_t k = strlen(fund[i]) - strlen("预算");
      named = (size_t)(p - s) >= k && !strncmp(p - k, fund[i], k);
    }
    if (!named) return YS_PHASE_BUDGET;
  }
  return 0;
}
