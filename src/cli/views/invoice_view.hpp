#pragma once

#include <vector>

#include "slash/domain/invoice.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/render/output.hpp"
#include "slash/services/invoice_service.hpp"

namespace slash::cli {

/// The JSON shape of an invoice in listings (field names are a stable contract). `ref` is
/// what every REF argument accepts: the number, or the id of a draft.
/// `einvoicing`: the latest e-invoicing status ("205 Approuvée"), empty when none.
render::Record invoice_record(const domain::Invoice& invoice, const std::string& status,
                              const domain::TimeZone& zone, const std::string& einvoicing = "");
const render::Schema& invoice_schema();
render::ListView invoice_list_view(const std::vector<services::ListedInvoice>& invoices, const domain::TimeZone& zone);

/// For a person's table (terminal or piped rows, not JSON/CSV): a draft's DUE cell is
/// blank, as its due date is, rather than "0.00 EUR" that reads as "nothing owed".
void blank_draft_due(render::Record& record, const domain::Invoice& invoice);

/// `invoice show --format json`: the listing fields plus seller, buyer, lines, VAT
/// breakdown, mentions, payments and billed entries.
render::Value invoice_document_value(const services::InvoiceDetails& details, const domain::TimeZone& zone);

/// The JSON shape of a payment.
render::Record payment_record(const domain::Payment& payment, const domain::TimeZone& zone);
const render::Schema& payment_schema();
render::ListView payment_list_view(const std::vector<domain::Payment>& payments, const domain::TimeZone& zone);

}  // namespace slash::cli
