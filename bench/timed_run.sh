# Sourced by the bench scripts that report memory as well as time (needs $runs, $work).
# timed_run LABEL OUTPUT COMMAND...: RUNS runs of COMMAND, stdout to OUTPUT; prints
# "LABEL median X s (min, max, N runs) peak Y MiB", the peak being the largest maximum
# resident set size of the runs (/usr/bin/time -f %M). $prepare, when set, is evaluated
# before each run, untimed.
[ -x /usr/bin/time ] || { echo "bench: install /usr/bin/time (Debian package time)" >&2; exit 1; }

timed_run() {
  local label=$1 output=$2
  shift 2
  local times=() peak=0
  for _ in $(seq "$runs"); do
    [ -z "${prepare:-}" ] || eval "$prepare"
    local start end kib
    start=$(date +%s%N)
    /usr/bin/time -f %M -o "$work/rss" "$@" >"$output"
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
    kib=$(tail -1 "$work/rss")
    [ "$kib" -gt "$peak" ] && peak=$kib
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v peak="$peak" '
    { t[NR] = $1 }
    END { printf "%-22s median %7.3f s  (min %.3f, max %.3f, %d runs)  peak %.1f MiB\n", label,
          t[int((NR + 1) / 2)] / 1000, t[1] / 1000, t[NR] / 1000, NR, peak / 1024 }'
}
