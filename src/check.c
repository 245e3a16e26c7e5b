/*
 * check.c - verify disclosure tables: observations, identities, blame.
 *
 * 1. Recognise: each raw table is matched to a profile table by its title
 *    (the longest profile title contained in the printed one), and the
 *    profile itself is the one whose titles match most tables.
 * 2. Observe: every amount cell becomes an observation of a quantity. The
 *    row's filter comes from what is printed (a code, a unit, a project
 *    name, a fixed label such as 本年收入合计); the column's quantity and
 *    the table base come from the profile. ys_qexpr_cell makes the key, so
 *    the vocabulary is compile's.
 * 3. Identities: row = Σ its children (code trees, 合计 rows, panel
 *    headings), column sums declared in the profile, the closing totals of
 *    a 收支总表, and every pair of observations of one quantity. A printed
 *    value stands for the whole-分 amounts that round (half away from zero)
 *    to it: [v − h, v + h − 1] for v > 0 with h half a printed unit, and
 *    exactly v when the print reaches 分. An identity Σ coef·x = 0 holds
 *    when some choice of true values in those intervals satisfies it: the
 *    XBRL Calculations 1.1 interval test, done in exact integers.
 * 4. Blame: a wrong cell breaks every identity it is in. Repeatedly pick the
 *    cell whose single correction repairs the most failing identities and
 *    breaks none that hold; it needs at least two (one identity alone cannot
 *    say which of its cells is wrong). What is left is reported as a
 *    conflict between the cells, without a guess.
 *
 * Everything allocated lives in one arena per checked document.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile_impl.h"
#include "yusuan/check.h"
#include "yusuan/quantity.h"
#include "yusuan/text.h"

typedef struct obs {
  const char *key;
  int64_t v;      /* printed value in 分 */
  int64_t lo, hi; /* true value ∈ [v − lo, v + hi] */
  const char *file, *table, *row, *col, *text;
  int line;
  ys_unit unit;
  int decimals;
  bool blamed;
  bool narrative; /* stated in the text, not printed in a table */
  bool unclear;   /* narrative total whose period the text leaves open */
} obs;

typedef struct ident {
  const char *rule;
  int n;
  int *idx;
  signed char *coef;
  int anchor;       /* the total: where an unexplained failure is reported */
  int64_t resid;    /* Σ coef·v */
  int64_t slo, shi; /* Σ coef·x ranges over [resid − slo, resid + shi] */
  bool failed, explained;
} ident;

typedef struct chk {
  const ys_rdoc *doc;
  const ys_catalog *cat;
  const ys_check_options *opt;
  ys_findings *out;
  ys_arena *a;
  const ys_profile *p;
  int year;
  obs *o;
  size_t no, co;
  ident *id;
  size_t ni, ci;
} chk;

/* --- small helpers ----------------------------------------------------- */

static const char *key_of(chk *c, const char *s) {
  const char *k = ys_text_key(c->a, s ? s : "", s ? strlen(s) : 0);
  return k ? k : "";
}

/* Strips list numbering ("一、", "1、", "(1)", "（一）", "10、") and spaces,
 * for matching printed labels against profile labels. */
static const char *label_key(chk *c, const char *s) {
  const char *k = key_of(c, s);
  for (;;) {
    const char *p = k;
    if (*p == '(') {
      const char *q = strchr(p, ')');
      if (q && q - p <= 10) {
        k = q + 1;
        continue;
      }
    }
    /* digits or Chinese numerals followed by 、 or . */
    static const char *const cn[] = {"一", "二", "三", "四", "五", "六",
                                     "七", "八", "九", "十", "〇"};
    const char *q = p;
    for (;;) {
      if (*q >= '0' && *q <= '9') {
        q++;
        continue;
      }
      bool hit = false;
      for (size_t i = 0; i < sizeof cn / sizeof cn[0]; i++)
        if (strncmp(q, cn[i], 3) == 0) {
          q += 3;
          hit = true;
          break;
        }
      if (!hit) break;
    }
    if (q > p && strncmp(q, "、", 3) == 0) {
      k = q + 3;
      continue;
    }
    if (q > p && *q == '.' && !(q[1] >= '0' && q[1] <= '9')) {
      k = q + 1;
      continue;
    }
    break;
  }
  return k;
}

/* Does a printed label (as a key) match a profile label that may hold
 * placeholders ("{dept_code}-{dept_name}部门")? The literal parts must
 * appear in order, the first at the start and the last at the end. */
static bool label_matches(chk *c, const char *printed_key, const char *tpl) {
  if (!strchr(tpl, '{')) return strcmp(label_key(c, tpl), printed_key) == 0;
  const char *p = printed_key;
  const char *t = tpl;
  bool first = true;
  while (*t) {
    const char *open = strchr(t, '{');
    size_t len = open ? (size_t)(open - t) : strlen(t);
    char lit[256];
    if (len >= sizeof lit) return false;
    memcpy(lit, t, len);
    lit[len] = '\0';
    const char *k = key_of(c, lit);
    size_t kl = strlen(k);
    if (kl) {
      if (first && strncmp(p, k, kl)) return false;
      const char *hit = strstr(p, k);
      if (!hit) return false;
      if (!open && strcmp(hit + kl, "") && strlen(p) >= kl &&
          strcmp(p + strlen(p) - kl, k))
        return false;
      p = hit + kl;
    }
    first = false;
    if (!open) break;
    const char *close = strchr(open, '}');
    if (!close) return false;
    t = close + 1;
  }
  return true;
}

static bool all_digits(const char *s) {
  if (!*s) return false;
  for (; *s; s++)
    if (*s < '0' || *s > '9') return false;
  return true;
}

/* Indentation depth of a printed name, in units of the profile indent. */
static int indent_level(const char *s, const char *indent) {
  size_t il = strlen(indent);
  int n = 0;
  if (!il) return 0;
  while (strncmp(s, indent, il) == 0) {
    s += il;
    n++;
  }
  return n;
}

static int64_t pow10i(int d) {
  int64_t r = 1;
  while (d-- > 0) r *= 10;
  return r;
}

/* Sets the interval of a printed value v with d decimals in unit u. Half a
 * printed unit in 分 is h; rounding half away from zero maps the amounts
 * [v − h, v + h − 1] to a positive v, [v − h + 1, v + h] to a negative one
 * and (−h, h) to zero. A print that reaches 分 is exact. */
static void bounds(obs *o, ys_unit u, int d) {
  int64_t step = ys_unit_fen(u) / pow10i(d); /* 分 per printed unit */
  int64_t h = step >= 2 ? step / 2 : 0;
  if (!h)
    o->lo = o->hi = 0;
  else if (o->v > 0)
    o->lo = h, o->hi = h - 1;
  else if (o->v < 0)
    o->lo = h - 1, o->hi = h;
  else
    o->lo = o->hi = h - 1;
}

static const char *fmt_amount(chk *c, int64_t v, ys_unit u, int d) {
  char buf[64];
  ys_money_format(buf, sizeof buf, v, u, d, 0);
  return ys_arena_strdup(c->a, buf);
}

/* An exact amount (分) in unit u, at least d decimals, trailing zeros
 * beyond d trimmed: for differences smaller than the printed precision. */
static const char *fmt_exact(chk *c, int64_t v, ys_unit u, int d) {
  char buf[64];
  int full = u == YS_UNIT_WANYUAN ? 6 : 2;
  ys_money_format(buf, sizeof buf, v, u, full, 0);
  size_t len = strlen(buf);
  char *dot = strchr(buf, '.');
  while (dot && len > 0 && buf[len - 1] == '0' &&
         (int)(len - 1 - (size_t)(dot - buf)) > d)
    buf[--len] = '\0';
  if (dot && buf[len - 1] == '.') buf[--len] = '\0';
  return ys_arena_strdup(c->a, buf);
}

static int add_obs(chk *c, const char *key, const ys_amount *am, ys_unit u,
                   const char *file, const char *table, const char *row,
                   const char *col, const char *text, int line) {
  if (c->no == c->co) {
    size_t cap = c->co ? c->co * 2 : 256;
    obs *o = ys_arena_grow(c->a, c->o, c->no, cap, sizeof *o);
    if (!o) return -1;
    c->o = o;
    c->co = cap;
  }
  obs *o = &c->o[c->no];
  memset(o, 0, sizeof *o);
  o->key = key;
  o->v = am->fen;
  bounds(o, u, am->decimals);
  o->unit = u;
  o->decimals = am->decimals;
  o->file = file;
  o->table = table;
  o->row = row;
  o->col = col;
  o->text = text;
  o->line = line;
  return (int)c->no++;
}

static ident *add_ident(chk *c, const char *rule, int n) {
  if (c->ni == c->ci) {
    size_t cap = c->ci ? c->ci * 2 : 256;
    ident *x = ys_arena_grow(c->a, c->id, c->ni, cap, sizeof *x);
    if (!x) return NULL;
    c->id = x;
    c->ci = cap;
  }
  ident *x = &c->id[c->ni++];
  memset(x, 0, sizeof *x);
  x->rule = rule;
  x->idx = ys_arena_alloc(c->a, sizeof(int) * (size_t)(n ? n : 1));
  x->coef = ys_arena_alloc(c->a, (size_t)(n ? n : 1));
  if (!x->idx || !x->coef) {
    c->ni--;
    return NULL;
  }
  return x;
}

static ys_finding *add_finding(chk *c, const char *rule, ys_severity sev) {
  ys_findings *f = c->out;
  if (f->n == f->cap) {
    size_t cap = f->cap ? f->cap * 2 : 64;
    ys_finding *x = ys_arena_grow(f->arena, f->items, f->n, cap, sizeof *x);
    if (!x) return NULL;
    f->items = x;
    f->cap = cap;
  }
  ys_finding *x = &f->items[f->n++];
  memset(x, 0, sizeof *x);
  x->rule = rule;
  x->severity = sev;
  x->table = x->row = x->column = x->found = x->expected = x->difference =
      x->unit = x->message = x->file = "";
  return x;
}

/* Copies a string into the findings' arena (findings outlive the check). */
static const char *fs(chk *c, const char *s) {
  return ys_arena_strdup(c->out->arena, s ? s : "");
}

/* --- recognition ------------------------------------------------------- */

/* The profile title as a key, with {prefix} and a leading year removed, so
 * "2024 年单位综合预算收支总表" and "部门综合预算收支总表" both match. */
static const char *title_core(chk *c, const char *title) {
  const char *at = strstr(title, "{prefix}");
  const char *t =
      at ? ys_arena_printf(c->a, "%.*s%s", (int)(at - title), title, at + 8)
         : title;
  return key_of(c, t);
}

/* The profile table a printed title names: the longest profile title
 * (without {prefix}) contained in it. *len gets that length, which scores
 * how specific the match is. */
static const ys_ptable *match_table_len(chk *c, const ys_profile *p,
                                        const ys_rtable *rt, size_t *len) {
  const char *k = key_of(c, rt->title);
  const ys_ptable *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; i < p->n; i++) {
    const char *core = title_core(c, p->tables[i].title);
    size_t l = strlen(core);
    if (l && strstr(k, core) && l > best_len) {
      best = &p->tables[i];
      best_len = l;
    }
  }
  if (len) *len = best_len;
  return best;
}

static const ys_ptable *match_table(chk *c, const ys_profile *p,
                                    const ys_rtable *rt) {
  return match_table_len(c, p, rt, NULL);
}

/* --- observing --------------------------------------------------------- */

/* An amount cell that could not be read: identities through it are not
 * checked (its value is unknown, not zero). */
#define UNREADABLE (-2)

typedef struct rowinfo {
  int level;
  bool subset, total, placed;
  const char *label;
  int first_obs; /* index of the row's first observation, -1 = none */
} rowinfo;

static const char *table_name(chk *c, const ys_rtable *rt) {
  return ys_arena_printf(c->a, "%s%s%s", rt->number, *rt->number ? " " : "",
                         rt->title);
}

static void unplaced(chk *c, const ys_rtable *rt, const char *tname,
                     const ys_rrow *row, const char *why) {
  ys_finding *f = add_finding(c, "parse.unplaced", YS_SEV_INFO);
  if (!f) return;
  f->file = fs(c, rt->file);
  f->line = row->line;
  f->table = fs(c, tname);
  f->row = fs(c, row->n ? row->cells[0].text : "");
  f->message = fs(c, why);
}

