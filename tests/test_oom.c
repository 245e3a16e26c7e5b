/*
 * test_oom.c - out of memory at each allocation of a compile and a check.
 *
 * The library must never abort and never drop input silently when memory
 * runs out: the failure reaches the caller as YS_ENOMEM (or the work
 * completes when the allocation was one the code can do without). This
 * test links malloc, calloc, realloc and strdup through wrappers
 * (-Wl,--wrap, CMakeLists.txt) that fail the n-th allocation made by the
 * library and the static MuPDF it links, and runs
 *   - a compile: the xixiang-2023 dataset under its profile into tables,
 *     written as CSV files into a fresh directory;
 *   - a check: that directory read back and checked;
 * once counting allocations, then once per allocation point with that
 * allocation failing. Each run must return YS_ENOMEM with an error in the
 * list, or YS_OK; a crash, an assertion or a leak (LSan, under the ASan
 * build) fails the test. Shared libraries (cairo, cJSON, libzip, …) keep
 * their own malloc: their failures are their code's to handle.
 *
 * Every allocation point of the check is tried; the compile's are tried
 * at a stride that keeps the run short (printed), covering its whole
 * length. The printed figures go into the closing notes of issue 12.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <execinfo.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "support/tablecsv.h"
#include "yusuan/yusuan.h"

/* LSan's check, when the test runs under ASan (weak: absent otherwise) */
int __lsan_do_recoverable_leak_check(void) __attribute__((weak));

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);

static long counting = -1; /* allocations so far while armed, -1 off */
static long fail_at = -1;  /* which one fails (0-based), -1 none */
static long failed = 0;    /* how many failed (one per run) */

static bool should_fail(void) {
  if (counting < 0) return false;
  long k = counting++;
  if (k == fail_at) {
    failed++;
    /* OOM_TRACE=1: where the failing allocation is (to fix a finding) */
    if (getenv("OOM_TRACE")) {
      void *bt[32];
      int n = backtrace(bt, 32);
      backtrace_symbols_fd(bt, n, 2);
    }
    return true;
  }
  return false;
}

void *__wrap_malloc(size_t n) {
  return should_fail() ? NULL : __real_malloc(n);
}
void *__wrap_calloc(size_t n, size_t m) {
  return should_fail() ? NULL : __real_calloc(n, m);
}
void *__wrap_realloc(void *p, size_t n) {
  return should_fail() ? NULL : __real_realloc(p, n);
}
char *__wrap_strdup(const char *s) {
  return should_fail() ? NULL : __real_strdup(s);
}

static ys_catalog *cat;
static ys_vocab *voc;
static ys_profile *prof;

#define WORK YS_BINARY_DIR "/oom-out"

static int setup(void **state) {
  (void)state;
  if (ys_catalog_open_builtin(&cat, NULL) ||
      ys_vocab_open_builtin(&voc, NULL) ||
      ys_profile_open_builtin(&prof, "shaanxi", NULL))
    return -1;
  tc_rmtree(WORK);
  return tc_mkdirs(WORK);
}

static int teardown(void **state) {
  (void)state;
  ys_profile_free(prof);
  ys_vocab_free(voc);
  ys_catalog_free(cat);
  return 0;
}

static uint64_t fnv(uint64_t h, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 0x100000001b3ull;
  }
  return h;
}

/* The CSV files a compile wrote, as one digest (their names and bytes). */
static uint64_t dir_digest(const char *dir) {
  char cmd[1200];
  snprintf(cmd, sizeof cmd, "cd '%s' && cat $(ls *.csv | sort) 2>/dev/null",
           dir);
  FILE *f = popen(cmd, "r");
  uint64_t h = 0xcbf29ce484222325ull;
  if (!f) return 0;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) h = fnv(h, buf, n);
  pclose(f);
  return h;
}

/* One compile into dir; the status and whether errs says why. */
static int compile_once(const char *dir, bool *told, uint64_t *digest) {
  ys_errors errs = {0};
  ys_dataset *ds = NULL;
  ys_tables *t = NULL;
  int rc = ys_dataset_load(&ds, "examples/xixiang-2023", cat, &errs);
  if (rc == YS_OK) rc = ys_compile(&t, ds, prof, cat, &errs);
  if (rc == YS_OK) rc = ys_render_csv(t, dir, &errs);
  *told = errs.count > 0;
  /* (the digest is taken with the wrappers off: popen allocates) */
  long was = counting;
  counting = -1;
  *digest = rc == YS_OK ? dir_digest(dir) : 0;
  counting = was;
  ys_tables_free(t);
  ys_dataset_free(ds);
  ys_errors_free(&errs);
  return rc;
}

