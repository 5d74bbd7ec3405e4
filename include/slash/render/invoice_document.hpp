#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "slash/domain/invoice.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/reminder.hpp"

/// An invoice as a document a human reads (`slash invoice show --format text|md`),
/// docs/contract.md §5. Pure functions of an InvoiceDocument: the service has already resolved
/// everything (the identities of a draft are the live config and client, those of an
/// issued invoice its frozen snapshot), so that rendering never looks anything up.
namespace slash::render {

/// One billed entry of the timesheet annex (relevé d'activité), already in local time.
struct TimesheetRow {
    std::string date;     ///< YYYY-MM-DD, local
    std::string start;    ///< HH:MM, local
    std::string end;      ///< HH:MM, local
    std::string mission;  ///< client/mission
    std::int64_t seconds = 0;
    std::string units;  ///< "2.5", empty when none
    std::string note;
};

struct InvoiceDocument {
    /// With its lines, totals, seller and buyer filled in (drafts too).
    domain::Invoice invoice;
    /// The VAT breakdown (EN 16931 BG-23), one row per (category, rate).
    std::vector<domain::VatBreakdown> vat;
    /// The legal sentences to print, in order: VAT mention, penalties, indemnity, no
    /// discount, then the footer; empty ones already left out.
    std::vector<std::string> mentions;
    std::vector<domain::Payment> payments;
    /// domain::display_status of the invoice.
    std::string status;
    /// Of the invoice's currency (2 for EUR, 0 for JPY).
    int minor_digits = 2;
    /// Of a draft: why it has its VAT regime, in its language ("autoliquidation : client
    /// professionnel établi en BE"); empty for an issued invoice, whose regime is frozen.
    std::string vat_reason;
    /// The entries the invoice bills, by start: the optional timesheet annex.
    std::vector<TimesheetRow> timesheet;
    /// Payment reminders sent, oldest first: bookkeeping, shown with the status.
    std::vector<domain::Reminder> reminders;
};

/// Plain text, labels in the invoice's language (fr or en): title ("FACTURE" / "INVOICE",
/// "AVOIR" / "CREDIT NOTE", a draft marked "BROUILLON" / "DRAFT" and without number), number,
/// dates, seller (name followed by " EI"), buyer, the lines as an aligned table (description,
/// quantity, unit, unit price, VAT rate, net), totals (net, VAT per rate, total), payments
/// received and the amount due, and the mentions. Money in the language's style:
/// "1 234,50 €" in French, "€1,234.50" in English (see format_money).
void write_invoice_text(std::ostream& out, const InvoiceDocument& document);

/// The same content as Markdown: headings, the lines and the totals as pipe tables, every
/// user-supplied text escaped so that it cannot change the markup.
void write_invoice_markdown(std::ostream& out, const InvoiceDocument& document);

/// "1 234,50 €" (fr, a narrow no-break space U+202F as thousands separator, no-break space
/// U+00A0 before the symbol) or "€1,234.50" (en); negative amounts keep their sign first
/// ("-12,00 €", "-€12.00"). Currencies other than EUR, USD and GBP are written with their
/// code. `minor_digits` as domain::currency_minor_digits.
[[nodiscard]] std::string format_money(std::int64_t minor, const std::string& currency, int minor_digits,
                                       const std::string& language);

/// "2026-11-30" -> "30/11/2026" (fr) or "30 Nov 2026" (en); other text is returned as it is.
[[nodiscard]] std::string format_document_date(const std::string& iso_date, const std::string& language);

/// A quantity in thousandths as a decimal without useless zeros, in the language's style:
/// 7500 -> "7,5" (fr) / "7.5" (en); 1000 -> "1".
[[nodiscard]] std::string format_quantity(std::int64_t quantity_milli, const std::string& language);

}  // namespace slash::render
