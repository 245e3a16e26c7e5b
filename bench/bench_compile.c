/*
 * bench_compile.c - compile time against the line items, and against
 * SQLite and pandas doing the aggregation alone, measured in one run.
 *
 * For each size (10^3 line items up to the largest asked for) a dataset is
 * generated: 200 items per unit, function 项 codes spread over the whole
 * catalogue, economic 款 over 人员/公用经费, one project per unit, revenues
 * that balance. Then, each as a child process whose time and peak RSS are
 * read with wait4:
 *   yusuan   `yusuan compile DIR --format csv` (load, validate, every table,
 *            the internal consistency check, the CSV files written);
 *   sqlite3  `.import` of items.csv and the GROUP BYs that make the same
 *            aggregates (per unit and fund; per function 类/款/项 and kind;
 *            per economic 类/款 and nature; per project);
 *   pandas   `read_csv` and the same `groupby().sum()`s (when python3-pandas
 *            is installed).
 * Printed: seconds and MB per tool, the ratios yusuan/sqlite3 and
 * yusuan/pandas, and yusuan's time per item at each size against 10^4
 * (near 1 when compile is linear).
 *
 * Usage: bench_compile [max-items]   (default 1000000; run from the
 *        repository root; build/yusuan must exist)
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_clock.h"
#include "yusuan/yusuan.h"

typedef struct run {
  double secs;
  double mb; /* peak RSS */
  int ok;
} run;

/* Runs argv as a child with stdin from `in` (NULL: /dev/null), stdout and
 * stderr to /dev/null. */
static run spawn(char *const argv[], const char *in) {
  run r = {0, 0, 0};
  fflush(stdout);
  double t0 = now();
  pid_t pid = fork();
  if (pid < 0) return r;
  if (pid == 0) {
    if (!freopen(in ? in : "/dev/null", "r", stdin) ||
        !freopen("/dev/null", "w", stdout) ||
        !freopen("/dev/null", "w", stderr))
      _exit(127);
    execvp(argv[0], argv);
    _exit(127);
  }
  int st = 0;
  struct rusage ru;
  if (wait4(pid, &st, 0, &ru) < 0) return r;
  r.secs = now() - t0;
  r.mb = (double)ru.ru_maxrss / 1024.0;
  r.ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
  return r;
}

/* A small deterministic generator (xorshift): the same datasets every run. */
static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

typedef struct codes {
  const char **v;
  size_t n;
} codes;

/* Every 项 (level 3) of the function classification valid in year. */
static codes func_leaves(const ys_catalog *cat, int year) {
  codes c = {NULL, 0};
  static const ys_cat_entry *l1[512], *l2[512], *l3[512];
  size_t n1 = ys_catalog_children(cat, YS_CLS_FUNC, NULL, year, l1, 512);
  if (n1 > 512) n1 = 512;
  c.v = malloc(sizeof(char *) * 8192);
  if (!c.v) exit(2);
  for (size_t i = 0; i < n1; i++) {
    size_t n2 =
        ys_catalog_children(cat, YS_CLS_FUNC, l1[i]->code, year, l2, 512);
    if (n2 > 512) n2 = 512;
    for (size_t j = 0; j < n2; j++) {
      size_t n3 =
          ys_catalog_children(cat, YS_CLS_FUNC, l2[j]->code, year, l3, 512);
      if (n3 > 512) n3 = 512;
      for (size_t k = 0; k < n3 && c.n < 8192; k++) c.v[c.n++] = l3[k]->code;
    }
  }
  return c;
}

/* The 款 under an economic 类 (301 人员, 302 商品和服务, 303 对个人和家庭). */
static codes econ_kuan(const ys_catalog *cat, const char *lei, int year) {
  static const ys_cat_entry *e[256];
  codes c = {NULL, 0};
  size_t n = ys_catalog_children(cat, YS_CLS_ECON_DEPT, lei, year, e, 256);
  if (n > 256) n = 256;
  c.v = malloc(sizeof(char *) * (n + 1));
  if (!c.v) exit(2);
  for (size_t i = 0; i < n; i++) c.v[c.n++] = e[i]->code;
  return c;
}

static FILE *open_in(const char *dir, const char *name) {
  char p[1024];
  snprintf(p, sizeof p, "%s/%s", dir, name);
  FILE *f = fopen(p, "w");
  if (!f) {
    perror(p);
    exit(2);
  }
  return f;
}