/* Parses an amount cell; an empty cell is an exact zero at the table's
 * precision. Returns false for text that is not an amount. */
static bool cell_amount(chk *c, const ys_rtable *rt, const ys_ptable *pt,
                        const char *tname, const ys_rcell *cell, ys_amount *am,
                        const char *row, const char *col) {
  const char *why = NULL;
  size_t len = strlen(cell->text);
  if (ys_money_parse(am, cell->text, len, rt->unit_known ? rt->unit : pt->unit,
                     &why) == YS_OK) {
    if (am->empty) am->decimals = pt->decimals;
    return true;
  }
  ys_finding *f = add_finding(c, "parse.bad-amount", YS_SEV_WARNING);
  if (f) {
    f->file = fs(c, rt->file);
    f->line = cell->line;
    f->table = fs(c, tname);
    f->row = fs(c, row);
    f->column = fs(c, col);
    f->found = fs(c, cell->text);
    char msg[512];
    snprintf(msg, sizeof msg,
             "单元格“%s”无法识别为金额（%s），此单元格及其所在的勾稽关系未检查",
             cell->text, why ? why : "格式不对");
    f->message = fs(c, msg);
  }
  return false;
}

/* Identities "row = Σ children" over one sequence of rows. */
static void tree_idents(chk *c, const rowinfo *ri, size_t n, size_t ncols,
                        const int *obs_at /* n × ncols, -1 none */,
                        const char *rule_tree, const char *rule_rows,
                        const bool *is_code_row) {
  for (size_t i = 0; i < n; i++) {
    if (!ri[i].placed || ri[i].subset) continue;
    size_t kids[512];
    size_t nk = 0;
    for (size_t j = i + 1; j < n && nk < 512; j++) {
      if (!ri[j].placed) continue;
      if (ri[j].level <= ri[i].level) break;
      if (ri[j].level == ri[i].level + 1 && !ri[j].subset) kids[nk++] = j;
    }
    if (!nk) continue;
    const char *rule = is_code_row && is_code_row[i] ? rule_tree : rule_rows;
    for (size_t k = 0; k < ncols; k++) {
      int t = obs_at[i * ncols + k];
      if (t < 0) continue;
      size_t have = 0;
      bool unreadable = false;
      for (size_t m = 0; m < nk; m++) {
        have += obs_at[kids[m] * ncols + k] >= 0;
        unreadable = unreadable || obs_at[kids[m] * ncols + k] == UNREADABLE;
      }
      if (!have || unreadable) continue;
      ident *x = add_ident(c, rule, (int)have + 1);
      if (!x) return;
      x->idx[x->n] = t;
      x->coef[x->n++] = -1;
      x->anchor = t;
      for (size_t m = 0; m < nk; m++) {
        int o = obs_at[kids[m] * ncols + k];
        if (o < 0) continue;
        x->idx[x->n] = o;
        x->coef[x->n++] = 1;
      }
    }
  }
}

static const char *amount_key(chk *c, const ys_ptable *pt, const ys_qexpr *q,
                              const ys_qfilter *row) {
  ys_qexpr e;
  ys_qexpr_cell(&e, q, pt->has_base ? &pt->base : NULL, row, c->a);
  const char *k = ys_qexpr_key(c->a, &e);
  return k ? k : "";
}

/* Catalogue checks of one code row: known, name right for the year, under
 * the right parent. */
static void catalog_row(chk *c, const ys_rtable *rt, const char *tname,
                        ys_cls cls, const char *code, const char *name,
                        const char *parent, int line) {
  const ys_cat_entry *e = ys_catalog_lookup(c->cat, cls, code, c->year);
  char msg[768];
  if (!e) {
    const ys_cat_entry *v[8];
    size_t nv = ys_catalog_versions(c->cat, cls, code, v, 8);
    ys_finding *f = add_finding(c, "catalog.unknown-code", YS_SEV_WARNING);
    if (!f) return;
    f->file = fs(c, rt->file);
    f->line = line;
    f->table = fs(c, tname);
    f->row = fs(c, name);
    f->found = fs(c, code);
    if (nv)
      snprintf(msg, sizeof msg,
               "科目编码 %s（%s）在 %d 年的科目表中无效（%d–%d 年有效）", code,
               v[nv - 1]->name, c->year, v[0]->valid_from, v[nv - 1]->valid_to);
    else
      snprintf(msg, sizeof msg, "科目编码 %s 不在政府收支分类科目表中", code);
    f->message = fs(c, msg);
    return;
  }
  if (parent && *parent && strncmp(code, parent, strlen(parent)) != 0) {
    ys_finding *f = add_finding(c, "catalog.wrong-parent", YS_SEV_ERROR);
    if (f) {
      f->file = fs(c, rt->file);
      f->line = line;
      f->table = fs(c, tname);
      f->row = fs(c, name);
      f->found = fs(c, code);
      snprintf(msg, sizeof msg, "科目 %s %s 列在 %s 之下，但不属于该科目", code,
               name, parent);
      f->message = fs(c, msg);
    }
  }
  if (!name || !*name) return;
  const char *nk = label_key(c, name);
  if (strcmp(nk, key_of(c, e->name)) == 0) return;
  const ys_cat_entry *v[8];
  size_t nv = ys_catalog_versions(c->cat, cls, code, v, 8);
  for (size_t i = 0; i < nv && i < 8; i++)
    if (strcmp(nk, key_of(c, v[i]->name)) == 0) {
      ys_finding *f = add_finding(c, "catalog.name-year", YS_SEV_WARNING);
      if (!f) return;
      f->file = fs(c, rt->file);
      f->line = line;
      f->table = fs(c, tname);
      f->row = fs(c, name);
      f->found = fs(c, name);
      f->expected = fs(c, e->name);
      snprintf(msg, sizeof msg,
               "“%s”是科目 %s 的旧名称（%d–%d 年），%d 年应为“%s”", name, code,
               v[i]->valid_from, v[i]->valid_to, c->year, e->name);
      f->message = fs(c, msg);
      return;
    }
  /* 其它 and 其他 are one word; a name that contains the catalogue's or is
   * contained in it (一般行政 for 一般行政管理事务, 城镇职工… for 职工…) is
   * a non-standard spelling (warning); anything else names another
   * class (error). */
  const char *ek = key_of(c, e->name);
  char a[512], b[512];
  snprintf(a, sizeof a, "%s", nk);
  snprintf(b, sizeof b, "%s", ek);
  for (char *q; (q = strstr(a, "其它"));) memcpy(q, "其他", strlen("其他"));
  for (char *q; (q = strstr(b, "其它"));) memcpy(q, "其他", strlen("其他"));
  bool variant = !strcmp(a, b);
  bool contained = strstr(a, b) || strstr(b, a);
  ys_finding *f =
      add_finding(c, "catalog.name-mismatch",
                  variant || contained ? YS_SEV_WARNING : YS_SEV_ERROR);
  if (!f) return;
  f->file = fs(c, rt->file);
  f->line = line;
  f->table = fs(c, tname);
  f->row = fs(c, name);
  f->found = fs(c, name);
  f->expected = fs(c, e->name);
  snprintf(msg, sizeof msg,
           variant
               ? "科目 %s 的规范名称为“%s”，表中写作“%s”（“其它”应作“其他”）"
           : contained
               ? "科目 %s 的规范名称为“%s”，表中写作“%s”（名称不完整或不规范）"
               : "科目 %s 的名称应为“%s”，表中写作“%s”",
           code, e->name, name);
  f->message = fs(c, msg);
}

static void rate_check(chk *c, const ys_rtable *rt, const char *tname,
                       const char *name, const char *value_text, int line);

/* Is name one of the unit names already seen in this table? (Units and
 * classes never share names, but a unit row must not be read as one.) */
static bool unit_like(chk *c, const char *name, const char *const *seen) {
  (void)c;
  for (int i = 0; seen[i]; i++)
    if (!strcmp(seen[i], name)) return true;
  return false;
}

