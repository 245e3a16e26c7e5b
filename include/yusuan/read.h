/*
 * read.h - read a published package by meaning, whatever its format.
 *
 * PDF, text, HTML, a workbook or CSV: the document model (doc.h), the
 * tables found on it and read by their titles and header words, and the
 * figures of its narrative. No profile is needed: a package of a province
 * yusuan has no profile for is read all the same.
 */
#ifndef YUSUAN_READ_H
#define YUSUAN_READ_H

#include "export.h"

#include "catalog.h"
#include "doc.h"
#include "error.h"
#include "profile.h"
#include "rawtable.h"
#include "vocab.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Reads the file at path. v and cat are shared, read-only. */
YS_API int ys_read_package(ys_rdoc **out, const char *path, const ys_vocab *v,
                           const ys_catalog *cat, ys_errors *errs);

/* The same from a document already read; the raw document takes it over
 * (its cells point into the document's text) and frees it with itself,
 * also on error. */
YS_API int ys_read_doc(ys_rdoc **out, ys_doc *doc, const ys_vocab *v,
                       const ys_catalog *cat, ys_errors *errs);

/*
 * Reads whatever a path holds: a compiled package (a directory, a
 * tables.json or CSV, yusuan's own tables.xlsx) by its profile's layout;
 * a text file by meaning or, when that places fewer amounts, by fitting a
 * known family's columns; a PDF by meaning or, when the text it prints
 * fits a family's columns far better, by that fit; anything else (HTML,
 * workbooks) by meaning.
 */
YS_API int ys_read_path(ys_rdoc **out, const char *path, const ys_vocab *v,
                        const ys_catalog *cat, ys_errors *errs);

/* The same, a flowed text or PDF fitted to the columns of profile (the
 * caller's: --profile, --profile-file) instead of the vocabulary's profile
 * its titles match best; NULL is ys_read_path. */
YS_API int ys_read_path_as(ys_rdoc **out, const char *path, const ys_vocab *v,
                           const ys_catalog *cat, const ys_profile *profile,
                           ys_errors *errs);

/* How many amount cells a reading placed (what ys_read_path compares). */
YS_API size_t ys_rdoc_placed_amounts(const ys_rdoc *d);

#ifdef __cplusplus
}
#endif
#endif
