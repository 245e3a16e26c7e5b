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

#include "export.h"

#include "error.h"
#include "tables.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One CSV per table, named "<number>_<id>.csv" (e.g. 表1_t01.csv): the title
 * row, the unit row, the header rows (a merged cell's text in its first
 * cell), the body rows as displayed, then notes. UTF-8 with BOM so Excel
 * opens it correctly. */
YS_API int ys_render_csv(const ys_tables *t, const char *dir, ys_errors *errs);

/* tables.json: every table with header, rows, and for each amount cell the
 * exact value in 分 and its quantity key. */
YS_API int ys_render_json(const ys_tables *t, const char *dir, ys_errors *errs);

/* tables.xlsx: a 目录 sheet, then one sheet per table ("表5 一般公共预算…",
 * at most 31 characters): title, unit line, header rows merged per the
 * header spans, amounts as numbers in the table's unit formatted to its
 * decimals, names indented by format (their leading spaces removed),
 * 空表说明 and footnote rows. */
YS_API int ys_render_xlsx(const ys_tables *t, const char *dir, ys_errors *errs);

/* tables.html: one self-contained page (inline CSS, no scripts, no network)
 * with a table of contents and every table; prints on A4 with the header
 * repeated on every page and each table on a new page. */
YS_API int ys_render_html(const ys_tables *t, const char *dir, ys_errors *errs);

/* tables.txt: every table as plain text with columns aligned by display
 * width (wide characters count two), numbers right-aligned and long cells
 * wrapped, for reading in a terminal and for diffs. */
YS_API int ys_render_txt(const ys_tables *t, const char *dir, ys_errors *errs);

/* tables.pdf: the package as one print-ready A4 document (cairo + pango,
 * Noto Sans/Serif CJK SC embedded as subsets): cover, 目录 with page
 * numbers, the 情况说明 with its headings, then every table on its own
 * pages (portrait or landscape by its width, scaled to fit, title, unit
 * line and header rows repeated on continuation pages), "第 n 页 共 m 页"
 * and a bookmark per part and table. Dated 1 January of the budget year,
 * so the same tables give the same bytes. Not PDF/A (cairo 1.16 cannot
 * write it). YS_ENOTFOUND when the fonts are not installed. */
YS_API int ys_render_pdf(const ys_tables *t, const char *dir, ys_errors *errs);

/* The file name of a table's CSV (no directory). */
YS_API void ys_render_csv_name(const ys_table *t, char *buf, size_t n);

#ifdef __cplusplus
}
#endif
#endif
