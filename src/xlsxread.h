/*
 * xlsxread.h - read the cells of an XLSX workbook (internal).
 *
 * Debian 12 has no C library that reads XLSX, so this is a small reader on
 * libzip and expat. It gives, per sheet, a grid of cell texts: strings
 * (shared, inline or formula results) as they are, numbers as the text
 * stored in the file ("2383119", "238.3119"), booleans as TRUE / FALSE;
 * plus each cell's indent level (from styles.xml) and the merged ranges,
 * which is what a published table's layout needs.
 *
 * Workbooks come from anywhere, so nothing in the file is trusted: every
 * part is streamed from zip_fread into XML_Parse (the sizes in the ZIP
 * directory are ignored; a fuzzer made a size-trusting reader malloc
 * 1.7 GB), and there are caps on the bytes of one part and of all parts,
 * on shared strings, cells, row and column indices, element depth and the
 * memory the result may use. Documents with a DTD are refused (OOXML never
 * has one), so entity expansion cannot happen. Errors are reported as
 * values, never printed.
 */
#ifndef YS_XLSXREAD_H
#define YS_XLSXREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "yusuan/arena.h"
#include "yusuan/error.h"

/* Decompressed bytes of one part, and of all parts read. */
#define YS_XLSX_MAX_PART ((size_t)128 * 1024 * 1024)
#define YS_XLSX_MAX_TOTAL ((size_t)512 * 1024 * 1024)
/* Memory the result (strings, grids) may take. */
#define YS_XLSX_MAX_MEMORY ((size_t)256 * 1024 * 1024)
#define YS_XLSX_MAX_SHEETS 1024
#define YS_XLSX_MAX_STRINGS 2000000
/* Bytes of one cell's text (Excel stops at 32767 characters). */
#define YS_XLSX_MAX_TEXT ((size_t)256 * 1024)
/* Excel's own limits on indices. */
#define YS_XLSX_MAX_ROWS 1048576
#define YS_XLSX_MAX_COLS 16384
/* Non-empty cells per sheet, and rows x columns of one sheet's grid. */
#define YS_XLSX_MAX_CELLS 4000000
#define YS_XLSX_MAX_GRID ((size_t)8000000)
#define YS_XLSX_MAX_DEPTH 64

typedef enum ys_xlsx_kind {
  YS_XLSX_EMPTY = 0,
  YS_XLSX_STRING, /* s, inlineStr, str, d */
  YS_XLSX_NUMBER, /* n (the default) */
  YS_XLSX_BOOL,   /* b: "TRUE" / "FALSE" */
  YS_XLSX_ERROR   /* e: "#DIV/0!" etc. */
} ys_xlsx_kind;

typedef struct ys_xlsx_cell {
  const char *text; /* never NULL ("" when empty) */
  uint8_t kind;     /* ys_xlsx_kind */
  uint8_t indent;   /* alignment indent of the cell's style, 0 if none */
} ys_xlsx_cell;

/* A merged range, 0-based and inclusive. */
typedef struct ys_xlsx_merge {
  uint32_t r1, c1, r2, c2;
} ys_xlsx_merge;

typedef struct ys_xlsx_sheet {
  const char *name;
  bool hidden;         /* state="hidden" or "veryHidden" */
  size_t nrows, ncols; /* extent of the non-empty cells */
  ys_xlsx_cell *cells; /* nrows * ncols, row-major */
  ys_xlsx_merge *merges;
  size_t nmerges;
} ys_xlsx_sheet;

typedef struct ys_xlsx {
  ys_xlsx_sheet *sheets; /* in workbook order */
  size_t nsheets;
  ys_arena *arena; /* owns everything above */
} ys_xlsx;

/* Reads the workbook at path. On error returns YS_EINPUT (not a readable
 * workbook), YS_EIO or YS_ENOMEM, appends messages naming path to errs, and
 * sets *out to NULL. */
int ys_xlsx_open(ys_xlsx **out, const char *path, ys_errors *errs);

/* The same from memory (name is used in messages); data must outlive the
 * call only. */
int ys_xlsx_open_buffer(ys_xlsx **out, const void *data, size_t len,
                        const char *name, ys_errors *errs);

void ys_xlsx_free(ys_xlsx *x);

/* The sheet with this name, or NULL. */
const ys_xlsx_sheet *ys_xlsx_sheet_named(const ys_xlsx *x, const char *name);

/* The cell at (row, col), 0-based; NULL outside the grid. */
const ys_xlsx_cell *ys_xlsx_at(const ys_xlsx_sheet *s, size_t row, size_t col);

/* The cell's text; "" for empty cells and outside the grid. */
const char *ys_xlsx_text(const ys_xlsx_sheet *s, size_t row, size_t col);

#endif
