/*
 * fuzz_xlsx.c - a published package as .xlsx: read by meaning (or by its
 * layout) and checked, as `yusuan check FILE.xlsx` does.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  fz_init();
  fz_read_check(fz_file(".xlsx", data, n));
  return 0;
}
