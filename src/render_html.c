/*
 * render_html.c - every table on one self-contained web page (tables.html).
 *
 * The page is what gets put on a website or printed: no scripts, no fonts
 * or style sheets fetched from anywhere, just HTML with inline CSS, so it
 * opens the same offline, in an archive, or years later.
 *
 *   <h1> department and year, then a table of contents: every table's
 *   number and title linking to its anchor (#t05), with 空表 marked and
 *   its 空表说明.
 *   one <section id="t05"> per table: number, title, subtitle and unit
 *   line, a <table> whose <thead> reproduces the header spans
 *   (rowspan/colspan), a <tbody> with amounts right-aligned, names indented
 *   by their leading spaces (turned into padding, so copying a cell gives
 *   the bare name), total rows bold; then 空表说明 and the footnote.
 *
 * Printing: A4 landscape, each table starts a new page and the header rows
 * repeat on every page (thead is a table-header-group). Text is escaped;
 * control characters other than line breaks are dropped.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/money.h"
#include "yusuan/render.h"
#include "yusuan/text.h"

static const char css[] =
    "body{font-family:\"Noto Sans CJK SC\",sans-serif;font-size:14px;"
    "color:#111;margin:24px;}\n"
    "h1{font-size:22px;text-align:center;margin:0 0 16px;}\n"
    "nav h2{font-size:18px;}\n"
    "nav table td{border:none;padding:2px 10px 2px 0;}\n"
    "nav table td:first-child{white-space:nowrap;}\n"
    "nav .empty{color:#666;}\n"
    "section{margin-top:40px;}\n"
    ".num{margin:0;font-size:13px;}\n"
    "h2.title{font-size:18px;text-align:center;margin:6px 0;}\n"
    ".meta{display:flex;justify-content:space-between;font-size:13px;"
    "margin:4px 0;}\n"
    ".wrap{overflow-x:auto;}\n"
    "table.t{border-collapse:collapse;margin:0 auto;}\n"
    "table.t th,table.t td{border:1px solid #444;padding:3px 6px;"
    "vertical-align:middle;white-space:pre-line;}\n"
    "table.t td{white-space:nowrap;}\n"
    "table.t th{background:#f2f2f2;font-weight:bold;text-align:center;}\n"
    "table.t td.n{text-align:right;white-space:nowrap;"
    "font-variant-numeric:tabular-nums;}\n"
    "table.t td.long{min-width:16em;max-width:40em;white-space:pre-line;}\n"
    "table.t tr.total td{font-weight:bold;}\n"
    "p.empty{border:1px solid #444;padding:6px;margin:0;}\n"
    "p.note{font-size:13px;margin:4px 0;}\n"
    "@page{size:A4 landscape;margin:12mm;}\n"
    "@media print{body{margin:0;font-size:10pt;}"
    "section{margin-top:0;page-break-before:always;break-before:page;}"
    ".wrap{overflow:visible;}"
    "thead{display:table-header-group;}"
    "tr{page-break-inside:avoid;break-inside:avoid;}"
    "table.t th,table.t td{padding:2px 4px;}"
    "table.wide{font-size:7pt;}"
    "table.wide th,table.wide td{padding:1px 2px;}"
    "table.wide td.long{min-width:8em;}"
    "a{color:inherit;text-decoration:none;}}\n";

/* Writes s escaped for HTML text and attribute values. */
static void esc(FILE *f, const char *s) {
  for (; s && *s; s++) {
    unsigned char c = (unsigned char)*s;
    switch (c) {
    case '&':
      fputs("&amp;", f);
      break;
    case '<':
      fputs("&lt;", f);
      break;
    case '>':
      fputs("&gt;", f);
      break;
    case '"':
      fputs("&quot;", f);
      break;
    case '\'':
      fputs("&#39;", f);
      break;
    case '\r':
      break;
    default:
      if (c < 0x20 && c != '\n' && c != '\t') break;
      if (c == 0x7F) break;
      fputc(c, f);
    }
  }
}

/* Bytes of leading ASCII spaces and U+3000; *width gets their display
 * width. */
static size_t lead_space(const char *s, size_t *width) {
  size_t i = 0, w = 0;
  for (;;) {
    if (s[i] == ' ')
      i += 1, w += 1;
    else if ((unsigned char)s[i] == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
             (unsigned char)s[i + 2] == 0x80)
      i += 3, w += 2;
    else
      break;
  }
  *width = w;
  return i;
}

