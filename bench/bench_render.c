/*
 * bench_render.c - what the PDF costs a compile, as ratios within one run.
 *
 * For each example dataset (under its own profile): the time of a compile
 * that writes every format but PDF (CSV, JSON, XLSX, HTML, TXT, as
 * `yusuan compile --format csv,json,xlsx,html,txt` does after loading),
 * against the same compile with tables.pdf as well (the default set). The
 * dataset is loaded once; each iteration compiles, writes the narrative
 * and renders, so the ratio is what a user waits for, not the loader.
 * Also shown: the PDF renderer alone against the other five renderers
 * together, and the size of tables.pdf.
 *
 * Usage: bench_render [iterations]   (run from the repository root)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

typedef int (*render_fn)(const ys_tables *, const char *, ys_errors *);

static const render_fn others[] = {ys_render_csv, ys_render_json,
                                   ys_render_xlsx, ys_render_html,
                                   ys_render_txt};

typedef struct times {
  double compile, others, pdf; /* seconds per iteration */
} times;

/* One compile + narrative + renders into dir; adds the times to *t. */
static void once(const ys_dataset *ds, const ys_profile *p,
                 const ys_catalog *cat, const char *dir, bool pdf, times *t) {
  ys_errors errs = {0};
  ys_tables *tables = NULL;
  char *narr = NULL;
  double t0 = now();
  if (ys_compile(&tables, ds, p, cat, &errs) ||
      ys_explain(&narr, ds, cat, p, YS_EXPLAIN_TXT, &errs) ||
      ys_tables_set_narrative(tables, narr))
    die("compile", &errs);
  double t1 = now();
  for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
    if (others[i](tables, dir, &errs)) die("render", &errs);
  double t2 = now();
  if (pdf && ys_render_pdf(tables, dir, &errs)) die("render pdf", &errs);
  double t3 = now();
  t->compile += t1 - t0;
  t->others += t2 - t1;
  t->pdf += t3 - t2;
  free(narr);
  ys_tables_free(tables);
  ys_errors_free(&errs);
}

int main(int argc, char **argv) {
  int iters = argc > 1 ? atoi(argv[1]) : 5;
  if (iters < 1) iters = 1;
  static const char *const examples[] = {"xixiang-2023", "cangxi-2023",
                                         "pingxiang-2022"};
  ys_errors errs = {0};
  ys_catalog *cat = NULL;
  if (ys_catalog_open_builtin(&cat, &errs)) die("catalog", &errs);
  mkdir("build", 0777);
  mkdir("build/bench", 0777);
  printf("compile + narrative + renders, %d iterations each\n", iters);
  printf("%-16s %18s %16s %10s\n", "example", "with PDF / without",
         "PDF / other 5", "PDF size");
  for (size_t e = 0; e < sizeof examples / sizeof examples[0]; e++) {
    char path[512], dir[512];
    snprintf(path, sizeof path, "examples/%s", examples[e]);
    snprintf(dir, sizeof dir, "build/bench/render-%s", examples[e]);
    mkdir(dir, 0777);
    ys_dataset *ds = NULL;
    ys_profile *p = NULL;
    if (ys_dataset_load(&ds, path, cat, &errs)) die("load", &errs);
    if (ys_profile_open_builtin(&p, ds->profile, &errs)) die("profile", &errs);
    /* one warm-up of each, so the first run's font cache loading does not
     * land on one side only */
    times warm = {0}, without = {0}, with = {0};
    once(ds, p, cat, dir, true, &warm);
    /* interleaved, so drift in machine load hits both sides alike */
    for (int i = 0; i < iters; i++) {
      once(ds, p, cat, dir, false, &without);
      once(ds, p, cat, dir, true, &with);
    }
    double a = without.compile + without.others;
    double b = with.compile + with.others + with.pdf;
    char pdf[600];
    struct stat st;
    snprintf(pdf, sizeof pdf, "%s/tables.pdf", dir);
    long size = stat(pdf, &st) ? -1 : (long)st.st_size;
    printf("%-16s %18.2f %16.2f %7ld KB\n", examples[e], b / a,
           with.pdf / with.others, size / 1024);
    ys_profile_free(p);
    ys_dataset_free(ds);
  }
  ys_catalog_free(cat);
  ys_errors_free(&errs);
  return 0;
}
