/*
 * profile.h - a province's table set, as declarative data.
 *
 * A profile (data/profiles/NAME.json, documented in docs/profiles.md) lists
 * the tables a province publishes: number, title, unit, decimals, header
 * rows, columns and row generators. Each amount cell is defined by a
 * quantity: a filter over the dataset's line items or revenues (see
 * quantity.h). Adding a province is writing a JSON file, not code.
 */
#ifndef YUSUAN_PROFILE_H
#define YUSUAN_PROFILE_H

#include "export.h"

#include <stddef.h>

#include "dataset.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ys_profile ys_profile;

/* A profile compiled into the library ("shaanxi", ...). */
YS_API int ys_profile_open_builtin(ys_profile **out, const char *name,
                                   ys_errors *errs);
/* A profile read from a JSON file. */
YS_API int ys_profile_open_file(ys_profile **out, const char *path,
                                ys_errors *errs);
YS_API void ys_profile_free(ys_profile *p);

YS_API const char *ys_profile_name(const ys_profile *p);
YS_API const char *ys_profile_title(const ys_profile *p);
/* What the profile's tables publish: YS_PHASE_BUDGET or YS_PHASE_FINAL. */
YS_API ys_phase ys_profile_phase(const ys_profile *p);

/* Writes the names of the built-in profiles ("shaanxi", ...) into out (at
 * most max, each up to 63 bytes); returns how many exist. */
YS_API size_t ys_profile_builtin_list(char (*out)[64], size_t max);

/* Every built-in profile, parsed once and then shared read-only by every
 * document a process reads (detection tries each): v[i] is named by
 * ys_profile_name. YS_OK, YS_ENOMEM, or the error of a profile that does
 * not parse. */
typedef struct ys_profiles {
  ys_profile **v;
  size_t n;
} ys_profiles;
YS_API int ys_profiles_open_builtin(ys_profiles **out, ys_errors *errs);
YS_API void ys_profiles_free(ys_profiles *s);

#ifdef __cplusplus
}
#endif
#endif
