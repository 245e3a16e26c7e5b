/*
 * error.h - errors as values.
 *
 * Nothing in libyusuan prints, aborts or exits on bad input. A function that
 * can fail returns a ys_status and, when the caller passes a ys_errors list,
 * appends one ys_error per problem found, each naming file, line and column
 * (1-based; 0 when not applicable) with a message a finance officer can act
 * on. Loaders keep going after the first problem so that one run reports
 * every mistake in a dataset, up to a cap.
 */
#ifndef YUSUAN_ERROR_H
#define YUSUAN_ERROR_H

#include "export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ys_status {
  YS_OK = 0,
  YS_EINPUT = -1,    /* the input is malformed or inconsistent */
  YS_ENOMEM = -2,    /* out of memory */
  YS_EIO = -3,       /* a file could not be read or written */
  YS_ENOTFOUND = -4, /* a code, table or file does not exist */
  YS_EUSAGE = -5,    /* the caller passed arguments that make no sense */
  YS_ELIMIT = -6     /* a capacity of the library was exceeded: reported,
                        never a silent cut (see quantity.h YS_Q_MAXCODES) */
} ys_status;

/* How much a finding or an error weighs: an error fails the call (or, in a
 * check, the package); a warning and a note do not. */
typedef enum ys_severity {
  YS_SEV_INFO = 0,
  YS_SEV_WARNING = 1,
  YS_SEV_ERROR = 2
} ys_severity;

/* "info" / "warning" / "error" */
YS_API const char *ys_severity_name(ys_severity s);

typedef struct ys_error {
  int code;             /* a ys_status; YS_OK for a warning or a note */
  ys_severity severity; /* YS_SEV_ERROR exactly when code is not YS_OK */
  char file[256];       /* "" when not tied to a file */
  int line;             /* 1-based, 0 = unknown */
  int column;           /* 1-based, 0 = unknown */
  char message[512];    /* Chinese, user-facing */
} ys_error;

/* A growable list of errors. Zero-initialise it ({0}) before first use. */
typedef struct ys_errors {
  ys_error *items;
  size_t count;
  size_t cap;
  size_t dropped; /* errors not stored because the list hit YS_ERRORS_MAX */
} ys_errors;

#define YS_ERRORS_MAX 1000

/* Appends an error; never fails (on OOM the error is counted as dropped).
 * errs may be NULL, in which case nothing is recorded. */
YS_API void ys_errors_add(ys_errors *errs, int code, const char *file, int line,
                          int column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Appends a warning or a note (code YS_OK: it fails nothing), as
 * ys_errors_add. */
YS_API void ys_errors_note(ys_errors *errs, ys_severity sev, const char *file,
                           int line, int column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* At the end of a library call that failed for want of memory: says so
 * ("内存不足：what") unless an error was recorded since `before` (the count
 * at the call's start), so an out-of-memory status never comes without a
 * message. rc is returned. */
YS_API int ys_errors_nomem(ys_errors *errs, size_t before, int rc,
                           const char *what);

YS_API void ys_errors_free(ys_errors *errs);

/* "file:line:column: message" (parts that are unknown are left out). */
YS_API size_t ys_error_format(const ys_error *e, char *buf, size_t n);

/* A short Chinese description of a status code. */
YS_API const char *ys_status_str(int status);

#ifdef __cplusplus
}
#endif
#endif