static void generate(const char *dir, long items, const ys_catalog *cat) {
  const int year = 2023;
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
  if (system(cmd)) exit(2);
  codes fn = func_leaves(cat, year);
  codes pers = econ_kuan(cat, "301", year), pub = econ_kuan(cat, "302", year);
  if (!fn.n || !pers.n || !pub.n) {
    fprintf(stderr, "bench: the catalogue has no codes for %d\n", year);
    exit(2);
  }
  long per_unit = 200, units = (items + per_unit - 1) / per_unit;
  FILE *d = open_in(dir, "department.csv");
  fprintf(d,
          "key,value\ncode,209\nname,西乡县测试局\nyear,%d\n"
          "profile,shaanxi\n",
          year);
  fclose(d);
  FILE *u = open_in(dir, "units.csv"), *it = open_in(dir, "items.csv"),
       *rv = open_in(dir, "revenues.csv"), *pj = open_in(dir, "projects.csv"),
       *tg = open_in(dir, "targets.csv");
  fprintf(u, "code,name,kind\n");
  fprintf(it, "unit,func,econ,fund,kind,nature,project,period,amount\n");
  fprintf(rv, "unit,fund,period,amount\n");
  fprintf(pj, "code,name,unit,category,description,goal,period,manager\n");
  fprintf(tg, "project,level1,level2,name,op,value,unit,weight,direction\n");
  long left = items;
  for (long k = 0; k < units; k++) {
    char code[32];
    snprintf(code, sizeof code, "209%06ld", (k + 1) % 1000000);
    fprintf(u, "%s,测试单位%ld,%s\n", code, k + 1, k % 3 ? "事业" : "行政");
    fprintf(pj, "%s-001,业务专项%ld,%s,专用项目,,,,\n", code, k + 1, code);
    fprintf(tg, "%s-001,产出指标,数量指标,完成任务数,≥,%ld,项,,\n", code,
            (long)(next() % 100) + 1);
    long n = left < per_unit ? left : per_unit;
    left -= n;
    int64_t sum = 0;
    for (long i = 0; i < n; i++) {
      const char *f = fn.v[next() % fn.n];
      int64_t fen = (int64_t)(next() % 10000000) + 100;
      sum += fen;
      int kind = (int)(next() % 10);
      if (kind < 5)
        fprintf(it,
                "%s,%s,%s,一般公共预算拨款,基本,人员经费,,当年,%lld.%02lld\n",
                code, f, pers.v[next() % pers.n], (long long)(fen / 100),
                (long long)(fen % 100));
      else if (kind < 8)
        fprintf(it,
                "%s,%s,%s,一般公共预算拨款,基本,公用经费,,当年,%lld.%02lld\n",
                code, f, pub.v[next() % pub.n], (long long)(fen / 100),
                (long long)(fen % 100));
      else
        fprintf(it, "%s,%s,%s,一般公共预算拨款,项目,,%s-001,当年,%lld.%02lld\n",
                code, f, pub.v[next() % pub.n], code, (long long)(fen / 100),
                (long long)(fen % 100));
    }
    fprintf(rv, "%s,一般公共预算拨款,当年,%lld.%02lld\n", code,
            (long long)(sum / 100), (long long)(sum % 100));
  }
  fclose(u);
  fclose(it);
  fclose(rv);
  fclose(pj);
  fclose(tg);
  /* the example's department-wide facts; last year's per-unit figures are
   * left out (a generated department has no last year) */
  snprintf(cmd, sizeof cmd,
           "grep -v -E '^prev\\.(sangong|meeting|training)' "
           "examples/xixiang-2023/facts.csv > '%s/facts.csv'",
           dir);
  if (system(cmd)) exit(2);
  free(fn.v);
  free(pers.v);
  free(pub.v);
}

static const char sql[] =
    ".mode csv\n"
    ".import %s/items.csv items\n"
    ".output /dev/null\n"
    "SELECT unit, fund, period, sum(amount) FROM items GROUP BY 1, 2, 3;\n"
    "SELECT substr(func, 1, 3), kind, sum(amount) FROM items GROUP BY 1, 2;\n"
    "SELECT substr(func, 1, 5), kind, sum(amount) FROM items GROUP BY 1, 2;\n"
    "SELECT func, kind, sum(amount) FROM items GROUP BY 1, 2;\n"
    "SELECT substr(econ, 1, 3), nature, sum(amount) FROM items GROUP BY 1, 2;\n"
    "SELECT econ, nature, sum(amount) FROM items GROUP BY 1, 2;\n"
    "SELECT unit, func, kind, sum(amount) FROM items GROUP BY 1, 2, 3;\n"
    "SELECT project, sum(amount) FROM items GROUP BY 1;\n";

