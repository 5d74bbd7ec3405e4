#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace slash::domain {

/// An amount in integer minor units of an ISO 4217 currency (cents for EUR). Never floating
/// point: every sum and rounding on it is exact (docs/contract.md §4).
struct Money {
    std::int64_t minor = 0;
    std::string currency;  ///< upper-case ISO 4217 code
    friend bool operator==(const Money&, const Money&) = default;
};

/// Parses a decimal amount exactly into minor units: "65", "65.5", "65.50", "65,50",
/// "-12.30", "+3", "1 234,50". Either '.' or ',' is the decimal separator; spaces (ASCII,
/// no-break, narrow no-break, thin) may group the integer digits by three; spaces around
/// the amount are ignored. Throws Error(Usage) naming the value for an empty amount,
/// letters, two separators, bad grouping, more fraction digits than `minor_digits` (never
/// rounds), or a value outside int64. `minor_digits` must be 0..18.
[[nodiscard]] std::int64_t parse_amount(std::string_view text, int minor_digits);

/// Formats minor units as "1234.50": a dot, no grouping, '-' for negatives, exactly
/// `minor_digits` decimals ("0.00"; no dot when `minor_digits` is 0). The form machine
/// output uses (docs/contract.md §4), and which `parse_amount` reads back.
[[nodiscard]] std::string format_amount(std::int64_t minor, int minor_digits);

/// "1234.50 EUR": format_amount with the currency's own minor digits, then its code, as
/// messages and table cells write money.
[[nodiscard]] std::string format_money(std::int64_t minor, std::string_view currency);

}  // namespace slash::domain
