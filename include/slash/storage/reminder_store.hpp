#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "slash/domain/reminder.hpp"

namespace slash::storage {

class Database;

/// Reminders and sent e-mails (migration 7). Writes expect the caller's transaction.
class ReminderStore {
public:
    explicit ReminderStore(Database& db) : db_(db) {}

    std::int64_t insert(const domain::Reminder& reminder);
    /// An invoice's reminders, oldest first.
    [[nodiscard]] std::vector<domain::Reminder> of_invoice(std::int64_t invoice_id);
    /// The latest reminder of every invoice reminded, by invoice id.
    [[nodiscard]] std::map<std::int64_t, domain::Reminder> latest();
    std::int64_t insert_mail(const domain::SentMail& mail);
    /// An invoice's sent e-mails, oldest first.
    [[nodiscard]] std::vector<domain::SentMail> mails_of_invoice(std::int64_t invoice_id);

private:
    Database& db_;
};

}  // namespace slash::storage
