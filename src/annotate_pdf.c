/*
 * annotate_pdf.c - a copy of a checked PDF with each blamed cell
 * highlighted and its finding as the note (`yusuan check --annotate`).
 *
 * The reader (read_pdf.c) gives every cell its page and box in MuPDF's
 * page space (points, origin top left, the page's rotation and crop
 * applied), and MuPDF's annotation calls take that same space and turn
 * it into PDF user space themselves, so a box goes back onto its page
 * exactly, whatever the page's MediaBox or /Rotate.
 *
 * Highlights are standard PDF annotations (/Highlight with QuadPoints and
 * an appearance stream MuPDF generates), so every reader shows them and
 * the note, and the page content is left untouched. The document is
 * written to memory and then to disk through ys_write_file_atomic: a
 * reader never sees half a file under the output name.
 *
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_edit.h"
#include "yusuan/annotate.h"
#include "yusuan/outdir.h"

/* A cell named by at least one finding; notes are joined per cell. */
typedef struct mark {
  int page; /* 1-based */
  ys_box box;
  bool error; /* some finding on it is an error */
  char *note; /* malloc'd */
} mark;

static bool wanted(const ys_finding *f, const char *pdf) {
  return f->severity >= YS_SEV_WARNING && f->page > 0 && f->file &&
         !strcmp(f->file, pdf) && f->box.x1 > f->box.x0 &&
         f->box.y1 > f->box.y0;
}

/* Two boxes of one printed cell (read again by another rule) differ by
 * rounding only. */
static bool same_cell(const ys_finding *a, const ys_finding *b) {
  return a->page == b->page && fabsf(a->box.x0 - b->box.x0) < 0.5f &&
         fabsf(a->box.y0 - b->box.y0) < 0.5f &&
         fabsf(a->box.x1 - b->box.x1) < 0.5f &&
         fabsf(a->box.y1 - b->box.y1) < 0.5f;
}

static int cmp_pos(const void *pa, const void *pb) {
  const ys_finding *a = *(const ys_finding *const *)pa,
                   *b = *(const ys_finding *const *)pb;
  if (a->page != b->page) return a->page < b->page ? -1 : 1;
  if (a->box.y0 != b->box.y0) return a->box.y0 < b->box.y0 ? -1 : 1;
  if (a->box.x0 != b->box.x0) return a->box.x0 < b->box.x0 ? -1 : 1;
  return 0;
}

/* Appends "【错误】message" (a line per finding) to *note. */
static bool add_note(char **note, const ys_finding *f) {
  const char *tag = f->severity == YS_SEV_ERROR ? "【错误】" : "【警告】";
  const char *msg = f->message && *f->message ? f->message : f->rule;
  size_t old = *note ? strlen(*note) : 0;
  size_t add = (old ? 1 : 0) + strlen(tag) + strlen(msg);
  char *n = realloc(*note, old + add + 1);
  if (!n) return false;
  snprintf(n + old, add + 1, "%s%s%s", old ? "\n" : "", tag, msg);
  *note = n;
  return true;
}

/* Groups the findings about `pdf` into marks, in page order. */
static int collect(const char *pdf, const ys_findings *f, mark **out,
                   size_t *n_out) {
  *out = NULL;
  *n_out = 0;
  size_t n = 0;
  for (size_t i = 0; f && i < f->n; i++) n += wanted(&f->items[i], pdf);
  if (!n) return YS_OK;
  const ys_finding **v = malloc(n * sizeof *v);
  mark *m = calloc(n, sizeof *m);
  if (!v || !m) {
    free(v);
    free(m);
    return YS_ENOMEM;
  }
  size_t k = 0;
  for (size_t i = 0; i < f->n; i++)
    if (wanted(&f->items[i], pdf)) v[k++] = &f->items[i];
  qsort(v, n, sizeof *v, cmp_pos);
  size_t nm = 0;
  for (size_t i = 0; i < n; i++) {
    if (!nm || !same_cell(v[i - 1], v[i])) {
      m[nm].page = v[i]->page;
      m[nm].box = v[i]->box;
      nm++;
    }
    mark *c = &m[nm - 1];
    c->error |= v[i]->severity == YS_SEV_ERROR;
    if (!add_note(&c->note, v[i])) {
      for (size_t j = 0; j < nm; j++) free(m[j].note);
      free(m);
      free(v);
      return YS_ENOMEM;
    }
  }
  free(v);
  *out = m;
  *n_out = nm;
  return YS_OK;
}

/* Draws the marks onto the open document; page numbers outside it are
 * input errors (a finding about another edition of the file). */
