#pragma once

#include <string>

#include "slash/domain/sales_quote.hpp"
#include "slash/render/output.hpp"
#include "slash/services/quote_service.hpp"

namespace slash::cli {

/// One row of `quote list`: ref, number, client, status (expired included), dates, total.
render::Record quote_record(const domain::SalesQuote& quote, const std::string& today);
const render::Schema& quote_schema();

/// `quote show`: the quote as the client reads it, titled DEVIS or QUOTE by its language,
/// ending with the block the client signs.
std::string quote_text(const services::QuoteDetails& details);

}  // namespace slash::cli
