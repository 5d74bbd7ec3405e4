#include "slash/storage/entry_store.hpp"

#include <fmt/format.h>

#include "column_codec.hpp"
#include "sqlite_access.hpp"

namespace slash::storage {

namespace {

// Every read joins the mission and client handles so that views can name the mission.
// CROSS JOIN keeps entries as the outer loop: every query here narrows entries through
// one of their indexes, and left to itself the planner sometimes starts from the 50
// clients and walks every mission's entries instead (a full scan at a million rows).
constexpr const char* kSelect =
    "SELECT e.id, e.uid, e.mission_id, c.handle || '/' || m.handle, e.start_at, e.end_at, e.note, e.tags, "
    "e.units_milli, e.billable, e.created_at, e.updated_at, e.invoice_id "
    "FROM entries e CROSS JOIN missions m ON m.id = e.mission_id CROSS JOIN clients c ON c.id = m.client_id ";

domain::Entry read_entry(SQLite::Statement& row) {
    domain::Entry e;
    e.id = row.getColumn(0).getInt64();
    e.uid = row.getColumn(1).getString();
    e.mission_id = row.getColumn(2).getInt64();
    e.mission_address = row.getColumn(3).getString();
    e.start = row.getColumn(4).getInt64();
    if (!row.getColumn(5).isNull()) e.end = row.getColumn(5).getInt64();
    e.note = row.getColumn(6).getString();
    e.tags = split_tags(row.getColumn(7).getString());
    if (!row.getColumn(8).isNull()) e.units_milli = row.getColumn(8).getInt64();
    e.billable = row.getColumn(9).getInt() != 0;
    e.created_at = row.getColumn(10).getInt64();
    e.updated_at = row.getColumn(11).getInt64();
    e.invoice_id = optional_int(row.getColumn(12));
    return e;
}

std::vector<domain::Entry> read_all(SQLite::Statement& stmt) {
    std::vector<domain::Entry> entries;
    while (stmt.executeStep()) entries.push_back(read_entry(stmt));
    return entries;
}

std::optional<domain::Entry> read_one(SQLite::Statement& stmt) {
    if (!stmt.executeStep()) return std::nullopt;
    return read_entry(stmt);
}

}  // namespace

std::optional<domain::Entry> EntryStore::find(std::int64_t id) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), std::string(kSelect) + "WHERE e.id = ?");
        stmt.bind(1, id);
        return read_one(stmt);
    });
}

domain::Entry EntryStore::get(std::int64_t id) {
    if (auto entry = find(id)) return *entry;
    throw Error(ErrorKind::NotFound, fmt::format("unknown entry \"{}\"; see \"slash entry list\"", id));
}

std::optional<domain::Entry> EntryStore::running() {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), std::string(kSelect) + "WHERE e.end_at IS NULL");
        return read_one(stmt);
    });
}

std::optional<domain::Entry> EntryStore::latest() {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), std::string(kSelect) + "ORDER BY e.start_at DESC LIMIT 1");
        return read_one(stmt);
    });
}

std::vector<domain::Entry> EntryStore::latest_entries(std::size_t limit) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), std::string(kSelect) + "ORDER BY e.start_at DESC LIMIT ?");
        stmt.bind(1, static_cast<std::int64_t>(limit));
        return read_all(stmt);
    });
}

std::optional<domain::Entry> EntryStore::overlapping(std::int64_t start, std::optional<std::int64_t> end,
                                                     std::optional<std::int64_t> except, std::int64_t now) {
    return guarded(db_, [&]() -> std::optional<domain::Entry> {
        // The last entry starting before the new end: if anything overlaps, it does.
        std::string sql = std::string(kSelect) + "WHERE e.id != ? ";
        if (end) sql += "AND e.start_at < ? ";
        sql += "ORDER BY e.start_at DESC LIMIT 1";
        SQLite::Statement stmt(connection(db_), sql);
        stmt.bind(1, except.value_or(0));
        if (end) stmt.bind(2, *end);
        auto candidate = read_one(stmt);
        if (!candidate) return std::nullopt;
        std::int64_t candidate_end = domain::occupied_until(candidate->start, candidate->end, now);
        if (candidate_end > start) return candidate;
        return std::nullopt;
    });
}

