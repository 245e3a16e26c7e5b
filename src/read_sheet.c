/*
 * read_sheet.c - workbooks and CSV files as documents (doc.h).
 *
 * A worksheet or a CSV file is already a grid: each becomes a page whose
 * cells are laid out by ys_doc_add_grid (merged ranges of a worksheet kept),
 * so the table finder reads them as it reads a ruled PDF. A cell's source
 * line is its row number in the sheet (1-based), as a spreadsheet shows it.
 * Hidden sheets are left out: they are not what the department published.
 */
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "xlsxread.h"
#include "yusuan/doc.h"

static int sheet_page(ys_doc *d, const ys_xlsx_sheet *sh) {
  if (!ys_doc_add_page(d, 0, 0)) return YS_ENOMEM;
  size_t n = 0;
  for (size_t i = 0; i < sh->nrows * sh->ncols; i++)
    n += *sh->cells[i].text != 0;
  ys_grid_cell *cells = calloc(n + 1, sizeof *cells);
  /* covered[r*ncols+c]: inside a merged range but not its first cell */
  unsigned char *covered = calloc(sh->nrows * sh->ncols + 1, 1);
  if (!cells || !covered) {
    free(cells);
    free(covered);
    return YS_ENOMEM;
  }
  for (size_t m = 0; m < sh->nmerges; m++) {
    const ys_xlsx_merge *g = &sh->merges[m];
    for (size_t r = g->r1; r <= g->r2 && r < sh->nrows; r++)
      for (size_t c = g->c1; c <= g->c2 && c < sh->ncols; c++)
        if (r != g->r1 || c != g->c1) covered[r * sh->ncols + c] = 1;
  }
  size_t k = 0;
  for (size_t r = 0; r < sh->nrows; r++)
    for (size_t c = 0; c < sh->ncols; c++) {
      const ys_xlsx_cell *x = &sh->cells[r * sh->ncols + c];
      if (!*x->text || covered[r * sh->ncols + c] || k >= n) continue;
      ys_grid_cell *g = &cells[k++];
      g->text = x->text;
      g->len = strlen(x->text);
      g->row = (int)r;
      g->col = (int)c;
      g->row_span = g->col_span = 1;
      g->line = (int)r + 1;
      g->indent = (float)x->indent; /* the style's indent level */
      for (size_t m = 0; m < sh->nmerges; m++)
        if (sh->merges[m].r1 == r && sh->merges[m].c1 == c) {
          g->row_span = (int)(sh->merges[m].r2 - r + 1);
          g->col_span = (int)(sh->merges[m].c2 - c + 1);
        }
    }
  int rc = ys_doc_add_grid(d, cells, k);
  free(cells);
  free(covered);
  return rc;
}

int ys_doc_read_xlsx(ys_doc **out, const char *path, ys_errors *errs) {
  *out = NULL;
  ys_xlsx *x = NULL;
  int rc = ys_xlsx_open(&x, path, errs);
  if (rc) return rc;
  ys_doc *d = ys_doc_new(path, YS_DOC_XLSX);
  if (!d) rc = YS_ENOMEM;
  for (size_t i = 0; rc == YS_OK && i < x->nsheets; i++)
    if (!x->sheets[i].hidden) rc = sheet_page(d, &x->sheets[i]);
  ys_xlsx_free(x);
  if (rc) {
    ys_doc_free(d);
    return rc;
  }
  *out = d;
  return YS_OK;
}

int ys_doc_read_csv(ys_doc **out, const char *path, const char *data,
                    size_t len, ys_errors *errs) {
  *out = NULL;
  ys_doc *d = ys_doc_new(path, YS_DOC_CSV);
  if (!d) return YS_ENOMEM;
  ys_csv t;
  int rc = ys_csv_read_mem(&t, path, data, len, d->arena, errs);
  size_t n = 0;
  for (size_t r = 0; rc == YS_OK && r < t.n; r++) n += t.rec[r].n;
  ys_grid_cell *cells = rc == YS_OK ? calloc(n + 1, sizeof *cells) : NULL;
  if (rc == YS_OK && !cells) rc = YS_ENOMEM;
  if (rc == YS_OK && !ys_doc_add_page(d, 0, 0)) rc = YS_ENOMEM;
  size_t k = 0;
  for (size_t r = 0; rc == YS_OK && r < t.n; r++)
    for (size_t c = 0; c < t.rec[r].n; c++) {
      if (!t.rec[r].f[c].len) continue;
      cells[k++] = (ys_grid_cell){t.rec[r].f[c].s,
                                  t.rec[r].f[c].len,
                                  (int)r,
                                  (int)c,
                                  1,
                                  1,
                                  t.rec[r].line,
                                  0};
    }
  if (rc == YS_OK) rc = ys_doc_add_grid(d, cells, k);
  free(cells);
  if (rc) {
    ys_doc_free(d);
    return rc;
  }
  *out = d;
  return YS_OK;
}
