/*
 * doc.h - the document model every reader produces.
 *
 * A published package arrives as PDF, text, HTML, a workbook or CSV. Each
 * reader turns its format into the same thing: pages of lines of spans,
 * every span a run of text with its box on the page and its place in the
 * source, plus the ruling lines drawn on the page. Tables and narrative
 * claims are then found on this model alone (layout.c, narrative.c), so a
 * new input format is a new reader, never a new table finder.
 *
 * Coordinates are points with y growing downwards, as MuPDF gives them.
 * Formats without geometry get coordinates that keep what they do know:
 * text has one line per source line and a character column per
 * 6 points (display width: a wide character is two columns); a cell of an
 * HTML table or a worksheet gets a box on a regular grid and ruling lines
 * around it, so that the ruled-table finder reads it like a ruled PDF.
 */
#ifndef YUSUAN_DOC_H
#define YUSUAN_DOC_H

#include "export.h"

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ys_box {
  float x0, y0, x1, y1;
} ys_box;

typedef struct ys_span {
  const char *text; /* UTF-8 as printed, NUL-terminated, never NULL */
  ys_box box;
  float size; /* font size in points; 0 = unknown */
  int line;   /* source line (text formats), 1-based; 0 = none */
  int col;    /* source column (text) or cell column (grids), 1-based */
} ys_span;

typedef struct ys_line {
  ys_span *spans; /* left to right */
  size_t n;
  ys_box box;
  int page;   /* 1-based */
  size_t cap; /* room in spans (readers) */
} ys_line;

typedef struct ys_page {
  int number; /* 1-based */
  float width, height;
  ys_line *lines; /* top to bottom */
  size_t n;
  ys_box *rules; /* ruling lines: thin boxes (horizontal when wider) */
  size_t n_rules;
  size_t cap, cap_rules; /* room in lines, rules (readers) */
} ys_page;

typedef enum ys_doc_format {
  YS_DOC_TEXT = 0,
  YS_DOC_PDF,
  YS_DOC_HTML,
  YS_DOC_XLSX,
  YS_DOC_CSV
} ys_doc_format;

typedef struct ys_doc {
  const char *file;
  ys_doc_format format;
  ys_page *pages;
  size_t n;
  /* Geometry a reader made up (text columns, grid cells) rather than
   * measured: the table finder then trusts columns, not distances. */
  bool synthetic;
  size_t n_spans; /* over all pages, against YS_DOC_MAX_SPANS */
  size_t cap;     /* room in pages (readers) */
  ys_arena *arena;
} ys_doc;

/* Limits a reader enforces on one document; each is reported when hit,
 * never applied silently. */
#define YS_DOC_MAX_BYTES (256u << 20) /* file size */
#define YS_DOC_MAX_PAGES 5000
#define YS_DOC_MAX_SPANS 4000000 /* over all pages */

/*
 * Reads any supported file into a document: the format is told by content
 * (%PDF, a zip with xl/workbook.xml, <html or <table, otherwise text;
 * .csv by name). Returns YS_OK, YS_EINPUT (unreadable, encrypted, no text
 * layer, a limit hit: errs says which, in Chinese), YS_EIO or YS_ENOMEM.
 */
YS_API int ys_doc_read(ys_doc **out, const char *path, ys_errors *errs);

/* Each reader, for callers that know the format. */
YS_API int ys_doc_read_text(ys_doc **out, const char *path, const char *data,
                            size_t len, ys_errors *errs);
YS_API int ys_doc_read_pdf(ys_doc **out, const char *path, ys_errors *errs);
YS_API int ys_doc_read_html(ys_doc **out, const char *path, const char *data,
                            size_t len, ys_errors *errs);
YS_API int ys_doc_read_xlsx(ys_doc **out, const char *path, ys_errors *errs);
YS_API int ys_doc_read_csv(ys_doc **out, const char *path, const char *data,
                           size_t len, ys_errors *errs);

YS_API void ys_doc_free(ys_doc *d);

/* The text of a line: its spans joined with one space where they are
 * apart (an arena string of d). */
YS_API const char *ys_line_text(ys_doc *d, const ys_line *l);

/* A new empty document (for readers and tests); NULL on OOM. */
YS_API ys_doc *ys_doc_new(const char *file, ys_doc_format format);
/* Appends a page; NULL on OOM. */
YS_API ys_page *ys_doc_add_page(ys_doc *d, float width, float height);
/* Appends a line to the last page; NULL on OOM or when there is no page. */
YS_API ys_line *ys_doc_add_line(ys_doc *d);
/* Appends a span to a line (text copied); NULL on OOM. */
YS_API ys_span *ys_line_add_span(ys_doc *d, ys_line *l, const char *text,
                                 size_t len, ys_box box);
/* Appends a ruling line to the last page; YS_OK or YS_ENOMEM. */
YS_API int ys_doc_add_rule(ys_doc *d, ys_box box);

/* A cell of a table that arrives as a grid (HTML, worksheet, CSV). */
typedef struct ys_grid_cell {
  const char *text; /* may hold line breaks; trimmed when added */
  size_t len;
  int row, col;           /* 0-based in the grid */
  int row_span, col_span; /* >= 1 */
  int line;               /* source line, 0 = none */
  float indent;           /* the text's indentation, in em (0 = none) */
} ys_grid_cell;

/* Lays a grid out on the last page below what is there: one line per grid
 * row, one span per non-empty cell with the box of its merged range (cells
 * GRID_W × GRID_H points), and ruling lines around every cell, so that
 * the table finder reads it as a ruled table. YS_OK or YS_ENOMEM. */
YS_API int ys_doc_add_grid(ys_doc *d, const ys_grid_cell *cells, size_t n);

#ifdef __cplusplus
}
#endif
#endif
