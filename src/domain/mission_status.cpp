#include "slash/domain/mission_status.hpp"

#include "slash/domain/enum_text.hpp"

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
    static constexpr MissionStatus kStatuses[] = {MissionStatus::Planned, MissionStatus::Active,
                                                  MissionStatus::Paused, MissionStatus::Done};
    return enum_from_text<MissionStatus>(text, kStatuses);
}

}  // namespace slash::domain
