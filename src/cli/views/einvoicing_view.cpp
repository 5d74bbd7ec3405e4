#include "einvoicing_view.hpp"

#include "slash/domain/money.hpp"
#include "values.hpp"

namespace slash::cli {

using render::Value;

render::Record invoice_status_record(const std::string& invoice, const domain::InvoiceStatus& s,
                                     const domain::TimeZone& zone) {
    return {
        {"invoice", invoice},
        {"code", s.code},
        {"status", s.label},
        {"at", domain::format_local_iso(s.at, zone)},
        {"reason", optional_text(s.reason)},
        {"amount", s.amount_minor ? money_value(*s.amount_minor, s.currency.empty() ? "EUR" : s.currency) : Value()},
        {"by", s.origin == domain::StatusOrigin::Slash ? "slash" : "platform"},
        {"flow", s.source},
    };
}

const render::Schema& invoice_status_schema() {
    static const render::Schema schema = [] {
        render::Schema built;
        domain::InvoiceStatus prototype;
        prototype.amount_minor = 0;
        built.fields = render::flat_field_names(invoice_status_record("", prototype, domain::FixedOffsetZone(0, "UTC")));
        built.columns = {{"invoice", "INVOICE"}, {"at", "DATE"},   {"code", "CODE"},
                         {"status", "STATUS"},   {"by", "BY"},     {"amount", "AMOUNT", true},
                         {"reason", "REASON"}};
        built.labels = built.columns;
        built.id_field = "code";
        return built;
    }();
    return schema;
}

render::ListView directory_view(const einvoicing::DirectoryEntry& entry) {
    render::ListView view;
    view.schema.fields = {"address", "siren", "siret", "suffix", "routing_code", "routing_name", "platform", "status"};
    view.schema.columns = {{"address", "ADDRESS"}, {"siret", "SIRET"},       {"suffix", "SUFFIX"},
                           {"routing_code", "ROUTING CODE"}, {"platform", "PLATFORM"}, {"status", "STATUS"}};
    view.schema.labels = view.schema.columns;
    view.schema.id_field = "address";
    for (const auto& line : entry.lines) {
        view.rows.push_back({
            {"address", line.addressing_identifier},
            {"siren", optional_text(line.siren)},
            {"siret", optional_text(line.siret)},
            {"suffix", optional_text(line.suffix)},
            {"routing_code", optional_text(line.routing_identifier)},
            {"routing_name", optional_text(line.routing_name)},
            {"platform", optional_text(line.platform_type)},
            {"status", optional_text(line.platform_status)},
        });
    }
    return view;
}

std::string status_text(const domain::InvoiceStatus& status) { return status.code + " " + status.label; }

}  // namespace slash::cli
