#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// Late payment between professionals (code de commerce, art. L441-10 and D441-5): the
/// legal interest rate of each semester as data with its source, the penalties to date
/// and the fixed recovery indemnity (slash-invoice(1), "Reminders").
namespace slash::domain {

/// The legal interest rate for "tous les autres cas" (creditors acting for their
/// business) of one semester, as an arrêté of the minister of the economy sets it (code
/// monétaire et financier, art. L313-2 and D313-1-A).
struct LegalInterestRate {
    std::string_view from;  ///< first day, YYYY-MM-DD (1 January or 1 July)
    std::string_view to;    ///< last day, YYYY-MM-DD
    std::int64_t rate_milli = 0;  ///< percent × 1000: 2.62 % is 2620
    std::string_view source;  ///< the arrêté and its publication
};

/// Every semester slash knows, oldest first.
[[nodiscard]] const std::vector<LegalInterestRate>& legal_interest_rates();

/// The semester holding `date` (YYYY-MM-DD); nullopt when slash does not carry it.
[[nodiscard]] std::optional<LegalInterestRate> legal_interest_rate(std::string_view date);

/// The fixed recovery indemnity owed by a business buyer per late invoice (code de
/// commerce, art. D441-5): 40 EUR, in cents.
inline constexpr std::int64_t kRecoveryIndemnityMinor = 4000;

/// Penalties to date: `due_minor` × `rate_milli` / 100000 × `days` / 365, computed in one
/// wide product and rounded once, half away from zero, to the minor unit.
[[nodiscard]] std::int64_t late_penalty(std::int64_t due_minor, std::int64_t rate_milli, std::int64_t days);

}  // namespace slash::domain
