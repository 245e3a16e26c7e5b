/*
 * ingest_csv.c - read compiled (or hand-edited) tables back as raw tables:
 * a directory of CSV files as `yusuan compile` writes them, a single CSV
 * file, or tables.json.
 *
 * The CSV layout is the one render_csv.c documents: title row (number,
 * title), unit row, header and body rows, then note rows. Header rows are
 * not separated here: observe.c knows from the profile how many there are,
 * and a hand-edited file may have changed them.
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvread.h"
#include "fileio.h"
#include "ingest_xlsx.h"
#include "yusuan/check.h"
#include "yusuan/ingest.h"
#include "yusuan/text.h"

static bool starts_with(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

/* "表12" (also "表 12"): the table number of a title row. */
static bool is_table_number(const char *s) {
  if (!starts_with(s, "表")) return false;
  s += strlen("表");
  while (*s == ' ') s++;
  if (*s < '0' || *s > '9') return false;
  while (*s >= '0' && *s <= '9') s++;
  return *s == '\0';
}

static bool is_note(const char *s) {
  return starts_with(s, "注") || starts_with(s, "空表说明") ||
         starts_with(s, "备注");
}

static int table_from_csv(ys_rdoc *d, const ys_csv *csv) {
  ys_rtable *t = ys_rdoc_add_table(d);
  if (!t) return YS_ENOMEM;
  t->file = ys_arena_strdup(d->arena, csv->name);
  size_t i = 0;
  if (i < csv->n) {
    const ys_csv_record *r = &csv->rec[i];
    ys_csv_field f0 = ys_csv_get(r, 0), f1 = ys_csv_get(r, 1);
    char *c0 = ys_arena_strndup(d->arena, f0.s, f0.len);
    if (c0 && (is_table_number(c0) || (!*c0 && f1.len))) {
      /* "表5,title" — or ",title" for a table set without numbers */
      t->number = c0;
      t->title = ys_arena_strndup(d->arena, f1.s, f1.len);
    } else {
      t->title = c0 ? c0 : "";
    }
    t->title_line = r->line;
    i++;
  }
  if (i < csv->n) {
    ys_csv_field f0 = ys_csv_get(&csv->rec[i], 0);
    ys_unit u;
    if (f0.len && memchr(f0.s, 0xE5, f0.len) &&
        ys_unit_parse(f0.s, f0.len, &u) == 0 && strstr(f0.s, "单位")) {
      t->unit = u;
      t->unit_known = true;
      i++;
    }
  }
  for (; i < csv->n; i++) {
    const ys_csv_record *r = &csv->rec[i];
    ys_csv_field f0 = ys_csv_get(r, 0);
    bool only_first = true;
    for (size_t k = 1; k < r->n; k++)
      if (ys_csv_get(r, (int)k).len) only_first = false;
    char *c0 = ys_arena_strndup(d->arena, f0.s, f0.len);
    if (!c0) return YS_ENOMEM;
    if (only_first && is_note(c0)) {
      t->note =
          *t->note ? ys_arena_printf(d->arena, "%s\n%s", t->note, c0) : c0;
      if (starts_with(c0, "空表说明")) t->empty_note = true;
      continue;
    }
    ys_rrow *row = ys_rtable_add_row(d, t, r->n, r->line);
    if (!row) return YS_ENOMEM;
    for (size_t k = 0; k < r->n; k++)
      row->cells[k].text = ys_arena_strndup(d->arena, r->f[k].s, r->f[k].len);
  }
  return YS_OK;
}

static int read_csv_file(ys_rdoc *d, const char *path, ys_errors *errs) {
  ys_csv csv;
  int rc = ys_csv_read_file(&csv, path, d->arena, errs);
  if (rc) return rc;
  return table_from_csv(d, &csv);
}

/* Limits of a tables.json table: the header rows and the columns a
 * published table could have. */
#define MAX_HEADER_ROWS 32
#define MAX_JSON_COLS 4096

/* An integer member of a JSON object within [lo, hi], else def. */
static int json_int(const cJSON *o, const char *key, int def, int lo, int hi) {
  const cJSON *v = cJSON_IsObject(o) ? cJSON_GetObjectItem(o, key) : NULL;
  if (!v || !cJSON_IsNumber(v)) return def;
  double x = v->valuedouble;
  if (!(x >= lo && x <= hi)) return def; /* NaN too */
  return (int)x;
}

