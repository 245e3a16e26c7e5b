/*
 * claims.h - claims of a narrative, read by their structure (internal).
 *
 * claims.c reads the 情况说明 of a package (or any text about a budget)
 * into claims (rawtable.h): amounts tied to quantities, sums of listed
 * parts, shares, changes, completion rates, differences and restated
 * figures, each with the numbers as printed and the sentence it came from.
 * observe_claims.c checks them.
 */
#ifndef YS_CLAIMS_H
#define YS_CLAIMS_H

#include "ingest_text.h"
#include "yusuan/catalog.h"
#include "yusuan/rawtable.h"
#include "yusuan/vocab.h"

typedef struct ys_claimctx {
  const ys_vocab *vocab; /* required */
  const ys_catalog *cat; /* may be NULL */
  int year;              /* the document's year, 0 unknown */
  bool final;            /* a 决算: figures are actuals */
} ys_claimctx;

/* Reads lines [0, n) (the narrative, in order) into doc->claims.
 * YS_OK or YS_ENOMEM. */
int ys_claims_read(ys_rdoc *doc, const ys_tline *lines, size_t n,
                   const ys_claimctx *ctx);

#endif
