#pragma once

#include <cstdint>
#include <string_view>

#include "slash/domain/calendar.hpp"
#include "slash/domain/time_zone.hpp"

namespace slash::domain {

/// What the time grammar resolves words such as "today" and "week" against.
struct TimeContext {
    std::int64_t now;      ///< UTC seconds (SLASH_NOW or the clock)
    const TimeZone& zone;  ///< local zone (TZ)
    int week_start = 0;    ///< 0 = Monday ... 6 = Sunday, from [time] week_start
};

/// TIME -> UTC seconds (docs/contract.md §3, slash-dates(7)). Letters in any case. Accepts:
/// - `now`;
/// - a time of day, today: `HH:MM`, `H:MM`, `HH:MM:SS`, `HHhMM`, `14h`, `9h30`;
/// - a day alone (its local midnight) or followed by a time of day: `today`, `yesterday`,
///   weekday names and abbreviations in English (`monday`/`mon` ... `sunday`/`sun`) and
///   French (`lundi`/`lun` ... `dimanche`/`dim`), which name the most recent such day, today
///   included (on a Monday, `mon` is today, `sun` yesterday), and `YYYY-MM-DD`;
/// - `-2h`, `-15m`, `-1h30`: a DURATION before now;
/// - `YYYY-MM-DDTHH:MM[:SS]` (or with a space), local, optionally followed by `Z` or
///   `±HH:MM`: an explicit offset bypasses the zone rules (no gap error, no fold).
/// Throws Error(Usage) naming the value: 25:00, 12:60, 2026-02-30, 2025-02-29, garbage, and a
/// local time in a DST gap (from_local's message). A fold takes the first occurrence.
[[nodiscard]] std::int64_t parse_time(std::string_view text, const TimeContext& context);

/// A time of day (`9:00`, `14h`, `9h30`, `9:00:15`) on local date `day`; the same refusals.
[[nodiscard]] std::int64_t parse_time_on(std::string_view text, const CivilDate& day,
                                         const TimeContext& context);

/// TIME as `parse_time` reads it, except that a bare time of day (`9:30`, `14h`) is on
/// local date `day` instead of today: `entry edit --end 9:30` means 09:30 on the entry's
/// own day, not on the day the edit is typed.
[[nodiscard]] std::int64_t parse_time_near(std::string_view text, const CivilDate& day,
                                           const TimeContext& context);

/// True when `text` is a bare time of day (`9:30`, `14h`), with no day and no offset.
[[nodiscard]] bool is_time_of_day(std::string_view text);

/// DATE for --on/--start/--due: `YYYY-MM-DD`, `today`, `yesterday`, weekday names (the
/// most recent such day, today included, as in TIME). Throws Error(Usage) naming the value for invalid dates
/// and anything else.
[[nodiscard]] CivilDate parse_date(std::string_view text, const TimeContext& context);

/// A half-open UTC interval [from, to) of whole local days, with its first and last day.
struct Period {
    std::int64_t from = 0, to = 0;
    CivilDate first_day, last_day;
    friend bool operator==(const Period&, const Period&) = default;
};

/// PERIOD: `today`, `yesterday`, `week`, `lastweek` (weeks start on context.week_start),
/// `month`, `lastmonth`, `year`, `lastyear`, `YYYY`, `YYYY-MM`, `YYYY-Qn`, `YYYY-Www` (ISO
/// weeks, always Monday-based; W53 only when the year has one), any DATE (one day), and
/// `FROM..TO` (both dates included, each side any DATE; FROM after TO refused). Day
/// boundaries are local midnights, so a DST day is 23 or 25 hours long. Throws Error(Usage)
/// naming the value, with a hint listing the forms, for anything else ("30 months").
[[nodiscard]] Period parse_period(std::string_view text, const TimeContext& context);

/// A span of time, [start, end) in UTC seconds.
struct TimeRange {
    std::int64_t start = 0, end = 0;
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

/// WHEN of `slash log` as a range of two times of day on `day`: `9:00-12:30`, `14h-18h`,
/// `9h30-12h`, spaces allowed around the dash; the end may be `24:00` (or `24h`), the next
/// midnight. Throws Error(Usage) naming the value when a side is not a time of day, when the
/// end is not after the start ("a range crossing midnight needs dates"), or when a side
/// falls in a DST gap.
[[nodiscard]] TimeRange parse_range(std::string_view text, const CivilDate& day,
                                    const TimeContext& context);

/// True when `text` has the shape of a range, so `log` can tell ranges from durations and
/// report a malformed range as a range: a '-' after a part that starts with a one- or
/// two-digit hour, only digits, ':' and 'h' on both sides (more dashes on the right), and a
/// ':' or an 'h' somewhere. "9:00-12:30", "14h-18", "9:00-12:00-13:00" are; "-2h", "2h30",
/// "1:30", "2026-11-28", "9-12" are not.
[[nodiscard]] bool looks_like_range(std::string_view text);

}  // namespace slash::domain
