/*
 * arena.h - a bump allocator, one per document.
 *
 * Everything read from one dataset or one published package lives in that
 * document's arena and is released at once with ys_arena_free. This bounds
 * per-document memory, makes ownership obvious (arena memory is never freed
 * piecemeal) and lets many documents be processed in parallel with no shared
 * allocator state.
 */
#ifndef YUSUAN_ARENA_H
#define YUSUAN_ARENA_H

#include "export.h"

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ys_arena ys_arena;

/* limit: the most bytes this arena may hand out (0 = no limit). */
YS_API ys_arena *ys_arena_new(size_t limit);
YS_API void ys_arena_free(ys_arena *a);

/* Zeroed, aligned for any type. NULL when out of memory or over the limit. */
YS_API void *ys_arena_alloc(ys_arena *a, size_t size);
/* Copies len bytes and adds a NUL. */
YS_API char *ys_arena_strndup(ys_arena *a, const char *s, size_t len);
YS_API char *ys_arena_strdup(ys_arena *a, const char *s);
YS_API char *ys_arena_printf(ys_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Grows an array held in the arena: returns a copy with room for new_cap
 * elements (the old block is simply abandoned inside the arena). */
YS_API void *ys_arena_grow(ys_arena *a, void *old, size_t old_count,
                           size_t new_cap, size_t elem_size);
/* Room for one more element in an array held in the arena: returns v
 * itself while n < *cap, else a copy with twice the room (*cap updated,
 * at least 8), NULL when out of memory or over the limit (v is then left
 * as it was). The one way arrays grow in the library:
 *     T *x = ys_arena_reserve(a, v, n, &cap, sizeof *v);
 *     if (!x) return YS_ENOMEM;
 *     v = x; v[n++] = item; */
YS_API void *ys_arena_reserve(ys_arena *a, void *v, size_t n, size_t *cap,
                              size_t elem_size);
YS_API size_t ys_arena_used(const ys_arena *a);
/* Has any allocation of the arena been refused (out of memory, or its
 * limit)? A sticky flag, so that code building a structure from many
 * small allocations can check once at the end that none was lost. */
YS_API bool ys_arena_failed(const ys_arena *a);

/* Records a failure to make something the arena was to hold (a string
 * built outside it first): ys_arena_failed is then true, as if the arena
 * had refused it. */
YS_API void ys_arena_fail(ys_arena *a);

/* Appends n bytes of text to a growing buffer (NUL-terminated) and, for
 * each byte, the source line it came from: the paragraph buffers of the
 * narrative readers. YS_OK or YS_ENOMEM. */
YS_API int ys_arena_text_put(ys_arena *a, char **buf, int **lineof, size_t *len,
                             size_t *cap, const char *s, size_t n, int line);

#ifdef __cplusplus
}
#endif
#endif
