#include "slash/domain/time_grammar.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/services/time_zone_loader.hpp"

using slash::domain::CivilDate;
using slash::domain::FixedOffsetZone;
using slash::domain::format_date;
using slash::domain::format_local_iso;
using slash::domain::looks_like_range;
using slash::domain::parse_date;
using slash::domain::parse_period;
using slash::domain::parse_range;
using slash::domain::parse_time;
using slash::domain::parse_time_on;
using slash::domain::Period;
using slash::domain::TimeContext;
using slash::domain::TimeZone;

namespace {

std::int64_t instant(const std::string& iso) {
    const auto parsed = slash::domain::parse_iso_instant(iso);
    REQUIRE_MESSAGE(parsed.has_value(), iso);
    return *parsed;
}

// Saturday 2026-11-28, 11:00 in the fixed +01:00 zone most tables use.
// (No doctest assertion may run before main: .value() rather than `instant`.)
const std::int64_t kNow = slash::domain::parse_iso_instant("2026-11-28T10:00:00Z").value();
const FixedOffsetZone kPlusOne(3600, "UTC+01:00");
const TimeContext kContext{kNow, kPlusOne, 0};

std::unique_ptr<TimeZone> zone(const std::string& name) {
    return slash::services::load_time_zone(name);
}

// The message of the usage error `action` throws; fails the test when it throws nothing.
std::string usage_error(const std::function<void()>& action) {
    try {
        action();
        FAIL_CHECK("accepted");
        return "(accepted)";
    } catch (const slash::Error& error) {
        CHECK(error.kind() == slash::ErrorKind::Usage);
        return error.what();
    }
}

// A period as "first..last from..to", the bounds in local ISO form, so one string checks all.
std::string show(const Period& period, const TimeZone& tz) {
    return format_date(period.first_day) + ".." + format_date(period.last_day) + " " +
           format_local_iso(period.from, tz) + ".." + format_local_iso(period.to, tz);
}

// A text and what it gives: the expected result or the reason of the refusal.
using Case = std::pair<std::string, std::string>;

}  // namespace

