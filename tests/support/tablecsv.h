/*
 * tablecsv.h - read a compiled table back from its CSV file (tests only).
 *
 * The identity tests must judge what a user receives, the written files,
 * not the structures compile keeps in memory: a renderer that drops a note
 * or misplaces a cell must fail them. This reads one "表N_tNN.csv" as
 * ys_render_csv lays it out (row 1 number and title, row 2 the unit line,
 * header rows, body rows as displayed, then the 注： / 空表说明： rows) into
 * plain strings, and offers the lookups a reader of a published table would
 * use: columns by their header labels, rows by code or by label (ignoring
 * the U+3000 indentation), and displayed amounts parsed with ys_money_parse
 * in the table's unit. Also small filesystem helpers the tests share.
 */
#ifndef YS_TESTS_TABLECSV_H
#define YS_TESTS_TABLECSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "yusuan/arena.h"
#include "yusuan/money.h"

typedef struct tc_row {
  int line; /* physical line in the file (1-based) */
  size_t n; /* cells */
  const char **cell;
} tc_row;

typedef struct tc_table {
  char path[4096];
  const char *number; /* "表5" */
  const char *title; /* "部门综合预算一般公共预算支出明细表（…）" */
  const char *unit_text; /* "单位：元" as written */
  ys_unit unit;          /* parsed from unit_text */
  int decimals;          /* the most decimals of any amount cell; -1: none */
  size_t ncols;          /* the widest header or body row */
  tc_row *rows;          /* rows 3.. of the file, without note rows */
  size_t nrows;
  size_t nheader;         /* rows[0 .. nheader) are header rows */
  const char *note;       /* "注：…" row, or "" */
  const char *empty_note; /* text after "空表说明：", or NULL when absent */
  ys_arena *arena;
} tc_table;

/* Reads path into *t. Returns 0, or -1 with a reason in err (the file is
 * missing, not CSV, or not laid out as a table). */
int tc_load(tc_table *t, const char *path, char *err, size_t errn);
void tc_free(tc_table *t);

/* The cell text ("" beyond the end of a row). */
const char *tc_cell(const tc_table *t, size_t row, size_t col);

/* Copies s without leading/trailing ASCII white space, U+3000 and U+00A0. */
void tc_trim(const char *s, char *buf, size_t n);
/* Leading indentation in display columns (ASCII space 1, U+3000 2). */
int tc_indent(const char *s);
/* Do two labels match after folding full-width forms and removing spaces
 * (ys_text_key)? */
bool tc_label_eq(const char *a, const char *b);

/*
 * A displayed amount parsed in the table's unit. Returns 0 and sets *fen,
 * 1 for an empty cell (*fen = 0), -1 for text that is not an amount.
 */
int tc_amount(const tc_table *t, size_t row, size_t col, int64_t *fen);
/* 分 per last printed digit: 1 for 元 with 2 decimals, 10000 for 万元. */
int64_t tc_step(const tc_table *t);

/* First body row at or after `from` whose cell in col equals code exactly;
 * (size_t)-1 when none. */
size_t tc_row_by_code(const tc_table *t, size_t col, const char *code,
                      size_t from);
/* First body row at or after `from` whose cell in col, trimmed, matches
 * label (tc_label_eq); (size_t)-1 when none. */
size_t tc_row_by_label(const tc_table *t, size_t col, const char *label,
                       size_t from);

/*
 * A column by a path of header labels, top to bottom: {"当年", "公务接待费",
 * NULL}. Each label is searched below the previous one and inside its span
 * (a merged cell spans to the next non-empty cell of its header row).
 * Returns the column of the last label, or -1.
 */
int tc_col_path(const tc_table *t, const char *const *labels);
/* The first column labelled label in any header row, or -1. */
int tc_col(const tc_table *t, const char *label);
/* The lowest non-empty header label of a column ("" when none). */
const char *tc_col_label(const tc_table *t, size_t col);

/* Filesystem helpers. */
int tc_mkdirs(const char *path);                    /* mkdir -p; 0 on success */
void tc_rmtree(const char *path);                   /* rm -rf */
bool tc_is_dir(const char *path);                   /* an existing directory */
bool tc_exists(const char *path);                   /* anything at path */
int tc_copy_file(const char *from, const char *to); /* 0 on success */
/* Writes a whole text file; 0 on success. */
int tc_write_file(const char *path, const char *text);
/* Reads a whole file into a malloc'd NUL-terminated buffer, or NULL. */
char *tc_read_file(const char *path, size_t *len);

#endif
