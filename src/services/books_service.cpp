#include "slash/services/books_service.hpp"

#include <fmt/format.h>

#include <array>
#include <map>
#include <set>
#include <unordered_map>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/invoice_store.hpp"
#include "slash/storage/mission_store.hpp"
#include "slash/storage/payment_store.hpp"

namespace slash::services {

namespace {

constexpr std::string_view kEur = "EUR";

int year_of(const std::optional<std::string>& text, const domain::TimeContext& time) {
    if (!text) return domain::local_date(time.now, time.zone).year;
    if (text->size() != 4 || text->find_first_not_of("0123456789") != std::string::npos) {
        throw Error(ErrorKind::Usage,
                    fmt::format("invalid year {}: use four digits, such as 2026", domain::quoted(*text)));
    }
    return std::stoi(*text);
}

// Sums of cents: exact, and a failure rather than a wrapped figure on overflow.
void add_to(std::int64_t& sum, std::int64_t value, int year) {
    if (__builtin_add_overflow(sum, value, &sum)) {
        throw Error(ErrorKind::Failure, fmt::format("the EUR figures of {} are too large to add up; check the amounts "
                                                    "of its invoices and payments",
                                                    year));
    }
}

std::string day_text(int year, int month, int day) { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::string last_day_of(int year, int month) {
    auto next = month == 12 ? domain::CivilDate{year + 1, 1, 1} : domain::CivilDate{year, month + 1, 1};
    return domain::format_date(domain::civil_from_days(domain::days_from_civil(next) - 1));
}

// The month (1-12) of a YYYY-MM-DD date of `year`, 0 for another year.
int month_in(const std::string& date, int year) {
    if (date.size() < 7 || date.compare(0, 4, fmt::format("{:04}", year)) != 0) return 0;
    return (date[5] - '0') * 10 + (date[6] - '0');
}

bool issued(const domain::Invoice& v) { return !v.draft() && !v.issue_date.empty(); }

/// The stores' rows a revenue report needs, indexed once.
class Ledger {
public:
    Ledger(std::vector<domain::Invoice> invoices, std::vector<domain::Payment> payments)
        : invoices_(std::move(invoices)), payments_(std::move(payments)) {
        for (const auto& v : invoices_) {
            if (v.credit_note() && v.credited_invoice_id && issued(v)) cancelled_on_[*v.credited_invoice_id] = v.issue_date;
        }
        // Payments come by date, so each invoice's list is by date too.
        for (const auto& p : payments_) {
            if (p.invoice_id) paid_[*p.invoice_id].push_back(&p);
        }
    }

    [[nodiscard]] const std::vector<domain::Invoice>& invoices() const { return invoices_; }
    [[nodiscard]] const std::vector<domain::Payment>& payments() const { return payments_; }

    /// What remains due on an EUR invoice at the end of day `cutoff`: nothing before it was
    /// issued or once a credit note cancelled it, else its total minus its payments so far.
    [[nodiscard]] std::int64_t outstanding(const domain::Invoice& v, const std::string& cutoff) const {
        if (v.issue_date > cutoff) return 0;
        if (v.status == domain::kCancelled) {
            auto cancelled = cancelled_on_.find(v.id);
            if (cancelled == cancelled_on_.end() || cancelled->second <= cutoff) return 0;
        }
        std::int64_t paid = 0;
        if (auto found = paid_.find(v.id); found != paid_.end()) {
            for (const auto* p : found->second) {
                if (p->paid_on > cutoff) break;
                paid += p->amount_minor;
                if (paid >= v.payable_minor()) return 0;
            }
        }
        return v.payable_minor() - paid;
    }

    /// Invoices that can be outstanding: issued EUR invoices (credit notes are not due).
    [[nodiscard]] static bool receivable(const domain::Invoice& v) {
        return issued(v) && !v.credit_note() && v.currency == kEur;
    }

private:
    std::vector<domain::Invoice> invoices_;
    std::vector<domain::Payment> payments_;
    std::unordered_map<std::int64_t, std::string> cancelled_on_;
    std::unordered_map<std::int64_t, std::vector<const domain::Payment*>> paid_;
};

// The invoiced figure of one invoice or credit note: its total, subtracted for a credit note.
// A final invoice counts without the deposits it deducts, which were invoiced already.
std::int64_t invoiced_amount(const domain::Invoice& v) { return v.credit_note() ? -v.payable_minor() : v.payable_minor(); }

}  // namespace

std::string receipt_nature(std::string_view activity) {
    if (activity == "bnc") return "prestations de services (BNC)";
    if (activity == "bic-services") return "prestations de services (BIC)";
    if (activity == "bic-sales") return "ventes de marchandises (BIC)";
    return std::string(activity);
}

ReceiptsJournal BooksService::receipts(const std::optional<std::string>& year) {
    ReceiptsJournal journal;
    journal.year = year_of(year, time_);
    storage::PaymentFilter filter;
    filter.from = day_text(journal.year, 1, 1);
    filter.to = day_text(journal.year, 12, 31);
    auto payments = storage::PaymentStore(db_).list(filter);
    // The activities of each paid invoice as `slash urssaf` splits it: those whose lines
    // (a line without mission counts for [urssaf] activity) add up to more than zero.
    const std::string& fallback = config_.urssaf.activity;
    std::unordered_map<std::int64_t, std::set<std::string>> invoice_activities;
    for (const auto& invoice : storage::MissionStore(db_).paid_invoice_activities(filter.from, filter.to)) {
        std::map<std::string, std::int64_t> net;
        for (const auto& line : invoice.lines) net[line.activity.value_or(fallback)] += line.net_minor;
        auto& set = invoice_activities[invoice.invoice_id];
        for (const auto& [activity, sum] : net) {
            if (sum > 0) set.insert(activity);
        }
    }
    auto nature_of = [&](const domain::Payment& payment) {
        std::set<std::string> activities;
        if (payment.invoice_id) {
            auto found = invoice_activities.find(*payment.invoice_id);
            if (found != invoice_activities.end()) activities = found->second;
        } else {
            activities.insert(payment.activity.value_or(fallback));
        }
        if (activities.empty()) activities.insert(fallback);
        std::string nature;
        for (const char* activity : {"bnc", "bic-services", "bic-sales"}) {
            if (activities.count(activity) == 0) continue;
            nature += (nature.empty() ? "" : " + ") + receipt_nature(activity);
        }
        return nature;
    };
    std::unordered_map<std::int64_t, std::string> names;
    for (auto& client : storage::ClientStore(db_).list(true)) names.emplace(client.id, std::move(client.name));
    for (auto& payment : payments) {
        Receipt& receipt = journal.receipts.emplace_back();
        receipt.eur_minor = payment.eur();
        if (receipt.eur_minor) {
            add_to(journal.eur_total_minor, *receipt.eur_minor, journal.year);
        } else {
            ++journal.missing_eur;
        }
        receipt.client_name = names[payment.client_id];
        receipt.nature = nature_of(payment);
        receipt.payment = std::move(payment);
    }
    return journal;
}

Revenue BooksService::revenue(const RevenueQuery& query) {
    if (query.by != "month" && query.by != "client") {
        throw Error(ErrorKind::Usage, fmt::format("invalid --by {}: use month or client", domain::quoted(query.by)));
    }
    Revenue revenue;
    const int year = revenue.year = year_of(query.year, time_);
    revenue.by_client = query.by == "client";
    const std::string today = domain::format_date(domain::local_date(time_.now, time_.zone));
    const std::string year_from = day_text(year, 1, 1);
    const std::string year_to = day_text(year, 12, 31);

    // Two queries: every invoice (outstanding amounts go back to earlier years), and every
    // payment up to the end of the year.
    storage::PaymentFilter payment_filter;
    payment_filter.to = year_to;
    Ledger ledger(storage::InvoiceStore(db_).list({}), storage::PaymentStore(db_).list(payment_filter));

    auto add = [year](std::int64_t& sum, std::int64_t value) { add_to(sum, value, year); };
    for (const auto& v : ledger.invoices()) {
        if (issued(v) && v.currency != kEur && month_in(v.issue_date, year) != 0) ++revenue.foreign_invoices;
    }
    for (const auto& p : ledger.payments()) {
        if (p.paid_on >= year_from && !p.eur()) ++revenue.missing_eur;
    }

    if (!revenue.by_client) {
        std::array<RevenueRow, 12> months;
        for (const auto& v : ledger.invoices()) {
            int m = issued(v) && v.currency == kEur ? month_in(v.issue_date, year) : 0;
            if (m != 0) add(months[static_cast<std::size_t>(m - 1)].invoiced_minor, invoiced_amount(v));
        }
        for (const auto& p : ledger.payments()) {
            auto eur = p.eur();
            int m = eur ? month_in(p.paid_on, year) : 0;
            if (m != 0) add(months[static_cast<std::size_t>(m - 1)].collected_minor, *eur);
        }
        const RevenueRow* last_past = nullptr;
        for (int m = 1; m <= 12; ++m) {
            RevenueRow& row = months[static_cast<std::size_t>(m - 1)];
            row.key = fmt::format("{:04}-{:02}", year, m);
            if (day_text(year, m, 1) > today) continue;  // the future: nothing yet
            const std::string month_end = last_day_of(year, m);
            const bool current = today <= month_end;
            const std::string cutoff = current ? today : month_end;
            for (const auto& v : ledger.invoices()) {
                if (!Ledger::receivable(v)) continue;
                auto due = ledger.outstanding(v, cutoff);
                if (due == 0) continue;
                add(row.outstanding_minor, due);
                if (current ? v.due_date < today : v.due_date <= month_end) add(row.overdue_minor, due);
            }
            last_past = &row;
        }
        for (const auto& row : months) {
            add(revenue.total.invoiced_minor, row.invoiced_minor);
            add(revenue.total.collected_minor, row.collected_minor);
        }
        if (last_past) {
            revenue.total.outstanding_minor = last_past->outstanding_minor;
            revenue.total.overdue_minor = last_past->overdue_minor;
        }
        revenue.rows.assign(months.begin(), months.end());
        return revenue;
    }

    std::map<std::int64_t, RevenueRow> clients;  // by client id; those with activity
    for (const auto& v : ledger.invoices()) {
        if (!issued(v) || month_in(v.issue_date, year) == 0) continue;
        auto& row = clients[v.client_id];
        if (v.currency == kEur) add(row.invoiced_minor, invoiced_amount(v));
    }
    for (const auto& p : ledger.payments()) {
        if (p.paid_on < year_from) continue;
        auto& row = clients[p.client_id];
        if (auto eur = p.eur()) add(row.collected_minor, *eur);
    }
    if (year_from <= today) {
        const bool current = today <= year_to;
        const std::string cutoff = current ? today : year_to;
        for (const auto& v : ledger.invoices()) {
            if (!Ledger::receivable(v)) continue;
            auto due = ledger.outstanding(v, cutoff);
            if (due == 0) continue;
            auto& row = clients[v.client_id];
            add(row.outstanding_minor, due);
            if (current ? v.due_date < today : v.due_date <= year_to) add(row.overdue_minor, due);
        }
    }
    // Clients come by handle.
    for (auto& client : storage::ClientStore(db_).list(true)) {
        auto found = clients.find(client.id);
        if (found == clients.end()) continue;
        RevenueRow& row = revenue.rows.emplace_back(std::move(found->second));
        row.key = client.handle;
        row.name = client.name;
        add(revenue.total.invoiced_minor, row.invoiced_minor);
        add(revenue.total.collected_minor, row.collected_minor);
        add(revenue.total.outstanding_minor, row.outstanding_minor);
        add(revenue.total.overdue_minor, row.overdue_minor);
    }
    return revenue;
}

}  // namespace slash::services
