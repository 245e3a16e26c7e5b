/*
 * bench_pipeline.c - how the pipeline scales, as ratios within one run.
 *
 * Machines differ, so absolute times mean little; the ratios do. Baseline:
 * reading a compiled package's CSV files into raw tables (pure I/O and CSV
 * parsing). Measured against it: the full check of the same package, and
 * the compile of its dataset. A package that grows k-fold (more units and
 * items) should cost about k times as much: the last lines show the ratio
 * of check time per amount cell between a large and a small package, which
 * should stay near 1 (nothing quadratic).
 *
 * Usage: bench_pipeline [iterations]   (run from the repository root)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_clock.h"
#include "yusuan/yusuan.h"

static void die(const char *what, ys_errors *errs) {
  char buf[1024];
  fprintf(stderr, "bench: %s failed\n", what);
  for (size_t i = 0; i < errs->count; i++) {
    ys_error_format(&errs->items[i], buf, sizeof buf);
    fprintf(stderr, "  %s\n", buf);
  }
  exit(2);
}

/* Writes a dataset with `units` copies of the example's single unit. */
static void scaled_dataset(const char *dir, int units) {
  char cmd[4096];
  snprintf(
      cmd, sizeof cmd,
      "rm -rf '%s' && mkdir -p '%s' && cp examples/xixiang-2023/*.csv '%s'/ "
      /* last year's 三公 are per unit in a multi-unit department: the
       * scaled copies leave them out (both sizes, to stay comparable) */
      "&& grep -v -E '^prev\\.(sangong|meeting|training)' "
      "examples/xixiang-2023/facts.csv > '%s/facts.csv'",
      dir, dir, dir, dir);
  if (system(cmd)) exit(2);
  static const char *const files[] = {"units.csv", "revenues.csv", "items.csv",
                                      "projects.csv", "targets.csv"};
  for (size_t f = 0; f < 5; f++) {
    char src[1024], dst[1024];
    snprintf(src, sizeof src, "examples/xixiang-2023/%s", files[f]);
    snprintf(dst, sizeof dst, "%s/%s", dir, files[f]);
    FILE *in = fopen(src, "r"), *out = fopen(dst, "w");
    char line[8192];
    if (!in || !out || !fgets(line, sizeof line, in)) exit(2);
    fputs(line, out);
    long body = ftell(in);
    for (int u = 0; u < units; u++) {
      fseek(in, body, SEEK_SET);
      while (fgets(line, sizeof line, in)) {
        /* Unit 209002 becomes 2090NN; its project codes follow. */
        /* one pass (the new code must not be found again): 209002 becomes
         * 209101, 209102, … */
        for (char *p = strstr(line, "209002"); p; p = strstr(p + 6, "209002")) {
          char repl[8];
          snprintf(repl, sizeof repl, "209%03d", (u + 101) % 1000);
          memcpy(p, repl, 6);
        }
        fputs(line, out);
      }
    }
    fclose(in);
    fclose(out);
  }
}

typedef struct times {
  double ingest, check, compile;
  size_t cells;
} times;

static times measure(const char *dataset, const char *out, int iters,
                     const ys_catalog *cat) {
  ys_errors errs = {0};
  ys_dataset *ds = NULL;
  ys_profile *p = NULL;
  ys_tables *t = NULL;
  times r = {0, 0, 0, 0};
  if (ys_dataset_load(&ds, dataset, cat, &errs)) die("load", &errs);
  if (ys_profile_open_builtin(&p, "shaanxi", &errs)) die("profile", &errs);
  double t0 = now();
  for (int i = 0; i < iters; i++) {
    if (ys_compile(&t, ds, p, cat, &errs)) die("compile", &errs);
    if (i + 1 < iters) ys_tables_free(t);
  }
  r.compile = (now() - t0) / iters;
  for (size_t i = 0; i < t->n; i++)
    for (size_t k = 0; k < t->tables[i].nrows; k++)
      for (size_t m = 0; m < t->tables[i].ncols; m++)
        r.cells += t->tables[i].rows[k].cells[m].type == YS_CELL_AMOUNT;
  ys_outdir od;
  if (ys_outdir_begin(&od, out, &errs) || ys_render_csv(t, od.tmp, &errs) ||
      ys_outdir_commit(&od, &errs))
    die("render", &errs);
  t0 = now();
  for (int i = 0; i < iters; i++) {
    ys_rdoc *doc = NULL;
    if (ys_ingest_path(&doc, out, &errs)) die("ingest", &errs);
    ys_rdoc_free(doc);
  }
  r.ingest = (now() - t0) / iters;
  t0 = now();
  for (int i = 0; i < iters; i++) {
    ys_rdoc *doc = NULL;
    ys_findings *f = ys_findings_new();
    if (ys_ingest_path(&doc, out, &errs) ||
        ys_check_rdoc(doc, cat, NULL, f, &errs))
      die("check", &errs);
    ys_findings_free(f);
    ys_rdoc_free(doc);
  }
  r.check = (now() - t0) / iters;
  ys_tables_free(t);
  ys_profile_free(p);
  ys_dataset_free(ds);
  ys_errors_free(&errs);
  return r;
}

int main(int argc, char **argv) {
  int iters = argc > 1 ? atoi(argv[1]) : 20;
  if (iters < 1) iters = 1;
  ys_errors errs = {0};
  ys_catalog *cat = NULL;
  if (ys_catalog_open_builtin(&cat, &errs)) die("catalog", &errs);
  scaled_dataset("build/bench/small", 1);
  scaled_dataset("build/bench/large", 16);
  times s = measure("build/bench/small", "build/bench/small-out", iters, cat);
  times l =
      measure("build/bench/large", "build/bench/large-out", iters / 4 + 1, cat);
  printf("baseline: ingest of the compiled CSV package (example, 1 unit)\n");
  printf("  check / ingest            %6.2f\n", s.check / s.ingest);
  printf("  compile / ingest          %6.2f\n", s.compile / s.ingest);
  printf("scaling: 16 units against 1 (amount cells %zu vs %zu)\n", l.cells,
         s.cells);
  printf("  check time per cell, large / small    %6.2f   (near 1: linear)\n",
         (l.check / (double)l.cells) / (s.check / (double)s.cells));
  printf("  compile time per cell, large / small  %6.2f\n",
         (l.compile / (double)l.cells) / (s.compile / (double)s.cells));
  ys_catalog_free(cat);
  return 0;
}
