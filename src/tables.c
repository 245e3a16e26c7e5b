/*
 * tables.c - the compiled tables as a value (tables.h): what compile.c
 * builds, the renderers draw and the checker reads back.
 */
#include "yusuan/tables.h"

#include <stdlib.h>
#include <string.h>

#include "yusuan/error.h"

int ys_tables_set_narrative(ys_tables *t, const char *text) {
  const char *c = ys_arena_strdup(t->arena, text ? text : "");
  if (!c) return YS_ENOMEM;
  t->narrative = c;
  return YS_OK;
}

void ys_tables_free(ys_tables *t) {
  if (!t) return;
  ys_arena_free(t->arena);
  free(t);
}

const ys_table *ys_tables_find(const ys_tables *t, const char *id) {
  for (size_t i = 0; i < t->n; i++)
    if (strcmp(t->tables[i].id, id) == 0) return &t->tables[i];
  return NULL;
}
