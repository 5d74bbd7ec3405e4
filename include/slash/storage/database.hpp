#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

namespace SQLite {
class Transaction;
}

namespace slash::storage {

/// One schema step: applied with its `user_version` bump in a single transaction.
struct Migration {
    int version;
    std::string_view sql;
};

/// The migrations of this program, oldest first (src/storage/migrations.cpp).
[[nodiscard]] std::span<const Migration> builtin_migrations();
/// The schema version this program writes: the last builtin migration's.
[[nodiscard]] int latest_schema_version();

struct OpenOptions {
    /// Create missing parent directories (0700). Only for the default XDG location: an
    /// explicit path in a missing directory is more likely a typo than a wish.
    bool create_parent_directories = false;
    /// Tests inject failing or extra migrations here.
    std::span<const Migration> migrations = builtin_migrations();
};

/// The SQLite file of slash. Opening creates it (0600) when missing, refuses a file that
/// is not a slash database or has a newer schema without writing to it, sets the pragmas
/// of docs/contract.md §7 and applies pending migrations.
class Database {
public:
    [[nodiscard]] static Database open(const std::filesystem::path& path,
                                       const OpenOptions& options = {});
    /// For shell completion: never creates, migrates or writes; nullopt when the file is
    /// absent, unreadable, or not at the schema version this program reads.
    [[nodiscard]] static std::optional<Database> open_read_only(const std::filesystem::path& path);

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    [[nodiscard]] const std::filesystem::path& path() const;
    [[nodiscard]] int schema_version();
    /// The value of a connection setting such as "synchronous" or "busy_timeout", for
    /// diagnostics and tests; `name` must be one of the pragmas slash sets.
    [[nodiscard]] std::int64_t pragma(std::string_view name);

    struct Impl;
    /// Storage-internal access to the connection (src/storage only).
    [[nodiscard]] Impl& impl() { return *impl_; }

private:
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// RAII write transaction (BEGIN IMMEDIATE, so concurrent writers queue on the busy
/// timeout instead of failing when they upgrade a read lock). Rolls back unless
/// `commit()` was called. SQLiteCpp's own transaction, with slash's errors.
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db);
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    ~WriteTransaction();
    void commit();

private:
    Database& db_;
    std::unique_ptr<SQLite::Transaction> transaction_;
};

}  // namespace slash::storage
