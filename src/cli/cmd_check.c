/*
 * cmd_check.c - `yusuan check` and `yusuan rules`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const char *const help_check =
    "用法：yusuan check PATH... [--format text|json] [--rounding] [--profile "
    "格式]\n"
    "                          [--profile-file 文件] [--year 年度] [--catalog "
    "目录]\n"
    "                          [--annotate 输出.pdf]\n"
    "\n"
    "检查公开报表：PATH 可以是公开的 PDF、网页（.html）、Excel（.xlsx）、文本"
    "（.txt），\n"
    "或 yusuan compile 生成的报表目录、CSV 文件、tables.json。\n"
    "对每个错误指出所在报表、行、列，表中数值、应为数值及依据的勾稽规则。\n"
    "\n"
    "  --format text|json  输出格式（默认 text；json 为发现列表，见 "
    "docs/rules.md）\n"
    "  --rounding          同时列出尾数误差（四舍五入差异，仅作提示）\n"
    "  --profile 格式      指定报表格式（默认按表名自动识别）\n"
    "  --profile-file 文件 使用磁盘上的报表格式 JSON 文件\n"
    "  --year 年度         科目表年度（默认取文档中的年度，否则最新）\n"
    "  --catalog 目录      使用磁盘上的科目表目录（默认使用内置科目表）\n"
    "  --annotate 输出.pdf 检查一个 PDF "
    "时，另存一份副本，把每个有错误或警告的\n"
    "                      单元格高亮，并附注应为数值与差额\n"
    "\n"
    "退出状态：0 没有错误；1 发现错误；2 输入无法读取或用法错误。\n";

const char *const help_rules =
    "用法：yusuan rules [--format "
    "text|json]\n\n列出检查规则（编号、类别、级别、说明）。\n";

int cmd_rules(int argc, char **argv) {
  bool json =
      argc > 3 && !strcmp(argv[2], "--format") && !strcmp(argv[3], "json");
  size_t n;
  const ys_rule *r = ys_rules(&n);
  if (json) printf("[\n");
  for (size_t i = 0; i < n; i++) {
    if (json)
      printf("  {\"id\": \"%s\", \"category\": \"%s\", \"severity\": \"%s\", "
             "\"title\": \"%s\"}%s\n",
             r[i].id, r[i].category, ys_severity_name(r[i].severity),
             r[i].title, i + 1 < n ? "," : "");
    else
      printf("%-28s %-9s %-8s %s\n", r[i].id, r[i].category,
             ys_severity_name(r[i].severity), r[i].title);
  }
  if (json) printf("]\n");
  return EXIT_OKAY;
}

/* The arguments, one library call per path (read, check), then the report
 * and the exit status: the command's whole job in the order it happens,
 * each step a few lines over the library, so it stays one function. */
