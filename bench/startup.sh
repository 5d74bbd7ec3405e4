#!/usr/bin/env bash
# Start-up latency of the commands a shell prompt or a script calls most:
# `slash --version` and `slash client list` on an empty database (issue 2 target: under
# 10 ms median). Usage: bench/startup.sh [PATH/TO/slash] [RUNS]
# Prints one line per command with the median, mean and min in milliseconds.
set -euo pipefail

slash_bin=$(realpath "${1:-build/slash}")
runs=${2:-200}
workspace=$(mktemp -d "${TMPDIR:-/tmp}/slash-bench.XXXXXX")
trap 'rm -rf "$workspace"' EXIT
export SLASH_DB="$workspace/slash.db" SLASH_CONFIG="$workspace/config.toml"
"$slash_bin" init --no-input --name "Bench" >/dev/null

command -v hyperfine >/dev/null || { echo "bench: install hyperfine (Debian package hyperfine)" >&2; exit 1; }
command -v jq >/dev/null || { echo "bench: install jq (Debian package jq)" >&2; exit 1; }

hyperfine -N --warmup 20 --runs "$runs" --export-json "$workspace/result.json" \
  "$slash_bin --version" "$slash_bin client list" >/dev/null 2>&1
jq -r '.results[] | "\(.command | sub(".*/slash"; "slash")): median \(.median * 1000 | . * 100 | round / 100) ms, mean \(.mean * 1000 | . * 100 | round / 100) ms, min \(.min * 1000 | . * 100 | round / 100) ms (\(.times | length) runs)"' \
  "$workspace/result.json"
