#pragma once

#include <optional>
#include <string_view>

/// How a mission's work is billed (docs/contract.md §1). Parsed once where text enters (the
/// storage codec; the command line gives it as --hourly, --daily, --unit, --fixed or
/// --none) and handled with `switch` elsewhere, so that -Wswitch names every place a new
/// mode must be handled.
namespace slash::domain {

enum class BillingMode {
    None,    ///< the work is not billed
    Hourly,  ///< rounded hours × rate
    Daily,   ///< rounded steps of days × daily rate
    Unit,    ///< units × unit price
    Fixed,   ///< one price for the whole mission
};

/// "none", "hourly", "daily", "unit" or "fixed": the stored text, and what every output
/// shows.
[[nodiscard]] std::string_view to_text(BillingMode mode);

/// The mode a stored text names, nullopt for any other text.
[[nodiscard]] std::optional<BillingMode> billing_mode_from_text(std::string_view text);

}  // namespace slash::domain
