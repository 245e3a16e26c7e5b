/*
 * check_util.c - small helpers of the checker: keys, intervals, adding
 * observations, identities and findings, tree sums, catalogue checks.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_impl.h"

/* --- small helpers ----------------------------------------------------- */

const char *ck_key_of(chk *c, const char *s) {
  const char *k = ys_text_key(c->a, s ? s : "", s ? strlen(s) : 0);
  return k ? k : "";
}

/* Strips list numbering ("一、", "1、", "(1)", "（一）", "10、") and spaces,
 * for matching printed labels against profile labels. */
const char *ck_label_key(chk *c, const char *s) {
  const char *k = ck_key_of(c, s);
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
bool ck_label_matches(chk *c, const char *printed_key, const char *tpl) {
  if (!strchr(tpl, '{')) return strcmp(ck_label_key(c, tpl), printed_key) == 0;
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
    const char *k = ck_key_of(c, lit);
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
bool ck_all_digits(const char *s) {
  if (!*s) return false;
  for (; *s; s++)
    if (*s < '0' || *s > '9') return false;
  return true;
}

/* Indentation depth of a printed name, in units of the profile indent. */
int ck_indent_level(const char *s, const char *indent) {
  size_t il = strlen(indent);
  int n = 0;
  if (!il) return 0;
  while (strncmp(s, indent, il) == 0) {
    s += il;
    n++;
  }
  return n;
}
/* 10^d, saturating at 10^18 (the largest power of ten in int64): a
 * printed figure with more decimals than that is exact to the 分 anyway. */
int64_t ck_pow10i(int d) {
  int64_t r = 1;
  while (d-- > 0 && r <= INT64_MAX / 10) r *= 10;
  return r;
}

/* Sets the interval of a printed value v with d decimals in unit u. Half a
 * printed unit in 分 is h; rounding half away from zero maps the amounts
 * [v − h, v + h − 1] to a positive v, [v − h + 1, v + h] to a negative one
 * and (−h, h) to zero. A print that reaches 分 is exact. */
void ck_bounds(obs *o, ys_unit u, int d) {
  int64_t step = ys_unit_fen(u) / ck_pow10i(d); /* 分 per printed unit */
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
const char *ck_fmt_amount(chk *c, int64_t v, ys_unit u, int d) {
  char buf[64];
  ys_money_format(buf, sizeof buf, v, u, d, 0);
  return ys_arena_strdup(c->a, buf);
}

/* An exact amount (分) in unit u, at least d decimals, trailing zeros
 * beyond d trimmed: for differences smaller than the printed precision. */
const char *ck_fmt_exact(chk *c, int64_t v, ys_unit u, int d) {
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
const char *ck_qkey(chk *c, const ys_qexpr *e) {
  if (ys_qexpr_over(e)) {
    c->limit = true;
    return NULL;
  }
  return ys_qexpr_key(c->a, e);
}

int ck_add_obs(chk *c, const ys_qexpr *q, const char *name, const ys_amount *am,
               ys_unit u, const char *file, const char *table, const char *row,
               const char *col, const char *text, int line) {
  const char *key = name;
  ck_qty *qty = NULL;
  assert(q || name); /* a quantity, or a name of its own */
  assert(!q || (q->n >= 1 && q->n <= YS_Q_MAXTERMS));
  if (q) {
    key = ck_qkey(c, q);
    if (!key) return c->limit ? CK_NOKEY : -1;
    qty = ys_arena_alloc(c->a, sizeof *qty + sizeof qty->t[0] * (size_t)q->n);
    if (!qty) return -1;
    qty->n = q->n;
    for (int i = 0; i < q->n; i++) {
      qty->sign[i] = q->sign[i];
      qty->t[i] = q->t[i];
    }
  }
  obs *grown = ys_arena_reserve(c->a, c->o, c->no, &c->co, sizeof *grown);
  if (!grown) return -1;
  c->o = grown;
  obs *o = &c->o[c->no];
  memset(o, 0, sizeof *o);
  o->key = key;
  o->q = qty;
  o->v = am->fen;
  ck_bounds(o, u, am->decimals);
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

void ck_qty_expr(const ck_qty *q, ys_qexpr *out) {
  out->n = q->n;
  for (int i = 0; i < q->n; i++) {
    out->sign[i] = q->sign[i];
    out->t[i] = q->t[i];
  }
}

bool ck_obs_difference(const obs *o) {
  if (!o->q) return false;
  for (int i = 1; i < o->q->n; i++)
    if (o->q->sign[i] < 0) return true;
  return false;
}

void ck_obs_place(chk *c, int o, const ys_rcell *cell) {
  if (o < 0 || !cell) return;
  c->o[o].page = cell->page;
  c->o[o].box = cell->box;
}

ident *ck_add_ident(chk *c, const char *rule, int n) {
  assert(n >= 0);
  ident *grown = ys_arena_reserve(c->a, c->id, c->ni, &c->ci, sizeof *grown);
  if (!grown) return NULL;
  c->id = grown;
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
ys_finding *ck_add_finding(chk *c, const char *rule, ys_severity sev) {
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
const char *ck_fs(chk *c, const char *s) {
  return ys_arena_strdup(c->out->arena, s ? s : "");
}

ys_cellref ck_cellref(chk *c, const obs *o) {
  return (ys_cellref){ck_fs(c, o->file), ck_fs(c, o->table),
                      ck_fs(c, o->row),  ck_fs(c, o->col),
                      ck_fs(c, o->text), o->line,
                      o->page,           o->box};
}
const char *ck_table_name(chk *c, const ys_rtable *rt) {
  return ys_arena_printf(c->a, "%s%s%s", rt->number, *rt->number ? " " : "",
                         rt->title);
}
void ck_unplaced(chk *c, const ys_rtable *rt, const char *tname,
                 const ys_rrow *row, const char *why) {
  ys_finding *f = ck_add_finding(c, "parse.unplaced", YS_SEV_INFO);
  if (!f) return;
  f->file = ck_fs(c, rt->file);
  f->line = row->line;
  f->table = ck_fs(c, tname);
  f->row = ck_fs(c, row->n ? row->cells[0].text : "");
  f->message = ck_fs(c, why);
  if (row->n) {
    f->page = row->cells[0].page;
    f->box = row->cells[0].box;
  }
}

/* Identities "row = Σ children" over one sequence of rows. */
void ck_tree_idents(chk *c, const rowinfo *ri, size_t n, size_t ncols,
                    const int *obs_at /* n × ncols, -1 none */,
                    const char *rule_tree, const char *rule_rows,
                    const bool *is_code_row) {
  /* a row's children are among the rows after it: one buffer serves all */
  size_t *kids = n ? ys_arena_alloc(c->a, sizeof *kids * n) : NULL;
  if (!kids) return; /* the arena's failure is the check's result */
  for (size_t i = 0; i < n; i++) {
    if (!ri[i].placed || ri[i].subset) continue;
    size_t nk = 0;
    for (size_t j = i + 1; j < n; j++) {
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
      ident *x = ck_add_ident(c, rule, (int)have + 1);
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
void ck_sum_ident(chk *c, const char *rule, int total, const int *parts,
                  size_t n) {
  size_t have = 0;
  for (size_t i = 0; i < n; i++) {
    if (parts[i] == UNREADABLE) return;
    have += parts[i] >= 0;
  }
  if (total < 0 || !have) return;
  ident *x = ck_add_ident(c, rule, (int)have + 1);
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

/* Catalogue checks of one code row: known, name right for the year, under
 * the right parent. */
/* Do two names share most of their characters, in order (机关事业单位基本
 * 养老保险费 for 机关事业单位基本养老保险缴费)? The longest common
 * subsequence of code points against the longer name, at least 3/4. */
static bool similar(const char *a, const char *b) {
  uint32_t x[64], y[64];
  size_t nx = 0, ny = 0;
  for (size_t i = 0, n = strlen(a); i < n && nx < 64;)
    i += ys_utf8_decode(a + i, n - i, &x[nx++]);
  for (size_t i = 0, n = strlen(b); i < n && ny < 64;)
    i += ys_utf8_decode(b + i, n - i, &y[ny++]);
  if (!nx || !ny) return false;
  unsigned short dp[65][65];
  for (size_t i = 0; i <= nx; i++)
    for (size_t j = 0; j <= ny; j++)
      dp[i][j] =
          !i || !j ? 0
          : x[i - 1] == y[j - 1]
              ? (unsigned short)(dp[i - 1][j - 1] + 1)
              : (dp[i - 1][j] > dp[i][j - 1] ? dp[i - 1][j] : dp[i][j - 1]);
  size_t longer = nx > ny ? nx : ny;
  return (size_t)dp[nx][ny] * 4 >= longer * 3;
}

void ck_catalog_row(chk *c, const ys_rtable *rt, const char *tname, ys_cls cls,
                    const char *code, const char *name, const char *parent,
                    int line) {
  const ys_cat_entry *e = ys_catalog_lookup(c->cat, cls, code, c->year);
  char msg[768];
  if (!e) {
    const ys_cat_entry *v[8];
    size_t nv = ys_catalog_versions(c->cat, cls, code, v, 8);
    ys_finding *f = ck_add_finding(c, "catalog.unknown-code", YS_SEV_WARNING);
    if (!f) return;
    f->file = ck_fs(c, rt->file);
    f->line = line;
    f->table = ck_fs(c, tname);
    f->row = ck_fs(c, name);
    f->found = ck_fs(c, code);
    if (nv)
      snprintf(msg, sizeof msg,
               "科目编码 %s（%s）在 %d 年的科目表中无效（%d–%d 年有效）", code,
               v[nv - 1]->name, c->year, v[0]->valid_from, v[nv - 1]->valid_to);
    else
      snprintf(msg, sizeof msg, "科目编码 %s 不在政府收支分类科目表中", code);
    f->message = ck_fs(c, msg);
    return;
  }
  if (parent && *parent && strncmp(code, parent, strlen(parent)) != 0) {
    ys_finding *f = ck_add_finding(c, "catalog.wrong-parent", YS_SEV_ERROR);
    if (f) {
      f->file = ck_fs(c, rt->file);
      f->line = line;
      f->table = ck_fs(c, tname);
      f->row = ck_fs(c, name);
      f->found = ck_fs(c, code);
      snprintf(msg, sizeof msg, "科目 %s %s 列在 %s 之下，但不属于该科目", code,
               name, parent);
      f->message = ck_fs(c, msg);
    }
  }
  if (!name || !*name) return;
  /* "其中：公务用车运行维护费" names the class after its 其中 */
  if (!strncmp(name, "其中", 6)) {
    name += 6;
    if (!strncmp(name, "：", 3))
      name += 3;
    else if (*name == ':')
      name++;
  }
  const char *nk = ck_label_key(c, name);
  if (strcmp(nk, ck_key_of(c, e->name)) == 0) return;
  const ys_cat_entry *v[8];
  size_t nv = ys_catalog_versions(c->cat, cls, code, v, 8);
  for (size_t i = 0; i < nv && i < 8; i++)
    if (strcmp(nk, ck_key_of(c, v[i]->name)) == 0) {
      ys_finding *f = ck_add_finding(c, "catalog.name-year", YS_SEV_WARNING);
      if (!f) return;
      f->file = ck_fs(c, rt->file);
      f->line = line;
      f->table = ck_fs(c, tname);
      f->row = ck_fs(c, name);
      f->found = ck_fs(c, name);
      f->expected = ck_fs(c, e->name);
      snprintf(msg, sizeof msg,
               "“%s”是科目 %s 的旧名称（%d–%d 年），%d 年应为“%s”", name, code,
               v[i]->valid_from, v[i]->valid_to, c->year, e->name);
      f->message = ck_fs(c, msg);
      return;
    }
  /* 其它 and 其他 are one word; a name that contains the catalogue's or is
   * contained in it (一般行政 for 一般行政管理事务, 城镇职工… for 职工…) is
   * a non-standard spelling (warning); anything else names another
   * class (error). */
  const char *ek = ck_key_of(c, e->name);
  char a[512], b[512];
  snprintf(a, sizeof a, "%s", nk);
  snprintf(b, sizeof b, "%s", ek);
  for (char *q; (q = strstr(a, "其它"));) memcpy(q, "其他", strlen("其他"));
  for (char *q; (q = strstr(b, "其它"));) memcpy(q, "其他", strlen("其他"));
  bool variant = !strcmp(a, b);
  bool contained = strstr(a, b) || strstr(b, a) || similar(a, b);
  ys_finding *f =
      ck_add_finding(c, "catalog.name-mismatch",
                     variant || contained ? YS_SEV_WARNING : YS_SEV_ERROR);
  if (!f) return;
  f->file = ck_fs(c, rt->file);
  f->line = line;
  f->table = ck_fs(c, tname);
  f->row = ck_fs(c, name);
  f->found = ck_fs(c, name);
  f->expected = ck_fs(c, e->name);
  snprintf(msg, sizeof msg,
           variant
               ? "科目 %s 的规范名称为“%s”，表中写作“%s”（“其它”应作“其他”）"
           : contained
               ? "科目 %s 的规范名称为“%s”，表中写作“%s”（名称不完整或不规范）"
               : "科目 %s 的名称应为“%s”，表中写作“%s”",
           code, e->name, name);
  f->message = ck_fs(c, msg);
}

/* --- verdicts and blame ------------------------------------------------ */

void ck_evaluate(chk *c, ident *x) {
  x->resid = x->slo = x->shi = 0;
  for (int i = 0; i < x->n; i++) {
    /* the builders tie observations only, never an unreadable cell */
    assert(x->idx[i] >= 0 && (size_t)x->idx[i] < c->no);
    assert(x->coef[i] == 1 || x->coef[i] == -1);
    const obs *o = &c->o[x->idx[i]];
    x->resid += x->coef[i] * o->v;
    x->slo += x->coef[i] > 0 ? o->lo : o->hi;
    x->shi += x->coef[i] > 0 ? o->hi : o->lo;
  }
  x->failed = x->resid - x->slo > 0 || x->resid + x->shi < 0;
}
int64_t ck_abs64(int64_t v) {
  return v < 0 ? -v : v;
}
