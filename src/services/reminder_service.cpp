#include "slash/services/reminder_service.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/domain/urssaf_figures.hpp"
#include "slash/storage/reminder_store.hpp"

namespace slash::services {

namespace {

std::string semester_of(const std::string& date) {
    const bool first = date.substr(5, 2) <= "06";
    return fmt::format("the {} half of {}", first ? "first" : "second", date.substr(0, 4));
}

// Only an issued invoice, still owing, past its due date, is reminded.
void check_remindable(const domain::Invoice& invoice, std::int64_t due, const std::string& on) {
    const std::string label = invoice.label();
    if (invoice.draft()) {
        throw Error(ErrorKind::Failure, fmt::format("{} is not issued: only an issued invoice can be reminded; issue it "
                                                    "with slash invoice issue {}",
                                                    label, invoice.id));
    }
    if (invoice.credit_note()) {
        throw Error(ErrorKind::Failure, fmt::format("{} is a credit note: nothing is due on it", label));
    }
    if (invoice.status == domain::kCancelled) {
        throw Error(ErrorKind::Failure,
                    fmt::format("invoice {} is cancelled by credit note {}: nothing is due", label,
                                invoice.credit_note_number));
    }
    if (due <= 0) throw Error(ErrorKind::Failure, fmt::format("invoice {} is paid: nothing is due", label));
    if (on <= invoice.due_date) {
        throw Error(ErrorKind::Failure, fmt::format("invoice {} is not late on {}: it is due {}; a reminder can be "
                                                    "sent from the day after",
                                                    label, on, invoice.due_date));
    }
}

}  // namespace

ReminderPlan ReminderService::plan(const ReminderRequest& request) {
    if (request.level && (*request.level < 1 || *request.level > 3)) {
        throw Error(ErrorKind::Usage, fmt::format("invalid --level {}: use 1 (friendly), 2 (firm) or 3 (mise en "
                                                  "demeure)",
                                                  domain::quoted(std::to_string(*request.level))));
    }
    const auto today = domain::local_date(time_.now, time_.zone);
    auto on_date = today;
    if (request.on) {
        on_date = domain::parse_date(*request.on, time_);
        if (domain::days_from_civil(on_date) > domain::days_from_civil(today)) {
            throw Error(ErrorKind::Usage, fmt::format("invalid --on {}: {} is in the future; a reminder is dated the "
                                                      "day it is sent or before",
                                                      domain::quoted(*request.on), domain::format_date(on_date)));
        }
    }
    const std::string on = domain::format_date(on_date);

    ReminderPlan plan;
    plan.details = InvoiceService(db_, config_, time_).details(request.ref);
    const auto& invoice = plan.details.invoice;
    const auto due = domain::amount_due(invoice);
    check_remindable(invoice, due, on);

    auto& r = plan.reminder;
    r.invoice_id = invoice.id;
    r.reminded_on = on;
    r.due_minor = due;
    auto due_date = domain::parse_iso_date(invoice.due_date);
    r.days_late = domain::days_from_civil(on_date) - domain::days_from_civil(*due_date);
    auto earlier = reminders(invoice.id);
    r.level = request.level ? *request.level : earlier.empty() ? 1 : std::min(earlier.back().level + 1, 3);

    if (!config_.invoice.late_rate.empty()) {
        r.late_rate_milli = domain::parse_rate(config_.invoice.late_rate, "invoice.late_rate");
    } else {
        // The rate of the semester in which the invoice became late (the day after its due
        // date), kept for the whole delay, as the invoice's terms announced it.
        const std::string first_late = domain::format_date(domain::add_days(*due_date, 1));
        plan.legal_rate = domain::legal_interest_rate(first_late);
        if (!plan.legal_rate) {
            throw Error(ErrorKind::Failure,
                        fmt::format("slash does not know the legal interest rate of {} (invoice {} is late since {}); "
                                    "set the late-payment rate of your terms with slash config set invoice.late_rate "
                                    "PERCENT",
                                    semester_of(first_late), invoice.label(), first_late));
        }
        r.late_rate_milli = 3 * plan.legal_rate->rate_milli;
    }
    r.penalty_minor = domain::late_penalty(due, r.late_rate_milli, r.days_late);
    // The indemnity is 40 euros: it is added to what an invoice in EUR claims; the letter
    // of an invoice in another currency states it apart rather than as 40 of that currency.
    r.indemnity_minor = invoice.buyer.business && invoice.currency == "EUR" ? domain::kRecoveryIndemnityMinor : 0;
    r.created_at = time_.now;
    return plan;
}

std::int64_t ReminderService::record(const domain::Reminder& reminder) {
    return storage::ReminderStore(db_).insert(reminder);
}

std::vector<domain::Reminder> ReminderService::reminders(std::int64_t invoice_id) {
    return storage::ReminderStore(db_).of_invoice(invoice_id);
}

std::map<std::int64_t, domain::Reminder> ReminderService::latest() { return storage::ReminderStore(db_).latest(); }

}  // namespace slash::services
