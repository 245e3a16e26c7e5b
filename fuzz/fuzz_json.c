/*
 * fuzz_json.c - a published package as .json: read by meaning (or by its
 * layout) and checked, as `yusuan check FILE.json` does.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  fz_init();
  fz_read_check(fz_file(".json", data, n));
  return 0;
}
