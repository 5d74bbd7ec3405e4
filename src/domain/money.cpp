#include "slash/domain/money.hpp"

#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/quote.hpp"

namespace slash::domain {
namespace {

constexpr int kMaxMinorDigits = 18;
constexpr std::int64_t kMinMinor = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMaxMinor =
    std::numeric_limits<std::int64_t>::max();  // 10^18 still fits in int64
constexpr std::string_view kHint =
    "use digits with an optional sign and decimal part, such as 65, -12.30 or 1 234,50";


[[noreturn]] void refuse(std::string_view text, std::string_view why) {
    throw Error(ErrorKind::Usage, "invalid amount " + quoted(text) + ": " + std::string(why));
}

void require_minor_digits(int minor_digits) {
    if (minor_digits < 0 || minor_digits > kMaxMinorDigits) {
        throw std::invalid_argument("minor_digits out of 0..18: " + std::to_string(minor_digits));
    }
}

std::string decimals_rule(int minor_digits) {
    if (minor_digits == 0) return "use no decimals";
    if (minor_digits == 1) return "use at most 1 decimal";
    return "use at most " + std::to_string(minor_digits) + " decimals";
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Byte length of the grouping space at the start of `text`, 0 if none: ASCII space, no-break
// (U+00A0), thin (U+2009) and narrow no-break (U+202F, what French typography uses).
std::size_t space_length(std::string_view text) {
    if (text.starts_with(' ')) return 1;
    if (text.starts_with("\xc2\xa0")) return 2;
    if (text.starts_with("\xe2\x80\x89") || text.starts_with("\xe2\x80\xaf")) return 3;
    return 0;
}

// Byte length of the space or tab at the end of `text`, 0 if none.
std::size_t trailing_space_length(std::string_view text) {
    if (text.ends_with(' ') || text.ends_with('\t')) return 1;
    if (text.ends_with("\xc2\xa0")) return 2;
    if (text.ends_with("\xe2\x80\x89") || text.ends_with("\xe2\x80\xaf")) return 3;
    return 0;
}

std::string_view trim(std::string_view text) {
    while (const std::size_t n = text.starts_with('\t') ? 1 : space_length(text)) {
        text.remove_prefix(n);
    }
    while (const std::size_t n = trailing_space_length(text)) text.remove_suffix(n);
    return text;
}

// The parts of a well-formed amount, before any arithmetic.
struct Parts {
    bool negative = false;
    std::string integer;   // digits only, grouping removed
    std::string fraction;  // digits after the separator
};

// Splits `text` into sign, integer digits and fraction digits, refusing every other shape.
Parts split(std::string_view text) {
    std::string_view rest = trim(text);
    if (rest.empty()) refuse(text, "it is empty; " + std::string(kHint));
    Parts parts;
    if (rest.front() == '+' || rest.front() == '-') {
        parts.negative = rest.front() == '-';
        rest.remove_prefix(1);
    }
    std::vector<std::size_t> groups{0};  // digit count of each space-separated group
    bool separator_seen = false;
    while (!rest.empty()) {
        const char c = rest.front();
        if (is_digit(c)) {
            (separator_seen ? parts.fraction : parts.integer) += c;
            if (!separator_seen) ++groups.back();
            rest.remove_prefix(1);
        } else if (c == '.' || c == ',') {
            if (separator_seen) {
                refuse(text,
                       "it has two decimal separators; group thousands with spaces, as in "
                       "1 234,50");
            }
            separator_seen = true;
            rest.remove_prefix(1);
        } else if (const std::size_t n = space_length(rest); n > 0 && !separator_seen) {
            groups.push_back(0);
            rest.remove_prefix(n);
        } else {
            refuse(text, kHint);
        }
    }
    if (parts.integer.empty() || (separator_seen && parts.fraction.empty())) refuse(text, kHint);
    for (std::size_t i = 0; i < groups.size() && groups.size() > 1; ++i) {
        const bool ok = i == 0 ? groups[i] >= 1 && groups[i] <= 3 : groups[i] == 3;
        if (!ok) refuse(text, "group the digits by three, as in 1 234 567,50");
    }
    return parts;
}

}  // namespace

std::int64_t parse_amount(std::string_view text, int minor_digits) {
    require_minor_digits(minor_digits);
    Parts parts = split(text);
    const auto digits = static_cast<std::size_t>(minor_digits);
    if (parts.fraction.size() > digits) {
        // Refused rather than rounded: a rate or a price is what the user typed, or nothing.
        refuse(text, decimals_rule(minor_digits));
    }
    parts.fraction.append(digits - parts.fraction.size(), '0');

    // The magnitude is accumulated unsigned so that the most negative int64 is reachable.
    constexpr auto kMax = static_cast<std::uint64_t>(kMaxMinor);
    const std::uint64_t limit = parts.negative ? kMax + 1 : kMax;
    std::uint64_t magnitude = 0;
    for (const char c : parts.integer + parts.fraction) {
        const auto d = static_cast<std::uint64_t>(c - '0');
        if (magnitude > (limit - d) / 10) {
            refuse(text, "it is out of range (" + format_amount(kMinMinor, minor_digits) + " to " +
                             format_amount(kMaxMinor, minor_digits) + ")");
        }
        magnitude = magnitude * 10 + d;
    }
    if (!parts.negative) return static_cast<std::int64_t>(magnitude);
    // 2^63 has no int64 counterpart to negate: the most negative value is returned as such.
    return magnitude == kMax + 1 ? kMinMinor : -static_cast<std::int64_t>(magnitude);
}

std::string format_amount(std::int64_t minor, int minor_digits) {
    require_minor_digits(minor_digits);
    const bool negative = minor < 0;
    // 0 - x in unsigned arithmetic is the magnitude even for the most negative int64.
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
    std::string digits = std::to_string(magnitude);
    const auto fraction = static_cast<std::size_t>(minor_digits);
    if (digits.size() <= fraction) digits.insert(0, fraction + 1 - digits.size(), '0');
    if (fraction > 0) digits.insert(digits.size() - fraction, 1, '.');
    return negative ? "-" + digits : digits;
}

std::string format_money(std::int64_t minor, std::string_view currency) {
    return format_amount(minor, currency_minor_digits(currency)) + " " + std::string(currency);
}

}  // namespace slash::domain
