#include "slash/domain/workload.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <set>
#include <vector>

#include "slash/domain/calendar.hpp"
#include "slash/domain/time_zone.hpp"

namespace d = slash::domain;

namespace {

constexpr std::int64_t kHour = 3600;

std::int64_t day(int y, int m, int dd) { return d::days_from_civil({y, m, dd}); }

d::DayRange range(d::CivilDate first, d::CivilDate last) { return {first, last}; }

// The reference model the arithmetic is checked against: one day at a time, the weekday
// from the calendar, the day's share from a table written by hand.
struct DayLoop {
    std::int64_t share[7];  // Monday..Sunday
    std::set<std::int64_t> off;

    [[nodiscard]] bool works(std::int64_t n) const {
        return d::weekday(d::civil_from_days(n)) < 5 && off.count(n) == 0;
    }
    [[nodiscard]] std::int64_t days(std::int64_t first, std::int64_t last) const {
        std::int64_t count = 0;
        for (std::int64_t n = first; n <= last; ++n) count += works(n) ? 1 : 0;
        return count;
    }
    [[nodiscard]] std::int64_t capacity(std::int64_t first, std::int64_t last) const {
        std::int64_t sum = 0;
        for (std::int64_t n = first; n <= last; ++n) sum += works(n) ? share[d::weekday(d::civil_from_days(n))] : 0;
        return sum;
    }
};

}  // namespace

TEST_CASE("workload: Monday to Friday share the weekly capacity, the remainder going to the later days") {
    const std::int64_t monday = day(2026, 11, 23);
    SUBCASE("35h: 7h a weekday, nothing on the weekend") {
        d::WorkCalendar calendar(35 * kHour, {});
        for (int i = 0; i < 5; ++i) CHECK(calendar.capacity(monday + i, monday + i) == 7 * kHour);
        CHECK(calendar.capacity(monday + 5, monday + 6) == 0);
        CHECK(calendar.capacity(monday, monday + 6) == 35 * kHour);
        CHECK(calendar.working_days(monday, monday + 6) == 5);
        CHECK_FALSE(calendar.is_working_day(monday + 5));
        CHECK(calendar.is_working_day(monday + 4));
    }
    SUBCASE("7 seconds: 7/5 rounded down per prefix, Mon 1, Tue 1, Wed 2, Thu 1, Fri 2") {
        d::WorkCalendar calendar(7, {});
        const std::int64_t expected[] = {1, 1, 2, 1, 2, 0, 0};
        for (int i = 0; i < 7; ++i) CHECK(calendar.capacity(monday + i, monday + i) == expected[i]);
        CHECK(calendar.capacity(monday, monday + 6) == 7);
        // A week starting on Thursday holds the same five days.
        CHECK(calendar.capacity(monday + 3, monday + 9) == 7);
    }
    SUBCASE("an empty range") {
        d::WorkCalendar calendar(35 * kHour, {});
        CHECK(calendar.working_days(monday + 1, monday) == 0);
        CHECK(calendar.capacity(monday + 1, monday) == 0);
    }
}

TEST_CASE("workload: days off are merged whatever their order, and a weekend day off is not taken twice") {
    // From Monday 2026-11-30 to Thursday 2026-12-31: 24 weekdays (Nov 30, then December 2026,
    // which starts on a Tuesday: 4 + 5 + 5 + 5 + 4 = 23). Off: Tue Dec 1, Thu Dec 24 and Fri
    // Dec 25 (given twice), Sat Dec 26 (a weekend day anyway): 21 working days.
    d::WorkCalendar calendar(35 * kHour, {range({2026, 12, 24}, {2026, 12, 26}), range({2026, 12, 25}, {2026, 12, 25}),
                                          range({2026, 12, 1}, {2026, 12, 1})});
    CHECK(calendar.working_days(day(2026, 11, 30), day(2026, 12, 31)) == 21);
    CHECK(calendar.capacity(day(2026, 11, 30), day(2026, 12, 31)) == 21 * 7 * kHour);
    CHECK_FALSE(calendar.is_working_day(day(2026, 12, 1)));
    CHECK(calendar.is_working_day(day(2026, 12, 2)));
    // A range that only touches the days off.
    CHECK(calendar.working_days(day(2026, 12, 24), day(2026, 12, 27)) == 0);
}

