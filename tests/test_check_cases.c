/*
 * test_check_cases.c - hand-made check cases with exact expected output.
 *
 * Each directory under tests/data/check/ holds a few compiled tables with
 * one deliberate defect (README says which), `args` (extra options), the
 * exact JSON `yusuan check DIR --format json ARGS` must print
 * (expected.json) and its exit status (status). Set YS_UPDATE_GOLDEN=1 to
 * rewrite the expected files after a reviewed change.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define CASES "tests/data/check"

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  size_t r;
  while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += r;
    if (n + 1 >= cap) buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  buf[n] = '\0';
  return buf;
}

static void run_case(const char *name) {
  char path[1024], cmd[8192], out[2048];
  snprintf(path, sizeof path, CASES "/%.200s/args", name);
  char *args = slurp(path);
  if (args) args[strcspn(args, "\n")] = '\0';
  snprintf(out, sizeof out, "%.1500s/check-case-%.200s.json", YS_BINARY_DIR,
           name);
  snprintf(cmd, sizeof cmd,
           "'%.1500s' check " CASES "/%.200s --format json %.1000s > '%.2000s'",
           YS_CLI, name, args ? args : "", out);
  free(args);
  int st = system(cmd);
  assert_true(WIFEXITED(st));
  int code = WEXITSTATUS(st);
  char *got = slurp(out);
  assert_non_null(got);
  char exp_json[2048], exp_status[2048];
  snprintf(exp_json, sizeof exp_json, CASES "/%.200s/expected.json", name);
  snprintf(exp_status, sizeof exp_status, CASES "/%.200s/status", name);
  if (getenv("YS_UPDATE_GOLDEN")) {
    FILE *f = fopen(exp_json, "wb");
    fputs(got, f);
    fclose(f);
    f = fopen(exp_status, "wb");
    fprintf(f, "%d\n", code);
    fclose(f);
  }
  char *want = slurp(exp_json);
  char *want_status = slurp(exp_status);
  assert_non_null(want);
  assert_non_null(want_status);
  if (strcmp(got, want) != 0)
    fprintf(stderr, "case %s: output differs from %s (see %s)\n", name,
            exp_json, out);
  assert_string_equal(got, want);
  assert_int_equal(code, atoi(want_status));
  free(got);
  free(want);
  free(want_status);
}

static void test_cases(void **state) {
  (void)state;
  DIR *d = opendir(CASES);
  assert_non_null(d);
  struct dirent *e;
  int n = 0;
  char names[64][256];
  while ((e = readdir(d)) && n < 64)
    if (e->d_name[0] != '.') snprintf(names[n++], 256, "%s", e->d_name);
  closedir(d);
  assert_true(n >= 10);
  for (int i = 0; i < n; i++) {
    fprintf(stderr, "case %s\n", names[i]);
    run_case(names[i]);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_cases)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
