#include "slash/domain/mission_status.hpp"

#include <doctest/doctest.h>

#include <string>

#include "slash/domain/mission.hpp"

namespace d = slash::domain;

TEST_CASE("domain/mission_status: each stored text reads back, others do not, only done is closed") {
    for (d::MissionStatus status :
         {d::MissionStatus::Planned, d::MissionStatus::Active, d::MissionStatus::Paused, d::MissionStatus::Done}) {
        CAPTURE(std::string(d::to_text(status)));
        CHECK(d::mission_status_from_text(d::to_text(status)) == status);
        d::Mission mission;
        mission.status = status;
        CHECK(mission.open() == (status != d::MissionStatus::Done));
    }
    CHECK(d::to_text(d::MissionStatus::Paused) == "paused");
    CHECK(d::mission_status_from_text("Done") == std::nullopt);
    CHECK(d::mission_status_from_text("closed") == std::nullopt);
}
