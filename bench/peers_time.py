#!/usr/bin/env python3
"""Times the commands of bench/peers in interleaved rounds, and writes their medians.

  peers_time.py SPEC OUT [--rounds N] [--slow-rounds N] [--limit SECONDS]
  peers_time.py --table OUT...      Markdown tables of medians, ratios and peak memory

SPEC is a JSON list of commands: {"size", "group", "tool", "argv", "env" (added to the
environment), "prepare" (a shell command run, untimed, before every run), "exit" (its
expected exit status, 0 if absent: `timew` says "no active time tracking" with 1)}. Each command is
first run once untimed (warm-up and probe): one that fails stops everything; one that
takes longer than --limit seconds (60) is killed and skipped at that size. Then come the
rounds: every command once per round, the order rotated by one from round to round, so
that a slow minute of the machine weighs on every tool alike. A command whose probe took
more than 5 s only takes part in the first --slow-rounds rounds (3).

A run is timed as hyperfine -N times it: from spawning the program (no shell) to its exit,
output to /dev/null. Peak memory is /usr/bin/time -f %M (the maximum resident set size, in
KiB) of one more run (not wait4's ru_maxrss of the timed runs: Linux carries it over
execve, so it would count this Python's own memory). OUT gets a JSON list: the spec plus
"median_ms", "min_ms", "max_ms", "runs", "probe_ms", "maxrss_kib", "load" (the 1-minute
load average after each round), or "skipped".
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SLOW_PROBE_S = 5.0


def parse_args(argv):
    args = {"rounds": 15, "slow_rounds": 3, "limit": 60.0}
    rest = []
    i = 0
    while i < len(argv):
        if argv[i] in ("--rounds", "--slow-rounds", "--limit"):
            key = argv[i][2:].replace("-", "_")
            args[key] = float(argv[i + 1]) if key == "limit" else int(argv[i + 1])
            i += 2
        else:
            rest.append(argv[i])
            i += 1
    if len(rest) != 2:
        sys.exit(__doc__)
    return rest[0], rest[1], args


def env_of(cmd):
    env = dict(os.environ)
    env.update(cmd.get("env", {}))
    return env


def prepare(cmd):
    if cmd.get("prepare"):
        subprocess.run(cmd["prepare"], shell=True, check=True, env=env_of(cmd),
                       stdout=subprocess.DEVNULL)


def label(cmd):
    return f"{cmd['size']} {cmd['group']} {cmd['tool']}"


def timed(cmd, errfile):
    """One run: wall time in ns; exits on failure."""
    argv = cmd["argv"]
    file_actions = [
        (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, errfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
    ]
    env = cmd["_env"]
    start = time.perf_counter_ns()
    pid = os.posix_spawn(cmd["_path"], argv, env, file_actions=file_actions)
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter_ns() - start
    if os.waitstatus_to_exitcode(status) != cmd.get("exit", 0):
        with open(errfile, encoding="utf-8", errors="replace") as f:
            sys.exit(f"peers: {label(cmd)} failed ({os.waitstatus_to_exitcode(status)}): "
                     f"{' '.join(argv)}\n{f.read().strip()}")
    return elapsed


TOOLS = [("slash", "slash"), ("timew", "Timewarrior"), ("hledger", "hledger"), ("ledger", "ledger")]
GROUPS = [("month", "month summary"), ("year", "year by project"), ("log", "log one entry"),
          ("status-imported", "status, imported"), ("month-imported", "month summary, imported"),
          ("startup", "startup")]


def ms(value):
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def times(factor):
    return f"{factor:.1f}×" if factor < 10 else f"{factor:.0f}×"


def table(paths):
    results = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            results += json.load(f)
    sizes = sorted({r["size"] for r in results})
    cell = {(r["size"], r["group"], r["tool"]): r for r in results}

    def find(size, group, tool):
        r = cell.get((size, group, tool))
        if r is None:
            not_asked = tool in ("hledger", "ledger") and (group == "log" or group.endswith("-imported"))
            return None, "n/a" if not_asked else "not installed"
        if "skipped" in r:
            return None, "skipped (> 60 s)"
        return r, None

    lines = []
    for size in sizes:
        loads = [x for r in results if r["size"] == size for x in r.get("load", [])]
        if loads:
            lines.append(f"{size:,} entries: load average (1 min) {min(loads):.2f} to {max(loads):.2f} over the rounds")
    lines += ["", "Medians in ms (runs in brackets); ratio = slash median / peer median (below 1: slash is faster).",
              "",
              "| entries | command | " + " | ".join(name for _, name in TOOLS) + " | "
              + " | ".join(f"slash/{name}" for _, name in TOOLS[1:]) + " |",
              "|---|---|" + "---:|" * (2 * len(TOOLS) - 1)]
    for size in sizes:
        for group, title in GROUPS:
            base, _ = find(size, group, "slash")
            cells, ratios = [], []
            for tool, _ in TOOLS:
                r, why = find(size, group, tool)
                cells.append(why if r is None else f"{ms(r['median_ms'])} ({r['runs']})")
                if tool != "slash":
                    if r is None or base is None:
                        ratios.append("–")
                    else:
                        ratio = base["median_ms"] / r["median_ms"]
                        ratios.append(f"{ratio:.2g} ({times(1 / ratio)} faster)" if ratio < 1
                                      else f"{ratio:.2g} ({times(ratio)} slower)")
            lines.append(f"| {size:,} | {title} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
    lines += ["", "Peak memory in MiB (maximum resident set size, /usr/bin/time -f %M of one run).", "",
              "| entries | command | " + " | ".join(name for _, name in TOOLS) + " |",
              "|---|---|" + "---:|" * len(TOOLS)]
    for size in sizes:
        for group, title in GROUPS:
            cells = []
            for tool, _ in TOOLS:
                r, why = find(size, group, tool)
                kib = None if r is None else r.get("maxrss_kib")
                cells.append(why if r is None else "–" if kib is None else f"{kib / 1024:.1f}")
            lines.append(f"| {size:,} | {title} | " + " | ".join(cells) + " |")
    print("\n".join(lines))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--table":
        table(sys.argv[2:])
        return
    spec_path, out_path, args = parse_args(sys.argv[1:])
    with open(spec_path, encoding="utf-8") as f:
        commands = json.load(f)
    errfile = tempfile.NamedTemporaryFile(prefix="peers-stderr-", delete=False).name
    for cmd in commands:
        cmd["_env"] = env_of(cmd)
        cmd["_path"] = shutil.which(cmd["argv"][0], path=cmd["_env"].get("PATH")) or cmd["argv"][0]
        cmd["_times"] = []

    # Probe: one untimed run each (also the warm-up: files in the page cache).
    for cmd in commands:
        prepare(cmd)
        start = time.perf_counter()
        try:
            p = subprocess.run(cmd["argv"], env=cmd["_env"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, timeout=args["limit"])
        except subprocess.TimeoutExpired:
            cmd["skipped"] = f"one run exceeds {args['limit']:.0f} s"
            print(f"  {label(cmd)}: skipped, one run exceeds {args['limit']:.0f} s", file=sys.stderr)
            continue
        cmd["probe_ms"] = round((time.perf_counter() - start) * 1000, 1)
        if p.returncode != cmd.get("exit", 0):
            sys.exit(f"peers: {label(cmd)} failed ({p.returncode}): {' '.join(cmd['argv'])}\n"
                     f"{p.stderr.decode(errors='replace').strip()}")

    active = [c for c in commands if "skipped" not in c]
    loads = []
    for r in range(args["rounds"]):
        k = r % len(active) if active else 0
        for cmd in active[k:] + active[:k]:
            if cmd["probe_ms"] > SLOW_PROBE_S * 1000 and r >= args["slow_rounds"]:
                continue
            prepare(cmd)
            cmd["_times"].append(timed(cmd, errfile) / 1e6)
        loads.append(round(os.getloadavg()[0], 2))
        print(f"  round {r + 1}/{args['rounds']} done, load {loads[-1]:.2f}", file=sys.stderr)

    gnu_time = shutil.which("time", path="/usr/bin")
    for cmd in active:
        if gnu_time:
            prepare(cmd)
            memfile = errfile + ".mem"
            p = subprocess.run([gnu_time, "-f", "%M", "-o", memfile] + cmd["argv"], env=cmd["_env"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if p.returncode != cmd.get("exit", 0):
                sys.exit(f"peers: {label(cmd)} failed ({p.returncode}) under {gnu_time}")
            # On another status, time(1) writes "Command exited with non-zero status N" first.
            with open(memfile, encoding="utf-8") as f:
                cmd["maxrss_kib"] = int(f.read().split()[-1])
            os.remove(memfile)
        times = cmd["_times"]
        cmd.update(median_ms=round(statistics.median(times), 2), min_ms=round(min(times), 2),
                   max_ms=round(max(times), 2), runs=len(times), load=loads)
    os.remove(errfile)
    result = [{k: v for k, v in c.items() if not k.startswith("_")} for c in commands]
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
