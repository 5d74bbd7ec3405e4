#include "slash/storage/einvoicing_store.hpp"

#include "column_codec.hpp"
#include "sqlite_access.hpp"

namespace slash::storage {

namespace {

constexpr const char* kFlowColumns =
    "SELECT id, invoice_id, payment_id, kind, tracking_id, flow_id, syntax, file_name, sha256, content, ack_status, "
    "ack_details, submitted_at, created_at FROM einvoicing_flows ";

domain::EinvoicingFlow read_flow(SQLite::Statement& row) {
    domain::EinvoicingFlow f;
    f.id = row.getColumn(0).getInt64();
    f.invoice_id = row.getColumn(1).getInt64();
    f.payment_id = optional_int(row.getColumn(2));
    f.kind = row.getColumn(3).getString() == "status" ? domain::FlowKind::Status : domain::FlowKind::Invoice;
    f.tracking_id = row.getColumn(4).getString();
    f.flow_id = row.getColumn(5).isNull() ? "" : row.getColumn(5).getString();
    f.syntax = row.getColumn(6).getString();
    f.file_name = row.getColumn(7).getString();
    f.sha256 = row.getColumn(8).getString();
    if (!row.getColumn(9).isNull()) {
        const auto& column = row.getColumn(9);
        f.content.assign(static_cast<const char*>(column.getBlob()), static_cast<std::size_t>(column.getBytes()));
    }
    f.ack_status = row.getColumn(10).getString();
    f.ack_details = row.getColumn(11).getString();
    f.submitted_at = optional_int(row.getColumn(12));
    f.created_at = row.getColumn(13).getInt64();
    return f;
}

std::vector<domain::EinvoicingFlow> flows_where(Database& db, const std::string& where,
                                                const std::optional<std::string>& value = std::nullopt) {
    return guarded(db, [&] {
        SQLite::Statement stmt(connection(db), std::string(kFlowColumns) + where);
        if (value) stmt.bind(1, *value);
        std::vector<domain::EinvoicingFlow> flows;
        while (stmt.executeStep()) flows.push_back(read_flow(stmt));
        return flows;
    });
}

constexpr const char* kStatusColumns =
    "SELECT id, invoice_id, code, label, status_at, reason, amount_minor, currency, origin, source, recorded_at "
    "FROM einvoicing_statuses ";

domain::InvoiceStatus read_status(SQLite::Statement& row) {
    domain::InvoiceStatus s;
    s.id = row.getColumn(0).getInt64();
    s.invoice_id = row.getColumn(1).getInt64();
    s.code = row.getColumn(2).getString();
    s.label = row.getColumn(3).getString();
    s.at = row.getColumn(4).getInt64();
    s.reason = row.getColumn(5).getString();
    s.amount_minor = optional_int(row.getColumn(6));
    s.currency = row.getColumn(7).getString();
    s.origin = row.getColumn(8).getString() == "slash" ? domain::StatusOrigin::Slash : domain::StatusOrigin::Platform;
    s.source = row.getColumn(9).getString();
    s.recorded_at = row.getColumn(10).getInt64();
    return s;
}

}  // namespace

std::optional<domain::EinvoicingFlow> EinvoicingStore::invoice_flow(std::int64_t invoice_id) {
    auto flows = flows_where(db_, "WHERE kind = 'invoice' AND invoice_id = ?", std::to_string(invoice_id));
    if (flows.empty()) return std::nullopt;
    return flows.front();
}

std::optional<domain::EinvoicingFlow> EinvoicingStore::find_tracking(const std::string& tracking_id) {
    auto flows = flows_where(db_, "WHERE tracking_id = ?", tracking_id);
    if (flows.empty()) return std::nullopt;
    return flows.front();
}

std::vector<domain::EinvoicingFlow> EinvoicingStore::queued() {
    return flows_where(db_, "WHERE flow_id IS NULL ORDER BY id");
}

std::vector<domain::EinvoicingFlow> EinvoicingStore::unacknowledged() {
    return flows_where(db_, "WHERE flow_id IS NOT NULL AND ack_status IN ('', 'Pending') ORDER BY id");
}

std::int64_t EinvoicingStore::insert_flow(const domain::EinvoicingFlow& f) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "INSERT INTO einvoicing_flows (invoice_id, payment_id, kind, tracking_id, flow_id, syntax, "
                               "file_name, sha256, content, ack_status, ack_details, submitted_at, created_at) "
                               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        stmt.bind(1, f.invoice_id);
        bind_optional(stmt, 2, f.payment_id);
        stmt.bind(3, f.kind == domain::FlowKind::Status ? "status" : "invoice");
        stmt.bind(4, f.tracking_id);
        if (f.flow_id.empty()) {
            stmt.bind(5);
        } else {
            stmt.bind(5, f.flow_id);
        }
        stmt.bind(6, f.syntax);
        stmt.bind(7, f.file_name);
        stmt.bind(8, f.sha256);
        if (f.content.empty() || !f.flow_id.empty()) {
            stmt.bind(9);
        } else {
            stmt.bind(9, f.content.data(), static_cast<int>(f.content.size()));
        }
        stmt.bind(10, f.ack_status);
        stmt.bind(11, f.ack_details);
        bind_optional(stmt, 12, f.submitted_at);
        stmt.bind(13, f.created_at);
        stmt.exec();
        return connection(db_).getLastInsertRowid();
    });
}

