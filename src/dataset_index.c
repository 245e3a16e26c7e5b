/*
 * dataset_index.c - a loaded dataset's records found by their codes: one
 * index per field (records sorted by it, stable), binary search for a
 * code or a prefix. Built once when the dataset is loaded (dataset.c).
 */
#include <stdlib.h>
#include <string.h>

#include "dataset_impl.h"
#include "yusuan/money.h"

/* ---------------------------------------------------------------------- */
/* Lookups                                                                */

/* Leftmost entry of a sorted index whose string field (at offset off in
 * each record) equals key, so the first definition wins; NULL if none. */
static size_t field_run(const void *const *v, size_t n, size_t off,
                        const char *key, bool exact, const void *const **run);

static const void *index_find(const void *const *idx, size_t n, size_t off,
                              const char *key) {
  if (!idx || !key) return NULL;
  const void *const *run;
  return field_run(idx, n, off, key, true, &run) ? run[0] : NULL;
}

const ys_budget_unit *ys_dataset_unit(const ys_dataset *ds, const char *code) {
  if (!ds) return NULL;
  const ds_impl *im = (const ds_impl *)ds;
  return index_find((const void *const *)im->unit_idx, ds->n_units,
                    offsetof(ys_budget_unit, code), code);
}

const ys_project *ys_dataset_project(const ys_dataset *ds, const char *code) {
  if (!ds) return NULL;
  const ds_impl *im = (const ds_impl *)ds;
  return index_find((const void *const *)im->project_idx, ds->n_projects,
                    offsetof(ys_project, code), code);
}

const ys_fact *ys_dataset_fact(const ys_dataset *ds, const char *key) {
  if (!ds) return NULL;
  const ds_impl *im = (const ds_impl *)ds;
  return index_find((const void *const *)im->fact_idx, ds->n_facts,
                    offsetof(ys_fact, key), key);
}

/* --- indexes by a code ------------------------------------------------ */

/* An index is an array of pointers to records sorted by one string field
 * (at byte offset off of each record; NULL sorts as ""), in file order
 * within one value: the records under a code are then one run, found by
 * binary search. One merge sort serves every index: qsort's comparator
 * could not be told the field without global state. */
static const char *field(const void *rec, size_t off) {
  const char *s = *(const char *const *)((const char *)rec + off);
  return s ? s : "";
}

static void sort_by_field(const void **v, const void **tmp, size_t n,
                          size_t off) {
  if (n < 2) return;
  size_t h = n / 2;
  sort_by_field(v, tmp, h, off);
  sort_by_field(v + h, tmp, n - h, off);
  size_t i = 0, j = h, k = 0;
  while (i < h && j < n)
    tmp[k++] = strcmp(field(v[j], off), field(v[i], off)) < 0 ? v[j++] : v[i++];
  while (i < h) tmp[k++] = v[i++];
  while (j < n) tmp[k++] = v[j++];
  memcpy(v, tmp, n * sizeof *v);
}

/* Pointers to the records of base[0..n) (each size bytes) whose field is
 * set (all of them when keep_null), sorted; *m of them. */
const void **ds_field_index(loader *L, const void *base, size_t n, size_t size,
                            size_t off, bool keep_null, size_t *m) {
  *m = 0;
  const void **v = ys_arena_alloc(L->a, (n + 1) * sizeof *v);
  const void **tmp = malloc((n + 1) * sizeof *tmp); /* the merge's */
  if (!v || !tmp) {
    free(tmp);
    L->oom = 1;
    return NULL;
  }
  for (size_t i = 0; i < n; i++) {
    const void *rec = (const char *)base + i * size;
    if (keep_null || *(const char *const *)((const char *)rec + off))
      v[(*m)++] = rec;
  }
  sort_by_field(v, tmp, *m, off);
  free(tmp);
  return v;
}

/* The run of an index whose field starts with key (equals it when exact):
 * its start in *run, its length returned. */