static void observe_grid(chk *c, const ys_rtable *rt, const ys_ptable *pt,
                         const char *tname, size_t body) {
  size_t nc = pt->ncols;
  size_t nr = rt->nrows > body ? rt->nrows - body : 0;
  rowinfo *ri = ys_arena_alloc(c->a, sizeof(rowinfo) * (nr + 1));
  int *obs_at = ys_arena_alloc(c->a, sizeof(int) * (nr * nc + 1));
  bool *is_code = ys_arena_alloc(c->a, sizeof(bool) * (nr + 1));
  if (!ri || !obs_at || !is_code) return;
  for (size_t i = 0; i < nr * nc; i++) obs_at[i] = -1;

  /* What the profile's rows can produce. */
  const ys_prow *tree = NULL;
  bool has_units = false, has_projects = false, tree_in_units = false,
       has_targets = false;
  for (size_t i = 0; i < pt->nrows; i++) {
    const ys_prow *pr = &pt->rows[i];
    if (pr->kind == PROW_TREE) tree = pr;
    if (pr->kind == PROW_UNITS) has_units = true;
    if (pr->kind == PROW_PROJECTS) has_projects = true;
    if (pr->kind == PROW_TARGETS) has_targets = true;
    /* rows repeated inside every unit (a code tree per unit) */
    for (size_t k = 0; pr->kind == PROW_UNITS && k < pr->n_sub; k++) {
      if (pr->sub[k].kind == PROW_TREE) {
        tree = &pr->sub[k];
        tree_in_units = true;
      }
      if (pr->sub[k].kind == PROW_PROJECTS) has_projects = true;
    }
  }
  int code_col = -1, name_col = -1, gov_col = -1, lei = -1, kuan = -1,
      xiang = -1, unit_col = -1, elei = -1, ekuan = -1;
  for (size_t k = 0; k < nc; k++) {
    switch (pt->cols[k].show) {
    case PCOL_CODE:
      code_col = (int)k;
      break;
    case PCOL_NAME:
      name_col = (int)k;
      break;
    case PCOL_GOV_CODE:
      gov_col = (int)k;
      break;
    case PCOL_FUNC_LEI:
      lei = (int)k;
      break;
    case PCOL_FUNC_KUAN:
      kuan = (int)k;
      break;
    case PCOL_FUNC_XIANG:
      xiang = (int)k;
      break;
    case PCOL_UNIT_CODE:
      unit_col = (int)k;
      break;
    case PCOL_ECON_LEI:
      elei = (int)k;
      break;
    case PCOL_ECON_KUAN:
      ekuan = (int)k;
      break;
    default:
      break;
    }
  }
  /* The unit code of each row: printed in its own unit-code column, or,
   * for a unit heading that prints none, the code of the first detail row
   * below it. */
  const char **unit_of = ys_arena_alloc(c->a, sizeof(char *) * (nr + 1));
  if (!unit_of) return;
  {
    const char *next = "";
    for (size_t i = nr; i-- > 0;) {
      const ys_rrow *row = &rt->rows[body + i];
      const char *u = unit_col >= 0 && row->n == nc
                          ? key_of(c, row->cells[unit_col].text)
                          : "";
      if (*u && all_digits(u)) next = u;
      unit_of[i] = *u && all_digits(u) ? u : next;
    }
  }
  int unit_level = 0, group_level = 0;
  const char *units_seen[64] = {NULL};
  int n_units_seen = 0, group_rows = 0;
  bool dept_seen = false, unit_done = false, in_heading = false;
  bool prev_heading = false, last_row_heading = false;
  int prev_heading_level = 3;
  bool has_indent = false;
  for (size_t i = 0; i < nr && name_col >= 0 && !has_indent; i++)
    if (rt->rows[body + i].n == nc &&
        indent_level(rt->rows[body + i].cells[name_col].text, c->p->indent) > 0)
      has_indent = true;
  const char *prev_code = NULL;
  const char *last_tree_code = NULL, *last_tree_name = NULL;
  int prev_indent = 0;
  /* Economic 款 shown once only: their government 款 is implied, so the
   * quantity need not name it (and then matches 三公 and other tables). */
  const char *parent_at[4] = {NULL, NULL, NULL, NULL};
  const char *cur_unit = NULL;

  int t_name = -1, t_op = -1, t_value = -1, t_unit = -1, t_target = -1;
  for (size_t k = 0; k < nc; k++) {
    pcol_show sh = pt->cols[k].show;
    if (sh == PCOL_T_NAME) t_name = (int)k;
    if (sh == PCOL_T_OP) t_op = (int)k;
    if (sh == PCOL_T_VALUE) t_value = (int)k;
    if (sh == PCOL_T_UNIT) t_unit = (int)k;
    if (sh == PCOL_T_TARGET) t_target = (int)k;
  }
  for (size_t i = 0; i < nr; i++) {
    const ys_rrow *row = &rt->rows[body + i];
    rowinfo *r = &ri[i];
    r->first_obs = -1;
    /* indicators of a target table laid out as a grid */
    if (t_name >= 0 && row->n == nc && (t_value >= 0 || t_target >= 0)) {
      const char *v =
          t_target >= 0
              ? row->cells[t_target].text
              : ys_arena_printf(c->a, "%s%s%s",
                                t_op >= 0 ? row->cells[t_op].text : "",
                                row->cells[t_value].text,
                                t_unit >= 0 ? row->cells[t_unit].text : "");
      rate_check(c, rt, tname, row->cells[t_name].text, v, row->line);
    }
    if (row->n != nc) {
      unplaced(c, rt, tname, row, "此行的列数与报表格式不符，未参与检查");
      continue;
    }
    /* The code: a code column, or 类/款/项 split over columns. When a
     * table has both, the code column of a row whose split columns are
     * empty holds a unit code (a unit heading), not a classification. */
    const char *split = "";
    if (lei >= 0)
      split =
          ys_arena_printf(c->a, "%s%s%s", key_of(c, row->cells[lei].text),
                          kuan >= 0 ? key_of(c, row->cells[kuan].text) : "",
                          xiang >= 0 ? key_of(c, row->cells[xiang].text) : "");
    else if (elei >= 0)
      split =
          ys_arena_printf(c->a, "%s%s", key_of(c, row->cells[elei].text),
                          ekuan >= 0 ? key_of(c, row->cells[ekuan].text) : "");
    const char *code = split;
    const char *row_unit = NULL;
    if (code_col >= 0) {
      const char *cc = key_of(c, row->cells[code_col].text);
      if (lei < 0 && elei < 0)
        code = cc;
      else if (*split)
        code = *cc && strlen(cc) > strlen(split) ? cc : split;
      else if (*cc && all_digits(cc))
        row_unit = cc;
    }
    /* The row's name: its name column, or (tables of fixed rows and
     * forms without one) the first text printed in the row. */
    const char *name_raw = name_col >= 0 ? row->cells[name_col].text : "";
    for (size_t k = 0; name_col < 0 && k < nc && !*name_raw; k++)
      if (pt->cols[k].show != PCOL_AMOUNT) name_raw = row->cells[k].text;
    const char *name = label_key(c, name_raw);
    /* A provincial sub-款 (3010301) prints its 款's columns (301 | 03):
     * below a row of the same code and indented deeper, it is the child
     * the catalogue names. */
    int indent = indent_level(name_raw, c->p->indent);
    if (*code && prev_code && !strcmp(code, prev_code) &&
        indent > prev_indent) {
      const ys_cat_entry *e = ys_catalog_match_name(
          c->cat, YS_CLS_ECON_DEPT, name, strlen(name), code, c->year);
      if (e) code = e->code;
    } else if (*code) {
      prev_code = code;
      prev_indent = indent;
    }
    /* Published tables often print a class or 款 by name alone, and a
     * sub-款 with its 款's columns: find the code the catalogue gives the
     * name, under the nearest code above it. */
    if (tree && *name && !unit_like(c, name, units_seen)) {
      const ys_cat_entry *cur =
          *code && all_digits(code)
              ? ys_catalog_lookup(c->cat, tree->cls, code, c->year)
              : NULL;
      bool named_right = cur && !strcmp(key_of(c, cur->name), name);
      if (!*code || (cur && !named_right)) {
        const ys_cat_entry *e = NULL;
        if (*code)
          e = ys_catalog_match_name(c->cat, tree->cls, name, strlen(name), code,
                                    c->year);
        for (int l = 3; !e && l >= 0; l--)
          if (l == 0 || parent_at[l])
            e = ys_catalog_match_name(c->cat, tree->cls, name, strlen(name),
                                      l ? parent_at[l] : NULL, c->year);
        if (e && (!*code || !strncmp(e->code, code, strlen(code))))
          code = e->code;
      }
    }
    r->label = *name ? ys_arena_strdup(c->a, name_raw) : code;
    {
      const char *s = r->label;
      size_t l = strlen(s);
      ys_text_trim(&s, &l);
      r->label = ys_arena_strndup(c->a, s, l);
    }
    ys_qfilter rf = {0};
    r->placed = true;
    const ys_prow *fixed = NULL;
    for (size_t k = 0; k < pt->nrows && !fixed && !*code && *name; k++)
      if (pt->rows[k].kind == PROW_FIXED &&
          label_matches(c, name, pt->rows[k].label))
        fixed = &pt->rows[k];
    if (!*code &&
        (fixed || strcmp(name, "合计") == 0 || strcmp(name, "总计") == 0)) {
      r->total = !fixed || fixed->total || !strcmp(name, "合计") ||
                 !strcmp(name, "总计");
      r->level = fixed ? fixed->level : 0;
      r->subset = fixed && fixed->subset;
      /* As in compile: a fixed row's quantity narrows its cells. */
      if (fixed && fixed->q.n == 1) {
        ys_qfilter f = fixed->q.t[0];
        f.src = YS_Q_NONE;
        ys_qfilter_and(&rf, &rf, &f, c->a);
      }
      /* A row whose figure the province defines its own way (四川 项目
       * 绩效目标表 totals include 运转类 projects): checked against its own
       * rows only, never against other tables. */
      if (fixed && fixed->alone)
        ys_qcodes_add(&rf.pcat,
                      ys_arena_printf(c->a, "(%s:%s)", pt->id, fixed->label));
    } else if (tree && all_digits(code) &&
               ys_catalog_code_level(tree->cls, code)) {
      int lvl = ys_catalog_code_level(tree->cls, code);
      /* The same code printed again under another name (30399 其他对个人和
       * 家庭的补助, then 30399 其他对个人和家庭的补助支出): a sub-item the
       * catalogue does not list, one level below. */
      bool sub_item = last_tree_code && !strcmp(last_tree_code, code) &&
                      last_tree_name && strcmp(last_tree_name, name);
      last_tree_code = code;
      last_tree_name = name;
      if (sub_item) {
        lvl++;
        code = ys_arena_printf(c->a, "%s:%s", code, name);
      }
      r->level = lvl;
      if (tree_in_units) {
        /* the tree of one unit, below its unit row */
        r->level = (unit_level > group_level ? unit_level : group_level) +
                   (tree->leaves ? 1 : lvl);
        const char *u = *unit_of[i] ? unit_of[i] : cur_unit;
        if (u) ys_qcodes_add(&rf.unit, u);
      }
      is_code[i] = true;
      ys_qcodes *dim = tree->cls == YS_CLS_FUNC ? &rf.func : &rf.econ;
      ys_qcodes_add(dim, code);
      const char *gov = gov_col >= 0 ? key_of(c, row->cells[gov_col].text) : "";
      if (*gov && all_digits(gov)) {
        /* Name the government 款 only when the economic 款 is split. */
        int seen = 0;
        for (size_t j = 0; j < nr; j++)
          if (rt->rows[body + j].n == nc &&
              strcmp(key_of(c, rt->rows[body + j].cells[code_col].text),
                     code) == 0)
            seen++;
        if (seen > 1) ys_qcodes_add(&rf.gecon, gov);
        const char *ad =
            ys_catalog_gov_map(c->cat, code, YS_UNIT_KIND_ADMIN, c->year);
        const char *in =
            ys_catalog_gov_map(c->cat, code, YS_UNIT_KIND_INST, c->year);
        if ((ad || in) && !(ad && !strcmp(ad, gov)) &&
            !(in && !strcmp(in, gov))) {
          ys_finding *f = add_finding(c, "catalog.gov-map", YS_SEV_ERROR);
          if (f) {
            char msg[512];
            f->file = fs(c, rt->file);
            f->line = row->line;
            f->table = fs(c, tname);
            f->row = fs(c, r->label);
            f->found = fs(c, gov);
            f->expected = fs(c, in ? in : ad);
            snprintf(msg, sizeof msg,
                     "部门经济科目 %s 应对应政府经济科目 %s（行政单位）或 %s"
                     "（事业单位），表中为 %s",
                     code, ad ? ad : "—", in ? in : "—", gov);
            f->message = fs(c, msg);
          }
        }
      }
      const char *parent = lvl > 1 && lvl < 5 ? parent_at[lvl - 1] : NULL;
      if (!strchr(code, ':')) {
        catalog_row(c, rt, tname, tree->cls, code, *name ? r->label : "",
                    parent, row->line);
        if (lvl < 4) {
          parent_at[lvl] = ys_arena_strdup(c->a, code);
          for (int l = lvl + 1; l < 4; l++) parent_at[l] = NULL;
        }
      }
    } else if (has_units || has_projects) {
      bool was_heading = last_row_heading;
      last_row_heading = false;
      prev_heading = was_heading;
      /* Levels by meaning, not indentation (published tables print none):
       * department 1, unit 2, heading (a function 项 or a project
       * category) 3, project 4. The first row under 合计 is the
       * department; a unit is a row with a unit code, or the code-less
       * row right after the department that names no 项. */
      const char *ucode = row_unit ? row_unit : unit_of[i];
      bool project_row =
          has_projects && *code && !row_unit && !(has_units && !has_projects);
      /* Indented tables (compiled ones, many published) say it directly:
       * one indent step per level. */
      int forced = 0; /* 1 department, 2 unit, 3 heading, 4 project */
      if (has_indent) {
        int lvl = indent + 1;
        forced = lvl <= 1 ? 1 : lvl == 2 ? 2 : has_projects && *code ? 4 : 3;
        project_row = forced == 4;
        if (forced == 2 && !*ucode && *code) ucode = code;
        if (forced == 4) {
          in_heading = lvl > 3;
          prev_heading_level = lvl - 1;
        } else if (forced == 3) {
          prev_heading = lvl > 3;
          prev_heading_level = lvl - 1;
        }
      }
      const ys_cat_entry *heading =
          has_projects && !*code
              ? ys_catalog_match_name(c->cat, YS_CLS_FUNC, name, strlen(name),
                                      NULL, c->year)
              : NULL;
      if (heading && heading->level != 3) heading = NULL;
      if (forced == 1 || (!forced && group_rows == 0)) {
        r->level = 1; /* the department: everything */
        group_level = 1;
        group_rows++;
        dept_seen = true;
        if (n_units_seen < 63 && *name) units_seen[n_units_seen++] = name;
      } else if (project_row) {
        r->level = in_heading ? prev_heading_level + 1 : 3;
        ys_qcodes_add(&rf.project, name);
        if (all_digits(code) && ys_catalog_code_level(YS_CLS_FUNC, code) == 3)
          ys_qcodes_add(&rf.func, ys_arena_strdup(c->a, code));
      } else if (forced == 2 ||
                 (!forced && !heading && (*code || (!unit_done && dept_seen)) &&
                  (*code || *ucode || has_units || has_projects))) {
        r->level = 2;
        const char *u = *code && all_digits(code) ? code : ucode;
        if (*u) {
          ys_qcodes_add(&rf.unit, u);
          cur_unit = ys_arena_strdup(c->a, u);
        } else {
          ys_qcodes_add(&rf.unit, name); /* a unit known only by name */
        }
        unit_level = 2;
        group_level = 2;
        in_heading = false;
        if (n_units_seen < 63 && *name) units_seen[n_units_seen++] = name;
        if (!has_units) unit_done = true;
      } else if (has_projects) {
        /* a heading right under a heading is a sub-category */
        r->level = prev_heading ? prev_heading_level + 1 : 3;
        prev_heading_level = r->level;
        in_heading = true;
        last_row_heading = true;
        unit_done = true;
        if (heading) {
          ys_qcodes_add(&rf.func, heading->code);
          if (cur_unit) ys_qcodes_add(&rf.unit, cur_unit);
        } else {
          if (cur_unit) ys_qcodes_add(&rf.unit, cur_unit);
          ys_qcodes_add(&rf.pcat, name);
        }
      } else {
        unplaced(c, rt, tname, row, "无法确定此行对应的单位，未参与检查");
        r->placed = false;
        continue;
      }
    } else {
      /* A fixed row: find it by label. */
      bool found = false;
      for (size_t k = 0; k < pt->nrows && !found; k++)
        if (pt->rows[k].kind == PROW_FIXED &&
            strcmp(label_key(c, pt->rows[k].label), name) == 0) {
          r->level = pt->rows[k].level;
          r->subset = pt->rows[k].subset;
          /* As in compile: a fixed row's quantity narrows its cells. */
          if (pt->rows[k].q.n == 1) {
            ys_qfilter f = pt->rows[k].q.t[0];
            f.src = YS_Q_NONE;
            ys_qfilter_and(&rf, &rf, &f, c->a);
          }
          found = true;
        }
      if (!found && has_targets) {
        /* one row per indicator: the project's first row carries its
         * amount and name (the last text before the amount); others none */
        int amount_at = -1;
        const char *pname = "";
        for (size_t k = 0; k < nc && amount_at < 0; k++) {
          if (pt->cols[k].show == PCOL_AMOUNT)
            amount_at = (int)k;
          else if (*row->cells[k].text)
            pname = row->cells[k].text;
        }
        if (amount_at < 0 || !*row->cells[amount_at].text || !*pname) {
          r->placed = false;
          continue;
        }
        ys_qcodes_add(&rf.project, label_key(c, pname));
        r->level = 1;
        r->label = pname;
        found = true;
      }
      if (!found) {
        unplaced(c, rt, tname, row, "无法识别此行，未参与检查");
        r->placed = false;
        continue;
      }
    }
    for (size_t k = 0; k < nc; k++) {
      const ys_pcol *pc = &pt->cols[k];
      if (pc->show != PCOL_AMOUNT) continue;
      ys_amount am;
      const char *col = c->p && k < nc ? "" : "";
      (void)col;
      const char *clabel = "";
      for (size_t h = 0; h < pt->n_header; h++) {
        const ys_header_cell *hc = &pt->header[h];
        if ((size_t)hc->col <= k && k < (size_t)(hc->col + hc->col_span) &&
            hc->row + hc->row_span == pt->header_rows)
          clabel = hc->text;
      }
      if (!cell_amount(c, rt, pt, tname, &row->cells[k], &am, r->label,
                       clabel)) {
        obs_at[i * nc + k] = UNREADABLE;
        continue;
      }
      const char *key = amount_key(c, pt, &pc->q, &rf);
      int o =
          add_obs(c, key, &am, rt->unit_known ? rt->unit : pt->unit, rt->file,
                  tname, r->label, clabel, row->cells[k].text, row->line);
      if (o < 0) return;
      obs_at[i * nc + k] = o;
      if (r->first_obs < 0) r->first_obs = o;
    }
    /* Column sums declared by the profile. */
    for (size_t k = 0; k < nc; k++) {
      const ys_pcol *pc = &pt->cols[k];
      int t = obs_at[i * nc + k];
      if (!pc->n_sum_of || t < 0) continue;
      bool unreadable = false;
      for (int m = 0; m < pc->n_sum_of; m++)
        unreadable =
            unreadable || obs_at[i * nc + (size_t)pc->sum_of[m]] == UNREADABLE;
      if (unreadable) continue;
      ident *x = add_ident(c, "sum.row-parts", pc->n_sum_of + 1);
      if (!x) return;
      x->idx[x->n] = t;
      x->coef[x->n++] = -1;
      x->anchor = t;
      for (int m = 0; m < pc->n_sum_of; m++) {
        int o = obs_at[i * nc + (size_t)pc->sum_of[m]];
        if (o < 0) continue;
        x->idx[x->n] = o;
        x->coef[x->n++] = 1;
      }
    }
  }
  tree_idents(c, ri, nr, nc, obs_at, "sum.code-tree", "sum.rows", is_code);
}

