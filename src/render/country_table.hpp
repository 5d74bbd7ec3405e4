#pragma once

// The ISO 3166-1 country names, generated at build time from Debian's iso-codes by
// tools/country_names_gen.cpp (CMakeLists.txt): render-internal.

#include <cstddef>
#include <string_view>

namespace slash::render {

struct CountryName {
    std::string_view code;     ///< alpha-2, upper-case
    std::string_view english;  ///< the common name where ISO gives one ("Taiwan")
    std::string_view french;   ///< its iso-codes translation
};

/// Sorted by code.
extern const CountryName kCountryNames[];
extern const std::size_t kCountryNameCount;

}  // namespace slash::render
