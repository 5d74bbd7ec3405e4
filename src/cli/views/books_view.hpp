#pragma once

#include "slash/render/output.hpp"
#include "slash/services/books_service.hpp"

namespace slash::cli {

/// The JSON shape of a line of the receipts journal (field names are a stable contract).
render::Record receipt_record(const services::Receipt& receipt);
const render::Schema& receipt_schema();
/// `slash receipts`: one row per payment; the table (on a terminal or piped) ends with a
/// TOTAL row of the EUR received, which the machine formats (--json, --csv, --tsv,
/// --template, -q) never carry.
render::ListView receipts_view(const services::ReceiptsJournal& journal, const render::OutputOptions& options);

/// The JSON shape of a row of `slash revenue`: `month` (YYYY-MM) or `client` and `name`,
/// then invoiced, collected, outstanding and overdue as EUR money objects.
render::Record revenue_record(const services::RevenueRow& row, bool by_client);
const render::Schema& revenue_schema(bool by_client);
/// `slash revenue`: the rows, and a TOTAL row in the table only, as for receipts.
render::ListView revenue_view(const services::Revenue& revenue, const render::OutputOptions& options);

}  // namespace slash::cli
