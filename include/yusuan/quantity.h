/*
 * quantity.h - canonical quantities: the vocabulary compile and check share.
 *
 * A quantity is a filter over the dataset: "expenditure of 一般公共预算 on
 * function 210, basic, personnel" is written
 *
 *     exp;fund=gpb;func=210;kind=basic;nature=personnel
 *
 * and has a canonical key (ys_qexpr_key) that is the same wherever the
 * quantity is shown, so every cell of every table that shows it is an
 * observation of one thing. A cell may show a sum or difference of
 * quantities ("exp;... - fact;key=prev.meeting" for a change column).
 *
 * Dimensions (a term's first field is its source: exp, rev or fact):
 *   fund    gpb govfund soc special business operation upper subord reserve
 *           other; fiscal = gpb|govfund|soc; nonreserve = all but reserve
 *   period  cur carry
 *   kind    basic project upper operation subsidy
 *   nature  personnel public
 *   func econ gecon unit   code prefixes (several: func=208|210)
 *   project pcat           project code, project category (exact)
 *   key                    fact keys (source fact), amounts in 元; for
 *                          exp/rev, items the dataset does not model
 *                          (结转下年, 机关运行经费): compared by name only
 *   phase  budget adjusted final   which figure of a year: 年初预算, 调整
 *                          (全年) 预算, 决算; absent = the document's own
 *   year   -1                      the year before the document's (上年)
 * Values in one dimension are alternatives (|); dimensions are conjunctions.
 */
#ifndef YUSUAN_QUANTITY_H
#define YUSUAN_QUANTITY_H

#include "export.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

#define YS_Q_MAXCODES 12
#define YS_Q_MAXTERMS 4

typedef enum ys_qsrc {
  YS_Q_NONE = 0,
  YS_Q_EXP, /* expenditure line items */
  YS_Q_REV, /* revenues */
  YS_Q_FACT /* facts holding amounts */
} ys_qsrc;

typedef struct ys_qcodes {
  int n; /* 0 = any */
  /* a code was refused (more than YS_Q_MAXCODES): the set is not the one
   * meant, and a quantity keyed from it would be another (ys_qexpr_over) */
  bool over;
  const char *v[YS_Q_MAXCODES];
} ys_qcodes;

/* The phase a title or header names: YS_PHASE_FINAL for 决算 / 执行 /
 * 完成 (what was spent), YS_PHASE_BUDGET for 预算 (what was planned; not
 * the 预算 of a budget's name, 一般公共预算支出), 0 neither. Spaces between
 * the characters ("预 算 数") do not matter. */
YS_API int ys_phase_named(const char *s);

typedef struct ys_qfilter {
  ys_qsrc src;
  uint32_t phases;  /* bit (1u << ys_phase); 0 = the document's own */
  int yoff;         /* 0 = the document's year, -1 = the year before */
  uint32_t funds;   /* bit (1u << ys_fund); 0 = any */
  uint32_t periods; /* bit (1u << ys_period); 0 = any */
  uint32_t kinds;   /* bit (1u << ys_exp_kind); 0 = any */
  uint32_t natures; /* bit (1u << ys_nature); 0 = any */
  ys_qcodes func, econ, gecon, unit, project, pcat, key;
  bool none; /* contradictory conjunction: matches nothing */
} ys_qfilter;

typedef struct ys_qexpr {
  int n; /* 0 = no quantity */
  int sign[YS_Q_MAXTERMS];
  ys_qfilter t[YS_Q_MAXTERMS];
} ys_qexpr;

/* Parses "src;dim=v|v;... [+|- src;...]". Strings are copied into a.
 * Returns YS_OK or YS_EINPUT and then, when why is not NULL, *why a
 * Chinese explanation (in a) quoting the part at fault: the one way a
 * parser of one value says what is wrong (ys_money_parse too); the caller
 * puts it in its ys_errors or finding with the file and line. */
YS_API int ys_qexpr_parse(ys_qexpr *out, const char *s, ys_arena *a,
                          const char **why);

/* out = a AND b for every term of e (b must be a single filter). */
YS_API void ys_qexpr_and(ys_qexpr *out, const ys_qexpr *e, const ys_qfilter *b,
                         ys_arena *a);
