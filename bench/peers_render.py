#!/usr/bin/env python3
"""Renders a slash history for the peers of bench/peers, and checks that they read it alike.

  peers_render.py render DB OUT     writes OUT/timew (a Timewarrior database: timewarrior.cfg,
                                    data/YYYY-MM.data, data/tags.data) and OUT/history.timeclock
                                    (hledger and ledger), from the entries of the slash database DB
  peers_render.py check DB OUT SLASH
                                    October 2026 hours per mission from slash, Timewarrior,
                                    hledger and ledger; prints one check line, exits 1 on a mismatch

Every entry becomes one Timewarrior interval, in the data file of the local month of its
start (as `timew track` files it), tagged "client/mission" plus the entry's tags, with its
note as annotation:
  inc 20261005T070000Z - 20261005T090000Z # "client1/mission1" dev # "entry 42"
and one timeclock session, in local time (the format has no UTC offset), account
client:mission, description the note:
  i 2026/10/05 09:00:00 client1:mission1  entry 42
  o 2026/10/05 11:00:00
the check-out being the check-in plus the duration (so a session across a DST change keeps
its length; its check-out is then an hour off the wall clock).
A running timer (no end) is left out. Needs only the Python 3 standard library; the local
zone is TZ (bench/peers sets Europe/Paris for every tool).
"""

import calendar
import collections
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_EVEN, Decimal

QUERY = """
SELECT c.handle, m.handle, e.start_at, e.end_at, e.note, e.tags
FROM entries e JOIN missions m ON m.id = e.mission_id JOIN clients c ON c.id = m.client_id
WHERE e.end_at IS NOT NULL ORDER BY e.start_at, e.id
"""

PLAIN_TAG = re.compile(r"^[A-Za-z0-9_.+-]+$")


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tw_tag(tag):
    # timew writes a tag bare when it is a plain word, quoted otherwise ("client1/mission1").
    return tag if PLAIN_TAG.match(tag) else quote(tag)


class LocalClock:
    """Local clock time (TZ) as naive seconds since the epoch: the UTC offset is looked up
    once per hour, so 2M conversions stay cheap."""

    def __init__(self):
        self.offsets = {}

    def offset(self, ts):
        hour = ts - ts % 3600
        off = self.offsets.get(hour)
        if off is None:
            off = self.offsets[hour] = calendar.timegm(time.localtime(hour)) - hour
        return off


def civil(naive):
    return tuple(time.gmtime(naive)[:6])


def utc_text(ts):
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def render(db_path, out):
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    tw = os.path.join(out, "timew")
    data = os.path.join(tw, "data")
    os.makedirs(data, exist_ok=True)
    for name in os.listdir(data):
        os.remove(os.path.join(data, name))
    open(os.path.join(tw, "timewarrior.cfg"), "w").close()
    clock = LocalClock()
    tag_counts = collections.Counter()
    month_files = {}
    count = 0
    shifted = 0
    with open(os.path.join(out, "history.timeclock.part"), "w", encoding="utf-8") as timeclock:
        for client, mission, start, end, note, tags in db.execute(QUERY):
            # The check-out is the check-in plus the duration, in local clock time: for the
            # few sessions across a DST change it is an hour off the wall clock (the format
            # has no UTC offset: the wall clock would make them an hour too long or short,
            # or end before they start in the repeated hour), so every duration stays exact.
            offset = clock.offset(start)
            s, e = civil(start + offset), civil(end + offset)
            shifted += clock.offset(end) != offset
            project = f"{client}/{mission}"
            entry_tags = [project] + tags.split()
            tag_counts.update(entry_tags)
            month = f"{s[0]:04d}-{s[1]:02d}"
            f = month_files.get(month)
            if f is None:
                f = month_files[month] = open(os.path.join(data, month + ".data"), "w", encoding="utf-8")
            line = f"inc {utc_text(start)} - {utc_text(end)} # " + " ".join(tw_tag(t) for t in entry_tags)
            if note:
                line += " # " + quote(note)
            f.write(line + "\n")
            description = " ".join(note.split())  # one line
            timeclock.write("i %04d/%02d/%02d %02d:%02d:%02d %s:%s  %s\n" % (s + (client, mission, description)))
            timeclock.write("o %04d/%02d/%02d %02d:%02d:%02d\n" % e)
            count += 1
    for f in month_files.values():
        f.close()
    os.replace(os.path.join(out, "history.timeclock.part"), os.path.join(out, "history.timeclock"))
    # The tag index timew keeps next to the data files (it escapes "/" as JSON allows).
    with open(os.path.join(data, "tags.data"), "w", encoding="utf-8") as f:
        f.write("{\n" + ",\n".join(
            "  %s:{\"count\":%d}" % (json.dumps(tag).replace("/", "\\/"), n) for tag, n in sorted(tag_counts.items()))
            + "\n}")
    print(f"rendered {count} entries: {len(month_files)} Timewarrior data files, {2 * count} timeclock lines "
          f"({shifted} sessions across a DST change)")


# --- check -------------------------------------------------------------------------------

def run(argv, env=None, limit=None):
    """The output of argv; None when it runs longer than `limit` seconds."""
    try:
        p = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=limit)
    except subprocess.TimeoutExpired:
        return None
    if p.returncode != 0:
        sys.exit(f"peers check: {' '.join(argv)} failed ({p.returncode}): {p.stderr.strip()}")
    return p.stdout


