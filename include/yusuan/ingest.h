/*
 * ingest.h - raw tables from what yusuan itself wrote (ingest_csv.c: a
 * compiled package's directory, CSV or tables.json) and from a published
 * text by the profiles' columns (ingest_text.c). ys_read_path (read.h)
 * picks among the readers; these are for callers that know the input.
 */
#ifndef YUSUAN_INGEST_H
#define YUSUAN_INGEST_H

#include "export.h"

#include "error.h"
#include "rawtable.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Reads a path (a directory of compiled CSV files, one CSV file, or a
 * tables.json) into raw tables; a .txt file is a published package read
 * by ys_ingest_text. */
YS_API int ys_ingest_path(ys_rdoc **out, const char *path, ys_errors *errs);

/* Reads a published package as text (a PDF converted to text: tables with
 * tabs, spaces or cells broken over lines, plus the narrative) into raw
 * tables laid out in the detected profile's columns (header_rows 0, body
 * rows only) and narrative claims. doc->year and doc->profile_hint are set
 * when recognised. What cannot be placed is reported in errs as entries
 * with code YS_OK (information), with file and line. */
YS_API int ys_ingest_text(ys_rdoc **out, const char *path, ys_errors *errs);

#ifdef __cplusplus
}
#endif
#endif
