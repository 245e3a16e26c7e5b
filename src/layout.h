/*
 * layout.h - tables found on the document model (internal).
 *
 * layout.c looks at a document (doc.h) as a reader looks at a page: a
 * title, a unit line, a grid of cells under some header rows, notes below;
 * everything else is narrative. It knows nothing of provinces or profiles:
 * titles are found by their shape and words, grids by ruling lines where
 * the table is ruled and by aligned columns where it is not. What the
 * header phrases mean is tableread.c's business.
 */
#ifndef YS_LAYOUT_H
#define YS_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "yusuan/doc.h"
#include "yusuan/error.h"

typedef struct ys_gcell {
  const char *text; /* the cell's spans joined; never NULL */
  int row, col;     /* top-left, in the table's grid */
  int rs, cs;       /* spans, >= 1 */
  int page, line;   /* where it is printed (line: source line, 0 none) */
  ys_box box;       /* the cell (ruled) or its text */
  float tx0;        /* left edge of its text: indentation shows levels */
  float tsize;      /* font size of its text, 0 unknown */
} ys_gcell;

typedef struct ys_gtable {
  const char *title;  /* as printed, lines joined */
  const char *number; /* "表3", "" if none */
  int page, line;     /* of the title */
  ys_box title_box;
  const char *unit_text; /* "单位：元" as printed, or "" */
  const char *caption;   /* other lines between title and grid, or "" */
  int nrows, ncols;
  int header_rows; /* rows [0, header_rows) are header rows */
  ys_gcell *cells; /* ordered by row, then column */
  size_t ncells;
  int max_rs; /* the tallest cell's rows: how far back ys_gtable_at looks */
  const char *note; /* 注 / 说明 lines after the grid, or "" */
  bool ruled;       /* cells came from ruling lines */
  int pages;        /* pages the table runs over */
} ys_gtable;

typedef struct ys_layout {
  ys_gtable *tables;
  size_t n, cap;
  const ys_line **text; /* lines outside tables, in reading order */
  size_t ntext, cap_text;
} ys_layout;

/* Finds the tables of d; everything is allocated in d's arena. Returns
 * YS_OK or YS_ENOMEM. */
int ys_layout_find(ys_layout *out, ys_doc *d, ys_errors *errs);

/* columns.c: puts the text lines of blocks set in two columns in reading
 * order (the left column, then the right), each line cut at the gutter.
 * YS_OK or YS_ENOMEM. */
int ys_layout_columns(ys_layout *l, ys_doc *d);

/* The cell at (row, col) of t, covering it by its spans; NULL if none. */
const ys_gcell *ys_gtable_at(const ys_gtable *t, int row, int col);

/* Is the text a page number or running header line ("- 3 -", "第3页")? */
bool ys_layout_is_page_number(const char *s);

#endif
