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

inline constexpr std::size_t kVatColumns = 4;
/// The columns of the VAT breakdown: category, rate, taxable amount, VAT amount.
using VatRow = std::array<std::string, kVatColumns>;

inline constexpr std::size_t kTimesheetColumns = 7;
/// The columns of the timesheet annex: date, start, end, mission, duration, units, note.
using TimesheetCells = std::array<std::string, kTimesheetColumns>;
inline constexpr std::array<bool, kTimesheetColumns> kTimesheetRightAligned{
    false, false, false, false, true, true, false};
/// The columns of the annex that hold user text (the mission and the note).
inline constexpr std::array<bool, kTimesheetColumns> kTimesheetUserText{false, false, false, true,
                                                                        false, false, true};

/// What a paged document (HTML, PDF) prints around the InvoiceParts: the words of its
/// headings, the VAT breakdown, the payment details one per line, the legal mentions apart
/// from the footer, and the timesheet annex. Cleaned and formatted as InvoiceParts are.
struct InvoicePage {
    /// "fr" or "en": the language the labels are in.
    std::string language;
    /// "FACTURE", "AVOIR", "INVOICE" or "CREDIT NOTE".
    std::string kind;
    /// "N° 2026-0001" (with a no-break space) / "No. 2026-0001"; empty for a draft.
    std::string number;
    /// "BROUILLON" / "DRAFT" for a draft, else empty.
    std::string draft;
    /// The sentence of a draft's banner, else empty.
    std::string draft_notice;

    std::string vat_heading;
    VatRow vat_headers;
    std::vector<VatRow> vat_rows;

    /// "Règlement" / "Payment": due date, method, IBAN, BIC and the reference to quote.
    /// Empty for a credit note, which is refunded rather than paid.
    std::string payment_heading;
    std::vector<InvoiceField> payment_fields;

    std::string mentions_heading;
    /// The legal mentions of InvoiceParts without the invoice's footer text.
    std::vector<std::string> mentions;
    /// The footer text (may hold '\n'), then the seller in one line: name, SIREN or SIRET,
    /// VAT id.
    std::vector<std::string> footer;

    /// "Relevé d'activité" / "Timesheet", and what it is the annex of.
    std::string timesheet_heading;
    std::string timesheet_caption;
    TimesheetCells timesheet_headers;
    std::vector<TimesheetCells> timesheet_rows;
    /// "Total" and the sum of the durations (h:mm).
    std::string timesheet_total_label;
    std::string timesheet_total;
};

[[nodiscard]] InvoicePage invoice_page(const InvoiceDocument& document);

}  // namespace slash::render
