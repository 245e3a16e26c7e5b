/*
 * profile_impl.h - the in-memory form of a profile (internal).
 *
 * profile.c builds these from JSON once; compile.c walks them for every
 * dataset. Quantities are parsed at load time so a malformed profile fails
 * when it is opened, not halfway through a compile.
 */
#ifndef YS_PROFILE_IMPL_H
#define YS_PROFILE_IMPL_H

#include <stdbool.h>

#include "yusuan/catalog.h"
#include "yusuan/profile.h"
#include "yusuan/quantity.h"
#include "yusuan/tables.h"

typedef enum pcol_show {
  PCOL_AMOUNT = 0,
  PCOL_CODE,        /* row code */
  PCOL_NAME,        /* row label, indented by level */
  PCOL_GOV_CODE,    /* government economic 款 of an econ_gov leaf */
  PCOL_GOV_NAME,
  PCOL_BLANK,       /* 备注 and the like */
  PCOL_DESC,        /* project description */
  PCOL_FUNC_LEI,    /* function code split: 类 / 款 / 项 */
  PCOL_FUNC_KUAN,
  PCOL_FUNC_XIANG,
  PCOL_ECON_LEI,
  PCOL_ECON_KUAN,
  PCOL_GECON_LEI,
  PCOL_GECON_KUAN,
  PCOL_UNIT_CODE,
  PCOL_PROC_CATALOG, /* procurement fields */
  PCOL_PROC_SERVICE,
  PCOL_PROC_SPEC,
  PCOL_PROC_QUANTITY,
  PCOL_PROC_TIME,
  PCOL_PROC_AMOUNT
} pcol_show;

#define YS_MAX_SUM_OF 32

typedef struct ys_pcol {
  pcol_show show;
  const char *q_text;
  ys_qexpr q; /* n == 0: the table base alone */
  int sum_of[YS_MAX_SUM_OF]; /* columns whose sum this column is */
  int n_sum_of;
} ys_pcol;

typedef enum prow_kind {
  PROW_FIXED = 0,
  PROW_CLASSES,    /* one row per listed code, named from the catalogue */
  PROW_TREE,       /* code tree of the codes in use */
  PROW_UNITS,      /* department + units */
  PROW_PROJECTS,   /* units > categories > projects */
  PROW_PROCUREMENT /* procurement lines */
} prow_kind;

typedef struct ys_prow {
  prow_kind kind;
  const char *label; /* fixed: text; classes: template with {n} {cn} {name} */
  const char *q_text;
  ys_qexpr q;
  int level;
  bool total;
  bool subset; /* "其中" rows: part of the row above, not a partition */
  ys_cls cls;  /* classes / tree */
  bool econ_gov;
  int depth; /* tree: deepest level shown (func 3 = 项) */
  const char **codes;
  int n_codes;
} ys_prow;

typedef struct ys_ppanel {
  ys_prow *rows;
  size_t n_rows;
  ys_prow *footer;
  size_t n_footer;
} ys_ppanel;

typedef enum playout { LAYOUT_GRID = 0, LAYOUT_PANELS, LAYOUT_TARGETS } playout;

typedef struct ys_ptable {
  const char *id, *number, *title;
  playout layout;
  ys_unit unit;
  int decimals;
  bool has_base;
  ys_qfilter base;
  ys_header_cell *header;
  size_t n_header;
  int header_rows, header_cols;
  ys_pcol *cols;
  size_t ncols;
  ys_prow *rows;
  size_t nrows;
  ys_ppanel *panels;
  size_t npanels;
  const char *empty_note;
  const char *scope;        /* targets: "project" or "department" */
  const char *pcat;         /* targets: only projects of this category */
  const char *exclude_pcat; /* targets: all projects but this category */
} ys_ptable;

struct ys_profile {
  ys_arena *arena;
  const char *name, *title, *source;
  const char *title_prefix;
  const char *indent;
  const char *rounding_note;
  const char *subtitle; /* template, e.g. "部门：{dept_code}-{dept_name}" */
  ys_unit unit;
  int decimals;
  bool thousands;
  ys_ptable *tables;
  size_t n;
};

#endif
