#!/bin/sh
# SPDX-License-Identifier: AGPL-3.0-or-later
# The library's interface is what include/yusuan/ declares YS_API, no more
# and no less: every symbol the built archive exports (default
# visibility) is such a declaration, and every declaration is exported.
# The helpers src/ files share among themselves (ck_*, ys_csv_*, …) are
# built hidden (export.h). Names a compiler makes (__odr_asan.x under
# ASan) are not the library's.
#
# Usage: tests/exports.sh LIBYUSUAN.a INCLUDE_DIR
set -eu
lib=$1
inc=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
readelf -sW "$lib" |
  awk '$5 == "GLOBAL" && $7 != "UND" && $6 == "DEFAULT" &&
       $8 !~ /^__/ && $8 !~ /\./ { print $8 }' |
  sort -u >"$work/exported"
# the name before the first "(" of each YS_API declaration (the return
# type may stand on a line of its own)
awk '/^YS_API/ { s = $0; while (s !~ /\(/ && (getline nx) > 0) s = s " " nx; print s }' \
  "$inc"/yusuan/*.h |
  sed -n 's/^YS_API[^(]*[ *]\([A-Za-z_][A-Za-z0-9_]*\)(.*/\1/p' |
  sort -u >"$work/declared"
status=0
if [ ! -s "$work/declared" ]; then
  echo "no YS_API declarations found under $inc" >&2
  exit 1
fi
extra=$(comm -23 "$work/exported" "$work/declared")
missing=$(comm -13 "$work/exported" "$work/declared")
if [ -n "$extra" ]; then
  echo "exported but not declared YS_API in include/yusuan:" >&2
  echo "$extra" >&2
  status=1
fi
if [ -n "$missing" ]; then
  echo "declared YS_API but not exported (hidden or not defined):" >&2
  echo "$missing" >&2
  status=1
fi
echo "$(wc -l <"$work/exported") symbols exported, as declared"
exit $status
