/*
 * render.h - write compiled tables in the formats users open.
 *
 * Every renderer draws the same ys_tables; none computes anything. Each
 * writes into a directory the caller owns (the CLI writes into a temporary
 * directory and renames it into place, so a failed run leaves nothing
 * half-written).
 */
#ifndef YUSUAN_RENDER_H
#define YUSUAN_RENDER_H

#include "error.h"
#include "tables.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One CSV per table, named "<number>_<id>.csv" (e.g. 表1_t01.csv): the title
 * row, the unit row, the header rows (a merged cell's text in its first
 * cell), the body rows as displayed, then notes. UTF-8 with BOM so Excel
 * opens it correctly. */
int ys_render_csv(const ys_tables *t, const char *dir, ys_errors *errs);

/* tables.json: every table with header, rows, and for each amount cell the
 * exact value in 分 and its quantity key. */
int ys_render_json(const ys_tables *t, const char *dir, ys_errors *errs);

/* The file name of a table's CSV (no directory). */
void ys_render_csv_name(const ys_table *t, char *buf, size_t n);

#ifdef __cplusplus
}
#endif
#endif
