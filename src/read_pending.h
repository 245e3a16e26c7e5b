/*
 * read_pending.h - the narrative a reading leaves to read later (read.c):
 * of two readings of one document only the one kept reads its claims
 * (internal).
 */
#ifndef YS_READ_PENDING_H
#define YS_READ_PENDING_H

#include <stdbool.h>
#include <stddef.h>

#include "tline.h"
#include "yusuan/catalog.h"
#include "yusuan/rawtable.h"
#include "yusuan/vocab.h"

/* Keeps lines [0, n) (copied into d's arena) as d's pending narrative;
 * false when out of memory. */
bool ys_rdoc_keep_pending(ys_rdoc *d, const ys_tline *lines, size_t n);

/* Reads the claims of d's pending narrative (if any) and forgets it. */
int ys_rdoc_read_pending(ys_rdoc *d, const ys_vocab *v, const ys_catalog *cat);

#endif
