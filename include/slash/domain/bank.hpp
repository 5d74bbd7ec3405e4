#pragma once

#include <string>
#include <string_view>

namespace slash::domain {

/// IBAN: spaces removed, upper-cased, 15..34 characters, ISO 13616 mod-97 check. Throws
/// Usage naming the value.
[[nodiscard]] std::string normalize_iban(std::string_view text);

/// BIC (ISO 9362): 8 or 11 characters, 4 letters bank, 2 letters country, 2 alphanumerics
/// location, optional 3 alphanumerics branch. Throws Usage naming the value.
[[nodiscard]] std::string normalize_bic(std::string_view text);

}  // namespace slash::domain
