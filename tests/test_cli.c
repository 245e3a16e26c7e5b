/*
 * test_cli.c - the yusuan command as a user runs it.
 *
 * Runs the built binary (YS_CLI) through the shell from the repository root
 * and judges only what a user sees: the exit status (0 success, 2 bad usage
 * or invalid input), stdout, stderr, and the files left on disk. A dataset
 * with one defect must be reported once, as `file:line:column: message`
 * pointing at the defect, and must leave no output directory (not even a
 * temporary one) behind; a good dataset must produce the whole table set.
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

#include "support/tablecsv.h"

#define WORK YS_BINARY_DIR "/cli-tests"

typedef struct run {
  int status; /* exit status, or -1 when not exited normally */
  char *out, *err;
} run;

static void run_free(run *r) {
  free(r->out);
  free(r->err);
  memset(r, 0, sizeof *r);
}

/* Runs `YS_CLI args` with stdout and stderr captured. */
static run cli(const char *args) {
  run r = {0};
  char cmd[8192];
  assert_int_equal(tc_mkdirs(WORK), 0);
  snprintf(cmd, sizeof cmd, "'%s' %s >'%s/stdout' 2>'%s/stderr'", YS_CLI, args,
           WORK, WORK);
  int st = system(cmd);
  r.status = st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.out = tc_read_file(WORK "/stdout", NULL);
  r.err = tc_read_file(WORK "/stderr", NULL);
  assert_non_null(r.out);
  assert_non_null(r.err);
  return r;
}

static void show(const char *what, const run *r) {
  print_message("%s: exit %d\n--- stdout\n%s--- stderr\n%s---\n", what,
                r->status, r->out, r->err);
}

/* Lines of s that look like "file:line[:column]: message". */
static int located_lines(const char *s, const char **first) {
  int n = 0;
  *first = NULL;
  for (const char *line = s; *line;) {
    const char *end = strchr(line, '\n');
    size_t len = end ? (size_t)(end - line) : strlen(line);
    /* "<path>:<digits>: " or "<path>:<digits>:<digits>: " */
    for (size_t i = 0; i + 2 < len; i++) {
      if (line[i] != ':' || line[i + 1] < '0' || line[i + 1] > '9') continue;
      size_t j = i + 1;
      while (j < len && line[j] >= '0' && line[j] <= '9') j++;
      if (j < len && line[j] == ':' && j + 1 < len && line[j + 1] >= '0' &&
          line[j + 1] <= '9') {
        j++;
        while (j < len && line[j] >= '0' && line[j] <= '9') j++;
      }
      if (j + 1 < len && line[j] == ':' && line[j + 1] == ' ') {
        if (!n) *first = line;
        n++;
        break;
      }
    }
    line += len + (end ? 1 : 0);
  }
  return n;
}

/* Entries of dir whose name contains s. */
static int entries_with(const char *dir, const char *s) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    if (strstr(e->d_name, s)) n++;
  closedir(d);
  return n;
}

static int files_ending(const char *dir, const char *suffix) {
  DIR *d = opendir(dir);
  if (!d) return -1;
  int n = 0;
  struct dirent *e;
  size_t sl = strlen(suffix);
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l > sl && !strcmp(e->d_name + l - sl, suffix)) n++;
  }
  closedir(d);
  return n;
}

