#pragma once

#include <cstdint>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "slash/domain/calendar.hpp"

/// Workload planning (`slash plan`): weekly capacity against the remaining estimates of
/// missions, spread over working days. Days are day numbers (days since 1970-01-01, see
/// days_from_civil), so no time zone and no DST is involved; every figure is whole seconds.
namespace slash::domain {

/// Working days and their capacity. Monday to Friday are working days; each gets a fifth
/// of the weekly capacity (the remainder of an uneven division goes to the later days:
/// Monday..Friday get C×(i+1)/5 − C×i/5 rounded down, which adds up to C exactly, so a
/// full week always has the whole capacity). Saturday, Sunday and the days off have none.
class WorkCalendar {
public:
    /// `weekly_capacity` in seconds (≥ 0); `days_off` in any order, overlapping or not.
    WorkCalendar(std::int64_t weekly_capacity, const std::vector<DayRange>& days_off);

    [[nodiscard]] std::int64_t weekly_capacity() const { return weekly_capacity_; }
    /// A weekday that is not a day off.
    [[nodiscard]] bool is_working_day(std::int64_t day) const;
    /// The working days of [first, last], both included; 0 when last < first. Arithmetic
    /// in the number of days-off ranges, never a loop over the days.
    [[nodiscard]] std::int64_t working_days(std::int64_t first, std::int64_t last) const;
    /// The capacity of [first, last], both included; 0 when last < first.
    [[nodiscard]] std::int64_t capacity(std::int64_t first, std::int64_t last) const;

private:
    std::int64_t weekly_capacity_;
    /// Merged, sorted, disjoint [first, last] ranges of days off.
    std::vector<std::pair<std::int64_t, std::int64_t>> off_;
};

/// One mission's remaining work, to be placed.
struct WorkItem {
    std::int64_t remaining = 0;  ///< seconds, > 0
    std::int64_t start = 0;      ///< its first day (start date), may be before today
    std::optional<std::int64_t> due;  ///< its last day; nullopt: unscheduled
};

/// Where an item's work goes and whether it can be done in time.
struct ItemPlan {
    /// The days its work is spread over: [max(today, start), due]; an overdue item's work
    /// all goes on today. Meaningless when unscheduled.
    std::int64_t first = 0, last = 0;
    bool scheduled = false;  ///< it has a due date
    bool overdue = false;    ///< due before today
    /// Working days of [first, last]; 0 puts the whole work on `first`.
    std::int64_t working_days = 0;
    /// Capacity of [first, last] (0 when overdue).
    std::int64_t available = 0;
    /// Remaining work exceeds `available` (always when overdue). Each item is measured alone
    /// against the whole capacity; missions competing for the same days show up as
    /// overbooked weeks instead.
    bool at_risk = false;
};

/// One planned week: seven days from `first`.
struct WeekPlan {
    std::int64_t first = 0, last = 0;
    /// Working days from today on (the current week loses its past days).
    std::int64_t working_days = 0;
    std::int64_t capacity = 0;
    std::int64_t committed = 0;
    /// (item index, seconds) for each item with work in the week, in item order.
    std::vector<std::pair<std::size_t, std::int64_t>> items;

    [[nodiscard]] std::int64_t free() const { return capacity - committed; }
    [[nodiscard]] bool overbooked() const { return committed > capacity; }
    /// committed × 100 / capacity rounded down (100 means full, not nearly full); nullopt
    /// without capacity.
    [[nodiscard]] std::optional<std::int64_t> load_percent() const;
};

struct Workload {
    std::vector<WeekPlan> weeks;
    std::vector<ItemPlan> items;  ///< one per WorkItem, same order
};

/// The seconds of `item` that fall on [from, to]: its remaining work spread evenly over the
/// working days of [plan.first, plan.last] (day j of k gets R×(j+1)/k − R×j/k rounded
/// down, so the days add up to R exactly and every day differs by at most one second).
[[nodiscard]] std::int64_t spread_between(const WorkCalendar& calendar, const WorkItem& item, const ItemPlan& plan,
                                          std::int64_t from, std::int64_t to);

/// Plans `weeks` weeks from the week holding `today` (weeks start on `week_start`, 0 =
/// Monday ... 6 = Sunday). The current week counts from today on, today included.
[[nodiscard]] Workload plan_workload(const WorkCalendar& calendar, std::int64_t today, int week_start, int weeks,
                                     const std::vector<WorkItem>& items);

}  // namespace slash::domain
