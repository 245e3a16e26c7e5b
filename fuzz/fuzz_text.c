/*
 * fuzz_text.c - a published package as .txt: read by meaning (or by its
 * layout) and checked, as `yusuan check FILE.txt` does.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  fz_init();
  fz_read_check(fz_file(".txt", data, n));
  return 0;
}