static void test_compile_good(void **state) {
  (void)state;
  const char *parent = WORK "/good";
  tc_rmtree(parent);
  assert_int_equal(tc_mkdirs(parent), 0);
  run r = cli("compile examples/xixiang-2023 --out '" WORK "/good/out'");
  if (r.status) show("compile good", &r);
  assert_int_equal(r.status, 0);
  assert_true(tc_is_dir(WORK "/good/out"));
  assert_int_equal(files_ending(WORK "/good/out", ".csv"), 15);
  assert_true(tc_exists(WORK "/good/out/tables.json"));
  assert_true(tc_exists(WORK "/good/out/tables.pdf")); /* in the default set */
  for (int n = 1; n <= 15; n++) {
    char name[64];
    snprintf(name, sizeof name, "表%d_t%02d.csv", n, n);
    char path[4096];
    snprintf(path, sizeof path, "%s/out/%s", parent, name);
    assert_true(tc_exists(path));
  }
  assert_int_equal(entries_with(parent, ".tmp-"), 0);
  assert_int_equal(entries_with(parent, ".old-"), 0);
  assert_non_null(strstr(r.out, "西乡县医疗保障局"));
  run_free(&r);
}

/* An existing output is replaced whole, and a failed run leaves it be. */
static void test_compile_replaces(void **state) {
  (void)state;
  const char *parent = WORK "/replace";
  tc_rmtree(parent);
  assert_int_equal(tc_mkdirs(WORK "/replace/out"), 0);
  assert_int_equal(tc_write_file(WORK "/replace/out/stale.csv", "old\n"), 0);
  run r = cli("compile examples/xixiang-2023 --out '" WORK "/replace/out'");
  assert_int_equal(r.status, 0);
  run_free(&r);
  assert_false(tc_exists(WORK "/replace/out/stale.csv"));
  assert_int_equal(files_ending(WORK "/replace/out", ".csv"), 15);
  size_t before = 0, after = 0;
  char *t1 = tc_read_file(WORK "/replace/out/表1_t01.csv", &before);
  assert_non_null(t1);
  r = cli("compile tests/data/datasets/bad_amount --out '" WORK
          "/replace/out'");
  assert_int_equal(r.status, 2);
  run_free(&r);
  char *t2 = tc_read_file(WORK "/replace/out/表1_t01.csv", &after);
  assert_non_null(t2);
  assert_int_equal(before, after);
  assert_memory_equal(t1, t2, before);
  free(t1);
  free(t2);
  assert_int_equal(files_ending(WORK "/replace/out", ".csv"), 15);
  assert_int_equal(entries_with(parent, ".tmp-"), 0);
  assert_int_equal(entries_with(parent, ".old-"), 0);
}

typedef struct bad_case {
  const char *dataset; /* under tests/data/datasets */
  const char *where;   /* the expected "file:line:column: " */
  const char *word;    /* something the message must name */
} bad_case;

static void check_bad(const bad_case *c) {
  char parent[4096], out[4200], args[9000];
  snprintf(parent, sizeof parent, "%s/%s", WORK, c->dataset);
  snprintf(out, sizeof out, "%s/out", parent);
  tc_rmtree(parent);
  assert_int_equal(tc_mkdirs(parent), 0);
  snprintf(args, sizeof args, "compile tests/data/datasets/%s --out '%s'",
           c->dataset, out);
  run r = cli(args);
  const char *first;
  int n = located_lines(r.err, &first);
  bool ok = r.status == 2 && n == 1 && first &&
            !strncmp(first, c->where, strlen(c->where)) &&
            strstr(first, c->word);
  if (!ok) {
    print_message("expected exit 2 and one message '%s… %s …'\n", c->where,
                  c->word);
    show(c->dataset, &r);
  }
  assert_int_equal(r.status, 2);
  assert_int_equal(n, 1);
  assert_true(ok);
  assert_false(tc_exists(out));
  assert_int_equal(entries_with(parent, ".tmp-"), 0);
  assert_int_equal(entries_with(parent, "out"), 0);
  run_free(&r);
}

static void test_bad_amount(void **state) {
  (void)state;
  bad_case c = {"bad_amount",
                "tests/data/datasets/bad_amount/items.csv:3:9: ", "36000o"};
  check_bad(&c);
}

static void test_bad_code(void **state) {
  (void)state;
  bad_case c = {"bad_code",
                "tests/data/datasets/bad_code/items.csv:5:2: ", "2101598"};
  check_bad(&c);
}

