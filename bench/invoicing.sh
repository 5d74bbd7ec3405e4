#!/usr/bin/env bash
# Invoicing commands on a large history (target: `invoice new` under 30 ms median at 1M
# entries). Usage: bench/invoicing.sh [BUILD_DIR] [ENTRIES] [RUNS]
# Uses the history bench/tracking.sh uses (bench/generate.cpp, deterministic; generated
# once per size under ${SLASH_BENCH_DIR:-/tmp/slash-bench}): about ten years of issued
# invoices (one per client and month, ~5,900 at 1M entries) and two unbilled months, in
# which client1 has about 500 billable entries in October 2026. Times, with hyperfine,
# and prints the median of:
#   slash invoice new client1 2026-10   drafts those ~500 entries; --prepare deletes the
#                                       previous run's draft (`slash invoice rm`), so each
#                                       run does the same work
#   slash invoice monthly 2026-10 -n    the month's drafts for every client, not written
#   slash invoice list                  every invoice with its status
#   slash invoice show NUMBER           the last invoice issued, as a text document
#   slash invoice issue DRAFT           numbers, freezes and locks the October draft;
#                                       an issued invoice can never be deleted, so
#                                       --prepare restores a copy of the database and
#                                       drafts again before each run
# The benchmarks run on a copy of the history, with a config holding a complete seller
# identity (issuing checks it), so the shared history stays as generated.
set -euo pipefail

build=$(realpath "${1:-build}")
entries=${2:-1000000}
runs=${3:-30}
dir=${SLASH_BENCH_DIR:-/tmp/slash-bench}
source "$(dirname "$0")/history.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/slash-invoicing.XXXXXX")
trap 'rm -rf "$work"' EXIT
db="$work/invoicing.db"
base="$work/base.db"
config="$work/config.toml"
cat >"$config" <<'EOF'
[seller]
name = "Camille Martin"
address = ["12 rue des Lilas", "75011 Paris"]
country = "FR"
siren = "732829320"
email = "camille@example.org"
iban = "FR7630006000011234567890189"
bic = "AGRIFRPP"
EOF

# One self-contained file (no -wal beside it), so that a plain cp restores it.
sqlite3 "$history" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$history" "$base"
rm -f "$base-wal" "$base-shm"
cp "$base" "$db"

export SLASH_DB="$db" SLASH_CONFIG="$config" TZ=Europe/Paris
export SLASH_NOW="2026-11-27T18:00:00+01:00"
slash="$build/slash"
out="$work/result"

# Each script is a file so that hyperfine -N (no shell) can run it with bash.
cat >"$work/rm-drafts.sh" <<EOF
"$slash" invoice list --status draft -q | xargs -r "$slash" invoice rm >/dev/null
EOF
# The copy restores the invoice id counter too, so the draft gets the same id every time.
cat >"$work/fresh-draft.sh" <<EOF
rm -f "$db-wal" "$db-shm" && cp "$base" "$db" && "$slash" invoice new -q client1 2026-10 >/dev/null
EOF

unbilled=$(sqlite3 "$db" "SELECT count(*) FROM entries e JOIN missions m ON m.id = e.mission_id
  WHERE m.client_id = 1 AND e.invoice_id IS NULL AND e.billable = 1
    AND e.start_at >= strftime('%s', '2026-10-01T00:00:00+02:00')
    AND e.start_at < strftime('%s', '2026-11-01T00:00:00+01:00')")
invoices=$(sqlite3 "$db" "SELECT count(*) FROM invoices")
last=$(sqlite3 "$db" "SELECT number FROM invoices WHERE number IS NOT NULL ORDER BY issue_date DESC, seq DESC LIMIT 1")

hyperfine -N --warmup 2 --runs "$runs" --export-json "$out.new.json" \
  --prepare "bash $work/rm-drafts.sh" \
  "$slash invoice new client1 2026-10" >/dev/null 2>&1
bash "$work/rm-drafts.sh"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$out.read.json" \
  "$slash invoice monthly 2026-10 -n" "$slash invoice list" "$slash invoice show $last" >/dev/null 2>&1
draft=$(bash "$work/fresh-draft.sh" && "$slash" invoice list --status draft -q)
hyperfine -N --runs "$runs" --export-json "$out.issue.json" \
  --prepare "bash $work/fresh-draft.sh" \
  "$slash invoice issue $draft" >/dev/null 2>&1

echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "history: $entries entries, $invoices invoices; client1 has $unbilled unbilled billable entries in 2026-10 ($history)"
jq -rs '.[].results[] | "\(.command | sub(".*/slash "; "slash ")): median \(.median * 1000 | . * 10 | round / 10) ms (min \(.min * 1000 | . * 10 | round / 10), \(.times | length) runs)"' \
  "$out.new.json" "$out.read.json" "$out.issue.json"
