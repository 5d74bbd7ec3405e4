#include "slash/domain/time_zone.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"

using slash::domain::CivilDate;
using slash::domain::FixedOffsetZone;
using slash::domain::format_date;
using slash::domain::format_local_hm;
using slash::domain::format_local_iso;
using slash::domain::from_local;
using slash::domain::iso_week;
using slash::domain::iso_weeks_in_year;
using slash::domain::IsoWeek;
using slash::domain::local_date;
using slash::domain::LocalDateTime;
using slash::domain::monday_of;
using slash::domain::start_of_day;
using slash::domain::to_local;
using slash::domain::weekday;

namespace {

std::int64_t instant(const std::string& iso) {
    const auto parsed = slash::domain::parse_iso_instant(iso);
    REQUIRE_MESSAGE(parsed.has_value(), iso);
    return *parsed;
}

// A zone with one transition, at `at`, from `before` to `after` seconds east of UTC: DST rules
// reduced to what the gap and fold logic needs, independent of any tz database.
class OneTransitionZone final : public slash::domain::TimeZone {
  public:
    OneTransitionZone(std::int64_t at, std::int64_t before, std::int64_t after)
        : at_(at), before_(before), after_(after) {}

    std::int64_t offset_at(std::int64_t utc) const override { return utc < at_ ? before_ : after_; }

    std::vector<std::int64_t> instants_of(const LocalDateTime& local) const override {
        const std::int64_t reading = slash::domain::local_seconds(local);
        std::vector<std::int64_t> instants;
        if (reading - before_ < at_) instants.push_back(reading - before_);
        if (reading - after_ >= at_) instants.push_back(reading - after_);
        return instants;
    }

    std::string name() const override { return "Test/Zone"; }

  private:
    std::int64_t at_, before_, after_;
};

}  // namespace

