#include "slash/storage/entry_import.hpp"

#include <sqlite3.h>

#include <algorithm>

#include <fmt/format.h>

#include "column_codec.hpp"
#include "slash/domain/billing.hpp"
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
                 "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (uid) DO NOTHING"),
          rounding(connection,
                   "SELECT coalesce(c.rounding_seconds, r.step), coalesce(c.rounding_mode, r.mode) FROM missions m "
                   "JOIN clients c ON c.id = m.client_id JOIN unbilled_rule r ON r.id = 1 WHERE m.id = ?") {}
    SQLite::Statement uid;
    SQLite::Statement last_before;
    SQLite::Statement running;
    SQLite::Statement insert;
    SQLite::Statement rounding;
};

namespace {

constexpr int kCacheSize = -16384;  // KiB, as PRAGMA cache_size takes a negative number

// Statements are reused: each use starts from a clean, unbound state.
void rewind(SQLite::Statement& stmt) {
    stmt.reset();
    stmt.clearBindings();
}

// The mode as the view unbilled_entries (migration 6) reads the stored text, so that the
// sums written here equal those its trigger would have kept: the rule's is empty until it
// was first computed, and the view then goes up.
domain::RoundingMode rounding_mode_as_unbilled(const std::string& mode) {
    return mode.empty() ? domain::RoundingMode::Up : domain::parse_rounding_mode(mode);
}

}  // namespace

void EntryImport::prepare_connection(Database& db) {
    guarded(db, [&] {
        connection(db).exec(fmt::format("PRAGMA cache_size = {}", kCacheSize));
    });
}

EntryImport::EntryImport(Database& db)
    : db_(db), statements_(guarded(db, [&] { return std::make_unique<Statements>(connection(db)); })) {}

EntryImport::~EntryImport() = default;

// The triggers an insert into entries runs (migrations 2, 3 and 6): two keep the
// per-mission sums, which finish() writes instead; the third refuses an entry billed by
// an invoice that is not a draft, and an import never sets an entry's invoice.
void EntryImport::begin() {
    suspend("trigger", {"entries_totals_insert", "entries_unbilled_work_insert", "entries_invoice_exists_insert"});
    sums_kept_here_ = true;
    entries_before_ = guarded(db_, [&] { return connection(db_).execAndGet("SELECT coalesce(max(id), 0) FROM entries").getInt64(); });
}

void EntryImport::suspend(const char* type, std::initializer_list<const char*> names) {
    guarded(db_, [&] {
        auto& conn = connection(db_);
        // SQLite refuses to drop what a statement still reads.
        for (auto* stmt : {&statements_->uid, &statements_->last_before, &statements_->running,
                           &statements_->insert, &statements_->rounding}) {
            stmt->reset();
        }
        for (const char* name : names) {
            SQLite::Statement sql(conn, "SELECT sql FROM sqlite_master WHERE type = ? AND name = ?");
            sql.bind(1, type);
            sql.bind(2, name);
            if (!sql.executeStep()) continue;
            suspended_.push_back(sql.getColumn(0).getString());
            sql.reset();
            conn.exec(fmt::format("DROP {} {}", type, name));
        }
    });
}

void EntryImport::finish() {
    guarded(db_, [&] {
        auto& conn = connection(db_);
        SQLite::Statement totals(conn,
                                 "INSERT INTO mission_totals (mission_id, entries, logged_seconds) VALUES (?, ?, ?) "
                                 "ON CONFLICT (mission_id) DO UPDATE SET entries = entries + excluded.entries, "
                                 "logged_seconds = logged_seconds + excluded.logged_seconds");
        SQLite::Statement unbilled(
            conn,
            "INSERT INTO unbilled_work (mission_id, entries, rounded_seconds, units_milli) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (mission_id) DO UPDATE SET entries = entries + excluded.entries, "
            "rounded_seconds = rounded_seconds + excluded.rounded_seconds, "
            "units_milli = units_milli + excluded.units_milli");
        for (const auto& [mission_id, sums] : sums_) {
            rewind(totals);
            totals.bind(1, mission_id);
            totals.bind(2, sums.entries);
            totals.bind(3, sums.logged_seconds);
            totals.exec();
            if (sums.unbilled_entries == 0) continue;  // as the trigger, which adds a row for unbilled work only
            rewind(unbilled);
            unbilled.bind(1, mission_id);
            unbilled.bind(2, sums.unbilled_entries);
            unbilled.bind(3, sums.unbilled_rounded_seconds);
            unbilled.bind(4, sums.unbilled_units_milli);
            unbilled.exec();
        }
        sums_.clear();
        sums_kept_here_ = false;
        // An index build sorts in memory up to the page cache's size, then in temp files: the
        // cache's clean pages given back and a small cache for the builds keep the peak
        // under 30 MB.
        sqlite3_db_release_memory(conn.getHandle());
        conn.exec("PRAGMA cache_size = -1024");
        for (const auto& sql : suspended_) conn.exec(sql);
        conn.exec(fmt::format("PRAGMA cache_size = {}", kCacheSize));
        suspended_.clear();
    });
}

EntryImport::MissionSums& EntryImport::sums_of(std::int64_t mission_id) {
    auto [it, added] = sums_.try_emplace(mission_id);
    if (added) {
        auto& stmt = statements_->rounding;
        rewind(stmt);
        stmt.bind(1, mission_id);
        if (stmt.executeStep()) {
            it->second.rounding_step = stmt.getColumn(0).getInt64();
            it->second.rounding_mode = rounding_mode_as_unbilled(stmt.getColumn(1).getString());
        }
    }
    return it->second;
}

// What entries_totals_insert and entries_unbilled_work_insert add for the entry: every
// entry counts with its duration (a running one with none); finished billable work
// without an invoice is unbilled, rounded as its client's invoices round it.
void EntryImport::add_to_sums(const domain::Entry& entry) {
    MissionSums& sums = sums_of(entry.mission_id);
    ++sums.entries;
    if (!entry.end) return;
    const std::int64_t seconds = *entry.end - entry.start;
    sums.logged_seconds += seconds;
    if (!entry.billable) return;
    ++sums.unbilled_entries;
    // No step (or the rule never computed, -1) keeps the seconds as they are, as in the view.
    sums.unbilled_rounded_seconds +=
        sums.rounding_step <= 0 ? seconds : domain::round_duration(seconds, sums.rounding_step, sums.rounding_mode);
    sums.unbilled_units_milli += entry.units_milli.value_or(0);
}

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
        if (sums_kept_here_) add_to_sums(entry);
        // Entries the table did not have: the indexes nothing reads until finish() are
        // cheaper made again in one sorted pass than kept in step row by row.
        if (++inserted_ == std::max(kBulkEntries, entries_before_)) {
            suspend("index", {"entries_by_mission", "entries_unbilled"});
        }
        return connection(db_).getLastInsertRowid();
    });
}

}  // namespace slash::storage