static void write_table(FILE *f, const ys_table *t) {
  fprintf(f, "<section id=\"");
  esc(f, t->id);
  fputs("\">\n<p class=\"num\">", f);
  esc(f, t->number);
  fputs("</p>\n<h2 class=\"title\">", f);
  esc(f, t->title);
  fputs("</h2>\n<div class=\"meta\"><span>", f);
  esc(f, t->subtitle);
  fprintf(f, "</span><span>单位：%s</span></div>\n", ys_unit_name(t->unit));

  size_t nc = t->ncols;
  fprintf(f, "<div class=\"wrap\"><table class=\"t%s\">\n",
          nc > 12 ? " wide" : "");
  if (t->header_rows > 0 && t->n_header > 0) {
    fputs("<thead>\n", f);
    for (int r = 0; r < t->header_rows; r++) {
      fputs("<tr>", f);
      /* Cells of this header row, left to right. */
      for (size_t col = 0; col < nc; col++)
        for (size_t h = 0; h < t->n_header; h++) {
          const ys_header_cell *hc = &t->header[h];
          if (hc->row != r || hc->col < 0 || (size_t)hc->col != col) continue;
          fputs("<th", f);
          if (hc->row_span > 1) fprintf(f, " rowspan=\"%d\"", hc->row_span);
          if (hc->col_span > 1) fprintf(f, " colspan=\"%d\"", hc->col_span);
          fputs(" scope=\"col\">", f);
          esc(f, hc->text);
          fputs("</th>", f);
        }
      fputs("</tr>\n", f);
    }
    fputs("</thead>\n", f);
  }
  fputs("<tbody>\n", f);
  for (size_t i = 0; i < t->nrows; i++) {
    const ys_row *row = &t->rows[i];
    fprintf(f, "<tr class=\"%s lv%d\">",
            row->kind == YS_ROW_TOTAL   ? "total"
            : row->kind == YS_ROW_GROUP ? "group"
            : row->kind == YS_ROW_TEXT  ? "text"
                                        : "detail",
            row->level);
    for (size_t k = 0; k < nc; k++) {
      const ys_cell *c = &row->cells[k];
      const char *text = c->text ? c->text : "";
      if (c->type == YS_CELL_AMOUNT || c->type == YS_CELL_NUMBER) {
        fputs("<td class=\"n\">", f);
        esc(f, text);
        fputs("</td>", f);
        continue;
      }
      size_t w;
      size_t skip = lead_space(text, &w);
      fputs("<td", f);
      if (ys_text_width(text, strlen(text)) > 40 || strchr(text, '\n'))
        fputs(" class=\"long\"", f);
      if (w) fprintf(f, " style=\"padding-left:%.1fem\"", 0.4 + (double)w / 2);
      fputc('>', f);
      esc(f, text + skip);
      fputs("</td>", f);
    }
    fputs("</tr>\n", f);
  }
  fputs("</tbody>\n</table></div>\n", f);
  if (t->empty && t->empty_note && *t->empty_note) {
    fputs("<p class=\"empty\">空表说明：", f);
    esc(f, t->empty_note);
    fputs("</p>\n", f);
  }
  if (t->note && *t->note) {
    fputs("<p class=\"note\">", f);
    esc(f, t->note);
    fputs("</p>\n", f);
  }
  fputs("</section>\n", f);
}

int ys_render_html(const ys_tables *t, const char *dir, ys_errors *errs) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tables.html", dir);
  FILE *f = fopen(path, "wb");
  if (!f) {
    ys_errors_add(errs, YS_EIO, path, 0, 0, "无法写入文件");
    return YS_EIO;
  }
  char title[512];
  snprintf(title, sizeof title, "%s%d年部门预算公开报表",
           t->dept_name ? t->dept_name : "", t->year);
  fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
        "<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width\">\n"
        "<meta name=\"generator\" content=\"yusuan\">\n<title>",
        f);
  esc(f, title);
  fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", css);
  esc(f, title);
  fputs("</h1>\n<nav>\n<h2>目录</h2>\n<table>\n", f);
  for (size_t i = 0; i < t->n; i++) {
    const ys_table *tb = &t->tables[i];
    fputs("<tr><td>", f);
    esc(f, tb->number);
    fputs("</td><td><a href=\"#", f);
    esc(f, tb->id);
    fputs("\">", f);
    esc(f, tb->title);
    fputs("</a></td><td class=\"empty\">", f);
    if (tb->empty) {
      fputs("空表：", f);
      esc(f, tb->empty_note);
    }
    fputs("</td></tr>\n", f);
  }
  bool narr = t->narrative && *t->narrative;
  if (narr)
    fputs("<tr><td></td><td><a href=\"#narrative\">情况说明</a></td>"
          "<td></td></tr>\n",
          f);
  fputs("</table>\n</nav>\n", f);
  if (narr) {
    /* the narrative before the tables, a paragraph per line */
    fputs("<section id=\"narrative\" class=\"narrative\">\n<h2>情况说明</h2>\n",
          f);
    for (const char *p = t->narrative; *p;) {
      size_t n = strcspn(p, "\n");
      if (n) {
        char *line = strndup(p, n);
        if (line) {
          fputs("<p>", f);
          esc(f, line);
          fputs("</p>\n", f);
          free(line);
        }
      }
      p += n + (p[n] == '\n');
    }
    fputs("</section>\n", f);
  }
  for (size_t i = 0; i < t->n; i++) write_table(f, &t->tables[i]);
  fputs("</body>\n</html>\n", f);
  int bad = ferror(f);
  if (fclose(f) || bad) {
    ys_errors_add(errs, YS_EIO, path, 0, 0, "写入文件失败");
    return YS_EIO;
  }
  return YS_OK;
}
