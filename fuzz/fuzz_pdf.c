/*
 * fuzz_pdf.c - a published package as .pdf: read by meaning (or by its
 * layout) and checked, as `yusuan check FILE.pdf` does.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  fz_init();
  fz_read_check(fz_file(".pdf", data, n));
  return 0;
}
