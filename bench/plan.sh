#!/usr/bin/env bash
# Workload planning on a large history (issue 6 target: `slash plan` under 100 ms median
# at 1M entries). Usage: bench/plan.sh [BUILD_DIR] [ENTRIES] [RUNS]
# Uses the history bench/tracking.sh uses (bench/generate.cpp, deterministic; generated
# once per size under ${SLASH_BENCH_DIR:-/tmp/slash-bench}): 500 missions, most of them
# active with an estimate and a due date (2026-12-31 or 2027-03-31), ten years of entries.
# `slash plan` only reads, but opening a database may migrate it: it runs on a copy, so the
# shared history stays as generated, with a config that sets the capacity and a few days
# off. Times, with hyperfine, and prints the median of the default plan (6 weeks) and of
# 52 weeks with more days off and the chart.
set -euo pipefail

build=$(realpath "${1:-build}")
entries=${2:-1000000}
runs=${3:-30}
dir=${SLASH_BENCH_DIR:-/tmp/slash-bench}
source "$(dirname "$0")/history.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/slash-plan.XXXXXX")
trap 'rm -rf "$work"' EXIT
config="$work/config.toml"
cat >"$config" <<'EOF'
[time]
capacity = "35h"
days_off = ["2026-12-24..2027-01-01", "2027-05-01"]
EOF

db="$work/plan.db"
sqlite3 "$history" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$history" "$db"

export SLASH_DB="$db" SLASH_CONFIG="$config" TZ=Europe/Paris
export SLASH_NOW="2026-11-27T18:00:00+01:00"
slash="$build/slash"
out="$work/result.json"

missions=$(sqlite3 "$db" "SELECT count(*) FROM missions WHERE status IN ('planned', 'active')
  AND estimate_seconds IS NOT NULL")
hyperfine -N --warmup 3 --runs "$runs" --export-json "$out" \
  "$slash plan" "$slash plan --weeks 52 --off 2027-02-15..2027-02-19 --chart" >/dev/null 2>&1

echo "history: $entries entries, $missions open missions with an estimate ($history)"
jq -r '.results[] | "\(.command | sub(".*/slash "; "slash ")): median \(.median * 1000 | . * 10 | round / 10) ms (min \(.min * 1000 | . * 10 | round / 10), \(.times | length) runs)"' \
  "$out"
