/*
 * fileio.h - whole files read with a size cap (internal).
 */
#ifndef YS_FILEIO_H
#define YS_FILEIO_H

#include <stddef.h>

#include "yusuan/error.h"

/*
 * Reads the file at path into *buf (malloc'd, NUL-terminated, the caller
 * frees it) and its length into *len. The buffer grows with what is read,
 * so a small file costs little; a file over max bytes is refused as input
 * rather than read. Returns YS_OK, YS_EIO (cannot open or read), YS_EINPUT
 * (too large) or YS_ENOMEM, with a message naming path in errs.
 */
int ys_read_file(const char *path, size_t max, char **buf, size_t *len,
                 ys_errors *errs);

#endif
