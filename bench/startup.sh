#!/usr/bin/env bash
# Start-up latency of the commands a shell prompt or a script calls most: `slash --version`,
# bare `slash` (status) and `slash client list` on an empty database, timed in one hyperfine
# loop with the spawn floor (/bin/true) and `timew --version` when Timewarrior is installed,
# so that ratios hold on a noisy machine. With BASELINE (another build's binary), its three
# commands run in the same loop: before and after a change.
# Usage: bench/startup.sh [PATH/TO/slash] [RUNS] [BASELINE]
# Prints one line per command with the median, mean and min in milliseconds.
set -euo pipefail

slash_bin=$(realpath "${1:-build/slash}")
runs=${2:-200}
baseline=${3:+$(realpath "$3")}
workspace=$(mktemp -d "${TMPDIR:-/tmp}/slash-bench.XXXXXX")
trap 'rm -rf "$workspace"' EXIT
export SLASH_DB="$workspace/slash.db" SLASH_CONFIG="$workspace/config.toml"
"$slash_bin" init --no-input --name "Bench" >/dev/null

command -v hyperfine >/dev/null || { echo "bench: install hyperfine (Debian package hyperfine)" >&2; exit 1; }
command -v jq >/dev/null || { echo "bench: install jq (Debian package jq)" >&2; exit 1; }

commands=(/bin/true)
if command -v timew >/dev/null; then commands+=("timew --version"); fi
for bin in "$slash_bin" ${baseline:+"$baseline"}; do
  commands+=("$bin --version" "$bin" "$bin client list")
done
hyperfine -N --warmup 20 --runs "$runs" --export-json "$workspace/result.json" "${commands[@]}" >/dev/null 2>&1
jq -r '.results[] | "\(.command): median \(.median * 1000 | . * 100 | round / 100) ms, mean \(.mean * 1000 | . * 100 | round / 100) ms, min \(.min * 1000 | . * 100 | round / 100) ms (\(.times | length) runs)"' \
  "$workspace/result.json"
