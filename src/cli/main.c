/*
 * main.c - the yusuan command line: parse arguments, call libyusuan, print.
 *
 * Exit status (stable, documented in `yusuan help`):
 *   0  success (check: no finding is an error)
 *   1  check found at least one error
 *   2  bad usage or unreadable / invalid input; nothing was written
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#ifndef YS_VERSION
#define YS_VERSION "0.0.0"
#endif

void cli_print_errors(const ys_errors *errs) {
  char buf[1024];
  for (size_t i = 0; i < errs->count; i++) {
    ys_error_format(&errs->items[i], buf, sizeof buf);
    ys_severity sev = errs->items[i].severity;
    fprintf(stderr, "%s%s\n",
            sev == YS_SEV_WARNING ? "警告："
            : sev == YS_SEV_INFO  ? "提示："
                                  : "",
            buf);
  }
  if (errs->dropped)
    fprintf(stderr, "（另有 %zu 个错误未列出）\n", errs->dropped);
}

size_t cli_error_count(const ys_errors *errs) {
  size_t n = errs->dropped;
  for (size_t i = 0; i < errs->count; i++)
    n += errs->items[i].severity == YS_SEV_ERROR;
  return n;
}

static const char *const help_main =
    "yusuan — 部门预算公开工具\n"
    "\n"
    "用法：yusuan <命令> [参数]\n"
    "\n"
    "命令：\n"
    "  compile DATASET   由预算数据集生成全部公开报表\n"
    "  check PATH...     "
    "检查公开报表（PDF、网页、Excel、文本，或 compile 生成的报表），\n"
    "                    指出错误单元格及应为数值\n"
    "  ingest FILE       读取公开文档，写出识别出的报表、单元格位置和"
    "情况说明数字\n"
    "  explain DATASET   由预算数据集生成情况说明（txt、md、html）\n"
    "  rules             列出检查规则\n"
    "  catalog CODE      查询政府收支分类科目\n"
    "  profiles          列出内置的报表格式（省份）\n"
    "  help [命令]       显示帮助\n"
    "  --version         显示版本\n"
    "\n"
    "退出状态：0 成功；1 检查发现错误；2 "
    "用法错误或输入数据有误（不写出任何文件）。\n";

static const char *const help_compile =
    "用法：yusuan compile DATASET [--profile 格式] [--out 目录] [--format "
    "列表]\n"
    "\n"
    "读取预算数据集目录 DATASET（见 "
    "docs/dataset.md），按报表格式生成全部公开报表。\n"
    "\n"
    "  --profile 格式   报表格式，如 shaanxi；默认取 department.csv 中的 "
    "profile\n"
    "  --out 目录       输出目录，默认 "
    "out/<数据集目录名>；整体写入后一次性替换\n"
    "  --format 列表    "
    "输出格式，逗号分隔，默认全部（csv,json,xlsx,html,txt,pdf）：\n"
    "                   csv   每表一个 CSV 文件（表1_t01.csv …）\n"
    "                   json  tables.json（金额以分为单位的精确值）\n"
    "                   xlsx  tables.xlsx（目录页 + "
    "每表一个工作表，金额为数值）\n"
    "                   html  tables.html（单个网页，可直接打印为 A4）\n"
    "                   txt   tables.txt（按显示宽度对齐的纯文本）\n"
    "                   pdf   tables.pdf（封面、目录、情况说明和全部报表，A4 "
    "打印版）\n"
    "  --profile-file 文件  使用磁盘上的报表格式 JSON 文件\n"
    "  --catalog 目录   使用磁盘上的科目表目录（默认使用内置科目表）\n"
    "\n"
    "数据有误时逐条列出“文件:行:列: 说明”，退出状态 2，不生成输出目录。\n";

static const char *const help_catalog =
    "用法：yusuan catalog CODE [--year 年度] [--class func|econ|gov]\n"
    "\n"
    "显示科目编码 CODE 的名称、级次、上级、下级科目与历年名称。\n"
    "  --year 年度   按该年度的科目表查询（默认最新）\n"
    "  --class       func 支出功能分类（默认）；econ 部门预算支出经济分类；\n"
    "                gov 政府预算支出经济分类\n";

int cli_open_catalog(ys_catalog **cat, const char *dir, ys_errors *errs) {
  return dir ? ys_catalog_open_dir(cat, dir, errs)
             : ys_catalog_open_builtin(cat, errs);
}

int cli_open_profile(ys_profile **prof, const char *name, const char *file,
                     ys_errors *errs) {
  *prof = NULL;
  if (file) return ys_profile_open_file(prof, file, errs);
  if (name) return ys_profile_open_builtin(prof, name, errs);
  return YS_OK;
}

static const char *basename_of(const char *path) {
  size_t len = strlen(path);
  while (len > 1 && path[len - 1] == '/') len--;
  static char buf[512];
  size_t start = len;
  while (start > 0 && path[start - 1] != '/') start--;
  snprintf(buf, sizeof buf, "%.*s", (int)(len - start), path + start);
  return buf;
}

static int cmd_compile(int argc, char **argv) {
  const char *dataset = NULL, *profile = NULL, *profile_file = NULL,
             *out = NULL, *formats = "csv,json,xlsx,html,txt,pdf",
             *catdir = NULL;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    const char **slot = !strcmp(a, "--profile")        ? &profile
                        : !strcmp(a, "--profile-file") ? &profile_file
                        : !strcmp(a, "--out")          ? &out
                        : !strcmp(a, "--format")       ? &formats
                        : !strcmp(a, "--catalog")      ? &catdir
                                                       : NULL;
    if (slot) {
      if (i + 1 >= argc) {
        fprintf(stderr, "yusuan compile: %s 需要一个值\n", a);
        return EXIT_BAD;
      }
      *slot = argv[++i];
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "yusuan compile: 未知选项 %s\n\n%s", a, help_compile);
      return EXIT_BAD;
    } else if (!dataset) {
      dataset = a;
    } else {
      fprintf(stderr, "yusuan compile: 多余的参数 %s\n", a);
      return EXIT_BAD;
    }
  }
  if (!dataset) {
    fputs(help_compile, stderr);
    return EXIT_BAD;
  }
  unsigned fmts = 0;
  char bad[64];
  if (ys_package_formats(formats, &fmts, bad, sizeof bad)) {
    if (*bad)
      fprintf(stderr, "yusuan compile: 不支持的输出格式“%s”\n", bad);
    else
      fprintf(stderr, "yusuan compile: --format 至少需要一种输出格式\n");
    return EXIT_BAD;
  }
  char outbuf[4096];
  if (!out) {
    snprintf(outbuf, sizeof outbuf, "out/%s", basename_of(dataset));
    out = outbuf;
  }

  ys_errors errs = {0};
  ys_catalog *cat = NULL;
  ys_dataset *ds = NULL;
  ys_profile *prof = NULL;
  ys_tables *tables = NULL;
  int status = EXIT_BAD;
  if (cli_open_catalog(&cat, catdir, &errs)) goto done;
  if (ys_dataset_load(&ds, dataset, cat, &errs)) goto done;
  if (!profile_file && !profile && !*ds->profile) {
    fprintf(stderr, "yusuan compile: 请用 --profile 指定报表格式"
                    "（department.csv 中没有 profile）\n");
    goto done;
  }
  if (cli_open_profile(&prof, profile ? profile : ds->profile, profile_file,
                       &errs))
    goto done;
  if (ys_compile(&tables, ds, prof, cat, &errs)) goto done;
  /* The narrative (情况说明) goes with every compile: as narrative.txt and
   * inside the HTML, the workbook and the PDF. */
  char *narr = NULL;
  int prc = ys_explain(&narr, ds, cat, prof, YS_EXPLAIN_TXT, &errs);
  if (prc == YS_OK) prc = ys_package_write(tables, narr, out, fmts, &errs);
  free(narr);
  if (prc) goto done;
  size_t empty = 0;
  for (size_t i = 0; i < tables->n; i++) empty += tables->tables[i].empty;
  printf("已生成 %s %d 年 %zu 张报表（其中空表 %zu 张）：%s\n", ds->dept_name,
         ds->year, tables->n, empty, out);
  status = EXIT_OKAY;
