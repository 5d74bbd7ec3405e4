#include "slash/render/invoice_document.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "invoice_parts.hpp"
#include "slash/domain/calendar.hpp"

namespace slash::render {

namespace {

constexpr std::string_view kNarrowNoBreakSpace = "\u202f";
constexpr std::string_view kNoBreakSpace = "\u00a0";
constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Through unsigned arithmetic, so that INT64_MIN has a magnitude too.
std::uint64_t magnitude(std::int64_t value) {
    const auto bits = static_cast<std::uint64_t>(value);
    return value < 0 ? 0u - bits : bits;
}

std::string group_thousands(const std::string& digits, std::string_view separator) {
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
        grouped += digits[i];
    }
    return grouped;
}

std::string_view currency_symbol(std::string_view currency) {
    if (currency == "EUR") return "€";
    if (currency == "USD") return "$";
    if (currency == "GBP") return "£";
    return {};
}

bool all_digits(std::string_view text) {
    for (char ch : text) {
        if (ch < '0' || ch > '9') return false;
    }
    return true;
}

int two_digits(std::string_view text) {
    return (text[0] - '0') * 10 + (text[1] - '0');
}

}  // namespace

bool is_english(std::string_view language) {
    if (language.size() < 2) return false;
    const bool en =
        (language[0] == 'e' || language[0] == 'E') && (language[1] == 'n' || language[1] == 'N');
    return en && (language.size() == 2 || language[2] == '-' || language[2] == '_');
}

std::string format_money(std::int64_t minor, const std::string& currency, int minor_digits,
                         const std::string& language) {
    const bool english = is_english(language);
    const auto decimals = static_cast<std::size_t>(minor_digits > 0 ? minor_digits : 0);
    std::string digits = std::to_string(magnitude(minor));
    if (digits.size() < decimals + 1) digits.insert(0, decimals + 1 - digits.size(), '0');
    const std::size_t whole_length = digits.size() - decimals;

    std::string number =
        group_thousands(digits.substr(0, whole_length), english ? "," : kNarrowNoBreakSpace);
    if (decimals > 0) {
        number += english ? '.' : ',';
        number += digits.substr(whole_length);
    }

    const std::string sign = minor < 0 ? "-" : "";
    const std::string_view symbol = currency_symbol(currency);
    if (english) {
        if (!symbol.empty()) return sign + std::string(symbol) + number;
        if (currency.empty()) return sign + number;
        return sign + currency + " " + number;
    }
    if (!symbol.empty()) return sign + number + std::string(kNoBreakSpace) + std::string(symbol);
    if (currency.empty()) return sign + number;
    return sign + number + std::string(kNoBreakSpace) + currency;
}

std::string format_document_date(const std::string& iso_date, const std::string& language) {
    const std::string_view text = iso_date;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
        !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
        return iso_date;
    }
    domain::CivilDate date;
    date.year = two_digits(text.substr(0, 2)) * 100 + two_digits(text.substr(2, 2));
    date.month = two_digits(text.substr(5, 2));
    date.day = two_digits(text.substr(8, 2));
    if (!domain::is_valid_date(date)) return iso_date;

    if (!is_english(language)) {
        return std::string(text.substr(8, 2)) + "/" + std::string(text.substr(5, 2)) + "/" +
               std::string(text.substr(0, 4));
    }
    return std::to_string(date.day) + " " +
           std::string(kMonths[static_cast<std::size_t>(date.month - 1)]) + " " +
           std::string(text.substr(0, 4));
}

std::string format_quantity(std::int64_t quantity_milli, const std::string& language) {
    const std::uint64_t value = magnitude(quantity_milli);
    std::string text = quantity_milli < 0 ? "-" : "";
    text += std::to_string(value / 1000);
    const std::uint64_t fraction = value % 1000;
    if (fraction == 0) return text;

    std::string decimals = std::to_string(fraction);
    decimals.insert(0, 3 - decimals.size(), '0');
    while (decimals.back() == '0') decimals.pop_back();
    text += is_english(language) ? '.' : ',';
    return text + decimals;
}

}  // namespace slash::render
