#pragma once

#include <cstdint>
#include <iosfwd>

#include "slash/domain/time_zone.hpp"
#include "slash/render/output.hpp"
#include "slash/services/time_service.hpp"

namespace slash::cli {

/// `slash today`: the day's entries grouped by mission, a subtotal row after each
/// mission and a TOTAL row; --json gives {date, missions: [{mission, seconds, hours,
/// entries}], total_seconds, total_hours}.
void write_day(std::ostream& out, const services::Timesheet& sheet, const domain::TimeZone& zone,
               std::int64_t now, const render::OutputOptions& options);

/// `slash week`: missions by days with row and column totals; --json gives {week_start,
/// days, rows: [{mission, seconds: [...], total_seconds}], day_totals, total_seconds}.
void write_week(std::ostream& out, const services::Timesheet& sheet, const render::OutputOptions& options);

}  // namespace slash::cli
