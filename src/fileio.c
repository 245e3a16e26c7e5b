/*
 * fileio.c - read a whole file with a cap: the readers of tables.json,
 * profiles and published text all need the whole document in memory, and
 * none may let a hostile file make us allocate without bound.
 */
#include "fileio.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int ys_read_file(const char *path, size_t max, char **buf, size_t *len,
                 ys_errors *errs) {
  *buf = NULL;
  *len = 0;
  /* A FIFO or a device would block or never end: only regular files are
   * documents. (stat, not fstat after open: opening a FIFO blocks.) */
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    ys_errors_add(errs, YS_EINPUT, path, 0, 0,
                  S_ISDIR(st.st_mode)
                      ? "这是一个目录，不是文件"
                      : "不是普通文件（管道、设备等不能作为输入）");
    return YS_EINPUT;
  }
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    ys_errors_add(errs, YS_EIO, path, 0, 0, "无法打开文件");
    return YS_EIO;
  }
  size_t cap = 64 * 1024, n = 0;
  char *b = malloc(cap);
  for (;;) {
    if (!b) {
      fclose(fp);
      return YS_ENOMEM;
    }
    n += fread(b + n, 1, cap - n - 1, fp);
    if (n < cap - 1) break; /* end of file (or an error, below) */
    if (n > max) break;
    char *nb = realloc(b, cap * 2);
    if (!nb) free(b);
    b = nb;
    cap *= 2;
  }
  int bad = ferror(fp);
  fclose(fp);
  if (bad) {
    free(b);
    ys_errors_add(errs, YS_EIO, path, 0, 0, "读取文件失败");
    return YS_EIO;
  }
  if (n > max) {
    free(b);
    ys_errors_add(errs, YS_EINPUT, path, 0, 0, "文件过大（超过 %zu MiB）",
                  max >> 20);
    return YS_EINPUT;
  }
  b[n] = '\0';
  *buf = b;
  *len = n;
  return YS_OK;
}
