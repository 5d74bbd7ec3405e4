#include "quote_view.hpp"

#include <fmt/format.h>

#include "slash/domain/money.hpp"
#include "values.hpp"

namespace slash::cli {

namespace {

std::string unit_word(const std::string& code) {
    if (code == "HUR") return "hour";
    if (code == "DAY") return "day";
    return "unit";
}

// "2", "2.5", "0.125": the quantity as typed, without trailing zeros.
std::string quantity(std::int64_t milli) {
    auto text = domain::format_amount(milli, 3);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

std::string money(std::int64_t minor, const std::string& currency) { return domain::format_money(minor, currency); }

}  // namespace

render::Record quote_record(const domain::SalesQuote& q, const std::string& today) {
    return {
        {"ref", q.number ? *q.number : std::to_string(q.id)},
        {"id", q.id},
        {"number", q.number ? render::Value(*q.number) : render::Value()},
        {"client", q.client_handle},
        {"status", q.display_status(today)},
        {"title", optional_text(q.title)},
        {"issue_date", optional_text(q.issue_date)},
        {"valid_until", optional_text(q.valid_until)},
        {"total", money_value(q.gross_minor, q.currency)},
    };
}

const render::Schema& quote_schema() {
    static const render::Schema schema = [] {
        render::Schema built;
        domain::SalesQuote prototype;
        built.fields = render::flat_field_names(quote_record(prototype, ""));
        built.columns = {{"ref", "REF"},       {"client", "CLIENT"},          {"status", "STATUS"},
                         {"issue_date", "DATE"}, {"valid_until", "VALID UNTIL"}, {"total", "TOTAL", true},
                         {"title", "TITLE"}};
        built.id_field = "ref";
        return built;
    }();
    return schema;
}

std::string quote_text(const services::QuoteDetails& details) {
    const auto& q = details.quote;
    const bool fr = q.language == "fr";
    std::string out = fmt::format("{} {}\n", fr ? "DEVIS" : "QUOTE", q.label());
    out += fmt::format("Client:      {} ({})\n", q.client_name, q.client_handle);
    if (!q.title.empty()) out += fmt::format("Title:       {}\n", q.title);
    out += fmt::format("Status:      {}\n", q.display_status(details.today));
    if (!q.issue_date.empty()) out += fmt::format("Date:        {}\n", q.issue_date);
    if (!q.valid_until.empty()) out += fmt::format("Valid until: {}\n", q.valid_until);
    out += "\n";
    for (const auto& l : q.lines) {
        out += fmt::format("{}. {}: {} {} x {} = {}\n", l.position, l.description,
                           quantity(l.quantity_milli), unit_word(l.unit_code),
                           money(l.unit_price_minor, q.currency), money(l.net_minor, q.currency));
    }
    if (q.lines.empty()) out += "(no line yet: slash quote line add " + std::to_string(q.id) + " DESCRIPTION --price P)\n";
    out += "\n";
    out += fmt::format("Net:   {}\n", money(q.net_minor, q.currency));
    out += fmt::format("VAT:   {}\n", money(q.vat_minor, q.currency));
    out += fmt::format("Total: {}\n", money(q.gross_minor, q.currency));
    if (!details.vat_mention.empty()) out += details.vat_mention + "\n";
    out += "\n";
    out += fr ? "Bon pour accord (date, signature) :\n" : "Accepted (date, signature):\n";
    return out;
}

}  // namespace slash::cli
