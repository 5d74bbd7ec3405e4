// The invoicing schema (migration 3) defends an issued invoice by itself: raw SQL, as a
// stray script or another tool would send it, meets the triggers, not the services.

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "slash/storage/database.hpp"
#include "slash/storage/maintenance.hpp"
#include "support/test_env.hpp"

using slash::testing::Workspace;

namespace {

// The trigger messages, verbatim from src/storage/migrations.cpp.
constexpr const char* kFrozen = "invoice is issued: it cannot change; credit it instead";
constexpr const char* kKept = "invoice is issued: it cannot be deleted; credit it instead";
constexpr const char* kLinesFrozen = "invoice is issued: its lines cannot change";
constexpr const char* kEntryFrozen = "entry is billed on an issued invoice: it cannot change";
constexpr const char* kEntryKept = "entry is billed on an issued invoice: it cannot be deleted";
constexpr const char* kNoInvoice = "an entry can only be billed by a draft invoice that exists";
constexpr const char* kPaidIssued = "only an issued invoice can be paid";
constexpr const char* kDrafted = "an invoice is created as a draft and then issued";
constexpr const char* kSequence = "invoice number out of sequence: numbers are gapless per series";

// Entries of the fixture: 5 Oct is billed by invoice 1 (issued 2026-0001), 6 Oct reserved
// by draft 2, 7 Oct unbilled.
constexpr int kBilledEntry = 1;
constexpr int kReservedEntry = 2;
constexpr int kFreeEntry = 3;
constexpr int kIssued = 1;
constexpr int kDraft = 2;

void run_ok(Workspace& ws, std::vector<std::string> args, const std::string& out) {
    INFO(args.front() << " " << (args.size() > 1 ? args[1] : ""));
    auto r = ws.run(std::move(args));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(r.out == out);
}

// A book with one issued invoice, one draft and one unbilled entry, made through the CLI.
void make_book(Workspace& ws) {
    run_ok(ws,
           {"init", "--no-input", "--name", "Camille Martin", "--siren", "123456782", "--address", "12 rue des Lilas",
            "--address", "75011 Paris", "--email", "camille@example.org"},
           ws.config_path().string() + "\n" + ws.db_path().string() + "\n");
    run_ok(ws,
           {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address", "75002 Paris",
            "--siren", "552100554", "--hourly", "65"},
           "acme\n");
    run_ok(ws, {"mission", "add", "acme/website"}, "acme/website\n");
    for (const char* day : {"2026-10-05", "2026-10-06", "2026-10-07"}) {
        REQUIRE(ws.run({"log", "acme/website", "2h", "--on", day}).code == 0);
    }
    run_ok(ws, {"invoice", "new", "acme", "2026-10-05"}, "1\n");
    run_ok(ws, {"invoice", "issue", "1"}, "2026-0001\n");
    run_ok(ws, {"invoice", "new", "acme", "2026-10-06"}, "2\n");
}

// A connection set up as slash sets its own (foreign keys on).
SQLite::Database connect(Workspace& ws) {
    SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE, 5000);
    db.exec("PRAGMA foreign_keys = ON");
    return db;
}

// One value as text, "NULL" for NULL.
std::string value(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement stmt(db, sql);
    REQUIRE_MESSAGE(stmt.executeStep(), sql);
    auto column = stmt.getColumn(0);
    return column.isNull() ? "NULL" : column.getString();
}

// `sql` fails with exactly `message` and leaves every row of every table as it was.
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

const std::string kIssueDraftAs =
    "UPDATE invoices SET status = 'issued', issue_date = '2026-11-28', due_date = '2026-12-28', issued_at = 1, ";

}  // namespace

