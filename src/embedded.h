/*
 * embedded.h - data files compiled into the library (see cmake/embed.cmake).
 * Paths are relative to data/: "catalog/function.csv", "profiles/shaanxi.json".
 */
#ifndef YS_EMBEDDED_H
#define YS_EMBEDDED_H

#include <stddef.h>

typedef struct ys_embedded_file {
  const char *path;
  const char *data; /* NUL-terminated; size excludes the NUL */
  size_t size;
} ys_embedded_file;

extern const ys_embedded_file ys_embedded_files[];

/* The embedded file at path, or NULL. */
const ys_embedded_file *ys_embedded_find(const char *path);

#endif
