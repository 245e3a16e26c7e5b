/*
 * package.h - write a compiled package: every table in the formats asked
 * for, and the narrative, into one directory that appears whole or not at
 * all.
 *
 * This is what `yusuan compile` publishes; a caller embedding the library
 * (a finance bureau's system) gets the same package with one call.
 */
#ifndef YUSUAN_PACKAGE_H
#define YUSUAN_PACKAGE_H

#include "export.h"

#include <stddef.h>

#include "error.h"
#include "tables.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Output formats (bits). */
enum {
  YS_FMT_CSV = 1u << 0,  /* one CSV per table */
  YS_FMT_JSON = 1u << 1, /* tables.json, with exact 分 and quantity keys */
  YS_FMT_XLSX = 1u << 2, /* tables.xlsx */
  YS_FMT_HTML = 1u << 3, /* index.html */
  YS_FMT_TXT = 1u << 4,  /* tables.txt */
  YS_FMT_PDF = 1u << 5,  /* tables.pdf */
  YS_FMT_ALL = (1u << 6) - 1
};

/* Parses a comma-separated list ("csv,json,pdf") into *formats. On an
 * unknown name returns YS_EUSAGE and copies it into bad (badn bytes); an
 * empty list is YS_EUSAGE with bad "". */
YS_API int ys_package_formats(const char *list, unsigned *formats, char *bad,
                              size_t badn);

/* Writes tables in each format of formats, and the narrative (published
 * inside the HTML, the workbook and the PDF too, and as narrative.txt),
 * into dir: through a temporary directory renamed into place, so that a
 * failure leaves no half-written package (outdir.h). narrative may be
 * NULL (no narrative.txt). Attaches the narrative to tables. */
YS_API int ys_package_write(ys_tables *tables, const char *narrative,
                            const char *dir, unsigned formats, ys_errors *errs);

#ifdef __cplusplus
}
#endif

#endif
