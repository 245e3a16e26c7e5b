/*
 * ingest_text.h - internals shared by the published-text reader
 * (ingest_text.c) and the narrative claim finder (narrative.c).
 *
 * A package read from text is a list of lines with their numbers in the
 * source file. The reader decides which lines are tables and which are
 * narrative; narrative.c then looks for figures stated with their subject
 * in the narrative lines. Nothing here is public API.
 */
#ifndef YS_INGEST_TEXT_H
#define YS_INGEST_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "yusuan/catalog.h"
#include "yusuan/error.h"
#include "yusuan/rawtable.h"
#include "yusuan/vocab.h"

/* One line of the source, without its line break ('\r' removed too). */
typedef struct ys_tline {
  const char *s; /* NUL-terminated */
  size_t len;
  int no; /* 1-based line number in the file */
} ys_tline;

/*
 * Finds narrative claims (figures stated with their subject) in lines
 * [0, n) and appends them to doc->claims. The lines are the narrative part
 * of a package, in order; a sentence may run over several lines. year is
 * the budget year (0 if unknown), used only to recognise "2023 年预算数";
 * cat (may be NULL) resolves 类/款/项 written out by name. final: the
 * document is a 决算 (its figures are actuals unless the subject says 预算).
 * Problems worth telling the user (a sentence whose figure is missing) are
 * claims of kind YS_CLAIM_MISSING, not errors. Returns YS_OK or YS_ENOMEM.
 */
int ys_narrative_claims(ys_rdoc *doc, const ys_tline *lines, size_t n, int year,
                        bool final, const ys_catalog *cat, ys_errors *errs);

/* ys_ingest_text with the catalogue and vocabulary the caller shares, the
 * tables fitted to profile (NULL: the vocabulary's profile the titles
 * match best); claims false leaves the narrative's lines in
 * (*out)->pending for ys_rdoc_read_pending. */
int ys_ingest_text_read(ys_rdoc **out, const char *path, const ys_catalog *cat,
                        const ys_vocab *vocab, const ys_profile *profile,
                        bool claims, ys_errors *errs);

/* The same over lines a reader made of another format (a PDF's text, by
 * ys_doc_flow): line i is numbered i + 1 and printed on page pages[i],
 * which the reading's messages name. The claims are left pending. Lines
 * are copied. */
int ys_ingest_text_lines(ys_rdoc **out, const char *path, const ys_tline *lines,
                         size_t n, const int *pages, const ys_catalog *cat,
                         const ys_vocab *vocab, const ys_profile *profile,
                         ys_errors *errs);

/* Keeps lines [0, n) (copied into d's arena) as d's pending narrative;
 * false when out of memory. */
bool ys_rdoc_keep_pending(ys_rdoc *d, const ys_tline *lines, size_t n);

/* Reads the claims of d's pending narrative (if any) and forgets it. */
int ys_rdoc_read_pending(ys_rdoc *d, const ys_vocab *v, const ys_catalog *cat);

#endif
