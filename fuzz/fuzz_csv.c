/*
 * fuzz_csv.c - a published package as .csv: read by meaning (or by its
 * layout) and checked, as `yusuan check FILE.csv` does.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  fz_init();
  fz_read_check(fz_file(".csv", data, n));
  return 0;
}
