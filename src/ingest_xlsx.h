/*
 * ingest_xlsx.h - a workbook's table sheets into a raw document (internal).
 */
#ifndef YS_INGEST_XLSX_H
#define YS_INGEST_XLSX_H

#include "yusuan/error.h"
#include "yusuan/rawtable.h"

/* Appends the table sheets of an XLSX workbook to d (ingest_xlsx.c). */
int ys_ingest_xlsx(ys_rdoc *d, const char *path, ys_errors *errs);

#endif
