/*
 * bench_read_pdf.c - checking a PDF against MuPDF's own text extraction.
 *
 * Baseline, measured in the same run on the same files: `mutool draw -F
 * stext -o /dev/null FILE`, MuPDF interpreting every page into structured
 * text (characters with their boxes) and nothing more. Measured against
 * it: `yusuan check FILE`, which does that interpretation too and then
 * the rest (ruling lines, rows and spans, tables, claims, observations,
 * identities, the report). Both run as processes, so both pay start-up;
 * each figure is the median of the iterations. The goal is a ratio
 * of at most 1.5.
 *
 * Files: each example compiled to tables.pdf (always there), and every
 * corpus package in ../shared/corpus/pdf when that directory exists.
 *
 * Usage: bench_read_pdf [iterations]   (run from the repository root, with
 * build/yusuan built and mutool installed)
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "bench_clock.h"

static int cmp_d(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Median wall time of `iters` runs of cmd (its output discarded); a run
 * that fails to start ends the bench. check's exit status 1 (errors
 * found) is a normal outcome. */
static double median_run(const char *cmd, int iters) {
  double *t = malloc(sizeof *t * (size_t)iters);
  if (!t) exit(2);
  for (int i = 0; i < iters; i++) {
    double t0 = now();
    int rc = system(cmd);
    t[i] = now() - t0;
    if (rc == -1 || (rc != 0 && rc != 256)) {
      fprintf(stderr, "bench: failed: %s\n", cmd);
      exit(2);
    }
  }
  qsort(t, (size_t)iters, sizeof *t, cmp_d);
  double m = t[iters / 2];
  free(t);
  return m;
}

static int add(char (*files)[1024], int n, const char *path) {
  struct stat st;
  if (n >= 64 || stat(path, &st) != 0) return n;
  snprintf(files[n], sizeof files[n], "%s", path);
  return n + 1;
}

int main(int argc, char **argv) {
  int iters = argc > 1 ? atoi(argv[1]) : 5;
  if (iters < 1) iters = 1;
  if (system("command -v mutool >/dev/null 2>&1")) {
    fprintf(stderr, "bench: mutool is not installed (mupdf-tools)\n");
    return 2;
  }
  static char files[64][1024];
  int n = 0;
  static const char *const examples[] = {"xixiang-2023", "cangxi-2023",
                                         "pingxiang-2022"};
  for (size_t i = 0; i < 3; i++) {
    char cmd[2048], pdf[1024];
    snprintf(cmd, sizeof cmd,
             "build/yusuan compile examples/%s --out build/bench-pdf/%s "
             ">/dev/null 2>&1",
             examples[i], examples[i]);
    if (system(cmd)) {
      fprintf(stderr, "bench: %s\n", cmd);
      return 2;
    }
    snprintf(pdf, sizeof pdf, "build/bench-pdf/%s/tables.pdf", examples[i]);
    n = add(files, n, pdf);
  }
  DIR *d = opendir("../shared/corpus/pdf");
  if (d) {
    struct dirent *e;
    char names[64][256];
    int k = 0;
    while ((e = readdir(d)) && k < 64)
      if (e->d_name[0] != '.')
        snprintf(names[k++], sizeof names[0], "%s", e->d_name);
    closedir(d);
    qsort(names, (size_t)k, sizeof names[0],
          (int (*)(const void *, const void *))strcmp);
    for (int i = 0; i < k; i++) {
      char pdf[1024];
      snprintf(pdf, sizeof pdf, "../shared/corpus/pdf/%.255s/package.pdf",
               names[i]);
      n = add(files, n, pdf);
    }
  }
  printf("%-60s %10s %10s %7s\n", "file", "mutool(s)", "check(s)", "ratio");
  double sum_m = 0, sum_c = 0;
  for (int i = 0; i < n; i++) {
    char cm[2300], cc[2300];
    snprintf(cm, sizeof cm,
             "mutool draw -q -F stext -o /dev/null '%.1023s' 2>/dev/null",
             files[i]);
    snprintf(cc, sizeof cc, "build/yusuan check '%.1023s' >/dev/null 2>&1",
             files[i]);
    double tm = median_run(cm, iters), tc = median_run(cc, iters);
    sum_m += tm;
    sum_c += tc;
    const char *name =
        strlen(files[i]) > 60 ? files[i] + strlen(files[i]) - 60 : files[i];
    printf("%-60s %10.3f %10.3f %7.2f\n", name, tm, tc, tc / tm);
  }
  printf("%-60s %10.3f %10.3f %7.2f\n", "all files", sum_m, sum_c,
         sum_c / sum_m);
  return 0;
}
