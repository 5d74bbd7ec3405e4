# Sourced by the bench scripts: checks the tools they need and makes sure the generated
# history of $entries entries exists under $dir, as $history. A history older than the
# generator (an earlier generator wrote no invoices) is made again.
command -v hyperfine >/dev/null || { echo "bench: install hyperfine (Debian package hyperfine)" >&2; exit 1; }
command -v jq >/dev/null || { echo "bench: install jq (Debian package jq)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "bench: install sqlite3 (Debian package sqlite3)" >&2; exit 1; }

mkdir -p "$dir"
history="$dir/history-$entries.db"
if [ ! -f "$history" ] || [ "$history" -ot "$build/slash_bench_generate" ]; then
  rm -f "$history" "$history-wal" "$history-shm" "$history.part"*
  "$build/slash_bench_generate" "$history.part" "$entries" >/dev/null
  mv "$history.part" "$history"
fi
