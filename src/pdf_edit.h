/*
 * pdf_edit.h - changes to a PDF that is already written, with MuPDF
 * (internal): internal links added to the PDF that render_pdf.c draws,
 * highlights added by annotate_pdf.c.
 */
#ifndef YS_PDF_EDIT_H
#define YS_PDF_EDIT_H

#include <stddef.h>

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

/* A link over a box of one page to a point of another; pages 1-based,
 * points in page space (origin top left). */
typedef struct ys_pdf_link {
  int page;
  float x0, y0, x1, y1;
  int to_page;
  float to_x, to_y;
} ys_pdf_link;

/* Reads every object of doc once, before anything is added. A file whose
 * cross-reference table is wrong (stale offsets, object numbers reserved
 * and never written) is repaired by MuPDF the first time a bad entry is
 * read, and a repair rebuilds the table from the file, dropping objects
 * created before it; after this pass, edits are kept. An object that
 * cannot be read is left as it is. */
void ys_pdf_load_all(fz_context *ctx, pdf_document *doc);

/* A MuPDF context whose warnings and errors go nowhere (the library
 * prints nothing); NULL on OOM. */
fz_context *ys_pdf_context(void);

/* The whole document as bytes (a buffer of ctx); NULL when it cannot be
 * written. hint: the expected size. */
fz_buffer *ys_pdf_write_mem(fz_context *ctx, pdf_document *doc, size_t hint);

/* The PDF in data[0, len) with the links added (link annotations with a
 * GoTo to an explicit destination), written whole into *out (malloc'd,
 * the caller frees it). YS_OK, YS_EINPUT (MuPDF cannot open data, or a
 * link names a page it does not have) or YS_ENOMEM. */
int ys_pdf_add_links(const unsigned char *data, size_t len,
                     const ys_pdf_link *links, size_t n, unsigned char **out,
                     size_t *out_len);

#endif
