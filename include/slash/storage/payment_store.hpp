#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/invoice.hpp"

namespace slash::storage {

class Database;

/// Which payments a listing wants: dates are YYYY-MM-DD, both included; empty is open.
struct PaymentFilter {
    std::optional<std::int64_t> client_id;
    std::optional<std::int64_t> invoice_id;
    std::string from;
    std::string to;
};

/// Money received. Reads fill client_handle and invoice_number. Writes expect the caller's
/// transaction; the schema accepts payments of issued invoices only.
class PaymentStore {
public:
    explicit PaymentStore(Database& db) : db_(db) {}

    [[nodiscard]] std::optional<domain::Payment> find(std::int64_t id);
    /// By date, then id.
    [[nodiscard]] std::vector<domain::Payment> list(const PaymentFilter& filter);
    std::int64_t insert(const domain::Payment& payment);
    void remove(std::int64_t id);

private:
    Database& db_;
};

}  // namespace slash::storage