static const char py[] =
    "import pandas as pd, sys\n"
    "d = pd.read_csv(sys.argv[1] + '/items.csv', dtype={'unit': str, "
    "'func': str, 'econ': str, 'project': str})\n"
    "d['f3'] = d.func.str[:3]; d['f5'] = d.func.str[:5]; "
    "d['e3'] = d.econ.str[:3]\n"
    "for k in (['unit', 'fund', 'period'], ['f3', 'kind'], ['f5', 'kind'],\n"
    "          ['func', 'kind'], ['e3', 'nature'], ['econ', 'nature'],\n"
    "          ['unit', 'func', 'kind'], ['project']):\n"
    "    d.groupby(k)['amount'].sum().to_csv('/dev/null')\n";

int main(int argc, char **argv) {
  long max = argc > 1 ? atol(argv[1]) : 1000000;
  if (max < 1000) max = 1000;
  ys_errors errs = {0};
  ys_catalog *cat = NULL;
  if (ys_catalog_open_builtin(&cat, &errs)) return 2;
  mkdir("build/bench", 0777);
  /* Debian's python3 (python3-pandas), not one a PATH may put first */
  char *pyargs[] = {"/usr/bin/python3", "-c", "import pandas", NULL};
  int have_pandas = spawn(pyargs, NULL).ok;
  printf("compile of generated datasets (200 items per unit, CSV out)\n");
  printf("%10s %9s %8s %9s %8s %9s %8s %8s %8s %9s\n", "items", "yusuan s",
         "MB", "sqlite s", "MB", "pandas s", "MB", "/sqlite", "/pandas",
         "per item");
  double per_item_1e4 = 0;
  for (long n = 1000; n <= max; n *= 10) {
    char dir[256], out[256], script[4096];
    snprintf(dir, sizeof dir, "build/bench/compile-%ld", n);
    snprintf(out, sizeof out, "build/bench/compile-%ld-out", n);
    generate(dir, n, cat);
    char *ya[] = {"build/yusuan", "compile", dir, "--out", out,
                  "--format",     "csv",     NULL};
    run y = spawn(ya, NULL);
    char sqlf[300];
    snprintf(sqlf, sizeof sqlf, "%s.sql", dir);
    FILE *sf = fopen(sqlf, "w");
    if (!sf) return 2;
    fprintf(sf, sql, dir);
    fclose(sf);
    char *sa[] = {"sqlite3", ":memory:", NULL};
    run s = spawn(sa, sqlf);
    run p = {0, 0, 0};
    if (have_pandas) {
      char *pa[] = {"/usr/bin/python3", "-c", (char *)py, dir, NULL};
      p = spawn(pa, NULL);
    }
    if (!y.ok) printf("%10ld yusuan compile failed\n", n);
    double per = y.secs / (double)n;
    if (n == 10000) per_item_1e4 = per;
    printf("%10ld %9.2f %8.0f %9.2f %8.0f ", n, y.secs, y.mb, s.ok ? s.secs : 0,
           s.mb);
    if (p.ok)
      printf("%9.2f %8.0f ", p.secs, p.mb);
    else
      printf("%9s %8s ", "-", "-");
    printf("%8.2f ", s.ok ? y.secs / s.secs : 0);
    if (p.ok)
      printf("%8.2f ", y.secs / p.secs);
    else
      printf("%8s ", "-");
    if (per_item_1e4 > 0)
      printf("%9.2f\n", per / per_item_1e4);
    else
      printf("%9s\n", "-");
    fflush(stdout);
    snprintf(script, sizeof script, "rm -rf '%s' '%s' '%s'", dir, out, sqlf);
    if (!getenv("BENCH_KEEP") && system(script)) return 2;
  }
  printf("per item: yusuan's time per line item against that at 10^4 "
         "(near 1: linear)\n");
  ys_catalog_free(cat);
  ys_errors_free(&errs);
  return 0;
}