done:
  cli_print_errors(&errs);
  ys_errors_free(&errs);
  ys_tables_free(tables);
  ys_profile_free(prof);
  ys_dataset_free(ds);
  ys_catalog_free(cat);
  return status;
}

static int cmd_catalog(int argc, char **argv) {
  const char *code = NULL, *catdir = NULL;
  int year = 0;
  ys_cls cls = YS_CLS_FUNC;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--year") && i + 1 < argc) {
      char *end;
      long y = strtol(argv[++i], &end, 10);
      if (*end || y < 1990 || y > 2100) {
        fprintf(stderr, "yusuan catalog: 年度无效：%s\n", argv[i]);
        return EXIT_BAD;
      }
      year = (int)y;
    } else if (!strcmp(a, "--class") && i + 1 < argc) {
      const char *c = argv[++i];
      if (!strcmp(c, "func"))
        cls = YS_CLS_FUNC;
      else if (!strcmp(c, "econ"))
        cls = YS_CLS_ECON_DEPT;
      else if (!strcmp(c, "gov"))
        cls = YS_CLS_ECON_GOV;
      else {
        fprintf(stderr, "yusuan catalog: --class 应为 func、econ 或 gov\n");
        return EXIT_BAD;
      }
    } else if (!strcmp(a, "--catalog") && i + 1 < argc) {
      catdir = argv[++i];
    } else if (a[0] == '-' || code) {
      fprintf(stderr, "yusuan catalog: 无法理解参数 %s\n\n%s", a, help_catalog);
      return EXIT_BAD;
    } else {
      code = a;
    }
  }
  if (!code) {
    fputs(help_catalog, stderr);
    return EXIT_BAD;
  }
  ys_errors errs = {0};
  ys_catalog *cat = NULL;
  if (cli_open_catalog(&cat, catdir, &errs)) {
    cli_print_errors(&errs);
    ys_errors_free(&errs);
    return EXIT_BAD;
  }
  static const char *const cls_name[] = {"支出功能分类", "部门预算支出经济分类",
                                         "政府预算支出经济分类"};
  static const char *const lvl_name[] = {"", "类", "款", "项"};
  const ys_cat_entry *e = ys_catalog_lookup(cat, cls, code, year);
  int status = EXIT_OKAY;
  if (!e) {
    const ys_cat_entry *v[16];
    size_t nv = ys_catalog_versions(cat, cls, code, v, 16);
    if (nv)
      fprintf(stderr, "yusuan catalog: %s %s 在 %d 年无效（有效年度见下）\n",
              cls_name[cls], code, year);
    else
      fprintf(stderr, "yusuan catalog: %s中没有科目 %s\n", cls_name[cls], code);
    for (size_t i = 0; i < nv && i < 16; i++)
      fprintf(stderr, "  %s %s（%d–%s）\n", v[i]->code, v[i]->name,
              v[i]->valid_from, v[i]->valid_to ? "" : "至今");
    status = EXIT_BAD;
  } else {
    int lvl = e->level >= 1 && e->level <= 3 ? e->level : 0;
    printf("%s %s\n", e->code, e->name);
    printf("  分类：%s（%s）\n", cls_name[cls], lvl_name[lvl]);
    const ys_cat_entry *par = ys_catalog_parent(cat, e, year);
    if (par) printf("  上级：%s %s\n", par->code, par->name);
    const ys_cat_entry *v[16];
    size_t nv = ys_catalog_versions(cat, cls, code, v, 16);
    for (size_t i = 0; i < nv && i < 16; i++) {
      char from[16] = "", to[16] = "";
      if (v[i]->valid_from) snprintf(from, sizeof from, "%d", v[i]->valid_from);
      if (v[i]->valid_to) snprintf(to, sizeof to, "%d", v[i]->valid_to);
      printf("  名称：%s（%s–%s）\n", v[i]->name, from[0] ? from : "",
             to[0] ? to : "至今");
    }
    if (cls == YS_CLS_ECON_DEPT) {
      const char *ad = ys_catalog_gov_map(cat, code, YS_UNIT_KIND_ADMIN, year);
      const char *in = ys_catalog_gov_map(cat, code, YS_UNIT_KIND_INST, year);
      if (ad) printf("  政府经济分类（行政单位）：%s\n", ad);
      if (in) printf("  政府经济分类（事业单位）：%s\n", in);
    }
    const ys_cat_entry *kids[256];
    size_t nk = ys_catalog_children(cat, cls, code, year, kids, 256);
    for (size_t i = 0; i < nk && i < 256; i++)
      printf("    %s %s\n", kids[i]->code, kids[i]->name);
  }
  ys_catalog_free(cat);
  ys_errors_free(&errs);
  return status;
}

