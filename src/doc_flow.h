/*
 * doc_flow.h - a document's lines as the lines of a text file.
 *
 * The text reader that fits a flowed package into a known family's columns
 * (ingest_text.c) reads lines of text. A PDF of such a package (a text
 * printed by a word processor, a table whose empty cells print nothing)
 * has the same lines, broken where they reached the margin: ys_doc_flow
 * gives them back, one per line of the source, and remembers where each
 * one is printed so that what is read from it points into the PDF.
 */
#ifndef YS_DOC_FLOW_H
#define YS_DOC_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "tline.h"
#include "yusuan/doc.h"

typedef struct ys_flow {
  ys_tline *lines; /* line i is numbered i + 1 */
  int *pages;      /* the page line i is printed on (its first part) */
  /* the document lines line i is made of: line line_idx[i] of page
   * page_idx[i] ((size_t)-1 for a blank line) and the count[i] printed
   * lines after it, over a page break too */
  size_t *page_idx, *line_idx;
  int *count;
  size_t n;
  const ys_doc *doc;
} ys_flow;

/*
 * The text lines of d: each document line's spans joined by a space, a
 * line that wrapped at the margin joined with its continuation (the next
 * line on the page, at the left edge, set as close as the lines of one
 * paragraph, whose first word would not have fitted after it), a blank
 * line where the page leaves a paragraph's gap. Page numbers stay: a lone
 * figure at the top of a page may be a cell, and the text reader knows
 * page numbers in a text as well. Allocated in d's arena; YS_OK or YS_ENOMEM.
 */
int ys_doc_flow(ys_flow *out, ys_doc *d);

/* Where text (a figure or a word read from line no of f) is printed: its
 * page and box, the first match at or after byte *from of the line's text
 * (then *from is moved past it, so the cells of a row are found in
 * order). false when the line does not print it as such: then the page
 * and box are the line's (nothing set when no is no printed line). */
bool ys_flow_place(const ys_flow *f, int no, const char *text, size_t *from,
                   int *page, ys_box *box);

/* Figures the pages print with a decimal point or a thousands comma:
 * what a reading of the flow can place at most (a run of digits and
 * marks is one figure at most). */
size_t ys_doc_figures(const ys_doc *d);

/* The box of fig inside the span's box, by display width (a wide character
 * two cells); false when the span does not print fig as a whole figure
 * (not the middle of a longer number). */
bool ys_span_figure_box(const ys_span *sp, const char *fig, ys_box *out);

#endif
