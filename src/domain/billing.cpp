#include "slash/domain/billing.hpp"

#include <stdexcept>
#include <string>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/wide.hpp"

// Products such as seconds × rate or seconds × two config denominators overflow int64 long
// before they stop making sense: every intermediate value is Wide (wide.hpp) and checked.
namespace slash::domain {
namespace {

constexpr int kMaxDigits = 9;
constexpr std::int64_t kSecondsPerHour = 3600;
constexpr std::int64_t kMilli = 1000;

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

}  // namespace

RoundingMode parse_rounding_mode(std::string_view text) {
    if (text == "up") return RoundingMode::Up;
    if (text == "nearest") return RoundingMode::Nearest;
    if (text == "down") return RoundingMode::Down;
    throw Error(ErrorKind::Usage, "invalid rounding mode " + quoted(text) + ": use up, nearest or down");
}

FixedPriceRule parse_fixed_price_rule(std::string_view text) {
    if (text == "completion") return FixedPriceRule::Completion;
    if (text == "first-work") return FixedPriceRule::FirstWork;
    throw Error(ErrorKind::Usage,
                "invalid invoice.fixed_price " + quoted(text) + ": use completion or first-work");
}

Decimal parse_decimal(std::string_view text, std::string_view what) {
    auto refuse = [&]() -> Decimal {
        throw Error(ErrorKind::Usage, "invalid " + std::string(what) + " " + quoted(text) +
                                          ": use a positive decimal number such as \"7\" or \"0.5\"");
    };
    auto dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    bool well_formed = !whole.empty() && whole.size() <= kMaxDigits && fraction.size() <= kMaxDigits &&
                       (dot == std::string_view::npos || !fraction.empty());
    if (!well_formed) return refuse();
    Decimal value;
    for (std::string_view part : {whole, fraction}) {
        for (char ch : part) {
            if (!is_digit(ch)) return refuse();
            value.numerator = value.numerator * 10 + (ch - '0');
        }
    }
    for (std::size_t i = 0; i < fraction.size(); ++i) value.denominator *= 10;
    if (value.numerator == 0) return refuse();
    return value;
}

std::int64_t round_duration(std::int64_t seconds, std::int64_t step, RoundingMode mode) {
    if (step < 0) throw std::invalid_argument("negative rounding step");
    if (step == 0) return seconds;
    Wide steps = 0;
    switch (mode) {
        case RoundingMode::Up: steps = divide_ceil(seconds, step); break;
        case RoundingMode::Down: steps = divide_floor(seconds, step); break;
        case RoundingMode::Nearest: steps = divide_half_away(seconds, step); break;
    }
    return narrow(multiply(steps, step));
}

std::int64_t hours_milli(std::int64_t seconds) { return narrow(divide_half_away(multiply(seconds, 10), 36)); }

std::int64_t hourly_amount(std::int64_t billed_seconds, std::int64_t rate_minor) {
    return narrow(divide_half_away(multiply(hours_milli(billed_seconds), rate_minor), 1000));
}

std::int64_t day_steps(std::int64_t billed_seconds, const Decimal& hours_per_day, const Decimal& day_step) {
    // seconds / (hours_per_day × 3600) days, over day_step days per step.
    Wide numerator = multiply(multiply(billed_seconds, hours_per_day.denominator), day_step.denominator);
    Wide denominator = multiply(multiply(hours_per_day.numerator, kSecondsPerHour), day_step.numerator);
    if (denominator <= 0) throw std::invalid_argument("hours_per_day and day_step must be positive");
    return narrow(divide_ceil(numerator, denominator));
}

std::int64_t daily_amount(std::int64_t billed_seconds, std::int64_t rate_minor, const Decimal& hours_per_day,
                          const Decimal& day_step) {
    Wide steps = day_steps(billed_seconds, hours_per_day, day_step);
    return narrow(divide_half_away(multiply(multiply(steps, day_step.numerator), rate_minor), day_step.denominator));
}

std::int64_t unit_amount(std::int64_t units_milli, std::int64_t rate_minor) {
    return narrow(divide_half_away(multiply(units_milli, rate_minor), kMilli));
}

std::optional<WorkValue> value_work(const Mission& mission, const BillableWork& work, const BillingRules& rules) {
    const std::int64_t rate = mission.rate_minor.value_or(0);
    switch (mission.billing) {
        case BillingMode::Hourly:
            return WorkValue{hours_milli(work.rounded_seconds), "HUR", "", hourly_amount(work.rounded_seconds, rate)};
        case BillingMode::Daily: {
            const std::int64_t steps = day_steps(work.rounded_seconds, rules.hours_per_day, rules.day_step);
            const std::int64_t days = narrow(
                divide_half_away(multiply(multiply(steps, rules.day_step.numerator), kMilli), rules.day_step.denominator));
            return WorkValue{days, "DAY", "",
                             daily_amount(work.rounded_seconds, rate, rules.hours_per_day, rules.day_step)};
        }
        case BillingMode::Unit:
            return WorkValue{work.units_milli, "C62", mission.unit_name, unit_amount(work.units_milli, rate)};
        case BillingMode::Fixed: return WorkValue{kMilli, "C62", "", rate};
        case BillingMode::None: return std::nullopt;
    }
    return std::nullopt;
}

bool bills_per_entry(BillingMode mode) {
    switch (mode) {
        case BillingMode::Hourly:
        case BillingMode::Unit: return true;
        case BillingMode::Daily:  // days are counted in steps on the total, never entry by entry
        case BillingMode::Fixed:  // one price for the whole mission
        case BillingMode::None: return false;
    }
    return false;
}

bool fixed_price_due(const Mission& mission, const BillableWork& work, FixedPriceRule rule) {
    if (!mission.open()) return true;
    switch (rule) {
    case FixedPriceRule::Completion:
        return false;
    case FixedPriceRule::FirstWork:
        return work.entries > 0;
    }
    return false;
}

std::int64_t fixed_price_share(std::int64_t price_minor, std::int64_t part_seconds, std::int64_t spread_seconds) {
    if (spread_seconds <= 0 || part_seconds <= 0) return 0;
    return narrow(divide_half_away(multiply(price_minor, part_seconds), spread_seconds));
}

std::optional<std::int64_t> billable_amount(const Mission& mission, const BillableWork& work,
                                            const BillingRules& rules) {
    const auto value = value_work(mission, work, rules);
    if (!value) return std::nullopt;
    if (mission.billing == BillingMode::Fixed && !fixed_price_due(mission, work, rules.fixed_price)) return 0;
    return value->amount_minor;
}

std::optional<std::int64_t> budget_used_percent(const Mission& mission, std::int64_t logged_seconds,
                                                std::optional<std::int64_t> amount) {
    if (mission.budget_seconds && *mission.budget_seconds > 0) {
        return narrow(divide_floor(multiply(logged_seconds, 100), *mission.budget_seconds));
    }
    if (mission.budget_minor && *mission.budget_minor > 0 && amount) {
        return narrow(divide_floor(multiply(*amount, 100), *mission.budget_minor));
    }
    return std::nullopt;
}

}  // namespace slash::domain