TEST_CASE("storage/invoice schema: every column of an issued invoice is frozen") {
    Workspace ws;
    make_book(ws);
    auto db = connect(ws);
    REQUIRE(value(db, "SELECT status || ' ' || number FROM invoices WHERE id = 1") == "issued 2026-0001");

    // Every column but status and updated_at, found from the table itself so that a column
    // added later and forgotten in the trigger fails here.
    std::set<std::string> tried;
    SQLite::Statement columns(db, "SELECT name, type FROM pragma_table_info('invoices')");
    std::vector<std::pair<std::string, std::string>> all;
    while (columns.executeStep()) all.emplace_back(columns.getColumn(0).getString(), columns.getColumn(1).getString());
    for (const auto& [name, type] : all) {
        if (name == "status" || name == "updated_at") continue;
        std::string changed =
            type == "INTEGER" ? "coalesce(" + name + ", 0) + 100" : "coalesce(" + name + ", '') || 'x'";
        expect_refused(ws, db, "UPDATE invoices SET " + name + " = " + changed + " WHERE id = 1", kFrozen);
        tried.insert(name);
    }
    for (const char* name : {"id", "kind", "client_id", "number", "series", "seq", "issue_date", "due_date",
                             "period_from", "gross_minor", "net_minor", "vat_minor", "seller_name", "seller_siren",
                             "seller_address", "buyer_name", "buyer_address", "buyer_siren", "vat_mention",
                             "penalty_text", "indemnity_text", "discount_text", "issued_at", "created_at"}) {
        CHECK_MESSAGE(tried.count(name) == 1, name);
    }
    CHECK(tried.size() == all.size() - 2);

    // A value written back unchanged is no change; a real change hidden among them is.
    expect_refused(ws, db, "UPDATE invoices SET buyer_name = buyer_name, gross_minor = 1 WHERE id = 1", kFrozen);
    // Un-issuing it, whole or in part.
    expect_refused(ws, db, "UPDATE invoices SET status = 'draft' WHERE id = 1", kFrozen);
    expect_refused(ws, db,
                   "UPDATE invoices SET status = 'draft', number = NULL, series = NULL, seq = NULL WHERE id = 1",
                   kFrozen);
    expect_refused(ws, db, "UPDATE invoices SET number = NULL WHERE id = 1", kFrozen);
    expect_refused(ws, db, "DELETE FROM invoices WHERE id = 1", kKept);
    expect_refused(ws, db, "DELETE FROM invoices", kKept);
}

TEST_CASE("storage/invoice schema: issued to cancelled is the one status change accepted") {
    Workspace ws;
    make_book(ws);
    auto db = connect(ws);
    std::string frozen_before = value(db, "SELECT number || '|' || gross_minor || '|' || buyer_name || '|' || "
                                          "issue_date FROM invoices WHERE id = 1");
    // Only an issued credit note cancels an invoice.
    expect_refused(ws, db, "UPDATE invoices SET status = 'cancelled', updated_at = updated_at + 1 WHERE id = 1",
                   kFrozen);
    db.exec("INSERT INTO invoices (kind, client_id, period_from, period_to, currency, language, vat_regime, "
            "credited_invoice_id, created_at, updated_at) "
            "VALUES ('credit', 1, '2026-10-01', '2026-10-31', 'EUR', 'fr', 'franchise', 1, 0, 0)");
    auto note = value(db, "SELECT max(id) FROM invoices");
    expect_refused(ws, db, "UPDATE invoices SET status = 'cancelled', updated_at = updated_at + 1 WHERE id = 1",
                   kFrozen);
    CHECK(db.exec("UPDATE invoices SET status = 'issued', number = 'AV2026-0001', series = 'AV2026-', seq = 1, "
                  "issue_date = '2026-11-28', due_date = '2026-11-28', issued_at = 0 WHERE id = " +
                  note) == 1);
    CHECK(db.exec("UPDATE invoices SET status = 'cancelled', updated_at = updated_at + 1 WHERE id = 1") == 1);
    CHECK(value(db, "SELECT status FROM invoices WHERE id = 1") == "cancelled");
    CHECK(value(db, "SELECT number || '|' || gross_minor || '|' || buyer_name || '|' || issue_date FROM invoices "
                    "WHERE id = 1") == frozen_before);
    // Cancelled is final: no way back, no edit, no deletion.
    expect_refused(ws, db, "UPDATE invoices SET status = 'issued' WHERE id = 1", kFrozen);
    expect_refused(ws, db, "UPDATE invoices SET status = 'draft' WHERE id = 1", kFrozen);
    expect_refused(ws, db, "UPDATE invoices SET gross_minor = 0 WHERE id = 1", kFrozen);
    expect_refused(ws, db, "DELETE FROM invoices WHERE id = 1", kKept);
}