static size_t field_run(const void *const *v, size_t n, size_t off,
                        const char *key, bool exact, const void *const **run) {
  size_t len = strlen(key), lo = 0, hi = n;
  while (lo < hi) { /* the first value >= key */
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(field(v[mid], off), key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t b = lo;
  hi = n;
  while (lo < hi) { /* the first value past those starting with key */
    size_t mid = lo + (hi - lo) / 2;
    const char *c = field(v[mid], off);
    if ((exact ? strcmp(c, key) : strncmp(c, key, len)) <= 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  *run = v + b;
  return lo - b;
}

static const size_t item_off[YS_IDIM_COUNT] = {
    offsetof(ys_line_item, unit), offsetof(ys_line_item, func),
    offsetof(ys_line_item, econ), offsetof(ys_line_item, project)};

/* The indexes compile and the narrative read through: items by each code
 * a filter narrows by (a cell of a unit's row then costs that unit's
 * items, not the department's), revenues and projects by unit, targets by
 * project. */
void ds_index(loader *L) {
  ys_dataset *ds = L->ds;
  ds_impl *im = L->impl;
  for (int d = 0; d < YS_IDIM_COUNT && !L->oom; d++)
    im->by[d] = (const ys_line_item **)ds_field_index(
        L, ds->items, ds->n_items, sizeof *ds->items, item_off[d], false,
        &im->n_by[d]);
  size_t m;
  if (!L->oom)
    im->rev_by_unit = (const ys_revenue **)ds_field_index(
        L, ds->revenues, ds->n_revenues, sizeof *ds->revenues,
        offsetof(ys_revenue, unit), true, &m);
  if (!L->oom)
    im->tgt_by_project = (const ys_target **)ds_field_index(
        L, ds->targets, ds->n_targets, sizeof *ds->targets,
        offsetof(ys_target, project), true, &m);
  if (!L->oom)
    im->proj_by_unit = (const ys_project **)ds_field_index(
        L, ds->projects, ds->n_projects, sizeof *ds->projects,
        offsetof(ys_project, unit), true, &m);
}

size_t ys_dataset_unit_projects(const ys_dataset *ds, const char *unit,
                                const ys_project *const **run) {
  *run = NULL;
  const ds_impl *im = (const ds_impl *)ds;
  if (!ds || !unit || !im->proj_by_unit) return 0;
  return field_run((const void *const *)im->proj_by_unit, ds->n_projects,
                   offsetof(ys_project, unit), unit, true,
                   (const void *const **)run);
}

size_t ys_dataset_revenues_under(const ys_dataset *ds, const char *unit,
                                 const ys_revenue *const **run) {
  *run = NULL;
  const ds_impl *im = (const ds_impl *)ds;
  if (!ds || !unit || !im->rev_by_unit) return SIZE_MAX;
  return field_run((const void *const *)im->rev_by_unit, ds->n_revenues,
                   offsetof(ys_revenue, unit), unit, false,
                   (const void *const **)run);
}

size_t ys_dataset_project_targets(const ys_dataset *ds, const char *project,
                                  const ys_target *const **run) {
  *run = NULL;
  const ds_impl *im = (const ds_impl *)ds;
  if (!ds || !project || !im->tgt_by_project) return 0;
  return field_run((const void *const *)im->tgt_by_project, ds->n_targets,
                   offsetof(ys_target, project), project, true,
                   (const void *const **)run);
}

size_t ys_dataset_items_under(const ys_dataset *ds, ys_item_dim d,
                              const char *code, bool exact,
                              const ys_line_item *const **run) {
  *run = NULL;
  const ds_impl *im = (const ds_impl *)ds;
  if (!ds || !code || d < 0 || d >= YS_IDIM_COUNT || !im->by[d])
    return SIZE_MAX;
  return field_run((const void *const *)im->by[d], im->n_by[d], item_off[d],
                   code, exact, (const void *const **)run);
}

int ys_dataset_fact_amount(const ys_dataset *ds, const char *key,
                           int64_t *fen) {
  const ys_fact *f = ys_dataset_fact(ds, key);
  if (!f) return -1;
  ys_amount amt;
  if (ys_money_parse(&amt, f->value, strlen(f->value), YS_UNIT_YUAN, NULL) !=
          YS_OK ||
      amt.empty)
    return -2;
  if (fen) *fen = amt.fen;
  return 0;
}
