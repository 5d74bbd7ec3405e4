#include "slash/storage/maintenance.hpp"

#include <fmt/format.h>

#include "sqlite_access.hpp"
#include "unbilled_work.hpp"

namespace slash::storage {
namespace {

/// Each query returns one problem per row, already worded, in its first column.
void add_rows(Database& db, const char* sql, std::vector<std::string>& problems) {
    SQLite::Statement query(connection(db), sql);
    while (query.executeStep()) problems.push_back(query.getColumn(0).getString());
}

// What the schema cannot say by itself (or what a hand edit of the file may have broken):
// the invariants of docs/contract.md §3 and §5 that the rest of the program relies on.
void domain_problems(Database& db, std::vector<std::string>& problems) {
    add_rows(db,
             "SELECT 'timer: ' || count(*) || ' timers are running (entries ' || group_concat(id, ', ') || '), "
             "at most one may' FROM entries WHERE end_at IS NULL HAVING count(*) > 1",
             problems);
    // Entries in start order: each must end before the next starts.
    add_rows(db,
             "SELECT 'overlap: entry ' || previous_id || ' overlaps entry ' || id FROM ("
             "  SELECT id, start_at, lag(id) OVER w AS previous_id, lag(coalesce(end_at, start_at + 1)) OVER w AS "
             "previous_end FROM entries WINDOW w AS (ORDER BY start_at, id)) WHERE previous_end > start_at",
             problems);
    // Numbers 1..n of each series, each once: n numbered invoices whose highest seq is n.
    add_rows(db,
             "SELECT 'numbering: series \"' || series || '\" has ' || count(*) || ' numbered documents but its "
             "numbers go up to ' || max(seq) || ' (' || count(DISTINCT seq) || ' distinct): a gap or a duplicate' "
             "FROM invoices WHERE number IS NOT NULL GROUP BY series "
             "HAVING count(*) != max(seq) OR count(DISTINCT seq) != count(*)",
             problems);
    // Issued totals: net = the sum of the lines; VAT = per category and rate, on the sum,
    // half away from zero (EN 16931); gross = net + VAT.
    add_rows(db,
             "WITH groups AS (SELECT invoice_id, sum(net_minor) AS net, vat_rate_milli AS rate FROM invoice_lines "
             "                GROUP BY invoice_id, vat_category, vat_rate_milli), "
             "vat AS (SELECT invoice_id, sum(net) AS net, sum(CASE WHEN net * rate >= 0 "
             "        THEN (net * rate + 50000) / 100000 ELSE -((-net * rate + 50000) / 100000) END) AS vat "
             "        FROM groups GROUP BY invoice_id) "
             "SELECT 'totals: ' || i.kind || ' ' || i.number || ' stores net ' || i.net_minor || ', VAT ' || "
             "i.vat_minor || ', gross ' || i.gross_minor || ' but its lines give net ' || coalesce(v.net, 0) || "
             "', VAT ' || coalesce(v.vat, 0) || ' (minor units)' "
             "FROM invoices i LEFT JOIN vat v ON v.invoice_id = i.id WHERE i.status != 'draft' "
             "AND (i.net_minor != coalesce(v.net, 0) OR i.vat_minor != coalesce(v.vat, 0) "
             "     OR i.gross_minor != i.net_minor + i.vat_minor)",
             problems);
    // Work is billed once: entries only sit on live invoices, a fixed price on one.
    add_rows(db,
             "SELECT 'billing: entry ' || e.id || ' is held by ' || i.status || ' ' || i.kind || ' ' || "
             "coalesce(i.number, '#' || i.id) || ', which cannot bill it' FROM entries e "
             "JOIN invoices i ON i.id = e.invoice_id WHERE i.kind != 'invoice' OR i.status = 'cancelled'",
             problems);
    add_rows(db,
             "SELECT 'billing: the fixed price of ' || c.handle || '/' || m.handle || ' is on ' || "
             "count(DISTINCT i.id) || ' issued invoices (' || group_concat(DISTINCT i.number) || ')' "
             "FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id JOIN missions m ON m.id = l.mission_id "
             "JOIN clients c ON c.id = m.client_id WHERE m.billing = 'fixed' AND l.entry_id IS NULL "
             "AND l.unit_code = 'C62' AND i.kind = 'invoice' AND i.status = 'issued' "
             "GROUP BY m.id HAVING count(DISTINCT i.id) > 1",
             problems);
}

}  // namespace

std::vector<std::string> integrity_problems(Database& db) {
    return guarded(db, [&] {
        std::vector<std::string> problems;
        SQLite::Statement integrity(connection(db), "PRAGMA integrity_check");
        while (integrity.executeStep()) {
            std::string line = integrity.getColumn(0).getString();
            if (line != "ok") problems.push_back("integrity: " + line);
        }
        SQLite::Statement keys(connection(db), "PRAGMA foreign_key_check");
        while (keys.executeStep()) {
            problems.push_back(fmt::format("foreign key: row {} of {} refers to a missing row of {}",
                                           keys.getColumn(1).getInt64(), keys.getColumn(0).getString(),
                                           keys.getColumn(2).getString()));
        }
        // The trigger-kept totals must equal what the entries say.
        SQLite::Statement totals(connection(db),
                                 "SELECT c.handle || '/' || m.handle FROM missions m JOIN clients c ON c.id = m.client_id "
                                 "LEFT JOIN mission_totals t ON t.mission_id = m.id "
                                 "LEFT JOIN (SELECT mission_id, count(*) AS n, "
                                 "           sum(coalesce(end_at - start_at, 0)) AS s FROM entries GROUP BY mission_id) e "
                                 "ON e.mission_id = m.id "
                                 "WHERE coalesce(t.entries, 0) != coalesce(e.n, 0) "
                                 "   OR coalesce(t.logged_seconds, 0) != coalesce(e.s, 0)");
        while (totals.executeStep()) {
            problems.push_back(fmt::format("totals: mission {} has stale totals (entries or logged seconds)",
                                           totals.getColumn(0).getString()));
        }
        for (auto& problem : unbilled_work_problems(db)) problems.push_back(std::move(problem));
        domain_problems(db, problems);
        return problems;
    });
}

void backup_database(Database& db, const std::filesystem::path& target) {
    guarded(db, [&] {
        SQLite::Statement vacuum(connection(db), "VACUUM INTO ?");
        vacuum.bind(1, target.string());
        vacuum.exec();
    });
}

}  // namespace slash::storage
