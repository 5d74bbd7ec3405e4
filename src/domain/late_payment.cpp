#include "slash/domain/late_payment.hpp"

#include <algorithm>

#include "slash/domain/wide.hpp"

namespace slash::domain {

// Only semesters whose arrêté could be cited are carried; a reminder dated in another
// semester refuses and asks for [invoice] late_rate rather than guess a rate.
const std::vector<LegalInterestRate>& legal_interest_rates() {
    static const std::vector<LegalInterestRate> rates{
        {"2025-01-01", "2025-06-30", 3710, "arrêté du 17 décembre 2024"},
        {"2025-07-01", "2025-12-31", 2760, "arrêté du 19 juin 2025, JORF du 24 juin 2025"},
        {"2026-01-01", "2026-06-30", 2620, "arrêté du 15 décembre 2025, JORF du 26 décembre 2025"},
    };
    return rates;
}

std::optional<LegalInterestRate> legal_interest_rate(std::string_view date) {
    // Dates are YYYY-MM-DD, so text order is date order.
    const auto& rates = legal_interest_rates();
    auto found = std::find_if(rates.begin(), rates.end(),
                              [&](const LegalInterestRate& r) { return r.from <= date && date <= r.to; });
    if (found == rates.end()) return std::nullopt;
    return *found;
}

std::int64_t late_penalty(std::int64_t due_minor, std::int64_t rate_milli, std::int64_t days) {
    static constexpr Figure kPenalty{"the late-payment penalty", "minor units"};
    // A rate of 100 % is 100000 thousandths of a percent; a year of penalties is 365 days
    // (the usual commercial reading of an annual rate).
    Wide numerator = multiply(multiply(due_minor, rate_milli, kPenalty), days, kPenalty);
    return narrow(divide_half_away(numerator, Wide{100000} * 365), kPenalty);
}

}  // namespace slash::domain