/* Finds the profile row of a panel that a printed label names. */
/* Labels repeat within a panel ("(1)工资福利支出" under both 基本 and 项目;
 * "一、一般公共预算拨款" in the body and again under 年初结转 in the
 * footer), so the search runs over body then footer rows, in order, from
 * just after the previous match (*cursor), and only then wraps around. */
static const ys_prow *panel_row(chk *c, const ys_ppanel *pp, const char *label,
                                ys_qfilter *rf, bool *footer, size_t *cursor) {
  const char *k = label_key(c, label);
  if (!*k) return NULL;
  size_t total = pp->n_rows + pp->n_footer;
  for (size_t j = 0; j < total; j++) {
    size_t i = (*cursor + j) % total;
    bool in_footer = i >= pp->n_rows;
    const ys_prow *pr = in_footer ? &pp->footer[i - pp->n_rows] : &pp->rows[i];
    if (pr->kind == PROW_FIXED && label_matches(c, k, pr->label)) {
      *footer = in_footer;
      *cursor = i + 1;
      return pr;
    }
    if (pr->kind != PROW_CLASSES) continue;
    for (int m = 0; m < pr->n_codes; m++) {
      const ys_cat_entry *v[8];
      size_t nv = ys_catalog_versions(c->cat, pr->cls, pr->codes[m], v, 8);
      for (size_t x = 0; x < nv && x < 8; x++)
        if (strcmp(key_of(c, v[x]->name), k) == 0) {
          memset(rf, 0, sizeof *rf);
          ys_qcodes *dim = pr->cls == YS_CLS_FUNC ? &rf->func : &rf->econ;
          ys_qcodes_add(dim, pr->codes[m]);
          *footer = in_footer;
          /* classes rows stay current: the next class is in the same row */
          *cursor = i;
          return pr;
        }
    }
  }
  return NULL;
}

/* The quantity of amount column m of a panel row, as compile makes it
 * (compile.c panel_amount): the row's own quantity for that column when it
 * has one ("qs"), else its quantity narrowed by the column's filter (facts
 * are not narrowed). NULL when the row shows nothing in that column. */
static const char *panel_key(chk *c, const ys_ptable *pt, const ys_ppanel *pp,
                             const ys_prow *pr, const ys_qfilter *rf, int m) {
  if (pr->qs && m < pr->n_qs)
    return pr->qs[m].n ? amount_key(c, pt, &pr->qs[m], rf) : NULL;
  ys_qexpr e;
  if (pr->q.n) {
    e = pr->q;
  } else {
    memset(&e, 0, sizeof e);
    e.n = 1;
    e.sign[0] = 1;
    e.t[0].src = pt->has_base && pt->base.src ? pt->base.src : YS_Q_EXP;
  }
  if (pp->n_amounts > 0 && pp->amounts)
    for (int i = 0; i < e.n; i++)
      if (e.t[i].src != YS_Q_FACT)
        ys_qfilter_and(&e.t[i], &e.t[i], &pp->amounts[m], c->a);
  return amount_key(c, pt, &e, rf);
}

typedef struct pline {
  const ys_prow *pr;
  int level;
  bool subset, footer;
  int obs[16]; /* per amount column; -1 none */
} pline;

static void sum_ident(chk *c, const char *rule, int total, const int *parts,
                      size_t n) {
  size_t have = 0;
  for (size_t i = 0; i < n; i++) {
    if (parts[i] == UNREADABLE) return;
    have += parts[i] >= 0;
  }
  if (total < 0 || !have) return;
  ident *x = add_ident(c, rule, (int)have + 1);
  if (!x) return;
  x->idx[x->n] = total;
  x->coef[x->n++] = -1;
  x->anchor = total;
  for (size_t i = 0; i < n; i++)
    if (parts[i] >= 0) {
      x->idx[x->n] = parts[i];
      x->coef[x->n++] = 1;
    }
}

static void observe_panels(chk *c, const ys_rtable *rt, const ys_ptable *pt,
                           const char *tname, size_t body) {
  size_t nr = rt->nrows > body ? rt->nrows - body : 0;
  size_t np = pt->npanels;
  int *closing = ys_arena_alloc(c->a, sizeof(int) * (np + 1));
  pline *lines = ys_arena_alloc(c->a, sizeof(pline) * (nr + 1));
  int *parts = ys_arena_alloc(c->a, sizeof(int) * (nr + 1));
  if (!closing || !lines || !parts) return;
  /* Columns: [序号], then per panel a label and its amount columns. */
  size_t lc = pt->rownum ? 1 : 0;
  for (size_t p = 0; p < np; p++) {
    const ys_ppanel *pp = &pt->panels[p];
    int na = pp->n_amounts > 0 ? pp->n_amounts : 1;
    if (na > 16) na = 16;
    size_t n = 0, cursor = 0;
    closing[p] = -1;
    for (size_t i = 0; i < nr; i++) {
      const ys_rrow *row = &rt->rows[body + i];
      if (row->n < lc + 1 + (size_t)na) continue;
      const char *label = row->cells[lc].text;
      bool any = *label_key(c, label);
      for (int m = 0; m < na && !any; m++)
        any = *row->cells[lc + 1 + (size_t)m].text;
      if (!any) continue;
      ys_qfilter rf = {0};
      bool footer = false;
      const ys_prow *pr = panel_row(c, pp, label, &rf, &footer, &cursor);
      if (!pr) {
        unplaced(c, rt, tname, row, "无法识别此栏目，未参与检查");
        continue;
      }
      const char *lab = label;
      size_t ll = strlen(lab);
      ys_text_trim(&lab, &ll);
      lab = ys_arena_strndup(c->a, lab, ll);
      pline *pl = &lines[n++];
      pl->pr = pr;
      pl->level = pr->level;
      pl->subset = pr->subset;
      pl->footer = footer;
      for (int m = 0; m < 16; m++) pl->obs[m] = -1;
      for (int m = 0; m < na; m++) {
        const ys_rcell *cell = &row->cells[lc + 1 + (size_t)m];
        const char *key = panel_key(c, pt, pp, pr, &rf, m);
        if (!key) continue;
        const char *clabel = "预算数";
        for (size_t h = 0; h < pt->n_header; h++) {
          const ys_header_cell *hc = &pt->header[h];
          size_t col = lc + 1 + (size_t)m;
          if ((size_t)hc->col <= col &&
              col < (size_t)(hc->col + hc->col_span) &&
              hc->row + hc->row_span == pt->header_rows)
            clabel = hc->text;
        }
        ys_amount am;
        if (!cell_amount(c, rt, pt, tname, cell, &am, lab, clabel)) {
          pl->obs[m] = UNREADABLE;
          continue;
        }
        pl->obs[m] =
            add_obs(c, key, &am, rt->unit_known ? rt->unit : pt->unit, rt->file,
                    tname, lab, clabel, cell->text, row->line);
      }
      /* Only 收入总计 and 支出总计 balance: 本年收入合计 and 本年支出合计
       * differ by the carry-over (政府性基金收支表 shows no 结转 rows). */
      if (i == nr - 1 && pr->total && strstr(lab, "总计"))
        closing[p] = pl->obs[0];
    }
    lc += 1 + (size_t)na;
    /* Body: each heading = Σ the rows one level below it. */
    for (int m = 0; m < na; m++) {
      rowinfo *ri = ys_arena_alloc(c->a, sizeof(rowinfo) * (n + 1));
      int *at = ys_arena_alloc(c->a, sizeof(int) * (n + 1));
      if (!ri || !at) return;
      size_t nb = 0;
      for (size_t i = 0; i < n; i++) {
        if (lines[i].footer) continue;
        ri[nb].level = lines[i].level;
        ri[nb].subset = lines[i].subset;
        ri[nb].placed = true;
        at[nb++] = lines[i].obs[m];
      }
      tree_idents(c, ri, nb, 1, at, "sum.rows", "sum.rows", NULL);
      /* Footers declared as sums (sum_body, sum_footers in the profile). */
      int top = 0;
      bool first = true;
      for (size_t i = 0; i < n; i++)
        if (!lines[i].footer && (first || lines[i].level < top)) {
          top = lines[i].level;
          first = false;
        }
      for (size_t j = 0; j < n; j++) {
        if (!lines[j].footer) continue;
        size_t k = 0;
        if (lines[j].pr->sum_body) {
          for (size_t i = 0; i < n; i++)
            if (!lines[i].footer && lines[i].level == top && !lines[i].subset)
              parts[k++] = lines[i].obs[m];
        } else if (lines[j].pr->sum_footers) {
          for (size_t i = 0; i < j; i++)
            if (lines[i].footer && !lines[i].subset)
              parts[k++] = lines[i].obs[m];
        } else {
          continue;
        }
        sum_ident(c, "sum.rows", lines[j].obs[m], parts, k);
      }
    }
  }
  /* The closing totals of a 收支总表: income total = expense total. */
  for (size_t p = 1; p < np; p++) {
    if (closing[0] < 0 || closing[p] < 0) continue;
    ident *x = add_ident(c, "balance.income-expense", 2);
    if (!x) return;
    x->idx[0] = closing[0];
    x->coef[0] = 1;
    x->idx[1] = closing[p];
    x->coef[1] = -1;
    x->n = 2;
    x->anchor = closing[p];
  }
}

