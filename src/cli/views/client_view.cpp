#include "client_view.hpp"

#include "slash/domain/calendar.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/money.hpp"
#include "values.hpp"

namespace slash::cli {

namespace {

using render::Value;

Value rate_value(const domain::Client& client) {
    if (!client.rate_minor) return {};
    return money_value(*client.rate_minor, client.currency);
}

}  // namespace

render::Record client_record(const domain::Client& c, const domain::TimeZone& zone) {
    Value::Array address;
    for (const auto& line : c.address) address.emplace_back(line);
    return {
        {"handle", c.handle},
        {"name", c.name},
        {"kind", c.kind},
        {"address", Value::array(address)},
        {"country", c.country},
        {"siren", optional_text(c.siren)},
        {"siret", optional_text(c.siret)},
        {"vat_id", optional_text(c.vat_id)},
        {"email", optional_text(c.email)},
        {"currency", c.currency},
        {"terms_days", c.terms_days ? Value(*c.terms_days) : Value()},
        {"language", c.language ? Value(*c.language) : Value()},
        {"vat_regime", c.vat_regime ? Value(*c.vat_regime) : Value()},
        {"vat_rate", c.vat_rate_milli ? Value(domain::format_vat_rate(*c.vat_rate_milli)) : Value()},
        {"rate_mode", c.rate_mode ? Value(std::string(domain::to_text(*c.rate_mode))) : Value()},
        {"rate", rate_value(c)},
        {"rounding_seconds", c.rounding_seconds ? Value(*c.rounding_seconds) : Value()},
        {"rounding_mode", c.rounding_mode ? Value(*c.rounding_mode) : Value()},
        {"notes", optional_text(c.notes)},
        {"archived", c.archived()},
        {"archived_at", c.archived_at ? Value(domain::format_local_iso(*c.archived_at, zone)) : Value()},
        {"created_at", domain::format_local_iso(c.created_at, zone)},
        {"updated_at", domain::format_local_iso(c.updated_at, zone)},
    };
}

const render::Schema& client_schema() {
    static const render::Schema schema = [] {
        render::Schema built;
        domain::Client prototype;  // with a rate, so that rate.amount/rate.currency are fields
        prototype.rate_mode = domain::BillingMode::Hourly;
        prototype.rate_minor = 0;
        built.fields = render::flat_field_names(client_record(prototype, domain::FixedOffsetZone(0, "UTC")));
        built.columns = {{"handle", "HANDLE"},     {"name", "NAME"},          {"country", "COUNTRY"},
                         {"currency", "CURRENCY"}, {"rate_mode", "BILLING"}, {"rate", "RATE", true},
                         {"email", "EMAIL"}};
        built.labels = {{"handle", "Handle"},       {"name", "Name"},          {"kind", "Kind"},
                        {"address", "Address"},     {"country", "Country"},    {"siren", "SIREN"},
                        {"siret", "SIRET"},         {"vat_id", "VAT id"},      {"email", "Email"},
                        {"currency", "Currency"},   {"terms_days", "Terms"}, {"language", "Language"},
                        {"vat_regime", "VAT regime"}, {"vat_rate", "VAT rate (%)"},
                        {"rate_mode", "Billing"},   {"rate", "Rate"},
                        // A display field of `client show` (a duration such as "15m").
                        {"rounding_text", "Rounding"}, {"rounding_mode", "Rounding mode"},
                        {"notes", "Notes"},
                        // A display field too: the address the e-invoicing directory gave.
                        {"einvoicing_address", "E-invoicing"},
                        {"archived_at", "Archived"}, {"created_at", "Created"}, {"updated_at", "Updated"}};
        built.id_field = "handle";
        return built;
    }();
    return schema;
}

render::ListView client_list_view(const std::vector<domain::Client>& clients, const domain::TimeZone& zone) {
    render::ListView view{client_schema(), {}};
    for (const auto& client : clients) view.rows.push_back(client_record(client, zone));
    return view;
}

}  // namespace slash::cli
