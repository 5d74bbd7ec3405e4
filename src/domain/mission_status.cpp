#include "slash/domain/mission_status.hpp"

namespace slash::domain {

std::string_view to_text(MissionStatus status) {
    switch (status) {
        case MissionStatus::Planned: return "planned";
        case MissionStatus::Active: return "active";
        case MissionStatus::Paused: return "paused";
        case MissionStatus::Done: return "done";
    }
    return "active";  // not reached: every status is named above
}

std::optional<MissionStatus> mission_status_from_text(std::string_view text) {
    for (MissionStatus status :
         {MissionStatus::Planned, MissionStatus::Active, MissionStatus::Paused, MissionStatus::Done}) {
        if (to_text(status) == text) return status;
    }
    return std::nullopt;
}

}  // namespace slash::domain
