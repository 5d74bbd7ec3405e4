#include "slash/storage/entry_import.hpp"

#include "column_codec.hpp"
#include "sqlite_access.hpp"

namespace slash::storage {

struct EntryImport::Statements {
    explicit Statements(SQLite::Database& connection)
        : uid(connection, "SELECT id FROM entries WHERE uid = ?"),
          last_before(connection,
                      "SELECT id, start_at, end_at, uid FROM entries WHERE start_at < ? ORDER BY start_at DESC LIMIT 1"),
          running(connection, "SELECT 1 FROM entries WHERE end_at IS NULL"),
          insert(connection,
                 "INSERT INTO entries (uid, mission_id, start_at, end_at, note, tags, units_milli, billable, "
                 "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (uid) DO NOTHING") {}
    SQLite::Statement uid;
    SQLite::Statement last_before;
    SQLite::Statement running;
    SQLite::Statement insert;
};

namespace {

// Statements are reused: each use starts from a clean, unbound state.
void rewind(SQLite::Statement& stmt) {
    stmt.reset();
    stmt.clearBindings();
}

}  // namespace

void EntryImport::prepare_connection(Database& db) {
    guarded(db, [&] {
        connection(db).exec("PRAGMA temp_store = MEMORY");
        connection(db).exec("PRAGMA cache_size = -16384");
    });
}

EntryImport::EntryImport(Database& db)
    : db_(db), statements_(guarded(db, [&] { return std::make_unique<Statements>(connection(db)); })) {}

EntryImport::~EntryImport() = default;

std::int64_t EntryImport::highest_id() {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "SELECT coalesce(max(id), 0) FROM entries");
        stmt.executeStep();
        return stmt.getColumn(0).getInt64();
    });
}

std::optional<std::int64_t> EntryImport::id_of_uid(const std::string& uid) {
    return guarded(db_, [&]() -> std::optional<std::int64_t> {
        auto& stmt = statements_->uid;
        rewind(stmt);
        stmt.bind(1, uid);
        if (!stmt.executeStep()) return std::nullopt;
        return stmt.getColumn(0).getInt64();
    });
}

std::optional<EntryImport::Neighbour> EntryImport::overlapping(std::int64_t start, std::int64_t end,
                                                                std::int64_t now) {
    return guarded(db_, [&]() -> std::optional<Neighbour> {
        auto& stmt = statements_->last_before;
        rewind(stmt);
        stmt.bind(1, end);
        if (!stmt.executeStep()) return std::nullopt;
        const std::int64_t candidate_end =
            domain::occupied_until(stmt.getColumn(1).getInt64(), optional_int(stmt.getColumn(2)), now);
        if (candidate_end > start) return Neighbour{stmt.getColumn(0).getInt64(), stmt.getColumn(3).getString()};
        return std::nullopt;
    });
}

std::optional<std::int64_t> EntryImport::latest_end(std::int64_t now) {
    return guarded(db_, [&]() -> std::optional<std::int64_t> {
        SQLite::Statement stmt(connection(db_), "SELECT start_at, end_at FROM entries ORDER BY start_at DESC LIMIT 1");
        if (!stmt.executeStep()) return std::nullopt;
        return domain::occupied_until(stmt.getColumn(0).getInt64(), optional_int(stmt.getColumn(1)), now);
    });
}

bool EntryImport::timer_running() {
    return guarded(db_, [&] {
        auto& stmt = statements_->running;
        rewind(stmt);
        return stmt.executeStep();
    });
}

std::optional<std::int64_t> EntryImport::insert_if_new(const domain::Entry& entry) {
    return guarded(db_, [&]() -> std::optional<std::int64_t> {
        auto& stmt = statements_->insert;
        rewind(stmt);
        // The texts outlive the statement's run: bound without SQLite's copy of each.
        const std::string tags = join_tags(entry.tags);
        bind_entry_numbers(stmt, entry);
        stmt.bindNoCopy(1, entry.uid);
        stmt.bindNoCopy(5, entry.note);
        stmt.bindNoCopy(6, tags);
        if (stmt.exec() == 0) return std::nullopt;
        return connection(db_).getLastInsertRowid();
    });
}

}  // namespace slash::storage
