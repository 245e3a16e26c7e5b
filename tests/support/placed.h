/*
 * placed.h - the amounts a reading placed, for tests that compare readings
 * (one document in several formats, a compiled package and its PDF).
 */
#ifndef YS_TEST_PLACED_H
#define YS_TEST_PLACED_H

#include <stddef.h>
#include <stdint.h>

#include "yusuan/rawtable.h"
#include "yusuan/tables.h"

/* The amounts of placed rows in amount columns of the tables read by
 * meaning, as printed values in 分 of their printed unit, sorted; *n of
 * them. malloc'd; NULL on OOM. */
int64_t *tc_placed_amounts(const ys_rdoc *d, size_t *n, size_t *tables);

/* The amount cells of compiled tables as displayed, parsed as printed
 * values in 分 (the same measure as tc_placed_amounts), sorted; *n of them.
 * Tables whose title contains skip_title (may be NULL) are left out.
 * malloc'd; NULL on OOM. */
int64_t *tc_table_amounts(const ys_tables *t, const char *skip_title,
                          size_t *n);

/* qsort order of int64_t */
int tc_cmp_i64(const void *a, const void *b);

#endif
