#include "slash/storage/maintenance.hpp"

#include <fmt/format.h>

#include "sqlite_access.hpp"

namespace slash::storage {

std::vector<std::string> integrity_problems(Database& db) {
    return guarded(db, [&] {
        std::vector<std::string> problems;
        SQLite::Statement integrity(connection(db), "PRAGMA integrity_check");
        while (integrity.executeStep()) {
            std::string line = integrity.getColumn(0).getString();
            if (line != "ok") problems.push_back("integrity: " + line);
        }
        SQLite::Statement keys(connection(db), "PRAGMA foreign_key_check");
        while (keys.executeStep()) {
            problems.push_back(fmt::format("foreign key: row {} of {} refers to a missing row of {}",
                                           keys.getColumn(1).getInt64(), keys.getColumn(0).getString(),
                                           keys.getColumn(2).getString()));
        }
        return problems;
    });
}

void backup_database(Database& db, const std::filesystem::path& target) {
    guarded(db, [&] {
        SQLite::Statement vacuum(connection(db), "VACUUM INTO ?");
        vacuum.bind(1, target.string());
        vacuum.exec();
    });
}

}  // namespace slash::storage
