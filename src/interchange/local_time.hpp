#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "slash/domain/time_zone.hpp"

namespace slash::interchange {

class Place;

struct TimeOfDay {
    int hour = 0, minute = 0, second = 0;
};

/// A time of day as report exports write it: "HH:MM:SS" or "HH:MM" (one-digit hours too),
/// or on the 12-hour clock "hh:mm:ss AM" / "hh:mm PM" (case ignored, the space optional;
/// 12 AM is midnight, 12 PM noon). nullopt otherwise.
[[nodiscard]] std::optional<TimeOfDay> parse_time_of_day(std::string_view text);

/// A date as report exports write it: always YYYY-MM-DD; with `numeric_orders`, also the
/// forms an account's settings give Clockify's export: MM/DD/YYYY and MM-DD-YYYY, or with
/// `day_first` DD/MM/YYYY and DD-MM-YYYY, and DD.MM.YYYY (always day first). nullopt
/// otherwise.
[[nodiscard]] std::optional<domain::CivilDate> parse_report_date(std::string_view text,
                                                                 bool numeric_orders,
                                                                 bool day_first);

/// "2026-11-02T09:00:00": one spelling of a wall-clock reading, so that a row's uid does
/// not depend on how the export wrote the date (or on the zone it is read in).
[[nodiscard]] std::string format_local(const domain::LocalDateTime& local);

/// domain::from_local, its error for a time in a DST gap given the entry's place. In an
/// autumn fold (a wall-clock time that happens twice) the earlier instant.
[[nodiscard]] std::int64_t instant_of(const domain::LocalDateTime& local,
                                      const domain::TimeZone& zone, std::string_view text,
                                      const Place& place);

/// The second time `local` happens in `zone` when it is in an autumn fold (02:10 at +01:00
/// after 02:10 at +02:00); nullopt when it happens once, or never.
[[nodiscard]] std::optional<std::int64_t> later_instant_of(const domain::LocalDateTime& local,
                                                           const domain::TimeZone& zone);

}  // namespace slash::interchange
