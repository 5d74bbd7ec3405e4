#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace slash::domain {

/// Who pays (DESIGN.md §1). Empty strings mean "not given"; optional fields left empty
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
    /// Default billing for the client's missions: "hourly", "daily" or empty.
    std::string rate_mode;
    std::optional<std::int64_t> rate_minor;
    std::string notes;
    std::optional<std::int64_t> archived_at;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;

    [[nodiscard]] bool archived() const { return archived_at.has_value(); }
};

}  // namespace slash::domain
