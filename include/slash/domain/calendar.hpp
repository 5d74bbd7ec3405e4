#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace slash::domain {

/// A proleptic Gregorian date.
struct CivilDate {
    int year = 1970;
    int month = 1;
    int day = 1;
    friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

/// Days since 1970-01-01 (negative before), Howard Hinnant's algorithm: exact integer
/// arithmetic, no time-zone database involved.
[[nodiscard]] std::int64_t days_from_civil(const CivilDate& date);
[[nodiscard]] CivilDate civil_from_days(std::int64_t days);
[[nodiscard]] bool is_valid_date(const CivilDate& date);

/// `YYYY-MM-DD`, exactly (four-digit year, two-digit month and day, a real date).
[[nodiscard]] std::optional<CivilDate> parse_iso_date(std::string_view text);

/// Days off in config and on the command line: `YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD`,
/// both days included, the first not after the second. nullopt otherwise.
struct DayRange {
    CivilDate first, last;
};
[[nodiscard]] std::optional<DayRange> parse_day_range(std::string_view text);

/// An instant with an explicit offset: `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`. nullopt when the
/// text is not one (local times without an offset need the time-zone rules of the time
/// grammar, not this parser).
[[nodiscard]] std::optional<std::int64_t> parse_iso_instant(std::string_view text);

/// `2026-11-28T09:30:00Z` for UTC Unix seconds.
[[nodiscard]] std::string format_iso_utc(std::int64_t seconds);

}  // namespace slash::domain
