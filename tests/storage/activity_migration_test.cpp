// Migration 4: the URSSAF activity of a mission and of a receipt without invoice (issue 6).

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <string>
#include <vector>

#include "slash/storage/database.hpp"
#include "slash/storage/maintenance.hpp"
#include "support/test_env.hpp"

using slash::testing::Workspace;

namespace {

// Every row of a table, column by column, as text.
std::string rows_of(SQLite::Database& db, const std::string& table, const std::vector<std::string>& columns) {
    std::string list;
    for (const auto& c : columns) list += (list.empty() ? "" : ", ") + c;
    std::string text;
    SQLite::Statement stmt(db, "SELECT " + list + " FROM " + table + " ORDER BY rowid");
    while (stmt.executeStep()) {
        for (int i = 0; i < stmt.getColumnCount(); ++i) {
            text += stmt.getColumn(i).isNull() ? "|NULL" : "|" + stmt.getColumn(i).getString();
        }
        text += "\n";
    }
    return text;
}

std::vector<std::string> columns_of(SQLite::Database& db, const std::string& table) {
    std::vector<std::string> names;
    SQLite::Statement stmt(db, "SELECT name FROM pragma_table_info('" + table + "')");
    while (stmt.executeStep()) names.push_back(stmt.getColumn(0).getString());
    return names;
}

// A version 3 book: two clients, two missions, an entry billed by an issued invoice, its
// payment, and a GBP receipt without invoice with its EUR amount.
constexpr const char* kVersion3Rows = R"sql(
INSERT INTO clients (id, handle, name, address, siren, created_at, updated_at)
VALUES (1, 'acme', 'ACME SAS', '1 rue X' || char(10) || '75002 Paris', '552100554', 1790000000, 1790000000);
INSERT INTO clients (id, handle, name, address, country, currency, created_at, updated_at)
VALUES (2, 'brit', 'Brit Ltd', '10 Downing St', 'GB', 'GBP', 1790000001, 1790000001);
INSERT INTO missions (id, client_id, handle, billing, rate_minor, currency, vat_regime, created_at, updated_at)
VALUES (1, 1, 'web', 'hourly', 6500, 'EUR', 'franchise', 1790000000, 1790000000);
INSERT INTO missions (id, client_id, handle, billing, rate_minor, currency, created_at, updated_at)
VALUES (2, 2, 'app', 'hourly', 8000, 'GBP', 1790000001, 1790000001);
INSERT INTO entries (uid, mission_id, start_at, end_at, created_at, updated_at)
VALUES ('u-1', 1, 1783328400, 1783335600, 1783335600, 1783335600);
INSERT INTO invoices (id, client_id, period_from, period_to, currency, language, vat_regime, created_at, updated_at)
VALUES (1, 1, '2026-07-01', '2026-07-31', 'EUR', 'fr', 'franchise', 1785000000, 1785000000);
INSERT INTO invoice_lines (invoice_id, position, mission_id, description, quantity_milli, unit_code,
                           unit_price_minor, net_minor, vat_category, vat_rate_milli)
VALUES (1, 1, 1, 'Site web', 2000, 'HUR', 6500, 13000, 'E', 0);
UPDATE entries SET invoice_id = 1 WHERE uid = 'u-1';
UPDATE invoices SET status = 'issued', number = '2026-0001', series = '2026', seq = 1, issue_date = '2026-07-31',
       due_date = '2026-08-30', net_minor = 13000, gross_minor = 13000, issued_at = 1785500000 WHERE id = 1;
INSERT INTO payments (client_id, invoice_id, paid_on, amount_minor, currency, method, created_at)
VALUES (1, 1, '2026-08-10', 13000, 'EUR', 'transfer', 1786000000);
INSERT INTO payments (client_id, paid_on, amount_minor, currency, eur_minor, method, note, created_at)
VALUES (2, '2026-09-01', 10000, 'GBP', 11630, 'platform', 'payout', 1786500000);
)sql";