/* A ratio (…率) whose target is above 100 % is suspicious: completion and
 * timeliness rates cannot exceed it. value may carry its operator and
 * unit ("≥1000%"). */
static void rate_check(chk *c, const ys_rtable *rt, const char *tname,
                       const char *name, const char *value_text, int line) {
  const char *val = key_of(c, value_text);
  if (!strstr(name, "率") || !strchr(val, '%')) return;
  const char *d = val;
  while (*d && !(*d >= '0' && *d <= '9')) d++;
  double v = strtod(d, NULL); /* a rate, not money */
  if (v <= 100.0) return;
  ys_finding *f = add_finding(c, "perf.rate-over-100", YS_SEV_WARNING);
  if (!f) return;
  char msg[512];
  f->file = fs(c, rt->file);
  f->line = line;
  f->table = fs(c, tname);
  f->row = fs(c, name);
  f->found = fs(c, value_text);
  snprintf(msg, sizeof msg, "指标“%s”的指标值为 %s，比率类指标不应超过 100%%",
           name, value_text);
  f->message = fs(c, msg);
}

/* 绩效目标 forms: project amounts by name, and indicator sanity. */
static void observe_targets(chk *c, const ys_rtable *rt, const ys_ptable *pt,
                            const char *tname) {
  /* the unit the table prints, else the profile's */
#define TUNIT (rt->unit_known ? rt->unit : pt->unit)
  const char *project = NULL;
  bool in_indicators = false;
  int task_first = -1, total_row[3] = {-1, -1, -1};
  int form[3] = {-1, -1, -1}; /* 实施期资金总额, 财政拨款, 其他资金 */
  int tasks[64][3];
  int ntasks = 0;
  for (size_t i = 0; i < rt->nrows; i++) {
    const ys_rrow *row = &rt->rows[i];
    if (!row->n) continue;
    const char *k0 = label_key(c, row->cells[0].text);
    const char *k1 = row->n > 1 ? label_key(c, row->cells[1].text) : "";
    if (strcmp(k0, "项目名称") == 0 && row->n > 1) {
      project = k1;
      in_indicators = false;
      continue;
    }
    if (strcmp(k0, "一级指标") == 0) {
      in_indicators = true;
      continue;
    }
    if (strcmp(k0, "任务名称") == 0) {
      task_first = (int)i + 1;
      continue;
    }
    if (in_indicators && row->n >= 4) {
      rate_check(c, rt, tname, row->cells[2].text, row->cells[3].text,
                 row->line);
      continue;
    }
    /* Amount rows. */
    static const struct {
      const char *label;
      const char *q;
    } amt[] = {
        {"实施期资金总额", "exp"},
        {"其中:财政拨款", "exp;fund=fiscal"},
        {"财政拨款", "exp;fund=fiscal"},
        {"其他资金",
         "exp;fund=special|business|operation|upper|subord|reserve|other"}};
    if (project && row->n > 2) {
      if (strcmp(k1, label_key(c, amt[0].label)) == 0)
        form[0] = form[1] = form[2] = -1;
      for (size_t m = 0; m < sizeof amt / sizeof amt[0]; m++) {
        if (strcmp(k1, label_key(c, amt[m].label)) != 0) continue;
        ys_amount am;
        if (!cell_amount(c, rt, pt, tname, &row->cells[2], &am, project,
                         amt[m].label))
          break;
        ys_qexpr q;
        char err[64];
        ys_qexpr_parse(&q, amt[m].q, c->a, err, sizeof err);
        ys_qfilter rf = {0};
        ys_qcodes_add(&rf.project, project);
        int o =
            add_obs(c, amount_key(c, pt, &q, &rf), &am, TUNIT, rt->file, tname,
                    project, amt[m].label, row->cells[2].text, row->line);
        form[m == 0 ? 0 : m == 3 ? 2 : 1] = o;
        if (m == 3 && form[0] >= 0 && form[1] >= 0 && o >= 0) {
          ident *x = add_ident(c, "sum.row-parts", 3);
          if (!x) return;
          x->n = 3;
          x->idx[0] = form[0];
          x->coef[0] = -1;
          x->idx[1] = form[1];
          x->coef[1] = 1;
          x->idx[2] = o;
          x->coef[2] = 1;
          x->anchor = form[0];
        }
        break;
      }
    }
    if (task_first >= 0 && row->n >= 5 && !project) {
      /* The closing row: 金额合计, or 年度部门整体支出预算 when the tasks
       * carry no amounts of their own. */
      bool total = strcmp(k0, "金额合计") == 0 || strstr(k0, "整体支出预算");
      int ids[3] = {-1, -1, -1};
      for (int m = 0; m < 3; m++) {
        ys_amount am;
        if (!*row->cells[2 + m].text ||
            !cell_amount(c, rt, pt, tname, &row->cells[2 + m], &am, k0, ""))
          continue;
        static const char *const qs[3] = {
            "exp", "exp;fund=fiscal",
            ("exp;fund=special|business|operation|upper|subord|reserve|"
             "other")};
        static const char *const cl[3] = {"总额", "财政拨款", "其他资金"};
        ys_qexpr q;
        char err[64];
        ys_qexpr_parse(&q, qs[m], c->a, err, sizeof err);
        /* A task's amounts are its own; only the total is a quantity. */
        const char *key = total ? amount_key(c, pt, &q, NULL)
                                : ys_arena_printf(c->a, "task:%zu:%d", i, m);
        ids[m] =
            add_obs(c, key, &am, TUNIT, rt->file, tname, row->cells[0].text,
                    cl[m], row->cells[2 + m].text, row->line);
      }
      if (total) {
        memcpy(total_row, ids, sizeof ids);
        task_first = -1;
      } else if (ntasks < 64) {
        memcpy(tasks[ntasks++], ids, sizeof ids);
      }
      /* 总额 = 财政拨款 + 其他资金 */
      if (ids[0] >= 0 && ids[1] >= 0 && ids[2] >= 0) {
        ident *x = add_ident(c, "sum.row-parts", 3);
        if (!x) return;
        x->n = 3;
        x->idx[0] = ids[0];
        x->coef[0] = -1;
        x->idx[1] = ids[1];
        x->coef[1] = 1;
        x->idx[2] = ids[2];
        x->coef[2] = 1;
        x->anchor = ids[0];
      }
    }
  }
  for (int m = 0; m < 3 && ntasks; m++) {
    if (total_row[m] < 0) continue;
    /* tasks printed without amounts: nothing to add up */
    bool any = false;
    for (int t = 0; t < ntasks; t++) any = any || tasks[t][m] >= 0;
    if (!any) continue;
    ident *x = add_ident(c, "sum.rows", ntasks + 1);
    if (!x) return;
    x->idx[x->n] = total_row[m];
    x->coef[x->n++] = -1;
    x->anchor = total_row[m];
    for (int t = 0; t < ntasks; t++)
      if (tasks[t][m] >= 0) {
        x->idx[x->n] = tasks[t][m];
        x->coef[x->n++] = 1;
      }
  }
}
#undef TUNIT

/* --- narrative claims ------------------------------------------------- */

/* Interval [lo, hi] in 分 of a printed amount text (unit u). */
static bool amount_interval(const char *text, ys_unit u, int64_t *v,
                            int64_t *lo, int64_t *hi, int *dec) {
  ys_amount am;
  if (ys_money_parse(&am, text, strlen(text), u, NULL) || am.empty)
    return false;
  obs o;
  memset(&o, 0, sizeof o);
  o.v = am.fen;
  bounds(&o, u, am.decimals);
  *v = am.fen;
  *lo = am.fen - o.lo;
  *hi = am.fen + o.hi;
  *dec = am.decimals;
  return true;
}

/* A percentage text as an integer count of 10^-d percent; false if not a
 * number. */
static bool pct_parse(const char *t, int64_t *val, int *d) {
  int64_t v = 0;
  int dec = -1;
  if (!*t) return false;
  for (const char *p = t; *p; p++) {
    if (*p == '.') {
      if (dec >= 0) return false;
      dec = 0;
      continue;
    }
    if (*p < '0' || *p > '9' || v > INT64_C(100000000000)) return false;
    v = v * 10 + (*p - '0');
    if (dec >= 0) dec++;
  }
  *val = v;
  *d = dec < 0 ? 0 : dec;
  return true;
}

/*
 * 占 p% (p = 100·part/whole) and 增长 y% (y = |Δ| / (current − Δ)): does
 * some choice of true values inside the printed intervals satisfy it? All
 * in 128-bit integers: a percentage with d decimals stands for
 * [p − ½·10⁻ᵈ, p + ½·10⁻ᵈ], compared by cross-multiplying.
 */