TEST_SUITE("domain/time") {
    TEST_CASE(
        "domain/time: parse_time: DST in Europe/Paris (2026-03-29 forward, 2026-10-25 back)") {
        const auto paris = zone("Europe/Paris");
        const TimeContext spring{instant("2026-03-29T10:00:00Z"), *paris, 0};
        const TimeContext autumn{instant("2026-10-25T10:00:00Z"), *paris, 0};
        const std::vector<std::pair<const TimeContext*, Case>> cases{
            {&spring, {"01:59", "2026-03-29T01:59:00+01:00"}},
            {&spring, {"03:00", "2026-03-29T03:00:00+02:00"}},
            {&spring, {"2026-03-29", "2026-03-29T00:00:00+01:00"}},
            {&spring, {"2026-03-29T02:30+01:00", "2026-03-29T03:30:00+02:00"}},  // offset wins
            {&spring, {"2026-03-29T01:30:00Z", "2026-03-29T03:30:00+02:00"}},
            {&spring, {"-2h", "2026-03-29T10:00:00+02:00"}},
            {&spring, {"sun 12:00", "2026-03-29T12:00:00+02:00"}},  // today, a Sunday
            {&autumn, {"02:30", "2026-10-25T02:30:00+02:00"}},  // the first of the two
            {&autumn, {"2026-10-25 02:59:59", "2026-10-25T02:59:59+02:00"}},
            {&autumn, {"2026-10-25 03:00", "2026-10-25T03:00:00+01:00"}},
            {&autumn, {"2026-10-25T02:30+01:00", "2026-10-25T02:30:00+01:00"}},  // the second
            {&autumn, {"01:59", "2026-10-25T01:59:00+02:00"}},
        };
        for (const auto& row : cases) {
            const auto& context = std::get<0>(row);
            const auto& c = std::get<1>(row);
            INFO("parse_time(\"" << std::get<0>(c) << "\")");
            CHECK(format_local_iso(parse_time(std::get<0>(c), *context), *paris) == std::get<1>(c));
        }
        CHECK(parse_time("02:30", autumn) == instant("2026-10-25T00:30:00Z"));
        CHECK(usage_error([&] { (void)parse_time("02:30", spring); }) ==
              "\"02:30\" does not exist in Europe/Paris on 2026-03-29 (clocks go forward); use "
              "01:59 or 03:00");
        CHECK(usage_error([&] { (void)parse_time("2026-03-29 02:30", spring); }) ==
              "\"2026-03-29 02:30\" does not exist in Europe/Paris (clocks go forward); use 01:59 "
              "or 03:00");
        CHECK(usage_error([&] { (void)parse_time("2026-03-29T02:00:00", autumn); }) ==
              "\"2026-03-29T02:00:00\" does not exist in Europe/Paris (clocks go forward); use "
              "01:59 or 03:00");
        CHECK(usage_error([&] { (void)parse_time("2h30", spring); }) ==
              "\"2h30\" does not exist in Europe/Paris on 2026-03-29 (clocks go forward); use "
              "01:59 or 03:00");
    }

    TEST_CASE(
        "domain/time: parse_time: DST in America/New_York (2026-03-08 forward, 2026-11-01 back)") {
        const auto new_york = zone("America/New_York");
        const TimeContext context{instant("2026-11-28T15:00:00Z"), *new_york, 0};
        const std::vector<Case> cases{
            {"2026-03-08 01:59", "2026-03-08T01:59:00-05:00"},
            {"2026-03-08 03:00", "2026-03-08T03:00:00-04:00"},
            {"2026-11-01 01:30", "2026-11-01T01:30:00-04:00"},  // first occurrence: EDT
            {"2026-11-01T01:30-05:00", "2026-11-01T01:30:00-05:00"},
            {"2026-11-01 02:00", "2026-11-01T02:00:00-05:00"},
            {"now", "2026-11-28T10:00:00-05:00"},
            {"9:00", "2026-11-28T09:00:00-05:00"},
        };
        for (const auto& row : cases) {
            const auto& text = std::get<0>(row);
            const auto& expected = std::get<1>(row);
            INFO("parse_time(\"" << text << "\")");
            CHECK(format_local_iso(parse_time(text, context), *new_york) == expected);
        }
        CHECK(usage_error([&] { (void)parse_time("2026-03-08 02:30", context); }) ==
              "\"2026-03-08 02:30\" does not exist in America/New_York (clocks go forward); use "
              "01:59 or 03:00");
    }

    TEST_CASE(
        "domain/time: parse_time: every form, now being Saturday 2026-11-28 11:00 at +01:00") {
        const std::vector<Case> cases{
            {"now", "2026-11-28T11:00:00+01:00"},
            {"NOW", "2026-11-28T11:00:00+01:00"},
            {"9:00", "2026-11-28T09:00:00+01:00"},
            {"09:00", "2026-11-28T09:00:00+01:00"},
            {"0:00", "2026-11-28T00:00:00+01:00"},
            {"23:59:59", "2026-11-28T23:59:59+01:00"},
            {"14h", "2026-11-28T14:00:00+01:00"},
            {"14H", "2026-11-28T14:00:00+01:00"},
            {"9h30", "2026-11-28T09:30:00+01:00"},
            {"09h05", "2026-11-28T09:05:00+01:00"},
            {"  9:00  ", "2026-11-28T09:00:00+01:00"},
            {"18:00", "2026-11-28T18:00:00+01:00"},  // later than now: still today
            {"today", "2026-11-28T00:00:00+01:00"},
            {"today 9:00", "2026-11-28T09:00:00+01:00"},
            {"yesterday", "2026-11-27T00:00:00+01:00"},
            {"yesterday 14:00", "2026-11-27T14:00:00+01:00"},
            {"Yesterday  14h", "2026-11-27T14:00:00+01:00"},
            {"sat", "2026-11-28T00:00:00+01:00"},  // today is a Saturday: today
            {"saturday 10:00", "2026-11-28T10:00:00+01:00"},
            {"fri", "2026-11-27T00:00:00+01:00"},
            {"friday 17:30", "2026-11-27T17:30:00+01:00"},
            {"thu", "2026-11-26T00:00:00+01:00"},
            {"thurs 14:30", "2026-11-26T14:30:00+01:00"},
            {"wed", "2026-11-25T00:00:00+01:00"},
            {"tue 8:15", "2026-11-24T08:15:00+01:00"},
            {"mon", "2026-11-23T00:00:00+01:00"},
            {"mon 9:00", "2026-11-23T09:00:00+01:00"},
            {"Monday 9:00", "2026-11-23T09:00:00+01:00"},
            {"sun", "2026-11-22T00:00:00+01:00"},
            {"lundi 9h", "2026-11-23T09:00:00+01:00"},
            {"mar 9h", "2026-11-24T09:00:00+01:00"},
            {"mercredi", "2026-11-25T00:00:00+01:00"},
            {"jeu 10:00", "2026-11-26T10:00:00+01:00"},
            {"vendredi", "2026-11-27T00:00:00+01:00"},
            {"sam", "2026-11-28T00:00:00+01:00"},
            {"dimanche 18h", "2026-11-22T18:00:00+01:00"},
            {"-2h", "2026-11-28T09:00:00+01:00"},
            {"-15m", "2026-11-28T10:45:00+01:00"},
            {"-1h30", "2026-11-28T09:30:00+01:00"},
            {"-90min", "2026-11-28T09:30:00+01:00"},
            {"-1.5h", "2026-11-28T09:30:00+01:00"},
            {"-30s", "2026-11-28T10:59:30+01:00"},
            {"-24h", "2026-11-27T11:00:00+01:00"},
            {"2026-11-28", "2026-11-28T00:00:00+01:00"},
            {"2024-02-29", "2024-02-29T00:00:00+01:00"},
            {"2000-02-29", "2000-02-29T00:00:00+01:00"},
            {"1969-12-31", "1969-12-31T00:00:00+01:00"},
            {"2026-11-28 10:00", "2026-11-28T10:00:00+01:00"},
            {"2026-11-28 9h30", "2026-11-28T09:30:00+01:00"},
            {"2026-11-28T10:00", "2026-11-28T10:00:00+01:00"},
            {"2026-11-28T10:00:30", "2026-11-28T10:00:30+01:00"},
            {"2026-11-28T10:00Z", "2026-11-28T11:00:00+01:00"},
            {"2026-11-28t10:00z", "2026-11-28T11:00:00+01:00"},
            {"2026-11-28T10:00:00+05:30", "2026-11-28T05:30:00+01:00"},
            {"2026-11-28T10:00-08:00", "2026-11-28T19:00:00+01:00"},
            {"2026-11-28 10:00+01:00", "2026-11-28T10:00:00+01:00"},
            {"2026-12-31T23:30:00-01:00", "2027-01-01T01:30:00+01:00"},
        };
        for (const auto& row : cases) {
            const auto& text = std::get<0>(row);
            const auto& expected = std::get<1>(row);
            INFO("parse_time(\"" << text << "\")");
            CHECK(format_local_iso(parse_time(text, kContext), kPlusOne) == expected);
        }
    }

    TEST_CASE("domain/time: parse_time: weekday names are the most recent such day, today included") {
        // Each day of the week of Monday 2026-11-23: "mon" is 0..6 days back, today on a Monday.
        const std::vector<std::pair<std::string, std::string>> cases{
            {"2026-11-22", "2026-11-16"}, {"2026-11-23", "2026-11-23"}, {"2026-11-24", "2026-11-23"},
            {"2026-11-25", "2026-11-23"}, {"2026-11-26", "2026-11-23"},
            {"2026-11-27", "2026-11-23"}, {"2026-11-28", "2026-11-23"},
            {"2026-11-29", "2026-11-23"}, {"2026-11-30", "2026-11-30"},
        };
        for (const auto& row : cases) {
            const auto& today = std::get<0>(row);
            const auto& monday = std::get<1>(row);
            const TimeContext context{instant(today + "T12:00:00Z"), kPlusOne, 0};
            INFO("today " << today);
            CHECK(format_date(parse_date("mon", context)) == monday);
        }
    }

    TEST_CASE("domain/time: parse_time: refusals name the value") {
        const std::string forms =
            "use now, 14:00, 9h30, 14h, yesterday 14:00, mon 9:00, -2h, 2026-11-28 or "
            "2026-11-28T14:00";
        const std::vector<Case> cases{
            {"25:00", "the hour must be from 0 to 23"},
            {"24:00", "the hour must be from 0 to 23"},
            {"25h", "the hour must be from 0 to 23"},
            {"12:60", "the minutes must be from 00 to 59"},
            {"9h75", "the minutes must be from 00 to 59"},
            {"12:00:60", "the seconds must be from 00 to 59"},
            {"2026-02-30", "February 2026 has 28 days"},
            {"2025-02-29", "February 2025 has 28 days"},
            {"1900-02-29", "February 1900 has 28 days"},
            {"2026-04-31 10:00", "April 2026 has 30 days"},
            {"2026-11-00", "November 2026 has 30 days"},
            {"2026-13-01", "the month must be from 01 to 12"},
            {"2026-02-30T10:00Z", "February 2026 has 28 days"},
            {"yesterday 25:00", "the hour must be from 0 to 23"},
            {"2026-11-28T10:00+24:00", "the offset must be from -23:59 to +23:59"},
            {"mon 9:00+01:00", "an offset needs a date, such as 2026-11-28T14:00+01:00"},
            {"-2x", "after '-' comes a duration before now, such as -2h, -15m or -1h30"},
            {"-0h", "after '-' comes a duration before now, such as -2h, -15m or -1h30"},
            {"", "it is empty; " + forms},
            {"soon", forms},
            {"tomorrow", forms},
            {"9", forms},
            {"9:5", forms},
            {"123:00", forms},
            {"+2h", forms},
            {"9:00 mon", forms},
            {"mon 9:00 extra", forms},
            {"2026-11-28T", forms},
            {"2026-11-28T10", forms},
            {"2026-11-28 10:00 +01:00", forms},
            {"2026-11-28T10:00+0100", forms},
            {"26-11-28", forms},
            {"9:00-12:00", forms},
        };
        for (const auto& row : cases) {
            const auto& text = std::get<0>(row);
            const auto& reason = std::get<1>(row);
            CHECK(usage_error([&] { (void)parse_time(text, kContext); }) ==
                  "invalid time \"" + text + "\": " + reason);
        }
    }

    TEST_CASE("domain/time: parse_time_on: a time of day on a given day") {
        const CivilDate day{2026, 11, 20};
        const std::vector<Case> cases{
            {"9:00", "2026-11-20T09:00:00+01:00"},   {"14h", "2026-11-20T14:00:00+01:00"},
            {"9h30", "2026-11-20T09:30:00+01:00"},   {"23:59:59", "2026-11-20T23:59:59+01:00"},
            {" 0:00 ", "2026-11-20T00:00:00+01:00"},
        };
        for (const auto& row : cases) {
            const auto& text = std::get<0>(row);
            const auto& expected = std::get<1>(row);
            INFO("parse_time_on(\"" << text << "\")");
            CHECK(format_local_iso(parse_time_on(text, day, kContext), kPlusOne) == expected);
        }
        const std::string forms = "use a time of day such as 9:00, 14h or 9h30";
        const std::vector<Case> refusals{
            {"25:00", "the hour must be from 0 to 23"},
            {"12:60", "the minutes must be from 00 to 59"},
            {"24:00", "the hour must be from 0 to 23"},
            {"now", forms},
            {"-2h", forms},
            {"2026-11-20 9:00", forms},
            {"", forms},
        };
        for (const auto& row : refusals) {
            const auto& text = std::get<0>(row);
            const auto& reason = std::get<1>(row);
            CHECK(usage_error([&] { (void)parse_time_on(text, day, kContext); }) ==
                  "invalid time \"" + text + "\": " + reason);
        }
        const auto paris = zone("Europe/Paris");
        const TimeContext context{kNow, *paris, 0};
        CHECK(usage_error([&] {
                  (void)parse_time_on("2:30", {2026, 3, 29}, context);
              }) ==
              "\"2:30\" does not exist in Europe/Paris on 2026-03-29 (clocks go forward); use "
              "01:59 or 03:00");
        CHECK(format_local_iso(parse_time_on("2:30", {2026, 10, 25}, context), *paris) ==
              "2026-10-25T02:30:00+02:00");
    }

    TEST_CASE("domain/time: parse_date: DATE words") {
        const std::vector<Case> cases{
            {"2026-11-28", "2026-11-28"},   {"2024-02-29", "2024-02-29"},
            {"today", "2026-11-28"},        {"TODAY", "2026-11-28"},
            {"yesterday", "2026-11-27"},    {"mon", "2026-11-23"},
            {"Sat", "2026-11-28"},          {"sunday", "2026-11-22"},
            {"dimanche", "2026-11-22"},     {"ven", "2026-11-27"},
            {" 2026-01-01 ", "2026-01-01"},
        };
        for (const auto& row : cases) {
            const auto& text = std::get<0>(row);
            const auto& expected = std::get<1>(row);
            INFO("parse_date(\"" << text << "\")");
            CHECK(format_date(parse_date(text, kContext)) == expected);
        }
        // "today" is the local date: 23:30 UTC on the 28th is already the 29th at +01:00.
        const TimeContext late{instant("2026-11-28T23:30:00Z"), kPlusOne, 0};
        CHECK(format_date(parse_date("today", late)) == "2026-11-29");
        const std::string forms = "use YYYY-MM-DD, today, yesterday or a weekday name such as mon";
        const std::vector<Case> refusals{
            {"2026-02-30", "February 2026 has 28 days"},
            {"2025-02-29", "February 2025 has 28 days"},
            {"2026-00-10", "the month must be from 01 to 12"},
            {"tomorrow", forms},
            {"2026-11-28 10:00", forms},
            {"2026-11", forms},
            {"28/11/2026", forms},
            {"", forms},
        };
        for (const auto& row : refusals) {
            const auto& text = std::get<0>(row);
            const auto& reason = std::get<1>(row);
            CHECK(usage_error([&] { (void)parse_date(text, kContext); }) ==
                  "invalid date \"" + text + "\": " + reason);
        }
    }

    TEST_CASE("domain/time: parse_period: DST days are 23 and 25 hours long") {
        const auto paris = zone("Europe/Paris");
        const auto new_york = zone("America/New_York");
        const TimeContext in_paris{kNow, *paris, 0};
        const TimeContext in_new_york{kNow, *new_york, 0};
        const std::vector<std::tuple<const TimeContext*, std::string, std::int64_t>> cases{
            {&in_paris, "2026-03-29", 23 * 3600},
            {&in_paris, "2026-10-25", 25 * 3600},
            {&in_paris, "2026-03-28", 24 * 3600},
            {&in_paris, "2026-03", (31 * 24 - 1) * 3600},
            {&in_paris, "2026-10", (31 * 24 + 1) * 3600},
            {&in_paris, "2026", 365 * 24 * 3600},
            {&in_paris, "2026-W13", (7 * 24 - 1) * 3600},
            {&in_paris, "2026-03-29..2026-10-25", (211 * 24) * 3600},
            {&in_new_york, "2026-03-08", 23 * 3600},
            {&in_new_york, "2026-11-01", 25 * 3600},
            {&in_new_york, "2026-11-02", 24 * 3600},
        };
        for (const auto& row : cases) {
            const auto& context = std::get<0>(row);
            const auto& text = std::get<1>(row);
            const auto& length = std::get<2>(row);
            INFO("parse_period(\"" << text << "\")");
            const Period period = parse_period(text, *context);
            CHECK(period.to - period.from == length);
        }
        CHECK(show(parse_period("2026-03-29", in_paris), *paris) ==
              "2026-03-29..2026-03-29 2026-03-29T00:00:00+01:00..2026-03-30T00:00:00+02:00");
        CHECK(show(parse_period("2026-10-25", in_paris), *paris) ==
              "2026-10-25..2026-10-25 2026-10-25T00:00:00+02:00..2026-10-26T00:00:00+01:00");
    }

    TEST_CASE("domain/time: parse_period: every form, now being Saturday 2026-11-28") {
        const std::vector<Case> cases{
            {"today",
             "2026-11-28..2026-11-28 2026-11-28T00:00:00+01:00..2026-11-29T00:00:00+01:00"},
            {"yesterday",
             "2026-11-27..2026-11-27 2026-11-27T00:00:00+01:00..2026-11-28T00:00:00+01:00"},
            {"week", "2026-11-23..2026-11-29 2026-11-23T00:00:00+01:00..2026-11-30T00:00:00+01:00"},
            {"lastweek",
             "2026-11-16..2026-11-22 2026-11-16T00:00:00+01:00..2026-11-23T00:00:00+01:00"},
            {"month",
             "2026-11-01..2026-11-30 2026-11-01T00:00:00+01:00..2026-12-01T00:00:00+01:00"},
            {"lastmonth",
             "2026-10-01..2026-10-31 2026-10-01T00:00:00+01:00..2026-11-01T00:00:00+01:00"},
            {"year", "2026-01-01..2026-12-31 2026-01-01T00:00:00+01:00..2027-01-01T00:00:00+01:00"},
            {"lastyear",
             "2025-01-01..2025-12-31 2025-01-01T00:00:00+01:00..2026-01-01T00:00:00+01:00"},
            {"2026", "2026-01-01..2026-12-31 2026-01-01T00:00:00+01:00..2027-01-01T00:00:00+01:00"},
            {"2024-02",
             "2024-02-01..2024-02-29 2024-02-01T00:00:00+01:00..2024-03-01T00:00:00+01:00"},
            {"2025-02",
             "2025-02-01..2025-02-28 2025-02-01T00:00:00+01:00..2025-03-01T00:00:00+01:00"},
            {"2026-12",
             "2026-12-01..2026-12-31 2026-12-01T00:00:00+01:00..2027-01-01T00:00:00+01:00"},
            {"2026-11-28",
             "2026-11-28..2026-11-28 2026-11-28T00:00:00+01:00..2026-11-29T00:00:00+01:00"},
            {"2024-02-29",
             "2024-02-29..2024-02-29 2024-02-29T00:00:00+01:00..2024-03-01T00:00:00+01:00"},
            {"mon", "2026-11-23..2026-11-23 2026-11-23T00:00:00+01:00..2026-11-24T00:00:00+01:00"},
            {"2026-Q1",
             "2026-01-01..2026-03-31 2026-01-01T00:00:00+01:00..2026-04-01T00:00:00+01:00"},
            {"2026-q2",
             "2026-04-01..2026-06-30 2026-04-01T00:00:00+01:00..2026-07-01T00:00:00+01:00"},
            {"2026-Q4",
             "2026-10-01..2026-12-31 2026-10-01T00:00:00+01:00..2027-01-01T00:00:00+01:00"},
            {"2026-W01",
             "2025-12-29..2026-01-04 2025-12-29T00:00:00+01:00..2026-01-05T00:00:00+01:00"},
            {"2026-W48",
             "2026-11-23..2026-11-29 2026-11-23T00:00:00+01:00..2026-11-30T00:00:00+01:00"},
            {"2026-W53",
             "2026-12-28..2027-01-03 2026-12-28T00:00:00+01:00..2027-01-04T00:00:00+01:00"},
            {"2020-w53",
             "2020-12-28..2021-01-03 2020-12-28T00:00:00+01:00..2021-01-04T00:00:00+01:00"},
            {"2025-W01",
             "2024-12-30..2025-01-05 2024-12-30T00:00:00+01:00..2025-01-06T00:00:00+01:00"},
            {"2026-11-10..2026-11-17",
             "2026-11-10..2026-11-17 2026-11-10T00:00:00+01:00..2026-11-18T00:00:00+01:00"},
            {"2026-11-10 .. 2026-11-17",
             "2026-11-10..2026-11-17 2026-11-10T00:00:00+01:00..2026-11-18T00:00:00+01:00"},
            {"2026-11-17..2026-11-17",
             "2026-11-17..2026-11-17 2026-11-17T00:00:00+01:00..2026-11-18T00:00:00+01:00"},
            {"mon..today",
             "2026-11-23..2026-11-28 2026-11-23T00:00:00+01:00..2026-11-29T00:00:00+01:00"},
            {"2026-12-31..2027-01-01",
             "2026-12-31..2027-01-01 2026-12-31T00:00:00+01:00..2027-01-02T00:00:00+01:00"},
        };
        for (const auto& row : cases) {
            const auto& text = std::get<0>(row);
            const auto& expected = std::get<1>(row);
            INFO("parse_period(\"" << text << "\")");
            CHECK(show(parse_period(text, kContext), kPlusOne) == expected);
        }
        // "2026-11-10..2026-11-17" is eight days.
        const Period eight = parse_period("2026-11-10..2026-11-17", kContext);
        CHECK(eight.to - eight.from == 8 * 86400);
    }

    TEST_CASE(
        "domain/time: parse_period: week and lastweek start on [time] week_start, ISO weeks do "
        "not") {
        // Saturday 2026-11-28: the week holding it, for each possible first day.
        const std::vector<std::pair<int, std::string>> weeks{
            {0, "2026-11-23..2026-11-29"}, {1, "2026-11-24..2026-11-30"},
            {2, "2026-11-25..2026-12-01"}, {3, "2026-11-26..2026-12-02"},
            {4, "2026-11-27..2026-12-03"}, {5, "2026-11-28..2026-12-04"},
            {6, "2026-11-22..2026-11-28"},
        };
        for (const auto& row : weeks) {
            const auto& start = std::get<0>(row);
            const auto& expected = std::get<1>(row);
            const TimeContext context{kNow, kPlusOne, start};
            INFO("week_start " << start);
            const Period week = parse_period("week", context);
            CHECK(format_date(week.first_day) + ".." + format_date(week.last_day) == expected);
            const Period last = parse_period("lastweek", context);
            CHECK(slash::domain::days_from_civil(week.first_day) -
                      slash::domain::days_from_civil(last.first_day) ==
                  7);
            const Period iso = parse_period("2026-W48", context);
            CHECK(format_date(iso.first_day) == "2026-11-23");
        }
        // lastmonth in January is December of the year before.
        const TimeContext january{instant("2027-01-15T12:00:00Z"), kPlusOne, 0};
        CHECK(show(parse_period("lastmonth", january), kPlusOne) ==
              "2026-12-01..2026-12-31 2026-12-01T00:00:00+01:00..2027-01-01T00:00:00+01:00");
    }

    TEST_CASE("domain/time: parse_period: refusals name the value and list the forms") {
        const std::string forms =
            "use today, yesterday, week, lastweek, month, lastmonth, year, lastyear, a date, "
            "YYYY, YYYY-MM, YYYY-Qn, YYYY-Www or FROM..TO";
        const std::string sides =
            "FROM and TO of FROM..TO must be dates, such as 2026-11-10..2026-11-17, mon..today";
        const std::vector<Case> cases{
            {"2025-W53", "2025 has 52 ISO weeks (W01 to W52)"},
            {"2026-W54", "2026 has 53 ISO weeks (W01 to W53)"},
            {"2026-W00", "2026 has 53 ISO weeks (W01 to W53)"},
            {"2026-Q5", "quarters go from Q1 to Q4"},
            {"2026-Q0", "quarters go from Q1 to Q4"},
            {"2026-13", "the month must be from 01 to 12"},
            {"2026-00", "the month must be from 01 to 12"},
            {"2025-02-29", "February 2025 has 28 days"},
            {"2026-02-30..2026-03-01", "February 2026 has 28 days"},
            {"2026-11-17..2026-11-10",
             "it starts after it ends (2026-11-17 is after 2026-11-10); write the earlier date "
             "first"},
            {"today..mon",
             "it starts after it ends (2026-11-28 is after 2026-11-23); write the earlier date "
             "first"},
            {"2026-11-10..", sides},
            {"..2026-11-10", sides},
            {"2026-11..2026-12", sides},
            {"", "it is empty; " + forms},
            {"30 months", forms},
            {"2 weeks", forms},
            {"lastweeks", "did you mean \"lastweek\"? " + forms},
            {"fortnight", forms},
            {"this week", forms},
            {"26", forms},
            {"2026-W5", forms},
            {"2026-Q", forms},
            {"2026/11", forms},
            {"20261", forms},
        };
        for (const auto& row : cases) {
            const auto& text = std::get<0>(row);
            const auto& reason = std::get<1>(row);
            CHECK(usage_error([&] { (void)parse_period(text, kContext); }) ==
                  "invalid period \"" + text + "\": " + reason);
        }
    }

    TEST_CASE("domain/time: parse_range: two times of day on a day") {
        const CivilDate day{2026, 11, 20};
        const std::vector<std::tuple<std::string, std::string, std::int64_t>> cases{
            {"9:00-12:30", "2026-11-20T09:00:00+01:00", 3 * 3600 + 1800},
            {"14h-18h", "2026-11-20T14:00:00+01:00", 4 * 3600},
            {"9h30-12h", "2026-11-20T09:30:00+01:00", 2 * 3600 + 1800},
            {"9:00 - 12:30", "2026-11-20T09:00:00+01:00", 3 * 3600 + 1800},
            {"08:00-08:01", "2026-11-20T08:00:00+01:00", 60},
            {"18:00-24:00", "2026-11-20T18:00:00+01:00", 6 * 3600},
            {"22h-24h", "2026-11-20T22:00:00+01:00", 2 * 3600},
            {"0:00-24:00", "2026-11-20T00:00:00+01:00", 24 * 3600},
        };
        for (const auto& row : cases) {
            const auto& text = std::get<0>(row);
            const auto& start = std::get<1>(row);
            const auto& length = std::get<2>(row);
            INFO("parse_range(\"" << text << "\")");
            const auto range = parse_range(text, day, kContext);
            CHECK(format_local_iso(range.start, kPlusOne) == start);
            CHECK(range.end - range.start == length);
        }
        const std::string forms = "use START-END such as 9:00-12:30 or 14h-18h";
        const std::vector<Case> refusals{
            {"12:30-9:00",
             "it ends before it starts; a range crossing midnight needs dates: log it as two "
             "entries or use --on"},
            {"22:00-02:00",
             "it ends before it starts; a range crossing midnight needs dates: log it as two "
             "entries or use --on"},
            {"9:00-9:00", "it ends when it starts; a range needs a length"},
            {"9:00-25:00", "the hour must be from 0 to 23"},
            {"24:00-24:00", "the hour must be from 0 to 23"},
            {"9:00-12:60", "the minutes must be from 00 to 59"},
            {"9:00-", "it has no end; " + forms},
            {"-12:00", "it has no start; " + forms},
            {"9-12", "the start \"9\" is not a time of day; " + forms},
            {"9:00-noon", "the end \"noon\" is not a time of day; " + forms},
            {"9:00-12:00-13:00", forms},
            {"9:00", forms},
            {"", forms},
        };
        for (const auto& row : refusals) {
            const auto& text = std::get<0>(row);
            const auto& reason = std::get<1>(row);
            CHECK(usage_error([&] { (void)parse_range(text, day, kContext); }) ==
                  "invalid range \"" + text + "\": " + reason);
        }
    }

    TEST_CASE("domain/time: parse_range: DST days") {
        const auto paris = zone("Europe/Paris");
        const TimeContext context{kNow, *paris, 0};
        const auto spring = parse_range("01:00-04:00", {2026, 3, 29}, context);
        CHECK(spring.end - spring.start == 2 * 3600);
        const auto autumn = parse_range("01:00-04:00", {2026, 10, 25}, context);
        CHECK(autumn.end - autumn.start == 4 * 3600);
        const auto whole = parse_range("0:00-24:00", {2026, 10, 25}, context);
        CHECK(whole.end - whole.start == 25 * 3600);
        CHECK(usage_error([&] {
                  (void)parse_range("02:30-04:00", {2026, 3, 29}, context);
              }) ==
              "\"02:30\" does not exist in Europe/Paris on 2026-03-29 (clocks go forward); use "
              "01:59 or 03:00");
        CHECK(usage_error([&] {
                  (void)parse_range("01:00 - 2h15", {2026, 3, 29}, context);
              }) ==
              "\"2h15\" does not exist in Europe/Paris on 2026-03-29 (clocks go forward); use "
              "01:59 or 03:00");
    }

    TEST_CASE("domain/time: looks_like_range: ranges against durations") {
        const std::vector<std::pair<std::string, bool>> cases{
            {"9:00-12:30", true},
            {"14h-18h", true},
            {"9h30-12h", true},
            {"9:00 - 12:30", true},
            {"9-12h", true},
            {"9:00-", false},
            {"-2h", false},
            {"-15m", false},
            {"2h", false},
            {"2h30", false},
            {"1:30", false},
            {"90m", false},
            {"1.5h", false},
            {"2026-11-28", false},
            {"9-12", false},
            {"", false},
            {"a-b", false},
            {"2h-30m", false},
            {"PT1H-PT2H", false},
            {"9:00-12:00-13:00", true},
            {"2026-11-28-9:00", false},
            {"9:00-x", false},
        };
        for (const auto& row : cases) {
            const auto& text = std::get<0>(row);
            const auto& expected = std::get<1>(row);
            INFO("looks_like_range(\"" << text << "\")");
            CHECK(looks_like_range(text) == expected);
        }
    }
}
