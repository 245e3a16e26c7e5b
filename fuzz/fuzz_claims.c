/*
 * fuzz_claims.c - a narrative (情况说明) line by line: the claim reader
 * (claims.c) and the checks of its claims (observe_claims.c), with no
 * table reader in between.
 */
#include "claims.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  fz_init();
  ys_rdoc *d = ys_rdoc_new("fuzz.txt");
  if (!d) return 0;
  /* lines, NUL-terminated copies in the document's arena */
  size_t cap = 16, nl = 0;
  ys_tline *lines = malloc(cap * sizeof *lines);
  for (size_t i = 0; lines && i <= n;) {
    size_t j = i;
    while (j < n && data[j] != '\n') j++;
    if (nl == cap) {
      cap *= 2;
      ys_tline *v = realloc(lines, cap * sizeof *v);
      if (!v) break;
      lines = v;
    }
    char *s = ys_arena_strndup(d->arena, (const char *)data + i, j - i);
    if (!s) break;
    lines[nl] = (ys_tline){s, j - i, (int)nl + 1};
    nl++;
    i = j + 1;
  }
  ys_claimctx cx = {fz_voc, fz_cat, 2024, false};
  if (lines && ys_claims_read(d, lines, nl, &cx) == YS_OK) {
    ys_findings *f = ys_findings_new();
    ys_errors errs = {0};
    if (f) (void)ys_check_rdoc(d, fz_cat, NULL, f, &errs);
    ys_findings_free(f);
    ys_errors_free(&errs);
  }
  free(lines);
  ys_rdoc_free(d);
  return 0;
}
