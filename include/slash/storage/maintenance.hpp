#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace slash::storage {

class Database;

/// SQLite's integrity check and foreign-key check: one line per problem, empty when clean.
[[nodiscard]] std::vector<std::string> integrity_problems(Database& db);

/// Writes a consistent copy of the database to `target` (which must not exist) while other
/// processes may keep writing: VACUUM INTO reads one snapshot inside a read transaction.
void backup_database(Database& db, const std::filesystem::path& target);

}  // namespace slash::storage
