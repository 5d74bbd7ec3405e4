#pragma once

#include <cstdint>
#include <optional>
#include <string>

/// What slash keeps of payment reminders and e-mails sent (migration 7): records, never
/// changed or deleted.
namespace slash::domain {

/// One reminder of an issued invoice, with the figures it stated.
struct Reminder {
    std::int64_t id = 0;
    std::int64_t invoice_id = 0;
    int level = 1;               ///< 1 friendly, 2 firm, 3 mise en demeure
    std::string reminded_on;     ///< YYYY-MM-DD
    std::int64_t days_late = 0;  ///< reminded_on - due date
    std::int64_t due_minor = 0;  ///< what remained due that day
    std::int64_t late_rate_milli = 0;  ///< percent × 1000 a year
    std::int64_t penalty_minor = 0;
    std::int64_t indemnity_minor = 0;
    std::int64_t created_at = 0;
};

/// One e-mail handed to the MTA.
struct SentMail {
    std::int64_t id = 0;
    std::optional<std::int64_t> invoice_id;
    std::optional<std::int64_t> reminder_id;
    std::string recipient;
    std::string subject;
    std::string message_id;
    std::int64_t sent_at = 0;
};

}  // namespace slash::domain
