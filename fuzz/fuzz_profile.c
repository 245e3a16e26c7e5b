/*
 * fuzz_profile.c - a profile JSON (--profile-file): loaded, and when it
 * loads, an example compiled with it (the reproducers of issue 12 were a
 * compile on a loaded profile).
 */
#include "fuzz_common.h"

static ys_dataset *ds;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  fz_init();
  if (!ds && ys_dataset_load(&ds, YS_SOURCE_DIR "/examples/xixiang-2023",
                             fz_cat, NULL))
    abort();
  ys_errors errs = {0};
  ys_profile *p = NULL;
  if (ys_profile_open_file(&p, fz_file(".json", data, n), &errs) == YS_OK) {
    ys_tables *t = NULL;
    (void)ys_compile(&t, ds, p, fz_cat, &errs);
    ys_tables_free(t);
  }
  ys_profile_free(p);
  ys_errors_free(&errs);
  return 0;
}
