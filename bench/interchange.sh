#!/usr/bin/env bash
# Import and export at scale (issue 7 targets: import 1M entries from CSV under 15 s,
# export them under 5 s). Usage: bench/interchange.sh [BUILD_DIR] [ENTRIES] [RUNS]
# Uses the generated history of bench/history.sh. Exports the whole history as CSV and
# JSONL RUNS times each, then imports the CSV into an empty database RUNS times (each a
# fresh file, --create making the 50 clients and 500 missions), and prints the median wall
# time and the peak memory (maximum resident set size, /usr/bin/time -f %M) of each. Last,
# the imported database is exported again and compared with the first export: the round
# trip holds at a million entries too.
set -euo pipefail

build=$(realpath "${1:-build}")
entries=${2:-1000000}
runs=${3:-5}
dir=${SLASH_BENCH_DIR:-/tmp/slash-bench}
source "$(dirname "$0")/history.sh"
source "$(dirname "$0")/timed_run.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/slash-interchange.XXXXXX")
trap 'rm -rf "$work"' EXIT
db="$work/history.db"
sqlite3 "$history" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$history" "$db"
export SLASH_CONFIG="$work/config.toml" TZ=Europe/Paris SLASH_NOW="2026-11-27T18:00:00+01:00"
slash="$build/slash"

echo "history: $entries entries ($history)"
timed_run "export csv" "$work/history.csv" "$slash" --db "$db" export --format csv
timed_run "export jsonl" "$work/history.jsonl" "$slash" --db "$db" export --format jsonl
echo "files: csv $(du -m "$work/history.csv" | cut -f1) MB, jsonl $(du -m "$work/history.jsonl" | cut -f1) MB, $(($(wc -l <"$work/history.csv") - 1)) rows"
prepare='rm -f "$work/imported.db"*'
timed_run "import csv" "$work/import.out" "$slash" --db "$work/imported.db" import csv "$work/history.csv" --create
cat "$work/import.out"
"$slash" --db "$work/imported.db" export --format csv >"$work/again.csv"
if cmp -s "$work/history.csv" "$work/again.csv"; then
  echo "round trip: the re-export is byte-identical"
else
  echo "round trip: the re-export DIFFERS" >&2
  exit 1
fi
