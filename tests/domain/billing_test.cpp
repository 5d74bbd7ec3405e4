#include "slash/domain/billing.hpp"

#include <doctest/doctest.h>

#include "support/errors.hpp"

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/error.hpp"

namespace d = slash::domain;
using d::Decimal;
using d::RoundingMode;

using slash::testing::error_from;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kHour = 3600;

d::Mission mission(std::string_view billing, std::optional<std::int64_t> rate) {
    d::Mission m;
    m.client_handle = "acme";
    m.handle = "website";
    m.billing = *d::billing_mode_from_text(billing);
    m.rate_minor = rate;
    return m;
}

}  // namespace

TEST_CASE("domain/billing divide_rounded: half away from zero, both signs, the extremes") {
    struct Case {
        std::int64_t a, b, expected;
    };
    for (const auto& c : std::vector<Case>{{7, 2, 4},        {-7, 2, -4},         {7, -2, -4},  {-7, -2, 4},
                                           {5, 10, 1},       {4, 10, 0},          {-5, 10, -1}, {-4, 10, 0},
                                           {15, 10, 2},      {25, 10, 3},         {0, 3, 0},    {1, 3, 0},
                                           {2, 3, 1},        {kMax, 1, kMax},     {kMin, 1, kMin},
                                           {kMax, 2, kMax / 2 + 1}, {kMin, 2, kMin / 2}}) {
        CAPTURE(c.a);
        CAPTURE(c.b);
        CHECK(d::divide_rounded(c.a, c.b) == c.expected);
    }
    auto error = error_from([] { (void)d::divide_rounded(kMin, -1); });
    REQUIRE(error.has_value());
    CHECK(error->kind() == slash::ErrorKind::Failure);
}

TEST_CASE("domain/billing round_duration: up, nearest, down, ties go away from zero") {
    struct Case {
        std::int64_t seconds, step;
        RoundingMode mode;
        std::int64_t expected;
    };
    const std::int64_t q = 15 * 60;
    for (const auto& c : std::vector<Case>{
             {0, q, RoundingMode::Up, 0},
             {1, q, RoundingMode::Up, q},
             {q, q, RoundingMode::Up, q},
             {q + 1, q, RoundingMode::Up, 2 * q},
             {10200, q, RoundingMode::Up, 10800},  // 2h50m -> 3h
             {q - 1, q, RoundingMode::Down, 0},
             {2 * q - 1, q, RoundingMode::Down, q},
             {449, q, RoundingMode::Nearest, 0},
             {450, q, RoundingMode::Nearest, q},  // 7m30s: a tie
             {1349, q, RoundingMode::Nearest, q},
             {1350, q, RoundingMode::Nearest, 2 * q},  // 22m30s: a tie
             {5400, kHour, RoundingMode::Nearest, 2 * kHour},
             {5399, kHour, RoundingMode::Nearest, kHour},
             {-450, q, RoundingMode::Nearest, -q},
             {-1, q, RoundingMode::Up, 0},
             {-1, q, RoundingMode::Down, -q},
             {3001, 0, RoundingMode::Up, 3001},  // no rounding
             {3001, 0, RoundingMode::Down, 3001},
         }) {
        CAPTURE(c.seconds);
        CAPTURE(c.step);
        CAPTURE(static_cast<int>(c.mode));
        CHECK(d::round_duration(c.seconds, c.step, c.mode) == c.expected);
    }
    CHECK(error_from([] { (void)d::round_duration(kMax, q, RoundingMode::Up); })->kind() ==
          slash::ErrorKind::Failure);
}

