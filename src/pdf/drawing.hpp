#pragma once

#include <string>

#include "../render/invoice_parts.hpp"
#include "slash/render/invoice_document.hpp"

/// The pages of the invoice, drawn with cairo and pango: the plain PDF that factur_x.hpp
/// then makes a PDF/A-3 file.
namespace slash::pdf {

/// The PDF bytes as cairo writes them (A4, DejaVu Sans embedded as subsets): `parts` laid
/// out, with the VAT breakdown and the timesheet of `document`. Throws Error(Failure) when
/// cairo reports an error.
[[nodiscard]] std::string draw_invoice(const render::InvoiceDocument& document,
                                       const render::InvoiceParts& parts, bool timesheet);

}  // namespace slash::pdf
