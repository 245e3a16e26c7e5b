/*
 * read.c - a published package read by meaning: any format, no profile.
 *
 * The pipeline of reading (README "Architecture"): a reader makes the
 * document model (doc.c and read_*.c), layout.c finds its tables and its
 * narrative lines, tableread.c reads every table by its title and header
 * words, narrative.c reads the claims of the narrative lines. The result
 * is a raw document (rawtable.h) the checker observes.
 */
#include "yusuan/read.h"

#include <string.h>

#include "layout.h"
#include "tableread.h"

int ys_read_doc(ys_rdoc **out, ys_doc *doc, const ys_vocab *v,
                const ys_catalog *cat, ys_errors *errs) {
  *out = NULL;
  ys_rdoc *d = ys_rdoc_new(doc->file);
  if (!d) {
    ys_doc_free(doc);
    return YS_ENOMEM;
  }
  d->doc = doc;
  ys_layout l;
  int rc = ys_layout_find(&l, doc, errs);
  if (rc) {
    ys_rdoc_free(d);
    return rc;
  }
  ys_readctx ctx = {v, cat, 0, false, 0, errs};
  ys_tableread_doc_facts(&l, doc, &ctx.year, &ctx.final);
  d->year = ctx.year;
  d->final = ctx.final;
  for (size_t i = 0; i < l.n && rc == YS_OK; i++)
    rc = ys_tableread(d, &l.tables[i], &ctx);
  if (rc) {
    ys_rdoc_free(d);
    return rc;
  }
  *out = d;
  return YS_OK;
}

int ys_read_package(ys_rdoc **out, const char *path, const ys_vocab *v,
                    const ys_catalog *cat, ys_errors *errs) {
  *out = NULL;
  ys_doc *doc = NULL;
  int rc = ys_doc_read(&doc, path, errs);
  if (rc) return rc;
  return ys_read_doc(out, doc, v, cat, errs);
}
