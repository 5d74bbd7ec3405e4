#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace slash::services {

/// The latest entries as completion candidates: id, then "date time mission note" as the
/// description, newest first; read like completion_missions, never writing. Empty when
/// the database is absent or unreadable.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> completion_entries(
    const std::filesystem::path& db_path, std::size_t limit = 20);

}  // namespace slash::services
