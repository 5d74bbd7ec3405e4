#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "slash/config/config.hpp"
#include "slash/domain/late_payment.hpp"
#include "slash/domain/reminder.hpp"
#include "slash/domain/time_grammar.hpp"
#include "slash/services/invoice_service.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// `slash invoice remind REF [--level N] [--on DATE]`, as typed.
struct ReminderRequest {
    std::string ref;
    std::optional<int> level;        ///< default: one more than the last reminder, at most 3
    std::optional<std::string> on;   ///< DATE, default today
};

/// A reminder worked out but not yet recorded: the invoice as its documents show it and
/// the figures of the letter.
struct ReminderPlan {
    InvoiceDetails details;
    domain::Reminder reminder;
    /// The legal rate the late rate is three times; nullopt when [invoice] late_rate sets it.
    std::optional<domain::LegalInterestRate> legal_rate;
};

/// Payment reminders (slash-invoice(1), "invoice remind"). plan() reads and refuses; the
/// caller records the plan with record() in the transaction that writes the letter, so
/// that a letter that could not be written is not recorded as sent.
class ReminderService {
public:
    ReminderService(storage::Database& db, const config::Config& config, const domain::TimeContext& time)
        : db_(db), config_(config), time_(time) {}

    /// Refuses (exit 1) a draft, a credit note, a cancelled or paid invoice, one not yet
    /// late, and a late rate slash cannot know; --level outside 1..3 or a date in the
    /// future (exit 2).
    [[nodiscard]] ReminderPlan plan(const ReminderRequest& request);
    /// Stores the reminder (the caller's transaction); returns its id.
    std::int64_t record(const domain::Reminder& reminder);
    [[nodiscard]] std::vector<domain::Reminder> reminders(std::int64_t invoice_id);
    /// The latest reminder of every invoice reminded, by invoice id.
    [[nodiscard]] std::map<std::int64_t, domain::Reminder> latest();

private:
    storage::Database& db_;
    const config::Config& config_;
    domain::TimeContext time_;
};

}  // namespace slash::services