std::string turnover_of(const std::string& json, const std::string& activity) {
    auto at = json.find(R"({"activity":")" + activity + R"(","turnover":{"amount":")");
    REQUIRE(at != std::string::npos);
    at = json.find(R"("amount":")", at) + 10;
    return json.substr(at, json.find('"', at) - at);
}

}  // namespace

TEST_CASE("storage/activity migration: a version 3 database keeps every row and gets the activity columns") {
    auto all = slash::storage::builtin_migrations();
    REQUIRE(all.size() >= 4);
    REQUIRE(all[2].version == 3);
    REQUIRE(all[3].version == 4);
    Workspace ws;
    {
        slash::storage::OpenOptions options;
        options.migrations = all.first(3);
        (void)slash::storage::Database::open(ws.db_path(), options);
    }
    const std::vector<std::string> tables = {"clients",  "missions",      "entries", "mission_totals",
                                             "invoices", "invoice_lines", "payments"};
    std::map<std::string, std::vector<std::string>> old_columns;
    std::map<std::string, std::string> old_rows;
    {
        SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE);
        REQUIRE(db.execAndGet("PRAGMA user_version").getInt() == 3);
        db.exec(kVersion3Rows);
        for (const auto& table : tables) {
            old_columns[table] = columns_of(db, table);
            old_rows[table] = rows_of(db, table, old_columns[table]);
        }
    }
    CHECK(old_rows["payments"].find("|2026-09-01|10000|GBP|11630|platform|payout|") != std::string::npos);
    CHECK(old_rows["mission_totals"] == "|1|1|7200\n");

    {
        slash::storage::OpenOptions options;
        options.migrations = all.first(4);  // later migrations have tests of their own
        auto db = slash::storage::Database::open(ws.db_path(), options);
        CHECK(db.schema_version() == 4);
        CHECK(slash::storage::integrity_problems(db).empty());
    }
    {
        SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE);
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == 4);
        for (const auto& table : tables) {
            INFO("table " << table);
            CHECK(rows_of(db, table, old_columns[table]) == old_rows[table]);
            // One new column, on missions and payments only.
            auto columns = columns_of(db, table);
            auto expected = old_columns[table];
            if (table == "missions" || table == "payments") expected.push_back("activity");
            CHECK(columns == expected);
        }
        // NULL everywhere: the config's activity, as before the migration.
        CHECK(db.execAndGet("SELECT count(*) FROM missions WHERE activity IS NOT NULL").getInt() == 0);
        CHECK(db.execAndGet("SELECT count(*) FROM payments WHERE activity IS NOT NULL").getInt() == 0);
        // The three names and NULL, nothing else.
        CHECK_THROWS_AS(db.exec("UPDATE missions SET activity = 'bic' WHERE id = 1"), SQLite::Exception);
        CHECK_THROWS_AS(db.exec("UPDATE payments SET activity = 'BNC' WHERE id = 2"), SQLite::Exception);
        CHECK(db.exec("UPDATE payments SET activity = 'bic-sales' WHERE id = 2") == 1);
        CHECK(db.exec("UPDATE payments SET activity = NULL WHERE id = 2") == 1);
    }

    // The migrated book declares: 130.00 EUR and the 116.30 EUR received for the payout, both
    // BNC (the default activity), then the mission's own activity once it has one.
    auto before = ws.run({"urssaf", "2026-Q3", "--json"});
    REQUIRE_MESSAGE(before.code == 0, before.err);
    CHECK(turnover_of(before.out, "bnc") == "246.30");
    CHECK(turnover_of(before.out, "bic-services") == "0.00");
    auto edited = ws.run({"mission", "edit", "acme/web", "--activity", "bic-services"});
    CHECK_MESSAGE(edited.code == 0, edited.err);
    auto after = ws.run({"urssaf", "2026-Q3", "--json"});
    REQUIRE_MESSAGE(after.code == 0, after.err);
    CHECK(turnover_of(after.out, "bnc") == "116.30");
    CHECK(turnover_of(after.out, "bic-services") == "130.00");
}
