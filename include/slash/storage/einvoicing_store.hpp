#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/einvoicing.hpp"

namespace slash::storage {

class Database;

/// Flows slash sent to the platform and the life-cycle statuses of invoices (migration 5).
/// Writes expect the caller's transaction.
class EinvoicingStore {
public:
    explicit EinvoicingStore(Database& db) : db_(db) {}

    /// The flow that sent this invoice, if any.
    [[nodiscard]] std::optional<domain::EinvoicingFlow> invoice_flow(std::int64_t invoice_id);
    [[nodiscard]] std::optional<domain::EinvoicingFlow> find_tracking(const std::string& tracking_id);
    /// Status messages waiting to be sent, oldest first.
    [[nodiscard]] std::vector<domain::EinvoicingFlow> queued();
    /// Sent flows whose acknowledgement is not final (Pending or unknown).
    [[nodiscard]] std::vector<domain::EinvoicingFlow> unacknowledged();
    std::int64_t insert_flow(const domain::EinvoicingFlow& flow);
    /// A queued flow sent, or a sent flow's acknowledgement learnt; the content is dropped.
    void update_flow(const domain::EinvoicingFlow& flow);
    /// Stores the status unless the same (source, invoice, code) is already there; true when
    /// it was new.
    bool insert_status(const domain::InvoiceStatus& status);
    /// An invoice's statuses by time.
    [[nodiscard]] std::vector<domain::InvoiceStatus> statuses(std::int64_t invoice_id);
    /// The latest status of every invoice that has one, by invoice id.
    [[nodiscard]] std::map<std::int64_t, domain::InvoiceStatus> latest_statuses();
    /// The updatedAfter of the next search (the platform's time), empty before the first sync.
    [[nodiscard]] std::string sync_cursor();
    void set_sync_cursor(const std::string& updated_after, std::int64_t now);
    /// The electronic address the directory gave for a client.
    [[nodiscard]] std::optional<std::string> client_address(std::int64_t client_id);
    void set_client_address(std::int64_t client_id, const std::string& address, std::int64_t now);

private:
    Database& db_;
};

}  // namespace slash::storage
