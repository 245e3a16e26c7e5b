/*
 * arena.c - bump allocation in chunks, one arena per document.
 *
 * Chunks grow geometrically so a document with many small strings costs few
 * mallocs; a request larger than the next chunk gets a chunk of its own. The
 * limit caps what one hostile document can make us allocate.
 */
#include "yusuan/arena.h"
#include "yusuan/error.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct chunk {
  struct chunk *next;
  size_t size, used;
  max_align_t data[]; /* aligned storage */
} chunk;

struct ys_arena {
  chunk *head;
  size_t limit, total;
  size_t next_size;
  bool failed; /* some allocation was refused (see ys_arena_failed) */
};

#define ALIGN (sizeof(max_align_t))

ys_arena *ys_arena_new(size_t limit) {
  ys_arena *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  a->limit = limit;
  a->next_size = 16 * 1024;
  return a;
}

void ys_arena_free(ys_arena *a) {
  if (!a) return;
  chunk *c = a->head;
  while (c) {
    chunk *n = c->next;
    free(c);
    c = n;
  }
  free(a);
}

/* Room for size bytes, not cleared (the callers below fill it). */
static void *alloc_raw(ys_arena *a, size_t size) {
  if (!a) return NULL;
  if (size == 0) size = 1;
  if (size > SIZE_MAX - ALIGN) {
    a->failed = true;
    return NULL;
  }
  size = (size + ALIGN - 1) / ALIGN * ALIGN;
  if (a->limit && (size > a->limit || a->total > a->limit - size)) {
    a->failed = true;
    return NULL;
  }
  chunk *c = a->head;
  if (!c || c->size - c->used < size) {
    size_t cs = a->next_size;
    if (cs < size) cs = size;
    c = malloc(sizeof(chunk) + cs);
    if (!c) {
      a->failed = true;
      return NULL;
    }
    c->size = cs;
    c->used = 0;
    c->next = a->head;
    a->head = c;
    if (a->next_size < 4u * 1024 * 1024) a->next_size *= 2;
  }
  void *p = (char *)c->data + c->used;
  c->used += size;
  a->total += size;
  return p;
}

void *ys_arena_alloc(ys_arena *a, size_t size) {
  void *p = alloc_raw(a, size);
  if (p) memset(p, 0, size ? size : 1);
  return p;
}

char *ys_arena_strndup(ys_arena *a, const char *s, size_t len) {
  if (len == SIZE_MAX) return NULL;
  char *p = alloc_raw(a, len + 1);
  if (!p) return NULL;
  if (len) memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

char *ys_arena_strdup(ys_arena *a, const char *s) {
  return s ? ys_arena_strndup(a, s, strlen(s)) : NULL;
}

char *ys_arena_printf(ys_arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return NULL;
  char *p = alloc_raw(a, (size_t)n + 1);
  if (!p) return NULL;
  va_start(ap, fmt);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}

void *ys_arena_grow(ys_arena *a, void *old, size_t old_count, size_t new_cap,
                    size_t elem_size) {
  if (new_cap && elem_size > SIZE_MAX / new_cap) return NULL;
  void *p = alloc_raw(a, new_cap * elem_size);
  if (!p) return NULL;
  /* the old elements copied, the new room cleared as ys_arena_alloc's */
  size_t keep = !old ? 0 : old_count < new_cap ? old_count : new_cap;
  if (keep) memcpy(p, old, keep * elem_size);
  memset((char *)p + keep * elem_size, 0, (new_cap - keep) * elem_size);
  return p;
}

void *ys_arena_reserve(ys_arena *a, void *v, size_t n, size_t *cap,
                       size_t elem_size) {
  if (v && n < *cap) return v;
  size_t nc = *cap < 4 ? 8 : *cap;
  if (n >= nc) nc = n + 1;
  if (nc > SIZE_MAX / 2) return NULL;
  nc *= 2;
  void *x = ys_arena_grow(a, v, n, nc, elem_size);
  if (x) *cap = nc;
  return x;
}

void ys_arena_fail(ys_arena *a) {
  if (a) a->failed = true;
}

bool ys_arena_failed(const ys_arena *a) {
  return a && a->failed;
}

size_t ys_arena_used(const ys_arena *a) {
  return a ? a->total : 0;
}

int ys_arena_text_put(ys_arena *a, char **buf, int **lineof, size_t *len,
                      size_t *cap, const char *s, size_t n, int line) {
  if (*len + n + 1 > *cap) {
    size_t c = *cap ? *cap * 2 : 4096;
    while (c < *len + n + 1) c *= 2;
    char *b = ys_arena_grow(a, *buf, *len, c, 1);
    int *l = ys_arena_grow(a, *lineof, *len, c, sizeof(int));
    if (!b || !l) return YS_ENOMEM;
    *buf = b;
    *lineof = l;
    *cap = c;
  }
  memcpy(*buf + *len, s, n);
  for (size_t i = 0; i < n; i++) (*lineof)[*len + i] = line;
  *len += n;
  (*buf)[*len] = '\0';
  return YS_OK;
}
