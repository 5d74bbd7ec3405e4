#pragma once

#include "slash/render/output.hpp"
#include "slash/services/des_service.hpp"

namespace slash::cli {

/// The JSON shape of a row of `slash des`: vat_id, country, client, invoices (numbers),
/// amount (money), missing (what keeps the row out of the declaration, null when nothing).
render::Record des_record(const services::DesRow& row, const std::string& month, const std::string& missing);
const render::Schema& des_schema();
/// `slash des`: the EUR rows by VAT id; the table (on a terminal or piped) then has a TOTAL
/// row, and every format ends with the invoices in another currency, listed apart with what
/// they miss.
render::ListView des_view(const services::DesStatement& statement, const render::OutputOptions& options);

}  // namespace slash::cli
