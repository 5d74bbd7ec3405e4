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
        // The trigger-kept totals must equal what the entries say.
        SQLite::Statement totals(connection(db),
                                 "SELECT c.handle || '/' || m.handle FROM missions m JOIN clients c ON c.id = m.client_id "
                                 "LEFT JOIN mission_totals t ON t.mission_id = m.id "
                                 "LEFT JOIN (SELECT mission_id, count(*) AS n, "
                                 "           sum(coalesce(end_at - start_at, 0)) AS s FROM entries GROUP BY mission_id) e "
                                 "ON e.mission_id = m.id "
                                 "WHERE coalesce(t.entries, 0) != coalesce(e.n, 0) "
                                 "   OR coalesce(t.logged_seconds, 0) != coalesce(e.s, 0)");
        while (totals.executeStep()) {
            problems.push_back(fmt::format("totals: mission {} has stale totals (entries or logged seconds)",
                                           totals.getColumn(0).getString()));
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
