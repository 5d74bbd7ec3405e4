#pragma once

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

}  // namespace slash::storage
