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

/* The profile title as a key, with {prefix} and a leading year removed, so
 * "2024 年单位综合预算收支总表" and "部门综合预算收支总表" both match. */
static const char *title_core(chk *c, const char *title) {
  const char *at = strstr(title, "{prefix}");
  const char *t =
      at ? ys_arena_printf(c->a, "%.*s%s", (int)(at - title), title, at + 8)
         : title;
  return ck_key_of(c, t);
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
static const char *amount_key(chk *c, const ys_ptable *pt, const ys_qexpr *q,
                              const ys_qfilter *row) {
  ys_qexpr e;
  ys_qexpr_cell(&e, q, pt->has_base ? &pt->base : NULL, row, c->a);
  const char *k = ck_qkey(c, &e);
  return k ? k : "";
}

/* Is name one of the unit names already seen in this table? (Units and
 * classes never share names, but a unit row must not be read as one.) */
static bool unit_like(chk *c, const char *name, const char *const *seen) {
  (void)c;
  for (int i = 0; seen[i]; i++)
    if (!strcmp(seen[i], name)) return true;
  return false;
}
void ck_observe_grid(chk *c, const ys_rtable *rt, const ys_ptable *pt,
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
                          ? ck_key_of(c, row->cells[unit_col].text)
                          : "";
      if (*u && ck_all_digits(u)) next = u;
      unit_of[i] = *u && ck_all_digits(u) ? u : next;
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
        ck_indent_level(rt->rows[body + i].cells[name_col].text, c->p->indent) >
            0)
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
      ck_unplaced(c, rt, tname, row, "此行的列数与报表格式不符，未参与检查");
      continue;
    }
    /* The code: a code column, or 类/款/项 split over columns. When a
     * table has both, the code column of a row whose split columns are
     * empty holds a unit code (a unit heading), not a classification. */
    const char *split = "";
    if (lei >= 0)
      split = ys_arena_printf(
          c->a, "%s%s%s", ck_key_of(c, row->cells[lei].text),
          kuan >= 0 ? ck_key_of(c, row->cells[kuan].text) : "",
          xiang >= 0 ? ck_key_of(c, row->cells[xiang].text) : "");
    else if (elei >= 0)
      split = ys_arena_printf(c->a, "%s%s", ck_key_of(c, row->cells[elei].text),
                              ekuan >= 0 ? ck_key_of(c, row->cells[ekuan].text)
                                         : "");
    const char *code = split;
    const char *row_unit = NULL;
    if (code_col >= 0) {
      const char *cc = ck_key_of(c, row->cells[code_col].text);
      if (lei < 0 && elei < 0)
        code = cc;
      else if (*split)
        code = *cc && strlen(cc) > strlen(split) ? cc : split;
      else if (*cc && ck_all_digits(cc))
        row_unit = cc;
    }
    /* The row's name: its name column, or (tables of fixed rows and
     * forms without one) the first text printed in the row. */
    const char *name_raw = name_col >= 0 ? row->cells[name_col].text : "";
    for (size_t k = 0; name_col < 0 && k < nc && !*name_raw; k++)
      if (pt->cols[k].show != PCOL_AMOUNT) name_raw = row->cells[k].text;
    const char *name = ck_label_key(c, name_raw);
    /* A provincial sub-款 (3010301) prints its 款's columns (301 | 03):
     * below a row of the same code and indented deeper, it is the child
     * the catalogue names. */
    int indent = ck_indent_level(name_raw, c->p->indent);
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
          *code && ck_all_digits(code)
              ? ys_catalog_lookup(c->cat, tree->cls, code, c->year)
              : NULL;
      bool named_right = cur && !strcmp(ck_key_of(c, cur->name), name);
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
          ck_label_matches(c, name, pt->rows[k].label))
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
    } else if (tree && ck_all_digits(code) &&
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
      const char *gov =
          gov_col >= 0 ? ck_key_of(c, row->cells[gov_col].text) : "";
      if (*gov && ck_all_digits(gov)) {
        /* Name the government 款 only when the economic 款 is split. */
        int seen = 0;
        for (size_t j = 0; j < nr; j++)
          if (rt->rows[body + j].n == nc &&
              strcmp(ck_key_of(c, rt->rows[body + j].cells[code_col].text),
                     code) == 0)
            seen++;
        if (seen > 1) ys_qcodes_add(&rf.gecon, gov);
        const char *ad =
            ys_catalog_gov_map(c->cat, code, YS_UNIT_KIND_ADMIN, c->year);
        const char *in =
            ys_catalog_gov_map(c->cat, code, YS_UNIT_KIND_INST, c->year);
        if ((ad || in) && !(ad && !strcmp(ad, gov)) &&
            !(in && !strcmp(in, gov))) {
          ys_finding *f = ck_add_finding(c, "catalog.gov-map", YS_SEV_ERROR);
          if (f) {
            char msg[512];
            f->file = ck_fs(c, rt->file);
            f->line = row->line;
            f->table = ck_fs(c, tname);
            f->row = ck_fs(c, r->label);
            f->found = ck_fs(c, gov);
            f->expected = ck_fs(c, in ? in : ad);
            snprintf(msg, sizeof msg,
                     "部门经济科目 %s 应对应政府经济科目 %s（行政单位）或 %s"
                     "（事业单位），表中为 %s",
                     code, ad ? ad : "—", in ? in : "—", gov);
            f->message = ck_fs(c, msg);
          }
        }
      }
      const char *parent = lvl > 1 && lvl < 5 ? parent_at[lvl - 1] : NULL;
      if (!strchr(code, ':')) {
        ck_catalog_row(c, rt, tname, tree->cls, code, *name ? r->label : "",
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
        if (ck_all_digits(code) &&
            ys_catalog_code_level(YS_CLS_FUNC, code) == 3)
          ys_qcodes_add(&rf.func, ys_arena_strdup(c->a, code));
      } else if (forced == 2 ||
                 (!forced && !heading && (*code || (!unit_done && dept_seen)) &&
                  (*code || *ucode || has_units || has_projects))) {
        r->level = 2;
        const char *u = *code && ck_all_digits(code) ? code : ucode;
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
        ck_unplaced(c, rt, tname, row, "无法确定此行对应的单位，未参与检查");
        r->placed = false;
        continue;
      }
    } else {
      /* A fixed row: find it by label. */
      bool found = false;
      for (size_t k = 0; k < pt->nrows && !found; k++)
        if (pt->rows[k].kind == PROW_FIXED &&
            strcmp(ck_label_key(c, pt->rows[k].label), name) == 0) {
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
        ys_qcodes_add(&rf.project, ck_label_key(c, pname));
        r->level = 1;
        r->label = pname;
        found = true;
      }
      if (!found) {
        ck_unplaced(c, rt, tname, row, "无法识别此行，未参与检查");
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
      int o = ck_add_obs(c, key, &am, rt->unit_known ? rt->unit : pt->unit,
                         rt->file, tname, r->label, clabel, row->cells[k].text,
                         row->line);
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
      ident *x = ck_add_ident(c, "sum.row-parts", pc->n_sum_of + 1);
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
  ck_tree_idents(c, ri, nr, nc, obs_at, "sum.code-tree", "sum.rows", is_code);
}

/* Finds the profile row of a panel that a printed label names. */
/* Labels repeat within a panel ("(1)工资福利支出" under both 基本 and 项目;
 * "一、一般公共预算拨款" in the body and again under 年初结转 in the
 * footer), so the search runs over body then footer rows, in order, from
 * just after the previous match (*cursor), and only then wraps around. */
static const ys_prow *panel_row(chk *c, const ys_ppanel *pp, const char *label,
                                ys_qfilter *rf, bool *footer, size_t *cursor) {
  const char *k = ck_label_key(c, label);
  if (!*k) return NULL;
  size_t total = pp->n_rows + pp->n_footer;
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
        if (strcmp(ck_key_of(c, v[x]->name), k) == 0) {
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
void ck_observe_panels(chk *c, const ys_rtable *rt, const ys_ptable *pt,
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
      bool any = *ck_label_key(c, label);
      for (int m = 0; m < na && !any; m++)
        any = *row->cells[lc + 1 + (size_t)m].text;
      if (!any) continue;
      ys_qfilter rf = {0};
      bool footer = false;
      const ys_prow *pr = panel_row(c, pp, label, &rf, &footer, &cursor);
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
            ck_add_obs(c, key, &am, rt->unit_known ? rt->unit : pt->unit,
                       rt->file, tname, lab, clabel, cell->text, row->line);
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
void ck_observe_targets(chk *c, const ys_rtable *rt, const ys_ptable *pt,
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
        char err[64];
        ys_qexpr_parse(&q, amt[m].q, c->a, err, sizeof err);
        ys_qfilter rf = {0};
        ys_qcodes_add(&rf.project, project);
        int o = ck_add_obs(c, amount_key(c, pt, &q, &rf), &am, TUNIT, rt->file,
                           tname, project, amt[m].label, row->cells[2].text,
                           row->line);
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
        char err[64];
        ys_qexpr_parse(&q, qs[m], c->a, err, sizeof err);
        /* A task's amounts are its own; only the total is a quantity. */
        const char *key = total ? amount_key(c, pt, &q, NULL)
                                : ys_arena_printf(c->a, "task:%zu:%d", i, m);
        ids[m] =
            ck_add_obs(c, key, &am, TUNIT, rt->file, tname, row->cells[0].text,
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
    for (int t = 0; t < ntasks; t++) any = any || tasks[t][m] >= 0;
    if (!any) continue;
    ident *x = ck_add_ident(c, "sum.rows", ntasks + 1);
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
  int best_score = -1;
  const ys_profile *best = NULL;
  for (size_t i = 0; i < set->n; i++) {
    const ys_profile *p = set->v[i];
    const char *name = ys_profile_name(p);
    if (c->opt && c->opt->profile && strcmp(c->opt->profile, name)) continue;
    /* Many titles share a tail (收支总表): the profile whose titles match
     * most specifically (the most matched characters) wins. A reader's
     * hint (the text reader recognises the family) breaks ties. */
    int score = 0;
    for (size_t k = 0; k < c->doc->n; k++) {
      size_t len = 0;
      ck_match_table_len(c, p, &c->doc->tables[k], &len);
      score += 2 * (int)len;
    }
    if (c->doc->profile_hint && !strcmp(c->doc->profile_hint, name)) score += 1;
    if (score > best_score) {
      best = p;
      best_score = score;
    }
  }
  return best;
}
