#!/usr/bin/env bash
# The long listings on a large history (issue 8 target: peak memory under 30 MB for any
# command at 1M entries). Usage: bench/listings.sh [BUILD_DIR] [ENTRIES] [RUNS]
# Uses the generated history of bench/history.sh: at 1M entries a year is ~100,000
# entries and the ten years hold ~5,950 invoices. Lists them piped (tab-separated rows),
# as JSON and as a terminal table (`script` gives slash a terminal; the table keeps its
# cells to align the columns), and prints the median wall time and the peak memory of
# each. The listings are written row by row, so memory must not grow with their length.
set -euo pipefail

build=$(realpath "${1:-build}")
entries=${2:-1000000}
runs=${3:-10}
dir=${SLASH_BENCH_DIR:-/tmp/slash-bench}
source "$(dirname "$0")/history.sh"
source "$(dirname "$0")/timed_run.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/slash-listings.XXXXXX")
trap 'rm -rf "$work"' EXIT
export SLASH_DB="$history" SLASH_CONFIG="$dir/none.toml" TZ=Europe/Paris
export SLASH_NOW="2026-11-27T18:00:00+01:00"
slash="$build/slash"

echo "history: $entries entries ($history)"
timed_run "entry list 2026" "$work/out" "$slash" entry list 2026
echo "  $(wc -l <"$work/out") entries"
timed_run "entry list 2026 --json" "$work/out" "$slash" entry list 2026 --json
timed_run "invoice list" "$work/out" "$slash" invoice list
echo "  $(wc -l <"$work/out") invoices"
timed_run "invoice list --json" "$work/out" "$slash" invoice list --json
timed_run "invoice list --year 2026" "$work/out" "$slash" invoice list --year 2026
if command -v script >/dev/null; then
  timed_run "entry list 2026 (table)" "$work/out" script -qec "$slash entry list 2026" /dev/null
fi
