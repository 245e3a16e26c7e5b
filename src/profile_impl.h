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
  PCOL_CODE,     /* row code */
  PCOL_NAME,     /* row label, indented by level */
  PCOL_GOV_CODE, /* government economic 款 of an econ_gov leaf */
  PCOL_GOV_NAME,
  PCOL_BLANK,    /* 备注 and the like */
  PCOL_DESC,     /* project description */
  PCOL_FUNC_LEI, /* function code split: 类 / 款 / 项 */
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
  PCOL_PROC_AMOUNT,
  PCOL_ROWNUM,    /* 序号: 1, 2, ... over the body rows */
  PCOL_TEXT,      /* fixed text with {placeholders}, per row kind */
  PCOL_UNIT_NAME, /* name of the row's unit */
  PCOL_FACT,      /* a fact's value as written (row "key") */
  PCOL_GOAL,      /* project 总体目标 / 年度目标 */
  PCOL_T_LEVEL1,  /* target fields (rows of a "targets" generator) */
  PCOL_T_LEVEL2,
  PCOL_T_NAME,
  PCOL_T_OP,
  PCOL_T_VALUE,
  PCOL_T_UNIT,
  PCOL_T_WEIGHT,
  PCOL_T_DIRECTION,
  PCOL_T_TARGET /* op + value + unit in one cell */
} pcol_show;

#define YS_MAX_SUM_OF 32

/* Row kinds a PCOL_TEXT template can be given for (ys_row_kind order). */
#define YS_PCOL_TEXT_KINDS 4

typedef struct ys_pcol {
  pcol_show show;
  const char *text[YS_PCOL_TEXT_KINDS]; /* PCOL_TEXT: template by row kind */
  const char *empty;  /* target fields: shown instead of an empty value */
  const char *suffix; /* target fields: appended to a non-empty value */
  const char *q_text;
  ys_qexpr q;                /* n == 0: the table base alone */
  int sum_of[YS_MAX_SUM_OF]; /* columns whose sum this column is */
  int n_sum_of;
} ys_pcol;

typedef enum prow_kind {
  PROW_FIXED = 0,
  PROW_CLASSES,     /* one row per listed code, named from the catalogue */
  PROW_TREE,        /* code tree of the codes in use */
  PROW_UNITS,       /* department + units */
  PROW_PROJECTS,    /* units > categories (or function 项) > projects */
  PROW_PROCUREMENT, /* procurement lines */
  PROW_TARGETS      /* projects with their targets, one row per indicator */
} prow_kind;

typedef enum pgroup {
  PGROUP_CATEGORY = 0, /* projects under their category (项目类别) */
  PGROUP_FUNC          /* projects under the function 项 they spend on */
} pgroup;

typedef struct ys_prow {
  prow_kind kind;
  const char *label; /* fixed: text; classes: template with {n} {cn} {name} */
  const char *q_text;
  ys_qexpr q;
  int level;
  bool total;
  bool subset;      /* "其中" rows: part of the row above, not a partition */
  bool alone;       /* compared with its own table only (docs/profiles.md) */
  bool sum_body;    /* panel footer: equals the sum of the top body rows */
  bool sum_footers; /* panel footer: equals the sum of the footers above */
  ys_cls cls;       /* classes / tree */
  bool econ_gov;
  int depth; /* tree: deepest level shown (func 3 = 项) */
  const char **codes;
  int n_codes;
  bool in_use;  /* classes: only the codes line items spend on; fixed: shown
                   only when not zero */
  bool leaves;  /* tree: only the deepest rows, flat */
  pgroup group; /* projects: how they are grouped */
  struct ys_prow *sub; /* units: rows repeated inside every unit */
  size_t n_sub;
  const char *pcat; /* targets: only these categories (a|b) */
  const char *exclude_pcat;
  const char *key; /* fixed: the fact PCOL_FACT columns show */
  ys_qexpr *qs;    /* panels: one quantity per amount column */
  int n_qs;
} ys_prow;

typedef struct ys_ppanel {
  ys_prow *rows;
  size_t n_rows;
  ys_prow *footer;
  size_t n_footer;
  ys_qfilter *amounts; /* one filter per amount column (default: one) */
  int n_amounts;
  bool code; /* a code column before the label (决算 基本支出表: 科目编码) */
} ys_ppanel;

/* Columns of panel p before its label: [序号], the earlier panels, its
 * own code column. */
static inline int ys_ppanel_width(const ys_ppanel *pp) {
  return (pp->code ? 1 : 0) + 1 + (pp->n_amounts > 0 ? pp->n_amounts : 1);
}

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
  const char *subtitle;     /* NULL: the profile's */
  int blank_zero;           /* -1: the profile's */
  bool rownum;              /* panels: a leading 序号 column */
  bool colnums;             /* a 栏次 header row numbering the columns */
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
  bool blank_zero; /* zero amounts print as "" */
  /* what the set publishes: YS_PHASE_BUDGET (部门预算) or YS_PHASE_FINAL
   * (部门决算); only a dataset of that phase is compiled into it */
  ys_phase phase;
  ys_ptable *tables;
  size_t n;
};

/* A table's title as printed titles are matched against it: without
 * {prefix} (部门/单位) and without an opening "{year}年" (上海 titles), which
 * a printed title may leave out. NULL when out of memory. */
const char *ys_ptable_plain_title(const ys_ptable *t, ys_arena *a);

#endif
