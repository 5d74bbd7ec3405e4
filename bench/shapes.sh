#!/usr/bin/env bash
# `status`, `missions` and `plan` on four shapes of history with the same number of entries
# (issue 16: their cost must follow the open missions, not the history):
#   generated  bench/generate.cpp's history (everything older than two months invoiced);
#   imported   the same entries through `export --format jsonl` and `import jsonl --create`
#              into an empty database, every mission then given an hourly rate: nothing is
#              billed, the shape of a history brought from Timewarrior or Toggl;
#   missions   a generated history with 500 clients and 5,000 missions;
#   notes      the imported history with a 1,000-character note on every entry.
# Usage: bench/shapes.sh [BUILD_DIR] [ENTRIES] [RUNS]. The shapes are made once per size and
# build under ${SLASH_BENCH_DIR:-/tmp/slash-bench}/shapes-ENTRIES; /bin/true runs in the same
# loop as the spawn floor. Prints one median per shape and command.
set -euo pipefail

build=$(realpath "${1:-build}")
entries=${2:-1000000}
runs=${3:-20}
dir=${SLASH_BENCH_DIR:-/tmp/slash-bench}
source "$(dirname "$0")/history.sh"
source "$(dirname "$0")/imported_shape.sh"
slash="$build/slash"
shapes="$dir/shapes-$entries"
mkdir -p "$shapes"
export SLASH_CONFIG="$dir/none.toml" TZ=Europe/Paris SLASH_NOW="2026-11-27T18:00:00+01:00"

make_shape() {  # NAME, then the commands that write $shapes/NAME.db.part
  local name=$1
  shift
  if [ ! -f "$shapes/$name.db" ] || [ "$shapes/$name.db" -ot "$slash" ]; then
    rm -f "$shapes/$name.db"*
    "$@"
    mv "$shapes/$name.db.part" "$shapes/$name.db"
  fi
}

imported() { make_imported "$history" "$shapes/imported.db.part"; }
many_missions() { "$build/slash_bench_generate" "$shapes/missions.db.part" "$entries" 500 5000 >/dev/null; }
long_notes() {  # on the imported shape: issued invoices freeze their entries, notes included
  cp "$shapes/imported.db" "$shapes/notes.db.part"
  sqlite3 "$shapes/notes.db.part" "UPDATE entries SET note = substr(printf('%.1000c', 'n') || note, 1, 1000)"
}

make_shape imported imported
make_shape missions many_missions
make_shape notes long_notes

names=(-n "floor: env /bin/true")
commands=("env SLASH_DB=none /bin/true")
for shape in generated imported missions notes; do
  db="$shapes/$shape.db"
  [ "$shape" = generated ] && db="$history"
  for command in status missions plan; do
    names+=(-n "$shape: slash $command")
    commands+=("env SLASH_DB=$db $slash $command")
  done
done
hyperfine -N --warmup 2 --runs "$runs" "${names[@]}" --export-json "$shapes/result.json" "${commands[@]}" >/dev/null 2>&1
echo "shapes of $entries entries ($shapes)"
jq -r '.results[] | "\(.command): median \(.median * 1000 | . * 10 | round / 10) ms (min \(.min * 1000 | . * 10 | round / 10), \(.times | length) runs)"' \
  "$shapes/result.json"
