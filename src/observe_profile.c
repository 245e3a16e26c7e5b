/*
 * observe_profile.c - observations of tables laid out in a profile's
 * columns: compiled packages (CSV, tables.json, tables.xlsx) and the
 * published text of the families the text reader fits (ingest_text.c).
 *
 * A raw table is matched to a profile table by its title (the longest
 * profile title contained in the printed one); the row's filter comes
 * from what is printed (a code, a unit, a project name, a fixed label
 * such as 本年收入合计), the column's quantity and the table base from
 * the profile. ys_qexpr_cell makes the key, so the vocabulary is
 * compile's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_impl.h"

static void rate_check(chk *c, const ys_rtable *rt, const char *tname,
                       const char *name, const char *value_text, int line);

typedef struct pline {
  const ys_prow *pr;
  int level;
  bool subset, footer;
  int obs[16]; /* per amount column; -1 none */
} pline;

/* --- recognition ------------------------------------------------------- */

/* The profile title as a key (ys_ptable_plain_title), so "2024
 * 年单位综合预算收支总表" and "部门综合预算收支总表" both match. */
static const char *title_core(chk *c, const ys_ptable *t) {
  const char *plain = ys_ptable_plain_title(t, c->a);
  return plain ? ck_key_of(c, plain) : "";
}

/* The profile table a printed title names: the longest profile title
 * (without {prefix}) contained in it. *len gets that length, which scores
 * how specific the match is. */
const ys_ptable *ck_match_table_len(chk *c, const ys_profile *p,
                                    const ys_rtable *rt, size_t *len) {
  const char *k = ck_key_of(c, rt->title);
  const ys_ptable *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; i < p->n; i++) {
    const char *core = title_core(c, &p->tables[i]);
    size_t l = strlen(core);
    if (l && strstr(k, core) && l > best_len) {
      best = &p->tables[i];
      best_len = l;
    }
  }
  if (len) *len = best_len;
  return best;
}
const ys_ptable *ck_match_table(chk *c, const ys_profile *p,
                                const ys_rtable *rt) {
  return ck_match_table_len(c, p, rt, NULL);
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
  ys_finding *f = ck_add_finding(c, "parse.bad-amount", YS_SEV_WARNING);
  if (f) {
    f->file = ck_fs(c, rt->file);
    f->line = cell->line;
    f->table = ck_fs(c, tname);
    f->row = ck_fs(c, row);
    f->column = ck_fs(c, col);
    f->found = ck_fs(c, cell->text);
    char msg[512];
    snprintf(msg, sizeof msg,
             "单元格“%s”无法识别为金额（%s），此单元格及其所在的勾稽关系未检查",
             cell->text, why ? why : "格式不对");
    f->message = ck_fs(c, msg);
  }
  return false;
}
/* The quantity of a cell of the table: column quantity q narrowed by the
 * table base and the row filter, as compile makes it. */
static void cell_qty(chk *c, const ys_ptable *pt, const ys_qexpr *q,
                     const ys_qfilter *row, ys_qexpr *out) {
  ys_qexpr_cell(out, q, pt->has_base ? &pt->base : NULL, row, c->a);
}

/* --- grid tables -------------------------------------------------------
 *
 * A grid is read row by row: each row's code and name (grid_row_code),
 * then what the row is (a total, a node of the code tree, a department /
 * unit / heading / project of the unit tables, a fixed row), which gives
 * its quantity filter, then its amount cells (grid_amounts). The state
 * that runs down the rows (the unit a tree belongs to, the levels of
 * headings, the parents of the code tree) lives in one struct. */

typedef struct grid {
  chk *c;
  const ys_rtable *rt;
  const ys_ptable *pt;
  const char *tname;
  size_t body, nc, nr;
  /* the profile's columns */
  int code_col, name_col, gov_col, lei, kuan, xiang, unit_col, elei, ekuan;
  int t_name, t_op, t_value, t_unit, t_target;
  /* what the profile's rows can produce */
  const ys_prow *tree;
  bool has_units, has_projects, tree_in_units, has_targets;
  /* per row: its unit code (grid_units), what the walk found */
  const char **unit_of;
  rowinfo *ri;
  int *obs_at;
  bool *is_code;
  const char **code_keys; /* the code column's key of each row, sorted */
  size_t ncode_keys;
  /* the walk down the rows */
  const char **units_seen; /* unit names so far: never a class's name */
  size_t n_units_seen, cap_units_seen;
  int unit_level, group_level, group_rows, prev_heading_level, prev_indent;
  bool dept_seen, unit_done, in_heading, prev_heading, last_row_heading;
  bool has_indent;
  const char *prev_code, *last_tree_code, *last_tree_name, *cur_unit;
  /* Economic 款 shown once only: their government 款 is implied, so the
   * quantity need not name it (and then matches 三公 and other tables). */
  const char *parent_at[4];
} grid;

/* Is name one of the unit names already seen in this table? (Units and
 * classes never share names, but a unit row must not be read as one.) */
static bool unit_like(const grid *g, const char *name) {
  for (size_t i = 0; i < g->n_units_seen; i++)
    if (!strcmp(g->units_seen[i], name)) return true;
  return false;
}

static void unit_seen(grid *g, const char *name) {
  if (!*name) return;
  const char **v =
      ys_arena_reserve(g->c->a, (void *)g->units_seen, g->n_units_seen,
                       &g->cap_units_seen, sizeof *v);
  if (!v) return; /* the arena records it: the check ends YS_ENOMEM */
  g->units_seen = v;
  g->units_seen[g->n_units_seen++] = name;
}

