// Migration 5: e-invoicing flows, statuses, the sync cursor and clients' electronic
// addresses (issue 20, docs/einvoicing.md).

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "slash/storage/database.hpp"
#include "slash/storage/maintenance.hpp"
#include "support/test_env.hpp"

using slash::testing::Workspace;

namespace {

std::string all_rows(SQLite::Database& db, const std::string& table) {
    std::string text;
    SQLite::Statement stmt(db, "SELECT * FROM " + table + " ORDER BY rowid");
    while (stmt.executeStep()) {
        for (int i = 0; i < stmt.getColumnCount(); ++i) text += "|" + stmt.getColumn(i).getString();
        text += "\n";
    }
    return text;
}

}  // namespace

TEST_CASE("storage/einvoicing migration: a version 4 book keeps every row and gets the e-invoicing tables") {
    auto all = slash::storage::builtin_migrations();
    REQUIRE(all.size() >= 5);
    REQUIRE(all[4].version == 5);
    Workspace ws;
    {
        slash::storage::OpenOptions options;
        options.migrations = all.first(4);
        (void)slash::storage::Database::open(ws.db_path(), options);
    }
    std::string clients, invoices;
    {
        SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE);
        db.exec(R"sql(
INSERT INTO clients (id, handle, name, siren, created_at, updated_at) VALUES (1, 'acme', 'ACME SAS', '552100554', 1, 1);
INSERT INTO invoices (id, client_id, period_from, period_to, currency, language, vat_regime, created_at, updated_at)
VALUES (1, 1, '2026-10-01', '2026-10-31', 'EUR', 'fr', 'franchise', 2, 2);
)sql");
        clients = all_rows(db, "clients");
        invoices = all_rows(db, "invoices");
    }
    {
        slash::storage::OpenOptions options;
        options.migrations = all.first(5);
        auto db = slash::storage::Database::open(ws.db_path(), options);
        CHECK(db.schema_version() == 5);
        CHECK(slash::storage::integrity_problems(db).empty());
    }
    SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE);
    CHECK(all_rows(db, "clients") == clients);
    CHECK(all_rows(db, "invoices") == invoices);
    for (const char* table : {"einvoicing_flows", "einvoicing_statuses", "einvoicing_sync", "client_einvoicing"}) {
        CHECK(db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt() == 0);
    }
    const std::string sha(64, 'a');
    // A queued status message keeps its bytes; a sent one has a flow id and a time.
    db.exec("INSERT INTO einvoicing_flows (invoice_id, kind, tracking_id, syntax, file_name, sha256, content, "
            "created_at) VALUES (1, 'status', 't-1', 'CDAR', 'a.xml', '" + sha + "', 'xml', 3)");
    CHECK_THROWS_AS(db.exec("INSERT INTO einvoicing_flows (invoice_id, kind, tracking_id, flow_id, syntax, file_name, "
                            "sha256, created_at) VALUES (1, 'invoice', 't-2', 'f-2', 'CII', 'a.xml', '" + sha + "', 3)"),
                    SQLite::Exception);  // a flow id without its submission time
    CHECK_THROWS_AS(db.exec("INSERT INTO einvoicing_flows (invoice_id, kind, tracking_id, syntax, file_name, sha256, "
                            "created_at) VALUES (1, 'invoice', 't-1', 'PDF', 'a.pdf', '" + sha + "', 3)"),
                    SQLite::Exception);  // the syntax, and the tracking id taken
    db.exec("INSERT INTO einvoicing_flows (invoice_id, kind, tracking_id, flow_id, syntax, file_name, sha256, "
            "submitted_at, created_at) VALUES (1, 'invoice', 't-3', 'f-3', 'CII', 'a.xml', '" + sha + "', 4, 4)");
    CHECK_THROWS_AS(db.exec("INSERT INTO einvoicing_flows (invoice_id, kind, tracking_id, flow_id, syntax, file_name, "
                            "sha256, submitted_at, created_at) VALUES (1, 'invoice', 't-4', 'f-4', 'CII', 'b.xml', '" +
                            sha + "', 4, 4)"),
                    SQLite::Exception);  // one invoice flow per invoice
    // A status is stored once per message, invoice and code, and never deleted.
    const std::string status = "INSERT OR IGNORE INTO einvoicing_statuses (invoice_id, code, label, status_at, origin, "
                               "source, recorded_at) VALUES (1, '200', 'Déposée', 5, 'platform', 'lc-1', 6)";
    CHECK(db.exec(status) == 1);
    CHECK(db.exec(status) == 0);
    CHECK_THROWS_AS(db.exec("DELETE FROM einvoicing_statuses"), SQLite::Exception);
    CHECK(db.execAndGet("SELECT count(*) FROM einvoicing_statuses").getInt() == 1);
}