YS_API void ys_qfilter_and(ys_qfilter *out, const ys_qfilter *x,
                           const ys_qfilter *y, ys_arena *a);

/* Adds one alternative to a code dimension of a filter; when it is full,
 * marks it over instead (the callers that key or evaluate the filter then
 * report YS_ELIMIT: ys_qfilter_over, ys_qexpr_over). */
YS_API void ys_qcodes_add(ys_qcodes *c, const char *code);

/* Has a code set of the filter (of a term of the expression) overflowed? */
YS_API bool ys_qfilter_over(const ys_qfilter *f);
YS_API bool ys_qexpr_over(const ys_qexpr *e);

/* The quantity of a table cell: each term of the column quantity col (a
 * missing one means the table base alone) narrowed by the table base and
 * the row filter. A base never narrows facts (facts only take the row's
 * unit), and a base with a source narrows only terms of that source.
 * Compile and check both call this, so a cell means the same in both. */
YS_API void ys_qexpr_cell(ys_qexpr *out, const ys_qexpr *col,
                          const ys_qfilter *base, const ys_qfilter *row,
                          ys_arena *a);

/* Is every item f selects also selected by whole (f is whole narrowed)?
 * Dimensions whole leaves open are always satisfied; codes by prefix. */
YS_API bool ys_qfilter_within(const ys_qfilter *f, const ys_qfilter *whole);

/* Opens each dimension in which f selects exactly what `vacuous` does (the
 * same set of funds, periods, kinds or natures; the same single unit):
 * the caller knows that narrowing to it there selects everything (a
 * package with no money but 一般公共预算's, a department of one unit).
 * Only filters of vacuous's source are widened (any, when it has none). */
YS_API void ys_qfilter_widen(ys_qfilter *f, const ys_qfilter *vacuous);

/* The canonical key: dimensions in fixed order, values sorted; NULL when
 * out of memory (the arena then records a failure, ys_arena_failed). */
YS_API char *ys_qexpr_key(ys_arena *a, const ys_qexpr *e);
YS_API char *ys_qfilter_key(ys_arena *a, const ys_qfilter *f);
/* The filter written as ys_qexpr_parse reads it ("exp;fund=gpb|soc;
 * econ=30212"), for a quantity found by meaning (a narrative's subject);
 * NULL when out of memory or the filter names no source. */
YS_API char *ys_qfilter_text(ys_arena *a, const ys_qfilter *f);

/* Does a line item / revenue match? (the filter's src must fit; a filter
 * that names no phase selects the dataset's own, ys_dataset.phase) */
YS_API bool ys_qfilter_match_item(const ys_qfilter *f, const ys_dataset *ds,
                                  const ys_line_item *it);
YS_API bool ys_qfilter_match_revenue(const ys_qfilter *f, const ys_dataset *ds,
                                     const ys_revenue *r);

/*
 * The line items a filter selects, without looking at all of them: the
 * candidates are the shortest run of the dataset's item index among the
 * filter's single-code dimensions (unit, func, econ, project), every item
 * when it has none. Order: by that code, file order within one code.
 *
 *   ys_item_iter k;
 *   ys_qfilter_items(&k, f, ds);
 *   for (const ys_line_item *it; (it = ys_item_next(&k));) ...
 */
typedef struct ys_item_iter {
  const ys_qfilter *f;
  const ys_dataset *ds;
  const ys_line_item *const *run; /* NULL: every item of ds */
  size_t i, n;
} ys_item_iter;
YS_API void ys_qfilter_items(ys_item_iter *k, const ys_qfilter *f,
                             const ys_dataset *ds);
YS_API const ys_line_item *ys_item_next(ys_item_iter *k);

/* The value in 分. Facts named in key are looked up as "KEY@UNIT" when the
 * filter names one unit, else as "KEY"; a unit filter on a department with
 * a single unit falls back to "KEY". */
YS_API int64_t ys_qexpr_eval(const ys_qexpr *e, const ys_dataset *ds);
YS_API int64_t ys_qfilter_eval(const ys_qfilter *f, const ys_dataset *ds);

#ifdef __cplusplus
}
#endif
#endif
