#include "unbilled_work.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include "sqlite_access.hpp"

namespace slash::storage {

namespace {

const char* mode_name(domain::RoundingMode mode) {
    switch (mode) {
        case domain::RoundingMode::Up: return "up";
        case domain::RoundingMode::Nearest: return "nearest";
        case domain::RoundingMode::Down: return "down";
    }
    return "up";
}

bool computed_under(SQLite::Database& connection, const domain::BillingRules& rules) {
    SQLite::Statement rule(connection, "SELECT step, mode FROM unbilled_rule WHERE id = 1");
    return rule.executeStep() && rule.getColumn(0).getInt64() == rules.rounding_seconds &&
           rule.getColumn(1).getString() == mode_name(rules.rounding_mode);
}

void recompute(SQLite::Database& connection, const domain::BillingRules& rules) {
    SQLite::Statement rule(connection, "UPDATE unbilled_rule SET step = ?, mode = ? WHERE id = 1");
    rule.bind(1, rules.rounding_seconds);
    rule.bind(2, mode_name(rules.rounding_mode));
    rule.exec();
    connection.exec("DELETE FROM unbilled_work");
    connection.exec("INSERT INTO unbilled_work (mission_id, entries, rounded_seconds, units_milli) "
                    "SELECT mission_id, entries, rounded_seconds, units_milli FROM unbilled_work_computed");
}

}  // namespace

bool ensure_unbilled_work(Database& db, const domain::BillingRules& rules) {
    return guarded(db, [&] {
        SQLite::Database& conn = connection(db);
        if (computed_under(conn, rules)) return true;
        if (sqlite3_db_readonly(conn.getHandle(), "main") == 1) return false;
        // Inside a caller's transaction the recomputation is part of it.
        if (sqlite3_get_autocommit(conn.getHandle()) == 0) {
            recompute(conn, rules);
            return true;
        }
        WriteTransaction transaction(db);
        // Another process may have recomputed while this one waited for the lock.
        if (!computed_under(conn, rules)) recompute(conn, rules);
        transaction.commit();
        return true;
    });
}

std::vector<std::string> unbilled_work_problems(Database& db) {
    return guarded(db, [&] {
        std::vector<std::string> problems;
        SQLite::Database& conn = connection(db);
        // A schema before migration 6 (the migration tests stop there) keeps no sums.
        if (!conn.tableExists("unbilled_rule")) return problems;
        if (conn.execAndGet("SELECT step FROM unbilled_rule WHERE id = 1").getInt64() < 0) return problems;
        SQLite::Statement stale(
            conn,
            "SELECT c.handle || '/' || m.handle FROM missions m JOIN clients c ON c.id = m.client_id "
            "LEFT JOIN unbilled_work w ON w.mission_id = m.id "
            "LEFT JOIN unbilled_work_computed u ON u.mission_id = m.id "
            "WHERE coalesce(w.entries, 0) != coalesce(u.entries, 0) "
            "   OR coalesce(w.rounded_seconds, 0) != coalesce(u.rounded_seconds, 0) "
            "   OR coalesce(w.units_milli, 0) != coalesce(u.units_milli, 0) "
            "ORDER BY c.handle, m.handle");
        while (stale.executeStep()) {
            problems.push_back(fmt::format("unbilled work: mission {} has stale sums (entries, rounded seconds or units)",
                                           stale.getColumn(0).getString()));
        }
        return problems;
    });
}

}  // namespace slash::storage
