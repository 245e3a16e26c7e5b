/*
 * explain.h - the narrative (情况说明) written from the dataset.
 *
 * A disclosure package explains its tables in prose: totals, shares,
 * changes against last year with their reasons, the 三公 expenses, assets,
 * performance targets and a glossary. Every figure in that prose is a view
 * of the dataset, so yusuan writes it instead of a person retyping numbers
 * (the seeds show what retyping does: 233.31 for 238.31, 23.515 万元).
 *
 * The sections, their order and their wording follow the published packages
 * of each table family (docs: shared/seeds): shaanxi (西乡 2023, 府谷 2024),
 * sichuan (苍溪 2023), hebei (平乡 2022), and mof, a national default after
 * the 中央部门 template. Sentences keep the canonical forms a reader (and
 * the claims extractor) expects: "名称（编码）X 万元", "较上年增加 Z 万元，
 * 增长 w%", "占 p%". Amounts are 万元 with two decimals, rounded half up.
 *
 * Nothing is invented: a change without a reason fact is written without a
 * reason, and the missing fact is reported as a warning (an entry with code
 * YS_OK naming the fact key to add). Purposes of function codes and the
 * glossary are data (the CSV files of data/narrative/), not code.
 */
#ifndef YUSUAN_EXPLAIN_H
#define YUSUAN_EXPLAIN_H

#include "export.h"

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "dataset.h"
#include "profile.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ys_explain_format {
  YS_EXPLAIN_TXT = 0, /* plain text, one heading or paragraph per line */
  YS_EXPLAIN_MD = 1,  /* Markdown: headings with #, blank-line paragraphs */
  YS_EXPLAIN_HTML = 2 /* one self-contained UTF-8 HTML page */
} ys_explain_format;

/*
 * Writes the narrative of ds in the table family of profile (陕西, 四川,
 * 河北 and 上海 have their own; any other: the national default; NULL: the
 * family of the dataset's own profile name). *out receives a malloc'd
 * NUL-terminated string the caller frees with free(). Warnings (missing
 * reasons, missing last-year figures) are appended to errs with code
 * YS_OK. Returns YS_OK, YS_EUSAGE (NULL arguments), YS_ENOMEM, or
 * YS_EINPUT if the embedded narrative data is damaged.
 */
YS_API int ys_explain(char **out, const ys_dataset *ds, const ys_catalog *cat,
                      const ys_profile *profile, ys_explain_format fmt,
                      ys_errors *errs);

/* "txt" / "md" / "html" → format; returns 0, or -1 for an unknown name. */
YS_API int ys_explain_format_parse(const char *s, ys_explain_format *out);

/*
 * Shares of a whole in basis points (1/100 of a percent) by the largest
 * remainder method, in exact integer arithmetic: the whole is the sum of the
 * parts, each share is floor(part × 10000 / whole), and the basis points
 * still missing to 10000 go one each to the parts with the largest
 * remainders (ties: the earlier part). So the printed shares add up to
 * exactly 100.00%. Returns 0, or -1 when a part is negative, the whole is
 * not positive or too large (bp untouched then).
 *
 * The narrative applies it to the parts as printed (万元, two decimals), so
 * that dividing the printed figures gives the printed shares: 49.98 of
 * 3688.46 is 1.36%, not the 1.35% of the unrounded 49.9756.
 */
YS_API int ys_shares_bp(const int64_t *parts, size_t n, int32_t *bp);

/*
 * The rate |delta| / base in basis points, rounded half up, in exact integer
 * arithmetic (no floating point). Returns 0, or -1 when base <= 0 (a zero
 * base has no growth rate) or the rate does not fit.
 */
YS_API int ys_rate_bp(int64_t delta, int64_t base, int64_t *bp);

/* Formats basis points as a percentage with two decimals: 2145 → "21.45%".
 * Like snprintf: returns the length the full text needs. */
YS_API size_t ys_bp_format(char *buf, size_t n, int64_t bp);

/*
 * The change of cur against prev (both in 分), in the canonical wording:
 * "较上年增加 102.58 万元，增长 75.57%", "较上年减少 0.20 万元，下降
 * 100.00%", "与上年持平"; a zero (or negative) base gets no rate
 * ("较上年增加 0.07 万元"). The change and the rate are exact (cur − prev,
 * then rounded half up); the word follows the sign of the change as
 * printed, so a change below 0.005 万元 is 持平. Like snprintf.
 */
YS_API size_t ys_explain_change(char *buf, size_t n, int64_t cur, int64_t prev);

#ifdef __cplusplus
}
#endif
#endif
