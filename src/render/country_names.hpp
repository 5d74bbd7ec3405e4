#pragma once

// Country names on invoice addresses (docs/contract.md §5): render-internal.

#include <string>
#include <string_view>

namespace slash::render {

/// The name of the ISO 3166-1 alpha-2 `code` (any case) in `language` (fr: "Royaume-Uni",
/// otherwise English: "United Kingdom"); an unknown code is returned as given.
[[nodiscard]] std::string country_name(std::string_view code, std::string_view language);

}  // namespace slash::render
