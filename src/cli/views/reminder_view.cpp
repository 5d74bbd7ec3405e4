#include "reminder_view.hpp"

#include "invoice_view.hpp"
#include "slash/domain/urssaf_figures.hpp"
#include "values.hpp"

namespace slash::cli {

using render::Value;

render::Record reminder_record(const domain::Reminder& r, const std::string& currency, const domain::TimeZone& zone) {
    return {
        {"id", r.id},
        {"level", static_cast<std::int64_t>(r.level)},
        {"reminded_on", r.reminded_on},
        {"days_late", r.days_late},
        {"due", money_value(r.due_minor, currency)},
        {"late_rate", domain::format_rate(r.late_rate_milli)},
        {"penalty", money_value(r.penalty_minor, currency)},
        {"indemnity", money_value(r.indemnity_minor, currency)},
        {"created_at", domain::format_local_iso(r.created_at, zone)},
    };
}

render::Record overdue_record(const domain::Invoice& invoice, const std::string& status, const domain::TimeZone& zone,
                              const std::string& einvoicing, std::int64_t days_late,
                              const std::optional<domain::Reminder>& last) {
    auto record = invoice_record(invoice, status, zone, einvoicing);
    record.emplace_back("days_late", days_late);
    record.emplace_back("last_reminder_level", last ? Value(static_cast<std::int64_t>(last->level)) : Value());
    record.emplace_back("last_reminder_on", last ? Value(last->reminded_on) : Value());
    return record;
}

const render::Schema& overdue_schema() {
    static const render::Schema schema = [] {
        render::Schema built = invoice_schema();
        domain::Invoice prototype;
        prototype.currency = "EUR";
        domain::Reminder reminder;
        built.fields = render::flat_field_names(
            overdue_record(prototype, "overdue", domain::FixedOffsetZone(0, "UTC"), "", 0, reminder));
        built.columns = {{"ref", "REF"},
                         {"client", "CLIENT"},
                         {"due_date", "DUE DATE"},
                         {"days_late", "DAYS LATE", true},
                         {"due", "DUE", true},
                         {"last_reminder_level", "LEVEL", true},
                         {"last_reminder_on", "REMINDED"},
                         {"einvoicing", "E-INVOICING"}};
        built.labels.push_back({"days_late", "Days late"});
        built.labels.push_back({"last_reminder_level", "Last reminder"});
        built.labels.push_back({"last_reminder_on", "Reminded on"});
        return built;
    }();
    return schema;
}

}  // namespace slash::cli