static int read_json(ys_rdoc *d, const char *path, ys_errors *errs) {
  char *buf;
  size_t n;
  int rrc = ys_read_file(path, (size_t)64 << 20, &buf, &n, errs);
  if (rrc) return rrc;
  cJSON *root = cJSON_ParseWithLength(buf, n);
  free(buf);
  const cJSON *tables = cJSON_GetObjectItemCaseSensitive(root, "tables");
  if (!cJSON_IsArray(tables)) {
    cJSON_Delete(root);
    ys_errors_add(errs, YS_EINPUT, path, 0, 0,
                  "不是 yusuan 生成的 tables.json（缺少 tables 数组）");
    return YS_EINPUT;
  }
  const cJSON *tj;
  cJSON_ArrayForEach(tj, tables) {
    ys_rtable *t = ys_rdoc_add_table(d);
    if (!t) {
      cJSON_Delete(root);
      return YS_ENOMEM;
    }
    const cJSON *v;
#define STR(k)                                                                 \
  ((v = cJSON_GetObjectItemCaseSensitive(tj, k)) && cJSON_IsString(v)          \
       ? v->valuestring                                                        \
       : "")
    t->number = ys_arena_strdup(d->arena, STR("number"));
    t->title = ys_arena_strdup(d->arena, STR("title"));
    const char *unit = STR("unit");
    t->unit_known = ys_unit_parse(unit, strlen(unit), &t->unit) == 0;
    const char *en = STR("empty_note");
    const char *note = STR("note");
    t->empty_note =
        *en != '\0' && cJSON_IsTrue(cJSON_GetObjectItem(tj, "empty"));
    t->note =
        ys_arena_printf(d->arena, "%s%s%s", en, *en && *note ? "\n" : "", note);
#undef STR
    /* Header rows as a grid, so observe.c sees what a CSV reader sees. */
    const cJSON *hdr = cJSON_GetObjectItemCaseSensitive(tj, "header");
    const cJSON *cols = cJSON_GetObjectItemCaseSensitive(tj, "columns");
    int ncols = cJSON_GetArraySize(cols), hrows = 0;
    if (ncols > MAX_JSON_COLS) {
      cJSON_Delete(root);
      ys_errors_add(errs, YS_EINPUT, path, 0, 0,
                    "“%s”有 %d 列，超过可处理的上限 %d 列", t->title, ncols,
                    MAX_JSON_COLS);
      return YS_EINPUT;
    }
    /* Header cells come from anywhere: a missing or absurd position is a
     * cell that is not there, never a crash. */
    const cJSON *h;
    cJSON_ArrayForEach(h, hdr) {
      int r = json_int(h, "row", -1, 0, MAX_HEADER_ROWS - 1);
      int span = json_int(h, "row_span", 1, 1, MAX_HEADER_ROWS);
      if (r >= 0 && r + span > hrows) hrows = r + span;
    }
    if (hrows > MAX_HEADER_ROWS) hrows = MAX_HEADER_ROWS;
    for (int r = 0; r < hrows; r++) {
      ys_rrow *row = ys_rtable_add_row(d, t, (size_t)ncols, 0);
      if (!row) {
        cJSON_Delete(root);
        return YS_ENOMEM;
      }
      cJSON_ArrayForEach(h, hdr) {
        int hr = json_int(h, "row", -1, 0, MAX_HEADER_ROWS - 1);
        int hc = json_int(h, "col", -1, 0, ncols - 1);
        const cJSON *tx = cJSON_GetObjectItem(h, "text");
        if (hr == r && hc >= 0 && cJSON_IsString(tx))
          row->cells[hc].text = ys_arena_strdup(d->arena, tx->valuestring);
      }
    }
    int rowno = 0;
    const cJSON *rj;
    cJSON_ArrayForEach(rj, cJSON_GetObjectItem(tj, "rows")) {
      const cJSON *cells =
          cJSON_IsObject(rj) ? cJSON_GetObjectItem(rj, "cells") : NULL;
      int nc = cJSON_IsArray(cells) ? cJSON_GetArraySize(cells) : 0;
      if (nc > MAX_JSON_COLS) nc = MAX_JSON_COLS;
      ys_rrow *row = ys_rtable_add_row(d, t, (size_t)nc, ++rowno);
      if (!row) {
        cJSON_Delete(root);
        return YS_ENOMEM;
      }
      int k = 0;
      const cJSON *c;
      cJSON_ArrayForEach(c, cells) {
        if (k >= nc) break;
        const cJSON *tx =
            cJSON_IsObject(c) ? cJSON_GetObjectItem(c, "text") : c;
        row->cells[k++].text = ys_arena_strdup(
            d->arena, cJSON_IsString(tx) ? tx->valuestring : "");
      }
    }
  }
  cJSON_Delete(root);
  return YS_OK;
}

static int cmp_name(const void *a, const void *b) {
  /* Natural order of "表N_…" so 表2 comes before 表10. */
  const char *x = *(const char *const *)a, *y = *(const char *const *)b;
  long nx = strtol(x + (starts_with(x, "表") ? 3 : 0), NULL, 10);
  long ny = strtol(y + (starts_with(y, "表") ? 3 : 0), NULL, 10);
  if (nx != ny) return nx < ny ? -1 : 1;
  return strcmp(x, y);
}

static bool ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && strcmp(s + a - b, suf) == 0;
}

