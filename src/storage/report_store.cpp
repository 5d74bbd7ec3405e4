#include "slash/storage/report_store.hpp"

#include <sqlite3.h>

#include <memory>
#include <string>

#include "sqlite_access.hpp"

namespace slash::storage {

std::unordered_map<std::int64_t, MissionFacts> ReportStore::mission_facts() {
    return guarded(db_, [&] {
        // mission_totals holds the finished seconds of each mission; the EXISTS is one seek
        // in invoice_lines_by_mission per mission, then one primary-key read per line.
        SQLite::Statement stmt(connection(db_),
                               "SELECT m.id, coalesce(t.logged_seconds, 0), " + price_on_invoice_sql("m.id") +
                                   " FROM missions m LEFT JOIN mission_totals t ON t.mission_id = m.id");
        std::unordered_map<std::int64_t, MissionFacts> facts;
        while (stmt.executeStep()) {
            facts[stmt.getColumn(0).getInt64()] = {stmt.getColumn(1).getInt64(), stmt.getColumn(2).getInt() != 0};
        }
        return facts;
    });
}

void ReportStore::scan_entries(std::int64_t from, std::int64_t to, std::optional<std::int64_t> client_id,
                               bool with_tags, const std::function<void(const ReportEntry&)>& visit) {
    guarded(db_, [&] {
        // INDEXED BY: a range on start_at is the one selective condition; the client's
        // missions are a small set looked up per row, never the outer loop.
        std::string sql = "SELECT mission_id, start_at, end_at, coalesce(units_milli, 0), billable, invoice_id";
        sql += with_tags ? ", tags" : ", ''";
        sql += " FROM entries INDEXED BY entries_by_start WHERE start_at >= ? AND start_at < ?";
        if (client_id) sql += " AND mission_id IN (SELECT id FROM missions WHERE client_id = ?)";
        sql += " ORDER BY start_at";
        // The C interface in this loop: SQLiteCpp's Column objects cost more than the reads
        // themselves over a hundred thousand rows. Errors become SQLite::Exception, which
        // `guarded` translates as everywhere else.
        sqlite3* handle = connection(db_).getHandle();
        sqlite3_stmt* raw = nullptr;
        auto check = [handle](int rc) {
            if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) throw SQLite::Exception(handle, rc);
        };
        check(sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr));
        std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> row(raw, &sqlite3_finalize);
        check(sqlite3_bind_int64(raw, 1, from));
        check(sqlite3_bind_int64(raw, 2, to));
        if (client_id) check(sqlite3_bind_int64(raw, 3, *client_id));
        ReportEntry entry;
        for (int rc = sqlite3_step(raw); rc != SQLITE_DONE; rc = sqlite3_step(raw)) {
            check(rc);
            entry.mission_id = sqlite3_column_int64(raw, 0);
            entry.start = sqlite3_column_int64(raw, 1);
            entry.end = sqlite3_column_type(raw, 2) == SQLITE_NULL ? std::nullopt
                                                                   : std::optional(sqlite3_column_int64(raw, 2));
            entry.units_milli = sqlite3_column_int64(raw, 3);
            entry.billable = sqlite3_column_int(raw, 4) != 0;
            entry.invoice_id = sqlite3_column_type(raw, 5) == SQLITE_NULL
                                   ? std::nullopt
                                   : std::optional(sqlite3_column_int64(raw, 5));
            if (with_tags) {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(raw, 6));
                entry.tags = text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(raw, 6)))
                                  : std::string_view();
            }
            visit(entry);
        }
    });
}

}  // namespace slash::storage
