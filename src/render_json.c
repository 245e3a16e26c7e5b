/*
 * render_json.c - every table in one JSON document (tables.json).
 *
 * For machines: amounts carry their exact value in 分 (as an integer, never
 * a float) and the canonical quantity key, so another program can verify
 * identities without parsing displayed text.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "yusuan/money.h"
#include "yusuan/render.h"

static const char *row_kind(ys_row_kind k) {
  switch (k) {
  case YS_ROW_TOTAL:
    return "total";
  case YS_ROW_GROUP:
    return "group";
  case YS_ROW_DETAIL:
    return "detail";
  default:
    return "text";
  }
}

static cJSON *table_json(const ys_table *t) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "id", t->id);
  cJSON_AddStringToObject(o, "number", t->number);
  cJSON_AddStringToObject(o, "title", t->title);
  cJSON_AddStringToObject(o, "subtitle", t->subtitle ? t->subtitle : "");
  cJSON_AddStringToObject(o, "unit", ys_unit_name(t->unit));
  cJSON_AddNumberToObject(o, "decimals", t->decimals);
  cJSON_AddBoolToObject(o, "empty", t->empty);
  cJSON_AddStringToObject(o, "empty_note", t->empty_note ? t->empty_note : "");
  cJSON_AddStringToObject(o, "note", t->note ? t->note : "");
  cJSON *hdr = cJSON_AddArrayToObject(o, "header");
  for (size_t h = 0; h < t->n_header; h++) {
    const ys_header_cell *hc = &t->header[h];
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "text", hc->text);
    cJSON_AddNumberToObject(c, "row", hc->row);
    cJSON_AddNumberToObject(c, "col", hc->col);
    cJSON_AddNumberToObject(c, "row_span", hc->row_span);
    cJSON_AddNumberToObject(c, "col_span", hc->col_span);
    cJSON_AddItemToArray(hdr, c);
  }
  cJSON *cols = cJSON_AddArrayToObject(o, "columns");
  for (size_t k = 0; k < t->ncols; k++)
    cJSON_AddItemToArray(cols, cJSON_CreateString(t->col_labels[k]));
  cJSON *rows = cJSON_AddArrayToObject(o, "rows");
  for (size_t i = 0; i < t->nrows; i++) {
    const ys_row *r = &t->rows[i];
    cJSON *ro = cJSON_CreateObject();
    cJSON_AddStringToObject(ro, "kind", row_kind(r->kind));
    cJSON_AddNumberToObject(ro, "level", r->level);
    cJSON_AddStringToObject(ro, "code", r->code ? r->code : "");
    cJSON *cells = cJSON_AddArrayToObject(ro, "cells");
    for (size_t k = 0; k < t->ncols; k++) {
      const ys_cell *c = &r->cells[k];
      if (c->type == YS_CELL_AMOUNT) {
        cJSON *co = cJSON_CreateObject();
        cJSON_AddStringToObject(co, "text", c->text);
        /* 分 fit a double exactly up to 2^53 (9e15 分 = 9e13 元); beyond,
         * the string form keeps the exact value. */
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)c->fen);
        cJSON_AddRawToObject(co, "fen", buf);
        cJSON_AddStringToObject(co, "quantity", c->quantity ? c->quantity : "");
        cJSON_AddItemToArray(cells, co);
      } else {
        cJSON_AddItemToArray(cells, cJSON_CreateString(c->text ? c->text : ""));
      }
    }
    cJSON_AddItemToArray(rows, ro);
  }
  return o;
}

int ys_render_json(const ys_tables *t, const char *dir, ys_errors *errs) {
  cJSON *root = cJSON_CreateObject();
  if (!root) return YS_ENOMEM;
  cJSON_AddStringToObject(root, "profile", t->profile);
  cJSON_AddStringToObject(root, "department", t->dept_name);
  cJSON_AddNumberToObject(root, "year", t->year);
  cJSON *arr = cJSON_AddArrayToObject(root, "tables");
  for (size_t i = 0; i < t->n; i++)
    cJSON_AddItemToArray(arr, table_json(&t->tables[i]));
  char *text = cJSON_Print(root);
  cJSON_Delete(root);
  if (!text) return YS_ENOMEM;
  char path[4096];
  snprintf(path, sizeof path, "%s/tables.json", dir);
  FILE *f = fopen(path, "wb");
  int rc = YS_OK;
  if (!f || fputs(text, f) < 0 || fputc('\n', f) == EOF) rc = YS_EIO;
  if (f && fclose(f)) rc = YS_EIO;
  free(text);
  if (rc) ys_errors_add(errs, YS_EIO, path, 0, 0, "写入文件失败");
  return rc;
}
