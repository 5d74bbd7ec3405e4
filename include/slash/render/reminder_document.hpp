#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "slash/domain/reminder.hpp"
#include "slash/render/invoice_document.hpp"

/// A payment reminder (`slash invoice remind`) as a letter in the invoice's language:
/// seller, client, date, the invoice and its dates, days late, amount due, penalties to
/// date at the stated rate and where that rate comes from, the recovery indemnity of a
/// business client, the bank details frozen on the invoice, in the tone of its level (1
/// friendly, 2 firm, 3 mise en demeure). Pure functions: the service worked out every figure.
namespace slash::render {

struct ReminderDocument {
    /// The invoice as its documents show it (frozen seller and buyer, payments).
    InvoiceDocument invoice;
    /// The figures of this reminder (level, date, days late, due, rate, penalty, indemnity).
    domain::Reminder reminder;
    /// The legal interest rate the late rate is three times, percent × 1000; 0 when the
    /// rate is the contract's ([invoice] late_rate).
    std::int64_t legal_rate_milli = 0;
    /// Of the legal rate: the first day of its semester (YYYY-MM-DD) and its arrêté.
    std::string legal_rate_from;
    std::string legal_rate_source;
};

/// "Relance de paiement : facture 2026-0001" / "Payment reminder: invoice 2026-0001".
[[nodiscard]] std::string reminder_subject(const ReminderDocument& document);

/// Amount due + penalties + indemnity: what the letter claims.
[[nodiscard]] std::int64_t reminder_total(const domain::Reminder& reminder);

void write_reminder_text(std::ostream& out, const ReminderDocument& document);
void write_reminder_markdown(std::ostream& out, const ReminderDocument& document);
/// A standalone HTML page (UTF-8, no external resource).
void write_reminder_html(std::ostream& out, const ReminderDocument& document);

}  // namespace slash::render
