/*
 * findings.h - what a check reports (findings.c): each finding names its
 * rule, severity and cell (table, row, column; line, or page and box of a
 * PDF), the value found and the value that would make the identities
 * hold, and the related cells; as a text report or a JSON array.
 */
#ifndef YUSUAN_FINDINGS_H
#define YUSUAN_FINDINGS_H

#include "export.h"

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "doc.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ys_cellref {
  const char *file;
  const char *table; /* "表5 …" */
  const char *row;
  const char *column;
  const char *text; /* as printed */
  int line;
  int page;   /* PDF page (1-based), 0 = not a PDF */
  ys_box box; /* the cell on that page, points from the top left */
} ys_cellref;

typedef struct ys_finding {
  const char *rule;
  ys_severity severity;
  const char *table, *row, *column;          /* where; may be "" */
  const char *found, *expected, *difference; /* printed decimals; may be "" */
  const char *unit;                          /* "元" / "万元" / "" */
  const char *message;
  const char *file;
  int line;
  int page;   /* PDF page of the cell named, 0 = none */
  ys_box box; /* its box on that page */
  ys_cellref *related;
  size_t n_related;
  int claim; /* 1 + index of the narrative claim checked, 0 = none */
} ys_finding;

typedef struct ys_findings {
  ys_finding *items;
  size_t n, cap;
  ys_arena *arena;
} ys_findings;

YS_API ys_findings *ys_findings_new(void);
YS_API void ys_findings_free(ys_findings *f);
YS_API size_t ys_findings_count(const ys_findings *f, ys_severity sev);
/* Orders findings by file, line, severity (stable). */
YS_API void ys_findings_sort(ys_findings *f);

/* Human-readable report grouped by table; JSON array per docs/rules.md.
 * malloc'd, the caller's to free; NULL when out of memory. */
YS_API char *ys_findings_text(const ys_findings *f, bool color);
YS_API char *ys_findings_json(const ys_findings *f);

#ifdef __cplusplus
}
#endif
#endif
