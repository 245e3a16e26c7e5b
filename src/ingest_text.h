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

#include "tline.h"
#include "yusuan/catalog.h"
#include "yusuan/error.h"
#include "yusuan/rawtable.h"
#include "yusuan/vocab.h"

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

#endif
