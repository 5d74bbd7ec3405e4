#pragma once

#include <string>

#include "slash/render/invoice_document.hpp"

namespace slash::render {

/// `slash invoice show --format cii` (docs/contract.md §5): the invoice or credit note as UN/CEFACT
/// Cross Industry Invoice D16B XML, Factur-X 1.09 EN 16931 profile, written so that an issued
/// invoice passes the Factur-X EN 16931 XSD and schematron, the EN 16931 CII schematron and
/// the French CTC (BR-FR) rules. The same bytes are embedded in the PDF as `factur-x.xml`.
///
/// What goes where (EN 16931 business terms):
/// - BT-24 `urn:cen.eu:en16931:2017`; BT-23 billing mode `S1` (services, not paid yet);
/// - BT-1 the number (a draft, which has none, is `DRAFT-<id>` and is no valid e-invoice:
///   it has no issue date either); BT-3 380 invoice, 381 credit note; BT-2 the issue date;
/// - notes BT-21/22: REG the VAT mention, PMD the late-payment penalties, PMT the 40 EUR
///   recovery indemnity (those two only for business buyers, as on the printed invoice),
///   AAB the early-payment discount statement, ACD a credit note's reason, AAI the footer;
/// - lines: BT-126 1, 2, 3..., BT-153 the first line of the description and BT-154 the
///   whole of it when it has several lines, BT-146 the unit price, BT-129 the quantity
///   (thousandths written exactly), BT-130 its unit code, BT-151/152 the VAT, BT-131 the net.
///   A discount (negative price) is written as a positive price with a negative quantity,
///   since EN 16931 BR-27 and BR-FR-DEC-03 forbid a negative price;
/// - seller: name followed by "EI", SIRET (BT-29, scheme 0009), SIREN (BT-30, 0002), trade
///   name (BT-28), postal address (a last line "75011 Paris" becomes postcode and city),
///   email (BT-34, scheme EM), VAT id (BT-31, VA), else the SIREN as tax registration
///   (BT-32, FC), which BR-E-02 asks of an exempt (franchise) invoice;
/// - buyer: name, SIRET, SIREN, address, electronic address BT-49 (BR-FR-12 makes it
///   mandatory): the email (EM), else the SIREN in the French directory scheme 0225, else
///   none; VAT id (BT-48);
/// - settlement: currency; SEPA credit transfer (58, 30 outside EUR) to the IBAN (BT-84) and
///   BIC (BT-86) when an IBAN is known; one VAT breakdown per row of `document.vat`, with
///   exemption reason and code for E (VATEX-FR-FRANCHISE), AE (VATEX-EU-AE) and G
///   (VATEX-EU-G); the billing period (BG-14); the due date (BT-9) with a sentence (BT-20);
///   the totals, computed from the lines and the breakdown so that they always add up;
///   for a credit note the number and date of the invoice it credits (BT-25, BT-26).
///
/// Amounts come from integer minor units, quantities from thousandths, rates from
/// milli-percent: no floating point. Every text is escaped (& < > " '), characters XML 1.0
/// forbids become spaces and bytes that are not UTF-8 become U+FFFD.
[[nodiscard]] std::string invoice_cii(const InvoiceDocument& document);

}  // namespace slash::render
