#include "slash/services/entry_completion.hpp"

#include "slash/domain/error.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/entry_store.hpp"

namespace slash::services {

std::vector<std::pair<std::string, std::string>> completion_entries(const std::filesystem::path& db_path,
                                                                   const domain::TimeZone& zone, std::size_t limit) {
    std::vector<std::pair<std::string, std::string>> result;
    auto db = storage::Database::open_read_only(db_path);
    if (!db) return result;
    try {
        // Local times, as `entry list` shows them: the user recognises "11:00", not UTC.
        for (const auto& entry : storage::EntryStore(*db).latest_entries(limit)) {
            std::string description = domain::format_date(domain::local_date(entry.start, zone)) + " " +
                                      domain::format_local_hm(entry.start, zone) + " " + entry.mission_address;
            if (!entry.note.empty()) description += " " + entry.note;
            result.emplace_back(std::to_string(entry.id), description);
        }
    } catch (const Error&) {
        // Completion never prints an error into the user's command line.
        result.clear();
    }
    return result;
}

}  // namespace slash::services