std::optional<std::int64_t> EntryStore::last_end_between(std::int64_t from, std::int64_t to) {
    return guarded(db_, [&]() -> std::optional<std::int64_t> {
        // The latest end among the day's finished entries (a running timer has none).
        SQLite::Statement stmt(connection(db_),
                               "SELECT max(end_at) FROM entries WHERE start_at >= ? AND start_at < ? "
                               "AND end_at IS NOT NULL");
        stmt.bind(1, from);
        stmt.bind(2, to);
        if (!stmt.executeStep() || stmt.getColumn(0).isNull()) return std::nullopt;
        return stmt.getColumn(0).getInt64();
    });
}

namespace {

// The statement of a filtered listing, bound, rows by start.
SQLite::Statement listing(Database& db, const EntryFilter& filter) {
    std::string sql = std::string(kSelect) + "WHERE e.start_at >= ? AND e.start_at < ? ";
    if (filter.client_id) sql += "AND m.client_id = ? ";
    if (filter.mission_id) sql += "AND e.mission_id = ? ";
    if (filter.tag) sql += "AND instr(e.tags, ?) > 0 ";
    if (filter.unbilled_only || filter.unreserved_only) sql += "AND e.billable = 1 AND e.invoice_id IS NULL ";
    // A fixed price on an invoice covers all its mission's work, before and after.
    if (filter.unbilled_only) {
        sql += "AND NOT (m.billing = 'fixed' AND " + price_on_invoice_sql("e.mission_id") + ") ";
    }
    sql += "ORDER BY e.start_at";
    SQLite::Statement stmt(connection(db), sql);
    int index = 1;
    stmt.bind(index++, filter.from);
    stmt.bind(index++, filter.to);
    if (filter.client_id) stmt.bind(index++, *filter.client_id);
    if (filter.mission_id) stmt.bind(index++, *filter.mission_id);
    // Stored tags are " a b ": " tag " matches one whole tag, case and all.
    if (filter.tag) stmt.bind(index++, " " + *filter.tag + " ");
    return stmt;
}

}  // namespace

std::vector<domain::Entry> EntryStore::list(const EntryFilter& filter) {
    return guarded(db_, [&] {
        SQLite::Statement stmt = listing(db_, filter);
        return read_all(stmt);
    });
}

void EntryStore::each(const EntryFilter& filter, const std::function<void(const domain::Entry&)>& visit) {
    guarded(db_, [&] {
        SQLite::Statement stmt = listing(db_, filter);
        while (stmt.executeStep()) visit(read_entry(stmt));
    });
}

std::vector<domain::Entry> EntryStore::billed_by(std::int64_t invoice_id) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), std::string(kSelect) + "WHERE e.invoice_id = ? ORDER BY e.start_at");
        stmt.bind(1, invoice_id);
        return read_all(stmt);
    });
}

std::vector<domain::Entry> EntryStore::touching(std::int64_t from, std::int64_t to) {
    return guarded(db_, [&] {
        // An entry lasts at most 24 h, so one starting a day before `from` is the earliest
        // that can reach into the range: the index range stays bounded.
        SQLite::Statement stmt(connection(db_),
                               std::string(kSelect) +
                                   "WHERE e.start_at >= ? AND e.start_at < ? AND (e.end_at IS NULL OR e.end_at > ?) "
                                   "ORDER BY e.start_at");
        stmt.bind(1, from - 86400);
        stmt.bind(2, to);
        stmt.bind(3, from);
        return read_all(stmt);
    });
}

std::int64_t EntryStore::insert(const domain::Entry& entry) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "INSERT INTO entries (uid, mission_id, start_at, end_at, note, tags, units_milli, "
                               "billable, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
        bind_entry_fields(stmt, entry);
        stmt.exec();
        return connection(db_).getLastInsertRowid();
    });
}

void EntryStore::update(const domain::Entry& entry) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "UPDATE entries SET uid=?, mission_id=?, start_at=?, end_at=?, note=?, tags=?, "
                               "units_milli=?, billable=?, created_at=?, updated_at=? WHERE id=?");
        bind_entry_fields(stmt, entry);
        stmt.bind(11, entry.id);
        stmt.exec();
    });
}

void EntryStore::remove(std::int64_t id) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "DELETE FROM entries WHERE id = ?");
        stmt.bind(1, id);
        stmt.exec();
    });
}

}  // namespace slash::storage
