/*
 * ingest_xlsx.c - read tables.xlsx (as `yusuan compile` writes it, or a
 * hand-edited copy) back as raw tables for the checker.
 *
 * Layout written by render_xlsx.c: one sheet per table after the 目录
 * sheet; row 1 the number (表5), row 2 the title, row 3 the subtitle and the
 * unit line, then header and body rows, then 空表说明 / 注 rows. Names carry
 * their level as the cell's indent instead of leading spaces; it is turned
 * back into ideographic spaces so the checker sees what the CSV shows.
 * Amounts are stored exactly (238.3119 万元 displayed as 238.31), so the
 * checker works at the stored precision. A sheet's row number is the
 * "line" of its cells.
 */
#include <string.h>

#include "ingest_xlsx.h"
#include "xlsxread.h"
#include "yusuan/check.h"

static bool starts_with(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

static int sheet_to_table(ys_rdoc *d, const ys_xlsx_sheet *sh, const char *path,
                          bool ours) {
  if (sh->nrows < 3) return YS_OK;
  const char *number = ys_xlsx_text(sh, 0, 0);
  /* 目录 and other sheets; in our own workbook (a 目录 sheet first) every
   * other sheet is a table, numbered or not (河北 and 财政部 sets print no
   * 表N) */
  if (!strcmp(sh->name, "目录") || (!ours && !starts_with(number, "表")))
    return YS_OK;
  ys_rtable *t = ys_rdoc_add_table(d);
  if (!t) return YS_ENOMEM;
  t->file = ys_arena_strdup(d->arena, path);
  t->number = ys_arena_strdup(d->arena, number);
  t->title = ys_arena_strdup(d->arena, ys_xlsx_text(sh, 1, 0));
  t->title_line = 2;
  for (size_t k = 0; k < sh->ncols; k++) {
    const char *s = ys_xlsx_text(sh, 2, k);
    ys_unit u;
    if (strstr(s, "单位") && ys_unit_parse(s, strlen(s), &u) == 0) {
      t->unit = u;
      t->unit_known = true;
    }
  }
  for (size_t r = 3; r < sh->nrows; r++) {
    const char *c0 = ys_xlsx_text(sh, r, 0);
    bool only_first = true;
    for (size_t k = 1; k < sh->ncols; k++)
      if (*ys_xlsx_text(sh, r, k)) only_first = false;
    if (only_first && (starts_with(c0, "注") || starts_with(c0, "空表说明") ||
                       starts_with(c0, "备注"))) {
      t->note = *t->note ? ys_arena_printf(d->arena, "%s\n%s", t->note, c0)
                         : ys_arena_strdup(d->arena, c0);
      if (starts_with(c0, "空表说明")) t->empty_note = true;
      continue;
    }
    bool empty = true;
    for (size_t k = 0; k < sh->ncols && empty; k++)
      empty = !*ys_xlsx_text(sh, r, k);
    if (empty) continue;
    ys_rrow *row = ys_rtable_add_row(d, t, sh->ncols, (int)r + 1);
    if (!row) return YS_ENOMEM;
    for (size_t k = 0; k < sh->ncols; k++) {
      const ys_xlsx_cell *c = ys_xlsx_at(sh, r, k);
      const char *text = c ? c->text : "";
      if (c && c->indent && c->kind == YS_XLSX_STRING) {
        /* one ideographic space (two columns) per indent level */
        size_t n = c->indent, len = strlen(text);
        char *s = ys_arena_alloc(d->arena, 3 * n + len + 1);
        if (!s) return YS_ENOMEM;
        for (size_t i = 0; i < n; i++) memcpy(s + 3 * i, "\u3000", 3);
        memcpy(s + 3 * n, text, len + 1);
        text = s;
      } else {
        text = ys_arena_strdup(d->arena, text);
      }
      row->cells[k].text = text;
    }
  }
  return YS_OK;
}

int ys_ingest_xlsx(ys_rdoc *d, const char *path, ys_errors *errs) {
  ys_xlsx *x = NULL;
  int rc = ys_xlsx_open(&x, path, errs);
  if (rc) return rc;
  bool ours = x->nsheets > 1 && !strcmp(x->sheets[0].name, "目录");
  for (size_t i = 0; i < x->nsheets && rc == YS_OK; i++)
    if (!x->sheets[i].hidden) rc = sheet_to_table(d, &x->sheets[i], path, ours);
  ys_xlsx_free(x);
  return rc;
}
