/*
 * bench_check.c - checking text packages at scale, against the cost of
 * just reading their numbers, measured in one run.
 *
 * The corpus: the compiled examples as published text (情况说明 then the
 * tables, one .txt per package) and the seeds of ../shared when present,
 * copied round-robin to N files (default 10,000). Measured:
 *   per package  each distinct package read and checked in this process
 *                (catalogue, vocabulary and profiles loaded once), its
 *                median time; against `grep -oE '[0-9][0-9,.]*'` on the
 *                same bytes, per package (the floor: finding the numbers);
 *   corpus       `yusuan check` over the N files in batches (one process
 *                per batch), one at a time and then on every core (xargs -P),
 *                against grep over the same files;
 *   memory       peak RSS of this process while it reads and checks the N
 *                packages one after another, at 1 %, 10 % and 100 % of
 *                them: flat when nothing is kept between documents.
 *
 * Usage: bench_check [N]   (run from the repository root after a build)
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench_clock.h"
#include "yusuan/yusuan.h"

static double peak_mb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_maxrss / 1024.0;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double shell_time(const char *cmd) {
  double t0 = now();
  int rc = system(cmd);
  (void)rc; /* yusuan check exits 1 when a package has errors */
  return now() - t0;
}

enum { MAXSRC = 64 };

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000;
  if (n < 100) n = 100;
  const char *root = "build/bench/check";
  static char cmd[65536];
  snprintf(cmd, sizeof cmd, "rm -rf %s && mkdir -p %s/src %s/corpus", root,
           root, root);
  if (system(cmd)) return 2;
  static const char *const examples[] = {"xixiang-2023", "cangxi-2023",
                                         "pingxiang-2022"};
  for (size_t i = 0; i < 3; i++) {
    snprintf(cmd, sizeof cmd,
             "build/yusuan compile examples/%s --out %s/tmp-%s --format txt "
             ">/dev/null 2>&1 && cat %s/tmp-%s/narrative.txt "
             "%s/tmp-%s/tables.txt > %s/src/%s.txt && rm -rf %s/tmp-%s",
             examples[i], root, examples[i], root, examples[i], root,
             examples[i], root, examples[i], root, examples[i]);
    if (system(cmd)) return 2;
  }
  snprintf(cmd, sizeof cmd,
           "[ -d ../shared/seeds ] && cp ../shared/seeds/*.txt %s/src/ || true",
           root);
  if (system(cmd)) return 2;

  char *src[MAXSRC];
  size_t ns = 0;
  char dirp[512];
  snprintf(dirp, sizeof dirp, "%s/src", root);
  DIR *d = opendir(dirp);
  if (!d) return 2;
  for (struct dirent *e; (e = readdir(d)) && ns < MAXSRC;)
    if (strstr(e->d_name, ".txt")) {
      char p[1024];
      snprintf(p, sizeof p, "%s/%s", dirp, e->d_name);
      src[ns++] = strdup(p);
    }
  closedir(d);
  if (!ns) return 2;

  ys_errors errs = {0};
  ys_catalog *cat = NULL;
  ys_vocab *voc = NULL;
  if (ys_catalog_open_builtin(&cat, &errs) ||
      ys_vocab_open_builtin(&voc, &errs))
    return 2;
  ys_check_options opt = {0};
  opt.profiles = ys_vocab_profiles(voc);

  /* per package: each distinct package 20 times, its mean; the median */
  double per[MAXSRC], floor_[MAXSRC];
  size_t bytes_total = 0;
  for (size_t i = 0; i < ns; i++) {
    enum { R = 20 };
    double t0 = now();
    for (int r = 0; r < R; r++) {
      ys_rdoc *doc = NULL;
      ys_findings *f = ys_findings_new();
      if (ys_read_path(&doc, src[i], voc, cat, &errs) == YS_OK)
        ys_check_rdoc(doc, cat, &opt, f, &errs);
      ys_findings_free(f);
      ys_rdoc_free(doc);
      ys_errors_free(&errs);
    }
    per[i] = (now() - t0) / R * 1e3;
    /* one grep over 200 copies: the cost per copy, not of a process */
    int o = snprintf(cmd, sizeof cmd, "grep -oE '[0-9][0-9,.]*'");
    for (int r = 0; r < 200 && o < (int)sizeof cmd - 600; r++)
      o += snprintf(cmd + o, sizeof cmd - (size_t)o, " %s", src[i]);
    snprintf(cmd + o, sizeof cmd - (size_t)o, " >/dev/null");
    floor_[i] = shell_time(cmd) / 200 * 1e3;
    struct stat st;
    if (!stat(src[i], &st)) bytes_total += (size_t)st.st_size;
  }
  printf("per package (%zu distinct text packages, %zu KB in all)\n", ns,
         bytes_total / 1024);
  printf("  %-44s %9s %9s %7s\n", "package", "check ms", "grep ms", "ratio");
  for (size_t i = 0; i < ns; i++)
    printf("  %-44s %9.2f %9.2f %7.1f\n", strrchr(src[i], '/') + 1, per[i],
           floor_[i], per[i] / floor_[i]);
  double ps[MAXSRC], fs[MAXSRC];
  memcpy(ps, per, sizeof(double) * ns);
  memcpy(fs, floor_, sizeof(double) * ns);
  qsort(ps, ns, sizeof *ps, cmp_double);
  qsort(fs, ns, sizeof *fs, cmp_double);
  printf("  median: check %.2f ms, grep %.3f ms\n", ps[ns / 2], fs[ns / 2]);

  /* the corpus of n files */
  for (long k = 0; k < n; k++) {
    char p[1024];
    snprintf(p, sizeof p, "%s/corpus/p%06ld.txt", root, k);
    if (link(src[k % (long)ns], p) && symlink(src[k % (long)ns], p)) return 2;
  }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (cores < 1) cores = 1;
  /* batches small enough that every core gets several */
  long batch = n / (cores * 8);
  if (batch < 1) batch = 1;
  if (batch > 1000) batch = 1000;
  snprintf(cmd, sizeof cmd,
           "find %s/corpus -name '*.txt' -print0 | xargs -0 -n 1000 grep -ohE "
           "'[0-9][0-9,.]*' >/dev/null",
           root);
  double g = shell_time(cmd);
  snprintf(cmd, sizeof cmd,
           "find %s/corpus -name '*.txt' -print0 | xargs -0 -n %ld "
           "build/yusuan check >/dev/null 2>&1",
           root, batch);
  double y1 = shell_time(cmd);
  snprintf(cmd, sizeof cmd,
           "find %s/corpus -name '*.txt' -print0 | xargs -0 -n %ld -P %ld "
           "build/yusuan check >/dev/null 2>&1",
           root, batch, cores);
  double yj = shell_time(cmd);
  printf("corpus of %ld files\n", n);
  printf("  grep                 %8.2f s   %.3f ms per package\n", g,
         g / (double)n * 1e3);
  printf("  yusuan check         %8.2f s   %.2f ms per package, %.1f x grep\n",
         y1, y1 / (double)n * 1e3, y1 / g);
  printf(
      "  yusuan check -P %-3ld  %8.2f s   %.2f ms per package, %.1f x grep\n",
      cores, yj, yj / (double)n * 1e3, yj / g);

  /* memory: one process, every package in turn */
  printf("peak RSS while checking the %ld packages in one process\n", n);
  long marks[3] = {n / 100, n / 10, n};
  int mk = 0;
  double t0 = now();
  for (long k = 0; k < n; k++) {
    ys_rdoc *doc = NULL;
    ys_findings *f = ys_findings_new();
    if (ys_read_path(&doc, src[k % (long)ns], voc, cat, &errs) == YS_OK)
      ys_check_rdoc(doc, cat, &opt, f, &errs);
    ys_findings_free(f);
    ys_rdoc_free(doc);
    ys_errors_free(&errs);
    while (mk < 3 && k + 1 == marks[mk]) {
      printf("  after %7ld packages: %7.1f MB\n", k + 1, peak_mb());
      mk++;
    }
  }
  printf("  (%.2f ms per package in-process)\n",
         (now() - t0) / (double)n * 1e3);
  for (size_t i = 0; i < ns; i++) free(src[i]);
  ys_vocab_free(voc);
  ys_catalog_free(cat);
  return 0;
}
