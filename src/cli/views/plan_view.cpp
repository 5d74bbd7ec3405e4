#include "plan_view.hpp"

#include <ostream>

#include <fmt/format.h>

#include "slash/domain/duration.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/render/bar_chart.hpp"
#include "values.hpp"

namespace slash::cli {

namespace {

using render::Value;

std::string hours(std::int64_t seconds, render::DurationStyle durations) {
    return render::spoken_duration(seconds, durations);
}

Value optional_int(const std::optional<std::int64_t>& number) { return number ? Value(*number) : Value(); }

Value at_risk_record(const services::PlannedMission& m) {
    return Value::object({
        {"mission", m.report.mission.address()},
        {"due_date", m.report.mission.due_date},
        {"overdue", m.overdue},
        {"remaining_seconds", m.remaining_seconds},
        {"remaining_hours", domain::format_hours(m.remaining_seconds)},
        {"available_seconds", m.available_seconds},
        {"available_hours", domain::format_hours(m.available_seconds)},
        {"shortfall_seconds", m.remaining_seconds - m.available_seconds},
        {"shortfall_hours", domain::format_hours(m.remaining_seconds - m.available_seconds)},
    });
}

Value budget_value(const domain::Mission& m) {
    if (m.budget_seconds) {
        return Value::object({{"seconds", *m.budget_seconds}, {"hours", domain::format_hours(*m.budget_seconds)}});
    }
    return m.budget_minor ? money_value(*m.budget_minor, m.currency) : Value();
}

Value over_budget_record(const services::MissionReport& r) {
    const auto& m = r.mission;
    return Value::object({
        {"mission", m.address()},
        {"budget", budget_value(m)},
        {"logged_seconds", r.logged_seconds},
        {"logged_hours", domain::format_hours(r.logged_seconds)},
        {"unbilled", r.unbilled_minor ? money_value(*r.unbilled_minor, m.currency) : Value()},
        {"budget_used_percent", optional_int(r.budget_used_percent)},
    });
}

Value unscheduled_record(const services::PlannedMission& m) {
    return Value::object({
        {"mission", m.report.mission.address()},
        {"remaining_seconds", m.remaining_seconds},
        {"remaining_hours", domain::format_hours(m.remaining_seconds)},
    });
}

std::string percent_text(const std::optional<std::int64_t>& percent) {
    return percent ? fmt::format(" ({}%)", *percent) : std::string();
}

}  // namespace

render::Record plan_week_record(const services::PlanWeek& week) {
    Value::Array missions;
    for (const auto& share : week.missions) {
        missions.push_back(Value::object(
            {{"mission", share.mission}, {"seconds", share.seconds}, {"hours", domain::format_hours(share.seconds)}}));
    }
    return {
        {"week_start", domain::format_date(week.first)},
        {"week_end", domain::format_date(week.last)},
        {"working_days", week.working_days},
        {"capacity_seconds", week.capacity_seconds},
        {"capacity_hours", domain::format_hours(week.capacity_seconds)},
        {"committed_seconds", week.committed_seconds},
        {"committed_hours", domain::format_hours(week.committed_seconds)},
        {"free_seconds", week.free_seconds()},
        {"free_hours", domain::format_hours(week.free_seconds())},
        {"load_percent", optional_int(week.load_percent)},
        {"overbooked", week.overbooked()},
        {"missions", Value::array(missions)},
    };
}

render::ListView plan_weeks_view(const services::Plan& plan, const render::OutputOptions& options) {
    render::ListView view;
    auto& schema = view.schema;
    schema.fields = {"week_start",      "week_end",        "working_days", "capacity_seconds",
                     "capacity_hours",  "committed_seconds", "committed_hours", "free_seconds",
                     "free_hours",      "load_percent",    "overbooked"};
    schema.columns = {{"week_start", "WEEK"},          {"working_days", "DAYS", true},
                      {"capacity_hours", "CAPACITY", true, "capacity_seconds"},
                      {"committed_hours", "COMMITTED", true, "committed_seconds"},
                      {"free_hours", "FREE", true, "free_seconds"},     {"load", "LOAD", true},
                      {"status", "STATUS"}};
    schema.id_field = "week_start";
    for (const auto& week : plan.weeks) {
        render::Record record = plan_week_record(week);
        if (options.format == render::Format::Auto) {
            record.emplace_back("load", week.load_percent ? fmt::format("{}%", *week.load_percent) : std::string());
            record.emplace_back("status", week.overbooked() ? "overbooked" : "");
        }
        view.rows.push_back(std::move(record));
    }
    return view;
}

void write_plan_json(std::ostream& out, const services::Plan& plan) {
    Value::Array weeks, at_risk, over_budget, unscheduled;
    for (const auto& week : plan.weeks) weeks.push_back(Value::object(plan_week_record(week)));
    for (const auto& m : plan.at_risk) at_risk.push_back(at_risk_record(m));
    for (const auto& r : plan.over_budget) over_budget.push_back(over_budget_record(r));
    for (const auto& m : plan.unscheduled) unscheduled.push_back(unscheduled_record(m));
    out << render::to_json(Value::object({
               {"today", domain::format_date(plan.today)},
               {"capacity_seconds", plan.weekly_capacity_seconds},
               {"capacity_hours", domain::format_hours(plan.weekly_capacity_seconds)},
               {"capacity_source", plan.capacity_from_config ? "config" : "default"},
               {"weeks", Value::array(weeks)},
               {"at_risk", Value::array(at_risk)},
               {"over_budget", Value::array(over_budget)},
               {"unscheduled", Value::array(unscheduled)},
           }))
        << '\n';
}

std::string plan_notes(const services::Plan& plan, render::DurationStyle durations) {
    std::string out;
    for (const auto& m : plan.at_risk) {
        const auto& address = m.report.mission.address();
        if (m.overdue) {
            out += fmt::format("at risk: {}: {} left, overdue since {} (counted today)\n", address,
                               hours(m.remaining_seconds, durations), m.report.mission.due_date);
        } else {
            out += fmt::format("at risk: {}: {} left, {} of capacity until it is due on {}\n", address,
                               hours(m.remaining_seconds, durations), hours(m.available_seconds, durations), m.report.mission.due_date);
        }
    }
    for (const auto& r : plan.over_budget) {
        const auto& m = r.mission;
        if (m.budget_seconds) {
            out += fmt::format("over budget: {}: {} logged, budget {}{}\n", m.address(), hours(r.logged_seconds, durations),
                               hours(*m.budget_seconds, durations), percent_text(r.budget_used_percent));
        } else {
            out += fmt::format("over budget: {}: {} unbilled, budget {}{}\n", m.address(),
                               domain::format_money(r.unbilled_minor.value_or(0), m.currency),
                               domain::format_money(m.budget_minor.value_or(0), m.currency),
                               percent_text(r.budget_used_percent));
        }
    }
    for (const auto& m : plan.unscheduled) {
        const auto& address = m.report.mission.address();
        out += fmt::format("no due date: {}: {} left, not planned; give one with: slash mission edit {} --due DATE\n",
                           address, hours(m.remaining_seconds, durations), address);
    }
    return out;
}

std::string plan_chart(const services::Plan& plan, bool ascii, render::DurationStyle durations) {
    std::vector<render::Bar> bars;
    for (const auto& week : plan.weeks) {
        bars.push_back({domain::format_date(week.first), week.committed_seconds,
                        fmt::format("{} / {}", hours(week.committed_seconds, durations), hours(week.capacity_seconds, durations)),
                        week.capacity_seconds});
    }
    render::ChartOptions options;
    options.ascii = ascii;
    return render::bar_chart(bars, options);
}

}  // namespace slash::cli