static int cmd_profiles(int argc, char **argv) {
  (void)argc;
  (void)argv;
  char names[32][64];
  size_t n = ys_profile_builtin_list(names, 32);
  int width = 0, status = EXIT_OKAY;
  for (size_t i = 0; i < n && i < 32; i++)
    if ((int)strlen(names[i]) > width) width = (int)strlen(names[i]);
  for (size_t i = 0; i < n && i < 32; i++) {
    ys_profile *p = NULL;
    ys_errors errs = {0};
    if (ys_profile_open_builtin(&p, names[i], &errs) == YS_OK) {
      printf("%-*s %s\n", width, names[i], ys_profile_title(p));
    } else {
      /* a built-in profile that does not load is said, not left out */
      cli_print_errors(&errs);
      status = EXIT_BAD;
    }
    ys_profile_free(p);
    ys_errors_free(&errs);
  }
  return status;
}

static const char *const help_profiles =
    "用法：yusuan profiles\n\n列出内置的报表格式。\n";

static int cmd_help(int argc, char **argv);

/* The commands: each a thin shell over a library call. */
static const struct command {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *const *help;
} commands[] = {
    {"compile", cmd_compile, &help_compile},
    {"check", cmd_check, &help_check},
    {"ingest", cmd_ingest, &help_ingest},
    {"explain", cmd_explain, &help_explain},
    {"rules", cmd_rules, &help_rules},
    {"catalog", cmd_catalog, &help_catalog},
    {"profiles", cmd_profiles, &help_profiles},
    {"help", cmd_help, &help_main},
};

static const struct command *command_named(const char *name) {
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (!strcmp(commands[i].name, name)) return &commands[i];
  return NULL;
}

static int cmd_help(int argc, char **argv) {
  const char *topic = argc > 2 ? argv[2] : NULL;
  const struct command *c = topic ? command_named(topic) : NULL;
  if (topic && !c) {
    fprintf(stderr, "yusuan: 没有命令“%s”的帮助\n", topic);
    return EXIT_BAD;
  }
  fputs(c ? *c->help : help_main, stdout);
  return EXIT_OKAY;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(help_main, stderr);
    return EXIT_BAD;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
    printf("yusuan %s\n", YS_VERSION);
    return EXIT_OKAY;
  }
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) cmd = "help";
  const struct command *c = command_named(cmd);
  if (!c) {
    fprintf(stderr, "yusuan: 未知命令“%s”\n\n%s", cmd, help_main);
    return EXIT_BAD;
  }
  if (argc > 2 && (!strcmp(argv[2], "--help") || !strcmp(argv[2], "-h"))) {
    fputs(*c->help, stdout);
    return EXIT_OKAY;
  }
  return c->run(argc, argv);
}
