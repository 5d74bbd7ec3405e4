// The déclaration européenne de services: what a month's EU reverse-charge services owe.

#include "slash/services/des_service.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/invoice.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/storage/invoice_store.hpp"

namespace slash::services {

namespace {

// One calendar month, "YYYY-MM", or Usage naming the value.
std::string month_of(const std::optional<std::string>& text, const domain::TimeContext& time) {
    const std::string given = text ? *text : "lastmonth";
    auto refuse = [&] {
        return Error(ErrorKind::Usage, fmt::format("invalid month {}: use YYYY-MM, month or lastmonth (the DES is "
                                                   "monthly)",
                                                   domain::quoted(given)));
    };
    domain::Period period;
    try {
        period = domain::parse_period(given, time);
    } catch (const Error&) {
        throw refuse();
    }
    auto next = domain::add_days(period.last_day, 1);
    if (period.first_day.day != 1 || next.day != 1 ||
        period.first_day.year * 12 + period.first_day.month + 1 != next.year * 12 + next.month) {
        throw refuse();
    }
    return fmt::format("{:04}-{:02}", period.first_day.year, period.first_day.month);
}

std::string compact_vat_id(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '.' || c == '-') continue;
        out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

}  // namespace

DesStatement DesService::statement(const std::optional<std::string>& month) {
    DesStatement statement;
    statement.month = month_of(month, time_);
    storage::InvoiceStore store(db_);
    std::vector<std::int64_t> candidates;
    store.each({}, [&](domain::Invoice& invoice) {
        // The month the services were performed: the end of the period the invoice bills.
        // A credit note repeats the period of the invoice it cancels.
        if (invoice.draft() || invoice.period_to.substr(0, 7) != statement.month) return;
        candidates.push_back(invoice.id);
    });
    std::map<std::string, DesRow> by_vat_id;
    for (auto id : candidates) {
        auto invoice = store.find(id);
        if (!invoice) continue;
        std::int64_t net = 0;
        bool reverse_charge = false;
        for (const auto& line : invoice->lines) {
            if (line.vat_category != "AE") continue;
            reverse_charge = true;
            net += line.net_minor;
        }
        if (!reverse_charge) continue;
        if (invoice->credit_note()) net = -net;
        DesRow one;
        one.vat_id = compact_vat_id(invoice->buyer.vat_id);
        one.country = invoice->buyer.country;
        one.client = invoice->client_handle;
        one.invoices = {invoice->label()};
        one.amount_minor = net;
        one.currency = invoice->currency;
        if (invoice->currency != "EUR") {
            statement.foreign.push_back(std::move(one));
            continue;
        }
        auto [row, inserted] = by_vat_id.try_emplace(one.vat_id, one);
        if (!inserted) {
            row->second.invoices.push_back(invoice->label());
            row->second.amount_minor += net;
        }
        statement.total_minor += net;
    }
    for (auto& [vat_id, row] : by_vat_id) statement.rows.push_back(std::move(row));
    return statement;
}

}  // namespace slash::services
