#include "des_view.hpp"

#include <fmt/format.h>

#include "values.hpp"

namespace slash::cli {

render::Record des_record(const services::DesRow& row, const std::string& month, const std::string& missing) {
    return {
        {"month", month},
        {"vat_id", optional_text(row.vat_id)},
        {"country", row.country},
        {"client", row.client},
        {"invoices", text_list(row.invoices)},
        {"amount", money_value(row.amount_minor, row.currency)},
        {"missing", optional_text(missing)},
    };
}

const render::Schema& des_schema() {
    static const render::Schema schema = [] {
        render::Schema built;
        built.fields = render::flat_field_names(des_record({}, "", ""));
        built.columns = {{"vat_id", "VAT ID"},     {"country", "COUNTRY"},     {"client", "CLIENT"},
                         {"invoices", "INVOICES"}, {"amount", "AMOUNT", true}, {"missing", "MISSING"}};
        built.id_field = "vat_id";
        return built;
    }();
    return schema;
}

render::ListView des_view(const services::DesStatement& statement, const render::OutputOptions& options) {
    render::ListView view{des_schema(), {}};
    for (const auto& row : statement.rows) view.rows.push_back(des_record(row, statement.month, ""));
    // The summary row belongs to the table a person reads; machine formats carry the records.
    if (options.format == render::Format::Auto && !statement.rows.empty()) {
        view.rows.push_back({{"vat_id", "TOTAL"}, {"amount", money_value(statement.total_minor, "EUR")}});
    }
    for (const auto& row : statement.foreign) {
        view.rows.push_back(des_record(
            row, statement.month,
            fmt::format("the EUR amount: the DES declares euros, at the exchange rate of the month the VAT became "
                        "chargeable; slash does not convert {}",
                        row.currency)));
    }
    return view;
}

}  // namespace slash::cli
