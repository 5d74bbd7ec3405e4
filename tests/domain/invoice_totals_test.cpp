#include "slash/domain/invoice_totals.hpp"

#include <doctest/doctest.h>

#include "support/errors.hpp"

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/error.hpp"

using slash::domain::compute_totals;
using slash::domain::format_vat_rate;
using slash::domain::InvoiceLineInput;
using slash::domain::InvoiceTotals;
using slash::domain::parse_vat_rate;
using slash::domain::TaxLine;
using slash::domain::VatBreakdown;

using slash::testing::error_from;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

const TaxLine kStandard20{"S", 20000};
const TaxLine kReduced10{"S", 10000};
const TaxLine kReduced5_5{"S", 5500};
const TaxLine kExempt{"E", 0};
const TaxLine kReverse{"AE", 0};
const TaxLine kExport{"G", 0};

std::string totals_refusal(const std::vector<InvoiceLineInput>& lines) {
    const auto error = error_from([&] { (void)compute_totals(lines); });
    REQUIRE(error.has_value());
    CHECK(error->kind() == slash::ErrorKind::Usage);
    return error->what();
}

std::string rate_refusal(const std::string& text) {
    const auto error = error_from([&] { (void)parse_vat_rate(text); });
    REQUIRE_MESSAGE(error.has_value(), "accepted: \"" << text << "\"");
    CHECK(error->kind() == slash::ErrorKind::Usage);
    return error->what();
}

struct LineCase {
    std::int64_t quantity_milli;
    std::int64_t unit_price_minor;
    std::int64_t net_minor;
};

}  // namespace

