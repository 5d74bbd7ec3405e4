#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/// The totals of an invoice as EN 16931 defines them (docs/contract.md §4), in integer minor units:
/// each line net rounded once to the minor unit, VAT rounded once per (category, rate) on
/// the sum of its line nets, never per line.
namespace slash::domain {

/// The VAT of a line. Category codes of EN 16931 used by slash: "S" standard, "E" exempt
/// (franchise), "AE" reverse charge, "G" export.
struct TaxLine {
    std::string category;
    std::int64_t rate_milli = 0;  ///< percent × 1000: 20 % = 20000, 5.5 % = 5500
    friend bool operator==(const TaxLine&, const TaxLine&) = default;
};

/// One invoice line as the totals need it. A negative quantity or price is a discount.
struct InvoiceLineInput {
    std::int64_t quantity_milli = 0;  ///< quantity × 1000: 7.5 h = 7500
    std::int64_t unit_price_minor = 0;
    TaxLine tax;
};

/// One row of the VAT breakdown (EN 16931 BG-23).
struct VatBreakdown {
    std::string category;
    std::int64_t rate_milli = 0;
    std::int64_t taxable_minor = 0;  ///< BT-116: the sum of the line nets of this row
    std::int64_t vat_minor = 0;      ///< BT-117: taxable × rate, rounded once
    friend bool operator==(const VatBreakdown&, const VatBreakdown&) = default;
};

/// The computed amounts of an invoice.
struct InvoiceTotals {
    std::vector<std::int64_t> line_net_minor;  ///< BT-131, one per input line, in order
    std::int64_t net_minor = 0;                ///< BT-106 = BT-109: sum of line nets
    std::vector<VatBreakdown> vat;             ///< ordered by category, then rate
    std::int64_t vat_minor = 0;                ///< BT-110: sum of the breakdown VAT
    std::int64_t gross_minor = 0;              ///< BT-112: net + VAT
};

/// Line net = quantity × unit price rounded half away from zero to the minor unit (EN 16931:
/// line net amounts to the cent); VAT computed per (category, rate) on the SUM of its line
/// nets, rounded half away from zero once; breakdown ordered by category then rate.
/// Throws Error(Usage) naming the value for an unknown category, a rate outside 0..100 %,
/// an "S" rate of 0 (BR-S-05), an "E", "AE" or "G" rate other than 0 (BR-E-05, BR-AE-05,
/// BR-G-05), or an amount outside int64. Negative lines (discounts) are allowed.
[[nodiscard]] InvoiceTotals compute_totals(const std::vector<InvoiceLineInput>& lines);

/// "20", "5.5", "2.1", "0" (percent as typed in config) -> milli-percent (5500). Refuses,
/// with Error(Usage) naming the value, anything but digits with an optional '.' and 1 to 3
/// decimals: negatives, over 100, more than 3 decimals, empty text.
[[nodiscard]] std::int64_t parse_vat_rate(std::string_view text);

/// Milli-percent as typed in config: 5500 -> "5.5", 20000 -> "20", 0 -> "0".
[[nodiscard]] std::string format_vat_rate(std::int64_t rate_milli);

}  // namespace slash::domain
