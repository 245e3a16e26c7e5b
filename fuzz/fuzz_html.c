/*
 * fuzz_html.c - a published package as .html: read by meaning (or by its
 * layout) and checked, as `yusuan check FILE.html` does.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  fz_init();
  fz_read_check(fz_file(".html", data, n));
  return 0;
}
