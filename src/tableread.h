/*
 * tableread.h - a found table read by meaning (internal).
 *
 * layout.c finds grids; this file says what they show, with no profile:
 * the title's words give the table's base quantity (whose money, which
 * fund, basic or project, budget or final), the header path of each
 * column its narrowing (the vocabulary, vocab.h), the codes and names of
 * each row theirs (the catalogue), and the header tree which columns are
 * sums of which. A 收支总表 is split into its sides, each a table of its
 * own in one group. The result is raw tables (rawtable.h) carrying that
 * meaning, which the checker turns into observations and identities.
 */
#ifndef YS_TABLEREAD_H
#define YS_TABLEREAD_H

#include "layout.h"
#include "yusuan/catalog.h"
#include "yusuan/rawtable.h"
#include "yusuan/vocab.h"

typedef struct ys_readctx {
  const ys_vocab *vocab;
  const ys_catalog *cat;
  int year;   /* the document's budget year, 0 unknown */
  bool final; /* a 决算: amounts without a measure are actuals */
  int groups; /* group ids handed out so far */
  ys_errors *errs;
  /* units seen with their codes, for tables that name them only */
  const char **unit_names, **unit_codes;
  size_t nunits, cap_units;
  /* the row names of the table being read, in order */
  const char **cur_labels;
  size_t cur_rows, cap_labels;
} ys_readctx;

/* Appends the table(s) read from g to d. YS_OK or YS_ENOMEM. */
int ys_tableread(ys_rdoc *d, const ys_gtable *g, ys_readctx *rc);

/* The document's year and kind from its table titles and first lines. */
void ys_tableread_doc_facts(const ys_layout *l, ys_doc *doc, int *year,
                            bool *final);

#endif
