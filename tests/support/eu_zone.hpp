#pragma once

// A time zone with the EU's daylight-saving rules, for the tests and the fuzz targets that
// need a spring gap and an autumn fold without the tz database (fuzz/CMakeLists.txt adds
// tests/ to the fuzz targets' include path for this header).

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "slash/domain/calendar.hpp"
#include "slash/domain/time_zone.hpp"

namespace slash::testing {

/// Europe/Paris since 1996: UTC+1, and UTC+2 from the last Sunday of March 01:00 UTC to the
/// last Sunday of October 01:00 UTC. Local 02:00-03:00 on the spring day does not exist, and
/// on the autumn day it happens twice.
class EuZone final : public domain::TimeZone {
  public:
    /// `name` is what messages call the zone: the fuzz targets give another, so that a
    /// finding's message does not pass for the tz database's Europe/Paris.
    explicit EuZone(std::string name = "Europe/Paris") : name_(std::move(name)) {}

    [[nodiscard]] std::int64_t offset_at(std::int64_t utc) const override {
        // Floor division that cannot overflow, whatever instant a fuzz input reaches.
        const std::int64_t days = utc / 86400 - (utc % 86400 < 0 ? 1 : 0);
        const int year = domain::civil_from_days(days).year;
        return utc >= last_sunday_0100(year, 3) && utc < last_sunday_0100(year, 10) ? 7200 : 3600;
    }
    [[nodiscard]] std::vector<std::int64_t> instants_of(
        const domain::LocalDateTime& local) const override {
        std::vector<std::int64_t> instants;
        const std::int64_t naive = domain::local_seconds(local);
        for (const std::int64_t offset : {7200, 3600}) {  // the earlier instant first
            if (offset_at(naive - offset) == offset) instants.push_back(naive - offset);
        }
        return instants;
    }
    [[nodiscard]] std::string name() const override { return name_; }

  private:
    static std::int64_t last_sunday_0100(int year, int month) {
        const domain::CivilDate last = domain::add_days(domain::CivilDate{year, month + 1, 1}, -1);
        return (domain::days_from_civil(last) - (domain::weekday(last) + 1) % 7) * 86400 + 3600;
    }

    std::string name_;
};

}  // namespace slash::testing
