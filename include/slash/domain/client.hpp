#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/billing_mode.hpp"

namespace slash::domain {

/// Who pays (docs/contract.md §1). Empty strings mean "not given"; optional fields left empty
/// inherit the config default (terms from [invoice] due_days, language from
/// [invoice] language).
struct Client {
    std::int64_t id = 0;
    std::string handle;
    std::string name;
    /// "business" or "individual": French law asks more of invoices to businesses.
    std::string kind = "business";
    std::vector<std::string> address;
    std::string country = "FR";
    std::string siren;
    std::string siret;
    std::string vat_id;
    std::string email;
    std::string currency = "EUR";
    std::optional<std::int64_t> terms_days;
    std::optional<std::string> language;
    /// Default billing for the client's missions: Hourly, Daily, or nullopt for none.
    std::optional<BillingMode> rate_mode;
    std::optional<std::int64_t> rate_minor;
    /// The VAT regime of its invoices: "franchise", "standard", "reverse-charge" or
    /// "export"; nullopt: [tax] regime of the config. A mission may override it again.
    std::optional<std::string> vat_regime;
    /// The VAT rate under the standard regime, percent × 1000 (5.5 % = 5500); nullopt:
    /// [tax] vat_rate of the config. A mission may override it again.
    std::optional<std::int64_t> vat_rate_milli;
    /// The step billed durations are rounded to, 0 to 86400 seconds (0: none); nullopt:
    /// [time] rounding of the config.
    std::optional<std::int64_t> rounding_seconds;
    /// "up", "nearest" or "down"; nullopt: [time] rounding_mode of the config.
    std::optional<std::string> rounding_mode;
    std::string notes;
    std::optional<std::int64_t> archived_at;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;

    [[nodiscard]] bool archived() const { return archived_at.has_value(); }
};

}  // namespace slash::domain