TEST_CASE("domain/billing hourly_amount: hours to the thousandth × rate, as an invoice line") {
    struct Case {
        std::int64_t seconds, rate, expected;
    };
    for (const auto& c : std::vector<Case>{{0, 6500, 0},
                                           {kHour, 6500, 6500},
                                           {5400, 6500, 9750},
                                           {60, 6500, 111},     // 0.017 h (0.01667) × 65.00 = 1.105
                                           {600, 6500, 1086},   // 0.167 h (0.16667) × 65.00 = 10.855
                                           {1800, 1, 1},        // 0.5: a tie
                                           {1799, 1, 1},        // 0.49972 h is billed 0.500 h
                                           {1797, 1, 0},        // 0.499 h × 0.01 = 0.00499
                                           {900, 2, 1},         // 0.5: a tie
                                           {2700, 1, 1},        // 0.75
                                           {11700, 6500, 21125},  // 3h15m at 65.00
                                           {7200, 0, 0}}) {
        CAPTURE(c.seconds);
        CAPTURE(c.rate);
        CHECK(d::hourly_amount(c.seconds, c.rate) == c.expected);
    }
    // 10^15 hours at 100 000.00 overflows int64 minor units: refused, never wrapped.
    CHECK(error_from([] { (void)d::hourly_amount(kMax / 2, 10'000'000); })->kind() == slash::ErrorKind::Failure);
    // An intermediate product beyond int64 is fine when the result fits: 3.6 × 10^16 s is
    // 10^16 thousandths of an hour; at 10.00 an hour the product is 10^19, the result 10^17.
    CHECK(d::hourly_amount(36'000'000'000'000'000, 1000) == 10'000'000'000'000'000);
    CHECK(d::hours_milli(18) == 5);
    CHECK(d::hours_milli(9) == 3);  // 2.5 thousandths: a tie, away from zero
}

TEST_CASE("domain/billing day_steps and daily_amount: days in steps, rounded up, money half away") {
    const Decimal seven{7, 1}, half{5, 10}, seven_and_half{75, 10}, quarter{25, 100}, one{1, 1};
    struct Case {
        std::int64_t seconds;
        Decimal hours_per_day, step;
        std::int64_t steps;
    };
    for (const auto& c : std::vector<Case>{{0, seven, half, 0},
                                           {1, seven, half, 1},
                                           {12600, seven, half, 1},  // 3h30: half a day exactly
                                           {12601, seven, half, 2},
                                           {25200, seven, half, 2},  // 7h: one day
                                           {25201, seven, half, 3},
                                           {29700, seven, half, 3},  // 8h15: 1.18 days -> 1.5
                                           {6750, seven_and_half, quarter, 1},
                                           {6751, seven_and_half, quarter, 2},
                                           {27000, seven_and_half, quarter, 4},
                                           {27000, seven_and_half, one, 1},
                                           {27001, seven_and_half, one, 2}}) {
        CAPTURE(c.seconds);
        CHECK(d::day_steps(c.seconds, c.hours_per_day, c.step) == c.steps);
    }
    struct Money {
        std::int64_t seconds, rate;
        Decimal step;
        std::int64_t expected;
    };
    for (const auto& c : std::vector<Money>{{25200, 45000, half, 45000},
                                            {12600, 45055, half, 22528},  // 22527.5: a tie
                                            {1, 45055, half, 22528},
                                            {25201, 45055, half, 67583},  // 67582.5: a tie
                                            {29700, 45050, half, 67575},  // 1.5 days at 450.50
                                            {1, 45055, one, 45055},
                                            {0, 45055, half, 0},
                                            {25200, 333, quarter, 333},
                                            {6300, 333, quarter, 83}}) {  // 83.25
        CAPTURE(c.seconds);
        CAPTURE(c.rate);
        CHECK(d::daily_amount(c.seconds, c.rate, seven, c.step) == c.expected);
    }
}

TEST_CASE("domain/billing unit_amount: thousandths of units × price, half away from zero") {
    struct Case {
        std::int64_t units_milli, rate, expected;
    };
    for (const auto& c : std::vector<Case>{{0, 12, 0},
                                           {1000, 12, 12},
                                           {3000, 12, 36},
                                           {2500, 5, 13},  // 12.5: a tie
                                           {500, 1, 1},    // 0.5: a tie
                                           {499, 1, 0},
                                           {1, 12, 0},     // 0.012
                                           {1500, 333, 500},  // 499.5: a tie
                                           {2050500, 5, 10253}}) {  // 10252.5: a tie
        CAPTURE(c.units_milli);
        CAPTURE(c.rate);
        CHECK(d::unit_amount(c.units_milli, c.rate) == c.expected);
    }
}

TEST_CASE("domain/billing billable_amount: by billing mode") {
    d::BillingRules rules;  // 15m up, 7 h a day, half-day steps
    d::BillableWork work{2, 9000, 2500};
    CHECK(d::billable_amount(mission("hourly", 6500), work, rules) == 16250);
    CHECK(d::billable_amount(mission("daily", 45000), work, rules) == 22500);  // 2h30: half a day
    CHECK(d::billable_amount(mission("unit", 5), work, rules) == 13);
    CHECK(d::billable_amount(mission("fixed", 120000), work, rules) == 0);  // open: on completion
    CHECK(d::billable_amount(mission("none", std::nullopt), work, rules) == std::nullopt);

    SUBCASE("a fixed price counts once the mission is done, or under first-work once there is work") {
        d::Mission fixed = mission("fixed", 120000);
        CHECK(d::billable_amount(fixed, work, rules) == 0);
        auto first_work = rules;
        first_work.fixed_price = d::FixedPriceRule::FirstWork;
        CHECK(d::billable_amount(fixed, work, first_work) == 120000);
        CHECK(d::billable_amount(fixed, d::BillableWork{}, first_work) == 0);
        fixed.status = d::MissionStatus::Done;
        CHECK(d::billable_amount(fixed, d::BillableWork{}, rules) == 120000);
    }
    SUBCASE("nothing billable is worth zero, not nothing") {
        CHECK(d::billable_amount(mission("hourly", 6500), d::BillableWork{}, rules) == 0);
        CHECK(d::billable_amount(mission("daily", 45000), d::BillableWork{}, rules) == 0);
    }
}

TEST_CASE("domain/billing value_work: one valuation gives the invoice line of each mode") {
    d::BillingRules rules;  // 15m up, 7 h a day, half-day steps
    d::BillableWork work{2, 9000, 2500};
    struct Case {
        const char* mode;
        std::int64_t rate, quantity_milli;
        const char* unit_code;
        std::int64_t amount;
    };
    for (const auto& c : std::vector<Case>{{"hourly", 6500, 2500, "HUR", 16250},
                                           {"daily", 45000, 500, "DAY", 22500},
                                           {"unit", 5, 2500, "C62", 13},
                                           {"fixed", 120000, 1000, "C62", 120000}}) {
        CAPTURE(c.mode);
        const auto value = d::value_work(mission(c.mode, c.rate), work, rules);
        REQUIRE(value.has_value());
        CHECK(value->quantity_milli == c.quantity_milli);
        CHECK(value->unit_code == c.unit_code);
        CHECK(value->amount_minor == c.amount);
    }
    d::Mission tasks = mission("unit", 5);
    tasks.unit_name = "task";
    CHECK(d::value_work(tasks, work, rules)->unit_name == "task");
    CHECK(d::value_work(mission("hourly", 6500), work, rules)->unit_name.empty());
    CHECK(d::value_work(mission("none", std::nullopt), work, rules) == std::nullopt);
    // Steps of 0.0001 day: 2h30 of 7 h is 3572 steps, 0.3572 day, a quantity rounded to
    // 357 thousandths while the amount is the exact 3572 steps × rate.
    rules.day_step = {1, 10000};
    const auto fine = d::value_work(mission("daily", 45000), work, rules);
    CHECK(fine->quantity_milli == 357);
    CHECK(fine->amount_minor == 16074);
}

TEST_CASE("domain/billing bills_per_entry, fixed_price_due and fixed_price_share") {
    CHECK(d::bills_per_entry(d::BillingMode::Hourly));
    CHECK(d::bills_per_entry(d::BillingMode::Unit));
    CHECK_FALSE(d::bills_per_entry(d::BillingMode::Daily));
    CHECK_FALSE(d::bills_per_entry(d::BillingMode::Fixed));
    CHECK_FALSE(d::bills_per_entry(d::BillingMode::None));

    // On completion (the default): only once the mission is done, work or not.
    d::Mission fixed = mission("fixed", 120000);
    const auto completion = d::FixedPriceRule::Completion;
    const auto first_work = d::FixedPriceRule::FirstWork;
    CHECK_FALSE(d::fixed_price_due(fixed, d::BillableWork{}, completion));
    CHECK_FALSE(d::fixed_price_due(fixed, d::BillableWork{1, 0, 0}, completion));
    CHECK_FALSE(d::fixed_price_due(fixed, d::BillableWork{}, first_work));
    CHECK(d::fixed_price_due(fixed, d::BillableWork{1, 0, 0}, first_work));
    fixed.status = d::MissionStatus::Done;
    CHECK(d::fixed_price_due(fixed, d::BillableWork{}, completion));
    CHECK(d::fixed_price_due(fixed, d::BillableWork{}, first_work));
    CHECK(d::parse_fixed_price_rule("first-work") == first_work);
    CHECK_THROWS_WITH((void)d::parse_fixed_price_rule("done"),
                      "invalid invoice.fixed_price \"done\": use completion or first-work");

    CHECK(d::fixed_price_share(120000, 3 * kHour, 10 * kHour) == 36000);
    CHECK(d::fixed_price_share(100, 1, 3) == 33);
    CHECK(d::fixed_price_share(100, 1, 2) == 50);
    CHECK(d::fixed_price_share(1, 1, 2) == 1);  // a tie goes away from zero
    CHECK(d::fixed_price_share(120000, 0, 10 * kHour) == 0);
    CHECK(d::fixed_price_share(120000, kHour, 0) == 0);
}

TEST_CASE("domain/billing budget_used_percent: whole percent, rounded down") {
    d::Mission timed = mission("hourly", 6500);
    timed.budget_seconds = 40 * kHour;
    CHECK(d::budget_used_percent(timed, 0, 0) == 0);
    CHECK(d::budget_used_percent(timed, 10 * kHour, std::nullopt) == 25);
    CHECK(d::budget_used_percent(timed, 16020, 0) == 11);  // 11.125
    CHECK(d::budget_used_percent(timed, 40 * kHour - 1, 0) == 99);
    CHECK(d::budget_used_percent(timed, 40 * kHour, 0) == 100);
    CHECK(d::budget_used_percent(timed, 80 * kHour, 0) == 200);

    d::Mission paid = mission("daily", 45050);
    paid.budget_minor = 200000;
    CHECK(d::budget_used_percent(paid, 99 * kHour, 67575) == 33);  // 33.79
    CHECK(d::budget_used_percent(paid, 0, 199999) == 99);
    CHECK(d::budget_used_percent(paid, 0, 200000) == 100);
    CHECK(d::budget_used_percent(paid, 0, std::nullopt) == std::nullopt);

    CHECK(d::budget_used_percent(mission("hourly", 6500), 10 * kHour, 5000) == std::nullopt);
}

TEST_CASE("domain/billing parse_decimal: exact config decimals") {
    struct Good {
        const char* text;
        Decimal expected;
    };
    for (const auto& c : std::vector<Good>{{"7", {7, 1}},
                                           {"0.5", {5, 10}},
                                           {"7.25", {725, 100}},
                                           {"10", {10, 1}},
                                           {"0.000000001", {1, 1'000'000'000}},
                                           {"999999999.999999999", {999'999'999'999'999'999, 1'000'000'000}}}) {
        CAPTURE(c.text);
        CHECK(d::parse_decimal(c.text, "time.hours_per_day") == c.expected);
    }
    for (const char* text : {"", "0", "0.0", ".5", "5.", "-1", "+1", "1e3", "7,5", " 7", "7 ", "1.2.3", "1234567890",
                             "0.1234567890", "x"}) {
        CAPTURE(text);
        auto error = error_from([&] { (void)d::parse_decimal(text, "time.day_step"); });
        REQUIRE(error.has_value());
        CHECK(error->kind() == slash::ErrorKind::Usage);
        CHECK(std::string(error->what()) == "invalid time.day_step \"" + std::string(text) +
                                                "\": use a positive decimal number such as \"7\" or \"0.5\"");
    }
}

TEST_CASE("domain/billing parse_rounding_mode") {
    CHECK(d::parse_rounding_mode("up") == RoundingMode::Up);
    CHECK(d::parse_rounding_mode("nearest") == RoundingMode::Nearest);
    CHECK(d::parse_rounding_mode("down") == RoundingMode::Down);
    auto error = error_from([] { (void)d::parse_rounding_mode("Up"); });
    REQUIRE(error.has_value());
    CHECK(std::string(error->what()) == "invalid rounding mode \"Up\": use up, nearest or down");
}
