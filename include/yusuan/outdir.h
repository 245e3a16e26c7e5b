/*
 * outdir.h - make an output directory appear whole or not at all.
 *
 * Renderers write into a fresh temporary directory beside the target;
 * ys_outdir_commit renames it into place (replacing an older output), and
 * ys_outdir_abort removes it. A crash or an error never leaves a
 * half-written output under the target name.
 */
#ifndef YUSUAN_OUTDIR_H
#define YUSUAN_OUTDIR_H

#include "export.h"

#include <stddef.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ys_outdir {
  char target[4096];
  char tmp[4200];
} ys_outdir;

YS_API int ys_outdir_begin(ys_outdir *o, const char *target, ys_errors *errs);
YS_API int ys_outdir_commit(ys_outdir *o, ys_errors *errs);
YS_API void ys_outdir_abort(ys_outdir *o);

/* Writes a whole file via a temporary name and rename. */
YS_API int ys_write_file_atomic(const char *path, const char *data, size_t len,
                                ys_errors *errs);

#ifdef __cplusplus
}
#endif
#endif
