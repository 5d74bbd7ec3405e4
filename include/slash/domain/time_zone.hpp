#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "slash/domain/calendar.hpp"

namespace slash::domain {

/// A wall-clock reading: a calendar date and a time of day, in no particular zone.
struct LocalDateTime {
    CivilDate date;
    int hour = 0, minute = 0, second = 0;
    friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};

/// Rules of one time zone. Pure interface: the domain never reads zoneinfo itself
/// (services::load_time_zone does), so every rule here is testable with fixed offsets.
class TimeZone {
  public:
    virtual ~TimeZone() = default;
    /// Seconds east of UTC in force at `utc` (Unix seconds).
    [[nodiscard]] virtual std::int64_t offset_at(std::int64_t utc) const = 0;
    /// The UTC instants whose local time is `local`, in increasing order: none in a
    /// spring-forward gap, one normally, two in a fall-back fold (more if a zone file falls
    /// back twice within a day, which no real zone does; callers take the first or last).
    [[nodiscard]] virtual std::vector<std::int64_t> instants_of(
        const LocalDateTime& local) const = 0;
    /// The zone's name for messages: "Europe/Paris", "UTC".
    [[nodiscard]] virtual std::string name() const = 0;
};

/// A zone with one fixed offset (UTC is FixedOffsetZone(0, "UTC")): no gap, no fold.
class FixedOffsetZone final : public TimeZone {
  public:
    FixedOffsetZone(std::int64_t offset_seconds, std::string name);
    [[nodiscard]] std::int64_t offset_at(std::int64_t utc) const override;
    [[nodiscard]] std::vector<std::int64_t> instants_of(const LocalDateTime& local) const override;
    [[nodiscard]] std::string name() const override;

  private:
    std::int64_t offset_;
    std::string name_;
};

/// Seconds since 1970-01-01T00:00 of a wall-clock reading taken as if it were UTC: the
/// arithmetic both directions of the conversion share.
[[nodiscard]] std::int64_t local_seconds(const LocalDateTime& local);

/// The wall-clock reading of an instant in `zone`.
[[nodiscard]] LocalDateTime to_local(std::int64_t utc, const TimeZone& zone);

/// Local -> UTC. A local time in a spring-forward gap throws Error(Usage) naming
/// `text_for_errors` and the times on each side of the gap (`"2026-03-29 02:30" does not
/// exist in Europe/Paris (clocks go forward); use 01:59 or 03:00`; the date is added when the
/// text does not show it); in a fall-back fold the first occurrence is taken.
[[nodiscard]] std::int64_t from_local(const LocalDateTime& local, const TimeZone& zone,
                                      std::string_view text_for_errors);

/// Local calendar date of an instant.
[[nodiscard]] CivilDate local_date(std::int64_t utc, const TimeZone& zone);

/// The instant local midnight starts `date` (if midnight is in a gap, the first instant of
/// that day, the end of the gap). A day is 23, 24 or 25 hours long: the next day's start
/// minus this one.
[[nodiscard]] std::int64_t start_of_day(const CivilDate& date, const TimeZone& zone);

/// `date` moved by `days` days (negative goes back).
[[nodiscard]] CivilDate add_days(const CivilDate& date, std::int64_t days);

/// ISO 8601 with the local offset: "2026-11-28T10:00:00+01:00" ("Z" is never used: UTC is
/// "+00:00"; an offset with seconds, as in old local mean times, gets ":SS").
[[nodiscard]] std::string format_local_iso(std::int64_t utc, const TimeZone& zone);

/// Local time of day, "10:00".
[[nodiscard]] std::string format_local_hm(std::int64_t utc, const TimeZone& zone);

/// "2026-11-28".
[[nodiscard]] std::string format_date(const CivilDate& date);

/// 0 = Monday ... 6 = Sunday.
[[nodiscard]] int weekday(const CivilDate& date);

/// An ISO 8601 week: weeks start on Monday and week 1 holds the year's first Thursday, so
/// 2026-12-31 is in 2026-W53 and 2027-01-01 too.
struct IsoWeek {
    int year;
    int week;
    friend bool operator==(const IsoWeek&, const IsoWeek&) = default;
};

/// The ISO week-numbering year and week (1..53) of a date.
[[nodiscard]] IsoWeek iso_week(const CivilDate& date);

/// 52 or 53: the number of ISO weeks of ISO year `year` (53 when it starts or, in a leap
/// year, ends on a Thursday).
[[nodiscard]] int iso_weeks_in_year(int year);

/// The Monday of ISO week `week.year`-W`week.week`; `week.week` must be 1..iso_weeks_in_year.
[[nodiscard]] CivilDate monday_of(const IsoWeek& week);

}  // namespace slash::domain
