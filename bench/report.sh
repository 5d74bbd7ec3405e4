#!/usr/bin/env bash
# `slash report` on a large history (issue 6 target: `report year --by client --by month`
# under 100 ms median at 1M entries). Usage: bench/report.sh [BUILD_DIR] [ENTRIES] [RUNS]
# Uses the history of bench/tracking.sh and bench/invoicing.sh (bench/generate.cpp,
# deterministic; generated once per size under ${SLASH_BENCH_DIR:-/tmp/slash-bench}):
# about 90,000 entries in 2026 at 1M entries, most of them on issued invoices. Times, with
# hyperfine, and prints the median of:
#   slash report year --by client --by month    every entry of the year, 50 clients × 11 months
#   slash report lastmonth --by mission         October 2026 (unbilled), ~500 missions
#   slash report year --by tag --by week        the finest grain: tags and weeks
# Reports only read: they run on the shared history itself.
set -euo pipefail

build=$(realpath "${1:-build}")
entries=${2:-1000000}
runs=${3:-30}
dir=${SLASH_BENCH_DIR:-/tmp/slash-bench}
source "$(dirname "$0")/history.sh"

export SLASH_DB="$history" SLASH_CONFIG="$dir/none.toml" TZ=Europe/Paris
export SLASH_NOW="2026-11-27T18:00:00+01:00"
slash="$build/slash"
out="$dir/result-$entries.json.report"

year=$(sqlite3 "$history" "SELECT count(*) FROM entries
  WHERE start_at >= strftime('%s', '2026-01-01T00:00:00+01:00')
    AND start_at < strftime('%s', '2027-01-01T00:00:00+01:00')")

hyperfine -N --warmup 3 --runs "$runs" --export-json "$out" \
  "$slash report year --by client --by month" \
  "$slash report lastmonth --by mission" \
  "$slash report year --by tag --by week" >/dev/null 2>&1

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "history: $entries entries, $year of them in 2026 ($history)"
jq -r '.results[] | "\(.command | sub(".*/slash "; "slash ")): median \(.median * 1000 | . * 10 | round / 10) ms (min \(.min * 1000 | . * 10 | round / 10), \(.times | length) runs)"' \
  "$out"
