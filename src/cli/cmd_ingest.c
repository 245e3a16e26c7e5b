/*
 * cmd_ingest.c - `yusuan ingest FILE --out DIR`: show how a document was
 * read.
 *
 * The checker works on raw tables; when its findings look wrong, the first
 * question is whether the document was read right. This command writes
 * what the reader made of the document: one CSV per recognised table (a
 * first column with the source line of each row, then the cells in the
 * profile's column order), claims.json with the narrative figures and the
 * quantities they were tied to, and index.txt listing the tables, their
 * units and row counts and every reading problem. The output directory
 * appears whole or not at all (outdir.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "yusuan/outdir.h"

const char *const help_ingest =
    "用法：yusuan ingest FILE [--out 目录] [--profile 格式] "
    "[--profile-file 文件]\n"
    "                       [--catalog 目录]\n"
    "\n"
    "读取公开文档（PDF、HTML、Excel、CSV、文本 .txt，或 yusuan compile "
    "生成的\n"
    "报表目录、tables.json），写出读取结果，便于核对文档是如何被读取的：\n"
    "  表N_….csv     "
    "每张识别出的报表一个文件；第一列为原文行号，其后为各列单元格；\n"
    "                按含义读取的报表另有一行“列含义”，列出每列对应的数量\n"
    "  cells.csv     每个单元格所在的页码和位置（PDF：页、左上右下坐标，磅）\n"
    "  claims.json   情况说明中读出的每个说法：类型、所依据的数字、所在句子；\n"
    "                未能读出说法的含数字句子也列出（kind 为 unread）\n"
    "  index.txt     报表清单（单位、行数）和读取时遇到的问题\n"
    "\n"
    "  --out 目录    输出目录，默认 "
    "out/<文件名>-ingest；整体写入后一次性替换\n"
    "  --profile 格式        逐行排版的文本按该报表格式的列读取"
    "（默认按表名自动识别）\n"
    "  --profile-file 文件   同上，使用磁盘上的报表格式 JSON 文件\n"
    "  --catalog 目录        使用磁盘上的科目表目录"
    "（默认使用内置科目表）\n";

/* A file name from a table: "03_表3_部门综合预算支出总表.csv", without
 * characters a file system may refuse. */
static void table_file(char *buf, size_t n, size_t i, const ys_rtable *t) {
  char title[160];
  snprintf(title, sizeof title, "%s", t->title);
  for (char *p = title; *p; p++)
    if (*p == '/' || *p == '\\' || *p == ':' || *p == '*' || *p == '?' ||
        *p == '"' || *p == '<' || *p == '>' || *p == '|' || *p == ' ')
      *p = '_';
  /* Keep names short: at most ~60 bytes of title, cut at a UTF-8 boundary. */
  size_t len = strlen(title);
  if (len > 60) {
    len = 60;
    while (len > 0 && ((unsigned char)title[len] & 0xC0) == 0x80) len--;
    title[len] = '\0';
  }
  snprintf(buf, n, "%02zu_%s%s%s.csv", i + 1, t->number, *t->number ? "_" : "",
           title);
}

static int write_table(const char *dir, size_t i, const ys_rtable *t) {
  char name[256], path[4600];
  table_file(name, sizeof name, i, t);
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  fputs("\xEF\xBB\xBF", f); /* BOM: spreadsheet programs then read UTF-8 */
  fprintf(f, "%d,", t->title_line);
  ys_csv_put(f, t->number);
  fputc(',', f);
  ys_csv_put(f, t->title);
  fputc('\n', f);
  fprintf(f, ",%s\n",
          t->unit_known
              ? (t->unit == YS_UNIT_WANYUAN ? "单位：万元" : "单位：元")
              : "单位：（未印出）");
  if (t->cols && t->ncols) {
    /* what each column was read as: a quantity key, or its header; in
     * the line-number column the row's name, so that the meanings stand
     * over their cells */
    fputs("列含义", f);
    ys_arena *a = ys_arena_new(1 << 16);
    for (size_t k = 0; k < t->ncols && a; k++) {
      const ys_rcol *c = &t->cols[k];
      const char *key = c->q.n ? ys_qexpr_key(a, &c->q) : NULL;
      fputc(',', f);
      ys_csv_put(f, key ? key : c->label);
    }
    ys_arena_free(a);
    fputc('\n', f);
  }
  for (size_t r = 0; r < t->nrows; r++) {
    const ys_rrow *row = &t->rows[r];
    fprintf(f, "%d", row->line);
    for (size_t k = 0; k < row->n; k++) {
      fputc(',', f);
      ys_csv_put(f, row->cells[k].text);
    }
    fputc('\n', f);
  }
  if (t->note && *t->note) {
    fputc(',', f);
    ys_csv_put(f, t->note);
    fputc('\n', f);
  }
  return fclose(f) ? -1 : 0;
}

