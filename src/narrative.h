/*
 * narrative.h - figures stated with their subject in the narrative lines
 * (narrative.c; internal).
 */
#ifndef YS_NARRATIVE_H
#define YS_NARRATIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "tline.h"
#include "yusuan/catalog.h"
#include "yusuan/error.h"
#include "yusuan/rawtable.h"
#include "yusuan/vocab.h"

/*
 * Finds narrative claims (figures stated with their subject) in lines
 * [0, n) and appends them to doc->claims. The lines are the narrative part
 * of a package, in order; a sentence may run over several lines. year is
 * the budget year (0 if unknown), used only to recognise "2023 年预算数";
 * cat (may be NULL) resolves 类/款/项 written out by name; vocab (may be
 * NULL) the subjects narrative.c's own lists do not know. final: the
 * document is a 决算 (its figures are actuals unless the subject says 预算).
 * Problems worth telling the user (a sentence whose figure is missing) are
 * claims of kind YS_CLAIM_MISSING, not errors. Returns YS_OK or YS_ENOMEM.
 */
int ys_narrative_claims(ys_rdoc *doc, const ys_tline *lines, size_t n, int year,
                        bool final, const ys_catalog *cat,
                        const ys_vocab *vocab, ys_errors *errs);

#endif
