#pragma once

#include <iosfwd>
#include <string>

#include "slash/render/output.hpp"
#include "slash/services/plan_service.hpp"

namespace slash::cli {

/// The JSON shape of a week of `slash plan`: week_start, week_end, working_days,
/// capacity_seconds/_hours, committed_seconds/_hours, free_seconds/_hours (negative when
/// overbooked), load_percent (null without capacity), overbooked, and missions, each
/// {mission, seconds, hours}.
render::Record plan_week_record(const services::PlanWeek& week);
/// The weeks as a list: the table (on a terminal, or piped as tab-separated rows) shows
/// WEEK, DAYS, CAPACITY, COMMITTED, FREE, LOAD and "overbooked"; --csv, --tsv and
/// --template have the flat fields without the missions; -q prints week starts.
render::ListView plan_weeks_view(const services::Plan& plan, const render::OutputOptions& options);
/// `--json`: one object {today, capacity_seconds, capacity_hours, capacity_source ("config"
/// or "default"), weeks, at_risk, over_budget, unscheduled}.
void write_plan_json(std::ostream& out, const services::Plan& plan);
/// The lines a person reads after the table: missions at risk, over budget, and without a
/// due date; "" when there is none.
std::string plan_notes(const services::Plan& plan, render::DurationStyle durations);
/// `--chart`: a bar per week of committed hours, the week's capacity marked.
std::string plan_chart(const services::Plan& plan, bool ascii, render::DurationStyle durations);

}  // namespace slash::cli
