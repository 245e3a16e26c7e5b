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

#include "tline.h"
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

/* claims_table.c: the sums and rates of change of tables printed inside
 * the text as '|'-separated cells (none for a table a table reader has
 * read into doc: its rows' lines); in_table[i] (n of them) is set for the
 * lines that are such a table, which the sentence reader then skips.
 * YS_OK or YS_ENOMEM. */
/* A figure of a table printed in the narrative, by its row and column:
 * what the narrative's statements of the same thing are compared with
 * (claims.c table_links). */
typedef struct ys_tfact {
  const char *row; /* the row's label, as a key, numbering dropped */
  const char *col; /* the column's header as a key, "" when not known */
  const char *fig; /* as printed */
  ys_unit unit;
  bool unit_known; /* printed (else the statement's unit is taken) */
  int line;
  int year;      /* the year the row's label names ("2016年"), 0 none */
  size_t ncols;  /* how many figures a row of its table has */
  size_t table;  /* which table of the text (1, 2, …) */
  size_t rown;   /* which row of its table */
  bool observed; /* an observation of a quantity too (a table read) */
  int level; /* its row's level (0 a total, 1 an item, 2 其中…), -1 unknown */
  int measure; /* YS_PHASE_BUDGET / _FINAL its column or title names, 0 */
} ys_tfact;

typedef struct ys_tfacts {
  ys_arena *a; /* where the facts live (the caller's) */
  ys_tfact *v;
  size_t n, cap;
  size_t tables; /* how many tables published facts */
} ys_tfacts;

int ys_table_claims(ys_rdoc *doc, const ys_tline *lines, size_t n,
                    bool *in_table, ys_tfacts *facts);

/* The figures of the tables in doc that a table reader read, each row a
 * label and figures, as facts (appended to f). YS_OK or YS_ENOMEM. */
int ys_rtable_facts(const ys_rdoc *doc, ys_tfacts *f);

/* The same claims of a grid the layout found (the rows of its labels and
 * figures): all of them when no table reading took it (a table of no known
 * kind), its rates of change only when one did (the table rules check its
 * sums, not rates between rows). */
struct ys_gtable;
int ys_gtable_claims(ys_rdoc *doc, const struct ys_gtable *t, bool read);

#endif
