/*
 * csvread.h - CSV files as finance officers save them (internal).
 *
 * A thin layer over libcsv that turns a whole file into an array of records,
 * each remembering the physical line it starts on, so every later complaint
 * can say "file:line:column". It accepts what Excel and WPS write: a UTF-8
 * BOM, CRLF or LF, quoted fields spanning lines. Blank lines (and rows of
 * empty cells) and lines starting with '#' are skipped. Columns are 1-based
 * field indexes in messages, 0-based in the arrays.
 */
#ifndef YS_CSVREAD_H
#define YS_CSVREAD_H

#include <stddef.h>

#include "yusuan/arena.h"
#include "yusuan/error.h"

/* A file larger than this is refused rather than read: no budget comes close,
 * and it bounds what a hostile file can make us allocate. */
#define YS_CSV_MAX_BYTES ((size_t)4 * 1024 * 1024 * 1024)
/* Fields per record; a record with more is an error. */
#define YS_CSV_MAX_FIELDS 1024

typedef struct ys_csv_field {
  const char *s; /* NUL-terminated, arena-owned, not trimmed */
  size_t len;
} ys_csv_field;

typedef struct ys_csv_record {
  int line; /* 1-based physical line where the record starts */
  size_t n; /* fields */
  ys_csv_field *f;
} ys_csv_record;

typedef struct ys_csv {
  const char *name;   /* the path as given (used in messages) */
  ys_csv_record *rec; /* rec[0] is the header, if the file has one */
  size_t n;
} ys_csv;

/*
 * Reads and parses a whole file into *out (arena-owned). Every problem is
 * appended to errs (file = path). Returns YS_OK, YS_ENOTFOUND (no such file;
 * an error is recorded too), YS_EIO, YS_ENOMEM or YS_EINPUT. On YS_EINPUT
 * *out still holds every record that was read cleanly, so a caller may go on
 * validating them and report more problems in one run.
 */
int ys_csv_read_file(ys_csv *out, const char *path, ys_arena *a,
                     ys_errors *errs);

/* Same for text already in memory; name is used in messages. */
int ys_csv_read_mem(ys_csv *out, const char *name, const char *data, size_t len,
                    ys_arena *a, ys_errors *errs);

/* A column a loader expects. */
typedef struct ys_csv_col {
  const char *id;    /* English id, matched case-insensitively: "amount" */
  const char *alias; /* Chinese names, '|'-separated: "金额|金额（元）" */
  int required;
} ys_csv_col;

/*
 * Maps the header (rec[0]) onto cols: idx[i] is the 0-based field index of
 * cols[i], or -1 when absent. Names match through ys_text_key (so full-width
 * forms and spaces do not matter), and a trailing "(元)" on a header is
 * ignored. A missing required column is an error at the header line, column
 * 0; a column named twice is an error; an unknown column is a warning (an
 * entry with code YS_OK). An empty file (no header) is an error too.
 * Returns YS_OK or YS_EINPUT.
 */
int ys_csv_map_columns(const ys_csv *t, const ys_csv_col *cols, size_t n,
                       int *idx, ys_errors *errs);

/* Field idx of r, trimmed (ASCII space, U+3000, U+00A0): an empty field when
 * idx < 0 or the record is shorter. The result may not be NUL-terminated at
 * len; use ys_arena_strndup to keep it. */
ys_csv_field ys_csv_get(const ys_csv_record *r, int idx);

#endif
