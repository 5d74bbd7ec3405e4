#include "books_view.hpp"

#include "slash/domain/identifiers.hpp"
#include "slash/domain/money.hpp"
#include "values.hpp"

namespace slash::cli {

namespace {

using render::Value;

constexpr const char* kTotal = "TOTAL";

Value eur(std::int64_t minor) { return money_value(minor, "EUR"); }

// The summary row belongs to the table a person reads, on a terminal or piped as the
// same rows; formats chosen for programs carry only the records.
bool with_total(const render::OutputOptions& options) { return options.format == render::Format::Auto; }

}  // namespace

render::Record receipt_record(const services::Receipt& r) {
    const auto& p = r.payment;
    return {
        {"id", p.id},
        {"date", p.paid_on},
        {"client", p.client_handle},
        {"client_name", r.client_name},
        {"invoice", optional_text(p.invoice_number)},
        {"nature", r.nature},
        {"amount", money_value(p.amount_minor, p.currency)},
        {"eur", r.eur_minor ? eur(*r.eur_minor) : Value()},
        {"method", std::string(domain::to_text(p.method))},
        {"note", optional_text(p.note)},
    };
}

const render::Schema& receipt_schema() {
    static const render::Schema schema = [] {
        render::Schema built;
        services::Receipt prototype;
        prototype.payment.currency = "EUR";
        prototype.eur_minor = 0;
        built.fields = render::flat_field_names(receipt_record(prototype));
        built.columns = {{"date", "DATE"},          {"client", "CLIENT"},   {"client_name", "NAME"},
                         {"invoice", "INVOICE"},    {"nature", "NATURE"},   {"amount", "AMOUNT", true},
                         {"eur", "EUR", true},      {"method", "METHOD"},   {"note", "NOTE"}};
        built.id_field = "id";
        return built;
    }();
    return schema;
}

render::ListView receipts_view(const services::ReceiptsJournal& journal, const render::OutputOptions& options) {
    render::ListView view{receipt_schema(), {}};
    for (const auto& receipt : journal.receipts) view.rows.push_back(receipt_record(receipt));
    if (with_total(options)) view.rows.push_back({{"date", kTotal}, {"eur", eur(journal.eur_total_minor)}});
    return view;
}

render::Record revenue_record(const services::RevenueRow& row, bool by_client) {
    render::Record record;
    if (by_client) {
        record.emplace_back("client", row.key);
        record.emplace_back("name", row.name);
    } else {
        record.emplace_back("month", row.key);
    }
    record.emplace_back("invoiced", eur(row.invoiced_minor));
    record.emplace_back("collected", eur(row.collected_minor));
    record.emplace_back("outstanding", eur(row.outstanding_minor));
    record.emplace_back("overdue", eur(row.overdue_minor));
    return record;
}

const render::Schema& revenue_schema(bool by_client) {
    auto build = [](bool clients) {
        render::Schema built;
        built.fields = render::flat_field_names(revenue_record({}, clients));
        if (clients) {
            built.columns = {{"client", "CLIENT"}, {"name", "NAME"}};
        } else {
            built.columns = {{"month", "MONTH"}};
        }
        for (const auto& [field, header] : {std::pair{"invoiced", "INVOICED"}, std::pair{"collected", "COLLECTED"},
                                            std::pair{"outstanding", "OUTSTANDING"}, std::pair{"overdue", "OVERDUE"}}) {
            built.columns.push_back({field, header, true});
        }
        built.id_field = clients ? "client" : "month";
        return built;
    };
    static const render::Schema months = build(false);
    static const render::Schema clients = build(true);
    return by_client ? clients : months;
}

render::ListView revenue_view(const services::Revenue& revenue, const render::OutputOptions& options) {
    render::ListView view{revenue_schema(revenue.by_client), {}};
    for (const auto& row : revenue.rows) view.rows.push_back(revenue_record(row, revenue.by_client));
    if (with_total(options)) {
        auto total = revenue.total;
        total.key = kTotal;
        view.rows.push_back(revenue_record(total, revenue.by_client));
    }
    return view;
}

}  // namespace slash::cli
