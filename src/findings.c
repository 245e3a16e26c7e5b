/*
 * findings.c - storage and output of check findings.
 *
 * Text output groups findings by file and table for people; JSON output is
 * a flat array for machines, with amounts as printed decimal strings in the
 * table's display unit (never floats).
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/text.h"

#include "yusuan/findings.h"

ys_findings *ys_findings_new(void) {
  ys_findings *f = calloc(1, sizeof *f);
  if (!f) return NULL;
  f->arena = ys_arena_new(0);
  if (!f->arena) {
    free(f);
    return NULL;
  }
  return f;
}

void ys_findings_free(ys_findings *f) {
  if (!f) return;
  ys_arena_free(f->arena);
  free(f);
}

size_t ys_findings_count(const ys_findings *f, ys_severity sev) {
  size_t n = 0;
  for (size_t i = 0; i < f->n; i++) n += f->items[i].severity == sev;
  return n;
}

static int cmp_finding(const void *a, const void *b) {
  const ys_finding *x = a, *y = b;
  int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
  if (c) return c;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  if (x->severity != y->severity) return x->severity > y->severity ? -1 : 1;
  /* Stable among equals: compare addresses, which follow insertion order. */
  return x < y ? -1 : x > y;
}

void ys_findings_sort(ys_findings *f) {
  if (f->n > 1) qsort(f->items, f->n, sizeof f->items[0], cmp_finding);
}

static const char *S(const char *s) {
  return s ? s : "";
}

char *ys_findings_text(const ys_findings *f, bool color) {
  ys_buf b = {0};
  const char *last_file = NULL, *last_table = NULL;
  static const char *const sev_cn[] = {"提示", "警告", "错误"};
  static const char *const sev_col[] = {"\033[36m", "\033[33m", "\033[31m"};
  for (size_t i = 0; i < f->n; i++) {
    const ys_finding *x = &f->items[i];
    if (!last_file || strcmp(last_file, x->file ? x->file : "")) {
      ys_buf_printf(&b, "%s%s\n", i ? "\n" : "", S(x->file));
      last_file = x->file ? x->file : "";
      last_table = NULL;
    }
    const char *tbl = x->table && *x->table ? x->table : "（全文）";
    if (!last_table || strcmp(last_table, tbl)) {
      ys_buf_printf(&b, "  %s\n", tbl);
      last_table = tbl;
    }
    char head[256];
    snprintf(head, sizeof head, "    %s%s%s ",
             color ? sev_col[x->severity] : "", sev_cn[x->severity],
             color ? "\033[0m" : "");
    ys_buf_puts(&b, head);
    if (x->page > 0) {
      char ln[32];
      snprintf(ln, sizeof ln, "第%d页 ", x->page);
      ys_buf_puts(&b, ln);
    } else if (x->line > 0) {
      char ln[32];
      snprintf(ln, sizeof ln, "第%d行 ", x->line);
      ys_buf_puts(&b, ln);
    }
    ys_buf_printf(&b, "[%s] %s\n", S(x->rule), S(x->message));
    if (x->expected && *x->expected)
      ys_buf_printf(&b, "        应为 %s（表中为 %s", x->expected, S(x->found));
    if (x->expected && *x->expected) {
      if (x->difference && *x->difference)
        ys_buf_printf(&b, "，差额 %s", x->difference);
      ys_buf_printf(&b, "%s%s）\n", x->unit && *x->unit ? " " : "", S(x->unit));
    }
    for (size_t k = 0; k < x->n_related && k < 12; k++) {
      const ys_cellref *r = &x->related[k];
      char ln[32] = "";
      if (r->page > 0)
        snprintf(ln, sizeof ln, "第%d页 ", r->page);
      else if (r->line > 0)
        snprintf(ln, sizeof ln, "第%d行 ", r->line);
      ys_buf_puts(&b, "        相关：");
      ys_buf_puts(&b, ln);
      ys_buf_printf(&b, "%s “%s”", S(r->table), S(r->row));
      ys_buf_printf(&b, "·%s = %s\n", S(r->column), S(r->text));
    }
    if (x->n_related > 12) ys_buf_puts(&b, "        ……\n");
  }
  return ys_buf_take(&b); /* NULL when out of memory: never a cut text */
}

/* "page" and "box" [x0, y0, x1, y1] (points) of a cell of a PDF. */
static void add_place(cJSON *src, int page, ys_box b) {
  if (page <= 0) return;
  cJSON_AddNumberToObject(src, "page", page);
  cJSON *box = cJSON_AddArrayToObject(src, "box");
  const float v[4] = {b.x0, b.y0, b.x1, b.y1};
  for (int i = 0; i < 4; i++)
    cJSON_AddItemToArray(
        box,
        cJSON_CreateNumber(
            (double)((long)(v[i] * 10 + (v[i] >= 0 ? 0.5f : -0.5f))) / 10.0));
}

static cJSON *cellref_json(const ys_cellref *r) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "table", r->table ? r->table : "");
  cJSON_AddStringToObject(o, "row", r->row ? r->row : "");
  cJSON_AddStringToObject(o, "column", r->column ? r->column : "");
  cJSON_AddStringToObject(o, "value", r->text ? r->text : "");
  cJSON *src = cJSON_AddObjectToObject(o, "source");
  cJSON_AddStringToObject(src, "file", r->file ? r->file : "");
  cJSON_AddNumberToObject(src, "line", r->line);
  add_place(src, r->page, r->box);
  return o;
}

char *ys_findings_json(const ys_findings *f) {
  cJSON *arr = cJSON_CreateArray();
  if (!arr) return NULL;
  for (size_t i = 0; i < f->n; i++) {
    const ys_finding *x = &f->items[i];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "rule", x->rule);
    cJSON_AddStringToObject(o, "severity", ys_severity_name(x->severity));
    cJSON_AddStringToObject(o, "table", x->table ? x->table : "");
    cJSON_AddStringToObject(o, "row", x->row ? x->row : "");
    cJSON_AddStringToObject(o, "column", x->column ? x->column : "");
    cJSON_AddStringToObject(o, "found", x->found ? x->found : "");
    cJSON_AddStringToObject(o, "expected", x->expected ? x->expected : "");
    cJSON_AddStringToObject(o, "difference",
                            x->difference ? x->difference : "");
    cJSON_AddStringToObject(o, "unit", x->unit ? x->unit : "");
    cJSON_AddStringToObject(o, "message", x->message ? x->message : "");
    cJSON *src = cJSON_AddObjectToObject(o, "source");
    cJSON_AddStringToObject(src, "file", x->file ? x->file : "");
    cJSON_AddNumberToObject(src, "line", x->line);
    add_place(src, x->page, x->box);
    if (x->claim) cJSON_AddNumberToObject(src, "claim", x->claim - 1);
    cJSON *rel = cJSON_AddArrayToObject(o, "related");
    for (size_t k = 0; k < x->n_related; k++)
      cJSON_AddItemToArray(rel, cellref_json(&x->related[k]));
    cJSON_AddItemToArray(arr, o);
  }
  char *s = cJSON_Print(arr);
  cJSON_Delete(arr);
  return s;
}
