#pragma once

#include <iosfwd>

#include "slash/render/invoice_document.hpp"

namespace slash::render {

/// `slash invoice show --format html` (docs/contract.md §5): one self-contained HTML file, with
/// inline CSS and nothing fetched or run (no link, image, font or script), laid out as a
/// printed French invoice on A4: seller top left, buyer on the right, title and number,
/// dates and period, the lines table, the totals box, the VAT breakdown, the payment
/// details (IBAN, BIC), the legal mentions in small print and a footer. Labels and money
/// in the invoice's language ("1 234,50 €" / "€1,234.50"); a draft carries a BROUILLON /
/// DRAFT banner and watermark and no number.
///
/// Every user-supplied text is escaped (& < > " '), stripped of control characters and of
/// bytes that are not UTF-8, and set in an element with dir="auto" so that Arabic or Hebrew
/// reads right to left without reordering its neighbours; long words wrap anywhere rather
/// than widen the page. With `timesheet`, the billed entries follow on a new printed page
/// as the annex (relevé d'activité); there is no annex when the invoice bills no entry.
void write_invoice_html(std::ostream& out, const InvoiceDocument& document, bool timesheet);

}  // namespace slash::render