static void grid_columns(grid *g) {
  g->code_col = g->name_col = g->gov_col = g->lei = g->kuan = g->xiang = -1;
  g->unit_col = g->elei = g->ekuan = -1;
  g->t_name = g->t_op = g->t_value = g->t_unit = g->t_target = -1;
  for (size_t k = 0; k < g->nc; k++) {
    int *slot = NULL;
    switch (g->pt->cols[k].show) {
    case PCOL_CODE:
      slot = &g->code_col;
      break;
    case PCOL_NAME:
      slot = &g->name_col;
      break;
    case PCOL_GOV_CODE:
      slot = &g->gov_col;
      break;
    case PCOL_FUNC_LEI:
      slot = &g->lei;
      break;
    case PCOL_FUNC_KUAN:
      slot = &g->kuan;
      break;
    case PCOL_FUNC_XIANG:
      slot = &g->xiang;
      break;
    case PCOL_UNIT_CODE:
      slot = &g->unit_col;
      break;
    case PCOL_ECON_LEI:
      slot = &g->elei;
      break;
    case PCOL_ECON_KUAN:
      slot = &g->ekuan;
      break;
    case PCOL_T_NAME:
      slot = &g->t_name;
      break;
    case PCOL_T_OP:
      slot = &g->t_op;
      break;
    case PCOL_T_VALUE:
      slot = &g->t_value;
      break;
    case PCOL_T_UNIT:
      slot = &g->t_unit;
      break;
    case PCOL_T_TARGET:
      slot = &g->t_target;
      break;
    default:
      break;
    }
    if (slot) *slot = (int)k;
  }
}

static void grid_shape(grid *g) {
  const ys_ptable *pt = g->pt;
  for (size_t i = 0; i < pt->nrows; i++) {
    const ys_prow *pr = &pt->rows[i];
    if (pr->kind == PROW_TREE) g->tree = pr;
    if (pr->kind == PROW_UNITS) g->has_units = true;
    if (pr->kind == PROW_PROJECTS) g->has_projects = true;
    if (pr->kind == PROW_TARGETS) g->has_targets = true;
    /* rows repeated inside every unit (a code tree per unit) */
    for (size_t k = 0; pr->kind == PROW_UNITS && k < pr->n_sub; k++) {
      if (pr->sub[k].kind == PROW_TREE) {
        g->tree = &pr->sub[k];
        g->tree_in_units = true;
      }
      if (pr->sub[k].kind == PROW_PROJECTS) g->has_projects = true;
    }
  }
}

static const ys_rrow *grid_row(const grid *g, size_t i) {
  return &g->rt->rows[g->body + i];
}

