// libFuzzer target: the parsers of amounts and of the numbers that go with them: money
// (parse_amount / format_amount at every number of minor digits), VAT rates, URSSAF rates,
// the decimals of [time] (parse_decimal), rounding modes and invoice number formats. The
// input is the text a user would type; its first eight bytes are also read as an int64 for
// the formatters' round trips.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "fuzz_check.hpp"
#include "slash/domain/billing.hpp"
#include "slash/domain/invoice_number.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/urssaf_figures.hpp"

namespace {

using namespace slash::domain;
using slash::ErrorKind;
using slash::fuzz::attempt;
using slash::fuzz::require;

constexpr int kMaxMinorDigits = 18;
constexpr std::int64_t kHundredPercent = 100000;  // in thousandths of a percent

std::optional<std::int64_t> amount(const std::string& text, int digits) {
    return attempt("parse_amount", text, ErrorKind::Usage,
                   [&] { return parse_amount(text, digits); });
}

// Every number of minor digits: a value read with d digits reads back from its own format,
// and with d + 1 digits it is ten times as many minor units, or refused when that is out of
// range.
void check_amount(const std::string& text) {
    std::optional<std::int64_t> previous;
    for (int digits = 0; digits <= kMaxMinorDigits; ++digits) {
        const auto value = amount(text, digits);
        const std::string where = "minor_digits " + std::to_string(digits);
        if (previous) {
            std::int64_t scaled = 0;
            if (__builtin_mul_overflow(*previous, 10, &scaled)) {
                require(!value, "an amount out of range is refused", text, where);
            } else {
                require(value && *value == scaled,
                        "one more minor digit multiplies the minor units by ten", text, where);
            }
        }
        previous = value;
        if (!value) continue;
        const std::string shown = format_amount(*value, digits);
        require(amount(shown, digits) == value, "parse_amount(format_amount(x)) == x", text,
                where + ": " + shown);
    }
}

// Any int64 at any number of minor digits reads back.
void check_formatted(std::int64_t minor, const std::string& input) {
    for (int digits = 0; digits <= kMaxMinorDigits; ++digits) {
        const auto shown = attempt("format_amount", input, ErrorKind::Usage,
                                   [&] { return format_amount(minor, digits); });
        require(shown.has_value(), "format_amount never throws", input);
        require(amount(*shown, digits) == minor, "parse_amount(format_amount(x)) == x for any x",
                input, *shown);
    }
    const auto vat = attempt("format_vat_rate", input, ErrorKind::Usage,
                             [&] { return format_vat_rate(minor); });
    require(vat.has_value(), "format_vat_rate never throws", input);
    if (minor >= 0 && minor <= kHundredPercent) {
        const auto again = attempt("parse_vat_rate", *vat, ErrorKind::Usage,
                                   [&] { return parse_vat_rate(*vat); });
        require(again == minor, "parse_vat_rate(format_vat_rate(r)) == r for 0..100 %", input,
                *vat);
    }
}

void check_vat_rate(const std::string& text) {
    const auto rate = attempt("parse_vat_rate", text, ErrorKind::Usage,
                              [&] { return parse_vat_rate(text); });
    if (!rate) return;
    require(*rate >= 0 && *rate <= kHundredPercent, "a VAT rate is from 0 to 100 %", text,
            std::to_string(*rate));
    require(amount(text, 3) == rate, "a VAT rate is the amount it reads as with 3 decimals", text);
    const std::string shown = format_vat_rate(*rate);
    const auto again = attempt("parse_vat_rate", shown, ErrorKind::Usage,
                               [&] { return parse_vat_rate(shown); });
    require(again == rate, "parse_vat_rate(format_vat_rate(r)) == r", text, shown);
}

void check_rate(const std::string& text) {
    const auto rate = attempt("parse_rate", text, ErrorKind::Usage,
                              [&] { return parse_rate(text, "urssaf.rate_bnc"); });
    if (!rate) return;
    require(*rate >= 0 && *rate <= kHundredPercent, "an URSSAF rate is from 0 to 100 %", text,
            std::to_string(*rate));
    require(amount(text, 3) == rate, "an URSSAF rate is the amount it reads as with 3 decimals",
            text);
    const std::string shown = format_rate(*rate);
    const auto again = attempt("parse_rate", shown, ErrorKind::Usage,
                               [&] { return parse_rate(shown, "urssaf.rate_bnc"); });
    require(again == rate, "parse_rate(format_rate(r)) == r", text, shown);
}

void check_decimal(const std::string& text) {
    const auto decimal = attempt("parse_decimal", text, ErrorKind::Usage,
                                 [&] { return parse_decimal(text, "time.day_step"); });
    if (!decimal) return;
    const std::string shown =
        std::to_string(decimal->numerator) + "/" + std::to_string(decimal->denominator);
    require(decimal->numerator > 0, "a decimal is positive", text, shown);
    int digits = 0;
    std::int64_t power = 1;
    while (power < decimal->denominator && digits < 10) {
        power *= 10;
        ++digits;
    }
    require(power == decimal->denominator && digits <= 9,
            "a decimal's denominator is a power of ten up to 10^9", text, shown);
    require(amount(text, digits) == decimal->numerator,
            "a decimal is the amount it reads as with its own number of decimals", text, shown);
    const std::string formatted = format_amount(decimal->numerator, digits);
    const auto again = attempt("parse_decimal", formatted, ErrorKind::Usage,
                               [&] { return parse_decimal(formatted, "time.day_step"); });
    require(again == decimal, "parse_decimal(format_amount(n, digits)) is the same decimal", text,
            formatted);
}

void check_rounding_mode(const std::string& text) {
    const auto mode = attempt("parse_rounding_mode", text, ErrorKind::Usage,
                              [&] { return parse_rounding_mode(text); });
    if (!mode) return;
    require(text == "up" || text == "nearest" || text == "down",
            "only up, nearest and down are rounding modes", text);
}

bool allowed_in_number(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '-' || c == '_' || c == '/';
}

// A format that parses renders numbers that pass BR-FR-01/02 or refuses them with a usage
// error, and never gives two sequence values the same number.
void check_number_format(const std::string& text) {
    const auto format = attempt("NumberFormat::parse", text, ErrorKind::Usage,
                                [&] { return NumberFormat::parse(text); });
    if (!format) return;
    require(format->text() == text, "a number format keeps its text", text);
    constexpr std::int64_t kMaxSeq = std::numeric_limits<std::int64_t>::max();
    for (const auto& when : {std::pair{1, 1}, std::pair{2026, 11}, std::pair{9999, 12}}) {
        const int year = when.first, month = when.second;  // lambdas cannot capture bindings
        const auto series = attempt("NumberFormat::series", text, ErrorKind::Usage,
                                    [&] { return format->series(year, month); });
        require(series.has_value(), "series never throws for a valid year and month", text);
        std::optional<std::string> previous;
        for (const std::int64_t seq : {std::int64_t{1}, std::int64_t{2}, std::int64_t{10},
                                       std::int64_t{999999999}, kMaxSeq}) {
            const auto number = attempt("NumberFormat::render", text, ErrorKind::Usage,
                                        [&] { return format->render(year, month, seq); });
            if (seq == 1) {
                require(number.has_value(), "a format that parses renders its first number",
                        text);
            }
            if (!number) continue;
            require(!number->empty() && number->size() <= kMaxInvoiceNumberLength,
                    "an invoice number has 1 to 35 characters (BR-FR-01)", text, *number);
            for (const char c : *number) {
                require(allowed_in_number(c), "an invoice number uses A-Z a-z 0-9 - + _ / only",
                        text, *number);
            }
            require(number->size() > series->size(), "a number is its series plus the sequence",
                    text, *number);
            require(!previous || *previous != *number,
                    "two sequence values never give the same number", text, *number);
            previous = number;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    check_amount(text);
    check_vat_rate(text);
    check_rate(text);
    check_decimal(text);
    check_rounding_mode(text);
    check_number_format(text);
    if (size >= sizeof(std::int64_t)) {
        std::int64_t minor = 0;
        std::memcpy(&minor, data, sizeof minor);
        check_formatted(minor, text);
    }
    return 0;
}
