/*
 * compile.h - dataset + profile → tables.
 *
 * Every amount cell is the exact sum of the line items (or revenues, or
 * facts) its quantity selects, so the tables agree with each other by
 * construction. compile verifies that: an identity the profile implies (a
 * 合计 and its parts, a class and its 款) that fails on exact values means
 * the dataset holds spending the table set cannot show, and compile refuses
 * with an error naming the table and row. An identity that fails only on the
 * displayed (rounded) values gets the profile's 尾数误差 note.
 */
#ifndef YUSUAN_COMPILE_H
#define YUSUAN_COMPILE_H

#include "export.h"

#include "catalog.h"
#include "dataset.h"
#include "error.h"
#include "profile.h"
#include "tables.h"

#ifdef __cplusplus
extern "C" {
#endif

YS_API int ys_compile(ys_tables **out, const ys_dataset *ds,
                      const ys_profile *p, const ys_catalog *cat,
                      ys_errors *errs);

/* Runs the checker over compiled tables (as displayed): tables whose
 * printed identities differ only by rounding get the profile's 尾数误差
 * note; an error the checker finds is appended to errs as a warning (code
 * YS_OK), since it means compile let a contradiction through. ys_compile
 * calls this itself. */
YS_API int ys_tables_verify(ys_tables *t, const ys_profile *p,
                            const ys_catalog *cat, ys_errors *errs);

#ifdef __cplusplus
}
#endif
#endif