int cmd_check(int argc, char **argv) {
  /* every path given (no fixed cap: none is dropped) */
  const char **paths = malloc(sizeof(char *) * (size_t)(argc > 0 ? argc : 1));
  if (!paths) {
    fprintf(stderr, "yusuan check: 内存不足\n");
    return EXIT_BAD;
  }
  size_t np = 0;
  const char *format = "text", *catdir = NULL, *profile_file = NULL,
             *profile = NULL, *annotate = NULL;
  ys_check_options opt = {0};
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--format") && i + 1 < argc)
      format = argv[++i];
    else if (!strcmp(a, "--rounding"))
      opt.rounding = true;
    else if (!strcmp(a, "--profile") && i + 1 < argc)
      profile = argv[++i];
    else if (!strcmp(a, "--catalog") && i + 1 < argc)
      catdir = argv[++i];
    else if (!strcmp(a, "--profile-file") && i + 1 < argc)
      profile_file = argv[++i];
    else if (!strcmp(a, "--annotate") && i + 1 < argc)
      annotate = argv[++i];
    else if (!strcmp(a, "--year") && i + 1 < argc) {
      char *end;
      long y = strtol(argv[++i], &end, 10);
      if (*end || y < 1990 || y > 2100) {
        fprintf(stderr, "yusuan check: 年度无效：%s\n", argv[i]);
        free(paths);
        return EXIT_BAD;
      }
      opt.year = (int)y;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "yusuan check: 未知选项 %s\n\n%s", a, help_check);
      free(paths);
      return EXIT_BAD;
    } else {
      paths[np++] = a;
    }
  }
  if (annotate && np != 1) {
    fprintf(stderr, "yusuan check: --annotate 只能用于一个 PDF 文件\n");
    free(paths);
    return EXIT_BAD;
  }
  if (!np || (strcmp(format, "text") && strcmp(format, "json"))) {
    fputs(help_check, stderr);
    free(paths);
    return EXIT_BAD;
  }
  ys_errors errs = {0};
  ys_catalog *cat = NULL;
  ys_vocab *voc = NULL;
  ys_profile *prof = NULL;
  ys_findings *fnd = NULL;
  int status = EXIT_BAD;
  if (cli_open_catalog(&cat, catdir, &errs) ||
      ys_vocab_open_builtin(&voc, &errs) ||
      cli_open_profile(&prof, profile, profile_file, &errs))
    goto done;
  opt.profile_obj = prof;
  opt.profiles = ys_vocab_profiles(voc);
  fnd = ys_findings_new();
  if (!fnd) {
    ys_errors_add(&errs, YS_ENOMEM, NULL, 0, 0, "内存不足");
    goto done;
  }
  status = EXIT_OKAY;
  for (size_t i = 0; i < np && fnd; i++) {
    ys_rdoc *doc = NULL;
    if (ys_read_path_as(&doc, paths[i], voc, cat, prof, &errs) ||
        ys_check_rdoc(doc, cat, &opt, fnd, &errs))
      status = EXIT_BAD;
    ys_rdoc_free(doc);
  }
  if (fnd) {
    ys_findings_sort(fnd);
    char *text = !strcmp(format, "json")
                     ? ys_findings_json(fnd)
                     : ys_findings_text(fnd, isatty(STDOUT_FILENO));
    if (text) {
      fputs(text, stdout);
    } else {
      fputs("yusuan check: 内存不足，无法输出检查结果\n", stderr);
      status = EXIT_BAD;
    }
    free(text);
    size_t ne = ys_findings_count(fnd, YS_SEV_ERROR);
    size_t nw = ys_findings_count(fnd, YS_SEV_WARNING);
    /* the summary of a check that ran; with what could not be read */
    size_t unread = 0;
    for (size_t i = 0; i < fnd->n; i++)
      unread += !strncmp(fnd->items[i].rule, "parse.", 6);
    if (!strcmp(format, "text") && status != EXIT_BAD) {
      fprintf(stderr, "检查完成：错误 %zu 个，警告 %zu 个，提示 %zu 个", ne, nw,
              ys_findings_count(fnd, YS_SEV_INFO));
      if (unread)
        fprintf(stderr, "；其中 %zu 处表格、行或列未能读准，未参与检查",
                unread);
      fputc('\n', stderr);
    }
    /* the annotated copy only of a document that was read and checked */
    size_t marked = 0;
    if (annotate && status == EXIT_OKAY) {
      if (ys_annotate_pdf(paths[0], fnd, annotate, &marked, &errs))
        status = EXIT_BAD;
      else
        fprintf(stderr, "已写出 %s：标注 %zu 处单元格\n", annotate, marked);
    }
    if (status == EXIT_OKAY && ne) status = EXIT_FINDINGS;
  }
done:
  cli_print_errors(&errs);
  ys_errors_free(&errs);
  ys_findings_free(fnd);
  ys_profile_free(prof);
  ys_vocab_free(voc);
  ys_catalog_free(cat);
  free(paths);
  return status;
}
