/*
 * cmd_explain.c - `yusuan explain`: write the narrative (情况说明) of a
 * dataset as text, Markdown or HTML.
 *
 * The work is ys_explain's; this file only parses arguments, picks the
 * profile family and writes the result to stdout or, atomically, to a file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *const help_explain =
    "用法：yusuan explain DATASET [--profile 格式] [--profile-file 文件]\n"
    "                        [--format txt|md|html] [--out 文件] "
    "[--catalog 目录]\n"
    "\n"
    "由预算数据集 DATASET 生成部门预算情况说明（收支总体情况、财政拨款、"
    "一般公共预算当年拨款、\n"
    "基本支出、“三公”经费、机关运行经费、政府采购、国有资产、绩效目标、"
    "名词解释）。\n"
    "所有数字由数据集计算（万元，保留两位小数，四舍五入）；增减原因取自 "
    "facts.csv，\n"
    "缺少原因时不代为编写，而是给出警告并指明应补充的项目。\n"
    "\n"
    "  --profile 格式   "
    "按该报表格式所属省份写说明（陕西、四川、河北、上海各有其格式，\n"
    "                   其他为全国通用格式）；默认取 department.csv 中的 "
    "profile\n"
    "  --profile-file 文件  使用磁盘上的报表格式 JSON 文件\n"
    "  --format 格式    txt（默认）、md 或 html\n"
    "  --out 文件       写入文件（整体写入后替换）；默认输出到标准输出\n"
    "  --catalog 目录   使用磁盘上的科目表目录（默认使用内置科目表）\n"
    "\n"
    "数据有误时逐条列出“文件:行:列: 说明”，退出状态 2。\n";

int cmd_explain(int argc, char **argv) {
  const char *dataset = NULL, *profile = NULL, *format = "txt", *out = NULL,
             *catdir = NULL, *profile_file = NULL;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    const char **slot = !strcmp(a, "--profile")        ? &profile
                        : !strcmp(a, "--profile-file") ? &profile_file
                        : !strcmp(a, "--format")       ? &format
                        : !strcmp(a, "--out")          ? &out
                        : !strcmp(a, "--catalog")      ? &catdir
                                                       : NULL;
    if (slot) {
      if (i + 1 >= argc) {
        fprintf(stderr, "yusuan explain: %s 需要一个值\n", a);
        return EXIT_BAD;
      }
      *slot = argv[++i];
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "yusuan explain: 未知选项 %s\n\n%s", a, help_explain);
      return EXIT_BAD;
    } else if (!dataset) {
      dataset = a;
    } else {
      fprintf(stderr, "yusuan explain: 多余的参数 %s\n", a);
      return EXIT_BAD;
    }
  }
  if (!dataset) {
    fputs(help_explain, stderr);
    return EXIT_BAD;
  }
  ys_explain_format fmt;
  if (ys_explain_format_parse(format, &fmt)) {
    fprintf(stderr,
            "yusuan explain: 不支持的格式“%s”（应为 txt、md 或 html）\n",
            format);
    return EXIT_BAD;
  }

  ys_errors errs = {0};
  ys_catalog *cat = NULL;
  ys_dataset *ds = NULL;
  ys_profile *prof = NULL;
  char *text = NULL;
  int status = EXIT_BAD;
  if (cli_open_catalog(&cat, catdir, &errs) != YS_OK ||
      cli_open_profile(&prof, profile, profile_file, &errs) != YS_OK)
    goto done;
  if (ys_dataset_load(&ds, dataset, cat, &errs) != YS_OK) goto done;
  if (ys_explain(&text, ds, cat, prof, fmt, &errs) != YS_OK) goto done;
  if (out) {
    if (ys_write_file_atomic(out, text, strlen(text), &errs) != YS_OK)
      goto done;
  } else if (fputs(text, stdout) == EOF || fflush(stdout) != 0) {
    fprintf(stderr, "yusuan explain: 无法写出到标准输出\n");
    goto done;
  }
  status = EXIT_OKAY;
done:
  cli_print_errors(&errs);
  ys_errors_free(&errs);
  free(text);
  ys_dataset_free(ds);
  ys_profile_free(prof);
  ys_catalog_free(cat);
  return status;
}
