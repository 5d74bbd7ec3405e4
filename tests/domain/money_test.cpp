#include "slash/domain/money.hpp"

#include <doctest/doctest.h>

#include "support/errors.hpp"

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "slash/domain/error.hpp"

using slash::domain::format_amount;
using slash::domain::Money;
using slash::domain::parse_amount;

using slash::testing::error_from;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

// A refusal is a usage error whose message quotes the amount as typed; returns the message.
std::string refusal(const std::string& text, int minor_digits) {
    const auto error = error_from([&] { (void)parse_amount(text, minor_digits); });
    REQUIRE_MESSAGE(error.has_value(), "accepted: \"" << text << "\"");
    CHECK(error->kind() == slash::ErrorKind::Usage);
    const std::string message = error->what();
    CHECK_MESSAGE(message.find("invalid amount \"" + text + "\"") != std::string::npos, message);
    return message;
}

}  // namespace

TEST_SUITE("domain/money") {
    TEST_CASE("parse_amount: the largest and smallest amounts") {
        CHECK(parse_amount("92233720368547758.07", 2) == kMax);
        CHECK(parse_amount("-92233720368547758.08", 2) == kMin);
        CHECK(parse_amount("92 233 720 368 547 758,07", 2) == kMax);
        CHECK(parse_amount("9223372036854775807", 0) == kMax);
        CHECK(parse_amount("-9223372036854775808", 0) == kMin);
        CHECK(refusal("92233720368547758.08", 2) ==
              "invalid amount \"92233720368547758.08\": it is out of range "
              "(-92233720368547758.08 to 92233720368547758.07)");
        for (const auto& [text, digits] : std::vector<std::tuple<std::string, int>>{
                 {"-92233720368547758.09", 2},
                 {"9223372036854775808", 0},
                 {"-9223372036854775809", 0},
                 {"100000000000000000", 2},
                 {"99999999999999999999", 2},
                 {"99999999999999999999999999999999999999999", 0},
             }) {
            CAPTURE(text);
            refusal(text, digits);
        }
        CHECK(parse_amount("1", 18) == 1'000'000'000'000'000'000);
        CHECK(refusal("10", 18).find("(-9.223372036854775808 to 9.223372036854775807)") !=
              std::string::npos);
    }

    TEST_CASE("parse_amount: ties and excess decimals are refused, never rounded") {
        CHECK(refusal("12.345", 2) == "invalid amount \"12.345\": use at most 2 decimals");
        CHECK(refusal("0.125", 2) == "invalid amount \"0.125\": use at most 2 decimals");
        CHECK(refusal("0.005", 2) == "invalid amount \"0.005\": use at most 2 decimals");
        CHECK(refusal("12.340", 2) == "invalid amount \"12.340\": use at most 2 decimals");
        CHECK(refusal("1000.5", 0) == "invalid amount \"1000.5\": use no decimals");
        CHECK(refusal("1.25", 1) == "invalid amount \"1.25\": use at most 1 decimal");
        CHECK(parse_amount("1.234", 3) == 1234);
    }

    TEST_CASE("parse_amount: accepted forms") {
        const std::vector<std::tuple<std::string, int, std::int64_t>> cases = {
            {"0", 2, 0},
            {"-0", 2, 0},
            {"0.01", 2, 1},
            {"-0.01", 2, -1},
            {"65", 2, 6500},
            {"65.5", 2, 6550},
            {"65.50", 2, 6550},
            {"65,50", 2, 6550},
            {"1,5", 2, 150},
            {"1.5", 2, 150},
            {"-12.30", 2, -1230},
            {"+3", 2, 300},
            {"007", 2, 700},
            {" 65 ", 2, 6500},
            {"\t65\t", 2, 6500},
            {"1 234,50", 2, 123450},
            {"1 234 567.89", 2, 123456789},
            {"-1 234", 2, -123400},
            {"1\xc2\xa0"
             "234,50",
             2, 123450},  // no-break space
            {"1\xe2\x80\xaf"
             "234,50",
             2, 123450},  // narrow no-break space (French typography)
            {"1\xe2\x80\x89"
             "234.50",
             2, 123450},  // thin space
            {"\xe2\x80\xaf"
             "65\xc2\xa0",
             2, 6500},
            {"1234", 0, 1234},
            {"1.5", 3, 1500},
            {"0.0001", 4, 1},
        };
        for (const auto& [text, digits, minor] : cases) {
            CAPTURE(text);
            CAPTURE(digits);
            CHECK(parse_amount(text, digits) == minor);
        }
    }

    TEST_CASE("parse_amount: refused shapes name the value") {
        CHECK(refusal("1.234,50", 2) ==
              "invalid amount \"1.234,50\": it has two decimal separators; group thousands with "
              "spaces, as in 1 234,50");
        CHECK(refusal("12 34", 2) ==
              "invalid amount \"12 34\": group the digits by three, as in 1 234 567,50");
        CHECK(refusal("", 2).find("it is empty") != std::string::npos);
        CHECK(refusal("abc", 2) ==
              "invalid amount \"abc\": use digits with an optional sign and decimal part, such as "
              "65, -12.30 or 1 234,50");
        for (const std::string text : {"   ",
                                       "1,234.50",
                                       "1.2.3",
                                       "1,,5",
                                       "12.",
                                       ".5",
                                       ",5",
                                       "-",
                                       "+",
                                       "--5",
                                       "+-5",
                                       "- 5",
                                       "5-",
                                       "12abc",
                                       "1e3",
                                       "0x10",
                                       "inf",
                                       "NaN",
                                       "1'234",
                                       "\xe2\x88\x92"
                                       "5",
                                       "1234 567",
                                       "1  234",
                                       " 1 234 .5",
                                       "1 234.56 7",

                                       "\xd9\xa1\xd9\xa2",
                                       "\xef\xbc\x91"}) {
            CAPTURE(text);
            refusal(text, 2);
        }
    }

    TEST_CASE("parse_amount: minor digits outside 0..18 are a programming error") {
        CHECK_THROWS_AS((void)parse_amount("1", -1), std::invalid_argument);
        CHECK_THROWS_AS((void)parse_amount("1", 19), std::invalid_argument);
        CHECK_THROWS_AS((void)format_amount(1, 19), std::invalid_argument);
    }

    TEST_CASE("format_amount") {
        const std::vector<std::tuple<std::int64_t, int, std::string>> cases = {
            {0, 2, "0.00"},
            {5, 2, "0.05"},
            {-5, 2, "-0.05"},
            {50, 2, "0.50"},
            {100, 2, "1.00"},
            {123450, 2, "1234.50"},
            {-123450, 2, "-1234.50"},
            {0, 0, "0"},
            {1000, 0, "1000"},
            {-1, 0, "-1"},
            {1234, 3, "1.234"},
            {1, 4, "0.0001"},
            {kMax, 2, "92233720368547758.07"},
            {kMin, 2, "-92233720368547758.08"},
            {kMin, 0, "-9223372036854775808"},
            {kMin, 18, "-9.223372036854775808"},
            {1, 18, "0.000000000000000001"},
        };
        for (const auto& [minor, digits, text] : cases) {
            CAPTURE(minor);
            CAPTURE(digits);
            CHECK(format_amount(minor, digits) == text);
        }
    }

    TEST_CASE("format_amount output parses back to the same minor units") {
        for (const std::int64_t minor :
             {kMin, kMin + 1, std::int64_t{-100}, std::int64_t{-1}, std::int64_t{0},
              std::int64_t{1}, std::int64_t{99}, std::int64_t{123450}, kMax - 1, kMax}) {
            for (const int digits : {0, 2, 3, 18}) {
                CAPTURE(minor);
                CAPTURE(digits);
                CHECK(parse_amount(format_amount(minor, digits), digits) == minor);
            }
        }
    }

    TEST_CASE("Money compares amount and currency") {
        CHECK(Money{100, "EUR"} == Money{100, "EUR"});
        CHECK_FALSE(Money{100, "EUR"} == Money{100, "USD"});
        CHECK_FALSE(Money{100, "EUR"} == Money{101, "EUR"});
        CHECK(Money{}.minor == 0);
        CHECK(Money{}.currency.empty());
    }
}
