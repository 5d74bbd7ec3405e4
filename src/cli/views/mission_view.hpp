#pragma once

#include <iosfwd>
#include <vector>

#include "slash/domain/time_zone.hpp"
#include "slash/render/output.hpp"
#include "slash/services/mission_service.hpp"

namespace slash::cli {

/// The JSON shape of a mission and its figures (field names are a stable contract).
render::Record mission_record(const services::MissionReport& report, const domain::TimeZone& zone);
/// The shape of a mission in every output format.
const render::Schema& mission_schema();
/// `mission list` and `missions`. The human layouts (table, piped rows) get display
/// columns that JSON has no business carrying, such as "2026-11-20 (overdue)".
render::ListView mission_list_view(const std::vector<services::MissionReport>& reports,
                                   const render::OutputOptions& options, const domain::TimeZone& zone);
/// `mission show`; `quote` is the number of the quote the mission was made from, shown
/// (field "quote") only when there is one.
void write_mission(std::ostream& out, const services::MissionReport& report, const render::OutputOptions& options,
                   const domain::TimeZone& zone, const std::string& quote = {});

}  // namespace slash::cli