TEST_CASE("storage/invoice schema: the lines of an issued invoice never change") {
    Workspace ws;
    make_book(ws);
    auto db = connect(ws);
    REQUIRE(value(db, "SELECT count(*) FROM invoice_lines WHERE invoice_id = 1") == "1");
    expect_refused(ws, db,
                   "INSERT INTO invoice_lines (invoice_id, position, description, quantity_milli, unit_code, "
                   "unit_price_minor, net_minor, vat_category, vat_rate_milli) "
                   "VALUES (1, 2, 'Extra', 1000, 'C62', 100, 100, 'E', 0)",
                   kLinesFrozen);
    expect_refused(ws, db, "UPDATE invoice_lines SET unit_price_minor = 1 WHERE invoice_id = 1", kLinesFrozen);
    expect_refused(ws, db, "UPDATE invoice_lines SET description = 'other' WHERE invoice_id = 1", kLinesFrozen);
    expect_refused(ws, db, "DELETE FROM invoice_lines WHERE invoice_id = 1", kLinesFrozen);
    // Nor is a draft's line moved onto it, or its line moved onto the draft.
    expect_refused(ws, db, "UPDATE invoice_lines SET invoice_id = 1 WHERE invoice_id = 2", kLinesFrozen);
    expect_refused(ws, db, "UPDATE invoice_lines SET invoice_id = 2 WHERE invoice_id = 1", kLinesFrozen);
    // A draft's lines stay free to change.
    CHECK(db.exec("UPDATE invoice_lines SET description = 'edited' WHERE invoice_id = 2") == 1);
    CHECK(value(db, "SELECT description FROM invoice_lines WHERE invoice_id = 2") == "edited");
}

TEST_CASE("storage/invoice schema: an entry billed by an issued invoice never changes") {
    Workspace ws;
    make_book(ws);
    auto db = connect(ws);
    REQUIRE(value(db, "SELECT invoice_id FROM entries WHERE id = " + std::to_string(kBilledEntry)) ==
            std::to_string(kIssued));
    const std::string where = " WHERE id = " + std::to_string(kBilledEntry);
    expect_refused(ws, db, "UPDATE entries SET note = 'edited'" + where, kEntryFrozen);
    expect_refused(ws, db, "UPDATE entries SET end_at = end_at + 3600" + where, kEntryFrozen);
    expect_refused(ws, db, "UPDATE entries SET billable = 0" + where, kEntryFrozen);
    expect_refused(ws, db, "UPDATE entries SET invoice_id = NULL" + where, kEntryFrozen);
    expect_refused(ws, db, "UPDATE entries SET invoice_id = 2" + where, kEntryFrozen);
    expect_refused(ws, db, "DELETE FROM entries" + where, kEntryKept);
    // The entry a draft reserves may still change.
    CHECK(db.exec("UPDATE entries SET note = 'edited' WHERE id = " + std::to_string(kReservedEntry)) == 1);
}

