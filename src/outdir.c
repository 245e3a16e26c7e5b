/*
 * outdir.c - atomic output directories and files (POSIX rename).
 */
#include "yusuan/outdir.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void rm_tree(const char *path) {
  DIR *d = opendir(path);
  if (d) {
    struct dirent *e;
    while ((e = readdir(d))) {
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
      char sub[4096];
      snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
      struct stat st;
      if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
        rm_tree(sub);
      else
        unlink(sub);
    }
    closedir(d);
  }
  rmdir(path);
}

/* Creates the parent directories of path (like mkdir -p of dirname). */
static int mkparents(const char *path) {
  char buf[4096];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(buf, 0777) && errno != EEXIST) return -1;
    *p = '/';
  }
  return 0;
}

int ys_outdir_begin(ys_outdir *o, const char *target, ys_errors *errs) {
  memset(o, 0, sizeof *o);
  size_t len = strlen(target);
  while (len > 1 && target[len - 1] == '/') len--;
  if (len == 0 || len >= sizeof o->target - 64) {
    ys_errors_add(errs, YS_EUSAGE, target, 0, 0, "输出目录名无效");
    return YS_EUSAGE;
  }
  memcpy(o->target, target, len);
  o->target[len] = '\0';
  if (mkparents(o->target)) {
    ys_errors_add(errs, YS_EIO, o->target, 0, 0, "无法创建上级目录：%s",
                  strerror(errno));
    return YS_EIO;
  }
  snprintf(o->tmp, sizeof o->tmp, "%s.tmp-XXXXXX", o->target);
  if (!mkdtemp(o->tmp)) {
    ys_errors_add(errs, YS_EIO, o->target, 0, 0, "无法创建临时目录：%s",
                  strerror(errno));
    o->tmp[0] = '\0';
    return YS_EIO;
  }
  chmod(o->tmp, 0755);
  return YS_OK;
}

int ys_outdir_commit(ys_outdir *o, ys_errors *errs) {
  struct stat st;
  char old[4300] = "";
  if (stat(o->target, &st) == 0) {
    if (!S_ISDIR(st.st_mode)) {
      ys_errors_add(errs, YS_EIO, o->target, 0, 0, "输出路径已存在且不是目录");
      ys_outdir_abort(o);
      return YS_EIO;
    }
    snprintf(old, sizeof old, "%s.old-%ld", o->target, (long)getpid());
    if (rename(o->target, old)) {
      ys_errors_add(errs, YS_EIO, o->target, 0, 0, "无法替换旧的输出目录：%s",
                    strerror(errno));
      ys_outdir_abort(o);
      return YS_EIO;
    }
  }
  if (rename(o->tmp, o->target)) {
    ys_errors_add(errs, YS_EIO, o->target, 0, 0, "无法完成输出：%s",
                  strerror(errno));
    if (old[0]) rename(old, o->target);
    ys_outdir_abort(o);
    return YS_EIO;
  }
  o->tmp[0] = '\0';
  if (old[0]) rm_tree(old);
  return YS_OK;
}

void ys_outdir_abort(ys_outdir *o) {
  if (o->tmp[0]) rm_tree(o->tmp);
  o->tmp[0] = '\0';
}

int ys_write_file_atomic(const char *path, const char *data, size_t len,
                         ys_errors *errs) {
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
  FILE *f = fopen(tmp, "wb");
  if (!f) {
    ys_errors_add(errs, YS_EIO, path, 0, 0, "无法写入文件：%s",
                  strerror(errno));
    return YS_EIO;
  }
  size_t w = fwrite(data, 1, len, f);
  int bad = fclose(f);
  if (w != len || bad || rename(tmp, path)) {
    unlink(tmp);
    ys_errors_add(errs, YS_EIO, path, 0, 0, "写入文件失败");
    return YS_EIO;
  }
  return YS_OK;
}
