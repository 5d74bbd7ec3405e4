#pragma once

#include <string>
#include <string_view>

// Storage-internal: the SQLiteCpp connection behind a Database, and the one place where
// SQLite's exceptions become slash::Error.

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <utility>

#include "slash/domain/error.hpp"
#include "slash/storage/database.hpp"

namespace slash::storage {

struct Database::Impl {
    std::filesystem::path path;
    SQLite::Database connection;
};

inline SQLite::Database& connection(Database& db) { return db.impl().connection; }

/// Maps a SQLite failure to the slash::Error a user can act on (locked, read-only, full
/// disk, corrupt file), naming the database path.
[[noreturn]] void throw_storage_error(const SQLite::Exception& e, const std::filesystem::path& path);

/// Runs `action`, translating SQLite exceptions at the storage boundary.
template <class Action>
decltype(auto) guarded(Database& db, Action&& action) {
    try {
        return std::forward<Action>(action)();
    } catch (const SQLite::Exception& e) {
        throw_storage_error(e, db.path());
    }
}

/// SQL true when an invoice, draft or issued (not cancelled, not a credit note), has a line
/// for the mission `mission_id` names (a column or `?`): a fixed price on it is billed, and
/// with it all the mission's work (slash-report(1), "Billed and unbilled").
inline std::string price_on_invoice_sql(std::string_view mission_id) {
    return "EXISTS (SELECT 1 FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE l.mission_id = " +
           std::string(mission_id) + " AND i.kind = 'invoice' AND i.status <> 'cancelled')";
}

}  // namespace slash::storage
