#include "slash/services/mission_completion.hpp"

#include "slash/domain/error.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/mission_store.hpp"

namespace slash::services {

namespace {

// What each status allows: the states of `slash mission pause` and `resume`.
bool wanted(domain::MissionStatus status, MissionChoice choice) {
    switch (status) {
        case domain::MissionStatus::Planned:
        case domain::MissionStatus::Active: return choice != MissionChoice::Resumable;
        case domain::MissionStatus::Paused: return choice != MissionChoice::Pausable;
        case domain::MissionStatus::Done: return choice == MissionChoice::Resumable;
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
