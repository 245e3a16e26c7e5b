/*
 * pdf_edit.c - links added to a written PDF, with MuPDF.
 *
 * cairo 1.16 (Debian 12) cannot be trusted with links: a page that has
 * link tags gets an /Annots array naming object numbers cairo reserved
 * and then never wrote (the annotations themselves are written under
 * other numbers), so the cross-reference table has entries pointing into
 * other objects, readers repair the file, and every link of the 目录 is
 * lost. render_pdf.c therefore draws no links; it hands their boxes and
 * targets here, and MuPDF writes them as ordinary link annotations.
 *
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
#include "pdf_edit.h"

#include <stdlib.h>
#include <string.h>

#include "yusuan/error.h"

static void quiet(void *user, const char *msg) {
  (void)user;
  (void)msg;
}

fz_context *ys_pdf_context(void) {
  fz_context *ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
  if (ctx) {
    fz_set_warning_callback(ctx, quiet, NULL);
    fz_set_error_callback(ctx, quiet, NULL);
  }
  return ctx;
}

static void load_one(fz_context *ctx, pdf_document *doc, int num) {
  pdf_obj *volatile o = NULL;
  fz_try(ctx) o = pdf_load_object(ctx, doc, num);
  fz_always(ctx) pdf_drop_obj(ctx, o);
  fz_catch(ctx) {}
}

void ys_pdf_load_all(fz_context *ctx, pdf_document *doc) {
  for (int i = 1; i < pdf_xref_len(ctx, doc); i++) load_one(ctx, doc, i);
}

/* Each MuPDF call that can throw is wrapped on its own (no loop inside a
 * fz_try: longjmp would leave its counters indeterminate). */
static pdf_page *load_page(fz_context *ctx, pdf_document *doc, int no) {
  pdf_page *volatile page = NULL;
  fz_try(ctx) page = pdf_load_page(ctx, doc, no - 1);
  fz_catch(ctx) page = NULL;
  return page;
}

static int add_one(fz_context *ctx, pdf_document *doc, pdf_page *page,
                   const ys_pdf_link *l) {
  char *volatile uri = NULL;
  volatile int rc = YS_OK;
  fz_try(ctx) {
    uri = fz_format_link_uri(
        ctx, (fz_document *)doc,
        fz_make_link_dest_xyz(0, l->to_page - 1, l->to_x, l->to_y, 0));
    fz_link *k = pdf_create_link(ctx, page,
                                 fz_make_rect(l->x0, l->y0, l->x1, l->y1), uri);
    fz_drop_link(ctx, k);
  }
  fz_always(ctx) fz_free(ctx, uri);
  fz_catch(ctx) rc = fz_caught(ctx) == FZ_ERROR_MEMORY ? YS_ENOMEM : YS_EINPUT;
  return rc;
}

/* Adds the links, page by page (they come in page order). */
static int add_links(fz_context *ctx, pdf_document *doc,
                     const ys_pdf_link *links, size_t n) {
  int npages = pdf_count_pages(ctx, doc);
  pdf_page *page = NULL;
  int at = 0, rc = YS_OK;
  for (size_t i = 0; i < n && rc == YS_OK; i++) {
    const ys_pdf_link *l = &links[i];
    if (l->page < 1 || l->page > npages || l->to_page < 1 ||
        l->to_page > npages) {
      rc = YS_EINPUT;
      break;
    }
    if (l->page != at) {
      fz_drop_page(ctx, (fz_page *)page);
      page = load_page(ctx, doc, l->page);
      at = l->page;
      if (!page) {
        rc = YS_EINPUT;
        break;
      }
    }
    rc = add_one(ctx, doc, page, l);
  }
  fz_drop_page(ctx, (fz_page *)page);
  return rc;
}

/* Opens the PDF in memory, reading every object (ys_pdf_load_all). */
static pdf_document *open_mem(fz_context *ctx, const unsigned char *data,
                              size_t len, fz_stream **stm) {
  pdf_document *volatile doc = NULL;
  fz_stream *volatile s = NULL;
  fz_try(ctx) {
    s = fz_open_memory(ctx, data, len);
    doc = pdf_open_document_with_stream(ctx, s);
    ys_pdf_load_all(ctx, doc);
  }
  fz_catch(ctx) {
    pdf_drop_document(ctx, doc);
    doc = NULL;
  }
  *stm = s;
  return doc;
}

fz_buffer *ys_pdf_write_mem(fz_context *ctx, pdf_document *doc, size_t hint) {
  fz_buffer *volatile buf = NULL;
  fz_output *volatile os = NULL;
  fz_try(ctx) {
    buf = fz_new_buffer(ctx, hint);
    os = fz_new_output_with_buffer(ctx, buf);
    pdf_write_document(ctx, doc, os, &pdf_default_write_options);
    fz_close_output(ctx, os);
  }
  fz_always(ctx) fz_drop_output(ctx, os);
  fz_catch(ctx) {
    fz_drop_buffer(ctx, buf);
    buf = NULL;
  }
  return buf;
}

int ys_pdf_add_links(const unsigned char *data, size_t len,
                     const ys_pdf_link *links, size_t n, unsigned char **out,
                     size_t *out_len) {
  *out = NULL;
  *out_len = 0;
  fz_context *ctx = ys_pdf_context();
  if (!ctx) return YS_ENOMEM;
  fz_stream *stm = NULL;
  pdf_document *doc = open_mem(ctx, data, len, &stm);
  int rc = doc ? add_links(ctx, doc, links, n) : YS_EINPUT;
  fz_buffer *buf =
      rc == YS_OK ? ys_pdf_write_mem(ctx, doc, len + len / 8 + 4096) : NULL;
  if (rc == YS_OK && !buf) rc = YS_ENOMEM;
  if (rc == YS_OK) {
    unsigned char *b = NULL;
    size_t bl = fz_buffer_storage(ctx, buf, &b);
    *out = malloc(bl ? bl : 1);
    if (*out) {
      memcpy(*out, b, bl);
      *out_len = bl;
    } else {
      rc = YS_ENOMEM;
    }
  }
  fz_drop_buffer(ctx, buf);
  pdf_drop_document(ctx, doc);
  fz_drop_stream(ctx, stm);
  fz_drop_context(ctx);
  return rc;
}