static int write_claims(const char *dir, const ys_rdoc *d) {
  cJSON *root = cJSON_CreateObject();
  if (!root) return -1;
  cJSON_AddStringToObject(root, "file", d->file);
  cJSON_AddNumberToObject(root, "year", d->year);
  cJSON_AddStringToObject(root, "profile",
                          d->profile_hint ? d->profile_hint : "");
  cJSON *arr = cJSON_AddArrayToObject(root, "claims");
  for (size_t i = 0; arr && i < d->n_claims; i++) {
    const ys_rclaim *c = &d->claims[i];
    cJSON *o = cJSON_CreateObject();
    if (!o) break;
    cJSON_AddNumberToObject(o, "line", c->line);
    if (c->page) cJSON_AddNumberToObject(o, "page", c->page);
    cJSON_AddStringToObject(o, "kind", ys_claim_kind_name(c->kind));
    cJSON_AddStringToObject(o, "quantity", c->quantity);
    cJSON_AddStringToObject(o, "subject", c->subject);
    cJSON_AddStringToObject(o, "text", c->text);
    cJSON_AddStringToObject(o, "unit",
                            c->counted ? c->counted : ys_unit_name(c->unit));
    if (c->n_parts) {
      cJSON *parts = cJSON_AddArrayToObject(o, "inputs");
      for (size_t k = 0; parts && k < c->n_parts; k++) {
        cJSON *p = cJSON_CreateObject();
        if (!p) break;
        cJSON_AddStringToObject(p, "text", c->parts[k]);
        cJSON_AddStringToObject(p, "unit",
                                c->counted      ? c->counted
                                : c->part_units ? ys_unit_name(c->part_units[k])
                                                : ys_unit_name(c->unit));
        cJSON_AddItemToArray(parts, p);
      }
    }
    if (c->kind == YS_CLAIM_CHANGE)
      cJSON_AddStringToObject(o, "how",
                              c->how == YS_CHANGE_PRIOR  ? "current,prior"
                              : c->how == YS_CHANGE_BASE ? "change,prior"
                                                         : "current,change");
    if (c->kind == YS_CLAIM_SHARE && c->how == YS_SHARE_OF_SUM)
      cJSON_AddStringToObject(o, "how", "part,others");
    if (c->dir) cJSON_AddNumberToObject(o, "direction", c->dir);
    if (c->kind == YS_CLAIM_SUM) {
      cJSON_AddBoolToObject(o, "exhaustive", c->exhaustive);
      if (c->percent) cJSON_AddBoolToObject(o, "percent", true);
    }
    if (c->alt) cJSON_AddStringToObject(o, "alternative", c->alt);
    if (c->whole_quantity)
      cJSON_AddStringToObject(o, "whole_quantity", c->whole_quantity);
    if (c->whole_alt) cJSON_AddStringToObject(o, "whole_alt", c->whole_alt);
    if (c->note) cJSON_AddStringToObject(o, "note", c->note);
    if (c->period_unclear) cJSON_AddBoolToObject(o, "period_unclear", true);
    cJSON_AddStringToObject(o, "sentence", c->sentence);
    if (c->span_e > c->span_b && c->span_e <= strlen(c->sentence)) {
      cJSON *sp = cJSON_AddArrayToObject(o, "span");
      cJSON_AddItemToArray(sp, cJSON_CreateNumber((double)c->span_b));
      cJSON_AddItemToArray(sp, cJSON_CreateNumber((double)c->span_e));
    }
    cJSON_AddItemToArray(arr, o);
  }
  char *s = cJSON_Print(root);
  cJSON_Delete(root);
  if (!s) return -1;
  char path[4600];
  snprintf(path, sizeof path, "%s/claims.json", dir);
  FILE *f = fopen(path, "wb");
  int rc = -1;
  if (f) {
    fputs(s, f);
    fputc('\n', f);
    rc = fclose(f) ? -1 : 0;
  }
  free(s);
  return rc;
}

/* cells.csv: where each cell is printed, for a PDF (page and box in points
 * from the top left), so a reading can be checked against the page. */
static int write_cells(const char *dir, const ys_rdoc *d) {
  char path[4600];
  snprintf(path, sizeof path, "%s/cells.csv", dir);
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  fputs("\xEF\xBB\xBF表,第几行,第几列,内容,页,x0,y0,x1,y1\n", f);
  for (size_t i = 0; i < d->n; i++) {
    const ys_rtable *t = &d->tables[i];
    for (size_t r = 0; r < t->nrows; r++)
      for (size_t k = 0; k < t->rows[r].n; k++) {
        const ys_rcell *c = &t->rows[r].cells[k];
        if (!c->page || !*c->text) continue;
        ys_csv_put(f, *t->number ? t->number : t->title);
        fprintf(f, ",%zu,%zu,", r + 1, k);
        ys_csv_put(f, c->text);
        fprintf(f, ",%d,%.1f,%.1f,%.1f,%.1f\n", c->page, c->box.x0, c->box.y0,
                c->box.x1, c->box.y1);
      }
  }
  return fclose(f) ? -1 : 0;
}

