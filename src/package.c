/*
 * package.c - a compiled package written as a whole (package.h).
 */
#include "yusuan/package.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "yusuan/outdir.h"
#include "yusuan/render.h"

typedef struct fmt {
  const char *name;
  unsigned bit;
  int (*render)(const ys_tables *, const char *, ys_errors *);
} fmt;

static const fmt formats_known[] = {
    {"csv", YS_FMT_CSV, ys_render_csv},
    {"json", YS_FMT_JSON, ys_render_json},
    {"xlsx", YS_FMT_XLSX, ys_render_xlsx},
    {"html", YS_FMT_HTML, ys_render_html},
    {"txt", YS_FMT_TXT, ys_render_txt},
    {"pdf", YS_FMT_PDF, ys_render_pdf},
};

enum { NFMT = sizeof formats_known / sizeof formats_known[0] };

int ys_package_formats(const char *list, unsigned *formats, char *bad,
                       size_t badn) {
  *formats = 0;
  if (bad && badn) bad[0] = '\0';
  for (const char *p = list ? list : ""; *p;) {
    size_t n = strcspn(p, ",");
    size_t k = 0;
    while (k < NFMT && !(strlen(formats_known[k].name) == n &&
                         !strncmp(p, formats_known[k].name, n)))
      k++;
    if (k < NFMT) {
      *formats |= formats_known[k].bit;
    } else if (n) {
      if (bad && badn) snprintf(bad, badn, "%.*s", (int)n, p);
      return YS_EUSAGE;
    }
    p += n + (p[n] == ',');
  }
  return *formats ? YS_OK : YS_EUSAGE;
}

int ys_package_write(ys_tables *tables, const char *narrative, const char *dir,
                     unsigned formats, ys_errors *errs) {
  if (!tables || !dir || !(formats & YS_FMT_ALL)) {
    ys_errors_add(errs, YS_EUSAGE, dir ? dir : "", 0, 0,
                  "没有要写出的报表或输出格式");
    return YS_EUSAGE;
  }
  int rc = ys_tables_set_narrative(tables, narrative);
  if (rc) {
    ys_errors_add(errs, rc, dir, 0, 0, "内存不足，无法写出报表");
    return rc;
  }
  ys_outdir od;
  rc = ys_outdir_begin(&od, dir, errs);
  if (rc) return rc;
  for (size_t k = 0; k < NFMT && rc == YS_OK; k++)
    if (formats & formats_known[k].bit)
      rc = formats_known[k].render(tables, od.tmp, errs);
  if (rc == YS_OK && narrative) {
    char path[4300];
    snprintf(path, sizeof path, "%s/narrative.txt", od.tmp);
    FILE *f = fopen(path, "wb");
    bool ok = f && fputs(narrative, f) != EOF;
    if (f && fclose(f)) ok = false;
    if (!ok) {
      ys_errors_add(errs, YS_EIO, path, 0, 0, "无法写入情况说明");
      rc = YS_EIO;
    }
  }
  if (rc) {
    ys_outdir_abort(&od);
    return rc;
  }
  return ys_outdir_commit(&od, errs);
}
