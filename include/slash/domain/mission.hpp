#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/billing_mode.hpp"
#include "slash/domain/mission_status.hpp"

namespace slash::domain {

/// A piece of work for one client, addressed as `client/mission` (docs/contract.md §1).
struct Mission {
    std::int64_t id = 0;
    std::int64_t client_id = 0;
    std::string client_handle;  ///< filled by reads, for display and messages
    std::string handle;
    std::string title;
    BillingMode billing = BillingMode::None;
    /// Per hour, per day, per unit, or the fixed price, in minor units of `currency`;
    /// nullopt for BillingMode::None.
    std::optional<std::int64_t> rate_minor;
    std::string currency = "EUR";
    /// What one unit is ("task", "word"), for unit missions.
    std::string unit_name;
    /// A budget in time or in money, never both.
    std::optional<std::int64_t> budget_seconds;
    std::optional<std::int64_t> budget_minor;
    std::optional<std::int64_t> estimate_seconds;
    std::string start_date;  ///< YYYY-MM-DD or empty
    std::string due_date;    ///< YYYY-MM-DD or empty
    std::vector<std::string> tags;
    /// The VAT regime of its invoice lines ("franchise", "standard", "reverse-charge" or
    /// "export"); nullopt: inherit the client's, then [tax] regime of the config.
    std::optional<std::string> vat_regime;
    /// The VAT rate under the standard regime, percent × 1000 (5.5 % = 5500); nullopt:
    /// inherit the client's, then [tax] vat_rate of the config.
    std::optional<std::int64_t> vat_rate_milli;
    /// The URSSAF activity of its turnover ("bnc", "bic-services" or "bic-sales"); nullopt:
    /// [urssaf] activity of the config.
    std::optional<std::string> activity;
    /// Every status but Done is open.
    MissionStatus status = MissionStatus::Active;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;

    [[nodiscard]] std::string address() const { return client_handle + "/" + handle; }
    [[nodiscard]] bool open() const { return status != MissionStatus::Done; }
};

}  // namespace slash::domain
