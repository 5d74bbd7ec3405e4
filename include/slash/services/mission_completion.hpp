#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace slash::services {

/// Which missions a verb can act on, for shell completion.
enum class MissionChoice {
    Open,       ///< show, edit, done, rm: every mission that is not done
    Pausable,   ///< pause: active or planned
    Resumable,  ///< resume: paused or done
};

/// `client/mission` addresses and titles for shell completion, read without creating,
/// migrating or locking anything; missions of archived clients are left out, as their
/// clients are. Empty when the database is absent or unreadable.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> completion_missions(
    const std::filesystem::path& db_path, MissionChoice choice);

}  // namespace slash::services
