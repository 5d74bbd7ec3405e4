#include "slash/domain/late_payment.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "slash/domain/error.hpp"

namespace d = slash::domain;

TEST_CASE("domain/late_payment the legal interest rate of a date: each semester carried, none outside") {
    CHECK_FALSE(d::legal_interest_rate("2024-12-31"));
    CHECK(d::legal_interest_rate("2025-01-01")->rate_milli == 3710);
    CHECK(d::legal_interest_rate("2025-06-30")->rate_milli == 3710);
    CHECK(d::legal_interest_rate("2025-07-01")->rate_milli == 2760);
    CHECK(d::legal_interest_rate("2025-12-31")->rate_milli == 2760);
    auto h1_2026 = d::legal_interest_rate("2026-03-03");
    REQUIRE(h1_2026);
    CHECK(h1_2026->rate_milli == 2620);
    CHECK(h1_2026->from == "2026-01-01");
    CHECK(h1_2026->to == "2026-06-30");
    CHECK(h1_2026->source == "arrêté du 15 décembre 2025, JORF du 26 décembre 2025");
    CHECK_FALSE(d::legal_interest_rate("2026-07-01"));
    // Contiguous: each semester starts the day after the previous one ends.
    const auto& rates = d::legal_interest_rates();
    for (std::size_t i = 1; i < rates.size(); ++i) CHECK(rates[i - 1].to < rates[i].from);
}

TEST_CASE("domain/late_payment penalties: amount x rate x days / 365, rounded once half away from zero") {
    // 800.00 at 7.86 % for 47 days: 80000 x 7860 x 47 / 36 500 000 = 809.69 -> 810.
    CHECK(d::late_penalty(80000, 7860, 47) == 810);
    // 1000.00 at 10 % for 73 days is exactly a fifth of a year's 100.00: 20.00.
    CHECK(d::late_penalty(100000, 10000, 73) == 2000);
    // Half a cent rounds up: 3.65 at 1 % for 50 days = 365 x 1000 x 50 / 36 500 000 = 0.5 -> 1.
    CHECK(d::late_penalty(365, 1000, 50) == 1);
    CHECK(d::late_penalty(365, 1000, 49) == 0);
    CHECK(d::late_penalty(80000, 7860, 0) == 0);
    // A product past 64 bits is worked out in 128: a huge amount for a long time still fits.
    // 9 223 372 036 854 775 at 1 % for a year: 92 233 720 368 547.75 -> ...548.
    CHECK(d::late_penalty(std::numeric_limits<std::int64_t>::max() / 1000, 1000, 365) == 92233720368548);
    CHECK_THROWS_AS((void)d::late_penalty(std::numeric_limits<std::int64_t>::max(), 100000, 36500), slash::Error);
}
