#include "slash/services/mission_completion.hpp"

#include "slash/domain/error.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/mission_store.hpp"

namespace slash::services {

namespace {

bool wanted(const std::string& status, MissionChoice choice) {
    switch (choice) {
        case MissionChoice::Open: return status != "done";
        case MissionChoice::Pausable: return status == "active" || status == "planned";
        case MissionChoice::Resumable: return status == "paused" || status == "done";
    }
    return false;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> completion_missions(const std::filesystem::path& db_path,
                                                                     MissionChoice choice) {
    std::vector<std::pair<std::string, std::string>> result;
    auto db = storage::Database::open_read_only(db_path);
    if (!db) return result;
    storage::MissionFilter filter;
    filter.include_done = choice == MissionChoice::Resumable;
    try {
        for (const auto& mission : storage::MissionStore(*db).list(filter)) {
            if (wanted(mission.status, choice)) result.emplace_back(mission.address(), mission.title);
        }
    } catch (const Error&) {
        // Completion must never print an error into the user's command line.
        result.clear();
    }
    return result;
}

}  // namespace slash::services
