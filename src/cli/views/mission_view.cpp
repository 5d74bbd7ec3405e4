#include "mission_view.hpp"

#include <algorithm>

#include "slash/domain/calendar.hpp"
#include "slash/domain/duration.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/money.hpp"
#include "values.hpp"

namespace slash::cli {

namespace {

using render::Value;

Value optional_int(const std::optional<std::int64_t>& number) { return number ? Value(*number) : Value(); }

Value optional_money(const std::optional<std::int64_t>& minor, const std::string& currency) {
    return minor ? money_value(*minor, currency) : Value();
}

// A time budget is a duration object, a money budget a money object.
Value budget_value(const domain::Mission& m) {
    if (m.budget_seconds) {
        return Value::object({{"seconds", *m.budget_seconds}, {"hours", domain::format_hours(*m.budget_seconds)}});
    }
    return optional_money(m.budget_minor, m.currency);
}

std::string budget_text(const domain::Mission& m, render::DurationStyle durations) {
    if (m.budget_seconds) return render::spoken_duration(*m.budget_seconds, durations);
    return render::to_cell(optional_money(m.budget_minor, m.currency));
}

// The fields only the human layouts show, appended after the contract fields.
render::Record with_display_fields(const services::MissionReport& r, const domain::TimeZone& zone,
                                   const render::OutputOptions& options) {
    // Piped rows keep decimal hours; a terminal shows the person's duration style.
    const auto table_hours = [&](std::int64_t seconds) {
        return options.terminal ? render::table_duration(seconds, options.durations) : domain::format_hours(seconds);
    };
    const auto spoken = [&](std::int64_t seconds) { return render::spoken_duration(seconds, options.durations); };
    render::Record record = mission_record(r, zone);
    const domain::Mission& m = r.mission;
    std::string due = m.due_date;
    if (r.overdue) due += " (overdue)";
    record.emplace_back("due", due);
    // Work past the estimate or the budget is marked as a late due date is: an overrun
    // should not need arithmetic to be seen.
    const bool over_budget = r.budget_used_percent && *r.budget_used_percent > 100;
    const bool over_estimate = m.estimate_seconds && r.logged_seconds > *m.estimate_seconds;
    record.emplace_back("budget_used", r.budget_used_percent ? std::to_string(*r.budget_used_percent) + "%" +
                                                                   (over_budget ? " (over)" : "")
                                                             : std::string());
    record.emplace_back("budget_text", budget_text(m, options.durations));
    record.emplace_back("estimate", m.estimate_seconds ? table_hours(*m.estimate_seconds) +
                                                             (over_estimate ? " (over)" : "")
                                                       : std::string());
    record.emplace_back("estimate_text", m.estimate_seconds ? spoken(*m.estimate_seconds) +
                                                                  (over_estimate ? " (over)" : "")
                                                            : std::string());
    record.emplace_back("logged", spoken(r.logged_seconds));
    return record;
}

render::Record row_for(const services::MissionReport& r, const render::OutputOptions& options,
                       const domain::TimeZone& zone) {
    return options.format == render::Format::Auto ? with_display_fields(r, zone, options) : mission_record(r, zone);
}

}  // namespace

render::Record mission_record(const services::MissionReport& r, const domain::TimeZone& zone) {
    const domain::Mission& m = r.mission;
    Value::Array tags;
    for (const auto& tag : m.tags) tags.emplace_back(tag);
    return {
        {"mission", m.address()},
        {"client", m.client_handle},
        {"handle", m.handle},
        {"title", optional_text(m.title)},
        {"billing", std::string(domain::to_text(m.billing))},
        {"rate", optional_money(m.rate_minor, m.currency)},
        {"unit_name", optional_text(m.unit_name)},
        {"vat_regime", m.vat_regime ? Value(*m.vat_regime) : Value()},
        {"vat_rate", m.vat_rate_milli ? Value(domain::format_vat_rate(*m.vat_rate_milli)) : Value()},
        {"activity", m.activity ? Value(*m.activity) : Value()},
        {"budget", budget_value(m)},
        {"estimate_seconds", optional_int(m.estimate_seconds)},
        {"start_date", optional_text(m.start_date)},
        {"due_date", optional_text(m.due_date)},
        {"overdue", r.overdue},
        {"tags", Value::array(tags)},
        {"status", std::string(domain::to_text(m.status))},
        {"logged_seconds", r.logged_seconds},
        {"logged_hours", domain::format_hours(r.logged_seconds)},
        {"budget_used_percent", optional_int(r.budget_used_percent)},
        {"unbilled", optional_money(r.unbilled_minor, m.currency)},
        {"deposits", optional_money(r.deposited_minor, m.currency)},
        {"created_at", domain::format_local_iso(m.created_at, zone)},
        {"updated_at", domain::format_local_iso(m.updated_at, zone)},
    };
}

const render::Schema& mission_schema() {
    static const render::Schema schema = [] {
        render::Schema built;
        services::MissionReport prototype;  // every object filled in, so that its fields are columns
        prototype.mission.rate_minor = 0;
        prototype.unbilled_minor = 0;
        prototype.deposited_minor = 0;
        render::Record record = mission_record(prototype, domain::FixedOffsetZone(0, "UTC"));
        for (auto& [name, value] : record) {
            // A budget is time or money: the flat formats have the columns of both.
            if (name == "budget") {
                value = Value::object(
                    {{"seconds", std::int64_t{0}}, {"hours", ""}, {"amount", ""}, {"currency", ""}});
            }
        }
        built.fields = render::flat_field_names(record);
        built.columns = {{"mission", "MISSION"},           {"status", "STATUS"},     {"due", "DUE"},
                         {"logged_hours", "HOURS", true, "logged_seconds"},  {"estimate", "ESTIMATE", true},
                         {"budget_used", "BUDGET", true},
                         {"unbilled", "UNBILLED", true},   {"title", "TITLE"}};
        built.labels = {{"mission", "Mission"},       {"title", "Title"},         {"billing", "Billing"},
                        {"rate", "Rate"},             {"unit_name", "Unit"},      {"vat_regime", "VAT regime"},
                        {"vat_rate", "VAT rate (%)"}, {"activity", "Activity"},
                        {"budget_text", "Budget"},
                        {"budget_used", "Budget used"}, {"estimate_text", "Estimate"}, {"start_date", "Start"},
                        {"due", "Due"},               {"tags", "Tags"},           {"status", "Status"},
                        {"logged", "Logged"},         {"unbilled", "Unbilled"},   {"deposits", "Deposits"},
                        {"created_at", "Created"},
                        {"updated_at", "Updated"}};
        built.id_field = "mission";
        return built;
    }();
    return schema;
}

render::ListView mission_list_view(const std::vector<services::MissionReport>& reports,
                                   const render::OutputOptions& options, const domain::TimeZone& zone) {
    render::ListView view{mission_schema(), {}};
    for (const auto& report : reports) view.rows.push_back(row_for(report, options, zone));
    return view;
}

void write_mission(std::ostream& out, const services::MissionReport& report, const render::OutputOptions& options,
                   const domain::TimeZone& zone, const std::string& quote) {
    auto record = row_for(report, options, zone);
    if (quote.empty()) {
        render::write_record(out, mission_schema(), record, options);
        return;
    }
    // Only missions made from a quote carry the field, so that every other mission's
    // output stays as it was.
    record.emplace_back("quote", quote);
    render::Schema schema = mission_schema();
    schema.fields.push_back("quote");
    auto title = std::find_if(schema.labels.begin(), schema.labels.end(),
                              [](const render::Column& label) { return label.field == "title"; });
    schema.labels.insert(title == schema.labels.end() ? title : title + 1, {"quote", "Quote"});
    render::write_record(out, schema, record, options);
}

}  // namespace slash::cli
