#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slash/domain/client.hpp"

namespace slash::storage {

class Database;

/// Clients in the database. Lookups by handle; writes expect the caller's transaction.
class ClientStore {
public:
    explicit ClientStore(Database& db) : db_(db) {}

    [[nodiscard]] std::optional<domain::Client> find(std::string_view handle);
    /// Throws NotFound naming the handle, with the closest existing handle as a hint.
    [[nodiscard]] domain::Client get(std::string_view handle);
    /// Ordered by handle; archived ones only when asked.
    [[nodiscard]] std::vector<domain::Client> list(bool include_archived);
    [[nodiscard]] std::vector<std::string> handles();

    /// Inserts and returns the new id; a taken handle throws Conflict.
    std::int64_t insert(const domain::Client& client);
    /// Replaces every field of the client with this id (handle included).
    void update(const domain::Client& client);
    void remove(std::int64_t id);
    /// What still refers to the client, for the refusal message ("2 missions and 1
    /// payment": missions, invoices, payments); empty when it can be removed.
    [[nodiscard]] std::string dependents(std::int64_t id);

private:
    Database& db_;
};

}  // namespace slash::storage