TEST_CASE("storage/invoice schema: an entry never points to a missing or issued invoice") {
    Workspace ws;
    make_book(ws);
    auto db = connect(ws);
    expect_refused(ws, db,
                   "INSERT INTO entries (uid, mission_id, start_at, end_at, invoice_id, created_at, updated_at) "
                   "VALUES ('x-missing', 1, 1791450000, 1791453600, 99, 0, 0)",
                   kNoInvoice);
    expect_refused(ws, db, "UPDATE entries SET invoice_id = 99 WHERE id = " + std::to_string(kFreeEntry), kNoInvoice);
    expect_refused(ws, db, "UPDATE entries SET invoice_id = 99 WHERE id = " + std::to_string(kReservedEntry),
                   kNoInvoice);
    // An issued invoice bills the entries it had when issued, never more.
    expect_refused(ws, db,
                   "INSERT INTO entries (uid, mission_id, start_at, end_at, invoice_id, created_at, updated_at) "
                   "VALUES ('x-late', 1, 1791450000, 1791453600, 1, 0, 0)",
                   kNoInvoice);
    expect_refused(ws, db, "UPDATE entries SET invoice_id = 1 WHERE id = " + std::to_string(kFreeEntry), kNoInvoice);
    // An existing draft is a valid target.
    CHECK(db.exec("UPDATE entries SET invoice_id = 2 WHERE id = " + std::to_string(kFreeEntry)) == 1);
}

TEST_CASE("storage/invoice schema: only an issued invoice is paid") {
    Workspace ws;
    make_book(ws);
    auto db = connect(ws);
    auto pay = [](int invoice) {
        return "INSERT INTO payments (client_id, invoice_id, paid_on, amount_minor, currency, method, created_at) "
               "VALUES (1, " +
               std::to_string(invoice) + ", '2026-11-28', 100, 'EUR', 'transfer', 0)";
    };
    expect_refused(ws, db, pay(kDraft), kPaidIssued);
    CHECK(db.exec(pay(kIssued)) == 1);
    // Neither a cancelled invoice nor a credit note: credit 2026-0001 through the CLI.
    auto credit = ws.run({"invoice", "credit", "2026-0001", "--reason", "wrong rate"});
    REQUIRE_MESSAGE(credit.code == 0, credit.err);
    CHECK(credit.out == "AV2026-0001\n");
    CHECK(value(db, "SELECT status FROM invoices WHERE id = 1") == "cancelled");
    int note = std::stoi(value(db, "SELECT id FROM invoices WHERE number = 'AV2026-0001'"));
    expect_refused(ws, db, pay(kIssued), kPaidIssued);
    expect_refused(ws, db, pay(note), kPaidIssued);
    // A receipt without invoice is not concerned, but cannot be moved onto a draft later.
    CHECK(db.exec("INSERT INTO payments (client_id, paid_on, amount_minor, currency, method, created_at) "
                  "VALUES (1, '2026-11-28', 100, 'EUR', 'platform', 0)") == 1);
    auto receipt = value(db, "SELECT max(id) FROM payments");
    expect_refused(ws, db, "UPDATE payments SET invoice_id = " + std::to_string(kDraft) + " WHERE id = " + receipt,
                   kPaidIssued);
}

TEST_CASE("storage/invoice schema: an invoice is inserted as a draft only") {
    Workspace ws;
    make_book(ws);
    auto db = connect(ws);
    const std::string insert =
        "INSERT INTO invoices (client_id, status, number, series, seq, issue_date, due_date, issued_at, period_from, "
        "period_to, currency, language, vat_regime, created_at, updated_at) VALUES (1, ";
    expect_refused(ws, db,
                   insert + "'issued', '2026-0002', '2026-', 2, '2026-11-28', '2026-12-28', 1, '2026-10-01', "
                            "'2026-10-31', 'EUR', 'fr', 'franchise', 0, 0)",
                   kDrafted);
    expect_refused(ws, db,
                   insert + "'cancelled', '2026-0002', '2026-', 2, '2026-11-28', '2026-12-28', 1, '2026-10-01', "
                            "'2026-10-31', 'EUR', 'fr', 'franchise', 0, 0)",
                   kDrafted);
    CHECK(db.exec(insert + "'draft', NULL, NULL, NULL, NULL, NULL, NULL, '2026-10-01', '2026-10-31', 'EUR', 'fr', "
                           "'franchise', 0, 0)") == 1);
}