static void ratio_claim(chk *c, const ys_rclaim *cl) {
  const ys_rdoc *d = c->doc;
  if (cl->n_parts < 2) return;
  int64_t nv, nlo, nhi, dv, dlo, dhi;
  int ndec, ddec;
  bool change = cl->kind == YS_CLAIM_CHANGE;
  ys_unit u = cl->unit;
  if (!amount_interval(cl->parts[0], u, &nv, &nlo, &nhi, &ndec)) return;
  int64_t delta = 0, xlo = 0, xhi = 0;
  bool corner = false;
  if (change) {
    /* numerator |Δ|, denominator last year = current − Δ */
    int xdec;
    const char *dt = cl->parts[1];
    bool neg = *dt == '-';
    if (!amount_interval(neg ? dt + 1 : dt, u, &delta, &xlo, &xhi, &xdec))
      return;
    if (neg) {
      int64_t t = -xhi;
      xhi = -xlo;
      xlo = t;
      delta = -delta;
    }
    /* rate = |Δ| / last, last = current − Δ. It rises with |Δ| and falls
     * with current, so its extremes are at the corners: the smallest
     * change with the largest current, and the other way round. */
    int64_t clo = nlo, chi = nhi;
    dv = nv - delta;
    if (delta >= 0) {
      nlo = xlo, nhi = xhi; /* Δ > 0 */
      dhi = chi - xlo;      /* denominator paired with nlo */
      dlo = clo - xhi;      /* denominator paired with nhi */
    } else {
      nlo = -xhi, nhi = -xlo; /* a = |Δ| */
      dhi = chi + nlo;
      dlo = clo + nhi;
    }
    nv = delta < 0 ? -delta : delta;
    corner = true;
    ddec = xdec;
    if (dv == 0 && *cl->text) {
      ys_finding *f = add_finding(c, "narrative.change", YS_SEV_ERROR);
      if (!f) return;
      char msg[1024];
      snprintf(msg, sizeof msg,
               "说明称%s %s 万元、变动 %s%%，但按所述数字上年为 0，不能计算"
               "增减比例：%s",
               cl->subject, cl->parts[1], cl->text, cl->sentence);
      f->file = fs(c, d->file);
      f->line = cl->line;
      f->table = fs(c, "情况说明");
      f->row = fs(c, cl->subject);
      f->found = fs(c, cl->text);
      f->message = fs(c, msg);
      return;
    }
    if (!*cl->text) return; /* no rate stated */
  } else {
    const char *wt = cl->parts[1];
    if (!strcmp(wt, "Σ")) {
      dv = dlo = dhi = 0;
      ddec = 2;
      for (size_t i = 2; i < cl->n_parts; i++) {
        int64_t v, lo, hi;
        int dd;
        if (!amount_interval(cl->parts[i], u, &v, &lo, &hi, &dd)) return;
        dv += v;
        dlo += lo;
        dhi += hi;
      }
    } else if (!amount_interval(wt, u, &dv, &dlo, &dhi, &ddec)) {
      return;
    }
  }
  (void)ddec;
  (void)ndec;
  int64_t pv;
  int pd;
  if (!pct_parse(cl->text, &pv, &pd) || dhi <= 0) return;
  /* 100·N/D reaches into [(2pv − 1), (2pv + 1)] / (2·10^pd): the smallest
   * ratio nlo/dhi is not above the top, the largest nhi/dlo (unbounded
   * when dlo ≤ 0) not below the bottom. */
  __int128 scale = 1;
  for (int i = 0; i < pd; i++) scale *= 10;
  bool lo_ok = (__int128)200 * nlo * scale <= (__int128)(2 * pv + 1) * dhi;
  bool hi_ok =
      dlo <= 0 || (__int128)200 * nhi * scale >= (__int128)(2 * pv - 1) * dlo;
  (void)corner;
  if (lo_ok && hi_ok) return;
  /* the percentage the printed figures give, half-up at pd decimals */
  __int128 num = (__int128)200 * nv * scale + dv;
  int64_t want = dv ? (int64_t)(num / (2 * (__int128)dv)) : 0;
  char exp[64], got[64];
  snprintf(got, sizeof got, "%s%%", cl->text);
  if (pd > 6) pd = 6;
  if (pd) {
    char frac[16];
    snprintf(frac, sizeof frac, "%06lld",
             (long long)(want % (int64_t)scale) * (1000000 / (int64_t)scale));
    frac[pd] = '\0';
    snprintf(exp, sizeof exp, "%lld.%s%%", (long long)(want / (int64_t)scale),
             frac);
  } else {
    snprintf(exp, sizeof exp, "%lld%%", (long long)want);
  }
  ys_finding *f = add_finding(
      c, change ? "narrative.change" : "narrative.share", YS_SEV_ERROR);
  if (!f) return;
  char msg[1024];
  if (change)
    snprintf(
        msg, sizeof msg,
        "说明称变动 %s 万元、变动比例 %s，按所述数字（本年 %s 万元，上年应为 "
        "本年减变动额）应为 %s",
        cl->parts[1], got, cl->parts[0], exp);
  else
    snprintf(msg, sizeof msg, "说明称 %s 万元占 %s，按所述数字应为 %s",
             cl->parts[0], got, exp);
  f->file = fs(c, d->file);
  f->line = cl->line;
  f->table = fs(c, "情况说明");
  f->row = fs(c, cl->subject);
  f->found = fs(c, got);
  f->expected = fs(c, exp);
  f->message = fs(c, msg);
}

static void observe_claims(chk *c) {
  const ys_rdoc *d = c->doc;
  for (size_t i = 0; i < d->n_claims; i++) {
    const ys_rclaim *cl = &d->claims[i];
    if (cl->kind == YS_CLAIM_MISSING) {
      ys_finding *f =
          add_finding(c, "narrative.missing-figure", YS_SEV_WARNING);
      if (!f) return;
      char msg[1024];
      snprintf(msg, sizeof msg, "说明中“%s”缺少数字：%s", cl->subject,
               cl->sentence);
      f->file = fs(c, d->file);
      f->line = cl->line;
      f->table = fs(c, "情况说明");
      f->row = fs(c, cl->subject);
      f->message = fs(c, msg);
      continue;
    }
    if (cl->kind == YS_CLAIM_SHARE || cl->kind == YS_CLAIM_CHANGE) {
      ratio_claim(c, cl);
      continue;
    }
    if (cl->kind == YS_CLAIM_SUM) {
      /* the whole the text states against the parts it lists */
      ys_amount am;
      if (ys_money_parse(&am, cl->text, strlen(cl->text), cl->unit, NULL))
        continue;
      const char *tag = ys_arena_printf(c->a, "text-sum:%zu", i);
      int w = add_obs(c, tag, &am, cl->unit, d->file, "情况说明", cl->subject,
                      "", cl->text, cl->line);
      if (w < 0) return;
      c->o[w].narrative = true;
      ident *x = add_ident(c, "narrative.parts-sum", (int)cl->n_parts + 1);
      if (!x) return;
      x->idx[x->n] = w;
      x->coef[x->n++] = -1;
      x->anchor = w;
      for (size_t k = 0; k < cl->n_parts; k++) {
        ys_amount pa;
        if (ys_money_parse(&pa, cl->parts[k], strlen(cl->parts[k]), cl->unit,
                           NULL))
          continue;
        int o = add_obs(c, ys_arena_printf(c->a, "%s:%zu", tag, k), &pa,
                        cl->unit, d->file, "情况说明", cl->subject, "",
                        cl->parts[k], cl->line);
        if (o < 0) return;
        c->o[o].narrative = true;
        x->idx[x->n] = o;
        x->coef[x->n++] = 1;
      }
      continue;
    }
    ys_qexpr q;
    char err[128];
    ys_amount am;
    if (ys_qexpr_parse(&q, cl->quantity, c->a, err, sizeof err) != YS_OK ||
        ys_money_parse(&am, cl->text, strlen(cl->text), cl->unit, NULL) !=
            YS_OK)
      continue;
    const char *key = ys_qexpr_key(c->a, &q);
    int o = add_obs(c, key ? key : "none", &am, cl->unit, d->file, "情况说明",
                    cl->subject, "", cl->text, cl->line);
    if (o >= 0) {
      c->o[o].narrative = true;
      c->o[o].unclear = cl->period_unclear;
    }
  }
}

/* A cell showing "A - B" (增减变化 = 当年 − 上年) is tied to the cells of
 * the same row showing A and B. */
static void difference_idents(chk *c) {
  for (size_t i = 0; i < c->no; i++) {
    const char *k = c->o[i].key;
    if (!strstr(k, " - ") && !strstr(k, " + ")) continue;
    int terms[YS_Q_MAXTERMS];
    signed char sign[YS_Q_MAXTERMS];
    int nt = 0;
    bool ok = true;
    const char *p = k;
    signed char sg = 1;
    while (ok && *p && nt < YS_Q_MAXTERMS) {
      const char *plus = strstr(p, " + "), *minus = strstr(p, " - ");
      const char *op = plus && (!minus || plus < minus) ? plus : minus;
      size_t len = op ? (size_t)(op - p) : strlen(p);
      int found = -1;
      for (size_t j = 0; j < c->no && found < 0; j++)
        if (j != i && c->o[j].line == c->o[i].line &&
            strcmp(c->o[j].table, c->o[i].table) == 0 &&
            strlen(c->o[j].key) == len && strncmp(c->o[j].key, p, len) == 0)
          found = (int)j;
      if (found < 0) ok = false;
      terms[nt] = found;
      sign[nt++] = sg;
      if (!op) break;
      sg = op[1] == '+' ? 1 : -1;
      p = op + 3;
    }
    if (!ok || nt < 2) continue;
    ident *x = add_ident(c, "sum.row-parts", nt + 1);
    if (!x) return;
    x->idx[x->n] = (int)i;
    x->coef[x->n++] = -1;
    x->anchor = (int)i;
    for (int t = 0; t < nt; t++) {
      x->idx[x->n] = terms[t];
      x->coef[x->n++] = sign[t];
    }
  }
}

/* --- key normalisation and same-quantity identities -------------------- */

/* Removes a component ("fund=gpb") from every term of a key whose source is
 * src. */
static const char *strip_component(chk *c, const char *key, const char *src,
                                   const char *comp) {
  size_t sl = strlen(src), cl = strlen(comp);
  char *out = ys_arena_alloc(c->a, strlen(key) + 1);
  if (!out) return key;
  size_t o = 0;
  const char *p = key;
  bool in_src = false;
  while (*p) {
    if (p == key || (p[-1] == ' ' && (p[-2] == '+' || p[-2] == '-')))
      in_src = strncmp(p, src, sl) == 0 &&
               (p[sl] == '|' || p[sl] == ' ' || p[sl] == '\0');
    if (in_src && *p == '|' && strncmp(p + 1, comp, cl) == 0 &&
        (p[1 + cl] == '|' || p[1 + cl] == ' ' || p[1 + cl] == '\0')) {
      p += 1 + cl;
      continue;
    }
    out[o++] = *p++;
  }
  out[o] = '\0';
  return out;
}

/* Is every observation of a revenue key whose funds all lie in `outside`
 * (a set of funds the narrowing excludes) zero, and do they cover every
 * fund of `outside`? Then the income side of a 收支总表 says the package has
 * no money from those funds. */
static bool no_revenue_from(chk *c, const char *const *outside, size_t n) {
  bool covered[16] = {false};
  for (size_t i = 0; i < c->no; i++) {
    const char *k = c->o[i].key;
    if (strncmp(k, "rev|fund=", 9) != 0 || strstr(k, " + ") || strstr(k, " - "))
      continue;
    char funds[256];
    size_t fl = strcspn(k + 9, "|");
    if (fl >= sizeof funds) continue;
    memcpy(funds, k + 9, fl);
    funds[fl] = '\0';
    bool inside = true, mentions[16] = {false};
    for (char *tok = strtok(funds, "+"); tok; tok = strtok(NULL, "+")) {
      bool hit = false;
      for (size_t f = 0; f < n; f++)
        if (strcmp(tok, outside[f]) == 0) mentions[f] = hit = true;
      inside = inside && hit;
    }
    if (!inside) continue;
    if (c->o[i].v - c->o[i].lo > 0 || c->o[i].v + c->o[i].hi < 0) return false;
    for (size_t f = 0; f < n; f++) covered[f] = covered[f] || mentions[f];
  }
  for (size_t f = 0; f < n; f++)
    if (!covered[f]) return false;
  return true;
}

/* Is the 上年结转 of the income side shown, and zero? */
static bool no_carry(chk *c) {
  bool seen = false;
  for (size_t i = 0; i < c->no; i++) {
    const char *k = c->o[i].key;
    if (strncmp(k, "rev|", 4) || !strstr(k, "period=carry") ||
        strstr(k, " + ") || strstr(k, " - "))
      continue;
    if (c->o[i].v - c->o[i].lo > 0 || c->o[i].v + c->o[i].hi < 0) return false;
    seen = true;
  }
  return seen;
}

/*
 * When the income side shows no money but 一般公共预算 (or no money outside
 * 财政拨款, or no 上年结转), narrowing spending to that fund or period is
 * vacuous, and the 一般公共预算 tables show the same quantities as the
 * 收支总表: strip the narrowing from every key so those observations meet.
 * The evidence is the income side's zeros, never the spending figures
 * being compared, so a wrong spending cell cannot hide its own mismatch.
 */
