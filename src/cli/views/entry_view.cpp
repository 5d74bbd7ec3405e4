#include "entry_view.hpp"

#include "slash/domain/duration.hpp"
#include "slash/domain/local_words.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/money.hpp"

namespace slash::cli {

namespace {

using render::Value;

Value tags_value(const std::vector<std::string>& tags) {
    Value::Array items;
    for (const auto& tag : tags) items.emplace_back(tag);
    return Value::array(items);
}

}  // namespace

render::Record entry_record(const domain::Entry& e, const domain::TimeZone& zone, std::int64_t now) {
    std::int64_t seconds = e.duration(now);
    auto slash = e.mission_address.find('/');
    return {
        {"id", e.id},
        {"uid", e.uid},
        {"mission", e.mission_address},
        {"client", e.mission_address.substr(0, slash)},
        {"date", domain::format_date(domain::local_date(e.start, zone))},
        {"start", domain::format_local_iso(e.start, zone)},
        {"end", e.end ? Value(domain::format_local_iso(*e.end, zone)) : Value()},
        {"seconds", seconds},
        {"hours", domain::format_hours(seconds)},
        {"duration", domain::format_hm(seconds)},
        {"running", e.running()},
        {"note", e.note},
        {"tags", tags_value(e.tags)},
        {"units", e.units_milli ? Value(domain::format_amount(*e.units_milli, 3)) : Value()},
        {"billable", e.billable},
        {"created_at", domain::format_local_iso(e.created_at, zone)},
        {"updated_at", domain::format_local_iso(e.updated_at, zone)},
    };
}

const render::Schema& entry_schema() {
    static const render::Schema schema = [] {
        render::Schema built;
        domain::FixedOffsetZone utc(0, "UTC");
        domain::Entry prototype;
        built.fields = render::flat_field_names(entry_record(prototype, utc, 0));
        built.columns = {{"id", "ID", true},        {"date", "DATE"},     {"start_time", "START"},
                         {"end_time", "END"},       {"duration", "TIME", true, "seconds"}, {"mission", "MISSION"},
                         {"note", "NOTE"}};
        built.labels = {{"id", "Entry"},       {"uid", "UID"},           {"mission", "Mission"},
                        {"start", "Start"},    {"end", "End"},           {"duration", "Duration", false, "seconds"},
                        {"hours", "Hours"},    {"note", "Note"},         {"tags", "Tags"},
                        {"units", "Units"},    {"billable", "Billable"}, {"created_at", "Created"},
                        {"updated_at", "Updated"}};
        built.id_field = "id";
        return built;
    }();
    return schema;
}

render::Record entry_list_row(const domain::Entry& entry, const domain::TimeZone& zone, std::int64_t now,
                              bool for_table) {
    auto record = entry_record(entry, zone, now);
    if (!for_table) return record;
    // Table-only cells: the clock times alone, next to the DATE column.
    record.emplace_back("start_time", domain::format_local_hm(entry.start, zone));
    record.emplace_back("end_time", entry.end ? domain::format_local_hm(*entry.end, zone) : std::string("…"));
    return record;
}

render::Record status_record(const services::StatusView& status, const std::vector<UnbilledTotal>& unbilled,
                             const domain::TimeZone& zone, std::int64_t now, render::DurationStyle durations) {
    Value::Array amounts;
    std::string unbilled_text;
    for (const auto& total : unbilled) {
        std::string amount = domain::format_amount(total.minor, domain::currency_minor_digits(total.currency));
        amounts.push_back(Value::object({{"amount", amount}, {"currency", total.currency}}));
        unbilled_text += (unbilled_text.empty() ? "" : ", ") + amount + " " + total.currency;
    }
    if (unbilled_text.empty()) unbilled_text = "nothing";
    Value running;
    if (status.running) {
        const auto& e = *status.running;
        running = Value::object({{"id", e.id},
                                 {"mission", e.mission_address},
                                 {"start", domain::format_local_iso(e.start, zone)},
                                 {"seconds", e.duration(now)},
                                 {"note", e.note}});
    }
    std::string timer = "no timer running";
    if (status.running) {
        const auto& e = *status.running;
        // The day too when it is not today: "since 18:00 (16h)" hid a timer left overnight.
        timer = e.mission_address + " since " + domain::format_local_when(e.start, zone, now) + " (" +
                render::spoken_duration(e.duration(now), durations) + ")" + (e.note.empty() ? "" : " " + e.note);
    }
    return {
        {"running", running},
        {"timer", timer},
        {"today_seconds", status.today_seconds},
        {"today", domain::format_duration(status.today_seconds)},
        {"week_seconds", status.week_seconds},
        {"week", domain::format_duration(status.week_seconds)},
        {"unbilled", Value::array(amounts)},
        {"unbilled_text", unbilled_text},
    };
}

const render::Schema& status_schema() {
    static const render::Schema schema{
        {"running.id", "running.mission", "running.start", "running.seconds", "running.note", "timer",
         "today_seconds", "today", "week_seconds", "week", "unbilled", "unbilled_text"},
        {},
        {{"timer", "Timer"},
         {"today", "Today", false, "today_seconds"},
         {"week", "This week", false, "week_seconds"},
         {"unbilled_text", "Unbilled"}},
        "running.id"};
    return schema;
}

}  // namespace slash::cli