void EinvoicingStore::update_flow(const domain::EinvoicingFlow& f) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "UPDATE einvoicing_flows SET flow_id = ?, submitted_at = ?, ack_status = ?, "
                               "ack_details = ?, content = NULL WHERE id = ?");
        stmt.bind(1, f.flow_id);
        bind_optional(stmt, 2, f.submitted_at);
        stmt.bind(3, f.ack_status);
        stmt.bind(4, f.ack_details);
        stmt.bind(5, f.id);
        stmt.exec();
    });
}

bool EinvoicingStore::insert_status(const domain::InvoiceStatus& s) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "INSERT OR IGNORE INTO einvoicing_statuses (invoice_id, code, label, status_at, reason, "
                               "amount_minor, currency, origin, source, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
        stmt.bind(1, s.invoice_id);
        stmt.bind(2, s.code);
        stmt.bind(3, s.label);
        stmt.bind(4, s.at);
        stmt.bind(5, s.reason);
        bind_optional(stmt, 6, s.amount_minor);
        stmt.bind(7, s.currency);
        stmt.bind(8, s.origin == domain::StatusOrigin::Slash ? "slash" : "platform");
        stmt.bind(9, s.source);
        stmt.bind(10, s.recorded_at);
        return stmt.exec() == 1;
    });
}

std::vector<domain::InvoiceStatus> EinvoicingStore::statuses(std::int64_t invoice_id) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), std::string(kStatusColumns) +
                                                    "WHERE invoice_id = ? ORDER BY status_at, id");
        stmt.bind(1, invoice_id);
        std::vector<domain::InvoiceStatus> list;
        while (stmt.executeStep()) list.push_back(read_status(stmt));
        return list;
    });
}

std::map<std::int64_t, domain::InvoiceStatus> EinvoicingStore::latest_statuses() {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), std::string(kStatusColumns) + "ORDER BY invoice_id, status_at, id");
        std::map<std::int64_t, domain::InvoiceStatus> latest;
        while (stmt.executeStep()) {
            auto status = read_status(stmt);
            latest[status.invoice_id] = std::move(status);
        }
        return latest;
    });
}

std::string EinvoicingStore::sync_cursor() {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "SELECT updated_after FROM einvoicing_sync WHERE id = 1");
        return stmt.executeStep() ? stmt.getColumn(0).getString() : std::string();
    });
}

void EinvoicingStore::set_sync_cursor(const std::string& updated_after, std::int64_t now) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "INSERT INTO einvoicing_sync (id, updated_after, synced_at) VALUES (1, ?, ?) "
                               "ON CONFLICT (id) DO UPDATE SET updated_after = excluded.updated_after, "
                               "synced_at = excluded.synced_at");
        stmt.bind(1, updated_after);
        stmt.bind(2, now);
        stmt.exec();
    });
}

std::optional<std::string> EinvoicingStore::client_address(std::int64_t client_id) {
    return guarded(db_, [&]() -> std::optional<std::string> {
        SQLite::Statement stmt(connection(db_), "SELECT address FROM client_einvoicing WHERE client_id = ?");
        stmt.bind(1, client_id);
        if (!stmt.executeStep()) return std::nullopt;
        return stmt.getColumn(0).getString();
    });
}

void EinvoicingStore::set_client_address(std::int64_t client_id, const std::string& address, std::int64_t now) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "INSERT INTO client_einvoicing (client_id, address, looked_up_at) VALUES (?, ?, ?) "
                               "ON CONFLICT (client_id) DO UPDATE SET address = excluded.address, "
                               "looked_up_at = excluded.looked_up_at");
        stmt.bind(1, client_id);
        stmt.bind(2, address);
        stmt.bind(3, now);
        stmt.exec();
    });
}

}  // namespace slash::storage
