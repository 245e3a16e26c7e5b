/*
 * fuzz_money.c - printed amounts: parse in every unit, and format back
 * what parsed.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  for (int u = 0; u < 4; u++) {
    ys_amount a;
    const char *why = NULL;
    if (ys_money_parse(&a, (const char *)data, n, (ys_unit)u, &why) == YS_OK) {
      char buf[64];
      ys_money_format(buf, sizeof buf, a.fen, (ys_unit)u, 2, YS_FMT_THOUSANDS);
      (void)ys_money_round(a.fen, (ys_unit)u, a.decimals);
    }
  }
  ys_unit u;
  (void)ys_unit_parse((const char *)data, n, &u);
  return 0;
}