/* A missing column is reported at the header line with column 0, which
 * the message leaves out (docs/dataset.md). */
static void test_missing_column(void **state) {
  (void)state;
  bad_case c = {"missing_column",
                "tests/data/datasets/missing_column/items.csv:1: ", "amount"};
  check_bad(&c);
}

static void test_bad_unit(void **state) {
  (void)state;
  bad_case c = {"bad_unit",
                "tests/data/datasets/bad_unit/items.csv:6:1: ", "209003"};
  check_bad(&c);
}

static void test_version_and_help(void **state) {
  (void)state;
  run r = cli("--version");
  assert_int_equal(r.status, 0);
  assert_true(!strncmp(r.out, "yusuan ", 7));
  run_free(&r);
  r = cli("help");
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "compile"));
  assert_non_null(strstr(r.out, "catalog"));
  run_free(&r);
  r = cli("help compile");
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "--out"));
  assert_non_null(strstr(r.out, "--profile"));
  run_free(&r);
}

static void test_usage_errors(void **state) {
  (void)state;
  run r = cli("frobnicate");
  assert_int_equal(r.status, 2);
  assert_non_null(strstr(r.err, "frobnicate"));
  run_free(&r);
  r = cli("");
  assert_int_equal(r.status, 2);
  run_free(&r);
  r = cli("compile");
  assert_int_equal(r.status, 2);
  run_free(&r);
  r = cli("compile examples/xixiang-2023 --no-such-option");
  assert_int_equal(r.status, 2);
  run_free(&r);
  r = cli("compile " WORK "/no-such-dataset --out '" WORK "/none/out'");
  assert_int_equal(r.status, 2);
  assert_false(tc_exists(WORK "/none/out"));
  run_free(&r);
}

static void test_catalog(void **state) {
  (void)state;
  run r = cli("catalog 2101506 --year 2023");
  if (r.status) show("catalog", &r);
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "医疗保障经办事务"));
  run_free(&r);
  r = cli("catalog 30101 --class econ");
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "基本工资"));
  run_free(&r);
  r = cli("catalog 9999999 --year 2023");
  assert_int_equal(r.status, 2);
  run_free(&r);
}

/* A profile read from a file under a name no built-in has: compile uses it
 * (and verifies against it), check takes it too. */
static void test_profile_file(void **state) {
  (void)state;
  assert_int_equal(tc_mkdirs(WORK), 0);
  char *json = tc_read_file("data/profiles/shaanxi.json", NULL);
  assert_non_null(json);
  char *at = strstr(json, "\"profile\": \"shaanxi\"");
  assert_non_null(at);
  FILE *f = fopen(WORK "/myprov.json", "wb");
  assert_non_null(f);
  fwrite(json, 1, (size_t)(at - json), f);
  fputs("\"profile\": \"myprov\"", f);
  fputs(at + strlen("\"profile\": \"shaanxi\""), f);
  assert_int_equal(fclose(f), 0);
  free(json);
  run r = cli("compile examples/xixiang-2023 --profile-file '" WORK
              "/myprov.json' --out '" WORK "/myprov-out'");
  if (r.status != 0) show("compile --profile-file", &r);
  assert_int_equal(r.status, 0);
  run_free(&r);
  r = cli("check '" WORK "/myprov-out' --profile-file '" WORK "/myprov.json'");
  if (r.status != 0) show("check --profile-file", &r);
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, "错误 0 个"));
  run_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_compile_good),
      cmocka_unit_test(test_compile_replaces),
      cmocka_unit_test(test_bad_amount),
      cmocka_unit_test(test_bad_code),
      cmocka_unit_test(test_missing_column),
      cmocka_unit_test(test_bad_unit),
      cmocka_unit_test(test_version_and_help),
      cmocka_unit_test(test_usage_errors),
      cmocka_unit_test(test_catalog),
      cmocka_unit_test(test_profile_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
