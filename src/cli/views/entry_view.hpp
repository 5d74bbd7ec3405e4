#pragma once

#include <vector>

#include "slash/domain/entry.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/render/output.hpp"
#include "slash/services/time_service.hpp"

namespace slash::cli {

/// The JSON shape of an entry: times in local ISO 8601 with offset, durations as integer
/// seconds plus decimal hours, units as a decimal string.
render::Record entry_record(const domain::Entry& entry, const domain::TimeZone& zone, std::int64_t now);
const render::Schema& entry_schema();
/// `for_table` adds the clock-time cells of the human table, which are not part of the
/// JSON contract.
render::Record entry_list_row(const domain::Entry& entry, const domain::TimeZone& zone, std::int64_t now,
                              bool for_table);

/// Unbilled work of every open mission, one amount per currency, currencies in order.
struct UnbilledTotal {
    std::string currency;
    std::int64_t minor = 0;
};

/// `slash status` as one record.
/// `durations`: the timer's elapsed time as a person reads it (hours and minutes in pipes).
render::Record status_record(const services::StatusView& status, const std::vector<UnbilledTotal>& unbilled,
                             const domain::TimeZone& zone, std::int64_t now, render::DurationStyle durations);
const render::Schema& status_schema();

}  // namespace slash::cli
