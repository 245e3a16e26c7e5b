/*
 * dataset.h - the canonical budget dataset.
 *
 * One department's budget for one year, as a directory of UTF-8 CSV files a
 * finance officer can keep in Excel (docs/dataset.md documents every file
 * and column). Every table and every narrative sentence is a view computed
 * from this data; nothing here is a total that could disagree with its parts.
 *
 * The structs are plain read-only data owned by the dataset's arena: scan
 * them freely, never free or modify them.
 */
#ifndef YUSUAN_DATASET_H
#define YUSUAN_DATASET_H

#include "export.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "catalog.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Revenue source / fund of an amount (资金来源). */
typedef enum ys_fund {
  YS_FUND_NONE = 0,
  YS_FUND_GPB,       /* 一般公共预算拨款 */
  YS_FUND_GOVFUND,   /* 政府性基金预算拨款 */
  YS_FUND_SOC,       /* 国有资本经营预算拨款 */
  YS_FUND_SPECIAL,   /* 财政专户管理资金 */
  YS_FUND_BUSINESS,  /* 事业收入 */
  YS_FUND_OPERATION, /* 事业单位经营收入 */
  YS_FUND_UPPER,     /* 上级补助收入 */
  YS_FUND_SUBORD,    /* 附属单位上缴收入 */
  YS_FUND_RESERVE,   /* 用事业基金弥补收支差额 */
  YS_FUND_OTHER,     /* 其他收入 */
  YS_FUND_COUNT
} ys_fund;

typedef enum ys_period {
  YS_PERIOD_NONE = 0,
  YS_PERIOD_CURRENT, /* 当年 (本年) */
  YS_PERIOD_CARRY    /* 上年结转 */
} ys_period;

/* Which figure of a year an amount is (a 决算 dataset holds its 决算 and,
 * for the same codes, the 年初预算 and 调整预算 it is compared with). */
typedef enum ys_phase {
  YS_PHASE_NONE = 0,
  YS_PHASE_BUDGET,   /* 年初预算 (a 预算 dataset's own) */
  YS_PHASE_ADJUSTED, /* 调整预算 / 全年预算 */
  YS_PHASE_FINAL     /* 决算 */
} ys_phase;
/* What an expenditure is for. */
typedef enum ys_exp_kind {
  YS_KIND_NONE = 0,
  YS_KIND_BASIC,     /* 基本支出 */
  YS_KIND_PROJECT,   /* 项目支出 (陕西: 专项业务经费) */
  YS_KIND_UPPER,     /* 上缴上级支出 */
  YS_KIND_OPERATION, /* 事业单位经营支出 */
  YS_KIND_SUBSIDY    /* 对附属单位补助支出 */
} ys_exp_kind;

typedef enum ys_nature {
  YS_NATURE_NONE = 0,  /* project and other non-basic spending */
  YS_NATURE_PERSONNEL, /* 人员经费 */
  YS_NATURE_PUBLIC     /* 公用经费 */
} ys_nature;

/* A budget unit (预算单位): the department itself or one of the units
 * under it (not a unit of money: that is ys_unit, 元 / 万元). */
typedef struct ys_budget_unit {
  const char *code; /* 单位编码, e.g. "209002" */
  const char *name;
  ys_unit_kind kind;
  int line;
} ys_budget_unit;

typedef struct ys_revenue {
  const char *unit;
  ys_fund fund;
  ys_period period;
  ys_phase phase; /* never NONE: an empty cell is the dataset's phase */
  const char *func; /* function 项 (决算 收入决算表), NULL when not given */
  int64_t amount; /* 分 */
  int line;
} ys_revenue;

typedef struct ys_line_item {
  const char *unit;  /* unit code */
  const char *func;  /* 7-digit function 项 code */
  const char *econ;  /* departmental economic 款 (5 or 7 digits) */
  const char *gecon; /* government economic 款, derived from econ + unit kind */
  const char *project; /* project code, NULL for basic spending */
  ys_fund fund;
  ys_exp_kind kind;
  ys_nature nature;
  ys_period period;
  ys_phase phase; /* never NONE: an empty cell is the dataset's phase */
  int64_t amount; /* 分 */
  int line;
} ys_line_item;

typedef struct ys_project {
  const char *code;
  const char *name;
  const char *unit;
  const char *category; /* e.g. 运转类 / 特定目标类 / 专用项目; may be "" */
  const char *description; /* 项目简介 / 概述; may be "" */
  const char *goal; /* 总体目标 text (lines separated by '\n'); may be "" */
  const char *period_text; /* 实施期限; may be "" */
  const char *manager;     /* 主管部门 / 实施单位; may be "" */
  int line;
} ys_project;

typedef struct ys_target {
  const char *project; /* project code; "" = department-wide (整体) */
  const char
      *level1; /* 一级指标: 产出指标 / 效益指标 / 满意度指标 / 成本指标 */
  const char *level2;    /* 二级指标: 数量指标, 质量指标, ... */
  const char *name;      /* 三级指标 / 指标内容 */
  const char *op;        /* ≥ ≤ = > < or "" for qualitative */
  const char *value;     /* as written: "95", "有效提高", "2023年" */
  const char *unit_text; /* "%", "次", "元/人", "万元"; may be "" */
  int weight;            /* 权重 in percent, -1 = not given */
  const char *direction; /* 正向 / 反向 / ""; may be "" */
  int line;
} ys_target;

