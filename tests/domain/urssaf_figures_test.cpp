#include "slash/domain/urssaf_figures.hpp"

#include <doctest/doctest.h>

#include "support/errors.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "slash/domain/error.hpp"

namespace d = slash::domain;
using d::Activity;
using slash::ErrorKind;
using slash::testing::error_from;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

std::vector<std::int64_t> allocate(std::int64_t total, std::vector<std::int64_t> weights) {
    return d::allocate_largest_remainder(total, weights);
}

}  // namespace

TEST_CASE("domain/urssaf figures: the built-in years, typed from their sources") {
    auto all = d::builtin_urssaf_figures();
    REQUIRE(all.size() == 2);
    // Rates in thousandths of a percent, amounts in cents.
    const d::UrssafFigures y2025{2025,
                                 {d::ActivityRates{24'600, 2'200, 200}, d::ActivityRates{21'200, 1'700, 100},
                                  d::ActivityRates{12'300, 1'000, 100}},
                                 7'770'000,
                                 18'870'000,
                                 3'750'000,
                                 4'125'000,
                                 8'500'000,
                                 9'350'000};
    d::UrssafFigures y2026 = y2025;
    y2026.year = 2026;
    y2026.rates[0].contribution = 25'600;  // BNC: décret n° 2025-943
    y2026.ceiling_services = 8'360'000;
    y2026.ceiling_sales = 20'310'000;
    CHECK(all[0] == y2025);
    CHECK(all[1] == y2026);
    CHECK(all[1].of(Activity::BicSales).contribution == 12'300);
}

TEST_CASE("domain/urssaf figures: a year without figures borrows the nearest built-in year") {
    CHECK(d::builtin_urssaf_figures_for(2025).year == 2025);
    CHECK(d::builtin_urssaf_figures_for(2026).year == 2026);
    CHECK(d::builtin_urssaf_figures_for(2027).year == 2026);
    CHECK(d::builtin_urssaf_figures_for(2099).year == 2026);
    CHECK(d::builtin_urssaf_figures_for(2024).year == 2025);
    CHECK(d::builtin_urssaf_figures_for(1970).year == 2025);
}

TEST_CASE("domain/urssaf activities: names both ways, unknown names refused listing the three") {
    CHECK(d::activity_name(Activity::Bnc) == "bnc");
    CHECK(d::activity_name(Activity::BicServices) == "bic-services");
    CHECK(d::activity_name(Activity::BicSales) == "bic-sales");
    CHECK(d::find_activity("bic-sales") == Activity::BicSales);
    CHECK_FALSE(d::find_activity("BNC").has_value());
    CHECK_FALSE(d::find_activity("").has_value());
    CHECK(d::parse_activity("bic-services", "--activity") == Activity::BicServices);
    auto error = error_from([] { (void)d::parse_activity("bic", "--activity"); });
    REQUIRE(error);
    CHECK(error->kind() == ErrorKind::Usage);
    CHECK(std::string(error->what()) == "invalid --activity \"bic\": use bnc, bic-services or bic-sales");
    CHECK(d::is_services(Activity::Bnc));
    CHECK(d::is_services(Activity::BicServices));
    CHECK_FALSE(d::is_services(Activity::BicSales));
}

TEST_CASE("domain/urssaf apply_rate: to the cent, half away from zero") {
    struct Case {
        std::int64_t minor, rate, expected;
    };
    const Case cases[] = {
        {0, 25'600, 0},
        {142'949, 25'600, 36'595},  // 1429.49 × 25.6 % = 365.94944
        {65'221, 100, 65},          // 652.21 × 0.1 % = 0.65221
        {1'000, 50, 1},             // 10.00 × 0.05 % = 0.005: a tie, away from zero
        {-1'000, 50, -1},
        {999, 50, 0},               // 0.004995
        {120'000, 12'300, 14'760},  // exact
        {100, 100'000, 100},        // 100 %
        {kMax, 100'000, kMax},      // no overflow in the product
    };
    for (const auto& c : cases) {
        INFO(c.minor << " × " << c.rate);
        CHECK(d::apply_rate(c.minor, c.rate) == c.expected);
    }
}

TEST_CASE("domain/urssaf rates: written and read as the config writes them") {
    CHECK(d::format_rate(24'600) == "24.6");
    CHECK(d::format_rate(25'000) == "25");
    CHECK(d::format_rate(100) == "0.1");
    CHECK(d::format_rate(12'345) == "12.345");
    CHECK(d::format_rate(0) == "0");
    CHECK(d::parse_rate("23.2", "urssaf.rate_bnc") == 23'200);
    CHECK(d::parse_rate("100", "urssaf.rate_bnc") == 100'000);
    CHECK(d::parse_rate("0", "urssaf.rate_bnc") == 0);
    CHECK(d::parse_rate("1.125", "urssaf.rate_bnc") == 1'125);
    for (const char* bad : {"24.6125", "100.5", "-1", "abc", ""}) {
        INFO(bad);
        auto error = error_from([&] { (void)d::parse_rate(bad, "urssaf.rate_bnc"); });
        REQUIRE(error);
        CHECK(error->kind() == ErrorKind::Usage);
        CHECK(std::string(error->what()) == "invalid urssaf.rate_bnc \"" + std::string(bad) +
                                                "\": use a percentage from 0 to 100 with at most three decimals, "
                                                "such as \"24.6\"");
    }
}

TEST_CASE("domain/urssaf largest remainder: parts add up exactly, ties to the first") {
    // 1000.00 over 650.00 and 750.00: 46428.57 and 53571.43 cents; the cent left goes to
    // the larger remainder (0.57).
    CHECK(allocate(100'000, {65'000, 75'000}) == std::vector<std::int64_t>{46'429, 53'571});
    CHECK(allocate(1, {1, 1}) == std::vector<std::int64_t>{1, 0});
    CHECK(allocate(10, {1, 1, 1}) == std::vector<std::int64_t>{4, 3, 3});
    CHECK(allocate(2, {1, 1, 1}) == std::vector<std::int64_t>{1, 1, 0});
    CHECK(allocate(100, {0, 5}) == std::vector<std::int64_t>{0, 100});
    CHECK(allocate(100, {0, 0}) == std::vector<std::int64_t>{0, 0});
    CHECK(allocate(0, {3, 4}) == std::vector<std::int64_t>{0, 0});
    // 120.00 of an invoice of 100.00 net and 20.00 VAT, paid 60.00: 50.00 and 10.00.
    CHECK(allocate(6'000, {10'000, 0, 0, 2'000}) == std::vector<std::int64_t>{5'000, 0, 0, 1'000});
    // The largest amounts: the products are 128 bits wide.
    auto big = allocate(kMax, {kMax, kMax});
    CHECK(big[0] == kMax / 2 + 1);
    CHECK(big[1] == kMax / 2);
    // A third each of 100 cents: 33.33 each, the cent left to the first.
    CHECK(allocate(100, {7, 7, 7}) == std::vector<std::int64_t>{34, 33, 33});
}

TEST_CASE("domain/urssaf used_permille: tenths of a percent, rounded down") {
    CHECK(d::used_permille(3'000'000, 3'750'000) == 800);  // 80.0 %: the warning starts here
    CHECK(d::used_permille(2'999'999, 3'750'000) == 799);
    CHECK(d::used_permille(3'750'100, 3'750'000) == 1000);
    CHECK(d::used_permille(234'170, 8'360'000) == 28);  // 2.801 %
    CHECK(d::used_permille(0, 3'750'000) == 0);
    CHECK(d::used_permille(100, 0) == 0);
}
