/*
 * rawtable.h - a table as read from a document, before any interpretation.
 *
 * Every reader (compiled CSV, tables.json, XLSX, published text) produces
 * raw tables: a title, a unit when printed, and rows of cell strings, each
 * with its source line. observe.c then maps raw tables onto a profile's
 * tables and turns amount cells into observations of quantities. Keeping
 * this boundary means a new input format is a reader, not a new checker.
 */
#ifndef YUSUAN_RAWTABLE_H
#define YUSUAN_RAWTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "money.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ys_rcell {
  const char *text; /* as read; "" when empty */
  int line;         /* source line, 0 = unknown */
} ys_rcell;

typedef struct ys_rrow {
  ys_rcell *cells;
  size_t n;
  int line;
} ys_rrow;

typedef struct ys_rtable {
  const char *file;   /* source file as given */
  const char *number; /* "表1" or "" */
  const char *title;  /* as printed */
  int title_line;
  bool unit_known;
  ys_unit unit;
  int header_rows; /* rows[0..header_rows) are header; -1 = unknown */
  ys_rrow *rows;   /* header and body rows */
  size_t nrows;
  const char *note; /* footnotes / 空表说明 text, "" if none */
  bool empty_note;  /* the table states why it is empty */
} ys_rtable;

/*
 * A figure stated in the narrative (情况说明), tied to a quantity. The checker
 * treats it as one more observation of that quantity, at the precision the
 * text prints, so "一般公共预算支出 233.31 万元" meets the tables' 238.31.
 */
typedef enum ys_claim_kind {
  YS_CLAIM_AMOUNT = 0, /* subject + amount */
  YS_CLAIM_MISSING,    /* a sentence whose figure is missing ("支出万元") */
  YS_CLAIM_SUM,        /* a whole and the parts the text lists for it */
  YS_CLAIM_SHARE,      /* text = share in %, parts = {part, whole} */
  YS_CLAIM_CHANGE      /* text = rate in % (or ""), parts = {current,
                          signed change} */
} ys_claim_kind;

typedef struct ys_rclaim {
  ys_claim_kind kind;
  const char
      *quantity; /* quantity expression (quantity.h), e.g. "exp;fund=gpb" */
  const char *subject;  /* as written, e.g. "一般公共预算拨款支出" */
  const char *text;     /* the figure as written, e.g. "233.31" */
  ys_unit unit;         /* of the figure */
  const char *sentence; /* the sentence, for the report */
  int line;
  /* The text does not say whether the figure includes 上年结转: it is
   * read as all periods, and a mismatch is only a warning. */
  bool period_unclear;
  /* YS_CLAIM_SUM: text is the whole; the parts as written. */
  const char **parts;
  size_t n_parts;
} ys_rclaim;

typedef struct ys_rdoc {
  const char *file;
  int year; /* 0 = unknown */
  ys_rtable *tables;
  size_t n, cap;
  ys_rclaim *claims;
  size_t n_claims, cap_claims;
  const char *profile_hint; /* profile a reader recognised, or NULL */
  ys_arena *arena;
} ys_rdoc;

ys_rdoc *ys_rdoc_new(const char *file);
void ys_rdoc_free(ys_rdoc *d);
/* Appends an empty table owned by the document; NULL on OOM. */
ys_rtable *ys_rdoc_add_table(ys_rdoc *d);
/* Appends a zeroed claim owned by the document; NULL on OOM. */
ys_rclaim *ys_rdoc_add_claim(ys_rdoc *d);
/* Appends a row of n cells to a table; NULL on OOM. */
ys_rrow *ys_rtable_add_row(ys_rdoc *d, ys_rtable *t, size_t n, int line);

#ifdef __cplusplus
}
#endif
#endif
