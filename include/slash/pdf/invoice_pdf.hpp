#pragma once

#include <string>

#include "slash/render/invoice_document.hpp"

/// The invoice as a Factur-X PDF (docs/contract.md §5, `slash invoice show --format pdf`): a page
/// layout drawn with cairo and pango, then made a PDF/A-3b file with the CII XML attached.
/// An optional layer: a slash built without cairo, pango, qpdf or lcms2 has the same
/// functions, which say so.
namespace slash::pdf {

/// True when this slash was built with PDF support; invoice_pdf throws otherwise.
[[nodiscard]] bool available();

/// The PDF bytes of `document`: A4 pages in DejaVu Sans (embedded as subsets) with the
/// content of the text document (seller, buyer, title and number or the draft marker,
/// dates, lines, totals, VAT breakdown, bank details, mentions), the lines table repeated
/// on every page it spans, and with `timesheet` the relevé d'activité on pages of its own.
/// The file is PDF/A-3b: XMP metadata with the Factur-X extension schema (EN 16931
/// profile), an sRGB output intent, and `factur_x_xml` embedded byte for byte as
/// `factur-x.xml` with AFRelationship /Alternative (the XML is an equivalent, machine
/// readable form of the visible invoice, which is what EN 16931 asks of that value; /Data
/// is for the MINIMUM and BASIC WL profiles, whose XML does not carry the whole invoice).
/// The same input gives the same bytes: dates come from the invoice (issued_at, else
/// updated_at, else created_at, else the issue date), never from the clock.
/// Throws Error(Failure) when built without PDF support or when a library fails.
[[nodiscard]] std::string invoice_pdf(const render::InvoiceDocument& document,
                                      const std::string& factur_x_xml, bool timesheet);

}  // namespace slash::pdf
