#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/client.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// The client fields a command line can give; nullopt means "not given" (on `edit`:
/// unchanged). An empty string clears an optional field.
struct ClientChanges {
    std::optional<std::string> handle;  ///< rename (edit only)
    std::optional<std::string> name;
    std::optional<std::string> kind;
    std::optional<std::vector<std::string>> address;
    std::optional<std::string> country;
    std::optional<std::string> siren;  ///< SIREN or SIRET
    std::optional<std::string> siret;
    std::optional<std::string> vat_id;
    std::optional<std::string> email;
    std::optional<std::string> currency;
    std::optional<std::string> terms_days;  ///< days; empty: back to [invoice] due_days
    std::optional<std::string> language;    ///< empty: back to [invoice] language
    std::optional<std::string> hourly;  ///< default hourly rate, a decimal amount
    std::optional<std::string> daily;   ///< default daily rate
    bool clear_rate = false;
    std::optional<std::string> vat_regime;     ///< empty: back to [tax] regime
    std::optional<std::string> vat_rate;       ///< percent ("5.5"); empty: back to [tax] vat_rate
    std::optional<std::string> rounding;       ///< a DURATION or "0"; empty: back to [time] rounding
    std::optional<std::string> rounding_mode;  ///< up, nearest, down; empty: back to [time] rounding_mode
    std::optional<std::string> notes;

    /// True when no field was given (an `edit` with nothing to do).
    [[nodiscard]] bool empty() const;
};

/// `--vat-regime` as typed: nullopt for an empty value (inherit), else the regime when it
/// is franchise, standard, reverse-charge or export; anything else throws Error(Usage)
/// naming the value and the four regimes. Shared by clients and missions.
[[nodiscard]] std::optional<std::string> parse_vat_regime_flag(const std::string& text);

/// `--vat-rate` as typed: nullopt for an empty value (inherit), else percent × 1000 by
/// domain::parse_vat_rate, whose Error(Usage) names the value. Shared by clients and
/// missions.
[[nodiscard]] std::optional<std::int64_t> parse_vat_rate_flag(const std::string& text);

/// Refuses (Usage) a record whose own regime is standard with its own rate at 0 %: EN 16931
/// (BR-S-05) wants a standard rate above zero, and it is better said now than at issue time.
/// `what` names the record in the message ("client \"acme\"").
void check_vat_override(const std::optional<std::string>& regime, const std::optional<std::int64_t>& rate_milli,
                        const std::string& what);

/// Client use cases: each validates every value before writing anything and runs in one
/// write transaction.
class ClientService {
public:
    ClientService(storage::Database& db, std::int64_t now) : db_(db), now_(now) {}

    /// Creates the client and returns it. Usage errors name the bad value; a taken handle
    /// is a Conflict.
    domain::Client add(const std::string& handle, const ClientChanges& changes);
    domain::Client edit(const std::string& handle, const ClientChanges& changes);
    domain::Client set_archived(const std::string& handle, bool archived);
    /// Refuses (Conflict) while missions or invoices refer to the client.
    void remove(const std::string& handle);

    [[nodiscard]] std::vector<domain::Client> list(bool include_archived);
    [[nodiscard]] domain::Client show(const std::string& handle);

private:
    storage::Database& db_;
    std::int64_t now_;
};

}  // namespace slash::services
