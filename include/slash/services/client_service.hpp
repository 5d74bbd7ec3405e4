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
    std::optional<std::string> notes;

    /// True when no field was given (an `edit` with nothing to do).
    [[nodiscard]] bool empty() const;
};

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
