#!/usr/bin/env bash
# Builds the libFuzzer targets (AddressSanitizer + LeakSanitizer) and runs each reader on
# mutated inputs seeded from the examples and the bad-input corpus.
#   Fuzz/run.sh                 # every target, 1,000,000 runs or 10 minutes each
#   Fuzz/run.sh CSV 200000      # one target, a given number of runs
#   FUZZ_MAX_SECONDS=3600 Fuzz/run.sh CSV   # a longer time cap (default 600 s)
# A crash, leak or hang (10 s per input) stops the run; libFuzzer saves the input as
# Fuzz/artifacts/<target>-crash-… — add it to Tests/CHCKitTests/BadInput as a regression case.
set -euo pipefail
cd "$(dirname "$0")"
targets=(${1:-Timeline RulePack Policy CSV Baseline Workbook})
runs=${2:-1000000}
max_seconds=${FUZZ_MAX_SECONDS:-600}
for target in "${targets[@]}"; do
  swift build -c release --sanitize fuzzer --sanitize address --product "Fuzz$target" >/dev/null
done
bin=$(swift build -c release --sanitize fuzzer --sanitize address --show-bin-path)
mkdir -p artifacts
for target in "${targets[@]}"; do
  corpus="corpus/$target"
  mkdir -p "$corpus"
  case $target in
    Timeline) seeds=(../Examples/*.yaml ../Examples/invented/*.yaml ../Examples/hazards/*.yaml ../Tests/CHCKitTests/BadInput/timeline/*) ;;
    RulePack) seeds=(../Rules/*.yaml ../Tests/CHCKitTests/BadInput/rulepack/*) ;;
    Policy)   seeds=(../Examples/policies/*.yaml ../Tests/CHCKitTests/BadInput/policy/*) ;;
    CSV)      seeds=(../Examples/csv/*.csv ../Tests/CHCKitTests/BadInput/csv/*) ;;
    Baseline) seeds=(../Tests/CHCKitTests/Goldens/invented.json ../Tests/CHCKitTests/Goldens/seed-*.json) ;;
    Workbook) seeds=(../Tests/CHCKitTests/Fixtures/xlsx/events.xlsx ../Tests/CHCKitTests/Fixtures/xlsx/not-a-zip.xlsx) ;;
  esac
  for seed in "${seeds[@]}"; do [ -f "$seed" ] && cp "$seed" "$corpus/" ; done
  echo "== Fuzz$target: $runs runs (at most $max_seconds s)"
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=lsan.supp "$bin/Fuzz$target" "$corpus" -runs="$runs" -max_total_time="$max_seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="artifacts/$target-" 2>&1 \
    | grep -E "^Done|stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY|crash|leak|timeout|Test unit written"
  status=${PIPESTATUS[0]}
  if [ "$status" -ne 0 ]; then echo "Fuzz$target FAILED (exit $status): see Fuzz/artifacts/"; exit 1; fi
done
