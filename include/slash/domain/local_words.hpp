#pragma once

#include <cstdint>
#include <string>

#include "slash/domain/calendar.hpp"
#include "slash/domain/time_zone.hpp"

namespace slash::domain {

/// A day as a message names it: "Wed 4 Nov", with the year when it is not `now`'s year
/// ("Wed 4 Nov 2025").
[[nodiscard]] std::string format_day_short(const CivilDate& day, const CivilDate& today);

/// A local instant as a message names it, relative to `now`: "18:00" today, "yesterday
/// 18:00", else "Wed 9 Dec 18:00". A time alone would hide that a timer started days ago.
[[nodiscard]] std::string format_local_when(std::int64_t utc, const TimeZone& zone, std::int64_t now);

}  // namespace slash::domain
