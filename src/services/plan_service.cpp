#include "slash/services/plan_service.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "slash/domain/duration.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/domain/workload.hpp"

namespace slash::services {

namespace {

constexpr int kMaxWeeks = 52;
constexpr std::int64_t kSecondsPerWeek = 7 * 24 * 3600;

int parse_weeks(const std::string& text) {
    bool digits = !text.empty() && text.size() <= 2 &&
                  std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    int weeks = digits ? std::stoi(text) : 0;
    if (weeks < 1 || weeks > kMaxWeeks) {
        throw Error(ErrorKind::Usage, fmt::format("invalid --weeks {}: give a number of weeks from 1 to {}",
                                                  domain::quoted(text), kMaxWeeks));
    }
    return weeks;
}

// A reversed range gets its own message, with the range the user meant.
domain::DayRange parse_off(const std::string& text) {
    if (auto range = domain::parse_day_range(text)) return *range;
    auto dots = text.find("..");
    if (dots != std::string::npos) {
        auto first = domain::parse_iso_date(text.substr(0, dots));
        auto last = domain::parse_iso_date(text.substr(dots + 2));
        if (first && last) {
            throw Error(ErrorKind::Usage,
                        fmt::format("invalid --off {}: the first day is after the last; write {}..{}",
                                    domain::quoted(text), text.substr(dots + 2), text.substr(0, dots)));
        }
    }
    throw Error(ErrorKind::Usage,
                fmt::format("invalid --off {}: give a day YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD",
                            domain::quoted(text)));
}

std::int64_t weekly_capacity(const config::TimeConfig& time) {
    std::int64_t seconds = 0;
    try {
        seconds = domain::parse_duration(time.capacity);
    } catch (const Error& e) {
        throw Error(ErrorKind::Config, fmt::format("time.capacity: {}", e.what()));
    }
    if (seconds > kSecondsPerWeek) {
        throw Error(ErrorKind::Config,
                    fmt::format("time.capacity {} is more than the 168 hours of a week; set yours with: slash "
                                "config set time.capacity 35h",
                                domain::quoted(time.capacity)));
    }
    return seconds;
}

std::int64_t day_number(const std::string& iso) {
    auto date = domain::parse_iso_date(iso);
    if (!date) throw Error(ErrorKind::Failure, fmt::format("the database holds a bad date {}", domain::quoted(iso)));
    return domain::days_from_civil(*date);
}

bool schedulable(const MissionReport& report) {
    const auto status = report.mission.status;
    const bool planned_or_active =
        status == domain::MissionStatus::Planned || status == domain::MissionStatus::Active;
    return planned_or_active && report.mission.estimate_seconds;
}

// Over a time budget: more logged than budgeted; over a money budget: more value than
// budgeted, the value being what `slash missions` counts against the budget.
bool over_budget(const MissionReport& r) {
    const auto& m = r.mission;
    if (m.budget_seconds) return r.logged_seconds > *m.budget_seconds;
    if (m.budget_minor && r.unbilled_minor) return *r.unbilled_minor > *m.budget_minor;
    return false;
}

}  // namespace

PlanRequest check_plan_query(const PlanQuery& query) {
    PlanRequest request;
    if (query.weeks) request.weeks = parse_weeks(*query.weeks);
    for (const auto& text : query.off) request.off.push_back(parse_off(text));
    return request;
}

Plan PlanService::plan(const PlanRequest& request) {
    Plan plan;
    plan.weekly_capacity_seconds = weekly_capacity(config_.time);
    plan.capacity_from_config = capacity_from_config_;
    std::vector<domain::DayRange> off = request.off;
    for (const auto& text : config_.time.days_off) {
        auto range = domain::parse_day_range(text);
        if (!range) {
            throw Error(ErrorKind::Config,
                        fmt::format("invalid time.days_off {}: give a day YYYY-MM-DD or a range "
                                    "YYYY-MM-DD..YYYY-MM-DD",
                                    domain::quoted(text)));
        }
        off.push_back(*range);
    }
    const domain::WorkCalendar calendar(plan.weekly_capacity_seconds, off);
    plan.today = domain::local_date(time_.now, time_.zone);
    const std::int64_t today = domain::days_from_civil(plan.today);

    auto reports = MissionService(db_, time_, billing_rules(config_)).list(std::nullopt, false);
    std::vector<domain::WorkItem> items;
    std::vector<const MissionReport*> scheduled;
    for (const auto& report : reports) {
        if (over_budget(report)) plan.over_budget.push_back(report);
        if (!schedulable(report)) continue;
        const auto& m = report.mission;
        std::int64_t remaining = std::max<std::int64_t>(0, *m.estimate_seconds - report.logged_seconds);
        if (remaining == 0) continue;
        if (m.due_date.empty()) {
            PlannedMission& u = plan.unscheduled.emplace_back();
            u.report = report;
            u.remaining_seconds = remaining;
            continue;
        }
        domain::WorkItem item;
        item.remaining = remaining;
        item.start = m.start_date.empty() ? today : day_number(m.start_date);
        item.due = day_number(m.due_date);
        items.push_back(item);
        scheduled.push_back(&report);
    }

    const auto workload =
        domain::plan_workload(calendar, today, time_.week_start, request.weeks, items);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& p = workload.items[i];
        if (!p.at_risk) continue;
        PlannedMission& r = plan.at_risk.emplace_back();
        r.report = *scheduled[i];
        r.remaining_seconds = items[i].remaining;
        r.first = domain::civil_from_days(p.first);
        r.last = domain::civil_from_days(p.last);
        r.overdue = p.overdue;
        r.working_days = p.working_days;
        r.available_seconds = p.available;
    }
    for (const auto& w : workload.weeks) {
        PlanWeek& week = plan.weeks.emplace_back();
        week.first = domain::civil_from_days(w.first);
        week.last = domain::civil_from_days(w.last);
        week.working_days = w.working_days;
        week.capacity_seconds = w.capacity;
        week.committed_seconds = w.committed;
        week.load_percent = w.load_percent();
        for (const auto& [index, seconds] : w.items) {
            week.missions.push_back({scheduled[index]->mission.address(), seconds});
        }
    }
    return plan;
}

}  // namespace slash::services
