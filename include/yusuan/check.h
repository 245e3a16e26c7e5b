/*
 * check.h - check disclosure tables: observations, identities, verdicts.
 *
 * A checked package is a set of raw tables (rawtable.h) mapped onto a
 * profile. Each amount cell becomes an observation of a quantity, with its
 * printed precision: a printed v with d decimals stands for the interval
 * [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ] (XBRL Calculations 1.1). Identities come from the
 * profile's structure (code trees, 合计 rows, column sums, declared
 * equalities) and from the quantities themselves (the same quantity shown
 * twice must agree). An identity holds when the intervals overlap; a
 * difference within that is 尾数误差 (info), beyond it an error. When
 * identities fail, blame names the single cell whose correction restores the
 * most of them, and the value it should have; when the data cannot tell, the
 * finding lists the cells in conflict and names none.
 */
#ifndef YUSUAN_CHECK_H
#define YUSUAN_CHECK_H

#include "export.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "catalog.h"
#include "doc.h"
#include "error.h"
#include "profile.h"
#include "findings.h"
#include "rawtable.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ys_check_options {
  bool rounding; /* report 尾数误差 as info findings */
  /* the profile the tables are read by (--profile, --profile-file), shared
   * and read-only; NULL: the one the reader fitted the tables to, else the
   * one their titles match best */
  const ys_profile *profile_obj;
  /* the built-in profiles to detect from, opened once for many documents
   * (ys_vocab_profiles); NULL = each is opened per document */
  const ys_profiles *profiles;
  int year; /* 0 = from the document */
} ys_check_options;

/*
 * Checks the tables of one document. The profile is options->profile_obj,
 * else the reader's (ys_rdoc.profile_hint), else detected from the titles.
 * Findings are appended to out. Returns YS_OK, or an error status when the
 * document could not be read as tables at all (then errs says why).
 */
YS_API int ys_check_rdoc(const ys_rdoc *doc, const ys_catalog *cat,
                         const ys_check_options *opt, ys_findings *out,
                         ys_errors *errs);

#ifdef __cplusplus
}
#endif
#endif
