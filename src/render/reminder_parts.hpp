#pragma once

#include <string>
#include <vector>

#include "invoice_parts.hpp"
#include "slash/render/reminder_document.hpp"

/// What a reminder letter says, in its language and with every number formatted, but not
/// yet laid out: the text, Markdown and HTML writers lay out the same parts.
namespace slash::render {

struct ReminderParts {
    std::string language;  ///< "fr" or "en"
    std::vector<std::string> seller;
    std::vector<std::string> buyer;
    std::string date;     ///< "Le 17/07/2026" / "17 July 2026"
    std::string subject;  ///< reminder_subject
    std::string greeting;
    std::vector<std::string> paragraphs;  ///< the tone of the level
    std::vector<InvoiceField> fields;     ///< invoice, dates, days late, amounts
    std::vector<std::string> notes;       ///< where the rate and the indemnity come from
    std::string bank_intro;               ///< empty when the invoice carries no IBAN
    std::vector<std::string> bank;        ///< "IBAN ...", "BIC ..."
    std::string closing;
    std::string signature;
};

[[nodiscard]] ReminderParts reminder_parts(const ReminderDocument& document);

}  // namespace slash::render