/* One check of the compiled directory. */
static int check_once(const char *dir, bool *told, uint64_t *digest) {
  ys_errors errs = {0};
  ys_rdoc *d = NULL;
  ys_findings *f = NULL;
  int rc = ys_read_path(&d, dir, voc, cat, &errs);
  if (rc == YS_OK) {
    f = ys_findings_new();
    rc = f ? ys_check_rdoc(d, cat, NULL, f, &errs) : YS_ENOMEM;
  }
  /* (a findings list not made is the caller's own to tell) */
  *told = errs.count > 0 || (rc == YS_ENOMEM && !f && d);
  *digest = 0;
  if (rc == YS_OK) {
    long was = counting;
    counting = -1;
    char *json = ys_findings_json(f);
    counting = was;
    *digest = json ? fnv(0xcbf29ce484222325ull, json, strlen(json)) : 0;
    free(json);
  }
  ys_findings_free(f);
  ys_rdoc_free(d);
  ys_errors_free(&errs);
  return rc;
}

typedef int (*run_fn)(const char *dir, bool *told, uint64_t *digest);

static uint64_t reference; /* the result of the run with no failure */

/* One run with allocation k failing, in a child process (a crash or a
 * leak stays there): 40 completed, 41 out of memory reported, 42 out of
 * memory with no error said, 43 another status, 44 a leak (LSan); 100 +
 * the signal of a crash. */
static int one_point(run_fn fn, const char *dir, long k) {
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    /* cmocka catches these to report a test; here they must end the
     * child so that the parent sees the crash */
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
      signal(sigs[i], SIG_DFL);
    bool told;
    uint64_t dg = 0;
    counting = 0;
    fail_at = k;
    int rc = fn(dir, &told, &dg);
    counting = -1;
    int code = rc == YS_OK       ? (dg == reference ? 40 : 45)
               : rc == YS_ENOMEM ? (told ? 41 : 42)
                                 : 43;
    /* under LSan, a leak makes the child fail */
    if (__lsan_do_recoverable_leak_check && __lsan_do_recoverable_leak_check())
      code = 44;
    _exit(code);
  }
  int st;
  if (waitpid(pid, &st, 0) != pid) return -1;
  if (WIFSIGNALED(st)) return 100 + WTERMSIG(st);
  return WEXITSTATUS(st);
}

/* Runs fn once counting, then with each stride-th allocation failing. */
static void sweep(const char *name, run_fn fn, const char *dir, long max_runs) {
  bool told;
  counting = 0;
  fail_at = -1;
  assert_int_equal(fn(dir, &told, &reference), YS_OK);
  long total = counting;
  counting = -1;
  long stride = total / max_runs + 1;
  long tried = 0, nomem = 0, ok = 0, bad = 0;
  /* OOM_POINT=k: that point only, in this process (for a debugger) */
  if (getenv("OOM_POINT")) {
    counting = 0;
    fail_at = atol(getenv("OOM_POINT"));
    uint64_t dg = 0;
    int rc = fn(dir, &told, &dg);
    counting = -1;
    print_message("%s: allocation %ld failing: status %d\n", name, fail_at, rc);
    return;
  }
  long from = getenv("OOM_FROM") ? atol(getenv("OOM_FROM")) : 0;
  for (long k = from; k < total; k += stride) {
    int r = one_point(fn, dir, k);
    tried++;
    if (r == 40)
      ok++;
    else if (r == 41)
      nomem++;
    else {
      if (bad++ < 20)
        print_message("%s: allocation %ld failing: %s (%d)\n", name, k,
                      r == 42    ? "YS_ENOMEM with no error said"
                      : r == 43  ? "a status other than YS_ENOMEM"
                      : r == 44  ? "leaked"
                      : r == 45  ? "completed with another result"
                      : r >= 100 ? "crashed"
                                 : "ended otherwise",
                      r);
    }
  }
  print_message("%s: %ld allocations; %ld points tried (every %ld): %ld "
                "reported out of memory, %ld completed, %ld wrong\n",
                name, total, tried, stride, nomem, ok, bad);
  assert_true(tried > 0);
  assert_int_equal(bad, 0);
}

static void test_compile(void **state) {
  (void)state;
  char dir[1024];
  snprintf(dir, sizeof dir, "%s/compile", WORK);
  assert_int_equal(tc_mkdirs(dir), 0);
  sweep("compile", compile_once, dir, 1500);
}

static void test_check(void **state) {
  (void)state;
  char dir[1024];
  snprintf(dir, sizeof dir, "%s/check", WORK);
  assert_int_equal(tc_mkdirs(dir), 0);
  bool told;
  uint64_t dg;
  assert_int_equal(compile_once(dir, &told, &dg), YS_OK);
  sweep("check", check_once, dir, 1L << 30);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_compile),
      cmocka_unit_test(test_check),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
