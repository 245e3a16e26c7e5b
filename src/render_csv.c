/*
 * render_csv.c - one CSV file per table, the cells as displayed.
 *
 * Layout, which the checker and the tests read back:
 *   row 1: number, title        (表1,部门综合预算收支总表)
 *   row 2: unit line            (单位：元)  [+ subtitle cell]
 *   header rows                 merged cells: text in the first cell only
 *   body rows
 *   optional note rows          (注：…, 空表说明：…)
 * Files are written whole into the target directory; the caller makes the
 * directory appear atomically.
 */
#include <stdio.h>
#include <string.h>

#include "yusuan/render.h"
#include "yusuan/text.h"

static void csv_row(FILE *f, const char *const *cells, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i) fputc(',', f);
    ys_csv_put(f, cells[i]);
  }
  fputs("\r\n", f);
}

void ys_render_csv_name(const ys_table *t, char *buf, size_t n) {
  snprintf(buf, n, "%s_%s.csv", t->number && *t->number ? t->number : "表",
           t->id);
}

static int write_table(const ys_table *t, const char *dir, ys_errors *errs) {
  char name[128], path[4096];
  ys_render_csv_name(t, name, sizeof name);
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f) {
    ys_errors_add(errs, YS_EIO, path, 0, 0, "无法写入文件");
    return YS_EIO;
  }
  fputs("\xEF\xBB\xBF", f);
  const char *head[2] = {t->number, t->title};
  csv_row(f, head, 2);
  char unit[64];
  snprintf(unit, sizeof unit, "单位：%s", ys_unit_name(t->unit));
  const char *ul[2] = {unit, t->subtitle};
  csv_row(f, ul, t->subtitle && *t->subtitle ? 2 : 1);
  size_t nc = t->ncols ? t->ncols : 1;
  const char *cells[512];
  if (nc > 512) nc = 512;
  for (int r = 0; r < t->header_rows; r++) {
    for (size_t k = 0; k < nc; k++) cells[k] = "";
    for (size_t h = 0; h < t->n_header; h++)
      if (t->header[h].row == r && (size_t)t->header[h].col < nc)
        cells[t->header[h].col] = t->header[h].text;
    csv_row(f, cells, nc);
  }
  for (size_t i = 0; i < t->nrows; i++) {
    for (size_t k = 0; k < nc; k++) cells[k] = t->rows[i].cells[k].text;
    csv_row(f, cells, nc);
  }
  if (t->empty && t->empty_note && *t->empty_note) {
    char note[1024];
    snprintf(note, sizeof note, "空表说明：%s", t->empty_note);
    const char *c1[1] = {note};
    csv_row(f, c1, 1);
  }
  if (t->note && *t->note) {
    const char *c1[1] = {t->note};
    csv_row(f, c1, 1);
  }
  int bad = ferror(f);
  if (fclose(f) || bad) {
    ys_errors_add(errs, YS_EIO, path, 0, 0, "写入文件失败");
    return YS_EIO;
  }
  return YS_OK;
}

static int render_csv_impl(const ys_tables *t, const char *dir,
                           ys_errors *errs) {
  for (size_t i = 0; i < t->n; i++) {
    int rc = write_table(&t->tables[i], dir, errs);
    if (rc) return rc;
  }
  return YS_OK;
}

/* ys_render_csv, with a message whenever it fails for want of memory. */
int ys_render_csv(const ys_tables *t, const char *dir, ys_errors *errs) {
  size_t before = errs ? errs->count : 0;
  return ys_errors_nomem(errs, before, render_csv_impl(t, dir, errs),
                         "无法写出 CSV 报表");
}