TEST_SUITE("domain/time_zone") {
    TEST_CASE("domain/time_zone: weekday: 0 is Monday, before and after 1970") {
        const std::vector<std::pair<CivilDate, int>> cases{
            {{1970, 1, 1}, 3},   {{1969, 12, 31}, 2}, {{1969, 12, 29}, 0},
            {{2000, 1, 1}, 5},   {{2026, 11, 28}, 5}, {{2026, 11, 23}, 0},
            {{2026, 11, 29}, 6}, {{2024, 2, 29}, 3},  {{1900, 1, 1}, 0},
        };
        for (const auto& row : cases) {
            const auto& date = std::get<0>(row);
            const auto& expected = std::get<1>(row);
            INFO(format_date(date));
            CHECK(weekday(date) == expected);
        }
    }

    TEST_CASE("domain/time_zone: iso_week: the year of the week's Thursday") {
        const std::vector<std::pair<CivilDate, IsoWeek>> cases{
            {{2026, 1, 1}, {2026, 1}},    {{2025, 12, 29}, {2026, 1}}, {{2025, 12, 28}, {2025, 52}},
            {{2026, 12, 31}, {2026, 53}}, {{2027, 1, 1}, {2026, 53}},  {{2027, 1, 3}, {2026, 53}},
            {{2027, 1, 4}, {2027, 1}},    {{2021, 1, 3}, {2020, 53}},  {{2024, 12, 30}, {2025, 1}},
            {{2026, 11, 28}, {2026, 48}}, {{2008, 12, 29}, {2009, 1}},
        };
        for (const auto& row : cases) {
            const auto& date = std::get<0>(row);
            const auto& expected = std::get<1>(row);
            INFO(format_date(date));
            CHECK(iso_week(date) == expected);
        }
        const std::vector<std::pair<int, int>> lengths{
            {2026, 53}, {2025, 52}, {2020, 53}, {2015, 53}, {2009, 53}, {2004, 53},
            {1992, 53}, {2032, 53}, {2024, 52}, {2027, 52}, {2100, 52},
        };
        for (const auto& row : lengths) {
            const auto& year = std::get<0>(row);
            const auto& weeks = std::get<1>(row);
            INFO(year);
            CHECK(iso_weeks_in_year(year) == weeks);
        }
        CHECK(monday_of({2026, 1}) == CivilDate{2025, 12, 29});
        CHECK(monday_of({2026, 53}) == CivilDate{2026, 12, 28});
        CHECK(monday_of({2025, 1}) == CivilDate{2024, 12, 30});
        CHECK_THROWS_AS((void)monday_of({2025, 53}), std::invalid_argument);
        CHECK_THROWS_AS((void)monday_of({2026, 0}), std::invalid_argument);
    }

    TEST_CASE("domain/time_zone: fixed offsets: conversions and ISO text with the offset") {
        const FixedOffsetZone utc(0, "UTC");
        const FixedOffsetZone paris_winter(3600, "+01:00");
        const FixedOffsetZone new_york_winter(-5 * 3600, "-05:00");
        const FixedOffsetZone kathmandu(5 * 3600 + 45 * 60, "+05:45");
        const FixedOffsetZone lmt(561, "LMT");  // Paris mean time, 0:09:21
        const std::int64_t t = instant("2026-11-28T10:00:00Z");
        CHECK(format_local_iso(t, utc) == "2026-11-28T10:00:00+00:00");
        CHECK(format_local_iso(t, paris_winter) == "2026-11-28T11:00:00+01:00");
        CHECK(format_local_iso(t, new_york_winter) == "2026-11-28T05:00:00-05:00");
        CHECK(format_local_iso(t, kathmandu) == "2026-11-28T15:45:00+05:45");
        CHECK(format_local_iso(t, lmt) == "2026-11-28T10:09:21+00:09:21");
        CHECK(format_local_iso(-1, utc) == "1969-12-31T23:59:59+00:00");
        CHECK(format_local_iso(instant("2026-11-28T02:00:00Z"), new_york_winter) ==
              "2026-11-27T21:00:00-05:00");
        CHECK(format_local_hm(t, paris_winter) == "11:00");
        CHECK(format_local_hm(instant("2026-11-28T23:05:00Z"), paris_winter) == "00:05");
        CHECK(format_date({2026, 1, 5}) == "2026-01-05");
        CHECK(to_local(t, new_york_winter) == LocalDateTime{{2026, 11, 28}, 5, 0, 0});
        CHECK(to_local(-1, utc) == LocalDateTime{{1969, 12, 31}, 23, 59, 59});
        CHECK(local_date(instant("2026-11-28T23:30:00Z"), paris_winter) == CivilDate{2026, 11, 29});
        CHECK(from_local({{2026, 11, 28}, 11, 0, 0}, paris_winter, "11:00") == t);
        CHECK(start_of_day({2026, 11, 28}, new_york_winter) == instant("2026-11-28T05:00:00Z"));
        CHECK(slash::domain::add_days({2024, 2, 28}, 1) == CivilDate{2024, 2, 29});
        CHECK(slash::domain::add_days({2026, 1, 1}, -1) == CivilDate{2025, 12, 31});
    }

    TEST_CASE("domain/time_zone: a zone's gap and fold, from the rules alone") {
        // Clocks go from +00:00 to +01:00 at 2026-03-29T01:00Z, then a zone going back.
        const OneTransitionZone forward(instant("2026-03-29T01:00:00Z"), 0, 3600);
        CHECK(from_local({{2026, 3, 29}, 0, 59, 59}, forward, "x") ==
              instant("2026-03-29T00:59:59Z"));
        CHECK(from_local({{2026, 3, 29}, 2, 0, 0}, forward, "x") ==
              instant("2026-03-29T01:00:00Z"));
        std::string message;
        try {
            (void)from_local({{2026, 3, 29}, 1, 30, 0}, forward, "1:30");
        } catch (const slash::Error& error) {
            CHECK(error.kind() == slash::ErrorKind::Usage);
            message = error.what();
        }
        CHECK(message ==
              "\"1:30\" does not exist in Test/Zone on 2026-03-29 (clocks go forward); use 00:59 "
              "or 02:00");

        const OneTransitionZone back(instant("2026-10-25T01:00:00Z"), 3600, 0);
        CHECK(from_local({{2026, 10, 25}, 1, 30, 0}, back, "x") == instant("2026-10-25T00:30:00Z"));
        CHECK(back.instants_of({{2026, 10, 25}, 1, 30, 0}) ==
              std::vector<std::int64_t>{instant("2026-10-25T00:30:00Z"),
                                        instant("2026-10-25T01:30:00Z")});

        // Midnight in the gap: the day starts when the gap ends, and is 23 hours long.
        const OneTransitionZone midnight(instant("2022-09-11T04:00:00Z"), -4 * 3600, -3 * 3600);
        CHECK(start_of_day({2022, 9, 11}, midnight) == instant("2022-09-11T04:00:00Z"));
        CHECK(start_of_day({2022, 9, 12}, midnight) - start_of_day({2022, 9, 11}, midnight) ==
              23 * 3600);
        CHECK(format_local_iso(start_of_day({2022, 9, 11}, midnight), midnight) ==
              "2022-09-11T01:00:00-03:00");
    }
}

TEST_CASE("domain/format_local_iso: zero-padded fields, signed offsets, seconds of offset, dates before 1970") {
    using slash::domain::FixedOffsetZone;
    using slash::domain::format_local_iso;
    CHECK(format_local_iso(0, FixedOffsetZone(0, "UTC")) == "1970-01-01T00:00:00+00:00");
    CHECK(format_local_iso(-1, FixedOffsetZone(0, "UTC")) == "1969-12-31T23:59:59+00:00");
    CHECK(format_local_iso(1795000000, FixedOffsetZone(3600, "CET")) == "2026-11-18T12:06:40+01:00");
    CHECK(format_local_iso(1795000000, FixedOffsetZone(-(3 * 3600 + 30 * 60), "NST")) ==
          "2026-11-18T07:36:40-03:30");
    // Paris mean time before 1911: +00:09:21.
    CHECK(format_local_iso(-2000000000, FixedOffsetZone(561, "LMT")) == "1906-08-16T20:36:01+00:09:21");
    CHECK(format_local_iso(253402300799, FixedOffsetZone(0, "UTC")) == "9999-12-31T23:59:59+00:00");
    CHECK(slash::domain::format_local_hm(1795000000 + 14 * 3600, FixedOffsetZone(0, "UTC")) == "01:06");
}
