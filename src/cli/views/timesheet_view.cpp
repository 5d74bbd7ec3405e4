#include "timesheet_view.hpp"

#include <algorithm>
#include <ostream>

#include "entry_view.hpp"
#include "slash/domain/duration.hpp"

namespace slash::cli {

namespace {

using render::Value;

Value seconds_array(const std::vector<std::int64_t>& seconds) {
    Value::Array items;
    for (auto s : seconds) items.emplace_back(s);
    return Value::array(items);
}

// A duration cell: h:mm in pipes, the person's style on a terminal.
std::string hm(std::int64_t seconds, const render::OutputOptions& options) {
    return options.terminal ? render::table_duration(seconds, options.durations) : domain::format_hm(seconds);
}

std::string cell(std::int64_t seconds, const render::OutputOptions& options) {
    return seconds == 0 ? std::string() : hm(seconds, options);
}

// The part of an entry inside the sheet's first day, so that the rows add up to the
// mission totals when an entry crosses midnight.
std::int64_t day_part(const domain::Entry& entry, const services::Timesheet& sheet, std::int64_t now) {
    std::int64_t end = entry.start + entry.duration(now);
    return std::max<std::int64_t>(0, std::min(end, sheet.bounds[1]) - std::max(entry.start, sheet.bounds[0]));
}

}  // namespace

void write_day(std::ostream& out, const services::Timesheet& sheet, const domain::TimeZone& zone, std::int64_t now,
               const render::OutputOptions& options) {
    std::string date = domain::format_date(sheet.days.front());
    if (options.format == render::Format::Json) {
        Value::Array missions;
        for (const auto& row : sheet.rows) {
            Value::Array entries;
            for (const auto& entry : sheet.entries) {
                if (entry.mission_address == row.mission) entries.push_back(Value::object(entry_record(entry, zone, now)));
            }
            missions.push_back(Value::object({{"mission", row.mission},
                                              {"seconds", row.total},
                                              {"hours", domain::format_hours(row.total)},
                                              {"entries", Value::array(entries)}}));
        }
        out << render::to_json(Value::object({{"date", date},
                                              {"missions", Value::array(missions)},
                                              {"total_seconds", sheet.total},
                                              {"total_hours", domain::format_hours(sheet.total)}}))
            << '\n';
        return;
    }
    render::ListView view;
    view.schema.fields = {"mission", "start", "end", "time", "note", "id"};
    view.schema.columns = {{"mission", "MISSION"}, {"start", "START"}, {"end", "END"},
                           {"time", "TIME", true},  {"note", "NOTE"}};
    view.schema.id_field = "id";
    for (const auto& row : sheet.rows) {
        for (const auto& entry : sheet.entries) {
            if (entry.mission_address != row.mission) continue;
            view.rows.push_back({{"mission", row.mission},
                                 {"start", domain::format_local_hm(entry.start, zone)},
                                 {"end", entry.end ? domain::format_local_hm(*entry.end, zone) : std::string("…")},
                                 {"time", hm(day_part(entry, sheet, now), options)},
                                 {"note", entry.note},
                                 {"id", entry.id}});
        }
        view.rows.push_back({{"mission", row.mission}, {"time", hm(row.total, options)}, {"note", "total"}});
    }
    view.rows.push_back({{"mission", "TOTAL " + date}, {"time", hm(sheet.total, options)}});
    render::write_list(out, view, options);
}

void write_week(std::ostream& out, const services::Timesheet& sheet, const render::OutputOptions& options) {
    if (options.format == render::Format::Json) {
        Value::Array days, rows;
        for (const auto& day : sheet.days) days.emplace_back(domain::format_date(day));
        for (const auto& row : sheet.rows) {
            rows.push_back(Value::object(
                {{"mission", row.mission}, {"seconds", seconds_array(row.seconds)}, {"total_seconds", row.total}}));
        }
        out << render::to_json(Value::object({{"week_start", domain::format_date(sheet.days.front())},
                                              {"days", Value::array(days)},
                                              {"rows", Value::array(rows)},
                                              {"day_totals", seconds_array(sheet.day_totals)},
                                              {"total_seconds", sheet.total}}))
            << '\n';
        return;
    }
    static constexpr const char* kDayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    render::ListView view;
    view.schema.fields.push_back("mission");
    view.schema.columns.push_back({"mission", "MISSION"});
    for (const auto& day : sheet.days) {
        std::string key = domain::format_date(day);
        view.schema.fields.push_back(key);
        view.schema.columns.push_back(
            {key, std::string(kDayNames[domain::weekday(day)]) + " " + std::to_string(day.day), true});
    }
    view.schema.fields.push_back("total");
    view.schema.columns.push_back({"total", "TOTAL", true});
    view.schema.id_field = "id";
    auto add_row = [&](const std::string& mission, const std::vector<std::int64_t>& seconds, std::int64_t total) {
        render::Record record{{"mission", mission}, {"id", mission == "TOTAL" ? std::string() : mission}};
        for (std::size_t d = 0; d < sheet.days.size(); ++d) {
            record.emplace_back(domain::format_date(sheet.days[d]), cell(seconds[d], options));
        }
        record.emplace_back("total", hm(total, options));
        view.rows.push_back(std::move(record));
    };
    for (const auto& row : sheet.rows) add_row(row.mission, row.seconds, row.total);
    add_row("TOTAL", sheet.day_totals, sheet.total);
    render::write_list(out, view, options);
}

}  // namespace slash::cli
