#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "slash/config/config.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/time_grammar.hpp"
#include "slash/services/mission_service.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// `slash plan` as typed: nullopt weeks means the default (6).
struct PlanQuery {
    std::optional<std::string> weeks;
    std::vector<std::string> off;  ///< --off values, each DATE or DATE..DATE
};

/// A PlanQuery checked: what `plan` works with.
struct PlanRequest {
    int weeks = 6;
    std::vector<domain::DayRange> off;
};

/// Checks a query before anything is opened: --weeks outside 1..52 or not a number, an
/// --off that is not a day or a range of days, or a range whose first day is after its
/// last, throw Usage naming the value and the form to use.
[[nodiscard]] PlanRequest check_plan_query(const PlanQuery& query);

/// A mission's remaining work as the plan sees it.
struct PlannedMission {
    MissionReport report;
    std::int64_t remaining_seconds = 0;  ///< estimate − logged, > 0
    /// The days its work is spread over (an overdue mission's: today alone).
    domain::CivilDate first, last;
    bool overdue = false;
    /// Working days and capacity of [first, last].
    std::int64_t working_days = 0;
    std::int64_t available_seconds = 0;
};

/// One mission's share of a week.
struct WeekShare {
    std::string mission;  ///< client/mission
    std::int64_t seconds = 0;
};

struct PlanWeek {
    domain::CivilDate first, last;  ///< the seven days
    std::int64_t working_days = 0;  ///< from today on
    std::int64_t capacity_seconds = 0;
    std::int64_t committed_seconds = 0;
    std::optional<std::int64_t> load_percent;  ///< nullopt without capacity
    std::vector<WeekShare> missions;           ///< by address

    [[nodiscard]] std::int64_t free_seconds() const { return capacity_seconds - committed_seconds; }
    [[nodiscard]] bool overbooked() const { return committed_seconds > capacity_seconds; }
};

/// Everything `slash plan` shows.
struct Plan {
    domain::CivilDate today;
    std::int64_t weekly_capacity_seconds = 0;
    /// True when the config file sets [time] capacity; false: the built-in default.
    bool capacity_from_config = false;
    std::vector<PlanWeek> weeks;
    /// Planned and active missions with a due date whose remaining work exceeds the
    /// capacity left before it, or that are overdue with work left; by address.
    std::vector<PlannedMission> at_risk;
    /// Open missions (paused too) whose logged time exceeds a time budget, or whose value
    /// (as `slash missions` counts it: unbilled work) exceeds a money budget; by address.
    std::vector<MissionReport> over_budget;
    /// Planned and active missions with remaining work but no due date: not counted in
    /// the weeks; by address.
    std::vector<PlannedMission> unscheduled;
};

/// The workload plan: read-only.
class PlanService {
public:
    PlanService(storage::Database& db, const config::Config& config, const domain::TimeContext& time,
                bool capacity_from_config)
        : db_(db), config_(config), time_(time), capacity_from_config_(capacity_from_config) {}

    /// Planned and active missions with an estimate: what is left of it (never negative)
    /// spread evenly over the working days from max(today, start date) to the due date.
    /// Days off are [time] days_off and `request.off`. A [time] capacity above the 168
    /// hours of a week, or a days_off value that is not a day or a range, throws Config.
    [[nodiscard]] Plan plan(const PlanRequest& request);

private:
    storage::Database& db_;
    const config::Config& config_;
    domain::TimeContext time_;
    bool capacity_from_config_;
};

}  // namespace slash::services
