#pragma once

// The value shapes every view writes the same way (docs/contract.md §4, §6).

#include <cstdint>
#include <string>
#include <vector>

#include "slash/domain/identifiers.hpp"
#include "slash/domain/money.hpp"
#include "slash/render/value.hpp"

namespace slash::cli {

/// {"amount": "1234.50", "currency": "EUR"}: money in machine output, never a float.
inline render::Value money_value(std::int64_t minor, const std::string& currency) {
    return render::Value::object({
        {"amount", domain::format_amount(minor, domain::currency_minor_digits(currency))},
        {"currency", currency},
    });
}

/// An empty text is null in JSON (and an empty cell), not "".
inline render::Value optional_text(const std::string& text) {
    return text.empty() ? render::Value() : render::Value(text);
}

/// A list of texts as a JSON array (address lines, invoice numbers).
inline render::Value text_list(const std::vector<std::string>& items) {
    render::Value::Array array;
    for (const auto& item : items) array.emplace_back(item);
    return render::Value::array(array);
}

}  // namespace slash::cli