TEST_CASE("storage/invoice schema: a number is only the next of its series") {
    Workspace ws;
    make_book(ws);
    auto db = connect(ws);
    const std::string draft = " WHERE id = " + std::to_string(kDraft);
    // A gap, the number already taken, a seq already taken, a new series not at 1.
    expect_refused(ws, db, kIssueDraftAs + "number = '2026-0003', series = '2026-', seq = 3" + draft, kSequence);
    expect_refused(ws, db, kIssueDraftAs + "number = '2026-0001', series = '2026-', seq = 1" + draft, kSequence);
    expect_refused(ws, db, kIssueDraftAs + "number = '2026-0001b', series = '2026-', seq = 1" + draft, kSequence);
    expect_refused(ws, db, kIssueDraftAs + "number = '2027-0002', series = '2027-', seq = 2" + draft, kSequence);
    // The right seq under a number string already used: the unique number refuses it.
    expect_refused(ws, db, kIssueDraftAs + "number = '2026-0001', series = '2026-', seq = 2" + draft,
                   "UNIQUE constraint failed: invoices.number");
    CHECK(value(db, "SELECT status || '|' || coalesce(number, 'NULL') FROM invoices" + draft) == "draft|NULL");
    CHECK(value(db, "SELECT series || ' ' || last_seq || ' ' || invoices FROM number_series") == "2026- 1 1");

    // The next one is accepted, and number_series follows.
    CHECK(db.exec(kIssueDraftAs + "number = '2026-0002', series = '2026-', seq = 2" + draft) == 1);
    CHECK(value(db, "SELECT status || '|' || number FROM invoices" + draft) == "issued|2026-0002");
    CHECK(value(db, "SELECT count(*) FROM number_series") == "1");
    CHECK(value(db, "SELECT last_seq || ' ' || invoices FROM number_series WHERE series = '2026-'") == "2 2");
    // A credit note opens its own series at 1; drafts are in none.
    auto r = ws.run({"invoice", "credit", "2026-0002"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(r.out == "AV2026-0001\n");
    REQUIRE(ws.run({"log", "acme/website", "1h", "--on", "2026-10-08"}).code == 0);
    REQUIRE(ws.run({"invoice", "new", "acme", "2026-10-08"}).code == 0);
    std::string series;
    SQLite::Statement rows(db, "SELECT series, last_seq, invoices FROM number_series ORDER BY series");
    while (rows.executeStep()) {
        series += rows.getColumn(0).getString() + " " + rows.getColumn(1).getString() + " " +
                  rows.getColumn(2).getString() + "\n";
    }
    CHECK(series == "2026- 2 2\nAV2026- 1 1\n");
}

TEST_CASE("storage/invoice schema: deleting a draft frees its entries") {
    Workspace ws;
    make_book(ws);
    auto db = connect(ws);
    const std::string reserved = "SELECT coalesce(invoice_id, 'NULL') FROM entries WHERE id = " +
                                 std::to_string(kReservedEntry);
    REQUIRE(value(db, reserved) == std::to_string(kDraft));
    // A draft's lines may go; then the draft itself, and its entries are unbilled again.
    CHECK(db.exec("DELETE FROM invoice_lines WHERE invoice_id = 2") == 1);
    CHECK(db.exec("DELETE FROM invoices WHERE id = 2") == 1);
    CHECK(value(db, reserved) == "NULL");
    CHECK(value(db, "SELECT count(*) FROM entries WHERE invoice_id IS NOT NULL") == "1");
    CHECK(value(db, "SELECT invoice_id FROM entries WHERE id = " + std::to_string(kBilledEntry)) == "1");
    auto check = ws.run({"db", "check"});
    CHECK(check.code == 0);
    CHECK(check.out == "ok\n");
}

TEST_CASE("storage/invoice schema: a draft is deleted with its lines") {
    Workspace ws;
    make_book(ws);
    {
        // The lines go by ON DELETE CASCADE, as slash's connection has foreign keys on.
        auto db = connect(ws);
        db.exec("SAVEPOINT raw");
        try {
            CHECK(db.exec("DELETE FROM invoices WHERE id = 2") == 1);
            CHECK(value(db, "SELECT count(*) FROM invoice_lines WHERE invoice_id = 2") == "0");
            CHECK(value(db, "SELECT coalesce(invoice_id, 'NULL') FROM entries WHERE id = 2") == "NULL");
        } catch (const SQLite::Exception& e) {
            FAIL_CHECK("DELETE of a draft with lines refused: " << e.what());
        }
        db.exec("ROLLBACK TO raw");
        db.exec("RELEASE raw");
    }
    // And so does `slash invoice rm`.
    auto r = ws.run({"invoice", "rm", "2"});
    CHECK_MESSAGE(r.code == 0, r.err);
    CHECK(r.out == "2\n");
    auto db = connect(ws);
    CHECK(value(db, "SELECT count(*) FROM invoices WHERE id = 2") == "0");
    CHECK(value(db, "SELECT coalesce(invoice_id, 'NULL') FROM entries WHERE id = 2") == "NULL");
}

TEST_CASE("storage/invoice migration: a version 2 database keeps its rows and gets the invoicing schema") {
    auto all = slash::storage::builtin_migrations();
    REQUIRE(all.size() >= 3);
    REQUIRE(all[1].version == 2);
    REQUIRE(all[2].version == 3);
    Workspace ws;
    {
        slash::storage::OpenOptions options;
        options.migrations = all.first(2);
        (void)slash::storage::Database::open(ws.db_path(), options);
    }
    const std::vector<std::string> tables = {"clients", "missions", "entries", "mission_totals"};
    // Every row of version 2, column by column, as text.
    auto rows_of = [&](SQLite::Database& db, const std::string& table, const std::vector<std::string>& columns) {
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
    };
    auto columns_of = [](SQLite::Database& db, const std::string& table) {
        std::vector<std::string> names;
        SQLite::Statement stmt(db, "SELECT name FROM pragma_table_info('" + table + "')");
        while (stmt.executeStep()) names.push_back(stmt.getColumn(0).getString());
        return names;
    };
    std::map<std::string, std::vector<std::string>> old_columns;
    std::map<std::string, std::string> old_rows;
    {
        SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE);
        REQUIRE(db.execAndGet("PRAGMA user_version").getInt() == 2);
        db.exec(R"sql(
INSERT INTO clients (id, handle, name, kind, address, siren, email, terms_days, language, rate_mode, rate_minor,
                     created_at, updated_at)
VALUES (1, 'acme', 'ACME SAS', 'business', '1 rue X' || char(10) || '75002 Paris', '552100554', 'ap@acme.example',
        45, 'fr', 'hourly', 6500, 1790000000, 1790000000);
INSERT INTO clients (id, handle, name, kind, address, country, currency, archived_at, created_at, updated_at)
VALUES (2, 'bob', 'Bob Martin', 'individual', '3 rue Y' || char(10) || '69001 Lyon', 'FR', 'EUR', 1790500000,
        1790000001, 1790500000);
INSERT INTO missions (id, client_id, handle, title, billing, rate_minor, currency, budget_seconds, tags, status,
                      created_at, updated_at)
VALUES (1, 1, 'website', 'New website', 'hourly', 6500, 'EUR', 360000, 'web', 'active', 1790000000, 1790000000);
INSERT INTO missions (id, client_id, handle, billing, rate_minor, currency, unit_name, created_at, updated_at)
VALUES (2, 2, 'lessons', 'unit', 4000, 'EUR', 'lesson', 1790000001, 1790000001);
INSERT INTO missions (id, client_id, handle, billing, currency, status, created_at, updated_at)
VALUES (3, 1, 'support', 'none', 'EUR', 'done', 1790000002, 1790000002);
INSERT INTO entries (uid, mission_id, start_at, end_at, note, tags, created_at, updated_at)
VALUES ('u-1', 1, 1791190800, 1791198000, 'homepage', 'web', 1791198000, 1791198000);
INSERT INTO entries (uid, mission_id, start_at, end_at, created_at, updated_at)
VALUES ('u-2', 1, 1791277200, 1791288000, 1791288000, 1791288000);
INSERT INTO entries (uid, mission_id, start_at, end_at, units_milli, created_at, updated_at)
VALUES ('u-3', 2, 1791363600, 1791367200, 2500, 1791367200, 1791367200);
INSERT INTO entries (uid, mission_id, start_at, end_at, billable, created_at, updated_at)
VALUES ('u-4', 3, 1791450000, 1791451800, 0, 1791451800, 1791451800);
INSERT INTO entries (uid, mission_id, start_at, created_at, updated_at)
VALUES ('u-5', 1, 1795856400, 1795856400, 1795856400);
DELETE FROM entries WHERE uid = 'u-4';
INSERT INTO entries (uid, mission_id, start_at, end_at, billable, created_at, updated_at)
VALUES ('u-6', 3, 1791450000, 1791451800, 0, 1791451800, 1791451800);
)sql");
        for (const auto& table : tables) {
            old_columns[table] = columns_of(db, table);
            old_rows[table] = rows_of(db, table, old_columns[table]);
        }
    }
    CHECK(old_rows["entries"].find("|u-6|") != std::string::npos);
    CHECK(old_rows["mission_totals"] == "|1|3|18000\n|2|1|3600\n|3|1|1800\n");

    {
        auto db = slash::storage::Database::open(ws.db_path());
        CHECK(db.schema_version() == slash::storage::latest_schema_version());
        CHECK(slash::storage::integrity_problems(db).empty());
    }
    SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == slash::storage::latest_schema_version());
    for (const auto& table : tables) {
        INFO("table " << table);
        CHECK(rows_of(db, table, old_columns[table]) == old_rows[table]);
    }
    // The columns version 3 adds are NULL on every migrated row: no override, the defaults apply.
    auto nulls = [&](const std::string& table, const std::vector<std::string>& columns) {
        for (const auto& c : columns) {
            INFO(table << "." << c);
            CHECK(db.execAndGet("SELECT count(*) FROM pragma_table_info('" + table + "') WHERE name = '" + c + "'")
                      .getInt() == 1);
            CHECK(db.execAndGet("SELECT count(*) FROM " + table + " WHERE " + c + " IS NOT NULL").getInt() == 0);
        }
    };
    nulls("clients", {"vat_regime", "vat_rate_milli", "rounding_seconds", "rounding_mode"});
    nulls("missions", {"vat_regime", "vat_rate_milli"});
    nulls("entries", {"invoice_id"});
    CHECK(db.execAndGet("SELECT count(*) FROM clients").getInt() == 2);
    CHECK(db.execAndGet("SELECT count(*) FROM entries").getInt() == 5);
    for (const char* table : {"invoices", "invoice_lines", "payments", "number_series"}) {
        INFO(table);
        CHECK(db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt() == 0);
    }

    // The migrated book invoices like a new one: its October work, its SIREN and address.
    REQUIRE(ws.run({"init", "--no-input", "--name", "Camille Martin", "--siren", "123456782", "--address",
                    "12 rue des Lilas", "--address", "75011 Paris", "--email", "camille@example.org"})
                .code == 0);
    auto draft = ws.run({"invoice", "new", "acme", "2026-10"});
    CHECK_MESSAGE(draft.code == 0, draft.err);
    CHECK(draft.out == "1\n");
    auto issued = ws.run({"invoice", "issue", "1"});
    CHECK_MESSAGE(issued.code == 0, issued.err);
    CHECK(issued.out == "2026-0001\n");
    CHECK(db.execAndGet("SELECT group_concat(uid) FROM entries WHERE invoice_id = 1").getString() == "u-1,u-2");
    CHECK(db.execAndGet("SELECT due_date FROM invoices WHERE id = 1").getString() == "2027-01-12");
}
