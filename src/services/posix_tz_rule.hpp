#pragma once

// Services-internal: the POSIX TZ rule a TZif file ends with (RFC 8536 §3.3), which gives
// a zone's offsets after its last listed transition (tzif_zone.hpp).

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace slash::services {

/// No zone rule moves local time further than this from UTC; a file or TZ string saying
/// otherwise is refused. RFC 8536 allows -25:59:59 to +25:59:59 and real zones stay within
/// 15 hours; the bound is what lets `instants_of` look at a finite window.
inline constexpr std::int64_t kMaxZoneOffset = 26 * 3600;

/// From `at` on, local time is `offset` seconds east of UTC.
struct OffsetChange {
    std::int64_t at = 0;
    std::int64_t offset = 0;
    friend bool operator==(const OffsetChange&, const OffsetChange&) = default;
};

/// The rule of a POSIX TZ string as the footer of a TZif file states it (RFC 8536 §3.3):
/// `CET-1CEST,M3.5.0,M10.5.0/3`, `<-03>3`, `<+1030>-10:30<+11>-11,M10.1.0,M4.1.0`; dates
/// as `Jn` (1..365, February 29 never counted), `n` (0..365) or `Mm.w.d`; times of day from
/// -167 to 167 hours, as RFC 8536 version 3 allows. The zone's local time from its last
/// transition on.
class PosixTzRule {
  public:
    /// nullopt unless `text` is a whole, valid TZ string. A daylight name without a rule
    /// (`EST5EDT`) is refused: its rule would be the implementation's choice, and zic never
    /// writes one.
    [[nodiscard]] static std::optional<PosixTzRule> parse(std::string_view text);

    /// Seconds east of UTC at `utc`.
    [[nodiscard]] std::int64_t offset_at(std::int64_t utc) const;
    /// Every offset the rule gives: the standard one, then the daylight one if any.
    [[nodiscard]] std::vector<std::int64_t> offsets() const;
    /// offset_at over [from, until) as a table for binary search: the offset at `from`, then
    /// each later change. Empty when the offset never changes. Meant for a span of a few
    /// centuries between 1900 and 2200: a year's worth of entries per year.
    [[nodiscard]] std::vector<OffsetChange> table(std::int64_t from, std::int64_t until) const;

  private:
    // The day a change happens, in one of the three POSIX forms.
    struct RuleDate {
        enum class Form { kJulianWithoutLeapDay, kZeroBasedDay, kMonthWeekDay };
        Form form = Form::kMonthWeekDay;
        int day = 0;                           // Jn and n forms
        int month = 0, week = 0, weekday = 0;  // Mm.w.d form
    };
    // The day and the local time of day (in the offset in force before it) of a change.
    struct Change {
        RuleDate date;
        std::int64_t time_of_day = 2 * 3600;
    };
    struct Daylight {
        std::int64_t offset = 0;
        Change start, end;
    };
    // A change of one year, in UTC.
    struct Event {
        std::int64_t at = 0;
        bool to_daylight = false;
    };

    [[nodiscard]] static std::int64_t day_of(const RuleDate& date, std::int64_t year);
    [[nodiscard]] static std::optional<RuleDate> parse_date(std::string_view& text);
    [[nodiscard]] static std::optional<Change> parse_change(std::string_view& text);
    // The end of daylight time in `year`, then its start; daylight_ must be set.
    [[nodiscard]] std::array<Event, 2> events_in(std::int64_t year) const;

    std::int64_t standard_offset_ = 0;
    std::optional<Daylight> daylight_;
};

}  // namespace slash::services
