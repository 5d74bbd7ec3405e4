#include "slash/domain/duration.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "slash/domain/error.hpp"

using slash::domain::format_duration;
using slash::domain::format_hm;
using slash::domain::format_hours;
using slash::domain::parse_duration;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

// The message of the usage error `parse_duration(text)` throws; fails the test when it accepts.
std::string refusal(const std::string& text) {
    try {
        const std::int64_t seconds = parse_duration(text);
        FAIL_CHECK("accepted \"" << text << "\" as " << seconds << " s");
        return "(accepted)";
    } catch (const slash::Error& error) {
        CHECK(error.kind() == slash::ErrorKind::Usage);
        const std::string message = error.what();
        CHECK_MESSAGE(message.rfind("invalid duration \"" + text + "\": ", 0) == 0, message);
        return message;
    }
}

using Accepted = std::pair<std::string, std::int64_t>;

void check_accepted(const std::vector<Accepted>& cases) {
    for (const auto& row : cases) {
        const auto& text = std::get<0>(row);
        const auto& seconds = std::get<1>(row);
        INFO("parse_duration(\"" << text << "\")");
        CHECK(parse_duration(text) == seconds);
    }
}

}  // namespace

TEST_SUITE("domain/duration") {
    TEST_CASE(
        "domain/duration: parse_duration: exact decimals round half away from zero to the second") {
        check_accepted({
            {"0.5s", 1},  // a tie rounds up, away from zero...
            {"1.5s", 2},
            {"2.5s", 3},       // ...not to even
            {"0.0002h", 1},    // 0.72 s
            {"0.00125h", 5},   // 4.5 s exactly
            {"0.001h", 4},     // 3.6 s
            {"0.01m", 1},      // 0.6 s
            {"1.333h", 4799},  // 4798.8 s
            {"0.1h", 360},     // 0.1 has no binary fraction: exact here
            {"0.99999999999999999999h", 3600},
            {"1.00000000000000000001h", 3600},
            {"0.0001388888889h", 1},  // 0.50000000004 s
        });
    }

    TEST_CASE("domain/duration: parse_duration: the largest durations") {
        // 2562047788015215 h is 9223372036854774000 s: 1807 s below the int64 limit.
        check_accepted({
            {"2562047788015215h", 9223372036854774000},
            {"2562047788015215h30m", 9223372036854775800},
            {"2562047788015215h30m7s", kMax},
            {"9223372036854775807s", kMax},
            {"PT9223372036854775807S", kMax},
        });
        for (const std::string text :
             {"2562047788015215h30m8s", "2562047788015216h", "9223372036854775808s",
              "99999999999999999999999h", "153722867280912931m", "2562047788015216:00"}) {
            CHECK(refusal(text) == "invalid duration \"" + text + "\": it is too long");
        }
    }

    TEST_CASE("domain/duration: parse_duration: every accepted form") {
        check_accepted({
            {"2h", 7200},      {"2h30", 9000},
            {"2h30m", 9000},   {"2h05", 7500},
            {"2H30M", 9000},   {"2h 30m", 9000},
            {"2 h 30", 9000},  {"  2h  ", 7200},
            {"90m", 5400},     {"90min", 5400},
            {"90 mins", 5400}, {"90 minutes", 5400},
            {"1 minute", 60},  {"45s", 45},
            {"45 sec", 45},    {"1m30", 90},
            {"1m30s", 90},     {"1h30m15s", 5415},
            {"1h15s", 3615},   {"2 hours 30 minutes", 9000},
            {"1 hour", 3600},  {"2hrs", 7200},
            {"1.5h", 5400},    {"1,5h", 5400},
            {"0.25h", 900},    {"1.75 hours", 6300},
            {"2.5m", 150},     {"1h 0.5m", 3630},
            {"1h30.5m", 5430}, {"1:30", 5400},
            {"0:45", 2700},    {"01:30", 5400},
            {"24:00", 86400},  {"1:30:15", 5415},
            {"40h", 144000},   {"400h", 1440000},
            {"PT1H30M", 5400}, {"PT90M", 5400},
            {"PT1.5H", 5400},  {"PT1,5H", 5400},
            {"PT45S", 45},     {"PT1H30M15S", 5415},
            {"pt2h", 7200},    {"PT0.5S", 1},
        });
    }

    TEST_CASE("domain/duration: parse_duration: refusals name the value and show the right form") {
        const std::vector<std::pair<std::string, std::string>> cases{
            {"", "it is empty; use a form such as 2h30, 1.5h, 90m or 1:30"},
            {"   ", "it is empty; use a form such as 2h30, 1.5h, 90m or 1:30"},
            {"0h", "a duration must be more than zero"},
            {"0", "a duration must be more than zero"},
            {"0:00", "a duration must be more than zero"},
            {"PT0S", "a duration must be more than zero"},
            {"0.4s", "a duration must be more than zero"},
            {"0.0001h", "a duration must be more than zero"},
            {"0.49s", "a duration must be more than zero"},
            {"0.000138888888888888888888h", "a duration must be more than zero"},  // 0.4999... s
            {"-2h", "a duration cannot be negative; write it without the sign, such as 2h"},
            {"-0:30", "a duration cannot be negative; write it without the sign, such as 2h"},
            {"90", "it has no unit; add one, such as 90m for minutes or 1.5h for hours"},
            {"1.5", "it has no unit; add one, such as 90m for minutes or 1.5h for hours"},
            {"30 months", "months are not durations (m means minutes): use hours, such as 140h"},
            {"2mo", "months are not durations (m means minutes): use hours, such as 140h"},
            {"1 month", "months are not durations (m means minutes): use hours, such as 140h"},
            {"P1M", "months are not durations (m means minutes): use hours, such as 140h"},
            {"1d", "days are not durations here: use hours, such as 8h"},
            {"2 days", "days are not durations here: use hours, such as 8h"},
            {"P1D", "days are not durations here: use hours, such as 8h"},
            {"P1DT2H", "days are not durations here: use hours, such as 8h"},
            {"1w", "weeks are not durations here: use hours, such as 35h"},
            {"P2W", "weeks are not durations here: use hours, such as 35h"},
            {"1y", "years are not durations here: use hours, such as 1600h"},
            {"2h75", "the minutes must be below 60 after hours, such as 2h15"},
            {"1h60m", "the minutes must be below 60 after hours, such as 2h15"},
            {"1m60s", "the seconds must be below 60 after a larger unit, such as 1m30s"},
            {"1:75", "the minutes must be from 00 to 59, such as 1:15"},
            {"1:30:60", "the seconds must be from 00 to 59, such as 1:15:30"},
            {"30m2h", "give hours, then minutes, then seconds, each once, such as 1h30m15s"},
            {"1h1h", "give hours, then minutes, then seconds, each once, such as 1h30m15s"},
            {"1.5h30m", "only the last part may have decimals, such as 1h30m or 1.5h"},
        };
        for (const auto& row : cases) {
            const auto& text = std::get<0>(row);
            const auto& reason = std::get<1>(row);
            CHECK(refusal(text) == "invalid duration \"" + text + "\": " + reason);
        }
        const std::string forms = "use a form such as 2h30, 1.5h, 90m, 1:30 or PT1H30M";
        for (const std::string text :
             {"abc",    "h",   "2x",   "2hh",    "2h30x",  "1s30",       "2..5h",     "2.h",
              ".5h",    "1:3", "1:",   ":30",    "1.5:30", "1:30:15:00", "PT",        "P",
              "PT1H30", "PTH", "PT1X", "2h-30m", "+2h",    "2 ms",       "2\xc2\xa0h"}) {
            CHECK(refusal(text) == "invalid duration \"" + text + "\": " + forms);
        }
    }

    TEST_CASE("domain/duration: parse_duration: a control character is escaped in the message") {
        try {
            (void)parse_duration("2\nh");
            FAIL("accepted a newline");
        } catch (const slash::Error& error) {
            CHECK(std::string(error.what()) ==
                  "invalid duration \"2\\x0ah\": use a form such as 2h30, 1.5h, 90m, 1:30 or "
                  "PT1H30M");
        }
    }

    TEST_CASE(
        "domain/duration: format_duration: hours and minutes, seconds only when there are some") {
        const std::vector<std::pair<std::int64_t, std::string>> cases{
            {0, "0m"},
            {1, "1s"},
            {59, "59s"},
            {60, "1m"},
            {65, "1m05s"},
            {2700, "45m"},
            {3600, "1h"},
            {3605, "1h00m05s"},
            {7500, "2h05m"},
            {9000, "2h30m"},
            {10800, "3h"},
            {5415, "1h30m15s"},
            {86400, "24h"},
            {144000, "40h"},
            {-9000, "-2h30m"},
            {-5, "-5s"},
            {kMax, "2562047788015215h30m07s"},
            {kMin, "-2562047788015215h30m08s"},
        };
        for (const auto& row : cases) {
            const auto& seconds = std::get<0>(row);
            const auto& text = std::get<1>(row);
            INFO("format_duration(" << seconds << ")");
            CHECK(format_duration(seconds) == text);
        }
        // What it writes, parse_duration reads back.
        for (const std::int64_t seconds : {1, 59, 60, 65, 3605, 7500, 9000, 5415, 86400}) {
            CHECK(parse_duration(format_duration(seconds)) == seconds);
        }
    }

    TEST_CASE("domain/duration: format_hours: two decimals, half away from zero") {
        const std::vector<std::pair<std::int64_t, std::string>> cases{
            {0, "0.00"},
            {17, "0.00"},
            {18, "0.01"},
            {100, "0.03"},
            {5400, "1.50"},
            {3600, "1.00"},
            {9000, "2.50"},
            {4799, "1.33"},
            {-17, "0.00"},
            {-18, "-0.01"},
            {-5400, "-1.50"},
            {144000, "40.00"},
            {35999, "10.00"},
            {kMax, "2562047788015215.50"},
            {kMin, "-2562047788015215.50"},
        };
        for (const auto& row : cases) {
            const auto& seconds = std::get<0>(row);
            const auto& text = std::get<1>(row);
            INFO("format_hours(" << seconds << ")");
            CHECK(format_hours(seconds) == text);
        }
    }

    TEST_CASE("domain/duration: format_hm: h:mm, minutes rounded down") {
        const std::vector<std::pair<std::int64_t, std::string>> cases{
            {0, "0:00"},      {59, "0:00"},      {60, "0:01"},     {9000, "2:30"}, {9059, "2:30"},
            {36000, "10:00"}, {144000, "40:00"}, {-5400, "-1:30"}, {-59, "0:00"},  {-60, "-0:01"},
        };
        for (const auto& row : cases) {
            const auto& seconds = std::get<0>(row);
            const auto& text = std::get<1>(row);
            INFO("format_hm(" << seconds << ")");
            CHECK(format_hm(seconds) == text);
        }
    }
}