static void normalise_keys(chk *c) {
  static const char *const non_gpb[] = {"govfund",  "soc",       "special",
                                        "business", "operation", "upper",
                                        "subord",   "reserve",   "other"};
  static const char *const non_fiscal[] = {"special", "business", "operation",
                                           "upper",   "subord",   "reserve",
                                           "other"};
  struct {
    const char *comp;
    bool vacuous;
  } strip[] = {
      {"fund=gpb", no_revenue_from(c, non_gpb, 9)},
      {"fund=gpb+govfund+soc", no_revenue_from(c, non_fiscal, 7)},
      {"fund=gpb+govfund+soc+special+business+operation+upper+subord+other",
       no_revenue_from(c, non_gpb + 7, 1)},
      {"period=cur", no_carry(c)},
  };
  static const char *const srcs[] = {"exp", "rev"};
  /* A package whose keys name a single unit: that unit is the whole
   * department, so the narrowing is vacuous (nested unit trees then meet
   * the department-level tables and the text). A code that prefixes the
   * others (322 before 322001) is the department's own. */
  const char *units[64];
  size_t nu = 0;
  bool split = false;
  for (size_t i = 0; i < c->no && !split; i++) {
    for (const char *u = strstr(c->o[i].key, "|unit="); u;
         u = strstr(u, "|unit=")) {
      u += 6;
      size_t l = strcspn(u, "| ");
      if (memchr(u, '+', l)) split = true;
      bool seen = false;
      for (size_t k = 0; k < nu && !seen; k++)
        seen = strlen(units[k]) == l && !strncmp(units[k], u, l);
      if (!seen && nu < 64) units[nu++] = ys_arena_strndup(c->a, u, l);
    }
  }
  size_t leaves = 0;
  for (size_t k = 0; k < nu; k++) {
    bool prefix = false;
    for (size_t j = 0; j < nu && !prefix; j++)
      prefix = j != k && strlen(units[j]) > strlen(units[k]) &&
               !strncmp(units[j], units[k], strlen(units[k]));
    leaves += !prefix;
  }
  if (nu && !split && leaves <= 1)
    for (size_t k = 0; k < nu; k++) {
      const char *comp = ys_arena_printf(c->a, "unit=%s", units[k]);
      for (size_t s2 = 0; s2 < 2; s2++)
        for (size_t i = 0; i < c->no; i++)
          c->o[i].key = strip_component(c, c->o[i].key, srcs[s2], comp);
    }
  for (size_t k = 0; k < sizeof strip / sizeof strip[0]; k++) {
    if (!strip[k].vacuous) continue;
    for (size_t s = 0; s < 2; s++)
      for (size_t i = 0; i < c->no; i++)
        c->o[i].key = strip_component(c, c->o[i].key, srcs[s], strip[k].comp);
  }
}

static int cmp_obs_key(const void *a, const void *b, void *ctx) {
  const chk *c = ctx;
  int x = *(const int *)a, y = *(const int *)b;
  int r = strcmp(c->o[x].key, c->o[y].key);
  return r ? r : (x < y ? -1 : x > y);
}

/* qsort_r is not C11; sort indexes with a small merge sort instead. */
static void sort_idx(int *v, size_t n, int *tmp, chk *c) {
  if (n < 2) return;
  size_t h = n / 2;
  sort_idx(v, h, tmp, c);
  sort_idx(v + h, n - h, tmp, c);
  size_t i = 0, j = h, k = 0;
  while (i < h && j < n)
    tmp[k++] = cmp_obs_key(&v[i], &v[j], c) <= 0 ? v[i++] : v[j++];
  while (i < h) tmp[k++] = v[i++];
  while (j < n) tmp[k++] = v[j++];
  memcpy(v, tmp, sizeof(int) * n);
}

static bool is_sangong_key(const char *k) {
  static const char *const codes[] = {"30212", "30217", "30231",
                                      "31013", "30215", "30216"};
  for (size_t i = 0; i < 6; i++)
    if (strstr(k, codes[i])) return true;
  return false;
}

static void equality_idents(chk *c) {
  if (!c->no) return;
  int *v = ys_arena_alloc(c->a, sizeof(int) * c->no);
  int *tmp = ys_arena_alloc(c->a, sizeof(int) * c->no);
  if (!v || !tmp) return;
  size_t n = 0;
  for (size_t i = 0; i < c->no; i++)
    if (strncmp(c->o[i].key, "task:", 5) && strcmp(c->o[i].key, "none") &&
        strncmp(c->o[i].key, "text-sum:", 9))
      v[n++] = (int)i;
  sort_idx(v, n, tmp, c);
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && strcmp(c->o[v[i]].key, c->o[v[j]].key) == 0) j++;
    size_t k = j - i;
    const char *rule =
        is_sangong_key(c->o[v[i]].key) ? "sangong.items" : "cross.table-equal";
    bool narr = false;
    for (size_t a = i; a < j; a++) narr = narr || c->o[v[a]].narrative;
    if (narr) rule = "narrative.figure";
    /* Pairs within small groups (a lone wrong value then breaks k−1 pairs
     * and is outvoted); a chain beyond, to stay linear. */
    for (size_t a = i; a < j; a++)
      for (size_t b = a + 1; b < j; b++) {
        if (k > 12 && b != a + 1) break;
        ident *x = add_ident(c, rule, 2);
        if (!x) return;
        x->n = 2;
        x->idx[0] = v[a];
        x->coef[0] = 1;
        x->idx[1] = v[b];
        x->coef[1] = -1;
        /* A text figure that disagrees with a table is reported at the
         * text: the tables are tied by sums, the sentence is not. */
        x->anchor = c->o[v[a]].narrative && !c->o[v[b]].narrative ? v[a] : v[b];
      }
    i = j;
  }
}

/* --- verdicts and blame ------------------------------------------------ */

static void evaluate(chk *c, ident *x) {
  x->resid = x->slo = x->shi = 0;
  for (int i = 0; i < x->n; i++) {
    const obs *o = &c->o[x->idx[i]];
    x->resid += x->coef[i] * o->v;
    x->slo += x->coef[i] > 0 ? o->lo : o->hi;
    x->shi += x->coef[i] > 0 ? o->hi : o->lo;
  }
  x->failed = x->resid - x->slo > 0 || x->resid + x->shi < 0;
}

static int64_t abs64(int64_t v) {
  return v < 0 ? -v : v;
}

typedef struct cand {
  int obs;
  int64_t value2;
  int support;
} cand;

/* The best single correction for obs o: the value most of its failing
 * identities agree on, provided it breaks none of its holding ones. */
static cand best_for(chk *c, int o, const int *list, size_t nlist) {
  cand best = {o, 0, 0};
  int64_t props[256];
  size_t np = 0;
  for (size_t m = 0; m < nlist && np < 256; m++) {
    ident *x = &c->id[list[m]];
    if (!x->failed || x->explained) continue;
    for (int i = 0; i < x->n; i++)
      if (x->idx[i] == o) props[np++] = c->o[o].v - x->coef[i] * x->resid;
  }
  for (size_t a = 0; a < np; a++) {
    /* Budget amounts are not negative (only change columns, A − B, are):
     * a correction to a negative value is not a plausible one. */
    if (props[a] < 0 && !strstr(c->o[o].key, " - ")) continue;
    int support = 0;
    for (size_t b = 0; b < np; b++) support += props[a] == props[b];
    if (support <= best.support) continue;
    /* Does this value keep every identity of o that holds? */
    int64_t keep = c->o[o].v;
    c->o[o].v = props[a];
    bool breaks = false;
    int fixed = 0;
    for (size_t m = 0; m < nlist && !breaks; m++) {
      ident *x = &c->id[list[m]];
      bool was = x->failed;
      evaluate(c, x);
      if (x->failed && !was) breaks = true;
      if (!x->failed && was) fixed++;
    }
    c->o[o].v = keep;
    for (size_t m = 0; m < nlist; m++) evaluate(c, &c->id[list[m]]);
    if (!breaks && fixed > best.support) {
      best.value2 = props[a];
      best.support = fixed;
    }
  }
  return best;
}

/* The rule a blamed cell is reported under: the kind of identity within
 * its own table it broke most often (ties going to the more specific kind),
 * the cross-table equality only when nothing else broke. */
static const char *main_rule(chk *c, const int *fixed, size_t nf,
                             bool narrative) {
  static const char *const order[] = {
      "narrative.figure", "balance.income-expense",
      "sangong.items",    "sum.code-tree",
      "sum.rows",         "sum.row-parts",
      "cross.table-equal"};
  const size_t no = sizeof order / sizeof order[0];
  size_t count[sizeof order / sizeof order[0]] = {0};
  for (size_t m = 0; m < nf; m++)
    for (size_t k = 0; k < no; k++)
      if (strcmp(c->id[fixed[m]].rule, order[k]) == 0) count[k]++;
  size_t best = no - 1;
  for (size_t k = narrative ? 0 : 1; k + 1 < no; k++)
    if (count[k] && (best == no - 1 || count[k] > count[best])) best = k;
  /* A text figure is always reported as such; a table cell never is. */
  if (narrative && count[0]) best = 0;
  return order[best];
}

/* Do observations a and b take part in a common failing identity? */
static bool shares_failing(chk *c, int a, int b, int **by, const size_t *cnt) {
  for (size_t m = 0; m < cnt[a]; m++) {
    const ident *x = &c->id[by[a][m]];
    if (!x->failed || x->explained) continue;
    for (size_t k = 0; k < cnt[b]; k++)
      if (by[b][k] == by[a][m]) return true;
  }
  return false;
}

static void related_from(chk *c, ys_finding *f, const int *list, size_t nlist,
                         int self) {
  size_t cap = 0;
  for (size_t m = 0; m < nlist; m++) cap += (size_t)c->id[list[m]].n;
  f->related = ys_arena_alloc(c->out->arena, sizeof(ys_cellref) * (cap + 1));
  if (!f->related) return;
  for (size_t m = 0; m < nlist; m++) {
    const ident *x = &c->id[list[m]];
    for (int i = 0; i < x->n; i++) {
      int o = x->idx[i];
      if (o == self) continue;
      bool dup = false;
      for (size_t k = 0; k < f->n_related && !dup; k++)
        dup = f->related[k].line == c->o[o].line &&
              strcmp(f->related[k].column, c->o[o].col) == 0 &&
              strcmp(f->related[k].table, c->o[o].table) == 0;
      if (dup) continue;
      ys_cellref *r = &f->related[f->n_related++];
      r->file = fs(c, c->o[o].file);
      r->table = fs(c, c->o[o].table);
      r->row = fs(c, c->o[o].row);
      r->column = fs(c, c->o[o].col);
      r->text = fs(c, c->o[o].text);
      r->line = c->o[o].line;
    }
  }
}

/* A narrative figure one unit off in its last printed place is a slip of
 * rounding or truncation (2831.62 for 2,831.63): a warning, not an error. */
static ys_severity narrative_severity(const obs *o, int64_t diff) {
  if (!o->narrative) return YS_SEV_ERROR;
  /* "支出预算 5839.26" against 5846.29 with 7.03 carried over: the text
   * may mean this year's money only. */
  if (o->unclear) return YS_SEV_WARNING;
  /* only for figures printed to two decimals or more: 0.1 against 0 is a
   * thousand 元, not a slip of rounding */
  if (o->decimals < 2) return YS_SEV_ERROR;
  int64_t ulp = ys_unit_fen(o->unit) / pow10i(o->decimals);
  return abs64(diff) <= (ulp ? ulp : 1) ? YS_SEV_WARNING : YS_SEV_ERROR;
}

static const char *rule_title(const char *id) {
  const ys_rule *r = ys_rule_find(id);
  return r ? r->title : id;
}

