#include "country_names.hpp"

#include <algorithm>

#include "country_table.hpp"

namespace slash::render {

std::string country_name(std::string_view code, std::string_view language) {
    std::string upper(code);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    const CountryName* end = kCountryNames + kCountryNameCount;
    const CountryName* found = std::lower_bound(kCountryNames, end, upper, [](const CountryName& row, const std::string& key) {
        return row.code < key;
    });
    if (found == end || found->code != upper) return std::string(code);
    return std::string(language == "fr" ? found->french : found->english);
}

}  // namespace slash::render
