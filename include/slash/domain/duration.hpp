#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace slash::domain {

/// DURATION -> whole seconds, always > 0 (docs/contract.md §3). Accepts `2h`, `2h30`, `2h30m`,
/// `1h30m15s`, `90m`, `90min`, `45s`, `2 hours 30 minutes`, `1.5h`, `1,5h`, `0.25h`, `1:30`
/// (h:mm, also h:mm:ss) and ISO 8601 `PT1H30M`, `PT90M`, `PT1.5H`, `PT45S`; letters in any
/// case, spaces between parts. `m` is always minutes, never months. Decimals are exact (no
/// floating point) and allowed on the last part only, as in ISO 8601; a result that is not a
/// whole number of seconds is rounded half away from zero to the second. After hours, the
/// minutes must be below 60 (`2h75` is a typo, not 3h15). Throws Error(Usage) naming the
/// value and showing the right form for: empty, zero, negative, no unit (`90`), months,
/// weeks, days or years (durations are counted in hours here), garbage, and more than int64
/// seconds. No upper bound: budgets such as 400h are durations; entries check their own
/// 24 h limit.
[[nodiscard]] std::int64_t parse_duration(std::string_view text);

/// Hours and minutes, seconds only when non-zero; after a larger unit the next one has two
/// digits: 9000 -> "2h30m", 2700 -> "45m", 10800 -> "3h", 7500 -> "2h05m", 5415 ->
/// "1h30m15s", 10805 -> "3h00m05s", 5 -> "5s", 0 -> "0m"; a negative value gets a leading
/// '-'. `parse_duration` reads every positive result back.
[[nodiscard]] std::string format_duration(std::int64_t seconds);

/// Decimal hours with exactly two decimals, rounded half away from zero: 5400 -> "1.50",
/// 100 -> "0.03", 18 -> "0.01", -18 -> "-0.01", -17 -> "0.00". For JSON "hours" fields.
[[nodiscard]] std::string format_hours(std::int64_t seconds);

/// `h:mm` for tables, minutes rounded toward zero: 9000 -> "2:30", 59 -> "0:00", 144000 ->
/// "40:00", -5400 -> "-1:30" (no sign when it shows as 0:00).
[[nodiscard]] std::string format_hm(std::int64_t seconds);

}  // namespace slash::domain
