# Sourced by bench/shapes.sh and bench/peers: make_imported SOURCE_DB TARGET_DB writes the
# "imported" shape of a history: its entries through `export --format jsonl` and
# `import jsonl --create` into an empty database, every mission then given an hourly rate,
# so that nothing is billed (a history brought from Timewarrior or Toggl). Needs $slash,
# and SLASH_CONFIG/TZ/SLASH_NOW as the callers export them.
make_imported() {
  local source=$1 target=$2
  rm -f "$target" "$target-wal" "$target-shm"
  SLASH_DB="$source" "$slash" export --format jsonl >"$target.jsonl"
  SLASH_DB="$target" "$slash" import jsonl "$target.jsonl" --create >/dev/null
  rm -f "$target.jsonl"
  SLASH_DB="$target" "$slash" mission list -q | while read -r mission; do
    SLASH_DB="$target" "$slash" mission edit "$mission" --hourly 60 >/dev/null
  done
}
