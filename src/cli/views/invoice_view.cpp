#include "invoice_view.hpp"

#include <algorithm>

#include "slash/domain/calendar.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/place_of_supply.hpp"
#include "reminder_view.hpp"
#include "values.hpp"

namespace slash::cli {

namespace {

using render::Value;

std::string ref_of(const domain::Invoice& invoice) {
    return invoice.number ? *invoice.number : std::to_string(invoice.id);
}

Value seller_value(const domain::SellerIdentity& s) {
    return Value::object({{"name", s.name},
                          {"trade_name", optional_text(s.trade_name)},
                          {"address", text_list(s.address)},
                          {"country", s.country},
                          {"siren", optional_text(s.siren)},
                          {"siret", optional_text(s.siret)},
                          {"vat_id", optional_text(s.vat_id)},
                          {"email", optional_text(s.email)},
                          {"iban", optional_text(s.iban)},
                          {"bic", optional_text(s.bic)}});
}

Value buyer_value(const domain::BuyerIdentity& b) {
    return Value::object({{"name", b.name},
                          {"kind", b.business ? "business" : "individual"},
                          {"address", text_list(b.address)},
                          {"country", b.country},
                          {"siren", optional_text(b.siren)},
                          {"siret", optional_text(b.siret)},
                          {"vat_id", optional_text(b.vat_id)},
                          {"email", optional_text(b.email)}});
}

}  // namespace

render::Record invoice_record(const domain::Invoice& v, const std::string& status, const domain::TimeZone& zone,
                              const std::string& einvoicing) {
    auto due = domain::amount_due(v);
    return {
        // A draft of `monthly --dry-run` was never written: it has no id to refer to.
        {"ref", v.id == 0 ? Value() : Value(ref_of(v))},
        {"id", v.id == 0 ? Value() : Value(v.id)},
        {"number", v.number ? Value(*v.number) : Value()},
        {"kind", std::string(domain::to_text(v.kind))},
        {"status", status},
        {"client", v.client_handle},
        {"issue_date", optional_text(v.issue_date)},
        {"due_date", optional_text(v.due_date)},
        {"period_from", v.period_from},
        {"period_to", v.period_to},
        {"currency", v.currency},
        {"language", v.language},
        {"vat_regime", v.vat_regime},
        {"net", money_value(v.net_minor, v.currency)},
        {"vat", money_value(v.vat_minor, v.currency)},
        {"total", money_value(v.gross_minor, v.currency)},
        {"paid", money_value(v.paid_minor, v.currency)},
        {"due", money_value(due, v.currency)},
        {"credited_invoice", optional_text(v.credited_number)},
        {"credit_note", optional_text(v.credit_note_number)},
        {"reason", optional_text(v.reason)},
        {"created_at", domain::format_local_iso(v.created_at, zone)},
        {"issued_at", v.issued_at ? Value(domain::format_local_iso(*v.issued_at, zone)) : Value()},
        {"einvoicing", optional_text(einvoicing)},
    };
}

const render::Schema& invoice_schema() {
    static const render::Schema schema = [] {
        render::Schema built;
        domain::Invoice prototype;
        prototype.currency = "EUR";
        built.fields = render::flat_field_names(invoice_record(prototype, "draft", domain::FixedOffsetZone(0, "UTC")));
        built.columns = {{"ref", "REF"},           {"kind", "KIND"},          {"client", "CLIENT"},
                         {"issue_date", "DATE"},   {"due_date", "DUE DATE"},  {"status", "STATUS"},
                         {"total", "TOTAL", true}, {"due", "DUE", true},    {"einvoicing", "E-INVOICING"}};
        built.labels = {{"ref", "Ref"},           {"number", "Number"},        {"kind", "Kind"},
                        {"status", "Status"},     {"client", "Client"},        {"issue_date", "Issued"},
                        {"due_date", "Due date"}, {"period_from", "From"},     {"period_to", "To"},
                        {"net", "Net"},           {"vat", "VAT"},              {"total", "Total"},
                        {"paid", "Paid"},         {"due", "Due"},              {"einvoicing", "E-invoicing"}};
        built.id_field = "ref";
        return built;
    }();
    return schema;
}

void blank_draft_due(render::Record& record, const domain::Invoice& invoice) {
    if (!invoice.draft()) return;
    for (auto& [name, value] : record) {
        if (name == "due") value = Value(std::string());
    }
}

render::ListView invoice_list_view(const std::vector<services::ListedInvoice>& invoices, const domain::TimeZone& zone) {
    render::ListView view{invoice_schema(), {}};
    for (const auto& listed : invoices) view.rows.push_back(invoice_record(listed.invoice, listed.status, zone));
    return view;
}

render::Value invoice_document_value(const services::InvoiceDetails& d, const domain::TimeZone& zone) {
    const auto& v = d.invoice;
    auto record = invoice_record(v, d.status, zone, d.einvoicing);
    // Of a draft: why its regime (drafts follow the client until issued); null once issued.
    auto regime = std::find_if(record.begin(), record.end(), [](const auto& field) { return field.first == "vat_regime"; });
    record.insert(regime + 1, {"vat_reason", d.vat_decision ? Value(domain::vat_reason(*d.vat_decision, "en")) : Value()});
    record.emplace_back("seller", seller_value(v.seller));
    record.emplace_back("buyer", buyer_value(v.buyer));
    Value::Array lines;
    for (const auto& l : v.lines) {
        lines.push_back(Value::object({
            {"position", l.position},
            {"mission_id", l.mission_id ? Value(*l.mission_id) : Value()},
            {"entry_id", l.entry_id ? Value(*l.entry_id) : Value()},
            {"description", l.description},
            {"quantity", domain::format_amount(l.quantity_milli, 3)},
            {"unit_code", l.unit_code},
            {"unit_name", optional_text(l.unit_name)},
            {"unit_price", money_value(l.unit_price_minor, v.currency)},
            {"net", money_value(l.net_minor, v.currency)},
            {"vat_category", l.vat_category},
            {"vat_rate", domain::format_vat_rate(l.vat_rate_milli)},
        }));
    }
    record.emplace_back("lines", Value::array(lines));
    Value::Array vat;
    for (const auto& row : d.vat) {
        vat.push_back(Value::object({{"category", row.category},
                                     {"rate", domain::format_vat_rate(row.rate_milli)},
                                     {"taxable", money_value(row.taxable_minor, v.currency)},
                                     {"vat", money_value(row.vat_minor, v.currency)}}));
    }
    record.emplace_back("vat_breakdown", Value::array(vat));
    record.emplace_back("mentions", text_list(d.mentions));
    Value::Array payments;
    for (const auto& p : d.payments) payments.push_back(Value::object(payment_record(p, zone)));
    record.emplace_back("payments", Value::array(payments));
    // A deposit invoice names its mission; a final invoice lists the deposits it deducts.
    record.emplace_back("deposit_of", optional_text(v.deposit_mission));
    Value::Array deposits;
    for (const auto& deposit : v.deposits) {
        deposits.push_back(Value::object({{"number", deposit.number},
                                          {"issue_date", deposit.issue_date},
                                          {"amount", money_value(deposit.gross_minor, v.currency)}}));
    }
    record.emplace_back("deposits", Value::array(deposits));
    record.emplace_back("prepaid", money_value(v.prepaid_minor, v.currency));
    Value::Array reminders;
    for (const auto& r : d.reminders) reminders.push_back(Value::object(reminder_record(r, v.currency, zone)));
    record.emplace_back("reminders", Value::array(reminders));
    Value::Array entries;
    for (const auto& e : d.entries) entries.emplace_back(e.id);
    record.emplace_back("entries", Value::array(entries));
    return Value::object(record);
}

render::Record payment_record(const domain::Payment& p, const domain::TimeZone& zone) {
    return {
        {"id", p.id},
        {"date", p.paid_on},
        {"client", p.client_handle},
        {"invoice", optional_text(p.invoice_number)},
        {"amount", money_value(p.amount_minor, p.currency)},
        {"eur", p.eur_minor ? money_value(*p.eur_minor, "EUR") : (p.currency == "EUR" ? money_value(p.amount_minor, "EUR") : Value())},
        {"method", std::string(domain::to_text(p.method))},
        {"note", optional_text(p.note)},
        {"activity", p.activity ? Value(*p.activity) : Value()},
        {"created_at", domain::format_local_iso(p.created_at, zone)},
    };
}

const render::Schema& payment_schema() {
    static const render::Schema schema = [] {
        render::Schema built;
        domain::Payment prototype;
        prototype.currency = "EUR";
        built.fields = render::flat_field_names(payment_record(prototype, domain::FixedOffsetZone(0, "UTC")));
        built.columns = {{"id", "ID", true},    {"date", "DATE"},       {"client", "CLIENT"}, {"invoice", "INVOICE"},
                         {"amount", "AMOUNT", true}, {"method", "METHOD"}, {"note", "NOTE"}};
        built.labels = {{"id", "Payment"}, {"date", "Date"},     {"client", "Client"}, {"invoice", "Invoice"},
                        {"amount", "Amount"}, {"eur", "EUR"},    {"method", "Method"}, {"note", "Note"},
                        {"activity", "Activity"}, {"created_at", "Recorded"}};
        built.id_field = "id";
        return built;
    }();
    return schema;
}

render::ListView payment_list_view(const std::vector<domain::Payment>& payments, const domain::TimeZone& zone) {
    render::ListView view{payment_schema(), {}};
    for (const auto& p : payments) view.rows.push_back(payment_record(p, zone));
    return view;
}

}  // namespace slash::cli