static int draw(fz_context *ctx, pdf_document *doc, const mark *m, size_t n,
                const char *pdf, ys_errors *errs) {
  static const float red[3] = {1.0f, 0.25f, 0.25f};
  static const float amber[3] = {1.0f, 0.75f, 0.0f};
  int npages = pdf_count_pages(ctx, doc);
  pdf_page *volatile page = NULL;
  pdf_annot *volatile annot = NULL;
  volatile int at = 0;
  volatile int rc = YS_OK;
  fz_try(ctx) {
    for (size_t i = 0; i < n; i++) {
      if (m[i].page > npages) {
        rc = YS_EINPUT;
        break;
      }
      if (m[i].page != at) {
        fz_drop_page(ctx, (fz_page *)page);
        page = NULL;
        page = pdf_load_page(ctx, doc, m[i].page - 1);
        at = m[i].page;
      }
      annot = pdf_create_annot(ctx, page, PDF_ANNOT_HIGHLIGHT);
      fz_rect r =
          fz_make_rect(m[i].box.x0, m[i].box.y0, m[i].box.x1, m[i].box.y1);
      pdf_add_annot_quad_point(ctx, annot, fz_quad_from_rect(r));
      pdf_set_annot_color(ctx, annot, 3, m[i].error ? red : amber);
      pdf_set_annot_opacity(ctx, annot, 0.45f);
      pdf_set_annot_author(ctx, annot, "yusuan");
      pdf_set_annot_contents(ctx, annot, m[i].note);
      pdf_update_annot(ctx, annot);
      pdf_drop_annot(ctx, annot);
      annot = NULL;
    }
  }
  fz_always(ctx) {
    pdf_drop_annot(ctx, annot);
    fz_drop_page(ctx, (fz_page *)page);
  }
  fz_catch(ctx) rc = YS_EINPUT;
  if (rc == YS_EINPUT)
    ys_errors_add(
        errs, YS_EINPUT, pdf, 0, 0,
        "无法在 PDF 上标注：页面无法载入，或发现所指的页不在此文件中");
  return rc;
}

/* Opens pdf, draws the marks and writes the copy to out. */
static int write_marked(const char *pdf, const mark *m, size_t n,
                        const char *out, ys_errors *errs) {
  volatile int rc = YS_OK;
  fz_context *ctx = ys_pdf_context();
  if (!ctx) rc = YS_ENOMEM;
  pdf_document *volatile doc = NULL;
  fz_buffer *buf = NULL;
  if (ctx) {
    fz_try(ctx) {
      doc = pdf_open_document(ctx, pdf);
      if (pdf_needs_password(ctx, doc) &&
          !pdf_authenticate_password(ctx, doc, ""))
        fz_throw(ctx, FZ_ERROR_GENERIC, "encrypted");
    }
    fz_catch(ctx) {
      ys_errors_add(errs, YS_EINPUT, pdf, 0, 0,
                    "无法打开 PDF 以作标注（文件已损坏或已加密）");
      rc = YS_EINPUT;
    }
  }
  if (rc == YS_OK) ys_pdf_load_all(ctx, doc);
  if (rc == YS_OK) rc = draw(ctx, doc, m, n, pdf, errs);
  if (rc == YS_OK) {
    buf = ys_pdf_write_mem(ctx, doc, 1 << 16);
    if (!buf) {
      ys_errors_add(errs, YS_ENOMEM, out, 0, 0, "无法生成标注后的 PDF");
      rc = YS_ENOMEM;
    }
  }
  if (rc == YS_OK) {
    unsigned char *data = NULL;
    size_t len = fz_buffer_storage(ctx, buf, &data);
    rc = ys_write_file_atomic(out, (const char *)data, len, errs);
  }
  if (ctx) {
    fz_drop_buffer(ctx, buf);
    pdf_drop_document(ctx, doc);
    fz_drop_context(ctx);
  }
  return rc;
}

int ys_annotate_pdf(const char *pdf, const ys_findings *f, const char *out,
                    size_t *n_marked, ys_errors *errs) {
  if (n_marked) *n_marked = 0;
  mark *m = NULL;
  size_t n = 0;
  if (collect(pdf, f, &m, &n)) {
    ys_errors_add(errs, YS_ENOMEM, out, 0, 0, "内存不足");
    return YS_ENOMEM;
  }
  int rc = write_marked(pdf, m, n, out, errs);
  for (size_t i = 0; i < n; i++) free(m[i].note);
  free(m);
  if (rc == YS_OK && n_marked) *n_marked = n;
  return rc;
}