TEST_CASE("workload: the arithmetic agrees with counting day by day, before 1970 too") {
    std::vector<d::DayRange> off = {range({1969, 12, 30}, {1970, 1, 2}), range({2026, 12, 24}, {2026, 12, 26}),
                                    range({2026, 12, 20}, {2026, 12, 28}), range({2027, 2, 28}, {2027, 3, 1})};
    DayLoop loop{{1, 1, 2, 1, 2, 0, 0}, {}};
    for (const auto& r : off) {
        for (auto n = d::days_from_civil(r.first); n <= d::days_from_civil(r.last); ++n) loop.off.insert(n);
    }
    d::WorkCalendar calendar(7, off);
    const std::int64_t starts[] = {day(1969, 12, 20), day(1969, 12, 31), day(1970, 1, 1),
                                   day(2026, 12, 19), day(2026, 12, 24), day(2027, 2, 26)};
    for (auto first : starts) {
        for (std::int64_t length = 0; length < 30; ++length) {
            INFO("from " << d::format_date(d::civil_from_days(first)) << ", " << length + 1 << " days");
            CHECK(calendar.working_days(first, first + length) == loop.days(first, first + length));
            CHECK(calendar.capacity(first, first + length) == loop.capacity(first, first + length));
        }
    }
}

TEST_CASE("workload: remaining work is spread evenly over the working days, the days adding up exactly") {
    // Wednesday 2026-11-25 to Tuesday 2026-12-01: 5 working days (Wed, Thu, Fri, Mon, Tue).
    // 12 s over them: 12×1/5=2, 24/5=4 → 2, 36/5=7 → 3, 48/5=9 → 2, 12 → 3.
    d::WorkCalendar calendar(35 * kHour, {});
    const std::int64_t today = day(2026, 11, 25);
    d::WorkItem item{12, today, day(2026, 12, 1)};
    auto plan = d::plan_workload(calendar, today, 0, 2, {item});
    REQUIRE(plan.items.size() == 1);
    const auto& p = plan.items[0];
    CHECK(p.working_days == 5);
    CHECK(p.available == 5 * 7 * kHour);
    CHECK_FALSE(p.at_risk);
    const std::int64_t per_day[] = {2, 2, 3, 0, 0, 2, 3};  // Wed..Tue
    for (int i = 0; i < 7; ++i) CHECK(d::spread_between(calendar, item, p, today + i, today + i) == per_day[i]);
    CHECK(plan.weeks[0].committed == 7);
    CHECK(plan.weeks[1].committed == 5);
}

TEST_CASE("workload: weeks start on week_start and the current week counts from today") {
    d::WorkCalendar calendar(35 * kHour, {});
    const std::int64_t wednesday = day(2026, 11, 25);
    SUBCASE("Monday") {
        auto plan = d::plan_workload(calendar, wednesday, 0, 2, {});
        REQUIRE(plan.weeks.size() == 2);
        CHECK(plan.weeks[0].first == day(2026, 11, 23));
        CHECK(plan.weeks[0].last == day(2026, 11, 29));
        CHECK(plan.weeks[0].working_days == 3);
        CHECK(plan.weeks[0].capacity == 21 * kHour);
        CHECK(plan.weeks[1].first == day(2026, 11, 30));
        CHECK(plan.weeks[1].capacity == 35 * kHour);
    }
    SUBCASE("Sunday") {
        auto plan = d::plan_workload(calendar, wednesday, 6, 2, {});
        CHECK(plan.weeks[0].first == day(2026, 11, 22));
        CHECK(plan.weeks[0].working_days == 3);
        CHECK(plan.weeks[1].first == day(2026, 11, 29));
        CHECK(plan.weeks[1].last == day(2026, 12, 5));
        CHECK(plan.weeks[1].working_days == 5);
    }
    SUBCASE("today is the first day of the week") {
        auto plan = d::plan_workload(calendar, day(2026, 11, 23), 0, 1, {});
        CHECK(plan.weeks[0].first == day(2026, 11, 23));
        CHECK(plan.weeks[0].capacity == 35 * kHour);
    }
}

