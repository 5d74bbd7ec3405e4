// The quote schema (migration 8) defends an issued quote by itself: raw SQL meets the
// triggers, not the services.

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "support/test_env.hpp"

using slash::testing::Workspace;

namespace {

// The trigger messages, verbatim from src/storage/migrations.cpp.
constexpr const char* kFrozen = "quote is issued: only its acceptance or refusal can be recorded";
constexpr const char* kLinesFrozen = "quote is issued: its lines cannot change";
constexpr const char* kSequence = "quote number out of sequence: numbers are gapless per series";
constexpr const char* kKept = "quote is issued: it cannot be deleted";

SQLite::Database connect(Workspace& ws) {
    SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE, 5000);
    db.exec("PRAGMA foreign_keys = ON");
    return db;
}

void expect_refused(Workspace& ws, SQLite::Database& db, const std::string& sql, const std::string& message) {
    INFO("SQL: " << sql);
    std::string before = ws.dump();
    try {
        db.exec(sql);
        FAIL_CHECK("accepted");
    } catch (const SQLite::Exception& e) {
        CHECK(std::string(e.what()) == message);
    }
    CHECK(ws.dump() == before);
}

// Quote 1 issued as D2026-0001 with one line, quote 2 a draft.
void make_book(Workspace& ws, SQLite::Database& db) {
    db.exec("INSERT INTO quotes (client_id, currency, language, created_at) VALUES (1, 'EUR', 'fr', 1)");
    db.exec("INSERT INTO quote_lines (quote_id, position, description, quantity_milli, unit_code, "
            "unit_price_minor, net_minor, vat_category, vat_rate_milli) VALUES (1, 1, 'Audit', 2000, 'DAY', "
            "50000, 100000, 'E', 0)");
    db.exec("UPDATE quotes SET status = 'issued', number = 'D2026-0001', series = 'D2026', seq = 1, "
            "issue_date = '2026-11-02', valid_until = '2026-12-02', issued_at = 2, net_minor = 100000, "
            "gross_minor = 100000 WHERE id = 1");
    db.exec("INSERT INTO quotes (client_id, currency, language, created_at) VALUES (1, 'EUR', 'fr', 3)");
    (void)ws;
}

}  // namespace

TEST_CASE("storage/quote schema: an issued quote and its lines are frozen, only its status moves once") {
    Workspace ws;
    REQUIRE(ws.run({"init", "--no-input", "--name", "Camille Martin", "--siren", "123456782"}).code == 0);
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME SAS"}).code == 0);
    auto db = connect(ws);
    make_book(ws, db);

    for (const char* set : {"title = 'x'", "valid_until = '2027-01-01'", "net_minor = 1", "number = 'D2026-0009'",
                            "issue_date = '2026-11-03'", "client_id = 2", "status = 'draft'"}) {
        expect_refused(ws, db, std::string("UPDATE quotes SET ") + set + " WHERE id = 1", kFrozen);
    }
    expect_refused(ws, db, "UPDATE quote_lines SET net_minor = 1 WHERE quote_id = 1", kLinesFrozen);
    expect_refused(ws, db, "DELETE FROM quote_lines WHERE quote_id = 1", kLinesFrozen);
    expect_refused(ws, db,
                   "INSERT INTO quote_lines (quote_id, position, description, quantity_milli, unit_code, "
                   "unit_price_minor, net_minor, vat_category, vat_rate_milli) VALUES (1, 2, 'x', 1000, 'C62', 1, 1, "
                   "'E', 0)",
                   kLinesFrozen);
    expect_refused(ws, db, "DELETE FROM quotes WHERE id = 1", kKept);
    // Gapless: the draft can only take the next number of the series.
    expect_refused(ws, db,
                   "UPDATE quotes SET status = 'issued', number = 'D2026-0003', series = 'D2026', seq = 3, "
                   "issue_date = '2026-11-02', valid_until = '2026-12-02', issued_at = 4 WHERE id = 2",
                   kSequence);

    // Declining is recorded once; a declined quote never moves again.
    db.exec("UPDATE quotes SET status = 'declined', declined_at = 5 WHERE id = 1");
    expect_refused(ws, db, "UPDATE quotes SET status = 'accepted', accepted_at = 6, declined_at = NULL WHERE id = 1",
                   kFrozen);
    expect_refused(ws, db, "UPDATE quotes SET declined_at = 7 WHERE id = 1", kFrozen);
}
