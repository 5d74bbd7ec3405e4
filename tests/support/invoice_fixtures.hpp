#pragma once

// Building blocks of the hand-made invoices the document tests render.

#include <cstdint>
#include <string>

#include "slash/domain/invoice.hpp"

namespace slash::testing {

/// One invoice line with its net already worked out by the test.
inline domain::InvoiceLine invoice_line(const std::string& description, std::int64_t quantity_milli,
                                        const std::string& unit, std::int64_t price, std::int64_t net,
                                        const std::string& category, std::int64_t rate_milli = 0) {
    domain::InvoiceLine result;
    result.description = description;
    result.quantity_milli = quantity_milli;
    result.unit_code = unit;
    result.unit_price_minor = price;
    result.net_minor = net;
    result.vat_category = category;
    result.vat_rate_milli = rate_milli;
    return result;
}

}  // namespace slash::testing
