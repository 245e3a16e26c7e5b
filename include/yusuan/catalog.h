/*
 * catalog.h - the government revenue and expenditure classification
 * (政府收支分类科目): functional classification, departmental economic
 * classification, government economic classification, and the mapping from
 * departmental 款 to government 款 by unit kind.
 *
 * The catalogue is data (data/catalog/ CSV files, compiled into the library and
 * overridable with a directory). Names carry validity years, so the same
 * code can have several entries: 210 was 医疗卫生与计划生育支出 until 2018
 * and is 卫生健康支出 from 2019.
 */
#ifndef YUSUAN_CATALOG_H
#define YUSUAN_CATALOG_H

#include "export.h"

#include <stddef.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ys_cls {
  YS_CLS_FUNC = 0, /* 支出功能分类: 类 3, 款 5, 项 7 digits */
  YS_CLS_ECON_DEPT =
      1, /* 部门预算支出经济分类: 类 3, 款 5 (7 in some provinces) */
  YS_CLS_ECON_GOV = 2 /* 政府预算支出经济分类: 类 3, 款 5 */
} ys_cls;

typedef enum ys_unit_kind {
  YS_UNIT_KIND_NONE = 0,
  YS_UNIT_KIND_ADMIN = 1, /* 行政单位 (incl. 参公) */
  YS_UNIT_KIND_INST = 2   /* 事业单位 */
} ys_unit_kind;

typedef struct ys_cat_entry {
  ys_cls cls;
  const char *code;
  const char *name;
  int level;      /* 1 类, 2 款, 3 项 (econ: 3 = provincial sub-款) */
  int valid_from; /* first year the name is valid; 0 = since ever */
  int valid_to;   /* last year the name is valid; 0 = still valid */
  const char *source;
} ys_cat_entry;

typedef struct ys_catalog ys_catalog;

/* The catalogue compiled into the library. */
YS_API int ys_catalog_open_builtin(ys_catalog **out, ys_errors *errs);
/* A catalogue read from a directory holding function.csv, econ_dept.csv,
 * econ_gov.csv and econ_map.csv (see docs/catalog.md). */
YS_API int ys_catalog_open_dir(ys_catalog **out, const char *dir,
                               ys_errors *errs);
YS_API void ys_catalog_free(ys_catalog *cat);

/* Level implied by a code's length: 1, 2 or 3, or 0 if the length is not a
 * valid one for the classification. */
YS_API int ys_catalog_code_level(ys_cls cls, const char *code);

/* The entry for code valid in year (year 0: the newest entry). NULL when the
 * code is unknown or has no entry valid in that year. */
YS_API const ys_cat_entry *ys_catalog_lookup(const ys_catalog *cat, ys_cls cls,
                                             const char *code, int year);

/* Every entry of a code across years, oldest first; returns how many exist
 * (writes at most max). */
YS_API size_t ys_catalog_versions(const ys_catalog *cat, ys_cls cls,
                                  const char *code, const ys_cat_entry **out,
                                  size_t max);

/* The parent entry (类 of a 款, 款 of a 项) valid in year, or NULL. */
YS_API const ys_cat_entry *ys_catalog_parent(const ys_catalog *cat,
                                             const ys_cat_entry *e, int year);

/* Children valid in year, in code order; parent_code NULL lists every 类.
 * Returns how many exist (writes at most max). */
YS_API size_t ys_catalog_children(const ys_catalog *cat, ys_cls cls,
                                  const char *parent_code, int year,
                                  const ys_cat_entry **out, size_t max);

/*
 * Finds the entry whose name matches a printed name, tolerant of full-width
 * versus half-width forms, spaces and line breaks. parent_code (may be NULL)
 * restricts the search to its children. Names valid in year are preferred;
 * if only an entry of another year matches, that entry is returned (so the
 * caller can report an obsolete name). NULL when nothing matches.
 */
YS_API const ys_cat_entry *
ys_catalog_match_name(const ys_catalog *cat, ys_cls cls, const char *name,
                      size_t len, const char *parent_code, int year);

/* The government economic 款 a departmental economic code maps to for a unit
 * kind (longer codes map through their 款). NULL when there is no mapping. */
YS_API const char *ys_catalog_gov_map(const ys_catalog *cat,
                                      const char *dept_code, ys_unit_kind kind,
                                      int year);

/* "行政" / "事业" */
YS_API const char *ys_unit_kind_name(ys_unit_kind kind);

#ifdef __cplusplus
}
#endif
#endif
