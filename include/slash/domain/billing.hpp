#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "slash/domain/mission.hpp"
#include "slash/domain/wide.hpp"

/// What billable work is worth (docs/contract.md §1, §3, §4): pure integer arithmetic on minor
/// units and seconds. Every rounding of money is half away from zero and happens once, on
/// the total of a mission, as an invoice line is rounded once to the cent (EN 16931).
namespace slash::domain {

/// The direction in which a billed duration goes to a multiple of the `[time] rounding`
/// step.
enum class RoundingMode { Up, Nearest, Down };

/// "up", "nearest" or "down" (`[time] rounding_mode`). Throws Error(Usage) naming the
/// value otherwise.
[[nodiscard]] RoundingMode parse_rounding_mode(std::string_view text);

/// An exact positive decimal from the config, such as `[time] hours_per_day = "7.5"`:
/// numerator / denominator, the denominator a power of ten ("7.5" is 75/10).
struct Decimal {
    std::int64_t numerator = 0;
    std::int64_t denominator = 1;
    friend bool operator==(const Decimal&, const Decimal&) = default;
};

/// Parses "7", "0.5", "7.25" exactly: digits, then optionally '.' and 1 to 9 digits, at
/// most 9 digits before the point, and more than zero. Throws Error(Usage)
/// `invalid time.day_step "0": use a positive decimal number such as "7" or "0.5"`, with
/// `what` naming the setting.
[[nodiscard]] Decimal parse_decimal(std::string_view text, std::string_view what);

/// When the price of a fixed-price mission is billed (`[invoice] fixed_price`): once the
/// mission is done (before that only deposits bill it), or with the first invoice that has
/// work on it.
enum class FixedPriceRule { Completion, FirstWork };

/// "completion" or "first-work". Throws Error(Usage) naming the value otherwise.
[[nodiscard]] FixedPriceRule parse_fixed_price_rule(std::string_view text);

/// The billing settings of `[time]` (and `[invoice] fixed_price`), typed.
struct BillingRules {
    std::int64_t rounding_seconds = 15 * 60;  ///< 0: durations are billed as they are
    RoundingMode rounding_mode = RoundingMode::Up;
    Decimal hours_per_day{7, 1};
    Decimal day_step{5, 10};
    FixedPriceRule fixed_price = FixedPriceRule::Completion;
};

/// One entry's duration as billed: a multiple of `step` seconds, going up (ceiling),
/// down (floor) or to the nearest one, a tie going away from zero (7m30s is 15m with a
/// 15m step). A `step` of 0 keeps the duration as it is. The stored duration never
/// changes: rounding happens when work is valued or billed (docs/contract.md §3).
[[nodiscard]] std::int64_t round_duration(std::int64_t seconds, std::int64_t step, RoundingMode mode);

/// Hours in thousandths, as an invoice line's quantity: seconds / 3.6, half away from zero
/// (exact for any rounding step that is a multiple of 18 s: 15m, 6m, 1m).
[[nodiscard]] std::int64_t hours_milli(std::int64_t seconds);

/// hours_milli(seconds) × hourly rate / 1000, half away from zero: the net of the invoice
/// line that bills those seconds (EN 16931: quantity × price), so that what `missions`
/// shows unbilled is what `invoice new` bills.
[[nodiscard]] std::int64_t hourly_amount(std::int64_t billed_seconds, std::int64_t rate_minor);

/// The days a daily mission bills for `billed_seconds`, counted in steps of `day_step`
/// days: (hours / hours_per_day) / day_step, rounded up, since a started half-day is a
/// half-day worked. 0 seconds is 0 steps.
[[nodiscard]] std::int64_t day_steps(std::int64_t billed_seconds, const Decimal& hours_per_day,
                                     const Decimal& day_step);

/// day_steps × day_step × daily rate, half away from zero (half a day at 450.55 is
/// 225.28).
[[nodiscard]] std::int64_t daily_amount(std::int64_t billed_seconds, std::int64_t rate_minor,
                                        const Decimal& hours_per_day, const Decimal& day_step);

/// units × unit price, the units in thousandths ("2.5" tasks = 2500), half away from zero.
[[nodiscard]] std::int64_t unit_amount(std::int64_t units_milli, std::int64_t rate_minor);

/// What the billable, finished entries of one mission add up to.
struct BillableWork {
    std::int64_t entries = 0;          ///< how many there are
    std::int64_t rounded_seconds = 0;  ///< each entry's duration rounded by the rules, summed
    std::int64_t units_milli = 0;      ///< their units, in thousandths
};

/// What work is worth, as the invoice line that bills it (EN 16931: quantity × price).
struct WorkValue {
    std::int64_t quantity_milli = 0;  ///< hours, days or units, in thousandths; 1000 for a fixed price
    std::string_view unit_code;       ///< UN/ECE Recommendation 20: "HUR", "DAY" or "C62"
    std::string unit_name;            ///< what one unit is, for a unit mission ("task")
    std::int64_t amount_minor = 0;    ///< in minor units of the mission's currency
};

/// The one valuation of a mission's work, by billing mode (`switch`: a new mode is named
/// here): hourly, hours_milli(rounded_seconds) × rate; daily, day_steps × day_step days ×
/// rate; unit, units × price; fixed, one at the price (billed once: see fixed_price_due);
/// none, nullopt. `invoice new`, `report`, `missions` and `plan` all value work through it.
[[nodiscard]] std::optional<WorkValue> value_work(const Mission& mission, const BillableWork& work,
                                                  const BillingRules& rules);

/// Whether each entry may be an invoice line of its own (`invoice new --detail`): hourly
/// and unit work; days are counted in steps on the total, and a fixed price is one line.
[[nodiscard]] bool bills_per_entry(BillingMode mode);

/// A fixed price is due once the mission is done; under FirstWork, also once there is
/// billable work.
[[nodiscard]] bool fixed_price_due(const Mission& mission, const BillableWork& work, FixedPriceRule rule);

/// The part of a fixed price that `part_seconds` of work earn out of `spread_seconds`,
/// half away from zero; 0 without time on either side.
[[nodiscard]] std::int64_t fixed_price_share(std::int64_t price_minor, std::int64_t part_seconds,
                                             std::int64_t spread_seconds);

/// value_work's amount, for a fixed price once it is due (else 0); nullopt for none.
[[nodiscard]] std::optional<std::int64_t> billable_amount(const Mission& mission, const BillableWork& work,
                                                          const BillingRules& rules);

/// How much of the mission's budget is used, in whole percent rounded down (so that 100
/// means spent, not nearly spent): logged seconds over a time budget, `amount` over a money
/// budget. nullopt without a budget, or for a money budget when `amount` is nullopt.
[[nodiscard]] std::optional<std::int64_t> budget_used_percent(const Mission& mission, std::int64_t logged_seconds,
                                                              std::optional<std::int64_t> amount);

}  // namespace slash::domain
