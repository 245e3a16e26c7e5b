/*
 * dataset_impl.h - what the loader of a dataset (dataset.c) shares with its
 * indexes and lookups (dataset_index.c) and its checks of the whole dataset
 * once every file is read (dataset_validate.c).
 */
#ifndef YUSUAN_DATASET_IMPL_H
#define YUSUAN_DATASET_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "yusuan/catalog.h"
#include "yusuan/dataset.h"
#include "yusuan/error.h"

typedef struct ds_impl {
  ys_dataset pub;                  /* first: a ys_dataset * is a ds_impl * */
  const ys_budget_unit **unit_idx; /* by code, file order within one */
  const ys_project **project_idx;  /* by code, file order within one */
  const ys_fact **fact_idx;        /* by key, file order within one */
  /* The line items sorted by each code a filter narrows by (ties in file
   * order), so the items under a code prefix are one run found by binary
   * search: a cell of a unit's row then costs that unit's items, not all of
   * the department's (compile is linear in the items). by[YS_IDIM_PROJECT]
   * holds only the items of projects (n_by of them). */
  const ys_line_item **by[YS_IDIM_COUNT];
  size_t n_by[YS_IDIM_COUNT];
  const ys_project **proj_by_unit;  /* by unit code, file order within one */
  const ys_target **tgt_by_project; /* by project code, file order within */
  const ys_revenue **rev_by_unit;   /* by unit code, file order within one */
} ds_impl;

typedef struct loader {
  ys_dataset *ds;
  ds_impl *impl;
  ys_arena *a;
  const ys_catalog *cat;
  ys_errors *errs;
  const char *dir;
  int year;    /* 0 when department.csv gave none: catalogue's newest */
  size_t nerr; /* problems found (errs may be NULL, so counted here) */
  int oom;
  int units_ok; /* units.csv was usable: references to it can be checked */
  int projects_ok;
  int projects_absent; /* no projects.csv: say so when an item needs it */
  int rev_amount_col, item_amount_col, fact_value_col; /* 1-based */
  size_t cap_units, cap_rev, cap_items, cap_proj, cap_targets, cap_proc,
      cap_facts;
} loader;

/* A problem of the dataset (it fails the load), with file, line, column. */
void ds_problem(loader *L, const char *file, int line, int col, const char *fmt,
                ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* The facts naming what of a fund's money is not spent this year, as
 * PREFIX.FUND[@UNIT]: 结转下年 (in a 决算 年末结转和结余) and 决算 结余分配.
 * The loader reads them, the balance adds them to the spending. */
enum { DS_N_UNSPENT = 2 };
extern const char *const ds_unspent[DS_N_UNSPENT];

/* A file of the dataset directory (in L's arena). */
const char *ds_join(loader *L, const char *name);

/* Pointers to the records of base[0..n) (each size bytes) whose string
 * field at offset off is set (all of them when keep_null), sorted by it,
 * stable; *m of them. NULL when out of memory (L->oom). */
const void **ds_field_index(loader *L, const void *base, size_t n, size_t size,
                            size_t off, bool keep_null, size_t *m);

/* Builds the indexes of the records by their codes (dataset_index.c);
 * sets L->oom when out of memory. */
void ds_index(loader *L);

/* The checks of the whole dataset, run when every file read clean:
 * facts per unit, the balance of revenues against line items per fund,
 * and the 三公/机关运行 accounts against the items. */
void ds_check_unit_facts(loader *L);
void ds_check_balance(loader *L);
void ds_check_account(loader *L);

#endif
