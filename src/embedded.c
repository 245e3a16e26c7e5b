/*
 * embedded.c - lookup in the table of data files compiled into the library.
 */
#include "embedded.h"

#include <string.h>

const ys_embedded_file *ys_embedded_find(const char *path) {
  for (const ys_embedded_file *f = ys_embedded_files; f->path; f++)
    if (strcmp(f->path, path) == 0) return f;
  return NULL;
}
