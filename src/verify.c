/*
 * verify.c - compiled tables checked by the checker: the same model run
 * backwards over what compile just produced.
 *
 * compile computes every cell exactly, but it prints rounded values; which
 * printed identities then differ by 尾数误差 is exactly what the checker's
 * interval test finds. So rather than a second list of identities in
 * compile, the displayed tables are handed to check as raw tables: every
 * rounding-only difference puts the profile's note on its table, and any
 * error would be a contradiction compile failed to prevent (reported as a
 * warning naming the table, never silently).
 */
#include <string.h>

#include "profile_impl.h"
#include "yusuan/check.h"
#include "yusuan/compile.h"

static ys_rdoc *tables_to_rdoc(const ys_tables *t) {
  ys_rdoc *d = ys_rdoc_new("");
  if (!d) return NULL;
  d->year = t->year;
  for (size_t i = 0; i < t->n; i++) {
    const ys_table *tb = &t->tables[i];
    ys_rtable *rt = ys_rdoc_add_table(d);
    if (!rt) goto oom;
    /* The table id stands in for the file, so findings map back. */
    rt->file = tb->id;
    rt->number = tb->number;
    rt->title = tb->title;
    rt->unit = tb->unit;
    rt->unit_known = true;
    rt->header_rows = 0;
    rt->empty_note = tb->empty;
    for (size_t r = 0; r < tb->nrows; r++) {
      ys_rrow *row = ys_rtable_add_row(d, rt, tb->ncols, (int)r + 1);
      if (!row) goto oom;
      for (size_t k = 0; k < tb->ncols; k++)
        row->cells[k].text = tb->rows[r].cells[k].text;
    }
  }
  return d;
oom:
  ys_rdoc_free(d);
  return NULL;
}

int ys_tables_verify(ys_tables *t, const ys_profile *p, const ys_catalog *cat,
                     ys_errors *errs) {
  ys_rdoc *doc = tables_to_rdoc(t);
  ys_findings *f = ys_findings_new();
  if (!doc || !f) {
    ys_rdoc_free(doc);
    ys_findings_free(f);
    return YS_ENOMEM;
  }
  /* the very profile compiled with, built in or read from a file */
  ys_check_options opt = {.rounding = true, .profile_obj = p, .year = t->year};
  int rc = ys_check_rdoc(doc, cat, &opt, f, errs);
  for (size_t i = 0; rc == YS_OK && i < f->n; i++) {
    const ys_finding *x = &f->items[i];
    for (size_t k = 0; k < t->n; k++) {
      ys_table *tb = &t->tables[k];
      if (strcmp(tb->id, x->file)) continue;
      if (!strcmp(x->rule, "rounding.tail"))
        tb->note = p->rounding_note;
      else if (x->severity == YS_SEV_ERROR)
        ys_errors_note(errs, YS_SEV_WARNING, NULL, 0, 0,
                       "内部一致性检查：%s%s 第 %d 行“%s”：%s", tb->number,
                       tb->title, x->line, x->row, x->message);
    }
  }
  ys_findings_free(f);
  ys_rdoc_free(doc);
  return rc;
}