typedef struct ys_procurement {
  const char *unit;
  const char *project;   /* 采购项目 */
  const char *catalog;   /* 采购目录 */
  const char *service;   /* 购买服务内容; may be "" */
  const char *spec;      /* 规格型号; may be "" */
  const char *quantity;  /* as written */
  const char *func;      /* function 项 code */
  const char *econ;      /* departmental economic 款 */
  const char *gecon;     /* derived */
  const char *time_text; /* 实施采购时间 */
  int64_t amount;
  int line;
} ys_procurement;

typedef struct ys_fact {
  const char *key;    /* see docs/dataset.md: staff.authorized,
                         sangong.prev.reception, ... */
  const char *value;  /* as written; amounts are in 元 */
  const char *reason; /* 原因 / 说明, may be "" */
  int line;
} ys_fact;

typedef struct ys_dataset {
  const char *dir;
  const char *dept_code;
  const char *dept_name;
  int year;
  const char *profile;      /* default profile, e.g. "shaanxi" */
  const char *title_prefix; /* "部门" or "单位" (陕西 单位综合预算); "" =
                               profile default */
  /* what the dataset is: YS_PHASE_BUDGET (部门预算, the default) or
   * YS_PHASE_FINAL (部门决算); the phase of every amount not marked */
  ys_phase phase;

  ys_budget_unit *units;
  size_t n_units;
  ys_revenue *revenues;
  size_t n_revenues;
  ys_line_item *items;
  size_t n_items;
  ys_project *projects;
  size_t n_projects;
  ys_target *targets;
  size_t n_targets;
  ys_procurement *procurements;
  size_t n_procurements;
  ys_fact *facts;
  size_t n_facts;

  ys_arena *arena;
} ys_dataset;

/*
 * Reads a dataset directory. Every problem found is appended to errs with
 * file, line and column; returns YS_OK only when there is none. Validation
 * covers: required files and columns, amounts, enumerations, codes against
 * the catalogue for the dataset's year (7-digit function 项, economic 款),
 * references (unit, project), and the balance of revenues against line
 * items per unit, fund and period.
 */
YS_API int ys_dataset_load(ys_dataset **out, const char *dir,
                           const ys_catalog *cat, ys_errors *errs);
YS_API void ys_dataset_free(ys_dataset *ds);

/* The codes the line items are indexed by (ys_dataset_items_under). */
typedef enum ys_item_dim {
  YS_IDIM_UNIT,
  YS_IDIM_FUNC,
  YS_IDIM_ECON,
  YS_IDIM_PROJECT,
  YS_IDIM_COUNT
} ys_item_dim;

/*
 * The line items whose code of dimension d starts with code (equals it when
 * exact): a run of *run of the returned length, sorted by that code and in
 * file order within one code. SIZE_MAX (and *run NULL) when there is no
 * index: the caller then looks at every item. Binary search: O(log n).
 */
YS_API size_t ys_dataset_items_under(const ys_dataset *ds, ys_item_dim d,
                                     const char *code, bool exact,
                                     const ys_line_item *const **run);

/* The revenues of the units whose code starts with unit: a run of *run,
 * by unit code; SIZE_MAX when there is no index (look at every revenue). */
YS_API size_t ys_dataset_revenues_under(const ys_dataset *ds, const char *unit,
                                        const ys_revenue *const **run);

/* The projects of one unit, in projects.csv order: a run of *run. */
YS_API size_t ys_dataset_unit_projects(const ys_dataset *ds, const char *unit,
                                       const ys_project *const **run);

/* The targets of one project ("" = the department's), in targets.csv
 * order: a run of *run. */
YS_API size_t ys_dataset_project_targets(const ys_dataset *ds,
                                         const char *project,
                                         const ys_target *const **run);

YS_API const ys_budget_unit *ys_dataset_unit(const ys_dataset *ds,
                                             const char *code);
YS_API const ys_project *ys_dataset_project(const ys_dataset *ds,
                                            const char *code);
YS_API const ys_fact *ys_dataset_fact(const ys_dataset *ds, const char *key);
/* A fact holding an amount in 元, parsed to 分; returns 0 and sets *fen, or
 * -1 when absent, -2 when not a valid amount. */
YS_API int ys_dataset_fact_amount(const ys_dataset *ds, const char *key,
                                  int64_t *fen);

/* Names used in the CSV files and in tables. */
YS_API const char *ys_fund_name(ys_fund f); /* 一般公共预算拨款 ... */
YS_API const char *ys_period_name(ys_period p);     /* 当年 / 上年结转 */
YS_API const char *ys_exp_kind_name(ys_exp_kind k); /* 基本支出 ... */
YS_API const char *ys_nature_name(ys_nature n); /* 人员经费 / 公用经费 / "" */
/* The English id of a fund, as in quantity keys: "gpb", "govfund", "soc",
 * "special", "business", "operation", "upper", "subord", "reserve",
 * "other"; "" for YS_FUND_NONE. ys_fund_parse accepts these too. */
YS_API const char *ys_fund_id(ys_fund f);
/* Parse the names above (and their documented short forms); 0 = unknown. */
YS_API ys_fund ys_fund_parse(const char *s);
YS_API ys_period ys_period_parse(const char *s);
YS_API ys_exp_kind ys_exp_kind_parse(const char *s);
YS_API ys_nature ys_nature_parse(const char *s);
/* 预算/年初预算, 调整预算/全年预算, 决算 (and budget, adjusted, final) */
YS_API ys_phase ys_phase_parse(const char *s);

#ifdef __cplusplus
}
#endif
#endif
