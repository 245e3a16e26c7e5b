#!/bin/sh
# SPDX-License-Identifier: AGPL-3.0-or-later
# Seed corpora for the harnesses, from the repository's own data: compiled
# examples in every format, the check cases, the profiles, sentences of the
# examples' narratives. Usage: fuzz/seeds.sh DIR
set -eu
out=$1
mkdir -p "$out"
for h in text pdf html xlsx csv json money profile claims; do
  mkdir -p "$out/$h"
done
bin=build-fuzz/yusuan
[ -x "$bin" ] || bin=build/yusuan
pkg="$out/pkg"
if [ ! -d "$pkg" ]; then
  "$bin" compile examples/xixiang-2023 --out "$pkg" >/dev/null 2>&1 || true
fi
[ -f "$pkg/tables.txt" ] && cp "$pkg/tables.txt" "$out/text/tables.txt"
[ -f "$pkg/narrative.txt" ] && cp "$pkg/narrative.txt" "$out/claims/narrative.txt"
[ -f "$pkg/tables.pdf" ] && cp "$pkg/tables.pdf" "$out/pdf/tables.pdf"
[ -f "$pkg/tables.html" ] && cp "$pkg/tables.html" "$out/html/tables.html"
[ -f "$pkg/tables.xlsx" ] && cp "$pkg/tables.xlsx" "$out/xlsx/tables.xlsx"
[ -f "$pkg/tables.json" ] && cp "$pkg/tables.json" "$out/json/tables.json"
i=0
for f in "$pkg"/*.csv tests/data/check/*/*.csv; do
  [ -f "$f" ] || continue
  i=$((i + 1))
  cp "$f" "$out/csv/$i.csv"
done
cp data/profiles/*.json "$out/profile/" 2>/dev/null || true
for a in 238.31 2,383,119.00 "(2000)" "-0.20" "５８４６．２９" "12.3%" ""; do
  i=$((i + 1))
  printf '%s' "$a" >"$out/money/$i"
done
