/*
 * tables.h - compiled tables: what compile produces, what renderers draw and
 * what the checker reads back.
 *
 * A table is a grid of cells under some header rows. Every amount cell
 * carries its exact value in 分, the quantity it shows (a canonical key such
 * as "exp|fund=gpb|func=210") and the text as displayed (rounded half away
 * from zero to the table's decimals). Identities between quantities are what
 * the checker verifies, so compile and check share one vocabulary.
 */
#ifndef YUSUAN_TABLES_H
#define YUSUAN_TABLES_H

#include "export.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "money.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ys_cell_type {
  YS_CELL_EMPTY = 0,
  YS_CELL_TEXT,   /* labels, codes, notes */
  YS_CELL_AMOUNT, /* money: fen + quantity + display text */
  YS_CELL_NUMBER  /* non-money numbers shown as written (counts, rates) */
} ys_cell_type;

typedef struct ys_cell {
  ys_cell_type type;
  const char *text;     /* as displayed; never NULL ("" when empty) */
  int64_t fen;          /* exact value (AMOUNT only) */
  const char *quantity; /* canonical quantity key (AMOUNT only), or NULL */
} ys_cell;

typedef enum ys_row_kind {
  YS_ROW_TOTAL = 0, /* 合计 / 总计 */
  YS_ROW_GROUP,     /* a code tree node above the leaves, a unit, a heading */
  YS_ROW_DETAIL,    /* a leaf: 项, 款, project */
  YS_ROW_TEXT       /* free text (notes, target descriptions) */
} ys_row_kind;

typedef struct ys_row {
  ys_row_kind kind;
  int level;        /* 0 = top; indentation depth */
  const char *code; /* classification / unit / project code, or "" */
  ys_cell *cells;   /* ncols cells */
} ys_row;

/* One header cell; spans cover merged ranges (1 = no merge). */
typedef struct ys_header_cell {
  const char *text;
  int row, col; /* position in the header grid */
  int row_span, col_span;
} ys_header_cell;

typedef struct ys_table {
  const char *id;       /* profile id, e.g. "t01" */
  const char *number;   /* "表1" */
  const char *title;    /* full title as published */
  const char *subtitle; /* e.g. "部门：322-苍溪县医疗保障局" or "" */
  ys_unit unit;
  int decimals;
  unsigned format_flags; /* YS_FMT_* used for amounts */

  int header_rows;
  ys_header_cell *header;
  size_t n_header;
  const char **col_labels; /* ncols: the lowest header label of each column */
  size_t ncols;

  ys_row *rows;
  size_t nrows;

  bool empty;             /* no data: the table shows empty_note */
  const char *empty_note; /* 空表说明 (also shown in the 目录) */
  const char *note;       /* footnote, e.g. the 尾数误差 note; may be "" */
} ys_table;

typedef struct ys_tables {
  const char *profile;
  const char *dept_name;
  int year;
  ys_table *tables;
  size_t n;
  const char *narrative; /* 情况说明 text to publish with the tables, or "" */
  ys_arena *arena;
} ys_tables;

YS_API void ys_tables_free(ys_tables *t);
/* Attaches the narrative (copied) so renderers publish it with the tables
 * (a 情况说明 section in HTML, a sheet in XLSX, pages in the PDF). */
YS_API int ys_tables_set_narrative(ys_tables *t, const char *text);
YS_API const ys_table *ys_tables_find(const ys_tables *t, const char *id);

#ifdef __cplusplus
}
#endif
#endif
