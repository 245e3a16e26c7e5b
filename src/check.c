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

#include "check_impl.h"

/* A table that shows no figure and says nothing of why. */
static void empty_without_note(chk *c, const ys_rtable *rt, const char *tname) {
  ys_finding *f =
      ck_add_finding(c, "complete.empty-table-note", YS_SEV_WARNING);
  if (!f) return;
  f->file = ck_fs(c, rt->file);
  f->line = rt->title_line;
  f->page = rt->title_page;
  f->table = ck_fs(c, tname);
  f->message = ck_fs(c, "此表没有数据，但没有“空表说明”说明理由");
}

/* Did observations [before, c->no) show anything but zeros? */
static bool any_figure(const chk *c, size_t before) {
  for (size_t i = before; i < c->no; i++)
    if (c->o[i].v != 0) return true;
  return false;
}

/* Observations of a table read by meaning; group/side/grand record its
 * place in a 收支总表 for the balance identity. */
static void observe_read_table(chk *c, const ys_rtable *rt, const char *tname,
                               ys_unit *last_unit, int *group, int *side,
                               int *grand) {
  size_t before = c->no;
  *group = rt->group;
  *side = rt->side;
  *grand = ck_observe_read(c, rt, tname, *last_unit);
  if (rt->unit_known) *last_unit = rt->unit;
  bool amounts = false;
  for (size_t k = 0; k < rt->ncols; k++)
    amounts = amounts || rt->cols[k].kind == YS_RCOL_AMOUNT;
  if (!any_figure(c, before) && !rt->empty_note && amounts && rt->side == 0)
    empty_without_note(c, rt, tname);
}

/* Observations of a table laid out in profile p's columns; *seen the
 * profile table it is (NULL: none, said). */
static void observe_profile_table(chk *c, const ys_profile *p,
                                  const ys_rtable *rt, const char *tname,
                                  const ys_ptable **seen) {
  const ys_ptable *pt = ck_match_table(c, p, rt);
  *seen = pt;
  if (!pt) {
    ys_finding *f = ck_add_finding(c, "parse.unrecognized-table", YS_SEV_INFO);
    if (f) {
      f->file = ck_fs(c, rt->file);
      f->line = rt->title_line;
      f->page = rt->title_page;
      f->table = ck_fs(c, tname);
      f->message = ck_fs(c, "无法识别此表属于哪一张标准报表，未参与检查");
    }
    return;
  }
  size_t body = rt->header_rows >= 0
                    ? (size_t)rt->header_rows
                    : (size_t)pt->header_rows + (pt->colnums ? 1 : 0);
  size_t before = c->no;
  if (pt->layout == LAYOUT_GRID)
    ck_observe_grid(c, rt, pt, tname, body);
  else if (pt->layout == LAYOUT_PANELS)
    ck_observe_panels(c, rt, pt, tname, body);
  else
    ck_observe_targets(c, rt, pt, tname);
  if (!any_figure(c, before) && !rt->empty_note && pt->layout != LAYOUT_TARGETS)
    empty_without_note(c, rt, tname);
}

/* Every table observed, then the identities between tables and the text,
 * then the verdicts and blame. */
static int observe_and_decide(chk *c, const ys_profile *p) {
  const ys_rdoc *doc = c->doc;
  const ys_ptable **seen = ys_arena_alloc(c->a, sizeof(void *) * (doc->n + 1));
  int *group = ys_arena_alloc(c->a, sizeof(int) * (doc->n + 1) * 3);
  if (!seen || !group) return YS_ENOMEM;
  int *side = group + doc->n + 1, *grand = side + doc->n + 1;
  size_t nmatched = 0;
  ys_unit last_unit = YS_UNIT_WANYUAN;
  for (size_t k = 0; k < doc->n; k++) {
    const ys_rtable *rt = &doc->tables[k];
    const char *tname = ck_table_name(c, rt);
    group[k] = 0;
    grand[k] = -1;
    seen[k] = NULL;
    if (rt->cols) {
      observe_read_table(c, rt, tname, &last_unit, &group[k], &side[k],
                         &grand[k]);
      continue;
    }
    observe_profile_table(c, p, rt, tname, &seen[k]);
    nmatched += seen[k] != NULL;
  }
  ck_balance_idents(c, group, side, grand, doc->n);
  if (p) ck_completeness(c, p, seen, nmatched);
  ck_observe_claims(c);
  ck_difference_idents(c);
  ck_normalise_keys(c);
  ck_equality_idents(c);
  ck_partition_idents(c);
  ck_fund_balance_idents(c);
  for (size_t m = 0; m < c->ni; m++) ck_evaluate(c, &c->id[m]);
  ck_blame(c);
  return YS_OK;
}

static int check_impl(const ys_rdoc *doc, const ys_catalog *cat,
                      const ys_check_options *opt, ys_findings *out,
                      ys_errors *errs) {
  chk c;
  memset(&c, 0, sizeof c);
  c.doc = doc;
  c.cat = cat;
  c.opt = opt;
  c.out = out;
  /* Nothing read is no verdict: a document without one table or one
   * figure (a "hello", an empty file, a page of NULs) is reported, not
   * checked clean. */
  size_t figures = 0;
  for (size_t k = 0; k < doc->n_claims; k++)
    figures += doc->claims[k].kind != YS_CLAIM_UNREAD &&
               doc->claims[k].kind != YS_CLAIM_UNEXPLAINED;
  if (!doc->n && !figures) {
    ys_errors_add(errs, YS_EINPUT, doc->file, 0, 0,
                  "未能从该文档读取任何报表或数字，未作检查");
    return YS_EINPUT;
  }
  c.a = ys_arena_new(0);
  if (!c.a) return YS_ENOMEM;
  c.year = opt && opt->year ? opt->year : doc->year;
  /* Tables read by meaning need no profile; only tables laid out in a
   * profile's columns (compiled packages, the fitted text families) do. */
  bool profiled = false;
  for (size_t k = 0; k < doc->n; k++)
    profiled = profiled || !doc->tables[k].cols;
  ys_profiles *owned = NULL;
  int drc = YS_OK;
  const ys_profile *p = profiled ? ck_detect_profile(&c, &owned, &drc) : NULL;
  if (drc) {
    ys_arena_free(c.a);
    return drc;
  }
  if (profiled && !p) {
    ys_errors_add(errs, YS_ENOTFOUND, doc->file, 0, 0, "没有可用的报表格式");
    ys_arena_free(c.a);
    return YS_ENOTFOUND;
  }
  c.p = p;
  int rc = observe_and_decide(&c, p);
  ys_profiles_free(owned);
  /* an observation, identity or finding lost for want of memory makes the
   * verdict incomplete: never a clean report */
  bool lost = rc || ys_arena_failed(c.a) || ys_arena_failed(out->arena);
  ys_arena_free(c.a);
  if (lost) return YS_ENOMEM;
  if (c.limit) {
    ys_errors_add(errs, YS_ELIMIT, doc->file, 0, 0,
                  "有单元格涉及的科目或单位编码超过 %d 个，超出本工具的容量，"
                  "检查不完整",
                  YS_Q_MAXCODES);
    return YS_ELIMIT;
  }
  return YS_OK;
}

/* ys_check_rdoc, with a message whenever it fails for want of memory. */
int ys_check_rdoc(const ys_rdoc *doc, const ys_catalog *cat,
                  const ys_check_options *opt, ys_findings *out,
                  ys_errors *errs) {
  size_t before = errs ? errs->count : 0;
  return ys_errors_nomem(errs, before, check_impl(doc, cat, opt, out, errs),
                         "无法完成检查");
}
