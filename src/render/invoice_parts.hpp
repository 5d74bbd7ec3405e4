#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "slash/render/invoice_document.hpp"

/// What an invoice document says, already in its language and with every number formatted,
/// but not yet laid out: the text and the Markdown writers lay out the same parts, so that
/// both documents always carry the same content.
namespace slash::render {

/// English for "en" and "en-GB"-like tags in any case; French for everything else, French
/// being the language of the law the invoices follow.
[[nodiscard]] bool is_english(std::string_view language);

/// One "label: value" line under the title.
struct InvoiceField {
    std::string label;
    std::string value;
};

/// The seller or the buyer: a heading and the lines of its identity.
struct InvoiceParty {
    std::string heading;
    std::vector<std::string> lines;
};

inline constexpr std::size_t kLineColumns = 6;
/// The columns of the lines table: description, quantity, unit, unit price, VAT, net.
using InvoiceRow = std::array<std::string, kLineColumns>;
inline constexpr std::size_t kDescriptionColumn = 0;
inline constexpr std::size_t kUnitColumn = 2;
/// Numbers are right-aligned so that their digits line up.
inline constexpr std::array<bool, kLineColumns> kRightAligned{false, true, false, true, true, true};

/// One row of the totals: the grand total and the amount due are `strong`.
struct InvoiceTotal {
    std::string label;
    std::string amount;
    bool strong = false;
};

/// User text is cleaned of control characters (a description cannot move the terminal's
/// cursor); descriptions and mentions keep their line breaks as '\n', every other text is
/// on one line.
struct InvoiceParts {
    std::string title;
    /// Sentences under the title: the invoice a credit note cancels, the credit note that
    /// cancelled an invoice.
    std::vector<std::string> notes;
    std::vector<InvoiceField> fields;
    InvoiceParty seller;
    InvoiceParty buyer;
    InvoiceRow headers;
    std::vector<InvoiceRow> rows;
    std::vector<InvoiceTotal> totals;
    std::vector<std::string> mentions;
    /// "IBAN FR76 3000 ... BIC BNPAFRPP", or empty.
    std::string bank;
};

[[nodiscard]] InvoiceParts invoice_parts(const InvoiceDocument& document);

}  // namespace slash::render