TEST_CASE("workload: overdue work lands on today, and a window without a working day on its first day") {
    d::WorkCalendar calendar(35 * kHour, {});
    SUBCASE("overdue") {
        const std::int64_t today = day(2026, 11, 25);
        d::WorkItem item{6 * kHour, day(2026, 11, 1), day(2026, 11, 20)};
        auto plan = d::plan_workload(calendar, today, 0, 2, {item});
        const auto& p = plan.items[0];
        CHECK(p.overdue);
        CHECK(p.at_risk);
        CHECK(p.available == 0);
        CHECK(p.first == today);
        CHECK(p.last == today);
        CHECK(d::spread_between(calendar, item, p, today, today) == 6 * kHour);
        CHECK(plan.weeks[0].committed == 6 * kHour);
        CHECK(plan.weeks[1].committed == 0);
    }
    SUBCASE("due on Sunday, today Saturday") {
        const std::int64_t saturday = day(2026, 11, 28);
        d::WorkItem item{kHour, saturday, day(2026, 11, 29)};
        auto plan = d::plan_workload(calendar, saturday, 0, 1, {item});
        const auto& p = plan.items[0];
        CHECK_FALSE(p.overdue);
        CHECK(p.working_days == 0);
        CHECK(p.at_risk);
        CHECK(d::spread_between(calendar, item, p, saturday, saturday) == kHour);
        CHECK(d::spread_between(calendar, item, p, saturday + 1, saturday + 1) == 0);
        CHECK(plan.weeks[0].capacity == 0);
        CHECK(plan.weeks[0].committed == kHour);
        CHECK(plan.weeks[0].overbooked());
        CHECK_FALSE(plan.weeks[0].load_percent().has_value());
    }
    SUBCASE("unscheduled work is not placed") {
        d::WorkItem item{kHour, day(2026, 11, 25), std::nullopt};
        auto plan = d::plan_workload(calendar, day(2026, 11, 25), 0, 1, {item});
        CHECK_FALSE(plan.items[0].scheduled);
        CHECK_FALSE(plan.items[0].at_risk);
        CHECK(plan.weeks[0].committed == 0);
        CHECK(plan.weeks[0].items.empty());
    }
}

TEST_CASE("workload: a later start date, days off, at risk or not") {
    // 30h a week (6h a day); Dec 24..26 off. A mission from Mon Dec 14 to Thu Dec 31: Dec 14-18
    // (5), 21-23 (3), 28-31 (4) = 12 working days; 50h = 180000 s is 15000 s a day.
    d::WorkCalendar calendar(30 * kHour, {range({2026, 12, 24}, {2026, 12, 26})});
    const std::int64_t today = day(2026, 11, 25);
    d::WorkItem later{50 * kHour, day(2026, 12, 14), day(2026, 12, 31)};
    // 20h due Friday Nov 27: Wed-Fri give 18h, not enough.
    d::WorkItem rush{20 * kHour, today, day(2026, 11, 27)};
    auto plan = d::plan_workload(calendar, today, 0, 6, {later, rush});
    CHECK(plan.items[0].working_days == 12);
    CHECK(plan.items[0].available == 12 * 6 * kHour);
    CHECK_FALSE(plan.items[0].at_risk);
    CHECK(plan.items[1].available == 18 * kHour);
    CHECK(plan.items[1].at_risk);
    const std::int64_t committed[] = {20 * kHour, 0, 0, 75000, 45000, 60000};
    const std::int64_t capacity[] = {18 * kHour, 30 * kHour, 30 * kHour, 30 * kHour, 18 * kHour, 30 * kHour};
    REQUIRE(plan.weeks.size() == 6);
    for (std::size_t w = 0; w < 6; ++w) {
        INFO("week " << w);
        CHECK(plan.weeks[w].committed == committed[w]);
        CHECK(plan.weeks[w].capacity == capacity[w]);
    }
    CHECK(plan.weeks[0].overbooked());
    CHECK(plan.weeks[0].free() == -2 * kHour);
    CHECK(plan.weeks[0].load_percent() == 111);  // 20/18 = 1.111
    CHECK(plan.weeks[0].items == std::vector<std::pair<std::size_t, std::int64_t>>{{1, 20 * kHour}});
    CHECK(plan.weeks[3].load_percent() == 69);  // 75000/108000 = 0.694
}

TEST_CASE("workload: the largest estimates spread without overflow") {
    // 9e18 s over 3 working days: 3e18 each, exactly.
    d::WorkCalendar calendar(35 * kHour, {});
    const std::int64_t today = day(2026, 11, 25);
    d::WorkItem item{9'000'000'000'000'000'000, today, day(2026, 11, 27)};
    auto plan = d::plan_workload(calendar, today, 0, 1, {item});
    CHECK(d::spread_between(calendar, item, plan.items[0], today, today) == 3'000'000'000'000'000'000);
    CHECK(plan.weeks[0].committed == 9'000'000'000'000'000'000);
}