static int write_index(const char *dir, const ys_rdoc *d,
                       const ys_errors *errs) {
  char path[4600];
  snprintf(path, sizeof path, "%s/index.txt", dir);
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  fprintf(f, "文件：%s\n年度：%d\n报表格式：%s\n\n", d->file, d->year,
          d->profile_hint ? d->profile_hint : "（未识别）");
  fprintf(f, "报表 %zu 张：\n", d->n);
  for (size_t i = 0; i < d->n; i++) {
    const ys_rtable *t = &d->tables[i];
    /* where the title is: its page in a PDF, else its line */
    fprintf(f, "  第 %d %s  %-6s %s  单位：%s  %zu 行%s\n",
            t->title_page ? t->title_page : t->title_line,
            t->title_page ? "页" : "行", t->number, t->title,
            t->unit_known ? ys_unit_name(t->unit) : "（未印出）", t->nrows,
            t->empty_note ? "（有空表说明）" : "");
  }
  fprintf(f, "\n情况说明中的数字 %zu 个（见 claims.json）\n", d->n_claims);
  fprintf(f, "\n读取问题 %zu 个：\n", errs->count);
  char buf[1024];
  for (size_t i = 0; i < errs->count; i++) {
    ys_error_format(&errs->items[i], buf, sizeof buf);
    fprintf(f, "  %s\n", buf);
  }
  return fclose(f) ? -1 : 0;
}

int cmd_ingest(int argc, char **argv) {
  const char *file = NULL, *out = NULL, *profile = NULL, *profile_file = NULL,
             *catdir = NULL;
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    const char **slot = !strcmp(a, "--out")            ? &out
                        : !strcmp(a, "--profile")      ? &profile
                        : !strcmp(a, "--profile-file") ? &profile_file
                        : !strcmp(a, "--catalog")      ? &catdir
                                                       : NULL;
    if (slot) {
      if (i + 1 >= argc) {
        fprintf(stderr, "yusuan ingest: %s 需要一个值\n", a);
        return EXIT_BAD;
      }
      *slot = argv[++i];
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "yusuan ingest: 未知选项 %s\n\n%s", a, help_ingest);
      return EXIT_BAD;
    } else if (file) {
      fprintf(stderr, "yusuan ingest: 只能读取一个文件\n\n%s", help_ingest);
      return EXIT_BAD;
    } else {
      file = a;
    }
  }
  if (!file) {
    fputs(help_ingest, stderr);
    return EXIT_BAD;
  }
  char outbuf[4096];
  if (!out) {
    const char *b = strrchr(file, '/');
    b = b ? b + 1 : file;
    size_t bl = strlen(b);
    const char *dot = strrchr(b, '.');
    if (dot && dot != b) bl = (size_t)(dot - b);
    snprintf(outbuf, sizeof outbuf, "out/%.*s-ingest", (int)bl, b);
    out = outbuf;
  }
  ys_errors errs = {0};
  ys_rdoc *doc = NULL;
  ys_catalog *cat = NULL;
  ys_vocab *voc = NULL;
  ys_profile *prof = NULL;
  int status = EXIT_BAD;
  if (cli_open_catalog(&cat, catdir, &errs) ||
      ys_vocab_open_builtin(&voc, &errs) ||
      cli_open_profile(&prof, profile, profile_file, &errs) ||
      ys_read_path_as(&doc, file, voc, cat, prof, &errs))
    goto done;
  ys_outdir od;
  if (ys_outdir_begin(&od, out, &errs)) goto done;
  int bad = 0;
  for (size_t i = 0; i < doc->n && !bad; i++)
    bad = write_table(od.tmp, i, &doc->tables[i]);
  if (!bad) bad = write_claims(od.tmp, doc);
  if (!bad) bad = write_cells(od.tmp, doc);
  if (!bad) bad = write_index(od.tmp, doc, &errs);
  if (bad) {
    ys_errors_add(&errs, YS_EIO, out, 0, 0, "无法写入输出文件");
    ys_outdir_abort(&od);
    goto done;
  }
  if (ys_outdir_commit(&od, &errs)) goto done;
  size_t rows = 0;
  for (size_t i = 0; i < doc->n; i++) rows += doc->tables[i].nrows;
  printf("已读取 %s：%zu 张报表（%zu 行），情况说明数字 %zu 个，读取提示 %zu "
         "个：%s\n",
         file, doc->n, rows, doc->n_claims, errs.count, out);
  status = EXIT_OKAY;
done:
  if (status != EXIT_OKAY) cli_print_errors(&errs);
  ys_errors_free(&errs);
  ys_rdoc_free(doc);
  ys_profile_free(prof);
  ys_vocab_free(voc);
  ys_catalog_free(cat);
  return status;
}
