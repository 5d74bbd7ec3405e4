#!/usr/bin/env bash
# Interactive time-tracking commands on a large history (issue 3 target: each under
# 20 ms median at 1M entries). Usage: bench/tracking.sh [BUILD_DIR] [ENTRIES] [RUNS]
# Generates the history once per size (bench/generate.cpp, deterministic) under
# ${SLASH_BENCH_DIR:-/tmp/slash-bench}, then times each command with hyperfine and prints
# its median. `log` gets a fresh slot before every run (hyperfine --prepare deletes the
# entry the previous run added), so each run really writes.
set -euo pipefail

build=$(realpath "${1:-build}")
entries=${2:-1000000}
runs=${3:-30}
dir=${SLASH_BENCH_DIR:-/tmp/slash-bench}
source "$(dirname "$0")/history.sh"
db="$history"

export SLASH_DB="$db" SLASH_CONFIG="$dir/none.toml" TZ=Europe/Paris
export SLASH_NOW="2026-11-27T18:00:00+01:00"
slash="$build/slash"
sqlite3 "$db" "DELETE FROM entries WHERE note = 'bench'"
out="$dir/result-$entries.json"

hyperfine -N --warmup 3 --runs "$runs" --export-json "$out.read" \
  "$slash status" "$slash week" "$slash missions" "$slash entry list today" >/dev/null 2>&1
hyperfine -N --runs "$runs" --export-json "$out.write" \
  --prepare "sqlite3 $db \"DELETE FROM entries WHERE note = 'bench'\"" \
  "$slash log client1/mission1 30m bench" >/dev/null 2>&1
sqlite3 "$db" "DELETE FROM entries WHERE note = 'bench'"

echo "history: $entries entries ($db)"
jq -rs '.[].results[] | "\(.command | sub(".*/slash "; "slash ")): median \(.median * 1000 | . * 10 | round / 10) ms (min \(.min * 1000 | . * 10 | round / 10), \(.times | length) runs)"' \
  "$out.read" "$out.write"
