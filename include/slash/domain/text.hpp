#pragma once

#include <string_view>

namespace slash::domain {

/// Well-formed UTF-8: no stray continuation bytes, no overlong forms, no surrogates, nothing
/// above U+10FFFF. Every text slash stores ends up in JSON and invoices, which must be UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view text);

}  // namespace slash::domain
