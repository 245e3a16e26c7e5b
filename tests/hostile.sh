#!/bin/sh
# SPDX-License-Identifier: AGPL-3.0-or-later
# Hostile input through the CLI: every file here is one a user (or an
# attacker) could hand to `yusuan check`; each must end with the exit code
# the README promises (2 for what cannot be read, 0/1 for what was read and
# checked), a message in the user's language, and never a crash.
#
# Usage: tests/hostile.sh YUSUAN_BINARY [DOC]
# Writes the table of inputs, exit codes and first message lines to DOC
# (default docs/hostile-input.md) and exits 1 when an input crashes, hangs
# or exits with a code other than expected.
set -u
bin=$1
doc=${2:-docs/hostile-input.md}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
rows=""

# run_ NAME EXPECTED-EXIT COMMAND...: runs the command, records its exit
# code and first line
run_() {
  name=$1 want=$2
  shift 2
  timeout 60 "$@" >"$work/out" 2>"$work/err"
  got=$?
  msg=$(grep -v '^$' "$work/err" | head -n 1 | sed "s|$work/||g; s/|/／/g")
  [ -n "$msg" ] || msg=$(grep -v '^$' "$work/out" | head -n 1 | sed "s|$work/||g; s/|/／/g")
  mark=ok
  if [ "$got" != "$want" ]; then
    mark="FAILED (want $want)"
    fail=1
    echo "hostile: $name: exit $got, want $want: $msg" >&2
  fi
  rows="$rows| $name | $got | $mark | $msg |
"
}
# case_ NAME EXPECTED-EXIT FILE: `yusuan check FILE`
case_() { run_ "$1" "$2" "$bin" check "$3"; }
# compile_ NAME EXPECTED-EXIT PROFILE: `yusuan compile` of an example with it
compile_() {
  run_ "$1" "$2" "$bin" compile examples/xixiang-2023 --profile-file "$3" \
    --out "$work/out-compile"
}

# --- text and unknown files -------------------------------------------------
printf 'hello\n' >"$work/hello.txt"
case_ "a word of text" 2 "$work/hello.txt"
: >"$work/empty.txt"
case_ "an empty file" 2 "$work/empty.txt"
head -c 4096 /dev/zero >"$work/nul.txt"
case_ "4 KB of NUL bytes" 2 "$work/nul.txt"
printf '\377\376\375 not UTF-8 \200\201\n' >"$work/latin.txt"
case_ "bytes that are not UTF-8" 2 "$work/latin.txt"
mkfifo "$work/fifo.txt"
case_ "a FIFO" 2 "$work/fifo.txt"
case_ "a file that does not exist" 2 "$work/none.txt"
head -c 2000 /dev/urandom >"$work/random.bin"
case_ "random bytes of an unknown type" 2 "$work/random.bin"

# --- tables.json --------------------------------------------------------------
printf '{"tables":[{"title":"x","header":[{"text":"a"}],"columns":[1,2]}]}' \
  >"$work/header-without-position.json"
case_ "tables.json: a header cell with no row or column" 0 \
  "$work/header-without-position.json"
printf '{"tables":[{"title":"x","header":[{"row":2147483647,"row_span":2147483647,"col":-5,"text":"a"}],"columns":[1],"rows":[7,{"cells":{}},{"cells":[1,2,3]}]}]}' \
  >"$work/absurd-positions.json"
case_ "tables.json: positions near INT_MAX, rows of the wrong type" 0 \
  "$work/absurd-positions.json"
printf '{"tables":{}}' >"$work/tables-not-array.json"
case_ "tables.json: tables not an array" 2 "$work/tables-not-array.json"
printf '{"tables":[' >"$work/truncated.json"
case_ "tables.json: truncated" 2 "$work/truncated.json"

# --- profile JSON (--profile-file) ---------------------------------------------
# a built-in profile with one class tree asking for 9 levels (there are 3)
sed '0,/"depth": 3/s//"depth": 9/' data/profiles/shaanxi.json \
  >"$work/profile-depth.json"
compile_ "compile --profile-file: a class tree 9 levels deep" 2 \
  "$work/profile-depth.json"
cat >"$work/profile-span.json" <<'EOF'
{"profile":"x","name":"x","tables":[{"id":"t1","title":"表","layout":"grid",
 "header":[[{"t":"项目","rs":2147483647,"cs":2147483647}]],"columns":[{"show":"name"}]}]}
EOF
compile_ "compile --profile-file: a header span of 2147483647" 2 \
  "$work/profile-span.json"
sed '0,/"decimals": 2/s//"decimals": 238.31/' data/profiles/sichuan.json \
  >"$work/profile-decimals.json"
compile_ "compile --profile-file: 238.31 decimals (found by fuzz_profile)" 2 \
  "$work/profile-decimals.json"

# --- workbooks and PDFs named for what they are not --------------------------
printf 'PK\003\004 not a zip' >"$work/fake.xlsx"
case_ "a .xlsx that is not a ZIP" 2 "$work/fake.xlsx"
printf '%%PDF-1.7\n%%%%EOF\n' >"$work/fake.pdf"
case_ "a .pdf with a header and nothing else" 2 "$work/fake.pdf"
printf '<html><body><table><tr><td colspan="100000000">x</td></tr></table></body></html>' \
  >"$work/wide.html"
case_ "HTML: a cell spanning 10^8 columns" 2 "$work/wide.html"

mkdir -p "$(dirname "$doc")"
{
  echo "# Hostile input"
  echo
  echo "Produced by \`tests/hostile.sh\` (run by CTest as \`hostile\`): each"
  echo "input handed to \`yusuan check\` (or \`compile\`), its exit code and the"
  echo "first line the user sees. Exit 2: the input could not be read (nothing"
  echo "is checked, no verdict); 0/1: it was read and checked. A crash, a hang"
  echo "(60 s) or another exit code fails the test."
  echo
  echo "| input | exit | | first message |"
  echo "| --- | --- | --- | --- |"
  printf '%s' "$rows"
} >"$doc.tmp" && mv "$doc.tmp" "$doc"
exit $fail