static int cmp_key(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The unit code of each row: printed in its own unit-code column, or, for
 * a unit heading that prints none, the code of the first detail row below
 * it; and the sorted keys of the code column (how often a code is
 * printed: grid_gov). False when out of memory. */
static bool grid_units(grid *g) {
  chk *c = g->c;
  g->unit_of = ys_arena_alloc(c->a, sizeof(char *) * (g->nr + 1));
  g->code_keys = ys_arena_alloc(c->a, sizeof(char *) * (g->nr + 1));
  if (!g->unit_of || !g->code_keys) return false;
  const char *next = "";
  for (size_t i = g->nr; i-- > 0;) {
    const ys_rrow *row = grid_row(g, i);
    const char *u = g->unit_col >= 0 && row->n == g->nc
                        ? ck_key_of(c, row->cells[g->unit_col].text)
                        : "";
    if (*u && ck_all_digits(u)) next = u;
    g->unit_of[i] = *u && ck_all_digits(u) ? u : next;
    if (g->code_col >= 0 && row->n == g->nc)
      g->code_keys[g->ncode_keys++] =
          ck_key_of(c, row->cells[g->code_col].text);
  }
  qsort(g->code_keys, g->ncode_keys, sizeof *g->code_keys, cmp_key);
  for (size_t i = 0; i < g->nr && g->name_col >= 0 && !g->has_indent; i++)
    if (grid_row(g, i)->n == g->nc &&
        ck_indent_level(grid_row(g, i)->cells[g->name_col].text, c->p->indent) >
            0)
      g->has_indent = true;
  return true;
}

/* How many rows print code in the code column. */
static size_t code_printed(const grid *g, const char *code) {
  size_t lo = 0, hi = g->ncode_keys;
  while (lo < hi) { /* the first key >= code */
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(g->code_keys[mid], code) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t n = 0;
  while (lo + n < g->ncode_keys && !strcmp(g->code_keys[lo + n], code)) n++;
  return n;
}

/* A row's code and name. The code: a code column, or 类/款/项 split over
 * columns. When a table has both, the code column of a row whose split
 * columns are empty holds a unit code (a unit heading, *row_unit), not a
 * classification. The name: its name column, or (tables of fixed rows and
 * forms without one) the first text printed in the row. */
static const char *grid_row_code(grid *g, const ys_rrow *row,
                                 const char **row_unit, const char **name_raw,
                                 const char **name) {
  chk *c = g->c;
  const char *split = "";
  if (g->lei >= 0)
    split = ys_arena_printf(
        c->a, "%s%s%s", ck_key_of(c, row->cells[g->lei].text),
        g->kuan >= 0 ? ck_key_of(c, row->cells[g->kuan].text) : "",
        g->xiang >= 0 ? ck_key_of(c, row->cells[g->xiang].text) : "");
  else if (g->elei >= 0)
    split = ys_arena_printf(
        c->a, "%s%s", ck_key_of(c, row->cells[g->elei].text),
        g->ekuan >= 0 ? ck_key_of(c, row->cells[g->ekuan].text) : "");
  if (!split) split = "";
  const char *code = split;
  *row_unit = NULL;
  if (g->code_col >= 0) {
    const char *cc = ck_key_of(c, row->cells[g->code_col].text);
    if (g->lei < 0 && g->elei < 0)
      code = cc;
    else if (*split)
      code = *cc && strlen(cc) > strlen(split) ? cc : split;
    else if (*cc && ck_all_digits(cc))
      *row_unit = cc;
  }
  *name_raw = g->name_col >= 0 ? row->cells[g->name_col].text : "";
  for (size_t k = 0; g->name_col < 0 && k < g->nc && !**name_raw; k++)
    if (g->pt->cols[k].show != PCOL_AMOUNT) *name_raw = row->cells[k].text;
  *name = ck_label_key(c, *name_raw);
  /* A provincial sub-款 (3010301) prints its 款's columns (301 | 03):
   * below a row of the same code and indented deeper, it is the child
   * the catalogue names. */
  int indent = ck_indent_level(*name_raw, c->p->indent);
  if (*code && g->prev_code && !strcmp(code, g->prev_code) &&
      indent > g->prev_indent) {
    const ys_cat_entry *e = ys_catalog_match_name(
        c->cat, YS_CLS_ECON_DEPT, *name, strlen(*name), code, c->year);
    if (e) code = e->code;
  } else if (*code) {
    g->prev_code = code;
    g->prev_indent = indent;
  }
  /* Published tables often print a class or 款 by name alone, and a
   * sub-款 with its 款's columns: find the code the catalogue gives the
   * name, under the nearest code above it. */
  const ys_prow *tree = g->tree;
  const char *nm = *name;
  if (tree && *nm && !unit_like(g, nm)) {
    const ys_cat_entry *cur =
        *code && ck_all_digits(code)
            ? ys_catalog_lookup(c->cat, tree->cls, code, c->year)
            : NULL;
    bool named_right = cur && !strcmp(ck_key_of(c, cur->name), nm);
    if (!*code || (cur && !named_right)) {
      const ys_cat_entry *e = NULL;
      if (*code)
        e = ys_catalog_match_name(c->cat, tree->cls, nm, strlen(nm), code,
                                  c->year);
      for (int l = 3; !e && l >= 0; l--)
        if (l == 0 || g->parent_at[l])
          e = ys_catalog_match_name(c->cat, tree->cls, nm, strlen(nm),
                                    l ? g->parent_at[l] : NULL, c->year);
      if (e && (!*code || !strncmp(e->code, code, strlen(code))))
        code = e->code;
    }
  }
  return code;
}

/* A 合计/总计 row or a fixed row named by the profile (code-less). */
static void grid_total(grid *g, rowinfo *r, const ys_prow *fixed,
                       const char *name, ys_qfilter *rf) {
  chk *c = g->c;
  r->total =
      !fixed || fixed->total || !strcmp(name, "合计") || !strcmp(name, "总计");
  r->level = fixed ? fixed->level : 0;
  r->subset = fixed && fixed->subset;
  /* As in compile: a fixed row's quantity narrows its cells. */
  if (fixed && fixed->q.n == 1) {
    ys_qfilter f = fixed->q.t[0];
    f.src = YS_Q_NONE;
    ys_qfilter_and(rf, rf, &f, c->a);
  }
  /* A row whose figure the province defines its own way (四川 项目
   * 绩效目标表 totals include 运转类 projects): checked against its own
   * rows only, never against other tables. */
  if (fixed && fixed->alone)
    ys_qcodes_add(&rf->pcat,
                  ys_arena_printf(c->a, "(%s:%s)", g->pt->id, fixed->label));
}

/* The government 款 printed beside a department economic code: named in
 * the quantity only when the economic 款 is split over several rows, and
 * checked against the catalogue's mapping. */
static void grid_gov(grid *g, const ys_rrow *row, const rowinfo *r,
                     const char *code, ys_qfilter *rf) {
  chk *c = g->c;
  const char *gov =
      g->gov_col >= 0 ? ck_key_of(c, row->cells[g->gov_col].text) : "";
  if (!*gov || !ck_all_digits(gov)) return;
  if (code_printed(g, code) > 1) ys_qcodes_add(&rf->gecon, gov);
  const char *ad =
      ys_catalog_gov_map(c->cat, code, YS_UNIT_KIND_ADMIN, c->year);
  const char *in = ys_catalog_gov_map(c->cat, code, YS_UNIT_KIND_INST, c->year);
  if (!(ad || in) || (ad && !strcmp(ad, gov)) || (in && !strcmp(in, gov)))
    return;
  ys_finding *f = ck_add_finding(c, "catalog.gov-map", YS_SEV_ERROR);
  if (!f) return;
  char msg[512];
  f->file = ck_fs(c, g->rt->file);
  f->line = row->line;
  f->table = ck_fs(c, g->tname);
  f->row = ck_fs(c, r->label);
  f->found = ck_fs(c, gov);
  f->expected = ck_fs(c, in ? in : ad);
  snprintf(msg, sizeof msg,
           "部门经济科目 %s 应对应政府经济科目 %s（行政单位）或 %s"
           "（事业单位），表中为 %s",
           code, ad ? ad : "—", in ? in : "—", gov);
  f->message = ck_fs(c, msg);
}

/* A node of the code tree (code has a level in the tree's class). */
static void grid_tree(grid *g, size_t i, const ys_rrow *row, rowinfo *r,
                      const char *code, const char *name, ys_qfilter *rf) {
  chk *c = g->c;
  const ys_prow *tree = g->tree;
  int lvl = ys_catalog_code_level(tree->cls, code);
  /* The same code printed again under another name (30399 其他对个人和
   * 家庭的补助, then 30399 其他对个人和家庭的补助支出): a sub-item the
   * catalogue does not list, one level below. */
  bool sub_item = g->last_tree_code && !strcmp(g->last_tree_code, code) &&
                  g->last_tree_name && strcmp(g->last_tree_name, name);
  g->last_tree_code = code;
  g->last_tree_name = name;
  if (sub_item) {
    lvl++;
    code = ys_arena_printf(c->a, "%s:%s", code, name);
    if (!code) return;
  }
  r->level = lvl;
  if (g->tree_in_units) {
    /* the tree of one unit, below its unit row */
    r->level =
        (g->unit_level > g->group_level ? g->unit_level : g->group_level) +
        (tree->leaves ? 1 : lvl);
    const char *u = *g->unit_of[i] ? g->unit_of[i] : g->cur_unit;
    if (u) ys_qcodes_add(&rf->unit, u);
  }
  g->is_code[i] = true;
  ys_qcodes_add(tree->cls == YS_CLS_FUNC ? &rf->func : &rf->econ, code);
  grid_gov(g, row, r, code, rf);
  const char *parent = lvl > 1 && lvl < 5 ? g->parent_at[lvl - 1] : NULL;
  if (!strchr(code, ':')) {
    size_t mark = c->out->n;
    ck_catalog_row(c, g->rt, g->tname, tree->cls, code, *name ? r->label : "",
                   parent, row->line);
    /* on a PDF, where the row begins (its code or name): the cell the
     * finding is about */
    for (size_t k = 0; k < row->n; k++) {
      if (!row->cells[k].page) continue;
      for (size_t f = mark; f < c->out->n; f++) {
        c->out->items[f].page = row->cells[k].page;
        c->out->items[f].box = row->cells[k].box;
      }
      break;
    }
    if (lvl < 4) {
      g->parent_at[lvl] = ys_arena_strdup(c->a, code);
      for (int l = lvl + 1; l < 4; l++) g->parent_at[l] = NULL;
    }
  }
}

/* A row of the unit tables. Levels by meaning, not indentation (published
 * tables print none): department 1, unit 2, heading (a function 项 or a
 * project category) 3, project 4. The first row under 合计 is the
 * department; a unit is a row with a unit code, or the code-less row right
 * after the department that names no 项. False when the row cannot be
 * placed (reported). */
static bool grid_unit_row(grid *g, size_t i, const ys_rrow *row, rowinfo *r,
                          const char *code, const char *row_unit,
                          const char *name, int indent, ys_qfilter *rf) {
  chk *c = g->c;
  bool was_heading = g->last_row_heading;
  g->last_row_heading = false;
  g->prev_heading = was_heading;
  const char *ucode = row_unit ? row_unit : g->unit_of[i];
  bool project_row = g->has_projects && *code && !row_unit &&
                     !(g->has_units && !g->has_projects);
  /* Indented tables (compiled ones, many published) say it directly:
   * one indent step per level. */
  int forced = 0; /* 1 department, 2 unit, 3 heading, 4 project */
  if (g->has_indent) {
    int lvl = indent + 1;
    forced = lvl <= 1 ? 1 : lvl == 2 ? 2 : g->has_projects && *code ? 4 : 3;
    project_row = forced == 4;
    if (forced == 2 && !*ucode && *code) ucode = code;
    if (forced == 4) {
      g->in_heading = lvl > 3;
      g->prev_heading_level = lvl - 1;
    } else if (forced == 3) {
      g->prev_heading = lvl > 3;
      g->prev_heading_level = lvl - 1;
    }
  }
  const ys_cat_entry *heading =
      g->has_projects && !*code
          ? ys_catalog_match_name(c->cat, YS_CLS_FUNC, name, strlen(name), NULL,
                                  c->year)
          : NULL;
  if (heading && heading->level != 3) heading = NULL;
  if (heading && g->body + i + 1 < g->rt->nrows) {
    /* a 项 name that several 款 share (一般行政管理事务 under 群众团体事务,
     * 组织事务, …): the 项 of the project row below, when it has that name */
    const char *nu, *nr, *nn;
    const char *next = grid_row_code(g, grid_row(g, i + 1), &nu, &nr, &nn);
    if (next && strlen(next) == 7 && ck_all_digits(next) &&
        strcmp(next, heading->code)) {
      char parent[8];
      memcpy(parent, next, 5);
      parent[5] = '\0';
      const ys_cat_entry *e = ys_catalog_match_name(
          c->cat, YS_CLS_FUNC, name, strlen(name), parent, c->year);
      if (e && !strcmp(e->code, next)) heading = e;
    }
  }
  if (forced == 1 || (!forced && g->group_rows == 0)) {
    r->level = 1; /* the department: everything */
    g->group_level = 1;
    g->group_rows++;
    g->dept_seen = true;
    unit_seen(g, name);
  } else if (project_row) {
    r->level = g->in_heading ? g->prev_heading_level + 1 : 3;
    ys_qcodes_add(&rf->project, name);
    if (ck_all_digits(code) && ys_catalog_code_level(YS_CLS_FUNC, code) == 3)
      ys_qcodes_add(&rf->func, ys_arena_strdup(c->a, code));
  } else if (forced == 2 ||
             (!forced && !heading &&
              (*code || (!g->unit_done && g->dept_seen)) &&
              (*code || *ucode || g->has_units || g->has_projects))) {
    r->level = 2;
    const char *u = *code && ck_all_digits(code) ? code : ucode;
    if (*u) {
      ys_qcodes_add(&rf->unit, u);
      g->cur_unit = ys_arena_strdup(c->a, u);
    } else {
      ys_qcodes_add(&rf->unit, name); /* a unit known only by name */
    }
    g->unit_level = 2;
    g->group_level = 2;
    g->in_heading = false;
    unit_seen(g, name);
    if (!g->has_units) g->unit_done = true;
  } else if (g->has_projects) {
    /* a heading right under a heading is a sub-category */
    r->level = g->prev_heading ? g->prev_heading_level + 1 : 3;
    g->prev_heading_level = r->level;
    g->in_heading = true;
    g->last_row_heading = true;
    g->unit_done = true;
    if (g->cur_unit) ys_qcodes_add(&rf->unit, g->cur_unit);
    if (heading)
      ys_qcodes_add(&rf->func, heading->code);
    else
      ys_qcodes_add(&rf->pcat, name);
  } else {
    ck_unplaced(c, g->rt, g->tname, row, "无法确定此行对应的单位，未参与检查");
    return false;
  }
  return true;
}

/* A fixed row found by its label, or (a target table laid out as a grid)
 * the first row of a project. False when the row is not one (reported
 * when it is not a project's later row). */
static bool grid_fixed(grid *g, const ys_rrow *row, rowinfo *r,
                       const char *name, ys_qfilter *rf) {
  chk *c = g->c;
  const ys_ptable *pt = g->pt;
  for (size_t k = 0; k < pt->nrows; k++)
    if (pt->rows[k].kind == PROW_FIXED &&
        strcmp(ck_label_key(c, pt->rows[k].label), name) == 0) {
      r->level = pt->rows[k].level;
      r->subset = pt->rows[k].subset;
      /* As in compile: a fixed row's quantity narrows its cells. */
      if (pt->rows[k].q.n == 1) {
        ys_qfilter f = pt->rows[k].q.t[0];
        f.src = YS_Q_NONE;
        ys_qfilter_and(rf, rf, &f, c->a);
      }
      return true;
    }
  if (g->has_targets) {
    /* one row per indicator: the project's first row carries its amount
     * and name (the last text before the amount); others none */
    int amount_at = -1;
    const char *pname = "";
    for (size_t k = 0; k < g->nc && amount_at < 0; k++) {
      if (pt->cols[k].show == PCOL_AMOUNT)
        amount_at = (int)k;
      else if (*row->cells[k].text)
        pname = row->cells[k].text;
    }
    if (amount_at < 0 || !*row->cells[amount_at].text || !*pname) return false;
    ys_qcodes_add(&rf->project, ck_label_key(c, pname));
    r->level = 1;
    r->label = pname;
    return true;
  }
  ck_unplaced(c, g->rt, g->tname, row, "无法识别此行，未参与检查");
  return false;
}

/* The amount cells of row i under filter rf, and the column sums the
 * profile declares. False when out of memory. */
static bool grid_amounts(grid *g, size_t i, const ys_rrow *row, rowinfo *r,
                         const ys_qfilter *rf) {
  chk *c = g->c;
  const ys_ptable *pt = g->pt;
  const ys_rtable *rt = g->rt;
  size_t nc = g->nc;
  int *at = &g->obs_at[i * nc];
  for (size_t k = 0; k < nc; k++) {
    const ys_pcol *pc = &pt->cols[k];
    if (pc->show != PCOL_AMOUNT) continue;
    ys_amount am;
    const char *clabel = "";
    for (size_t h = 0; h < pt->n_header; h++) {
      const ys_header_cell *hc = &pt->header[h];
      if ((size_t)hc->col <= k && k < (size_t)(hc->col + hc->col_span) &&
          hc->row + hc->row_span == pt->header_rows)
        clabel = hc->text;
    }
    if (!cell_amount(c, rt, pt, g->tname, &row->cells[k], &am, r->label,
                     clabel)) {
      at[k] = UNREADABLE;
      continue;
    }
    ys_qexpr e;
    cell_qty(c, pt, &pc->q, rf, &e);
    int o = ck_add_obs(c, &e, NULL, &am, rt->unit_known ? rt->unit : pt->unit,
                       rt->file, g->tname, r->label, clabel, row->cells[k].text,
                       row->line);
    if (o == CK_NOKEY) {
      at[k] = UNREADABLE;
      continue;
    }
    if (o < 0) return false;
    ck_obs_place(c, o, &row->cells[k]);
    c->o[o].guessed = row->flags & YS_RROW_GUESSED;
    at[k] = o;
    if (r->first_obs < 0) r->first_obs = o;
  }
  for (size_t k = 0; k < nc; k++) {
    const ys_pcol *pc = &pt->cols[k];
    int t = at[k];
    if (!pc->n_sum_of || t < 0) continue;
    bool unreadable = false;
    for (int m = 0; m < pc->n_sum_of; m++)
      unreadable = unreadable || at[pc->sum_of[m]] == UNREADABLE;
    if (unreadable) continue;
    ident *x = ck_add_ident(c, "sum.row-parts", pc->n_sum_of + 1);
    if (!x) return false;
    x->idx[x->n] = t;
    x->coef[x->n++] = -1;
    x->anchor = t;
    for (int m = 0; m < pc->n_sum_of; m++) {
      int o = at[pc->sum_of[m]];
      if (o < 0) continue;
      x->idx[x->n] = o;
      x->coef[x->n++] = 1;
    }
  }
  return true;
}

/* Row i: the indicator of a target table laid out as a grid, then what
 * the row is and its cells. */
static bool grid_read_row(grid *g, size_t i) {
  chk *c = g->c;
  const ys_rrow *row = grid_row(g, i);
  rowinfo *r = &g->ri[i];
  r->first_obs = -1;
  if (g->t_name >= 0 && row->n == g->nc &&
      (g->t_value >= 0 || g->t_target >= 0)) {
    const char *v =
        g->t_target >= 0
            ? row->cells[g->t_target].text
            : ys_arena_printf(c->a, "%s%s%s",
                              g->t_op >= 0 ? row->cells[g->t_op].text : "",
                              row->cells[g->t_value].text,
                              g->t_unit >= 0 ? row->cells[g->t_unit].text : "");
    rate_check(c, g->rt, g->tname, row->cells[g->t_name].text, v ? v : "",
               row->line);
  }
  if (row->n != g->nc) {
    ck_unplaced(c, g->rt, g->tname, row,
                "此行的列数与报表格式不符，未参与检查");
    return true;
  }
  const char *row_unit, *name_raw, *name;
  const char *code = grid_row_code(g, row, &row_unit, &name_raw, &name);
  int indent = ck_indent_level(name_raw, c->p->indent);
  r->label = *name ? name_raw : code;
  {
    const char *s = r->label;
    size_t l = strlen(s);
    ys_text_trim(&s, &l);
    r->label = ys_arena_strndup(c->a, s, l);
    if (!r->label) return false;
  }
  ys_qfilter rf = {0};
  r->placed = true;
  const ys_prow *fixed = NULL;
  for (size_t k = 0; k < g->pt->nrows && !fixed && !*code && *name; k++)
    if (g->pt->rows[k].kind == PROW_FIXED &&
        ck_label_matches(c, name, g->pt->rows[k].label))
      fixed = &g->pt->rows[k];
  bool placed = true;
  if (!*code &&
      (fixed || strcmp(name, "合计") == 0 || strcmp(name, "总计") == 0))
    grid_total(g, r, fixed, name, &rf);
  else if (g->tree && ck_all_digits(code) &&
           ys_catalog_code_level(g->tree->cls, code))
    grid_tree(g, i, row, r, code, name, &rf);
  else if (g->has_units || g->has_projects)
    placed = grid_unit_row(g, i, row, r, code, row_unit, name, indent, &rf);
  else
    placed = grid_fixed(g, row, r, name, &rf);
  if (!placed) {
    r->placed = false;
    return true;
  }
  return grid_amounts(g, i, row, r, &rf);
}

void ck_observe_grid(chk *c, const ys_rtable *rt, const ys_ptable *pt,
                     const char *tname, size_t body) {
  grid g;
  memset(&g, 0, sizeof g);
  g.c = c;
  g.rt = rt;
  g.pt = pt;
  g.tname = tname;
  g.body = body;
  g.nc = pt->ncols;
  g.nr = rt->nrows > body ? rt->nrows - body : 0;
  g.prev_heading_level = 3;
  g.ri = ys_arena_alloc(c->a, sizeof(rowinfo) * (g.nr + 1));
  g.obs_at = ys_arena_alloc(c->a, sizeof(int) * (g.nr * g.nc + 1));
  g.is_code = ys_arena_alloc(c->a, sizeof(bool) * (g.nr + 1));
  if (!g.ri || !g.obs_at || !g.is_code) return;
  for (size_t i = 0; i < g.nr * g.nc; i++) g.obs_at[i] = -1;
  grid_columns(&g);
  grid_shape(&g);
  if (!grid_units(&g)) return;
  for (size_t i = 0; i < g.nr; i++)
    if (!grid_read_row(&g, i)) return;
  ck_tree_idents(c, g.ri, g.nr, g.nc, g.obs_at, "sum.code-tree", "sum.rows",
                 g.is_code);
}

/* Finds the profile row of a panel that a printed label names. */
/* Labels repeat within a panel ("(1)工资福利支出" under both 基本 and 项目;
 * "一、一般公共预算拨款" in the body and again under 年初结转 in the
 * footer), so the search runs over body then footer rows, in order, from
 * just after the previous match (*cursor), and only then wraps around. */
/* Row i of a panel (body rows, then footers) is class m of its classes
 * row: the row filter for that code, where it is, and it. */
static const ys_prow *class_at(const ys_ppanel *pp, size_t i, int m,
                               ys_qfilter *rf, bool *footer, size_t *cursor) {
  bool in_footer = i >= pp->n_rows;
  const ys_prow *pr = in_footer ? &pp->footer[i - pp->n_rows] : &pp->rows[i];
  memset(rf, 0, sizeof *rf);
  ys_qcodes_add(pr->cls == YS_CLS_FUNC ? &rf->func : &rf->econ, pr->codes[m]);
  *footer = in_footer;
  /* classes rows stay current: the next class is in the same row */
  *cursor = i;
  return pr;
}

static const ys_prow *panel_row(chk *c, const ys_ppanel *pp, const char *code,
                                const char *label, ys_qfilter *rf, bool *footer,
                                size_t *cursor) {
  const char *k = ck_label_key(c, label);
  size_t total = pp->n_rows + pp->n_footer;
  /* A printed code (a panel with a code column) names its class whatever
   * the name's wording. */
  for (size_t i = 0; code && *code && i < total; i++) {
    const ys_prow *pr =
        i >= pp->n_rows ? &pp->footer[i - pp->n_rows] : &pp->rows[i];
    if (pr->kind != PROW_CLASSES) continue;
    for (int m = 0; m < pr->n_codes; m++)
      if (strcmp(pr->codes[m], code) == 0)
        return class_at(pp, i, m, rf, footer, cursor);
  }
  if (!*k) return NULL;
  for (size_t j = 0; j < total; j++) {
    size_t i = (*cursor + j) % total;
    bool in_footer = i >= pp->n_rows;
    const ys_prow *pr = in_footer ? &pp->footer[i - pp->n_rows] : &pp->rows[i];
    if (pr->kind == PROW_FIXED && ck_label_matches(c, k, pr->label)) {
      *footer = in_footer;
      *cursor = i + 1;
      return pr;
    }
    if (pr->kind != PROW_CLASSES) continue;
    for (int m = 0; m < pr->n_codes; m++) {
      const ys_cat_entry *v[8];
      size_t nv = ys_catalog_versions(c->cat, pr->cls, pr->codes[m], v, 8);
      for (size_t x = 0; x < nv && x < 8; x++)
        if (strcmp(ck_key_of(c, v[x]->name), k) == 0)
          return class_at(pp, i, m, rf, footer, cursor);
    }
  }
  return NULL;
}

/* The quantity of amount column m of a panel row, as compile makes it
 * (compile.c panel_amount): the row's own quantity for that column when it
 * has one ("qs"), else its quantity narrowed by the column's filter (facts
 * are not narrowed). NULL when the row shows nothing in that column. */
/* The quantity of amount column m of a panel's row; false when the row
 * shows none there. */
static bool panel_qty(chk *c, const ys_ptable *pt, const ys_ppanel *pp,
                      const ys_prow *pr, const ys_qfilter *rf, int m,
                      ys_qexpr *out) {
  if (pr->qs && m < pr->n_qs) {
    if (!pr->qs[m].n) return false;
    cell_qty(c, pt, &pr->qs[m], rf, out);
    return true;
  }
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
  cell_qty(c, pt, &e, rf, out);
  return true;
}
/* Do a panel's amount columns after the first split it by fund: the first
 * unrestricted, the others each a fund set, disjoint, together the
 * table's (its base's funds, or all)? */
static bool panel_columns_partition(const ys_ptable *pt, const ys_ppanel *pp) {
  if (pp->n_amounts < 2 || pp->n_amounts > 16 || !pp->amounts) return false;
  const ys_qfilter *f0 = &pp->amounts[0];
  if (f0->funds || f0->periods || f0->kinds || f0->natures || f0->phases)
    return false;
  unsigned all = pt->has_base && pt->base.funds
                     ? pt->base.funds
                     : ((1u << YS_FUND_COUNT) - 1u) & ~1u,
           seen = 0;
  for (int m = 1; m < pp->n_amounts; m++) {
    const ys_qfilter *f = &pp->amounts[m];
    if (!f->funds || (f->funds & seen) || f->periods || f->kinds ||
        f->natures || f->phases)
      return false;
    seen |= f->funds;
  }
  return seen == all;
}

/* A 收支总表's panels side by side: each row's label matched to the
 * panel's rows, its amounts observed, then the footers' identities and
 * the fund-column sums; the steps share the per-panel row lists, so they
 * stay in one function, each under its comment. */
void ck_observe_panels(chk *c, const ys_rtable *rt, const ys_ptable *pt,
                       const char *tname, size_t body) {
  size_t nr = rt->nrows > body ? rt->nrows - body : 0;
  size_t np = pt->npanels;
  int *closing = ys_arena_alloc(c->a, sizeof(int) * (np + 1));
  pline *lines = ys_arena_alloc(c->a, sizeof(pline) * (nr + 1));
  int *parts = ys_arena_alloc(c->a, sizeof(int) * (nr + 1));
  if (!closing || !lines || !parts) return;
  /* Columns: [序号], then per panel [a code], a label and its amounts. */
  size_t lc = pt->rownum ? 1 : 0;
  for (size_t p = 0; p < np; p++) {
    const ys_ppanel *pp = &pt->panels[p];
    int na = pp->n_amounts > 0 ? pp->n_amounts : 1;
    if (na > 16) na = 16;
    size_t code_col = lc;
    if (pp->code) lc++;
    size_t n = 0, cursor = 0;
    closing[p] = -1;
    for (size_t i = 0; i < nr; i++) {
      const ys_rrow *row = &rt->rows[body + i];
      if (row->n < lc + 1 + (size_t)na) continue;
      const char *label = row->cells[lc].text;
      const char *code = pp->code ? row->cells[code_col].text : NULL;
      bool any = *ck_label_key(c, label) || (code && *code);
      for (int m = 0; m < na && !any; m++)
        any = *row->cells[lc + 1 + (size_t)m].text;
      if (!any) continue;
      ys_qfilter rf = {0};
      bool footer = false;
      const ys_prow *pr = panel_row(c, pp, code, label, &rf, &footer, &cursor);
      if (!pr) {
        ck_unplaced(c, rt, tname, row, "无法识别此栏目，未参与检查");
        continue;
      }
      const char *lab = label;
      size_t ll = strlen(lab);
      ys_text_trim(&lab, &ll);
      lab = ys_arena_strndup(c->a, lab, ll);
      if (!lab) return; /* the arena records it: the check ends YS_ENOMEM */
      pline *pl = &lines[n++];
      pl->pr = pr;
      pl->level = pr->level;
      pl->subset = pr->subset;
      pl->footer = footer;
      for (int m = 0; m < 16; m++) pl->obs[m] = -1;
      for (int m = 0; m < na; m++) {
        const ys_rcell *cell = &row->cells[lc + 1 + (size_t)m];
        ys_qexpr e;
        if (!panel_qty(c, pt, pp, pr, &rf, m, &e)) continue;
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
            ck_add_obs(c, &e, NULL, &am, rt->unit_known ? rt->unit : pt->unit,
                       rt->file, tname, lab, clabel, cell->text, row->line);
        ck_obs_place(c, pl->obs[m], cell);
      }
      /* Only 收入总计 and 支出总计 balance: 本年收入合计 and 本年支出合计
       * differ by the carry-over (政府性基金收支表 shows no 结转 rows). */
      if (i == nr - 1 && pr->total && strstr(lab, "总计"))
        closing[p] = pl->obs[0];
    }
    /* 合计 = Σ the fund columns, on every row, where the other amount
     * columns split the first one's money by fund (财政拨款收入支出决算总表:
     * 合计 | 一般公共预算 | 政府性基金 | 国有资本经营). */
    if (panel_columns_partition(pt, pp))
      for (size_t i = 0; i < n; i++)
        ck_sum_ident(c, "sum.row-parts", lines[i].obs[0], &lines[i].obs[1],
                     (size_t)na - 1);
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
      ck_tree_idents(c, ri, nb, 1, at, "sum.rows", "sum.rows", NULL);
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
        ck_sum_ident(c, "sum.rows", lines[j].obs[m], parts, k);
      }
    }
  }
  /* The closing totals of a 收支总表: income total = expense total. */
  for (size_t p = 1; p < np; p++) {
    if (closing[0] < 0 || closing[p] < 0) continue;
    ident *x = ck_add_ident(c, "balance.income-expense", 2);
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
  const char *val = ck_key_of(c, value_text);
  if (!strstr(name, "率") || !strchr(val, '%')) return;
  const char *d = val;
  while (*d && !(*d >= '0' && *d <= '9')) d++;
  double v = strtod(d, NULL); /* a rate, not money */
  if (v <= 100.0) return;
  ys_finding *f = ck_add_finding(c, "perf.rate-over-100", YS_SEV_WARNING);
  if (!f) return;
  char msg[512];
  f->file = ck_fs(c, rt->file);
  f->line = line;
  f->table = ck_fs(c, tname);
  f->row = ck_fs(c, name);
  f->found = ck_fs(c, value_text);
  snprintf(msg, sizeof msg, "指标“%s”的指标值为 %s，比率类指标不应超过 100%%",
           name, value_text);
  f->message = ck_fs(c, msg);
}

/* 绩效目标 forms: project amounts by name, and indicator sanity. */
/* The forms read row by row: a project's amounts by their names, a task's
 * three amounts, the closing row, and the indicators' sanity; one walk
 * down the rows with the form's state (the project, the tasks so far),
 * so it stays whole. */
void ck_observe_targets(chk *c, const ys_rtable *rt, const ys_ptable *pt,
                        const char *tname) {
  /* the unit the table prints, else the profile's */
#define TUNIT (rt->unit_known ? rt->unit : pt->unit)
  const char *project = NULL;
  bool in_indicators = false;
  int task_first = -1, total_row[3] = {-1, -1, -1};
  int form[3] = {-1, -1, -1}; /* 实施期资金总额, 财政拨款, 其他资金 */
  int(*tasks)[3] = NULL;      /* each task row's three amounts */
  size_t ntasks = 0, cap_tasks = 0;
  for (size_t i = 0; i < rt->nrows; i++) {
    const ys_rrow *row = &rt->rows[i];
    if (!row->n) continue;
    const char *k0 = ck_label_key(c, row->cells[0].text);
    const char *k1 = row->n > 1 ? ck_label_key(c, row->cells[1].text) : "";
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
      if (strcmp(k1, ck_label_key(c, amt[0].label)) == 0)
        form[0] = form[1] = form[2] = -1;
      for (size_t m = 0; m < sizeof amt / sizeof amt[0]; m++) {
        if (strcmp(k1, ck_label_key(c, amt[m].label)) != 0) continue;
        ys_amount am;
        if (!cell_amount(c, rt, pt, tname, &row->cells[2], &am, project,
                         amt[m].label))
          break;
        ys_qexpr q;
        ys_qexpr_parse(&q, amt[m].q, c->a, NULL);
        ys_qfilter rf = {0};
        ys_qcodes_add(&rf.project, project);
        ys_qexpr e;
        cell_qty(c, pt, &q, &rf, &e);
        int o = ck_add_obs(c, &e, NULL, &am, TUNIT, rt->file, tname, project,
                           amt[m].label, row->cells[2].text, row->line);
        ck_obs_place(c, o, &row->cells[2]);
        form[m == 0 ? 0 : m == 3 ? 2 : 1] = o;
        if (m == 3 && form[0] >= 0 && form[1] >= 0 && o >= 0) {
          ident *x = ck_add_ident(c, "sum.row-parts", 3);
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
        ys_qexpr_parse(&q, qs[m], c->a, NULL);
        /* A task's amounts are its own; only the total is a quantity. */
        ys_qexpr e;
        if (total) cell_qty(c, pt, &q, NULL, &e);
        const char *name =
            total ? NULL : ys_arena_printf(c->a, "task:%zu:%d", i, m);
        if (!total && !name) return;
        ids[m] = ck_add_obs(c, total ? &e : NULL, name, &am, TUNIT, rt->file,
                            tname, row->cells[0].text, cl[m],
                            row->cells[2 + m].text, row->line);
        ck_obs_place(c, ids[m], &row->cells[2 + m]);
      }
      if (total) {
        memcpy(total_row, ids, sizeof ids);
        task_first = -1;
      } else {
        int(*grown)[3] =
            ys_arena_reserve(c->a, tasks, ntasks, &cap_tasks, sizeof *tasks);
        if (!grown) return; /* the arena's failure is the check's result */
        tasks = grown;
        memcpy(tasks[ntasks++], ids, sizeof ids);
      }
      /* 总额 = 财政拨款 + 其他资金 */
      if (ids[0] >= 0 && ids[1] >= 0 && ids[2] >= 0) {
        ident *x = ck_add_ident(c, "sum.row-parts", 3);
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
    for (size_t t = 0; t < ntasks; t++) any = any || tasks[t][m] >= 0;
    if (!any) continue;
    ident *x = ck_add_ident(c, "sum.rows", (int)ntasks + 1);
    if (!x) return;
    x->idx[x->n] = total_row[m];
    x->coef[x->n++] = -1;
    x->anchor = total_row[m];
    for (size_t t = 0; t < ntasks; t++)
      if (tasks[t][m] >= 0) {
        x->idx[x->n] = tasks[t][m];
        x->coef[x->n++] = 1;
      }
  }
}

/* --- completeness ------------------------------------------------------ */

void ck_completeness(chk *c, const ys_profile *p, const ys_ptable **seen,
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
    ys_finding *f = ck_add_finding(c, "complete.missing-table", YS_SEV_WARNING);
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
    f->file = ck_fs(c, c->doc->file);
    f->table =
        ck_fs(c, ys_arena_printf(c->a, "%s %s", p->tables[i].number, title));
    f->message = ck_fs(c, msg);
  }
}
const ys_profile *ck_detect_profile(chk *c, ys_profiles **owned, int *rc) {
  *owned = NULL;
  *rc = YS_OK;
  if (c->opt && c->opt->profile_obj) return c->opt->profile_obj;
  /* the caller's profiles (parsed once for many documents), else the
   * built-in ones opened for this document (the caller frees them) */
  const ys_profiles *set = c->opt ? c->opt->profiles : NULL;
  if (!set) {
    /* a profile not opened for want of memory: no detection at all, or
     * the document would be read by another profile than its own */
    *rc = ys_profiles_open_builtin(owned, NULL);
    if (*rc) return NULL;
    set = *owned;
  }
  /* the profile a reader fitted the tables to: detected once, there */
  for (size_t i = 0; c->doc->profile_hint && i < set->n; i++)
    if (!strcmp(c->doc->profile_hint, ys_profile_name(set->v[i])))
      return set->v[i];
  int best_score = -1;
  const ys_profile *best = NULL;
  for (size_t i = 0; i < set->n; i++) {
    const ys_profile *p = set->v[i];
    /* Many titles share a tail (收支总表): the profile whose titles match
     * most specifically (the most matched characters) wins. */
    int score = 0;
    for (size_t k = 0; k < c->doc->n; k++) {
      size_t len = 0;
      ck_match_table_len(c, p, &c->doc->tables[k], &len);
      score += 2 * (int)len;
    }
    if (score > best_score) {
      best = p;
      best_score = score;
    }
  }
  return best;
}
