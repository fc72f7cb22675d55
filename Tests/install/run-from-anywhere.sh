#!/usr/bin/env bash
# An installed chc works from any folder: the release binary is copied alone into a temporary
# folder outside the package (no Rules/ beside it, no CHC_RULES) and run there on copies of the
# examples: check, lint, report, due, days and init, each with the exit code and output a user
# would see. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."
package=$PWD
# As the README says to build a binary to copy: the Swift runtime linked in.
swift build -c release --static-swift-stdlib --scratch-path .build/static --product chc >/dev/null
bin=$(swift build -c release --static-swift-stdlib --scratch-path .build/static --show-bin-path)/chc
if ldd "$bin" | grep -q 'libswift\|libFoundation'; then
  echo "FAIL the release binary still needs the Swift runtime:"; ldd "$bin" | grep 'libswift\|libFoundation'; exit 1
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/bin" "$home/work"
install -m 755 "$bin" "$home/bin/chc"
cp "$package/Examples/luton-202229082.yaml" "$package/Examples/policies/compliant-2024.yaml" "$package/Examples/csv/events.csv" "$home/work/"
cd "$home/work"
unset CHC_RULES
chc() { "$home/bin/chc" "$@"; }
failures=0
# expect NAME STATUS NEEDLE -- COMMAND...: the command exits STATUS and its output contains NEEDLE.
expect() {
  local name=$1 status=$2 needle=$3; shift 4
  local out code=0
  out=$("$@" 2>&1) || code=$?
  if [[ $code != "$status" || $out != *"$needle"* ]]; then
    echo "FAIL $name: exit $code (expected $status), output should contain: $needle"
    printf '%s\n' "$out" | head -20 | sed 's/^/    /'
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}
expect "check (built-in packs)" 1 "judged by hos-2022" -- chc check luton-202229082.yaml --as-of 2026-11-23
expect "check a CSV log" 1 "events.csv,6,1,CSV-0002,HOS2024-6.2" -- chc check events.csv --as-of 2026-11-23 --format csv
expect "lint" 0 "0 not met" -- chc lint compliant-2024.yaml
expect "report" 0 "2 complaints received at stage 1" -- chc report events.csv --as-of 2025-06-30 --from 2025-01-01 --to 2025-03-31
expect "due" 0 "CSV-0001: stage 1 response due Wed 22 Jan 2025, 2 working days left" -- chc due events.csv --as-of 2025-01-20
expect "days" 0 "2023-12-27" -- chc days 2024-01-02 -3
expect "rules test" 0 "0 failed" -- chc rules test
expect "init" 0 "chc lint chc-policy.yaml" -- chc init
expect "init's policy lints" 0 "15 met" -- chc lint chc-policy.yaml
expect "init's timeline checks" 0 "no breaches" -- chc check example-timeline.yaml --policy chc-policy.yaml --as-of 2026-11-23
expect "init never overwrites" 2 "never overwrites" -- chc init
expect "a missing CHC_RULES folder" 2 "no such folder of rule packs" -- env CHC_RULES="$home/none" "$home/bin/chc" rules list
if [[ $failures != 0 ]]; then
  echo "run-from-anywhere: $failures failed"
  exit 1
fi
echo "run-from-anywhere: the copied binary works outside the package"