/* Copies the narrative claims of src into d (strings into d's arena). */
static int merge_claims(ys_rdoc *d, const ys_rdoc *src) {
  ys_arena *a = d->arena;
  for (size_t i = 0; i < src->n_claims; i++) {
    const ys_rclaim *s = &src->claims[i];
    ys_rclaim *c = ys_rdoc_add_claim(d);
    if (!c) return YS_ENOMEM;
    *c = *s;
    c->quantity = ys_arena_strdup(a, s->quantity);
    c->subject = ys_arena_strdup(a, s->subject);
    c->text = ys_arena_strdup(a, s->text);
    c->sentence = ys_arena_strdup(a, s->sentence);
    c->parts =
        s->n_parts ? ys_arena_alloc(a, sizeof(char *) * s->n_parts) : NULL;
    if (s->n_parts && !c->parts) return YS_ENOMEM;
    for (size_t k = 0; k < s->n_parts; k++)
      c->parts[k] = ys_arena_strdup(a, s->parts[k]);
    if (s->part_units) {
      c->part_units = ys_arena_alloc(a, sizeof(ys_unit) * s->n_parts);
      if (!c->part_units) return YS_ENOMEM;
      memcpy(c->part_units, s->part_units, sizeof(ys_unit) * s->n_parts);
    }
    c->alt = s->alt ? ys_arena_strdup(a, s->alt) : NULL;
    c->note = s->note ? ys_arena_strdup(a, s->note) : NULL;
  }
  return YS_OK;
}

int ys_ingest_path(ys_rdoc **out, const char *path, ys_errors *errs) {
  *out = NULL;
  struct stat st;
  if (stat(path, &st) != 0) {
    ys_errors_add(errs, YS_ENOTFOUND, path, 0, 0, "文件或目录不存在");
    return YS_ENOTFOUND;
  }
  ys_rdoc *d = ys_rdoc_new(path);
  if (!d) return YS_ENOMEM;
  int rc = YS_OK;
  if (S_ISDIR(st.st_mode)) {
    DIR *dir = opendir(path);
    if (!dir) {
      ys_rdoc_free(d);
      ys_errors_add(errs, YS_EIO, path, 0, 0, "无法读取目录");
      return YS_EIO;
    }
    const char **names = NULL;
    size_t n = 0, cap = 0;
    bool has_json = false, has_xlsx = false;
    struct dirent *e;
    while ((e = readdir(dir))) {
      if (ends_with(e->d_name, ".csv")) {
        const char **x =
            ys_arena_reserve(d->arena, names, n, &cap, sizeof *names);
        const char *nm = ys_arena_strdup(d->arena, e->d_name);
        if (!x || !nm) {
          closedir(dir);
          ys_rdoc_free(d);
          return YS_ENOMEM;
        }
        names = x;
        names[n++] = nm;
      } else if (strcmp(e->d_name, "tables.json") == 0)
        has_json = true;
      else if (strcmp(e->d_name, "tables.xlsx") == 0)
        has_xlsx = true;
    }
    closedir(dir);
    if (n) qsort(names, n, sizeof names[0], cmp_name);
    for (size_t i = 0; i < n && rc == YS_OK; i++) {
      char *p = ys_arena_printf(d->arena, "%s/%s", path, names[i]);
      rc = p ? read_csv_file(d, p, errs) : YS_ENOMEM;
    }
    if (n == 0 && has_json) {
      char *p = ys_arena_printf(d->arena, "%s/tables.json", path);
      rc = p ? read_json(d, p, errs) : YS_ENOMEM;
    } else if (n == 0 && has_xlsx) {
      char *p = ys_arena_printf(d->arena, "%s/tables.xlsx", path);
      rc = p ? ys_ingest_xlsx(d, p, errs) : YS_ENOMEM;
    } else if (n == 0) {
      ys_errors_add(
          errs, YS_EINPUT, path, 0, 0,
          "目录中没有可读取的报表（*.csv、tables.json 或 tables.xlsx）");
      rc = YS_EINPUT;
    }
    /* The package's narrative (yusuan compile writes narrative.txt): its
     * figures are checked against the package's tables. */
    char *np = ys_arena_printf(d->arena, "%s/narrative.txt", path);
    struct stat nst;
    if (rc == YS_OK && np && stat(np, &nst) == 0) {
      ys_rdoc *nd = NULL;
      if (ys_ingest_text(&nd, np, errs) == YS_OK) {
        rc = merge_claims(d, nd);
        if (nd->year && !d->year) d->year = nd->year;
      }
      ys_rdoc_free(nd);
    }
  } else if (ends_with(path, ".txt")) {
    ys_rdoc_free(d);
    return ys_ingest_text(out, path, errs);
  } else if (ends_with(path, ".json")) {
    rc = read_json(d, path, errs);
  } else if (ends_with(path, ".csv")) {
    rc = read_csv_file(d, path, errs);
  } else if (ends_with(path, ".xlsx")) {
    rc = ys_ingest_xlsx(d, path, errs);
  } else {
    ys_errors_add(errs, YS_EUSAGE, path, 0, 0,
                  "不支持的文件类型（可检查：报表目录、.csv、.xlsx、tables."
                  "json、公开文本 .txt）");
    rc = YS_EUSAGE;
  }
  if (rc) {
    ys_rdoc_free(d);
    return rc;
  }
  *out = d;
  return YS_OK;
}