def local_ts(y, m, d):
    return int(time.mktime((y, m, d, 0, 0, 0, 0, 0, -1)))


def naive_local(ts):
    return datetime(*time.localtime(ts)[:6])


def parse_tw(text):
    return int(datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc).timestamp())


def check(db_path, out, slash):
    env = dict(os.environ)
    env["SLASH_DB"] = db_path
    env["TIMEWARRIORDB"] = os.path.join(out, "timew")
    timeclock = os.path.join(out, "history.timeclock")
    lo, hi = local_ts(2026, 10, 1), local_ts(2026, 11, 1)

    # slash: whole entries that start in the month (its report's rule), in seconds.
    report = run([slash, "report", "2026-10", "--by", "mission", "--json"], env)
    by_slash = {row["mission"]: row["raw_seconds"] for row in json.loads(report)}

    have = {tool for tool in ("timew", "hledger", "ledger") if shutil.which(tool)}
    # Timewarrior: the intervals its export gives for the month (whole intervals that
    # overlap it); those that start in it, by mission.
    by_timew = None
    if "timew" in have:
        by_timew = collections.Counter()
        for interval in json.loads(run(["timew", "export", "2026-10-01", "-", "2026-11-01"], env)):
            project = next(t for t in interval["tags"] if "/" in t)
            s, e = parse_tw(interval["start"]), parse_tw(interval["end"])
            if lo <= s < hi:
                by_timew[project] += e - s

    # The entries that overlap the month, from the database itself.
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    intervals = db.execute("SELECT c.handle || '/' || m.handle, e.start_at, e.end_at FROM entries e "
                           "JOIN missions m ON m.id = e.mission_id JOIN clients c ON c.id = m.client_id "
                           "WHERE e.end_at > ? AND e.start_at < ?", (lo, hi)).fetchall()

    # What the timeclock readers must make of the same intervals, as rendered (check-out =
    # check-in + duration, in local clock time): ledger counts a session whole on its
    # check-in day, in seconds, like slash; hledger splits it at each local midnight and
    # rounds each part to 0.01 h.
    want_hledger = collections.Counter()
    for project, s, e in intervals:
        cur = naive_local(s)
        end = cur + timedelta(seconds=e - s)
        while cur < end:
            midnight = datetime.combine(cur.date() + timedelta(days=1), datetime.min.time())
            part_end = min(end, midnight)
            if (cur.year, cur.month) == (2026, 10):
                seconds = int((part_end - cur).total_seconds())
                want_hledger[project] += int((Decimal(seconds) / 36).quantize(Decimal(1), ROUND_HALF_EVEN))
            cur = part_end

    # hledger: hours with two decimals, as centi-hours; ledger: seconds. A reader that
    # takes longer than 60 s (hledger at 1M entries) is left out, as bench/peers leaves it out.
    by_hledger = by_ledger = None
    if "hledger" in have:
        text = run(["hledger", "-f", timeclock, "bal", "-p", "2026-10", "-O", "csv"], env, 60)
        if text is not None:
            by_hledger = {}
            for line in text.splitlines()[1:]:
                account, amount = [x.strip('"') for x in line.split('","')]
                if account != "total":
                    by_hledger[account.replace(":", "/")] = int(Decimal(amount.rstrip("h")) * 100)
    if "ledger" in have:
        text = run(["ledger", "-f", timeclock, "bal", "-p", "2026-10", "--flat", "--no-total",
                    "--balance-format", "%(account)\t%(display_total)\n"], env, 60)
        if text is not None:
            by_ledger = {}
            for line in text.splitlines():
                account, amount = line.split("\t")
                by_ledger[account.replace(":", "/")] = int(amount.rstrip("s"))

    def differ(a, b):
        return sorted(k for k in set(a) | set(b) if a.get(k, 0) != b.get(k, 0))

    problems, agree, left_out = [], [], []
    for name, got, want in (("timew", by_timew, by_slash), ("ledger", by_ledger, by_slash),
                            ("hledger", by_hledger, want_hledger)):
        if got is None:
            left_out.append(f"{name} (over 60 s)" if name in have else f"{name} (not installed)")
            continue
        bad = differ(got, want)
        if bad:
            problems.append(f"{name}: {len(bad)} missions differ, e.g. " + ", ".join(
                f"{k} {got.get(k, 0)} vs {want.get(k, 0)}" for k in bad[:3]))
        elif name != "hledger":
            agree.append(name)
    if problems:
        print("CHECK FAILED 2026-10 hours per mission: " + "; ".join(problems), file=sys.stderr)
        sys.exit(1)
    total = sum(by_slash.values())
    line = f"check 2026-10: {len(by_slash)} missions, {total / 3600:.2f} h"
    if agree:
        line += "; per mission slash = " + " = ".join(agree) + " (to the second)"
    if by_hledger is not None:
        line += f"; hledger = the same cut at local midnights, 0.01 h a part ({sum(by_hledger.values()) / 100:.2f} h)"
    if left_out:
        line += "; left out: " + ", ".join(left_out)
    print(line + ": OK")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "render":
        render(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
