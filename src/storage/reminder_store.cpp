#include "slash/storage/reminder_store.hpp"

#include "column_codec.hpp"
#include "sqlite_access.hpp"

namespace slash::storage {

namespace {

constexpr const char* kReminderColumns =
    "SELECT id, invoice_id, level, reminded_on, days_late, due_minor, late_rate_milli, penalty_minor, "
    "indemnity_minor, created_at FROM invoice_reminders ";

domain::Reminder read_reminder(SQLite::Statement& row) {
    domain::Reminder r;
    r.id = row.getColumn(0).getInt64();
    r.invoice_id = row.getColumn(1).getInt64();
    r.level = row.getColumn(2).getInt();
    r.reminded_on = row.getColumn(3).getString();
    r.days_late = row.getColumn(4).getInt64();
    r.due_minor = row.getColumn(5).getInt64();
    r.late_rate_milli = row.getColumn(6).getInt64();
    r.penalty_minor = row.getColumn(7).getInt64();
    r.indemnity_minor = row.getColumn(8).getInt64();
    r.created_at = row.getColumn(9).getInt64();
    return r;
}

}  // namespace

std::int64_t ReminderStore::insert(const domain::Reminder& r) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "INSERT INTO invoice_reminders (invoice_id, level, reminded_on, days_late, due_minor, "
                               "late_rate_milli, penalty_minor, indemnity_minor, created_at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        stmt.bind(1, r.invoice_id);
        stmt.bind(2, r.level);
        stmt.bind(3, r.reminded_on);
        stmt.bind(4, r.days_late);
        stmt.bind(5, r.due_minor);
        stmt.bind(6, r.late_rate_milli);
        stmt.bind(7, r.penalty_minor);
        stmt.bind(8, r.indemnity_minor);
        stmt.bind(9, r.created_at);
        stmt.exec();
        return connection(db_).getLastInsertRowid();
    });
}

std::vector<domain::Reminder> ReminderStore::of_invoice(std::int64_t invoice_id) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), std::string(kReminderColumns) +
                                                    "WHERE invoice_id = ? ORDER BY reminded_on, id");
        stmt.bind(1, invoice_id);
        std::vector<domain::Reminder> list;
        while (stmt.executeStep()) list.push_back(read_reminder(stmt));
        return list;
    });
}

std::map<std::int64_t, domain::Reminder> ReminderStore::latest() {
    return guarded(db_, [&] {
        // Rows in (reminded_on, id) order: the last one read for an invoice is its latest.
        SQLite::Statement stmt(connection(db_), std::string(kReminderColumns) + "ORDER BY invoice_id, reminded_on, id");
        std::map<std::int64_t, domain::Reminder> latest;
        while (stmt.executeStep()) {
            auto r = read_reminder(stmt);
            latest[r.invoice_id] = r;
        }
        return latest;
    });
}

std::int64_t ReminderStore::insert_mail(const domain::SentMail& m) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "INSERT INTO mails_sent (invoice_id, reminder_id, recipient, subject, message_id, "
                               "sent_at) VALUES (?, ?, ?, ?, ?, ?)");
        if (m.invoice_id) stmt.bind(1, *m.invoice_id);
        if (m.reminder_id) stmt.bind(2, *m.reminder_id);
        stmt.bind(3, m.recipient);
        stmt.bind(4, m.subject);
        stmt.bind(5, m.message_id);
        stmt.bind(6, m.sent_at);
        stmt.exec();
        return connection(db_).getLastInsertRowid();
    });
}

std::vector<domain::SentMail> ReminderStore::mails_of_invoice(std::int64_t invoice_id) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "SELECT id, invoice_id, reminder_id, recipient, subject, message_id, sent_at "
                               "FROM mails_sent WHERE invoice_id = ? ORDER BY sent_at, id");
        stmt.bind(1, invoice_id);
        std::vector<domain::SentMail> list;
        while (stmt.executeStep()) {
            domain::SentMail m;
            m.id = stmt.getColumn(0).getInt64();
            m.invoice_id = optional_int(stmt.getColumn(1));
            m.reminder_id = optional_int(stmt.getColumn(2));
            m.recipient = stmt.getColumn(3).getString();
            m.subject = stmt.getColumn(4).getString();
            m.message_id = stmt.getColumn(5).getString();
            m.sent_at = stmt.getColumn(6).getInt64();
            list.push_back(std::move(m));
        }
        return list;
    });
}

}  // namespace slash::storage