TEST_SUITE("domain/invoice_totals") {
    TEST_CASE(
        "domain/invoice_totals: line net: quantity × unit price, rounded half away from zero to "
        "the cent") {
        const std::vector<LineCase> cases{
            {7500, 6500, 48750},  // 7.5 h × 65.00 = 487.50
            {125, 300, 38},       // 0.125 × 3.00 = 0.375: a tie, away from zero to 0.38
            {-125, 300, -38},     // -0.375: a tie, away from zero to -0.38
            {125, -300, -38},     // a negative price ties the same way
            {124, 300, 37},       // 0.124 × 3.00 = 0.372
            {3000, 13, 39},       // 3 × 0.13
            {500, 1, 1},          // 0.5 × 0.01 = 0.005: a tie, to 0.01
            {499, 1, 0},          // 0.00499
            {1, 1, 0},            // 0.001 × 0.01
            {0, 6500, 0},
            {10000, 50000, 500000},  // 10 days × 500.00
            {1000, kMax, kMax},      // the largest amount, exactly
            {1000, kMin, kMin},
            {2, kMax, 18446744073709552},  // 0.002 × 92233720368547758.07 = 184467440737095.51614
        };
        for (const auto& c : cases) {
            CAPTURE(c.quantity_milli);
            CAPTURE(c.unit_price_minor);
            const auto totals = compute_totals({{c.quantity_milli, c.unit_price_minor, kExempt}});
            REQUIRE(totals.line_net_minor.size() == 1);
            CHECK(totals.line_net_minor[0] == c.net_minor);
            CHECK(totals.net_minor == c.net_minor);
            CHECK(totals.gross_minor == c.net_minor);
        }
    }

    TEST_CASE("domain/invoice_totals: one standard-rate line") {
        const auto totals = compute_totals({{7500, 6500, kStandard20}});
        CHECK(totals.line_net_minor == std::vector<std::int64_t>{48750});
        CHECK(totals.net_minor == 48750);
        CHECK(totals.vat == std::vector<VatBreakdown>{{"S", 20000, 48750, 9750}});  // 97.50
        CHECK(totals.vat_minor == 9750);
        CHECK(totals.gross_minor == 58500);  // 585.00
    }

    TEST_CASE(
        "domain/invoice_totals: VAT is rounded once on the sum per rate, not per line (BR-CO-17)") {
        // Per line: 1.00 × 5.5 % = 0.055 -> 0.06 (×3 = 0.18); 10.05 × 10 % = 1.005 -> 1.01
        // (×2 = 2.02); 10.02 × 20 % = 2.004 -> 2.00 (×3 = 6.00): 8.20 in all.
        // On the sums: 3.00 × 5.5 % = 0.165 -> 0.17; 20.10 × 10 % = 2.01; 30.06 × 20 % =
        // 6.012 -> 6.01: 8.19, which is what EN 16931 requires.
        const std::vector<InvoiceLineInput> lines{
            {1000, 100, kReduced5_5},  {1000, 1002, kStandard20}, {1000, 1005, kReduced10},
            {1000, 1002, kStandard20}, {1000, 100, kReduced5_5},  {1000, 1005, kReduced10},
            {1000, 1002, kStandard20}, {1000, 100, kReduced5_5},
        };
        const auto totals = compute_totals(lines);
        CHECK(totals.line_net_minor ==
              std::vector<std::int64_t>{100, 1002, 1005, 1002, 100, 1005, 1002, 100});
        CHECK(totals.net_minor == 5316);
        CHECK(totals.vat == std::vector<VatBreakdown>{
                                {"S", 5500, 300, 17},
                                {"S", 10000, 2010, 201},
                                {"S", 20000, 3006, 601},
                            });
        CHECK(totals.vat_minor == 819);
        CHECK(totals.vat_minor != 820);  // the per-line rounding
        CHECK(totals.gross_minor == 6135);
    }

    TEST_CASE("domain/invoice_totals: discounts are negative lines, netted before VAT") {
        // 10 days × 500.00 = 5000.00, less 250.00: 4750.00 taxable, 950.00 VAT.
        const auto totals =
            compute_totals({{10000, 50000, kStandard20}, {1000, -25000, kStandard20}});
        CHECK(totals.line_net_minor == std::vector<std::int64_t>{500000, -25000});
        CHECK(totals.net_minor == 475000);
        CHECK(totals.vat == std::vector<VatBreakdown>{{"S", 20000, 475000, 95000}});
        CHECK(totals.vat_minor == 95000);
        CHECK(totals.gross_minor == 570000);
    }

    TEST_CASE("domain/invoice_totals: a negative VAT tie rounds away from zero") {
        // A credit of 10.05 at 10 %: -1.005 -> -1.01.
        const auto totals = compute_totals({{1000, -1005, kReduced10}});
        CHECK(totals.vat == std::vector<VatBreakdown>{{"S", 10000, -1005, -101}});
        CHECK(totals.gross_minor == -1106);
    }

    TEST_CASE(
        "domain/invoice_totals: franchise, reverse charge and export carry no VAT, rows by "
        "category then rate") {
        const std::vector<InvoiceLineInput> lines{
            {1000, 10000, kStandard20}, {2000, 1000, kExport},      {1000, 500, kExempt},
            {1500, 2000, kReverse},     {1000, 10000, kReduced5_5}, {1000, 700, kExempt},
        };
        const auto totals = compute_totals(lines);
        CHECK(totals.line_net_minor ==
              std::vector<std::int64_t>{10000, 2000, 500, 3000, 10000, 700});
        CHECK(totals.net_minor == 26200);
        CHECK(totals.vat == std::vector<VatBreakdown>{
                                {"AE", 0, 3000, 0},
                                {"E", 0, 1200, 0},
                                {"G", 0, 2000, 0},
                                {"S", 5500, 10000, 550},
                                {"S", 20000, 10000, 2000},
                            });
        CHECK(totals.vat_minor == 2550);
        CHECK(totals.gross_minor == 28750);
    }

    TEST_CASE("domain/invoice_totals: no lines, no amounts") {
        const auto totals = compute_totals({});
        CHECK(totals.line_net_minor.empty());
        CHECK(totals.vat.empty());
        CHECK(totals.net_minor == 0);
        CHECK(totals.vat_minor == 0);
        CHECK(totals.gross_minor == 0);
    }

    TEST_CASE("domain/invoice_totals: refusals: categories and rates") {
        CHECK(totals_refusal({{1000, 100, {"E", 20000}}}) ==
              "invalid VAT rate \"20\" for category \"E\": exempt, reverse-charge and export lines "
              "have a rate of 0");
        CHECK(totals_refusal({{1000, 100, kStandard20}, {1000, 100, {"AE", 5500}}}) ==
              "invalid VAT rate \"5.5\" for category \"AE\": exempt, reverse-charge and export "
              "lines have a rate of 0");
        CHECK(totals_refusal({{1000, 100, {"G", 1}}}) ==
              "invalid VAT rate \"0.001\" for category \"G\": exempt, reverse-charge and export "
              "lines have a rate of 0");
        CHECK(
            totals_refusal({{1000, 100, {"S", 0}}}) ==
            "invalid VAT rate \"0\" for category \"S\": a standard rate must be above 0 (BR-S-05)");
        CHECK(totals_refusal({{1000, 100, {"Z", 0}}}) ==
              "unknown VAT category \"Z\": use S, E, AE or G");
        CHECK(totals_refusal({{1000, 100, {"s", 20000}}}) ==
              "unknown VAT category \"s\": use S, E, AE or G");
        CHECK(totals_refusal({{1000, 100, {"", 0}}}) ==
              "unknown VAT category \"\": use S, E, AE or G");
        CHECK(totals_refusal({{1000, 100, {"S", 100001}}}) ==
              "invalid VAT rate \"100.001\": use a percentage from 0 to 100");
        CHECK(totals_refusal({{1000, 100, {"S", -20000}}}) ==
              "invalid VAT rate \"-20\": use a percentage from 0 to 100");
    }

    TEST_CASE("domain/invoice_totals: refusals: amounts outside int64") {
        CHECK(totals_refusal({{1000000000, kMax, kExempt}}) ==
              "the amount of invoice line 1 (quantity \"1000000.000\" × unit price "
              "\"9223372036854775807\" minor "
              "units) is out of range (over 19 digits in minor units)");
        CHECK(totals_refusal({{1000, 1, kExempt}, {1001, kMax, kExempt}}) ==
              "the amount of invoice line 2 (quantity \"1.001\" × unit price "
              "\"9223372036854775807\" minor units) "
              "is out of range (over 19 digits in minor units)");
        CHECK(totals_refusal({{1000, kMax, kExempt}, {1000, 1, kExempt}}) ==
              "the net total of the invoice is out of range (over 19 digits in minor units)");
        CHECK(totals_refusal({{1000, kMax, kStandard20}}) ==
              "the total of the invoice is out of range (over 19 digits in minor units)");
        // A sum back in range after a discount is fine: only the results must fit.
        const auto totals =
            compute_totals({{1000, kMax, kExempt}, {1000, 1, kExempt}, {1000, -2, kExempt}});
        CHECK(totals.net_minor == kMax - 1);
    }

    TEST_CASE("domain/invoice_totals: parse_vat_rate: percent as typed, in milli-percent") {
        const std::vector<std::pair<std::string, std::int64_t>> cases{
            {"20", 20000},     {"5.5", 5500},       {"2.1", 2100},   {"0", 0},
            {"10", 10000},     {"8.5", 8500},       {"19.6", 19600}, {"0.001", 1},
            {"100", 100000},   {"100.000", 100000}, {"05.50", 5500}, {"0.0", 0},
            {"12.345", 12345},
        };
        for (const auto& [text, milli] : cases) {
            CAPTURE(text);
            CHECK(parse_vat_rate(text) == milli);
        }
    }

    TEST_CASE("domain/invoice_totals: parse_vat_rate: refusals") {
        const std::string hint = ": use a percentage such as \"20\" or \"5.5\"";
        CHECK(rate_refusal("") == "invalid VAT rate \"\"" + hint);
        CHECK(rate_refusal("-5") == "invalid VAT rate \"-5\": it cannot be negative");
        CHECK(rate_refusal("-0") == "invalid VAT rate \"-0\": it cannot be negative");
        CHECK(rate_refusal("100.001") == "invalid VAT rate \"100.001\": it is over 100 %");
        CHECK(rate_refusal("101") == "invalid VAT rate \"101\": it is over 100 %");
        CHECK(rate_refusal("99999999999999999999999") ==
              "invalid VAT rate \"99999999999999999999999\": it is over 100 %");
        CHECK(rate_refusal("5.5555") == "invalid VAT rate \"5.5555\": use at most 3 decimals");
        for (const std::string text :
             {"20%", "5,5", " 20", "20 ", "20.", ".5", "+20", "abc", "2.1.1", "1e1"}) {
            CAPTURE(text);
            CHECK(rate_refusal(text) == "invalid VAT rate \"" + text + "\"" + hint);
        }
    }

    TEST_CASE("domain/invoice_totals: format_vat_rate: as typed in config") {
        CHECK(format_vat_rate(20000) == "20");
        CHECK(format_vat_rate(5500) == "5.5");
        CHECK(format_vat_rate(2100) == "2.1");
        CHECK(format_vat_rate(12345) == "12.345");
        CHECK(format_vat_rate(1) == "0.001");
        CHECK(format_vat_rate(0) == "0");
        CHECK(format_vat_rate(100000) == "100");
    }
}
