#include "slash/domain/workload.hpp"

#include <algorithm>

#include "slash/domain/wide.hpp"

namespace slash::domain {

namespace {

// Capacities are seconds × days, in Wide (wide.hpp): narrowed back, checked.
std::int64_t in_seconds(Wide value) { return narrow(value, {.what = "a workload figure", .unit = "seconds"}); }

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Days since Monday 1969-12-29 (1970-01-01 was a Thursday), so that 0 is a Monday.
std::int64_t from_monday(std::int64_t day) { return day + 3; }

// Working days before `day`, counted from any fixed Monday: only differences matter.
std::int64_t weekdays_before(std::int64_t day) {
    std::int64_t m = from_monday(day);
    std::int64_t weeks = floor_div(m, 7);
    return weeks * 5 + std::min<std::int64_t>(m - weeks * 7, 5);
}

// The capacity of the weekdays before `day`, on the same footing: whole weeks, then the
// first r weekdays of the week, which share C×r/5 (the sum telescopes).
Wide capacity_before(std::int64_t day, std::int64_t weekly) {
    std::int64_t m = from_monday(day);
    std::int64_t weeks = floor_div(m, 7);
    std::int64_t r = std::min<std::int64_t>(m - weeks * 7, 5);
    return Wide(weeks) * weekly + Wide(weekly) * r / 5;
}

std::int64_t plain_days(std::int64_t first, std::int64_t last) {
    return last < first ? 0 : weekdays_before(last + 1) - weekdays_before(first);
}

Wide plain_capacity(std::int64_t first, std::int64_t last, std::int64_t weekly) {
    return last < first ? 0 : capacity_before(last + 1, weekly) - capacity_before(first, weekly);
}

}  // namespace

WorkCalendar::WorkCalendar(std::int64_t weekly_capacity, const std::vector<DayRange>& days_off)
    : weekly_capacity_(weekly_capacity) {
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    for (const auto& range : days_off) ranges.emplace_back(days_from_civil(range.first), days_from_civil(range.last));
    std::sort(ranges.begin(), ranges.end());
    for (const auto& range : ranges) {
        if (!off_.empty() && range.first <= off_.back().second + 1) {
            off_.back().second = std::max(off_.back().second, range.second);
        } else {
            off_.push_back(range);
        }
    }
}

bool WorkCalendar::is_working_day(std::int64_t day) const { return working_days(day, day) == 1; }

std::int64_t WorkCalendar::working_days(std::int64_t first, std::int64_t last) const {
    std::int64_t days = plain_days(first, last);
    for (const auto& [off_first, off_last] : off_) {
        days -= plain_days(std::max(first, off_first), std::min(last, off_last));
    }
    return days;
}

std::int64_t WorkCalendar::capacity(std::int64_t first, std::int64_t last) const {
    Wide seconds = plain_capacity(first, last, weekly_capacity_);
    for (const auto& [off_first, off_last] : off_) {
        seconds -= plain_capacity(std::max(first, off_first), std::min(last, off_last), weekly_capacity_);
    }
    return in_seconds(seconds);
}

std::optional<std::int64_t> WeekPlan::load_percent() const {
    if (capacity <= 0) return std::nullopt;
    return in_seconds(Wide(committed) * 100 / capacity);
}

std::int64_t spread_between(const WorkCalendar& calendar, const WorkItem& item, const ItemPlan& plan,
                            std::int64_t from, std::int64_t to) {
    if (!plan.scheduled) return 0;
    std::int64_t a = std::max(from, plan.first), b = std::min(to, plan.last);
    if (b < a) return 0;
    if (plan.working_days == 0) return a <= plan.first && plan.first <= b ? item.remaining : 0;
    std::int64_t before = calendar.working_days(plan.first, a - 1);
    std::int64_t through = calendar.working_days(plan.first, b);
    return in_seconds(Wide(item.remaining) * through / plan.working_days -
                  Wide(item.remaining) * before / plan.working_days);
}

Workload plan_workload(const WorkCalendar& calendar, std::int64_t today, int week_start, int weeks,
                       const std::vector<WorkItem>& items) {
    Workload plan;
    const std::int64_t weekday = from_monday(today) - floor_div(from_monday(today), 7) * 7;
    const std::int64_t back = (weekday - week_start + 7) % 7;
    const std::int64_t horizon_first = today - back;

    for (const WorkItem& item : items) {
        ItemPlan& p = plan.items.emplace_back();
        p.scheduled = item.due.has_value();
        if (!p.scheduled) continue;
        if (*item.due < today) {
            p.overdue = true;
            p.first = p.last = today;
        } else {
            p.first = std::max(today, item.start);
            p.last = std::max(p.first, *item.due);
            p.available = calendar.capacity(p.first, p.last);
        }
        p.working_days = calendar.working_days(p.first, p.last);
        p.at_risk = p.overdue || item.remaining > p.available;
    }

    for (int w = 0; w < weeks; ++w) {
        WeekPlan& week = plan.weeks.emplace_back();
        week.first = horizon_first + 7 * std::int64_t{w};
        week.last = week.first + 6;
        const std::int64_t from = std::max(week.first, today);
        week.working_days = calendar.working_days(from, week.last);
        week.capacity = calendar.capacity(from, week.last);
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::int64_t seconds = spread_between(calendar, items[i], plan.items[i], from, week.last);
            if (seconds == 0) continue;
            week.items.emplace_back(i, seconds);
            week.committed += seconds;
        }
    }
    return plan;
}

}  // namespace slash::domain