static void blame(chk *c) {
  /* Identities per observation. */
  size_t *cnt = ys_arena_alloc(c->a, sizeof(size_t) * (c->no + 1));
  int **by = ys_arena_alloc(c->a, sizeof(int *) * (c->no + 1));
  if (!cnt || !by) return;
  for (size_t m = 0; m < c->ni; m++)
    for (int i = 0; i < c->id[m].n; i++) cnt[c->id[m].idx[i]]++;
  for (size_t o = 0; o < c->no; o++) {
    by[o] = ys_arena_alloc(c->a, sizeof(int) * (cnt[o] + 1));
    if (!by[o]) return;
    cnt[o] = 0;
  }
  for (size_t m = 0; m < c->ni; m++)
    for (int i = 0; i < c->id[m].n; i++) {
      int o = c->id[m].idx[i];
      by[o][cnt[o]++] = (int)m;
    }
  /* Candidates of a round that touch a common failing identity compete:
   * a tie among them means the data cannot tell. Candidates on disjoint
   * identities (a value moved between two rows) are independent. */
  cand *cs = ys_arena_alloc(c->a, sizeof(cand) * (c->no + 1));
  if (!cs) return;
  for (int round = 0; round < 200; round++) {
    size_t ncs = 0;
    for (size_t o = 0; o < c->no; o++) {
      bool involved = false;
      for (size_t m = 0; m < cnt[o] && !involved; m++)
        involved = c->id[by[o][m]].failed && !c->id[by[o][m]].explained;
      if (!involved || c->o[o].blamed) continue;
      cand cd = best_for(c, (int)o, by[o], cnt[o]);
      if (cd.support > 0) cs[ncs++] = cd;
    }
    cand best = {-1, 0, 0};
    for (size_t i = 0; i < ncs; i++) {
      if (cs[i].support <= best.support) continue;
      bool contested = false;
      for (size_t j = 0; j < ncs && !contested; j++) {
        if (j == i || cs[j].support < cs[i].support) continue;
        contested = shares_failing(c, cs[i].obs, cs[j].obs, by, cnt);
      }
      if (!contested) best = cs[i];
    }
    /* One failing identity alone names its culprit only when it is the
     * sole plausible one (see best_for). */
    if (best.obs < 0 || best.support < 1) break;
    if (best.support == 1) {
      size_t rivals = 0;
      for (size_t j = 0; j < ncs; j++)
        rivals += cs[j].obs != best.obs &&
                  shares_failing(c, best.obs, cs[j].obs, by, cnt);
      if (rivals) break;
    }
    obs *o = &c->o[best.obs];
    /* Report against the identities this correction repairs. */
    int fixed[256];
    size_t nf = 0;
    int64_t keep = o->v;
    o->v = best.value2;
    for (size_t m = 0; m < cnt[best.obs]; m++) {
      ident *x = &c->id[by[best.obs][m]];
      bool was = x->failed && !x->explained;
      evaluate(c, x);
      if (was && !x->failed) {
        if (nf < 256) fixed[nf++] = by[best.obs][m];
        x->explained = true;
      }
    }
    const char *rule = main_rule(c, fixed, nf, o->narrative);
    o->blamed = true;
    ys_finding *f = add_finding(c, rule ? rule : "cross.table-equal",
                                narrative_severity(o, keep - best.value2));
    if (!f) return;
    f->file = fs(c, o->file);
    f->line = o->line;
    f->table = fs(c, o->table);
    f->row = fs(c, o->row);
    f->column = fs(c, o->col);
    f->unit = fs(c, ys_unit_name(o->unit));
    f->found = fs(c, fmt_amount(c, keep, o->unit, o->decimals));
    f->expected = fs(c, fmt_amount(c, o->v, o->unit, o->decimals));
    f->difference = fs(c, fmt_amount(c, keep - o->v, o->unit, o->decimals));
    char msg[1024];
    snprintf(msg, sizeof msg,
             "%s：“%s”%s%s 为 %s，应为 %s（差额 %s %s）；改正后 %zu 个勾稽关系"
             "全部成立%s",
             rule_title(f->rule), o->row, *o->col ? "·" : "", o->col, f->found,
             f->expected, f->difference, f->unit, nf,
             o->unclear ? "（说明未写明是否含上年结转，差额可能即为上年结转）"
                        : "");
    f->message = fs(c, msg);
    related_from(c, f, fixed, nf, best.obs);
    (void)keep;
  }
  /* What no single correction explains: report the identity itself, once
   * per cell and rule (a cell off against three tables is one finding). */
  for (size_t m = 0; m < c->ni; m++) {
    ident *x = &c->id[m];
    if (!x->failed || x->explained) continue;
    int group[256];
    size_t ng = 0;
    for (size_t k = m; k < c->ni && ng < 256; k++) {
      ident *y = &c->id[k];
      if (y->failed && !y->explained && y->anchor == x->anchor &&
          strcmp(y->rule, x->rule) == 0) {
        group[ng++] = (int)k;
        if (k != m) y->explained = true;
      }
    }
    obs *t = &c->o[x->anchor];
    int coef = 0;
    for (int i = 0; i < x->n; i++)
      if (x->idx[i] == x->anchor) coef = x->coef[i];
    int64_t expect = t->v - coef * x->resid;
    ys_finding *f =
        add_finding(c, x->rule, narrative_severity(t, t->v - expect));
    if (!f) return;
    f->file = fs(c, t->file);
    f->line = t->line;
    f->table = fs(c, t->table);
    f->row = fs(c, t->row);
    f->column = fs(c, t->col);
    f->unit = fs(c, ys_unit_name(t->unit));
    f->found = fs(c, fmt_amount(c, t->v, t->unit, t->decimals));
    f->expected = fs(c, fmt_amount(c, expect, t->unit, t->decimals));
    f->difference = fs(c, fmt_amount(c, t->v - expect, t->unit, t->decimals));
    char msg[1024];
    snprintf(
        msg, sizeof msg,
        "%s：“%s”%s%s 为 %s，按相关单元格应为 %s（差额 %s %s，超出四舍五入"
        "允许的 %s）；无法判断是哪一个单元格有误，请核对相关单元格",
        rule_title(x->rule), t->row, *t->col ? "·" : "", t->col, f->found,
        f->expected, f->difference, f->unit,
        fmt_exact(c, x->slo > x->shi ? x->slo : x->shi, t->unit, t->decimals));
    if (!strcmp(x->rule, "narrative.parts-sum"))
      snprintf(msg, sizeof msg,
               "说明中所述数额 %s %s 与其后（“%s”之后）列出的 %d 项合计 %s %s "
               "不一致，相差 %s %s",
               f->found, f->unit, t->row, x->n - 1, f->expected, f->unit,
               f->difference, f->unit);
    f->message = fs(c, msg);
    related_from(c, f, group, ng, x->anchor);
  }
  if (!c->opt || !c->opt->rounding) return;
  for (size_t m = 0; m < c->ni; m++) {
    ident *x = &c->id[m];
    if (x->failed || x->resid == 0) continue;
    obs *t = &c->o[x->anchor];
    ys_finding *f = add_finding(c, "rounding.tail", YS_SEV_INFO);
    if (!f) return;
    f->file = fs(c, t->file);
    f->line = t->line;
    f->table = fs(c, t->table);
    f->row = fs(c, t->row);
    f->column = fs(c, t->col);
    f->unit = fs(c, ys_unit_name(t->unit));
    f->found = fs(c, fmt_amount(c, t->v, t->unit, t->decimals));
    f->difference = fs(c, fmt_exact(c, abs64(x->resid), t->unit, t->decimals));
    char msg[512];
    snprintf(
        msg, sizeof msg,
        "尾数误差：“%s”与相关单元格相差 %s %s，在四舍五入允许范围内，不是错误",
        t->row, f->difference, f->unit);
    f->message = fs(c, msg);
  }
}

/* --- completeness ------------------------------------------------------ */

static void completeness(chk *c, const ys_profile *p, const ys_ptable **seen,
                         size_t nmatched) {
  /* A few tables are a selection, not a package: only a document holding
   * most of a profile's (distinct) tables is held to the whole set. */
  size_t distinct = 0;
  for (size_t i = 0; i < p->n; i++) {
    bool found = false;
    for (size_t k = 0; k < c->doc->n && !found; k++)
      found = seen[k] == &p->tables[i];
    distinct += found;
  }
  (void)nmatched;
  if (distinct * 2 <= p->n) return;
  for (size_t i = 0; i < p->n; i++) {
    bool found = false;
    for (size_t k = 0; k < c->doc->n && !found; k++)
      found = seen[k] == &p->tables[i];
    if (found) continue;
    ys_finding *f = add_finding(c, "complete.missing-table", YS_SEV_WARNING);
    if (!f) return;
    const char *tt = p->tables[i].title, *at = strstr(tt, "{prefix}");
    const char *title = at ? ys_arena_printf(c->a, "%.*s%s%s", (int)(at - tt),
                                             tt, p->title_prefix, at + 8)
                           : tt;
    char msg[512];
    snprintf(
        msg, sizeof msg,
        "报表格式“%s”要求公开%s“%s”，文档中未找到（空表也应公开并说明理由）",
        p->name, p->tables[i].number, title);
    f->file = fs(c, c->doc->file);
    f->table =
        fs(c, ys_arena_printf(c->a, "%s %s", p->tables[i].number, title));
    f->message = fs(c, msg);
  }
}

static const ys_profile *detect_profile(chk *c, ys_profile **owned) {
  char names[32][64];
  size_t n = ys_profile_builtin_list(names, 32);
  int best_score = -1;
  ys_profile *best = NULL;
  for (size_t i = 0; i < n && i < 32; i++) {
    if (c->opt && c->opt->profile && strcmp(c->opt->profile, names[i]))
      continue;
    ys_profile *p = NULL;
    if (ys_profile_open_builtin(&p, names[i], NULL)) continue;
    /* Many titles share a tail (收支总表): the profile whose titles match
     * most specifically (the most matched characters) wins. A reader's
     * hint (the text reader recognises the family) breaks ties. */
    int score = 0;
    for (size_t k = 0; k < c->doc->n; k++) {
      size_t len = 0;
      match_table_len(c, p, &c->doc->tables[k], &len);
      score += 2 * (int)len;
    }
    if (c->doc->profile_hint && !strcmp(c->doc->profile_hint, names[i]))
      score += 1;
    if (score > best_score) {
      ys_profile_free(best);
      best = p;
      best_score = score;
    } else {
      ys_profile_free(p);
    }
  }
  *owned = best;
  return best;
}

int ys_check_rdoc(const ys_rdoc *doc, const ys_catalog *cat,
                  const ys_check_options *opt, ys_findings *out,
                  ys_errors *errs) {
  chk c;
  memset(&c, 0, sizeof c);
  c.doc = doc;
  c.cat = cat;
  c.opt = opt;
  c.out = out;
  c.a = ys_arena_new(0);
  if (!c.a) return YS_ENOMEM;
  c.year = opt && opt->year ? opt->year : doc->year;
  ys_profile *owned = NULL;
  const ys_profile *p = detect_profile(&c, &owned);
  if (!p) {
    ys_errors_add(errs, YS_ENOTFOUND, doc->file, 0, 0, "没有可用的报表格式");
    ys_arena_free(c.a);
    return YS_ENOTFOUND;
  }
  c.p = p;
  const ys_ptable **seen = ys_arena_alloc(c.a, sizeof(void *) * (doc->n + 1));
  size_t nmatched = 0;
  for (size_t k = 0; seen && k < doc->n; k++) {
    const ys_rtable *rt = &doc->tables[k];
    const ys_ptable *pt = match_table(&c, p, rt);
    seen[k] = pt;
    const char *tname = table_name(&c, rt);
    if (!pt) {
      ys_finding *f = add_finding(&c, "parse.unrecognized-table", YS_SEV_INFO);
      if (f) {
        f->file = fs(&c, rt->file);
        f->line = rt->title_line;
        f->table = fs(&c, tname);
        f->message = fs(&c, "无法识别此表属于哪一张标准报表，未参与检查");
      }
      continue;
    }
    nmatched++;
    size_t body = rt->header_rows >= 0
                      ? (size_t)rt->header_rows
                      : (size_t)pt->header_rows + (pt->colnums ? 1 : 0);
    size_t before = c.no;
    if (pt->layout == LAYOUT_GRID)
      observe_grid(&c, rt, pt, tname, body);
    else if (pt->layout == LAYOUT_PANELS)
      observe_panels(&c, rt, pt, tname, body);
    else
      observe_targets(&c, rt, pt, tname);
    bool any = false;
    for (size_t i = before; i < c.no; i++) any = any || c.o[i].v != 0;
    if (!any && !rt->empty_note && pt->layout != LAYOUT_TARGETS) {
      ys_finding *f =
          add_finding(&c, "complete.empty-table-note", YS_SEV_WARNING);
      if (f) {
        f->file = fs(&c, rt->file);
        f->line = rt->title_line;
        f->table = fs(&c, tname);
        f->message = fs(&c, "此表没有数据，但没有“空表说明”说明理由");
      }
    }
  }
  if (seen) completeness(&c, p, seen, nmatched);
  observe_claims(&c);
  difference_idents(&c);
  normalise_keys(&c);
  equality_idents(&c);
  for (size_t m = 0; m < c.ni; m++) evaluate(&c, &c.id[m]);
  blame(&c);
  ys_profile_free(owned);
  ys_arena_free(c.a);
  return YS_OK;
}
