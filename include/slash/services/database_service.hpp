#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace slash::storage {
class Database;
}

namespace slash::services {

/// `slash db check`: every problem found, empty when the database is sound.
[[nodiscard]] std::vector<std::string> check_database(storage::Database& db);

/// `slash db backup FILE`: a consistent copy written next to `target` and renamed into
/// place; an existing target is refused (Conflict) unless `force`.
void backup_database(storage::Database& db, const std::filesystem::path& target, bool force);

/// Client handles and names for shell completion, read without creating, migrating or
/// locking anything: empty when the database is absent or unreadable.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> completion_clients(
    const std::filesystem::path& db_path, bool archived);

}  // namespace slash::services
