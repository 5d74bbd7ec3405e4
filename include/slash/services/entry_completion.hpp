#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "slash/domain/time_zone.hpp"

namespace slash::services {

/// The latest entries as completion candidates: id, then "date time mission note" as the
/// description, in `zone` (the user's local time, as every other view shows entries),
/// newest first; read like completion_missions, never writing. Empty when the database is
/// absent or unreadable.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> completion_entries(
    const std::filesystem::path& db_path, const domain::TimeZone& zone, std::size_t limit = 20);

}  // namespace slash::services
