#include "slash/domain/invoice_totals.hpp"

#include <map>
#include <string>
#include <utility>

#include "slash/domain/error.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/wide.hpp"

// quantity_milli × unit price overflows int64 for plausible large values, so products and
// sums are Wide (wide.hpp) and only narrowed, checked, at the end of each step. The lines
// are the command's own input, so an overflow is a usage error.
namespace slash::domain {
namespace {

std::int64_t narrow_total(Wide value, const std::string& what) {
    return narrow(value, {.what = what, .kind = ErrorKind::Usage});
}

constexpr std::int64_t kMilli = 1000;
constexpr std::int64_t kHundredPercent = 100 * kMilli;
constexpr int kRateDecimals = 3;

// The rules of the EN 16931 schematron on the rate of each category, checked here so that a
// wrong config is reported when totals are computed, not when the CII XML is validated.
void check_tax(const TaxLine& tax) {
    const bool known =
        tax.category == "S" || tax.category == "E" || tax.category == "AE" || tax.category == "G";
    if (!known) {
        throw Error(ErrorKind::Usage,
                    "unknown VAT category " + quoted(tax.category) + ": use S, E, AE or G");
    }
    const std::string rate = quoted(format_vat_rate(tax.rate_milli));
    if (tax.rate_milli < 0 || tax.rate_milli > kHundredPercent) {
        throw Error(ErrorKind::Usage,
                    "invalid VAT rate " + rate + ": use a percentage from 0 to 100");
    }
    if (tax.category == "S" && tax.rate_milli == 0) {
        throw Error(ErrorKind::Usage,
                    "invalid VAT rate " + rate +
                        " for category \"S\": a standard rate must be above 0 (BR-S-05)");
    }
    if (tax.category != "S" && tax.rate_milli != 0) {
        throw Error(ErrorKind::Usage,
                    "invalid VAT rate " + rate + " for category " + quoted(tax.category) +
                        ": exempt, reverse-charge and export lines have a rate of 0");
    }
}

[[noreturn]] void refuse_rate(std::string_view text, const std::string& why) {
    throw Error(ErrorKind::Usage, "invalid VAT rate " + quoted(text) + ": " + why);
}

}  // namespace

InvoiceTotals compute_totals(const std::vector<InvoiceLineInput>& lines) {
    InvoiceTotals totals;
    totals.line_net_minor.reserve(lines.size());
    // Keyed by (category, rate), which is also the order of the breakdown.
    std::map<std::pair<std::string, std::int64_t>, Wide> taxable;
    Wide net = 0;
    std::size_t number = 0;
    for (const InvoiceLineInput& line : lines) {
        ++number;
        check_tax(line.tax);
        // |quantity| and |price| are below 2^63, so the product fits in 127 bits.
        const Wide product =
            static_cast<Wide>(line.quantity_milli) * static_cast<Wide>(line.unit_price_minor);
        const std::int64_t line_net = narrow_total(
            divide_half_away(product, kMilli),
            "the amount of invoice line " + std::to_string(number) + " (quantity " +
                quoted(format_amount(line.quantity_milli, kRateDecimals)) + " × unit price " +
                quoted(std::to_string(line.unit_price_minor)) + " minor units)");
        totals.line_net_minor.push_back(line_net);
        // At most 2^32 lines of less than 2^63 each: 128-bit sums cannot overflow; the
        // results are checked when narrowed.
        net += line_net;
        taxable[{line.tax.category, line.tax.rate_milli}] += line_net;
    }
    totals.net_minor = narrow_total(net, "the net total of the invoice");
    Wide vat_total = 0;
    for (const auto& [key, sum] : taxable) {
        VatBreakdown row;
        row.category = key.first;
        row.rate_milli = key.second;
        row.taxable_minor =
            narrow_total(sum, "the taxable amount at " + quoted(format_vat_rate(key.second)) + " %");
        // The one rounding of VAT: on the sum of the row, never per line (EN 16931 BR-CO-17).
        const Wide vat = divide_half_away(sum * key.second, kHundredPercent);
        row.vat_minor = narrow_total(vat, "the VAT at " + quoted(format_vat_rate(key.second)) + " %");
        vat_total += vat;
        totals.vat.push_back(std::move(row));
    }
    totals.vat_minor = narrow_total(vat_total, "the VAT total of the invoice");
    totals.gross_minor = narrow_total(net + vat_total, "the total of the invoice");
    return totals;
}

std::int64_t parse_vat_rate(std::string_view text) {
    if (text.empty()) refuse_rate(text, "use a percentage such as \"20\" or \"5.5\"");
    if (text.front() == '-') refuse_rate(text, "it cannot be negative");
    std::int64_t whole = 0;
    std::size_t at = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
        // Capped, so that a long run of digits cannot overflow before "over 100" is said.
        if (whole <= kHundredPercent) whole = whole * 10 + (text[at] - '0');
        ++at;
    }
    if (at == 0) refuse_rate(text, "use a percentage such as \"20\" or \"5.5\"");
    std::int64_t fraction = 0;
    if (at < text.size()) {
        if (text[at] != '.') refuse_rate(text, "use a percentage such as \"20\" or \"5.5\"");
        ++at;
        const std::size_t first = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
        const std::size_t decimals = at - first;
        if (at < text.size() || decimals == 0)
            refuse_rate(text, "use a percentage such as \"20\" or \"5.5\"");
        if (decimals > kRateDecimals) refuse_rate(text, "use at most 3 decimals");
        for (std::size_t i = first; i < first + kRateDecimals; ++i) {
            fraction = fraction * 10 + (i < at ? text[i] - '0' : 0);
        }
    }
    if (whole > 100 || (whole == 100 && fraction > 0)) refuse_rate(text, "it is over 100 %");
    return whole * kMilli + fraction;
}

std::string format_vat_rate(std::int64_t rate_milli) {
    std::string text = format_amount(rate_milli, kRateDecimals);
    // "5.500" is typed "5.5" and "20.000" is "20".
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

}  // namespace slash::domain
