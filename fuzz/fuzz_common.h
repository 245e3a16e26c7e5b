/*
 * fuzz_common.h - what the libFuzzer harnesses share (fuzz/README.md).
 *
 * Readers take paths (a published package is a file), so a harness writes
 * its input to a private file under /dev/shm (or TMPDIR) with the
 * extension the reader dispatches on, then reads and checks it as
 * `yusuan check` would. The catalogue and vocabulary are opened once and
 * shared read-only, as the CLI shares them.
 */
#ifndef YS_FUZZ_COMMON_H
#define YS_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "yusuan/yusuan.h"

static ys_catalog *fz_cat;
static ys_vocab *fz_voc;

static inline void fz_init(void) {
  if (!fz_cat && ys_catalog_open_builtin(&fz_cat, NULL)) abort();
  if (!fz_voc && ys_vocab_open_builtin(&fz_voc, NULL)) abort();
}

/* A per-process file with extension ext holding the input. */
static inline const char *fz_file(const char *ext, const uint8_t *data,
                                  size_t n) {
  static char path[512];
  const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  snprintf(path, sizeof path, "%s/ys-fuzz-%ld%s", dir, (long)getpid(), ext);
  FILE *f = fopen(path, "wb");
  if (!f) abort();
  if (n && fwrite(data, 1, n, f) != n) abort();
  if (fclose(f)) abort();
  return path;
}

/* Reads a file as `yusuan check` does and checks it. */
static inline void fz_read_check(const char *path) {
  ys_errors errs = {0};
  ys_rdoc *d = NULL;
  if (ys_read_path(&d, path, fz_voc, fz_cat, &errs) == YS_OK) {
    ys_findings *f = ys_findings_new();
    if (f) {
      (void)ys_check_rdoc(d, fz_cat, NULL, f, &errs);
      char *j = ys_findings_json(f);
      free(j);
      ys_findings_free(f);
    }
  }
  ys_rdoc_free(d);
  ys_errors_free(&errs);
}

#endif
