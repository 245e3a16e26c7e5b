/*
 * annotate.h - findings drawn onto a copy of the PDF they are about.
 *
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
#ifndef YUSUAN_ANNOTATE_H
#define YUSUAN_ANNOTATE_H

#include "export.h"

#include <stddef.h>

#include "yusuan/check.h"
#include "yusuan/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Writes a copy of the PDF at `pdf` to `out` with one highlight annotation
 * per cell that an error or warning finding about that file names with a
 * page and box (findings whose `file` is `pdf`). Several findings on one
 * cell make one highlight whose note holds every message; errors are red,
 * a cell with warnings only is amber. The note is the finding's message
 * (应为 …，差额 …) in Chinese, author "yusuan", so any PDF reader shows it.
 *
 * Whole or nothing: the copy is written beside `out` under a temporary
 * name and renamed into place; on any failure nothing is left. *n_marked
 * (may be NULL) is the number of highlights written. Returns YS_OK,
 * YS_EINPUT (the PDF cannot be opened or a page cannot be loaded), YS_EIO
 * (out cannot be written) or YS_ENOMEM, with a message in errs.
 */
YS_API int ys_annotate_pdf(const char *pdf, const ys_findings *f,
                           const char *out, size_t *n_marked, ys_errors *errs);

#ifdef __cplusplus
}
#endif
#endif
